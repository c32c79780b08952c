"""The twelfth unseen set's classes of miss (docs/ingest.md, "A twelfth unseen set"), each on letters
written for the test (invented people and projects, places' real names, wording of the same shape): a
PDF's text layer that glues a row of labels to the values before them ("Datum / 12.03.2024Kenmerk /
…Zaaknummer / …Pagina / 1 van 1BijlagenUw briefUw kenmerk") and an address window's last line to the
letterhead beside it ("7311 AB  APELDOORNProvincie Gelderland"); an address window "Gemeente X / t.a.v.
/ street / postcode" above the letterhead; a unit's lines under the closing ("Eenheid …", "Procedurekamer
…", "Procedureondersteuning") are no signers; "Namens het college van burgemeester en wethouders," with
no place, where OCR lost the letterhead, is the college of the municipality of the running header;
"Namens de leden van de fracties" over two parties' chairs names no sender; a web page's "Post Author:
admin" under the block is no signer."""

from __future__ import annotations

from opendata.ingest.extract import extract

# ---------------------------------------------------------------- a text layer's glued header


_WINDOW = "Gemeente Apeldoorn\nt.a.v. Burgemeester en Wethouders\nPostbus 9033"
_CLOSING = "Namens het college van burgemeester en wethouders,\n\nR. Visser\nDirecteur"


# The letter's header as a text layer reads it: the address window, the letterhead column after it with
# the window's last line run into the letterhead's first, and the row of labels cell by cell.
def _glued_letter(window: str, salutation: str = "Geacht college,") -> str:
    return (
        f"{window}\n7311 AB  APELDOORNProvincie Gelderland\nMarkt 11\nPostbus 9090\n6800 GX Arnhem\n"
        "Telefoon 026 359 99 99\nGelderland.nl\npost@gelderland.nl\nKvK 51010000\nInlichtingen bij\n"
        "Servicepunt\nDatum\n12.03.2024Kenmerk\nG2024-004417Zaaknummer\nZK2024-0912Pagina\n"
        "1 van 1BijlagenUw briefUw kenmerk\nOnderwerp: Afronding van een melding\n"
        f"{salutation}\nOp 1 maart 2024 kwam bij ons een melding binnen over het snoeien van een laan in "
        "Apeldoorn. Een afschrift van de melding gaat hierbij.\nMet vriendelijke groet,\n"
        "Procedureondersteuning\nEenheid Vergunningen en Toezicht\nPagina 1 van 1\n"
    )


def test_a_label_glued_to_the_value_before_it_still_labels_its_own_value():
    facts = extract(_glued_letter(_WINDOW)).facts()
    assert facts["date_sent"] == "2024-03-12"
    assert facts["our_reference"] == "G2024-004417"
    assert facts["dossier_references"] == ["ZK2024-0912"]
    assert facts["your_reference"] is None


def test_the_letterhead_glued_to_the_address_windows_last_line_is_the_sender():
    facts = extract(_glued_letter(_WINDOW)).facts()
    assert facts["sender"] == "pv25"
    assert facts["addressees"] == ["gm0200"]
    assert "pv25" in facts["organisations_mentioned"]


def test_an_address_window_with_an_empty_attention_line_and_a_street_is_no_letterhead():
    # the municipality as the one who reported: its name over "t.a.v." (the person's name removed), a
    # street and the postcode; the province's letterhead follows
    facts = extract(_glued_letter("Gemeente Apeldoorn\nt.a.v. \nDeventerstraat 40", "Geachte ,")).facts()
    assert facts["sender"] == "pv25"
    assert facts["addressees"] == ["gm0200"]


def test_a_lower_case_board_under_the_municipality_is_that_municipality():
    facts = extract(
        _glued_letter("Gemeente Apeldoorn\nt.a.v. Burgemeester en wethouders\nPostbus 9033")
    ).facts()
    assert facts["addressees"] == ["gm0200"]


