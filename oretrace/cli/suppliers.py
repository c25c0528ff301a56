"""`oretrace suppliers`: RMI reporting templates (CMRT / EMRT / AMRT) loaded per supplier, for the declared-smelter
checks of shipments whose folder holds no template of its own."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from oretrace.cli.common import load_settings, open_store

suppliers_app = typer.Typer(
    help="Suppliers' reporting templates the declared-smelter checks use.", no_args_is_help=True
)


@suppliers_app.command("load")
def load(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="a CMRT, EMRT or AMRT workbook (.xlsx)")],
    supplier: Annotated[
        str | None,
        typer.Option(
            "--supplier", help="the exporter's name as its documents print it (default: the template's company)"
        ),
    ] = None,
) -> None:
    """Read FILE as an RMI reporting template and file its smelter list under the supplier: shipments of that
    exporter with no template in their folder are checked against it. A later load for the same supplier
    replaces it; every load is kept and audited."""
    from oretrace.core.errors import InvalidData, UnreadableDocument
    from oretrace.extractors.document import sha256_of
    from oretrace.extractors.rmi_template import as_document_part, read_template
    from oretrace.store.db import session_scope
    from oretrace.store.supplier_templates import save_template

    try:
        template = as_document_part(read_template(file))
    except UnreadableDocument as err:
        raise InvalidData(f"{file.name}: {err}", remedy="give the supplier's CMRT, EMRT or AMRT as an .xlsx") from err
    name = supplier or template.company
    if not name:
        raise InvalidData(
            f"{file.name} names no company on its Declaration sheet", remedy="say whose it is with --supplier NAME"
        )
    engine = open_store(load_settings())
    try:
        with session_scope(engine) as session:
            row = save_template(session, name, template, file.name, sha256_of(file), f"cli:{getpass.getuser()}")
            key = row.supplier
    finally:
        engine.dispose()
    metals = sorted({s.metal for s in template.smelters})
    typer.echo(
        f"{template.kind} {template.version or ''} of '{name}' (key '{key}'): {len(template.smelters)} smelters"
        + (f" ({', '.join(metals)})" if metals else "")
    )


@suppliers_app.command("list")
def list_() -> None:
    """Each supplier's template in force: kind, revision, smelters, file and when it was loaded."""
    from oretrace.store.db import session_scope
    from oretrace.store.supplier_templates import latest_rows

    engine = open_store(load_settings())
    try:
        with session_scope(engine) as session:
            rows = [
                (r.supplier_printed, r.kind, r.version or "-", r.smelter_count, r.source_name, r.loaded_at)
                for r in latest_rows(session)
            ]
    finally:
        engine.dispose()
    if not rows:
        typer.echo("no supplier template loaded (oretrace suppliers load FILE)")
        return
    for name, kind, version, count, source, loaded_at in rows:
        typer.echo(f"{loaded_at:%Y-%m-%d %H:%M}  {kind}  {version:<8}  {count:>4} smelters  {name}  ({source})")


def register(app: typer.Typer) -> None:
    app.add_typer(suppliers_app, name="suppliers")
