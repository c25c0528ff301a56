"""The benchmark corpus, built once from the bundled synthetic samples and reused: inboxes of scans, of
born-digital documents, a 200-document batch and a long scanned PDF.

Copies of one document get a distinct PDF comment appended after its end, so that each copy has its own
sha256 (no cache hit within a run) while every reader sees the same content.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_docs"
SCAN_FORMATS = ("png", "jpg", "tiff")  # image files raw Tesseract reads directly
LONG_PDF_DPI = 200
CORPUS_FORMAT = "1"  # bumped when the corpus layout changes


@dataclass(frozen=True)
class CorpusSizes:
    scans: int = 35
    batch: int = 200
    long_pdf_pages: int = 500
    core_scans: int = 10
    ocrmypdf_scans: int = 35
    backlog_shipments: int = 2000
    backlog_baseline_shipments: int = 20
    small_run_rounds: int = 3  # born-digital shipments of four documents run after a first one
    # Not documents: synthetic shipment facts written straight into the store (benchmarks/portfolio.py).
    portfolio_shipments: int = 100_000


SMALL = CorpusSizes(scans=4, batch=12, long_pdf_pages=6, core_scans=2, ocrmypdf_scans=2, backlog_shipments=30,
                    backlog_baseline_shipments=3, small_run_rounds=1, portfolio_shipments=2_000)  # fmt: skip


@dataclass(frozen=True)
class Corpus:
    root: Path
    scans_inbox: Path
    scans: tuple[Path, ...]
    digital_inbox: Path
    digital: tuple[Path, ...]
    batch_inbox: Path
    batch: tuple[Path, ...]
    empty_inbox: Path
    long_pdf: Path
    long_pdf_pages: int
    backlog_inbox: Path  # many shipments, each a hard-linked copy of a born-digital sample shipment
    backlog_baseline_inbox: Path  # the first few of them
    small_shipments: tuple[Path, ...]  # folders of four born-digital documents, one of each type
    page_text: dict[Path, list[str]]  # ground truth text per page of each scan, by its path in the corpus


def planned_documents(truth: dict) -> list[dict]:
    """The documents of the planned sample shipments: the machine-readable ones drawn after them (a few one-page
    e-invoices and certificates, samplegen/machine_readable.py) are left out, so the figures stay comparable."""
    planned = {s["shipment_id"] for s in truth["shipments"] if s.get("plan") != "machine_readable"}
    return [d for d in truth["documents"] if d["shipment_id"] in planned]


def _truth() -> list[dict]:
    return planned_documents(json.loads((SAMPLES / "ground_truth.json").read_text()))


def _copy_into(inbox: Path, relative: str, data: bytes) -> Path:
    target = inbox / relative
    if not target.exists() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return target


def _long_scan_page() -> Image.Image:
    """One sparse letter page rendered at 200 dpi grayscale, as a flatbed scanner would deliver it."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    lines = ["CONTINUATION SHEET", "Shipment: SHP-BENCH-0001", "Lot: ANT-2025-117", "Net weight: 19,980 kg",
             "Remarks: synthetic page for the memory benchmark"]  # fmt: skip
    y = A4[1] - 90
    for index, text in enumerate(lines):
        pdf.setFont("Helvetica-Bold" if index == 0 else "Helvetica", 16 if index == 0 else 11)
        pdf.drawString(72, y, text)
        y -= 28
    pdf.showPage()
    pdf.save()
    document = pypdfium2.PdfDocument(buffer.getvalue())
    try:
        return document[0].render(scale=LONG_PDF_DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def _write_long_pdf(path: Path, pages: int) -> None:
    page = _long_scan_page()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    # The same image object repeated: PIL encodes page after page without holding 500 copies.
    page.save(tmp, format="PDF", save_all=True, append_images=[page] * (pages - 1), resolution=LONG_PDF_DPI)
    tmp.replace(path)


def build(root: Path, sizes: CorpusSizes) -> Corpus:
    """Create what is missing under `root` and return the corpus; unchanged parts are reused."""
    root = root / f"v{CORPUS_FORMAT}"
    truth = _truth()
    page_text = json.loads((SAMPLES / "page_text.json").read_text())

    scan_docs = [d for d in truth if d["scanned"] and d["format"] in SCAN_FORMATS and d["pages"] == 1]
    if len(scan_docs) < sizes.scans:
        raise SystemExit(f"the samples hold {len(scan_docs)} single-page scans; {sizes.scans} were asked for")
    scans_inbox = root / f"scans-{sizes.scans}" / "inbox"
    scans = tuple(_copy_into(scans_inbox, d["path"].removeprefix("inbox/"), (SAMPLES / d["path"]).read_bytes())
                  for d in scan_docs[: sizes.scans])  # fmt: skip
    texts = {path: page_text[d["path"]] for path, d in zip(scans, scan_docs, strict=False)}

    digital_docs = [d for d in truth if not d["scanned"]]
    digital_inbox = root / "digital" / "inbox"
    digital = tuple(_copy_into(digital_inbox, d["path"].removeprefix("inbox/"), (SAMPLES / d["path"]).read_bytes())
                    for d in digital_docs)  # fmt: skip

    batch_inbox = root / f"batch-{sizes.batch}" / "inbox"
    batch = []
    for index in range(sizes.batch):
        doc = digital_docs[index % len(digital_docs)]
        copy = index // len(digital_docs)
        data = (SAMPLES / doc["path"]).read_bytes()
        if copy:
            data += f"\n%oretrace-benchmark copy {copy}\n".encode()
        relative = Path(doc["path"].removeprefix("inbox/"))
        shipment = f"{relative.parts[0]}-c{copy}"
        batch.append(_copy_into(batch_inbox, f"{shipment}/{relative.name}", data))

    backlog_inbox = _backlog(root / f"backlog-{sizes.backlog_shipments}" / "inbox", digital, digital_inbox,
                             sizes.backlog_shipments)  # fmt: skip
    backlog_baseline_inbox = _backlog(root / f"backlog-{sizes.backlog_baseline_shipments}" / "inbox", digital,
                                      digital_inbox, sizes.backlog_baseline_shipments)  # fmt: skip

    # The samples' born-digital documents of each type, the i-th of each type in shipment folder i.
    by_type: dict[str, list[dict]] = {}
    for d in digital_docs:
        by_type.setdefault(d["doc_type"], []).append(d)
    small_shipments = tuple(
        _copy_into(root / "small" / f"SMALL-{index}", Path(d["path"]).name, (SAMPLES / d["path"]).read_bytes()).parent
        for index in range(sizes.small_run_rounds + 1)
        for d in (documents[index] for documents in by_type.values())
    )
    small_shipments = tuple(dict.fromkeys(small_shipments))

    empty_inbox = root / "empty" / "inbox"
    empty_inbox.mkdir(parents=True, exist_ok=True)

    long_pdf = root / f"long-{sizes.long_pdf_pages}" / "inbox" / "SHP-LONG" / f"scan-{sizes.long_pdf_pages}.pdf"
    if not long_pdf.exists():
        _write_long_pdf(long_pdf, sizes.long_pdf_pages)

    return Corpus(
        root=root,
        scans_inbox=scans_inbox,
        scans=scans,
        digital_inbox=digital_inbox,
        digital=digital,
        batch_inbox=batch_inbox,
        batch=tuple(batch),
        empty_inbox=empty_inbox,
        long_pdf=long_pdf,
        long_pdf_pages=sizes.long_pdf_pages,
        backlog_inbox=backlog_inbox,
        backlog_baseline_inbox=backlog_baseline_inbox,
        small_shipments=small_shipments,
        page_text=texts,
    )


def _backlog(inbox: Path, digital: tuple[Path, ...], digital_inbox: Path, shipments: int) -> Path:
    """`shipments` folders, the i-th holding hard links to the born-digital files of sample shipment i mod n:
    the same bytes, so after the first copy of each document extraction comes from the cache, and what is
    measured is what a long run holds in memory."""
    samples: dict[str, list[Path]] = {}
    for path in digital:
        samples.setdefault(path.relative_to(digital_inbox).parts[0], []).append(path)
    names = sorted(samples)
    for index in range(shipments):
        name = names[index % len(names)]
        folder = inbox / f"{name}-b{index:04d}"
        if folder.is_dir():
            continue
        folder.mkdir(parents=True)
        for path in samples[name]:
            try:
                os.link(path, folder / path.name)
            except OSError:  # another file system
                shutil.copy2(path, folder / path.name)
    return inbox


def remove(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
