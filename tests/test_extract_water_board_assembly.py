"""A water board's general assembly is called the Verenigde Vergadering (Delfland's, Schieland's), as
the States General's joint session is in the register: "de Verenigde Vergadering van Delfland" names
the water board, and the bare "Verenigde Vergadering" of a text that named it is the same assembly,
not the States General's (fifteenth unseen set, issue 13). The texts are written for the test: invented
wording, real names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def _paper(assembly: str) -> str:
    return (
        "COMMISSIE BESTUUR Delft, 3 maart 2015\n"
        f"AAN {assembly}\n\n"
        "Advies van de commissie over het voorstel van het college van dijkgraaf en hoogheemraden, ter "
        "behandeling in de Verenigde Vergadering op 26 maart 2015.\n\n"
        "De commissie adviseert het voorstel als hamerstuk te behandelen.\n"
    )


def test_the_assembly_of_delfland_names_the_water_board():
    mentioned = extract(_paper("DE VERENIGDE VERGADERING VAN DELFLAND")).facts()["organisations_mentioned"]
    assert "ws0372" in mentioned
    assert "oorg10000" not in mentioned


def test_the_assembly_of_a_hoogheemraadschap_written_out():
    text = (
        "Het college legt het plan voor aan de Verenigde Vergadering van het Hoogheemraadschap van "
        "Schieland en de Krimpenerwaard, die op 2 juli 2015 besluit.\n"
    )
    mentioned = extract(text).facts()["organisations_mentioned"]
    assert "ws0656" in mentioned
    assert "oorg10000" not in mentioned


def test_the_states_generals_joint_session_is_still_named():
    text = (
        "Op Prinsjesdag spreekt de Koning de Verenigde Vergadering der Staten-Generaal toe.\n\n"
        "Met vriendelijke groet,\n"
    )
    assert "oorg10000" in extract(text).facts()["organisations_mentioned"]
