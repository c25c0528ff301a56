"""`erp_invoice`: the customer invoice as an open-source ERP prints it, after Odoo's invoice report (account module,
QWeb template `report_invoice_document`), the PDF small exporters send straight from their ERP.

What the printout carries, top to bottom, as the template lays it out:

* the company block at the top left (company name, street, city, country and its tax number), under the
  external layout's header rule; the customer's address block on the right with its 'Tax ID: ...' line;
* a big title 'Invoice INV/2025/00042' ('Factura', 'Facture', 'Fatura' as Odoo translates it into the customer's
  language), the number printed as it was posted;
* a row of small captioned cells without rules or boxes ('Invoice Date:', 'Due Date:', 'Source:' with the sales
  order, 'Customer Code:', 'Reference:' with the customer's order number, 'Incoterm:' with the code and the
  Incoterm location under it), wrapping onto a second row when there are more than four;
* the line table with light rules only (Description, Quantity with its unit of measure, Unit Price, Taxes,
  Amount); an exporter's line description holds the product's internal reference and sales description, the lot
  and, where the exporter keeps them on the product, the HS code and the country of origin;
* the totals block at the right ('Untaxed Amount' or 'Subtotal', the tax group of the 0 % export tax, 'Total');
* when lots are shown on invoices (sale_stock's 'Display Lots & Serial Numbers on Invoices'), a half-width table
  'Product / Quantity / SN/LN' under the totals;
* the fiscal position's note (the export exemption), the payment terms, the payment communication line ('Please
  use the following communication for your payment: ...' or 'Payment Communication: ... on this account: ...')
  and the terms-and-conditions note in which the exporter types the export details (net and gross weight,
  packages, country of origin, HS code, vessel and ports, producer);
* the layout's footer with the company's phone, e-mail and website.

Odoo prints the invoice in the customer's language (English, Spanish, French, Portuguese here) with that language's
number and date format. Every value a field records is drawn with kind="value"; wording, spacing and the place of
the HS code and origin vary per document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from samplegen.formatting import MONTHS_EN, MONTHS_ES, MONTHS_FR, country_name
from samplegen.layouts.common import Ctx
from samplegen.layouts.invoice_forms import COUNTRIES_FR, description_fr, packages_fr

MONTHS_PT = (
    "janeiro", "fevereiro", "março", "abril", "maio", "junho",
    "julho", "agosto", "setembro", "outubro", "novembro", "dezembro",
)  # fmt: skip
COUNTRIES_PT = {
    "TH": "Tailândia", "MX": "México", "BE": "Bélgica", "OM": "Omã", "TJ": "Tajiquistão", "MY": "Malásia",
    "ID": "Indonésia", "CA": "Canadá", "US": "Estados Unidos", "VN": "Vietnã", "PH": "Filipinas",
    "DE": "Alemanha", "NL": "Países Baixos", "JP": "Japão", "LV": "Letônia", "CN": "China", "BO": "Bolívia",
    "BR": "Brasil",
}  # fmt: skip

# The report's captions as Odoo's translations print them (several where versions differ).
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("Invoice",),
        "invoice_date": ("Invoice Date:",),
        "due_date": ("Due Date:",),
        "delivery_date": ("Delivery Date:",),
        "source": ("Source:",),
        "customer_code": ("Customer Code:",),
        "reference": ("Reference:",),
        "incoterm": ("Incoterm:",),
        "description": ("Description",),
        "quantity": ("Quantity",),
        "unit_price": ("Unit Price",),
        "taxes": ("Taxes",),
        "amount": ("Amount",),
        "untaxed": ("Untaxed Amount", "Subtotal"),
        "total": ("Total",),
        "product": ("Product",),
        "snln": ("SN/LN",),
        "communication_old": ("Please use the following communication for your payment :",),
        "communication": ("Payment Communication:",),
        "on_account": ("on this account:",),
        "terms": ("Payment terms: {n} Days", "{n} Days", "Payment within {n} calendar days"),
        "tax_name": ("0% EXP", "Exempt", "0% Export", "Zero rated"),
        "tax_group": ("Tax 0%", "VAT 0%", "Exempt", "0%"),
        "fiscal": (
            "Export of goods outside the customs territory: zero-rated supply.",
            "Exempt from VAT - export of goods.",
            "Zero-rated export sale.",
        ),
        "hs": ("HS Code", "HS code", "H.S. Code"),
        "origin": ("Country of Origin", "Origin", "Country of origin"),
        "lot": ("Lot", "Lot No."),
        "net": ("Net weight", "Total net weight", "Net Weight"),
        "gross": ("Gross weight", "Total gross weight", "Gross Weight"),
        "packages": ("Packages", "Packing"),
        "shipment": ("Shipment", "Shipped per"),
        "from_to": ("from {a} to {b}",),
        "producer": ("Producer", "Manufacturer"),
        "page": ("Page: {n} / {t}",),
    },
    "es": {
        "title": ("Factura",),
        "invoice_date": ("Fecha de factura:",),
        "due_date": ("Fecha de vencimiento:",),
        "delivery_date": ("Fecha de entrega:",),
        "source": ("Origen:",),
        "customer_code": ("Código de cliente:",),
        "reference": ("Referencia:",),
        "incoterm": ("Incoterm:",),
        "description": ("Descripción",),
        "quantity": ("Cantidad",),
        "unit_price": ("Precio unitario",),
        "taxes": ("Impuestos",),
        "amount": ("Importe",),
        "untaxed": ("Base imponible", "Importe sin impuestos", "Subtotal"),
        "total": ("Total",),
        "product": ("Producto",),
        "snln": ("NS/NL", "SN/LN"),
        "communication_old": ("Por favor, utilice la siguiente comunicación para su pago:",),
        "communication": ("Comunicación del pago:", "Referencia de pago:"),
        "on_account": ("en esta cuenta:",),
        "terms": ("Términos de pago: {n} días", "{n} días", "Pago a {n} días"),
        "tax_name": ("IVA 0% Exportación", "Exento", "0% EXP"),
        "tax_group": ("IVA 0%", "Exento", "0%"),
        "fiscal": (
            "Exportación definitiva de mercancías: operación exenta / tasa 0%.",
            "Operación exenta de IVA por exportación de bienes.",
        ),
        "hs": ("Fracción arancelaria", "Código SA", "Partida arancelaria"),
        "origin": ("País de origen", "Origen"),
        "lot": ("Lote",),
        "net": ("Peso neto", "Peso neto total"),
        "gross": ("Peso bruto", "Peso bruto total"),
        "packages": ("Bultos", "Embalaje"),
        "shipment": ("Embarque", "Transporte"),
        "from_to": ("de {a} a {b}",),
        "producer": ("Productor", "Fabricante"),
        "page": ("Página: {n} / {t}",),
    },
    "fr": {
        "title": ("Facture",),
        "invoice_date": ("Date de facturation :", "Date de facture :"),
        "due_date": ("Date d'échéance :",),
        "delivery_date": ("Date de livraison :",),
        "source": ("Origine :", "Source :"),
        "customer_code": ("Code client :",),
        "reference": ("Référence :",),
        "incoterm": ("Incoterm :",),
        "description": ("Description", "Désignation"),
        "quantity": ("Quantité",),
        "unit_price": ("Prix unitaire",),
        "taxes": ("Taxes", "TVA"),
        "amount": ("Montant",),
        "untaxed": ("Montant HT", "Montant hors taxes", "Sous-total"),
        "total": ("Total",),
        "product": ("Produit",),
        "snln": ("NS/NL", "SN/LN"),
        "communication_old": ("Merci d'utiliser la communication suivante pour votre paiement :",),
        "communication": ("Communication de paiement :",),
        "on_account": ("sur ce compte :",),
        "terms": ("Conditions de paiement : {n} jours", "{n} jours", "Paiement à {n} jours"),
        "tax_name": ("0% EXP", "Exonéré", "TVA 0% export"),
        "tax_group": ("TVA 0%", "Exonéré", "0%"),
        "fiscal": (
            "Exonération de TVA - livraison de biens à l'exportation.",
            "Exportation hors UE : TVA non applicable.",
        ),
        "hs": ("Code SH", "Nomenclature douanière", "Code douanier"),
        "origin": ("Pays d'origine", "Origine"),
        "lot": ("Lot",),
        "net": ("Poids net", "Poids net total"),
        "gross": ("Poids brut", "Poids brut total"),
        "packages": ("Colis", "Emballage"),
        "shipment": ("Expédition", "Transport"),
        "from_to": ("de {a} à {b}",),
        "producer": ("Producteur", "Fabricant"),
        "page": ("Page : {n} / {t}",),
    },
    "pt": {
        "title": ("Fatura",),
        "invoice_date": ("Data da Fatura:", "Data da fatura:"),
        "due_date": ("Data de Vencimento:", "Data de vencimento:"),
        "delivery_date": ("Data de Entrega:",),
        "source": ("Origem:",),
        "customer_code": ("Código do Cliente:",),
        "reference": ("Referência:",),
        "incoterm": ("Incoterm:",),
        "description": ("Descrição",),
        "quantity": ("Quantidade",),
        "unit_price": ("Preço Unitário", "Preço unitário"),
        "taxes": ("Impostos",),
        "amount": ("Valor", "Subtotal"),
        "untaxed": ("Valor sem impostos", "Subtotal"),
        "total": ("Total",),
        "product": ("Produto",),
        "snln": ("NS/NL", "SN/LN"),
        "communication_old": ("Por favor, use a seguinte comunicação para o seu pagamento:",),
        "communication": ("Comunicação de pagamento:", "Referência de pagamento:"),
        "on_account": ("nesta conta:",),
        "terms": ("Condições de pagamento: {n} dias", "{n} dias", "Pagamento em {n} dias"),
        "tax_name": ("Isento", "0% Exportação", "0% EXP"),
        "tax_group": ("Isento", "Imposto 0%", "0%"),
        "fiscal": (
            "Exportação de mercadorias: operação isenta de imposto.",
            "Isento - exportação de bens.",
        ),
        "hs": ("Código SH", "NCM/SH", "Classificação fiscal"),
        "origin": ("País de origem", "Origem"),
        "lot": ("Lote",),
        "net": ("Peso líquido", "Peso líquido total"),
        "gross": ("Peso bruto", "Peso bruto total"),
        "packages": ("Volumes", "Embalagem"),
        "shipment": ("Embarque", "Transporte"),
        "from_to": ("de {a} para {b}",),
        "producer": ("Produtor", "Fabricante"),
        "page": ("Página: {n} / {t}",),
    },
}

# The tax number's label Odoo takes from the company's fiscal country (`vat_label`).
VAT_LABELS = {"BE": "VAT", "MX": "RFC", "BO": "NIT", "TH": "Tax ID", "ID": "NPWP", "VN": "MST", "MY": "SST"}
MUTED = 0.32  # the grey of Bootstrap's text-muted, in which Odoo prints the terms and conditions


_Row = tuple[list[list[tuple[str, str | None]]], str, Decimal]


@dataclass
class _Doc:
    """The choices one printout makes: its language and where it carries the export details."""

    lang: str
    words: dict[str, tuple[str, ...]]
    uom: str  # "t" | "kg"
    hs_in_line: bool
    origin_in_line: bool
    lots_table: bool  # sale_stock's SN/LN table instead of one line per lot
    month_first: bool  # en_US dates (month/day/year) rather than en_GB
    colons: bool  # 'Invoice Date:' or 'Invoice Date' over the cells
    numeric_dates: bool = False  # day/month numbers only where no day printed can be read as a month


CELL_CAPTIONS = frozenset(
    {"invoice_date", "due_date", "delivery_date", "source", "customer_code", "reference", "incoterm"}
)


def _w(ctx: Ctx, doc: _Doc, key: str) -> str:
    word = str(ctx.pick(doc.words[key]))
    if key in CELL_CAPTIONS and not doc.colons:  # later versions print the cell captions without the colon
        word = word.rstrip(" :")
    return word


def _language(ctx: Ctx) -> str:
    """Odoo prints the invoice in the customer's language; that language brings its number format, so a French or
    Portuguese printout is one with decimal commas."""
    if ctx.lang in ("fr", "pt"):
        return ctx.lang
    if ctx.lang == "es":
        return "es"
    if ctx.st.conv == "comma":
        return str(ctx.pick(("fr", "fr", "pt", "en")))
    return "en"


def _day(ctx: Ctx, doc: _Doc, d: date, field: str | None = None) -> str:
    """A date in the language's format: numeric (month first in en_US) where no day on the page can be read as a
    month, otherwise written out or ISO, as a database whose language format was changed prints it."""
    if field:
        ctx.set(field, d.isoformat())
    style = ctx.st.date_style
    if style == "iso":
        return d.isoformat()
    if style in ("dmy", "dmy_dot") and doc.numeric_dates:
        if doc.lang == "en" and doc.month_first:
            return f"{d.month:02d}/{d.day:02d}/{d.year}"  # en_US, Odoo's English
        sep = "." if style == "dmy_dot" and doc.lang == "fr" else "/"
        return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"
    if doc.lang == "es":
        return f"{d.day:02d} de {MONTHS_ES[d.month - 1]} de {d.year}"
    if doc.lang == "fr":
        return f"{d.day:02d} {MONTHS_FR[d.month - 1]} {d.year}"
    if doc.lang == "pt":
        return f"{d.day:02d} de {MONTHS_PT[d.month - 1]} de {d.year}"
    month = MONTHS_EN[d.month - 1]
    return f"{month[:3] if style == 'short_en' else month} {d.day:02d}, {d.year}"


def _country(ctx: Ctx, doc: _Doc, code: str, field: str | None = None) -> str:
    if field:
        ctx.set(field, code)
    if doc.lang == "fr":
        return COUNTRIES_FR[code]
    if doc.lang == "pt":
        return COUNTRIES_PT[code]
    return country_name(code, doc.lang)


def _description(ctx: Ctx, doc: _Doc) -> str:
    s = ctx.s
    if doc.lang == "fr":
        return description_fr(ctx)
    if doc.lang == "pt":
        if s.product == "ingot":
            return f"Lingotes de antimônio metálico, Sb {s.grade_pct}% mín., em bruto"
        return f"Trióxido de antimônio Sb2O3 {s.grade_pct}% mín., grau retardante de chama"
    return s.description(doc.lang)


def _packages(ctx: Ctx, doc: _Doc, n: int) -> str:
    if doc.lang == "fr":
        return packages_fr(ctx, n)
    if doc.lang == "pt":
        word = ("amarrado", "amarrados") if ctx.s.product == "ingot" else ("palete", "paletes")
        return f"{n} {word[n != 1]}"
    return f"{n} {ctx.s.package_word(doc.lang, n != 1)}"


def _money_parts(ctx: Ctx, amount: Decimal) -> tuple[str, str, str]:
    """The monetary widget's output as its parts: symbol or code before, the figure, symbol or code after (Odoo
    puts the euro sign after the figure, the dollar sign before it)."""
    figure = ctx.num(amount, 2)
    cur = ctx.s.currency
    style = ctx.st.money_style
    if style == "code_after":
        return "", figure, f" {cur}"
    if style == "symbol":
        return ("", figure, " €") if cur == "EUR" else ("US$ ", figure, "")
    return f"{cur} ", figure, ""


def _money(ctx: Ctx, amount: Decimal) -> str:
    return "".join(_money_parts(ctx, amount))


def _product_ref(ctx: Ctx) -> str:
    s = ctx.s
    grade = str(s.grade_pct).replace(".", "")
    return (
        str(ctx.pick((f"[SB-{grade}]", f"[SBI-{grade}]", "[SB-ING]")))
        if s.product == "ingot"
        else str(ctx.pick((f"[ATO-{grade}]", "[SB2O3-FR]", f"[ATO{grade}]")))
    )


def _qty(ctx: Ctx, doc: _Doc, kg: Decimal) -> str:
    if doc.uom == "t":
        return f"{ctx.num(kg / 1000, 3)} t"
    return f"{ctx.num(kg, 2)} kg"


def _unit_price(ctx: Ctx, doc: _Doc) -> str:
    price = ctx.s.unit_price if doc.uom == "t" else ctx.s.unit_price / 1000
    return ctx.num(price, 2)


def _header_band(ctx: Ctx, top: float) -> float:
    """The external layout's header: the company's name set as its logo at the left, the tagline at the right,
    a rule under both. Returns the y under the rule."""
    s, sh = ctx.s, ctx.sheet
    words = s.seller.name.replace(",", "").split()
    short = " ".join(words[:2]) if len(words) > 2 else s.seller.name
    sh.text(ctx.left, top + 6, short.upper(), ctx.jitter(13, 1), bold=True, max_w=ctx.width * 0.5)
    tagline = "Antimony metal & oxides" if s.product == "ingot" else "Antimony trioxide - flame retardants"
    sh.text(ctx.right, top + 6, tagline, 7.6, align="right", max_w=ctx.width * 0.4)
    sh.hline(ctx.left, ctx.right, top + 9, 0.5)
    return top + 9


def _lines_header(ctx: Ctx, cols: list[tuple[str, float, str]], y: float, size: float) -> float:
    sh = ctx.sheet
    x = ctx.left
    for title, width, align in cols:
        tx = x + 1.2 if align == "left" else x + width - 1.2
        sh.text(tx, y + 4, title, size, bold=True, kind="label", align=align, max_w=width - 2.4)
        x += width
    sh.hline(ctx.left, ctx.right, y + 6, 0.8)
    return y + 6


def _light_rule(ctx: Ctx, x1: float, x2: float, y: float) -> None:
    c = ctx.sheet.canvas
    c.setStrokeGray(0.65)
    ctx.sheet.hline(x1, x2, y, 0.25)
    c.setStrokeGray(0)


def _muted(ctx: Ctx, on: bool) -> None:
    ctx.sheet.canvas.setFillGray(MUTED if on else 0)


def erp_invoice(ctx: Ctx) -> None:
    """An Odoo customer invoice printout: company and customer address blocks, 'Invoice <number>' as the title, the
    row of captioned cells, the light-ruled line table, the totals at the right, lots, notes and the payment
    communication."""
    s, sh = ctx.s, ctx.sheet
    lang = _language(ctx)
    integer_lots = all(lot.net_kg == lot.net_kg.to_integral_value() for lot in s.lots)
    doc = _Doc(
        lang=lang,
        words=WORDS[lang],
        uom=str(ctx.pick(("t", "t", "kg"))) if integer_lots else "kg",
        hs_in_line=ctx.rng.random() < 0.55,
        origin_in_line=ctx.rng.random() < 0.45,
        # one invoice line with the lots listed under the totals needs whole kilograms (no rounding per lot)
        lots_table=integer_lots and ctx.rng.random() < 0.4,
        month_first=ctx.rng.random() < 0.7,
        colons=ctx.rng.random() < 0.7,
    )
    x, w = ctx.left, ctx.width
    many = len(s.lots) >= 4
    stated = "omit_origin" not in ctx.st.flags
    # ----- header band and the two address blocks -----
    y = _header_band(ctx, ctx.jitter(8, 1.5))
    step = ctx.jitter(3.9, 0.2)
    cy = y + ctx.jitter(5.5, 0.8)
    ctx.set("seller_name", s.seller.name)
    sh.text(x, cy, s.seller.name, 8.8, bold=ctx.rng.random() < 0.5, kind="value", field="seller_name",
            max_w=w * 0.48)  # fmt: skip
    company = [*s.seller.lines, _country(ctx, doc, s.seller.country)]
    if ctx.rng.random() < 0.7:
        company.append(s.seller.tax_id)
    cy = sh.lines(x, cy + step, company, 8.2, kind="static", step=step, max_w=w * 0.48)
    bx = x + w * ctx.jitter(0.55, 0.02)
    by = y + ctx.jitter(14, 2)
    ctx.set("buyer_name", s.buyer.name)
    sh.text(bx, by, s.buyer.name, 9, kind="value", field="buyer_name", max_w=ctx.right - bx)
    customer = [*s.buyer.lines, _country(ctx, doc, s.buyer.country)]
    by = sh.lines(bx, by + step + 0.3, customer, 8.6, kind="static", step=step + 0.3, max_w=ctx.right - bx)
    if s.buyer.tax_id:
        label = VAT_LABELS.get(s.seller.country, "Tax ID")
        number = s.buyer.tax_id.split(maxsplit=1)[-1]
        sh.text(bx, by + 1.5, f"{label}: {number}", 8.3, max_w=ctx.right - bx)
        by += 1.5 + step
    # ----- the title: 'Invoice' and the posted number -----
    y = max(cy, by) + ctx.jitter(9, 1.5) - (2 if many else 0)
    ctx.set("invoice_number", s.invoice_no)
    title_size = ctx.jitter(17, 1.2)
    word = _w(ctx, doc, "title")
    bold_title = ctx.rng.random() < 0.3
    tw = sh.text(x, y, word, title_size, bold=bold_title)
    sh.text(x + tw + sh.text_width(" ", title_size), y, s.invoice_no, title_size, bold=bold_title, kind="value",
            field="invoice_number", max_w=w - tw - 4)  # fmt: skip
    # ----- the information cells: caption above value, no rules -----
    term_days = int(ctx.pick((30, 30, 45, 60, 15)))
    due = s.invoice_date + timedelta(days=term_days)
    doc.numeric_dates = all(d.day > 12 for d in (s.invoice_date, due, s.departure_date))
    so = f"S{ctx.rng.randrange(100, 99999):05d}"
    code, _, place = s.incoterm.partition(" ")
    cells: list[tuple[str, list[str], str | None]] = [
        (_w(ctx, doc, "invoice_date"), [_day(ctx, doc, s.invoice_date, "invoice_date")], "invoice_date"),
        (_w(ctx, doc, "due_date"), [_day(ctx, doc, due)], None),
    ]
    if ctx.rng.random() < 0.25:
        cells.append((_w(ctx, doc, "delivery_date"), [_day(ctx, doc, s.departure_date)], None))
    cells.append((_w(ctx, doc, "source"), [so], None))
    if ctx.rng.random() < 0.5:
        cells.append((_w(ctx, doc, "customer_code"), [f"C{ctx.rng.randrange(1000, 9999)}"], None))
    if s.buyer_po and ctx.rng.random() < 0.7:
        cells.append((_w(ctx, doc, "reference"), [s.buyer_po], None))
    cells.append((_w(ctx, doc, "incoterm"), [code, place] if place and ctx.rng.random() < 0.7 else [code], None))
    fixed_cols = ctx.rng.random() < 0.5  # col-3 cells (four to a row) or col-auto cells side by side
    cap = ctx.jitter(8.3, 0.3)
    y += ctx.jitter(8, 1)
    cx = x
    row_h = 0.0
    gap = ctx.jitter(9, 2)
    for caption, values, field in cells:
        cw = (
            w / 4
            if fixed_cols
            else max(sh.text_width(caption, cap, True), *(sh.text_width(v, 8.6) for v in values)) + gap
        )
        if cx + cw > ctx.right + 0.5:
            cx = x
            y += row_h + 3
            row_h = 0.0
        sh.text(cx, y, caption, cap, bold=True, kind="label", max_w=cw - 2)
        vy = y + 4.2
        for i, value in enumerate(values):
            sh.text(cx, vy, value, 8.6, kind="value" if field and i == 0 else "static", field=field if i == 0 else None,
                    max_w=cw - 2)  # fmt: skip
            vy += 3.8
        row_h = max(row_h, vy - y)
        cx += cw
    y += row_h + ctx.jitter(4, 1) - (1.5 if many else 0)
    # ----- the line table -----
    size = ctx.jitter(8.4, 0.2) - (0.4 if many else 0)
    line_step = size * 0.45
    tax_name = _w(ctx, doc, "tax_name")
    shares = [0.46, 0.15, 0.12, 0.1, 0.17]
    cols = [
        (_w(ctx, doc, "description"), w * shares[0], "left"),
        (_w(ctx, doc, "quantity"), w * shares[1], "right"),
        (_w(ctx, doc, "unit_price"), w * shares[2], "right"),
        (_w(ctx, doc, "taxes"), w * shares[3], "right"),
        (_w(ctx, doc, "amount"), w * shares[4], "right"),
    ]
    hs = ctx.hs()
    hs_label = _w(ctx, doc, "hs")
    origin_label = _w(ctx, doc, "origin")
    origin_name = _country(ctx, doc, s.declared, "country_of_origin" if stated else None)
    lot_word = _w(ctx, doc, "lot")
    ref = _product_ref(ctx)
    colon = " :" if lang == "fr" else ":"
    one_line = many or ctx.rng.random() < 0.5
    groups = [s.lots] if doc.lots_table else [[lot] for lot in s.lots]
    desc_w = cols[0][1] - 2.4

    def build(one_line: bool, hs_line: bool, origin_line: bool) -> list[_Row]:
        """Each row: the description's lines (one or more (text, field) segments a line), quantity, amount."""
        rows: list[_Row] = []
        for i, group in enumerate(groups):
            kg = sum((lot.net_kg for lot in group), Decimal(0))
            text: list[list[tuple[str, str | None]]] = [[(f"{ref} {_description(ctx, doc)}", None)]]
            if not doc.lots_table:
                lot = group[0]
                text.append([(f"{lot_word} {lot.number} - {_packages(ctx, doc, lot.packages)}", None)])
            customs: list[tuple[str, str | None]] = []
            if hs_line:
                customs.append((f"{hs_label}{colon} {hs}", "hs_code" if i == 0 else None))
            if origin_line and stated:
                customs.append((f"{origin_label}{colon} {origin_name}", "country_of_origin" if i == 0 else None))
            # the sales description keeps the HS code and origin on one line, or one under the other
            joined = " - ".join(part for part, _ in customs)
            if len(customs) > 1 and one_line and sh.text_width(joined, size) <= desc_w:
                text.append(customs)
            else:
                text += [[part] for part in customs]
            if i == 0 and "description" in s.china_text:
                text.append([(s.china_text["description"], None)])
            amount = s.total_amount if doc.lots_table else s.line_amount(group[0])
            rows.append((text, _qty(ctx, doc, kg), amount))
        return rows

    def height(rows: list[_Row]) -> float:
        """The table's height and what follows it down to the last note, as drawn below."""
        total = 6.0
        for text, _, _ in rows:
            n = sum(1 if len(seg) > 1 else sum(len(sh.wrap(p, desc_w, size)) for p, _ in seg) for seg in text)
            n = max(n, len(sh.wrap(tax_name, cols[3][1] - 2.4, size)))
            total += 4.0 + n * line_step
        lots = 10.2 + 5.6 * len(s.lots) if doc.lots_table else 0.0
        return total + 3 * 5.4 + 11 + lots + 22 + 15

    # an exporter whose lines run long keeps the customs particulars on one line, then moves them to the note
    options = [
        (one_line, doc.hs_in_line, doc.origin_in_line),
        (True, doc.hs_in_line, doc.origin_in_line),
        (True, doc.hs_in_line, False),
        (True, False, False),
    ]
    for choice in options:
        rows = build(*choice)
        if ctx.st.pages > 1 or y + height(rows) <= sh.height - 21.5:
            break
    _, doc.hs_in_line, doc.origin_in_line = choice
    pages = ctx.st.pages
    break_at = (len(rows) + 1) // 2 if pages > 1 and len(rows) > 1 else None
    y = _lines_header(ctx, cols, y, size)
    for r, (text, qty, amount) in enumerate(rows):
        if break_at is not None and r == break_at:
            _footer(ctx, doc)
            sh.new_page()
            y = _header_band(ctx, 8) + 6
            sh.text(x, y, f"{word} {s.invoice_no}", 10, bold=True)
            y = _lines_header(ctx, cols, y + 2, size)
        ty = y + line_step + 1.6
        top = ty
        for segments in text:
            joined = " - ".join(part for part, _ in segments)
            if len(segments) > 1 and sh.text_width(joined, size) <= desc_w:
                sx = x + 1.2
                for k, (part, field) in enumerate(segments):
                    if k:
                        sx += sh.text(sx, ty, "-", size) + sh.text_width(" ", size)
                    sx += sh.text(sx, ty, part, size, kind="value" if field else "static", field=field)
                    sx += sh.text_width(" ", size)
                ty += line_step
                continue
            for part_text, field in segments:
                for j, part in enumerate(sh.wrap(part_text, desc_w, size)):
                    sh.text(x + 1.2, ty, part, size, kind="value" if field and j == 0 else "static",
                            field=field if j == 0 else None)  # fmt: skip
                    ty += line_step
        cx = x + cols[0][1]
        values = [qty, _unit_price(ctx, doc), tax_name, _money(ctx, amount)]
        for (_, width, _), value in zip(cols[1:], values, strict=True):
            # a figure stays on one line (text-nowrap); a long tax label wraps in its cell
            parts = [value] if any(ch.isdigit() for ch in value[:3]) else sh.wrap(value, width - 2.4, size)
            vy = top
            for part in parts:
                sh.text(cx + width - 1.2, vy, part, size, align="right", max_w=width - 2.4)
                vy += line_step
            ty = max(ty, vy)
            cx += width
        y = ty - line_step + 2.4
        _light_rule(ctx, x, ctx.right, y)
    # ----- totals at the right -----
    tw_ = w * ctx.jitter(0.42, 0.03)
    tx = ctx.right - tw_
    y += ctx.jitter(4, 1)
    total_step = 5.4 if not many else 4.9
    sh.hline(tx, ctx.right, y, 0.6)
    y += total_step - 0.8
    zero = Decimal(0)
    sh.text(tx + 1, y, _w(ctx, doc, "untaxed"), 8.6, bold=True, kind="label", max_w=tw_ * 0.5)
    sh.text(ctx.right - 1, y, _money(ctx, s.total_amount), 8.6, align="right")
    y += 1.8
    _light_rule(ctx, tx, ctx.right, y)
    y += total_step - 1.8
    sh.text(tx + 1, y, _w(ctx, doc, "tax_group"), 8.6, kind="label", max_w=tw_ * 0.5)
    sh.text(ctx.right - 1, y, _money(ctx, zero), 8.6, align="right")
    y += 1.8
    sh.hline(tx, ctx.right, y, 0.6)
    y += total_step - 1.4
    sh.text(tx + 1, y, _w(ctx, doc, "total"), 9.2, bold=True, kind="label")
    ctx.set("total_amount", float(s.total_amount))
    ctx.set("currency", s.currency)
    before, figure, after = _money_parts(ctx, s.total_amount)
    rx = ctx.right - 1
    if after:
        rx -= sh.text(rx, y, after.strip(), 9.2, bold=True, kind="value", field="currency", align="right")
        rx -= sh.text_width(" ", 9.2, True)
    rx -= sh.text(rx, y, figure, 9.2, bold=True, kind="value", field="total_amount", align="right")
    if before:
        rx -= sh.text_width(" ", 9.2, True)
        sh.text(rx, y, before.strip(), 9.2, bold=True, kind="value", field="currency", align="right")
    y += ctx.jitter(6, 1) - (1 if many else 0)
    # ----- the lots under the totals (sale_stock's SN/LN table, half the width) -----
    if doc.lots_table:
        half = w * 0.5
        lcols = [(_w(ctx, doc, "product"), half * 0.46, "left"), (_w(ctx, doc, "quantity"), half * 0.24, "right"),
                 (_w(ctx, doc, "snln"), half * 0.3, "right")]  # fmt: skip
        lx = x
        for title, width, align in lcols:
            sh.text(lx + 1 if align == "left" else lx + width - 1, y + 3.5, title, 8, bold=True, kind="label",
                    align=align, max_w=width - 2)  # fmt: skip
            lx += width
        sh.hline(x, x + half, y + 5.2, 0.6)
        y += 5.2
        short = ref + " " + (_description(ctx, doc).split(",")[0])
        for lot in s.lots:
            y += 4.2
            lx = x
            bottom = y
            for (_, width, align), value in zip(lcols, [short, _qty(ctx, doc, lot.net_kg), lot.number], strict=True):
                vy = y
                parts = sh.wrap(value, width - 2, 7.8) if align == "left" else [value]
                for part in parts:
                    sh.text(lx + 1 if align == "left" else lx + width - 1, vy, part, 7.8, align=align, max_w=width - 2)
                    vy += 3.3
                bottom = max(bottom, vy - 3.3)
                lx += width
            y = bottom + 1.4
            _light_rule(ctx, x, x + half, y)
        y += ctx.jitter(5, 1)
    # ----- notes: fiscal position, payment terms, payment communication -----
    y += 1
    note = 8.2
    sh.text(x, y, _w(ctx, doc, "fiscal"), note, max_w=w)
    y += 4.6
    sh.text(x, y, _w(ctx, doc, "terms").format(n=term_days), note, max_w=w)
    y += 5.2
    modern = ctx.rng.random() < 0.6
    caption = _w(ctx, doc, "communication" if modern else "communication_old")
    cw = sh.text(x, y, caption, note, kind="label")
    sh.text(x + cw + 1.5, y, s.invoice_no, note, bold=True)
    if modern and ctx.rng.random() < 0.7:
        y += 4
        iban = _iban(ctx)
        aw = sh.text(x, y, _w(ctx, doc, "on_account"), note, kind="label")
        sh.text(x + aw + 1.5, y, iban, note, bold=True, max_w=w - aw - 2)
    y += ctx.jitter(6.5, 1) - (1 if many else 0)
    # ----- the terms-and-conditions note carrying the export details -----
    _muted(ctx, True)
    details: list[tuple[str, str, str | None]] = []
    unit = str(ctx.pick({"en": ("kg", "KGS", "MT"), "es": ("kg", "TM"), "fr": ("kg", "t"), "pt": ("kg", "t")}[lang]))
    net = ctx.weight_as(s.net_kg, unit, "net_weight_kg")
    gross = ctx.weight_as(s.gross_kg, unit)
    if stated and not doc.origin_in_line:
        details.append((origin_label, origin_name, "country_of_origin"))
    if not doc.hs_in_line:
        details.append((hs_label, hs, "hs_code"))
    details.append((_w(ctx, doc, "net"), net, "net_weight_kg"))
    details.append((_w(ctx, doc, "gross"), gross, None))
    details.append((_w(ctx, doc, "packages"), _packages(ctx, doc, s.packages), None))
    route = _w(ctx, doc, "from_to").format(a=s.place_loading, b=s.place_discharge)
    details.append((_w(ctx, doc, "shipment"), f"{s.vessel}, {route}", None))
    if "smelter" in ctx.st.flags:
        details.append((_w(ctx, doc, "producer"), s.smelter.printed, None))
    room = sh.height - 21.5 - y  # above the layout's footer
    if ctx.rng.random() < 0.5 or room < 3.9 * len(details):
        # typed as one paragraph: 'Net weight: ... - Gross weight: ... - ...', wrapped at the page width
        y = _details_paragraph(ctx, details, x, y, w, note - 0.3, colon)
    else:
        lw = max(sh.text_width(f"{label}{colon}", note - 0.3) for label, _, _ in details) + 2.5
        for label, value, field in details:
            sh.text(x, y, f"{label}{colon}", note - 0.3, kind="label")
            sh.text(x + lw, y, value, note - 0.3, kind="value" if field else "static", field=field, max_w=w - lw)
            y += 3.9
    _muted(ctx, False)
    _footer(ctx, doc)


