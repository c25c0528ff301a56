"""`oretrace deploy`: the watch pass as a Prefect deployment, served from this process to a Prefect server."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from prefect import flow

from oretrace.config import Settings, get_settings
from watch.discover import scan_inbox
from watch.ledger import claim_shipment, release_claim, worker_identity
from watch.models import BatchReport, WatchPlaces
from watch.steps import engine_for

log = logging.getLogger("oretrace.deploy")


def places_for(settings: Settings, inbox: Path, archive: Path | None, quarantine: Path | None) -> WatchPlaces:
    home = settings.home.resolve()
    return WatchPlaces(
        inbox=inbox.resolve(),
        archive=(archive or home / "archive").resolve(),
        quarantine=(quarantine or home / "quarantine").resolve(),
        settings=settings,
        worker_id=worker_identity(),
        lease_seconds=settings.watch_lease_seconds,
    )


@flow(name="watch-pass", flow_run_name="pass over {inbox}", log_prints=True)
def watch_pass(inbox: str, archive: str | None = None, quarantine: str | None = None) -> list[BatchReport]:
    """One pass over every shipment folder of the inbox, each as a `watch-shipment` sub-flow run.

    For scheduled or UI-triggered runs: it takes the folders as they are (no quiet period), so schedule it
    where files are dropped whole (moved in, not copied slowly), or use `oretrace watch` instead.
    """
    from store.db import migrate
    from watch.flow import shipment_flow

    settings = get_settings()
    places = places_for(
        settings, Path(inbox), Path(archive) if archive else None, Path(quarantine) if quarantine else None
    )
    engine = engine_for(places.database_url)
    migrate(engine)
    reports = []
    for snapshot in scan_inbox(places.inbox):
        if not snapshot.files:
            continue
        claim = claim_shipment(engine, snapshot.shipment_id, str(places.inbox), places.worker_id, places.lease_seconds)
        if claim is None:
            print(f"{snapshot.shipment_id}: claimed by another watcher, skipped")
            continue
        error = None
        try:
            reports.append(shipment_flow(places=places, claim=claim, snapshot=snapshot))
        except Exception as err:
            error = f"{type(err).__name__}: {err}"
            print(f"{snapshot.shipment_id}: {error}")
        finally:
            release_claim(engine, claim, error)
    return reports


def serve(settings: Settings, name: str, inbox: Path | None, interval: float | None) -> None:
    if not os.environ.get("PREFECT_API_URL"):
        log.warning("PREFECT_API_URL is not set: serving to a temporary local server no UI can reach")
    parameters = {"inbox": str(inbox)} if inbox else {}
    watch_pass.serve(name=name, parameters=parameters, interval=interval if inbox and interval else None)
