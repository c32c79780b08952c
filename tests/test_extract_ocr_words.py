"""OCR look-alikes in the words the extractor keys on, and signature blocks run into one line.

Tesseract misreads the label, closing, role and kind words a letter's values hang on ("0nderwerp",
"Hoogachtencl", "burgerneester", "Gcmeente", "A an"); the perturbation scorer's variant f (docs/
ingest.md, "OCR look-alikes in key words") lost half the addressees and a fifth of the senders that
way. Each letter below is written for these tests (the people and their words are invented, the
public bodies are real) and read clean and damaged: both must give the same values, every value's
quote is the damaged text at its offsets, and a value copied from the text keeps its words as OCR
wrote them. A signature block a text layer ran into one line gives the signers its printed lines
give, and a run whose names and posts follow no order gives no post to anyone.
"""

from __future__ import annotations

import re

import pytest

from opendata.ingest.extract import Extraction, Found, extract
from opendata.ingest.extract_noise import KEY_WORDS, noisy, repair_key_words

FORMS = ("clean", "damaged")


def damage(text: str, words: dict[str, str], form: str) -> str:
    """`text` with each word of `words` (exactly as written) replaced by its OCR reading."""
    if form == "clean":
        return text
    for word, ocr in words.items():
        assert word in text, word
        text = text.replace(word, ocr)
    return text


def founds(extraction: Extraction) -> list[Found]:
    values: list[Found | None] = [
        extraction.kind,
        extraction.date_sent,
        extraction.place,
        extraction.our_reference,
        extraction.your_reference,
        extraction.subject,
        extraction.salutation,
        extraction.sender,
        *extraction.dossier_references,
        *extraction.addressees,
        *extraction.attachments,
        *extraction.organisations_mentioned,
    ]
    for signatory in extraction.signatories:
        values += [signatory.name, signatory.role, signatory.on_behalf_of]
    return [value for value in values if value is not None]


COLLEGE_LETTER = """Gemeente Oegstgeest
Postbus 15
2340 AA Oegstgeest

Aan Gedeputeerde Staten van Zuid-Holland
Postbus 90602
2509 LP Den Haag

Datum: 12 maart 2024
Ons kenmerk: OEG/2024/0412
Uw kenmerk: PZH-2024-5521
Onderwerp: Onderhoud fietspaden in de gemeente langs de trekvaart

Geachte leden van het college,

In uw brief vraagt u ons hoe wij het onderhoud van de fietspaden langs de trekvaart regelen. Wij
doen dat samen met de buurgemeenten en maken elk voorjaar een schouw.

Hoogachtend,

burgemeester en wethouders van Oegstgeest,

de secretaris,
K. Verhoef

de burgemeester,
M.J. Brink
"""
COLLEGE_DAMAGE = {
    "Gemeente Oegstgeest": "Gcmeente Oegstgeest",
    "Gedeputeerde Staten": "Gedeputeerde Statcn",
    "Datum:": "Dat um:",
    "Ons kenmerk": "0ns kenrnerk",
    "Uw kenmerk": "Uw kcnmerk",
    "Onderwerp": "0nderwerp",
    "in de gemeente langs": "in de gerneente langs",
    "Geachte": "Gcachte",
    "Hoogachtend": "Hoogachtencl",
    "burgemeester en wethouders": "burgerneester en wet houders",
    "de secretaris": "de secretar1s",
    "de burgemeester,": "de burgemeestcr,",
}


@pytest.mark.parametrize("form", FORMS)
def test_labels_closing_roles_and_kind_words_read_through_their_look_alikes(form):
    facts = extract(damage(COLLEGE_LETTER, COLLEGE_DAMAGE, form)).facts()
    assert facts["date_sent"] == "2024-03-12"
    assert facts["our_reference"] == "OEG/2024/0412"
    assert facts["your_reference"] == "PZH-2024-5521"
    assert facts["sender"] == "gm0579"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    assert facts["addressees"] == ["pv28"]
    assert facts["signatories"] == [
        {"name": "K. Verhoef", "role": "secretaris"},
        {"name": "M.J. Brink", "role": "burgemeester"},
    ]


