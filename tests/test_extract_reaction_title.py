"""A web page that carries a body's reaction to a consultation or a bill is titled with that body's name
("Reactie VNG op consultatieverzoek …"); when nothing else in the text says who writes, the title does."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

BODY = """

Geachte minister,

Op 3 maart vroeg u ons te reageren op het concept van de nieuwe regeling. Wij danken u voor die
gelegenheid en maken graag van een paar punten gebruik om onze zorgen over de uitvoering te delen.
"""


@pytest.mark.parametrize(
    "title, sender",
    [
        ("Reactie Unie van Waterschappen op het ontwerp van de regeling", "Unie van Waterschappen"),
        ("Bestuurlijke reactie IPO inzake het wetsvoorstel toezicht", "IPO"),
        ("Reactie van de VNG op de consultatie van de regeling", "VNG"),
        ("Reactie Gemeente Utrecht op de consultatie van de regeling", "gm0344"),
    ],
)
def test_a_reaction_page_is_sent_by_the_body_its_title_names(title, sender):
    assert extract(title + BODY).facts()["sender"] == sender


def test_a_signature_that_names_the_sender_comes_first():
    text = (
        "Reactie VNG op de consultatie van de regeling"
        + BODY
        + "\nMet vriendelijke groet,\n\nBurgemeester en wethouders van Utrecht,\n\nde burgemeester,\nJ. de Vries\n"
    )
    assert extract(text).facts()["sender"] == "gm0344"


@pytest.mark.parametrize(
    "text",
    [
        "Reactie op uw brief van 3 maart" + BODY,  # a reaction, but no one named
        "Consultatie van de regeling" + BODY + "\nDe reactie VNG op dit punt volgt later.\n",  # not the title
    ],
)
def test_no_reaction_title_no_sender(text):
    assert extract(text).facts()["sender"] is None
