"""A Latin-American chamber of commerce's non-preferential certificate of origin (`chamber_latam`), added after the
extractors were built (no extractor was changed for it).

The 'Certificado de Origen' a Cámara de Comercio, a Cámara Nacional de Comercio (CANACO in Mexico) or an exporters'
chamber (CAINCO, CANEB in Bolivia) issues for goods bound to countries without a trade agreement ('terceros
países'): the chamber's name as letterhead with the form's serial number ('Nº', 'Serie A') at the top right, the
title, then ruled boxes for the exporter, the consignee, the country of destination, the means of transport and
the ports of shipment and discharge and the commercial invoice; the goods table (marks and numbers, number and
kind of packages ('bultos'), description, tariff heading, gross and net weight, sometimes the invoice as a column);
the exporter's sworn declaration, and the chamber's certification in one sentence ('La Cámara ... CERTIFICA que las
mercancías arriba descritas son originarias de ...') with the place and date of issue, signatures and seals. The
form is printed in Spanish; some chambers print English subtitles under or beside each caption ('Exportador /
Exporter'), chosen per document. Chambers outside Latin America are named in Spanish as the form prints them.

It follows the contents the public descriptions list for a chamber's certificate (exporter and importer, means of
transport, a description matching the commercial invoice, gross and net weight, the exporter's signature and the
chamber's authentication; issued after the invoice, without corrections or erasures) and the ICC guidelines for
chambers' certificates. Every value a field records is drawn with kind="value"; wording, box order and sizes,
captions and the goods table's columns vary per document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from samplegen.draw import MM
from samplegen.formatting import WeightStyle, country_name, fmt_weight
from samplegen.layouts.common import Ctx

# The chamber that certifies, by declared country: (name, acronym, city). Mexican certificates come from the
# CANACO of the exporter's city; the rest are named as a Spanish-language form prints them.
CHAMBERS_ES = {
    "BO": (
        ("Cámara de Industria, Comercio, Servicios y Turismo de Santa Cruz", "CAINCO", "Santa Cruz de la Sierra"),
        ("Cámara Nacional de Exportadores de Bolivia", "CANEB", "La Paz"),
        ("Cámara Nacional de Comercio de Bolivia", "CNC", "La Paz"),
    ),
    "TH": (("Cámara de Comercio de Tailandia", "TCC", "Bangkok"),),
    "VN": (("Cámara de Comercio e Industria de Vietnam (VCCI), filial de Hai Phong", "VCCI", "Hai Phong"),),
    "TJ": (("Cámara de Comercio e Industria de la República de Tayikistán, filial de Sughd", "CCI RT", "Khujand"),),
    "BE": (("Voka - Cámara de Comercio de Amberes-Waasland", "VOKA", "Amberes"),),
    "OM": (("Cámara de Comercio e Industria de Omán, filial de Batinah Norte", "OCCI", "Sohar"),),
    "MY": (("Cámara de Comercio Malaya de Perak", "MCC", "Ipoh"),),
    "ID": (("Cámara de Comercio e Industria de Indonesia (KADIN), Java Oriental", "KADIN", "Surabaya"),),
    "CA": (("Cámara de Comercio de Montreal Metropolitano", "CCMM", "Montreal"),),
}
MIN_GOODS_H = 62.0  # mm the goods box needs for one row (marks, description, lots) and the producer line
TRANSPORT_ES = {
    "Sea": "Marítimo",
    "Truck": "Terrestre (camión)",
    "Rail": "Ferroviario",
    "Rail and sea via Riga": "Ferroviario y marítimo vía Riga",
}
# Captions (Spanish, English subtitle); each key has the synonyms the chambers' forms print.
CAPTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "exporter": (
        ("Exportador", "Exporter"),
        ("Exportador (nombre y domicilio)", "Exporter (name and address)"),
        ("Nombre y dirección del exportador", "Exporter's name and address"),
    ),
    "consignee": (
        ("Consignatario", "Consignee"),
        ("Destinatario", "Consignee"),
        ("Importador / Consignatario", "Importer / Consignee"),
    ),
    "destination": (("País de destino", "Country of destination"), ("País de destino final", "Final destination")),
    "transport": (("Medio de transporte", "Means of transport"), ("Vía de transporte", "Means of transport")),
    "loading": (("Puerto de embarque", "Port of shipment"), ("Lugar de embarque", "Place of loading")),
    "discharge": (("Puerto de destino", "Port of discharge"), ("Puerto de desembarque", "Port of discharge")),
    "invoice": (("Factura comercial Nº", "Commercial invoice No."), ("Factura Nº", "Invoice No.")),
    "marks": (("Marcas y números", "Marks and numbers"), ("Marcas", "Marks")),
    "packages": (("Nº y clase de bultos", "No. and kind of packages"), ("Cantidad de bultos", "Packages")),
    "description": (
        ("Descripción de las mercancías", "Description of goods"),
        ("Denominación de la mercadería", "Description of goods"),
    ),
    "hs": (
        ("Partida arancelaria", "HS code"),
        ("Subpartida arancelaria", "Tariff heading"),
        ("Código arancelario", "HS code"),
    ),
    "gross": (("Peso bruto", "Gross weight"),),
    "net": (("Peso neto", "Net weight"),),
    "inv_col": (("Factura Nº y fecha", "Invoice No. and date"),),
    "declaration": (("Declaración del exportador", "Exporter's declaration"),),
    "certification": (
        ("Certificación de la Cámara", "Certification by the Chamber"),
        ("Certificación", "Certification"),
    ),
    "remarks": (("Observaciones", "Remarks"),),
}


@dataclass
class _Style:
    bilingual: bool
    below: bool  # English subtitle on its own line under the Spanish caption
    numbered: bool
    number: int = 0


def _chamber(ctx: Ctx) -> tuple[str, str, str]:
    s = ctx.s
    if s.declared == "MX":
        city = s.seller.city.split(",")[0] or "Saltillo"
        return f"Cámara Nacional de Comercio, Servicios y Turismo de {city}", f"CANACO SERVYTUR {city}", s.seller.city
    options = CHAMBERS_ES.get(s.declared)
    if options is None:
        return f"Cámara de Comercio de {s.seller.city}", "CC", s.seller.city
    return ctx.pick(options)


def _caption(ctx: Ctx, cs: _Style, x: float, y: float, w: float, key: str) -> float:
    """A box caption (numbered or not, Spanish with or without its English subtitle); returns the baseline for
    the first value line under it."""
    sh = ctx.sheet
    es, en = ctx.pick(CAPTIONS[key])
    lx = x + 1.4
    if cs.numbered:
        cs.number += 1
        lx += sh.text(lx, y + 3.1, f"{cs.number}.", 6.9, bold=True, kind="label") + 1.0
    room = x + w - lx - 1.2
    if cs.bilingual and not cs.below:
        es = f"{es} / {en}"
    ly = y + 3.1
    for line in sh.wrap(es, room, 6.7, bold=True):
        sh.text(lx, ly, line, 6.7, bold=True, kind="label", max_w=room)
        ly += 2.8
    if cs.bilingual and cs.below:
        for line in sh.wrap(en, room, 6.0):
            sh.text(lx, ly, line, 6.0, kind="label", max_w=room)
            ly += 2.5
    return ly + 2.6


def _caption_height(ctx: Ctx, cs: _Style, w: float) -> float:
    """How far the tallest caption of a box `w` wide reaches below the box's top."""
    sh = ctx.sheet
    room = w - 9.0
    longest = max((pair for pairs in CAPTIONS.values() for pair in pairs), key=lambda p: len(p[0]) + len(p[1]))
    es = f"{longest[0]} / {longest[1]}" if cs.bilingual and not cs.below else longest[0]
    h = 3.1 + len(sh.wrap(es, room, 6.7, True)) * 2.8
    if cs.bilingual and cs.below:
        h += len(sh.wrap(longest[1], room, 6.0)) * 2.5
    return h + 2.6


