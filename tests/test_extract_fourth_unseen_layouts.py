"""Layouts of the fourth set of real letters the extractor had not seen (docs/ingest.md, "A fourth
unseen set"): letters of government bodies themselves, to councils and to residents, as their web
pages and web copies give them. One test per class of fault they showed, each with two or three
variants. The letters are written for the tests: invented wording, people and numbers; real
organisation names.
"""

from __future__ import annotations

from opendata.ingest.drafts import _role
from opendata.ingest.extract import extract

RESIDENTS = """Dorpsstraat - vervanging riolering (2023-101)

Met deze brief informeren we u over werkzaamheden in uw straat. Hieronder leest u wat dit voor u betekent.

Wat gaan we doen?

We vervangen het riool tussen de huisnummers 1 en 40.

Vragen?

Bel dan met de gemeente Leiden, tel. 14 071, of gebruik het formulier op www.leiden.nl/contact.

Met vriendelijke groet,

Kees Voorbeeld, Projectmanager
"""


def test_an_officers_job_title_is_the_signatorys_role_as_written():
    assert extract(RESIDENTS).facts()["signatories"] == [{"name": "Kees Voorbeeld", "role": "projectmanager"}]
    under = RESIDENTS.replace(
        "Kees Voorbeeld, Projectmanager", "Anna Verzonnen\n\nProjectcoördinator Cluster Beheer"
    )
    assert extract(under).facts()["signatories"] == [{"name": "Anna Verzonnen", "role": "projectcoördinator"}]
    with_unit = RESIDENTS.replace(
        "Kees Voorbeeld, Projectmanager", "Piet Bedacht\n\nDirectievoerder, Team Wegen"
    )
    assert extract(with_unit).facts()["signatories"] == [{"name": "Piet Bedacht", "role": "directievoerder"}]
    bare = RESIDENTS.replace("Kees Voorbeeld, Projectmanager", "H.J. Fictief\n\nCoordinator Groenbeheer")
    assert extract(bare).facts()["signatories"] == [
        {"name": "H.J. Fictief", "role": "coordinator groenbeheer"}
    ]
    two = RESIDENTS.replace(
        "Kees Voorbeeld, Projectmanager", "Jan Verzinsel\nAccountmanager wonen – senior adviseur"
    )
    assert extract(two).facts()["signatories"] == [
        {"name": "Jan Verzinsel", "role": "accountmanager wonen – senior adviseur"}
    ]


def test_a_unit_line_under_the_name_is_no_person_and_a_draft_leaves_an_unknown_post_out():
    team = RESIDENTS.replace("Kees Voorbeeld, Projectmanager", "Lotte Fictief\nTeam Vastgoed")
    assert extract(team).facts()["signatories"] == [{"name": "Lotte Fictief", "role": None}]
    afdeling = RESIDENTS.replace(
        "Kees Voorbeeld, Projectmanager", "Mo Bedacht\n\nProjectleider Dijkpark\nAfdeling Water & Groen"
    )
    assert extract(afdeling).facts()["signatories"] == [{"name": "Mo Bedacht", "role": "projectleider"}]
    # the model's Role list has no "projectmanager": a draft gets no role, so no signature (never a guess)
    signatory = extract(RESIDENTS).signatories[0]
    assert _role(signatory, None) is None


def test_a_letter_without_a_closing_is_signed_on_its_last_line():
    mayor = """Beste inwoners van Súdwest-Fryslân,

De regering heeft zware maatregelen genomen. In de gemeente Súdwest-Fryslân zien de mensen naar elkaar om. Dank u wel.

Burgemeester Anna Verzonnen
"""
    facts = extract(mayor).facts()
    assert facts["signatories"] == [{"name": "Anna Verzonnen", "role": "burgemeester"}]
    assert facts["sender"] == "gm1900"  # a burgemeester, and the one municipality the letter names
    name_only = """Beste inwoners,

Wij volgen de richtlijnen van het kabinet. Laten we elkaar helpen.

Piet Voorbeeld,

Top
"""
    assert extract(name_only).facts()["signatories"] == [{"name": "Piet Voorbeeld", "role": None}]
    # a web page's "Read More" after the last sentence is no signer
    page = "Beste lezer,\n\nDe raad heeft gisteren vergaderd. Het debat duurde lang.\n\nRead More\n"
    assert extract(page).facts()["signatories"] == []


def test_namens_after_the_last_sentence_opens_the_signature_block():
    notice = """Uitnodiging informatieavond over het peilbesluit

Op dinsdag 15 mei is er een inloopavond in het dorpshuis. Voor meer informatie kijkt u op de website (nieuwsbrief april 2018) Namens de Gebiedscommissie Oostpolder,

K. Bedacht, voorzitter.

L.M. Verzonnen, secretaris.

Top
"""
    facts = extract(notice).facts()
    assert facts["sender"] == "Gebiedscommissie Oostpolder"
    assert facts["signatories"] == [
        {"name": "K. Bedacht", "role": "voorzitter"},
        {"name": "L.M. Verzonnen", "role": "secretaris"},
    ]
    assert facts["kind"] == "brief"
    # "namens" inside a sentence without a closing comma signs nothing
    prose = notice.replace(
        "(nieuwsbrief april 2018) Namens de Gebiedscommissie Oostpolder,", "Namens ons dank."
    )
    assert extract(prose).facts()["sender"] is None


