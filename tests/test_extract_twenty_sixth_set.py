"""The classes the twenty-sixth unseen set showed (docs/ingest.md, "A twenty-sixth unseen set"), in texts
written for the test (invented bodies' words, real bodies' names): the government's reply to a Kamer's
report on a bill ("NOTA NAAR AANLEIDING VAN HET VERSLAG", "MEMORIE VAN ANTWOORD", or the sentence that
offers it) is a letter; a ministry's short name with an ampersand ("J&V"); a government site's page
whose title names the letter and offers its file under that title; a party naming itself after the verb
("Hierover heeft de PVV Noord-Brabant de volgende vragen"); English dates with ordinals or the month
first; a row of labels with the writer's own "MIJN DOSSIER" over its values."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted
from opendata.ingest.extract_dates import find_dates

BILL_REPLY = (
    "31 234\nWijziging van de Gemeentewet in verband met de digitale raadsvergadering\n\n{number}\n{heading}\n\n"
    "Ontvangen 3 maart 2021\n\n"
    "Ik dank de fracties voor hun vragen over dit wetsvoorstel. Hieronder ga ik op die vragen in, in de "
    "volgorde van het verslag. Waar vragen op elkaar lijken, beantwoord ik ze samen.\n\n"
    "De leden van de fractie vragen hoe de gemeenten zich op de wijziging voorbereiden. Ik heb daarover "
    "overleg gevoerd met de gemeente Utrecht en de provincie Gelderland.\n"
)


@pytest.mark.parametrize(
    "number, heading",
    [
        ("nr. 5", "NOTA NAAR AANLEIDING VAN HET VERSLAG"),
        ("B", "MEMORIE VAN ANTWOORD"),
        ("nr. 9", "NOTA NAAR AANLEIDING VAN HET NADER VERSLAG"),
        ("C", "NADERE MEMORIE VAN ANTWOORD"),
    ],
)
def test_the_governments_reply_on_a_bill_is_a_letter_of_its_dossier(number, heading):
    facts = drafted(BILL_REPLY.format(number=number, heading=heading))
    assert facts is not None
    assert facts["kind"] == "brief"
    assert facts["dossier_references"] == ["31 234"]
    assert facts["date_sent"] is None  # "Ontvangen …" is the Kamer's receipt
    assert facts["sender"] is None  # the heading names no writer
    assert facts["our_reference"] is None  # the paper's number is none
    assert {"gm0344", "pv25"} <= set(facts["organisations_mentioned"])


def test_the_reply_offered_in_its_first_sentence_is_a_letter():
    text = (
        "Ontvangen 2 april 2009\n1. Inleiding 1\n2. Draagvlak 3\n"
        "Hierbij bied ik u de nota naar aanleiding van het verslag over het wetsvoorstel tot samenvoeging "
        "van twee gemeenten aan. Ik ga in op de vragen van de fracties.\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["kind"] == "brief"


def test_a_reply_named_in_running_text_makes_no_letter():
    text = (
        "Agenda van de commissie\n\nDe commissie bespreekt de memorie van antwoord bij het wetsvoorstel en "
        "de nota naar aanleiding van het verslag. Daarna volgt de rondvraag.\n"
    )
    assert drafted(text) is None


@pytest.mark.parametrize(
    "written, full",
    [
        ("J&V", "Justitie en Veiligheid"),
        ("V&J", "Veiligheid en Justitie"),
        ("OC&W", "Onderwijs, Cultuur en Wetenschap"),
    ],
)
def test_a_ministry_named_by_its_short_name_with_an_ampersand_is_named_in_full(written, full):
    text = (
        "Geachte voorzitter,\n\nDe cijfers worden elke maand door het Ministerie van "
        f"{written} gepubliceerd. Ik stuur u de stand per provincie.\n\nHoogachtend,\n\n"
        "de minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nA.B. Visser\n"
    )
    facts = drafted(text)
    assert facts is not None and f"ministerie van {full}" in facts["organisations_mentioned"]


KAMERBRIEF_PAGE = (
    "Kamerbrief over de voortgang van de dijkversterking\n\n"
    "De minister informeert de Tweede Kamer over de voortgang van de versterking van de dijken langs de "
    "grote rivieren. Zij stuurt een overzicht van de projecten mee.\n\n"
)


def test_a_site_page_titled_as_its_letter_and_offering_its_file_has_that_title_as_subject():
    text = KAMERBRIEF_PAGE + (
        "Kamerbrief over de voortgang van de dijkversterking (PDF | 3 pagina's | 210 kB)\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["subject"] == "Kamerbrief over de voortgang van de dijkversterking"


def test_a_page_titled_as_a_letter_without_its_file_gives_no_subject():
    facts = drafted(KAMERBRIEF_PAGE + "Meer over dit onderwerp op de pagina over water.\n")
    assert facts is None or facts["subject"] is None


def test_a_party_named_after_its_verb_asks_as_itself():
    text = (
        "Statenvragen over de busverbinding naar het ziekenhuis\n\nGeacht college,\n\n"
        "De krant meldt dat de busverbinding naar het ziekenhuis in de zomer vervalt.\n\n"
        "Hierover heeft de PVV Noord-Brabant de volgende vragen:\n\n1. Bent u bekend met het bericht?\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] == "PVV Noord-Brabant"


def test_two_parties_asking_leave_no_single_sender():
    text = (
        "Vragen over de busverbinding\n\nGeacht college,\n\n"
        "Hierover heeft de PVV Noord-Brabant de volgende vragen, en ook heeft de SP de volgende vragen:\n\n"
        "1. Bent u bekend met het bericht?\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] is None


@pytest.mark.parametrize(
    "written, iso",
    [
        ("8th July 2020", "2020-07-08"),
        ("1st of March 2021", "2021-03-01"),
        ("22nd May 2019", "2019-05-22"),
        ("July 8th, 2020", "2020-07-08"),
        ("March 2, 2021", "2021-03-02"),
    ],
)
def test_english_dates_with_an_ordinal_or_the_month_first(written, iso):
    dates = find_dates(f"Amsterdam, {written}\n")
    assert [d.iso for d in dates] == [iso]
    assert dates[0].end == len("Amsterdam, ") + len(written)


def test_an_ordinal_word_is_no_date():
    assert find_dates("4th floor 2020, room 12") == []


def test_a_row_of_labels_with_the_writers_own_file_number_over_its_values():
    text = (
        "Gemeente Amsterdam\nT.a.v. de afdeling Juridische Zaken\nPostbus 202\n1000 AE Amsterdam\n\n"
        "DATUM: MIJN DOSSIER: UW REFERENTIE:\n12 mei 2021 20210077/AB/cd 2021-0456\n\n"
        "Geachte heer, mevrouw,\n\nNamens cliënt vraag ik u om de stukken over de vergunning.\n\n"
        "Met vriendelijke groeten,\n\nmr. P. de Wit\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["date_sent"] == "2021-05-12"
    assert facts["our_reference"] == "20210077/AB/cd"
    assert facts["your_reference"] == "2021-0456"


def test_the_addressees_file_number_named_in_the_subject_is_their_reference():
    text = (
        "Gemeente Amsterdam\nStadsdeel Centrum\n\nDatum 2 juni 2021\n"
        "Onderwerp Uw verzoek d.d. 12 mei 2021 inzake uw dossier 20210077/AB/cd\n\n"
        "Geachte heer De Wit,\n\nWij hebben uw verzoek ontvangen en nemen het in behandeling.\n\n"
        "Met vriendelijke groet,\n\nde burgemeester van Amsterdam,\n\nA. Visser\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["your_reference"] == "20210077/AB/cd"
    assert {"date": "2021-05-12", "reference": "20210077/AB/cd"} in facts["cites"]


def test_a_run_in_subject_ends_where_the_address_to_substitute_members_begins():
    # a document host's transcript runs the whole mail into one line
    text = (
        "1 Van: Xx Verzonden: donderdag 20 maart 2014 17:02 Aan: Xx Onderwerp: Verslag van de vergadering van "
        "20 maart 2014 Aan de (plaatsvervangende) leden van de Algemene Vergadering In afschrift aan: de "
        "griffiers Geachte leden, Hierbij het verslag. Met vriendelijke groet, A. de Boer\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["subject"] == "Verslag van de vergadering van 20 maart 2014"
