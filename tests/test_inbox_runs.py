"""An unchanged inbox is recognised, and every input that changes results makes it change."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from oretrace.core.config import Settings
from oretrace.core.models import Finding, Severity, ShipmentResult
from oretrace.pipeline.inbox import InboxSnapshot
from oretrace.pipeline.inbox_digest import inbox_digest
from oretrace.store.db import session_scope
from oretrace.store.inbox_runs import record_inbox_run, up_to_date
from oretrace.store.repository import record_shipment


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    for shipment, content in (("SHP-A", b"%PDF-1.4 first"), ("SHP-B", b"%PDF-1.4 second")):
        (inbox / shipment).mkdir(parents=True)
        (inbox / shipment / "invoice.pdf").write_bytes(content)
    return inbox


def test_the_digest_follows_files_settings_and_reference(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    settings = Settings(home=tmp_path / "home")
    first = inbox_digest(InboxSnapshot.take(inbox), settings, "ref-1")
    assert inbox_digest(InboxSnapshot.take(inbox), settings, "ref-1") == first, "the same inputs give the same digest"

    assert inbox_digest(InboxSnapshot.take(inbox), settings, "ref-2") != first
    assert inbox_digest(InboxSnapshot.take(inbox), settings.model_copy(update={"ocr_dpi": 200}), "ref-1") != first
    assert inbox_digest(InboxSnapshot.take(inbox), settings.model_copy(update={"workers": 1}), "ref-1") == first, (
        "speed only"
    )

    (inbox / "SHP-A" / "invoice.pdf").write_bytes(b"%PDF-1.4 changed")
    changed = inbox_digest(InboxSnapshot.take(inbox), settings, "ref-1")
    assert changed != first
    (inbox / "SHP-A" / "invoice.pdf").rename(inbox / "SHP-B" / "moved.pdf")
    assert inbox_digest(InboxSnapshot.take(inbox), settings, "ref-1") not in (first, changed), (
        "a file moved to another shipment"
    )
    (inbox / "loose.png").write_bytes(b"\x89PNG")
    assert inbox_digest(InboxSnapshot.take(inbox), settings, "ref-1") not in (first, changed)


def _check(engine: Engine, shipment_id: str, verdict_flagged: bool = False) -> int:
    findings = [Finding(check="weight_mismatch", severity=Severity.HIGH, message="m")] if verdict_flagged else []
    result = ShipmentResult(shipment_id=shipment_id, documents=[], findings=findings)
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        return record_shipment(session, result, "/inbox", now, now)


def test_an_inbox_is_up_to_date_only_while_its_checks_are_the_latest(engine: Engine) -> None:
    runs = {"SHP-A": _check(engine, "SHP-A", verdict_flagged=True), "SHP-B": _check(engine, "SHP-B")}
    with session_scope(engine) as session:
        assert up_to_date(session, "/inbox", "d1") is None, "never run"
        record_inbox_run(session, "/inbox", "d1", runs)
    with session_scope(engine) as session:
        last = up_to_date(session, "/inbox", "d1")
        assert last is not None and (last.shipments, last.flagged) == (2, 1)
        assert up_to_date(session, "/inbox", "d2") is None, "another digest"
        assert up_to_date(session, "/other", "d1") is None, "another inbox"

    _check(engine, "SHP-B")  # checked since by something else (the watch service, another inbox)
    with session_scope(engine) as session:
        assert up_to_date(session, "/inbox", "d1") is None
