"""Addressees the register does not hold, kept as the address writes them (docs/ingest.md, "An eleventh
unseen set", the after-figures): a children's council, a residents' committee, associations, a stadsdeel's
board, named in the address window under "Retouradres", on an "Aan" line or over a postal address below
the sender's own. Only an organisation's name (a word such as vereniging, stichting, commissie, comité,
raad, bestuur, platform, werkgroep, B.V.); never a person, a salutation, a street line, a sentence, nor the
sender's own name. Letters written for the test: invented people and bodies, other municipalities' names."""

from __future__ import annotations

import yaml

from opendata.ingest.extract import extract

from .conftest import published_graph, run_main

_LETTERHEAD = (
    "Gemeente Zwolle\nBezoekadres Grote Kerkplein 15\n8011 PK Zwolle\nPostbus 10007\n8000 GA Zwolle\n"
    "Telefoon 14 038\nRetouradres: Postbus 10007, 8000 GA Zwolle\n"
)
_LABELS = "Datum 14 maart 2022\nOns kenmerk Z-22-0417\nOnderwerp Uw advies over de speeltuinen\n"
_BODY = "Hartelijk dank voor uw advies. Wij nemen het mee in de plannen voor volgend jaar.\n"
_CLOSING = "Met vriendelijke groet,\n\nWethouder Jeugd en Sport\nPieter Holleman\n"


def _addressees(text: str) -> list:
    return extract(text).facts()["addressees"]


# ---------------------------------------------------------------- kept as written


def test_a_childrens_council_in_the_window_under_the_return_address():
    text = _LETTERHEAD + "Jongerenraad van Zwolle\n" + _LABELS + _BODY + _CLOSING
    assert _addressees(text) == ["Jongerenraad van Zwolle"]


def test_associations_each_with_its_e_mail_address_after_a_comma_or_on_the_next_line():
    window = (
        "Buurtvereniging Assendorp, secretaris@assendorp.example\n"
        "Stichting Vrienden van het Engelse Werk,\n"
        "post@engelsewerk.example\n"
        "Vereniging Historisch Zwolle, info@historischzwolle.example\n"
    )
    text = _LETTERHEAD + window + _LABELS + "Geachte besturen,\n\n" + _BODY + _CLOSING
    assert _addressees(text) == [
        "Buurtvereniging Assendorp",
        "Stichting Vrienden van het Engelse Werk",
        "Vereniging Historisch Zwolle",
    ]


def test_a_residents_committee_over_a_scans_attention_line_and_its_address():
    window = "Bewonerscommissie De Eik |\nT.a.v. mevrouw L. Visser\nEikenlaan 14\n8011 AB Zwolle\n"
    text = _LETTERHEAD + window + _LABELS + "Geachte mevrouw Visser,\n\n" + _BODY + _CLOSING
    assert _addressees(text) == ["Bewonerscommissie De Eik"]


def test_a_comite_and_a_werkgroep_on_aan_lines():
    text = (
        "Gemeente Deventer\nPostbus 5000, 7400 GC Deventer\n\nAan: Comité Oud Keizerslanden\n"
        "Aan: Werkgroep Groen in de Wijk\nDatum: 2 juni 2021\nOnderwerp: Bomenkap Keizerslanden\n\n"
        "Geacht comité,\n\n"
        + _BODY
        + "Hoogachtend,\n\nHet college van burgemeester en wethouders van Deventer\n"
    )
    assert _addressees(text) == ["Comité Oud Keizerslanden", "Werkgroep Groen in de Wijk"]


def test_a_board_over_a_postal_address_below_the_senders_own():
    text = (
        "Stadsboerderij De Hoeve\nHoevelaan 2\n7411 AA Deventer\n+31 570 123456\ninfo@dehoeve.example\n"
        "Wijkbestuur Deventer-Oost\nPostbus 5000\n7400 GC Deventer\nDeventer, 4 april 2023\n\n"
        "Geacht bestuur,\n\nGraag delen wij onze zorgen over het plan.\n\nMet vriendelijke groet,\n\n"
        "Anna Kroeze\nDirecteur\n"
    )
    assert _addressees(text) == ["Wijkbestuur Deventer-Oost"]


def test_a_private_company_after_aan():
    text = (
        "Gemeente Deventer\nPostbus 5000, 7400 GC Deventer\n\nAan: Bouwbedrijf Ten Hove B.V.\n"
        "Datum: 2 juni 2021\nOnderwerp: Uw aanvraag\n\nGeachte directie,\n\n" + _BODY + _CLOSING
    )
    assert _addressees(text) == ["Bouwbedrijf Ten Hove B.V."]


# ---------------------------------------------------------------- left out


