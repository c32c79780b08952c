"""HTTP content negotiation: the one place that reads an `Accept` header (RFC 9110, section 12.5.1).

Used by the SPARQL endpoint (result formats) and by the website's resolver (description formats).
"""

from __future__ import annotations

from typing import TypeVar

Offer = TypeVar("Offer")


def _ranked(accept: str) -> list[str]:
    """The media ranges of an Accept header, best first: by q-value, then by their order in the header."""
    ranked = []
    for order, item in enumerate(accept.split(",")):
        kind, *params = [part.strip() for part in item.split(";")]
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0 and kind:
            ranked.append((-quality, order, kind.lower()))
    return [kind for _, _, kind in sorted(ranked)]


def negotiate(accept: str, offers: dict[str, Offer]) -> Offer | None:
    """The offer for the best acceptable media type; the first offer when there is no Accept; None: 406.

    A range such as `text/*` or `*/*` takes the first offer it covers, so `offers` lists the
    preferred media type of each family first.
    """
    if not accept.strip():
        return next(iter(offers.values()))
    for kind in _ranked(accept):
        if kind in offers:
            return offers[kind]
        major, _, minor = kind.partition("/")
        if minor == "*":
            covered = [
                offer for media, offer in offers.items() if major == "*" or media.startswith(major + "/")
            ]
            if covered:
                return covered[0]
    return None
