"""Tables of the watched-folder service: each file version seen, the shipment claims, the service heartbeats.

A file version is one (source path, sha256) pair; the same pair dropped again after its bytes left the inbox
is a new `arrival` of it. Its row moves waiting -> done | quarantined | duplicate |
vanished; `archived_at` is set once its bytes have been moved out of the inbox. A shipment is processed only
by the watcher holding its claim (a lease with an expiry, renewed while it works); the commit that records
the shipment re-checks the claim in the same transaction, so a watcher whose lease was taken over cannot
write a second copy.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, UniqueConstraint, false, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from oretrace.store.schema import Base, UTCDateTime


class FileState(StrEnum):
    WAITING = "waiting"  # registered, not yet recorded in the store
    DONE = "done"  # recorded as a document in the store
    QUARANTINED = "quarantined"  # could not be read; moved to quarantine with its reason
    DUPLICATE = "duplicate"  # same bytes as a document already recorded; archived without processing
    VANISHED = "vanished"  # removed from the inbox before it could be read


# States whose bytes leave the inbox: to the archive, or to quarantine.
ARCHIVED_STATES = (FileState.DONE, FileState.DUPLICATE)
SETTLED_STATES = (FileState.DONE, FileState.QUARANTINED, FileState.DUPLICATE, FileState.VANISHED)


class WatchFile(Base):
    """One version (content) of one file seen in the inbox."""

    __tablename__ = "watch_files"
    __table_args__ = (UniqueConstraint("source_path", "sha256", "arrival"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inbox_root: Mapped[str]
    # Relative to the inbox root, like documents.source_path.
    source_path: Mapped[str]
    shipment_id: Mapped[str] = mapped_column(String, index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    # 1 for the first content seen at this path, then 2, 3, ... for each changed content.
    version: Mapped[int] = mapped_column(Integer)
    # 1 the first time these bytes arrive at this path; 2, 3, ... each time they are dropped there again after
    # the earlier arrival's bytes left the inbox.
    arrival: Mapped[int] = mapped_column(Integer, server_default="1")
    state: Mapped[str] = mapped_column(String, index=True)
    # The store's document row once recorded (or, for a duplicate, the document it duplicates).
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    # Why the file was quarantined, duplicated or lost, in plain words.
    reason: Mapped[str | None]
    # Where the bytes go (absolute path), fixed when the state is committed so a restart moves them there too.
    destination: Mapped[str | None]
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The bytes were copied out but the source could not be removed (a read-only inbox): the file still in
    # the inbox is this arrival, not a new one.
    left_in_place: Mapped[bool] = mapped_column(Boolean, server_default=false())
    processed_by: Mapped[str | None]
    last_error: Mapped[str | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())


class WatchShipment(Base):
    """A shipment folder and the claim on it: at most one watcher works on a shipment at a time."""

    __tablename__ = "watch_shipments"

    shipment_id: Mapped[str] = mapped_column(String, primary_key=True)
    inbox_root: Mapped[str]
    # "host:pid" of the claiming watcher and a token unique to the claim (fencing at commit).
    claimed_by: Mapped[str | None]
    claim_token: Mapped[str | None] = mapped_column(String(32))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    runs: Mapped[int] = mapped_column(Integer, server_default="0")
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None]
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WatchHeartbeat(Base):
    """A running (or last seen) watcher: `oretrace status` shows how long ago it beat."""

    __tablename__ = "watch_heartbeats"

    worker_id: Mapped[str] = mapped_column(String, primary_key=True)
    inbox_root: Mapped[str]
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    beat_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # "running", "stopped"; a crashed watcher stays "running" with an old beat.
    state: Mapped[str]
    current_shipment: Mapped[str | None]


def archived_paths(session: Session, document_id: int) -> list[Path]:
    """Where `oretrace watch` moved the bytes of a recorded document (the recorded file first, then copies)."""
    rows = session.execute(
        select(WatchFile.destination)
        .where(
            WatchFile.document_id == document_id,
            WatchFile.archived_at.is_not(None),
            WatchFile.destination.is_not(None),
            WatchFile.state.in_([FileState.DONE, FileState.DUPLICATE]),
        )
        .order_by(WatchFile.state != FileState.DONE, WatchFile.id)
    ).scalars()
    return [Path(destination) for destination in rows if destination]
