"""A resident's e-mail to a municipality's griffie: the only government address in it is the
receiver's, on the header's "Aan:" line ("Griffiebureau" <griffiebureau@…>), and it was taken for
the writer's own, so the municipality became the sender of a letter written to it. An address on a
receiver's line (Aan, To, CC) is no longer the writer's; one in the signature still is. Invented
mails; the municipality is real."""

from __future__ import annotations

from opendata.ingest.extract import extract

MAIL = (
    "Verzonden: donderdag 6 april 2023 20:14\n"
    'Aan: "Griffiebureau" <griffiebureau@haarlem.nl>\n'
    "Onderwerp: Zwerfafval langs de Spaarne\n"
    "Goedenavond,\n"
    "Ik wil de raad vragen iets te doen aan het zwerfafval langs het water.\n"
    "Met vriendelijke groeten,\n"
    "(geanonimiseerd)\n"
)


def test_the_receivers_address_does_not_send():
    assert extract(MAIL).facts()["sender"] is None


def test_an_address_in_the_signature_still_sends():
    text = MAIL.replace("(geanonimiseerd)\n", "(geanonimiseerd)\nT 14 023 | afval@haarlem.nl\n")
    assert extract(text).facts()["sender"] == "gm0392"
