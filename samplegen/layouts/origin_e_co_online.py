"""A chamber of commerce's non-preferential certificate of origin issued online (`e_co_online`), added after the
extractors were built (no extractor was changed for it).

Chambers issue most non-preferential certificates through an electronic certification platform: the exporter
applies online, the chamber's certification officer approves the application and signs it electronically, and the
exporter prints the certificate at its own desk. The printout keeps the boxes of the chamber's paper form (the
European form's consignor, consignee and country of origin, transport details and remarks, the goods with their
quantity, the certification), but not its security paper: the chamber and the platform in a header band with the
title, the certificate number and a verification code beside a QR code of the verification address, and a footer
saying the certificate was issued electronically and where to verify it with the number and the code. Some
chambers print the captions in English with subtitles in their own or the buyer's language.

It is drawn for every lane certified by a chamber (the exporter's country's chamber, as `origin_forms.CHAMBERS`
names it). Every value a field records is drawn with kind="value"; the certification carries the only date of
issue, the invoice's reference stands in the remarks or under the goods, the verification address is on a
fictional domain ('.example'). Captions and subtitles, the boxes' widths and heights, the goods columns, the
exporter's declaration, the seal and the footer's wording vary per document.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from samplegen.draw import MM, Cell, Column
from samplegen.formatting import country_name
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.origin_e_form_d import qr_code
from samplegen.layouts.origin_forms import CHAMBERS, producer_line

# The platform each chamber issues through and the host of its verification page (a fictional '.example' domain).
PLATFORMS: dict[str, tuple[str, str]] = {
    "BE": ("DigiChambers", "digichambers.example"),
    "TH": ("TCC e-CO Online", "eco.thaichamber.example"),
    "VN": ("VCCI e-CO", "eco.vcci-hp.example"),
    "MX": ("CANACO e-Certificados", "ecertificados.canaco-saltillo.example"),
    "TJ": ("CCI e-Certificate", "ecert.cci-sughd.example"),
    "OM": ("OCCI e-Services", "eservices.occi-batinah.example"),
    "MY": ("MCC e-CO", "eco.mcc-perak.example"),
    "ID": ("KADIN e-SKA Non-Preferential", "eco.kadin-jatim.example"),
    "CA": ("e-CO Montréal", "eco.ccmm.example"),
}
OFFICERS: dict[str, tuple[str, ...]] = {
    "BE": ("A. Vermeulen", "K. Peeters", "S. Dubois"),
    "TH": ("Siriporn Chaiyasit", "Natthapong Boonmee"),
    "VN": ("Pham Thi Lan", "Do Van Quang"),
    "MX": ("Lic. María Fernanda Ruiz", "Lic. Jorge Treviño"),
    "TJ": ("N. Rahimov", "D. Saidova"),
    "OM": ("Khalid Al-Balushi", "Aisha Al-Harthy"),
    "MY": ("Nurul Hashim", "Tan Wei Ming"),
    "ID": ("Dewi Santoso", "Agus Pratama"),
    "CA": ("L. Tremblay", "M. Gagnon"),
}
# Captions in English and the subtitle languages: key -> language -> wordings.
CAPTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "consignor": {"en": ("Consignor", "Consignor (exporter)", "Exporter"), "es": ("Expedidor",),
                  "fr": ("Expéditeur",), "pt": ("Expedidor",)},
    "consignee": {"en": ("Consignee", "Consignee (name, address, country)"), "es": ("Destinatario",),
                  "fr": ("Destinataire",), "pt": ("Destinatário",)},
    "origin": {"en": ("Country of origin",), "es": ("País de origen",), "fr": ("Pays d'origine",),
               "pt": ("País de origem",)},
    "transport": {"en": ("Transport details", "Transport details (optional)", "Means of transport and route"),
                  "es": ("Detalles del transporte",), "fr": ("Modalités de transport",),
                  "pt": ("Detalhes do transporte",)},
    "remarks": {"en": ("Remarks", "Remarks (optional)"), "es": ("Observaciones",), "fr": ("Remarques",),
                "pt": ("Observações",)},
    "marks": {"en": ("Marks and numbers", "Shipping marks"), "es": ("Marcas y números",),
              "fr": ("Marques et numéros",), "pt": ("Marcas e números",)},
    "goods": {"en": ("Number and kind of packages; description of goods", "Description of goods"),
              "es": ("Número y clase de bultos; descripción de las mercancías",),
              "fr": ("Nombre et nature des colis ; désignation des marchandises",),
              "pt": ("Número e espécie de volumes; descrição das mercadorias",)},
    "hs": {"en": ("HS code", "H.S. code", "Tariff code"), "es": ("Código SA",), "fr": ("Code SH",),
           "pt": ("Código SH",)},
    "quantity": {"en": ("Quantity", "Packages"), "es": ("Cantidad",), "fr": ("Quantité",), "pt": ("Quantidade",)},
    "gross": {"en": ("Gross weight",), "es": ("Peso bruto",), "fr": ("Poids brut",), "pt": ("Peso bruto",)},
    "net": {"en": ("Net weight",), "es": ("Peso neto",), "fr": ("Poids net",), "pt": ("Peso líquido",)},
    "declaration": {"en": ("Exporter's declaration", "Declaration by the exporter"),
                    "es": ("Declaración del exportador",), "fr": ("Déclaration de l'exportateur",),
                    "pt": ("Declaração do exportador",)},
    "certification": {"en": ("Certification", "Certification by the chamber"), "es": ("Certificación",),
                      "fr": ("Certification",), "pt": ("Certificação",)},
}  # fmt: skip
TITLES = {
    "en": "CERTIFICATE OF ORIGIN",
    "es": "CERTIFICADO DE ORIGEN",
    "fr": "CERTIFICAT D'ORIGINE",
    "pt": "CERTIFICADO DE ORIGEM",
}
SUBTITLE_BELOW = {"es": "Certificado de origen", "fr": "Certificat d'origine", "pt": "Certificado de origem"}
TRANSPORT_WORDS = {
    "Sea": "By sea",
    "Truck": "By road (truck)",
    "Rail": "By rail",
    "Rail and sea via Riga": "By rail to Riga, then by sea",
}
CERTIFY = (
    "The undersigned chamber certifies that the goods described above originate in the country shown {where}.",
    "The {chamber}, on the basis of the documents presented, certifies that the goods described above originate "
    "in the country shown {where}.",
    "It is hereby certified that the goods described in this certificate originate in {origin}.",
)
DECLARE = (
    "The undersigned, being duly authorised by the exporter, declares that the particulars above are correct and "
    "that the goods originate in the country shown {where}.",
    "We hereby declare that the above details are correct and that the goods described were produced in {origin}.",
)
FOOTERS = (
    "This certificate was issued electronically by {chamber} through {platform} and bears the chamber's "
    "electronic signature; it is valid without a handwritten signature or stamp. Verify its authenticity at "
    "{url} with the certificate number and the {code}.",
    "Electronic certificate of origin issued through {platform}. The original is the electronic record held by "
    "{chamber}; verify at {url} (certificate number and {code}).",
    "This certificate was issued electronically. To verify it, scan the QR code or go to {url} and enter the "
    "certificate number and the {code}.",
)
SAFE = "ACDEFGHJKLMNPQRTUVWXY3479"  # no letters or digits a reader could take for one another


def _subtitle_language(ctx: Ctx) -> str | None:
    """The chamber's own language (a Belgian or Canadian chamber's French, a Mexican or Bolivian chamber's
    Spanish) or the buyer's (Spanish for Mexico, Portuguese for Brazil) on some documents, else none."""
    s = ctx.s
    lang = {"BE": "fr", "CA": "fr", "MX": "es", "BO": "es"}.get(s.declared)
    lang = lang or {"MX": "es", "BR": "pt"}.get(s.buyer.country)
    return lang if lang and ctx.rng.random() < 0.75 else None


