"""Classes found by the twenty-third session's probe letters (tests/probes/u-…, v-…, w-…, x-…) and the
known misses of the earlier rounds: which post a signer signs in when the block says it twice, and more.
Letters written for the test (invented people, real public bodies)."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted


def _letter(head: str, closing: str, date: str = "14 mei 2024") -> str:
    return (
        f"{head}\n\nAan het college van burgemeester en wethouders\nvan de gemeente Kampen\nPostbus 5009\n"
        f"8260 GA  KAMPEN\n\nDatum      {date}\nOns kenmerk 2024-30118\nOnderwerp  Beheer van de Buitenkade\n\n"
        "Geacht college,\n\nGraag maken wij met u afspraken over het beheer van de kade langs het water.\n\n"
        f"Hoogachtend,\n\n{closing}"
    )


def _signers(facts: dict | None) -> list[tuple[str, str | None]]:
    assert facts is not None
    return [(signer["name"], signer["role"]) for signer in facts["signatories"]]


# ---------------------------------------------------------------- a stand-in under the block's post


@pytest.mark.parametrize(
    "closing, signers",
    [
        (
            "burgemeester en wethouders van Zwolle,\n\nde secretaris,                 de burgemeester,\n\n\n"
            "M.T. Grootveld-Bos             H.J. Weenink-Dam\n                               loco-burgemeester\n",
            [("M.T. Grootveld-Bos", "secretaris"), ("H.J. Weenink-Dam", "loco-burgemeester")],
        ),
        (
            "burgemeester en wethouders van Zwolle,\n\nde secretaris,                 de burgemeester,\n\n\n"
            "M.T. Grootveld-Bos             H.J. Weenink-Dam\nloco-secretaris\n",
            [("M.T. Grootveld-Bos", "loco-secretaris"), ("H.J. Weenink-Dam", "burgemeester")],
        ),
    ],
)
def test_a_stand_in_under_the_name_is_the_post_it_signs_in(closing, signers):
    assert _signers(drafted(_letter("Gemeente Zwolle", closing))) == signers


def test_a_stand_in_in_another_column_is_not_the_names_post():
    # "loco-burgemeester" under the secretary's column: no stand-in for the secretary's post
    closing = (
        "burgemeester en wethouders van Zwolle,\n\nde secretaris,                 de burgemeester,\n\n\n"
        "M.T. Grootveld-Bos             H.J. Weenink-Dam\nloco-burgemeester\n"
    )
    signers = _signers(drafted(_letter("Gemeente Zwolle", closing)))
    assert ("M.T. Grootveld-Bos", "secretaris") in signers
    assert ("H.J. Weenink-Dam", "burgemeester") in signers


# ---------------------------------------------------------------- the signer's other office under the name


@pytest.mark.parametrize(
    "head, closing, sender, role",
    [
        (
            "Veiligheidsregio IJsselland",
            "de voorzitter van de Veiligheidsregio IJsselland,\n\n\n\nH.J. Weenink-Dam\nburgemeester van Zwolle\n",
            "Veiligheidsregio IJsselland",
            "voorzitter",
        ),
        (
            "Veiligheidsregio IJsselland",
            "De voorzitter van Veiligheidsregio IJsselland,\n\n\nH.J. Weenink-Dam\nBurgemeester van de gemeente Zwolle\n",
            "Veiligheidsregio IJsselland",
            "voorzitter",
        ),
        (
            # the signer's own post under the name still wins over a post of a place above it
            "Gemeente Zwolle",
            "De burgemeester van Zwolle,\n\n\nA.C. Lohuis-Veld\nDirecteur Veiligheid\n",
            "gm0193",
            "directeur",
        ),
    ],
)
def test_an_office_of_a_place_under_the_name_is_the_signers_other_office(head, closing, sender, role):
    facts = drafted(_letter(head, closing))
    signers = _signers(facts)
    assert len(signers) == 1
    assert signers[0][1] == role
