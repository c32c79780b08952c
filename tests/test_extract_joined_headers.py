"""A header whose lines a text layer ran into one line gives the values its printed lines give.

Document hosts' text layers join a letter's header into one long line; the perturbation scorer
(docs/ingest.md, "Headers run into one line") found that a third of the dates sent and addressees of
the real letters were lost that way. Each letter below is written for these tests (the people and
their words are invented, the public bodies are real) and read in two forms: its header lines as
printed, and the same lines joined into one line before the salutation or the first paragraph. Both
forms must give the same values; the last tests hold that the rules for joined headers take no value
from a subject, a stamp or a row that does not say which date is the letter's.
"""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

FORMS = ("lines", "joined")


def letter(header: list[str], rest: str, form: str) -> str:
    """The header's lines as printed (a blank line before the rest), or run into one line."""
    if form == "lines":
        return "\n".join(header) + "\n\n" + rest
    return " ".join(line for line in header if line) + " " + rest


# ---------------------------------------------------------------- a minister's letter to the Kamer


@pytest.mark.parametrize("form", FORMS)
def test_a_kamerstuk_heading_run_on_into_its_address(form):
    header = [
        "36 600 VII Vaststelling van de begrotingsstaat van het ministerie van Binnenlandse Zaken",
        "Nr. 41 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 14 oktober 2025",
    ]
    rest = (
        "Met deze brief informeer ik uw Kamer over de voortgang van de afspraken met de provincies over\n"
        "de uitvoering van de nieuwe taken.\n\n"
        "De minister van Binnenlandse Zaken en Koninkrijksrelaties,\n"
        "A.B. de Wolff\n"
    )
    facts = extract(letter(header, rest, form)).facts()
    assert facts["date_sent"] == "2025-10-14"
    assert facts["sender"] == "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert facts["addressees"] == ["oorg10002"]


@pytest.mark.parametrize("form", FORMS)
def test_a_numbered_heading_in_lower_case_run_on_into_the_year(form):
    header = [
        "Vaststelling begroting gemeentefonds voor het jaar 2025",
        "36 600 B 12 Brief van de minister van binnenlandse zaken en koninkrijksrelaties",
        "Vergaderjaar 2025-2026",
        "Nr. 12",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 3 november 2025",
    ]
    rest = (
        "Hierbij zend ik u het verslag van het overleg met de gemeenten over de verdeling van het fonds.\n\n"
        "De minister van Binnenlandse Zaken en Koninkrijksrelaties,\n"
        "A.B. de Wolff\n"
    )
    facts = extract(letter(header, rest, form)).facts()
    assert facts["date_sent"] == "2025-11-03"
    assert facts["sender"] == "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert facts["addressees"] == ["oorg10002"]


# ---------------------------------------------------------------- "Place, date" and the address


@pytest.mark.parametrize("form", FORMS)
def test_a_place_of_three_words_and_an_address_with_aan_inside_the_line(form):
    header = [
        "Alphen aan den Rijn, 3 februari 2025",
        "Aan het college van burgemeester en wethouders van de gemeente Zwolle",
        "Postbus 10007",
        "8000 GA Zwolle",
        "Betreft: de bomen langs de Thorbeckegracht",
    ]
    rest = (
        "Geacht college,\n\nGraag vraag ik uw aandacht voor de bomen langs de gracht.\n\n"
        "Met vriendelijke groet,\n\nJ. van Ommeren\n"
    )
    facts = extract(letter(header, rest, form)).facts()
    assert facts["date_sent"] == "2025-02-03"
    assert facts["addressees"] == ["gm0193"]


@pytest.mark.parametrize("form", FORMS)
def test_a_board_right_before_its_postal_address_and_a_date_after_dd(form):
    header = [
        "Fractie Kustbelang",
        "",
        "College van Gedeputeerde Staten",
        "Provinciehuis",
        "Abdij 6",
        "4331 BK MIDDELBURG",
        "Renesse, d.d. 05-03-2025,",
    ]
    rest = (
        "Geacht College,\n\nOver de veerdienst die de provincie Zeeland subsidieert stel ik u de volgende\n"
        "vragen.\n\n"
        "Met vriendelijke groet,\n\nK. Dijkhuizen, Statenlid\n"
    )
    facts = extract(letter(header, rest, form)).facts()
    assert facts["date_sent"] == "2025-03-05"
    assert facts["addressees"] == ["pv29"]


