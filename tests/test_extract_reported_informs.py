"""A page that reports a letter as informing a body ("Kamerbrief over het programma" / "De minister en
de staatssecretaris informeren de Tweede Kamer over …"): the body informed is the letter's addressee,
where the sentence or the page's title names the letter (sixteenth unseen set, docs/ingest.md). Pages
written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract


@pytest.mark.parametrize(
    "page",
    [
        "Kamerbrief over de voortgang van het programma Schone Lucht\n\n"
        "De minister en de staatssecretaris informeren de Tweede Kamer over de voortgang van het programma.\n\n"
        "Kamerbrief over de voortgang (PDF | 12 pagina's | 300 kB)\n",
        "Nieuws\n\nDe staatssecretaris informeerde de Eerste Kamer per brief over de uitvoering.\n",
    ],
)
def test_the_body_informed_by_a_reported_letter_is_its_addressee(page):
    facts = extract(page).facts()
    assert facts["addressees"] in (["oorg10002"], ["oorg10001"])
    assert facts["kind"] == "brief"


def test_informing_without_a_letter_is_no_address():
    # guard: no letter named in the sentence or the title
    page = "Debat over de begroting\n\nDe minister informeert de Tweede Kamer morgen in het debat.\n"
    assert extract(page).facts()["addressees"] == []
