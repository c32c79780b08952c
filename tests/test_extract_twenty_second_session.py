"""Classes found by the twenty-second session's probe letters (tests/probes/m-…, n-…, o-…): an address
block's body whose "van" and place open its next line, lists of councils, colleges and mayors that run
over line breaks, and more. Letters written for the test (invented people, real public bodies)."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted


def _letter(head: str, address: str, date: str = "8 oktober 2019", closing: str = "") -> str:
    return (
        f"{head}\n\n{address}\n\nDatum      {date}\nOns kenmerk 2019-55102\nOnderwerp  Afkoppelen hemelwater\n\n"
        "Geacht college,\n\nWij vragen u mee te werken aan het afkoppelen van hemelwater in de wijk.\n\n"
        f"Met vriendelijke groet,\n\n{closing}"
    )


_WATER_BOARD = (
    "het dagelijks bestuur van Waterschap Rivierenland,\n\nde secretaris-directeur,   de dijkgraaf,\n"
)


# ---------------------------------------------------------------- a body over "van" and its place


@pytest.mark.parametrize(
    "address, code",
    [
        (
            "College van burgemeester en wethouders\nvan de gemeente Culemborg\nPostbus 136\n4100 AC  CULEMBORG",
            "gm0216",
        ),
        ("Het college van burgemeester en wethouders\nvan Tiel\nPostbus 6325\n4000 HH  TIEL", "gm0281"),
        (
            "Burgemeester en Wethouders\nvan de gemeente Zaltbommel\nt.a.v. mevrouw K. Aalders-Veld\nPostbus 10\n"
            "5300 AA  ZALTBOMMEL",
            "gm0297",
        ),
        ("Gedeputeerde Staten\nvan Gelderland\nPostbus 9090\n6800 GX  ARNHEM", "pv25"),
        (
            "Aan het college van burgemeester en wethouders\nvan de gemeente Buren\nPostbus 23\n4020 BA  MAURIK",
            "gm0214",
        ),
    ],
)
def test_a_board_whose_place_opens_the_next_line_is_one_addressee(address, code):
    facts = drafted(_letter("Waterschap Rivierenland", address, closing=_WATER_BOARD))
    assert facts is not None
    assert facts["addressees"] == [code]
    assert facts["sender"] == "ws0621"


def test_a_board_line_alone_with_a_sentence_under_it_names_no_place():
    # "van 12 maart" opens the next line: a date, no place; the board without a place stays as written
    text = _letter(
        "Waterschap Rivierenland",
        "Aan het college van burgemeester en wethouders\nvan 12 maart jongstleden\nPostbus 23\n4020 BA  MAURIK",
        closing=_WATER_BOARD,
    )
    facts = drafted(text)
    assert facts is not None
    assert all(not a.startswith("gm") for a in facts["addressees"])


# ---------------------------------------------------------------- lists that run over line breaks


@pytest.mark.parametrize(
    "address, codes",
    [
        (
            "Aan de gemeenteraden van\nLochem, Zutphen,\nBrummen en Voorst",
            ["gm0262", "gm0301", "gm0213", "gm0285"],
        ),
        (
            "Aan de raden van de gemeenten Oldambt,\nPekela, Veendam\nen Westerwolde",
            ["gm1895", "gm0765", "gm0047", "gm1950"],
        ),
        (
            "Aan de colleges van burgemeester en wethouders\nvan de gemeenten Hof van Twente, Borne, Hengelo,\n"
            "Enschede en Haaksbergen",
            ["gm1735", "gm0147", "gm0164", "gm0153", "gm0158"],
        ),
        (  # a name with its own hyphen broken at the line's end
            "Aan de colleges van burgemeester en wethouders van de gemeenten Emmen, Borger-\nOdoorn en Coevorden",
            ["gm0114", "gm1681", "gm0109"],
        ),
        (
            "Aan de burgemeesters van\nArnhem, Nijmegen en Ede",
            ["gm0202", "gm0268", "gm0228"],
        ),
    ],
)
def test_a_list_of_councils_colleges_or_mayors_over_line_breaks(address, codes):
    closing = "Gedeputeerde Staten van Gelderland,\n\nde voorzitter,     de secretaris,\n"
    facts = drafted(_letter("Provincie Gelderland", address + "\n", date="3 september 2020", closing=closing))
    assert facts is not None
    assert sorted(facts["addressees"]) == sorted(codes)


def test_a_list_ends_at_a_line_without_a_separator():
    # the line after the list's last name is the street of the address: not a name of the list
    address = "Aan de gemeenteraden van\nLochem en Zutphen\nMarkt 1\n7241 AA  LOCHEM"
    closing = "Gedeputeerde Staten van Gelderland,\n\nde voorzitter,     de secretaris,\n"
    facts = drafted(_letter("Provincie Gelderland", address, date="3 september 2020", closing=closing))
    assert facts is not None
    assert sorted(facts["addressees"]) == ["gm0262", "gm0301"]


# ---------------------------------------------------------------- a name over the line's end


@pytest.mark.parametrize(
    "address, code",
    [
        (
            "Aan het algemeen bestuur van de\nOmgevingsdienst Regio Arnhem\nPostbus 2047\n6802 CA  ARNHEM",
            "so0826",
        ),
        ("Aan Gedeputeerde Staten van\nNoord-Brabant\nPostbus 90151\n5200 MC  'S-HERTOGENBOSCH", "pv30"),
        (
            "Waterschap Vallei en Ve-\nluwe\nt.a.v. het dagelijks bestuur\nPostbus 330\n3800 AH  AMERSFOORT",
            "ws0662",
        ),
        ("Provincie Noord-\nBrabant\nPostbus 90151\n5200 MC  'S-HERTOGENBOSCH", "pv30"),
        (
            "College van burgemeester en wethouders\nvan de gemeente Sint-Michiels-\ngestel\nPostbus 10000\n"
            "5270 GA  SINT-MICHIELSGESTEL",
            "gm0845",
        ),
    ],
)
def test_a_body_named_over_the_end_of_a_line(address, code):
    facts = drafted(_letter("Waterschap Rivierenland", address, date="12 mei 2021", closing=_WATER_BOARD))
    assert facts is not None
    assert facts["addressees"] == [code]


# ---------------------------------------------------------------- a minister over the ministry's address


_MAYOR = "De burgemeester van Eindhoven,\n\n\n\nK. Vermeulen-Rijn\n"


@pytest.mark.parametrize(
    "address, ministry",
    [
        (
            "De Minister van Justitie en Veiligheid\nPostbus 20301\n2500 EH  DEN HAAG",
            "Justitie en Veiligheid",
        ),
        ("de Staatssecretaris van Financiën\nPostbus 20201\n2500 EE  Den Haag", "Financiën"),
        (
            "DE MINISTER VAN Binnenlandse Zaken en Koninkrijksrelaties\nPostbus 20011\n2500 EA  Den Haag",
            "Binnenlandse Zaken en Koninkrijksrelaties",
        ),
    ],
)
def test_a_minister_named_over_the_ministrys_postal_address_is_its_ministry(address, ministry):
    facts = drafted(_letter("Gemeente Eindhoven\nKabinet van de burgemeester", address, closing=_MAYOR))
    assert facts is not None
    assert facts["addressees"] == [f"ministerie van {ministry}"]
    assert facts["sender"] == "gm0772"


def test_a_committee_over_a_postal_address_is_no_ministry():
    address = "De vaste commissie voor Financiën\nPostbus 20018\n2500 EA  Den Haag"
    facts = drafted(_letter("Gemeente Eindhoven", address, closing=_MAYOR))
    assert facts is not None
    assert not any(a.startswith("ministerie") for a in facts["addressees"])


# ---------------------------------------------------------------- water boards listed; a Rijkswaterstaat head


_RWS_HEAD = "De hoofdingenieur-directeur van Rijkswaterstaat Zuid-Nederland,\n\n\n\nir. P. Kuipers-Dam\n"


@pytest.mark.parametrize(
    "address, codes",
    [
        (
            "Aan: de dagelijks besturen van de waterschappen Aa en Maas, De Dommel\nen Brabantse Delta",
            ["ws0654", "ws0539", "ws0652"],
        ),
        (
            "Aan de waterschappen Brabantse Delta en Hollandse Delta en de colleges van Gedeputeerde Staten van\n"
            "Noord-Brabant en Zuid-Holland",
            ["ws0652", "ws0655", "pv30", "pv28"],
        ),
    ],
)
def test_water_boards_listed_by_their_names_which_hold_en(address, codes):
    text = _letter("Rijkswaterstaat\nMinisterie van Infrastructuur en Waterstaat", address, closing=_RWS_HEAD)
    facts = drafted(text)
    assert facts is not None
    assert sorted(facts["addressees"]) == sorted(codes)
    assert facts["signatories"] == [{"name": "P. Kuipers-Dam", "role": "hoofdingenieur-directeur"}]


def test_water_boards_listed_in_the_body_are_mentioned():
    text = _letter(
        "Gemeente Tilburg", "Aan de gemeenteraad", closing="de burgemeester,\n\nT. Hermsen-Veld\n"
    ).replace("in de wijk.", "in de wijk, zoals de waterschappen De Dommel en Aa en Maas dat al doen.")
    facts = drafted(text)
    assert facts is not None
    assert {"ws0539", "ws0654"} <= set(facts["organisations_mentioned"])


# ---------------------------------------------------------------- an audit office signs by its name


@pytest.mark.parametrize(
    "body, signers, footer",
    [
        (
            "De Rekenkamer Rotterdam,",
            "drs. A.B. Kolkman-Hoek                  mr. C. Timmer-Veld\nvoorzitter                             secretaris",
            "Rekenkamer Rotterdam | Postbus 1330 | www.rekenkamer.rotterdam.nl",
        ),
        (
            "Rekenkamercommissie Oss,",
            "de voorzitter,\n\n\nH. Derksen-Bos",
            "Gemeente Oss | Postbus 5 | 5340 BA Oss | www.oss.nl",
        ),
        (
            "de Ombudsman Metropool Amsterdam,",
            "\n\nR.J. Verhoef-Dam",
            "info@ombudsmanmetropool.nl",
        ),
    ],
)
def test_an_audit_office_signs_by_its_name_alone(body, signers, footer):
    """As written where the register lacks it; the register's ombudsman of Amsterdam's region, by its code."""
    name = body.removeprefix("De ").removeprefix("de ").rstrip(",")
    text = _letter(
        name, "Aan de gemeenteraad\nPostbus 1\n1000 AA  Stad", closing=f"{body}\n\n{signers}\n\n{footer}\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == ("so1045" if name == "Ombudsman Metropool Amsterdam" else name)
    assert all(name.split()[0] not in s["name"] for s in facts["signatories"])


@pytest.mark.parametrize(
    "chamber, code",
    [("Tweede Kamer der Staten-Generaal", "oorg10002"), ("Eerste Kamer der Staten-Generaal", "oorg10001")],
)
def test_a_committee_of_a_chamber_on_the_attention_line_is_the_chamber(chamber, code):
    address = f"{chamber}\nt.a.v. de vaste commissie voor Financiën\nPostbus 20018\n2500 EA  DEN HAAG"
    facts = drafted(_letter("Gemeente Eindhoven", address, closing=_MAYOR))
    assert facts is not None
    assert facts["addressees"] == [code]


# ---------------------------------------------------------------- a Caribbean public body


@pytest.mark.parametrize(
    "head, code",
    [
        ("OPENBAAR LICHAAM SABA\nBestuurscollege", "col03"),
        ("Openbaar Lichaam Sint Eustatius", "col02"),
        ("Bestuurscollege\nOpenbaar lichaam Bonaire", "col01"),
    ],
)
def test_a_caribbean_public_body_writes_signed_by_its_posts(head, code):
    closing = (
        "Het Bestuurscollege,\n\nde gezaghebber,                de eilandsecretaris,\n\n\n"
        "M.A. Hassell-Berg             drs. K. Zagers-Hoek\n"
    )
    address = "Aan de Staatssecretaris van Binnenlandse Zaken\nen Koninkrijksrelaties\nPostbus 20011\n2500 EA  DEN HAAG"
    facts = drafted(_letter(head, address, date="17 september 2019", closing=closing))
    assert facts is not None
    assert facts["sender"] == code
    assert facts["addressees"] == ["ministerie van Binnenlandse Zaken en Koninkrijksrelaties"]
    assert facts["signatories"] == [
        {"name": "M.A. Hassell-Berg", "role": "gezaghebber"},
        {"name": "K. Zagers-Hoek", "role": "eilandsecretaris"},
    ]


# ---------------------------------------------------------------- the same through OCR's noise


def _doubled(text: str) -> str:
    """Every line break doubled, as some OCR sets a text."""
    return text.replace("\n", "\n\n")


def test_a_board_over_its_place_in_a_text_whose_line_breaks_are_doubled():
    address = (
        "College van burgemeester en wethouders\nvan de gemeente Culemborg\nPostbus 136\n4100 AC  CULEMBORG"
    )
    facts = drafted(_doubled(_letter("Waterschap Rivierenland", address, closing=_WATER_BOARD)))
    assert facts is not None
    assert facts["addressees"] == ["gm0216"]


@pytest.mark.parametrize(
    "address",
    [
        "Aan de gemeenteradenvan\nLochem, Zutphen,\nBrummen en Voorst",  # "van" glued to the key word
        "Aan de burgerneesters van\nLochem, Zutphen,\nBrummen en Voorst",  # rn read for m
        "Aan de co1leges van burgemeester en wethouders\nvan degemeenten Lochem, Zutphen,\nBrummen en Voorst",
        "Aan de colleges van burgemeester en wethouders\nvan de gemeenten Lochem, Zut-\nphen, Brummen en Voorst",
    ],
)
def test_a_list_of_councils_through_ocr_noise(address):
    closing = "Gedeputeerde Staten van Gelderland,\n\nde voorzitter,     de secretaris,\n"
    text = _letter("Provincie Gelderland", address + "\n", date="3 september 2020", closing=closing)
    for variant in (text, _doubled(text)):
        facts = drafted(variant)
        assert facts is not None
        assert sorted(facts["addressees"]) == ["gm0213", "gm0262", "gm0285", "gm0301"]


@pytest.mark.parametrize(
    "board",
    ["het college vandijkgraaf en hoogheemraden", "het college van dijkgraaf enhoogheemraden"],
)
def test_a_water_boards_board_glued_by_ocr_signs_for_it(board):
    closing = (
        f"{board}\nvan het Hoogheemraadschap van Rijnland,\n\nde dijkgraaf,        de secretaris-directeur,\n\n\n"
        "ir. B. Smeets-Veld          drs. L. Huisman-Rijn\n"
    )
    address = "Gedeputeerde Staten van Zuid-Holland\nPostbus 90602\n2509 LP  Den Haag"
    facts = drafted(
        _letter("Hoogheemraadschap van Rijnland\n\nPostbus 156\n2300 AD  Leiden", address, closing=closing)
    )
    assert facts is not None
    assert facts["sender"] == "ws0616"
    assert facts["addressees"] == ["pv28"]


def test_a_ministers_closing_in_capitals_hyphenated_over_its_line():
    closing = (
        "DE MINISTER VAN INFRASTRUCT-\nUUR EN WATERSTAAT,\n\nnamens deze,\n\nDE DIRECTEUR-GENERAAL WATER EN BODEM,\n\n\n"
        "A. Verschoor-Dam\n"
    )
    facts = drafted(
        _letter("Aan het waterschap Rivierenland", "Postbus 599\n4100 AN  Culemborg", closing=closing)
    )
    assert facts is not None
    assert facts["sender"] == "ministerie van Infrastructuur en Waterstaat"


# ---------------------------------------------------------------- national bodies


def test_a_minister_over_the_address_after_the_senders_own_postal_line():
    head = "Gemeente Súdwest-Fryslân\nGemeente Súdwest-Fryslân | Postbus 10.000 | 8600 HA Sneek\n"
    address = "De minister van Asiel en Migratie\nPostbus 20301\n2500 EH  DEN HAAG"
    closing = "Burgemeester en wethouders van Súdwest-Fryslân,\n\nde secretaris,     de burgemeester,\n"
    facts = drafted(_letter(head, address, date="19 november 2024", closing=closing))
    assert facts is not None
    assert facts["addressees"] == ["ministerie van Asiel en Migratie"]


def test_a_ministers_name_wrapped_in_the_address():
    address = (
        "De minister van Landbouw, Visserij,\nVoedselzekerheid en Natuur\nPostbus 20401\n2500 EK  DEN HAAG"
    )
    facts = drafted(
        _letter(
            "Gemeente Eindhoven\nKabinet van de burgemeester", address, date="2 oktober 2024", closing=_MAYOR
        )
    )
    assert facts is not None
    assert facts["addressees"] == ["ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur"]


@pytest.mark.parametrize(
    "closing, ministry, role",
    [
        (  # a ministry's letter has no closing formula; its name wraps after "en"
            "De minister van Binnenlandse Zaken en\nKoninkrijksrelaties,\n\n\n\ndrs. H.G. Brandsma-Veld\n\n"
            "                                                               Pagina 2 van 2\n",
            "Binnenlandse Zaken en Koninkrijksrelaties",
            "minister",
        ),
        (
            "Hoogachtend,\n\nDE STAATSSECRETARIS VAN INFRASTRUCTUUR\nEN WATERSTAAT,\n\n\n\nH.G. Brandsma-Veld\n",
            "Infrastructuur en Waterstaat",
            "staatssecretaris",
        ),
    ],
)
def test_a_ministers_closing_wrapped_over_two_lines(closing, ministry, role):
    text = (
        _letter("Ministerie van " + ministry, "Aan de gemeenteraden", date="21 november 2022").replace(
            "Met vriendelijke groet,\n\n", ""
        )
        + closing
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == f"ministerie van {ministry}"
    assert facts["signatories"] == [{"name": "H.G. Brandsma-Veld", "role": role}]


def test_a_board_signs_for_the_body_it_names():
    closing = "Namens het bestuur van het Interprovinciaal Overleg,\n\n\n\ndrs. K. Veenstra-Bos\nvoorzitter\n"
    address = "De minister van Infrastructuur en Waterstaat\nPostbus 20901\n2500 EX  DEN HAAG"
    facts = drafted(_letter("IPO", address, date="24 september 2024", closing=closing))
    assert facts is not None
    assert facts["sender"] == "Interprovinciaal Overleg"


@pytest.mark.parametrize(
    "head, closing, code",
    [
        (
            "Kadaster\n\nRetouradres: Postbus 9046, 7300 GH Apeldoorn",
            "de teamleider BAG,\n\n\nP. Rutten-Berg\n",
            "zb000195",
        ),
        (  # no letterhead: the signature's post names the body
            "Postbus 20019\n2500 EA  Den Haag",
            "de voorzitter van de Afdeling bestuursrechtspraak,\nnamens deze,\n\n\n"
            "mr. P. Rutten-Berg\nstafjurist\n",
            "oorg10039",
        ),
    ],
)
def test_a_national_body_by_the_short_name_it_writes_with(head, closing, code):
    address = "College van burgemeester en wethouders\nvan de gemeente Ede\nPostbus 9022\n6710 HK  EDE"
    facts = drafted(_letter(head, address, date="2 augustus 2022", closing=closing))
    assert facts is not None
    assert facts["sender"] == code


def test_an_address_that_lists_its_addressees_as_items():
    address = (
        "Aan:\n  - de gemeenteraad van Lochem, t.a.v. de griffie\n  • de gemeenteraad van Zutphen, t.a.v. de griffie\n"
        "  - de gemeenteraad van Brummen, t.a.v. de griffie"
    )
    closing = "Gedeputeerde Staten van Gelderland,\n\nde voorzitter,     de secretaris,\n"
    facts = drafted(_letter("Provincie Gelderland", address, date="10 mei 2022", closing=closing))
    assert facts is not None
    assert sorted(facts["addressees"]) == ["gm0213", "gm0262", "gm0301"]


# ---------------------------------------------------------------- a side column's label over its value


_SIDE = """                                               Ministerie van Volkshuisvesting en
                                               Ruimtelijke Ordening

