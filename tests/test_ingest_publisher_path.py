"""What a person does to ingest's drafts stays done when ingest runs again (issue 13: re-running ingest on
the same files is a no-op; a record a person reviewed or edited is never overwritten).

Found by ingesting the development set into a copy of the seed, reviewing drafts by hand as a publisher
would, and ingesting the same files again (with the same code, and after a change of the code):
- a draft letter the person deleted, record and text (as `possible-duplicate`'s hint asks of one of two
  copies of a letter), came back;
- a draft organisation (and person) the person deleted while reviewing the letter that named it came back
  as a draft no record names, because the letter was drafted again before ingest saw it was reviewed,
  and so did a draft of a letter only that reviewed letter cites.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from opendata.ingest import drafts, ingest

# A letter to an association the register does not know, signed by a person the seed does not know,
# answering the association's letter (a draft of that letter is written, known only by its reference).
_TO_AN_ASSOCIATION = """Stichting Het Wilgenhof
t.a.v. het bestuur
Kerkstraat 12
2311 AB Leiden

Datum: 9 maart 2021
Ons kenmerk: LEI-2021-0412
Uw kenmerk: WH/2021/07
Onderwerp: Uw verzoek om een bijdrage voor de speeltuin

Geachte bestuursleden,

In uw brief van 2 februari 2021 met kenmerk WH/2021/07 vraagt u ons om een bijdrage voor de nieuwe
speeltuin aan de Kerkstraat. Wij kennen u een bijdrage toe van 5.000 euro.

Met vriendelijke groet,

burgemeester en wethouders van Leiden,

de secretaris,                 de burgemeester,

J.K. Verhoeven                 H.J.J. Lenferink
"""

# A second letter in the same folder, so that a file left alone is seen to be left alone.
_ANOTHER = """Gemeenteraad van Leiden
Postbus 9100
2300 PC Leiden

Datum: 12 april 2021
Ons kenmerk: LEI-2021-0577
Onderwerp: Voortgang van de renovatie van het stadhuis

Geachte leden van de raad,

Hierbij informeren wij u over de voortgang van de renovatie van het stadhuis. Het werk ligt op schema.

Met vriendelijke groet,

burgemeester en wethouders van Leiden,

de secretaris,                 de burgemeester,

J.K. Verhoeven                 H.J.J. Lenferink
"""


def _folder(tmp_path: Path, **texts: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _files(into: Path) -> dict[str, bytes]:
    """Every file of the datasets folder but ingest's own ledger."""
    return {
        str(p.relative_to(into)): p.read_bytes()
        for p in sorted(into.rglob("*"))
        if p.is_file() and p.name != drafts.LEDGER
    }


def _record(into: Path, letter: str) -> dict:
    return yaml.safe_load((into / "letters" / f"{letter}.yaml").read_text(encoding="utf-8"))


def _letter_to(into: Path, written: list[str], word: str) -> str:
    return next(letter for letter in written if word in letter)


def test_a_letter_a_person_deleted_is_not_drafted_again_from_the_same_file(tmp_path, into, monkeypatch):
    folder = _folder(tmp_path, a=_TO_AN_ASSOCIATION, b=_ANOTHER)
    first = ingest([folder], into, jobs=1)
    gone = _letter_to(into, first.written, "renovatie")
    for suffix in (".yaml", ".txt"):  # record and text, as possible-duplicate's hint asks
        (into / "letters" / f"{gone}{suffix}").unlink()
    after = _files(into)

    again = ingest([folder], into, jobs=1)  # the same files, the same code
    assert _files(into) == after and again.written == [], again.problems
    assert again.deleted == [gone]

    monkeypatch.setattr(drafts, "code_digest", lambda: "a-newer-ingest")  # every file is read again
    newer = ingest([folder], into, jobs=1)
    assert _files(into) == after and newer.written == [], newer.problems
    assert newer.deleted == [gone]
    assert not [p for p in newer.problems if p.severity == "error"]


def test_a_record_deleted_without_its_text_is_drafted_again(tmp_path, into, monkeypatch):
    """'delete the record to draft it again' (reviewed-record-kept's hint) still works: the text stays."""
    folder = _folder(tmp_path, b=_ANOTHER)
    [letter] = ingest([folder], into, jobs=1).written
    before = (into / "letters" / f"{letter}.yaml").read_bytes()
    (into / "letters" / f"{letter}.yaml").unlink()
    monkeypatch.setattr(drafts, "code_digest", lambda: "a-newer-ingest")
    again = ingest([folder], into, jobs=1)
    assert again.written == [letter] and again.deleted == []
    assert (into / "letters" / f"{letter}.yaml").read_bytes() == before


