"""The thirteenth unseen set's classes of layout (docs/ingest.md, "A thirteenth unseen set"), each on
letters written for the test (invented people and wording, real public bodies)."""

from __future__ import annotations

from opendata.ingest.extract import extract

# ---------------------------------------------------------------- a row of labels, its values after it

# An OCR'd covering letter: the labels of the header's row on one line, "Onderwerp" among them and not
# the last, their values after the row in the same order. Which value is the subject the line does not
# tell, so there is none; the row's next label is not the start of the subject.
_LABEL_ROW_LETTER = (
    "Recreatieschap Drenthe Brink 4b 7981 BZ Diever Aan: Gemeente Westerveld Postbus 50 7970 AB HAVELTE "
    "Datum Behandeld door Ons kenmerk Onderwerp Bijlagen 3 mei 2016 mevrouw A. de Wit RD16 begroting 2017 2 "
    "Geacht college, Hierbij ontvangt u de begroting van het schap voor het komende jaar. Met vriendelijke "
    "groet, Recreatieschap Drenthe\n"
)


def test_a_subject_label_followed_by_the_next_label_of_its_row_gives_no_subject():
    facts = extract(_LABEL_ROW_LETTER).facts()
    assert facts["subject"] is None
    assert facts["date_sent"] == "2016-05-03"


def test_a_subject_label_with_its_value_on_a_run_together_line_still_gives_the_subject():
    text = _LABEL_ROW_LETTER.replace(
        "Datum Behandeld door Ons kenmerk Onderwerp Bijlagen 3 mei 2016 mevrouw A. de Wit RD16 begroting 2017 2 ",
        "Onderwerp Begroting 2017 Datum 3 mei 2016 ",
    )
    assert extract(text).facts()["subject"] == "Begroting 2017"


# ---------------------------------------------------------------- a body or its secretariat signs

# Under the closing a public body signs by its name, or its secretariat by a line that names it: neither
# is a person, and the body is the sender.


def test_a_recreation_board_signing_by_its_name_is_no_signatory():
    text = (
        "Geacht college,\n\nHierbij zenden wij u de jaarstukken van het schap.\n\nMet vriendelijke groet,\n"
        "Recreatieschap Drenthe,\n"
    )
    facts = extract(text).facts()
    assert facts["signatories"] == []
    assert facts["sender"] == "so0422"


def test_a_secretariat_line_with_its_telephone_names_no_signatory_and_gives_the_sender():
    text = (
        "Van: Secretariaat <secretariaat@example.nl>\nVerzonden: dinsdag 3 maart 2020 09:12\n"
        "Onderwerp: Jaarstukken 2019\n\nGeachte dames, heren,\n\nOp verzoek van de secretaris sturen wij u de "
        "jaarstukken van het schap.\n\nMet vriendelijke groet,\n\n"
        "Secretariaat Recreatieschap Stichtse Groenlanden T: 030 1234567\n"
    )
    facts = extract(text).facts()
    assert facts["signatories"] == []
    assert facts["sender"] == "so0200"


# ---------------------------------------------------------------- a page that reports its letter

# A body's news page, a party's page or a paper reports a letter instead of carrying it: no salutation,
# no address; the sentence that reports it names whom it is to.


def test_a_news_page_reporting_a_letter_to_the_states_gives_that_addressee():
    text = (
        "Brief over de voorjaarsnota\n\n3 maart 2022\n\nGedeputeerde Staten hebben vandaag een brief naar "
        "Provinciale Staten gestuurd over de voorjaarsnota en de gevolgen van de nieuwe ramingen.\n"
    )
    facts = extract(text).facts()
    assert facts["addressees"] == ["Provinciale Staten"]
    assert facts["kind"] == "brief"


def test_a_letter_sent_to_a_minister_of_a_ministry_is_addressed_to_the_ministry():
    text = (
        "Vorige week hebben bestuur en fractie een brief verstuurd aan minister De Vries van Binnenlandse "
        "Zaken en Koninkrijksrelaties over de voorgenomen samenvoeging van de dorpen.\n"
    )
    assert extract(text).facts()["addressees"] == ["ministerie van Binnenlandse Zaken en Koninkrijksrelaties"]


def test_the_minister_named_before_the_letter_sent_is_its_addressee():
    text = (
        "Noodbrief over de droogte\n\nDe gedeputeerde heeft, mede namens de waterschappen, de minister van "
        "LNV een ‘noodbrief’ gestuurd over de schade aan de gewassen.\n"
    )
    assert extract(text).facts()["addressees"] == ["ministerie van Landbouw, Natuur en Voedselkwaliteit"]


def test_a_body_the_report_does_not_name_is_no_addressee():
    text = "Op 2 april hebben wij samen met twee andere fracties een brief gestuurd aan de provincie over de fusie.\n"
    assert extract(text).facts()["addressees"] == []


def test_a_letter_with_a_salutation_does_not_take_the_letters_it_mentions_as_its_addressees():
    text = (
        "Geachte heer Jansen,\n\nIn onze brief aan de minister van BZK van vorige maand vroegen wij om "
        "uitstel. Dat uitstel is nu verleend.\n\nMet vriendelijke groet,\n\nJ. de Boer\n"
    )
    assert extract(text).facts()["addressees"] == []


