"""The hash-chained audit log (store/audit.py), tampered with directly in SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select, text

from oretrace.store.audit import AuditEntry, ProblemKind, append_entry, canonical_details, entry_hash, verify_chain
from oretrace.store.db import session_scope
from tests import review_fixtures

# The store on SQLite and PostgreSQL, migrated and empty.
store_engine = review_fixtures.store_engine
ENTRIES = 6


def _fill(engine: Engine, count: int = ENTRIES) -> None:
    for i in range(1, count + 1):
        with session_scope(engine) as session:
            append_entry(
                session,
                actor="user:alice" if i % 2 else "pipeline",
                action="finding.decided",
                subject=f"finding:{i}",
                details={"note": f"decision {i} <script>alert(1)</script>", "to": "confirmed", "n": i},
            )


def _verify(engine: Engine):
    with session_scope(engine) as session:
        return verify_chain(session)


def _execute(engine: Engine, sql: str, **params: object) -> None:
    with engine.begin() as connection:
        connection.execute(text(sql), params)


def test_empty_log_verifies(store_engine: Engine) -> None:
    result = _verify(store_engine)
    assert result.ok and result.entries == 0 and result.problem is None


def test_intact_chain_verifies(store_engine: Engine) -> None:
    _fill(store_engine)
    result = _verify(store_engine)
    assert result.ok, result.problem
    assert result.entries == ENTRIES
    with session_scope(store_engine) as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
    assert [e.seq for e in entries] == list(range(1, ENTRIES + 1))
    assert entries[0].prev_hash == "0" * 64
    assert all(later.prev_hash == earlier.entry_hash for earlier, later in itertools.pairwise(entries))
    assert result.head_hash == entries[-1].entry_hash
    assert entries[2].details == {"note": "decision 3 <script>alert(1)</script>", "to": "confirmed", "n": 3}


def test_rolled_back_append_leaves_no_entry(store_engine: Engine) -> None:
    _fill(store_engine, 2)
    with pytest.raises(RuntimeError), session_scope(store_engine) as session:
        append_entry(session, actor="cli", action="user.added", subject="user:bob", details={})
        raise RuntimeError("the caller's work failed")
    _fill(store_engine, 1)
    result = _verify(store_engine)
    assert result.ok and result.entries == 3


def test_edited_entry_is_caught(store_engine: Engine) -> None:
    _fill(store_engine)
    _execute(
        store_engine,
        "UPDATE audit_log SET details_json = :d WHERE seq = 3",
        d=canonical_details({"note": "decision 3", "to": "dismissed", "n": 3}),
    )
    result = _verify(store_engine)
    assert not result.ok
    assert result.problem is not None
    assert (result.problem.kind, result.problem.seq) == (ProblemKind.ALTERED, 3)
    assert result.entries == 2


def test_edited_actor_is_caught(store_engine: Engine) -> None:
    _fill(store_engine)
    _execute(store_engine, "UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 5")
    result = _verify(store_engine)
    assert result.problem is not None and (result.problem.kind, result.problem.seq) == (ProblemKind.ALTERED, 5)


def test_edited_entry_with_recomputed_hash_is_caught(store_engine: Engine) -> None:
    _fill(store_engine)
    with session_scope(store_engine) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.seq == 2)).one()
        forged = canonical_details({"note": "nothing to see", "to": "dismissed", "n": 2})
        new_hash = entry_hash(
            prev_hash=entry.prev_hash,
            created_at=entry.created_at,
            actor=entry.actor,
            action=entry.action,
            subject=entry.subject,
            details_json=forged,
        )
    _execute(
        store_engine, "UPDATE audit_log SET details_json = :d, entry_hash = :h WHERE seq = 2", d=forged, h=new_hash
    )
    result = _verify(store_engine)
    # The forged entry is self-consistent; the next one no longer links to it.
    assert result.problem is not None and (result.problem.kind, result.problem.seq) == (ProblemKind.DELETED, 3)


def test_deleted_entry_is_caught(store_engine: Engine) -> None:
    _fill(store_engine)
    _execute(store_engine, "DELETE FROM audit_log WHERE seq = 4")
    result = _verify(store_engine)
    assert result.problem is not None and (result.problem.kind, result.problem.seq) == (ProblemKind.DELETED, 4)
    assert result.entries == 3


def test_deleted_and_renumbered_entry_is_caught(store_engine: Engine) -> None:
    _fill(store_engine)
    _execute(store_engine, "DELETE FROM audit_log WHERE seq = 2")
    # Close the gap one row at a time (a single UPDATE could collide with the unique seq on either backend).
    for seq in range(3, ENTRIES + 1):
        _execute(store_engine, "UPDATE audit_log SET seq = :new WHERE seq = :old", new=seq - 1, old=seq)
    _execute(store_engine, "UPDATE audit_head SET last_seq = last_seq - 1")
    result = _verify(store_engine)
    assert result.problem is not None and (result.problem.kind, result.problem.seq) == (ProblemKind.DELETED, 2)


def test_deleted_last_entry_is_caught(store_engine: Engine) -> None:
    _fill(store_engine)
    _execute(store_engine, "DELETE FROM audit_log WHERE seq = :seq", seq=ENTRIES)
    result = _verify(store_engine)
    assert result.problem is not None
    assert (result.problem.kind, result.problem.seq) == (ProblemKind.TRUNCATED, ENTRIES)


def _forge_after(engine: Engine, seq: int, new_seq: int) -> None:
    """Insert a well-formed entry linked to entry `seq` at position new_seq, as a careful forger would."""
    with session_scope(engine) as session:
        prev = session.scalars(select(AuditEntry).where(AuditEntry.seq == seq)).one()
        next_id = session.scalar(select(func.max(AuditEntry.id))) + 1
    created = datetime.now(UTC)
    details = canonical_details({"note": "approved by phone", "to": "dismissed"})
    forged_hash = entry_hash(
        prev_hash=prev.entry_hash,
        created_at=created,
        actor="user:mallory",
        action="finding.decided",
        subject="finding:99",
        details_json=details,
    )
    _execute(
        engine,
        "INSERT INTO audit_log (id, seq, created_at, actor, action, subject, details_json, prev_hash, entry_hash) "
        "VALUES (:id, :seq, :created, 'user:mallory', 'finding.decided', 'finding:99', :details, :prev, :hash)",
        id=next_id,
        seq=new_seq,
        created=created,
        details=details,
        prev=prev.entry_hash,
        hash=forged_hash,
    )


def test_inserted_entry_is_caught(store_engine: Engine) -> None:
    _fill(store_engine)
    # Make room after entry 3 (from the end, so the unique seq never collides), then slip an entry in.
    for seq in range(ENTRIES, 3, -1):
        _execute(store_engine, "UPDATE audit_log SET seq = :new WHERE seq = :old", new=seq + 1, old=seq)
    _forge_after(store_engine, 3, 4)
    _execute(store_engine, "UPDATE audit_head SET last_seq = last_seq + 1")
    result = _verify(store_engine)
    assert result.problem is not None and (result.problem.kind, result.problem.seq) == (ProblemKind.INSERTED, 4)
    assert result.entries == 4  # entries 1-4 hash correctly; entry 5 exposes entry 4


def test_entry_appended_outside_the_log_is_caught(store_engine: Engine) -> None:
    _fill(store_engine)
    _forge_after(store_engine, ENTRIES, ENTRIES + 1)
    result = _verify(store_engine)
    assert result.problem is not None
    assert (result.problem.kind, result.problem.seq) == (ProblemKind.INSERTED, ENTRIES + 1)


def test_concurrent_appends_keep_one_chain(store_engine: Engine) -> None:
    """Four threads append at once, each over its own connection: the chain stays gap-free and valid."""
    threads_count, per_thread = 4, 5
    errors: list[BaseException] = []
    start = threading.Barrier(threads_count)

    def worker(n: int) -> None:
        try:
            start.wait()
            for i in range(per_thread):
                with session_scope(store_engine) as session:
                    append_entry(session, actor=f"user:t{n}", action="test.append", subject=f"t:{n}:{i}", details={})
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = _verify(store_engine)
    assert result.ok, result.problem
    assert result.entries == threads_count * per_thread
