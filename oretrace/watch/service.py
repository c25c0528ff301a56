"""The long-running loop: scan, wait for quiet shipments, claim, process, archive; until SIGTERM or SIGINT.

File-system events (watchdog: inotify, or polling for network shares) only wake the loop early; every
decision comes from a fresh scan, so a missed event costs at most one poll interval.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from types import FrameType
from typing import Any

from oretrace.watch import steps
from oretrace.watch.discover import scan_inbox
from oretrace.watch.ledger import ClaimLost, beat, claim_shipment, release_claim, renew_claim
from oretrace.watch.models import BatchReport, Claim, ShipmentSnapshot, WatchPlaces
from oretrace.watch.stability import StabilityTracker

log = logging.getLogger("oretrace.watch")

ProcessShipment = Callable[[WatchPlaces, Claim, ShipmentSnapshot], BatchReport]
RETRY_AFTER_ERROR_SECONDS = 30.0


class ClaimKeeper:
    """Renews the current claim's lease and the heartbeat from a thread while the main thread works."""

    def __init__(self, places: WatchPlaces, started_at: datetime, interval: float) -> None:
        self.places = places
        self.started_at = started_at
        self.interval = interval
        self.claim: Claim | None = None
        self.lost = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="claim-keeper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def hold(self, claim: Claim | None) -> None:
        self.claim, self.lost = claim, False

    def _run(self) -> None:
        engine = steps.engine_for(self.places.database_url)
        while not self._stop.wait(self.interval):
            claim = self.claim
            try:
                if claim is not None and not renew_claim(engine, claim, self.places.lease_seconds):
                    self.lost = True
                    log.warning("claim on %s was taken over by another watcher", claim.shipment_id)
                beat(
                    engine,
                    self.places.worker_id,
                    str(self.places.inbox),
                    self.started_at,
                    "running",
                    claim.shipment_id if claim else None,
                )
            except Exception:  # a store hiccup must not kill the keeper; the next round tries again
                log.exception("heartbeat failed")


