"""A non-preferential certificate of origin in the ten-box layout of Vietnam's C/O Form B (`form_b`), added after
the extractors were built (no extractor was changed for it).

Form B is the certificate Vietnam issues for goods bound to countries that grant it no preference (Circular
05/2018/TT-BCT, Appendix XI), made out in English and typed. Its boxes differ from the preferential forms': the
exporter (1) and the consignee (2) down the left with the departure date, vessel and port of discharge (3) under
them; the reference number, the title and 'Issued in ...' at the top right over the issuing authority's own box
(4: its name, address and country) and a box reserved for the customs of the importing country (5); the goods in
one wide box (6: marks and numbers, packages, description and HS code) beside the gross weight or other quantity
(7) and the number and date of the commercial invoice (8); the issuing authority's certification with place,
date, signature and seal (9) and, last, the exporter's application with its own place, date and signature (10).
There is no origin-criterion column and no item-number column.

The layout is drawn for every lane certified by a chamber: box 4 names the issuing body of the exporter's country
(the VCCI or a regional office of the Ministry of Industry and Trade for Vietnam), and only Vietnamese certificates
carry the words 'FORM B'. Every value a field records is drawn with kind="value"; captions (the wording of the
2018 form or shorter), the boxes' widths and heights, the arrangement of boxes 9 and 10 (side by side or one
above the other) and the goods text vary per document.
"""

from __future__ import annotations

from datetime import timedelta

from samplegen.draw import MM
from samplegen.formatting import country_name
from samplegen.layouts.common import Ctx
from samplegen.layouts.origin_forms import CHAMBERS, producer_line

# Vietnamese certificates come from the VCCI or from a regional office of the Ministry of Industry and Trade.
VN_ISSUERS = (
    ("Vietnam Chamber of Commerce and Industry (VCCI), Hai Phong Branch", ("Hai Phong",)),
    ("Ministry of Industry and Trade, Regional Import-Export Office in Hai Phong", ("Hai Phong",)),
)
# Each box's caption: the wording of the 2018 form first, then shorter ones printed by other issuers.
CAPTIONS: dict[str, tuple[str, ...]] = {
    "1": (
        "Goods consigned from (Exporter's business name, address, country)",
        "Exporter (name, address, country)",
        "Goods consigned from (Exporter's name, address, country)",
    ),
    "2": (
        "Goods consigned to (Consignee's name, address, country)",
        "Consignee (name, address, country)",
        "Goods consigned to (Importer's / Consignee's name, address, country)",
    ),
    "3": ("Means of transport and route (as far as known)", "Departure date, means of transport and route"),
    "4": (
        "Issued by (name of the issuing authority or organisation, address, country)",
        "Issuing authority / organisation (name, address, country)",
    ),
    "5": (
        "For official use (reserved for the customs authority of the importing country)",
        "For official use",
        "Reserved for the customs at the port or place of importation",
    ),
    "6": (
        "Marks and numbers of packages; number and kind of packages; description of goods; HS code",
        "Marks and numbers; number and kind of packages; description of goods (including HS code)",
    ),
    "7": ("Gross weight or other quantity", "Quantity (gross weight or other)"),
    "8": ("Number and date of invoices", "Invoice number(s) and date(s)"),
    "9": ("Certification", "Certification by the issuing authority"),
    "10": ("Declaration by the exporter", "Exporter's declaration and application"),
}
TRANSPORT_LABELS = (
    ("Departure date:", "Vessel's name / Aircraft etc.:", "Port of loading:", "Port of discharge:"),
    ("Departure date:", "Means of transport:", "From:", "To:"),
)


def _issuer(ctx: Ctx) -> tuple[str, list[str]]:
    """The issuing body of box 4 and its address lines (the exporter's country's chamber, or for Vietnam the
    VCCI or the Ministry's office)."""
    s = ctx.s
    if s.declared == "VN":
        name, lines = ctx.pick(VN_ISSUERS)
        return name, [*lines, "Viet Nam"]
    name, city = CHAMBERS.get(s.declared, (f"Chamber of Commerce of {s.seller.city}", s.seller.city))
    return name, [city, country_name(s.declared, "en")]


def _caption(ctx: Ctx, x: float, y: float, w: float, number: str, size: float) -> float:
    """A box caption, its number in bold and its wording wrapped to the box; returns the baseline under it."""
    sh = ctx.sheet
    lx = x + 1.4
    lx += sh.text(lx, y + 3.0, f"{number}.", size + 0.4, bold=True, kind="label") + 1.2
    ly = y + 3.0
    for line in sh.wrap(ctx.pick(CAPTIONS[number]), x + w - lx - 1.2, size):
        sh.text(lx, ly, line, size, kind="label")
        ly += size * 0.42
    return ly + 1.2


