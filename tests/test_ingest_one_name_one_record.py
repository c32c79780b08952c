"""One person or organisation written twice is one draft record: an organisation written with a hyphen
and with a space ("BSD-fractie", "BSD fractie": opendata ingest on the 60 real texts and 16 PDFs made
two), a person whose initials OCR ran together ("LR. van der Kok" for "I.R. van der Kok": the dot of an
I joined into an L; ingest on 900 synthetic renderings made five such second people). Where a reading
of the initials is not certain (an L that stands alone, "L. Bakker"; two people it could be) a new
person stays new. Names invented for the test."""

from __future__ import annotations

from opendata.ingest.drafts import Index, Resolver
from opendata.ingest.extract_results import Found


def _found(value: str) -> Found:
    return Found(value, 0, len(value), 0.85, None, value)


def test_an_organisation_written_with_a_hyphen_or_a_space_is_one(into):
    resolver = Resolver(Index.load(into))
    first = resolver.organisation(_found("Fractie Lokaal-Belang"), "brief-a")
    assert resolver.organisation(_found("Fractie Lokaal Belang"), "brief-b") == first
    assert resolver.organisation(_found("FRACTIE LOKAAL BELANG"), "brief-c") == first
    assert len(resolver.new_organisations) == 1


def test_initials_ocr_ran_together_name_the_person_already_known(into):
    resolver = Resolver(Index.load(into))
    clean = resolver.person(_found("I.R. van Dommelen"), "brief-a")
    assert resolver.person(_found("LR. van Dommelen"), "brief-b") == clean
    other = resolver.person(_found("I.I.E. Zwartsenberg"), "brief-c")
    assert resolver.person(_found("Ll.E. Zwartsenberg"), "brief-d") == other
    assert len(resolver.new_people) == 2


def test_an_initial_l_written_as_such_is_another_person(into):
    resolver = Resolver(Index.load(into))
    ida = resolver.person(_found("I. Bakkenes"), "brief-a")
    assert resolver.person(_found("L. Bakkenes"), "brief-b") != ida
    peter = resolver.person(_found("P.I. Hogeveen"), "brief-c")
    assert resolver.person(_found("PL. Hogeveen"), "brief-d") != peter  # P.L. with a dot lost
    assert len(resolver.new_people) == 4


def test_run_together_initials_are_read_as_written_first(into):
    resolver = Resolver(Index.load(into))
    ir = resolver.person(_found("I.R. Wolthuis"), "brief-a")
    lr = resolver.person(_found("L.R. Wolthuis"), "brief-b")
    assert resolver.person(_found("LR. Wolthuis"), "brief-c") == lr  # as written, the same letters
    assert ir != lr
