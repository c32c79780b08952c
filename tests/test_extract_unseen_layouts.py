"""Layouts the extractor first met in real letters it had not been tuned on (docs/ingest.md, "On
letters the extractor had not seen"), one test per class of fault those letters showed. The letters
are written for the tests: invented wording, invented people and numbers, real organisation names.
"""

from __future__ import annotations

from opendata.ingest.extract import extract

KAMERSTUK = """36 123 Wijziging van de Gemeentewet in verband met de
herindeling van kleine kernen
36 124
A Vaststelling van de begrotingsstaat van het gemeentefonds
Nr. 7 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 3 maart 2021
Met mijn brief van 12 januari 2021 (Kamerstuk 36 123, nr. 4) heb ik u laten weten hoe de
herindeling verloopt. In deze brief bericht ik u over de stand van zaken.

De minister van Binnenlandse Zaken en Koninkrijksrelaties, P.Q. Voorbeeld
"""


def test_kamerstuk_heading_names_the_ministry_and_its_dossiers():
    facts = extract(KAMERSTUK).facts()
    assert facts["sender"] == "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert facts["sender_body"] == "minister"
    assert facts["dossier_references"] == ["36 123", "36 124 A"]  # the suffix set on the next line
    assert facts["our_reference"] is None  # "Nr. 7" numbers the paper in its dossier
    assert facts["date_sent"] == "2021-03-03"
    assert facts["addressees"] == ["oorg10002"]


def test_kamerstuk_closing_on_one_line_is_the_signatory():
    assert extract(KAMERSTUK).facts()["signatories"] == [{"name": "P.Q. Voorbeeld", "role": "minister"}]


def test_cited_paper_number_is_no_reference_and_my_letter_is_cited():
    assert extract(KAMERSTUK).facts()["cites"] == [{"date": "2021-01-12", "reference": None}]


def test_a_joint_heading_of_two_ministers_names_no_single_sender():
    text = KAMERSTUK.replace(
        "BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES",
        "BRIEF VAN DE MINISTERS VAN FINANCIËN EN VOOR RECHTSBESCHERMING",
    )
    text = text.replace("De minister van Binnenlandse Zaken en Koninkrijksrelaties, P.Q. Voorbeeld", "")
    assert extract(text).facts()["sender"] is None


def test_a_heading_cut_off_mid_name_names_no_sender():
    text = KAMERSTUK.replace("BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES", "BINNENLANDSE ZAKEN EN")
    text = text.replace("De minister van Binnenlandse Zaken en Koninkrijksrelaties, P.Q. Voorbeeld", "")
    assert extract(text).facts()["sender"] is None


MEMBER_CIRCULAR = """Ledenbrief nummer

Ldb. 21/033

Geachte leden van college en gemeenteraad,

In de ledenbrief van 4 mei 2021 (Ldb. 21/029) kondigden wij een ledenraadpleging aan. Hierbij de
uitkomst.
"""


def test_member_circular_reference_under_its_own_label():
    assert extract(MEMBER_CIRCULAR).facts()["our_reference"] == "Ldb. 21/033"


def test_circular_to_college_and_council_is_no_council_letter():
    facts = extract(MEMBER_CIRCULAR).facts()
    assert facts["addressees"] == []
    assert facts["kind"] == "brief"


def test_reference_in_brackets_after_a_cited_date():
    assert extract(MEMBER_CIRCULAR).facts()["cites"] == [{"date": "2021-05-04", "reference": "Ldb. 21/029"}]


PARTY_LETTER = """Roosendaal, 9 oktober 2013

Aan het College van
Burgemeester en Wethouders
der Gemeente Roosendaal
Postbus 5000
4700 KA Roosendaal

Betreft: Parkeren bij het station, ons kenmerk AB/13077

Geacht College,

Wij lazen de brief die Rijkswaterstaat op 2 september 2013 (kenmerk RWS-2013/4411) aan bewoners
stuurde. Graag vernemen wij uw reactie.

Met vriendelijke groet,
namens de fractie Stadsbelang

J. Voorbeeld
"""


