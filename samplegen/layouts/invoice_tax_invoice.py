"""`tax_invoice`: the exporter's full tax invoice doubling as the commercial invoice, in the Thai Revenue
Department's tax-invoice style with English captions ('TAX INVOICE / COMMERCIAL INVOICE'), added after the
extractors were built (no extractor was changed for it).

A VAT-registered exporter in Thailand issues a full tax invoice for every sale, an export included (zero-rated
under Section 80/1 (1) of the Revenue Code), and many print one form that serves as the commercial invoice too.
What the form carries, after the particulars the Revenue Code asks of a full tax invoice and the way Thai
accounting systems print it:

* the seller's name and address with its 13-digit tax identification number and 'Head Office' (or the branch
  number, '00000' standing for the head office); an 'ORIGINAL' or 'COPY' box at the top right;
* the words 'TAX INVOICE' prominently, joined to 'COMMERCIAL INVOICE' or 'INVOICE';
* the customer's name and address, its tax identification number (a dash for a foreign buyer without one) and
  the '[X] Head Office [ ] Branch No. .....' boxes; beside it the invoice's serial number (sometimes with the
  number of the pre-printed book), the date of issue, the customer code, the order, the payment and delivery
  terms;
* the shipment in a row of cells (vessel or vehicle, ports, the sailing date, sometimes the B/L);
* the items table (No., Description, Quantity, Unit, Unit Price, Amount) ruled down to the totals, the form's
  empty rows below the items, the export particulars typed into the description column (HS code, country of
  origin, packing, net and gross weight, marks);
* the totals at the right (total, VAT 0 %, grand total) beside the amount in words in brackets;
* for an invoice in foreign currency the exchange rate used and the amount in the home currency, the zero-rating
  note, the bank for the payment;
* the signature boxes across the foot: received by, delivered or checked by, authorised signature, each with its
  date.

English captions (the form is drawn for every lane, the seller's own tax number and home currency printed);
which optional fields appear, the arrangement of the head, the wording, the units, rules and spacing vary per
document. Every value a field records is drawn with kind="value".
"""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from samplegen.formatting import quantize
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.invoice_forms import number_in_words_en
from samplegen.layouts.invoice_spreadsheet import home_bank

# The seller's home currency, the body whose rate converts the invoice's currency, a plausible range of that rate
# in 2025 per unit of the invoice's currency, and the decimals it is quoted with. A Belgian seller invoicing in
# dollars quotes the ECB's dollars per euro instead (see `_exchange`).
HOME_CURRENCY: dict[str, tuple[str, str, dict[str, tuple[float, float]], int]] = {
    "TH": ("THB", "Bank of Thailand", {"USD": (32.5, 36.5), "EUR": (35.5, 39.5)}, 4),
    "MX": ("MXN", "Banco de México (FIX)", {"USD": (17.5, 20.8), "EUR": (19.8, 22.5)}, 4),
    "BO": ("BOB", "Banco Central de Bolivia", {"USD": (6.96, 6.96), "EUR": (7.3, 7.9)}, 2),
    "CA": ("CAD", "Bank of Canada", {"USD": (1.35, 1.45), "EUR": (1.48, 1.62)}, 4),
    "OM": ("OMR", "Central Bank of Oman", {"USD": (0.3845, 0.3845), "EUR": (0.40, 0.45)}, 4),
    "TJ": ("TJS", "National Bank of Tajikistan", {"USD": (9.3, 11.0), "EUR": (10.2, 12.4)}, 4),
    "MY": ("MYR", "Bank Negara Malaysia", {"USD": (4.2, 4.6), "EUR": (4.6, 5.0)}, 4),
    "ID": ("IDR", "Ministry of Finance tax rate", {"USD": (15800, 16900), "EUR": (17000, 19000)}, 2),
    "VN": ("VND", "State Bank of Vietnam", {"USD": (25000, 26400), "EUR": (26500, 30500)}, 0),
}
# The zero-rating note: the Thai Revenue Code's article for the export of goods, a few other countries' own
# wording, and a plain note elsewhere.
ZERO_RATE: dict[str, tuple[str, ...]] = {
    "TH": ("VAT 0%: export of goods under Section 80/1 (1) of the Revenue Code.",
           "Zero-rated export (Revenue Code, Section 80/1 (1))."),
    "MX": ("VAT 0%: export of goods (Art. 29, Value Added Tax Law).",),
    "BE": ("VAT exempt: export of goods (Art. 39, Belgian VAT Code).",),
}  # fmt: skip
ZERO_RATE_OTHER = ("VAT 0%: zero-rated export of goods.", "Zero-rated supply: goods exported.")

