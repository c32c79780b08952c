"""How letters write the names of joint arrangements and list municipalities (fourteenth unseen set,
issue 13): "GGD Gelderland-Zuid" for the register's "Gemeentelijke Gezondheidsdienst Gelderland-Zuid",
a hyphen of the register's name written as a space ("Veiligheidsregio Gelderland Zuid"), and a list
after the colloquial plural "gemeentes". The text is written for the test: invented wording, real
names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def _proposal() -> str:
    return (
        "Zienswijzen op de ontwerpbegrotingen 2023\n\n"
        "Het college stelt de raad voor een zienswijze te sturen aan:\n\n"
        "   i.   de GGD Gelderland-Zuid\n\n"
        "   ii.  de Veiligheidsregio Gelderland Zuid (VRGZ)\n\n"
        "Van twee gemeentes is de zienswijze al ontvangen: Nijmegen en Wijchen.\n"
    )


def test_a_ggd_is_named_by_its_abbreviation():
    assert "so0720" in extract(_proposal()).facts()["organisations_mentioned"]


def test_a_hyphen_of_a_register_name_may_be_a_space():
    assert "so0518" in extract(_proposal()).facts()["organisations_mentioned"]


def test_municipalities_listed_after_gemeentes_are_mentioned():
    mentioned = extract(_proposal()).facts()["organisations_mentioned"]
    assert {"gm0268", "gm0296"} <= set(mentioned)
