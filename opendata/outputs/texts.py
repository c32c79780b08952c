"""tekst/<letter>.txt: each letter's source text as UTF-8, so readers can see what a row came from."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from opendata.build.publication import Publication
from opendata.outputs.digests import keep_held, link_unchanged, manifest_digests, put_file, remember_sha256
from opendata.outputs.output import Output

FOLDER = "tekst"


def write(publication: Publication, out: Path) -> None:
    folder = out / FOLDER
    folder.mkdir(exist_ok=True)
    as_is = {unit.key: unit.text_file for unit in publication.letters if unit.text_as_is and unit.text_file}
    digests = {unit.key: unit.text_sha256 for unit in publication.letters}
    previous = publication.previous_build
    known = manifest_digests(previous)
    # the texts the build folder holds from the build it recycles: kept when they are this build's;
    # those of letters gone are left in it, and the publish removes them (switch.remove_held)
    held = publication.recycled  # each path taken from it is kept or freed (keep_held)
    base = os.fspath(out)
    published = publication.text_sha256  # the site's letter pages read these texts
    for key, text_file in as_is.items():
        name = f"{FOLDER}/{key}.txt"
        published[key] = digests[key]
        if keep_held(base, name, digests[key], held):
            continue
        target = folder / f"{key}.txt"
        if link_unchanged(target, previous, name, digests[key], known):
            continue  # the same text as published now: linked from the previous build
        shutil.copyfile(publication.datasets / text_file, target)  # UTF-8 already, nothing to mask
        remember_sha256(target, digests[key])
    # the others (masked, or read from another encoding): linked when the previous build has the
    # same bytes, else written with their digest remembered (the manifest reads neither back)
    before = os.fspath(previous) if previous is not None else None
    for key, text in publication.iter_texts(skip=set(as_is)):
        name, data = f"{FOLDER}/{key}.txt", text.encode("utf-8")
        published[key] = hashlib.sha256(data).hexdigest()
        if not keep_held(base, name, published[key], held):
            put_file(base, name, data, before, known)


OUTPUT = Output("texts", write)
