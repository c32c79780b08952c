"""The website (issue 14): every IRI answers, in every format, with pages built from the graph.

In-process through the resolver that `opendata serve` uses, and once through a real
`opendata serve` with rdflib as a Linked Data client. The nginx rules: test_site_nginx.py;
pages in a real browser: test_site_browser.py.
"""

from __future__ import annotations

import gzip
import json
import pickle
import urllib.error
import urllib.request
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import pytest
import rdflib
import yaml
from rdflib.compare import isomorphic

from opendata.outputs.site import resolve
from opendata.query.store import load_store, run

from .conftest import DATASETS, run_main
from .test_serve import Server

ID = "https://data.leidseregio.example/id/"
TOOI_LEIDEN = "https://identifier.overheid.nl/tooi/id/gemeente/gm0546"
JOINT_REACTION = "brief/reactie-leidse-regio-2019-06-11"
RESOURCES = {  # description key -> the thing's IRI
    JOINT_REACTION: ID + JOINT_REACTION,
    "organisatie/gm0546": TOOI_LEIDEN,
    "organisatie/leidse-regio": ID + "organisatie/leidse-regio",
    "thema/bestuurlijke-samenwerking-leidse-regio": ID + "thema/bestuurlijke-samenwerking-leidse-regio",
    "uitspraak/reactie-bestuurlijk-leerproces": ID + "uitspraak/reactie-bestuurlijk-leerproces",
}
FORMATS = {  # Accept -> (extension, media type, rdflib format)
    "text/turtle": (".ttl", "text/turtle", "turtle"),
    "application/ld+json": (".jsonld", "application/ld+json", "json-ld"),
    "application/n-triples": (".nt", "application/n-triples", "nt"),
    "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8": (".html", "text/html", None),
}
ODNL = "https://w3id.org/opendata-nl/def#"
RDF_SUBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"


def _headers(response) -> dict[str, str]:
    return {name.lower(): value for name, value in response.headers}


@pytest.mark.parametrize("key", sorted(RESOURCES))
@pytest.mark.parametrize("accept", sorted(FORMATS))
def test_an_id_iri_gives_303_to_its_document_in_the_asked_format(published, key, accept):
    extension = FORMATS[accept][0]
    answer = resolve("/id/" + key, accept, published)
    assert answer.status == 303
    headers = _headers(answer)
    assert headers["location"] == "/doc/" + key + ("" if extension == ".html" else extension)
    assert headers["vary"] == "Accept"


@pytest.mark.parametrize("key", sorted(RESOURCES))
@pytest.mark.parametrize("accept", sorted(FORMATS))
def test_a_document_is_negotiated_by_accept_and_given_by_extension(published, key, accept):
    extension, media, _ = FORMATS[accept]
    negotiated = resolve("/doc/" + key, accept, published)
    assert negotiated.status == 200
    assert negotiated.content_type.split(";")[0] == media
    headers = _headers(negotiated)
    name = key.split("/")[1]
    assert headers["vary"] == "Accept, Accept-Language"
    assert headers["content-location"] == name + extension
    for alternate in (".html", ".en.html", ".ttl", ".jsonld", ".nt"):
        assert f"<{name}{alternate}>" in headers["link"]
    by_extension = resolve("/doc/" + key + extension, "", published)
    assert by_extension.status == 200 and by_extension.body == negotiated.body
    assert by_extension.content_type == negotiated.content_type


# Accept headers a client may send, with the extension `opendata serve` must choose (None: 406): the web
# servers' rules must choose the same (test_site_nginx.py, test_site_apache.py).
ACCEPTS = {
    "": ".html",
    "*/*": ".html",
    "text/*": ".html",
    "application/*": ".jsonld",
    "text/turtle;charset=utf-8": ".ttl",
    "TEXT/TURTLE": ".ttl",
    'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"': ".jsonld",
    "text/turtle;q=0.5, application/ld+json": ".jsonld",
    "text/html;q=0, text/turtle": ".ttl",
    "application/n-triples;q=0.2, text/turtle;q=0.8": ".ttl",
    "text/turtle;q=0.8, application/n-triples;q=0.85": ".nt",
    "text/turtle;q=0.85, application/n-triples;q=0.8": ".ttl",
    "application/rdf+xml, text/turtle;q=0.9, */*;q=0.1": ".ttl",
    "text/plain;q=0.3, text/*;q=0.2": ".nt",
    "text/turtle;q=0.001, application/rdf+xml": ".ttl",
    " ; q = 0.3 , text/turtle ; q = 0.4": ".ttl",
    "image/png": None,
    "application/rdf+xml": None,
    "text/turtle;q=0": None,
    "text/turtle;q=2": None,
    # a type refused with q=0 is never chosen through a wildcard (RFC 9110 12.5.1: the most specific
    # reference decides), nor its aliases (application/json is JSON-LD here)
    "text/html;q=0, */*": ".jsonld",
    "*/*;q=0.5, text/html;q=0, application/ld+json;q=0.0": ".ttl",
    "text/*, text/html ; q=0": ".ttl",
    "application/*;q=0.9, application/json;q=0": ".html",
    "text/*, text/html;q=0, text/turtle;q=0., text/plain;q=0": None,
}
# addresses below /id/ and /doc/ that are not a resource's: no 303, no negotiation (status with any Accept)
NOT_RESOURCES = {
    "/id/404": 404,
    "/id/overzicht/brieven": 404,
    "/id/zoeken": 404,
    "/id/catalogus/x": 404,
    "/id/brief/": 404,
    "/doc/zoeken": 404,
    "/doc/404": 404,
    "/doc/overzicht/brieven": 404,
    f"/doc/{JOINT_REACTION}.en": 404,
    f"/doc/{JOINT_REACTION}/": 404,
    "/doc": 301,
}


