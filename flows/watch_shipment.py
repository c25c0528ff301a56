"""The Prefect flow of one pass over one claimed shipment: a named flow run per shipment, retried tasks,
and a table artifact of the shipment's findings. The steps are the plain functions of oretrace.watch.steps."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from prefect import flow, task, unmapped
from prefect.artifacts import create_table_artifact
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from oretrace.core.models import ShipmentResult
from oretrace.store.claims import FileState
from oretrace.watch import steps
from oretrace.watch.artifacts import artifact_key, describe, findings_table
from oretrace.watch.ledger import ClaimLost
from oretrace.watch.models import BatchReport, Claim, FileTicket, MoveOutcome, ShipmentSnapshot, WatchPlaces


def _transient(_task: Any, _run: Any, state: Any) -> bool:
    """Retry store and file-system hiccups, never a lost claim (another watcher owns the shipment now)."""
    try:
        state.result()
    except ClaimLost:
        return False
    except Exception:
        return True
    return False


@task(name="register-files", task_run_name="register {snapshot.shipment_id}", retries=2, retry_delay_seconds=2)
def register_task(places: WatchPlaces, snapshot: ShipmentSnapshot) -> list[FileTicket]:
    return steps.register(places, snapshot)


@task(name="extract-document", task_run_name="extract {ticket.relative}", retries=1, retry_delay_seconds=2)
def extract_task(places: WatchPlaces, ticket: FileTicket) -> steps.Outcome:
    return steps.extract(places, ticket)


@task(name="check-shipment", task_run_name="check {shipment_id}", retries=1, retry_delay_seconds=1)
def check_task(
    places: WatchPlaces, shipment_id: str, tickets: list[FileTicket], outcomes: list[steps.Outcome]
) -> ShipmentResult:
    return steps.check(places, shipment_id, tickets, outcomes)


@task(
    name="commit-shipment",
    task_run_name="commit {claim.shipment_id}",
    retries=3,
    retry_delay_seconds=[1, 5, 15],
    retry_condition_fn=_transient,
)
def commit_task(
    places: WatchPlaces,
    claim: Claim,
    tickets: list[FileTicket],
    outcomes: list[steps.Outcome],
    result: ShipmentResult | None,
    started_at: datetime,
) -> BatchReport:
    return steps.commit(places, claim, tickets, outcomes, result, started_at)


@task(name="archive-files", task_run_name="archive {shipment_id}", retries=2, retry_delay_seconds=2)
def settle_task(places: WatchPlaces, shipment_id: str) -> list[MoveOutcome]:
    return steps.settle(places, shipment_id)


@flow(
    name="watch-shipment",
    flow_run_name="shipment {claim.shipment_id}",
    task_runner=ThreadPoolTaskRunner(max_workers=2),
    validate_parameters=False,
)
def shipment_flow(places: WatchPlaces, claim: Claim, snapshot: ShipmentSnapshot) -> BatchReport:
    started_at = datetime.now(UTC)
    tickets = [t for t in register_task(places, snapshot) if t.state == FileState.WAITING]
    outcomes = extract_task.map(unmapped(places), tickets).result() if tickets else []
    # Documents and results are plain values: `quote` spares Prefect walking their every field for futures.
    result = check_task(places, claim.shipment_id, tickets, quote(outcomes)) if tickets else None
    report = commit_task(places, claim, tickets, quote(outcomes), quote(result), started_at)
    if result is not None:
        create_table_artifact(
            table=findings_table(result), key=artifact_key(claim.shipment_id), description=describe(result)
        )
    return steps.finish_report(report, settle_task(places, claim.shipment_id))


def prefect_process(places: WatchPlaces, claim: Claim, snapshot: ShipmentSnapshot) -> BatchReport:
    """The watch service's way to process a claimed shipment as a Prefect flow run."""
    return shipment_flow(places=places, claim=claim, snapshot=snapshot)
