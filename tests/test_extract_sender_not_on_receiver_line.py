"""A mail header's receiver lines ("CC: Gemeente Tynaarlo", "To: …", "Kopie: …") name who receives
the e-mail or a copy of it, never its letterhead: the sender is the body the signature names. Before,
the body on a "CC:" line near the top was taken as the sender (a province's cover e-mail to a
municipality in the nineteenth unseen set). Invented texts."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

MAIL = """Van: Procedureteam <procedure@drenthe.example>
Verzonden: maandag 7 oktober 2024 11:02
Aan: @tynaarlo.example
{label} Gemeente Tynaarlo
Onderwerp: Afrondingsbrief melding

Geachte lezer,

Bijgaand stuur ik u onze brief over de melding.

Met vriendelijke groet,

Eenheid Publieke Dienstverlening
Provincie Drenthe | Postbus 122 | 9400 AC Assen
"""


@pytest.mark.parametrize("label", ["CC:", "Cc:", "BCC:", "Kopie:"])
def test_a_body_on_a_receiver_line_is_not_the_sender(label):
    assert extract(MAIL.format(label=label)).facts()["sender"] == "pv22"


def test_a_letterhead_above_a_mail_header_still_sends():
    text = "Gemeente Tynaarlo\n\n" + MAIL.format(label="CC:").replace(
        "Provincie Drenthe | Postbus 122 | 9400 AC Assen\n", ""
    )
    assert extract(text).facts()["sender"] == "gm1730"
