"""Two subjects a sweep over a municipality's Woo PDFs (hackathon-milvum, Haarlem) showed wrong: a mail
with no body whose closing stood right under its subject ("Onderwerp: KLI-formulier, zaaknummer …" /
"Met vriendelijke groet,") took the closing into the subject, and a report whose subject the
publisher redacted gave "(geanonimiseerd)" as its subject. Texts written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract


@pytest.mark.parametrize("closing", ["Met vriendelijke groet,", "Met hartelijke groet,", "Hoogachtend,"])
def test_a_closing_under_the_subject_does_not_continue_it(closing):
    text = (
        "Van: Klantcontactcentrum <kcc@example.nl>\nVerzonden: donderdag 8 april 2021 15:49\n"
        f"Aan: Klachtencoördinator\nOnderwerp: Klachtformulier, zaaknummer: KLI-2117052\n{closing}\n"
        "Medewerker Klantcontactcentrum\n"
    )
    assert extract(text).facts()["subject"] == "Klachtformulier, zaaknummer: KLI-2117052"


@pytest.mark.parametrize("mark", ["(geanonimiseerd)", "(geanonimiseerd) (geanonimiseerd)", "[5.1.2.e]"])
@pytest.mark.parametrize("layout", ["column", "label"])
def test_a_subject_that_is_only_redaction_is_unknown(mark, layout):
    if layout == "column":  # the labels' column of a report's first page, each value under its label
        text = (
            "19 april 2018\nDatum\nBehandeld door (geanonimiseerd)\nE-mail\n1.0\nVersie\nBlad\n1 van9\n"
            f"Onderwerp\n{mark}\nAanleiding\nBij de woningen worden ratten gezien.\n"
        )
    else:
        text = (
            f"Datum: 19 april 2018\nOnderwerp: {mark}\n\nGeachte heer,\n\nBij de woningen worden "
            "ratten gezien.\n\nMet vriendelijke groet,\nHet college\n"
        )
    assert extract(text).facts()["subject"] is None


def test_a_subject_with_a_redacted_name_keeps_its_words():
    text = (
        "Datum: 3 maart 2021\nOnderwerp: Ratten in de (geanonimiseerd)straat\n\nGeachte heer,\n\n"
        "Wij hebben uw melding ontvangen.\n\nMet vriendelijke groet,\nHet college\n"
    )
    assert extract(text).facts()["subject"] == "Ratten in de (geanonimiseerd)straat"
