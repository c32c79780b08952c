"""What a page needs to know about other resources: names, kinds and who points at whom.

Collected in one pass over the published graph's parts (shared records, then letter by letter):
labels for links, the types of every resource, the inverse links a page lists ("cited by",
"letters sent") and a small summary of each letter for index pages and timelines. The shared
records and the register organisations are few; they are kept whole as a View.

A page reads the facts through the methods below only; while `reads` is a set, each read is noted
in it as (kind, key), and `value(kind, key)` gives what that read sees now. The site writer keeps
a page's reads with its files, and skips rendering it again while the facts it read are the same.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from opendata.model.model import RDF_TYPE
from opendata.outputs.site.describe import RDF_PREDICATE, RDF_SUBJECT, View, by_key, folded
from opendata.outputs.site.layout import Layout
from opendata.outputs.triples import term_value

NS_SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
FOAF = "http://xmlns.com/foaf/0.1/"
OA = "http://www.w3.org/ns/oa#"
TIME = "http://www.w3.org/2006/time#"
ODNL = "https://w3id.org/opendata-nl/def#"
LABELS = (SKOS + "prefLabel", FOAF + "name", NS_SCHEMA + "name", DCT + "title")
QUOTE_LABEL = 90  # characters of a position's text used as its link text


@dataclass
class LetterSummary:
    key: str
    iri: str
    title: str = ""
    date: str = ""  # sent, else received; "" when both are unknown
    senders: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)


@dataclass
class Learned:
    """What one part of the graph (the shared records, or one letter) adds to the facts. A letter's
    is made in the worker processes and cached with its unit (`letter_part`), so a publish learns
    each letter by merging, without parsing its triples again."""

    types: list[tuple[str, str]] = field(default_factory=list)  # (subject, class IRI)
    labels: dict[str, str] = field(default_factory=dict)  # subject -> its first label in the part
    inverse: list[tuple[str, str, str]] = field(default_factory=list)  # (target, predicate, owner)
    described: dict[str, str] = field(default_factory=dict)  # statement key -> its record's key
    # fact-source statement IRI -> (what it is about, its property): its name on other pages
    statements: dict[str, tuple[str, str]] = field(default_factory=dict)
    letter: LetterSummary | None = None


def learn(triples: list[ox.Triple], layout: Layout) -> Learned:
    """A part's types, labels, links to other resources and statements described with their record."""
    found = Learned()
    labels = found.labels
    about: dict[str, str] = {}
    properties: dict[str, str] = {}
    for triple in triples:
        subject, predicate, obj = term_value(triple.subject), triple.predicate.value, triple.object
        value = term_value(obj)
        if predicate == RDF_SUBJECT:
            about[subject] = value
        elif predicate == RDF_PREDICATE:
            properties[subject] = value
        if predicate == RDF_TYPE:
            found.types.append((subject, value))
        elif predicate in LABELS and subject not in labels:
            labels[subject] = value
        elif predicate == NS_SCHEMA + "text" and subject not in labels:
            text = " ".join(value.split())
            labels[subject] = text if len(text) <= QUOTE_LABEL else text[: QUOTE_LABEL - 1] + "…"
        if isinstance(obj, ox.NamedNode) and predicate != RDF_TYPE:
            owner = subject.split("#", 1)[0]
            target = obj.value
            if owner != target.split("#", 1)[0] and layout.key_of(target) is not None:
                found.inverse.append((target, predicate, owner))
    if about:  # a part without statements: no work
        found.described = folded(by_key(triples, layout), layout)
        found.statements = {s: (about[s], properties[s]) for s in sorted(about) if s in properties}
    return found


def learn_letter(iri: str, triples: list[ox.Triple], layout: Layout) -> Learned:
    """A letter's part, with the summary of the letter `iri` that index pages and timelines show."""
    found = learn(triples, layout)
    view = View(triples)
    found.letter = LetterSummary(
        iri[len(layout.id_base) :].split("/", 1)[1],
        iri,
        view.first(iri, DCT + "title"),
        view.first(iri, NS_SCHEMA + "dateSent") or view.first(iri, NS_SCHEMA + "dateReceived"),
        view.iris(iri, NS_SCHEMA + "sender"),
        view.iris(iri, NS_SCHEMA + "recipient"),
        view.iris(iri, DCT + "subject"),
    )
    return found


