"""The one place where IRIs are minted.

Organisations in the TOOI register keep their authoritative TOOI IRI. Everything else gets
`{base_iri}{segment}/{key}`: a configurable base, the class's segment from the model and the
record's stable, human-readable key — never a row number or a hash of mutable content.
Dependent nodes (a membership's period, a letter's signature) are fragments of their owner's IRI.

The catalog's own resources (catalog, datasets, distributions, data services) are minted under
`base_iri` too, not under `base_url`: harvesters key a dataset on its IRI, and `base_url` (where
the files are served) may move while the identity must not. Their download and access URLs are
under `base_url`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from opendata.model.model import ORGANISATION, Model
from opendata.model.register import Register

REDACTED = "redacted"
# Path segments of the catalog's resources; the model's classes must not use them (a test checks).
CATALOG_SEGMENTS = {
    "catalog": "catalogus",
    "dataset": "dataset",
    "distribution": "distributie",
    "service": "dienst",
}


@dataclass(frozen=True)
class Minter:
    model: Model
    register: Register
    base_iri: str
    base_url: str

    def entity(self, class_name: str, key: str) -> str:
        """The IRI of the record of `class_name` with key `key`."""
        if class_name == ORGANISATION:
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

    def catalog(self) -> str:
        """The DCAT catalog of this publication."""
        return self.base_iri + CATALOG_SEGMENTS["catalog"]

    def catalog_dataset(self, key: str) -> str:
        """A dataset of the catalog (and the VoID dataset of the same data)."""
        return f"{self.base_iri}{CATALOG_SEGMENTS['dataset']}/{quote(key, safe='')}"

    def distribution(self, relative: str) -> str:
        """The distribution that is the published file `relative` (a path in dist/)."""
        return f"{self.base_iri}{CATALOG_SEGMENTS['distribution']}/{quote(relative)}"

    def data_service(self, key: str) -> str:
        """A data service (such as the SPARQL endpoint) of the catalog."""
        return f"{self.base_iri}{CATALOG_SEGMENTS['service']}/{quote(key, safe='')}"

    def redacted(self) -> str:
        """What a reference to a person who is not public points to."""
        return self.model.vocabulary + REDACTED
