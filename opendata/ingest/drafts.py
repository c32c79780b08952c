"""Write draft records into a sources folder: `letters/<id>.txt`, `letters/<id>.yaml`, and draft
organisations and people appended to the shared files (docs/fact-sources.md gives the format).

Rules this module keeps:
- every file is written to a temporary file in the same folder and renamed into place, so a
  crash never leaves a half-written file in `datasets/`;
- ids are readable (sender, date, subject), unique, and never reused: every id ever issued and
  the digest of each file as written are kept in `.opendata-ingest.json` at the folder's root;
- a record a person reviewed (no `status: draft`) or edited (its digest differs from the one
  written) is never overwritten: a warning says what would change.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import functools
import hashlib
import json
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

from opendata import __version__
from opendata.model.model import load_model
from opendata.model.problems import WARNING, Location, Problem
from opendata.model.register import load_register

TOOL = f"opendata-ingest {__version__}"
LEDGER = ".opendata-ingest.json"
LETTERS = "letters"
MAX_ID_LENGTH = 90
ORGANISATION_ID_LENGTH = 60
SUBJECT_WORDS = 6

# The kinds a draft organisation gets when the extractor established no kind the model has
# (OrganisationKind): a government body of no more specific kind, or an organisation of unknown kind.
GOVERNMENT = "overheidsorganisatie"
COLLABORATION = "samenwerkingsverband"  # the kind of a group of bodies that sign one letter together
UNKNOWN_KIND = "organisatie"

# Body kinds the model knows (OrganisationKind) and how a body is named after its organisation.
BODY_NAMES = {
    "college-van-burgemeester-en-wethouders": (
        "college",
        "college van burgemeester en wethouders van {place}",
    ),
    "gemeenteraad": ("raad", "gemeenteraad van {place}"),
    "gedeputeerde-staten": ("gs", "Gedeputeerde Staten van {place}"),
    "provinciale-staten": ("ps", "Provinciale Staten van {place}"),
}
_REGISTER_PREFIX = re.compile(r"^(gemeente|provincie|waterschap)\s+", re.IGNORECASE)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# Words that join others and end no name or subject: an id cut after one ("…-op-het-gebied-van",
# "ministerie-van-infrastructuur-en") reads as cut off.
_JOINING = frozenset((
    "van", "voor", "in", "op", "over", "en", "de", "het", "der", "den", "des", "te", "ten", "ter", "aan", "bij",
    "met", "om", "tot", "uit", "naar", "na", "door", "inzake", "als", "of", "een", "binnen", "tussen", "onder",
    "per", "t", "s",
))  # fmt: skip
_MONTHS = frozenset((
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december",
))  # fmt: skip


def short_slug(text: str, limit: int) -> str:
    """`text` as a slug of at most `limit` characters, cut between words (never inside one) and not after
    a joining word; a first word longer than the limit is cut at it."""
    words = slug(text).split("-")
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in _JOINING:
        kept.pop()
    return "-".join(kept) if kept and kept != [""] else slug(text)[:limit].strip("-")


def subject_words(subject: str) -> str:
    """The subject's first words for an id: SUBJECT_WORDS, or up to three more where the cut would end on
    a joining word or inside a date ("reactie-op-uw-brief-van-6" reads "…-van-6-september-2004",
    "…-op-het-gebied-van" "…-op-het-gebied-van-jeugdzorg"); never ending on a joining word."""
    words = [word for word in slug(subject).split("-") if word]
    count = min(SUBJECT_WORDS, len(words))

    def open_end(n: int) -> bool:
        last = words[n - 1]
        day = last.isdigit() and len(last) <= 2 and n > 1 and words[n - 2] in _JOINING
        return last in _JOINING or last in _MONTHS or day

    while count < min(len(words), SUBJECT_WORDS + 3) and open_end(count):
        count += 1
    while count > 1 and words[count - 1] in _JOINING:
        count -= 1
    return "-".join(words[:count])


def sha256(data: str | bytes) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, ISO dates written plain (`2019-06-11`, as curated records are)."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _plain_date(dumper: yaml.SafeDumper, value: str):
    style = None if _ISO_DATE.match(value) else dumper.default_style
    node = yaml.SafeDumper.represent_str(dumper, value)
    if style is None and _ISO_DATE.match(value):
        node.style = None
        node.tag = "tag:yaml.org,2002:timestamp"
    return node


_Dumper.add_representer(str, _plain_date)


def dump_yaml(record) -> str:
    return yaml.dump(
        record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False
    )


def write_atomically(path: Path, content: str) -> None:
    """Write through a temporary file in the same folder, then rename: readers see old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file readable by its owner only: give it the mode the file it replaces had,
        # or a new file's mode (0666 less the umask), so the publisher's group still reads its datasets
        os.chmod(temporary, _mode_of(path))
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_of(path: Path) -> int:
    """The permission bits a file written at `path` gets: those of the file there, else 0666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


@functools.cache
def _umask() -> int:
    umask = os.umask(0)  # the only way to read it is to set it: set it back at once
    os.umask(umask)
    return umask


def evidence(found, letter: str | None = None) -> dict:
    """A source entry for one extracted value: offsets, quote, confidence (and its letter in shared records)."""
    entry = {
        "start": found.start,
        "end": found.end,
        "quote": found.quote,
        "confidence": round(found.confidence, 2),
    }
    return {"letter": letter, **entry} if letter else entry


# ---------------------------------------------------------------- the ledger and the dataset's index


_IDS = {"type": "array", "items": {"type": "string"}}
LEDGER_SCHEMA = {  # the ledger as Ledger.save writes it
    "type": "object",
    "properties": {
        "tool": {"type": "string"},
        "code": {"type": "string"},
        "sources": {"type": "object", "additionalProperties": _IDS},
        "paths": {"type": "object", "additionalProperties": _IDS},
        "written": {"type": "object", "additionalProperties": {"type": "string"}},
        "issued": _IDS,
        "pending": {"type": "object", "additionalProperties": {"type": ["string", "null"]}},
    },
}
LEDGER_CHECK = jsonschema.Draft202012Validator(LEDGER_SCHEMA)


class LedgerUnreadable(Exception):
    """The ledger is not JSON, or not the ledger's shape."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.line, self.column = line, column


