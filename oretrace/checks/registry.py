"""The check registry: every check has a fixed id, a severity and a function of the shipment."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from oretrace.checks.context import ShipmentContext
from oretrace.core.models import Evidence, Finding, Severity

log = logging.getLogger(__name__)

CheckFunction = Callable[[ShipmentContext], list[Finding]]


@dataclass(frozen=True)
class Check:
    id: str
    severity: Severity  # of its findings; a check may report a lower-severity note (see `Check.finding`)
    title: str
    function: CheckFunction

    def finding(self, message: str, evidence: list[Evidence], severity: Severity | None = None) -> Finding:
        """A finding of this check; the same evidence reached by two routes is listed once."""
        unique = list({(e.document_id, e.page, e.bbox, e.text): e for e in evidence}.values())
        return Finding(check=self.id, severity=severity or self.severity, message=message, evidence=unique)

    def __call__(self, context: ShipmentContext) -> list[Finding]:
        return self.function(context)


# In registration order, which is the order `checks/__init__.py` imports the rule modules in.
CHECKS: dict[str, Check] = {}


def register(check_id: str, severity: Severity, title: str) -> Callable[[CheckFunction], Check]:
    def decorate(function: CheckFunction) -> Check:
        if check_id in CHECKS:
            raise ValueError(f"check {check_id!r} is registered twice")
        CHECKS[check_id] = Check(check_id, severity, title, function)
        return CHECKS[check_id]

    return decorate


def run_checks(context: ShipmentContext, only: list[str] | None = None) -> list[Finding]:
    """Run the registered checks (all, or the ids in `only`) in registry order.

    A check that raises is a bug, not a finding: it is logged and re-raised so that it is fixed, never
    silently reported as "no contradiction".
    """
    findings: list[Finding] = []
    for check_id, check in CHECKS.items():
        if only is not None and check_id not in only:
            continue
        try:
            findings.extend(check(context))
        except Exception:
            log.exception("check %s failed on shipment %s", check_id, context.shipment_id)
            raise
    return findings
