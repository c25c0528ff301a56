"""What the head of the first page says without a label: the issuer's name in the letterhead, the invoice
number and date in the title line, a receipt's unlabelled date."""

from __future__ import annotations

import re

from oretrace.core.folding import fold
from oretrace.core.models import FieldValue, Word
from oretrace.extractors.fields import parsers
from oretrace.extractors.fields.spec import field_value
from oretrace.extractors.fields.view import Candidate, DocumentView
from oretrace.extractors.normalize import is_legal_form, names_match

LEGAL_SUFFIXES = (
    "co", "ltd", "limited", "inc", "llc", "corp", "corporation", "gmbh", "sa", "s a", "de c v", "cv", "pte",
    "plc", "bv", "nv", "ag", "srl", "sas", "company", "trading", "metals", "industries", "group", "jsc", "pt",
    "s c", "sc", "sarl", "sdn bhd", "bhd", "s/b", "b v", "pvt", "kg", "se", "spa", "sp z o o", "oy", "ab",
)  # fmt: skip


def letterhead_name(view: DocumentView, name: str, skip: set[int], first_line: bool = False) -> FieldValue:
    """The issuer's name printed at the top of the first page, where no label names it: a company name
    (legal form) in the first rows, else, with `first_line`, a short name opening the page ('Sammy Maystone',
    'Free Service Abonné') beside or above the document's title."""
    found = _letterhead_with_legal_form(view, name, skip)
    if found.found or not first_line or not view.rows:
        return found
    opening = view.rows[0][0]
    words = opening.text.split()
    plain = not any(c.isdigit() for c in opening.text) and not _TITLE_WORD.search(opening.text)
    at_top = opening.page == 1 and opening.y0 < LETTERHEAD_TOP and 1 <= len(words) <= 5
    if plain and at_top and id(opening.words[0]) not in skip:
        parsed = parsers.party_name(opening.text)
        if parsed.found:
            candidate = Candidate(opening.text, tuple(opening.words), opening.page, "text")
            return field_value(name, parsed.value, candidate, 0.6)
    return found


LETTERHEAD_TOP = 0.1  # the opening line of a letterhead stands in the top tenth of the page


def _letterhead_with_legal_form(view: DocumentView, name: str, skip: set[int]) -> FieldValue:
    for row in view.rows[:8]:
        for phrase in row:
            if phrase.page != 1 or id(phrase.words[0]) in skip:
                continue
            words = _before_title(phrase.words)
            text = " ".join(w.text for w in words)
            folded = f" {fold(text)} "
            if any(f" {suffix} " in folded for suffix in LEGAL_SUFFIXES):
                parsed = parsers.party_name(text)
                if parsed.found:
                    candidate = Candidate(text, tuple(words), phrase.page, "text")
                    return field_value(name, parsed.value, candidate, 0.8)
    return FieldValue.missing(name, "no labelled name and no company name in the letterhead")


def _before_title(words: list[Word]) -> list[Word]:
    """A letterhead's words up to the invoice's title OCR read into the same phrase ('Comercializadora ...
    S.A. de C.V. FACTURE D'EXPORTATION')."""
    cut = next((i for i, w in enumerate(words) if i > 0 and _INVOICE_TITLE_WORD.fullmatch(w.text.strip(":.,"))), None)
    return words[:cut] if cut is not None else words


# The head of the first page, where a window envelope shows the recipient's address (DIN 5008 puts the
# window 45-90 mm down an A4 page; an ERP's invoice prints the customer's address there or just below).
ADDRESS_BLOCK_BOTTOM = 0.3
ADDRESS_LINES = 5  # the lines under the name an address takes: street, town, country, a tax number
SAME_EDGE = 0.01  # an address block's lines start at one left edge


def address_block_name(view: DocumentView, name: str, skip: set[int], issuer: str | None) -> FieldValue:
    """The name heading an unlabelled postal address at the head of the first page: the recipient's, printed
    where a window envelope shows it. The block is a company name ending in its legal form ('... K.K.',
    '... GmbH') over lines at the same left edge, one of them a country; the issuer's own block (`issuer`, its
    name) is no recipient's."""
    for index, row in enumerate(view.rows):
        for phrase in row:
            if phrase.page != 1 or phrase.y0 > ADDRESS_BLOCK_BOTTOM:
                return FieldValue.missing(name, "no address block at the head of the first page")
            words = phrase.text.split()
            if id(phrase.words[0]) in skip or len(words) < 2 or not is_legal_form(words[-1]):
                continue
            parsed = parsers.party_name(phrase.text)
            if not parsed.found or (issuer is not None and names_match(parsed.value, issuer)):
                continue
            block = [
                p
                for below in view.rows[index + 1 : index + 1 + ADDRESS_LINES]
                for p in below
                if p.page == phrase.page and abs(p.x0 - phrase.x0) <= SAME_EDGE
            ]
            if len(block) >= 2 and any(parsers.country(p.text).found for p in block):
                candidate = Candidate(phrase.text, tuple(phrase.words), phrase.page, "text")
                return field_value(name, parsed.value, candidate, 0.6)
    return FieldValue.missing(name, "no address block at the head of the first page")


