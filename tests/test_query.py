"""`opendata query`: the example queries and inline SPARQL over dist/, in every output format."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
from xml.etree import ElementTree

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from opendata.query.store import CELL_MAX, code_only, is_update, load_store, prefixes, query_command

from .conftest import ROOT, run_cli

MEMBERS = ROOT / "docs" / "queries" / "leidse-regio-members.rq"
GEMEENTE = "https://identifier.overheid.nl/tooi/id/gemeente/"
LEIDSE_REGIO = {GEMEENTE + c for c in ("gm0546", "gm0547", "gm0579", "gm0626", "gm0638")}
EVENTS = (
    "CONSTRUCT { ?e a <https://schema.org/Event> ; <https://schema.org/startDate> ?d } "
    "WHERE { ?e a <https://schema.org/Event> ; <https://schema.org/startDate> ?d }"
)


def _query(published, *args: str) -> tuple[int, bytes, str]:
    """Run query_command in-process: (exit code, stdout bytes, stderr text)."""
    out, err = io.BytesIO(), io.StringIO()
    code = query_command(args[0], published, args[1] if len(args) > 1 else "table", out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_query_file_prints_a_readable_table(published):
    result = run_cli("query", str(MEMBERS), "--dist", str(published))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [cell.strip() for cell in lines[0].split("|")] == ["member", "name", "role"]
    assert (
        "gemeente Leiden " in result.stdout and "odnl:lid" in result.stdout
    )  # IRIs shortened with the prefixes
    assert lines[-1] == "(5 rows)"


def test_an_example_query_by_name_and_json_results(published):
    result = run_cli("query", "leidse-regio-members", "--dist", str(published), "--format", "json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["head"]["vars"] == ["member", "name", "role"]
    assert {b["member"]["value"] for b in answer["results"]["bindings"]} == LEIDSE_REGIO


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xml", "json"])
def test_the_standard_results_formats_match_pyoxigraph(published, fmt):
    code, data, err = _query(published, str(MEMBERS), fmt)
    assert code == 0, err
    formats = {
        "csv": pyoxigraph.QueryResultsFormat.CSV,
        "tsv": pyoxigraph.QueryResultsFormat.TSV,
        "xml": pyoxigraph.QueryResultsFormat.XML,
        "json": pyoxigraph.QueryResultsFormat.JSON,
    }
    expected = load_store(published).query(MEMBERS.read_text(encoding="utf-8")).serialize(format=formats[fmt])
    assert data == expected
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        assert {row["member"] for row in rows} == LEIDSE_REGIO
    if fmt == "xml":
        names = ElementTree.fromstring(data).iter("{http://www.w3.org/2005/sparql-results#}variable")
        assert [v.get("name") for v in names] == ["member", "name", "role"]


@pytest.mark.parametrize(
    "fmt,rdflib_format",
    [("turtle", "turtle"), ("ntriples", "nt"), ("table", "turtle"), ("rdfxml", "xml"), ("jsonld", "json-ld")],
)
def test_construct_gives_rdf(published, fmt, rdflib_format):
    code, data, err = _query(published, EVENTS, fmt)
    assert code == 0, err
    got = rdflib.Graph().parse(data=data.decode("utf-8"), format=rdflib_format)
    expected = rdflib.Graph()
    for triple in rdflib.Graph().parse(published / "graph.nt", format="nt").query(EVENTS):  # another engine
        expected.add(triple)
    assert len(expected) >= 6 and isomorphic(got, expected)


def test_ask_and_stdin(published, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("ASK { ?s a <https://schema.org/Event> }"))
    assert _query(published, "-")[:2] == (0, b"yes\n")
    assert json.loads(_query(published, "ASK { ?s a <urn:x:Nothing> }", "json")[1]) == {
        "head": {},
        "boolean": False,
    }


def test_a_syntax_error_gives_line_and_column_and_exit_2(published):
    result = run_cli("query", "SELECT * WHERE {\n  ?s ?p\n}", "--dist", str(published))
    assert result.returncode == 2
    assert result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith("<query>:2:3:") and "SPARQL syntax error: expected" in first
    bad = published.parent / "bad.rq"
    bad.write_text("PREFIX x: <http://x/>\nSELECT ?a WHERE { ?a x:b ?c . FILTER(?c = ) }\n", encoding="utf-8")
    code, _, err = _query(published, str(bad))
    assert code == 2 and err.startswith(f"{bad}:2:") and "^" in err


def test_update_is_not_run_and_says_why(published):
    code, out, err = _query(published, "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }")
    assert (code, out) == (2, b"") and "only reads" in err


def test_wrong_format_missing_file_or_publication_exit_2(published, tmp_path):
    assert _query(published, str(MEMBERS), "turtle")[0] == 2
    assert _query(published, EVENTS, "csv")[0] == 2
    assert _query(published, "no-such-query.rq")[0] == 2
    code, _, err = _query(tmp_path, str(MEMBERS))
    assert code == 2 and "opendata publish" in err


def test_service_is_refused_and_nothing_is_contacted(published):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    contacted = []
    waiter = threading.Thread(target=lambda: contacted.append(_accept(listener)))
    waiter.start()
    code, _, err = _query(
        published, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    )
    waiter.join()
    listener.close()
    assert code == 2 and "SERVICE" in err
    assert contacted == [False]


def _accept(listener) -> bool:
    try:
        listener.accept()
        return True
    except OSError:
        return False


def test_lexing_helpers_ignore_strings_comments_and_iris():
    text = (
        "PREFIX odnl: <https://w3id.org/opendata-nl/def#>  # SERVICE in a comment\n"
        "SELECT * { ?s ?p \"SERVICE \\\"INSERT\\\"\", '''long\nSERVICE''' , <http://e/SERVICE> }"
    )
    assert prefixes(text) == {"odnl": "https://w3id.org/opendata-nl/def#"}
    assert not is_update(text)
    assert "SERVICE" not in code_only(text, keep_iris=False)
    assert is_update("# note\nPREFIX a: <http://a#>\n  insert data { a:b a:c a:d }")
    assert is_update("BASE <http://x/> DELETE WHERE { ?s ?p ?o }")
    assert not is_update("SELECT * WHERE { ?s ?p ?o }")


def test_a_misspelt_example_name_suggests_the_right_one(published):
    code, out, err = _query(published, "joint-task-theme")
    assert (code, out) == (2, b"")
    assert "no example query named 'joint-task-theme'; did you mean joint-task-themes?" in err
    code, _, err = _query(published, "leidse-regio-membrs")
    assert code == 2 and "did you mean leidse-regio-members" in err
    code, _, err = _query(published, "zzzz")  # nothing close: the list of examples
    assert code == 2 and "no example query named 'zzzz'" in err and "joint-task-themes" in err
    result = run_cli("query", "joint-task-theme", "--dist", str(published))  # as a user meets it
    assert result.returncode == 2 and "did you mean joint-task-themes?" in result.stderr
    assert "expected CONSTRUCT" not in result.stderr


def test_an_undeclared_prefix_is_named_with_the_declared_ones(published):
    code, _, err = _query(published, "SELECT ?s WHERE { ?s a schema:Event }")
    assert code == 2 and "\\u{" not in err and len(err.splitlines()) <= 3
    assert "the prefix schema: is not declared" in err and "PREFIX schema: <https://schema.org/>" in err
    code, _, err = _query(
        published,
        "PREFIX odnl: <https://w3id.org/opendata-nl/def#>\n"
        "SELECT ?s WHERE { ?s a schema:Event ; odnl:x nope:y }",
    )
    assert code == 2 and "schema:, nope:" in err and "declared: odnl:" in err
    code, _, err = _query(published, "SELECT ?s WHERE { ?s a schema:Event ")  # and a syntax error too
    assert code == 2 and "schema:" in err


def test_a_near_namespace_gives_a_warning(published):
    code, out, err = _query(published, "SELECT ?e WHERE { ?e a <http://schema.org/Event> }")
    assert code == 0 and out.decode().endswith("(0 rows)\n")
    assert "warning: <http://schema.org/Event> is not in the graph, but <https://schema.org/Event> is" in err
    code, _, err = _query(published, "PREFIX s: <http://schema.org/> SELECT ?e WHERE { ?e a s:Event }")
    assert code == 0 and "https://schema.org/Event" in err
    code, _, err = _query(published, "PREFIX s: <https://schema.org/> SELECT ?e WHERE { ?e a s:Event }")
    assert code == 0 and err == ""  # the right namespace: no warning
    code, _, err = _query(published, "SELECT ?e WHERE { ?e a <https://schema.org/NoSuchClass> }")
    assert code == 0 and err == ""  # absent, but nothing near: nothing to say


def test_table_output_shortens_iris_with_the_publications_prefixes(published):
    code, out, err = _query(
        published, "SELECT ?e ?type WHERE { ?e a ?type FILTER(?type = <https://schema.org/Event>) }"
    )
    assert code == 0, err
    rows = out.decode().splitlines()[2:-1]
    assert rows and all(row.split("|")[1].strip() == "schema:Event" for row in rows)
    assert "<https://schema.org/Event>" not in out.decode()


def test_table_cells_are_cut_to_a_readable_width_and_csv_keeps_them_whole(published):
    # a position's quote is longer than any terminal's width: cut in the table, whole in csv
    query = "SELECT ?text WHERE { ?p <https://schema.org/text> ?text } ORDER BY DESC(STRLEN(?text)) LIMIT 2"
    code, out, err = _query(published, query)
    assert code == 0, err
    lines = out.decode().splitlines()
    cells = [line.strip() for line in lines[2:4]]
    assert all(len(cell) == CELL_MAX and cell.endswith("…") for cell in cells), cells
    assert lines[-1].startswith(f"(values longer than {CELL_MAX} characters are cut")
    code, whole, _ = _query(published, query, "csv")
    assert code == 0 and all(
        cell[:-1] in whole.decode().replace("\r\n", "↵").replace("\n", "↵") for cell in cells
    )
    assert len(whole.decode().splitlines()[1]) > CELL_MAX
    code, out, _ = _query(published, "SELECT ?s WHERE { ?s a <https://schema.org/Event> } LIMIT 1")
    assert code == 0 and "are cut" not in out.decode()  # nothing cut, nothing said


def test_over_large_and_federated_queries_exit_2_in_process(published):
    code, _, err = _query(
        published, "SELECT * WHERE { " + " ".join(f"?s{i} ?p ?o{i} ." for i in range(300)) + " }"
    )
    assert code == 2 and "300 triple patterns; at most 100" in err
    code, _, err = _query(published, "SELECT * WHERE { ?s " + "/".join(["<http://p>"] * 150) + " ?o }")
    assert code == 2 and "triple patterns; at most 100" in err  # path steps count
    code, _, err = _query(published, "SELECT * WHERE { BIND(" + "+".join(["1"] * 30000) + " AS ?x) }")
    assert code == 2 and "at most 20,000" in err
    code, _, err = _query(published, "SELECT * WHERE { BIND(" + "!" * 60000 + "true AS ?x) }")
    assert code == 2 and "Traceback" not in err  # not SPARQL 1.1; crashed the engine when it was asked
    code, _, err = _query(published, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert code == 2 and "SERVICE" in err
    code, _, err = _query(published, "LOAD <http://127.0.0.1:9/x>")
    assert code == 2 and "only reads" in err
