"""Prefect's own cost: one inbox processed by the flow and, in the same process, by the same plain functions.

    .venv/bin/python -m benchmarks.flow_probe INBOX WORK   (PREFECT_API_URL names a running server)

Both passes start from empty caches and stores (their own homes under WORK) after one warm-up pass, so
imports, the NER model and the reference data are loaded before either is timed; what differs between the two
is only the orchestration: task submission and state tracking, the cost estimates and the batching.
Prints JSON: seconds of each pass and the pages read.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.measures import read_as_a_run_does
from oretrace.core.config import Settings
from oretrace.core.models import ExtractedDocument, Rejection
from oretrace.flows.prefect_env import configure_prefect, without_heartbeats
from oretrace.pipeline.documents import assemble_shipment, with_pages
from oretrace.pipeline.inbox import InboxSnapshot, ShipmentFolder
from oretrace.pipeline.workers import start_workers
from oretrace.reference import default_reference
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.store.repository import record_shipment


def plain(inbox: Path, settings: Settings) -> int:
    """The flow's work without Prefect: read as a run reads (`benchmarks.measures.read_as_a_run_does`), then
    check and store every shipment on `workers` threads."""
    snapshot = InboxSnapshot.take(inbox)
    shipments, paths = snapshot.shipments, snapshot.paths
    outcomes = dict(zip(paths, read_as_a_run_does(paths, snapshot.root, settings, snapshot.sha256_of), strict=True))
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    started = datetime.now(UTC)
    reference = default_reference()

    def check_and_store(shipment: ShipmentFolder) -> int:
        docs: list[ExtractedDocument | Rejection] = [
            with_pages(o, snapshot.root, settings) if isinstance(o, ExtractedDocument) else o
            for o in (outcomes[p] for p in shipment.files)
        ]
        result = assemble_shipment(shipment.shipment_id, docs, reference)
        with session_scope(engine) as session:
            record_shipment(session, result, str(inbox), started, datetime.now(UTC))
        return sum(len(d.pages) for d in result.documents)

    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        pages = sum(pool.map(check_and_store, shipments))
    engine.dispose()
    return pages


def with_flow(inbox: Path, settings: Settings) -> int:
    from oretrace.flows.process_inbox import process_inbox

    migrate(make_engine(settings.resolved_database_url))
    with without_heartbeats():  # as `oretrace run` calls it
        return sum(summary.pages for summary in process_inbox(inbox=inbox, settings=settings))


def _timed(work: Callable[[Path, Settings], int], inbox: Path, home: Path) -> tuple[float, int]:
    settings = Settings(home=home, workers=2, database_url=f"sqlite:///{home / 'oretrace.db'}")
    home.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    pages = work(inbox, settings)
    return time.perf_counter() - started, pages


def main() -> None:
    inbox, work = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    configure_prefect(Settings(home=work))  # quiet and offline, as `oretrace run` sets it
    warm_inbox = next(p for p in sorted(inbox.iterdir()) if p.is_dir())
    # Warm-up on a one-shipment inbox, not timed: imports, NER model, reference data, Prefect's client.
    single = work / "warm-inbox"
    shutil.copytree(warm_inbox, single / warm_inbox.name, dirs_exist_ok=True)
    for name, function in (("warm-plain", plain), ("warm-flow", with_flow)):
        _timed(function, single, work / name)
    start_workers(Settings(home=work, workers=2))  # both read in the same warm worker processes
    plain_seconds, plain_pages = _timed(plain, inbox, work / "plain")
    flow_seconds, flow_pages = _timed(with_flow, inbox, work / "flow")
    print(json.dumps({"plain_s": round(plain_seconds, 2), "flow_s": round(flow_seconds, 2),
                      "plain_pages": plain_pages, "flow_pages": flow_pages}))  # fmt: skip


if __name__ == "__main__":
    main()
