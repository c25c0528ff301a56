"""The benchmark's own parts on a tiny corpus: no timing is asserted, only that the parts work."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pypdfium2

from benchmarks import portfolio
from benchmarks.bench import table
from benchmarks.corpus import CorpusSizes, build
from benchmarks.measures import Figure, character_accuracy


def test_character_accuracy_counts_edits_against_the_truth() -> None:
    assert character_accuracy([("Net weight 19,980 kg", "Net  weight\n19,980 kg")]) == 1.0
    assert character_accuracy([("Net weight 19.980 kg", "Net weight 19,980 kg")]) == 1 - 1 / 20
    assert character_accuracy([("", "abcd"), ("abcd", "abcd")]) == 0.5


def test_corpus_copies_have_their_own_content_hash(tmp_path: Path) -> None:
    sizes = CorpusSizes(scans=2, batch=60, long_pdf_pages=3, core_scans=1, ocrmypdf_scans=1, backlog_shipments=40,
                        backlog_baseline_shipments=2)  # fmt: skip
    corpus = build(tmp_path, sizes)
    assert len(corpus.scans) == 2 and all(corpus.page_text[p] for p in corpus.scans)
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.batch}
    assert len(corpus.batch) == len(digests) == 60
    assert len(corpus.digital) < 60  # so some batch documents are copies, told apart by their hash
    document = pypdfium2.PdfDocument(str(corpus.long_pdf))
    try:
        assert len(document) == 3
    finally:
        document.close()
    # The backlog: shipment folders whose files are the born-digital samples' bytes (so extraction is cached).
    backlog = sorted(p for p in corpus.backlog_inbox.iterdir() if p.is_dir())
    assert len(backlog) == 40 and len(list(corpus.backlog_baseline_inbox.iterdir())) == 2
    digital = {hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.digital}
    copies = [f for folder in backlog for f in folder.iterdir()]
    assert copies and {hashlib.sha256(f.read_bytes()).hexdigest() for f in copies} <= digital
    # The small-run shipments: four born-digital documents each, none shared between them.
    assert len(corpus.small_shipments) == sizes.small_run_rounds + 1
    small = [sorted(f.read_bytes() for f in folder.iterdir()) for folder in corpus.small_shipments]
    assert all(len(files) == 4 for files in small)
    assert len({data for files in small for data in files}) == 4 * len(small)
    assert {hashlib.sha256(d).hexdigest() for files in small for d in files} <= digital
    again = build(tmp_path, sizes)  # reused, not rebuilt
    assert again.batch == corpus.batch and again.long_pdf.stat().st_mtime == corpus.long_pdf.stat().st_mtime


def test_table_shows_each_figure_with_its_baseline() -> None:
    figure = Figure(key="cores", title="Cores", value=10.0, unit="s", baseline="1 worker", baseline_value=18.0,
                    ratio=1.8, ratio_meaning="1 worker / 2 workers", target=">= 1.8", met=True)  # fmt: skip
    text = table([figure])
    assert "| Cores | 10 s | 1 worker: 18 | 1.8 (1 worker / 2 workers) | >= 1.8 | yes |" in text


def test_the_portfolio_benchmark_fills_a_store_and_times_the_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'portfolio.db'}"
    assert portfolio.fill(url, 2_000) > 0
    seconds, findings = portfolio.time_portfolio(url, tmp_path / "home")
    # The benign bulk adds nothing to the five planted findings.
    assert seconds > 0 and findings == 5
