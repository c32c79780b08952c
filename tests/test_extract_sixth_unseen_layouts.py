"""Layouts of the sixth set of real letters the extractor had not seen (docs/ingest.md, "A sixth
unseen set"): a veiligheidsregio's letters to its councils, a college's letter to a joint
arrangement, Gedeputeerde Staten to a college and to the Staten, colleges to their councils, most of
them copies on document hosts. One test per class of fault they showed, each with two or three
variants. The letters are written for the tests: invented wording, people and numbers; real
organisation names.
"""

from __future__ import annotations

from opendata.ingest.extract import extract


def test_a_salutation_alone_names_no_addressee():
    for salutation in ("Geachte raad,", "Geachte raadsleden,", "Geacht college,"):
        own_site = f"""Skip to content

Veiligheidsregio Utrecht

{salutation}

Hierbij bieden wij u de ontwerpbegroting aan. Uw zienswijze ontvangen wij graag voor 1 juni.

Met vriendelijke groet,

Het dagelijks bestuur
"""
        letterhead = f"""Gemeente Zeist
Postbus 513
3700 AM Zeist
www.zeist.nl

Datum 4 maart 2019
Onderwerp Jaarverslag leerplicht

{salutation}

Hierbij ontvangt u het jaarverslag.
"""
        for letter in (own_site, letterhead):
            facts = extract(letter).facts()
            assert facts["addressees"] == [], (salutation, facts["addressees"])
            assert facts["kind"] == "brief"


def test_a_colleges_letter_to_its_council_is_a_raadsinformatiebrief_only_where_headed_as_one():
    plain = """Gemeente Ede
Postbus 9022
6710 HK Ede

Aan de leden van de gemeenteraad

Datum 12 mei 2016
Onderwerp Jaarverslag handhaving 2015

Geachte leden van de raad,

Hierbij zenden wij u het jaarverslag.
"""
    assert extract(plain).facts()["kind"] == "brief"
    # nothing but the message to the council (no letterhead, date or address): the council is addressed
    message = extract("Geachte leden van de raad,\n\nOnlangs informeerden wij u over het zwembad.\n").facts()
    assert message["kind"] == "raadsinformatiebrief" and message["addressees"] == ["gemeenteraad"]
    for heading in ("MEDEDELING AAN DE RAAD", "Raadsinformatiebrief"):
        headed = f"""{heading}

Aan: De gemeenteraad
Datum: 3 juni 2016
Onderwerp: Stand van zaken zwembad

Geachte raadsleden,

Het college informeert u over de planning.
"""
        assert extract(headed).facts()["kind"] == "raadsinformatiebrief", heading


def test_councils_listed_by_name_are_addressed_each():
    for opening in (
        "Aan de raden van de gemeenten Ede, Renkum, Wageningen en Barneveld",
        "Aan de raden-v@n-de-gemeentenn Ede, Renkum, Wageningen en Barneveld",  # OCR garbled the first words
        "Aan de gemeenteraden van Ede, Renkum, Wageningen en Barneveld",
    ):
        letter = (
            "1 Veiligheids- en Gezondheidsregio Gelderland-Midden " + opening + " t.a.v. de griffie Datum "
            "8 april 2019 Onze referentie AB/2019/17 Onderwerp Zienswijze begroting 2020 Geachte raad, "
            "Hierbij ontvangt u de ontwerpbegroting. Hoogachtend, het dagelijks bestuur\n"
        )
        facts = extract(letter).facts()
        assert set(facts["addressees"]) == {"gm0228", "gm0274", "gm0289", "gm0203"}, opening
        assert {"gm0228", "gm0274", "gm0289", "gm0203"} <= set(facts["organisations_mentioned"])
    # one name is no list: the group stays as the letter writes it, or unresolved
    single = extract(
        "1 Veiligheidsregio Utrecht Aan de raden van de gemeenten in de regio Datum 8 april 2019 Onderwerp "
        "Begroting Geachte raad, Hierbij de begroting.\n"
    ).facts()
    assert all(not a.startswith("gm") for a in single["addressees"])


