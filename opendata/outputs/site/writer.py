"""`publish` writes the website into dist/doc/: every resource's page (nl, en) and description
(Turtle, JSON-LD, N-Triples), index pages, pictures, the search index and the web-server rules.

Read from the published graph's parts, never from the YAML: the shared records (with the
register organisations) once, then each letter's cached triples twice — a first pass learns the
names and inverse links every page needs (Facts), the second writes each letter's own files, in
worker processes on every core when there are many. A resource's file whose bytes equal the
previous build's file of the same path (by the sha256 in its manifest) is hard-linked from that
build instead of written: after a one-letter change only the files that show that letter are
written anew, and the manifest takes their digests from the previous one. Every file is still
rendered (a digest of each page's inputs would skip that too: not done yet, see README, "Website").
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import quote

from opendata.build.letter_unit import worker_count
from opendata.build.publication import Publication
from opendata.outputs.digests import manifest_digests
from opendata.outputs.site import hosting, indexes, pictures, search
from opendata.outputs.site.describe import View, group, parse, serialize
from opendata.outputs.site.facts import Facts
from opendata.outputs.site.layout import DOC_FOLDER, Layout, file_name
from opendata.outputs.site.pages import PageBuilder
from opendata.outputs.site.render import render
from opendata.outputs.site.terms import Terms

STATIC = Path(__file__).resolve().parent / "static"
RDF_EXTENSIONS = (".ttl", ".jsonld", ".nt")
PARALLEL_FROM = 2000  # resources; below this one process is faster than starting workers
BATCH = 200  # resources or letters per task sent to a worker


class PageWriter:
    """Writes resources' files; holds only what that needs, so worker processes can be given it."""

    def __init__(
        self,
        doc: Path,
        out: Path,
        layout: Layout,
        terms: Terms,
        prefixes: dict[str, str],
        facts: Facts,
        figures: dict,
        previous: Path | None = None,
    ):
        self.doc, self.out, self.layout, self.terms, self.prefixes = doc, out, layout, terms, prefixes
        self.facts, self.figures = facts, figures
        self.previous = previous  # the published build, whose unchanged files are linked, not written
        self.known = manifest_digests(previous) if previous is not None else {}
        self.builders = {lang: PageBuilder(facts, terms, lang) for lang in ("nl", "en")}

    def __getstate__(self):
        state = dict(self.__dict__)
        del state["builders"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.builders = {lang: PageBuilder(self.facts, self.terms, lang) for lang in ("nl", "en")}

    def landing(self, folder: str) -> str:
        """The landing page (dist/index.html) from a folder of doc/, by file: it is the web root's index too."""
        return "../" * (1 + folder.count("/")) + "index.html"

    def letter(self, key: str, nt: str) -> None:
        triples = parse(nt)
        text = self._text(key)
        for builder in self.builders.values():
            builder.part = View(triples)
            builder.texts = {key: text} if text is not None else {}
        for resource_key, part in sorted(group(triples, self.layout).items()):
            self.resource(resource_key, part)

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
            self.put(target.with_name(target.name + extension), serialize(triples, extension, self.prefixes))
        view = View(triples)
        folder = key.split("/", 1)[0] + "/"
        for lang, builder in self.builders.items():
            page = builder.build(key, view)
            for section in self.figures.get(key, {}).get(lang, ()):
                page.sections.insert(0, section)
            html = render(
                page,
                lang,
                root="../",
                name=target.name,
                landing=self.landing(folder),
                canonical=self.layout.document(key),
            )
            suffix = ".html" if lang == "nl" else ".en.html"
            self.put(target.with_name(target.name + suffix), html.encode("utf-8"))

    def put(self, path: Path, data: bytes) -> None:
        """Write a file, or hard-link the previous build's file of the same path when its manifest gives
        the same sha256: a link writes no data and is not hashed again. Every path is put once, into
        a new build, so a linked file is never opened for writing (that would change the old build)."""
        name = path.relative_to(self.out).as_posix()
        if self.previous is not None and self.known.get(name) == hashlib.sha256(data).hexdigest():
            try:
                os.link(self.previous / name, path)
                return
            except OSError:  # gone or on another file system: write it
                pass
        path.write_bytes(data)

    def run(self, task: list[tuple[str, str, str]]) -> None:
        """A batch: ("shared", key, N-Triples) or ("letter", letter key, N-Triples)."""
        for kind, key, nt in task:
            if kind == "letter":
                self.letter(key, nt)
            else:
                self.resource(key, parse(nt))


_WORKER: PageWriter | None = None


def _start_worker(state: bytes) -> None:
    global _WORKER
    _WORKER = pickle.loads(state)


def _run_in_worker(task: list[tuple[str, str, str]]) -> None:
    if _WORKER is None:
        raise RuntimeError("the pool's initializer sets the page writer of each worker")
    _WORKER.run(task)


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
        self.figures: dict = {}

    def landing(self, folder: str) -> str:
        return "../" * (1 + folder.count("/")) + "index.html"

    def write(self) -> None:
        self.doc.mkdir(exist_ok=True)
        shared = parse(self.publication.shared_nt)
        self.facts.add_shared(shared)
        for unit in self.publication.letters:
            self.facts.add_letter_part(self._letter_key(unit.key), parse(unit.nt))
        self.figures = pictures.write(self)
        writer = PageWriter(
            self.doc,
            self.out,
            self.layout,
            self.terms,
            self.prefixes,
            self.facts,
            self.figures,
            self.publication.previous_build,
        )
        tasks = [
            ("shared", key, serialize(triples, ".nt", {}).decode("utf-8"))
            for key, triples in sorted(group(shared, self.layout).items())
        ]
        tasks += [("letter", unit.key, unit.nt) for unit in self.publication.letters]
        self._run(writer, tasks)
        indexes.write(self)
        shutil.copytree(STATIC, self.doc / "static", dirs_exist_ok=True)
        hosting.write(self)
        self.layout.save(self.doc)
        search.write(self)

    def _run(self, writer: PageWriter, tasks: list) -> None:
        batches = [tasks[i : i + BATCH] for i in range(0, len(tasks), BATCH)]
        if len(tasks) < PARALLEL_FROM or worker_count() == 1:
            for batch in batches:
                writer.run(batch)
            return
        state = pickle.dumps(writer, protocol=pickle.HIGHEST_PROTOCOL)
        # forkserver, as the letters' workers: never fork a process that runs other threads
        with ProcessPoolExecutor(
            worker_count(),
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=_start_worker,
            initargs=(state,),
        ) as pool:
            for _ in pool.map(_run_in_worker, batches):
                pass

    def _letter_key(self, key: str) -> str:
        return f"{self.letter_segment}/{quote(key, safe='')}"


def write(publication: Publication, out: Path) -> None:
    SiteWriter(publication, out).write()
