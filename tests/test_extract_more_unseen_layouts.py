"""Layouts of the second set of real letters the extractor had not seen (docs/ingest.md, "A second
unseen set"), one test per class of fault they showed. The letters are written for the tests:
invented wording, people and numbers; real organisation names.
"""

from __future__ import annotations

from opendata.ingest.extract import extract

BZK = "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"


def test_footnotes_under_a_closing_are_no_signatories():
    text = """31 234 Regionale samenwerking

Nr. 12 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 4 april 2016

Hierbij zend ik u het verslag van de werkgroep1.

De minister van Binnenlandse Zaken en Koninkrijksrelaties,
K.L. Voorbeeldt

1  Ter inzage gelegd bij het Centraal Informatiepunt Tweede Kamer.
"""
    assert extract(text).facts()["signatories"] == [{"name": "K.L. Voorbeeldt", "role": "minister"}]
    assert extract(text.replace("1  Ter inzage", "X Noot\n1\n\nTer inzage")).facts()["signatories"] == [
        {"name": "K.L. Voorbeeldt", "role": "minister"}
    ]


def test_a_kamerstuk_dossier_title_naming_municipalities_is_no_letterhead():
    text = """33 456 Samenvoeging van de gemeenten Bussum, Muiden en Naarden

Nr. 8 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 2 juni 2014

Ik bericht u over de voortgang van de samenvoeging.

De minister van Binnenlandse Zaken en Koninkrijksrelaties, A.B. Proef
"""
    facts = extract(text).facts()
    assert facts["sender"] == BZK
    assert facts["sender_body"] == "minister"
    assert {"gm0381", "gm0424", "gm0425"} <= set(facts["organisations_mentioned"])


def test_kamerstuk_headings_of_joint_writers_and_without_a_writer():
    joint = """31 839 Jeugdzorg
34 477
Sociaal domein
Nr. 700
BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN VOLKSGEZONDHEID, WELZIJN EN SPORT
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 3 juni 2020
Wij informeren u over de jeugdzorg.
"""
    facts = extract(joint).facts()
    assert facts["sender"] is None
    assert facts["dossier_references"] == ["31 839", "34 477"]
    withdrawal = """35 111 Samenvoeging van de gemeenten A en B

Nr. 9 BRIEF HOUDENDE INTREKKING VAN HET WETSVOORSTEL

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 1 juli 2019

Hierbij trek ik het voorstel van wet in.

De minister van Binnenlandse Zaken en Koninkrijksrelaties,

C.D. Proef
"""
    facts = extract(withdrawal).facts()
    assert facts["sender"] == BZK
    assert facts["dossier_references"] == ["35 111"]
    assert facts["signatories"] == [{"name": "C.D. Proef", "role": "minister"}]


def test_kamerstuk_dossiers_in_lower_case_headings_roman_numerals_and_web_ids():
    budget = """Vaststelling begroting provinciefonds voor het jaar 2009

31200 C 4 Brief van de minister van binnenlandse zaken en koninkrijksrelaties

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 5 maart 2009

Bijgaand zend ik u de afspraken.
"""
    facts = extract(budget).facts()
    assert facts["dossier_references"] == ["31200 C"]
    assert facts["sender"] == BZK
    senate = """CIV Nota over de bestuurlijke organisatie

II BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES

Aan de Voorzitter van de Eerste Kamer der Staten-Generaal

Den Haag, 6 mei 2015

Ik bericht u over de voortgang.
"""
    assert extract(senate).facts()["dossier_references"] == ["CIV"]
    web_copy = """Kamerstuk 32345-17

Gepubliceerd: 1 maart 2012
ID: 32345-17

Nr. 17 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN MILIEU

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 1 maart 2012

Ik zend u het verslag.
"""
    assert extract(web_copy).facts()["dossier_references"] == ["32345"]


def test_a_ministry_named_as_a_list_keeps_all_its_words():
    text = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 november 2008

Hierbij zend ik u het werkdocument.

De minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer,

E.F. Proef
"""
    assert extract(text).facts()["sender"] == (
        "ministerie van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"
    )


def test_letters_cited_without_a_possessive():
    text = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 5 februari 2016

Bij brief van 19 januari 2016 heb ik het advies ontvangen. Ik heb u bij brief van 8 september 2015
(Kamerstuk 33 841, nr. 169) geïnformeerd. Eerder werd verwezen naar een brief (d.d. 3 juni 2014)
van mijn voorganger. Op 29 juni 2015 heb ik u een brief gestuurd over de regelingen.

De minister van Binnenlandse Zaken en Koninkrijksrelaties, G.H. Proef
"""
    assert extract(text).facts()["cites"] == [  # in the order the text cites them
        {"date": "2016-01-19", "reference": None},
        {"date": "2015-09-08", "reference": None},
        {"date": "2014-06-03", "reference": None},
        {"date": "2015-06-29", "reference": None},
    ]


