"""RMI reporting templates (CMRT / EMRT / AMRT): real .xlsx workbooks written with openpyxl at test time in the
template's layout (a "Declaration" sheet with the title and Company Name, a "Smelter List" sheet whose header
row sits below a few title rows). All companies and smelters are synthetic; hostile workbooks are refused."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from oretrace.checks import ShipmentContext, run_checks
from oretrace.checks.context import no_nlp
from oretrace.core.config import Settings
from oretrace.core.errors import UnreadableDocument
from oretrace.core.models import DocType, Rejection, Severity
from oretrace.extractors.rmi_template import WorkbookBudget, read_template
from oretrace.pipeline.documents import process_document
from tests.conftest import command_env

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


def write_zip_bomb(tmp_path: Path, bomb: Path) -> Path:
    """A clean template plus an 80 MiB part of zeros that deflates to about 80 KB."""
    path = write_template(tmp_path / "clean.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/media/padding.bin", b"\0" * (80 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    return bomb


def test_a_zip_bomb_is_refused_from_the_declared_sizes(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="would inflate to 83,886,080 bytes"):
        read_template(write_zip_bomb(tmp_path, tmp_path / "bomb.xlsx"))


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


# The synthetic sample shipment SHP-2025-0001 (sample_docs/ground_truth.json): declared origin Thailand, its assay
# certificate naming Thai Unipet Industries, a reference-list smelter in Thailand.
SAMPLE = Path(__file__).resolve().parents[1] / "sample_docs" / "inbox" / "SHP-2025-0001"
NEW_CHECKS = ["smelter_not_declared", "declared_smelter_origin_mismatch"]


def shipment_findings(tmp_path: Path, smelters: list[tuple[str, str, str, str]]) -> list:
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE, inbox / SAMPLE.name)
    write_template(inbox / SAMPLE.name / "supplier-cmrt.xlsx", smelters=smelters)
    settings = Settings(home=tmp_path / "home")
    outcomes = [process_document(path, inbox, settings) for path in sorted((inbox / SAMPLE.name).iterdir())]
    assert not [o for o in outcomes if isinstance(o, Rejection)]
    template = next(o for o in outcomes if o.doc_type == DocType.DUE_DILIGENCE_TEMPLATE)
    assert template.due_diligence.smelters[0].evidence.element == "D5"
    context = ShipmentContext.build(outcomes, shipment_id=SAMPLE.name, load_nlp=no_nlp)
    return run_checks(context, only=NEW_CHECKS)


def test_a_template_declaring_the_assayed_smelter_gives_no_finding(tmp_path: Path) -> None:
    smelters = [("Antimony", "Thai Unipet Industries Co., Ltd.", "THAILAND", "CID-SYNTHETIC-1")]
    assert shipment_findings(tmp_path, smelters) == []


def test_a_template_without_the_assayed_smelter_gives_both_findings(tmp_path: Path) -> None:
    smelters = [("Antimony", "Hsikwangshan Twinkling Star Co., Ltd.", "CHINA", "CID-SYNTHETIC-2")]
    findings = {f.check: f for f in shipment_findings(tmp_path, smelters)}
    assert set(findings) == set(NEW_CHECKS)
    assert "Thai Unipet" in findings["smelter_not_declared"].message
    assert "China (CN)" in findings["declared_smelter_origin_mismatch"].message
    assert findings["declared_smelter_origin_mismatch"].severity == Severity.HIGH


def test_a_hostile_workbook_in_a_shipment_is_a_rejection_with_its_reason(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "SHP-X").mkdir(parents=True)
    bomb = write_zip_bomb(tmp_path, inbox / "SHP-X" / "bomb.xlsx")
    outcome = process_document(bomb, inbox, Settings(home=tmp_path / "home"))
    assert isinstance(outcome, Rejection)
    assert "would inflate to" in outcome.reason


def test_a_macro_enabled_content_type_is_refused_without_a_vba_part(tmp_path: Path) -> None:
    path = write_template(tmp_path / "clean.xlsx")
    hostile = tmp_path / "book.xlsx"
    macro = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", macro.encode()
                )
            target.writestr(item, data)
    with pytest.raises(UnreadableDocument, match=r"\.xlsm content type"):
        read_template(hostile)


def sample_outcomes(tmp_path: Path) -> list:
    settings = Settings(home=tmp_path / "home")
    return [process_document(path, SAMPLE.parent, settings) for path in sorted(SAMPLE.iterdir())]


def oretrace(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = command_env(ORETRACE_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "oretrace", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_a_template_loaded_for_the_supplier_serves_its_shipments_without_one(tmp_path: Path) -> None:
    from oretrace.checks.facts import shipment_facts
    from oretrace.store.supplier_templates import templates_in_force

    outcomes = sample_outcomes(tmp_path)
    exporter = shipment_facts(ShipmentContext.build(outcomes, load_nlp=no_nlp)).exporter_printed
    assert exporter  # the sample's invoice and certificate agree on it
    home = tmp_path / "store"
    other = [("Antimony", "Hsikwangshan Twinkling Star Co., Ltd.", "CHINA", "CID-SYNTHETIC-2")]
    loaded = oretrace(home, "suppliers", "load", str(write_template(tmp_path / "cmrt.xlsx", smelters=other)),
                      "--supplier", exporter)  # fmt: skip
    assert loaded.returncode == 0, loaded.stderr
    assert f"CMRT 6.5 of '{exporter}'" in loaded.stdout and "1 smelters (Antimony)" in loaded.stdout
    # Another supplier's template (the default key: the template's own company) concerns no shipment here.
    assert oretrace(home, "suppliers", "load", str(write_template(tmp_path / "own.xlsx"))).returncode == 0
    listed = oretrace(home, "suppliers", "list").stdout.splitlines()
    assert len(listed) == 2 and any(exporter in line and "cmrt.xlsx" in line for line in listed)

    on_file = templates_in_force(f"sqlite:///{home / 'oretrace.db'}")
    context = ShipmentContext.build(outcomes, shipment_id=SAMPLE.name, load_nlp=no_nlp, supplier_templates=on_file)
    findings = {f.check: f for f in run_checks(context, only=NEW_CHECKS)}
    assert set(findings) == set(NEW_CHECKS)
    assert "Hsikwangshan Twinkling Star" in findings["smelter_not_declared"].message
    # A template in the shipment folder is the supplier's latest word and wins over the one on file.
    declared = [("Antimony", "Thai Unipet Industries Co., Ltd.", "THAILAND", "CID-SYNTHETIC-1")]
    inbox = tmp_path / "inbox2"
    (inbox / SAMPLE.name).mkdir(parents=True)
    workbook = write_template(inbox / SAMPLE.name / "cmrt.xlsx", smelters=declared)
    in_folder = process_document(workbook, inbox, Settings(home=tmp_path / "home"))
    context = ShipmentContext.build(
        [*outcomes, in_folder], shipment_id=SAMPLE.name, load_nlp=no_nlp, supplier_templates=on_file
    )
    assert run_checks(context, only=NEW_CHECKS) == []


def test_a_hostile_workbook_is_not_loaded_for_a_supplier(tmp_path: Path) -> None:
    result = oretrace(tmp_path / "store", "suppliers", "load", str(write_zip_bomb(tmp_path, tmp_path / "bomb.xlsx")))
    assert result.returncode == 5 and "would inflate to" in result.stderr + result.stdout
    assert "no supplier template loaded" in oretrace(tmp_path / "store", "suppliers", "list").stdout
