"""The `opendata` command line: a thin layer over the pipeline."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time
from pathlib import Path

from opendata import __version__
from opendata.model.problem_catalog import CATALOG
from opendata.model.problems import render_json, render_text
from opendata.query.store import FORMATS
from opendata.sources.config import CONFIG_FILE

EPILOG = """\
examples:
  opendata validate                      check datasets/ and list every problem
  opendata publish                       check, then write dist/ atomically
  opendata publish --datasets my-data --out /srv/www/opendata
  opendata validate --format json        the same report for machines
  opendata query joint-task-themes       run an example SPARQL query over dist/ (see docs/sparql.md)
  opendata serve                         a read-only SPARQL endpoint and query page on 127.0.0.1:8000

exit codes: 0 clean (warnings allowed), 1 problems in the data, 2 usage or configuration error.
An error looks like:
  letters/x.yaml:12:5: unknown-reference error: sender refers to unknown organisation 'gm546' [field: sender]
      hint: did you mean gm0546 (gemeente Leiden)?
"""


# Each command's own examples (validate and publish share the main one above).
GENERATE_EPILOG = """\
examples:
  opendata generate                      rewrite schemas/generated/ after editing schemas/model.yaml
  opendata generate --check              only say which generated files are stale (CI)

exit codes: 0 written (or, with --check, up to date), 1 with --check: some files are stale.
"""
VERIFY_EPILOG = """\
examples:
  opendata verify                        check dist/ against its manifest.json
  opendata verify /srv/www/opendata      a publication somewhere else

exit codes: 0 every file matches its sha256 in the manifest, 1 a file is missing, extra or changed
(each named), 2 usage.
"""
EXPLAIN_EPILOG = """\
examples:
  opendata explain                       every problem code with its title
  opendata explain unknown-reference     what it means and what to do about it

exit codes: 0 explained, 2 no problem has that code (the nearest codes are suggested).
"""
DIFF_EPILOG = """\
examples:
  opendata diff old-dist dist            the resources the new publication added, changed and removed

exit codes: 0 compared, 2 usage (a folder that is no publication).
"""
SYNTH_EPILOG = """\
examples:
  opendata synth --letters 1000 --out corpus              a sources tree to publish or benchmark
  opendata synth --letters 1000 --out corpus --overwrite  the same tree updated in place
  opendata synth --letters 200 --out small --provinces pv28      a smaller world: Zuid-Holland only
  opendata synth --letters 20 --render letters-in --formats pdf,scan   letters to ingest, with truth

