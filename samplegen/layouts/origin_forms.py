"""Certificate of origin families added after the extractors were built.

* `form_e`: ASEAN-China Free Trade Area preferential certificate, Form E (boxes 1-13; specimens:
  scribd.com/document/370560452/Revised-Form-E, paperzz.com/doc/7862683/acfta-co-form-e).
* `gsp_form_a`: Generalised System of Preferences certificate, Form A (boxes 1-12, certification in box 11
  left of the exporter's declaration in box 12; specimens: studylib.net/doc/10441333, UNCTAD's format notes).
* `eur1`: movement certificate EUR.1 (boxes 1-12; HMRC "How to complete the movement certificate",
  gov.uk/government/publications/eur1-and-eur-med-movement-certificate), in English, Spanish or French.
* `icc_chamber`: a chamber of commerce non-preferential certificate with bilingual captions (the ICC
  international certificate of origin guidelines: consignor, consignee, country of origin, transport,
  remarks, goods, quantity, certification).
* `usmca_letter`: a USMCA certification written as a letter with the nine minimum data elements of
  Annex 5-A as numbered paragraphs (greenwich-mercantile.com guide to the nine data elements).
* `statement_on_origin`: an origin declaration made out on an annex to the commercial invoice, in the
  wording of the EU's preferential agreements ("The exporter of the products covered by this document ...";
  tullverket.se sample texts).
* `generic_sworn`: a chamber's generic certificate in the fill-in form: the exporter's sworn declaration as a
  sentence with blanks, the goods table, the notary's and the chamber's certification (goglobal.dhl-usa.com
  guide, unzco.com basic guide figure 4).
* `chamber_affidavit`: the generic chamber certificate: the shipper's sworn declaration as one sentence of
  filled-in blanks, the goods in columns (marks, packages, weight in kilos gross and net, description), the
  notary's line and the chamber's certification in its standing wording (unzco.com basic guide, figure 4).
* `japan_epa`: a preferential certificate for trade with Japan under an economic partnership agreement, in the
  layout of the EPA certificates issuing authorities print: boxes 1-7 (exporter, consignee, departure date,
  vessel, port of discharge, final destination, country of origin) down the left, the certificate number and
  the exporter's declaration (box 8) on the right, goods in boxes 9-11 and the certification in box 12.

Every value a field records is drawn with kind="value"; wording, spacing and box sizes vary per document.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import timedelta

from samplegen.draw import MM, Cell, Column
from samplegen.formatting import OFFICIAL_NAMES, country_name
from samplegen.layouts.common import Ctx

# Issuing authorities (real bodies; the certificates and their numbers are fictional).
PREFERENTIAL_AUTHORITY = {
    "TH": ("Department of Foreign Trade, Ministry of Commerce", "Nonthaburi"),
    "BO": ("Servicio Nacional de Verificación de Exportaciones (SENAVEX)", "La Paz"),
    "VN": ("Ministry of Industry and Trade, Regional Import-Export Office", "Hai Phong"),
    "MX": ("Secretaría de Economía, Dirección General de Comercio Exterior", "Saltillo, Coahuila"),
}
CHAMBERS = {
    "TH": ("The Thai Chamber of Commerce", "Bangkok"),
    "VN": ("Vietnam Chamber of Commerce and Industry (VCCI), Hai Phong Branch", "Hai Phong"),
    "MX": ("Cámara Nacional de Comercio de Saltillo", "Saltillo"),
    "TJ": ("Chamber of Commerce and Industry of the Republic of Tajikistan, Sughd Branch", "Khujand"),
    "BE": ("Voka - Chamber of Commerce Antwerp-Waasland", "Antwerpen"),
    "OM": ("Oman Chamber of Commerce and Industry, North Batinah Branch", "Sohar"),
    "MY": ("Malay Chamber of Commerce, Perak", "Ipoh"),
    "ID": ("Indonesian Chamber of Commerce and Industry (KADIN), East Java", "Surabaya"),
    "CA": ("Chambre de commerce du Montréal métropolitain", "Montréal"),
}


def _caption(ctx: Ctx, x: float, y: float, w: float, number: str, text: str, size: float = 6.6) -> float:
    """A box caption: its number in bold, the wording wrapped to the box; returns the baseline under it."""
    sh = ctx.sheet
    lx = x + 1.3
    if number:
        sh.text(lx, y + 3.0, number, size + 0.4, bold=True, kind="label")
        lx += sh.text_width(number, size + 0.4, True) + 1.2
    ly = y + 3.0
    for line in sh.wrap(text, w - (lx - x) - 1.2, size):
        sh.text(lx, ly, line, size, kind="label")
        ly += size * 0.42
    return ly


def _goods_line(ctx: Ctx) -> str:
    s = ctx.s
    packages = ctx.packages_text(s.packages).upper()
    if ctx.lang == "es":
        return f"{packages} DE {s.description('es').upper()}"
    return f"{packages} ({ctx.pick(('', 'SAY ', 'TOTAL '))}{_in_words(s.packages)}) OF {s.description('en').upper()}"


_WORDS = "ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE THIRTEEN FOURTEEN FIFTEEN SIXTEEN "
_WORDS += "SEVENTEEN EIGHTEEN NINETEEN"
_TENS = {2: "TWENTY", 3: "THIRTY", 4: "FORTY", 5: "FIFTY"}


def _in_words(n: int) -> str:
    units = _WORDS.split()
    if n < 20:
        return units[n]
    tens, rest = divmod(n, 10)
    return _TENS[tens] + (f"-{units[rest]}" if rest else "")


def _criterion(ctx: Ctx, layout: str) -> str:
    """The origin criterion as the form's notes define it: codes that are not countries ('PE', 'WO', 'P')."""
    if layout == "form_e":
        return ctx.pick(('"WO"', '"PE"', '"RVC 40%"', '"CTH"', "PE", "WO"))
    return ctx.pick(('"P"', "P", f'"W" {ctx.s.hs6[:2]}.{ctx.s.hs6[2:4]}'))


Line = tuple[str, str | None]  # text, field it records


def _draw(
    ctx: Ctx, x: float, y: float, lines: list[Line], size: float, max_w: float, step: float | None = None
) -> None:
    for text, field in lines:
        ctx.sheet.text(x, y, text, size, kind="value", field=field, max_w=max_w)
        y += step if step is not None else size * 0.43


def _weights_box(ctx: Ctx, layout: str) -> list[Line]:
    """Box 9: the gross weight, then the net weight beneath it, in the exporter's words."""
    s = ctx.s
    unit = ctx.pick(("M/T", "MT", "KGS", "kg", "MTS"))
    gross_word = ctx.pick(("Gross Weight:", "G.W.:", "GROSS WT.", "Gross wt:"))
    net_word = ctx.pick(("Net Wt.:", "N.W.:", "NET WEIGHT:", "Net weight:"))
    gross, net = ctx.weight_as(s.gross_kg, unit), ctx.weight_as(s.coo_net_kg, unit, "net_weight_kg")
    lines: list[Line] = [(gross_word, None), (gross, None), (net_word, None), (net, "net_weight_kg")]
    if ctx.rng.random() < 0.5:
        lines = [(f"{gross_word} {gross}", None), (f"{net_word} {net}", "net_weight_kg")]
    if layout == "form_e":
        lines += [("", None), ("FOB VALUE:", None), (ctx.money(s.total_amount), None)]
    return lines


def _invoice_box(ctx: Ctx) -> list[str]:
    """Box 10: the invoice number above its date, or both on one line."""
    s = ctx.s
    ctx.set("invoice_number", s.coo_invoice_ref)
    day = ctx.date(s.invoice_date)
    return ctx.pick(
        (
            [s.coo_invoice_ref, day],
            [f"No. {s.coo_invoice_ref}", f"Date: {day}"],
            [f"{s.coo_invoice_ref}", f"DD. {day}"],
        )
    )