def test_the_municipality_of_the_letters_own_contact_address_is_the_sender():
    email = """Uitstel werkzaamheden Sluisplein
Brief van 27 juni over uitstel werkzaamheden Sluisplein
Beste bewoner(s),
We beginnen later dan gepland. Als u vragen heeft, kunt u mailen naar omgeving@purmerend.nl.
Met vriendelijke groet,
Bart Bedacht
Projectleider
"""
    assert extract(email).facts()["sender"] == "gm0439"
    web = email.replace(
        "kunt u mailen naar omgeving@purmerend.nl", "kijk dan op www.beekdaelen.nl/sluisplein"
    )
    assert extract(web).facts()["sender"] == "gm1954"
    # a link with a scheme points to a document: it names no writer
    link = email.replace("kunt u mailen naar omgeving@purmerend.nl", "leest u https://www.zeeland.nl/rapport")
    assert extract(link).facts()["sender"] is None
    # two municipalities' addresses: which one writes is not guessed
    both = email.replace("omgeving@purmerend.nl.", "omgeving@purmerend.nl of info@edam-volendam.nl.")
    assert extract(both).facts()["sender"] is None


def test_a_memo_of_burgemeester_en_wethouders_is_the_college_of_the_one_municipality_named():
    proposal = (
        "RAADSVOORSTEL Van : Burgemeester en Wethouders Reg.nr. : Aan : Gemeenteraad Datum : 11 november 2013 "
        "Portefeuillehouder : Wethouder K. Bedacht TITEL Nieuwe sporthal BESLISPUNTEN 1. Een krediet beschikbaar "
        "te stellen. AANLEIDING De gemeente Amersfoort heeft een sporthal nodig."
    )
    facts = extract(proposal).facts()
    assert facts["sender"] == "gm0307"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    assert facts["addressees"] == ["gm0307"]  # "Aan : Gemeenteraad": the council of that municipality
    assert facts["subject"] == "Nieuwe sporthal"
    assert facts["kind"] == "brief"  # a raadsvoorstel, no raadsinformatiebrief
    two = proposal.replace("De gemeente Amersfoort heeft", "De gemeenten Amersfoort en Leusden hebben")
    assert extract(two).facts()["sender"] is None


def test_a_body_under_the_first_of_two_signers_is_no_sender():
    joint = RESIDENTS.replace(
        "Kees Voorbeeld, Projectmanager",
        "Maud Bedacht\n\nProjectleider\nGemeente Purmerend\n\nJoost Verzonnen\n\nProgrammaregisseur\nWoonstichting Fictief",
    ).replace(
        "Bel dan met de gemeente Leiden, tel. 14 071, of gebruik het formulier op www.leiden.nl/contact.",
        "Bel ons.",
    )
    facts = extract(joint).facts()
    assert facts["sender"] is None
    assert facts["signatories"] == [
        {"name": "Maud Bedacht", "role": "projectleider"},
        {"name": "Joost Verzonnen", "role": "programmaregisseur"},
    ]
    one = joint.replace("\n\nJoost Verzonnen\n\nProgrammaregisseur\nWoonstichting Fictief", "")
    assert extract(one).facts()["sender"] == "gm0439"


def test_namens_two_bodies_gives_the_province_without_a_body():
    invitation = """Geachte heer, mevrouw,

Graag nodigen wij u uit voor een kennismaking met de provincie.

Hoogachtend,

namens Provinciale Staten en het college van Gedeputeerde Staten van Noord‑Holland

Karel Verzonnen
"""
    facts = extract(invitation).facts()
    assert facts["sender"] == "pv27"
    assert facts["sender_body"] is None
    one = invitation.replace("Provinciale Staten en het college van ", "")
    assert extract(one).facts()["sender_body"] == "gedeputeerde-staten"


def test_a_burgemeester_letterhead_under_a_page_title_and_gemeenteraad_alone_in_the_window():
    letter = """Gemeenteraad Geachte heer, mevrouw, Tijdens de

advertisement
Burgemeester van Utrecht
Postadres Postbus 16200, 3500 CE Utrecht
www.utrecht.nl
Gemeenteraad
Datum
Ons kenmerk
Onderwerp
3 juni 2016
16.504446
Nieuw bord bij het
stadskantoor
Verzonden
Geachte heer, mevrouw,
Het bord hangt er sinds vrijdag.
Met vriendelijke groet,
Anna Bedacht
"""
    facts = extract(letter).facts()
    assert facts["sender"] == "gm0344"
    assert facts["addressees"] == ["gm0344"]
    assert facts["kind"] == "brief"
    assert facts["subject"] == "Nieuw bord bij het stadskantoor"
    assert "gm0344" in facts["organisations_mentioned"]
    # without a letterhead that names the municipality, the council stays as written
    bare = letter.replace("Burgemeester van Utrecht\n", "").replace("www.utrecht.nl\n", "")
    assert extract(bare).facts()["addressees"] == ["gemeenteraad"]