@pytest.mark.parametrize("form", FORMS)
def test_an_address_per_e_mail_and_a_title_number_before_the_place(form):
    header = [
        "AANLEG FIETSPAD LANGS DE ZEEDIJK – A031",
        "Heinkenszand, 2 april 2025",
        "Aan het Dagelijks Bestuur van het Waterschap Scheldestromen",
        "Per e-mail",
    ]
    rest = (
        "Geacht bestuur,\n\nNamens de bewoners van de polder vraag ik u om een veilige oversteek.\n\n"
        "Met vriendelijke groet,\n\nM. Hoogesteger\n"
    )
    facts = extract(letter(header, rest, form)).facts()
    assert facts["date_sent"] == "2025-04-02"
    assert facts["our_reference"] == "A031"
    assert facts["addressees"] == ["ws0661"]


@pytest.mark.parametrize("form", FORMS)
def test_the_council_with_its_place_in_capitals_before_the_next_label(form):
    header = [
        "De leden van de raad van de gemeente Deventer te",
        "DEVENTER",
        "Telefoon 0570 123 456 Bijlage(n) 2",
        "Datum 9-10-2025",
    ]
    rest = (
        "Geachte heer, mevrouw,\n\nVoordat ons college ingaat op uw vragen over de bibliotheek, schetsen wij "
        "de stand van zaken.\n\n"
        "Met vriendelijke groet,\n\nburgemeester en wethouders van Deventer,\n"
    )
    facts = extract(letter(header, rest, form)).facts()
    assert facts["date_sent"] == "2025-10-09"
    assert facts["addressees"] == ["gm0150"]


# ---------------------------------------------------------------- labels inside the line


@pytest.mark.parametrize("form", FORMS)
def test_place_colon_date_and_a_one_word_label_with_its_colon(form):
    header = [
        "In Holland Rijnland werken samen: Katwijk, Leiden, Lisse, Oegstgeest en Teylingen",
        "Aan de colleges van de deelnemende gemeenten",
        "Zoetermeer: 12 juni 2025",
        "Kenmerk: UIT-25-00417",
        "Contact: P. Zandbergen",
        "Onderwerp: jaarverslag 2024",
    ]
    rest = (
        "Geacht college,\n\nHierbij ontvangt u het jaarverslag over 2024.\n\n"
        "Met vriendelijke groet,\n\nhet dagelijks bestuur\n"
    )
    facts = extract(letter(header, rest, form)).facts()
    assert facts["date_sent"] == "2025-06-12"
    assert facts["our_reference"] == "UIT-25-00417"
    assert facts["sender"] == "so0507"


@pytest.mark.parametrize("form", FORMS)
def test_a_row_of_labels_run_in_before_its_values(form):
    header = [
        "Aan de leden van de raad",
        "Datum Ons kenmerk Contactpersoon",
        "19 mei 2025 2025/0412 R. Eshuis",
    ]
    rest = (
        "Geachte leden van de raad,\n\nIn deze brief leest u hoe het onderhoud van de speeltuinen verloopt.\n\n"
        "Met vriendelijke groet,\n\nR. Eshuis\n"
    )
    facts = extract(letter(header, rest, form)).facts()
    assert facts["date_sent"] == "2025-05-19"


@pytest.mark.parametrize("form", FORMS)
def test_a_weekday_date_where_the_header_ends(form):
    header = ["Reactie op het wetsvoorstel over de wijkteams", "vrijdag 7 maart 2025"]
    rest = (
        "Geachte leden van de vaste commissie,\n\nGraag geven wij u onze reactie op het wetsvoorstel.\n\n"
        "Met vriendelijke groet,\n\nH. Koolhaas\n"
    )
    assert extract(letter(header, rest, form)).facts()["date_sent"] == "2025-03-07"