def test_address_block_with_the_municipality_on_a_third_line():
    extraction = extract(PARTY_LETTER)
    assert [(a.value, a.detail) for a in extraction.addressees] == [
        ("gm1674", "college-van-burgemeester-en-wethouders")
    ]


def test_sender_named_with_article_is_kept_without_it():
    assert extract(PARTY_LETTER).facts()["sender"] == "fractie Stadsbelang"


def test_citation_names_its_writer():
    extraction = extract(PARTY_LETTER)
    assert extraction.facts()["cites"] == [{"date": "2013-09-02", "reference": "RWS-2013/4411"}]
    assert extraction.cites[0].sender is not None
    assert extraction.cites[0].sender.value == "oorg10004"  # Rijkswaterstaat in the register


def test_citation_writer_from_a_body_named_before_the_date():
    text = (
        "Geacht college,\n\nIn de brief van Gedeputeerde Staten van Utrecht van 10 juli 2019 lezen wij "
        "dat de weg wordt verbreed.\n\nHoogachtend,\n"
    )
    cite = extract(text).cites[0]
    assert (cite.sender.value, cite.sender.detail) == ("pv26", "gedeputeerde-staten")


def test_cited_letter_of_our_own_names_no_writer():
    cite = extract("Geachte heer,\n\nMet onze brief van 3 juni 2020 lieten wij u weten dat.\n").cites[0]
    assert cite.sender is None


SEVERAL_COLLEGES = """Gemeente Leiden

Aan de colleges van burgemeester en wethouders van
Leiderdorp, Oegstgeest en Zoeterwoude
Postbus 35
2350 AA Leiderdorp

Datum: 3 maart 2020
Onderwerp: Gezamenlijke inkoop

Geachte colleges,

Hierbij sturen wij u het voorstel.
"""


def test_address_block_listing_several_colleges_over_one_postal_line():
    extraction = extract(SEVERAL_COLLEGES)
    assert [(a.value, a.detail) for a in extraction.addressees] == [
        ("gm0547", "college-van-burgemeester-en-wethouders"),
        ("gm0579", "college-van-burgemeester-en-wethouders"),
        ("gm0638", "college-van-burgemeester-en-wethouders"),
    ]


def test_provinces_listed_after_one_kind_phrase_are_each_mentioned():
    text = (
        "Geachte voorzitter,\n\nIk schreef de colleges van Gedeputeerde Staten van Flevoland, Noord-Holland "
        "en Utrecht over de samenvoeging.\n"
    )
    assert extract(text).facts()["organisations_mentioned"] == ["pv24", "pv27", "pv26"]


def test_collaboration_name_ending_in_a_sign():
    text = (
        "Duo+\n\nAan de raad van de gemeente Tynaarlo\n\nGeachte leden,\n\nHet algemeen bestuur van Duo+ "
        "stelde de begroting vast.\n\nMet vriendelijke groet,\nnamens Duo+\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "so0868"
    assert "so0868" in facts["organisations_mentioned"]


def test_publication_metadata_plural_label_is_no_subject():
    text = (
        "Kamerstuk 34000-VII-12\n\nGepubliceerd: 9 maart 2016\nOnderwerpen: begroting financiën\n\n"
        "Nr. 12 BRIEF VAN DE MINISTER VAN FINANCIËN\n\nAan de Voorzitter van de Tweede Kamer der "
        "Staten-Generaal\n\nDen Haag, 9 maart 2016\n\nHierbij bied ik u het verslag aan.\n"
    )
    assert extract(text).facts()["subject"] is None


def test_kamerstuk_date_run_onto_the_addressee_line():
    text = KAMERSTUK.replace(
        "Staten-Generaal\nDen Haag, 3 maart 2021", "Staten-Generaal Den Haag, 3 maart 2021"
    )
    assert extract(text).facts()["date_sent"] == "2021-03-03"


def test_date_line_with_its_weekday():
    text = "Beleidsnotitie jeugd\n\nwoensdag 22 november 2017\n\nGeachte woordvoerders,\n\nOp 4 december spreekt u.\n"
    assert extract(text).facts()["date_sent"] == "2017-11-22"
