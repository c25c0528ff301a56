"""`payment_advice`: the export invoice printed from a cloud accounting package's standard invoice theme, with
the payment advice cut-away at the foot of the page (after Xero's standard branding theme), added after the
extractors were built (no extractor was changed for it).

Small exporters and traders keep their books in a cloud accounting package and send the invoice it prints as
the commercial invoice, the export particulars typed into the invoice's lines. What the printout carries, after
the standard theme and what its settings show or hide:

* the title large at the top left ('TAX INVOICE', 'INVOICE', or the theme's own title such as 'COMMERCIAL
  INVOICE'), the logo at the top right;
* three columns under the title: the contact (the buyer) with its address, the postcode and country in
  capitals as the theme prints them; the invoice date, invoice number, reference and the organisation's tax
  number, each caption over its value; the organisation's name and address;
* the lines without vertical rules: Description, Quantity, Unit Price, the tax column where the organisation is
  tax-registered, and Amount with the invoice's currency ('Amount USD'); one line per lot priced per tonne or
  per kilogram, then description-only lines with the export particulars (HS code, origin, net and gross weight,
  packing, Incoterms, the voyage, the producer);
* the totals at the right: subtotal, the tax total at 0 % ('TOTAL VAT 0%', 'Total Zero Rated'), 'TOTAL USD' in
  bold under a heavier rule; where an advance was received, 'Less Amount Paid' and 'AMOUNT DUE USD'; on some
  invoices the currency conversion to the organisation's base currency;
* the due date in bold and the 'Terms & Payment Advice' text (payment terms, bank, account, beneficiary, the
  reference to quote), sometimes the registered office and company number;
* the payment advice cut-away below a dashed line with scissors: 'PAYMENT ADVICE', 'To:' the organisation and
  its address, and at the right the customer, invoice number, amount due, due date and an 'Amount Enclosed'
  line with 'Enter the amount you are paying above'.

The standard theme prints English captions; a DOCX theme carries the organisation's own wording, drawn here in
Spanish, French (a Belgian exporter) or Portuguese (a Brazilian buyer). Which optional parts appear (logo, tax
column, reference, tax number, conversion, advance, registered office), the title, units, date format, rules
and spacing vary per document. Every value a field records is drawn with kind="value".
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from samplegen.draw import MM
from samplegen.formatting import MONTHS_EN, quantize
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.invoice_spreadsheet import home_bank
from samplegen.layouts.invoice_tax_invoice import HOME_CURRENCY, ZERO_RATE, ZERO_RATE_OTHER

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("TAX INVOICE", "INVOICE", "COMMERCIAL INVOICE", "INVOICE"),
        "date": ("Invoice Date",),
        "number": ("Invoice Number",),
        "reference": ("Reference",),
        "description": ("Description",),
        "quantity": ("Quantity",),
        "price": ("Unit Price",),
        "tax_col": ("Tax", "VAT"),
        "rate": ("Zero Rated", "0%", "Tax Exempt", "0% Export"),
        "amount": ("Amount",),
        "subtotal": ("Subtotal",),
        "total_tax": ("TOTAL {tax} 0%", "Total Zero Rated", "TOTAL {tax}"),
        "total": ("TOTAL",),
        "paid": ("Less Amount Paid",),
        "due_total": ("AMOUNT DUE",),
        "due_date": ("Due Date:",),
        "conversion": ("Currency Conversion:", "Exchange Rate:"),
        "converted": ("Total {code}", "TOTAL {code}"),
        "advice": ("PAYMENT ADVICE",),
        "to": ("To:",),
        "customer": ("Customer",),
        "amount_due": ("Amount Due",),
        "enclosed": ("Amount Enclosed",),
        "enter": ("Enter the amount you are paying above",),
        "lot": ("Lot", "Lot No."),
        "basis": ("price per", "priced per"),
        "hs": ("HS Code:", "Tariff code:", "H.S. Code:"),
        "origin": ("Country of Origin:", "Origin:"),
        "net": ("Net Weight:", "Total net weight:"),
        "gross": ("Gross Weight:", "Total gross weight:"),
        "packing": ("Packing:", "Packed in:"),
        "incoterms": ("Incoterms 2020:", "Delivery terms:"),
        "shipment": ("Shipment:", "Shipped per"),
        "from_to": ("{a} to {b}", "from {a} to {b}"),
        "etd": ("ETD", "sailing on or about"),
        "producer": ("Producer:", "Manufacturer:"),
        "marks": ("Shipping Marks:",),
        "terms": ("Payment terms:", "Terms:"),
        "bank": ("Bank:", "Bank details:"),
        "account": ("Account No.", "A/C No."),
        "beneficiary": ("Beneficiary:", "Account name:"),
        "quote": ("Please quote the invoice number as the payment reference.",
                  "Please use the invoice number as the reference of your transfer."),
        "registered": ("Registered Office:", "Registered address:"),
        "reg_no": ("Company Registration No:", "Tax registration:"),
    },
    "es": {
        "title": ("FACTURA", "FACTURA COMERCIAL", "FACTURA DE EXPORTACIÓN"),
        "date": ("Fecha de factura",),
        "number": ("Número de factura", "N.º de factura"),
        "reference": ("Referencia",),
        "description": ("Descripción",),
        "quantity": ("Cantidad",),
        "price": ("Precio unitario",),
        "tax_col": ("IVA", "Impuesto"),
        "rate": ("0%", "Exento", "Tasa 0%"),
        "amount": ("Importe",),
        "subtotal": ("Subtotal",),
        "total_tax": ("TOTAL {tax} 0%", "TOTAL {tax}"),
        "total": ("TOTAL",),
        "paid": ("Menos importe pagado", "Anticipo recibido"),
        "due_total": ("IMPORTE ADEUDADO", "SALDO A PAGAR"),
        "due_date": ("Fecha de vencimiento:",),
        "conversion": ("Tipo de cambio:",),
        "converted": ("Total {code}",),
        "advice": ("AVISO DE PAGO", "TALÓN DE PAGO"),
        "to": ("Para:", "A:"),
        "customer": ("Cliente",),
        "amount_due": ("Importe adeudado",),
        "enclosed": ("Importe pagado", "Importe adjunto"),
        "enter": ("Indique arriba el importe que paga",),
        "lot": ("Lote", "Lote No."),
        "basis": ("precio por",),
        "hs": ("Fracción arancelaria:", "Código SA:"),
        "origin": ("País de origen:", "Origen:"),
        "net": ("Peso neto:", "Peso neto total:"),
        "gross": ("Peso bruto:", "Peso bruto total:"),
        "packing": ("Embalaje:",),
        "incoterms": ("Incoterms 2020:", "Condiciones de entrega:"),
        "shipment": ("Embarque:", "Embarcado en"),
        "from_to": ("{a} a {b}", "de {a} a {b}"),
        "etd": ("ETD", "salida aprox."),
        "producer": ("Productor:", "Fabricante:"),
        "marks": ("Marcas:",),
        "terms": ("Condiciones de pago:", "Forma de pago:"),
        "bank": ("Banco:", "Datos bancarios:"),
        "account": ("Cuenta", "Cuenta No."),
        "beneficiary": ("Beneficiario:",),
        "quote": ("Indique el número de factura como referencia del pago.",),
        "registered": ("Domicilio fiscal:", "Domicilio social:"),
        "reg_no": ("Registro fiscal:",),
    },
    "fr": {
        "title": ("FACTURE", "FACTURE COMMERCIALE", "FACTURE D'EXPORTATION"),
        "date": ("Date de facture", "Date"),
        "number": ("Numéro de facture", "N° de facture"),
        "reference": ("Référence", "Votre référence"),
        "description": ("Désignation", "Description"),
        "quantity": ("Quantité",),
        "price": ("Prix unitaire",),
        "tax_col": ("TVA",),
        "rate": ("0 %", "Exonéré", "0 % export"),
        "amount": ("Montant",),
        "subtotal": ("Sous-total", "Total HT"),
        "total_tax": ("TOTAL {tax} 0 %", "{tax} 0 %"),
        "total": ("TOTAL",),
        "paid": ("Acompte reçu", "Montant déjà réglé"),
        "due_total": ("MONTANT DÛ", "NET À PAYER"),
        "due_date": ("Date d'échéance :", "Échéance :"),
        "conversion": ("Taux de change :",),
        "converted": ("Total {code}",),
        "advice": ("AVIS DE PAIEMENT", "TALON DE PAIEMENT"),
        "to": ("À :",),
        "customer": ("Client",),
        "amount_due": ("Montant dû",),
        "enclosed": ("Montant joint", "Montant réglé"),
        "enter": ("Indiquez ci-dessus le montant de votre paiement",),
        "lot": ("Lot", "Lot n°"),
        "basis": ("prix par",),
        "hs": ("Code SH :", "Nomenclature douanière :"),
        "origin": ("Pays d'origine :", "Origine :"),
        "net": ("Poids net :", "Poids net total :"),
        "gross": ("Poids brut :", "Poids brut total :"),
        "packing": ("Emballage :", "Conditionnement :"),
        "incoterms": ("Incoterms 2020 :", "Conditions de livraison :"),
        "shipment": ("Expédition :", "Expédié par"),
        "from_to": ("{a} à {b}", "de {a} à {b}"),
        "etd": ("départ prévu", "ETD"),
        "producer": ("Producteur :", "Fabricant :"),
        "marks": ("Marques :",),
        "terms": ("Conditions de paiement :", "Règlement :"),
        "bank": ("Banque :", "Coordonnées bancaires :"),
        "account": ("Compte", "IBAN"),
        "beneficiary": ("Bénéficiaire :",),
        "quote": ("Merci d'indiquer le numéro de facture en référence du virement.",),
        "registered": ("Siège social :",),
        "reg_no": ("N° d'entreprise :", "TVA :"),
    },
    "pt": {
        "title": ("FATURA", "FATURA COMERCIAL", "COMMERCIAL INVOICE / FATURA"),
        "date": ("Data da fatura",),
        "number": ("Número da fatura", "Fatura nº"),
        "reference": ("Referência",),
        "description": ("Descrição",),
        "quantity": ("Quantidade",),
        "price": ("Preço unitário",),
        "tax_col": ("Imposto",),
        "rate": ("0%", "Isento"),
        "amount": ("Valor",),
        "subtotal": ("Subtotal",),
        "total_tax": ("TOTAL {tax} 0%",),
        "total": ("TOTAL",),
        "paid": ("Menos valor pago", "Adiantamento recebido"),
        "due_total": ("VALOR DEVIDO", "SALDO A PAGAR"),
        "due_date": ("Vencimento:", "Data de vencimento:"),
        "conversion": ("Taxa de câmbio:",),
        "converted": ("Total {code}",),
        "advice": ("AVISO DE PAGAMENTO",),
        "to": ("Para:",),
        "customer": ("Cliente",),
        "amount_due": ("Valor devido",),
        "enclosed": ("Valor pago",),
        "enter": ("Informe acima o valor que está pagando",),
        "lot": ("Lote", "Lote nº"),
        "basis": ("preço por",),
        "hs": ("NCM/SH:", "Código SH:"),
        "origin": ("País de origem:", "Origem:"),
        "net": ("Peso líquido:", "Peso líquido total:"),
        "gross": ("Peso bruto:", "Peso bruto total:"),
        "packing": ("Embalagem:",),
        "incoterms": ("Incoterms 2020:", "Condições de entrega:"),
        "shipment": ("Embarque:", "Embarcado em"),
        "from_to": ("{a} a {b}", "de {a} para {b}"),
        "etd": ("ETD", "saída prevista"),
        "producer": ("Produtor:", "Fabricante:"),
        "marks": ("Marcas:",),
        "terms": ("Condições de pagamento:",),
        "bank": ("Banco:", "Dados bancários:"),
        "account": ("Conta", "Conta nº"),
        "beneficiary": ("Beneficiário:",),
        "quote": ("Favor informar o número da fatura como referência do pagamento.",),
        "registered": ("Sede:",),
        "reg_no": ("Registro:",),
    },
}  # fmt: skip
# Payment terms as the organisation writes them in the terms box, with the days after the invoice date that the
# due date falls on.
TERMS: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (("T/T 30 days after B/L date", 35), ("T/T 30% advance, balance against copy documents", 7),
           ("Cash against documents", 10), ("Net 30 days", 30), ("T/T in advance", 0)),
    "es": (("Transferencia a 30 días fecha B/L", 35), ("30% anticipo, saldo contra copia de documentos", 7),
           ("Pago contra documentos", 10), ("Neto 30 días", 30)),
    "fr": (("Virement à 30 jours date B/L", 35), ("Acompte 30 %, solde contre copie des documents", 7),
           ("Paiement contre documents", 10), ("30 jours net", 30)),
    "pt": (("Transferência 30 dias após B/L", 35), ("30% antecipado, saldo contra cópia dos documentos", 7),
           ("Pagamento contra documentos", 10), ("30 dias líquidos", 30)),
}  # fmt: skip
# The terms that took an advance: the invoice shows it paid and the balance due.
ADVANCE_TERMS = frozenset({7})
# The export exemption note under the totals in the languages other than English (English takes the tax
# invoice's notes): Mexico's 0 % rate on exports, Belgium's exemption of exports, and a plain note elsewhere.
EXEMPTION: dict[str, dict[str, str]] = {
    "es": {"MX": "IVA tasa 0%: exportación de bienes (art. 29, Ley del IVA).",
           "": "Exportación de bienes: operación exenta de impuestos internos."},
    "fr": {"BE": "Exonération de TVA : exportation (art. 39, § 1er, du Code de la TVA).",
           "": "Exportation exonérée de TVA."},
    "pt": {"": "Exportação de mercadorias: operação isenta de tributos internos."},
}  # fmt: skip
# The caption of the organisation's tax number in the middle column, by the kind of number it holds; a VAT
# number and a plain tax number are captioned in the theme's language.
TAX_CAPTIONS = {
    "RFC": "RFC",
    "CR": "CR No.",
    "TIN": "TIN",
    "Co.": "Company No.",
    "NPWP": "NPWP",
    "BN": "Business Number",
    "NIT": "NIT",
    "MST": "Tax Code (MST)",
}
TAX_WORDS = {
    "en": {"VAT": "VAT Number", "Tax": "Tax ID"},
    "es": {"VAT": "N.º IVA", "Tax": "Id. fiscal"},
    "fr": {"VAT": "N° TVA", "Tax": "Identifiant fiscal"},
    "pt": {"VAT": "Nº IVA", "Tax": "Identificação fiscal"},
}
SEPA = frozenset({"BE"})  # sellers whose account is printed as an IBAN


def payment_advice(ctx: Ctx) -> None:
    draw_to_fit(ctx, _draw, "payment advice invoice", tries=6)


def iban(country: str, bban: str) -> str:
    """An IBAN with its ISO 13616 check digits (mod 97 of the BBAN, the country and '00', letters as numbers),
    printed in groups of four."""
    digits = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    body = f"{country}{98 - int(digits) % 97:02d}{bban}"
    return " ".join(body[i : i + 4] for i in range(0, len(body), 4))


def _tax_number(tax_id: str, lang: str) -> tuple[str, str]:
    """The organisation's tax number and its caption ('VAT Number', 'RFC'), the kind's name taken off."""
    kind, _, number = tax_id.partition(" ")
    if kind == "Tax" and number.startswith("ID "):
        number = number[3:]
    elif kind == "Co." and number.startswith("Reg. "):
        number = number[5:]
    return TAX_WORDS[lang].get(kind) or TAX_CAPTIONS.get(kind, kind), number


def _significant(value: float, digits: int = 6) -> Decimal:
    """A rate rounded to six significant digits, as the package stores exchange rates."""
    whole = len(str(int(abs(value)))) if abs(value) >= 1 else 0
    return Decimal(f"{value:.{max(digits - whole, 0)}f}")


def _rate_text(ctx: Ctx, rate: Decimal) -> str:
    """The rate with all its stored digits, in the document's decimal convention."""
    return ctx.num(rate, max(-int(rate.as_tuple().exponent), 0))


