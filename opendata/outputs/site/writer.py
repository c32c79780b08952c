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

import contextlib
import hashlib
import json
import multiprocessing
import os
import pickle
import shutil
import tempfile
from collections import deque
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from opendata.build.letter_unit import NT, LetterGraph, nt_of, worker_count
from opendata.build.publication import Publication
from opendata.outputs.digests import keep_held, manifest_digests, put_file, remember_versions
from opendata.outputs.site import hosting, indexes, inputs, pictures, search
from opendata.outputs.site.describe import View, descriptions, group, ntriples, parse
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
IN_FLIGHT = 2  # batches given to each worker and not yet done


@dataclass(frozen=True)
class LetterSite:
    """The site's part of a letter, made in the letters' workers and cached with its unit."""

    learned: Learned  # what its pages tell the others' (Facts)
    digests: dict[str, str]  # description key -> the digest of its triples (inputs.py: `own`)


def resource_digests(nt: str, grouped: dict[str, list], letter_key: str) -> dict[str, str]:
    """The digest of each resource's own triples in a letter's part; the letter's own page reads
    the whole part, so its digest is of the part's N-Triples."""
    return {
        key: inputs.digest(nt if key == letter_key else "\n".join(sorted(map(str, triples))))
        for key, triples in grouped.items()
    }


_LAYOUTS: dict[tuple[str, int], Layout] = {}  # a worker's layout, per base IRI and model


def letter_part(letter: LetterGraph) -> LetterSite | None:
    """The site's part of a letter (Output.letter_part): its facts and its resources' digests."""
    iri = next((n.iri for n in letter.nodes if n.cls is not None and n.cls.name == "Letter"), None)
    if iri is None:
        return None
    base_iri = letter.minter.base_iri
    layout = _LAYOUTS.get((base_iri, id(letter.model)))
    if layout is None:
        layout = _LAYOUTS.setdefault((base_iri, id(letter.model)), Layout.of(base_iri, letter.model))
    key = layout.key_of(iri)
    if key is None:
        return None
    triples = parse(letter.nt)
    digests = resource_digests(letter.nt, group(triples, layout), key)
    return LetterSite(learn_letter(iri, triples, layout), digests)


