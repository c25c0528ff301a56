"""`provisional_final`: a metal trader's provisional or final invoice, priced on a published quotation.

Refined antimony is sold, like other minor metals, at a price set by a published assessment (the Fastmarkets /
Metal Bulletin 'MMTA standard grade II' or trioxide-grade price, in-warehouse Rotterdam, a low-high range in US
dollars per tonne) plus or minus a premium or discount, often averaged over a quotational period. The seller then
invoices in two steps: a provisional invoice at shipment, for the value at the provisional price of which a share
(90 or 95 %) is payable at once, and a final invoice once weights and price are known, showing the full value and
crediting the provisional payment, the balance due last.

What such an invoice carries: the seller's letterhead, 'PROVISIONAL INVOICE' or 'FINAL INVOICE' (with the word
'commercial' in some), the buyer ('Messrs.'), a reference block (invoice number and date, contract, the buyer's
order, B/L, the provisional invoice a final one settles), the material, quality and shipment particulars as label
lines, the weights of the lots (net weight as per the weight list or the surveyor's certificate), the price basis
spelt out (quotation, period, mean of low and high, discount or premium, the resulting price), the calculation
(tonnes x price per lot, the total value) and under it the payable share or the provisional payment credited and
the balance, with the bank details. The invoice's amount is the total value; the amount payable or the balance is
printed larger and last, as on the real forms.

English or Spanish, drawn for every lane. Every value a field records is drawn with kind="value"; the mode, the
wording, the order of the blocks, rules and spacing vary per document.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from samplegen.draw import Cell, Column
from samplegen.layouts.common import Ctx, draw_to_fit

CENT = Decimal("0.01")
MONTHS_EN = ("January February March April May June July August September October November December").split()
MONTHS_ES = ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre").split()

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "prov_title": ("PROVISIONAL INVOICE", "PROVISIONAL COMMERCIAL INVOICE", "COMMERCIAL INVOICE (PROVISIONAL)"),
        "final_title": ("FINAL INVOICE", "FINAL COMMERCIAL INVOICE", "COMMERCIAL INVOICE - FINAL"),
        "messrs": ("Messrs.", "Buyer:", "Invoiced to:"),
        "inv_no": ("Invoice No.:", "Our invoice no.:", "Invoice number:"),
        "date": ("Date:", "Invoice date:", "Date of invoice:"),
        "contract": ("Contract No.:", "Sales contract:", "Our contract:"),
        "po": ("Your ref.:", "Buyer's P.O.:", "Your order:"),
        "bl": ("B/L No.:", "Bill of lading:"),
        "prov_ref": ("Provisional invoice:", "Settles prov. invoice:", "Ref. provisional inv.:"),
        "material": ("Material:", "Commodity:", "Goods:"),
        "quality": ("Quality:", "Specification:"),
        "hs": ("HS code:", "Tariff no.:", "H.S. No.:"),
        "origin": ("Origin:", "Country of origin:"),
        "brand": ("Brand / producer:", "Producer:"),
        "packing": ("Packing:",),
        "shipment": ("Shipment:", "Shipped per:", "Conveyance:"),
        "terms": ("Delivery terms:", "Terms:", "Incoterms 2020:"),
        "weights": ("WEIGHTS", "QUANTITY"),
        "weights_note": ("as per weight list", "as per final weight certificate", "as determined at loading"),
        "lot": ("Lot", "Lot no."),
        "pkgs": ("Packages", "Bundles / pallets", "Pkgs"),
        "gross": ("Gross kg", "Gross weight kg"),
        "net": ("Net kg", "Net weight kg"),
        "net_t": ("Net mt", "Net weight mt", "Quantity mt"),
        "price": ("PRICE", "PRICE BASIS"),
        "calc": ("CALCULATION", "VALUE"),
        "amount": ("Amount", "Value"),
        "unit_price": ("Price / mt", "Unit price / mt"),
        "total_value": ("Total value", "Total invoice value", "Invoice value"),
        "payable": ("{pct} % payable now", "Provisional payment {pct} %", "Payable now ({pct} %)"),
        "less_prov": ("Less provisional invoice {no} dated {date}", "Less: paid against provisional invoice {no} "
                      "of {date}"),
        "balance": ("BALANCE DUE", "BALANCE IN YOUR FAVOUR", "BALANCE PAYABLE"),
        "due": ("AMOUNT DUE", "AMOUNT PAYABLE NOW"),
        "payment": ("Payment:", "Terms of payment:"),
        "bank": ("Please remit to:", "Bank details:", "Beneficiary's bank:"),
        "signed": ("For and on behalf of", "Yours faithfully,"),
        "final_note": ("The final value replaces the provisional value; all other terms as per contract.",
                       "Final weights and price as above; this invoice settles the shipment."),
        "prov_note": ("Final invoice to follow upon determination of the final price and weights.",
                      "Subject to final invoicing as per contract terms."),
    },
    "es": {
        "prov_title": ("FACTURA PROVISIONAL", "FACTURA COMERCIAL PROVISIONAL"),
        "final_title": ("FACTURA FINAL", "FACTURA COMERCIAL DEFINITIVA", "FACTURA DEFINITIVA"),
        "messrs": ("Señores:", "Comprador:", "Facturado a:"),
        "inv_no": ("Factura No.:", "Factura número:", "No. de factura:"),
        "date": ("Fecha:", "Fecha de factura:"),
        "contract": ("Contrato No.:", "Contrato de venta:"),
        "po": ("Su referencia:", "Orden de compra:", "Su pedido:"),
        "bl": ("B/L No.:", "Conocimiento de embarque:"),
        "prov_ref": ("Factura provisional:", "Liquida factura prov.:"),
        "material": ("Material:", "Mercancía:", "Producto:"),
        "quality": ("Calidad:", "Especificación:"),
        "hs": ("Fracción arancelaria:", "Partida arancelaria:", "Código SA:"),
        "origin": ("Origen:", "País de origen:"),
        "brand": ("Marca / productor:", "Productor:"),
        "packing": ("Embalaje:",),
        "shipment": ("Embarque:", "Transporte:", "Medio de transporte:"),
        "terms": ("Condiciones de entrega:", "Incoterm:", "Incoterms 2020:"),
        "weights": ("PESOS", "CANTIDAD"),
        "weights_note": ("según lista de pesos", "según certificado de peso final", "determinados en la carga"),
        "lot": ("Lote", "Lote No."),
        "pkgs": ("Bultos", "Atados / tarimas"),
        "gross": ("Bruto kg", "Peso bruto kg"),
        "net": ("Neto kg", "Peso neto kg"),
        "net_t": ("Neto TM", "Peso neto TM", "Cantidad TM"),
        "price": ("PRECIO", "BASE DE PRECIO"),
        "calc": ("CÁLCULO", "VALOR"),
        "amount": ("Importe", "Valor"),
        "unit_price": ("Precio / TM", "Precio unitario / TM"),
        "total_value": ("Valor total", "Valor total de la factura", "Total factura"),
        "payable": ("Pago provisional {pct} %", "A pagar ahora ({pct} %)"),
        "less_prov": ("Menos factura provisional {no} del {date}", "Menos: pagado contra factura provisional {no} "
                      "de {date}"),
        "balance": ("SALDO A PAGAR", "SALDO A SU CARGO", "SALDO PENDIENTE"),
        "due": ("IMPORTE A PAGAR", "IMPORTE A PAGAR AHORA"),
        "payment": ("Pago:", "Condiciones de pago:"),
        "bank": ("Favor de transferir a:", "Datos bancarios:", "Banco del beneficiario:"),
        "signed": ("Por y en nombre de", "Atentamente,"),
        "final_note": ("El valor final sustituye al valor provisional; demás condiciones según contrato.",
                       "Pesos y precio finales según arriba; esta factura liquida el embarque."),
        "prov_note": ("La factura final se emitirá al determinarse el precio y los pesos finales.",
                      "Sujeta a facturación final según las condiciones del contrato."),
    },
}  # fmt: skip
QUOTATIONS = {
    "ingot": (
        "Fastmarkets MB antimony MMTA standard grade II, in-warehouse Rotterdam",
        "Fastmarkets antimony regulus 99.65% min, in-whs Rotterdam",
        "Metal Bulletin antimony MMTA standard grade II, Rotterdam in-warehouse",
    ),
    "trioxide": (
        "Fastmarkets MB antimony trioxide grade, in-warehouse Rotterdam",
        "Metal Bulletin antimony trioxide grade, Rotterdam in-warehouse",
    ),
}
BANKS = (("Bangkok Bank", "BKKBTHBK"), ("HSBC", "HSBCHKHH"), ("Citibank N.A.", "CITIUS33"),
         ("BNP Paribas", "BNPAFRPP"), ("Banco Santander", "BSCHESMM"), ("ING Belgium", "BBRUBEBB"))  # fmt: skip
# A euro price is the dollar quotation converted at the ECB's mean rate of the period.
USD_PER_EUR = (Decimal("1.0842"), Decimal("1.0918"), Decimal("1.1037"), Decimal("1.0765"))


def _tonnes(ctx: Ctx, kg: Decimal) -> str:
    """Kilograms as metric tons, to the kilogram (three places) or, for a half kilogram, to four."""
    return ctx.num(kg / 1000, 3 if kg % 1 == 0 else 4)


def _w(ctx: Ctx, key: str) -> str:
    """The document's wording of a caption: picked once, then kept (a form words its captions one way)."""
    chosen: dict[str, str] = ctx.__dict__.setdefault("_provisional_words", {})
    if key not in chosen:
        chosen[key] = ctx.pick(WORDS[ctx.lang][key])
    return chosen[key]