WORDS: dict[str, tuple[str, ...]] = {
    "title": ("TAX INVOICE / COMMERCIAL INVOICE", "COMMERCIAL INVOICE / TAX INVOICE", "INVOICE / TAX INVOICE",
              "TAX INVOICE / INVOICE"),
    "copy": ("ORIGINAL", "ORIGINAL", "ORIGINAL (CUSTOMER)", "COPY"),
    "customer": ("Customer", "Sold to", "Customer Name / Address", "Buyer"),
    "tax_id": ("Tax ID", "Tax ID No.", "Taxpayer ID No."),
    "head_office": ("Head Office",),
    "branch": ("Branch No.", "Branch"),
    "number": ("No.", "Invoice No.", "Tax Invoice No."),
    "book": ("Book No.", "Vol."),
    "date": ("Date", "Invoice Date", "Date of Issue"),
    "customer_code": ("Customer Code", "Customer ID", "A/C Code"),
    "po": ("P/O No.", "Your Order No.", "Customer P/O"),
    "terms": ("Payment Terms", "Credit Term", "Terms of Payment"),
    "due": ("Due Date",),
    "delivery": ("Terms of Delivery", "Incoterms", "Price Terms"),
    "currency": ("Currency",),
    "ship": ("Shipped per", "Vessel / Vehicle", "Ship by"),
    "from": ("From", "Port of Loading"),
    "to": ("To", "Port of Discharge", "Destination"),
    "etd": ("On or about", "ETD", "Sailing Date"),
    "bl": ("B/L No.", "Bill of Lading No."),
    "item": ("No.", "Item"),
    "description": ("Description", "Description of Goods", "Particulars"),
    "hs_col": ("HS Code", "H.S. No."),
    "quantity": ("Quantity", "Q'ty"),
    "unit": ("Unit",),
    "price": ("Unit Price", "Price/Unit"),
    "amount": ("Amount", "Total Amount"),
    "lot": ("Lot No.", "Lot"),
    "hs": ("H.S. Code:", "HS Code:", "Tariff No.:"),
    "origin": ("Country of Origin:", "Origin:"),
    "packing": ("Packing:", "Packed in:"),
    "net": ("Net Weight:", "N.W.:", "Total Net Weight:"),
    "gross": ("Gross Weight:", "G.W.:", "Total Gross Weight:"),
    "marks": ("Shipping Marks:", "Marks & Nos.:"),
    "producer": ("Producer:", "Manufacturer:"),
    "subtotal": ("Total", "Sub Total", "Total Value of Goods"),
    "vat": ("VAT 0%", "Value Added Tax 0%", "VAT 0.00%"),
    "grand": ("Grand Total", "Total Amount", "Net Total"),
    "rate": ("Exchange rate:", "Rate of exchange:"),
    "home_total": ("Total value in {cur}:", "Equivalent in {cur}:", "Amount in {cur}:"),
    "bank": ("Please remit to:", "Payment to:", "Bank details:"),
    "received": ("Received by", "Goods received by", "Receiver"),
    "delivered": ("Delivered by", "Sent by", "Checked by"),
    "authorized": ("Authorized Signature", "Authorized Signatory", "Approved by"),
    "good_order": ("Received the above goods in good order and condition.",
                   "The above goods were received in good order and condition."),
    "date_line": ("Date ____/____/______", "Date ______________"),
}  # fmt: skip
# Payment terms, with the days after which a due date is printed.
TERMS: tuple[tuple[str, int], ...] = (("T/T 30 days after B/L date", 30), ("T/T in advance", 0),
                                      ("Irrevocable L/C at sight", 0), ("Cash against documents", 0),
                                      ("T/T 30% advance, 70% against copy B/L", 0), ("Credit 60 days", 60))  # fmt: skip
