"""`oretrace deploy`: the watch pass as a Prefect deployment, served from this process to a Prefect server."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from prefect import flow

from oretrace.core.config import Settings, get_settings
from oretrace.flows.watch_shipment import shipment_flow
from oretrace.store.db import migrate
from oretrace.watch.discover import scan_inbox
from oretrace.watch.ledger import claim_shipment, release_claim, worker_identity
from oretrace.watch.models import BatchReport, WatchPlaces
from oretrace.watch.steps import engine_for

log = logging.getLogger("oretrace.deploy")


@flow(name="watch-pass", flow_run_name="pass over {inbox}", log_prints=True)
def watch_pass(inbox: str, archive: str | None = None, quarantine: str | None = None) -> list[BatchReport]:
    """One pass over every shipment folder of the inbox, each as a `watch-shipment` sub-flow run.

    For scheduled or UI-triggered runs: it takes the folders as they are (no quiet period), so schedule it
    where files are dropped whole (moved in, not copied slowly), or use `oretrace watch` instead.
    """
    settings = get_settings()
    places = WatchPlaces.of(
        settings,
        Path(inbox),
        worker_identity(),
        archive=Path(archive) if archive else None,
        quarantine=Path(quarantine) if quarantine else None,
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
