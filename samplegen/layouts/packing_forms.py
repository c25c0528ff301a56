"""Packing list families added after the extractors were built.

* `bundle_lots`: a header grid of captioned cells ('Invoice No./Date') over a table of every bundle with a
  lot column, a subtotal under each lot and the grand total at the foot.
* `lot_summary`: reference lines ('Ref.', 'Our ref.') at the head, the packages by container without lots,
  and the lots only at the foot, as a summary table or a comma-separated line; captions in English, Spanish
  or Portuguese.
* `container_weights`: a wide (landscape) weight list per container and lot, with seal, tare and verified
  gross mass columns and the TOTAL row under them.
* `weight_tally`: a block per lot, every package's net weight in a grid of numbered cells, the lot's net,
  tare and gross under its grid and the totals in a box at the foot.
* `weight_measurement`: a weight and measurement list, one row per lot with the serial range of its
  packages, their outer dimensions and the lot's measurement in cubic metres beside the weights.
* `say_packages`: an exporter's English packing list in the style of Asian export houses: 'TO:' the buyer,
  the voyage as 'FROM ... TO ... BY ...', marks, lot, packages, quantity, N.W., G.W. and MEAS. per lot with a
  TOTAL row, and the package count again in words ('SAY TOTAL TWELVE (12) BUNDLES ONLY').

These follow the packing and weight lists exporters of metals attach to sea shipments (a container's
verified gross mass under SOLAS VI/2 is its cargo's gross weight plus the container's tare).
"""

from __future__ import annotations

from decimal import Decimal

from samplegen.draw import MM, Cell, Column
from samplegen.facts import Lot
from samplegen.layouts.common import Ctx
from samplegen.layouts.invoice_forms import number_in_words_en

CAPTIONS = {
    "en": {
        "title": "PACKING LIST",
        "invoice": "Invoice No./Date",
        "pl": "Packing List No./Date",
        "shipper": "Shipper",
        "consignee": "Consignee",
        "vessel": "Vessel / Voyage",
        "bundle": "Bundle No.",
        "lot": "Lot No.",
        "pieces": "Ingots",
        "net": "Net weight (kg)",
        "gross": "Gross weight (kg)",
        "subtotal": "Subtotal",
        "total": "GRAND TOTAL",
        "lots": "Lots",
        "summary": "LOT SUMMARY",
        "container": "Container No.",
        "seal": "Seal No.",
        "packages": "Packages",
        "tare": "Tare (kg)",
        "vgm": "VGM (kg)",
        "ref": "Ref.",
        "our_ref": "Our ref.",
        "order": "Your order",
        "marks": "Marks",
        "description": "Description",
        "weight_list": "PACKING AND WEIGHT LIST",
    },
    "es": {
        "title": "LISTA DE EMPAQUE",
        "invoice": "Factura No./Fecha",
        "pl": "Lista de empaque No./Fecha",
        "shipper": "Embarcador",
        "consignee": "Consignatario",
        "vessel": "Buque / Viaje",
        "bundle": "Atado No.",
        "lot": "Lote No.",
        "pieces": "Lingotes",
        "net": "Peso neto (kg)",
        "gross": "Peso bruto (kg)",
        "subtotal": "Subtotal",
        "total": "TOTAL GENERAL",
        "lots": "Lotes",
        "summary": "RESUMEN DE LOTES",
        "container": "Contenedor No.",
        "seal": "Sello No.",
        "packages": "Bultos",
        "tare": "Tara (kg)",
        "vgm": "VGM (kg)",
        "ref": "Ref.",
        "our_ref": "Nuestra ref.",
        "order": "Su pedido",
        "marks": "Marcas",
        "description": "Descripción",
        "weight_list": "LISTA DE EMPAQUE Y PESOS",
    },
    "pt": {
        "title": "LISTA DE EMBALAGEM",
        "invoice": "Fatura No./Data",
        "pl": "Romaneio No./Data",
        "shipper": "Exportador",
        "consignee": "Consignatário",
        "vessel": "Navio / Viagem",
        "bundle": "Amarrado No.",
        "lot": "Lote No.",
        "pieces": "Lingotes",
        "net": "Peso líquido (kg)",
        "gross": "Peso bruto (kg)",
        "subtotal": "Subtotal",
        "total": "TOTAL GERAL",
        "lots": "Lotes",
        "summary": "RESUMO DE LOTES",
        "container": "Contêiner No.",
        "seal": "Lacre No.",
        "packages": "Volumes",
        "tare": "Tara (kg)",
        "vgm": "VGM (kg)",
        "ref": "Ref.",
        "our_ref": "Nossa ref.",
        "order": "Seu pedido",
        "marks": "Marcas",
        "description": "Descrição",
        "weight_list": "ROMANEIO DE PESOS",
    },
}


def _captions(ctx: Ctx) -> dict[str, str]:
    if ctx.lang == "es":
        return CAPTIONS[ctx.pick(("es", "es", "pt"))]
    return CAPTIONS[ctx.pick(("en", "en", "en", "pt"))]


def _grid_cell(
    ctx: Ctx, x: float, y: float, w: float, h: float, caption: str, lines: list[str], field: str | None = None
) -> None:
    sh = ctx.sheet
    sh.rect(x, y, w, h, 0.5)
    sh.text(x + 1.5, y + 3.2, caption, 6.8, kind="label")
    sh.lines(x + 2.5, y + 7.6, lines, 8.4, field=field, max_w=w - 4)


def _totals(lots: list[Lot]) -> tuple[int, Decimal, Decimal]:
    return (
        sum(lot.packages for lot in lots),
        sum((lot.net_kg for lot in lots), Decimal(0)),
        sum((lot.gross_kg for lot in lots), Decimal(0)),
    )


