"""When a shipment folder is ready: every file's size and modification time unchanged for the quiet period."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from oretrace.watch.models import ShipmentSnapshot

Signature = tuple[tuple[str, int, int], ...]


@dataclass
class _Observed:
    signature: Signature
    since: float
    # Set once the shipment was handled in this state; it is not handed out again until something changes
    # or retry_at passes (a failed pass is retried).
    handled: bool = False
    retry_at: float | None = None


class StabilityTracker:
    """Fed one scan after another; says which shipments have been quiet long enough to process.

    Stability is observed by this process (not read from timestamps), so a copy that preserves old
    modification times is still waited for, and a restarted service waits one quiet period again.
    """

    def __init__(self, quiet_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet_seconds = quiet_seconds
        self.clock = clock
        self._seen: dict[str, _Observed] = {}

    def observe(self, snapshots: Iterable[ShipmentSnapshot]) -> list[ShipmentSnapshot]:
        now = self.clock()
        ready: list[ShipmentSnapshot] = []
        present = set()
        for snapshot in snapshots:
            present.add(snapshot.shipment_id)
            signature = snapshot.signature
            observed = self._seen.get(snapshot.shipment_id)
            if observed is None or observed.signature != signature:
                self._seen[snapshot.shipment_id] = _Observed(signature, now)
                continue
            if not snapshot.files or now - observed.since < self.quiet_seconds:
                continue
            if observed.handled and (observed.retry_at is None or now < observed.retry_at):
                continue
            ready.append(snapshot)
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return ready

    def handled(self, snapshot: ShipmentSnapshot, retry_after: float | None = None) -> None:
        """The shipment was dealt with as it is now; with retry_after, try again after that many seconds."""
        observed = self._seen.get(snapshot.shipment_id)
        if observed is None or observed.signature != snapshot.signature:
            return
        observed.handled = True
        observed.retry_at = None if retry_after is None else self.clock() + retry_after

    def pending(self) -> bool:
        """Whether some shipment is still settling (so the next scan should come soon)."""
        return any(o.signature and not o.handled for o in self._seen.values())
