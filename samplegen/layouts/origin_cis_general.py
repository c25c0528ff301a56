"""A chamber's certificate of origin in the box layout of the CIS forms (`cis_general`), added after the extractors
were built (no extractor was changed for it).

The chambers of commerce and industry of the CIS states issue their certificates of origin on one arrangement of
thirteen boxes, the same for the preferential form ST-1 (trade inside the CIS free trade area), the Eurasian
Economic Union's forms (ST-3 for the EAEU-Iran agreement) and the chambers' general form for every other country,
made out in English or Russian. What the page carries, top to bottom:

* down the left, 1 the exporter (business name, address and country), 2 the consignee or importer, 3 the means of
  transport and route (as far as known);
* at the right, 4 the certificate's number ('No.' and the blank's printed serial), the title 'CERTIFICATE OF
  ORIGIN' with the form's name, 'Issued in ... (country)' and 'For submission in ... (country)' filled in on
  printed lines, then 5 'For official use', left blank or stamped by the chamber;
* the goods as six columns over a tall ruled area: 6 item number, 7 number and kind of packages, 8 description of
  goods, 9 the origin criterion (on the general form the HS code), 10 quantity of goods (gross and net weight),
  11 number and date of the invoice;
* side by side at the foot, 12 the certification ('It is hereby certified, on the basis of control carried out,
  that the declaration by the exporter is correct') and 13 the exporter's declaration that the goods were produced
  in the named country, each closed by a row of four cells: place, date, signature, stamp.

The layout is drawn for every lane a chamber certifies, box 4's form name and the issuing chamber following the
exporter's country ('general form' outside the CIS; a Tajik certificate may carry the Russian title transliterated
under the English one). Every value a field records is drawn with kind="value"; the captions' wording, the boxes'
sizes, the goods columns' widths, column 9's contents and the spacing vary per document. The form is printed in
English.
"""

from __future__ import annotations

from datetime import timedelta

from samplegen.draw import MM
from samplegen.formatting import country_name, fmt_hs
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.origin_forms import CHAMBERS, producer_line

TITLES = ("CERTIFICATE OF ORIGIN", "CERTIFICATE OF ORIGIN OF GOODS")
FORM_NAMES = ("General form", 'Form "General"', "(general form)")
CAPTIONS = {
    "1": ("Exporter (business name, address and country)", "Consignor / Exporter (name, address, country)"),
    "2": ("Consignee / Importer (business name, address and country)", "Consignee (name, address, country)"),
    "3": ("Means of transport and route (as far as known)", "Means of transport and route"),
    "5": ("For official use", "For official use only"),
    "6": ("Item No.", "Items No."),
    "7": ("Number and kind of packages", "Number and kind of packages"),
    "8": ("Description of goods", "Description of goods"),
    "9c": ("Origin criterion", "Origin criterion"),
    "9h": ("HS code", "Code of goods (HS)"),
    "10": ("Quantity of goods (gross / net)", "Gross weight / net weight"),
    "11": ("Number and date of invoice", "Invoice No. and date"),
}
# What a chamber writes as the origin criterion of a refined metal or oxide on a non-preferential certificate.
CRITERIA = ("Sufficient processing", "Substantial transformation", "Fully produced", "Change of HS heading")
CERTIFIED = (
    "It is hereby certified, on the basis of control carried out, that the declaration by the exporter is correct.",
    "It is hereby certified that the declaration by the exporter is correct, on the basis of the control carried out.",
)
DECLARED = (
    "The undersigned hereby declares that the above details and statements are correct, that all the goods were "
    "produced in",
    "The undersigned hereby declares that the above details are correct and that all the goods were produced in",
)


def cis_general(ctx: Ctx) -> None:
    draw_to_fit(ctx, _draw, "CIS-layout certificate of origin", tries=5)


def _box(ctx: Ctx, x: float, y: float, w: float, h: float, number: str, caption: str, size: float) -> float:
    """A ruled box with its number and caption at the top; returns the first value baseline."""
    sh = ctx.sheet
    sh.rect(x, y, w, h, 0.6)
    lines = sh.wrap(f"{number}. {caption}" if number else caption, w - 2.6, size)
    ly = y + 3.0
    for line in lines:
        sh.text(x + 1.3, ly, line, size, kind="label")
        ly += size * 0.42
    return ly + 2.8


