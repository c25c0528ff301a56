"""The watch pass as Prefect runs it: a named flow run per shipment, a findings table artifact, a retried
commit after a transient store failure, and none after a lost claim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from oretrace.core.config import Settings
from oretrace.store import schema
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.watch import steps
from oretrace.watch.discover import scan_inbox
from oretrace.watch.ledger import claim_shipment, release_claim
from oretrace.watch.models import BatchReport, WatchPlaces
from tests.watch_fixtures import born_digital_shipments, drop_shipment

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def test_each_shipment_is_a_named_flow_run_with_a_findings_artifact_and_retried_commit(
    prefect_harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey, FlowRunFilter, FlowRunFilterName

    from oretrace.flows.watch_shipment import prefect_process

    shipment_id, files = next(iter(born_digital_shipments().items()))
    inbox = tmp_path / "inbox"
    drop_shipment(inbox, shipment_id, files)
    settings = Settings(home=tmp_path / "home", database_url=f"sqlite:///{tmp_path / 'oretrace.db'}")
    migrate(make_engine(settings.resolved_database_url))
    places = WatchPlaces(
        inbox=inbox, archive=tmp_path / "archive", quarantine=tmp_path / "q", settings=settings, worker_id="t:1"
    )
    engine = steps.engine_for(places.database_url)

    # The first commit attempt meets a store that went away; the task's retry commits.
    real_commit = steps.commit
    attempts: list[int] = []

    def flaky_commit(*args: Any, **kwargs: Any) -> BatchReport:
        attempts.append(1)
        if len(attempts) == 1:
            raise OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"))
        return real_commit(*args, **kwargs)

    monkeypatch.setattr(steps, "commit", flaky_commit)
    claim = claim_shipment(engine, shipment_id, str(inbox), places.worker_id, 60)
    assert claim is not None
    try:
        report = prefect_process(places, claim, scan_inbox(inbox)[0])
    finally:
        release_claim(engine, claim)
    assert len(attempts) == 2 and report.processed == len(files) and report.moved == len(files)
    with session_scope(engine) as session:
        assert session.execute(select(func.count()).select_from(schema.ShipmentRun)).scalar_one() == 1
        findings = session.execute(select(schema.Finding.check_id)).scalars().all()

    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            flow_run_filter=FlowRunFilter(name=FlowRunFilterName(any_=[f"shipment {shipment_id}"]))
        )
        assert [r.state.type.value for r in runs] == ["COMPLETED"]
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[f"findings-{shipment_id.lower()}"]))
        )
    assert len(artifacts) == 1 and artifacts[0].type == "table"
    table = artifacts[0].data if isinstance(artifacts[0].data, list) else json.loads(artifacts[0].data)
    assert sorted(row["check"] for row in table if row["check"]) == sorted(findings)
    assert shipment_id in (artifacts[0].description or "")


def test_a_lost_claim_is_not_retried() -> None:
    from prefect.states import Failed

    from oretrace.flows.watch_shipment import _transient
    from oretrace.watch.ledger import ClaimLost

    assert _transient(None, None, Failed(data=OperationalError("x", {}, Exception("gone")))) is True
    assert _transient(None, None, Failed(data=ClaimLost("taken over"))) is False
