"""Layouts of the fifth set of real letters the extractor had not seen (docs/ingest.md, "A fifth
unseen set"): letters of provinces, ministers, an omgevingsdienst, a water board and municipalities
to councils, colleges and the Staten, most of them copies on document hosts whose text layer ran the
header into one line. One test per class of fault they showed, each with two or three variants. The
letters are written for the tests: invented wording, people and numbers; real organisation names.
"""

from __future__ import annotations

from opendata.ingest.extract import extract

# A document host's copy: its title (cut from the letter's own words), its page furniture, then the
# letter with the header run into one line.
DOCPLAYER = """Gemeente Ede Geachte leden van de raad,

Maat: px
Weergave met pagina beginnen:

Download "Gemeente Ede Geachte leden van de raad,"

Transcriptie

1 Gemeente Ede Retouradres Postbus 9022 6710 HK Ede Aan de leden van de gemeenteraad Datum 3 maart 2016 Ons kenmerk Onderwerp Jaarverslag handhaving 2015 Uw kenmerk Bijlage Geachte leden van de raad, Hierbij zenden wij u het jaarverslag over het afgelopen jaar. Wij vertrouwen erop u zo voldoende te hebben geïnformeerd.
"""
FIVE_DOK = """• No results found

Gemeente Ede Geachte leden van de raad,

N/A
N/A
Protected

Academic year: 2022

Share "Gemeente Ede Geachte leden van de raad,"

Copied!
4
0
0

Bezig met laden.... (Bekijk nu de volledige tekst)

Hele tekst

(1)

""" + DOCPLAYER.split("Transcriptie\n\n1 ", 1)[1]
SLIDEUM = """Gemeente Ede Geachte leden van de raad,

Download Report

Transcript Gemeente Ede Geachte leden van de raad,

""" + DOCPLAYER.split("Transcriptie\n\n1 ", 1)[1]


def test_a_document_hosts_title_and_furniture_are_no_part_of_the_letter():
    for copy in (DOCPLAYER, FIVE_DOK, SLIDEUM):
        facts = extract(copy).facts()
        # the title's "Geachte leden van de raad," is no salutation: the header runs on to the letter's own
        assert facts["subject"] == "Jaarverslag handhaving 2015"
        assert facts["date_sent"] == "2016-03-03"
        assert facts["sender"] == "gm0228"


RUN_IN = (
    "1 Provincie Fictief Postbus 1 Datum 12 mei 2015 {label} {value} {after} Geachte heer, mevrouw, "
    "Met deze brief informeren wij u over de nieuwe regels voor het toezicht op de begroting van uw "
    "gemeente. Wij gaan daarbij uit van de afspraken die de provincies hebben gemaakt.\n"
)


def test_a_run_together_header_ends_the_subject_at_the_next_label_without_a_colon():
    cases = [
        ("Onderwerp", "Toezicht op de begroting 2016", "kenmerk uw kenmerk behandeld door J. Bedacht"),
        ("onderwerp", "Toezicht op de begroting 2016", "kenmerk"),
        ("Onderwerp:", "Begrotingsbrief 2016", "Datum De gemeenten ontvangen jaarlijks deze brief."),
        ("Betreft", "toezicht: vorm en bevindingen 2016", "DGOB/Financiën Turfmarkt 147 Den Haag"),
        ("Onderwerp", "Verslag toezicht 2015", "Uw kenmerk Bijlage"),
    ]
    for label, value, after in cases:
        facts = extract(RUN_IN.format(label=label, value=value, after=after)).facts()
        assert facts["subject"] == value, (label, after)
    # the number after "Kenmerk" on that line is the letter's reference
    kenmerk = RUN_IN.format(
        label="Betreft", value="Uitwerking van het stedenbeleid", after="Kenmerk 2016-0412"
    )
    facts = extract(kenmerk).facts()
    assert (facts["subject"], facts["our_reference"]) == ("Uitwerking van het stedenbeleid", "2016-0412")
    # "Betreft het …" goes on as a sentence: no subject label
    sentence = "Wij schrijven u over de nota. Betreft het een wijziging, dan melden wij dat apart.\n"
    assert extract(sentence).facts()["subject"] is None


ROW = (
    "1 provincie groningen Aan Provinciale Staten Datum Briefnummer Zaaknummer Behandeld door "
    "Telefoonnummer E mail Antwoord op Bijlagen Onderwerp 14 MEI 2013-12345/20/A.4, ABJ Bedacht K. "
    "(050) k.bedacht@provinciegroningen.nl {count}{subject}{marks} Geachte dames en heren, Hierbij "
    "ontvangt u het verslag over het afgelopen jaar.\n"
)


