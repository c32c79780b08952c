"""Faults a second outside checker found on publications unlike the other tests' (issue 14, helper 62):
private people with a particle or a two-letter surname."""

from __future__ import annotations

import gzip

import lxml.html

from opendata.checks.privacy import REDACTION_MARK, own_words, redact, scan_publication

from .conftest import run_main

ORGANISATION = "college van burgemeester en wethouders van Leiden"


def test_a_private_persons_surname_particles_are_not_masked_on_their_own():
    """With A. van der Berg not public, every 'van' and 'der' of every text was masked: the particles were
    surname-like words of three letters ('college ███ burgemeester en wethouders ███ Leiden')."""
    text = f"Het {ORGANISATION} sprak met de heer Van der Berg (BERG) en mevrouw van Dam."
    assert redact(text, ["A. van der Berg"]) == (
        f"Het {ORGANISATION} sprak met de heer {REDACTION_MARK * 12} ({REDACTION_MARK * 4}) en mevrouw van Dam."
    )
    assert redact(text, ["Ingrid van Dam"]).endswith(f"Van der Berg (BERG) en mevrouw {REDACTION_MARK * 7}.")
    assert redact(text, ["Van den Heuvel"]) == text


def test_a_private_persons_two_letter_surname_is_masked_on_its_own():
    """'mevrouw Li' of a private Y. Li stayed in the text: only words of three letters or more were masked alone."""
    text = "Mevrouw Li en de heer Os spraken; LI's brief ligt er. Ook de heer Ng."
    assert redact(text, ["Y. Li"]) == "Mevrouw ██ en de heer Os spraken; ████ brief ligt er. Ook de heer Ng."
    assert (
        redact(text, ["J. Os", "W. Ng"])
        == "Mevrouw Li en de heer ██ spraken; LI's brief ligt er. Ook de heer ██."
    )
    assert redact("Y. Al-Li en mevrouw Al", ["Y. Al-Li"]) == "████████ en mevrouw Al"


def _publish_with_private(datasets, out, key: str, name: str, mention: str) -> None:
    people = datasets / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8") + f"- id: {key}\n  name: {name}\n  public: false\n",
        encoding="utf-8",
    )
    text = datasets / "letters" / "reactie-leidse-regio-2019-06-11.txt"
    text.write_text(text.read_text(encoding="utf-8") + mention, encoding="utf-8")
    (datasets / "releases.csv").unlink(missing_ok=True)
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr


def test_a_private_van_der_berg_leaves_the_organisations_names_and_texts_as_they_are(datasets_copy, tmp_path):
    out = tmp_path / "dist"
    _publish_with_private(
        datasets_copy, out, "a-van-der-berg", "A. van der Berg", "\nDe heer Van der Berg was verhinderd.\n"
    )
    page = lxml.html.parse(str(out / "doc" / "organisatie" / "college-gm0546.html")).getroot()
    assert page.findtext(".//h1") == ORGANISATION
    published = (out / "tekst" / "reactie-leidse-regio-2019-06-11.txt").read_text(encoding="utf-8")
    assert published.endswith(f"\nDe heer {REDACTION_MARK * 12} was verhinderd.\n")
    assert published.count(REDACTION_MARK) == 12


def test_a_private_two_letter_surname_leaves_no_trace_and_the_scan_passes_markup(datasets_copy, tmp_path):
    """The text is masked everywhere it is published; the output scan does not take every <li> for the name."""
    out = tmp_path / "dist"
    _publish_with_private(
        datasets_copy, out, "y-li", "Y. Li", "\nMevrouw Li was verhinderd; zie de brief van LI.\n"
    )
    published = (out / "tekst" / "reactie-leidse-regio-2019-06-11.txt").read_text(encoding="utf-8")
    assert published.endswith("\nMevrouw ██ was verhinderd; zie de brief van ██.\n")
    for path in (out / "doc").rglob("*"):
        if path.suffix in (".html", ".nt", ".ttl", ".jsonld", ".pf_fragment") and path.is_file():
            data = path.read_bytes()
            data = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
            assert b"Mevrouw Li " not in data and b"van LI." not in data, path
    assert scan_publication(out, {"y-li": "Y. Li"}, {}) == [] and "li" not in own_words()
