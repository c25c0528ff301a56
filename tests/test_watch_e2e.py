"""The real `oretrace watch` process: killed with SIGKILL at random points and restarted while shipments
arrive, and two watchers sharing one PostgreSQL store. Nothing may be lost or recorded twice."""

from __future__ import annotations

import os
import random
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from oretrace.core.config import Settings
from oretrace.pipeline.documents import assemble_shipment, process_document
from oretrace.store import schema
from oretrace.store.claims import SETTLED_STATES, FileState, WatchFile
from oretrace.store.db import session_scope
from oretrace.store.repository import latest_shipments
from tests.watch_fixtures import (
    WatchRun,
    born_digital_shipments,
    drop_shipment,
    inbox_files,
    postgres_schema_url,
    sha256_bytes,
    stop_gracefully,
    tree_hashes,
    wait_until,
)

pytestmark = pytest.mark.slow

BROKEN_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R"


def _expected_checks(shipments: dict[str, list[Path]], home: Path) -> dict[str, list[tuple[str, str]]]:
    """Each shipment's findings computed in this process by the plain pipeline, to compare with the store."""
    settings = Settings(home=home)
    expected = {}
    for shipment_id, files in shipments.items():
        # Paths as they lie in an inbox, so the outcomes carry the same shipment id.
        inbox = files[0].parent.parent
        outcomes = [process_document(path, inbox, settings) for path in files]
        result = assemble_shipment(shipment_id, outcomes)
        expected[shipment_id] = sorted((f.check, f.severity.value) for f in result.findings)
    return expected


def _stored_checks(run: WatchRun) -> dict[str, list[tuple[str, str]]]:
    engine = run.engine()
    try:
        with session_scope(engine) as session:
            return {
                s.shipment_id: sorted((f.check, f.severity.value) for f in s.findings)
                for s in latest_shipments(session)
            }
    finally:
        engine.dispose()


def _counts(run: WatchRun) -> dict[str, object]:
    engine = run.engine()
    try:
        with session_scope(engine) as session:
            return {
                "documents": Counter(
                    (sha, path)
                    for sha, path in session.execute(select(schema.Document.sha256, schema.Document.source_path))
                ),
                "runs_per_document": Counter(
                    dict(
                        session.execute(
                            select(schema.ExtractionRun.document_id, func.count()).group_by(
                                schema.ExtractionRun.document_id
                            )
                        ).all()
                    )
                ),
                "shipment_runs": Counter(session.execute(select(schema.ShipmentRun.shipment_id)).scalars()),
                "rejections": Counter(session.execute(select(schema.Rejection.source_path)).scalars()),
                "files": [
                    (row.source_path, row.state, row.archived_at is not None, row.processed_by)
                    for row in session.execute(select(WatchFile)).scalars()
                ],
            }
    finally:
        engine.dispose()


def _all_settled(run: WatchRun, shipment_ids: set[str]) -> bool:
    if inbox_files(run.inbox):
        return False
    try:
        counts = _counts(run)
    except Exception:  # the first watcher may not have created the tables yet
        return False
    files = counts["files"]
    return (
        set(counts["shipment_runs"]) >= shipment_ids
        and bool(files)
        and all(state in SETTLED_STATES and archived for _path, state, archived, _by in files)
    )


