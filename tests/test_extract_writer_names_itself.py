"""An association or foundation that names itself as the writer ("Als Supportersvereniging Ajax
constateren wij …") is the sender, by the name it uses.

A real letter of a supporters' association to a municipality (the eighteenth unseen set) signs with its
logo only; it names itself in the body and had no sender. The letters below are made up."""

from opendata.ingest.extract import extract


def _letter(sentence: str) -> str:
    return (
        "Gemeente Zeist\n"
        "T.a.v. de burgemeester\n"
        "Postbus 513\n"
        "3700 AM Zeist\n"
        "Zeist, 3 april 2024\n"
        "Betreft: Bezoek aan de haven\n"
        "Geachte burgemeester,\n"
        f"{sentence} Graag gaan wij met u in gesprek.\n"
        "Uw reactie zien wij met belangstelling tegemoet.\n"
    )


def test_an_association_naming_itself_as_we_is_the_sender():
    for sentence, name in (
        (
            "Als Watersportvereniging De Kaag constateren wij dat de steiger te kort is.",
            "Watersportvereniging De Kaag",
        ),
        ("Als Stichting Groen Dorp vinden wij de plannen te groot.", "Stichting Groen Dorp"),
    ):
        assert extract(_letter(sentence)).facts()["sender"] == name, sentence


def test_a_board_or_a_lower_case_body_is_no_sender_as_written():
    for sentence in (
        "Als Dagelijks Bestuur vinden wij de plannen te groot.",
        "Als vereniging vinden wij de plannen te groot.",
        "Als Stichting Groen Dorp en als Vereniging Oud Dorp vinden wij de plannen te groot.",
    ):
        assert extract(_letter(sentence)).facts()["sender"] is None, sentence
