"""The progress bar of `oretrace run`: documents extracted out of those in the inbox, on standard error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Shorter batches finish before a bar would tell the user anything.
MIN_DOCUMENTS = 10


@contextmanager
def document_progress(inbox: Path, min_documents: int = MIN_DOCUMENTS) -> Iterator[None]:
    """Show a bar while the block runs when the inbox holds at least min_documents files."""
    from oretrace.inbox import list_loose_files, list_shipments

    total = sum(len(s.files) for s in list_shipments(inbox)) + len(list_loose_files(inbox))
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

    from oretrace import progress

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
