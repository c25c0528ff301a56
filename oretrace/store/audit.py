"""The audit log: an append-only list of who did what, each entry chained to the previous by a hash.

Every entry stores the SHA-256 of its own content (time, actor, action, subject, details) together with the
hash of the entry before it, so an entry edited in the database no longer matches its hash, and an entry
deleted or inserted breaks the link of the entry after it. A one-row head table holds the position and hash
of the newest entry: appends claim it, which serialises writers (PostgreSQL row lock, SQLite writer lock),
and verification compares it with the last entry, which catches entries cut from the end.

The hashes carry no secret: someone able to rewrite the whole table and the head could rebuild a consistent
chain, and someone able to delete the last entries and set the head back leaves a shorter chain that is
consistent in itself. Both are caught only against a record kept outside the database:

- the anchor file (`ORETRACE_AUDIT_ANCHOR`): after every commit that appended entries, the new head's
  position and hash are appended to it as one line. `verify_chain(session, anchor)` fails when the log does
  not contain the highest anchored entry with the same hash: entries cut from the end, or the log rewritten
  up to that entry. Entries written after the last anchored line (by a process without the setting, or
  lost with a failed anchor write) are not covered, and whoever can rewrite the anchor file as well as the
  database can still hide a change: keep the file where the database's users cannot write (another host's
  mount, an append-only file).
- `verify_chain` returns the head hash so that it can be recorded by hand; a later verification that still
  reaches that hash (`oretrace audit verify --expect-head`) proves nothing before it changed.

The chain proves the log, not the records it describes. Entries also carry the content hash of the rows they
record (`append_entry(..., rows=...)`, store.row_hashes), which store.audit_rows compares with the live rows.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, String, Text, event, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from oretrace.core.config import get_settings
from oretrace.core.models import Frozen
from oretrace.store.row_hashes import recorded_rows
from oretrace.store.schema import Base

log = logging.getLogger(__name__)


class AuditEntry(Base):
    """One audit entry. Rows are only ever inserted; nothing in the application updates or deletes them."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    # 1, 2, 3, ... in chain order, without gaps.
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String, index=True)
    action: Mapped[str] = mapped_column(String, index=True)
    subject: Mapped[str] = mapped_column(String, index=True)
    # Canonical JSON text (sorted keys), hashed exactly as stored.
    details_json: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))

    @property
    def details(self) -> dict[str, Any]:
        return json.loads(self.details_json)


