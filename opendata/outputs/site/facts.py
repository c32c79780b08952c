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
from opendata.outputs.site.describe import RDF_SUBJECT, View, by_key, folded
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
class Facts:
    layout: Layout
    labels: dict[str, str] = field(default_factory=dict)
    types: dict[str, list[str]] = field(default_factory=dict)
    inverse: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    letters: dict[str, LetterSummary] = field(default_factory=dict)
    shared: View = field(default_factory=lambda: View([]))  # the shared records' descriptions (add_shared)
    tooi: dict[str, str] = field(default_factory=dict)  # description key -> TOOI IRI
    described: dict[str, str] = field(default_factory=dict)  # statement key -> its record's key (describe.py)
    reads: set[tuple[str, str]] | None = None  # the reads noted while a page is built (see above)

    def add_shared(self, triples: list[ox.Triple]) -> None:
        self.shared = View(triples)
        self._learn(triples)
        self._learn_statements(triples)
        for subject in self.shared.subjects:
            key = self.layout.key_of(subject)
            if key and not subject.startswith(self.layout.id_base) and "#" not in subject:
                self.tooi[key] = subject

    def add_letter_part(self, key: str, triples: list[ox.Triple]) -> None:
        self._learn(triples)
        self._learn_statements(triples)
        view = View(triples)
        iri = self.layout.id_base + key
        summary = LetterSummary(
            key.split("/", 1)[1],
            iri,
            view.first(iri, DCT + "title"),
            view.first(iri, NS_SCHEMA + "dateSent") or view.first(iri, NS_SCHEMA + "dateReceived"),
            view.iris(iri, NS_SCHEMA + "sender"),
            view.iris(iri, NS_SCHEMA + "recipient"),
            view.iris(iri, DCT + "subject"),
        )
        self.letters[iri] = summary

    def _learn(self, triples: list[ox.Triple]) -> None:
        for triple in triples:
            subject, predicate, obj = term_value(triple.subject), triple.predicate.value, triple.object
            value = term_value(obj)
            if predicate == RDF_TYPE:
                self.types.setdefault(subject, []).append(value)
            elif predicate in LABELS and subject not in self.labels:
                self.labels[subject] = value
            elif predicate == NS_SCHEMA + "text" and subject not in self.labels:
                text = " ".join(value.split())
                self.labels[subject] = text if len(text) <= QUOTE_LABEL else text[: QUOTE_LABEL - 1] + "…"
            if isinstance(obj, ox.NamedNode) and predicate != RDF_TYPE:
                owner = subject.split("#", 1)[0]
                target = obj.value
                if owner != target.split("#", 1)[0] and self.layout.key_of(target) is not None:
                    self.inverse[sys.intern(target)].append((sys.intern(predicate), sys.intern(owner)))

    def _learn_statements(self, triples: list[ox.Triple]) -> None:
        """Which statements are described in their record's document (a part without any: no work)."""
        if any(t.predicate.value == RDF_SUBJECT for t in triples):
            self.described.update(folded(by_key(triples, self.layout), self.layout))

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
        if kind == "document":
            return self.described.get(key, key)
        if kind == "shared":
            properties = self.shared.subjects.get(key, {})
            return repr(sorted((p, [str(v) for v in values]) for p, values in properties.items()))
        raise ValueError(f"unknown kind of read: {kind}")
