"""An e-mail that answers another with the message it answers quoted under it: the signature is the reply's.

A real e-mail of a municipality's department answering a council faction's technical questions (the
eighteenth unseen set) has the faction's own e-mail with the questions under it; the extractor took the
last closing of the text, the quoted message's, and made the faction the sender (an invented value). The
messages below are made up."""

from opendata.ingest.extract import extract

_QUOTED = (
    "Verzonden: maandag 4 maart 2024 09:12\n"
    "Aan: Griffie\n"
    "Onderwerp: Technische vragen over de bomenkap\n\n"
    "Geachte griffie,\n\n"
    "Wilt u de vragen hieronder aan de behandelend ambtenaar doorsturen?\n\n"
    "Met vriendelijke groet,\n"
    "Sanne de Bruin\n"
    "Fractie Groen Dorp\n"
)


def _reply(closing: str) -> str:
    return (
        "Verzonden: donderdag 7 maart 2024 16:40\n"
        "Aan: Groen Dorp\n"
        "CC: Griffie\n"
        "Onderwerp: RE: Technische vragen over de bomenkap\n\n"
        "Hierbij beantwoorden wij uw vragen. Er worden dit jaar twaalf bomen gekapt en\n"
        "achttien nieuwe geplant.\n\n"
        f"{closing}"
        "Afdeling Openbare Ruimte\n\n" + _QUOTED
    )


def test_the_quoted_messages_signature_makes_no_sender():
    facts = extract(_reply("Met een vriendelijke groet,\n")).facts()
    assert facts["sender"] is None
    assert facts["signatories"] == []


def test_the_replys_own_signature_is_read():
    facts = extract(_reply("Met vriendelijke groet,\nPieter Hoekstra\nBeleidsadviseur\n")).facts()
    assert facts["signatories"] == [{"name": "Pieter Hoekstra", "role": "beleidsadviseur"}]


def test_a_single_message_keeps_its_signature():
    facts = extract(_QUOTED).facts()
    assert facts["signatories"] == [{"name": "Sanne de Bruin", "role": None}]
    assert facts["sender"] == "Fractie Groen Dorp"
