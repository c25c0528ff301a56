"""`delivery_note`: the producer's delivery note (dispatch note, 'Lieferschein', 'bon de livraison', 'nota de
remisión', 'nota de entrega') sent with an export shipment as its packing list.

A delivery note is a business letter that goes with the goods and is signed by whoever receives them. Printed from
the exporter's order system on its letterhead, it follows the window-envelope letter layout:

* the letterhead at the top, a one-line return address in small type above the consignee's address (which shows
  in the envelope window), and the two fold marks and the punch mark at the left edge of an A4 sheet;
* the information block at the right of the address: delivery note number and date, customer number, the
  customer's order number (and its date), the exporter's own order number, the commercial invoice, the dispatch
  date and the person handling the order;
* the title as the letter's subject ('Delivery Note 80012345'), sometimes a line introducing the goods;
* the positions under a ruled caption line, numbered 1, 2, 3 or 10, 20, 30 as order systems count them: article
  number, description, the lot ('Lot', 'Batch', 'Charge'), the package numbers, and the quantity with its unit
  or the packages and net and gross kilos in columns; no prices;
* the totals of packages and weights, the terms of delivery, carrier, route, marks and packing;
* the receipt block ('Goods received in good order and condition', date, name, signature and stamp) beside or
  under the dispatcher's signature, and the letter's footer with address, contact, bank and registration in
  columns.

English, or the language of the exporter's country or the buyer's: Spanish ('nota de remisión' in Mexico, 'nota
de entrega' or 'guía de despacho' elsewhere), French for a Belgian exporter, Portuguese for a Brazilian buyer.
Every value a field records is drawn with kind="value"; wording, the table's columns, spacing and the order of the
blocks vary per document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from samplegen.facts import Lot
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx
from samplegen.layouts.invoice_spreadsheet import home_bank

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("DELIVERY NOTE", "Delivery Note", "DISPATCH NOTE", "DELIVERY NOTE / PACKING LIST"),
        "number": ("Delivery note no.", "Delivery Note No.", "Dispatch note no.", "DN No."),
        "date": ("Date", "Date of issue"),
        "customer": ("Customer no.", "Customer account", "Account no."),
        "your_order": ("Your order no.", "Your reference", "Customer PO"),
        "of": ("of", "dated"),
        "our_order": ("Our order no.", "Sales order", "Order confirmation"),
        "invoice": ("Invoice no.", "Commercial invoice", "Related invoice"),
        "dispatch": ("Dispatch date", "Shipping date", "Date of dispatch"),
        "contact": ("Contact", "Your contact", "Handled by"),
        "phone": ("Phone", "Tel."),
        "intro": ("We deliver the following goods in accordance with your order:",
                  "Please find below the goods dispatched against your order.",
                  "As per your order we have shipped:"),
        "pos": ("Pos.", "Item", "Line"),
        "article": ("Article no.", "Item no.", "Material"),
        "description": ("Description", "Description of goods"),
        "lot": ("Lot", "Lot no.", "Batch"),
        "packages": ("Packages", "Pkgs"),
        "qty": ("Quantity", "Qty"),
        "unit": ("Unit", "UoM"),
        "net": ("Net kg", "Net weight kg", "Net (kg)"),
        "gross": ("Gross kg", "Gross weight kg", "Gross (kg)"),
        "nos": ("{word} nos. {span}",),
        "no": ("{word} no. {span}",),
        "gross_line": ("gross", "gross weight"),
        "total_packages": ("Total packages", "Number of packages"),
        "total_net": ("Total net weight", "Net weight"),
        "total_gross": ("Total gross weight", "Gross weight"),
        "terms": ("Terms of delivery", "Delivery terms", "Incoterms"),
        "carrier": ("Shipped per", "Carrier / vessel", "Means of transport"),
        "route": ("From / to", "Route"),
        "marks": ("Marks", "Shipping marks"),
        "packing": ("Packing",),
        "received": ("Goods received in good order and condition",
                     "Received the above goods complete and in good condition", "Receipt confirmed"),
        "recv_date": ("Date",),
        "recv_name": ("Name (block letters)", "Name"),
        "recv_sign": ("Signature / company stamp", "Signature and stamp"),
        "dispatched": ("Dispatched by", "Issued by", "Shipping department"),
        "page": ("Page 1 of 1", "Page 1/1"),
        "bank": ("Bank", "Bank details"),
        "no_prices": ("Prices: see invoice.", "This delivery note carries no prices."),
    },
    "es": {
        "number": ("No.", "Número"),
        "date": ("Fecha", "Fecha de emisión"),
        "customer": ("No. de cliente", "Cliente No."),
        "your_order": ("Su pedido No.", "Su orden de compra", "O.C. No."),
        "of": ("del", "de fecha"),
        "our_order": ("Nuestro pedido No.", "Pedido de venta"),
        "invoice": ("Factura No.", "Factura comercial No."),
        "dispatch": ("Fecha de embarque", "Fecha de despacho", "Fecha de salida"),
        "contact": ("Contacto", "Atendió"),
        "phone": ("Tel.", "Teléfono"),
        "intro": ("Le remitimos la siguiente mercancía conforme a su pedido:",
                  "Por medio de la presente hacemos entrega de:"),
        "pos": ("Pos.", "Partida", "No."),
        "article": ("Clave", "Código", "Artículo"),
        "description": ("Descripción",),
        "lot": ("Lote", "Lote No."),
        "packages": ("Bultos",),
        "qty": ("Cantidad", "Cant."),
        "unit": ("Unidad", "U.M."),
        "net": ("Neto kg", "Peso neto kg"),
        "gross": ("Bruto kg", "Peso bruto kg"),
        "nos": ("{word} Nos. {span}", "{word} del {span}"),
        "no": ("{word} No. {span}",),
        "gross_line": ("bruto", "peso bruto"),
        "total_packages": ("Total de bultos", "Bultos"),
        "total_net": ("Peso neto total", "Peso neto"),
        "total_gross": ("Peso bruto total", "Peso bruto"),
        "terms": ("Condición de entrega", "Incoterm"),
        "carrier": ("Transporte", "Embarcado en", "Medio de transporte"),
        "route": ("Origen / destino", "Ruta"),
        "marks": ("Marcas",),
        "packing": ("Embalaje",),
        "received": ("Recibí de conformidad la mercancía arriba descrita", "Recibido de conformidad",
                     "Mercancía recibida en buen estado"),
        "recv_date": ("Fecha",),
        "recv_name": ("Nombre", "Nombre y cargo"),
        "recv_sign": ("Firma y sello", "Firma"),
        "dispatched": ("Entregó", "Despachado por", "Elaboró"),
        "page": ("Página 1 de 1",),
        "bank": ("Banco", "Datos bancarios"),
        "no_prices": ("Precios según factura.", "Documento sin valor comercial."),
    },
    "fr": {
        "title": ("BON DE LIVRAISON", "Bon de livraison", "BORDEREAU DE LIVRAISON"),
        "number": ("Bon de livraison n°", "N° BL", "BL n°"),
        "date": ("Date",),
        "customer": ("N° client", "Code client"),
        "your_order": ("Votre commande n°", "Votre référence"),
        "of": ("du",),
        "our_order": ("Notre commande n°", "Confirmation de commande"),
        "invoice": ("Facture n°", "Facture commerciale n°"),
        "dispatch": ("Date d'expédition", "Expédié le"),
        "contact": ("Contact", "Votre interlocuteur"),
        "phone": ("Tél.",),
        "intro": ("Nous vous livrons, conformément à votre commande, les marchandises suivantes :",
                  "Veuillez trouver ci-dessous le détail de notre livraison :"),
        "pos": ("Pos.", "Ligne", "N°"),
        "article": ("Référence", "Réf. article", "Code article"),
        "description": ("Désignation",),
        "lot": ("Lot", "N° de lot"),
        "packages": ("Colis",),
        "qty": ("Quantité", "Qté"),
        "unit": ("Unité",),
        "net": ("Net kg", "Poids net kg"),
        "gross": ("Brut kg", "Poids brut kg"),
        "nos": ("{word} n° {span}",),
        "no": ("{word} n° {span}",),
        "gross_line": ("brut", "poids brut"),
        "total_packages": ("Nombre de colis", "Total colis"),
        "total_net": ("Poids net total", "Poids net"),
        "total_gross": ("Poids brut total", "Poids brut"),
        "terms": ("Conditions de livraison", "Incoterm"),
        "carrier": ("Transporteur / navire", "Expédié par", "Mode de transport"),
        "route": ("De / à", "Trajet"),
        "marks": ("Marques",),
        "packing": ("Emballage",),
        "received": ("Marchandise reçue en bon état et conforme", "Reçu les marchandises ci-dessus sans réserve",
                     "Bon pour réception"),
        "recv_date": ("Date",),
        "recv_name": ("Nom", "Nom en capitales"),
        "recv_sign": ("Signature et cachet",),
        "dispatched": ("Expédié par", "Service expéditions"),
        "page": ("Page 1 sur 1", "Page 1/1"),
        "bank": ("Banque", "Coordonnées bancaires"),
        "no_prices": ("Prix : voir facture.",),
    },
    "pt": {
        "title": ("NOTA DE ENTREGA", "GUIA DE REMESSA", "ROMANEIO DE ENTREGA"),
        "number": ("Nº", "Número"),
        "date": ("Data", "Data de emissão"),
        "customer": ("Código do cliente", "Cliente nº"),
        "your_order": ("Seu pedido nº", "Pedido de compra"),
        "of": ("de",),
        "our_order": ("Nosso pedido nº", "Pedido de venda"),
        "invoice": ("Fatura nº", "Fatura comercial nº"),
        "dispatch": ("Data de expedição", "Data de embarque"),
        "contact": ("Contato", "Atendimento"),
        "phone": ("Tel.", "Telefone"),
        "intro": ("Conforme seu pedido, entregamos as seguintes mercadorias:",
                  "Segue abaixo a relação das mercadorias expedidas:"),
        "pos": ("Item", "Pos."),
        "article": ("Código", "Referência"),
        "description": ("Descrição",),
        "lot": ("Lote",),
        "packages": ("Volumes",),
        "qty": ("Quantidade", "Qtde."),
        "unit": ("Unid.",),
        "net": ("Líquido kg", "Peso líquido kg"),
        "gross": ("Bruto kg", "Peso bruto kg"),
        "nos": ("{word} nº {span}",),
        "no": ("{word} nº {span}",),
        "gross_line": ("bruto", "peso bruto"),
        "total_packages": ("Total de volumes", "Volumes"),
        "total_net": ("Peso líquido total", "Peso líquido"),
        "total_gross": ("Peso bruto total", "Peso bruto"),
        "terms": ("Condição de entrega", "Incoterm"),
        "carrier": ("Transporte", "Meio de transporte"),
        "route": ("Origem / destino",),
        "marks": ("Marcas",),
        "packing": ("Embalagem",),
        "received": ("Recebemos as mercadorias acima em perfeito estado", "Recebido em boas condições"),
        "recv_date": ("Data",),
        "recv_name": ("Nome",),
        "recv_sign": ("Assinatura e carimbo",),
        "dispatched": ("Expedido por", "Expedição"),
        "page": ("Página 1 de 1",),
        "bank": ("Banco", "Dados bancários"),
        "no_prices": ("Preços conforme fatura.",),
    },
}  # fmt: skip
# The Spanish title names the document as the exporter's country does: Mexico's 'nota de remisión', elsewhere
# the 'nota de entrega', 'guía de despacho' or 'nota de remisión'.
SPANISH_TITLES = {
    "MX": ("NOTA DE REMISIÓN", "REMISIÓN", "Remisión"),
    "": ("NOTA DE ENTREGA", "GUÍA DE DESPACHO", "NOTA DE REMISIÓN"),
}
# A tag line under the company's name on the letterhead.
TAGLINES = {
    "en": ("Antimony metal and oxides", "Non-ferrous metals - export"),
    "es": ("Metales no ferrosos - exportación", "Antimonio y sus óxidos"),
    "fr": ("Métaux non ferreux et oxydes", "Oxydes d'antimoine"),
    "pt": ("Metais não ferrosos - exportação",),
}


@dataclass
class _Note:
    """The note's language, wording and the choices that shape it."""

    ctx: Ctx
    lang: str
    words: dict[str, tuple[str, ...]]

    def w(self, key: str) -> str:
        return str(self.ctx.pick(self.words[key]))

    def title(self) -> str:
        if self.lang != "es":
            return self.w("title")
        return str(self.ctx.pick(SPANISH_TITLES["MX" if self.ctx.s.seller.country == "MX" else ""]))