> Retouradres Postbus 20011 2500 EA Den Haag

College van burgemeester en wethouders
van de gemeente Zwolle                         {label}
Postbus 10007                                  {value}
8000 GA  ZWOLLE
                                               Uw kenmerk
Datum      12 maart 2024                       -
Betreft    Woningbouwafspraken 2024

Geacht college,

Wij vragen u de afspraken over de woningbouw te bevestigen.

De minister van Volkshuisvesting en
Ruimtelijke Ordening,



K. Hartman-Dam
"""


@pytest.mark.parametrize(
    "label, value",
    [("Onze referentie", "2024-0047215"), ("Ons kenmerk", "VRO/WB-2024/1187"), ("Kenmerk", "5123456")],
)
def test_a_side_columns_label_over_its_value_beside_the_address(label, value):
    facts = drafted(_SIDE.format(label=label, value=value))
    assert facts is not None
    assert facts["our_reference"] == value
    assert facts["sender"] == "ministerie van Volkshuisvesting en Ruimtelijke Ordening"
    assert facts["signatories"] == [{"name": "K. Hartman-Dam", "role": "minister"}]


def test_a_side_columns_label_over_a_line_of_the_main_column_has_no_value():
    text = _SIDE.format(label="Ons kenmerk", value="").replace(
        "Postbus 10007                                  \n",
        "Postbus 10007 te Zwolle, ter attentie van de afdeling 4\n",
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["our_reference"] is None


def test_a_ministrys_units_in_its_side_column_are_no_addressees():
    text = """                                               Ministerie van Binnenlandse Zaken en
                                               Koninkrijksrelaties

