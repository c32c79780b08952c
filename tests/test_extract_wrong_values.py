"""The wrong values the perturbation scorer still found (docs/ingest.md, "The wrong values left"): each
class gives the right value or none, never another.

- An address to "Gedeputeerde Staten" without its province took the one province the letter named
  anywhere, so a province named only in the subject or body became the addressee. The province is now
  taken only where the letter's own parts bear it out: its signature names it, or the address's town
  lies in it; a town in another province leaves the board as written.
- A page carrying two letters (a party's page of written questions, one under the other) whose first
  header a text layer ran into one line took the second letter's salutation, date and signers.
- A document host's "Transcript <title>" line with the letter's header run into it was blanked whole,
  and a stamp's date below the salutation (a receiver's, OCR-damaged) dated the letter.

The letters below are written for these tests; the people are invented.
"""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

# ---------------------------------------------------------------- Gedeputeerde Staten without province


def _to_the_board(address: str, body: str, signature: str = "J. Wolters\nStatenlid") -> str:
    return (
        "Aan het College van Gedeputeerde Staten\n"
        f"{address}"
        "\nHattem, 12 maart 2024\n\n"
        "Geacht College,\n\n"
        f"{body}\n\n"
        "Hoogachtend,\n\n"
        f"{signature}\n"
    )


ARNHEM = "Postbus 9090\n6800 GX ARNHEM\n"


@pytest.mark.parametrize(
    "body",
    [
        # a province named in the body is what the letter is about
        "Op 4 februari schreef de provincie Utrecht aan de gemeente Veenendaal over de snelfietsroute. "
        "Wij vragen u of die route ook binnen uw grenzen wordt doorgetrokken.",
        "Wij hebben vernomen dat de provincie Overijssel de veerdienst over de IJssel niet langer "
        "subsidieert. Welke gevolgen heeft dat voor de inwoners aan deze kant van de rivier?",
        # the subject names it
        "Onderwerp: de samenwerking met de provincie Flevoland\n\nWelke afspraken zijn er gemaakt?",
    ],
)
def test_a_province_named_in_the_body_is_not_the_boards(body):
    facts = extract(_to_the_board(ARNHEM, body)).facts()
    assert facts["addressees"] == ["Gedeputeerde Staten"]


def test_the_address_town_bears_out_the_province_the_body_names():
    # the board's own province named in the body, the provinciehuis in its capital: resolved
    named = "Voorziet de provincie Gelderland extra kosten voor het onderhoud van de dijk?"
    assert extract(_to_the_board(ARNHEM, named)).facts()["addressees"] == ["pv25"]
    # the same question with the provinciehuis of another province: the board as written
    elsewhere = _to_the_board("Postbus 6001\n4330 LA Middelburg\n", named)
    assert extract(elsewhere).facts()["addressees"] == ["Gedeputeerde Staten"]
    # a town in a header run into one line ("… 6800 GX ARNHEM Hattem, 12 maart 2024 Geacht College,")
    joined = "Aan het College van Gedeputeerde Staten Postbus 9090 6800 GX ARNHEM Hattem, 12 maart 2024 "
    text = joined + "Geacht College,\n\n" + named + "\n\nHoogachtend,\n\nJ. Wolters\n"
    assert extract(text).facts()["addressees"] == ["pv25"]


def test_the_signature_names_the_province():
    # no postal address: the signer's post names the province, a body sentence another one
    signed = _to_the_board(
        "", "Hoe staat het met de dijkversterking?", "J. Wolters\nLid Provinciale Staten van Drenthe"
    )
    assert extract(signed).facts()["addressees"] == ["pv22"]
    # no postal address and the province only in the body: the board as written
    body_only = _to_the_board("", "Hoe staat het met de dijkversterking bij de provincie Drenthe?")
    assert extract(body_only).facts()["addressees"] == ["Gedeputeerde Staten"]
    # the signature's province and the address's town disagree: neither is taken
    disagree = _to_the_board(
        ARNHEM, "Hoe staat het met de dijkversterking?", "J. Wolters\nLid Provinciale Staten van Drenthe"
    )
    assert extract(disagree).facts()["addressees"] == ["Gedeputeerde Staten"]


# ---------------------------------------------------------------- a page carrying two letters

