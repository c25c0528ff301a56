"""The Prefect flow end to end on real sample shipments, into a real store, then the export contract."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from oretrace.core.config import Settings
from oretrace.pipeline import progress
from oretrace.store import schema
from oretrace.store.db import make_engine, migrate, session_scope
from oretrace.store.export import write_jsonl
from tests.conftest import SAMPLE_DOCS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def _tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*")
            if p.is_file()}  # fmt: skip


def test_flow_processes_shipments_into_the_store(prefect_harness, tmp_path: Path) -> None:
    from oretrace.flows.process_inbox import process_inbox

    truth = json.loads((SAMPLE_DOCS / "ground_truth.json").read_text())
    shipment_ids = sorted({d["shipment_id"] for d in truth["documents"]})[:2]
    inbox = tmp_path / "inbox"
    for shipment_id in shipment_ids:
        shutil.copytree(SAMPLE_DOCS / "inbox" / shipment_id, inbox / shipment_id)
    (inbox / shipment_ids[0] / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    # The second shipment's packing list was dropped loose in the root: refused unread, recorded as such.
    packing = next(
        d for d in truth["documents"] if d["shipment_id"] == shipment_ids[1] and d["doc_type"] == "packing_list"
    )
    loose_name = Path(packing["path"]).name
    (inbox / shipment_ids[1] / loose_name).rename(inbox / loose_name)
    before = _tree_digest(inbox)

    settings = Settings(home=tmp_path / "home", database_url=f"sqlite:///{tmp_path / 'oretrace.db'}")
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    events: dict[str, int] = {}
    with progress.listening(lambda what, count: events.update({what: events.get(what, 0) + count})):
        results = process_inbox(inbox=inbox, settings=settings)
    documents_read = sum(1 for p in inbox.rglob("*") if p.is_file() and p.parent != inbox)
    assert events == {"documents": documents_read, "checked": 2, "stored": 2}, "every stage reports its progress"

    assert [r.shipment_id for r in results] == shipment_ids
    assert _tree_digest(inbox) == before, "the inbox is never changed"
    assert [r.reason for r in results[0].rejected] and "damaged" in results[0].rejected[0].reason
    second = [d for d in truth["documents"] if d["shipment_id"] == shipment_ids[1]]
    assert len(results[1].document_types) == len(second) - 1, "the loose packing list joined no shipment"
    assert all(r.reference_version == results[0].reference_version for r in results)
    assert all(r.pages >= len(r.document_types) for r in results), "pages come back from the cache to be checked"

    out = io.StringIO()
    with session_scope(engine) as session:
        write_jsonl(session, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    documents = [r for r in records if r["kind"] == "document"]
    shipments = [r for r in records if r["kind"] == "shipment"]
    expected_docs = [d for d in truth["documents"] if d["shipment_id"] in shipment_ids and d is not packing]
    assert len(documents) == len(expected_docs)
    assert loose_name not in {d["source_path"] for d in documents}
    with session_scope(engine) as session:
        refused = dict(session.execute(select(schema.Rejection.source_path, schema.Rejection.reason)).all())
    assert refused[loose_name] == "not in a shipment folder: put it in INBOX/<shipment>/"
    assert {s["shipment_id"] for s in shipments} == set(shipment_ids)
    by_path = {d["source_path"]: d for d in documents}
    for doc in expected_docs:
        path = doc["path"].removeprefix("inbox/")
        exported = by_path[path]
        assert exported["doc_type"] == doc["doc_type"]
        assert exported["shipment_id"] == doc["shipment_id"]