def numbered_box_form(ctx: Ctx) -> None:
    """Form E or GSP Form A: the exporter, consignee and transport boxes on the left, the title block on the
    right, a six-column goods band, then certification and declaration side by side."""
    s, sh = ctx.s, ctx.sheet
    layout = ctx.st.layout
    form_e = layout == "form_e"
    x, w = ctx.left, ctx.width
    lw = w * ctx.jitter(0.53, 0.03)
    rw = w - lw
    goods = "Products" if form_e else "Goods"
    ctx.set("certificate_number", s.coo_no)
    label = ctx.pick(("Reference No.", "Reference No", "Ref. No."))
    sh.text(x + lw + 2, 13, label, 8, bold=True, kind="label")
    sh.text(x + lw + 4 + sh.text_width(label, 8, True), 13, s.coo_no, 9.5, kind="value", field="certificate_number")
    y = 15.0
    h1 = ctx.jitter(31, 3)
    ctx.set("exporter_name", s.seller.name)
    top = _caption(ctx, x, y, lw, "1.", f"{goods} consigned from (Exporter's business name, address, country)")
    sh.rect(x, y, lw, h1)
    sh.lines(x + 2.5, top + 2.8, ctx.party_lines(s.seller), 8.3, field="exporter_name", max_w=lw - 4)
    y2 = y + h1
    h2 = ctx.jitter(30, 3)
    ctx.set("consignee_name", s.buyer.name)
    top = _caption(ctx, x, y2, lw, "2.", f"{goods} consigned to (Consignee's name, address, country)")
    sh.rect(x, y2, lw, h2)
    sh.lines(x + 2.5, top + 2.8, ctx.party_lines(s.buyer), 8.3, field="consignee_name", max_w=lw - 4)
    y3 = y2 + h2
    h3 = ctx.jitter(30, 2)
    top = _caption(ctx, x, y3, lw, "3.", "Means of transport and route (as far as known)")
    sh.rect(x, y3, lw, h3)
    route = [
        f"Departure date: {ctx.date(s.departure_date)}",
        f"Vessel's name/Aircraft etc.: {s.vessel}",
        f"Port of loading: {s.place_loading}",
        f"Port of Discharge: {s.place_discharge}",
    ]
    sh.lines(x + 2.5, top + 2.8, route, 8, max_w=lw - 4)
    # title block
    sh.rect(x + lw, y, rw, h1 + h2)
    tx = x + lw + rw / 2
    if form_e:
        title = ["ASEAN-CHINA FREE TRADE AREA", "PREFERENTIAL TARIFF", "CERTIFICATE OF ORIGIN"]
        title.append("(Combined Declaration and Certificate)")
    else:
        title = ["GENERALISED SYSTEM OF PREFERENCES", "CERTIFICATE OF ORIGIN"]
        title.append("(Combined declaration and certificate)")
    for i, line in enumerate(title):
        sh.text(
            tx,
            y + 10 + i * 4.6,
            line,
            8.5 if "CERTIFICATE" not in line else 10,
            bold="CERTIFICATE" in line,
            align="center",
            max_w=rw - 4,
        )
    sh.text(tx, y + 34, "FORM E" if form_e else "FORM A", 14, bold=True, align="center")
    issued = country_name(s.declared, "en", upper=True)
    sh.text(tx - rw * 0.4, y + 45, "Issued in", 8, kind="label")
    issued_x = tx - rw * 0.4 + sh.text_width("Issued in", 8) + 3
    sh.text(issued_x, y + 45, issued, 9.5, kind="value", max_w=x + lw + rw - issued_x - 3)
    sh.text(tx, y + 49, "(Country)", 7, kind="label", align="center")
    sh.text(tx, y + h1 + h2 - 4, "See Overleaf Notes" if form_e else "See Notes overleaf", 7.5, align="center")
    sh.rect(x + lw, y3, rw, h3)
    sh.text(x + lw + 1.5, y3 + 3.5, "4. For Official Use", 7.3, bold=True, kind="label")
    y = y3 + h3
    widths = [
        ctx.jitter(11, 1.5),
        ctx.jitter(30, 4),
        w * ctx.jitter(0.34, 0.03),
        ctx.jitter(18, 2),
        0.0,
        ctx.jitter(27, 3),
    ]
    widths[4] = w - sum(widths)
    heads = [
        "5. Item number",
        "6. Marks and numbers on packages",
        f"7. Number and {'type' if form_e else 'kind'} of packages, description of {goods.lower()}"
        + (" (including quantity where appropriate and HS number of the importing Party)" if form_e else ""),
        f"8. Origin {'criteria' if form_e else 'criterion'} (see Overleaf Notes)",
        "9. Gross weight or other quantity" + (" and value (FOB)" if form_e else ""),
        "10. Number and date of invoices",
    ]
    head_h = 21.0
    cx = x
    for width, head in zip(widths, heads, strict=True):
        sh.rect(cx, y, width, head_h)
        ly = y + 3
        for line in sh.wrap(head, width - 2.4, 6.4):
            sh.text(cx + 1.2, ly, line, 6.4, kind="label")
            ly += 2.7
        cx += width
    y += head_h
    body_h = ctx.jitter(70, 5)
    cx = x
    for width in widths:
        sh.rect(cx, y, width, body_h)
        cx += width
    by = y + 5
    sh.text(x + 3.5, by, "1", 9)
    marks = [part for line in s.marks("en") for part in sh.wrap(line, widths[1] - 2.5, 7.3)]
    sh.lines(x + widths[0] + 1.3, by, marks, 7.3, max_w=widths[1] - 2.5)
    gx = x + widths[0] + widths[1] + 1.4
    gy = by
    for line in sh.wrap(_goods_line(ctx), widths[2] - 3, 7.8):
        sh.text(gx, gy, line, 7.8, kind="value")
        gy += 3.5
    gy += 1.5
    hs_label = ctx.pick(("HS CODE:", "H.S. CODE", "HS NO.", "HS"))
    sh.text(gx, gy, f"{hs_label} {ctx.hs(six_digits=True)}", 8.2, kind="value", field="hs_code")
    lots = ", ".join(lot.number for lot in s.lots)
    gy = sh.para(gx, gy + 5, f"LOT NOS.: {lots}", widths[2] - 3, 7.3, kind="value")
    sh.text(gx, gy + 3, "*" * 18, 8)
    sh.text(x + sum(widths[:3]) + 2.5, by, _criterion(ctx, layout), 8.5, kind="value")
    vx = x + sum(widths[:4]) + 1.3
    _draw(ctx, vx, by, _weights_box(ctx, layout), 7.6, widths[4] - 2.4)
    ix = x + sum(widths[:5]) + 1.3
    inv = _invoice_box(ctx)
    sh.text(ix, by, inv[0], 8, kind="value", field="invoice_number", max_w=widths[5] - 2.4)
    sh.text(ix, by + 4.3, inv[1], 8, kind="value", max_w=widths[5] - 2.4)
    y += body_h
    _certification_pair(ctx, y, lw, rw, form_e)


def _certification_pair(ctx: Ctx, y: float, lw: float, rw: float, form_e: bool) -> None:
    """Form E: 11 declaration (left), 12 certification (right). Form A: 11 certification (left), 12
    declaration (right). The issue date is the certifying authority's."""
    s, sh = ctx.s, ctx.sheet
    x = ctx.left
    hh = ctx.jitter(52, 3)
    sh.rect(x, y, lw, hh)
    sh.rect(x + lw, y, rw, hh)
    decl_x, decl_w = (x, lw) if form_e else (x + lw, rw)
    cert_x, cert_w = (x + lw, rw) if form_e else (x, lw)
    authority, city = PREFERENTIAL_AUTHORITY.get(s.declared, (f"Competent authority of {s.declared}", s.seller.city))
    sh.text(
        decl_x + 1.5, y + 3.5, f"{'11' if form_e else '12'}. Declaration by the exporter", 7.2, bold=True, kind="label"
    )
    ly = sh.para(
        decl_x + 1.5,
        y + 7.5,
        "The undersigned hereby declares that the above details and statement"
        f"{'' if form_e else 's'} are correct; that all the {'products' if form_e else 'goods'} were produced in",
        decl_w - 3,
        6.9,
        kind="label",
    )
    sh.text(
        decl_x + decl_w / 2,
        ly + 1.6,
        ctx.country(s.declared, upper=True, field="country_of_origin"),
        9.3,
        kind="value",
        field="country_of_origin",
        align="center",
    )
    sh.text(decl_x + decl_w / 2, ly + 4.6, "(Country)", 6.4, kind="label", align="center")
    ly = sh.para(
        decl_x + 1.5,
        ly + 8,
        "and that they comply with the origin requirements specified for these products in the Rules of Origin "
        "for the ACFTA for the products exported to"
        if form_e
        else "and that they comply with the origin requirements specified for those goods in the Generalised "
        "System of Preferences for goods exported to",
        decl_w - 3,
        6.9,
        kind="label",
    )
    sh.text(
        decl_x + decl_w / 2, ly + 1.6, country_name(s.buyer.country, "en", upper=True), 9, kind="value", align="center"
    )
    sh.text(decl_x + decl_w / 2, ly + 4.6, "(Importing Country)", 6.4, kind="label", align="center")
    exporter_day = s.coo_date - timedelta(days=ctx.rng.randrange(0, 3))
    sh.text(decl_x + 3, y + hh - 6, f"{s.seller.city}, {ctx.date(exporter_day)}", 8.3, kind="value")
    sh.scribble(decl_x + decl_w - 42, y + hh - 8, 28, len(s.coo_no))
    sh.text(decl_x + 1.5, y + hh - 2, "Place and date, signature of authorised signatory", 6.3, kind="label")
    sh.text(cert_x + 1.5, y + 3.5, f"{'12' if form_e else '11'}. Certification", 7.2, bold=True, kind="label")
    sh.para(
        cert_x + 1.5,
        y + 7.5,
        "It is hereby certified, on the basis of control carried out, that the declaration by the exporter is correct.",
        cert_w - 3,
        6.9,
        kind="label",
    )
    sh.para(cert_x + 2.5, y + 21, authority, cert_w - 5, 7.8, kind="static")
    ctx.set("issue_date", s.coo_date.isoformat())
    sh.text(
        cert_x + 2.5, y + 34, f"{city}, {ctx.date(s.coo_date)}", 8.5, kind="value", field="issue_date", max_w=cert_w - 5
    )
    sh.scribble(cert_x + cert_w - 40, y + hh - 10, 26, len(s.coo_no) + 3)
    sh.text(
        cert_x + 1.5,
        y + hh - 2,
        "Place and date, signature and stamp of certifying authority",
        6.3,
        kind="label",
        max_w=cert_w - 3,
    )
    if form_e:
        y += hh
        sh.rect(x, y, ctx.width, 12)
        sh.text(x + 1.5, y + 4, "13.", 7.2, bold=True, kind="label")
        tx = x + 8
        for label in ("Issued Retroactively", "Exhibition", "Movement Certificate", "Third Party Invoicing"):
            sh.rect(tx, y + 4.6, 2.6, 2.6, 0.5)
            tx += 4.5 + sh.text(tx + 4, y + 7, label, 6.8, kind="label") + 4


