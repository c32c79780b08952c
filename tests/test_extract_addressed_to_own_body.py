"""A body's letter to its own department, addressed by the body's name over an attention line.

A real letter of Provincie Overijssel (the eighteenth unseen set) closes a notification its own road
department made: under the letterhead the address window reads "Provincie Overijssel" / "t.a.v." /
"Heetenseweg 2" / "8102 PE RAALTE". The sender's own name in the address was taken for its letterhead,
so the letter had no addressee. The letters below are made up."""

from opendata.ingest.extract import extract


def _letter(window: str) -> str:
    return (
        "Provincie Overijssel\n"
        "Luttenbergstraat 2\n"
        "Postbus 10078\n"
        "8000 GB Zwolle\n"
        "www.overijssel.nl\n"
        f"{window}"
        "Datum: 12.11.2024\n"
        "Kenmerk: D2024-00000001\n"
        "Onderwerp: Afrondingsbrief\n"
        "Geachte heer,\n"
        "Op 1 oktober 2024 ontvingen wij uw melding, namens de provincie, voor het kappen van bomen.\n"
        "Met vriendelijke groet,\n"
        "Procedureondersteuning\n"
    )


def test_the_own_body_over_an_attention_line_is_the_addressee():
    for window in (
        "Provincie Overijssel\nt.a.v.\nHeetenseweg 2\n8102 PE RAALTE\n",
        "Provincie Overijssel\nT.a.v. team Wegen\nPostbus 99\n8100 AB Raalte\n",
    ):
        facts = extract(_letter(window)).facts()
        assert facts["sender"] == "pv23"
        assert facts["addressees"] == ["pv23"], window


def test_the_letterhead_alone_is_no_addressee():
    facts = extract(_letter("")).facts()
    assert facts["sender"] == "pv23"
    assert facts["addressees"] == []