def _note_number(ctx: Ctx, lang: str) -> str:
    r = ctx.rng
    yy = f"{ctx.s.invoice_date:%y}"
    seq = r.randrange(1000, 99999)
    options = {
        "en": (f"DN-{yy}{seq:05d}", f"80{r.randrange(100000, 999999)}", f"DSP/{yy}/{seq % 10000:04d}"),
        "es": (f"REM-{seq:05d}", f"R {r.randrange(100000, 999999)}")
        if ctx.s.seller.country == "MX"
        else (f"NE-{yy}-{seq % 10000:04d}", f"GD-{r.randrange(100000, 999999)}"),
        "fr": (f"BL{yy}-{seq:05d}", f"BL {r.randrange(100000, 999999)}"),
        "pt": (f"NE-{r.randrange(100000, 999999)}", f"GR {yy}/{seq % 10000:04d}"),
    }[lang]
    return str(ctx.pick(options))


def _article(ctx: Ctx) -> str:
    s = ctx.s
    grade = str(s.grade_pct).replace(".", "")
    if s.product == "ingot":
        return str(ctx.pick((f"SB-{grade}", f"SBI-{grade}-25", f"40{ctx.rng.randrange(10000, 99999)}")))
    return str(ctx.pick((f"ATO-{grade}", "SB2O3-FR", f"41{ctx.rng.randrange(10000, 99999)}")))


