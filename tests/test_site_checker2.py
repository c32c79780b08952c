"""Faults a second outside checker found on publications unlike the other tests' (issue 14, helper 62):
private people with a particle or a two-letter surname."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import lxml.html
import pytest

from opendata.checks.privacy import REDACTION_MARK, own_words, redact, scan_publication

from .conftest import run_main
from .scenarios import apache_serving, http_get, nginx_serving
from .test_serve import Server

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


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """A synthetic publication of Flevoland (`opendata synth`): posts held in turn, meetings and dossiers
    of one name in different years, memberships, positions."""
    root = tmp_path_factory.mktemp("synthetic")
    result = run_main(
        "synth", "--letters", "60", "--out", str(root / "src"), "--seed", "5", "--provinces", "pv24"
    )
    assert result.returncode == 0, result.stderr
    result = run_main("publish", "--datasets", str(root / "src"), "--out", str(root / "dist"), "--no-cache")
    assert result.returncode == 0, result.stderr
    return root / "dist"


def same_titles_and_descriptions(dist: Path) -> dict[tuple[str, str, str], list[str]]:
    """(language, <title>, description) shown by more than one resource's page -> those pages."""
    shown: dict[tuple[str, str, str], list[str]] = {}
    for page in sorted((dist / "doc").glob("*/*.html")):
        if page.parent.name in ("overzicht", "static"):
            continue
        tree = lxml.html.parse(str(page)).getroot()
        (description,) = tree.xpath("//meta[@name='description']/@content")
        key = (tree.get("lang"), tree.findtext(".//title"), description)
        shown.setdefault(key, []).append(page.relative_to(dist).as_posix())
    return {key: pages for key, pages in shown.items() if len(pages) > 1}


def _one_letters_positions(pages: list[str]) -> bool:
    return (
        all(p.startswith("doc/uitspraak/") for p in pages) and len({p.rsplit("-", 2)[0] for p in pages}) == 1
    )


@pytest.mark.integration
def test_each_resource_page_has_a_title_and_description_of_its_own(synthetic):
    """Posts held in turn ('burgemeester (gemeente Almere)' three times), meetings and dossiers of one name
    in different years, positions of the same words in different letters, memberships of one note: 42% of
    the pages of a 300-letter synthetic publication shared their <title> and description with another.
    Now the title says what tells them apart (a date, a period, who) and the description too."""
    duplicates = same_titles_and_descriptions(synthetic)
    # left: one letter's positions quoting the same sentence twice (synth repeats a sentence), the same thing
    same_quote = {key: pages for key, pages in duplicates.items() if _one_letters_positions(pages)}
    assert {key: pages for key, pages in duplicates.items() if key not in same_quote} == {}
    assert len(same_quote) < 10
    first_post = sorted((synthetic / "doc" / "functie").glob("burgemeester-gm0034-*[0-9].html"))[0]
    post = lxml.html.parse(str(first_post)).getroot()
    assert re.fullmatch(
        r"burgemeester \(gemeente Almere\) · [^·]+, \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d · Correspondentie als linked data",
        post.findtext(".//title"),
    )


@pytest.mark.integration
def test_a_membership_page_is_named_by_its_member_and_organisation_not_its_key(synthetic):
    """The page of membership so0480-gm0034 was titled 'so0480-gm0034'."""
    for name, title in (
        ("so0480-gm0034.html", "gemeente Almere in Het Flevolands Archief"),
        ("so0480-gm0034.en.html", "gemeente Almere in Het Flevolands Archief"),
    ):
        page = lxml.html.parse(str(synthetic / "doc" / "lidmaatschap" / name)).getroot()
        assert page.findtext(".//h1") == title
        assert page.findtext(".//title").startswith(title + " · ")


def test_the_networks_text_alternative_counts_one_letter_as_one(published):
    """The network's text alternative said '(1 brieven)' / '(1 letters)' and 'lidmaatschappen' for one membership."""
    for name, one, membership in (
        ("netwerk.html", "1 brief", "lidmaatschap"),
        ("netwerk.en.html", "1 letter", "membership"),
    ):
        page = lxml.html.parse(str(published / "doc" / "overzicht" / name)).getroot()
        caption = page.xpath("//figcaption")[0].text_content()
        details = re.findall(r"\(([^()]*)\);", caption)
        assert details and f"({one})" in caption and f"({membership})" in caption
        for detail in details:
            for count in re.findall(r"\b(\d+) (?:brief|brieven|letter|letters)\b", detail):
                assert (count == "1") == (detail.endswith(one) or f"{one}," in detail), detail


NAMING_NOTHING = (
    "/publicatie/graph.ttlx",
    "/publicatie/tekst/geen-brief.txt",
    "/geen-bestand",
    "/id/",
    "/id",
)


@pytest.mark.integration
def test_every_address_that_names_nothing_gets_the_helpful_404_page_on_every_host(published, tmp_path):
    """Outside /doc/ and /id/{type}/{key}, serve answered a plain '…: not found' and nginx its own page
    (a misspelt file under base_url, /id itself), where Apache gave the site's 404 page with its way in."""
    helpful = (published / "doc" / "404.html").read_bytes()
    expected = [(404, True)] * len(NAMING_NOTHING)
    server = Server(published, tmp_path / "serve.log")
    try:
        assert _not_found_answers(server.url) == expected
    finally:
        server.stop()
    for serving in (nginx_serving(published, tmp_path), apache_serving(published)):
        with serving as url:
            assert _not_found_answers(url) == expected, url
    assert helpful.startswith(b"<!DOCTYPE html>")


def _not_found_answers(base: str) -> list[tuple[int, bool]]:
    answers = [http_get(base + path, "text/html") for path in NAMING_NOTHING]
    return [(status, b'href="/doc/zoeken.html"' in body) for status, _, body in answers]


def test_an_organisation_that_is_no_government_is_no_government_organization_for_search_engines(published):
    """The business associations and schools of Economie71 (kinds the model types as org:Organization only,
    'claiming no kind of government') were schema.org GovernmentOrganizations on their pages."""
    expected = {
        "ondernemersverenigingen-economie71": "Organization",
        "onderwijsinstellingen-economie71": "Organization",
        "gm0546": "GovernmentOrganization",
        "college-gm0546": "GovernmentOrganization",
        "so0507": "GovernmentOrganization",
    }
    for key, schema_type in expected.items():
        for suffix in (".html", ".en.html"):
            page = lxml.html.parse(str(published / "doc" / "organisatie" / (key + suffix))).getroot()
            (script,) = page.xpath("//script[@type='application/ld+json']")
            assert json.loads(script.text)["@type"] == schema_type, key
