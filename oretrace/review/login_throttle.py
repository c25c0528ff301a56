"""Login back-off: consecutive failed logins per user name and per client address.

A user name may fail USER_FREE_FAILURES times in a row, a client address ADDRESS_FREE_FAILURES times (an
office behind one NAT address shares it), before each further attempt must wait: 1 s, then 2, 4, 8 ... up
to MAX_DELAY. A successful login clears its user name's count and takes its own attempt off the address's
count; failures older than FORGET_AFTER are forgotten. While a key waits, attempts are refused without
checking the password, so a guess made during the wait tells nothing.

The counts live in the store (table login_throttle), not in a process, so every worker and every server
sharing the store sees the same back-off. An attempt is counted before its password is checked, in a short
transaction of its own that locks the rows (PostgreSQL row locks, SQLite's writer lock): attempts sent in
parallel cannot all slip in before the first failure is recorded.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from oretrace.core.errors import OretraceError
from oretrace.store.review_tables import LoginThrottle

USER_FREE_FAILURES = 5
ADDRESS_FREE_FAILURES = 20
FIRST_DELAY = timedelta(seconds=1)
MAX_DELAY = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=1)


class LoginThrottled(OretraceError):
    """Too many failed logins for this user name or from this address: wait `retry_after_seconds`."""

    def __init__(self, wait: timedelta) -> None:
        self.retry_after_seconds = max(1, math.ceil(wait.total_seconds()))
        super().__init__(
            f"too many failed logins for this user or from this address: try again in {self.retry_after_seconds} s",
            remedy="wait, or ask an admin to set a new password (oretrace users set NAME --password)",
        )


def user_key(name: str) -> str:
    return f"user:{name}"


def address_key(address: str) -> str:
    return f"address:{address}"


def backoff(failures: int, free: int) -> timedelta | None:
    """How long the next attempt waits after `failures` consecutive failures (None: it need not wait)."""
    if failures < free:
        return None
    return min(MAX_DELAY, FIRST_DELAY * 2 ** min(failures - free, 30))


def _free(key: str) -> int:
    return USER_FREE_FAILURES if key.startswith("user:") else ADDRESS_FREE_FAILURES


def _locked_rows(session: Session, keys: list[str], now: datetime) -> list[LoginThrottle]:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = LoginThrottle.__table__
    # The insert takes SQLite's writer lock at once; FOR UPDATE takes PostgreSQL's row locks.
    session.execute(
        insert(table)
        .values([{"key": k, "failures": 0, "last_failure_at": now, "locked_until": None} for k in keys])
        .on_conflict_do_nothing(index_elements=[table.c.key])
    )
    rows = session.scalars(
        select(LoginThrottle)
        .where(LoginThrottle.key.in_(keys))
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    for row in rows:
        if row.last_failure_at < now - FORGET_AFTER and (row.locked_until is None or row.locked_until <= now):
            row.failures, row.locked_until = 0, None
    return sorted(rows, key=lambda r: keys.index(r.key))


def claim_attempt(session: Session, keys: list[str], now: datetime) -> dict[str, LoginThrottle]:
    """Count an attempt for every key, or raise LoginThrottled (counting nothing) if any key must still wait.

    The attempt counts as a failure until `attempt_succeeded` says otherwise. The caller commits at once.
    """
    # Keys of names nobody tried for a while go, so names made up by an attacker do not pile up. Rows another
    # attempt holds are left for later (SKIP LOCKED): two attempts cleaning up at once never wait on each other.
    stale = (
        select(LoginThrottle.key)
        .where(
            LoginThrottle.last_failure_at < now - FORGET_AFTER,
            or_(LoginThrottle.locked_until.is_(None), LoginThrottle.locked_until < now),
            LoginThrottle.key.not_in(keys),
        )
        .with_for_update(skip_locked=True)
    )
    session.execute(delete(LoginThrottle).where(LoginThrottle.key.in_(stale)))
    rows = _locked_rows(session, keys, now)
    waits = [row.locked_until - now for row in rows if row.locked_until is not None and row.locked_until > now]
    if waits:
        raise LoginThrottled(max(waits))
    for row in rows:
        row.failures += 1
        row.last_failure_at = now
        delay = backoff(row.failures, _free(row.key))
        row.locked_until = now + delay if delay else None
    session.flush()
    return {row.key: row for row in rows}


def attempt_succeeded(session: Session, name_key: str, other_keys: list[str]) -> None:
    """The claimed attempt logged in: the user name starts afresh; the other keys drop this attempt."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.key == name_key))
    for row in session.scalars(select(LoginThrottle).where(LoginThrottle.key.in_(other_keys))):
        row.failures = max(0, row.failures - 1)
        if backoff(row.failures, _free(row.key)) is None:
            row.locked_until = None
    session.flush()


def forget_user(session: Session, name: str) -> None:
    """Clear a user name's back-off (a new password was set)."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.key == user_key(name)))
