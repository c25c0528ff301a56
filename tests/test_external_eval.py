"""Extraction scored on real third-party documents: a small copy of each external set, kept with its
licences in tests/data/external/ (same layout as the full sets, see its PROVENANCE.md).

The floors are the accuracies `oretrace eval --external tests/data/external` measured on this subset
(2026-11-28), a little lower where OCR of a photographed receipt may read a digit differently on another
Tesseract build. A drop in label vocabularies, title lines, totals, composition tables or the adapters
fails here. The full sets are scored with `make eval-external`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oretrace.core.config import Settings
from oretrace.evaluation.adapters import load_all
from oretrace.evaluation.adapters.sroie import receipt_date, receipt_total
from oretrace.evaluation.compare import field_equal, identifiers_equal, names_equal
from oretrace.evaluation.external import ExternalReport, run_external

SUBSET = Path(__file__).parent / "data" / "external"

FLOORS: dict[str, dict[str, float]] = {
    "invoice2data": {"invoice_number": 0.75, "invoice_date": 0.75, "total_amount": 1.0, "currency": 1.0,
                     "seller_name": 0.5},
    "material-identity-schemas": {"certificate_number": 0.8, "composition_pct": 0.95, "lot_number": 0.8,
                                  "smelter_name": 0.8},
    "sroie-subset": {"invoice_date": 0.5, "total_amount": 0.25, "seller_name": 0.5},
}  # fmt: skip
ZUGFERD_FLOORS = {"invoice_number": 1.0, "invoice_date": 1.0, "total_amount": 1.0, "currency": 1.0, "seller_name": 1.0,
                  "buyer_name": 1.0}  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> ExternalReport:
    return run_external(SUBSET, Settings(home=tmp_path_factory.mktemp("oretrace-home")))


def _misses(report: ExternalReport, set_name: str) -> list[str]:
    return [
        f"{m.document} {m.field}: {m.expected!r} / {m.found!r}"
        for m in report.misses
        if m.document.startswith(set_name)
    ]


@pytest.mark.slow
@pytest.mark.parametrize("set_name", sorted(FLOORS))
def test_accuracy_floors(report: ExternalReport, set_name: str) -> None:
    for name, floor in FLOORS[set_name].items():
        assert report.accuracy(set_name, name) >= floor, (name, _misses(report, set_name))


@pytest.mark.slow
def test_zugferd_accuracy_floors(report: ExternalReport) -> None:
    # Factur-X / ZUGFeRD PDFs embed their XML; the PDF safety check lets such data files through, and the XML's
    # values are the invoice's fields (the page prints no 'Buyer' label the page reading could find).
    assert not [r for r in report.rejected if r.startswith("zugferd-corpus")]
    for name, floor in ZUGFERD_FLOORS.items():
        assert report.accuracy("zugferd-corpus", name) >= floor, (name, _misses(report, "zugferd-corpus"))


def test_adapters_read_the_subset() -> None:
    documents = {d.key: d for d in load_all(SUBSET)}
    assert {d.set_name for d in documents.values()} == {
        "invoice2data", "zugferd-corpus", "material-identity-schemas", "sroie-subset"
    }  # fmt: skip
    einfach = documents["zugferd-corpus/ZUGFeRDv2/correct/intarsys/EN16931/zugferd_2p0_EN16931_Einfach.pdf"]
    # Values as the embedded XML states them (GrandTotalAmount, IssueDateTime format 102).
    assert einfach.fields["invoice_number"] == "471102"
    assert einfach.fields["invoice_date"] == "2018-03-05"
    assert einfach.fields["total_amount"] == pytest.approx(529.87)
    certificate = documents["material-identity-schemas/test/fixtures/EN10168/v0.5.0/valid_certificate_4.pdf"]
    composition = certificate.fields["composition_pct"]
    assert isinstance(composition, dict)
    assert composition["H"] == pytest.approx(0.00011)  # 1.1 ppm
    assert "CEV" not in composition  # a carbon equivalent, not an element


def test_comparisons() -> None:
    assert names_equal("Free", "Free Service Abonné")
    assert names_equal("Coolblue B.V.", "COOLBLUE BV")
    assert names_equal("UNIHAKKA INTERNATIONAL SDN BHD", "UNIHAKKA INTERNATIONAL SON BHD")
    assert not names_equal("Steel Mill SE", "Steel Trading AG")
    assert identifiers_equal("#BLR_WFLD20151000982590", "BLR_WFLD20151000982590")
    assert not identifiers_equal("471102", "471113")
    assert field_equal("total_amount", 529.87, 529.87)
    assert not field_equal("total_amount", 529.87, 473.0)


def test_receipt_keys() -> None:
    assert receipt_date("25/12/2018") == "2018-12-25"
    assert receipt_date("09/08/17") == "2017-08-09"
    assert receipt_date("05-AUG-2017") == "2017-08-05"
    assert receipt_date("15 JUN 18") == "2018-06-15"
    assert receipt_date("next week") is None
    assert receipt_total("RM40.00") == pytest.approx(40.0)
    assert receipt_total("") is None
