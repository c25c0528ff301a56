"""Prefect settings for a quiet, offline, local run; applied before Prefect is imported."""

from __future__ import annotations

import os

from oretrace.config import Settings


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