def bundle_lots(ctx: Ctx, lots: list[Lot]) -> None:
    s, sh = ctx.s, ctx.sheet
    c = _captions(ctx)
    x, w = ctx.left, ctx.width
    sh.text(x, 16, s.seller.name, 11.5, bold=True, max_w=w * 0.6)
    sh.text(ctx.right, 16, c["title"], 14, bold=True, align="right")
    y = 21.0
    half = w / 2
    quarter = w / 4
    _grid_cell(ctx, x, y, half, 26, c["shipper"], ctx.party_lines(s.seller))
    slash = ctx.pick((" / ", " - ", "  "))
    _grid_cell(
        ctx,
        x + half,
        y,
        half,
        13,
        c["invoice"],
        [f"{s.pl_invoice_ref}{slash}{ctx.date(s.invoice_date)}"],
        "invoice_number",
    )
    _grid_cell(ctx, x + half, y + 13, half, 13, c["pl"], [f"{s.pl_no}{slash}{ctx.date(s.invoice_date)}"])
    y += 26
    _grid_cell(ctx, x, y, half, 26, c["consignee"], ctx.party_lines(s.buyer))
    _grid_cell(ctx, x + half, y, quarter, 13, c["vessel"], [s.vessel])
    _grid_cell(ctx, x + half + quarter, y, quarter, 13, "B/L", [s.bl_no])
    _grid_cell(ctx, x + half, y + 13, half, 13, c["description"], [s.description(ctx.lang)])
    y += 32
    repeat_lot = ctx.rng.random() < 0.5
    cols = [
        Column(c["bundle"], w * 0.14),
        Column(c["lot"], w * 0.26),
        Column(c["pieces"] if s.product == "ingot" else ctx.t("Bags", "Sacos"), w * 0.14, "right"),
        Column(c["net"], w * 0.23, "right"),
        Column(c["gross"], w * 0.23, "right"),
    ]
    rows: list[list[Cell]] = []
    pkg = 0
    for lot in lots:
        for i, (net, gross) in enumerate(zip(lot.package_nets, lot.package_gross, strict=True)):
            pkg += 1
            pieces = round(net / 25) if s.product == "ingot" else 40
            shown = lot.number if (repeat_lot or i == 0) else ""
            rows.append(
                [
                    Cell(f"{pkg:03d}", "static"),
                    Cell(shown, field="lot_numbers" if i == 0 else None),
                    Cell(str(pieces)),
                    Cell(ctx.kg(net, 1)),
                    Cell(ctx.kg(gross, 1)),
                ]
            )
        rows.append(
            [
                Cell(c["subtotal"], "static", bold=True),
                Cell(lot.number, "static", bold=True),
                Cell(str(lot.packages), bold=True),
                Cell(ctx.kg(lot.net_kg, 1), bold=True),
                Cell(ctx.kg(lot.gross_kg, 1), bold=True),
            ]
        )
    n, net, gross = _totals(lots)
    ctx.set("net_weight_kg", float(net))
    ctx.set("gross_weight_kg", float(gross))
    pieces = sum(round(nw / 25) if s.product == "ingot" else 40 for lot in lots for nw in lot.package_nets)
    rows.append(
        [
            Cell(c["total"], "label", bold=True),
            Cell(f"{len(lots)} {c['lots'].lower()}", bold=True),
            Cell(str(pieces), "static", bold=True),
            Cell(ctx.kg(net, 1), field="net_weight_kg", bold=True),
            Cell(ctx.kg(gross, 1), field="gross_weight_kg", bold=True),
        ]
    )
    y = sh.table(x, y, cols, rows, size=8, line_h=3.2, pad=0.8)
    ctx.label_value(x, y + 6, f"{c['packages']}:", ctx.packages_text(n), "package_count", gap=30)
    y = sh.lines(x, y + 13, s.marks(ctx.lang, packing_list=True), 8, kind="static")
    ctx.signature(x + w / 2, y + 6, s.seller.person, s.seller.title, len(s.pl_no))


def lot_summary(ctx: Ctx, lots: list[Lot]) -> None:
    s, sh = ctx.s, ctx.sheet
    c = _captions(ctx)
    x, w = ctx.left, ctx.width
    sh.text(x, 17, s.seller.name, 12, bold=True, max_w=w * 0.62)
    sh.lines(x, 22, [*s.seller.lines, ctx.country(s.seller.country)], 7.8, kind="static")
    sh.text(ctx.right, 17, c["title"], 14, bold=True, align="right")
    y = 40.0
    ref_lines = [
        (c["our_ref"], s.pl_no, None),
        (ctx.pick((c["ref"], f"{c['ref']} {c['invoice'].split()[0].lower()}")), s.pl_invoice_ref, "invoice_number"),
        (c["order"], s.buyer_po, None),
    ]
    for label, value, field in ref_lines:
        ctx.label_value(x, y, f"{label}:", value, field, gap=ctx.jitter(28, 3))
        y += 4.6
    sh.text(x + w / 2, 40, f"{c['consignee']}:", 8.4, bold=True, kind="label")
    sh.lines(x + w / 2, 44.6, ctx.party_lines(s.buyer), 8.4, max_w=w / 2)
    y = max(y, 64.0) + 4
    # packages by container, without their lots
    per_container = 20 if s.product == "ingot" else 18
    packages = [(net, gross) for lot in lots for net, gross in zip(lot.package_nets, lot.package_gross, strict=True)]
    cols = [
        Column(c["container"], w * 0.26),
        Column(c["packages"], w * 0.16, "right"),
        Column(c["description"], w * 0.28),
        Column("N.W. (kg)", w * 0.15, "right"),
        Column("G.W. (kg)", w * 0.15, "right"),
    ]
    rows = []
    for start in range(0, len(packages), per_container):
        chunk = packages[start : start + per_container]
        number = f"{ctx.pick(('MSKU', 'TGHU', 'CMAU', 'OOLU'))}{ctx.rng.randrange(1000000, 9999999)}"
        nets = sum((n for n, _ in chunk), Decimal(0))
        grosses = sum((g for _, g in chunk), Decimal(0))
        rows.append(
            [
                Cell(number, "static"),
                Cell(str(len(chunk))),
                Cell(s.description(ctx.lang).split(",")[0], "static"),
                Cell(ctx.kg(nets, 1)),
                Cell(ctx.kg(grosses, 1)),
            ]
        )
    y = sh.table(x, y, cols, rows, size=8.2) + 8
    n, net, gross = _totals(lots)
    ctx.set("package_count", n)
    sh.rect(x, y, w, 16, 0.6)
    sh.text(x + 2, y + 5, f"TOTAL: {ctx.packages_text(n)}", 9, bold=True, kind="value", field="package_count")
    net_word = ctx.pick(("N.W.:", "Net weight:", "Peso neto:" if ctx.lang == "es" else "Net wt.:"))
    gross_word = ctx.pick(("G.W.:", "Gross weight:", "Peso bruto:" if ctx.lang == "es" else "Gross wt.:"))
    unit = ctx.pick(("kg", "KGS", "MT"))
    sh.text(
        x + 2, y + 11, f"{net_word} {ctx.weight_as(net, unit, 'net_weight_kg')}", 9, kind="value", field="net_weight_kg"
    )
    sh.text(
        x + w / 2,
        y + 11,
        f"{gross_word} {ctx.weight_as(gross, unit, 'gross_weight_kg')}",
        9,
        kind="value",
        field="gross_weight_kg",
    )
    y += 24
    if ctx.rng.random() < 0.5:
        sh.text(x, y, c["summary"], 9, bold=True, kind="label")
        cols = [
            Column(c["lot"], w * 0.3),
            Column(c["packages"], w * 0.2, "right"),
            Column("N.W. (kg)", w * 0.25, "right"),
        ]
        rows = [
            [Cell(lot.number, field="lot_numbers"), Cell(str(lot.packages)), Cell(ctx.kg(lot.net_kg, 1))]
            for lot in lots
        ]
        y = sh.table(x, y + 3, cols, rows, size=8.2)
    else:
        text = f"{c['lots']}: " + ", ".join(lot.number for lot in lots)
        y = sh.para(x, y, text, w, 9, kind="value", field="lot_numbers")
    ctx.signature(x, y + 14, s.seller.person, s.seller.title, len(s.pl_no))


