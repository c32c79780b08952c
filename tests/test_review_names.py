"""`opendata review` names the records a doubtful value's ids stand for ("addressees = gm0355 (gemeente
Zeist)", "sender = college-gm0310 (college van burgemeester en wethouders van De Bilt)"), so a person
checks the resolution against the quote beside it without looking the code up: opendata review on the
drafts of 900 synthetic renderings (seed 7) listed 1,147 addressees and senders by their code
alone. The JSON keeps the value as the record has it. A letter written for the test."""

from __future__ import annotations

import json

from .conftest import run_cli

LETTER = """\
Gemeente De Bilt

Aan de gemeenteraad van Zeist
Postbus 513
3700 AM ZEIST

Datum: 2 maart 2022
Ons kenmerk: DB/22/0417
Onderwerp: Gezamenlijke aanpak van de eikenprocessierups

Geachte leden van de raad,

Wij stellen u voor de bestrijding van de eikenprocessierups samen aan te pakken.

Met vriendelijke groet,

Burgemeester en wethouders van De Bilt,

de secretaris,                    de burgemeester,

C. Dorresteijn                    S. Potters
"""


def test_review_names_the_records_a_doubtful_value_stands_for(into, tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_text(LETTER, encoding="utf-8")
    assert run_cli("ingest", str(letter), "--into", str(into)).returncode == 0
    listed = run_cli("review", "--datasets", str(into), "--threshold", "1.01")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    addressee = next(line for line in lines if " addressees = " in line)
    assert " addressees = raad-gm0355 (gemeenteraad van Zeist) (confidence " in addressee
    sender = next(line for line in lines if " sender = " in line)
    assert "(college van burgemeester en wethouders van De Bilt)" in sender
    signer = next(line for line in lines if " signature person = " in line)
    assert signer.split(" signature person = ")[1].startswith(
        ("c-dorresteijn (C. Dorresteijn)", "s-potters (S. Potters)")
    )
    # a value that names no record is shown alone; the JSON keeps the value as the record has it
    title = next(line for line in lines if " title = " in line)
    assert "title = Gezamenlijke aanpak van de eikenprocessierups (confidence " in title
    fields = json.loads(
        run_cli("review", "--datasets", str(into), "--threshold", "1.01", "--format", "json").stdout
    )["fields"]
    assert {"raad-gm0355"} <= {d["value"] for d in fields if d["field"] == "addressees"}
