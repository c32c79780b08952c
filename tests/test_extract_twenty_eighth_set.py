"""The classes the twenty-eighth and twenty-ninth unseen sets showed (docs/ingest.md, "A twenty-eighth and a
twenty-ninth unseen set"), in mails and letters written for the test (invented people and words, real bodies'
names): a closing after a sentence and a margin's page number, or with dots for its comma; a unit's line
after the municipality's name with slashes; unit lines that sign no one; a column of labels over a column of
values; the reference a footer asks to mention; a printed e-mail with no closing; a board's formula above
the closing or without one; a sentence-ending subject over a word alone; an association's name over its
address under the closing; a postal address over the subject; a redacted mail address in the signature;
the message a reply quotes under an opening header of another shape."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted
from opendata.ingest.extract import extract

MAIL_HEAD = (
    "Van: (geanonimiseerd)\nVerzonden: donderdag 5 november 2020 10:12\nAan: (geanonimiseerd)\n"
    "Onderwerp: Antwoord op uw vragen over de bomenkap\n\n"
)


def test_a_closing_after_a_sentence_and_a_page_number_and_a_unit_line_with_slashes():
    text = MAIL_HEAD + (
        "Geachte heer,\n\nDe bomen worden in maart vervangen. Wij hopen u zo voldoende te hebben geïnformeerd. "
        "2 Met vriendelijke groet,\nXx\nGemeente Haarlem/Afdeling BBOR/Team Groen & Bomen /\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] == "gm0392"


def test_a_closing_with_dots_for_its_comma():
    text = MAIL_HEAD + (
        "Beste,\n\nDe melding is doorgezet naar de aannemer.\nMet Vriendelijke Groet...\n"
        "Team Wijkbeheer\nGemeente Haarlem, Zijlvest 39, Postbus 511, 2003 PB Haarlem\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] == "gm0392"


@pytest.mark.parametrize(
    "line",
    [
        "Beheer Openbare Ruimte",
        "Beleidsuitvoering Openbare Ruimte en Groen /BBOR",
        "Stadsdeel Noord",
        "Expertisecentrum Stad en Verkeer, Stadswerken",
    ],
)
def test_a_units_line_under_the_closing_signs_no_one(line):
    text = MAIL_HEAD + f"Beste,\n\nDe melding is doorgezet.\n\nMet vriendelijke groet,\n\n{line}\n"
    assert extract(text).facts()["signatories"] == []


def test_a_column_of_labels_over_a_column_of_values():
    text = (
        "Gemeente\nHaarlem\nAan\nDe heer P. Visser\nPer e-mail\n"
        "Ons kenmerk\nDatum\nAfdeling\nContact\nTelefoon\nE-mail\nBijlage(n)\n"
        "2024/118822\n12 maart 2024\nBBOR\nJZ-Woo\n14023\nwoo@haarlem.nl\n2\n"
        "Onderwerp: Besluit op uw verzoek\nGeachte heer Visser,\n\nWij besluiten uw verzoek toe te wijzen.\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["our_reference"] == "2024/118822"
    assert facts["date_sent"] == "2024-03-12"


@pytest.mark.parametrize(
    "footer, reference",
    [
        ("Kenmerk: JZ/2024/118822 1/2", "JZ/2024/118822"),
        ("Kenmerk: BBOR 2024 118822 1/2", "BBOR 2024 118822"),
        ("Kenmerk: BBOR/2024/118822", "BBOR/2024/118822"),
    ],
)
def test_the_reference_a_footer_asks_to_mention(footer, reference):
    text = (
        "Gemeente Haarlem\n\nOnderwerp: uw schademelding\nGeachte heer,\n\nWij wijzen uw verzoek af.\n"
        f"Graag ons kenmerk vermelden bij uw reactie. {footer}\n\nMet vriendelijke groet,\n\nA. de Boer\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["our_reference"] == reference


def test_a_footer_with_the_page_number_alone_gives_no_reference():
    text = (
        "Gemeente Haarlem\n\nOnderwerp: uw schademelding\nGeachte heer,\n\nWij wijzen uw verzoek af.\n"
        "Graag ons kenmerk vermelden bij uw reactie. Kenmerk: 1/7\n\nMet vriendelijke groet,\n\nA. de Boer\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["our_reference"] is None


def test_a_printed_e_mail_without_closing_is_a_letter_and_its_attachments_name_is_no_subject():
    text = (
        'Van: "Xx (geanonimiseerd)" xx@haarlem. nl\nVerzonden: dinsdag 12 oktober 2021 11:20\n'
        "Aan: (geanonimiseerd)\nOnderwerp: Overzicht van de meldingen\nMeldingen-0000001234.pdf\n"
        "Bijlage(n):\nHet overzicht zit als bijlage bij deze mail.\n\nMelding: Datum\nMeldingnummer:\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["kind"] == "brief"
    assert facts["date_sent"] == "2021-10-12" and facts["subject"] == "Overzicht van de meldingen"


def test_a_boards_formula_above_the_closing_names_the_senders_body():
    text = (
        "Gemeente Amsterdam\n\nDatum 3 april 2023\nOnderwerp Besluit op uw Woo-verzoek\n\nGeachte heer,\n\n"
        "Wij maken de stukken openbaar.\n\n"
        "Namens het college van burgemeester en wethouders van Amsterdam,\n\nMet vriendelijke groet,\n\n"
        "Teamleider Bestuursondersteuning\n\nGemeente Amsterdam\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert (facts["sender"], facts["sender_body"]) == ("gm0363", "college-van-burgemeester-en-wethouders")


def test_a_boards_formula_without_a_closing_names_the_senders_body():
    text = (
        "Gemeente Amsterdam\n\nDatum 3 april 2023\nOnderwerp Besluit op uw Woo-verzoek\n\nGeachte heer,\n\n"
        "Wij maken de stukken openbaar.\n"
        "Namens het college van burgemeester en wethouders van Amsterdam,\nxk wrtyl\ndjrecteur Economie\n"
        "Gemeente Amsterdam\n\nNiet mee eens?\n\nBezwaar\nTegen dit besluit kunt u bezwaar maken binnen zes weken.\n"
        # the objection clause runs on (in the real decisions over a page)
        + "Stuur uw bezwaarschrift naar het college en zeg waarom u het niet eens bent met het besluit.\n"
        * 10
    )
    facts = drafted(text)
    assert facts is not None and facts["sender_body"] == "college-van-burgemeester-en-wethouders"


def test_a_subject_that_ends_a_sentence_does_not_go_on_into_a_word_alone():
    text = (
        "Gemeente Amsterdam\n\nDatum 3 april 2023\n"
        "Onderwerp Besluit op uw verzoek van 2 maart 2023 over klachten over bezorgdiensten.\ncerch\n"
        "Wij maken de stukken openbaar.\n\nMet vriendelijke groet,\n\nde burgemeester van Amsterdam,\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["subject"] == "Besluit op uw verzoek van 2 maart 2023 over klachten over bezorgdiensten"


def test_an_associations_name_over_its_address_under_the_closing_is_the_sender():
    text = MAIL_HEAD + (
        "Beste allen,\n\nHierbij de afspraken van gisteren.\nMet vriendelijke groet,\n\nnn\n\nXX |\n\n1\n"
        "Koninklijke Nederlandse Schaakbond\n\nStationsweg 12-14, 3701 AB Zeist\n\nPostbus 100, 3700 AC Zeist\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] == "Koninklijke Nederlandse Schaakbond"


def test_a_postal_address_over_the_subject_marks_a_letter():
    text = (
        "Xx Yy\nzz\n\nKNVB\nnn\nStationsweg 12-14\n3701 AB Zeist\n\nAmsterdam, 4 september 2017\n"
        "Betreft: De bekerwedstrijd zonder bezoekers\n"
        "Vandaag hoorden wij dat de wedstrijd zonder bezoekers wordt gespeeld. Wij betreuren dat besluit.\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["date_sent"] == "2017-09-04" and facts["subject"] == "De bekerwedstrijd zonder bezoekers"


def test_a_report_with_a_date_and_a_subject_but_no_address_stays_no_letter():
    text = (
        "Rapportage verkeerstellingen\n\nAmsterdam, 4 september 2017\nBetreft: De tellingen van augustus\n"
        "In augustus zijn op tien punten tellingen gedaan. De uitkomsten staan in de tabellen.\n"
    )
    assert drafted(text) is None


def test_a_redacted_mail_address_in_the_signature_names_the_senders_domain():
    text = MAIL_HEAD + (
        "Beste,\n\nDe afspraken volgen morgen.\nMet vriendelijke groet,\nveiligheid Den Haag\ntelefoon\n"
        "email @denhaag.nl\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] == "gm0518"


def test_the_quoted_message_under_an_opening_header_of_another_shape_signs_nothing_of_the_reply():
    text = (
        "Van: Xx\nOnderwerp: RE: de route\nDatum: woensdag 22 maart 2023 14:11:19\n"
        "Prima, zo doen we het.\nIk laat het juridisch uitzoeken.\nGroet Xx\n"
        "van:\nVerzonden: dinsdag 21 maart 2023 09:44\nAan: (geanonimiseerd)\nOnderwerp: de route\n"
        "Kun je de route bekijken?\nMet vriendelijke groet,\nTeam Projecten\nGemeente Utrecht\n"
        "E-mail @utrecht.nl\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] is None


def test_a_postcodes_letters_name_no_ministry():
    text = (
        "Gemeente Pijnacker-Nootdorp\n\nRetouradres Postbus 5780, 2645 EZ DELFGAUW\n\nAan de raad\n\n"
        "Datum 3 maart 2020\nOnderwerp: De nieuwe brug\n\nGeachte raad,\n\nDe brug gaat in april open.\n\n"
        "Hoogachtend,\n\nde burgemeester,\nA. Visser\n"
    )
    facts = drafted(text)
    assert facts is not None and "EZ" not in facts["organisations_mentioned"]
