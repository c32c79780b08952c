"""The eighth unseen set's classes of layout (docs/ingest.md, "An eighth unseen set"), each on letters
written for the test (invented people and wording, real public bodies): a paper of the States General
headed by a body rather than a minister, or by a minister "voor" a portfolio; a letter addressed to a
minister's office or to a committee; a body of one organ that is no sender of a letter to itself; the
Kamer's registration number that is no reference; a Kamerstuk below a web page's furniture; a web
page's furniture after the signature; a board kept as written without its article; municipalities
named "St." for Sint, "Gem." for gemeente, or listed after a colon; a ministry's name read no further
than the ministry's own name, and a postcode's letters before Den Haag that are no ministry."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

# ---------------------------------------------------------------- a paper headed by a body


@pytest.mark.parametrize(
    ("text", "sender"),
    [
        (  # a register body in the heading, the paper's number before it on the line
            "36 410 VII Jaarverslag en slotwet van het Ministerie van Binnenlandse Zaken 2022\n\n"
            "Nr. 6 BRIEF VAN DE ALGEMENE REKENKAMER\n\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 17 mei 2023\n\n"
            "Met deze brief bieden wij u ons rapport over het jaarverslag aan.\n",
            "oorg10229",
        ),
        (  # the chair writes for a register body named with "der Staten-Generaal" after its register name
            "35 900 Evaluatie van de kieswet\n\nNr. 2 BRIEF VAN DE VOORZITTER VAN DE EERSTE KAMER DER "
            "STATEN-GENERAAL\n\nAan de Minister van Binnenlandse Zaken en Koninkrijksrelaties\n\n"
            "Den Haag, 2 februari 2022\n\nDe Kamer heeft uw brief besproken en stelt enkele vragen.\n",
            "oorg10001",
        ),
        (  # another register body, the heading run on into the addressee's line
            "Nr. 14 BRIEF VAN DE NATIONALE OMBUDSMAN Aan de Voorzitter van de Tweede Kamer der "
            "Staten-Generaal\n\nDen Haag, 9 oktober 2019\n\nIn deze brief doe ik verslag van mijn onderzoek.\n",
            "oorg10221",
        ),
    ],
)
def test_a_paper_headed_by_a_register_body_is_that_bodys(text, sender):
    facts = extract(text).facts()
    assert facts["sender"] == sender
    assert facts["sender_body"] is None


@pytest.mark.parametrize(
    ("heading", "committee"),
    [
        ("BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR FINANCIËN", "vaste commissie voor Financiën"),
        (
            "BRIEF VAN DE ALGEMENE COMMISSIE VOOR WONEN EN RIJKSDIENST",
            "algemene commissie voor Wonen en Rijksdienst",
        ),
    ],
)
def test_a_paper_headed_by_a_committee_is_the_committees_as_written(heading, committee):
    text = (
        f"33 250 Belastingplan\n\nNr. 7 {heading}\n\nAan de Staatssecretaris van Financiën\n\n"
        "Den Haag, 4 april 2013\n\nDe commissie heeft enkele vragen over uw voorstel.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == committee
    assert facts["addressees"] == ["ministerie van Financiën"]


def test_a_paper_headed_by_a_body_the_register_lacks_names_no_sender():
    text = (
        "Nr. 9 BRIEF VAN HET PRESIDIUM\n\nAan de leden van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 1 juli 2021\n\nHet presidium stelt voor de vergadering te verplaatsen.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] is None
    assert facts["sender_body"] is None


# ---------------------------------------------------------------- a minister "voor" a portfolio


@pytest.mark.parametrize(
    "heading",
    [
        "Nr. 31 BRIEF VAN DE MINISTER VOOR BASIS- EN VOORTGEZET ONDERWIJS EN MEDIA",
        "Nr. 12 BRIEF VAN DE MINISTER VOOR VOLKSHUISVESTING EN RUIMTELIJKE ORDENING",
        "Nr. 4 BRIEF VAN DE STAATSSECRETARIS VOOR KLIMAAT EN ENERGIE",
    ],
)
def test_a_minister_for_a_portfolio_names_no_ministry(heading):
    text = (
        f"32 034 Onderwijsbeleid\n\n{heading}\n\nAan de Voorzitter van de Tweede Kamer der "
        "Staten-Generaal\n\nDen Haag, 8 juni 2017\n\nHierbij informeer ik u over de voortgang.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] is None
    assert facts["sender_body"] is None
    assert facts["addressees"] == ["oorg10002"]


def test_a_minister_of_a_ministry_still_names_it():
    text = (
        "32 034 Onderwijsbeleid\n\nNr. 30 BRIEF VAN DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 8 juni 2017\n\n"
        "Hierbij informeer ik u over de voortgang.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "ministerie van Onderwijs, Cultuur en Wetenschap"
    assert facts["sender_body"] == "minister"


# ---------------------------------------------------------------- addressed to an office or a committee


@pytest.mark.parametrize(
    ("address", "addressee"),
    [
        (
            "Aan de Minister van Volksgezondheid, Welzijn en Sport",
            "ministerie van Volksgezondheid, Welzijn en Sport",
        ),
        (
            "Aan de staatssecretaris van Infrastructuur en Waterstaat",
            "ministerie van Infrastructuur en Waterstaat",
        ),
    ],
)
def test_a_letter_to_a_ministers_office_is_to_the_ministry(address, addressee):
    text = (
        f"Gemeente Zwolle\n\n{address}\nPostbus 20350\n2500 EJ Den Haag\n\nDatum: 14 maart 2022\n"
        "Onderwerp: Toegang tot de huisartsenzorg\n\nGeachte minister,\n\nGraag vragen wij uw aandacht "
        "voor de wachtlijsten.\n\nMet vriendelijke groet,\n\nBurgemeester en wethouders van Zwolle,\n"
    )
    assert extract(text).facts()["addressees"] == [addressee]


def test_a_letter_to_a_minister_for_a_portfolio_has_no_ministry_as_addressee():
    text = (
        "Aan de Minister voor Klimaat en Energie\n\nDatum: 14 maart 2022\nOnderwerp: Netcongestie\n\n"
        "Geachte minister,\n\nWij vragen uw aandacht voor het stroomnet.\n"
    )
    assert all("ministerie" not in a for a in extract(text).facts()["addressees"])


@pytest.mark.parametrize(
    ("text", "committee"),
    [
        (  # a note to a council committee, its header run into one line
            "GEMEENTE VENLO Informatienota Datum: 2 mei 2016 Steller: K. Verbeek Aan de commissie Ruimte "
            "en Wonen 1 INLEIDING Ter informatie ontvangt u de stand van zaken van het woningbouwprogramma.\n",
            "commissie Ruimte en Wonen",
        ),
        (  # a raadscommissie on a line of its own
            "Gemeente Tilburg\n\nAan de raadscommissie Bestuur en Middelen\n\nDatum: 12 oktober 2018\n"
            "Onderwerp: Tussenrapportage\n\nGeachte commissieleden,\n\nHierbij ontvangt u de rapportage.\n",
            "raadscommissie Bestuur en Middelen",
        ),
    ],
)
def test_a_letter_to_a_committee_is_addressed_to_it_as_written(text, committee):
    assert extract(text).facts()["addressees"] == [committee]


# ---------------------------------------------------------------- a body of one organ, a Kamer's number


def test_a_letter_to_the_tweede_kamer_is_not_the_kamers_though_a_hosts_table_names_it():
    text = (
        "Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer |\n"
        "Tweede Kamer der Staten-Generaal | 2016-2017 | 34550 nr. 3 |\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 21 maart 2017\n"
        "Met deze brief informeer ik u over de stand van zaken van de decentralisaties.\n"
    )
    facts = extract(text).facts()
    assert facts["addressees"] == ["oorg10002"]
    assert facts["sender"] is None


def test_a_councils_letter_to_its_own_college_keeps_its_municipality():
    text = (
        "Gemeente Deventer\n\nAan het college van burgemeester en wethouders van Deventer\n\n"
        "Datum: 5 juni 2020\nOnderwerp: Motie over de binnenstad\n\nGeacht college,\n\n"
        "De raad vraagt u een plan op te stellen.\n\nMet vriendelijke groet,\n\nDe raad van de gemeente Deventer,\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0150"
    assert facts["addressees"] == ["gm0150"]


@pytest.mark.parametrize(
    ("label", "reference"),
    [("Nummer: 2021D04512", None), ("Nummer: 2021Z00987", None), ("Nummer: 2021-0451", "2021-0451")],
)
def test_the_kamers_registration_number_is_no_reference(label, reference):
    text = (
        f"Gemeente Ede\n{label}\nDatum: 3 februari 2021\nOnderwerp: Reactie op het wetsvoorstel\n\n"
        "Geachte leden van de commissie,\n\nGraag geven wij u onze reactie.\n"
    )
    assert extract(text).facts()["our_reference"] == reference


def test_a_kamerstuk_below_a_web_pages_furniture_keeps_its_addressee():
    furniture = (
        "[start] [dossiers] [zoeken] [over deze site]\n\n" + "Gerelateerde stukken en activiteiten.\n" * 30
    )
    text = (
        furniture + "\nTweede Kamer der Staten-Generaal 2\nVergaderjaar 2020-2021\n\n"
        "35 570 B Vaststelling van de begrotingsstaat van het gemeentefonds voor het jaar 2021\n\n"
        "Nr. 11 BRIEF VAN DE ALGEMENE REKENKAMER\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 6 oktober 2020\n\n"
        "Met deze brief ontvangt u onze aandachtspunten bij de begroting.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "oorg10229"
    assert facts["addressees"] == ["oorg10002"]
    assert facts["dossier_references"] == ["35 570 B"]


# ---------------------------------------------------------------- a web page's furniture, a board's article


@pytest.mark.parametrize("furniture", ["Back To Top", "Lees Meer", "Terug Naar Overzicht"])
def test_a_web_pages_furniture_after_the_signature_is_no_signer(furniture):
    text = (
        "Vragen over de speeltuinen\n\n12 mei 2023\n\nGeacht college,\n\nOnze fractie heeft vragen over "
        "het onderhoud van de speeltuinen.\n\nHoogachtend,\n\nNamens de fractie van Stadsbelang\n"
        f"Marieke Hoogland\n\n\n{furniture}\n"
    )
    names = [s["name"] for s in extract(text).facts()["signatories"]]
    assert names == ["Marieke Hoogland"]


def test_a_board_without_its_place_is_kept_without_its_article():
    text = (
        "Betreft: schriftelijke vragen aan het college van burgemeester en wethouders over de markt\n\n"
        "3 april 2024\n\nGeacht college,\n\nWij hebben de volgende vragen.\n\nNamens de fractie van Stadsbelang\n"
        "Jan de Wit\n"
    )
    assert extract(text).facts()["addressees"] == ["college van burgemeester en wethouders"]


# ---------------------------------------------------------------- municipalities mentioned


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        (
            "de samenvoeging van de gemeenten Boxmeer, Cuijk, Mill en St. Hubert en Sint Anthonis",
            {"gm0756", "gm1684", "gm0815", "gm1702"},
        ),
        ("een gesprek met de gemeenten St. Michielsgestel en Moerdijk", {"gm0845", "gm1709"}),
        (
            "De volgende gemeenten hebben zich gemeld: Almere, Arnhem en Katwijk",
            {"gm0034", "gm0202", "gm0537"},
        ),
        ("Ontvangen: Gem. STEENBERGEN, afdeling Financiën", {"gm0851"}),
    ],
)
def test_municipalities_written_short_or_listed_after_a_colon_are_mentioned(sentence, codes):
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 18 september 2020\n\n"
        f"Geachte voorzitter,\n\n{sentence}.\n"
    )
    assert codes <= set(extract(text).facts()["organisations_mentioned"])


def test_a_ministrys_name_ends_with_the_ministry_and_a_postcodes_letters_are_no_ministry():
    text = (
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties Gemeentefonds Circulaire\n"
        "Turfmarkt 147 EZ Den Haag\n\nAan de colleges van burgemeester en wethouders\n\n"
        "Datum 20 september 2019\nOnderwerp Meicirculaire\n\nIn deze circulaire informeer ik u over de uitkering.\n"
    )
    mentioned = extract(text).facts()["organisations_mentioned"]
    assert "ministerie van Binnenlandse Zaken en Koninkrijksrelaties" in mentioned
    assert all("Gemeentefonds" not in m for m in mentioned)
    assert "EZ" not in mentioned


def test_a_ministry_named_in_full_and_by_its_abbreviation_is_mentioned_once():
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 mei 2021\n\n"
        "Het Ministerie van Sociale Zaken en Werkgelegenheid (SZW) werkt samen met het Ministerie van SZW "
        "in Caribisch Nederland en met VWS.\n"
    )
    mentioned = extract(text).facts()["organisations_mentioned"]
    assert "ministerie van Sociale Zaken en Werkgelegenheid" in mentioned
    assert "SZW" not in mentioned
    assert "ministerie van SZW" not in mentioned
    assert "VWS" in mentioned  # named by its abbreviation alone: kept as written


# ---------------------------------------------------------------- a paper's dossier, a heading in capitals


@pytest.mark.parametrize(
    ("table", "dossier"),
    [
        ("Tweede Kamer der Staten-Generaal | 2018-2019 | 35000 B nr. 12 |", "35000 B"),
        ("Kamerstuk 2019-2020 | 35 300 nr. 4", "35 300"),
    ],
)
def test_a_web_copys_paper_number_gives_the_dossier_of_a_letter_to_a_kamer(table, dossier):
    text = (
        f"{table}\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 4 juni 2019\n"
        "Hierbij bied ik u het rapport aan.\n"
    )
    assert extract(text).facts()["dossier_references"] == [dossier]


def test_a_paper_number_in_a_letter_to_no_kamer_gives_no_dossier():
    text = (
        "Gemeente Oss | 2019 | 35000 B nr. 12\nAan de gemeenteraad\nDatum: 4 juni 2019\n"
        "Onderwerp: Begroting\n\nGeachte raad,\n\nHierbij bied ik u de begroting aan.\n"
    )
    assert extract(text).facts()["dossier_references"] == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (  # the heading opens the copy and heads the letter again
            "ADVIES OVER DE WATERHUISHOUDING BIJ DE NIEUWE WIJK\n\nBijlage 2 Kaart\n\n"
            "ADVIES OVER DE WATERHUISHOUDING BIJ DE NIEUWE WIJK\n\nU heeft het waterschap gevraagd om advies.\n\n"
            "Geachte heer Jansen,\n\nHierbij ontvangt u ons advies.\n",
            "ADVIES OVER DE WATERHUISHOUDING BIJ DE NIEUWE WIJK",
        ),
        (  # after a host's empty result line
            "• No results found\n\nREACTIE OP HET ONTWERP BESTEMMINGSPLAN DORPSKERN\n\n"
            "1 datum 3 maart 2015 REACTIE OP HET ONTWERP BESTEMMINGSPLAN DORPSKERN Geacht college,\n\n"
            "Wij reageren als volgt.\n",
            "REACTIE OP HET ONTWERP BESTEMMINGSPLAN DORPSKERN",
        ),
        (  # a heading the letter does not repeat may be a host's or a page's: no subject
            "VERSLAG VAN DE BIJEENKOMST IN HET DORPSHUIS\n\nGeachte bewoners,\n\nHierbij het verslag.\n",
            None,
        ),
        (  # a label's subject goes first
            "ADVIES OVER DE NIEUWE WIJK\n\nOnderwerp: Wateradvies De Hoven\n\nADVIES OVER DE NIEUWE WIJK\n\n"
            "Geachte heer Jansen,\n\nHierbij ons advies.\n",
            "Wateradvies De Hoven",
        ),
    ],
)
def test_a_heading_in_capitals_that_opens_and_heads_the_letter_is_its_subject(text, subject):
    assert extract(text).facts()["subject"] == subject