def test_an_address_without_aan_and_a_college_writing_as_ons_college():
    stacked = """De leden van de raad van de gemeente Zeist te

ZEIST

Telefoon 030 123 4567
Datum 27-1-2021

Geachte heer, mevrouw,

Hierbij doen wij u toekomen ons antwoord op de gestelde vragen. Voordat ons college ingaat op uw
vragen maken wij enkele opmerkingen.
"""
    facts = extract(stacked).facts()
    assert facts["addressees"] == ["gm0355"]
    assert facts["sender"] == "gm0355" and facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    # "wij" alone does not say who writes
    assert (
        extract(stacked.replace("Voordat ons college ingaat", "Voordat wij ingaan")).facts()["sender"] is None
    )
    run_in = (
        "1 Gedeputeerde Staten Contact J. Jansen Gemeente Houten T.a.v. College van B&W, de heer Pieters "
        "Postbus 30 3990 DA HOUTEN Onderwerp Woningbouwprogramma 2018 Datum 2 mei 2018 Geachte heer Pieters, "
        "Wij hebben uw programma ontvangen.\n"
    )
    assert extract(run_in).facts()["addressees"] == ["gm0321"]
    person = (
        "Veiligheidsregio Utrecht De heer P. de Wit Postbus 3154 3502 GD UTRECHT\n\nOnderwerp:\n\nZienswijze\n\n"
        "Geachte heer De Wit,\n\nHet college stuurt u zijn zienswijze.\n"
    )
    assert extract(person).facts()["addressees"] == ["so0588"]


def test_a_run_in_subject_ends_at_the_sidebar_the_decision_and_the_rows_colons():
    cases = {
        "1 Gedeputeerde Staten Gemeente Houten Onderwerp Actualisering woonvisie 2018 Postadres Provinciehuis "
        "Postbus 90602 Datum 3 mei 2018 Geachte heer Pieters, Tekst.\n": "Actualisering woonvisie 2018",
        "1 Gemeente Zeist RAADSVOORSTEL Indiener: college van burgemeester en wethouders Datum: 13 januari 2015 "
        "Onderwerp: Kadernota 2016 GGD regio Utrecht De raad besluit: kennis te nemen van de kadernota.\n": (
            "Kadernota 2016 GGD regio Utrecht"
        ),
        "Stichting Sportpark Postbus 12 3700 AA ZEIST Verzenddatum Bijlage Uw kenmerk Ons kenmerk Betreft : : : : "
        "Subsidie sportpark 2019 Geacht bestuur, Wij verlenen u subsidie.\n": "Subsidie sportpark 2019",
    }
    for letter, subject in cases.items():
        assert extract(letter).facts()["subject"] == subject, letter
    # a "Betreft" whose value the row puts elsewhere: the next label is no subject
    row = """Aan

Datum Betreft Contactpersoon Ons kenmerk

3 oktober 2014

Geachte raadsleden,

Tekst van de brief.
"""
    assert extract(row).facts()["subject"] is None


def test_a_row_of_bare_labels_ends_in_the_telephone_where_the_mail_address_was_lost():
    for phone in ("(050)", "(050) 316 4110"):
        letter = (
            "1 groningen Aan Provinciale Staten Datum Briefnummer Zaaknummer Behandeld door Telefoonnummer "
            f"Antwoord op Bijlage Onderwerp 1 5 JAN /3/A.10, FC Jansen P. {phone} Uitvoering subsidiekader "
            "Geachte dames en heren. Tekst van de brief. Hoogachtend, Gedeputeerde Staten van Groningen\n"
        )
        assert extract(letter).facts()["subject"] == "Uitvoering subsidiekader", phone
    # labels each with its colon are no row: the subject is the value after "Onderwerp :"
    labelled = (
        "1 Aan Provinciale Staten Datum : Briefnummer : /21/A.9, PPM Zaaknummer : Behandeld door : Pol, E. "
        "Telefoonnummer : (050) Bijlagen : : 5 Onderwerp : Stand van zaken herindeling Geachte dames en heren, "
        "In deze brief informeren wij u.\n"
    )
    assert extract(labelled).facts()["subject"] == "Stand van zaken herindeling"


