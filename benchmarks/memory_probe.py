"""Extract one document in a fresh process and print its peak resident memory as JSON.

    .venv/bin/python -m benchmarks.memory_probe FILE HOME

Run as a child of the benchmark so the figure is this document's alone, not the benchmark's.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from oretrace.core.config import Settings
from oretrace.core.models import ExtractedDocument
from oretrace.pipeline.documents import process_document


def peak_rss_mb(pid: int) -> float:
    """The process's resident-set high-water mark since it started its program (VmHWM). Not ru_maxrss: that
    one carries over the parent's size from before the exec, here the whole benchmark's."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmHWM for process {pid}")


def tree_peak_rss_mb(pid: int) -> float:
    """The VmHWM of a process plus those of the processes it started (its reading workers): an upper bound of
    the whole tree's peak. Raises as `peak_rss_mb` when the process itself is gone."""
    total = peak_rss_mb(pid)
    for child in _descendants(pid):
        try:
            total += peak_rss_mb(child)
        except (OSError, RuntimeError):  # it exited meanwhile
            continue
    return total


def _descendants(pid: int) -> list[int]:
    try:
        children = [
            int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()
        ]
    except OSError:
        return []
    return children + [grandchild for child in children for grandchild in _descendants(child)]


def main() -> None:
    path, home = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    started = time.perf_counter()
    outcome = process_document(path, path.parent, Settings(home=home))
    seconds = time.perf_counter() - started
    if not isinstance(outcome, ExtractedDocument):
        raise SystemExit(f"{path} was rejected: {outcome.reason}")
    # This process only: Tesseract runs in a subprocess per page.
    report = {"pages": len(outcome.pages), "seconds": round(seconds, 2), "peak_rss_mb": peak_rss_mb(os.getpid())}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
