"""The TOOI reference register of Dutch government organisations (data in opendata/data/).

Every gemeente, provincie, samenwerkingsorganisatie, waterschap, ministerie and other organisation
in the official TOOI registers, historic ones with their end dates, by TOOI organisation code. The
ministries are those of TOOI's list of ministries as DiWoo's value lists give it (code and name, no
dates; opendata/standards/SOURCES.md).
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from opendata.model.resources import data_dir

REGISTER_FILE = data_dir() / "tooi-register.csv"

# The shape of a TOOI organisation code ("gm0546", "pv28", "so0507", "oorg10002", "mnre1090"): how an
# extracted value that names a register organisation is told from a name as written.
TOOI_CODE = re.compile(r"[a-z]{2,4}[0-9]+")


def is_tooi_code(value: str) -> bool:
    return TOOI_CODE.fullmatch(value) is not None


KIND_BY_TOOI_TYPE = {
    "Gemeente": "gemeente",
    "Provincie": "provincie",
    "Samenwerkingsorganisatie": "samenwerkingsorganisatie",
    "Waterschap": "waterschap",
    "Zbo": "zbo",
    "ZboCluster": "zbo",
    "Overheidsorganisatie": "overheidsorganisatie",
    "Rijk": "overheidsorganisatie",
    "Ministerie": "ministerie",
    "CaribischOpenbaarLichaam": "caribisch-openbaar-lichaam",
}


@dataclass(frozen=True)
class RegisteredOrganisation:
    code: str
    uri: str
    kind: str
    name: str
    start: str  # ISO date or ""
    end: str  # ISO date or ""
    cbs_code: str
    province: str  # TOOI code of the province or ""

    def existed_on(self, date: str) -> bool:
        """Whether the organisation existed on an ISO date (or year-month)."""
        day = date if len(date) == 10 else date + "-01"
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)

    def lifetime(self) -> str:
        return f"{self.start or '…'} – {self.end or 'now'}"


@dataclass(frozen=True)
class Register:
    by_code: dict[str, RegisteredOrganisation]

    def get(self, code: str) -> RegisteredOrganisation | None:
        return self.by_code.get(code)

    def __getitem__(self, code: str) -> RegisteredOrganisation:
        return self.by_code[code]

    def __contains__(self, code: str) -> bool:
        return code in self.by_code

    def named(self, name: str) -> str | None:
        """The code of the one organisation the register names so (case aside: "ministerie van
        Financiën"), or None when it names none or several ("ministerie van Economische Zaken")."""
        codes = self._codes_by_name.get(name.strip().lower(), ())
        return codes[0] if len(codes) == 1 else None

    @functools.cached_property
    def _codes_by_name(self) -> dict[str, tuple[str, ...]]:
        by_name: dict[str, list[str]] = {}
        for org in self.by_code.values():
            by_name.setdefault(org.name.lower(), []).append(org.code)
        return {name: tuple(codes) for name, codes in by_name.items()}

    def suggest(self, text: str) -> str:
        """A did-you-mean hint for an unknown code or name, or ''."""
        close = difflib.get_close_matches(text, self.by_code, n=1, cutoff=0.75)
        if close:
            org = self.by_code[close[0]]
            return f"did you mean {org.code} ({org.name})?"
        names = {org.name.lower(): org for org in self.by_code.values()}
        close = difflib.get_close_matches(text.lower(), names, n=1, cutoff=0.6)
        if close:
            org = names[close[0]]
            return f"did you mean {org.code} ({org.name})?"
        return ""


@functools.cache
def load_register(path: Path = REGISTER_FILE) -> Register:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return Register(
        {
            row["code"]: RegisteredOrganisation(
                code=row["code"],
                uri=row["uri"],
                kind=KIND_BY_TOOI_TYPE[row["type"]],
                name=row["name"],
                start=row["start"],
                end=row["end"],
                cbs_code=row["cbs_code"],
                province=row["province"],
            )
            for row in rows
        }
    )
