"""The classes the thirtieth and thirty-first unseen sets showed (docs/ingest.md, "A thirtieth and a
thirty-first unseen set"), in letters written for the test (invented firms, people and words, real bodies'
names): a company that signs with its legal form; a company's own numbers (offer, order, confirmation);
OCR's bracket before a reference; the next page's header under the closing; an e-mail that prints the
letter it sends; a minister's answers to questions that name another writer; a member's written questions
without their answers; a ministry named by the first part of its name beside its full name."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted

HEAD = (
    "Gemeente Amsterdam\nT.a.v. het Projectmanagementbureau\nPostbus 1000\n1000 AA Amsterdam\n\n"
    "Datum 14 maart 2023\n"
)


@pytest.mark.parametrize(
    "firm", ["Grondwerk Noord B.V.", "Koninklijke Van der Berg B.V.", "Stadswerf Oost NV"]
)
def test_a_company_that_signs_with_its_legal_form_is_the_sender_and_no_signer(firm):
    text = HEAD + (
        "Onderwerp: Offerte voor het onderzoek\n\nGeachte heer, mevrouw,\n\nHierbij ontvangt u onze offerte.\n\n"
        f"Vriendelijke groet,\n\n{firm}\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == firm and facts["signatories"] == []


@pytest.mark.parametrize(
    "label, value",
    [
        ("Offertenummer:", "OFF23118"),
        ("Ons ordernummer", "VO02312234"),
        ("Bevestigingsnummer:", "zon-23-101-2202"),
    ],
)
def test_a_companys_own_number_is_its_reference(label, value):
    text = HEAD + (
        f"{label} {value}\nOnderwerp: Uw bestelling\n\nGeachte heer, mevrouw,\n\nWij bevestigen uw bestelling.\n\n"
        "Met vriendelijke groet,\n\nGrondwerk Noord B.V.\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["our_reference"] == value


def test_ocrs_bracket_before_a_reference():
    text = HEAD.replace("Datum", "Ons kenmerk _ [ID 1277\nDatum") + (
        "Onderwerp: Besluit op uw verzoek\n\nGeachte heer,\n\nWij besluiten uw verzoek toe te wijzen.\n\n"
        "Met vriendelijke groet,\n\nde burgemeester van Amsterdam,\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["our_reference"] == "ID 1277"


def test_the_next_pages_header_rows_under_the_closing_sign_no_one():
    text = HEAD + (
        "Onderwerp: Uw reservering\n\nGeachte heer, mevrouw,\n\nHierbij bevestigen wij uw reservering.\n\n"
        "Met vriendelijke groet,\n\nBetreft Bijeenkomst\nWerkplaats Noord 2023\nReferentie 42001-01\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["signatories"] == []


def test_an_e_mail_takes_no_reference_from_the_footer_of_the_letter_it_sends():
    text = (
        "Van: Verzekeringen\nVerzonden: vrijdag 8 november 2024 16:03\nAan: (geanonimiseerd)\n"
        "Onderwerp: Uitkomst van uw schadeclaim\n\nGeachte heer,\n\nIn de bijlage vindt u onze brief.\n\n"
        "Met vriendelijke groet,\n\nJuridische Zaken\n\nGemeente Haarlem\nOnderwerp: uw schadeclaim\n"
        "Geachte heer,\n\nWij wijzen uw claim af.\n"
        "Graag ons kenmerk vermelden bij uw reactie. Kenmerk: JZ/2024/1234567 1/1\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["our_reference"] is None


def test_a_ministers_answers_are_the_ministrys_though_a_question_names_another_writer():
    text = (
        "Vragen van het lid De Vries (CDA) aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties over "
        "de kosten van de proeven (ingezonden 4 februari 2021).\n\n"
        "Antwoord van Minister Visser (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 3 maart 2021).\n\n"
        "Vraag 1\n\nKent u de brief die de gemeente Hengelo namens 19 gemeenten (Brunssum, Den Haag, Eindhoven, "
        "Groningen en Zoetermeer) op 13 juli aan mij heeft verzonden?\n\nAntwoord 1\n\nJa, ik heb de brief "
        "ontvangen via de gemeente Hengelo.\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"


def test_a_members_written_questions_without_answers_are_a_letter_to_the_ministry():
    text = (
        "Vragen van het lid De Vries (CDA) aan de Minister van Infrastructuur en Waterstaat over de "
        "verkiezingen van de waterschappen (ingezonden 4 oktober 2022).\n\nVraag 1\n\n"
        "Klopt het dat de Eerste Kamer het voorstel in november behandelt?\n\nVraag 2\n\n"
        "Wat betekent dat voor de verkiezingen?\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["kind"] == "brief" and facts["date_sent"] == "2022-10-04"
    assert facts["addressees"] == ["ministerie van Infrastructuur en Waterstaat"]
    assert facts["sender"] is None
    assert "ministerie van Infrastructuur en Waterstaat" in facts["organisations_mentioned"]


def test_questions_in_running_text_make_no_letter():
    text = (
        "Verslag van de commissie\n\nDe commissie bespreekt de vragen van het lid De Vries aan de minister. "
        "Daarna volgt de rondvraag.\n"
    )
    assert drafted(text) is None


def test_a_ministry_named_by_the_first_part_of_its_name_beside_its_full_name_is_named_once():
    text = (
        "Geachte voorzitter,\n\nHet Ministerie van Binnenlandse Zaken en Koninkrijksrelaties heeft de cijfers. "
        "Het Ministerie van Binnenlandse Zaken stuurt ze u morgen.\n\nHoogachtend,\n\n"
        "de minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nA.B. Visser\n"
    )
    facts = drafted(text)
    assert facts is not None
    ministries = [m for m in facts["organisations_mentioned"] if m.startswith("ministerie")]
    assert ministries == ["ministerie van Binnenlandse Zaken en Koninkrijksrelaties"]


def test_an_address_a_sentence_introduces_is_no_addressee():
    text = (
        "Van: Xx\nVerzonden: dinsdag 6 oktober 2020 14:21\nAan: (geanonimiseerd)\nOnderwerp: opdrachtbrief\n"
        "Hi Xx\nIn de bijlage vind je de opdrachtbrief.\nBetaling\n"
        "De factuur wordt (in enkelvoud) op naam gesteld van de opdrachtgever:\nGemeente Amsterdam\n"
        "t.a.v. crediteurenadministratie\nPostbus 1000\n1000 AA Amsterdam\n\nMet vriendelijke groet,\n\nXx\n"
        "Projectmanager\nGemeente Amsterdam\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["addressees"] == []


def test_a_forms_place_and_date_label():
    text = (
        "Gemeente Amsterdam\nT.a.v. de afdeling Evenementen\nAmstel 1\n1011 PN AMSTERDAM\n"
        "Plaats en datum: Amsterdam, 17 maart 2023\nBevestigingsnummer: zon-23-101-2202\n"
        "Betreft: reservering van de zaal\n\nGeachte heer, mevrouw,\n\nHierbij bevestigen wij de reservering.\n\n"
        "Met vriendelijke groet,\n\nStadswerf Oost NV\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["date_sent"] == "2023-03-17"


def test_a_mail_headers_weekday_alone_before_the_dates_line():
    text = (
        "Van: Verzekeringen\nVerzonden: vrijdag\n8 november 2024 16:03\nAan: (geanonimiseerd)\n"
        "Onderwerp: Uitkomst van uw schadeclaim\n\nGeachte heer,\n\nIn de bijlage vindt u onze brief.\n\n"
        "Met vriendelijke groet,\n\nJuridische Zaken\nGemeente Haarlem\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["date_sent"] == "2024-11-08"


def test_place_and_date_run_onto_the_references_line():
    text = (
        "FIRMA GRONDWERK B.V.\nZekeringstraat 12\n1014 BV Amsterdam\n\nGemeente Amsterdam\nPostbus 1000\n"
        "1000 AA Amsterdam\nOnze ref: 2718-0179-000.002/AB Amsterdam, 30 augustus 2018\n"
        "Betreft: Onderzoek van de kademuur\nGeachte heer,\n\nHierbij onze aanbieding.\n\nMet vriendelijke groet,\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["date_sent"] == "2018-08-30"


def test_a_receivers_stamp_and_registration_are_not_the_writers():
    text = (
        "Gemeente\nAmsterdam\nAANGETEKEND\n20 MRT 2018\nOntvangen\nBetreft: Wob-verzoek\nAmsterdam, 19 maart 2018\n"
        "Geachte heer/mevrouw,\n\nGraag ontvang ik de stukken over de vergunning van het café.\n\nHoogachtend\n"
        "Docnr: IN-18-10001\nZaaknr:Z-18-20002\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] is None and facts["dossier_references"] == [] and facts["our_reference"] is None


@pytest.mark.parametrize(
    "from_line, name",
    [
        ("From: “Dijk, Anna van” <xx@amsterdam.nl>", "Anna van Dijk"),
        ("From: “Jansen, Anna” xx @amsterdam.nl>", "Anna Jansen"),
        ("Van: Anna de Vries <xx@amsterdam.nl>", "Anna de Vries"),
    ],
)
def test_an_e_mail_signed_with_a_first_name_is_signed_by_its_from_lines_writer(from_line, name):
    text = (
        f"{from_line}\nSent: Thu, 8 Jun 2023 21:07:39 +0200\nTo: (geanonimiseerd)\nSubject: Fwd: de planning\n"
        "Hoi Femke,\nIk hoorde vandaag over de planning. Goed om te weten.\n\nGroet, Anna\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["signatories"] == [{"name": name, "role": None}]


def test_a_first_name_that_is_not_the_from_lines_signs_no_one_of_it():
    text = (
        "From: “Dijk, Anna van” <xx@amsterdam.nl>\nSent: Thu, 8 Jun 2023 21:07:39 +0200\nTo: (geanonimiseerd)\n"
        "Subject: de planning\nHoi Femke,\nIk hoorde vandaag over de planning.\n\nGroet, Piet\n"
    )
    facts = drafted(text)
    assert facts is not None and all(s["name"] != "Anna van Dijk" for s in facts["signatories"])


def test_a_forward_mark_ends_the_replys_own_part():
    text = (
        "From: “Dijk, Anna van” <xx@amsterdam.nl>\nSent: Fri, 23 Sep 2022 07:49:48 +0100\nTo: (geanonimiseerd)\n"
        "Subject: Fwd: antwoorden\nHoi Femke, hier de antwoorden van het bestuur. Groet, Anna.\n"
        "Begin doorgestuurd bericht:\nVan: (geanonimiseerd)\nDatum: 22 september 2022 om 23:53:53 CEST\n"
        "Onderwerp: antwoorden\n\nGeachte leden,\n\nHierbij de antwoorden.\n\nMet vriendelijke groet,\n"
        "Jan de Boer\nGemeente Utrecht\n"
    )
    facts = drafted(text)
    assert facts is not None
    # the writer's own mailbox names her body; the forwarded message's signature ("Gemeente Utrecht") does not
    assert facts["signatories"] == [{"name": "Anna van Dijk", "role": None}] and facts["sender"] == "gm0363"
