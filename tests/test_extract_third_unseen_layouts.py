"""Layouts of the third set of real letters the extractor had not seen (docs/ingest.md, "A third
unseen set"): parties' written questions to Gedeputeerde Staten, colleges and water boards, and
letters of provinces, a municipality and joint arrangements. One test per class of fault they
showed. The letters are written for the tests: invented wording, people and numbers; real
organisation names.
"""

from __future__ import annotations

from opendata.ingest.extract import extract

# A party's written questions as its web site prints them: the provinciehuis's postal address under
# "College van Gedeputeerde Staten", "Place, d.d. date,", the salutation, then "Betreft …".
PARTY_QUESTIONS = """College van Gedeputeerde Staten
Provinciehuis
Stationsplein 9
1234 AB HOOFDSTAD

Dorpje, d.d. 07-03-2022,

Geacht College,

Betreft schriftelijke vragen van het Statenlid Tonny Verzinsel, LIJSTPARTIJ, over de pont bij Kruisdijk.

Toelichting

Sinds de zomer vaart de pont nog maar twee keer per dag.

Vragen

 1. Waarom is de dienstregeling gehalveerd?

In afwachting van uw beantwoording, verblijven wij.

Hoogachtend,

Statenfractie LIJSTPARTIJ (LP),

Tonny Verzinsel, Fractievoorzitter en J.K. (Joop) Bedacht, Statenlid
"""


def test_a_place_and_date_line_with_dd_and_a_closing_comma_dates_the_letter():
    assert extract(PARTY_QUESTIONS).facts()["date_sent"] == "2022-03-07"
    with_month = PARTY_QUESTIONS.replace("Dorpje, d.d. 07-03-2022,", "Dorpje, 21 december 2020,")
    assert extract(with_month).facts()["date_sent"] == "2020-12-21"


def test_a_place_and_date_run_into_the_next_header_part_dates_the_letter():
    council = (
        "1 Raadsvergadering : 14 maart 2013 Agendanummer : Onderwerp : Regionale samenwerking "
        "Wordt behandeld door : Piet Voorbeeld Kleindorp, 2 februari 2013 Aan de raad, Inleiding "
        "Het college heeft de gesprekken met de buurgemeenten afgerond."
    )
    facts = extract(council).facts()
    assert facts["date_sent"] == "2013-02-02"
    assert facts["subject"] == "Regionale samenwerking"
    meeting = (
        "1 Ergensdorp, 3 oktober 2019 Onderwerp: uitnodiging en agenda vergadering 14 oktober 2019 "
        "Aan de leden van het algemeen bestuur, Hierbij nodig ik u uit voor de vergadering."
    )
    facts = extract(meeting).facts()
    assert facts["date_sent"] == "2019-10-03"
    assert facts["subject"] == "uitnodiging en agenda vergadering 14 oktober 2019"


def test_a_run_together_subject_stops_at_the_next_label():
    email = (
        "Van: Secretariaat Verzonden: dinsdag 3 maart :10 Onderwerp: Subsidie voor de nieuwe brug "
        "Bijlagen: scan.pdf Geachte dames en heren, De aanvraag is afgewezen."
    )
    assert extract(email).facts()["subject"] == "Subsidie voor de nieuwe brug"
    proposal = (
        "1 VOORSTEL AAN BURGEMEESTER EN WETHOUDERS Datum: 2 juni 2015 Team: Ruimte Onderwerp: Koers van de "
        "milieudienst Advies: 1. In te stemmen met het koersdocument.\n"
    )
    assert extract(proposal).facts()["subject"] == "Koers van de milieudienst"


def test_a_subject_does_not_run_into_the_place_and_date_line_under_it():
    text = """Aan : Het college van de gemeente Veere.
Onderwerp: Strandhuisjes.
Dorpje, d.d. 12-05-2011,

Geachte heer/mevrouw,

Hoeveel strandhuisjes staan er dit jaar?

Hoogachtend,

K. Bedacht
"""
    facts = extract(text).facts()
    assert facts["subject"] == "Strandhuisjes"
    assert facts["date_sent"] == "2011-05-12"


def test_a_betreft_paragraph_under_the_salutation_is_the_subject():
    assert extract(PARTY_QUESTIONS).facts()["subject"] == (
        "schriftelijke vragen van het Statenlid Tonny Verzinsel, LIJSTPARTIJ, over de pont bij Kruisdijk"
    )


