"""A municipality's two-line logo beside an emblem, as a redacted PDF's OCR layer reads it: the kind
word ends one line and the name the next, with the emblem's scraps before them. At the top of a
letter the scraps may run together ("eKij", four characters), and in an e-mail's signature the logo
stands under the writer's post ("#r Gemeente" / "Ns r Haarlem"); neither was read, so the
municipality was not mentioned. Invented letters; the bodies are real municipalities."""

from __future__ import annotations

from opendata.ingest.extract import extract

SIGNATURE = (
    "Beste mevrouw,\n"
    "Hierbij de antwoorden op uw vragen over de inzameling.\n"
    "Met vriendelijke groet,\n"
    "(geanonimiseerd)\n"
    "Afd. Openbare Ruimte | Beleidsadviseur\n"
    "#r Gemeente\n"
    "Ns r   Haarlem\n"
    "Gemeente   t\n"
    "Zandvoort\n"
    "Van: (geanonimiseerd)\n"
    "Verzonden: maandag 3 juni 2024 10:15\n"
    "Onderwerp: Vragen over de inzameling\n"
)


def test_a_logo_under_the_signature_mentions_and_sends():
    facts = extract(SIGNATURE).facts()
    assert facts["organisations_mentioned"] == ["gm0392", "gm0473"]
    assert facts["sender"] == "gm0392"


def test_a_letterhead_logo_with_scraps_run_together():
    text = (
        "Ie eKij Ie  Ki  ied  j ed   Gemeente\n"
        "&ij   Haarlem\n"
        "Onderwerp: Snoeien van de lindes\n"
        "Beste bewoner,\n"
        "Wij snoeien de bomen in uw straat in maart.\n"
    )
    facts = extract(text).facts()
    assert facts["organisations_mentioned"] == ["gm0392"]
    assert facts["sender"] == "gm0392"


def test_a_label_before_the_kind_word_is_no_scrap():
    text = "Aan: Gemeente\nHaarlem\nBeste lezer,\nWij schrijven u over de markt.\n"
    assert extract(text).facts()["sender"] is None


def test_the_logos_name_line_signs_no_one():
    # with the emblem's scraps gone from the name's line ("Ns Haarlem"), two capitalised words
    # remain under the post: the logo's, not a person's name
    text = SIGNATURE.replace("Ns r   Haarlem", "Ns Haarlem")
    facts = extract(text).facts()
    assert facts["signatories"] == []
    assert facts["sender"] == "gm0392"
