"""Packing list layouts: lot table, boxed summary, per-package register (may run onto a second page)."""

from __future__ import annotations

from decimal import Decimal

from samplegen.draw import Cell, Column
from samplegen.facts import Lot
from samplegen.layouts import (
    packing_delivery_note,
    packing_forms,
    packing_load_plan,
    packing_marks_sheet,
    packing_picking_list,
    packing_ship_notice,
    packing_sscc_pallets,
    packing_stuffing_tally,
    packing_vehicle_loading,
)
from samplegen.layouts.common import Ctx, Rendered


def render(ctx: Ctx) -> Rendered:
    lots = ctx.s.pl_lots
    ctx.set("lot_numbers", [lot.number for lot in lots])
    ctx.set("package_count", sum(lot.packages for lot in lots))
    ctx.set("invoice_number", ctx.s.pl_invoice_ref)
    DRAWERS[ctx.st.layout](ctx, lots)
    return ctx.finish()


def _title(ctx: Ctx) -> str:
    return ctx.t("PACKING LIST", "LISTA DE EMPAQUE")


def _totals(lots: list[Lot]) -> tuple[int, Decimal, Decimal]:
    return (
        sum(lot.packages for lot in lots),
        sum((lot.net_kg for lot in lots), Decimal(0)),
        sum((lot.gross_kg for lot in lots), Decimal(0)),
    )


def _marks_block(ctx: Ctx, x: float, y: float) -> float:
    sh = ctx.sheet
    sh.text(x, y, ctx.t("Marks and numbers:", "Marcas y números:"), 8.5, bold=True, kind="label")
    return sh.lines(x, y + 4.5, ctx.s.marks(ctx.lang, packing_list=True), 8.5, kind="value")


def _lot_table(ctx: Ctx, lots: list[Lot]) -> None:
    s, sh = ctx.s, ctx.sheet
    sh.text(ctx.left, 20, s.seller.name, 12, bold=True, max_w=105)
    sh.lines(ctx.left, 25, [*s.seller.lines, ctx.country(s.seller.country)], 8.3, kind="static")
    sh.text(ctx.right, 20, _title(ctx), 15, bold=True, align="right")
    meta = [
        (ctx.t("Packing list No.:", "Lista No.:"), s.pl_no, None),
        (ctx.t("Date:", "Fecha:"), ctx.date(s.invoice_date), None),
        (ctx.t("Invoice No.:", "Factura No.:"), s.pl_invoice_ref, "invoice_number"),
        (ctx.t("Vessel:", "Buque:"), s.vessel, None),
    ]
    y = 29
    y = ctx.label_values(ctx.right - 70, y, meta, 4.6, gap=28, max_w=42)
    sh.hline(ctx.left, ctx.right, 50, 0.8)
    sh.text(ctx.left, 56, ctx.t("Consignee:", "Consignatario:"), 8.5, bold=True, kind="label")
    sh.lines(ctx.left, 61, ctx.party_lines(s.buyer), 8.8)
    mid = ctx.left + ctx.width / 2 + 5
    ctx.label_value(mid, 56, ctx.t("From:", "De:"), s.place_loading, gap=14, max_w=72)
    ctx.label_value(mid, 61, ctx.t("To:", "A:"), s.place_discharge, gap=14, max_w=72)
    ctx.label_value(mid, 66, ctx.t("Terms:", "Incoterm:"), s.incoterm, gap=14, max_w=72)
    w = ctx.width
    cols = [
        Column(ctx.t("Lot No.", "Lote No."), w * 0.2),
        Column(ctx.t("Packages", "Bultos"), w * 0.16, "right"),
        Column(ctx.t("Description", "Descripción"), w * 0.28),
        Column(ctx.t("Net weight", "Peso neto"), w * 0.18, "right"),
        Column(ctx.t("Gross weight", "Peso bruto"), w * 0.18, "right"),
    ]
    desc = s.description(ctx.lang).split(",")[0]
    rows: list[list[Cell]] = [
        [
            Cell(lot.number, field="lot_numbers"),
            Cell(ctx.packages_text(lot.packages)),
            Cell(desc, "static"),
            Cell(ctx.weight(lot.net_kg)),
            Cell(ctx.weight(lot.gross_kg)),
        ]
        for lot in lots
    ]
    n, net, gross = _totals(lots)
    rows.append(
        [
            Cell("TOTAL", "label", bold=True),
            Cell(ctx.packages_text(n), field="package_count", bold=True),
            Cell("", "static"),
            Cell(ctx.weight(net, "net_weight_kg"), field="net_weight_kg", bold=True),
            Cell(ctx.weight(gross, "gross_weight_kg"), field="gross_weight_kg", bold=True),
        ]
    )
    y = sh.table(ctx.left, 86, cols, rows, size=8.5)
    y = _marks_block(ctx, ctx.left, y + 8)
    y = sh.para(ctx.left, y + 3, f"{ctx.t('Packing', 'Empaque')}: {s.packing_text(ctx.lang)}.", ctx.width, 8.5)
    ctx.signature(ctx.left, y + 12, s.seller.person, s.seller.title, len(s.pl_no))