CURRENCY_NAMES = {"USD": ("US DOLLARS", "U.S. DOLLARS"), "EUR": ("EUROS", "EURO")}


def tax_invoice(ctx: Ctx) -> None:
    draw_to_fit(ctx, _draw, "tax invoice", tries=5)


def _w(ctx: Ctx, key: str) -> str:
    return str(ctx.pick(WORDS[key]))


def _tax_number(ctx: Ctx, tax_id: str) -> tuple[str, str]:
    """The tax number as the form prints it after its caption: a Thai 13-digit number plain or grouped
    '0-1055-59087-65-4'; another country's number after the registration's own name ('RFC', 'VAT', 'NPWP')."""
    kind, _, number = tax_id.partition(" ")
    if kind == "Tax" and number.startswith("ID "):
        digits = number[3:]
        if ctx.rng.random() < 0.4:
            digits = f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{digits[12]}"
        return _w(ctx, "tax_id"), digits
    return kind, number


def in_words(amount: Decimal, currency: str, style: int, name: str) -> str:
    """The grand total in words as the form's bracketed line prints it, in one of three usual wordings."""
    whole = int(amount)
    cents = int(((amount - whole) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    words = number_in_words_en(whole)
    if style == 0:
        text = f"{name} {words}"
        return text + (f" AND CENTS {number_in_words_en(cents)}" if cents else "") + " ONLY"
    if style == 1:
        return f"{words} {name}" + (f" AND {cents:02d}/100" if cents else "") + " ONLY"
    return f"{words} {name}" + (f" AND {number_in_words_en(cents)} CENTS" if cents else " ONLY")


def _exchange(ctx: Ctx) -> tuple[str, str, str] | None:
    """The exchange-rate line, the home-currency caption and amount, or None where the invoice is in the home
    currency or the seller's country has no rate here."""
    s, rng = ctx.s, ctx.rng
    on = s.invoice_date - timedelta(days=1 if s.invoice_date.weekday() else 3)
    when = ctx.date(on)
    if s.seller.country == "BE":
        if s.currency == "EUR":
            return None
        usd_per_eur = quantize(rng.uniform(1.03, 1.17), 4)
        home = quantize(s.total_amount / usd_per_eur, 2)
        line = f"1 EUR = {ctx.num(usd_per_eur, 4)} USD (ECB reference rate, {when})"
        return line, "EUR", ctx.num(home, 2)
    if s.seller.country not in HOME_CURRENCY:
        return None
    code, source, ranges, places = HOME_CURRENCY[s.seller.country]
    low, high = ranges[s.currency]
    rate = quantize(low if low == high else rng.uniform(low, high), places)
    home = quantize(s.total_amount * rate, 0 if code in ("VND", "IDR") else 2)
    line = f"1 {s.currency} = {ctx.num(rate, places)} {code} ({source}, {when})"
    return line, code, ctx.num(home, 0 if code in ("VND", "IDR") else 2)


def _checkbox(ctx: Ctx, x: float, y: float, ticked: bool, size: float) -> float:
    """A small square with an X where ticked, its baseline at `y`; returns its width with the gap after it."""
    sh = ctx.sheet
    side = 2.6
    sh.rect(x, y - side + 0.3, side, side, 0.35)
    if ticked:
        sh.text(x + side / 2, y - 0.1, "X", size - 0.5, bold=True, align="center")
    return side + 1.2


def _draw(ctx: Ctx, squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    k = 1 - 0.08 * squeeze
    size = ctx.jitter(8.3, 0.25) - 0.25 * squeeze
    step = size * 0.45
    seller, buyer = s.seller, s.buyer

    # ----- the seller: name, address, tax number with the head office; the ORIGINAL box -----
    ctx.set("seller_name", seller.name)
    tax_caption, tax_no = _tax_number(ctx, seller.tax_id) if seller.tax_id else ("", "")
    thai = seller.country == "TH"
    office = "(Head Office)" if not thai or rng.random() < 0.6 else ctx.pick(("Head Office", "Branch 00000"))
    tax_line = f"{tax_caption}{':' if rng.random() < 0.5 else ''} {tax_no}   {office}" if tax_no else office
    contact = f"Tel. {seller.phone}   E-mail: {seller.email}"
    address = ", ".join([*seller.lines, ctx.country(seller.country)])
    copy_word = _w(ctx, "copy")
    top = ctx.jitter(13.5, 0.8)
    name_size = ctx.jitter(13, 0.6)
    bw = max(sh.text_width(copy_word, size + 0.5, True) + 6, 24)
    # a centred letterhead where the name clears the copy box at the top right corner, else at the left
    clear = sh.width / 2 + sh.text_width(seller.name, name_size, True) / 2 < ctx.right - bw - 3
    centred = clear and rng.random() < 0.45
    hx, align = (sh.width / 2, "center") if centred else (x, "left")
    sh.text(hx, top + 1, seller.name, name_size, bold=True, kind="value", field="seller_name", align=align,
            max_w=min(w * 0.68, ctx.right - bw - 4 - x))  # fmt: skip
    y = top + 5.5
    for line in (address, contact, tax_line):
        sh.text(hx, y, line, size - 0.8, align=align, max_w=w * 0.7)
        y += step - 0.1
    sh.rect(ctx.right - bw, top - 4, bw, 7.5, ctx.pick((0.5, 0.9)))
    sh.text(ctx.right - bw / 2, top + 1.3, copy_word, size + 0.5, bold=True, align="center")

    # ----- the title -----
    y += 3.5 * k
    sh.hline(x, ctx.right, y - 2, ctx.pick((0.4, 0.8)))
    title = _w(ctx, "title")
    tsize = ctx.jitter(14, 0.6)
    y += 5 * k
    if rng.random() < 0.5:  # in a box
        tw = sh.text_width(title, tsize, True)
        sh.rect(sh.width / 2 - tw / 2 - 4, y - 5.2, tw + 8, 7.6, 0.6)
    sh.text(sh.width / 2, y, title, tsize, bold=True, align="center", max_w=w)
    y += 5.5 * k

    # ----- the customer at the left, the invoice's references at the right -----
    ctx.set("buyer_name", buyer.name)
    left_w = w * ctx.jitter(0.56, 0.03)
    right_x = x + left_w
    right_w = w - left_w
    ruled = rng.random() < 0.75
    ly = y + 4
    sh.text(x + 2, ly, f"{_w(ctx, 'customer')}:", size - 0.3, bold=True, kind="label")
    ly += step + 0.6
    sh.text(x + 3, ly, buyer.name, size + 0.3, bold=True, kind="value", field="buyer_name", max_w=left_w - 6)
    ly += step + 0.4
    for line in [*buyer.lines, ctx.country(buyer.country, upper=rng.random() < 0.5)]:
        sh.text(x + 3, ly, line, size - 0.2, max_w=left_w - 6)
        ly += step
    buyer_tax = buyer.tax_id.rsplit(" ", 1)[-1] if buyer.tax_id else "-"  # the number without its kind
    ly += 0.6
    tw = sh.text(x + 3, ly, f"{_w(ctx, 'tax_id')}: ", size - 0.4, kind="label")
    sh.text(x + 3 + tw, ly, buyer_tax, size - 0.2)
    ly += step + 0.8
    cx = x + 3 + _checkbox(ctx, x + 3, ly, True, size)
    cx += sh.text(cx, ly, _w(ctx, "head_office"), size - 0.4, kind="label") + 4
    cx += _checkbox(ctx, cx, ly, False, size)
    sh.text(cx, ly, f"{_w(ctx, 'branch')} ..........", size - 0.4, kind="label")
    ly += 2.5

    ctx.set("invoice_number", s.invoice_no)
    po_date = s.invoice_date - timedelta(days=rng.randrange(15, 60))
    refs: list[tuple[str, str, str | None]] = []
    if rng.random() < 0.3:  # the pre-printed book a manual tax invoice is torn from
        refs.append((_w(ctx, "book"), f"{rng.randrange(1, 60):03d}", None))
    refs.append((_w(ctx, "number"), s.invoice_no, "invoice_number"))
    refs.append((_w(ctx, "date"), ctx.date(s.invoice_date, "invoice_date"), "invoice_date"))
    if rng.random() < 0.6:
        refs.append((_w(ctx, "customer_code"), f"{ctx.pick(('C', 'EX', 'F'))}{rng.randrange(1000, 9999)}", None))
    if s.buyer_po:
        refs.append((_w(ctx, "po"), s.buyer_po if rng.random() < 0.6 else f"{s.buyer_po} / {ctx.date(po_date)}",
                     None))  # fmt: skip
    terms, days = ctx.pick(TERMS)
    refs.append((_w(ctx, "terms"), terms, None))
    if days and rng.random() < 0.5:
        refs.append((_w(ctx, "due"), ctx.date(s.invoice_date + timedelta(days=days)), None))
    refs.append((_w(ctx, "delivery"), s.incoterm, None))
    currency_in_refs = rng.random() < 0.5
    if currency_in_refs:
        refs.append((_w(ctx, "currency"), s.currency, "currency"))
    label_w = max(sh.text_width(label, size - 0.4, True) for label, _, _ in refs) + 3
    ry = y + 4
    row_h = step + 1.3 * k
    for label, value, fld in refs:
        sh.text(right_x + 2.5, ry, label, size - 0.4, bold=True, kind="label", max_w=label_w - 2)
        sh.text(right_x + 2.5 + label_w, ry, value, size, kind="value" if fld else "static", field=fld,
                bold=fld == "invoice_number", max_w=right_w - label_w - 5)  # fmt: skip
        ry += row_h
    bottom = max(ly, ry - row_h + 2.5)
    if ruled:
        sh.rect(x, y, left_w, bottom - y, 0.5)
        sh.rect(right_x, y, right_w, bottom - y, 0.5)
        for i in range(1, len(refs)):
            sh.hline(right_x, ctx.right, y + 4 + (i - 0.62) * row_h, 0.2)
    y = bottom + 2.5 * k

    # ----- the shipment, a row of captioned cells -----
    cells = [
        (_w(ctx, "ship"), ctx.s.vessel),
        (_w(ctx, "from"), s.place_loading),
        (_w(ctx, "to"), s.place_discharge),
        (_w(ctx, "etd"), ctx.date(s.departure_date)),
    ]
    if s.transport == "Sea" and rng.random() < 0.4:
        cells.append((_w(ctx, "bl"), s.bl_no))
    fracs = [0.28, 0.25, 0.25, 0.22][: len(cells)] + ([0.18] if len(cells) == 5 else [])
    scale = w / sum(fracs)
    cxx = x
    ch = step * 2 + 2.4
    for (caption, value), frac in zip(cells, fracs, strict=True):
        cw = frac * scale
        sh.rect(cxx, y, cw, ch, 0.4)
        sh.text(cxx + 1.5, y + 2.8, caption, size - 1.6, kind="label", max_w=cw - 3)
        sh.text(cxx + 1.5, y + 2.8 + step + 0.6, value, size - 0.3, max_w=cw - 3)
        cxx += cw
    y += ch + 2.5 * k

    # ----- the items table, ruled down to the totals -----
    hs_column = rng.random() < 0.3
    # the quantity in tonnes or kilograms, priced per tonne or per kilogram; a price basis other than the
    # quantity's unit is named in the price caption
    per_kg = rng.random() < 0.3
    unit = ("KG" if rng.random() < 0.5 else "KGS") if per_kg else str(ctx.pick(("MT", "M/T", "KGS")))
    cur = s.currency
    with_cur = rng.random() < 0.6
    basis = "" if per_kg or unit != "KGS" else "/MT"
    price_cur = f" ({cur}{basis})" if with_cur or basis else ""
    spec: list[tuple[str, str, float, str]] = [
        ("item", _w(ctx, "item"), 0.06, "center"),
        ("description", _w(ctx, "description"), 0.38 if hs_column else 0.47, "left"),
    ]
    if hs_column:
        spec.append(("hs", _w(ctx, "hs_col"), 0.09, "center"))
    spec += [
        ("quantity", _w(ctx, "quantity"), 0.13, "right"),
        ("unit", _w(ctx, "unit"), 0.07, "center"),
        ("price", f"{_w(ctx, 'price')}{price_cur}", 0.12, "right"),
        ("amount", f"{_w(ctx, 'amount')}{f' ({cur})' if with_cur else ''}", 0.15, "right"),
    ]
    scale = w / sum(f for _, _, f, _ in spec)
    widths = {key: f * scale for key, _, f, _ in spec}
    lefts: dict[str, float] = {}
    cxx = x
    for key, _, _, _ in spec:
        lefts[key] = cxx
        cxx += widths[key]
    isize = size - 0.1
    istep = isize * 0.44
    # a caption too wide for its column goes on two lines, as the form prints it
    captions = {key: sh.wrap(caption, widths[key] - 2.5, isize - 0.4, True)[:2] for key, caption, _, _ in spec}
    lines_ = max(len(c) for c in captions.values())
    head_h = (7.0 + 3.2 * (lines_ - 1)) * max(k, 0.9)
    shade = ctx.pick((0.9, 0.85, None))
    sh.rect(x, y, w, head_h, 0.6, fill=shade)
    for key, _, _, align in spec:
        cw = widths[key]
        tx = {"left": lefts[key] + 1.5, "right": lefts[key] + cw - 1.5, "center": lefts[key] + cw / 2}[align]
        ty = y + head_h / 2 + 1.2 - 1.6 * (len(captions[key]) - 1)
        for j, part in enumerate(captions[key]):
            sh.text(tx, ty + 3.2 * j, part, isize - 0.4, bold=True, kind="label", align=align, max_w=cw - 2)
    table_top = y
    y += head_h + istep + 1.2

    def cell(key: str, yy: float, text: str, align: str, kind: str = "static", fld: str | None = None,
             bold: bool = False) -> None:  # fmt: skip
        cw = widths[key]
        tx = {"left": lefts[key] + 1.5, "right": lefts[key] + cw - 1.5, "center": lefts[key] + cw / 2}[align]
        sh.text(tx, yy, text, isize, bold, kind, fld, align=align, max_w=cw - 2.5)

    description = s.description("en")
    hs = ctx.hs()
    places = 3 if unit in ("MT", "M/T") else ctx.pick((0, 2)) if all(lot.net_kg % 1 == 0 for lot in s.lots) else 2
    price = s.unit_price / 1000 if per_kg else s.unit_price
    for i, lot in enumerate(s.lots):
        qty = lot.net_kg / 1000 if unit in ("MT", "M/T") else lot.net_kg
        cell("item", y, str(i + 1), "center")
        if hs_column:
            cell("hs", y, hs, "center", "value", "hs_code")
        cell("quantity", y, ctx.num(qty, places), "right")
        cell("unit", y, unit, "center")
        cell("price", y, ctx.num(price, 2), "right")
        cell("amount", y, ctx.num(s.line_amount(lot), 2), "right")
        lines = sh.wrap(description, widths["description"] - 3, isize)
        lines.append(f"{_w(ctx, 'lot')} {lot.number} - {ctx.packages_text(lot.packages)}")
        if i == 0 and "description" in s.china_text:
            lines.append(s.china_text["description"])
        for j, line in enumerate(lines):
            cell("description", y + j * istep, line, "left")
        y += len(lines) * istep + 1.6 * k

    # the export particulars typed into the description column under the items
    y += 1.2
    dx = lefts["description"] + 1.5
    dw = widths["description"] - 3
    details: list[tuple[str, str, str | None]] = []
    if not hs_column:
        details.append((_w(ctx, "hs"), hs, "hs_code"))
    if "omit_origin" not in ctx.st.flags:
        details.append((_w(ctx, "origin"), ctx.country(s.declared, upper=True, field="country_of_origin"),
                        "country_of_origin"))  # fmt: skip
    details.append((_w(ctx, "packing"), ctx.packages_text(s.packages), None))
    details.append((_w(ctx, "net"), ctx.weight(s.net_kg, "net_weight_kg"), "net_weight_kg"))
    details.append((_w(ctx, "gross"), ctx.weight(s.gross_kg), None))
    if "smelter" in ctx.st.flags:
        details.append((_w(ctx, "producer"), s.smelter.printed, None))
    if rng.random() < 0.3:
        details.reverse()
    for label, value, fld in details:
        lw = sh.text(dx, y, label, isize - 0.3, kind="label") + 1.5
        sh.text(dx + lw, y, value, isize, kind="value", field=fld, max_w=dw - lw)
        y += istep + 0.3
    if rng.random() < 0.55:  # the marks, one line each
        sh.text(dx, y, _w(ctx, "marks"), isize - 0.3, kind="label")
        y = sh.lines(dx + 2, y + istep, s.marks("en"), isize - 0.5, kind="static", step=istep, max_w=dw - 2)

    # ----- the form's empty rows down to the totals, then the totals and the amount in words -----
    exchange = _exchange(ctx) if rng.random() < (0.85 if s.seller.country == "TH" else 0.5) else None
    bank = rng.random() < 0.5
    rest = 3 * 6.5 + 4 + (3 * step + 2 if exchange else 0) + step + 1 + (4 * (step - 0.3) + 3 if bank else 0) + 30
    limit = sh.height - 14
    body_end = max(y + 1.5, min(y + ctx.jitter(30, 8) * (1 - 0.3 * squeeze), limit - rest))
    sh.rect(x, table_top, w, body_end - table_top, 0.6)
    for key, _, _, _ in spec[1:]:
        sh.vline(lefts[key], table_top, body_end, 0.3)
    y = body_end

    row = 6.3 * max(k, 0.85)
    totals_x = lefts["quantity"]
    words_w = totals_x - x
    amount_x = lefts["amount"]
    rows = [(_w(ctx, "subtotal"), ctx.num(s.total_amount, 2)), (_w(ctx, "vat"), ctx.num(Decimal(0), 2)),
            (_w(ctx, "grand"), "")]  # fmt: skip
    ctx.set("total_amount", float(s.total_amount))
    ctx.set("currency", cur)
    figure = ctx.num(s.total_amount, 2)
    fsize = size + 0.3
    code_w = sh.text_width(cur, size, True)
    # the currency beside the figure where both fit the amount cell, else at the end of the label cell
    code_in_cell = sh.text_width(figure, fsize, True) + code_w + 4.5 <= ctx.right - amount_x
    show_code = not currency_in_refs or rng.random() < 0.5
    for i, (label, value) in enumerate(rows):
        ry = y + i * row
        base = ry + row / 2 + 1.2
        sh.rect(totals_x, ry, ctx.right - totals_x, row, 0.5, fill=0.92 if i == 2 and shade else None)
        sh.vline(amount_x, ry, ry + row, 0.3)
        lx = amount_x - 1.5
        if i == 2 and show_code and not code_in_cell:
            sh.text(lx, base, cur, size, bold=True, kind="value", field="currency", align="right")
            lx -= code_w + 2
        sh.text(lx, base, label, size - 0.2, bold=i == 2, kind="label", align="right", max_w=lx - totals_x - 1.5)
        if value:
            sh.text(ctx.right - 1.5, base, value, size, align="right")
    gy = y + 2 * row + row / 2 + 1.2
    fw = sh.text(ctx.right - 1.5, gy, figure, fsize, bold=True, kind="value", field="total_amount", align="right")
    if show_code and code_in_cell:
        sh.text(ctx.right - 1.5 - fw - 1.5, gy, cur, size, bold=True, kind="value", field="currency", align="right")
    # the amount in words, bracketed, in the box under the description columns
    name = str(ctx.pick(CURRENCY_NAMES[cur]))
    words = in_words(s.total_amount, cur, rng.randrange(3), name)
    sh.rect(x, y, words_w, 3 * row, 0.5, fill=0.95 if shade and rng.random() < 0.5 else None)
    wsize = size - 0.3
    while wsize > 6.4 and len(sh.wrap(f"( {words} )", words_w - 4, wsize, True)) * (wsize * 0.45) > 3 * row - 3:
        wsize -= 0.25
    wl = sh.wrap(f"( {words} )", words_w - 4, wsize, True)
    wy = y + (3 * row - len(wl) * wsize * 0.45) / 2 + wsize * 0.35
    for line in wl:
        sh.text(x + 2, wy, line, wsize, bold=True)
        wy += wsize * 0.45
    y += 3 * row + 4 * k

    # ----- the exchange rate and the home-currency amount, the zero-rating note, the bank -----
    if exchange:
        line, code, home = exchange
        sh.text(x, y, f"{_w(ctx, 'rate')} {line}", size - 0.6, max_w=w)
        y += step + 0.5
        cap = _w(ctx, "home_total").format(cur=code)
        cw = sh.text(x, y, cap, size - 0.6, kind="label") + 1.5
        sh.text(x + cw, y, home, size - 0.4, bold=True)
        y += step + 1.5
    note = ctx.pick(ZERO_RATE.get(s.seller.country, ZERO_RATE_OTHER))
    sh.text(x, y, str(note), size - 0.8, max_w=w)
    y += step + 1
    if bank:
        name_, swift = home_bank(ctx)
        account = f"{rng.randrange(100, 999)}-{rng.randrange(1, 9)}-{rng.randrange(10000, 99999)}-{rng.randrange(10)}"
        sh.text(x, y + 0.5, _w(ctx, "bank"), size - 0.6, bold=True, kind="label")
        sh.lines(x + 2, y + step + 0.5, [f"{name_}, SWIFT {swift}", f"A/C No. {account} ({cur})",
                                         f"Beneficiary: {seller.name}"], size - 0.8, kind="static", step=step - 0.3,
                 max_w=w * 0.7)  # fmt: skip
        y += 4 * (step - 0.3) + 3

    # ----- the signature boxes across the foot -----
    y += 1.5 * k
    bh = 25 * max(k, 0.8)
    gap = 2.5
    bw3 = (w - 2 * gap) / 3
    keys = ("received", "delivered", "authorized")
    date_line = _w(ctx, "date_line")
    for i, key in enumerate(keys):
        bx = x + i * (bw3 + gap)
        sh.rect(bx, y, bw3, bh, 0.5)
        if key == "received":
            sh.para(bx + 2, y + 3.2, _w(ctx, "good_order"), bw3 - 4, size - 1.8, (size - 1.8) * 0.42)
        if key == "authorized":
            for j, part in enumerate(sh.wrap(f"For {seller.name}", bw3 - 4, size - 1.6)[:2]):
                sh.text(bx + bw3 / 2, y + 3.4 + j * 2.9, part, size - 1.6, align="center", max_w=bw3 - 4)
            sh.scribble(bx + bw3 * 0.25, y + bh - 11, bw3 * 0.5, len(s.invoice_no))
        elif key == "delivered" and rng.random() < 0.5:
            sh.scribble(bx + bw3 * 0.3, y + bh - 11, bw3 * 0.35, len(s.invoice_no) + 1)
        sh.hline(bx + 5, bx + bw3 - 5, y + bh - 8.5, 0.35)
        sh.text(bx + bw3 / 2, y + bh - 5.5, _w(ctx, key), size - 0.8, kind="label", align="center", max_w=bw3 - 4)
        sh.text(bx + bw3 / 2, y + bh - 2, date_line, size - 1.6, align="center", max_w=bw3 - 4)
    return y + bh
