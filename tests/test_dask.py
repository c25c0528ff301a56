"""The per-document fan-out on a real Dask cluster (2 worker processes) gives the same results as local threads."""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from oretrace.core.config import Settings
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.store.export import write_jsonl
from tests.conftest import SAMPLE_DOCS

pytestmark = pytest.mark.slow

# Born-digital documents of three shipments: quick to read, and every stage (fields, checks, store) runs.
SHIPMENTS = ("SHP-2025-0016", "SHP-2025-0017", "SHP-2025-0022")


@pytest.fixture(scope="module")
def prefect_api() -> Iterator[str]:
    """A temporary Prefect server whose URL the Dask worker processes inherit through the environment."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        url = PREFECT_API_URL.value()
        saved = {key: os.environ.get(key) for key in ("PREFECT_API_URL", "DASK_LOGGING__DISTRIBUTED")}
        os.environ["PREFECT_API_URL"] = url
        os.environ["DASK_LOGGING__DISTRIBUTED"] = "warning"
        try:
            yield url
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


@pytest.fixture(scope="module")
def dask_scheduler(prefect_api: str) -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def digital_inbox(tmp_path: Path) -> Path:
    truth = json.loads((SAMPLE_DOCS / "ground_truth.json").read_text())["documents"]
    inbox = tmp_path / "inbox"
    for doc in truth:
        if doc["shipment_id"] in SHIPMENTS and not doc["scanned"]:
            target = inbox / doc["path"].removeprefix("inbox/")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(SAMPLE_DOCS / doc["path"], target)
    return inbox


def _run(inbox: Path, home: Path, dask_address: str | None) -> tuple[list[dict], list[dict]]:
    """The run's shipment summaries, and every document as the store exports it."""
    from oretrace.flows.process_inbox import process_inbox
    from oretrace.flows.runners import task_runner

    settings = Settings(home=home, database_url=f"sqlite:///{home / 'oretrace.db'}", dask_address=dask_address)
    home.mkdir(parents=True)
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    flow = process_inbox.with_options(task_runner=task_runner(settings))
    # Shipment run ids follow the order the parallel check-and-store tasks happen to commit in.
    summaries = [s.model_dump(mode="json", exclude={"shipment_run_id"}) for s in flow(inbox=inbox, settings=settings)]
    out = io.StringIO()
    with session_scope(engine) as session:
        write_jsonl(session, out)
    engine.dispose()
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    return summaries, sorted((r for r in records if r["kind"] == "document"), key=lambda r: r["source_path"])


def test_runner_is_dask_only_when_a_scheduler_is_named() -> None:
    from prefect.task_runners import ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    from oretrace.flows.runners import task_runner

    assert isinstance(task_runner(Settings(workers=3)), ThreadPoolTaskRunner)
    runner = task_runner(Settings(dask_address="tcp://127.0.0.1:8786"))
    assert isinstance(runner, DaskTaskRunner)
    assert runner.address == "tcp://127.0.0.1:8786"


def test_dask_cluster_gives_the_local_results(dask_scheduler: str, digital_inbox: Path, tmp_path: Path) -> None:
    from distributed import Client

    local = _run(digital_inbox, tmp_path / "local", dask_address=None)
    distributed = _run(digital_inbox, tmp_path / "dask", dask_address=dask_scheduler)

    summaries, documents = local
    assert [r["shipment_id"] for r in summaries] == list(SHIPMENTS)
    assert len(documents) >= 6 and all(d["fields"] for d in documents)
    assert distributed == local
    # The documents really were extracted in the worker processes: both workers executed tasks.
    with Client(dask_scheduler) as client:
        executed = client.run(lambda dask_worker: dask_worker.state.executed_count)
    assert len(executed) == 2 and all(count > 0 for count in executed.values())
