"""Commercial invoice families added after the extractors were built (no extractor was changed for them).

* `facture_arretee`: a French invoice; the total is printed in figures and again in words in the closing
  formula of francophone invoices ('Arrêtée la présente facture à la somme de ...').
* `factura_electronica`: the printed representation of a Latin-American electronic invoice: Spanish labels,
  the issuer's RFC / RUC / NIT, the 'Folio fiscal' (UUID) beside the invoice's series and number, the
  certificate serials and the digital stamp string at the foot.
* `side_totals`: the totals box (net and gross weight, packages, amount) to the right of the item table.
* `canada_customs`: Form CI1, the Canada Customs Invoice: numbered fields 1-25 with English and French
  captions, the commodities in fields 11-15, total weight and invoice total in fields 16 and 17.
* `lc_say_total`: an exporter's invoice drawn for a documentary credit: 'To Messrs.', the L/C and contract
  numbers under the invoice number, the voyage as one 'Shipped per ... sailing on or about ...' sentence, the
  marks as the first column of the items, the total again in words ('SAY U.S. DOLLARS ... ONLY') and the
  beneficiary's bank details.
* `courier_customs`: a customs commercial invoice as couriers and forwarders ask for it: shipper, consignee and
  importer side by side, a row of cells for terms of sale, reason for export, currency and transport, each line
  with its own HS number and country of origin, a charges column (line total, freight, insurance, other) above
  the invoice total; English, Spanish or French captions.

Every value a field records is drawn with kind="value"; wording, spacing and box sizes vary per document.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from samplegen.draw import Cell, Column
from samplegen.formatting import WeightStyle, amount_in_words_fr, fmt_date, unambiguous_date_style
from samplegen.layouts.common import Ctx
from samplegen.parties import Party

COUNTRIES_FR = {
    "TH": "Thaïlande", "MX": "Mexique", "BE": "Belgique", "OM": "Oman", "TJ": "Tadjikistan", "MY": "Malaisie",
    "ID": "Indonésie", "CA": "Canada", "US": "États-Unis d'Amérique", "VN": "Viet Nam", "PH": "Philippines",
    "DE": "Allemagne", "NL": "Pays-Bas", "JP": "Japon", "LV": "Lettonie", "CN": "Chine", "BO": "Bolivie",
    "BR": "Brésil",
}  # fmt: skip


def country_fr(ctx: Ctx, code: str, field: str | None = None) -> str:
    if field:
        ctx.set(field, code)
    return COUNTRIES_FR[code]


def description_fr(ctx: Ctx) -> str:
    s = ctx.s
    if s.product == "ingot":
        return f"Lingots d'antimoine métal, Sb {s.grade_pct} % min., bruts"
    return f"Trioxyde d'antimoine Sb2O3 {s.grade_pct} % min., qualité ignifugeante"


def packages_fr(ctx: Ctx, n: int) -> str:
    word = ("fardeau", "fardeaux") if ctx.s.product == "ingot" else ("palette", "palettes")
    return f"{n} {word[n != 1]}"


def _china_description(ctx: Ctx) -> list[str]:
    """Free text a laundered invoice carries (a description placing the goods in China)."""
    return [ctx.s.china_text["description"]] if "description" in ctx.s.china_text else []


def _producer(ctx: Ctx, label: str) -> list[str]:
    return [f"{label}: {ctx.s.smelter.printed}"] if "smelter" in ctx.st.flags else []


def facture_arretee(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    ctx.set("seller_name", s.seller.name)
    sh.text(x, 18, s.seller.name, 13, bold=True, kind="value", field="seller_name", max_w=w * 0.6)
    sh.lines(x, 23, [*s.seller.lines, country_fr(ctx, s.seller.country)], 8, kind="static", max_w=w * 0.55)
    sh.text(x, 23 + 3.5 * (len(s.seller.lines) + 1), f"{ctx.pick(('NIF', 'N° TVA', 'RC'))} {s.seller.tax_id}", 7.5)
    title = ctx.pick(("FACTURE", "FACTURE COMMERCIALE", "FACTURE D'EXPORTATION"))
    sh.text(ctx.right, 18, title, 15, bold=True, align="right")
    ctx.set("invoice_number", s.invoice_no)
    gap = ctx.jitter(27, 3)
    rx = ctx.right - ctx.jitter(74, 4)
    number_label = ctx.pick(("Facture N° :", "N° de facture :", "Numéro :"))
    ctx.label_value(rx, 27, number_label, s.invoice_no, "invoice_number", gap=gap, max_w=ctx.right - rx - gap)
    date_label = ctx.pick(("Date :", "Date de facture :", "Émise le :"))
    ctx.label_value(rx, 32, date_label, ctx.date(s.invoice_date, "invoice_date"), "invoice_date", gap=gap)
    ctx.label_value(rx, 37, "Incoterm :", s.incoterm, gap=gap)
    ctx.label_value(rx, 42, ctx.pick(("Devise :", "Monnaie :")), s.currency, "currency", gap=gap)
    y = ctx.jitter(56, 3)
    sh.hline(x, ctx.right, y - 5, 0.7)
    ctx.set("buyer_name", s.buyer.name)
    sh.text(x, y, ctx.pick(("Client :", "Doit :", "Facturé à :")), 8.5, bold=True, kind="label")
    sh.lines(x, y + 5, [s.buyer.name, *s.buyer.lines, country_fr(ctx, s.buyer.country)], 8.8, field="buyer_name")
    mx = x + w / 2 + 4
    sh.text(mx, y, ctx.pick(("Expédition :", "Transport :")), 8.5, bold=True, kind="label")
    sh.lines(
        mx,
        y + 5,
        [f"Navire : {s.vessel}", f"Embarquement : {s.place_loading}", f"Destination : {s.place_discharge}"],
        8.4,
        kind="static",
        max_w=w / 2 - 6,
    )
    y += 30
    cols = [
        Column("Désignation", w * 0.44),
        Column("Code SH", w * 0.12),
        Column("Poids net", w * 0.15, "right"),
        Column(f"P.U. {s.currency}/t", w * 0.13, "right"),
        Column(f"Montant {s.currency}", w * 0.16, "right"),
    ]
    hs = ctx.hs()
    rows = []
    for i, lot in enumerate(s.lots):
        lines = [description_fr(ctx), f"Lot {lot.number} - {packages_fr(ctx, lot.packages)}"]
        if i == 0:
            lines += _china_description(ctx)
        rows.append(
            [
                Cell("\n".join(lines)),
                Cell(hs, field="hs_code"),
                Cell(ctx.weight_as(lot.net_kg, ctx.pick(("kg", "t")) if i == 0 else "kg")),
                Cell(ctx.num(s.unit_price, 2)),
                Cell(ctx.num(s.line_amount(lot), 2)),
            ]
        )
    y = sh.table(x, y, cols, rows, size=8.2, line_h=3.7) + 6
    tx = ctx.right - ctx.jitter(82, 5)
    net_unit = ctx.pick(("kg", "kg", "t"))
    totals = [
        ("Poids net total :", ctx.weight_as(s.net_kg, net_unit, "net_weight_kg"), "net_weight_kg"),
        ("Poids brut total :", ctx.weight_as(s.gross_kg, net_unit), None),
        ("Colis :", packages_fr(ctx, s.packages), None),
    ]
    for label, value, field in totals:
        sh.text(tx, y, label, 8.5, bold=True, kind="label")
        sh.text(ctx.right, y, value, 9, kind="value", field=field, align="right")
        y += 4.8
    sh.text(tx, y + 2, ctx.pick(("TOTAL À PAYER :", "NET À PAYER :", "TOTAL :")), 10, bold=True, kind="label")
    sh.text(
        ctx.right,
        y + 2,
        ctx.money(s.total_amount, "total_amount"),
        10,
        bold=True,
        kind="value",
        field="total_amount",
        align="right",
    )
    y += 12
    formula = ctx.pick(
        (
            "Arrêtée la présente facture à la somme de",
            "Arrêté la présente facture à la somme de :",
            "La présente facture est arrêtée à la somme de",
        )
    )
    y = sh.para(x, y, f"{formula} {amount_in_words_fr(s.total_amount, s.currency)}.", w, 8.8, kind="static") + 4
    if "omit_origin" not in ctx.st.flags:
        label = ctx.pick(("Pays d'origine :", "Origine des marchandises :", "Origine :"))
        ctx.label_value(x, y, label, country_fr(ctx, s.declared, "country_of_origin"), "country_of_origin", gap=40)
        y += 5
    for line in _producer(ctx, "Producteur"):
        sh.text(x, y, line, 8.5, kind="value")
        y += 5
    sh.para(x, y + 2, "Paiement par virement bancaire. Marchandise voyageant aux risques de l'acheteur.", w, 7.8)
    place = f"Fait à {s.seller.city or s.seller.lines[-1]}, le {fmt_date(s.invoice_date, 'long_fr')}"
    sh.text(x + w / 2, y + 14, place, 8.4)
    ctx.signature(x + w / 2, y + 24, s.seller.person, s.seller.title, len(s.invoice_no))


TAX_ID_LABEL = {"MX": "RFC", "BO": "NIT", "PE": "RUC", "CL": "RUT"}


def factura_electronica(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    issuer_label = TAX_ID_LABEL.get(s.seller.country, ctx.pick(("RUC", "RFC", "NIT")))
    ctx.set("seller_name", s.seller.name)
    sh.text(x, 17, s.seller.name, 12, bold=True, kind="value", field="seller_name", max_w=w * 0.55)
    sh.text(x, 22, f"{issuer_label}: {s.seller.tax_id.split()[-1]}", 8.2, kind="static")
    sh.lines(x, 26, [*s.seller.lines, ctx.country(s.seller.country)], 7.8, kind="static", max_w=w * 0.55)
    sh.text(x, 26 + 3.4 * (len(s.seller.lines) + 1), ctx.pick(("Régimen: General de Ley Personas Morales",
                                                              "Régimen fiscal: 601", "Contribuyente: Régimen General")),
            7.4)  # fmt: skip
    # the fiscal block at the top right: series and number, folio fiscal, certificate, date and time
    bw = w * ctx.jitter(0.42, 0.03)
    bx = ctx.right - bw
    sh.rect(bx, 12, bw, 40, 0.6)
    sh.text(bx + bw / 2, 17, ctx.pick(("FACTURA ELECTRÓNICA", "FACTURA", "CFDI - FACTURA DE EXPORTACIÓN")), 10,
            bold=True, align="center", max_w=bw - 4)  # fmt: skip
    serie = ctx.pick(("A", "EXP", "F", "E"))
    ctx.set("invoice_number", s.invoice_no)
    rng_uuid = uuid.UUID(int=ctx.rng.getrandbits(128), version=4)
    stamp_day = s.invoice_date
    rows = [
        (ctx.pick(("Serie y folio:", "Folio:", "No. de factura:")), s.invoice_no, "invoice_number"),
        ("Serie:", serie, None),
        ("Folio fiscal (UUID):", str(rng_uuid).upper(), None),
        ("No. de certificado:", f"{ctx.rng.randrange(10**19, 10**20)}", None),
        (ctx.pick(("Fecha de emisión:", "Fecha y hora de expedición:")), ctx.date(stamp_day, "invoice_date"),
         "invoice_date"),
        ("Lugar de expedición (C.P.):", f"{ctx.rng.randrange(10000, 99999)}", None),
    ]  # fmt: skip
    ly = 22.5
    for label, value, field in rows:
        sh.text(bx + 2, ly, label, 6.8, bold=True, kind="label")
        vx = bx + 2 + sh.text_width(label, 6.8, True) + 1.5
        sh.text(vx, ly, value, 7.2, kind="value" if field else "static", field=field, max_w=bx + bw - vx - 1.5)
        ly += 4.8
    y = 58.0
    ctx.set("buyer_name", s.buyer.name)
    sh.rect(x, y, w, 26, 0.5)
    sh.text(x + 2, y + 4, ctx.pick(("Receptor", "Cliente", "Datos del receptor")), 8, bold=True, kind="label")
    sh.lines(x + 2, y + 8.5, [s.buyer.name, *s.buyer.lines, ctx.country(s.buyer.country)], 8.2, field="buyer_name",
             max_w=w * 0.6)  # fmt: skip
    rx = x + w * 0.64
    buyer_tax = f"{s.buyer.tax_id.split()[-1]}" if s.buyer.tax_id else "XEXX010101000"
    sh.lines(rx, y + 8.5, [f"Núm. reg. id. trib.: {buyer_tax}", "Uso CFDI: G01 Adquisición de mercancías",
                           f"Incoterm: {s.incoterm}"], 7.4, kind="static", max_w=w * 0.35)  # fmt: skip
    y += 31
    cols = [
        Column("Clave prod./serv.", w * 0.12),
        Column("Cantidad", w * 0.1, "right"),
        Column("Unidad", w * 0.08),
        Column("Descripción", w * 0.34),
        Column("Fracción", w * 0.12),
        Column("Valor unitario", w * 0.12, "right"),
        Column("Importe", w * 0.12, "right"),
    ]
    hs = ctx.hs()
    items: list[list[Cell]] = []
    for i, lot in enumerate(s.lots):
        text = [s.description("es"), f"Lote {lot.number}"]
        if i == 0:
            text += _china_description(ctx)
        items.append(
            [
                Cell(ctx.pick(("11101700", "12141900")) if i == 0 else items[0][0].text, "static"),
                Cell(ctx.num(lot.net_kg / 1000, 3), "static"),
                Cell("TNE", "static"),
                Cell("\n".join(text)),
                Cell(hs, field="hs_code"),
                Cell(ctx.num(s.unit_price, 2), "static"),
                Cell(ctx.num(s.line_amount(lot), 2), "static"),
            ]
        )
    y = sh.table(x, y, cols, items, size=7.6, line_h=3.4, pad=1.2) + 6
    ctx.label_value(x, y, "Peso neto total:", ctx.weight(s.net_kg, "net_weight_kg"), "net_weight_kg", gap=34)
    ctx.label_value(x, y + 5, "Peso bruto total:", ctx.weight(s.gross_kg), gap=34)
    ctx.label_value(x, y + 10, "Bultos:", ctx.packages_text(s.packages), gap=34)
    if "omit_origin" not in ctx.st.flags:
        label = ctx.pick(("País de origen:", "Origen de la mercancía:"))
        ctx.label_value(x, y + 15, label, ctx.country(s.declared, field="country_of_origin"), "country_of_origin",
                        gap=40)  # fmt: skip
    for i, line in enumerate(_producer(ctx, "Productor")):
        sh.text(x, y + 20 + 5 * i, line, 8.2, kind="value")
    tx = ctx.right - 70
    sh.text(tx, y, "Subtotal:", 8.4, bold=True, kind="label")
    sh.text(ctx.right, y, ctx.num(s.total_amount, 2), 8.6, align="right")
    sh.text(tx, y + 5, ctx.pick(("IVA 0% (exportación):", "IVA tasa 0%:")), 8.4, bold=True, kind="label")
    sh.text(ctx.right, y + 5, ctx.num(0, 2), 8.6, align="right")
    sh.text(tx, y + 11, "Total:", 9.5, bold=True, kind="label")
    sh.text(ctx.right, y + 11, ctx.money(s.total_amount, "total_amount"), 9.5, bold=True, kind="value",
            field="total_amount", align="right")  # fmt: skip
    sh.text(tx, y + 16, "Moneda:", 7.4, bold=True, kind="label")
    sh.text(tx + 12, y + 16, s.currency, 7.4, kind="value", field="currency")
    sh.text(tx + 24, y + 16, "Forma de pago: 03", 7.4)
    y += 30
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    seal = "".join(ctx.rng.choice(alphabet) for _ in range(260))
    for caption in ("Sello digital del CFDI:", "Sello del SAT:"):
        sh.text(x, y, caption, 6.8, bold=True, kind="label")
        text = seal[ctx.rng.randrange(60) :]
        per_line = 95  # the stamp is one unbroken base64 string: cut it where the column ends
        chunks = [text[i : i + per_line] for i in range(0, len(text), per_line)]
        y = sh.lines(x, y + 3.2, chunks, 5.4, kind="static", step=2.4, max_w=w * 0.78) + 1.5
    sh.rect(ctx.right - 30, y - 22, 28, 28, 0.4)  # where the QR code of the verification URL prints
    sh.text(x, y + 2, "Este documento es una representación impresa de un CFDI", 7, kind="static")
    sh.text(x, y + 6, f"Fecha de timbrado: {ctx.date(stamp_day)}", 7, kind="static")


def side_totals(ctx: Ctx) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    ctx.set("seller_name", s.seller.name)
    sh.text(x, 17, s.seller.name, 12.5, bold=True, kind="value", field="seller_name", max_w=w * 0.6)
    sh.text(x, 22, ", ".join([*s.seller.lines, ctx.country(s.seller.country)]), 7.8, max_w=w * 0.62)
    sh.text(x, 26, f"{s.seller.phone}  {s.seller.email}", 7.4)
    sh.text(ctx.right, 17, ctx.t("INVOICE", "FACTURA"), ctx.jitter(16, 1), bold=True, align="right")
    ctx.set("invoice_number", s.invoice_no)
    gap = ctx.jitter(24, 2)
    rx = ctx.right - ctx.jitter(66, 4)
    ctx.label_value(rx, 25, ctx.pick((ctx.t("No.:", "No.:"), ctx.t("Invoice #:", "Folio:"))), s.invoice_no,
                    "invoice_number", gap=gap, max_w=ctx.right - rx - gap)  # fmt: skip
    ctx.label_value(rx, 30, ctx.t("Date:", "Fecha:"), ctx.date(s.invoice_date, "invoice_date"), "invoice_date",
                    gap=gap)  # fmt: skip
    ctx.label_value(rx, 35, ctx.t("Currency:", "Moneda:"), s.currency, "currency", gap=gap)
    y = ctx.jitter(40, 2)
    half = w / 2
    ctx.set("buyer_name", s.buyer.name)
    sh.box(x, y, half - 2, 27, ctx.t("Bill to", "Facturar a"), ctx.party_lines(s.buyer), "buyer_name", value_size=8.4)
    ship = [s.vessel, f"{s.place_loading} - {s.place_discharge}", f"B/L {s.bl_no}", s.incoterm]
    sh.box(x + half + 2, y, half - 2, 27, ctx.t("Shipment", "Embarque"), ship, value_size=8)
    y += 33
    # the item table takes the left part of the page; the totals box stands beside it on the right
    tw = w * ctx.jitter(0.66, 0.03)
    cols = [
        Column(ctx.t("Description", "Descripción"), tw * 0.48),
        Column("HS", tw * 0.17),
        Column(ctx.t("Net", "Neto"), tw * 0.17, "right"),
        Column(ctx.t("Amount", "Importe"), tw * 0.18, "right"),
    ]
    hs = ctx.hs()
    rows = []
    for i, lot in enumerate(s.lots):
        text = [s.description(ctx.lang), f"{ctx.t('Lot', 'Lote')} {lot.number}"]
        if i == 0:
            text += _china_description(ctx)
        rows.append([Cell("\n".join(text)), Cell(hs, field="hs_code"), Cell(ctx.kg(lot.net_kg, 0) + " kg"),
                     Cell(ctx.num(s.line_amount(lot), 2))])  # fmt: skip
    bottom = sh.table(x, y, cols, rows, size=7.8, line_h=3.5, pad=1.2)
    bx = x + tw + ctx.jitter(4, 1.5)
    bw = ctx.right - bx
    entries = [
        (ctx.t("Net weight", "Peso neto"), ctx.weight(s.net_kg, "net_weight_kg"), "net_weight_kg"),
        (ctx.t("Gross weight", "Peso bruto"), ctx.weight(s.gross_kg), None),
        (ctx.t("Packages", "Bultos"), ctx.packages_text(s.packages), None),
        (ctx.t("Unit price", "Precio unitario"), ctx.price(), None),
        (f"{ctx.t('TOTAL', 'TOTAL')} {s.incoterm}", ctx.money(s.total_amount, "total_amount"), "total_amount"),
    ]
    step = ctx.jitter(10.5, 0.8)
    sh.rect(bx, y, bw, step * len(entries) + 2, 0.7)
    by = y
    for label, value, field in entries:
        sh.text(bx + 2, by + 4, label, 7, kind="label", bold=field == "total_amount")
        sh.text(bx + bw - 2, by + 8.4, value, 8.8, kind="value", field=field, align="right", max_w=bw - 4,
                bold=field == "total_amount")  # fmt: skip
        by += step
        sh.hline(bx, bx + bw, by + 1, 0.3)
    y = max(bottom, by) + 8
    if "omit_origin" not in ctx.st.flags:
        ctx.label_value(x, y, ctx.t("Origin of goods:", "Origen de las mercancías:"),
                        ctx.country(s.declared, field="country_of_origin"), "country_of_origin", gap=44)  # fmt: skip
        y += 5
    for line in _producer(ctx, ctx.t("Producer", "Productor")):
        sh.text(x, y, line, 8.4, kind="value")
        y += 5
    y = sh.para(x, y + 3, ctx.t("Payment by T/T. Prices as per contract.", "Pago por transferencia."), w, 8) + 8
    ctx.signature(x, y, s.seller.person, s.seller.title, len(s.invoice_no))


# Form CI1, Canada Customs Invoice / Facture des douanes canadiennes (cbsa-asfc.gc.ca/publications/
# forms-formulaires/ci1-eng.html): fields 1-25 with English and French captions.
CI1_CAPTIONS = {
    "1": ("Vendor (name and address)", "Vendeur (nom et adresse)"),
    "2": ("Date of direct shipment to Canada", "Date d'expédition directe vers le Canada"),
    "3": ("Other references (include purchaser's order No.)", "Autres références (inclure le n° de commande de "
          "l'acheteur)"),
    "4": ("Consignee (name and address)", "Destinataire (nom et adresse)"),
    "5": ("Purchaser's name and address (if other than consignee)", "Nom et adresse de l'acheteur (s'il diffère "
          "du destinataire)"),
    "6": ("Country of transhipment", "Pays de transbordement"),
    "7": ("Country of origin of goods", "Pays d'origine des marchandises"),
    "8": ("Transportation: give mode and place of direct shipment to Canada", "Transport : préciser mode et point "
          "d'expédition directe vers le Canada"),
    "9": ("Conditions of sale and terms of payment", "Conditions de vente et modalités de paiement"),
    "10": ("Currency of settlement", "Devises du paiement"),
    "11": ("Number of packages", "Nombre de colis"),
    "12": ("Specification of commodities (kind of packages, marks and numbers, general description and "
           "characteristics, i.e., grade, quality)", "Désignation des articles (nature des colis, marques et "
           "numéros, description générale et caractéristiques, p. ex. classe, qualité)"),
    "13": ("Quantity (state unit)", "Quantité (préciser l'unité)"),
    "14": ("Unit price", "Prix unitaire"),
    "15": ("Total", "Total"),
    "16": ("Total weight", "Poids total"),
    "17": ("Invoice total", "Total de la facture"),
    "18": ("If any of fields 1 to 17 are included on an attached commercial invoice, check this box",
           "Si tout renseignement relativement aux zones 1 à 17 figure sur une ou des factures commerciales "
           "ci-attachées, cocher cette case"),
    "19": ("Exporter's name and address (if other than vendor)", "Nom et adresse de l'exportateur (s'il diffère "
           "du vendeur)"),
    "20": ("Originator (name and address)", "Expéditeur d'origine (nom et adresse)"),
    "21": ("Agency ruling (if applicable)", "Décision de l'Agence (s'il y a lieu)"),
    "22": ("If fields 23 to 25 are not applicable, check this box", "Si les zones 23 à 25 sont sans objet, "
           "cocher cette case"),
    "23": ("If included in field 17 indicate amount", "Si compris dans le total à la zone 17, préciser"),
    "24": ("If not included in field 17 indicate amount", "Si non compris dans le total à la zone 17, préciser"),
    "25": ("Check (if applicable)", "Cocher (s'il y a lieu)"),
}  # fmt: skip


def _ci1_caption(ctx: Ctx, w: float, number: str, size: float, joined: bool) -> tuple[float, list[str]]:
    """The caption's indent after the field number and its wrapped lines."""
    sh = ctx.sheet
    en, fr = CI1_CAPTIONS[number]
    indent = 2.4 + sh.text_width(f"{number}.", size + 0.3, True)
    captions = [f"{en} - {fr}"] if joined else [en, fr]
    return indent, [line for caption in captions for line in sh.wrap(caption, w - indent - 1.2, size)]