def _flow(
    ctx: Ctx,
    x: float,
    y: float,
    width: float,
    parts: list[tuple[str, str | None]],
    size: float,
    leading: float,
    draw: bool = True,
) -> float:
    """Running text whose filled-in values stay separate strings: `parts` are (text, field) pairs, a part with a
    field is drawn whole (in bold) as that field's value, the printed words around it wrap as a paragraph.
    Returns the baseline after the last line (with draw=False only measures)."""
    sh = ctx.sheet
    space = sh.text_width(" ", size)
    lines: list[list[tuple[str, str | None]]] = [[]]
    used = 0.0
    for text, field in parts:
        for unit in [text] if field else text.split():
            line = lines[-1]
            if not field and unit in ".,;:" and line and line[-1][1] is None:
                line[-1] = (line[-1][0] + unit, None)  # punctuation sticks to the printed word before it
                used += sh.text_width(unit, size)
                continue
            w = sh.text_width(unit, size, field is not None)
            gap = space if line else 0.0
            if line and used + gap + w > width:
                lines.append([])
                used, gap = 0.0, 0.0
            lines[-1].append((unit, field))
            used += gap + w
    if not draw:
        return y + leading * len(lines)
    for line in lines:
        cx = x
        run: list[str] = []
        after_value = False
        for unit, field in [*line, ("", "<end>")]:
            if field is None:
                run.append(unit)
                continue
            if run:
                text = " ".join(run)
                if after_value and text[0] in ".,;:":
                    cx -= space
                cx += sh.text(cx, y, text, size) + space
                run = []
            if field == "<end>":
                break
            cx += sh.text(cx, y, unit, size, bold=True, kind="value", field=field, max_w=x + width - cx) + space
            after_value = True
        y += leading
    return y


