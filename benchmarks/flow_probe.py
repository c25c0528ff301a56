"""Prefect's own cost: one inbox processed by the flow and, in the same process, by the same plain functions.

    .venv/bin/python -m benchmarks.flow_probe INBOX WORK   (PREFECT_API_URL names a running server)

Every pass starts from empty caches and stores (its own home under WORK) after one warm-up pass, so imports,
the NER model and the reference data are loaded before any is timed; what differs between the two is only the
orchestration: task submission and state tracking, the cost estimates and the batching. The two alternate,
`ROUNDS` times each. Prints JSON: the median seconds of each and the pages read.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.measures import read_as_a_run_does
from oretrace.core.config import Settings
from oretrace.flows.prefect_env import configure_prefect, without_heartbeats
from oretrace.pipeline.inbox import InboxSnapshot
from oretrace.pipeline.workers import checked_shipments, start_workers, worth_workers
from oretrace.reference import default_reference
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.store.repository import record_shipment

ROUNDS = 3


def plain(inbox: Path, settings: Settings) -> int:
    """The flow's work without Prefect: read as a run reads (`benchmarks.measures.read_as_a_run_does`), then
    check (in the worker processes when they run) and store every shipment."""
    snapshot = InboxSnapshot.take(inbox)
    paths = snapshot.paths
    outcomes = dict(zip(paths, read_as_a_run_does(paths, snapshot.root, settings, snapshot.sha256_of), strict=True))
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    started = datetime.now(UTC)
    shipments = {s.shipment_id: [outcomes[p] for p in s.files] for s in snapshot.shipments}
    workers = worth_workers([], settings)  # no batches: whether the workers run
    pages = 0
    for _, check in checked_shipments(shipments, snapshot.root, settings, default_reference(), None, workers):
        result = check()
        with session_scope(engine) as session:
            record_shipment(session, result, str(inbox), started, datetime.now(UTC))
        pages += sum(len(d.pages) for d in result.documents)
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
    seconds: dict[str, list[float]] = {"plain": [], "flow": []}
    pages: dict[str, int] = {}
    for round_ in range(ROUNDS):  # alternately: this machine's speed drifts over a minute
        for name, function in (("plain", plain), ("flow", with_flow)):
            took, pages[name] = _timed(function, inbox, work / f"{name}-{round_}")
            seconds[name].append(took)
    print(json.dumps({"plain_s": round(statistics.median(seconds["plain"]), 2),
                      "flow_s": round(statistics.median(seconds["flow"]), 2),
                      "plain_pages": pages["plain"], "flow_pages": pages["flow"]}))  # fmt: skip


if __name__ == "__main__":
    main()
