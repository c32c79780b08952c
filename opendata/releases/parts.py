"""The release plan's resources described part by part: each letter in the worker processes (cached
with its unit), the shared records once per publish, instead of the whole graph cut into resources
in the main process on every publish.

A part's description is the whole graph's description of the same resources when no resource
reaches across parts. Each part reports what would make it reach across (the IRIs its subjects
belong to, the IRIs of statements' subjects and published files it names); `describe_parts` checks
them over all parts and, should any reach across, describes the whole graph as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from opendata.build.letter_unit import LetterGraph
from opendata.releases.resources import RDF_SUBJECT, ResourceVersion, describe

NAME = "release"  # the key of a letter's described resources in its unit


@dataclass(frozen=True)
class Described:
    versions: dict[str, ResourceVersion]
    bases: frozenset[str]  # its subjects without their fragment
    referred: frozenset[str]  # statements' subjects without their fragment
    files: frozenset[str]  # published files (under base_url, not base_iri) it holds as subjects
    named_files: frozenset[str]  # published files its subjects (not their fragments) name as objects


def _is_file(iri: str, base_iri: str, base_url: str) -> bool:
    return bool(base_url) and iri.startswith(base_url) and not iri.startswith(base_iri)


def describe_part(nt: str, base_iri: str, base_url: str) -> Described:
    """One part's resources and what its lines refer to beyond it."""
    bases, referred, files, named = set(), set(), set(), set()
    for line in nt.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        subject, predicate, obj = line.split(" ", 2)
        bases.add(subject[1:-1].split("#", 1)[0])
        if _is_file(subject[1:-1], base_iri, base_url):
            files.add(subject[1:-1])
        obj = obj.rstrip().removesuffix(".").rstrip()
        if obj.startswith("<"):
            if predicate[1:-1] == RDF_SUBJECT:
                referred.add(obj[1:-1].split("#", 1)[0])
            if "#" not in subject and _is_file(obj[1:-1], base_iri, base_url):
                named.add(obj[1:-1])  # a resource's own line naming a file takes the file's lines in
    versions = describe(nt.splitlines(keepends=True), base_iri, base_url)
    return Described(versions, frozenset(bases), frozenset(referred), frozenset(files), frozenset(named))


def letter_part(letter: LetterGraph) -> Described:
    """A letter's resources, made in the worker processes and cached with the letter's unit."""
    return describe_part(letter.nt, letter.minter.base_iri, letter.minter.base_url)


def _apart(parts: list[Described]) -> bool:
    """No resource reaches across parts: no subject in two parts, every statement's subject and
    every named file in the part that names it (or in none)."""
    seen: set[str] = set()
    all_files: set[str] = set()
    for part in parts:
        if seen & part.bases:
            return False
        seen |= part.bases
        all_files |= part.files
    return all(
        part.referred <= part.bases and (part.named_files - part.files).isdisjoint(all_files)
        for part in parts
    )


def describe_parts(
    parts: Iterable[Described], whole: Iterator[str], base_iri: str, base_url: str
) -> dict[str, ResourceVersion]:
    """Every resource by IRI, in the whole graph's order; from the whole graph's lines when a
    resource reaches across parts."""
    listed = list(parts)
    if not _apart(listed):
        return describe(whole, base_iri, base_url)
    return {iri: version for part in listed for iri, version in part.versions.items()}
