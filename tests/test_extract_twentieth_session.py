"""Classes the development set still missed (docs/ingest.md, "Classes left in the development set"), in
letters written for the test (invented firms, people and words, real bodies' names): an address block
with a scrap line between the body's name and its postal line; a council member's written questions on
the council's own form, signed under "Indiener(s)," by a name that opens with the digraph IJ, put by a
party to a college the form's letterhead places; the college's answer to them stays the college's."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted
from opendata.ingest.drafts import Index, Resolver, build_record
from opendata.ingest.extract import extract
from opendata.ingest.extract_memo import memo_rows

BODY = "Geachte heer, mevrouw,\n\nGraag vraag ik uw aandacht voor het volgende verzoek.\n\n"


@pytest.mark.parametrize("scrap", ["WOB-verzoek", "5.1.2.e", "DD on", "Afdeling Inkoop"])
def test_a_scrap_line_between_the_body_and_its_postal_line_keeps_the_address(scrap):
    text = (
        "Advocatenkantoor Pels\n\n"
        f"Gemeente Utrecht\n{scrap}\nPostbus 16200\n3500 CE UTRECHT\n\n"
        "Datum 3 mei 2021\nOnderwerp: Verzoek om informatie\n\n"
        + BODY
        + "Met vriendelijke groet,\n\nmr. K. Pels\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["addressees"] == ["gm0344"]


def test_a_scrap_line_under_a_body_in_the_address_window_makes_it_no_letterhead():
    text = (
        "WWW.GRONDWERKNOORD.NL\nGemeente Utrecht, Projectbureau\nXX ee\nPostbus 16200\n3500 CE Utrecht\n"
        "OFFERTE\nOffertenummer: OFF2201\nDatum: 12-06-2022\n\n"
        + BODY
        + "Met vriendelijke groet,\n\nGrondwerk Noord B.V.\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["addressees"] == ["gm0344"] and facts["sender"] != "gm0344"


def test_a_sentence_between_the_body_and_its_postal_line_ends_the_block():
    # no address block: the municipality is named in a line of prose above an address the letter gives
    text = (
        "Advocatenkantoor Pels\n\nDatum 3 mei 2021\nOnderwerp: Verzoek om informatie\n\n"
        + BODY
        + "De gemeente Utrecht heeft mij gevraagd dit te sturen naar het volgende adres dat wij gebruiken\n"
        "Postbus 16200\n3500 CE UTRECHT\n\nMet vriendelijke groet,\n\nmr. K. Pels\n"
    )
    facts = drafted(text)
    assert facts is not None and "gm0344" not in facts["addressees"]


QUESTIONS = (
    "Gemeente\nRotterdam\n\nSchriftelijke vragen\nDatum 4 juni 2024\nVolgnummer 77\n"
    "Onderwerp\nSchriftelijke vragen van het lid IJzendoorn inzake de verlichting van fietspaden\n"
    "Aan het college van burgemeester en wethouders\n\nToelichting:\n"
    "Bewoners melden dat veel fietspaden in de winter donker zijn.\n\n"
    "Gezien het vorenstaande stelt ondergetekende, namens de fractie van {party}, de volgende vragen:\n\n"
    "1. Hoeveel fietspaden hebben geen verlichting?\n\nIndiener(s),\n\nT.R. IJzendoorn\n"
)


@pytest.mark.parametrize("party", ["GroenLinks", "de VVD", "Leefbaar Rotterdam"])
def test_written_questions_on_the_council_form_are_the_partys(party):
    facts = drafted(QUESTIONS.format(party=party))
    assert facts is not None
    assert facts["sender"] == f"fractie van {party}"
    assert facts["addressees"] == ["gm0599"]
    assert facts["signatories"] == [{"name": "T.R. IJzendoorn", "role": None}]


def test_the_colleges_answer_that_quotes_the_questions_stays_the_colleges():
    text = (
        "Gemeente Rotterdam\nRaadsinformatiebrief\nBeantwoording schriftelijke vragen\n"
        "Aan: De leden van de gemeenteraad van Rotterdam\nDatum 2 juli 2024\n"
        "Onderwerp Beantwoording schriftelijke vragen van het lid IJzendoorn over fietspaden\n\n"
        "Geachte leden van de gemeenteraad,\n\nHieronder vindt u de antwoorden.\n\nToelichting door de vragensteller\n"
        "Gezien het vorenstaande stelt ondergetekende, namens de fractie van GroenLinks, de volgende vragen:\n\n"
        "Antwoord: Er zijn twaalf.\n\nMet vriendelijke groet,\n\n"
        "Het college van burgemeester en wethouders van Rotterdam\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] == "gm0599"


@pytest.mark.parametrize("name", ["A.B. IJsselmuiden", "Karin IJzerman", "P. van IJken"])
def test_a_surname_that_opens_with_ij_signs(name):
    text = (
        "Gemeente Delft\nPostbus 78\n2600 ME Delft\n\nDatum 8 april 2022\nOnderwerp: Uw melding\n\n"
        + BODY
        + f"Met vriendelijke groet,\n\n{name}\nteamleider Wijkzaken\n"
    )
    facts = drafted(text)
    assert facts is not None and [s["name"] for s in facts["signatories"]] == [name]


MEMO = (
    "Gemeente\nUtrecht\n\nMemo\n{to_label} {to}\n{from_label} {sender}\nKopie aan het archief\n"
    "Datum 12 maart 2024\n\nA. Aanleiding\nDe gemeente wil de fietsenstalling bij het station uitbreiden.\n"
    "Wij vragen u de gevolgen voor de bouw te onderzoeken.\n"
)


@pytest.mark.parametrize("colon", ["", ":"])
def test_a_memos_rows_give_its_addressee_and_writer(colon):
    text = MEMO.format(
        to_label="Aan" + colon,
        to="Projectorganisatie Stationsgebied t.a.v. de projectleider",
        from_label="Van" + colon,
        sender="Karin de Wit (directeur Ruimtelijke Ontwikkeling)",
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["kind"] == "brief" and facts["date_sent"] == "2024-03-12"
    assert facts["sender"] == "gm0344"
    assert facts["addressees"] == ["Projectorganisatie Stationsgebied"]
    assert facts["signatories"] == [{"name": "Karin de Wit", "role": "directeur"}]


def test_a_notes_from_row_names_its_writing_body_and_a_second_column_is_cut():
    text = (
        "Stationsplein 1\n3511 AA Utrecht\nE: info@stationsgebied.example\n\n"
        "Van: Programmaorganisatie Stationsgebied Datum: 29-9-2023\n"
        "Aan: Project Fietsparkeren Status: Definitief\n"
        "Onderwerp: Gevolgen van de stalling voor de bouw\n\nDeze notitie beschrijft de gevolgen.\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == "Programmaorganisatie Stationsgebied"
    assert facts["addressees"] == ["Project Fietsparkeren"] and facts["signatories"] == []


@pytest.mark.parametrize(
    "to, sender",
    [
        ("Wethouder Jansen", "Directie Stationsgebied"),
        ("Bewoners en ondernemers rond het station", "Team Fietsparkeren"),
    ],
)
def test_a_memo_to_a_person_or_people_from_a_unit_names_no_body(to, sender):
    facts = drafted(MEMO.format(to_label="Aan", to=to, from_label="Van", sender=sender))
    assert facts is not None
    assert facts["addressees"] == [] and facts["signatories"] == []
    assert facts["sender"] in (None, "gm0344")


def test_an_email_header_is_no_memo():
    text = (
        "Van: Karin de Wit\nVerzonden: dinsdag 12 maart 2024 10:14\nAan: Projectorganisatie Stationsgebied\n"
        "Onderwerp: stalling\n\nIk stuur je de stukken morgen.\n"
    )
    assert memo_rows(text) is None
    assert (
        memo_rows(text.replace("Verzonden: dinsdag 12 maart 2024 10:14", "Datum 12 maart 2024")) is not None
    )


@pytest.mark.parametrize(
    "line", ["Datum: dinsdag 30 maart 2021 13:51:59", "Onderwerp: FW: Wob-verzoek", "Cc: Team Woo"]
)
def test_a_printed_mails_header_without_a_dispatch_line_is_no_memo(line):
    text = f"Van: wobondersteuning\n\nAan: WOB Zuid\n\n{line}\n\nBeste collega,\n\nDit verzoek is binnengekomen.\n"
    assert memo_rows(text) is None


def test_sentences_that_open_with_aan_and_van_are_no_memo():
    text = "Aan de orde is de stalling.\nVan de bouw merken bewoners weinig.\nDatum 12 maart 2024\n"
    assert memo_rows(text) is None


def test_a_logos_scraps_before_a_wrapped_ours_label_keep_the_date_on_its_row():
    text = (
        "IM Gemeente\n& Haarlem\n5 5 Ons JZ/2022/118822\n5 kenmerk 14 maart 2022\nHaarlem Datum\n"
        "Juridische Zaken\nAfdeling\n\nOnderwerp: uw verzoek\nGeachte heer,\n\nWij wijzen uw verzoek af.\n\n"
        "Met vriendelijke groet,\n\nde burgemeester van Haarlem,\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["date_sent"] == "2022-03-14" and facts["our_reference"] == "JZ/2022/118822"


def test_a_cited_letters_writer_is_known_on_its_own_day():
    # Grubbenvorst merged into Horst aan de Maas in 2010: in 2024 the register knows it on the cited day
    text = (
        "Gemeente Horst aan de Maas\nPostbus 6005\n5960 AA Horst\n\nDatum 3 maart 2024\nOnderwerp: Uw vraag\n\n"
        "Geachte heer,\n\nWij verwijzen naar de brief van het college van burgemeester en wethouders van "
        "Grubbenvorst van 25 maart 1998 (kenmerk U98.2401). Die afspraken gelden nog.\n\n"
        "Met vriendelijke groet,\n\nde burgemeester van Horst aan de Maas,\n"
    )
    facts = drafted(text)
    assert facts is not None and "gm0912" in facts["organisations_mentioned"]


def test_a_long_body_line_naming_a_body_is_no_run_together_letterhead():
    # no salutation: the header's search runs into the body, whose long line names a joint arrangement
    text = (
        "Gemeente Utrecht\n\nOns kenmerk 2024/118\nDatum 12 maart 2024\nOnderwerp: Stalling\n\n"
        "De stalling bij het station wordt uitgebreid.\n"
        "Wij hebben hierover ook overleg gevoerd met Gemeenschappelijke regeling huisvesting voortgezet "
        "onderwijs in de Liemers en met de provincie, en wij blijven de komende maanden met alle betrokken partijen in gesprek "
        "over de uitvoering van de plannen voor de stalling.\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] == "gm0344"


def test_a_signature_block_runs_on_over_a_page_footer():
    footer = "Bezoekadres Markt 1 | Delft | Telefoon 14 015 | www.delft.nl"
    text = (
        "Gemeente Delft\nPostbus 78\n2600 ME Delft\n\nDatum 8 april 2022\nOnderwerp: Uw melding\n\n"
        + BODY
        + f"Hoogachtend,\n\nBurgemeester en wethouders van Delft,\nde secretaris,\nA. Bos\nde burgemeester,\n{footer}\n\n\n"
        f"K. van Dam\n{footer}\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [
        {"name": "A. Bos", "role": "secretaris"},
        {"name": "K. van Dam", "role": "burgemeester"},
    ]


def test_a_footer_that_stands_once_still_ends_the_block():
    text = (
        "Gemeente Delft\nPostbus 78\n2600 ME Delft\n\nDatum 8 april 2022\nOnderwerp: Uw melding\n\n"
        + BODY
        + "Hoogachtend,\n\nBurgemeester en wethouders van Delft,\nde secretaris,\nA. Bos\n"
        "Bezoekadres Markt 1 | Delft\n\nK. van Dam\n"
    )
    facts = drafted(text)
    assert facts is not None and [s["name"] for s in facts["signatories"]] == ["A. Bos"]


CITING = (
    "Gemeente Delft\nPostbus 78\n2600 ME Delft\n\nDatum 8 april 2022\nOnderwerp: Uw schade\n\n"
    "Geachte heer,\n\n{sentence}\n\nWij wijzen uw verzoek af.\n\nMet vriendelijke groet,\n\nde burgemeester van Delft,\n"
)


@pytest.mark.parametrize(
    "sentence, cited",
    [
        ("Op 21 februari 2022 heeft u de gemeente Delft via de e-mail aansprakelijk gesteld.", "2022-02-21"),
        ("Op 3 maart 2022 heeft u ons per brief uw schade gemeld.", "2022-03-03"),
        ("Op 22 februari 2022 verzocht u om vergoeding van uw schade.", "2022-02-22"),
        ("Op 1 maart 2022 verzocht de gemeente Rijswijk de gemeente Delft om een advies.", "2022-03-01"),
    ],
)
def test_a_letter_told_by_what_its_writer_did_is_cited(sentence, cited):
    facts = drafted(CITING.format(sentence=sentence))
    assert facts is not None and [c["date"] for c in facts["cites"]] == [cited]


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 21 februari 2022 heeft u de schade bij de balie gemeld.",  # no letter or mail told
        "Op 1 maart 2022 verzocht de raad tijdens de vergadering unaniem een nieuwe aanpak.",  # no "om"
    ],
)
def test_an_act_without_a_letter_cites_nothing(sentence):
    facts = drafted(CITING.format(sentence=sentence))
    assert facts is not None and facts["cites"] == []


def test_the_addressees_reference_label_with_its_date_cites_that_request():
    text = (
        "WWW.GRONDWERKNOORD.NL\nGemeente Utrecht, Projectbureau\nPostbus 16200\n3500 CE Utrecht\n"
        "OFFERTE\nOffertenummer: OFF2201\nDatum: 12-06-2022\n"
        "Uw referentie: Inspectie van de kademuur Oudegracht, d.d. 29-05-2022\n\n"
        + BODY
        + "Met vriendelijke groet,\n\nGrondwerk Noord B.V.\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["cites"] == [{"date": "2022-05-29", "reference": None}]


@pytest.mark.parametrize(
    "sentence, cited",
    [
        (
            "Naar aanleiding van uw brief met kenmerk 2022-123 van 5 maart 2022 bericht ik u het volgende.",
            {"date": "2022-03-05", "reference": "2022-123"},
        ),
        (
            "Overeenkomstig uw offerte optie 2 met kenmerk PC.TW5525 d.d. 05-03-2022 geven wij opdracht.",
            {"date": "2022-03-05", "reference": "PC.TW5525"},
        ),
        (
            "Uw brief met kenmerk ABC/2022/77, gedateerd 5 maart 2022, hebben wij ontvangen.",
            {"date": "2022-03-05", "reference": "ABC/2022/77"},
        ),
        (
            "In uw e-mail/vraagformulier van 20 maart 2022 vraagt u om informatie.",
            {"date": "2022-03-20", "reference": None},
        ),
        # no date: the letter known by its kenmerk alone, as before
        (
            "Naar aanleiding van uw brief met kenmerk 2022-123 bericht ik u het volgende.",
            {"date": None, "reference": "2022-123"},
        ),
    ],
)
def test_a_letter_cited_by_its_kenmerk_before_its_date(sentence, cited):
    facts = drafted(CITING.format(sentence=sentence))
    assert facts is not None and facts["cites"] == [cited]


def test_a_water_boards_board_line_names_the_sender():
    text = (
        "Waterschap Vallei en Veluwe\n\nPostbus 4142\n7320 AC Apeldoorn\n\n"
        "Aan de gemeenteraad van Ede\nPostbus 9022\n6710 HK EDE\n\n"
        "Apeldoorn, 14 maart 2023\nOns kenmerk: 1450321\nOnderwerp: Reactie op het omgevingsplan\n\n"
        + BODY
        + "Hoogachtend,\n\ndijkgraaf en heemraden van Waterschap Vallei en Veluwe,\n\n"
        "de secretaris-directeur,            de dijkgraaf,\n\nir. M. de Boer                      drs. T.H. Dekker\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == "ws0662" and facts["addressees"] == ["gm0228"]


def test_a_ministers_post_over_two_lines_signs_without_a_closing():
    text = (
        "> Retouradres Postbus 20011 2500 EA Den Haag\n\nAan de colleges van burgemeester en wethouders\n"
        "van alle gemeenten\n\nDatum 12 september 2022\nBetreft Uitvoering van de wet\n\n"
        "Ministerie van Sociale Zaken en Werkgelegenheid\nPostbus 90801\n2509 LV Den Haag\n\n"
        "Onze referentie\n2022-0000123456\n\nGeacht college,\n\nMet deze brief informeer ik u over de uitvoering.\n\n"
        "De Minister van Sociale Zaken\nen Werkgelegenheid,\n\nA.B. de Vries\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [{"name": "A.B. de Vries", "role": "minister"}]
    assert facts["sender"] == "ministerie van Sociale Zaken en Werkgelegenheid"


def test_a_boards_block_with_each_post_after_the_name():
    text = (
        "Provincie Gelderland\n\nStatenbrief\n\nAan Provinciale Staten van Gelderland\n\nDatum 9 november 2023\n"
        "Onderwerp Voortgang van de aanpak\n\nGeachte Statenleden,\n\nMet deze brief informeren wij u.\n\n"
        "Gedeputeerde Staten van Gelderland,\n\ndrs. A.B. Jansen, voorzitter\ndrs. C.D. de Vries, secretaris\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender_body"] == "gedeputeerde-staten"
    assert facts["signatories"] == [
        {"name": "A.B. Jansen", "role": "voorzitter"},
        {"name": "C.D. de Vries", "role": "secretaris"},
    ]


@pytest.mark.parametrize("portfolio", ["Ruimtelijke Ordening", "Jeugd en Onderwijs", "Financiën"])
def test_a_posts_portfolio_is_no_signers_name(portfolio):
    text = (
        "Gemeente Oss\n\nOns kenmerk: 21.0445\nDatum: 4 mei 2021\nOnderwerp: Aanvraag omgevingsvergunning\n\n"
        + BODY
        + f"Met vriendelijke groet,\n\nwethouder {portfolio}\n\nJ. Pietersen\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["signatories"] == [{"name": "J. Pietersen", "role": "wethouder"}]


def test_the_body_over_the_first_postal_address_is_the_letterhead_when_an_aan_block_follows():
    text = (
        "Gemeente Venlo\nPostbus 3434\n5902 RK Venlo\n\n"
        "Aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties\nPostbus 20011\n2500 EA Den Haag\n\n"
        "Datum: 22 maart 2022\nOns kenmerk: 2022-04567\nOnderwerp: Gemeentefonds\n\n"
        + BODY
        + "Met vriendelijke groet,\nnamens het college van burgemeester en wethouders,\nde burgemeester,\n\n"
        "(handtekening)\n\nA.M.H. Scholten\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == "gm0983" and facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    assert facts["addressees"] == ["ministerie van Binnenlandse Zaken en Koninkrijksrelaties"]


def test_an_official_who_signs_for_the_minister_signs_in_the_officials_post():
    text = (
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties\n\n> Retouradres Postbus 20011 2500 EA Den Haag\n\n"
        "Aan de gemeenteraad van Dordrecht\nPostbus 8\n3300 AA Dordrecht\n\nDatum 30 juni 2021\nBetreft Herindeling\n\n"
        "Kenmerk\n2021-0000345678\n\nGeachte leden van de raad,\n\nWij antwoorden u graag.\n\nHoogachtend,\n\n"
        "de minister van Binnenlandse Zaken en Koninkrijksrelaties,\nnamens deze,\n"
        "de directeur-generaal Openbaar Bestuur en Democratische Rechtsstaat,\n\ndrs. J.M. Hoekstra\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["signatories"] == [{"name": "J.M. Hoekstra", "role": "directeur-generaal"}]
    record = build_record(extract(text), "brief", Resolver(Index([], [], set(), {}, {})), [], [])
    assert [s["role"] for s in record["signatories"]] == ["directeur-generaal"]  # a role the model knows


def test_a_subject_in_a_barred_row_of_labels_over_values():
    text = (
        "Gemeente Hengelo\nPostbus 18\n7550 AA Hengelo\n\nAan de raad van de gemeente Hengelo\n\n"
        "Datum | Kenmerk | Onderwerp\n14 juni 2022 | 22-012345 | Voortgang binnenstadsplan\n\n"
        "Geachte leden van de raad,\n\nWij informeren u.\n\nMet vriendelijke groet,\n"
        "burgemeester en wethouders van Hengelo,\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["subject"] == "Voortgang binnenstadsplan" and facts["our_reference"] == "22-012345"
    # without the bars which value is the subject the row does not tell: none
    unbarred = drafted(text.replace(" | ", " "))
    assert unbarred is not None and unbarred["subject"] != "22-012345 Voortgang binnenstadsplan"


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 20 februari 2022 heeft de fractie van D66 schriftelijke vragen gesteld over deelscooters.",
        "Op 20 februari 2022 hebben de leden Jansen en De Wit vragen gesteld over deelscooters.",
    ],
)
def test_questions_a_party_or_members_put_are_cited(sentence):
    facts = drafted(CITING.format(sentence=sentence))
    assert facts is not None and facts["cites"] == [{"date": "2022-02-20", "reference": None}]


UNREGISTERED = (
    "{head}\nPostbus 619\n3300 AP Dordrecht\n\n"
    "Aan de gemeenteraden van Dordrecht en Zwijndrecht\n\nDordrecht, 15 mei 2019\nKenmerk: DS/2019/1234\n"
    "Betreft: Jaarrekening 2018\n\nGeachte raadsleden,\n\nHierbij ontvangt u de jaarrekening.\n\n"
    "Met vriendelijke groet,\n\nA.A.M. Brok, voorzitter\n"
)


def test_a_public_bodys_letterhead_the_register_lacks_is_the_sender_as_written():
    facts = drafted(UNREGISTERED.format(head="Gemeenschappelijke Regeling Merwedesteden"))
    assert facts is not None and facts["sender"] == "Gemeenschappelijke Regeling Merwedesteden"
    assert facts["addressees"] == ["gm0505", "gm0642"]


@pytest.mark.parametrize(
    "text",
    [
        UNREGISTERED.format(head="Adviesbureau Merwede"),  # no public body's kind
        # no address block opened by "Aan" after it: the first block may be the address
        UNREGISTERED.format(head="Gemeenschappelijke Regeling Merwedesteden").replace("Aan de", "De"),
    ],
)
def test_no_letterhead_sender_without_a_public_bodys_kind_and_an_address_after_it(text):
    facts = drafted(text)
    assert facts is None or facts["sender"] is None
