"""The ATIGA e-Form D as printed from the issuing authority's electronic system (`e_form_d`), added after the
extractors were built (no extractor was changed for it).

Since the ASEAN Single Window went live for Form D (2018, all member states by 2024), the preferential certificate
of ASEAN trade is issued electronically: the exporter applies in the national system (Thailand's DFT Smart C/O,
Malaysia's ePCO, Indonesia's e-SKA), the issuing authority approves it and the data go to the importing customs
through the single window; a copy is printed by the exporter for the file and the buyer. The printout keeps the
thirteen data of the revised Form D but not the paper form's arrangement: the issuing system and authority in a
header band with the reference number and a QR code for verification, exporter and consignee side by side, the
route in a row of small cells, the goods as a table (with HS code and origin criterion in columns of their own)
or as one captioned record per item, the box-13 options as a row of ticks, the exporter's declaration and the
authority's certification side by side, the certification carrying the only date of issue with its place and an
electronic signature instead of a wet one, and the line 'This is an electronically issued certificate ...' at the
foot beside the date the copy was printed.

It is drawn for the lanes that use Form D (Thailand, Malaysia and Indonesia to other ASEAN members). Every value a
field records is drawn with kind="value"; the gross and the net weight share the quantity cell, the invoice's
number and date share one cell, the origin criterion is a code ('WO', 'CTH', 'RVC 40%'), never a country. The
wording of the captions, the order of the goods columns, the table or record presentation, the box widths and the
footer vary per document.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from decimal import Decimal

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing

from samplegen.draw import MM
from samplegen.formatting import country_name, quantize
from samplegen.layouts.common import Ctx
from samplegen.layouts.origin_forms import producer_line

# The issuing authority, its electronic system and the place printed in the certification, by exporting country.
ISSUERS: dict[str, tuple[str, str, str, str]] = {
    "TH": ("Department of Foreign Trade", "Ministry of Commerce, Thailand", "DFT Smart C/O", "Nonthaburi"),
    "MY": ("Ministry of Investment, Trade and Industry", "Malaysia", "ePCO - Electronic Preferential Certificate "
           "of Origin", "Kuala Lumpur"),
    "ID": ("Ministry of Trade of the Republic of Indonesia", "Directorate of Export of Industrial and Mining "
           "Products", "e-SKA", "Surabaya"),
    "VN": ("Ministry of Industry and Trade", "Regional Import-Export Office", "eCoSys", "Hai Phong"),
}  # fmt: skip
TITLES = (
    ("ATIGA e-FORM D", "CERTIFICATE OF ORIGIN (Combined Declaration and Certificate)"),
    ("ASEAN TRADE IN GOODS AGREEMENT", "ELECTRONIC CERTIFICATE OF ORIGIN - FORM D"),
    ("CERTIFICATE OF ORIGIN - FORM D", "ATIGA e-Form D (electronically issued)"),
)
CAPTIONS: dict[str, tuple[str, ...]] = {
    "1": ("Exporter's name, address and country", "Goods consigned from (Exporter's business name, address, country)",
          "Exporter"),
    "2": ("Consignee's name, address and country", "Goods consigned to (Consignee's name, address, country)",
          "Consignee / Importer"),
    "3": ("Means of transport and route (as far as known)", "Transport details"),
    "4": ("For official use", "For official use (importing customs authority)"),
    "5": ("Item No.", "Item"),
    "6": ("Marks and numbers on packages", "Shipping marks"),
    "7": ("Number and type of packages, description of goods", "Packages and description of goods"),
    "hs": ("HS code (importing Party)", "HS code", "H.S. code"),
    "8": ("Origin criterion", "Origin conferring criterion"),
    "9": ("Gross weight or other quantity, and FOB value (where RVC is applied)", "Quantity (gross / net) and FOB "
          "value", "Gross weight or other quantity"),
    "10": ("Invoice number(s) and date(s)", "Number and date of invoice"),
    "11": ("Declaration by the exporter", "Exporter's declaration"),
    "12": ("Certification", "Certification by the issuing authority"),
    "13": ("Remarks / special conditions", "Special conditions (tick where applicable)"),
}  # fmt: skip
TRANSPORT = (
    ("Departure date", "Vessel's name / Aircraft etc.", "Port of loading", "Port of discharge"),
    ("Departure date", "Vessel / flight / vehicle", "From", "To"),
)
TICKS = (
    "Third Country Invoicing", "Exhibition", "Back-to-Back CO", "De Minimis", "Issued Retroactively",
    "Accumulation", "Partial Cumulation",
)  # fmt: skip
ELECTRONIC = (
    "This is an electronically issued certificate. No signature or stamp is required.",
    "This certificate has been issued electronically and transmitted through the ASEAN Single Window; it is valid "
    "without signature and seal.",
    "Electronically issued Form D. The authenticity of this printout can be verified by scanning the QR code.",
)
VERIFY = "https://eco.verify.example/formd?ref={}"  # .example: a domain that never resolves


def _criterion(ctx: Ctx) -> str:
    """The origin criterion of the ATIGA operational procedures: a code, never a country."""
    if ctx.s.product == "ingot":
        return ctx.pick(("WO", "CTH", "RVC 40%", "CTH", "PSR"))
    return ctx.pick(("RVC 40%", "CTH", "CTSH", "RVC 40%"))


def qr_code(ctx: Ctx, x: float, y: float, size_mm: float, payload: str) -> None:
    """A QR code of `payload`, `size_mm` square, its top-left corner at (x, y)."""
    sh = ctx.sheet
    widget = QrCodeWidget(payload)
    x0, y0, x1, y1 = widget.getBounds()
    size = size_mm * MM
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, sh.canvas, x * MM, sh.height * MM - (y + size_mm) * MM)


def _weight(ctx: Ctx, kg: Decimal, unit: str, places: int, field: str | None = None) -> str:
    """A weight in kilograms or tonnes at the precision the exporter uses for both weights; recorded in kg as
    printed."""
    tonnes = unit in ("MT", "M/T")
    printed = quantize(Decimal(str(kg)) / 1000 if tonnes else Decimal(str(kg)), places)
    if field:
        ctx.set(field, float(quantize(printed * 1000 if tonnes else printed, 3)))
    return f"{ctx.num(printed, places)} {unit}"


def _caption(ctx: Ctx, x: float, y: float, w: float, number: str, size: float, numbered: bool) -> float:
    """A box caption, numbered or not as the system prints them; returns the baseline under it."""
    sh = ctx.sheet
    lx = x + 1.4
    if numbered and number.isdigit():
        lx += sh.text(lx, y + 3.0, f"{number}.", size + 0.3, bold=True, kind="label") + 1.0
    ly = y + 3.0
    for line in sh.wrap(ctx.pick(CAPTIONS[number]), x + w - lx - 1.2, size, bold=not numbered):
        sh.text(lx, ly, line, size, bold=not numbered, kind="label")
        ly += size * 0.42
    return ly + 0.8


def _tick(ctx: Ctx, x: float, y: float, label: str, size: float) -> float:
    sh = ctx.sheet
    sh.rect(x, y - 2.5, 2.6, 2.6, 0.45)
    return x + 4 + sh.text(x + 3.6, y, label, size, kind="label")


def e_form_d(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    numbered = ctx.rng.random() < 0.7
    size = ctx.jitter(8.3, 0.3)
    ctx.set("certificate_number", s.coo_no)
    ctx.set("exporter_name", s.seller.name)
    ctx.set("consignee_name", s.buyer.name)
    issuer = ISSUERS.get(s.declared, (f"Issuing authority of {country_name(s.declared, 'en')}", "", "e-CO",
                                      s.seller.city))  # fmt: skip
    authority, department, system, place = issuer

    # ----- header band: issuing system, title, reference number and QR code -----
    top = 10.0
    qr_mm = ctx.jitter(24, 2)
    band_h = qr_mm + 4
    sh.rect(x, top, w, band_h, 0.8)
    sh.text(x + 2.5, top + 5, authority, 8.6, bold=True, max_w=w * 0.36)
    if department:
        sh.text(x + 2.5, top + 9, department, 7.2, max_w=w * 0.36)
    sh.text(x + 2.5, top + 13.5, system, 7.2, max_w=w * 0.36)
    title, subtitle = ctx.pick(TITLES)
    cx = x + w * 0.53
    sh.text(cx, top + 7.5, title, ctx.jitter(12.5, 0.4), bold=True, align="center", max_w=w * 0.38)
    sh.text(cx, top + 12.5, subtitle, 7.6, align="center", max_w=w * 0.38)
    origin_up = country_name(s.declared, "en").upper()
    sh.text(cx, top + 17.5, f"Issued in {origin_up}", 8.2, align="center", max_w=w * 0.38)
    qx = ctx.right - qr_mm - 2
    qr_code(ctx, qx, top + 2, qr_mm, VERIFY.format(s.coo_no))
    ref_label = ctx.pick(("Reference No.", "Reference No.:", "Form D Ref. No.", "Certificate Ref. No."))
    rx = x + 2.5
    ry = top + band_h - 3.5
    tw = sh.text(rx, ry, ref_label, 8, bold=True, kind="label")
    sh.text(rx + tw + 2.5, ry, s.coo_no, 10, bold=True, kind="value", field="certificate_number",
            max_w=qx - rx - tw - 5)  # fmt: skip
    y = top + band_h + 2.5

    # ----- boxes 1 and 2 side by side -----
    exporter = [s.seller.name, *s.seller.lines, country_name(s.seller.country, "en").upper()]
    consignee = [s.buyer.name, *s.buyer.lines, country_name(s.buyer.country, "en").upper()]
    half = w * ctx.jitter(0.5, 0.03)
    cap_probe = max(len(sh.wrap(c, half - 8, 6.6)) for n in ("1", "2") for c in CAPTIONS[n]) * 2.8 + 4
    h12 = max(ctx.jitter(30, 2), cap_probe + max(len(exporter), len(consignee)) * size * 0.43 + 3)
    for bx, bw, number, lines, field in ((x, half, "1", exporter, "exporter_name"),
                                         (x + half, w - half, "2", consignee, "consignee_name")):  # fmt: skip
        sh.rect(bx, y, bw, h12, 0.6)
        ly = max(_caption(ctx, bx, y, bw, number, 6.6, numbered), y + cap_probe - 1.5) + 1.5
        for i, line in enumerate(lines):
            sh.text(bx + 2.5, ly, line, size, bold=i == 0, kind="value" if i == 0 else "static",
                    field=field if i == 0 else None, max_w=bw - 5)  # fmt: skip
            ly += size * 0.43
    y += h12

    # ----- box 3 as a row of cells, box 4 beside it -----
    labels = ctx.pick(TRANSPORT)
    values = (ctx.date(s.departure_date), s.vessel, s.place_loading, s.place_discharge)
    w3 = w * ctx.jitter(0.7, 0.03)
    cell_w = [w3 * f for f in (0.18, 0.32, 0.25, 0.25)]
    vsize = size - 0.6
    wrapped = [sh.wrap(value, cw - 3, vsize) for value, cw in zip(values, cell_w, strict=True)]
    h3 = max(ctx.jitter(17, 1), 13 + max(map(len, wrapped)) * 3.3)
    sh.rect(x, y, w3, h3, 0.6)
    ly = _caption(ctx, x, y, w3, "3", 6.6, numbered)
    cx = x
    for i, (label, lines) in enumerate(zip(labels, wrapped, strict=True)):
        if i:
            sh.vline(cx, ly - 0.5, y + h3, 0.3)
        sh.text(cx + 1.5, ly + 2.4, label, 6.3, kind="label", max_w=cell_w[i] - 3)
        for j, line in enumerate(lines):
            sh.text(cx + 1.5, ly + 6.4 + j * 3.3, line, vsize, max_w=cell_w[i] - 3)
        cx += cell_w[i]
    sh.hline(x, x + w3, ly - 0.5, 0.3)
    sh.rect(x + w3, y, w - w3, h3, 0.6)
    ly = _caption(ctx, x + w3, y, w - w3, "4", 6.4, numbered)
    _tick(ctx, x + w3 + 2, ly + 2.6, "Preferential treatment given", 6.3)
    _tick(ctx, x + w3 + 2, ly + 6.4, "Not given (state reasons)", 6.3)
    y += h3 + 2.5

    # ----- goods: boxes 5-10, as a table or as one record per item -----
    criterion = _criterion(ctx)
    unit = ctx.pick(("KGS", "KGS", "KG", "MT", "M/T"))
    places = 3 if unit in ("MT", "M/T") else ctx.pick((0, 2, 3))
    gross = _weight(ctx, s.gross_kg, unit, places)
    net_shown = s.plan.qty_doc == "certificate_of_origin" or ctx.rng.random() < 0.85
    net = _weight(ctx, s.coo_net_kg, unit, places, "net_weight_kg") if net_shown else ""
    fob = ctx.money(s.total_amount) if criterion.startswith("RVC") or ctx.rng.random() < 0.4 else ""
    ctx.set("hs_code", s.hs6)
    ctx.set("invoice_number", s.coo_invoice_ref)
    packages = ctx.packages_text(s.packages).upper()
    desc = [f"{packages} ({s.packages}) OF {s.description('en').upper()}"]
    if "description" in s.china_text:
        desc.append(s.china_text["description"])
    desc.append(f"{ctx.pick(('LOT NOS.', 'Lots', 'LOTS'))}: {', '.join(lot.number for lot in s.lots)}")
    producer = producer_line(ctx)
    if producer:
        desc.append(producer)
    gross_word = ctx.pick(("G.W.", "Gross weight", "GROSS"))
    net_word = ctx.pick(("N.W.", "Net weight", "NET"))
    invoice_date = ctx.date(s.invoice_date)
    # the boxes under the goods keep their size; the goods take the rest of the page
    cap_h = max(len(sh.wrap(c, w - 12, 6.4)) for c in CAPTIONS["13"]) * 2.7 + 3.8
    tick_rows = 1
    tx = x + 2
    for label in TICKS:
        if tx + sh.text_width(label, 6.2) + 6 > x + w:
            tx, tick_rows = x + 2, tick_rows + 1
        tx += sh.text_width(label, 6.2) + 6.5
    h13 = cap_h + tick_rows * 3.8 + 1.5
    fh = ctx.jitter(50, 3)
    room = sh.height - 22 - y - 2.5 - h13 - 2.5 - fh
    weights = (gross_word, gross, net_word, net, fob)
    if ctx.rng.random() < 0.62:
        y = _goods_table(ctx, y, criterion, desc, weights, invoice_date, numbered, room)
    else:
        y = _goods_records(ctx, y, criterion, desc, weights, invoice_date, numbered, room)
    y += 2.5

    # ----- box 13: the options as a row of ticks -----
    sh.rect(x, y, w, h13, 0.6)
    _caption(ctx, x, y, w, "13", 6.4, numbered)
    tx, row_y = x + 2, y + cap_h + 2.4
    for label in TICKS:
        if tx + sh.text_width(label, 6.2) + 6 > x + w:
            tx, row_y = x + 2, row_y + 3.8
        tx = _tick(ctx, tx, row_y, label, 6.2) + 2.5
    y += h13

    # ----- boxes 11 and 12 side by side; the date of issue only in the certification -----
    foot_top = y + 2.5
    bw = w / 2
    ctx.set("country_of_origin", s.declared)
    ctx.set("issue_date", s.coo_date.isoformat())
    destination = country_name(s.buyer.country, "en").upper()
    sh.rect(x, foot_top, bw, fh, 0.6)
    ly = _caption(ctx, x, foot_top, bw, "11", 6.8, numbered) + 1.2
    ly = sh.para(x + 2.5, ly, "The undersigned hereby declares that the above details and statement are correct; "
                 "that all the goods were produced in", bw - 5, 7.3, leading=3.2)  # fmt: skip
    sh.text(x + bw / 2, ly + 0.8, origin_up, 9, bold=True, kind="value", field="country_of_origin", align="center",
            max_w=bw - 8)  # fmt: skip
    sh.text(x + bw / 2, ly + 4, "(Country)", 6.2, kind="label", align="center")
    ly = sh.para(x + 2.5, ly + 8, "and that they comply with the origin requirements specified for these goods in "
                 f"the ASEAN Trade in Goods Agreement for the goods exported to {destination}.", bw - 5, 7.3,
                 leading=3.2)  # fmt: skip
    applied = s.coo_date - timedelta(days=ctx.rng.randrange(0, 3))
    sh.text(x + 2.5, foot_top + fh - 12, f"{s.seller.city}, {ctx.date(applied)}", 8, max_w=bw - 5)
    sh.text(x + 2.5, foot_top + fh - 8, ctx.pick((f"Submitted electronically by {s.seller.person}",
                                                  f"e-signed: {s.seller.person}, {s.seller.title}")), 7.2,
            max_w=bw - 5)  # fmt: skip
    sh.hline(x + 2.5, x + bw - 3, foot_top + fh - 6, 0.3)
    sh.text(x + 2.5, foot_top + fh - 3, "Place and date, signature of authorised signatory", 6.2, kind="label",
            max_w=bw - 5)  # fmt: skip

    cx = x + bw
    sh.rect(cx, foot_top, bw, fh, 0.6)
    ly = _caption(ctx, cx, foot_top, bw, "12", 6.8, numbered) + 1.2
    ly = sh.para(cx + 2.5, ly, "It is hereby certified, on the basis of control carried out, that the declaration "
                 "by the exporter is correct.", bw - 5, 7.3, leading=3.2) + 2  # fmt: skip
    stamp = hashlib.sha256(f"{s.coo_no}|{s.coo_date}".encode()).hexdigest().upper()
    officer = ctx.pick(("Authorised officer", "Issuing officer", "Approved by"))
    signed = [f"{officer}: {authority}", f"Digital signature: {stamp[:8]} {stamp[8:16]} {stamp[16:24]}"]
    for line in signed:
        sh.text(cx + 2.5, ly, line, 6.8, max_w=bw - 5)
        ly += 3.2
    place_date = f"{place.upper() if ctx.rng.random() < 0.5 else place}, {ctx.date(s.coo_date)}"
    sh.text(cx + 2.5, foot_top + fh - 8, place_date, 8.6, kind="value", field="issue_date", max_w=bw - 5)
    sh.hline(cx + 2.5, cx + bw - 3, foot_top + fh - 6, 0.3)
    sh.text(cx + 2.5, foot_top + fh - 3, ctx.pick(("Place and date, signature and stamp of certifying authority",
                                                   "Place and date of issue (electronic signature)")), 6.2,
            kind="label", max_w=bw - 5)  # fmt: skip

    # ----- foot: the electronic issue and the date the copy was printed -----
    fy = foot_top + fh + 4.5
    sh.para(x, fy, ctx.pick(ELECTRONIC), w * 0.72, 7.2, leading=3.1)
    printed = s.coo_date + timedelta(days=ctx.rng.randrange(0, 6))
    stamp_time = f"{ctx.rng.randrange(8, 18):02d}:{ctx.rng.randrange(60):02d}"
    sh.text(ctx.right, fy, f"{ctx.pick(('Printed', 'Print date', 'Printed on'))}: {ctx.date(printed)} {stamp_time}",
            6.8, align="right")  # fmt: skip
    sh.text(ctx.right, fy + 3.4, ctx.pick(("ORIGINAL (printed by exporter)", "COPY", "ORIGINAL")), 6.8,
            bold=True, align="right")  # fmt: skip


Weights = tuple[str, str, str, str, str]  # gross word, gross, net word, net, FOB value


def _quantity_lines(weights: Weights) -> list[tuple[str, str, bool]]:
    """The quantity cell: gross and net (when shown) in one cell, and the FOB value; (caption, value, is the
    net)."""
    gross_word, gross, net_word, net, fob = weights
    lines = [(gross_word, gross, False)]
    if net:
        lines.append((net_word, net, True))
    if fob:
        lines.append(("FOB", fob, False))
    return lines


def _quantity(ctx: Ctx, x: float, y: float, width: float, weights: Weights, size: float, step: float) -> float:
    """Draws the quantity cell from baseline `y`: each caption before its value, or above it where the pair does
    not fit the cell; returns the baseline after the last line."""
    sh = ctx.sheet
    for caption, value, is_net in _quantity_lines(weights):
        kind, field = ("value", "net_weight_kg") if is_net else ("static", None)
        tw = sh.text_width(f"{caption} ", size)
        if tw + sh.text_width(value, size) <= width:
            sh.text(x, y, caption, size, kind="label")
            sh.text(x + tw, y, value, size, kind=kind, field=field, max_w=width - tw)
        else:
            sh.text(x, y, caption, size, kind="label", max_w=width)
            y += step
            sh.text(x, y, value, size, kind=kind, field=field, max_w=width)
        y += step
    return y


def _goods_table(ctx: Ctx, y: float, criterion: str, desc: list[str], weights: Weights, invoice_date: str,
                 numbered: bool, room: float) -> float:  # fmt: skip
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    keys = ["5", "6", "7", "hs", "8", "9", "10"]
    fractions = {"5": 0.06, "6": 0.16, "7": 0.3, "hs": 0.1, "8": 0.09, "9": 0.16, "10": 0.13}
    if ctx.rng.random() < 0.4:  # some systems print the HS code and the criterion after the quantity
        keys = ["5", "6", "7", "9", "hs", "8", "10"]
    widths = {k: w * fractions[k] for k in keys}
    head_h = max(
        max(len(sh.wrap(c, widths[k] - 4, 6.2)) for c in CAPTIONS[k]) * 2.7 + 4.5 for k in keys
    )  # fmt: skip
    size = 7.8
    body: dict[str, list[tuple[str, str | None]]] = {
        "5": [("1", None)],
        "6": [(part, None) for line in s.marks("en") for part in sh.wrap(line, widths["6"] - 3, size)],
        "7": [(part, None) for line in desc for part in sh.wrap(line, widths["7"] - 3, size)],
        "hs": [(ctx.hs(), "hs_code")],
        "8": [(criterion, None)],
        "9": [],
        "10": [(s.coo_invoice_ref, "invoice_number"), (invoice_date, None)],
    }
    quantity_rows = sum(1 if sh.text_width(f"{c} {v}", size) <= widths["9"] - 3 else 2
                        for c, v, _ in _quantity_lines(weights))  # fmt: skip
    rows = max(max(len(v) for v in body.values()), quantity_rows)
    body_h = max(room - head_h, rows * 3.5 + 10)
    cx = x
    for k in keys:
        sh.rect(cx, y, widths[k], head_h, 0.6)
        sh.rect(cx, y + head_h, widths[k], body_h, 0.6)
        ly = y + 3
        number = k if numbered and k.isdigit() else ""
        caption = ctx.pick(CAPTIONS[k])
        text = f"{number}. {caption}" if number else caption
        for line in sh.wrap(text, widths[k] - 2.5, 6.2):
            sh.text(cx + 1.2, ly, line, 6.2, kind="label")
            ly += 2.7
        by = y + head_h + 4.5
        if k == "9":
            _quantity(ctx, cx + 1.5, by, widths[k] - 3, weights, size, 3.5)
        for text, field in body[k]:
            if field:
                sh.text(cx + 1.5, by, text, size, kind="value", field=field, max_w=widths[k] - 3)
            elif text:
                sh.text(cx + 1.5, by, text, size, kind="static", max_w=widths[k] - 3)
            by += 3.5
        if k == "7":
            sh.text(cx + 1.5, by + 1, "*" * ctx.pick((3, 12, 20)), size)
        cx += widths[k]
    return y + head_h + body_h


def _goods_records(ctx: Ctx, y: float, criterion: str, desc: list[str], weights: Weights, invoice_date: str,
                   numbered: bool, room: float) -> float:  # fmt: skip
    """The goods as the system's item record: captioned fields, one under another, in two columns."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    size = 8.0
    sh.rect(x, y, w, 6, 0.6, fill=0.88)
    head = ctx.pick(("Goods details", "Item details", "Product information"))
    sh.text(x + 2, y + 4.2, f"{head} - {ctx.pick(('Item', 'Item No.'))} 1", 8.2, bold=True, kind="label")
    top = y + 6
    left_w = w * 0.58
    gap = 32.0
    ly = top + 5

    def caption(key: str, cx: float, cy: float) -> None:
        number = f"{key}. " if numbered and key.isdigit() else ""
        sh.text(cx, cy, f"{number}{ctx.pick(CAPTIONS[key])}", 6.4, kind="label", max_w=gap - 2 if cx == x + 2 else
                w - left_w - 4)  # fmt: skip

    # left column: marks, description
    for key, lines in (("6", s.marks("en")), ("7", desc)):
        sh.text(x + 2, ly, f"{key + '. ' if numbered else ''}{ctx.pick(CAPTIONS[key])}", 6.4, kind="label",
                max_w=left_w - 4)  # fmt: skip
        ly += 3.6
        for line in lines:
            for part in sh.wrap(line, left_w - 8, size):
                sh.text(x + 5, ly, part, size, max_w=left_w - 8)
                ly += 3.5
        ly += 1.5
    sh.text(x + 5, ly, "*" * ctx.pick((3, 12, 20)), size)
    ly += 3.5
    # right column: HS code, criterion, quantity, invoice
    rx = x + left_w + 2
    ry = top + 5
    caption("hs", rx, ry)
    sh.text(rx + 2, ry + 3.8, ctx.hs(), size + 0.4, kind="value", field="hs_code")
    ry += 9
    caption("8", rx, ry)
    sh.text(rx + 2, ry + 3.8, criterion, size + 0.4)
    ry += 9
    caption("9", rx, ry)
    ry = _quantity(ctx, rx + 2, ry + 3.8, w - left_w - 6, weights, size, 3.6) + 1.5
    caption("10", rx, ry)
    tw = sh.text(rx + 2, ry + 3.8, s.coo_invoice_ref, size, kind="value", field="invoice_number",
                 max_w=w - left_w - 24)  # fmt: skip
    sh.text(rx + 4 + tw, ry + 3.8, f"{ctx.pick(('dated', 'of', '/'))} {invoice_date}", size, max_w=w - left_w - tw - 8)
    ry += 8
    bottom = max(max(ly, ry) + 2, y + room)
    sh.rect(x, top, w, bottom - top, 0.6)
    sh.vline(x + left_w, top, bottom, 0.3)
    return bottom
