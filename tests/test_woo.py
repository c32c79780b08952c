"""Issue 15, the Woo-index: sitemap indexes per information category, sitemaps of at most 50,000
URLs pointing straight at the published letter files, DiWoo metadata per document, robots.txt;
valid against the sitemaps.org 0.9 XSDs and the DiWoo metadata XSD (opendata/standards/)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from lxml import etree

from opendata.outputs.woo import validate
from opendata.outputs.woo.documents import CATEGORY_COUNCIL, CATEGORY_GENERAL, WooDocument
from opendata.outputs.woo.sitemaps import MAX_URLS, write_sitemaps

from .test_releases import BASE, X, Y, releases  # noqa: F401  (the two releases of the seed)

BASE_URL = "https://data.leidseregio.example/publicatie/"
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "diwoo": "https://standaarden.overheid.nl/diwoo/metadata/",
}
PUBLISHER = "https://identifier.overheid.nl/tooi/id/gemeente/gm0546"


def _all_errors(dist: Path) -> list[str]:
    files = sorted((dist / "sitemaps").glob("*.xml"))
    assert files
    return [e for path in files for e in validate.errors(path)]


def _urls(dist: Path) -> dict[str, tuple[str, str]]:
    """loc -> (lastmod, sitemap file name) over every sitemap."""
    found = {}
    for path in sorted((dist / "sitemaps").glob("sitemap-*.xml")):
        for url in etree.parse(str(path)).getroot().findall("s:url", NS):
            found[url.findtext("s:loc", namespaces=NS)] = (
                url.findtext("s:lastmod", namespaces=NS),
                path.name,
            )
    return found


def test_seed_sitemaps_validate_and_point_at_published_files(releases):  # noqa: F811
    dist = releases["first"]
    assert _all_errors(dist) == []
    robots = (dist / "robots.txt").read_text(encoding="utf-8")
    indexes = sorted(p.name for p in (dist / "sitemaps").glob("sitemapindex-*.xml"))
    assert indexes and all(re.fullmatch(r"sitemapindex-diwoo-infocat\d{3}\.xml", name) for name in indexes)
    assert sorted(re.findall(r"^Sitemap: \S+/(sitemapindex-[^/\s]+)$", robots, re.M)) == indexes
    urls = _urls(dist)
    for loc in urls:  # straight at a file of the publication, never at a page about it
        assert loc.startswith(BASE_URL + "tekst/") and (dist / loc[len(BASE_URL) :]).is_file()
    council = BASE_URL + "tekst/raadsinformatiebrief-2019-samenwerking-leidse-regio.txt"
    assert urls[council] == ("2019-06-11", "sitemap-infocat006-1.xml")  # a letter to the council: infocat 006
    assert urls[BASE_URL + f"tekst/{X}.txt"][0] == "2019-06-11"


def test_seed_diwoo_record_names_tooi_organisations_and_the_category(releases):  # noqa: F811
    sitemap = etree.parse(str(releases["first"] / "sitemaps" / "sitemap-infocat006-1.xml"))
    record = sitemap.find("s:url/diwoo:Document/diwoo:DiWoo", NS)
    assert record.find("diwoo:publisher", NS).get("resource") == PUBLISHER
    assert record.find(".//diwoo:informatiecategorie", NS).get("resource") == CATEGORY_COUNCIL
    assert record.find(".//diwoo:documentsoort", NS).text == "brief"
    assert record.find("diwoo:format", NS).text == "Plain text"
    assert record.find("diwoo:identifiers/diwoo:identifier", NS).text.startswith(BASE + "brief/")


def test_second_release_withdrawn_letter_leaves_added_letter_gets_its_date(releases):  # noqa: F811
    dist = releases["second"]
    assert _all_errors(dist) == []
    urls = _urls(dist)
    assert BASE_URL + f"tekst/{X}.txt" not in urls
    assert urls[BASE_URL + f"tekst/{Y}.txt"][0] == "2019-07-02"
    unchanged = BASE_URL + "tekst/raadsinformatiebrief-2019-samenwerking-leidse-regio.txt"
    assert urls[unchanged][0] == "2019-06-11"
    # the category the withdrawn letter left tells the harvester by its index's lastmod
    index = etree.parse(str(dist / "sitemaps" / "sitemapindex-diwoo-infocat018.xml"))
    assert index.findtext("s:sitemap/s:lastmod", namespaces=NS) == "2019-07-02"


def test_the_xsd_check_finds_an_invalid_record(releases, tmp_path):  # noqa: F811
    source = releases["first"] / "sitemaps" / "sitemap-infocat006-1.xml"
    broken = tmp_path / source.name
    broken.write_text(
        source.read_text(encoding="utf-8").replace(CATEGORY_COUNCIL, CATEGORY_COUNCIL + "x"), encoding="utf-8"
    )
    assert validate.errors(broken)
    no_title = tmp_path / "no-title.xml"
    no_title.write_text(
        re.sub(r"<diwoo:titelcollectie>.*?</diwoo:titelcollectie>", "", source.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    assert validate.errors(no_title)


def _synthetic(count: int) -> list[WooDocument]:
    """60,000 letters as the writer sees them (generated directly, not through a full publish)."""
    day = datetime.date(2019, 1, 1)
    return [
        WooDocument(
            url=f"{BASE_URL}tekst/brief-{i:06d}.txt",
            letter=f"{BASE}brief/brief-{i:06d}",
            format="txt",
            category=CATEGORY_COUNCIL if i % 10 == 0 else CATEGORY_GENERAL,
            title=f"Brief nummer {i} & co",
            publisher=PUBLISHER,
            creator="https://identifier.overheid.nl/tooi/id/provincie/pv28",
            sent=day + datetime.timedelta(days=i % 365),
            identifiers=(f"{BASE}brief/brief-{i:06d}",),
            lastmod=day + datetime.timedelta(days=i % 700),
        )
        for i in range(count)
    ]


def test_sixty_thousand_letters_make_more_than_one_sitemap(tmp_path):
    documents = _synthetic(60_000)
    indexes = write_sitemaps(documents, BASE_URL, tmp_path)
    assert indexes == ["sitemapindex-diwoo-infocat006.xml", "sitemapindex-diwoo-infocat018.xml"]
    general = etree.parse(str(tmp_path / "sitemaps" / "sitemapindex-diwoo-infocat018.xml"))
    locs = [loc.text for loc in general.getroot().iterfind("s:sitemap/s:loc", NS)]
    assert [loc.rsplit("/", 1)[1] for loc in locs] == ["sitemap-infocat018-1.xml", "sitemap-infocat018-2.xml"]
    counts = {
        p.name: len(etree.parse(str(p)).getroot()) for p in (tmp_path / "sitemaps").glob("sitemap-*.xml")
    }
    assert counts == {
        "sitemap-infocat006-1.xml": 6_000,
        "sitemap-infocat018-1.xml": MAX_URLS,
        "sitemap-infocat018-2.xml": 54_000 - MAX_URLS,
    }
    assert _all_errors(tmp_path) == []
