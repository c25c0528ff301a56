"""Responsible Minerals Initiative reporting templates (CMRT, EMRT, AMRT) read as declared data.

A template is an .xlsx workbook a supplier fills in: its "Declaration" sheet names the company, its
"Smelter List" sheet lists the smelters and refiners the supplier declares, one row each (Metal, Smelter
Look-up, Smelter Name, Smelter Country, Smelter Identification, Source of Smelter Identification Number, ...).
The header row is found by its labels, not by a fixed row number, since it moved between template revisions.

The workbook is a zip archive, so it is measured before openpyxl opens it: every member's declared
uncompressed size and their total, the member count, and any VBA project (a macro-enabled .xlsm is refused,
whatever its name). openpyxl then reads it in read-only mode with cached values only (`data_only`): the
template's formulas are never evaluated. Rows and cells read are bounded too. Every refusal raises
UnreadableDocument, whose message is the quarantine reason.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from oretrace.core.errors import UnreadableDocument
from oretrace.core.models import DeclaredSmelter as ModelSmelter
from oretrace.core.models import DueDiligenceTemplate, Evidence
from oretrace.extractors.normalize.countries import parse_country

# The main part's content type says which kind of workbook a zip is; a macro-enabled one says so here.
_MACRO_TYPES = ("macroEnabled", "vbaProject")
KINDS = ("CMRT", "EMRT", "AMRT")
HEADER_LABELS = {
    "metal": "metal",
    "smelter name": "name",
    "smelter country": "country",
    "smelter identification": "smelter_id",
}


@dataclass(frozen=True)
class WorkbookBudget:
    max_members: int = 500
    max_member_bytes: int = 64 * 1024 * 1024  # declared uncompressed size of one member
    max_total_bytes: int = 256 * 1024 * 1024  # and of all of them together
    max_rows: int = 5_000  # per sheet read; the RMI smelter reference list has about 2,000 entries
    max_cells: int = 200_000  # over the whole workbook


@dataclass(frozen=True)
class Cell:
    sheet: str
    ref: str  # e.g. "D8"


@dataclass(frozen=True)
class DeclaredSmelter:
    metal: str
    name: str
    country: str
    smelter_id: str | None
    evidence: Cell  # the row's Smelter Name cell


@dataclass(frozen=True)
class TemplateDeclaration:
    kind: str  # CMRT, EMRT or AMRT
    version: str | None
    company: str | None
    company_evidence: Cell | None
    smelters: tuple[DeclaredSmelter, ...]


def refuse_hostile_workbook(path: Path, budget: WorkbookBudget) -> None:
    """Measure the archive from its central directory, before anything is inflated."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as error:
        raise UnreadableDocument(f"a damaged zip archive, not a readable workbook ({error})") from None
    if len(members) > budget.max_members:
        raise UnreadableDocument(f"the workbook has {len(members):,} parts; the limit is {budget.max_members:,}")
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UnreadableDocument("a zip archive but not an Excel workbook (no xl/workbook.xml)")
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise UnreadableDocument("a macro-enabled workbook (it contains a VBA project); macros are never accepted")
    total = 0
    for member in members:
        if member.file_size > budget.max_member_bytes:
            raise UnreadableDocument(
                f"workbook part {member.filename} would inflate to {member.file_size:,} bytes; "
                f"the limit is {budget.max_member_bytes:,}"
            )
        total += member.file_size
    if total > budget.max_total_bytes:
        raise UnreadableDocument(
            f"the workbook would inflate to {total:,} bytes; the limit is {budget.max_total_bytes:,}"
        )
    with zipfile.ZipFile(path) as archive:
        content_types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    if any(marker in content_types for marker in _MACRO_TYPES):
        raise UnreadableDocument("a macro-enabled workbook (.xlsm content type); macros are never accepted")


def _text(value: object) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""


def _label(value: object) -> str:
    # Labels carry asterisks and colons ("Company Name (*):"); compare their words only.
    return re.sub(r"[^a-z ]", "", _text(value).lower().replace("(*)", "")).strip()


def read_template(path: Path, budget: WorkbookBudget | None = None) -> TemplateDeclaration:
    budget = budget or WorkbookBudget()
    refuse_hostile_workbook(path, budget)
    import openpyxl  # imported here: only workbooks pay for it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many types for a malformed part
        raise UnreadableDocument(f"an unreadable workbook ({type(error).__name__}: {error})") from None
    try:
        sheets = {name.strip().lower(): name for name in workbook.sheetnames}
        if "declaration" not in sheets or "smelter list" not in sheets:
            raise UnreadableDocument(
                "a workbook but not an RMI reporting template (no 'Declaration' and 'Smelter List' sheets)"
            )
        cells = [0]
        declaration = _rows(workbook[sheets["declaration"]], budget, cells)
        kind, version = _kind_and_version(declaration)
        company, company_cell = _company(declaration, sheets["declaration"])
        smelters = _smelters(_rows(workbook[sheets["smelter list"]], budget, cells), sheets["smelter list"])
    finally:
        workbook.close()
    return TemplateDeclaration(kind, version, company, company_cell, tuple(smelters))


