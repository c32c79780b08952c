"""A text layer's glued header (an address window's last line run into the letterhead beside it, the
header's labels run into the values before them) in an OCR'd text whose every line break came doubled:
the repair that puts each glued label on a line of its own breaks the line as the text does, so the
address window above the letterhead still reads as one double-spaced block (issue 13). The letter is
written for the test: invented numbers and wording, real names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract
from opendata.ingest.extract_noise import repair_key_words


def _glued_letter() -> str:
    return (
        "Gedeputeerde Staten van Zeeland\nPostbus 6001\n4330 LA  MIDDELBURGGemeente Veere\n\nDatum\n"
        "17.09.2015Kenmerk\nBW-2015-3301Pagina\n1 van 1BijlagenUw briefUw kenmerk\n\n"
        "Betreft Antwoord over de fietsbrug\n\nGeacht college,\n\nU vroeg ons naar de planning van de "
        "fietsbrug. De bouw begint na de zomer.\n\nMet vriendelijke groet,\n\n"
        "Burgemeester en wethouders van Veere,\n\nde secretaris,\nA. de Wit\n"
    )


def _doubled(text: str) -> str:
    return text.replace("\n", "\n\n")


def test_the_addressee_above_a_glued_letterhead_is_read_in_a_double_spaced_text():
    single, doubled = extract(_glued_letter()).facts(), extract(_doubled(_glued_letter())).facts()
    assert single["addressees"] == ["pv29"]
    assert doubled["addressees"] == single["addressees"]
    assert doubled["sender"] == single["sender"] == "gm0717"
    assert doubled["date_sent"] == "2015-09-17"
    assert doubled["our_reference"] == "BW-2015-3301"


def test_the_repair_breaks_a_glued_label_with_the_texts_own_line_break():
    header = "4330 LA  MIDDELBURGGemeente Veere\nDatum\n17.09.2015Kenmerk\nBW-1\n"
    single, doubled = repair_key_words(header), repair_key_words(_doubled(header))
    assert single is not None and doubled is not None
    assert "MIDDELBURG\nGemeente" in single.text and "2015\nKenmerk" in single.text
    assert "MIDDELBURG\n\nGemeente" in doubled.text and "2015\n\nKenmerk" in doubled.text
    assert doubled.text.replace("\n\n", "\n") == single.text


def _window_with_attention_line() -> str:
    return (
        "Provincie Utrecht\nPostbus 80300\n3508 TH Utrecht\n\n"
        "Gemeente Zeist\nt.a.v. Burgemeester en Wethouders\nPostbus 513\n3700 AM ZEIST\n\n"
        "Datum 3 maart 2016\nKenmerk PU-2016-118\n\nOnderwerp Subsidie voor het fietspad\n\n"
        "Geacht college,\n\nWij verlenen u de subsidie voor het fietspad langs de spoorlijn.\n\n"
        "Met vriendelijke groet,\n\nGedeputeerde Staten van Utrecht,\n\n"
        "de voorzitter,\nB. de Boer\n\nde secretaris,\nC. Jansen\n"
    )


def test_the_body_above_an_attention_line_is_the_addressee_in_a_double_spaced_text():
    # "Gemeente X / t.a.v. Burgemeester en Wethouders": the body is the line above the attention line,
    # which in a text with every line break doubled lies past a blank line
    single = extract(_window_with_attention_line()).facts()
    doubled = extract(_doubled(_window_with_attention_line())).facts()
    assert single["addressees"] == ["gm0355"] and single["sender"] == "pv26"
    assert doubled["addressees"] == single["addressees"] and doubled["sender"] == single["sender"]