def test_a_word_in_capitals_before_a_capitalised_word_in_prose_is_left_alone():
    text = (
        "Gemeente Lochem\nDatum 4 april 2023\nOnderwerp Zomerfeest\n\nGeachte heer,\n\nHet NKGemeente-"
        "overleg en de 2023Provinciale dag gaan niet door.\n\nMet vriendelijke groet,\n\nJ.P. Smit\n"
        "burgemeester\n"
    )
    facts = extract(text).facts()
    assert facts["date_sent"] == "2023-04-04"
    assert facts["sender"] == "gm0262"


# ---------------------------------------------------------------- the signature block


def test_a_units_lines_under_the_closing_are_no_signers():
    facts = extract(_glued_letter(_WINDOW)).facts()
    assert facts["signatories"] == []


def test_a_procedure_desk_and_a_unit_are_no_signers():
    text = (
        "Provincie Drenthe\nDatum 2 mei 2024\nOnderwerp Afronding\n\nGeachte heer,\n\nUw melding is "
        "afgehandeld.\n\nMet vriendelijke groet,\nProcedurekamer Natuurvergunningen\nEenheid Publiek Loket\n"
    )
    assert extract(text).facts()["signatories"] == []


def test_a_web_pages_label_under_the_block_is_no_signer():
    text = (
        "Verzoek om een raadsvergadering\n\nGeachte heer Bakker, voorzitter van de gemeenteraad;\n\n"
        "Wij vragen u de raad op korte termijn bijeen te roepen.\n\nMet vriendelijke groet\n"
        "Namens de fractie GroenLinks,\nA.B. de Wit, fractievoorzitter\n\nPost Author: redactie\n"
    )
    names = [s["name"] for s in extract(text).facts()["signatories"]]
    assert names == ["A.B. de Wit"]