def searched(page) -> str:
    """The digest of what the search index takes from a page: its title and subtitle and the sections
    it does not ignore, each with its place (a section's heading anchor is its number). A change in an
    ignored section only (another letter's title in a list of letters that cite this one) leaves the
    index as it was, so its part is not indexed again (search.py)."""
    kept = [(number, section) for number, section in enumerate(page.sections, 1) if not section.get("ignore")]
    return inputs.digest(page.title or "", page.subtitle or "", json.dumps(kept, sort_keys=True, default=str))


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
        record: Mapping[str, inputs.Entry] | None = None,
    ):
        self.doc, self.out, self.layout, self.terms, self.prefixes = doc, out, layout, terms, prefixes
        self.facts, self.figures = facts, figures
        self.previous = previous  # the published build, whose unchanged files are linked, not written
        self.known = manifest_digests(previous) if previous is not None else {}
        self.letter_segment = letter_segment
        self.text_sha256: dict[str, str] = {}  # letter key -> the sha256 of its published text
        # the previous site build's inputs, by resource key (inputs.py)
        self.record: Mapping[str, inputs.Entry] = {} if record is None else record
        # the resources' files the build folder holds already, from the build it recycles: {path: sha256}
        self.spare: dict[str, str] = {}
        self.code = inputs.code_digest(terms, prefixes, layout.id_base, layout.doc_base)
        self.entries: dict[str, inputs.Entry] = {}  # this build's inputs, by resource key
        self.builders = {lang: PageBuilder(facts, terms, lang) for lang in ("nl", "en")}
        self.doc_in_build = doc.relative_to(out).as_posix()
        self.folders: set[str] = set()  # the folders of doc/ made so far
        self.reads = inputs.Reads(facts)  # what each read of the facts sees
        # in a worker: the files written since the last batch's answer, with their digests (put_file)
        self.versions: dict[str, bytes] | None = None

    def __getstate__(self):
        """What a worker is given once: the previous build's record and digests go with each batch,
        only those of the batch's resources (at 100,000 letters they are large)."""
        state = dict(self.__dict__)
        del state["builders"], state["reads"]
        state["record"], state["known"], state["spare"] = {}, {}, {}
        return state

    def batch_of(
        self, task: list[tuple]
    ) -> tuple[list[tuple], dict[str, inputs.Entry], dict[str, str], dict[str, str]]:
        """A task with what the previous build recorded of its resources, its files' digests there
        and the digests of those the build folder holds already."""
        record, known, spare = {}, {}, {}
        for kind, key, *data in task:
            for resource_key in [key] if kind == "shared" else data[1]:
                entry = self.record.get(resource_key)
                if entry is not None:
                    record[resource_key] = entry
                for name in self._names(resource_key):
                    if name in self.known:
                        known[name] = self.known[name]
                    if name in self.spare:
                        spare[name] = self.spare[name]
        return task, record, known, spare

    def recycle(self, held: dict[str, str]) -> None:
        """Take the files the build folder holds from the build it recycles ({path: sha256}): those of
        the resources the previous build had are kept for `_reuse` and `put` to keep, replace or
        link over; every other file (index pages, pictures, the search index...) goes now, so the
        other writers find their paths free."""
        names = {name for key in self.record for name in self._names(key)}
        mine = {name: held.pop(name) for name in [n for n in held if n.startswith(f"{self.doc_in_build}/")]}
        self.spare = {name: sha for name, sha in mine.items() if name in names}
        _remove(self.out, [name for name in mine if name not in names])

    def drop_spare(self, kept: set[str] | dict) -> None:
        """Remove the held files of the resources this build no longer has (not in `kept`)."""
        _remove(
            self.out,
            [
                name
                for key in self.record
                if key not in kept
                for name in self._names(key)
                if name in self.spare
            ],
        )
        self.spare = {}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.builders = {lang: PageBuilder(self.facts, self.terms, lang) for lang in ("nl", "en")}
        self.reads = inputs.Reads(self.facts)

    def landing(self, folder: str) -> str:
        """The landing page (dist/index.html) from a folder of doc/, by file: it is the web root's index too."""
        return "../" * (1 + folder.count("/")) + "index.html"

    def letter(self, key: str, packed: bytes, digests: dict[str, str]) -> None:
        """A letter's resources from its packed N-Triples and the digests of its resources' triples
        (LetterSite): a letter whose files can all be linked from the previous build is not even parsed."""
        changed = self._changed(self._owns(key, digests))
        if changed:
            grouped = self._parse(key, packed, self._text(key))
            for resource_key, own in changed:
                self._write(resource_key, grouped[resource_key], own)

    def _changed(self, owns: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Link the previous build's files of each resource (key, own inputs' digest) whose inputs
        are unchanged (`_reuse`); returns the others, to render."""
        changed = []
        for resource_key, own in owns:
            self._folder(resource_key)
            if not self._reuse(resource_key, own):
                changed.append((resource_key, own))
        return changed

    def _owns(self, key: str, digests: dict[str, str]) -> list[tuple[str, str]]:
        """(resource key, digest of its own inputs) of a letter's resources, sorted. Only the letter's
        own page reads the whole part and the text (its positions' holders and passages); its other
        resources' pages read their own triples."""
        letter = self._letter_key(key)
        text = self._text_sha256(key)
        owns = []
        for resource_key, mine in sorted(digests.items()):
            if resource_key == letter:
                mine = inputs.digest(mine, "" if text is None else "\0" + text)
            owns.append(
                (resource_key, inputs.digest(self.code, resource_key, mine, self._figures(resource_key)))
            )
        return owns

    def link_unchanged(self, tasks: list[tuple], enough: int) -> tuple[list[tuple], dict[str, inputs.Entry]]:
        """Link, here, the previous build's files of every resource whose inputs are unchanged; stop
        once `enough` tasks have something to render (a large render lies ahead: its workers check
        the rest as they go). Returns the tasks left, a letter's with only its changed resources,
        and the linked resources' inputs. After a small change nothing is left to send to workers,
        which would each need a copy of the facts."""
        self.entries = {}
        left: list[tuple] = []
        for number, task in enumerate(tasks):
            if len(left) >= enough:
                left += tasks[number:]
                break
            rest = self._unchanged(task)
            if rest is not None:
                left.append(rest)
        linked, self.entries = self.entries, {}
        return left, linked

    def _unchanged(self, task: tuple) -> tuple | None:
        """Link a task's unchanged resources (`_reuse`); the task of what is left to render, or None."""
        kind, key, *data = task
        if kind == "shared":
            return task if self._changed([(key, self._shared_own(key, data[0]))]) else None
        packed, digests = data
        changed = self._changed(self._owns(key, digests))
        return ("letter", key, packed, {k: digests[k] for k, _ in changed}) if changed else None

    def _parse(self, key: str, packed: bytes, text: str | None) -> dict[str, list]:
        """The letter's triples by resource; its pages are built from them next."""
        triples = parse(nt_of(packed))
        view = View(triples)
        for builder in self.builders.values():
            builder.part = view
            builder.texts = {key: text} if text is not None else {}
        return group(triples, self.layout)

    def _letter_key(self, key: str) -> str:
        return f"{self.letter_segment}/{quote(key, safe='')}"

    def shared(self, key: str, nt: str) -> None:
        """A shared record's files; its triples are parsed only when they are rendered."""
        for _, own in self._changed([(key, self._shared_own(key, nt))]):
            self._write(key, parse(nt), own)

    def _shared_own(self, key: str, nt: str) -> str:
        return inputs.digest(self.code, key, nt, self._figures(key))

    def _figures(self, key: str) -> str:
        figures = self.figures.get(key)
        return "null" if figures is None else json.dumps(figures, sort_keys=True, default=str)

    def _text_sha256(self, key: str) -> str | None:
        """The sha256 of the letter's published text (tekst/), as the texts' writer gave it; read and
        hashed here only when it gave none."""
        known = self.text_sha256.get(key)
        if known is not None:
            return known
        text = self._text(key)
        return None if text is None else hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def _text(self, key: str) -> str | None:
        path = self.out / "tekst" / f"{key}.txt"
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                return handle.read()
        except (OSError, UnicodeDecodeError):
            return None

    def _folder(self, key: str) -> None:
        folder = key.rpartition("/")[0]
        if folder not in self.folders:  # one mkdir per folder, not per resource
            (self.doc / file_name(folder)).mkdir(parents=True, exist_ok=True)
            self.folders.add(folder)

    def _write(self, key: str, triples: list, own: str) -> None:
        """Render a resource's files and note the inputs they were made from."""
        self.facts.reads = set()
        try:
            files, indexed = self._render(key, triples, f"{self.doc_in_build}/{file_name(key)}")
            reads = sorted(self.facts.reads)
        finally:
            self.facts.reads = None
        seen = self.reads.seen(reads)
        self.entries[key] = inputs.Entry(own, reads, seen, inputs.files_digest(list(files), files), indexed)

    def _reuse(self, key: str, own: str) -> bool:
        """Link the previous build's files of a resource whose inputs are unchanged; False if not."""
        entry = self.record.get(key)
        if self.previous is None or entry is None or entry.own != own:
            return False
        names = self._names(key)
        if inputs.files_digest(names, self.known) != entry.files:
            return False  # the record is not of the previous build's files
        if self.reads.seen(entry.reads) != entry.seen:
            return False
        linked: list[str] = []  # paths as text: a Path per file costs more than the link
        previous, out = os.fspath(self.previous), os.fspath(self.out)
        try:
            for name in names:
                if keep_held(out, name, self.known.get(name), self.spare):
                    continue  # the recycled build's file is this one already
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

    def _render(self, key: str, triples: list, target: str) -> tuple[dict[str, str], str]:
        """Write a resource's files; `target`: their path in the build without the extension.
        Returns {path in the build: sha256} and, for a page the search indexes, the digest of what
        the index takes from it (`searched`; "" for the others)."""
        files, indexed = {}, ""
        name = target.rsplit("/", 1)[-1]
        for extension, data in descriptions(triples, self.prefixes).items():
            files.update(self.put(target + extension, data))
        view = View(triples)
        folder = key.split("/", 1)[0] + "/"
        for lang, builder in self.builders.items():
            page = builder.build(key, view)
            for section in self.figures.get(key, {}).get(lang, ()):
                page.sections.insert(0, section)
            if lang == "nl" and page.searchable:
                indexed = searched(page)
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
        return files, indexed

    def put(self, name: str, data: bytes) -> dict[str, str]:
        """Write a file (`name`: its path in the build), or link the previous build's of the same
        bytes (digests.put_file). Paths as text: a Path per file cost more than the write.
        Returns {path in the build: sha256}."""
        if name in self.spare:
            sha = hashlib.sha256(data).hexdigest()
            if keep_held(os.fspath(self.out), name, sha, self.spare):
                return {name: sha}  # the recycled build's file holds these bytes already
        previous = os.fspath(self.previous) if self.previous is not None else None
        return {name: put_file(os.fspath(self.out), name, data, previous, self.known, self.versions)}

    def run(
        self,
        task: list[tuple],
        record: dict[str, inputs.Entry] | None = None,
        known: dict[str, str] | None = None,
        spare: dict[str, str] | None = None,
    ) -> dict[str, inputs.Entry]:
        """A batch: ("shared", key, N-Triples) or ("letter", letter key, packed N-Triples, digests);
        returns the inputs of the resources it wrote. In a worker, `record`, `known` and `spare` are
        the batch's (batch_of)."""
        if record is not None and known is not None:
            self.record, self.known, self.spare = record, known, spare or {}
        self.entries = {}
        for kind, key, *data in task:
            if kind == "letter":
                self.letter(key, *data)
            else:
                self.shared(key, *data)
        return self.entries


def _remove(out: Path, names: list[str]) -> None:
    """Remove these files of the build (paths in it), then the folders they leave empty."""
    folders = set()
    for name in names:
        os.unlink(f"{out}/{name}")
        folders.add(name.rpartition("/")[0])
    for folder in sorted(folders, key=lambda f: -f.count("/")):
        with contextlib.suppress(OSError):  # not empty
            os.removedirs(f"{out}/{folder}")


_WORKER: PageWriter | None = None


def _start_worker(state: str) -> None:
    """Read the page writer from the file `state`, unpickling as it reads (no copy of its bytes)."""
    global _WORKER
    with open(state, "rb") as handle:
        _WORKER = pickle.load(handle)


def _run_in_worker(
    batch: tuple[list[tuple], dict[str, inputs.Entry], dict[str, str], dict[str, str]],
) -> tuple[dict[str, inputs.Entry], dict[str, bytes]]:
    """A batch in a worker: the inputs of the resources written, and the digests of the files
    written (the manifest then reads none of them again)."""
    if _WORKER is None:
        raise RuntimeError("the pool's initializer sets the page writer of each worker")
    versions = _WORKER.versions = {}  # the batch's files: kept by the main process, not here
    return _WORKER.run(*batch), versions


class SiteWriter:
    def __init__(self, publication: Publication, out: Path):
        self.publication, self.out = publication, out
        self.doc = out / DOC_FOLDER
        model, config = publication.model, publication.config
        self.layout = Layout.of(config.base_iri, model, config.base_url)
        self.terms = Terms.of(model)
        self.prefixes = dict(sorted(model.prefixes.items()))
        for segment in self.layout.segments:
            self.prefixes[segment] = self.layout.id_base + segment + "/"
        self.facts = Facts(self.layout)
        self.letter_segment = model.classes["Letter"].iri
        self.builders = {lang: PageBuilder(self.facts, self.terms, lang) for lang in ("nl", "en")}
        self.figures: dict = {}
        self.units = {unit.key: unit for unit in publication.letters}

    def landing(self, folder: str) -> str:
        return "../" * (1 + folder.count("/")) + "index.html"

    def put(self, path: Path, text: str) -> None:
        """Write an index page's or a picture's file, or link the previous build's of the same bytes."""
        previous = self.publication.previous_build
        name = path.relative_to(self.out).as_posix()
        known = manifest_digests(previous)
        put_file(
            os.fspath(self.out), name, text.encode("utf-8"), os.fspath(previous) if previous else None, known
        )

    def write(self) -> None:
        self.doc.mkdir(exist_ok=True)
        shared = parse(self.publication.shared_nt)
        self.facts.add_shared(shared)
        tasks: list[tuple] = [
            ("shared", key, ntriples(triples)) for key, triples in sorted(group(shared, self.layout).items())
        ]
        tasks += [self._letter_task(unit) for unit in self.publication.letters]
        record = inputs.load(self.out.parent)
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
            record,
        )
        writer.text_sha256 = self.publication.text_sha256
        try:
            writer.recycle(self.publication.recycled)  # first: it clears the paths of the other files
            self.figures = writer.figures = pictures.write(self)
            entries = self._run(writer, tasks)
            writer.drop_spare(entries)
        finally:
            record.close()
        inputs.save(self.out.parent, entries)
        indexes.write(self)
        shutil.copytree(STATIC, self.doc / "static", dirs_exist_ok=True)
        hosting.write(self)
        self.layout.save(self.doc)
        search.write(self, entries, writer.known)

    def _run(self, writer: PageWriter, tasks: list) -> dict[str, inputs.Entry]:
        """Every task's files; returns the inputs of every resource written or linked."""
        entries: dict[str, inputs.Entry] = {}
        if writer.previous is not None and writer.record:  # after a small change most are linked here
            tasks, entries = writer.link_unchanged(tasks, PARALLEL_FROM)
        batches = (self._loaded(tasks[i : i + BATCH]) for i in range(0, len(tasks), BATCH))
        progress = self.publication.progress
        rendered = 0
        reads: dict[tuple[str, str], tuple[str, str]] = {}  # each read once, shared by the entries

        def take(done: dict[str, inputs.Entry], versions: dict[str, bytes]) -> None:
            """A batch's entries and the digests of the files a worker wrote (none: this process's).
            A page's reads are its own tuples (and a worker's batch its own strings): the entries
            kept until the record is saved share one tuple per read instead."""
            nonlocal rendered
            for entry in done.values():
                entry.reads = [reads.setdefault(read, read) for read in entry.reads]
            entries.update(done)
            remember_versions(versions)
            rendered = min(rendered + BATCH, len(tasks))
            progress.count(NAME, rendered, len(tasks), "records rendered")

        if len(tasks) < PARALLEL_FROM or worker_count() == 1:
            for batch in batches:
                take(writer.run(batch), {})
            return entries
        workers = worker_count() - 1  # this process renders too: each worker holds a copy of the facts
        # forkserver, as the letters' workers: never fork a process that runs other threads
        with (
            _state_file(writer, self.out) as state,
            ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("forkserver"),
                initializer=_start_worker,
                initargs=(state,),
            ) as pool,
        ):
            pending: deque[Future] = deque()
            for batch in batches:
                if len(pending) < IN_FLIGHT * workers:
                    pending.append(pool.submit(_run_in_worker, writer.batch_of(batch)))
                else:  # the workers have enough to do: this process takes the batch
                    take(writer.run(batch), {})
                while pending and pending[0].done():
                    take(*pending.popleft().result())
            for future in pending:
                take(*future.result())
        return entries

    def _letter_key(self, key: str) -> str:
        return f"{self.letter_segment}/{quote(key, safe='')}"

    def _letter_task(self, unit) -> tuple:
        """Learn a letter's facts; its task, with the digests of its resources and, in place of its
        packed N-Triples, None: they stay with the unit (in the cache) until its batch is rendered."""
        part = self._cached(unit)
        self.facts.add(part.learned if part is not None else self._learn(unit))
        return ("letter", unit.key, None, part.digests if part is not None else self._digest(unit))

    def _loaded(self, batch: list[tuple]) -> list[tuple]:
        """A batch about to be rendered, its letters' packed N-Triples read (in the publication's order)."""
        units = self.units
        return [
            ("letter", key, units[key].packed[NT], data[1]) if kind == "letter" else (kind, key, *data)
            for kind, key, *data in batch
        ]

    def _cached(self, unit) -> LetterSite | None:
        """The site's part of the letter made in its worker, if the unit has one of this letter's IRI."""
        part = unit.part(NAME)
        iri = self.layout.id_base + self._letter_key(unit.key)
        if isinstance(part, LetterSite) and part.learned.letter and part.learned.letter.iri == iri:
            return part
        return None

    def _digest(self, unit) -> dict[str, str]:
        """The letter's resources' digests made here, when its unit has no part of the site's."""
        key = self._letter_key(unit.key)
        return resource_digests(unit.nt, group(parse(unit.nt), self.layout), key)

    def _learn(self, unit) -> Learned:
        """The letter's facts learned here, when its unit has no part of the site's made for it."""
        return learn_letter(self.layout.id_base + self._letter_key(unit.key), parse(unit.nt), self.layout)


@contextlib.contextmanager
def _state_file(writer: PageWriter, out: Path) -> Iterator[str]:
    """The page writer pickled into a file for the workers to start from: neither this process nor the
    pool holds its bytes (at 100,000 letters the facts pickle to hundreds of MB) while pages are
    rendered. In the unfinished build, as the search index's staging: a publish killed meanwhile leaves
    it in a build that is never published."""
    with tempfile.NamedTemporaryFile(prefix=".site-writer-", suffix=".pickle", dir=out) as handle:
        pickle.dump(writer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        handle.flush()
        yield handle.name


def write(publication: Publication, out: Path) -> None:
    SiteWriter(publication, out).write()
