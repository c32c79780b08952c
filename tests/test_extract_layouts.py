"""Extraction across the header and signature layouts Dutch government letters use (docs/letter-layouts.md).

The letters here are written for the tests (invented wording, real organisation names), one per
layout family: a municipal letter with a return address and a side column of labels, a provincial
letter with labels above their values, a council information letter, a ministry's letter to the
House, a joint arrangement's letter signed for its board, and a text layer that ran every line
together.
"""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

MUNICIPAL = """Gemeente Leiden

Retouradres Postbus 9100, 2300 PC Leiden

Gedeputeerde Staten van Zuid-Holland
Postbus 90602
2509 LP  DEN HAAG

Datum         14 maart 2018
Ons kenmerk   Z/18/012345 - D/18/678901
Uw kenmerk    PZH-2018-641234567
Uw brief van  2 februari 2018
Onderwerp     Zienswijze op het ontwerp-inpassingsplan
              Rijnlandroute

Geacht college,

In uw brief van 2 februari 2018, kenmerk PZH-2018-641234567, vraagt u ons om een zienswijze. Wij
hebben hierover ook met de gemeente Voorschoten en Holland Rijnland gesproken.

Hoogachtend,

Burgemeester en wethouders van Leiden,
de secretaris,                    de burgemeester,

mr. drs. J. van der Meer          H.J.J. Lenferink
"""

PROVINCIAL = """Provincie Utrecht

Aan de gemeenteraad van Utrecht
Postbus 16200
3500 CE  Utrecht

Datum                Ons kenmerk          Uw kenmerk
23 november 2021     82D3A1B6             -
Onderwerp
Regionale energiestrategie: reactie op uw motie

Geachte leden van de raad,

Op 4 november 2021 ontvingen wij uw brief over de regionale energiestrategie.

Met vriendelijke groet,

Gedeputeerde Staten van Utrecht,

voorzitter,                        secretaris,
H.J.H. Oosters                     drs. M.C.A. van Rooij
"""

COUNCIL_INFORMATION = """RAADSINFORMATIEBRIEF

Aan de gemeenteraad
Datum: 5 juli 2022
Zaaknummer: 2022-004512
Onderwerp: Voortgang woningbouwprogramma 2022

Geachte leden van de raad,

Met deze brief informeren wij u over de voortgang van het woningbouwprogramma.

Met vriendelijke groet,
het college van burgemeester en wethouders van Zwolle,

de secretaris, de burgemeester,
A. de Vries P.H. Snijders
"""

MINISTRY = """> Retouradres Postbus 20011 2500 EA Den Haag

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 12 maart 2020
Betreft Voortgang herindeling in Groningen
Ons kenmerk 2020-0000123456

Geachte voorzitter,

Met deze brief informeer ik uw Kamer over de herindeling van de gemeenten Appingedam, Delfzijl
en Loppersum, waarover Gedeputeerde Staten van Groningen mij hebben geadviseerd.

De minister van Binnenlandse Zaken en Koninkrijksrelaties,

drs. K.H. Ollongren
"""

JOINT_ARRANGEMENT = """Veiligheidsregio Utrecht

Aan de colleges van burgemeester en wethouders van de deelnemende gemeenten

Datum: 1 april 2019
Kenmerk: VRU/2019/4567
Onderwerp: Ontwerpbegroting 2020

Geachte colleges,

Hierbij bieden wij u de ontwerpbegroting 2020 aan.

Hoogachtend,

Namens het dagelijks bestuur van de Veiligheidsregio Utrecht,

W.J. van Gelder, secretaris
"""

WATER_AUTHORITY = """Hoogheemraadschap van Rijnland

Aan de gemeenteraad van Katwijk
Postbus 589
2220 AN  KATWIJK

Datum: 3 maart 2016
Kenmerk: 16.012345
Onderwerp: Peilbesluit Katwijk-Noord

Geachte leden van de raad,

Hierbij informeren wij u over het peilbesluit.

Met vriendelijke groet,

Het college van dijkgraaf en hoogheemraden van Rijnland,

de secretaris-directeur,   de dijkgraaf,
ir. A. Bakker               mr. R.D. Dijkstra
"""

MAYOR = """Leiden, 9 september 2015

Geacht college,

Hierbij zenden wij u het verslag.

Hoogachtend,

De burgemeester van Leiden,

H.J.J. Lenferink
"""

