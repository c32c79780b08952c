"""validation-report.ttl (the SHACL report) and validation-report.txt (for people)."""

from __future__ import annotations

from pathlib import Path

from opendata.build.publication import Publication
from opendata.model.problems import render_text
from opendata.outputs.output import Output


def write(publication: Publication, out: Path) -> None:
    (out / "validation-report.ttl").write_text(publication.report_turtle, encoding="utf-8")
    summary = (
        f"Source records: checked against records.schema.json and the reference checks.\n"
        f"Graph: {publication.statistics.triples} triples, "
        f"checked against shapes.ttl: conforms.\n\n"
    )
    (out / "validation-report.txt").write_text(
        summary + render_text(publication.problems) + "\n", encoding="utf-8"
    )


OUTPUT = Output("report", write)
