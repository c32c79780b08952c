"""A publish after a one-letter change renders and writes anew only the site files that show that
letter; every other resource file is hard-linked from the previous build without being rendered
(its inputs, in the record beside the builds, are unchanged), and the result equals a build from scratch."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from opendata.outputs.site import inputs
from opendata.publish import switch as release
from tests.conftest import run_main

LETTER = "reactie-leidse-regio-2019-06-11"
RESOURCE_EXTENSIONS = (".html", ".ttl", ".jsonld", ".nt")


def _publish(datasets: Path, out: Path, cache: Path) -> Path:
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out), "--cache", str(cache))
    assert result.returncode == 0, result.stderr
    return out.resolve()


def _resource_files(build: Path) -> dict[str, Path]:
    """The resources' pages and descriptions (doc/{type}/...), not indexes, pictures, search or static files."""
    doc = build / "doc"
    return {
        p.relative_to(build).as_posix(): p
        for p in doc.glob("*/**/*")
        if p.is_file()
        and p.name.endswith(RESOURCE_EXTENSIONS)
        and p.relative_to(doc).parts[0] not in ("overzicht", "pagefind", "static")
    }


def _site(build: Path) -> dict[str, bytes]:
    """The website's files (the validation report differs: a second publish of one version warns)."""
    return {
        p.relative_to(build).as_posix(): p.read_bytes()
        for folder in ("doc", "webserver")
        for p in (build / folder).rglob("*")
        if p.is_file()
    }


# What shows the letter's title: the letter itself (with the source statements of its fields,
# described on its page); its sender, addressee, signatory (person and post) and the colleges it
# speaks for; the letter it cites and the one it is attached to (whose statement of that attachment
# links to it); its themes, meetings and positions. Only these are rendered again; everything else
# is linked.
RENDERED = sorted(
    [
        f"brief/{LETTER}",
        "brief/gs-zuid-holland-2019-01-24-samenwerking-leidse-regio",
        "brief/raadsinformatiebrief-2019-samenwerking-leidse-regio",
        "bijeenkomst/collegeconferentie-2019-06-11",
        "bijeenkomst/gesprek-gedeputeerde-2019-04-18",
        "functie/burgemeester-oegstgeest-e-r-j",
        *(f"organisatie/college-{code}" for code in ("gm0546", "gm0547", "gm0579", "gm0626", "gm0638")),
        "organisatie/colleges-leidse-regio",
        "organisatie/gs-pv28",
        "persoon/e-r-j-burgemeester-oegstgeest",
        "thema/bestuurlijke-samenwerking-leidse-regio",
        "thema/dos-2017-0006089",
        "thema/energietransitie",
        "thema/woningbouwopgave",
        "uitspraak/reactie-bestuurlijk-leerproces",
        "uitspraak/reactie-betrokkenheid-provincie-uitkristalliseren",
        "uitspraak/reactie-gebiedsgerichte-agenda",
        "uitspraak/reactie-gs-urgentie-economische-kansen-strategische-agenda",
        "uitspraak/reactie-provincie-strategisch-partner",
    ]
)


def _key(name: str) -> str:
    """The resource key of a file name in the build (doc/brief/x.en.html -> brief/x)."""
    key = name.removeprefix("doc/")
    for extension in (".en.html", *RESOURCE_EXTENSIONS):
        key = key.removesuffix(extension)
    return key


def _rendered(old: Path, new: Path) -> list[str]:
    """The resources rendered by the second build: their inputs' record is new (a resource
    linked from the previous build keeps its entry as it was)."""
    before, after = inputs.load_file(old), inputs.load_file(new)
    return sorted(key for key, entry in after.items() if before.get(key) != entry)


def test_a_one_letter_change_writes_only_the_pages_that_show_that_letter(datasets_copy, tmp_path):
    out, cache = tmp_path / "dist", tmp_path / "cache"
    old = _publish(datasets_copy, out, cache)
    old_files = _resource_files(old)
    old_inodes = {name: os.stat(path).st_ino for name, path in old_files.items()}
    record = release.builds_dir(out) / inputs.NAME
    assert record.is_file() and not (old / inputs.NAME).exists()  # beside the builds, not published
    shutil.copy(record, tmp_path / "old-record")
    letter = datasets_copy / "letters" / f"{LETTER}.yaml"
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8"
    )

    new = _publish(datasets_copy, out, cache)
    assert new != old
    new_files = _resource_files(new)
    written = sorted(name for name, path in new_files.items() if os.stat(path).st_ino != old_inodes.get(name))
    changed = sorted(
        name
        for name, path in new_files.items()
        if name not in old_files or path.read_bytes() != old_files[name].read_bytes()
    )
    assert written == changed  # every unchanged file is a link, every changed one written
    assert written, "the changed letter's own page must be written anew"
    assert any(LETTER in name for name in written)
    assert all(
        "(gewijzigd)" in new_files[name].read_text(encoding="utf-8")
        for name in written
        if name.endswith(".html")
    )
    print(f"{len(written)} of {len(new_files)} resource files written anew")
    assert len(written) < len(new_files) // 5, f"{len(written)} of {len(new_files)} files written anew"
    assert release.verify(out) == [] and release.verify(old) == []
    rendered = _rendered(tmp_path / "old-record", record)
    assert rendered == RENDERED  # the pages that show the letter, rendered again; no other
    assert rendered == sorted({_key(name) for name in changed})  # each of them changed

    scratch = _publish(datasets_copy, tmp_path / "scratch", tmp_path / "cache-scratch")
    assert _site(new) == _site(scratch)


