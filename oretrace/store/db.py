"""Connecting to the store: database URL, engines, sessions and schema migrations."""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from alembic.config import Config

DATABASE_URL_ENV = "ORETRACE_DATABASE_URL"
MIGRATIONS_DIR = Path(str(resources.files("oretrace.store") / "migrations"))
_REVISION_LINE = re.compile(r"^(?P<key>down_revision|revision)\b[^=]*=\s*(?P<value>.+)$", re.MULTILINE)


def schema_heads() -> frozenset[str]:
    """The revisions no other migration builds on, read from the migration files' `revision` and
    `down_revision` lines (tests/test_store.py checks them against Alembic's), so that a store already at them
    is told by one query, without importing Alembic (half a second of every command's start)."""
    revisions: set[str] = set()
    built_on: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"):
        for match in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")):
            value = ast.literal_eval(match["value"])
            if match["key"] == "revision":
                revisions.add(value)
            elif value is not None:
                built_on.update((value,) if isinstance(value, str) else value)
    return frozenset(revisions - built_on)


# Parallel pipeline tasks share one SQLite file: wait for the writer lock rather than fail at once.
SQLITE_BUSY_TIMEOUT_MS = 30_000
# PostgreSQL advisory lock id serialising migrations ("oretrace" in ASCII).
MIGRATION_LOCK_KEY = int.from_bytes(b"oretrace")


def database_url(home: Path) -> str:
    """The URL to use: $ORETRACE_DATABASE_URL if set, else an SQLite file in the oretrace home folder."""
    return os.environ.get(DATABASE_URL_ENV) or f"sqlite:///{home}/oretrace.db"


def _normalise(url: str | URL) -> URL:
    parsed = make_url(url)
    # Plain "postgresql://" (what most tools hand out) would pick psycopg2, which is not installed.
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """An engine for SQLite or PostgreSQL (psycopg 3); extra keyword arguments go to create_engine."""
    parsed = _normalise(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = create_engine(parsed, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if backend == "postgresql":
        # pre_ping: a long-lived flow outlives server restarts and idle-connection reaping.
        kwargs.setdefault("pool_pre_ping", True)
        return create_engine(parsed, **kwargs)
    # The repository's upserts use SQLite/PostgreSQL "ON CONFLICT"; other backends are untested.
    raise ValueError(f"unsupported database {parsed.drivername!r}: use sqlite:/// or postgresql://")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets reviewers read while the pipeline writes; foreign keys are off by default in SQLite.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session in one transaction: committed if the block succeeds, rolled back if it raises."""
    # expire_on_commit=False: objects read in the block stay usable after it.
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def url_session(database_url: str) -> Iterator[Session]:
    """`session_scope` on an engine of its own, disposed afterwards: for callers that hold a URL, not an engine
    (flows, workers, one-off reads)."""
    engine = make_engine(database_url)
    try:
        with session_scope(engine) as session:
            yield session
    finally:
        engine.dispose()


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configuration built in code (no alembic.ini), pointing at the migrations in this package.

    With a connection, env.py migrates over it; that is how migrate() and the tests drive Alembic.
    """
    from alembic.config import Config

    config = Config()
    # Config values go through configparser interpolation, where "%" is special.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest revision; a no-op (one small query) when it is already there."""
    with engine.begin() as connection:
        if _recorded_revisions(connection) == schema_heads():
            return
    from alembic import command
    from alembic.script import ScriptDirectory

    with engine.begin() as connection:
        config = alembic_config(connection)
        heads = set(ScriptDirectory.from_config(config).get_heads())
        if _current_heads(connection) == heads:
            return
        if connection.dialect.name == "postgresql":
            # Workers starting together on a fresh database must not all create the tables: the first
            # migrates, the others wait here and then find nothing left to do.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            if _current_heads(connection) == heads:
                return
        if connection.dialect.name == "sqlite":
            # The sqlite3 driver runs DDL outside any transaction unless one is open: without this, a process
            # killed mid-migration leaves tables without their alembic_version row, and every later start
            # fails on "table already exists". IMMEDIATE also takes the write lock, serialising migrators.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            if _current_heads(connection) == heads:
                return
        command.upgrade(config, "heads")


def _current_heads(connection: Connection) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    return set(MigrationContext.configure(connection).get_current_heads())


def _recorded_revisions(connection: Connection) -> set[str]:
    """The revisions Alembic recorded in the store (none in a new one)."""
    if not inspect(connection).has_table("alembic_version"):
        return set()
    return {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}
