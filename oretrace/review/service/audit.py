"""Verifying the audit log for an auditor or admin: the chain, its anchor and every row it records."""

from __future__ import annotations

from sqlalchemy import Engine

from oretrace.review.auth import Actor, Permission
from oretrace.store.audit import anchor_path
from oretrace.store.audit_rows import AuditReport, verify_audit


def verify_audit_log(engine: Engine, actor: Actor, expect_head: str | None = None) -> AuditReport:
    """`oretrace audit verify` against the anchor file in the settings (ORETRACE_AUDIT_ANCHOR), if any.

    Runs in its own read-only snapshot of the store (not the caller's transaction), so writers working meanwhile
    cause no false alarm."""
    actor.require(Permission.VERIFY_AUDIT)
    return verify_audit(engine, anchor_path(), expect_head)
