"""Which texts `opendata ingest` takes as letters (opendata.ingest.is_letter), and the bench scoring
what ingest drafts. A letter cut short (a web copy of its first page, a page of its signature) still
shows a mark only a letter has and one more; an agenda or a press release shows a date, a subject
and a body that seems to send it, and none of a letter's own marks.

Before: the gate counted only date, subject, salutation, sender and addressee towards its two
marks, so a cut letter with its salutation and reference, or its sender and signature, was refused
with `not-a-letter` and no draft (61 of the 264 real texts of the development set); the bench
scored the extractor without the gate and did not show it."""

from __future__ import annotations

from pathlib import Path

import pytest

from opendata.ingest import ingest, is_letter
from opendata.ingest.bench import drafted
from opendata.ingest.extract import extract

# Texts in the project's own words, each cut as web copies of letters are cut.
SALUTATION_AND_REFERENCE = """Ons kenmerk: LB-2022-0417

Geacht college en gemeenteraad,

Met deze brief informeren wij u over de voorbereiding van de najaarsvergadering en de
kandidaten voor het bestuur.
"""

SENDER_AND_SIGNATURE = """Werkzaamheden aan de Lindelaan

De komende weken vervangen wij de riolering in de Lindelaan. De straat is dan afgesloten voor
autoverkeer; de woningen blijven bereikbaar te voet.

Met vriendelijke groet,

J. de Boer
Projectleider gemeente Leiden
"""

HEADED_RIB = """RAADSINFORMATIEBRIEF

Datum: 12 maart 2021
Onderwerp: Voortgang van de renovatie van het zwembad
Van: het college van burgemeester en wethouders

Het college heeft in zijn vergadering van 9 maart kennisgenomen van de stand van de renovatie.
"""

LABELLED_HEADER = """Ministerie van Binnenlandse Zaken en Koninkrijksrelaties

Contactpersoon: afdeling gemeentefinanciën
Datum 20 september 2011
Onderwerp Uitkomsten van de circulaire gemeentefonds
Kenmerk
Geldig tot 1 juli 2012

In deze circulaire informeer ik u over de uitkeringen uit het gemeentefonds.
"""

AGENDA = """AGENDA

Vergadering van de gemeenteraad van Leiden
Datum: 14 maart 2021
Aanvang: 20.00 uur

1. Opening
2. Onderwerp: Bestemmingsplan Stationsgebied
3. Rondvraag en sluiting
"""

SALUTATION_ONLY = """Geachte heer Jansen,

Graag brengen wij onze zorgen over de financiering van de jeugdzorg onder uw aandacht. De tekorten
lopen op en de gemeenten kunnen ze niet langer opvangen.
"""

ANSWERS_PAGE = """Antwoord op vragen van het lid Pietersen over wachtlijsten in de schuldhulp
Vragen van het lid Pietersen (VVD) over wachtlijsten in de schuldhulp (ingezonden 2 maart 2023).
Antwoord van Minister Jansen (Sociale Zaken en Werkgelegenheid) (ontvangen 30 maart 2023).
Vraag 1
Kent u het bericht over de wachtlijsten?
Antwoord 1
Ja.
"""

PRESS_RELEASE = """Persbericht

Utrecht, 3 juni 2015

Provincie Utrecht opent nieuwe fietsroute langs de Vecht

De provincie Utrecht heeft vandaag de nieuwe fietsroute tussen Maarssen en Breukelen geopend.
"Een mooie verbinding voor forenzen en recreanten," aldus de gedeputeerde.
"""


@pytest.mark.parametrize(
    "text",
    [
        SALUTATION_AND_REFERENCE,
        SENDER_AND_SIGNATURE,
        HEADED_RIB,
        LABELLED_HEADER,
        SALUTATION_ONLY,
        ANSWERS_PAGE,
    ],
    ids=[
        "salutation-and-reference",
        "sender-and-signature",
        "headed-rib",
        "labelled-header",
        "salutation-only",
        "answers-page",
    ],
)
def test_a_letter_cut_short_is_still_a_letter(text):
    assert is_letter(extract(text), text)


@pytest.mark.parametrize("text", [AGENDA, PRESS_RELEASE, "", "Een losse zin zonder datum of afzender.\n"])
def test_what_shows_none_of_a_letter_s_own_marks_is_not_a_letter(text):
    assert not is_letter(extract(text), text)


def test_ingest_drafts_the_cut_letters_and_refuses_the_agenda(tmp_path, into):
    folder = tmp_path / "stukken"
    folder.mkdir()
    texts = {"ledenbrief": SALUTATION_AND_REFERENCE, "lindelaan": SENDER_AND_SIGNATURE, "agenda": AGENDA}
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    report = ingest([folder], into)
    assert [(Path(p.location.path).name, p.code) for p in report.problems] == [("agenda.txt", "not-a-letter")]
    assert len(report.written) == 2


