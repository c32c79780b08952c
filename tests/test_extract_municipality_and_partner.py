"""One municipality's name followed by another's after "en" ("Gemeente Zwolle en Kampen" under an
official's post, as a civil service shared by two municipalities signs): both are mentioned. Before,
only the first was (a Haarlem official's answer signed "Gemeente Haarlem en Zandvoort", nineteenth
unseen set). Invented texts."""

from __future__ import annotations

from opendata.ingest.extract import extract

MAIL = """Verzonden: donderdag 7 maart 2024 14:20
Aan: Griffie
Onderwerp: Vragen over de speeltuin
Geachte raadslid,
Dank voor uw vragen over de speeltuin aan de Parklaan. De toestellen worden in april vervangen.
Met vriendelijke groet,
Jan de Wit
Projectleider
{line}
"""


def test_both_municipalities_of_a_shared_service_are_mentioned():
    facts = extract(MAIL.format(line="Gemeente Zwolle en Kampen")).facts()
    assert set(facts["organisations_mentioned"]) == {"gm0193", "gm0166"}


def test_a_municipality_and_a_company_mention_the_municipality_only():
    facts = extract(MAIL.format(line="Gemeente Zwolle en Stadsbeheer Zwolle BV")).facts()
    assert facts["organisations_mentioned"] == ["gm0193"]
