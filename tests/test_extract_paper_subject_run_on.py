"""A board's or college's paper as a document host runs it together: the subject's line goes on into
the form's next label ("Onderwerp: … Nummer: …", "… Steller: …") or into the paper's first section
("Onderwerp : … Algemene toelichting In het …"). The subject ends before them; where nothing tells
where it ends and it runs on into sentences, it stays unknown (fifteenth unseen set, issue 13). The
texts are written for the test: invented wording, real names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def test_the_subject_ends_before_the_papers_number_label():
    text = (
        "Onderwerp: Baggerplan Vecht Nummer: 1234567. Dit stuk is ter kennisneming\n\n"
        "Transcriptie\n\n"
        "1 Onderwerp: Baggerplan Vecht Nummer: In D&H: Steller: Ir. P. Visser Afdeling: Beheer "
        "In de vergadering van 3 maart 2015 heeft het college besloten in te stemmen met het baggerplan.\n"
    )
    assert extract(text).facts()["subject"] == "Baggerplan Vecht"


def test_the_subject_ends_before_the_steller_label_on_its_line():
    text = (
        "Voorstel aan het algemeen bestuur\n"
        "Onderwerp: Jaarplan toezicht 2016 Steller: mevrouw K. de Boer\n\n"
        "Het dagelijks bestuur stelt voor het jaarplan vast te stellen.\n"
    )
    assert extract(text).facts()["subject"] == "Jaarplan toezicht 2016"


def test_the_subject_ends_before_the_papers_first_section():
    text = (
        "1 Voorstel AB 7 Aan : Algemeen Bestuur Datum : 12 mei 2015 Bijlage : 2 Steller : P. Jansen "
        "Onderwerp : Regionaal crisisplan 2016 Algemene toelichting In de vergadering van maart is "
        "gesproken over het crisisplan. Het plan is daarna aangepast.\n"
    )
    assert extract(text).facts()["subject"] == "Regionaal crisisplan 2016"


def test_a_subject_running_on_into_sentences_stays_unknown():
    sentences = " ".join(
        f"In ronde {n} is het plan met de gemeenten besproken en daarna op onderdelen aangepast."
        for n in range(4)
    )
    text = (
        "1 Voorstel AB 7 Aan : Algemeen Bestuur Datum : 12 mei 2015 Bijlage : 2 Steller : P. Jansen "
        f"Onderwerp : Regionaal crisisplan 2016 {sentences}\n"
    )
    assert extract(text).facts()["subject"] is None


def test_a_subject_naming_a_toelichting_goes_on():
    text = (
        "Datum: 12 mei 2015\n"
        "Onderwerp: Toelichting op de begroting 2016\n\n"
        "Geacht college,\n\nHierbij zenden wij u de toelichting.\n"
    )
    assert extract(text).facts()["subject"] == "Toelichting op de begroting 2016"
