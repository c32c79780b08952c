"""The `opendata` command line: a thin layer over the pipeline."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .problems import render_json, render_text

EPILOG = """\
examples:
  opendata validate                      check datasets/ and list every problem
  opendata publish                       check, then write dist/ atomically
  opendata publish --datasets my-data --out /srv/www/opendata
  opendata validate --format json        the same report for machines

exit codes: 0 clean (warnings allowed), 1 problems in the data, 2 usage or configuration error.
An error looks like:
  letters/x.yaml:12:5: unknown-reference error: sender refers to unknown organisation 'gm546' [field: sender]
      hint: did you mean gm0546 (gemeente Leiden)?
"""


def _report(problems, fmt: str, stream) -> None:
    if not problems and fmt == "text":
        return
    print(render_json(problems) if fmt == "json" else render_text(problems), file=stream)


def _cmd_validate(args) -> int:
    from .pipeline import build

    outcome = build(args.datasets)
    _report(outcome.problems, args.format, sys.stdout if args.format == "json" else sys.stderr)
    if outcome.exit_code == 0 and args.format == "text":
        print(f"{args.datasets}: valid ({len(outcome.publication.ntriples)} triples)")
    return outcome.exit_code


def _cmd_publish(args) -> int:
    from .pipeline import publish
    from .release import PublishLocked

    started = time.perf_counter()
    try:
        outcome = publish(args.datasets, args.out)
    except PublishLocked as exc:
        print(f"opendata publish: {exc}", file=sys.stderr)
        return 2
    _report(outcome.problems, args.format, sys.stdout if args.format == "json" else sys.stderr)
    if outcome.exit_code:
        print(f"nothing published: {args.out} is unchanged", file=sys.stderr)
        return outcome.exit_code
    publication = outcome.publication
    if args.format == "text":
        print(f"published {len(publication.dataset.of('Letter'))} letters, {len(publication.ntriples)} triples "
              f"to {args.out} in {time.perf_counter() - started:.1f} s")
    return 0


def _cmd_generate(args) -> int:
    from .generate import stale_artefacts, write_artefacts

    if args.check:
        stale = stale_artefacts()
        for name in stale:
            print(f"schemas/generated/{name} is stale: run `opendata generate`", file=sys.stderr)
        return 1 if stale else 0
    for path in write_artefacts():
        print(f"wrote {path}")
    return 0


def _cmd_verify(args) -> int:
    from .release import verify

    wrong = verify(args.dist)
    for line in wrong:
        print(f"{args.dist}: {line}", file=sys.stderr)
    if not wrong:
        print(f"{args.dist}: every file matches the manifest")
    return 1 if wrong else 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="opendata", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Publish Dutch local-government correspondence as linked open data.")
    main.add_argument("--version", action="version", version=f"opendata {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def sub(name: str, help_: str, func) -> argparse.ArgumentParser:
        command = commands.add_parser(name, help=help_, description=help_, epilog=EPILOG,
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
        command.set_defaults(func=func)
        return command

    def sources(command: argparse.ArgumentParser) -> None:
        command.add_argument("--datasets", type=Path, default=Path("datasets"),
                             help="the sources folder with publication.yaml (default: datasets)")
        command.add_argument("--format", choices=("text", "json"), default="text",
                             help="how to report problems (default: text)")

    validate = sub("validate", "check the sources and the graph without publishing", _cmd_validate)
    sources(validate)
    publish = sub("publish", "check, then write every output and switch the publication atomically", _cmd_publish)
    sources(publish)
    publish.add_argument("--out", type=Path, default=Path("dist"), help="the publication folder (default: dist)")
    generate = sub("generate", "regenerate schemas/generated/ from schemas/model.yaml", _cmd_generate)
    generate.add_argument("--check", action="store_true", help="only report stale files (exit 1 if any)")
    verify = sub("verify", "check a publication against its manifest", _cmd_verify)
    verify.add_argument("dist", type=Path, nargs="?", default=Path("dist"), help="the publication (default: dist)")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
