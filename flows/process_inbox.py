"""Process every shipment folder of an inbox once: extract each document, check and store each shipment.
Files loose in the inbox root belong to no shipment: they are refused unread, and recorded as rejections.

Tasks are coarse on purpose (`oretrace.batching`): a task extracts one document that needs OCR or a batch of
cheap ones, and checks and stores a group of shipments. Between the stages only each document's fields travel;
its pages wait in the extraction cache until its shipment is checked, so a backlog of thousands of shipments
is never held in memory at once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from oretrace.core.config import Settings
from oretrace.core.models import DueDiligenceTemplate, ExtractedDocument, Rejection, ShipmentSummary
from oretrace.core.names import printable
from oretrace.flows.runners import as_plain_value
from oretrace.pipeline import progress
from oretrace.pipeline.batching import Batch, estimate_seconds, plan_batches, shipment_groups
from oretrace.pipeline.documents import is_extracted
from oretrace.pipeline.inbox import InboxSnapshot
from oretrace.pipeline.workers import checked_shipments, read_batch, worth_workers
from oretrace.reference import ReferenceData
from oretrace.store.db import make_engine, session_scope
from oretrace.store.reference_store import reference_in_force
from oretrace.store.repository import record_refused, record_shipment
from oretrace.store.supplier_templates import templates_in_force

Outcome = ExtractedDocument | Rejection


# Nothing is cached by Prefect (no cache policy): the extraction cache keys by content instead, and hashing
# a task's inputs would cost more than some of the tasks themselves.
@task(name="extract-documents", task_run_name="extract {batch.label}", cache_policy=NO_CACHE)
def extract_batch_task(batch: Batch, snapshot: InboxSnapshot, settings: Settings, workers: bool) -> list[Outcome]:
    """Read, classify and extract a batch of documents (OCR runs in Tesseract subprocesses, a large batch of
    born-digital ones in a worker process); each comes back without its pages, which stay in the extraction
    cache."""
    sha256s = [snapshot.sha256_of(path) for path in batch.paths]
    return read_batch(batch, snapshot.root, settings, sha256s, workers)


@task(name="check-and-store", task_run_name="check and store {group_label}", cache_policy=NO_CACHE)
def check_and_store_task(
    shipments: dict[str, list[Outcome]],
    group_label: str,
    inbox_root: Path,
    settings: Settings,
    reference: ReferenceData,
    started_at: datetime,
    supplier_templates: dict[str, DueDiligenceTemplate] | None,
    workers: bool,
) -> list[ShipmentSummary]:
    """Take each shipment's documents together (declared origin, consistency checks; in worker processes when
    the run reads in them) and write the shipment, its documents, rejections and findings to the review store,
    one transaction per shipment."""
    engine = make_engine(settings.resolved_database_url)
    summaries = []
    try:
        checked = checked_shipments(shipments, inbox_root, settings, reference, supplier_templates, workers)
        for shipment_id, check in checked:
            # One shipment that cannot be checked or stored costs only itself, not the rest of its group.
            try:
                result = check()
                progress.advance("checked")
                with session_scope(engine) as session:
                    run_id = record_shipment(session, result, str(inbox_root), started_at, datetime.now(UTC))
                progress.advance("stored")
            except Exception as err:
                get_run_logger().exception("shipment %s was not stored", printable(shipment_id))
                summaries.append(ShipmentSummary.failed(shipment_id, f"{type(err).__name__}: {err}"))
                continue
            summaries.append(ShipmentSummary.of(result, run_id))
    finally:
        engine.dispose()
    return summaries


@task(name="store-refused-loose", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def store_loose_refused_task(refused: list[Rejection], settings: Settings) -> None:
    """Record the files loose in the inbox root as rejections: they belong to no shipment and are not read."""
    engine = make_engine(settings.resolved_database_url)
    try:
        with session_scope(engine) as session:
            record_refused(session, refused)
    finally:
        engine.dispose()


@flow(name="process-inbox", flow_run_name="inbox {inbox.name}", task_runner=ThreadPoolTaskRunner(max_workers=2))
def process_inbox(inbox: Path, settings: Settings, snapshot_file: Path | None = None) -> list[ShipmentSummary]:
    """`snapshot_file`: the inbox as the caller listed and hashed it, saved as JSON; taken here when not given.
    A file rather than the snapshot itself: a flow's parameters go to Prefect's API, which refuses them beyond
    512 KB, and a large inbox's snapshot is larger (2,000 shipments: about 1 MB)."""
    snapshot = (
        InboxSnapshot.model_validate_json(snapshot_file.read_bytes()) if snapshot_file else InboxSnapshot.take(inbox)
    )
    inbox = snapshot.root
    started_at = datetime.now(UTC)
    shipments = snapshot.shipments

    # Extract: every document of every shipment, in batches sized by their work.
    costs = [(p, estimate_seconds(p, lambda p: is_extracted(snapshot.sha256_of(p), settings))) for p in snapshot.paths]
    batches = plan_batches(costs, settings.workers)
    workers = worth_workers(batches, settings)
    futures = extract_batch_task.map(
        batches,
        snapshot=as_plain_value(settings, unmapped(snapshot)),
        settings=unmapped(settings),
        workers=unmapped(workers),
    )
    for done in as_completed(futures):
        progress.advance("documents", len(done.result()))
    outcomes = {
        path: outcome
        for batch, future in zip(batches, futures, strict=True)
        for path, outcome in zip(batch.paths, future.result(), strict=True)
    }
    if snapshot.loose_refused:
        store_loose_refused_task(list(snapshot.loose_refused), settings)

    # Check and store, a group of shipments per task, against the reference data in force when the run started.
    # Files the inbox scan refused (links, names that cannot be recorded) join as rejections, never opened.
    by_shipment = {s.shipment_id: [*(outcomes[p] for p in s.files), *s.refused] for s in shipments}
    reference = reference_in_force(settings.resolved_database_url)
    supplier_templates = templates_in_force(settings.resolved_database_url)
    ids = [s.shipment_id for s in shipments]
    groups = shipment_groups(ids, [len(by_shipment[i]) for i in ids], settings.workers)
    checked = check_and_store_task.map(
        as_plain_value(settings, [{i: by_shipment[i] for i in group} for group in groups]),
        [f"{group[0]} +{len(group) - 1}" if len(group) > 1 else group[0] for group in groups],
        inbox_root=unmapped(inbox),
        settings=unmapped(settings),
        reference=as_plain_value(settings, unmapped(reference)),
        started_at=unmapped(started_at),
        supplier_templates=as_plain_value(settings, unmapped(supplier_templates)),
        workers=unmapped(workers),
    )
    return [summary for group in checked.result() for summary in group]