def test_a_letters_own_web_page_titled_as_a_letter_gives_the_subject():
    for furniture in ("Skip to content\n\n", "Ga naar de inhoud\n\n", ""):
        page = f"""{furniture}Aanbiedingsbrief gemeenteraden Beleidsplan

Geacht raad,

Het algemeen bestuur heeft het beleidsplan vastgesteld.
"""
        assert extract(page).facts()["subject"] == "Aanbiedingsbrief gemeenteraden Beleidsplan", furniture
    for news in ("Open brief aan college over de procedure", "Brief van burgemeester aan inwoners"):
        assert extract(f"{news}\n\nGeacht college,\n\nWij schrijven u.\n").facts()["subject"] is None, news


def test_a_raadsvoorstels_indiener_is_the_college():
    for line in (
        "Indiener: college van burgemeester en wethouders",
        "Indiener : burgemeester en wethouders",
    ):
        letter = (
            f"1 Gemeente Zeist 15R RAADSVOORSTEL gemeente ZEIST {line} Datum: 13 januari 2015 Onderwerp: "
            "Kadernota GGD De raad besluit: kennis te nemen van de kadernota.\n"
        )
        facts = extract(letter).facts()
        assert (
            facts["sender"] == "gm0355" and facts["sender_body"] == "college-van-burgemeester-en-wethouders"
        )


def test_your_letter_in_the_header_is_cited_with_your_reference():
    letter = (
        "Veiligheidsregio Utrecht De heer P. de Wit Postbus 3154 3502 GD UTRECHT\n\nOnderwerp:\n\nZienswijze\n\n"
        "Uw Kenmerk: 18.504528 Uw brief van: 3 december 2018 Datum\n\ngeregistreerd onder nr.: 18.022221\n\n"
        "Geachte heer De Wit,\n\nIn de brief van 3 december 2018 vraagt u om een zienswijze.\n"
    )
    facts = extract(letter).facts()
    assert facts["your_reference"] == "18.504528"
    assert [(c["date"], c["reference"]) for c in facts["cites"]] == [("2018-12-03", "18.504528")]


def test_the_hosts_download_line_keeps_a_number_the_copy_cut():
    copy = """Datum : Briefnummer : /40/A.2, BZ Zaaknummer : Behandeld door : Jansen

Maat: px
Weergave met pagina beginnen:

Download "Datum : Briefnummer : 2016-11.220/40/A.2, BZ Zaaknummer : 612345 Behandeld door : Jansen"

Transcriptie

1 Aan Provinciale Staten Datum : Briefnummer : /40/A.2, BZ Zaaknummer : Behandeld door : Jansen Onderwerp : Voortgang
Geachte dames en heren, In deze brief informeren wij u.
"""
    facts = extract(copy).facts()
    assert facts["our_reference"] == "2016-11.220/40/A.2"
    assert facts["dossier_references"] == ["612345"]
    # where the copy keeps the number, its own value stands
    whole = copy.replace(
        "/40/A.2, BZ Zaaknummer : Behandeld door : Jansen Onderwerp", "2016-99.999/1/A.1 Onderwerp"
    )
    assert extract(whole).facts()["our_reference"] == "2016-99.999/1/A.1"


def test_a_header_printed_after_the_opening_paragraphs():
    letter = """(1)

Geachte heer, mevrouw,

Nadat we vorig jaar zijn gestart met het traject, zijn we op het punt gekomen dat we een besluit nemen.

De leden van de raad van de gemeente Zeist te

ZEIST

Onskenmerk

436495-2021

Datum

15-9-2021

(2)

Vervolg van de brief.
"""
    facts = extract(letter).facts()
    assert facts["date_sent"] == "2021-09-15"
    assert facts["our_reference"] == "436495-2021"
    # a body whose paragraphs merely mention a date and a number gives neither
    prose = letter.split("De leden van de raad")[0] + "Op 15-9-2021 besprak de raad dossier 436495-2021.\n"
    facts = extract(prose).facts()
    assert facts["date_sent"] is None and facts["our_reference"] is None
