"""Classes found by probe letters in the twenty-first session: a board's block signed by its deputies
("de loco-secretaris, de loco-burgemeester"), an official who signs for the college as "hoofd afdeling
…", and a letter addressed to a minister, whose ministry is then mentioned as well as addressed (the
corpus's convention, tests/corpus/README.md). Letters written for the test (invented people, real
municipalities' names)."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted

_COUNCIL = (
    "Gemeente Tilburg\n\nAan de gemeenteraad\n\nDatum 11 maart 2021\nOns kenmerk 2021/12345\n"
    "Onderwerp Informatie over de nieuwe fietsenstalling\n\nGeachte leden van de raad,\n\n"
    "Wij informeren u over de bouw van de nieuwe fietsenstalling.\n\n"
)


@pytest.mark.parametrize(
    "posts, roles",
    [
        ("de loco-secretaris,          de loco-burgemeester,", ["loco-secretaris", "loco-burgemeester"]),
        ("de secretaris,          de loco-burgemeester,", ["secretaris", "loco-burgemeester"]),
        ("de loco-secretaris,          de burgemeester,", ["loco-secretaris", "burgemeester"]),
    ],
)
def test_a_boards_block_signed_by_its_deputies(posts, roles):
    text = _COUNCIL + (
        f"Burgemeester en wethouders van Tilburg,\n\n{posts}\n\nP. Smulders                  R. van der Heijden\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [
        {"name": "P. Smulders", "role": roles[0]},
        {"name": "R. van der Heijden", "role": roles[1]},
    ]
    assert facts["sender"] == "gm0855"


_TO_THE_MINISTER = (
    "Gemeente Ede\n\nAan de minister van Binnenlandse Zaken en Koninkrijksrelaties\nPostbus 20011\n"
    "2500 EA Den Haag\n\nDatum: 14 juni 2018\nOns kenmerk: 18.2304\nOnderwerp: Verzoek om uitstel\n\n"
    "Geachte minister,\n\nWij vragen u de invoering van de regeling een jaar uit te stellen.\n\n"
    "Met vriendelijke groet,\n\nnamens burgemeester en wethouders van Ede,\n{post},\n\nJ. van Dijk\n"
)


@pytest.mark.parametrize(
    "post", ["hoofd afdeling Publiekszaken", "Hoofd afdeling Ruimte", "hoofd van de afdeling Financiën"]
)
def test_an_official_signs_as_head_of_a_department(post):
    facts = drafted(_TO_THE_MINISTER.format(post=post))
    assert facts is not None
    assert facts["signatories"] == [{"name": "J. van Dijk", "role": "afdelingshoofd"}]
    assert facts["sender"] == "gm0228"


def test_a_department_without_a_head_is_no_post():
    facts = drafted(_TO_THE_MINISTER.format(post="afdeling Publiekszaken"))
    assert facts is not None
    assert facts["signatories"] == [{"name": "J. van Dijk", "role": None}]


def test_the_ministry_of_the_minister_addressed_is_mentioned():
    facts = drafted(_TO_THE_MINISTER.format(post="hoofd afdeling Publiekszaken"))
    assert facts is not None
    ministry = "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert facts["addressees"] == [ministry]
    assert facts["organisations_mentioned"] == ["gm0228", ministry]


def test_a_minister_named_in_the_body_only_is_not_mentioned():
    text = (
        _TO_THE_MINISTER.format(post="hoofd afdeling Publiekszaken")
        .replace("Aan de minister van Binnenlandse Zaken en Koninkrijksrelaties\n", "Aan de Tweede Kamer\n")
        .replace(
            "Geachte minister,\n\nWij vragen u", "Geachte Kamerleden,\n\nWij vragen de minister van Financiën"
        )
    )
    facts = drafted(text)
    assert facts is not None
    assert not any("ministerie" in str(m) for m in facts["organisations_mentioned"])


# A ministry's name as OCR leaves it (look-alikes, glued and split words) is still that ministry, named
# in full: as addressee, as mention, and as the sender a minister's closing names.
_TO_A_MINISTRY = (
    "Gemeente Barneveld\nPostbus 63, 3770 AB Barneveld\n\n{address}\nPostbus 20401\n2500 EK DEN HAAG\n\n"
    "Barneveld, 7 oktober 2019\nons kenmerk: 2019-088123\nonderwerp: Geurhinder veehouderij\n\n"
    "Geachte heer, mevrouw,\n\nWij vragen uw aandacht voor de geurhinder.\n\nHoogachtend,\n\n"
    "burgemeester en wethouders van Barneveld,\nde secretaris, de burgemeester,\nG. de Boer A. van Ark\n"
)


@pytest.mark.parametrize(
    "address, ministry",
    [
        (
            "Aan de rninister van Binnenlandse Zaken en Koninkrijksre1aties",
            "Binnenlandse Zaken en Koninkrijksrelaties",
        ),
        (
            "Aan de Ministervan Binnenlandse Zaken en Koninkrijksrelaties",
            "Binnenlandse Zaken en Koninkrijksrelaties",
        ),
        (
            "Aan het Ministerie van Landbouw, Natuuren Voedselkwaliteit",
            "Landbouw, Natuur en Voedselkwaliteit",
        ),
        (
            "Aan hetMinisterie van Landbouw, Natuur en Voedselkwaliteit",
            "Landbouw, Natuur en Voedselkwaliteit",
        ),
        (
            "Aan het Minist-\nerie van Landbouw, Natuur en Voedselkwaliteit",
            "Landbouw, Natuur en Voedselkwaliteit",
        ),
        ("Aan de minister van Vo1ksgezondheid, Welzijn en Sport", "Volksgezondheid, Welzijn en Sport"),
    ],
)
def test_a_ministry_addressed_through_ocr_noise(address, ministry):
    facts = drafted(_TO_A_MINISTRY.format(address=address))
    assert facts is not None
    assert facts["addressees"] == [f"ministerie van {ministry}"]
    assert f"ministerie van {ministry}" in facts["organisations_mentioned"]
    assert facts["sender"] == "gm0203"


@pytest.mark.parametrize(
    "closing, ministry",
    [
        ("De minister van Landbouw,Natuur enVoedselkwaliteit,", "Landbouw, Natuur en Voedselkwaliteit"),
        (
            "De minister van BinnenIandse Zaken en Koninkrijksrelaties,",
            "Binnenlandse Zaken en Koninkrijksrelaties",
        ),
        ("De staatssecretaris van Infrastruc- tuur en Waterstaat,", "Infrastructuur en Waterstaat"),
    ],
)
def test_a_ministers_closing_through_ocr_noise_names_the_ministry(closing, ministry):
    text = (
        "De Voorzitter van de Tweede Kamer der Staten-Generaal\nPostbus 20018\n2500 EA DEN HAAG\n\n"
        "Datum 1 juli 2020\nBetreft Voortgang van de regiodeals\n\nGeachte voorzitter,\n\n"
        f"Hierbij informeer ik uw Kamer over de voortgang van de regiodeals.\n\n{closing}\n\ndrs. C.J. Verhagen\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == f"ministerie van {ministry}"


def test_a_ministry_the_text_names_outside_its_list_stays_as_written():
    facts = drafted(_TO_A_MINISTRY.format(address="Aan het Ministerie van Landbouw en Visserij"))
    assert facts is not None
    assert facts["addressees"] == ["ministerie van Landbouw en Visserij"]


def test_a_boards_line_glued_to_a_place_with_an_apostrophe():
    text = _COUNCIL.replace("Tilburg", "'s-Hertogenbosch") + (
        "Burgemeester en wethouders van's-Hertogenbosch,\n\nde secretaris,          de burgemeester,\n\n"
        "P. Smulders                  R. van der Heijden\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [
        {"name": "P. Smulders", "role": "secretaris"},
        {"name": "R. van der Heijden", "role": "burgemeester"},
    ]


# A board's name, an article or "van" glued to a key word by OCR reads as the words it is; the evidence
# and the values keep the text as written.
@pytest.mark.parametrize(
    "board",
    [
        "Burgemeester enwethouders van Tilburg,",
        "Burgemeester en wethoudersvanTilburg,",
        "Het college van burgemeesteren wethouders van Tilburg,",
    ],
)
def test_a_boards_line_with_glued_words_opens_its_block(board):
    text = _COUNCIL + f"{board}\n-;/.\nde secretaris, de burgemeester,\nM. Smeets R. Donners\n"
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [
        {"name": "M. Smeets", "role": "secretaris"},
        {"name": "R. Donners", "role": "burgemeester"},
    ]
    assert facts["sender"] == "gm0855"


def test_a_deputy_post_as_ocr_leaves_it():
    text = _COUNCIL + (
        "Burgemeester en wethouders van Tilburg,\n\nde 1oco-secretaris,          de loco-burgemeester,\n\n"
        "P. Smulders                  R. van der Heijden\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert [s["name"] for s in facts["signatories"]] == ["P. Smulders", "R. van der Heijden"]


@pytest.mark.parametrize(
    "address, expected",
    [
        ("Aan degemeenteraden van de deelnemende gemeenten", "de gemeenteraden van de deelnemende gemeenten"),
        ("Aan: de collegesvan de deelnemende gemeenten", "de colleges van de deelnemende gemeenten"),
    ],
)
def test_an_article_or_van_glued_to_an_addressees_key_word(address, expected):
    text = (
        "Holland Rijnland\nPostbus 558\n2300 AN Leiden\n\n"
        f"{address}\n\nDatum: 11 januari 2018\nKenmerk: 2018-000123\nOnderwerp: Regionale woonagenda\n\n"
        "Geachte raadsleden,\n\nHierbij ontvangt u de woonagenda.\n\nMet vriendelijke groet,\n\n"
        "het dagelijks bestuur van Holland Rijnland,\n\nC. Spijker, voorzitter\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["addressees"] == [expected]
    assert facts["sender"] == "so0507"


def test_words_that_only_look_glued_are_left_alone():
    from opendata.ingest.extract_noise import repair_key_words

    for text in ("De datum staat hieronder.", "Dedatum", "Burgemeester en wethouders van Tilburg,"):
        repaired = repair_key_words(text)
        assert repaired is None or repaired.text.replace(" ", "") == text.replace(" ", "")
    assert repair_key_words("Burgemeester en wethouders van Tilburg,") is None


def test_an_unregistered_letterhead_in_a_text_whose_line_breaks_ocr_doubled():
    lines = [
        "Gemeenschappelijke Regeling Drechtsteden", "Postbus 619", "3300 AP Dordrecht", "",
        "Aan de gemeenteraden van Dordrecht en Zwijndrecht", "", "Dordrecht, 15 mei 2019",
        "Kenmerk: DS/2019/1234", "Betreft: Jaarrekening 2018", "", "Geachte raadsleden,", "",
        "Hierbij ontvangt u de jaarrekening.", "", "Met vriendelijke groet,", "", "J. de Wit", "directeur",
    ]  # fmt: skip
    for text in ("\n".join(lines), "\n\n".join(lines)):
        facts = drafted(text)
        assert facts is not None
        assert facts["sender"] == "Gemeenschappelijke Regeling Drechtsteden"


# The addressee's own request told in the perfect tense is a cited letter, as "verzocht u om" was.
_DECISION = (
    "Aan de heer P. Koolman\nHoofdstraat 12\n5461 JL Veghel\n\nDatum: 4 april 2018\n"
    "Onderwerp: Uw verzoek om handhaving\n\nGeachte heer Koolman,\n\n{told}\n\nWij wijzen uw verzoek af.\n\n"
    "Met vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Meierijstad,\n\n"
    "H. de Leeuw\nteamleider Toezicht\n"
)


@pytest.mark.parametrize(
    "told",
    [
        "Op 3 maart 2018 heeft u ons verzocht om handhavend op te treden.",
        "Op 3 maart 2018 heeft u een verzoek om handhaving ingediend.",
        "Op 3 maart 2018 heeft u een Woo-verzoek bij ons ingediend.",
        "Op 3 maart 2018 heeft u een handhavingsverzoek gedaan.",
        "Op 3 maart 2018 hebt u uw aanvraag ingediend.",
    ],
)
def test_the_addressees_request_told_in_the_perfect_tense_is_cited(told):
    facts = drafted(_DECISION.format(told=told))
    assert facts is not None
    assert facts["cites"] == [{"date": "2018-03-03", "reference": None}]
    assert facts["sender"] == "gm1948"


@pytest.mark.parametrize(
    "told",
    [
        "Op 3 maart 2018 heeft u ons telefonisch gevraagd om handhaving.",
        "Op 3 maart 2018 heeft u ons gevraagd of wij willen komen.",
        "Op 3 maart 2018 heeft u de vergunning ontvangen.",
    ],
)
def test_a_request_by_telephone_or_no_request_is_no_cited_letter(told):
    facts = drafted(_DECISION.format(told=told))
    assert facts is not None
    assert facts["cites"] == []


_TO_BREDA = (
    "WATERSCHAP BRABANTSE DELTA\n\nAan de gemeente Breda\n{attention}\nPostbus 90156\n4800 RH Breda\n\n"
    "Breda, 28 augustus 2018\nOns kenmerk: 18IT012345\nOnderwerp: Advies over het bestemmingsplan\n\n"
    "Geacht college,\n\nHierbij geven wij u ons advies.\n\nMet vriendelijke groet,\n\n"
    "namens het dagelijks bestuur van Waterschap Brabantse Delta,\n\ning. T. Pelgrom\nafdelingshoofd Plannen\n"
)


@pytest.mark.parametrize(
    "attention",
    [
        "t.a.v. het college van burgemeester en wethouders",
        "T.a.v. het college van B&W",
        "ter attentie van de gemeenteraad",
        "t.a.v. de heer P. Jansen",
    ],
)
def test_a_board_on_the_attention_line_is_the_organisation_above(attention):
    facts = drafted(_TO_BREDA.format(attention=attention))
    assert facts is not None
    assert facts["addressees"] == ["gm0758"]
    assert facts["sender"] == "ws0652"


def test_a_board_on_the_attention_line_under_a_blank_line():
    text = _TO_BREDA.format(attention="t.a.v. hetcollege van burgemeester en wethouders").replace(
        "\n", "\n\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["addressees"] == ["gm0758"]


@pytest.mark.parametrize(
    "closing",
    [
        "De ministervan Binnenlandse Zaken en Koninkrijksrelaties,",
        "De rninister van Binnenlandse Zaken en Koninkrijksrelaties,",
    ],
)
def test_a_ministers_closing_glued_or_damaged(closing):
    text = (
        "Tweede Kamer der Staten-Generaal\nPostbus 20018\n2500 EA DEN HAAG\n\nDatum 15 april 2021\n"
        "Betreft Voortgang van de wet\n\nGeachte voorzitter,\n\nHierbij informeer ik uw Kamer.\n\n"
        f"{closing}\n\ndrs. M.P. Oosterhuis\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert facts["signatories"] == [{"name": "M.P. Oosterhuis", "role": "minister"}]


def test_a_name_with_an_l_read_as_one_is_whole_as_written():
    text = _COUNCIL + (
        "Burgemeester en wethouders van Tilburg,\nde secretaris,     de burgemeester,\n"
        "M. Nieuw1and     S.A.M. P1asmeijer\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert [s["name"] for s in facts["signatories"]] == ["M. Nieuw1and", "S.A.M. P1asmeijer"]


@pytest.mark.parametrize(
    "posts, first",
    [
        ("de gemeentesecretaris/algemeen directeur,   de burgemeester,", "gemeentesecretaris"),
        ("de secretaris / directeur,   de burgemeester,", "secretaris"),
    ],
)
def test_two_posts_joined_by_a_slash_are_one_signers(posts, first):
    names = "A. Hoekman".ljust(posts.index("de burgemeester")) + "P. Boomgaard"  # each under its post
    text = _COUNCIL + f"Burgemeester en wethouders van Tilburg,\n\n{posts}\n\n{names}\n"
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [
        {"name": "A. Hoekman", "role": first},
        {"name": "P. Boomgaard", "role": "burgemeester"},
    ]


@pytest.mark.parametrize(
    "posts, roles",
    [
        ("de gemeentesecretaris,   de burgemeester,", ["gemeentesecretaris", "burgemeester"]),
        ("de gemeentesecretaris,   de waarnemend burgemeester,", ["gemeentesecretaris", "burgemeester"]),
        ("de provinciesecretaris,   de voorzitter,", ["provinciesecretaris", "voorzitter"]),
    ],
)
def test_a_boards_block_without_a_closing_opened_by_a_longer_post(posts, roles):
    names = "A. Hoekman".ljust(posts.index(",") + 4) + "P. Boomgaard"
    text = _COUNCIL + f"Burgemeester en wethouders van Tilburg,\n\n{posts}\n\n{names}\n"
    facts = drafted(text)
    assert facts is not None
    assert [s["role"] for s in facts["signatories"]] == roles


def test_the_date_under_a_dispatch_column_of_a_label_row():
    text = (
        "Gemeente Assen\n\nAan het college van Gedeputeerde Staten van Drenthe\nPostbus 122\n9400 AC Assen\n\n"
        "uw brief van       uw kenmerk        ons kenmerk       doorkiesnummer\n"
        "14 maart 2007      2007-0012345      07.04512          0592-366911\n\n"
        "datum verzending   behandeld door    bijlage(n)\n2 april 2007       de heer J. Mulder 2\n\n"
        "onderwerp: Regionaal verkeersplan\n\nGeacht college,\n\nWij stemmen in met het plan.\n\n"
        "Hoogachtend,\n\nburgemeester en wethouders van Assen,\nde secretaris,            de burgemeester,\n\n"
        "mr. H. Jager              drs. A. Wieringa\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["date_sent"] == "2007-04-02"
    assert facts["our_reference"] == "07.04512" and facts["your_reference"] == "2007-0012345"


def test_the_staten_by_their_short_name_are_the_provinces_council():
    text = (
        "GEMEENTE MIDDELBURG\n\nAan de Staten van Zeeland\nPostbus 6001\n4330 LA Middelburg\n\n"
        "Middelburg, 16 februari 2010\nOns kenmerk: 10U001234\nOnderwerp: Zienswijze op het Omgevingsplan\n\n"
        "Geachte Staten,\n\nWij geven u onze zienswijze.\n\nHoogachtend,\n\n"
        "burgemeester en wethouders van Middelburg,\n\nde secretaris,     de burgemeester,\n\nJ. Verhulst     M. Dekker\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["addressees"] == ["pv29"]


@pytest.mark.parametrize(
    "board, sender",
    [
        ("het dagelijks bestuur van Regio Twente,", "Regio Twente"),
        ("het algemeen bestuur van de Regio Groene Delta,", "Regio Groene Delta"),
        ("het dagelijks bestuur van de Regio Rivierenland,", "so0026"),  # in the register
        ("het dagelijks bestuur van de bestuurscommissie van stadsdeel Zuid,", None),
    ],
)
def test_a_board_of_a_body_the_register_lacks_signs_for_it_by_name(board, sender):
    text = (
        "Aan de raden van de gemeenten Almelo, Enschede en Hengelo\n\nEnschede, 21 mei 2013\n"
        "Ons kenmerk: RT/13/0451\nOnderwerp: Ontwerpbegroting 2014\n\nGeachte raadsleden,\n\n"
        "Hierbij ontvangt u de ontwerpbegroting 2014 voor uw zienswijze.\n\nMet vriendelijke groet,\n\n"
        f"{board}\n\nde secretaris,                 de voorzitter,\n\ndrs. G. Hilbers                P. Ensink\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == sender
    assert facts["addressees"] == ["gm0141", "gm0153", "gm0164"]


def test_a_key_word_glued_to_the_name_after_it():
    text = (
        "Aan de raden van de gemeentenAlmelo, Enschede en Hengelo\n\nEnschede, 21 mei 2013\n"
        "Ons kenmerk: RT/13/0451\nOnderwerp: Ontwerpbegroting 2014\n\nGeachte raadsleden,\n\n"
        "Hierbij ontvangt u de ontwerpbegroting.\n\nMet vriendelijke groet,\n\n"
        "het dagelijks bestuur van Regio Twente,\n\nde secretaris,     de voorzitter,\n\nG. Hilbers     P. Ensink\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["addressees"] == ["gm0141", "gm0153", "gm0164"]


def test_a_name_that_sets_a_capital_inside_itself_is_not_read_apart():
    from opendata.ingest.extract_noise import repair_key_words

    assert repair_key_words("Namens GemeenteBelangen Marum,") is None
    repaired = repair_key_words("de raden van de gemeentenAlmelo en Hengelo")
    assert repaired is not None and repaired.text == "de raden van de gemeenten Almelo en Hengelo"


_NO_LETTERHEAD = (
    "Aan de gemeenteraad\nPostbus 16\n4100 AA Culemborg\n\nDatum: 22 november 2016\nOns kenmerk: 16.034512\n"
    "Onderwerp: Voortgang van de nieuwbouw van het zwembad\n\nGeachte leden van de raad,\n\n"
    "Wij informeren u over de voortgang.\n\nMet vriendelijke groet,\n\n"
    "Het college van burgemeester en wethouders,\n\nde secretaris,           de burgemeester,\n\n"
    "W. Maassen               G. Schaap\n\n{footer}\n"
)


def test_a_college_without_its_place_is_that_of_the_footers_domain():
    facts = drafted(_NO_LETTERHEAD.format(footer="Postbus 136 | 4100 AC Culemborg | www.culemborg.nl"))
    assert facts is not None
    assert facts["sender"] == "gm0216" and facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    assert facts["addressees"] == ["gm0216"]


def test_a_college_without_its_place_and_no_own_domain_stays_unnamed():
    facts = drafted(_NO_LETTERHEAD.format(footer="Deze brief is digitaal vastgesteld."))
    assert facts is not None
    assert facts["sender"] == "college van burgemeester en wethouders"
    assert facts["addressees"] == ["gemeenteraad"]


@pytest.mark.parametrize(
    "post, role",
    [
        ("juridisch adviseur", "juridisch adviseur"),
        ("sectorhoofd Vergunningverlening", "sectorhoofd"),
        ("teamhoofd Toezicht", "teamhoofd"),
    ],
)
def test_an_officials_job_title_is_the_role_as_written(post, role):
    text = _DECISION.format(told="Op 3 maart 2018 heeft u ons verzocht om handhavend op te treden.").replace(
        "teamleider Toezicht", post
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [{"name": "H. de Leeuw", "role": role}]


def test_a_footers_domain_as_ocr_leaves_it():
    facts = drafted(_NO_LETTERHEAD.format(footer="Postbus 136 | 4100 AC Culemborg | www.culernborg.nl"))
    assert facts is not None
    assert facts["sender"] == "gm0216"


@pytest.mark.parametrize(
    "address", ["De leden van de gemeenteraad vanWaalwijk", "De Ieden van de gemeenteraad van Waalwijk"]
)
def test_the_council_addressed_through_ocr_noise(address):
    text = (
        f"Gemeente Waalwijk\n\n{address}\n\nDatum 7 april 2022\nKenmerk RIB 2022-12\n"
        "Onderwerp Opvang van ontheemden\n\nGeachte raadsleden,\n\nGraag informeren wij u.\n\n"
        "Met vriendelijke groet,\n\nBurgemeester en wethouders van Waalwijk,\n\n"
        "de gemeentesecretaris,   de burgemeester,\nJ. de Kort               S. van den Bosch\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["addressees"] == ["gm0867"]


def test_an_inspector_general_signs_in_that_post():
    text = (
        "Inspectie van het Onderwijs\n\nAan het college van burgemeester en wethouders van de gemeente Emmen\n"
        "Postbus 30001\n7800 RA Emmen\n\nDatum: 3 februari 2020\nOns kenmerk: 2020-0012345\n"
        "Onderwerp: Toezicht op het leerlingenvervoer\n\nGeacht college,\n\nWij informeren u over ons onderzoek.\n\n"
        "Met vriendelijke groet,\n\nde inspecteur-generaal van het Onderwijs,\n\ndr. M. Verhoeven\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [{"name": "M. Verhoeven", "role": "inspecteur-generaal"}]


def test_a_reference_label_heading_a_column_beside_the_address():
    text = (
        "Aan de raad van de gemeente Hengelo                 Datum      17 januari 2018\n"
        "Postbus 18                                          Kenmerk    18/00456\n"
        "7550 AA Hengelo                                     Onderwerp  Evaluatie van de stadsbeheerplannen\n\n"
        "Geachte leden van de raad,\n\nIn deze brief leest u de evaluatie.\n\nMet vriendelijke groet,\n\n"
        "Het college van burgemeester en wethouders van Hengelo,\n\nde secretaris,     de burgemeester,\n\n"
        "H. Lubbers     S. Scholte\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["our_reference"] == "18/00456"
    assert facts["date_sent"] == "2018-01-17"


def test_the_word_kenmerk_in_a_sentence_is_no_label():
    text = _DECISION.format(told="Wij noemen het kenmerk  2018-123 niet in deze brief.")
    facts = drafted(text)
    assert facts is not None
    assert facts["our_reference"] is None


@pytest.mark.parametrize(
    "councils",
    [
        "Alblasserdam, Dordrecht, Papendrecht, Slie-\ndrecht en Zwijndrecht",
        "Alblasserdam, Dordrecht, Papendrecht, Sliedrecht en Zwijn-\ndrecht",
        "Alblasserdam, Dordrecht, Papen-\ndrecht, Sliedrecht en Zwijndrecht",
    ],
)
def test_a_listed_municipality_hyphenated_over_a_line_break(councils):
    text = (
        "Gemeenschappelijke Regeling Drechtsteden\nPostbus 619\n3300 AP Dordrecht\n\n"
        f"Aan de gemeenteraden van {councils}\n\nDordrecht, 15 mei 2019\nKenmerk: DS/2019/1234\n"
        "Betreft: Jaarrekening 2018\n\nGeachte raadsleden,\n\nHierbij ontvangt u de jaarrekening.\n\n"
        "Met vriendelijke groet,\n\nJ. de Wit\ndirecteur\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["addressees"] == ["gm0482", "gm0505", "gm0590", "gm0610", "gm0642"]