class WatchService:
    def __init__(
        self,
        places: WatchPlaces,
        process: ProcessShipment,
        quiet_seconds: float,
        poll_seconds: float,
        use_polling_observer: bool = False,
        retry_seconds: float = RETRY_AFTER_ERROR_SECONDS,
    ) -> None:
        self.places = places
        self.process = process
        self.tracker = StabilityTracker(quiet_seconds)
        self.poll_seconds = poll_seconds
        self.use_polling_observer = use_polling_observer
        self.retry_seconds = retry_seconds
        self.stop_requested = threading.Event()
        self.wake = threading.Event()
        self.started_at = datetime.now(UTC)
        self.reports: list[BatchReport] = []

    # --- signals and events -------------------------------------------------------------------------------

    def install_signal_handlers(self) -> None:
        def handle(signum: int, _frame: FrameType | None) -> None:
            if self.stop_requested.is_set():
                raise KeyboardInterrupt  # a second signal: stop now, the next start resumes the work
            log.warning("signal %s: finishing the current shipment, then stopping", signal.Signals(signum).name)
            self.stop_requested.set()
            self.wake.set()

        signal.signal(signal.SIGTERM, handle)
        signal.signal(signal.SIGINT, handle)

    def _start_observer(self) -> Any:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        wake = self.wake

        class Wake(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                wake.set()

        for factory in ([] if self.use_polling_observer else [Observer]) + [PollingObserver]:
            observer = factory(timeout=self.poll_seconds) if factory is PollingObserver else factory()
            try:
                observer.schedule(Wake(), str(self.places.inbox), recursive=True)
                observer.start()
            except OSError as err:  # e.g. the inotify watch limit: fall back to polling
                log.warning("%s unavailable (%s); polling instead", factory.__name__, err)
                continue
            log.info("watching %s with %s", self.places.inbox, type(observer).__name__)
            return observer
        return None

    # --- the loop -----------------------------------------------------------------------------------------

    def run(self, max_passes: int | None = None) -> list[BatchReport]:
        engine = steps.engine_for(self.places.database_url)
        keeper = ClaimKeeper(self.places, self.started_at, interval=max(1.0, self.places.lease_seconds / 4))
        beat(engine, self.places.worker_id, str(self.places.inbox), self.started_at, "running", None)
        keeper.start()
        observer = self._start_observer()
        try:
            passes = 0
            while not self.stop_requested.is_set():
                self.wake.clear()
                self.run_once(keeper)
                passes += 1
                if max_passes is not None and passes >= max_passes:
                    break
                # Soon while something settles (stability is measured by scanning), else at the poll interval.
                timeout = (
                    min(self.poll_seconds, self.tracker.quiet_seconds / 3 + 0.05)
                    if self.tracker.pending()
                    else self.poll_seconds
                )
                self.wake.wait(timeout)
                if self.tracker.pending():
                    # Events keep coming while a file is written; wait the short interval anyway.
                    self.stop_requested.wait(min(0.5, self.tracker.quiet_seconds / 3))
        finally:
            if observer is not None:
                observer.stop()
                observer.join(timeout=10)
            keeper.stop()
            try:
                beat(engine, self.places.worker_id, str(self.places.inbox), self.started_at, "stopped", None)
            except Exception:
                log.exception("could not record the stop in the store")
        return self.reports

    def run_once(self, keeper: ClaimKeeper | None = None) -> None:
        try:
            snapshots = scan_inbox(self.places.inbox)
        except OSError as err:
            log.error("cannot scan %s: %s", self.places.inbox, err)
            return
        before = len(self.reports)
        for snapshot in self.tracker.observe(snapshots):
            if self.stop_requested.is_set():
                break
            self.handle(snapshot, keeper)
        if len(self.reports) > before:
            log.info("%s", pass_summary(self.reports[before:]))

    def handle(self, snapshot: ShipmentSnapshot, keeper: ClaimKeeper | None) -> None:
        engine = steps.engine_for(self.places.database_url)
        try:
            claim = claim_shipment(
                engine, snapshot.shipment_id, str(self.places.inbox), self.places.worker_id, self.places.lease_seconds
            )
        except Exception:  # the store is unreachable: keep watching, try again later
            log.exception("cannot claim %s", snapshot.shipment_id)
            self.tracker.handled(snapshot, retry_after=self.retry_seconds)
            return
        if claim is None:
            log.info("%s is being processed by another watcher", snapshot.shipment_id)
            self.tracker.handled(snapshot, retry_after=self.places.lease_seconds / 2)
            return
        if keeper is not None:
            keeper.hold(claim)
        error: str | None = None
        try:
            report = self.process(self.places, claim, snapshot)
            self.reports.append(report)
            log.info(
                "%s: %d processed, %d quarantined, %d duplicates, %d moved; %s",
                snapshot.shipment_id or "(inbox root)",
                report.processed,
                report.quarantined,
                report.duplicates,
                report.moved,
                f"verdict {report.verdict}" if report.verdict else "nothing new to check",
            )
            if report.errors:
                error = "; ".join(report.errors)
        except ClaimLost as err:
            log.warning("%s", err)
            error = str(err)
        except Exception as err:  # one shipment's failure must not stop the service
            log.exception("processing %s failed", snapshot.shipment_id)
            error = f"{type(err).__name__}: {err}"
        finally:
            if keeper is not None:
                keeper.hold(None)
            try:
                release_claim(engine, claim, error)
            except Exception:
                log.exception("releasing the claim on %s failed; its lease will expire", snapshot.shipment_id)
        self.tracker.handled(snapshot, retry_after=self.retry_seconds if error else None)


def pass_summary(reports: list[BatchReport]) -> str:
    """One line for a pass over the inbox: how many of the shipments it checked are flagged, and the files."""
    checked = [r for r in reports if r.verdict]
    flagged = sum(r.verdict == "flagged" for r in checked)
    return (
        f"pass: {flagged} of {len(checked)} shipments flagged; {sum(r.processed for r in reports)} documents "
        f"recorded, {sum(r.duplicates for r in reports)} duplicates, {sum(r.quarantined for r in reports)} quarantined"
    )


def plain_process(places: WatchPlaces, claim: Claim, snapshot: ShipmentSnapshot) -> BatchReport:
    return steps.process_claimed(places, claim, snapshot)
