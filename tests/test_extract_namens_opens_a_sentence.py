"""A sentence of the letter that opens with "Namens" ("Namens GroenLinks Zwolle wil ik graag drie vragen
stellen, …") is its writer speaking, not a signature's "namens …" line: the rest of the sentence is no
sender's name. Before, the whole sentence after "Namens" was given as the sender (a council member's
e-mail quoted under an official's answer, nineteenth unseen set). Invented texts."""

from __future__ import annotations

from opendata.ingest.extract import extract

MAIL = """Beste raadslid,

In antwoord op uw vragen: de plannen komen in het voorjaar naar de raad.

Met vriendelijke groet,
Beleidsadviseur Openbare Ruimte
Van: Ria Veldkamp
Verzonden: maandag 3 oktober 2022 10:12
Aan: Griffie
Onderwerp: Vragen over de kadeplannen
Beste griffie,
{sentence}
1. Wanneer worden de plannen aan de raad voorgelegd?
{signature}
"""


def test_a_sentence_opening_with_namens_names_no_sender():
    text = MAIL.format(
        sentence="Namens GroenLinks Zwolle wil ik graag twee vragen stellen, waarvan één over de begroting.",
        signature="Ria Veldkamp",
    )
    sender = extract(text).facts()["sender"]
    assert sender is None or "vragen" not in sender


def test_a_signature_line_namens_a_party_still_sends():
    text = MAIL.format(sentence="Graag stel ik twee vragen.", signature="").replace(
        "Beleidsadviseur Openbare Ruimte\n", "namens de GroenLinks-fractie,\nRia Veldkamp\n"
    )
    assert extract(text).facts()["sender"] == "GroenLinks-fractie"