def _boxed_summary(ctx: Ctx, lots: list[Lot]) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    half, quarter = w / 2, w / 4
    sh.text(sh.width / 2, 17, _title(ctx), 14, bold=True, align="center")
    y = 22
    sh.box(
        x,
        y,
        half,
        30,
        ctx.t("Shipper / exporter", "Embarcador / exportador"),
        ctx.party_lines(s.seller),
        value_size=8.5,
    )
    sh.box(x + half, y, quarter, 15, ctx.t("Packing list No.", "Lista de empaque No."), [s.pl_no])
    sh.box(x + half + quarter, y, quarter, 15, ctx.t("Date", "Fecha"), [ctx.date(s.invoice_date)])
    sh.box(
        x + half,
        y + 15,
        half,
        15,
        ctx.t("Commercial invoice No.", "Factura comercial No."),
        [s.pl_invoice_ref],
        "invoice_number",
    )
    y += 30
    sh.box(x, y, half, 30, ctx.t("Consignee", "Consignatario"), ctx.party_lines(s.buyer), value_size=8.5)
    sh.box(
        x + half,
        y,
        half,
        30,
        ctx.t("Marks and numbers", "Marcas y números"),
        s.marks(ctx.lang, packing_list=True),
        value_size=8.5,
    )
    y += 30
    sh.box(x, y, quarter, 15, ctx.t("Port of loading", "Puerto de carga"), [s.place_loading], value_size=8)
    sh.box(
        x + quarter, y, quarter, 15, ctx.t("Port of discharge", "Puerto de descarga"), [s.place_discharge], value_size=8
    )
    sh.box(x + half, y, half, 15, ctx.t("Vessel / means of transport", "Buque / transporte"), [s.vessel], value_size=8)
    y += 15
    sh.box(
        x,
        y,
        w,
        16,
        ctx.t("Description of goods", "Descripción de la mercancía"),
        [f"{s.description(ctx.lang)}; {s.packing_text(ctx.lang)}"],
        value_size=8.5,
    )
    y += 16
    n, net, gross = _totals(lots)
    third = w / 3
    sh.box(x, y, third, 15, ctx.t("Number of packages", "Número de bultos"), [ctx.packages_text(n)], "package_count")
    sh.box(
        x + third,
        y,
        third,
        15,
        ctx.t("Total net weight", "Peso neto total"),
        [ctx.weight(net, "net_weight_kg")],
        "net_weight_kg",
    )
    sh.box(
        x + 2 * third,
        y,
        third,
        15,
        ctx.t("Total gross weight", "Peso bruto total"),
        [ctx.weight(gross, "gross_weight_kg")],
        "gross_weight_kg",
    )
    y += 15
    lot_text = ", ".join(lot.number for lot in lots)
    lines = sh.wrap(lot_text, w - 6, 9)
    h = 8 + 4 * len(lines)
    sh.box(x, y, w, h, ctx.t("Lot numbers", "Números de lote"), lines, "lot_numbers")
    y += h + 6
    cols = [
        Column(ctx.t("Lot", "Lote"), w * 0.3),
        Column(ctx.t("Packages", "Bultos"), w * 0.2, "right"),
        Column(ctx.t("Net kg", "Neto kg"), w * 0.25, "right"),
        Column(ctx.t("Gross kg", "Bruto kg"), w * 0.25, "right"),
    ]
    rows = [
        [
            Cell(lot.number, field="lot_numbers"),
            Cell(str(lot.packages)),
            Cell(ctx.kg(lot.net_kg)),
            Cell(ctx.kg(lot.gross_kg)),
        ]
        for lot in lots
    ]
    y = sh.table(x, y, cols, rows, size=8.5)
    ctx.signature(x, y + 14, s.seller.person, s.seller.title, len(s.pl_no))


def _register_header(ctx: Ctx, first: bool) -> float:
    s, sh = ctx.s, ctx.sheet
    if not first:
        sh.new_page()
    sh.text(ctx.left, 18, s.seller.name, 11, bold=True, max_w=110)
    sh.text(ctx.right, 18, _title(ctx), 14, bold=True, align="right")
    ctx.label_value(ctx.left, 25, ctx.t("Packing list No.:", "Lista No.:"), s.pl_no, gap=30)
    ctx.label_value(
        ctx.left,
        30,
        ctx.t("Invoice No.:", "Factura No.:"),
        s.pl_invoice_ref,
        "invoice_number" if first else None,
        gap=30,
    )
    ctx.label_value(ctx.right - 70, 25, ctx.t("Date:", "Fecha:"), ctx.date(s.invoice_date), gap=20)
    if not first:
        sh.text(ctx.right - 70, 30, ctx.t("(continued)", "(continuación)"), 8.5)
        return 38.0
    ctx.label_value(ctx.right - 70, 30, ctx.t("Vessel:", "Buque:"), s.vessel, gap=20, max_w=48)
    sh.text(ctx.left, 38, ctx.t("Consignee:", "Consignatario:"), 8.5, bold=True, kind="label")
    sh.text(
        ctx.left + 30,
        38,
        f"{s.buyer.name}, {s.buyer.lines[-1]}, {ctx.country(s.buyer.country)}",
        8.8,
        kind="value",
        max_w=ctx.width - 30,
    )
    sh.text(ctx.left, 43, ctx.t("Goods:", "Mercancía:"), 8.5, bold=True, kind="label")
    sh.text(ctx.left + 30, 43, s.description(ctx.lang), 8.8, kind="value", max_w=ctx.width - 30)
    return 49.0


