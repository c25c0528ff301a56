"""Peak memory of `oretrace run` and `oretrace watch` over a hostile inbox, against the good shipment alone.

    .venv/bin/python -m benchmarks.hostile [--json]        # or: make bench (key "hostile")

The inbox (tests/hostile_corpus.py): a sample shipment copied from sample_docs/inbox, a blank PDF page
20,000 pt square, a born-digital page as large, a 3000 x 3000 PNG stating 50 dpi, PDFs whose JavaScript
hides behind chains of 74 and 200 objects (dictionaries, arrays, object streams) or an incremental update,
file and folder names that are not UTF-8, links to a file outside the inbox, to /etc/passwd, to a folder and
a shipment folder that is itself a link, and folders named like spreadsheet formulas.

Each command runs in a new process with its own data directory; the figure is the largest resident set of
any process of its tree (the command, Tesseract, Prefect's temporary server), from wait4(2), as
`/usr/bin/time -v` reports it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.measures import REPO, Figure, _clean_env
from oretrace.store import schema
from oretrace.store.claims import FileState, WatchFile
from oretrace.store.db import make_engine, session_scope
from oretrace.store.inbox_runs import InboxRun
from tests.hostile_corpus import GOOD_SHIPMENT, SAMPLE_INBOX, HostileInbox, build_hostile_inbox

TARGET_MB = 1536


def peak_of_tree(command: list[str], env: dict[str, str]) -> tuple[int, float, float]:
    """Exit status, wall seconds and the largest resident set (MB) of any process of the command's tree."""
    started = time.perf_counter()
    pid = os.posix_spawn(command[0], command, env | {"PYTHONUNBUFFERED": "1"}, file_actions=_quiet())
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - started, usage.ru_maxrss / 1024


def _quiet() -> list[tuple[int, int, str, int, int]]:
    devnull = (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)
    return [devnull, (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]


def _stored(url: str) -> dict[str, object]:
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            return {
                "documents": set(session.scalars(select(schema.Document.source_path))),
                "shipments": set(session.scalars(select(schema.ShipmentRun.shipment_id))),
                "completed_runs": session.scalar(select(func.count()).select_from(InboxRun)) or 0,
                "watch_states": dict(session.execute(select(WatchFile.source_path, WatchFile.state)).all()),
                "watch_reasons": dict(session.execute(select(WatchFile.source_path, WatchFile.reason)).all()),
            }
    finally:
        engine.dispose()


def _good_documents(inbox: HostileInbox) -> set[str]:
    return {f"{shipment}/{name}" for shipment, names in inbox.good.items() for name in names}


def _left(root: Path) -> int:
    count = 0
    for folder, dirs, names in os.walk(root, followlinks=False):
        count += len(names) + sum(os.path.islink(os.path.join(folder, d)) for d in dirs)
    return count


def measure(work: Path) -> Figure:
    work.mkdir(parents=True, exist_ok=True)
    oretrace = [sys.executable, "-m", "oretrace"]

    # Baseline: the good shipment alone.
    good = work / "good" / "inbox"
    shutil.copytree(SAMPLE_INBOX / GOOD_SHIPMENT, good / GOOD_SHIPMENT)
    good_status, good_s, good_mb = peak_of_tree([*oretrace, "run", str(good)], _clean_env(work / "good-home"))

    # `oretrace run` over the hostile inbox.
    hostile = build_hostile_inbox(work / "run")
    home = work / "run-home"
    url = f"sqlite:///{home / 'oretrace.db'}"
    status, seconds, peak = peak_of_tree([*oretrace, "run", str(hostile.root)], _clean_env(home))
    stored = _stored(url)
    expected_shipments = set(hostile.good) | {"SHP-HUGE", "SHP-JS", "SHP-NAMES", "SHP-\\xff\\xfe"}
    good_whole = stored["documents"] == _good_documents(hostile)

    # `oretrace watch --once` over another copy: every file archived or quarantined with a reason.
    watched = build_hostile_inbox(work / "watch")
    watch_home = work / "watch-home"
    watch_command = [*oretrace, "watch", str(watched.root), "--once", "--quiet", "0", "--no-prefect"]
    watch_status, watch_s, watch_mb = peak_of_tree(watch_command, _clean_env(watch_home))
    watch = _stored(f"sqlite:///{watch_home / 'oretrace.db'}")
    states = watch["watch_states"]
    quarantined_with_reason = all(
        watch["watch_reasons"].get(path) for path, state in states.items() if state == FileState.QUARANTINED
    )

    met = (
        status == 0
        and peak < TARGET_MB
        and good_whole
        and stored["shipments"] == expected_shipments
        and stored["completed_runs"] == 1
        and watch_status == 0
        and watch_mb < TARGET_MB
        and _left(watched.root) == 0
        and quarantined_with_reason
        and watch["documents"] == _good_documents(watched)
    )
    return Figure(
        key="hostile", title="Hostile inbox: peak RSS of `oretrace run` (largest process of its tree)",
        value=round(peak, 1), unit="MB", baseline="the good shipment alone", baseline_value=round(good_mb, 1),
        ratio=round(peak / good_mb, 2), ratio_meaning="hostile inbox / good shipment",
        target=f"< {TARGET_MB} MB, exit 0, every shipment recorded, only the good documents stored; watch too",
        met=met,
        detail={
            "run_exit": status, "run_seconds": round(seconds, 1), "baseline_exit": good_status,
            "baseline_seconds": round(good_s, 1),
            "shipments_recorded": f"{len(stored['shipments'])}/{len(expected_shipments)}",
            "documents_stored": len(stored["documents"]), "good_documents": len(_good_documents(hostile)),
            "completed_run_recorded": stored["completed_runs"],
            "watch_exit": watch_status, "watch_peak_rss_mb": round(watch_mb, 1), "watch_seconds": round(watch_s, 1),
            "watch_files_left_in_inbox": _left(watched.root),
            "watch_done": sum(s == FileState.DONE for s in states.values()),
            "watch_quarantined": sum(s == FileState.QUARANTINED for s in states.values()),
        },
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figure as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the working folder and print where it is")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="oretrace-hostile-"))
    try:
        figure = measure(work)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(figure.model_dump_json(indent=2) if args.json else json.dumps(figure.model_dump(), indent=2))


if __name__ == "__main__":
    os.chdir(REPO)
    main()
