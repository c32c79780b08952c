"""`publish` writes the website into dist/doc/: every resource's page (nl, en) and description
(Turtle, JSON-LD, N-Triples), index pages, pictures, the search index and the web-server rules.

Read from the published graph's parts, never from the YAML: the shared records (with the
register organisations) once, then each letter: first the names and inverse links every page
needs (Facts; a letter's are learned in the letters' workers and cached with its unit), then the
letter's own files from its cached triples, in
worker processes on every core when there are many. A resource whose inputs are those of the
previous build (its own triples, the facts its pages read, the code: see inputs.py) is not rendered
again: its files are hard-linked from that build. A file rendered anew whose bytes equal the previous
build's file of the same path (by the sha256 in its manifest) is linked too. After a one-letter
change only the pages that show that letter are rendered and written; the manifest takes the linked
files' digests from the previous one.
"""

from __future__ import annotations

import hashlib
import json
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
from opendata.outputs.site import hosting, indexes, inputs, pictures, search
from opendata.outputs.site.describe import View, group, parse, serialize
from opendata.outputs.site.facts import Facts, Learned, learn_letter
from opendata.outputs.site.layout import DOC_FOLDER, Layout, file_name
from opendata.outputs.site.pages import PageBuilder
from opendata.outputs.site.render import render
from opendata.outputs.site.terms import Terms

STATIC = Path(__file__).resolve().parent / "static"
RDF_EXTENSIONS = (".ttl", ".jsonld", ".nt")
NAME = "site"  # the output's name, and the key of its part of each letter (facts.letter_part)
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
        letter_segment: str,
        previous: Path | None = None,
        record: dict[str, inputs.Entry] | None = None,
    ):
        self.doc, self.out, self.layout, self.terms, self.prefixes = doc, out, layout, terms, prefixes
        self.facts, self.figures = facts, figures
        self.previous = previous  # the published build, whose unchanged files are linked, not written
        self.known = manifest_digests(previous) if previous is not None else {}
        self.letter_segment = letter_segment
        self.record = record or {}  # the previous site build's inputs, by resource key (inputs.py)
        self.code = inputs.code_digest(terms, prefixes, layout.id_base, layout.doc_base)
        self.entries: dict[str, inputs.Entry] = {}  # this build's inputs, by resource key
        self.builders = {lang: PageBuilder(facts, terms, lang) for lang in ("nl", "en")}
        self.doc_in_build = doc.relative_to(out).as_posix()
        self.folders: set[str] = set()  # the folders of doc/ made so far

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
        # Only the letter's own page reads the whole part and the text (its positions' holders and
        # passages); its other resources' pages read their own triples.
        letter = self._letter_key(key)
        whole = inputs.digest(nt, "" if text is None else "\0" + text)
        for resource_key, part in sorted(group(triples, self.layout).items()):
            mine = whole if resource_key == letter else "\n".join(sorted(map(str, part)))
            own = inputs.digest(self.code, resource_key, mine, self._figures(resource_key))
            self.resource(resource_key, part, own)

    def _letter_key(self, key: str) -> str:
        return f"{self.letter_segment}/{quote(key, safe='')}"

    def shared(self, key: str, nt: str) -> None:
        self.resource(key, parse(nt), inputs.digest(self.code, key, nt, self._figures(key)))

    def _figures(self, key: str) -> str:
        return json.dumps(self.figures.get(key), sort_keys=True, default=str)

    def _text(self, key: str) -> str | None:
        path = self.out / "tekst" / f"{key}.txt"
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                return handle.read()
        except (OSError, UnicodeDecodeError):
            return None

    def resource(self, key: str, triples: list, own: str) -> None:
        """A resource's five files: its description in three RDF syntaxes, its page in two languages;
        linked from the previous build when their inputs are the same (`own`: see inputs.py)."""
        folder = key.rpartition("/")[0]
        if folder not in self.folders:  # one mkdir per folder, not per resource
            (self.doc / file_name(folder)).mkdir(parents=True, exist_ok=True)
            self.folders.add(folder)
        if self._reuse(key, own):
            return
        self.facts.reads = set()
        try:
            files = self._render(key, triples, f"{self.doc_in_build}/{file_name(key)}")
            reads = sorted(self.facts.reads)
        finally:
            self.facts.reads = None
        seen = inputs.seen(self.facts, reads)
        self.entries[key] = inputs.Entry(own, reads, seen, inputs.files_digest(list(files), files))

    def _reuse(self, key: str, own: str) -> bool:
        """Link the previous build's files of a resource whose inputs are unchanged; False if not."""
        entry = self.record.get(key)
        if self.previous is None or entry is None or entry.own != own:
            return False
        names = self._names(key)
        if inputs.files_digest(names, self.known) != entry.files:
            return False  # the record is not of the previous build's files
        if inputs.seen(self.facts, entry.reads) != entry.seen:
            return False
        linked: list[str] = []  # paths as text: a Path per file costs more than the link
        previous, out = os.fspath(self.previous), os.fspath(self.out)
        try:
            for name in names:
                os.link(f"{previous}/{name}", f"{out}/{name}")
                linked.append(f"{out}/{name}")
        except OSError:  # gone or on another file system: render it
            for path in linked:
                os.unlink(path)
            return False
        self.entries[key] = entry
        return True

    def _names(self, key: str) -> list[str]:
        """The paths in the build of a resource's files (as `_render` writes them)."""
        name = f"{self.doc_in_build}/{file_name(key)}"
        return [name + extension for extension in (*RDF_EXTENSIONS, ".html", ".en.html")]

    def _render(self, key: str, triples: list, target: str) -> dict[str, str]:
        """Write a resource's files; `target`: their path in the build without the extension."""
        files = {}
        name = target.rsplit("/", 1)[-1]
        for extension in RDF_EXTENSIONS:
            files.update(self.put(target + extension, serialize(triples, extension, self.prefixes)))
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
                name=name,
                landing=self.landing(folder),
                canonical=self.layout.document(key),
            )
            suffix = ".html" if lang == "nl" else ".en.html"
            files.update(self.put(target + suffix, html.encode("utf-8")))
        return files

    def put(self, name: str, data: bytes) -> dict[str, str]:
        """Write a file (`name`: its path in the build), or hard-link the previous build's file of the
        same path when its manifest gives the same sha256: a link writes no data and is not hashed
        again. Every path is put once, into a new build, so a linked file is never opened for writing
        (that would change the old build). Paths as text: a Path per file cost more than the write.
        Returns {path in the build: sha256}."""
        path = f"{os.fspath(self.out)}/{name}"
        sha = hashlib.sha256(data).hexdigest()
        if self.previous is not None and self.known.get(name) == sha:
            try:
                os.link(f"{os.fspath(self.previous)}/{name}", path)
                return {name: sha}
            except OSError:  # gone or on another file system: write it
                pass
        with open(path, "wb") as handle:
            handle.write(data)
        return {name: sha}

    def run(self, task: list[tuple[str, str, str]]) -> dict[str, inputs.Entry]:
        """A batch: ("shared", key, N-Triples) or ("letter", letter key, N-Triples); returns the
        inputs of the resources it wrote."""
        self.entries = {}
        for kind, key, nt in task:
            if kind == "letter":
                self.letter(key, nt)
            else:
                self.shared(key, nt)
        return self.entries


