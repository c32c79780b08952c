"""A letter's page says whether a person reviewed what a tool extracted (issue 13: the published drafts
say machine-extracted vs reviewed). A person who reviews a draft removes `status: draft` and may keep
`extracted_by` (docs/fact-sources.md); the graph then types the extraction activity no longer as a draft,
and the query facts-by-review-status calls its facts reviewed. Its page said 'automatisch afgeleid
(opendata-ingest …)', word for word what a draft's page says (found by reviewing drafts of the
development set and publishing them with the drafts left)."""

from __future__ import annotations

import html
import re

from .test_drafts_publish import DRAFT, _publish, _with_draft


def _provenance(page: str) -> str:
    """The words of the page's provenance section ('Herkomst' / 'Provenance')."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    text = " ".join(text.split())
    start = max(text.find("Herkomst "), text.find("Provenance "))
    return text[start : start + 160]


def _pages(dist, key: str) -> tuple[str, str]:
    folder = dist / "doc" / "brief"
    return tuple(  # type: ignore[return-value]
        _provenance((folder / f"{key}{suffix}.html").read_text(encoding="utf-8")) for suffix in ("", ".en")
    )


def test_a_reviewed_letters_page_does_not_call_it_a_draft_and_a_drafts_page_does(tmp_path):
    datasets = _with_draft(tmp_path / "datasets", True)
    reviewed = "reviewed-" + DRAFT
    record = (datasets / "letters" / f"{DRAFT}.yaml").read_text(encoding="utf-8")
    (datasets / "letters" / f"{reviewed}.yaml").write_text(
        record.replace(f"id: {DRAFT}", f"id: {reviewed}")
        .replace(f"text: {DRAFT}.txt", f"text: {reviewed}.txt")
        .replace("status: draft\n", ""),  # reviewed by a person, who kept extracted_by
        encoding="utf-8",
    )
    (datasets / "letters" / f"{reviewed}.txt").write_bytes(
        (datasets / "letters" / f"{DRAFT}.txt").read_bytes()
    )
    dist = tmp_path / "dist"
    _publish(datasets, dist)

    draft_nl, draft_en = _pages(dist, DRAFT)
    reviewed_nl, reviewed_en = _pages(dist, reviewed)
    assert "niet door een mens nagekeken" in draft_nl and "opendata-ingest 0.1.0" in draft_nl
    assert "not reviewed by a person" in draft_en
    assert "niet " not in reviewed_nl and "door een mens nagekeken" in reviewed_nl, reviewed_nl
    assert "opendata-ingest 0.1.0" in reviewed_nl
    assert "not reviewed" not in reviewed_en and "reviewed by a person" in reviewed_en, reviewed_en
    curated_nl, _ = _pages(dist, "reactie-leidse-regio-2019-06-11")
    assert "door mensen samengesteld" in curated_nl and "afgeleid" not in curated_nl
