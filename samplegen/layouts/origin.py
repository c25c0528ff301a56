"""Certificate of origin layouts: ATIGA Form D (numbered boxes), USMCA/T-MEC nine data elements,
and a chamber-of-commerce non-preferential certificate."""

from __future__ import annotations

from samplegen.draw import Cell, Column
from samplegen.layouts import (
    origin_cbp434,
    origin_chamber_latam,
    origin_chamber_stamped,
    origin_cis_general,
    origin_e_co_online,
    origin_e_form_d,
    origin_form_b,
    origin_forms,
    origin_mercosur_bolivia,
    origin_regional,
)
from samplegen.layouts.common import Ctx, Rendered

FORM_D_AUTHORITY = {
    "TH": ("Department of Foreign Trade, Ministry of Commerce", "Nonthaburi"),
    "MY": ("Ministry of Investment, Trade and Industry (MITI)", "Kuala Lumpur"),
    "ID": ("Ministry of Trade of the Republic of Indonesia", "Surabaya"),
}
CHAMBERS = {
    "TH": ("Chamber of Commerce and Industry, Bangkok", "Cámara de Comercio e Industria, Bangkok", "Bangkok"),
    "MX": ("Chamber of Commerce of Coahuila", "Cámara de Comercio de Coahuila", "Saltillo, Coahuila"),
    "BE": ("Chamber of Commerce, Antwerp", "Cámara de Comercio de Amberes", "Antwerpen"),
    "OM": ("Chamber of Commerce and Industry, Sohar branch", "Cámara de Comercio e Industria, Sohar", "Sohar"),
    "TJ": ("Chamber of Commerce and Industry, Sughd Region", "Cámara de Comercio e Industria de Sughd", "Khujand"),
    "MY": ("Chamber of Commerce, Perak", "Cámara de Comercio de Perak", "Ipoh"),
    "ID": ("Chamber of Commerce, East Java", "Cámara de Comercio de Java Oriental", "Surabaya"),
    "CA": ("Chamber of Commerce, Montréal", "Cámara de Comercio de Montreal", "Montréal"),
}


def render(ctx: Ctx) -> Rendered:
    DRAWERS[ctx.st.layout](ctx)
    return ctx.finish()


def _tick(ctx: Ctx, x: float, y: float, label: str, checked: bool = False, size: float = 7.5) -> float:
    sh = ctx.sheet
    sh.rect(x, y - 2.6, 2.8, 2.8, 0.5)
    if checked:
        sh.text(x + 0.4, y - 0.1, "X", 7.5, bold=True, kind="static")
    return x + 4.5 + sh.text(x + 4, y, label, size, kind="label")


def _goods_text(ctx: Ctx) -> list[str]:
    s = ctx.s
    packages = ctx.packages_text(s.packages).upper()
    desc = s.description(ctx.lang)
    return [f"{packages} OF {desc.upper()}" if ctx.lang == "en" else f"{packages} DE {desc.upper()}"]


