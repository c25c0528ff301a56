"""Measure the checks on a sample folder with ground truth (default: sample_docs/).

    .venv/bin/python -m checks.measure_samples --home /tmp/orehome [--samples sample_docs] [--json out.json]

Extracts every document with the real pipeline (`oretrace.pipeline.process_document`; pages come from the
OCR page cache under --home when present), groups them by shipment folder, runs all checks and scores them
against `ground_truth.json` with `checks.evaluate.score_shipments` (both ways of deciding which shipments
should be flagged). Prints the findings per shipment and the scores.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from checks import ShipmentContext, run_checks
from checks.evaluate import score_shipments
from oretrace.config import Settings
from oretrace.models import ExtractedDocument, Finding
from oretrace.pipeline import process_document
from reference_data import load_reference

REPO = Path(__file__).resolve().parents[1]


def extract_samples(samples: Path, settings: Settings) -> dict[str, list[ExtractedDocument]]:
    inbox = samples / "inbox"
    by_shipment: dict[str, list[ExtractedDocument]] = defaultdict(list)
    for path in sorted(p for p in inbox.rglob("*") if p.is_file()):
        outcome = process_document(path, inbox, settings)
        if isinstance(outcome, ExtractedDocument) and outcome.source.shipment_id:
            by_shipment[outcome.source.shipment_id].append(outcome)
        elif not isinstance(outcome, ExtractedDocument):
            print(f"rejected {outcome.source_path}: {outcome.reason}", file=sys.stderr)
    return by_shipment


def measure(samples: Path, settings: Settings) -> tuple[dict[str, list[Finding]], dict[str, Any]]:
    truth = json.loads((samples / "ground_truth.json").read_text(encoding="utf-8"))["shipments"]
    documents = extract_samples(samples, settings)
    reference = load_reference()
    findings = {
        s["shipment_id"]: run_checks(
            ShipmentContext.build(documents.get(s["shipment_id"], []), reference, shipment_id=s["shipment_id"])
        )
        for s in truth
    }
    scores = {mode: score_shipments(findings, truth, should_flag=mode) for mode in ("scenario", "expected")}
    return findings, scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=Path, default=REPO / "sample_docs")
    parser.add_argument("--home", type=Path, default=None, help="oretrace home with the OCR page cache")
    parser.add_argument("--json", type=Path, default=None, help="also write findings and scores here")
    args = parser.parse_args(argv)
    settings = Settings(home=args.home) if args.home else Settings()
    findings, scores = measure(args.samples, settings)
    for shipment_id, found in findings.items():
        print(shipment_id)
        for finding in found:
            print(f"  [{finding.severity}] {finding.check}: {finding.message}")
    print(json.dumps(scores, indent=1))
    if args.json:
        payload = {"findings": {k: [f.model_dump(mode="json") for f in v] for k, v in findings.items()}, **scores}
        args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