def test_a_row_of_labels_before_onderwerp_puts_the_subject_last_after_the_e_mail_address():
    cases = [
        ("1 ", "Jaarverslag toezicht archieven 2012", ""),
        ("", "Stand van zaken toezicht (IBT)", " a '"),
    ]
    for count, subject, marks in cases:
        assert extract(ROW.format(count=count, subject=subject, marks=marks)).facts()["subject"] == subject
    # without the e-mail column the row does not say which value is the subject: none
    no_mail = ROW.format(count="", subject="Jaarverslag 2012", marks="").replace(
        "k.bedacht@provinciegroningen.nl ", ""
    )
    assert extract(no_mail).facts()["subject"] is None


STACKED = """Ons kenmerk
G.16.0042
Voorstel van college danwel burgemeester aan gemeenteraad
Datum collegebehandeling:
9 februari 2016
Onderwerp
{subject}
{next}
1. Samenvatting
De raad van Gulpen-Wittem besluit over de begroting van de veiligheidsregio.
"""


def test_a_value_under_its_own_label_goes_on_only_in_lower_case_or_after_a_dangling_word():
    facts = extract(
        STACKED.format(subject="Zienswijze begroting Veiligheidsregio Zuid-Limburg", next="Advies commissie")
    ).facts()
    assert facts["subject"] == "Zienswijze begroting Veiligheidsregio Zuid-Limburg"
    dangling = extract(
        STACKED.format(subject="Zienswijze op de begroting van de", next="Veiligheidsregio Zuid-Limburg")
    ).facts()
    assert dangling["subject"] == "Zienswijze op de begroting van de Veiligheidsregio Zuid-Limburg"
    lower = extract(
        STACKED.format(subject="Zienswijze begroting en", next="jaarstukken veiligheidsregio")
    ).facts()
    assert lower["subject"] == "Zienswijze begroting en jaarstukken veiligheidsregio"


def test_a_raadsvoorstel_heading_is_a_letter_of_the_municipality_to_its_own_council():
    facts = extract(STACKED.format(subject="Zienswijze begroting", next="Advies commissie")).facts()
    # "Datum collegebehandeling" dates the college's meeting, not the letter
    assert facts["date_sent"] is None
    assert (facts["kind"], facts["sender"], facts["sender_body"]) == ("brief", "gm1729", None)
    assert facts["addressees"] == ["gm1729"]
    college = STACKED.replace(
        "van college danwel burgemeester aan gemeenteraad", "van burgemeester en wethouders aan de raad"
    )
    facts = extract(college.format(subject="Zienswijze begroting", next="Advies commissie")).facts()
    assert (facts["sender"], facts["sender_body"]) == ("gm1729", "college-van-burgemeester-en-wethouders")


LETTERHEAD = (
    "1 {head} {address} Datum 4 april 2017 Onderwerp Toezicht op de begroting 2017 Geachte voorzitter, "
    "Met deze brief laten wij u weten hoe het toezicht op de begroting van uw provincie is verlopen. "
    "De minister heeft de begroting beoordeeld en heeft geen opmerkingen.\n"
)


def test_a_run_together_line_opens_with_the_letterhead_and_its_board():
    facts = extract(
        LETTERHEAD.format(
            head="Gedeputeerde Staten vkff Provincie ^Zeeland",
            address="De voorzitter van Provinciale Staten van Zeeland T.a.v. de statengriffier",
        )
    ).facts()
    assert (facts["sender"], facts["sender_body"]) == ("pv29", "gedeputeerde-staten")
    assert facts["addressees"] == ["pv29"]
    ministry = extract(
        LETTERHEAD.format(
            head="'Uil Ministerie van Binnenlandse Zaken en Koninkrijksrelaties > Retouradres Postbus 20011 2500 EA Den Haag",
            address="Provinciale Staten van Flevoland Postbus 55 8200 AB LELYSTAD",
        )
    ).facts()
    assert ministry["sender"] == "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert ministry["addressees"] == ["pv24"]
    # a receiver's stamp at the top is not the letterhead
    stamp = extract(
        LETTERHEAD.format(
            head="GEMEENTE BOXTEL 2 0 MEI 2017 Brabantlaan 1 Postbus 90151",
            address="Aan de raden van de gemeenten in Noord-Brabant afd. CD",
        )
    ).facts()
    assert stamp["sender"] is None
    assert stamp["addressees"] == ["de raden van de gemeenten in Noord-Brabant"]


