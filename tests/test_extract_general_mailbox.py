"""An e-mail to a body's general mailbox (docs/ingest.md, "A twenty-second … unseen set"): "Aan:
gemeente@wierden.nl" as the only receiver addresses the municipality; a person's or a unit's mailbox, or
a domain that names no single body, addresses no one. Mails written for the test (invented people)."""

from __future__ import annotations

from opendata.ingest.extract import extract


def _mail(receiver: str) -> str:
    return (
        "Van: Overijssel Loket <loket@overijssel.nl>\nVerzonden: vrijdag 2 augustus 2024 10:15\n"
        f"Aan: {receiver}\nOnderwerp: Afrondingsbrief melding Z2024-00009999\n\nGeachte heer, mevrouw,\n\n"
        "Bijgaand ontvangt u de afrondingsbrief over de melding in uw gemeente.\n\nMet vriendelijke groet,\n\n"
        "Overijssel Loket\nProvincie Overijssel\n"
    )


def test_a_municipalitys_general_mailbox_addresses_the_municipality():
    for receiver, code in (("gemeente@wierden.nl", "gm0189"), ("info@zwolle.nl", "gm0193")):
        assert extract(_mail(receiver)).facts()["addressees"] == [code], receiver


def test_a_persons_or_a_units_mailbox_addresses_no_one():
    for receiver in ("j.jansen@wierden.nl", "vergunningen@wierden.nl", "gemeente@example.nl"):
        assert extract(_mail(receiver)).facts()["addressees"] == [], receiver


def test_a_domain_that_names_two_kinds_of_body_belongs_to_the_one_that_owns_it():
    """utrecht.nl and groningen.nl are the cities' (the provinces write "provincie-utrecht.nl"),
    limburg.nl the province's (Waterschap Limburg writes "waterschaplimburg.nl")."""
    for receiver, code in (
        ("info@utrecht.nl", "gm0344"),
        ("info@groningen.nl", "gm0014"),
        ("post@provincie-utrecht.nl", "pv26"),
        ("post@limburg.nl", "pv31"),
        ("info@waterschaplimburg.nl", "ws0665"),
    ):
        assert extract(_mail(receiver)).facts()["addressees"] == [code], receiver
