"""Fixtures for the audit and review tests: a migrated store on SQLite and (when configured) PostgreSQL.

PostgreSQL runs need ORETRACE_TEST_POSTGRES_URL (see scripts/postgres-test-db.sh); each test gets its own
schema, dropped afterwards.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from oretrace.store.db import make_engine, migrate

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


# --- a store filled by the real pipeline --------------------------------------------------------------------

# Born-digital sample documents (no OCR needed): shipment folder -> files copied from sample_docs/inbox.
SAMPLE_FILES = {
    "SHP-2025-0004": ["doc-be9b.pdf", "f6beb1a7.pdf", "attachment-de52.pdf"],
    "SHP-2025-0005": ["file_5543.pdf", "attachment-a00a.pdf"],
}
HOSTILE_SHIPMENT = "SHP-2025-0099"
# Markup that would run or show if any page inserted extracted text as HTML.
HOSTILE_TEXT = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"
HOSTILE_INVOICE_LINES = [
    ("Helvetica-Bold", 18, "COMMERCIAL INVOICE"),
    ("Helvetica", 11, "Invoice No: INV-2025-0099"),
    ("Helvetica", 11, "Invoice Date: 14 March 2025"),
    ("Helvetica", 11, f"Seller: {HOSTILE_TEXT} Trading Co., Ltd."),
    ("Helvetica", 11, "Buyer: Great Lakes Alloys LLC"),
    ("Helvetica", 11, "Country of Origin: Thailand"),
    ("Helvetica", 11, "Net Weight: 20,000.00 kg"),
    ("Helvetica", 11, "Total Amount: USD 250,000.00"),
    ("Helvetica", 11, f"Smelter: <b>Hunan</b> {HOSTILE_TEXT}"),
    ("Helvetica", 11, "Goods produced in <i>China</i> at Hunan Chenzhou Mining"),
]


class SampleStore:
    """Shipments read by the real pipeline (pdfplumber, classification, fields, checks) and recorded."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inbox = root / "inbox"
        self.home = root / "home"
        self.results: dict[str, Any] = {}


def build_sample_inbox(root: Path) -> Path:
    """Copies of a few born-digital sample shipments plus one whose invoice carries HTML and script text."""
    from tests.conftest import SAMPLE_DOCS, pdf_bytes

    inbox = root / "inbox"
    for shipment_id, names in SAMPLE_FILES.items():
        (inbox / shipment_id).mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy(SAMPLE_DOCS / "inbox" / shipment_id / name, inbox / shipment_id / name)
    hostile = inbox / HOSTILE_SHIPMENT
    hostile.mkdir(parents=True, exist_ok=True)
    (hostile / "invoice.pdf").write_bytes(pdf_bytes([HOSTILE_INVOICE_LINES]))
    shutil.copy(SAMPLE_DOCS / "inbox" / "SHP-2025-0004" / "attachment-de52.pdf", hostile / "assay.pdf")
    return inbox


def fill_sample_store(engine: Engine, root: Path) -> SampleStore:
    """Run the pipeline's plain functions over build_sample_inbox(root) and record each shipment."""
    from oretrace.core.config import Settings
    from oretrace.pipeline.documents import assemble_shipment, process_document
    from oretrace.store.db import session_scope
    from oretrace.store.repository import record_shipment

    sample = SampleStore(root)
    build_sample_inbox(root)
    settings = Settings(home=sample.home)
    for folder in sorted(p for p in sample.inbox.iterdir() if p.is_dir()):
        started = datetime.now(UTC)
        outcomes = [process_document(path, sample.inbox, settings) for path in sorted(folder.iterdir())]
        result = assemble_shipment(folder.name, outcomes)
        with session_scope(engine) as session:
            record_shipment(session, result, str(sample.inbox), started, datetime.now(UTC))
        sample.results[folder.name] = result
    return sample


# argon2id with small costs: real hashing, a few milliseconds instead of a second per login on a busy machine.
TEST_HASHER_COSTS = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}


@contextmanager
def cheap_password_hashing() -> Iterator[None]:
    from argon2 import PasswordHasher

    from oretrace.review import auth

    production = auth._HASHER
    auth._HASHER = PasswordHasher(**TEST_HASHER_COSTS)
    try:
        yield
    finally:
        auth._HASHER = production


@pytest.fixture
def fast_argon2() -> Iterator[None]:
    with cheap_password_hashing():
        yield
