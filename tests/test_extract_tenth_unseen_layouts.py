"""The tenth unseen set's classes of layout (docs/ingest.md, "A tenth unseen set"), each on letters
written for the test (invented people and wording, real ministries and bodies): running text under a
signature block (a web page's links, a sentence about an attachment) and a document host's page number
"(2)" give no signers; a post set in capitals under the closing ("DE STAATSSECRETARIS VAN …,") names
the ministry that writes; a Kamerstuk heading wrapped onto the next line; a web copy's paper numbers
("Nummer KST…", "Kenmerk 27625, nr. 557") are no references; ministries by short names with an
ampersand or a lower-case "en", and by one word in a list of ministries, but not a committee's short
name; a minister's block above the note the letter offers; a double surname without its hyphen; a
ministry's name alone on the first line as the letterhead; a subject label that lost its last letter
("Betref:"), and one last on a run-together line with its value on the next."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

# ---------------------------------------------------------------- running text under the signature block


def test_two_capitalised_words_in_running_text_under_the_block_are_no_signer():
    text = (
        "Geachte voorzitter,\n\nHierbij ontvangt u de jaarlijkse rapportage over het onderhoud van de "
        "vaarwegen.\n\nHoogachtend,\n\nDE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT,\n\nP.J. Verhoeven\n\n"
        "Meer over de projecten Groene Zoom , Nieuwe Sluis , Oude Haven en andere plannen leest u op de "
        "site van het Vaarwegenplatform\n"
    )
    facts = extract(text).facts()
    assert [s["name"] for s in facts["signatories"]] == ["P.J. Verhoeven"]


def test_a_document_hosts_page_number_ends_the_signature_block():
    text = (
        "Aan de colleges en raden in de regio\n\nGeachte leden van de colleges en raden,\n\nWij vragen u om "
        "uw zienswijze op het bijgevoegde protocol.\n\nHoogachtend,\n\nDagelijks Bestuur van de "
        "gemeenschappelijke regeling Werkbedrijf,\n\nDe Voorzitter, De Secretaris,\n\nA.B. Smit C. de Wit\n\n"
        "(2)\n\nWerkbedrijf Land van Maas\n\nProtocol\n"
    )
    names = [s["name"] for s in extract(text).facts()["signatories"]]
    assert names == ["A.B. Smit", "C. de Wit"]


# ---------------------------------------------------------------- the post in capitals names the ministry


@pytest.mark.parametrize(
    ("post", "ministry", "body"),
    [
        (
            "DE STAATSSECRETARIS VAN VERKEER EN WATERSTAAT,",
            "ministerie van Verkeer en Waterstaat",
            "staatssecretaris",
        ),
        (
            "DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES,",
            "ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
            "minister",
        ),
    ],
)
def test_a_post_in_capitals_under_the_closing_names_the_ministry(post, ministry, body):
    text = (
        "Geachte voorzitter,\n\nBijgaand zend ik u het verslag van het overleg met de provincies.\n\n"
        "Hoogachtend,\n\n" + post + "\n\nW.F. Dijkstra\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == ministry
    assert facts["sender_body"] == body


def test_a_post_in_capitals_cut_off_mid_name_names_no_ministry():
    text = (
        "Geachte voorzitter,\n\nBijgaand zend ik u het verslag.\n\nHoogachtend,\n\n"
        "DE MINISTER VAN INFRASTRUCTUUR EN\n\nW.F. Dijkstra\n"
    )
    assert extract(text).facts()["sender"] is None


# ---------------------------------------------------------------- a Kamerstuk heading wrapped onto the next line


def test_a_kamerstuk_heading_wrapped_onto_the_next_line_names_the_ministry():
    text = (
        "27 625\n\nWaterbeleid\n\nNr. 612    BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN\n\nWATERSTAAT\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 3 maart 2023\n\n"
        "Hierbij informeer ik u over de voortgang van de plannen voor de dijken.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "ministerie van Infrastructuur en Waterstaat"
    assert facts["sender_body"] == "minister"


# ---------------------------------------------------------------- a web copy's paper numbers


def test_a_web_copys_paper_numbers_are_no_references():
    text = (
        "Brief regering; Voortgang van de dijkversterkingen - Waterbeleid\n\nKerngegevens\n\n"
        "Documentdatum 03-03-2023\nNummer KST27625612\nKenmerk 27625, nr. 612\n\nTekst\n\n27 625\n\nWaterbeleid\n\n"
        "Nr. 612 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 3 maart 2023\n\n"
        "Hierbij informeer ik u over de voortgang.\n"
    )
    facts = extract(text).facts()
    assert facts["our_reference"] is None
    assert facts["dossier_references"] == ["27 625"]


# ---------------------------------------------------------------- ministries by short names


def test_ministries_by_short_names_with_an_ampersand_or_a_lower_case_en():
    text = (
        "Geachte voorzitter,\n\nHet programma is opgezet door BZK samen met de ministeries van LNV en V&W, "
        "en later ook met OCenW.\n\nHoogachtend,\n\nDe minister van Binnenlandse Zaken en "
        "Koninkrijksrelaties,\n\nJ. de Boer\n"
    )
    mentioned = extract(text).facts()["organisations_mentioned"]
    assert {"BZK", "LNV", "V&W", "OCenW"} <= set(mentioned)


def test_one_word_ministries_in_a_list_of_ministries():
    text = (
        "Geacht college,\n\nDit schrijf ik u mede namens mijn collega's van OCW, Financiën, Justitie en "
        "Defensie. De justitie in uw regio werkt hier ook aan mee.\n\nMet vriendelijke groet,\n\nA. Bakker\n"
    )
    mentioned = extract(text).facts()["organisations_mentioned"]
    assert {"OCW", "Financiën", "Justitie", "Defensie"} <= set(mentioned)


def test_justitie_outside_a_list_of_ministries_is_no_ministry():
    text = "Geacht college,\n\nJustitie onderzoekt de zaak nog.\n\nMet vriendelijke groet,\n\nA. Bakker\n"
    assert "Justitie" not in extract(text).facts()["organisations_mentioned"]


def test_a_committees_short_name_is_no_ministry():
    text = (
        "Kerngegevens\n\nCommissie(s) Infrastructuur en Waterstaat (I&W)\n\nGeachte voorzitter,\n\n"
        "Hierbij stuur ik u de rapportage.\n\nHoogachtend,\n\nA. Bakker\n"
    )
    assert "I&W" not in extract(text).facts()["organisations_mentioned"]


# ---------------------------------------------------------------- the minister's block above an enclosure


def test_a_ministers_block_above_the_note_the_letter_offers():
    text = (
        "27 400 VII\nVaststelling van de begroting\n\nnr. 9\nBRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN "
        "EN KONINKRIJKSRELATIES\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 2 mei 2001\n\nHierbij doe ik u de toegezegde notitie toekomen.\n\n"
        "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nH. J. van Dam\n\n"
        "DE VERKIEZING VAN WETHOUDERS\n\n1. Inleiding\n\n"
        + "De notitie beschrijft de procedure. " * 40
        + "\n"
    )
    signatories = extract(text).facts()["signatories"]
    assert [(s["name"], s["role"]) for s in signatories] == [("H.J. van Dam", "minister")]


# ---------------------------------------------------------------- a double surname without its hyphen


def test_a_double_surname_without_its_hyphen():
    text = (
        "Geachte voorzitter,\n\nHierbij bied ik u het rapport aan.\n\n"
        "De Minister van Infrastructuur en Waterstaat,\nM. van der Linden Bosch\n"
    )
    assert [s["name"] for s in extract(text).facts()["signatories"]] == ["M. van der Linden Bosch"]


def test_a_role_after_the_surname_is_no_second_surname():
    text = "Geacht college,\n\nWij nodigen u uit.\n\nMet vriendelijke groet,\n\nP. de Groot Projectleider\n"
    signatories = extract(text).facts()["signatories"]
    assert [s["name"] for s in signatories] == ["P. de Groot"]


# ---------------------------------------------------------------- a ministry's letterhead on the first line


def test_a_ministrys_name_alone_on_the_first_line_is_the_letterhead():
    text = (
        "Ministerie van Volksgezondheid, Welzijn en Sport\n\nAan\nde voorzitter van de Tweede Kamer\n"
        "der Staten-Generaal\nBinnenhof 4\n2513 AA DEN HAAG\n\nGeachte voorzitter,\n\n"
        "Naar aanleiding van uw verzoek stuur ik u deze brief.\n"
    )
    assert extract(text).facts()["sender"] == "ministerie van Volksgezondheid, Welzijn en Sport"


def test_a_ministry_opening_an_address_is_no_letterhead():
    text = (
        "Ministerie van Volksgezondheid, Welzijn en Sport\nt.a.v. de directie Publieke Gezondheid\n"
        "Postbus 20350\n2500 EJ DEN HAAG\n\nGeachte heer, mevrouw,\n\nWij vragen uw aandacht voor het "
        "volgende.\n"
    )
    assert extract(text).facts()["sender"] is None


# ---------------------------------------------------------------- subject labels


def test_a_subject_label_that_lost_its_last_letter():
    text = (
        "Aan de gemeenteraad van de gemeente Uden\n\nUden, 3 maart 2024.\n\n"
        "Betref: Verzoek om een extra bushalte\nInzake: de lijn naar het station\n\nGeachte leden van de raad,\n\n"
        "Wij vragen u om een extra bushalte.\n"
    )
    assert extract(text).facts()["subject"] == "Verzoek om een extra bushalte"


def test_a_subject_label_last_on_a_run_together_line():
    text = (
        "Ministerie van Verkeer en Waterstaat\n\nAan\nde voorzitter van de Tweede Kamer\n\n"
        "Contactpersoon - Datum 3 maart 2008 Ons kenmerk DGW/2008/112 Onderwerp\n"
        "Voortgang van de dijkversterking langs de Lek\n\nGeachte voorzitter,\n\nHierbij informeer ik u.\n"
    )
    assert extract(text).facts()["subject"] == "Voortgang van de dijkversterking langs de Lek"
