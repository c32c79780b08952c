"""A board's signing formula run on after a word that ends no sentence, OCR having lost the commas
between its posts ("… Ter inzage gelegde stukken: geen Burgemeester en wethouders van Leeuwarderadeel,
de secretaris de burgemeester …"): the board signs, and its municipality sends (sixteenth unseen set,
docs/ingest.md). Letters written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_BODY = (
    "het nieuwe beleid. De kosten worden gedekt uit de reserve. Evaluatie: n.v.t. Bijlagen: werkplan 2019 "
    "Ter inzage gelegde stukken: geen "
)


@pytest.mark.parametrize(
    ("formula", "sender", "body"),
    [
        ("Burgemeester en wethouders van Ommen, de secretaris de burgemeester", "gm0175", "college"),
        ("Burgemeester en wethouders van Ommen, de secretaris, de burgemeester", "gm0175", "college"),
        ("Gedeputeerde Staten van Overijssel, voorzitter secretaris", "pv23", "gedeputeerde-staten"),
    ],
)
def test_a_run_on_board_formula_gives_the_sender(formula, sender, body):
    facts = extract(_BODY + formula + " K. ABEL mr. L. BOOM\n").facts()
    assert facts["sender"] == sender
    assert facts["sender_body"].startswith(body)


def test_a_board_named_in_a_sentence_with_one_post_is_no_signature():
    # guard: one post, then the sentence goes on
    text = (
        "Wij hebben dit besproken met Burgemeester en wethouders van Ommen, de burgemeester heeft een "
        "reactie toegezegd. Ook de provincie Overijssel is geïnformeerd.\n"
    )
    assert extract(text).facts()["sender"] is None