# EUR.1 captions in the three languages of the specimens used here.
EUR1_TEXT = {
    "en": {
        "title": "MOVEMENT CERTIFICATE",
        "1": "Exporter (Name, full address, country)",
        "2": "Certificate used in preferential trade between",
        "2b": "and",
        "2c": "(Insert appropriate countries, groups of countries or territories)",
        "3": "Consignee (Name, full address, country) (Optional)",
        "4": "Country, group of countries or territory in which the products are considered as originating",
        "5": "Country, group of countries or territory of destination",
        "6": "Transport details (Optional)",
        "7": "Remarks",
        "8": "Item number; Marks and numbers; Number and kind of packages (1); Description of goods",
        "9": "Gross mass (kg) or other measure (litres, m3, etc.)",
        "10": "Invoices (Optional)",
        "11": "CUSTOMS ENDORSEMENT",
        "11a": "Declaration certified",
        "11b": "Export document (2)",
        "11c": "Customs office",
        "11d": "Issuing country or territory",
        "11e": "Date",
        "12": "DECLARATION BY THE EXPORTER",
        "12a": "I, the undersigned, declare that the goods described above meet the conditions required for the "
        "issue of this certificate.",
        "12b": "Place and date",
        "eu": "THE EUROPEAN UNION",
        "by_sea": "By sea",
    },
    "es": {
        "title": "CERTIFICADO DE CIRCULACIÓN DE MERCANCÍAS",
        "1": "Exportador (nombre, dirección completa, país)",
        "2": "Certificado utilizado en los intercambios preferenciales entre",
        "2b": "y",
        "2c": "(indíquense los países, grupos de países o territorios de que se trate)",
        "3": "Destinatario (nombre, dirección completa, país) (mención facultativa)",
        "4": "País, grupo de países o territorio de donde se consideran originarios los productos",
        "5": "País, grupo de países o territorio de destino",
        "6": "Datos relativos al transporte (mención facultativa)",
        "7": "Observaciones",
        "8": "Número de orden; marcas, numeración, número y naturaleza de los bultos (1); designación de las "
        "mercancías",
        "9": "Peso bruto (kg) u otra medida (l, m3, etc.)",
        "10": "Facturas (mención facultativa)",
        "11": "VISADO DE LA ADUANA",
        "11a": "Declaración certificada conforme",
        "11b": "Documento de exportación (2)",
        "11c": "Aduana",
        "11d": "País o territorio de expedición",
        "11e": "Fecha",
        "12": "DECLARACIÓN DEL EXPORTADOR",
        "12a": "El que suscribe declara que las mercancías arriba designadas cumplen las condiciones exigidas "
        "para la expedición del presente certificado.",
        "12b": "Lugar y fecha",
        "eu": "LA UNIÓN EUROPEA",
        "by_sea": "Por vía marítima",
    },
    "fr": {
        "title": "CERTIFICAT DE CIRCULATION DES MARCHANDISES",
        "1": "Exportateur (nom, adresse complète, pays)",
        "2": "Certificat utilisé dans les échanges préférentiels entre",
        "2b": "et",
        "2c": "(indiquer les pays, groupes de pays ou territoires concernés)",
        "3": "Destinataire (nom, adresse complète, pays) (mention facultative)",
        "4": "Pays, groupe de pays ou territoire dont les produits sont considérés comme originaires",
        "5": "Pays, groupe de pays ou territoire de destination",
        "6": "Informations relatives au transport (mention facultative)",
        "7": "Observations",
        "8": "N° d'ordre; marques, numéros, nombre et nature des colis (1); désignation des marchandises",
        "9": "Masse brute (kg) ou autre mesure (l, m3, etc.)",
        "10": "Factures (mention facultative)",
        "11": "VISA DE LA DOUANE",
        "11a": "Déclaration certifiée conforme",
        "11b": "Document d'exportation (2)",
        "11c": "Bureau de douane",
        "11d": "Pays ou territoire de délivrance",
        "11e": "Date",
        "12": "DÉCLARATION DE L'EXPORTATEUR",
        "12a": "Je soussigné déclare que les marchandises désignées ci-dessus remplissent les conditions requises "
        "pour l'obtention du présent certificat.",
        "12b": "Lieu et date",
        "eu": "L'UNION EUROPÉENNE",
        "by_sea": "Par voie maritime",
    },
}


