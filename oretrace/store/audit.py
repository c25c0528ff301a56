"""The audit log: an append-only list of who did what, each entry chained to the previous by a hash.

Every entry stores the SHA-256 of its own content (time, actor, action, subject, details) together with the
hash of the entry before it, so an entry edited in the database no longer matches its hash, and an entry
deleted or inserted breaks the link of the entry after it. A one-row head table holds the position and hash
of the newest entry: appends claim it, which serialises writers (PostgreSQL row lock, SQLite writer lock),
and verification compares it with the last entry, which catches entries cut from the end.

The hashes carry no secret: someone able to rewrite the whole table and the head could rebuild a consistent
chain. `verify_chain` returns the head hash so that it can be recorded outside the database; a later
verification that still reaches that hash proves nothing before it changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Integer, String, Text, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from oretrace.core.models import Frozen
from oretrace.store.schema import Base


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


def append_entry(session: Session, *, actor: str, action: str, subject: str, details: dict[str, Any]) -> None:
    """Append an entry in the caller's transaction; it exists once (and only if) that transaction commits.

    actor: "pipeline", "cli", "user:<name>"; action: "extraction.recorded", "finding.decided", ...;
    subject: "document:<sha256>", "finding:<id>", "reference:<version>", ...
    Safe with concurrent writers: appends wait for each other on the head row. Appending late in a
    transaction keeps that wait short.
    """
    head = _claim_head(session)
    created_at = datetime.now(UTC)
    details_json = canonical_details(details)
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


def _entries(session: Session) -> Iterator[AuditEntry]:
    result = session.execute(select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=VERIFY_BATCH))
    try:
        yield from result.scalars()
    finally:
        result.close()


def verify_chain(session: Session) -> VerificationResult:
    """Walk the log in order and report the first entry that was altered, deleted or inserted."""
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
    return VerificationResult(ok=True, entries=count, head_hash=prev_hash)
