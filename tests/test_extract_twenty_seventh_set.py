"""The classes the twenty-seventh unseen set showed (docs/ingest.md, "A twenty-seventh unseen set"), in
letters written for the test (invented words and people, real bodies' names): a joint arrangement writing
to its participants; an attachment's heading in capitals with its year under the closing; a minister's
surname of two names on its own line; a reference whose prefix is two capitals and a full stop."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted

TO_PARTICIPANTS = (
    "Aan de deelnemers van recreatieschap Stichtse Groenlanden: de raden en colleges van de gemeenten en "
    "de staten en het college van de provincie Utrecht.\n\n"
    "Ons kenmerk: Z-2024-118 Onderwerp: Kaders voor de begroting 2025\n\nUtrecht, 4 maart 2024\n\n"
    "Geachte deelnemer aan recreatieschap Stichtse Groenlanden,\n\n"
    "Hierbij ontvangt u de kaders voor de begroting die het algemeen bestuur vaststelde.\n\n"
    "Met vriendelijke groet, {closing}\n\n[naam] Secretaris\n\nKADERS BEGROTING 2025 E.V.\n\n4 MAART 2024\n"
)


def test_a_joint_arrangement_writing_to_its_participants_is_the_sender_and_no_addressee():
    facts = drafted(TO_PARTICIPANTS.format(closing="namens het dagelijks bestuur"))
    assert facts is not None
    assert facts["sender"] == "so0200"
    assert facts["sender_body"] == "dagelijks-bestuur"
    assert "so0200" not in facts["addressees"]


def test_the_board_the_closing_signs_for_is_the_senders_body():
    facts = drafted(TO_PARTICIPANTS.format(closing="namens het algemeen bestuur"))
    assert facts is not None and (facts["sender"], facts["sender_body"]) == ("so0200", "algemeen-bestuur")


def test_an_attachments_heading_with_its_year_under_the_closing_signs_no_one():
    facts = drafted(TO_PARTICIPANTS.format(closing="namens het dagelijks bestuur"))
    assert facts is not None and facts["signatories"] == []


def test_an_arrangement_merely_named_in_a_letter_is_no_sender():
    text = (
        "Gemeente Houten\n\nAan de raad van de gemeente Houten\n\nHouten, 4 maart 2024\n\nGeachte raad,\n\n"
        "Wij melden u dat recreatieschap Stichtse Groenlanden een nieuw pad aanlegt.\n\n"
        "Met vriendelijke groet,\n\nBurgemeester en wethouders van Houten,\n\nde secretaris, de burgemeester,\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] != "so0200"


@pytest.mark.parametrize(
    "name",
    ["M.H. Schultz van Haegen-Maas Geesteranus", "P. de Vries Lentsch", "A.B. Jansen van Dijk"],
)
def test_a_surname_of_two_names_on_its_own_line_is_signed_whole(name):
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nPostbus 20018\n2500 EA Den Haag\n\n"
        "Datum 4 maart 2016\nBetreft Uitstel van de reactie\n\nGeachte voorzitter,\n\n"
        "Ik stuur u de reactie later dan beloofd.\n\nHoogachtend,\n\n"
        f"De Minister van Infrastructuur en Milieu,\n{name}\n"
    )
    facts = drafted(text)
    assert facts is not None and [s["name"] for s in facts["signatories"]] == [name]


@pytest.mark.parametrize("post", ["Burgemeester", "Portefeuillehouder", "Omgevingsmanager"])
def test_a_post_after_a_name_is_no_part_of_its_surname(post):
    text = (
        "Gemeente Houten\n\nAan de raad\n\nHouten, 4 maart 2024\n\nGeachte raad,\n\nWij melden u het nieuwe pad."
        f"\n\nMet vriendelijke groet,\n\nJ. Jansen {post}\n"
    )
    facts = drafted(text)
    assert facts is not None and f"J. Jansen {post}" not in [s["name"] for s in facts["signatories"]]


def test_a_reference_with_a_prefix_of_two_capitals_and_a_full_stop():
    text = (
        "Ministerie van Landbouw, Natuurbeheer en Visserij\n\nDe Voorzitter van de Tweede Kamer\nPostbus 20018\n"
        "2500 EA Den Haag\nuw brief van\n\nuw kenmerk\n\nons kenmerk\nDL. 2001/5120\ndatum\n20-11-2001\n\n"
        "onderwerp\nWaterberging\n\nGeachte Voorzitter,\n\nIk bericht u over de berging.\n\nHoogachtend,\n\n"
        "De minister van Landbouw, Natuurbeheer en Visserij,\n\nmr. K. Bos\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["our_reference"] == "DL. 2001/5120"