def test_an_address_line_to_a_group_of_councils_is_the_group_as_written():
    letter = """Aan de raden van de aan het samenwerkingsorgaan Holland Rijnland deelnemende
gemeenten,
Cc: Colleges van burgemeester en wethouders
Leiden: 28 april 2014
Kenmerk: UIT-14-99999
Onderwerp: ontwerpbegroting 2015
Geachte raad,
Namens het financieel overleg heeft de gemeente Leiden ons per brief van 01 november 2013 het kader voorgelegd.
Hoogachtend,
"""
    facts = extract(letter).facts()
    assert facts["addressees"] == [
        "de raden van de aan het samenwerkingsorgaan Holland Rijnland deelnemende gemeenten"
    ]
    assert facts["date_sent"] == "2014-04-28"
    assert facts["cites"] == [{"date": "2013-11-01", "reference": None}]
    colleges = letter.replace(
        "Aan de raden van de aan het samenwerkingsorgaan Holland Rijnland deelnemende\ngemeenten,",
        "Aan de colleges en raden van de gemeenten in de regio Foodvalley,",
    )
    assert extract(colleges).facts()["addressees"] == [
        "de colleges en raden van de gemeenten in de regio Foodvalley"
    ]
    email = (
        "Aan: 'wijkraad Noordhoek'\nOnderwerp: RE: bomen\n\nGeachte mevrouw,\n\nHet plan ligt ter inzage.\n"
    )
    assert extract(email).facts()["addressees"] == ["wijkraad Noordhoek"]
    person = email.replace("'wijkraad Noordhoek'", "'Jan Bedacht'")
    assert extract(person).facts()["addressees"] == []


def test_place_colon_date_only_where_the_place_is_a_municipality():
    letter = "Leiden: 28 april 2014\nOnderwerp: begroting\n\nGeachte raad,\n\nHierbij de begroting.\n"
    assert extract(letter).facts()["date_sent"] == "2014-04-28"
    meeting = (
        "Uitnodiging informatieavond\nBrief van 20 februari over de informatieavond.\nBeste bewoner(s),\n"
        "We nodigen u uit.\nDatum: donderdag 12 maart 2026\nTijd: 19.00 uur\n"
    )
    facts = extract(meeting).facts()
    assert facts["date_sent"] is None  # the meeting's date, and a letter dated without a year
    assert facts["subject"] == "Uitnodiging informatieavond"


def test_a_web_pages_title_gives_the_letters_number_subject_and_date():
    facts = extract(RESIDENTS).facts()
    assert facts["our_reference"] == "2023-101"
    assert facts["subject"] == "Dorpsstraat - vervanging riolering"
    mayor = RESIDENTS.replace("(2023-101)", "(22022-160-Z)")
    assert extract(mayor).facts()["our_reference"] == "22022-160-Z"
    # a year range in brackets is no letter number
    years = RESIDENTS.replace("(2023-101)", "(2023-2024)")
    assert extract(years).facts()["our_reference"] is None
    dated = """Bewonersbrief 3 maart 2022

Mogelijke opvang van vluchtelingen in het gemeentehuis.

Beste omwonenden van het gemeentehuis,

Wij hebben het Rijk een aanbod gedaan.

Met vriendelijke groet,

het college van burgemeester en wethouders van de gemeente Vijfheerenlanden,
"""
    facts = extract(dated).facts()
    assert facts["date_sent"] == "2022-03-03"
    assert facts["subject"] == "Mogelijke opvang van vluchtelingen in het gemeentehuis"
    assert facts["sender"] == "gm1961"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    with_year = "Planning werk aan de kade\nBrief van 17 juni 2024 over de planning.\n\nBeste bewoner(s),\n\nHet werk loopt uit.\n"
    facts = extract(with_year).facts()
    assert facts["date_sent"] == "2024-06-17"
    assert facts["subject"] == "Planning werk aan de kade"
    # a news page's title line with no number or "Brief van" line is no subject (as the earlier sets)
    news = "Open brief aan het college\n\nGeacht college,\n\nWij zijn verbaasd over het besluit.\n"
    assert extract(news).facts()["subject"] is None


def test_a_towns_adjective_names_its_council_and_college():
    text = (
        "Geachte heer,\n\nHet programma is vandaag naar de Amsterdamse gemeenteraad gestuurd. Ook het "
        "Utrechtse college en de Leidse raad kregen het.\n\nMet vriendelijke groet,\n\nK. Bedacht\n"
    )
    assert set(extract(text).facts()["organisations_mentioned"]) == {"gm0363", "gm0344", "gm0546"}
    # an adjective of no municipality names none
    other = (
        "Geachte heer,\n\nDe Hollandse gemeenteraad bestaat niet.\n\nMet vriendelijke groet,\n\nK. Bedacht\n"
    )
    assert extract(other).facts()["organisations_mentioned"] == []
