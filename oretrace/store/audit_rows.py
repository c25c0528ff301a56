"""Checking the live store against the rows the audit log records, and the whole `oretrace audit verify`.

The hash chain (store.audit) proves that the log is whole; the row hashes its entries carry (store.row_hashes)
prove that the records it describes are still what was written. verify_rows recomputes the hash of every
recorded row from the live row and reports:

- a row that differs from the entry that recorded it (for rows that legitimately change, users and findings,
  the latest entry recording the row);
- a recorded row that is gone;
- a row of an audited table that no entry records: every row of those tables is written together with an
  audit entry, so such a row was inserted behind the log's back.

Entries written before row hashes existed name their rows (a decision's id, a user's name, ...) without a hash:
those rows count as present but are not compared (`predating`).

Memory stays bounded whatever the log's size: the recorded hashes are held for at most PASS_ROWS rows at a
time; a larger store is checked in several passes over the log, each for one slice of the row ids.
verify_audit runs everything in one snapshot of the database, so writers working meanwhile cause no false
alarm.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from oretrace.core.models import Frozen
from oretrace.store import reference_store, review_tables, schema, supplier_templates  # noqa: F401  (every audited table registered)
from oretrace.store.audit import (
    VERIFY_BATCH,
    AuditEntry,
    ChainProblem,
    VerificationResult,
    read_anchor,
    verify_chain,
)
from oretrace.store.row_hashes import (
    RECORDED_KEY,
    ROW_COLUMNS,
    key_column,
    row_sha256,
    table_of,
)

# Recorded rows held in memory at once; a store with more rows is checked in ceil(rows / PASS_ROWS) passes.
PASS_ROWS = 200_000
# Problems listed in the report; beyond that they are counted only.
MAX_LISTED = 200
# Tables whose rows change legitimately, each change recorded by an entry: compared with the latest one.
MUTABLE_TABLES = frozenset({"users", "findings"})


class RowProblemKind(StrEnum):
    DIFFERS = "differs"
    GONE = "gone"
    UNRECORDED = "unrecorded"
    UNCHECKABLE = "uncheckable"


class RowLink(Frozen):
    """The workspace page about the row: a finding, a shipment, a document's versions, or the users."""

    page: Literal["finding", "shipment", "document", "users"]
    key: str


class RowProblem(Frozen):
    kind: RowProblemKind
    table: str
    row_id: str
    # The row in words: "decision 12 on finding 7 (shipment S)".
    what: str
    # The audit entry that records the row (the latest one for a row that changes); None for an unrecorded row.
    seq: int | None
    message: str
    link: RowLink | None = None

    @property
    def after_what(self) -> str:
        """The message after the row's description, for a page that shows the description as a link."""
        return self.message[len(self.what) :] if self.message.startswith(self.what) else f": {self.message}"


class RowVerification(Frozen):
    ok: bool
    # Live rows compared with the hash their entry recorded.
    checked: int
    # Rows named only by entries written before row hashes: present, content not compared.
    predating: int
    # Every problem found; `problems` lists the first MAX_LISTED.
    problem_count: int
    problems: list[RowProblem]
    passes: int


class AnchorStatus(Frozen):
    # The anchor file checked (ORETRACE_AUDIT_ANCHOR or --anchor); None when there is none.
    path: str | None = None
    # The highest entry it records; None when it records none (or does not exist yet).
    anchored_seq: int | None = None


class AuditReport(Frozen):
    """`audit verify` in full: the chain, the recorded head and anchor, and the recorded rows.

    ok, entries, head_hash and problem are the chain's verification (store.audit.VerificationResult), ok
    also false when the expected head is missing or a row problem was found."""

    ok: bool
    entries: int
    head_hash: str
    problem: ChainProblem | None = None
    chain_ok: bool
    expect_head: str | None = None
    # Position of the expected head in the log; None when it is not there (or none was given).
    expect_head_seq: int | None = None
    anchor: AnchorStatus
    rows: RowVerification

    @property
    def failures(self) -> list[str]:
        """What failed, in words, for a sentence: "the chain is broken; 2 rows differ from what it records"."""
        failed = []
        if not self.chain_ok:
            failed.append("the chain is broken")
        if self.expect_head is not None and self.expect_head_seq is None:
            failed.append("it no longer holds the recorded head")
        if not self.rows.ok:
            count = self.rows.problem_count
            failed.append(f"{count} {'row differs' if count == 1 else 'rows differ'} from what it records")
        return failed


# --- what each audited row is, in words ---------------------------------------------------------------------