def test_the_bench_scores_what_ingest_drafts():
    assert drafted(AGENDA) is None  # refused: scored as a letter whose every value is unknown
    assert drafted("") == {}
    assert drafted(SALUTATION_AND_REFERENCE)["our_reference"] == "LB-2022-0417"


# Pages that carry one letter and are titled as it (issue 13). Before: the title counted for nothing, so
# a page with the title and one more mark (the body it informs, its number, its date) was refused.
KAMERBRIEF_PAGE = """Kamerbrief over de stand van de dijkversterking langs de Lek

De ministers Jansen (Infrastructuur en Waterstaat) en De Vries (Financiën) informeren de Tweede Kamer
over de planning van de versterking van de dijken tussen Schoonhoven en Vianen.

Kamerbrief over de stand van de dijkversterking langs de Lek (PDF | 12 pagina's | 800 kB)
"""

LEDENBRIEF_PAGE = """Ledenbrief nummer
Lbr. 19/042

Hoe houden we de uitvoering van de jeugdwet betaalbaar? Welke afspraken maken we samen? Het bestuur
legt deze vragen de komende maanden voor aan de leden.
"""

TITLED_WITH_DATE = """Vuurwerkverbod 2018- brief wethouder Pietersen

28 december 2018

Het jaar loopt ten einde. Ook deze keer vraag ik u om de afspraken over vuurwerk te respecteren.
In de bijlage vindt u de plekken waar u afval kunt inleveren.
"""

# A page that names a letter only in its body, not in its title: a date and a mention are no letter.
NEWS_NAMING_A_LETTER = """Nieuws uit de raad

3 april 2019

De raad sprak over de bibliotheek en het zwembad. Ook de brief van de wethouder over de
parkeertarieven kwam aan de orde.
"""

# A news page titled as the letter it reports, with no other mark (no date, sender or address read).
NEWS_TITLED_AS_A_LETTER = """Open brief over de bomenkap

Een groep bewoners is boos over de kap van bomen langs de vaart. Zij vinden dat er te weinig is
overlegd en vragen om een nieuw plan.
"""


@pytest.mark.parametrize(
    "text",
    [KAMERBRIEF_PAGE, LEDENBRIEF_PAGE, TITLED_WITH_DATE],
    ids=["kamerbrief-page", "ledenbrief-page", "titled-with-date"],
)
def test_a_page_titled_as_its_letter_with_one_more_mark_is_a_letter(text):
    assert is_letter(extract(text), text)


@pytest.mark.parametrize(
    "text", [NEWS_NAMING_A_LETTER, NEWS_TITLED_AS_A_LETTER], ids=["letter-in-body", "title-alone"]
)
def test_a_letter_named_in_the_body_or_a_title_alone_is_not_a_letter(text):
    assert not is_letter(extract(text), text)


# A press page on which the college "stelt voor" (proposes) is no proposal to the council: its date and
# its sender stay two common marks, with none of a letter's own.
PRESS_PAGE_THAT_PROPOSES = """Nieuw zwembad in Deventer-Noord

12 mei 2022
Het college van burgemeester en wethouders stelt voor om het nieuwe zwembad in Deventer-Noord te
bouwen. Het college legt de keuze nu voor aan de gemeenteraad van Deventer.
"""


def test_a_press_page_on_which_the_college_proposes_is_not_a_letter():
    assert not is_letter(extract(PRESS_PAGE_THAT_PROPOSES), PRESS_PAGE_THAT_PROPOSES)


# Answers given by two ministers (issue 13): the Kamer's heading names both, so no one sender is read and
# the heading was the page's one mark. Before: refused.
ANSWERS_OF_TWO = """Antwoord op vragen van het lid Dekker over stikstof bij natuurgebieden
Vragen van het lid Dekker (CDA) aan de Ministers van Landbouw en voor Natuur (ingezonden 3 mei 2022).
Antwoord van Minister Vos (Landbouw, Natuur en Voedselkwaliteit) en van Minister
Bakker (Natuur en Stikstof) (ontvangen 20 juni 2022).
Vraag 1
Kent u het bericht?
Antwoord 1
Ja.
"""

# A news item that reports answers in a sentence opens with no such heading: refused.
NEWS_ON_ANSWERS = """Minister antwoordt op vragen over stikstof

In een antwoord van minister Vos op vragen van het Kamerlid Dekker staat dat er geen extra geld komt
voor de natuurgebieden.
"""


def test_the_answers_of_two_ministers_are_a_letter():
    assert is_letter(extract(ANSWERS_OF_TWO), ANSWERS_OF_TWO)


def test_a_news_item_on_answers_is_not_a_letter():
    assert not is_letter(extract(NEWS_ON_ANSWERS), NEWS_ON_ANSWERS)
