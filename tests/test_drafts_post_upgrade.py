"""A draft makes 'de secretaris' the gemeentesecretaris only when the secretaris signs for the municipality
or its college (Gemeentewet art. 102), not when the text makes the secretaris another body's: a stadsdeel's
or a district's committee, the objection committee, the council (its secretary is the griffier). Those
keep the role as written. Letters written for the test (invented people, real places' names)."""

from __future__ import annotations

from opendata.ingest.drafts import Index, Resolver, build_record
from opendata.ingest.extract import extract

HEAD = (
    "Gemeente {place}\nRetouradres: Postbus 10007, 8000 GA {place}\nDatum 3 maart 2022\n"
    "Ons kenmerk ZK-2022-118\nOnderwerp Besluit op uw verzoek\n\nGeachte heer Visser,\n\n"
    "Uw verzoek om informatie wijzen wij gedeeltelijk toe.\n\n"
)


def _draft(text: str) -> tuple[dict, list[tuple[str, str]]]:
    record = build_record(extract(text), "brief", Resolver(Index([], [], set(), {}, {})), [], [])
    return record, [(s["person"], s["role"]) for s in record.get("signatories", [])]


def test_a_district_committees_secretaris_over_blank_lines_stays_secretaris():
    # the stadsdeel's decision: the board, "Namens hen", the secretaris "van" its committee, the municipality
    text = HEAD.format(place="Rotterdam") + (
        "Met vriendelijke groet,\n\nHet dagelijks bestuur\n\nNamens hen\n\nDe secretaris van\n\n"
        "de Gebiedscommissie Charlois, gemeente Rotterdam\n\nP.M. de Wit\n"
    )
    extraction = extract(text)
    assert extraction.sender.value == "gm0599"  # the municipality sends
    assert extraction.signatories[0].post_of.value == "de Gebiedscommissie Charlois"
    record, signatures = _draft(text)
    assert record["sender"] == "gm0599"
    assert signatures == [("p-m-de-wit", "secretaris")]


def test_a_committees_secretaris_on_one_line_stays_secretaris():
    text = HEAD.format(place="Utrecht") + (
        "Met vriendelijke groet,\n\nDe secretaris van de Wijkcommissie Overvecht,\n\nH. Bakker\n"
    )
    record, signatures = _draft(text)
    assert record["sender"] == "gm0344"
    assert signatures == [("h-bakker", "secretaris")]


def test_the_objection_committees_secretaris_stays_secretaris():
    text = HEAD.format(place="Zwolle") + (
        "Hoogachtend,\n\nde secretaris van de commissie bezwaarschriften,\n\nmr. A.J. Kuipers\n"
    )
    record, signatures = _draft(text)
    assert record["sender"] == "gm0193"
    assert signatures == [("a-j-kuipers", "secretaris")]


def test_the_councils_secretaris_stays_secretaris():
    written = HEAD.format(place="Deventer") + "Hoogachtend,\n\nDe secretaris van de raad,\n\nL. Smit\n"
    assert _draft(written)[1] == [("l-smit", "secretaris")]
    # the council as the sender ("De raad van de gemeente Deventer,"): its secretary is no gemeentesecretaris
    board = HEAD.format(place="Deventer") + (
        "Hoogachtend,\n\nDe raad van de gemeente Deventer,\n\nde secretaris,        de voorzitter,\n\n"
        "L. Smit              R.C. König\n"
    )
    record, signatures = _draft(board)
    assert record["sender"] == "raad-gm0150"
    assert signatures == [("l-smit", "secretaris"), ("r-c-konig", "voorzitter")]


def test_the_secretaris_under_burgemeester_en_wethouders_is_the_gemeentesecretaris():
    text = HEAD.format(place="Zwolle") + (
        "Hoogachtend,\n\nBurgemeester en wethouders van Zwolle,\n\nde secretaris,        de burgemeester,\n\n"
        "A.J. Kuipers          P.H. Snijders\n"
    )
    record, signatures = _draft(text)
    assert record["sender"] == "college-gm0193"
    assert signatures == [("a-j-kuipers", "gemeentesecretaris"), ("p-h-snijders", "burgemeester")]
    namens = HEAD.format(place="Leiden") + (
        "Hoogachtend,\n\nBurgemeester en wethouders van Leiden,\nnamens dezen,\nde secretaris,\n\nA.J. Kuipers\n"
    )
    assert _draft(namens)[1] == [("a-j-kuipers", "gemeentesecretaris")]


def test_the_secretaris_of_the_sending_municipality_is_the_gemeentesecretaris():
    text = (
        HEAD.format(place="Leiden")
        + "Hoogachtend,\n\nDe secretaris van de gemeente Leiden,\n\nA.J. Kuipers\n"
    )
    record, signatures = _draft(text)
    assert record["sender"] == "gm0546"
    assert signatures == [("a-j-kuipers", "gemeentesecretaris")]