RUN_TOGETHER = (
    "Gemeente Tilburg Aan de gemeenteraad Datum 3 mei 2017 Kenmerk Onderwerp Raadsinformatiebrief "
    "over de herinrichting van de Spoorzone Geachte leden van de raad, Wij informeren u over de stand "
    "van zaken. Met vriendelijke groet, burgemeester en wethouders van Tilburg, de secretaris, "
    "de burgemeester,\n"
)


def test_municipal_letter_with_a_column_of_labels():
    facts = extract(MUNICIPAL).facts()
    assert facts["date_sent"] == "2018-03-14"
    assert facts["our_reference"] == "Z/18/012345-D/18/678901"
    assert facts["your_reference"] == "PZH-2018-641234567"
    assert facts["subject"] == "Zienswijze op het ontwerp-inpassingsplan Rijnlandroute"
    assert facts["sender"] == "gm0546"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    assert facts["addressees"] == ["pv28"]
    assert facts["signatories"] == [
        {"name": "J. van der Meer", "role": "secretaris"},
        {"name": "H.J.J. Lenferink", "role": "burgemeester"},
    ]
    assert facts["cites"] == [{"date": "2018-02-02", "reference": "PZH-2018-641234567"}]
    assert {"gm0546", "pv28", "gm0626", "so0507"} <= set(facts["organisations_mentioned"])


def test_provincial_letter_with_labels_above_their_values():
    extraction = extract(PROVINCIAL)
    facts = extraction.facts()
    assert facts["date_sent"] == "2021-11-23"
    assert facts["our_reference"] == "82D3A1B6"
    assert facts["your_reference"] is None
    assert facts["subject"] == "Regionale energiestrategie: reactie op uw motie"
    assert facts["sender"] == "pv26"
    assert facts["sender_body"] == "gedeputeerde-staten"
    assert facts["addressees"] == ["gm0344"]
    assert extraction.addressees[0].detail == "gemeenteraad"
    assert facts["signatories"] == [
        {"name": "H.J.H. Oosters", "role": "voorzitter"},
        {"name": "M.C.A. van Rooij", "role": "secretaris"},
    ]
    assert facts["cites"] == [{"date": "2021-11-04", "reference": None}]


def test_council_information_letter():
    facts = extract(COUNCIL_INFORMATION).facts()
    assert facts["kind"] == "raadsinformatiebrief"
    assert facts["date_sent"] == "2022-07-05"
    assert facts["dossier_references"] == ["2022-004512"]
    assert facts["our_reference"] is None
    assert facts["sender"] == "gm0193"
    assert facts["addressees"] == ["gm0193"]
    assert facts["signatories"] == [
        {"name": "A. de Vries", "role": "secretaris"},
        {"name": "P.H. Snijders", "role": "burgemeester"},
    ]


def test_ministry_letter_to_the_house():
    facts = extract(MINISTRY).facts()
    assert facts["date_sent"] == "2020-03-12"
    assert facts["our_reference"] == "2020-0000123456"
    assert facts["subject"] == "Voortgang herindeling in Groningen"
    assert facts["sender"] == "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert facts["addressees"] == ["oorg10002"]
    assert facts["signatories"] == [{"name": "K.H. Ollongren", "role": "minister"}]
    # Appingedam, Delfzijl and Loppersum merged on 2021-01-01: in 2020 they still existed.
    assert {"gm0003", "gm0010", "gm0024", "pv20"} <= set(facts["organisations_mentioned"])


def test_joint_arrangement_signing_for_its_board():
    facts = extract(JOINT_ARRANGEMENT).facts()
    assert facts["date_sent"] == "2019-04-01"
    assert facts["our_reference"] == "VRU/2019/4567"
    assert facts["sender"] == "so0448" or facts["sender"].startswith("so")
    assert facts["sender_body"] == "dagelijks-bestuur"
    assert facts["signatories"] == [{"name": "W.J. van Gelder", "role": "secretaris"}]


def test_water_authority_board_writing_to_a_council_is_no_council_information_letter():
    facts = extract(WATER_AUTHORITY).facts()
    assert facts["kind"] == "brief"
    assert facts["sender"] == "ws0616"
    assert facts["sender_body"] == "dagelijks-bestuur"
    assert facts["addressees"] == ["gm0537"]
    assert facts["our_reference"] == "16.012345"
    assert facts["signatories"] == [
        {"name": "A. Bakker", "role": "secretaris-directeur"},
        {"name": "R.D. Dijkstra", "role": "dijkgraaf"},
    ]


