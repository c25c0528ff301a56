"""The certificate of origin of the MERCOSUR-Bolivia agreement (`mercosur_bolivia`), added after the extractors were
built (no extractor was changed for it).

Bolivian exports to the MERCOSUR countries under the Economic Complementation Agreement No. 36 travel with the
agreement's own certificate, which the issuing entity (SENAVEX and its regional offices) fills in through its
electronic form: the MERCOSUR model of numbered fields rather than the generic ALADI form of `aladi_ace36`. What the
page carries, in Spanish, top to bottom:

* 'CERTIFICADO DE ORIGEN' and the agreement 'celebrado entre los gobiernos de los Estados Partes del MERCOSUR y el
  gobierno de la República de Bolivia';
* down the left, 1 the final producer or exporter, 2 the importer, 3 the consignee (named again, or 'el mismo');
  at the right, the certificate's identification (its number) over the name, address and country of the issuing
  entity;
* 4 the port or place of shipment (city and country), 5 the country of destination, 6 the means of transport and
  7 the commercial invoice's number and date, across the page or two by two;
* the goods: 8 item number (A), 9 NALADISA code, 10 description (B), 11 net weight or quantity, 12 FOB value in
  US dollars, the rest of the ruled area left blank; then the item number beside 13 the rule of origin (C) it
  meets, a provision of the agreement's origin regime, never a country;
* 14 remarks (the lots, the wagon, the gross weight or nothing);
* under 'CERTIFICACIÓN DE ORIGEN', 15 the producer's or exporter's declaration that the goods were produced in the
  named country and meet the agreement's origin conditions, with its date, seal and signature, beside 16 the
  certification of the authorised entity ('Certificamos la veracidad de la declaración que antecede ...') with the
  only date of issue, seal and signature;
* 'VER AL DORSO' and the ISO/A4 format note at the foot (the notes on the back are not drawn).

The lanes are Bolivia's to Brazil. Every value a field records is drawn with kind="value"; the boxes' heights, the
arrangement of fields 4-7, the consignee's entry, the goods' wording, the remarks and the spacing vary per document.
"""

from __future__ import annotations

from datetime import timedelta

from samplegen.draw import MM
from samplegen.formatting import fmt_hs
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.origin_regional import _producer

AGREEMENT = (
    ("ACUERDO DE COMPLEMENTACIÓN ECONÓMICA CELEBRADO ENTRE LOS GOBIERNOS DE LOS ESTADOS PARTES",
     "DEL MERCOSUR Y EL GOBIERNO DE LA REPÚBLICA DE BOLIVIA"),
    ("ACUERDO DE COMPLEMENTACIÓN ECONÓMICA N° 36", "MERCOSUR - BOLIVIA"),
)  # fmt: skip
AGREEMENT_SHORT = ("Acuerdo de Complementación Económica N° 36", "ACE N° 36 MERCOSUR - Bolivia",
                   "Acuerdo MERCOSUR - Bolivia (ACE 36)")  # fmt: skip
# SENAVEX's regional offices that issue certificates, and the officers who sign them (fictional).
OFFICES = ("La Paz", "Oruro", "Potosí", "Santa Cruz")
OFFICERS = ("Lic. Rodrigo Vargas Antezana", "Ing. Patricia Choque Limachi", "Lic. Marcelo Rojas Céspedes")
# Provisions of the agreement's origin regime a refined product meets (column 13); never a country.
RULES = ("Anexo 9, Art. 2°, literal a)", "Anexo 9, Artículo 2, inciso b)", "Régimen de Origen, Art. 2 lit. a)",
         "Anexo 9 - Art. 2° c)")  # fmt: skip
TRANSPORT = {"Rail": ("Ferroviario", "Ferroviario (tren)", "FERROVIARIO"), "Truck": ("Carretero", "Terrestre"),
             "Sea": ("Marítimo", "Marítimo (buque)")}  # fmt: skip


def mercosur_bolivia(ctx: Ctx) -> None:
    draw_to_fit(ctx, _draw, "MERCOSUR-Bolivia certificate of origin", tries=5)


