"""The progress display of `oretrace run` on standard error: one bar per stage, from the first document read to
the summary, so no stage of a long run passes in silence."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# Shorter batches finish before a bar would tell the user anything.
MIN_DOCUMENTS = 10

# (event the flow reports with oretrace.pipeline.progress.advance, label); "read ahead" counts towards the
# documents too (they are read while Prefect starts, then found in the cache by the flow).
STAGES = (
    ("documents", "read and classify documents"),
    ("checked", "check shipments"),
    ("stored", "store shipments"),
    ("summary", "summarise the run"),
)


@contextmanager
def run_progress(documents: int, shipments: int, min_documents: int = MIN_DOCUMENTS) -> Iterator[None]:
    """Show a bar per stage while the block runs, when there are at least min_documents documents."""
    if documents < min_documents:
        yield
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from oretrace.pipeline import progress

    columns = (
        TextColumn("{task.description:<28}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    totals = {"documents": documents, "checked": shipments, "stored": shipments, "summary": 1}
    with Progress(*columns, console=Console(stderr=True)) as bar:
        tasks = {event: bar.add_task(label, total=totals[event], start=False) for event, label in STAGES}
        counts = dict.fromkeys([*totals, "read ahead"], 0)

        def on_advance(what: str, count: int) -> None:
            if what not in counts:
                return
            counts[what] += count
            event = "documents" if what == "read ahead" else what
            done = max(counts["documents"], counts["read ahead"]) if event == "documents" else counts[event]
            bar.start_task(tasks[event])  # its clock starts with its first piece of work
            bar.update(tasks[event], completed=min(done, totals[event]))

        with progress.listening(on_advance):
            yield