SECOND_LETTER = (
    "Lees verder\n\n"
    "Aan het College van Gedeputeerde Staten\n\n"
    "Provinciehuis\n"
    "Postbus 900\n"
    "8901 BZ LEEUWARDEN\n\n"
    "Harlingen, 3 februari 2022\n\n"
    "Geacht College,\n\n"
    "Hierbij stellen wij vragen over de sluiting van het veer naar het eiland.\n\n"
    "Met vriendelijke groet,\n\n"
    "P. Kuipers\n"
    "fractievoorzitter\n"
)


@pytest.mark.parametrize(
    "first_header",
    [
        "Aan het College van Gedeputeerde Staten Provinciehuis Postbus 900 8901 BZ LEEUWARDEN "
        "Harlingen, 21 oktober 2022 ",
        "Aan het College van Gedeputeerde Staten Postbus 900 8901 BZ LEEUWARDEN Datum: 21 oktober 2022 ",
        "Aan de leden van Provinciale Staten Harlingen, 21 oktober 2022 ",
    ],
)
def test_a_page_with_two_letters_gives_the_first_letters_values(first_header):
    # the first letter's header run into one line, the second's on lines of their own
    page = (
        first_header + "Geacht College,\n\n"
        "Hierbij stellen wij vragen over de bouw van de windturbines langs de Afsluitdijk.\n\n"
        + SECOND_LETTER
    )
    facts = extract(page).facts()
    assert facts["date_sent"] == "2022-10-21"
    assert facts["signatories"] == []


def test_a_first_letter_without_a_date_takes_none_from_the_second():
    page = (
        "Aan het College van Gedeputeerde Staten\n\n"
        "Geacht College,\n\n"
        "Hierbij stellen wij vragen over de bouw van de windturbines langs de Afsluitdijk.\n\n"
        + SECOND_LETTER
    )
    facts = extract(page).facts()
    assert facts["date_sent"] is None
    assert facts["signatories"] == []
    # one letter that has a line starting with "Aan de" in its body is no page of two letters
    one = (
        "Harlingen, 21 oktober 2022\n\n"
        "Geacht College,\n\n"
        "Hierbij stellen wij vragen over de windturbines.\n\n"
        "Aan de hand van de kaart vragen wij:\n\n"
        "Geacht college, wat is uw antwoord?\n\n"
        "Met vriendelijke groet,\n\nP. Kuipers\nfractievoorzitter\n"
    )
    assert extract(one).facts()["date_sent"] == "2022-10-21"


def test_a_hosts_preview_of_the_page_is_the_same_letter():
    # a host's preview before the letter ("Gemeenteraad Geachte heer, mevrouw, Tijdens de") stays part
    # of one letter: its values are read from the letter below it
    page = (
        "Gemeenteraad Geachte heer, mevrouw, Tijdens de\n\n"
        "Burgemeester van Harlingen\n"
        "Aan de gemeenteraad\n"
        "Ons kenmerk\n"
        "22.01234\n"
        "Datum: 21 oktober 2022\n"
        "Geachte heer, mevrouw,\n"
        "Tijdens de vergadering van 6 oktober vroeg u naar het veer.\n"
        "Met vriendelijke groet,\n"
        "P. Kuipers\n"
    )
    facts = extract(page).facts()
    assert facts["date_sent"] == "2022-10-21"
    assert facts["our_reference"] == "22.01234"
    # the same preview over a page of two letters: the first letter's date, not the second's
    two = page.replace("Met vriendelijke groet,\nP. Kuipers\n", "") + SECOND_LETTER
    assert extract(two).facts()["date_sent"] == "2022-10-21"
    assert extract(two).facts()["signatories"] == []


# ---------------------------------------------------------------- a host's transcript line


@pytest.mark.parametrize("glue", ["", " "])
def test_a_header_run_into_the_hosts_transcript_line_is_read(glue):
    title = "Begroting 2023 - Omgevingsdienst Noord"
    page = (
        f"{title}\n\nDownload Report\n\nTranscript {title}{glue}"
        "Omgevingsdienst IJsselland Postbus 80 8000 AB Zwolle "
        "Aan het Algemeen Bestuur Datum 14 november 2022 Ons kenmerk Z/22/0417 "
        "Onderwerp Begroting 2023 Geachte leden van het bestuur,\n"
        "INGEK0MEN\n"
        "18 NOV. 2022\n"
        "Hierbij ontvangt u de begroting voor het komende jaar.\n"
    )
    facts = extract(page).facts()
    assert facts["date_sent"] == "2022-11-14"
    assert facts["our_reference"] == "Z/22/0417"
