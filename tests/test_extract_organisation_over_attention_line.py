"""An organisation the register does not hold, named over the address's attention line ("t.a.v."), or a
firm by the word "kantoor", is the addressee as written.

Real letters of the eighteenth unseen set: Gedeputeerde Staten of Overijssel answer a residents' group
("Tegenwind Daarle" / "t.a.v M. Kremer per mail:"), Amsterdam a law firm ("De Haan Advocatenkantoor" /
street / postcode); neither name holds an organisation's word the extractor knew, so neither letter had an
addressee. The letters below are made up."""

from opendata.ingest.extract import extract


def _letter(window: str) -> str:
    return (
        "Provincie Overijssel\n"
        "Postbus 10078\n"
        "8000 GB Zwolle\n"
        "www.overijssel.nl\n"
        f"{window}"
        "Datum 5 maart 2024\n"
        "Onderwerp Uw vragen over de windmolens\n\n"
        "Geachte heer Veldkamp,\n\n"
        "Met belangstelling hebben wij uw brief gelezen. Hieronder beantwoorden wij uw vragen.\n\n"
        "Gedeputeerde Staten van Overijssel,\n"
    )


def test_a_name_over_an_attention_line_is_the_addressee():
    for window in (
        "Windalarm Oosterveen\nt.a.v. J. Veldkamp per mail:\n",
        "Windalarm Oosterveen\n\nT.a.v. de heer J. Veldkamp\nDorpsstraat 2\n7711 AB Oosterveen\n",
    ):
        assert extract(_letter(window)).facts()["addressees"] == ["Windalarm Oosterveen"], window


def test_a_firm_named_by_kantoor_is_the_addressee():
    window = "Retouradres: Postbus 10078, 8000 GB Zwolle\nDe Veldkamp Advocatenkantoor\nDorpsstraat 2\n7711 AB Oosterveen\n"
    assert extract(_letter(window)).facts()["addressees"] == ["De Veldkamp Advocatenkantoor"]


def test_a_person_or_a_body_over_an_attention_line_is_no_name_as_written():
    assert extract(_letter("De heer J. Veldkamp\nt.a.v. J. Veldkamp\n")).facts()["addressees"] == []
    assert extract(_letter("Gemeente Raalte\nt.a.v. het college\nPostbus 140\n8100 AC Raalte\n")).facts()[
        "addressees"
    ] == ["gm0177"]
