"""`make bench-extract`: extraction scored on synthetic letters per rendering and on the seed;
`make bench-extract-real DIR=…`: the same on a folder of real letter texts with facts in tests/corpus/.

    python -m opendata.ingest.bench [--letters 1000] [--ocr-letters 30] [--readers 200]
    python -m opendata.ingest.bench --real DIR [--facts tests/corpus]
    python -m opendata.ingest.bench --real DIR --perturb [--show-wrong]

Per rendering it renders the letters (`opendata synth --render`), reads each file as ingest does
(read.py) and extracts (extract.py) on one core, and prints per field precision, recall and
exact-match rate, letters per second, and for OCR pages per second. A text that ingest refuses as
no letter (`opendata.ingest.is_letter`) is scored as ingest leaves it: no draft, every value
unknown. `--readers` compares the PDF text libraries on rendered letters (text quality, reading
order, speed): docs/ingest.md.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]  # pypdfium2 ships no type information
import yaml
from pdfminer.high_level import extract_text
from rapidfuzz import fuzz

from opendata.ingest import is_letter
from opendata.ingest.extract import extract, split_letters
from opendata.ingest.extract_dates import find_dates
from opendata.ingest.extract_header import find_salutation, header_end
from opendata.ingest.extract_noise import blank_host_preamble, host_title_end
from opendata.ingest.extract_organisations import find_kind_phrases, find_register_names
from opendata.ingest.extract_signatures import last_closing
from opendata.ingest.gazetteer import groups_from_dataset
from opendata.ingest.read import read_document, read_pdf
from opendata.ingest.score import FieldScore, Scores, comparable
from opendata.model.problems import Problem
from opendata.model.register import is_tooi_code
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


def drafted(text: str | None) -> dict | None:
    """What ingest drafts of a text: its facts, or None when ingest refuses it as no letter
    (`is_letter`; scored as a letter whose every value is unknown)."""
    if not text:
        return {}
    extraction = extract(text)
    return extraction.facts() if is_letter(extraction, text) else None


def score_folder(
    folder: Path, layouts: dict[str, str] | None = None, by_layout: dict[str, Scores] | None = None
) -> tuple[Scores, float, int, int]:
    """Scores, seconds spent reading and extracting, letters and pages of one rendered folder.

    With `layouts` (letter id -> layout) and `by_layout`, each letter is also scored under its layout."""
    scores, seconds, pages = Scores(), 0.0, 0
    pairs = _truths(folder)
    for path, truth in pairs:
        problems: list[Problem] = []
        started = time.perf_counter()
        result = read_document(path, path.name, problems)
        facts = drafted(result.text) or {}
        seconds += time.perf_counter() - started
        pages += result.pages
        scores.add(facts, _cites_text(truth))
        if layouts is not None and by_layout is not None:
            by_layout.setdefault(layouts[path.stem], Scores()).add(facts, _cites_text(truth))
    return scores, seconds, len(pairs), pages


# The fields of the per-layout lines, with their short column names.
LAYOUT_FIELDS = (
    ("kind", "kind"),
    ("date_sent", "date"),
    ("our_reference", "ours"),
    ("your_reference", "yours"),
    ("subject", "subject"),
    ("sender", "sender"),
    ("addressees", "addr"),
    ("signatories", "signed"),
    ("cites", "cites"),
)


def layout_table(by_layout: dict[str, Scores]) -> str:
    """One line per layout: its letters, exact* of the main fields, and values invented in any field."""
    lines = [
        f"{'layout':<18}{'n':>5}" + "".join(f"{short:>9}" for _, short in LAYOUT_FIELDS) + f"{'invented':>10}"
    ]
    for layout in sorted(by_layout):
        scores = by_layout[layout]
        lines.append(
            f"{layout:<18}{scores.letters:>5}"
            + "".join(f"{scores.fields[name].exact_rate_with_value:>9.3f}" for name, _ in LAYOUT_FIELDS)
            + f"{sum(s.invented for s in scores.fields.values()):>10}"
        )
    lines.append("per layout: exact* (over the letters whose truth has a value)")
    return "\n".join(lines)


RENDERINGS = ("pdf", "noisy", "docx", "odt", "text", "scan")


def bench_synthetic(
    letters: int, ocr_letters: int, seed: int, renderings: tuple[str, ...] = RENDERINGS, forms: bool = False
) -> None:
    with tempfile.TemporaryDirectory(prefix="opendata-bench-extract-") as tmp:
        for fmt in renderings:
            count = ocr_letters if fmt == "scan" else letters
            if not count:
                continue
            render(count, Path(tmp), seed, (fmt,), forms=forms)
            layouts = {letter.id: letter.layout for letter in rendered_letters(count, seed, forms=forms)[1]}
            by_layout: dict[str, Scores] = {}
            scores, seconds, done, pages = score_folder(Path(tmp) / fmt, layouts, by_layout)
            rate = f"{done / seconds:.1f} letters/s" if seconds else ""
            if fmt == "scan":
                rate += f", {pages / seconds:.2f} pages/s (OCR)"
            print(scores.table(f"rendering {fmt}: {rate} on one core"), flush=True)
            print(layout_table(by_layout), end="\n\n", flush=True)


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
    scores, seconds, missing, refused = Scores(), 0.0, [], []
    for facts_path in sorted(facts_folder.glob("*.yaml")):
        truth = yaml.safe_load(facts_path.read_text(encoding="utf-8"))
        text_path = folder / str(truth.get("text", ""))
        if not text_path.is_file():
            missing.append(facts_path.name)
            continue
        problems: list[Problem] = []
        started = time.perf_counter()
        result = read_document(text_path, text_path.name, problems)
        facts = drafted(result.text)
        seconds += time.perf_counter() - started
        if facts is None:
            refused.append(facts_path.stem)
        truth = {k: (str(v) if k == "date_sent" and v else v) for k, v in truth.items()}
        scores.add(facts or {}, _cites_text(truth))
    print(
        scores.table(f"real letters in {folder}: {scores.letters / seconds if seconds else 0:.1f} letters/s")
    )
    if refused:  # ingest writes no draft of these: every value they state is missed
        print(
            f"{len(refused)} texts ingest refuses as no letter (scored as all unknown): {', '.join(refused)}"
        )
    if missing:
        print(f"{len(missing)} facts files have no text in {folder}")


# ---------------------------------------------------------------- perturbations of the real letters

# Variants of a real letter whose truth follows from its facts: does a value come from its own zone of
# the letter, or does a body, date or number named in another zone leak in? Per variant and field,
# over the letters whose original the extractor gets right: still right, lost (unknown or fewer
# values), vague (a body's name left as written where it was resolved) or WRONG.
PERTURBED_FIELDS = ("date_sent", "our_reference", "your_reference", "sender", "addressees", "signatories")
_LABEL_LINE = re.compile(
    r"^[ \t]*(?:datum|ons\s+kenmerk|uw\s+kenmerk|kenmerk|onderwerp|betreft|aan|verzonden|verzenddatum|"
    r"zaaknummer|briefnummer|ons\s+nummer|referentie)\b",
    re.IGNORECASE,
)
# Bodies put in a letter's subject, by the kind of the one they replace: (name, TOOI code); the first
# that the letter's facts do not hold is used.
_SWAPS = {
    "pv": (("provincie Drenthe", "pv22"), ("provincie Zeeland", "pv29")),
    "gm": (("gemeente Zwolle", "gm0193"), ("gemeente Tilburg", "gm0855")),
    "ws": (("waterschap Vallei en Veluwe", "ws0662"), ("waterschap Rivierenland", "ws0621")),
    "so": (("Veiligheidsregio Twente", "so0679"), ("GGD Drenthe", "so0474")),
}
# A sentence naming other bodies, a date and a number, put in the body of the letter.
_BODY_SENTENCE = (
    "Op 3 maart 2015 schreef de provincie Utrecht aan de gemeente Almere, kenmerk 2015/123, "
    "over de samenwerking met het waterschap Rijn en IJssel en de gemeente Zwolle."
)
_BODY_SENTENCE_CODES = {"pv26", "gm0034", "gm0193", "ws0152"}

Variant = tuple[str, frozenset[str]]  # the text, and the fields whose truth becomes "none"


def _involved(truth: dict) -> set[str]:
    values: set[str] = set()
    for name in ("sender", "addressees", "organisations_mentioned"):
        value = truth.get(name)
        values |= {str(v) for v in (value if isinstance(value, list) else [value] if value else [])}
    return values


def _swap_name(kind: str, truth: dict) -> str | None:
    taken = _involved(truth)
    return next((name for name, code in _SWAPS.get(kind, ()) if code not in taken), None)


def _past_host_furniture(text: str) -> int:
    """Where the letter starts after a document host's page furniture (which the extractor blanks)."""
    blanked = blank_host_preamble(text)
    changed = [i for i, (a, b) in enumerate(zip(text, blanked)) if a != b]
    return changed[-1] + 1 if changed else host_title_end(text)


