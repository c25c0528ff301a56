"""`sin_export`: the Bolivian 'Factura Comercial de Exportación' as the tax service's (Servicio de Impuestos
Nacionales, SIN) invoicing system prints it: the graphic representation of an export invoice issued 'sin derecho a
crédito fiscal', in Spanish.

What the printed export invoice carries, as the SIN's invoicing rules and the issuers' print templates lay it out:

* the issuer's name at the top left with 'CASA MATRIZ' or the branch, the point of sale ('No. Punto de Venta 0'),
  address, telephone and city;
* at the top right the fiscal block: the issuer's NIT, the invoice number and either the online system's
  authorisation code (CUF, a long hexadecimal string) or, in the older computerised mode, the authorisation number;
* the title 'FACTURA COMERCIAL DE EXPORTACIÓN', sometimes with '(Commercial Invoice)' under it, and '(Sin Derecho
  a Crédito Fiscal)';
* the buyer block of captioned lines: date of issue, name ('Nombre/Razón Social'), 'NIT/CI/CEX', buyer's address,
  the INCOTERM and its place, port of destination, currency of the transaction and the exchange rate to the
  boliviano; a mineral exporter adds its mining registration ('NIM'), export registration ('RUEX'), the transit
  port and the origin;
* the detail: product code, NANDINA (HS) code, quantity, unit of measure, description, unit price, discount and
  subtotal for each line;
* the price build-up the form requires: 'Total detalle', the national costs and expenses up to the border
  ('Desglose de costos y gastos nacionales') and their 'Subtotal FOB (frontera)', the international costs
  (freight and insurance under the terms that make the seller pay them), the 'TOTAL GENERAL' in the currency and
  in bolivianos, and the amount in words ('Son: ... 50/100 Dólares');
* the number and kind of packages and the weights, the QR code, the legends every Bolivian invoice prints ('ESTA
  FACTURA CONTRIBUYE AL DESARROLLO DEL PAÍS ...', a consumer-rights legend of Ley N° 453) and, online, 'Este
  documento es la Representación Gráfica de un Documento Fiscal Digital ...'; in the computerised mode the control
  code and the 'fecha límite de emisión'.

The detail lines carry the value at the border: the costs the form breaks down are carved out of the contract
value, so that the TOTAL GENERAL is the invoice's amount. Every value a field records is drawn with kind="value";
the mode (online or computerised), the mineral exporter's lines, English sub-captions, rules and spacing vary per
document.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from samplegen.draw import Cell, Column
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.invoice_forms import TAX_ID_LABEL

# Bolivia's official exchange rate has stood at 6.96 bolivianos to the dollar since 2011; a euro rate of the year.
BOB_PER = {"USD": Decimal("6.96"), "EUR": Decimal("7.53")}
CURRENCY_NAMES = {"USD": ("DÓLAR ESTADOUNIDENSE", "DOLAR"), "EUR": ("EURO", "EURO")}
CURRENCY_WORDS = {"USD": ("DÓLARES ESTADOUNIDENSES", "DÓLARES AMERICANOS"), "EUR": ("EUROS",)}
LEGEND_USE = (
    "ESTA FACTURA CONTRIBUYE AL DESARROLLO DEL PAÍS, EL USO ILÍCITO SERÁ SANCIONADO PENALMENTE DE ACUERDO A LEY"
)
LEGENDS_453 = (
    "Ley N° 453: Tienes derecho a recibir información sobre las características y contenidos de los servicios que "
    "utilices.",
    "Ley N° 453: El proveedor deberá entregar el producto en las modalidades y términos ofertados o convenidos.",
    "Ley N° 453: Está prohibido importar, distribuir o comercializar productos expirados o prontos a expirar.",
)
ONLINE_LEGEND = (
    "Este documento es la Representación Gráfica de un Documento Fiscal Digital emitido en una modalidad de "
    "facturación en línea"
)

_UNITS = (
    "CERO UN DOS TRES CUATRO CINCO SEIS SIETE OCHO NUEVE DIEZ ONCE DOCE TRECE CATORCE QUINCE DIECISÉIS DIECISIETE "
    "DIECIOCHO DIECINUEVE VEINTE VEINTIUN VEINTIDÓS VEINTITRÉS VEINTICUATRO VEINTICINCO VEINTISÉIS VEINTISIETE "
    "VEINTIOCHO VEINTINUEVE"
).split()
_TENS = {3: "TREINTA", 4: "CUARENTA", 5: "CINCUENTA", 6: "SESENTA", 7: "SETENTA", 8: "OCHENTA", 9: "NOVENTA"}
_HUNDREDS = ("", "CIENTO", "DOSCIENTOS", "TRESCIENTOS", "CUATROCIENTOS", "QUINIENTOS", "SEISCIENTOS", "SETECIENTOS",
             "OCHOCIENTOS", "NOVECIENTOS")  # fmt: skip


def _below_1000(n: int) -> str:
    words = []
    if n == 100:
        return "CIEN"
    if n >= 100:
        words.append(_HUNDREDS[n // 100])
        n %= 100
    if n >= 30:
        words.append(_TENS[n // 10] + (f" Y {_UNITS[n % 10]}" if n % 10 else ""))
    elif n or not words:
        words.append(_UNITS[n])
    return " ".join(words)


def number_in_words_es(n: int) -> str:
    """A whole number in Spanish words as Bolivian invoices print amounts ('UN MIL', 'VEINTIUN MIL', 'DOS
    MILLONES'): the apocopated 'UN' before the currency and before 'MIL'."""
    if n == 0:
        return _UNITS[0]
    parts = []
    millions, rest = divmod(n, 10**6)
    if millions:
        parts.append("UN MILLÓN" if millions == 1 else f"{_below_1000(millions)} MILLONES")
    thousands, rest = divmod(rest, 1000)
    if thousands:
        parts.append(f"{_below_1000(thousands)} MIL")
    if rest:
        parts.append(_below_1000(rest))
    return " ".join(parts)


def amount_in_words_es(amount: Decimal, currency_words: str) -> str:
    whole = int(amount)
    cents = int((amount - whole) * 100)
    return f"{number_in_words_es(whole)} {cents:02d}/100 {currency_words}"


def _breakdown(ctx: Ctx) -> tuple[Decimal, list[Decimal], list[tuple[str, Decimal]], list[tuple[str, Decimal]]]:
    """The unit price at the border, the detail lines and the national and international costs, adding up to the
    contract value exactly: the price is rounded down to the cent and the national costs take the remainder."""
    s = ctx.s
    total = s.total_amount
    term = s.incoterm[:3]
    international: list[tuple[str, Decimal]] = []
    if term in ("CIF", "CFR", "CPT", "CIP"):
        freight = (total * Decimal(str(ctx.rng.uniform(0.03, 0.055)))).quantize(Decimal(1))
        international.append((ctx.pick(("Flete internacional", "Transporte internacional")), freight))
    if term in ("CIF", "CIP"):
        international.append(("Seguro internacional", (total * Decimal("0.0035")).quantize(Decimal("0.01"))))
    if term == "DAP":
        international.append(("Transporte internacional hasta destino",
                              (total * Decimal(str(ctx.rng.uniform(0.01, 0.025)))).quantize(Decimal(1))))  # fmt: skip
    national_share = Decimal(str(ctx.rng.uniform(0.008, 0.022)))
    tonnes = s.net_kg / 1000
    target = total - sum((v for _, v in international), Decimal(0)) - total * national_share
    price = (target / tonnes).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    lines = [(lot.net_kg / 1000 * price).quantize(Decimal("0.01")) for lot in s.lots]
    national_total = total - sum(lines, Decimal(0)) - sum((v for _, v in international), Decimal(0))
    inland = (national_total * Decimal(str(ctx.rng.uniform(0.6, 0.8)))).quantize(Decimal(1))
    national = [
        (ctx.pick(("Transporte interno hasta frontera", "Flete interno", "Transporte interno")), inland),
        (ctx.pick(("Gastos de carguío y despacho", "Otros gastos nacionales", "Gastos de exportación")),
         national_total - inland),
    ]  # fmt: skip
    return price, lines, national, international


def _chunks(ctx: Ctx, value: str, width: float, size: float) -> list[str]:
    """A value cut into lines that fit `width`: an authorisation code has no spaces to wrap at, so the system
    breaks it where the box ends."""
    parts: list[str] = []
    while value:
        n = len(value)
        while n > 1 and ctx.sheet.text_width(value[:n], size) > width:
            n -= 1
        parts.append(value[:n])
        value = value[n:]
    return parts


def _qr(ctx: Ctx, x: float, y: float, size: float) -> None:
    """The QR code's place: three finder squares and a field of modules (the verification link is not encoded)."""
    sh = ctx.sheet
    n = 25
    m = size / n
    for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
        sh.rect(x + fx * m, y + fy * m, 7 * m, 7 * m, lw=m * 2.2)
        sh.rect(x + (fx + 2) * m, y + (fy + 2) * m, 3 * m, 3 * m, lw=0.1, fill=0)
    c = sh.canvas
    for i in range(n):
        for j in range(n):
            finder = (i < 8 and j < 8) or (i >= n - 8 and j < 8) or (i < 8 and j >= n - 8)
            if not finder and ctx.rng.random() < 0.48:
                sh.rect(x + i * m, y + j * m, m, m, lw=0.05, fill=0)
    c.setFillGray(0)


def sin_export(ctx: Ctx) -> None:
    """The Bolivian export invoice: issuer and fiscal block, title, buyer block, detail table, the price build-up
    from detail to TOTAL GENERAL with the amount in words, packages and weights, QR code and legends."""
    draw_to_fit(ctx, _draw, "export invoice")


def _draw(ctx: Ctx, squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    k = 1 - 0.1 * squeeze
    size = ctx.jitter(8.2, 0.3) - 0.3 * squeeze
    step = size * 0.45
    online = rng.random() < 0.65  # facturación en línea (CUF) or the older computerised mode
    mineral = rng.random() < 0.5  # a mineral exporter's lines (NIM, RUEX, transit port)
    english = rng.random() < 0.45  # English sub-captions under the Spanish ones
    upper = rng.random() < 0.6

    def cap(text: str) -> str:
        return text.upper() if upper else text

    # ----- the issuer at the top left -----
    y = ctx.jitter(14, 1.5) - squeeze
    ctx.set("seller_name", s.seller.name)
    lw = w * 0.56
    sh.text(x, y, s.seller.name, ctx.jitter(11.5, 0.6), bold=True, kind="value", field="seller_name", max_w=lw)
    branch = ctx.pick(("CASA MATRIZ", "Casa Matriz", "SUCURSAL No. 0"))
    phone = f"{ctx.pick(('Teléfono:', 'Telf.:', 'Tel.'))} {s.seller.phone}"
    issuer = [branch, f"No. Punto de Venta: {ctx.pick((0, 0, 1, 2))}", *s.seller.lines, phone,
              ctx.country(s.seller.country, upper=True)]  # fmt: skip
    iy = sh.lines(x, y + 5, issuer, size - 0.6, kind="static", step=step * 0.95, max_w=lw)

    # ----- the fiscal block at the top right -----
    bw = w * ctx.jitter(0.38, 0.02)
    bx = ctx.right - bw
    tax_label = TAX_ID_LABEL.get(s.seller.country, "NIT")
    ctx.set("invoice_number", s.invoice_no)
    rows: list[tuple[str, str, str | None]] = [
        (f"{tax_label}:", s.seller.tax_id.split()[-1], None),
        (ctx.pick(("FACTURA N°:", "FACTURA No.:", "Nro. FACTURA:")), s.invoice_no, "invoice_number"),
    ]
    if online:
        cuf = f"{rng.getrandbits(200):050X}"[: rng.choice((42, 50, 56))]
        rows.append((ctx.pick(("CÓD. AUTORIZACIÓN:", "CUF:", "Código de Autorización:")), cuf, None))
    else:
        rows.append((ctx.pick(("No. AUTORIZACIÓN:", "AUTORIZACIÓN No.:")), f"{rng.randrange(10**13, 10**14)}", None))
    boxed = rng.random() < 0.6
    by = y - 4
    ly = by + 4.5
    for label, value, field in rows:
        sh.text(bx + 2, ly, label, size - 0.6, bold=True, kind="label")
        vx = bx + 2 + sh.text_width(label, size - 0.6, True) + 1.5
        parts = _chunks(ctx, value, bx + bw - vx - 2, size - 0.8)
        for part in parts:
            sh.text(vx, ly, part, size - 0.3 if field else size - 0.8, kind="value" if field else "static",
                    field=field, max_w=bx + bw - vx - 2)  # fmt: skip
            field = None
            ly += step
        ly += 0.9
    if boxed:
        sh.rect(bx, by, bw, ly - by - 1.5, 0.6)
    y = max(iy, ly) + ctx.jitter(4, 1) * k

    # ----- the title -----
    title = ctx.pick(("FACTURA COMERCIAL DE EXPORTACIÓN", "FACTURA COMERCIAL DE EXPORTACIÓN", "FACTURA EXPORTACIÓN"))
    if mineral and rng.random() < 0.4:
        title = "FACTURA COMERCIAL DE EXPORTACIÓN DE MINERALES"
    sh.text(sh.width / 2, y, title, ctx.jitter(13, 0.8), bold=True, align="center", max_w=w)
    y += 5
    if english:
        sh.text(sh.width / 2, y, ctx.pick(("(COMMERCIAL INVOICE)", "(Commercial Invoice)")), size, align="center")
        y += step + 0.5
    sh.text(sh.width / 2, y, ctx.pick(("(Sin Derecho a Crédito Fiscal)", "SIN DERECHO A CRÉDITO FISCAL")), size,
            align="center")  # fmt: skip
    y += ctx.jitter(5, 0.8) * k

    # ----- the buyer block: captioned lines in two columns -----
    ctx.set("buyer_name", s.buyer.name)
    buyer_id = s.buyer.tax_id.split()[-1] if s.buyer.tax_id else str(rng.randrange(10**6, 10**8))
    currency_name = CURRENCY_NAMES[s.currency][0]
    rate = BOB_PER[s.currency]
    left: list[tuple[str, str, str | None]] = [
        (ctx.pick(("Fecha:", "Fecha de emisión:", "Lugar y fecha:")), ctx.date(s.invoice_date, "invoice_date"),
         "invoice_date"),
        ("Nombre/Razón Social:", s.buyer.name, "buyer_name"),
        ("NIT/CI/CEX:", buyer_id, None),
        (ctx.pick(("Dirección comprador:", "Dirección:")), ", ".join([*s.buyer.lines, ctx.country(s.buyer.country)]),
         None),
    ]  # fmt: skip
    if rng.random() < 0.5:
        left.insert(3, ("Cód. Cliente:", f"{rng.randrange(100, 99999)}", None))
    term, _, place = s.incoterm.partition(" ")
    right: list[tuple[str, str, str | None]] = [
        ("INCOTERM:", term, None),
        (ctx.pick(("Detalle INCOTERM:", "Lugar INCOTERM:")), place or s.place_discharge, None),
        (ctx.pick(("Puerto destino:", "Lugar destino:")), s.place_discharge, None),
        ("País destino:", ctx.country(s.buyer.country, upper=True), None),
        (ctx.pick(("Moneda de la transacción comercial:", "Moneda transacción:")), currency_name, None),
        ("Tipo de cambio:", ctx.num(rate, 2), None),
    ]
    if mineral:
        right.insert(2, ("Puerto tránsito:", s.place_loading, None))
        left.append(("NIM:", f"{rng.randrange(10**5, 10**6)}", None))
        left.append(("RUEX:", f"{rng.randrange(10**3, 10**4)}-{rng.randrange(10, 99)}", None))
        left.append((ctx.pick(("Concentrado/granel:", "Presentación:")),
                     ctx.pick(("NO", "Metálico")) if s.product == "ingot" else "NO", None))  # fmt: skip
    if "omit_origin" not in ctx.st.flags:
        origin = ctx.country(s.declared, upper=True, field="country_of_origin")
        (left if rng.random() < 0.5 else right).append(
            (ctx.pick(("País de origen:", "Origen:", "Origen de la mercancía:")), origin, "country_of_origin")
        )
    col_w = w / 2 - 2
    framed = rng.random() < 0.5
    top = y
    ys = []
    for cx, items in ((x + 1.5, left), (x + w / 2 + 1.5, right)):
        cy = y + (4 if framed else 0)
        for label, value, field in items:
            label = cap(label) if label[0].isalpha() and label[1].islower() else label
            sh.text(cx, cy, label, size - 0.5, bold=True, kind="label")
            vx = cx + sh.text_width(label, size - 0.5, True) + 1.5
            lines = sh.wrap(value, cx + col_w - vx - 1, size - 0.2)[:2]
            for part in lines:
                sh.text(vx, cy, part, size - 0.2, kind="value" if field else "static", field=field,
                        max_w=cx + col_w - vx - 1)  # fmt: skip
                field = None
                cy += step
            cy += 0.6 * k
        ys.append(cy)
    y = max(ys)
    if framed:
        sh.rect(x, top, w, y - top, 0.5)
    y += ctx.jitter(4, 0.8) * k

    # ----- the detail -----
    price, amounts, national, international = _breakdown(ctx)
    hs = ctx.hs()
    in_tonnes = rng.random() < 0.6
    unit = ctx.pick(("TONELADA MÉTRICA", "TM", "TONELADA")) if in_tonnes else ctx.pick(("KILOGRAMO", "KG"))
    widths = [0.09, 0.1, 0.1, 0.1, 0.25, 0.12, 0.1, 0.14]
    cols = [
        Column(ctx.pick(("CÓDIGO PRODUCTO", "CÓDIGO PRODUCTO / SERVICIO", "CÓD.")), w * widths[0]),
        Column(ctx.pick(("CÓDIGO NANDINA", "NANDINA", "PARTIDA ARANCELARIA")), w * widths[1]),
        Column("CANTIDAD", w * widths[2], "right"),
        Column(ctx.pick(("UNIDAD DE MEDIDA", "UNIDAD")), w * widths[3]),
        Column("DESCRIPCIÓN", w * widths[4]),
        Column("PRECIO UNITARIO", w * widths[5], "right"),
        Column("DESCUENTO", w * widths[6], "right"),
        Column("SUBTOTAL", w * widths[7], "right"),
    ]
    product_code = ctx.pick(("SB-", "ANT-", "P")) + f"{rng.randrange(1, 999):03d}"
    zero = ctx.num(Decimal(0), 2)
    rows_: list[list[Cell | str]] = []
    # the price per unit of the quantity column: per tonne, or per kilogram to five decimals (exact, as the
    # tonne price has two)
    unit_price = ctx.num(price, 2) if in_tonnes else ctx.num(price / 1000, 5)
    for i, lot in enumerate(s.lots):
        qty = ctx.num(lot.net_kg / 1000, 3) if in_tonnes else ctx.num(lot.net_kg, 2)
        text = f"{s.description('es')}\nLote {lot.number} - {ctx.packages_text(lot.packages)}"
        if i == 0 and "description" in s.china_text:
            text += f"\n{s.china_text['description']}"
        rows_.append([Cell(product_code, "static"), Cell(hs, field="hs_code" if i == 0 else None),
                      Cell(qty, "static"), Cell(unit, "static"), Cell(text, "static"),
                      Cell(unit_price, "static"), Cell(zero, "static"),
                      Cell(ctx.num(amounts[i], 2), "static")])  # fmt: skip
    y = sh.table(x, y, cols, rows_, size=size - 0.5, line_h=ctx.jitter(3.6, 0.2) * k, pad=1.3 * k,
                 grid=rng.random() < 0.7)  # fmt: skip

    # ----- the price build-up: detail, national costs, FOB at the border, international costs, total -----
    code = s.currency
    vx = ctx.right - 1.5
    lx = x + w * ctx.jitter(0.5, 0.03)
    y += step + 1.5
    detail = sum(amounts, Decimal(0))

    def amount_row(label: str, value: str, bold: bool = False, indent: float = 0.0) -> None:
        nonlocal y
        sh.text(lx + indent, y, label, size - 0.3, bold=bold, kind="label" if bold else "static",
                max_w=vx - lx - 30)  # fmt: skip
        sh.text(vx, y, value, size - 0.2, bold=bold, align="right")
        y += step + 0.5

    amount_row(cap(f"Total detalle ({code})"), ctx.num(detail, 2), bold=True)
    for heading, english_heading, costs, subtotal in (
        ("Desglose de costos y gastos nacionales", "(National costs and expenses detail)", national,
         cap(ctx.pick(("Subtotal FOB (frontera)", "Total FOB frontera", "Valor FOB frontera")))),
        ("Desglose de costos y gastos internacionales", "(International costs and expenses detail)", international,
         cap("Total gastos internacionales")),
    ):  # fmt: skip
        sh.text(lx, y, heading, size - 0.3, bold=True, kind="label")
        y += step
        if english:
            sh.text(lx, y, english_heading, size - 1)
            y += step
        for label, value in costs or [(ctx.pick(("Flete internacional", "Seguro internacional")), Decimal(0))]:
            amount_row(label, ctx.num(value, 2), indent=3)
        if costs is national:
            amount_row(subtotal, ctx.num(detail + sum((v for _, v in national), Decimal(0)), 2), bold=True)
        elif rng.random() < 0.5:
            amount_row(subtotal, ctx.num(sum((v for _, v in international), Decimal(0)), 2), bold=True)
    y += 0.8
    sh.hline(lx, ctx.right, y - step - 0.2, 0.4)
    ctx.set("total_amount", float(s.total_amount))
    ctx.set("currency", s.currency)
    label = cap(ctx.pick(("Total general", "Monto total", "Importe total")))
    tsize = size + 0.6
    lwid = sh.text(lx, y, label, tsize, bold=True, kind="label")
    sh.text(lx + lwid + 1.5, y, code, tsize, bold=True, kind="value", field="currency")
    sh.text(vx, y, ctx.num(s.total_amount, 2), tsize, bold=True, kind="value", field="total_amount", align="right")
    y += step + 1
    if rng.random() < 0.7:
        amount_row(f"{cap('Total general')} (Bs)", ctx.num((s.total_amount * rate).quantize(Decimal("0.01")), 2))
    words = amount_in_words_es(s.total_amount, ctx.pick(CURRENCY_WORDS[s.currency]))
    if not upper:
        words = words.capitalize().replace("/100 d", "/100 D").replace("/100 e", "/100 E")
    y = sh.para(x, y + 1, f"{ctx.pick(('Son:', 'SON:'))} {words}", w, size - 0.2, step)

    # ----- packages, weights and the exporter's additional lines -----
    y += 2.5 * k
    facts: list[tuple[str, str, str | None]] = [
        (ctx.pick(("Número y descripción de paquetes (bultos):", "Bultos:", "Paquetes / bultos:")),
         f"{ctx.packages_text(s.packages)}; {s.packing_text('es')}", None),
        (ctx.pick(("Peso neto:", "Peso neto total:", "Kilos netos:")), ctx.weight(s.net_kg, "net_weight_kg"),
         "net_weight_kg"),
        (ctx.pick(("Peso bruto:", "Peso bruto total:")), ctx.weight(s.gross_kg), None),
    ]  # fmt: skip
    if s.transport == "Sea":
        facts.append((ctx.pick(("Nave:", "Buque:", "Medio de transporte:")), s.vessel, None))
    if "smelter" in ctx.st.flags:
        facts.append(("Productor / fundición:", s.smelter.printed, None))
    for label, value, field in facts:
        sh.text(x, y, label, size - 0.5, bold=True, kind="label")
        vx2 = x + sh.text_width(label, size - 0.5, True) + 1.5
        sh.text(vx2, y, value, size - 0.3, kind="value" if field else "static", field=field, max_w=ctx.right - vx2)
        y += step + 0.4

    # ----- QR code, legends and, in the computerised mode, the control code -----
    y += 3 * k
    qsize = ctx.jitter(24, 2) * k
    qr_left = rng.random() < 0.5
    qx = x if qr_left else ctx.right - qsize
    _qr(ctx, qx, y, qsize)
    tx = x + qsize + 5 if qr_left else x
    tw = w - qsize - 5
    ty = y + 3
    if not online:
        sh.text(tx, ty, f"CÓDIGO DE CONTROL: {'-'.join(f'{rng.randrange(256):02X}' for _ in range(5))}", size - 0.3,
                bold=True)  # fmt: skip
        ty += step + 0.5
        limit = s.invoice_date.replace(year=s.invoice_date.year + 1) if s.invoice_date.month > 6 else s.invoice_date
        sh.text(tx, ty, f"FECHA LÍMITE DE EMISIÓN: {ctx.date(limit.replace(day=28))}", size - 0.3)
        ty += step + 1
    ty = sh.para(tx, ty, f'"{LEGEND_USE}"', tw, size - 1.2, step * 0.9)
    ty = sh.para(tx, ty + 0.5, ctx.pick(LEGENDS_453), tw, size - 1.2, step * 0.9)
    if online:
        ty = sh.para(tx, ty + 0.5, f'"{ONLINE_LEGEND}"', tw, size - 1.4, step * 0.9)
    return max(y + qsize, ty)
