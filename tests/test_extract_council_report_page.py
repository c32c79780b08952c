"""A council information system's page of a document (iBabs' "bestuurlijkeinformatie" sites) gives its
fields a line each, the label over the value ("Datum" / "12-3-2019" / "Afzender" / … / "Titel" / "RIB
19-007 Aanpak zwerfafval"): the title is the subject, its leading raadsinformatiebrief number our
reference (the fifteenth set's Texel page, scored again with the sixteenth; docs/ingest.md). Pages written
for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract

_PAGE = (
    "Ga naar de inhoud van deze pagina Ga naar het zoeken Ga naar het menu\nVorige pagina\n\n"
    "Raadsinformatiebrieven\n\n{heading}\n\nID\n118\nDatum\n12-3-2019\nAfzender\nJ. de Wit\nTitel\n{title}\n"
    "Toelichting\nDeze raadsinformatiebrief gaat over de aanpak van zwerfafval in de kernen.\nBijlage(s)\n"
)


def test_the_title_field_is_the_subject_and_its_number_our_reference():
    title = "RIB 19-007 Aanpak zwerfafval in de kernen"
    facts = extract(_PAGE.format(heading=title, title=title)).facts()
    assert facts["subject"] == "Aanpak zwerfafval in de kernen"
    assert facts["our_reference"] == "RIB 19-007"


def test_a_title_without_a_number_is_the_subject_alone():
    title = "Aanpak zwerfafval in de kernen"
    facts = extract(_PAGE.format(heading=title, title=title)).facts()
    assert facts["subject"] == title
    assert facts["our_reference"] is None


def test_a_titel_line_without_the_pages_fields_is_no_subject():
    # guard: "Titel" over a line in a text with no field lines before it
    text = (
        "Verslag van de werkgroep\n\nTitel\nDe werkgroep heeft drie keer vergaderd en bespreekt het plan.\n"
    )
    assert extract(text).facts()["subject"] is None
