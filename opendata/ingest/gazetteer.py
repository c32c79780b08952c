"""Government organisations by name, from the TOOI register, for resolving names in letters.

The register holds every municipality, province, water authority and joint arrangement, historic
ones with their end dates. A name in a letter is resolved against it by its folded key (letters and
digits only, so "Zuid-Holla nd" is "zuidholland"), then by fuzzy matching (rapidfuzz) for worse OCR
damage. Only organisations that existed on the letter's date are candidates, so a municipality
merged away before the letter was written is never the answer; a name that fits two organisations
alike stays unresolved rather than guessed.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from opendata.ingest.extract_noise import fold
from opendata.model.register import RegisteredOrganisation, load_register

# Words the register puts before a name that letters often leave out or write differently.
_PREFIXES = (
    "gemeente ",
    "provincie ",
    "waterschap ",
    "hoogheemraadschap van ",
    "hoogheemraadschap ",
    "wetterskip ",
    "openbaar lichaam ",
)
FUZZY_CUTOFF = 90
# Names letters give a municipality that its register name is not: the statutory name where the
# register uses the common one ("het college van burgemeester en wethouders van 's-Gravenhage", the
# register's "Den Haag"), and the common name where it uses the statutory one.
ALSO_WRITTEN: Mapping[str, tuple[str, ...]] = {
    "gm0518": ("'s-Gravenhage",),
    "gm0796": ("Den Bosch",),
    # national bodies by the short names their letterheads and signatures use
    "zb000195": ("Kadaster",),  # "Dienst voor het kadaster en de openbare registers"
    "oorg10039": ("Afdeling bestuursrechtspraak",),  # "… van de Raad van State"
}
_CHOICES: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def ocr_key(key: str) -> str:
    """A folded key with the shapes OCR confuses made equal (rn/m, vv/w, 1/l/i, 0/o), for both sides."""
    for seen, meant in (("rn", "m"), ("vv", "w"), ("ij", "y"), ("1", "l"), ("i", "l"), ("0", "o")):
        key = key.replace(seen, meant)
    return key


@dataclass(frozen=True)
class Resolution:
    code: str
    name: str
    kind: str
    score: float  # 0..1, 1 for an exact folded match


# The kind words of joint arrangements' names and the abbreviations letters use for them ("RUD Zeeland" for
# the register's "Regionale uitvoeringsdienst Zeeland", "GGD Gelderland-Zuid" for "Gemeentelijke
# Gezondheidsdienst Gelderland-Zuid"): a name is also known by the other form.
KIND_ABBREVIATIONS = (
    ("Regionale uitvoeringsdienst", "RUD"),
    ("Veiligheidsregio", "VR"),
    ("Omgevingsdienst", "OD"),
    ("Gemeentelijke gezondheidsdienst", "GGD"),
    ("Gemeenschappelijke gezondheidsdienst", "GGD"),
)


def other_forms(name: str) -> set[str]:
    """A joint arrangement's name with its kind words abbreviated, or written out where the name
    abbreviates them (KIND_ABBREVIATIONS); none for other names. Only before a capitalised name."""
    found = set()
    for full, short in KIND_ABBREVIATIONS:
        for written, other in ((full, short), (short, full)):
            rest = name[len(written) :]
            if name[: len(written)].lower() == written.lower() and re.match(r" [A-Z]", rest):
                found.add(other + rest)
    return found


def _keys(org: RegisteredOrganisation) -> set[str]:
    """The folded names an organisation may be written as: full name, and without its kind word."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", org.name)  # "Bergen (NH)": letters write "Bergen"
    keys = {fold(org.name), fold(name), *(fold(other) for other in ALSO_WRITTEN.get(org.code, ()))}
    for written in (name, org.name):
        lowered = written.lower()
        for prefix in _PREFIXES:
            if lowered.startswith(prefix):
                keys.add(fold(written[len(prefix) :]))
    keys |= {fold(other) for other in other_forms(name)}
    # "Mill en St. Hubert", "St. Michielsgestel": letters shorten Sint to St.
    keys |= {key.replace("sint", "st") for key in keys if re.search(r"\bSint\b", name)}
    return {key for key in keys if len(key) >= 3}