def _box(ctx: Ctx, x: float, y: float, w: float, h: float, number: str, caption: str, size: float) -> float:
    """A ruled field with its number in bold and its caption wrapped at the top; returns the first value baseline."""
    sh = ctx.sheet
    sh.rect(x, y, w, h, 0.5)
    lx = x + 1.3
    if number:
        lx += sh.text(lx, y + 3.0, number, size + 0.3, bold=True, kind="label") + 1.0
    ly = y + 3.0
    for line in sh.wrap(caption, w - (lx - x) - 1.2, size):
        sh.text(lx, ly, line, size, kind="label")
        ly += size * 0.42
    return ly + 3.0


def _draw(ctx: Ctx, squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    k = 1 - 0.08 * squeeze
    cap = ctx.jitter(6.4, 0.2)  # caption size
    val = ctx.jitter(8.4, 0.3) - 0.3 * squeeze  # value size
    step = val * 0.43
    ctx.set("certificate_number", s.coo_no)
    ctx.set("exporter_name", s.seller.name)
    ctx.set("consignee_name", s.buyer.name)
    ctx.set("invoice_number", s.coo_invoice_ref)

    # ----- title and the agreement -----
    top = ctx.jitter(13, 1)
    sh.text(sh.width / 2, top + 3, "CERTIFICADO DE ORIGEN", ctx.jitter(13, 0.6), bold=True, align="center")
    agreement = ctx.pick(AGREEMENT)
    for i, line in enumerate(agreement):
        sh.text(sh.width / 2, top + 8 + i * 3.4, line, 7.2, bold=True, align="center", max_w=w)
    y = top + 8 + 3.4 * len(agreement) + 1.5

    # ----- 1-3 the parties down the left, the certificate and the issuing entity at the right -----
    lw = w * ctx.jitter(0.57, 0.03)
    rw = w - lw

    # a party box holds its caption and every address line, whatever the squeeze
    def fits(lines: int) -> float:
        return 6.0 + cap * 0.42 + (lines - 1) * step + 2.4

    h1 = max(ctx.jitter(23, 1.5) * k, fits(len(s.seller.lines) + 2))
    h2 = max(ctx.jitter(21, 1.5) * k, fits(len(s.buyer.lines) + 2))
    h3 = max(ctx.jitter(18, 1.5) * k, fits(2) + 3.5)
    vy = _box(ctx, x, y, lw, h1, "1.", "Productor Final o Exportador (nombre, dirección, país)", cap)
    exporter = [s.seller.name, *s.seller.lines, ctx.country(s.seller.country, upper=rng.random() < 0.5)]
    sh.lines(x + 2.5, vy, exporter, val, field="exporter_name", step=step, max_w=lw - 4)
    vy = _box(ctx, x, y + h1, lw, h2, "2.", "Importador (nombre, dirección, país)", cap)
    same = rng.random() < 0.4  # the consignee is the importer: 'el mismo' in field 3
    importer = [s.buyer.name, *s.buyer.lines, ctx.country(s.buyer.country)]
    sh.lines(x + 2.5, vy, importer, val, field="consignee_name" if same else None, step=step, max_w=lw - 4)
    vy = _box(ctx, x, y + h1 + h2, lw, h3, "3.", "Consignatario (nombre, país)", cap)
    if same:
        sh.text(x + 2.5, vy, ctx.pick(("EL MISMO", "El mismo que el importador", "IDEM CASILLA 2")), val)
    else:
        sh.text(x + 2.5, vy, s.buyer.name, val, kind="value", field="consignee_name", max_w=lw - 4)
        sh.text(x + 2.5, vy + step, ctx.country(s.buyer.country), val, max_w=lw - 4)
    dy = y + h1 + h2 + h3 - 2.6
    lab = sh.text(x + 1.3, dy, "Dirección:", cap + 0.4, kind="label") + 2
    address = ", ".join(s.buyer.lines) if not same else "-"
    sh.text(x + 1.3 + lab, dy, address, val - 0.6, max_w=lw - lab - 3)

    id_h = ctx.jitter(20, 1.5) * k
    vy = _box(ctx, x + lw, y, rw, id_h, "", "Identificación del Certificado (número)", cap)
    nx = x + lw + 4
    nx += sh.text(nx, vy + 3.5, ctx.pick(("N°", "Nº", "")), val + 1.5, bold=True, kind="label") + 1.5
    sh.text(nx, vy + 3.5, s.coo_no, val + 2.5, bold=True, kind="value", field="certificate_number",
            max_w=x + w - nx - 2)  # fmt: skip
    office = ctx.pick(OFFICES)
    vy = _box(ctx, x + lw, y + id_h, rw, h1 + h2 + h3 - id_h, "",
              "Nombre de la Entidad Emisora del Certificado (nombre, dirección, país)", cap)  # fmt: skip
    entity = [
        "Servicio Nacional de Verificación de Exportaciones",
        "SENAVEX",
        f"Oficina Regional {office}" if office != "La Paz" else "Oficina Central",
        f"{office} - {ctx.country('BO', upper=True)}",
    ]
    sh.lines(x + lw + 2.5, vy, entity, val - 0.4, kind="static", step=step, max_w=rw - 4)
    y += h1 + h2 + h3

    # ----- 4-7 shipment: across the page, or two by two -----
    loading_city, _, loading_country = s.place_loading.partition(", ")
    means = ctx.pick(TRANSPORT.get(s.transport.split()[0], (s.transport,)))
    across = rng.random() < 0.5
    widths = [w * 0.3, w * 0.2, w * 0.2, w * 0.3] if across else [lw, rw, lw, rw]
    cells = [
        ("4.", "Puerto o Lugar de Embarque Previsto", [f"Ciudad: {loading_city}", f"País: {loading_country}"]),
        ("5.", "País de Destino de las Mercaderías", [ctx.country(s.buyer.country, upper=True)]),
        ("6.", "Medio de Transporte Previsto", [means]),
        ("7.", "Factura Comercial", []),
    ]
    # tall enough for the longest wrapped caption over two value lines
    wraps = max(len(sh.wrap(caption, bw - 6.0, cap)) for (_, caption, _), bw in zip(cells, widths, strict=True))
    fh = max(ctx.jitter(13, 1) * k, 6.0 + cap * 0.42 * wraps + step + 2.6)
    for i, (number, caption, values) in enumerate(cells):
        bx = x + sum(widths[: i if across else i % 2])
        by = y if across or i < 2 else y + fh
        bw = widths[i]
        vy = _box(ctx, bx, by, bw, fh, number, caption, cap)
        if number == "7.":
            lw_ = sh.text(bx + 2.5, vy, "Número:", val - 0.6, kind="label") + 1.5
            sh.text(bx + 2.5 + lw_, vy, s.coo_invoice_ref, val, kind="value", field="invoice_number",
                    max_w=bw - lw_ - 4)  # fmt: skip
            lw_ = sh.text(bx + 2.5, vy + step, "Fecha:", val - 0.6, kind="label") + 1.5
            sh.text(bx + 2.5 + lw_, vy + step, ctx.date(s.invoice_date), val, max_w=bw - lw_ - 4)
        else:
            sh.lines(bx + 2.5, vy, values, val, kind="static", step=step, max_w=bw - 4)
    y += fh if across else 2 * fh

    # ----- 8-12 the goods, the ruled area mostly blank -----
    y = _goods(ctx, y, cap, val, step, k)

    # ----- 13 the rule of origin by item number -----
    head = ctx.jitter(7.5, 0.5)
    body = ctx.jitter(10, 1.5) * k
    nw = w * 0.12
    sh.rect(x, y, nw, head + body, 0.5)
    sh.rect(x + nw, y, w - nw, head + body, 0.5)
    sh.hline(x, x + w, y + head, 0.5)
    sh.text(x + 1.3, y + 3.0, "Nº de", cap, kind="label")
    sh.text(x + 1.3, y + 5.6, "Orden", cap, kind="label")
    sh.text(x + nw + 1.3, y + 3.6, "13.", cap + 0.3, bold=True, kind="label")
    sh.text(x + nw + 6, y + 3.6, "Normas de Origen (C)", cap, kind="label")
    sh.text(x + nw / 2, y + head + 4.5, "1", val, align="center")
    sh.text(x + nw + 3, y + head + 4.5, ctx.pick(RULES), val)
    y += head + body

    # ----- 14 remarks -----
    oh = ctx.jitter(12, 1) * k
    vy = _box(ctx, x, y, w, oh, "14.", "Observaciones:", cap)
    remarks: list[str] = []
    producer = _producer(ctx, "Productor")
    if producer:
        remarks.append(producer)
    option = rng.randrange(4)
    if option == 0:
        remarks.append(f"Lotes: {', '.join(lot.number for lot in s.lots)}")
    elif option == 1:
        remarks.append(f"Peso bruto: {ctx.weight(s.gross_kg)}; {s.vessel.replace('Wagon no.', 'Vagón N°')}")
    elif option == 2:
        remarks.append(f"Embarque desde {s.place_loading} con destino a {s.place_discharge}")
    for line in remarks[:2]:
        vy = sh.para(x + 2.5, vy, line, w - 5, val - 0.4, step, kind="static")
    y += oh

    # ----- 15-16 the declaration and the certification -----
    band = 5.0
    sh.rect(x, y, w, band, 0.5, fill=0.88)
    sh.text(x + w / 2, y + 3.6, "CERTIFICACIÓN DE ORIGEN", cap + 1.2, bold=True, align="center")
    y += band
    ch = ctx.jitter(50, 2) * k
    half = w / 2
    vy = _box(ctx, x, y, half, ch, "15.", "Declaración del Productor Final o del Exportador:", cap)
    country = ctx.country(s.declared, upper=True, field="country_of_origin")
    lead = "- Declaramos que las mercaderías mencionadas en el presente formulario fueron producidas en"
    vy = sh.para(x + 2.5, vy, lead, half - 5, val - 0.8, step)
    sh.text(x + half / 2, vy + 0.6, country, val + 0.4, bold=True, kind="value", field="country_of_origin",
            align="center")  # fmt: skip
    vy = sh.para(x + 2.5, vy + step + 1.5, "y están de acuerdo con las condiciones de origen establecidas en el",
                 half - 5, val - 0.8, step)  # fmt: skip
    agreement_end = vy + 0.4
    sh.text(x + 2.5, agreement_end, ctx.pick(AGREEMENT_SHORT), val - 0.4, max_w=half - 5)
    declared = s.coo_date - timedelta(days=rng.randrange(0, 3))
    declared = max(declared, s.invoice_date)  # the form is filled in on or after the invoice
    fy = max(y + ch - 14.5, agreement_end + 5.5)  # the date under the declaration's text
    lw_ = sh.text(x + 2.5, fy, "Fecha:", val - 0.6, kind="label") + 1.5
    sh.text(x + 2.5 + lw_, fy, f"{s.seller.city}, {ctx.date(declared)}", val - 0.3, max_w=half - lw_ - 5)
    sh.scribble(x + half * 0.42, y + ch - 9, 32, len(s.coo_no))
    sh.text(x + 2.5, y + ch - 4.6, f"{s.seller.person} - {s.seller.title}", val - 1.4, max_w=half * 0.6)
    sh.text(x + half / 2, y + ch - 1.6, "Sello y Firma", cap, kind="label", align="center")

    vy = _box(ctx, x + half, y, half, ch, "16.", "Certificación de la Entidad Habilitada:", cap)
    vy = sh.para(x + half + 2.5, vy, "- Certificamos la veracidad de la declaración que antecede de acuerdo con la "
                 "legislación vigente.", half - 5, val - 0.8, step)  # fmt: skip
    sh.text(x + half + 2.5, vy + 1.5, f"SENAVEX - {office}", val - 0.6, max_w=half - 5)
    fy = y + ch - 14.5
    lw_ = sh.text(x + half + 2.5, fy, "Fecha:", val - 0.6, kind="label") + 1.5
    place = f"{office}, " if rng.random() < 0.6 else ""
    if place:
        lw_ += sh.text(x + half + 2.5 + lw_, fy, place, val - 0.3) + 0.4
    sh.text(x + half + 2.5 + lw_, fy, ctx.date(s.coo_date, "issue_date"), val - 0.3, kind="value",
            field="issue_date", max_w=half - lw_ - 5)  # fmt: skip
    sh.scribble(x + half + 8, y + ch - 9, 30, len(s.coo_no) + 4)
    sh.text(x + half + 2.5, y + ch - 4.6, ctx.pick(OFFICERS), val - 1.4, max_w=half * 0.55)
    sh.text(x + half + half / 2, y + ch - 1.6, "Sello y Firma", cap, kind="label", align="center")
    # the entity's round seal at the right of its signature
    sh.canvas.setLineWidth(0.6)
    sh.canvas.circle((x + w - 15) * MM, (sh.height - (y + ch - 13)) * MM, 9 * MM)
    sh.text(x + w - 15, y + ch - 12.5, "SENAVEX", 5.8, bold=True, align="center")
    y += ch

    # ----- foot of the form -----
    sh.text(x, y + 3.6, "VER AL DORSO", cap, bold=True)
    sh.text(x + w, y + 3.6, "Formato ISO/A4 (210 x 297 mm.)", cap - 0.4, align="right")
    return y + 4


def _goods(ctx: Ctx, y: float, cap: float, val: float, step: float, k: float) -> float:
    """Fields 8-12: the captions in a header row over the ruled item area, one item at its top, the rest blank;
    returns the y under it."""
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    spec = [("8.", "Nº de Orden (A)", 0.1), ("9.", "Códigos NALADISA", 0.14), ("10.", "Denominación de las "
            "Mercaderías (B)", 0.44), ("11.", "Peso Líquido o Cantidad", 0.16), ("12.", "Valor FOB en dólares "
            "(U$S)", 0.16)]  # fmt: skip
    widths = [f * w for _, _, f in spec]
    # each caption wrapped beside its bold number; the header row as tall as the longest
    captions = []
    for (number, caption, _), cw in zip(spec, widths, strict=True):
        indent = 1.2 + sh.text_width(number, cap + 0.3, bold=True) + 0.8
        captions.append((number, indent, sh.wrap(caption, cw - indent - 1.0, cap)))
    head = max(ctx.jitter(9.5, 0.5), 3.0 + max(len(lines) for _, _, lines in captions) * cap * 0.42 + 0.8)
    body = ctx.jitter(58, 5) * k
    cx = x
    for (number, indent, lines), cw in zip(captions, widths, strict=True):
        sh.rect(cx, y, cw, head, 0.5)
        sh.rect(cx, y + head, cw, body, 0.5)
        sh.text(cx + 1.2, y + 3.0, number, cap + 0.3, bold=True, kind="label")
        ly = y + 3.0
        for line in lines:
            sh.text(cx + indent, ly, line, cap, kind="label")
            ly += cap * 0.42
        cx += cw
    ty = y + head + 4.2
    sh.text(x + widths[0] / 2, ty, "1", val, align="center")
    hx = x + widths[0] + 1.5
    sh.text(hx, ty, fmt_hs(s.hs6, "dotted8"), val, kind="value", field="hs_code", max_w=widths[1] - 3)
    ctx.set("hs_code", s.hs6)
    dx = x + widths[0] + widths[1] + 1.5
    dw = widths[2] - 3
    upper = rng.random() < 0.6  # the description typed in capitals, as most issuing systems print it
    desc = s.description("es")
    packages = ctx.packages_text(s.packages)
    # capitals keep the chemical symbols as written ('Sb', 'Sb2O3')
    caps = desc.upper().replace("SB2O3", "Sb2O3").replace("SB ", "Sb ")
    lines = [caps if upper else desc, packages.upper() if upper else packages]
    if rng.random() < 0.5:
        lines.append(f"{'LOTES' if upper else 'Lotes'}: {', '.join(lot.number for lot in s.lots)}")
    dy = ty
    for line in lines:
        dy = sh.para(dx, dy, line, dw, val - 0.2, step)
    if rng.random() < 0.6:  # the description closed as the instructions ask, the rest of the area left empty
        sh.text(dx, dy + 0.5, ctx.pick(("*" * 24, "-" * 30, "*** ÚLTIMA LÍNEA ***")), val - 0.6)
    wx = x + sum(widths[:4]) - 1.5
    sh.text(wx, ty, ctx.weight(s.coo_net_kg, "net_weight_kg"), val, kind="value", field="net_weight_kg",
            align="right", max_w=widths[3] - 3)  # fmt: skip
    fx = x + w - 1.5
    sh.text(fx, ty, ctx.num(s.total_amount, 2), val, align="right", max_w=widths[4] - 3)
    return y + head + body
