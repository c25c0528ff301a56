"""Certificates of origin of regional agreements, added after the extractors were built (no extractor was
changed for them).

* `aladi_ace36`: the ALADI certificate under ACE 36 (MERCOSUR-Bolivia), in Spanish: exporting and importing
  country at the head, numbered goods lines ('N° de orden', NALADISA code, description) with the 'Normas de
  origen' column holding the origin criterion (a rule reference, not a country), the exporter's declaration
  and the certifying entity's certification (SENAVEX) with place and date.
* `rcep`: the RCEP certificate of origin (Annex 3B minimum information), numbered boxes 1-13; box 9 'Origin
  conferring criterion' holds a code (WO, PE, CTC, RVC), box 10 'RCEP country of origin' the country.
* `aic_pacific`: a Pacific Alliance / CPTPP-style certification in Spanish with English sub-captions:
  numbered fields for exporter, producer and importer with their fiscal numbers, a goods grid with the HS
  subheading (6 digits), origin criterion and country of origin, and the declaration with date.

Every value a field records is drawn with kind="value"; wording, spacing and box sizes vary per document.
"""

from __future__ import annotations

from datetime import timedelta

from samplegen.draw import MM, Cell, Column
from samplegen.formatting import country_name
from samplegen.layouts.common import Ctx

CERTIFYING = {
    "BO": ("Servicio Nacional de Verificación de Exportaciones - SENAVEX", "La Paz"),
    "TH": ("Department of Foreign Trade, Ministry of Commerce", "Nonthaburi"),
    "MX": ("Secretaría de Economía", "Ciudad de México"),
}


def _producer(ctx: Ctx, label: str) -> str | None:
    """The producer line a certificate may carry: the laundered producer's Chinese address, or the real
    smelter when the plan names one at home."""
    s = ctx.s
    if "producer" in s.china_text:
        return f"{label}: {s.china_text['producer']}"
    if s.plan.named and s.smelter.country == s.declared and "producer" in ctx.st.flags:
        return f"{label}: " + ", ".join(p for p in (s.smelter.printed, s.smelter.place) if p)
    return None


def _box(ctx: Ctx, x: float, y: float, w: float, h: float, caption: str, size: float = 6.6) -> float:
    """A ruled box with its caption wrapped at the top; returns the baseline for its first value line."""
    sh = ctx.sheet
    sh.rect(x, y, w, h, 0.5)
    ly = y + 3.0
    for line in sh.wrap(caption, w - 2.6, size):
        sh.text(x + 1.3, ly, line, size, kind="label")
        ly += size * 0.42
    return ly + 3.2


def _weights(ctx: Ctx, unit: str) -> tuple[str, str]:
    s = ctx.s
    return ctx.weight_as(s.gross_kg, unit), ctx.weight_as(s.coo_net_kg, unit, "net_weight_kg")


