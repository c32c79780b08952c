"""The twenty-first unseen set's classes of miss (docs/ingest.md, "A twenty-first unseen set"), each on
letters written for the test (invented people, real names of places and bodies, wording of the same
shape): a "Place date" line without its comma over the salutation; a document host's list of other
documents under the one it carries; "Nr.:" and "Nummer:" inside a run-in header; a web copy of a
Kamerstuk whose heading is in lower case after the paper's number alone; a page title naming a board's
letter ("GS-brief over …") over a label line; "Via deze brief worden … geïnformeerd"; a proposal's heading to the college or the council; a local party's line under the
signer's name."""

from __future__ import annotations

from opendata.ingest import is_letter
from opendata.ingest.bench import drafted
from opendata.ingest.extract import extract

# ---------------------------------------------------------------- the date line


def _mail(date_line: str) -> str:
    return (
        "Nieuws\n\n3 juni: onze vragen aan de gemeente over het bouwplan,\n\n"
        f"{date_line}\n\nGeacht college,\n\nWij wachten nog steeds op uw antwoord op onze vragen over het "
        "bouwplan aan de Molenweg.\n\nMet vriendelijke groet,\n\nNamens werkgroep Molenweg\n"
    )


def test_a_place_and_date_without_a_comma_over_the_salutation_dates_the_letter():
    facts = extract(_mail("Sint-Michielsgestel 3 juni 2021.")).facts()
    assert facts["date_sent"] == "2021-06-03"


def test_a_place_and_date_without_a_comma_gives_its_place():
    assert extract(_mail("Bergen op Zoom 3 juni 2021")).place.value == "Bergen op Zoom"


def test_a_label_or_a_month_before_a_date_is_no_place():
    for line in ("Vergadering 3 juni 2021", "Bijlagen 3 juni 2021"):
        extraction = extract(_mail(line))
        assert extraction.place is None, line


def test_a_place_and_date_far_above_the_salutation_is_no_date_line():
    text = (
        "Verslag van de bewonersavond\n\nOosterhout 3 juni 2021\n\nAanwezig waren twintig bewoners.\n"
        "Zij spraken over het plein.\nDe wethouder was er ook.\nHet plein krijgt nieuwe bomen.\n\n"
        "Geacht college,\n\nHierbij het verslag.\n\nMet vriendelijke groet,\n\nNamens werkgroep Plein\n"
    )
    assert extract(text).facts()["date_sent"] is None


# ---------------------------------------------------------------- a host's page


def test_a_hosts_list_of_other_documents_gives_no_date_subject_or_mention():
    text = (
        "Aan de leden van Provinciale Staten. Nr.: 2006-21.004/9/A.7, W Assen, 14 maart 2006\n\n\n\n"
        "Vergelijkbare documenten\n"
        "Rapportage wegen 2006\n\n"
        "Gemeente Emmen. Betreft: beleidsinformatie wegen. Geachte leden,\n\n"
        "Datum : 2 februari 2009 Briefnummer Zaaknummer\n\n"
        "Aan de raad van de gemeente Lingewaard\n\n"
        "Provinciale Staten van Noord-Holland. Voordracht.\n"
    )
    facts = extract(text).facts()
    assert facts["date_sent"] == "2006-03-14"
    assert facts["our_reference"] == "2006-21.004/9/A.7"
    assert facts["subject"] is None
    assert not {"gm0114", "gm1705", "pv27"} & set(facts["organisations_mentioned"])


# ---------------------------------------------------------------- references in a run-in header


def test_nummer_with_a_colon_inside_a_run_in_header_is_our_reference():
    text = (
        "VOORSTEL AAN BURGEMEESTER EN WETHOUDERS Van: J. Bakker Tel nr: 5521 Nummer: 19B.00731 "
        "Datum: 4 maart 2019 Onderwerp: Begroting 2020 van de omgevingsdienst Advies: in te stemmen.\n"
    )
    assert extract(text).facts()["our_reference"] == "19B.00731"


def test_a_telephone_number_or_a_second_labels_number_is_no_reference_of_ours():
    text = (
        "Gemeente Woerden\nDatum: 4 maart 2019\nUw nr: 2019/88-1\nOnderwerp: Begroting\n"
        "Contact: J. Bakker, tel. nr: 0348-428911\n\nGeachte heer,\n\nWij sturen u de begroting.\n\n"
        "Met vriendelijke groet,\n\nJ. Bakker\n"
    )
    facts = extract(text).facts()
    assert facts["our_reference"] is None
    assert facts["your_reference"] == "2019/88-1"


# ---------------------------------------------------------------- a Kamerstuk's web copy