def container_weights(ctx: Ctx, lots: list[Lot]) -> None:
    s, sh = ctx.s, ctx.sheet
    c = _captions(ctx)
    x, w = ctx.left, ctx.width
    sh.text(x, 15, s.seller.name, 11.5, bold=True, max_w=w * 0.5)
    sh.text(ctx.right, 15, c["weight_list"], 13, bold=True, align="right")
    ctx.label_value(x, 23, f"{c['invoice'].split('/')[0]}:", s.pl_invoice_ref, "invoice_number", gap=30)
    ctx.label_value(x, 28, f"{c['pl'].split('/')[0]}:", s.pl_no, gap=30)
    ctx.label_value(x + w * 0.4, 23, f"{c['vessel']}:", s.vessel, gap=26, max_w=70)
    ctx.label_value(x + w * 0.4, 28, "B/L:", s.bl_no, gap=26)
    ctx.label_value(x + w * 0.75, 23, f"{c['consignee']}:", s.buyer.name, gap=24, max_w=w * 0.25 - 24)
    per_container = 20 if s.product == "ingot" else 18
    cols = [
        Column(c["container"], w * 0.13),
        Column(c["seal"], w * 0.1),
        Column(c["lot"], w * 0.13),
        Column(c["packages"], w * 0.08, "right"),
        Column(c["net"], w * 0.12, "right"),
        Column(c["gross"], w * 0.12, "right"),
        Column(c["tare"], w * 0.1, "right"),
        Column(c["vgm"], w * 0.12, "right"),
        Column(c["marks"], w * 0.1),
    ]
    rows: list[list[Cell]] = []
    queue = [(lot, net, gross) for lot in lots for net, gross in zip(lot.package_nets, lot.package_gross, strict=True)]
    seen_lots: set[str] = set()
    total_tare = Decimal(0)
    for start in range(0, len(queue), per_container):
        chunk = queue[start : start + per_container]
        container = f"{ctx.pick(('MSKU', 'TGHU', 'CMAU', 'OOLU', 'SEGU'))}{ctx.rng.randrange(1000000, 9999999)}"
        seal = f"{ctx.pick(('ML', 'SL', ''))}{ctx.rng.randrange(100000, 999999)}"
        tare = Decimal(ctx.pick((2200, 2230, 2250, 2300)))
        total_tare += tare
        by_lot: dict[str, list[tuple[Decimal, Decimal]]] = {}
        for lot, net, gross in chunk:
            by_lot.setdefault(lot.number, []).append((net, gross))
        for i, (number, items) in enumerate(by_lot.items()):
            net = sum((n for n, _ in items), Decimal(0))
            gross = sum((g for _, g in items), Decimal(0))
            first = number not in seen_lots
            seen_lots.add(number)
            cargo_gross = sum((g for _, _, g in chunk), Decimal(0))
            rows.append(
                [
                    Cell(container if i == 0 else "", "static"),
                    Cell(seal if i == 0 else "", "static"),
                    Cell(number, field="lot_numbers" if first else None),
                    Cell(str(len(items))),
                    Cell(ctx.kg(net, 1)),
                    Cell(ctx.kg(gross, 1)),
                    Cell(ctx.kg(tare, 0) if i == 0 else "", "static"),
                    Cell(ctx.kg(cargo_gross + tare, 1) if i == 0 else "", "static"),
                    Cell("1-" + str(len(chunk)) if i == 0 else "", "static"),
                ]
            )
    n, net, gross = _totals(lots)
    ctx.set("net_weight_kg", float(net))
    ctx.set("gross_weight_kg", float(gross))
    ctx.set("package_count", n)
    rows.append(
        [
            Cell("TOTAL", "label", bold=True),
            Cell("", "static"),
            Cell(f"{len(lots)} {c['lots'].lower()}", bold=True),
            Cell(str(n), field="package_count", bold=True),
            Cell(ctx.kg(net, 1), field="net_weight_kg", bold=True),
            Cell(ctx.kg(gross, 1), field="gross_weight_kg", bold=True),
            Cell(ctx.kg(total_tare, 0), "static", bold=True),
            Cell(ctx.kg(gross + total_tare, 1), "static", bold=True),
            Cell("", "static"),
        ]
    )
    y = sh.table(x, 36, cols, rows, size=7.8, line_h=3.4, pad=0.9)
    sh.text(x, y + 7, s.description(ctx.lang), 8.2)
    ctx.signature(x + w * 0.6, y + 10, s.seller.person, s.seller.title, len(s.pl_no))


# ----- twelve-family extension: a surveyor's weight certificate, a French/English packing list, lots across -----

SURVEYORS = (
    ("Meridian Cargo Surveyors Ltd.", "Independent marine and cargo surveyors"),
    ("Andes Inspection & Survey S.A.", "Inspección, muestreo y pesaje"),
    ("Gulf Superintendence Services LLC", "Cargo superintendents - weight and quality"),
    ("Siam Cargo Superintendents Co., Ltd.", "Surveyors and weighers"),
)  # fictional