def test_a_person_in_the_window_is_no_addressee():
    window = "De heer P.J. Smit\nBeekstraat 3\n8012 CD Zwolle\n"
    assert _addressees(_LETTERHEAD + window + _LABELS + "Geachte heer Smit,\n\n" + _BODY + _CLOSING) == []


def test_a_person_who_chairs_an_association_is_no_organisation():
    for window in (
        "Mevrouw A. Bakker, voorzitter Vereniging Historisch Zwolle\nEikenlaan 14\n8011 AB Zwolle\n",
        "Dhr. K. de Boer\nStichting Vrienden van het Engelse Werk\n",
        "J.M. van Dalen\nPlatform Zwolle Duurzaam\n",
    ):
        text = _LETTERHEAD + window + _LABELS + "Geachte mevrouw, geachte heer,\n\n" + _BODY + _CLOSING
        found = _addressees(text)
        assert not any("Bakker" in a or "Boer" in a or "Dalen" in a for a in found), found


def test_a_salutation_alone_names_no_addressee():
    for salutation in (
        "Geacht bestuur,",
        "Geachte leden van de Bewonerscommissie Oost,",
        "Beste Jongerenraad,",
    ):
        text = "Gemeente Zwolle\nDatum 14 maart 2022\nOnderwerp Uw advies\n\n" + salutation + "\n\n" + _BODY
        assert _addressees(text + _CLOSING) == [], salutation


def test_street_lines_and_sentences_stay_out():
    window = "Verenigingsstraat 12\n8011 AB Zwolle\n"
    assert _addressees(_LETTERHEAD + window + _LABELS + _BODY + _CLOSING) == []
    text = (
        "Gemeente Zwolle\nDatum 14 maart 2022\nOnderwerp Subsidie\n"
        "Aan de Vereniging Historisch Zwolle is vorig jaar subsidie verleend.\n\n" + _CLOSING
    )
    assert _addressees(text) == []


def test_the_senders_own_name_over_its_address_is_no_addressee():
    # a person's block first, then the foundation's own address (a right-hand column read after it); the
    # signature names the foundation
    text = (
        "De heer A. Bos\nBeekstraat 3\n8012 CD Zwolle\nStichting Stadsboerderij Zwolle\nPostbus 40\n"
        "8000 AA Zwolle\nZwolle, 4 april 2023\n\nGeachte heer Bos,\n\nDank voor uw bezoek.\n\n"
        "Met vriendelijke groet,\n\nStichting Stadsboerderij Zwolle\nAnna Kroeze\n"
    )
    assert _addressees(text) == []
    # the letterhead alone: nothing above it
    text = (
        "Stichting Stadsboerderij Zwolle\nPostbus 40\n8000 AA Zwolle\nZwolle, 4 april 2023\n\n"
        "Geachte heer Bos,\n\nDank voor uw bezoek.\n\nMet vriendelijke groet,\n\nAnna Kroeze\n"
    )
    assert _addressees(text) == []


def test_a_unit_of_the_sender_over_its_postbus_is_no_addressee():
    text = (
        "Gemeente Zwolle\nTelefoon 14 038\nBureau Juridische Zaken\nPostbus 10007\n8000 GA Zwolle\n"
        + _LABELS
        + "Geachte heer Smit,\n\n"
        + _BODY
        + _CLOSING
    )
    assert _addressees(text) == []


def test_a_registered_body_stays_a_code():
    text = (
        "Stichting Stadsboerderij Zwolle\nHoevelaan 2\n8011 AA Zwolle\n\n"
        "Aan: het college van burgemeester en wethouders van Deventer\nDatum: 2 juni 2021\n"
        "Onderwerp: Subsidie\n\nGeacht college,\n\n" + _BODY + "Met vriendelijke groet,\n\nAnna Kroeze\n"
    )
    assert _addressees(text) == ["gm0150"]


# ---------------------------------------------------------------- a draft with such an addressee publishes


def test_an_association_addressed_is_a_draft_organisation_that_publishes(drafts_copy, tmp_path):
    into = drafts_copy  # the seed's letters kept: its shared records cite them
    folder = tmp_path / "in"
    folder.mkdir()
    letter = _LETTERHEAD + "Jongerenraad van Zwolle\n" + _LABELS + "Beste leden,\n\n" + _BODY + _CLOSING
    (folder / "advies.txt").write_text(letter, encoding="utf-8")
    ingested = run_main("ingest", str(folder), "--into", str(into))
    assert ingested.returncode == 0, ingested.stderr
    drafts = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (into / "letters").glob("*.yaml")]
    [draft] = [d for d in drafts if d.get("status") == "draft"]  # the seed has no drafts
    [addressee] = draft["addressees"]
    assert draft["sources"]["addressees"][0]["quote"] == "Jongerenraad van Zwolle"
    organisations = yaml.safe_load((into / "organisations.yaml").read_text(encoding="utf-8"))
    [record] = [o for o in organisations if o["id"] == addressee]
    assert record["name"] == "Jongerenraad van Zwolle" and record["status"] == "draft"
    graph = published_graph(into, tmp_path)
    assert '"Jongerenraad van Zwolle"' in graph


