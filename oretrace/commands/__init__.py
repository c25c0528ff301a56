"""Command groups of the `oretrace` CLI, one module per area, each with a `register(app)` function.

A module imports its heavy dependencies inside its commands, so `oretrace --help` stays quick.
"""

from __future__ import annotations

from importlib import import_module

import typer

# Order is the order of `oretrace --help`.
MODULES: tuple[str, ...] = ("reference", "watch", "review")


def register_all(app: typer.Typer) -> None:
    for name in MODULES:
        import_module(f"oretrace.commands.{name}").register(app)