def test_values_keep_the_damaged_text_as_their_evidence():
    text = damage(COLLEGE_LETTER, COLLEGE_DAMAGE, "damaged")
    extraction = extract(text)
    for found in founds(extraction):
        assert found.quote == text[found.start : found.end]
    # a value copied from the text keeps the key word as OCR wrote it
    assert extraction.subject is not None
    assert extraction.subject.value == "Onderhoud fietspaden in de gerneente langs de trekvaart"
    assert extraction.our_reference is not None and extraction.our_reference.quote == "OEG/2024/0412"
    role = extraction.signatories[0].role
    assert role is not None and role.value == "secretaris" and role.quote == "secretar1s"


COUNCIL_LETTER = """Provincie Utrecht
Archimedeslaan 6
3584 BA Utrecht

Aan de gemeenteraad van Houten

Utrecht, 4 februari 2025

Betreft: toezicht op de begroting 2025
Kenmerk: 81234567

Geachte leden van de raad,

Wij hebben de begroting 2025 van uw gemeente ontvangen en beoordeeld. De begroting is structureel
in evenwicht; wij houden daarom repressief toezicht.

Met vriendelijke groet,

Gedeputeerde Staten van Utrecht,

H. van den Akker, voorzitter
T. Wolters, secretaris
"""
COUNCIL_DAMAGE = {
    "Provincie Utrecht": "Provlncie Utrecht",
    "Aan de gemeenteraad": "A an de gemeente-\nraad",
    "Betreft": "Betrcft",
    "Kenmerk": "Kenrnerk",
    "Geachte": "Gea chte",
    "vriendelijke": "vriendelüke",
    "Gedeputeerde Staten van Utrecht": "Gecleputeerde Staten van Utrecht",
    "voorzitter": "v00rzitter",
    "secretaris": "secrctaris",
}


@pytest.mark.parametrize("form", FORMS)
def test_an_address_a_closing_and_posts_split_or_misread_by_ocr(form):
    facts = extract(damage(COUNCIL_LETTER, COUNCIL_DAMAGE, form)).facts()
    assert facts["date_sent"] == "2025-02-04"
    assert facts["our_reference"] == "81234567"
    assert facts["subject"] == "toezicht op de begroting 2025"
    assert facts["sender"] == "pv26"
    assert facts["addressees"] == ["gm0321"]
    assert facts["signatories"] == [
        {"name": "H. van den Akker", "role": "voorzitter"},
        {"name": "T. Wolters", "role": "secretaris"},
    ]


def test_a_split_that_makes_two_ordinary_words_is_no_key_word():
    """ "Bij lage waterstand" is two words, not a damaged "Bijlage"; "Bij1age" is the label."""
    assert repair_key_words("Bij lage waterstand varen de boten niet.\n") is None
    repaired = repair_key_words("Bij1age: kaart van het gebied\n")
    assert repaired is not None and repaired.text == "Bijlage: kaart van het gebied\n"
    text = COUNCIL_LETTER.replace(
        "Kenmerk: 81234567\n", "Kenmerk: 81234567\nBij lage waterstand geen vaart\n"
    )
    assert extract(text).attachments == ()
    text = COUNCIL_LETTER.replace("Kenmerk: 81234567\n", "Kenmerk: 81234567\nBij1age: kaart van het gebied\n")
    assert [a.value for a in extract(text).attachments] == ["kaart van het gebied"]


def test_no_key_word_read_through_its_look_alikes_is_another_key_word():
    """A damaged key word is repaired only to the one word it can be: no look-alike of one key word
    (one confusion of each letter Tesseract mixes up) reads as another key word."""
    confusions = {"l": "1I|", "i": "l1|", "o": "0", "m": ["rn"], "e": "c", "c": "e", "d": ["cl"], "n": ["ri"]}
    patterns = {word: re.compile(noisy(word), re.IGNORECASE) for word in KEY_WORDS}
    checked = 0
    for word in KEY_WORDS:
        variants = [
            word[:i] + other + word[i + 1 :] for i, ch in enumerate(word) for other in confusions.get(ch, ())
        ]
        variants += [word.replace("ij", "ü")] if "ij" in word else []
        for variant in variants:
            checked += 1
            assert [w for w in KEY_WORDS if patterns[w].fullmatch(variant)] == [word], variant
    assert checked > 200