@dataclass
class Ledger:
    """What ingest wrote before: source digests -> letter ids, and each written file's digest."""

    sources: dict[str, list[str]] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # path relative to the root -> sha256 as written
    issued: set[str] = field(default_factory=set)  # every letter id ever issued
    paths: dict[str, list[str]] = field(default_factory=dict)  # source file path -> letter ids
    code: str = ""  # the extraction code that wrote them (code_digest)
    # files this ledger names (in `written`) before they are written: path -> the digest of the file there
    # before (None: none); saved only while a batch of files is being written (Batch.commit)
    pending: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> Ledger:
        """The ledger in `root`; raises LedgerUnreadable (with the line) when it is damaged."""
        path = root / LEDGER
        if not path.is_file():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError) as error:
            raise LedgerUnreadable(str(error)) from error
        except json.JSONDecodeError as error:
            raise LedgerUnreadable(error.msg, error.lineno, error.colno) from error
        problem = jsonschema.exceptions.best_match(LEDGER_CHECK.iter_errors(raw))
        if problem is not None:
            where = "/".join(map(str, problem.absolute_path)) or "the top level"
            raise LedgerUnreadable(f"{where}: {problem.message}")
        ledger = cls(
            raw.get("sources", {}),
            raw.get("written", {}),
            set(raw.get("issued", [])),
            raw.get("paths", {}),
            raw.get("code", ""),
        )
        ledger.recover(root, raw.get("pending", {}))
        return ledger

    def recover(self, root: Path, pending: dict[str, str | None]) -> None:
        """Settle the files an ingest stopped (Ctrl-C, kill -9, power cut) before it had written all that
        this ledger names. A file written is as the ledger says. A file not written is as it was: it is
        known again by the digest it has, and its source is read again by the next run (its letter ids
        are kept). A file changed since by a person stays theirs (an edited record)."""
        for key, before in pending.items():
            path = root / key
            now = sha256(path.read_bytes()) if path.is_file() else None
            if now == self.written.get(key) or now != before:
                continue
            if before is None:  # never written: its source is read again (a record missing), its ids kept
                self.written.pop(key, None)
                continue
            self.written[key] = before  # an older draft, still there: its source is read again
            letter = Path(key).stem
            self.sources = {digest: ids for digest, ids in self.sources.items() if letter not in ids}

    def save(self, root: Path) -> None:
        content: dict[str, object] = {
            "tool": TOOL,
            "code": code_digest(),
            "sources": self.sources,
            "paths": self.paths,
            "written": self.written,
            "issued": sorted(self.issued),
        }
        if self.pending:
            content["pending"] = self.pending
        write_atomically(
            root / LEDGER,
            json.dumps(
                content,
                ensure_ascii=False,
                indent=1,
                sort_keys=True,
            )
            + "\n",
        )


class FolderBusy(Exception):
    """Another ingest is writing into the datasets folder."""


