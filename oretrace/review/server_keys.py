"""Secrets of the workspace kept in the store, so that every worker and server sharing it uses the same.

Each key is made at random the first time it is asked for; workers starting together agree on the first one
written (insert-if-absent, then read). Whoever can read the store can read the keys: they protect against
attackers outside it, like the session tokens' hashes beside them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from oretrace.store.review_tables import ServerKey

LOGIN_FORM_KEY = "login_form"


def server_key(session: Session, name: str) -> bytes:
    """The key `name`, made now if it does not exist yet."""
    value = session.scalar(select(ServerKey.value).where(ServerKey.name == name))
    if value is None:
        insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        table = ServerKey.__table__
        session.execute(
            insert(table)
            .values(name=name, value=secrets.token_hex(32))
            .on_conflict_do_nothing(index_elements=[table.c.name])
        )
        session.commit()
        value = session.scalar(select(ServerKey.value).where(ServerKey.name == name))
    assert value is not None
    return bytes.fromhex(value)


def sign(key: bytes, purpose: str, value: str) -> str:
    """HMAC-SHA256 of `value` for one purpose, as hex."""
    return hmac.new(key, f"{purpose}\n{value}".encode(), hashlib.sha256).hexdigest()