def eur1(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    lang = ctx.lang if ctx.lang == "es" and ctx.rng.random() < 0.7 else ctx.pick(("en", "fr", "es"))
    t = EUR1_TEXT[lang]
    x, w = ctx.left, ctx.width
    lw = w * ctx.jitter(0.5, 0.03)
    rw = w - lw
    y = 14.0
    h1 = ctx.jitter(30, 3)
    sh.rect(x, y, lw, h1)
    top = _caption(ctx, x, y, lw, "1.", t["1"])
    ctx.set("exporter_name", s.seller.name)
    sh.lines(x + 2.5, top + 2.6, ctx.party_lines(s.seller), 8.2, field="exporter_name", max_w=lw - 4)
    sh.rect(x + lw, y, rw, h1 * 0.45)
    sh.text(x + lw + rw / 2, y + 6, "EUR.1", 15, bold=True, align="center")
    ctx.set("certificate_number", s.coo_no)
    sh.text(x + lw + rw / 2 + 13, y + 6, "No", 8, kind="label")
    sh.text(x + lw + rw / 2 + 18, y + 6, s.coo_no, 10, kind="value", field="certificate_number")
    sh.text(x + lw + 2, y + 11, "See notes overleaf before completing this form.", 6.3, kind="label", max_w=rw - 4)
    y2 = y + h1 * 0.45
    sh.rect(x + lw, y2, rw, h1 * 0.55 + 24)
    ly = _caption(ctx, x + lw, y2, rw, "2.", t["2"])
    names = [country_name(s.declared, "en" if lang != "es" else "es", upper=True)]
    if s.declared in OFFICIAL_NAMES:
        names.append(OFFICIAL_NAMES[s.declared][1 if lang == "es" else 0].upper())
    origin_name = ctx.pick(names)
    sh.text(x + lw + rw / 2, ly + 3, origin_name, 8.6, kind="value", align="center", max_w=rw - 6)
    sh.text(x + lw + rw / 2, ly + 7.2, t["2b"], 7, kind="label", align="center")
    sh.text(x + lw + rw / 2, ly + 11.4, t["eu"], 8.6, kind="value", align="center")
    sh.para(x + lw + 1.5, ly + 15.5, t["2c"], rw - 3, 6.2, kind="label")
    y = y + h1
    h3 = 24.0
    sh.rect(x, y, lw, h3)
    top = _caption(ctx, x, y, lw, "3.", t["3"])
    ctx.set("consignee_name", s.buyer.name)
    sh.lines(x + 2.5, top + 2.6, ctx.party_lines(s.buyer), 8.2, field="consignee_name", max_w=lw - 4)
    y = y + h3
    # boxes 4 and 5 side by side under box 2: narrow, so long country names wrap over two lines
    half = rw / 2
    h4 = ctx.jitter(22, 2)
    sh.rect(x + lw, y, half, h4)
    sh.rect(x + lw + half, y, half, h4)
    top4 = _caption(ctx, x + lw, y, half, "4.", t["4"], 5.9)
    top5 = _caption(ctx, x + lw + half, y, half, "5.", t["5"], 5.9)
    ctx.set("country_of_origin", s.declared)
    origin_lines = sh.wrap(origin_name, half - 5, 8.8)
    sh.lines(x + lw + 2.5, top4 + 3, origin_lines, 8.8, field="country_of_origin", step=3.7)
    destination = ctx.pick((country_name(s.buyer.country, "en", upper=True), t["eu"]))
    sh.lines(x + lw + half + 2.5, top5 + 3, sh.wrap(destination, half - 5, 8.8), 8.8, step=3.7)
    sh.rect(x, y, lw, h4)
    top6 = _caption(ctx, x, y, lw, "6.", t["6"])
    loading = s.place_loading.split(",")[0]
    discharge = s.place_discharge.split(",")[0]
    sh.lines(x + 2.5, top6 + 2.6, [f"{t['by_sea']}: {loading} - {discharge}", s.vessel], 8, max_w=lw - 4)
    y += h4
    h7 = 12.0
    sh.rect(x, y, w, h7)
    _caption(ctx, x, y, w, "7.", t["7"])
    y += h7
    gw = w * ctx.jitter(0.58, 0.03)
    mw = w * 0.2
    iw = w - gw - mw
    body_h = ctx.jitter(62, 5)
    for bx, bw, number, key in ((x, gw, "8.", "8"), (x + gw, mw, "9.", "9"), (x + gw + mw, iw, "10.", "10")):
        sh.rect(bx, y, bw, body_h)
        _caption(ctx, bx, y, bw, number, t[key], 6.0)
    gy = y + 15
    sh.lines(x + 2.5, gy, s.marks("en"), 7.6, kind="static", max_w=gw - 5)
    gy += 4 * 3.3 + 2
    for line in sh.wrap(f"1. {_goods_line(ctx)}", gw - 5, 7.8):
        sh.text(x + 2.5, gy, line, 7.8, kind="value")
        gy += 3.4
    sh.text(x + 2.5, gy + 1.5, f"HS {ctx.hs(six_digits=True)}", 8, kind="value", field="hs_code")
    mx = x + gw + 2
    lines: list[Line] = [(ctx.weight_as(s.gross_kg, ctx.pick(("kg", "KGS"))), None)]
    if ctx.rng.random() < 0.6 or s.plan.qty_doc == "certificate_of_origin":
        lines = [
            (ctx.pick(("G.W.", "Gross:", "Peso bruto:")), None),
            (ctx.weight_as(s.gross_kg, "kg"), None),
            (ctx.pick(("N.W.", "Net:", "Peso neto:")), None),
            (ctx.weight_as(s.coo_net_kg, "kg", "net_weight_kg"), "net_weight_kg"),
        ]
    _draw(ctx, mx, y + 15, lines, 8, mw - 3)
    inv = _invoice_box(ctx)
    sh.text(x + gw + mw + 2, y + 15, inv[0], 8, kind="value", field="invoice_number", max_w=iw - 3)
    sh.text(x + gw + mw + 2, y + 19.3, inv[1], 8, kind="value", max_w=iw - 3)
    y += body_h
    hh = ctx.jitter(56, 3)
    sh.rect(x, y, lw, hh)
    sh.rect(x + lw, y, rw, hh)
    sh.text(x + 1.5, y + 3.5, f"11. {t['11']}", 7.2, bold=True, kind="label")
    authority, city = PREFERENTIAL_AUTHORITY.get(s.declared, ("Customs", s.seller.city))
    ly = y + 8
    for key, value in (
        ("11a", ""),
        ("11b", f"No. {ctx.rng.randrange(10**6, 10**7)}"),
        ("11c", authority),
        ("11d", country_name(s.declared, "en", upper=True)),
    ):
        sh.text(x + 2, ly, f"{t[key]}:", 6.8, kind="label")
        indent = sh.text_width(f"{t[key]}:", 6.8) + 2
        if value and sh.text_width(value, 7.6) <= lw - indent - 4:
            sh.text(x + 2 + indent, ly, value, 7.6, kind="static")
        elif value:
            ly = sh.para(x + 4, ly + 3.6, value, lw - 6, 7.2, kind="static") - 3.0
        ly += 4.4
    ctx.set("issue_date", s.coo_date.isoformat())
    sh.text(x + 2, ly + 1, f"{t['11e']}:", 6.8, kind="label")
    sh.text(x + 12, ly + 1, f"{city}, {ctx.date(s.coo_date)}", 8.4, kind="value", field="issue_date", max_w=lw - 14)
    sh.canvas.setLineWidth(0.6)
    sh.canvas.circle((x + lw - 18) * MM, (sh.height - (y + hh - 16)) * MM, 11 * MM)
    sh.scribble(x + 4, y + hh - 8, 30, len(s.coo_no))
    sh.text(x + lw + 1.5, y + 3.5, f"12. {t['12']}", 7.2, bold=True, kind="label")
    ly = sh.para(x + lw + 2, y + 8, t["12a"], rw - 4, 7, kind="label")
    exporter_day = s.coo_date - timedelta(days=ctx.rng.randrange(0, 3))
    sh.text(
        x + lw + 2, ly + 6, f"{t['12b']}: {s.seller.city}, {ctx.date(exporter_day)}", 8, kind="static", max_w=rw - 4
    )
    sh.scribble(x + lw + 8, y + hh - 10, 34, len(s.coo_no) + 1)
    sh.text(x + lw + 2, y + hh - 3, s.seller.person, 7.5)


ICC_CAPTIONS = {
    "consignor": ("Consignor", "Expéditeur", "Remitente", "Expedidor"),
    "consignee": ("Consignee", "Destinataire", "Destinatario", "Destinatário"),
    "origin": ("Country of origin", "Pays d'origine", "País de origen", "País de origem"),
    "transport": ("Transport details (optional)", "Informations relatives au transport", "Transporte", "Transporte"),
    "remarks": ("Remarks", "Observations", "Observaciones", "Observações"),
    "goods": (
        "Item number; marks, numbers, number and kind of packages; description of goods",
        "N° d'ordre; marques, numéros, nombre et nature des colis; désignation des marchandises",
        "Número de orden; marcas, números, cantidad y clase de bultos; descripción de las mercancías",
        "Número de ordem; marcas, números, quantidade e natureza dos volumes; designação das mercadorias",
    ),
    "quantity": ("Quantity", "Quantité", "Cantidad", "Quantidade"),
}


def _bilingual(ctx: Ctx, key: str, second: int) -> str:
    words = ICC_CAPTIONS[key]
    return f"{words[0]} / {words[second]}" if second else words[0]


def icc_chamber(ctx: Ctx) -> None:
    """A chamber's certificate: the chamber's name above the title, numbered bilingual boxes, the quantity
    box holding gross and net, the certification with place and date at the foot."""
    s, sh = ctx.s, ctx.sheet
    second = ctx.pick((0, 1, 2, 3))
    chamber, city = CHAMBERS.get(s.declared, (f"Chamber of Commerce, {s.seller.city}", s.seller.city))
    x, w = ctx.left, ctx.width
    sh.text(sh.width / 2, 14, chamber.upper(), 9.5, bold=True, align="center", max_w=w)
    lw = w * ctx.jitter(0.56, 0.03)
    rw = w - lw
    y = 19.0
    h = ctx.jitter(32, 3)
    ctx.set("exporter_name", s.seller.name)
    sh.rect(x, y, lw, h)
    top = _caption(ctx, x, y, lw, "1", _bilingual(ctx, "consignor", second), 6.6)
    sh.lines(x + 2.5, top + 2.8, ctx.party_lines(s.seller), 8.4, field="exporter_name", max_w=lw - 4)
    sh.rect(x + lw, y, rw, h)
    ctx.set("certificate_number", s.coo_no)
    number_label = ctx.pick(("No.", "N°", "Serial No.", "Certificate No."))
    sh.text(x + lw + 2, y + 5, number_label, 8.3, bold=True, kind="label")
    sh.text(
        x + lw + 4 + sh.text_width(number_label, 8.3, True),
        y + 5,
        s.coo_no,
        9.5,
        kind="value",
        field="certificate_number",
    )
    sh.text(x + lw + rw / 2, y + 17, "CERTIFICATE OF ORIGIN", 12, bold=True, align="center", max_w=rw - 4)
    if second:
        other = ("", "CERTIFICAT D'ORIGINE", "CERTIFICADO DE ORIGEN", "CERTIFICADO DE ORIGEM")[second]
        sh.text(x + lw + rw / 2, y + 23, other, 9, align="center", max_w=rw - 4)
    y += h
    h2 = ctx.jitter(30, 3)
    ctx.set("consignee_name", s.buyer.name)
    sh.rect(x, y, lw, h2)
    top = _caption(ctx, x, y, lw, "2", _bilingual(ctx, "consignee", second), 6.6)
    sh.lines(x + 2.5, top + 2.8, ctx.party_lines(s.buyer), 8.4, field="consignee_name", max_w=lw - 4)
    sh.rect(x + lw, y, rw, h2)
    top = _caption(ctx, x + lw, y, rw, "3", _bilingual(ctx, "origin", second), 6.6)
    ctx.set("country_of_origin", s.declared)
    names = [country_name(s.declared, ctx.lang, upper=True)]
    if s.declared in OFFICIAL_NAMES:
        names.append(OFFICIAL_NAMES[s.declared][1 if ctx.lang == "es" else 0].upper())
    name = ctx.pick(names)
    sh.lines(x + lw + 3, top + 4, sh.wrap(name, rw - 6, 10.5), 10.5, field="country_of_origin", step=4.4)
    y += h2
    h3 = ctx.jitter(22, 2)
    sh.rect(x, y, lw, h3)
    top = _caption(ctx, x, y, lw, "4", _bilingual(ctx, "transport", second), 6.6)
    sh.lines(
        x + 2.5,
        top + 2.8,
        [f"{s.transport}: {s.vessel}", f"{s.place_loading} - {s.place_discharge}", ctx.date(s.departure_date)],
        8.2,
        max_w=lw - 4,
    )
    sh.rect(x + lw, y, rw, h3)
    top = _caption(ctx, x + lw, y, rw, "5", _bilingual(ctx, "remarks", second), 6.6)
    ctx.set("invoice_number", s.coo_invoice_ref)
    ref_label = ctx.pick(("Invoice No.", "Inv. No.", "Commercial invoice", "Ref. invoice"))
    sh.text(
        x + lw + 2.5,
        top + 3,
        f"{ref_label} {s.coo_invoice_ref}",
        8.3,
        kind="value",
        field="invoice_number",
        max_w=rw - 5,
    )
    sh.text(x + lw + 2.5, top + 7, f"{ctx.t('of', 'de')} {ctx.date(s.invoice_date)}", 8.3, max_w=rw - 5)
    y += h3
    gw = w * ctx.jitter(0.7, 0.03)
    qw = w - gw
    body_h = ctx.jitter(66, 5)
    sh.rect(x, y, gw, body_h)
    sh.rect(x + gw, y, qw, body_h)
    top = _caption(ctx, x, y, gw, "6", _bilingual(ctx, "goods", second), 6.4)
    gy = sh.lines(x + 3, top + 3, s.marks(ctx.lang), 8, kind="static") + 2
    for line in sh.wrap(f"1. {_goods_line(ctx)}", gw - 6, 8.2):
        sh.text(x + 3, gy, line, 8.2, kind="value")
        gy += 3.7
    sh.text(x + 3, gy + 1, f"H.S. {ctx.hs()}", 8.3, kind="value", field="hs_code")
    producer = producer_line(ctx)
    if producer:
        sh.para(x + 3, gy + 6, producer, gw - 6, 8, kind="value")
    top = _caption(ctx, x + gw, y, qw, "7", _bilingual(ctx, "quantity", second), 6.6)
    unit = ctx.pick(("M/T", "MT", "KGS", "kg"))
    qlines: list[Line] = [
        (ctx.pick(("Gross Weight:", "G.W.", "Gross wt.")), None),
        (ctx.weight_as(s.gross_kg, unit), None),
        (ctx.pick(("Net Wt.:", "N.W.", "Net weight:")), None),
        (ctx.weight_as(s.coo_net_kg, unit, "net_weight_kg"), "net_weight_kg"),
    ]
    _draw(ctx, x + gw + 2.5, top + 4, qlines, 8.3, qw - 4, step=4.2)
    y += body_h
    hh = 46.0
    sh.rect(x, y, w, hh)
    sh.text(x + 1.5, y + 4, "8", 7.2, bold=True, kind="label")
    sh.para(
        x + 6,
        y + 4,
        "The undersigned authority certifies that the goods described above originate in the country shown in box 3.",
        w - 9,
        8.2,
    )
    ctx.set("issue_date", s.coo_date.isoformat())
    place_label = ctx.pick(("Place and date of issue:", "Issued at", "Place, date:"))
    sh.text(x + 6, y + 18, place_label, 8, kind="label")
    sh.text(
        x + 8 + sh.text_width(place_label, 8),
        y + 18,
        f"{city}, {ctx.date(s.coo_date)}",
        9,
        kind="value",
        field="issue_date",
    )
    sh.text(x + 6, y + 24, chamber, 8, max_w=w * 0.6)
    sh.canvas.setLineWidth(0.8)
    sh.canvas.circle((x + w - 32) * MM, (sh.height - (y + 26)) * MM, 13 * MM)
    sh.scribble(x + 10, y + 36, 36, len(s.coo_no))
    sh.text(x + 6, y + 43, "Authorised signature and stamp / Signature et cachet", 6.8, kind="label")


def producer_line(ctx: Ctx) -> str | None:
    """The 'Producer: ...' line of a certificate's goods text, where the shipment names one."""
    s = ctx.s
    if "producer" in s.china_text:
        return f"Producer: {s.china_text['producer']}"
    if s.plan.named and s.smelter.country == s.declared and "producer" in ctx.st.flags:
        return "Producer: " + ", ".join(p for p in (s.smelter.printed, s.smelter.place) if p)
    return None


def usmca_letter(ctx: Ctx) -> None:
    """A certification of origin written on the exporter's letterhead: the nine data elements as numbered,
    labelled paragraphs, with the goods in a small table."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    sh.text(x, 16, s.seller.name, 12.5, bold=True, max_w=w * 0.7)
    sh.text(x, 21, ", ".join([*s.seller.lines, ctx.country(s.seller.country)]), 7.8, max_w=w)
    sh.hline(x, x + w, 24, 0.8)
    title = ctx.pick(("CERTIFICATION OF ORIGIN", "USMCA CERTIFICATION OF ORIGIN", "CERTIFICACIÓN DE ORIGEN T-MEC"))
    sh.text(sh.width / 2, 32, title, 12.5, bold=True, align="center")
    if "no_cert_no" not in ctx.st.flags:
        ctx.set("certificate_number", s.coo_no)
        ctx.label_value(x + w - 62, 38, ctx.t("Document No.:", "Folio:"), s.coo_no, "certificate_number", gap=22)
    y = 45.0
    gap = ctx.jitter(5.2, 0.4)

    def element(number: str, label: str, lines: list[str], field: str | None = None) -> None:
        nonlocal y
        caption = f"{number}. {label}:"
        sh.text(x, y, caption, 8.3, bold=True, kind="label")
        indent = max(52.0, sh.text_width(caption, 8.3, True) + 3)
        for i, line in enumerate(lines):
            sh.text(x + indent, y, line, 8.5, kind="value", field=field if i == 0 else None, max_w=w - indent)
            y += 4.0
        y += gap - 4.0 + 1.5

    roles = ctx.t("Exporter", "Exportador")
    element("1", ctx.t("Certifier", "Certificador"), [roles])
    certifier = [f"{s.seller.person}, {s.seller.title}", s.seller.name, f"Tel. {s.seller.phone}  {s.seller.email}"]
    element("2", ctx.t("Certifier name and address", "Nombre y domicilio del certificador"), certifier)
    ctx.set("exporter_name", s.seller.name)
    element(
        "3",
        ctx.t("Exporter", "Exportador"),
        [s.seller.name, *s.seller.lines, ctx.country(s.seller.country)],
        "exporter_name",
    )
    producer = s.producer_line or ctx.t("Available upon request", "Disponible a solicitud")
    element("4", ctx.t("Producer", "Productor"), sh.wrap(producer, w - 55, 8.5))
    ctx.set("consignee_name", s.buyer.name)
    element(
        "5",
        ctx.t("Importer", "Importador"),
        [s.buyer.name, *s.buyer.lines, ctx.country(s.buyer.country)],
        "consignee_name",
    )
    show_qty = "qty" in ctx.st.flags
    cols = [
        Column(ctx.t("6. Description", "6. Descripción"), w * 0.42),
        Column(ctx.t("HS tariff classification", "Clasificación arancelaria"), w * 0.2),
        Column(ctx.t("7. Origin criterion", "7. Criterio de origen"), w * 0.16),
    ]
    row = [Cell(s.description(ctx.lang)), Cell(ctx.hs(six_digits=True), field="hs_code"), Cell(ctx.pick(("A", "B")))]
    if show_qty:
        cols.append(Column(ctx.t("Quantity", "Cantidad"), w - sum(c.width for c in cols), "right"))
        row.append(Cell(ctx.weight(s.coo_net_kg, "net_weight_kg"), field="net_weight_kg"))
    y = sh.table(x, y, cols, [row], size=8.2) + 6
    ctx.set("country_of_origin", s.declared)
    sh.text(x, y, ctx.t("Country of origin:", "País de origen:"), 8.3, bold=True, kind="label")
    sh.text(x + 34, y, ctx.country(s.declared), 8.5, kind="value", field="country_of_origin")
    y += 6
    if "blanket" in ctx.st.flags:
        start = s.invoice_date.replace(month=1, day=1)
        end = s.invoice_date.replace(month=12, day=31)
        element("8", ctx.t("Blanket period", "Periodo"), [f"{ctx.date(start)} - {ctx.date(end)}"])
    else:
        ctx.set("invoice_number", s.coo_invoice_ref)
        element(
            "8",
            ctx.t("Invoice number (single shipment)", "Factura (embarque único)"),
            [s.coo_invoice_ref],
            "invoice_number",
        )
    statement = ctx.t(
        "I certify that the goods described in this document qualify as originating and the information "
        "contained in this document is true and accurate.",
        "Certifico que las mercancías descritas en este documento califican como originarias y que la "
        "información contenida en este documento es verdadera y exacta.",
    )
    y = sh.para(x, y + 2, statement, w, 8.2) + 10
    sh.scribble(x + 2, y, 40, len(s.coo_no) + 5)
    sh.hline(x, x + 70, y + 3, 0.4)
    sh.text(x, y + 7, f"9. {ctx.t('Authorized signature', 'Firma autorizada')}", 8.2, bold=True, kind="label")
    ctx.set("issue_date", s.coo_date.isoformat())
    ctx.label_value(x + w / 2, y + 7, ctx.t("Date:", "Fecha:"), ctx.date(s.coo_date), "issue_date", gap=14)


def statement_on_origin(ctx: Ctx) -> None:
    """An origin declaration on an annex to the commercial invoice, in the agreement's own words, with the
    goods it covers in a small table; no certificate number (the exporter's reference number identifies the
    exporter, not the document)."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    sh.text(x, 17, s.seller.name, 12.5, bold=True, max_w=w * 0.65)
    sh.lines(x, 22, [*s.seller.lines, ctx.country(s.seller.country)], 7.8, kind="static")
    sh.text(
        ctx.right,
        17,
        ctx.pick(("ORIGIN DECLARATION", "STATEMENT ON ORIGIN", "INVOICE DECLARATION")),
        12,
        bold=True,
        align="right",
    )
    sh.hline(x, x + w, 33, 0.8)
    ctx.set("invoice_number", s.coo_invoice_ref)
    annex = ctx.pick(("Annex to commercial invoice No.", "Attached to invoice No.", "Commercial invoice No."))
    sh.text(x, 40, annex, 8.6, bold=True, kind="label")
    sh.text(x + sh.text_width(annex, 8.6, True) + 2, 40, s.coo_invoice_ref, 9, kind="value", field="invoice_number")
    sh.text(x, 45, f"{ctx.pick(('of', 'dated', 'Date:'))} {ctx.date(s.invoice_date)}", 8.6)
    ctx.set("consignee_name", s.buyer.name)
    sh.text(x + w / 2, 40, "Consignee:", 8.6, bold=True, kind="label")
    sh.lines(x + w / 2, 45, ctx.party_lines(s.buyer), 8.4, field="consignee_name", max_w=w / 2)
    y = 66.0
    ctx.set("country_of_origin", s.declared)
    cols = [
        Column("Description of goods", w * 0.42),
        Column("HS code", w * 0.14),
        Column("Packages", w * 0.14, "right"),
        Column("Net weight", w * 0.16, "right"),
        Column("Origin", w * 0.14),
    ]
    row = [
        Cell(s.description("en")),
        Cell(ctx.hs(six_digits=True), field="hs_code"),
        Cell(ctx.packages_text(s.packages)),
        Cell(ctx.weight(s.coo_net_kg, "net_weight_kg"), field="net_weight_kg"),
        Cell(ctx.country(s.declared), field="country_of_origin"),
    ]
    y = sh.table(x, y, cols, [row], size=8.2) + 10
    ctx.set("exporter_name", s.seller.name)
    reference = f"{s.declared}{s.seller.tax_id.split()[-1].replace('.', '')}"
    text = (
        f"The exporter of the products covered by this document (Exporter Reference No {reference}) declares "
        "that, except where otherwise clearly indicated, these products are of European Union preferential "
        "origin."
    )
    y = sh.para(x, y, text, w, 9.2, leading=4.6)
    sh.text(x, y + 4, f"Origin criterion: {ctx.pick(('A', 'B', 'C'))}", 8.6)
    ctx.set("issue_date", s.coo_date.isoformat())
    sh.text(x, y + 14, f"{s.seller.city}, {ctx.date(s.coo_date)}", 9, kind="value", field="issue_date")
    sh.text(x, y + 18, "(Place and date)", 7, kind="label")
    sh.scribble(x + 2, y + 28, 40, len(s.invoice_no))
    sh.hline(x, x + 70, y + 31, 0.4)
    sh.text(x, y + 35, s.seller.person, 8.5)
    sh.text(x, y + 39, s.seller.name, 8.5, kind="value", field="exporter_name")


_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
}  # fmt: skip


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _blank(
    ctx: Ctx, x: float, y: float, right: float, lead: str, value: str, caption: str, field: str | None = None
) -> float:
    """One line of the sworn declaration: the printed words, the filled-in value on a rule reaching to
    `right`, the rule's small caption under it; returns the next line's baseline."""
    sh = ctx.sheet
    vx = x
    if lead:
        vx += sh.text(x, y, lead, 8.8) + 2
    sh.hline(vx, right, y + 1.2, 0.3)
    sh.text(vx + 2, y, value, 9, kind="value" if field or value else "static", field=field, max_w=right - vx - 3)
    if caption:
        sh.text(vx + (right - vx) / 2, y + 4, caption, 6.2, kind="label", align="center")
    return y + (8.6 if caption else 6.2)


