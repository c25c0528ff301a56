"""`oretrace watch` (the watched-folder service), `oretrace status` and `oretrace deploy`."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oretrace.cli.common import load_settings, open_store, refuse_if_nothing_read
from oretrace.core.errors import NothingToDo
from oretrace.core.names import printable

if TYPE_CHECKING:
    from oretrace.watch.models import BatchReport


def watch(
    inbox: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="folder watched for shipment folders")],
    archive: Annotated[Path | None, typer.Option(help="where recorded files go; default ORETRACE_HOME/archive")] = None,
    quarantine: Annotated[
        Path | None, typer.Option(help="where unreadable files go; default ORETRACE_HOME/quarantine")
    ] = None,
    quiet: Annotated[float | None, typer.Option(help="seconds a shipment folder must be unchanged")] = None,
    poll: Annotated[bool, typer.Option("--poll", help="poll the folder instead of inotify (network shares)")] = False,
    poll_seconds: Annotated[float | None, typer.Option(help="seconds between scans")] = None,
    lease: Annotated[float | None, typer.Option(help="seconds a claim on a shipment lasts unless renewed")] = None,
    prefect: Annotated[
        bool, typer.Option("--prefect/--no-prefect", help="run each shipment as a Prefect flow run")
    ] = True,
    retry_seconds: Annotated[float, typer.Option(help="seconds before a failed shipment is tried again")] = 30.0,
    once: Annotated[bool, typer.Option("--once", help="one scan and pass, then exit (cron, tests)")] = False,
) -> None:
    """Watch INBOX: process each shipment folder once it is quiet, then move its files to the archive.

    Unreadable files go to quarantine with a .reason.txt. Stops cleanly on SIGTERM or Ctrl-C.
    """
    from oretrace.watch.ledger import worker_identity
    from oretrace.watch.models import WatchPlaces
    from oretrace.watch.service import WatchService, plain_process

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("alembic", "httpx"):  # one line per migration step or API request is not the operator's news
        logging.getLogger(noisy).setLevel(logging.WARNING)
    settings = load_settings()
    open_store(settings).dispose()
    places = WatchPlaces.of(settings, inbox, worker_identity(), archive, quarantine, lease)
    for folder in (places.archive, places.quarantine):
        if folder.is_relative_to(places.inbox):
            raise typer.BadParameter(f"{folder} lies inside the inbox; choose a folder outside it")
        folder.mkdir(parents=True, exist_ok=True)
    process = plain_process
    if prefect:
        from oretrace.flows.prefect_env import configure_prefect

        configure_prefect(settings)
        from oretrace.flows.watch_shipment import prefect_process

        process = prefect_process
    service = WatchService(
        places,
        process,
        quiet_seconds=settings.watch_quiet_seconds if quiet is None else quiet,
        poll_seconds=poll_seconds or settings.watch_poll_seconds,
        use_polling_observer=poll,
        retry_seconds=retry_seconds,
    )
    service.install_signal_handlers()
    if once:
        service.tracker.quiet_seconds = 0.0
        service.run_once()  # first sight of each shipment
        service.run(max_passes=1)
    else:
        service.run()
    typer.echo(f"stopped; {len(service.reports)} shipment passes", err=True)
    if once:
        _refuse_an_idle_pass(service.reports, inbox)


def _refuse_an_idle_pass(reports: list[BatchReport], inbox: Path) -> None:
    """A single pass (cron) that found no shipment file to read or settle exits 3 as `run` does, and one whose
    every file went to quarantine exits 7: a pass that read nothing must not look like a clean one. Loose files in
    the inbox root are refused unread, as by `run`, and are no shipment's documents; moving files an interrupted
    pass had already recorded is work done."""
    from oretrace.watch.models import LOOSE_FILES

    shipments = [r for r in reports if r.shipment_id != LOOSE_FILES]
    read = sum(r.processed + r.duplicates for r in shipments)
    if not any(r.processed + r.duplicates + r.quarantined + r.moved for r in shipments):
        where = printable(str(inbox))
        raise NothingToDo(
            f"nothing to do: {where} has no shipment folder with files",
            remedy=f"put each shipment's documents in a sub-folder of its own ({where}/<shipment>/)",
        )
    refuse_if_nothing_read(read, sum(r.quarantined for r in shipments), f"in {len(shipments)} shipment folders")


def status(
    inbox: Annotated[Path | None, typer.Argument(help="also count files in this inbox not yet picked up")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print as JSON")] = False,
) -> None:
    """What the watch service has waiting, running, done and quarantined; its last errors and heartbeat."""
    from oretrace.watch.status import format_status, gather_status

    engine = open_store(load_settings())
    try:
        result = gather_status(engine, inbox.resolve() if inbox else None)
    finally:
        engine.dispose()
    typer.echo(json.dumps(result.model_dump(mode="json"), indent=2) if as_json else format_status(result))


def deploy(
    name: Annotated[str, typer.Option(help="deployment name shown in the Prefect UI")] = "oretrace",
    interval: Annotated[float | None, typer.Option(help="also run a pass over INBOX every this many seconds")] = None,
    inbox: Annotated[Path | None, typer.Option(help="default inbox of the scheduled runs")] = None,
) -> None:
    """Serve the inbox flow to a Prefect server (PREFECT_API_URL), so runs can be started from its UI.

    Runs until stopped; each triggered run processes one inbox with `watch-pass` semantics (claims,
    archive, quarantine) when an inbox is given, else the read-only `process-inbox` flow.
    """
    from oretrace.flows.deployment import serve
    from oretrace.flows.prefect_env import configure_prefect

    settings = load_settings()
    configure_prefect(settings)
    serve(settings, name=name, inbox=inbox.resolve() if inbox else None, interval=interval)


def register(app: typer.Typer) -> None:
    app.command()(watch)
    app.command()(status)
    app.command()(deploy)
