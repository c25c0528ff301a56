"""North American certification of origin in the box layout of the former NAFTA certificate, CBP Form 434.

`cbp434`: the exporter's certification drawn on the template of the NAFTA certificate of origin (CBP Form 434,
"North American Free Trade Agreement Certificate of Origin", 19 CFR 181.11, 181.22; and its Mexican Spanish
version, "Tratado de Libre Comercio de América del Norte - Certificado de Origen"), which many exporters kept as
the form of their USMCA / T-MEC certification when the agreement replaced NAFTA:

* 1 exporter name and address with its tax identification number, 2 blanket period from / to, 3 producer name and
  address with tax identification number ('Available to Customs upon request' or 'SAME' when confidential or the
  exporter itself), 4 importer name and address with tax identification number;
* a goods area ruled in columns 5 description of good(s), 6 HS tariff classification number, 7 preference
  criterion (A-D), 8 producer ('YES' or 'NO (1)/(2)/(3)'), 9 net cost ('NC' or 'NO'), 10 country of origin;
* 11 the certification ('I CERTIFY THAT: the information on this document is true and accurate ...'; 'Declaro
  bajo protesta de decir verdad que: ...') with 11a authorized signature, 11b company, 11c name, 11d title,
  11e date, 11f telephone (voice / facsimile) and, on the later printing, 11g e-mail.

The 1997 printing (captions 'NAME AND ADDRESS', dates DD/MM/YY), the later printing (name, address and e-mail,
dates mm/dd/yyyy, 11g e-mail), exporters' retitled USMCA / T-MEC copies and the Spanish version (optionally
with English sub-captions, as Mexican exporters print it) are drawn. The form has no certificate number, invoice
number or weight box: the invoice number (single shipment, as the USMCA completion notes ask) and the net
quantity appear, when they do, inside the description of field 5 the way exporters write them. A certificate
with a blanket period covers several shipments and names no invoice. Specimens: studylib.net/doc/11646938 and
studylib.net/doc/25272064 (CBP Form 434, 11/14 and 11/16), pl.scribd.com/document/13254923 (04/97 with its
instructions), scribd.com/document/509915680 (DD/MM/YY template); field instructions studylib.net/doc/8561314,
lmclark.com/text_tech_support_nafta_1.html, bucklandcustoms.com NAFTA certificate checklist (field 9 'NC' or
'NO', field 10 'CA', 'US', 'MX'); the Spanish version filled by a Mexican exporter with English sub-captions and
its lot and package count in field 5, es.scribd.com/document/526909607.

Every value a field records is drawn with kind="value"; wording, spacing and box sizes vary per document.
"""

from __future__ import annotations

from datetime import date

from samplegen.formatting import country_name
from samplegen.layouts.common import Ctx

