"""`oretrace serve`, `oretrace users`, `oretrace review`, `oretrace history` and `oretrace audit`.

They go through the same service layer as the web workspace (review.service, review.auth). The CLI runs with
the store's own credentials, so reading needs no login; a decision is taken in a named reviewer's name
(--as) and recorded as theirs.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oretrace.cli.common import load_settings, open_store

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from oretrace.review.auth import Actor

users_app = typer.Typer(help="Workspace users: reviewers decide, auditors read, admins manage users.")
review_app = typer.Typer(help="The review queue: list, show and resolve findings.")
audit_app = typer.Typer(help="The tamper-evident audit log.")


class RoleName(StrEnum):
    REVIEWER = "reviewer"
    AUDITOR = "auditor"
    ADMIN = "admin"


class Action(StrEnum):
    CONFIRM = "confirm"
    DISMISS = "dismiss"
    ESCALATE = "escalate"
    REOPEN = "reopen"
    ASSIGN = "assign"


class OutputFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


def _engine() -> Engine:
    return open_store(load_settings())


def _has_users(engine: Engine) -> bool:
    from sqlalchemy import exists, select

    from oretrace.store.review_tables import User

    with engine.connect() as connection:
        return bool(connection.execute(select(exists().select_from(User))).scalar())


def _reader() -> Actor:
    """Reads from the CLI act as an auditor: they can see everything and change nothing."""
    from oretrace.review.auth import Actor, Role

    return Actor(user_id=0, name="cli", role=Role.AUDITOR)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=1)


# --- serve --------------------------------------------------------------------------------------------------


def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    proxy_headers: Annotated[
        bool,
        typer.Option(
            help="trust X-Forwarded-Proto and X-Forwarded-For from --forwarded-allow-ips (behind an HTTPS proxy: "
            "the session cookie is then Secure, and login back-off counts the real client address)"
        ),
    ] = False,
    forwarded_allow_ips: Annotated[
        str, typer.Option(help="comma-separated proxy addresses or networks whose forwarded headers are trusted")
    ] = "127.0.0.1",
    ssl_certfile: Annotated[Path | None, typer.Option(help="serve HTTPS with this certificate (PEM)")] = None,
    ssl_keyfile: Annotated[Path | None, typer.Option(help="the certificate's private key (PEM)")] = None,
) -> None:
    """Run the review workspace (web pages and JSON API; OpenAPI schema at /openapi.json).

    Over HTTPS, directly (--ssl-certfile/--ssl-keyfile) or behind a proxy (--proxy-headers), the session
    cookie is marked Secure and responses carry Strict-Transport-Security.
    """
    import uvicorn

    from oretrace.review.web.app import create_app

    if (ssl_certfile is None) != (ssl_keyfile is None):
        raise typer.BadParameter("give both --ssl-certfile and --ssl-keyfile, or neither")
    for path in (ssl_certfile, ssl_keyfile):
        if path is not None and not path.is_file():
            raise typer.BadParameter(f"{path} is not a readable file")
    settings = load_settings()
    engine = _engine()
    app = create_app(engine, settings.home.resolve())
    scheme = "https" if ssl_certfile else "http"
    behind = f", trusting forwarded headers from {forwarded_allow_ips}" if proxy_headers else ""
    store = settings.resolved_database_url
    typer.echo(f"review workspace on {scheme}://{host}:{port}/{behind}  (store: {store})", err=True)
    if not _has_users(engine):
        # Served anyway (the pages work once a user exists); without the hint the login page is a dead end.
        typer.echo("note: this store has no users yet, so nobody can log in; add the first admin with", err=True)
        typer.echo("  oretrace users add NAME --role admin", err=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        proxy_headers=proxy_headers,
        forwarded_allow_ips=forwarded_allow_ips if proxy_headers else None,
        ssl_certfile=str(ssl_certfile) if ssl_certfile else None,
        ssl_keyfile=str(ssl_keyfile) if ssl_keyfile else None,
    )


# --- users --------------------------------------------------------------------------------------------------


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="login name")],
    role: Annotated[RoleName, typer.Option("--role", help="reviewer, auditor or admin")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="read the password from the first line of standard input")
    ] = False,
) -> None:
    """Add a user; the password is asked for (twice), or read from standard input."""
    from oretrace.review.auth import Role, UserError, add_user
    from oretrace.store.db import session_scope

    password = _read_password(password_stdin)
    engine = _engine()
    try:
        with session_scope(engine) as session:
            user = add_user(session, name, Role(role.value), password, by="cli")
    except UserError as err:
        raise _fail(str(err)) from err
    finally:
        engine.dispose()
    typer.echo(f"added {user.name} ({user.role.value})")


@users_app.command("list")
def users_list() -> None:
    """List users with their roles."""
    from oretrace.review.auth import list_users
    from oretrace.store.db import session_scope

    engine = _engine()
    with session_scope(engine) as session:
        for user in list_users(session, _reader()):
            state = "" if user.active else "  (deactivated)"
            typer.echo(f"{user.name:<24} {user.role.value:<9} since {user.created_at:%Y-%m-%d}{state}")
    engine.dispose()


@users_app.command("set")
def users_set(
    name: Annotated[str, typer.Argument(help="login name")],
    role: Annotated[RoleName | None, typer.Option("--role", help="new role")] = None,
    active: Annotated[bool | None, typer.Option("--active/--inactive", help="(de)activate the user")] = None,
    password: Annotated[bool, typer.Option("--password", help="set a new password (prompted)")] = False,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="new password from standard input")] = False,
) -> None:
    """Change a user's role, deactivate or reactivate them, or set a new password."""
    from oretrace.review.auth import Role, UserError, change_user, set_password
    from oretrace.store.db import session_scope

    engine = _engine()
    try:
        with session_scope(engine) as session:
            user = change_user(session, name, by="cli", role=Role(role.value) if role else None, active=active)
            if password or password_stdin:
                set_password(session, name, _read_password(password_stdin), by="cli")
    except UserError as err:
        raise _fail(str(err)) from err
    finally:
        engine.dispose()
    typer.echo(f"{user.name}: {user.role.value}, {'active' if user.active else 'deactivated'}")


