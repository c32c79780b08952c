"""`make bench-extract`: extraction scored on synthetic letters per rendering and on the seed;
`make bench-extract-real DIR=…`: the same on a folder of real letter texts with facts in tests/corpus/.

    python -m opendata.ingest.bench [--letters 1000] [--ocr-letters 30] [--readers 200]
    python -m opendata.ingest.bench --real DIR [--facts tests/corpus]

Per rendering it renders the letters (`opendata synth --render`), reads each file as ingest does
(read.py) and extracts (extract.py) on one core, and prints per field precision, recall and
exact-match rate, letters per second, and for OCR pages per second. `--readers` compares the PDF
text libraries on rendered letters (text quality, reading order, speed): docs/ingest.md.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]  # pypdfium2 ships no type information
import yaml
from pdfminer.high_level import extract_text
from rapidfuzz import fuzz

from opendata.ingest.extract import extract, split_letters
from opendata.ingest.gazetteer import groups_from_dataset
from opendata.ingest.read import read_document, read_pdf
from opendata.ingest.score import FieldScore, Scores
from opendata.model.problems import Problem
from opendata.synth.render import bundles, pdf_bytes, render, rendered_letters

ROOT = Path(__file__).resolve().parents[2]

# The seed's attachment (datasets/letters/reactie-leidse-regio-2019-06-11.txt): the facts of the curated record.
SEED_TEXT = ROOT / "datasets" / "letters" / "reactie-leidse-regio-2019-06-11.txt"
SEED_FACTS = {
    "kind": "bijlage",
    "date_sent": "2019-06-11",
    "our_reference": None,
    "your_reference": "PZH-2019-678010037",
    "dossier_references": ["DOS-2017-0006089"],
    "subject": "Reactie gemeenten Leidse regio n.a.v. gesprek met de gedeputeerde, mevrouw J. Baljeu, van "
    "18 april 2019",
    "sender": ["gm0546", "gm0547", "gm0579", "gm0626", "gm0638"],
    "sender_body": "college-van-burgemeester-en-wethouders",
    "addressees": ["pv28"],
    "signatories": [{"name": "E.R.J.", "role": "burgemeester"}],
    "cites": [{"date": "2019-01-24", "reference": "PZH-2019-678010037"}],
}
SEED_FIELDS = (
    "date_sent",
    "our_reference",
    "your_reference",
    "dossier_references",
    "subject",
    "sender",
    "sender_body",
    "addressees",
    "signatories",
    "cites",
)


def _truths(folder: Path) -> list[tuple[Path, dict]]:
    pairs = []
    for truth_path in sorted(folder.glob("*.yaml")):
        truth = yaml.safe_load(truth_path.read_text(encoding="utf-8"))
        pairs.append(
            (folder / truth["text"], {k: (str(v) if k == "date_sent" and v else v) for k, v in truth.items()})
        )
    return pairs


def _cites_text(facts: dict) -> dict:
    facts = dict(facts)
    facts["cites"] = [{k: (str(v) if v else v) for k, v in c.items()} for c in facts.get("cites") or []]
    return facts


def score_folder(folder: Path) -> tuple[Scores, float, int, int]:
    """Scores, seconds spent reading and extracting, letters and pages of one rendered folder."""
    scores, seconds, pages = Scores(), 0.0, 0
    pairs = _truths(folder)
    for path, truth in pairs:
        problems: list[Problem] = []
        started = time.perf_counter()
        result = read_document(path, path.name, problems)
        facts = extract(result.text).facts() if result.text else {}
        seconds += time.perf_counter() - started
        pages += result.pages
        scores.add(facts, _cites_text(truth))
    return scores, seconds, len(pairs), pages


RENDERINGS = ("pdf", "noisy", "docx", "text", "scan")


def bench_synthetic(
    letters: int, ocr_letters: int, seed: int, renderings: tuple[str, ...] = RENDERINGS
) -> None:
    with tempfile.TemporaryDirectory(prefix="opendata-bench-extract-") as tmp:
        for fmt in renderings:
            count = ocr_letters if fmt == "scan" else letters
            if not count:
                continue
            render(count, Path(tmp), seed, (fmt,))
            scores, seconds, done, pages = score_folder(Path(tmp) / fmt)
            rate = f"{done / seconds:.1f} letters/s" if seconds else ""
            if fmt == "scan":
                rate += f", {pages / seconds:.2f} pages/s (OCR)"
            print(scores.table(f"rendering {fmt}: {rate} on one core"), end="\n\n", flush=True)


def bench_split(count: int, seed: int) -> None:
    """Council letters with their attachments in one PDF: is each file split into its letters?"""
    right = letters = 0
    with tempfile.TemporaryDirectory(prefix="opendata-bench-split-") as tmp:
        for number, bundle in enumerate(bundles(count, seed)):
            path = Path(tmp) / f"{number}.pdf"
            path.write_bytes(pdf_bytes(bundle))
            text = read_document(path, path.name, []).text or ""
            parts = [" ".join(text[a:b].split()) for a, b in split_letters(text)]
            letters += len(bundle)
            right += len(parts) == len(bundle) and all(
                " ".join(letter.truth["subject"].split()) in part for letter, part in zip(bundle, parts)
            )
    print(
        f"split: {right} of {count} PDFs holding a council letter and its attachments ({letters} letters) "
        f"split exactly into their letters ({right / count if count else 1:.3f})\n"
    )


def bench_seed() -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    facts = extract(text, groups=groups_from_dataset(ROOT / "datasets")).facts()
    scores = Scores(fields={name: FieldScore() for name in SEED_FIELDS})
    scores.add(facts, SEED_FACTS)
    print(scores.table("seed (the curated fields of the 11 June 2019 letter)"), end="\n\n")


def bench_real(folder: Path, facts_folder: Path) -> None:
    """Score real letter texts in `folder` against hand-written facts (`text:` names the file)."""
    scores, seconds, missing = Scores(), 0.0, []
    for facts_path in sorted(facts_folder.glob("*.yaml")):
        truth = yaml.safe_load(facts_path.read_text(encoding="utf-8"))
        text_path = folder / str(truth.get("text", ""))
        if not text_path.is_file():
            missing.append(facts_path.name)
            continue
        problems: list[Problem] = []
        started = time.perf_counter()
        result = read_document(text_path, text_path.name, problems)
        facts = extract(result.text).facts() if result.text else {}
        seconds += time.perf_counter() - started
        truth = {k: (str(v) if k == "date_sent" and v else v) for k, v in truth.items()}
        scores.add(facts, _cites_text(truth))
    print(
        scores.table(f"real letters in {folder}: {scores.letters / seconds if seconds else 0:.1f} letters/s")
    )
    if missing:
        print(f"{len(missing)} facts files have no text in {folder}")


# ---------------------------------------------------------------- PDF text libraries


def _pdfium(path: Path) -> str:
    document = pdfium.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()


def _pdfminer(path: Path) -> str:
    return extract_text(str(path))


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


KEY_FIELDS = ("date_sent", "our_reference", "subject", "sender", "addressees", "signatories", "cites")


def _ingest_reader(reader: str):
    """`read_pdf` as ingest calls it, with one of its PDF readers (read.PDF_READERS)."""

    def read(path: Path) -> str:
        return read_pdf(path.read_bytes(), path.name, [], reader).text or ""

    return read


READERS = {
    "pypdfium2": _pdfium,
    "pdfminer.six": _pdfminer,
    "pdftotext": _pdftotext,
    "ingest:pdfium": _ingest_reader("pdfium"),
    "ingest:pdfminer": _ingest_reader("pdfminer"),
}


def _in_order(text: str, pieces: list[str]) -> bool:
    flat = " ".join(text.split())
    position = 0
    for piece in pieces:
        found = flat.find(" ".join(piece.split()), position)
        if found < 0:
            return False
        position = found + 1
    return True


def compare_readers(letters: int, seed: int) -> None:
    """Each PDF library on the same rendered letters: similarity to the letter's text, reading order, speed."""
    _, rendered = rendered_letters(letters, seed)
    with tempfile.TemporaryDirectory(prefix="opendata-bench-readers-") as tmp:
        paths = []
        for letter in rendered:
            path = Path(tmp) / f"{letter.id}.pdf"
            path.write_bytes(pdf_bytes(letter, random.Random(f"opendata-synth:{seed}:pdf:{letter.id}")))
            paths.append((path, letter))
        print(
            f"PDF text libraries on {len(paths)} rendered letters (header blocks stored out of reading order)"
        )
        print(
            f"{'library':<16}{'similarity':>11}{'order':>8}{'fields':>8}{'letters/s':>11}   "
            f"extraction exact* ({', '.join(KEY_FIELDS)})"
        )
        for name, reader in READERS.items():
            similarity = order = fields = 0.0
            started = time.perf_counter()
            texts = [reader(path) for path, _ in paths]
            seconds = time.perf_counter() - started
            for text, (_, letter) in zip(texts, paths):
                truth_text = letter.text()
                similarity += fuzz.ratio(" ".join(text.split()), " ".join(truth_text.split())) / 100
                wanted = [letter.truth["subject"], *(s["name"] for s in letter.truth["signatories"])]
                order += _in_order(text, ["\n".join(b.lines) for b in letter.header[1:]] + [letter.body[0]])
                values = [v for v in (letter.truth["our_reference"], letter.truth["subject"]) if v] + wanted
                fields += sum(" ".join(v.split()) in " ".join(text.split()) for v in values) / len(values)
            n = len(paths)
            extracted = Scores()
            for text, (_, letter) in zip(texts, paths):
                extracted.add(extract(text).facts(), _cites_text(letter.truth))
            exact = " ".join(f"{extracted.fields[f].exact_rate_with_value:.3f}" for f in KEY_FIELDS)
            print(
                f"{name:<16}{similarity / n:>11.3f}{order / n:>8.3f}{fields / n:>8.3f}{n / seconds:>11.1f}   {exact}"
            )
    print(
        "similarity: Levenshtein ratio to the letter's text; order: header blocks and first paragraph in reading "
        "order; fields: reference, subject and signatories' names intact"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m opendata.ingest.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--letters", type=int, default=1000, help="synthetic letters per rendering (default 1000)"
    )
    parser.add_argument(
        "--ocr-letters", type=int, default=30, help="letters for the OCR rendering (default 30)"
    )
    parser.add_argument(
        "--readers", type=int, default=200, help="letters for the PDF library comparison (0: skip)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--renderings",
        default=",".join(RENDERINGS),
        help=f"which renderings to score (default: {','.join(RENDERINGS)})",
    )
    parser.add_argument("--no-seed", action="store_true", help="skip the seed")
    parser.add_argument(
        "--bundles", type=int, default=100, help="PDFs of a letter with attachments to split (0: skip)"
    )
    parser.add_argument("--real", type=Path, help="a folder of real letter texts: score them against --facts")
    parser.add_argument("--facts", type=Path, default=ROOT / "tests" / "corpus", help="hand-written facts")
    args = parser.parse_args(argv)
    if args.real:
        if not args.real.is_dir():
            print(f"{args.real} is not a folder of letter texts", file=sys.stderr)
            return 2
        bench_real(args.real, args.facts)
        return 0
    if args.readers:
        compare_readers(args.readers, args.seed)
        print()
    if not args.no_seed:
        bench_seed()
    if args.bundles:
        bench_split(args.bundles, args.seed)
    renderings = tuple(r for r in args.renderings.split(",") if r)
    unknown = [r for r in renderings if r not in RENDERINGS]
    if unknown:
        print(f"unknown rendering {', '.join(unknown)}; choose from {', '.join(RENDERINGS)}", file=sys.stderr)
        return 2
    bench_synthetic(args.letters, args.ocr_letters, args.seed, renderings)
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["bench_split", "compare_readers", "main", "score_folder"]
