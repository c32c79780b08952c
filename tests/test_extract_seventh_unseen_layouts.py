"""The seventh unseen set's classes of layout (docs/ingest.md, "A seventh unseen set"), each on letters
written for the test (invented people and wording, real public bodies): councils or colleges listed
after "Aan:" with names the copy lost or wrote with "&"; Gedeputeerde Staten's papers to their Staten;
a row of labels run in with its values; a paper's number is no reference; a stamp's day split by OCR;
a sender's contact line above the salutation; a committee that offers its work "namens" itself; a
register name without its kind word "Samenwerkingsorganisatie"."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

# ---------------------------------------------------------------- councils listed after "Aan:"


@pytest.mark.parametrize(
    ("text", "councils"),
    [
        (  # the colon, a name with "&", a name the copy lost between two commas, a list ending in "en"
            "Aan: de gemeenteraden van Aa & Hunze, , Borger-Odoorn, Emmen, Hoogeveen, en\n\n"
            "Datum: 3 maart 2018\n\nOnderwerp: Rapport over de regionale brandweerzorg\n\n"
            "Geachte leden van de gemeenteraad,\n\nHierbij ontvangt u ons rapport.\n",
            {"gm1680", "gm1681", "gm0114", "gm0118"},
        ),
        (  # the colleges, "en" before the last name
            "Aan de colleges van burgemeester en wethouders van de gemeenten Gilze & Rijen, Dongen en "
            "Oosterhout\n\nDatum: 12 juni 2019\n\nOnderwerp: Afspraken over het leerlingenvervoer\n\n"
            "Geachte colleges,\n\nWij stellen u voor de afspraken te verlengen.\n",
            {"gm0784", "gm0766", "gm0826"},
        ),
        (  # "Aan :" with a space before the colon
            "Aan : de raden van Coevorden, Emmen, , Hoogeveen\n\nDatum: 5 mei 2020\n\n"
            "Onderwerp: Kadernota\n\nGeachte raad,\n\nBijgaand de kadernota.\n",
            {"gm0109", "gm0114", "gm0118"},
        ),
    ],
)
def test_councils_listed_after_aan_with_a_colon_are_each_addressed_and_mentioned(text, councils):
    facts = extract(text).facts()
    assert set(facts["addressees"]) == councils
    assert councils <= set(facts["organisations_mentioned"])


def test_a_group_of_councils_named_by_their_region_stays_a_group():
    text = (
        "Aan: de gemeenteraden in de regio Holland Rijnland\n\nDatum: 3 maart 2018\n\n"
        "Onderwerp: Begroting\n\nGeachte raad,\n\nBijgaand de begroting.\n"
    )
    assert extract(text).facts()["addressees"] == ["de gemeenteraden in de regio Holland Rijnland"]


# ---------------------------------------------------------------- Gedeputeerde Staten to their Staten


@pytest.mark.parametrize(
    ("text", "province"),
    [
        (  # a memo: "Voorstel van GS aan PS", the province only in the run-in header's words
            "Notitie voor Provinciale Staten provincie Overijssel Registratienummer Datum vergadering "
            "Gedeputeerde Staten 4 maart 2015 Verzenddatum 10 maart 2015 Onderwerp Uitvoering fietsplan "
            "Voorstel van GS aan PS: kennisnemen van bijgaand stuk. 1. In het kort Het fietsplan loopt "
            "volgens planning.\n",
            "pv23",
        ),
        (  # a voordracht, the province written as a place only
            "Voordracht van Gedeputeerde Staten aan Provinciale Staten\n\nOnderwerp: Subsidieregeling "
            "dorpshuizen Drenthe 2016\n\nDe regeling verdeelt het budget over de dorpshuizen in Drenthe "
            "en treedt op 1 januari 2016 in werking.\n",
            "pv22",
        ),
        (  # a statenvoorstel headed as one, with "Aan Provinciale Staten" in the header
            "Statenvoorstel nr. PS/2016/12\n\nDatum 3 februari 2016\nAan Provinciale Staten\n"
            "Onderwerp Herziening omgevingsvisie\n\nDe provincie Utrecht wil haar omgevingsvisie "
            "herzien. Met dit voorstel geven Gedeputeerde Staten daar invulling aan.\n",
            "pv26",
        ),
    ],
)
def test_gedeputeerde_staten_papers_to_their_staten_are_letters_of_their_province(text, province):
    facts = extract(text).facts()
    assert facts["kind"] == "brief"
    assert facts["sender"] == province
    assert facts["sender_body"] == "gedeputeerde-staten"
    assert facts["addressees"] == ["Provinciale Staten"]


def test_a_paper_to_the_staten_naming_two_provinces_has_no_sender():
    text = (
        "Voorstel van GS aan PS\n\nOnderwerp: Samenwerking in de Foodvalley\n\n"
        "Sinds 2015 werken de provincie Utrecht en de provincie Gelderland samen aan de Foodvalley; dit "
        "voorstel regelt de verdeling van de kosten voor de komende vier jaar tussen beide partners, "
        "zoals in het convenant is afgesproken.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] is None
    assert facts["addressees"] == ["Provinciale Staten"]


# ---------------------------------------------------------------- references and dates in a run-in header

_RUN_IN_ROW = (
    "Statenvoorstel nr. PS/2011/77 Het Presidium stelt voor dit voorstel te behandelen in de "
    "Statencommissie Economie op: 2 maart 2011 en in de vergadering van Provinciale Staten op: 6 april "
    "2011 {labels} {values} de heer K. Pieters, telefoon Aan Provinciale Staten Onderwerp Evaluatie "
    "van het streekvervoer Bijlagen I. Ontwerpbesluit nr. PS/2011/77 (bijgevoegd) 1 Samenvatting De "
    "provincie Overijssel wil het streekvervoer evalueren.\n"
)


@pytest.mark.parametrize(
    ("labels", "values", "ours"),
    [
        ("Jaargang Datum Ons kenmerk Inlichtingen bij", "februari 2011 EZ/2011/204", "EZ/2011/204"),
        ("Datum Kenmerk Inlichtingen bij", "14 februari 2011 2011-0042", "2011-0042"),
        ("Datum Ons kenmerk Inlichtingen", "14-02-2011 PS-EZ 2011/9", None),  # a value in two tokens
    ],
)
def test_a_row_of_labels_run_in_with_its_values_gives_the_reference_and_not_the_papers_number(
    labels, values, ours
):
    facts = extract(_RUN_IN_ROW.format(labels=labels, values=values)).facts()
    assert facts["our_reference"] == ours
    assert facts["our_reference"] != "PS/2011/77"


@pytest.mark.parametrize("paper", ["Ontwerpbesluit nr.", "Raadsvoorstel nummer", "Motie nr."])
def test_a_papers_number_after_the_subject_is_no_reference(paper):
    text = (
        "Aan de gemeenteraad\n\nOnderwerp: Parkeerbeleid binnenstad Bijlage: "
        f"{paper} 2019/118\n\nGeachte leden van de raad,\n\nWij informeren u over het parkeerbeleid.\n"
    )
    assert extract(text).facts()["our_reference"] is None


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [("2 7NOV 2013", "2013-11-27"), ("1 4 MRT. 2016", "2016-03-14"), ("3 0 sep 2019", "2019-09-30")],
)
def test_a_dispatch_stamps_day_split_by_ocr_is_read_whole(stamp, iso):
    text = (
        "provincie Zeeland Registratienummer Datum vergadering Gedeputeerde Staten 2 maart 2016 "
        f"Verzenddatum {stamp} Onderwerp Evaluatie natuurbeleid Voorstel van GS aan PS: kennisnemen.\n"
    )
    assert extract(text).facts()["date_sent"] == iso


def test_a_receivers_split_stamp_is_still_no_date_sent():
    text = (
        "GEMEENTE BOXTEL Ingekomen 2 4 FEB. 2015\n\nAan het college van burgemeester en wethouders\n\n"
        "Betreft: vragen over de kermis\n\nGeacht college,\n\nIk heb vragen over de kermis.\n"
    )
    assert extract(text).facts()["date_sent"] is None


# ---------------------------------------------------------------- senders named outside a letterhead


@pytest.mark.parametrize(
    ("contact", "sender"),
    [
        ("Waterschap Hunze en Aa's Petra Wolters (0598)", "ws0646"),
        ("Waterschap Vechtstromen M. de Bruin (0546)", "ws0663"),
        ("Gemeente Tynaarlo Anne Smit (0592)", "gm1730"),
    ],
)
def test_a_senders_contact_line_above_the_salutation_names_the_sender(contact, sender):
    text = (
        "WATERADVIES\n\nU heeft ons geïnformeerd over het plan voor een zonnepark aan de Dijkweg.\n\n"
        f"{contact} 12 34 56\n\nGeachte heer Bakker,\n\nHet plan vraagt om extra waterberging.\n"
    )
    assert extract(text).facts()["sender"] == sender


def test_an_addressees_block_with_a_postal_address_is_no_contact_line():
    text = (
        "WATERADVIES\n\nGemeente Tynaarlo Anne Smit (0592) Postbus 5 9480 AA Vries\n\n"
        "Geachte mevrouw Smit,\n\nHet plan vraagt om extra waterberging.\n"
    )
    assert extract(text).facts()["sender"] != "gm1730"


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            "Hierbij bied ik u namens de begeleidingscommissie van het gezamenlijke onderzoek het "
            "rapport ‘Grip op de regio’ aan.",
            "begeleidingscommissie van het gezamenlijke onderzoek",
        ),
        (
            "Hiermee sturen wij u namens de klankbordgroep de notitie over het dorpsplein.",
            "klankbordgroep",
        ),
        (
            "Bijgaand bied ik u namens de werkgroep van de drie dorpsraden ons advies aan.",
            "werkgroep van de drie dorpsraden",
        ),
    ],
)
def test_a_committee_that_offers_its_work_on_its_own_behalf_is_the_sender(sentence, who):
    text = (
        "Aan: de gemeenteraad van Emmen\n\nDatum: 2 april 2019\n\nOnderwerp: Rapport\n\n"
        f"Geachte leden van de gemeenteraad,\n\n{sentence}\n"
    )
    assert extract(text).facts()["sender"] == who


def test_a_register_name_is_found_without_its_kind_word():
    text = (
        "Geachte heer, mevrouw,\n\nHiermee bieden wij uw raad het jaarverslag van Publiek Vervoer "
        "Groningen Drenthe aan.\n"
    )
    assert "so0902" in extract(text).facts()["organisations_mentioned"]
