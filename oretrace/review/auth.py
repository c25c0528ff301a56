"""Users, roles and login sessions.

Passwords are stored as argon2id hashes. A login creates a random token: the browser keeps it in an HttpOnly
cookie, the store keeps only its SHA-256, and each login also gets a CSRF token that every state-changing
request must echo. Roles map to permissions in one table, checked by the service layer on every call.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from oretrace.core.errors import OretraceError
from oretrace.core.models import Frozen
from oretrace.review import login_throttle
from oretrace.review.login_throttle import LoginThrottled
from oretrace.store.audit import append_entry
from oretrace.store.review_tables import User, UserSession

SESSION_LIFETIME = timedelta(hours=12)
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
MAX_NAME_LENGTH = 64
# argon2-cffi's defaults (RFC 9106 low-memory profile: argon2id, t=3, m=64 MiB, p=4).
_HASHER = PasswordHasher()
# Verified against when the user does not exist, so a login takes as long for an unknown name.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


class Role(StrEnum):
    REVIEWER = "reviewer"
    AUDITOR = "auditor"
    ADMIN = "admin"


class Permission(StrEnum):
    READ = "read"
    DECIDE = "decide"
    # The users page: who has which role, since when, active or not.
    READ_USERS = "read_users"
    MANAGE_USERS = "manage_users"
    # The audit page and API: the log's chain and every row it records checked against the store.
    VERIFY_AUDIT = "verify_audit"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.REVIEWER: frozenset({Permission.READ, Permission.DECIDE}),
    Role.AUDITOR: frozenset({Permission.READ, Permission.READ_USERS, Permission.VERIFY_AUDIT}),
    Role.ADMIN: frozenset({Permission.READ, Permission.READ_USERS, Permission.MANAGE_USERS, Permission.VERIFY_AUDIT}),
}


class AuthError(OretraceError):
    """Wrong name or password, or an expired session."""


class PermissionDenied(OretraceError):
    """The user's role does not allow the action."""


class UserError(OretraceError, ValueError):
    """A user cannot be added or changed as asked (name taken, password too short, ...)."""


class Actor(Frozen):
    """Who is acting: a user with a role. The audit log names them 'user:<name>'."""

    user_id: int
    name: str
    role: Role

    @property
    def audit_name(self) -> str:
        return f"user:{self.name}"

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(f"{self.name} ({self.role.value}) may not {permission.value.replace('_', ' ')}")


class LoginSession(Frozen):
    actor: Actor
    # The raw token (only ever handed to the browser) and the CSRF token of this login.
    token: str
    csrf_token: str
    expires_at: datetime


class UserInfo(Frozen):
    id: int
    name: str
    role: Role
    active: bool
    created_at: datetime


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise UserError(f"the password must have at most {MAX_PASSWORD_LENGTH} characters")


def _check_name(name: str) -> None:
    if not name or len(name) > MAX_NAME_LENGTH or not all(c.isalnum() or c in "._-@" for c in name):
        raise UserError("a user name has 1-64 letters, digits, '.', '_', '-' or '@'")


def _info(user: User) -> UserInfo:
    return UserInfo(id=user.id, name=user.name, role=Role(user.role), active=user.active, created_at=user.created_at)


def add_user(session: Session, name: str, role: Role, password: str, *, by: str) -> UserInfo:
    """Create a user; `by` is the audit actor ("cli" or an admin's "user:<name>")."""
    _check_name(name)
    _check_password(password)
    user = User(name=name, role=role.value, password_hash=_HASHER.hash(password), active=True)
    try:
        with session.begin_nested():
            session.add(user)
            session.flush()
    except IntegrityError as err:
        raise UserError(f"a user named {name!r} already exists") from err
    append_entry(
        session,
        actor=by,
        action="user.added",
        subject=f"user:{name}",
        details={"role": role.value},
        rows=[("users", user.id)],
    )
    session.refresh(user)
    return _info(user)


def add_user_as(session: Session, actor: Actor, name: str, role: Role, password: str) -> UserInfo:
    actor.require(Permission.MANAGE_USERS)
    return add_user(session, name, role, password, by=actor.audit_name)