def test_a_government_body_the_register_does_not_resolve_is_not_kept_as_a_name():
    window = "Gemeenteraad van Kwarteldorp\nPostbus 10007\n8000 GA Zwolle\n"
    text = "Stichting Stadsboerderij Zwolle\nHoevelaan 2\n8011 AA Zwolle\nRetouradres: Hoevelaan 2\n" + window
    assert (
        _addressees(text + _LABELS + "Geachte raad,\n\n" + _BODY + "Met vriendelijke groet,\n\nAnna Kroeze\n")
        == []
    )


# ---------------------------------------------------------------- the sender from a later page's header

_SCRAMBLED = (
    "| En 1\nDe Gem |\nBezoekadres PV\nStationsplein 1 ar |\np_< 4 5 8 :\nTelefoon 14 0570 OR |\n"
    "Comité Het Knutteltje\nDatum 3 mei 2022\nOns kenmerk Z-22-1108\nOnderwerp Besluit op uw verzoek\n\n"
    "Geacht comité,\n\nOp 4 april 2022 hebben wij uw verzoek ontvangen. Wij hebben het bekeken en\n"
    "zijn tot een besluit gekomen.\n"
)
_BOARD_SIGNS = (
    "Hoogachtend, |\nhet algemeen bestuur van het stadsdeel,\nnamens deze, |\nKs\nMevrouw R.T. Kleinjan\n"
    "Teammanager Vergunningen\n"
)


def _sender(text: str) -> tuple:
    facts = extract(text).facts()
    return facts["sender"], facts["sender_body"]


def test_a_later_pages_header_with_its_page_number_names_the_sender():
    page = "\nGemeente Deventer\nPagina 2 van 2 Stadsdeel Oost\n|\nWij vertrouwen erop u voldoende te hebben ingelicht.\n"
    assert _sender(_SCRAMBLED + page + _BOARD_SIGNS) == ("gm0150", None)


def test_a_header_line_repeated_on_the_later_pages_names_the_sender():
    page = "Gemeente Tilburg, raadsinformatiebrief Datum 3 mei 2022\n{}\n"
    text = (
        _SCRAMBLED
        + page.format("Het besluit geldt voor twee jaar.")
        + page.format("De kosten zijn gedekt.")
        + _BOARD_SIGNS
    )
    assert _sender(text) == ("gm0855", None)


def test_a_provinces_header_with_its_labels_and_page_number():
    page = "\nProvincie Drenthe | Kenmerk Z-22-1108\nBlad 3 van 4\nDe kosten zijn gedekt.\n"
    assert _sender(_SCRAMBLED + page + _BOARD_SIGNS) == ("pv22", None)


def test_headers_naming_two_organisations_name_no_sender():
    pages = (
        "\nGemeente Deventer\nPagina 2 van 3\nHet besluit geldt voor twee jaar.\n"
        "\nGemeente Zwolle\nPagina 3 van 3\nDe kosten zijn gedekt.\n"
    )
    assert _sender(_SCRAMBLED + pages + _BOARD_SIGNS) == (None, None)


def test_a_municipality_in_the_body_or_once_without_a_page_number_is_no_header():
    for page in (
        "\nGemeente Deventer heeft op 2 mei 2022 besloten het plan aan te houden.\n",
        "\nEen afschrift van deze brief gaat naar:\nGemeente Deventer\nDe kosten zijn gedekt.\n",
        "\nPagina 2 van 2\nDe gemeente Deventer houdt het plan aan.\n",
        "\nOnderwerp: reactie op het plan van Gemeente Deventer\nPagina 2 van 2\n",
    ):
        assert _sender(_SCRAMBLED + page + _BOARD_SIGNS) == (None, None), page


def test_the_first_pages_letterhead_stays_the_sender():
    text = (
        "Gemeente Zwolle\nPostbus 10007\n8000 GA Zwolle\n\nAan: Comité Het Knutteltje\nDatum 3 mei 2022\n"
        "Onderwerp Besluit\n\nGeacht comité,\n\nWij hebben besloten.\n\nGemeente Zwolle\nPagina 2 van 2\n"
        "Met vriendelijke groet,\n\nNamens het college van burgemeester en wethouders van Zwolle,\n\nP. Holleman\n"
    )
    assert _sender(text) == ("gm0193", "college-van-burgemeester-en-wethouders")