def test_the_body_that_has_sent_the_reported_letter_is_its_sender():
    text = (
        "De commissaris van de Koning in de provincie Drenthe heeft, mede namens de colleges in de regio, de "
        "minister van BZK een brief gestuurd over de opvang.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "pv22"
    assert facts["addressees"] == ["ministerie van Binnenlandse Zaken en Koninkrijksrelaties"]


def test_the_party_by_whom_the_reported_letter_was_sent_is_its_sender_as_written():
    text = (
        "Gisteren is door bestuur en fractie van Dorpsbelang een brief verstuurd aan minister Smit van "
        "Financiën over de nieuwe verdeling.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "Dorpsbelang"
    assert facts["addressees"] == ["ministerie van Financiën"]


def test_a_minister_informing_a_province_by_letter_sends_it_from_the_ministry():
    text = (
        "Samenwerking in de regio\n\nIn een brief van vorige week informeerde minister De Vries van Binnenlandse "
        "Zaken en Koninkrijksrelaties de provincie Gelderland over de voortgang.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert facts["sender_body"] == "minister"
    assert facts["addressees"] == ["pv25"]


def test_a_letter_that_mentions_a_letter_it_received_keeps_its_own_sender():
    text = (
        "Gemeente Zeist\n\nGeacht college,\n\nDe provincie Utrecht heeft ons vorige week een brief gestuurd "
        "over de fietsroute. Wij reageren daar graag op.\n\nMet vriendelijke groet,\n\n"
        "Burgemeester en wethouders van Zeist\n"
    )
    assert extract(text).facts()["sender"] == "gm0355"


# ---------------------------------------------------------------- a page's link to its letter dates it


def test_a_link_line_naming_the_letter_and_ending_in_its_date_dates_the_letter():
    text = (
        "De regio werkt samen\n\nIn een brief aan de minister van BZK lichten de gemeenten hun plannen toe.\n\n"
        "Brief aan BZK over de regionale samenwerking 14.02.2019\n\nContact\n"
    )
    assert extract(text).facts()["date_sent"] == "2019-02-14"


def test_a_link_line_opening_with_the_files_date_dates_the_letter():
    text = (
        "Gezamenlijke brief over de grens\n\nDe burgemeesters hebben een brief gestuurd aan de minister van BZK.\n\n"
        "05-03-21 Brief van de regio aan de minister van BZK over de grens\n"
    )
    assert extract(text).facts()["date_sent"] == "2021-03-05"


def test_a_link_line_under_a_letter_with_a_salutation_does_not_date_it():
    text = (
        "Geacht college,\n\nWij sturen u hierbij onze reactie.\n\nMet vriendelijke groet,\n\nJ. de Boer\n\n"
        "Brief aan BZK over de regionale samenwerking 14.02.2019\n"
    )
    assert extract(text).facts()["date_sent"] is None


# ---------------------------------------------------------------- a page's title names the letter


def test_a_body_in_a_pages_title_naming_a_letter_is_no_letterhead():
    text = (
        "Felicitatiebrief Tweede Kamer\n\nDatum besluit: 14 mei 2019\n\nGedeputeerde Staten willen de nieuwe "
        "leden een brief sturen bij hun installatie. Zij stemmen in met de tekst.\n"
    )
    assert extract(text).facts()["sender"] is None


def test_a_letterhead_on_the_first_line_of_a_page_without_salutation_is_still_the_sender():
    text = (
        "Gemeente Zeist\n\nDe bewoners van de Laan van Vollenhove ontvangen deze week een brief over de "
        "werkzaamheden aan de riolering. De werkzaamheden beginnen op 3 juni.\n"
    )
    assert extract(text).facts()["sender"] == "gm0355"


def test_the_ministry_of_a_minister_a_page_reports_as_writing_or_receiving_a_letter_is_mentioned():
    sent_to = (
        "De gedeputeerde heeft, mede namens de waterschappen, de minister van LNV een ‘noodbrief’ gestuurd over "
        "de droogte.\n"
    )
    sent_by = (
        "In een brief van vorige week informeerde minister De Vries van Binnenlandse Zaken en "
        "Koninkrijksrelaties de provincie Gelderland over de voortgang.\n"
    )
    assert (
        "ministerie van Landbouw, Natuur en Voedselkwaliteit"
        in extract(sent_to).facts()["organisations_mentioned"]
    )
    assert extract(sent_by).facts()["organisations_mentioned"] == [
        "pv25",
        "ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    ]


def test_a_letter_reported_to_the_members_of_a_body_is_addressed_to_the_body():
    kamer = (
        "Gedeputeerde Staten willen een felicitatiebrief te sturen aan de nieuwe en herbenoemde Tweede "
        "Kamerleden bij hun installatie.\n"
    )
    staten = "De gedeputeerde heeft vandaag een brief gestuurd aan de Statenleden over de begroting.\n"
    assert extract(kamer).facts()["addressees"] == ["oorg10002"]
    assert extract(staten).facts()["addressees"] == ["Provinciale Staten"]