def _scissors(ctx: Ctx, x: float, y: float) -> None:
    """A pair of scissors at the start of the cut-away line, two rings and two crossed blades."""
    c, h, mm = ctx.sheet.canvas, ctx.sheet.height, MM
    c.setLineWidth(0.6)
    for dy in (-1.3, 1.3):
        c.circle((x + 1.1) * mm, (h - y - dy) * mm, 0.9 * mm)
    c.line((x + 1.9) * mm, (h - y - 1.0) * mm, (x + 6.2) * mm, (h - y + 0.9) * mm)
    c.line((x + 1.9) * mm, (h - y + 1.0) * mm, (x + 6.2) * mm, (h - y - 0.9) * mm)


def _logo(ctx: Ctx, right: float, top: float) -> None:
    """The organisation's logo, a plain mark without text: a dark square with a light wedge, or rings."""
    sh, rng = ctx.sheet, ctx.rng
    c, h, mm = sh.canvas, sh.height, MM
    side = ctx.jitter(13, 2)
    left = right - side
    if rng.random() < 0.5:
        sh.rect(left, top, side, side, 0.3, fill=ctx.pick((0.2, 0.3, 0.45)))
        c.setFillGray(1)
        path = c.beginPath()
        path.moveTo((left + side * 0.2) * mm, (h - top - side * 0.8) * mm)
        path.lineTo((left + side * 0.8) * mm, (h - top - side * 0.8) * mm)
        path.lineTo((left + side * 0.5) * mm, (h - top - side * 0.25) * mm)
        path.close()
        c.drawPath(path, stroke=0, fill=1)
        c.setFillGray(0)
    else:
        c.setLineWidth(1.4)
        for r in (0.45, 0.3, 0.15):
            c.circle((left + side / 2) * mm, (h - top - side / 2) * mm, side * r * mm)


