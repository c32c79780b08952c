"""VoID statistics of the graph, counted in one pass over its N-Triples (no RDF library).

Subjects and predicates of N-Triples never contain a space, so each line splits into subject,
predicate and object at its first two spaces. Memory grows with the distinct subjects and objects,
not with the triples.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from opendata.model.model import RDF_TYPE

RDF_TYPE_TERM = f"<{RDF_TYPE}>"  # as N-Triples writes it


@dataclass
class Statistics:
    triples: int = 0
    entities: int = 0  # distinct IRI subjects
    distinct_subjects: int = 0
    distinct_objects: int = 0
    class_entities: Counter = field(default_factory=Counter)  # class IRI -> instances
    property_triples: Counter = field(default_factory=Counter)  # property IRI -> triples
    examples: dict[str, str] = field(
        default_factory=dict
    )  # class IRI -> its first IRI instance, in IRI order


def statistics(chunks: Iterable[str]) -> Statistics:
    """Counts for void.ttl from the graph's N-Triples text, given in chunks of whole lines."""
    result = Statistics()
    subjects: set[str] = set()
    objects: set[str] = set()
    properties: Counter = Counter()
    typed: list[tuple[str, str]] = []
    for chunk in chunks:
        for line in filter(
            None, chunk.split("\n")
        ):  # N-Triples lines end in LF; splitlines() also cuts at U+2028
            subject, predicate, rest = line.split(" ", 2)
            subjects.add(subject)
            objects.add(rest[:-2])  # without " ."
            properties[predicate] += 1
            if predicate == RDF_TYPE_TERM:
                typed.append((rest[1:-3], subject))
    for cls, subject in typed:
        result.class_entities[cls] += 1
        if subject.startswith("<") and (cls not in result.examples or subject[1:-1] < result.examples[cls]):
            result.examples[cls] = subject[1:-1]
    result.triples = sum(properties.values())
    result.entities = sum(1 for subject in subjects if subject.startswith("<"))
    result.distinct_subjects = len(subjects)
    result.distinct_objects = len(objects)
    result.property_triples = Counter({p[1:-1]: n for p, n in properties.items()})
    return result