def test_q_values_wildcards_and_unacceptable_types_choose_as_the_web_servers_rules_do(published):
    """`opendata serve` negotiates as the generated nginx and Apache rules do: their patterns (PCRE,
    read here by Python's re) choose the same media range for every header of a few thousand."""
    import random
    import re

    from opendata.outputs.site.layout import ACCEPTED, negotiate
    from opendata.outputs.site.negotiation import accept_patterns, choice_patterns

    patterns = [re.compile(pattern, re.IGNORECASE) for pattern in accept_patterns(ACCEPTED)]
    choices = [(choice, re.compile(pattern, re.IGNORECASE)) for choice, pattern in choice_patterns(ACCEPTED)]

    def by_the_rules(accept: str) -> str | None:
        """The two steps of the rules: the media range chosen, then the file that range and the header give."""
        if not accept.strip():
            return ".html"
        found = next((m for m in (p.match(accept) for p in patterns) if m), None)
        if found is None:
            return None
        return next((c for c, pattern in choices if pattern.match(f"{found.group(1)}|{accept}")), None)

    kinds = [*ACCEPTED, "*/*", "text/*", "application/*", "image/png", "application/rdf+xml", "TEXT/Turtle"]
    qualities = ["", "", ";q=1", ";q=0", ";q=0.5", ";q=0.85", ";q=0.8", ";q=0.855", ";q=0.001", ";q=1.000"]
    qualities += [";q=2", ";q=.5", ";Q=0.7", " ; q = 0.3 ", ";q=0.1;x=y", ";charset=utf-8", ';p="a";q=0.4']
    qualities += [";q=0.0", ";q=0.000", " ; Q = 0 ", ";level=1;q=0", ";q=0;x=y"]  # refused by name
    rng = random.Random(14)
    headers = list(ACCEPTS) + [
        ", ".join(rng.choice(kinds) + rng.choice(qualities) for _ in range(rng.randint(1, 5)))
        for _ in range(3000)
    ]
    for accept in headers:
        assert negotiate(accept) == by_the_rules(accept), accept
    for accept, extension in ACCEPTS.items():
        assert negotiate(accept) == extension, accept
        answer = resolve("/id/" + JOINT_REACTION, accept, published)
        headers_ = _headers(answer)
        assert headers_["vary"] == "Accept"
        if extension is None:
            assert answer.status == 406
            assert resolve("/doc/" + JOINT_REACTION, accept, published).status == 406
        else:
            assert answer.status == 303
            document = resolve("/doc/" + JOINT_REACTION, accept, published)
            assert _headers(document)["content-location"].endswith(JOINT_REACTION.split("/")[1] + extension)


def test_only_a_resources_address_is_negotiated(published):
    """/id/ and /doc/ addresses that name no resource (an index, the 404 page itself, a key with a dot
    or a slash) get the helpful 404, not a 303 or a page; /doc gets its slash (its links are relative)."""
    for path, status in NOT_RESOURCES.items():
        for accept in ("", "text/turtle"):
            answer = resolve(path, accept, published)
            assert answer.status == status, (path, accept)
            if status == 404:
                assert b"/doc/zoeken.html" in answer.body, path
    assert _headers(resolve("/doc", "", published))["location"] == "/doc/"


# the publication's own things (model/iris.py), described in the catalog's files at base_url:
# their IRI -> 303 to the catalog in the format asked for, by the same negotiation as the resources'
CATALOG_THINGS = (
    "/id/catalogus",
    "/id/dataset/graaf",
    "/id/dienst/sparql",
    "/id/distributie/data/letters.csv",
)
CATALOG_ACCEPTS = {
    "": "/publicatie/index.html",
    "text/turtle": "/publicatie/catalog.ttl",
    "application/ld+json;q=0.9, application/rdf+xml": "/publicatie/catalog.rdf",
    "application/n-triples, application/*;q=0.5": "/publicatie/catalog.jsonld",
    "application/n-triples": None,
}
# files of the publication (outside doc/) -> their media type, as `opendata serve` gives it
PUBLISHED_FILES = (
    "graph.nt",
    "graph.nt.gz",
    "catalog.ttl",
    "catalog.rdf",
    "data/letters.csv",
    "datapackage.json",
    "vocabulary.md",
    "ldes/index.trig",
    "queries/busiest-correspondents.rq",
)


def test_the_catalogs_iris_answer_with_the_catalog_in_the_asked_format(published):
    """The catalog, its datasets, distributions and data service have IRIs under /id/ (model/iris.py);
    they answered 404 everywhere. Their description is the catalog, published at base_url."""
    catalog = rdflib.Graph().parse(published / "catalog.ttl")
    for path in CATALOG_THINGS:
        assert (rdflib.URIRef("https://data.leidseregio.example" + path), None, None) in catalog, path
        for accept, target in CATALOG_ACCEPTS.items():
            answer = resolve(path, accept, published)
            headers = _headers(answer)
            assert headers["vary"] == "Accept"
            if target is None:
                assert answer.status == 406, (path, accept)
            else:
                assert answer.status == 303 and headers["location"] == target, (path, accept)
                assert (published / target.removeprefix("/publicatie/")).is_file()


def test_opendata_serve_gives_the_publications_files_under_base_urls_path(published, tmp_path):
    """The catalog's download URLs are under base_url (/publicatie/), as nginx and Apache map them."""
    server = Server(published, tmp_path / "serve.log")
    try:
        for name in PUBLISHED_FILES:
            with urllib.request.urlopen(f"{server.url}/publicatie/{name}") as answer:
                assert answer.read() == (published / name).read_bytes(), name
        with urllib.request.urlopen(server.url + "/publicatie/") as answer:
            assert answer.read() == (published / "index.html").read_bytes()
        graph = rdflib.Graph().parse(server.url + "/id/dataset/graaf")  # 303 to /publicatie/catalog.ttl
        assert (rdflib.URIRef(ID + "dataset/graaf"), None, None) in graph
    finally:
        server.stop()


def publish_elsewhere(datasets: Path, out: Path) -> list[str]:
    """The seed published with IRIs under a path (https://data.leidseregio.example/lr/id/) and base_url
    on another host; the addresses a web server must answer as `opendata serve` does there."""
    config = datasets / "publication.yaml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "base_url: https://data.leidseregio.example/publicatie/", "base_url: https://cdn.example/pub/"
    )
    text = text.replace(
        "base_iri: https://data.leidseregio.example/id/", "base_iri: https://data.leidseregio.example/lr/id/"
    )
    config.write_text(text, encoding="utf-8")
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    return [
        f"/lr/id/{JOINT_REACTION}",
        f"/lr/doc/{JOINT_REACTION}",
        f"/lr/doc/{JOINT_REACTION}.ttl",
        "/lr/id/organisatie/gm0546",
        "/lr/id/catalogus",
        "/lr/id/brief/no-such-letter",
        "/lr/doc/zoeken",
        "/lr/doc",
        "/lr/doc/",
    ]