> Retouradres Postbus 20011 2500 EA Den Haag

                                               Directoraat-generaal Openbaar Bestuur
Aan de gemeenteraden                           en Democratische Rechtsstaat
                                               Directie Democratie en Bestuur

                                               Postbus 20011
                                               2500 EA Den Haag

Datum      21 november 2022
Betreft    De rol van de raad

Geachte raadsleden,

Ik informeer u over de nieuwe regels voor gemeenschappelijke regelingen.

De minister van Binnenlandse Zaken en
Koninkrijksrelaties,



K. Hartman-Dam
"""
    facts = drafted(text)
    assert facts is not None
    assert facts["addressees"] == []
    assert facts["sender"] == "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"


@pytest.mark.parametrize(
    "block, role",
    [
        (
            "namens het dagelijks bestuur van stadsdeel Oost,\n\n\n\nR.A. Kaya-Hoek\nvoorzitter dagelijks bestuur",
            "voorzitter",
        ),
        (
            "namens het algemeen bestuur,\n\n\n\nR.A. Kaya-Hoek\nvoorzitter van het algemeen bestuur",
            "voorzitter",
        ),
        ("\n\nR.A. Kaya-Hoek\npolitiechef Eenheid Oost-Nederland", "politiechef"),
        ("\n\nR.A. Kaya-Hoek\nfunctionaris gegevensbescherming", "functionaris gegevensbescherming"),
    ],
)
def test_posts_under_the_signers_name(block, role):
    text = _letter("Gemeente Deventer", "Aan de gemeenteraad", closing=block + "\n")
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [{"name": "R.A. Kaya-Hoek", "role": role}]


_COLUMN_HEAD = """Kadaster

