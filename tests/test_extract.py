"""Extraction of letter facts (opendata.ingest.extract): the seed's letters, OCR noise, silence, history."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opendata.ingest.extract import Citation, Extraction, Found, Signatory, extract, split_letters
from opendata.ingest.gazetteer import groups_from_dataset, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "datasets" / "letters"
REACTION = LETTERS / "reactie-leidse-regio-2019-06-11.txt"
COUNCIL_LETTER = LETTERS / "raadsinformatiebrief-2019-samenwerking-leidse-regio.txt"
LEIDSE_REGIO = ["gm0546", "gm0547", "gm0579", "gm0626", "gm0638"]
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def all_found(value) -> list[Found]:
    """Every Found inside an Extraction (or a Signatory, Citation, tuple of them)."""
    if isinstance(value, Found):
        return [value]
    if isinstance(value, (Extraction, Signatory, Citation)):
        return [f for item in dataclasses.fields(value) for f in all_found(getattr(value, item.name))]
    if isinstance(value, tuple):
        return [f for item in value for f in all_found(item)]
    return []


def assert_evidence(text: str, extraction: Extraction) -> None:
    found = all_found(extraction)
    assert found
    for item in found:
        assert item.quote == text[item.start : item.end], item
        assert 0 < item.confidence <= 1, item
        assert item.quote.strip(), item


@pytest.fixture(scope="module")
def reaction() -> tuple[str, Extraction]:
    text = REACTION.read_text(encoding="utf-8")
    return text, extract(text, groups=groups_from_dataset(ROOT / "datasets"))


def test_seed_reaction_gives_the_curated_facts(reaction):
    _, extraction = reaction
    facts = extraction.facts()
    assert facts["date_sent"] == "2019-06-11"
    assert facts["your_reference"] == "PZH-2019-678010037"
    assert facts["dossier_references"] == ["DOS-2017-0006089"]
    assert facts["our_reference"] is None
    assert facts["sender"] == LEIDSE_REGIO
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    assert facts["addressees"] == ["pv28"]
    assert extraction.addressees[0].detail == "gedeputeerde-staten"
    assert facts["subject"] == (
        "Reactie gemeenten Leidse regio n.a.v. gesprek met de gedeputeerde, "
        "mevrouw J. Baljeu, van 18 april 2019"
    )
    assert facts["signatories"] == [{"name": "E.R.J.", "role": "burgemeester"}]
    assert extraction.signatories[0].role.detail == "gm0579"
    assert extraction.signatories[0].on_behalf_of.quote == "de vijf colleges van de Leidse regio"
    assert facts["cites"] == [{"date": "2019-01-24", "reference": "PZH-2019-678010037"}]
    assert extraction.salutation.value == "Geacht college,"
    assert {"gm0579", "gm0638", "pv28"} <= set(facts["organisations_mentioned"])


def test_every_found_quotes_its_evidence(reaction):
    text, extraction = reaction
    assert_evidence(text, extraction)
    assert extraction.date_sent.quote == "11juni 2019"
    assert "ken-" in text[extraction.cites[0].reference.start - 20 : extraction.cites[0].reference.start]


def test_without_the_dataset_groups_the_joint_sender_stays_as_written():
    text = REACTION.read_text(encoding="utf-8")
    extraction = extract(text)
    assert extraction.sender.value == "de vijf colleges van de Leidse regio"
    assert extraction.sender.detail == "college-van-burgemeester-en-wethouders"
    assert extraction.sender_members == ()


def test_council_letter_names_no_sender_and_no_date():
    text = COUNCIL_LETTER.read_text(encoding="utf-8")
    extraction = extract(text)
    assert_evidence(text, extraction)
    facts = extraction.facts()
    assert facts["kind"] == "raadsinformatiebrief"
    assert facts["date_sent"] is None  # the council letter states no date of its own
    assert facts["sender"] is None
    assert facts["our_reference"] is None
    assert facts["signatories"] == [
        {"name": "A.R. de Graaf", "role": "gemeentesecretaris"},
        {"name": "P.J. Bouvy-Koene", "role": "burgemeester"},
    ]
    assert "so0507" in facts["organisations_mentioned"]  # "Holland Rijnland"
    assert "pv28" in facts["organisations_mentioned"]


def test_seed_pdf_text_splits_into_the_council_letter_and_its_attachment():
    council = COUNCIL_LETTER.read_text(encoding="utf-8")
    reaction_text = REACTION.read_text(encoding="utf-8")
    joined = council + "\n\n" + reaction_text
    parts = split_letters(joined)
    assert len(parts) == 2
    second = joined[parts[1][0] : parts[1][1]]
    assert second.lstrip().startswith("T.a.v.")
    assert extract(second).facts()["date_sent"] == "2019-06-11"
    assert split_letters(reaction_text) == [(0, len(reaction_text))]


def test_themes_only_where_the_text_names_them(reaction):
    text, _ = reaction
    themes = {
        "energietransitie": "energietransitie",
        "woningbouwopgave": "woningbouwopgave",
        "jeugdzorg": "jeugdzorg",
        "wmo": "Wmo",
    }
    found = extract(text, themes=themes).themes
    assert [f.value for f in found] == ["energietransitie", "woningbouwopgave"]


# ---------------------------------------------------------------- OCR noise (property tests)


def _letter(
    date_line: str = "", reference_line: str = "", body: str = "wij schrijven u over de zaak."
) -> str:
    header = "\n".join(
        line
        for line in (
            "Gemeente Leiden",
            "",
            "Aan Gedeputeerde Staten van Zuid-Holland",
            "Postbus 90602",
            "2509 LP Den Haag",
            "",
            date_line,
            reference_line,
            "Onderwerp: samenwerking",
        )
        if line is not None
    )
    return f"{header}\n\nGeacht college,\n\n{body}\n\nMet vriendelijke groet,\n\nde burgemeester\nJ. Jansen\n"


def _noisy_digits(digits: str, choice: list[int]) -> str:
    lookalikes = {"1": ["1", "l", "I"], "0": ["0", "O"]}
    return "".join(
        lookalikes.get(ch, [ch])[choice[i % len(choice)] % len(lookalikes.get(ch, [ch]))]
        for i, ch in enumerate(digits)
    )


@settings(max_examples=150, deadline=None)
@given(
    day=st.integers(1, 28),
    month=st.integers(1, 12),
    year=st.integers(2005, 2025),
    look=st.lists(st.integers(0, 2), min_size=1, max_size=4),
    glue=st.booleans(),
    split_year=st.booleans(),
    label=st.sampled_from(["Datum:", "Datum", "Daturn:", "Verzonden:", "Datum :"]),
    rn=st.booleans(),
    break_month=st.sampled_from(["", "-\n", " "]),
)
def test_noisy_date_lines_still_give_the_date(
    day, month, year, look, glue, split_year, label, rn, break_month
):
    month_word = MONTHS[month - 1]
    if rn:
        month_word = month_word.replace("m", "rn")
    if break_month:  # hyphenated over a line, or split by a stray space
        month_word = month_word[:2] + break_month + month_word[2:]
    year_text = _noisy_digits(str(year), look)
    if split_year:
        year_text = year_text[:3] + "-" + year_text[3:]
    day_text = _noisy_digits(str(day), look)
    line = f"{label} {day_text}{'' if glue else ' '}{month_word} {year_text}"
    extraction = extract(_letter(date_line=line))
    assert extraction.date_sent is not None, line
    assert extraction.date_sent.value == f"{year:04d}-{month:02d}-{day:02d}", line


_REFERENCE = st.from_regex(r"[A-Z]{2,4}-20[0-2][0-9]-[0-9]{5,9}", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(
    reference=_REFERENCE,
    dossier=st.from_regex(r"DOS-20[0-2][0-9]-[0-9]{7}", fullmatch=True),
    label=st.sampled_from(
        ["Ons kenmerk:", "Ons kenrnerk:", "Ons ken-\nmerk:", "0ns kenmerk", "Kenmerk:", "Onskenmerk:"]
    ),
    glued=st.booleans(),
    look=st.lists(st.integers(0, 2), min_size=1, max_size=3),
)
def test_noisy_reference_lines_still_give_the_reference(reference, dossier, label, glued, look):
    prefix, year, number = reference.split("-")
    written = f"{prefix}-{_noisy_digits(year, look)}-{number}"
    line = f"{label} {written}{dossier if glued else ''}"
    extraction = extract(_letter(reference_line=line))
    assert extraction.our_reference is not None, line
    assert extraction.our_reference.value == reference, line
    if glued:
        assert [d.value for d in extraction.dossier_references] == [dossier]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "wij",
                "hebben",
                "de",
                "brief",
                "gelezen",
                "en",
                "vinden",
                "het",
                "plan",
                "goed",
                "gemeente",
                "raad",
                "provincie",
                "over",
                "samenwerking",
                "mei",
                "juni",
                "2019",
                "nummer",
                "overleg",
                "college",
            ]
        ),
        min_size=5,
        max_size=60,
    )
)
def test_silence_gives_none(words):
    text = "Geacht college,\n\n" + " ".join(words) + ".\n\nMet vriendelijke groet,\n"
    extraction = extract(text)
    assert extraction.date_sent is None
    assert extraction.our_reference is None
    assert extraction.your_reference is None
    assert extraction.dossier_references == ()
    assert extraction.subject is None
    assert extraction.sender is None
    assert extraction.cites == ()
    assert extraction.organisations_mentioned == ()


def test_a_letter_that_states_nothing_gives_nothing():
    extraction = extract("Dit is geen brief, alleen een korte notitie zonder datum of kenmerk.\n")
    assert all(value in (None, ()) for value in dataclasses.astuple(extraction)) or not all_found(extraction)


# ---------------------------------------------------------------- history: merged municipalities


def test_a_merged_away_municipality_is_no_candidate_after_its_end_date():
    gazetteer = load_gazetteer()
    assert gazetteer.resolve("Appingedam", kinds=["gemeente"], date="2019-03-01").code == "gm0003"
    assert gazetteer.resolve("Appingedam", kinds=["gemeente"], date="2022-03-01") is None
    before = extract("Datum: 1 maart 2019\n\nGeacht college,\n\nDe gemeente Appingedam doet mee.\n")
    after = extract("Datum: 1 maart 2022\n\nGeacht college,\n\nDe gemeente Appingedam doet mee.\n")
    assert before.facts()["organisations_mentioned"] == ["gm0003"]
    assert after.facts()["organisations_mentioned"] == []
    eemsdelta = extract("Datum: 1 maart 2022\n\nGeacht college,\n\nDe gemeente Eemsdelta doet mee.\n")
    assert eemsdelta.facts()["organisations_mentioned"] == ["gm1979"]


def test_ocr_damaged_names_resolve_and_ambiguous_ones_do_not():
    gazetteer = load_gazetteer()
    assert gazetteer.resolve("Zuid-Holla nd", kinds=["provincie"]).code == "pv28"
    assert gazetteer.resolve("Zoetervvoude", kinds=["gemeente"], date="2019-01-01").code == "gm0638"
    assert gazetteer.resolve("Bergen", kinds=["gemeente"], date="2019-01-01") is None  # Bergen (L) and (NH)


def test_split_at_an_attachment_heading_but_not_at_a_list_of_attachments():
    first = (
        "Datum: 3 maart 2020\nOnderwerp: Aanbieding reactie\n\nGeachte leden van de raad,\n\nBijgaand de reactie.\n\n"
        "Met vriendelijke groet,\n\nde burgemeester,\nJ. Jansen\n\nBijlagen: reactie aan Gedeputeerde Staten\n"
        "Kopie aan: Gedeputeerde Staten van Utrecht\n"
    )
    second = (
        "Bijlage 1\n\nGedeputeerde Staten van Utrecht\nPostbus 80300\n3508 TH  UTRECHT\n\nDatum: 2 maart 2020\n\n"
        "Geacht college,\n\nOnze reactie.\n\nHoogachtend,\n\nBurgemeester en wethouders van Zeist,\n"
    )
    assert split_letters(first) == [(0, len(first))]
    joined = first + "\n" + second
    parts = split_letters(joined)
    assert [joined[a:b].strip()[:9] for a, b in parts] == ["Datum: 3 ", "Bijlage 1"]
    assert (
        extract(joined[parts[0][0] : parts[0][1]]).attachments[0].value == "reactie aan Gedeputeerde Staten"
    )
    assert extract(joined[parts[1][0] : parts[1][1]]).facts()["kind"] == "bijlage"