def _retitle(datasets: Path, letter: str) -> None:
    path = datasets / "letters" / f"{letter}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8"
    )


def test_a_third_build_recycles_the_one_before_last_and_touches_only_what_differs_from_it(
    datasets_copy, tmp_path
):
    """The build before last is not removed and rebuilt file by file: the next build starts as its
    website folder and keeps every resource file that has the bytes it needs. Only the files that
    differ from that build's are replaced (linked or written); a kept file's inode is not even
    touched (its ctime stays that of the build before, where a link or an unlink would set it now).
    The result equals a build from scratch."""
    out, cache = tmp_path / "dist", tmp_path / "cache"
    first = _publish(datasets_copy, out, cache)
    first_digests = release.manifest_entries(first).copy()
    _retitle(datasets_copy, LETTER)
    second = _publish(datasets_copy, out, cache)
    _retitle(datasets_copy, "gs-zuid-holland-2019-01-24-samenwerking-leidse-regio")
    lost = "doc/lidmaatschap/colleges-leidse-regio-college-gm0546.en.html"  # the recycled build has lost a file, and gained one
    (first / lost).unlink()
    (first / "doc" / "lidmaatschap" / "notes.txt").write_text("not the build's own\n", encoding="utf-8")
    started = time.time_ns()
    third = _publish(datasets_copy, out, cache)

    assert not first.exists(), "the build before last is recycled, not kept beside the new one"
    assert sorted(release.builds_dir(out).glob("*/")) == sorted([second, third])
    files = _resource_files(third)
    touched = sorted(name for name, path in files.items() if os.stat(path).st_ctime_ns >= started)
    third_digests = release.manifest_entries(third)
    differ = sorted(name for name in files if third_digests[name] != first_digests.get(name))
    assert lost not in differ and touched == sorted({*differ, lost})
    texts = sorted((third / "tekst").iterdir())  # no text changed: every one kept as it was
    assert texts and all(os.stat(path).st_ctime_ns < started for path in texts)
    assert not (third / "doc" / "lidmaatschap" / "notes.txt").exists()
    assert any(LETTER in name for name in differ) and any(
        "gs-zuid-holland-2019-01-24" in name for name in differ
    )
    assert len(touched) < len(files) // 4, f"{len(touched)} of {len(files)} resource files touched"
    assert release.verify(out) == [] and release.verify(second) == []

    scratch = _publish(datasets_copy, tmp_path / "scratch", tmp_path / "cache-scratch")
    assert _site(third) == _site(scratch)
    assert {p.name: p.read_bytes() for p in texts} == {
        p.name: p.read_bytes() for p in (scratch / "tekst").iterdir()
    }


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
_DIGEST = st.text("0123456789abcdef", min_size=64, max_size=64)
_ENTRY = st.builds(
    inputs.Entry,
    own=_DIGEST,
    reads=st.lists(st.tuples(st.text("abcdefghij", min_size=1, max_size=6), _TEXT), max_size=5).map(sorted),
    seen=_DIGEST,
    files=_DIGEST,
    search=st.one_of(st.just(""), _DIGEST),
)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(_TEXT, _ENTRY, max_size=8))
def test_the_record_of_the_site_inputs_reads_back_as_it_was_saved(entries):
    """Whatever the keys and reads (quotes, backslashes, NUL, any script), loading the record gives the
    entries saved, and a second save replaces the first."""
    with tempfile.TemporaryDirectory() as folder:
        inputs.save(Path(folder), {"oud": inputs.Entry("0" * 64, [], "1" * 64, "2" * 64)})
        inputs.save(Path(folder), entries)
        assert inputs.load_file(Path(folder) / inputs.NAME) == entries


def test_files_of_a_recycled_build_that_no_writer_takes_are_not_published(
    datasets_copy, tmp_path, monkeypatch
):
    """A writer takes from the recycled build the files it keeps or replaces; whatever is left once
    every writer has run (here the website's: its writer is left out of the third build) goes, so a
    build never publishes a recycled file that no writer vouched for."""
    from opendata import outputs

    out, cache = tmp_path / "dist", tmp_path / "cache"
    _publish(datasets_copy, out, cache)
    _retitle(datasets_copy, LETTER)
    _publish(datasets_copy, out, cache)
    monkeypatch.setattr(outputs, "OUTPUTS", tuple(o for o in outputs.OUTPUTS if o.name != "site"))
    _retitle(datasets_copy, "gs-zuid-holland-2019-01-24-samenwerking-leidse-regio")
    third = _publish(datasets_copy, out, cache)
    assert [p for p in third.glob("doc/**/*") if p.is_file()] == []
    assert (third / "tekst").is_dir() and release.verify(out) == []


