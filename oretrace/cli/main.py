"""The `oretrace` command. Heavy imports (Prefect, the store) happen inside the commands that need them."""

from __future__ import annotations

import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from oretrace.cli import portfolio, prefect_server, reference, review, suppliers, watch
from oretrace.cli.common import load_settings, open_store, refuse_if_nothing_read
from oretrace.cli.progress_bar import run_progress
from oretrace.core.errors import InvalidInput, NothingToDo, OretraceError, ShipmentsNotStored
from oretrace.core.models import Rejection
from oretrace.core.names import printable
from oretrace.evaluation.split import FOLDS


class _Commands(TyperGroup):
    """The command group, and the one place an OretraceError becomes its message, remedy and exit code."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OretraceError as err:
            typer.echo(f"error: {err}", err=True)
            if err.remedy:
                typer.echo(f"  {err.remedy}", err=True)
            raise typer.Exit(int(err.exit_code)) from None


app = typer.Typer(
    cls=_Commands, help="Read trade documents and find contradictions in the declared origin.", no_args_is_help=True
)


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"


@app.command()
def run(
    inbox: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="folder with one sub-folder per shipment")
    ],
    workers: Annotated[int | None, typer.Option(help="documents processed at once")] = None,
    dask_address: Annotated[
        str | None, typer.Option(help="Dask scheduler for the per-document tasks (else ORETRACE_DASK_ADDRESS)")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="process the inbox even if nothing changed")] = False,
) -> None:
    """Process every shipment sub-folder of INBOX once, then exit. INBOX is only read, never changed.

    Files loose in INBOX itself belong to no shipment: they are refused unread, recorded and listed with that
    reason (`watch` quarantines them). An inbox with no files in shipment folders exits 3 (nothing to do), before
    Prefect starts. An inbox whose files, extraction and check code,
    NER model, settings and reference data are all as they were at its last completed run, and whose shipments
    nothing else has checked since, is not processed again.
    """
    from oretrace.pipeline import progress
    from oretrace.pipeline.inbox import InboxSnapshot
    from oretrace.pipeline.inbox_digest import inbox_digest
    from oretrace.store.db import session_scope
    from oretrace.store.inbox_runs import record_inbox_run, up_to_date
    from oretrace.store.reference_store import reference_in_force
    from oretrace.store.repository import record_refused

    settings = load_settings(workers)
    if dask_address:
        settings = settings.model_copy(update={"dask_address": dask_address})
    started = time.perf_counter()
    snapshot = InboxSnapshot.take(inbox)
    engine = open_store(settings)
    if not snapshot.shipments:
        # Said before Prefect starts: there is no shipment to check.
        with session_scope(engine) as session:
            record_refused(session, snapshot.loose_refused)
        engine.dispose()
        _echo_not_processed(snapshot.loose_refused)
        loose = len(snapshot.loose_refused)
        where = printable(str(inbox))
        raise NothingToDo(
            f"nothing to do: {where} has no shipment folder with files"
            + (f"; its {loose} loose files were not processed" if loose else ""),
            remedy=f"put each shipment's documents in a sub-folder of its own ({where}/<shipment>/), then run again",
        )
    inbox_key = str(inbox.resolve())
    reference = reference_in_force(settings.resolved_database_url)
    digest = inbox_digest(snapshot, settings, reference.version)
    with session_scope(engine) as session:
        last = None if force else up_to_date(session, inbox_key, digest)
    if last is not None:
        engine.dispose()
        typer.echo(
            f"unchanged since the run that finished {last.finished_at:%Y-%m-%d %H:%M:%S} UTC (same files, code, "
            f"model, settings and reference data): {last.flagged} of {last.shipments} shipments flagged, as "
            "stored; --force processes it again"
        )
        return

    from oretrace.flows.prefect_env import configure_prefect, without_heartbeats

    configure_prefect(settings)
    from oretrace.flows.prefect_startup import start_prefect_reading_ahead

    with run_progress(len(snapshot.paths), len(snapshot.shipments)):
        # Documents are extracted while Prefect's temporary server starts; the flow's tasks then find them cached.
        startup = start_prefect_reading_ahead(snapshot, settings, reference)
        if startup.server_error:
            typer.echo(f"note: Prefect's server did not start in the background ({startup.server_error})", err=True)
        from oretrace.flows.process_inbox import process_inbox
        from oretrace.flows.runners import task_runner
        from oretrace.pipeline.inbox import save_snapshot

        flow = process_inbox.with_options(task_runner=task_runner(settings))
        snapshot_file = save_snapshot(snapshot, settings)
        try:
            with without_heartbeats():
                results = flow(inbox=inbox, settings=settings, snapshot_file=snapshot_file)
        finally:
            snapshot_file.unlink(missing_ok=True)
        failed = [r.shipment_id for r in results if r.shipment_run_id is None]
        read = sum(len(r.document_types) for r in results)
        if not failed and read:
            # Only a run that stored every shipment and read something counts as completed (an unchanged inbox is
            # then skipped); one that read nothing says so again next time.
            with session_scope(engine) as session:
                record_inbox_run(session, inbox_key, digest, {r.shipment_id: r.shipment_run_id for r in results})
        engine.dispose()
        progress.advance("summary")
    elapsed = time.perf_counter() - started

    for result in results:
        shown = printable(result.shipment_id)
        if result.error is not None:
            typer.echo(f"{shown:<20} NOT STORED: {result.error}")
            continue
        types = ", ".join(sorted(result.document_types))
        origin = result.declared_origin or "?"
        typer.echo(f"{shown:<20} origin {origin:<3} {result.verdict:<8} {len(result.document_types)} docs: {types}")
        for finding in result.findings:
            typer.echo(f"    {finding.severity.value:<6} {finding.check}: {printable(finding.message)}")
        for rejection in result.rejected:
            typer.echo(f"    rejected {printable(rejection.source_path)}: {printable(rejection.reason)}")
    _echo_not_processed(snapshot.loose_refused)
    pages = sum(r.pages for r in results)
    flagged = sum(r.verdict == "flagged" for r in results)
    loose = f"; {len(snapshot.loose_refused)} loose files not processed" if snapshot.loose_refused else ""
    typer.echo(
        f"{flagged} of {len(results)} shipments flagged; {read} documents, {pages} pages in {elapsed:.1f} s" + loose
    )
    _echo_portfolio([r.shipment_id for r in results if r.shipment_run_id is not None], settings.resolved_database_url)
    typer.echo(f"store: {settings.resolved_database_url}")
    if startup.server_started:
        typer.echo(
            f"Prefect: this run started a local server for {settings.home}, kept for the next runs until idle "
            f"{settings.prefect_server_idle_minutes:g} min (`oretrace prefect-server stop` ends it)"
        )
    if not failed:
        rejected = sum(len(r.rejected) for r in results)
        refuse_if_nothing_read(read, rejected, f"in {len(results)} shipment folders of {printable(str(inbox))}")
    if failed:
        raise ShipmentsNotStored(
            f"{len(failed)} of {len(results)} shipments could not be stored: {', '.join(map(printable, failed))}",
            remedy="the others are stored; see the messages above, then run again",
        )


def _echo_portfolio(shipment_ids: list[str], database_url: str) -> None:
    """The portfolio checks over the windows this run's shipments fall in; the whole store: `oretrace portfolio`."""
    findings = portfolio.check_after_run(database_url, shipment_ids)
    if findings:
        typer.echo("portfolio (windows of these shipments):")
        for finding in findings:
            typer.echo(f"    {finding.severity.value:<6} {finding.check}: {printable(finding.message)}")


