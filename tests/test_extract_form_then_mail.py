"""A Woo bundle's text that holds a filled-in form and then the cover mail that answers it: the mail's
header block starts a new document even though the form has no closing, so the mail is drafted with
its own date and subject and the form is left to the letter gate. A thread whose top message is a
mail stays one document: the messages it quotes are split off only after a closing. Before: form and
mail were one letter with the form's first line for a title and no date (the province of Overijssel's
tree-felling notifications in the PZH Wooverzicht bundles). Texts written for the test."""

from __future__ import annotations

from opendata.ingest import is_letter
from opendata.ingest.extract import extract, split_letters

FORM = (
    "1 van 5\nBomen kappen aan de Veldweg publiceerbaar\nUw verzoek\nIngediend bij Provincie Overijssel\n"
    "Soort Melding\nActiviteit(en) Kappen van houtopstanden (buiten de bebouwde kom)\n"
    "Verzoeknummer(s) 20241011 00278 000 (ingediend op 11-10-2024)\nLocatie Postcode en huisnummer 7554PG 26\n"
    "Toelichting op uw verzoek: drie eiken langs het pad zijn ziek en worden geveld.\n"
)
MAIL = (
    "Van: Procedurekamer <procedure@example.nl>\nVerzonden: woensdag 30 oktober 2024 08:10\nAan:\n"
    "Onderwerp: Afrondingsbrief kapmelding Veldweg 26\nGeachte lezer,\n\n"
    "Hierbij ontvangt u de brief waarmee wij uw melding afronden.\n\nMet vriendelijke groet,\n\n"
    "Medewerker procedures\nProvincie Overijssel | Postbus 10078 | 8000 GB Zwolle\n"
)


def test_the_cover_mail_after_a_form_is_a_letter_of_its_own():
    text = FORM + MAIL
    pieces = split_letters(text)
    assert [text[a:b] for a, b in pieces] == [FORM, MAIL]
    form, mail = (extract(text[a:b]) for a, b in pieces)
    assert not is_letter(form, FORM)
    facts = mail.facts()
    assert facts["date_sent"] == "2024-10-30"
    assert facts["subject"] == "Afrondingsbrief kapmelding Veldweg 26"


def test_a_thread_whose_top_message_is_a_mail_stays_one_document():
    top = "Van: Jan Jansen\nAan: Piet de Vries\nOnderwerp: RE: Afrondingsbrief kapmelding Veldweg 26\nPrima, dank je.\n"
    text = top + MAIL
    assert split_letters(text) == [(0, len(text))]