def _rows(sheet, budget: WorkbookBudget, cells: list[int]) -> list[tuple[int, list[tuple[str, object]]]]:
    """The sheet's non-empty cells as (row number, [(coordinate, value)]), within the row and cell budget."""
    rows = []
    for number, row in enumerate(sheet.iter_rows(), start=1):
        if number > budget.max_rows:
            raise UnreadableDocument(f"sheet '{sheet.title}' has over {budget.max_rows:,} rows; the limit")
        cells[0] += len(row)
        if cells[0] > budget.max_cells:
            raise UnreadableDocument(f"the workbook has over {budget.max_cells:,} cells; the limit")
        values = [(c.coordinate, c.value) for c in row if getattr(c, "value", None) not in (None, "")]
        if values:
            rows.append((number, values))
    return rows


def _kind_and_version(rows) -> tuple[str, str | None]:
    for _, values in rows[:10]:
        for _, value in values:
            text = _text(value)
            for kind in KINDS:
                if kind in text.upper() or _FULL_NAMES[kind] in text.lower():
                    found = re.search(r"\b(?:rev(?:ision)?\.?|version)\s*([0-9]+(?:\.[0-9]+)*)", text, re.I)
                    return kind, found.group(1) if found else None
    raise UnreadableDocument("a workbook with Declaration and Smelter List sheets but no CMRT, EMRT or AMRT title")


_FULL_NAMES = {
    "CMRT": "conflict minerals reporting template",
    "EMRT": "extended minerals reporting template",
    "AMRT": "additional minerals reporting template",
}


def _company(rows, sheet: str) -> tuple[str | None, Cell | None]:
    # The answer is the first non-empty cell right of the "Company Name" label on the same row.
    for _, values in rows:
        for index, (_, value) in enumerate(values):
            if _label(value) == "company name" and index + 1 < len(values):
                ref, answer = values[index + 1]
                return _text(answer), Cell(sheet, ref)
    return None, None


def _smelters(rows, sheet: str) -> list[DeclaredSmelter]:
    header: dict[str, str] | None = None  # column letter -> field
    smelters = []
    for _, values in rows:
        if header is None:
            found = {_column(ref): HEADER_LABELS[_label(v)] for ref, v in values if _label(v) in HEADER_LABELS}
            if {"metal", "name"} <= set(found.values()):
                header = found
            continue
        record = {header[_column(ref)]: (_text(v), ref) for ref, v in values if _column(ref) in header}
        if "name" not in record or "metal" not in record:
            continue  # a blank or half-filled row
        smelters.append(
            DeclaredSmelter(
                metal=record["metal"][0],
                name=record["name"][0],
                country=record.get("country", ("", ""))[0],
                smelter_id=record.get("smelter_id", (None, ""))[0] or None,
                evidence=Cell(sheet, record["name"][1]),
            )
        )
    if header is None:
        raise UnreadableDocument(f"sheet '{sheet}' has no header row with 'Metal' and 'Smelter Name'")
    return smelters


def _column(ref: str) -> str:
    return ref.rstrip("0123456789")


def _cell_evidence(cell: Cell, text: str) -> Evidence:
    # A workbook has no page: page 0 and an empty box, the sheet and cell carried as attachment and element.
    return Evidence(page=0, bbox=(0.0, 0.0, 0.0, 0.0), text=text, attachment=cell.sheet, element=cell.ref)


def as_document_part(declaration: TemplateDeclaration) -> DueDiligenceTemplate:
    """The typed record the pipeline stores: countries as ISO codes where recognised, cells as evidence."""
    smelters = [
        ModelSmelter(
            metal=s.metal,
            name=s.name,
            country=parse_country(s.country).value if s.country else None,
            country_text=s.country,
            smelter_id=s.smelter_id,
            evidence=_cell_evidence(s.evidence, s.name),
        )
        for s in declaration.smelters
    ]
    company = declaration.company_evidence
    return DueDiligenceTemplate(
        kind=declaration.kind,
        version=declaration.version,
        company=declaration.company,
        company_evidence=_cell_evidence(company, declaration.company or "") if company else None,
        smelters=smelters,
    )