def test_gedeputeerde_staten_over_the_provinciehuis_address_are_the_addressee():
    # the letter names no province: the addressee stays as written
    assert extract(PARTY_QUESTIONS).facts()["addressees"] == ["Gedeputeerde Staten"]
    # one province named in the body only, the address in a town the register does not know: which
    # province's Staten is not guessed from the body (tests/test_extract_wrong_values.py)
    naming = PARTY_QUESTIONS.replace("Sinds de zomer", "De Provincie Zeeland betaalt de pont. Sinds de zomer")
    assert extract(naming).facts()["addressees"] == ["Gedeputeerde Staten"]
    # the address in a town of that province: Gedeputeerde Staten of that province
    in_town = naming.replace("1234 AB HOOFDSTAD", "4331 BK MIDDELBURG")
    assert extract(in_town).facts()["addressees"] == ["pv29"]
    # two provinces named: which one is not guessed
    two = naming.replace("betaalt de pont.", "betaalt de pont, samen met de provincie Fryslân.")
    assert extract(two).facts()["addressees"] == ["Gedeputeerde Staten"]


def test_a_party_line_in_the_signature_block_is_the_sender_and_its_members_sign():
    facts = extract(PARTY_QUESTIONS).facts()
    assert facts["sender"] == "Statenfractie LIJSTPARTIJ (LP)"
    # their places in the party are no roles the model knows (docs/ingest.md): names without a role
    assert facts["signatories"] == [
        {"name": "Tonny Verzinsel", "role": "fractievoorzitter"},
        {"name": "J.K. (Joop) Bedacht", "role": "statenlid"},
    ]


def test_a_member_of_the_staten_is_no_sender_and_a_party_in_brackets_no_signatory():
    member = """Aan het College van Gedeputeerde Staten
Provinciehuis
Abdij 6
4331 BK MIDDELBURG

Ergensdorp, 3 mei 2012

Geacht College,

Wij vragen u naar de kosten van de reis.

Hoogachtend,

Statenfractie Partij voor het Voorbeeld in Zeeland

Namens deze,

Kees Verzonnen

Lid Provinciale Staten van Zeeland
"""
    facts = extract(member).facts()
    assert facts["sender"] == "Statenfractie Partij voor het Voorbeeld in Zeeland"
    assert facts["sender_body"] is None
    assert facts["addressees"] == ["pv29"]
    assert [s["name"] for s in facts["signatories"]] == ["Kees Verzonnen"]
    bracketed = """Aan : De A.V. en het D.B. van het Waterschap Scheldestromen.
Onderwerp: Dijken.
Dorpje, d.d. 02-02-2015,

Geachte heer/mevrouw,

Wanneer worden de dijken versterkt?

Hoogachtend,

Françoise Bédacht (Onafhankelijke Polderpartij)
"""
    facts = extract(bracketed).facts()
    assert facts["signatories"] == [{"name": "Françoise Bédacht", "role": None}]
    assert facts["sender"] is None  # a member signing in her own name


def test_namens_a_party_without_a_closing_signs_for_the_party_not_the_province():
    text = """Statenvragen over de veerdienst

Geacht college,

Wij lazen dat de veerdienst stopt. Dit leidt tot de volgende vragen:

1) Klopt dit bericht?

Namens de PVV Noord-Brabant,

Anna van Voorbeeld

Bert de Verzinner
"""
    facts = extract(text).facts()
    assert facts["sender"] == "PVV Noord-Brabant"
    assert facts["signatories"] == [
        {"name": "Anna van Voorbeeld", "role": None},
        {"name": "Bert de Verzinner", "role": None},
    ]
    # the province a body is named for still signs as the province
    body = text.replace("Namens de PVV Noord-Brabant,", "Namens Gedeputeerde Staten van Noord-Brabant,")
    assert extract(body).facts()["sender"] == "pv30"


def test_a_party_line_and_a_name_ending_the_text_sign_it():
    text = """Vragen over de nieuwe dijk. (14-06-2018) Vragen aan het College van Veere namens Lijst Voorbeeld.

Toelichting
Het fietspad op de dijk wordt smaller.

Vragen
1. Is het college hiervan op de hoogte?

Lijst Voorbeeld
Gerrit Bedacht
"""
    facts = extract(text).facts()
    assert facts["sender"] == "Lijst Voorbeeld"
    assert facts["signatories"] == [{"name": "Gerrit Bedacht", "role": None}]
    assert facts["addressees"] == ["gm0717"]
    assert facts["date_sent"] == "2018-06-14"
    assert "gm0717" in facts["organisations_mentioned"]


def test_a_party_naming_itself_as_the_asker_is_the_sender():
    efteling = """Geacht college,

De fietsbrug wordt afgebroken. De PVV Noord-Brabant heeft hierover de volgende vragen:

1. Wanneer wordt er een nieuwe brug gebouwd?
"""
    assert extract(efteling).facts()["sender"] == "PVV Noord-Brabant"
    fractie = efteling.replace("De PVV Noord-Brabant heeft hierover", "De fractie van de PVV heeft hierover")
    assert extract(fractie).facts()["sender"] == "fractie van de PVV"
    heading = """Vragen aan het college door het raadslid K. Bedacht, namens de VVD-fractie.

Ontvangen: 3 maart 2019
Onderwerp: Parkeren bij het station

1. Hoeveel plaatsen zijn er?
"""
    assert extract(heading).facts()["sender"] == "VVD-fractie"