def test_iris_under_a_path_and_base_url_on_another_host(datasets_copy, tmp_path):
    out = tmp_path / "dist"
    paths = publish_elsewhere(datasets_copy, out)
    assert _headers(resolve(paths[0], "text/turtle", out))["location"] == f"/lr/doc/{JOINT_REACTION}.ttl"
    assert (
        _headers(resolve("/lr/id/catalogus", "text/turtle", out))["location"]
        == "https://cdn.example/pub/catalog.ttl"
    )
    assert _headers(resolve("/lr/doc", "", out))["location"] == "/lr/doc/"
    assert resolve("/lr/doc/", "", out).body == (out / "doc" / "index.html").read_bytes()


def _describe(store, iri: str, graph_nt: str) -> rdflib.Graph:
    """The endpoint's DESCRIBE of the thing, of its fragments (a signature, a selector) and of the
    fact-source statements about them with their fragments (described with the thing: describe.py)."""
    subjects = {line.split(" ", 1)[0][1:-1] for line in graph_nt.splitlines()}
    statements = {
        line.split(" ", 1)[0][1:-1]
        for line in graph_nt.splitlines()
        if f" <{RDF_SUBJECT}> <{iri}" in line and line.split(" ")[2][1:-1].split("#")[0] == iri
    }
    described = {s for s in subjects if s.split("#")[0] in statements | {iri}}
    values = " ".join(f"<{i}>" for i in sorted(described))
    result = run(store, f"DESCRIBE ?s WHERE {{ VALUES ?s {{ {values} }} }}")
    graph = rdflib.Graph()
    for triple in result:
        graph.parse(data=f"{triple} .", format="nt")
    return graph


@pytest.mark.parametrize("key", sorted(RESOURCES))
def test_each_description_is_isomorphic_to_the_endpoints_describe(published, key):
    store = load_store(published)
    expected = _describe(store, RESOURCES[key], (published / "graph.nt").read_text(encoding="utf-8"))
    assert len(expected) > 3
    for extension, fmt in ((".ttl", "turtle"), (".jsonld", "json-ld"), (".nt", "nt")):
        graph = rdflib.Graph().parse(data=(published / "doc" / (key + extension)).read_bytes(), format=fmt)
        assert isomorphic(graph, expected), (key, extension)


def test_unknown_addresses_get_the_helpful_404_page_and_unacceptable_formats_406(published):
    missing = resolve("/id/brief/no-such-letter", "text/turtle", published)
    assert missing.status == 404
    page = lxml.html.fromstring(missing.body)
    assert {a.get("href") for a in page.iter("a")} >= {
        "/doc/index.html",
        "/doc/overzicht/brieven.html",
        "/doc/zoeken.html",
    }
    assert resolve("/doc/brief/no-such-letter", "", published).status == 404
    assert resolve("/id/" + JOINT_REACTION, "image/png", published).status == 406
    assert resolve("/doc/../graph.nt", "", published).status == 404
    assert resolve("/sparql", "", published) is None


def test_the_404_page_links_only_by_absolute_paths_as_it_is_served_at_any_address(published):
    """The 404 page answers any address (/id/brief/x, /doc/a/b/c): a relative link on it resolves against
    that address. Its link to the other language was relative (404.en.html -> /id/brief/404.en.html)."""
    for page in ("404.html", "404.en.html"):
        tree = lxml.html.fromstring((published / "doc" / page).read_bytes())
        links = [link for _, attr, link, _ in tree.iterlinks() if attr in ("href", "src")]
        assert "/doc/" + ("404.en.html" if page == "404.html" else "404.html") in links
        for link in links:
            assert link.startswith(("/", "#", "data:")), (page, link)
            path = "" if link.startswith("data:") else urlsplit(link).path
            assert not path or (published / path.lstrip("/")).is_file(), (page, link)


def _statements(published: Path) -> dict[str, str]:
    """Every fact-source statement of the publication -> the IRI of the record it is about."""
    graph = _graph(published)
    return {str(s): str(o).split("#")[0] for s, o in graph.subject_objects(rdflib.RDF.subject)}


def test_a_statements_iri_gives_303_to_its_records_document_where_it_is_described(published):
    statements = _statements(published)
    assert len(statements) > 400 and not (published / "doc" / "bron").exists()
    records = {record: key for key, record in RESOURCES.items()}
    described: dict[str, tuple[rdflib.Graph, set[str]]] = {}  # document -> its triples, its anchors
    for number, (statement, record) in enumerate(sorted(statements.items())):
        key = statement.removeprefix(ID)
        document = records.get(record) or record.removeprefix(ID)
        every_format = sorted(FORMATS.items())
        for accept, (extension, _, _) in every_format if number % 20 == 0 else every_format[:1]:
            answer = resolve("/id/" + key, accept, published)
            assert answer.status == 303, (statement, accept)
            headers = _headers(answer)
            fragment = "#" + key.replace("/", "-")
            wanted = f"/doc/{document}" + (fragment if extension == ".html" else extension)
            assert headers["location"] == wanted and headers["vary"] == "Accept"
        if document not in described:
            page = lxml.html.fromstring((published / "doc" / (document + ".html")).read_bytes())
            described[document] = (
                rdflib.Graph().parse(published / "doc" / (document + ".nt"), format="nt"),
                {element.get("id") for element in page.iter("h3")},
            )
        graph, anchors = described[document]
        assert (rdflib.URIRef(statement), rdflib.RDF.subject, None) in graph
        assert key.replace("/", "-") in anchors
    # a statement the graph does not hold, though its key names a record that exists
    missing = f"/id/bron/{JOINT_REACTION.replace('/', '-')}-title-99"
    assert resolve(missing, "text/turtle", published).status == 404


FORMER_EXTENSIONS = ("", ".html", ".en.html", ".ttl", ".jsonld", ".nt")


