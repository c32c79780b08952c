"""The ninth unseen set's classes of layout (docs/ingest.md, "A ninth unseen set"), each on letters
written for the test (invented people and wording, real public bodies): a party's signature run into
one line with its member's name; a joint arrangement's letterhead behind a receiver's registration
stamp on a run-together line, told by its own address labels; an association of public bodies that
names itself as the writer; a first name before the initials after a title without its full stop; a
subject that stops at the next label of the header's column; letters cited by a compound word
("bewonersbrief") and no letter cited that is dated after the letter itself; the police in lower case
and two Kamers named with one noun; a salutation a quoting copy opens with a quotation mark; a web
page's title that numbers or names the letter above the letter's own header labels; a job title a text
layer spelled with a look-alike letter."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

# ---------------------------------------------------------------- "Namens <party>, <name>" on one line


@pytest.mark.parametrize(
    ("closing", "sender", "name"),
    [
        ("Namens de fractie D66, Anouk Verbeek.", "fractie D66", "Anouk Verbeek"),
        (
            "Namens de fractie van de ChristenUnie, Gerrit Hofstra",
            "fractie van de ChristenUnie",
            "Gerrit Hofstra",
        ),
        ("Namens Lokaal Belang Texel, M.J. Boon.", "Lokaal Belang Texel", "M.J. Boon"),
    ],
)
def test_a_party_signing_on_one_line_with_its_members_name(closing, sender, name):
    text = (
        "Geacht college,\n\nIn de wijk zijn de stoepen na de werkzaamheden nog niet hersteld. Wanneer "
        "wordt dit opgepakt, en worden de bewoners daarover vooraf geïnformeerd?\n\n" + closing + "\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == sender
    assert [s["name"] for s in facts["signatories"]] == [name]


# ---------------------------------------------------------------- a letterhead behind a receiver's stamp


@pytest.mark.parametrize(
    ("letterhead", "code"),
    [
        ("(Omgevingsdienst regio Utrecht Bezoekadres: Archimedeslaan 6", "so0697"),
        ("Veiligheidsregio Twente Postadres: Postbus 1333", "so0679"),
        ("GGD Drenthe Bezoekadres Gezondheidsweg 3", "so0474"),
    ],
)
def test_a_run_together_letterhead_behind_a_registration_stamp_is_told_by_its_own_address_labels(
    letterhead, code
):
    text = (
        "1 Ingeboekt: Afdeling Bestuur Datum registratie: 14/03/2019 "
        + letterhead
        + " Aan de gemeenteraad van de gemeente Hengelo t.a.v. het college van burgemeester en "
        "wethouders Postbus 18 7550 AA Hengelo Datum 11 maart 2019 Onderwerp Begroting 2020 Geachte "
        "raad, Wij danken u voor uw reactie op de ontwerpbegroting en informeren u over het besluit van "
        "het algemeen bestuur. Zodra de begroting is vastgesteld, ontvangt u die van ons.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == code
    assert facts["addressees"] != [code]


def test_a_body_named_in_the_subject_before_a_provinces_sidebar_is_no_letterhead():
    text = (
        "1 Gedeputeerde Staten Provincie Zuid-Holland De raad van de gemeente Leiden Postbus 9100 2300 PC "
        "Leiden Datum 12 april 2016 Onderwerp Samenwerking met de gemeente Zwolle Postadres Provinciehuis "
        "Postbus 90602 2509 LP Den Haag Geachte raad, Met deze brief informeren wij u over de "
        "samenwerking. Hoogachtend, Gedeputeerde Staten van Zuid-Holland, voorzitter, secretaris,\n"
    )
    assert extract(text).facts()["sender"] != "gm0193"


# ---------------------------------------------------------------- an association that names itself


@pytest.mark.parametrize(
    ("body", "sender"),
    [
        (
            "Vanuit de VNG vragen we uw aandacht voor de uitvoering van de Omgevingswet. Gemeenten "
            "hebben meer tijd nodig.",
            "VNG",
        ),
        (
            "Na het rondetafelgesprek hebt u de Vereniging van Nederlandse Gemeenten (VNG) gevraagd om "
            "een schriftelijke reactie. Graag geven wij die hieronder.",
            "Vereniging van Nederlandse Gemeenten",
        ),
        (
            "Wij geven u graag het standpunt van de gemeenten mee. De VNG steunt het voorstel om de "
            "bouw van sociale huurwoningen te versnellen.",
            "VNG",
        ),
        (
            "Vanuit de Unie van Waterschappen delen we graag onze zorgen over de droogte.",
            "Unie van Waterschappen",
        ),
    ],
)
def test_an_association_that_names_itself_as_the_writer_is_the_sender(body, sender):
    text = "Geachte leden van de vaste commissie voor Binnenlandse Zaken,\n\n" + body + "\n"
    assert extract(text).facts()["sender"] == sender


@pytest.mark.parametrize(
    "body",
    [
        # two writers: no one sender
        "Wij, VNG en Divosa, vragen u om voldoende middelen voor de schuldhulpverlening.",
        # a college's letter telling what the association asks: the association is no writer here
        "De VNG vraagt alle gemeenten om het convenant te ondertekenen. Wij hebben dat op 3 mei gedaan.",
    ],
)
def test_an_association_named_otherwise_is_no_sender(body):
    text = "Geachte leden van de raad,\n\n" + body + "\n"
    assert extract(text).facts()["sender"] is None


# ---------------------------------------------------------------- names and job titles in the signature


@pytest.mark.parametrize(
    ("signer", "name"),
    [
        ("drs Marloes P. Visser", "Marloes P. Visser"),
        ("ir Hendrik J. de Wit", "Hendrik J. de Wit"),
    ],
)
def test_a_first_name_before_the_initials_is_part_of_the_name(signer, name):
    text = (
        "Gemeente Bloemendaal\n\nDatum : 2 mei 2012\nOnderwerp : Snoeien van de bomen\n\nGeachte heer, "
        "mevrouw,\n\nVolgende week snoeien wij de bomen in uw straat.\n\nMet vriendelijke groet,\n"
        "Het hoofd van de afdeling beheer,\n" + signer + "\n"
    )
    assert [s["name"] for s in extract(text).facts()["signatories"]] == [name]


def test_a_job_title_spelled_with_a_look_alike_letter_is_read_as_the_title():
    text = (
        "Geachte heer, mevrouw,\n\nDe werkzaamheden in uw straat beginnen later. Met vragen kunt u mij "
        "mailen: w.prins@dordrecht.nl.\n\nMet vriendelijke groet,\nW. Prins\n\nProjectcoƶrdinator\n"
    )
    assert extract(text).facts()["signatories"] == [{"name": "W. Prins", "role": "projectcoördinator"}]


# ---------------------------------------------------------------- the subject stops at the next label


@pytest.mark.parametrize(
    "label",
    ["Ref. : Sanne Mol, tel. 071-5161718", "Beh. ambtenaar: dhr. K. de Jong", "Contact : afdeling Groen"],
)
def test_a_subject_stops_at_the_next_label_of_the_column(label):
    text = (
        "Gemeente Voorschoten\n\nAAN DE BEWONERS VAN DE SCHOOLSTRAAT 2 T/M 20\n\nDatum : 3 juni 2010\n"
        "Ons kenmerk : 10061234AB\nOnderwerp : Vervangen van de lantaarnpalen\n" + label + "\n\n"
        "Geachte heer, mevrouw,\n\nIn week 25 vervangen wij de lantaarnpalen in uw straat.\n"
    )
    assert extract(text).facts()["subject"] == "Vervangen van de lantaarnpalen"


# ---------------------------------------------------------------- letters cited


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("In de bewonersbrief van 12 januari 2015 kondigden wij de werkzaamheden aan.", "2015-01-12"),
        ("Zoals gemeld in onze raadsinformatiebrief van 4 april 2016 loopt het onderzoek nog.", "2016-04-04"),
    ],
)
def test_a_letter_cited_by_a_compound_word_is_cited(sentence, date):
    text = "Datum: 1 september 2016\n\nGeachte heer, mevrouw,\n\n" + sentence + "\n"
    assert [c["date"] for c in extract(text).facts()["cites"]] == [date]


def test_a_letter_dated_after_the_letter_itself_is_not_cited():
    text = (
        "Den Haag, 29 januari 2024\n\nGeachte leden van de raad,\n\nHierbij ontvangt u ons verslag.\n\n"
        "Bijlagen:\n  • Het verslag van de commissie.\n  • De antwoordbrief van 8 maart 2024.\n"
    )
    assert extract(text).facts()["cites"] == []


# ---------------------------------------------------------------- organisations mentioned


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("Samen met politie en brandweer zorgen wij voor een veilige jaarwisseling.", {"oorg10264"}),
        ("De politie heeft de afgelopen weken extra gesurveilleerd.", {"oorg10264"}),
        ("Het bestuur stuurde een brief aan de Eerste en Tweede Kamer.", {"oorg10001", "oorg10002"}),
    ],
)
def test_the_police_in_lower_case_and_two_kamers_with_one_noun_are_mentioned(sentence, codes):
    text = "Geachte leden van de raad,\n\n" + sentence + " De politieke partijen zijn geïnformeerd.\n"
    assert set(extract(text).facts()["organisations_mentioned"]) == codes


# ---------------------------------------------------------------- a quoting copy's salutation


def test_a_salutation_opened_by_a_quotation_mark_makes_a_letter():
    text = (
        "De burgemeester van Texel schreef de inwoners een brief. Lees hieronder de brief.\n\n"
        '"Beste Texelaars,\n\nHet jaar loopt op zijn einde en ik wil u bedanken voor uw inzet.\n'
    )
    assert extract(text).facts()["kind"] == "brief"


# ---------------------------------------------------------------- a web page's title above the header


def test_a_page_title_that_opens_with_the_letters_number_gives_our_reference():
    text = (
        "2022-004512 Uitnodiging inloopavond speeltuin\n\nOnderwerp: Vernieuwen speeltuin Dorpsplein\n"
        "Datum: 9 maart 2022\n\nZaaknummer: 2022-001877\n\nGeachte heer, mevrouw,\n\nDe gemeente "
        "vernieuwt de speeltuin en nodigt u uit voor een inloopavond.\n"
    )
    facts = extract(text).facts()
    assert facts["our_reference"] == "2022-004512"
    assert facts["subject"] == "Vernieuwen speeltuin Dorpsplein"


@pytest.mark.parametrize(
    ("title", "labels"),
    [
        ("Bewonersbrief Merelstraat", "Datum\n\n\nZaaknummer\n"),
        ("Informatiebrief herinrichting Marktplein", "Datum: 4 februari 2020\n"),
    ],
)
def test_a_letter_titled_by_its_kind_above_its_header_labels_has_that_subject(title, labels):
    text = (
        title + "\n\n" + labels + "Geachte heer, mevrouw,\n\nDe gemeente heeft besloten de werkzaamheden "
        "uit te stellen.\n\nMet vriendelijke groet,\nJ. de Vries\n"
    )
    assert extract(text).facts()["subject"] == title


def test_a_dated_letter_heading_is_no_subject():
    text = "Bewonersbrief 3 maart 2022\n\nDatum\n\nGeachte heer, mevrouw,\n\nDe werkzaamheden beginnen.\n"
    assert extract(text).facts()["subject"] is None