def test_a_kamerstuk_heading_in_lower_case_after_the_papers_number_names_the_ministry():
    text = (
        "Stand van zaken zoetwater\nBrief regering\nNummer: 2023D11111, datum: 2023-05-02\n"
        "- Voortgangsrapportage zoetwater\nPreview document\n"
        "31710 Zoetwater\nNr. 48 Brief van de minister van Infrastructuur en Waterstaat\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 2 mei 2023\n"
        "Met deze brief informeer ik uw Kamer over de zoetwatervoorziening.\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == "ministerie van Infrastructuur en Waterstaat"
    assert facts["sender_body"] == "minister"
    assert [number.replace(" ", "") for number in facts["dossier_references"]] == ["31710"]
    assert facts["date_sent"] == "2023-05-02"
    assert facts["addressees"] == ["oorg10002"]


# ---------------------------------------------------------------- a page titled as a letter


def test_a_letter_title_over_a_date_label_and_a_sentence_informing_the_staten():
    text = (
        "GS-brief over de stikstofaanpak\n\nDatum besluit: 9 maart 2022\n\n\n"
        "De nieuwe regels raken ook de provinciale plannen. Via deze brief worden de leden van Provinciale "
        "Staten over de planning nader geïnformeerd.\n\nType besluit: GS-vergadering\n"
    )
    facts = drafted(text)
    assert facts is not None, "refused as no letter"
    assert facts["subject"] == "GS-brief over de stikstofaanpak"
    assert facts["addressees"] == ["Provinciale Staten"]
    assert facts["date_sent"] is None  # the decision's date, not the dispatch


def test_an_open_letters_title_is_still_no_subject():
    for title in (
        "Open brief aan de gedeputeerde: waarom geen fietspad?",
        "Open brief aan college over het zwembad",
    ):
        text = (
            f"{title}\n\nGeachte mevrouw Jansen,\n\nWij vragen u het fietspad aan te leggen.\n\nP. de Vries\n"
        )
        assert extract(text).facts()["subject"] is None, title


# ---------------------------------------------------------------- a proposal to the college


def test_a_proposal_to_the_college_is_a_letter():
    text = (
        "1 VOORSTEL AAN BURGEMEESTER EN WETHOUDERS & VOORSTEL AAN DE RAAD Van: J. Bakker Datum: 4 maart "
        "2019 Onderwerp: Begroting 2020 van de veiligheidsregio Advies: in te stemmen met de begroting "
        "en de bijdrage van de gemeente Woerden.\n"
    )
    extraction = extract(text)
    assert is_letter(extraction, text)
    facts = extraction.facts()
    assert facts["date_sent"] == "2019-03-04"
    assert facts["subject"] == "Begroting 2020 van de veiligheidsregio"


def test_an_agenda_is_still_no_letter():
    text = (
        "AGENDA commissie Bestuur\nDatum: 4 maart 2019\nOnderwerp: Begroting 2020\n"
        "1. Opening\n2. Mededelingen\n3. Begroting van de gemeente Woerden\n"
    )
    assert not is_letter(extract(text), text)


# ---------------------------------------------------------------- a local party signs


def test_a_local_partys_line_under_the_signers_name_is_the_sender():
    for party in ("Dorpsbelangen Oosterhout", "Lokaal Belang Delfzijl", "Leefbaar Emmen", "D66 Haarlem"):
        text = (
            "Open brief aan de commissaris van de Koning\n\nGeachte heer De Boer,\n\nWij maken ons zorgen "
            f"over de herindeling.\n\nMet vriendelijke groet,\n\nAnneke Smit-Wolters\n{party}\n"
        )
        facts = extract(text).facts()
        assert facts["sender"] == party, party
        assert [s["name"] for s in facts["signatories"]] == ["Anneke Smit-Wolters"]


def test_a_number_after_a_word_is_that_words_not_the_letters():
    for line in ("Project Nr: 2718-0179-001", "BTW nummer: NL8122.37.754B01", "Order Nr.: 2023/114-2"):
        text = f"Bouwbedrijf Jansen\nAan de gemeente Zwolle\n{line}\nOnderwerp: offerte\n\nGeachte heer,\n\n"
        text += "Hierbij onze offerte.\n\nMet vriendelijke groet,\n\nP. Jansen\n"
        assert extract(text).facts()["our_reference"] is None, line


def test_a_ministrys_short_name_naming_a_committees_meeting_is_no_mention():
    text = (
        "Brief regering\n- 2023-05-10 10:00: Procedurevergadering IenW (Procedurevergadering)\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 2 mei 2023\n\n"
        "Met deze brief informeer ik uw Kamer, zoals ik met BZK heb afgesproken.\n"
    )
    mentioned = extract(text).facts()["organisations_mentioned"]
    assert "IenW" not in mentioned
    assert "BZK" in mentioned
