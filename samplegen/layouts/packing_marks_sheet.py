"""`marks_sheet`: the packing list drawn as a shipping-marks sheet, the marks of every package reproduced in a grid
of label boxes, as exporters send it when the buyer or the forwarder asks to see the marks before the goods leave.

What such a sheet carries, after the shipping-mark templates and the marking guides exporters follow:

* the title naming both ('PACKING LIST / SHIPPING MARKS', 'LISTA DE EMPAQUE Y MARCAS DE EMBARQUE', 'LISTE DE
  COLISAGE ET MARQUAGE', 'ROMANEIO E MARCAS DE EMBARQUE'), the shipper and consignee, the packing list, invoice
  and order numbers, the date, the means of transport and the ports;
* a line saying each package is marked as shown, then one box per package in package-number order, each box the
  mark as stencilled on the bundle or pallet: the lead mark (the consignee's and shipper's initials, often in a
  diamond, triangle or rectangle), the port of destination, the order number, the package number of the total
  ('BUNDLE NO. 3/24', 'C/NO. 3 OF 24'), the lot, the net and gross weight of that package and the origin line
  ('MADE IN THAILAND');
* under the grid the totals of packages, net and gross weight, and often a short table of the lots with their
  package numbers and weights; the exporter's signature or stamp.

English, Spanish, French (a Belgian exporter) or Portuguese (for a Brazilian buyer) captions; the marks themselves
in English or Spanish as stencilled. Every value a field records is drawn with kind="value"; the lead mark's shape,
the lines of a box, the number of boxes across, wording and spacing vary per document.
"""

from __future__ import annotations

from decimal import Decimal

