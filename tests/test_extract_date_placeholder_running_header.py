"""A letter whose head keeps the template's placeholder for its date ("Datum XX april 2024", "Datum
ntb") while the second page's running header is dated ("Gemeente Zwolle 12 april 2024" over "Pagina 2
van 2"): that date is the date sent. Before, no date was found (one running header was not trusted
alone; a letter to residents in the nineteenth unseen set). Invented texts."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

LETTER = """Gemeente
Zwolle
Aan Bewoners van de Kadewijk
Van Projectteam Kadewijk
Datum {date}
Onderwerp Informatieavond over de nieuwe kade
Geachte bewoner,
Graag nodigen wij u uit voor een informatieavond over de nieuwe kade op donderdag 25 april.
U kunt zich aanmelden via onze website.
Gemeente Zwolle 12 april 2024
Pagina 2 van 2
Meer informatie vindt u op de website van de gemeente.
Met vriendelijke groet,
Projectteam Kadewijk
"""


@pytest.mark.parametrize("placeholder", ["XX april 2024", "xx-xx-2024", "ntb"])
def test_a_placeholder_date_takes_the_running_headers(placeholder):
    assert extract(LETTER.format(date=placeholder)).facts()["date_sent"] == "2024-04-12"


def test_a_filled_in_date_stays_the_date_sent():
    assert extract(LETTER.format(date="10 april 2024")).facts()["date_sent"] == "2024-04-10"