def generic_sworn(ctx: Ctx) -> None:
    """A chamber's generic (non-preferential) certificate in the fill-in form: the exporter's declaration as
    a sentence with blanks ('The undersigned ... for ... declares that the following goods shipped on ...
    consigned to ... are the product of ...'), the goods in a table of marks, packages, gross and net weight and
    full description, the sworn statement before a notary and the chamber's certification at the foot."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    es = ctx.lang == "es"
    chamber, city = CHAMBERS.get(s.declared, (f"Chamber of Commerce, {s.seller.city}", s.seller.city))
    ctx.set("certificate_number", s.coo_no)
    number_label = ctx.pick(("No.", "N°", "Cert. No.", "Chamber No.") if not es else ("No.", "N°", "Folio:"))
    sh.text(ctx.right - 48, 14, number_label, 8.5, bold=True, kind="label")
    sh.text(ctx.right - 46 + sh.text_width(number_label, 8.5, True), 14, s.coo_no, 9.5, kind="value",
            field="certificate_number")  # fmt: skip
    sh.text(sh.width / 2, 24, ctx.t("CERTIFICATE OF ORIGIN", "CERTIFICADO DE ORIGEN"), ctx.jitter(16, 1), bold=True,
            align="center")  # fmt: skip
    y = ctx.jitter(36, 2)
    right = ctx.right
    ctx.set("exporter_name", s.seller.name)
    ctx.set("consignee_name", s.buyer.name)
    y = _blank(ctx, x, y, right, ctx.t("The undersigned", "El suscrito"), s.seller.person,
               ctx.t("(Owner or Agent)", "(Propietario o agente)"))  # fmt: skip
    y = _blank(ctx, x, y, right, ctx.t("for", "por cuenta de"), s.seller.name, "", "exporter_name")
    address = ", ".join([*s.seller.lines, ctx.country(s.seller.country)])
    y = _blank(ctx, x, y - 1.8, right, "", address, ctx.t("(Name and address of shipper)",
                                                          "(Nombre y domicilio del embarcador)"))  # fmt: skip
    lead = ctx.t("declares that the following mentioned goods shipped on", "declara que las mercancías abajo "
                 "descritas, embarcadas en")  # fmt: skip
    y = _blank(ctx, x, y, right, lead, f"{s.transport} {s.vessel}", ctx.t("(Name of carrier)",
                                                                          "(Nombre del transportista)"))  # fmt: skip
    y = _blank(ctx, x, y, x + w * 0.55, ctx.t("on the date of", "con fecha"), ctx.date(s.departure_date), "")
    y = _blank(ctx, x, y, right, ctx.t("consigned to", "consignadas a"), s.buyer.name, "", "consignee_name")
    address = ", ".join([*s.buyer.lines, ctx.country(s.buyer.country)])
    y = _blank(ctx, x, y - 1.8, right, "", address, ctx.t("(Name and address of consignee)",
                                                          "(Nombre y domicilio del consignatario)"))  # fmt: skip
    ctx.set("country_of_origin", s.declared)
    names = [country_name(s.declared, ctx.lang, upper=True)]
    if s.declared in OFFICIAL_NAMES:
        names.append(OFFICIAL_NAMES[s.declared][1 if es else 0].upper())
    origin = ctx.pick(names)
    y = _blank(ctx, x, y, x + w * 0.7, ctx.t("are the product of", "son productos de"), origin, "",
               "country_of_origin")  # fmt: skip
    y += 2
    gross_word, net_word = ctx.t("Gross", "Bruto"), ctx.t("Net", "Neto")
    unit_word = {"lbs": ctx.t("Pounds", "Libras")}.get(ctx.st.weight.unit, ctx.t("Kilos", "Kilos"))
    weight_head = ctx.t(f"Weight in {unit_word}", f"Peso en {unit_word}")
    cols = [
        Column(ctx.t("Marks and Numbers", "Marcas y números"), w * 0.22),
        Column(ctx.t("No. of Pkgs", "No. de bultos"), w * 0.12, "right"),
        Column(f"{weight_head}: {gross_word}", w * 0.17, "right"),
        Column(net_word, w * 0.14, "right"),
        Column(ctx.t("Full Description of Items", "Descripción completa de las mercancías"), w * 0.35),
    ]
    style = ctx.st.weight
    if style.unit != "lbs":
        style = dataclasses.replace(style, unit="kg", places=min(style.places, 2))
    hs = ctx.hs()
    description = sh.wrap(_goods_line(ctx), w * 0.35 - 3, 7.8)
    producer = producer_line(ctx)
    if producer:
        producer = producer.replace("Producer:", "Productor:") if es else producer
        description += sh.wrap(producer, w * 0.35 - 3, 7.8)
    ctx.set("invoice_number", s.coo_invoice_ref)
    inv = f"{ctx.t('Invoice No.', 'Factura No.')} {s.coo_invoice_ref}"
    row = [
        Cell("\n".join(s.marks(ctx.lang)), "static"),
        Cell(ctx.packages_text(s.packages), "static"),
        Cell(ctx.weight(s.gross_kg, style=style), "static"),
        Cell(ctx.weight(s.coo_net_kg, "net_weight_kg", style=style), field="net_weight_kg"),
        Cell("\n".join(description)),
    ]
    blank = [Cell("", "static")] * 4
    rows = [row, [*blank, Cell(inv, field="invoice_number")], [*blank, Cell(f"HS {hs}", field="hs_code")]]
    top = y
    y = sh.table(x, y, cols, rows, size=7.8, line_h=3.5, pad=1.1, grid=False) + ctx.jitter(12, 3)
    # the columns ruled down to the foot of the goods area, the rows unruled as on the printed form
    sh.rect(x, top, w, y - top, 0.6)
    cx = x
    for col in cols[:-1]:
        cx += col.width
        sh.vline(cx, top, y, 0.3)
    y += 8
    day = s.coo_date
    months = _MONTHS["es" if es else "en"]
    month = months[day.month - 1]
    sworn = ctx.t(
        f"Sworn to before me this {_ordinal(day.day)} day of {month} {day.year}",
        f"Declarado bajo protesta ante mí el día {day.day} de {month} de {day.year}",
    )
    half = w / 2
    sh.text(x, y, sworn, 8.2)
    sh.hline(x, x + half - 8, y + 13, 0.3)
    sh.text(x, y + 16.5, ctx.t("Notary Public", "Notario público"), 7, kind="label")
    sh.scribble(x + half + 4, y + 9, 40, len(s.coo_no))
    sh.hline(x + half, right, y + 13, 0.3)
    sh.text(x + half, y + 16.5, ctx.t("Signature of Owner or Agent", "Firma del propietario o agente"), 7,
            kind="label")  # fmt: skip
    y += 24
    sh.hline(x, right, y, 0.8)
    y += 6
    country = country_name(s.declared, ctx.lang)
    article = "" if chamber.startswith("The ") else "The "
    text = ctx.t(
        f"{article}{chamber}, a recognized Chamber of Commerce under the laws of {country}, has examined the "
        "manufacturer's invoice or shipper's affidavit concerning the origin of the merchandise and, according to "
        f"the best of its knowledge and belief, finds that the products named originated in {country}.",
        f"La {chamber}, cámara de comercio reconocida conforme a las leyes de {country}, ha examinado la factura "
        "del fabricante o la declaración jurada del embarcador sobre el origen de la mercancía y, según su leal "
        f"saber y entender, encuentra que los productos mencionados son originarios de {country}.",
    )
    y = sh.para(x, y, text, w, 8.2) + 5
    ctx.set("issue_date", s.coo_date.isoformat())
    date_label = ctx.pick((ctx.t("Date:", "Fecha:"), ctx.t("Issued at", "Expedido en")))
    value = ctx.date(s.coo_date) if date_label.endswith(":") else f"{city}, {ctx.date(s.coo_date)}"
    ctx.label_value(x, y, date_label, value, "issue_date", gap=0)
    sh.canvas.circle((right - 30) * MM, (sh.height - (y + 8)) * MM, 13 * MM)
    sh.scribble(x + 4, y + 14, 36, len(s.coo_no) + 3)
    sh.hline(x, x + half - 8, y + 17, 0.3)
    sh.text(x, y + 20.5, ctx.t("Secretary", "Secretario"), 7, kind="label")


# --- fold 2 additions ---

AFFIDAVIT_WORDS = {
    "en": {
        "undersigned": "The undersigned",
        "owner": "(Owner or Agent)",
        "for": "for",
        "shipper": "(Name and address of shipper)",
        "declares": "declares that the following mentioned goods shipped on",
        "carrier": "(Name of carrier)",
        "on": "on the date of",
        "consigned": "consigned to",
        "product_of": "are the product of",
        "marks": "MARKS AND NOS.",
        "packages": "NO. OF PKGS.",
        "weight": "WEIGHT IN KILOS",
        "gross": "GROSS",
        "net": "NET",
        "description": "FULL DESCRIPTION OF ITEMS",
        "invoice": "As per commercial invoice No.",
        "dated": "dated",
        "sworn": "Sworn to before me on",
        "signature": "Signature of Owner or Agent",
        "notary": "Notary Public / Commissioner",
        "chamber": (
            "{chamber}, a recognized chamber of commerce under the laws of {country}, has examined the "
            "manufacturer's invoice or shipper's affidavit concerning the origin of the merchandise and, "
            "according to the best of its knowledge and belief, finds that the products named originated in "
            "{country}."
        ),
        "secretary": "Secretary",
        "issued": "Date of certification:",
        "number": ("Certificate No.", "No.", "Serial No."),
        "title": "CERTIFICATE OF ORIGIN",
    },
    "es": {
        "undersigned": "El suscrito",
        "owner": "(Propietario o agente)",
        "for": "en representación de",
        "shipper": "(Nombre y domicilio del exportador)",
        "declares": "declara que las mercancías abajo mencionadas, embarcadas en",
        "carrier": "(Nombre del transportista)",
        "on": "con fecha",
        "consigned": "consignadas a",
        "product_of": "son productos de",
        "marks": "MARCAS Y NÚMEROS",
        "packages": "NO. DE BULTOS",
        "weight": "PESO EN KILOS",
        "gross": "BRUTO",
        "net": "NETO",
        "description": "DESCRIPCIÓN DE LAS MERCANCÍAS",
        "invoice": "Según factura comercial No.",
        "dated": "de fecha",
        "sworn": "Declarado ante mí el",
        "signature": "Firma del propietario o agente",
        "notary": "Notario / Fedatario",
        "chamber": (
            "{chamber}, cámara de comercio reconocida conforme a las leyes de {country}, ha examinado la factura "
            "del fabricante o la declaración del exportador sobre el origen de la mercancía y, según su leal saber "
            "y entender, determina que los productos mencionados son originarios de {country}."
        ),
        "secretary": "Secretario",
        "issued": "Fecha de certificación:",
        "number": ("Certificado No.", "No.", "Folio"),
        "title": "CERTIFICADO DE ORIGEN",
    },
}


def _filled_blank(ctx: Ctx, x: float, y: float, w: float, value: str, caption: str = "", field: str | None = None,
           size: float = 8.8) -> None:  # fmt: skip
    """A filled-in blank: the value on a rule, the blank's caption in small type under it."""
    sh = ctx.sheet
    sh.text(x + 1, y, value, size, kind="value" if field else "static", field=field, max_w=w - 2)
    sh.hline(x, x + w, y + 1.2, 0.3)
    if caption:
        sh.text(x + w / 2, y + 4, caption, 6.2, kind="label", align="center")