def _draw(ctx: Ctx, squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    lang = fl.language(ctx, french_share=0.6)
    words = WORDS[lang]

    def w_(key: str) -> str:
        return str(ctx.pick(words[key]))

    k = 1 - 0.1 * squeeze
    size = ctx.jitter(8.6, 0.3) - 0.3 * squeeze
    step = size * 0.45
    seller, buyer = s.seller, s.buyer
    # the package's date format: '20 Mar 2025' or 'Mar 20, 2025' in English, else the document's own
    english_style = ctx.pick(("short", "short", "us", "doc")) if lang == "en" else "doc"

    def day(d: date, field: str | None = None) -> str:
        if english_style == "doc":
            return fl.day(ctx, lang, d, field)
        if field:
            ctx.set(field, d.isoformat())
        month = MONTHS_EN[d.month - 1][:3]
        return f"{d.day} {month} {d.year}" if english_style == "short" else f"{month} {d.day}, {d.year}"

    terms, days = ctx.pick(TERMS[lang])
    due = s.invoice_date + timedelta(days=days)
    registered_for_tax = rng.random() < 0.75  # an unregistered organisation's theme has no tax column or total
    tax_word = w_("tax_col")
    cur = s.currency
    lot_word = w_("lot")

    # ----- the title at the top left, the logo at the top right -----
    top = ctx.jitter(16, 1.5)
    tsize = ctx.jitter(21, 1.5) - squeeze
    sh.text(x, top + 5, w_("title"), tsize, bold=True, max_w=w * 0.6)
    if rng.random() < 0.6:
        _logo(ctx, ctx.right, top - 4)
    y = top + 5 + ctx.jitter(9, 1) * k

    # ----- three columns: the contact, the invoice's particulars, the organisation -----
    mid_x = x + w * ctx.jitter(0.45, 0.02)
    org_x = x + w * ctx.jitter(0.7, 0.02)
    ctx.set("buyer_name", buyer.name)
    sh.text(x, y, buyer.name, size, kind="value", field="buyer_name", max_w=mid_x - x - 4)
    contact = [*buyer.lines, fl.country(ctx, lang, buyer.country, upper=True)]
    by = sh.lines(x, y + step + 0.4, contact, size - 0.3, kind="static", step=step, max_w=mid_x - x - 4)

    ctx.set("invoice_number", s.invoice_no)
    particulars: list[tuple[str, str, str | None]] = [
        (w_("date"), day(s.invoice_date, "invoice_date"), "invoice_date"),
        (w_("number"), s.invoice_no, "invoice_number"),
    ]
    if s.buyer_po and rng.random() < 0.75:
        particulars.append((w_("reference"), f"{ctx.pick(('PO ', 'PO-', ''))}{s.buyer_po}", None))
    if seller.tax_id and rng.random() < 0.7:
        caption, number = _tax_number(seller.tax_id, lang)
        particulars.append((caption, number, None))
    py = y - 0.3
    for caption, value, field in particulars:
        sh.text(mid_x, py, caption, size - 0.4, bold=True, kind="label", max_w=org_x - mid_x - 3)
        sh.text(mid_x, py + step + 0.3, value, size - 0.2, kind="value" if field else "static", field=field,
                max_w=org_x - mid_x - 3)  # fmt: skip
        py += 2 * step + 1.6 * k

    ctx.set("seller_name", seller.name)
    org_w = ctx.right - org_x
    name_lines = sh.wrap(seller.name, org_w, size)
    oy = y
    for i, line in enumerate(name_lines[:2]):
        # a name wrapped in the narrow column: its first line carries the field
        sh.text(org_x, oy, line, size, kind="value" if i == 0 else "static", field="seller_name" if i == 0 else None,
                max_w=org_w)  # fmt: skip
        oy += step
    org_lines = [*seller.lines, fl.country(ctx, lang, seller.country, upper=True)]
    if rng.random() < 0.5:
        org_lines.append(seller.phone)
    oy = sh.lines(org_x, oy + 0.4, org_lines, size - 0.3, kind="static", step=step, max_w=org_w)
    y = max(by, py, oy) + ctx.jitter(7, 1.5) * k

    # ----- the lines: no vertical rules, a heavy rule under the captions, light rules between lines -----
    per_kg = rng.random() < 0.3
    spec: list[tuple[str, str, float, str]] = [("description", w_("description"), 0.5, "left"),
                                               ("quantity", w_("quantity"), 0.12, "right"),
                                               ("price", w_("price"), 0.13, "right")]  # fmt: skip
    if registered_for_tax and rng.random() < 0.75:
        spec.append(("tax", tax_word, 0.1, "right"))
    show_cur = rng.random() < 0.85
    spec.append(("amount", f"{w_('amount')} {cur}" if show_cur else w_("amount"), 0.15, "right"))
    scale = w / sum(f for _, _, f, _ in spec)
    widths = {key: f * scale for key, _, f, _ in spec}
    lefts: dict[str, float] = {}
    cx = x
    for key, _, _, _ in spec:
        lefts[key] = cx
        cx += widths[key]

    def put(key: str, yy: float, text: str, kind: str = "static", field: str | None = None,
            bold: bool = False) -> None:  # fmt: skip
        align = next(a for k_, _, _, a in spec if k_ == key)
        tx = lefts[key] + (0.5 if align == "left" else widths[key] - 0.5)
        sh.text(tx, yy, text, size - 0.2, bold, kind, field, align=align, max_w=widths[key] - 2)

    for key, caption, _, _ in spec:
        put(key, y, caption, "label", bold=True)
    y += 2.2
    sh.hline(x, ctx.right, y, 0.8)
    light = ctx.pick((0.55, 0.7))
    row_gap = ctx.jitter(2.6, 0.3) * k

    def rule(yy: float) -> None:
        sh.canvas.setStrokeGray(light)
        sh.hline(x, ctx.right, yy, 0.25)
        sh.canvas.setStrokeGray(0)

    y += step + row_gap
    description = fl.description(ctx, lang)
    rate = w_("rate")
    qty_places = 2 if per_kg else 3
    unit_t = str(ctx.pick(("MT", "MT", "t")))
    for i, lot in enumerate(s.lots):
        qty = lot.net_kg if per_kg else lot.net_kg / 1000
        places = qty_places if quantize(qty, qty_places) == qty else 4  # a half kilogram in tonnes
        price = s.unit_price / 1000 if per_kg else s.unit_price
        unit = "kg" if per_kg else unit_t
        lot_text = f"{lot_word} {lot.number}, {fl.packages(ctx, lang, lot.packages)}"
        text = f"{description} - {lot_text}"
        if i == 0:  # the price basis, the quantity column having no unit of its own
            text = f"{description}, {w_('basis')} {unit} - {lot_text}"
        lines = sh.wrap(text, widths["description"] - 3, size - 0.2)
        if i == 0 and "description" in s.china_text:
            lines.append(s.china_text["description"])
        for j, line in enumerate(lines):
            put("description", y + j * step, line)
        put("quantity", y, ctx.num(qty, places))
        put("price", y, ctx.num(price, 2))
        if "tax" in widths:
            put("tax", y, rate)
        put("amount", y, ctx.num(s.line_amount(lot), 2))
        # a light rule under the line's last text line, the next line's text clear of it
        below = y + (len(lines) - 1) * step + 0.9 + row_gap * 0.45
        rule(below)
        y = below + row_gap * 0.55 + step * 0.8

    # description-only lines: the export particulars as the organisation types them into the invoice
    dx = lefts["description"] + 0.5
    dw = w - 2
    gross = fl.weight(ctx, lang, s.gross_kg)
    one_line = rng.random() < 0.35  # the gross weight after the net on the same line
    notes: list[tuple[str, str, str | None, str]] = [(w_("hs"), ctx.hs(), "hs_code", "")]
    if "omit_origin" not in ctx.st.flags:
        notes.append((w_("origin"), fl.country(ctx, lang, s.declared, "country_of_origin", upper=True),
                      "country_of_origin", ""))  # fmt: skip
    net = fl.weight(ctx, lang, s.net_kg, "net_weight_kg")
    gross_caption = w_("gross")
    notes.append((w_("net"), net, "net_weight_kg", f"  /  {gross_caption} {gross}" if one_line else ""))
    if not one_line:
        notes.append((gross_caption, gross, None, ""))
    if squeeze < 3 or rng.random() < 0.5:
        notes.append((w_("packing"), f"{fl.packages(ctx, lang, s.packages)}, {fl.packing_text(ctx, lang)}", None, ""))
    notes.append((w_("incoterms"), s.incoterm, None, ""))
    route = w_("from_to").format(a=s.place_loading, b=s.place_discharge)
    notes.append((w_("shipment"), f"{fl.vehicle(ctx, lang)}, {route}, {w_('etd')} {day(s.departure_date)}", None,
                  ""))  # fmt: skip
    if "smelter" in ctx.st.flags:
        notes.append((w_("producer"), s.smelter.printed, None, ""))
    for label, value, field, tail in notes:
        lw = sh.text(dx, y, label, size - 0.4, kind="label") + 1.5
        vw = sh.text(dx + lw, y, value, size - 0.3, kind="value" if field else "static", field=field,
                     max_w=dw - lw)  # fmt: skip
        if tail:
            sh.text(dx + lw + vw, y, tail, size - 0.3, max_w=dw - lw - vw)
        y += step + row_gap * 0.55
    rule(y - step - row_gap * 0.55 + 0.9 + row_gap * 0.45)
    y += 1.5 * k

    # ----- the totals at the right -----
    label_x = lefts["price"] - widths["quantity"] * 0.3
    value_x = ctx.right - 0.5
    rows: list[tuple[str, str]] = [(w_("subtotal"), ctx.num(s.total_amount, 2))]
    if registered_for_tax:
        rows.append((w_("total_tax").format(tax=tax_word.upper() if rng.random() < 0.6 else tax_word),
                     ctx.num(Decimal(0), 2)))  # fmt: skip
    ty = y + step
    for label, value in rows:
        sh.text(label_x, ty, label, size - 0.2, kind="label", max_w=value_x - label_x - 22)
        sh.text(value_x, ty, value, size - 0.2, align="right")
        ty += step + 1.8 * k
    sh.hline(label_x, ctx.right, ty - step + 0.2, 0.8)
    ty += 1.2
    ctx.set("total_amount", float(s.total_amount))
    ctx.set("currency", cur)
    total_w = sh.text(label_x, ty, w_("total"), size + 0.6, bold=True, kind="label")
    sh.text(label_x + total_w + 1.6, ty, cur, size + 0.6, bold=True, kind="value", field="currency")
    sh.text(value_x, ty, ctx.num(s.total_amount, 2), size + 0.6, bold=True, kind="value", field="total_amount",
            align="right")  # fmt: skip
    due_amount = s.total_amount
    if days in ADVANCE_TERMS and rng.random() < 0.7:  # the 30 % advance already received
        paid = quantize(s.total_amount * Decimal("0.3"), 2)
        due_amount = s.total_amount - paid
        ty += step + 2.2 * k
        sh.text(label_x, ty, w_("paid"), size - 0.2, kind="label")
        sh.text(value_x, ty, ctx.num(paid, 2), size - 0.2, align="right")
        sh.hline(label_x, ctx.right, ty + 1.6, 0.8)
        ty += step + 2.8 * k
        dw_ = sh.text(label_x, ty, w_("due_total"), size + 0.6, bold=True, kind="label")
        sh.text(label_x + dw_ + 1.6, ty, cur, size + 0.6, bold=True)
        sh.text(value_x, ty, ctx.num(due_amount, 2), size + 0.6, bold=True, align="right")
    conversion = _conversion(ctx) if squeeze < 4 and rng.random() < 0.35 else None
    if conversion:
        line, code, home = conversion
        ty += step + 2.4 * k
        sh.text(label_x, ty, f"{w_('conversion')} {line}", size - 1, max_w=ctx.right - label_x)
        ty += step + 0.4
        sh.text(label_x, ty, w_("converted").format(code=code), size - 0.6, kind="label")
        sh.text(value_x, ty, home, size - 0.6, align="right")
    y = ty + step + 3 * k

    # ----- the due date, the terms box, the exemption note, the registered office -----
    due_caption = w_("due_date")
    dcw = sh.text(x, y, due_caption, size + 0.4, bold=True, kind="label") + 1.5
    sh.text(x + dcw, y, day(due), size + 0.4, bold=True)
    y += step + 1.8 * k
    bank, swift = home_bank(ctx)
    if seller.country in SEPA:
        first = rng.randrange(10**9, 10**10)
        account = iban(seller.country, f"{first}{first % 97 or 97:02d}")  # the Belgian account's own mod-97 check
    else:
        account = f"{rng.randrange(100, 999)}-{rng.randrange(100000, 999999)}-{rng.randrange(1, 9)}"
    box = [f"{w_('terms')} {terms}", f"{w_('bank')} {bank}, SWIFT/BIC {swift}",
           f"{w_('account')} ({cur}): {account}", f"{w_('beneficiary')} {seller.name}"]  # fmt: skip
    if squeeze < 2:
        box.append(w_("quote"))
    if lang == "en":
        note = str(ctx.pick(ZERO_RATE.get(s.seller.country, ZERO_RATE_OTHER)))
    else:
        notes_ = EXEMPTION[lang]
        note = notes_.get(s.seller.country, notes_[""])
    if squeeze < 4 or rng.random() < 0.5:
        box.insert(1 if rng.random() < 0.5 else len(box), note)
    y = sh.lines(x, y, box[:6], size - 0.6, kind="static", step=step - 0.2, max_w=w * 0.75)  # six lines at most
    if squeeze < 3 and rng.random() < 0.45:
        y += 1.5
        office = ", ".join([*seller.lines, fl.country(ctx, lang, seller.country)])
        line = f"{w_('registered')} {office}."
        if seller.tax_id:
            line += f" {w_('reg_no')} {seller.tax_id}"
        sh.text(sh.width / 2, y, line, size - 1.6, align="center", max_w=w)
        y += step
    content_end = y

    # ----- the payment advice cut-away at the foot of the page, as high as its contents -----
    rx = x + w * ctx.jitter(0.5, 0.02)
    enclosed = w_("enclosed")
    slip_rows = [
        (w_("customer"), buyer.name, False),
        (w_("number"), s.invoice_no, False),
        None,
        (w_("amount_due"), ctx.num(due_amount, 2), True),
        (due_caption.rstrip(" :"), day(due), False),
        None,
    ]
    captions = [row[0] for row in slip_rows if row] + [enclosed]
    vx = rx + max(sh.text_width(c, size - 0.2, True) for c in captions) + ctx.jitter(5, 1.5)
    values = {i: sh.wrap(row[1], ctx.right - vx, size)[:2] for i, row in enumerate(slip_rows) if row}
    right_top = ctx.jitter(12, 1)
    right_h = right_top + sum(len(v) * step + 1.8 for v in values.values()) + 2 * 2.6 + 1.8 + step + 1.5
    to_lines = [seller.name, *seller.lines, fl.country(ctx, lang, seller.country, upper=True)]
    title_at = ctx.jitter(10, 1)
    left_h = title_at + 8 + (len(to_lines) - 1) * step + 2
    slip_h = max(right_h, left_h, ctx.jitter(50, 3) * max(k, 0.8))
    slip_top = sh.height - 14.0 - slip_h
    if content_end > slip_top - 3:
        return sh.height - 14.0 + (content_end - slip_top + 3)  # too long: draw tighter
    c = sh.canvas
    c.setDash(3, 2)
    sh.hline(x + 8, ctx.right, slip_top, 0.5)
    c.setDash()
    _scissors(ctx, x, slip_top)
    ay = slip_top + title_at
    sh.text(x, ay, w_("advice"), ctx.jitter(15, 1), bold=True, max_w=w * 0.45)
    ay += 8
    to_w = sh.text(x, ay, w_("to"), size, bold=True, kind="label") + 2
    sh.lines(x + to_w, ay, to_lines, size - 0.3, kind="static", step=step, max_w=rx - x - to_w - 3)
    ry = slip_top + right_top
    for i, row in enumerate(slip_rows):
        if row is None:
            sh.hline(rx, ctx.right, ry - step + 1.2, 0.35)
            ry += 2.6
            continue
        caption, _, bold = row
        sh.text(rx, ry, caption, size - 0.2, bold=True, kind="label")
        for j, part in enumerate(values[i]):  # a long customer name on two lines
            sh.text(vx, ry + j * step, part, size, bold=bold, max_w=ctx.right - vx)
        ry += len(values[i]) * step + 1.8
    sh.text(rx, ry + 1, enclosed, size - 0.2, bold=True, kind="label")
    sh.hline(vx, ctx.right, ry + 1.8, 0.5)
    sh.text(vx, ry + 1.8 + step, w_("enter"), size - 2, max_w=ctx.right - vx)
    return slip_top + slip_h


def _conversion(ctx: Ctx) -> tuple[str, str, str] | None:
    """The currency conversion to the organisation's base currency: the rate line, the base currency and the
    total in it; None where the invoice is in the base currency or the seller's country has no rate here."""
    s, rng = ctx.s, ctx.rng
    if s.seller.country == "BE":
        if s.currency == "EUR":
            return None
        rate = _significant(1 / rng.uniform(1.03, 1.17))  # euros per dollar
        home = quantize(s.total_amount * rate, 2)
        return f"1 {s.currency} = {_rate_text(ctx, rate)} EUR", "EUR", ctx.num(home, 2)
    if s.seller.country not in HOME_CURRENCY:
        return None
    code, _, ranges, _ = HOME_CURRENCY[s.seller.country]
    low, high = ranges[s.currency]
    rate = _significant(low if low == high else rng.uniform(low, high))
    places = 0 if code in ("VND", "IDR") else 2
    home = quantize(s.total_amount * rate, places)
    return f"1 {s.currency} = {_rate_text(ctx, rate)} {code}", code, ctx.num(home, places)
