"""A rendered letter as an OpenDocument text (.odt, odfpy): the header blocks and body as paragraphs,
the footer in the page's footer, a running header's new page as a page break; with the letter's
"text-box" variant its letterhead sits in a text box (a frame anchored in the first paragraph)."""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import canonicalize

from opendata.synth.rendered import RenderedLetter


def odt_bytes(letter: RenderedLetter) -> bytes:
    # odfpy (~50 ms) loads only when an .odt is rendered
    from odf import teletype  # type: ignore[import-untyped]  # odfpy ships no type information
    from odf.draw import Frame, TextBox  # type: ignore[import-untyped]
    from odf.opendocument import OpenDocumentText  # type: ignore[import-untyped]
    from odf.style import (  # type: ignore[import-untyped]
        Footer,
        MasterPage,
        PageLayout,
        ParagraphProperties,
        Style,
    )
    from odf.text import P  # type: ignore[import-untyped]

    document = OpenDocumentText()
    page_layout = PageLayout(name="page")
    document.automaticstyles.addElement(page_layout)
    master = MasterPage(name="Standard", pagelayoutname=page_layout)
    footer, footer_line = Footer(), P()
    teletype.addTextToElement(footer_line, " | ".join(letter.footer))
    footer.addElement(footer_line)
    master.addElement(footer)
    document.masterstyles.addElement(master)
    new_page = Style(name="new-page", family="paragraph")
    new_page.addElement(ParagraphProperties(breakbefore="page"))
    document.automaticstyles.addElement(new_page)

    def paragraph(text: str, style=None) -> None:
        element = P(stylename=style) if style is not None else P()
        teletype.addTextToElement(element, text)
        document.text.addElement(element)

    header = list(letter.header)
    if "text-box" in letter.variants and header:
        anchor = P()
        frame = Frame(anchortype="paragraph", width="9cm", height="2.5cm", name="letterhead")
        box = TextBox()
        for line in header.pop(0).lines:
            line_paragraph = P()
            teletype.addTextToElement(line_paragraph, line)
            box.addElement(line_paragraph)
        frame.addElement(box)
        anchor.addElement(frame)
        document.text.addElement(anchor)
    for block in header:
        paragraph("\n".join(block.lines))
    for text in letter.body:
        if text.startswith("\f"):  # a new page, a running header at its top
            paragraph(text[1:], new_page)
        else:
            paragraph(text)
    buffer = io.BytesIO()
    document.write(buffer)
    return _fixed_times(buffer.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The same bytes on every run: each zip entry gets one fixed time (odfpy stamps the clock's) and
    each XML part its canonical form (odfpy declares namespaces in a set's order, which differs from
    run to run); the mimetype entry stays first and stored, as OpenDocument asks."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = info.compress_type
            content = source.read(info.filename)
            if info.filename.endswith(".xml"):
                content = canonicalize(content.decode("utf-8")).encode("utf-8")
            target.writestr(fixed, content)
    return out.getvalue()