def test_the_board_a_letterhead_opens_with_is_the_sender_body_of_the_province_its_address_names():
    text = LETTERHEAD.format(
        head="Gedeputeerde Staten pr HOLLAND",
        address="De raden van de in Zuid-Holland gelegen gemeenten d.t.v. Burgemeester en Wethouders Contact mw. A. Bedacht T a.bedacht@pzh.nl",
    )
    facts = extract(text).facts()
    assert (facts["sender"], facts["sender_body"]) == ("pv28", "gedeputeerde-staten")
    assert facts["addressees"] == ["De raden van de in Zuid-Holland gelegen gemeenten"]


ADDRESSES_FIRST = """Victorialaan 1 5213 JG 's-Hertogenbosch
G i l d e k a m p 8 | 5 4 3 1 SP Cuijk
Postbus 88 | 5430 AB Cuijk
(0485) -338 300
info@odbn.nl | www.odbn.nl
Omgevingsdienst Brabant Noord
Aan de Provinciale Staten van Noord-Brabant
T.a.v. de griffier
Datum
8 maart 2017
Onderwerp
Jaarverslag 2016
Geachte griffier,
Hierbij ontvangt u ons jaarverslag.
"""


def test_a_letterhead_may_print_its_addresses_above_its_name():
    facts = extract(ADDRESSES_FIRST).facts()
    assert facts["sender"] == "so0439"
    assert facts["addressees"] == ["pv30"]
    # the same lines as an address block under "Aan": the body is the addressee, not the sender
    block = "Aan:\n" + ADDRESSES_FIRST.replace(
        "Aan de Provinciale Staten van Noord-Brabant\nT.a.v. de griffier\n", ""
    )
    assert extract(block).facts()["sender"] is None


