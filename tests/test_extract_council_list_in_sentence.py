"""A list of municipalities after "aan de colleges/raden van de gemeenten" inside a sentence ("… worden
eerst voorgelegd aan de colleges van de gemeenten Dalfsen en Ommen") is no address: an address list
opens with "Aan" (sixteenth unseen set, docs/ingest.md). Letters written for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract


def test_colleges_named_in_a_sentence_are_no_addressees():
    text = (
        "de nieuwe gemeente. Afgesproken is dat de besluiten met financiële gevolgen eerst worden "
        "voorgelegd aan de colleges van de gemeenten Dalfsen en Ommen. Daarna beslist de raad. "
        "Bijlagen: werkplan 2019 Ter inzage gelegde stukken: geen Burgemeester en wethouders van "
        "Hardenberg, de secretaris de burgemeester\n"
    )
    facts = extract(text).facts()
    assert facts["addressees"] == []
    assert {"gm0148", "gm0175"} <= set(facts["organisations_mentioned"])


def test_a_sentence_to_the_councils_is_no_address():
    text = (
        "Wij hebben de stukken op 3 mei 2018 toegezonden aan de raden van de gemeenten Zwolle, Kampen en "
        "Dalfsen, en zien uw reactie graag tegemoet.\n"
    )
    assert extract(text).facts()["addressees"] == []


def test_an_address_list_of_colleges_still_gives_each_college():
    # guard: the address line itself, opening with "Aan"
    text = (
        "Provincie Overijssel\nPostbus 10078\n8000 GB Zwolle\n\n"
        "Aan de colleges van burgemeester en wethouders van de gemeenten Dalfsen, Ommen en Hardenberg\n\n"
        "Zwolle, 4 april 2018\n\nOnderwerp: regionale woningbouwafspraken\n\nGeachte colleges,\n\n"
        "Hierbij zenden wij u de afspraken.\n"
    )
    assert set(extract(text).facts()["addressees"]) == {"gm0148", "gm0175", "gm0160"}