def aladi_ace36(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    sh.text(sh.width / 2, 14, "ASOCIACIÓN LATINOAMERICANA DE INTEGRACIÓN", 9.5, bold=True, align="center")
    sh.text(sh.width / 2, 18.5, "ASSOCIAÇÃO LATINO-AMERICANA DE INTEGRAÇÃO", 7.5, align="center")
    sh.text(sh.width / 2, 26, "CERTIFICADO DE ORIGEN", 13, bold=True, align="center")
    sh.text(sh.width / 2, 31, ctx.pick(("Acuerdo de Complementación Económica N° 36 MERCOSUR - Bolivia",
                                        "ACE N° 36 - MERCOSUR / BOLIVIA")), 8.5, align="center")  # fmt: skip
    ctx.set("certificate_number", s.coo_no)
    ctx.label_value(ctx.right - 50, 38, ctx.pick(("N°", "Número:", "N° de certificado:")), s.coo_no,
                    "certificate_number", gap=18)  # fmt: skip
    half = w / 2
    top = _box(ctx, x, 41, half, 11, "PAÍS EXPORTADOR:")
    sh.text(x + 3, top, country_name(s.declared, "es", upper=True), 9, kind="static")
    top = _box(ctx, x + half, 41, half, 11, "PAÍS IMPORTADOR:")
    sh.text(x + half + 3, top, country_name(s.buyer.country, "es", upper=True), 9, kind="static")
    y = 52.0
    cols = [
        Column("N° de orden", w * 0.1),
        Column("NALADISA", w * 0.14),
        Column("Denominación de las mercaderías", w * 0.46),
        Column("Peso o cantidad", w * 0.16, "right"),
        Column("Valor FOB (US$)", w * 0.14, "right"),
    ]
    unit = ctx.pick(("kg", "KG", "TM"))
    net = ctx.weight_as(s.coo_net_kg, unit, "net_weight_kg")
    goods = f"{ctx.packages_text(s.packages).upper()} DE {s.description('es').upper()}"
    row = [
        Cell("1", "static"),
        Cell(ctx.hs(six_digits=True), field="hs_code"),
        Cell("\n".join(sh.wrap(goods, w * 0.46 - 3, 7.8))),
        Cell(net, field="net_weight_kg"),
        Cell(ctx.num(s.total_amount, 2), "static"),
    ]
    y = sh.table(x, y, cols, [row], size=7.8, line_h=3.4) + 3
    # the origin criterion column: a rule of the agreement, never a country
    cols = [Column("N° de orden", w * 0.1), Column("Normas de origen", w * 0.9)]
    criterion = ctx.pick(("Art. 2, literal a)", "Anexo 9, Art. 2 a)", "Cap. II, Art. 2 lit. b)", "Art. 3 c)"))
    y = sh.table(x, y, cols, [[Cell("1", "static"), Cell(criterion, "static")]], size=7.8) + 4
    ctx.set("invoice_number", s.coo_invoice_ref)
    ctx.label_value(x, y, ctx.pick(("Factura comercial N°:", "Factura N°:")), s.coo_invoice_ref, "invoice_number",
                    gap=38)  # fmt: skip
    sh.text(x + w * 0.6, y, f"Fecha: {ctx.date(s.invoice_date)}", 8.4)
    y += 5
    sh.text(x, y, f"Peso bruto: {ctx.weight_as(s.gross_kg, unit)}", 8.4)
    y += 5
    producer = _producer(ctx, "Productor")
    if producer:
        y = sh.para(x, y, producer, w, 8.2, kind="value") + 1
    y += 2
    hh = ctx.jitter(50, 3)
    top = _box(ctx, x, y, half, hh, "DECLARACIÓN DE ORIGEN")
    ctx.set("exporter_name", s.seller.name)
    ly = sh.para(x + 2, top, "DECLARAMOS que las mercaderías indicadas en el presente formulario, correspondientes a "
                 "la Factura Comercial arriba indicada, cumplen con lo establecido en las normas de origen del "
                 "presente Acuerdo, y son originarias de", half - 4, 6.9)  # fmt: skip
    sh.text(x + half / 2, ly + 2, ctx.country(s.declared, upper=True, field="country_of_origin"), 9.2,
            kind="value", field="country_of_origin", align="center")  # fmt: skip
    sh.text(x + 2, ly + 8, "Razón social:", 7, bold=True, kind="label")
    sh.text(x + 2, ly + 12, s.seller.name, 8.2, kind="value", field="exporter_name", max_w=half - 4)
    exporter_day = s.coo_date - timedelta(days=ctx.rng.randrange(0, 3))
    sh.text(x + 2, y + hh - 4, f"Fecha: {ctx.date(exporter_day)}", 7.8)
    sh.scribble(x + half - 40, y + hh - 8, 28, len(s.coo_no))
    top = _box(ctx, x + half, y, half, hh, "CERTIFICACIÓN DE ORIGEN")
    ly = sh.para(x + half + 2, top, "Certificamos la veracidad de la declaración que antecede, de acuerdo con la "
                 "legislación vigente.", half - 4, 6.9)  # fmt: skip
    entity, city = CERTIFYING.get(s.declared, (f"Entidad certificadora de {s.declared}", s.seller.city))
    ly = sh.para(x + half + 2, ly + 2, entity, half - 4, 7.6, kind="static")
    ctx.set("issue_date", s.coo_date.isoformat())
    label = ctx.pick(("Lugar y fecha:", "Fecha:", ""))
    text = f"{city}, {ctx.date(s.coo_date)}"
    sh.text(x + half + 2, ly + 4, f"{label} {text}".strip(), 8.4, kind="value", field="issue_date", max_w=half - 4)
    sh.canvas.setLineWidth(0.6)
    sh.canvas.circle((x + w - 18) * MM, (sh.height - (y + hh - 12)) * MM, 9 * MM)
    y += hh + 3
    ctx.set("consignee_name", s.buyer.name)
    ctx.label_value(x, y + 3, ctx.pick(("Importador:", "Destinatario:")), s.buyer.name, "consignee_name", gap=26,
                    max_w=w - 28)  # fmt: skip
    sh.text(x, y + 8, ", ".join([*s.buyer.lines, country_name(s.buyer.country, "es")]), 7.8, max_w=w)
    sh.text(x, y + 14, "Observaciones: " + ctx.pick(("Ninguna", "-", f"Transporte: {s.transport}")), 7.8)


RCEP_CAPTIONS = (
    "1. Exporter's name, address and country",
    "2. Producer's name and address, if known",
    "3. Importer's or consignee's name, address and country",
    "4. Means of transport and route (if known)",
    "5. For official use",
)


def rcep(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    lw = w * ctx.jitter(0.55, 0.03)
    rw = w - lw
    ctx.set("certificate_number", s.coo_no)
    y = 12.0
    h = ctx.jitter(27, 2)
    ctx.set("exporter_name", s.seller.name)
    top = _box(ctx, x, y, lw, h, RCEP_CAPTIONS[0])
    sh.lines(x + 2.5, top, ctx.party_lines(s.seller), 8.2, field="exporter_name", max_w=lw - 4)
    sh.rect(x + lw, y, rw, h * 2 + 4, 0.5)
    sh.text(x + lw + 2, y + 5, ctx.pick(("Certificate No.", "Certificate No.:", "CO No.")), 7.6, bold=True,
            kind="label")  # fmt: skip
    sh.text(x + lw + 2, y + 10, s.coo_no, 9.5, kind="value", field="certificate_number", max_w=rw - 4)
    cx = x + lw + rw / 2
    for i, line in enumerate(("REGIONAL COMPREHENSIVE", "ECONOMIC PARTNERSHIP AGREEMENT", "CERTIFICATE OF ORIGIN")):
        sh.text(cx, y + 22 + i * 5, line, 9 if i < 2 else 11, bold=i == 2, align="center", max_w=rw - 4)
    sh.text(cx, y + 40, f"Issued in {country_name(s.declared, 'en')}", 8.2, align="center")
    sh.text(cx, y + 45, "(see Overleaf Notes)", 7, align="center")
    y += h
    top = _box(ctx, x, y, lw, h * 0.6 + 4, RCEP_CAPTIONS[1])
    producer = _producer(ctx, "Producer") or ctx.pick(("AVAILABLE UPON REQUEST", "SAME AS EXPORTER", "-"))
    sh.para(x + 2.5, top, producer.removeprefix("Producer: "), lw - 4, 7.8, kind="value")
    y += h * 0.6 + 4
    ctx.set("consignee_name", s.buyer.name)
    top = _box(ctx, x, y, lw, h, RCEP_CAPTIONS[2])
    sh.lines(x + 2.5, top, ctx.party_lines(s.buyer), 8.2, field="consignee_name", max_w=lw - 4)
    _box(ctx, x + lw, y - h * 0.6 + 4 + 0, rw, h * 0.6 + h - 4, RCEP_CAPTIONS[4])
    y += h
    top = _box(ctx, x, y, lw, 24, RCEP_CAPTIONS[3])
    sh.lines(x + 2.5, top, [f"Departure date: {ctx.date(s.departure_date)}", f"Vessel: {s.vessel}",
                            f"Port of discharge: {s.place_discharge}"], 7.8, kind="static", max_w=lw - 4)  # fmt: skip
    sh.rect(x + lw, y, rw, 24, 0.5)
    y += 24
    widths = [w * 0.07, w * 0.15, w * 0.28, w * 0.11, w * 0.11, w * 0.11, w * 0.17]
    widths[-1] = w - sum(widths[:-1])
    heads = [
        "6. Item number",
        "7. Marks and numbers on packages",
        "8. Number and kind of packages; and description of goods",
        "9. HS Code of the goods (6 digit-level)",
        "10. Origin Conferring Criterion",
        "11. RCEP Country of Origin",
        "12. Quantity (Gross weight or other measurement), and value (FOB) where RVC is applied",
    ]
    head_h = 17.0
    cx = x
    for width, head in zip(widths, heads, strict=True):
        _box(ctx, cx, y, width, head_h, head, 5.9)
        cx += width
    y += head_h
    body_h = ctx.jitter(62, 4)
    cx = x
    for width in widths:
        sh.rect(cx, y, width, body_h, 0.5)
        cx += width
    by = y + 5
    sh.text(x + 2.5, by, "1", 8.5)
    marks = [part for line in s.marks("en") for part in sh.wrap(line, widths[1] - 2.5, 7)]
    sh.lines(x + widths[0] + 1.2, by, marks, 7, kind="static")
    gx = x + sum(widths[:2]) + 1.2
    goods = f"{ctx.packages_text(s.packages).upper()} OF {s.description('en').upper()}"
    gy = sh.lines(gx, by, sh.wrap(goods, widths[2] - 2.5, 7.6), 7.6, kind="static", step=3.4)
    sh.para(gx, gy + 2, f"INVOICE NO. {s.coo_invoice_ref} DATED {ctx.date(s.invoice_date)}", widths[2] - 2.5, 7.4,
            kind="value", field="invoice_number")  # fmt: skip
    ctx.set("invoice_number", s.coo_invoice_ref)
    hx = x + sum(widths[:3]) + 1.2
    sh.text(hx, by, ctx.hs(six_digits=True), 8, kind="value", field="hs_code", max_w=widths[3] - 2.4)
    sh.text(x + sum(widths[:4]) + 1.2, by, ctx.pick(("WO", "PE", "CTH", "RVC 40%")), 8, kind="static")
    ctx.set("country_of_origin", s.declared)
    ox = x + sum(widths[:5]) + 1.2
    origin = country_name(s.declared, "en", upper=True)
    sh.lines(ox, by, sh.wrap(origin, widths[5] - 2.4, 8), 8, field="country_of_origin", step=3.5)
    qx = x + sum(widths[:6]) + 1.2
    unit = ctx.pick(("KGS", "kg", "MT"))
    gross, net = _weights(ctx, unit)
    lines = [
        ("G.W.", "static", None),
        (gross, "static", None),
        ("N.W.", "static", None),
        (net, "value", "net_weight_kg"),
    ]
    for i, (text, kind, field) in enumerate(lines):
        sh.text(qx, by + i * 3.8, text, 7.6, kind=kind, field=field, max_w=widths[6] - 2.4)
    y += body_h
    hh = ctx.jitter(44, 3)
    half = w / 2
    top = _box(ctx, x, y, half, hh, "13. Declaration by the exporter or producer")
    ly = sh.para(x + 2, top, "The undersigned hereby declares that the above details and statement are correct "
                 "and that the goods covered in this Certificate comply with the requirements specified for these "
                 "goods in the Regional Comprehensive Economic Partnership Agreement. These goods are exported to",
                 half - 4, 6.6)  # fmt: skip
    sh.text(x + half / 2, ly + 2, country_name(s.buyer.country, "en", upper=True), 8.6, align="center")
    exporter_day = s.coo_date - timedelta(days=ctx.rng.randrange(0, 3))
    sh.text(x + 2, y + hh - 4, f"{s.seller.city}, {ctx.date(exporter_day)}", 7.8)
    sh.scribble(x + half - 38, y + hh - 9, 26, len(s.coo_no))
    top = _box(ctx, x + half, y, half, hh, "14. Certification")
    ly = sh.para(x + half + 2, top, "On the basis of control carried out, it is hereby certified that the "
                 "information herein is correct and that the goods described comply with the origin requirements "
                 "specified in the Regional Comprehensive Economic Partnership Agreement.", half - 4, 6.6)  # fmt: skip
    authority, city = CERTIFYING.get(s.declared, (f"Issuing body of {s.declared}", s.seller.city))
    ly = sh.para(x + half + 2, ly + 2, authority, half - 4, 7.4, kind="static")
    ctx.set("issue_date", s.coo_date.isoformat())
    sh.text(x + half + 2, ly + 4, f"{city}, {ctx.date(s.coo_date)}", 8.4, kind="value", field="issue_date",
            max_w=half - 4)  # fmt: skip
    sh.text(x + half + 2, y + hh - 2, "Place and date, signature and seal of the issuing body", 6, kind="label")


def aic_pacific(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    agreement = ctx.pick((
        ("ALIANZA DEL PACÍFICO", "Protocolo Adicional al Acuerdo Marco - Capítulo 4"),
        ("TRATADO INTEGRAL Y PROGRESISTA DE ASOCIACIÓN TRANSPACÍFICO (CPTPP)", "Certificación de origen / "
         "Certification of origin"),
    ))  # fmt: skip
    sh.text(sh.width / 2, 14, agreement[0], 9.5, bold=True, align="center", max_w=w)
    sh.text(sh.width / 2, 19, agreement[1], 7.8, align="center", max_w=w)
    sh.text(sh.width / 2, 27, "CERTIFICADO DE ORIGEN / CERTIFICATE OF ORIGIN", 11.5, bold=True, align="center")
    ctx.set("certificate_number", s.coo_no)
    ctx.label_value(ctx.right - 62, 33, "Certificado N° / No.:", s.coo_no, "certificate_number", gap=32, size=8.4)
    half = w / 2
    h = ctx.jitter(30, 2)
    y = 37.0

    def party(bx: float, by: float, caption: str, lines: list[str], tax: str, field: str | None) -> None:
        top = _box(ctx, bx, by, half, h, caption)
        end = sh.lines(bx + 2.5, top, lines, 8, field=field, max_w=half - 4)
        sh.text(bx + 2.5, min(end, by + h - 2), f"N° de registro fiscal / Tax ID: {tax}", 7, kind="static",
                max_w=half - 4)  # fmt: skip

    ctx.set("exporter_name", s.seller.name)
    party(x, y, "1. Nombre y domicilio del exportador / Exporter's name and address",
          [s.seller.name, *s.seller.lines], s.seller.tax_id.split()[-1], "exporter_name")  # fmt: skip
    producer = _producer(ctx, "Productor")
    prod_lines = (
        [producer.split(": ", 1)[1]]
        if producer
        else [ctx.pick(("IGUAL QUE EL EXPORTADOR", "DISPONIBLE A SOLICITUD", "VARIOS"))]
    )
    top = _box(ctx, x + half, y, half, h, "2. Nombre y domicilio del productor / Producer's name and address")
    sh.lines(x + half + 2.5, top, sh.wrap(prod_lines[0], half - 5, 8), 8, kind="value", max_w=half - 4)  # fmt: skip
    y += h
    ctx.set("consignee_name", s.buyer.name)
    party(x, y, "3. Nombre y domicilio del importador / Importer's name and address",
          [s.buyer.name, *s.buyer.lines, ctx.country(s.buyer.country)], s.buyer.tax_id.split()[-1] if s.buyer.tax_id
          else "-", "consignee_name")  # fmt: skip
    top = _box(ctx, x + half, y, half, h, "4. Factura comercial / Commercial invoice")
    ctx.set("invoice_number", s.coo_invoice_ref)
    sh.text(x + half + 2.5, top, f"N°: {s.coo_invoice_ref}", 8.4, kind="value", field="invoice_number")
    sh.text(x + half + 2.5, top + 4, f"{ctx.t('Date', 'Fecha')}: {ctx.date(s.invoice_date)}", 8.2)
    y += h + 3
    cols = [
        Column("5. Descripción / Description", w * 0.34),
        Column("6. Clasificación SA (6 dígitos)", w * 0.16),
        Column("7. Criterio / Criterion", w * 0.12),
        Column("8. País de origen / Country", w * 0.17),
        Column("9. Cantidad / Quantity", w * 0.21, "right"),
    ]
    ctx.set("country_of_origin", s.declared)
    unit = ctx.pick(("kg", "KG", "TM"))
    origin = ctx.pick((country_name(s.declared, "es", upper=True), country_name(s.declared, "en", upper=True),
                       s.declared))  # fmt: skip
    row = [
        Cell("\n".join(sh.wrap(f"{s.description(ctx.lang)}; {ctx.packages_text(s.packages)}", w * 0.34 - 3, 7.8))),
        Cell(ctx.hs(six_digits=True), field="hs_code"),
        Cell(ctx.pick(("A", "B", "C", "PE", "TLC")), "static"),
        Cell(origin, field="country_of_origin"),
        Cell(ctx.weight_as(s.coo_net_kg, unit, "net_weight_kg") + " " + ctx.t("net", "neto"), field="net_weight_kg"),
    ]
    y = sh.table(x, y, cols, [row], size=7.8, line_h=3.4) + 4
    sh.text(x, y, f"{ctx.t('Gross weight', 'Peso bruto')}: {ctx.weight_as(s.gross_kg, unit)}", 8)
    y += 6
    hh = ctx.jitter(42, 3)
    top = _box(ctx, x, y, w, hh, "10. Declaración del exportador o productor / Declaration by the exporter or "
               "producer")  # fmt: skip
    ly = sh.para(
        x + 2,
        top,
        "Declaro bajo juramento que las mercancías descritas califican como originarias y que "
        "la información contenida en este documento es verdadera y exacta. / I certify that the goods "
        "described qualify as originating and that the information is true and accurate.",
        w - 4,
        7,
    )
    ctx.set("issue_date", s.coo_date.isoformat())
    ctx.label_value(x + 2, ly + 4, "Lugar y fecha / Place and date:", f"{s.seller.city}, {ctx.date(s.coo_date)}",
                    "issue_date", gap=52, size=8.4)  # fmt: skip
    sh.scribble(x + w - 60, y + hh - 10, 34, len(s.coo_no))
    sh.text(x + 2, y + hh - 3, f"{s.seller.person}, {s.seller.title}", 7.8)
