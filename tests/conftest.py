"""Shared fixtures: real documents rendered on the fly (reportlab -> PDF, pypdfium2 -> image)."""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pytest
import sqlalchemy
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import Engine

from oretrace.core.config import Settings, get_settings
from oretrace.core.models import ExtractedDocument, Rejection
from oretrace.pipeline.documents import process_document
from oretrace.store.db import make_engine, migrate

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DOCS = REPO / "sample_docs"

# A run started by a test uses a Prefect server of its own that ends with it, so no server outlives the test
# (tests/test_local_server.py exercises the local server that a user's runs share).
os.environ.setdefault("ORETRACE_PREFECT_SERVER", "temporary")


def command_env(drop: tuple[str, ...] = ("ORETRACE_", "PREFECT_"), **settings: str) -> dict[str, str]:
    """This environment for an `oretrace` command: without the variables `drop` starts, with `settings`, and
    with a temporary Prefect server unless `settings` says otherwise."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    return env | {"ORETRACE_PREFECT_SERVER": "temporary"} | settings


INVOICE_LINES = [
    ("Helvetica-Bold", 18, "COMMERCIAL INVOICE"),
    ("Helvetica", 11, "Invoice No: INV-2025-0042"),
    ("Helvetica", 11, "Invoice Date: 14 March 2025"),
    ("Helvetica", 11, "Seller: Siam Antimony Trading Co., Ltd."),
    ("Helvetica", 11, "Buyer: Great Lakes Alloys LLC"),
    ("Helvetica", 11, "Country of Origin: Thailand"),
    ("Helvetica", 11, "Net Weight: 20,000.00 kg"),
    ("Helvetica", 11, "Total Amount: USD 250,000.00"),
]


def draw_lines(pdf: canvas.Canvas, lines: list[tuple[str, int, str]]) -> None:
    y = A4[1] - 72
    for font, size, text in lines:
        pdf.setFont(font, size)
        pdf.drawString(72, y, text)
        y -= size * 2.2


def pdf_bytes(pages: list[list[tuple[str, int, str]]], **canvas_args: object) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1, **canvas_args)
    for lines in pages:
        draw_lines(pdf, lines)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def render(pdf: bytes, dpi: int = 200) -> Image.Image:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        document.close()


@pytest.fixture
def invoice_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "digital.pdf"
    path.write_bytes(pdf_bytes([INVOICE_LINES]))
    return path


@pytest.fixture
def invoice_scan(tmp_path: Path) -> Path:
    """The invoice as a 200 dpi grayscale PNG, as a scanner would deliver it."""
    path = tmp_path / "scan.png"
    render(pdf_bytes([INVOICE_LINES])).save(path, dpi=(200, 200))
    return path


# --- the store on both backends ---------------------------------------------------------------------------

POSTGRES_URL_ENV = "ORETRACE_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def bare_engine(request: pytest.FixtureRequest, tmp_path) -> Iterator[Engine]:
    """An engine on an empty database (no tables yet)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path}/oretrace.db")
        yield engine
        engine.dispose()
        return

    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_URL_ENV} to run these tests against it")
    # A throwaway schema per test: isolated, and parallel runs cannot collide.
    schema_name = f"oretrace_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.execute(sqlalchemy.text(f'CREATE SCHEMA "{schema_name}"'))
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema_name}"})
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(sqlalchemy.text(f'DROP SCHEMA "{schema_name}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(bare_engine: Engine) -> Engine:
    migrate(bare_engine)
    return bare_engine


def process_files(tmp_path: Path, shipment: str, files: dict[str, bytes]) -> dict[str, ExtractedDocument | Rejection]:
    """Each file written into tmp_path/inbox/<shipment>/ and read by the pipeline, by file name."""
    inbox = tmp_path / "inbox"
    (inbox / shipment).mkdir(parents=True)
    settings = Settings(home=tmp_path / "home")
    for name, data in files.items():
        (inbox / shipment / name).write_bytes(data)
    return {name: process_document(inbox / shipment / name, inbox, settings) for name in files}


@pytest.fixture
def cli_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty SQLite store the CLI reaches through ORETRACE_HOME."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("ORETRACE_HOME", str(home))
    monkeypatch.delenv("ORETRACE_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield home
    get_settings.cache_clear()