@pytest.mark.parametrize("form", FORMS)
def test_a_page_title_with_the_letters_number_run_into_its_first_paragraph(form):
    header = ["Vlietweg - herinrichting van de stoepen (2025-117)"]
    rest = (
        "Op 3 maart schreven wij u over de nieuwe stoepen in de Vlietweg. De aannemer begint later dan\n"
        "gepland, omdat de leverancier de tegels niet op tijd heeft. Wij laten u weten wanneer het werk\n"
        "begint.\n\nMet vriendelijke groet,\n\nC. Brink, projectleider\n"
    )
    assert extract(letter(header, rest, form)).facts()["our_reference"] == "2025-117"


# ---------------------------------------------------------------- never a guess


@pytest.mark.parametrize("form", FORMS)
def test_a_place_and_date_the_subject_names_is_no_date_sent(form):
    header = ["Aan het college van Zwolle", "Onderwerp: Verslag van de bijeenkomst in Kampen, 3 maart 2025"]
    rest = "Geacht college,\n\nHierbij het verslag.\n\nMet vriendelijke groet,\n\nS. Tuinstra\n"
    assert extract(letter(header, rest, form)).facts()["date_sent"] is None


@pytest.mark.parametrize("form", FORMS)
def test_a_receivers_stamp_is_no_place(form):
    header = [
        "Aan het college van Zwolle",
        "Ingekomen, 3 maart 2025",
        "Kopie aan de griffie",
        "Onderwerp: de bomen",
    ]
    rest = "Geacht college,\n\nEen vraag over de bomen.\n\nMet vriendelijke groet,\n\nS. Tuinstra\n"
    assert extract(letter(header, rest, form)).facts()["date_sent"] is None


@pytest.mark.parametrize("form", FORMS)
def test_a_row_with_two_dates_after_it_gives_none(form):
    header = ["Datum Uw brief van Contactpersoon", "12 mei 2025 28 april 2025 R. Eshuis"]
    rest = "Geachte heer Eshuis,\n\nDank voor uw brief.\n\nMet vriendelijke groet,\n\nT. Wiegman\n"
    facts = extract(letter(header, rest, form)).facts()
    if form == "joined":  # which date is the letter's the joined row does not say
        assert facts["date_sent"] is None


@pytest.mark.parametrize("form", FORMS)
def test_your_reference_label_is_not_our_reference(form):
    header = ["Aan het college van Zwolle", "Uw kenmerk: ZW-2025-88", "Datum: 4 april 2025"]
    rest = "Geacht college,\n\nIn antwoord op uw brief.\n\nMet vriendelijke groet,\n\nS. Tuinstra\n"
    facts = extract(letter(header, rest, form)).facts()
    assert facts["our_reference"] is None
    assert facts["your_reference"] == "ZW-2025-88"
    assert facts["date_sent"] == "2025-04-04"


@pytest.mark.parametrize("form", FORMS)
def test_aan_in_capitals_in_a_proposals_heading_names_no_addressee(form):
    header = [
        "VOORSTEL AAN BURGEMEESTER EN WETHOUDERS",
        "Van: F. Teunissen",
        "Datum: 2 september 2025",
        "Onderwerp: Koersdocument groenbeheer",
    ]
    rest = "Het college wordt gevraagd in te stemmen met het koersdocument.\n"
    assert not extract(letter(header, rest, form)).facts()["addressees"]


@pytest.mark.parametrize("form", FORMS)
def test_a_body_the_register_lacks_under_aan_is_not_read_as_another(form):
    header = ["Aan de leden van het algemeen bestuur van de Stichting Groene Kust", "Middelburg, 1 juli 2025"]
    rest = (
        "Geachte leden,\n\nHierbij nodig ik u uit voor de vergadering.\n\n"
        "Met vriendelijke groet,\n\nD. Verschelling\n"
    )
    facts = extract(letter(header, rest, form)).facts()
    assert facts["date_sent"] == "2025-07-01"
    assert not any(str(a).startswith(("gm", "pv", "ws")) for a in facts["addressees"] or [])