def _echo_not_processed(loose_refused: tuple[Rejection, ...]) -> None:
    for rejection in loose_refused:
        typer.echo(f"(inbox root)         rejected {printable(rejection.source_path)}: {printable(rejection.reason)}")


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="jsonl or csv")] = ExportFormat.JSONL,
    output: Annotated[Path | None, typer.Option(help="file to write; standard output if omitted")] = None,
) -> None:
    """Write the latest extraction of every document (and, in JSONL, every shipment's verdict and every portfolio
    finding) from the store."""
    from oretrace.store.db import session_scope
    from oretrace.store.export import write_csv, write_jsonl
    from oretrace.store.repository import run_counts

    # Folders are not made on the user's behalf: a mistyped path would otherwise scatter exports around.
    if output is not None and not output.parent.is_dir():
        raise InvalidInput(
            f"cannot write {output}: the folder {output.parent} does not exist",
            remedy="create the folder first, or give another --output",
        )
    settings = load_settings()
    engine = open_store(settings)
    # JSONL also carries the portfolio findings (docs/checks.md); the CSV is one row per document.
    writer = partial(write_jsonl, portfolio=settings.portfolio) if format is ExportFormat.JSONL else write_csv
    try:
        with session_scope(engine) as session:
            counts = run_counts(session)
            # CSV holds documents only; JSONL also every shipment's verdict.
            if counts["documents"] + (counts["shipment_runs"] if format is ExportFormat.JSONL else 0) == 0:
                raise NothingToDo(
                    f"nothing to export: the store holds no documents ({settings.resolved_database_url})",
                    remedy="process an inbox first: oretrace run INBOX",
                )
            if output is None:
                count = writer(session, sys.stdout)
            else:
                try:
                    handle = output.open("w", encoding="utf-8", newline="")
                except OSError as err:
                    raise InvalidInput(f"cannot write {output}: {err.strerror or err}") from None
                with handle:
                    count = writer(session, handle)
    finally:
        engine.dispose()
    if output is not None:
        typer.echo(f"wrote {count} records to {output}", err=True)