def former_documents(published: Path) -> list[tuple[str, str]]:
    """(former document address, where it moved) for every statement, in every format a document
    had before statements were described in their records' documents: one format per statement,
    every format for one in twenty."""
    records = {record: key for key, record in RESOURCES.items()}
    moves = []
    for number, (statement, record) in enumerate(sorted(_statements(published).items())):
        key, document = statement.removeprefix(ID), records.get(record) or record.removeprefix(ID)
        chosen = FORMER_EXTENSIONS if number % 20 == 0 else FORMER_EXTENSIONS[number % 6 : number % 6 + 1]
        for extension in chosen:
            fragment = "#" + key.replace("/", "-") if extension in ("", ".html", ".en.html") else ""
            moves.append((f"/doc/{key}{extension}", f"/doc/{document}{extension}{fragment}"))
    return moves


def linked_data_client_reads_every_iri(base: str, published: Path) -> None:
    """rdflib as a Linked Data client at a web server serving the publication: each resource's IRI
    (303, negotiation) gives its described graph, the thing itself among its subjects."""
    for key, iri in sorted(RESOURCES.items()):
        graph = rdflib.Graph().parse(f"{base}/id/{key}")
        expected = rdflib.Graph().parse(published / "doc" / (key + ".ttl"), format="turtle")
        assert isomorphic(graph, expected) and (rdflib.URIRef(iri), None, None) in graph


def test_a_statements_former_document_moved_permanently_to_its_records_document(published):
    moves = former_documents(published)
    assert len(moves) > 400
    for former, target in moves:
        answer = resolve(former, "text/turtle", published)
        assert answer.status == 301 and _headers(answer)["location"] == target, former
        assert resolve(target.split("#")[0], "text/turtle", published).status == 200
    # the key names a record that exists, but no statement of the graph
    invented = f"/doc/bron/{JOINT_REACTION.replace('/', '-')}-title-99"
    for extension in FORMER_EXTENSIONS:
        assert resolve(invented + extension, "", published).status == 404
    assert resolve("/doc/bron/brief-no-such-letter-title-1.ttl", "", published).status == 404


def _answer(path: str, published: Path, accept: str = "text/html") -> tuple[int, str]:
    """The final status and path of a GET of `path`, following the site's redirects."""
    for _ in range(3):
        answer = resolve(path, accept, published)
        if answer is None:  # not the site's: a file of the publication
            return (200 if (published / unquote(path).lstrip("/")).is_file() else 404), path
        if answer.status not in (301, 303):
            return answer.status, path
        path = urlsplit(_headers(answer)["location"]).path
    return 310, path


def test_every_iri_of_the_graph_and_every_link_of_every_page_answers(published):
    """No dead end: each IRI the graph mints (the things and their fragments) gives a page and a
    description, and each link on each page, with its fragment, lands on an element of its page."""
    iris = {str(term).split("#")[0] for term in _graph(published).all_nodes() if str(term).startswith(ID)}
    assert len(iris) > 400
    for iri in sorted(iris):
        for accept in ("text/html", "text/turtle"):
            assert _answer(urlsplit(iri).path, published, accept)[0] == 200, (iri, accept)
    pages, dead = sorted((published / "doc").rglob("*.html")), []
    assert len(pages) > 150
    trees = {"/" + page.relative_to(published).as_posix(): lxml.html.parse(str(page)) for page in pages}
    ids = {path: [e.get("id") for e in tree.iter() if e.get("id")] for path, tree in trees.items()}
    assert not [(path, found) for path, found in ids.items() if len(set(found)) < len(found)]
    for path_here, tree in trees.items():
        here = "http://site" + path_here
        for element in tree.iter():
            target = urlsplit(urljoin(here, element.get("href") or element.get("src") or ""))
            if target.netloc != "site" or target.geturl() == here:
                continue
            status, path = _answer(target.path, published)
            if status != 200:
                dead.append((path_here, target.geturl(), status))
            elif target.fragment and unquote(target.fragment) not in ids.get(path, ()):
                dead.append((path_here, target.geturl(), "no such id"))
    assert not dead, dead[:10]


def test_opendata_serve_dereferences_iris_for_people_and_linked_data_clients(published, tmp_path):
    server = Server(published, tmp_path / "serve.log")
    try:

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        request = urllib.request.Request(
            server.url + "/id/" + JOINT_REACTION, headers={"Accept": "text/turtle"}
        )
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(request)
        assert redirect.value.code == 303
        assert redirect.value.headers["Location"] == f"/doc/{JOINT_REACTION}.ttl"
        for key, iri in sorted(RESOURCES.items()):
            graph = rdflib.Graph().parse(server.url + "/id/" + key)  # rdflib follows the 303 and negotiates
            assert (rdflib.URIRef(iri), None, None) in graph, key
        statement = (
            ID + "bron/" + JOINT_REACTION.replace("/", "-") + "-date-sent-1"
        )  # in the letter's document
        graph = rdflib.Graph().parse(server.url + "/id/" + statement.removeprefix(ID))
        assert (rdflib.URIRef(statement), rdflib.RDF.subject, rdflib.URIRef(ID + JOINT_REACTION)) in graph
        with urllib.request.urlopen(server.url + "/id/" + JOINT_REACTION) as page:
            assert page.headers["Content-Type"].startswith("text/html")
            assert b"Reactie gemeenten Leidse regio" in page.read()
    finally:
        server.stop()


