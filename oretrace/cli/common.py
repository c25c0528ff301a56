"""What every command needs: the settings, with the data directory made (its name indexes kept there), and the
store, migrated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from oretrace.core import index_files
from oretrace.core.config import Settings, get_settings
from oretrace.core.errors import NothingRead

if TYPE_CHECKING:
    from sqlalchemy import Engine


def load_settings(workers: int | None = None) -> Settings:
    settings = get_settings()
    if workers:
        settings = settings.model_copy(update={"workers": workers})
    settings.home.mkdir(parents=True, exist_ok=True)
    index_files.keep_in(settings.home / "cache" / "indexes")
    return settings


def open_store(settings: Settings) -> Engine:
    """An engine on the configured store, its schema brought up to date."""
    from oretrace.store.db import make_engine, migrate

    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    return engine


def refuse_if_nothing_read(read: int, rejected: int, where: str) -> None:
    """Exit 7 (NothingRead) when files were there and not one was read: silence would pass for a clean run."""
    if read == 0 and rejected > 0:
        raise NothingRead(f"nothing was read: all {rejected} files {where} were rejected")