def _filled_line(ctx: Ctx, x: float, y: float, w: float, lead: str, value: str, hint: str, size: float,
                 field: str | None = None) -> None:  # fmt: skip
    """'Issued in ____ (country)': the printed lead, the typed value on a rule, the hint under it."""
    sh = ctx.sheet
    lw = sh.text(x, y, lead, size - 0.6, kind="label") + 1.5
    sh.hline(x + lw, x + w, y + 0.8, 0.3)
    sh.text(x + lw + (w - lw) / 2, y - 0.2, value, size + 0.6, bold=True, kind="value" if field else "static",
            field=field, align="center", max_w=w - lw - 2)  # fmt: skip
    sh.text(x + lw + (w - lw) / 2, y + 3.3, hint, size - 2.2, kind="label", align="center")


def _sign_row(ctx: Ctx, x: float, y: float, w: float, h: float, place: str, when: str, size: float,
              field: str | None, seed: int) -> None:  # fmt: skip
    """The four cells closing boxes 12 and 13: place, date, signature, stamp."""
    sh = ctx.sheet
    widths = (w * 0.3, w * 0.24, w * 0.26, w * 0.2)
    cx = x
    for caption, width in zip(("Place", "Date", "Signature", "Stamp"), widths, strict=True):
        sh.rect(cx, y, width, h, 0.5)
        sh.text(cx + width / 2, y + h - 1.4, caption, size - 1.8, kind="label", align="center")
        cx += width
    sh.text(x + 1.4, y + h / 2, place, size - 0.6, max_w=widths[0] - 2.5)
    sh.text(x + widths[0] + 1.4, y + h / 2, when, size - 0.4, kind="value" if field else "static", field=field,
            max_w=widths[1] - 2.5)  # fmt: skip
    sh.scribble(x + widths[0] + widths[1] + 2, y + h / 2 + 1, widths[2] - 5, seed)


