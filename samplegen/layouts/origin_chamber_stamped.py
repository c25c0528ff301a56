"""The exporter's own certificate of origin on its letterhead, certified with the chamber of commerce's stamp
(`chamber_stamped`), added after the extractors were built (no extractor was changed for it).

Most non-preferential certificates are prepared by the exporter and only stamped by the local chamber: besides the
chamber's own form, chambers certify a separate certificate or letter the exporter writes on its letterhead, as long
as it states the origin, describes the goods and is signed by the exporter's employee. The chamber then certifies
the whole document, or, where it cannot check the commercial details, confines itself to legalising the signatory's
signature. What the page carries:

* the exporter's letterhead (name, address, contacts and tax number), the title, the exporter's own reference and
  the date and place of its letter, sometimes 'To whom it may concern';
* the exporter's declaration as a paragraph ('We, ..., hereby certify that the goods described below ... are of ...
  origin');
* the shipment's particulars: the consignee beside the commercial invoice's number and date, the bill of lading,
  the vessel or vehicle, the ports, the country of origin and of destination;
* the goods as a table of marks, description (the lots, the producer where one is named), HS code, packages, net
  and gross weight: one row, or a row per lot and a total row;
* the exporter's signature for and on behalf of the company;
* the chamber's stamp, a ruled block in blue or violet ink: the chamber's name, 'CERTIFIED' or 'LEGALISED', its
  wording (the origin certified to the best of its knowledge, or the signature legalised only), the chamber's
  registration number of the certificate and the date of certification, an officer's signature, sometimes a round
  seal beside it.

The chamber's number and date are the certificate's number and date of issue; the exporter's own reference and the
letter's date stand apart from them. It is drawn for every lane certified by a chamber (the exporter's country's
chamber, as `origin_forms.CHAMBERS` names it), in English, Spanish, French (a Belgian exporter) or Portuguese (goods
for a Brazilian buyer). The letterhead, the wording, the particulars' order, the goods rows and columns, the stamp's
place and ink and the spacing vary per document.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from samplegen.draw import MM, Cell, Column
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.origin_forms import CHAMBERS, producer_line

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("CERTIFICATE OF ORIGIN", "CERTIFICATE OF ORIGIN", "CERTIFICATE OF COUNTRY OF ORIGIN"),
        "subtitle": ("(Non-preferential)", "(Exporter's certificate)", ""),
        "to_whom": ("TO WHOM IT MAY CONCERN",),
        "our_ref": ("Our ref.:", "Ref.:", "Our reference:"),
        "date": ("Date:",),
        "declare": (
            "We, {exporter}, {where}, hereby certify that the goods described below, shipped to {buyer} under our "
            "commercial invoice No. {invoice}, were produced in {origin} and are of {origin} origin.",
            "We hereby certify that the goods listed below were manufactured by or for us in {origin}, that they "
            "are of {origin} origin and that the particulars given in this certificate are true and correct.",
            "This is to certify that the goods described hereunder, sold by {exporter} to {buyer}, originate in "
            "{origin}.",
        ),
        "consignee": ("Consignee:", "Consignee / Buyer:", "Sold and shipped to:"),
        "invoice": ("Commercial invoice No.:", "Invoice No.:", "Invoice number:"),
        "invoice_date": ("Invoice date:", "Dated:"),
        "bl": ("B/L No.:", "Bill of lading:"),
        "vessel": ("Vessel / voyage:", "Means of transport:", "Shipped per:"),
        "loading": ("Port of loading:", "From:"),
        "discharge": ("Port of discharge:", "To:"),
        "origin": ("Country of origin:", "Origin:"),
        "destination": ("Country of destination:", "Destination:"),
        "marks": ("Marks and numbers", "Shipping marks"),
        "goods": ("Description of goods", "Description"),
        "hs": ("HS code", "H.S. code"),
        "packages": ("Packages", "No. of packages"),
        "net": ("Net weight",),
        "gross": ("Gross weight",),
        "lot": ("Lot",),
        "total": ("TOTAL", "Total"),
        "producer": ("Producer",),
        "for": ("For and on behalf of", "For"),
        "signatory": ("Authorised signatory", "Export Manager"),
        "certified": ("CERTIFIED", "CERTIFIED ORIGIN"),
        "legalised": ("LEGALISED", "SIGNATURE LEGALISED"),
        "certify": ("{chamber} certifies that, to the best of its knowledge and belief, the goods described above "
                    "originate in {origin}.",
                    "Certified that the goods described herein are of {origin} origin, on the evidence produced."),
        "legalise": ("Seen at {chamber} for legalisation of the signature of {person} only, without responsibility "
                     "for the contents.",),
        "reg_no": ("No.", "Reg. No.", "Certificate No."),
        "stamp_date": ("Date:", "Dated:"),
        "officer": ("Authorised officer", "For the Secretary General"),
    },
    "es": {
        "title": ("CERTIFICADO DE ORIGEN",),
        "subtitle": ("(No preferencial)", "(Certificado del exportador)", ""),
        "to_whom": ("A QUIEN CORRESPONDA",),
        "our_ref": ("Nuestra ref.:", "Ref.:"),
        "date": ("Fecha:",),
        "declare": (
            "{exporter}, {where}, certifica por la presente que las mercancías abajo descritas, vendidas a {buyer} "
            "según nuestra factura comercial No. {invoice}, fueron producidas en {origin} y son originarias de "
            "{origin}.",
            "Certificamos que las mercancías que se detallan a continuación fueron producidas en {origin}, que son "
            "originarias de dicho país y que los datos de este certificado son verdaderos y correctos.",
        ),
        "consignee": ("Consignatario:", "Destinatario / comprador:"),
        "invoice": ("Factura comercial No.:", "Factura No.:"),
        "invoice_date": ("Fecha de factura:", "De fecha:"),
        "bl": ("B/L No.:", "Conocimiento de embarque:"),
        "vessel": ("Buque / viaje:", "Medio de transporte:"),
        "loading": ("Puerto de embarque:", "Desde:"),
        "discharge": ("Puerto de descarga:", "Hasta:"),
        "origin": ("País de origen:", "Origen:"),
        "destination": ("País de destino:", "Destino:"),
        "marks": ("Marcas y números",),
        "goods": ("Descripción de las mercancías", "Descripción"),
        "hs": ("Código SA", "Fracción arancelaria"),
        "packages": ("Bultos",),
        "net": ("Peso neto",),
        "gross": ("Peso bruto",),
        "lot": ("Lote",),
        "total": ("TOTAL",),
        "producer": ("Productor",),
        "for": ("Por",),
        "signatory": ("Firma autorizada", "Gerente de Exportaciones"),
        "certified": ("CERTIFICADO",),
        "legalised": ("FIRMA LEGALIZADA", "VISTO BUENO"),
        "certify": ("{chamber} certifica que, según su leal saber y entender, las mercancías arriba descritas son "
                    "originarias de {origin}.",),
        "legalise": ("Visto en {chamber} únicamente para la legalización de la firma de {person}, sin "
                     "responsabilidad en cuanto al contenido.",),
        "reg_no": ("No.", "Registro No.", "Folio"),
        "stamp_date": ("Fecha:",),
        "officer": ("Funcionario autorizado", "Por la Secretaría"),
    },
    "fr": {
        "title": ("CERTIFICAT D'ORIGINE",),
        "subtitle": ("(Non préférentiel)", "(Certificat de l'exportateur)", ""),
        "to_whom": ("À QUI DE DROIT",),
        "our_ref": ("Notre réf. :", "Réf. :"),
        "date": ("Date :",),
        "declare": (
            "Nous, {exporter}, {where}, certifions que les marchandises décrites ci-dessous, vendues à {buyer} "
            "selon notre facture commerciale n° {invoice}, ont été produites dans le pays suivant, dont elles sont "
            "originaires : {origin}.",
            "Nous certifions que les marchandises désignées ci-dessous sont originaires du pays indiqué ({origin}) "
            "et que les indications du présent certificat sont exactes.",
        ),
        "consignee": ("Destinataire :", "Acheteur / destinataire :"),
        "invoice": ("Facture commerciale n° :", "Facture n° :"),
        "invoice_date": ("Date de la facture :", "Du :"),
        "bl": ("Connaissement n° :", "B/L n° :"),
        "vessel": ("Navire / voyage :", "Moyen de transport :"),
        "loading": ("Port de chargement :", "De :"),
        "discharge": ("Port de déchargement :", "À :"),
        "origin": ("Pays d'origine :", "Origine :"),
        "destination": ("Pays de destination :", "Destination :"),
        "marks": ("Marques et numéros",),
        "goods": ("Désignation des marchandises", "Désignation"),
        "hs": ("Code SH",),
        "packages": ("Colis", "Nombre de colis"),
        "net": ("Poids net",),
        "gross": ("Poids brut",),
        "lot": ("Lot",),
        "total": ("TOTAL",),
        "producer": ("Producteur",),
        "for": ("Pour",),
        "signatory": ("Signataire autorisé", "Responsable export"),
        "certified": ("CERTIFIÉ",),
        "legalised": ("SIGNATURE LÉGALISÉE", "VU POUR LÉGALISATION"),
        "certify": ("{chamber} certifie qu'à sa connaissance les marchandises décrites ci-dessus sont originaires "
                    "du pays indiqué ({origin}).",),
        "legalise": ("Vu à {chamber} pour légalisation de la signature de {person} uniquement, sans garantie quant "
                     "au contenu.",),
        "reg_no": ("N°", "Enregistré sous le n°"),
        "stamp_date": ("Date :", "Le :"),
        "officer": ("Le délégué", "Pour le Secrétaire général"),
    },
    "pt": {
        "title": ("CERTIFICADO DE ORIGEM",),
        "subtitle": ("(Não preferencial)", "(Certificado do exportador)", ""),
        "to_whom": ("A QUEM POSSA INTERESSAR",),
        "our_ref": ("Nossa ref.:", "Ref.:"),
        "date": ("Data:",),
        "declare": (
            "{exporter}, {where}, certifica que as mercadorias abaixo descritas, vendidas a {buyer} conforme nossa "
            "fatura comercial nº {invoice}, foram produzidas e são originárias do seguinte país: {origin}.",
            "Certificamos que as mercadorias relacionadas abaixo são originárias do país indicado ({origin}) e que "
            "as informações deste certificado são verdadeiras e corretas.",
        ),
        "consignee": ("Consignatário:", "Comprador / destinatário:"),
        "invoice": ("Fatura comercial nº:", "Fatura nº:"),
        "invoice_date": ("Data da fatura:", "De:"),
        "bl": ("Conhecimento de embarque nº:", "B/L nº:"),
        "vessel": ("Navio / viagem:", "Meio de transporte:"),
        "loading": ("Porto de embarque:", "De:"),
        "discharge": ("Porto de descarga:", "Para:"),
        "origin": ("País de origem:", "Origem:"),
        "destination": ("País de destino:", "Destino:"),
        "marks": ("Marcas e números",),
        "goods": ("Descrição das mercadorias", "Descrição"),
        "hs": ("Código SH", "NCM/SH"),
        "packages": ("Volumes",),
        "net": ("Peso líquido",),
        "gross": ("Peso bruto",),
        "lot": ("Lote",),
        "total": ("TOTAL",),
        "producer": ("Produtor",),
        "for": ("Por",),
        "signatory": ("Assinatura autorizada", "Gerente de Exportação"),
        "certified": ("CERTIFICADO",),
        "legalised": ("ASSINATURA RECONHECIDA", "VISTO"),
        "certify": ("{chamber} certifica que, tanto quanto é do seu conhecimento, as mercadorias acima descritas são "
                    "originárias do país indicado ({origin}).",),
        "legalise": ("Visto na {chamber} apenas para reconhecimento da assinatura de {person}, sem "
                     "responsabilidade quanto ao conteúdo.",),
        "reg_no": ("Nº", "Registro nº"),
        "stamp_date": ("Data:",),
        "officer": ("Funcionário autorizado", "Pela Secretaria"),
    },
}  # fmt: skip
INKS = ((0.12, 0.2, 0.62), (0.36, 0.16, 0.52), (0.1, 0.3, 0.55))  # stamp-pad blue, violet, blue-grey
# Chambers of the exporters' countries that `origin_forms.CHAMBERS` does not list.
LOCAL_CHAMBERS = {"BO": ("Cámara Nacional de Comercio de Bolivia", "La Paz")}
SEAL_WORD = {"en": "SEAL", "es": "SELLO", "fr": "SCEAU", "pt": "SELO"}
Say = Callable[[str], str]


def chamber_stamped(ctx: Ctx) -> None:
    draw_to_fit(ctx, _draw, "exporter's certificate with the chamber's stamp")


def _draw(ctx: Ctx, squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    lang = fl.language(ctx, 0.6)
    chosen: dict[str, str] = {}

    def say(key: str) -> str:
        if key not in chosen:  # one wording per key in a document
            chosen[key] = str(ctx.pick(WORDS[lang][key]))
        return chosen[key]

    k = 1 - 0.1 * squeeze
    size = ctx.jitter(8.8, 0.3) - 0.3 * squeeze
    step = size * 0.46
    chamber, city = CHAMBERS.get(s.declared) or LOCAL_CHAMBERS.get(s.declared) or (
        f"Chamber of Commerce of {s.seller.city}", s.seller.city)  # fmt: skip
    origin = fl.country(ctx, lang, s.declared)
    ctx.set("certificate_number", s.coo_no)
    ctx.set("exporter_name", s.seller.name)
    ctx.set("consignee_name", s.buyer.name)
    ctx.set("invoice_number", s.coo_invoice_ref)

    # ----- the exporter's letterhead -----
    seller = s.seller
    address = ", ".join([*seller.lines, fl.country(ctx, lang, seller.country)])
    tax = seller.tax_id  # printed with its own label ('RFC ...', 'VAT BE ...')
    contact = "  |  ".join(p for p in (f"Tel. {seller.phone}", seller.email, tax) if p)
    centred = rng.random() < 0.45
    top = ctx.jitter(15, 1.2)
    name_size = ctx.jitter(14, 1)
    if centred:
        cx = sh.width / 2
        sh.text(cx, top, seller.name, name_size, bold=True, kind="value", field="exporter_name", align="center",
                max_w=w)  # fmt: skip
        sh.text(cx, top + 5, address, 7.8, align="center", max_w=w)
        sh.text(cx, top + 8.6, contact, 7.3, align="center", max_w=w)
    else:
        sh.text(x, top, seller.name, name_size, bold=True, kind="value", field="exporter_name", max_w=w * 0.62)
        sh.lines(x, top + 5, [*seller.lines, fl.country(ctx, lang, seller.country)], 7.8, kind="static", step=3.4)
        rx = ctx.right
        for i, line in enumerate(p for p in (f"Tel. {seller.phone}", seller.email, tax) if p):
            sh.text(rx, top + 5 + i * 3.4, line, 7.3, align="right", max_w=w * 0.36)
    rule = top + (11.5 if centred else 5 + 3.4 * len(seller.lines) + 4)
    sh.hline(x, ctx.right, rule, ctx.pick((0.5, 0.9, 1.4)))

    # ----- title, the exporter's reference and the letter's date -----
    y = rule + ctx.jitter(10, 1) * k
    sh.text(sh.width / 2, y, say("title"), ctx.jitter(14.5, 0.8), bold=True, align="center")
    if say("subtitle"):
        y += 5
        sh.text(sh.width / 2, y, say("subtitle"), size - 0.3, align="center")
    y += 8 * k
    # the letter is written on or after the invoice, the chamber certifies on or after the letter
    written = max(s.invoice_date, s.coo_date - timedelta(days=rng.randrange(0, 3)))
    if rng.random() < 0.7:
        ref = f"{ctx.pick(('CO', 'COO', 'EXP/CO'))}/{written:%y}/{rng.randrange(1, 999):03d}"
        lw = sh.text(x, y, say("our_ref"), size, bold=True, kind="label") + 2
        sh.text(x + lw, y, ref, size)
    date_text = f"{seller.city}, {fl.day(ctx, lang, written)}"
    dx = ctx.right - sh.text(ctx.right, y, date_text, size, align="right")
    sh.text(dx - 2, y, say("date"), size, bold=True, kind="label", align="right")
    y += 7 * k
    if rng.random() < 0.45:
        sh.text(x, y, say("to_whom"), size, bold=True)
        y += 6.5 * k

    # ----- the exporter's declaration -----
    where = ", ".join(p for p in (seller.city, fl.country(ctx, lang, seller.country)) if p)
    declaration = say("declare").format(exporter=seller.name, where=where, buyer=s.buyer.name,
                                        invoice=s.coo_invoice_ref, origin=origin)  # fmt: skip
    y = sh.para(x, y, declaration, w, size, step + 0.3) + 3 * k

    # ----- particulars: the consignee beside the references and the route -----
    half = w * ctx.jitter(0.46, 0.03)
    ly = y
    sh.text(x, ly, say("consignee"), size, bold=True, kind="label")
    ly += step + 0.8
    buyer_lines = [s.buyer.name, *s.buyer.lines, fl.country(ctx, lang, s.buyer.country)]
    for i, line in enumerate(buyer_lines):
        sh.text(x + 2, ly, line, size, kind="value" if i == 0 else "static", field="consignee_name" if i == 0 else None,
                max_w=half - 4)  # fmt: skip
        ly += step
    ctx.set("country_of_origin", s.declared)
    pair = rng.randrange(len(WORDS[lang]["loading"]))  # 'Port of loading' goes with 'Port of discharge'
    loading, discharge = WORDS[lang]["loading"][pair], WORDS[lang]["discharge"][pair]
    rows: list[tuple[str, str, str | None]] = [
        (say("invoice"), s.coo_invoice_ref, "invoice_number"),
        (say("invoice_date"), fl.day(ctx, lang, s.invoice_date), None),
        (say("vessel"), fl.vehicle(ctx, lang), None),
        (loading, s.place_loading, None),
        (discharge, s.place_discharge, None),
        (say("origin"), fl.country(ctx, lang, s.declared, upper=True), "country_of_origin"),
        (say("destination"), fl.country(ctx, lang, s.buyer.country), None),
    ]
    if s.transport == "Sea" and rng.random() < 0.5:
        rows.insert(2, (say("bl"), s.bl_no, None))
    if rng.random() < 0.4:  # the origin first, as some exporters put it
        rows.insert(0, rows.pop(next(i for i, r in enumerate(rows) if r[2] == "country_of_origin")))
    rx = x + half + 4
    gap = min(max(sh.text_width(label, size - 0.3, True) for label, _, _ in rows) + 2.5, (w - half) * 0.5)
    ry = y
    for label, value, field in rows:
        sh.text(rx, ry, label, size - 0.3, bold=True, kind="label", max_w=gap - 1.5)
        sh.text(rx + gap, ry, value, size, bold=field == "country_of_origin", kind="value" if field else "static",
                field=field, max_w=ctx.right - rx - gap)  # fmt: skip
        ry += step + 0.6
    y = max(ly, ry) + 4 * k

    # ----- the goods -----
    y = _goods(ctx, lang, say, y, size, k)

    # ----- the exporter's signature and the chamber's stamp -----
    y += ctx.jitter(7, 1) * k
    stamp_w = min(w * ctx.jitter(0.5, 0.04), 98.0)
    stamp_left = rng.random() < 0.35  # the stamp under the goods at the left, the signature at the right
    sig_x = x + w - 70 if stamp_left else x
    stamp_x = x if stamp_left else ctx.right - stamp_w
    sh.text(sig_x, y, f"{say('for')} {seller.name}", size - 0.4, max_w=70)
    sh.scribble(sig_x + 4, y + 9, 40, len(s.coo_no) + 1)
    sh.hline(sig_x, sig_x + 62, y + 12, 0.4)
    sh.text(sig_x, y + 15.5, seller.person, size - 0.4)
    sh.text(sig_x, y + 19, seller.title if rng.random() < 0.6 else say("signatory"), size - 1.2, max_w=68)
    end = _stamp(ctx, lang, say, stamp_x, y + ctx.jitter(2, 1.5), stamp_w, chamber, city, origin)
    return max(end, y + 21)


def _goods(ctx: Ctx, lang: str, say: Say, y: float, size: float, k: float) -> float:
    """The goods table: one row, or a row per lot and a total row (when the lots add up to the certificate's net
    weight); returns the y under it."""
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    packages = fl.packages(ctx, lang, s.packages)
    desc = [f"{fl.description(ctx, lang)}"]
    producer = producer_line(ctx)
    if producer:
        desc.append(f"{say('producer')}: {producer.split(': ', 1)[1]}")
    per_lot = s.coo_net_kg == s.net_kg and rng.random() < 0.6
    if not per_lot:
        desc.append(f"{say('lot')}: {', '.join(lot.number for lot in s.lots)}")
    marks_col = rng.random() < 0.7  # else the marks stand above the table
    spec: list[tuple[str, float, str]] = [("goods", 0.36, "left"), ("hs", 0.11, "left"), ("packages", 0.12, "right"),
                                          ("net", 0.14, "right"), ("gross", 0.14, "right")]  # fmt: skip
    if marks_col:
        spec.insert(0, ("marks", 0.19, "left"))
    if rng.random() < 0.35:
        spec[-1], spec[-2] = spec[-2], spec[-1]  # gross weight before net weight
    scale = w / sum(f for _, f, _ in spec)
    cols = [Column(say(key), f * scale, align) for key, f, align in spec]
    index = {key: i for i, (key, _, _) in enumerate(spec)}
    cell_size = size - 0.5
    marks = s.marks("es" if lang == "es" else "en")
    if not marks_col:
        sh.text(x, y, f"{say('marks')}:", size - 0.3, bold=True, kind="label")
        y = sh.lines(x + 2, y + size * 0.46, marks, cell_size, kind="static") + 1.5
    net_total = fl.weight(ctx, lang, s.coo_net_kg, "net_weight_kg")
    gross_total = fl.weight(ctx, lang, s.gross_kg)
    hs = ctx.hs()

    def row(goods: str, hs_text: str, pkgs: str, net: Cell, gross: str, marks_text: str = "",
            bold: bool = False) -> list[Cell]:  # fmt: skip
        cells = [Cell("", "static")] * len(spec)
        cells[index["goods"]] = Cell(goods, "static", bold=bold)
        cells[index["hs"]] = Cell(hs_text, field="hs_code") if hs_text else Cell("", "static")
        cells[index["packages"]] = Cell(pkgs, "static", bold=bold)
        cells[index["net"]] = net
        cells[index["gross"]] = Cell(gross, "static", bold=bold)
        if marks_col:
            cells[index["marks"]] = Cell(marks_text, "static")
        return cells

    # the description and the marks wrapped as typed into their cells, every line at the cell's size
    body = "\n".join(part for line in desc for part in sh.wrap(line, cols[index["goods"]].width - 2.6, cell_size))
    marks_width = cols[index["marks"]].width - 2.6 if marks_col else w
    marks_text = "\n".join(part for line in marks for part in sh.wrap(line, marks_width, cell_size))
    if per_lot:
        rows = [row(body, hs, "", Cell("", "static"), "", marks_text)]
        for lot in s.lots:
            rows.append(
                row(
                    f"{say('lot')} {lot.number}",
                    "",
                    fl.packages(ctx, lang, lot.packages),
                    Cell(fl.weight(ctx, lang, lot.net_kg), "static"),
                    fl.weight(ctx, lang, lot.gross_kg),
                )
            )
        rows.append(row(say("total"), "", packages, Cell(net_total, field="net_weight_kg", bold=True), gross_total,
                        bold=True))  # fmt: skip
    else:
        rows = [row(body, hs, packages, Cell(net_total, field="net_weight_kg"), gross_total, marks_text)]
    line_h = ctx.jitter(3.8, 0.2) * k
    return sh.table(x, y, cols, rows, size=cell_size, line_h=line_h, pad=1.3, grid=rng.random() < 0.6,
                    bottom=sh.height * 2)  # fmt: skip


def _stamp(ctx: Ctx, lang: str, say: Say, x: float, y: float, w: float, chamber: str, city: str,
           origin: str) -> float:  # fmt: skip
    """The chamber's rubber stamp in ink: a double-ruled block with the chamber, the certification's wording, its
    number and date and the officer's signature, sometimes a round seal at its side; returns its bottom."""
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    c = sh.canvas
    ink = ctx.pick(INKS)
    certified = rng.random() < 0.7  # else the chamber legalises the signature only
    seal = rng.random() < 0.5 and w < 90
    bw = w - (26 if seal else 0)
    pad = 2.4
    text_w = bw - 2 * pad
    head = say("certified") if certified else say("legalised")
    wording = (say("certify").format(chamber=chamber, origin=origin) if certified
               else say("legalise").format(chamber=chamber, person=s.seller.person))  # fmt: skip
    name_lines = sh.wrap(chamber.upper(), text_w, 7.6, bold=True)
    wording_lines = sh.wrap(wording, text_w, 6.6)
    h = pad + len(name_lines) * 3.3 + 4.6 + len(wording_lines) * 2.9 + 2 + 4.4 * 2 + 12 + pad
    c.setFillColorRGB(*ink)
    c.setStrokeColorRGB(*ink)
    try:
        # the two frames of the stamp, drawn without the sheet's rect (which resets the colours)
        for inset, lw in ((0.0, 1.1), (1.0, 0.4)):
            c.setLineWidth(lw)
            c.rect((x + inset) * MM, (sh.height - (y + h - inset)) * MM, (bw - 2 * inset) * MM,
                   (h - 2 * inset) * MM, stroke=1, fill=0)  # fmt: skip
        ty = y + pad + 3.2
        for line in name_lines:
            sh.text(x + bw / 2, ty, line, 7.6, bold=True, align="center", max_w=text_w)
            ty += 3.3
        sh.text(x + bw / 2, ty + 1.0, head, 9.5, bold=True, align="center", max_w=text_w)
        ty += 4.6 + 0.8
        for line in wording_lines:
            sh.text(x + pad, ty, line, 6.6, max_w=text_w)
            ty += 2.9
        ty += 2.2
        label = say("reg_no")
        lw_ = sh.text(x + pad, ty, label, 8, bold=True, kind="label") + 1.8
        sh.text(x + pad + lw_, ty, s.coo_no, 9, bold=True, kind="value", field="certificate_number",
                max_w=text_w - lw_)  # fmt: skip
        ty += 4.4
        label = say("stamp_date")
        lw_ = sh.text(x + pad, ty, label, 8, bold=True, kind="label") + 1.8
        place = f"{city}, " if rng.random() < 0.5 else ""
        if place:
            lw_ += sh.text(x + pad + lw_, ty, place, 8.5) + 0.4
        sh.text(x + pad + lw_, ty, fl.day(ctx, lang, s.coo_date, "issue_date"), 8.5, kind="value",
                field="issue_date", max_w=text_w - lw_)  # fmt: skip
        ty += 3.2
        sh.scribble(x + bw * 0.45, ty + 4.2, min(32, bw * 0.4), len(s.coo_no) + 5)
        c.setStrokeColorRGB(*ink)
        sh.text(x + pad, ty + 7.8, say("officer"), 6.6, max_w=text_w * 0.5)
        if seal:  # the round seal beside the block, its city in the middle
            r = 11.0
            sx, sy = x + bw + 2 + r, y + h / 2
            c.setLineWidth(0.9)
            c.circle(sx * MM, (sh.height - sy) * MM, r * MM, stroke=1, fill=0)
            c.setLineWidth(0.4)
            c.circle(sx * MM, (sh.height - sy) * MM, (r - 1.6) * MM, stroke=1, fill=0)
            sh.text(sx, sy - 1.2, city.upper(), 6.4, bold=True, align="center", max_w=2 * r - 5)
            sh.text(sx, sy + 2.6, f"*  {SEAL_WORD[lang]}  *", 5.4, align="center", max_w=2 * r - 6)
    finally:
        c.setFillColorRGB(0, 0, 0)
        c.setStrokeColorRGB(0, 0, 0)
    return y + h
