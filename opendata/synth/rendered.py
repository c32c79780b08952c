"""A letter as the renderer lays it out: blocks of lines at places on its first page, the body's
paragraphs and the footer, with the truth its text states. Every file format (PDF, scan, Word,
OpenDocument, text) is drawn from one of these."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """Lines of text at a place on the page (millimetres from the top left), in reading order."""

    x: float
    y: float
    lines: list[str]
    size: float = 10.0
    bold: bool = False
    width: float = 165.0  # where lines wrap, mm
    wrap: bool = (
        False  # a line longer than the page is wrapped when drawn (a header a host ran into one line)
    )


@dataclass
class RenderedLetter:
    id: str
    layout: str
    header: list[Block]  # letterhead, addresses, reference block: on the first page
    body: list[str]  # paragraphs, the signature block included
    footer: list[str]
    truth: dict = field(default_factory=dict)
    # how its files are made, drawn with the real sets' forms: "text-box" (the .docx's letterhead in a
    # text box), "turned-90" / "turned-180" (the scan's pages turned)
    variants: tuple[str, ...] = ()

    def text(self) -> str:
        """The letter as plain text, in the order a careful reader (or a good PDF reader) gives it."""
        parts = ["\n".join(block.lines) for block in self.header]
        parts += self.body
        parts.append(" | ".join(self.footer))
        return "\n\n".join(part for part in parts if part.strip()) + "\n"