def chamber_affidavit(ctx: Ctx) -> None:
    """The generic chamber certificate of origin: the shipper's sworn declaration written as one sentence
    with filled-in blanks (undersigned, shipper, carrier, date, consignee, country), the goods in columns of
    marks, packages, gross and net kilos and description, the notary's line, and the chamber's certification
    in the form's standing wording at the foot."""
    s, sh = ctx.s, ctx.sheet
    words = AFFIDAVIT_WORDS["es" if ctx.lang == "es" else "en"]
    chamber, city = CHAMBERS.get(s.declared, (f"Chamber of Commerce, {s.seller.city}", s.seller.city))
    x, w = ctx.left, ctx.width
    ctx.set("certificate_number", s.coo_no)
    label = ctx.pick(words["number"])
    sh.text(ctx.right - 58, 14, label, 8.4, bold=True, kind="label")
    sh.text(ctx.right - 56 + sh.text_width(label, 8.4, True), 14, s.coo_no, 9.4, kind="value",
            field="certificate_number")  # fmt: skip
    sh.text(sh.width / 2, 25, words["title"], ctx.jitter(17, 1), bold=True, align="center")
    y = ctx.jitter(37, 1.5)
    step = ctx.jitter(10.5, 0.6)
    country = ctx.country(s.declared, upper=True)
    # the declaration: a sentence of printed words and filled-in blanks
    tw = sh.text(x, y, words["undersigned"], 9)
    _filled_blank(ctx, x + tw + 2, y, w * 0.44, s.seller.person, words["owner"])
    fx = x + tw + 4 + w * 0.44
    sh.text(fx, y, words["for"], 9)
    y += step
    ctx.set("exporter_name", s.seller.name)
    shipper = ", ".join([*s.seller.lines, ctx.country(s.seller.country)])
    _filled_blank(ctx, x, y, w * 0.45, s.seller.name, "", "exporter_name")
    _filled_blank(ctx, x + w * 0.46, y, w * 0.54, shipper, words["shipper"])
    y += step
    tw = sh.text(x, y, words["declares"], 9)
    _filled_blank(ctx, x + tw + 2, y, w - tw - 2, f"{s.vessel} ({s.place_loading})", words["carrier"])
    y += step
    tw = sh.text(x, y, words["on"], 9)
    _filled_blank(ctx, x + tw + 2, y, 36, ctx.date(s.departure_date))
    cx = x + tw + 42
    tw2 = sh.text(cx, y, words["consigned"], 9)
    ctx.set("consignee_name", s.buyer.name)
    _filled_blank(ctx, cx + tw2 + 2, y, ctx.right - cx - tw2 - 2, s.buyer.name, "", "consignee_name")
    y += step * 0.8
    _filled_blank(ctx, x, y, w, ", ".join([*s.buyer.lines, ctx.country(s.buyer.country)]))
    y += step
    tw = sh.text(x, y, words["product_of"], 9)
    ctx.set("country_of_origin", s.declared)
    _filled_blank(ctx, x + tw + 2, y, 60, country, "", "country_of_origin", size=9.6)
    sh.text(x + tw + 64, y, ".", 9)
    y += 7
    widths = [0.2, 0.12, 0.13, 0.13, 0.42]
    # 'weight in kilos' spans the gross and net columns above their own captions
    wx = x + w * (widths[0] + widths[1])
    sh.rect(wx, y, w * (widths[2] + widths[3]), 5.5, 0.6, fill=0.9)
    sh.text(wx + w * (widths[2] + widths[3]) / 2, y + 3.9, words["weight"], 7.3, bold=True, kind="label",
            align="center")  # fmt: skip
    y += 5.5
    cols = [
        Column(words["marks"], w * widths[0]),
        Column(words["packages"], w * widths[1], "right"),
        Column(words["gross"], w * widths[2], "right"),
        Column(words["net"], w * widths[3], "right"),
        Column(words["description"], w * widths[4]),
    ]
    ctx.set("invoice_number", s.coo_invoice_ref)
    desc = [*sh.wrap(s.description(ctx.lang).upper(), w * widths[4] - 3, 7.8)]
    hs_line = f"H.S. {ctx.hs()}"
    invoice_line = f"{words['invoice']} {s.coo_invoice_ref}"
    desc += [hs_line, invoice_line, f"{words['dated']} {ctx.date(s.invoice_date)}"]
    producer = producer_line(ctx)
    if producer:
        desc += sh.wrap(producer, w * widths[4] - 3, 7.8)
    gross = ctx.kg(s.gross_kg, 0 if ctx.rng.random() < 0.5 else 2)
    net = ctx.weight_as(s.coo_net_kg, ctx.pick(("kg", "KGS")), "net_weight_kg")
    row = [
        Cell("\n".join(s.marks(ctx.lang)), "static"),
        Cell(str(s.packages), "static"),
        Cell(gross, "static"),
        Cell(net, field="net_weight_kg"),
        Cell("\n".join(desc), "static"),
    ]
    y = sh.table(x, y, cols, [row], size=7.8, line_h=3.5, pad=1.4, grid=True)
    # the HS code and the invoice reference are lines of the description cell
    page = sh.pages[-1]
    for i, item in enumerate(page):
        if item.text == hs_line:
            page[i] = replace(item, kind="value", field="hs_code")
        elif item.text == invoice_line:
            page[i] = replace(item, kind="value", field="invoice_number")
    y += 10
    day = s.coo_date - timedelta(days=ctx.rng.randrange(0, 3))
    sworn = f"{words['sworn']} {ctx.date(day)}"
    sh.text(x, y, sworn, 8.2)
    sh.hline(x, x + w * 0.4, y + 12, 0.3)
    sh.text(x, y + 15.5, words["notary"], 7.2, kind="label")
    sh.scribble(ctx.right - w * 0.38, y + 9, 34, len(s.coo_no))
    sh.hline(ctx.right - w * 0.4, ctx.right, y + 12, 0.3)
    sh.text(ctx.right - w * 0.4, y + 15.5, words["signature"], 7.2, kind="label")
    y += 24
    sh.hline(x, ctx.right, y, 0.8)
    y += 6
    article = "" if chamber.split()[0] in ("The", "La", "El") else ctx.t("The ", "La ")
    text = words["chamber"].format(chamber=article + chamber, country=country_name(s.declared, ctx.lang))
    y = sh.para(x, y, text, w, ctx.jitter(8.4, 0.3)) + 4
    ctx.set("issue_date", s.coo_date.isoformat())
    ctx.label_value(x, y, words["issued"], f"{city}, {ctx.date(s.coo_date)}", "issue_date", gap=ctx.jitter(38, 2))
    sh.scribble(ctx.right - w * 0.35, y + 8, 30, len(s.coo_no) + 3)
    sh.hline(ctx.right - w * 0.4, ctx.right, y + 11, 0.3)
    sh.text(ctx.right - w * 0.4, y + 14.5, words["secretary"], 7.4, kind="label")
    sh.rect(x + w * 0.32, y + 2, 24, 24, 0.3)  # where the chamber's seal is pressed


