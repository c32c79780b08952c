"""An e-mail reply whose header lost its "Aan:" line with the receiver's name (a Woo publication removes
both), so "Verzonden:" is followed by the redaction mark and "CC:" or "Onderwerp:": it is still a mail
header, and the reply signs above the quoted message. Before, only the quoted message's header was seen,
so its writer's closing was taken as the letter's signature and the official's municipality was lost
(a Haarlem official's answer to a faction, nineteenth unseen set). Invented texts."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

THREAD = """(geanonimiseerd)
Verzonden: donderdag 7 maart 2024 14:20
(geanonimiseerd)
{second_label} Griffie
Onderwerp: Vragen over de speeltuin
Geachte (geanonimiseerd),
Dank voor uw vragen over de speeltuin aan de Parklaan.
De speeltoestellen worden in april vervangen.
Het budget daarvoor is al in de begroting opgenomen.
Met vriendelijke groet,
(geanonimiseerd)
Projectleider
Gemeente Zwolle
(geanonimiseerd)
Verzonden: maandag 4 maart 2024 09:05
Aan: Griffie
Onderwerp: vragen aan ambtenaar
Geachte ambtenaar,
Wanneer worden de speeltoestellen vervangen?
Vriendelijke groet,
(geanonimiseerd)
Fractievoorzitter Stadspartij
"""


@pytest.mark.parametrize("second_label", ["CC:", "Cc:"])
def test_the_reply_signs_above_the_quoted_message(second_label):
    facts = extract(THREAD.format(second_label=second_label)).facts()
    assert facts["sender"] == "gm0193"


def test_without_cc_the_subject_line_follows_the_dispatch_line():
    text = THREAD.format(second_label="CC:").replace("(geanonimiseerd)\nCC: Griffie\n", "", 1)
    assert extract(text).facts()["sender"] == "gm0193"
