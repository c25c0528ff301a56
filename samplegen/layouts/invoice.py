"""Commercial invoice layouts: label-value header, boxed grid form, centred letterhead with lot table."""

from __future__ import annotations

from samplegen.draw import Cell, Column
from samplegen.facts import Lot
from samplegen.layouts import (
    invoice_erp_printout,
    invoice_forms,
    invoice_myinvois,
    invoice_payment_advice,
    invoice_provisional_final,
    invoice_sap_billing,
    invoice_sin_export,
    invoice_spreadsheet,
    invoice_tax_invoice,
    invoice_un_aligned,
)
from samplegen.layouts.common import Ctx, Rendered


def render(ctx: Ctx) -> Rendered:
    DRAWERS[ctx.st.layout](ctx)
    return ctx.finish()


def _title(ctx: Ctx) -> str:
    return ctx.t("COMMERCIAL INVOICE", "FACTURA COMERCIAL")


def _origin_stated(ctx: Ctx) -> bool:
    return "omit_origin" not in ctx.st.flags


def _description_cell(ctx: Ctx, lot: Lot, first: bool) -> str:
    s = ctx.s
    lot_word = ctx.t("Lot", "Lote")
    lines = [s.description(ctx.lang), f"{lot_word} {lot.number} - {ctx.packages_text(lot.packages)}"]
    if first and "description" in s.china_text:
        lines.append(s.china_text["description"])
    return "\n".join(lines)


def _payment(ctx: Ctx) -> str:
    return ctx.t("T/T 30% advance, 70% against copy B/L", "Transferencia 30% anticipo, 70% contra copia de B/L")


def _producer_line(ctx: Ctx) -> str | None:
    if "smelter" not in ctx.st.flags:
        return None
    return f"{ctx.t('Producer / smelter', 'Productor / fundidora')}: {ctx.s.smelter.printed}"


def _declaration(ctx: Ctx) -> str:
    return ctx.t(
        "We hereby certify that this invoice shows the actual price of the goods described, that all particulars "
        "are true and correct.",
        "Declaramos bajo protesta de decir verdad que los datos asentados en esta factura son verdaderos y correctos.",
    )


def _items_table(ctx: Ctx, x: float, y: float, widths: list[float], on_break, break_after: int | None) -> float:
    s = ctx.s
    cols = [
        Column(ctx.t("No.", "No."), widths[0]),
        Column(ctx.t("Description of goods", "Descripción de la mercancía"), widths[1]),
        Column(ctx.t("HS code", "Fracción"), widths[2]),
        Column(ctx.t("Quantity (net)", "Cantidad (neta)"), widths[3], "right"),
        Column(ctx.t("Unit price", "Precio unitario"), widths[4], "right"),
        Column(ctx.t("Amount", "Importe"), widths[5], "right"),
    ]
    hs = ctx.hs()
    rows = []
    for i, lot in enumerate(s.lots):
        rows.append(
            [
                Cell(str(i + 1), "static"),
                Cell(_description_cell(ctx, lot, i == 0)),
                Cell(hs, field="hs_code"),
                Cell(ctx.weight(lot.net_kg)),
                Cell(ctx.price()),
                Cell(ctx.num(s.line_amount(lot), 2)),
            ]
        )
    return ctx.sheet.table(x, y, cols, rows, size=8.3, line_h=3.8, break_after=break_after, on_break=on_break)


def _continued(ctx: Ctx) -> float:
    sh = ctx.sheet
    sh.new_page()
    sh.text(ctx.left, 18, f"{ctx.s.seller.name}", 10, bold=True)
    sh.text(ctx.right, 18, f"{_title(ctx)} {ctx.s.invoice_no} - {ctx.t('continued', 'continuación')}", 9, align="right")
    return 26.0


def _totals_block(ctx: Ctx, y: float) -> float:
    s = ctx.s
    sh = ctx.sheet
    x_label = ctx.right - 105
    rows = [
        (ctx.t("Total net weight", "Peso neto total"), ctx.weight(s.net_kg, "net_weight_kg"), "net_weight_kg"),
        (ctx.t("Total gross weight", "Peso bruto total"), ctx.weight(s.gross_kg), None),
        (ctx.t("Total packages", "Total de bultos"), ctx.packages_text(s.packages), None),
    ]
    for label, value, field in rows:
        y += 5
        sh.text(x_label, y, f"{label}:", 8.5, bold=True, kind="label")
        sh.text(ctx.right, y, value, 9, kind="value", field=field, align="right")
    y += 7
    sh.text(x_label, y, f"{ctx.t('TOTAL', 'TOTAL')} {s.incoterm}:", 10, bold=True, kind="label")
    sh.text(
        ctx.right,
        y,
        ctx.money(s.total_amount, "total_amount"),
        10,
        bold=True,
        kind="value",
        field="total_amount",
        align="right",
    )
    return y


