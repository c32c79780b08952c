"""A writer that is no public body and signs with no name prints its own name over its address under
the closing: on one line ("Bosgroep … | street | postcode place", a cooperative's e-mail to a province)
or on lines of their own ("… nv" / street / postcode, a municipal company's e-mail to a municipality's
official). The first had no sender; the second was given the municipality, whose addresses (the
receiver's and a quoted message's) were the only government addresses in the text. Now the name as
written, where it says what it is (an association's or group's word, a legal form). Invented mails."""

from __future__ import annotations

from opendata.ingest.extract import extract

ONE_LINE = (
    "Onderwerp: FW: toestemming eigenaar\n"
    "Van: @bosgroep-zuidoost.example>\n"
    "Verzonden: maandag 7 oktober 2024 11:20\n"
    "Aan: @drenthe.nl>\n"
    "Onderwerp: toestemming eigenaar\n"
    "Dag,\n"
    "Hierbij stuur ik je de toestemming van de eigenaar van het perceel.\n"
    "Met vriendelijke groet,\n"
    "Bosgroep Zuidoost Drenthe | Heideweg 3 | 9411 AB Beilen\n"
    "www.bosgroep-zuidoost.example\n"
)

LINES = (
    "Van: (geanonimiseerd) @groenbeheer-oost.example>\n"
    "Verzonden: dinsdag 6 augustus 2019 09:21\n"
    "Aan: (geanonimiseerd)@enschede.nl>\n"
    "Onderwerp: FW: meldingen over boomwortels\n"
    "Goedemorgen,\n"
    "Zie onderstaand in verband met de meldingen.\n"
    "Met vriendelijke groet,\n"
    "(geanonimiseerd)\n"
    "Groenbeheer Oost nv\n"
    "Industrieweg 12\n"
    "7511 AB ENSCHEDE\n"
    "T: 053 000 00 00\n"
    "Van: Wijkbeheer <wijkbeheer@enschede.nl>\n"
    "Verzonden: maandag 5 augustus 2019 15:02\n"
    "Aan: (geanonimiseerd)\n"
    "Onderwerp: meldingen over boomwortels\n"
    "Beste collega,\n"
    "Kun jij de meldingen over de wortels in de stoep nakijken?\n"
    "Groeten,\n"
    "Wijkbeheer\n"
)


def test_an_association_on_one_line_under_the_closing_sends():
    assert extract(ONE_LINE).facts()["sender"] == "Bosgroep Zuidoost Drenthe"


def test_a_company_over_its_address_lines_sends_not_the_receivers_domain():
    assert extract(LINES).facts()["sender"] == "Groenbeheer Oost nv"


def test_a_person_over_an_address_sends_nothing():
    text = ONE_LINE.replace("Bosgroep Zuidoost Drenthe |", "Jan de Vries |")
    assert extract(text).facts()["sender"] is None


def test_a_name_that_says_not_what_it_is_sends_nothing():
    text = LINES.replace("Groenbeheer Oost nv", "Groenbeheer Oost")
    assert extract(text).facts()["sender"] != "Groenbeheer Oost"
