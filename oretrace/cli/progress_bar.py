"""The progress bar of `oretrace run`: documents extracted out of those in the inbox, on standard error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# Shorter batches finish before a bar would tell the user anything.
MIN_DOCUMENTS = 10


@contextmanager
def document_progress(total: int, min_documents: int = MIN_DOCUMENTS) -> Iterator[None]:
    """Show a bar over `total` documents while the block runs, when there are at least min_documents."""
    if total < min_documents:
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
        TextColumn("documents"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("documents", total=total)

        def on_advance(what: str, count: int) -> None:
            if what == "documents":
                bar.advance(task, count)

        with progress.listening(on_advance):
            yield
