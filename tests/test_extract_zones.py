"""Each value is read from its zone of the letter (letterhead, address block, date and reference
labels, subject, body, signature), and a body named in another zone does not leak in.

Found by perturbing the real letters (docs/ingest.md, "Values from the wrong zone"): a body named in
the subject line or a page's title was taken for the letterhead, an address set over two lines gave
its province as the sender, a paper of Gedeputeerde Staten took the one province named with its kind
word though it named another as a place, and reference labels took the value of the label after
them. The letters below are written for these tests; the people are invented.
"""

from __future__ import annotations

import pytest

from opendata.ingest.bench import PERTURBATIONS, perturbed_verdict
from opendata.ingest.extract import extract
from opendata.ingest.score import comparable

# ---------------------------------------------------------------- a body in the subject or a title


@pytest.mark.parametrize(
    "subject",
    [
        "Onderwerp: Samenwerking met de provincie Gelderland",
        "Betreft: afspraken over de fietsroute voor de gemeente Ede",
        "Onderwerp: Overleg tussen de gemeente Ede en het Waterschap Rivierenland",
    ],
)
def test_a_body_the_subject_names_is_no_letterhead(subject):
    text = (
        f"{subject}\n"
        "Datum: 4 maart 2025\n"
        "Ons kenmerk: ZW-2025-118\n\n"
        "Geachte heer Verbeek,\n\n"
        "Met deze brief laten wij u weten hoe wij de afspraken willen uitwerken.\n\n"
        "Met vriendelijke groet,\n\n"
        "T. Hagelaar\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] is None  # the letter does not say who writes it
    assert facts["date_sent"] == "2025-03-04"
    assert facts["our_reference"] == "ZW-2025-118"


def test_the_letterhead_stays_the_sender_when_the_subject_names_another_body():
    text = (
        "Gemeente Ede\n"
        "Postbus 9022\n"
        "6710 HK Ede\n\n"
        "Aan de heer P. Dorrestein\n"
        "Lindelaan 4\n"
        "6711 AB Ede\n\n"
        "Datum: 12 mei 2025\n"
        "Onderwerp: Samenwerking met de provincie Gelderland\n\n"
        "Geachte heer Dorrestein,\n\n"
        "Wij danken u voor uw vragen over het nieuwe fietspad.\n\n"
        "Met vriendelijke groet,\n"
        "Het college van burgemeester en wethouders van Ede\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0228"
    assert "pv25" not in (facts["addressees"] or [])


@pytest.mark.parametrize(
    "title",
    [
        "Inloopavond herinrichting Marktplein met de provincie Drenthe",
        "Werkzaamheden aan de kade: afspraken met de gemeente Zwolle",
    ],
)
def test_a_body_a_web_pages_title_names_is_no_letterhead(title):
    text = (
        f"{title}\n\n"
        "Beste bewoners,\n\n"
        "Op dinsdag 8 april houden wij een avond over de plannen voor uw buurt. U bent welkom vanaf 19.00 uur.\n\n"
        "Met vriendelijke groet,\n\n"
        "Het projectteam\n"
    )
    assert extract(text).facts()["sender"] is None


def test_a_heading_that_asks_a_body_names_the_addressee_not_the_sender():
    text = (
        "Dijkonderhoud. (14-02-2011) Vragen aan de A.V. en het D.B. van het Waterschap Rivierenland.\n\n"
        "Aan : De A.V. en het D.B. van het Waterschap Rivierenland.\n"
        "Onderwerp: Dijkonderhoud.\n"
        "Tiel, d.d. 14-02-2011,\n\n"
        "Geachte heer/mevrouw,\n\n"
        "Graag hoor ik hoe het onderhoud van de dijk bij de haven is gepland.\n\n"
        "Met vriendelijke groet,\n\n"
        "Harm Wolters\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] is None  # a member writes in his own name
    assert facts["addressees"] == ["ws0621"]
    # the subject line's heading after a salutation-less row stays out of the sender in a body too
    without_address = text.replace("Aan : De A.V. en het D.B. van het Waterschap Rivierenland.\n", "")
    assert extract(without_address).facts()["sender"] is None


# ---------------------------------------------------------------- an address over two lines


@pytest.mark.parametrize(
    "address",
    [
        "Aan het College van Gedeputeerde Staten\nvan de Provincie Noord-Holland\n",
        "Aan het college van burgemeester en wethouders\nvan de gemeente Haarlem\n",
    ],
)
def test_an_address_set_over_two_lines_is_no_letterhead(address):
    text = (
        f"{address}"
        "T.a.v. mevrouw drs. A. Kooistra\n"
        "Gedeputeerde Water\n"
        "Postbus 123\n"
        "2000 MD Haarlem\n\n\n"
        "Spaarndam, 9 januari 2025\n\n"
        "Geacht College,\n\n"
        "Hartelijk dank voor uw uitnodiging. Wij komen graag naar het overleg over de polder.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] is None
    assert facts["date_sent"] == "2025-01-09"
    assert facts["addressees"] and facts["addressees"][0] in ("pv27", "gm0392")


def test_a_bare_province_logo_is_not_the_province_of_the_address():
    # the logo's name lost ("provincie" alone) and the header run into one line: the only province
    # named is the one whose Gedeputeerde Staten the letter is addressed to, so no sender is known
    text = (
        "provincie Aan het College van Gedeputeerde Staten van de Provincie Noord-Holland T.a.v. "
        "mevrouw A. Kooistra Postbus 123 2000 MD Haarlem Spaarndam, 9 januari 2025 Geacht College, "
        "Hartelijk dank voor uw uitnodiging voor het overleg over de polder.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] is None
    assert facts["addressees"] == ["pv27"]
    # the logo with the province writing to its councils keeps its sender (the fifth set's class)
    own = (
        "1 provincie De raden van alle gemeenten in de provincie Drenthe Ons kenmerk Assen 3april2025 "
        "Onderwerp Begroting 2026 Geachte raad, Met deze brief informeren wij u over de begroting.\n"
    )
    assert extract(own).facts()["sender"] == "pv22"


# ---------------------------------------------------------------- a paper of Gedeputeerde Staten


def _statenvoorstel(subject: str, body: str) -> str:
    return (
        "Statenvoorstel nr. PS/2025/031\n"
        "Datum vergadering Gedeputeerde Staten 4 februari 2025\n"
        f"Onderwerp {subject}\n"
        "Voorstel van GS aan PS: kennisnemen van bijgaande notitie.\n\n"
        f"{body}\n"
    )


def test_a_states_proposal_naming_one_province_is_that_provinces():
    text = _statenvoorstel(
        "Regeling erfgoed Overijssel 2025", "De provincie Overijssel wil meer monumenten steunen."
    )
    assert extract(text).facts()["sender"] == "pv23"
    placed = _statenvoorstel("Regeling erfgoed Overijssel 2025", "Wij willen meer monumenten steunen.")
    assert extract(placed).facts()["sender"] == "pv23"  # named as a place only


@pytest.mark.parametrize(
    "subject, body",
    [
        # the subject names another province with its kind word, the paper its own as a place
        (
            "Regeling erfgoed Overijssel 2025 en samenwerking met de provincie Drenthe",
            "Wij willen meer steunen.",
        ),
        # the body names another province with its kind word, the subject its own as a place
        ("Regeling erfgoed Overijssel 2025", "Ook de provincie Drenthe kent een regeling."),
    ],
)
def test_a_states_proposal_naming_two_provinces_has_no_sender(subject, body):
    assert extract(_statenvoorstel(subject, body)).facts()["sender"] is None


# ---------------------------------------------------------------- reference labels


def test_an_empty_kenmerk_in_a_run_in_row_does_not_take_the_dates_value():
    header = (
        "De leden van de raad van de gemeente Ede te EDE Telefoon 0318 680 000 Bijlage(n) 2 "
        "Kenmerk Datum 14-3-2025 Uw brief van Uw kenmerk Onderwerp Antwoord op vragen over de markt "
        "en de parkeerplaatsen bij het station van Ede"
    )
    text = "1 " + header + "\n\nGeachte heer, mevrouw,\n\nHierbij beantwoorden wij uw vragen.\n"
    facts = extract(text).facts()
    assert facts["our_reference"] is None
    assert facts["date_sent"] == "2025-03-14"
    # the date after the reference label: the values out of the labels' order, no reference is known
    after = text.replace("Kenmerk Datum 14-3-2025", "Kenmerk Datum 14-3-2025 RB/2025/117")
    assert extract(after).facts()["our_reference"] is None
    # in the labels' order the row still gives both
    in_order = extract(text.replace("Kenmerk Datum 14-3-2025", "Datum Kenmerk 14-3-2025 RB/2025/117")).facts()
    assert in_order["our_reference"] == "RB/2025/117"


@pytest.mark.parametrize("label", ["Uw Kenmerk:", "uw kenmerk", "UW KENMERK:"])
def test_your_reference_on_the_subjects_line_is_not_ours(label):
    text = (
        "Waterschap Rivierenland\n"
        "De heer K. Mulder\n"
        "Postbus 599\n"
        "4000 AN TIEL\n"
        f"Onderwerp: Zienswijze op de begroting. {label} 25.100482\n\n"
        "Geachte heer Mulder,\n\n"
        "Wij hebben de begroting met belangstelling gelezen.\n"
    )
    facts = extract(text).facts()
    assert facts["our_reference"] is None
    assert facts["your_reference"] == "25.100482"
    ours = text.replace(f"{label} 25.100482", "Kenmerk 25.100499")
    assert extract(ours).facts()["our_reference"] == "25.100499"  # a label of ours there still is


def test_a_later_label_on_a_header_run_into_one_line_is_not_the_subjects_reference():
    text = (
        "Veiligheidsregio Gelderland-Midden De heer P. Berends Postbus 5364 6802 EJ ARNHEM "
        "Onderwerp: Zienswijze op de begroting. Uw Kenmerk: 25.100482 Uw brief van: 3 februari 2025 "
        "Datum geregistreerd onder nr.: 25.022210 Geachte heer Berends, Wij hebben de begroting gelezen.\n"
    )
    facts = extract(text).facts()
    assert facts["our_reference"] != "25.022210"
    assert facts["our_reference"] != "25.100482"


@pytest.mark.parametrize("damaged", ["behande1d", "inl1chtingen", "verz0nden"])
def test_a_label_ocr_damaged_after_an_empty_label_is_no_reference(damaged):
    text = (
        "Gedeputeerde Staten van Zeeland\n"
        "Aan de gemeenteraad van Goes\n"
        "onderwerp Toezicht op de begroting 2026\n"
        f"kenmerk\nuw kenmerk {damaged} door mr. L. de Wit\n"
        "Middelburg, 2 februari 2026\n\n"
        "Geachte leden van de raad,\n\n"
        "Met deze brief laten wij u weten welke vorm van toezicht voor 2026 geldt.\n"
    )
    facts = extract(text).facts()
    assert facts["your_reference"] is None
    assert facts["our_reference"] is None


# ---------------------------------------------------------------- the perturbations of bench --perturb

_LETTER = (
    "Gemeente Ede\n"
    "Postadres: Postbus 9022, 6710 HK Ede\n\n"
    "Datum: 12 mei 2025\n"
    "Onderwerp: Samenwerking met de provincie Gelderland bij de fietsroute\n"
    "Ons kenmerk: EDE/2025/0412\n\n"
    "Geachte heer Dorrestein,\n\n"
    "Met deze brief reageren wij op uw voorstel voor de fietsroute tussen de dorpen. Wij steunen het plan.\n\n"
    "Met vriendelijke groet,\n\n"
    "J. Pietersma\n"
    "projectleider fietsroutes\n"
)
_TRUTH = {
    "text": "written-for-the-test.txt",
    "date_sent": "2025-05-12",
    "our_reference": "EDE/2025/0412",
    "your_reference": None,
    "subject": "Samenwerking met de provincie Gelderland bij de fietsroute",
    "sender": "gm0228",
    "addressees": [],
    "organisations_mentioned": ["gm0228", "pv25"],
}


def test_the_perturbations_of_a_written_letter_give_no_wrong_value():
    original = extract(_LETTER).facts()
    fields = ("date_sent", "our_reference", "your_reference", "sender", "addressees")
    for name in fields:
        assert comparable(name, original[name]) == comparable(name, _TRUTH[name]), name
    applied = []
    for variant, perturb in PERTURBATIONS.items():
        made = perturb(_LETTER, _TRUTH)
        if made is None:
            continue
        applied.append(variant)
        facts = extract(made[0]).facts()
        for name in fields:
            want = frozenset() if name in made[1] else comparable(name, _TRUTH[name])
            verdict = perturbed_verdict(name, comparable(name, facts[name]), want)
            assert verdict != "WRONG", (variant, name, facts[name])
    # the subject's province swapped, bodies added to the subject and to the body, the letterhead and
    # the signature removed, the header run into one line, OCR noise
    assert {"a no letterhead", "b no signature", "c subject body swapped", "c2 subject names bodies"} <= set(
        applied
    )
    assert {"d sentence after salutation", "d2 sentence before closing", "e header joined"} <= set(applied)
    # without its letterhead the letter names no sender; the subject's province is not one
    assert extract(PERTURBATIONS["a no letterhead"](_LETTER, _TRUTH)[0]).facts()["sender"] is None


def test_a_wrong_value_is_told_from_a_lost_or_vague_one():
    want = frozenset({"pv29"})
    assert perturbed_verdict("addressees", frozenset({"pv29"}), want) == "same"
    assert perturbed_verdict("addressees", frozenset(), want) == "lost"
    assert perturbed_verdict("addressees", frozenset({"gedeputeerdestaten"}), want) == "vague"
    assert perturbed_verdict("addressees", frozenset({"pv26"}), want) == "WRONG"
    assert perturbed_verdict("sender", frozenset({"gm0193"}), frozenset()) == "WRONG"  # where none is known
    assert perturbed_verdict("date_sent", frozenset({"2015-06-02"}), frozenset({"2015-09-20"})) == "WRONG"