Retouradres: Postbus 9046, 7300 GH Apeldoorn

College van burgemeester en wethouders
van de gemeente Ede
Postbus 9022
6710 HK  EDE


{date_line}
Ons kenmerk              BAG-KW/2021/00912
Uw kenmerk               Z-20-058811
Contactpersoon           helpdesk BAG
Onderwerp                Kwaliteit van de adressen


Geacht college,

Wij sturen u het overzicht van de kwaliteit van uw adressen.

Met vriendelijke groet,

de teamleider BAG,

P. Rutten-Berg
"""


@pytest.mark.parametrize(
    "date_line", ["Apeldoorn                09-03-2021", "Apeldoorn                9 maart 2021"]
)
def test_a_place_and_date_heading_a_column_of_labels(date_line):
    facts = drafted(_COLUMN_HEAD.format(date_line=date_line))
    assert facts is not None
    assert facts["date_sent"] == "2021-03-09"


def test_a_place_and_date_over_prose_is_no_date_line():
    text = (
        _COLUMN_HEAD.format(date_line="Apeldoorn 09-03-2021")
        .replace(
            "Ons kenmerk              BAG-KW/2021/00912\n",
            "Wij schreven u eerder over de adressen in de kernen\n"
            "en over de kwaliteit van de gegevens die uw gemeente aanlevert\n",
        )
        .replace("Uw kenmerk               Z-20-058811\n", "en vragen u nu om een reactie.\n")
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["date_sent"] is None


def test_a_footer_table_gives_the_date_and_our_reference():
    text = """Gemeente Deventer