def test_a_mayor_signing_for_the_municipality():
    extraction = extract(MAYOR)
    assert extraction.place.value == "Leiden"
    assert extraction.date_sent.value == "2015-09-09"
    assert extraction.signatories[0].role.detail == "gm0546"
    assert extraction.facts()["sender"] == "gm0546"
    assert extraction.facts()["signatories"] == [{"name": "H.J.J. Lenferink", "role": "burgemeester"}]


def test_run_together_text_layer():
    facts = extract(RUN_TOGETHER).facts()
    assert facts["date_sent"] == "2017-05-03"
    assert facts["our_reference"] is None  # "Kenmerk" with no value
    assert facts["subject"] == "Raadsinformatiebrief over de herinrichting van de Spoorzone"
    assert facts["kind"] == "raadsinformatiebrief"
    assert facts["sender"] == "gm0855"


@pytest.mark.parametrize(
    "letter",
    [
        MUNICIPAL,
        PROVINCIAL,
        COUNCIL_INFORMATION,
        MINISTRY,
        JOINT_ARRANGEMENT,
        WATER_AUTHORITY,
        MAYOR,
        RUN_TOGETHER,
    ],
)
def test_every_value_quotes_its_evidence(letter):
    from tests.test_extract import assert_evidence

    assert_evidence(letter, extract(letter))


SIDE_COLUMN_AFTER_SALUTATION = """Provincie Noord-Holland
Gedeputeerde Staten
Retouradres Postbus 3007, 2001 DA HAARLEM
Het college van burgemeester en wethouders van Wijdemeren
Postbus 190
1230 AD  LOOSDRECHT
Onderwerp: Reactie op uw brief van 24 augustus 2021
Geacht college,
Datum
13 september 2021
Ons kenmerk
PNH-2021-509429615
Uw kenmerk
2021-979212
Bijlagen
-
In uw brief van 24 augustus 2021, kenmerk 2021-979212, vraagt u om een reactie.
Met vriendelijke groet,
"""

COLUMNS_BY_POSITION = """Gemeente Wijdemeren

Gedeputeerde Staten van Noord-Holland
Postbus 3007
2001 DA  HAARLEM

Datum                Ons kenmerk          Uw kenmerk
2 juni 2021          -                    PNH-2021-123456
Onderwerp: Reactie

Geacht college,

Tekst.

Met vriendelijke groet,
"""


def test_side_column_that_a_pdf_put_after_the_salutation():
    facts = extract(SIDE_COLUMN_AFTER_SALUTATION).facts()
    assert facts["date_sent"] == "2021-09-13"
    assert facts["our_reference"] == "PNH-2021-509429615"
    assert facts["your_reference"] == "2021-979212"
    assert facts["cites"] == [{"date": "2021-08-24", "reference": "2021-979212"}]
    assert facts["addressees"] == ["gm1696"]
    assert facts["sender"] == "pv27"


def test_table_columns_pair_by_position_when_a_value_is_a_dash():
    facts = extract(COLUMNS_BY_POSITION).facts()
    assert facts["date_sent"] == "2021-06-02"
    assert facts["our_reference"] is None
    assert facts["your_reference"] == "PNH-2021-123456"


# The body begins before the reference block (a text layer that read the opening paragraph beside the
# reference column first) and the date is only in a dispatch stamp; the references follow the opening
# paragraph, one written with spaces and no colon.
BODY_BEFORE_REFERENCES = """Gemeente Zeist

Gedeputeerde Staten van Utrecht
Postbus 80300
3508 TH  UTRECHT

VERZONDEN
14 MRT 2018

Geacht college,

Met deze brief reageren wij op het ontwerp van de regionale woonvisie.

Ons kenmerk  ZST/18/40211
Uw kenmerk: PU-2018-0931
Betreft: Zienswijze op de regionale woonvisie

Wij vragen u de aantallen woningen per kern opnieuw te bezien.

Met vriendelijke groet,

Burgemeester en wethouders van Zeist,
de secretaris,                    de burgemeester,

mr. A.B. de Wit                   C.D. Jansen
"""