# --- review -------------------------------------------------------------------------------------------------


@review_app.command("list")
def review_list(
    status: Annotated[list[str] | None, typer.Option(help="open, confirmed, dismissed, escalated; 'all'")] = None,
    severity: Annotated[list[str] | None, typer.Option(help="high, medium, low")] = None,
    check: Annotated[list[str] | None, typer.Option(help="check id")] = None,
    shipment: Annotated[str | None, typer.Option(help="shipment id or part of it")] = None,
    exporter: Annotated[str | None, typer.Option(help="part of the exporter's name (case and accents ignored)")] = None,
    origin: Annotated[str | None, typer.Option(help="declared origin: ISO alpha-2 or the country's name")] = None,
    assignee: Annotated[str | None, typer.Option(help="user name, or '-' for unassigned")] = None,
    scope: Annotated[str | None, typer.Option(help="shipment or portfolio (default: both)")] = None,
    sort: Annotated[str, typer.Option(help="severity, check, shipment, exporter, origin, age, assignee")] = "severity",
    output: Annotated[OutputFormat, typer.Option("--format", help="table, csv or json")] = OutputFormat.TABLE,
) -> None:
    """The review queue: findings of each shipment's latest run (open ones unless --status says otherwise)."""
    from pydantic import ValidationError

    from oretrace.review.export import ExportFormat, queue_export
    from oretrace.review.models import QueueFilters
    from oretrace.review.service import list_queue
    from oretrace.store.db import session_scope

    statuses = [] if status and "all" in status else status
    raw = {
        "severity": severity or [],
        "check": check or [],
        "shipment": shipment,
        "exporter": exporter,
        "declared_origin": origin,
        "assignee": assignee,
        "scope": scope,
        "sort": sort,
    }
    if statuses is not None:
        raw["status"] = statuses
    try:
        filters = QueueFilters.model_validate(raw)
    except ValidationError as err:
        raise _fail(str(err)) from err
    engine = _engine()
    with session_scope(engine) as session:
        result = list_queue(session, _reader(), filters)
    engine.dispose()
    if output is not OutputFormat.TABLE:
        typer.echo(queue_export(result.items, ExportFormat(output.value)), nl=False)
        return
    for item in result.items:
        typer.echo(
            f"{item.finding_id:>6}  {item.severity:<6} {item.status.value:<9} {item.shipment_id:<16} "
            f"{item.check:<28} {item.assignee or '-':<10} {item.message}"
        )
    counts = ", ".join(f"{n} {s}" for s, n in result.counts.items())
    typer.echo(f"{result.total} shown; {counts}")