@contextlib.contextmanager
def folder_lock(root: Path) -> Iterator[int]:
    """Hold the datasets folder for one ingest (yields the lock's file descriptor); raises FolderBusy
    when another holds it. Two ingests at once would each save a ledger without the other's files, and
    the next run would take the records of one for a person's edits.

    The lock is `flock` on the folder itself (no lock file left in the datasets), opened O_CLOEXEC;
    the kernel releases it when its holder dies, however it dies."""
    handle = os.open(root, os.O_RDONLY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FolderBusy(str(root)) from None
        yield handle
    finally:
        os.close(handle)  # closing the last descriptor of the folder releases the lock


@functools.cache
def code_digest() -> str:
    """A digest of the ingest's code: when extraction changes, files ingested before are read again."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class Batch:
    """The files of the letters drafted since the last checkpoint: written only after the ledger that
    names them is saved (write-ahead; Ledger.recover settles what a stopped ingest left), so that an
    ingest stopped at any moment leaves records the next run recognises as its own, never duplicates
    them and never takes them for a person's edits. Reads see the files of the batch as if written."""

    def __init__(self, root: Path, ledger: Ledger) -> None:
        self.root, self.ledger = root, ledger
        self.files: dict[str, str] = {}  # path relative to the root -> content
        self.retexted: dict[str, str] = {}  # letter -> its new text, where ingest replaced the old one

    def read(self, key: str) -> str | None:
        """A file's text as it is or will be at the next commit; None when there is none."""
        if key in self.files:
            return self.files[key]
        path = self.root / key
        try:
            return path.read_text(encoding="utf-8") if path.is_file() else None
        except (OSError, UnicodeDecodeError):
            return None

    def write(self, key: str, content: str) -> None:
        if key not in self.ledger.pending:
            path = self.root / key
            self.ledger.pending[key] = sha256(path.read_bytes()) if path.is_file() else None
        self.ledger.written[key] = sha256(content)
        self.files[key] = content

    def commit(self, shared: list[tuple[str, list[dict]]]) -> None:
        """The shared files' new records first (a letter never names one not yet written), then the
        ledger naming the batch's files, then the files."""
        for name, records in shared:
            reanchor_shared(self.root, name, self.retexted, self.ledger)
            append_shared(self.root, name, records, self.ledger)
        self.retexted.clear()
        if self.files:
            self.ledger.save(self.root)
            for key, content in self.files.items():
                write_atomically(self.root / key, content)
        self.files.clear()
        self.ledger.pending.clear()

    def as_written(self, letter: str) -> bool:
        """The letter's record (and text, if it has one) are exactly as ingest last wrote them."""
        for suffix in (".yaml", ".txt"):
            key = f"{LETTERS}/{letter}{suffix}"
            content = self.read(key)
            if key not in self.ledger.written:
                if suffix == ".yaml" or (self.root / key).exists():
                    return False
                continue
            if content is None or sha256(content) != self.ledger.written[key]:
                return False
        return True

    def deleted(self, letter: str) -> bool:
        """A person deleted the letter: ingest wrote its record and its text, and neither is there now
        (deleting the record alone asks for a new draft: reviewed-record-kept's hint)."""
        keys = [f"{LETTERS}/{letter}{suffix}" for suffix in (".yaml", ".txt")]
        return all(key in self.ledger.written and self.read(key) is None for key in keys)

    def record_deleted(self, letter: str) -> bool:
        """A person deleted the record ingest wrote for the letter (a letter known only from one citing
        it has no text to delete with it)."""
        key = f"{LETTERS}/{letter}.yaml"
        return key in self.ledger.written and self.read(key) is None

    def cited_only(self, letter: str) -> dict | None:
        """The record of a letter known only from a letter that cites it, as ingest wrote it (a draft
        without a text that no person edited); None for any other record."""
        if not self.as_written(letter):
            return None
        record = yaml.load(self.read(f"{LETTERS}/{letter}.yaml") or "", Loader=yaml.CSafeLoader)
        if isinstance(record, dict) and record.get("status") == "draft" and "text" not in record:
            return record
        return None


def as_written(root: Path, ledger: Ledger, letter: str) -> bool:
    """The letter's record (and text, if it has one) are exactly as ingest last wrote them."""
    return Batch(root, ledger).as_written(letter)


def deleted(root: Path, ledger: Ledger, letter: str) -> bool:
    """A person deleted the letter's record and text (Batch.deleted)."""
    return Batch(root, ledger).deleted(letter)


def _load_list(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return [item for item in data or [] if isinstance(item, dict)]


def normal_reference(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "").upper()


def normal_name(text: str | None) -> str:
    """A name as names are compared: without spaces, dots and hyphens, in lower case ("BSD-fractie" is
    "BSD fractie", "A.P. HEIDEMA" "A.P. Heidema")."""
    return re.sub(r"[\s.\-‐‑–]+", "", text or "").lower()


# A person's initials OCR ran together: a capital right after another without the dot between ("LR.",
# "LE.", "Ll.", "LR.A."). Such initials are either two with a dot lost ("L.R.") or an "I." whose dot OCR
# joined into an L ("I.R."); a lower-case l among them is an I.
_RUN_TOGETHER_INITIALS = re.compile(r"^(?P<initials>(?:[A-Z][A-Za-z]?\.)*[A-Z][A-Zl][A-Za-z.]*\.)(?=\s)")


def person_keys(name: str) -> list[str]:
    """The keys a person's name as written may be known by: the name itself (normal_name), and where
    its initials run together ("LR. van der Kok"), the same with an I read for an L before another
    initial and for an l ("I.R. van der Kok")."""
    keys = [normal_name(name)]
    run = _RUN_TOGETHER_INITIALS.match(name)
    if run:
        initials = re.sub(r"L(?=[A-Zl])", "I", run["initials"]).replace("l", "I")
        keys.append(normal_name(initials + name[run.end() :]))
    return list(dict.fromkeys(keys))


@dataclass
class Index:
    """The records already in the folder that new drafts refer to or must not collide with."""

    organisations: list[dict]
    people: list[dict]
    letter_ids: set[str]
    by_reference: dict[str, str]  # normalised our_reference -> letter id
    by_sender_date: dict[tuple[str, str], str]
    memberships: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path) -> Index:
        by_reference: dict[str, str] = {}
        by_sender_date: dict[tuple[str, str], str] = {}
        ids: set[str] = set()
        # by id, so that of letters sharing a reference (the same letter twice) the first drafted ("x"
        # before "x-2") is the one found by it, as in the run that drafted them ("x-2.yaml" sorts first)
        for path in sorted((root / LETTERS).glob("*.yaml"), key=lambda path: path.stem):
            ids.add(path.stem)
            try:
                record = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            except (yaml.YAMLError, UnicodeDecodeError):
                continue  # `publish` reports it; ingest only needs the id
            if isinstance(record, dict):
                cls._remember(by_reference, by_sender_date, path.stem, record)
        return cls(
            _load_list(root / "organisations.yaml"),
            _load_list(root / "people.yaml"),
            ids,
            by_reference,
            by_sender_date,
            _load_list(root / "memberships.yaml"),
        )

    @staticmethod
    def _remember(by_reference, by_sender_date, letter_id: str, record: dict) -> None:
        if record.get("our_reference"):
            by_reference.setdefault(normal_reference(str(record["our_reference"])), letter_id)
        for day in (record.get("date_sent"), record.get("date_received")):
            if record.get("sender") and day:
                by_sender_date.setdefault((str(record["sender"]), str(day)), letter_id)

    def add_letter(self, letter_id: str, record: dict) -> None:
        self.letter_ids.add(letter_id)
        self._remember(self.by_reference, self.by_sender_date, letter_id, record)


# ---------------------------------------------------------------- resolving organisations and people


class Resolver:
    """Organisation and person ids for extracted values; unknown ones become draft shared records."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.register = load_register()
        self.new_organisations: list[dict] = []
        self.new_people: list[dict] = []
        self.new_memberships: list[dict] = []
        self._membership_ids = {str(m.get("id")) for m in index.memberships}
        self._org_ids = {str(o.get("id")) for o in index.organisations}
        self._person_ids = {str(p.get("id")) for p in index.people}

    def organisation(self, found, letter_id: str) -> str | None:
        """The id of the organisation (or its body) an extracted value names, creating a draft when needed."""
        if found is None or not found.value:
            return None
        code, body = self._code(found), found.detail
        if code in self.register:
            if body not in BODY_NAMES:
                return code
            return self._body(code, body, found, letter_id)
        return self._named(found, letter_id)

    def _code(self, found) -> str:
        """The extracted value, or the TOOI code of the register organisation it names by its register
        name ("ministerie van Financiën": the extraction names a ministry so) when the dataset has no
        record of that name: a name the register gives one organisation is that organisation."""
        if found.value in self.register:
            return found.value
        named = self.register.named(found.value)  # (the dataset's records are looked up only for such a name)
        return named if named is not None and not self.known(found) else found.value

    def sender(self, extraction, letter_id: str) -> str | None:
        """The id of the letter's sender. Bodies that sign together (extraction.sender_members) and that
        no record names yet are drafted as a collaboration of theirs, with each one's membership, as the
        curated records hold "de vijf colleges van de Leidse regio"."""
        members = extraction.sender_members
        if not members or self.known(extraction.sender):
            return self.organisation(extraction.sender, letter_id)
        group = self._add_organisation(
            {
                "id": short_slug(extraction.sender.value, ORGANISATION_ID_LENGTH) or "samenwerking",
                "status": "draft",
                "extracted_by": TOOL,
                "name": extraction.sender.value,
                "kind": COLLABORATION,
                "sources": {
                    "name": evidence(extraction.sender, letter_id),
                    "kind": {
                        "editorial": "Meer organen ondertekenen de brief samen; ingest koos "
                        f"'{COLLABORATION}'. Controleer het."
                    },
                },
            }
        )
        for member in members:
            self._membership(group, member, letter_id)
        return group

    def _membership(self, group: str, member, letter_id: str) -> None:
        member_id = self.organisation(member, letter_id)
        membership = _unique(f"{group}-{member_id}", self._membership_ids)
        record = {
            "id": membership,
            "status": "draft",
            "extracted_by": TOOL,
            "member": member_id,
            "organisation": group,
            "role": "lid",
            # the member's own board line among the group's signatures says both that it is a member and of what
            "sources": {name: evidence(member, letter_id) for name in ("member", "organisation", "role")},
        }
        self._membership_ids.add(membership)
        self.new_memberships.append(record)

    def existing(self, found) -> str | None:
        """The id an extracted value names in the register or the dataset, creating nothing (None when
        it names no record yet): to look a letter up by its sender, which no record will name."""
        if found is None or not found.value:
            return None
        code, body = self._code(found), found.detail
        if code not in self.register:
            return self.known(found)
        if body not in BODY_NAMES:
            return code
        for record in self.index.organisations + self.new_organisations:
            if record.get("part_of") == code and record.get("kind") == body:
                return str(record["id"])
        return None

    def _body(self, code: str, body: str, found, letter_id: str) -> str:
        existing = self.existing(found)
        if existing:
            return existing
        prefix, pattern = BODY_NAMES[body]
        place = _REGISTER_PREFIX.sub("", self.register[code].name)
        record = {
            "id": f"{prefix}-{code}",
            "status": "draft",
            "extracted_by": TOOL,
            "name": pattern.format(place=place),
            "kind": body,
            "part_of": code,
            "sources": {"part_of": {"register": "tooi"}, "kind": evidence(found, letter_id)},
        }
        return self._add_organisation(record)

    def may_be(self, found, organisation: object) -> bool:
        """Whether an extracted sender may be this organisation record's id: the same, a body of it,
        or either unknown. Creates nothing."""
        if found is None or not found.value or not organisation:
            return True
        wanted = {str(organisation)}
        for record in self.index.organisations + self.new_organisations:
            if record.get("id") == organisation and record.get("part_of"):
                wanted.add(str(record["part_of"]))
        return self._code(found) in wanted or self.known(found) in wanted

    def known(self, found) -> str | None:
        """The id of an existing organisation record with this name, creating nothing."""
        if generic_name(found.value):
            return None
        return self._named_exactly(found.value)

    def _named_exactly(self, name: str) -> str | None:
        """The id of an existing organisation record of this name (`known` passes generic names over)."""
        wanted = normal_name(name)
        for record in self.index.organisations + self.new_organisations:
            if normal_name(str(record.get("name"))) == wanted:
                return str(record["id"])
        return None

    def _named(self, found, letter_id: str) -> str:
        existing = self.known(found)
        if existing:
            return existing
        generic = generic_name(found.value)
        if found.detail in _ORGANISATION_KINDS:
            kind = found.detail
        elif found.detail or generic:
            # a government body the extractor established ("het dagelijks bestuur van …", a minister), or
            # one the name itself is ("de gemeenteraad"), of no kind the model has: government, no more
            kind = GOVERNMENT
        else:
            # what the text does not state is not guessed (issue 13): a vereniging, a stichting, a B.V.
            # or a name of unknown kind is an organisation, and claims no government kind
            kind = UNKNOWN_KIND
        sources = {"name": evidence(found, letter_id)}
        if generic:
            # "de gemeenteraad" without a place: the body of this letter only, never merged with another's;
            # the one drafted when this letter was drafted before (by an older ingest) is reused
            name = f"{found.value} (genoemd in {letter_id})"
            existing = self._named_exactly(name) or self._drafted_for(found.value, letter_id)
            if existing:
                return existing
            record = {
                "id": short_slug(f"{found.value} {letter_id}", MAX_ID_LENGTH),
                "status": "draft",
                "extracted_by": TOOL,
                "name": name,
                "kind": kind,
                "sources": sources,
                "note": "De brief noemt het orgaan zonder te zeggen van welke organisatie.",
            }
            return self._add_organisation(record)
        if kind == UNKNOWN_KIND:
            sources["kind"] = {
                "editorial": "De brief zegt niet wat voor organisatie dit is; ingest koos "
                f"'{UNKNOWN_KIND}' (soort niet bekend, of geen overheid). Controleer het."
            }
        elif kind == GOVERNMENT and found.detail not in _ORGANISATION_KINDS:
            sources["kind"] = {
                "editorial": "De brief noemt een overheidsorgaan zonder te zeggen wat voor organisatie het is; "
                f"ingest koos '{GOVERNMENT}'. Controleer het."
            }
        record = {
            "id": short_slug(found.value, ORGANISATION_ID_LENGTH) or "organisatie",
            "status": "draft",
            "extracted_by": TOOL,
            "name": found.value,
            "kind": kind,
            "sources": sources,
        }
        return self._add_organisation(record)

    def mark(self) -> tuple[int, int, int]:
        """How many draft organisations, people and memberships this resolver has made so far (for `forget`)."""
        return len(self.new_organisations), len(self.new_people), len(self.new_memberships)

    def forget(self, mark: tuple[int, int, int]) -> None:
        """Drop the drafts made since `mark`: the record that named them is not written (a person's is
        kept), and nothing else names them yet; their ids are free again."""
        organisations, people, memberships = mark
        self._org_ids -= {str(r["id"]) for r in self.new_organisations[organisations:]}
        self._person_ids -= {str(r["id"]) for r in self.new_people[people:]}
        self._membership_ids -= {str(r["id"]) for r in self.new_memberships[memberships:]}
        del self.new_organisations[organisations:], self.new_people[people:]
        del self.new_memberships[memberships:]

    def _drafted_for(self, name: str, letter_id: str) -> str | None:
        """A draft of this name that ingest made for this letter under the name alone (before a body's
        name with its article, 'het college van burgemeester en wethouders', was known as generic):
        the letter keeps it, so that it is not left behind named by nothing."""
        wanted = normal_name(name)
        for record in self.index.organisations:
            source = (
                (record.get("sources") or {}).get("name") if isinstance(record.get("sources"), dict) else None
            )
            if (
                record.get("status") == "draft"
                and normal_name(str(record.get("name"))) == wanted
                and isinstance(source, dict)
                and source.get("letter") == letter_id
            ):
                return str(record["id"])
        return None

    def _add_organisation(self, record: dict) -> str:
        record["id"] = _unique(record["id"], self._org_ids | set(self.register.by_code))
        self._org_ids.add(record["id"])
        self.new_organisations.append(record)
        return record["id"]

    def person(self, found, letter_id: str, public: bool = True) -> str | None:
        """The id of the person a signer's name names; a new one is a draft, and one who signs in no
        public role (`public` False) is drafted as not public, under an id that does not spell the name."""
        if found is None or not found.value:
            return None
        wanted = normal_name(found.value)
        for record in self.index.people + self.new_people:
            if normal_name(str(record.get("name"))) == wanted:
                return str(record["id"])
        # initials OCR ran together: the one person already known by a reading of them, where only one is
        others = person_keys(found.value)[1:]
        known = {
            str(record["id"])
            for record in self.index.people + self.new_people
            if normal_name(str(record.get("name"))) in others
        }
        if len(known) == 1:
            return known.pop()
        named = short_slug(found.value, ORGANISATION_ID_LENGTH) if public else "persoon-niet-openbaar"
        record = {
            "id": _unique(named or "persoon", self._person_ids),
            "status": "draft",
            "extracted_by": TOOL,
            "name": found.value,
            "sources": {"name": evidence(found, letter_id)},
        }
        if not public:  # published nowhere, the name masked in every text (README, "Privacy guard")
            record["public"] = False
            record["note"] = NOT_PUBLIC_NOTE
        self._person_ids.add(record["id"])
        self.new_people.append(record)
        return record["id"]


def generic_name(name: str) -> bool:
    """A body named without its organisation ('gemeenteraad', 'het college van burgemeester en
    wethouders', "'t dagelijks bestuur"), with or without its article: never matched by name across
    letters (the colleges of two municipalities are two bodies)."""
    key = normal_name(name).replace("’", "'")
    return key in _GENERIC_NAMES or any(
        key.startswith(article) and key[len(article) :] in _GENERIC_NAMES for article in ("het", "de", "'t")
    )


# Names of a body without its organisation (without their article: generic_name).
_GENERIC_NAMES = frozenset(
    (
        "gemeenteraad",
        "raad",
        "deraad",
        "degemeenteraad",
        "college",
        "hetcollege",
        "collegevanburgemeesterenwethouders",
        "burgemeesterenwethouders",
        "provincialestaten",
        "gedeputeerdestaten",
        "algemeenbestuur",
        "dagelijksbestuur",
        "hetalgemeenbestuur",
        "hetdagelijksbestuur",
        "staten",
    )
)
_ORGANISATION_KINDS = frozenset(
    (
        "gemeente",
        "provincie",
        "samenwerkingsorganisatie",
        "college-van-burgemeester-en-wethouders",
        "gemeenteraad",
        "gedeputeerde-staten",
        "provinciale-staten",
        "samenwerkingsverband",
        "projectsamenwerking",
        "waterschap",
        "zbo",
        "overheidsorganisatie",
    )
)


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate


# ---------------------------------------------------------------- letter ids and records


def letter_id(extraction, taken: set[str], resolver: Resolver | None = None) -> str:
    """Readable and stable: sender, date and the subject's first words (`gs-zuid-holland-2019-06-11-...`).

    A sender that is a record of the dataset gives its id (`colleges-leidse-regio-2019-06-11-…`);
    without a sender the letter's kind stands first (`raadsinformatiebrief-zonder-datum-…`).
    """
    known = resolver.known(extraction.sender) if resolver and extraction.sender else None
    first = known or (
        _sender_slug(extraction.sender)
        if extraction.sender
        else extraction.kind.value
        if extraction.kind
        else "brief"
    )
    parts = [first, extraction.date_sent.value if extraction.date_sent else "zonder-datum"]
    if extraction.subject:
        parts.append(subject_words(extraction.subject.value))
    wanted = short_slug("-".join(p for p in parts if p), MAX_ID_LENGTH) or "brief"
    return _unique(wanted, taken)


def _sender_slug(sender) -> str:
    if sender is None:
        return "onbekend"
    register = load_register()
    if sender.value in register:
        place = slug(_REGISTER_PREFIX.sub("", register[sender.value].name))
        prefix = BODY_NAMES.get(sender.detail, ("",))[0]
        return f"{prefix}-{place}" if prefix else place
    # as the draft organisation's id starts (Resolver._named), so the first letter of a sender the
    # dataset does not know yet starts as its later letters do
    return short_slug(sender.value, ORGANISATION_ID_LENGTH)


def build_record(
    extraction,
    letter: str,
    resolver: Resolver,
    attachments: list[str],
    cited: list[str],
    attached_to: str | None = None,
) -> dict:
    """The draft record of one letter, each value with its source (docs/fact-sources.md).

    `attached_to`: the letter before it in the same file, which lists it as attachment; it is then
    a bijlage, whatever kind of letter it is itself.
    """
    record: dict = {"id": letter, "status": "draft", "extracted_by": TOOL}
    sources: dict = {}
    unknown: list[str] = []

    def single(name: str, found, value=None) -> None:
        if found is None:
            return
        record[name] = value if value is not None else found.value
        sources[name] = evidence(found)

    kind = extraction.kind
    record["kind"] = (
        kind.value if kind and kind.value in ("brief", "raadsinformatiebrief", "bijlage") else "brief"
    )
    if attached_to:
        record["kind"] = "bijlage"
        sources["kind"] = {"editorial": f"Staat in hetzelfde bestand na {attached_to}, als bijlage daarvan."}
    elif kind and kind.value == record["kind"]:
        sources["kind"] = evidence(kind)
    if extraction.subject:
        single("title", extraction.subject)
    else:
        unknown.append("title")
    if extraction.date_sent and _is_date(extraction.date_sent.value):
        single("date_sent", extraction.date_sent)
    else:
        unknown.append("date_sent")
    sender = resolver.sender(extraction, letter)
    if sender:
        single("sender", extraction.sender, sender)
    else:
        unknown.append("sender")
    _many(
        record, sources, "addressees", [(resolver.organisation(f, letter), f) for f in extraction.addressees]
    )
    if "addressees" not in record:  # no address block found: declared open, so the draft can still publish
        unknown.append("addressees")
    for name in ("our_reference", "your_reference"):
        found = getattr(extraction, name)
        if found and _REFERENCE.match(found.value):
            single(name, found)
    if not record.get("our_reference"):
        unknown.append("our_reference")
    dossiers = [f for f in extraction.dossier_references if _REFERENCE.match(f.value)]
    if dossiers:
        single("dossier_number", dossiers[0])
    signatures = [_signature(s, letter, resolver, extraction.sender) for s in extraction.signatories]
    if any(signatures):
        record["signatories"] = [s for s in signatures if s]
    if attachments:
        record["attachments"] = attachments
    if cited:
        add_citations(record, cited)
    _many(record, sources, "themes", [(f.value, f) for f in extraction.themes])
    record["text"] = f"{letter}.txt"
    if unknown:
        record["unknown"] = unknown
    if sources:  # a letter of which nothing could be read has none (an empty mapping is a problem)
        record["sources"] = sources
    return record


_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./_-]*$")


def add_citations(record: dict, cited: list[str]) -> None:
    """Put `cites` where the model lists it (before themes and text), keeping the record's key order."""
    items = list(record.items())
    at = next(
        (n for n, (key, _) in enumerate(items) if key in ("themes", "text", "unknown", "sources")), len(items)
    )
    items.insert(at, ("cites", sorted(dict.fromkeys(cited))))
    record.clear()
    record.update(items)


def _is_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _many(record: dict, sources: dict, name: str, pairs: list) -> None:
    """A list field: unique values in order, one source per value."""
    seen: dict[str, object] = {}
    for value, found in pairs:
        if value and value not in seen:
            seen[value] = found
    if seen:
        record[name] = list(seen)
        sources[name] = [evidence(found) for found in seen.values()]


def _role(signatory, sender) -> str | None:
    """The model's role for a role as written: the role the extractor recognised, kept as written.
    Only 'de secretaris' signing for burgemeester en wethouders or the municipality itself is made more
    precise: that is the gemeentesecretaris (Gemeentewet art. 102: the college's secretary). A secretaris
    the text makes another body's ("De secretaris van de Bestuurscommissie Noord", "… van het dagelijks
    bestuur", "… van de raad"), or one signing for the council, stays the secretaris as written. A role
    the model lacks gives no role (the model's Role list holds every role the extractor recognises; a test
    keeps them in step)."""
    role = signatory.role.value if signatory.role else None
    if role == "secretaris" and _signs_for_municipality(signatory, sender):
        return "gemeentesecretaris"
    if role is not None and role.startswith("algemeen "):  # "algemeen directeur" holds the post of directeur
        role = role.removeprefix("algemeen ")
    return role if role in model_roles() else None


def _signs_for_municipality(signatory, sender) -> bool:
    """The signer holds a post of the sending municipality or its college: the sender is one of them,
    and the role is written as no other body's (bare, or "van" that municipality or its college)."""
    college = "college-van-burgemeester-en-wethouders"
    if sender is None or not (
        sender.detail == college or (sender.value.startswith("gm") and sender.detail is None)
    ):
        return False
    post = signatory.post_of
    return post is None or (post.value == sender.value and post.detail in (None, college))


@functools.cache
def model_roles() -> frozenset[str]:
    """The values of the model's Role list (read once)."""
    return frozenset(load_model().enums["Role"]["values"])


# Roles in which a person signs without holding a public office: civil servants below the top of their
# organisation (the Woo, art. 5.1 lid 2 e, makes their names public only where they act in public) and
# private persons (a law firm's partner, a participant). Their drafts are not public until a person
# reviewing them decides otherwise.
NOT_PUBLIC_ROLES = frozenset(
    ("afdelingshoofd", "ambtelijk-vertegenwoordiger", "manager", "teamleider", "partner", "deelnemer")
)
NOT_PUBLIC_NOTE = (
    "Niet openbaar gemaakt door ingest: deze persoon tekent in een rol zonder publiek ambt. Zet public op "
    "true (of haal de regel weg) als de persoon wel in een publieke rol optreedt."
)


def _signature(signatory, letter: str, resolver: Resolver, sender=None) -> dict | None:
    """A signature needs a person and a role the model knows; otherwise it is left out (never invented).
    A person signing in one of NOT_PUBLIC_ROLES is drafted as not public."""
    role = _role(signatory, sender)
    if signatory.name is None or role is None:
        return None
    person = resolver.person(signatory.name, letter, public=role not in NOT_PUBLIC_ROLES)
    signature: dict[str, object] = {"person": person, "role": role}
    behalf = resolver.organisation(signatory.on_behalf_of, letter)
    sources = {"person": evidence(signatory.name), "role": evidence(signatory.role)}
    if behalf:
        signature["on_behalf_of"] = [behalf]
        sources["on_behalf_of"] = evidence(signatory.on_behalf_of)
    signature["sources"] = sources
    return signature


def cited_id(citation) -> str:
    """The id a draft of a cited letter is given where it is free: "brief-<date>-<its reference>"."""
    reference = citation.reference.value if citation.reference else ""
    wanted = "-".join(
        p for p in ("brief", citation.date.value if citation.date else "", slug(reference)) if p
    )
    return wanted[:MAX_ID_LENGTH].strip("-")


def cited_record(citation, letter: str, resolver: Resolver, taken: set[str], citing: dict) -> dict | None:
    """A letter known only because another cites it, as a draft; None when the model could not hold it.

    Only a letter cited as "uw brief" (its reference is the citing letter's "uw kenmerk") is
    drafted: its sender is the citing letter's one addressee and its addressee the citing letter's
    sender, which the citing letter states. A third party's letter would need addressees the text
    does not give (the model requires them), so it is not drafted: it stays a mention.
    """
    reference = citation.reference
    if reference is None or not _REFERENCE.match(reference.value):
        return None
    answered = normal_reference(reference.value) == normal_reference(citing.get("your_reference"))
    addressees = citing.get("addressees") or []
    if not (answered and citing.get("sender") and len(addressees) == 1):
        return None
    record = {
        "id": _unique(cited_id(citation), taken),
        "status": "draft",
        "extracted_by": TOOL,
        "kind": "brief",
        "sender": addressees[0],
        "addressees": [citing["sender"]],
        "our_reference": reference.value,
        "unknown": ["title", "date_sent"],
    }
    because = (
        f"De brief {letter} noemt deze brief 'uw brief' met uw kenmerk {reference.value}: de geadresseerde "
        "van die brief schreef hem, aan de afzender ervan."
    )
    record["sources"] = {
        "our_reference": {"letter": letter, **evidence(reference)},
        "sender": {"editorial": because},
        "addressees": {"editorial": because},
    }
    note = f"Alleen bekend uit {letter}, die deze brief aanhaalt"
    if citation.date:
        note += f" met de datum {citation.date.value} (verzonden of ontvangen: de brief zegt het niet)"
    record["note"] = note + "."
    return record


# ---------------------------------------------------------------- writing


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # reviewed or edited records left alone
    deleted: list[str] = field(default_factory=list)  # letters a person deleted, left deleted


def write_letter(
    batch: Batch,
    record: dict,
    text: str,
    problems: list[Problem],
    outcome: Outcome,
    same_source: bool = False,
) -> bool:
    """Write `letters/<id>.txt` and `.yaml` (at the batch's commit), unless a person reviewed or
    edited the record, or deleted the letter (`same_source`: read from the file ingest drafted it from,
    unchanged). Whether the record is the one ingest drafts (written, or unchanged): False when the
    person's is kept, so the drafts made for this one are not wanted."""
    letter = record["id"]
    content = dump_yaml(record)
    yaml_key, text_key = f"{LETTERS}/{letter}.yaml", f"{LETTERS}/{letter}.txt"
    current, current_text = batch.read(yaml_key), batch.read(text_key)
    written = batch.ledger.written
    if current is None and same_source and batch.deleted(letter):
        outcome.deleted.append(letter)  # a duplicate, or no letter: the person's decision stands
        return False
    if current is not None:
        if current == content and current_text == text:
            outcome.unchanged.append(letter)
            return True
        # a text a person corrected by hand is theirs as much as the record: the evidence points into it
        text_edited = current_text is not None and sha256(current_text) != written.get(text_key)
        if reviewed(current, written.get(yaml_key)) or text_edited:
            if sha256(content) != written.get(yaml_key) or sha256(text) != written.get(text_key):
                problems.append(_kept_warning(yaml_key, current, record, text_edited, current_text != text))
            outcome.kept.append(letter)
            return False
    if current_text is not None and current_text != text:
        batch.retexted[letter] = text  # the shared drafts' evidence in it moves with it (reanchor_shared)
    batch.write(text_key, text)
    batch.write(yaml_key, content)
    outcome.written.append(letter)
    return True


def reviewed(current: str, written_digest: str | None) -> bool:
    """A person reviewed the record (no `status: draft`) or edited it since ingest wrote it."""
    if written_digest is None or sha256(current) != written_digest:
        return True
    try:
        data = yaml.load(current, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return True
    return not (isinstance(data, dict) and data.get("status") == "draft")


def _kept_warning(
    display: str, current: str, record: dict, text_edited: bool = False, text_changed: bool = False
) -> Problem:
    try:
        old = yaml.load(current, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        old = {}
    old = old if isinstance(old, dict) else {}
    old, new = _values(old), _values(record)
    changes = [
        f"{key}: {_short(old.get(key))} -> {_short(new.get(key))}"
        for key in new
        if key not in ("extracted_by", "status") and old.get(key) != new.get(key)
    ] + (["the letter's text"] if text_changed else [])
    who = (
        f"a person edited this letter's text ({display.removesuffix('.yaml')}.txt), so ingest left it and "
        "its record as they are"
        if text_edited
        else "a person reviewed or edited this record, so ingest left it as it is"
    )
    return Problem(
        "reviewed-record-kept",
        WARNING,
        f"{who}; the source would change: " + ("; ".join(changes) or "only the evidence"),
        Location(display),
        hint="apply the changes by hand if they are right, or delete the record (its .yaml; keep its .txt) "
        "to draft it again",
    )


def _values(data):
    """A record's values as a reader compares them: without their evidence (`sources`, in a signature
    too) and with dates as the text YAML writes (a record read back holds datetime.date)."""
    if isinstance(data, dict):
        return {key: _values(value) for key, value in data.items() if key != "sources"}
    if isinstance(data, list):
        return [_values(value) for value in data]
    if isinstance(data, datetime.date):
        return data.isoformat()
    return data


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "..."


def append_shared(root: Path, name: str, records: list[dict], ledger: Ledger) -> None:
    """Append draft records to a shared file (its own text kept as it is), atomically."""
    if not records:
        return
    path = root / name
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    if current and not current.endswith("\n"):
        current += "\n"
    content = current + dump_yaml(records) if _block_list(current) else _rewritten(current, records)
    write_atomically(path, content)
    ledger.written[name] = sha256(content)


def reanchor_shared(root: Path, name: str, texts: Mapping[str, str], ledger: Ledger) -> None:
    """Move the evidence of the shared file's drafts that points into a letter whose text ingest replaced
    (`texts`: letter -> new text) to where its quote stands in the new text, the occurrence nearest its
    old place; a quote the new text no longer holds is left for validate to report. Only the offsets'
    characters change (the file's other text, and every record a person reviewed, stay as they are)."""
    path = root / name
    if not texts or not path.is_file():
        return
    content = path.read_text(encoding="utf-8")
    edits = [edit for entry in _draft_evidence(content) for edit in _moved(entry, texts)]
    if not edits:
        return
    for start, end, value in sorted(edits, reverse=True):
        content = content[:start] + value + content[end:]
    write_atomically(path, content)
    ledger.written[name] = sha256(content)


def _draft_evidence(content: str) -> Iterator[dict[str, yaml.Node]]:
    """The evidence mappings (key -> value node) of the draft records in a shared file's YAML."""
    root = yaml.compose(content, Loader=yaml.CSafeLoader)
    if not isinstance(root, yaml.SequenceNode):
        return
    for item in root.value:
        fields = _mapping(item)
        status = fields.get("status")
        if not (isinstance(status, yaml.ScalarNode) and status.value == "draft"):
            continue
        for _key, entry in getattr(fields.get("sources"), "value", None) or ():
            evidence = _mapping(entry)
            if all(isinstance(evidence.get(k), yaml.ScalarNode) for k in ("letter", "start", "end", "quote")):
                yield evidence


def _mapping(node: object) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _moved(evidence: dict[str, yaml.Node], texts: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, new value) of the offsets' scalars, where the quote moved in its letter's new text."""
    text = texts.get(str(evidence["letter"].value))
    try:
        start, end = int(evidence["start"].value), int(evidence["end"].value)
    except ValueError:
        return []
    quote = str(evidence["quote"].value)
    if text is None or not quote or text[start:end] == quote:
        return []
    places = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not places:
        return []
    moved = min(places, key=lambda place: abs(place - start))
    return [
        (node.start_mark.index, node.end_mark.index, str(value))
        for node, value in ((evidence["start"], moved), (evidence["end"], moved + len(quote)))
    ]


def _block_list(text: str) -> bool:
    """Whether records can be appended to this YAML text: it holds a list in block style ("- id: …"),
    or nothing but comments and blank lines."""
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    return root is None or (isinstance(root, yaml.SequenceNode) and not root.flow_style)


def _rewritten(text: str, records: list[dict]) -> str:
    """A list in flow style (`[]`, `[{id: a}]`) with the records added, in block style; the lines
    before the list (its comments) kept as they are."""
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    line = root.start_mark.line if root is not None else 0
    before = "".join(text.splitlines(keepends=True)[:line])
    existing = yaml.load(text, Loader=yaml.CSafeLoader) or []
    return before + dump_yaml([*existing, *records])
