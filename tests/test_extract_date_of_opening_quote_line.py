"""A printed e-mail thread whose top message was cut off, so the text opens with the mail program's
quote line for the message under it ("Op di 14 mrt. 2023 om 09:12 schreef …:"): that message's date is
the date sent. Before, no date was found (the dates of the messages quoted further down have their own
headers, which are not this message's). A council member's print of an official's answer, nineteenth
unseen set. Invented texts."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

BODY = """
Beste raadslid,
In antwoord op uw vragen: de plannen komen in het voorjaar naar de raad.
Met vriendelijke groet,
Beleidsadviseur Openbare Ruimte
Van: Ria Veldkamp
Verzonden: maandag 13 maart 2023 16:40
Aan: Griffie
Onderwerp: Vragen over de kade
Beste griffie, wanneer komen de plannen naar de raad?
"""


@pytest.mark.parametrize(
    "quote_line",
    [
        "Op di 14 mrt. 2023 om 09:12 schreef Jan Akkerman <j.akkerman@zwolle.example>:",
        "Op 14 maart 2023 09:12 schreef Jan Akkerman:",
        "Op dinsdag 14 maart 2023 om 9.12 uur schreef (geanonimiseerd)",
    ],
)
def test_the_opening_quote_lines_date_is_the_date_sent(quote_line):
    assert extract(quote_line + "\n" + BODY).facts()["date_sent"] == "2023-03-14"


def test_a_quote_line_further_down_does_not_date_the_letter():
    text = (
        "Beste Jan,\nDank voor je bericht.\nGroet, Ria\n\nOp di 14 mrt. 2023 om 09:12 schreef Jan:\nHoi Ria"
    )
    assert extract(text).facts()["date_sent"] is None
