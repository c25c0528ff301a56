"""The steps of one pass over one claimed shipment, as plain functions (the Prefect flow runs them as tasks).

register -> extract -> check -> commit (store and file states in one transaction, fenced by the claim)
-> settle (move the bytes to the archive or quarantine, only after the commit).
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, select, update

from oretrace.core.config import get_settings
from oretrace.core.models import ExtractedDocument, Rejection, ShipmentResult
from oretrace.pipeline.documents import assemble_shipment, process_document
from oretrace.pipeline.inbox import fs_path
from oretrace.store import schema
from oretrace.store.claims import FileState, WatchFile
from oretrace.store.db import make_engine, session_scope
from oretrace.store.portfolio import check_touched
from oretrace.store.portfolio_review import evaluate_and_store
from oretrace.store.reference_store import active_reference
from oretrace.store.repository import record_rejection, record_shipment
from oretrace.store.supplier_templates import templates_on_file
from oretrace.watch import files
from oretrace.watch.ledger import ClaimLost, current_documents, fence, register_file, unsettled_rows
from oretrace.watch.models import (
    LOOSE_FILES,
    BatchReport,
    Claim,
    FileTicket,
    MoveOutcome,
    ShipmentSnapshot,
    WatchPlaces,
)

Outcome = ExtractedDocument | Rejection
log = logging.getLogger("oretrace.watch")

VANISHED_REASON = "the file was removed from the inbox before it could be read"
CHANGED_REASON = "the file changed while it was being read; its new content is processed as a new version"


@lru_cache(maxsize=4)
def engine_for(url: str) -> Engine:
    """One engine (connection pool) per database for the life of the process."""
    return make_engine(url)


def register(places: WatchPlaces, snapshot: ShipmentSnapshot) -> list[FileTicket]:
    """Hash every file of the snapshot and record its version; files gone since the scan are skipped."""
    tickets: list[FileTicket] = []
    engine = engine_for(places.database_url)
    for seen in snapshot.files:
        try:
            sha256 = files.content_digest(seen.path)
            size = seen.path.lstat().st_size
        except FileNotFoundError:
            continue  # removed before it was registered: nothing of it reached the service
        except OSError:
            if seen.problem is None:
                continue  # unreadable right now (permissions, I/O); the next scan tries again
            sha256, size = files.link_digest(seen.path) if seen.is_symlink else "0" * 64, seen.size
        with session_scope(engine) as session:
            tickets.append(register_file(session, str(places.inbox), seen, sha256, size))
    return tickets


def extract(places: WatchPlaces, ticket: FileTicket) -> Outcome:
    """Read one waiting file through the pipeline; a file flagged by the scan is refused without being opened."""
    if ticket.problem is not None:
        return Rejection(source_path=ticket.relative, shipment_id=ticket.shipment_id or None, reason=ticket.problem)
    return process_document(ticket.path, places.inbox, places.settings)


def _load_documents(engine: Engine, document_ids: list[int]) -> list[ExtractedDocument]:
    if not document_ids:
        return []
    with session_scope(engine) as session:
        latest = (
            select(schema.ExtractionRun.record_json)
            .where(schema.ExtractionRun.document_id.in_(document_ids))
            .order_by(schema.ExtractionRun.document_id, schema.ExtractionRun.id.desc())
        )
        records: dict[str, ExtractedDocument] = {}
        for record in session.execute(latest).scalars():
            doc = ExtractedDocument.model_validate(record)
            records.setdefault(doc.source.path, doc)
        return list(records.values())


def check(places: WatchPlaces, shipment_id: str, tickets: list[FileTicket], outcomes: list[Outcome]) -> ShipmentResult:
    """The shipment's documents taken together: this pass's plus those recorded by earlier passes."""
    engine = engine_for(places.database_url)
    this_pass = {t.relative for t in tickets}
    with session_scope(engine) as session:
        earlier_ids = current_documents(session, shipment_id, exclude_paths=this_pass)
        supplier_templates = templates_on_file(session)
    # A document embedded in a file read again in this pass comes again with its carrier.
    earlier = [
        d for d in _load_documents(engine, earlier_ids) if not (d.source.parent and d.source.parent.path in this_pass)
    ]
    kept = [o for o, t in zip(outcomes, tickets, strict=True) if _final_state(t, o)[0] != FileState.VANISHED]
    if shipment_id == LOOSE_FILES:
        return ShipmentResult(
            shipment_id=shipment_id, documents=[], rejected=[o for o in kept if isinstance(o, Rejection)]
        )
    return assemble_shipment(shipment_id, [*earlier, *kept], supplier_templates=supplier_templates)


def _final_state(ticket: FileTicket, outcome: Outcome) -> tuple[FileState, str | None]:
    if isinstance(outcome, ExtractedDocument):
        if outcome.source.sha256 != ticket.sha256:
            return FileState.VANISHED, CHANGED_REASON
        return FileState.DONE, None
    if not (ticket.path.exists() or ticket.path.is_symlink()):
        return FileState.VANISHED, VANISHED_REASON
    return FileState.QUARANTINED, outcome.reason


def _destination(places: WatchPlaces, ticket: FileTicket, state: FileState, when: datetime) -> Path | None:
    name = files.safe_name(ticket.path.name)
    if state in (FileState.DONE, FileState.DUPLICATE):
        folder = files.dated_folder(places.archive, when) / files.safe_name(ticket.shipment_id or "_inbox_root")
    elif state == FileState.QUARANTINED:
        folder = files.dated_folder(places.quarantine, when)
    else:
        return None
    return files.free_destination(folder, name, ticket.sha256)


def commit(
    places: WatchPlaces,
    claim: Claim,
    tickets: list[FileTicket],
    outcomes: list[Outcome],
    result: ShipmentResult | None,
    started_at: datetime,
) -> BatchReport:
    """Record the shipment and settle every ticket's state in one transaction that first re-checks the claim.

    Either all of it is written (and the files may move), or none of it (and the next pass does it again).
    """
    engine = engine_for(places.database_url)
    now = datetime.now(UTC)
    counts = {state: 0 for state in FileState}
    recorded = False
    with session_scope(engine) as session:
        fence(session, claim, places.lease_seconds)
        if result is not None and claim.shipment_id == LOOSE_FILES:
            for rejection in result.rejected:
                record_rejection(session, rejection, sha256=None)
        elif result is not None and any(
            _final_state(t, o)[0] != FileState.VANISHED for t, o in zip(tickets, outcomes, strict=True)
        ):
            record_shipment(session, result, str(places.inbox), started_at, now)
            recorded = True
        for ticket, outcome in zip(tickets, outcomes, strict=True):
            state, reason = _final_state(ticket, outcome)
            document_id = None
            if state == FileState.DONE:
                document_id = session.execute(
                    select(schema.Document.id).where(
                        schema.Document.sha256 == ticket.sha256, schema.Document.source_path == ticket.relative
                    )
                ).scalar_one()
            destination = _destination(places, ticket, state, now)
            changed = session.execute(
                update(WatchFile)
                .where(WatchFile.id == ticket.row_id, WatchFile.state == FileState.WAITING)
                .values(
                    state=state,
                    reason=reason,
                    document_id=document_id,
                    destination=str(destination) if destination else None,
                    processed_by=claim.worker_id,
                    updated_at=now,
                )
            ).rowcount
            if changed != 1:
                raise ClaimLost(f"{ticket.relative} was settled by another watcher")
            counts[state] += 1
        # Duplicates found at registration get their archive place now, under the same claim.
        for row in session.execute(
            select(WatchFile).where(
                WatchFile.shipment_id == claim.shipment_id,
                WatchFile.state == FileState.DUPLICATE,
                WatchFile.destination.is_(None),
            )
        ).scalars():
            ticket = FileTicket(
                row_id=row.id,
                path=places.inbox / row.source_path,
                relative=row.source_path,
                shipment_id=row.shipment_id,
                sha256=row.sha256,
                size=row.size,
                version=row.version,
                state=row.state,
            )
            row.destination = str(_destination(places, ticket, FileState.DUPLICATE, now))
            row.updated_at = now
            log.info("%s: %s; to %s", row.source_path, row.reason, row.destination)
            counts[FileState.DUPLICATE] += 1
    return BatchReport(
        shipment_id=claim.shipment_id,
        processed=counts[FileState.DONE],
        quarantined=counts[FileState.QUARANTINED],
        duplicates=counts[FileState.DUPLICATE],
        vanished=counts[FileState.VANISHED],
        verdict=result.verdict if result is not None and result.documents else None,
        findings=len(result.findings) if result is not None else 0,
        portfolio_findings=portfolio_pass(engine, claim.shipment_id) if recorded else 0,
    )


def portfolio_pass(engine: Engine, shipment_id: str) -> int:
    """The portfolio checks over the windows the shipment falls in, after its commit (a separate transaction:
    the claim's is kept short); each finding is logged. Returns how many there are."""
    with session_scope(engine) as session:
        reference, limits = active_reference(session), get_settings().portfolio
        # Stored for review over every window; logged for the windows this shipment touched.
        evaluate_and_store(session, reference, limits)
        findings = check_touched(session, [shipment_id], reference, limits)
    for finding in findings:
        log.info("portfolio %s %s: %s", finding.severity.value, finding.check, finding.message)
    return len(findings)


def settle(places: WatchPlaces, shipment_id: str) -> list[MoveOutcome]:
    """Move the bytes of every committed file of the shipment out of the inbox; safe to repeat after a crash."""
    engine = engine_for(places.database_url)
    with session_scope(engine) as session:
        rows = unsettled_rows(session, shipment_id, str(places.inbox))
    outcomes: list[MoveOutcome] = []
    for row in rows:
        source = fs_path(places.inbox, row.source_path)
        destination = Path(row.destination or "")
        note: str | None = None
        moved = settled = left_in_place = False
        try:
            if row.state == FileState.QUARANTINED:
                destination.parent.mkdir(parents=True, exist_ok=True)
                exact = os.fsencode(source.relative_to(places.inbox))
                files.write_reason(destination, row.source_path, row.shipment_id, row.reason or "", row.sha256, exact)
            result = files.move_verified(source, destination, row.sha256)
            moved, settled, note = True, True, result.note
            left_in_place = not result.source_removed
        except (files.SourceGone, files.SourceChanged) as err:
            settled, note = True, str(err)  # the bytes of this version are no longer ours to move
        except files.MoveError as err:
            note = str(err)
        except OSError as err:
            note = f"the file could not be moved ({err.strerror or err})"
        with session_scope(engine) as session:
            values: dict[str, object] = {"last_error": note, "updated_at": datetime.now(UTC)}
            if settled:
                values |= {"archived_at": datetime.now(UTC), "left_in_place": left_in_place}
            session.execute(update(WatchFile).where(WatchFile.id == row.id).values(**values))
        outcomes.append(
            MoveOutcome(row_id=row.id, relative=row.source_path, destination=str(destination), moved=moved, note=note)
        )
    return outcomes


def process_claimed(places: WatchPlaces, claim: Claim, snapshot: ShipmentSnapshot) -> BatchReport:
    """One pass over a claimed shipment without Prefect: the same steps the flow runs as tasks."""
    started_at = datetime.now(UTC)
    tickets = [t for t in register(places, snapshot) if t.state == FileState.WAITING]
    outcomes = [extract(places, t) for t in tickets]
    result = check(places, claim.shipment_id, tickets, outcomes) if tickets else None
    report = commit(places, claim, tickets, outcomes, result, started_at)
    moves = settle(places, claim.shipment_id)
    return finish_report(report, moves)


def finish_report(report: BatchReport, moves: list[MoveOutcome]) -> BatchReport:
    errors = tuple(f"{m.relative}: {m.note}" for m in moves if not m.moved and m.note)
    return report.model_copy(update={"moved": sum(m.moved for m in moves), "errors": errors})