def test_kill_and_restart_loses_nothing_and_records_everything_once(tmp_path: Path) -> None:
    seed = int(os.environ.get("ORETRACE_CRASH_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    available = {s: f for s, f in born_digital_shipments().items() if len(f) >= 2}
    chosen = dict(list(available.items())[:5])
    # One shipment gets a damaged file, another a byte-identical copy of a file already dropped.
    first_id, second_id = list(chosen)[:2]
    run = WatchRun(tmp_path, quiet=1.0, lease=20.0)
    sources: list[bytes] = []

    process = run.start()
    kills = 0
    try:
        for index, (shipment_id, files) in enumerate(chosen.items()):
            drop_shipment(run.inbox, shipment_id, files)
            sources.extend(p.read_bytes() for p in files)
            if shipment_id == first_id:
                (run.inbox / shipment_id / "damaged scan.pdf").write_bytes(BROKEN_PDF)
                sources.append(BROKEN_PDF)
            if shipment_id == second_id:
                copy = chosen[first_id][0].read_bytes()
                (run.inbox / shipment_id / "copy of invoice.pdf").write_bytes(copy)
                sources.append(copy)
            # Kill at a random moment once it runs: while scanning, reading, writing the store or moving files.
            run.wait_watching()
            time.sleep(rng.uniform(0.0, 12.0))
            process.kill()
            process.wait(timeout=30)
            kills += 1
            if index == 2:
                process = run.start("-restart")
                time.sleep(rng.uniform(0.2, 3.0))
                process.kill()  # twice in a row, the second time while starting (importing or migrating)
                process.wait(timeout=30)
                kills += 1
            process = run.start("-restart")

        wait_until(lambda: _all_settled(run, set(chosen)), timeout=150, what="every shipment settled")
        # Earlier processes may have settled everything while the last one is still starting; its signal
        # handlers exist once it watches (a SIGTERM before that ends it the default way, losing nothing).
        run.wait_watching()
        assert stop_gracefully(process) == 0, "SIGTERM stops the service cleanly"
    except BaseException:
        run.kill_all()
        print(f"seed {seed}, {kills} kills\n{run.logs()[-6000:]}")
        raise
    finally:
        run.kill_all()

    # Every source file's bytes are in the archive or in quarantine, once; nothing is left in the inbox.
    assert not inbox_files(run.inbox)
    kept = tree_hashes(run.archive) + tree_hashes(run.quarantine)
    assert sorted(kept) == sorted(sha256_bytes(b) for b in sources), f"seed {seed}"
    assert tree_hashes(run.quarantine) == [sha256_bytes(BROKEN_PDF)]
    assert (run.quarantine.glob("*/damaged scan.pdf.reason.txt")).__next__().read_text().count("damaged") >= 1

    counts = _counts(run)
    readable = sum(len(f) for f in chosen.values())
    assert sum(counts["documents"].values()) == readable, "the duplicate copy is not recorded as a document"
    assert set(counts["documents"].values()) == {1}
    assert set(counts["runs_per_document"].values()) == {1}, f"a document was extracted twice (seed {seed})"
    assert counts["shipment_runs"] == Counter(set(chosen)), "each shipment checked exactly once"
    assert counts["rejections"] == Counter({f"{first_id}/damaged scan.pdf": 1})
    states = Counter(state for _p, state, _a, _b in counts["files"])
    assert states == Counter({FileState.DONE: readable, FileState.QUARANTINED: 1, FileState.DUPLICATE: 1})

    # Every shipment has its findings: the same as the plain pipeline finds on the same files.
    assert _stored_checks(run) == _expected_checks(chosen, tmp_path / "expected-home")


@pytest.mark.postgres
def test_two_watchers_on_postgresql_never_process_a_document_twice(tmp_path: Path) -> None:
    shipments = dict(list(born_digital_shipments().items())[5:11])
    with postgres_schema_url() as url:
        if url is None:
            pytest.skip("PostgreSQL not configured: set ORETRACE_TEST_POSTGRES_URL")
        run = WatchRun(tmp_path, database_url=url, quiet=1.0, lease=20.0)
        # Shipments present before the watchers start, and more arriving while they run.
        for shipment_id, files in list(shipments.items())[:3]:
            drop_shipment(run.inbox, shipment_id, files)
        first, second = run.start("-a"), run.start("-b")
        try:
            for shipment_id, files in list(shipments.items())[3:]:
                time.sleep(1.0)
                drop_shipment(run.inbox, shipment_id, files)
            wait_until(lambda: _all_settled(run, set(shipments)), timeout=120, what="every shipment settled")
            run.wait_watching()  # one watcher may have done all the work while the other was still starting
            assert stop_gracefully(first) == 0 and stop_gracefully(second) == 0
        except BaseException:
            print(run.logs()[-6000:])
            raise
        finally:
            run.kill_all()
        counts = _counts(run)
        engine = run.engine()
        engine.dispose()

    readable = sum(len(f) for f in shipments.values())
    assert sum(counts["documents"].values()) == readable
    assert set(counts["runs_per_document"].values()) == {1}, "a document was processed by both watchers"
    assert counts["shipment_runs"] == Counter(set(shipments))
    assert sorted(tree_hashes(run.archive)) == sorted(
        sha256_bytes(p.read_bytes()) for f in shipments.values() for p in f
    )
    workers = Counter(by for _p, _s, _a, by in counts["files"])
    print(f"files processed per watcher: {dict(workers)}")


CRASHING_PASS = """
import os, sys
from pathlib import Path
from oretrace.core.config import Settings
from oretrace.store.db import make_engine, migrate
from oretrace.watch import files, steps
from oretrace.watch.discover import scan_inbox
from oretrace.watch.ledger import claim_shipment, worker_identity
from oretrace.watch.models import WatchPlaces

inbox, archive, quarantine, url, point = sys.argv[1:6]
settings = Settings(home=Path(inbox).parent / "home", database_url=url)
migrate(make_engine(url))
places = WatchPlaces(inbox=Path(inbox), archive=Path(archive), quarantine=Path(quarantine), settings=settings,
                     worker_id=worker_identity())
if point == "after-commit":
    steps.settle = lambda *args, **kwargs: os._exit(9)
elif point == "after-first-move":
    move = files.move_verified
    def move_then_die(*args, **kwargs):
        move(*args, **kwargs)
        os._exit(9)
    files.move_verified = move_then_die
snapshot = scan_inbox(Path(inbox))[0]
claim = claim_shipment(steps.engine_for(url), snapshot.shipment_id, inbox, places.worker_id, 600)
steps.process_claimed(places, claim, snapshot)
"""


@pytest.mark.parametrize("point", ["after-commit", "after-first-move"])
def test_a_crash_between_commit_and_moves_is_finished_by_the_next_start_without_reprocessing(
    tmp_path: Path, point: str
) -> None:
    """Deterministic crash points the random kills rarely hit: the store has committed, the files have not
    (all) moved. The next start (here `oretrace watch --once`) moves them and reads nothing again."""
    import subprocess
    import sys

    shipment_id, files = next((s, f) for s, f in born_digital_shipments().items() if len(f) >= 2)
    run = WatchRun(tmp_path)
    drop_shipment(run.inbox, shipment_id, files)
    (run.inbox / shipment_id / "damaged.pdf").write_bytes(BROKEN_PDF)
    sources = sorted([sha256_bytes(p.read_bytes()) for p in files] + [sha256_bytes(BROKEN_PDF)])
    run.home.mkdir(parents=True)
    args = [str(run.inbox), str(run.archive), str(run.quarantine), run.url, point]
    crashed = subprocess.run([sys.executable, "-c", CRASHING_PASS, *args], cwd=tmp_path, env=run.env())
    assert crashed.returncode == 9
    assert inbox_files(run.inbox), "the crash left files in the inbox"

    run.extra_args = ["--once"]
    restarted = run.start("-once")
    assert restarted.wait(timeout=180) == 0, run.logs()[-3000:]
    assert not inbox_files(run.inbox)
    assert sorted(tree_hashes(run.archive) + tree_hashes(run.quarantine)) == sources
    counts = _counts(run)
    assert set(counts["runs_per_document"].values()) == {1} and sum(counts["documents"].values()) == len(files)
    assert counts["shipment_runs"] == Counter({shipment_id: 1})
    assert counts["rejections"] == Counter({f"{shipment_id}/damaged.pdf": 1})