def delivery_note(ctx: Ctx, lots: list[Lot]) -> None:
    """The delivery note: letterhead, window address and information block, the subject line, the positions per
    lot, the totals and shipping particulars, the receipt block and the letter's footer.

    The note is first drawn on a scratch context (the same seed makes the same choices) to see where its last
    block ends; a note that would run into the footer is drawn tighter, as an order system prints a long note
    with less space between its blocks."""
    for squeeze in range(4):
        end, limit = _draw(Ctx(ctx.s, ctx.st), lots, squeeze)
        if end <= limit:
            break
    end, limit = _draw(ctx, lots, squeeze)
    if end > limit + 0.5:
        raise RuntimeError(f"delivery note runs into its footer ({end:.1f} mm > {limit:.1f} mm)")


def _draw(ctx: Ctx, lots: list[Lot], squeeze: int) -> tuple[float, float]:
    """Draw the note `squeeze` steps tighter; returns the foot of its last block and the top of the footer."""
    s, sh = ctx.s, ctx.sheet
    rng = ctx.rng
    lang = fl.language(ctx, french_share=0.5)
    n = _Note(ctx, lang, WORDS[lang])
    x = ctx.left
    k = 1 - 0.1 * squeeze
    a4 = ctx.st.pagesize == "A4"
    left = x + ctx.jitter(8, 2)  # the letter's text line, indented from the sheet's margin
    dispatch = s.departure_date - timedelta(days=ctx.pick((1, 2, 3)))
    footer_top = sh.height - 29.0

    # ----- letterhead, fold and punch marks -----
    _letterhead(ctx, n)
    if a4 and rng.random() < 0.65:  # the fold marks and punch mark of a window-envelope letter sheet
        for mark_y, length in ((105.0, 5.0), (148.5, 3.0), (210.0, 5.0)):
            sh.hline(3.0, 3.0 + length, mark_y, 0.3)

    # ----- return address and the consignee in the window -----
    ay = ctx.jitter(49, 1.5)
    rw = sh.text(left, ay, _return_address(ctx, lang), 6.6, max_w=82)
    sh.hline(left, left + rw, ay + 0.8, 0.25)
    address = [*s.buyer.lines, fl.country(ctx, lang, s.buyer.country, upper=True)]
    sh.text(left, ay + 6, s.buyer.name, 9.6, bold=rng.random() < 0.5, max_w=84)
    end_address = sh.lines(left, ay + 10.2, address, 9.6, kind="static", step=4.2, max_w=84)

    # ----- the information block -----
    number = _note_number(ctx, lang)
    order_date = s.invoice_date - timedelta(days=ctx.pick((12, 19, 26, 33, 41)))
    info: list[tuple[str, str, str | None]] = [
        (n.w("number"), number, None),
        (n.w("date"), fl.day(ctx, lang, dispatch), None),
        (n.w("customer"), f"{ctx.pick(('', 'K', 'C'))}{rng.randrange(10000, 99999)}", None),
        (n.w("your_order"), s.buyer_po, None),
    ]
    if rng.random() < 0.5:
        info[-1] = (n.w("your_order"), f"{s.buyer_po} {n.w('of')} {fl.day(ctx, lang, order_date)}", None)
    if rng.random() < 0.6:
        info.append((n.w("our_order"), f"{ctx.pick(('SO-', 'OV-', '1'))}{rng.randrange(100000, 999999)}", None))
    info.append((n.w("invoice"), s.pl_invoice_ref, "invoice_number"))
    if rng.random() < 0.4:
        info.append((n.w("dispatch"), fl.day(ctx, lang, dispatch), None))
    if rng.random() < 0.6:
        info += [(n.w("contact"), s.seller.person, None), (n.w("phone"), s.seller.phone, None)]
    ix = ctx.jitter(122, 3)
    iw = ctx.right - ix
    lw = min(iw * 0.5, max(sh.text_width(label, 7.4) for label, _, _ in info) + 2.5)
    iy = ay + ctx.jitter(1.5, 1.0)
    istep = 4.0 * (1 - 0.04 * squeeze)
    for label, value, field in info:
        sh.text(ix, iy, label, 7.4, kind="label", max_w=lw - 1.5)
        sh.text(ix + lw, iy, value, 8.4, bold=field is not None and rng.random() < 0.5,
                kind="value" if field else "static", field=field, max_w=iw - lw)  # fmt: skip
        iy += istep

    # ----- subject, the introduction and the positions -----
    y = max(end_address, iy) + ctx.jitter(8, 1.5) * k
    title = n.title()
    size = ctx.jitter(13, 0.8)
    if rng.random() < 0.55:
        tw = sh.text(left, y, title, size, bold=True)
        sh.text(left + tw + sh.text_width("  ", size), y, number, size, bold=True)
    else:
        sh.text(left, y, title, size, bold=True)
    y += 7 * k
    if squeeze < 2 and rng.random() < 0.6:
        sh.text(left, y, n.w("intro"), 8.6, max_w=ctx.right - left)
        y += 6 * k
    y = _positions(ctx, n, left, y, ctx.right - left, lots, k)

    # ----- totals and the shipping particulars -----
    y += ctx.jitter(4, 1) * k
    y = _totals(ctx, n, left, y, ctx.right - left, lots, k)
    y += ctx.jitter(5, 1) * k
    y = _particulars(ctx, n, left, y, ctx.right - left, k, squeeze)

    # ----- dispatcher and receipt -----
    y += ctx.jitter(7, 1.5) * k
    y = _receipt(ctx, n, left, y, ctx.right - left, k, squeeze)
    _footer(ctx, n, footer_top)
    return y, footer_top - 3.0


