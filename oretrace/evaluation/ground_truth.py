"""Score extraction against a ground-truth file: document types, fields, micro-F1, digital vs scanned."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oretrace.core.folding import fold
from oretrace.core.models import ExtractedDocument, Rejection

REL_TOLERANCE = 0.001  # weights and amounts agree within 0.1 %


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Miss:
    path: str
    field: str
    expected: Any
    found: Any


@dataclass
class Report:
    documents: int = 0
    type_correct: int = 0
    rejected: list[str] = field(default_factory=list)
    by_split: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_field: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    # The same by document type and field ('certificate_of_origin.invoice_number').
    by_type_field: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    type_by_split: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[Miss] = field(default_factory=list)
    # Scanned assay certificates whose whole composition was read right, of all scanned assay certificates.
    scanned_compositions: list[int] = field(default_factory=lambda: [0, 0])

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.documents if self.documents else 0.0

    def as_dict(self) -> dict[str, Any]:
        def tally(t: Tally) -> dict[str, float]:
            return {"precision": round(t.precision, 4), "recall": round(t.recall, 4), "f1": round(t.f1, 4),
                    "tp": t.tp, "fp": t.fp, "fn": t.fn}  # fmt: skip

        return {
            "documents": self.documents,
            "doc_type_accuracy": round(self.type_accuracy, 4),
            "doc_type_accuracy_by_split": {
                k: round(c / n, 4) if n else 0.0 for k, (c, n) in sorted(self.type_by_split.items())
            },
            "fields_by_split": {k: tally(v) for k, v in sorted(self.by_split.items())},
            "fields": {k: tally(v) for k, v in sorted(self.by_field.items())},
            "fields_by_doc_type": {k: tally(v) for k, v in sorted(self.by_type_field.items())},
            "scanned_compositions_whole": {"right": self.scanned_compositions[0], "of": self.scanned_compositions[1]},
            "rejected": self.rejected,
            "misses": [m.__dict__ for m in self.misses],
        }


def load_ground_truth(directory: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((directory / "ground_truth.json").read_text(encoding="utf-8"))
    return {doc["path"]: doc for doc in data["documents"]}


def load_families(directory: Path) -> dict[str, dict[str, Any]]:
    """The set's layout families (family id -> attributes); a set written before families were recorded
    names none, and its documents all count as seen."""
    data = json.loads((directory / "ground_truth.json").read_text(encoding="utf-8"))
    families: dict[str, dict[str, Any]] = dict(data.get("families", {}))
    for doc in data["documents"]:
        if doc.get("family") and doc["family"] not in families:
            families[doc["family"]] = {}
    return families


def load_shipment_truth(directory: Path) -> list[dict[str, Any]]:
    return json.loads((directory / "ground_truth.json").read_text(encoding="utf-8")).get("shipments", [])


def load_expected_rejections(directory: Path) -> dict[str, str]:
    """Files in the shipments that are no documents but hostile (an XML bomb, an external entity, a workbook
    that inflates without end): path -> words their refusal reason must contain."""
    return {
        item["path"]: item["reason"]
        for shipment in load_shipment_truth(directory)
        for item in shipment.get("expected_rejections", [])
    }


@dataclass
class Refusals:
    """Hostile files refused with the expected reason, out of those the truth lists; the rest as misses."""

    refused: int = 0
    total: int = 0
    misses: list[Miss] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"refused": self.refused, "total": self.total, "misses": [m.__dict__ for m in self.misses]}


def score_refusals(
    outcomes: dict[str, ExtractedDocument | Rejection], expected: dict[str, str], prefix: str = "inbox/"
) -> Refusals:
    result = Refusals(total=len(expected))
    for path, words in sorted(expected.items()):
        outcome = outcomes.get(path.removeprefix(prefix))
        if isinstance(outcome, Rejection) and words in outcome.reason:
            result.refused += 1
        else:
            found = outcome.reason if isinstance(outcome, Rejection) else "read as a document"
            result.misses.append(Miss(path, "rejection", words, found))
    return result


def shipment_outcomes(
    outcomes: dict[str, ExtractedDocument | Rejection], shipment_id: str
) -> list[ExtractedDocument | Rejection]:
    """The outcomes of one shipment's documents (keys are paths relative to the inbox), in path order."""
    return [o for path, o in sorted(outcomes.items()) if path.split("/", 1)[0] == shipment_id]


def values_equal(expected: Any, found: Any) -> bool:
    if isinstance(expected, bool) or isinstance(found, bool):
        return expected == found
    if isinstance(expected, int | float) and isinstance(found, int | float):
        return abs(expected - found) <= REL_TOLERANCE * max(abs(expected), 1e-9) + 1e-9
    if isinstance(expected, list) and isinstance(found, list):
        return sorted(fold(str(v)) for v in expected) == sorted(fold(str(v)) for v in found)
    if isinstance(expected, str) and isinstance(found, str):
        return fold(expected) == fold(found)
    return expected == found


