"""The eleventh unseen set's classes of miss (docs/ingest.md, "An eleventh unseen set"), each on letters
written for the test (invented people, places' real names and wording of the same shape): a board's
closing line over "Namens hen," (the pronoun names no body); a role under the closing without its
holder's name is no signatory; "het ministerie van I&W" is one ministry, written out; a wethouder's
portfolio ("wethouder EZ") is no ministry; letters cited without an article ("Brief d.d. …", "Zie
raadsbrief van …", "bijlage bij raadsbrief <date>"), by a title with the date in brackets, as the
addressee's Woo request with what it was made under between it and its date, by an OCR'd "vw" for
"uw", and the writer's own acknowledgement ("de ontvangstbevestiging van …"); a reference after a
scan's underscore set apart by a space."""

from __future__ import annotations

from opendata.ingest.extract import extract

# ---------------------------------------------------------------- the signature block


def test_namens_hen_under_the_boards_closing_line_leaves_the_board_the_sender():
    text = (
        "Gemeente Zwolle\nRetouradres: Postbus 10007, 8000 GA Zwolle\nDatum 3 maart 2022\n"
        "Onderwerp Beslissing op uw verzoek\n\nGeachte heer,\n\nUw verzoek wijzen wij af.\n\nHoogachtend,\n"
        "Het College van Burgemeester en Wethouders van Zwolle,\nNamens hen,\nw.g.\nHoofd afdeling Vergunningen\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0193"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"


def test_a_role_without_its_holders_name_is_no_signatory():
    text = (
        "Gemeente Zwolle\nDatum 3 maart 2022\nOnderwerp Beslissing op uw verzoek\n\nGeachte heer,\n\n"
        "Uw verzoek wijzen wij af.\n\nHoogachtend,\nHet College van Burgemeester en Wethouders van Zwolle,\n"
        "Namens hen,\nw.g.\nManager afdeling Vergunningen\n"
    )
    assert extract(text).facts()["signatories"] == []


def test_a_second_title_under_the_signer_gives_no_second_signatory():
    text = (
        "Stichting Havenmuseum\nAan het dagelijks bestuur van het waterschap\nOns kenmerk HH-12\n\n"
        "Geacht bestuur,\n\nWij vragen u de sluis te herstellen.\n\nHoogachtend,\n\nK.L. Bruinsma\n"
        "Algemeen directeur Havenmuseum\nVoorzitter Stichting Havenmuseum\n"
    )
    signatories = extract(text).facts()["signatories"]
    assert [s["name"] for s in signatories] == ["K.L. Bruinsma"]


# ---------------------------------------------------------------- organisations mentioned


def test_ministerie_van_with_a_short_name_is_one_ministry_written_out():
    text = (
        "Aan de leden van de gemeenteraad\nDatum 4 april 2023\nOnderwerp Snelle fietsen\n\n"
        "Geachte leden van de raad,\n\nHet ministerie van I&W werkt aan nieuwe regels voor lichte "
        "elektrische voertuigen.\n\nMet vriendelijke groet,\n\nHet college van burgemeester en wethouders "
        "van Zwolle\n"
    )
    mentioned = extract(text).facts()["organisations_mentioned"]
    assert "ministerie van Infrastructuur en Waterstaat" in mentioned
    assert "I&W" not in mentioned and "ministerie van I" not in mentioned


def test_a_wethouders_portfolio_is_no_ministry():
    text = (
        "Aan de leden van de gemeenteraad\nDatum 4 april 2023\nOnderwerp Locatiekeuze\n\n"
        "Geachte leden van de raad,\n\nHet voorstel is aan de portefeuillehouders (wethouder EZ en "
        "wethouder G&O) voorgelegd.\n\nMet vriendelijke groet,\n\nHet college van burgemeester en "
        "wethouders van Zwolle\n"
    )
    assert "EZ" not in extract(text).facts()["organisations_mentioned"]


# ---------------------------------------------------------------- cited letters


def _cited(text: str) -> set[str]:
    return {str(c["date"]) for c in extract(text).facts()["cites"]}


_HEAD = (
    "Aan de leden van de gemeenteraad\nDatum 10 december 2023\nOnderwerp Voortgang herinrichting\n\n"
    "Geachte leden van de raad,\n\n"
)
_CLOSE = "\n\nMet vriendelijke groet,\n\nHet college van burgemeester en wethouders van Zwolle\n"


def test_letters_cited_without_an_article_in_a_footnote():
    text = (
        _HEAD + "Wij informeren u over de voortgang.³" + _CLOSE + "³ Brief d.d. 12 januari 2023 (Voortgang "
        "kademuren); brief d.d. 3 mei 2023 (Tussenstand)\n7Zie raadsbrief van 14 juni 2023\n"
    )
    assert _cited(text) == {"2023-01-12", "2023-05-03", "2023-06-14"}


def test_a_council_letter_by_kind_and_date_after_zie_or_bij():
    text = (
        _HEAD + "Zie ook raadsbrief 14 juni 2023. De tekening is een bijlage bij raadsbrief 2 februari "
        "2023." + _CLOSE
    )
    assert _cited(text) == {"2023-06-14", "2023-02-02"}


def test_a_footer_naming_the_letters_own_kind_and_date_is_no_citation():
    text = (
        _HEAD
        + "Wij informeren u over de voortgang.\nGemeente Zwolle, raadsinformatiebrief 10 december 2023"
        + _CLOSE
    )
    assert _cited(text) == set()


def test_this_letter_itself_is_not_cited():
    text = _HEAD + "Met deze brief van 10 december 2023 informeren wij u." + _CLOSE
    assert _cited(text) == set()


def test_a_council_letter_by_its_title_with_the_date_in_brackets():
    text = (
        _HEAD
        + "In de raadsbrief Eerste verkenning kadeherstel (4 november 2022) is de lijst opgenomen."
        + _CLOSE
    )
    assert _cited(text) == {"2022-11-04"}


def test_the_addressees_request_with_what_it_was_made_under_before_its_date():
    text = (
        "Gemeente Zwolle\nDatum 26 februari 2019\nOnderwerp Beslissing op uw verzoek in het kader van de "
        "Wet openbaarheid van bestuur d.d. 7 december 2018\n\nGeachte heer,\n\nUw verzoek wijzen wij "
        "af." + _CLOSE
    )
    assert _cited(text) == {"2018-12-07"}


def test_an_ocr_read_vw_for_uw_and_a_woo_request():
    text = (
        "Gemeente Zwolle\nDatum 11 december 2023\nOnderwerp Beslissing op vw Woo-verzoek van 27 september "
        "2023\n\nGeachte heer,\n\nIn vw e-mail van 20 maart 2023 vroeg u om stukken." + _CLOSE
    )
    assert _cited(text) == {"2023-09-27", "2023-03-20"}


def test_the_writers_own_acknowledgement_is_a_cited_letter():
    text = (
        "Gemeente Zwolle\nDatum 20 november 2023\nOnderwerp Beslissing op uw verzoek\n\nGeachte heer,\n\n"
        "Bij de ontvangstbevestiging van 18 oktober 2023 heb ik u gemeld dat de beslissing later komt."
        + _CLOSE
    )
    assert _cited(text) == {"2023-10-18"}


# ---------------------------------------------------------------- references


def test_a_reference_after_a_scans_underscore_set_apart_by_a_space():
    text = (
        "Gemeente Zwolle\nRetouradres: Postbus 10007, 8000 GA Zwolle\nDatum 20 november 2023\n"
        "Ons kenmerk _ ID 4471\nBehandeld door Woo-coördinator\nOnderwerp Beslissing op uw verzoek\n\n"
        "Geachte heer,\n\nUw verzoek wijzen wij af." + _CLOSE
    )
    assert extract(text).facts()["our_reference"] == "ID 4471"


# ---------------------------------------------------------------- the burgemeester's decisions


def test_namens_de_burgemeester_and_the_place_without_van_is_that_municipality():
    text = (
        "Bezoekadres\n> Gemeente Bezoek\nZw ol le 8011 PK Zwolle\nDatum 11 december 2023\nOns kenmerk 5521\n"
        "Onderwerp Beslissing op uw verzoek\n\n"
        "Geachte heer,\n\nUw verzoek wijzen wij af.\n\nMet vriendelijke groet,\nNamens de burgemeester Zwolle,\n"
        "De directeur Openbare Orde\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0193"
    assert facts["sender_body"] is None


def test_the_closings_post_and_municipality_sign_before_an_objection_clauses_board():
    text = (
        "Gemeente Zwolle\nDatum 26 februari 2019\nOns kenmerk OOV-19-12\nOnderwerp Beslissing op uw verzoek\n\n"
        "Geachte heer,\n\nUw verzoek wijzen wij af.\n\nMet vriendelijke groet,\nDe burgemeester van Zwolle,\n"
        "K. de Groot\nDirecteur Openbare Orde en Veiligheid\nTegen dit besluit kan een bezwaarschrift worden "
        "ingediend bij het\nCollege van Burgemeester en Wethouders, t.a.v. de afdeling Juridische Zaken.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0193"
    assert facts["sender_body"] is None
