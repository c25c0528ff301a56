"""`myinvois`: the visual presentation of a validated e-invoice in the form of Malaysia's MyInvois system (the
Inland Revenue Board's e-invoice), printed by the exporter's e-invoicing software and sent as the commercial
invoice, added after the extractors were built (no extractor was changed for it).

Once the tax authority has validated an e-invoice it returns a Unique Identifier Number and a validation link;
the printed or PDF copy shared with the buyer carries both, with a QR code of the link. What the printout
carries, after the e-invoice's mandatory fields and the annexure for exports:

* the supplier's name and address with its TIN, business registration number, SST registration number (or
  'NA'), MSIC code and business activity, contact number and e-mail;
* the title ('e-INVOICE', 'E-INVOICE' or 'INVOICE') with the e-invoice type ('01 - Invoice'), version, the
  e-invoice code or number, the original e-invoice reference ('NA'), the date and time of issuance and the
  Unique Identifier Number;
* the buyer with its TIN (the general TIN 'EI00000000020' for a foreign buyer who gave none), registration number,
  address and contact; sometimes the shipping recipient beside it;
* the export annexure in a row of captioned cells: the reference number of Customs Form No. 2, Incoterms, the
  free trade agreement, the certified exporter's authorisation number, the country of origin, the currency and
  its exchange rate;
* the lines: classification code ('022'), description, product tariff code, quantity with its unit of measure
  ('KGM', 'TNE'), unit price, tax type ('06 - Not Applicable' or 'E - Tax exemption'), tax amount and the total
  excluding tax; the shipment's particulars under them (weights, packages, vessel, ports, B/L, marks);
* the totals at the right (total excluding tax, tax amount, total including tax, total payable amount);
* at the foot the QR code with the validation date and time, the validation link, a digital signature digest and
  'This document is a visual presentation of the e-Invoice'.

English, as the form is; drawn for every lane, the seller's own tax and registration numbers in its fields.
Which optional fields appear, their captions, the arrangement of the head, units, rules and spacing vary per
document. Every value a field records is drawn with kind="value".
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from decimal import Decimal

from samplegen.formatting import quantize
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.invoice_tax_invoice import HOME_CURRENCY
from samplegen.layouts.origin_e_form_d import qr_code

WORDS: dict[str, tuple[str, ...]] = {
    "title": ("e-INVOICE", "E-INVOICE", "INVOICE", "e-Invoice"),
    "type": ("e-Invoice Type", "e-Invoice Type Code"),
    "version": ("e-Invoice Version",),
    "number": ("e-Invoice Code / Number", "e-Invoice No.", "Invoice No."),
    "original": ("Original e-Invoice Ref. No.", "Original Invoice Ref."),
    "issued": ("Date & Time of Issuance", "Invoice Date & Time", "Issue Date"),
    "uin": ("Unique Identifier No.", "UUID", "Unique ID No."),
    "tin": ("TIN", "Tax Identification No. (TIN)"),
    "reg": ("Reg. No.", "Registration No.", "BRN"),
    "sst": ("SST Reg. No.", "SST No."),
    "msic": ("MSIC Code",),
    "activity": ("Business Activity", "Business Activity Description"),
    "buyer": ("Buyer", "Buyer Details", "Bill To"),
    "recipient": ("Shipping Recipient", "Ship To"),
    "contact": ("Contact No.", "Tel."),
    "k2": ("Ref. No. of Customs Form No. 2", "Customs Form No. 2 (K2)", "K2 Ref. No."),
    "incoterms": ("Incoterms",),
    "fta": ("FTA Information", "Free Trade Agreement"),
    "certex": ("Authorisation No. for Certified Exporter", "CertEX Auth. No."),
    "origin": ("Country of Origin",),
    "currency": ("Currency", "Currency Code"),
    "rate": ("Exchange Rate", "Currency Exchange Rate"),
    "no": ("No.", "#"),
    "class": ("Classification", "Class."),
    "description": ("Description of Product or Service", "Description", "Product Description"),
    "tariff": ("Product Tariff Code", "Tariff Code"),
    "qty": ("Quantity", "Qty"),
    "uom": ("UOM", "Unit"),
    "price": ("Unit Price",),
    "tax_type": ("Tax Type",),
    "tax_amount": ("Tax Amount", "Tax Amt"),
    "line_total": ("Total Excl. Tax", "Subtotal", "Amount"),
    "lot": ("Lot", "Lot No."),
    "net": ("Total Net Weight:", "Net Weight:"),
    "gross": ("Total Gross Weight:", "Gross Weight:"),
    "packages": ("Packages:", "No. of Packages:"),
    "vessel": ("Vessel / Voyage:", "Shipped per:", "Means of Transport:"),
    "route": ("Port of Loading / Discharge:", "From / To:"),
    "bl": ("B/L No.:", "Bill of Lading:"),
    "marks": ("Marks:", "Shipping Marks:"),
    "producer": ("Producer:", "Manufacturer:"),
    "excl": ("Total Excluding Tax", "Subtotal"),
    "tax_total": ("Tax Amount", "Total Tax Amount"),
    "incl": ("Total Including Tax",),
    "rounding": ("Rounding Amount",),
    "payable": ("Total Payable Amount", "Total Payable", "Amount Payable"),
    "validated": ("Date & Time of Validation:", "Validated on:", "Validation Date & Time:"),
    "link": ("Validation Link:", "Verify at:"),
    "signature": ("Digital Signature:", "Signature Value:"),
    "visual": ("This document is a visual presentation of the e-Invoice.",
               "This is a visual presentation of a validated e-Invoice.",
               "This document is a visual presentation of the e-Invoice. No signature is required."),
    "notes": ("Notes", "Remarks", "Additional Information"),
}  # fmt: skip
# Free trade agreements the annexure names for a destination, and what it prints where none applies.
FTA = {"JP": ("MJEPA", "AJCEP", "RCEP"), "CN": ("ACFTA", "RCEP"), "KR": ("AKFTA", "RCEP")}
NO_FTA = ("NA", "Not Applicable", "-")
ALPHANUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def myinvois(ctx: Ctx) -> None:
    draw_to_fit(ctx, _draw, "e-invoice", tries=5)


def _tin(ctx: Ctx) -> str:
    """The supplier's TIN as the form prints it: a Malaysian company's 'C' and ten digits ending in zero, else the
    seller's own tax number without its kind."""
    s = ctx.s
    if s.seller.country == "MY":
        return f"C{ctx.rng.randrange(10**8, 10**9)}0"
    return s.seller.tax_id.rsplit(" ", 1)[-1] if s.seller.tax_id else "NA"