def _month(ctx: Ctx, month: int, year: int) -> str:
    names = MONTHS_ES if ctx.lang == "es" else MONTHS_EN
    return f"{names[month - 1]} {year}"


def _price_lines(ctx: Ctx, final: bool, prov_date: date) -> tuple[list[str], Decimal]:
    """The price basis in words and figures, ending in the contract price per tonne (the shipment's unit price);
    returns the lines and the provisional price a final invoice was drawn at."""
    s, rng = ctx.s, ctx.rng
    es = ctx.lang == "es"
    code = s.currency
    price = s.unit_price
    mt = "TM" if es else "mt"
    discount = Decimal(rng.choice((0, 50, 75, 100, 150, 200, 250, 300)))
    premium = discount > 0 and rng.random() < 0.3
    mean = price - discount if premium else price + discount
    low = (mean - Decimal(rng.choice((25, 50, 75, 100)))).quantize(CENT)
    high = mean * 2 - low
    quote = ctx.pick(QUOTATIONS[s.product])
    d = prov_date
    if final:
        month, year = d.month, d.year  # the month of the provisional invoice, closed before the final one
        period = ctx.pick(
            (
                (
                    "average of the quotations published during {m} (quotational period)",
                    "promedio de las cotizaciones publicadas en {m} (periodo de cotización)",
                ),
                ("QP: {m}, mean of the low and high quotations", "PC: {m}, media de cotizaciones mínima y máxima"),
            )
        )[es].format(m=_month(ctx, month, year))
    else:
        period = (
            "última cotización publicada antes del embarque"
            if es
            else ctx.pick(("last quotation published before shipment", "quotation of the week of shipment"))
        )
    lines = [f"{quote}, {period}"] if rng.random() < 0.5 else [quote, period[0].upper() + period[1:]]
    usd = "USD"
    if code != "USD":
        rate = ctx.pick(USD_PER_EUR)
        lines.append(
            f"{'Cotización' if es else 'Quotation'} USD {ctx.num(low * rate, 2)} - {ctx.num(high * rate, 2)}/{mt}, "
            f"{'convertida a' if es else 'converted at'} EUR 1 = USD {ctx.num(rate, 4)} (ECB)"
        )
        usd = code
    word = ("Media" if es else "Mean") if rng.random() < 0.6 else ("Promedio" if es else "Average")
    lines.append(f"{word} {usd} {ctx.num(low, 2)} - {ctx.num(high, 2)} = {usd} {ctx.num(mean, 2)}/{mt}")
    if discount:
        sign = ("más prima" if es else "plus premium") if premium else ("menos descuento" if es else "less discount")
        lines.append(f"{sign} {code} {ctx.num(discount, 2)}/{mt}")
    caption = ("Precio final" if es else "Final price") if final else ("Precio" if es else "Price")
    lines.append(f"{caption}: {code} {ctx.num(price, 2)}/{mt}")
    provisional = (price * Decimal(str(1 + rng.uniform(-0.06, 0.06)))).quantize(Decimal(1))
    return lines, provisional