def _user_named(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise UserError(f"no user named {name!r}")
    return user


def change_user(
    session: Session, name: str, *, by: str, role: Role | None = None, active: bool | None = None
) -> UserInfo:
    """Change a user's role or (de)activate them; deactivation ends their logins."""
    user = _user_named(session, name)
    changes: dict[str, object] = {}
    if role is not None and role.value != user.role:
        changes["role"] = {"from": user.role, "to": role.value}
        user.role = role.value
    if active is not None and active != user.active:
        changes["active"] = {"from": user.active, "to": active}
        user.active = active
        if not active:
            session.execute(delete(UserSession).where(UserSession.user_id == user.id))
    if changes:
        session.flush()
        append_entry(
            session, actor=by, action="user.changed", subject=f"user:{name}", details=changes, rows=[("users", user.id)]
        )
    return _info(user)


def change_user_as(
    session: Session, actor: Actor, name: str, *, role: Role | None = None, active: bool | None = None
) -> UserInfo:
    actor.require(Permission.MANAGE_USERS)
    if name == actor.name and (active is False or (role is not None and role is not actor.role)):
        # An admin cannot lock themselves (and possibly everyone) out of user management.
        raise UserError("you cannot deactivate yourself or change your own role")
    return change_user(session, name, by=actor.audit_name, role=role, active=active)


def set_password(session: Session, name: str, password: str, *, by: str) -> None:
    _check_password(password)
    user = _user_named(session, name)
    user.password_hash = _HASHER.hash(password)
    # A new password ends every existing login, and lifts the name's login back-off.
    session.execute(delete(UserSession).where(UserSession.user_id == user.id))
    login_throttle.forget_user(session, name)
    session.flush()
    append_entry(
        session, actor=by, action="user.password_set", subject=f"user:{name}", details={}, rows=[("users", user.id)]
    )


def list_users(session: Session, actor: Actor) -> list[UserInfo]:
    actor.require(Permission.READ)
    return [_info(u) for u in session.scalars(select(User).order_by(User.name))]


def actor_for(session: Session, name: str) -> Actor:
    """The active user `name` as an Actor (for the CLI, which runs with the store's own credentials)."""
    user = _user_named(session, name)
    if not user.active:
        raise UserError(f"user {name!r} is deactivated")
    return Actor(user_id=user.id, name=user.name, role=Role(user.role))


def _plausible_name(name: str) -> bool:
    # A name no user can have is not looked up (PostgreSQL refuses NUL in text).
    return 0 < len(name) <= MAX_NAME_LENGTH and "\x00" not in name


def login(session: Session, name: str, password: str, *, now: datetime | None = None) -> LoginSession:
    """Check a name and password and open a login; no back-off (see attempt_login for the web's logins)."""
    now = now or datetime.now(UTC)
    user = session.scalar(select(User).where(User.name == name)) if _plausible_name(name) else None
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError) as err:
        raise AuthError("wrong user name or password") from err
    if user is None or not user.active:
        raise AuthError("wrong user name or password")
    if _HASHER.check_needs_rehash(user.password_hash):
        # Same password, current hashing parameters: a change of the row, so an entry records it.
        user.password_hash = _HASHER.hash(password)
        append_entry(
            session,
            actor=f"user:{user.name}",
            action="user.password_rehashed",
            subject=f"user:{user.name}",
            details={},
            rows=[("users", user.id)],
        )
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = now + SESSION_LIFETIME
    session.add(
        UserSession(token_hash=hash_token(token), user_id=user.id, csrf_token=csrf, created_at=now, expires_at=expires)
    )
    # Expired logins are dropped as new ones arrive, so the table stays small.
    session.execute(delete(UserSession).where(UserSession.expires_at < now))
    session.flush()
    actor = Actor(user_id=user.id, name=user.name, role=Role(user.role))
    return LoginSession(actor=actor, token=token, csrf_token=csrf, expires_at=expires)


def attempt_login(session: Session, name: str, password: str, address: str) -> LoginSession:
    """A login from the workspace: refused while the user name or client address is in back-off
    (LoginThrottled), each failure recorded in the audit log as `login.failed` with the address.

    Commits the session twice: the attempt is counted before the password is checked (review.login_throttle),
    then the outcome (the login, or the failure and its audit entry) is committed.
    """
    now = datetime.now(UTC)
    shown_name = name if _plausible_name(name) else "(not a valid user name)"
    name_key = login_throttle.user_key(shown_name)
    keys = [name_key, login_throttle.address_key(address)]
    try:
        rows = login_throttle.claim_attempt(session, keys, now)
    except LoginThrottled:
        session.rollback()
        raise
    counts = {key: (row.failures, row.locked_until) for key, row in rows.items()}
    session.commit()
    try:
        result = login(session, name, password, now=now)
    except AuthError:
        session.rollback()
        user = session.scalar(select(User).where(User.name == name)) if _plausible_name(name) else None
        reason = "unknown user" if user is None else "inactive user" if not user.active else "wrong password"
        until = max((locked for _, locked in counts.values() if locked is not None), default=now)
        append_entry(
            session,
            actor=f"client:{address}",
            action="login.failed",
            subject=f"user:{shown_name}",
            details={
                "address": address,
                "reason": reason,
                "failures": counts[name_key][0],
                "address_failures": counts[keys[1]][0],
                "wait_seconds": math.ceil((until - now).total_seconds()),
            },
        )
        session.commit()
        raise
    login_throttle.attempt_succeeded(session, name_key, keys[1:])
    session.commit()
    return result


def resolve(session: Session, token: str | None, *, now: datetime | None = None) -> LoginSession | None:
    """The login a cookie token belongs to, or None (unknown, expired, or the user was deactivated)."""
    if not token:
        return None
    now = now or datetime.now(UTC)
    row = session.execute(
        select(UserSession, User)
        .join(User, User.id == UserSession.user_id)
        .where(UserSession.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    login_row, user = row
    if login_row.expires_at <= now or not user.active:
        return None
    actor = Actor(user_id=user.id, name=user.name, role=Role(user.role))
    return LoginSession(actor=actor, token=token, csrf_token=login_row.csrf_token, expires_at=login_row.expires_at)


def logout(session: Session, token: str) -> None:
    session.execute(delete(UserSession).where(UserSession.token_hash == hash_token(token)))


def csrf_matches(expected: str, given: str | None) -> bool:
    return given is not None and secrets.compare_digest(expected.encode(), given.encode())
