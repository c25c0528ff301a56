"""Process every shipment folder of an inbox once: extract each document, assemble shipments, store them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from oretrace import progress
from oretrace.config import Settings
from oretrace.inbox import list_loose_files, list_shipments
from oretrace.linking import Linking, link_loose_documents
from oretrace.models import ExtractedDocument, Rejection, ShipmentResult
from oretrace.pipeline import assemble_shipment, process_document
from reference_data import ReferenceData
from store.db import make_engine, session_scope
from store.reference_store import reference_in_force
from store.repository import record_shipment, record_unassigned


@task(name="extract-document", task_run_name="extract {path.name}")
def extract_document_task(path: Path, inbox_root: Path, settings: Settings) -> ExtractedDocument | Rejection:
    """Read, classify and extract one document (OCR runs in Tesseract subprocesses)."""
    return process_document(path, inbox_root, settings)


@task(name="check-shipment", task_run_name="check {shipment_id}")
def check_shipment_task(
    shipment_id: str, outcomes: list[ExtractedDocument | Rejection], reference: ReferenceData
) -> ShipmentResult:
    """Take a shipment's documents together: declared origin and the consistency checks' findings."""
    return assemble_shipment(shipment_id, outcomes, reference)


@task(name="store-shipment", task_run_name="store {result.shipment_id}", retries=2, retry_delay_seconds=1)
def store_shipment_task(result: ShipmentResult, inbox_root: Path, started_at: datetime, database_url: str) -> int:
    """Write one shipment's documents, rejections and verdict to the review store."""
    engine = make_engine(database_url)
    try:
        with session_scope(engine) as session:
            return record_shipment(session, result, str(inbox_root), started_at, datetime.now(UTC))
    finally:
        engine.dispose()


@task(name="store-loose", retries=2, retry_delay_seconds=1)
def store_loose_task(linking: Linking, inbox_root: Path, started_at: datetime, database_url: str) -> None:
    """Write the loose documents that joined no shipment, and loose files that could not be read."""
    logger = get_run_logger()
    for item in linking.unassigned:
        logger.warning("unassigned %s: %s", item.document.source.path, item.reason)
    engine = make_engine(database_url)
    try:
        with session_scope(engine) as session:
            record_unassigned(session, linking, str(inbox_root), started_at, datetime.now(UTC))
    finally:
        engine.dispose()


@flow(name="process-inbox", flow_run_name="inbox {inbox.name}", task_runner=ThreadPoolTaskRunner(max_workers=2))
def process_inbox(inbox: Path, settings: Settings) -> list[ShipmentResult]:
    inbox = inbox.resolve()
    started_at = datetime.now(UTC)
    shipments = list_shipments(inbox)
    loose_files = list_loose_files(inbox)

    # Extract: every document of every shipment, and those loose in the root, bounded by the runner's workers.
    paths = [path for shipment in shipments for path in shipment.files] + loose_files
    futures = extract_document_task.map(paths, inbox_root=unmapped(inbox), settings=unmapped(settings))
    for _done in as_completed(futures):
        progress.advance("documents")
    outcomes = dict(zip(paths, futures.result(), strict=True))

    # Link: loose documents join the shipment whose documents share their references; the rest wait.
    linking = link_loose_documents(
        {s.shipment_id: [outcomes[p] for p in s.files] for s in shipments}, [outcomes[p] for p in loose_files]
    )
    if linking.unassigned or linking.rejected:
        store_loose_task(linking, inbox, started_at, settings.resolved_database_url)

    # Check and load, shipment by shipment, against the reference data in force when the run started.
    reference = reference_in_force(settings.resolved_database_url)
    results = []
    for shipment in shipments:
        result = check_shipment_task(shipment.shipment_id, linking.shipments[shipment.shipment_id], reference)
        store_shipment_task(result, inbox, started_at, settings.resolved_database_url)
        results.append(result)
    return results
