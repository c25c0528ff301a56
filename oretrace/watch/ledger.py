"""The watch service's rows in the store: claims on shipments, file versions, heartbeats. Plain functions."""

from __future__ import annotations

import os
import socket
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from oretrace.store.claims import FileState, WatchFile, WatchHeartbeat, WatchShipment
from oretrace.store.db import session_scope
from oretrace.store.repository import _insert
from oretrace.watch.models import Claim, FileTicket, SeenFile


class ClaimLost(Exception):
    """Another watcher took the shipment over (this one's lease expired); nothing of this pass is written."""


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _now() -> datetime:
    return datetime.now(UTC)


def _holder_is_dead(claimed_by: str) -> bool:
    """A claim left by a process of this host that no longer exists (killed) can be taken at once."""
    host, _, pid = claimed_by.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def claim_shipment(
    engine: Engine, shipment_id: str, inbox_root: str, worker_id: str, lease_seconds: float
) -> Claim | None:
    """Claim a shipment for this watcher, or None if another live watcher holds it.

    A compare-and-swap on the claim token: of two watchers racing for the same row, only one UPDATE
    matches (PostgreSQL re-checks the WHERE clause after the row lock; SQLite serialises writers).
    """
    with session_scope(engine) as session:
        table = WatchShipment.__table__
        session.execute(
            _insert(session, table)
            .values(shipment_id=shipment_id, inbox_root=inbox_root)
            .on_conflict_do_nothing(index_elements=[table.c.shipment_id])
        )
    with session_scope(engine) as session:
        row = session.get(WatchShipment, shipment_id)
        assert row is not None
        now = _now()
        held = row.claimed_by is not None and row.lease_expires_at is not None and row.lease_expires_at > now
        if held and row.claimed_by != worker_id and not _holder_is_dead(row.claimed_by or ""):
            return None
        token = uuid.uuid4().hex
        expires = now + timedelta(seconds=lease_seconds)
        previous = (
            WatchShipment.claim_token.is_(None)
            if row.claim_token is None
            else WatchShipment.claim_token == row.claim_token
        )
        result = session.execute(
            update(WatchShipment)
            .where(WatchShipment.shipment_id == shipment_id, previous)
            .values(claimed_by=worker_id, claim_token=token, lease_expires_at=expires)
        )
        if result.rowcount != 1:
            return None
    return Claim(shipment_id=shipment_id, worker_id=worker_id, token=token, expires_at=expires)


def renew_claim(engine: Engine, claim: Claim, lease_seconds: float) -> bool:
    with session_scope(engine) as session:
        result = session.execute(
            update(WatchShipment)
            .where(WatchShipment.shipment_id == claim.shipment_id, WatchShipment.claim_token == claim.token)
            .values(lease_expires_at=_now() + timedelta(seconds=lease_seconds))
        )
        return result.rowcount == 1


def release_claim(engine: Engine, claim: Claim, error: str | None = None) -> None:
    values: dict[str, object] = {"claimed_by": None, "claim_token": None, "lease_expires_at": None}
    if error:
        values |= {"last_error": error[:2000], "last_error_at": _now()}
    with session_scope(engine) as session:
        session.execute(
            update(WatchShipment)
            .where(WatchShipment.shipment_id == claim.shipment_id, WatchShipment.claim_token == claim.token)
            .values(**values)
        )


def fence(session: Session, claim: Claim, lease_seconds: float) -> None:
    """First statement of a commit: proves the claim is still this watcher's and locks the row until commit."""
    result = session.execute(
        update(WatchShipment)
        .where(WatchShipment.shipment_id == claim.shipment_id, WatchShipment.claim_token == claim.token)
        .values(
            lease_expires_at=_now() + timedelta(seconds=lease_seconds),
            runs=WatchShipment.runs + 1,
            last_run_at=_now(),
        )
    )
    if result.rowcount != 1:
        raise ClaimLost(f"the claim on shipment {claim.shipment_id!r} was taken over by another watcher")


def _ticket(row: WatchFile, seen: SeenFile) -> FileTicket:
    return FileTicket(
        row_id=row.id,
        path=seen.path,
        relative=seen.relative,
        shipment_id=seen.shipment_id,
        sha256=row.sha256,
        size=row.size,
        version=row.version,
        state=row.state,
        problem=seen.problem,
        is_symlink=seen.is_symlink,
    )