def _subject_span(text: str, truth: dict) -> tuple[int, int] | None:
    """The subject's line (in a header run into one line: the subject's own words)."""
    words = str(truth.get("subject") or "").split()
    if not words:
        return None
    match = re.compile(r"\s+".join(map(re.escape, words[:5])), re.IGNORECASE).search(
        text, _past_host_furniture(text)
    )
    if match is None:
        return None
    end = text.find("\n", match.end())
    end = len(text) if end < 0 else end
    whole = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE).match(text, match.start())
    if whole is not None and end - whole.end() > 40:
        return match.start(), whole.end()
    return match.start(), end


def _no_letterhead(text: str, truth: dict) -> Variant | None:
    """The lines before the first date or label line (above the salutation) removed."""
    start = offset = host_title_end(text)
    salutation = find_salutation(text, start)
    for line in text[start:].splitlines(keepends=True):
        if salutation is not None and offset >= salutation.start():
            return None
        if line.strip() and (_LABEL_LINE.match(line) or find_dates(line)):
            return (text[:start] + text[offset:], frozenset()) if offset > start else None
        offset += len(line)
    return None


def _no_signature(text: str, truth: dict) -> Variant | None:
    """Everything from the closing formula on removed: no signatories."""
    closing = last_closing(text)
    return (text[: closing.start()], frozenset({"signatories"})) if closing else None


