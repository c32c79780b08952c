"""A subject label that OCR read with an underline mark before its value ("Onderwerp _ Stand van zaken
…", from a memo's label column): the mark is no part of the subject. Before, the subject began with
"_ " (a directorate's memo to an alderman, nineteenth unseen set). Invented texts."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

MEMO = """Memo
Aan Wethouder Hoekstra
Van Directie Stationsgebied
Datum 14-06-2023
Onderwerp {mark} Stand van zaken onderzoek fietsenstalling Stationsplein
Geachte wethouder,
Met dit memo informeren wij u over het onderzoek naar de nieuwe fietsenstalling.
"""


@pytest.mark.parametrize("mark", ["_", "_ ", ":", ""])
def test_the_underline_mark_is_no_part_of_the_subject(mark):
    subject = extract(MEMO.format(mark=mark)).facts()["subject"]
    assert subject == "Stand van zaken onderzoek fietsenstalling Stationsplein"
