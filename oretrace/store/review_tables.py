"""Tables of the review workspace: users, their login sessions, the decisions taken on findings, and the
audit log (written and verified by store.audit).

Decisions are append-only like the runs: a finding's current state lives in findings.status / assignee_id /
version, and every change of it adds a row here (and an audit entry), so who decided what, with which
note, is never overwritten.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column

from oretrace.store.schema import Base, _created_at


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    # "reviewer", "auditor" or "admin" (review.auth.Role).
    role: Mapped[str]
    # argon2id encoded hash (parameters and salt included).
    password_hash: Mapped[str]
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())
    created_at: Mapped[datetime] = _created_at()


class UserSession(Base):
    """A login. Only the SHA-256 of the cookie's token is stored, so a copy of the database logs no one in."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Sent in forms and the X-CSRF-Token header; useless without the HttpOnly session cookie.
    csrf_token: Mapped[str]
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class LoginThrottle(Base):
    """Consecutive failed logins for one user name or one client address, and until when the next attempt
    must wait (review.login_throttle). In the store so that every worker and server sharing it agrees."""

    __tablename__ = "login_throttle"

    # "user:<name>" or "address:<client address>".
    key: Mapped[str] = mapped_column(String, primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failure_at: Mapped[datetime]
    locked_until: Mapped[datetime | None]


class ServerKey(Base):
    """A random secret of the workspace, made once and shared by every worker and server using the store
    (review.server_keys); e.g. the key that signs the login form's CSRF token."""

    __tablename__ = "server_keys"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str]
    created_at: Mapped[datetime] = _created_at()


class Decision(Base):
    """One change of a finding's review state: confirm, dismiss, escalate, reopen, assign or carry_over."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    # Denormalised for history per shipment without a join through findings.
    shipment_id: Mapped[str] = mapped_column(String, index=True)
    action: Mapped[str]
    from_status: Mapped[str]
    to_status: Mapped[str]
    note: Mapped[str] = mapped_column(Text)
    # NULL for the pipeline (a decision carried over to a re-run's identical finding).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    # The user a finding was assigned to by an "assign" decision (NULL: unassigned).
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # For carry_over: the decision on the earlier run's identical finding that this one repeats.
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="SET NULL"))
    # The finding's version after this change (findings.version), for optimistic concurrency in the history.
    finding_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    # What the decision was based on: one store.decision_basis.BasisValue per piece of the finding's evidence
    # (extraction run, document, field, value, text), as shown when deciding. NULL for decisions made before
    # this was recorded.
    basis_json: Mapped[list[Any] | None]


class FindingLink(Base):
    """A re-run's finding and the previous run's finding it replaces, recorded when the re-run is stored.

    Same evidence: the identical finding (which inherits the decision); otherwise the same check's one
    finding whose evidence changed. Findings stay append-only: the link is a row of its own.
    """

    __tablename__ = "finding_links"

    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True)
    predecessor_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    same_evidence: Mapped[bool] = mapped_column(Boolean)


class FindingStatus(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    ESCALATED = "escalated"


class DecisionAction(StrEnum):
    CONFIRM = "confirm"
    DISMISS = "dismiss"
    ESCALATE = "escalate"
    REOPEN = "reopen"
    ASSIGN = "assign"
    # Written by the pipeline: a re-run's identical finding inherits the earlier run's decision.
    CARRY_OVER = "carry_over"
