"""A reference that only the later pages' running header gives ("Ons kenmerk" over its value).

A real letter of a burgemeester (the eighteenth unseen set) has an empty "Ons kenmerk" in its OCR'd first
page's label column; pages 2 and 3 repeat "Gemeente Den Haag / Ons kenmerk / BENW/2017.1458". Labels
below the first page's header count only with a colon, so the letter had no reference. The letters below
are made up."""

from opendata.ingest.extract import extract

_BODY = (
    "Uw brief over het bezoek heb ik met belangstelling gelezen. Ik kom graag langs in de zomer en neem\n"
    "dan de wethouder mee. Wij bespreken de plannen voor de haven en de kade.\n"
    "Gemeente Zeist Postbus 513 Telefoonnummer 14030\n"
)


def _letter(headers: list[str]) -> str:
    pages = "".join(f"{n + 2}/4\nGemeente Zeist\n{header}" + _BODY for n, header in enumerate(headers))
    return (
        "Gemeente Zeist\n"
        "Vereniging Dorpsbelang Ons kenmerk\n"
        "Postbus 12 Contactpersoon\n"
        "Datum 19 maart 2024\n"
        "Onderwerp Bezoek aan de haven\n\n"
        "Geachte heer De Wit,\n\n" + _BODY + pages + "Met vriendelijke groet,\nAnne Smit\nburgemeester\n"
    )


def test_the_running_headers_reference_is_ours():
    facts = extract(_letter(["Ons kenmerk 3\nBZ/2024.0815\n", "Ons kenmerk\nBZ/2024.0815\n"])).facts()
    assert facts["our_reference"] == "BZ/2024.0815"


def test_headers_that_disagree_or_stand_once_give_none():
    assert (
        extract(_letter(["Ons kenmerk\nBZ/2024.0815\n", "Ons kenmerk\nBZ/2024.0999\n"])).facts()[
            "our_reference"
        ]
        is None
    )
    assert extract(_letter(["Ons kenmerk\nBZ/2024.0815\n"])).facts()["our_reference"] is None