@dataclass
class Facts:
    layout: Layout
    labels: dict[str, str] = field(default_factory=dict)
    types: dict[str, list[str]] = field(default_factory=dict)
    inverse: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    letters: dict[str, LetterSummary] = field(default_factory=dict)
    shared: View = field(default_factory=lambda: View([]))  # the shared records' descriptions (add_shared)
    tooi: dict[str, str] = field(default_factory=dict)  # description key -> TOOI IRI
    described: dict[str, str] = field(default_factory=dict)  # statement key -> its record's key (describe.py)
    statements: dict[str, tuple[str, str]] = field(default_factory=dict)  # statement IRI -> (about, property)
    reads: set[tuple[str, str]] | None = None  # the reads noted while a page is built (see above)

    def add_shared(self, triples: list[ox.Triple]) -> None:
        self.shared = View(triples)
        self.add(learn(triples, self.layout))
        for subject in self.shared.subjects:
            key = self.layout.key_of(subject)
            if key and not subject.startswith(self.layout.id_base) and "#" not in subject:
                self.tooi[key] = subject

    def add(self, learned: Learned) -> None:
        """Merge a part's facts: the parts in the order of the graph (a subject's first label wins)."""
        types, labels, inverse, intern = self.types, self.labels, self.inverse, sys.intern
        for subject, value in learned.types:
            types.setdefault(subject, []).append(value)
        for subject, label in learned.labels.items():
            labels.setdefault(subject, label)
        for target, predicate, owner in learned.inverse:
            inverse[intern(target)].append((intern(predicate), intern(owner)))
        self.described.update(learned.described)
        for statement, (about, predicate) in learned.statements.items():
            self.statements[intern(statement)] = (intern(about), intern(predicate))
        if learned.letter is not None:
            self.letters[learned.letter.iri] = learned.letter

    def document(self, key: str) -> str:
        """The key of the document that describes `key`: a statement's record's, or its own."""
        self._note("document", key)
        return self.described.get(key, key)

    def _note(self, kind: str, key: str) -> None:
        if self.reads is not None:
            self.reads.add((kind, key))

    def label(self, iri: str) -> str:
        self._note("label", iri)
        return self.labels.get(iri, "")

    def summary(self, iri: str) -> LetterSummary | None:
        """The letter's summary (None for anything but a letter)."""
        self._note("letter", iri)
        return self.letters.get(iri)

    def linked(self, target: str) -> list[tuple[str, str]]:
        """(predicate, source) of every link to `target` from another resource."""
        self._note("inverse", target)
        return self.inverse.get(target, [])

    def pointing(self, target: str, predicate: str) -> list[str]:
        """The resources that point at `target` with `predicate`, sorted, once each."""
        return sorted({source for p, source in self.linked(target) if p == predicate})

    def thing(self, key: str) -> str:
        """The IRI of the thing a description key names (the TOOI IRI for a register organisation)."""
        self._note("tooi", key)
        return self.layout.thing(key, self.tooi)

    def shared_iris(self, subject: str, predicate: str) -> list[str]:
        self._note("shared", subject)
        return self.shared.iris(subject, predicate)

    def shared_first(self, subject: str, predicate: str) -> str:
        self._note("shared", subject)
        return self.shared.first(subject, predicate)

    def statement(self, iri: str) -> tuple[str, str] | None:
        """What a fact-source statement is about and its property; None for anything else."""
        self._note("statement", iri)
        return self.statements.get(iri)

    def types_of(self, iri: str) -> list[str]:
        self._note("types", iri)
        return self.types.get(iri, [])

    def is_a(self, iri: str, type_iri: str) -> bool:
        self._note("types", iri)
        return type_iri in self.types.get(iri, ())

    def value(self, kind: str, key: str) -> str:
        """What a read of `kind` and `key` sees now, as text (for a digest of a page's inputs)."""
        if kind == "label":
            return self.labels.get(key, "")
        if kind == "letter":
            return repr(self.letters.get(key))
        if kind == "inverse":
            return repr(self.inverse.get(key, []))
        if kind == "tooi":
            return self.tooi.get(key, "")
        if kind == "types":
            return repr(self.types.get(key, []))
        if kind == "statement":
            return repr(self.statements.get(key))
        if kind == "document":
            return self.described.get(key, key)
        if kind == "shared":
            properties = self.shared.subjects.get(key, {})
            return repr(sorted((p, [str(v) for v in values]) for p, values in properties.items()))
        raise ValueError(f"unknown kind of read: {kind}")