College van Gedeputeerde Staten van Overijssel
Postbus 10078
8000 GB  ZWOLLE

Onderwerp: Fietsverbinding langs de IJssel

Geacht college,

Wij vragen u bij te dragen aan de nieuwe fietsverbinding langs de IJssel.
Het plan is op 12 december 2023 in de raad besproken.

--------------------------------------------------------------------------------
Datum              Ons kenmerk         Uw kenmerk          Behandeld door
14 februari 2024   2024-020115/FV      PZH/23.0771         M. Baas-Veld
--------------------------------------------------------------------------------
Gemeente Deventer | Postbus 5000 | 7400 GC Deventer                    1 van 2

De kosten delen wij graag volgens de afspraken in de regio.

Hoogachtend,

burgemeester en wethouders van Deventer,

de secretaris,                          de burgemeester,



K. Lubbers-Hoek                         J.P. Horst-Dam
"""
    facts = drafted(text)
    assert facts is not None
    assert facts["date_sent"] == "2024-02-14"
    assert facts["our_reference"] == "2024-020115/FV"
    assert facts["addressees"] == ["pv23"]


def test_a_college_without_its_place_and_a_footer_that_names_it():
    text = """Het dagelijks bestuur van het waterschap
Rivierenland
Postbus 599
4100 AN  CULEMBORG


