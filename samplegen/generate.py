"""Orchestration: plan -> shipments -> styles -> rendered (and scanned) files -> ground truth."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samplegen import GENERATOR_NAME, machine_readable
from samplegen.assign import assign_styles
from samplegen.facts import Shipment, build_shipment
from samplegen.families import family_of
from samplegen.layouts import assay, invoice, origin, packing
from samplegen.layouts.common import Ctx, Rendered
from samplegen.profiles import load_profiles
from samplegen.readme import write_readme
from samplegen.reference import REFERENCE_DIR, load_samplegen_reference
from samplegen.scan import ScanSettings, choose_settings, scan_document
from samplegen.scenarios import CHECKS, DOC_TYPES, EXTRA_PLANS, PLANS
from samplegen.styles import DocStyle
from samplegen.truth import shipment_truth

RENDERERS = {
    "commercial_invoice": invoice.render,
    "packing_list": packing.render,
    "certificate_of_origin": origin.render,
    "assay_certificate": assay.render,
}
N_TWO_PAGE_PACKING_LISTS = 3


@dataclass
class Summary:
    out: Path
    documents: int = 0
    shipments: int = 0
    bytes_total: int = 0
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    stamps_skipped: int = 0


def _seed_int(*parts: object) -> int:
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _render(s: Shipment, st: DocStyle) -> Rendered:
    return RENDERERS[st.doc_type](Ctx(s, st))


def _scan_job(job: tuple[bytes, list, ScanSettings, int]) -> tuple[bytes, int]:
    pdf, drawn, settings, seed = job
    return scan_document(pdf, drawn, settings, seed)


FAMILY_SETS = ("all", "original")


def generate(
    out: Path,
    seed: int,
    ref_dir: Path = REFERENCE_DIR,
    jobs: int | None = None,
    scans: bool = True,
    families: str = "all",
) -> Summary:
    """Write the samples to `out`. With scans=False (for fast tests) documents meant to be scanned are written
    as their born-digital PDF; the ground truth and page texts are the same either way. `families="original"`
    draws only the twelve layout families the extractors were built on, with the original thirty shipments
    (sample_docs); "all" adds the later families and the shipments whose trade lanes use them."""
    if families not in FAMILY_SETS:
        raise ValueError(f"families must be one of {FAMILY_SETS}")
    all_families = families == "all"
    ref = load_samplegen_reference(ref_dir)
    profiles = load_profiles(ref_dir / "assay_profiles.csv")
    rng = random.Random(_seed_int(GENERATOR_NAME, seed, "plan"))
    plans = list(PLANS) + (list(EXTRA_PLANS) if all_families else [])
    rng.shuffle(plans)
    with_pl = [p.key for p in plans if p.missing != "packing_list"]
    two_page_pl = set(rng.sample(with_pl, N_TWO_PAGE_PACKING_LISTS))
    shipments = [
        build_shipment(
            plan,
            f"SHP-2025-{i + 1:04d}",
            i,
            ref,
            profiles,
            random.Random(_seed_int(seed, "shipment", plan.key)),
            plan.key in two_page_pl,
        )
        for i, plan in enumerate(plans)
    ]
    styles = assign_styles(shipments, two_page_pl, rng, all_families)

    inbox = out / "inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir(parents=True)
    summary = Summary(out=out, shipments=len(shipments))
    documents: list[dict[str, Any]] = []
    page_text: dict[str, list[str]] = {}
    shipment_records: list[dict[str, Any]] = []
    rendered_docs: list[tuple[Shipment, DocStyle, Rendered]] = []
    for s in shipments:
        for dt in DOC_TYPES:
            st = styles.get((s.shipment_id, dt))
            if st is not None:
                rendered_docs.append((s, st, _render(s, st)))
    scan_jobs = []
    for s, st, rendered in rendered_docs:
        if st.scanned and scans:
            doc_seed = _seed_int(seed, s.shipment_id, st.doc_type, "scan")
            settings = choose_settings(st.fmt, st.noise, st.language, random.Random(doc_seed))
            scan_jobs.append((rendered.pdf, rendered.drawn, settings, doc_seed))
    workers = jobs if jobs is not None else min(4, os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            scanned = list(pool.map(_scan_job, scan_jobs))
    else:
        scanned = [_scan_job(job) for job in scan_jobs]
    scanned_iter = iter(scanned)

    by_shipment: dict[str, dict[str, dict[str, Any]]] = {}
    texts: dict[str, list[str]] = {}
    for s, st, rendered in rendered_docs:
        data = rendered.pdf
        if st.scanned and scans:
            data, skipped = next(scanned_iter)
            summary.stamps_skipped += skipped
        folder = inbox / s.shipment_id
        folder.mkdir(exist_ok=True)
        (folder / st.filename).write_bytes(data)
        rel = f"inbox/{s.shipment_id}/{st.filename}"
        by_shipment.setdefault(s.shipment_id, {})[st.doc_type] = rendered.fields
        texts.setdefault(s.shipment_id, []).extend(rendered.page_texts)
        page_text[rel] = rendered.page_texts
        documents.append(
            {
                "path": rel,
                "shipment_id": s.shipment_id,
                "doc_type": st.doc_type,
                "scanned": st.scanned,
                "format": st.fmt,
                "pages": len(rendered.page_texts),
                "language": st.language,
                "layout": st.layout,
                "family": family_of(st.doc_type, st.layout).id,
                "fields": rendered.fields,
            }
        )
        summary.bytes_total += len(data)
    for s in shipments:
        printed = any(s.smelter.printed in t for t in texts.get(s.shipment_id, []))
        record = shipment_truth(s, ref, profiles, by_shipment.get(s.shipment_id, {}), printed)
        record["families"] = [d["family"] for d in documents if d["shipment_id"] == s.shipment_id]
        shipment_records.append(record)
    # Then the shipments whose paperwork carries its own data (e-invoice XML, QR codes) and the hostile files.
    drawn = machine_readable.write(inbox, len(shipments) + 1)
    for item in drawn:
        documents.extend(item.documents)
        shipment_records.append(item.shipment)
        summary.bytes_total += sum(len(data) for data in item.files.values())
    summary.shipments += len(drawn)
    used_families = sorted({d["family"] for d in documents})

    truth = {
        "synthetic": True,
        "generator": GENERATOR_NAME,
        "seed": seed,
        "families_drawn": families,
        "note": "All companies, people, certificates and numbers are fictional; places and HS codes are real.",
        "check_definitions": CHECKS,
        "families": {f: family_of(*f.split("/")).record() for f in used_families},
        "documents": documents,
        "shipments": shipment_records,
    }
    (out / "ground_truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "page_text.json").write_text(json.dumps(page_text, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_readme(out / "README.md", truth)
    summary.documents = len(documents)
    summary.counts = _counts(documents, shipment_records)
    return summary


def _counts(documents: list[dict[str, Any]], shipments: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    return {
        "doc_type": Counter(d["doc_type"] for d in documents),
        "format": Counter(d["format"] + (" (scan)" if d["scanned"] else "") for d in documents),
        "language": Counter(d["language"] for d in documents),
        "layout": Counter(f"{d['doc_type']}/{d['layout']}" for d in documents),
        "pages": Counter(str(d["pages"]) for d in documents),
        "scenario": Counter(s["scenario"] for s in shipments),
        "check": Counter(c for s in shipments for c in s["expected_checks"]),
    }
