"""An address block OCR'd side by side with the writer's own column, so the body's line carries a word
of the other column ("Gemeente Zwolle Advocaat") and an attention line follows, perhaps after a blank
line ("t.a.v. de burgemeester …", OCR's "ta.v."): the body is an address, not the letterhead. Before, the
municipality written to was taken as the sender (a law firm's Woo request, nineteenth unseen set).
Invented texts."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

LETTER = """Aangetekend
Gemeente Zwolle Advocaat
{blank}{attention} de burgemeester en het college van burgemeester en wethouders
Postbus 10007 Postbus 1234 8000 AB Zwolle
8000 GA ZWOLLE Kadestraat 12 Zwolle
Zwolle, 8 augustus 2023
Inzake: Woo-verzoek over de kadeplannen
Geachte burgemeester, geacht college,
Graag richt ik mij tot u met een verzoek om informatie over de kadeplannen.
Ik verzoek u de stukken binnen vier weken te zenden.
"""


@pytest.mark.parametrize("attention", ["t.a.v.", "ta.v.", "T.a.v."])
@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_body_over_an_attention_line_is_not_the_sender(attention, blank):
    assert extract(LETTER.format(attention=attention, blank=blank)).facts()["sender"] != "gm0193"
