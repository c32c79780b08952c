"""A synthetic letter's draft checked against the truth its rendering states (the synthetic-form tests)."""

from __future__ import annotations

from opendata.ingest.bench import _cites_text
from opendata.ingest.score import FIELDS, comparable


def assert_drafted_against_truth(facts: dict | None, letter) -> None:
    """drafted() gave a draft, and it has every field the letter's truth states."""
    assert facts is not None, (letter.id, "refused")
    truth = _cites_text({k: (str(v) if k == "date_sent" and v else v) for k, v in letter.truth.items()})
    for name in FIELDS:
        assert comparable(name, facts.get(name)) == comparable(name, truth.get(name)), (
            letter.id,
            name,
            facts.get(name),
            truth.get(name),
        )