def test_met_hartelijke_groet_closes_a_letter():
    text = """Vragen aan het College van Veere.

Waarom is het pad gesloten?

Met hartelijke groet,
Lia Verzonnen
"""
    facts = extract(text).facts()
    assert facts["signatories"] == [{"name": "Lia Verzonnen", "role": None}]
    assert facts["addressees"] == ["gm0717"]


def test_a_signer_run_into_the_closing_line_is_read():
    email = (
        "Onderwerp: Uitslag van de aanvraag Geachte dames en heren, De aanvraag is afgewezen. "
        "Met vriendelijke groeten, Wim Verzinsel Afdeling Projecten / Postbus 20120, 8900 HM Leeuwarden "
        "Provincie Fryslân"
    )
    facts = extract(email).facts()
    assert facts["signatories"] == [{"name": "Wim Verzinsel", "role": None}]
    assert facts["sender"] == "pv21"
    agenda = (
        "Hierbij de agenda. Na afloop worden foto's gemaakt voor de website van de dienst Met vriendelijke "
        "groet, Anna de Bedacht MPA, directeur van het bureau"
    )
    assert extract(agenda).facts()["signatories"] == [{"name": "Anna de Bedacht MPA", "role": "directeur"}]


def test_questions_asked_on_a_date_are_a_cited_letter():
    text = """Aan : De Raad en het College van de gemeente Veere.
Onderwerp: Het kunstwerk.
Dorpje, d.d. 02-09-2016,

Geachte heer/mevrouw,

Op d.d. 02-08-2010 heb ik namens Lijst Voorbeeld vragen gesteld aan het College over het kunstwerk.

Hoogachtend,

Lijst Voorbeeld
Gerrit Bedacht (fractievoorzitter)
"""
    facts = extract(text).facts()
    assert facts["cites"] == [{"date": "2010-08-02", "reference": None}]
    assert facts["sender"] == "Lijst Voorbeeld"
    assert facts["signatories"] == [{"name": "Gerrit Bedacht", "role": "fractievoorzitter"}]


def test_a_letter_that_refers_to_a_raadsbrief_is_no_raadsinformatiebrief():
    text = """Onlangs bent u geïnformeerd over het onderzoek in het park. Het college heeft de gemeenteraad
via een raadsbrief op de hoogte gebracht. Deze raadsbrief-park-3-2-2017 sturen wij u ook.

Met vriendelijke groet,

Jan Verzonnen
adviseur

Omgevingsdienst Veluwe IJssel
"""
    facts = extract(text).facts()
    assert facts["kind"] == "brief"
    assert facts["sender"] == "so0786"
    assert facts["signatories"] == [{"name": "Jan Verzonnen", "role": None}]
    rib = "Raadsinformatiebrief\n\nAan de gemeenteraad van Veere\n\nWij informeren u over het park."
    assert extract(rib).facts()["kind"] == "raadsinformatiebrief"


def test_a_web_copys_title_number_is_the_letters_reference():
    text = """BRIEF AAN DE KAMER INZ. ZOET WATER – B017

Ergensdorp, 4 mei 2010

Aan de leden van de Tweede Kamer

Geachte leden,

Het zoete water raakt op.
"""
    facts = extract(text).facts()
    assert facts["our_reference"] == "B017"
    assert facts["sender"] is None  # a title naming the addressee is no letterhead
    assert facts["addressees"] == ["oorg10002"]
    # a title without a number after a dash gives none
    assert extract(text.replace(" – B017", "")).facts()["our_reference"] is None
    # a dash and a year in running text is no letter number
    assert extract("Het plan voor 2010 – 2015\n\nGeachte leden,\n\nTekst.").facts()["our_reference"] is None


def test_questions_reported_to_a_water_board_name_it_as_addressee():
    text = """Zorgen over de relatie met de gemeente

De fractie heeft de volgende vragen aan het Dagelijks Bestuur van waterschap Scheldestromen gesteld:

1. Hoe verloopt het overleg met de gemeente Vlissingen?
"""
    facts = extract(text).facts()
    assert facts["addressees"] == ["ws0661"]
    assert {"ws0661", "gm0718"} <= set(facts["organisations_mentioned"])
    # "het College van" without a municipality's name names none
    assert extract("Vragen aan het College van Beroep over de uitspraak.\n").facts()["addressees"] == []