from samplegen.draw import MM, Cell, Column
from samplegen.facts import Lot
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx, draw_to_fit

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("PACKING LIST / SHIPPING MARKS", "PACKING LIST AND SHIPPING MARKS", "SHIPPING MARKS & PACKING LIST"),
        "shipper": ("Shipper:", "Exporter:", "Shipper / exporter:"),
        "consignee": ("Consignee:", "Ship to:", "Buyer / consignee:"),
        "pl_no": ("Packing list no.:", "P/L No.:", "Ref. no.:"),
        "date": ("Date:", "Date of issue:"),
        "invoice": ("Invoice no.:", "Commercial invoice:", "Inv. No.:"),
        "po": ("Order no.:", "Buyer's PO:", "P.O. No.:"),
        "vessel": ("Vessel / voyage:", "Per:", "Carrier:"),
        "route": ("From / to:", "Port of loading / discharge:"),
        "intro": ("Each package is marked as follows:", "Marks and numbers as stencilled on each package:",
                  "SHIPPING MARKS (one box per package):"),
        "total_packages": ("Total packages:", "Total number of packages:", "No. of packages:"),
        "total_net": ("Total net weight:", "Total N.W.:"),
        "total_gross": ("Total gross weight:", "Total G.W.:"),
        "lot": ("Lot", "Lot no."),
        "nos": ("Package nos.", "Pkg nos.", "Marks nos."),
        "pkgs": ("Packages", "Pkgs"),
        "net": ("Net kg", "N.W. (kg)"),
        "gross": ("Gross kg", "G.W. (kg)"),
        "signed": ("For and on behalf of", "Authorised signature", "Shipper's signature"),
    },
    "es": {
        "title": ("LISTA DE EMPAQUE Y MARCAS DE EMBARQUE", "LISTA DE EMPAQUE / MARCAS", "MARCAS Y LISTA DE EMPAQUE"),
        "shipper": ("Exportador:", "Embarcador:", "Remitente:"),
        "consignee": ("Consignatario:", "Destinatario:", "Comprador / consignatario:"),
        "pl_no": ("Lista de empaque No.:", "Lista No.:", "Ref.:"),
        "date": ("Fecha:", "Fecha de emisión:"),
        "invoice": ("Factura No.:", "Factura comercial:"),
        "po": ("Orden de compra:", "Pedido No.:", "O.C. No.:"),
        "vessel": ("Buque / viaje:", "Transporte:", "Vía:"),
        "route": ("Origen / destino:", "Puerto de embarque / destino:"),
        "intro": ("Cada bulto va marcado como sigue:", "Marcas y números estarcidos en cada bulto:",
                  "MARCAS DE EMBARQUE (una casilla por bulto):"),
        "total_packages": ("Total de bultos:", "Número de bultos:"),
        "total_net": ("Peso neto total:", "Total P.N.:"),
        "total_gross": ("Peso bruto total:", "Total P.B.:"),
        "lot": ("Lote", "Lote No."),
        "nos": ("Bultos Nos.", "Numeración"),
        "pkgs": ("Bultos",),
        "net": ("Neto kg", "P.N. (kg)"),
        "gross": ("Bruto kg", "P.B. (kg)"),
        "signed": ("Por el exportador", "Firma autorizada", "Firma y sello"),
    },
    "fr": {
        "title": ("LISTE DE COLISAGE ET MARQUAGE DES COLIS", "LISTE DE COLISAGE / MARQUES", "MARQUAGE ET COLISAGE"),
        "shipper": ("Expéditeur :", "Exportateur :"),
        "consignee": ("Destinataire :", "Acheteur / destinataire :"),
        "pl_no": ("Liste de colisage n° :", "Réf. :"),
        "date": ("Date :",),
        "invoice": ("Facture n° :", "Facture commerciale :"),
        "po": ("Commande n° :", "Votre commande :"),
        "vessel": ("Navire / voyage :", "Transport :"),
        "route": ("De / à :", "Port de chargement / déchargement :"),
        "intro": ("Chaque colis porte les marques suivantes :", "Marques et numéros peints sur chaque colis :"),
        "total_packages": ("Nombre total de colis :", "Total colis :"),
        "total_net": ("Poids net total :", "Total P.N. :"),
        "total_gross": ("Poids brut total :", "Total P.B. :"),
        "lot": ("Lot", "N° de lot"),
        "nos": ("Colis n°", "Numéros"),
        "pkgs": ("Colis",),
        "net": ("Net kg", "P.N. (kg)"),
        "gross": ("Brut kg", "P.B. (kg)"),
        "signed": ("Pour l'expéditeur", "Signature et cachet"),
    },
    "pt": {
        "title": ("ROMANEIO DE CARGA E MARCAS DE EMBARQUE", "PACKING LIST / MARCAÇÃO DOS VOLUMES"),
        "shipper": ("Exportador:", "Embarcador:"),
        "consignee": ("Consignatário:", "Comprador / consignatário:"),
        "pl_no": ("Romaneio nº:", "Packing list nº:"),
        "date": ("Data:", "Data de emissão:"),
        "invoice": ("Fatura nº:", "Fatura comercial:"),
        "po": ("Pedido nº:", "Seu pedido:"),
        "vessel": ("Navio / viagem:", "Transporte:"),
        "route": ("Origem / destino:", "Porto de embarque / descarga:"),
        "intro": ("Cada volume está marcado como segue:", "Marcas e números pintados em cada volume:"),
        "total_packages": ("Total de volumes:", "Quantidade de volumes:"),
        "total_net": ("Peso líquido total:", "Total P.L.:"),
        "total_gross": ("Peso bruto total:", "Total P.B.:"),
        "lot": ("Lote",),
        "nos": ("Volumes nº", "Numeração"),
        "pkgs": ("Volumes",),
        "net": ("Líquido kg", "P.L. (kg)"),
        "gross": ("Bruto kg", "P.B. (kg)"),
        "signed": ("Pelo exportador", "Assinatura e carimbo"),
    },
}  # fmt: skip
# The captions stencilled on a package, in the marks' language: package number, lot, net and gross.
MARK_WORDS = {
    "en": {"no": ("{word} NO. {i}/{n}", "C/NO. {i} OF {n}", "{word} {i}/{n}"), "lot": ("LOT", "LOT NO.", "BATCH"),
           "net": ("N.W.", "NET WT."), "gross": ("G.W.", "GROSS WT."), "unit": ("KGS", "KG")},
    "es": {"no": ("{word} No. {i}/{n}", "BULTO {i} DE {n}", "{word} {i}/{n}"), "lot": ("LOTE", "LOTE No."),
           "net": ("P.N.", "PESO NETO"), "gross": ("P.B.", "PESO BRUTO"), "unit": ("KG", "KGS")},
}  # fmt: skip