def _form_d(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    lw = w * 0.53
    rw = w - lw
    ctx.set("certificate_number", s.coo_no)
    sh.text(ctx.right - 62, 12, "Reference No.", 8, bold=True, kind="label")
    sh.text(ctx.right - 40, 12, s.coo_no, 9.5, kind="value", field="certificate_number")
    y = 15
    ctx.set("exporter_name", s.seller.name)
    sh.box(
        x,
        y,
        lw,
        32,
        "Goods consigned from (Exporter's business name, address, country)",
        ctx.party_lines(s.seller),
        "exporter_name",
        value_size=8.5,
        number="1.",
    )
    ctx.set("consignee_name", s.buyer.name)
    sh.box(
        x,
        y + 32,
        lw,
        32,
        "Goods consigned to (Consignee's name, address, country)",
        ctx.party_lines(s.buyer),
        "consignee_name",
        value_size=8.5,
        number="2.",
    )
    sh.box(
        x,
        y + 64,
        lw,
        30,
        "Means of transport and route (as far as known)",
        [
            f"Departure date: {ctx.date(s.departure_date)}",
            f"Vessel's name/Aircraft etc.: {s.vessel}",
            f"Port of Discharge: {s.place_discharge}",
        ],
        value_size=8.3,
        number="3.",
    )
    # title block
    sh.rect(x + lw, y, rw, 64)
    tx = x + lw + rw / 2
    for i, line in enumerate(
        (
            "ASEAN TRADE IN GOODS AGREEMENT/",
            "ASEAN INDUSTRIAL COOPERATION SCHEME",
            "CERTIFICATE OF ORIGIN",
            "(Combined Declaration and Certificate)",
        )
    ):
        sh.text(tx, y + 8 + i * 5, line, 8.5 if i != 2 else 10, bold=i == 2, align="center")
    sh.text(tx, y + 34, "FORM D", 14, bold=True, align="center")
    sh.text(tx - 28, y + 46, "Issued in", 8, kind="label")
    sh.text(tx - 12, y + 46, ctx.country(s.declared, upper=True), 9.5, kind="value")
    sh.hline(tx - 13, tx + 30, y + 47, 0.3)
    sh.text(tx + 2, y + 50, "(Country)", 7, kind="label")
    sh.text(tx, y + 59, "See Overleaf Notes", 7.5, align="center")
    sh.rect(x + lw, y + 64, rw, 30)
    sh.text(x + lw + 1.5, y + 68, "4. For Official Use", 7.3, bold=True, kind="label")
    _tick(ctx, x + lw + 3, y + 75, "Preferential Treatment Given Under ASEAN", size=6.8)
    sh.text(x + lw + 7, y + 79, "Trade in Goods Agreement", 6.8, kind="label")
    _tick(ctx, x + lw + 3, y + 85, "Preferential Treatment Not Given (Please", size=6.8)
    sh.text(x + lw + 7, y + 89, "state reason/s)", 6.8, kind="label")
    y += 94
    widths = [12, 33, w * 0.36, 19, 0.0, 27]
    widths[4] = w - sum(widths)
    heads = [
        "5. Item number",
        "6. Marks and numbers on packages",
        "7. Number and type of packages, description of goods (including quantity where appropriate and "
        "HS number of the importing country)",
        "8. Origin criterion (see Overleaf Notes)",
        "9. Gross weight or other quantity and value (FOB)",
        "10. Number and date of invoices",
    ]
    head_h = 22
    cx = x
    for width, head in zip(widths, heads, strict=True):
        sh.rect(cx, y, width, head_h)
        ly = y + 3
        for line in sh.wrap(head, width - 2.5, 6.5):
            sh.text(cx + 1.2, ly, line, 6.5, kind="label")
            ly += 2.7
        cx += width
    y += head_h
    body_h = 68
    cx = x
    for width in widths:
        sh.rect(cx, y, width, body_h)
        cx += width
    by = y + 5
    sh.text(x + 4, by, "1", 9)
    marks = [part for line in s.marks("en") for part in sh.wrap(line, widths[1] - 2.5, 7.5)]
    sh.lines(x + widths[0] + 1.5, by, marks, 7.5, max_w=widths[1] - 2.5)
    gx = x + widths[0] + widths[1] + 1.5
    gy = by
    for line in sh.wrap(_goods_text(ctx)[0], widths[2] - 3, 8):
        sh.text(gx, gy, line, 8, kind="value")
        gy += 3.6
    gy += 1.5
    sh.text(gx, gy, f"HS CODE: {ctx.hs()}", 8.5, kind="value", field="hs_code")
    sh.text(
        gx,
        gy + 4.5,
        f"NET WEIGHT: {ctx.weight(s.coo_net_kg, 'net_weight_kg')}",
        8.5,
        kind="value",
        field="net_weight_kg",
        max_w=widths[2] - 3,
    )
    lots = ", ".join(lot.number for lot in s.lots)
    gy = sh.para(gx, gy + 10, f"LOTS: {lots}", widths[2] - 3, 7.5, kind="value")
    sh.text(gx, gy + 4, "*" * 20, 8)
    crit = "CTH" if s.product == "ingot" else "40%"
    sh.text(x + sum(widths[:3]) + 5, by, f'"{crit}"', 8.5, kind="value")
    vx = x + sum(widths[:4]) + 1.5
    sh.lines(
        vx,
        by,
        ["G.W.", ctx.weight(s.gross_kg), "", "FOB VALUE", ctx.money(s.total_amount)],
        7.6,
        kind="value",
        max_w=widths[4] - 2.5,
    )
    ix = x + sum(widths[:5]) + 1.5
    ctx.set("invoice_number", s.coo_invoice_ref)
    sh.text(ix, by, s.coo_invoice_ref, 8.3, kind="value", field="invoice_number", max_w=widths[5] - 2.5)
    sh.text(ix, by + 4.5, ctx.date(s.invoice_date), 8.3, kind="value", max_w=widths[5] - 2.5)
    y += body_h
    hh = 50
    sh.rect(x, y, lw, hh)
    sh.rect(x + lw, y, rw, hh)
    sh.text(x + 1.5, y + 3.5, "11. Declaration by the exporter", 7.3, bold=True, kind="label")
    ly = sh.para(
        x + 1.5,
        y + 7.5,
        "The undersigned hereby declares that the above details and statement are correct; "
        "that all the goods were produced in",
        lw - 3,
        7,
        kind="label",
    )
    sh.text(
        x + lw / 2,
        ly + 1.5,
        ctx.country(s.declared, upper=True, field="country_of_origin"),
        9.5,
        kind="value",
        field="country_of_origin",
        align="center",
    )
    sh.text(x + lw / 2, ly + 4.5, "(Country)", 6.5, kind="label", align="center")
    ly = sh.para(
        x + 1.5,
        ly + 8,
        "and that they comply with the origin requirements specified for these goods in "
        "the ASEAN Trade in Goods Agreement for the goods exported to",
        lw - 3,
        7,
        kind="label",
    )
    sh.text(x + lw / 2, ly + 1.5, ctx.country(s.buyer.country, upper=True), 9, kind="value", align="center")
    sh.text(x + lw / 2, ly + 4.5, "(Importing Country)", 6.5, kind="label", align="center")
    sh.text(x + 3, y + hh - 6, f"{s.seller.city}, {ctx.date(s.coo_date)}", 8.5, kind="value")
    sh.scribble(x + lw - 45, y + hh - 8, 30, len(s.coo_no))
    sh.text(x + 1.5, y + hh - 2, "Place and date, signature of authorised signatory", 6.5, kind="label")
    rx = x + lw + 1.5
    sh.text(rx, y + 3.5, "12. Certification", 7.3, bold=True, kind="label")
    sh.para(
        rx,
        y + 7.5,
        "It is hereby certified, on the basis of control carried out, that the declaration by the exporter is correct.",
        rw - 3,
        7,
        kind="label",
    )
    authority, city = FORM_D_AUTHORITY[s.declared]
    sh.para(rx + 1, y + 22, authority, rw - 4, 8, kind="value")
    ctx.set("issue_date", s.coo_date.isoformat())
    sh.text(rx + 1, y + 33, f"{city}, {ctx.date(s.coo_date)}", 8.5, kind="value", field="issue_date")
    sh.scribble(rx + 30, y + hh - 9, 28, len(s.coo_no) + 3)
    sh.text(rx, y + hh - 2, "Place and date, signature and stamp of certifying authority", 6.5, kind="label")
    y += hh
    sh.rect(x, y, w, 16)
    sh.text(x + 1.5, y + 4, "13.", 7.3, bold=True, kind="label")
    tx = x + 8
    for label in ("Third Country Invoicing", "Exhibition", "Accumulation", "De Minimis"):
        tx = _tick(ctx, tx, y + 5, label, size=7) + 3
    tx = x + 8
    for label in ("Back-to-Back CO", "Issued Retroactively", "Partial Cumulation"):
        tx = _tick(ctx, tx, y + 11, label, size=7) + 3


def _usmca(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    half = w / 2
    sh.text(
        sh.width / 2,
        16,
        ctx.t("USMCA / T-MEC CERTIFICATION OF ORIGIN", "CERTIFICACIÓN DE ORIGEN T-MEC / USMCA"),
        13,
        bold=True,
        align="center",
    )
    sh.text(
        sh.width / 2,
        21,
        ctx.t("Minimum data elements (Annex 5-A)", "Elementos Mínimos de Información (Anexo 5-A)"),
        8.5,
        align="center",
    )
    if "no_cert_no" not in ctx.st.flags:
        ctx.set("certificate_number", s.coo_no)
        ctx.label_value(ctx.right - 62, 27, ctx.t("Cert. No.:", "Folio:"), s.coo_no, "certificate_number", gap=17)
    y = 30
    sh.rect(x, y, w, 11)
    sh.text(x + 1.5, y + 4, ctx.t("1. Certifier:", "1. Certificador:"), 7.5, bold=True, kind="label")
    tx = x + 6
    roles = ctx.t("Exporter|Producer|Importer", "Exportador|Productor|Importador").split("|")
    for i, role in enumerate(roles):
        tx = _tick(ctx, tx, y + 9, role, checked=i == 0, size=8) + 8
    y += 11
    certifier = [
        s.seller.person,
        s.seller.title,
        *s.seller.lines,
        ctx.country(s.seller.country),
        f"Tel. {s.seller.phone}",
        s.seller.email,
    ]
    sh.box(
        x,
        y,
        half,
        42,
        ctx.t(
            "2. Certifier name, title, address, telephone and e-mail",
            "2. Certificador: nombre, cargo, dirección (incluido el país), número telefónico y "
            "dirección de correo electrónico",
        ),
        certifier,
        value_size=8.2,
    )
    ctx.set("exporter_name", s.seller.name)
    sh.box(
        x + half,
        y,
        half,
        42,
        ctx.t(
            "3. Exporter name, address, telephone and e-mail",
            "3. Exportador: nombre, dirección, teléfono y correo electrónico",
        ),
        [*ctx.party_lines(s.seller), f"Tel. {s.seller.phone}", s.seller.email],
        "exporter_name",
        value_size=8.2,
    )
    y += 42
    if s.producer_line:
        producer = sh.wrap(s.producer_line, half - 5, 8.5)
    else:
        producer = sh.wrap(
            ctx.t(
                "Available upon request by the importing authorities",
                "Disponible a solicitud de las autoridades aduaneras del país de importación",
            ),
            half - 5,
            8.5,
        )
    sh.box(
        x,
        y,
        half,
        30,
        ctx.t("4. Producer name and address", "4. Productor: nombre y dirección"),
        producer,
        value_size=8.5,
    )
    ctx.set("consignee_name", s.buyer.name)
    sh.box(
        x + half,
        y,
        half,
        30,
        ctx.t(
            "5. Importer name, address, telephone and e-mail",
            "5. Importador: nombre, dirección, teléfono y correo electrónico",
        ),
        [*ctx.party_lines(s.buyer), f"Tel. {s.buyer.phone}"],
        "consignee_name",
        value_size=8.2,
    )
    y += 34
    show_qty = "qty" in ctx.st.flags
    cols = [
        Column(
            ctx.t("6. Description of good(s)", "6. Descripción de la(s) mercancía(s)"), w * (0.40 if show_qty else 0.52)
        ),
        Column(ctx.t("HS (6 digits)", "Clasif. SA (6 díg.)"), w * 0.16),
        Column(ctx.t("7. Origin criterion", "7. Criterio de origen"), w * 0.14),
        Column(ctx.t("Country of origin", "País de origen"), w * 0.18),
    ]
    row = [
        Cell(f"{s.description(ctx.lang)}\n{ctx.packages_text(s.packages)}"),
        Cell(ctx.hs(six_digits=True), field="hs_code"),
        Cell("B"),
        Cell(ctx.country(s.declared, field="country_of_origin"), field="country_of_origin"),
    ]
    if show_qty:
        cols.append(Column(ctx.t("Net quantity", "Cantidad neta"), w - sum(c.width for c in cols), "right"))
        row.append(Cell(ctx.weight(s.coo_net_kg, "net_weight_kg"), field="net_weight_kg"))
    y = sh.table(x, y, cols, [row], size=8.5)
    y += 6
    sh.text(x, y, ctx.t("8. Blanket period:", "8. Periodo que cubre:"), 8.5, bold=True, kind="label")
    if "blanket" in ctx.st.flags:
        start = s.invoice_date.replace(month=1, day=1)
        end = s.invoice_date.replace(month=12, day=31)
        sh.text(
            x + 36,
            y,
            f"{ctx.t('From', 'Desde')} {ctx.date(start)} {ctx.t('to', 'hasta')} {ctx.date(end)}",
            9,
            kind="value",
        )
    else:
        ctx.set("invoice_number", s.coo_invoice_ref)
        sh.text(x + 36, y, ctx.t("N/A - single shipment, invoice No.", "N/A - embarque único, factura No."), 9)
        ix = (
            x
            + 36
            + sh.text_width(ctx.t("N/A - single shipment, invoice No.", "N/A - embarque único, factura No."), 9)
            + 2
        )
        sh.text(ix, y, s.coo_invoice_ref, 9, kind="value", field="invoice_number")
    y += 8
    statement = ctx.t(
        "I certify that the goods described in this document qualify as originating and the information contained in "
        "this document is true and accurate. I assume responsibility for proving such representations and agree to "
        "maintain and present upon request or to make available during a verification visit, documentation necessary "
        "to support this certification.",
        "Certifico que las mercancías descritas en este documento califican como originarias y que la información "
        "contenida en este documento es verdadera y exacta. Asumo la responsabilidad de comprobar lo aquí declarado y "
        "me comprometo a conservar y presentar a solicitud, o a poner a disposición durante una visita de "
        "verificación, la documentación necesaria para sustentar esta certificación.",
    )
    sh.text(
        x, y, ctx.t("9. Authorized signature and date", "9. Firma autorizada y fecha"), 8.5, bold=True, kind="label"
    )
    y = sh.para(x, y + 5, statement, w, 8)
    y += 12
    sh.scribble(x + 2, y, 40, len(s.coo_no))
    sh.hline(x, x + 70, y + 3, 0.4)
    sh.text(x, y + 7, f"{ctx.t('Name', 'Nombre')}: {s.seller.person}", 8.5)
    sh.text(x, y + 11, f"{ctx.t('Title', 'Cargo')}: {s.seller.title}", 8.5)
    ctx.set("issue_date", s.coo_date.isoformat())
    ctx.label_value(x + half, y + 7, ctx.t("Date:", "Fecha:"), ctx.date(s.coo_date), "issue_date", gap=16)
    ctx.label_value(x + half, y + 11, ctx.t("Company:", "Empresa:"), s.seller.name, gap=16, size=8.5, max_w=half - 18)


def _chamber(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    lw = w * 0.55
    rw = w - lw
    # A country without a listed chamber (Vietnam's lanes came later) is certified by the seller's city's.
    city = s.seller.city
    fallback = (f"Chamber of Commerce, {city}", f"Cámara de Comercio de {city}", city)
    chamber_en, chamber_es, city = CHAMBERS.get(s.declared, fallback)
    y = 14
    ctx.set("exporter_name", s.seller.name)
    sh.box(
        x,
        y,
        lw,
        34,
        ctx.t(
            "1. Consignor / exporter (name, full address, country)",
            "1. Remitente / exportador (nombre, domicilio, país)",
        ),
        ctx.party_lines(s.seller),
        "exporter_name",
        value_size=8.5,
    )
    sh.rect(x + lw, y, rw, 34)
    ctx.set("certificate_number", s.coo_no)
    sh.text(x + lw + 2, y + 5, "No.", 8.5, bold=True, kind="label")
    sh.text(x + lw + 10, y + 5, s.coo_no, 10, kind="value", field="certificate_number")
    sh.text(
        x + lw + rw / 2, y + 17, ctx.t("CERTIFICATE OF ORIGIN", "CERTIFICADO DE ORIGEN"), 12, bold=True, align="center"
    )
    sh.text(x + lw + rw / 2, y + 23, ctx.t("(non-preferential)", "(no preferencial)"), 8.5, align="center")
    sh.text(x + lw + rw / 2, y + 29, ctx.t(chamber_en, chamber_es), 7.5, align="center", max_w=rw - 4)
    y += 34
    ctx.set("consignee_name", s.buyer.name)
    sh.box(
        x,
        y,
        lw,
        32,
        ctx.t("2. Consignee (name, full address, country)", "2. Destinatario (nombre, domicilio, país)"),
        ctx.party_lines(s.buyer),
        "consignee_name",
        value_size=8.5,
    )
    sh.box(
        x + lw,
        y,
        rw,
        32,
        ctx.t("3. Country of origin", "3. País de origen"),
        [ctx.country(s.declared, upper=True, field="country_of_origin")],
        "country_of_origin",
        value_size=11,
    )
    y += 32
    sh.box(
        x,
        y,
        lw,
        24,
        ctx.t("4. Transport details (optional)", "4. Datos del transporte (opcional)"),
        [
            f"{s.transport}: {s.vessel}",
            f"{s.place_loading} - {s.place_discharge}",
            f"{ctx.t('Departure', 'Salida')}: {ctx.date(s.departure_date)}",
        ],
        value_size=8.3,
    )
    remarks = [
        ctx.t("Commercial invoice", "Factura comercial"),
        s.coo_invoice_ref,
        f"{ctx.t('dated', 'de fecha')} {ctx.date(s.invoice_date)}",
    ]
    ctx.set("invoice_number", s.coo_invoice_ref)
    sh.rect(x + lw, y, rw, 24)
    sh.text(x + lw + 1.5, y + 3.2, ctx.t("5. Remarks", "5. Observaciones"), 6.8, kind="label")
    sh.text(x + lw + 2.5, y + 8, remarks[0], 8.5)
    sh.text(x + lw + 2.5, y + 12, remarks[1], 8.5, kind="value", field="invoice_number")
    sh.text(x + lw + 2.5, y + 16, remarks[2], 8.5)
    y += 24
    gw = w * 0.72
    qw = w - gw
    body_h = 70
    sh.rect(x, y, gw, body_h)
    sh.rect(x + gw, y, qw, body_h)
    head = ctx.t(
        "6. Item number; marks, numbers, number and kind of packages; description of goods",
        "6. Número de orden; marcas, números, cantidad y clase de bultos; descripción de las mercancías",
    )
    sh.para(x + 1.5, y + 3.2, head, gw - 3, 6.8, kind="label")
    sh.text(x + gw + 1.5, y + 3.2, ctx.t("7. Quantity", "7. Cantidad"), 6.8, kind="label")
    gy = y + 11
    gy = sh.lines(x + 3, gy, s.marks(ctx.lang), 8.3, kind="value") + 2
    for line in sh.wrap(f"1. {_goods_text(ctx)[0]}", gw - 6, 8.5):
        sh.text(x + 3, gy, line, 8.5, kind="value")
        gy += 3.8
    sh.text(x + 3, gy + 1, f"HS {ctx.hs()}", 8.5, kind="value", field="hs_code")
    gy += 5.5
    producer = _chamber_producer(ctx)
    if producer:
        gy = sh.para(x + 3, gy + 1, producer, gw - 6, 8.3, kind="value")
    qx = x + gw + 2.5
    sh.text(qx, y + 12, ctx.t("Net weight:", "Peso neto:"), 7.5, kind="label")
    sh.text(
        qx, y + 16.5, ctx.weight(s.coo_net_kg, "net_weight_kg"), 8.5, kind="value", field="net_weight_kg", max_w=qw - 4
    )
    sh.text(qx, y + 23, ctx.t("Gross weight:", "Peso bruto:"), 7.5, kind="label")
    sh.text(qx, y + 27.5, ctx.weight(s.gross_kg), 8.5, kind="value", max_w=qw - 4)
    y += body_h
    sh.rect(x, y, w, 52)
    sh.text(x + 1.5, y + 4, ctx.t("8. Certification", "8. Certificación"), 7.5, bold=True, kind="label")
    cert = ctx.t(
        "The undersigned authority certifies that the goods described above originate in the country shown in box 3.",
        "La autoridad que suscribe certifica que las mercancías arriba descritas son originarias del país indicado en "
        "la casilla 3.",
    )
    sh.para(x + 3, y + 10, cert, w - 6, 8.5)
    ctx.set("issue_date", s.coo_date.isoformat())
    sh.text(x + 3, y + 24, ctx.t("Place and date of issue:", "Lugar y fecha de expedición:"), 8, kind="label")
    sh.text(x + 48, y + 24, f"{city}, {ctx.date(s.coo_date)}", 9, kind="value", field="issue_date")
    sh.text(x + 3, y + 30, ctx.t(chamber_en, chamber_es), 8.5, kind="static")
    sh.canvas.setLineWidth(0.8)
    from samplegen.draw import MM

    sh.canvas.circle((x + w - 35) * MM, (sh.height - (y + 32)) * MM, 14 * MM)
    sh.scribble(x + 8, y + 42, 38, len(s.coo_no))
    sh.text(x + 3, y + 49, ctx.t("Authorised signature and stamp", "Firma autorizada y sello"), 7, kind="label")


def _chamber_producer(ctx: Ctx) -> str | None:
    s = ctx.s
    if "producer" in s.china_text:
        return f"{ctx.t('Producer', 'Productor')}: {s.china_text['producer']}"
    if s.plan.named and s.smelter.country == s.declared and "producer" in ctx.st.flags:
        where = ", ".join(p for p in (s.smelter.printed, s.smelter.place) if p)
        return f"{ctx.t('Producer', 'Productor')}: {where}"
    return None


DRAWERS = {
    "form_d": _form_d,
    "usmca_elements": _usmca,
    "chamber_boxed": _chamber,
    "form_e": origin_forms.numbered_box_form,
    "gsp_form_a": origin_forms.numbered_box_form,
    "eur1": origin_forms.eur1,
    "icc_chamber": origin_forms.icc_chamber,
    "usmca_letter": origin_forms.usmca_letter,
    "statement_on_origin": origin_forms.statement_on_origin,
    "aladi_ace36": origin_regional.aladi_ace36,
    "rcep": origin_regional.rcep,
    "aic_pacific": origin_regional.aic_pacific,
    "generic_sworn": origin_forms.generic_sworn,
    "chamber_affidavit": origin_forms.chamber_affidavit,
    "japan_epa": origin_forms.japan_epa,
    "cbp434": origin_cbp434.cbp434,
    "chamber_latam": origin_chamber_latam.chamber_latam,
    "form_b": origin_form_b.form_b,
    "e_form_d": origin_e_form_d.e_form_d,
    "e_co_online": origin_e_co_online.e_co_online,
    "chamber_stamped": origin_chamber_stamped.chamber_stamped,
    "mercosur_bolivia": origin_mercosur_bolivia.mercosur_bolivia,
    "cis_general": origin_cis_general.cis_general,
}
