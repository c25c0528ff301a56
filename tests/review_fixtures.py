"""Fixtures for the audit and review tests: a migrated store on SQLite and (when configured) PostgreSQL.

PostgreSQL runs need ORETRACE_TEST_POSTGRES_URL (see scripts/postgres-test-db.sh); each test gets its own
schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from store.db import make_engine, migrate

POSTGRES_URL_ENV = "ORETRACE_TEST_POSTGRES_URL"


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_URL_ENV} to run these tests against it")
    return url


class PostgresSchema:
    """A throwaway PostgreSQL schema; `url_options` puts connections in it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.name = f"oretrace_test_{uuid.uuid4().hex[:12]}"
        self.admin = make_engine(url)
        with self.admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{self.name}"'))

    @property
    def connect_args(self) -> dict[str, str]:
        return {"options": f"-csearch_path={self.name}"}

    def engine(self, **kwargs: object) -> Engine:
        return make_engine(self.url, connect_args=self.connect_args, **kwargs)

    def drop(self) -> None:
        with self.admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{self.name}" CASCADE'))
        self.admin.dispose()


def sqlite_engine(directory: Path) -> Engine:
    return make_engine(f"sqlite:///{directory}/oretrace.db")


@pytest.fixture
def pg_schema() -> Iterator[PostgresSchema]:
    schema = PostgresSchema(postgres_url())
    try:
        yield schema
    finally:
        schema.drop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty store on each backend."""
    if request.param == "sqlite":
        engine = sqlite_engine(tmp_path)
        migrate(engine)
        yield engine
        engine.dispose()
        return
    schema = PostgresSchema(postgres_url())
    engine = schema.engine()
    try:
        migrate(engine)
        yield engine
    finally:
        engine.dispose()
        schema.drop()
