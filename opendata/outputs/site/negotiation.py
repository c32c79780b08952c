"""HTTP content negotiation: the one place that reads an `Accept` header (RFC 9110, section 12.5.1)
or an `Accept-Language` header (section 12.5.4).

Used by the SPARQL endpoint (result formats) and by the website's resolver (description formats,
and the language of a page for people).
The website's negotiation is also written out as regular expressions for nginx and Apache
(`accept_patterns`), which choose exactly as `negotiate` does with `decimals=2`: a web server's
regex cannot compare numbers, so those rules rank q-values by their first two decimals (0.855 and
0.85 are equal, and the earlier in the header wins), and `opendata serve` ranks the website's
formats the same way so that every host answers alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

Offer = TypeVar("Offer")

# A language range (RFC 4647: a primary tag and subtags, or *); an offered language is chosen by a range
# of its primary tag ("en-GB" chooses "en", as a lookup falls back from the range to its prefix).
LANGUAGE_RANGE = re.compile(r"(?:[a-z]{1,8}(?:-[a-z0-9]{1,8})*|\*)", re.IGNORECASE)
QVALUE = re.compile(r"0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?")  # RFC 9110's qvalue; anything else: not acceptable
STATIC_DECIMALS = 2  # the precision of q-values in the website's negotiation (see above)


def _rank(value: str, decimals: int | None) -> float:
    """A q-value's rank: 0 for an invalid or zero q-value (not acceptable); with `decimals`, the
    q-value cut to that many decimals, but a positive q-value stays above 0."""
    value = value.strip()
    if not QVALUE.fullmatch(value):
        return 0.0
    quality = float(value)
    if decimals is None or quality <= 0:
        return quality
    digits = (value.partition(".")[2] + "000")[:decimals]
    cut = 1.0 if value.startswith("1") else int(digits) / 10**decimals
    return cut or 10.0 ** -(decimals + 1)  # 0.001 ranks below 0.01 and above nothing


def _ranked(accept: str, decimals: int | None = None) -> list[str]:
    """The media ranges of an Accept header, best first: by q-value, then by their order in the header."""
    ranked = []
    for order, item in enumerate(accept.split(",")):
        kind, *params = [part.strip() for part in item.split(";")]
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                quality = _rank(value, decimals)
        if quality > 0 and kind:
            ranked.append((-quality, order, kind.lower()))
    return [kind for _, _, kind in sorted(ranked)]


def ranges(offers: Mapping[str, Offer]) -> dict[str, Offer]:
    """Every media range that selects an offer: the offers' own types, then `*/*` and `type/*`,
    each answered by the first offer it covers (so `offers` lists the preferred type of each family first)."""
    chosen = dict(offers)
    first = next(iter(offers.values()))
    chosen["*/*"] = first
    for media, offer in offers.items():
        chosen.setdefault(media.partition("/")[0] + "/*", offer)
    return chosen


def negotiate(accept: str, offers: dict[str, Offer], decimals: int | None = None) -> Offer | None:
    """The offer for the best acceptable media type; the first offer when there is no Accept; None: 406.

    A range such as `text/*` or `*/*` takes the first offer it covers, so `offers` lists the
    preferred media type of each family first. `decimals`: rank q-values by that many decimals only.
    """
    if not accept.strip():
        return next(iter(offers.values()))
    covered = ranges(offers)
    for kind in _ranked(accept, decimals):
        if kind in covered:
            return covered[kind]
    return None


def negotiate_language(accept_language: str, offers: Mapping[str, Offer]) -> Offer:
    """The offer for the best acceptable language of an Accept-Language header, q-values ranked to
    two decimals as the web servers' rules do (`language_patterns`); `*`, no header or no offered
    language: the first offer (the default language; a page in it is better than a 406)."""
    default = next(iter(offers.values()))
    for language in _ranked(accept_language, STATIC_DECIMALS):
        if not LANGUAGE_RANGE.fullmatch(language):
            continue
        if language == "*":
            return default
        primary = language.partition("-")[0]
        if primary in offers:
            return offers[primary]
    return default


def language_patterns(offers: Mapping[str, str]) -> tuple[list[str], list[tuple[str, str]]]:
    """What `negotiate_language` does, as regexes for nginx and Apache: `accept_patterns`' first step
    over the ranges of offered languages and * (group 1 captures the range that chooses; a range of
    another language is passed over, as `negotiate_language` passes it) and, for the second, each offer's
    (choice, regex of the ranges that choose it); a range no second pattern matches (*, or nothing
    chosen): the first offer."""
    tags = "|".join(re.escape(tag) for tag in offers)
    return _patterns(rf"(?:(?:{tags})(?:-[a-z0-9]{{1,8}})*|\*)"), [
        (choice, f"^(?:{re.escape(tag)})(?:-.*)?$") for tag, choice in offers.items()
    ]


def _at_least(hundredths: int) -> str:
    """A regex for the qvalues whose first two decimals are at least `hundredths` (1-100); 0: any positive."""
    options = [r"1(?:\.0{0,3})?"]
    if hundredths == 0:
        options.append(r"0\.(?:[1-9][0-9]{0,2}|0[1-9][0-9]?|00[1-9])")
    elif hundredths < 100:
        tenth, hundredth = divmod(hundredths, 10)
        if tenth < 9:
            options.append(rf"0\.[{tenth + 1}-9][0-9]{{0,2}}")
        if hundredth == 0:
            options.append(rf"0\.{tenth}[0-9]{{0,2}}")
        else:
            options.append(rf"0\.{tenth}[{hundredth}-9][0-9]?")
    return "(?:" + "|".join(options) + ")"


def accept_patterns(offers: Mapping[str, object]) -> list[str]:
    """Regular expressions (PCRE and Python alike, to be matched case-insensitively) that negotiate as
    `negotiate(accept, offers, STATIC_DECIMALS)` does: tried in order, the first that matches an
    Accept header captures (group 1) the media range that chose; none matches: 406 (or no Accept:
    the first offer). Pattern k finds the header's first acceptable item whose q-value is at least
    the k-th highest rank, so the first pattern that matches finds the best item."""
    return _patterns("(?:" + "|".join(re.escape(kind) for kind in ranges(offers)) + ")")


def _patterns(media: str) -> list[str]:
    """`accept_patterns` for items whose range matches the (non-capturing) regex `media`."""
    patterns = []
    for hundredths in range(10**STATIC_DECIMALS, -1, -1):
        quality = rf"(?:;\s*q\s*=\s*{_at_least(hundredths)}\s*(?:;[^,]*)?)?"
        item = r"\s*MEDIA\s*(?:;(?!\s*q\s*=)[^;,]*)*" + quality + r"\s*(?:,|$)"
        patterns.append(
            "^(?:(?!" + item.replace("MEDIA", media) + ")[^,]*,)*" + item.replace("MEDIA", "(" + media + ")")
        )
    return patterns