def _graph(published: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(published / "graph.nt", format="nt")


def test_the_joint_reactions_page_highlights_each_positions_passage_at_its_exact_offsets(published):
    graph = _graph(published)
    letter = rdflib.URIRef(ID + JOINT_REACTION)
    text = (published / "tekst" / "reactie-leidse-regio-2019-06-11.txt").read_text(encoding="utf-8")
    page = lxml.html.parse(str(published / "doc" / (JOINT_REACTION + ".html"))).getroot()
    marks = page.xpath('//pre[@class="letter-text"]//a[@class="evidence"]')
    positions = sorted(graph.objects(letter, rdflib.URIRef(ODNL + "states")))
    assert len(positions) == 5
    query = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX odnl: <https://w3id.org/opendata-nl/def#>
        SELECT ?exact ?start ?end WHERE { ?p odnl:evidence ?e . ?e oa:hasSelector ?q, ?r .
        ?q oa:exact ?exact . ?r oa:start ?start ; oa:end ?end . }"""
    for position in positions:
        exact, start, end = next(iter(graph.query(query, initBindings={"p": position})))
        key = str(position).rsplit("/", 1)[1]
        highlighted = "".join(m.text_content() for m in marks if key in m.get("data-positions", "").split())
        assert highlighted == str(exact) == text[int(start) : int(end)], key
        assert any(
            m.get("href") == f"../uitspraak/{key}.html"
            for m in marks
            if key in m.get("data-positions", "").split()
        )
    assert "".join(m.text_content() for m in page.xpath('//pre[@class="letter-text"]')) == text


def test_each_letter_page_marks_where_each_fact_was_read_and_links_both_ways(published):
    """A fact's source statement (the date, the sender… read at offsets of the letter's own text) is
    marked at exactly those offsets; the mark links to the statement's part of the page, and that
    part links back to the passage. Passages of another letter's text are not marked here."""
    graph = _graph(published)
    query = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX odnl: <https://w3id.org/opendata-nl/def#>
        PREFIX schema: <https://schema.org/>
        SELECT ?letter ?text ?statement ?start ?end WHERE { ?letter a schema:Message ; schema:encoding ?text .
        ?statement odnl:evidence ?e . ?e oa:hasSource ?text ; oa:hasSelector ?r . ?r oa:start ?start ; oa:end ?end .
        FILTER(STRSTARTS(STR(?statement), CONCAT(REPLACE(STR(?letter), "/brief/", "/bron/brief-"), "-"))) }"""
    rows = list(graph.query(query))
    assert len({row.letter for row in rows}) == 2 and len(rows) >= 12  # the two letters with a text
    pages: dict[str, lxml.html.HtmlElement] = {}
    for letter, _, statement, start, end in rows:
        key = str(letter).removeprefix(ID)
        page = pages.get(key)
        if page is None:
            page = pages[key] = lxml.html.parse(str(published / "doc" / (key + ".html"))).getroot()
        text = (published / "tekst" / (key.split("/")[1] + ".txt")).read_text(encoding="utf-8")
        anchor = str(statement).removeprefix(ID).replace("/", "-")
        [pre] = page.xpath('//pre[@class="letter-text"]')
        marked = [e for e in pre.iter("a") if anchor in e.get("data-sources", "").split()]
        assert "".join(e.text_content() for e in marked) == text[int(start) : int(end)], anchor
        for link in (e for e in marked if e.get("class") == "source"):  # to the first fact read there
            assert link.get("href")[1:] in link.get("data-sources").split() and link.get("title")
        assert page.xpath(f'//h3[@id="{anchor}"]') and pre.xpath(f'.//span[@id="tekst-{anchor}"]')
        assert page.xpath(f'//section//p/a[@href="#tekst-{anchor}"]'), anchor
        assert "".join(pre.itertext()) == text


def test_a_positions_page_shows_its_passage_in_the_letters_text_around_it(published):
    """The quote in its context (issue 14): the passage marked at its offsets in the published text,
    with up to CONTEXT characters around it cut at a space, linked to the passage on the letter's page."""
    from opendata.outputs.site.pages import CONTEXT

    key = "reactie-bestuurlijk-leerproces"
    graph = _graph(published)
    query = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX odnl: <https://w3id.org/opendata-nl/def#>
        SELECT ?start ?end WHERE { ?p odnl:evidence/oa:hasSelector ?r . ?r oa:start ?start ; oa:end ?end . }"""
    start, end = (
        int(v)
        for v in next(iter(graph.query(query, initBindings={"p": rdflib.URIRef(ID + "uitspraak/" + key)})))
    )
    text = (published / "tekst" / (JOINT_REACTION.split("/")[1] + ".txt")).read_text(encoding="utf-8")
    for suffix in (".html", ".en.html"):
        page = lxml.html.parse(str(published / "doc" / "uitspraak" / (key + suffix))).getroot()
        [pre] = page.xpath('//pre[@class="letter-text"]')
        [link] = pre.xpath(".//a")
        assert link.text_content() == text[start:end]
        assert link.get("href") == f"../{JOINT_REACTION}{suffix}#bewijs-{key}"
        before, after = pre.text, link.tail
        assert before.startswith("…") and text[:start].endswith(before[1:]) and len(before) <= CONTEXT + 1
        assert after.endswith("…") and text[end:].startswith(after[:-1]) and len(after) <= CONTEXT + 1
        assert len(before) > CONTEXT / 2 and len(after) > CONTEXT / 2


def test_leidens_page_lists_its_memberships_with_the_periods_the_graph_gives(published):
    graph = _graph(published)
    query = """PREFIX org: <http://www.w3.org/ns/org#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX time: <http://www.w3.org/2006/time#>
        SELECT ?name ?start ?end WHERE { ?m org:member ?leiden ; org:organization ?o . ?o skos:prefLabel ?name .
        OPTIONAL { ?m org:memberDuring/time:hasBeginning/time:inXSDDate ?start }
        OPTIONAL { ?m org:memberDuring/time:hasEnd/time:inXSDDate ?end } }"""
    expected = {
        (str(n), str(s or ""), str(e or ""))
        for n, s, e in graph.query(query, initBindings={"leiden": rdflib.URIRef(TOOI_LEIDEN)})
    }
    names = {name for name, _, _ in expected}
    assert {"Leidse regio", "Holland Rijnland"} <= {n.split(" (")[0] for n in names} or (
        any("Leidse regio" in n for n in names) and any("Holland Rijnland" in n for n in names)
    )
    page = lxml.html.parse(str(published / "doc" / "organisatie" / "gm0546.html")).getroot()
    section = next(s for s in page.iter("section") if s.findtext("h2") == "Lidmaatschappen")
    items = [li.text_content() for li in section.iter("li")]
    for name, start, end in expected:
        item = next(i for i in items if i.startswith(name))
        if start:
            assert f"vanaf {start}" in item
        if end:
            assert f"tot en met {end}" in item
        if not (start or end):
            assert "periode niet bekend" in item


def test_each_membership_page_is_linked_from_the_pages_of_its_member_and_its_organisation(published):
    """A membership's page was reached only through a fact source's statement: memberships without
    sources (every one of a 300-letter synthetic corpus: 2,006 pages) were linked from no page."""
    graph = _graph(published)
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    memberships = set(graph.subjects(rdflib.RDF.type, org.Membership))
    assert len(memberships) > 10
    for membership in memberships:
        key = str(membership).removeprefix(ID)
        for side in (org.member, org.organization):
            other = str(graph.value(membership, side))
            page_key = RESOURCES.get(other) or "organisatie/" + other.rstrip("/").rsplit("/", 1)[1]
            for suffix in (".html", ".en.html"):
                page = lxml.html.parse(str(published / "doc" / (page_key + suffix))).getroot()
                hrefs = {a.get("href") for section in page.iter("section") for a in section.iter("a")}
                assert f"../{key}{suffix}" in hrefs, (page_key + suffix, key)


def test_pages_exist_for_every_kind_with_schema_org_and_both_languages(published):
    doc = published / "doc"
    for key, kind in (
        (JOINT_REACTION, ["Message", "DigitalDocument"]),
        ("organisatie/gm0546", "GovernmentOrganization"),
        ("thema/bestuurlijke-samenwerking-leidse-regio", "DefinedTerm"),
        ("uitspraak/reactie-bestuurlijk-leerproces", "Quotation"),
        ("bijeenkomst/gesprek-gedeputeerde-2019-04-18", "Event"),
        ("persoon/j-baljeu", "Person"),
    ):
        for suffix, lang in ((".html", "nl"), (".en.html", "en")):
            page = lxml.html.parse(str(doc / (key + suffix))).getroot()
            assert page.get("lang") == lang
            data = json.loads(page.xpath('//script[@type="application/ld+json"]')[0].text)
            assert data["@type"] == kind and data["@id"].endswith(key.split("/")[1])
    for index in (
        "index",
        "overzicht/brieven",
        "overzicht/brieven-2019-06",
        "overzicht/organisaties",
        "overzicht/themas",
        "overzicht/netwerk",
        "zoeken",
        "404",
    ):
        assert (doc / f"{index}.html").is_file() and (doc / f"{index}.en.html").is_file()
    assert (doc / "pagefind" / "pagefind-ui.js").is_file()
    landing = lxml.html.parse(str(published / "index.html")).getroot()
    hrefs = {a.get("href") for a in landing.iter("a")}
    assert {"doc/index.html", "doc/overzicht/brieven.html", "doc/zoeken.en.html"} <= hrefs
    assert (published / "webserver" / "nginx-server.conf").is_file() and (published / ".htaccess").is_file()


def test_hostile_text_in_the_sources_stays_text_on_every_page(datasets_copy, tmp_path):
    letter = next(datasets_copy.glob("letters/reactie-leidse-regio-2019-06-11.yaml"))
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    record = yaml.safe_load(letter.read_text(encoding="utf-8"))
    record["title"] = hostile
    letter.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "dist"
    result = run_main(
        "publish", "--datasets", str(datasets_copy), "--out", str(out), "--cache", str(tmp_path / "cache")
    )
    assert result.returncode == 0, result.stderr
    for page in sorted((out / "doc").rglob("*.html")):
        content = page.read_text(encoding="utf-8")
        assert "<script>alert" not in content and "<img src=x" not in content, page
    html = (out / "doc" / (JOINT_REACTION + ".html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _unpacked(path: Path) -> bytes:
    """A file's bytes; Pagefind's index files are gzip streams, read unpacked too."""
    data = path.read_bytes()
    if path.suffix in (".pf_fragment", ".pf_index", ".pf_meta"):
        return data + gzip.decompress(data)
    return data


def test_a_person_who_is_not_public_is_on_no_page_picture_or_search_index(tmp_path):
    from .test_privacy import SECRETS, private_dataset

    datasets = private_dataset(tmp_path / "datasets")
    out = tmp_path / "dist"
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    files = sorted(p for p in (out / "doc").rglob("*") if p.is_file())
    assert any(p.suffix == ".pf_fragment" for p in files) and any(
        p.name.endswith(".tijdlijn.json") for p in files
    )
    leaks = [(p.name, s) for p in files for s in SECRETS if s in _unpacked(p)]
    assert leaks == []
    page = lxml.html.parse(str(out / "doc" / "brief" / "reactie-leiden.html")).getroot()
    signed = next(s for s in page.iter("section") if s.findtext("h2") == "Ondertekend door")
    assert "(naam niet openbaar)" in signed.text_content()


def test_two_publishes_of_the_same_sources_give_the_same_site_bytes(published, tmp_path):
    again = tmp_path / "dist"
    result = run_main(
        "publish", "--datasets", str(DATASETS), "--out", str(again), "--cache", str(tmp_path / "cache")
    )
    assert result.returncode == 0, result.stderr

    def site_files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for folder in ("doc", "webserver")
            for p in sorted((root / folder).rglob("*"))
            if p.is_file()
        }

    first, second = site_files(published), site_files(again)
    assert len(first) > 400 and first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_pages_written_by_worker_processes_equal_those_written_in_one(tmp_path, monkeypatch):
    from opendata.outputs import ntriples, texts
    from opendata.outputs.site import writer
    from opendata.publish import pipeline

    publication = pipeline.build(DATASETS, cache_dir=tmp_path / "cache").publication
    trees = []
    for name, parallel_from in (("one", 10**9), ("workers", 0)):
        out = tmp_path / name
        out.mkdir()
        ntriples.write(publication, out)
        texts.write(publication, out)
        monkeypatch.setattr(writer, "PARALLEL_FROM", parallel_from)
        monkeypatch.setattr(writer, "worker_count", lambda: 2)
        monkeypatch.setattr(writer, "BATCH", 7)
        writer.write(publication, out)
        trees.append(
            {
                p.relative_to(out).as_posix(): p.read_bytes()
                for p in sorted((out / "doc").rglob("*"))
                if p.is_file()
            }
        )
    assert len(trees[0]) > 400 and trees[0] == trees[1]


def test_the_manifest_takes_the_digests_of_pages_from_the_workers_that_wrote_them(tmp_path, monkeypatch):
    """Pages written in worker processes are hashed there as they are written; the manifest takes
    those digests and reads none of the pages again, and it is right: read afresh, every file
    matches it."""
    from opendata.outputs import digests
    from opendata.outputs.site import writer
    from opendata.publish import pipeline, switch

    monkeypatch.setattr(writer, "PARALLEL_FROM", 0)
    monkeypatch.setattr(writer, "worker_count", lambda: 2)
    monkeypatch.setattr(writer, "BATCH", 7)
    out = tmp_path / "dist"
    outcome = pipeline.publish(DATASETS, out, cache_dir=tmp_path / "cache")
    assert outcome.exit_code == 0
    files = [p for p in out.rglob("*") if p.is_file()]
    pages = [p for p in files if "doc" in p.parts and p.suffix in (".html", ".ttl", ".jsonld", ".nt")]
    page_bytes = sum(p.stat().st_size for p in pages)
    assert len(pages) > 400
    assert outcome.counts["hashed_bytes"] <= sum(p.stat().st_size for p in files) - page_bytes
    monkeypatch.setattr(digests, "_DIGESTS", {})  # nothing remembered: verify reads every file
    assert switch.verify(out.resolve()) == []


def test_what_a_letters_worker_prepares_for_the_site_is_what_the_site_makes_of_its_triples(
    tmp_path, monkeypatch
):
    """The site learns each letter's facts, and digests its resources' triples, in the letters'
    workers (cached with its unit). Both must be what the site makes of the letter's published
    triples, and the site must use them as they are."""
    from opendata.outputs.site import writer
    from opendata.outputs.site.describe import group, parse
    from opendata.outputs.site.facts import learn_letter
    from opendata.publish import pipeline

    publication = pipeline.build(DATASETS, cache_dir=tmp_path / "cache").publication
    site = writer.SiteWriter(publication, tmp_path)
    for unit in publication.letters:
        cached = unit.part(writer.NAME)
        key = site._letter_key(unit.key)
        triples = parse(unit.nt)
        assert isinstance(cached, writer.LetterSite)
        assert cached.learned == learn_letter(site.layout.id_base + key, triples, site.layout)
        assert cached.digests == writer.resource_digests(unit.nt, group(triples, site.layout), key)
        assert key in cached.digests
    monkeypatch.setattr(writer, "learn_letter", None)  # the site writes with the cached parts as they are
    monkeypatch.setattr(writer, "resource_digests", None)
    out = tmp_path / "out"
    out.mkdir()
    writer.write(publication, out)
    assert (out / "doc" / f"{site._letter_key(publication.letters[0].key)}.html").is_file()
    assert len(publication.letters) == 3
    assert max(len(u.part(writer.NAME).digests) for u in publication.letters) > 1  # positions too


class _PoolInThisProcess:
    """A process pool's contract in this process: the worker's state and every batch cross a pickle,
    as they cross the process boundary, so what a worker is given (and not given) is tested. A batch
    runs when its result is asked for: until then the worker is busy with it."""

    started: ClassVar[list[int]] = []  # the number of workers of each pool started
    initargs: ClassVar[list[tuple]] = []  # what each pool was given to start its workers with

    def __init__(self, workers, mp_context=None, initializer=None, initargs=()):
        self.started.append(workers)
        self.initargs.append(initargs)
        initializer(*(pickle.loads(pickle.dumps(arg)) for arg in initargs))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def submit(self, function, item):
        return _Later(lambda: pickle.loads(pickle.dumps(function(pickle.loads(pickle.dumps(item))))))


class _Later:
    def __init__(self, work):
        self.work = work

    def done(self) -> bool:
        return False

    def result(self):
        return self.work()


def _same_files(a: Path, b: Path) -> bool:
    """Whether two folders hold the same files with the same bytes."""
    files = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    if files != {p.relative_to(b) for p in b.rglob("*") if p.is_file()}:
        return False
    return all((a / name).read_bytes() == (b / name).read_bytes() for name in files)


def test_the_main_process_renders_beside_one_worker_fewer(tmp_path, monkeypatch):
    """Each worker holds a copy of the facts: on two cores one worker renders, and this process takes
    the batches while the worker has enough to do. The site equals one rendered in this process."""
    from opendata.outputs.site import writer
    from opendata.publish import pipeline

    monkeypatch.setattr(writer, "PARALLEL_FROM", 0)
    monkeypatch.setattr(writer, "worker_count", lambda: 2)
    monkeypatch.setattr(writer, "BATCH", 5)
    monkeypatch.setattr(writer, "ProcessPoolExecutor", _PoolInThisProcess)
    _PoolInThisProcess.started = []
    in_main: list[int] = []
    real_run = writer.PageWriter.run

    def run(self, task, record=None, known=None, spare=None):
        if record is None:  # not given a batch's record: this process's own writer
            in_main.append(len(task))
        return real_run(self, task, record, known, spare)

    monkeypatch.setattr(writer.PageWriter, "run", run)
    shared = pipeline.publish(DATASETS, tmp_path / "shared", cache_dir=tmp_path / "cache")
    assert shared.exit_code == 0 and _PoolInThisProcess.started == [1] and sum(in_main) > 0
    monkeypatch.setattr(writer, "PARALLEL_FROM", 10**9)  # one process renders it all
    alone = pipeline.publish(DATASETS, tmp_path / "alone", cache_dir=tmp_path / "cache2")
    assert alone.exit_code == 0
    assert _same_files((tmp_path / "shared").resolve() / "doc", (tmp_path / "alone").resolve() / "doc")


class _NoPool:
    def __init__(self, *args, **kwargs):
        raise AssertionError("a small change needs no worker processes")


def test_after_a_small_change_the_unchanged_are_linked_without_starting_workers(
    datasets_copy, tmp_path, monkeypatch
):
    """A worker would need a copy of every letter's facts: after a one-letter change the main
    process links the unchanged resources itself and renders the few left, with no workers; the
    site equals a build from scratch."""
    from opendata.outputs.site import writer
    from opendata.publish import pipeline

    monkeypatch.setattr(writer, "PARALLEL_FROM", 20)  # tasks: the seed has some 200
    monkeypatch.setattr(writer, "worker_count", lambda: 2)
    monkeypatch.setattr(writer, "ProcessPoolExecutor", _PoolInThisProcess)
    out, cache = tmp_path / "dist", tmp_path / "cache"
    assert pipeline.publish(datasets_copy, out, cache_dir=cache).exit_code == 0
    old = out.resolve()
    letter = datasets_copy / "letters" / "reactie-leidse-regio-2019-06-11.yaml"
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8"
    )
    rendered: list[str] = []
    real = writer.PageWriter._write
    monkeypatch.setattr(
        writer.PageWriter, "_write", lambda self, key, *rest: rendered.append(key) or real(self, key, *rest)
    )
    monkeypatch.setattr(writer, "ProcessPoolExecutor", _NoPool)
    assert pipeline.publish(datasets_copy, out, cache_dir=cache).exit_code == 0
    new = out.resolve()
    assert "brief/reactie-leidse-regio-2019-06-11" in rendered and 0 < len(rendered) < 50  # of some 500
    pages = {p.relative_to(new).as_posix(): p for p in (new / "doc").rglob("*") if p.is_file()}
    linked = [n for n, p in pages.items() if (old / n).is_file() and p.samefile(old / n)]
    assert len(linked) > len(pages) // 2
    monkeypatch.setattr(writer, "ProcessPoolExecutor", _PoolInThisProcess)
    scratch = tmp_path / "scratch"
    assert pipeline.publish(datasets_copy, scratch, cache_dir=tmp_path / "cache-scratch").exit_code == 0
    fresh = {
        p.relative_to(scratch.resolve()).as_posix(): p.read_bytes()
        for p in (scratch.resolve() / "doc").rglob("*")
        if p.is_file()
    }
    assert {n: p.read_bytes() for n, p in pages.items()} == fresh


def test_the_workers_start_from_a_file_that_leaves_no_trace(tmp_path, monkeypatch):
    """The page writer (with the facts of every resource) reaches the workers through a file: the pool
    is given its path, not its pickled bytes, which it would hold while every page is rendered; the
    file is gone from the build once the pages are written."""
    from opendata.outputs.site import writer
    from opendata.publish import pipeline

    monkeypatch.setattr(writer, "PARALLEL_FROM", 0)
    monkeypatch.setattr(writer, "worker_count", lambda: 2)
    monkeypatch.setattr(writer, "BATCH", 5)
    monkeypatch.setattr(writer, "ProcessPoolExecutor", _PoolInThisProcess)
    _PoolInThisProcess.initargs = []
    result = pipeline.publish(DATASETS, tmp_path / "dist", cache_dir=tmp_path / "cache")
    assert result.exit_code == 0
    (state,) = _PoolInThisProcess.initargs
    assert [type(arg) for arg in state] == [str] and not Path(state[0]).exists()
    assert not list((tmp_path / "dist").resolve().rglob(".site-writer-*"))


def test_a_letters_n_triples_are_read_when_its_batch_is_rendered(tmp_path, monkeypatch):
    """With a cache the letters' parts stay on disk: the site reads a letter's N-Triples for the batch
    that renders it, not every letter's before the first page (which held them all in memory)."""
    from opendata.outputs.site import writer
    from opendata.publish import pipeline, stored_parts

    sources = tmp_path / "sources"
    made = run_main("synth", "--letters", "12", "--out", str(sources), "--seed", "5", "--provinces", "pv24")
    assert made.returncode == 0, made.stderr
    monkeypatch.setattr(writer, "PARALLEL_FROM", 10**9)  # one process: the reads are counted here
    monkeypatch.setattr(writer, "BATCH", 2)
    reads: list[str] = []
    read_part = stored_parts.StoredParts.__getitem__
    monkeypatch.setattr(
        stored_parts.StoredParts,
        "__getitem__",
        lambda self, name: reads.append(name) or read_part(self, name),
    )
    seen_at_batch: list[tuple[int, int]] = []  # (letters in the batches so far, N-Triples read by then)
    real_run, real_write = writer.PageWriter.run, writer.SiteWriter.write
    letters = 0

    def write(self):
        reads.clear()
        real_write(self)

    def run(self, task, record=None, known=None, spare=None):
        nonlocal letters
        letters += sum(kind == "letter" for kind, *_ in task)
        seen_at_batch.append((letters, reads.count("nt")))
        return real_run(self, task, record, known, spare)

    monkeypatch.setattr(writer.SiteWriter, "write", write)
    monkeypatch.setattr(writer.PageWriter, "run", run)
    assert pipeline.publish(sources, tmp_path / "dist", cache_dir=tmp_path / "cache").exit_code == 0
    assert letters == 12 and seen_at_batch[-1] == (12, 12)
    assert all(read <= rendered for rendered, read in seen_at_batch)


def test_the_entries_kept_for_the_record_share_one_tuple_per_read(tmp_path, monkeypatch):
    """Every page notes its reads as tuples of its own, and a worker's batch arrives with its own
    strings: the entries held until the record is saved share one tuple per distinct read (at 100,000
    letters millions of reads of some hundred thousand distinct ones)."""
    from opendata.outputs.site import inputs, writer
    from opendata.publish import pipeline

    monkeypatch.setattr(writer, "PARALLEL_FROM", 0)
    monkeypatch.setattr(writer, "worker_count", lambda: 2)
    monkeypatch.setattr(writer, "BATCH", 5)
    monkeypatch.setattr(writer, "ProcessPoolExecutor", _PoolInThisProcess)
    saved: list[dict] = []
    real_save = inputs.save
    monkeypatch.setattr(
        inputs, "save", lambda folder, entries: saved.append(entries) or real_save(folder, entries)
    )
    assert pipeline.publish(DATASETS, tmp_path / "dist", cache_dir=tmp_path / "cache").exit_code == 0
    reads = [read for entry in saved[0].values() for read in entry.reads]
    assert len(reads) > 1.5 * len(set(reads))  # reads repeat: the test has something to share
    assert len({id(read) for read in reads}) == len(set(reads))
