"""HTTP content negotiation: the one place that reads an `Accept` header (RFC 9110, section 12.5.1)
or an `Accept-Language` header (section 12.5.4).

Used by the SPARQL endpoint (result formats) and by the website's resolver (description formats,
and the language of a page for people).
The website's negotiation is also written out as regular expressions for nginx and Apache
(`accept_patterns`), which choose exactly as `negotiate` does with `decimals=2`: a web server's
regex cannot compare numbers, so those rules rank q-values by their first two decimals (0.855 and
0.85 are equal, and the earlier in the header wins), and `opendata serve` ranks the website's
formats the same way so that every host answers alike. A type refused by name (q=0) is never
chosen through a wildcard (RFC 9110's "most specific reference"): the rules' second step
(`choice_patterns`) reads the header again for refusals. A more specific range's lower, non-zero
q-value does not lower a wildcard's (`text/*;q=0.5, text/html;q=0.1` gives HTML): the rules rank
ranges, not types.
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


ZERO = r"0(?:\.0{0,3})?"  # the qvalues of a type the header refuses ("not acceptable", RFC 9110 12.4.2)


def _rank(value: str, decimals: int | None) -> float | None:
    """A q-value's rank: 0 for a zero q-value (refused), None for an invalid one (not acceptable); with
    `decimals`, the q-value cut to that many decimals, but a positive q-value stays above 0."""
    value = value.strip()
    if not QVALUE.fullmatch(value):
        return None
    quality = float(value)
    if decimals is None or quality <= 0:
        return quality
    digits = (value.partition(".")[2] + "000")[:decimals]
    cut = 1.0 if value.startswith("1") else int(digits) / 10**decimals
    return cut or 10.0 ** -(decimals + 1)  # 0.001 ranks below 0.01 and above nothing


def _items(accept: str, decimals: int | None = None) -> list[tuple[str, float | None]]:
    """The media ranges of an Accept header with their q-value's rank (`_rank`), in its order."""
    items = []
    for item in accept.split(","):
        kind, *params = [part.strip() for part in item.split(";")]
        quality: float | None = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                quality = _rank(value, decimals)
        if kind:
            items.append((kind.lower(), quality))
    return items


def _ranked(accept: str, decimals: int | None = None) -> list[str]:
    """The acceptable media ranges of an Accept header, best first: by q-value, then by their order."""
    ranked = [
        (-quality, order, kind) for order, (kind, quality) in enumerate(_items(accept, decimals)) if quality
    ]
    return [kind for _, _, kind in sorted(ranked)]


def refused(accept: str, offers: Mapping[str, Offer]) -> list[Offer]:
    """The offers the header refuses by name: one of their media types listed with q=0."""
    return [offers[kind] for kind, quality in _items(accept) if quality == 0 and kind in offers]


def _chosen(kind: str, offers: Mapping[str, Offer], refusals: list[Offer]) -> Offer | None:
    """The offer a media range chooses: its own type's; a wildcard's, the first offer it covers that the
    header does not refuse by name ("*/*, text/html;q=0": not HTML; RFC 9110 12.5.1, the most specific
    reference decides). None when it covers only refused offers."""
    if "*" not in kind:
        return offers[kind]
    family = kind.partition("/")[0] + "/"
    covered = (offer for media, offer in offers.items() if kind == "*/*" or media.startswith(family))
    return next((offer for offer in covered if offer not in refusals), None)


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

    A range such as `text/*` or `*/*` takes the first offer it covers that the header does not refuse
    with q=0, so `offers` lists the preferred media type of each family first; a best range that covers
    only refused offers is not acceptable (as the web servers' rules have it: `choice_patterns`).
    `decimals`: rank q-values by that many decimals only.
    """
    if not accept.strip():
        return next(iter(offers.values()))
    covered = ranges(offers)
    for kind in _ranked(accept, decimals):
        if kind in covered:
            return _chosen(kind, offers, refused(accept, offers))
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


def choice_patterns(offers: Mapping[str, str]) -> list[tuple[str, str]]:
    """The second step of the web servers' rules: (offer, regex) matched case-insensitively against
    "RANGE|ACCEPT", the media range `accept_patterns` chose and the header. A media type chooses its
    offer; a wildcard the first offer it covers that the header does not refuse (`_chosen`): each
    offer's pattern asks that the header refuse the offers before it and not this one."""
    by_offer: dict[str, list[str]] = {}
    for media, offer in offers.items():
        by_offer.setdefault(offer, []).append(re.escape(media))
    patterns = [(offer, "^(?:" + "|".join(kinds) + r")\|") for offer, kinds in by_offer.items()]
    for wildcard in ranges(offers):
        if "*" not in wildcard:
            continue
        family = wildcard.partition("/")[0] + "/"
        covered = dict.fromkeys(o for m, o in offers.items() if wildcard == "*/*" or m.startswith(family))
        before = ""
        for offer in covered:
            refusal = _refusal(by_offer[offer])
            patterns.append((offer, f"^{re.escape(wildcard)}{before}(?!{refusal})\\|"))
            before += f"(?={refusal})"
    return patterns


def _refusal(kinds: list[str]) -> str:
    """A regex (at the "|" after RANGE) that finds one of the media types `kinds` listed with q=0 in the
    header that follows."""
    params = r"(?:;(?!\s*q\s*=)[^;,]*)*"
    return rf".*(?:\||,)\s*(?:{'|'.join(kinds)})\s*{params};\s*q\s*=\s*{ZERO}\s*(?:;[^,]*)?(?:,|$)"


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
