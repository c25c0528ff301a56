"""Time of `oretrace portfolio` over 100,000 synthetic shipments, on SQLite and on PostgreSQL.

    .venv/bin/python -m benchmarks.portfolio [--count N] [--json]     # or: make bench (key "portfolio")

The store is filled by `samplegen.history.bulk_history` (rows written directly, marked synthetic) with the
planted pattern on top, then analysed (and vacuumed on PostgreSQL) as autovacuum would. The figure is the wall
time of the command in a new process (imports, migration check, every check over every quarter held, JSON
written), the fastest of three runs; the baseline the same command over 1,000 shipments. PostgreSQL is
measured in a throwaway schema of $ORETRACE_BENCH_POSTGRES_URL (else $ORETRACE_TEST_POSTGRES_URL), and
skipped with a note when neither is set.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy

from benchmarks.measures import REPO, Figure, Timer, _clean_env
from oretrace.store.db import make_engine, migrate, session_scope
from samplegen.history import bulk_history, planted_history, write_history

TARGET_SECONDS = 5.0
BASELINE_COUNT = 1_000


@contextmanager
def _postgres_url() -> Iterator[str | None]:
    url = os.environ.get("ORETRACE_BENCH_POSTGRES_URL") or os.environ.get("ORETRACE_TEST_POSTGRES_URL")
    if not url:
        yield None
        return
    schema = f"oretrace_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.execute(sqlalchemy.text(f'CREATE SCHEMA "{schema}"'))
    try:
        # libpq's options parameter in the URL sets the schema for the command's own connections too.
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(sqlalchemy.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def fill(url: str, count: int) -> float:
    """Migrate and fill the store; returns the seconds it took."""
    engine = make_engine(url)
    try:
        migrate(engine)
        with Timer() as timer, session_scope(engine) as session:
            write_history(session, bulk_history(count))
            write_history(session, planted_history())
        # Fresh statistics and (PostgreSQL) a visibility map, as autovacuum keeps them on a store that grew over
        # time: without the map PostgreSQL reads the table behind every index-only scan.
        vacuum = "VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(sqlalchemy.text(vacuum))
    finally:
        engine.dispose()
    return timer.seconds


# The fastest of a few runs: on a shared machine one run's figure is mostly the other processes' load.
RUNS = 3


def time_portfolio(url: str, home: Path) -> tuple[float, int]:
    """Wall seconds of `oretrace portfolio --format json` in a new process (the fastest of RUNS), and how many
    findings it printed."""
    env = _clean_env(home) | {"ORETRACE_DATABASE_URL": url}
    command = [sys.executable, "-m", "oretrace", "portfolio", "--format", "json"]
    seconds = []
    for _ in range(RUNS):
        with Timer() as timer:
            done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"oretrace portfolio failed ({done.returncode}): {done.stderr[-2000:]}")
        seconds.append(timer.seconds)
    return min(seconds), len(json.loads(done.stdout))


def _measure(backend: str, url_for: Callable[[int], str], count: int, work: Path) -> Figure:
    timings = {}
    for n in (BASELINE_COUNT, count):
        url = url_for(n)
        filled = fill(url, n)
        seconds, findings = time_portfolio(url, work / f"home-{backend}-{n}")
        timings[n] = (seconds, findings, filled)
    seconds, findings, filled = timings[count]
    baseline = timings[BASELINE_COUNT][0]
    return Figure(
        key="portfolio",
        title=f"Portfolio: `oretrace portfolio` over {count:,} shipments ({backend})",
        value=round(seconds, 2),
        unit="s",
        baseline=f"{BASELINE_COUNT:,} shipments",
        baseline_value=round(baseline, 2),
        ratio=round(seconds / baseline, 2),
        ratio_meaning=f"{count:,} / {BASELINE_COUNT:,} shipments",
        target=f"< {TARGET_SECONDS:g} s",
        met=seconds < TARGET_SECONDS,
        detail={"backend": backend, "findings": findings, "fill_seconds": round(filled, 1)},
    )


def measure(work: Path, count: int = 100_000) -> list[Figure]:
    work.mkdir(parents=True, exist_ok=True)
    figures = [_measure("SQLite", lambda n: f"sqlite:///{work / f'portfolio-{n}.db'}", count, work)]
    with _postgres_url() as small, _postgres_url() as large:
        if small and large:
            urls = {BASELINE_COUNT: small, count: large}
            figures.append(_measure("PostgreSQL", lambda n: urls[n], count, work))
        else:
            print("PostgreSQL not measured: set ORETRACE_BENCH_POSTGRES_URL", file=sys.stderr)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="shipments in the store")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="oretrace-portfolio-") as work:
        figures = measure(Path(work), args.count)
    if args.json:
        print(json.dumps([f.model_dump() for f in figures], indent=2))
    else:
        for f in figures:
            print(f"{f.title}: {f.value} s (1,000 shipments: {f.baseline_value} s); {f.detail}")


if __name__ == "__main__":
    main()