def _subject_body_swapped(text: str, truth: dict) -> Variant | None:
    """The body the subject names replaced by another of its kind."""
    span = _subject_span(text, truth)
    if span is None:
        return None
    date = str(truth.get("date_sent") or "") or None
    for mention in sorted(
        find_kind_phrases(text, date) + find_register_names(text, date), key=lambda m: m.start
    ):
        name = _swap_name(mention.value[:2], truth) if mention.resolved else None
        if span[0] <= mention.start < span[1] and name:
            return text[: mention.start] + name + text[mention.end :], frozenset()
    return None


def _subject_names_bodies(text: str, truth: dict) -> Variant | None:
    """A province and a municipality added to the subject."""
    span = _subject_span(text, truth)
    province, municipality = _swap_name("pv", truth), _swap_name("gm", truth)
    if span is None or not province or not municipality:
        return None
    return text[: span[1]] + f" met de {province} en de {municipality}" + text[span[1] :], frozenset()


def _body_sentence(where: str) -> Callable[[str, dict], Variant | None]:
    def variant(text: str, truth: dict) -> Variant | None:
        if _involved(truth) & _BODY_SENTENCE_CODES:
            return None
        if where == "start":  # after the salutation's line (right after it where the letter is one line)
            salutation = find_salutation(text, host_title_end(text))
            if salutation is None:
                return None
            end = text.find("\n", salutation.end() - 1)
            if end < 0 or end - salutation.end() > 200:
                end = salutation.end() - 1
            return text[: end + 1] + "\n" + _BODY_SENTENCE + "\n\n" + text[end + 1 :], frozenset()
        closing = last_closing(text)  # before the closing formula's line
        if closing is None:
            return None
        line_start = text.rfind("\n", 0, closing.start()) + 1
        return text[:line_start] + _BODY_SENTENCE + "\n\n" + text[line_start:], frozenset()

    return variant


def _header_joined(text: str, truth: dict) -> Variant | None:
    """The lines above the salutation run into one line, as document hosts' text layers do."""
    start = _past_host_furniture(text)
    salutation = find_salutation(text, start)
    end = salutation.start() if salutation else header_end(text, None)
    if end <= start:
        return None
    return text[:start] + " ".join(text[start:end].split()) + " " + text[end:], frozenset()