def _details_paragraph(
    ctx: Ctx, details: list[tuple[str, str, str | None]], x: float, y: float, w: float, size: float, colon: str
) -> float:
    """The export details as one run-on note; each 'label: value' pair stays whole, pairs wrap between them."""
    sh = ctx.sheet
    sep = "  -  "
    cx = x
    step = size * 0.44
    for i, (label, value, field) in enumerate(details):
        head = f"{label}{colon} "
        need = sh.text_width(head, size) + sh.text_width(value, size) + (sh.text_width(sep, size) if i else 0)
        if i and cx + need > x + w:
            cx = x
            y += step
        elif i:
            cx += sh.text_width("  ", size)
            cx += sh.text(cx, y, sep.strip(), size) + sh.text_width("  ", size)
        cx += sh.text(cx, y, head.strip(), size, kind="label") + sh.text_width(" ", size)
        cx += sh.text(cx, y, value, size, kind="value" if field else "static", field=field, max_w=x + w - cx)
    return y + step


def _iban(ctx: Ctx) -> str:
    """The company's bank account as Odoo's res.partner.bank prints it."""
    country = ctx.s.seller.country
    digits = "".join(str(ctx.rng.randrange(10)) for _ in range(16))
    if country == "BE":
        return f"BE{digits[:2]} {digits[2:6]} {digits[6:10]} {digits[10:14]}"
    if country == "MX":
        return f"CLABE {digits[:3]} {digits[3:6]} {digits}"[:28]
    return f"{digits[:3]}-{digits[3:4]}-{digits[4:9]}-{digits[9:10]}"


def _footer(ctx: Ctx, doc: _Doc) -> None:
    """The external layout's footer: a rule, the company's phone, e-mail and website, and the page counter."""
    s, sh = ctx.s, ctx.sheet
    y = sh.height - 18.5
    sh.hline(ctx.left, ctx.right, y, 0.4)
    site = "www." + s.seller.email.split("@")[-1]
    sh.text(sh.width / 2, y + 3.8, f"{s.seller.phone}  |  {s.seller.email}  |  {site}", 7.2, align="center",
            max_w=ctx.width)  # fmt: skip
    if ctx.st.pages == 1:
        sh.text(sh.width / 2, y + 7.3, _w(ctx, doc, "page").format(n=1, t=1), 7, align="center")
