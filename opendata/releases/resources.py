"""The graph cut into resources, each with the digest of its description.

A resource is a record's IRI. Fragment IRIs (`IRI#…`) belong to `IRI`; fact-source statements
(`rdf:Statement`s with their `#…` evidence nodes) belong to their `rdf:subject`; a letter's text
file (any subject under `base_url`: a published file, not an IRI) belongs to the resource that
names it (`schema:encoding`). The description is those N-Triples lines sorted by code
point: the graph has no blank nodes, so the lines are canonical and their SHA-256 is a digest that
changes exactly when the description does.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from opendata.model.model import RDF_TYPE

RDF_SUBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
RDF_STATEMENT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"
TITLES = (
    "http://purl.org/dc/terms/title",
    "https://schema.org/name",
    "http://schema.org/name",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://xmlns.com/foaf/0.1/name",
)


@dataclass(frozen=True)
class ResourceVersion:
    """One resource as it is in one publication."""

    iri: str
    type: str  # class IRI (the first in code-point order)
    digest: str  # "sha256:" + hex
    title: str


def split_triple(line: str) -> tuple[str, str, str]:
    """(subject IRI, predicate IRI, object as written) of an N-Triples line without blank nodes."""
    subject, rest = line.split(" ", 1)
    predicate, obj = rest.split(" ", 1)
    return subject[1:-1], predicate[1:-1], obj.rstrip("\n")[:-1].rstrip()


_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f"}


def _unescape(match: re.Match) -> str:
    code = match.group(1)
    if code[0] in "uU" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _SIMPLE.get(code, code)


def literal_text(obj: str) -> tuple[str, str] | None:
    """(text, language) of a literal object; None for an IRI."""
    if not obj.startswith('"'):
        return None
    end = obj.rindex('"')
    text = _ESCAPE.sub(_unescape, obj[1:end])
    tail = obj[end + 1 :]
    return text, tail[1:] if tail.startswith("@") else ""


def _title(values: list[tuple[str, str, str]]) -> str:
    """The Dutch title first, then one without language, then any; by the order of TITLES."""
    for predicate in TITLES:
        found = [(p_lang, text) for p, text, p_lang in values if p == predicate]
        for wanted in ("nl", "", "en"):
            for lang, text in found:
                if lang == wanted:
                    return text
        if found:
            return sorted(found)[0][1]
    return ""


def describe(lines: Iterable[str], base_iri: str, base_url: str = "") -> dict[str, ResourceVersion]:
    """Every resource of the graph (N-Triples lines), by IRI."""
    by_subject: dict[str, list[str]] = {}
    statement_of: dict[str, str] = {}  # statement IRI -> its rdf:subject
    types: dict[str, list[str]] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        subject, predicate, obj = split_triple(line)
        by_subject.setdefault(subject, []).append(line if line.endswith("\n") else line + "\n")
        if predicate == RDF_SUBJECT and obj.startswith("<"):
            statement_of[subject] = obj[1:-1]
        elif predicate == RDF_TYPE and obj.startswith("<"):
            types.setdefault(subject, []).append(obj[1:-1])
    grouped: dict[str, list[str]] = {}
    for subject, subject_lines in by_subject.items():
        grouped.setdefault(owning_resource(subject, statement_of), []).extend(subject_lines)
    files = {iri for iri in grouped if base_url and iri.startswith(base_url) and not iri.startswith(base_iri)}
    for iri in sorted(grouped):
        if iri in files:
            continue
        for line in by_subject.get(iri, ()):
            obj = line.rsplit(" ", 2)[-2] if line.rstrip().endswith(" .") else ""
            if obj.startswith("<") and obj[1:-1] in files:
                grouped[iri].extend(grouped.pop(obj[1:-1]))
                files.discard(obj[1:-1])
    return {
        iri: _version(iri, group, types)
        for iri, group in grouped.items()
        if iri not in files and (iri in types or iri.startswith(base_iri))
    }


def owning_resource(subject: str, statement_of: dict[str, str]) -> str:
    base = subject.split("#", 1)[0]
    if base in statement_of:
        return statement_of[base].split("#", 1)[0]
    return base


def _version(iri: str, lines: list[str], types: dict[str, list[str]]) -> ResourceVersion:
    lines = sorted(set(lines))
    digest = "sha256:" + hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()
    values = []
    for line in lines:
        subject, predicate, obj = split_triple(line)
        literal = literal_text(obj) if subject == iri and predicate in TITLES else None
        if literal:
            values.append((predicate, literal[0], literal[1]))
    kind = sorted(types.get(iri, [""]))[0]
    return ResourceVersion(iri, kind, digest, _title(values))
