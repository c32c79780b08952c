"""tekst/<letter>.txt: each letter's source text as UTF-8, so readers can see what a row came from."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from opendata.build.publication import Publication
from opendata.outputs.digests import link_unchanged, manifest_digests, put_file, remember_sha256
from opendata.outputs.output import Output


def write(publication: Publication, out: Path) -> None:
    folder = out / "tekst"
    folder.mkdir(exist_ok=True)
    as_is = {unit.key: unit.text_file for unit in publication.letters if unit.text_as_is and unit.text_file}
    digests = {unit.key: unit.text_sha256 for unit in publication.letters}
    previous = publication.previous_build
    known = manifest_digests(previous)
    for key, text_file in as_is.items():
        target = folder / f"{key}.txt"
        if link_unchanged(target, previous, f"tekst/{key}.txt", digests[key], known):
            continue  # the same text as published now: linked from the previous build
        shutil.copyfile(publication.datasets / text_file, target)  # UTF-8 already, nothing to mask
        remember_sha256(target, digests[key])
    # the others (masked, or read from another encoding): linked when the previous build has the
    # same bytes, else written with their digest remembered (the manifest reads neither back)
    before = os.fspath(previous) if previous is not None else None
    for key, text in publication.iter_texts(skip=set(as_is)):
        put_file(os.fspath(out), f"tekst/{key}.txt", text.encode("utf-8"), before, known)


OUTPUT = Output("texts", write)
