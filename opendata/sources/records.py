"""Read a datasets folder into typed records, each knowing the file and line it came from."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from opendata.model.model import ID_FIELD, LETTER, TEXT_FIELD, Model, ModelClass
from opendata.model.problems import ERROR, WARNING, Location, Problem
from opendata.sources.config import CONFIG_FILE
from opendata.sources.reading import Mapping, position_of, read_text, read_yaml

LETTERS_DIR = "letters"  # the folder of the model's Letter files (letters/*.yaml)
WITHDRAWN_FILE = "withdrawn.yaml"  # the publisher's withdrawals, read by releases/withdrawals.py
OTHER_FILES = (CONFIG_FILE, WITHDRAWN_FILE)  # the YAML files beside the sources that are not records


class RecordLike(Protocol):
    """What the checks across records read of a record: a Record, or the build's Skeleton of one
    (opendata/build/letter_unit.py), which keeps only that, so that 100,000 letters fit in memory."""

    @property
    def cls(self) -> ModelClass: ...
    @property
    def data(self) -> dict[str, Any]: ...
    @property
    def file(self) -> str: ...
    @property
    def owner(self) -> RecordLike | None: ...
    @property
    def key(self) -> str: ...
    @property
    def field_prefix(self) -> str: ...
    @property
    def text(self) -> str | None: ...
    def location(self, *path: str | int) -> Location: ...


@dataclass
class Record:
    cls: ModelClass
    data: dict[str, Any]  # as read: a reading.Mapping, with the line and column of every key and item
    file: str  # as shown to the publisher, relative to the datasets folder
    owner: Record | None = None  # the letter an inline record (signature, position) belongs to
    index: int = 0  # position among the owner's inline records
    text: str | None = None  # a letter's source text

    @property
    def field_prefix(self) -> str:
        """How the letter file names this inline record: 'positions.2.' (empty for top-level records)."""
        if self.owner is None:
            return ""
        owner_field = next(f.name for f in self.owner.cls.fields.values() if f.range == self.cls.name)
        return f"{owner_field}.{self.index}."

    @property
    def key(self) -> str:
        return str(self.data.get(ID_FIELD, ""))

    def location(self, *path: str | int) -> Location:
        line, column = position_of(self.data, list(path))
        return Location(self.file, line, column)


R = TypeVar("R", bound=RecordLike)


@dataclass
class Dataset(Generic[R]):
    """Records by class name: Records as read, or the Skeletons the checks across records read."""

    records: dict[str, list[R]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # What could not be read (already reported): references to it are not reported again as unknown.
    unreadable_classes: set[str] = field(default_factory=set)
    unreadable_keys: dict[str, set[str]] = field(default_factory=dict)

    def of(self, class_name: str) -> list[R]:
        return self.records.get(class_name, [])

    def add(self, record: R) -> None:
        self.records.setdefault(record.cls.name, []).append(record)


def _list_file(cls: ModelClass, file: str, root: Path, dataset: Dataset[Record]) -> None:
    path = root / file
    if not path.exists():
        return
    data = read_yaml(path, file, dataset.problems)
    if not isinstance(data, list):
        dataset.unreadable_classes.add(cls.name)
    if data is None:
        return
    if not isinstance(data, list):
        dataset.problems.append(
            Problem(
                "not-a-list",
                ERROR,
                f"{file} must hold a list of {cls.en.lower()} records",
                Location(file, getattr(data, "line", 1), 1),
                hint="start each record with '- id: ...'",
            )
        )
        return
    for number, item in enumerate(data):
        if not isinstance(item, Mapping):
            dataset.unreadable_classes.add(
                cls.name
            )  # its id is unknown: references to the class are not judged
            line, column = position_of(data, [number])
            dataset.problems.append(
                Problem(
                    "not-a-record",
                    ERROR,
                    f"item {number + 1} is not a record (a mapping)",
                    Location(file, line, column),
                    hint="write 'field: value' pairs",
                )
            )
            continue
        dataset.add(Record(cls, item, file))


def read_letter(model: Model, path: Path, root: Path) -> tuple[list[Record], list[Problem]]:
    """One letter file: the letter record with its text, its signatures and its positions."""
    problems: list[Problem] = []
    display = path.relative_to(root).as_posix()
    data = read_yaml(path, display, problems)
    if data is None:
        return [], problems
    letter_cls = model.classes[LETTER]
    if not isinstance(data, Mapping):
        problems.append(
            Problem(
                "not-a-record",
                ERROR,
                "a letter file holds one record (a mapping)",
                Location(display, getattr(data, "line", 1), 1),
                hint="write 'field: value' pairs",
            )
        )
        return [], problems
    letter = Record(letter_cls, data, display)
    if data.get(ID_FIELD) not in (None, path.stem):
        problems.append(
            Problem(
                "id-file-mismatch",
                ERROR,
                f"id '{data.get('id')}' differs from the file name '{path.stem}'",
                letter.location(ID_FIELD),
                field=ID_FIELD,
                hint=f"name the file {data.get('id')}.yaml or change the id",
            )
        )
    text_name = data.get(TEXT_FIELD)
    if isinstance(text_name, str) and text_name != f"{path.stem}.txt":
        problems.append(
            Problem(
                "text-name",
                ERROR,
                f"the text of {path.name} must be {path.stem}.txt, not '{text_name}'",
                letter.location(TEXT_FIELD),
                field=TEXT_FIELD,
                hint=f"rename the text file to {path.stem}.txt: a letter is <id>.yaml beside <id>.txt",
            )
        )
    elif text_name is None and path.with_suffix(".txt").exists():
        problems.append(
            Problem(
                "text-unused",
                WARNING,
                f"{path.stem}.txt lies beside the record, but the record names "
                "no text: it is not published and no quote can be checked against it",
                letter.location(),
                field=TEXT_FIELD,
                hint=f"add the line text: {path.stem}.txt",
            )
        )
    elif isinstance(text_name, str):
        text_path = path.parent / text_name
        if text_path.exists():
            letter.text = read_text(text_path, text_path.relative_to(root).as_posix(), problems)
        else:
            problems.append(
                Problem(
                    "text-missing",
                    ERROR,
                    f"source text '{text_name}' not found beside the record",
                    letter.location(TEXT_FIELD),
                    field=TEXT_FIELD,
                    hint=f"add {display.rsplit('/', 1)[0]}/{text_name} or correct the name",
                )
            )
    records = [letter]
    for inline in model.inline_fields(LETTER):  # signatories, positions
        items = data.get(inline.name)
        if isinstance(items, list):
            inline_cls = model.classes[inline.range]
            records += [
                Record(inline_cls, item, display, owner=letter, index=i)
                for i, item in enumerate(items)
                if isinstance(item, Mapping)
            ]
    return records, problems


def letter_files(root: Path) -> list[Path]:
    folder = root / LETTERS_DIR
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _unexpected_files(model: Model, root: Path, dataset: Dataset[Record]) -> None:
    known = {cls.file for cls in model.classes.values() if cls.file} | set(OTHER_FILES)
    for path in sorted(root.glob("*.y*ml")):
        if path.name not in known:
            close = difflib.get_close_matches(path.name, sorted(known), n=1)
            dataset.problems.append(
                Problem(
                    "unknown-file",
                    WARNING,
                    f"{path.name} is not a source file and was ignored",
                    Location(path.name),
                    hint=(f"did you mean {close[0]}? " if close else "")
                    + "source files are: "
                    + ", ".join(sorted(known)),
                )
            )
    folder = root / LETTERS_DIR
    if folder.exists() and not folder.is_dir():
        dataset.problems.append(
            Problem(
                "file-unreadable",
                ERROR,
                f"{LETTERS_DIR} is a file; it must be the folder of the letters",
                Location(LETTERS_DIR),
                hint=f"move the letters into a folder {LETTERS_DIR}/",
            )
        )
    if folder.is_dir():
        stems = {p.stem for p in folder.glob("*.yaml")}
        for path in sorted(folder.iterdir()):
            if path.is_dir():
                dataset.problems.append(
                    Problem(
                        "unknown-file",
                        WARNING,
                        f"{path.name}/ is a folder: letters in "
                        "sub-folders are not read and were not published",
                        Location(f"{LETTERS_DIR}/{path.name}"),
                        hint=f"move its letters up into {LETTERS_DIR}/ (each <id>.yaml with <id>.txt)",
                    )
                )
            elif path.suffix not in (".yaml", ".txt") and path.is_file():
                dataset.problems.append(
                    Problem(
                        "unknown-file",
                        WARNING,
                        f"{path.name} is neither a letter record nor a text",
                        Location(f"{LETTERS_DIR}/{path.name}"),
                        hint="letters are <id>.yaml with <id>.txt",
                    )
                )
            elif path.suffix == ".txt" and path.stem not in stems:
                dataset.problems.append(
                    Problem(
                        "unknown-file",
                        WARNING,
                        f"{path.name} has no letter record {path.stem}.yaml and was not published",
                        Location(f"{LETTERS_DIR}/{path.name}"),
                        hint=f"add {LETTERS_DIR}/{path.stem}.yaml with text: {path.name}, "
                        "or rename the text after its letter",
                    )
                )


def read_shared(model: Model, root: Path) -> Dataset[Record]:
    """Everything but the letters: organisations, memberships, people, posts, themes, meetings."""
    dataset: Dataset[Record] = Dataset()
    for cls in model.classes.values():
        if cls.file and not cls.file.startswith(LETTERS_DIR):
            _list_file(cls, cls.file, root, dataset)
    _unexpected_files(model, root, dataset)
    # A letter's key is its file name: a letter file that turns out unreadable is still not an unknown reference.
    dataset.unreadable_keys[LETTER] = {path.stem for path in letter_files(root)}
    return dataset


def read_dataset(model: Model, root: Path) -> Dataset[Record]:
    dataset = read_shared(model, root)
    for path in letter_files(root):
        records, problems = read_letter(model, path, root)
        dataset.problems += problems
        for record in records:
            dataset.add(record)
    return dataset