class AuditHead(Base):
    """The newest entry's position and hash: one row, id 1, created by the migration."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


# prev_hash of the first entry.
GENESIS_HASH = "0" * 64
HEAD_ROW_ID = 1
# Entries read per round trip during verification.
VERIFY_BATCH = 500


class ProblemKind(StrEnum):
    ALTERED = "altered"
    DELETED = "deleted"
    INSERTED = "inserted"
    TRUNCATED = "truncated"


class ChainProblem(Frozen):
    kind: ProblemKind
    # Position (seq) of the entry where the chain first fails.
    seq: int
    message: str


class AnchoredHead(Frozen):
    """One line of the anchor file: the head after a commit."""

    seq: int
    entry_hash: str


class VerificationResult(Frozen):
    ok: bool
    entries: int
    # Hash of the last entry that verified; record it elsewhere to anchor later verifications.
    head_hash: str
    problem: ChainProblem | None = None


def canonical_details(details: dict[str, Any]) -> str:
    # default=str: dates, paths and enums in details become their text rather than failing the caller's write.
    return json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def _timestamp_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def entry_hash(
    *, prev_hash: str, created_at: datetime, actor: str, action: str, subject: str, details_json: str
) -> str:
    """SHA-256 over the entry's content and its predecessor's hash (not its seq, so a renumbering shows as a
    broken link rather than as every later entry being altered)."""
    content = json.dumps(
        [prev_hash, _timestamp_text(created_at), actor, action, subject, details_json],
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _hash_of(entry: AuditEntry) -> str:
    return entry_hash(
        prev_hash=entry.prev_hash,
        created_at=entry.created_at,
        actor=entry.actor,
        action=entry.action,
        subject=entry.subject,
        details_json=entry.details_json,
    )


def _claim_head(session: Session) -> AuditHead:
    """Lock the head row for this transaction and return its current state.

    The no-op UPDATE takes PostgreSQL's row lock (a concurrent appender waits, then sees the committed head:
    READ COMMITTED reads afresh per statement) and SQLite's database writer lock.
    """
    session.execute(update(AuditHead).where(AuditHead.id == HEAD_ROW_ID).values(last_seq=AuditHead.last_seq))
    head = session.execute(
        select(AuditHead).where(AuditHead.id == HEAD_ROW_ID).execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if head is None:
        raise RuntimeError("audit_head row missing: run the store migrations (store.db.migrate)")
    return head


def append_entry(
    session: Session,
    *,
    actor: str,
    action: str,
    subject: str,
    details: dict[str, Any],
    rows: Iterable[tuple[str, Any]] = (),
) -> None:
    """Append an entry in the caller's transaction; it exists once (and only if) that transaction commits.

    actor: "pipeline", "cli", "user:<name>"; action: "extraction.recorded", "finding.decided", ...;
    subject: "document:<sha256>", "finding:<id>", "reference:<version>", ...
    rows: the (table, id) of each row the entry records, as the caller has written it: the entry stores each
    one's content hash (store.row_hashes), which `audit verify` compares with the live row.
    Safe with concurrent writers: appends wait for each other on the head row. Appending late in a
    transaction keeps that wait short.
    """
    # Read before the head is claimed, so the wait of concurrent appenders stays short.
    recorded = recorded_rows(session, rows)
    head = _claim_head(session)
    created_at = datetime.now(UTC)
    details_json = canonical_details(details | recorded)
    new_hash = entry_hash(
        prev_hash=head.last_hash,
        created_at=created_at,
        actor=actor,
        action=action,
        subject=subject,
        details_json=details_json,
    )
    seq = head.last_seq + 1
    session.add(
        AuditEntry(
            seq=seq,
            created_at=created_at,
            actor=actor,
            action=action,
            subject=subject,
            details_json=details_json,
            prev_hash=head.last_hash,
            entry_hash=new_hash,
        )
    )
    head.last_seq = seq
    head.last_hash = new_hash
    session.flush()
    _anchor_after_commit(session, seq, new_hash)


# --- the anchor file: the head after every commit, outside the database -----------------------------------


def anchor_path() -> Path | None:
    """The anchor file from the settings (ORETRACE_AUDIT_ANCHOR), or None when none is configured."""
    return get_settings().audit_anchor


def _anchor_after_commit(session: Session, seq: int, entry_hash: str) -> None:
    """Remember the transaction's newest head; it goes to the anchor file once (and only if) the commit succeeds,
    so the file never names an entry that a rolled-back transaction took away."""
    path = anchor_path()
    if path is None:
        return
    session.info["audit_anchor"] = (path, seq, entry_hash)
    if not session.info.get("audit_anchor_listening"):
        session.info["audit_anchor_listening"] = True
        event.listen(session, "after_commit", _write_pending_anchor)
        event.listen(session, "after_rollback", _drop_pending_anchor)


def _drop_pending_anchor(session: Session) -> None:
    session.info.pop("audit_anchor", None)


def _write_pending_anchor(session: Session) -> None:
    pending = session.info.pop("audit_anchor", None)
    if pending is None:
        return
    path, seq, entry_hash = pending
    try:
        append_anchor(path, seq, entry_hash)
    except OSError as err:  # the commit stands; verification reports the anchor as behind, not as broken
        log.error("could not append the audit head %s to the anchor file %s: %s", seq, path, err)


def append_anchor(path: Path, seq: int, entry_hash: str) -> None:
    """Append one line `seq hash time` to the anchor file, in a single write, flushed to disk."""
    line = f"{seq} {entry_hash} {_timestamp_text(datetime.now(UTC))}\n".encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)


def read_anchor(path: Path) -> AnchoredHead | None:
    """The highest head the anchor file records (writers may finish their commits out of order), or None when
    it records none. Lines that do not parse (a write cut short by a crash) are skipped."""
    best: AnchoredHead | None = None
    with path.open("rb") as handle:
        for raw in handle:
            parts = raw.split()
            if len(parts) < 2 or not parts[0].isdigit() or len(parts[1]) != 64:
                continue
            seq, digest = int(parts[0]), parts[1].decode("ascii", "replace")
            if best is None or seq > best.seq:
                best = AnchoredHead(seq=seq, entry_hash=digest)
    return best


def _entries(session: Session) -> Iterator[AuditEntry]:
    result = session.execute(select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=VERIFY_BATCH))
    try:
        yield from result.scalars()
    finally:
        result.close()


def verify_chain(session: Session, anchor: Path | None = None) -> VerificationResult:
    """Walk the log in order and report the first entry that was altered, deleted or inserted; with an anchor
    file, also that the log still holds the highest head it records (see the module's notes)."""
    head = session.execute(select(AuditHead).where(AuditHead.id == HEAD_ROW_ID)).scalar_one_or_none()
    prev_hash = GENESIS_HASH
    # Hashes of every verified entry, to tell an inserted entry (the next one links past it) from a deletion.
    seen: set[str] = {GENESIS_HASH}
    last_good_hash = GENESIS_HASH
    count = 0
    expected_seq = 1

    def fail(kind: ProblemKind, seq: int, message: str) -> VerificationResult:
        return VerificationResult(
            ok=False,
            entries=count,
            head_hash=last_good_hash,
            problem=ChainProblem(kind=kind, seq=seq, message=message),
        )

    for entry in _entries(session):
        if entry.seq != expected_seq and entry.seq > expected_seq:
            missing = f"{expected_seq}" if entry.seq == expected_seq + 1 else f"{expected_seq}-{entry.seq - 1}"
            return fail(ProblemKind.DELETED, expected_seq, f"entry {missing} missing: the log jumps to {entry.seq}")
        if _hash_of(entry) != entry.entry_hash:
            return fail(
                ProblemKind.ALTERED, entry.seq, f"entry {entry.seq} altered: its content no longer matches its hash"
            )
        if entry.entry_hash in seen:
            return fail(
                ProblemKind.INSERTED, entry.seq, f"entry {entry.seq} inserted: it repeats an earlier entry of the log"
            )
        if entry.prev_hash != prev_hash:
            if entry.prev_hash in seen:
                # This entry links to an earlier one: what stands between them was put there afterwards.
                return fail(
                    ProblemKind.INSERTED,
                    entry.seq - 1,
                    f"entry {entry.seq - 1} inserted: entry {entry.seq} links past it to an earlier entry",
                )
            return fail(
                ProblemKind.DELETED,
                entry.seq,
                f"entry {entry.seq} follows an entry that is no longer in the log (deleted, or rewritten "
                f"with a recomputed hash)",
            )
        seen.add(entry.entry_hash)
        prev_hash = last_good_hash = entry.entry_hash
        count += 1
        expected_seq += 1

    if head is None:
        return fail(ProblemKind.TRUNCATED, expected_seq, "the audit head row is missing")
    if head.last_seq != count or head.last_hash != prev_hash:
        if head.last_seq > count:
            return fail(
                ProblemKind.TRUNCATED,
                expected_seq,
                f"the log ends at entry {count} but {head.last_seq} were written: the last entries were deleted",
            )
        return fail(
            ProblemKind.INSERTED,
            head.last_seq + 1,
            f"the log has {count} entries but the head records {head.last_seq}: entries were added outside "
            f"append_entry",
        )
    if anchor is not None:
        problem = _anchor_problem(session, anchor, count)
        if problem is not None:
            return fail(*problem)
    return VerificationResult(ok=True, entries=count, head_hash=prev_hash)


def _anchor_problem(session: Session, anchor: Path, count: int) -> tuple[ProblemKind, int, str] | None:
    try:
        anchored = read_anchor(anchor)
    except FileNotFoundError:
        if count == 0:
            return None
        return ProblemKind.TRUNCATED, 1, f"the anchor file {anchor} is missing, so the log's end cannot be checked"
    if anchored is None:
        return None
    if anchored.seq > count:
        return (
            ProblemKind.TRUNCATED,
            count + 1,
            f"the log ends at entry {count} but the anchor file records entry {anchored.seq}: the last entries "
            f"were deleted",
        )
    stored = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.seq == anchored.seq))
    if stored != anchored.entry_hash:
        return (
            ProblemKind.ALTERED,
            anchored.seq,
            f"entry {anchored.seq} is not the one the anchor file records: the log was rewritten up to it",
        )
    return None
