"""Extraction of a letter's facts from its text, each value with its evidence (offsets, quote, confidence).

API shared with the ingest's input/output side (see the ingest contract): `extract(text)` gives an
`Extraction`, whose `facts()` is the facts format the scorer and the draft writer read;
`split_letters(text)` tells where a new letter starts in a text that holds several.

Nothing is ever guessed: a field the text does not state stays None or empty. The text is never
corrected either; the patterns tolerate OCR noise (extract_noise.py) so every value's offsets point
at the characters as they stand, and `Found.quote` is always text[start:end].

This module puts the letter together; each part is read by a module of its own: the header's parts
(extract_header.py), the references and cited letters (extract_citations.py), who signs and for whom
(extract_signatures.py), the sender (extract_sender.py) and the addressees (extract_addressees.py),
all returning the types of extract_results.py.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from opendata.ingest.extract_addressees import (
    COUNCIL_WORDS,
    council_alone,
    find_addressees,
    listed_councils,
    named_addressees,
)
from opendata.ingest.extract_citations import (
    DOSSIER_IN_BODY,
    find_citations,
    merge_citation,
    reference_in,
    references,
)
from opendata.ingest.extract_dates import running_header_date
from opendata.ingest.extract_header import (
    INLINE_SALUTATION,
    LABEL_ONLY,
    SALUTATION,
    end_of_lines,
    find_date_sent,
    find_salutation,
    find_subject,
    header_end,
    headless_thread_start,
    label_block_end,
    late_label_block,
    second_letter,
    subject_after_salutation,
)
from opendata.ingest.extract_kamerstuk import (
    answer_writer,
    find_kamerstuk,
    paper_dossier,
    written_questions,
)
from opendata.ingest.extract_memo import Span, Writer, memo_rows, memo_title, names_a_body, person_with_post
from opendata.ingest.extract_noise import (
    Repaired,
    blank_host_furniture,
    blanked,
    host_title_end,
    noisy,
    repair_key_words,
    strip_span,
)
from opendata.ingest.extract_organisations import (
    COLLEGE,
    COUNCIL,
    GS,
    PS,
    OrgMention,
    emblem_logos,
    find_kind_phrases,
    find_ministries,
    find_police,
    find_register_names,
    is_ministry,
    letterhead_name,
    logo_name,
    ministry_written_out,
)
from opendata.ingest.extract_pages import page_title, place_colon_date, titel_subject
from opendata.ingest.extract_references import (
    clean_reference,
    running_header_reference,
    side_column_reference,
)
from opendata.ingest.extract_reported import (
    in_letter_title,
    reaction_title_sender,
    reported_addressees,
    reported_date,
    reported_sender,
)
from opendata.ingest.extract_results import (
    HEADER_LIMIT,
    REPLY_OVER_THREAD,
    Citation,
    Extraction,
    Found,
    Signatory,
    from_mention,
)
from opendata.ingest.extract_results import found as _found
from opendata.ingest.extract_sender import (
    FROM_COLLEGE,
    PROPOSAL,
    STATES_PROPOSAL,
    arrangement_to_participants,
    associations_writing_together,
    kamerstuk_parts,
    letterhead_board,
    letterhead_sender,
    memo_head_end,
    questioning_party,
    registered_body,
    running_header_sender,
    signer_post_sender,
    unregistered_letterhead,
    unsigned_sender,
)
from opendata.ingest.extract_sender import sender as _sender
from opendata.ingest.extract_signatures import (
    board_block_zone,
    board_formula_signers,
    board_signed_zone,
    closing_pattern,
    last_closing,
    letterhead_writer,
    mail_from_signer,
    minister_zone,
    namens_zone,
    on_behalf_of,
    quoted_message_start,
    run_in_signer,
    signature_zone,
    unclosed_signer_zone,
)
from opendata.ingest.extract_signatures import signatories as _signatories
from opendata.model.register import is_tooi_code

__all__ = ["Citation", "Extraction", "Found", "Signatory", "extract", "split_letters"]


def mentions(text: str, date: str | None) -> list[OrgMention]:
    found = (
        find_kind_phrases(text, date)
        + find_register_names(text, date)
        + find_ministries(text)
        + find_police(text, date)
        + emblem_logos(text, date)
    )
    head = letterhead_name(text, date, found) or logo_name(text, date)
    return sorted(found + ([head] if head else []), key=lambda m: m.start)


def organisations_mentioned(text: str, found: Sequence[OrgMention]) -> tuple[Found, ...]:
    """Each resolved organisation (or named ministry) once, at its first mention."""
    seen: dict[str, Found] = {}
    for mention in found:
        if (mention.resolved or is_ministry(mention.value)) and mention.value not in seen:
            seen[mention.value] = _found(text, mention.value, mention.start, mention.end, mention.confidence)
    # a ministry named in full and by its abbreviation, or by the first part of its name ("het Ministerie
    # van Binnenlandse Zaken" beside "… Binnenlandse Zaken en Koninkrijksrelaties"), is named once, in full
    named = {value.lower() for value in seen}
    return tuple(
        f
        for value, f in seen.items()
        if ((written := ministry_written_out(value)) is None or written.lower() not in named)
        and not (is_ministry(value) and any(other.startswith(value.lower() + " en ") for other in named))
    )


# ---------------------------------------------------------------- the letter


def extract(
    text: str, *, themes: Mapping[str, str] | None = None, groups: Mapping[str, Sequence[str]] | None = None
) -> Extraction:
    """Extract the facts a letter's text states, each with its evidence.

    `themes`: theme id → label (the dataset's themes.yaml); only labels the text names are found.
    `groups`: names of collaborations the register lacks → member TOOI codes (see
    gazetteer.groups_from_dataset), so "namens de colleges van de Leidse regio" resolves.

    The key words OCR damaged ("Hoogachtencl", "A an", "burgerneester") are read as the words they
    are (extract_noise.repair_key_words); every value's offsets and quote are the original text's,
    and a value copied from the text keeps its words as written. The quote is the original's too where
    the extractor read a text with marks blanked (a stray caret, a host's page furniture): evidence is
    the text as it stands, or `publish` finds it does not match.
    """
    repaired = repair_key_words(text) or Repaired(text, ())
    return _complete_names(_as_written(_extract(repaired.text, themes, groups), repaired, text))


# An organisation's name as written that stops at a joining word ("Burgemeester en wethouders van"
# where the place is on the next line, lost to OCR or set in a mark no rule reads): the kind words
# of a body whose name the text does not give.
_CUT_NAME = re.compile(
    r"(?:^|\s)(?:van|de|der|den|het|en|voor|te|aan|op|namens)[ \t]*[,.:;]?[ \t]*$", re.IGNORECASE
)


def _complete_names(extraction: Extraction) -> Extraction:
    """`extraction` without the organisations whose names are cut off (_CUT_NAME): unknown, not a
    name made of kind words. A signatory keeps its name and role without them."""

    def kept(value: Found | None) -> Found | None:
        return None if value is not None and _CUT_NAME.search(value.value) else value

    def every(values: tuple[Found, ...]) -> tuple[Found, ...]:
        return tuple(value for value in values if kept(value) is not None)

    return replace(
        extraction,
        sender=kept(extraction.sender),
        addressees=every(extraction.addressees),
        signatories=tuple(
            replace(s, on_behalf_of=kept(s.on_behalf_of), post_of=kept(s.post_of))
            for s in extraction.signatories
        ),
        cites=tuple(replace(c, sender=kept(c.sender)) for c in extraction.cites),
        organisations_mentioned=every(extraction.organisations_mentioned),
        sender_members=every(extraction.sender_members),
    )


def _as_written(extraction: Extraction, repaired: Repaired, text: str) -> Extraction:
    """`extraction` of the repaired text with the original text's offsets, quotes and words."""

    def back(value: Found | None, copied: bool = True) -> Found | None:
        if value is None:
            return None
        start, end = repaired.offset(value.start), repaired.offset(value.end, end=True)
        written = repaired.as_written(value.value, value.start, value.end, text) if copied else value.value
        return replace(value, value=written, start=start, end=end, quote=text[start:end])

    def every(values: tuple[Found, ...], copied: bool = True) -> tuple[Found, ...]:
        return tuple(v for v in (back(value, copied) for value in values) if v is not None)

    return replace(
        extraction,
        kind=back(extraction.kind, copied=False),
        date_sent=back(extraction.date_sent, copied=False),
        place=back(extraction.place),
        our_reference=back(extraction.our_reference),
        your_reference=back(extraction.your_reference),
        dossier_references=every(extraction.dossier_references),
        subject=back(extraction.subject),
        salutation=back(extraction.salutation),
        sender=back(extraction.sender),
        addressees=every(extraction.addressees),
        signatories=tuple(
            Signatory(back(s.name), back(s.role, copied=False), back(s.on_behalf_of), back(s.post_of))
            for s in extraction.signatories
        ),
        cites=tuple(
            Citation(back(c.date, copied=False), back(c.reference), back(c.sender)) for c in extraction.cites
        ),
        attachments=every(extraction.attachments),
        organisations_mentioned=every(extraction.organisations_mentioned),
        themes=every(extraction.themes, copied=False),
        sender_members=every(extraction.sender_members),
    )


def _extract(
    text: str, themes: Mapping[str, str] | None, groups: Mapping[str, Sequence[str]] | None
) -> Extraction:
    title_end = host_title_end(text)
    download = _host_download_line(text)
    # a document host's page furniture is no part of the letter; nor is a stray caret OCR puts in a
    # logo's name ("Provincie ^Zeeland")
    text = blank_host_furniture(text).replace("^", " ")
    answered = headless_thread_start(text)
    whole = text  # what the letter mentions includes the messages it answers
    if answered is not None:  # a thread printed without its top message's header: the rest is answered
        text = blanked(text, answered)
    salutation = find_salutation(text, title_end)
    second = second_letter(text, salutation) if salutation else None
    if second is not None:  # a page carrying two letters: the values are the first letter's
        text = blanked(text, second)
    head_end = header_end(text, salutation)
    closing = last_closing(text)
    body_end = closing.start() if closing else len(text)
    labels_end = label_block_end(text, salutation, head_end)
    dated = find_date_sent(text, head_end, max(body_end, head_end), labels_end)
    date_sent = place = None
    page = page_title(text)
    if dated is None:  # "Leiden: 28 april 2014"; a page headed "Bewonersbrief 3 maart 2022"
        colon = place_colon_date(text, max(head_end, 1))
        if colon:
            dated = colon[0], 0.85, colon[1]
        elif page is not None and page.date is not None:
            dated = page.date, 0.7, None
        elif salutation is None and (linked := reported_date(text)) is not None:
            dated = linked, 0.6, None  # a page's link to the letter it reports: "Brief aan BZK … 27.01.2020"
        elif (header_date := running_header_date(text, max(head_end, 1))) is not None:
            dated = (
                header_date,
                0.7,
                None,
            )  # "Datum 20 aUQgUstUs 2019"; "Gemeente X Datum 20-8-2019" on each page
    if dated and dated[0].iso > datetime.date.today().isoformat():
        dated = None  # a page's or a running header's date after today: a year misread, no date sent
    if dated:
        date, confidence, place_span = dated
        date_sent = _found(text, date.iso, date.start, date.end, min(confidence, date.confidence + 0.05))
        if place_span:
            place = _found(text, text[slice(*place_span)].strip(), *place_span, 0.85)
    iso = date_sent.value if date_sent else None
    found = mentions(text, iso)
    ours, yours, dossiers = references(text, labels_end)
    # an e-mail that quotes the message it answers: the quoted message's references are its own, and the
    # reply signs above it
    quoted = quoted_message_start(text)
    ours = ours if ours is None or ours.start < quoted else None
    yours = yours if yours is None or yours.start < quoted else None
    late = _late_header(text, salutation, title_end) if date_sent is None and ours is None else None
    if (
        late is not None
    ):  # the header after the opening paragraphs: "… Onskenmerk 436495-2021 Datum 15-9-2021"
        late_dated = find_date_sent(text, late, max(body_end, late), late)
        late_ours = references(text, late)[0]
        if late_dated is not None and late_ours is not None:
            date, confidence, _place = late_dated
            date_sent = _found(text, date.iso, date.start, date.end, min(confidence, date.confidence) - 0.1)
            iso, ours = date_sent.value, late_ours
            found = mentions(text, iso)
    if download is not None and (ours is None or not dossiers):
        # the copy cut the number ("Briefnummer : /21/A.9"): the host's title kept it whole
        title_ours, _title_yours, title_dossiers = references(download[0] + "\n", len(download[0]))
        if ours is None and title_ours is not None:
            ours = replace(title_ours, start=title_ours.start + download[1], end=title_ours.end + download[1])
            ours = replace(ours, confidence=0.6)
        if not dossiers:
            dossiers = [
                replace(d, start=d.start + download[1], end=d.end + download[1], confidence=0.6)
                for d in title_dossiers
            ]
    if ours is None and (running := running_header_reference(text, max(head_end, 1))) is not None:
        # "Ons kenmerk" over its value in the later pages' running header only ("… Ons kenmerk" / "Postbus
        # 22944" on page 1, as OCR set the label column in among the address)
        ours = _found(text, text[slice(*running)], *running, 0.65)
    cites: list[Citation] = []
    citations = [
        item
        for item in find_citations(text, found)
        # a letter dated after this one is not cited by it (a host's list: "De antwoordbrief van …")
        if not (iso is not None and item[0].date is not None and item[0].date.value > iso)
        # nor is this one, named by its date before its own date line (a report's list of its letters: "Dit
        # verslag bestaat uit: De uitgaande brief van 29 januari 2025" above "Den Haag, 29 januari 2025")
        and not (
            date_sent is not None
            and item[0].date is not None
            and item[0].date.value == iso
            and item[0].date.start < date_sent.start
            and item[0].reference is None
            and item[1] != "uw"
        )
    ]
    # One "Uw kenmerk" and two of the addressee's letters cited by date ("Uw brief: 27 maart 2024 / 7 mei
    # 2024", "Uw kenmerk: Z-24-50275 / UIT-24-62753"): which kenmerk is whose the letter does not say.
    yours_dates = {
        c.date.value for c, who, _extras in citations if who == "uw" and c.date and c.reference is None
    }
    for citation, who, extras in citations:
        if who == "uw" and citation.reference and yours is None:
            yours = citation.reference
        if (
            who == "uw"
            and yours is not None
            and len(yours_dates) < 2
            and (citation.reference is None or (citation.date is not None and citation.date.start < head_end))
        ):
            # "Uw brief van" + "Uw kenmerk": in the header the label's value is the cited letter's reference,
            # not a number after the date ("Uw brief van: 3 december 2012 Datum geregistreerd onder nr.: …")
            citation = Citation(citation.date, yours, citation.sender)
        cites = merge_citation(cites, citation)
        dossiers += [extra for extra in extras if all(d.value != extra.value for d in dossiers)]
    signed = text[:quoted]
    zone = (
        signature_zone(signed, 0, len(signed))
        or minister_zone(signed)
        or namens_zone(signed)
        or unclosed_signer_zone(signed)
        or board_block_zone(signed)
    )
    board_signed = False
    if zone is None:  # "… waterschappen. Gedeputeerde Staten van Overijssel, voorzitter, secretaris,"
        zone = board_signed_zone(signed)
        board_signed = zone is not None
    behalf, members = on_behalf_of(text, zone, found, groups or {}) if zone else (None, ())
    # a board's formula without a closing ("Gedeputeerde Staten van …, voorzitter, secretaris,") has no names
    signatories = _signatories(text, zone, behalf, found, iso) if zone and not board_signed else ()
    if zone and board_signed:  # "… de secretaris de burgemeester WIM EPPINGA drs. JOOP R.A. BOERTJENS"
        signatories = tuple(
            Signatory(
                _found(text, name.value, name.start, name.end, name.confidence),
                _found(text, post.value, post.start, post.end, post.confidence),
                behalf,
            )
            for name, post in board_formula_signers(text, zone)
        )
    if zone and not signatories and not board_signed:
        signatories = run_in_signer(text, zone, behalf)
    if zone and not signatories and not board_signed and (writer := letterhead_writer(text)) is not None:
        # a burgemeester's personal letterhead ("Den Haag Pauline Krikke" / "Burgemeester") and a signature
        # that gives no name (a scan's scrawl): the letterhead's writer signs
        name, post = writer
        signatories = (
            Signatory(
                _found(text, name.value, name.start, name.end, name.confidence),
                _found(text, post.value, post.start, post.end, post.confidence),
                behalf,
            ),
        )
    if not signatories and (from_name := mail_from_signer(text, len(signed))) is not None:
        # an e-mail signed with the writer's first name alone ("Groet, Pierre"): its "From:" line names him
        signatories = (
            Signatory(_found(text, from_name.value, from_name.start, from_name.end, 0.7), None, None),
        )
    memo = memo_rows(text)
    if (
        not signatories
        and memo is not None
        and (memo_writer := person_with_post(text, memo.sender)) is not None
    ):
        # a memo's "Van Karin de Wit (directeur …)" row: its writer, with no signature under it
        signatories = (_memo_signatory(text, memo_writer),)
    told = None  # the sender a page that reports its letter names (below)
    questioner = questioning_party(text, head_end)
    sender = (
        questioner
        or (behalf if members else None)  # a group writes: the group, whatever letterhead it has
        or _sender(text, behalf, found, head_end, signatories, zone)
        or unsigned_sender(text, head_end, salutation, iso, found, signatories)
        or running_header_sender(text, found, head_end)
        or reaction_title_sender(text, found)
        or signer_post_sender(signatories)
        or arrangement_to_participants(text, found, salutation.end() if salutation else head_end, zone)
        or unregistered_letterhead(text, head_end)
    )
    if sender is not None and sender.detail is None:  # "de Afdeling bestuursrechtspraak": the register's
        sender = registered_body(sender)
    if sender is None and not members and (together := associations_writing_together(text, head_end)):
        sender, members = together  # "Van: Bewonersvereniging …" / "Van: Vereniging …": they write together
    if sender is None and memo is not None and names_a_body(text, memo.sender):
        sender = _memo_party(text, found, memo.sender)  # "Van: Programmaorganisatie Zuidasdok"
    if salutation is None and zone is None:
        # a page that reports its letter: "X heeft … een brief … gestuurd"; its title ("Felicitatiebrief
        # Tweede Kamer") names the letter, it is no letterhead
        told = reported_sender(text, found)
        sender = told or sender
        if sender is not None and in_letter_title(text, sender.start):
            sender = None
    if sender is not None and sender.detail is None:
        sender = letterhead_board(text, sender, head_end)
    if (
        sender is not None
        and sender.detail is None
        and sender.value.startswith("gm")
        and FROM_COLLEGE.search(text, 0, memo_head_end(text, head_end))
    ):  # "Gemeente Woerden … RAADSVOORSTEL … Indiener: college van burgemeester en wethouders"
        sender = replace(sender, detail=COLLEGE)
    if (
        sender is not None
        and sender.detail == PS
        and STATES_PROPOSAL.search(text, 0, memo_head_end(text, head_end))
    ):  # "Notitie voor Provinciale Staten provincie Overijssel … Voorstel van GS aan PS": the Staten receive it
        sender = replace(sender, detail=GS)
    subject_found = find_subject(text, head_end)
    if subject_found is not None and LABEL_ONLY.fullmatch(subject_found[2]):
        subject_found = None
    if subject_found is None and salutation is not None:
        subject_found = subject_after_salutation(text, salutation)
    late_labels = late_label_block(text, salutation.end()) if subject_found is None and salutation else None
    if late_labels is not None:  # "Betreft" in a reference block after the opening paragraph
        subject_found = find_subject(text, late_labels)
    subject = _found(text, subject_found[2], *subject_found[:2], 0.9) if subject_found else None
    titled = page.subject if page is not None and page.subject else titel_subject(text, max(head_end, 600))
    if subject is None and titled is not None:  # a web page's title, a raadsvoorstel's "TITEL"
        subject = _found(text, titled.value, titled.start, titled.end, 0.6)
    if (
        subject is None
    ):  # "UITGANGSPUNTEN NOTITIE WATERTOETS - NORMALE PROCEDURE", the host's title and the letter's heading
        heading = repeated_heading(text)
        if heading is not None:
            subject = _found(text, heading[0], heading[1], heading[2], 0.55)
    if (
        ours is None and subject_found
    ):  # "BETREFT: …, KENMERK W 22001.", "Betreft … Kenmerk 2009031352 Geacht"
        line_end = text.find("\n", subject_found[1])
        # the label directly after the subject, not one further on a header run into one line ("…
        # VRU. Uw Kenmerk: 12.504528 Uw brief van: 3 december 2012 Datum geregistreerd onder nr.: …")
        ours = reference_in(
            text,
            subject_found[0],
            min(
                head_end, len(text) if line_end < 0 else line_end, subject_found[1] + _SUBJECT_REFERENCE_REACH
            ),
        )
    if ours is None and page is not None and page.reference is not None:  # "… herbestrating (2022-246)"
        ours = _found(text, page.reference.value, page.reference.start, page.reference.end, 0.6)
    if ours is None:  # a side column's "Ons kenmerk" read after the first page's body
        side = side_column_reference(text, head_end)
        if side is not None:
            ours = _found(text, clean_reference(text[slice(*side)]), *side, 0.6)
    if (
        ours is None
    ):  # "LEDEN TWEEDE KAMER INZ. VERZILTING – A024": the number a site's title gives the letter
        title = _TITLE_NUMBER.match(text)
        if title:
            ours = _found(text, title["ref"], *title.span("ref"), 0.6)
    for dossier in DOSSIER_IN_BODY.finditer(
        text
    ):  # "… hoort bij het dossier herindeling X (PL-HER-2016-57674)."
        group = "ref" if dossier["ref"] else "serial"
        if all(d.value != dossier[group] for d in dossiers):
            dossiers.append(_found(text, clean_reference(dossier[group]), *dossier.span(group), 0.7))
    kamerstuk = find_kamerstuk(text)
    if kamerstuk is not None and date_sent is None and kamerstuk.dated is not None:
        d = (
            kamerstuk.dated
        )  # "… Staten-Generaal Den Haag, 19 december 2023": the date on the addressee's line
        date_sent = _found(text, d.value, d.start, d.end, 0.8)
    if kamerstuk is not None:
        sender, signatories = kamerstuk_parts(text, kamerstuk, behalf, zone, signatories)
        dossiers += [
            _found(text, d.value, d.start, d.end, 0.8)
            for d in kamerstuk.dossiers
            if all(clean_reference(x.value).replace(" ", "") != d.value.replace(" ", "") for x in dossiers)
        ]
    answer = answer_writer(text) if kamerstuk is None else None
    if answer is not None:
        # "Antwoord van Staatssecretaris Heijnen (Infrastructuur en Waterstaat), mede namens …": the
        # ministry writes (two writers: none). On the Kamer's own paper of answers the masthead
        # ("Tweede Kamer der Staten-Generaal … Aanhangsel van de Handelingen") is its publisher's, and a
        # body a question names ("de brief die de gemeente Hengelo namens 19 gemeenten … heeft verzonden")
        # wrote none of the answers.
        s = answer.sender
        sender = None if s is None else _found(text, s.value, s.start, s.end, 0.8, answer.role)
    if kamerstuk is None and not dossiers:
        paper = paper_dossier(text)
        if paper is not None:
            dossiers.append(_found(text, paper.value, paper.start, paper.end, 0.7))
    salutation_found = (
        _found(text, salutation[0].strip(), *strip_span(text, *salutation.span(), " \t"), 0.9)
        if salutation
        else None
    )
    addressees = find_addressees(text, head_end, found, sender, salutation)
    if kamerstuk is not None and not addressees:
        # a web copy's furniture above a Kamerstuk's heading pushes its "Aan …" line past the header's
        # window: the paper's header starts at its heading
        addressees = find_addressees(
            text, max(head_end, kamerstuk.heading.end + 300), found, sender, salutation
        )
    if (
        sender is not None
        and re.fullmatch(r"(?:oorg|zb)[0-9]+", sender.value)
        and any(a.value == sender.value for a in addressees)
    ):
        # a body of one organ (a Kamer, an inspectorate) does not write to itself: a letter to the Tweede
        # Kamer whose host's table names the Kamer as publisher ("Organisatie | Tweede Kamer …") is not the
        # Kamer's (a municipality's or province's organs do write to one another)
        sender = None
    if sender is not None and sender.value.startswith("gm") and sender.detail == COLLEGE:
        # "Aan de gemeenteraad" without its place, in a college's letter: its own council
        addressees = tuple(
            replace(a, value=sender.value) if a.detail == COUNCIL and not is_tooi_code(a.value) else a
            for a in addressees
        )
    if questioner is not None:  # "Aan het college van burgemeester en wethouders" on the council's form
        addressees = tuple(_board_of_form(text, found, head_end, a) for a in addressees)
    listed = listed_councils(text, head_end, iso)
    if listed and (
        all(a.value[:2] not in ("gm", "pv") for a in addressees)
        or {a.value for a in addressees} < {a.value for a in listed}
    ):  # (the list read in part as other phrases: its first names only, where a line break cut it)
        addressees = listed
    if sender is None and _OUR_COLLEGE.search(text):
        # "Voordat ons college ingaat op uw vragen" in a letter to the council of one municipality:
        # that municipality's college writes
        councils = {a.value for a in addressees if a.detail == COUNCIL and a.value.startswith("gm")}
        if len(councils) == 1:
            council = next(a for a in addressees if a.value in councils)
            sender = _found(text, council.value, council.start, council.end, 0.5, COLLEGE)
    kind = _kind(text, head_end, salutation_found, date_sent, addressees, closing, sender)
    if kind is None and zone is not None and (signatories or behalf is not None):
        # "Namens de Gebiedscommissie …," and its signers; "Gedeputeerde Staten van Overijssel, voorzitter, …"
        kind = _found(text, "brief", *zone, 0.6)
    if kind is None and addressees and sender is not None and subject is not None:
        # an address, a sender and an "Onderwerp:" without salutation or date: a letter all the same
        kind = _found(text, "brief", subject.start, subject.end, 0.55)
    if kind is None:  # a raadsvoorstel ("Voorstel van college … aan gemeenteraad") is a letter to the council
        end = memo_head_end(text, head_end)
        proposal = PROPOSAL.search(text, 0, end) or STATES_PROPOSAL.search(text, 0, end)
        if proposal:
            kind = _found(text, "brief", *proposal.span(), 0.6)
    if (
        not addressees and memo is not None and names_a_body(text, memo.to)
    ):  # "Aan Projectorganisatie Zuidasdok"
        addressees = (_memo_party(text, found, memo.to),)
    if kind is None and memo is not None:  # a memo's "Aan" and "Van" rows: correspondence
        kind = _found(text, "brief", memo.to.start, memo.to.end, 0.55)
    if subject is None and memo is not None and (memo_heading := memo_title(text, memo)) is not None:
        subject = _found(
            text, text[memo_heading.start : memo_heading.end], memo_heading.start, memo_heading.end, 0.6
        )
    if not addressees:
        addressees = council_alone(text, head_end, sender)
    if not addressees:  # "Kinderraad van Zwolle", "Vereniging Dorpsbelang …": an address the register lacks
        addressees = named_addressees(text, head_end, sender)
    reported = reported_addressees(text, found) if salutation is None else ()
    if (
        not addressees and reported
    ):  # a page that reports its letter: "… heeft een brief naar Provinciale Staten gestuurd"
        addressees = reported
    if answer is not None:  # the questions' "aan de Minister van …" above the answers is theirs alone
        addressees = tuple(a for a in addressees if a.start > answer.heading.start)
    if kind is None and answer is not None:  # answers to written questions, on the Kamer's page
        kind = _found(text, "brief", answer.heading.start, answer.heading.end, 0.6)
    questions = written_questions(text) if answer is None and kamerstuk is None else None
    if questions is not None:  # a member's written questions, their answers not (yet) printed under them
        kind = kind or _found(text, "brief", questions.heading.start, questions.heading.end, 0.6)
        if date_sent is None and questions.sent is not None:
            date_sent = _found(text, questions.sent.value, questions.sent.start, questions.sent.end, 0.8)
        if not addressees and questions.addressee is not None:
            a = questions.addressee
            addressees = (_found(text, a.value, a.start, a.end, 0.7),)
    if kind is None and kamerstuk is not None:  # a paper headed by no writer: "MEMORIE VAN ANTWOORD"
        kind = _found(text, "brief", kamerstuk.heading.start, kamerstuk.heading.end, 0.6)
    if kind is None and reported:
        kind = _found(text, "brief", reported[0].start, reported[0].end, 0.5)
    if kind is None and answered is not None and len(whole[:answered].split()) <= _REPLY_WORDS:
        # a reply printed over the mail it answers: an e-mail (a form's pages over a thread are no reply)
        kind = _found(whole, "brief", answered, end_of_lines(whole, answered, 1), 0.5, REPLY_OVER_THREAD)
    mentioned = organisations_mentioned(text, found) if answered is None else _thread_mentions(whole, iso)
    # a cited letter's writer the register knows on its day only (a municipality merged since): mentioned
    cited = [c.sender for c in cites if c.sender is not None and is_tooi_code(c.sender.value)]
    mentioned = (*mentioned, *(c for c in cited if all(m.value != c.value for m in mentioned)))
    asked = questions.addressee if questions is not None else None
    if asked is not None and all(m.value != asked.value for m in mentioned):
        # the minister the questions are put to: that ministry is addressed, and so mentioned
        mentioned = (*mentioned, _found(text, asked.value, asked.start, asked.end, 0.7))
    return Extraction(
        kind=kind,
        date_sent=date_sent,
        place=place,
        our_reference=ours,
        your_reference=yours,
        dossier_references=tuple(dossiers),
        subject=subject,
        salutation=salutation_found,
        sender=sender,
        addressees=addressees,
        # a role the block names without its holder ("w.g. / Manager afdeling Vergunningen", a second
        # title under the signer's first) signs for no one the text names: no signatory (drafts drop it too)
        signatories=tuple(s for s in signatories if s.name is not None),
        cites=tuple(cites),
        attachments=_attachments(text, head_end, zone),
        organisations_mentioned=_with_ministries(
            _with_listed(mentioned, listed), (*reported, told, *addressees)
        ),
        themes=_themes(text, themes or {}),
        sender_members=members,
    )


def _memo_signatory(text: str, writer: Writer) -> Signatory:
    name = _found(text, text[slice(*writer.name)], *writer.name, 0.7)
    role = _found(text, writer.role[0], *writer.role[1], 0.7) if writer.role else None
    return Signatory(name, role, None)


def _memo_party(text: str, found: Sequence[OrgMention], row: Span) -> Found:
    """The body a memo's row names: resolved where the register knows it, else as written."""
    inside = [m for m in found if row.start <= m.start < row.end and m.resolved]
    if inside:
        return from_mention(text, inside[0], 0.7)
    return _found(text, text[row.start : row.end], row.start, row.end, 0.6)


def _board_of_form(text: str, found: Sequence[OrgMention], head_end: int, board: Found) -> Found:
    """A board the questions are put to without its place ("Aan het college van burgemeester en
    wethouders"): the municipality's whose form carries them (its letterhead), or the board as written."""
    if board.detail is None or board.value[:2] in ("gm", "pv"):
        return board
    head = letterhead_sender(text, found, head_end)
    if head is None or not head.value.startswith("gm"):
        return board
    return replace(board, value=head.value, confidence=min(board.confidence, 0.6))


# At most the words of a reply above the message it answers (the longest real one: 114).
_REPLY_WORDS = 400


def _thread_mentions(whole: str, iso: str | None) -> tuple[Found, ...]:
    """What a headless reply mentions: its own lines and the messages it answers, as a thread with its
    own header counts them."""
    return organisations_mentioned(whole, mentions(whole, iso))


# How far after a subject its line's reference label may start ("Betreft: … , kenmerk W 22001.").
_SUBJECT_REFERENCE_REACH = 24

# A document host repeats its title, cut from the letter's first words, on a download line: 'Download
# "Datum : Briefnummer : 2014-20.110/21/A.9, PPM Zaaknummer : 518410 …"'. Where the copy's text layer
# lost part of a number the title may keep it whole.
_HOST_DOWNLOAD = re.compile(r'^Download "(?P<title>[^"\n]{10,400})"[ \t]*$', re.MULTILINE)


def _host_download_line(text: str) -> tuple[str, int] | None:
    match = _HOST_DOWNLOAD.search(text, 0, min(len(text), 2000))
    return (match["title"], match.start("title")) if match else None


# A copy whose text layer put the first page's sidebar after its opening paragraphs: the salutation
# opens the letter and the labels ("Onskenmerk / 436495-2021 / Datum / 15-9-2021") follow the body's
# first paragraphs, before the next page. The window where to read them: up to the page's end.
_NEXT_PAGE = re.compile(r"^\(2\)[ \t]*$", re.MULTILINE)


def _late_header(text: str, salutation: re.Match[str] | None, title_end: int) -> int | None:
    if salutation is None or re.search(
        r"[A-Za-z]{3}", text[title_end : salutation.start()].replace("(1)", "")
    ):
        return None
    page = _NEXT_PAGE.search(text, salutation.end())
    return min(len(text), salutation.end() + HEADER_LIMIT, page.start() if page else len(text))


# A college writing to its own council calls itself "ons college" ("Voordat ons college ingaat op uw
# vragen …"); a province's board says "ons college" too, but does not address a municipality's council.
_OUR_COLLEGE = re.compile(r"\bons[ \t]+college\b(?![ \t]+van\b)", re.IGNORECASE)


def _with_ministries(mentioned: tuple[Found, ...], named: Sequence[Found | None]) -> tuple[Found, ...]:
    """The mentions with the ministry a page reports as a letter's sender or addressee by its minister
    ("de minister van EZK een brief gestuurd", "informeerde minister Ollongren van Binnenlandse Zaken …")."""
    known = {m.value for m in mentioned}
    ministries = {
        f.value: replace(f, detail=None)
        for f in named
        if f is not None and f.value.startswith("ministerie van ") and f.value not in known
    }
    return mentioned + tuple(ministries.values())


def _with_listed(mentioned: tuple[Found, ...], listed: Sequence[Found]) -> tuple[Found, ...]:
    """The mentions with the municipalities of a listed address (their kind word lost to OCR)."""
    known = {m.value for m in mentioned}
    return mentioned + tuple(replace(f, detail=None) for f in listed if f.value not in known)


# A letter without "Onderwerp" whose own heading in capitals opens the copy (a host takes a document's
# title from its first heading) and heads the letter again below: that heading is its subject. A host's
# title the letter does not repeat may be the host's own, and a heading in ordinary case may be a news
# page's or a party's title line: neither is taken.
_CAPITALS_HEADING = re.compile(
    r"(?:[ \t]*(?:• No results found)?[ \t]*\n)*[ \t]*(?P<heading>(?=[^\n]*[A-Z]{4})[A-Z0-9][A-Z0-9 ,.'’&/()–-]{10,140}?)"
    r"[ \t]*\n"
)


def repeated_heading(text: str) -> tuple[str, int, int] | None:
    match = _CAPITALS_HEADING.match(text)
    if match is None or len(match["heading"].split()) < 3:
        return None
    again = text.find(match["heading"], match.end())
    if again < 0:
        return None
    return match["heading"], again, again + len(match["heading"])


# A web copy's title line in capitals that ends in the letter's number after a dash: "BLEEKLOOP – 0044",
# "LEDEN TWEEDE KAMER INZ. VERZILTING – A024" (a site that numbers the letters it publishes).
_TITLE_NUMBER = re.compile(
    r"\s*(?=[^\n]*[A-Z]{4})[A-Z0-9][A-Z0-9 .,'’/&()-]{2,120}?[ \t]+[–-][ \t]+(?P<ref>[A-Z]?[0-9]{3,5})"
    # the title's line ends, or a text layer ran it into the "Place, date" line ("… – 0044 Bergen op Zoom,
    # 10 november 2008 Aan …")
    r"(?:[ \t]*\n|(?=[ \t]+[A-Z][\w'’]*(?:[ \t]+[\w'’]+){0,3},[ \t]*[0-9]))"
)


# "… via een raadsbrief op de hoogte gebracht", "Deze raadsbrief-orderbos-4-11-2016 …": a letter that
# refers to a raadsbrief is not one.
_RIB = re.compile(
    r"(?<!\been )(?<!\bdeze )(?:raads\s?-?\s?informatie\s?-?\s?brief|informatiebrief\s+aan\s+de\s+raad|collegebericht|"
    r"raadsmededeling|mededeling\s+aan\s+de\s+(?:gemeente)?raad|raadsbrief|memo\s+aan\s+de\s+(?:gemeente)?raad)",
    re.IGNORECASE,
)


def _kind(
    text: str,
    head_end: int,
    salutation: Found | None,
    date_sent: Found | None,
    addressees: Sequence[Found],
    closing: re.Match[str] | None,
    sender: Found | None,
) -> Found | None:
    rib = _RIB.search(text, 0, max(head_end, min(len(text), 400)))
    if rib:
        return _found(text, "raadsinformatiebrief", rib.start(), rib.end(), 0.9)
    heading = re.compile(r"\s*(bijlage\b[^\n]{0,40})", re.IGNORECASE).match(text)
    if heading:
        return _found(text, "bijlage", *heading.span(1), 0.7)
    # a college's letter to its own council is a raadsinformatiebrief where it is headed as one (above)
    # or where it is nothing but the message to the council: no letterhead, date or address before
    # "Geachte leden van de raad,". With a letter's header (an answer to questions, an annual report's
    # cover letter) it is a letter.
    if (
        salutation is not None
        and not text[: salutation.start].strip()
        and COUNCIL_WORDS.search(salutation.value)
        and (sender is None or sender.value.startswith("gm"))
    ):
        return _found(text, "raadsinformatiebrief", salutation.start, salutation.end, 0.6)
    evidence = salutation or date_sent
    if evidence is None and closing is not None:
        return _found(text, "brief", closing.start(), closing.end(), 0.6)
    if evidence is not None:
        return _found(text, "brief", evidence.start, evidence.end, 0.8)
    return None


_ATTACHMENTS = re.compile(
    r"^[ \t]*(?:bijlagen?|bijlage\(n\)|bijlage\s*\d+)[ \t]*[:.]?[ \t]*(?P<v>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)


def _attachments(text: str, head_end: int, zone: tuple[int, int] | None) -> tuple[Found, ...]:
    """Attachments a header or closing line lists by name ("Bijlage: reactie …"); a bare count names none."""
    found = []
    for match in _ATTACHMENTS.finditer(text):
        if match.start() >= head_end and (zone is None or match.start() < zone[0]):
            continue
        value = match["v"].strip(" \t.;:-")
        if not value or re.fullmatch(r"[0-9]+|geen|-|[a-z]+", value, re.IGNORECASE) or len(value) < 4:
            continue
        start = match.start("v") + match["v"].find(value)
        found.append(_found(text, value, start, start + len(value), 0.7))
    return tuple(found)


def _themes(text: str, themes: Mapping[str, str]) -> tuple[Found, ...]:
    found = []
    for theme_id, label in sorted(themes.items()):
        if len(label) < 3:
            continue
        match = re.search(rf"(?<![\w-]){noisy(label)}(?![\w-])", text, re.IGNORECASE)
        if match:
            found.append(_found(text, theme_id, match.start(), match.end(), 0.8))
    return tuple(sorted(found, key=lambda f: f.start))


# ---------------------------------------------------------------- several letters in one text

_NEW_LETTER = re.compile(
    rf"^[ \t]*(?:t\.?\s?a\.?\s?v\.?|aan\b|{noisy('datum')}\s*:|{noisy('betreft')}|{noisy('onderwerp')}|"
    rf"{noisy('ons kenmerk')}|bijlage\b|retouradres)",
    re.IGNORECASE | re.MULTILINE,
)


def split_letters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each letter in a text that may hold several (a council letter and its attachment).

    A new letter starts where, after a closing and its signature, header lines (T.a.v., Aan, Datum,
    Betreft, Onderwerp, Ons kenmerk, a "Bijlage" heading) begin again and lead to a salutation.
    """
    starts = [0]
    position = 0
    while True:
        closing = next((m for m in _closings(text) if m.start() > position), None)
        if closing is None:
            break
        header = _NEW_LETTER.search(text, closing.end())
        if header is None:
            break
        next_closing = next((m for m in _closings(text) if m.start() > header.start()), None)
        window_end = next_closing.start() if next_closing else len(text)
        window = (header.start(), min(window_end, header.start() + 1500))
        if SALUTATION.search(text, *window) is None and INLINE_SALUTATION.search(text, *window) is None:
            position = closing.end()
            continue
        start = text.rfind("\n", 0, header.start()) + 1
        starts.append(start)
        position = header.end()
    # the first e-mail's header block after a part that is no e-mail starts a new document, also where that
    # part has no closing (a filled-in form, then the cover mail that answers it, in one Woo bundle; a web
    # host's page furniture over the mail). A thread is one document: the messages it quotes are split
    # off only after a closing (above).
    first_mail = _MAIL_HEADER.search(text)
    if (
        first_mail is not None
        and text[: first_mail.start()].strip()
        and _MAIL_FROM.search(text, 0, first_mail.start()) is None  # a thread's top message is a mail too
    ):
        starts = sorted({*starts, first_mail.start()})
    bounds = [(a, b) for a, b in zip(starts, starts[1:] + [len(text)])]
    return [(a, b) for a, b in bounds if text[a:b].strip()] or [(0, len(text))]


_MAIL_FROM = re.compile(r"^[ \t]*(?:van|from)[ \t]*:", re.IGNORECASE | re.MULTILINE)
# "Van: …" / "Verzonden: …" (or "From:" / "Sent:"), the sender's and the dispatch lines of a mail's header,
# next to each other (a "Datum:" line may stand between)
_MAIL_HEADER = re.compile(
    r"^[ \t]*(?:van|from)[ \t]*:[^\n]*\n(?:[ \t]*\n)?(?:[ \t]*(?:datum|date)[ \t]*:[^\n]*\n)?"
    r"[ \t]*(?:verzonden|sent)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)


def _closings(text: str) -> list[re.Match[str]]:
    return list(closing_pattern().finditer(text))