def test_a_changed_text_renders_its_letter_page_again(datasets_copy, tmp_path):
    """The letter's page shows its text: a text changed with its record unchanged gives the page
    anew (the page's own inputs hold the published text's digest), as a build from scratch does."""
    out, cache = tmp_path / "dist", tmp_path / "cache"
    _publish(datasets_copy, out, cache)
    text = datasets_copy / "letters" / f"{LETTER}.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nNaschrift van de proef.\n", encoding="utf-8")
    new = _publish(datasets_copy, out, cache)
    page = (new / "doc" / "brief" / f"{LETTER}.html").read_text(encoding="utf-8")
    assert "Naschrift van de proef." in page
    scratch = _publish(datasets_copy, tmp_path / "scratch", tmp_path / "cache-scratch")
    assert _site(new) == _site(scratch)


def test_a_record_that_cannot_be_read_is_read_as_no_record(tmp_path):
    """A record that is no database (damaged, or written by something else), or a database of another
    shape, is no record: every page is then rendered, none linked on its word."""
    inputs.save(tmp_path, {"brief/a": inputs.Entry("0" * 64, [("naam", "x")], "1" * 64, "2" * 64)})
    assert inputs.load_file(tmp_path / inputs.NAME) != {}
    (tmp_path / inputs.NAME).write_bytes(b"no database at all" * 100)
    assert inputs.load_file(tmp_path / inputs.NAME) == {}
    (tmp_path / inputs.NAME).unlink()
    with contextlib.closing(sqlite3.connect(tmp_path / inputs.NAME)) as db, db:
        db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO entries VALUES ('brief/a', 'x')")
    assert inputs.load_file(tmp_path / inputs.NAME) == {}


def test_an_entry_naming_a_read_the_record_lacks_is_no_entry(tmp_path):
    """An entry whose reads point past the table of reads says nothing that can be trusted: it is not
    in the record (its resource is rendered), the others are."""
    entries = {
        "brief/a": inputs.Entry("0" * 64, [("naam", "x")], "1" * 64, "2" * 64),
        "brief/b": inputs.Entry("3" * 64, [("naam", "y")], "4" * 64, "5" * 64),
    }
    inputs.save(tmp_path, entries)
    with contextlib.closing(sqlite3.connect(tmp_path / inputs.NAME)) as db, db:
        db.execute("DELETE FROM reads WHERE key = 'x'")
    assert inputs.load_file(tmp_path / inputs.NAME) == {"brief/b": entries["brief/b"]}


def test_a_build_writes_only_the_entries_it_did_not_read_and_drops_the_gone_ones(tmp_path):
    """After a small change the record is updated, not rewritten: an entry read from it as stored is not
    written again (its row keeps its place), a new one is added, one of a resource gone is removed."""
    inputs.save(
        tmp_path,
        {
            "brief/a": inputs.Entry("0" * 64, [("naam", "x")], "1" * 64, "2" * 64),
            "brief/b": inputs.Entry("3" * 64, [("naam", "y")], "4" * 64, "5" * 64),
        },
    )
    record = inputs.load(tmp_path)
    kept = record["brief/a"]
    record.close()
    assert kept.stored
    with contextlib.closing(sqlite3.connect(tmp_path / inputs.NAME)) as db:
        rowid = db.execute("SELECT rowid FROM entries WHERE key = 'brief/a'").fetchone()
    new = inputs.Entry("6" * 64, [("naam", "x"), ("naam", "z")], "7" * 64, "8" * 64)
    inputs.save(tmp_path, {"brief/a": kept, "brief/c": new})
    assert inputs.load_file(tmp_path / inputs.NAME) == {"brief/a": kept, "brief/c": new}
    with contextlib.closing(sqlite3.connect(tmp_path / inputs.NAME)) as db:
        assert db.execute("SELECT rowid FROM entries WHERE key = 'brief/a'").fetchone() == rowid


def test_the_record_of_an_earlier_version_is_removed(tmp_path):
    """Earlier versions kept the record as a compressed JSON file: the first save of this version
    removes it (it is read by nothing any longer)."""
    former = tmp_path / inputs.FORMER_NAMES[0]
    former.write_bytes(b"old record")
    inputs.save(tmp_path, {"brief/a": inputs.Entry("0" * 64, [], "1" * 64, "2" * 64)})
    assert not former.exists() and (tmp_path / inputs.NAME).is_file()
