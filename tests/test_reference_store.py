"""Reference data loads: updating or replacing the set in force, versions kept in the store, the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from oretrace.cli.main import app
from oretrace.core.errors import ExitCode
from oretrace.reference import DEFAULT_DIRECTORY, ReferenceError, default_reference, load_reference
from oretrace.store import schema
from oretrace.store.audit import AuditEntry, verify_chain
from oretrace.store.db import session_scope
from oretrace.store.reference_store import (
    LoadMode,
    ReferenceVersion,
    active_reference,
    active_version,
    load_history,
    save_reference,
)
from oretrace.store.repository import record_shipment
from tests.conftest import SAMPLE_DOCS
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, STARTED_AT, shipment

SMELTERS_HEADER = "smelter_id,name,aliases,country,region,city,commodity,source"
# Synthetic rows for the tests.
THAI_SMELTER = "TH9001,Synthetic Siam Antimony Refinery,Siam Sb,TH,Chonburi,Si Racha,antimony,synthetic test row"
THAI_PROFILE = "TH9001,As,pct,0.02,0.004,12\nTH9001,Pb,pct,0.03,0.006,12"


def _write(directory: Path, name: str, *lines: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_update_adds_and_replaces_rows_and_keeps_absent_files(tmp_path: Path) -> None:
    base = default_reference()
    first = base.smelters[0]
    renamed = first.model_copy(update={"name": "Renamed Smelter Co."})
    _write(
        tmp_path,
        "smelters.csv",
        SMELTERS_HEADER,
        THAI_SMELTER,
        f"{first.smelter_id},{renamed.name},,{first.country},,,antimony,synthetic test row",
    )
    _write(tmp_path, "assay_profiles.csv", "smelter_id,element,unit,mean,sd,n", THAI_PROFILE)

    updated = load_reference(tmp_path, base=base)

    assert len(updated.smelters) == len(base.smelters) + 1
    assert updated.smelters[0].name == "Renamed Smelter Co."  # replaced in place, same id
    assert updated.smelter("TH9001") is not None and updated.smelter("TH9001").country == "TH"
    assert set(updated.assay_profiles["TH9001"].elements) == {"As", "Pb"}
    assert updated.production == base.production  # production.csv absent: kept
    assert updated.version != base.version


def test_update_validates_against_the_combined_smelter_list(tmp_path: Path) -> None:
    _write(tmp_path, "assay_profiles.csv", "smelter_id,element,unit,mean,sd,n", "NOPE1,As,pct,0.02,0.004,12")
    with pytest.raises(ReferenceError, match=r"assay_profiles\.csv, line 2, column 1 \(smelter_id\): 'NOPE1'"):
        load_reference(tmp_path, base=default_reference())


def test_update_from_a_folder_without_csv_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReferenceError, match="no reference CSV file"):
        load_reference(tmp_path, base=default_reference())


def test_replace_needs_every_required_file(tmp_path: Path) -> None:
    _write(tmp_path, "smelters.csv", SMELTERS_HEADER, THAI_SMELTER)
    with pytest.raises(ReferenceError, match=r"assay_profiles\.csv: file not found"):
        load_reference(tmp_path)


def test_loads_are_versioned_and_the_latest_is_in_force(engine: Engine, tmp_path: Path) -> None:
    bundled = default_reference()
    _write(tmp_path, "smelters.csv", SMELTERS_HEADER, THAI_SMELTER)
    updated = load_reference(tmp_path, base=bundled)

    with session_scope(engine) as session:
        assert active_version(session) is None
        assert active_reference(session) is bundled
        first = save_reference(session, updated, mode=LoadMode.UPDATE, source=str(tmp_path), actor="cli:test")
    with session_scope(engine) as session:
        again = save_reference(session, updated, mode=LoadMode.UPDATE, source=str(tmp_path), actor="cli:other")
    with session_scope(engine) as session:
        in_force = active_reference(session)
        history = load_history(session)
        stored_versions = session.scalars(select(ReferenceVersion.version)).all()

    assert (first.previous_version, first.version, first.new_version) == (bundled.version, updated.version, True)
    assert (again.previous_version, again.new_version) == (updated.version, False)
    assert in_force == updated and in_force.smelter("TH9001") is not None
    assert [(h.actor, h.mode) for h in history] == [("cli:other", "update"), ("cli:test", "update")]
    assert stored_versions == [updated.version]  # one copy of the content however often it is loaded
    with session_scope(engine) as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "reference.load")).all()
        assert [(e.actor, e.subject) for e in entries] == [
            ("cli:test", f"reference:{updated.version}"),
            ("cli:other", f"reference:{updated.version}"),
        ]
        assert verify_chain(session).ok


def test_shipment_run_records_the_reference_version(engine: Engine) -> None:
    result = shipment().model_copy(update={"reference_version": default_reference().version})
    with session_scope(engine) as session:
        run_id = record_shipment(session, result, INBOX_ROOT, STARTED_AT, FINISHED_AT)
    with session_scope(engine) as session:
        assert session.get_one(schema.ShipmentRun, run_id).reference_version == default_reference().version


def test_cli_load_replace_show_and_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORETRACE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ORETRACE_DATABASE_URL", raising=False)
    from oretrace.core.config import get_settings

    get_settings.cache_clear()
    reference = tmp_path / "reference"
    shutil.copytree(DEFAULT_DIRECTORY, reference)
    with (reference / "smelters.csv").open("a", encoding="utf-8") as handle:
        handle.write(THAI_SMELTER + "\n")
    runner = CliRunner()
    try:
        loaded = runner.invoke(app, ["reference", "load", str(reference), "--replace"])
        assert loaded.exit_code == 0, loaded.output
        version = load_reference(reference).version
        assert f"reference version {version[:12]} in force" in loaded.output

        shown = runner.invoke(app, ["reference", "show"])
        assert shown.exit_code == 0, shown.output
        assert f"in force: {version}" in shown.output and "replace" in shown.output

        (reference / "production.csv").write_text(
            "commodity,country,stage,year,tonnes,source\nantimony,ZZ,mine,2024,5,x\n"
        )
        failed = runner.invoke(app, ["reference", "load", str(reference)])
        assert failed.exit_code == ExitCode.BAD_DATA
        assert "production.csv, line 2, column 2 (country): 'ZZ'" in failed.output
        assert (
            f"in force: {version}" in runner.invoke(app, ["reference", "show"]).output
        )  # a failed load changes nothing
    finally:
        get_settings.cache_clear()


def test_eval_checks_against_the_reference_in_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`oretrace eval` on documents with their own reference data: load it, then score against it."""
    truth = json.loads((SAMPLE_DOCS / "ground_truth.json").read_text(encoding="utf-8"))
    shipment_id = "SHP-2025-0001"  # clean; its assay certificate names Thai Unipet Industries (SM0021)
    documents = [d for d in truth["documents"] if d["shipment_id"] == shipment_id and not d["scanned"]]
    samples = tmp_path / "samples"
    for document in documents:
        (samples / document["path"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE_DOCS / document["path"], samples / document["path"])
    shipment = next(s for s in truth["shipments"] if s["shipment_id"] == shipment_id)
    shipment = shipment | {"expected_checks": ["missing_document"]}  # its scanned certificate is left out
    (samples / "ground_truth.json").write_text(json.dumps({"documents": documents, "shipments": [shipment]}))

    reference = tmp_path / "reference"
    shutil.copytree(DEFAULT_DIRECTORY, reference)
    for name in ("smelters.csv", "assay_profiles.csv"):
        lines = (reference / name).read_text(encoding="utf-8").splitlines()
        _write(reference, name, *[line for line in lines if not line.startswith("SM0021,")])

    monkeypatch.setenv("ORETRACE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ORETRACE_DATABASE_URL", raising=False)
    from oretrace.core.config import get_settings

    get_settings.cache_clear()
    runner = CliRunner()
    try:
        before = json.loads(runner.invoke(app, ["eval", str(samples), "--json"]).output)
        assert runner.invoke(app, ["reference", "load", str(reference), "--replace"]).exit_code == 0
        after = json.loads(runner.invoke(app, ["eval", str(samples), "--json"]).output)
    finally:
        get_settings.cache_clear()

    assert before["reference_version"] == default_reference().version
    assert "unknown_smelter" not in before["checks"]["per_check"]
    assert after["reference_version"] == load_reference(reference).version
    assert after["checks"]["per_check"]["unknown_smelter"]["unexpected"] == [shipment_id]
    assert after["checks"]["flag"]["wrongly_flagged"] == [shipment_id]


def test_bundled_capacities_are_only_those_their_source_states() -> None:
    capacities = {s.smelter_id: s.capacity_tpa for s in default_reference().smelters if s.capacity_tpa is not None}
    assert capacities == {"SM0001": 20_000, "SM0003": 6_000, "SM0008": 20_000, "SM0009": 15_000, "SM0012": 2_400}
    assert all(s.capacity_source for s in default_reference().smelters if s.capacity_tpa is not None)


def test_a_capacity_needs_a_number_and_a_source(tmp_path: Path) -> None:
    header = SMELTERS_HEADER + ",stage,capacity_tpa,capacity_source"
    row = "TH9002,Synthetic Smelter,,TH,,,antimony,synthetic test row,smelter"
    _write(
        tmp_path,
        "smelters.csv",
        header,
        f"{row},1200,synthetic figure",
        f"TH9003{row[6:]},lots,x",
        f"TH9004{row[6:]},5,",
    )
    with pytest.raises(ReferenceError) as raised:
        load_reference(tmp_path, base=default_reference())
    assert "line 3, column 10 (capacity_tpa): 'lots'" in str(raised.value)
    assert "line 4, column 11 (capacity_source)" in str(raised.value)
    assert "line 2" not in str(raised.value)
