"""`publish` writes the website into dist/doc/: every resource's page (nl, en) and description
(Turtle, JSON-LD, N-Triples), index pages, pictures, the search index and the web-server rules.

Read from the published graph's parts, never from the YAML: the shared records (with the
register organisations) once, then each letter's cached triples twice — a first pass learns the
names and inverse links every page needs, the second writes each letter's own files. A letter's
files depend only on its own triples, the names of what it links to and what links to it, so
they can be cached per letter under the digest of those three (not done yet: see README,
"Website").
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

from ..publication import Publication
from . import hosting, indexes, pictures, search
from .describe import View, group, parse, serialize
from .facts import Facts
from .layout import DOC_FOLDER, Layout, file_name
from .pages import PageBuilder
from .render import render
from .terms import Terms

STATIC = Path(__file__).resolve().parent / "static"
RDF_EXTENSIONS = (".ttl", ".jsonld", ".nt")


class SiteWriter:
    def __init__(self, publication: Publication, out: Path):
        self.publication, self.out = publication, out
        self.doc = out / DOC_FOLDER
        model, config = publication.model, publication.config
        self.layout = Layout.of(config.base_iri, model)
        self.terms = Terms.of(model)
        self.prefixes = dict(sorted(model.prefixes.items()))
        for segment in self.layout.segments:
            self.prefixes[segment] = self.layout.id_base + segment + "/"
        self.facts = Facts(self.layout)
        self.letter_segment = model.classes["Letter"].iri
        self.builders = {lang: PageBuilder(self.facts, self.terms, lang) for lang in ("nl", "en")}

    def landing(self, folder: str) -> str:
        """The landing page (dist/index.html) from a folder of doc/, by file: it is the web root's index too."""
        return "../" * (1 + folder.count("/")) + "index.html"

    def write(self) -> None:
        self.doc.mkdir(exist_ok=True)
        shared = parse(self.publication.shared_nt)
        self.facts.add_shared(shared)
        for unit in self.publication.letters:
            self.facts.add_letter_part(self._letter_key(unit.key), parse(unit.nt))
        self.figures = pictures.write(self)
        for key, triples in sorted(group(shared, self.layout).items()):
            self.resource(key, triples)
        for unit in self.publication.letters:
            self.letter(unit)
        indexes.write(self)
        shutil.copytree(STATIC, self.doc / "static", dirs_exist_ok=True)
        hosting.write(self)
        self.layout.save(self.doc)
        search.write(self)

    def _letter_key(self, key: str) -> str:
        return f"{self.letter_segment}/{quote(key, safe='')}"

    def letter(self, unit) -> None:
        triples = parse(unit.nt)
        text = self._text(unit.key)
        for builder in self.builders.values():
            builder.part = View(triples)
            builder.texts = {unit.key: text} if text is not None else {}
        for key, part in sorted(group(triples, self.layout).items()):
            self.resource(key, part)

    def _text(self, key: str) -> str | None:
        path = self.out / "tekst" / f"{key}.txt"
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                return handle.read()
        except (OSError, UnicodeDecodeError):
            return None

    def resource(self, key: str, triples: list) -> None:
        """A resource's five files: its description in three RDF syntaxes, its page in two languages."""
        target = self.doc / file_name(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        for extension in RDF_EXTENSIONS:
            target.with_name(target.name + extension).write_bytes(serialize(triples, extension, self.prefixes))
        view = View(triples)
        folder = key.split("/", 1)[0] + "/"
        for lang, builder in self.builders.items():
            page = builder.build(key, view)
            for section in self.figures.get(key, {}).get(lang, ()):
                page.sections.insert(0, section)
            html = render(page, lang, root="../", name=target.name, landing=self.landing(folder),
                          canonical=self.layout.document(key))
            suffix = ".html" if lang == "nl" else ".en.html"
            target.with_name(target.name + suffix).write_text(html, encoding="utf-8")


def write(publication: Publication, out: Path) -> None:
    SiteWriter(publication, out).write()
