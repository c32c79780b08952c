"""Pictures drawn at build time as SVG, with no external request: a correspondence timeline per
organisation and per theme or dossier, and the collaboration network on a chosen date.

The network is laid out by networkx (spring layout, fixed seed: the same graph gives the same
picture). Every picture has a text alternative and its data beside it as JSON.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from html import escape

import networkx as nx  # type: ignore[import-untyped]  # networkx ships no type hints; no stubs pinned
from markupsafe import Markup

from opendata.outputs.site.facts import ORG, TIME
from opendata.outputs.site.layout import file_name
from opendata.outputs.site.words import WORDS

SEED = 7
NETWORK_NODES = 120  # the best connected organisations drawn (the data file lists every link)
NETWORK_LETTER_LINKS = 60  # the strongest letter links drawn; all of them are in the data file
BAR_WIDTH, CHART_HEIGHT = 18, 120
DARK, LIGHT, INK = "#0b4f9c", "#8fb8e8", "#1b1b1b"


def write(site) -> dict[str, dict[str, list]]:
    """Writes the pictures' data files; returns the figure sections per description key and language."""
    sections: dict[str, dict[str, list]] = {}
    for key, months in _timelines(site).items():
        name = file_name(key).rsplit("/", 1)[-1]
        data_file = site.doc / (file_name(key) + ".tijdlijn.json")
        data_file.parent.mkdir(parents=True, exist_ok=True)
        rows = [{"month": m, "sent": s, "received": r} for m, (s, r) in sorted(months.items())]
        site.put(data_file, json.dumps(rows, indent=1) + "\n")
        for lang in ("nl", "en"):
            sections.setdefault(key, {"nl": [], "en": []})[lang].append(
                _figure(
                    lang,
                    WORDS[lang]["timeline"],
                    timeline_svg(rows, lang),
                    _timeline_alt(rows, lang),
                    name + ".tijdlijn.json",
                )
            )
    return sections


def _month_counts() -> defaultdict:
    return defaultdict(lambda: [0, 0])


def _timelines(site) -> dict[str, dict[str, list[int]]]:
    """Per organisation and per theme: month -> [sent, received] (for a theme: [letters, 0])."""
    facts, layout = site.facts, site.layout
    found: dict[str, dict[str, list[int]]] = defaultdict(_month_counts)
    for summary in facts.letters.values():
        if not summary.date:
            continue
        month = summary.date[:7]
        for column, iris in ((0, summary.senders), (1, summary.recipients), (0, summary.themes)):
            for iri in iris:
                key = layout.key_of(iri)
                if key:
                    found[key][month][column] += 1
    return found