def _field_units(name: str, expected: Any, found: Any) -> list[tuple[str, Any, Any]]:
    """Composition counts per element, every other field as one unit."""
    if isinstance(expected, dict) or isinstance(found, dict):
        expected = expected or {}
        found = found if isinstance(found, dict) else {}
        return [(f"{name}.{el}", expected.get(el), found.get(el)) for el in sorted(set(expected) | set(found))]
    return [(name, expected, found)]


def score(
    outcomes: dict[str, ExtractedDocument | Rejection], truth: dict[str, dict[str, Any]], prefix: str = "inbox/"
) -> Report:
    report = Report()
    for path, expected in sorted(truth.items()):
        split = "scanned" if expected.get("scanned") else "digital"
        outcome = outcomes.get(path.removeprefix(prefix))
        misses_before = len(report.misses)
        report.documents += 1
        report.type_by_split[split][1] += 1
        if not isinstance(outcome, ExtractedDocument):
            report.rejected.append(path)
            found_fields: dict[str, Any] = {}
        else:
            found_fields = {name: value.value for name, value in outcome.fields.items()}
            if outcome.doc_type.value == expected["doc_type"]:
                report.type_correct += 1
                report.type_by_split[split][0] += 1
            else:
                report.misses.append(Miss(path, "doc_type", expected["doc_type"], outcome.doc_type.value))
        for name, expected_value in expected["fields"].items():
            for unit, want, got in _field_units(name, expected_value, found_fields.get(name)):
                tallies = (
                    report.by_split[split],
                    report.by_field[name],
                    report.by_type_field[f"{expected['doc_type']}.{name}"],
                )
                if want is None and got is None:
                    continue
                if want is not None and got is not None and values_equal(want, got):
                    for t in tallies:
                        t.tp += 1
                    continue
                for t in tallies:
                    if got is not None:
                        t.fp += 1
                    if want is not None:
                        t.fn += 1
                report.misses.append(Miss(path, unit, want, got))
        if split == "scanned" and expected["doc_type"] == "assay_certificate":
            missed = {m.field.split(".")[0] for m in report.misses[misses_before:]}
            whole = isinstance(outcome, ExtractedDocument) and not missed & {"composition_pct", "doc_type"}
            report.scanned_compositions[0] += whole
            report.scanned_compositions[1] += 1
    return report


def format_report(report: Report, fields: bool = True) -> str:
    data = report.as_dict()
    lines = [
        f"documents: {data['documents']}   doc-type accuracy: {data['doc_type_accuracy']:.3f}   "
        f"rejected: {len(data['rejected'])}",
        "",
        f"{'split':<10} {'doc-type acc':>12} {'precision':>10} {'recall':>8} {'micro-F1':>9}",
    ]
    for split, t in data["fields_by_split"].items():
        acc = data["doc_type_accuracy_by_split"].get(split, 0.0)
        lines.append(f"{split:<10} {acc:>12.3f} {t['precision']:>10.3f} {t['recall']:>8.3f} {t['f1']:>9.3f}")
    if not fields:
        return "\n".join(lines)
    lines += ["", f"{'field':<20} {'precision':>10} {'recall':>8} {'F1':>7} {'tp':>5} {'fp':>4} {'fn':>4}"]
    for name, t in data["fields"].items():
        scores = f"{t['precision']:>10.3f} {t['recall']:>8.3f} {t['f1']:>7.3f}"
        lines.append(f"{name:<20} {scores} {t['tp']:>5} {t['fp']:>4} {t['fn']:>4}")
    return "\n".join(lines)


def format_checks(checks: dict[str, Any]) -> str:
    """Shipment flags and recall per check, as printed by `oretrace eval`."""
    flag = checks["flag"]

    def num(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    lines = [
        f"shipments flagged: precision {num(flag['precision'])}  recall {num(flag['recall'])}  "
        f"F1 {num(flag['f1'])}  (missed {flag['missed']}, wrongly flagged {flag['wrongly_flagged']})",
        f"clean shipments with a finding above low: {checks['clean_with_findings']['count']}",
        "",
        f"{'check':<28} {'expected':>8} {'found':>6} {'recall':>7} {'unexpected':>10}",
    ]
    for check, row in checks["per_check"].items():
        lines.append(
            f"{check:<28} {row['expected']:>8} {row['hit']:>6} {num(row['recall']):>7} {len(row['unexpected']):>10}"
        )
    return "\n".join(lines)
