"""`oretrace portfolio`: the checks across shipments, on demand; and their summary after `oretrace run`."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import typer

from oretrace.cli.common import load_settings, open_store
from oretrace.core.csv_cells import CsvWriter
from oretrace.core.errors import InvalidInput, NothingToDo
from oretrace.core.models import PortfolioFinding
from oretrace.core.names import printable


class PortfolioFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


CSV_COLUMNS = ("check", "severity", "subject_type", "subject", "from", "to", "shipments", "message", "figures")


def portfolio(
    since: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="first day of the windows checked (default: all)")
    ] = None,
    until: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="last day of the windows checked (default: all)")
    ] = None,
    format: Annotated[PortfolioFormat, typer.Option("--format", help="table, json or csv")] = PortfolioFormat.TABLE,
) -> None:
    """Check the whole store for red flags that only show across shipments (docs/checks.md, portfolio checks).

    Windows are calendar quarters; a window is checked when it ends between --since and --until.
    """
    from oretrace.store.db import session_scope
    from oretrace.store.portfolio import data_span, run_portfolio_checks
    from oretrace.store.reference_store import active_reference

    if since and until and since > until:
        raise InvalidInput(f"--since {since:%Y-%m-%d} is after --until {until:%Y-%m-%d}", remedy="swap them")
    settings = load_settings()
    engine = open_store(settings)
    try:
        with session_scope(engine) as session:
            if data_span(session) is None:
                raise NothingToDo(
                    f"nothing to check: the store holds no shipment facts ({settings.resolved_database_url})",
                    remedy="process an inbox first: oretrace run INBOX",
                )
            findings = run_portfolio_checks(
                session,
                active_reference(session),
                settings.portfolio,
                since=since.date() if since else None,
                until=until.date() if until else None,
            )
    finally:
        engine.dispose()
    write_findings(findings, format)


def write_findings(findings: Sequence[PortfolioFinding], format: PortfolioFormat) -> None:
    if format is PortfolioFormat.JSON:
        typer.echo(json.dumps([f.model_dump(mode="json", by_alias=True) for f in findings], indent=2))
    elif format is PortfolioFormat.CSV:
        # Names come from documents: CsvWriter keeps a "=HYPERLINK(...)" exporter from running in a spreadsheet.
        writer = CsvWriter(sys.stdout, CSV_COLUMNS)
        for f in findings:
            writer.row(
                {
                    "check": f.check,
                    "severity": f.severity.value,
                    "subject_type": f.subject.type,
                    "subject": f.subject.value,
                    "from": f.window.start.isoformat(),
                    "to": f.window.end.isoformat(),
                    "shipments": " ".join(f.shipments),
                    "message": f.message,
                    "figures": json.dumps(f.figures, sort_keys=True),
                }
            )
    else:
        echo_table(findings)


def echo_table(findings: Sequence[PortfolioFinding]) -> None:
    for f in findings:
        window = f"{f.window.start:%Y-%m-%d}..{f.window.end:%Y-%m-%d}"
        typer.echo(f"{f.severity.value:<6} {f.check:<26} {window}  {len(f.shipments)} shipments")
        typer.echo(f"    {printable(f.message)}")
    typer.echo(f"{len(findings)} portfolio findings")


def check_after_run(database_url: str, shipment_ids: Sequence[str]) -> list[PortfolioFinding]:
    """The portfolio checks over the windows the given shipments fall in (those of an `oretrace run`), after
    storing an evaluation of every window for review (store.portfolio_review)."""
    from oretrace.core.config import get_settings
    from oretrace.store.db import url_session
    from oretrace.store.portfolio import check_touched
    from oretrace.store.portfolio_review import evaluate_and_store
    from oretrace.store.reference_store import active_reference

    with url_session(database_url) as session:
        reference, limits = active_reference(session), get_settings().portfolio
        evaluate_and_store(session, reference, limits)
        return check_touched(session, shipment_ids, reference, limits)


def register(app: typer.Typer) -> None:
    app.command()(portfolio)
