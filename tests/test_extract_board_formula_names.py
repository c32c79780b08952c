"""The signers' names run on after a board's signing formula, in the order of its two posts ("… van
Leeuwarderadeel, de secretaris de burgemeester WIM EPPINGA drs. JOOP R.A. BOERTJENS"): where a title or
initials after a surname part the two names, each post's signer is read; where nothing parts them, none
(sixteenth unseen set, docs/ingest.md). Pages written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_PAGE = "Evaluatie: n.v.t. Bijlagen: werkplan 2019 Ter inzage gelegde stukken: geen {formula} {names}\n"
_FORMULA = "Burgemeester en wethouders van Ommen, de secretaris de burgemeester"


@pytest.mark.parametrize(
    ("names", "first", "second"),
    [
        ("KEES ABEL drs. LOES R.M. BOOM", "KEES ABEL", "LOES R.M. BOOM"),
        ("K. Abel P. de Boom", "K. Abel", "P. de Boom"),
    ],
)
def test_two_names_after_the_posts_are_their_signers(names, first, second):
    facts = extract(_PAGE.format(formula=_FORMULA, names=names)).facts()
    assert facts["signatories"] == [
        {"name": first, "role": "secretaris"},
        {"name": second, "role": "burgemeester"},
    ]
    assert facts["sender"] == "gm0175"


@pytest.mark.parametrize(
    "names",
    [  # guards: nothing parts the names; a sentence, not names
        "KEES ABEL LOES BOOM",
        "Ter kennisname aan de raad gezonden",
    ],
)
def test_no_signers_where_the_names_do_not_part(names):
    assert extract(_PAGE.format(formula=_FORMULA, names=names)).facts()["signatories"] == []
