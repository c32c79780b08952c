"""The privacy guard finds a non-public person's name however it is spelled in ids, IRIs, file names and
texts, masks it in texts, and stops the publish naming the file and field; SPARQL finds no trace.

Each variant starts from tests/cases/_base with 'H.J.J. Lenferink' (or a surname with an accent) marked
`public: false`, then hides the name in one more place. A hidden name in an identifier must stop the
publish (exit 1, `privacy-leak`, dist unchanged); a name in a text must be masked with offsets kept.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from opendata.checks.privacy import REDACTION_MARK, fold, redact
from opendata.query.store import query_command

from .conftest import run_main

BASE = Path(__file__).resolve().parent / "cases" / "_base"
LETTER = "letters/reactie-leiden"


def _private(target: Path, name: str = "H.J.J. Lenferink") -> Path:
    shutil.copytree(BASE, target)
    people = target / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8").replace(
            "  name: H.J.J. Lenferink\n", f"  name: {name}\n  public: false\n"
        ),
        encoding="utf-8",
    )
    assert "public: false" in people.read_text(encoding="utf-8")
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _rename_post(datasets: Path, new_id: str) -> None:
    for relative in ("posts.yaml", f"{LETTER}.yaml"):
        _replace(datasets / relative, "burgemeester-leiden", new_id)


def _rename_letter(datasets: Path, new_id: str) -> None:
    """A letter whose id (and so its file names, IRI and tekst/ file) holds the name."""
    for suffix in (".yaml", ".txt"):
        (datasets / f"letters/brief-gs{suffix}").rename(datasets / f"letters/{new_id}{suffix}")
    _replace(datasets / f"letters/{new_id}.yaml", "id: brief-gs", f"id: {new_id}")
    _replace(datasets / f"letters/{new_id}.yaml", "text: brief-gs.txt", f"text: {new_id}.txt")
    _replace(datasets / f"{LETTER}.yaml", "  - brief-gs\n", f"  - {new_id}\n")


def _add_theme(datasets: Path, theme_id: str, name: str = "een dossier") -> None:
    themes = datasets / "themes.yaml"
    themes.write_text(
        themes.read_text(encoding="utf-8") + f"- id: {theme_id}\n  name: {name}\n  scheme: thema\n",
        encoding="utf-8",
    )


LEAKS_IN_IDENTIFIERS = {
    "post id, lower case": lambda d: _rename_post(d, "wethouder-lenferink"),
    "post id, inflected": lambda d: _rename_post(d, "dossier-lenferinks"),
    "letter id and file names": lambda d: _rename_letter(d, "brief-aan-lenferink-2019"),
    "theme id, surname then digits": lambda d: _add_theme(d, "lenferink2019"),
    "key of the person in another id": lambda d: _add_theme(d, "dossier-h-lenferink"),
}


def _publish(datasets: Path, out: Path, *extra: str):
    return run_main("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache", *extra)


def _published_bytes(out: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files[path.relative_to(out).as_posix()] = data
        if data[:2] == b"\x1f\x8b":
            files[path.relative_to(out).as_posix() + " (unpacked)"] = gzip.decompress(data)
    return files


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    """datasets/ (the base with the person private) and dist/, its publication: published once, copied by
    each test that then hides the name somewhere."""
    root = tmp_path_factory.mktemp("clean")
    assert _publish(_private(root / "datasets"), root / "dist").returncode == 0
    return root


@pytest.mark.parametrize("variant", sorted(LEAKS_IN_IDENTIFIERS))
def test_a_name_in_an_identifier_stops_the_publish_naming_file_and_field(clean, tmp_path, variant):
    shutil.copytree(clean, tmp_path, symlinks=True, dirs_exist_ok=True)  # dist is a link into .dist.builds/
    datasets, out = tmp_path / "datasets", tmp_path / "dist"
    assert out.is_symlink()
    before = _published_bytes(out)
    LEAKS_IN_IDENTIFIERS[variant](datasets)
    result = _publish(datasets, out, "--format", "json")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    leaks = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "privacy-leak"]
    assert leaks, result.stdout
    assert all(p["location"]["path"] == "people.yaml" and p["field"] == "public" for p in leaks)
    assert any("graph.nt, line" in p["message"] and "field" in p["message"] for p in leaks), leaks
    assert any("graph.nt.gz (unpacked)" in p["message"] for p in leaks), leaks
    assert _published_bytes(out) == before  # nothing published
    assert not list(tmp_path.glob(".dist.builds/tmp-*"))


TEXT_VARIANTS = {
    "upper case": "LENFERINK",
    "inflected": "Lenferinks",
    "possessive": "Lenferink's",
    "soft hyphen": "Len\u00adferink",
    "zero-width space": "Lenfe\u200brink",
    "full-width letters": "Ｌｅｎｆｅｒｉｎｋ",
    "initials without space": "H.J.J.Lenferink",
    "line break inside the full name": "H.J.J.\nLenferink",
}


@pytest.mark.parametrize("variant", sorted(TEXT_VARIANTS))
def test_every_spelling_is_masked_in_a_text_with_its_length_kept(variant):
    spelled = TEXT_VARIANTS[variant]
    text = f"Geachte heer, burgemeester {spelled} schreef ons.\n"
    masked = redact(text, ["H.J.J. Lenferink"])
    assert len(masked) == len(text)
    start = text.index(spelled)
    assert masked[start : start + len(spelled)] == REDACTION_MARK * len(spelled)
    assert "lenferink" not in fold(masked).replace(REDACTION_MARK, "")
    assert masked[:start] == text[:start] and masked[start + len(spelled) :] == text[start + len(spelled) :]


def test_nfd_and_case_of_an_accented_surname_are_masked():
    name = "M. Dönszelmann"
    for spelled in (
        unicodedata.normalize("NFD", "Dönszelmann"),
        "DÖNSZELMANN",
        "Donszelmann",
        "dönszelmanns",
    ):
        text = f"Mevrouw {spelled} is verhinderd."
        masked = redact(text, [name])
        assert len(masked) == len(text)
        assert masked == text.replace(spelled, REDACTION_MARK * len(spelled)), (spelled, masked)


def test_words_that_merely_contain_the_surname_are_kept():
    text = "De Lenferinkstraat en Oudlenferink blijven staan."
    assert redact(text, ["H.J.J. Lenferink"]) == text


def test_the_published_text_and_graph_hold_no_spelling_and_sparql_finds_none(tmp_path):
    datasets = _private(tmp_path / "datasets")
    spellings = [
        "LENFERINK",
        "Lenferinks",
        "Len\u00adferink",
        unicodedata.normalize("NFD", "H.J.J. Lenferink"),
    ]
    text = datasets / f"{LETTER}.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n" + " / ".join(spellings) + "\n", encoding="utf-8")
    _replace(
        datasets / "meetings.yaml",
        "participant_people: [j-baljeu]",
        "participant_people: [j-baljeu, h-lenferink]\n  note: met burgemeester LENFERINK als gast",
    )
    out = tmp_path / "dist"
    result = _publish(datasets, out)
    assert result.returncode == 0, result.stderr
    for name, data in _published_bytes(out).items():
        folded = fold(data.decode("utf-8", "replace"))
        assert "lenferink" not in folded, name
    published = (out / "tekst" / "reactie-leiden.txt").read_text(encoding="utf-8")
    assert len(published) == len(text.read_text(encoding="utf-8"))
    query = (
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(CONTAINS(LCASE(STR(?s)), 'lenferink') || "
        "CONTAINS(LCASE(STR(?p)), 'lenferink') || CONTAINS(LCASE(STR(?o)), 'lenferink')) }"
    )
    assert json.loads(_query(query, out, "json"))["results"]["bindings"] == []
    everything = _query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", out, "csv")
    assert everything.count("\n") > 50
    assert "lenferink" not in fold(everything)


def _query(text: str, dist: Path, fmt: str) -> str:
    """What `opendata query TEXT --dist DIST --format FMT` prints (run in this process)."""
    out, err = io.BytesIO(), io.StringIO()
    assert query_command(text, dist, fmt, out=out, err=err) == 0, err.getvalue()
    return out.getvalue().decode("utf-8")


def test_a_documentation_example_name_does_not_stop_a_publish(tmp_path, datasets_copy):
    """The model's documentation examples use fictional people, so a real person who is named there today
    (j-baljeu, in vocabulary.md) can be made private: the guard scans every file, documentation included."""
    people = datasets_copy / "people.yaml"
    _replace(people, "  name: J. Baljeu\n", "  name: J. Baljeu\n  public: false\n")
    result = _publish(datasets_copy, tmp_path / "dist", "--format", "json")
    leaks = (
        [p for p in json.loads(result.stdout)["problems"] if p["code"] == "privacy-leak"]
        if result.stdout
        else []
    )
    assert not any(
        "vocabulary.md" in p["message"] or "ontology.ttl" in p["message"] or "shapes.ttl" in p["message"]
        for p in leaks
    ), leaks
