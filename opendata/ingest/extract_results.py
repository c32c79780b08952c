"""What the extraction finds: each value with its evidence (`Found`), the signatories, the cited letters
and the letter's whole `Extraction`, the types every extract_*.py module that reads a part returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from opendata.ingest.extract_organisations import OrgMention

HEADER_LIMIT = 2500  # a header (letterhead, address, date, references, subject) is never longer


# The kind's detail of a reply printed over the messages it answers, with no header of its own: the
# letter gate (ingest.is_letter) takes it for an e-mail though its date, subject and sender are unknown.
REPLY_OVER_THREAD = "reply over thread"


@dataclass(frozen=True)
class Found:
    """One extracted value with its evidence: `quote` is text[start:end], what the value was read from."""

    value: str
    start: int
    end: int
    confidence: float
    detail: str | None = None
    quote: str = ""


@dataclass(frozen=True)
class Signatory:
    name: Found | None
    role: Found | None  # role.detail: the organisation of the post when the block names it ("gm0579")
    on_behalf_of: Found | None
    # the body the role is written to be of ("De secretaris van de Bestuurscommissie Noord"): its code where
    # the register resolves it (detail: the body, "college-van-burgemeester-en-wethouders"), else as written
    post_of: Found | None = None


@dataclass(frozen=True)
class Citation:
    date: Found | None
    reference: Found | None
    sender: Found | None


@dataclass(frozen=True)
class Extraction:
    kind: Found | None
    date_sent: Found | None
    place: Found | None
    our_reference: Found | None
    your_reference: Found | None
    dossier_references: tuple[Found, ...]
    subject: Found | None
    salutation: Found | None
    sender: Found | None
    addressees: tuple[Found, ...]
    signatories: tuple[Signatory, ...]
    cites: tuple[Citation, ...]
    attachments: tuple[Found, ...]
    organisations_mentioned: tuple[Found, ...]
    themes: tuple[Found, ...]
    # A joint sender ("namens de vijf colleges van de Leidse regio"): each member body, resolved
    # through the groups given to extract(); `sender` then holds the group as written.
    sender_members: tuple[Found, ...] = field(default=())

    def facts(self) -> dict:
        """The facts format (see the ingest contract), for scoring and for the draft writer."""

        def value(found: Found | None) -> str | None:
            return found.value if found else None

        sender: str | list[str] | None = value(self.sender)
        if self.sender_members:
            sender = sorted({member.value for member in self.sender_members})
        return {
            "kind": value(self.kind),
            "date_sent": value(self.date_sent),
            "our_reference": value(self.our_reference),
            "your_reference": value(self.your_reference),
            "dossier_references": [f.value for f in self.dossier_references],
            "subject": value(self.subject),
            "sender": sender,
            "sender_body": self.sender.detail if self.sender else None,
            "addressees": [f.value for f in self.addressees],
            "signatories": [{"name": value(s.name), "role": value(s.role)} for s in self.signatories],
            "cites": [{"date": value(c.date), "reference": value(c.reference)} for c in self.cites],
            "organisations_mentioned": [f.value for f in self.organisations_mentioned],
        }


def found(text: str, value: str, start: int, end: int, confidence: float, detail: str | None = None) -> Found:
    return Found(value, start, end, round(confidence, 2), detail, text[start:end])


def from_mention(text: str, mention: OrgMention, confidence: float | None = None) -> Found:
    return found(
        text,
        mention.value,
        mention.start,
        mention.end,
        mention.confidence if confidence is None else confidence,
        mention.body,
    )