def _ci1_need(ctx: Ctx, w: float, number: str, size: float, joined: bool, lines: int = 1) -> float:
    """The height a field needs for its caption and `lines` lines of values."""
    _, wrapped = _ci1_caption(ctx, w, number, size, joined)
    return 2.9 + len(wrapped) * size * 0.4 + 2.6 + (lines - 1) * 4.2 + 2.2


def _ci1_box(ctx: Ctx, x: float, y: float, w: float, h: float, number: str, size: float, joined: bool) -> float:
    """A ruled field of the CI1: its number, the English caption and the French one (after a dash on the same
    run of text, or on a line of its own); returns the baseline for the first value line."""
    sh = ctx.sheet
    sh.rect(x, y, w, h, 0.5)
    sh.text(x + 1.2, y + 2.9, f"{number}.", size + 0.3, bold=True, kind="label")
    indent, wrapped = _ci1_caption(ctx, w, number, size, joined)
    ly = y + 2.9
    for line in wrapped:
        sh.text(x + indent, ly, line, size, kind="label")
        ly += size * 0.4
    return ly + 2.6


def canada_customs(ctx: Ctx) -> None:
    """Form CI1: the vendor, consignee and purchaser fields at the head, origin and currency as numbered
    fields, the commodities table (fields 11-15), the weights and the invoice total below it (16, 17), the
    exporter, originator and value adjustments (19-25) at the foot. The commercial invoice number and date
    are given among the other references of field 3."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    cap = ctx.jitter(5.6, 0.3)
    joined = ctx.rng.random() < 0.5
    value = ctx.jitter(8.4, 0.4)
    sh.text(x, 13, ctx.pick(("Canada Border Services Agency", "Agence des services frontaliers du Canada")), 7.5)
    sh.text(ctx.right, 13, "Protected B when completed / Protégé B une fois rempli", 6.8, align="right")
    sh.text(sh.width / 2, 19.5, "CANADA CUSTOMS INVOICE", 12.5, bold=True, align="center")
    sh.text(sh.width / 2, 24, "FACTURE DES DOUANES CANADIENNES", 9, align="center")
    y = 27.0
    half = w * ctx.jitter(0.5, 0.03)
    rest = w - half
    h2 = max(ctx.jitter(10, 0.8), _ci1_need(ctx, rest, "2", cap, True))
    h1 = max(
        ctx.jitter(30, 2), h2 + _ci1_need(ctx, rest, "3", cap, joined, 2), _ci1_need(ctx, half, "1", cap, joined, 5)
    )
    ctx.set("seller_name", s.seller.name)
    top = _ci1_box(ctx, x, y, half, h1, "1", cap, joined)
    sh.lines(x + 2.5, top, ctx.party_lines(s.seller), value, field="seller_name", max_w=half - 4)
    top = _ci1_box(ctx, x + half, y, rest, h2, "2", cap, True)
    sh.text(x + half + 2.5, top, ctx.date(s.departure_date), value)
    top = _ci1_box(ctx, x + half, y + h2, rest, h1 - h2, "3", cap, joined)
    ctx.set("invoice_number", s.invoice_no)
    inv_label = ctx.pick(
        (ctx.t("Commercial invoice No.", "Factura comercial No."), ctx.t("Invoice No.", "Factura No."), "Inv.:")
    )
    ctx.label_value(x + half + 2.5, top, inv_label, s.invoice_no, "invoice_number", gap=0, size=value,
                    max_w=rest - 6 - sh.text_width(inv_label, value - 0.5, True))  # fmt: skip
    date_label = ctx.pick((ctx.t("Date:", "Fecha:"), ctx.t("dated", "de fecha"), ctx.t("Invoice date:", "Fecha:")))
    ctx.label_value(x + half + 2.5, top + 4.2, date_label, ctx.date(s.invoice_date, "invoice_date"), "invoice_date",
                    gap=0, size=value)  # fmt: skip
    if s.buyer_po and top + 8.4 < y + h1 - 1:
        sh.text(x + half + 2.5, top + 8.4, f"{ctx.t('P.O. No.', 'Pedido No.')} {s.buyer_po}", value - 0.4)
    y += h1
    qw = rest / 2
    h5 = _ci1_need(ctx, rest, "5", cap, joined, 2)
    low = max(_ci1_need(ctx, qw, "6", cap, False), _ci1_need(ctx, rest - qw, "7", cap, False))
    h4 = max(ctx.jitter(30, 2), h5 + low, _ci1_need(ctx, half, "4", cap, joined, 5))
    top = _ci1_box(ctx, x, y, half, h4, "4", cap, joined)
    same_party = ctx.rng.random() < 0.5
    ctx.set("buyer_name", s.buyer.name)
    sh.lines(x + 2.5, top, ctx.party_lines(s.buyer), value, field=None if not same_party else "buyer_name",
             max_w=half - 4)  # fmt: skip
    h5 = max(h5, h4 - low - ctx.rng.uniform(0, 3))
    top = _ci1_box(ctx, x + half, y, rest, h5, "5", cap, joined)
    if same_party:
        sh.text(x + half + 2.5, top, ctx.pick((ctx.t("SAME AS CONSIGNEE", "IGUAL AL DESTINATARIO"), "IDEM")), value)
    else:
        sh.text(x + half + 2.5, top, s.buyer.name, value, kind="value", field="buyer_name", max_w=rest - 4)
        sh.text(x + half + 2.5, top + 3.8, ", ".join(s.buyer.lines), value - 0.8, max_w=rest - 4)
    top = _ci1_box(ctx, x + half, y + h5, qw, h4 - h5, "6", cap, False)
    sh.text(x + half + 2.5, top, ctx.pick(("N/A", "-", ctx.t("None", "Ninguno"))), value)
    top = _ci1_box(ctx, x + half + qw, y + h5, rest - qw, h4 - h5, "7", cap, False)
    if "omit_origin" not in ctx.st.flags:
        name = ctx.country(s.declared, upper=ctx.rng.random() < 0.5, field="country_of_origin")
        sh.text(x + half + qw + 2.5, top, name, value + 0.4, kind="value", field="country_of_origin",
                max_w=rest - qw - 4)  # fmt: skip
    y += h4
    h9 = _ci1_need(ctx, rest, "9", cap, True)
    h10 = _ci1_need(ctx, rest, "10", cap, True)
    h8 = max(ctx.jitter(19, 1.5), h9 + h10, _ci1_need(ctx, half, "8", cap, joined, 2))
    top = _ci1_box(ctx, x, y, half, h8, "8", cap, joined)
    sh.lines(x + 2.5, top, [f"{s.transport}: {s.vessel}", f"{s.place_loading} - {s.place_discharge}"], value - 0.3,
             kind="static", max_w=half - 4)  # fmt: skip
    h9 = h8 - h10
    top = _ci1_box(ctx, x + half, y, rest, h9, "9", cap, True)
    sh.text(x + half + 2.5, top, f"{ctx.t('Sale', 'Venta')}, {s.incoterm}; {_ci1_terms(ctx)}", value - 0.4,
            max_w=rest - 4)  # fmt: skip
    top = _ci1_box(ctx, x + half, y + h9, rest, h8 - h9, "10", cap, True)
    sh.text(x + half + 2.5, top, s.currency, value, kind="value", field="currency")
    y += h8
    # fields 11-15: the commodities, one line per lot
    widths = [0.09, 0.43, 0.15, 0.15, 0.18]
    cols = [
        Column("11. " + ctx.pick(("Pkgs", "Colis")), w * widths[0], "right"),
        Column("12. " + ctx.pick(("Specification of commodities", "Specification of commodities / Désignation")),
               w * widths[1]),
        Column("13. " + ctx.pick(("Quantity", "Quantité")), w * widths[2], "right"),
        Column("14. " + ctx.pick(("Unit price", "Prix unitaire")), w * widths[3], "right"),
        Column("15. Total", w * widths[4], "right"),
    ]  # fmt: skip
    hs = ctx.hs()
    unit = ctx.pick(("MT", "M/T", "kg", "KGS"))
    rows: list[list[Cell]] = []
    for i, lot in enumerate(s.lots):
        text = [
            f"{ctx.packages_text(lot.packages)}, {ctx.t('lot', 'lote')} {lot.number}",
            s.description(ctx.lang),
        ]
        if i == 0:
            text += _china_description(ctx)
            text += _producer(ctx, ctx.t("Producer", "Productor"))
        rows.append([
            Cell(str(lot.packages), "static"),
            Cell("\n".join(text)),
            Cell(ctx.weight_as(lot.net_kg, unit), "static"),
            Cell(ctx.num(s.unit_price, 2) + f"/{ctx.t('MT', 'TM')}", "static"),
            Cell(ctx.num(s.line_amount(lot), 2), "static"),
        ])  # fmt: skip
    hs_label = ctx.pick(("HS", "H.S. code", "Tariff classification", "HS / SH"))
    rows.append([Cell("", "static"), Cell(f"{hs_label} {hs}", field="hs_code"), *[Cell("", "static")] * 3])
    bottom = sh.table(x, y + 1, cols, rows, size=ctx.jitter(7.8, 0.2), line_h=3.5, pad=1.2)
    y = bottom
    tw = w * 0.42
    h16 = max(
        ctx.jitter(17, 1.2),
        _ci1_need(ctx, tw * 0.55, "16", cap, False, 2),
        _ci1_need(ctx, tw * 0.45, "17", cap, False, 2),
        _ci1_need(ctx, w - tw, "18", cap, True, 2),
    )
    top = _ci1_box(ctx, x + w - tw, y, tw * 0.55, h16, "16", cap, False)
    weights = [
        ("Net", ctx.weight(s.net_kg, "net_weight_kg"), "net_weight_kg"),
        (ctx.pick(("Gross", "Brut")), ctx.weight(s.gross_kg), None),
    ]
    for i, (label, text, field) in enumerate(weights):
        ctx.label_value(
            x + w - tw + 2, top + 4.2 * i, label, text, field, gap=10, size=value - 0.4, max_w=tw * 0.55 - 14
        )
    top = _ci1_box(ctx, x + w - tw * 0.45, y, tw * 0.45, h16, "17", cap, False)
    sh.text(x + w - 2, top + 2, ctx.money(s.total_amount, "total_amount"), value + 0.4, bold=True, kind="value",
            field="total_amount", align="right", max_w=tw * 0.45 - 4)  # fmt: skip
    top = _ci1_box(ctx, x, y, w - tw, h16, "18", cap, True)
    sh.rect(x + w - tw - 6, y + h16 - 5.5, 3.2, 3.2, 0.5)
    sh.text(x + 2.5, top, ctx.pick(("Commercial Invoice No. - N° de la facture commerciale:",
                                    "Commercial Invoice No.:")), cap + 0.6, kind="label")  # fmt: skip
    y += h16
    h19 = max(ctx.jitter(17, 1.2), _ci1_need(ctx, half, "19", cap, joined), _ci1_need(ctx, rest, "20", cap, joined, 2))
    top = _ci1_box(ctx, x, y, half, h19, "19", cap, joined)
    sh.text(x + 2.5, top, ctx.pick(("SAME AS VENDOR", "AS FIELD 1", "-")), value - 0.4)
    top = _ci1_box(ctx, x + half, y, rest, h19, "20", cap, joined)
    sh.lines(x + half + 2.5, top, [s.seller.person, s.seller.title], value - 0.6, kind="static", max_w=rest - 4)
    y += h19
    h21 = max(ctx.jitter(11, 1), _ci1_need(ctx, rest, "22", cap, True, 2))
    _ci1_box(ctx, x, y, half, h21, "21", cap, True)
    top = _ci1_box(ctx, x + half, y, rest, h21, "22", cap, True)
    sh.rect(x + w - 6, y + h21 - 5.5, 3.2, 3.2, 0.5)
    sh.text(x + w - 5.5, y + h21 - 3, "X", 8, bold=True)
    y += h21
    thirds = w / 3
    h23 = ctx.jitter(16, 1)
    for i, number in enumerate(("23", "24", "25")):
        _ci1_box(ctx, x + i * thirds, y, thirds, h23, number, cap - 0.3, False)
    y += h23 + 4
    sh.text(x, y + 4, f"{ctx.t('Prepared by', 'Elaborado por')}:", 8, bold=True, kind="label")
    ctx.signature(x + 26, y + 6, s.seller.person, s.seller.title, len(s.invoice_no))


def _ci1_terms(ctx: Ctx) -> str:
    terms = (
        ctx.t("T/T 30 days", "Transferencia a 30 días"),
        ctx.t("L/C at sight", "Carta de crédito a la vista"),
        ctx.t("D/P at sight", "D/P a la vista"),
    )
    return ctx.pick(terms)


# --- fold 2 additions ---

_EN_UNITS = (
    "ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE THIRTEEN FOURTEEN FIFTEEN SIXTEEN "
    "SEVENTEEN EIGHTEEN NINETEEN"
).split()
_EN_TENS = "_ _ TWENTY THIRTY FORTY FIFTY SIXTY SEVENTY EIGHTY NINETY".split()


def _en_below_1000(n: int) -> str:
    words = []
    if n >= 100:
        words.append(f"{_EN_UNITS[n // 100]} HUNDRED")
        n %= 100
        if n:
            words.append("AND")
    if n >= 20:
        words.append(_EN_TENS[n // 10] + (f"-{_EN_UNITS[n % 10]}" if n % 10 else ""))
    elif n or not words:
        words.append(_EN_UNITS[n])
    return " ".join(words)


def number_in_words_en(n: int) -> str:
    """A whole number in English words, as 'say total' lines print it (upper case, British 'and')."""
    if n == 0:
        return _EN_UNITS[0]
    parts = []
    for size, name in ((10**9, "BILLION"), (10**6, "MILLION"), (1000, "THOUSAND"), (1, "")):
        if n >= size:
            parts.append(f"{_en_below_1000(n // size)} {name}".strip())
            n %= size
    return " ".join(parts)


def say_total(amount: Decimal, currency: str, style: str) -> str:
    """'SAY U.S. DOLLARS TWELVE THOUSAND AND CENTS FIFTY ONLY' in one of the usual wordings."""
    whole = int(amount)
    cents = int((amount - whole) * 100)
    name = {"USD": ("U.S. DOLLARS", "US DOLLARS"), "EUR": ("EURO", "EUROS")}[currency][style == "b"]
    text = f"{name} {number_in_words_en(whole)}"
    if cents:
        text += f" AND CENTS {number_in_words_en(cents)}" if style == "a" else f" AND {cents:02d}/100"
    return f"{text} ONLY"


BANKS = (
    ("Eastern Mercantile Bank PCL", "EAMBTHBK"),
    ("First Continental Trade Bank", "FCTBSGSG"),
    ("Banco Comercial del Norte, S.A.", "BCNOMXMM"),
    ("United Harbour Bank Ltd.", "UHBKHKHH"),
    ("Scheldt Handelsbank NV", "SCHBBEBB"),
)


def _bank(ctx: Ctx) -> tuple[str, str]:
    """A bank of the seller's country (its SWIFT code names the country), or an international one."""
    home = [bank for bank in BANKS if bank[1][4:6] == ctx.s.seller.country]
    return ctx.pick(home or [bank for bank in BANKS if bank[1][4:6] in ("SG", "HK")])