# --- fold 0 additions ---

EPA_AGREEMENTS = {
    "MX": "Agreement between Japan and the United Mexican States for the Strengthening of the Economic Partnership",
    "TH": "Agreement between Japan and the Kingdom of Thailand for an Economic Partnership",
}


def _epa_cell(ctx: Ctx, x: float, y: float, w: float, h: float, number: str, caption: str) -> float:
    """A ruled box with its number and caption; returns the baseline for the first value line."""
    ctx.sheet.rect(x, y, w, h, 0.6)
    return _caption(ctx, x, y, w, number, caption, 6.8) + 3.2


def japan_epa(ctx: Ctx) -> None:
    """A preferential certificate of origin for trade with Japan under an economic partnership agreement, in the
    layout of the issuing authorities' EPA certificates: exporter, consignee, departure date, vessel, port of
    discharge, final destination and country of origin in boxes 1-7 down the left, the certificate number and
    the exporter's declaration (box 8) on the right, marks, packages and description with the HS number and
    invoice, and quantity in boxes 9-11, the competent authority's certification in box 12."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    lw = w * ctx.jitter(0.52, 0.015)
    rx, rw = x + lw, w - lw
    top = 12.0
    value = ctx.jitter(8.6, 0.3)
    # boxes 1 and 2: the parties
    h12 = ctx.jitter(27, 1.5)
    ctx.set("exporter_name", s.seller.name)
    vy = _epa_cell(ctx, x, top, lw, h12, "1", ctx.pick(("Exporter (Name & Address)", "Exporter's name and address")))
    sh.text(x + 2.5, vy, s.seller.name, value, kind="value", field="exporter_name", max_w=lw - 4)
    sh.lines(x + 2.5, vy + 3.8, [*s.seller.lines, ctx.country(s.seller.country)], value - 1, kind="static",
             step=3.4, max_w=lw - 4)  # fmt: skip
    ctx.set("consignee_name", s.buyer.name)
    y = top + h12
    caption = ctx.pick(("Consignee (Name, Full Address & Country)", "Importer / consignee (name, address, country)"))
    vy = _epa_cell(ctx, x, y, lw, h12, "2", caption)
    sh.text(x + 2.5, vy, s.buyer.name, value, kind="value", field="consignee_name", max_w=lw - 4)
    sh.lines(x + 2.5, vy + 3.8, [*s.buyer.lines, ctx.country(s.buyer.country)], value - 1, kind="static", step=3.4,
             max_w=lw - 4)  # fmt: skip
    y += h12
    # boxes 3-7: the voyage and the origin, two to a row
    hs_ = ctx.jitter(11.5, 0.5)
    half = lw / 2
    pairs = [
        (("3", "Departure Date", ctx.date(s.departure_date)), ("4", "Vessel's Name / Flight No.", s.vessel)),
        (("5", "Port of Discharge", s.place_discharge), ("6", "Country of Final Destination",
                                                         ctx.country(s.buyer.country, upper=True))),
    ]  # fmt: skip
    for pair in pairs:
        for i, (number, caption, text) in enumerate(pair):
            vy = _epa_cell(ctx, x + i * half, y, half, hs_, number, caption)
            sh.text(x + i * half + 2.5, vy, text, value - 0.4, max_w=half - 4)
        y += hs_
    ctx.set("country_of_origin", s.declared)
    vy = _epa_cell(ctx, x, y, lw, hs_, "7", "Country of Origin of Goods")
    sh.text(x + 2.5, vy, ctx.country(s.declared, upper=True), value + 0.4, bold=True, kind="value",
            field="country_of_origin", max_w=lw - 4)  # fmt: skip
    y += hs_
    # the right column: the certificate's heading and number over the exporter's declaration
    head_h = ctx.jitter(44, 2)
    sh.rect(rx, top, rw, head_h, 0.6)
    issuing = OFFICIAL_NAMES.get(s.declared, (country_name(s.declared, "en"), ""))[0].upper()
    sh.text(rx + rw / 2, top + 6, issuing, 8.4, bold=True, align="center", max_w=rw - 4)
    sh.text(rx + rw / 2, top + 12, "PREFERENTIAL CERTIFICATE OF ORIGIN", ctx.jitter(10.5, 0.4), bold=True,
            align="center", max_w=rw - 4)  # fmt: skip
    ctx.set("certificate_number", s.coo_no)
    label = ctx.pick(("NO.", "No.", "Certificate No."))
    lx = rx + 4
    sh.text(lx, top + 19, label, 8.6, bold=True, kind="label")
    sh.text(lx + sh.text_width(label, 8.6, True) + 3, top + 19, s.coo_no, 9.6, kind="value", field="certificate_number",
            max_w=rw - 10 - sh.text_width(label, 8.6, True))  # fmt: skip
    agreement = EPA_AGREEMENTS.get(
        s.declared, f"Economic Partnership Agreement between Japan and {country_name(s.declared, 'en')}"
    )
    ay = sh.para(rx + 3, top + 25, agreement, rw - 6, 7.6)
    sh.para(rx + 3, ay + 1, "NO UNAUTHORISED ADDITION / ALTERATION MAY BE MADE TO THIS CERTIFICATE", rw - 6, 6.4)
    dy = top + head_h
    dh = y - dy
    vy = _epa_cell(ctx, rx, dy, rw, dh, "8", "DECLARATION BY THE EXPORTER")
    vy = sh.para(rx + 2.5, vy, ctx.pick((
        "We hereby declare that the details and statements provided in this Certificate are true and correct.",
        "The undersigned hereby declares that the above details and statements are correct and that the goods "
        "comply with the origin requirements of the Agreement.",
    )), rw - 5, 7.6) + 1  # fmt: skip
    sh.scribble(rx + 6, vy + 7, 30, len(s.coo_no))
    signed = s.coo_date - timedelta(days=ctx.rng.randrange(0, 3))
    sign_lines = [f"Name: {s.seller.person}", f"Designation: {s.seller.title}", f"Date: {ctx.date(signed)}"]
    sh.lines(rx + 2.5, vy + 12, sign_lines, 7.4, kind="static", step=3.3, max_w=rw - 5)
    # boxes 9-11: the goods
    gh = ctx.jitter(70, 4)
    widths = (0.22, 0.56, 0.22)
    captions = (
        ("9", "Marks & Numbers"),
        ("10", "No. & Kind of Packages; Description of Goods (incl. HS number, number and date of invoice)"),
        ("11", "Quantity & Unit"),
    )
    gx = x
    starts = []
    for share, (number, caption) in zip(widths, captions, strict=True):
        starts.append((gx, _epa_cell(ctx, gx, y, w * share, gh, number, caption)))
        gx += w * share
    (mx, my), (dx, dy2), (qx, qy) = starts
    sh.lines(mx + 2, my + 1, s.marks("en"), 7.6, kind="static", step=3.4, max_w=w * widths[0] - 3)
    dw = w * widths[1] - 4
    gy = sh.para(dx + 2, dy2 + 1, _goods_line(ctx), dw, 7.8)
    ctx.set("invoice_number", s.coo_invoice_ref)
    hs = ctx.hs(six_digits=True)
    for label, text, field in (
        (ctx.pick(("HS CODE:", "H.S. NO.:", "TARIFF NO.:")), hs, "hs_code"),
        (ctx.pick(("INVOICE NO.:", "INV. NO.:")), s.coo_invoice_ref, "invoice_number"),
        (ctx.pick(("DATED:", "INVOICE DATE:")), ctx.date(s.invoice_date), None),
    ):
        tw = sh.text(dx + 2, gy + 1, label, 7.8, kind="label")
        sh.text(dx + 4 + tw, gy + 1, text, 7.8, kind="value" if field else "static", field=field, max_w=dw - tw - 2)
        gy += 3.6
    producer = producer_line(ctx)
    if producer:
        gy = sh.para(dx + 2, gy + 1, producer, dw, 7.6)
    sh.text(dx + 2, gy + 2, "*" * ctx.pick((3, 12, 24)), 7.8)
    unit = ctx.pick(("KG", "KGS", "kg"))
    net = ctx.weight_as(s.coo_net_kg, unit, "net_weight_kg")
    sh.text(qx + 2, qy + 1, net, 8.2, kind="value", field="net_weight_kg", max_w=w * widths[2] - 3)
    sh.text(qx + 2, qy + 4.6, ctx.pick(("(NET WEIGHT)", "N.W.", "NET")), 7.2, kind="label")
    sh.text(qx + 2, qy + 10, f"G.W. {ctx.kg(s.gross_kg, 0)} {unit}", 7.4, max_w=w * widths[2] - 3)
    y += gh
    # box 12: the certification
    ch = ctx.jitter(46, 2)
    vy = _epa_cell(ctx, x, y, w, ch, "12", "CERTIFICATION BY THE COMPETENT AUTHORITY")
    vy = sh.para(x + 2.5, vy, ctx.pick((
        "We hereby certify that evidence has been produced to satisfy us that the goods specified above originate "
        "in the country shown in box 7.",
        "It is hereby certified, on the basis of control carried out, that the declaration of the exporter is "
        "correct and that the goods originate in the country shown in box 7.",
    )), w - 5, 7.8) + 2  # fmt: skip
    authority, city = PREFERENTIAL_AUTHORITY.get(s.declared, (f"Ministry of Trade of {country_name(s.declared, 'en')}",
                                                              s.seller.city))  # fmt: skip
    sh.text(x + 2.5, vy + 1, authority, 8, max_w=w * 0.6)
    ctx.set("issue_date", s.coo_date.isoformat())
    tw = sh.text(x + 2.5, vy + 6, f"{ctx.pick(('Place and date:', 'Issued at', 'Date:'))} {city},", 8, kind="label")
    sh.text(x + 4 + tw, vy + 6, ctx.date(s.coo_date), 8.4, kind="value", field="issue_date")
    sh.canvas.circle((x + w * 0.8) * MM, (sh.height - (y + ch / 2 + 4)) * MM, 13 * MM)
    sh.scribble(x + w * 0.45, vy + 16, 34, len(s.coo_no) + 1)
    sh.text(x + w * 0.45, vy + 21, "Signature and stamp of the competent authority", 6.8, kind="label")
