"""A letter whose form-like head names its writer on a "Van:" line, a residents' group or an association
("Van: de kerngroep (Bewonersgroep Oude Dijk) / bewoners van de Dijkweg"): that group is the sender, by
the name it uses, where nothing else names one. Before, the letter had no sender (a residents' sounding
board's letter to Amsterdam's council, nineteenth unseen set).
Invented texts."""

from __future__ import annotations

from opendata.ingest.extract import extract

LETTER = """RAADSADRES
Aan: De gemeenteraad van Zwolle
Van: {writer}
Datum: 9 februari 2022
Geachte raadsleden,
Wij vragen u de herinrichting van de Dijkweg zelf ter hand te nemen. De weg is te smal en te druk.
Hoogachtend,
"""


def test_a_group_on_the_van_line_sends():
    facts = extract(
        LETTER.format(writer="de kerngroep (Bewonersgroep Oude Dijk) / bewoners van de Dijkweg")
    ).facts()
    assert facts["sender"] == "Bewonersgroep Oude Dijk"


def test_an_association_on_the_van_line_sends():
    facts = extract(LETTER.format(writer="Vereniging Dijkbewoners Zwolle")).facts()
    assert facts["sender"] == "Vereniging Dijkbewoners Zwolle"


def test_a_person_on_the_van_line_sends_nothing():
    assert extract(LETTER.format(writer="P. de Boer")).facts()["sender"] is None
