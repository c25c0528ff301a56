"""Progress of a long batch, reported by the flow and shown by the CLI, within one process.

Flows call advance() as work completes; whoever started the flow (e.g. `oretrace run` with its progress
bar) listens. With no listener, advance() does nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Listener = Callable[[str, int], None]

_listeners: list[Listener] = []
_lock = threading.Lock()


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Call listener(what, count) for every advance() made inside the block."""
    with _lock:
        _listeners.append(listener)
    try:
        yield
    finally:
        with _lock:
            _listeners.remove(listener)


def advance(what: str, count: int = 1) -> None:
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        listener(what, count)