def _ocr_noise(text: str, truth: dict) -> Variant | None:
    """In about a third of the lower-case words: rn for m, 1 or I for l, l for i."""
    rng = random.Random(str(truth.get("text")))

    def noise(match: re.Match[str]) -> str:
        word = match[0]
        if rng.random() > 0.35:
            return word
        if "m" in word and rng.random() < 0.5:
            return word.replace("m", "rn", 1)
        if "l" in word:
            return word.replace("l", rng.choice("1I"), 1)
        return word.replace("i", "l", 1)

    return re.sub(r"(?<![\w@./-])[a-z]{5,}(?![\w@./-])", noise, text), frozenset()


def _joined_and_noisy(text: str, truth: dict) -> Variant | None:
    joined = _header_joined(text, truth)
    return _ocr_noise(joined[0] if joined else text, truth)


# The words the extractor keys on: labels, salutations, closings, role words and the kind words of
# bodies (a compound before its parts, so "gemeentesecretaris" is damaged as one word).
KEY_WORDS = (
    "datum", "onderwerp", "betreft", "kenmerk", "aan", "verzonden", "verzenddatum", "zaaknummer",
    "referentie", "bijlage", "bijlagen", "geachte", "hoogachtend", "vriendelijke", "groet", "groeten",
    "namens", "burgemeester", "wethouder", "wethouders", "secretaris", "gemeentesecretaris", "griffier",
    "voorzitter", "gedeputeerde", "gedeputeerden", "dijkgraaf", "directeur", "commissaris", "gemeente",
    "gemeenteraad", "provincie", "provinciale", "staten", "waterschap", "hoogheemraadschap", "college",
    "veiligheidsregio", "bestuur", "dagelijks", "algemeen",
)  # fmt: skip
_KEY_WORD = re.compile(
    r"(?<![\w@./-])(?:" + "|".join(sorted(KEY_WORDS, key=len, reverse=True)) + r")(?![\w@/-])", re.IGNORECASE
)
# Tesseract's confusions, each (what it reads, what it may print instead).
_CONFUSIONS = (
    ("l", ("1", "I", "|")), ("i", ("l", "1", "|")), ("I", ("l", "1", "|")), ("m", ("rn",)), ("rn", ("m",)),
    ("o", ("0",)), ("O", ("0",)), ("e", ("c",)), ("d", ("cl",)), ("ij", ("ü", "ii")),
)  # fmt: skip


def _damaged(word: str, rng: random.Random, mid_line: bool) -> str:
    """One confusion in `word`: a look-alike, a space inside it, or (mid-line) a hyphen at a line end."""
    choices: list[tuple[int, str, str]] = [
        (found.start(), shape, other)
        for shape, others in _CONFUSIONS
        for found in re.finditer(re.escape(shape), word)
        for other in others
    ]
    choices += [(rng.randrange(1, len(word)), "", " ")] * 2
    if len(word) >= 8 and mid_line:
        choices.append((rng.randrange(3, len(word) - 2), "", "-\n"))
    at, shape, other = rng.choice(choices)
    return word[:at] + other + word[at + len(shape) :]


def _ocr_key_words(text: str, truth: dict) -> Variant | None:
    """Every key word (KEY_WORDS) damaged by one of Tesseract's confusions."""
    rng = random.Random(f"key words {truth.get('text')}")

    def damage(match: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, match.start()) + 1
        return _damaged(match[0], rng, bool(text[line_start : match.start()].strip()))

    return _KEY_WORD.sub(damage, text), frozenset()


def _joined_and_key_words(text: str, truth: dict) -> Variant | None:
    joined = _header_joined(text, truth)
    return _ocr_key_words(joined[0] if joined else text, truth)


PERTURBATIONS: dict[str, Callable[[str, dict], Variant | None]] = {
    "a no letterhead": _no_letterhead,
    "b no signature": _no_signature,
    "c subject body swapped": _subject_body_swapped,
    "c2 subject names bodies": _subject_names_bodies,
    "d sentence after salutation": _body_sentence("start"),
    "d2 sentence before closing": _body_sentence("end"),
    "e header joined": _header_joined,
    "e2 OCR noise": _ocr_noise,
    "e3 joined + noise": _joined_and_noisy,
    "f OCR key words": _ocr_key_words,
    "f2 joined + key words": _joined_and_key_words,
}


