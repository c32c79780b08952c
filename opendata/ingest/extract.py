"""Extraction of a letter's facts from its text, each value with its evidence (offsets, quote, confidence).

API shared with the ingest's input/output side (see the ingest contract): `extract(text)` gives an
`Extraction`, whose `facts()` is the facts format the scorer and the draft writer read;
`split_letters(text)` tells where a new letter starts in a text that holds several.
Nothing is ever guessed: a field the text does not state stays None or empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    """One extracted value with its evidence: text[start:end] is the quote it was read from."""

    value: str
    start: int
    end: int
    confidence: float
    detail: str | None = None
    quote: str = ""


@dataclass(frozen=True)
class Signatory:
    name: Found | None
    role: Found | None
    on_behalf_of: Found | None


@dataclass(frozen=True)
class Citation:
    date: Found | None
    reference: Found | None
    sender: Found | None


@dataclass(frozen=True)
class Extraction:
    kind: Found | None
    date_sent: Found | None
    place: Found | None
    our_reference: Found | None
    your_reference: Found | None
    dossier_references: tuple[Found, ...]
    subject: Found | None
    salutation: Found | None
    sender: Found | None
    addressees: tuple[Found, ...]
    signatories: tuple[Signatory, ...]
    cites: tuple[Citation, ...]
    attachments: tuple[Found, ...]
    organisations_mentioned: tuple[Found, ...]
    themes: tuple[Found, ...]

    def facts(self) -> dict:
        """The facts format (see the ingest contract), for scoring and for the draft writer."""
        def value(found: Found | None) -> str | None:
            return found.value if found else None

        return {
            "kind": value(self.kind),
            "date_sent": value(self.date_sent),
            "our_reference": value(self.our_reference),
            "your_reference": value(self.your_reference),
            "dossier_references": [f.value for f in self.dossier_references],
            "subject": value(self.subject),
            "sender": value(self.sender),
            "sender_body": self.sender.detail if self.sender else None,
            "addressees": [f.value for f in self.addressees],
            "signatories": [{"name": value(s.name), "role": value(s.role)} for s in self.signatories],
            "cites": [{"date": value(c.date), "reference": value(c.reference)} for c in self.cites],
            "organisations_mentioned": [f.value for f in self.organisations_mentioned],
        }


def extract(text: str, *, themes: Mapping[str, str] | None = None) -> Extraction:
    """Extract the facts a letter's text states (stub in this first commit: nothing found)."""
    return Extraction(kind=None, date_sent=None, place=None, our_reference=None, your_reference=None,
                      dossier_references=(), subject=None, salutation=None, sender=None, addressees=(),
                      signatories=(), cites=(), attachments=(), organisations_mentioned=(), themes=())


def split_letters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each letter in a text that may hold several (stub: the whole text)."""
    return [(0, len(text))]