# ---------------------------------------------------------------- signature blocks run into one line

BOARD_SIGNED = """Gemeente Voorschoten
Aan de gemeenteraad van Voorschoten

Voorschoten, 9 september 2025

Onderwerp: nieuwe speelplaatsen

Geachte leden van de raad,

Wij laten u weten dat de drie nieuwe speelplaatsen in de wijk Noord klaar zijn.
"""
BOARD_BLOCK = {
    "lines": "Hoogachtend,\n\nburgemeester en wethouders van Voorschoten,\n\nde secretaris,\nA. Jansen\n\n"
    "de burgemeester,\nB. de Vries\n",
    "joined": "Hoogachtend, burgemeester en wethouders van Voorschoten, de secretaris, A. Jansen de "
    "burgemeester, B. de Vries\n",
    "joined damaged": "Hoogachtencl, burgerneester en wethouders van Voorschoten, de secretar1s, A. Jansen de "
    "burgemeestcr, B. de Vries\n",
}


@pytest.mark.parametrize("form", BOARD_BLOCK)
def test_a_board_block_run_into_the_closing_line(form):
    facts = extract(BOARD_SIGNED + "\n" + BOARD_BLOCK[form]).facts()
    assert facts["signatories"] == [
        {"name": "A. Jansen", "role": "secretaris"},
        {"name": "B. de Vries", "role": "burgemeester"},
    ]
    assert facts["sender"] == "gm0626"


def test_a_run_whose_names_and_posts_follow_no_order_gives_no_post():
    block = (
        "Hoogachtend, burgemeester en wethouders van Voorschoten, de secretaris, de burgemeester, A. Jansen\n"
    )
    signatories = extract(BOARD_SIGNED + "\n" + block).facts()["signatories"]
    assert {"name": "A. Jansen", "role": "secretaris"} not in signatories
    assert {"name": "A. Jansen", "role": "burgemeester"} not in signatories


MINISTER_LETTER = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 juni 2025\n\n"
    "Met deze brief stuur ik uw Kamer het verslag van het overleg met de provincies over de wegen.\n"
)
MINISTER_BLOCK = {
    "lines": "\nDe minister van Infrastructuur en Waterstaat,\n\nR.P. van Dam\n\nNaar boven\n",
    "joined": " De minister van Infrastructuur en Waterstaat, R.P. van Dam Naar boven ",
    "footnote": "1 De minister van Infrastructuur en Waterstaat, R.P. van Dam X Noot 1 Kamerstuk 36 100, nr. 4. ",
}


@pytest.mark.parametrize("form", [*MINISTER_BLOCK, "note"])
def test_a_minister_signing_in_the_last_sentence_line(form):
    if form == "note":  # the footnote's number before the full stop, the note after the name
        text = MINISTER_LETTER.rstrip(".\n") + (
            "2. De minister van Infrastructuur en Waterstaat, R.P. van Dam Noot 2: Kamerstuk 36 100, nr. 4. "
        )
    else:
        text = MINISTER_LETTER.rstrip("\n") + MINISTER_BLOCK[form]
    assert extract(text).facts()["signatories"] == [{"name": "R.P. van Dam", "role": "minister"}]


def test_a_surname_of_two_words_in_a_run_in_block():
    text = (
        MINISTER_LETTER.rstrip("\n")
        + " De minister van Infrastructuur en Waterstaat, R.P. Dam Hoekstra Naar boven "
    )
    assert extract(text).facts()["signatories"] == [{"name": "R.P. Dam Hoekstra", "role": "minister"}]


def test_a_minister_named_inside_a_sentence_does_not_sign():
    text = MINISTER_LETTER.rstrip("\n") + (
        " De minister van Infrastructuur en Waterstaat, R.P. van Dam, heeft dit met de provincies besproken.\n"
    )
    assert extract(text).facts()["signatories"] == []