_WORKER: PageWriter | None = None


def _start_worker(state: bytes) -> None:
    global _WORKER
    _WORKER = pickle.loads(state)


def _run_in_worker(task: list[tuple[str, str, str]]) -> dict[str, inputs.Entry]:
    if _WORKER is None:
        raise RuntimeError("the pool's initializer sets the page writer of each worker")
    return _WORKER.run(task)


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
            self.facts.add(self._learned(unit))
        self.figures = pictures.write(self)
        writer = PageWriter(
            self.doc,
            self.out,
            self.layout,
            self.terms,
            self.prefixes,
            self.facts,
            self.figures,
            self.letter_segment,
            self.publication.previous_build,
            inputs.load(self.out.parent),
        )
        tasks = [
            ("shared", key, serialize(triples, ".nt", {}).decode("utf-8"))
            for key, triples in sorted(group(shared, self.layout).items())
        ]
        tasks += [("letter", unit.key, unit.nt) for unit in self.publication.letters]
        entries = self._run(writer, tasks)
        inputs.save(self.out.parent, entries)
        indexes.write(self)
        shutil.copytree(STATIC, self.doc / "static", dirs_exist_ok=True)
        hosting.write(self)
        self.layout.save(self.doc)
        search.write(self, entries, writer.known)

    def _run(self, writer: PageWriter, tasks: list) -> dict[str, inputs.Entry]:
        """Every task's files; returns the inputs of every resource written."""
        entries: dict[str, inputs.Entry] = {}
        batches = [tasks[i : i + BATCH] for i in range(0, len(tasks), BATCH)]
        if len(tasks) < PARALLEL_FROM or worker_count() == 1:
            for batch in batches:
                entries.update(writer.run(batch))
            return entries
        state = pickle.dumps(writer, protocol=pickle.HIGHEST_PROTOCOL)
        # forkserver, as the letters' workers: never fork a process that runs other threads
        with ProcessPoolExecutor(
            worker_count(),
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=_start_worker,
            initargs=(state,),
        ) as pool:
            for done in pool.map(_run_in_worker, batches):
                entries.update(done)
        return entries

    def _letter_key(self, key: str) -> str:
        return f"{self.letter_segment}/{quote(key, safe='')}"

    def _learned(self, unit) -> Learned:
        """The letter's facts as its worker learned them (cached with its unit); learned here when
        the unit has none of this letter's IRI."""
        iri = self.layout.id_base + self._letter_key(unit.key)
        learned = unit.part(NAME)
        if isinstance(learned, Learned) and learned.letter is not None and learned.letter.iri == iri:
            return learned
        return learn_letter(iri, parse(unit.nt), self.layout)


def write(publication: Publication, out: Path) -> None:
    SiteWriter(publication, out).write()