def weight_certificate(ctx: Ctx, lots: list[Lot]) -> None:
    """A certificate of weight by an independent surveyor who attended the weighing: the surveyor's letterhead,
    the client's references, one line per container with its lots and weights, the total and a statement."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    es = ctx.lang == "es"
    surveyor, tagline = ctx.pick(SURVEYORS)
    sh.text(x, 16, surveyor, 13, bold=True, max_w=w * 0.7)
    sh.text(x, 21, tagline, 8, kind="static")
    sh.hline(x, ctx.right, 24, 1.0)
    title = ctx.pick(("CERTIFICADO DE PESO", "CERTIFICADO DE PESAJE") if es else
                     ("CERTIFICATE OF WEIGHT", "WEIGHT CERTIFICATE", "CERTIFICATE OF WEIGHT AND PACKING"))  # fmt: skip
    sh.text(sh.width / 2, 33, title, 13, bold=True, align="center")
    report_no = f"{ctx.pick(('WC', 'CW', 'SRV'))}-{s.invoice_date:%y}-{ctx.rng.randrange(1000, 9999)}"
    ctx.label_value(ctx.right - 62, 40, ctx.t("Report No.:", "Informe No.:"), report_no, gap=22)
    gap = ctx.jitter(36, 3)
    refs = [
        (ctx.t("Client:", "Cliente:"), s.seller.name, None),
        (ctx.pick((ctx.t("Client's invoice:", "Factura del cliente:"), ctx.t("Invoice ref.:", "Ref. factura:"))),
         s.pl_invoice_ref, "invoice_number"),
        (ctx.t("Commodity:", "Mercancía:"), s.description(ctx.lang), None),
        (ctx.t("Vessel:", "Buque:"), s.vessel, None),
        (ctx.t("Place of weighing:", "Lugar de pesaje:"), s.place_loading, None),
    ]  # fmt: skip
    y = 48.0
    y = ctx.label_values(x, y, refs, 5, gap=gap, max_w=w - gap - 2)
    y += 2
    y = (
        sh.para(
            x,
            y,
            ctx.t(
                "We hereby certify that we attended the weighing of the consignment below on a calibrated weighbridge "
                "and that the weights found were as follows:",
                "Certificamos que presenciamos el pesaje de la mercancía abajo descrita en báscula calibrada y que "
                "los pesos obtenidos fueron los siguientes:",
            ),
            w,
            8.4,
        )
        + 3
    )
    per_container = 20 if s.product == "ingot" else 18
    queue = [(lot, net, gross) for lot in lots for net, gross in zip(lot.package_nets, lot.package_gross, strict=True)]
    cols = [
        Column(ctx.t("Container", "Contenedor"), w * 0.17),
        Column(ctx.t("Seal", "Precinto"), w * 0.11),
        Column(ctx.t("Lots", "Lotes"), w * 0.26),
        Column(ctx.t("Pkgs", "Bultos"), w * 0.08, "right"),
        Column(ctx.t("Gross kg", "Bruto kg"), w * 0.13, "right"),
        Column(ctx.t("Tare kg", "Tara kg"), w * 0.12, "right"),
        Column(ctx.t("Net kg", "Neto kg"), w * 0.13, "right"),
    ]
    rows: list[list[Cell]] = []
    shown: set[str] = set()
    for start in range(0, len(queue), per_container):
        chunk = queue[start : start + per_container]
        numbers = list(dict.fromkeys(lot.number for lot, _, _ in chunk))
        fresh = [n for n in numbers if n not in shown]
        shown.update(numbers)
        net = sum((n for _, n, _ in chunk), Decimal(0))
        gross = sum((g for _, _, g in chunk), Decimal(0))
        rows.append(
            [
                Cell(f"{ctx.pick(('MSKU', 'TGHU', 'CMAU', 'HLXU'))}{ctx.rng.randrange(1000000, 9999999)}", "static"),
                Cell(f"{ctx.rng.randrange(100000, 999999)}", "static"),
                Cell(", ".join(numbers), field="lot_numbers" if fresh else None),
                Cell(str(len(chunk))),
                Cell(ctx.kg(gross, 1)),
                Cell(ctx.kg(gross - net, 1), "static"),
                Cell(ctx.kg(net, 1)),
            ]
        )
    n, net, gross = _totals(lots)
    ctx.set("net_weight_kg", float(net))
    ctx.set("gross_weight_kg", float(gross))
    rows.append(
        [
            Cell("TOTAL", "label", bold=True),
            Cell("", "static"),
            Cell("", "static"),
            Cell(str(n), field="package_count", bold=True),
            Cell(ctx.kg(gross, 1), field="gross_weight_kg", bold=True),
            Cell(ctx.kg(gross - net, 1), "static", bold=True),
            Cell(ctx.kg(net, 1), field="net_weight_kg", bold=True),
        ]
    )
    y = sh.table(x, y, cols, rows, size=8, line_h=3.4, pad=1.0) + 6
    y = sh.lines(x, y, s.marks(ctx.lang, packing_list=True), 8, kind="static") + 3
    y = sh.para(
        x,
        y,
        ctx.t(
            "This certificate reflects the weights found at the time and place of weighing and is issued without "
            "prejudice.",
            "El presente certificado refleja los pesos obtenidos en el lugar y momento del pesaje y se emite sin "
            "perjuicio.",
        ),
        w,
        7.6,
    )
    sh.text(x, y + 8, f"{s.place_loading}, {ctx.date(s.departure_date)}", 8.4)
    sh.canvas.setLineWidth(0.7)
    sh.canvas.circle((ctx.right - 30) * MM, (sh.height - (y + 20)) * MM, 12 * MM)
    sh.scribble(x + 2, y + 22, 36, len(s.pl_no))
    sh.hline(x, x + 60, y + 25, 0.4)
    sh.text(x, y + 29, ctx.t("Surveyor", "Inspector"), 8)


def colisage_bilingual(ctx: Ctx, lots: list[Lot]) -> None:
    """'Liste de colisage / Packing list': every caption in French then English, package by package."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    sep = ctx.pick((" / ", " - ", "\n"))

    def both(fr: str, en: str) -> str:
        return f"{fr}{sep}{en}" if sep != "\n" else f"{fr} / {en}"

    sh.text(x, 16, s.seller.name, 12, bold=True, max_w=w * 0.6)
    sh.text(x, 21, ", ".join([*s.seller.lines]), 7.8, max_w=w * 0.6)
    sh.text(ctx.right, 16, "LISTE DE COLISAGE", 13.5, bold=True, align="right")
    sh.text(ctx.right, 21.5, "PACKING LIST", 10, align="right")
    y = 32.0
    gap = ctx.jitter(46, 4)
    lines = [
        (both("Facture n°", "Invoice No."), s.pl_invoice_ref, "invoice_number"),
        (both("Liste n°", "List No."), s.pl_no, None),
        (both("Date", "Date"), ctx.date(s.invoice_date), None),
        (both("Destinataire", "Consignee"), s.buyer.name, None),
        (both("Navire", "Vessel"), s.vessel, None),
        (both("Port de chargement", "Port of loading"), s.place_loading, None),
    ]
    for label, value, field in lines:
        ctx.label_value(x, y, f"{label} :", value, field, gap=gap, size=8.6, max_w=w - gap - 2)
        y += 4.8
    y += 4
    cols = [
        Column(both("Colis n°", "Pkg No."), w * 0.16),
        Column("Lot", w * 0.22),
        Column(both("Poids net", "Net wt.") + " (kg)", w * 0.2, "right"),
        Column(both("Poids brut", "Gross wt.") + " (kg)", w * 0.2, "right"),
        Column(both("Marques", "Marks"), w * 0.22),
    ]
    rows: list[list[Cell]] = []
    pkg = 0
    for lot in lots:
        for i, (net, gross) in enumerate(zip(lot.package_nets, lot.package_gross, strict=True)):
            pkg += 1
            rows.append(
                [
                    Cell(str(pkg), "static"),
                    Cell(lot.number, field="lot_numbers" if i == 0 else None),
                    Cell(ctx.kg(net, 1)),
                    Cell(ctx.kg(gross, 1)),
                    Cell(f"{s.buyer.name.split()[0].upper()} {pkg}/{sum(x.packages for x in lots)}", "static"),
                ]
            )
    n, net, gross = _totals(lots)
    ctx.set("net_weight_kg", float(net))
    ctx.set("gross_weight_kg", float(gross))
    rows.append(
        [
            Cell("TOTAL", "label", bold=True),
            Cell(f"{len(lots)} lots", "static", bold=True),
            Cell(ctx.kg(net, 1), field="net_weight_kg", bold=True),
            Cell(ctx.kg(gross, 1), field="gross_weight_kg", bold=True),
            Cell("", "static"),
        ]
    )
    size = 7.6 if len(rows) > 24 else 8.2
    y = sh.table(x, y, cols, rows, size=size, line_h=3.1, pad=0.7) + 6
    word = ("fardeaux", "bundles") if s.product == "ingot" else ("palettes", "pallets")
    ctx.label_value(x, y, both("Nombre de colis", "Number of packages") + " :", f"{n} {word[0]} / {word[1]}",
                    "package_count", gap=gap + 12)  # fmt: skip
    y = sh.lines(x, y + 6, s.marks("en", packing_list=True), 7.8, kind="static")
    ctx.signature(x + w / 2, y + 4, s.seller.person, s.seller.title, len(s.pl_no))


