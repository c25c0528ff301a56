"""`make bench`: each figure beside its baseline, measured in the same run (the seven of the speed issue, and
the hostile inbox of `benchmarks/hostile.py`, `oretrace portfolio` over 100,000 shipments of
`benchmarks/portfolio.py`).

    .venv/bin/python -m benchmarks.bench [--small] [--json] [--corpus DIR] [--only KEY ...]

The corpus (scans, born-digital documents, a 200-document batch, a 500-page scanned PDF) is built from
sample_docs/ on first use and reused. `--small` runs every measurement on a few documents, to check that the
benchmark works; its figures mean little.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import hostile, measures, portfolio
from benchmarks.corpus import SMALL, CorpusSizes, build
from benchmarks.measures import Figure

KEYS = (
    "scanned_pages",
    "cores",
    "born_digital",
    "orchestration",
    "ocrmypdf",
    "rerun",
    "memory",
    "small_run",
    "hostile",
    "portfolio",
)
DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".oretrace" / "bench-corpus"


def run(sizes: CorpusSizes, corpus_dir: Path, only: set[str]) -> list[Figure]:
    corpus = build(corpus_dir, sizes)
    work = Path(tempfile.mkdtemp(prefix="oretrace-bench-"))
    figures = _Progress()
    try:
        if {"scanned_pages", "rerun", "ocrmypdf"} & only:
            scanned, home, first = measures.scanned_and_rerun(corpus, work)
            figures += [f for f in scanned if f.key in only]
            if "ocrmypdf" in only:
                figures.append(measures.ocrmypdf_comparison(corpus, work, home, sizes.ocrmypdf_scans, first))
        if "cores" in only:
            figures.append(measures.cores(corpus, work, sizes.core_scans))
        if "born_digital" in only:
            figures.append(measures.born_digital(corpus, work))
        if "orchestration" in only:
            figures.append(measures.orchestration(corpus, work))
        if "memory" in only:
            figures.append(measures.memory(corpus, work))
        if "small_run" in only:
            figures.append(measures.small_run(corpus, work, sizes.small_run_rounds))
        if "hostile" in only:
            figures.append(hostile.measure(work / "hostile"))
        if "portfolio" in only:
            figures += portfolio.measure(work / "portfolio", sizes.portfolio_shipments)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return sorted(figures, key=lambda f: KEYS.index(f.key))


class _Progress(list[Figure]):
    """The figures so far; each is also printed to standard error as it is measured (a full run is long)."""

    def append(self, figure: Figure) -> None:
        super().append(figure)
        print(figure.model_dump_json(), file=sys.stderr, flush=True)

    def __iadd__(self, figures: list[Figure]) -> _Progress:  # type: ignore[override]
        for figure in figures:
            self.append(figure)
        return self


def _format(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def table(figures: list[Figure]) -> str:
    lines = [
        "| figure | oretrace | baseline | ratio | target | met |",
        "| --- | ---: | ---: | ---: | ---: | :---: |",
    ]
    for f in figures:
        met = "" if f.met is None else ("yes" if f.met else "**no**")
        lines.append(
            f"| {f.title} | {_format(f.value)} {f.unit} | {f.baseline}: {_format(f.baseline_value)} | "
            f"{_format(f.ratio)} ({f.ratio_meaning}) | {f.target} | {met} |"
        )
    notes = [f"- {f.key}: " + ", ".join(f"{k} {v}" for k, v in f.detail.items()) for f in figures if f.detail]
    return "\n".join(lines + (["", *notes] if notes else []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="a few documents per figure (checks the benchmark)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="where the corpus is built and reused")
    parser.add_argument("--only", nargs="+", choices=KEYS, default=list(KEYS), help="measure these figures only")
    args = parser.parse_args()
    sizes = SMALL if args.small else CorpusSizes()
    started = datetime.now(UTC)
    figures = run(sizes, args.corpus, set(args.only))
    header = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {_cpus()} CPUs, {_memory_gb()} GB, Python {platform.python_version()}",
        "load_average_at_end": _load(),
        "small": args.small,
    }
    if args.json:
        print(json.dumps(header | {"figures": [f.model_dump() for f in figures]}, indent=2))
        return
    print(f"{header['date']} on {header['machine']}; load average at the end {header['load_average_at_end']}")
    print(table(figures))


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))


def _memory_gb() -> int:
    with open("/proc/meminfo") as handle:
        kib = int(handle.readline().split()[1])
    return round(kib / 1024 / 1024)


def _load() -> str:
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


if __name__ == "__main__":
    main()