COMMITTEE_BLOCK = {
    "lines": "\nNamens de Adviescommissie Groene Hart,\n\nP. de Groot, voorzitter.\n\nL. Smit, secretaris.\n\nTop\n",
    "joined": " Namens de Adviescommissie Groene Hart, P. de Groot, voorzitter. L. Smit, secretaris. Top ",
}


@pytest.mark.parametrize("form", COMMITTEE_BLOCK)
def test_a_committee_signing_on_behalf_of_itself_in_one_line(form):
    text = "Op de avond van 4 maart 2025 kunt u met ons praten over de nieuwe wandelroutes (zie de kaart)."
    facts = extract(text + COMMITTEE_BLOCK[form]).facts()
    assert facts["signatories"] == [
        {"name": "P. de Groot", "role": "voorzitter"},
        {"name": "L. Smit", "role": "secretaris"},
    ]


# ---------------------------------------------------------------- a scan's columns read line by line

COLUMNS = {
    "clean": "Gedeputeerde Staten van Utrecht\nPostbus 80300\n3508 TH Utrecht\n\nDatum\n19 juli 2024\n\n",
    "damaged": "Gedeputeerde Staten van Utrecht Datum\nPostbus 80300 19 juli 2024\n3508 TH Utrecht\n\n",
}
COLUMNS_REST = """Ons kenmerk
HTN-2024-118

Onderwerp: verkeersveiligheid bij de scholen

Geacht college,

Wij vragen uw aandacht voor de oversteekplaatsen bij de twee basisscholen in het centrum.

Met vriendelijke groet,

burgemeester en wethouders van Houten,

de secretaris,
R. Koster
"""


@pytest.mark.parametrize("form", COLUMNS)
def test_a_label_column_ocr_read_beside_the_address(form):
    """Tesseract reads an address column and a label column side by side: the label ends the
    address's line and its value ends the next."""
    facts = extract("Gemeente Houten\n\n" + COLUMNS[form] + COLUMNS_REST).facts()
    assert facts["date_sent"] == "2024-07-19"
    assert facts["addressees"] == ["pv26"]


def test_a_column_label_whose_next_line_is_no_date_alone_gives_none():
    for header in (
        "Gedeputeerde Staten van Utrecht Datum\nPostbus 80300 19 juli 2024 en 3 mei 2024\n3508 TH Utrecht\n\n",
        "Wij noemen hier niet de datum\nPostbus 80300 19 juli 2024\n3508 TH Utrecht\n\n",
    ):
        assert extract("Gemeente Houten\n\n" + header + COLUMNS_REST).facts()["date_sent"] is None


RULED = {
    "clean": (
        "Ons kenmerk\nHTN-2024-118\n",
        "Datum Ons kenmerk Uw kenmerk\n19 juli 2024 HTN-2024-118 UT/24/5521\n",
    ),
    "damaged": (
        "Ons kenmerk\n__HTN-2024-118\n",
        "Datum Ons kenmerk Uw kenmerk\n19 juli 2024 HTN-2024-118 _UT/24/5521\n",
    ),
}


@pytest.mark.parametrize("form", RULED)
def test_a_rule_under_a_label_read_as_underscores_before_the_value(form):
    stacked, row = RULED[form]
    text = (
        "Gemeente Houten\n\n"
        + COLUMNS["clean"]
        + COLUMNS_REST.replace("Ons kenmerk\nHTN-2024-118\n", stacked)
    )
    extraction = extract(text)
    assert extraction.our_reference is not None
    assert (extraction.our_reference.value, extraction.our_reference.quote) == (
        "HTN-2024-118",
        "HTN-2024-118",
    )
    text = "Gemeente Houten\n\nGedeputeerde Staten van Utrecht\nPostbus 80300\n3508 TH Utrecht\n\n" + row
    facts = extract(text + COLUMNS_REST.replace("Ons kenmerk\nHTN-2024-118\n", "")).facts()
    assert (facts["our_reference"], facts["your_reference"]) == ("HTN-2024-118", "UT/24/5521")