def _return_address(ctx: Ctx, lang: str) -> str:
    """The one-line return address over the window: the full address, or as much of it as fits the window's
    width in small type (the company, its town and country)."""
    s, sh = ctx.s, ctx.sheet
    country = fl.country(ctx, lang, s.seller.country)
    for parts in ([s.seller.name, *s.seller.lines, country], [s.seller.name, s.seller.lines[-1], country]):
        line = " · ".join(parts)
        if sh.text_width(line, 6.0) <= 82:
            return line
    return f"{s.seller.name} · {country}"


def _letterhead(ctx: Ctx, n: _Note) -> None:
    """The company's name large with its tag line, and its address and contacts, at the left, right or centre of
    the head."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    place = ctx.pick(("left", "right", "centre"))
    tag = str(ctx.pick(TAGLINES[n.lang]))
    name_size = ctx.jitter(15, 1.2)
    contact = [", ".join([*s.seller.lines, fl.country(ctx, n.lang, s.seller.country)]),
               f"{n.w('phone')} {s.seller.phone} · {s.seller.email}"]  # fmt: skip
    if place == "centre":
        sh.text(sh.width / 2, 17, s.seller.name, name_size, bold=True, align="center", max_w=w)
        sh.text(sh.width / 2, 22, tag, 8.2, align="center", max_w=w)
        for i, line in enumerate(contact):
            sh.text(sh.width / 2, 27 + i * 3.4, line, 7.2, align="center", max_w=w)
        sh.hline(x, ctx.right, 34.5, 0.5)
        return
    if place == "right":
        sh.text(ctx.right, 18, s.seller.name, name_size, bold=True, align="right", max_w=w * 0.7)
        sh.text(ctx.right, 23, tag, 8.2, align="right", max_w=w * 0.7)
        for i, line in enumerate(contact):
            sh.text(ctx.right, 28 + i * 3.4, line, 7.2, align="right", max_w=w * 0.7)
        # a square device with the initials where the logo goes
        initials = "".join(part[0] for part in s.seller.name.replace(",", "").split()[:2]).upper()
        sh.rect(x, 12, 15, 15, 0.8, fill=0.25)
        sh.canvas.setFillGray(1)
        sh.text(x + 7.5, 21.8, initials, 13, bold=True, align="center")
        sh.canvas.setFillGray(0)
        return
    sh.text(x, 18, s.seller.name, name_size, bold=True, max_w=w * 0.6)
    sh.text(x, 23, tag, 8.2, max_w=w * 0.6)
    sh.hline(x, ctx.right, 26, 0.8)
    for i, line in enumerate(contact):
        sh.text(ctx.right, 30 + i * 3.4, line, 7.2, align="right", max_w=w * 0.62)


def _positions(ctx: Ctx, n: _Note, x: float, y: float, w: float, lots: list[Lot], k: float) -> float:
    """One position per lot under a ruled caption line: the lot, the package numbers and the quantity, in one of
    the order systems' column sets. Returns the y under the closing rule."""
    sh = ctx.sheet
    lang = n.lang
    layout = ctx.pick(("weights", "quantity", "qty_first"))
    tenths = ctx.rng.random() < 0.4  # positions 10, 20, 30 as order systems number them
    light_rules = ctx.rng.random() < 0.5
    size = ctx.jitter(8.5, 0.2) - (1 - k) * 2
    step = size * 0.44
    # tonnes and whole kilograms only where every lot weighs whole kilograms, so the figures print exactly
    halves = any(lot.net_kg != lot.net_kg.to_integral_value() for lot in lots)
    unit = "kg" if halves else ctx.pick(("kg", "t"))
    places = 1 if halves else ctx.pick((0, 2))
    article = _article(ctx)
    alike = ctx.rng.randrange(3)  # the net and gross columns worded alike
    net_head, gross_head = (n.words[key][alike % len(n.words[key])] for key in ("net", "gross"))
    if layout == "weights":
        cols = [
            (n.w("pos"), 0.07, "left"),
            (n.w("article"), 0.14, "left"),
            (n.w("description"), 0.43, "left"),
            (n.w("packages"), 0.1, "right"),
            (net_head, 0.13, "right"),
            (gross_head, 0.13, "right"),
        ]
    elif layout == "quantity":
        cols = [
            (n.w("pos"), 0.07, "left"),
            (n.w("description"), 0.5, "left"),
            (n.w("lot"), 0.17, "left"),
            (n.w("qty"), 0.16, "right"),
            (n.w("unit"), 0.1, "left"),
        ]
    else:
        cols = [(n.w("pos"), 0.07, "left"), (n.w("qty"), 0.14, "right"), (n.w("unit"), 0.08, "left"),
                (n.w("description"), 0.71, "left")]  # fmt: skip
    widths = [w * share for _, share, _ in cols]
    sh.hline(x, x + w, y, 0.6)
    cx = x
    for (caption, _, align), cw in zip(cols, widths, strict=True):
        tx = cx + 1 if align == "left" else cx + cw - 1
        sh.text(tx, y + 4.2, caption, size - 0.3, bold=True, kind="label", align=align, max_w=cw - 2)
        cx += cw
    y += 6.0
    sh.hline(x, x + w, y, 0.4)
    y += 1.2
    word_plural = fl.package_word(ctx, lang, True).capitalize()
    word_single = fl.package_word(ctx, lang, False).capitalize()
    nos, one = n.w("nos"), n.w("no")
    lot_caption = n.w("lot")
    gross_word = n.w("gross_line")
    description = fl.description(ctx, lang)
    first = 1
    for i, lot in enumerate(lots):
        last = first + lot.packages - 1
        if lot.packages > 1:
            pkg_line = nos.format(word=word_plural, span=f"{first}-{last}")
        else:
            pkg_line = one.format(word=word_single, span=first)
        first = last + 1
        lines: list[tuple[str, str | None]] = []
        desc_w = widths[2] if layout == "weights" else widths[1] if layout == "quantity" else widths[3]
        lines += [(part, None) for part in sh.wrap(description, desc_w - 2, size)]
        if layout != "quantity":
            lines.append((f"{lot_caption}: {lot.number}", "lot_numbers"))
        if layout == "weights":
            lines.append((pkg_line, None))
        else:
            lines.append((f"{fl.packages(ctx, lang, lot.packages)} - {pkg_line}", None))
            lines.append((f"{fl.weight(ctx, lang, lot.gross_kg)} {gross_word}", None))
        quantity = ctx.num(lot.net_kg / 1000, 3) if unit == "t" else ctx.num(lot.net_kg, places)
        pos = str((i + 1) * 10 if tenths else i + 1)
        if layout == "weights":
            cells = [
                (pos, None),
                (article, None),
                None,
                (str(lot.packages), None),
                (ctx.kg(lot.net_kg, places), None),
                (ctx.kg(lot.gross_kg, places), None),
            ]
        elif layout == "quantity":
            cells = [(pos, None), None, (lot.number, "lot_numbers"), (quantity, None), (unit, None)]
        else:
            cells = [(pos, None), (quantity, None), (unit, None), None]  # fmt: skip
        top = y + step
        bottom = top
        cx = x
        for (_, _, align), cw, cell in zip(cols, widths, cells, strict=True):
            tx = cx + 1 if align == "left" else cx + cw - 1
            entries = lines if cell is None else [cell]
            ty = top
            for text, field in entries:
                if field and align == "left":
                    fl.captioned(ctx, tx, ty, text, size, field, cw - 2)
                else:
                    sh.text(tx, ty, text, size, kind="value" if field else "static", field=field, align=align,
                            max_w=cw - 2)  # fmt: skip
                ty += step
            bottom = max(bottom, ty)
            cx += cw
        y = bottom - step + ctx.jitter(3.2, 0.4) * k
        if light_rules and i < len(lots) - 1:
            sh.canvas.setStrokeGray(0.6)
            sh.hline(x, x + w, y - 1.4, 0.25)
            sh.canvas.setStrokeGray(0)
    sh.hline(x, x + w, y, 0.6)
    return y


