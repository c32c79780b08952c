"""A header set in capitals and run into one line addresses with "AAN DE …" ("COMMISSIE WATERVEILIGHEID
Delft,9 september 2014 AAN DE VERENIGDE VERGADERING VAN DELFLAND Advies …"): the body after it is the
addressee; a proposal's heading ("VOORSTEL AAN BURGEMEESTER EN WETHOUDERS", "VOORSTEL AAN DE RAAD") is no
address (the fifteenth set's Delfland advice, seen again with the sixteenth; docs/ingest.md). Headers
written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract


@pytest.mark.parametrize(
    ("header", "addressee"),
    [
        (
            "COMMISSIE BESTUUR Leiden,3 maart 2016 AAN HET ALGEMEEN BESTUUR VAN HET HOOGHEEMRAADSCHAP VAN "
            "RIJNLAND Advies van de commissie over het voorstel van het college.",
            "ws0616",
        ),
        (
            "COMMISSIE WATER Delft, 2 april 2015 AAN DE VERENIGDE VERGADERING VAN DELFLAND Advies van de "
            "commissie over de begroting.",
            "ws0372",
        ),
    ],
)
def test_a_capitals_address_in_a_run_in_header(header, addressee):
    assert extract(header + " Aanwezig: de leden.\n").facts()["addressees"] == [addressee]


@pytest.mark.parametrize(
    "header",
    [  # guards: a proposal's heading
        "1 VOORSTEL AAN BURGEMEESTER EN WETHOUDERS & RAADSINFORMATIEBRIEF Van: J. Smit Nummer: 16B Datum: 2 mei "
        "2016 Onderwerp: Begroting",
        "1 VOORSTEL AAN DE RAAD Van: J. Smit Nummer: 16B Datum: 2 mei 2016 Onderwerp: Begroting",
    ],
)
def test_a_proposals_heading_is_no_address(header):
    assert extract(header + " Advies: in te stemmen.\n").facts()["addressees"] == []