def lots_across(ctx: Ctx, lots: list[Lot]) -> None:
    """A landscape sheet with the lots as columns and packages and weights as rows, the total in the last
    column; the header's references in a ruled strip above it."""
    s, sh = ctx.s, ctx.sheet
    c = _captions(ctx)
    x, w = ctx.left, ctx.width
    sh.text(x, 15, s.seller.name, 12, bold=True, max_w=w * 0.5)
    sh.text(ctx.right, 15, c["title"], 14, bold=True, align="right")
    strip = [
        (c["invoice"].split("/")[0], s.pl_invoice_ref, "invoice_number"),
        (c["pl"].split("/")[0], s.pl_no, None),
        (c["consignee"], s.buyer.name, None),
        (c["vessel"], s.vessel, None),
    ]
    widths = [w * 0.2, w * 0.2, w * 0.34, w * 0.26]
    cx = x
    for (caption, value, field), cw in zip(strip, widths, strict=True):
        _grid_cell(ctx, cx, 20, cw, 12, caption, [value], field)
        cx += cw
    n, net, gross = _totals(lots)
    ctx.set("net_weight_kg", float(net))
    ctx.set("gross_weight_kg", float(gross))
    first = w * ctx.jitter(0.2, 0.02)
    cw = (w - first) / (len(lots) + 1)
    # the header band carries only the captions; the lot numbers head their columns in the first row
    cols = [Column(c["lot"], first)] + [Column("", cw, "right") for _ in lots] + [Column(c["total"], cw, "right")]
    rows: list[list[Cell]] = [
        [Cell(c["lots"], "label")] + [Cell(lot.number, field="lot_numbers") for lot in lots] + [Cell("", "static")],
        [Cell(c["packages"], "label")] + [Cell(str(lot.packages)) for lot in lots]
        + [Cell(str(n), field="package_count", bold=True)],
        [Cell(c["net"], "label")] + [Cell(ctx.kg(lot.net_kg, 1)) for lot in lots]
        + [Cell(ctx.kg(net, 1), field="net_weight_kg", bold=True)],
        [Cell(c["gross"], "label")] + [Cell(ctx.kg(lot.gross_kg, 1)) for lot in lots]
        + [Cell(ctx.kg(gross, 1), field="gross_weight_kg", bold=True)],
    ]  # fmt: skip
    if ctx.rng.random() < 0.5:
        rows = [rows[0], rows[2], rows[3], rows[1]]  # weights above the package count
    y = sh.table(x, ctx.jitter(42, 2), cols, rows, size=ctx.jitter(8.6, 0.4), line_h=4.0, pad=1.4) + 7
    sh.text(x, y, f"{c['description']}: {s.description(ctx.lang)}", 8.4)
    y = sh.lines(x, y + 6, s.marks(ctx.lang, packing_list=True), 8, kind="static")
    ctx.signature(x + w * 0.6, y + 2, s.seller.person, s.seller.title, len(s.pl_no))


TALLY_TITLES = {
    "en": ("WEIGHT LIST", "PACKING AND WEIGHT LIST", "WEIGHT NOTE"),
    "es": ("LISTA DE PESOS", "NOTA DE PESOS", "LISTA DE EMPAQUE Y PESOS"),
    "pt": ("ROMANEIO DE PESOS", "LISTA DE PESOS"),
}