def test_two_parties_chairs_signing_for_the_members_of_the_fractions_name_no_sender():
    text = (
        "Extra vergadering\n\nGeachte heer Bakker, voorzitter van de gemeenteraad;\n\nWij vragen u de raad "
        "op korte termijn bijeen te roepen.\n\nMet vriendelijke groet\nNamens de leden van de fracties;\n"
        "K. de Boer, fractievoorzitter D66\nL.M. Kok, fractievoorzitter SP\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] is None
    assert [s["name"] for s in facts["signatories"]] == ["K. de Boer", "L.M. Kok"]


# ---------------------------------------------------------------- a college without its place


def _decision(closing: str) -> str:
    # an OCR'd decision whose letterhead came out as scraps; each later page repeats the header
    page_header = "Gemeente Tilburg Datum 9 juni 2021\nKenmerk\nJZ/2021/0412\nPagina {} van 3\n"
    return (
        "Bezoekadres\n> < Gem\nStadhuispl 1\nPostbus 90155\n\nDatum 9 juni 2021\nOns kenmerk JZ/2021/0412\n"
        "Onderwerp Beslissing op uw verzoek\nGeachte heer,\nUw verzoek om stukken wijzen wij deels af.\n"
        + page_header.format(2)
        + "De stukken sturen wij u per post.\nMet vriendelijke groet,\n\n"
        + closing
        + "\n\nTegen dit besluit kunt u bezwaar maken.\n"
        + page_header.format(3)
        + "Bijlage: de lijst van stukken.\n"
    )


def test_namens_the_college_without_its_place_is_the_college_of_the_running_header():
    facts = extract(_decision(_CLOSING)).facts()
    assert facts["sender"] == "gm0855"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"


def test_two_municipalities_in_the_running_headers_leave_the_college_as_written():
    text = _decision(_CLOSING).replace(
        "Gemeente Tilburg Datum 9 juni 2021\nKenmerk\nJZ/2021/0412\nPagina 3",
        "Gemeente Utrecht Datum 9 juni 2021\nKenmerk\nJZ/2021/0412\nPagina 3",
    )
    assert extract(text).facts()["sender"] not in ("gm0855", "gm0344")


# ---------------------------------------------------------------- an OCR'd decision's header and citations


def _ocr_decision(first_date: str, second_header: str = "Gemeente Zwolle Datum 3-5-2022") -> str:
    # the first page's date as the scan gave it; the later pages repeat the header; an annex further on
    # brings a header of its own date
    return (
        "Bezoekadres\nD Gemeente ir |\nPostbus 10007 |\n\n"
        f"Datum {first_date} |\nOns kenmerk __B&W/UIT/2022-0081 |\n"
        "Onderwerp Besluit op uw verzoek om informatie over de |\nnieuwe kade. |\n\nGeachte heer, |\n"
        "In uw brieven van 14 maart 2022 vroeg u om alle stukken over de kade. |\n"
        "Gemeente Zwolle Datum 3-5-2022\nKenmerk B&W/UIT/2022-0081\nPagina 2 van 4\n"
        "Een deel van de stukken maken wij openbaar.\n"
        f"{second_header}\nKenmerk B&W/UIT/2022-0081\nPagina 3 van 4\nMet vriendelijke groet ej\n"
        "Bijlage: verslag van het overleg\nGemeente Zwolle Datum 9 januari 2020\nPagina 1 van 1\n"
        "Gemeente Zwolle Datum 9 januari 2020\n"
    )


def test_the_running_headers_date_is_the_date_sent_where_ocr_damaged_the_first_pages():
    assert extract(_ocr_decision("3 mQeiej 2022")).facts()["date_sent"] == "2022-05-03"


def test_the_first_pages_own_date_goes_before_the_running_headers():
    assert extract(_ocr_decision("2 mei 2022")).facts()["date_sent"] == "2022-05-02"


def test_running_headers_of_two_dates_give_no_date_sent():
    text = _ocr_decision("3 mQeiej 2022", "Gemeente Zwolle Datum 4-5-2022")
    assert extract(text).facts()["date_sent"] is None


def test_a_reference_with_an_ampersand_in_its_units_abbreviation():
    assert extract(_ocr_decision("2 mei 2022")).facts()["our_reference"] == "B&W/UIT/2022-0081"


def test_a_subject_over_two_lines_each_with_a_scans_bar():
    subject = extract(_ocr_decision("2 mei 2022")).facts()["subject"]
    assert subject == "Besluit op uw verzoek om informatie over de nieuwe kade"


def test_uw_brieven_van_a_date_cites_that_date():
    cites = extract(_ocr_decision("2 mei 2022")).facts()["cites"]
    assert [c["date"] for c in cites] == ["2022-03-14"]


# ---------------------------------------------------------------- a web page's letter without a closing


def _page_letter(last_lines: str) -> str:
    return (
        "Nieuwe nieuwsbrief over de dijk\n\nBeste bewoner,\n\nDeze week verscheen de eerste nieuwsbrief over het "
        "versterken van de dijk langs de Maas. U leest er wanneer het werk begint.\n\nVeel leesplezier!\n\n"
        f"{last_lines}\n\nLet op: de nieuwsbrief leest u het best op een computer\n"
    )


def test_a_name_over_its_post_and_body_at_the_end_is_the_signature():
    facts = extract(_page_letter("Anna de Wit\ndijkgraaf Waterschap Aa en Maas")).facts()
    assert facts["signatories"] == [{"name": "Anna de Wit", "role": "dijkgraaf"}]
    assert facts["sender"] == "ws0654"


def test_a_sentence_under_the_name_is_no_post_line():
    facts = extract(_page_letter("Anna de Wit\ndijkgraaf zijn is een mooi vak, vinden wij.")).facts()
    assert facts["signatories"] == []


def test_a_pages_form_feed_before_the_running_header_leaves_it_the_running_header():
    # a text whose pages are separated by form feeds, as pdftotext writes them (ingest reads them as spaces)
    text = _decision(_CLOSING).replace("Gemeente Tilburg Datum", "\fGemeente Tilburg Datum")
    facts = extract(text).facts()
    assert facts["sender"] == "gm0855"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    damaged = _ocr_decision("3 mQeiej 2022").replace("Gemeente Zwolle Datum", "\fGemeente Zwolle Datum")
    assert extract(damaged).facts()["date_sent"] == "2022-05-03"