def _totals(ctx: Ctx, n: _Note, x: float, y: float, w: float, lots: list[Lot], k: float) -> float:
    """Packages, net and gross weight of the whole delivery: at the right under the positions, or in a light box
    at the left."""
    sh = ctx.sheet
    count = sum(lot.packages for lot in lots)
    net = sum((lot.net_kg for lot in lots), Decimal(0))
    gross = sum((lot.gross_kg for lot in lots), Decimal(0))
    bare = ctx.rng.random() < 0.3  # the count alone, its unit in the caption's package word
    # the three captions worded alike ('Total packages', 'Total net weight', 'Total gross weight')
    alike = ctx.rng.randrange(2)
    packages, net_caption, gross_caption = (
        n.words[key][alike % len(n.words[key])] for key in ("total_packages", "total_net", "total_gross")
    )
    rows = [
        (packages, str(count) if bare else fl.packages(ctx, n.lang, count), "package_count"),
        (net_caption, fl.weight(ctx, n.lang, net, "net_weight_kg"), "net_weight_kg"),
        (gross_caption, fl.weight(ctx, n.lang, gross, "gross_weight_kg"), "gross_weight_kg"),
    ]
    if bare:
        rows[0] = (f"{rows[0][0]} ({fl.package_word(ctx, n.lang, True)})", *rows[0][1:])
    size = 8.8
    step = 4.6 * k
    if ctx.rng.random() < 0.5:
        rx = x + w
        lw = max(sh.text_width(f"{label}:", size) for label, _, _ in rows) + 4
        vw = max(sh.text_width(value, size, True) for _, value, _ in rows) + 2
        lx = rx - vw - lw
        for label, value, field in rows:
            y += step
            sh.text(lx, y, f"{label}:", size, kind="label")
            sh.text(rx, y, value, size, bold=True, kind="value", field=field, align="right")
        return y + 1.5
    bw = w * ctx.jitter(0.5, 0.04)
    bh = len(rows) * step + 3
    sh.rect(x, y, bw, bh, 0.4, fill=0.94)
    ty = y + 1.5
    lw = bw * 0.5
    for label, value, field in rows:
        ty += step
        sh.text(x + 2, ty - 1, label, size - 0.4, kind="label", max_w=lw - 3)
        sh.text(x + lw, ty - 1, value, size, bold=True, kind="value", field=field, max_w=bw - lw - 2)
    return y + bh


