"""Extraction floors on synthetic letters (rendered, read and scored as `make bench-extract` does),
a little under what the 1,000-letter run reaches (docs/ingest.md), so a regression fails."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import score_folder
from opendata.synth.render import render

NEVER_INVENTED = ("date_sent", "our_reference", "your_reference", "dossier_references", "sender", "cites")
# field -> (measure, floor)
FLOORS = {
    "pdf": {
        "date_sent": ("exact_rate_with_value", 0.95),
        "our_reference": ("exact_rate_with_value", 0.95),
        "subject": ("exact_rate_with_value", 0.95),
        "sender": ("exact_rate_with_value", 0.95),
        "sender_body": ("exact_rate_with_value", 0.95),
        "signatories": ("exact_rate_with_value", 0.95),
        "addressees": ("recall", 0.95),
        "cites": ("recall", 0.9),
        "organisations_mentioned": ("precision", 0.95),
        "dossier_references": ("recall", 0.9),
    },
    "noisy": {
        "date_sent": ("exact_rate_with_value", 0.95),
        "our_reference": ("exact_rate_with_value", 0.95),
        "subject": ("exact_rate_with_value", 0.75),
        "sender": ("exact_rate_with_value", 0.95),
        "signatories": ("exact_rate_with_value", 0.9),
        "addressees": ("recall", 0.9),
        "cites": ("recall", 0.85),
        "organisations_mentioned": ("precision", 0.95),
    },
}
LETTERS = {"pdf": 30, "noisy": 60}


@pytest.mark.parametrize("rendering", sorted(FLOORS))
def test_extraction_meets_its_floors_on_synthetic_letters(tmp_path, rendering):
    render(LETTERS[rendering], tmp_path, 11, (rendering,))
    scores, _seconds, letters, _pages = score_folder(tmp_path / rendering)
    print("\n" + scores.table(rendering))
    assert letters == LETTERS[rendering]
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    for name, (measure, floor) in FLOORS[rendering].items():
        assert getattr(scores.fields[name], measure) >= floor, (
            name,
            measure,
            getattr(scores.fields[name], measure),
        )
