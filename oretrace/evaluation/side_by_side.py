"""Every figure of `oretrace eval` for the unseen and the seen split, in adjacent columns, unseen first."""

from __future__ import annotations

from typing import Any

from oretrace.evaluation.ground_truth import Report

Side = tuple[Report, dict[str, Any], int]  # documents scored, shipment scores, number of clean shipments


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _f1(report: Report, split: str) -> str:
    tally = report.by_split.get(split)
    if tally is None or tally.tp + tally.fp + tally.fn == 0:
        return "-"
    return f"{tally.f1:.3f}"


def _field_f1(report: Report, key: str) -> str:
    tally = report.by_type_field.get(key)
    if tally is None or tally.tp + tally.fp + tally.fn == 0:
        return "-"
    return f"{tally.f1:.3f}"


# Fields of one document type with a figure of their own: what a certificate of origin must be read for.
TYPE_FIELD_ROWS = {
    "certificate of origin, invoice number F1": "certificate_of_origin.invoice_number",
    "certificate of origin, issue date F1": "certificate_of_origin.issue_date",
    "certificate of origin, net weight F1": "certificate_of_origin.net_weight_kg",
}


def _type_accuracy(report: Report, split: str | None = None) -> str:
    if split is None:
        return _num(report.type_accuracy) if report.documents else "-"
    correct, total = report.type_by_split.get(split, [0, 0])
    return _num(correct / total) if total else "-"


def side_rows(side: Side) -> dict[str, str]:
    """The headline figures of one side, as printed."""
    report, checks, clean = side
    flag = checks["flag"]
    born = report.type_by_split.get("digital", [0, 0])[1]
    scanned = report.type_by_split.get("scanned", [0, 0])[1]
    return {
        "documents (born-digital / scanned)": f"{report.documents} ({born} / {scanned})",
        "doc-type accuracy": _type_accuracy(report),
        "field micro-F1, born-digital": _f1(report, "digital"),
        "field micro-F1, scanned": _f1(report, "scanned"),
        "shipments": str(flag["tp"] + flag["fp"] + flag["fn"] + flag["tn"]),
        "shipment flag precision": _num(flag["precision"]),
        "shipment flag recall": _num(flag["recall"]),
        "shipment flag F1": _num(flag["f1"]),
        "clean shipments with a finding above low": f"{checks['clean_with_findings']['count']} of {clean}",
        "scanned assay certificates, composition whole": _share(*report.scanned_compositions),
        **{label: _field_f1(report, key) for label, key in TYPE_FIELD_ROWS.items()},
    }


def _share(right: int, total: int) -> str:
    return f"{right / total:.3f} ({right} of {total})" if total else "-"


def format_side_by_side(sides: dict[str, Side], heading: str) -> str:
    names = list(sides)
    width = max(18, *(len(n) + 2 for n in names))
    rows = {name: side_rows(side) for name, side in sides.items()}
    label_width = 44
    lines = [heading, "", f"{'':<{label_width}}" + "".join(f"{n:>{width}}" for n in names)]
    for label in rows[names[0]]:
        lines.append(f"{label:<{label_width}}" + "".join(f"{rows[n][label]:>{width}}" for n in names))

    lines += ["", f"{'field F1 (tp/fp/fn)':<{label_width}}" + "".join(f"{n:>{width}}" for n in names)]
    fields = sorted({f for report, _, _ in sides.values() for f in report.by_field})
    for field in fields:
        cells = []
        for report, _, _ in sides.values():
            t = report.by_field.get(field)
            cells.append("-" if t is None or t.tp + t.fp + t.fn == 0 else f"{t.f1:.3f} {t.tp}/{t.fp}/{t.fn}")
        lines.append(f"{field:<{label_width}}" + "".join(f"{c:>{width}}" for c in cells))

    caption = "check recall (hit/expected, unexpected)"
    lines += ["", f"{caption:<{label_width}}" + "".join(f"{n:>{width}}" for n in names)]
    checks = sorted({c for _, scores, _ in sides.values() for c in scores["per_check"]})
    for check in checks:
        cells = []
        for _, scores, _ in sides.values():
            row = scores["per_check"].get(check)
            if row is None:
                cells.append("-")
                continue
            recall = _num(row["recall"])
            cells.append(f"{recall} {row['hit']}/{row['expected']}, {len(row['unexpected'])}")
        lines.append(f"{check:<{label_width}}" + "".join(f"{c:>{width}}" for c in cells))
    return "\n".join(lines)