def _particulars(ctx: Ctx, n: _Note, x: float, y: float, w: float, k: float, squeeze: int) -> float:
    """Terms of delivery, carrier, route, marks and packing as 'label: value' lines."""
    s, sh = ctx.s, ctx.sheet
    lang = n.lang
    terms = s.incoterm + (" (Incoterms 2020)" if ctx.rng.random() < 0.4 else "")
    rows = [
        (n.w("terms"), terms),
        (n.w("carrier"), fl.vehicle(ctx, lang)),
        (n.w("route"), f"{s.place_loading} - {s.place_discharge}"),
        # a laundered packing list's marks carry the China text; they are never squeezed out
        (n.w("marks"), " / ".join(s.marks("es" if lang == "es" else "en", packing_list=True))),
    ]
    if squeeze < 3:
        rows.append((n.w("packing"), fl.packing_text(ctx, lang)))
    if squeeze < 2 and ctx.rng.random() < 0.5:
        rows.append(("", n.w("no_prices")))
    size = 8.2
    lw = max(sh.text_width(f"{label}:", size) for label, _ in rows if label) + 3
    step = size * 0.44
    for label, value in rows:
        if label:
            sh.text(x, y, f"{label}:", size, kind="label")
        for part in sh.wrap(value, w - lw, size):
            sh.text(x + lw, y, part, size, max_w=w - lw)
            y += step
        y += 1.0 * k
    return y


