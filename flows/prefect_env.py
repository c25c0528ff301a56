"""Prefect settings for a quiet, offline, local run; applied before Prefect is imported."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from oretrace.core.config import Settings


def configure_prefect(settings: Settings) -> None:
    """Defaults only: anything the operator set (e.g. PREFECT_API_URL for a shared server) wins."""
    home = settings.home.resolve()
    defaults = {
        "PREFECT_HOME": str(home / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",  # else a telemetry lookup fails offline and logs an error
        "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_LOGGING_TO_API_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",  # the in-process server's shutdown noise is not the user's
        # A cold start of the temporary server on a new database takes 25-30 s here; the default is 20 s.
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
        "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)


@contextmanager
def without_heartbeats() -> Iterator[None]:
    """Flow runs without heartbeats, for a run its caller waits on (`oretrace run`).

    Heartbeats let a Prefect server notice a crashed run of a deployment; the caller of `oretrace run` sees a
    crash itself, and stopping the heartbeat thread adds up to a second to every flow run.
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield
