"""Score extracted facts against true facts: per field precision, recall and exact-match rate.

Lists are compared as sets; references after removing spaces and case; organisations by TOOI code,
a name the register gives one organisation as its code; other names case-insensitively after
stripping dots and spaces; subjects case-insensitively with spaces collapsed and without a
closing full stop (the facts of real letters were written both ways). A value given
where the truth has none is counted as invented (a false positive the targets forbid).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from opendata.model.register import is_tooi_code, load_register

FIELDS = (
    "kind",
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
    "organisations_mentioned",
)


def _reference(value) -> str:
    return re.sub(r"\s+", "", str(value)).upper()


def _name(value) -> str:
    return re.sub(r"[\s.]+", "", str(value)).lower()


def _organisation(value: str) -> str:
    """A TOOI code as it is; a name the register gives one organisation ("ministerie van Financiën") as
    that organisation's code, so facts written either way compare; any other name by `_name`."""
    if is_tooi_code(value):
        return value
    return load_register().named(value) or _name(value)


def _text(value) -> str:
    return " ".join(str(value).split()).lower().removesuffix(".")


def comparable(field_name: str, value) -> frozenset:
    """The value of a field as a set of comparable items (empty when the field has no value)."""
    if value is None or value == "" or value == []:
        return frozenset()
    values = value if isinstance(value, list) else [value]
    if field_name in ("our_reference", "your_reference", "dossier_references"):
        return frozenset(_reference(v) for v in values if v)
    if field_name == "signatories":
        return frozenset(
            (_name(v.get("name")), str(v.get("role") or "")) for v in values if isinstance(v, dict)
        )
    if field_name == "cites":
        return frozenset(
            (str(v.get("date") or ""), _reference(v.get("reference") or ""))
            for v in values
            if isinstance(v, dict)
        )
    if field_name == "subject":
        return frozenset(_text(v) for v in values)
    if field_name in ("sender", "addressees", "organisations_mentioned"):
        return frozenset(_organisation(str(v)) for v in values)
    return frozenset(str(v) for v in values)


@dataclass
class FieldScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    exact: int = 0
    letters: int = 0
    with_value: int = 0  # letters whose truth has a value
    exact_with_value: int = 0
    invented: int = 0  # letters with a value where the truth has none

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def exact_rate(self) -> float:
        return self.exact / self.letters if self.letters else 1.0

    @property
    def exact_rate_with_value(self) -> float:
        return self.exact_with_value / self.with_value if self.with_value else 1.0


@dataclass
class Scores:
    fields: dict[str, FieldScore] = field(default_factory=lambda: {name: FieldScore() for name in FIELDS})
    letters: int = 0

    def add(self, predicted: dict, truth: dict) -> None:
        self.letters += 1
        for name, score in self.fields.items():
            got, want = comparable(name, predicted.get(name)), comparable(name, truth.get(name))
            score.letters += 1
            score.true_positives += len(got & want)
            score.false_positives += len(got - want)
            score.false_negatives += len(want - got)
            score.exact += got == want
            if want:
                score.with_value += 1
                score.exact_with_value += got == want
            elif got:
                score.invented += 1

    def table(self, title: str = "") -> str:
        lines = [
            f"{title} ({self.letters} letters)" if title else f"{self.letters} letters",
            f"{'field':<24}{'precision':>10}{'recall':>8}{'exact':>8}{'exact*':>8}{'invented':>9}",
        ]
        for name, s in self.fields.items():
            lines.append(
                f"{name:<24}{s.precision:>10.3f}{s.recall:>8.3f}{s.exact_rate:>8.3f}"
                f"{s.exact_rate_with_value:>8.3f}{s.invented:>9}"
            )
        lines.append("exact*: exact-match rate over the letters whose truth has a value")
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {
            name: {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "exact": round(s.exact_rate, 4),
                "exact_with_value": round(s.exact_rate_with_value, 4),
                "invented": s.invented,
            }
            for name, s in self.fields.items()
        }


def score(pairs) -> Scores:
    """Scores of (predicted facts, true facts) pairs."""
    scores = Scores()
    for predicted, truth in pairs:
        scores.add(predicted, truth)
    return scores