def _gone_from_inbox(row: WatchFile) -> bool:
    """Whether this arrival's bytes have left the inbox, so a file there with its path and content is new."""
    moved_out = row.archived_at is not None and row.destination is not None and not row.left_in_place
    return moved_out or row.state == FileState.VANISHED


def register_file(session: Session, inbox_root: str, seen: SeenFile, sha256: str, size: int) -> FileTicket:
    """The row of this file version, created on first sight: waiting, or duplicate of a recorded document.

    Re-registering the same (path, content) returns the existing row, whatever its state, so a file is
    never processed twice; a changed content at the same path is the next version. The same content dropped
    again at the same path after the earlier copy left the inbox is its next arrival: a duplicate of the
    recorded document (archived beside it, never over it), or read again if the earlier copy was not recorded.
    """
    table = WatchFile.__table__
    same_pair = (WatchFile.source_path == seen.relative, WatchFile.sha256 == sha256)
    existing = session.execute(
        select(WatchFile).where(*same_pair).order_by(WatchFile.arrival.desc()).limit(1)
    ).scalar_one_or_none()
    if existing is None or _gone_from_inbox(existing):
        if existing is not None:
            arrival, version = existing.arrival + 1, existing.version
        else:
            last = session.execute(
                select(func.max(WatchFile.version)).where(WatchFile.source_path == seen.relative)
            ).scalar_one()
            arrival, version = 1, (last or 0) + 1
        same_content = None
        if seen.problem is None:
            same_content = session.execute(
                select(WatchFile)
                .where(WatchFile.sha256 == sha256, WatchFile.state.in_([FileState.DONE, FileState.DUPLICATE]))
                .order_by(WatchFile.id)
                .limit(1)
            ).scalar_one_or_none()
        values: dict[str, object] = {
            "inbox_root": inbox_root,
            "source_path": seen.relative,
            "shipment_id": seen.shipment_id,
            "sha256": sha256,
            "size": size,
            "version": version,
            "arrival": arrival,
            "state": FileState.WAITING,
        }
        if same_content is not None:
            earlier = (
                "dropped again: the same content came from this path before"
                if same_content.source_path == seen.relative
                else f"same content as {same_content.source_path}"
            )
            values |= {
                "state": FileState.DUPLICATE,
                "document_id": same_content.document_id,
                "reason": f"{earlier}, already recorded; archived as a duplicate, not processed again",
            }
        session.execute(
            _insert(session, table)
            .values(**values)
            .on_conflict_do_nothing(index_elements=[table.c.source_path, table.c.sha256, table.c.arrival])
        )
        existing = session.execute(select(WatchFile).where(*same_pair, WatchFile.arrival == arrival)).scalar_one()
    return _ticket(existing, seen)


def unsettled_rows(session: Session, shipment_id: str, inbox_root: str) -> list[WatchFile]:
    """Rows of the shipment whose bytes are still due to leave the inbox (after a crash, or a failed move)."""
    return list(
        session.execute(
            select(WatchFile)
            .where(
                WatchFile.shipment_id == shipment_id,
                WatchFile.inbox_root == inbox_root,
                WatchFile.state.in_([FileState.DONE, FileState.DUPLICATE, FileState.QUARANTINED]),
                WatchFile.archived_at.is_(None),
                WatchFile.destination.is_not(None),
            )
            .order_by(WatchFile.id)
        ).scalars()
    )


def current_documents(session: Session, shipment_id: str, exclude_paths: set[str]) -> list[int]:
    """Document ids of the shipment's recorded files (latest version per path), except those in exclude_paths."""
    rows = session.execute(
        select(WatchFile.source_path, WatchFile.document_id, WatchFile.version)
        .where(WatchFile.shipment_id == shipment_id, WatchFile.state == FileState.DONE)
        .order_by(WatchFile.source_path, WatchFile.version)
    ).all()
    latest: dict[str, int | None] = {}
    for path, document_id, _version in rows:
        latest[path] = document_id
    return [doc for path, doc in latest.items() if path not in exclude_paths and doc is not None]


def beat(
    engine: Engine, worker_id: str, inbox_root: str, started_at: datetime, state: str, current: str | None
) -> None:
    with session_scope(engine) as session:
        table = WatchHeartbeat.__table__
        stmt = _insert(session, table).values(
            worker_id=worker_id,
            inbox_root=inbox_root,
            started_at=started_at,
            beat_at=_now(),
            state=state,
            current_shipment=current,
        )
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=[table.c.worker_id],
                set_={"beat_at": stmt.excluded.beat_at, "state": state, "current_shipment": current},
            )
        )
