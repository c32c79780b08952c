"""The extractor scored on real letters: hand-written facts in tests/corpus/, texts outside the repository.

Real letters are third-party text and never enter the repository; their texts live in a folder on
the development machine (`/work/real-letters/`, or $OPENDATA_REAL_LETTERS). Without that folder
this test is skipped, and only for that reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from opendata.ingest.extract import extract
from opendata.ingest.score import score

CORPUS = Path(__file__).resolve().parent / "corpus"
REAL_LETTERS = Path(os.environ.get("OPENDATA_REAL_LETTERS", "/work/real-letters"))
# Fields the extractor must never fill where the letter is silent.
NEVER_INVENTED = (
    "date_sent",
    "our_reference",
    "your_reference",
    "dossier_references",
    "subject",
    "sender",
    "addressees",
    "cites",
)


def corpus_pairs() -> list[tuple[str, dict, dict]]:
    pairs = []
    for facts_file in sorted(CORPUS.glob("*.yaml")):
        truth = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
        text_file = REAL_LETTERS / truth["text"]
        if not text_file.is_file():
            continue
        truth = {
            key: (str(value) if key == "date_sent" and value is not None else value)
            for key, value in truth.items()
        }
        pairs.append((facts_file.stem, extract(text_file.read_text(encoding="utf-8")).facts(), truth))
    return pairs


@pytest.mark.skipif(
    not REAL_LETTERS.is_dir(), reason=f"no real-letter texts at {REAL_LETTERS} (kept off the repository)"
)
def test_extraction_on_real_letters_invents_nothing_and_meets_its_floors():
    pairs = corpus_pairs()
    assert pairs, f"none of the texts named in {CORPUS} is in {REAL_LETTERS}"
    scores = score((predicted, truth) for _name, predicted, truth in pairs)
    print("\n" + scores.table("real letters"))
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    # Floors a little under what the 72 letters reach now (docs/ingest.md), so a regression fails.
    assert scores.fields["date_sent"].exact_rate_with_value >= 0.95
    assert scores.fields["our_reference"].exact_rate_with_value >= 0.9
    assert scores.fields["dossier_references"].exact_rate_with_value >= 0.95
    assert scores.fields["subject"].exact_rate_with_value >= 0.95
    assert scores.fields["sender"].exact_rate_with_value >= 0.85
    assert scores.fields["addressees"].exact_rate_with_value >= 0.9
    assert scores.fields["signatories"].exact_rate_with_value >= 0.95
    assert scores.fields["cites"].exact_rate_with_value >= 0.85
    assert scores.fields["organisations_mentioned"].precision >= 0.95
    assert scores.fields["organisations_mentioned"].recall >= 0.95
