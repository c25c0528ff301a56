"""Seconds per page of oretrace's extraction (text, classification, fields) on the bundled samples,
born-digital and scanned separately, with an empty page cache, against the same pages read again
from the cache.

    .venv/bin/python -m benchmarks.page_cost [--workers 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.corpus import planned_documents
from oretrace.core.config import Settings
from oretrace.core.models import ExtractedDocument
from oretrace.pipeline.documents import process_document

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs"


def _run(paths: list[Path], settings: Settings, workers: int) -> tuple[float, int]:
    inbox = SAMPLES / "inbox"
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(lambda p: process_document(p, inbox, settings), paths))
    elapsed = time.perf_counter() - started
    pages = sum(len(o.pages) for o in outcomes if isinstance(o, ExtractedDocument))
    return elapsed, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    truth = planned_documents(json.loads((SAMPLES / "ground_truth.json").read_text()))
    rows = []
    for split, scanned in (("born-digital", False), ("scanned", True)):
        paths = [SAMPLES / d["path"] for d in truth if d["scanned"] is scanned]
        with tempfile.TemporaryDirectory() as home:
            settings = Settings(home=Path(home), workers=args.workers)
            cold, pages = _run(paths, settings, args.workers)
            warm, _ = _run(paths, settings, args.workers)
        rows.append({"split": split, "documents": len(paths), "pages": pages, "seconds": round(cold, 2),
                     "seconds_per_page": round(cold / pages, 3), "pages_per_second": round(pages / cold, 2),
                     "cached_seconds": round(warm, 2), "cache_speedup": round(cold / warm, 1)})  # fmt: skip
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'split':<14}{'docs':>6}{'pages':>7}{'seconds':>9}{'s/page':>8}{'pages/s':>9}{'cached s':>10}{'ratio':>7}")
    for r in rows:
        print(
            f"{r['split']:<14}{r['documents']:>6}{r['pages']:>7}{r['seconds']:>9}{r['seconds_per_page']:>8}"
            f"{r['pages_per_second']:>9}{r['cached_seconds']:>10}{r['cache_speedup']:>6}x"
        )


if __name__ == "__main__":
    main()