def provisional_final(ctx: Ctx) -> None:
    draw_to_fit(ctx, _draw, "provisional / final invoice")


def _draw(ctx: Ctx, squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    es = ctx.lang == "es"
    k = 1 - 0.12 * squeeze
    size = ctx.jitter(8.6, 0.3) - 0.35 * squeeze
    step = size * 0.46
    final = rng.random() < 0.5
    code = s.currency

    # ----- letterhead: the seller centred or at the left, with a rule -----
    ctx.set("seller_name", s.seller.name)
    centred = rng.random() < 0.5
    y = ctx.jitter(15, 1.2)
    hx = sh.width / 2 if centred else x
    align = "center" if centred else "left"
    sh.text(hx, y, s.seller.name, ctx.jitter(13, 0.7), bold=True, kind="value", field="seller_name", align=align,
            max_w=w)  # fmt: skip
    tax = s.seller.tax_id
    contact = f"Tel. {s.seller.phone}  ·  {s.seller.email}" + (f"  ·  {tax}" if tax and rng.random() < 0.6 else "")
    address = [", ".join([*s.seller.lines, ctx.country(s.seller.country)]), contact]
    y += 5
    for line in address:
        sh.text(hx, y, line, size - 1.2, align=align, max_w=w)
        y += step * 0.9
    sh.hline(x, ctx.right, y - 1, ctx.pick((0.4, 0.8, 1.2)))
    y += ctx.jitter(6, 1) * k

    # ----- title -----
    title = _w(ctx, "final_title" if final else "prov_title")
    tsize = ctx.jitter(14, 0.8)
    if rng.random() < 0.5:
        tw = sh.text(sh.width / 2, y, title, tsize, bold=True, align="center")
        sh.hline(sh.width / 2 - tw / 2, sh.width / 2 + tw / 2, y + 1.2, 0.5)
    else:
        sh.text(x, y, title, tsize, bold=True)
    y += ctx.jitter(8, 1) * k

    # ----- buyer at the left, references at the right -----
    ctx.set("buyer_name", s.buyer.name)
    sh.text(x, y, _w(ctx, "messrs"), size - 0.4, bold=True, kind="label")
    by = y + step + 0.8
    sh.text(x + 2, by, s.buyer.name, size, bold=True, kind="value", field="buyer_name", max_w=w * 0.5)
    lines = [*s.buyer.lines, ctx.country(s.buyer.country)]
    if s.buyer.tax_id and rng.random() < 0.5:
        lines.append(s.buyer.tax_id)
    by = sh.lines(x + 2, by + step, lines, size - 0.4, kind="static", step=step, max_w=w * 0.5)
    ctx.set("invoice_number", s.invoice_no)
    contract = f"{ctx.pick(('SC', 'CT', 'K'))}-{s.invoice_date:%y}{rng.randrange(100, 999)}"
    prov_no = f"P{s.invoice_no[-5:]}" if len(s.invoice_no) > 5 else f"P-{s.invoice_no}"
    # the provisional invoice went out at shipment; the final one follows the quotational period
    prov_date = s.invoice_date.fromordinal(s.invoice_date.toordinal() - rng.randrange(35, 80))
    refs: list[tuple[str, str, str | None]] = [
        (_w(ctx, "inv_no"), s.invoice_no, "invoice_number"),
        (_w(ctx, "date"), ctx.date(s.invoice_date, "invoice_date"), "invoice_date"),
        (_w(ctx, "contract"), contract, None),
    ]
    if s.buyer_po and rng.random() < 0.7:
        refs.append((_w(ctx, "po"), s.buyer_po, None))
    if s.transport == "Sea" and rng.random() < 0.6:
        refs.append((_w(ctx, "bl"), s.bl_no, None))
    if final:
        refs.append((_w(ctx, "prov_ref"), f"{prov_no} / {ctx.date(prov_date)}", None))
    rx = x + w * ctx.jitter(0.56, 0.02)
    gap = max(sh.text_width(label, size - 0.5, True) for label, _, _ in refs) + 2.5
    ry = ctx.label_values(rx, y, refs, step + 0.6, gap=gap, size=size, max_w=ctx.right - rx - gap)
    if rng.random() < 0.4:
        sh.rect(rx - 2, y - step - 0.4, ctx.right - rx + 2, ry - y + step * 0.7, 0.4)
    y = max(by, ry) + ctx.jitter(4, 0.8) * k

    # ----- particulars: label lines -----
    hs = ctx.hs()
    description = s.description(ctx.lang)
    if "description" in s.china_text:
        description += f" - {s.china_text['description']}"
    quality = f"Sb {s.grade_pct}% min." if s.product == "ingot" else f"Sb2O3 {s.grade_pct}% min."
    grade_ii = s.product == "ingot" and s.grade_pct == Decimal("99.65")
    quality += ctx.pick((", MMTA standard grade II" if grade_ii else "", "", ", as per contract"))
    parts: list[tuple[str, str, str | None]] = [
        (_w(ctx, "material"), description, None),
        (_w(ctx, "quality"), quality.strip(", "), None),
        (_w(ctx, "hs"), hs, "hs_code"),
    ]
    if "omit_origin" not in ctx.st.flags:
        parts.append((_w(ctx, "origin"), ctx.country(s.declared, field="country_of_origin"), "country_of_origin"))
    if "smelter" in ctx.st.flags:
        parts.append((_w(ctx, "brand"), s.smelter.printed, None))
    parts += [
        (_w(ctx, "packing"), s.packing_text(ctx.lang), None),
        (_w(ctx, "shipment"), f"{s.vessel}, {s.place_loading} - {s.place_discharge}, {ctx.date(s.departure_date)}",
         None),
        (_w(ctx, "terms"), s.incoterm, None),
    ]  # fmt: skip
    gap = max(sh.text_width(label, size - 0.5, True) for label, _, _ in parts) + 3
    for label, value, field in parts:
        sh.text(x, y, label, size - 0.5, bold=True, kind="label")
        wrapped = sh.wrap(value, w - gap, size - 0.2)
        for j, part in enumerate(wrapped[:2]):
            sh.text(x + gap, y, part, size - 0.2, kind="value" if field and j == 0 else "static",
                    field=field if j == 0 else None, max_w=w - gap)  # fmt: skip
            y += step
        y += 0.5 * k
    y += ctx.jitter(3, 0.6) * k

    numbered = rng.random() < 0.4
    sections = iter(range(1, 4))

    def heading(text: str) -> None:
        nonlocal y
        text = f"{next(sections)}. {text}" if numbered else text
        sh.text(x, y, text, size + 0.2, bold=True, kind="label")
        if rng.random() < 0.5:
            sh.hline(x, x + sh.text_width(text, size + 0.2, True), y + 0.9, 0.4)
        y += step + 2

    # ----- weights of the lots -----
    heading(f"{_w(ctx, 'weights')} ({_w(ctx, 'weights_note')})" if rng.random() < 0.6 else _w(ctx, "weights"))
    places = ctx.pick((1, 2, 2))
    cols = [
        Column(_w(ctx, "lot"), w * 0.26),
        Column(_w(ctx, "pkgs"), w * 0.16, "right"),
        Column(_w(ctx, "gross"), w * 0.2, "right"),
        Column(_w(ctx, "net"), w * 0.2, "right"),
        Column(_w(ctx, "net_t"), w * 0.18, "right"),
    ]
    rows: list[list[Cell | str]] = []
    for lot in s.lots:
        rows.append([Cell(lot.number, "static"), Cell(str(lot.packages), "static"),
                     Cell(ctx.kg(lot.gross_kg, places), "static"), Cell(ctx.kg(lot.net_kg, places), "static"),
                     Cell(_tonnes(ctx, lot.net_kg), "static")])  # fmt: skip
    total_label = ctx.pick(("Total", "TOTAL", "Totales" if es else "Totals"))
    in_tonnes = rng.random() < 0.5
    ctx.set("net_weight_kg", float(s.net_kg))
    rows.append([Cell(total_label, "label", bold=True), Cell(str(s.packages), "static", bold=True),
                 Cell(ctx.kg(s.gross_kg, places), "static", bold=True),
                 Cell(ctx.kg(s.net_kg, places), "value" if not in_tonnes else "static",
                      "net_weight_kg" if not in_tonnes else None, bold=True),
                 Cell(_tonnes(ctx, s.net_kg), "value" if in_tonnes else "static",
                      "net_weight_kg" if in_tonnes else None, bold=True)])  # fmt: skip
    grid = rng.random() < 0.6
    y = sh.table(x, y, cols, rows, size=size - 0.4, line_h=ctx.jitter(3.5, 0.15) * k, pad=1.2 * k, grid=grid)
    y += ctx.jitter(5, 0.8) * k

    # ----- price basis -----
    heading(_w(ctx, "price"))
    price_lines, provisional = _price_lines(ctx, final, prov_date)
    for line in price_lines:
        y = sh.para(x + 2, y, line, w - 4, size - 0.3, step)
    y += ctx.jitter(3.5, 0.6) * k

    # ----- calculation: one line per lot, the total value, then the payable share or the balance -----
    heading(_w(ctx, "calc"))
    vx = ctx.right - 1.5
    px = x + w * 0.62
    mt = "TM" if es else "mt"
    for lot in s.lots:
        left = f"{_w(ctx, 'lot')} {lot.number}: {_tonnes(ctx, lot.net_kg)} {mt} x {code} {ctx.num(s.unit_price, 2)}"
        sh.text(x + 2, y, left, size - 0.3, max_w=px - x - 4)
        sh.text(vx, y, ctx.num(s.line_amount(lot), 2), size - 0.2, align="right")
        y += step + 0.3
    sh.hline(px, ctx.right, y - step + 0.9, 0.4)
    y += 1.2
    ctx.set("total_amount", float(s.total_amount))
    ctx.set("currency", code)
    label = _w(ctx, "total_value")
    lw_ = sh.text(x + 2, y, label, size + 0.2, bold=True, kind="label")
    sh.text(x + 2 + lw_ + 2, y, code, size + 0.2, bold=True, kind="value", field="currency")
    sh.text(vx, y, ctx.num(s.total_amount, 2), size + 0.2, bold=True, kind="value", field="total_amount",
            align="right")  # fmt: skip
    y += step + 1.5
    if final:
        prov_value = sum(((lot.net_kg / 1000 * provisional).quantize(CENT) for lot in s.lots), Decimal(0))
        share = Decimal(ctx.pick((90, 95)))
        paid = (prov_value * share / 100).quantize(CENT, rounding=ROUND_HALF_UP)
        less = _w(ctx, "less_prov").format(no=prov_no, date=ctx.date(prov_date))
        less += f" ({ctx.num(share, 0)} % x {code} {ctx.num(prov_value, 2)})"
        sh.text(x + 2, y, less, size - 0.3, max_w=px - x + 10)
        sh.text(vx, y, f"- {ctx.num(paid, 2)}", size - 0.2, align="right")
        y += step + 1.5
        due_label, due = _w(ctx, "balance"), s.total_amount - paid
        note = _w(ctx, "final_note")
    else:
        share = Decimal(ctx.pick((90, 95, 100 - rng.choice((5, 10)))))
        due = (s.total_amount * share / 100).quantize(CENT, rounding=ROUND_HALF_UP)
        sh.text(x + 2, y, _w(ctx, "payable").format(pct=ctx.num(share, 0)), size - 0.3)
        sh.text(vx, y, ctx.num(due, 2), size - 0.2, align="right")
        y += step + 1.5
        due_label = _w(ctx, "due")
        note = _w(ctx, "prov_note")
    sh.hline(px, ctx.right, y - step + 0.6, 0.4)
    sh.hline(px, ctx.right, y - step + 1.2, 0.4)
    y += 1
    sh.text(x + 2, y, due_label, size + 1, bold=True)
    sh.text(vx, y, f"{code} {ctx.num(due, 2)}", size + 1.2, bold=True, align="right")
    y += step + 3 * k
    y = sh.para(x, y, note, w, size - 0.6, step * 0.95) + 2 * k

    # ----- payment and bank, signature -----
    days = rng.choice((5, 10, 15, 30))
    pay = (f"Transferencia bancaria a {days} días de la fecha de factura" if es
           else ctx.pick((f"Telegraphic transfer within {days} days of invoice date",
                          f"T/T, net {days} days")))  # fmt: skip
    ctx.label_value(x, y, _w(ctx, "payment"), pay, gap=30, size=size - 0.3, max_w=w - 32)
    y += step + 0.8
    iban = (
        f"{s.seller.country}{rng.randrange(10, 99)} {rng.randrange(1000, 9999)} {rng.randrange(1000, 9999)} "
        f"{rng.randrange(1000, 9999)} {rng.randrange(10, 99)}"
    )
    name, swift = ctx.pick([b for b in BANKS if b[0] != "Bangkok Bank" or s.seller.country == "TH"])
    bank = f"{name}, SWIFT {swift}, {ctx.pick(('IBAN / Acc.', 'Account', 'A/C No.'))} {iban}"
    ctx.label_value(x, y, _w(ctx, "bank"), bank, gap=30, size=size - 0.3, max_w=w - 32)
    y += step + 5 * k
    sig = _w(ctx, "signed")
    sx = ctx.right - 70 if rng.random() < 0.6 else x
    sh.text(sx, y, f"{sig} {s.seller.name}" if sig.endswith("of") or sig.endswith("de") else sig, size - 0.5,
            max_w=70)  # fmt: skip
    end = ctx.signature(sx, y + 10 * k, s.seller.person, s.seller.title, len(s.invoice_no))
    return end
