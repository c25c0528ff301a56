"""The sample shipments whose paperwork carries its own data (samplegen/machine_readable.py), read as
`oretrace eval sample_docs` reads them: each expected check fires where the truth says and nowhere else, and
the hostile files beside a good invoice are refused with their reason while the invoice is still read."""

from __future__ import annotations

import json

import pytest

from oretrace.core.config import Settings
from oretrace.core.models import ExtractedDocument, Rejection, Severity
from oretrace.evaluation.ground_truth import load_expected_rejections, score_refusals
from oretrace.pipeline.documents import assemble_shipment, process_document
from tests.conftest import SAMPLE_DOCS

TRUTH = json.loads((SAMPLE_DOCS / "ground_truth.json").read_text(encoding="utf-8"))
SHIPMENTS = {s["shipment_id"]: s for s in TRUTH["shipments"] if s["plan"] == "machine_readable"}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ExtractedDocument | Rejection]:
    settings = Settings(home=tmp_path_factory.mktemp("home"))
    inbox = SAMPLE_DOCS / "inbox"
    files = sorted(p for shipment in SHIPMENTS for p in (inbox / shipment).iterdir())
    return {p.relative_to(inbox).as_posix(): process_document(p, inbox, settings) for p in files}


def test_four_shipments_follow_the_planned_ones() -> None:
    planned = [s["shipment_id"] for s in TRUTH["shipments"] if s["plan"] != "machine_readable"]
    assert sorted(SHIPMENTS) == [f"SHP-2025-{n:04d}" for n in range(len(planned) + 1, len(planned) + 5)]


@pytest.mark.parametrize("shipment_id", sorted(SHIPMENTS))
def test_each_shipment_gets_exactly_its_expected_checks(
    shipment_id: str, outcomes: dict[str, ExtractedDocument | Rejection]
) -> None:
    mine = [o for path, o in sorted(outcomes.items()) if path.startswith(shipment_id + "/")]
    result = assemble_shipment(shipment_id, mine)
    assert sorted({f.check for f in result.findings}) == SHIPMENTS[shipment_id]["expected_checks"]
    above_low = [f for f in result.findings if f.severity != Severity.LOW]
    assert (result.verdict == "flagged") == (SHIPMENTS[shipment_id]["scenario"] != "clean") == bool(above_low)


def test_the_tampered_invoice_and_the_qr_code_say_what_differs(
    outcomes: dict[str, ExtractedDocument | Rejection],
) -> None:
    tampered, qr = sorted(s for s, t in SHIPMENTS.items() if t["scenario"] == "tampered")
    invoice = assemble_shipment(tampered, [outcomes[f"{tampered}/fx-invoice.pdf"]])
    messages = " ".join(f.message for f in invoice.findings if f.check == "embedded_data_mismatch")
    assert "a total of 248,600.00, but its embedded factur-x.xml states 275,000.00" in messages
    certificate = assemble_shipment(qr, [outcomes[f"{qr}/coo-qr.pdf"]])
    [finding] = [f for f in certificate.findings if f.check == "qr_certificate_mismatch"]
    assert "CO-2025-004711" in finding.message and "CO-2025-003388" in finding.message


def test_hostile_files_are_refused_with_their_reason_and_the_invoice_kept(
    outcomes: dict[str, ExtractedDocument | Rejection],
) -> None:
    expected = load_expected_rejections(SAMPLE_DOCS)
    assert len(expected) == 3
    refusals = score_refusals(outcomes, expected)
    assert (refusals.refused, refusals.total, refusals.misses) == (3, 3, [])
    [hostile] = [s for s, t in SHIPMENTS.items() if t.get("expected_rejections")]
    invoice = outcomes[f"{hostile}/fx-invoice.pdf"]
    assert isinstance(invoice, ExtractedDocument) and invoice.value("invoice_number") == "FX-2025-0313"
    # A refusal for another reason, or a file read after all, is a miss.
    wrong = {path: "some other words" for path in expected}
    assert score_refusals(outcomes, wrong).refused == 0
    read = {next(iter(expected)): "declares"} | {f"inbox/{hostile}/fx-invoice.pdf": "declares"}
    assert [m.found for m in score_refusals(outcomes, read).misses] == ["read as a document"]