def weight_tally(ctx: Ctx, lots: list[Lot]) -> None:
    """A weight list in blocks, one block per lot: the lot number in a shaded band, the net weight of every
    bundle or pallet in a grid of numbered cells read across, the lot's net, tare and gross on the line under
    the grid; the shipment's totals in a ruled box at the foot, the references in a line of short captioned
    entries at the head."""
    s, sh = ctx.s, ctx.sheet
    c = _captions(ctx)
    lang = "pt" if c is CAPTIONS["pt"] else ("es" if c is CAPTIONS["es"] else "en")
    x, w = ctx.left, ctx.width
    sh.text(sh.width / 2, 16, ctx.pick(TALLY_TITLES[lang]), 14, bold=True, align="center")
    sh.text(sh.width / 2, 21.5, s.seller.name, 9.5, align="center", max_w=w)
    sh.hline(x, ctx.right, 24.5, 0.8)
    refs = [
        (c["invoice"].split("/")[0], s.pl_invoice_ref, "invoice_number"),
        ("B/L", s.bl_no, None),
        (c["vessel"].split("/")[0].strip(), s.vessel, None),
        (c["consignee"], s.buyer.name, None),
    ]
    y = 30.0
    cx = x
    for caption, value, field in refs:
        label = f"{caption}:"
        if cx + sh.text_width(label, 7.6, True) + sh.text_width(value, 8.4) + 4 > ctx.right:
            cx, y = x, y + 5
        sh.text(cx, y, label, 7.6, bold=True, kind="label")
        cx += sh.text_width(label, 7.6, True) + 1.5
        width = sh.text(cx, y, value, 8.4, kind="value" if field else "static", field=field)
        cx += width + ctx.jitter(7, 1.5)
    y += 5
    sh.text(x, y, f"{c['description']}: {s.description(ctx.lang)}", 8.2, max_w=w)
    y += ctx.jitter(7, 1)
    package = s.package_word("en" if lang == "en" else "es", False).upper()
    if lang == "pt":
        package = "AMARRADO" if s.product == "ingot" else "PALETE"
    per_row = ctx.pick((5, 6, 8))
    cell_w = w / per_row
    cell_h = ctx.jitter(9.5, 0.6)
    net_word, tare_word, gross_word = {
        "en": ("Net", "Tare", "Gross"),
        "es": ("Neto", "Tara", "Bruto"),
        "pt": ("Líquido", "Tara", "Bruto"),
    }[lang]
    number = 0
    for lot in lots:
        sh.rect(x, y, w, 6, 0.5, fill=0.88)
        lot_word = c["lot"]
        sh.text(x + 2, y + 4.2, lot_word, 8.6, bold=True, kind="label")
        lx = x + 3.5 + sh.text_width(lot_word, 8.6, True)
        lx += sh.text(lx, y + 4.2, lot.number, 9, bold=True, kind="value", field="lot_numbers") + 4
        sh.text(lx, y + 4.2, f"({lot.packages} x {package})", 8)
        sh.text(ctx.right - 2, y + 4.2, f"{net_word} (kg)", 7.4, kind="label", align="right")
        y += 6
        for i, net in enumerate(lot.package_nets):
            number += 1
            col, row = i % per_row, i // per_row
            cx, cy = x + col * cell_w, y + row * cell_h
            sh.rect(cx, cy, cell_w, cell_h, 0.3)
            sh.text(cx + 1.2, cy + 3, f"{number:02d}" if ctx.st.font != "Courier" else f"#{number}", 6.2,
                    kind="static")  # fmt: skip
            sh.text(cx + cell_w - 1.5, cy + cell_h - 1.8, ctx.kg(net, 1), 8.6, kind="static", align="right")
        rows = -(-lot.packages // per_row)
        y += rows * cell_h + 4.2
        tare = lot.gross_kg - lot.net_kg
        line = (
            f"{net_word}: {ctx.kg(lot.net_kg, 1)} kg    {tare_word}: {ctx.kg(tare, 1)} kg    "
            f"{gross_word}: {ctx.kg(lot.gross_kg, 1)} kg"
        )
        sh.text(ctx.right, y, line, 8.2, bold=True, align="right")
        y += ctx.jitter(6.5, 1)
    n, net, gross = _totals(lots)
    bw = w * ctx.jitter(0.5, 0.04)
    bx = ctx.right - bw
    y += 2
    sh.rect(bx, y, bw, 19, 0.8)
    sh.text(bx + 2, y + 4.5, c["total"], 9, bold=True, kind="label")
    entries = [
        (c["packages"], str(n), "package_count"),
        (f"{net_word}", ctx.weight(net, "net_weight_kg"), "net_weight_kg"),
        (f"{gross_word}", ctx.weight(gross, "gross_weight_kg"), "gross_weight_kg"),
    ]
    ey = y + 9
    for caption, value, field in entries:
        sh.text(bx + 4, ey, f"{caption}:", 8.4, kind="label")
        sh.text(bx + bw - 2.5, ey, value, 9, bold=True, kind="value", field=field, align="right")
        ey += 4.2
    marks_y = y + 4.5
    sh.text(x, marks_y, f"{c['marks']}:", 8, bold=True, kind="label")
    sh.lines(x, marks_y + 4.2, s.marks(ctx.lang, packing_list=True), 7.8, kind="value", max_w=bx - x - 4)
    ctx.signature(x, y + 35, s.seller.person, s.seller.title, len(s.pl_no))


# --- fold 2 additions ---

MEASURE_CAPTIONS = {
    "en": {
        "title": ("WEIGHT AND MEASUREMENT LIST", "WEIGHT & MEASUREMENT LIST", "PACKING / MEASUREMENT LIST"),
        "invoice": ("Invoice No.", "Inv. No.", "Commercial Invoice No."),
        "date": "Date",
        "consignee": "Consignee",
        "vessel": "Per",
        "from_to": "From / To",
        "marks": "Shipping marks",
        "nos": ("C/Nos.", "Case Nos.", "Pkg. Nos."),
        "lot": "Lot",
        "qty": "Qty",
        "dims": "Dimensions L x W x H (cm)",
        "cbm": "Meas. (CBM)",
        "net": "N.W. (kg)",
        "gross": "G.W. (kg)",
        "total": "TOTAL",
        "packages": "Total packages",
        "measurement": "Total measurement",
        "each": "each",
    },
    "es": {
        "title": ("LISTA DE PESOS Y MEDIDAS", "LISTA DE PESOS Y DIMENSIONES", "LISTA DE EMPAQUE Y MEDIDAS"),
        "invoice": ("Factura No.", "Factura comercial No.", "Fact. No."),
        "date": "Fecha",
        "consignee": "Consignatario",
        "vessel": "Buque",
        "from_to": "Origen / Destino",
        "marks": "Marcas",
        "nos": ("Bultos Nos.", "Nos.", "Numeración"),
        "lot": "Lote",
        "qty": "Cant.",
        "dims": "Medidas L x A x H (cm)",
        "cbm": "Volumen (m3)",
        "net": "P. neto (kg)",
        "gross": "P. bruto (kg)",
        "total": "TOTAL",
        "packages": "Total de bultos",
        "measurement": "Volumen total",
        "each": "c/u",
    },
    "pt": {
        "title": ("ROMANEIO DE PESOS E MEDIDAS", "ROMANEIO DE CARGA", "LISTA DE PESOS E MEDIDAS"),
        "invoice": ("Fatura No.", "Fatura comercial No.", "Fatura No."),
        "date": "Data",
        "consignee": "Consignatário",
        "vessel": "Navio",
        "from_to": "Origem / Destino",
        "marks": "Marcas",
        "nos": ("Volumes Nos.", "Nos.", "Numeração"),
        "lot": "Lote",
        "qty": "Qtd.",
        "dims": "Dimensões C x L x A (cm)",
        "cbm": "Cubagem (m3)",
        "net": "P. líquido (kg)",
        "gross": "P. bruto (kg)",
        "total": "TOTAL",
        "packages": "Total de volumes",
        "measurement": "Cubagem total",
        "each": "cada",
    },
}


def weight_measurement(ctx: Ctx, lots: list[Lot]) -> None:
    """A weight and measurement list: one row per lot with the serial range of its packages ('1 - 12'), the
    outer dimensions of each package and the lot's measurement in cubic metres beside its net and gross
    weights; the measurement total under the table with the packages' count."""
    s, sh = ctx.s, ctx.sheet
    # Portuguese captions where the goods go to Brazil
    lang = ("pt" if s.buyer.country == "BR" else "es") if ctx.lang == "es" else "en"
    c = MEASURE_CAPTIONS[lang]
    x, w = ctx.left, ctx.width
    sh.text(x, 16, s.seller.name, 12, bold=True, max_w=w * 0.58)
    sh.text(x, 21, ", ".join([*s.seller.lines, ctx.country(s.seller.country)]), 7.6, max_w=w * 0.58)
    title = ctx.pick(c["title"])
    sh.text(ctx.right, 16, title, ctx.jitter(12.5, 0.6), bold=True, align="right", max_w=w * 0.42)
    sh.hline(x, ctx.right, 24.5, 0.8)
    y = 31.0
    gap = ctx.jitter(30, 3)
    head = [
        (f"{ctx.pick(c['invoice'])}:", s.pl_invoice_ref, "invoice_number"),
        (f"{c['date']}:", ctx.date(s.invoice_date), None),
        (f"{c['vessel']}:", s.vessel, None),
        (f"{c['from_to']}:", f"{s.place_loading} / {s.place_discharge}", None),
    ]
    y = ctx.label_values(x, y, head, 4.7, gap=gap, size=8.5, max_w=w / 2 - gap - 2)
    rx = x + w * 0.55
    sh.text(rx, 31, f"{c['consignee']}:", 8, bold=True, kind="label")
    sh.lines(rx, 35.5, ctx.party_lines(s.buyer), 8.2, kind="static", max_w=ctx.right - rx)
    y = max(y, 35.5 + 3.6 * (len(s.buyer.lines) + 2)) + 4
    if s.product == "ingot":
        dims = (ctx.pick((100, 105, 110)), ctx.pick((70, 75, 80)), ctx.pick((25, 28, 30)))
    else:
        dims = (110, 110, ctx.pick((100, 110, 120)))
    cbm_each = Decimal(dims[0] * dims[1] * dims[2]) / Decimal(1_000_000)
    cols = [
        Column(ctx.pick(c["nos"]), w * 0.13),
        Column(c["lot"], w * 0.2),
        Column(c["qty"], w * 0.08, "right"),
        Column(c["dims"], w * 0.22),
        Column(c["cbm"], w * 0.11, "right"),
        Column(c["net"], w * 0.13, "right"),
        Column(c["gross"], w * 0.13, "right"),
    ]
    word = s.package_word(lang, True) if lang != "pt" else ("amarrados" if s.product == "ingot" else "paletes")
    rows: list[list[Cell]] = []
    first = 1
    total_cbm = Decimal(0)
    for lot in lots:
        last = first + lot.packages - 1
        cbm = (cbm_each * lot.packages).quantize(Decimal("0.001"))
        total_cbm += cbm
        rows.append(
            [
                Cell(f"{first} - {last}" if last > first else str(first), "static"),
                Cell(lot.number, field="lot_numbers"),
                Cell(str(lot.packages)),
                Cell(f"{dims[0]} x {dims[1]} x {dims[2]} {c['each']}", "static"),
                Cell(ctx.num(cbm, 3), "static"),
                Cell(ctx.kg(lot.net_kg, 1)),
                Cell(ctx.kg(lot.gross_kg, 1)),
            ]
        )
        first = last + 1
    n, net, gross = _totals(lots)
    ctx.set("net_weight_kg", float(net))
    ctx.set("gross_weight_kg", float(gross))
    rows.append(
        [
            Cell(c["total"], "label", bold=True),
            Cell(f"{len(lots)} {c['lot'].lower()}s" if lang == "en" else "", "static", bold=True),
            Cell(str(n), field="package_count", bold=True),
            Cell(word, "static"),
            Cell(ctx.num(total_cbm, 3), "static", bold=True),
            Cell(ctx.kg(net, 1), field="net_weight_kg", bold=True),
            Cell(ctx.kg(gross, 1), field="gross_weight_kg", bold=True),
        ]
    )
    y = sh.table(x, y, cols, rows, size=ctx.jitter(8.2, 0.3), line_h=3.6, pad=1.2) + 7
    summary = [
        (f"{c['packages']}:", f"{n} {word}"),
        (f"{c['measurement']}:", f"{ctx.num(total_cbm, 3)} CBM"),
    ]
    for label, value in summary:
        ctx.label_value(x, y, label, value, gap=ctx.jitter(40, 3), size=8.6)
        y += 4.8
    y += 3
    sh.text(x, y, f"{c['marks']}:", 8.2, bold=True, kind="label")
    y = sh.lines(x, y + 4.5, s.marks("en" if lang == "en" else "es", packing_list=True), 8, kind="static")
    ctx.signature(x + w * 0.55, y + 4, s.seller.person, s.seller.title, len(s.pl_no))


# --- fold 0 additions ---

SAY_TITLES = ("PACKING LIST", "PACKING LIST", "PACKING AND WEIGHT LIST", "PACKING LIST / WEIGHT MEMO")


def _say_packages_line(ctx: Ctx, n: int, word: str) -> str:
    """The package count again in words, in one of the exporters' usual wordings ('SAY TOTAL ... ONLY')."""
    words = number_in_words_en(n)
    opener = ctx.pick(("SAY TOTAL:", "SAY TOTAL", "TOTAL PACKAGES IN WORDS: SAY", "SAY:"))
    count = ctx.pick((f"{words} ({n})", words))
    return f"{opener} {count} {word.upper()} ONLY."


def say_packages(ctx: Ctx, lots: list[Lot]) -> None:
    """An exporter's English packing list in the style of Asian export houses: the company centred at the head,
    'TO:' the buyer beside the invoice, packing list and contract numbers, the voyage as 'FROM ... TO ... BY ...',
    a table of marks, lot, packages, quantity, N.W., G.W. and MEAS. per lot with a TOTAL row, and the package
    count repeated in words ('SAY TOTAL TWELVE (12) BUNDLES ONLY')."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    cx = sh.width / 2
    sh.text(cx, 15, s.seller.name.upper(), ctx.jitter(13, 0.6), bold=True, align="center", max_w=w)
    sh.text(cx, 20, ", ".join([*s.seller.lines, ctx.country(s.seller.country, upper=True)]), 7.6, align="center",
            max_w=w)  # fmt: skip
    sh.text(cx, 24, f"TEL: {s.seller.phone}   E-MAIL: {s.seller.email}", 7.2, align="center", max_w=w)
    sh.hline(x, ctx.right, 26.5, 0.9)
    tw = sh.text(cx, 35, ctx.pick(SAY_TITLES), ctx.jitter(14, 0.6), bold=True, align="center")
    sh.hline(cx - tw / 2, cx + tw / 2, 36.3, 0.5)
    y = 44.0
    sh.text(x, y, ctx.pick(("TO:", "TO MESSRS.:", "CONSIGNEE:")), 8.4, bold=True, kind="label")
    sh.lines(x + 2, y + 4.5, [s.buyer.name.upper(), *s.buyer.lines, ctx.country(s.buyer.country, upper=True)], 8.2,
             kind="static", max_w=w * 0.5)  # fmt: skip
    contract = f"{ctx.pick(('SC', 'S/C', 'CONTRACT'))} {s.invoice_date:%y}{ctx.rng.randrange(1000, 9999)}"
    refs = [
        (ctx.pick(("INVOICE NO.:", "INV. NO.:", "INVOICE:")), s.pl_invoice_ref, "invoice_number"),
        (ctx.pick(("P/L NO.:", "PACKING LIST NO.:")), s.pl_no, None),
        ("DATE:", ctx.date(s.invoice_date), None),
        (ctx.pick(("S/C NO.:", "CONTRACT NO.:")), contract, None),
    ]
    rx = x + w * ctx.jitter(0.6, 0.02)
    gap = ctx.jitter(30, 2)
    ry = y
    ry = ctx.label_values(rx, ry, refs, 4.7, gap=gap, size=8.4, max_w=ctx.right - rx - gap)
    y = max(ry, y + 4.5 + 3.6 * (len(s.buyer.lines) + 2)) + 4
    voyage = f"FROM {s.place_loading.upper()} TO {s.place_discharge.upper()} BY {s.transport.upper()}"
    voyage += f" ({s.vessel})" if ctx.rng.random() < 0.6 else ""
    y = sh.para(x, y, voyage, w, 8.4) + 1
    goods = f"{ctx.pick(('COMMODITY:', 'DESCRIPTION OF GOODS:', 'GOODS:'))} {s.description('en').upper()}"
    y = sh.para(x, y, goods, w, 8.2) + 1
    y = sh.para(x, y, f"PACKING: {s.packing_text('en').upper()}", w, 7.8) + 3
    if s.product == "ingot":
        cbm_each = Decimal(ctx.pick(("0.210", "0.240", "0.264")))
    else:
        cbm_each = Decimal(ctx.pick(("1.210", "1.331", "1.452")))
    places = ctx.pick((1, 2, 2))
    widths = [0.21, 0.16, 0.1, 0.12, 0.14, 0.14, 0.13]
    cols = [
        Column(ctx.pick(("MARKS & NOS.", "SHIPPING MARKS", "MARKS")), w * widths[0]),
        Column(ctx.pick(("LOT NO.", "LOT", "BATCH / LOT")), w * widths[1]),
        Column(ctx.pick(("PKGS", "PACKAGES", "QTY (PKGS)")), w * widths[2], "right"),
        Column(ctx.pick(("QUANTITY (MT)", "QTY (M/T)", "QUANTITY")), w * widths[3], "right"),
        Column(ctx.pick(("N.W. (KGS)", "NET WT. (KGS)", "N.W.(KG)")), w * widths[4], "right"),
        Column(ctx.pick(("G.W. (KGS)", "GROSS WT. (KGS)", "G.W.(KG)")), w * widths[5], "right"),
        Column(ctx.pick(("MEAS. (CBM)", "MEAS. (M3)", "MEASUREMENT")), w * widths[6], "right"),
    ]
    marks = s.marks("en", packing_list=True)
    rows: list[list[Cell]] = []
    total_cbm = Decimal(0)
    for i, lot in enumerate(lots):
        cbm = cbm_each * lot.packages
        total_cbm += cbm
        rows.append(
            [
                Cell("\n".join(marks) if i == 0 else ("DITTO" if ctx.rng.random() < 0.3 else ""), "static"),
                Cell(lot.number, field="lot_numbers"),
                Cell(str(lot.packages)),
                Cell(ctx.num(lot.net_kg / 1000, 3), "static"),
                Cell(ctx.kg(lot.net_kg, places)),
                Cell(ctx.kg(lot.gross_kg, places)),
                Cell(ctx.num(cbm, 3), "static"),
            ]
        )
    n, net, gross = _totals(lots)
    ctx.set("net_weight_kg", float(net))
    ctx.set("gross_weight_kg", float(gross))
    rows.append(
        [
            Cell(ctx.pick(("TOTAL:", "TOTAL", "G. TOTAL:")), "label", bold=True),
            Cell("", "static"),
            Cell(str(n), field="package_count", bold=True),
            Cell(ctx.num(net / 1000, 3), "static", bold=True),
            Cell(ctx.kg(net, places), field="net_weight_kg", bold=True),
            Cell(ctx.kg(gross, places), field="gross_weight_kg", bold=True),
            Cell(ctx.num(total_cbm, 3), "static", bold=True),
        ]
    )
    y = sh.table(x, y, cols, rows, size=ctx.jitter(8, 0.25), line_h=3.5, pad=1.2) + 6
    word = s.package_word("en", n != 1)
    y = sh.para(x, y, _say_packages_line(ctx, n, word), w, 8.6, bold=True) + 3
    if ctx.rng.random() < 0.5:
        line = f"TOTAL N.W.: {ctx.kg(net, places)} KGS   TOTAL G.W.: {ctx.kg(gross, places)} KGS"
        y = sh.para(x, y, f"{line}   TOTAL MEAS.: {ctx.num(total_cbm, 3)} CBM", w, 8) + 3
    y += 6
    y = sh.para(ctx.right - w * 0.42, y, f"FOR AND ON BEHALF OF {s.seller.name.upper()}", w * 0.42, 7.8) - 3.3
    sh.rect(ctx.right - w * 0.42, y + 3, w * 0.42, 22, 0.3)  # where the company chop is stamped
    sh.scribble(ctx.right - w * 0.36, y + 17, 36, len(s.pl_no))
    sh.text(ctx.right - w * 0.42, y + 29, ctx.pick(("AUTHORIZED SIGNATURE", "AUTHORISED SIGNATORY")), 7.4,
            kind="label")  # fmt: skip