def _draw(ctx: Ctx, squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    k = 1 - 0.09 * squeeze
    size = ctx.jitter(8.0, 0.25) - 0.3 * squeeze
    step = size * 0.45
    seller, buyer = s.seller, s.buyer
    # each caption picked once, the same wherever the printout repeats it
    words = {key: str(ctx.pick(options)) for key, options in WORDS.items()}

    def w_(key: str) -> str:
        return words[key]

    # ----- the identifiers the validation returned, decided first -----
    uin = "".join(ctx.pick(ALPHANUM) for _ in range(26))
    long_id = "".join(ctx.pick(ALPHANUM) for _ in range(40))
    issued_time = f"{rng.randrange(8, 19):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    validated = s.invoice_date + timedelta(days=rng.choice((0, 0, 0, 1)))
    validated_time = f"{rng.randrange(8, 20):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    link = f"https://myinvois.hasil.gov.my/{uin}/share/{long_id}"
    digest = hashlib.sha256(f"{s.invoice_no}|{uin}".encode()).hexdigest()

    # ----- the supplier at the left, the title and the e-invoice's identification at the right -----
    ctx.set("seller_name", seller.name)
    top = ctx.jitter(14, 0.8)
    left_w = w * ctx.jitter(0.52, 0.03)
    sh.text(x, top, seller.name, ctx.jitter(11.5, 0.5), bold=True, kind="value", field="seller_name",
            max_w=left_w - 2)  # fmt: skip
    y = top + step + 2
    supplier = [", ".join([*seller.lines, ctx.country(seller.country)])]
    reg = seller.tax_id.rsplit(" ", 1)[-1] if seller.country == "MY" and seller.tax_id else "NA"
    supplier.append(f"{w_('tin')}: {_tin(ctx)}   {w_('reg')}: {reg}")
    sst = f"W10-{rng.randrange(1000, 9999)}-{rng.randrange(10**7, 10**8)}" if seller.country == "MY" else "NA"
    supplier.append(f"{w_('sst')}: {sst}")
    if rng.random() < 0.8:
        supplier.append(f"{w_('msic')}: 24209   {w_('activity')}: Manufacture of other non-ferrous metals")
    supplier.append(f"{w_('contact')}: {seller.phone}   {seller.email}")
    for line in supplier:
        for part in sh.wrap(line, left_w - 2, size - 0.7):
            sh.text(x, y, part, size - 0.7)
            y += step - 0.2
    left_end = y

    rx = x + left_w + 3
    rw = ctx.right - rx
    title = w_("title")
    sh.text(ctx.right, top + 1, title, ctx.jitter(16, 0.8), bold=True, align="right")
    ctx.set("invoice_number", s.invoice_no)
    ident: list[tuple[str, str, str | None]] = [
        (w_("type"), ctx.pick(("01 - Invoice", "01 Invoice", "Invoice (01)")), None),
        (w_("version"), ctx.pick(("1.1", "1.0")), None),
        (w_("number"), s.invoice_no, "invoice_number"),
        (w_("original"), "NA", None),
        (w_("issued"), "", "invoice_date"),
        (w_("uin"), uin, None),
    ]
    if rng.random() < 0.35:
        ident.pop(3)
    label_w = max(sh.text_width(label, size - 0.6, True) for label, _, _ in ident) + 2.5
    ry = top + 7.5 * k
    box_top = ry - step - 0.8
    boxed = rng.random() < 0.6
    for label, value, fld in ident:
        sh.text(rx + 1.5, ry, label, size - 0.6, bold=True, kind="label", max_w=label_w - 2)
        vx = rx + 1.5 + label_w
        if fld == "invoice_date":
            dw = sh.text(vx, ry, ctx.date(s.invoice_date, "invoice_date"), size, kind="value", field=fld)
            sh.text(vx + dw + 1.8, ry, issued_time, size)
        else:
            sh.text(vx, ry, value, size, bold=fld == "invoice_number", kind="value" if fld else "static",
                    field=fld, max_w=rw - label_w - 3)  # fmt: skip
        ry += step + 0.9 * k
    if boxed:
        sh.rect(rx, box_top, rw, ry - box_top - step + 1.5, 0.5)
    y = max(left_end, ry) + 2.5 * k
    sh.hline(x, ctx.right, y, ctx.pick((0.4, 0.8)))
    y += 4.5 * k

    # ----- the buyer and, sometimes, the shipping recipient -----
    ctx.set("buyer_name", buyer.name)
    recipient = rng.random() < 0.45
    bw = w / 2 - 2 if recipient else w * 0.7
    buyer_tin = "EI00000000020" if rng.random() < 0.6 or not buyer.tax_id else buyer.tax_id.rsplit(" ", 1)[-1]
    sh.text(x, y, w_("buyer"), size, bold=True, kind="label")
    by = y + step + 0.8
    sh.text(x, by, buyer.name, size + 0.2, bold=True, kind="value", field="buyer_name", max_w=bw)
    by += step + 0.3
    blines = [f"{w_('tin')}: {buyer_tin}   {w_('reg')}: NA",
              ", ".join([*buyer.lines, ctx.country(buyer.country, upper=rng.random() < 0.5)]),
              f"{w_('contact')}: {buyer.phone}   {buyer.email}"]  # fmt: skip
    for line in blines:
        for part in sh.wrap(line, bw, size - 0.5):
            sh.text(x, by, part, size - 0.5)
            by += step - 0.2
    if recipient:
        cx = x + w / 2 + 2
        sh.text(cx, y, w_("recipient"), size, bold=True, kind="label")
        ry2 = y + step + 0.8
        rlines = [buyer.name, f"{w_('tin')}: {buyer_tin}", *buyer.lines, ctx.country(buyer.country)]
        ry2 = sh.lines(cx, ry2, rlines, size - 0.5, kind="static", step=step - 0.2, max_w=w / 2 - 2)
        by = max(by, ry2)
    y = by + 2.5 * k

    # ----- the export annexure, a row of captioned cells -----
    cells: list[tuple[str, str, str | None]] = [
        (w_("k2"), f"B{rng.randrange(10**10, 10**11)}{rng.randrange(10)}", None),
        (w_("incoterms"), s.incoterm.split()[0], None),
        (w_("fta"), str(ctx.pick(FTA.get(s.buyer.country, NO_FTA))), None),
    ]
    if seller.country == "MY" and rng.random() < 0.6:  # a Malaysian certified exporter's number
        city = ctx.pick(("KL", "PG", "PK", "JB"))
        cells.append((w_("certex"), f"CPT-CCN-W-{rng.randrange(10**5, 10**6)}-{city}-{rng.randrange(10**5, 10**6):06d}",
                      None))  # fmt: skip
    if "omit_origin" not in ctx.st.flags:
        cells.append((w_("origin"), ctx.country(s.declared, upper=True, field="country_of_origin"),
                      "country_of_origin"))  # fmt: skip
    ctx.set("currency", s.currency)
    cells.append((w_("currency"), s.currency, "currency"))
    home = HOME_CURRENCY.get(seller.country)
    if home and home[0] != s.currency:
        low, high = home[2][s.currency]
        rate = quantize(low if low == high else rng.uniform(low, high), home[3])
        cells.append((w_("rate"), ctx.num(rate, home[3]), None))
    per_row = 4 if len(cells) > 5 else len(cells)
    cw = w / per_row
    ch = step * 2 + 3
    for i, (caption, value, fld) in enumerate(cells):
        cx, cy = x + (i % per_row) * cw, y + (i // per_row) * ch
        sh.rect(cx, cy, cw, ch, 0.35)
        sh.text(cx + 1.3, cy + 2.8, caption, size - 1.6, kind="label", max_w=cw - 2.6)
        sh.text(cx + 1.3, cy + 2.8 + step + 0.9, value, size - 0.3, kind="value" if fld else "static", field=fld,
                max_w=cw - 2.6)  # fmt: skip
    y += ch * -(-len(cells) // per_row) + 3.5 * k

    # ----- the lines -----
    per_tonne = rng.random() < 0.5
    uom = "TNE" if per_tonne else "KGM"
    spec: list[tuple[str, float, str]] = [("no", 0.05, "center"), ("class", 0.08, "center"),
                                          ("description", 0.3, "left"), ("tariff", 0.1, "center"),
                                          ("qty", 0.1, "right"), ("uom", 0.06, "center"), ("price", 0.1, "right"),
                                          ("tax_type", 0.07, "center"), ("tax_amount", 0.07, "right"),
                                          ("line_total", 0.12, "right")]  # fmt: skip
    scale = w / sum(f for _, f, _ in spec)
    widths = {key: f * scale for key, f, _ in spec}
    lefts: dict[str, float] = {}
    cx = x
    for key, _, _ in spec:
        lefts[key] = cx
        cx += widths[key]
    tsize = size - 0.6
    tstep = tsize * 0.44
    for key, _, _ in spec:  # a one-word caption too wide for its column even at 6 pt gives way to the shortest
        if max(sh.text_width(part, 6.0, True) for part in w_(key).split()) > widths[key] - 1.8:
            words[key] = min(WORDS[key], key=len)
    captions = {key: sh.wrap(w_(key), widths[key] - 1.8, tsize - 0.5, True)[:3] for key, _, _ in spec}
    head_h = 3.2 * max(len(c) for c in captions.values()) + 2.6
    shade = ctx.pick((0.88, 0.92, None))
    sh.rect(x, y, w, head_h, 0.5, fill=shade)

    def put(key: str, yy: float, text: str, align: str, kind: str = "static", fld: str | None = None,
            bold: bool = False, fsize: float = tsize) -> None:  # fmt: skip
        cwid = widths[key]
        tx = {"left": lefts[key] + 1, "right": lefts[key] + cwid - 1, "center": lefts[key] + cwid / 2}[align]
        sh.text(tx, yy, text, fsize, bold, kind, fld, align=align, max_w=cwid - 1.8)

    for key, _, align in spec:
        for j, part in enumerate(captions[key]):
            put(key, y + 3.4 + 3.2 * j, part, align, "label", bold=True, fsize=tsize - 0.5)
    table_top = y
    y += head_h + tstep + 1.4
    tax_type = str(ctx.pick(("06", "E")))
    hs = ctx.hs()
    price = s.unit_price if per_tonne else quantize(s.unit_price / 1000, 4)
    for i, lot in enumerate(s.lots):
        qty = lot.net_kg / 1000 if per_tonne else lot.net_kg
        put("no", y, str(i + 1), "center")
        put("class", y, "022", "center")
        put("tariff", y, hs, "center", "value", "hs_code" if i == 0 else None)
        put("qty", y, ctx.num(qty, 3 if per_tonne else 2), "right")
        put("uom", y, uom, "center")
        put("price", y, ctx.num(price, 2 if per_tonne else 4), "right")
        put("tax_type", y, tax_type, "center")
        put("tax_amount", y, ctx.num(Decimal(0), 2), "right")
        put("line_total", y, ctx.num(s.line_amount(lot), 2), "right")
        lines = sh.wrap(s.description("en"), widths["description"] - 2, tsize)
        lines.append(f"{w_('lot')} {lot.number} - {ctx.packages_text(lot.packages)}")
        if i == 0 and "description" in s.china_text:
            lines.append(s.china_text["description"])
        for j, line in enumerate(lines):
            put("description", y + j * tstep, line, "left")
        y += len(lines) * tstep + 1.4 * k
    body_end = y - tstep + 1.5
    sh.rect(x, table_top, w, body_end - table_top, 0.5)
    for key, _, _ in spec[1:]:
        sh.vline(lefts[key], table_top, body_end, 0.25)
    y = body_end + 4.5 * k

    # ----- the shipment's particulars at the left, the totals at the right -----
    notes_w = w * 0.56
    sh.text(x, y, w_("notes"), size - 0.2, bold=True, kind="label")
    ny = y + step + 0.6
    particulars: list[tuple[str, str, str | None]] = [
        (w_("net"), ctx.weight(s.net_kg, "net_weight_kg"), "net_weight_kg"),
        (w_("gross"), ctx.weight(s.gross_kg), None),
        (w_("packages"), ctx.packages_text(s.packages), None),
        (w_("vessel"), s.vessel, None),
        (w_("route"), f"{s.place_loading} / {s.place_discharge}", None),
    ]
    if s.transport == "Sea" and rng.random() < 0.6:
        particulars.append((w_("bl"), s.bl_no, None))
    if "smelter" in ctx.st.flags:
        particulars.append((w_("producer"), s.smelter.printed, None))
    if rng.random() < 0.5:
        particulars.append((w_("marks"), " / ".join(s.marks("en")), None))
    for label, value, fld in particulars:
        lw = sh.text(x, ny, label, size - 0.6, kind="label") + 1.5
        sh.text(x + lw, ny, value, size - 0.4, kind="value" if fld else "static", field=fld, max_w=notes_w - lw)
        ny += step
    tx = x + notes_w + 4
    tw = ctx.right - tx
    total = ctx.num(s.total_amount, 2)
    totals = [(w_("excl"), total), (w_("tax_total"), ctx.num(Decimal(0), 2)),
              (w_("incl"), total)]  # fmt: skip
    if rng.random() < 0.3:
        totals.append((w_("rounding"), ctx.num(Decimal(0), 2)))
    row = step + 1.8 * k
    ty = y - 1
    for label, value in totals:
        sh.text(tx + 1.5, ty + row - 1.2, label, size - 0.4, kind="label", max_w=tw * 0.6)
        sh.text(ctx.right - 1.5, ty + row - 1.2, value, size - 0.2, align="right")
        sh.hline(tx, ctx.right, ty + row, 0.2)
        ty += row
    ctx.set("total_amount", float(s.total_amount))
    sh.rect(tx, ty + 0.6, tw, row + 1.5, 0.7, fill=0.92 if shade else None)
    base = ty + row
    sh.text(tx + 1.5, base, f"{w_('payable')} ({s.currency})", size, bold=True, kind="label", max_w=tw * 0.62)
    sh.text(ctx.right - 1.5, base, total, size + 0.4, bold=True, kind="value", field="total_amount", align="right")
    y = max(ny, ty + row + 3) + 4 * k

    # ----- the validation: QR code, date and time, link, signature digest -----
    qr = ctx.jitter(24, 2) * max(k, 0.85)
    qr_left = rng.random() < 0.6
    qx = x if qr_left else ctx.right - qr
    qr_code(ctx, qx, y, qr, link)
    vx = x + qr + 4 if qr_left else x
    vw = w - qr - 4
    vy = y + 3.5
    vsize = size - 0.9
    validated_text = f"{ctx.date(validated)} {validated_time}"
    for label, value in ((w_("validated"), validated_text), (w_("uin"), uin),
                         (w_("link"), link), (w_("signature"), digest[:48])):  # fmt: skip
        lw = sh.text(vx, vy, label, vsize, bold=True, kind="label") + 1.5
        sh.text(vx + lw, vy, value, vsize, max_w=vw - lw)
        vy += step + 0.4
    sh.text(vx, vy + 1.5, w_("visual"), vsize, max_w=vw)
    return max(y + qr, vy + 2)