@review_app.command("show")
def review_show(
    target: Annotated[str, typer.Argument(help="a finding id, or a shipment id")],
) -> None:
    """A finding (evidence, compared values, decisions, and its trail: who decided it and the findings it
    replaces, on which extraction runs and values) or a shipment (documents, fields, findings) as JSON."""
    from oretrace.review.service import NotFound, finding_view, shipment_view
    from oretrace.store.db import session_scope

    engine = _engine()
    try:
        with session_scope(engine) as session:
            view = (
                finding_view(session, _reader(), int(target))
                if target.isdigit()
                else shipment_view(session, _reader(), target)
            )
    except NotFound as err:
        raise _fail(str(err)) from err
    finally:
        engine.dispose()
    typer.echo(view.model_dump_json(indent=2))


@review_app.command("resolve")
def review_resolve(
    finding_id: Annotated[int, typer.Argument(help="finding id")],
    action: Annotated[Action, typer.Option("--action", help="confirm, dismiss, escalate, reopen or assign")],
    user: Annotated[str, typer.Option("--as", help="the reviewer deciding")],
    note: Annotated[str, typer.Option(help="why (required except for assign)")] = "",
    version: Annotated[
        int | None, typer.Option(help="the finding version the decision is about; default: the current one")
    ] = None,
    assignee: Annotated[str | None, typer.Option(help="for assign: the reviewer (omit to unassign)")] = None,
) -> None:
    """Decide a finding in a reviewer's name. A finding changed since --version is a conflict (exit 4)."""
    from oretrace.review.auth import PermissionDenied, UserError, actor_for
    from oretrace.review.models import DecisionRequest
    from oretrace.review.service import InvalidDecision, NotFound, decide, finding_view
    from oretrace.store.db import session_scope
    from oretrace.store.review_tables import DecisionAction

    engine = _engine()
    try:
        with session_scope(engine) as session:
            actor = actor_for(session, user)
            if version is None:
                version = finding_view(session, actor, finding_id).version
            request = DecisionRequest(
                action=DecisionAction(action.value), note=note, version=version, assignee=assignee
            )
            view = decide(session, actor, finding_id, request)
    except (NotFound, InvalidDecision, PermissionDenied, UserError) as err:
        raise _fail(str(err)) from err
    finally:
        engine.dispose()
    typer.echo(f"finding {view.id}: {view.status.value} (version {view.version}), assignee {view.assignee or '-'}")


# --- history ------------------------------------------------------------------------------------------------


