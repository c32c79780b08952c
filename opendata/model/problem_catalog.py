"""Every problem code, with what it means and what to do: the one catalog.

The checks give each Problem (opendata/model/problems.py) a code of this catalog; ProblemCode lets
mypy check every code at its call site, and tests/test_problem_catalog.py checks that the catalog
and the Literal agree and that the README's table of problem codes is `problem_table()`. Nothing
here is written into a publication (the privacy guard's own words leave this file out).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

ProblemCode = Literal[
    "yaml-syntax",
    "yaml-duplicate-key",
    "yaml-alias",
    "yaml-unsafe-tag",
    "file-empty",
    "file-too-large",
    "file-unreadable",
    "not-text",
    "encoding",
    "bom",
    "not-a-list",
    "not-a-record",
    "unknown-file",
    "text-unused",
    "text-missing",
    "text-name",
    "id-file-mismatch",
    "missing-field",
    "unknown-field",
    "empty-value",
    "wrong-type",
    "invalid-value",
    "invalid-format",
    "schema",
    "invalid-date",
    "date-in-future",
    "date-order",
    "organisation-not-existing",
    "unknown-reference",
    "reference-to-draft",
    "duplicate-id",
    "duplicate-value",
    "control-character",
    "character-not-allowed",
    "number-too-long",
    "file-outside",
    "special-file",
    "unknown-but-given",
    "evidence-mismatch",
    "evidence-disagrees",
    "evidence-without-text",
    "invalid-source",
    "source-without-value",
    "statement-mismatch",
    "draft-skipped",
    "invalid-iri",
    "cycle",
    "config-missing",
    "config-invalid",
    "privacy-leak",
    "out-refused",
    "write-failed",
    "cache-rebuilt",
    "cache-lost",
    "cache-unusable",
    "shacl",
    "release-version-reused",
    "releases-unreadable",
    "releases-bad-header",
    "releases-bad-numbers",
    "releases-bad-row",
    "withdrawn-not-a-list",
    "withdrawn-bad-entry",
    "withdrawn-unknown-field",
    "withdrawn-no-resource",
    "withdrawn-bad-date",
    "withdrawn-duplicate",
    "withdrawn-still-present",
    "withdrawn-unknown",
    "withdrawn-content-published",
    "not-a-datasets-folder",
    "file-not-found",
    "unsupported-file",
    "suffix-mismatch",
    "ingest-failed",
    "no-text",
    "not-a-letter",
    "draft-incomplete",
    "reviewed-record-kept",
    "possible-duplicate",
    "input-in-datasets",
    "ingest-ledger-unreadable",
    "ingest-interrupted",
    "ingest-busy",
    "pdf-encrypted",
    "pdf-corrupt",
    "pdf-no-pages",
    "pdf-too-long",
    "ocr-unavailable",
    "ocr-failed",
    "image-corrupt",
    "image-too-long",
    "docx-corrupt",
    "docx-tracked-changes",
    "odt-corrupt",
    "odt-tracked-changes",
]


@dataclass(frozen=True)
class ProblemKind:
    """What a problem code means, for the people who meet it: the README's table and `opendata explain`."""

    code: ProblemCode
    severity: Severity  # the severity it is reported with (shacl: as the shape says, error by default)
    title: str  # what is wrong
    hint: str  # what to do, in general; each problem's own hint is more precise
    documentation: str  # why it is a problem, and what else to know


def _kind(
    code: ProblemCode, title: str, hint: str, documentation: str, severity: Severity = "error"
) -> ProblemKind:
    return ProblemKind(code, severity, title, hint, documentation)


