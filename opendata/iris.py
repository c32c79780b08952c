"""The one place where IRIs are minted.

Organisations in the TOOI register keep their authoritative TOOI IRI. Everything else gets
`{base_iri}{segment}/{key}`: a configurable base, the class's segment from the model and the
record's stable, human-readable key — never a row number or a hash of mutable content.
Dependent nodes (a membership's period, a letter's signature) are fragments of their owner's IRI.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from .model import Model
from .register import Register

REDACTED = "redacted"


@dataclass(frozen=True)
class Minter:
    model: Model
    register: Register
    base_iri: str
    base_url: str

    def entity(self, class_name: str, key: str) -> str:
        """The IRI of the record of `class_name` with key `key`."""
        if class_name == "Organisation":
            registered = self.register.get(key)
            if registered:
                return registered.uri
        return f"{self.base_iri}{self.model.classes[class_name].iri}/{quote(key, safe='')}"

    @staticmethod
    def dependent(owner_iri: str, fragment: str) -> str:
        """A node that exists only as part of its owner (a period, a selector, a signature)."""
        return f"{owner_iri}#{fragment}"

    def published_file(self, relative: str) -> str:
        """The download URL of a file in the publication (dist/)."""
        return self.base_url + quote(relative)

    def text_file(self, letter_key: str) -> str:
        """The published source text of a letter."""
        return self.published_file(f"tekst/{letter_key}.txt")

    def redacted(self) -> str:
        """What a reference to a person who is not public points to."""
        return self.model.vocabulary + REDACTED