def perturbed_verdict(field_name: str, got: frozenset, want: frozenset) -> str:
    """same; lost (unknown, or fewer values); vague (a body's name as written where the truth resolves
    it, no more names than the truth has); WRONG (another body, date or number, or a value where the
    truth has none)."""
    if got == want:
        return "same"
    extra = got - want
    if not extra:
        return "lost"
    if (
        field_name in ("sender", "addressees")
        and want
        and len(got) <= len(want)
        and not any(is_tooi_code(str(v)) for v in extra)
    ):
        return "vague"
    return "WRONG"


def bench_perturbed(folder: Path, facts_folder: Path, show: bool = False) -> None:
    """The perturbation table of the real letters in `folder` (see PERTURBATIONS)."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    applied: dict[str, int] = defaultdict(int)
    wrong = []
    for facts_path in sorted(facts_folder.glob("*.yaml")):
        truth = yaml.safe_load(facts_path.read_text(encoding="utf-8"))
        path = folder / str(truth.get("text", ""))
        if not path.is_file():
            continue
        truth = {k: (str(v) if k == "date_sent" and v else v) for k, v in truth.items()}
        text = read_document(path, path.name, []).text or ""
        original = extract(text).facts()
        for name, perturb in PERTURBATIONS.items():
            made = perturb(text, truth)
            if made is None:
                continue
            applied[name] += 1
            facts = extract(made[0]).facts()
            for field_name in PERTURBED_FIELDS:
                want = comparable(field_name, truth.get(field_name))
                if comparable(field_name, original.get(field_name)) != want:
                    continue  # wrong on the original already: nothing to measure
                want = frozenset() if field_name in made[1] else want
                got = comparable(field_name, facts.get(field_name))
                verdict = perturbed_verdict(field_name, got, want)
                counts[(name, field_name)][verdict] += 1
                if verdict == "WRONG":
                    wrong.append(
                        f"  {facts_path.stem} | {name} | {field_name}: {sorted(want)} -> {sorted(got)}"
                    )
    print(f"perturbed real letters in {folder}")
    print(f"{'variant':<28}{'n':>4} " + " ".join(f"{f[:14]:>16}" for f in PERTURBED_FIELDS))
    print(" " * 33 + " ".join(f"{'same/lost/vg/WR':>16}" for _ in PERTURBED_FIELDS))
    total = vague = 0
    for name in PERTURBATIONS:
        cells = []
        for field_name in PERTURBED_FIELDS:
            c = counts[(name, field_name)]
            total, vague = total + c["WRONG"], vague + c["vague"]
            cells.append(f"{c['same']:>5}/{c['lost']:>3}/{c['vague']:>2}/{c['WRONG']:>3}")
        print(f"{name:<28}{applied[name]:>4} " + " ".join(cells))
    print(f"WRONG in all: {total}; vague (a body's name left unresolved) in all: {vague}")
    print("counted over the letters whose original the extractor gets right in that field")
    if show:
        print("\n".join(wrong))


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
    parser.add_argument(
        "--perturb",
        action="store_true",
        help="with --real: score variants of the letters (letterhead or signature removed, bodies put in "
        "the subject or body, header run into one line, OCR noise, every key word damaged by OCR) whose "
        "truth the facts give",
    )
    parser.add_argument("--show-wrong", action="store_true", help="with --perturb: list each wrong value")
    parser.add_argument(
        "--real-forms",
        action="store_true",
        help="render some synthetic letters in the forms the real sets showed (a header run into one line, "
        "councils listed after 'Aan:', a board's numbered paper, the body before the reference block)",
    )
    args = parser.parse_args(argv)
    if args.real:
        if not args.real.is_dir():
            print(f"{args.real} is not a folder of letter texts", file=sys.stderr)
            return 2
        if args.perturb:
            bench_perturbed(args.real, args.facts, args.show_wrong)
        else:
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
    bench_synthetic(args.letters, args.ocr_letters, args.seed, renderings, args.real_forms)
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "bench_perturbed",
    "bench_split",
    "compare_readers",
    "layout_table",
    "main",
    "perturbed_verdict",
    "score_folder",
]
