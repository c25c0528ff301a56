"""Batches read and shipments checked in worker processes (pipeline.workers): the same outcomes as in a
thread, and a worker that dies on a file or a shipment costs that file only, and that shipment nothing."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from oretrace.core.config import Settings
from oretrace.core.models import DueDiligenceTemplate, ExtractedDocument, Rejection, ShipmentJudgement
from oretrace.pipeline.batching import Batch
from oretrace.pipeline.documents import judge_shipment
from oretrace.pipeline.workers import (
    MIN_RUN_SECONDS,
    checked_shipments,
    read_batch,
    read_documents,
    start_workers,
    stop_workers,
    worth_workers,
)
from oretrace.reference import ReferenceData

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "inbox" / "SHP-2025-0001"
DOCUMENTS = ["file_4585.pdf", "ed796b79.pdf", "doc-7b0f.pdf"]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    shipment = tmp_path / "inbox" / "SHP-1"
    shipment.mkdir(parents=True)
    for name in DOCUMENTS:
        shutil.copy(SAMPLES / name, shipment / name)
    return tmp_path / "inbox"


def _dies_on_the_second(
    paths: Sequence[Path], inbox_root: Path, settings: Settings, sha256s: Sequence[str | None]
) -> list[ExtractedDocument | Rejection]:
    """A reader that crashes its process on one file, as a native library's fault would."""
    if any(path.name == DOCUMENTS[1] for path in paths):
        os._exit(3)
    return read_documents(paths, inbox_root, settings, sha256s)


def _fails_on_shp_2(
    shipment_id: str,
    documents: list[ExtractedDocument],
    reference: ReferenceData | None,
    templates: Mapping[str, DueDiligenceTemplate] | None,
) -> ShipmentJudgement:
    """Checks that fail on one shipment: in a worker process, by killing it; here, with an error."""
    if shipment_id == "SHP-2":
        if multiprocessing.parent_process() is not None:
            os._exit(3)
        raise ValueError("no check for SHP-2")
    return judge_shipment(shipment_id, documents, reference, templates)


def test_a_batch_read_in_a_worker_process_comes_back_as_in_a_thread(inbox: Path, tmp_path: Path) -> None:
    batch = Batch(tuple(sorted((inbox / "SHP-1").iterdir())), 0.15)
    in_thread = read_batch(batch, inbox, Settings(home=tmp_path / "a", workers=2), [None] * 3, workers=False)
    in_worker = read_batch(batch, inbox, Settings(home=tmp_path / "b", workers=2), [None] * 3, workers=True)
    assert all(isinstance(o, ExtractedDocument) for o in in_thread)
    assert [o.model_dump() for o in in_worker] == [o.model_dump() for o in in_thread]
    # The boxes' outlines, kept for the checks, come across too.
    assert [o.box_outlines.keys() for o in in_worker] == [o.box_outlines.keys() for o in in_thread]  # type: ignore[union-attr]


def test_a_worker_that_dies_on_a_file_costs_that_file_only(inbox: Path, tmp_path: Path) -> None:
    paths = [inbox / "SHP-1" / name for name in DOCUMENTS]
    settings = Settings(home=tmp_path / "home", workers=2)
    outcomes = read_batch(
        Batch(tuple(paths), 0.15), inbox, settings, [None] * 3, workers=True, reader=_dies_on_the_second
    )
    assert [type(o) for o in outcomes] == [ExtractedDocument, Rejection, ExtractedDocument]
    refused = outcomes[1]
    assert isinstance(refused, Rejection)
    assert refused.reason == "the reading process died on this file"
    assert refused.source_path == f"SHP-1/{DOCUMENTS[1]}"
    # The pool was made anew: the next batch is read in a worker again.
    again = read_batch(Batch(tuple(paths[:1]), 0.05), inbox, settings, [None], workers=True)
    assert isinstance(again[0], ExtractedDocument)


def test_workers_are_used_when_the_runs_text_work_pays_for_their_start(tmp_path: Path) -> None:
    stop_workers()
    settings = Settings(home=tmp_path, workers=2)
    few = [Batch((tmp_path / "a.pdf",), 0.05)]
    many = [Batch(tuple(tmp_path / f"{i}.pdf" for i in range(40)), MIN_RUN_SECONDS / 2)] * 2
    scans = [Batch((tmp_path / f"{i}.png",), 3.0) for i in range(10)]  # OCR: threads already run in parallel
    assert not worth_workers(few, settings)
    assert not worth_workers(scans, settings)
    assert worth_workers(many, settings)
    assert not worth_workers(many, Settings(home=tmp_path, workers=1))
    # Once running, they cost nothing more to use.
    start_workers(settings)
    assert worth_workers(few, settings)
    stop_workers()
    assert not worth_workers(few, settings)


def test_shipments_checked_in_worker_processes_come_back_as_in_a_thread(inbox: Path, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", workers=2)
    batch = Batch(tuple(sorted((inbox / "SHP-1").iterdir())), 0.15)
    light = read_batch(batch, inbox, settings, [None] * 3, workers=False)
    shipments = {"SHP-1": light, "SHP-3": light[:1]}
    here = [(i, check()) for i, check in checked_shipments(shipments, inbox, settings, None, None, workers=False)]
    there = [(i, check()) for i, check in checked_shipments(shipments, inbox, settings, None, None, workers=True)]
    assert [i for i, _ in there] == ["SHP-1", "SHP-3"]
    assert [r.model_dump() for _, r in there] == [r.model_dump() for _, r in here]
    whole = there[0][1]
    assert whole.findings and whole.declared_origin and whole.facts is not None
    assert all(d.pages for d in whole.documents)  # made whole again for the store


def test_a_shipment_whose_checks_fail_or_kill_their_worker_costs_nothing_else(inbox: Path, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", workers=2)
    batch = Batch(tuple(sorted((inbox / "SHP-1").iterdir())), 0.15)
    light = read_batch(batch, inbox, settings, [None] * 3, workers=False)
    shipments = {"SHP-1": light, "SHP-2": light, "SHP-3": light}
    checked = dict(checked_shipments(shipments, inbox, settings, None, None, workers=True, judge=_fails_on_shp_2))
    assert checked["SHP-1"]().shipment_id == "SHP-1"
    # Its worker died; judged again here, the shipment fails with its own error.
    with pytest.raises(ValueError, match="no check for SHP-2"):
        checked["SHP-2"]()
    assert checked["SHP-3"]().findings