# Columns read from every live row for its description (besides the hashed ones).
_DESCRIBE_COLUMNS: dict[str, tuple[str, ...]] = {
    "decisions": ("finding_id", "shipment_id", "action"),
    "findings": ("shipment_id", "check_id"),
    "shipment_runs": ("shipment_id",),
    "extraction_runs": ("document_id",),
    "users": ("name",),
    "reference_loads": ("version",),
    "reference_versions": ("version",),
}


def _subject_id(subject: str, kind: str) -> str | None:
    found, _, ident = subject.partition(":")
    return ident if found == kind and ident else None


def _short(sha: str) -> str:
    return f"{sha[:12]}…" if len(sha) > 12 else sha


def _describe(
    session: Session, table: str, key: Any, live: Mapping[str, Any] | None, entry: AuditEntry | None
) -> tuple[str, RowLink | None]:
    """The row in words and the page about it: from the live row, else from the entry that recorded it."""
    values: dict[str, Any] = dict(live or {})
    subject = entry.subject if entry is not None else ""
    details = entry.details if entry is not None and not live else {}
    if table == "decisions":
        finding = values.get("finding_id", _subject_id(subject, "finding"))
        shipment = values.get("shipment_id", details.get("shipment_id"))
        text = f"decision {key}" + (f" on finding {finding}" if finding is not None else "")
        text += f" (shipment {shipment})" if shipment else ""
        return text, RowLink(page="finding", key=str(finding)) if finding is not None else None
    if table == "findings":
        shipment = values.get("shipment_id", details.get("shipment_id") or _subject_id(subject, "shipment"))
        check = values.get("check_id", details.get("check"))
        text = f"finding {key}" + (f" ({check})" if check else "") + (f" of shipment {shipment}" if shipment else "")
        return text, RowLink(page="finding", key=str(key))
    if table == "shipment_runs":
        shipment = values.get("shipment_id", _subject_id(subject, "shipment"))
        text = f"shipment run {key}" + (f" of shipment {shipment}" if shipment else "")
        return text, RowLink(page="shipment", key=str(shipment)) if shipment else None
    if table == "extraction_runs":
        sha, path = _subject_id(subject, "document"), details.get("source_path")
        if live is not None:
            document = _document(session, live.get("document_id"))
            sha, path = document if document else (None, None)
        text = f"extraction run {key}" + (f" of {path}" if path else "") + (f" (document {_short(sha)})" if sha else "")
        return text, RowLink(page="document", key=sha) if sha else None
    if table == "users":
        name = values.get("name", _subject_id(subject, "user"))
        return f"user {name or key} (id {key})", RowLink(page="users", key=str(name or key))
    if table == "reference_loads":
        version = values.get("version", _subject_id(subject, "reference"))
        return f"reference load {key}" + (f" (version {_short(version)})" if version else ""), None
    if table == "reference_versions":
        return f"reference version {_short(str(key))}", None
    return f"{table} row {key}", None


def _document(session: Session, document_id: Any) -> tuple[str, str] | None:
    if document_id is None:
        return None
    documents = table_of("documents")
    row = session.execute(
        select(documents.c.sha256, documents.c.source_path).where(documents.c.id == document_id)
    ).first()
    return (row[0], row[1]) if row else None


# --- entries written before row hashes: which rows they name -----------------------------------------------

_DECISION_ACTIONS = frozenset({"finding.decided", "finding.reopened", "finding.assigned"})