def test_the_drafts_a_person_deleted_while_reviewing_a_letter_are_not_drafted_again(
    tmp_path, into, monkeypatch
):
    folder = _folder(tmp_path, a=_TO_AN_ASSOCIATION)
    first = ingest([folder], into, jobs=1)
    letter = _letter_to(into, first.written, "speeltuin")
    record = _record(into, letter)
    organisations = yaml.safe_load((into / "organisations.yaml").read_text(encoding="utf-8"))
    drafted = [o["id"] for o in organisations if o.get("status") == "draft"]
    assert record["addressees"][0] in drafted, record
    assert record.get("cites"), record  # the association's letter, known only by its reference
    stub = record["cites"][0]

    # the person reviews the letter: the association is one the publisher keeps under its own id, the
    # signatures and the cited letter are left out; the drafts ingest made for them are deleted
    people = yaml.safe_load((into / "people.yaml").read_text(encoding="utf-8"))
    kept_people = [p for p in people if p.get("status") != "draft"]
    kept_organisations = [o for o in organisations if o.get("status") != "draft"]
    kept_organisations.append({"id": "wilgenhof", "name": "Stichting Het Wilgenhof", "kind": "organisatie"})
    (into / "organisations.yaml").write_text(drafts.dump_yaml(kept_organisations), encoding="utf-8")
    (into / "people.yaml").write_text(drafts.dump_yaml(kept_people), encoding="utf-8")
    (into / "letters" / f"{stub}.yaml").unlink()
    for name in ("status", "signatories", "cites"):
        record.pop(name, None)
    record["addressees"] = ["wilgenhof"]
    record["sources"].pop("addressees")
    (into / "letters" / f"{letter}.yaml").write_text(drafts.dump_yaml(record), encoding="utf-8")
    after = _files(into)

    monkeypatch.setattr(drafts, "code_digest", lambda: "a-newer-ingest")  # the letter is read again
    again = ingest([folder], into, jobs=1)
    assert again.kept == [letter] and again.written == [], again.problems
    assert _files(into) == after  # no draft organisation, person or letter that no record names


# A letter that cites a third party's letter by its sender and date: that letter is not drafted (the
# model needs addressees the text does not give), so nothing names its sender.
_CITES_A_THIRD_PARTY = """Geachte voorzitter,

Wij zijn in het bezit gekomen van de brief die het Dijkbureau Zeeland op 14 juni 2019 (kenmerk: DZ-2019/2231)
heeft gestuurd aan Burgemeester en Wethouders met als onderwerp: "Onderhoud van de dijk". Wij vragen de
raad deze brief te bespreken.

Met vriendelijke groet,

Stichting Dijkbehoud Walcheren
"""


def test_a_sender_named_only_in_a_citation_is_no_draft_organisation(tmp_path, into):
    """Looking the cited letter up by its sender and date made a draft of the sender that no record names
    (the development set: 'VROM', from a letter of residents about the ministry's letter)."""
    before = yaml.safe_load((into / "organisations.yaml").read_text(encoding="utf-8"))
    report = ingest([_folder(tmp_path, a=_CITES_A_THIRD_PARTY)], into, jobs=1)
    [letter] = report.written
    record = _record(into, letter)
    organisations = yaml.safe_load((into / "organisations.yaml").read_text(encoding="utf-8"))
    new = [o for o in organisations if o not in before]
    named = yaml.safe_dump(record)
    assert [o["name"] for o in new if o["id"] not in named] == []


def _decision(place: str, reference: str) -> str:
    """A municipality's decision signed for its college by the college's words alone, its letterhead not in
    the text (a body over a postal address with an "Aan" block after it is the letterhead: that would name
    the municipality)."""
    return f"""Aan de heer P. de Vries
Dorpsstraat 4
8011 AB {place}

Datum: 14 september 2020
Ons kenmerk: {reference}
Onderwerp: Beslissing op uw verzoek om informatie over de kermis

Geachte heer De Vries,

Op 3 juli 2020 ontvingen wij uw verzoek om informatie over de kermis. Wij verstrekken u de stukken.

Met vriendelijke groet,

Namens het college van burgemeester en wethouders,

Anna de Wit

Directeur Publiekszaken
"""


def _senders(into: Path) -> dict[str, str]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")).get("sender")
        for p in sorted((into / "letters").glob("*.yaml"))
    }


def test_two_colleges_named_by_their_words_alone_are_two_organisations(tmp_path, into):
    """'het college van burgemeester en wethouders' (the article with it) was taken for a name: the letters of
    two municipalities were sent by one draft organisation (the development set: an Amsterdam decision
    signed 'Namens het college van burgemeester en wethouders')."""
    ingest([_folder(tmp_path, a=_decision("Zwolle", "Z-2020-17"), b=_decision("Deventer", "D-2020-9"))], into)
    senders = _senders(into)
    assert len(senders) == 2 and len(set(senders.values())) == 2, senders


def test_a_college_drafted_under_its_words_alone_before_is_kept_by_its_letter(tmp_path, into, monkeypatch):
    """A folder an older ingest drafted (one organisation for both): drafted again, the first letter keeps
    that draft and the second gets its own; none is left named by nothing."""
    folder = _folder(tmp_path, a=_decision("Zwolle", "Z-2020-17"), b=_decision("Deventer", "D-2020-9"))
    with monkeypatch.context() as older:
        older.setattr(drafts, "generic_name", lambda name: drafts.normal_name(name) in drafts._GENERIC_NAMES)
        ingest([folder], into)
    shared = set(_senders(into).values())
    assert len(shared) == 1
    monkeypatch.setattr(drafts, "code_digest", lambda: "a-newer-ingest")
    again = ingest([folder], into)
    senders = _senders(into)
    assert len(set(senders.values())) == 2 and shared <= set(senders.values()), again.problems
    organisations = yaml.safe_load((into / "organisations.yaml").read_text(encoding="utf-8"))
    drafted = {o["id"] for o in organisations if o.get("status") == "draft"}
    assert drafted == set(senders.values())