def _bundle_register(ctx: Ctx, lots: list[Lot]) -> None:
    s, sh = ctx.s, ctx.sheet
    y = _register_header(ctx, True)
    w = ctx.width
    unit_word = ctx.t("Ingots", "Lingotes") if s.product == "ingot" else ctx.t("Bags", "Sacos")
    cols = [
        Column(ctx.t("Pkg No.", "Bulto No."), w * 0.14),
        Column(ctx.t("Lot No.", "Lote No."), w * 0.26),
        Column(unit_word, w * 0.16, "right"),
        Column(ctx.t("Net weight (kg)", "Peso neto (kg)"), w * 0.22, "right"),
        Column(ctx.t("Gross weight (kg)", "Peso bruto (kg)"), w * 0.22, "right"),
    ]
    rows: list[list[Cell]] = []
    pkg = 0
    for lot in lots:
        for i, (net, gross) in enumerate(zip(lot.package_nets, lot.package_gross, strict=True)):
            pkg += 1
            pieces = round(net / 25) if s.product == "ingot" else 40
            rows.append(
                [
                    Cell(str(pkg), "static"),
                    Cell(lot.number, field="lot_numbers" if i == 0 else None),
                    Cell(str(pieces)),
                    Cell(ctx.kg(net)),
                    Cell(ctx.kg(gross)),
                ]
            )
    n, net, gross = _totals(lots)
    rows.append(
        [
            Cell("TOTAL", "label", bold=True),
            Cell(ctx.t(f"{len(lots)} lots", f"{len(lots)} lotes"), bold=True),
            Cell("", "static"),
            Cell(ctx.kg(net), bold=True),
            Cell(ctx.kg(gross), bold=True),
        ]
    )
    break_after = min(30, len(rows) - 5) if ctx.st.pages > 1 else None
    y = sh.table(
        ctx.left,
        y,
        cols,
        rows,
        size=8.3,
        line_h=3.3,
        pad=0.9,
        break_after=break_after,
        on_break=lambda: _register_header(ctx, False),
    )
    y += 7
    ctx.label_value(
        ctx.left, y, ctx.t("Total packages:", "Total de bultos:"), ctx.packages_text(n), "package_count", gap=40
    )
    ctx.label_value(
        ctx.left,
        y + 5,
        ctx.t("Total net weight:", "Peso neto total:"),
        ctx.weight(net, "net_weight_kg"),
        "net_weight_kg",
        gap=40,
    )
    ctx.label_value(
        ctx.left,
        y + 10,
        ctx.t("Total gross weight:", "Peso bruto total:"),
        ctx.weight(gross, "gross_weight_kg"),
        "gross_weight_kg",
        gap=40,
    )
    y = _marks_block(ctx, ctx.left + ctx.width / 2 + 5, y)
    ctx.signature(ctx.left, max(y, 0) + 12, s.seller.person, s.seller.title, len(s.pl_no))


DRAWERS = {
    "lot_table": _lot_table,
    "boxed_summary": _boxed_summary,
    "bundle_register": _bundle_register,
    "bundle_lots": packing_forms.bundle_lots,
    "lot_summary": packing_forms.lot_summary,
    "container_weights": packing_forms.container_weights,
    "weight_certificate": packing_forms.weight_certificate,
    "colisage_bilingual": packing_forms.colisage_bilingual,
    "lots_across": packing_forms.lots_across,
    "weight_tally": packing_forms.weight_tally,
    "weight_measurement": packing_forms.weight_measurement,
    "say_packages": packing_forms.say_packages,
    "load_plan": packing_load_plan.load_plan,
    "delivery_note": packing_delivery_note.delivery_note,
    "marks_sheet": packing_marks_sheet.marks_sheet,
    "vehicle_loading": packing_vehicle_loading.vehicle_loading,
    "sscc_pallets": packing_sscc_pallets.sscc_pallets,
    "picking_list": packing_picking_list.picking_list,
    "stuffing_tally": packing_stuffing_tally.stuffing_tally,
    "ship_notice": packing_ship_notice.ship_notice,
}
