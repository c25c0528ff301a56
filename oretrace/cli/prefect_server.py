"""`oretrace prefect-server`: the data directory's local Prefect server that `oretrace run` starts and reuses."""

from __future__ import annotations

import typer

from oretrace.cli.common import load_settings

prefect_server_app = typer.Typer(
    help="The local Prefect server `oretrace run` keeps for this data directory until it is idle.",
    no_args_is_help=True,
)


@prefect_server_app.command("status")
def status() -> None:
    """Whether a local server runs for this data directory, where, and how long it has been idle."""
    from oretrace.flows.local_server import status as server_status

    settings = load_settings()
    found = server_status(settings.home)
    if found.state is None:
        typer.echo(f"no local Prefect server for {settings.home}")
        return
    idle = "in use" if found.in_use else f"last used {found.idle_seconds:.0f} s ago"
    answers = "answering" if found.answers else "not answering"
    typer.echo(
        f"pid {found.state.pid}, {found.state.api_url}, {answers}, {idle}; "
        f"stops after {settings.prefect_server_idle_minutes:g} idle minutes"
    )


@prefect_server_app.command("stop")
def stop() -> None:
    """Stop it now; the next run starts another."""
    from oretrace.flows.local_server import stop_server

    settings = load_settings()
    pid = stop_server(settings.home)
    typer.echo(
        f"stopped the local Prefect server (pid {pid})" if pid else f"no local Prefect server for {settings.home}"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(prefect_server_app, name="prefect-server")