_KINDS = (
    # Reading the files of datasets/
    _kind(
        "yaml-syntax",
        "the file is not valid YAML",
        "check indentation (spaces, never tabs) and quotes on or just before the line",
        "The YAML parser stopped at this line. An unclosed quote or bracket is reported where it was "
        "opened, since that is where the fault is; nothing else in the file is checked until it reads.",
    ),
    _kind(
        "yaml-duplicate-key",
        "a field appears twice in one record",
        "keep one: the later one would silently win",
        "Plain YAML parsers keep the last of two equal keys without a word; opendata refuses the file "
        "so that no value is lost unseen.",
    ),
    _kind(
        "yaml-alias",
        "an anchor or alias (`&a`, `*a`, `<<:`)",
        "write values out in full; sources are plain YAML",
        "Aliases make one value stand in many places and can blow up in size (the billion laughs); "
        "sources are read as plain data only.",
    ),
    _kind(
        "yaml-unsafe-tag",
        "a tag such as `!!python/…`",
        "remove the tag; quote the value if it is text",
        "Tags ask the parser to build program objects; sources are plain text, numbers, lists and mappings.",
    ),
    _kind(
        "file-empty",
        "an empty file, or a YAML file with only comments",
        "add content, or remove the file",
        "An empty letter text or records file is almost always a mistake in copying; it is reported "
        "rather than published as nothing.",
    ),
    _kind(
        "file-too-large",
        "a file over 1 MB (YAML) or 5 MB (text); in ingest, a file over its limit",
        "split the file, or check that it is the right file",
        "At most the limit plus one byte is ever read, whatever size the file reports, so a wrong file "
        "(a disk image, /dev/zero) cannot exhaust memory.",
    ),
    _kind(
        "file-unreadable",
        "a file that cannot be read, or a folder where a file belongs",
        "check the file's permissions; put the file itself there",
        "The operating system refused to open or read the file (the message gives its reason), or the "
        "name is a folder.",
    ),
    _kind(
        "not-text",
        "a PDF or Word file named `.txt` (it holds NUL bytes)",
        "save the letter as plain text (UTF-8)",
        "A letter's text must be plain text: its characters are quoted by offset, and published as they are.",
    ),
    _kind(
        "encoding",
        "a text in Windows-1252/Latin-1 or UTF-16; it was read correctly",
        "check the characters the message names, then save as UTF-8",
        "The file was decoded anyway, so the publication goes ahead; the warning names the first byte "
        "that was not UTF-8, so that a wrong guess can be seen.",
        severity="warning",
    ),
    _kind(
        "bom",
        "a file that starts with a byte-order mark; it was ignored",
        "save the file as UTF-8 without BOM",
        "The mark is invisible, and would otherwise shift every character offset of a quote by one.",
        severity="warning",
    ),
    _kind(
        "not-a-list",
        "a list file is not a list of `- id: …` records",
        "write `field: value` records, each starting with `- id: …`",
        "Files such as organisations.yaml and people.yaml hold a list of records of one class.",
    ),
    _kind(
        "not-a-record",
        "a letter file is not one record, or an item of a list is not a record",
        "write `field: value` pairs",
        "Every record is a mapping of fields to values; a bare value or a list cannot be read as one.",
    ),
    _kind(
        "unknown-file",
        "a file that is not read (a typo in its name, a text without a record, a sub-folder of letters)",
        "rename it, or move it where it belongs",
        "Only the files the model names are read; any other file would silently stay unpublished, so it "
        "is named, with the closest known name.",
        severity="warning",
    ),
    _kind(
        "text-unused",
        "a letter's text lies beside it, but the record does not name it",
        "add `text: <id>.txt` to the record",
        "A text the record does not name is not published, and no quote can be checked against it.",
        severity="warning",
    ),
    _kind(
        "text-missing",
        "the text a letter names is not beside it",
        "add the text file, or correct its name",
        "A letter is `<id>.yaml` beside `<id>.txt`; its positions' quotes are checked against that text.",
    ),
    _kind(
        "text-name",
        "a letter names a text other than `<id>.txt`",
        "rename the text file after its letter",
        "One name per letter keeps the text's published path (`tekst/<id>.txt`) predictable.",
    ),
    _kind(
        "id-file-mismatch",
        "a letter's id is not its file name",
        "name the file `<id>.yaml`, or change the id",
        "A letter is found by its file name, and its IRI is made from its id: the two must agree.",
    ),
    # The records against the model (the JSON Schema generated from schemas/model.yaml)
    _kind(
        "missing-field",
        "a required field is missing",
        "add it, or list it under `unknown` if the source does not say",
        "The model marks the field required. A letter may declare a field it cannot fill under `unknown`.",
    ),
    _kind(
        "unknown-field",
        "a field the model does not know (the hint says which one you meant)",
        "fix the spelling",
        "A misspelt field would otherwise be dropped without a word; the hint names the closest field "
        "and lists the allowed ones.",
    ),
    _kind(
        "empty-value",
        "a field that is empty, an empty list or an empty mapping",
        "write a value, or remove the line",
        "An empty value says nothing; leave the field out, or declare it unknown.",
    ),
    _kind(
        "wrong-type",
        "text where a list or number belongs, or the other way round",
        "follow the hint: it shows the form",
        "YAML reads `0546` as a number and `2019-06-11` as a date unless quoted; the hint says how to "
        "write the value the model expects.",
    ),
    _kind(
        "invalid-value",
        "a value not in the list of allowed values, or a number out of range",
        "use one of the allowed values the hint lists",
        "Value lists come from the model's enums; the hint names the closest allowed value.",
    ),
    _kind(
        "invalid-format",
        "a key or reference number in the wrong form",
        "write it as the hint shows",
        "Keys are lower-case letters, digits and hyphens (they end every IRI); the hint gives the key "
        "the value would have.",
    ),
    _kind(
        "schema",
        "any other breach of the records' JSON Schema",
        "read the message: it is the JSON Schema validator's own",
        "The fallback for a schema rule that has no code of its own (the others are worded for people): "
        "the message is the validator's. It should not occur with the model as it is; if it does, "
        "please report it, so that it gets a proper code.",
    ),
    _kind(
        "invalid-date",
        "a day or month that does not exist, or a date not written as `YYYY-MM-DD`",
        "write `YYYY-MM-DD` (or `YYYY-MM` where a month is allowed)",
        "The hint says how many days the month has. Meeting dates may be a month alone when the source "
        "gives no day.",
    ),
    _kind(
        "date-in-future",
        "a date after today",
        "check the date in the letter",
        "The one check that depends on the clock: a letter cannot have been sent tomorrow.",
    ),
    _kind(
        "date-order",
        "received before sent, or an end before its start",
        "swap the dates, or correct one of them",
        "Both dates are real, but their order is impossible.",
    ),
    _kind(
        "organisation-not-existing",
        "the TOOI register says the organisation did not exist on the letter's date",
        "check the date, or use the organisation of that time",
        "Municipalities merge; the register gives each code its lifetime, and a letter's sender and "
        "addressees must have existed when it was sent.",
    ),
    _kind(
        "unknown-reference",
        "a key that names no record (or TOOI code)",
        "use the suggested key, or add the record",
        "References are by key; the hint names the closest key, or the TOOI organisation meant.",
    ),
    _kind(
        "reference-to-draft",
        "a reviewed record names a draft (`status: draft`) that the publication leaves out",
        "review the draft the message points at and remove `status: draft`, or set `include_drafts: true` "
        "in `publication.yaml`",
        "The draft exists but is not published (see draft-skipped): a reference to it would point nowhere.",
    ),
    _kind(
        "duplicate-id",
        "two records with one id (also across letter files), or a record for a TOOI code",
        "give each record its own id",
        "An id becomes an IRI: two records with one id would be merged into one resource.",
    ),
    _kind(
        "duplicate-value",
        "one value twice in a list",
        "list each value once",
        "Lists of the model are sets; a value listed twice is a mistake.",
    ),
    _kind(
        "control-character",
        "an invisible control character (an escape code, a NUL) in a value",
        "remove it: only tabs and line breaks may stand in a text",
        "No XML output can hold these characters, and no reader sees them.",
    ),
    _kind(
        "character-not-allowed",
        "U+2028/U+2029 (line and paragraph separators), a noncharacter (U+FFFE, U+FFFF, U+FDD0…) or a lone "
        "surrogate in a value: they break lines or XML",
        "remove it; write a line break as a new line in a `\\|` block",
        "These characters pass YAML but break JSON-in-HTML, N-Triples readers or XML.",
    ),
    _kind(
        "number-too-long",
        "an unquoted number of more than 30 digits",
        "correct it; quote it if it is a code or reference",
        "Such a number is a typo or a code; reading it as a number would cost time and lose its form.",
    ),
    _kind(
        "file-outside",
        "a source that is a link to a file outside the datasets folder (`/etc/passwd`, `/proc`): it is not read",
        "put the file itself in the datasets folder",
        "Sources are untrusted: a link must not publish a file of the machine that publishes.",
    ),
    _kind(
        "special-file",
        "a source that is a named pipe, a device (`/dev/zero`) or a socket: it is not read",
        "put the file itself in the datasets folder",
        "Such a file could block the reader or never end; only regular files are read.",
    ),
    _kind(
        "unknown-but-given",
        "a field listed under `unknown` also has a value",
        "remove one of the two",
        "`unknown` says the source leaves a field open; a value contradicts it.",
    ),
    _kind(
        "evidence-mismatch",
        "a position's or a source's quote is not at `start`–`end` in the letter's text",
        "use the offsets in the hint, or copy the quote exactly",
        "Evidence is checked character for character; the hint gives the offsets where the quote does stand.",
    ),
    _kind(
        "evidence-disagrees",
        "a date's or a reference's evidence says another value (a person corrected a draft's value and "
        "left the evidence ingest gave)",
        "give the passage that says the value, or replace the evidence with `{editorial: …}`",
        "The quote of a date is read for its whole dates ('3 oktober 2014', '20-8-2019'), one of which must "
        "be the value; a reference must stand in its quote, spaces and case aside. A quote without a whole "
        "date is not judged.",
        severity="warning",
    ),
    _kind(
        "evidence-without-text",
        "a quote from a letter that has no source text",
        "add the letter's text, or name the letter whose text holds the quote",
        "A quote can only be checked, and published with its offsets, against a text.",
    ),
    _kind(
        "invalid-source",
        "a source under `sources` that is not exactly one of evidence, `register` or `editorial`",
        "give one source per entry; see docs/fact-sources.md",
        "Each source says where one fact comes from: a quoted passage, the TOOI register, or the editors.",
    ),
    _kind(
        "source-without-value",
        "a source for a field that has no value and is not declared `unknown`",
        "give the value, remove its source, or declare the field unknown",
        "A source supports a value; without one it can only say why the field is open, under `unknown`.",
    ),
    _kind(
        "statement-mismatch",
        "a position's `statement` that is neither its quote nor the quote as clean text",
        "drop `statement`: it is derived from the quote",
        "The statement is the quote with OCR noise and line breaks cleaned; a record that still gives "
        "one must agree with it.",
    ),
    _kind(
        "draft-skipped",
        "a record with `status: draft` (machine-extracted, not reviewed) is not published",
        "review it and remove `status: draft`, or set `include_drafts: true` in `publication.yaml`",
        "Drafts come from `opendata ingest`; they are published only when the publisher asks for them.",
        severity="warning",
    ),
    _kind(
        "invalid-iri",
        "not an absolute IRI",
        "write it in full: `https://…`",
        "The value is published as an IRI, so it must parse as one and be absolute.",
    ),
    _kind(
        "cycle",
        "part_of, broader, cites, attachments or memberships that go round in a circle",
        "remove the link that closes the circle",
        "An organisation cannot be part of itself, nor a letter an attachment of its own attachment.",
    ),
    # The publication and the build
    _kind(
        "config-missing",
        "`publication.yaml` is missing (exit 2)",
        "copy datasets/publication.yaml from the repository and edit it",
        "The configuration holds what only the publisher knows: base IRI, title, licence, contact.",
    ),
    _kind(
        "config-invalid",
        "`publication.yaml` is wrong (exit 2)",
        'fix the field named; see "Configuring a publication"',
        "It is checked against schemas/publication.schema.json, and its base IRI, base URL and TOOI "
        "codes against the rules the schema cannot express.",
    ),
    _kind(
        "privacy-leak",
        "the name or key of a person marked `public: false` would appear in a published file",
        'rename that record; see "Privacy guard"',
        "Every file written is scanned for any spelling of the name and for the key; the message names "
        "the file, line, field and word.",
    ),
    _kind(
        "out-refused",
        "`--out` is not a publication `opendata` made, or is (in) the datasets folder (exit 2)",
        "choose another `--out`",
        "publish only replaces folders it made itself, so a wrong `--out` cannot delete anything.",
    ),
    _kind(
        "write-failed",
        "the disk is full or a file cannot be written (exit 2)",
        "free space; the previous publication is unchanged",
        "The build is written beside the published one and switched in only when complete.",
    ),
    _kind(
        "cache-rebuilt",
        "the build cache could not be read; it was emptied",
        "nothing: every letter is built afresh once",
        "The cache is only a speed-up (`--no-cache` skips it).",
        severity="warning",
    ),
    _kind(
        "cache-lost",
        "a letter's part left in the build cache was gone or damaged (its checksum differs) before the outputs were written (exit 2)",
        "publish again; the previous publication is unchanged",
        "With a cache, the letters' parts are read from it while the outputs are written; a cache "
        "emptied or damaged meanwhile (by hand, or on another machine sharing the folder) stops the build.",
    ),
    _kind(
        "cache-unusable",
        "the build cache folder cannot be made or written (a file in its place, no permission)",
        "nothing: the build runs without a cache; give `--cache` a writable folder",
        "The cache is only a speed-up: without it every letter is built afresh.",
        severity="warning",
    ),
    _kind(
        "shacl",
        "the graph breaks a shape in `shapes.ttl`",
        "the message names the node and the rule",
        "The graph is validated against the SHACL shapes generated from the model. A shape of severity "
        "sh:Warning gives a warning instead of an error.",
    ),
    # Releases and withdrawals (datasets/releases.csv, datasets/withdrawn.yaml)
    _kind(
        "release-version-reused",
        "the data changed but `version` in publication.yaml did not",
        "give publication.yaml a new version (and issued date) for each release",
        "The release is counted (`2019.1-r2`) so that versions stay unique; see docs/releases.md.",
        severity="warning",
    ),
    _kind(
        "releases-unreadable",
        "`releases.csv` cannot be read",
        "restore it from version control",
        "The release history is written only by publish; a damaged one is not guessed at.",
    ),
    _kind(
        "releases-bad-header",
        "`releases.csv` does not start with its header row",
        "restore it from version control",
        "The history's columns are fixed; a different header means the file is not the history.",
    ),
    _kind(
        "releases-bad-numbers",
        "the releases in `releases.csv` are not numbered 1, 2, 3, …",
        "restore it from version control",
        "Rows were lost or edited: the history would no longer say what each release held.",
    ),
    _kind(
        "releases-bad-row",
        "a row of `releases.csv` that cannot be read",
        "restore it from version control",
        "The message names the row and what is wrong with it.",
    ),
    _kind(
        "withdrawn-not-a-list",
        "`withdrawn.yaml` is not a list of withdrawals",
        "write `- resource: brief/<key>` entries with `date` and `reason`",
        "Each withdrawal is one entry of the list.",
    ),
    _kind(
        "withdrawn-bad-entry",
        "a withdrawal that is not a mapping, or a `reason` or `privacy` of the wrong type",
        "write resource, date, reason (text) and privacy (true or false)",
        "See docs/releases.md for the form of an entry.",
    ),
    _kind(
        "withdrawn-unknown-field",
        "a withdrawal with a field other than resource, date, reason, privacy",
        "fix the spelling",
        "A misspelt `privacy` would otherwise leave personal data in the change log.",
    ),
    _kind(
        "withdrawn-no-resource",
        "a withdrawal that names no resource",
        "give its IRI, or its path under base_iri (`brief/<key>`)",
        "A withdrawal needs the resource whose IRI will answer 410 Gone.",
    ),
    _kind(
        "withdrawn-bad-date",
        "a withdrawal date not written `YYYY-MM-DD`",
        "write a date such as 2019-07-01",
        "The date is published on the resource's tombstone.",
    ),
    _kind(
        "withdrawn-duplicate",
        "a resource withdrawn twice",
        "keep one entry",
        "Two entries could give two dates or reasons for one tombstone.",
    ),
    _kind(
        "withdrawn-still-present",
        "a withdrawn resource is still in the datasets",
        "delete its record (and a letter's text), or take it off `withdrawn.yaml`",
        "A resource cannot be published and withdrawn at once.",
    ),
    _kind(
        "withdrawn-unknown",
        "a withdrawal names a resource that was never published",
        "name the IRI of a published resource, or its path under base_iri",
        "Only a published resource can be withdrawn; the name is probably misspelt.",
    ),
    _kind(
        "withdrawn-content-published",
        "a file of the new build still holds the title of a resource withdrawn for privacy",
        "remove what quotes the withdrawn resource from the other records",
        "publish scans the new build for the title (as it was in the history) and refuses it (exit 1).",
    ),
    # opendata ingest (drafts from letters in PDF, images, Word, OpenDocument or text)
    _kind(
        "not-a-datasets-folder",
        "`--into` names a folder without `publication.yaml`",
        "name the datasets folder to add drafts to",
        "ingest writes drafts into an existing datasets folder only.",
    ),
    _kind(
        "file-not-found",
        "a file or folder given to ingest does not exist",
        "give existing files or folders",
        "Nothing is read from a name that does not exist; the other files are still ingested.",
    ),
    _kind(
        "unsupported-file",
        "a file of a kind ingest does not read",
        "give PDF, PNG/JPEG/TIFF, .docx, .odt or .txt files",
        "The kind is judged by the file's contents and name.",
    ),
    _kind(
        "suffix-mismatch",
        "a file whose contents are of another kind than its name says (a PDF named .txt)",
        "rename the file to the suffix of its kind",
        "ingest reads a file by what its first bytes say it is (PDF, PNG, JPEG, TIFF, GIF, WebP, .docx, "
        ".odt) where that differs from its suffix, and names the kind; a .doc or RTF file is not read "
        "(unsupported-file).",
        severity="warning",
    ),
    _kind(
        "ingest-failed",
        "reading or extracting a file failed inside opendata",
        "please report it: it is a fault of opendata ingest, not of the file",
        "The other files are still ingested.",
    ),
    _kind(
        "no-text",
        "a file that holds no readable text",
        "check that it is a letter; a scan must be legible",
        "Neither the text layer nor OCR gave any text.",
    ),
    _kind(
        "not-a-letter",
        "no salutation or heading that makes it a letter (a Kamerstuk's \"NOTA NAAR AANLEIDING VAN HET VERSLAG\", answers to written questions or the questions), and not two marks of a letter of which one only a letter has (addressee, signature, reference, closing, a letter's header labels, a printed e-mail's header, a postal address above the subject)",
        "check the file; ingest reads letters only",
        "No draft is written for it.",
    ),
    _kind(
        "draft-incomplete",
        "no addressee was found; the draft cannot be published until a person adds one",
        "add the addressees to the draft",
        "The draft is written, marked incomplete.",
        severity="warning",
    ),
    _kind(
        "reviewed-record-kept",
        "a record a person reviewed or edited would change; ingest left it as it is",
        "apply the changes by hand if they are right, or delete the record (its .yaml; keep its .txt) to draft it again",
        'The message lists what the new source would change (`title: "old" -> "new"`).',
        severity="warning",
    ),
    _kind(
        "possible-duplicate",
        "a new draft has the reference and sender of a letter the dataset holds (the same letter as a PDF and as OCR'd text, or ingested from two folders)",
        "if it is the same letter, delete one of the two records with its text (a later ingest of the same file does not draft it again)",
        "Both are written: ingest loses nothing. A record ingest wrote for a letter known only from a letter citing it is no duplicate: the letter takes that record's id.",
        severity="warning",
    ),
    _kind(
        "input-in-datasets",
        "files given to ingest lie inside the `--into` folder (its letters' texts)",
        "give the folder of the letters to ingest, outside the datasets folder",
        "Reading them again would draft every letter a second time; they are left out, the other files are ingested.",
        severity="warning",
    ),
    _kind(
        "ingest-ledger-unreadable",
        "`.opendata-ingest.json` in the datasets folder is not JSON or not the ledger's shape",
        "restore it from version control or a backup; deleting it makes ingest treat every record as edited by a person",
        "The ledger holds every id issued and the digest of every file ingest wrote; without it ingest "
        "could reuse an id or overwrite a person's edit, so it stops before reading anything (exit 1).",
    ),
    _kind(
        "ingest-interrupted",
        "the ingest was stopped (Ctrl-C) before it had read every file",
        "run the same command again: the files done are not read again",
        "The drafts of the files read before the stop are written, each file whole; the files being read "
        "when it came are read again by the next run, with the same ids. Exit code 130. An ingest killed "
        "outright (kill -9, a power cut) keeps what its last checkpoint wrote and leaves nothing "
        "half-written; the next run does the rest without duplicates.",
    ),
    _kind(
        "ingest-busy",
        "another ingest is writing into the same datasets folder",
        "wait for it to finish, then run this one again",
        "One ingest at a time holds the folder (a lock the system releases when that ingest ends, "
        "however it ends): two at once would each save a ledger without the other's files, and the next "
        "run would take the records of one for a person's edits. Nothing is read or written (exit 1).",
    ),
    _kind(
        "pdf-encrypted",
        "the PDF is encrypted with a password",
        "ask the sender for an unprotected copy, or remove the password",
        "An encrypted PDF cannot be read without its password.",
    ),
    _kind(
        "pdf-corrupt",
        "the PDF cannot be read",
        "export the letter again: the file is damaged or not a PDF",
        "The PDF reader's message is given.",
    ),
    _kind(
        "pdf-no-pages",
        "the PDF has no pages",
        "export the letter again",
        "There is nothing to read.",
    ),
    _kind(
        "pdf-too-long",
        "the PDF has more pages than a letter has",
        "split the file into its letters, or leave reports out of the ingest",
        "Long documents are reports or bundles, not letters.",
    ),
    _kind(
        "ocr-unavailable",
        "a scan needs OCR, but tesseract (or its Dutch data) is not installed",
        "install the Debian packages tesseract-ocr and tesseract-ocr-nld",
        "Every other file is still ingested.",
    ),
    _kind(
        "ocr-failed",
        "OCR of a page failed",
        "check the image; a page must be a legible scan",
        "tesseract's message is given.",
    ),
    _kind(
        "image-corrupt",
        "the image cannot be read",
        "scan the letter again",
        "The image library's message is given.",
    ),
    _kind(
        "image-too-long",
        "the image (a multi-page TIFF) has more pages than a letter has",
        "split the file into its letters, or leave reports out of the ingest",
        "Long documents are reports or bundles, not letters.",
    ),
    _kind(
        "docx-corrupt",
        "the Word file cannot be read",
        "save it again as .docx",
        "The file is damaged or not a Word document.",
    ),
    _kind(
        "docx-tracked-changes",
        "the Word file holds tracked changes",
        "accept or reject the changes in Word, save, and ingest again",
        "Which text is the letter's is not decided while changes are pending.",
    ),
    _kind(
        "odt-corrupt",
        "the OpenDocument file cannot be read",
        "save it again as .odt",
        "The file is damaged or not an OpenDocument text.",
    ),
    _kind(
        "odt-tracked-changes",
        "the OpenDocument file holds tracked changes",
        "accept or reject the changes, save, and ingest again",
        "Which text is the letter's is not decided while changes are pending.",
    ),
)

CATALOG: dict[str, ProblemKind] = {kind.code: kind for kind in _KINDS}


def problem_table() -> str:
    """The README's table of problem codes, one row per code, in the catalog's order."""
    rows = ["| code | what is wrong | what to do |", "|---|---|---|"]
    for kind in _KINDS:
        severity = " (warning)" if kind.severity == "warning" else ""
        rows.append(f"| `{kind.code}`{severity} | {kind.title} | {kind.hint} |")
    return "\n".join(rows) + "\n"