@app.command("eval")
def evaluate(
    directory: Annotated[
        Path | None, typer.Argument(exists=True, file_okay=False, help="folder with ground_truth.json")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
    show_misses: Annotated[
        bool, typer.Option("--misses", help="list every wrong or missing value of the seen split")
    ] = False,
    unseen_misses: Annotated[
        bool,
        typer.Option(
            "--unseen-misses", help="also list the misses of the held-out families (spends the fold: see docs)"
        ),
    ] = False,
    holdout_fold: Annotated[
        int | None,
        typer.Option(
            "--holdout-fold",
            min=0,
            max=FOLDS - 1,
            help="hold out only this fold of layout families (0, 1 or 2; default: every fold not yet read)",
        ),
    ] = None,
    workers: Annotated[int | None, typer.Option(help="documents processed at once")] = None,
    external: Annotated[
        Path | None,
        typer.Option(exists=True, file_okay=False, help="score the third-party sets under this folder instead"),
    ] = None,
) -> None:
    """Score extraction against DIRECTORY/ground_truth.json (documents under DIRECTORY/inbox), or with
    --external against the third-party sets' own ground truth (see evaluation/adapters).

    Every figure is reported for the documents and shipments of held-out layout families (unseen) and for
    the rest (seen), side by side, unseen first (docs/evaluation.md)."""
    if external is not None:
        from oretrace.evaluation.external import format_external, run_external

        report = run_external(external, load_settings(workers))
        typer.echo(report.model_dump_json(indent=2) if as_json else format_external(report, show_misses))
        return
    if directory is None:
        raise typer.BadParameter("give DIRECTORY or --external")
    from oretrace.evaluation.checks import score_shipments
    from oretrace.evaluation.ground_truth import (
        format_checks,
        format_report,
        load_expected_rejections,
        load_families,
        load_ground_truth,
        load_shipment_truth,
        score,
        score_refusals,
        shipment_outcomes,
    )
    from oretrace.evaluation.side_by_side import format_side_by_side
    from oretrace.evaluation.split import make_split, split_truth
    from oretrace.pipeline.documents import assemble_shipment, process_document
    from oretrace.store.reference_store import reference_in_force
    from oretrace.store.supplier_templates import templates_in_force

    try:
        split = make_split(load_families(directory), holdout_fold)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
    settings = load_settings(workers)
    open_store(settings).dispose()
    # The checks run against the reference data in force (see `oretrace reference load`), as `run` does.
    reference = reference_in_force(settings.resolved_database_url)
    suppliers = templates_in_force(settings.resolved_database_url)
    truth = load_ground_truth(directory)
    inbox = (directory / "inbox").resolve()
    hostile = load_expected_rejections(directory)
    paths = [inbox / p.removeprefix("inbox/") for p in [*truth, *hostile]]
    if not truth:
        raise NothingToDo(f"nothing to score: {directory / 'ground_truth.json'} lists no document")
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        outcomes = list(pool.map(lambda p: process_document(p, inbox, settings), paths))
    elapsed = time.perf_counter() - started
    by_path = {p.relative_to(inbox).as_posix(): o for p, o in zip(paths, outcomes, strict=True)}
    read = outcomes[: len(truth)]  # the expected rejections follow the documents: they are meant to be refused
    rejected = [o for o in read if isinstance(o, Rejection)]
    shipments = load_shipment_truth(directory)
    findings = {
        s["shipment_id"]: assemble_shipment(s["shipment_id"], shipment_outcomes(by_path, s["shipment_id"]),
                                            reference, suppliers).findings
        for s in shipments
    }  # fmt: skip
    report = score(by_path, truth)
    refusals = score_refusals(by_path, hostile)
    checks = score_shipments(findings, shipments)
    sides = {
        name: (
            score(by_path, side_documents),
            score_shipments({s["shipment_id"]: findings[s["shipment_id"]] for s in side_shipments}, side_shipments),
            sum(s.get("scenario") == "clean" for s in side_shipments),
        )
        for name, (side_documents, side_shipments) in split_truth(truth, shipments, split).items()
    }
    if as_json:
        extra = {
            "checks": checks,
            "reference_version": reference.version,
            "hostile_files": refusals.as_dict(),
            "seconds": round(elapsed, 2),
            "split": {"folds": split.folds, "holdout_fold": split.holdout_fold, "held_out": sorted(split.held_out)},
            "sides": {
                name: {"documents": r.as_dict() | {"misses": None}, "checks": c, "clean_shipments": n}
                for name, (r, c, n) in sides.items()
            },
        }
        typer.echo(json.dumps(report.as_dict() | extra, indent=2))
        refuse_if_nothing_read(len(read) - len(rejected), len(rejected), f"under {printable(str(inbox))}")
        return
    typer.echo(format_side_by_side(sides, f"layout families: {split.describe()}"))
    typer.echo("\nall documents together:\n" + format_report(report, fields=False))
    typer.echo("\n" + format_checks(checks))
    if refusals.total:
        typer.echo(f"\nhostile files refused with their reason: {refusals.refused} of {refusals.total}")
        for miss in refusals.misses:
            typer.echo(f"  {miss.path}: expected a refusal saying {miss.expected!r}, got {miss.found!r}")
    typer.echo(f"\n{len(paths)} files in {elapsed:.1f} s; reference data version {reference.version[:12]}")
    for rejection in rejected:
        typer.echo(f"  rejected {printable(rejection.source_path)}: {printable(rejection.reason)}")
    if show_misses or unseen_misses:
        for name, (side_report, _, _) in sides.items():
            if name == "unseen" and not unseen_misses:
                if side_report.misses:
                    typer.echo(f"  ({len(side_report.misses)} misses on held-out families not listed)")
                continue
            for miss in side_report.misses:
                typer.echo(f"  [{name}] {miss.path}  {miss.field}: expected {miss.expected!r}, found {miss.found!r}")
    refuse_if_nothing_read(len(read) - len(rejected), len(rejected), f"under {printable(str(inbox))}")


# Command groups, in the order of `oretrace --help`.
for group in (portfolio, reference, suppliers, watch, review, prefect_server):
    group.register(app)


def main() -> None:
    """The `oretrace` entry point."""
    app()


if __name__ == "__main__":
    main()
