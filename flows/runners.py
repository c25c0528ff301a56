"""The task runner for the per-document fan-out: a Dask cluster when a scheduler is named, else local threads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

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


def as_plain_value(settings: Settings, value: Any) -> Any:
    """A large task parameter that holds no future (an inbox snapshot, documents, reference data) as the flow
    passes it: `quote`d, so Prefect does not walk its every field looking for futures at each submission (0.7 s
    for a 200-document shipment); on Dask as it is, since Dask's client rebuilds the tuples among a task's
    arguments, and `quote` is one."""
    return value if settings.dask_address else quote(value)