def _leading_keys(org: RegisteredOrganisation) -> set[str]:
    """Folded first words of a name ("Valkenburg" of "Valkenburg aan de Geul"): letters shorten names so."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", org.name)
    lowered = name.lower()
    for prefix in _PREFIXES:
        if lowered.startswith(prefix):
            name = name[len(prefix) :]
            break
    words = name.split()
    return {fold(" ".join(words[:count])) for count in range(1, len(words))} - {""}


@dataclass(frozen=True)
class Gazetteer:
    by_key: Mapping[str, tuple[RegisteredOrganisation, ...]]
    keys_by_kind: Mapping[str, tuple[str, ...]]
    by_leading_key: Mapping[str, tuple[RegisteredOrganisation, ...]] = field(default_factory=dict)

    def resolve(
        self, name: str, *, kinds: Sequence[str] | None = None, date: str | None = None, fuzzy: bool = True
    ) -> Resolution | None:
        """The one organisation `name` stands for on `date` (ISO), among `kinds`, or None."""
        key = fold(name)
        if len(key) < 3:
            return None
        # Without the letter's date, organisations that still exist go first, then historic ones.
        for strict in (True, False) if date is None else (True,):
            exact = self._alive(self.by_key.get(key, ()), kinds, date, strict)
            if exact:
                return self._single(exact, 1.0)
            leading = (
                self._alive(self.by_leading_key.get(key, ()), kinds, date, strict) if len(key) >= 5 else []
            )
            if leading:
                return self._single(leading, 0.85)
        if not fuzzy or len(key) < 5:
            return None
        choices, ocr_choices = self._choices(kinds)
        best = process.extract(
            ocr_key(key), ocr_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3
        )
        scored = [(choices[index], score) for _choice, score, index in best]
        candidates = [
            org for choice, _score in scored for org in self._alive(self.by_key[choice], kinds, date)
        ]
        if not scored or not candidates:
            return None
        top = max(score for _choice, score in scored)
        winners = [
            org
            for choice, score in scored
            if score == top
            for org in self._alive(self.by_key[choice], kinds, date)
        ]
        return self._single(winners, top / 100 * 0.9)

    def namesakes(
        self, name: str, *, kinds: Sequence[str], date: str | None = None
    ) -> list[RegisteredOrganisation]:
        """Every organisation of `kinds` that `name` is exactly the name of on `date` ("Bergen": the
        municipalities in Limburg and North Holland), for a caller that can tell them apart."""
        return self._alive(self.by_key.get(fold(name), ()), kinds, date)

    def _choices(self, kinds: Sequence[str] | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The keys of organisations of `kinds`, and the same keys through ocr_key (computed once)."""
        wanted = tuple(kinds or ())
        if wanted not in _CHOICES:
            keys = (
                tuple(self.by_key)
                if not wanted
                else tuple(key for kind in wanted for key in self.keys_by_kind.get(kind, ()))
            )
            _CHOICES[wanted] = (keys, tuple(ocr_key(key) for key in keys))
        return _CHOICES[wanted]

    @staticmethod
    def _alive(
        orgs: Iterable[RegisteredOrganisation],
        kinds: Sequence[str] | None,
        date: str | None,
        strict: bool = False,
    ) -> list[RegisteredOrganisation]:
        """The organisations of `kinds` that existed on `date`; without a date, current ones
        (strict) or, failing those, all."""
        fitting = [org for org in orgs if not kinds or org.kind in kinds]
        if date:
            return [org for org in fitting if org.existed_on(date)]
        current = [org for org in fitting if not org.end]
        return current if strict else (current or fitting)

    @staticmethod
    def _single(orgs: list[RegisteredOrganisation], score: float) -> Resolution | None:
        unique = {org.code: org for org in orgs}
        if len(unique) != 1:
            return None  # two organisations fit alike: not guessed
        org = next(iter(unique.values()))
        return Resolution(org.code, org.name, org.kind, score)

    def names_of_kinds(self, kinds: Sequence[str]) -> dict[str, str]:
        """Register names (as written there) of the organisations of `kinds`, by code."""
        return {org.code: org.name for orgs in self.by_key.values() for org in orgs if org.kind in kinds}


@functools.cache
def load_gazetteer() -> Gazetteer:
    by_key: dict[str, list[RegisteredOrganisation]] = defaultdict(list)
    by_leading_key: dict[str, list[RegisteredOrganisation]] = defaultdict(list)
    keys_by_kind: dict[str, set[str]] = defaultdict(set)
    for org in load_register().by_code.values():
        if org.kind == "ministerie":  # found by their own closed list of names (extract_organisations)
            continue
        for key in _keys(org):
            by_key[key].append(org)
            keys_by_kind[org.kind].add(key)
        for key in _leading_keys(org):
            by_leading_key[key].append(org)
    return Gazetteer(
        {key: tuple(orgs) for key, orgs in by_key.items()},
        {kind: tuple(sorted(keys)) for kind, keys in keys_by_kind.items()},
        {key: tuple(orgs) for key, orgs in by_leading_key.items()},
    )


def province_of_town(words: str) -> str | None:
    """The TOOI code of the province of the municipality whose name opens `words` exactly ("MIDDELBURG
    Oostburg" -> pv29; the longest name first, "Bergen op Zoom" before "Bergen"), or None."""
    split = words.split()
    for count in range(min(4, len(split)), 0, -1):
        found = load_gazetteer().resolve(" ".join(split[:count]), kinds=("gemeente",), fuzzy=False)
        if found is not None and found.score == 1.0:
            return load_register().by_code[found.code].province or None
    return None


def groups_from_dataset(datasets: Path) -> dict[str, tuple[str, ...]]:
    """Collaborations a dataset knows, by name, with the TOOI codes of their member municipalities.

    A letter signed "namens de vijf colleges van de Leidse regio" names a group the register does not
    hold; the dataset's organisations.yaml and memberships.yaml say who is in it. Members that are
    bodies of a municipality (a college) count as that municipality (their `part_of`).
    """
    organisations = _read_list(datasets / "organisations.yaml")
    memberships = _read_list(datasets / "memberships.yaml")
    part_of = {org["id"]: org.get("part_of") for org in organisations if "id" in org}
    members: dict[str, set[str]] = defaultdict(set)
    for membership in memberships:
        member = str(membership.get("member", ""))
        code = member if member not in part_of else (part_of.get(member) or "")
        if code and code in load_register():
            members[str(membership.get("organisation", ""))].add(code)
    groups: dict[str, tuple[str, ...]] = {}
    for org in organisations:
        codes = members.get(org.get("id", "")) or _members_of_parts(org.get("id", ""), part_of, members)
        if codes and org.get("name"):
            groups[str(org["name"])] = tuple(sorted(codes))
    return groups


def _members_of_parts(
    org_id: str, part_of: Mapping[str, str | None], members: Mapping[str, set[str]]
) -> set[str]:
    return {code for child, parent in part_of.items() if parent == org_id for code in members.get(child, ())}


def _read_list(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return [item for item in loaded or [] if isinstance(item, dict)]
