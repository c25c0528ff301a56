"""Extraction scored on the generated samples: real rendered pages, born-digital and scanned.

The scores are floors well under what `oretrace eval sample_docs` reports on the whole set, so a
regression in any extractor, the classifier or OCR handling fails here.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from oretrace.core.config import Settings
from oretrace.evaluation.ground_truth import score
from oretrace.pipeline.documents import process_document
from tests.conftest import SAMPLE_DOCS

TRUTH = {d["path"]: d for d in json.loads((SAMPLE_DOCS / "ground_truth.json").read_text())["documents"]}


def _subset(scanned: bool, per_type: int) -> dict[str, dict]:
    chosen: dict[str, dict] = {}
    counts: dict[str, int] = {}
    for path, doc in sorted(TRUTH.items()):
        if doc["scanned"] != scanned or counts.get(doc["doc_type"], 0) >= per_type:
            continue
        counts[doc["doc_type"]] = counts.get(doc["doc_type"], 0) + 1
        chosen[path] = doc
    return chosen


def _run(truth: dict[str, dict], tmp_path):
    settings = Settings(home=tmp_path)
    inbox = SAMPLE_DOCS / "inbox"
    paths = [inbox / p.removeprefix("inbox/") for p in truth]
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda p: process_document(p, inbox, settings), paths))
    return score({p.relative_to(inbox).as_posix(): o for p, o in zip(paths, outcomes, strict=True)}, truth)


def test_born_digital_documents(tmp_path) -> None:
    report = _run(_subset(scanned=False, per_type=1000), tmp_path)
    assert not report.rejected
    assert report.type_accuracy >= 0.98, report.misses
    assert report.by_split["digital"].f1 >= 0.95, [m for m in report.misses if m.field != "doc_type"]


@pytest.mark.slow
def test_scanned_documents(tmp_path) -> None:
    report = _run(_subset(scanned=True, per_type=3), tmp_path)
    assert not report.rejected
    assert report.type_accuracy >= 0.9, report.misses
    assert report.by_split["scanned"].f1 >= 0.85, [m for m in report.misses if m.field != "doc_type"]
