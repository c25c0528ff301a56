"""`picking_list`: the warehouse's picking printout sent as the packing list, after the 'Picking Operations'
report of an open-source ERP's inventory module, added after the extractors were built (no extractor was changed
for it).

Where the goods leave a warehouse run on a warehouse management system, the dispatch office often prints the
transfer it validated and sends that as the packing list. What the printout carries, after Odoo's picking report
(stock.report_picking) and what its delivery add-on prints with it:

* the operation type ('Delivery Orders', 'Pick') over the transfer's reference ('WH/OUT/00342') in large type,
  and a Code 128 barcode of the reference at the top right; sometimes the company's letterhead above, sometimes
  a title naming the printout a packing list;
* the delivery address (the consignee with its telephone), sometimes the customer's address beside it;
* a row of captioned fields: the source order, the customer's reference, the invoice, the warehouse, the status
  ('Done'), the operator, the date done, the carrier and the shipping weight (the gross weight, in the
  company's weight unit), on some printouts the number of packages;
* the moves: the product with its internal reference and the quantity moved in its unit of measure (the net
  kilograms of the whole transfer), then one line per lot with its quantity, the location it was taken from (and
  put to, for a pick), and the lot's barcode with the lot number under it;
* the packages the goods were put in, one row per package with its lot, net quantity and shipping weight, in one
  or two columns, with their count and totals;
* the transfer's note (the commercial invoice the list belongs to, the shipping marks) and the signatures of who
  picked, packed and checked.

English, Spanish, French (a Belgian exporter) or Portuguese (a Brazilian buyer), as the ERP's translations word
it. Every value a field records is drawn with kind="value"; the letterhead, the fields shown and their order, the
operation type, barcodes, the packages' columns, rules and spacing vary per document.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from reportlab.graphics.barcode.code128 import Code128

from samplegen.draw import MM, Cell, Column
from samplegen.facts import Lot
from samplegen.formatting import quantize
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx, draw_to_fit

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "outgoing": ("Delivery Orders", "Delivery Order", "Delivery"),
        "internal": ("Pick", "Picking", "Pick & Pack"),
        "title": ("PACKING LIST", "Picking List / Packing List", "PICK & PACK LIST"),
        "delivery_address": ("Delivery Address:", "Ship To:"),
        "customer_address": ("Customer Address:",),
        "order": ("Order:", "Source Document:", "Sales Order:"),
        "customer_ref": ("Customer Reference:", "Your Reference:", "Customer PO:"),
        "invoice": ("Invoice:", "Customer Invoice:", "Invoice Ref.:"),
        "warehouse": ("Warehouse:",),
        "status": ("Status:",),
        "done": ("Done",),
        "operator": ("Operator:", "Responsible:"),
        "done_date": ("Done Date:", "Date Done:", "Effective Date:"),
        "carrier": ("Carrier:", "Shipping Method:"),
        "weight": ("Weight:", "Shipping Weight:"),
        "packages": ("Packages:", "No. of Packages:"),
        "product": ("Product",),
        "quantity": ("Quantity",),
        "from": ("From",),
        "to": ("To",),
        "barcode": ("Barcode", "Lot/Serial Number"),
        "packages_title": ("Packages", "Package Contents"),
        "package": ("Package",),
        "lot": ("Lot/Serial Number", "Lot"),
        "net": ("Quantity (kg)", "Net (kg)"),
        "gross": ("Weight (kg)", "Shipping Weight (kg)"),
        "total": ("Total", "Total packages"),
        "note_invoice": ("Packing list to commercial invoice {inv}.", "Packing list for invoice {inv}.",
                         "Goods as per our invoice {inv}."),
        "marks": ("Shipping marks:", "Marks:"),
        "picked": ("Picked by",),
        "packed": ("Packed by",),
        "checked": ("Checked by", "Verified by"),
        "stock": ("Stock",),
        "output": ("Output", "Packing Zone"),
    },
    "es": {
        "outgoing": ("Órdenes de entrega", "Orden de entrega", "Entrega"),
        "internal": ("Recolección", "Picking"),
        "title": ("LISTA DE EMPAQUE", "Lista de recolección / Lista de empaque"),
        "delivery_address": ("Dirección de entrega:", "Enviar a:"),
        "customer_address": ("Dirección del cliente:",),
        "order": ("Pedido:", "Documento origen:", "Orden de venta:"),
        "customer_ref": ("Referencia del cliente:", "OC del cliente:"),
        "invoice": ("Factura:", "Factura del cliente:"),
        "warehouse": ("Almacén:",),
        "status": ("Estado:",),
        "done": ("Hecho",),
        "operator": ("Operador:", "Responsable:"),
        "done_date": ("Fecha de realización:", "Fecha efectiva:"),
        "carrier": ("Transportista:", "Método de envío:"),
        "weight": ("Peso:", "Peso de envío:"),
        "packages": ("Paquetes:", "Número de bultos:"),
        "product": ("Producto",),
        "quantity": ("Cantidad",),
        "from": ("Desde",),
        "to": ("Hasta",),
        "barcode": ("Código de barras", "Lote/N° de serie"),
        "packages_title": ("Paquetes", "Contenido de los paquetes"),
        "package": ("Paquete",),
        "lot": ("Lote/N° de serie", "Lote"),
        "net": ("Cantidad (kg)", "Neto (kg)"),
        "gross": ("Peso (kg)", "Peso de envío (kg)"),
        "total": ("Total", "Total de paquetes"),
        "note_invoice": ("Lista de empaque de la factura comercial {inv}.", "Mercancía según nuestra factura {inv}."),
        "marks": ("Marcas de embarque:", "Marcas:"),
        "picked": ("Recolectó",),
        "packed": ("Empacó",),
        "checked": ("Verificó", "Revisó"),
        "stock": ("Existencias",),
        "output": ("Salida", "Zona de empaque"),
    },
    "fr": {
        "outgoing": ("Bons de livraison", "Bon de livraison", "Livraison"),
        "internal": ("Prélèvement", "Picking"),
        "title": ("LISTE DE COLISAGE", "Liste de préparation / Liste de colisage"),
        "delivery_address": ("Adresse de livraison :", "Livrer à :"),
        "customer_address": ("Adresse du client :",),
        "order": ("Commande :", "Document d'origine :", "Bon de commande :"),
        "customer_ref": ("Référence client :", "Votre référence :"),
        "invoice": ("Facture :", "Facture client :"),
        "warehouse": ("Entrepôt :",),
        "status": ("Statut :",),
        "done": ("Fait",),
        "operator": ("Opérateur :", "Responsable :"),
        "done_date": ("Date d'exécution :", "Date effective :"),
        "carrier": ("Transporteur :", "Mode d'expédition :"),
        "weight": ("Poids :", "Poids d'expédition :"),
        "packages": ("Colis :", "Nombre de colis :"),
        "product": ("Produit",),
        "quantity": ("Quantité",),
        "from": ("De",),
        "to": ("À",),
        "barcode": ("Code-barres", "Lot/Numéro de série"),
        "packages_title": ("Colis", "Contenu des colis"),
        "package": ("Colis",),
        "lot": ("Lot/Numéro de série", "Lot"),
        "net": ("Quantité (kg)", "Net (kg)"),
        "gross": ("Poids (kg)", "Poids d'expédition (kg)"),
        "total": ("Total", "Total colis"),
        "note_invoice": ("Liste de colisage de la facture commerciale {inv}.",
                         "Marchandise selon notre facture {inv}."),
        "marks": ("Marques d'expédition :", "Marques :"),
        "picked": ("Préparé par",),
        "packed": ("Emballé par",),
        "checked": ("Contrôlé par", "Vérifié par"),
        "stock": ("Stock",),
        "output": ("Sortie", "Zone d'emballage"),
    },
    "pt": {
        "outgoing": ("Ordens de entrega", "Ordem de entrega", "Entrega"),
        "internal": ("Separação", "Picking"),
        "title": ("ROMANEIO DE CARGA", "Lista de separação / Romaneio"),
        "delivery_address": ("Endereço de entrega:", "Entregar a:"),
        "customer_address": ("Endereço do cliente:",),
        "order": ("Pedido:", "Documento de origem:", "Pedido de venda:"),
        "customer_ref": ("Referência do cliente:", "Pedido do cliente:"),
        "invoice": ("Fatura:", "Fatura do cliente:"),
        "warehouse": ("Armazém:",),
        "status": ("Status:", "Situação:"),
        "done": ("Concluído",),
        "operator": ("Operador:", "Responsável:"),
        "done_date": ("Data de conclusão:", "Data efetiva:"),
        "carrier": ("Transportadora:", "Método de envio:"),
        "weight": ("Peso:", "Peso de envio:"),
        "packages": ("Volumes:", "Número de volumes:"),
        "product": ("Produto",),
        "quantity": ("Quantidade",),
        "from": ("De",),
        "to": ("Para",),
        "barcode": ("Código de barras", "Lote/Número de série"),
        "packages_title": ("Volumes", "Conteúdo dos volumes"),
        "package": ("Volume", "Pacote"),
        "lot": ("Lote/Número de série", "Lote"),
        "net": ("Quantidade (kg)", "Líquido (kg)"),
        "gross": ("Peso (kg)", "Peso de envio (kg)"),
        "total": ("Total", "Total de volumes"),
        "note_invoice": ("Romaneio da fatura comercial {inv}.", "Mercadoria conforme nossa fatura {inv}."),
        "marks": ("Marcas de embarque:", "Marcas:"),
        "picked": ("Separado por",),
        "packed": ("Embalado por",),
        "checked": ("Conferido por",),
        "stock": ("Estoque",),
        "output": ("Saída", "Zona de embalagem"),
    },
}  # fmt: skip


def picking_list(ctx: Ctx, lots: list[Lot]) -> None:
    draw_to_fit(ctx, lambda c, squeeze: _draw(c, lots, squeeze), "picking list", tries=5)


def code128(ctx: Ctx, x: float, y: float, data: str, width: float, height: float, align: str = "left") -> float:
    """A Code 128 symbol of `data` no wider than `width` mm, its top at `y`; returns its width in mm."""
    probe = Code128(data, barWidth=1.0, humanReadable=0, quiet=0)
    bar = min(0.33 * MM, width * MM / probe.width)
    symbol = Code128(data, barWidth=bar, barHeight=height * MM, humanReadable=0, quiet=0)
    sh = ctx.sheet
    sw = symbol.width / MM
    left = {"left": x, "right": x - sw, "center": x - sw / 2}[align]
    symbol.drawOn(sh.canvas, left * MM, (sh.height - y - height) * MM)
    return sw


def _draw(ctx: Ctx, lots: list[Lot], squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    lang = fl.language(ctx, french_share=0.5)
    words = WORDS[lang]

    def w_(key: str) -> str:
        return str(ctx.pick(words[key]))

    k = 1 - 0.1 * squeeze
    size = ctx.jitter(8.5, 0.3) - 0.3 * squeeze
    step = size * 0.45

    # ----- the transfer's numbers, decided before anything is drawn -----
    initials = "".join(part[0] for part in s.seller.name.replace(",", "").split()[:3]).upper()
    wh = str(ctx.pick(("WH", initials[:3], initials[:2] + "W")))
    internal = rng.random() < 0.3  # a pick to the packing zone rather than the delivery itself
    reference = f"{wh}/{'PICK' if internal else 'OUT'}/{rng.randrange(10, 4000):05d}"
    sales_order = f"{ctx.pick(('S', 'SO', 'SO/'))}{rng.randrange(100, 9999):05d}"
    done = s.invoice_date - timedelta(days=rng.randrange(0, 3))
    first_package = rng.randrange(100, 90000)
    units = [(lot, net, gross) for lot in lots for net, gross in zip(lot.package_nets, lot.package_gross, strict=True)]
    packages = [(f"PACK{first_package + i:07d}", lot, net, gross) for i, (lot, net, gross) in enumerate(units)]
    n_packages = len(packages)
    net_total = sum((lot.net_kg for lot in lots), Decimal(0))
    gross_total = sum((lot.gross_kg for lot in lots), Decimal(0))
    places = 2 if rng.random() < 0.7 else 3
    invoice_in_header = rng.random() < 0.6
    count_in_header = rng.random() < 0.45

    # ----- letterhead (the printout has none of its own; some companies print theirs) -----
    y = ctx.jitter(12, 0.8)
    if rng.random() < 0.5:
        sh.text(x, y + 1, s.seller.name, ctx.jitter(11, 0.5), bold=True, max_w=w * 0.6)
        address = ", ".join([*s.seller.lines, fl.country(ctx, lang, s.seller.country)])
        sh.text(x, y + 5, address, size - 1.5, max_w=w * 0.62)
        sh.hline(x, ctx.right, y + 7.5, 0.4)
        y += 12 * k
    title = w_("title") if rng.random() < 0.6 else ""
    if title and rng.random() < 0.5:  # the title over the whole head
        sh.text(sh.width / 2, y + 3, title, ctx.jitter(13, 0.5), bold=True, align="center", max_w=w)
        y += 9 * k
        title = ""

    # ----- operation type, reference and its barcode -----
    op = w_("internal" if internal else "outgoing")
    sh.text(x, y + 4, op, ctx.jitter(11, 0.5), kind="label", max_w=w * 0.45)
    sh.text(x, y + 11.5, reference, ctx.jitter(17, 0.8), bold=True, max_w=w * 0.5)
    bar_h = ctx.jitter(11, 1.2) * max(k, 0.85)
    code128(ctx, ctx.right, y + 1, reference, w * 0.42, bar_h, "right")
    if rng.random() < 0.5:
        sh.text(ctx.right, y + bar_h + 4, reference, size - 1, align="right")
    y += max(15, bar_h + 5) * k
    if title:  # under the reference, as a company that renamed the report prints it
        sh.text(x, y + 1.5, title, size + 2, bold=True, max_w=w * 0.6)
        y += 6 * k
    y += 3 * k

    # ----- the delivery address and the customer's address -----
    buyer = s.buyer
    sh.text(x, y, w_("delivery_address"), size, bold=True, kind="label")
    lines = [buyer.name, *buyer.lines, fl.country(ctx, lang, buyer.country)]
    if rng.random() < 0.6:
        lines.append(buyer.phone)
    ay = sh.lines(x, y + step + 0.6, lines, size, kind="static", step=step, max_w=w * 0.48)
    if rng.random() < 0.35:
        cx = x + w * 0.55
        sh.text(cx, y, w_("customer_address"), size, bold=True, kind="label")
        extra = [buyer.name] + ([buyer.tax_id] if buyer.tax_id else [])
        ay = max(ay, sh.lines(cx, y + step + 0.6, extra, size, kind="static", step=step, max_w=w * 0.44))
    y = ay + 4 * k

    # ----- the row of captioned fields -----
    fields: list[tuple[str, str, str | None]] = [(w_("order"), sales_order, None)]
    if s.buyer_po and rng.random() < 0.7:
        fields.append((w_("customer_ref"), s.buyer_po, None))
    if invoice_in_header:
        fields.append((w_("invoice"), s.pl_invoice_ref, "invoice_number"))
    fields.append((w_("warehouse"), s.seller.name, None))
    if rng.random() < 0.6:
        fields.append((w_("status"), w_("done"), None))
    if rng.random() < 0.5:
        fields.append((w_("operator"), s.seller.person, None))
    fields.append((w_("done_date"), fl.day(ctx, lang, done), None))
    if rng.random() < 0.7:
        fields.append((w_("carrier"), fl.vehicle(ctx, lang), None))
    fields.append((w_("weight"), fl.weight(ctx, lang, gross_total, "gross_weight_kg"), "gross_weight_kg"))
    if count_in_header:
        fields.append((w_("packages"), str(n_packages), "package_count"))
    per_row = int(ctx.pick((4, 5))) if w < 200 else 5
    cw = w / per_row
    for start in range(0, len(fields), per_row):  # a row as high as its longest value
        tallest = 1
        for col, (caption, value, field) in enumerate(fields[start : start + per_row]):
            fx = x + col * cw
            sh.text(fx, y, caption, size - 0.4, bold=True, kind="label", max_w=cw - 2)
            parts = [value] if field else sh.wrap(value, cw - 2, size - 0.3)[:2]
            for j, part in enumerate(parts):
                sh.text(fx, y + step + 0.5 + j * step, part, size - 0.3, kind="value" if field else "static",
                        field=field, max_w=cw - 2)  # fmt: skip
            tallest = max(tallest, len(parts))
        y += ((1 + tallest) * step + 2.3) * k
    y += 3 * k

    # ----- the moves: the product with the transfer's quantity, a line per lot with its barcode -----
    ctx.set("net_weight_kg", float(quantize(net_total, places)))
    grade = str(s.grade_pct).replace(".", "")
    code = f"SB-ING-{grade}" if s.product == "ingot" else f"ATO-{grade}"
    product = f"[{code}] {fl.description(ctx, lang)}"
    spec: list[tuple[str, float, str]] = [("product", 0.36, "left"), ("quantity", 0.16, "right"),
                                          ("from", 0.2, "left")]  # fmt: skip
    if internal:
        spec.append(("to", 0.14, "left"))
    spec.append(("barcode", 0.26, "center"))
    scale = w / sum(f for _, f, _ in spec)
    widths = {key: f * scale for key, f, _ in spec}
    lefts: dict[str, float] = {}
    cx = x
    for key, _, _ in spec:
        lefts[key] = cx
        cx += widths[key]

    def put(key: str, yy: float, text: str, align: str, kind: str = "static", field: str | None = None,
            bold: bool = False) -> None:  # fmt: skip
        cwid = widths[key]
        tx = {"left": lefts[key] + 1.2, "right": lefts[key] + cwid - 2.5, "center": lefts[key] + cwid / 2}[align]
        sh.text(tx, yy, text, size, bold, kind, field, align=align, max_w=cwid - 2.4)

    for key, _, align in spec:
        put(key, y, w_(key), align, "label", bold=True)
    sh.hline(x, ctx.right, y + 1.6, 0.6)
    y += 1.6 + step + 1.5
    plines = sh.wrap(product, widths["product"] - 2.4, size)
    for j, line in enumerate(plines):
        put("product", y + j * step, line, "left")
    put("quantity", y, f"{ctx.num(net_total, places)} kg", "right", "value", "net_weight_kg")
    y += len(plines) * step + 1.2
    sh.hline(x, ctx.right, y - step + 1.6, 0.2)
    y += 1.8  # the first lot's barcode clear of the rule
    stock, output = w_("stock"), w_("output")
    lot_bar_h = ctx.jitter(7, 0.6) * max(k, 0.85)
    for lot in lots:
        aisle = ctx.pick("ABCDE")
        # the lot stands indented under the product, as the report prints it
        sh.text(lefts["product"] + 7, y + 1, lot.number, size, kind="value", field="lot_numbers",
                max_w=widths["product"] - 8.5)  # fmt: skip
        put("quantity", y + 1, f"{ctx.num(lot.net_kg, places)} kg", "right")
        put("from", y + 1, f"{wh}/{stock}/{aisle}-{rng.randrange(1, 24):02d}-{rng.randrange(1, 5)}", "left")
        if internal:
            put("to", y + 1, f"{wh}/{output}", "left")
        bc = lefts["barcode"] + widths["barcode"] / 2
        code128(ctx, bc, y - step + 1.4, lot.number, widths["barcode"] - 6, lot_bar_h, "center")
        sh.text(bc, y - step + 1.4 + lot_bar_h + 2.6, lot.number, size - 1.2, align="center")
        y += max(lot_bar_h + 4.2, step + 2) * k + 1.5
        sh.hline(x, ctx.right, y - step + 0.6, 0.2)
    y += 3 * k

    # ----- the packages: one row each, in one or two columns, with their count and totals -----
    sh.text(x, y, w_("packages_title"), size + 0.8, bold=True, kind="label")
    y += 2 * k
    two = n_packages > 12 or (n_packages > 8 and rng.random() < 0.5)
    half = -(-n_packages // 2) if two else n_packages
    gap = 5.0
    bw = (w - gap) / 2 if two else w * ctx.jitter(0.78, 0.06)
    fr = [0.3, 0.3, 0.2, 0.2]
    pcols = [Column(w_("package"), bw * fr[0]), Column(w_("lot"), bw * fr[1]),
             Column(w_("net"), bw * fr[2], "right"), Column(w_("gross"), bw * fr[3], "right")]  # fmt: skip
    total_row = rng.random() < 0.65 and ctx.st.weight.unit != "lbs"
    blocks = [packages[:half], packages[half:]] if two else [packages]
    grid = rng.random() < 0.6
    line_h = ctx.jitter(3.3, 0.15) * k
    ends = []
    for b, block in enumerate(blocks):
        rows_: list[list[Cell | str]] = [
            [Cell(name, "static"), Cell(lot.number, "static"), Cell(ctx.kg(net, places), "static"),
             Cell(ctx.kg(gross, places), "static")]
            for name, lot, net, gross in block
        ]  # fmt: skip
        if total_row and b == len(blocks) - 1:
            rows_.append([
                Cell(w_("total"), "label", bold=True),
                Cell(fl.packages(ctx, lang, n_packages), "value", "package_count", bold=True),
                Cell(ctx.kg(net_total, places), "value", "net_weight_kg", bold=True),
                Cell(ctx.kg(gross_total, places), "value", "gross_weight_kg", bold=True),
            ])  # fmt: skip
        ends.append(sh.table(x + b * (bw + gap), y, pcols, rows_, size=size - 0.6, line_h=line_h, pad=0.9 * k,
                             grid=grid, bottom=sh.height * 2))  # fmt: skip
    if total_row:
        ctx.set("gross_weight_kg", float(gross_total))
    y = max(ends) + step + 1.5
    if not total_row and not count_in_header:  # the count under the packages
        lw = sh.text(x, y, f"{w_('total')}:", size, bold=True, kind="label") + 2
        sh.text(x + lw, y, fl.packages(ctx, lang, n_packages), size, bold=True, kind="value", field="package_count")
        y += step + 1.5
    y += 1.5 * k

    # ----- the transfer's note: the invoice and the marks; the signatures -----
    note = w_("note_invoice")
    head, _, tail = note.partition("{inv}")
    hw = sh.text(x, y, head, size, kind="static")
    field = None if invoice_in_header else "invoice_number"
    iw = sh.text(x + hw, y, s.pl_invoice_ref, size, bold=not invoice_in_header, kind="value" if field else "static",
                 field=field)  # fmt: skip
    sh.text(x + hw + iw, y, tail, size)
    y += step + 2
    marks = s.marks("es" if lang == "es" else "en", packing_list=True)
    marks_caption = w_("marks")
    mw = sh.text(x, y, marks_caption, size, bold=True, kind="label") + 2
    if rng.random() < 0.5:  # the marks on one line after their caption
        sh.text(x + mw, y, " / ".join(marks), size - 0.3, max_w=w - mw)
        y += step + 1
    else:
        y = sh.lines(x + 3, y + step + 0.3, marks, size - 0.4, kind="static", step=step, max_w=w - 3)
    y += 6 * k
    keys = ("picked", "packed", "checked") if rng.random() < 0.6 else ("packed", "checked")
    sw = w / len(keys)
    for i, key in enumerate(keys):
        sx = x + i * sw
        if i < len(keys) - 1 or rng.random() < 0.7:
            sh.scribble(sx + 4, y + 4, sw * 0.45, len(reference) + i)
        sh.hline(sx, sx + sw * 0.8, y + 7, 0.35)
        sh.text(sx, y + 10.5, w_(key), size - 0.8, kind="label", max_w=sw * 0.8)
    return y + 12
