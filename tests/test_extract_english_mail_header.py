"""An e-mail whose mail program writes its header in English ("From:", "Sent:", "To:", "Subject:"), as
the Woo bundles of Dutch municipalities hold many: its date sent and subject are read as those of the
Dutch header ("Van:", "Verzonden:", "Aan:", "Onderwerp:"). Before: neither was found (a sweep over 406
OCR'd texts of Amsterdam's Woo decisions; 70 e-mails had no date or subject). Texts written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_MAIL = (
    "From: Jan Jansen\n{gap}Sent: {sent}\n{gap}To: Piet de Vries <p.devries@example.nl>\n"
    "Subject: Planning van de werkzaamheden aan de kade\n\nBeste Piet,\n\nHierbij de planning voor de "
    "komende weken.\n\nGroet,\nJan\n"
)


@pytest.mark.parametrize(
    ("sent", "iso"),
    [
        ("Fri, 2 Jun 2023 22:28:17 +0200", "2023-06-02"),
        ("Tue, 7 Mar 2023 18:08:47 +0100", "2023-03-07"),
        ("Wed, 3 May 2023 09:00", "2023-05-03"),
        ("Mon, 16 Oct 2023 10:00", "2023-10-16"),
        ("2 June 2023 10:29", "2023-06-02"),
        ("donderdag 16 maart 2023 16:21", "2023-03-16"),
    ],
)
@pytest.mark.parametrize("gap", ["", "\n"], ids=["lines", "blank-lines"])
def test_an_english_mail_header_gives_date_and_subject(sent, iso, gap):
    facts = extract(_MAIL.format(sent=sent, gap=gap)).facts()
    assert facts["date_sent"] == iso
    assert facts["subject"] == "Planning van de werkzaamheden aan de kade"


def test_the_top_message_of_a_thread_is_the_letter():
    # the forwarded message under it, with its Dutch header, is quoted: its date and subject are not the mail's
    text = (
        "From: Jan Jansen\nSent: Fri, 22 Sep 2023 13:49:52 +0200\nTo: Piet de Vries\n"
        "Subject: Doorgestuurd: vragen over de kade\n"
        "Van: Anna Bakker\nVerzonden: maandag 20 februari 2023 16:26\nAan: Jan Jansen\n"
        "Onderwerp: vragen over de kade\nBeste Jan,\nIk heb een paar vragen.\nGroet,\nAnna\n"
    )
    facts = extract(text).facts()
    assert facts["date_sent"] == "2023-09-22"
    assert facts["subject"] == "Doorgestuurd: vragen over de kade"


def test_a_sentence_that_uses_the_english_words_is_no_header():
    text = (
        "Gemeente Leiden\nDatum: 4 april 2023\nOnderwerp: Vergunning voor een terras\n\nGeachte heer Bos,\n\n"
        "Het onderwerp (subject: terras) sent naar de commissie is besproken. Wij verlenen de vergunning.\n\n"
        "Met vriendelijke groet,\nHet college van burgemeester en wethouders van Leiden\n"
    )
    facts = extract(text).facts()
    assert facts["date_sent"] == "2023-04-04"
    assert facts["subject"] == "Vergunning voor een terras"


@pytest.mark.parametrize(
    "greeting", ["Hi,", "Hoi allen,", "Hallo Piet,", "Dag allemaal,", "Goedemorgen Piet,"]
)
def test_the_greeting_under_a_mail_s_subject_is_not_part_of_it(greeting):
    text = (
        "From: Jan Jansen\nSent: Fri, 2 Jun 2023 10:00\nTo: Piet de Vries\nSubject: Concept agenda kenniskwartier\n"
        f"{greeting}\nBeide agenda's zijn bijna gelijk.\nGroet,\nJan\n"
    )
    assert extract(text).facts()["subject"] == "Concept agenda kenniskwartier"


def test_a_subject_that_wraps_onto_a_line_beginning_with_dag_goes_on():
    text = (
        "Gemeente Leiden\nDatum: 4 april 2023\nOnderwerp: Evaluatie van de\nDag van de Democratie 2023\n\n"
        "Geachte heer Bos,\n\nHierbij de evaluatie.\n\nMet vriendelijke groet,\nHet college\n"
    )
    assert extract(text).facts()["subject"] == "Evaluatie van de Dag van de Democratie 2023"
