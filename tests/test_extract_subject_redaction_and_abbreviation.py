"""A subject line followed by a line of redaction marks, and a subject that ends in an abbreviation.

Real letters of the eighteenth unseen set: a Woo publication's e-mail reads "Onderwerp: RE: Technische
vragen rattenoverlast" over a line of "(geanonimiseerd)" marks, which became part of the subject; a
supporters' association's "Betreft: Uitsupporters … Ajax v.v." lost the full stop of "v.v.". The
letters below are made up."""

from opendata.ingest.extract import extract


def _mail(under: str) -> str:
    return (
        "Verzonden: donderdag 7 maart 2024 16:40\n"
        "Aan: Groen Dorp\n"
        "Onderwerp: RE: Vragen over de bomenkap\n"
        f"{under}"
        "Hierbij beantwoorden wij uw vragen over de bomenkap aan de Dorpsstraat.\n"
        "Met vriendelijke groet,\n"
        "Afdeling Openbare Ruimte\n"
    )


def test_a_line_of_redaction_marks_ends_the_subject():
    for under in (
        "(geanonimiseerd) (geanonimiseerd)\n",
        "            (geanonimiseerd)(geanonimiseerd) (geanonimiseerd)\n",
        "5.1.2.e\n",
    ):
        assert extract(_mail(under)).facts()["subject"] == "RE: Vragen over de bomenkap", under


def _letter(subject: str) -> str:
    return (
        "Gemeente Zeist\n"
        "Zeist, 3 april 2024\n"
        f"Betreft: {subject}\n\n"
        "Geachte heer De Wit,\n\n"
        "Wij nodigen u graag uit voor een gesprek.\n\n"
        "Met vriendelijke groet,\n"
        "Anne Smit\n"
    )


def test_an_abbreviations_full_stop_stays():
    assert extract(_letter("Bezoeken thuis en uit v.v.")).facts()["subject"] == "Bezoeken thuis en uit v.v."
    assert (
        extract(_letter("Kapvergunning Dorpsstraat e.o.")).facts()["subject"]
        == "Kapvergunning Dorpsstraat e.o."
    )


def test_a_sentences_full_stop_goes():
    assert (
        extract(_letter("Uitnodiging voor een gesprek.")).facts()["subject"] == "Uitnodiging voor een gesprek"
    )
