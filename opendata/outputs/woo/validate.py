"""Check sitemaps and sitemap indexes against the sitemaps.org 0.9 XSDs and the DiWoo metadata XSD.

The XSDs are unedited copies in opendata/standards/ (SOURCES.md). The sitemap XSD lets `<url>` hold
elements of other namespaces with `processContents="strict"`, so validating a sitemap with the
sitemap XSD and the DiWoo XSD loaded together checks every `<diwoo:Document>` too. The DiWoo XSD
imports MDTO (the National Archives' schema) from the web for its alternative to `<diwoo:DiWoo>`; the
publication never uses that alternative and never goes online, so the import is answered by a
stub that declares only the `mdto:MDTO` element.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints; no stubs pinned

from opendata.model.resources import standards_dir

MDTO_LOCATION = "https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"
MDTO_STUB = b"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="https://www.nationaalarchief.nl/mdto"
           elementFormDefault="qualified"><xs:element name="MDTO"/></xs:schema>"""


class _Offline(etree.Resolver):
    """Answers the MDTO import with the stub; refuses every other network address."""

    def resolve(self, url, public_id, context):
        if url == MDTO_LOCATION:
            return self.resolve_string(MDTO_STUB, context)
        if url.startswith(("http://", "https://")):
            raise OSError(f"the XSDs must not be fetched from the network: {url}")
        return None


def _wrapper() -> bytes:
    folder = standards_dir()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="{(folder / "sitemaps" / "sitemap.xsd").as_uri()}"/>
  <xs:import namespace="https://standaarden.overheid.nl/diwoo/metadata/" schemaLocation="{(folder / "diwoo" / "diwoo-metadata.xsd").as_uri()}"/>
</xs:schema>""".encode()


@cache
def schema(kind: str) -> etree.XMLSchema:
    """'sitemap' (sitemap XSD + DiWoo XSD) or 'index' (the sitemap index XSD)."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Offline())
    if kind == "index":
        return etree.XMLSchema(etree.parse(str(standards_dir() / "sitemaps" / "siteindex.xsd"), parser))
    return etree.XMLSchema(
        etree.fromstring(_wrapper(), parser, base_url=(standards_dir() / "wrapper.xsd").as_uri())
    )


def errors(path: Path) -> list[str]:
    """The XSD errors of one sitemap or sitemap index (empty when it is valid)."""
    document = etree.parse(str(path), etree.XMLParser(huge_tree=True))
    root = etree.QName(document.getroot()).localname
    checker = schema("index" if root == "sitemapindex" else "sitemap")
    if checker.validate(document):
        return []
    return [f"{path.name}:{e.line}: {e.message}" for e in checker.error_log]