def test_your_letter_with_its_reference_after_the_date_and_a_reference_of_something_later():
    text = """Geachte mevrouw Proef,

Op 23 augustus 2019 heeft u in uw brief met het kenmerk 2019-0000123456 advies gevraagd.
De vragen over de brief van de minister van 29 maart 2019, die werden ingezonden op 18 april 2019
met kenmerk 32 500 C/2019D11111, beantwoorden wij later.
"""
    facts = extract(text).facts()
    assert facts["your_reference"] == "2019-0000123456"
    assert facts["cites"] == [
        {"date": "2019-08-23", "reference": "2019-0000123456"},
        {"date": "2019-03-29", "reference": None},  # the kenmerk is the questions', dated later
    ]


def test_a_dispatch_date_in_a_run_together_header_and_the_subject_before_it():
    text = """Postadres Postbus 24, 9410 AA Beilen Telefoon (0593) 53 92 22

Internet www.middendrenthe.nl E-mail gemeente@middendrenthe.nl

De raadsfractie van Partij Voorbeeld

Datum: 3 maart 2021 Uw brief van: 12-02-2021

Zaaknummer: 1234567 Bijlagen:

Onderwerp: Beantwoording vragen Verzonden op: 9 maart 2021

Geachte heer Proef,

Wij beantwoorden uw vragen.
"""
    facts = extract(text).facts()
    assert facts["date_sent"] == "2021-03-09"  # the dispatch date, not the date the letter bears
    assert facts["subject"] == "Beantwoording vragen"
    assert facts["sender"] == "gm1731"  # the letterhead's web address
    assert facts["dossier_references"] == ["1234567"]


def test_a_subject_that_runs_over_blank_lines_of_an_ocr_text():
    text = """Gemeente Amsterdam

Onderwerp

Beantwoording schriftelijke vragen van het raadslid de heer Proef van

2 mei 2019 inzake het onderhoud van bruggen en kademuren in de

binnenstad.

Amsterdam, 9 mei 2019

Aan de gemeenteraad
"""
    facts = extract(text).facts()
    assert facts["subject"] == (
        "Beantwoording schriftelijke vragen van het raadslid de heer Proef van 2 mei 2019 inzake het "
        "onderhoud van bruggen en kademuren in de binnenstad"
    )
    assert facts["date_sent"] == "2019-05-09"
    assert facts["sender"] == "gm0363"


def test_a_header_read_column_by_column():
    text = """Vereniging

Vaste commissie voor Binnenlandse Zaken
Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA DEN HAAG
uw kenmerk
-
betreft
ons kenmerk
datum
Reactie op het wetsvoorstel over de
ABC/U201900123
4 maart 2019
gemeentelijke samenwerking
Geachte leden van de commissie,
"""
    facts = extract(text).facts()
    assert facts["our_reference"] == "ABC/U201900123"
    assert facts["subject"] == "Reactie op het wetsvoorstel over de gemeentelijke samenwerking"
    assert facts["date_sent"] == "2019-03-04"


def test_a_logo_that_sets_the_kind_of_paper_beside_gemeente():
    text = """> < Gemeente Raadsinformatiebrief
Utrecht
Aan: De leden van de gemeenteraad van Utrecht
Datum 3 juli 2022
Onderwerp Voortgang van de woningbouw

Geachte leden van de gemeenteraad,
"""
    facts = extract(text).facts()
    assert facts["sender"] == "gm0344"
    assert facts["kind"] == "raadsinformatiebrief"


def test_a_council_party_writing_to_the_college_names_itself_as_the_asker():
    text = """Bergen op Zoom, 3 maart 2013

Aan het College van Burgemeester en Wethouders
der Gemeente Bergen op Zoom

Betreft: Bankjes, kenmerk LK/13001

Geacht College,

De BSD-fractie verzoekt uw college om bankjes langs de Zoom.

Met vriendelijke groet,

Piet Proef
"""
    assert extract(text).facts()["sender"] == "BSD-fractie"
    answer = text.replace("Geacht College,", "Geachte heer Proef,")  # written to a person: not taken
    assert extract(answer).facts()["sender"] is None


def test_municipalities_and_provinces_in_lists_and_a_shared_name_by_its_neighbours():
    text = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 5 juli 2011

Het voorstel tot samenvoeging van de gemeenten Bergen, Gennep en Mook en Middelaar en een wijziging
van de grens tussen de provincies Gelderland en Utrecht trek ik in.
"""
    found = set(extract(text).facts()["organisations_mentioned"])
    assert {"gm0893", "gm0907", "gm0944", "pv25", "pv26"} <= found  # Bergen in Limburg, with Gennep


def test_a_double_spaced_ocr_text_keeps_its_address_block_and_a_column_keeps_its_date():
    text = """Provincie Noord-Holland

Gedeputeerde Staten



Het college van burgemeester en wethouders van Oostzaan

Postbus 1234

1511 AA  OOSTZAAN



betreft

datum

verzonden

Reactie op uw brief van 13 mei 2015

29 juni 2015

2 juli 2015



Geacht college,
"""
    facts = extract(text).facts()
    assert facts["addressees"] == ["gm0431"]
    assert facts["date_sent"] == "2015-07-02"  # "verzonden" in the column of labels, not the cited date
    assert facts["subject"] == "Reactie op uw brief van 13 mei 2015"
