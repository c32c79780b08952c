"""A body the register names with its version or year ("Regionale uitvoeringsdienst Utrecht 2.0",
"Gemeenschappelijke regeling huisvesting voortgezet onderwijs in de Liemers 2024") is written without it
in letters; the name alone is the body (sixteenth unseen set, docs/ingest.md). Texts written for the
test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Het algemeen bestuur van de Regionale Uitvoeringsdienst Utrecht heeft op 12 maart de begroting "
            "vastgesteld.\n",
            "so0843",
        ),
        (
            "Postbus 8 3500 AA Utrecht Aan de deelnemers van de Regionale uitvoeringsdienst Utrecht T.a.v. "
            "de griffie Datum 3 april 2016\n",
            "so0843",
        ),
    ],
)
def test_a_name_without_its_version_is_the_body(text, code):
    assert code in extract(text).facts()["organisations_mentioned"]


def test_a_name_with_its_version_still_resolves_and_a_shorter_one_does_not():
    # guards: the register's full name; two words of it name nothing
    assert (
        "so0843"
        in extract("Zie de Regionale uitvoeringsdienst Utrecht 2.0 voor de stukken.\n").facts()[
            "organisations_mentioned"
        ]
    )
    assert (
        extract("De uitvoeringsdienst Utrecht meldt dat de vergunning is verleend.\n").facts()[
            "organisations_mentioned"
        ]
        == []
    )