def _segment(ctx: Ctx, x1: float, y1: float, x2: float, y2: float, lw: float = 0.5) -> None:
    sh = ctx.sheet
    sh.canvas.setLineWidth(lw)
    sh.canvas.line(x1 * MM, sh.size[1] - y1 * MM, x2 * MM, sh.size[1] - y2 * MM)


def _lead_shape(ctx: Ctx, shape: str, cx: float, top: float, w: float, h: float) -> None:
    """The geometric figure round the lead mark (a diamond, a triangle or a rectangle), as stencils draw it."""
    if shape == "diamond":
        pts = [(cx, top), (cx + w / 2, top + h / 2), (cx, top + h), (cx - w / 2, top + h / 2)]
    elif shape == "triangle":
        pts = [(cx, top - 1), (cx + w / 2, top + h), (cx - w / 2, top + h)]
    else:
        ctx.sheet.rect(cx - w / 2, top, w, h, 0.5)
        return
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True):
        _segment(ctx, x1, y1, x2, y2)


def marks_sheet(ctx: Ctx, lots: list[Lot]) -> None:
    """The shipping-marks packing list: heading, parties and references, one label box per package, totals and
    the lots. Drawn first on scratch contexts (same seed, same choices) to find how tight the grid must be."""
    draw_to_fit(ctx, lambda c, squeeze: _draw(c, lots, squeeze), "shipping-marks sheet", tries=6)