def test_a_bare_provincie_logo_is_the_one_province_the_letter_names():
    text = (
        "1 provincie De raden van alle gemeenten in de provincie Limburg Cluster FIN Ons kenmerk "
        "Maastricht A. Bedacht 3april2014 VERZONDEN 07 APR Onderwerp Aandachtspunten begroting 2015 "
        "Geachte raad, Met deze brief informeren wij u over onze aandachtspunten.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "pv31"
    assert facts["addressees"] == ["De raden van alle gemeenten in de provincie Limburg"]
    assert facts["date_sent"] == "2014-04-03"  # a date line whose spaces the text layer dropped
    two = text.replace("Met deze brief", "Ook de provincie Gelderland schrijft u. Met deze brief")
    assert extract(two).facts()["sender"] is None


def test_a_provinces_own_contact_address_names_it_even_as_ocr_read_it():
    for address, code in (
        ("a.bedacht@provinciegroningen.nl", "pv20"),
        ("postbus@overijssel.n1", "pv23"),
        ("a.bedacht@pzh.nl", "pv28"),
    ):
        text = (
            "De gemeenteraden\n\nInlichtingen bij A. Bedacht "
            + address
            + "\n\nOnderwerp: Begrotingsbrief 2016\n\n"
            "Ter ondersteuning van uw taak ontvangt u jaarlijks deze brief.\n"
        )
        facts = extract(text).facts()
        assert facts["sender"] == code, address
        assert facts["addressees"] == ["De gemeenteraden"]
        assert facts["kind"] == "brief"  # an address, a sender and a subject, without salutation or date


def test_a_boards_signature_without_a_closing_signs_for_the_board():
    text = (
        "Aan het AB van de gemeenschappelijke regeling\n\nOnderwerp: Begrotingsbrief 2016\n\n"
        "Ook de gemeenschappelijke regelingen ontvangen deze brief. Een afschrift zenden wij aan de raden. "
        "Gedeputeerde Staten van Overijssel, voorzitter, secretaris, Bijlagen 1\n"
    )
    facts = extract(text).facts()
    assert (facts["sender"], facts["sender_body"]) == ("pv23", "gedeputeerde-staten")
    assert facts["signatories"] == []  # roles without names
    assert facts["kind"] == "brief"
    college = text.replace(
        "Gedeputeerde Staten van Overijssel, voorzitter, secretaris,",
        "Burgemeester en wethouders van Ede, de secretaris, de burgemeester,",
    )
    facts = extract(college).facts()
    assert (facts["sender"], facts["sender_body"]) == ("gm0228", "college-van-burgemeester-en-wethouders")


def test_a_run_together_header_names_its_addressee_without_aan():
    base = "1 Provincie Flevoland Postbus 55 8200 AB Lelystad {address} Datum 1 juli 2014 Onderwerp Toezichtkader Geacht college, Bijgaand ontvangt u het kader. Hoogachtend, Gedeputeerde Staten van Flevoland,\n"
    cases = [
        (
            "Gemeente Lelystad Ingekomen Het college van burgemeester en wethouders van de Gemeente Lelystad Postbus 91",
            ["gm0995"],
        ),
        ("De colleges van B&W van de G31 cc de Tweede Kamer", ["De colleges van B&W van de G31"]),
        ("Aan Provinciale Staten postadres: Postbus 610", ["Provinciale Staten"]),
    ]
    for address, expected in cases:
        assert extract(base.format(address=address)).facts()["addressees"] == expected, address


def test_a_dispatch_stamp_with_a_place_dates_the_letter_and_a_labelled_value_is_its_labels_own():
    text = (
        "1 Gedeputeerde Staten Provincie Zeeland onderwerp Toezichtsbrief kenmerk behandeld door A. Bedacht "
        "verzonden Middelburg, 31 januari 2017 Geachte voorzitter, Wij zenden u de brief van de minister.\n"
    )
    assert extract(text).facts()["date_sent"] == "2017-01-31"
    labelled = "Datum collegebesluit:\n12 mei 2015\nOnderwerp: Begroting\n\nGeachte raad,\n\nWij sturen u de begroting.\n"
    assert extract(labelled).facts()["date_sent"] is None


def test_a_lone_mark_or_a_day_after_a_reference_label_is_no_reference():
    text = (
        "1 Provincie Flevoland Postbus 55 Verzenddatum Bijlagen Uw kenmerk 0 J 1 JULI Onderwerp Kader "
        "Geacht college, Bijgaand ontvangt u het kader.\n"
    )
    assert extract(text).facts()["your_reference"] is None
    day = "datum zaaknummer 1 april onderwerp Informatie over begroting Geachte heer, mevrouw, Wij informeren u.\n"
    assert extract("Huis der Provincie " + day).facts()["dossier_references"] == []


def test_an_officer_writing_of_ons_waterschap_writes_for_the_one_water_board_named():
    text = (
        "Beste belangstellende,\n\nHet algemeen bestuur van ons waterschap heeft het plan vastgesteld. "
        "U kunt reageren bij Hoogheemraadschap de Stichtse Rijnlanden, Postbus 550, Houten.\n\n"
        "Met vriendelijke groet,\n\nAnna Ter Velde-Bedacht\n\nOmgevingsmanager Dijkversterking\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "ws0636"
    assert facts["signatories"] == [{"name": "Anna Ter Velde-Bedacht", "role": "omgevingsmanager"}]
    # a member of the board's assembly writes of "ons waterschap" too: no sender from it
    member = text.replace("Omgevingsmanager Dijkversterking", "Fractievoorzitter")
    assert extract(member).facts()["sender"] != "ws0636"


def test_a_cited_letter_may_carry_its_quoted_title():
    text = (
        "Geacht college,\n\nDit volgt op de brief ‘Wonen in de wijk’ van 24 oktober 2008 en op het overleg.\n"
    )
    assert extract(text).facts()["cites"] == [{"date": "2008-10-24", "reference": None}]
    plain = text.replace(" ‘Wonen in de wijk’", "")
    assert extract(plain).facts()["cites"] == [{"date": "2008-10-24", "reference": None}]


def test_a_ministry_by_its_abbreviation_is_mentioned_as_written_a_ministers_title_is_not():
    text = (
        "Geacht college,\n\nIk schrijf u mede namens mijn collega's van OCW, VROM en VWS. De provincies en "
        "BZK stelden het kader vast. De minister van LNV en de vaste commissie voor SZW zijn geïnformeerd, "
        "net als de Minister van Binnenlandse Zaken en Koninkrijksrelaties (BZK).\n"
    )
    assert extract(text).facts()["organisations_mentioned"] == ["OCW", "VROM", "VWS", "BZK"]


def test_geachte_dames_en_heren_may_end_in_a_full_stop_in_a_run_together_header():
    text = (
        "1 provincie groningen Aan Provinciale Staten Onderwerp: Stand van zaken toezicht Geachte dames en "
        "heren. Op 1 oktober gaat de nieuwe wet in. Wij informeren u hierover.\n"
    )
    facts = extract(text).facts()
    assert facts["kind"] == "brief"
    assert facts["subject"] == "Stand van zaken toezicht"