def timeline_svg(rows: list[dict], lang: str) -> Markup:
    width = max(1, len(rows)) * BAR_WIDTH * 2 + 40
    peak = max([max(r["sent"], r["received"]) for r in rows] + [1])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {CHART_HEIGHT + 40}" '
        f'width="{width}" height="{CHART_HEIGHT + 40}" aria-hidden="true" focusable="false">'
    ]
    for index, row in enumerate(rows):
        x = 20 + index * BAR_WIDTH * 2
        for offset, count, colour in ((0, row["sent"], DARK), (BAR_WIDTH - 4, row["received"], LIGHT)):
            height = round(CHART_HEIGHT * count / peak)
            parts.append(
                f'<rect x="{x + offset}" y="{CHART_HEIGHT - height + 10}" width="{BAR_WIDTH - 4}" '
                f'height="{height}" fill="{colour}"><title>{escape(row["month"])}: {count}</title></rect>'
            )
        parts.append(
            f'<text x="{x}" y="{CHART_HEIGHT + 28}" font-size="10" fill="{INK}">{escape(row["month"])}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _timeline_alt(rows: list[dict], lang: str) -> str:
    words = WORDS[lang]
    listed = "; ".join(f"{r['month']}: {r['sent']} / {r['received']}" for r in rows)
    return f"{words['received_sent']} {listed}."


def _figure(lang: str, title: str, svg: Markup, alt: str, data_href: str) -> dict:
    return {
        "kind": "figure",
        "title": title,
        "svg": svg,
        "alt": alt,
        "data_href": data_href,
        "data_format": "JSON",
        "ignore": True,
    }


# -- the collaboration network


def network(site, date: str) -> dict:
    """Organisations, the collaborations they belonged to on `date`, and the strongest letter links
    between organisations (weighted by count). Kept to what a picture can show: the JSON beside it
    lists every letter link."""
    facts, shared = site.facts, site.facts.shared
    graph = nx.Graph()
    for membership in shared.subjects:
        if ORG + "Membership" not in shared.types(membership):
            continue
        member, collaboration = (
            shared.first(membership, ORG + "member"),
            shared.first(membership, ORG + "organization"),
        )
        if member and collaboration and _during(shared, membership, date):
            graph.add_edge(member, collaboration, kind="membership", weight=1)
    letters: Counter[tuple[str, str]] = Counter()
    for summary in facts.letters.values():
        for sender in summary.senders:
            for recipient in summary.recipients:
                if sender != recipient:
                    letters[tuple(sorted((sender, recipient)))] += 1
    strongest = sorted(letters.items(), key=lambda item: (-item[1], item[0]))[:NETWORK_LETTER_LINKS]
    for (a, b), count in strongest:
        if graph.has_edge(a, b):
            graph[a][b]["letters"] = count
        else:
            graph.add_edge(a, b, kind="letters", weight=count, letters=count)
    if len(graph) > NETWORK_NODES:  # a picture of thousands of nodes shows nothing: keep the best connected
        ranked = sorted(graph.degree(weight="weight"), key=lambda item: (-item[1], item[0]))
        graph = graph.subgraph(node for node, _ in ranked[:NETWORK_NODES]).copy()
    return {"graph": graph, "date": date, "letters": letters}


def _during(shared, membership: str, date: str) -> bool:
    interval = shared.first(membership, ORG + "memberDuring")
    start = (
        shared.first(shared.first(interval, TIME + "hasBeginning"), TIME + "inXSDDate") if interval else ""
    )
    end = shared.first(shared.first(interval, TIME + "hasEnd"), TIME + "inXSDDate") if interval else ""
    return (not start or start <= date) and (not end or date <= end)


def network_data(site, net: dict) -> dict:
    graph = net["graph"]
    nodes = [{"iri": n, "name": site.facts.label(n) or n} for n in sorted(graph.nodes)]
    edges = [
        {"source": a, "target": b, "kind": d["kind"], "letters": d.get("letters", 0)}
        for a, b, d in sorted((min(a, b), max(a, b), d) for a, b, d in graph.edges(data=True))
    ]
    letters = [{"source": a, "target": b, "letters": n} for (a, b), n in sorted(net["letters"].items())]
    return {"date": net["date"], "nodes": nodes, "edges": edges, "all_letter_links": letters}


def network_svg(site, net: dict, lang: str) -> Markup:
    graph = net["graph"]
    if not graph.nodes:
        return Markup("")
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(sorted((min(a, b), max(a, b), d) for a, b, d in graph.edges(data=True)))
    if "positions" not in net:  # one layout for both languages
        net["positions"] = nx.spring_layout(ordered, seed=SEED, weight="weight", method="force")  # numpy only
    positions = net["positions"]
    size, margin = 640, 80

    def point(node):
        x, y = positions[node]
        return round(margin + (x + 1) / 2 * (size - 2 * margin), 1), round(
            margin + (y + 1) / 2 * (size - 2 * margin), 1
        )

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size}" height="{size}" '
        'aria-hidden="true" focusable="false">'
    ]
    for a, b, data in ordered.edges(data=True):
        (x1, y1), (x2, y2) = point(a), point(b)
        letters = data.get("letters", 0)
        dash = ' stroke-dasharray="4 3"' if data["kind"] == "membership" else ""
        width = 1 + min(letters, 20) * 0.5
        parts.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#555" stroke-width="{width}"{dash}/>'
        )
    for node in ordered.nodes:
        x, y = point(node)
        name = escape(site.facts.label(node) or node)
        parts.append(f'<circle cx="{x}" cy="{y}" r="6" fill="{DARK}"><title>{name}</title></circle>')
        parts.append(f'<text x="{x + 8}" y="{y + 4}" font-size="11" fill="{INK}">{name}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def network_alt(site, net: dict, lang: str) -> str:
    graph, words = net["graph"], WORDS[lang]
    lines = []
    for a, b, data in sorted((min(a, b), max(a, b), d) for a, b, d in graph.edges(data=True)):
        names = f"{site.facts.label(a) or a} – {site.facts.label(b) or b}"
        detail = []
        if data["kind"] == "membership":
            detail.append(words["membership"])
        if data.get("letters"):
            detail.append(
                words["one_letter" if data["letters"] == 1 else "n_letters"].format(n=data["letters"])
            )
        lines.append(f"{names} ({', '.join(detail)})")
    return words["network_at"].format(date=net["date"]) + " " + "; ".join(lines) + "."


def network_section(site, lang: str, net: dict, data_href: str) -> dict:
    return _figure(
        lang, WORDS[lang]["network"], network_svg(site, net, lang), network_alt(site, net, lang), data_href
    )