# Captions per printing: the 1997 English form, the later English form (e-mail boxes, month-first dates) and
# the Spanish version of the Mexican Diario Oficial.
CAPTIONS = {
    "en97": {
        "1": "EXPORTER NAME AND ADDRESS",
        "2": "BLANKET PERIOD (DD/MM/YY)",
        "3": "PRODUCER NAME AND ADDRESS",
        "4": "IMPORTER NAME AND ADDRESS",
        "tax": "TAX IDENTIFICATION NUMBER:",
        "from": "FROM",
        "to": "TO",
        "5": "DESCRIPTION OF GOOD(S)",
        "6": "HS TARIFF CLASSIFICATION NUMBER",
        "7": "PREFERENCE CRITERION",
        "8": "PRODUCER",
        "9": "NET COST",
        "10": "COUNTRY OF ORIGIN",
        "11a": "AUTHORIZED SIGNATURE",
        "11b": "COMPANY",
        "11c": "NAME (Print or Type)",
        "11d": "TITLE",
        "11e": "DATE (DD/MM/YY)",
        "11f": "TELEPHONE NUMBER",
        "voice": "(Voice)",
        "fax": "(Facsimile)",
    },
    "en16": {
        "1": "EXPORTER NAME, ADDRESS AND EMAIL",
        "2": "BLANKET PERIOD",
        "3": "PRODUCER NAME, ADDRESS AND EMAIL",
        "4": "IMPORTER NAME, ADDRESS AND EMAIL",
        "tax": "TAX IDENTIFICATION NUMBER:",
        "from": "FROM (mm/dd/yyyy)",
        "to": "TO (mm/dd/yyyy)",
        "5": "DESCRIPTION OF GOOD(S)",
        "6": "HS TARIFF CLASSIFICATION NUMBER",
        "7": "PREFERENCE CRITERION",
        "8": "PRODUCER",
        "9": "NET COST",
        "10": "COUNTRY OF ORIGIN",
        "11a": "AUTHORIZED SIGNATURE",
        "11b": "COMPANY",
        "11c": "NAME",
        "11d": "TITLE",
        "11e": "DATE (mm/dd/yyyy)",
        "11f": "TELEPHONE NUMBERS",
        "voice": "(Voice)",
        "fax": "(Facsimile)",
        "11g": "EMAIL",
    },
    "es": {
        "1": "Nombre y domicilio del exportador:",
        "2": "Periodo que cubre:",
        "3": "Nombre y domicilio del productor:",
        "4": "Nombre y domicilio del importador:",
        "tax": "Número de Registro Fiscal:",
        "from": "De:",
        "to": "A:",
        "5": "Descripción del (los) bien(es)",
        "6": "Clasificación arancelaria",
        "7": "Criterio para trato preferencial",
        "8": "Productor",
        "9": "Costo neto",
        "10": "País de origen",
        "11a": "Firma autorizada:",
        "11b": "Empresa:",
        "11c": "Nombre:",
        "11d": "Cargo:",
        "11e": "Fecha (DD/MM/AA):",
        "11f": "Teléfono:",
        "voice": "",
        "fax": "Fax:",
    },
}
# English sub-captions Mexican exporters add to the Spanish version ('Nombre y domicilio del exportador
# (Exporter Name and Address)').
ENGLISH_SUB = {
    "1": "Exporter Name and Address",
    "2": "Blanket Period",
    "3": "Producer Name and Address",
    "4": "Importer Name and Address",
    "tax": "Tax I.D. Number",
    "5": "Description of Good(s)",
    "6": "HS Tariff Classification",
    "7": "Preference Criterion",
    "8": "Producer",
    "9": "Net Cost",
    "10": "Country of Origin",
    "11a": "Authorized Signature",
    "11b": "Company",
    "11c": "Name",
    "11d": "Title",
    "11e": "Date",
    "11f": "Telephone",
}

AGREEMENTS = {
    "nafta": ("NORTH AMERICAN FREE TRADE AGREEMENT", "TRATADO DE LIBRE COMERCIO DE AMÉRICA DEL NORTE"),
    "usmca": ("UNITED STATES-MEXICO-CANADA AGREEMENT (USMCA)", "TRATADO ENTRE MÉXICO, ESTADOS UNIDOS Y CANADÁ (T-MEC)"),
}
# The agreement as the certification's third paragraph names it, and the articles it exempts.
AGREEMENT_TEXT = {
    "nafta": (
        "THE NORTH AMERICAN FREE TRADE AGREEMENT, AND UNLESS SPECIFICALLY EXEMPTED IN ARTICLE 411 OR ANNEX 401",
        "al Tratado de Libre Comercio de América del Norte, y no han sido objeto de procesamiento ulterior o de "
        "cualquier otra operación fuera de los territorios de las Partes, salvo en los casos permitidos en el "
        "artículo 411 o en el Anexo 401",
    ),
    "usmca": (
        "THE UNITED STATES-MEXICO-CANADA AGREEMENT, AND UNLESS SPECIFICALLY EXEMPTED IN THE AGREEMENT",
        "al Tratado entre México, Estados Unidos y Canadá, y no han sido objeto de procesamiento ulterior o de "
        "cualquier otra operación fuera de los territorios de las Partes, salvo en los casos permitidos en el Tratado",
    ),
}