def verification_code(number: str, date: str) -> str:
    """A code derived from the certificate's number and date, in three groups of four."""
    digest = hashlib.sha256(f"e-co|{number}|{date}".encode()).digest()
    chars = "".join(SAFE[b % len(SAFE)] for b in digest[:12])
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def e_co_online(ctx: Ctx) -> None:
    draw_to_fit(ctx, _draw, "e-CO printout")


def _draw(ctx: Ctx, squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    k = 1 - 0.1 * squeeze
    size = ctx.jitter(8.4, 0.25) - 0.25 * squeeze
    step = size * 0.44
    sub = _subtitle_language(ctx)
    below = rng.random() < 0.5  # the subtitle under its caption, or after it on the same line
    numbered = rng.random() < 0.75
    chamber, city = CHAMBERS.get(s.declared, (f"Chamber of Commerce of {s.seller.city}", s.seller.city))
    platform, host = PLATFORMS.get(s.declared, ("e-CO Online", "eco.chamber.example"))
    code = verification_code(s.coo_no, s.coo_date.isoformat())
    url = f"https://{host}/{ctx.pick(('verify', 'check', 'eco/verify'))}"
    ctx.set("certificate_number", s.coo_no)
    ctx.set("exporter_name", s.seller.name)
    ctx.set("consignee_name", s.buyer.name)
    ctx.set("country_of_origin", s.declared)
    origin_up = country_name(s.declared, "en").upper()

    def caption(bx: float, by: float, bw: float, key: str, number: int | None = None) -> float:
        """A box's caption (numbered or not, with its subtitle); returns the baseline for the first value."""
        lx = bx + 1.4
        if numbered and number is not None:
            lx += sh.text(lx, by + 3.1, f"{number}.", 7.0, bold=True, kind="label") + 1.0
        en = str(ctx.pick(CAPTIONS[key]["en"]))
        other = str(ctx.pick(CAPTIONS[key][sub])) if sub else ""
        text = f"{en} / {other}" if other and not below else en
        ly = by + 3.1
        for line in sh.wrap(text, bx + bw - lx - 1.2, 6.8, bold=True):
            sh.text(lx, ly, line, 6.8, bold=True, kind="label", max_w=bx + bw - lx - 1.2)
            ly += 2.8
        if other and below:
            sh.text(lx, ly, other, 6.1, kind="label", max_w=bx + bw - lx - 1.2)
            ly += 2.6
        return ly + 1.8

    # ----- header band: chamber and platform, title, number and verification code, QR code -----
    top = ctx.jitter(10, 0.8)
    qr_mm = ctx.jitter(23, 1.5)
    band_h = qr_mm + 4
    shaded = rng.random() < 0.5
    sh.rect(x, top, w, band_h, 0.8, fill=0.93 if shaded else None)
    lw = w * 0.4
    ly = top + 5
    name_size = 9.0 if len(sh.wrap(chamber, lw - 4, 9, bold=True)) <= 2 else 7.8  # a long name in smaller type
    for line in sh.wrap(chamber, lw - 4, name_size, bold=True):
        sh.text(x + 2.5, ly, line, name_size, bold=True, max_w=lw - 4)
        ly += name_size * 0.42
    sh.text(x + 2.5, ly, f"{city}, {country_name(s.declared, 'en')}", 7.4, max_w=lw - 4)
    ly += 3.4
    issued_via = ctx.pick(("Issued online via {p}", "e-CO platform: {p}", "Electronic certification: {p}"))
    sh.text(x + 2.5, ly, issued_via.format(p=platform), 7.2, max_w=lw - 4)
    if rng.random() < 0.5:
        sh.text(x + 2.5, ly + 3.3, f"ICC WCF CO Accreditation Chain No. {rng.randrange(100, 999)}", 6.6,
                max_w=lw - 4)  # fmt: skip
    qx = ctx.right - qr_mm - 2
    cx = (x + lw + qx) / 2
    tw = qx - x - lw - 2
    sh.text(cx, top + 7.5, TITLES["en"], ctx.jitter(13, 0.4), bold=True, align="center", max_w=tw)
    ty = top + 11.8
    if sub:
        sh.text(cx, ty, SUBTITLE_BELOW[sub] if below else TITLES[sub], 8.2, align="center", max_w=tw)
        ty += 3.8
    sh.text(cx, ty, ctx.pick(("(Non-preferential)", "NON-PREFERENTIAL ORIGIN", "Electronic certificate (e-CO)")),
            7.4, align="center", max_w=tw)  # fmt: skip
    no_label = ctx.pick(("Certificate No.", "e-CO No.", "Certificate number"))
    code_label = ctx.pick(("Verification code", "Security code", "Security number"))
    ny = top + band_h - 6.5
    gap = max(sh.text_width(no_label, 7.6, True), sh.text_width(code_label, 7.6, True)) + 2.5
    nx = x + lw
    sh.text(nx, ny, no_label, 7.6, bold=True, kind="label")
    sh.text(nx + gap, ny, s.coo_no, 10, bold=True, kind="value", field="certificate_number", max_w=qx - nx - gap - 2)
    sh.text(nx, ny + 4.2, code_label, 7.6, bold=True, kind="label")
    sh.text(nx + gap, ny + 4.2, code, 8.6, max_w=qx - nx - gap - 2)
    qr_code(ctx, qx, top + 2, qr_mm, f"{url}?no={s.coo_no}&code={code.replace('-', '')}")
    y = top + band_h + ctx.jitter(2.5, 0.5) * k

    # ----- boxes in two columns: 1 and 2 at the left; 3, 4 and 5 at the right -----
    half = w * ctx.jitter(0.52, 0.02)
    rw = w - half
    exporter = [s.seller.name, *s.seller.lines, country_name(s.seller.country, "en").upper()]
    consignee = [s.buyer.name, *s.buyer.lines, country_name(s.buyer.country, "en").upper()]
    cap_h = 9.5 if sub and below else 7.0
    h1 = max(ctx.jitter(30, 1.5) * k, cap_h + len(exporter) * step + 2.5)
    h2 = max(ctx.jitter(30, 1.5) * k, cap_h + len(consignee) * step + 2.5)
    h3 = max(ctx.jitter(15, 1) * k, 12.0) + (2.5 if sub and below else 0)
    loading, discharge = ctx.pick((("From", "To"), ("Loading:", "Discharge:"), ("Port of loading:", "Destination:")))
    transport = [TRANSPORT_WORDS.get(s.transport, s.transport), s.vessel, f"{loading} {s.place_loading}",
                 f"{discharge} {s.place_discharge}"]  # fmt: skip
    if rng.random() < 0.5:
        transport.append(f"{ctx.pick(('Departure', 'Sailing on or about'))} {ctx.date(s.departure_date)}")
    h4 = max((h1 + h2 - h3) * ctx.jitter(0.6, 0.05), cap_h + len(transport) * step + 2)
    invoice_in_remarks = rng.random() < 0.5
    h5 = max(h1 + h2 - h3 - h4, cap_h + (3 if invoice_in_remarks else 1) * step + 3)
    h2 += max(0.0, h3 + h4 + h5 - h1 - h2)  # the left column ends with the right one
    for i, (key, lines, field) in enumerate((("consignor", exporter, "exporter_name"),
                                             ("consignee", consignee, "consignee_name"))):  # fmt: skip
        by = y + (h1 if i else 0)
        sh.rect(x, by, half, h2 if i else h1, 0.6)
        ly = caption(x, by, half, key, i + 1)
        for j, line in enumerate(lines):
            sh.text(x + 3, ly, line, size, bold=j == 0, kind="value" if j == 0 else "static",
                    field=field if j == 0 else None, max_w=half - 5)  # fmt: skip
            ly += step
    rx = x + half
    sh.rect(rx, y, rw, h3, 0.6)
    ly = caption(rx, y, rw, "origin", 3)
    sh.text(rx + rw / 2, ly + 1.2, origin_up, size + 2.5, bold=True, kind="value", field="country_of_origin",
            align="center", max_w=rw - 6)  # fmt: skip
    # box 4: the route and the vessel or vehicle
    sh.rect(rx, y + h3, rw, h4, 0.6)
    ly = caption(rx, y + h3, rw, "transport", 4)
    for line in transport:
        sh.text(rx + 3, ly, line, size - 0.4, max_w=rw - 5)
        ly += step
    # box 5: the remarks, with the invoice's reference on some printouts
    ctx.set("invoice_number", s.coo_invoice_ref)
    sh.rect(rx, y + h3 + h4, rw, h5, 0.6)
    ly = caption(rx, y + h3 + h4, rw, "remarks", 5)
    if invoice_in_remarks:
        ly = _invoice(ctx, rx + 3, ly, rw - 5, size - 0.3)
    if invoice_in_remarks or rng.random() < 0.5:
        sh.text(rx + 3, ly, f"{ctx.pick(('Order No.', 'Buyer order', 'P.O.'))}: {s.buyer_po}", size - 0.4,
                max_w=rw - 5)  # fmt: skip
    y += h1 + h2 + ctx.jitter(2.5, 0.4) * k

    # ----- what the certification, the declaration and the footer will print, so the goods box can fill the rest
    declared = rng.random() < 0.6
    cw = w * ctx.jitter(0.5, 0.03) if declared else w
    cx = x + w - cw
    dw = w - cw
    origin_word = country_name(s.declared, "en")
    where = "in box 3" if numbered else "above"
    declaration = ctx.pick(DECLARE).format(origin=origin_word, where=where)
    certification = ctx.pick(CERTIFY).format(chamber=chamber, origin=origin_word, where=where)
    officer = ctx.pick(OFFICERS.get(s.declared, ("Certification officer",)))
    stamp = hashlib.sha256(f"{s.coo_no}|{s.coo_date}|{officer}".encode()).hexdigest().upper()
    signature = f"{stamp[:8]} {stamp[8:16]} {stamp[16:24]}"
    signed = [f"{ctx.pick(('Electronically signed by', 'Digitally signed by', 'Approved by'))}: {officer}",
              f"{ctx.pick(('Certification officer', 'Authorised signatory'))}, {chamber}",
              f"{ctx.pick(('Signature ID', 'Digital signature', 'Hash'))}: {signature}"]  # fmt: skip
    seal = rng.random() < 0.5
    sr = 8.5  # the seal's radius
    text_w = cw - 6 - (2 * sr + 4 if seal else 0)  # the certification's text keeps clear of the seal
    cert_h = len(sh.wrap(certification, text_w, size - 0.8)) * step + 1
    cert_h += sum(len(sh.wrap(line, text_w, size - 1.4)) for line in signed) * (step - 0.3)
    decl_h = len(sh.wrap(declaration, dw - 6, size - 0.8)) * step + 9 if declared else 0.0
    fh = max(ctx.jitter(40, 2) * k, cap_h + max(cert_h, decl_h) + 9, 2 * sr + cap_h + 6 if seal else 0.0)
    footer = ctx.pick(FOOTERS).format(chamber=chamber, platform=platform, url=url, code=code_label.lower())
    footer_h = len(sh.wrap(footer, w * 0.74, 6.8)) * 2.9 + 4.5
    gap_above = ctx.jitter(3, 0.5) * k

    # ----- the goods, down to what the rest leaves -----
    room = sh.height - 14 - y - (0 if invoice_in_remarks else 5.5 * k + 4) - gap_above - fh - footer_h
    y = _goods(ctx, y, size, k, sub, numbered, room - ctx.jitter(6, 3))
    if not invoice_in_remarks:
        y = _invoice(ctx, x, y + 4.5 * k, w * 0.7, size) + 0.5
    y += gap_above

    # ----- the exporter's declaration (on some printouts) and the chamber's certification -----
    if declared:
        sh.rect(x, y, dw, fh, 0.6)
        ly = caption(x, y, dw, "declaration", 7)
        sh.para(x + 3, ly, declaration, dw - 6, size - 0.8, step)
        applied = s.coo_date - timedelta(days=rng.randrange(0, 3))
        sh.text(x + 3, y + fh - 9, f"{s.seller.city}, {ctx.date(applied)}", size - 0.6, max_w=dw - 6)
        sh.text(x + 3, y + fh - 5, f"{ctx.pick(('Submitted electronically by', 'e-signed:'))} {s.seller.person}, "
                f"{s.seller.title}", size - 1.2, max_w=dw - 6)  # fmt: skip
    sh.rect(cx, y, cw, fh, 0.8)
    ly = caption(cx, y, cw, "certification", 8 if declared else 7)
    ly = sh.para(cx + 3, ly, certification, text_w, size - 0.8, step) + 1
    for line in signed:
        ly = sh.para(cx + 3, ly, line, text_w, size - 1.4, step - 0.3)
    if seal:  # the chamber's electronic seal as the printout reproduces it
        sx, sy = cx + cw - sr - 4, y + fh - sr - 5
        sh.canvas.setLineWidth(0.7)
        sh.canvas.circle(sx * MM, (sh.height - sy) * MM, sr * MM)
        sh.canvas.circle(sx * MM, (sh.height - sy) * MM, (sr - 1.3) * MM)
        sh.text(sx, sy - 1, "e-SEAL", 6.4, bold=True, align="center")
        sh.text(sx, sy + 2.2, city.upper(), 5.2, align="center", max_w=2 * sr - 4)
    date_label = ctx.pick(("Place and date of issue:", "Date of issue:", "Issued at"))
    dy = y + fh - 4.5
    lw_ = sh.text(cx + 3, dy, date_label, size - 0.6, bold=True, kind="label") + 2
    place_date = f"{city}, {ctx.date(s.coo_date, 'issue_date')}" if date_label != "Date of issue:" else (
        ctx.date(s.coo_date, "issue_date"))  # fmt: skip
    sh.text(cx + 3 + lw_, dy, place_date, size, kind="value", field="issue_date", max_w=text_w - lw_)
    y += fh

    # ----- footer: the electronic issue and where to verify it -----
    fy = y + 4.5
    sh.hline(x, ctx.right, fy - 2.8, 0.4)
    end = sh.para(x, fy, footer, w * 0.74, 6.8, 2.9)
    printed = s.coo_date + timedelta(days=rng.randrange(0, 8))
    stamp_time = f"{rng.randrange(8, 19):02d}:{rng.randrange(60):02d}"
    sh.text(ctx.right, fy, f"{ctx.pick(('Printed', 'Printed on', 'Print date'))}: {ctx.date(printed)} {stamp_time}",
            6.6, align="right")  # fmt: skip
    sh.text(ctx.right, fy + 3.1, ctx.pick(("Page 1 of 1", "Page 1/1", "ORIGINAL - printed by the exporter")), 6.6,
            align="right")  # fmt: skip
    return end


def _invoice(ctx: Ctx, x: float, y: float, width: float, size: float) -> float:
    """The commercial invoice's reference: caption, number (the field's value alone) and date; returns the next
    baseline."""
    s, sh = ctx.s, ctx.sheet
    label = ctx.pick(("Commercial invoice No.:", "Invoice No.:", "Invoice:"))
    tw = sh.text(x, y, label, size, bold=True, kind="label") + 1.6
    nw = sh.text(x + tw, y, s.coo_invoice_ref, size, kind="value", field="invoice_number", max_w=width - tw)
    sh.text(x + tw + nw + 1.6, y, f"{ctx.pick(('of', 'dated', '/'))} {ctx.date(s.invoice_date)}", size,
            max_w=max(width - tw - nw - 1.6, 10))  # fmt: skip
    return y + size * 0.44 + 0.8


def _goods(ctx: Ctx, y: float, size: float, k: float, sub: str | None, numbered: bool, height: float) -> float:
    """Box 6 as a table: marks, packages and description (the lots, the producer where one is named), HS code,
    quantity, gross and net weight in columns, the description running down to make the box `height` mm tall
    with its caption. Returns the y under it."""
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    top = y

    def title(key: str) -> str:
        en = str(ctx.pick(CAPTIONS[key]["en"]))
        return f"{en} / {ctx.pick(CAPTIONS[key][sub])}" if sub else en

    head = f"{'6. ' if numbered else ''}{ctx.pick(('Goods', 'Description of goods', 'Particulars of goods'))}"
    sh.text(x, y + 3, head, 7.2, bold=True, kind="label")
    y += 4.5
    packages = ctx.packages_text(s.packages)
    desc = [f"{packages.upper()} ({s.packages}) OF {s.description('en').upper()}"
            if rng.random() < 0.5 else f"{s.description('en')}, {packages}"]  # fmt: skip
    if "description" in s.china_text:
        desc.append(s.china_text["description"])
    desc.append(f"{ctx.pick(('Lots', 'Lot Nos.', 'LOT NOS.'))}: {', '.join(lot.number for lot in s.lots)}")
    producer = producer_line(ctx)
    if producer:
        desc.append(producer)
    desc.append("*" * ctx.pick((3, 12, 24)))
    net_shown = s.plan.qty_doc == "certificate_of_origin" or rng.random() < 0.85
    gross = ctx.weight(s.gross_kg)
    net = ctx.weight(s.coo_net_kg, "net_weight_kg") if net_shown else ""
    spec: list[tuple[str, float, Cell]] = [
        ("marks", 0.19, Cell("", "static")),
        ("goods", 0.35, Cell("", "static")),
        ("hs", 0.1, Cell(ctx.hs(), field="hs_code")),
        ("quantity", 0.11, Cell(packages, "static")),
        ("gross", 0.125, Cell(gross, "static")),
    ]
    if net_shown:
        spec.append(("net", 0.125, Cell(net, field="net_weight_kg")))
    if rng.random() < 0.35:  # the HS code beside the marks, before the description
        spec.insert(1, spec.pop(2))
    if net_shown and rng.random() < 0.4:
        spec[-2], spec[-1] = spec[-1], spec[-2]  # net weight before gross weight
    scale = w / sum(f for _, f, _ in spec)
    cols = [Column(title(key), f * scale, "left" if key in ("marks", "goods", "hs") else "right")
            for key, f, _ in spec]  # fmt: skip
    line_h = ctx.jitter(3.5, 0.15) * k
    cell_size = size - 0.6
    goods_col = next(i for i, (key, _, _) in enumerate(spec) if key == "goods")
    # the marks and the description wrapped as typed into the platform's fields, every line at the cell's size
    marks_col = next(i for i, (key, _, _) in enumerate(spec) if key == "marks")
    marks = [part for line in s.marks("en") for part in sh.wrap(line, cols[marks_col].width - 2.6, cell_size)]
    lines = [part for line in desc for part in sh.wrap(line, cols[goods_col].width - 2.6, cell_size)]
    head_h = max(len(sh.wrap(c.title, c.width - 2.5, cell_size - 0.5, bold=True)) for c in cols) * line_h + 2.4
    extra = max(0, int((top + height - y - head_h - 2.4) / line_h) - len(lines))
    cells = [cell for _, _, cell in spec]
    cells[goods_col] = Cell("\n".join(lines + [""] * extra), "static")
    cells[marks_col] = Cell("\n".join(marks), "static")
    return sh.table(x, y, cols, [cells], size=cell_size, line_h=line_h, pad=1.2, grid=True, bottom=sh.height * 2)