def _draw(ctx: Ctx, lots: list[Lot], squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    lang = fl.language(ctx, french_share=0.5)
    words = WORDS[lang]

    def w_(key: str) -> str:
        return str(ctx.pick(words[key]))

    x, w = ctx.left, ctx.width
    k = 1 - 0.07 * squeeze
    size = ctx.jitter(8.4, 0.25) - 0.2 * squeeze
    step = size * 0.44

    # ----- the title and the shipper -----
    y = ctx.jitter(15, 1.5) - squeeze
    centred = rng.random() < 0.5
    if centred:
        sh.text(sh.width / 2, y, s.seller.name, ctx.jitter(12, 0.6), bold=True, align="center", max_w=w)
        sh.text(sh.width / 2, y + 4.5, ", ".join([*s.seller.lines, fl.country(ctx, lang, s.seller.country)]),
                size - 0.8, align="center", max_w=w)  # fmt: skip
        y += 11
        sh.text(sh.width / 2, y, w_("title"), ctx.jitter(13, 0.8), bold=True, align="center", max_w=w)
        sh.hline(x, ctx.right, y + 2, 0.6)
        y += ctx.jitter(8, 1) * k
    else:
        sh.text(x, y, w_("title"), ctx.jitter(13.5, 0.8), bold=True, max_w=w)
        sh.hline(x, ctx.right, y + 2.2, 0.9 if rng.random() < 0.5 else 0.5)
        y += ctx.jitter(8, 1) * k

    # ----- parties at the left, references at the right -----
    half = w * ctx.jitter(0.52, 0.03)
    py = y
    for caption, party in ((w_("shipper"), s.seller), (w_("consignee"), s.buyer)):
        if centred and party is s.seller:
            continue
        sh.text(x, py, caption, size - 0.3, bold=True, kind="label")
        py = sh.lines(x, py + step + 0.6, [party.name, *party.lines, fl.country(ctx, lang, party.country)],
                      size - 0.2, kind="static", bold_first=True, step=step, max_w=half - 4)  # fmt: skip
        py += 2.0 * k
    refs: list[tuple[str, str, str | None]] = [
        (w_("pl_no"), s.pl_no, None),
        (w_("date"), fl.day(ctx, lang, s.invoice_date), None),
        (w_("invoice"), s.pl_invoice_ref, "invoice_number"),
        (w_("po"), s.buyer_po, None),
        (w_("vessel"), fl.vehicle(ctx, lang), None),
        (w_("route"), f"{s.place_loading} / {s.place_discharge}", None),
    ]
    if rng.random() < 0.4:
        refs.insert(0, refs.pop(2))  # the invoice first, as when the sheet is an annex to it
    rx = x + half
    ry = y
    # values aligned after the captions, a caption too long for the common tab pushing only its own value on
    label_w = min(max(sh.text_width(label, size - 0.3, True) for label, _, _ in refs) + 2, (ctx.right - rx) * 0.4)
    for label, value, field in refs:
        own = sh.text(rx, ry, label, size - 0.3, bold=True, kind="label") + 2
        sh.text(rx + max(label_w, own), ry, value, size - 0.1, kind="value" if field else "static", field=field,
                max_w=ctx.right - rx - max(label_w, own))  # fmt: skip
        ry += step + 1.0 * k
    y = max(py, ry) + ctx.jitter(2.5, 0.5) * k
    sh.hline(x, ctx.right, y - 1.5, 0.4)
    y += 3.5 * k
    sh.text(x, y, w_("intro"), size - 0.1, bold=rng.random() < 0.6)
    y += ctx.jitter(3, 0.4)

    # ----- one box per package -----
    y, lots_in_boxes = _label_grid(ctx, lang, lots, x, y, w, squeeze)

    # ----- totals and the lots -----
    y += ctx.jitter(5, 0.8) * k
    n_packages = sum(lot.packages for lot in lots)
    net = sum((lot.net_kg for lot in lots), Decimal(0))
    gross = sum((lot.gross_kg for lot in lots), Decimal(0))
    totals = [
        (w_("total_packages"), fl.packages(ctx, lang, n_packages), "package_count"),
        (w_("total_net"), fl.weight(ctx, lang, net, "net_weight_kg"), "net_weight_kg"),
        (w_("total_gross"), fl.weight(ctx, lang, gross, "gross_weight_kg"), "gross_weight_kg"),
    ]
    boxed = rng.random() < 0.5
    tw = w * ctx.jitter(0.46, 0.03)
    top = y
    ty = y + (4 if boxed else 0)
    tlw = max(sh.text_width(label, size, True) for label, _, _ in totals) + 3
    for label, value, field in totals:
        sh.text(x + 2, ty, label, size, bold=True, kind="label")
        sh.text(x + 2 + tlw, ty, value, size + 0.2, bold=True, kind="value", field=field, max_w=tw - tlw - 4)
        ty += step + 1.4 * k
    if boxed:
        sh.rect(x, top, tw, ty - top - 1.5, 0.6)
    end = ty
    if not lots_in_boxes:
        cols = [Column(w_("lot"), w * 0.16), Column(w_("nos"), w * 0.12), Column(w_("pkgs"), w * 0.07, "right"),
                Column(str(ctx.pick(words["net"])), w * 0.085, "right"),
                Column(str(ctx.pick(words["gross"])), w * 0.085, "right")]  # fmt: skip
        first = 1
        rows: list[list[Cell | str]] = []
        for lot in lots:
            last = first + lot.packages - 1
            span = f"{first} - {last}" if last > first else str(first)
            rows.append([Cell(lot.number, field="lot_numbers"), Cell(span, "static"),
                         Cell(str(lot.packages), "static"), Cell(ctx.kg(lot.net_kg, 1), "static"),
                         Cell(ctx.kg(lot.gross_kg, 1), "static")])  # fmt: skip
            first = last + 1
        # no page break: a table running past the foot is caught by the caller's fit, which squeezes the sheet
        end = max(end, sh.table(ctx.right - w * 0.52, top, cols, rows, size=size - 0.8, line_h=3.4 * k,
                                pad=1.0 * k, bottom=sh.height * 2))  # fmt: skip
    # the shipper's signature under the totals
    sy = end + ctx.jitter(9, 1) * k
    sh.scribble(x + 4, sy - 3, 34, len(s.pl_no))
    sh.hline(x, x + 62, sy, 0.4)
    sh.text(x, sy + 3.5, w_("signed"), size - 0.8, max_w=w * 0.6)
    sh.text(x, sy + 3.5 + step, s.seller.name, size - 0.8, bold=True, max_w=w * 0.6)
    return sy + 4 + step


def _label_grid(ctx: Ctx, lang: str, lots: list[Lot], x: float, y: float, w: float, squeeze: int) -> tuple[float, bool]:
    """The label boxes, left to right and top to bottom in package-number order. Returns the y under the grid and
    whether the lots' numbers were recorded in the boxes (where no lot table follows)."""
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    mark_lang = "es" if lang == "es" else "en"
    mw = MARK_WORDS[mark_lang]
    marks = s.marks(mark_lang, packing_list=True)
    n_total = sum(lot.packages for lot in lots)
    cols = ctx.pick((3, 4)) if n_total <= 16 else ctx.pick((4, 5))
    cols += 1 if squeeze >= 3 else 0
    gap = ctx.jitter(2.5, 0.5)
    bw = (w - gap * (cols - 1)) / cols
    size = ctx.jitter(7.2, 0.2) - 0.25 * squeeze - 0.4 * (cols - 4)
    step = size * 0.43
    shape = ctx.pick(("diamond", "diamond", "triangle", "rectangle", "none"))
    no_fmt = str(ctx.pick(mw["no"]))
    lot_word, net_word, gross_word, unit = (str(ctx.pick(mw[key])) for key in ("lot", "net", "gross", "unit"))
    pkg_word = ("BUNDLE" if s.product == "ingot" else "PALLET") if mark_lang == "en" else (
        "ATADO" if s.product == "ingot" else "TARIMA")  # fmt: skip
    destination = s.place_discharge.split(",")[0].upper()
    # the lines a box drops first when the sheet must be tighter: the order line, then the destination
    show_po = squeeze < 2 and rng.random() < 0.7
    show_dest = squeeze < 4
    lots_in_boxes = rng.random() < 0.35
    places = 1 if any(v != v.to_integral_value() for lot in lots for v in lot.package_nets + lot.package_gross) else 0
    # the box's vertical rhythm in mm: cap height and descent of the type, the lead mark's band at the top
    cap = size * 0.3528 * 0.72
    descent = size * 0.3528 * 0.22
    shape_h = 7.0 if shape != "none" else 0.0
    n_rest = 5 + show_po + show_dest
    head = shape_h + 1.4 + cap if shape != "none" else 1.5 + cap + step + 0.4
    bh = head + (n_rest - 1) * step + descent + 1.3
    thick = rng.random() < 0.5
    i = 0
    for lot in lots:
        for j, (net, gross) in enumerate(zip(lot.package_nets, lot.package_gross, strict=True)):
            row, col = divmod(i, cols)
            bx = x + col * (bw + gap)
            by = y + row * (bh + gap)
            sh.rect(bx, by, bw, bh, 0.8 if thick else 0.5)
            cx = bx + bw / 2
            if shape != "none":
                _lead_shape(ctx, shape, cx, by + 1.0, min(bw * 0.62, 26.0), 6.0)
                # a triangle's middle sits low, so its initials do too
                lead_y = by + 4.0 + cap / 2 + (1.0 if shape == "triangle" else 0.0)
            else:
                lead_y = by + 1.5 + cap
            sh.text(cx, lead_y, marks[0], size + 0.3, bold=True, align="center",
                    max_w=bw * 0.4 if shape != "rectangle" else bw * 0.55)  # fmt: skip
            ty = by + head
            lines: list[tuple[str, str | None]] = []
            if show_dest:
                lines.append((destination, None))
            if show_po:
                lines.append((f"PO {s.buyer_po}", None))
            lines.append((no_fmt.format(word=pkg_word, i=i + 1, n=n_total), None))
            lines.append((f"{lot_word} {lot.number}", "lot_numbers" if lots_in_boxes and j == 0 else None))
            lines.append((f"{net_word} {ctx.kg(net, places)} {unit}", None))
            lines.append((f"{gross_word} {ctx.kg(gross, places)} {unit}", None))
            lines.append((marks[-1], None))
            for text, field in lines:
                if field:
                    # the lot's number alone carries the field, its caption drawn before it
                    caption = f"{lot_word} "
                    hx = cx - sh.text_width(text, size) / 2
                    sh.text(hx, ty, caption, size, kind="label")
                    sh.text(hx + sh.text_width(caption, size), ty, lot.number, size, kind="value", field=field)
                else:
                    sh.text(cx, ty, text, size, align="center", max_w=bw - 2)
                ty += step
            i += 1
    rows = (n_total + cols - 1) // cols
    return y + rows * (bh + gap) - gap, lots_in_boxes