def _date(ctx: Ctx, d: date, order: str) -> str:
    """A date as the form's caption asks for it ('DD/MM/YY', 'mm/dd/yyyy', 'DD/MM/AA'), when the day cannot be
    read as a month; otherwise in the document's own wording."""
    if d.day > 12 and ctx.rng.random() < 0.8:
        if order == "mdy":
            return f"{d.month:02d}/{d.day:02d}/{d.year}"
        return ctx.pick((f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}", f"{d.day:02d}/{d.month:02d}/{d.year}"))
    return ctx.date(d)


def _tax(party_tax: str) -> str:
    """The number without the name of its register ('RFC MMB180412K27' -> 'MMB180412K27')."""
    parts = party_tax.split(maxsplit=1)
    return parts[-1] if len(parts) == 2 and len(parts[0]) <= 4 else party_tax


def cbp434(ctx: Ctx) -> None:
    """The NAFTA certificate's boxes 1-11 filled in as a USMCA / T-MEC certification of origin (see the module
    docstring)."""
    s, sh = ctx.s, ctx.sheet
    es = ctx.lang == "es"
    x, w = ctx.left - ctx.jitter(3, 1), ctx.width + 6
    x = max(x, 10.0)
    w = min(w, sh.width - 2 * x)
    printing = "es" if es else ctx.pick(("en97", "en97", "en16"))
    cap = CAPTIONS[printing]
    sub = es and ctx.rng.random() < 0.45  # English sub-captions on the Spanish version
    agreement = "nafta" if ctx.rng.random() < 0.6 else "usmca"
    order = "mdy" if printing == "en16" else "dmy"
    label = 6.3 if not es else 6.6

    def caption(key: str, number: str = "") -> str:
        text = cap[key]
        if sub and key in ENGLISH_SUB:
            text = f"{text.rstrip(':')} ({ENGLISH_SUB[key]})"
        return f"{number}. {text}" if number else text

    # ----- heading -----
    top = ctx.jitter(10, 1)
    title = AGREEMENTS[agreement][1 if es else 0]
    form_title = ctx.t(
        ctx.pick(("CERTIFICATE OF ORIGIN", "CERTIFICATION OF ORIGIN"))
        if agreement == "usmca"
        else "CERTIFICATE OF ORIGIN",
        "CERTIFICADO DE ORIGEN",
    )
    if not es and agreement == "nafta":
        sh.text(x, top + 2, "DEPARTMENT OF HOMELAND SECURITY", 6.5, bold=True)
        sh.text(x, top + 5, "U.S. Customs and Border Protection", 6.5)
        sh.text(x + w, top + 2, "OMB No. 1651-0098", 6.5, align="right")
        if printing == "en97":
            sh.text(x + w, top + 5, "See back of form for Paperwork", 6, align="right")
            sh.text(x + w, top + 7.6, "Reduction Act Notice.", 6, align="right")
    elif es:
        sh.text(x + w, top + 2, "(Instrucciones al reverso)", 6.5, align="right")
    sh.text(sh.width / 2, top + 9, title, ctx.jitter(10.5, 0.5), bold=True, align="center", max_w=w - 50)
    sh.text(sh.width / 2, top + 14, form_title, ctx.jitter(10.5, 0.5), bold=True, align="center", max_w=w - 50)
    y = top + 19
    if es:
        sh.text(x, y, "Llenar a máquina o con letra de molde. Este documento no será válido si presenta alguna "
                "raspadura, enmendadura o tachadura.", 6.3, max_w=w)  # fmt: skip
    else:
        sh.text(x, y, "Please print or type", 6.5)
        if agreement == "nafta":
            sh.text(x + w, y, "19 CFR 181.11, 181.22", 6.5, align="right")
    y += 1.6
    half = w * ctx.jitter(0.5, 0.02)
    rw = w - half
    value = ctx.jitter(8.4, 0.3)
    step = value * 0.43

    def box_caption(bx: float, by: float, bw: float, text: str) -> float:
        ly = by + 2.6
        for line in sh.wrap(text, bw - 2.4, label):
            sh.text(bx + 1.2, ly, line, label, kind="label")
            ly += label * 0.42
        return ly + 1.9

    def party_box(
        bx: float, by: float, bw: float, bh: float, key: str, number: str, lines: list[str], tax: str, field: str | None
    ) -> None:
        sh.rect(bx, by, bw, bh, 0.6)
        vy = box_caption(bx, by, bw, caption(key, number))
        tax_y = by + bh - 1.6
        tax_caption = caption("tax")
        sh.hline(bx, bx + bw, tax_y - 3.6, 0.3)
        tw = sh.text(bx + 1.2, tax_y, tax_caption, label, kind="label", max_w=bw * 0.6)
        sh.text(bx + 3 + tw, tax_y, tax, value - 0.6, max_w=bw - tw - 4.5)
        room = int((tax_y - 4.6 - vy) / step) + 1
        size = value
        if len(lines) > room:  # a long address: the lines run closer, at a smaller size
            size = max(6.4, value * room / len(lines))
        lstep = min(step, (tax_y - 4.6 - vy) / max(1, len(lines) - 1)) if len(lines) > 1 else step
        for i, line in enumerate(lines):
            sh.text(bx + 2.2, vy + i * lstep, line, size, kind="value" if i == 0 else "static",
                    field=field if i == 0 else None, max_w=bw - 4)  # fmt: skip

    # ----- boxes 1-4 -----
    bh = ctx.jitter(33, 1.5)
    seller, buyer = s.seller, s.buyer
    email_line = printing == "en16"
    exporter = [seller.name, *seller.lines, ctx.country(seller.country, upper=ctx.rng.random() < 0.4)]
    if email_line:
        exporter.append(seller.email)
    ctx.set("exporter_name", seller.name)
    party_box(x, y, half, bh, "1", "1", exporter, _tax(seller.tax_id), "exporter_name")
    # box 2: the blanket period, or left empty for a single shipment
    sh.rect(x + half, y, rw, bh, 0.6)
    vy = box_caption(x + half, y, rw, caption("2", "2"))
    blanket = (
        s.plan.ref_doc != "certificate_of_origin"
        and s.plan.qty_doc != "certificate_of_origin"
        and ctx.rng.random() < 0.3
    )
    start, end = s.invoice_date.replace(month=1, day=1), s.invoice_date.replace(month=12, day=31)
    # FROM over TO, each with its rule, as the form prints them (the Spanish version's 'De:' and 'A:' side by side)
    stacked = not es
    gap = ctx.jitter(7.5, 0.6)
    slot = rw - 6 if stacked else rw / 2 - 3
    for i, (key, day) in enumerate((("from", start), ("to", end))):
        lx = x + half + 3 + (0 if stacked else i * rw / 2)
        fy = vy + 4 + (i * gap if stacked else 0)
        tw = sh.text(lx, fy, cap[key], label + 0.6, bold=True, kind="label")
        sh.hline(lx + tw + 1.5, lx + slot - 3, fy + 1.2, 0.3)
        if blanket:
            sh.text(lx + tw + 2.5, fy, _date(ctx, day, order), value - 0.4, max_w=slot - tw - 6)
    if es:
        for i in range(2):
            sh.text(x + half + 3 + i * rw / 2 + 6, vy + 0.2, "DD / MM / AA", 5.6, kind="label")
    y += bh
    producer_same = False
    if s.producer_line:
        producer = sh.wrap(s.producer_line, half - 5, value)
        producer_tax = ""
    else:
        options = (
            ("DISPONIBLE A SOLICITUD DE LA AUTORIDAD ADUANERA", "MISMO")
            if es
            else ("AVAILABLE TO CUSTOMS UPON REQUEST", "Available to CBP upon request", "SAME")
        )
        text = ctx.pick(options)
        producer_same = text in ("SAME", "MISMO")
        producer = sh.wrap(text, half - 5, value)
        producer_tax = _tax(seller.tax_id) if producer_same and ctx.rng.random() < 0.5 else ""
    party_box(x, y, half, bh, "3", "3", producer, producer_tax, None)
    importer = [buyer.name, *buyer.lines, ctx.country(buyer.country, upper=ctx.rng.random() < 0.4)]
    if email_line:
        importer.append(buyer.email)
    ctx.set("consignee_name", buyer.name)
    party_box(x + half, y, rw, bh, "4", "4", importer, _tax(buyer.tax_id) if buyer.tax_id else "", "consignee_name")
    y += bh

    # ----- field 11: the certification and its signature grid -----
    cert_size = ctx.jitter(6.4, 0.15)
    lead = "I CERTIFY THAT:" if not es else "11. Declaro bajo protesta de decir verdad que:"
    if sub:
        lead += " (I certify that:)"
    treaty_en, treaty_es = AGREEMENT_TEXT[agreement]
    bullets_en = [
        "THE INFORMATION ON THIS DOCUMENT IS TRUE AND ACCURATE AND I ASSUME THE RESPONSIBILITY FOR PROVING SUCH "
        "REPRESENTATIONS. I UNDERSTAND THAT I AM LIABLE FOR ANY FALSE STATEMENTS OR MATERIAL OMISSIONS MADE ON OR IN "
        "CONNECTION WITH THIS DOCUMENT;",
        "I AGREE TO MAINTAIN AND PRESENT UPON REQUEST, DOCUMENTATION NECESSARY TO SUPPORT THIS CERTIFICATE, AND TO "
        "INFORM, IN WRITING, ALL PERSONS TO WHOM THE CERTIFICATE WAS GIVEN OF ANY CHANGES THAT COULD AFFECT THE "
        "ACCURACY OR VALIDITY OF THIS CERTIFICATE;",
        "THE GOODS ORIGINATED IN THE TERRITORY OF ONE OR MORE OF THE PARTIES, AND COMPLY WITH THE ORIGIN "
        f"REQUIREMENTS SPECIFIED FOR THOSE GOODS IN {treaty_en}, THERE HAS BEEN NO FURTHER PRODUCTION OR ANY OTHER "
        "OPERATION OUTSIDE THE TERRITORIES OF THE PARTIES; AND",
    ]
    bullets_es = [
        "La información contenida en este documento es verdadera y exacta, y me hago responsable de comprobar lo "
        "aquí declarado. Estoy consciente que seré responsable por cualquier declaración falsa u omisión hecha en o "
        "relacionada con el presente documento.",
        "Me comprometo a conservar y presentar, en caso de ser requerido, los documentos necesarios que respalden el "
        "contenido del presente certificado, así como a notificar por escrito a todas las personas a quienes "
        "entregue el presente certificado, de cualquier cambio que pudiera afectar la exactitud o validez del mismo.",
        "Los bienes son originarios del territorio de una o más de las Partes y cumplen con los requisitos de origen "
        f"que les son aplicables conforme {treaty_es}.",
    ]
    cert_bullets = [sh.wrap(b, w - 8, cert_size) for b in (bullets_es if es else bullets_en)]
    cert_h = 6.4 + sum(len(lines) * cert_size * 0.41 + 0.6 for lines in cert_bullets) + 2.2
    row_h = ctx.jitter(12.5, 0.6)
    grid_rows = 4 if printing == "en16" else 3

    # ----- the goods, fields 5-10 -----
    shares = [0.41, 0.15, 0.12, 0.11, 0.09]
    shares = [share + ctx.jitter(0, 0.008) for share in shares]
    widths = [w * share for share in shares]
    widths.append(w - sum(widths))
    heads = [caption(str(n), str(n)) for n in range(5, 11)]
    head_size = label
    head_lines = [sh.wrap(text, width - 2.4, head_size) for text, width in zip(heads, widths, strict=True)]
    head_h = max(len(lines) for lines in head_lines) * head_size * 0.42 + 3.2
    # the goods area takes what the certification leaves of the sheet (a Letter sheet is shorter than A4)
    room = sh.height - 17 - (y + head_h) - cert_h - grid_rows * row_h
    body_h = min(ctx.jitter(92, 4), room)
    cx = x
    for width, lines in zip(widths, head_lines, strict=True):
        sh.rect(cx, y, width, head_h, 0.6)
        sh.rect(cx, y + head_h, width, body_h, 0.6)
        ly = y + 2.8
        for line in lines:
            sh.text(cx + width / 2, ly, line, head_size, kind="label", align="center")
            ly += head_size * 0.42
        cx += width
    body_top = y + head_h
    # a certificate for a single shipment names its invoice (the USMCA completion notes ask for it); one with a
    # blanket period (box 2 filled) covers several shipments and does not
    row = _goods(ctx, x, body_top, widths, body_h, es, producer_same, single=not blanket)
    y = body_top + body_h

    pages = sh.total_pages
    cy = y + 3.2
    sh.text(x + 1.2, cy, lead, cert_size + 0.6, bold=True, kind="label")
    cy += 3.2
    for bullet in bullets_es if es else bullets_en:
        sh.text(x + 2.5, cy, "-" if es else "\u2022", cert_size, kind="label")
        cy = sh.para(x + 5.5, cy, bullet, w - 8, cert_size, leading=cert_size * 0.41, kind="label") + 0.6
    consists = ctx.t(
        f"THIS CERTIFICATE CONSISTS OF {pages} PAGE{'S' if pages != 1 else ''}, INCLUDING ALL ATTACHMENTS.",
        f"Este certificado se compone de {pages} hoja{'s' if pages != 1 else ''}, incluyendo todos sus anexos.",
    )
    sh.text(x + 2.5, cy, "-" if es else "\u2022", cert_size, kind="label")
    sh.text(x + 5.5, cy, consists, cert_size, kind="label", max_w=w - 8)
    cy += 2.2
    if not es:
        sh.text(x + 0.8, cy + row_h * 1.5, "11.", cert_size + 1, bold=True, kind="label")
    sh.rect(x, y, w, cy - y, 0.6)
    y = cy
    # the signature grid: three rows of two cells, the later printing with an e-mail cell
    grid_x = x + (6 if not es else 0)
    gw = x + w - grid_x
    lw = gw * ctx.jitter(0.5, 0.03)
    cells_x = (grid_x, grid_x + lw, grid_x)
    cells_w = (lw, gw - lw, gw)  # column 2: a cell across the grid

    def cell(col: int, row: int, key: str, number: str) -> tuple[float, float, float]:
        cx, cw = cells_x[col], cells_w[col]
        cy = y + row * row_h
        sh.rect(cx, cy, cw, row_h, 0.6)
        text = caption(key)
        if not es:
            text = f"{number}. {text}"
        sh.text(cx + 1.2, cy + 2.6, text, label, kind="label", max_w=cw - 2.4)
        return cx + 2.2, cy + row_h - 2.0, cw - 4.4

    sx, sy, _ = cell(0, 0, "11a", "11a")
    sh.scribble(sx + 8, sy - 1.2, min(38, lw - 20), len(s.invoice_no) + len(seller.person))
    vx, vy_, vw = cell(1, 0, "11b", "11b")
    sh.text(vx, vy_, seller.name, value, kind="value", max_w=vw)
    vx, vy_, vw = cell(0, 1, "11c", "11c")
    sh.text(vx, vy_, seller.person.upper() if ctx.rng.random() < 0.4 else seller.person, value, max_w=vw)
    vx, vy_, vw = cell(1, 1, "11d", "11d")
    sh.text(vx, vy_, seller.title, value, max_w=vw)
    vx, vy_, vw = cell(0, 2, "11e", "11e")
    ctx.set("issue_date", s.coo_date.isoformat())
    sh.text(vx, vy_, _date(ctx, s.coo_date, order), value, kind="value", field="issue_date", max_w=vw)
    fx, fy_, fw = cell(1, 2, "11f", "11f")
    if es:
        sh.text(fx, fy_, seller.phone, value - 0.4, max_w=fw * 0.55)
        fax_x = fx + fw * 0.6
        sh.text(fax_x, y + 2 * row_h + 2.6, cap["fax"], label, kind="label")
        sh.text(fax_x, fy_, ctx.pick(("", "N/A", "-")), value - 0.4, max_w=fw * 0.4)
    else:
        half_cell = fw / 2
        tw = sh.text(fx, fy_, cap["voice"], label, kind="label")
        sh.text(fx + tw + 1.5, fy_, seller.phone, value - 0.6, max_w=half_cell - tw - 2.5)
        sh.text(fx + half_cell + 2, fy_, cap["fax"], label, kind="label")
    if printing == "en16":
        gx, gy, gw_ = cell(2, 3, "11g", "11g")
        sh.text(gx, gy, seller.email, value - 0.4, max_w=gw_)
    bottom = y + grid_rows * row_h
    if not es and agreement == "nafta":
        edition = "(04/97)" if printing == "en97" else "(11/16)"
        sh.text(x, bottom + 3.2, f"CBP Form 434 {edition}", 6.8, bold=True)
    if pages > 1:
        _continuation(ctx, es, agreement, row)


def _goods(
    ctx: Ctx, x: float, top: float, widths: list[float], height: float, es: bool, producer_same: bool, single: bool
) -> list[str]:
    """Fields 5-10 of one good: the description in the exporter's words (packages, lots, the net quantity and the
    invoice of a single shipment as exporters add them), its HS number, criterion, producer, net cost and
    country of origin."""
    s, sh = ctx.s, ctx.sheet
    show_qty = s.plan.qty_doc == "certificate_of_origin" or ctx.rng.random() < 0.5
    upper = ctx.rng.random() < 0.5
    desc = s.description(ctx.lang)
    lines: list[tuple[str, str, str | None]] = []  # label, text, field
    lines.append(("", desc.upper() if upper else desc, None))
    packages = ctx.packages_text(s.packages)
    per_lot = ctx.rng.random() < 0.35
    if per_lot:
        consistent = s.coo_net_kg == s.net_kg
        for lot in s.lots:
            text = f"{ctx.t('Lot', 'Lote')} {lot.number}: {ctx.packages_text(lot.packages)}"
            if consistent and show_qty:
                text += f", {ctx.weight(lot.net_kg)}"
            lines.append(("", text, None))
    else:
        lots = ", ".join(lot.number for lot in s.lots)
        lines.append(("", ctx.pick((packages, packages.upper(), f"{ctx.t('Packages', 'Bultos')}: {s.packages}")), None))
        if ctx.rng.random() < 0.6:
            lines.append((ctx.t("Lots:", "Lotes:") if len(s.lots) > 1 else ctx.t("Lot:", "Lote:"), lots, None))
    if show_qty:
        net_label = ctx.pick(
            (ctx.t("Net weight:", "Peso neto:"), ctx.t("NET WT.", "P. NETO:"), ctx.t("Total net:", "Total neto:"))
        )
        lines.append((net_label, ctx.weight(s.coo_net_kg, "net_weight_kg"), "net_weight_kg"))
    if single:
        ctx.set("invoice_number", s.coo_invoice_ref)
        inv_label = ctx.pick(
            (ctx.t("Invoice No.", "Factura No."), ctx.t("INV #", "Factura:"), ctx.t("Commercial invoice:", "Fact."))
        )
        lines.append((inv_label, s.coo_invoice_ref, "invoice_number"))
    if ctx.rng.random() < 0.3:
        lines.append(("", f"{ctx.t('Customer PO', 'Pedido')} {s.buyer_po}", None))
    if ctx.sheet.total_pages > 1:
        lines.append(("", ctx.t("SEE ATTACHED CONTINUATION SHEET", "VER HOJA ANEXA"), None))
    # fit the description column: smaller and closer lines before anything leaves the box
    col_w = widths[0] - 4
    size = ctx.jitter(8.2, 0.3)
    while True:
        wrapped: list[tuple[str, str, str | None, bool]] = []  # label, text, field, first part
        for label, text, field in lines:
            lead = sh.text_width(label, size) + 1.5 if label else 0.0
            parts = sh.wrap(text, col_w - lead, size)
            for i, part in enumerate(parts):
                wrapped.append((label if i == 0 else "", part, field if i == 0 else None, i == 0))
        step = size * 0.45
        if 3.6 + len(wrapped) * step <= height - 2 or size <= 6.2:
            break
        size -= 0.2
    gx = x + 2
    gy = top + 4.2
    for label, text, field, _first in wrapped:
        tx = gx
        if label:
            tx += sh.text(gx, gy, label, size, kind="label") + 1.5
        sh.text(tx, gy, text, size, kind="value", field=field, max_w=x + widths[0] - 2 - tx)
        gy += step
    # fields 6-10 on the good's first line
    cx = x + widths[0]
    hs = ctx.hs(six_digits=ctx.rng.random() < 0.7)
    criterion = ctx.pick(("A", "B", "B", "C"))
    producer = ("SÍ" if es else "YES") if producer_same else ctx.pick(("NO (1)", "NO (2)", "NO (3)", "NO(2)"))
    net_cost = ctx.t("NC", "CN") if criterion == "B" and ctx.rng.random() < 0.25 else "NO"
    ctx.set("country_of_origin", s.declared)
    origin = ctx.pick((s.declared, s.declared, country_name(s.declared, ctx.lang, upper=True)))
    values = [(hs, "hs_code"), (criterion, None), (producer, None), (net_cost, None), (origin, "country_of_origin")]
    vy = top + 4.2
    for width, (text, field) in zip(widths[1:], values, strict=True):
        sh.text(cx + width / 2, vy, text, size + 0.2, kind="value", field=field, align="center", max_w=width - 2.5)
        cx += width
    return [text for text, _field in values]


def _continuation(ctx: Ctx, es: bool, agreement: str, row: list[str]) -> None:
    """The continuation sheet (CBP Form 434A): fields 5-10 again, one line per lot."""
    s, sh = ctx.s, ctx.sheet
    sh.new_page()
    x, w = ctx.left, ctx.width
    title = AGREEMENTS[agreement][1 if es else 0]
    sh.text(sh.width / 2, 16, title, 10, bold=True, align="center", max_w=w)
    sh.text(sh.width / 2, 21, ctx.t("CERTIFICATE OF ORIGIN CONTINUATION SHEET", "CERTIFICADO DE ORIGEN - HOJA ANEXA"),
            10, bold=True, align="center")  # fmt: skip
    heads = [
        ctx.t("5. DESCRIPTION OF GOOD(S)", "5. Descripción del (los) bien(es)"),
        ctx.t("6. HS TARIFF CLASSIFICATION NUMBER", "6. Clasificación arancelaria"),
        ctx.t("7. PREFERENCE CRITERION", "7. Criterio para trato preferencial"),
        ctx.t("8. PRODUCER", "8. Productor"),
        ctx.t("9. NET COST", "9. Costo neto"),
        ctx.t("10. COUNTRY OF ORIGIN", "10. País de origen"),
    ]
    widths = [w * 0.41, w * 0.15, w * 0.12, w * 0.11, w * 0.09]
    widths.append(w - sum(widths))
    y = 27.0
    head_lines = [sh.wrap(t, wd - 2.4, 6.3) for t, wd in zip(heads, widths, strict=True)]
    head_h = max(len(lines) for lines in head_lines) * 2.7 + 3.2
    body_h = 12 + 5 * len(s.lots)
    cx = x
    for width, lines in zip(widths, head_lines, strict=True):
        sh.rect(cx, y, width, head_h, 0.6)
        sh.rect(cx, y + head_h, width, body_h, 0.6)
        ly = y + 2.8
        for line in lines:
            sh.text(cx + width / 2, ly, line, 6.3, kind="label", align="center")
            ly += 2.7
        cx += width
    gy = y + head_h + 5
    for lot in s.lots:
        text = f"{ctx.t('Lot', 'Lote')} {lot.number}: {ctx.packages_text(lot.packages)}"
        sh.text(x + 2, gy, text, 7.6, max_w=widths[0] - 4)
        cx = x + widths[0]
        for width, val in zip(widths[1:], row, strict=True):
            sh.text(cx + width / 2, gy, val, 7.6, align="center", max_w=width - 2.5)
            cx += width
        gy += 5