def lc_say_total(ctx: Ctx) -> None:
    """An exporter's invoice drawn for a documentary credit: 'To Messrs.', the L/C and contract numbers beside
    the invoice number, the voyage as one 'Shipped per ... from ... to ...' sentence, marks in the first column
    of the item table, the total again in words ('SAY ... ONLY') and the beneficiary's bank at the foot."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    cx = sh.width / 2
    ctx.set("seller_name", s.seller.name)
    sh.text(cx, 16, s.seller.name.upper(), ctx.jitter(13, 0.8), bold=True, kind="value", field="seller_name",
            align="center", max_w=w)  # fmt: skip
    sh.text(cx, 21, ", ".join([*s.seller.lines, ctx.country(s.seller.country)]), 7.8, align="center", max_w=w)
    sh.text(cx, 25, f"TEL: {s.seller.phone}   E-MAIL: {s.seller.email}", 7.4, align="center", max_w=w)
    sh.hline(x, ctx.right, 27.5, 1.1)
    sh.hline(x, ctx.right, 28.4, 0.3)
    title = ctx.pick(("COMMERCIAL INVOICE", "INVOICE", "COMMERCIAL INVOICE"))
    tw = sh.text(cx, 36, title, 14, bold=True, align="center")
    sh.hline(cx - tw / 2, cx + tw / 2, 37.2, 0.5)
    y = 45.0
    ctx.set("buyer_name", s.buyer.name)
    sh.text(x, y, ctx.pick(("To Messrs.:", "Messrs.", "TO MESSRS:")), 8.6, bold=True, kind="label")
    sh.lines(x + 3, y + 5, ctx.party_lines(s.buyer), 8.6, field="buyer_name", max_w=w * 0.5)
    lc_no = f"{ctx.pick(('LC', 'ILC', 'DC'))}{ctx.rng.randrange(10, 99)}{s.invoice_date:%y}"
    lc_no += f"{ctx.rng.randrange(10000, 99999)}"
    lc_day = s.invoice_date - timedelta(days=ctx.rng.randrange(20, 50))
    sc_no = f"{ctx.pick(('SC', 'S/C', 'CT'))}-{s.invoice_date:%Y}-{ctx.rng.randrange(100, 999)}"
    ctx.set("invoice_number", s.invoice_no)
    right = [
        (ctx.pick(("Invoice No.:", "INVOICE NO.:", "No.:")), s.invoice_no, "invoice_number"),
        (ctx.pick(("Date:", "Invoice Date:", "DATE:")), ctx.date(s.invoice_date, "invoice_date"), "invoice_date"),
        ("L/C No.:", lc_no, None),
        ("L/C Date:", ctx.date(lc_day), None),
        (ctx.pick(("S/C No.:", "Contract No.:")), sc_no, None),
        (ctx.pick(("Currency:", "Payable in:")), s.currency, "currency"),
    ]
    rx = x + w * ctx.jitter(0.58, 0.02)
    gap = ctx.jitter(25, 2)
    ry = y
    ry = ctx.label_values(rx, ry, right, 4.8, gap=gap, size=8.6, max_w=ctx.right - rx - gap)
    y = max(ry, y + 5 + 3.8 * (len(s.buyer.lines) + 2)) + 4
    voyage = (
        f"Shipped per {s.vessel} from {s.place_loading} to {s.place_discharge}, sailing on or about "
        f"{ctx.date(s.departure_date)}."
    )
    y = sh.para(x, y, voyage, w, 8.6) + 1
    issuing = ctx.pick(("Drawn under", "Documentary credit issued by"))
    opener = ctx.pick(("First Continental Trade Bank", "United Harbour Bank Ltd."))
    y = sh.para(x, y, f"{issuing} {opener}, L/C No. {lc_no}. Terms: {s.incoterm}.", w, 8.2) + 3
    widths = [0.22, 0.36, 0.14, 0.13, 0.15]
    cols = [
        Column(ctx.pick(("Marks & Nos.", "Shipping Marks", "MARKS & NOS.")), w * widths[0]),
        Column(ctx.pick(("Description of Goods", "Particulars", "Commodity & Specification")), w * widths[1]),
        Column(ctx.pick(("Quantity", "Q'ty")), w * widths[2], "right"),
        Column(ctx.pick(("Unit Price", "U/Price")), w * widths[3], "right"),
        Column(ctx.pick(("Amount", "Total Amount")), w * widths[4], "right"),
    ]
    qty_unit = ctx.pick(("MT", "M/T", "MTS"))
    marks = s.marks("en")
    hs = ctx.hs()
    rows: list[list[Cell]] = []
    for i, lot in enumerate(s.lots):
        text = [s.description("en"), f"Lot {lot.number}: {ctx.packages_text(lot.packages)}"]
        if i == 0:
            text += [f"H.S. CODE: {hs}", *_china_description(ctx)]
        lines = [*sh.wrap(text[0], w * widths[1] - 3, 7.9), *text[1:]]
        rows.append(
            [
                Cell("\n".join(marks) if i == 0 else "", "static"),
                Cell("\n".join(lines)),
                Cell(ctx.weight_as(lot.net_kg, qty_unit)),
                Cell(ctx.num(s.unit_price, 2)),
                Cell(ctx.num(s.line_amount(lot), 2)),
            ]
        )
    y = sh.table(x, y, cols, rows, size=7.9, line_h=3.5, pad=1.2)
    # the HS code is a line inside the first description cell: record it on that line
    _mark_line(ctx, f"H.S. CODE: {hs}", "hs_code")
    th = 7.0
    sh.rect(x, y, w, th, 0.6)
    sh.text(x + 1.5, y + 4.8, ctx.pick(("TOTAL:", "TOTAL", "GRAND TOTAL:")), 8.6, bold=True, kind="label")
    qx = x + w * (widths[0] + widths[1] + widths[2]) - 1.5
    sh.text(qx, y + 4.8, ctx.weight_as(s.net_kg, qty_unit, "net_weight_kg"), 8.6, bold=True, kind="value",
            field="net_weight_kg", align="right")  # fmt: skip
    sh.text(ctx.right - 1.5, y + 4.8, ctx.money(s.total_amount, "total_amount"), 8.6, bold=True, kind="value",
            field="total_amount", align="right")  # fmt: skip
    y += th + 6
    words = say_total(s.total_amount, s.currency, ctx.pick(("a", "b")))
    y = sh.para(x, y, f"{ctx.pick(('SAY', 'SAY TOTAL:', 'TOTAL IN WORDS: SAY'))} {words}.", w, 8.6, bold=True) + 3
    facts = [
        (ctx.pick(("Total N.W.:", "Net Weight:")), ctx.weight(s.net_kg), None),
        (ctx.pick(("Total G.W.:", "Gross Weight:")), ctx.weight(s.gross_kg), None),
        ("Packing:", f"{ctx.packages_text(s.packages)}, {s.packing_text('en')}", None),
    ]
    if "omit_origin" not in ctx.st.flags:
        facts.append((ctx.pick(("Country of Origin:", "Origin:")), ctx.country(s.declared, True, "country_of_origin"),
                      "country_of_origin"))  # fmt: skip
    gap = ctx.jitter(30, 2)
    y = ctx.label_values(x, y, facts, 4.6, gap=gap, size=8.4, max_w=w - gap - 2)
    for line in _producer(ctx, "Manufacturer"):
        sh.text(x, y, line, 8.4, kind="value")
        y += 4.6
    y += 3
    bank, swift = _bank(ctx)
    bh = 22.0
    bw = w * ctx.jitter(0.55, 0.03)
    sh.rect(x, y, bw, bh, 0.5)
    sh.text(x + 2, y + 4, ctx.pick(("BENEFICIARY'S BANK DETAILS", "BANK INFORMATION", "Remit to:")), 7.6,
            bold=True, kind="label")  # fmt: skip
    sh.lines(x + 2, y + 8.5, [f"Bank: {bank}", f"SWIFT: {swift}",
                              f"A/C No.: {ctx.rng.randrange(10**9, 10**10)} ({s.currency})",
                              f"Beneficiary: {s.seller.name}"], 7.6, kind="static", step=3.4, max_w=bw - 4)  # fmt: skip
    sx = x + bw + 8
    sh.text(sx, y + 4, f"For and on behalf of {s.seller.name}", 7.8, max_w=ctx.right - sx)
    ctx.signature(sx, y + 16, s.seller.person, s.seller.title, len(s.invoice_no))


def _mark_line(ctx: Ctx, text: str, field: str) -> None:
    """Give a line already drawn inside a table cell the field it states."""
    page = ctx.sheet.pages[-1]
    for i in range(len(page) - 1, -1, -1):
        if page[i].text == text:
            page[i] = replace(page[i], kind="value", field=field)
            return
    raise ValueError(f"{text!r} was not drawn")


# --- fold 0 additions ---

COURIER_WORDS = {
    "en": {
        "title": ("COMMERCIAL INVOICE", "COMMERCIAL INVOICE FOR CUSTOMS", "EXPORT COMMERCIAL INVOICE"),
        "number": ("Invoice No.", "Invoice number", "Invoice ref."),
        "date": ("Invoice date", "Date"),
        "place": ("Place of issue", "Issued at"),
        "waybill": ("B/L / waybill No.", "Transport document No."),
        "shipper": ("Shipper / Exporter", "Exporter (shipper)"),
        "consignee": ("Consignee (ship to)", "Consignee"),
        "importer": ("Importer / sold to", "Buyer (if other than consignee)"),
        "same": ("Same as consignee", "As consignee"),
        "terms": ("Terms of sale (Incoterms)", "Delivery terms"),
        "reason": ("Reason for export", "Purpose of shipment"),
        "sale": "Sale",
        "currency": ("Currency of sale", "Invoice currency"),
        "carrier": ("Means of transport", "Carrier / vessel"),
        "route": ("Port of loading / discharge", "From / to"),
        "pkgs": "Pkgs",
        "description": ("Full description of goods", "Description of goods"),
        "hs": ("HS tariff No.", "Commodity code"),
        "origin": ("Country of origin", "Origin"),
        "qty": "Quantity",
        "unit_value": ("Unit value", "Price / unit"),
        "total_value": ("Total value", "Line value"),
        "lot": "Lot",
        "subtotal": "Invoice line total",
        "freight": "Freight",
        "insurance": "Insurance",
        "other": "Other charges",
        "included": "included",
        "total": ("TOTAL INVOICE VALUE", "Total invoice amount", "TOTAL AMOUNT DUE"),
        "packages": "Number of packages",
        "net": "Total net weight",
        "gross": "Total gross weight",
        "producer": "Manufacturer",
        "declare": (
            "I declare that all the information contained in this invoice is true and correct.",
            "We certify that this invoice is true and correct and shows the price actually paid or payable.",
        ),
        "signature": "Signature of shipper / exporter",
        "name": "Name and title",
    },
    "es": {
        "title": ("FACTURA COMERCIAL", "FACTURA COMERCIAL DE EXPORTACIÓN", "FACTURA COMERCIAL PARA ADUANA"),
        "number": ("Factura No.", "Número de factura", "Folio"),
        "date": ("Fecha de factura", "Fecha"),
        "place": ("Lugar de emisión", "Expedida en"),
        "waybill": ("B/L / guía No.", "Documento de transporte No."),
        "shipper": ("Remitente / exportador", "Exportador"),
        "consignee": ("Consignatario (entregar a)", "Consignatario"),
        "importer": ("Importador / vendido a", "Comprador (si es otro)"),
        "same": ("El mismo consignatario", "Igual al consignatario"),
        "terms": ("Entrega (Incoterms)", "Términos de venta"),
        "reason": ("Motivo de la exportación", "Propósito del envío"),
        "sale": "Venta",
        "currency": ("Moneda de la venta", "Moneda"),
        "carrier": ("Medio de transporte", "Transportista / buque"),
        "route": ("Puerto de carga / descarga", "Origen / destino"),
        "pkgs": "Bultos",
        "description": ("Descripción completa de la mercancía", "Descripción"),
        "hs": ("Fracción arancelaria", "Código SA"),
        "origin": ("País de origen", "Origen"),
        "qty": "Cantidad",
        "unit_value": ("Valor unitario", "Precio unitario"),
        "total_value": ("Valor total", "Importe"),
        "lot": "Lote",
        "subtotal": "Total de partidas",
        "freight": "Flete",
        "insurance": "Seguro",
        "other": "Otros cargos",
        "included": "incluido",
        "total": ("VALOR TOTAL DE LA FACTURA", "Importe total", "TOTAL A PAGAR"),
        "packages": "Número de bultos",
        "net": "Peso neto total",
        "gross": "Peso bruto total",
        "producer": "Fabricante",
        "declare": (
            "Declaro que toda la información contenida en esta factura es verdadera y correcta.",
            "Certificamos que esta factura es verdadera y muestra el precio realmente pagado o por pagar.",
        ),
        "signature": "Firma del remitente / exportador",
        "name": "Nombre y cargo",
    },
    "fr": {
        "title": ("FACTURE COMMERCIALE", "FACTURE COMMERCIALE (DOUANE)", "FACTURE D'EXPORTATION"),
        "number": ("N° de facture", "Facture N°", "Référence facture"),
        "date": ("Date de facture", "Date"),
        "place": ("Lieu d'émission", "Établie à"),
        "waybill": ("N° B/L / lettre de voiture", "N° du document de transport"),
        "shipper": ("Expéditeur / exportateur", "Exportateur"),
        "consignee": ("Destinataire (livrer à)", "Destinataire"),
        "importer": ("Importateur / acheteur", "Acheteur (si différent)"),
        "same": ("Identique au destinataire", "Voir destinataire"),
        "terms": ("Livraison (Incoterms)", "Conditions de vente"),
        "reason": ("Motif de l'exportation", "Nature de l'envoi"),
        "sale": "Vente",
        "currency": ("Devise de la vente", "Devise"),
        "carrier": ("Moyen de transport", "Transporteur / navire"),
        "route": ("Port de chargement / déchargement", "De / à"),
        "pkgs": "Colis",
        "description": ("Désignation complète des marchandises", "Désignation"),
        "hs": ("N° tarifaire SH", "Code SH"),
        "origin": ("Pays d'origine", "Origine"),
        "qty": "Quantité",
        "unit_value": ("Prix unitaire", "Valeur unitaire"),
        "total_value": ("Valeur totale", "Montant"),
        "lot": "Lot",
        "subtotal": "Total des lignes",
        "freight": "Fret",
        "insurance": "Assurance",
        "other": "Autres frais",
        "included": "inclus",
        "total": ("VALEUR TOTALE DE LA FACTURE", "Montant total", "TOTAL À PAYER"),
        "packages": "Nombre de colis",
        "net": "Poids net total",
        "gross": "Poids brut total",
        "producer": "Fabricant",
        "declare": (
            "Je certifie que les renseignements portés sur cette facture sont exacts et complets.",
            "Nous certifions que cette facture est exacte et indique le prix réellement payé ou à payer.",
        ),
        "signature": "Signature de l'expéditeur / exportateur",
        "name": "Nom et qualité",
    },
}


def _courier_box(ctx: Ctx, x: float, y: float, w: float, h: float, caption: str) -> float:
    """A ruled cell with its caption in small bold type at the top; returns the first value baseline."""
    ctx.sheet.rect(x, y, w, h, 0.5)
    ctx.sheet.text(x + 1.4, y + 3.0, caption, 6.6, bold=True, kind="label", max_w=w - 2.5)
    return y + 7.2


def courier_customs(ctx: Ctx) -> None:
    """A customs commercial invoice of the kind couriers and forwarders ask for: shipper (with its EORI / tax
    id), consignee and importer side by side, a row of cells for terms of sale, reason for export, currency and
    transport, every line carrying its own HS number and country of origin, and a charges column (line total,
    freight, insurance, other) leading to the invoice total above the shipper's declaration."""
    s, sh = ctx.s, ctx.sheet
    lang = ctx.pick(("en", "en", "fr")) if ctx.lang == "en" else "es"
    c = COURIER_WORDS[lang]
    x, w = ctx.left, ctx.width

    def cname(code: str, field: str | None = None) -> str:
        return country_fr(ctx, code, field) if lang == "fr" else ctx.country(code, field=field)

    def party(p: Party) -> list[str]:
        return [*p.lines, cname(p.country)]

    def day(d: date, field: str | None = None) -> str:
        # a French form prints French month names
        style = ctx.st.date_style
        if lang == "fr" and style in ("long_en", "short_en"):
            style = "long_fr"
        if field:
            ctx.set(field, d.isoformat())
        return fmt_date(d, unambiguous_date_style(d, style, lang))

    # tonnes in words are English or Spanish only; a French form prints kilograms
    weight_style = WeightStyle("kg", 2) if lang == "fr" and ctx.st.weight.unit == "metric tons" else None

    title = ctx.pick(c["title"])
    sh.text(x, 17, title, ctx.jitter(15, 0.8), bold=True, max_w=w * 0.55)
    sh.hline(x, x + w * 0.55, 19.5, 0.7)
    # the reference cells stand at the top right, two rows of two
    ctx.set("invoice_number", s.invoice_no)
    rw = w * ctx.jitter(0.42, 0.02)
    rx = ctx.right - rw
    ch = ctx.jitter(10.5, 0.5)
    refs = [
        (ctx.pick(c["number"]), s.invoice_no, "invoice_number"),
        (ctx.pick(c["date"]), day(s.invoice_date, "invoice_date"), "invoice_date"),
        (ctx.pick(c["place"]), s.seller.city or s.seller.lines[-1], None),
        (ctx.pick(c["waybill"]), s.bl_no, None),
    ]
    for i, (caption, value, field) in enumerate(refs):
        cx = rx + (i % 2) * rw / 2
        cy = 10 + (i // 2) * ch
        vy = _courier_box(ctx, cx, cy, rw / 2, ch, caption)
        sh.text(cx + 2, vy + 1, value, 8.6, kind="value" if field else "static", field=field, max_w=rw / 2 - 3)
    y = max(10 + 2 * ch, 22.0) + ctx.jitter(4, 1)
    # shipper, consignee and importer side by side
    third = w / 3
    bh = ctx.jitter(31, 1.5)
    ctx.set("seller_name", s.seller.name)
    ctx.set("buyer_name", s.buyer.name)
    vy = _courier_box(ctx, x, y, third, bh, ctx.pick(c["shipper"]))
    sh.text(x + 2, vy, s.seller.name, 8.4, bold=True, kind="value", field="seller_name", max_w=third - 3)
    sh.lines(x + 2, vy + 3.8, [*party(s.seller), s.seller.tax_id, s.seller.phone],
             7.4, kind="static", step=3.3, max_w=third - 3)  # fmt: skip
    vy = _courier_box(ctx, x + third, y, third, bh, ctx.pick(c["consignee"]))
    sh.text(x + third + 2, vy, s.buyer.name, 8.4, bold=True, kind="value", field="buyer_name", max_w=third - 3)
    sh.lines(x + third + 2, vy + 3.8, [*party(s.buyer), s.buyer.phone], 7.4, kind="static", step=3.3,
             max_w=third - 3)  # fmt: skip
    vy = _courier_box(ctx, x + 2 * third, y, third, bh, ctx.pick(c["importer"]))
    sh.text(x + 2 * third + 2, vy, ctx.pick(c["same"]), 8.2, max_w=third - 3)
    y += bh
    # terms, reason, currency and transport in a row of cells
    ch = ctx.jitter(10, 0.4)
    cells = [
        (ctx.pick(c["terms"]), s.incoterm, None),
        (ctx.pick(c["reason"]), c["sale"], None),
        (ctx.pick(c["currency"]), s.currency, "currency"),
        (ctx.pick(c["carrier"]), f"{s.transport} - {s.vessel}", None),
        (ctx.pick(c["route"]), f"{s.place_loading} / {s.place_discharge}", None),
    ]
    shares = (0.2, 0.15, 0.13, 0.24, 0.28)
    cx = x
    for (caption, value, field), share in zip(cells, shares, strict=True):
        vy = _courier_box(ctx, cx, y, w * share, ch, caption)
        sh.text(cx + 1.6, vy + 0.6, value, 8, kind="value" if field else "static", field=field, max_w=w * share - 3)
        cx += w * share
    y += ch + ctx.jitter(5, 1)
    # one line per lot, each with its HS number and, unless the invoice leaves origin out, its origin
    stated = "omit_origin" not in ctx.st.flags
    widths = [0.07, 0.31, 0.12, 0.12, 0.12, 0.12, 0.14] if stated else [0.08, 0.4, 0.13, 0.13, 0.12, 0.14]
    titles = [c["pkgs"], ctx.pick(c["description"]), ctx.pick(c["hs"])]
    titles += [ctx.pick(c["origin"])] if stated else []
    titles += [c["qty"], ctx.pick(c["unit_value"]), ctx.pick(c["total_value"])]
    aligns = ["right", "left", "left"] + (["left"] if stated else []) + ["right", "right", "right"]
    cols = [Column(t, w * f, a) for t, f, a in zip(titles, widths, aligns, strict=True)]
    description = description_fr(ctx) if lang == "fr" else s.description(lang)
    qty_unit = ctx.pick(("MT", "M/T", "t")) if lang != "es" else ctx.pick(("TM", "MT"))
    hs = ctx.hs()
    origin = cname(s.declared, "country_of_origin" if stated else None)
    rows: list[list[Cell]] = []
    for i, lot in enumerate(s.lots):
        text = [*sh.wrap(description, w * widths[1] - 3, 7.8), f"{c['lot']} {lot.number}"]
        if i == 0:
            text += _china_description(ctx)
        row = [
            Cell(str(lot.packages), "static"),
            Cell("\n".join(text), "static"),
            Cell(hs, field="hs_code") if i == 0 else Cell(hs, "static"),
        ]
        if stated:
            row.append(Cell(origin, field="country_of_origin") if i == 0 else Cell(origin, "static"))
        row += [
            Cell(ctx.weight_as(lot.net_kg, qty_unit), "static"),
            Cell(ctx.num(s.unit_price, 2), "static"),
            Cell(ctx.num(s.line_amount(lot), 2), "static"),
        ]
        rows.append(row)
    y = sh.table(x, y, cols, rows, size=ctx.jitter(7.9, 0.2), line_h=3.5, pad=1.2) + 2
    # the charges column under the values; the weights and packages beside it
    lx = x + w * 0.56
    step = 4.6
    nil = ctx.num(Decimal(0), 2)
    charges = [
        (c["subtotal"], ctx.num(s.total_amount, 2)),
        # freight and insurance are in the price under the terms that make the seller pay them
        (c["freight"], c["included"] if s.incoterm[:3] in ("CIF", "CFR", "CPT", "CIP", "DAP") else nil),
        (c["insurance"], c["included"] if s.incoterm[:3] in ("CIF", "CIP") else nil),
        (c["other"], nil),
    ]
    cy = y + 4
    for label, value in charges:
        sh.text(lx, cy, label, 8, kind="label")
        sh.text(ctx.right - 1.5, cy, value, 8, align="right")
        cy += step
    sh.hline(lx, ctx.right, cy - 2.6, 0.6)
    sh.text(lx, cy + 1.2, ctx.pick(c["total"]), 8.8, bold=True, kind="label", max_w=w * 0.22)
    sh.text(ctx.right - 1.5, cy + 1.2, ctx.money(s.total_amount, "total_amount"), 9, bold=True, kind="value",
            field="total_amount", align="right")  # fmt: skip
    facts = [
        (c["packages"], packages_fr(ctx, s.packages) if lang == "fr" else ctx.packages_text(s.packages), None),
        (c["net"], ctx.weight(s.net_kg, "net_weight_kg", weight_style), "net_weight_kg"),
        (c["gross"], ctx.weight(s.gross_kg, style=weight_style), None),
    ]
    fy = y + 4
    gap = ctx.jitter(33, 2)
    for label, value, field in facts:
        ctx.label_value(x, fy, f"{label}:", value, field, gap=gap, size=8.2, max_w=w * 0.53 - gap)
        fy += step
    for line in _producer(ctx, c["producer"]):
        sh.text(x, fy, line, 8, kind="value", max_w=w * 0.53)
        fy += step
    y = max(cy + 1.2, fy) + 8
    y = sh.para(x, y, ctx.pick(c["declare"]), w, 8.2) + 8
    ctx.signature(x, y + 4, s.seller.person, s.seller.title, len(s.invoice_no))
    sh.text(x + 70, y + 11, f"{c['name']}: {s.seller.person}, {s.seller.title}", 7.6, max_w=w - 72)
    sh.text(x + 70, y + 15, c["signature"], 7, kind="label")
