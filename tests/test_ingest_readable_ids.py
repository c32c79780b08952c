"""Letter ids a person reads: the sender, the date and the subject's first words, never cut inside a
word or after a joining word ("…-op-het-gebied-van", "reactie-op-uw-brief-van-6",
"ministerie-van-infrastructuur-en-2013-…"), and a sender the dataset does not know yet named in its
first letter's id as in its later letters' (its draft organisation's id). opendata ingest on 900
synthetic renderings and 60 real texts had 37 of 186 ids ending on a joining word or a day, five cut
inside a word, and a ministry's letters starting 'ministerie-van-binnenlandse-zaken-2007-…' and
'ministerie-van-binnenlandse-zaken-en-koninkrijksrelaties-2013-…'. Letters written for the test."""

from __future__ import annotations

from pathlib import Path

import yaml

from opendata.ingest import ingest
from opendata.ingest.drafts import short_slug, subject_words

LETTER = """\
Ministerie van Infrastructuur en Milieu

Aan het college van burgemeester en wethouders van Delft
Postbus 78
2600 ME DELFT

Datum: {date}
Ons kenmerk: {reference}
Onderwerp: {subject}

Geacht college,

Wij schrijven u over het beheer van de vaarwegen in uw regio.

Hoogachtend,

de minister van Infrastructuur en Milieu,

A.B. Veldkamp
"""

JOINING = {"van", "voor", "in", "op", "over", "en", "de", "het", "der", "den", "te", "aan", "bij", "met"}


def _ingest(into: Path, tmp_path: Path, letters: list[tuple[str, str, str]]) -> list[str]:
    paths = []
    for number, (date, reference, subject) in enumerate(letters):
        path = tmp_path / f"brief-{number}.txt"
        path.write_text(LETTER.format(date=date, reference=reference, subject=subject), encoding="utf-8")
        paths.append(path)
    report = ingest(paths, into)
    assert len(report.written) == len(letters), report.problems
    return list(report.written)


def test_a_new_senders_letters_all_start_with_its_organisations_id_and_end_on_a_word(into, tmp_path):
    ids = _ingest(
        into,
        tmp_path,
        [
            ("12 maart 2013", "IENM/BSK-2013/4411", "Beheer op het gebied van vaarwegen in Delft"),
            ("2 april 2013", "IENM/BSK-2013/5120", "Reactie op uw brief van 6 maart 2013 over de Schie"),
        ],
    )
    organisations = yaml.safe_load((into / "organisations.yaml").read_text(encoding="utf-8"))
    ministry = next(
        o["id"] for o in organisations if o.get("name") == "ministerie van Infrastructuur en Milieu"
    )
    assert ministry == "ministerie-van-infrastructuur-en-milieu"
    assert all(letter.startswith(f"{ministry}-2013-") for letter in ids), ids
    ids.sort(key=lambda letter: letter.split("-2013-")[1])
    assert ids[0].endswith("-beheer-op-het-gebied-van-vaarwegen")
    assert ids[1].endswith("-reactie-op-uw-brief-van-6-maart-2013")
    assert all(letter.rsplit("-", 1)[-1] not in JOINING for letter in ids)


def test_subject_words_end_on_a_word_that_ends_nothing():
    assert subject_words("Zienswijze op het provinciaal beleid voor windenergie op land") == (
        "zienswijze-op-het-provinciaal-beleid-voor-windenergie"
    )
    assert subject_words("Reactie op uw brief van") == "reactie-op-uw-brief"
    # a cut that ends on a word keeps six words, a number as well
    assert subject_words("Voortgang aanleg fietspad langs de Vliet bij Rijswijk") == (
        "voortgang-aanleg-fietspad-langs-de-vliet"
    )
    assert subject_words("Jaarstukken 2012 en begroting 2014 Dienst Water Zuid") == (
        "jaarstukken-2012-en-begroting-2014-dienst"
    )
    assert subject_words("Jaarstukken 2012 en begroting 2014 van de Dienst") == (
        "jaarstukken-2012-en-begroting-2014-van-de-dienst"
    )
    assert (
        subject_words("Begroting 2014 2015 2016 2017 2018 2019 2020") == "begroting-2014-2015-2016-2017-2018"
    )


def test_a_long_id_is_cut_between_words():
    name = "Gemeenschappelijke regeling samenwerkende schapsbedrijven voor bodemonderzoek en waterkwaliteit"
    assert short_slug(name, 60) == "gemeenschappelijke-regeling-samenwerkende-schapsbedrijven"
    assert short_slug("Stichting Oud", 60) == "stichting-oud"
    assert short_slug("x" * 70, 60) == "x" * 60
