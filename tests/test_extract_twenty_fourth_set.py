"""The classes the twenty-fourth unseen set showed (docs/ingest.md, "A twenty-fourth unseen set"), each
in letters written for the test (invented people and words): a next page's running header under the
signature, a job title or a society's name where a signer's name would be, a ministry's abbreviation in a
redacted mail address, a stamp's two-character scrap as a case number, the receiver's mail address taken
for the writer's, several associations writing together, a letter in English, an e-mail's greeting."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted
from opendata.ingest.extract import extract


def _decision(signature: str) -> str:
    return (
        "Gemeente Zwolle\nDatum 7 februari 2023\nOnderwerp: Besluit op uw verzoek\n\nGeachte heer,\n\n"
        "Hierbij ontvangt u mijn besluit op uw verzoek om informatie over de bomen aan de kade.\n\n"
        f"Met vriendelijke groet,\nNamens het college van burgemeester en wethouders van Zwolle,\n{signature}"
    )


def test_a_next_pages_running_header_under_the_signature_signs_no_one():
    text = _decision(
        "Anna de Wit\nDirecteur Stadsbeheer\nGemeente Zwolle Datum 7-2-2023\nKenmerk Woo verzoek\nPagina 2 van 4\n"
    )
    assert [s["name"] for s in extract(text).facts()["signatories"]] == ["Anna de Wit"]


@pytest.mark.parametrize(
    "line", ["Jurist Onroerend Goed & Erfpacht", "Vrienden van het Stadspark", "Buurtcomité Oost"]
)
def test_a_job_title_or_a_societys_name_under_the_closing_is_no_signer(line):
    text = (
        "Aan: Gemeente Zwolle\nBetreft: verzoek om informatie\nZwolle, 3 april 2023\n\nGeachte heer, mevrouw,\n\n"
        "Graag ontvangen wij de stukken over het onderhoud van het park.\n\nMet vriendelijke groet,\n\n"
        f"(naam verwijderd)\n\n{line}\n"
    )
    assert extract(text).facts()["signatories"] == []


def test_a_ministrys_abbreviation_in_a_redacted_mail_address_names_no_ministry():
    text = (
        "Van: (naam verwijderd)\nVerzonden: dinsdag 4 april 2023 10:00\nAan: XX EZ Ozwolle.nl>\n"
        "Onderwerp: verzoek om informatie\n\nGeachte heer, mevrouw,\n\nGraag ontvang ik de stukken.\n\n"
        "Met vriendelijke groet,\n(naam verwijderd)\n"
    )
    facts = extract(text).facts()
    assert "EZ" not in facts["addressees"] and "EZ" not in facts["organisations_mentioned"]


def test_a_stamps_two_character_scrap_is_no_case_number():
    text = (
        "Aan de burgemeester van Zwolle\nPostbus 10007\n8000 GA Zwolle\n\nZaak : 2d a Ie\n\n"
        "Zwolle, 3 december 2018\n\nGeachte burgemeester,\n\nIk verzoek u om de stukken over het evenement.\n\n"
        "Hoogachtend,\n(naam verwijderd)\n"
    )
    assert extract(text).facts()["dossier_references"] == []


@pytest.mark.parametrize(
    "head",
    [
        "Aan: Gemeente Zwolle\nPostbus 10007\n8000 GA Zwolle\nwoo@zwolle.nl\n",
        "Woo-loket gemeente Zwolle\nPostbus 10007\n8000 GA Zwolle\n\nPer e-mail verstuurd: woo@zwolle.nl\n",
    ],
)
def test_the_receivers_mail_address_is_not_the_writers(head):
    text = (
        f"{head}\nZwolle, 18 januari 2023\n\nBetreft: Woo-verzoek\n\nGeachte heer/mevrouw,\n\n"
        "Ik verzoek u om informatie over het nieuwe verkeersbord in mijn straat.\n\nMet vriendelijke groet,\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] is None
    assert facts["addressees"] == ["gm0193"]


def test_several_associations_writing_together_are_senders_together():
    # (the twentieth session: each is a member of the joint sender, tests/test_joint_sender.py; before, none)
    text = (
        "Van: Bewonersvereniging “De Kade”\ninfo@dekade.example\nVan: Vereniging Stadspark Zwolle\n"
        "contact@stadspark.example\nAan: Gemeente Zwolle\nPostbus 10007\n8000 GA Zwolle\nBetreft: Woo-verzoek\n"
        "Zwolle, 17 april 2023\nGeachte heer, mevrouw,\nWij verzoeken u om alle stukken over het nieuwe plan.\n"
        "Met vriendelijke groet,\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == ["Bewonersvereniging “De Kade”", "Vereniging Stadspark Zwolle"]
    assert facts["addressees"] == ["gm0193"]


def test_an_ocr_cc_label_makes_its_address_a_receivers():
    text = (
        "From: (naam verwijderd)\nSent: Tue, 26 Sep 2023 17:14:09 +0200\nTo: <x@minjenv.nl>\nce: kabinet\n"
        "XX Y@zwolle.nl>\nSubject: RE: vragen\n\nWij hebben nog geen nieuwe informatie over de avond.\n\nGroet,\nXX\n"
    )
    assert extract(text).facts()["sender"] is None


def test_a_running_header_with_a_number_label_names_the_colleges_municipality():
    page = "\nHet loket is open op werkdagen.\nGemeente Zwolle OLO nummer:1234567\nPagina {n} van 3\n"
    text = (
        "Gemee nte Bezoekadres\nd Alle wijken\nPostbus 10007\nDatum 6 januari 2022\n"
        "Onderwerp Nummerbeschikking: OLO nummer 1234567\nGeachte aanvrager,\nU heeft een vergunning aangevraagd.\n"
        + page.format(n=2)
        + "Ik heb besloten tot toekenning van de nummers in de bijlage.\n"
        "Namens het college van burgemeester en wethouders,\nManager Gegevensbeheer\n" + page.format(n=3)
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0193"


ENGLISH = (
    "Ms Anna de Wit\nMayor of Zwolle\nPostbus 10007\n8000 GA Zwolle\nThe Netherlands\n10 March 2023\n\n"
    "Dear Ms Mayor,\nSubject: Meeting on the plans for the harbour\nWe would be glad to talk with you about\n"
    "the plans for the harbour next to our offices.\nWe look forward to the meeting.\n\nYours sincerely,\n\n"
    "Jane Miller\nExecutive Director\n"
)


def test_a_letter_in_english_is_drafted_with_its_date_subject_addressee_and_signer():
    facts = drafted(ENGLISH)
    assert facts is not None
    assert facts["date_sent"] == "2023-03-10"
    assert facts["subject"] == "Meeting on the plans for the harbour"
    assert facts["addressees"] == ["gm0193"]
    assert [s["name"] for s in facts["signatories"]] == ["Jane Miller"]


@pytest.mark.parametrize("greeting", ["Goedenavond (naam verwijderd),", "Dag Bm,", "Hallo allemaal,"])
def test_an_emails_greeting_is_its_salutation(greeting):
    text = (
        "Van: (naam verwijderd)\nVerzonden: vrijdag 9 juni 2023 08:45\nAan: (naam verwijderd)\n"
        f"Onderwerp: Concept raadsbrief\n\n{greeting}\n\nBijgevoegd het concept van de brief aan de raad.\n\n"
        "(naam verwijderd)\nGemeente Zwolle\n"
    )
    assert extract(text).salutation is not None
    facts = drafted(text)  # a letter by its salutation, with no closing
    assert facts is not None and facts["subject"] == "Concept raadsbrief"


def test_a_heading_that_starts_with_dag_is_no_greeting():
    assert extract("Dag van de raad\n\nOp zaterdag opent het stadhuis zijn deuren.\n").salutation is None


def test_e_mails_cited_by_the_writer_and_an_offer_by_mail_are_cited_letters():
    text = (
        "Gemeente Zwolle\nDatum 2 mei 2022\nOnderwerp: Deelbesluit over uw verzoek\n\nGeachte heer,\n\n"
        "In uw mail van 1 juli 2021 vroeg u om de stukken. De ontvangst heb ik u per mail op 8 juli 2021 "
        "bevestigd. In mijn e-mail van 29 juli 2021 heb ik de termijn verdaagd. Uw offerte per mail d.d. "
        "24 september 2020 ligt bij de stukken.\n\nMet vriendelijke groet,\n\nAnna de Wit\nDirecteur\n"
    )
    dates = sorted(str(c["date"]) for c in extract(text).facts()["cites"])
    assert dates == ["2020-09-24", "2021-07-01", "2021-07-08", "2021-07-29"]


def test_someone_elses_request_without_its_kenmerk_is_still_no_letter():
    text = (
        "Gemeente Zwolle\nDatum 2 mei 2022\nOnderwerp: Besluit\n\nGeachte heer,\n\n"
        "Het verzoek van de commissie van 3 maart 2022 is besproken.\n\nMet vriendelijke groet,\n\nAnna de Wit\n"
    )
    assert extract(text).facts()["cites"] == []
