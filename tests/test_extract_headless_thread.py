"""A printed e-mail thread whose top message lost its own header (docs/ingest.md, "A twenty-third unseen
set"): the text opens with the top message's sentences and the first "Van: / Verzonden: / Aan: /
Onderwerp:" block under them is the answered message's. Its date, subject, case number and the signature
under it are that message's, never the top message's. And the signature block: an e-mail's short closing
"Groeten," with a redacted name after it opens it, and a rank with a job title, a unit or a building
under the closing signs no one. Letters written for the test (invented people)."""

from __future__ import annotations

from opendata.ingest.bench import drafted
from opendata.ingest.extract import extract

_ANSWERED = (
    "Van: Klantcontact Gemeente Zwolle <klantcontact@zwolle.nl>\n"
    "Verzonden: dinsdag 4 mei 2021 10:12\n"
    "Aan: Klachtenbureau <klachten@zwolle.nl>\n"
    "Onderwerp: Klachtformulier, zaaknummer: KL-2104417\n"
    "Met vriendelijke groet,\n"
    "Medewerker Klantcontact\n"
    "Gemeente Zwolle\n"
    "Telefoon 14038\n"
)


def test_a_top_message_without_its_header_takes_nothing_from_the_answered_ones():
    text = "Wil jij deze klacht oppakken, want de bewoner wacht al een week op antwoord.\n" + _ANSWERED
    facts = extract(text).facts()
    assert facts["date_sent"] is None
    assert facts["subject"] is None
    assert facts["dossier_references"] == []
    assert facts["sender"] is None


def test_a_top_message_with_a_salutation_and_no_header_is_not_signed_by_the_answered_signature():
    text = (
        "Beste collega,\nEen bewoner heeft vanochtend een klacht over de losse stoeptegels ingediend.\n"
        "Wil je hem registreren en doorzetten naar de behandelaar?\nDank je wel.\n" + _ANSWERED
    )
    facts = extract(text).facts()
    assert facts["sender"] is None
    assert facts["date_sent"] is None


def test_a_message_that_opens_with_its_own_header_keeps_it():
    own = (
        "Van: Klachtenbureau <klachten@zwolle.nl>\nVerzonden: woensdag 5 mei 2021 09:01\n"
        "Aan: Klantcontact Gemeente Zwolle <klantcontact@zwolle.nl>\nOnderwerp: RE: Klachtformulier\n\n"
        "Wij pakken deze klacht op en laten de bewoner vandaag nog iets weten.\n\n"
    )
    facts = extract(own + _ANSWERED).facts()
    assert facts["date_sent"] == "2021-05-05"
    assert facts["subject"] == "RE: Klachtformulier"


def test_an_own_header_of_another_shape_is_still_the_top_messages():
    own = (
        "Van: Projectbureau\nOnderwerp: RE: erfpacht aan de kade\nDatum: woensdag 5 mei 2021 14:11:19\n"
        "Hierbij de antwoorden op jullie vragen over de route langs de kade.\n"
    )
    facts = extract(own + _ANSWERED).facts()
    assert facts["date_sent"] == "2021-05-05"


def test_an_emails_short_closing_before_a_redacted_name_opens_its_signature():
    text = (
        'Van: Verzekeringen"\nVerzonden: dinsdag 23 juli 2019 11:04\nAan: (geanonimiseerd)\n'
        "Onderwerp: meldingen over ratten in het riool\nBeste (geanonimiseerd)\n"
        "Wij hebben een aansprakelijkstelling gekregen van een bewoonster. Wil jij de meldingen nakijken?\n"
        "Groeten, (geanonimiseerd)\nJuridisch adviseur\nAfdeling JZ, gemeente Zwolle\n"
        "Algemeen telefoonnummer: 14038\n"
    )
    assert extract(text).facts()["sender"] == "gm0193"


def test_a_rank_and_job_title_a_unit_or_a_building_under_the_closing_signs_no_one():
    text = (
        "Van: (geanonimiseerd)\nVerzonden: maandag 4 maart 2019 10:00\nAan: (geanonimiseerd)\n"
        "Onderwerp: Wedstrijd zondag\n\nBeste collega,\n\nDank voor je bericht. Wij zien de uitnodiging graag "
        "tegemoet.\n\nMet vriendelijke groet,\n\n5.1.2.e\n\nSr. Bestuursadviseur\n\nKabinet burgemeester\n\n"
        "Gemeente Amsterdam\n\nStadhuis Amsterdam\n"
    )
    facts = extract(text).facts()
    assert facts["signatories"] == []
    assert facts["sender"] == "gm0363"


def test_a_headless_reply_without_a_salutation_is_drafted_as_an_email_with_its_values_unknown():
    """Not refused as no letter: a reply over the mail it answers is an e-mail; what it mentions counts
    the answered messages, as a thread with its own header does; nothing is taken from their header."""
    text = "Wil jij deze klacht oppakken, want de bewoner wacht al een week op antwoord.\n" + _ANSWERED
    facts = drafted(text)
    assert facts is not None
    assert facts["kind"] == "brief"
    assert facts["organisations_mentioned"] == ["gm0193"]
    assert (facts["date_sent"], facts["subject"], facts["sender"]) == (None, None, None)


def test_a_forms_pages_over_a_thread_are_no_reply():
    """The gate's mark is a reply of a few lines: a long form with no letter's mark above a mail header
    stays refused."""
    form = "".join(
        f"Veld {n}: een waarde die de aanvrager heeft ingevuld op het formulier\n" for n in range(80)
    )
    form += "U kunt de aanvraag op papier indienen bij het loket van het stadsdeel.\n"
    assert drafted(form + _ANSWERED) is None
