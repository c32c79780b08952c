"""Bad input cases: each folder in tests/cases/ is a small overlay on a minimal valid dataset.

A case folder holds the files that replace (or add to) those of tests/cases/_base/, written at the
same relative paths, plus `expected.yaml`:

    description: what goes wrong               # one line, for people
    exit: 1                                     # expected exit code of `opendata validate`
    remove: [letters/brief-gs.txt]              # optional: base files or folders to delete (before the overlay)
    pad: {path: people.yaml, bytes: 1000001}    # optional: grow a file past a size (oversized input)
    problems:                                   # every one must be reported exactly so
      - {code: unknown-reference, file: letters/brief-gs.yaml, line: 6, field: sender}

`column:` may be given too, and `message:` or `hint:` words the report must hold. `line: 0` and `field: ""` (or leaving them out) mean the problem concerns the whole file.
A new case costs a folder with one overlay file and a few lines of expected.yaml.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from .conftest import run_main

CASES = Path(__file__).resolve().parent / "cases"
BASE = CASES / "_base"
EXPECTED = "expected.yaml"


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def expectation(name: str) -> dict:
    return yaml.safe_load((CASES / name / EXPECTED).read_text(encoding="utf-8"))


def _pad(path: Path, size: int) -> None:
    """Grow a file past `size` bytes with lines that are harmless for its kind (YAML comments, text)."""
    line = (b"# " if path.suffix == ".yaml" else b"") + b"x" * 78 + b"\n"
    with open(path, "ab") as handle:
        handle.write(line * (size // len(line) + 1))


def build_case(name: str, target: Path) -> Path:
    """The base dataset with the case's overlay applied, in `target`."""
    shutil.copytree(BASE, target)
    case = CASES / name
    spec = expectation(name)
    for relative in spec.get("remove", []):
        doomed = target / relative
        shutil.rmtree(doomed) if doomed.is_dir() else doomed.unlink()
    for source in sorted(case.rglob("*")):
        relative = source.relative_to(case)
        if source.is_file() and relative.as_posix() != EXPECTED:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / relative)
    if "pad" in spec:
        _pad(target / spec["pad"]["path"], spec["pad"]["bytes"])
    return target


def _reported(problem: dict) -> tuple:
    location = problem["location"]
    return problem["code"], location["path"], location["line"], problem["field"]


def _expected(problem: dict) -> tuple:
    return problem["code"], problem["file"], problem.get("line", 0), problem.get("field", "")


def test_base_dataset_is_valid(tmp_path):
    result = run_main(
        "validate", "--datasets", str(build_case_base(tmp_path)), "--format", "json", "--no-cache"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["problems"] == []


def build_case_base(tmp_path: Path) -> Path:
    target = tmp_path / "datasets"
    shutil.copytree(BASE, target)
    return target


def test_there_are_at_least_forty_cases():
    assert len(case_names()) >= 40


@pytest.mark.parametrize("name", case_names())
def test_case(name, tmp_path):
    """`opendata validate --format json` on the case, in this process (`opendata.cli.main`)."""
    spec = expectation(name)
    datasets = build_case(name, tmp_path / "datasets")
    result = run_main("validate", "--datasets", str(datasets), "--format", "json", "--no-cache")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == spec["exit"], result.stdout + result.stderr
    report = json.loads(result.stdout)
    reported = {_reported(p) for p in report["problems"]}
    for problem in report["problems"]:  # every problem can be acted on: a message and a file
        assert problem["message"] and problem["location"]["path"], problem
    missing = [p for p in spec["problems"] if _expected(p) not in reported]
    assert not missing, f"not reported: {missing}\nreported: {sorted(reported)}"
    for problem in spec["problems"]:  # `column:`, and words the `message:` or `hint:` must hold, are optional
        found = [p for p in report["problems"] if _reported(p) == _expected(problem)]
        if "column" in problem:
            assert problem["column"] in {p["location"]["column"] for p in found}, (problem, found)
        for part in ("message", "hint"):
            if part in problem:
                assert any(problem[part] in p[part] for p in found), (problem, found)
    assert report["errors"] == sum(p["severity"] == "error" for p in report["problems"])


PROBLEM_LINE = re.compile(
    r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<column>\d+): (?P<code>[a-z-]+) (?P<severity>error|warning): .+$"
)