def _predating_names(action: str, subject: str, details: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(table, id), or (alias, value) for rows such an entry names by something else than their id."""
    if action == "extraction.recorded":
        yield "extraction_runs", details.get("extraction_run_id")
    elif action == "shipment_run.recorded":
        yield "shipment_runs", details.get("shipment_run_id")
        for finding_id in details.get("finding_ids") or ():
            yield "findings", finding_id
    elif action in _DECISION_ACTIONS:
        yield "decisions", details.get("decision_id")
    elif action == "finding.carried_over":
        finding = _subject_id(subject, "finding")
        if finding and finding.isdigit():
            yield "decisions:carried_over_on", int(finding)
    elif action == "user.added":
        yield "users:name", _subject_id(subject, "user")
    elif action == "supplier_template.loaded":
        yield "supplier_templates", details.get("id")
    elif action == "reference.load":
        version = _subject_id(subject, "reference")
        yield "reference_versions", version
        yield "reference_loads:version", version


def _predating_alias(table: str, values: Mapping[str, Any]) -> tuple[str, Any] | None:
    if table == "decisions" and values.get("action") == "carry_over":
        return "decisions:carried_over_on", values.get("finding_id")
    if table == "users":
        return "users:name", values.get("name")
    if table == "reference_loads":
        return "reference_loads:version", values.get("version")
    return None


# --- the check ----------------------------------------------------------------------------------------------


class _Recorded:
    """What one pass holds about a recorded row: the latest entry recording it, its hash and its columns."""

    __slots__ = ("columns", "seq", "sha256")

    def __init__(self, seq: int, sha256: str, columns: tuple[str, ...]) -> None:
        self.seq = seq
        self.sha256 = sha256
        self.columns = columns


class _Findings:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.count = 0
        self.listed: list[RowProblem] = []
        self.checked = 0
        self.predating = 0

    def add(
        self,
        kind: RowProblemKind,
        table: str,
        key: Any,
        seq: int | None,
        message: str,
        *,
        live: Mapping[str, Any] | None = None,
    ) -> None:
        """Count a problem; describe and list it while fewer than MAX_LISTED are listed. `message` may hold
        {what}, the row in words."""
        self.count += 1
        if len(self.listed) >= MAX_LISTED:
            return
        entry = None
        if live is None and seq is not None:
            entry = self.session.scalar(select(AuditEntry).where(AuditEntry.seq == seq))
        what, link = _describe(self.session, table, key, live, entry)
        self.listed.append(
            RowProblem(
                kind=kind,
                table=table,
                row_id=str(key),
                what=what,
                seq=seq,
                message=message.replace("{what}", what),
                link=link,
            )
        )


def _partition_of(key: Any, passes: int) -> int:
    # Integer ids are sliced by remainder; text keys (reference versions: a few rows) all go to the first pass.
    return key % passes if isinstance(key, int) and not isinstance(key, bool) else 0


def _entries(session: Session) -> Iterator[Any]:
    stmt = (
        select(AuditEntry.seq, AuditEntry.action, AuditEntry.subject, AuditEntry.details_json)
        .order_by(AuditEntry.seq)
        .execution_options(yield_per=VERIFY_BATCH)
    )
    result = session.execute(stmt)
    try:
        yield from result
    finally:
        result.close()


def _row_count(session: Session) -> int:
    return sum(session.scalar(select(func.count()).select_from(table_of(t))) or 0 for t in ROW_COLUMNS)


def verify_rows(session: Session, *, pass_rows: int | None = None) -> RowVerification:
    """Compare every row of the audited tables (ROW_COLUMNS) with what the audit log records about it."""
    pass_rows = pass_rows or PASS_ROWS
    passes = max(1, math.ceil(_row_count(session) / pass_rows))
    found = _Findings(session)
    for part in range(passes):
        _verify_pass(session, part, passes, found)
    return RowVerification(
        ok=found.count == 0,
        checked=found.checked,
        predating=found.predating,
        problem_count=found.count,
        problems=found.listed,
        passes=passes,
    )


def _verify_pass(session: Session, part: int, passes: int, found: _Findings) -> None:
    recorded: dict[tuple[str, Any], _Recorded] = {}
    predating: set[tuple[str, Any]] = set()
    columns_seen: dict[tuple[str, ...], tuple[str, ...]] = {}
    unknown_tables: dict[str, int] = {}

    for seq, action, subject, details_json in _entries(session):
        try:
            details = json.loads(details_json)
        except ValueError:
            continue  # an entry that is not JSON fails the chain check; nothing here to compare
        if not isinstance(details, dict):
            continue
        recorded_here = details.get(RECORDED_KEY)
        if not isinstance(recorded_here, dict):
            for table, key in _predating_names(action, subject, details):
                if isinstance(key, int | str) and (":" in table or _partition_of(key, passes) == part):
                    predating.add((table, key))
            continue
        rows, columns_by_table = recorded_here.get("rows") or [], recorded_here.get("columns") or {}
        for row in rows:
            try:
                table, key, sha = row["table"], row["id"], row["sha256"]
                listed = tuple(columns_by_table[table])
            except (KeyError, TypeError):
                continue
            # Entries are checked by the chain; one that is malformed anyway has nothing here to compare.
            if not (isinstance(table, str) and isinstance(key, int | str) and all(isinstance(c, str) for c in listed)):
                continue
            if table not in ROW_COLUMNS:
                if part == 0:
                    unknown_tables.setdefault(table, seq)
                continue
            if _partition_of(key, passes) != part:
                continue
            columns = columns_seen.setdefault(listed, listed)
            recorded[(table, key)] = _Recorded(seq, sha, columns)

    for table, seq in unknown_tables.items():
        found.add(
            RowProblemKind.UNCHECKABLE,
            table,
            "",
            seq,
            f"audit entry {seq} records rows of table {table}, which oretrace no longer checks",
        )
    for table in ROW_COLUMNS:
        _verify_table(session, table, part, passes, recorded, predating, found)
    # What is left was recorded but not found in the live tables.
    for (table, key), record in sorted(recorded.items(), key=lambda item: item[1].seq):
        found.add(
            RowProblemKind.GONE, table, key, record.seq, f"{{what}}, recorded by audit entry {record.seq}, is gone"
        )


def _verify_table(
    session: Session,
    table: str,
    part: int,
    passes: int,
    recorded: dict[tuple[str, Any], _Recorded],
    predating: set[tuple[str, Any]],
    found: _Findings,
) -> None:
    mapped = table_of(table)
    key_name = key_column(table)
    key_col = mapped.c[key_name]
    wanted = {*ROW_COLUMNS[table], *_DESCRIBE_COLUMNS.get(table, ()), key_name}
    wanted |= {c for (t, _), r in recorded.items() if t == table for c in r.columns}
    missing = {c for c in wanted if c not in mapped.c}
    stmt = select(*(mapped.c[c] for c in sorted(wanted - missing))).order_by(key_col)
    if passes > 1:
        if isinstance(key_col.type.python_type, type) and issubclass(key_col.type.python_type, int):
            stmt = stmt.where(key_col % passes == part)
        elif part != 0:
            return
    result = session.execute(stmt.execution_options(yield_per=VERIFY_BATCH)).mappings()
    try:
        for live in result:
            key = live[key_name]
            record = recorded.pop((table, key), None)
            if record is None:
                alias = _predating_alias(table, live)
                if (table, key) in predating or (alias is not None and alias in predating):
                    found.predating += 1
                    continue
                found.add(
                    RowProblemKind.UNRECORDED,
                    table,
                    key,
                    None,
                    "{what} is recorded by no audit entry: it was inserted behind the log's back",
                    live=live,
                )
                continue
            lost = [c for c in record.columns if c in missing]
            if lost:
                found.add(
                    RowProblemKind.UNCHECKABLE,
                    table,
                    key,
                    record.seq,
                    f"{{what}} cannot be checked: audit entry {record.seq} hashed its column(s) "
                    f"{', '.join(lost)}, which the table no longer has",
                    live=live,
                )
                continue
            found.checked += 1
            if row_sha256(table, live, record.columns) == record.sha256:
                continue
            latest = ", the latest that records it" if table in MUTABLE_TABLES else ""
            found.add(
                RowProblemKind.DIFFERS,
                table,
                key,
                record.seq,
                f"{{what}} differs from audit entry {record.seq}{latest}",
                live=live,
            )
    finally:
        result.close()


# --- everything `oretrace audit verify` checks, in one snapshot -------------------------------------------


@contextmanager
def snapshot_session(engine: Engine) -> Iterator[Session]:
    """A read-only session that sees one snapshot of the store from its first query to its last."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            transaction = connection.begin()
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        else:
            transaction = connection.begin()
            if connection.dialect.name == "sqlite":
                # The sqlite3 driver opens no transaction for reads: each SELECT would see the latest commit.
                connection.exec_driver_sql("BEGIN")
        try:
            with Session(bind=connection) as session:
                yield session
        finally:
            transaction.rollback()


def verify_audit(
    engine: Engine, anchor: Path | None = None, expect_head: str | None = None, *, pass_rows: int | None = None
) -> AuditReport:
    """The chain (with the anchor file, if any), the expected head (if given) and every recorded row."""
    with snapshot_session(engine) as session:
        chain: VerificationResult = verify_chain(session, anchor)
        expect_seq = None
        if expect_head is not None:
            expect_seq = session.scalar(select(AuditEntry.seq).where(AuditEntry.entry_hash == expect_head))
        rows = verify_rows(session, pass_rows=pass_rows)
    anchored = None
    if anchor is not None:
        try:
            latest = read_anchor(anchor)
        except OSError:
            latest = None
        anchored = latest.seq if latest else None
    return AuditReport(
        ok=chain.ok and rows.ok and (expect_head is None or expect_seq is not None),
        entries=chain.entries,
        head_hash=chain.head_hash,
        problem=chain.problem,
        chain_ok=chain.ok,
        expect_head=expect_head,
        expect_head_seq=expect_seq,
        anchor=AnchorStatus(path=str(anchor) if anchor else None, anchored_seq=anchored),
        rows=rows,
    )