def _weights(ctx: Ctx) -> tuple[WeightStyle, bool]:
    """The weight unit of the goods table, and whether the unit sits in the column caption (bare numbers)."""
    if ctx.st.weight.unit == "lbs":
        return WeightStyle("lbs", 2), False
    style = ctx.pick((WeightStyle("kg", 2), WeightStyle("kg", 0), WeightStyle("KGS", 2), WeightStyle("MT", 3)))
    return style, ctx.rng.random() < 0.5


def _wt(ctx: Ctx, kg: Decimal, style: WeightStyle, bare: bool) -> tuple[str, float]:
    text, value = fmt_weight(float(kg), style, ctx.st.conv, ctx.lang)
    return (text.rsplit(" ", 1)[0] if bare else text), value


def _party_lines(ctx: Ctx, name: str, lines: list[str], w: float, size: float) -> list[str]:
    sh = ctx.sheet
    out = sh.wrap(name, w, size, bold=True)
    return out + lines


def chamber_latam(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    es = ctx.lang == "es"
    bilingual = not es or ctx.rng.random() < 0.5
    cs = _Style(bilingual, bilingual and ctx.rng.random() < 0.5, ctx.rng.random() < 0.6)
    chamber, acronym, city = _chamber(ctx)
    x, w = ctx.left, ctx.width
    bottom = sh.height - 13.0

    # ----- letterhead: the chamber, the serial number, the title -----
    y = 11.0
    logo = ctx.rng.random() < 0.6
    nx = x
    if logo:
        lw_logo = min(max(sh.text_width(acronym, 8.5, True) + 6, 20.0), 44.0)
        sh.rect(x, y, lw_logo, 13, 1.0)
        sh.text(x + lw_logo / 2, y + 8, acronym, 8.5, bold=True, align="center", max_w=lw_logo - 2)
        nx = x + lw_logo + 4
    name_w = ctx.right - 58 - nx
    ly = y + 4
    for line in sh.wrap(chamber.upper(), name_w, 9.6, bold=True)[:3]:
        sh.text(nx, ly, line, 9.6, bold=True, max_w=name_w)
        ly += 4.0
    sh.text(nx, ly + 0.4, f"{city} - {country_name(s.declared, 'es')}", 7.4, max_w=name_w)
    if s.coo_no:
        ctx.set("certificate_number", s.coo_no)
    number_label = ctx.pick(("Nº", "N°", "No.", "Certificado Nº"))
    rx = ctx.right - 54
    sh.rect(rx, y, 54, 14, 0.8)
    tw = sh.text(rx + 2, y + 6, number_label, 9, bold=True, kind="label")
    sh.text(rx + 4 + tw, y + 6, s.coo_no, 10.5, kind="value", field="certificate_number", max_w=54 - tw - 6)
    series = ctx.pick(("Serie A", "Serie B", "Serie C", ""))
    if series:
        sh.text(rx + 2, y + 11.5, series, 7.6, kind="label")
    y = max(ly + 6, y + 19)
    sh.text(sh.width / 2, y + 4, "CERTIFICADO DE ORIGEN", ctx.jitter(15, 0.8), bold=True, align="center")
    y += 5
    if bilingual:
        sh.text(sh.width / 2, y + 4, "CERTIFICATE OF ORIGIN", 9.5, align="center")
        y += 4.5
    subtitle = ctx.pick(("(No preferencial)", "Régimen general - Terceros países", "Origen no preferencial", ""))
    if subtitle:
        sh.text(sh.width / 2, y + 4, subtitle, 8, align="center")
        y += 4.5
    y += 3.0

    # ----- the boxes: parties on the left, shipment details on the right (or in a row under them) -----
    party_size = 8.3
    step = 3.6
    cap_h = _caption_height(ctx, cs, w * 0.45)
    invoice_in_table = ctx.rng.random() < 0.35
    seller_rest = [*s.seller.lines, country_name(s.seller.country, ctx.lang)]
    buyer_rest = [*s.buyer.lines, country_name(s.buyer.country, ctx.lang)]
    transport = TRANSPORT_ES.get(s.transport, s.transport) if es else s.transport
    carrier = f"{transport} - {s.vessel}" if ctx.rng.random() < 0.6 else transport
    invoice_lines = [s.coo_invoice_ref, f"{ctx.t('Date', 'Fecha')}: {ctx.date(s.invoice_date)}"]
    details: list[tuple[str, list[tuple[str, str | None]]]] = [
        ("destination", [(ctx.country(s.buyer.country, upper=True), None)]),
        ("transport", [(carrier, None)]),
        ("loading", [(s.place_loading, None)]),
    ]
    if ctx.rng.random() < 0.5:
        details.append(("discharge", [(s.place_discharge, None)]))
    if not invoice_in_table:
        ctx.set("invoice_number", s.coo_invoice_ref)
        details.insert(ctx.rng.randrange(1, len(details) + 1),
                       ("invoice", [(invoice_lines[0], "invoice_number"), (invoice_lines[1], None)]))  # fmt: skip
    ctx.set("exporter_name", s.seller.name)
    ctx.set("consignee_name", s.buyer.name)
    stacked = ctx.rng.random() < 0.55
    if stacked:
        lw = w * ctx.jitter(0.56, 0.03)
        rw = w - lw
        exp = _party_lines(ctx, s.seller.name, seller_rest, lw - 5, party_size)
        con = _party_lines(ctx, s.buyer.name, buyer_rest, lw - 5, party_size)
        h1 = max(ctx.jitter(30, 2), cap_h + len(exp) * step + 1.5)
        h2 = max(ctx.jitter(30, 2), cap_h + len(con) * step + 1.5)
        need = max(_caption_height(ctx, cs, rw) + len(_detail_lines(ctx, v, rw)) * step for _, v in details) + 1.0
        h2 = max(h2, need * len(details) - h1)  # every detail box holds its caption and lines
        dh = (h1 + h2) / len(details)
        _party_box(ctx, cs, x, y, lw, h1, "exporter", exp, s.seller.name, "exporter_name", party_size, step)
        _party_box(ctx, cs, x, y + h1, lw, h2, "consignee", con, s.buyer.name, "consignee_name", party_size, step)
        for i, (key, values) in enumerate(details):
            _detail_box(ctx, cs, x + lw, y + i * dh, rw, dh, key, values, step)
        y += h1 + h2
    else:
        half = w / 2
        exp = _party_lines(ctx, s.seller.name, seller_rest, half - 5, party_size)
        con = _party_lines(ctx, s.buyer.name, buyer_rest, half - 5, party_size)
        h = max(ctx.jitter(30, 2), cap_h + max(len(exp), len(con)) * step + 1.5)
        _party_box(ctx, cs, x, y, half, h, "exporter", exp, s.seller.name, "exporter_name", party_size, step)
        _party_box(ctx, cs, x + half, y, half, h, "consignee", con, s.buyer.name, "consignee_name", party_size, step)
        y += h
        dw = w / len(details)
        dh = max(_caption_height(ctx, cs, dw) + len(_detail_lines(ctx, v, dw)) * step for _, v in details) + 1.5
        dh = max(dh, ctx.jitter(15, 1.5))
        for i, (key, values) in enumerate(details):
            _detail_box(ctx, cs, x + i * dw, y, dw, dh, key, values, step)
        y += dh
    y += ctx.jitter(3, 1)

    # ----- the bottom blocks are placed from the foot of the page; the goods table gets the room between -----
    side_by_side = ctx.rng.random() < 0.6
    note = ctx.pick((
        "Este certificado no es válido si presenta enmiendas, raspaduras o tachaduras.",
        "Sin enmiendas ni raspaduras. Válido por 180 días a partir de la fecha de expedición.",
        "",
    ))  # fmt: skip
    origin = ctx.country(s.declared, upper=True, field="country_of_origin")
    origin_es, origin_en = country_name(s.declared, "es", True), country_name(s.declared, "en", True)
    decl_es = ctx.pick((
        "El que suscribe declara bajo juramento que los datos consignados en el presente certificado son verídicos "
        "y que las mercancías arriba descritas fueron producidas en",
        "Declaramos que la información contenida en este certificado es verdadera y que las mercancías arriba "
        "descritas son originarias de",
    ))  # fmt: skip
    decl_en = "We declare that the above details are correct and that the goods described above originate in"
    body = f"la {chamber}" if not chamber.startswith("Voka") else chamber
    cert_es = f"{body[0].upper()}{body[1:]}, con base en la declaración del exportador y los documentos presentados, "
    cert_es += "CERTIFICA que las mercancías arriba descritas son originarias de"
    cert_en = "The Chamber certifies, on the basis of the exporter's declaration, that the goods described above "
    cert_en += "originate in"
    es_field = "country_of_origin" if es else None
    en_field = None if es else "country_of_origin"
    Para = tuple[list[tuple[str, str | None]], float, float]
    decl: list[Para] = [([(decl_es, None), (f"{origin_es}.", None)], 7.2, 3.1)]
    cert: list[Para] = [([(cert_es, None), (origin if es else origin_es, es_field), (".", None)], 7.4, 3.2)]
    if bilingual:
        decl.append(([(decl_en, None), (f"{origin_en}.", None)], 6.3, 2.7))
        cert.append(([(cert_en, None), (origin if not es else origin_en, en_field), (".", None)], 6.4, 2.8))

    def measure(paras: list[Para], width: float) -> float:
        return sum(_flow(ctx, 0, 0, width, parts, size, lead, draw=False) + 0.8 for parts, size, lead in paras)

    def paragraphs(paras: list[Para], px: float, py: float, width: float) -> float:
        for parts, size, lead in paras:
            py = _flow(ctx, px, py, width, parts, size, lead) + 0.8
        return py

    exporter_day = s.coo_date - timedelta(days=ctx.rng.randrange(0, 3))
    ctx.set("issue_date", s.coo_date.isoformat())
    issued = f"{city}, {ctx.date(s.coo_date)}"
    place_label = ctx.pick(("Lugar y fecha de expedición:", "Expedido en:", "Lugar y fecha:"))
    if bilingual:
        place_label = place_label.rstrip(":") + " / " + ctx.pick(("Place and date of issue:", "Issued at:"))
    signer = ctx.pick(("Funcionario autorizado", "Gerente de Comercio Exterior", "Secretario General"))
    half = w / 2
    for _ in range(2):
        if side_by_side:
            need_decl = _caption_height(ctx, cs, half) + measure(decl, half - 4) + 4.5 + 15
            need_cert = _caption_height(ctx, cs, half) + measure(cert, half - 4) + 6.5 + 24
            foot_h = max(ctx.jitter(50, 2), need_decl, need_cert)
            h1 = h2 = foot_h
        else:
            h1 = max(ctx.jitter(30, 2), _caption_height(ctx, cs, w) + measure(decl, w - 4) + 13)
            h2 = max(ctx.jitter(46, 2), _caption_height(ctx, cs, w) + measure(cert, w - 4) + 2 + 25)
            foot_h = h1 + h2
        foot_top = bottom - foot_h - (4.5 if note else 0.0)
        if side_by_side or foot_top - 3 - y >= MIN_GOODS_H:
            break
        side_by_side = True  # the goods need the room: declaration and certification side by side
    _goods(ctx, cs, y, foot_top - 3, invoice_in_table, invoice_lines)

    # ----- the exporter's declaration and the chamber's certification -----
    top = foot_top
    if side_by_side:
        ly = paragraphs(decl, x + 2, _caption(ctx, cs, x, top, half, "declaration"), half - 4)
        sh.text(x + 2, ly + 1.5, f"{s.seller.city}, {ctx.date(exporter_day)}", 7.8, max_w=half - 4)
        sh.scribble(x + 8, top + foot_h - 10, 30, len(s.coo_no))
        sh.hline(x + 4, x + half - 10, top + foot_h - 6.5, 0.3)
        sh.text(x + 4, top + foot_h - 3.6, f"{s.seller.person} - {ctx.t('Signature and stamp', 'Firma y sello')}",
                6.6, kind="label", max_w=half - 8)  # fmt: skip
        sh.rect(x, top, half, foot_h, 0.6)
        cx = x + half
        ly = paragraphs(cert, cx + 2, _caption(ctx, cs, cx, top, half, "certification"), half - 4)
        sh.text(cx + 2, ly + 1.5, place_label, 6.8, bold=True, kind="label", max_w=half - 4)
        sh.text(cx + 2, ly + 5.2, issued, 8.2, kind="value", field="issue_date", max_w=half - 4)
        sh.canvas.setLineWidth(0.6)
        sh.canvas.circle((cx + half - 14) * MM, (sh.height - (top + foot_h - 11)) * MM, 9 * MM)
        sh.scribble(cx + 6, top + foot_h - 9, 26, len(s.coo_no) + 3)
        sh.hline(cx + 4, cx + half - 26, top + foot_h - 6.5, 0.3)
        sh.text(cx + 4, top + foot_h - 3.6, f"{signer} - Firma y sello", 6.6, kind="label", max_w=half - 30)
        sh.rect(cx, top, half, foot_h, 0.6)
    else:
        paragraphs(decl, x + 2, _caption(ctx, cs, x, top, w, "declaration"), w - 4)
        sh.text(x + 2, top + h1 - 3.5, f"{s.seller.city}, {ctx.date(exporter_day)}", 7.8, max_w=w * 0.45)
        sh.scribble(x + w * 0.6, top + h1 - 9, 30, len(s.coo_no))
        sh.hline(x + w * 0.55, ctx.right - 4, top + h1 - 6, 0.3)
        sh.text(x + w * 0.55, top + h1 - 3.0, f"{s.seller.person} - {ctx.t('Signature', 'Firma')}", 6.6,
                kind="label", max_w=w * 0.45 - 4)  # fmt: skip
        sh.rect(x, top, w, h1, 0.6)
        top += h1
        ly = paragraphs(cert, x + 2, _caption(ctx, cs, x, top, w, "certification"), w - 4)
        tw = sh.text(x + 2, ly + 2, place_label, 7.2, bold=True, kind="label")
        sh.text(x + 4 + tw, ly + 2, issued, 8.6, kind="value", field="issue_date", max_w=w * 0.6 - tw)
        sh.canvas.setLineWidth(0.6)
        sh.canvas.circle((x + w * 0.42) * MM, (sh.height - (top + h2 - 13)) * MM, 10 * MM)
        sh.scribble(x + w * 0.64, top + h2 - 10, 32, len(s.coo_no) + 3)
        sh.hline(x + w * 0.58, ctx.right - 4, top + h2 - 6.5, 0.3)
        sh.text(x + w * 0.58, top + h2 - 3.4, f"{signer} - Firma y sello de la Cámara", 6.6, kind="label",
                max_w=w * 0.42 - 4)  # fmt: skip
        sh.rect(x, top, w, h2, 0.6)
    if note:
        sh.text(x, bottom - 0.6, note, 6.6, kind="static", max_w=w)


def _party_box(
    ctx: Ctx,
    cs: _Style,
    x: float,
    y: float,
    w: float,
    h: float,
    key: str,
    lines: list[str],
    name: str,
    field: str,
    size: float,
    step: float,
) -> None:
    """A party's box: the name (in bold, wrapped if long; its first line is the field's value) and address."""
    sh = ctx.sheet
    sh.rect(x, y, w, h, 0.6)
    ly = _caption(ctx, cs, x, y, w, key)
    name_lines = len(sh.wrap(name, w - 5, size, bold=True))
    for i, line in enumerate(lines):
        is_name = i < name_lines
        sh.text(x + 2.5, ly, line, size, bold=is_name, kind="value" if is_name else "static",
                field=field if i == 0 else None, max_w=w - 4.5)  # fmt: skip
        ly += step


def _detail_lines(ctx: Ctx, values: list[tuple[str, str | None]], w: float) -> list[tuple[str, str | None]]:
    """A detail box's lines: a printed value wraps to the box, a field's value stays whole (shrunk to fit)."""
    out: list[tuple[str, str | None]] = []
    for text, field in values:
        if field:
            out.append((text, field))
        else:
            out += [(line, None) for line in ctx.sheet.wrap(text, w - 4.5, 8.2)]
    return out


def _detail_box(
    ctx: Ctx,
    cs: _Style,
    x: float,
    y: float,
    w: float,
    h: float,
    key: str,
    values: list[tuple[str, str | None]],
    step: float,
) -> None:
    sh = ctx.sheet
    sh.rect(x, y, w, h, 0.6)
    ly = _caption(ctx, cs, x, y, w, key)
    for text, field in _detail_lines(ctx, values, w):
        sh.text(x + 2.5, ly, text, 8.2, kind="value" if field else "static", field=field, max_w=w - 4.5)
        ly += step


def _goods(ctx: Ctx, cs: _Style, top: float, limit: float, invoice_col: bool, invoice_lines: list[str]) -> float:
    """The goods table from `top` down to `limit`: one row per lot when the lots fit (and add up to the
    certified net weight), else one row for the whole shipment; a total row; the columns ruled to the foot of
    the box as the printed form rules them. Returns the y under the table."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    size, line_h, pad = (7.6, 3.3, 1.3) if limit - top >= 58 else (6.8, 2.9, 1.1)
    style, bare = _weights(ctx)
    unit_word = {"kg": "kg", "KGS": "KGS", "MT": "TM" if ctx.lang == "es" else "MT", "lbs": "lb"}[style.unit]
    hs_col = ctx.rng.random() < 0.65
    keys = ["marks", "packages", "description", *(["hs"] if hs_col else []), "gross", "net"]
    fractions = {"marks": 0.17, "packages": 0.12, "description": 0.0, "hs": 0.12, "gross": 0.12, "net": 0.12}
    if invoice_col:
        keys.append("inv_col")
        fractions["inv_col"] = 0.13
    widths = {k: w * fractions[k] for k in keys}
    widths["description"] = w - sum(v for k, v in widths.items() if k != "description")
    heads: dict[str, list[tuple[str, bool]]] = {}
    for k in keys:
        es_cap, en_cap = ctx.pick(CAPTIONS[k])
        if bare and k in ("gross", "net"):
            es_cap, en_cap = f"{es_cap} ({unit_word})", f"{en_cap} ({unit_word})"
        lines = [(line, True) for line in sh.wrap(es_cap, widths[k] - 2.4, 6.6, bold=True)]
        if cs.bilingual:
            lines += [(line, False) for line in sh.wrap(en_cap, widths[k] - 2.4, 6.0)]
        heads[k] = lines
    head_h = max(len(v) for v in heads.values()) * 2.7 + 2.6

    def cell(k: str, text: str) -> list[str]:
        return [part for raw in text.split("\n") for part in sh.wrap(raw, widths[k] - 2.6, size)]

    desc = s.description(ctx.lang)
    lot_word = ctx.t("Lot", "Lote")
    producer = _producer_line(ctx)
    marks = cell("marks", "\n".join(s.marks(ctx.lang)))
    gross_total, _ = _wt(ctx, s.gross_kg, style, bare)
    net_total, net_value = _wt(ctx, s.coo_net_kg, style, bare)
    hs_text = ctx.hs()
    per_lot = s.coo_net_kg == s.net_kg and len(s.lots) > 1 and ctx.rng.random() < 0.6
    rows: list[dict[str, list[tuple[str, str | None]]]] = []

    def row(packages: str, description: str, gross: str, net: str, net_field: str | None, first: bool) -> None:
        hs_line = [] if hs_col or not first else [(f"{ctx.pick(CAPTIONS['hs'])[0]}: {hs_text}", "hs_code")]
        r: dict[str, list[tuple[str, str | None]]] = {
            "marks": [(m, None) for m in marks] if first else [],
            "packages": [(p, None) for p in cell("packages", packages)],
            "description": [(d, None) for d in cell("description", description)] + hs_line,
            "gross": [(gross, None)],
            "net": [(net, net_field)],
        }
        if hs_col:
            r["hs"] = [(hs_text, "hs_code")] if first else [(ctx.t("idem", "ídem") if ctx.rng.random() < 0.5
                                                                 else hs_text, None)]  # fmt: skip
        if invoice_col:
            r["inv_col"] = ([(invoice_lines[0], "invoice_number")] + [(p, None) for p in
                            cell("inv_col", invoice_lines[1])]) if first else []  # fmt: skip
        rows.append(r)

    def height(rs: list[dict[str, list[tuple[str, str | None]]]]) -> float:
        return sum(max(len(v) for v in r.values()) * line_h + 2 * pad for r in rs)

    if per_lot:
        for i, lot in enumerate(s.lots):
            text = desc if i == 0 or ctx.rng.random() < 0.5 else ctx.t("Same", "Ídem")
            text = f"{text}\n{lot_word} {lot.number}"
            row(ctx.packages_text(lot.packages), text,
                _wt(ctx, lot.gross_kg, style, bare)[0], _wt(ctx, lot.net_kg, style, bare)[0], None, i == 0)  # fmt: skip
    total_h = line_h + 2 * pad + 1.0 if per_lot else 0.0
    extra_h = 0.0
    if producer:
        extra_h = len(sh.wrap(producer, w - 6, 7.4)) * 3.1 + 2
    if not per_lot or top + head_h + height(rows) + total_h + extra_h > limit:
        rows.clear()
        per_lot, total_h = False, 0.0
        lots = ", ".join(lot.number for lot in s.lots)
        text = f"{desc}\n{ctx.t('Lots', 'Lotes')}: {lots}"
        row(ctx.packages_text(s.packages), text, gross_total, net_total, "net_weight_kg", True)
    ctx.set("net_weight_kg", net_value)
    if invoice_col:
        ctx.set("invoice_number", s.coo_invoice_ref)

    # header
    sh.rect(x, top, w, head_h, 0.6, fill=0.9)
    cx = x
    for k in keys:
        hy = top + 3.0
        for line, bold in heads[k]:
            sh.text(cx + 1.2, hy, line, 6.6 if bold else 6.0, bold=bold, kind="label", max_w=widths[k] - 2.4)
            hy += 2.7
        cx += widths[k]
    y = top + head_h
    right_aligned = {"gross", "net"}
    for r in rows:
        h = max(len(v) for v in r.values()) * line_h + 2 * pad
        cx = x
        for k in keys:
            ty = y + pad + line_h * 0.78
            for text, field in r.get(k, []):
                tx = cx + widths[k] - 1.3 if k in right_aligned else cx + 1.3
                sh.text(tx, ty, text, size, kind="value" if field else "static", field=field,
                        align="right" if k in right_aligned else "left", max_w=widths[k] - 2.6)  # fmt: skip
                ty += line_h
            cx += widths[k]
        y += h
    # the form's goods box runs down to its total line; the rows end with a closing line of asterisks
    body_end = max(y + 4, limit - total_h - extra_h)
    sh.text(x + widths["marks"] + widths["packages"] + 1.3, y + 3, "*" * 24, 7, kind="static")
    ty = body_end + pad + line_h * 0.78
    if per_lot:
        sh.hline(x, x + w, body_end, 0.6)
        total_label = ctx.pick(("TOTAL", "TOTAL GENERAL", ctx.t("TOTAL", "TOTALES")))
        sh.text(x + 1.3, ty, total_label, size, bold=True, kind="label")
        px = x + widths["marks"] + 1.3
        sh.text(px, ty, ctx.packages_text(s.packages), size, kind="static", max_w=widths["packages"] - 2.6)
        gx = x + sum(widths[k] for k in keys[: keys.index("gross") + 1]) - 1.3
        sh.text(gx, ty, gross_total, size, bold=True, align="right", max_w=widths["gross"] - 2.6)
        sh.text(gx + widths["net"], ty, net_total, size, bold=True, kind="value", field="net_weight_kg",
                align="right", max_w=widths["net"] - 2.6)  # fmt: skip
    end = body_end + total_h
    cx = x
    for k in keys[:-1]:
        cx += widths[k]
        sh.vline(cx, top, end, 0.3)
    sh.rect(x, top, w, end - top, 0.6)
    if producer:
        _flow(ctx, x + 2, end + 3.6, w - 4, [(producer, None)], 7.4, 3.1)
        end += extra_h
    return end


def _producer_line(ctx: Ctx) -> str | None:
    """The producer the certificate names, when it names one: the laundered producer's Chinese address, or the
    smelter at home when the plan names it."""
    s = ctx.s
    label = ctx.t("Producer", "Productor")
    if "producer" in s.china_text:
        return f"{label}: {s.china_text['producer']}"
    if s.plan.named and s.smelter.country == s.declared and "producer" in ctx.st.flags:
        return f"{label}: " + ", ".join(p for p in (s.smelter.printed, s.smelter.place) if p)
    return None