def _caption_height(ctx: Ctx, w: float, number: str, size: float) -> float:
    """The height of the longest wording box `number` can print, so that its values always clear it."""
    sh = ctx.sheet
    room = w - 2.6 - sh.text_width(f"{number}.", size + 0.4, True) - 1.2
    return 3.0 + max(len(sh.wrap(c, room, size)) for c in CAPTIONS[number]) * size * 0.42 + 1.2


def _party(ctx: Ctx, x: float, y: float, w: float, h: float, number: str, lines: list[str], field: str,
           size: float) -> None:  # fmt: skip
    sh = ctx.sheet
    sh.rect(x, y, w, h, 0.6)
    ly = _caption(ctx, x, y, w, number, 6.5) + 2.2
    for i, line in enumerate(lines):
        sh.text(x + 3, ly, line, size, bold=i == 0, kind="value" if i == 0 else "static",
                field=field if i == 0 else None, max_w=w - 5)  # fmt: skip
        ly += size * 0.43


def _goods_lines(ctx: Ctx) -> list[tuple[str, str | None]]:
    """Box 6: the marks, then the packages and the description, the lots, the HS code and the closing stars."""
    s = ctx.s
    lines: list[tuple[str, str | None]] = [(m, None) for m in s.marks("en")]
    lines.append(("", None))
    packages = ctx.packages_text(s.packages).upper()
    desc = s.description("en")
    if ctx.rng.random() < 0.5:
        lines.append((f"{packages} ({s.packages}) OF {desc.upper()}", None))
    else:
        lines.append((f"{desc}, {ctx.packages_text(s.packages)}", None))
    if "description" in s.china_text:
        lines.append((s.china_text["description"], None))
    lots = ", ".join(lot.number for lot in s.lots)
    lines.append((f"{ctx.pick(('Lots', 'Lot Nos.', 'Lot No.'))}: {lots}", None))
    lines.append((f"{ctx.pick(('HS code', 'H.S. code', 'HS Code No.'))}: {ctx.hs()}", "hs_code"))
    producer = producer_line(ctx)
    if producer:
        lines.append((producer, None))
    lines.append(("*" * ctx.pick((3, 12, 24)), None))
    return lines


