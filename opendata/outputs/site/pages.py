"""The content of each resource page, from the graph: sections of facts, links, text and pictures.

Every page shows all statements the graph makes about the resource and everything that refers
to it, so nothing in the graph is out of reach of a reader; the kinds people look for most
(letters, organisations, positions) get sections of their own on top. Names of people who are
not public never reach a page: the graph holds `odnl:redacted` in their place, shown as
"(name not public)".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote

import pyoxigraph as ox

from opendata.outputs.site.describe import RDF_PREDICATE, View
from opendata.outputs.site.facts import DCT, FOAF, NS_SCHEMA, OA, ODNL, ORG, PROV, SKOS, TIME, Facts
from opendata.outputs.site.layout import anchor
from opendata.outputs.site.memo import Memo
from opendata.outputs.site.terms import Terms
from opendata.outputs.site.words import WORDS

JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # json.dumps's, made once, not per page
LIST_LIMIT = 200  # links per list on a page; the rest is in the data (tables, SPARQL)
REDACTED = ODNL + "redacted"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
CONTEXT = 300  # characters of the letter's text shown before and after a position's passage
PASSAGE = "tekst-"  # before a statement's anchor: where in the letter's text that fact was read
# inverse links that pages of their own kind list in sections of their own (letters sent, members...)
LISTED_APART = {
    NS_SCHEMA + "sender",
    NS_SCHEMA + "recipient",
    ORG + "member",
    ORG + "organization",
    ORG + "postIn",
    DCT + "references",
    NS_SCHEMA + "messageAttachment",
}
KINDS = (  # (type IRI, kind), most specific first
    (NS_SCHEMA + "Message", "letter"),
    (ODNL + "Position", "position"),
    (ORG + "Organization", "organisation"),
    (ORG + "Membership", "membership"),
    (ORG + "Post", "post"),
    (FOAF + "Person", "person"),
    (SKOS + "Concept", "theme"),
    (NS_SCHEMA + "Event", "meeting"),
)
SCHEMA_TYPES = {
    "letter": ["Message", "DigitalDocument"],
    "organisation": "GovernmentOrganization",
    "person": "Person",
    "theme": "DefinedTerm",
    "meeting": "Event",
    "position": "Quotation",
    "membership": "OrganizationRole",
    "post": "Role",
}


@dataclass
class Page:
    key: str  # brief/x
    kind: str
    title: str
    subtitle: str = ""
    description: str = ""
    distinction: str = ""  # what tells it from things of the same name (a date, a period, who): in <title>
    iri: str = ""
    sections: list[dict] = field(default_factory=list)
    jsonld: str = ""
    searchable: bool = False


# A letter's key facts, in the order a reader looks for them (the model's fields: schemas/model.yaml)
KEY_FACTS = (
    DCT + "type",
    NS_SCHEMA + "dateSent",
    NS_SCHEMA + "dateReceived",
    NS_SCHEMA + "sender",
    NS_SCHEMA + "recipient",
    ODNL + "ourReference",
    ODNL + "yourReference",
    ODNL + "dossierNumber",
    DCT + "subject",
    ODNL + "unknownProperty",
)


def kind_of(types: list[str]) -> str:
    for type_iri, kind in KINDS:
        if type_iri in types:
            return kind
    return "resource"


def _cut(text: str, length: int = 200) -> str:
    return (text[:length] + "…") if len(text) > length else text


class PageBuilder:
    """Builds the page of one resource in one language; links are relative to the page's folder."""

    def __init__(self, facts: Facts, terms: Terms, lang: str, texts: dict[str, str] | None = None):
        self.facts, self.terms, self.lang, self.w = facts, terms, lang, WORDS[lang]
        self.suffix = ".html" if lang == "nl" else ".en.html"
        self.texts = texts or {}
        self.part = View(())  # all triples of the letter's part (its positions too), set per letter
        # What the layout and the vocabulary alone say of an IRI, by IRI: its key, its link when it is
        # no statement's, its name when it has no label. Nothing read from the facts is kept here,
        # so every page still notes each fact it reads (facts.reads, for the incremental build).
        self._keys: dict[str, str | None] = Memo()
        self._records: dict[str, str | None] = Memo()
        self._hrefs: dict[str, str | None] = Memo()
        self._unlabelled: dict[str, str] = Memo()

    # -- links and values
    def key_of(self, iri: str) -> str | None:
        """The layout's key_of, remembered."""
        try:
            return self._keys[iri]
        except KeyError:
            key = self._keys[iri] = self.facts.layout.key_of(iri)
            return key

    def described_in(self, key: str) -> str | None:
        """The layout's described_in (a statement's record), remembered."""
        try:
            return self._records[key]
        except KeyError:
            record = self._records[key] = self.facts.layout.described_in(key)
            return record

    def href(self, iri: str) -> str | None:
        try:
            return self._hrefs[iri]
        except KeyError:
            pass
        key = self.key_of(iri)
        if key is None:
            self._hrefs[iri] = None
            return None
        fragment = "#" + iri.split("#", 1)[1] if "#" in iri else ""
        own = f"../{key}{self.suffix}{fragment}"
        if self.described_in(key) is None:
            self._hrefs[iri] = own
            return own
        # a statement: on its record's page? The facts say, and that read is noted every time
        document = self.facts.document(key)
        if document != key:
            return f"../{document}{self.suffix}#{anchor(key)}"
        return own

    def name(self, iri: str) -> str:
        if iri == REDACTED:
            return self.w["not_public"]
        label = (
            self.facts.label(iri)
            or self.post_name(iri)
            or self.membership_name(iri)
            or self.statement_name(iri)
        )
        if label:
            return label
        try:
            return self._unlabelled[iri]
        except KeyError:
            pass
        key = self.key_of(iri)
        if key and "#" not in iri:  # a record without a name (a post): its readable key
            text = unquote(key.split("/", 1)[1])
        else:
            text = self.terms.label(iri, self.lang)
        self._unlabelled[iri] = text
        return text

    def post_name(self, iri: str) -> str:
        """A post without a name of its own, as the graph describes it: its role and the organisation it
        is in (`mayor (gemeente Oegstgeest)`), or its role alone; "" for anything else."""
        if self.key_of(iri) is None or "#" in iri or not self.facts.is_a(iri, ORG + "Post"):
            return ""
        role, organisation = (self.facts.shared_first(iri, ORG + p) for p in ("role", "postIn"))
        role_name = self.name(role) if role else ""
        return f"{role_name} ({self.name(organisation)})" if role_name and organisation else role_name

    def membership_name(self, iri: str) -> str:
        """A membership as the graph describes it: its member in its organisation (`gemeente Leiden in
        Holland Rijnland`); "" for anything else."""
        if self.key_of(iri) is None or "#" in iri or not self.facts.is_a(iri, ORG + "Membership"):
            return ""
        member, organisation = (self.facts.shared_first(iri, ORG + p) for p in ("member", "organization"))
        if not (member and organisation):
            return ""
        return self.w["member_in"].format(member=self.name(member), organisation=self.name(organisation))

    def statement_name(self, iri: str) -> str:
        """A fact-source statement as the graph describes it: the name of what it is about (the record,
        and its inline record's fragment) and its property's label (`Reactie … · signature 1 · on behalf of`)."""
        key = self.key_of(iri)
        found = self.facts.statement(iri) if key and "#" not in iri and self.described_in(key) else None
        if found is None:
            return ""
        about, predicate = found
        record, _, fragment = about.partition("#")
        parts = (
            self.name(record),
            self._fragment_name(about) if fragment else "",
            self.terms.label(predicate, self.lang),
        )
        return " · ".join(part for part in parts if part)

    def _fragment_name(self, fragment: str) -> str:
        """An inline record by its class and number (`signature 1` for `…#ondertekening-1`)."""
        number = fragment.rsplit("-", 1)[-1]
        kinds = [self.terms.label(t, self.lang).lower() for t in self.facts.types_of(fragment)]
        return f"{kinds[0]} {number}" if kinds else fragment.split("#", 1)[1]

    def link(self, iri: str, note: str = "") -> dict:
        return {"text": self.name(iri), "href": self.href(iri), "note": note}

    def value(self, term) -> dict:
        if isinstance(term, ox.NamedNode):
            return self.link(term.value)
        if isinstance(term, ox.Literal) and term.language and term.language != self.lang:
            return {"text": term.value, "lang": term.language}
        return {"text": term.value}

    # -- the page
    def build(self, key: str, view: View) -> Page:
        iri = self.facts.thing(key)
        kind = kind_of(view.types(iri))
        title = self.name(iri) or key.split("/", 1)[1]
        page = Page(key, kind, title, iri=iri, subtitle=self._kind_label(view, iri))
        page.distinction = self._distinction(kind, view, iri)
        page.description = self._description(kind, view, iri, page)
        special = getattr(self, f"_{kind}", None)
        if special:
            special(page, view, iri)
        by_key: dict[str, set[str]] = {}
        for subject in view.subjects:
            by_key.setdefault(self.key_of(subject) or key, set()).add(subject)
        page.sections.append(self.statements(view, iri, by_key.pop(key, set())))
        if by_key:  # the statements about it described here (describe.py)
            text = self.texts.get(key.split("/", 1)[1]) if kind == "letter" else None
            page.sections.append(self.sources(view, by_key, text, view.first(iri, NS_SCHEMA + "encoding")))
        page.sections += self.linked_from(iri, key)
        page.jsonld = self._jsonld(kind, view, iri, page)
        page.searchable = kind == "letter"
        return page

    def _kind_label(self, view: View, iri: str) -> str:
        labels = [self.terms.label(t, self.lang) for t in view.types(iri)]
        return ", ".join(labels)

    def _description(self, kind: str, view: View, iri: str, page: Page) -> str:
        """What a search engine shows under the title: the name (a position: its whole quote), what tells it
        from others of that name, the note (a letter: its title, senders and date)."""
        if kind == "letter":
            summary = self.facts.summary(iri)
            senders = ", ".join(self.name(s) for s in summary.senders) if summary else ""
            date = summary.date if summary else ""
            return " · ".join(part for part in (page.title, senders, date) if part)
        name = view.first(iri, NS_SCHEMA + "text") if kind == "position" else page.title  # the whole quote
        note = view.first(iri, SKOS + "note")
        return " · ".join(part for part in (_cut(name), page.distinction, _cut(note)) if part)

    def _distinction(self, kind: str, view: View, iri: str) -> str:
        """What tells the resource from others of the same name: a letter's or meeting's date, a post's
        holders and period, a membership's period, a position's holders and date (its letter's, if it has none), a dossier's number,
        the posts a person held. Two meetings 'Bestuurlijk overleg over waterveiligheid' had one title."""
        if kind == "letter":
            summary = self.facts.summary(iri)
            return summary.date if summary else ""
        if kind == "meeting":
            return view.first(iri, NS_SCHEMA + "startDate")
        if kind == "theme":
            return view.first(iri, SKOS + "notation")
        if kind == "post":
            holders = ", ".join(self.name(h) for h in view.iris(iri, ORG + "heldBy"))
            return ", ".join(p for p in (holders, self._dates(view.first, iri, TIME + "hasTime")) if p)
        if kind == "membership":
            return self._dates(view.first, iri, ORG + "memberDuring")
        if kind == "position":
            holders = ", ".join(self.name(h) for h in view.iris(iri, PROV + "wasAttributedTo"))
            date = view.first(iri, DCT + "date") or self._date_of(view.first(iri, DCT + "source"))
            return ", ".join(p for p in (holders, date) if p)
        if kind == "person":
            return ", ".join(sorted({self.name(post) for post in self.facts.pointing(iri, ORG + "heldBy")}))
        return ""

    def _dates(self, first, iri: str, predicate: str) -> str:
        """The period `predicate` gives the resource, as dates (`2010-04-01 – 2018-12-31`); "" without one."""
        interval = first(iri, predicate)
        start = first(first(interval, TIME + "hasBeginning"), TIME + "inXSDDate") if interval else ""
        end = first(first(interval, TIME + "hasEnd"), TIME + "inXSDDate") if interval else ""
        if start and end:
            return f"{start} – {end}"
        if start or end:
            return f"{self.w['from']} {start}" if start else f"{self.w['until']} {end}"
        return ""

    def statements(self, view: View, iri: str, subjects: set[str], anchors: bool = True) -> dict:
        """Every statement about the resource (`iri`) and its fragments (`subjects`), by property;
        with `anchors`, each fragment's first row has the fragment's id."""
        rows = []
        label, lang, value = self.terms.label, self.lang, self.value
        for subject in sorted(subjects, key=lambda s: (s != iri, s)):
            fragment = "" if subject == iri or "#" not in subject else subject.split("#", 1)[1]
            prefix = "#" + fragment + " · " if fragment else ""
            for number, (predicate, values) in enumerate(sorted(view.subjects[subject].items())):
                row = (prefix + label(predicate, lang), [value(v) for v in values])
                # a fragment's first row is where links to it land (`…/doc/brief/x.html#adres`)
                rows.append(row + (fragment,) if anchors and fragment and number == 0 else row)
        return {"kind": "facts", "title": self.w["statements"], "rows": rows, "ignore": True}

    def sources(
        self, view: View, by_key: dict[str, set[str]], text: str | None = None, source: str = ""
    ) -> dict:
        """The fact-source statements described on this page, each with its anchor (their IRIs' 303
        lands there) and its triples; on a letter's page (its `text`, published at `source`), with a
        link to the passage each fact was read from."""
        items = []
        for key in sorted(by_key):
            iri = self.facts.layout.thing(key)
            predicate = view.first(iri, RDF_PREDICATE)
            title = self.terms.label(predicate, self.lang) if predicate else key.split("/", 1)[-1]
            # links to a statement's fragments land at the statement's anchor: no ids of their own
            rows = self.statements(view, iri, by_key[key], anchors=False)["rows"]
            item = {"anchor": anchor(key), "title": title, "iri": iri, "rows": rows}
            passage = self._passage(iri, text, source) if text is not None and source else ""
            if passage:
                item["passage"] = {"text": passage, "href": "#" + PASSAGE + anchor(key)}
            items.append(item)
        return {"kind": "sources", "title": self.w["sources"], "statements": items, "ignore": True}

    def _passage(self, statement: str, text: str, source: str) -> str:
        """The passage of the letter's text (published at `source`) a fact was read from; "" when the
        statement's evidence is not a passage of it."""
        offsets = self.evidence(statement, source)
        if offsets is None or not 0 <= offsets[0] < offsets[1] <= len(text):
            return ""
        return _cut(text[offsets[0] : offsets[1]])

    def linked_from(self, iri: str, key: str) -> list[dict]:
        """What refers to the resource (`key`), one list per property (letters sent, cited by,
        members...); not the statements about it described on its own page."""
        by_predicate: dict[str, set[str]] = {}
        for predicate, source in self.facts.linked(iri):
            source_key = self.key_of(source) or ""
            if self.described_in(source_key) == key and self.facts.document(source_key) == key:
                continue
            if predicate not in LISTED_APART:
                by_predicate.setdefault(predicate, set()).add(source)
        sections = []
        for predicate in sorted(by_predicate):
            sources = sorted(by_predicate[predicate], key=lambda s: (self._date_of(s), s), reverse=True)
            title = f"{self.w['linked_from']}: {self.terms.label(predicate, self.lang)}"
            sections.append(self._links(title, sources, ignore=True))
        return sections

    def _date_of(self, iri: str) -> str:
        summary = self.facts.summary(iri)
        return summary.date if summary else ""

    def _links(self, title: str, iris: list[str], note=None, ignore: bool = False) -> dict:
        shown = iris[:LIST_LIMIT]
        items = [self.link(i, note(i) if note else self._date_of(i)) for i in shown]
        more = self.w["more"].format(n=len(iris) - len(shown)) if len(iris) > len(shown) else ""
        return {"kind": "links", "title": title, "items": items, "more": more, "ignore": ignore}

    # -- kinds
    def _letter(self, page: Page, view: View, iri: str) -> None:
        page.sections.append(self._key_facts(view, iri))
        signatures = view.iris(iri, PROV + "qualifiedAttribution")
        if signatures:
            page.sections.append(
                {
                    "kind": "links",
                    "title": self.w["signatories"],
                    "items": [self._signature(view, s) for s in signatures],
                }
            )
        positions = view.iris(iri, ODNL + "states")
        if positions:
            page.sections.append(self._links(self.w["positions"], positions, note=self._holders))
        for title, iris in (
            (self.w["cites"], view.iris(iri, DCT + "references")),
            (self.w["cited_by"], self.facts.pointing(iri, DCT + "references")),
            (self.w["attachments"], view.iris(iri, NS_SCHEMA + "messageAttachment")),
            (self.w["attached_to"], self.facts.pointing(iri, NS_SCHEMA + "messageAttachment")),
        ):
            if iris:  # other letters' titles: the search finds each letter by its own words
                page.sections.append(self._links(title, iris, ignore=True))
        page.sections.append(self._provenance(view, iri))
        key = page.key.split("/", 1)[1]
        if key in self.texts:
            read = self._sourced(view, page.key), view.first(iri, NS_SCHEMA + "encoding")
            page.sections.append(self._text(self.texts[key], positions, *read))

    def _key_facts(self, view: View, iri: str) -> dict:
        """What a reader looks for first, above the letter's text: its kind, dates, sender, addressees,
        references, themes and the facts its text leaves open (every statement is in the table below)."""
        rows = [
            (self.terms.label(predicate, self.lang), [self.value(v) for v in values])
            for predicate in KEY_FACTS
            if (values := view.values(iri, predicate))
        ]
        return {"kind": "facts", "title": self.w["key_facts"], "rows": rows}

    def _signature(self, view: View, signature: str) -> dict:
        person = view.first(signature, PROV + "agent")
        parts = [f"{self.w['role']}: {self.name(r)}" for r in view.iris(signature, PROV + "hadRole")]
        parts += [f"{self.w['in_post']}: {self.name(p)}" for p in view.iris(signature, ODNL + "inPost")]
        behalf = view.iris(signature, ODNL + "onBehalfOf")
        if behalf:
            parts.append(f"{self.w['on_behalf_of']}: " + ", ".join(self.name(b) for b in behalf))
        return self.link(person, "; ".join(parts)) if person else {"text": "; ".join(parts)}

    def _holders(self, position: str) -> str:
        return ", ".join(self.name(h) for h in self.part.iris(position, PROV + "wasAttributedTo"))

    def evidence(self, resource: str, source: str | None = None) -> tuple[int, int] | None:
        """The character offsets of a position's or a fact-source statement's passage (its Web Annotation
        TextPositionSelector); with `source`, only a passage of the text at that address."""
        for specific in self.part.iris(resource, ODNL + "evidence"):
            if source is not None and source not in self.part.iris(specific, OA + "hasSource"):
                continue
            for selector in self.part.iris(specific, OA + "hasSelector"):
                start, end = self.part.first(selector, OA + "start"), self.part.first(selector, OA + "end")
                if start and end:
                    return int(start), int(end)
        return None

    def _provenance(self, view: View, iri: str) -> dict:
        """Curated; machine-extracted and by what, and whether a person reviewed it: a record without
        prov:wasGeneratedBy was made by a person; one generated by an activity of type odnl:draft is a
        draft; one whose activity has no type was extracted by the tool named and reviewed by a person
        (a reviewed record may keep its `extracted_by`: docs/fact-sources.md)."""
        items = []
        for activity in view.iris(iri, PROV + "wasGeneratedBy"):
            tools = [
                view.first(agent, RDFS_LABEL) or self.name(agent)
                for agent in view.iris(activity, PROV + "wasAssociatedWith")
            ]
            word = "machine" if ODNL + "draft" in view.iris(activity, DCT + "type") else "reviewed"
            items.append({"text": self.w[word] + (f" ({', '.join(tools)})" if tools else "")})
        return {
            "kind": "links",
            "title": self.w["provenance"],
            "items": items or [{"text": self.w["curated"]}],
        }

    def _sourced(self, view: View, key: str) -> list[str]:
        """The keys of the fact-source statements described on the letter's page (`bron/brief-x-title-1`)."""
        return sorted({k for subject in view.subjects if (k := self.key_of(subject)) and k != key})

    def _spans(self, text: str, iris: list[str], source: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, iri) of each resource whose evidence is a passage of `text` (of the text at
        `source`, when given)."""
        spans = []
        for iri in iris:
            offsets = self.evidence(iri, source)
            if offsets is not None and 0 <= offsets[0] < offsets[1] <= len(text):
                spans.append((*offsets, iri))
        return spans

    def _text(self, text: str, positions: list[str], sourced: Sequence[str] = (), source: str = "") -> dict:
        """The letter's text cut at every evidence boundary. A piece inside positions' passages links to
        the first; one inside only the passages that a fact of the letter was read from (its source
        statements: the date, the sender…) links to that statement's part of the page, which links back."""
        spans = self._spans(text, positions)
        layout = self.facts.layout
        sources = {layout.thing(k): k for k in sourced}
        source_spans = self._spans(text, list(sources), source) if source else []
        cuts = sorted({0, len(text)} | {offset for s, e, _ in spans + source_spans for offset in (s, e)})
        pieces, anchored = [], set()
        for begin, finish in zip(cuts, cuts[1:]):
            covering = sorted(p for s, e, p in spans if s <= begin and finish <= e)
            read = sorted(sources[i] for s, e, i in source_spans if s <= begin and finish <= e)
            piece: dict = {
                "text": text[begin:finish],
                "positions": " ".join(self._fragment_key(p) for p in covering),
                "sources": " ".join(anchor(k) for k in read),
                # where the statements' "in the text" links land: before the first piece of each passage
                "source_anchors": [PASSAGE + anchor(k) for k in read if k not in anchored],
            }
            anchored.update(read)
            if covering:
                piece["href"] = self.href(covering[0])
                first = next((p for p in covering if p not in anchored), None)
                if first:
                    anchored.add(first)
                    piece["anchor"] = "bewijs-" + self._fragment_key(first)
            elif read:
                piece["href"] = "#" + anchor(read[0])
                piece["label"] = ", ".join(self._read_label(layout.thing(k)) for k in read)
            pieces.append(piece)
        return {
            "kind": "text",
            "title": self.w["text"],
            "note": " ".join(
                self.w[n] for n, shown in (("text_note", spans), ("sources_note", source_spans)) if shown
            ),
            "pieces": pieces,
        }

    def _read_label(self, statement: str) -> str:
        """What a fact-source statement says was read: its property's label ("verzenddatum")."""
        predicate = self.part.first(statement, RDF_PREDICATE)
        return self.terms.label(predicate, self.lang) if predicate else ""

    def _fragment_key(self, iri: str) -> str:
        key = self.key_of(iri) or iri
        return key.split("/", 1)[-1]

    def _position(self, page: Page, view: View, iri: str) -> None:
        text = view.first(iri, NS_SCHEMA + "text")
        source = view.first(iri, DCT + "source")
        link = None
        if source:
            link = self.link(source)
            if link["href"]:
                link["href"] += "#bewijs-" + self._fragment_key(iri)
            link["text"] = f"{self.w['context']}: {link['text']}"
        page.sections.append({"kind": "quote", "title": self.w["quote"], "text": text, "link": link})
        surrounding = self._in_context(iri, source, link["href"] if link else None)
        if surrounding:
            page.sections.append(surrounding)
        holders = view.iris(iri, PROV + "wasAttributedTo")
        if holders:
            date = view.first(iri, DCT + "date")
            page.sections.append(self._links(self.w["held_by"], holders, note=lambda _: date))

    def _in_context(self, position: str, letter: str | None, href: str | None) -> dict | None:
        """The position's passage in the letter's published text with the text around it (CONTEXT
        characters each side, cut at a space), the passage marked and linked to its place in the
        letter; None when the letter's text is not at hand or the passage is not in it."""
        if letter is None:
            return None
        text = self.texts.get((self.key_of(letter) or "").partition("/")[2])
        if text is None:
            return None
        offsets = self.evidence(position, self.part.first(letter, NS_SCHEMA + "encoding") or None)
        if offsets is None or not 0 <= offsets[0] < offsets[1] <= len(text):
            return None
        start, end = offsets
        before, after = text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
        if start > CONTEXT:
            before = "…" + before[before.find(" ") + 1 :] if " " in before else "…" + before
        if end + CONTEXT < len(text):
            after = after[: after.rfind(" ")] + "…" if " " in after else after + "…"
        passage = {"text": text[start:end], "positions": self._fragment_key(position), "href": href}
        pieces = [{"text": before, "positions": ""}, passage, {"text": after, "positions": ""}]
        return {"kind": "text", "title": self.w["in_context"], "pieces": pieces}

    def _organisation(self, page: Page, view: View, iri: str) -> None:
        memberships = self.facts.pointing(iri, ORG + "member")
        if memberships:
            page.sections.append(
                {
                    "kind": "links",
                    "title": self.w["memberships"],
                    "items": [self._membership_item(m, ORG + "organization") for m in memberships],
                }
            )
        members = self.facts.pointing(iri, ORG + "organization")
        if members:
            page.sections.append(
                {
                    "kind": "links",
                    "title": self.w["members"],
                    "items": [self._membership_item(m, ORG + "member") for m in members],
                }
            )
        posts = self.facts.pointing(iri, ORG + "postIn")
        if posts:
            page.sections.append(
                {"kind": "links", "title": self.w["posts"], "items": [self._post_item(p) for p in posts]}
            )
        for title, predicate in (
            (self.w["sent"], NS_SCHEMA + "sender"),
            (self.w["received"], NS_SCHEMA + "recipient"),
        ):
            letters = sorted(
                self.facts.pointing(iri, predicate), key=lambda s: (self._date_of(s), s), reverse=True
            )
            if letters:
                page.sections.append(self._links(title, letters))
        if not iri.startswith(self.facts.layout.id_base):
            page.sections.insert(
                0, {"kind": "links", "title": self.w["tooi"], "items": [{"text": iri, "href": iri}]}
            )

    def _post_item(self, post: str) -> dict:
        """A post with who holds it (a person not public shows as such)."""
        held = [self.name(h) for h in self.facts.shared_iris(post, ORG + "heldBy")]
        named = self.facts.label(post)  # else its link text says its role (post_name)
        roles = [self.name(r) for r in self.facts.shared_iris(post, ORG + "role")] if named else []
        note = "; ".join(
            part
            for part in (", ".join(roles), f"{self.w['held_by']}: {', '.join(held)}" if held else "")
            if part
        )
        return self.link(post, note)

    def _membership_item(self, membership: str, other: str) -> dict:
        target = self.facts.shared_first(membership, other)
        role = self.facts.shared_first(membership, ORG + "role")
        period = self.period(membership)
        note = "; ".join(
            part for part in (f"{self.w['role']}: {self.name(role)}" if role else "", period) if part
        )
        item = self.link(target, note)
        item["membership"] = membership
        item["detail"] = {"text": self.w["membership"], "href": self.href(membership)}  # its own page
        return item

    def period(self, membership: str) -> str:
        first = self.facts.shared_first
        interval = first(membership, ORG + "memberDuring")
        start = first(first(interval, TIME + "hasBeginning"), TIME + "inXSDDate") if interval else ""
        end = first(first(interval, TIME + "hasEnd"), TIME + "inXSDDate") if interval else ""
        if not (start or end):
            return self.w["unknown_period"]
        parts = [f"{self.w['from']} {start}" if start else "", f"{self.w['until']} {end}" if end else ""]
        return f"{self.w['period']}: " + " ".join(p for p in parts if p)

    # -- schema.org for search engines
    def text_language(self, iri: str) -> str:
        """The language of the text a letter is (its schema:encoding) or a position is quoted from (its
        evidence's oa:hasSource), as the graph gives it (schema:inLanguage); "" when it has none."""
        part = self.part
        texts = part.iris(iri, NS_SCHEMA + "encoding") + [
            source
            for evidence in part.iris(iri, ODNL + "evidence")
            for source in part.iris(evidence, OA + "hasSource")
        ]
        return next(
            (language for text in texts if (language := part.first(text, NS_SCHEMA + "inLanguage"))), ""
        )

    @staticmethod
    def _schema_type(kind: str, view: View, iri: str) -> object:
        """schema.org's type of the page's thing: an organisation the graph gives no more than
        org:Organization (a business association, a school, a kind not known: the model claims no kind of
        government for it) is an Organization, not a GovernmentOrganization."""
        if kind == "organisation" and set(view.types(iri)) <= {ORG + "Organization"}:
            return "Organization"
        return SCHEMA_TYPES.get(kind, "Thing")

    def _jsonld(self, kind: str, view: View, iri: str, page: Page) -> str:
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": self._schema_type(kind, view, iri),
            "@id": iri,
            "name": page.title,
            "url": self.facts.layout.document(page.key),
            # the page in its own language; the thing it describes in the language of its text, if any
            "mainEntityOfPage": {
                "@type": "WebPage",
                "@id": self.facts.layout.document(page.key, self.suffix),
                "inLanguage": self.lang,
            },
        }
        language = self.text_language(iri)
        if language:
            data["inLanguage"] = language
        if page.description:
            data["description"] = page.description
        if kind == "letter":
            summary = self.facts.summary(iri)
            if summary and summary.date:
                data["dateCreated"] = summary.date
            if summary and summary.senders:
                data["sender"] = [{"@id": s, "name": self.name(s)} for s in summary.senders]
        if kind == "meeting":
            date = view.first(iri, NS_SCHEMA + "startDate")
            if date:
                data["startDate"] = date
        return JSON.encode(data).replace("<", "\\u003c")