def test_the_human_report_names_file_line_column_code_and_hint(tmp_path):
    datasets = build_case("many-problems-at-once", tmp_path / "datasets")
    result = run_main("validate", "--datasets", str(datasets), "--no-cache")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert (
        "letters/reactie-leiden.yaml:20:5: unknown-reference error: post refers to unknown post "
        "'burgemeester-leidne' [field: signatories.0.post]"
    ) in lines
    assert (
        lines[lines.index(next(x for x in lines if "burgemeester-leidne" in x)) + 1]
        == "    hint: did you mean burgemeester-leiden?"
    )
    problems = [line for line in lines if not line.startswith("    hint: ")][:-1]
    assert len(problems) == 6 and all(PROBLEM_LINE.match(line) for line in problems), problems
    assert lines[-1] == "6 error(s), 0 warning(s)"


MOJIBAKE = ("Ã", "Â", "â€", "\ufffd")  # UTF-8 read as Windows-1252, or undecodable bytes replaced


def _published_text(out: Path) -> dict[str, str]:
    """Every published file as text, gzip streams unpacked (whatever their name: Pagefind's are not .gz).

    Only the search index may hold binary data (Pagefind's CBOR index and its WebAssembly); every
    other file must be UTF-8.
    """
    texts = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        relative = path.relative_to(out).as_posix()
        try:
            texts[relative] = data.decode("utf-8")
        except UnicodeDecodeError:
            assert "/pagefind/" in f"/{relative}", f"{relative} is not UTF-8"
    return texts


@pytest.mark.parametrize(
    "name, where, expected",
    [
        ("text-windows-1252", "tekst/brief-gs.txt", "Wij zien financiële kansen voor de regio."),
        (
            "text-windows-1252",
            "tekst/brief-gs.txt",
            "Kosten: € 1.000 – ‘voorlopig’, zo’n bedrag is één keer nodig.\n",
        ),
        (
            "text-latin-1",
            "tekst/reactie-leiden.txt",
            "Café 'De Ooievaar', ½ uur, 25 °C, Curaçao, naïef, ü.\n",
        ),
        (
            "text-mixed-utf8-and-windows-1252",
            "tekst/brief-gs.txt",
            "financiële kansen voor de regio. Daarover",
        ),
        ("text-mixed-utf8-and-windows-1252", "tekst/brief-gs.txt", "Kosten: € 1.000 – één keer.\n"),
        ("text-utf-16", "tekst/brief-gs.txt", "Geacht college,\n\nWij zien financiële kansen"),
        ("yaml-windows-1252", "graph.nt", '"Reactie op uw brief over financiële kansen – ‘geëerd’"'),
    ],
)
def test_legacy_encodings_publish_without_mojibake(name, where, expected, tmp_path):
    """Scanner encodings are decoded once, right: every output holds the real characters."""
    datasets = build_case(name, tmp_path / "datasets")
    out = tmp_path / "dist"
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert "encoding warning" in result.stderr
    texts = _published_text(out)
    assert expected in texts[where]
    for relative, text in texts.items():
        assert not any(marker in text for marker in MOJIBAKE), relative
    if where == "graph.nt":  # the same title in the other graph formats and the letters table
        for relative in ("graph.ttl", "graph.jsonld", "data/letters.csv"):
            if relative in texts:
                assert "financiële kansen – ‘geëerd’" in texts[relative], relative


def test_the_readme_shows_a_real_report(tmp_path):
    """The example in the README's section for publishers is this case's output, line for line."""
    readme = (CASES.parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For publishers: reading an error", 1)[1].split("\n## ", 1)[0]
    example = [line[4:] for line in section.splitlines() if line.startswith("    ")]
    datasets = build_case("many-problems-at-once", tmp_path / "datasets")
    result = run_main("validate", "--datasets", str(datasets), "--no-cache")
    assert example and example == result.stderr.splitlines()


def test_the_readme_explains_every_code_the_cases_show():
    readme = (CASES.parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For publishers: reading an error", 1)[1].split("\n## ", 1)[0]
    codes = {p["code"] for name in case_names() for p in expectation(name)["problems"]}
    assert not {code for code in codes if f"`{code}`" not in section}
