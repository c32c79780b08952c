"""Words for the vocabulary on the pages: labels of properties, classes and value lists in nl and en.

All come from the model (the one place where fields, classes and value lists are labelled);
a term the model does not label is shown as its compact name (`schema:text`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from opendata.build.graph import shorten
from opendata.model.model import Model
from opendata.outputs.site.memo import Memo

EXTRA = {  # terms outside the model's fields that the pages show
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": ("soort", "type"),
    "http://www.w3.org/2004/02/skos/core#prefLabel": ("naam", "name"),
    "http://www.w3.org/2004/02/skos/core#editorialNote": ("redactionele noot", "editorial note"),
    "http://www.w3.org/ns/prov#qualifiedAttribution": ("ondertekening", "signature"),
    "https://w3id.org/opendata-nl/def#unknownProperty": ("onbekend in de bron", "unknown in the source"),
}


@dataclass(frozen=True)
class Terms:
    labels: dict[str, tuple[str, str]]  # IRI -> (nl, en)
    prefixes: dict[str, str]
    # label() by (IRI, language): a page asks for the same few properties and classes thousands of
    # times. Not part of the terms' text (repr), which the site's code digest reads (inputs.py).
    _cache: dict[tuple[str, str], str] = field(default_factory=Memo, repr=False, compare=False)

    @classmethod
    def of(cls, model: Model) -> Terms:
        labels: dict[str, tuple[str, str]] = dict(EXTRA)
        for cls_ in model.classes.values():
            labels.setdefault(model.expand(cls_.uri), (cls_.nl, cls_.en))
            for f in cls_.fields.values():
                if f.uri and not f.path and f.nl:
                    labels.setdefault(model.expand(f.uri), (f.nl, f.en))
        for enum in model.enums.values():
            for value in enum["values"].values():
                labels.setdefault(model.expand(value["uri"]), (value["nl"], value["en"]))
        for curie, term in model.terms.items():
            labels.setdefault(model.expand(curie), (term.get("nl", ""), term.get("en", "")))
        return cls(labels, dict(model.prefixes))

    def label(self, iri: str, lang: str) -> str:
        try:
            return self._cache[iri, lang]
        except KeyError:
            pass
        found = self.labels.get(iri)
        text = found[0 if lang == "nl" else 1] if found else ""
        self._cache[iri, lang] = text = text or self.compact(iri)
        return text

    def compact(self, iri: str) -> str:
        return shorten(iri, self.prefixes.items())