def _draw(ctx: Ctx, squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    k = 1 - 0.08 * squeeze
    cap = ctx.jitter(6.6, 0.2)
    val = ctx.jitter(8.6, 0.3) - 0.3 * squeeze
    step = val * 0.43
    wording = rng.randrange(2)

    def say(key: str) -> str:
        return CAPTIONS[key][wording]

    ctx.set("exporter_name", s.seller.name)
    ctx.set("consignee_name", s.buyer.name)
    ctx.set("certificate_number", s.coo_no)
    ctx.set("invoice_number", s.coo_invoice_ref)
    chamber, city = CHAMBERS.get(s.declared, ("Chamber of Commerce and Industry", s.seller.city))

    # ----- 1-3 down the left, 4-5 at the right -----
    top = ctx.jitter(14, 1.2)
    lw = w * ctx.jitter(0.52, 0.02)
    rw = w - lw

    def fits(lines: int) -> float:
        return 6.0 + cap * 0.42 + lines * step + 1.5

    h1 = max(ctx.jitter(27, 2) * k, fits(len(s.seller.lines) + 2))
    h2 = max(ctx.jitter(27, 2) * k, fits(len(s.buyer.lines) + 2))
    h3 = max(ctx.jitter(19, 1.5) * k, fits(3))
    vy = _box(ctx, x, top, lw, h1, "1", say("1"), cap)
    sh.lines(x + 2.5, vy, ctx.party_lines(s.seller), val, field="exporter_name", step=step, max_w=lw - 4)
    vy = _box(ctx, x, top + h1, lw, h2, "2", say("2"), cap)
    sh.lines(x + 2.5, vy, ctx.party_lines(s.buyer), val, field="consignee_name", step=step, max_w=lw - 4)
    vy = _box(ctx, x, top + h1 + h2, lw, h3, "3", say("3"), cap)
    route = [f"{s.transport}: {s.vessel}", f"{s.place_loading} - {s.place_discharge}"]
    if rng.random() < 0.6:
        route.append(f"Departure: {ctx.date(s.departure_date)}")
    sh.lines(x + 2.5, vy, route, val - 0.3, kind="static", step=step, max_w=lw - 4)

    h4 = h1 + h2 + ctx.jitter(2, 1.5)
    rx = x + lw
    sh.rect(rx, top, rw, h4, 0.6)
    ny = top + 5.5
    nl = sh.text(rx + 1.3, ny, "4. No.", val, bold=True, kind="label") + 2.5
    sh.hline(rx + 1.3 + nl, rx + rw * 0.62, ny + 0.8, 0.3)
    sh.text(rx + 1.3 + nl + 1, ny - 0.1, s.coo_no, val + 1.4, bold=True, kind="value", field="certificate_number",
            max_w=rw * 0.62 - nl - 3)  # fmt: skip
    serial = f"{rng.randrange(0, 10)}{rng.randrange(0, 1000000):06d}"  # the blank's printed serial number
    sh.text(rx + rw - 2, ny, serial, val - 0.5, align="right")
    cx = rx + rw / 2
    ty = top + h4 * 0.34
    sh.text(cx, ty, ctx.pick(TITLES), ctx.jitter(11.5, 0.5), bold=True, align="center", max_w=rw - 4)
    sub = ctx.pick(FORM_NAMES)
    if s.declared == "TJ" and rng.random() < 0.6:  # the Russian title transliterated under the English one
        sh.text(cx, ty + 4.2, "SERTIFIKAT O PROISKHOZHDENII TOVARA", cap, align="center", max_w=rw - 4)
        ty += 3.4
    sh.text(cx, ty + 4.6, sub, val - 0.4, align="center")
    origin = ctx.country(s.declared, upper=rng.random() < 0.6, field="country_of_origin")
    fy = ty + 4.6 + max(8.0, (top + h4 - ty - 4.6) * 0.42)
    _filled_line(ctx, rx + 3, fy, rw - 6, "Issued in", origin, "(country)", val)
    dest = country_name(s.buyer.country, "en", upper=rng.random() < 0.6)
    _filled_line(ctx, rx + 3, fy + 8.5 * k, rw - 6, "For submission in", dest, "(country)", val)
    h5 = h1 + h2 + h3 - h4
    vy = _box(ctx, rx, top + h4, rw, h5, "5", say("5"), cap)
    if rng.random() < 0.4:
        sh.text(rx + 3, vy + 1, f"Reg. No. {s.coo_no.split('/')[-1]}", val - 1, max_w=rw - 6)
    y = top + h1 + h2 + h3

    # ----- 6-11 the goods -----
    y = _goods(ctx, y, cap, val, step, k)

    # ----- 12 certification and 13 declaration side by side -----
    half = w / 2
    bh = ctx.jitter(46, 2) * k
    row_h = ctx.jitter(13, 1) * k
    vy = _box(ctx, x, y, half, bh, "12", "Certification", cap + 0.4)
    vy = sh.para(x + 2.5, vy, ctx.pick(CERTIFIED), half - 5, val - 0.9, (val - 0.9) * 0.44)
    sh.text(x + 2.5, vy + 1.5, chamber, val - 0.9, max_w=half - 5)
    sh.canvas.setLineWidth(0.6)
    sh.canvas.circle((x + half * 0.88) * MM, (sh.height - (y + bh - row_h - 7.5)) * MM, 6.5 * MM)
    ctx.set("issue_date", s.coo_date.isoformat())
    _sign_row(ctx, x, y + bh - row_h, half, row_h, city, ctx.date(s.coo_date), val, "issue_date", len(s.coo_no))

    vy = _box(ctx, x + half, y, half, bh, "13", "Declaration by the exporter", cap + 0.4)
    vy = sh.para(x + half + 2.5, vy, ctx.pick(DECLARED), half - 5, val - 0.9, (val - 0.9) * 0.44)
    sh.hline(x + half + 8, x + w - 8, vy + 1.4, 0.3)
    sh.text(x + half + half / 2, vy + 0.6, origin, val + 0.2, bold=True, kind="value", field="country_of_origin",
            align="center", max_w=half - 18)  # fmt: skip
    sh.text(x + half + half / 2, vy + 3.8, "(country)", cap - 1, kind="label", align="center")
    sh.para(x + half + 2.5, vy + 7.5, "and that they comply with the rules of origin of that country.", half - 5,
            val - 0.9)  # fmt: skip
    declared = max(s.coo_date - timedelta(days=rng.randrange(0, 3)), s.invoice_date)
    _sign_row(ctx, x + half, y + bh - row_h, half, row_h, s.seller.city, ctx.date(declared), val, None,
              len(s.seller.name))  # fmt: skip
    return y + bh


def _goods(ctx: Ctx, y: float, cap: float, val: float, step: float, k: float) -> float:
    """Boxes 6-11 as six columns over a tall ruled area; returns the y under it."""
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    hs_column = rng.random() < 0.5  # the general form's column 9 carries the HS code, ST-1's the origin criterion
    fractions = [0.07, ctx.jitter(0.15, 0.01), 0.0, 0.14 if hs_column else 0.15, 0.16, 0.15]
    fractions[2] = 1 - sum(fractions)
    widths = [f * w for f in fractions]
    keys = ["6", "7", "8", "9h" if hs_column else "9c", "10", "11"]
    captions = [sh.wrap(f"{key[:-1] if key.startswith('9') else key}. {CAPTIONS[key][rng.randrange(2)]}",
                        cw - 2.4, cap) for key, cw in zip(keys, widths, strict=True)]  # fmt: skip
    head = max(ctx.jitter(9, 0.5), 3.0 + max(map(len, captions)) * cap * 0.42 + 1)
    body = ctx.jitter(66, 5) * k
    cx = x
    for lines, cw in zip(captions, widths, strict=True):
        sh.rect(cx, y, cw, head, 0.6)
        sh.rect(cx, y + head, cw, body, 0.6)
        ly = y + 3.0
        for line in lines:
            sh.text(cx + 1.2, ly, line, cap, kind="label")
            ly += cap * 0.42
        cx += cw
    ty = y + head + 4.5
    cols = [x + sum(widths[:i]) for i in range(6)]
    sh.text(cols[0] + widths[0] / 2, ty, "1", val, align="center")
    sh.para(cols[1] + 1.5, ty, ctx.packages_text(s.packages), widths[1] - 3, val - 0.3, step)
    upper = rng.random() < 0.6
    desc = s.description("en")
    # capitals keep the chemical symbols as written
    desc = desc.upper().replace("SB2O3", "Sb2O3").replace("SB ", "Sb ") if upper else desc
    dy = sh.para(cols[2] + 1.5, ty, desc, widths[2] - 3, val - 0.2, step)
    ctx.set("hs_code", s.hs6)
    hs_text = fmt_hs(s.hs6, ctx.st.hs_style)
    if hs_column:
        sh.text(cols[3] + 1.5, ty, hs_text, val, kind="value", field="hs_code", max_w=widths[3] - 3)
    else:
        sh.para(cols[3] + 1.5, ty, ctx.pick(CRITERIA), widths[3] - 3, val - 0.6, step)
        sh.text(cols[2] + 1.5, dy + 0.6, f"HS code: {hs_text}", val - 0.2, kind="value", field="hs_code",
                max_w=widths[2] - 3)  # fmt: skip
        dy += step + 0.6
    lots = ", ".join(lot.number for lot in s.lots)
    extra = [f"Lots: {lots}"] if rng.random() < 0.6 else []
    producer = producer_line(ctx)
    if producer:
        extra.append(producer)
    marks = s.marks("en")
    if rng.random() < 0.5:
        extra.append(f"Marks: {' / '.join(marks)}")
    for line in extra:
        dy = sh.para(cols[2] + 1.5, dy + 0.8, line, widths[2] - 3, val - 0.8, step)
    if rng.random() < 0.6:
        sh.text(cols[2] + 1.5, dy + 1.5, ctx.pick(("*" * 20, "- " * 12, "=== END ===")), val - 0.6)
    qx = cols[4] + 1.5
    sh.text(qx, ty, "Gross:", val - 1.2, kind="label")
    sh.text(qx, ty + step, ctx.weight(s.gross_kg), val - 0.2, max_w=widths[4] - 3)
    sh.text(qx, ty + 2.6 * step, "Net:", val - 1.2, kind="label")
    sh.text(qx, ty + 3.6 * step, ctx.weight(s.coo_net_kg, "net_weight_kg"), val - 0.2, kind="value",
            field="net_weight_kg", max_w=widths[4] - 3)  # fmt: skip
    ix = cols[5] + 1.5
    sh.text(ix, ty, s.coo_invoice_ref, val - 0.2, kind="value", field="invoice_number", max_w=widths[5] - 3)
    sh.text(ix, ty + step, ctx.date(s.invoice_date), val - 0.2, max_w=widths[5] - 3)
    return y + head + body