def test_references_after_the_opening_paragraph_and_a_dispatch_stamp():
    facts = extract(BODY_BEFORE_REFERENCES).facts()
    assert facts["date_sent"] == "2018-03-14"
    assert facts["our_reference"] == "ZST/18/40211"
    assert facts["your_reference"] == "PU-2018-0931"
    assert facts["subject"] == "Zienswijze op de regionale woonvisie"
    assert facts["sender"] == "gm0355"
    # one label line between sentences is no reference block: without its colon it is not read
    lone = BODY_BEFORE_REFERENCES.replace(
        "Uw kenmerk: PU-2018-0931\nBetreft: Zienswijze op de regionale woonvisie\n", ""
    )
    lone = lone.replace("Ons kenmerk  ZST/18/40211\n", "Kenmerk  ZST/18/40211\nWij vragen het volgende.\n")
    assert "Kenmerk  ZST/18/40211" in lone and "Betreft" not in lone
    assert extract(lone).facts()["our_reference"] is None


BOARD_PAPER = """Gemeente Zwolle

Raadsinformatiebrief nr. 2021-014
Van het college van burgemeester en wethouders aan de gemeenteraad
Datum: 3 maart 2021
Onderwerp: Stand van zaken fietsparkeren

Geachte leden van de raad,

Hierbij informeren wij u over de voortgang van het fietsparkeren rond het station.

Met vriendelijke groet,

Burgemeester en wethouders van Zwolle,

de secretaris, de burgemeester,
J. Jansen P. de Vries
"""


def test_a_boards_paper_from_the_college_to_the_council_is_addressed_to_its_own_council():
    """A memo line "Van <board> aan de gemeenteraad" under a paper's number is its address, in lower
    case: the council of the sender's own municipality (the paper's number is no reference)."""
    facts = extract(BOARD_PAPER).facts()
    assert facts["sender"] == "gm0193" and facts["addressees"] == ["gm0193"]
    assert not facts.get("our_reference")
    to_members = BOARD_PAPER.replace("aan de gemeenteraad\n", "aan de leden van de raad.\n")
    assert extract(to_members).facts()["addressees"] == ["gm0193"]
    # the same words in a sentence of the body address nobody
    in_body = BOARD_PAPER.replace(
        "Van het college van burgemeester en wethouders aan de gemeenteraad\n", ""
    ).replace(
        "Hierbij informeren",
        "Van de provincie kregen wij een verzoek, dat wij doorsturen aan de gemeenteraad\nHierbij informeren",
    )
    assert extract(in_body).facts()["addressees"] == []


def _to_councils(line: str, day: str) -> str:
    return f"""Regio Voorbeeld

{line}
Datum: {day}
Onderwerp: Gezamenlijke aanpak van het leerlingenvervoer

Geachte leden van de raden,

Wij informeren u over de gezamenlijke aanbesteding.

Met vriendelijke groet,

het dagelijks bestuur
"""


@pytest.mark.parametrize(
    "line, day, councils",
    [
        # names of several words, and with an apostrophe, as the register writes them
        (
            "Aan: de gemeenteraden van Asten, 's-Hertogenbosch en Alphen-Chaam",
            "2 maart 2015",
            ["gm0743", "gm0796", "gm1723"],
        ),
        (
            "Aan: de gemeenteraden van Haaksbergen, Oldenzaal en Hof van Twente",
            "2 maart 2015",
            ["gm0158", "gm0173", "gm1735"],
        ),
        (
            "Aan de raden van Eindhoven, Woudrichem en Sint Anthonis",
            "2 maart 2015",
            ["gm0772", "gm0874", "gm1702"],
        ),
        # a name with an "en" of its own, and a last "en" between two names
        (
            "Aan: de gemeenteraden van Arcen en Velden, Kessel en Meijel",
            "2 maart 2005",
            ["gm0885", "gm0929", "gm0941"],
        ),
        # a header run on after the list
        (
            "Aan de raden van Haaksbergen, Oldenzaal en Hof van Twente Postbus 12 7500 AA Enschede",
            "2 maart 2015",
            ["gm0158", "gm0173", "gm1735"],
        ),
    ],
)
def test_councils_listed_by_name_are_read_as_the_register_writes_their_names(line, day, councils):
    assert sorted(extract(_to_councils(line, day)).facts()["addressees"]) == councils
