"""What the review operations refuse with: unknown subjects, decisions not allowed, decisions that lost a race."""

from __future__ import annotations

from oretrace.core.errors import Conflict, OretraceError
from oretrace.review.models import FindingView


class NotFound(OretraceError, LookupError):
    """No such finding, shipment, document or page."""


class InvalidDecision(OretraceError, ValueError):
    """The decision is not allowed (missing note, wrong status, superseded finding, unknown assignee)."""


class DecisionConflict(Conflict):
    """Someone changed the finding since the reviewer loaded it; `current` is its state now."""

    def __init__(self, current: FindingView, expected_version: int) -> None:
        last = current.decisions[-1] if current.decisions else None
        by = f" by {last.user or 'the pipeline'} ({last.action.value})" if last else ""
        super().__init__(
            f"finding {current.id} changed{by} since version {expected_version}: it is now "
            f"{current.status.value}, version {current.version}",
            remedy=f"read it again (oretrace review show {current.id}) and decide on version {current.version}",
        )
        self.current = current
        self.expected_version = expected_version


class PageUnavailable(LookupError):
    pass
