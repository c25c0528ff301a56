"""RMI reporting templates (CMRT / EMRT / AMRT): real .xlsx workbooks written with openpyxl at test time in the
template's layout (a "Declaration" sheet with the title and Company Name, a "Smelter List" sheet whose header
row sits below a few title rows). All companies and smelters are synthetic; hostile workbooks are refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from oretrace.core.errors import UnreadableDocument
from oretrace.extractors.rmi_template import WorkbookBudget, read_template

HEADER = [
    "Smelter Identification Number Input Column",
    "Metal (*)",
    "Smelter Look-up (*)",
    "Smelter Name (1)",
    "Smelter Country (*)",
    "Smelter Identification",
    "Source of Smelter Identification Number",
]
# Synthetic declared smelters: (metal, name, country, id)
SMELTERS = [
    ("Tin", "Synthetic Tin Smelter One", "INDONESIA", "CID000001"),
    ("Tungsten", "Synthetic Tungsten Works", "VIET NAM", "CID000002"),
]


def write_template(path: Path, kind: str = "CMRT", smelters=SMELTERS, extra_rows: int = 0) -> Path:
    workbook = openpyxl.Workbook()
    declaration = workbook.active
    declaration.title = "Declaration"
    declaration["B2"] = f"{kind} Reporting Template Revision 6.5 (synthetic specimen)"
    declaration["B8"] = "Company Name (*):"
    declaration["D8"] = "Synthetic Minerals Trading Ltd"
    smelter_list = workbook.create_sheet("Smelter List")
    smelter_list["A1"] = "Smelter List - synthetic specimen"
    for column, label in enumerate(HEADER, start=1):
        smelter_list.cell(row=4, column=column, value=label)
    for row, (metal, name, country, cid) in enumerate(smelters, start=5):
        for column, value in zip((2, 3, 4, 5, 6), (metal, name, name, country, cid), strict=True):
            smelter_list.cell(row=row, column=column, value=value)
    for row in range(extra_rows):
        smelter_list.cell(row=100 + row, column=2, value="Tin")
    workbook.create_sheet("Checker")
    workbook.save(path)
    return path


def test_a_clean_template_gives_company_kind_version_and_smelters_with_cells(tmp_path: Path) -> None:
    declaration = read_template(write_template(tmp_path / "cmrt.xlsx"))
    assert (declaration.kind, declaration.version) == ("CMRT", "6.5")
    assert declaration.company == "Synthetic Minerals Trading Ltd"
    assert (declaration.company_evidence.sheet, declaration.company_evidence.ref) == ("Declaration", "D8")
    assert [(s.metal, s.name, s.country, s.smelter_id) for s in declaration.smelters] == SMELTERS
    assert declaration.smelters[1].evidence.ref == "D6"


def test_an_emrt_is_known_by_its_title(tmp_path: Path) -> None:
    assert read_template(write_template(tmp_path / "emrt.xlsx", kind="EMRT")).kind == "EMRT"


def test_a_workbook_with_a_vba_project_is_refused(tmp_path: Path) -> None:
    path = write_template(tmp_path / "clean.xlsx")
    hostile = tmp_path / "macros.xlsx"  # named .xlsx: the contents decide
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 synthetic VBA project")
    with pytest.raises(UnreadableDocument, match="macro-enabled"):
        read_template(hostile)


def test_a_zip_bomb_is_refused_from_the_declared_sizes(tmp_path: Path) -> None:
    path = write_template(tmp_path / "clean.xlsx")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/media/padding.bin", b"\0" * (80 * 1024 * 1024))  # ~80 KB on disk
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(UnreadableDocument, match="would inflate to 83,886,080 bytes"):
        read_template(bomb)


def test_a_huge_sheet_is_refused_at_the_row_limit(tmp_path: Path) -> None:
    path = write_template(tmp_path / "huge.xlsx", extra_rows=300)
    with pytest.raises(UnreadableDocument, match="over 200 rows"):
        read_template(path, WorkbookBudget(max_rows=200))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "damaged zip"),
        (None, "not an RMI reporting template"),
    ],
)
def test_other_workbooks_are_refused_with_a_reason(tmp_path: Path, content: bytes | None, reason: str) -> None:
    path = tmp_path / "other.xlsx"
    if content is None:
        openpyxl.Workbook().save(path)
    else:
        path.write_bytes(content)
    with pytest.raises(UnreadableDocument, match=reason):
        read_template(path)
