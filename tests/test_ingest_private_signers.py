"""A person who signs a letter in no public office (a teamleider, an afdelingshoofd, a law firm's
partner) is drafted as not public, under an id that does not spell the name: with drafts published,
the name reaches no published file and is masked in the letter's text. A burgemeester stays public.
Ingest drafted every signer as public, so publishing drafts published every civil servant's name."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from opendata.ingest import ingest
from opendata.ingest.drafts import NOT_PUBLIC_ROLES, model_roles

from .conftest import run_main

_LETTER = """Gemeente Leiden
Postbus 9100
2300 PC Leiden

Aan de bewoners van de Morsstraat

Datum: 12 mei 2022
Ons kenmerk: Z-22-{number}
Onderwerp: Werkzaamheden aan de riolering

Geachte bewoners,

In juni vervangen wij de riolering in uw straat. De straat is dan twee weken afgesloten voor
auto's. Wij houden u op de hoogte van de voortgang.

Met vriendelijke groet,

namens burgemeester en wethouders van Leiden,

{name}
{role}
"""


def _people(into: Path) -> dict[str, dict]:
    return {p["name"]: p for p in yaml.safe_load((into / "people.yaml").read_text(encoding="utf-8"))}


def test_the_roles_kept_private_are_roles_of_the_model():
    assert model_roles() >= NOT_PUBLIC_ROLES


@pytest.mark.parametrize(
    ("role", "public"), [("teamleider", False), ("afdelingshoofd", False), ("burgemeester", True)]
)
def test_a_signer_in_no_public_office_is_drafted_not_public(tmp_path, into, role, public):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.txt").write_text(
        _LETTER.format(number=1187, name="Joost Pietersma", role=role), encoding="utf-8"
    )
    [letter] = ingest([folder], into, jobs=1).written
    person = _people(into)["Joost Pietersma"]
    record = yaml.safe_load((into / "letters" / f"{letter}.yaml").read_text(encoding="utf-8"))
    assert record["signatories"][0]["person"] == person["id"] and record["signatories"][0]["role"] == role
    assert person.get("public", True) is public
    assert ("pietersma" in person["id"]) is public  # a private person's id does not spell the name


def test_with_drafts_published_a_private_signers_name_reaches_no_file(tmp_path, drafts_copy):
    into = drafts_copy  # the seed's letters kept: its shared records name them
    folder = tmp_path / "in"
    folder.mkdir()
    for number, (name, role) in enumerate(
        (("Joost Pietersma", "teamleider"), ("Marit Vonkenberg", "manager"))
    ):
        text = _LETTER.format(number=2000 + number, name=name, role=role)
        (folder / f"brief-{number}.txt").write_text(text, encoding="utf-8")
    assert len(ingest([folder], into, jobs=1).written) == 2
    out = tmp_path / "dist"
    published = run_main(
        "publish", "--datasets", str(into), "--out", str(out), "--cache", str(tmp_path / "c")
    )
    assert published.returncode == 0, published.stderr
    for path in out.resolve().rglob("*"):
        if path.is_file() and path.suffix != ".gz":
            data = path.read_bytes().lower()
            assert b"pietersma" not in data and b"vonkenberg" not in data, path
    texts = [p.read_text(encoding="utf-8") for p in (out / "tekst").glob("college-leiden-2022-*.txt")]
    assert len(texts) == 2 and all("█" * len("Pietersma") in t or "█" * len("Vonkenberg") in t for t in texts)
