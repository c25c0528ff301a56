"""Score check results against ground truth (the `shipments` list of sample_docs/ground_truth.json).

    score_shipments({"SHP-2025-0001": findings_or_check_ids, ...}, truth["shipments"])

`predicted` maps shipment id -> the shipment's findings (`oretrace.models.Finding`) or just the ids of the
checks that reported something. A shipment counts as *flagged* when it has a finding above low severity;
with bare ids, an id flags when its registered severity (`CHECKS[id].severity`) is above low. Per-check
scores count every firing, low ones included (missing_document is always low and still has a recall).

Which shipments *should* be flagged (`should_flag`):

* "scenario" (default): every shipment whose scenario is not "clean";
* "expected": shipments that expect at least one check whose registered severity is above low. A laundered
  shipment whose only expected check is missing_document (low) then counts as not flaggable, which is what
  the severities promise.

Returned keys: `flag` (precision, recall, F1, confusion counts, missed and wrongly flagged ids), `per_check`
(expected/fired/hit counts, recall, precision, and the same above low severity, missed and unexpected ids),
`clean_with_findings` (clean shipments with any finding above low: count and ids; the target is 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from oretrace.checks.registry import CHECKS
from oretrace.core.models import Finding, Severity


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0


def _above_low(check_id: str) -> bool:
    check = CHECKS.get(check_id)
    return check is None or check.severity != Severity.LOW  # an unknown id is assumed to flag


def _fired(results: Sequence[str] | Sequence[Finding]) -> tuple[set[str], set[str]]:
    """(ids of checks that fired, ids of checks that fired above low severity)."""
    ids: set[str] = set()
    above_low: set[str] = set()
    for result in results:
        check_id = result.check if isinstance(result, Finding) else result
        ids.add(check_id)
        if result.severity != Severity.LOW if isinstance(result, Finding) else _above_low(result):
            above_low.add(check_id)
    return ids, above_low


def score_shipments(
    predicted: dict[str, Sequence[str] | Sequence[Finding]],
    truth: list[dict[str, Any]],
    should_flag: Literal["scenario", "expected"] = "scenario",
) -> dict[str, Any]:
    """Shipment flag precision/recall/F1, precision/recall per check, findings above low on clean shipments."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    missed: list[str] = []
    wrongly_flagged: list[str] = []
    clean_flagged: list[str] = []
    per_check: dict[str, dict[str, Any]] = {}
    for shipment in truth:
        sid = shipment["shipment_id"]
        fired, fired_above_low = _fired(predicted.get(sid, []))
        flagged = bool(fired_above_low)
        expected = set(shipment.get("expected_checks", []))
        if should_flag == "scenario":
            positive = shipment.get("scenario") != "clean"
        else:
            positive = any(_above_low(c) for c in expected)
        key = ("t" if flagged == positive else "f") + ("p" if flagged else "n")
        counts[key] += 1
        if positive and not flagged:
            missed.append(sid)
        if flagged and not positive:
            wrongly_flagged.append(sid)
        if flagged and shipment.get("scenario") == "clean":
            clean_flagged.append(sid)
        for check in expected | fired:
            row = per_check.setdefault(check, {"expected": 0, "fired": 0, "hit": 0, "fired_above_low": 0,
                                               "hit_above_low": 0, "missed": [], "unexpected": [],
                                               "unexpected_above_low": []})  # fmt: skip
            row["expected"] += check in expected
            row["fired"] += check in fired
            row["hit"] += check in expected and check in fired
            row["fired_above_low"] += check in fired_above_low
            row["hit_above_low"] += check in expected and check in fired_above_low
            if check in expected and check not in fired:
                row["missed"].append(sid)
            if check in fired and check not in expected:
                row["unexpected"].append(sid)
                if check in fired_above_low:
                    row["unexpected_above_low"].append(sid)
    precision = _ratio(counts["tp"], counts["tp"] + counts["fp"])
    recall = _ratio(counts["tp"], counts["tp"] + counts["fn"])
    for row in per_check.values():
        row["recall"] = _ratio(row["hit"], row["expected"])
        row["precision"] = _ratio(row["hit"], row["fired"])
        row["recall_above_low"] = _ratio(row["hit_above_low"], row["expected"])
        row["precision_above_low"] = _ratio(row["hit_above_low"], row["fired_above_low"])
    flag = {"should_flag": should_flag, "precision": precision, "recall": recall, "f1": _f1(precision, recall)}
    return {
        "flag": {**flag, **counts, "missed": missed, "wrongly_flagged": wrongly_flagged},
        "per_check": dict(sorted(per_check.items())),
        "clean_with_findings": {"count": len(clean_flagged), "shipments": clean_flagged},
    }
