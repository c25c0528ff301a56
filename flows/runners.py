"""The task runner for the per-document fan-out: a Dask cluster when a scheduler is named, else local threads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prefect.task_runners import ThreadPoolTaskRunner

from oretrace.core.config import Settings

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner


def task_runner(settings: Settings) -> TaskRunner:
    """DaskTaskRunner on the scheduler at `settings.dask_address`; without one, a thread pool of `settings.workers`.

    On Dask every task runs in a worker process, which must reach the same Prefect API (PREFECT_API_URL), the
    inbox at the same path and the store (`settings.database_url`); the README's scale-out section shows a setup.
    """
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner  # imported only when used: 2 s of imports

        return DaskTaskRunner(address=settings.dask_address)
    return ThreadPoolTaskRunner(max_workers=settings.workers)