def _receipt(ctx: Ctx, n: _Note, x: float, y: float, w: float, k: float, squeeze: int) -> float:
    """The dispatcher's signature and the consignee's receipt block (date, name, signature and stamp), side by
    side or (on a note with room to spare) the receipt under the signature."""
    s, sh = ctx.s, ctx.sheet
    side = ctx.rng.random() < 0.6 or squeeze > 0
    bh = ctx.jitter(22, 1.5) * k
    rx, rw = (x + w * 0.42, w * 0.58) if side else (x, w)
    # the dispatcher: a signature over the name
    sh.text(x, y + 3, n.w("dispatched"), 7.6, kind="label")
    sh.scribble(x + 4, y + 10, 30, len(s.pl_no))
    sh.hline(x, x + 50, y + 13, 0.35)
    sh.text(x, y + 16.5, s.seller.person, 7.6, max_w=w * 0.4)
    if not side:
        y += 21 * k
    sh.rect(rx, y, rw, bh, 0.5)
    sh.text(rx + 2, y + 4, n.w("received"), 8, bold=True, max_w=rw - 4)
    third = (rw - 4) / 3
    for i, key in enumerate(("recv_date", "recv_name", "recv_sign")):
        cx = rx + 2 + i * third
        sh.hline(cx + 1, cx + third - 2, y + bh - 5.5, 0.3)
        sh.text(cx + 1, y + bh - 2.3, n.w(key), 6.8, kind="label", max_w=third - 3)
    return y + bh


def _footer(ctx: Ctx, n: _Note, top: float) -> None:
    """The letter's footer: company and address, contacts, bank, registration, in columns under a rule."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    sh.hline(x, ctx.right, top, 0.4)
    bank, swift = home_bank(ctx)
    account = "".join(str(ctx.rng.randrange(10)) for _ in range(14))
    columns = [
        [s.seller.name, ", ".join(s.seller.lines), fl.country(ctx, n.lang, s.seller.country)],
        [f"{n.w('phone')} {s.seller.phone}", s.seller.email, "www." + s.seller.email.split("@")[-1]],
        [f"{n.w('bank')}: {bank}", f"SWIFT/BIC {swift}", f"{account[:4]} {account[4:8]} {account[8:]}"],
        [s.seller.tax_id],
    ]
    if ctx.rng.random() < 0.45:
        columns[-1].append(n.w("page"))
    cw = w / len(columns)
    for i, lines in enumerate(columns):
        # a line too long for its column wraps in it, as the letter's footer cells do
        wrapped = [part for line in lines for part in sh.wrap(line, cw - 2.5, 6.3)]
        sh.lines(x + i * cw, top + 3.2, wrapped, 6.3, kind="static", step=2.8, max_w=cw - 2)