def _origin_and_producer(ctx: Ctx, y: float, gap: float) -> float:
    """The stated country of origin (when the layout states it) and the producer line, one under the other."""
    if _origin_stated(ctx):
        ctx.label_value(
            ctx.left,
            y,
            ctx.t("Country of origin:", "País de origen:"),
            ctx.country(ctx.s.declared, field="country_of_origin"),
            "country_of_origin",
            gap=gap,
        )
        y += 5
    producer = _producer_line(ctx)
    if producer:
        ctx.sheet.text(ctx.left, y, producer, 8.5, kind="value")
        y += 5
    return y


def _footer_notes(ctx: Ctx, y: float) -> float:
    s = ctx.s
    sh = ctx.sheet
    y += 8
    y = _origin_and_producer(ctx, y, gap=38)
    y = sh.para(ctx.left, y + 2, _declaration(ctx), ctx.width, 8)
    return ctx.signature(ctx.left, y + 10, s.seller.person, s.seller.title, len(s.invoice_no))


def _label_value_header(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    sh.text(ctx.left, 20, s.seller.name, 12.5, bold=True, kind="value", field="seller_name", max_w=100)
    ctx.set("seller_name", s.seller.name)
    sh.lines(ctx.left, 25, [*s.seller.lines, ctx.country(s.seller.country)], 8.5, kind="static")
    sh.text(ctx.left, 25 + 3.7 * (len(s.seller.lines) + 1), f"{s.seller.phone} - {s.seller.email}", 7.5)
    sh.text(ctx.right, 20, _title(ctx), 15, bold=True, align="right")
    meta = [
        (ctx.t("Invoice No.", "Factura No."), s.invoice_no, "invoice_number"),
        (ctx.t("Date", "Fecha"), ctx.date(s.invoice_date, "invoice_date"), "invoice_date"),
        (ctx.t("Terms", "Incoterm"), s.incoterm, None),
        (ctx.t("Payment", "Pago"), ctx.t("T/T", "Transferencia"), None),
        (ctx.t("Currency", "Moneda"), s.currency, None),
    ]
    ctx.set("invoice_number", s.invoice_no)
    y = 30
    for label, value, field in meta:
        ctx.label_value(ctx.right - 72, y, f"{label}:", value, field, gap=26, size=9, max_w=44)
        y += 4.6
    sh.hline(ctx.left, ctx.right, 56, 0.8)
    sh.text(ctx.left, 62, ctx.t("Sold to:", "Vendido a:"), 8.5, bold=True, kind="label")
    sh.lines(ctx.left, 67, ctx.party_lines(s.buyer), 9, field="buyer_name", max_w=85)
    ctx.set("buyer_name", s.buyer.name)
    mid = ctx.left + ctx.width / 2 + 5
    sh.text(mid, 62, ctx.t("Ship to / consignee:", "Consignatario:"), 8.5, bold=True, kind="label")
    sh.lines(
        mid,
        67,
        [
            ctx.t("Same as buyer", "El mismo comprador"),
            f"{ctx.t('Notify', 'Notificar')}: {s.buyer.person}",
            s.buyer.phone,
        ],
        9,
    )
    y = 90
    ctx.label_value(ctx.left, y, ctx.t("Port of loading:", "Puerto de embarque:"), s.place_loading, gap=34, max_w=55)
    ctx.label_value(mid, y, ctx.t("Port of discharge:", "Puerto de descarga:"), s.place_discharge, gap=34, max_w=50)
    ctx.label_value(ctx.left, y + 5, ctx.t("Vessel / voyage:", "Buque / viaje:"), s.vessel, gap=34, max_w=55)
    ctx.label_value(mid, y + 5, ctx.t("B/L No.:", "B/L No.:"), s.bl_no, gap=34)
    w = ctx.width
    widths = [8, w * 0.40, 20, w * 0.17, w * 0.17, 0]
    widths[5] = w - sum(widths)
    break_after = 2 if ctx.st.pages > 1 else None
    y = _items_table(ctx, ctx.left, 104, widths, lambda: _continued(ctx), break_after)
    y = _totals_block(ctx, y)
    _footer_notes(ctx, y)


def _boxed_grid(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    sh.text(sh.width / 2, 17, _title(ctx), 14, bold=True, align="center")
    x, w = ctx.left, ctx.width
    half, quarter = w / 2, w / 4
    y = 22
    sh.box(
        x,
        y,
        half,
        34,
        ctx.t("Exporter / seller (name, address, country)", "Exportador / vendedor (nombre, domicilio, país)"),
        ctx.party_lines(s.seller, contact=True),
        field="seller_name",
        value_size=8.5,
    )
    ctx.set("seller_name", s.seller.name)
    ctx.set("invoice_number", s.invoice_no)
    sh.box(x + half, y, quarter, 17, ctx.t("Invoice number", "Número de factura"), [s.invoice_no], "invoice_number")
    sh.box(
        x + half + quarter,
        y,
        quarter,
        17,
        ctx.t("Invoice date", "Fecha de factura"),
        [ctx.date(s.invoice_date, "invoice_date")],
        "invoice_date",
    )
    sh.box(
        x + half,
        y + 17,
        half,
        17,
        ctx.t("Terms of delivery and payment", "Condiciones de entrega y pago"),
        [f"{s.incoterm} - {_payment(ctx)}"],
        value_size=8,
    )
    y += 34
    sh.box(
        x, y, half, 30, ctx.t("Buyer (sold to)", "Comprador"), ctx.party_lines(s.buyer), "buyer_name", value_size=8.5
    )
    ctx.set("buyer_name", s.buyer.name)
    origin = ctx.country(s.declared, field="country_of_origin") if _origin_stated(ctx) else ""
    sh.box(
        x + half,
        y,
        half,
        15,
        ctx.t("Country of origin of goods", "País de origen de las mercancías"),
        [origin] if origin else [],
        "country_of_origin",
    )
    sh.box(x + half, y + 15, half, 15, ctx.t("Currency", "Moneda"), [s.currency])
    y += 30
    sh.box(x, y, quarter, 15, ctx.t("Port of loading", "Puerto de embarque"), [s.place_loading], value_size=8)
    sh.box(
        x + quarter, y, quarter, 15, ctx.t("Port of discharge", "Puerto de descarga"), [s.place_discharge], value_size=8
    )
    sh.box(
        x + half,
        y,
        quarter,
        15,
        ctx.t("Vessel / means of transport", "Buque / medio de transporte"),
        [s.vessel],
        value_size=8,
    )
    sh.box(x + half + quarter, y, quarter, 15, ctx.t("B/L number", "Número de B/L"), [s.bl_no], value_size=8)
    y += 19
    widths = [8, w * 0.41, 20, w * 0.17, w * 0.17, 0]
    widths[5] = w - sum(widths)
    break_after = 2 if ctx.st.pages > 1 else None
    y = _items_table(ctx, x, y, widths, lambda: _continued(ctx), break_after)
    y += 3
    boxes = [
        (ctx.t("Total net weight", "Peso neto total"), ctx.weight(s.net_kg, "net_weight_kg"), "net_weight_kg"),
        (ctx.t("Total gross weight", "Peso bruto total"), ctx.weight(s.gross_kg), None),
        (ctx.t("Number of packages", "Número de bultos"), ctx.packages_text(s.packages), None),
        (
            f"{ctx.t('Invoice total', 'Total factura')} {s.incoterm}",
            ctx.money(s.total_amount, "total_amount"),
            "total_amount",
        ),
    ]
    for i, (label, value, field) in enumerate(boxes):
        sh.box(x + i * quarter, y, quarter, 15, label, [value], field, value_size=8.8)
    y += 15
    _footer_notes(ctx, y)


def _letterhead_table(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    cx = sh.width / 2
    sh.text(cx, 18, s.seller.name, 13.5, bold=True, kind="value", field="seller_name", align="center")
    ctx.set("seller_name", s.seller.name)
    address = ", ".join([*s.seller.lines, ctx.country(s.seller.country)])
    sh.text(cx, 23, address, 8, align="center", max_w=ctx.width)
    sh.text(cx, 27, f"{s.seller.phone} | {s.seller.email} | {s.seller.tax_id}", 7.5, align="center")
    sh.hline(ctx.left, ctx.right, 30, 1.2)
    sh.hline(ctx.left, ctx.right, 31.2, 0.4)
    sh.text(cx, 41, _title(ctx), 14, bold=True, align="center")
    ctx.set("invoice_number", s.invoice_no)
    ctx.label_value(ctx.left, 50, ctx.t("Invoice No.:", "Factura No.:"), s.invoice_no, "invoice_number", gap=24)
    if ctx.lang == "es":
        place = s.seller.city
        ctx.label_value(
            ctx.left + ctx.width / 2 - 8,
            50,
            "Lugar y fecha de expedición:",
            f"{place}, {ctx.date(s.invoice_date, 'invoice_date')}",
            "invoice_date",
            gap=42,
            max_w=55,
        )
    else:
        ctx.label_value(ctx.right - 60, 50, "Date:", ctx.date(s.invoice_date, "invoice_date"), "invoice_date", gap=14)
    mid = ctx.left + ctx.width / 2 + 4
    sh.text(ctx.left, 59, ctx.t("SELLER / EXPORTER", "PROVEEDOR / EXPORTADOR"), 8, bold=True, kind="label")
    sh.lines(
        ctx.left,
        64,
        [s.seller.name, *s.seller.lines, ctx.country(s.seller.country)],
        8.5,
        kind="static",
        max_w=ctx.width / 2 - 6,
    )
    sh.text(mid, 59, ctx.t("BUYER / CONSIGNEE", "COMPRADOR / DESTINATARIO"), 8, bold=True, kind="label")
    sh.lines(mid, 64, ctx.party_lines(s.buyer), 8.5, field="buyer_name", max_w=ctx.width / 2 - 6)
    ctx.set("buyer_name", s.buyer.name)
    y = 88
    y = sh.para(
        ctx.left,
        y,
        f"{ctx.t('Description of goods', 'Descripción de la mercancía')}: {s.description(ctx.lang)}, "
        f"{s.packing_text(ctx.lang)}.",
        ctx.width,
        8.8,
        kind="value",
    )
    if "description" in s.china_text:
        y = sh.para(ctx.left, y, s.china_text["description"], ctx.width, 8.8, kind="value")
    ctx.label_value(ctx.left, y + 1, ctx.t("HS code:", "Fracción arancelaria:"), ctx.hs(), "hs_code", gap=36)
    y += 6
    y = _origin_and_producer(ctx, y, gap=36)
    w = ctx.width
    cols = [
        Column(ctx.t("Lot No.", "Lote No."), w * 0.22),
        Column(ctx.t("Packages", "Bultos"), w * 0.16, "right"),
        Column(ctx.t("Net weight", "Peso neto"), w * 0.22, "right"),
        Column(ctx.t(f"Unit price {s.currency}/MT", f"Precio unitario {s.currency}/TM"), w * 0.18, "right"),
        Column(ctx.t(f"Amount {s.currency}", f"Importe {s.currency}"), w * 0.22, "right"),
    ]
    rows: list[list[Cell]] = [
        [
            Cell(lot.number),
            Cell(str(lot.packages)),
            Cell(ctx.weight(lot.net_kg)),
            Cell(ctx.num(s.unit_price, 2)),
            Cell(ctx.num(s.line_amount(lot), 2)),
        ]
        for lot in s.lots
    ]
    total_row = [
        Cell("TOTAL", "label", bold=True),
        Cell(str(s.packages), bold=True),
        Cell(ctx.weight(s.net_kg, "net_weight_kg"), field="net_weight_kg", bold=True),
        Cell("", "static"),
        Cell(ctx.money(s.total_amount, "total_amount"), field="total_amount", bold=True),
    ]
    rows.append(total_row)
    break_after = 2 if ctx.st.pages > 1 else None
    y = sh.table(ctx.left, y + 2, cols, rows, size=8.5, break_after=break_after, on_break=lambda: _continued(ctx))
    y += 7
    ctx.label_value(ctx.left, y, ctx.t("Gross weight:", "Peso bruto:"), ctx.weight(s.gross_kg), gap=30)
    ctx.label_value(
        ctx.left, y + 5, ctx.t("Terms:", "Condiciones:"), f"{s.incoterm}; {_payment(ctx)}", gap=30, max_w=ctx.width - 32
    )
    ctx.label_value(
        ctx.left,
        y + 10,
        ctx.t("Shipment:", "Embarque:"),
        f"{s.place_loading} - {s.place_discharge}, {s.vessel}",
        gap=30,
        max_w=ctx.width - 32,
    )
    y = sh.para(ctx.left, y + 17, _declaration(ctx), ctx.width, 8)
    ctx.signature(ctx.left, y + 10, s.seller.person, s.seller.title, len(s.invoice_no))


DRAWERS = {
    "label_value_header": _label_value_header,
    "boxed_grid": _boxed_grid,
    "letterhead_table": _letterhead_table,
    "facture_arretee": invoice_forms.facture_arretee,
    "factura_electronica": invoice_forms.factura_electronica,
    "side_totals": invoice_forms.side_totals,
    "canada_customs": invoice_forms.canada_customs,
    "lc_say_total": invoice_forms.lc_say_total,
    "courier_customs": invoice_forms.courier_customs,
    "un_aligned": invoice_un_aligned.un_aligned,
    "erp_invoice": invoice_erp_printout.erp_invoice,
    "spreadsheet_invoice": invoice_spreadsheet.spreadsheet_invoice,
    "sin_export": invoice_sin_export.sin_export,
    "provisional_final": invoice_provisional_final.provisional_final,
    "sap_billing": invoice_sap_billing.sap_billing,
    "tax_invoice": invoice_tax_invoice.tax_invoice,
    "payment_advice": invoice_payment_advice.payment_advice,
    "myinvois": invoice_myinvois.myinvois,
}