Buren, 9 maart 2023

Betreft: zienswijze op openbaarmaking

Geacht bestuur,

Wij zijn van plan documenten van uw organisatie openbaar te maken en vragen u om uw zienswijze.

Met vriendelijke groet,

namens het college van burgemeester en wethouders,



mr. I.J. Aalders-Berg
juridisch adviseur




--------------------------------------------------------------------------------
Gemeente Buren   Postbus 23   4020 BA Maurik   T 0344 579 911
www.buren.nl           Ons kenmerk: 2023-0019911 / Woo-23-011   Pagina 1/1
"""
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == "gm0214"
    assert facts["our_reference"] == "2023-0019911/Woo-23-011"  # as references are cleaned
    assert facts["addressees"] == ["ws0621"]


def test_a_side_columns_value_through_ocr_noise():
    # a word glued on the line shifts the value's column; every line break doubled
    text = _SIDE.format(label="Onze referentie", value="2024-0047215").replace(
        "Postbus 10007                                  2024",
        "Postbus10007                                 2024",
    )
    for variant in (text, _doubled(text)):
        facts = drafted(variant)
        assert facts is not None
        assert facts["our_reference"] == "2024-0047215"


def test_a_list_of_addressees_as_items_with_doubled_line_breaks():
    address = "Aan:\n  - de gemeenteraad van Lochem\n  - de gemeenteraad van Zutphen\n  - de gemeenteraad van Brummen"
    closing = "Gedeputeerde Staten van Gelderland,\n\nde voorzitter,     de secretaris,\n"
    facts = drafted(_doubled(_letter("Provincie Gelderland", address, date="10 mei 2022", closing=closing)))
    assert facts is not None
    assert sorted(facts["addressees"]) == ["gm0213", "gm0262", "gm0301"]


def test_a_surname_with_an_l_read_as_a_capital_i_is_kept_whole():
    text = _letter(
        "Gemeente Deventer", "Aan de gemeenteraad", closing="de burgemeester,\n\n\nH.R. Wissink-VeId\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [{"name": "H.R. Wissink-VeId", "role": "burgemeester"}]


# ---------------------------------------------------------------- general mailboxes; Frisian labels


@pytest.mark.parametrize(
    "receivers, codes",
    [
        ("To: Info Meierijstad <info@meierijstad.nl>", ["gm1948"]),
        ("Aan:            info@apeldoorn.nl; info@epe.nl; info@heerde.nl", ["gm0200", "gm0232", "gm0246"]),
        ("Aan: Postbus Provincie <post@gelderland.nl>", ["pv25"]),
    ],
)
def test_a_mail_to_general_mailboxes_is_to_their_bodies(receivers, codes):
    text = (
        "Van: Mulder-Dam, Sanne <s.mulderdam@brabant.nl>\nVerzonden: dinsdag 14 mei 2024 10:58\n"
        f"{receivers}\nOnderwerp: Gegevens veehouderijen\n\nGeacht college,\n\n"
        "Wij vragen u om de gegevens van de veehouderijen in uw gemeente.\n\nMet vriendelijke groet,\n\n"
        "Sanne Mulder-Dam\nbeleidsadviseur\nProvincie Noord-Brabant\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert sorted(facts["addressees"]) == sorted(codes)


def test_a_mail_to_a_person_and_a_mailbox_names_no_body():
    text = (
        "Van: Mulder-Dam, Sanne <s.mulderdam@brabant.nl>\nVerzonden: dinsdag 14 mei 2024 10:58\n"
        "Aan: info@apeldoorn.nl; Jansen-Bos, Piet <p.jansenbos@epe.nl>\nOnderwerp: Gegevens\n\nBeste Piet,\n\n"
        "Wij vragen om de gegevens.\n\nGroet,\n\nSanne Mulder-Dam\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["addressees"] == []


def test_frisian_labels_before_the_dutch_ones():
    text = _letter(
        "Provinsje Fryslân\nProvincie Fryslân",
        "Gemeente Leeuwarden\nPostbus 21000\n8900 JA  LEEUWARDEN",
        date="3 maart 2021",
        closing="Gedeputeerde Staten van Fryslân,\n\nde voorzitter,     de secretaris,\n",
    )
    text = text.replace(
        "Ons kenmerk 2019-55102", "Ús kenmerk/Ons kenmerk   00982415\nJo kenmerk/Uw kenmerk    U21.07752"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["our_reference"] == "00982415"
    assert facts["your_reference"] == "U21.07752"


def test_the_mailbox_a_mail_was_printed_from_is_no_letterhead():
    text = (
        "Postbus Info | Gemeente Ede\n"
        + "_" * 80
        + "\n\nVan:            Bakker-Veld, Marieke <m.bakker-veld@gelderland.nl>\n"
        "Verzonden:      dinsdag 12 november 2019 14:37\nAan:            info@ede.nl\n"
        "Onderwerp:      Aanvraag subsidie\n\nGeachte heer, mevrouw,\n\nWij hebben uw aanvraag ontvangen.\n\n"
        "Met vriendelijke groet,\n\nMarieke Bakker-Veld\nSenior beleidsmedewerker\n\nProvincie Gelderland\n"
        "Markt 11 | Postbus 9090 | 6800 GX Arnhem\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == "pv25"
    assert facts["addressees"] == ["gm0228"]
    assert facts["signatories"] == [{"name": "Marieke Bakker-Veld", "role": "senior beleidsmedewerker"}]


def test_a_replys_quoted_message_keeps_its_reference_to_itself():
    text = (
        "Van:            Dekker-Bos, Jan <j.dekker-bos@utrecht.nl>\nVerzonden:      dinsdag 7 juni 2022 09:12\n"
        "Aan:            Smit-Hoek, Lotte <l.smit-hoek@provincie-utrecht.nl>\nOnderwerp:      RE: Fietsroute\n\n"
        "Beste Lotte,\n\nWij kiezen voor de tweede variant van de oversteek.\nDe kosten bespreken we nog.\n\n"
        "Met vriendelijke groet,\n\nJan Dekker-Bos\nTeamleider Verkeer\nGemeente Utrecht\n\n"
        "Van: Smit-Hoek, Lotte <l.smit-hoek@provincie-utrecht.nl>\nVerzonden: donderdag 2 juni 2022 15:40\n"
        "Aan: Dekker-Bos, Jan <j.dekker-bos@utrecht.nl>\nOnderwerp: Fietsroute\n\nBeste Jan,\n\n"
        "Hierbij de twee varianten voor de oversteek.\nGraag hoor ik welke jullie kiezen.\n\nMet vriendelijke groet,\n\n"
        "Lotte Smit-Hoek\nProjectleider\nProvincie Utrecht\nKenmerk: 822F4A1C\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["our_reference"] is None
    assert facts["signatories"] == [{"name": "Jan Dekker-Bos", "role": "teamleider"}]
