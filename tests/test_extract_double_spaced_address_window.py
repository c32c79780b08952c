"""Several organisations in one address window that OCR set with a blank line under every line.

A real decision of Amsterdam on a Woo request of three residents' associations (the eighteenth unseen
set) names each with its own "Per e-mail:" line under the return address, every line followed by a blank
one: only the first association was read. The letters below are made up."""

from opendata.ingest.extract import extract


def _letter(window: str) -> str:
    return (
        "Gemeente Amsterdam\n"
        "Retouradres: Postbus 202, 1000 AE Amsterdam\n"
        f"{window}"
        "Datum 4 april 2024\n\n"
        "Ons kenmerk WOO24-00031\n\n"
        "Onderwerp Besluit op uw verzoek\n\n"
        "Geachte besturen,\n\n"
        "Ik besluit de gevraagde stukken openbaar te maken.\n"
    )


def test_each_association_of_a_double_spaced_window_is_an_addressee():
    window = (
        "\nDe bewonersvereniging Lindenhof\n\ntav. de voorzitter\n\nPer e-mail: info@lindenhof.nl\n\n"
        "Vereniging Vrienden van het Sparrenbos\n\nPer e-mail: post@sparrenbos.nl\n\n"
        "Stichting Oud Noord\n\nPer e-mail: bestuur@oudnoord.nl\n\n"
    )
    assert [a.lower() for a in extract(_letter(window)).facts()["addressees"]] == [
        "bewonersvereniging lindenhof",
        "vereniging vrienden van het sparrenbos",
        "stichting oud noord",
    ]


def test_a_single_spaced_window_ends_at_its_blank_line():
    window = (
        "Vereniging Vrienden van het Sparrenbos\nDorpsstraat 4\n1234 AB Zonnedorp\n\nStichting Oud Noord\n\n"
    )
    assert extract(_letter(window)).facts()["addressees"] == ["Vereniging Vrienden van het Sparrenbos"]