def form_b(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    vn = s.declared == "VN"
    lw = w * ctx.jitter(0.55, 0.03)
    rw = w - lw
    size = ctx.jitter(8.4, 0.3)
    ctx.set("exporter_name", s.seller.name)
    ctx.set("consignee_name", s.buyer.name)
    ctx.set("certificate_number", s.coo_no)

    top = 12.0
    if ctx.rng.random() < 0.7:
        sh.text(sh.width / 2, top - 3.5, "ORIGINAL", 9, bold=True, align="center")

    # ----- left: boxes 1-3 -----
    exporter = [s.seller.name, *s.seller.lines, country_name(s.seller.country, "en").upper()]
    consignee = [s.buyer.name, *s.buyer.lines, country_name(s.buyer.country, "en").upper()]
    cap = max(_caption_height(ctx, lw, n, 6.5) for n in ("1", "2"))
    h1 = max(ctx.jitter(33, 2), cap + 2.2 + len(exporter) * size * 0.43 + 2)
    h2 = max(ctx.jitter(33, 2), cap + 2.2 + len(consignee) * size * 0.43 + 2)
    _party(ctx, x, top, lw, h1, "1", exporter, "exporter_name", size)
    _party(ctx, x, top + h1, lw, h2, "2", consignee, "consignee_name", size)
    y3 = top + h1 + h2
    labels = ctx.pick(TRANSPORT_LABELS)
    transport = s.vessel if labels[1].startswith("Vessel") else f"{s.transport} - {s.vessel}"
    values = (ctx.date(s.departure_date), transport, s.place_loading, s.place_discharge)
    rows = [(label, value) for label, value in zip(labels, values, strict=True)]
    if ctx.rng.random() < 0.4:
        rows.pop(2)  # the 2018 form asks for the departure date, the vessel and the port of discharge only
    h3 = max(ctx.jitter(30, 2), _caption_height(ctx, lw, "3", 6.5) + len(rows) * 4.4 + 3)
    sh.rect(x, y3, lw, h3, 0.6)
    ly = _caption(ctx, x, y3, lw, "3", 6.5) + 2.0
    gap = max(sh.text_width(label, 7.2) for label, _ in rows) + 2.5
    for label, value in rows:
        sh.text(x + 3, ly, label, 7.2, kind="label")
        sh.text(x + 3 + gap, ly, value, size - 0.4, kind="static", max_w=lw - gap - 5)
        ly += 4.4

    # ----- right: reference number and title, boxes 4 and 5 -----
    rx = x + lw
    left_h = h1 + h2 + h3
    ref_label = ctx.pick(("Reference No.", "Reference No.:", "Ref. No."))
    tw = sh.text(rx + 2, top + 5, ref_label, 8, bold=True, kind="label")
    sh.text(rx + 4 + tw, top + 5, s.coo_no, 10, kind="value", field="certificate_number", max_w=rw - tw - 6)
    ty = top + 15
    sh.text(rx + rw / 2, ty, "CERTIFICATE OF ORIGIN", ctx.jitter(12.5, 0.5), bold=True, align="center",
            max_w=rw - 4)  # fmt: skip
    ty += 6
    if vn:
        sh.text(rx + rw / 2, ty, "FORM B", 12, bold=True, align="center")
        ty += 5.5
    sh.text(rx + rw / 2, ty, ctx.pick(("(Non-preferential)", "NON-PREFERENTIAL", "(Non-preferential origin)")), 8,
            align="center")  # fmt: skip
    ty += 5
    issued = f"Issued in {country_name(s.declared, 'en').upper()}"
    sh.text(rx + rw / 2, ty, issued, 8.6, align="center", max_w=rw - 4)
    ty += 4.5
    if ctx.rng.random() < 0.6:
        sh.text(rx + rw / 2, ty, "(See Notes overleaf)", 7, align="center")
    ty += 3
    sh.rect(rx, top, rw, ty - top, 0.6)
    issuer, issuer_lines = _issuer(ctx)
    rest = top + left_h - ty
    h4 = rest * ctx.jitter(0.5, 0.06)
    sh.rect(rx, ty, rw, h4, 0.6)
    ly = _caption(ctx, rx, ty, rw, "4", 6.5) + 1.5
    for line in [*sh.wrap(issuer, rw - 5, 8), *issuer_lines]:
        sh.text(rx + 3, ly, line, 8, kind="static", max_w=rw - 5)
        ly += 3.5
    sh.rect(rx, ty + h4, rw, rest - h4, 0.6)
    _caption(ctx, rx, ty + h4, rw, "5", 6.5)

    # ----- goods: boxes 6, 7, 8 -----
    gy = top + left_h
    w7 = w * ctx.jitter(0.18, 0.015)
    w8 = w * ctx.jitter(0.2, 0.015)
    w6 = w - w7 - w8
    head = max(_caption_height(ctx, bw, n, 6.4) for bw, n in ((w6, "6"), (w7, "7"), (w8, "8")))
    goods = _goods_lines(ctx)
    goods_size = 8.0
    wrapped: list[tuple[str, str | None]] = []
    for text, field in goods:
        if field:
            wrapped.append((text, field))
        else:
            wrapped += [(line, None) for line in sh.wrap(text, w6 - 6, goods_size)] if text else [("", None)]
    foot_h = ctx.jitter(52, 2)
    bottom = sh.height - 14
    gh = max(bottom - foot_h - gy, head + len(wrapped) * 3.6 + 4)
    foot_h = bottom - gy - gh
    sh.rect(x, gy, w, gh, 0.6)
    sh.vline(x + w6, gy, gy + gh, 0.6)
    sh.vline(x + w6 + w7, gy, gy + gh, 0.6)
    sh.hline(x, x + w, gy + head + 0.6, 0.4)
    _caption(ctx, x, gy, w6, "6", 6.4)
    _caption(ctx, x + w6, gy, w7, "7", 6.4)
    _caption(ctx, x + w6 + w7, gy, w8, "8", 6.4)
    vy = gy + head + 4.5
    ly = vy
    for text, field in wrapped:
        if field:
            caption, _, value = text.partition(": ")
            cw = sh.text(x + 3, ly, f"{caption}:", goods_size, kind="label")
            sh.text(x + 4 + cw, ly, value, goods_size, kind="value", field=field, max_w=w6 - cw - 7)
        elif text:
            sh.text(x + 3, ly, text, goods_size, kind="static", max_w=w6 - 5)
        ly += 3.6
    # box 7: the gross weight the form asks for, and the net weight beside it unless the exporter left it out
    wx = x + w6 + 2
    gross_label = ctx.pick(("G.W.:", "Gross:", "Gross weight:"))
    sh.text(wx, vy, gross_label, 7.2, kind="label")
    sh.text(wx, vy + 3.8, ctx.weight(s.gross_kg), goods_size, kind="static", max_w=w7 - 4)
    if s.plan.qty_doc == "certificate_of_origin" or ctx.rng.random() < 0.8:
        sh.text(wx, vy + 9, ctx.pick(("N.W.:", "Net:", "Net weight:")), 7.2, kind="label")
        sh.text(wx, vy + 12.8, ctx.weight(s.coo_net_kg, "net_weight_kg"), goods_size, kind="value",
                field="net_weight_kg", max_w=w7 - 4)  # fmt: skip
    ix = x + w6 + w7 + 2
    ctx.set("invoice_number", s.coo_invoice_ref)
    sh.text(ix, vy, s.coo_invoice_ref, goods_size, kind="value", field="invoice_number", max_w=w8 - 4)
    sh.text(ix, vy + 3.8, ctx.date(s.invoice_date), goods_size, kind="static", max_w=w8 - 4)

    # ----- boxes 9 and 10: the certification, then the exporter's declaration and application -----
    fy = gy + gh
    origin = country_name(s.declared, "en").upper()
    ctx.set("country_of_origin", s.declared)
    ctx.set("issue_date", s.coo_date.isoformat())
    applied = s.coo_date - timedelta(days=ctx.rng.randrange(0, 3))
    cert_text = ctx.pick((
        "It is hereby certified, on the basis of control carried out, that the declaration by the exporter is "
        "correct.",
        "It is hereby certified that the declaration by the exporter is correct.",
    ))  # fmt: skip
    decl_head = ctx.pick((
        "The undersigned hereby declares that the above details and statements are correct; that all the goods "
        "were produced in",
        "The undersigned hereby declares that the above details and statement are correct and that the goods "
        "originate in",
    ))  # fmt: skip
    destination = country_name(s.buyer.country, "en").upper()
    side = ctx.rng.random() < 0.6
    bw = w / 2 if side else w
    h9 = foot_h if side else foot_h * 0.5
    h10 = foot_h if side else foot_h - h9
    x10, y10 = (x + bw, fy) if side else (x, fy + h9)
    # box 9
    sh.rect(x, fy, bw, h9, 0.6)
    ly = _caption(ctx, x, fy, bw, "9", 6.8) + 1.5
    ly = sh.para(x + 3, ly, cert_text, bw - 6, 7.6, leading=3.3) + 1.0
    sh.canvas.setLineWidth(0.6)
    sh.canvas.circle((x + bw - 16) * MM, (sh.height - (fy + h9 - 12)) * MM, 9 * MM)
    # side by side the signature goes above the place and date; in a low full-width box, to their right
    if side:
        sh.scribble(x + 6, fy + h9 - 15, 28, len(s.coo_no) + 2)
    else:
        sh.scribble(x + bw * 0.66, fy + h9 - 10, 28, len(s.coo_no) + 2)
    sh.hline(x + 3, x + bw * 0.62, fy + h9 - 6.5, 0.3)
    place_date = f"{_issuer_city(ctx)}, {ctx.date(s.coo_date)}"
    sh.text(x + 3, fy + h9 - 8.5, place_date, 8.2, kind="value", field="issue_date", max_w=bw * 0.62 - 4)
    sh.text(x + 3, fy + h9 - 3.2, "Place and date, signature and stamp of certifying authority", 6.2,
            kind="label", max_w=bw - 6)  # fmt: skip
    # box 10
    sh.rect(x10, y10, bw, h10, 0.6)
    ly = _caption(ctx, x10, y10, bw, "10", 6.8) + 1.5
    ly = sh.para(x10 + 3, ly, decl_head, bw - 6, 7.4, leading=3.2)
    sh.text(x10 + bw / 2, ly + 0.6, origin, 8.6, bold=True, kind="value", field="country_of_origin",
            align="center", max_w=bw - 8)  # fmt: skip
    sh.text(x10 + bw / 2, ly + 3.8, "(Country)", 6.2, kind="label", align="center")
    ly += 7.5
    if ly + 10 < y10 + h10 - 10:
        sh.text(x10 + 3, ly, f"and that they are exported to {destination}.", 7.4, max_w=bw - 6)
    if side:
        sh.scribble(x10 + bw * 0.45, y10 + h10 - 15, 28, len(s.coo_no))
    else:
        sh.scribble(x10 + bw * 0.6, y10 + h10 - 10, 28, len(s.coo_no))
    sh.hline(x10 + 3, x10 + bw - 4, y10 + h10 - 6.5, 0.3)
    sh.text(x10 + 3, y10 + h10 - 8.5, f"{s.seller.city}, {ctx.date(applied)}", 8, max_w=bw * 0.42)
    sh.text(x10 + 3, y10 + h10 - 3.2, "Place and date, signature of authorised signatory", 6.2, kind="label",
            max_w=bw - 6)  # fmt: skip


def _issuer_city(ctx: Ctx) -> str:
    """The place of issue: the issuing body's city."""
    s = ctx.s
    if s.declared == "VN":
        return "Hai Phong"
    return CHAMBERS.get(s.declared, ("", s.seller.city))[1]
