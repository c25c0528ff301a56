"""`oretrace reference`: load the reference data (smelters, assay profiles, production) the checks use."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from oretrace.cli.common import load_settings, open_store

reference_app = typer.Typer(help="Reference data the checks compare against.", no_args_is_help=True)


@reference_app.command("load")
def load(
    directory: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="folder with smelters.csv, assay_profiles.csv, …")
    ],
    replace: Annotated[
        bool, typer.Option("--replace", help="the files are the whole reference set, not an update of the current one")
    ] = False,
) -> None:
    """Validate DIRECTORY's CSVs and put them in force; every later check records the version it used.

    Without --replace, the files update the reference in force: rows with a known key replace their old
    version, new rows are added, and a file that is absent leaves that part as it was.
    """
    from oretrace.reference import load_reference
    from oretrace.store.db import session_scope
    from oretrace.store.reference_store import LoadMode, active_reference, save_reference

    engine = open_store(load_settings())
    try:
        with session_scope(engine) as session:
            base = None if replace else active_reference(session)
            reference = load_reference(directory, base=base)
            summary = save_reference(
                session,
                reference,
                mode=LoadMode.REPLACE if replace else LoadMode.UPDATE,
                source=str(directory.resolve()),
                actor=f"cli:{getpass.getuser()}",
            )
    finally:
        engine.dispose()
    unchanged = " (unchanged)" if summary.version == summary.previous_version else ""
    typer.echo(f"reference version {summary.version[:12]} in force{unchanged}, was {summary.previous_version[:12]}")
    typer.echo(
        f"{summary.smelters} smelters, {summary.assay_profiles} assay profiles, "
        f"{summary.production_records} production records, {summary.hs_codes} HS codes"
    )


@reference_app.command("show")
def show() -> None:
    """The reference version in force and the history of loads."""
    from oretrace.store.db import session_scope
    from oretrace.store.reference_store import active_reference, load_history

    engine = open_store(load_settings())
    try:
        with session_scope(engine) as session:
            reference = active_reference(session)
            loads = load_history(session)
    finally:
        engine.dispose()
    typer.echo(f"in force: {reference.version}{'' if loads else ' (bundled with oretrace)'}")
    typer.echo(
        f"{len(reference.smelters)} smelters, {len(reference.assay_profiles)} assay profiles, "
        f"{len(reference.production)} production records, {len(reference.hs_codes)} HS codes"
    )
    for entry in loads:
        when = f"{entry.loaded_at:%Y-%m-%d %H:%M:%S}"
        typer.echo(f"{when}  {entry.version[:12]}  {entry.mode:<7}  {entry.actor}  {entry.source}")


def register(app: typer.Typer) -> None:
    app.add_typer(reference_app, name="reference")
