"""An address block that names the body and, on a line of its own under it, its board ("Gemeente Tiel /
College van B&W / t.a.v. … / Postbus 599", "Waterschap Rivierenland / Dagelijks Bestuur / Postbus 599") is
addressed to the body; it is no letterhead, so the body does not send the letter (the fifteenth set's
residents' letter to a water board's dagelijks bestuur has this layout; its body is not in the register
for 2009). Letters written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_TAIL = "\n\nTiel, 4 februari 2019\n\nBetreft: inspraak op het plan\n\nGeacht college,\n\nWij geven onze zienswijze.\n"


@pytest.mark.parametrize(
    ("block", "addressee"),
    [
        ("Gemeente Tiel\nCollege van B&W\nt.a.v. mevrouw J. van Dijk\nPostbus 599\n4000 AN Tiel", "gm0281"),
        ("Waterschap Rivierenland\nDagelijks Bestuur\nPostbus 599\n4000 AN Tiel", "ws0621"),
        (
            "Waterschap Rivierenland\nDagelijks Bestuur\nt.a.v. de heer K. Bos\nPostbus 599\n4000 AN Tiel",
            "ws0621",
        ),
        ("Waterschap Rivierenland\nt.a.v. het dagelijks bestuur\nPostbus 599\n4000 AN Tiel", "ws0621"),
    ],
)
def test_the_body_over_its_board_is_the_addressee_and_no_sender(block, addressee):
    facts = extract(block + _TAIL).facts()
    assert facts["addressees"] == [addressee]
    assert facts["sender"] is None


def test_a_board_alone_over_a_postal_address_stays_as_written():
    # guard: no body named above the board
    facts = extract("College van B&W\nPostbus 599\n4000 AN Tiel" + _TAIL).facts()
    assert facts["addressees"] == ["College van B&W"]