# What an invoice calls itself at its head, in the languages of the documents: 'Handelsrechnung',
# 'Rechnungskorrektur', 'Facture', 'Avoir', 'Factuur', 'Faktura VAT', 'Tax invoice', 'Receipt'.
_INVOICE_TITLE = (
    r"(?:\w*rechnung\w*|gutschrift|invoice|facture|factuur|faktura(?:\s+vat)?|avoir|factura|fatura|fattura|receipt|"
    r"credit\s+note)"
)
_INVOICE_TITLE_WORD = re.compile(_INVOICE_TITLE, re.IGNORECASE)
# Words of a document's title, which a letterhead name never contains.
_TITLE_WORD = re.compile(rf"(?<!\w){_INVOICE_TITLE}(?!\w)|packing|certificate|page", re.IGNORECASE)
_NUMBER_MARK = r"(?:n[°ºo]|nr|no|num|number|nummer|num[ée]ro|#)\.?\s*[:#]?"
# 'Handelsrechnung Nr. 471102 vom 05.03.2018', 'Rechnung des Versicherers Nr. 01.234.567.8-2018-1',
# 'Facture n°562044387 du 02 Juillet 2015', 'Invoice FA-2017-0008', 'Gutschrift (Selbst ausgestellte Rechnung) Nr. 47'.
_TITLE_REFERENCE = re.compile(
    rf"(?<!\w){_INVOICE_TITLE}(?:(?:\s+[^\s\d]+){{0,4}}?\s+{_NUMBER_MARK}|\s+{_NUMBER_MARK}|\s*{_NUMBER_MARK}|)"
    rf"\s*(?P<id>[A-Za-z0-9][\w\-/.]*\d[\w\-/.]*)(?P<after>.*)$",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(r"^\W*(?:vom|du|dated|date|of|from|del|van|le|z\s+dnia)\b\s*(?P<date>.*)$", re.IGNORECASE)
TITLE_ROWS = 15  # the head of the first page


def title_reference(view: DocumentView) -> tuple[FieldValue, FieldValue]:
    """The invoice number (and date) written in the document's title line rather than beside a label:
    'Handelsrechnung Nr. 471102 vom 05.03.2018', 'Facture FA-2017-0010'. The date counts only when the
    title line itself introduces it ('vom', 'du', 'dated'), possibly on the line below."""
    for index, row in enumerate(view.rows[:TITLE_ROWS]):
        for phrase in row:
            if phrase.page != 1:
                return _no_title()
            match = _TITLE_REFERENCE.search(phrase.text)
            if not match:
                continue
            parsed = parsers.identifier(match["id"].rstrip(".,;:"))
            if not parsed.found:
                continue
            candidate = Candidate(phrase.text, tuple(phrase.words), phrase.page, "text")
            number = field_value("invoice_number", parsed.value, candidate, 0.9)
            return number, _title_date(view, index, match["after"], candidate)
    return _no_title()


def _title_date(view: DocumentView, index: int, after: str, candidate: Candidate) -> FieldValue:
    introduced = _DATE_AFTER.match(after)
    if introduced is None:
        return FieldValue.missing("invoice_date", "the title line states no date")
    if introduced["date"].strip():
        parsed = parsers.date(introduced["date"])
        if parsed.found:
            return field_value("invoice_date", parsed.value, candidate, 0.9)
    for phrase in view.rows[index + 1][:1] if index + 1 < len(view.rows) else []:
        parsed = parsers.date(phrase.text)
        if parsed.found:
            return field_value(
                "invoice_date", parsed.value, Candidate(phrase.text, tuple(phrase.words), phrase.page, "below"), 0.9
            )
    return FieldValue.missing("invoice_date", "no date after the title's 'dated'")


def _no_title() -> tuple[FieldValue, FieldValue]:
    reason = "no invoice number in the title line"
    return FieldValue.missing("invoice_number", reason), FieldValue.missing("invoice_date", reason)


_NUMERIC_DATE = re.compile(
    r"(?<![\d.])\d{1,2}(?:[/.-](?:\d{1,2}|[A-Za-z]{3})[/.-]|\s+(?:de\s+)?[^\W\d_]{3,9}\.?\s+(?:de\s+)?)\d{2,4}(?![\d.])"
    r"|(?<![\d.])\d{4}-\d{2}-\d{2}(?![\d.])"
)  # '14/03/2018', '05-AUG-2017', '18 Mar 2018', '24 de marzo de 2025', '2018-01-05'

FIRST_DATE_ROWS = 30
# Without a label, 'd-m-yy' with a one-digit day or month is as likely a house number ('2-4-11 Nankohigashi'),
# a part or a reference: an unlabelled date is taken only written out more fully.
_SHORT_NUMERIC = re.compile(r"(?:\d[/.-]\d{1,2}|\d{1,2}[/.-]\d)[/.-]\d{2}")


def unlabelled_date(view: DocumentView, name: str) -> FieldValue:
    """A receipt prints its date without a label, beside the time or the till number
    ('14/03/2018 5:57.07PM'): the first whole date near the head of the first page."""
    for row in view.rows[:FIRST_DATE_ROWS]:
        for phrase in row:
            if phrase.page != 1:
                return FieldValue.missing(name, "no date on the first page")
            match = _NUMERIC_DATE.search(phrase.text)
            if match is None or _SHORT_NUMERIC.fullmatch(match.group(0)):
                continue
            parsed = parsers.date(match.group(0))
            if parsed.found:
                return field_value(
                    name, parsed.value, Candidate(phrase.text, tuple(phrase.words), phrase.page, "text"), 0.7
                )
    return FieldValue.missing(name, "no labelled date and no date at the head of the first page")


# Words that name a testing laboratory's trade, in the languages of the documents, and the large inspection
# companies that issue certificates of analysis under their own names.
LAB_WORDS = frozenset(
    """laboratory laboratories lab labs laboratorio laboratorios laboratoire laboratoires laboratorium analytical
    analysis analyses analisis analyse analytics assay assayers assaying ensayo ensayos ensaye ensaios testing
    inspection inspectorate metallurgical metalurgico metalurgica metallurgique chemical quimico quimica chimique
    sgs intertek veritas als stewart cotecna""".split()
)
# Marks stamped or printed on a certificate that are no issuer: 'QC PASSED', 'ORIGINAL', 'COPY'.
STAMP_WORDS = frozenset(
    "qc passed approved inspected original copy copia verified checked received revisado recibido".split()
)


def is_lab_name(text: str) -> bool:
    """A name with a laboratory's trade word and a word of its own ('Siam ... Testing Laboratory'); a heading
    made only of trade words ('Inspection', 'Chemical analysis') is no name."""
    words = fold(text).split()
    own = [w for w in words if w not in LAB_WORDS and len(w) >= 3 and not w.isdigit() and w not in _FILLERS]
    return bool(set(words) & LAB_WORDS) and bool(own)


# Words of a document's title in the languages of the documents: 'INFORME DE ENSAYO / CERTIFICADO DE ANÁLISIS' is
# a title, not a laboratory's name.
_FILLERS = frozenset(
    """the and of for del de la las los y et du des results resultados resultats report certificate informe
    certificado certificat certificacao rapport relatorio laudo boletin bulletin""".split()
)


def is_stamp(text: str) -> bool:
    words = fold(text).split()
    return bool(words) and all(w in STAMP_WORDS for w in words)


def laboratory_name(view: DocumentView, labelled: FieldValue, skip: set[int], parties: set[str]) -> FieldValue:
    """The laboratory that issued an assay certificate. A name under a laboratory label ('Tested by', 'For and
    on behalf of') that is no party of the shipment and names a laboratory's trade ('... Testing Laboratory',
    'Análisis Minerales') comes first; then such a name in the head of the first page or in a signature block;
    then the labelled name without a trade word; then the letterhead's company name, unless that is the
    exporter or client (an exporter's quality certificate names the laboratory only where it signs). A stamp
    ('QC PASSED') is never a laboratory."""
    value = labelled.value
    usable = labelled.found and isinstance(value, str) and not _is_party(value, parties) and not is_stamp(value)
    if usable and isinstance(value, str) and is_lab_name(value):
        return labelled
    # 'Analysed and certified by | Expbr': OCR read a stamp beside the label, the laboratory signs below it.
    lab_named = _lab_phrase(view, skip, parties)
    if lab_named.found:
        return lab_named
    if usable:
        return labelled
    letterhead = letterhead_name(view, "laboratory", skip)
    if letterhead.found and isinstance(letterhead.value, str) and not _is_party(letterhead.value, parties):
        return letterhead
    return FieldValue.missing("laboratory", "no laboratory named apart from the parties of the shipment")


def _is_party(name: str, parties: set[str]) -> bool:
    folded = fold(name)
    return any(folded == party or folded.startswith(party) or party.startswith(folded) for party in parties)


def _lab_phrase(view: DocumentView, skip: set[int], parties: set[str]) -> FieldValue:
    first_rows = [p for row in view.rows[:8] for p in row if p.page == 1]
    last_page = max((p.page for row in view.rows for p in row), default=1)
    tail = [p for row in view.rows if row[0].page == last_page for p in row][-20:]
    for phrase in [*first_rows, *tail]:
        if id(phrase.words[0]) in skip or not is_lab_name(phrase.text) or is_stamp(phrase.text):
            continue
        parsed = parsers.party_name(phrase.text)
        if parsed.found and isinstance(parsed.value, str) and not _is_party(parsed.value, parties):
            candidate = Candidate(phrase.text, tuple(phrase.words), phrase.page, "text")
            return field_value("laboratory", parsed.value, candidate, 0.8)
    return FieldValue.missing("laboratory", "no laboratory name in the head or the signature block")