def history(
    shipment: Annotated[str | None, typer.Option(help="shipment id")] = None,
    document: Annotated[str | None, typer.Option(help="document sha256")] = None,
    finding: Annotated[int | None, typer.Option(help="finding id")] = None,
    user: Annotated[str | None, typer.Option(help="user name (as actor or subject), any case")] = None,
    action: Annotated[
        str | None, typer.Option(help="an action (finding.decided) or its family (finding, login)")
    ] = None,
    text: Annotated[str | None, typer.Option(help="text in the details, subject or actor, any case")] = None,
    since: Annotated[datetime | None, typer.Option(help="from this time (UTC unless an offset is given)")] = None,
    until: Annotated[datetime | None, typer.Option(help="up to this time")] = None,
    limit: Annotated[int, typer.Option(help="newest entries at most")] = 500,
    versions: Annotated[
        bool, typer.Option("--versions", help="with --document: every extraction run and what changed")
    ] = False,
    output: Annotated[OutputFormat, typer.Option("--format", help="table, csv or json")] = OutputFormat.TABLE,
) -> None:
    """The audit history (extraction runs, decisions, user changes, reference loads), newest first."""
    from datetime import UTC

    from oretrace.review.export import ExportFormat, history_export
    from oretrace.review.models import HistoryFilters
    from oretrace.review.service import NotFound, document_history
    from oretrace.review.service import history as read_history
    from oretrace.store.db import session_scope

    def aware(moment: datetime | None) -> datetime | None:
        return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment

    engine = _engine()
    try:
        with session_scope(engine) as session:
            if versions:
                if not document:
                    raise _fail("--versions needs --document SHA256")
                typer.echo(document_history(session, _reader(), document).model_dump_json(indent=2))
                return
            filters = HistoryFilters(
                shipment=shipment,
                document=document,
                finding=finding,
                user=user,
                action=action,
                text=text,
                since=aware(since),
                until=aware(until),
                limit=limit,
            )
            entries = read_history(session, _reader(), filters)
    except NotFound as err:
        raise _fail(str(err)) from err
    finally:
        engine.dispose()
    if output is not OutputFormat.TABLE:
        typer.echo(history_export(entries, ExportFormat(output.value)), nl=False)
        return
    for entry in entries:
        details = json.dumps(entry.details, ensure_ascii=False, sort_keys=True)
        # A document by its file, with the start of its hash for --document.
        subject = entry.subject
        if entry.subject_label:
            subject = f"{entry.subject_label} ({entry.subject[: len('document:') + 12]}…)"
        typer.echo(
            f"{entry.seq:>6}  {entry.created_at:%Y-%m-%d %H:%M:%S}  {entry.actor:<16} {entry.action:<22} "
            f"{subject}  {details}"
        )


# --- audit --------------------------------------------------------------------------------------------------


@audit_app.command("verify")
def audit_verify(
    expect_head: Annotated[
        str | None, typer.Option(help="a head hash recorded earlier: fail unless the chain still contains it")
    ] = None,
    anchor: Annotated[
        Path | None,
        typer.Option(help="anchor file to check the log's end against (default ORETRACE_AUDIT_ANCHOR)"),
    ] = None,
) -> None:
    """Walk the audit chain and compare every row it records with the live store; exit 1 naming the first
    altered, deleted or inserted entry, and every recorded row that differs or is gone and every row of an
    audited table that no entry records.

    With an anchor file (ORETRACE_AUDIT_ANCHOR or --anchor), entries cut from the end are found too.
    """
    from oretrace.store.audit_rows import verify_audit

    settings = load_settings()
    anchor = anchor or settings.audit_anchor
    engine = open_store(settings)
    try:
        report = verify_audit(engine, anchor, expect_head)
    finally:
        engine.dispose()
    rows = report.rows
    if not report.chain_ok:
        assert report.problem is not None
        typer.echo(
            f"audit chain BROKEN at entry {report.problem.seq} ({report.problem.kind.value}): {report.problem.message}",
            err=True,
        )
        typer.echo(f"{report.entries} entries verified before it", err=True)
    elif expect_head is not None and report.expect_head_seq is None:
        typer.echo(f"audit chain verifies, but the recorded head {expect_head} is not in it", err=True)
    else:
        typer.echo(f"audit chain OK: {report.entries} entries, head {report.head_hash}")
    if not rows.ok:
        typer.echo(f"recorded rows CHANGED: {_problems(rows.problem_count)} in the store", err=True)
        for problem in rows.problems:
            typer.echo(f"  {problem.message}", err=True)
        if rows.problem_count > len(rows.problems):
            typer.echo(f"  ... and {rows.problem_count - len(rows.problems)} more", err=True)
    else:
        predating = f" ({rows.predating} more written before row hashes, not compared)" if rows.predating else ""
        typer.echo(f"recorded rows OK: {rows.checked} rows match their audit entries{predating}")
    if not report.ok:
        raise typer.Exit(code=1)
    if anchor:
        typer.echo(f"its end matches the anchor file {anchor}", err=True)
    else:
        typer.echo(
            "note: no anchor file (ORETRACE_AUDIT_ANCHOR): a cut end with its head set back would go unseen", err=True
        )


def _problems(count: int) -> str:
    return "1 problem" if count == 1 else f"{count} problems"


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.add_typer(users_app, name="users")
    app.add_typer(review_app, name="review")
    app.command()(history)
    app.add_typer(audit_app, name="audit")