The same --seed gives byte-identical files. exit codes: 0 written, 2 usage (a folder that is not empty).
"""


def _report(problems, fmt: str, stream) -> None:
    if not problems and fmt == "text":
        return
    print(render_json(problems) if fmt == "json" else render_text(problems), file=stream)


def _cache_dir(args) -> Path | None:
    return None if args.no_cache else args.cache


def _cmd_validate(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.publish.pipeline import build

    outcome = build(args.datasets, cache_dir=_cache_dir(args))
    _report(outcome.problems, args.format, sys.stdout if args.format == "json" else sys.stderr)
    publication = outcome.publication  # built whenever the exit code is 0
    if outcome.exit_code == 0 and publication is not None and args.format == "text":
        print(
            f"{args.datasets}: valid ({len(publication.letters)} letters, "
            f"{publication.statistics.triples} triples)"
        )
    if publication is not None:
        publication.release_cache()
    return outcome.exit_code


def _cmd_publish(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.publish.pipeline import publish
    from opendata.publish.switch import PublishLocked

    started = time.perf_counter()
    try:
        outcome = publish(args.datasets, args.out, cache_dir=_cache_dir(args))
    except PublishLocked as exc:
        print(f"opendata publish: {exc}", file=sys.stderr)
        return 2
    _report(outcome.problems, args.format, sys.stdout if args.format == "json" else sys.stderr)
    if outcome.exit_code:
        print(f"nothing published: {args.out} is unchanged", file=sys.stderr)
        return outcome.exit_code
    publication = outcome.publication  # published whenever the exit code is 0
    if publication is not None and args.format == "text":
        print(
            f"published {len(publication.letters)} letters, {publication.statistics.triples} triples "
            f"to {args.out} in {time.perf_counter() - started:.1f} s"
        )
    return 0


def _cmd_generate(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.generate import stale_artefacts, write_artefacts

    if args.check:
        stale = stale_artefacts()
        for name in stale:
            print(f"schemas/generated/{name} is stale: run `opendata generate`", file=sys.stderr)
        return 1 if stale else 0
    for path in write_artefacts():
        print(f"wrote {path}")
    return 0


def _cmd_verify(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.publish.switch import verify

    wrong = verify(args.dist)
    for line in wrong:
        print(f"{args.dist}: {line}", file=sys.stderr)
    if not wrong:
        print(f"{args.dist}: every file matches the manifest")
    return 1 if wrong else 0


def _cmd_explain(args) -> int:
    """What a problem code means and what to do (the catalog the README's table is made from)."""
    if args.code is None:
        for listed in CATALOG.values():
            print(f"{listed.code:28} {listed.title}")
        return 0
    kind = CATALOG.get(args.code)
    if kind is None:
        close = difflib.get_close_matches(args.code, list(CATALOG), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        print(f"opendata explain: no problem has the code '{args.code}'{hint}", file=sys.stderr)
        return 2
    hint = kind.hint.replace("\\|", "|")  # written for a Markdown table cell
    print(f"{kind.code} ({kind.severity}): {kind.title}\n    what to do: {hint}\n\n{kind.documentation}")
    return 0


def _cmd_diff(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.releases.diff import diff_command

    return diff_command(args.old, args.new)


def _cmd_synth(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.synth import SynthError, generate

    started = time.perf_counter()
    if args.render:
        # loaded when this command runs, so that --help and the other commands start quickly
        from opendata.synth.render import render_command

        return render_command(args.letters, args.render, args.seed, args.formats, args.provinces)
    if args.out is None:
        print(
            "opendata synth: give --out DIR (a sources tree) or --render DIR (letter files)", file=sys.stderr
        )
        return 2
    try:
        summary = generate(args.letters, args.out, args.seed, args.overwrite, args.provinces)
    except SynthError as exc:
        print(f"opendata synth: {exc}", file=sys.stderr)
        return 2
    print(
        f"{args.out}: {summary.letters} synthetic letters (seed {args.seed}); {summary.written} files written, "
        f"{summary.removed} removed in {time.perf_counter() - started:.1f} s"
    )
    return 0


QUERY_EPILOG = """\
examples:
  opendata query docs/queries/leidse-regio-members.rq          a .rq file; prints a table
  opendata query leidse-regio-members                          an example query in dist/queries/
  opendata query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'  inline SPARQL
  opendata query meetings-region-province --format csv > meetings.csv
  opendata query 'CONSTRUCT WHERE { ?s a <https://schema.org/Event> ; ?p ?o }' --format ntriples

SELECT and ASK give table, json, xml, csv or tsv (the W3C SPARQL results formats); CONSTRUCT and
DESCRIBE give turtle (also for table), ntriples, rdfxml or jsonld. A syntax error names line and column
(exit 2).
"""

SERVE_EPILOG = """\
examples:
  opendata serve                               http://127.0.0.1:8000/ (query page), /sparql (endpoint)
  opendata serve --port 3030 --timeout 10 --max-rows 5000
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
       http://127.0.0.1:8000/sparql

A read-only SPARQL 1.1 Protocol endpoint (GET, POST form, POST application/sparql-query; results in
JSON, XML, CSV, TSV, Turtle or N-Triples by the Accept header; CORS allowed). UPDATE is refused.
Each query runs in a worker process, stopped at --timeout. It also serves the dist/ files.
Ctrl-C (SIGINT) or SIGTERM stops it. --host 0.0.0.0 exposes it to the network: mind the firewall.
Exit codes: 0 stopped, 2 usage (no publication in --dist, a limit that is not positive, a port in use).
"""

LOAD_EPILOG = """\
examples:
  opendata load --endpoint http://127.0.0.1:7878/store                     Oxigraph server
  opendata load --endpoint http://localhost:3030/ds/data                   Apache Jena Fuseki
  opendata load --endpoint http://localhost:7200/repositories/lr/rdf-graphs/service --graph \\
       https://data.leidseregio.example/id/graph/2019                          GraphDB, a named graph
  OPENDATA_LOAD_PASSWORD=secret opendata load --endpoint URL --user dba    HTTP basic authentication

Sends dist/graph.nt with one SPARQL 1.1 Graph Store Protocol PUT, which replaces the default graph
(or the --graph named graph) in one step. Exit 1 when the store refuses, 2 for usage errors.
"""


def _cmd_query(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.query.store import query_command

    return query_command(args.query, args.dist, args.format, offline=True)  # no network for the query


def _cmd_serve(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.serve import serve_command

    return serve_command(args)


def _cmd_load(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.query.load import load_command

    return load_command(args)


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is not a number of letters (0 or more)")
    return value


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="opendata",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EPILOG,
        description="Publish Dutch local-government correspondence as linked open data.",
    )
    main.add_argument("--version", action="version", version=f"opendata {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def sub(name: str, help_: str, func) -> argparse.ArgumentParser:
        command = commands.add_parser(
            name,
            help=help_,
            description=help_,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.set_defaults(func=func)
        return command

    def sources(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--datasets",
            type=Path,
            default=Path("datasets"),
            help="the sources folder with publication.yaml (default: datasets)",
        )
        command.add_argument(
            "--format",
            choices=("text", "json"),
            default="text",
            help="how to report problems (default: text)",
        )
        command.add_argument(
            "--cache",
            type=Path,
            default=Path(os.environ.get("OPENDATA_CACHE", ".opendata-cache")),
            help="where finished letters are kept between runs (default: $OPENDATA_CACHE, else .opendata-cache)",
        )
        command.add_argument(
            "--no-cache", action="store_true", help="build every letter afresh; keep nothing"
        )

    validate = sub("validate", "check the sources and the graph without publishing", _cmd_validate)
    sources(validate)
    publish = sub(
        "publish", "check, then write every output and switch the publication atomically", _cmd_publish
    )
    sources(publish)
    publish.add_argument(
        "--out", type=Path, default=Path("dist"), help="the publication folder (default: dist)"
    )
    generate = sub("generate", "regenerate schemas/generated/ from schemas/model.yaml", _cmd_generate)
    generate.epilog = GENERATE_EPILOG
    generate.add_argument("--check", action="store_true", help="only report stale files (exit 1 if any)")
    verify = sub("verify", "check a publication against its manifest", _cmd_verify)
    verify.epilog = VERIFY_EPILOG
    verify.add_argument(
        "dist", type=Path, nargs="?", default=Path("dist"), help="the publication (default: dist)"
    )
    explain = sub("explain", "say what a problem code means and what to do about it", _cmd_explain)
    explain.epilog = EXPLAIN_EPILOG
    explain.add_argument(
        "code", nargs="?", help="a problem code, such as invalid-date (default: list them all)"
    )
    diff = sub("diff", "print what changed between two publications (docs/releases.md)", _cmd_diff)
    diff.epilog = DIFF_EPILOG
    diff.add_argument("old", type=Path, metavar="OLD_DIST", help="the earlier publication")
    diff.add_argument("new", type=Path, metavar="NEW_DIST", help="the later publication")
    synth = sub(
        "synth", "write a synthetic sources tree (real TOOI organisations, invented letters)", _cmd_synth
    )
    synth.epilog = SYNTH_EPILOG
    synth.add_argument("--letters", type=_count, required=True, help="how many letters")
    synth.add_argument("--out", type=Path, help="the new sources folder (must be empty or absent)")
    synth.add_argument(
        "--render",
        type=Path,
        metavar="DIR",
        help="instead: render letters as files to ingest (PDF, scans, noisy text, .docx) with their truth",
    )
    synth.add_argument(
        "--formats",
        default="pdf,scan,noisy,docx",
        help="with --render: which renderings, comma-separated (default: pdf,scan,noisy,docx)",
    )
    synth.add_argument(
        "--seed", type=int, default=1, help="the same seed gives byte-identical files (default: 1)"
    )
    synth.add_argument(
        "--overwrite",
        action="store_true",
        help="update an existing tree: rewrite changed files only, remove letters beyond --letters",
    )
    synth.add_argument(
        "--provinces",
        type=lambda codes: [code.strip().lower() for code in codes.split(",") if code.strip()],
        metavar="CODES",
        help="a smaller world of these provincies only, comma-separated TOOI codes such as "
        "pv24 (Flevoland) or pv28,pv26: their gemeenten and the samenwerkingsorganisaties named after "
        "them (default: all twelve)",
    )
    _sparql_commands(sub)
    _ingest_commands(sub)
    return main


INGEST_EPILOG = """\
examples:
  opendata synth --letters 5 --render letters-in --formats pdf        sample PDFs to try it on
  opendata ingest letters-in --into datasets                         draft records in datasets/letters/
  opendata review --datasets datasets                                what a person should check
  opendata ingest archive/ --into datasets --jobs 2                  a folder, on two cores

Reads PDF (text layer; Tesseract OCR with its Dutch model for pages without one), images, .docx,
.odt and .txt. Writes letters/<id>.txt (the text as extracted) and letters/<id>.yaml (status: draft,
every value with its evidence), and appends unknown organisations and people as drafts. Running it
again on the same files changes nothing; a record a person reviewed or edited is never overwritten.
Exit codes: 0 all files ingested, 1 some files had problems (the others were ingested), 2 usage,
130 stopped by Ctrl-C (the files read before are written; run it again to ingest the rest).
"""


REVIEW_EPILOG = """\
examples:
  opendata review                                        every draft's doubtful fields in datasets/
  opendata review --threshold 0.6                        only fields below 0.6 (and what is unknown)
  opendata review --format json > to-check.json          the same list for a tool

For each draft record (status: draft), one line per field whose confidence is below the threshold or
that the text leaves unknown: record file:line, the value and its confidence, and on the next line
the evidence (the letter's text file:line and the quote). Review the record, correct it, and remove
`status: draft` when it is right; `publish` then publishes it as reviewed.
Exit codes: 0 listed, 1 a record file could not be read (its problem printed, the others listed), 2 usage.
"""


def _cmd_ingest(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.ingest import INTERRUPTED, default_jobs, ingest, terminal_progress

    if args.jobs is not None and args.jobs < 1:
        print("opendata ingest: --jobs must be 1 or more", file=sys.stderr)
        return 2
    if not (args.into / CONFIG_FILE).is_file():
        print(f"opendata ingest: {args.into} is not a datasets folder (no publication.yaml)", file=sys.stderr)
        return 2
    try:
        report = ingest(
            args.inputs, args.into, jobs=args.jobs or default_jobs(), progress=terminal_progress()
        )
    except KeyboardInterrupt:  # a second Ctrl-C: stopped at once; the last checkpoint's drafts are kept
        print("opendata ingest: stopped; run the same command again to ingest the rest", file=sys.stderr)
        return INTERRUPTED
    _report(report.problems, args.format, sys.stdout if args.format == "json" else sys.stderr)
    if args.format == "text":
        print(
            f"{counted(report.files, 'file')}, {counted(report.letters, 'letter')}: "
            f"{counted(len(report.written), 'record')} written, {len(report.unchanged)} unchanged, "
            f"{len(report.kept)} reviewed kept"
            + (f", {len(report.deleted)} deleted by a person left out" if report.deleted else "")
            + f"; {counted(report.pages, 'page')} "
            f"({report.ocr_pages} by OCR) in {report.seconds:.1f} s"
        )
    return report.exit_code


def counted(number: int, noun: str) -> str:
    """A count with its noun, plural unless it is one: "1 file", "2 files", "0 letters"."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def _cmd_review(args) -> int:
    # loaded when this command runs, so that --help and the other commands start quickly
    from opendata.ingest.review import review_command

    return review_command(args.datasets, args.threshold, args.format)


def _ingest_commands(sub) -> None:
    """`ingest` and `review`: letters in as draft records, and what a person should check."""
    ingest = sub("ingest", "read letters (PDF, scans, Word, text) and write draft records", _cmd_ingest)
    ingest.epilog = INGEST_EPILOG
    ingest.add_argument("inputs", type=Path, nargs="+", metavar="FILE_OR_DIR", help="letter files or folders")
    ingest.add_argument("--into", type=Path, required=True, help="the datasets folder to add drafts to")
    ingest.add_argument("--jobs", type=int, help="worker processes (default: the number of cores)")
    ingest.add_argument("--format", choices=("text", "json"), default="text", help="how to report problems")
    review = sub("review", "list draft records with their low-confidence fields and evidence", _cmd_review)
    review.epilog = REVIEW_EPILOG
    review.add_argument(
        "--datasets", type=Path, default=Path("datasets"), help="the sources folder (default: datasets)"
    )
    review.add_argument(
        "--threshold",
        type=float,
        default=0.8,
        help="list fields whose confidence is below this (default: 0.8)",
    )
    review.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def _sparql_commands(sub) -> None:
    """`query`, `serve` and `load`: SPARQL over the publication (docs/sparql.md)."""
    dist_help = "the publication folder (default: dist)"
    query = sub("query", "run a SPARQL query over the publication", _cmd_query)
    query.epilog = QUERY_EPILOG
    query.add_argument(
        "query", help="a .rq file, the name of a query in DIST/queries/, inline SPARQL, or - for stdin"
    )
    query.add_argument("--dist", type=Path, default=Path("dist"), help=dist_help)
    query.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    serve = sub("serve", "serve a read-only SPARQL endpoint, a query page and the dist/ files", _cmd_serve)
    serve.epilog = SERVE_EPILOG
    serve.add_argument("--dist", type=Path, default=Path("dist"), help=dist_help)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    serve.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default: 30)")
    serve.add_argument(
        "--max-rows", type=int, default=10000, help="largest result served, in rows (default: 10000)"
    )
    serve.add_argument("--workers", type=int, default=2, help="query worker processes (default: 2)")
    serve.add_argument(
        "--max-memory",
        type=int,
        default=None,
        metavar="MB",
        help="memory one query worker may use, its copy of the publication included; a query that "
        "needs more is stopped with 503 (default: half the RAM shared among the workers)",
    )
    serve.add_argument(
        "--read-timeout",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="time a client may take to send one request, or stay idle between two (default: 20)",
    )
    load = sub(
        "load", "replace a graph in a triple store with the publication (Graph Store Protocol PUT)", _cmd_load
    )
    load.epilog = LOAD_EPILOG
    load.add_argument("--endpoint", required=True, help="the store's Graph Store Protocol URL")
    load.add_argument("--graph", help="the named graph IRI to replace (default: the default graph)")
    load.add_argument("--dist", type=Path, default=Path("dist"), help=dist_help)
    load.add_argument(
        "--gzip",
        action="store_true",
        help="send graph.nt.gz with Content-Encoding: gzip (Oxigraph accepts it; not every store does)",
    )
    load.add_argument(
        "--user", help="user name for HTTP basic authentication (password from OPENDATA_LOAD_PASSWORD)"
    )
    load.add_argument(
        "--timeout", type=float, default=600.0, help="seconds to wait for the store (default: 600)"
    )


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
