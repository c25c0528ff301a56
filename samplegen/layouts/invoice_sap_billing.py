"""`sap_billing`: an export invoice as an ERP prints its billing document, in the manner of SAP SD's invoice output
(the SAPscript form RVINVOICE01 printed by RVADIN01, or the Smart Form LB_BIL_INVOICE), added after the extractors
were built (no extractor was changed for it).

What the printout carries, top to bottom:

* the company's letterhead, a one-line sender address over the sold-to party's address (the envelope window), the
  country in capitals as foreign addresses are printed;
* the header data as many small captioned fields in two or three blocks: the billing document's number and billing
  date (one field 'Number/Date' or two), the customer number, the customer's purchase order number and date, the
  seller's sales order and outbound delivery with its date, the contact person; the Incoterms (code and place, the
  two parts of the field), the terms of payment as their key's text and the document currency. The blocks stand in
  an information column beside the address, as boxes side by side under the title, or split between the two;
* the sold-to and ship-to parties side by side where the form prints both;
* the items numbered 10, 20, 30 with the material number, the short text, the batch (the lot), the billed quantity
  in the sales unit (KG, or TO where the lots weigh whole kilograms), the net price per pricing unit ('48,500.00 /
  1 TO', '4,850.00 / 100 KG') and the item's net value; the batch in a column of its own or on a second line;
* the condition lines under the items, as the pricing procedure prints them: the items' total, a discount per
  tonne, freight and insurance under the terms that make the seller pay them, the net value, the output tax (0 %,
  an export) and the total amount, negative values with SAP's trailing minus on some forms;
* a footer text block with the export details (commodity code, country of origin, gross and net weight in KG, TO or
  LB, packages, vessel or vehicle and route, the producer where the exporter names it) and, at the foot of the
  page, the company's address, contacts, bank and registration in columns.

The item prices are those of the goods alone, so that items, discount, freight and insurance add up to the invoice
total exactly; a discount or freight rate is printed beside its amount only where the rate times the quantity is
that amount. Captions come in English, Spanish, French (a Belgian exporter) or Portuguese (a Brazilian buyer);
which optional fields and conditions appear, the arrangement and order of the blocks, the units, the date format and
the spacing vary per document. Every value a field records is drawn with kind="value".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from samplegen.formatting import WeightStyle, fmt_weight
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.invoice_spreadsheet import home_bank

CENT = Decimal("0.01")
# Terms under which the seller pays the main carriage, and those under which it also insures the goods.
FREIGHT_TERMS = ("CFR", "CIF", "CPT", "CIP", "DAP")
INSURANCE_TERMS = ("CIF", "CIP")

# The form's captions as the ERP's translations print them (several where installations word them differently).
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("Invoice", "INVOICE", "Export Invoice", "Commercial Invoice"),
        "number": ("Billing document", "Invoice number", "Invoice No."),
        "number_date": ("Number/Date", "Invoice No./Date"),
        "date": ("Billing date", "Invoice date", "Date"),
        "customer_no": ("Customer number", "Customer No.", "Your customer no."),
        "buyer_vat": ("Your VAT Reg. No.", "Customer tax ID"),
        "po": ("Your order", "Your PO number", "Purchase order no."),
        "po_date": ("Your order date", "PO date"),
        "order": ("Our order", "Sales order", "Order number"),
        "delivery": ("Delivery", "Outbound delivery", "Delivery note"),
        "delivery_date": ("Delivery date", "Goods issue date"),
        "contact": ("Contact person", "Your contact"),
        "phone": ("Telephone", "Tel."),
        "sold_to": ("Sold-to party", "Sold-to", "Customer"),
        "ship_to": ("Ship-to party", "Ship-to", "Delivery address"),
        "incoterms": ("Incoterms", "Terms of delivery", "Incoterms 2020"),
        "payment": ("Terms of payment", "Payment terms"),
        "currency": ("Currency", "Document currency"),
        "item": ("Item",),
        "material": ("Material", "Material No.", "Article"),
        "description": ("Description",),
        "batch": ("Batch", "Lot"),
        "quantity": ("Quantity", "Billed qty"),
        "price": ("Net price", "Price/unit", "Unit price"),
        "value": ("Net value", "Amount"),
        "items_total": ("Total of items", "Sum of items", "Total net value of items"),
        "discount": ("Discount", "Customer discount"),
        "freight": ("Freight", "Ocean freight"),
        "insurance": ("Insurance", "Cargo insurance"),
        "net": ("Net value", "Total net value"),
        "tax": ("Output tax {r} %", "VAT {r} %"),
        "tax_note": ("tax-exempt export delivery", "zero-rated export"),
        "total": ("Total amount", "Final amount", "Invoice total"),
        "export": ("Export details", "Foreign trade data", "Shipping particulars"),
        "hs": ("Commodity code", "HS code", "Customs tariff no."),
        "origin": ("Country of origin", "Origin"),
        "gross_wt": ("Gross weight", "Total gross weight"),
        "net_wt": ("Net weight", "Total net weight"),
        "packages": ("Packages", "Number of packages"),
        "transport": ("Means of transport", "Shipped per"),
        "route": ("Port of loading / discharge", "From / to"),
        "producer": ("Producer", "Manufacturer"),
        "page": ("Page {n} of {t}", "Page {n}/{t}"),
        "bank": ("Bank", "Bank details"),
        "retention": ("The goods remain our property until paid in full.",
                      "Please quote the invoice number with your payment."),
        "terms_net": ("Within {n} days due net", "{n} days net", "Payable within {n} days without deduction"),
        "terms_lc": ("Irrevocable L/C at sight", "Cash against documents"),
        "packages_word": ("bundles",),
    },
    "es": {
        "title": ("Factura", "FACTURA", "Factura de exportación", "Factura comercial"),
        "number": ("Documento de facturación", "Número de factura", "Factura N°"),
        "number_date": ("Número/Fecha", "Factura N°/Fecha"),
        "date": ("Fecha de factura", "Fecha de facturación", "Fecha"),
        "customer_no": ("Número de cliente", "N° de cliente"),
        "buyer_vat": ("Su N° de identificación fiscal", "ID fiscal del cliente"),
        "po": ("Su pedido", "Su orden de compra", "N° pedido cliente"),
        "po_date": ("Fecha de su pedido", "Fecha OC"),
        "order": ("Nuestro pedido", "Pedido de venta"),
        "delivery": ("Entrega", "N° de entrega"),
        "delivery_date": ("Fecha de entrega", "Fecha salida mercancías"),
        "contact": ("Persona de contacto", "Contacto"),
        "phone": ("Teléfono", "Tel."),
        "sold_to": ("Solicitante", "Cliente"),
        "ship_to": ("Destinatario de mercancías", "Dirección de entrega"),
        "incoterms": ("Incoterms", "Condiciones de entrega"),
        "payment": ("Condiciones de pago",),
        "currency": ("Moneda", "Moneda del documento"),
        "item": ("Pos.", "Posición"),
        "material": ("Material", "N° material"),
        "description": ("Descripción", "Denominación"),
        "batch": ("Lote",),
        "quantity": ("Cantidad", "Ctd. facturada"),
        "price": ("Precio neto", "Precio unitario"),
        "value": ("Valor neto", "Importe"),
        "items_total": ("Total posiciones", "Suma de posiciones"),
        "discount": ("Descuento", "Descuento cliente"),
        "freight": ("Flete", "Flete marítimo"),
        "insurance": ("Seguro", "Seguro de transporte"),
        "net": ("Valor neto", "Valor neto total"),
        "tax": ("IVA {r} %", "Impuesto {r} %"),
        "tax_note": ("exportación exenta", "operación de exportación, tasa 0"),
        "total": ("Importe total", "Total factura", "Importe final"),
        "export": ("Datos de exportación", "Datos de comercio exterior"),
        "hs": ("Partida arancelaria", "Código SA", "Fracción arancelaria"),
        "origin": ("País de origen", "Origen"),
        "gross_wt": ("Peso bruto", "Peso bruto total"),
        "net_wt": ("Peso neto", "Peso neto total"),
        "packages": ("Bultos", "Número de bultos"),
        "transport": ("Medio de transporte", "Embarcado en"),
        "route": ("Puerto de carga / descarga", "Origen / destino"),
        "producer": ("Productor", "Fabricante"),
        "page": ("Página {n} de {t}",),
        "bank": ("Banco", "Datos bancarios"),
        "retention": ("La mercancía sigue siendo de nuestra propiedad hasta su pago total.",
                      "Favor de indicar el número de factura en su pago."),
        "terms_net": ("Pagadero a {n} días neto", "{n} días neto", "Pago a {n} días sin deducción"),
        "terms_lc": ("Carta de crédito irrevocable a la vista", "Pago contra documentos"),
    },
    "fr": {
        "title": ("Facture", "FACTURE", "Facture d'exportation", "Facture commerciale"),
        "number": ("Document de facturation", "Numéro de facture", "Facture n°"),
        "number_date": ("Numéro/Date", "Facture n°/Date"),
        "date": ("Date de facture", "Date de facturation", "Date"),
        "customer_no": ("Numéro client", "N° client"),
        "buyer_vat": ("Votre n° TVA", "N° TVA client"),
        "po": ("Votre commande", "Votre n° de commande", "Bon de commande"),
        "po_date": ("Date de votre commande", "Date commande"),
        "order": ("Notre commande", "Commande client"),
        "delivery": ("Livraison", "N° de livraison"),
        "delivery_date": ("Date de livraison", "Date de sortie"),
        "contact": ("Interlocuteur", "Votre contact"),
        "phone": ("Téléphone", "Tél."),
        "sold_to": ("Donneur d'ordre", "Client"),
        "ship_to": ("Réceptionnaire", "Adresse de livraison"),
        "incoterms": ("Incoterms", "Conditions de livraison"),
        "payment": ("Conditions de paiement",),
        "currency": ("Devise", "Devise du document"),
        "item": ("Poste", "Pos."),
        "material": ("Article", "N° article"),
        "description": ("Désignation", "Description"),
        "batch": ("Lot",),
        "quantity": ("Quantité", "Qté facturée"),
        "price": ("Prix net", "Prix unitaire"),
        "value": ("Valeur nette", "Montant"),
        "items_total": ("Total des postes", "Somme des postes"),
        "discount": ("Remise", "Rabais"),
        "freight": ("Fret", "Fret maritime"),
        "insurance": ("Assurance", "Assurance transport"),
        "net": ("Valeur nette", "Total HT"),
        "tax": ("TVA {r} %",),
        "tax_note": ("exonération, livraison à l'exportation", "exportation hors UE"),
        "total": ("Montant total", "Total facture", "Net à payer"),
        "export": ("Données d'exportation", "Données du commerce extérieur"),
        "hs": ("Nomenclature douanière", "Code SH", "N° tarif douanier"),
        "origin": ("Pays d'origine", "Origine"),
        "gross_wt": ("Poids brut", "Poids brut total"),
        "net_wt": ("Poids net", "Poids net total"),
        "packages": ("Colis", "Nombre de colis"),
        "transport": ("Moyen de transport", "Expédié par"),
        "route": ("Port de chargement / déchargement", "De / à"),
        "producer": ("Producteur", "Fabricant"),
        "page": ("Page {n} sur {t}", "Page {n}/{t}"),
        "bank": ("Banque", "Coordonnées bancaires"),
        "retention": ("Les marchandises restent notre propriété jusqu'au paiement intégral.",
                      "Merci de rappeler le numéro de facture lors de votre règlement."),
        "terms_net": ("Payable à {n} jours net", "{n} jours net", "Paiement à {n} jours sans escompte"),
        "terms_lc": ("Crédit documentaire irrévocable à vue", "Paiement contre documents"),
    },
    "pt": {
        "title": ("Fatura", "FATURA", "Fatura de exportação", "Fatura comercial"),
        "number": ("Documento de faturamento", "Número da fatura", "Fatura nº"),
        "number_date": ("Número/Data", "Fatura nº/Data"),
        "date": ("Data da fatura", "Data de faturamento", "Data"),
        "customer_no": ("Número do cliente", "Nº do cliente"),
        "buyer_vat": ("Seu CNPJ", "ID fiscal do cliente"),
        "po": ("Seu pedido", "Nº do pedido do cliente"),
        "po_date": ("Data do seu pedido", "Data do pedido"),
        "order": ("Nosso pedido", "Ordem de venda"),
        "delivery": ("Remessa", "Nº da remessa"),
        "delivery_date": ("Data da remessa", "Data de saída"),
        "contact": ("Contato", "Pessoa de contato"),
        "phone": ("Telefone", "Tel."),
        "sold_to": ("Emissor da ordem", "Cliente"),
        "ship_to": ("Recebedor da mercadoria", "Endereço de entrega"),
        "incoterms": ("Incoterms", "Condições de entrega"),
        "payment": ("Condições de pagamento",),
        "currency": ("Moeda", "Moeda do documento"),
        "item": ("Item", "Pos."),
        "material": ("Material", "Nº material"),
        "description": ("Descrição", "Denominação"),
        "batch": ("Lote",),
        "quantity": ("Quantidade", "Qtd. faturada"),
        "price": ("Preço líquido", "Preço unitário"),
        "value": ("Valor líquido", "Montante"),
        "items_total": ("Total dos itens", "Soma dos itens"),
        "discount": ("Desconto", "Desconto cliente"),
        "freight": ("Frete", "Frete marítimo"),
        "insurance": ("Seguro", "Seguro de transporte"),
        "net": ("Valor líquido", "Valor líquido total"),
        "tax": ("Imposto {r} %", "Tributos {r} %"),
        "tax_note": ("exportação isenta", "operação de exportação"),
        "total": ("Valor total", "Total da fatura", "Valor final"),
        "export": ("Dados de exportação", "Dados de comércio exterior"),
        "hs": ("Código SH", "NCM/SH", "Classificação fiscal"),
        "origin": ("País de origem", "Origem"),
        "gross_wt": ("Peso bruto", "Peso bruto total"),
        "net_wt": ("Peso líquido", "Peso líquido total"),
        "packages": ("Volumes", "Número de volumes"),
        "transport": ("Meio de transporte", "Embarcado em"),
        "route": ("Porto de embarque / descarga", "Origem / destino"),
        "producer": ("Produtor", "Fabricante"),
        "page": ("Página {n} de {t}",),
        "bank": ("Banco", "Dados bancários"),
        "retention": ("A mercadoria permanece de nossa propriedade até o pagamento integral.",
                      "Favor indicar o número da fatura no pagamento."),
        "terms_net": ("Pagável em {n} dias líquido", "{n} dias líquido", "Pagamento em {n} dias sem desconto"),
        "terms_lc": ("Carta de crédito irrevogável à vista", "Pagamento contra documentos"),
    },
}  # fmt: skip
# The tonne as the sales unit is printed: SAP's internal 'TO', or the ISO-style 'MT' / 't' of a customised form.
TONNE_UNITS = {"en": ("TO", "TO", "MT"), "es": ("TO", "TM"), "fr": ("TO", "t"), "pt": ("TO", "t")}

_Seg = tuple[str, str | None]  # a piece of a value and the field it carries
_Pair = tuple[str, list[_Seg]]  # a caption and its value's pieces


@dataclass
class _Doc:
    """The choices one printout makes; captions are worded once per document."""

    lang: str
    colon: bool  # 'Customer number:' or 'Customer number' before the values
    numeric_dates: bool  # day and month numbers only where no date printed can be read the other way
    month_first: bool  # an English user's MM/DD/YYYY rather than DD.MM.YYYY
    chosen: dict[str, str] = field(default_factory=dict)

    def w(self, ctx: Ctx, key: str) -> str:
        if key not in self.chosen:
            self.chosen[key] = str(ctx.pick(WORDS[self.lang][key]))
        return self.chosen[key]

    def cap(self, ctx: Ctx, key: str) -> str:
        word = self.w(ctx, key)
        return f"{word}{' :' if self.lang == 'fr' else ':'}" if self.colon else word


@dataclass
class _Pricing:
    """The items' net price per tonne and values, and the header conditions leading to the invoice total."""

    price: Decimal  # per tonne
    values: list[Decimal]
    discount: Decimal
    discount_rate: Decimal | None  # per tonne, printed only where it gives the amount exactly
    freight: Decimal
    freight_rate: Decimal | None
    insurance: Decimal


def _pricing(ctx: Ctx) -> _Pricing:
    """Goods priced so that items - discount + freight + insurance is the shipment's invoice total to the cent: the
    freight and insurance the terms put on the seller are taken out of the price per tonne and charged as
    conditions, the last of them taking the cents the per-item rounding leaves."""
    s, rng = ctx.s, ctx.rng
    term = s.incoterm[:3]
    tonnes = s.net_kg / 1000
    discount_rate = Decimal(rng.choice((20, 25, 40, 50, 75, 100))) if rng.random() < 0.3 else Decimal(0)
    freight_rate = Decimal(rng.randrange(55, 260, 5)) if term in FREIGHT_TERMS else Decimal(0)
    insurance_rate = Decimal(rng.randrange(30, 80, 5)) if term in INSURANCE_TERMS else Decimal(0)
    price = s.unit_price + discount_rate - freight_rate - insurance_rate
    values = [(lot.net_kg / 1000 * price).quantize(CENT) for lot in s.lots]
    goods = sum(values, Decimal(0))
    discount = (tonnes * discount_rate).quantize(CENT)
    rest = s.total_amount - goods + discount  # what freight and insurance come to
    insurance = Decimal(0)
    if insurance_rate:
        freight = (tonnes * freight_rate).quantize(Decimal(1))
        insurance = rest - freight
    elif freight_rate:
        freight = rest
    else:  # no charges: the discount takes the rounding
        freight = Decimal(0)
        discount = goods - s.total_amount
    exact_discount = discount == (tonnes * discount_rate).quantize(CENT)
    return _Pricing(
        price=price,
        values=values,
        discount=discount,
        discount_rate=discount_rate if discount_rate and exact_discount else None,
        freight=freight,
        freight_rate=freight_rate if freight_rate and freight == (tonnes * freight_rate).quantize(CENT) else None,
        insurance=insurance,
    )


def _day(ctx: Ctx, doc: _Doc, d: date, record: str | None = None) -> str:
    """A date in the user's date format: ISO, DD.MM.YYYY or (English) MM/DD/YYYY where no printed date can be read
    the other way, otherwise with the month's name."""
    if record:
        ctx.set(record, d.isoformat())
    style = ctx.st.date_style
    if style == "iso":
        return d.isoformat()
    if doc.numeric_dates and style in ("dmy", "dmy_dot"):
        if doc.lang == "en" and doc.month_first:
            return f"{d.month:02d}/{d.day:02d}/{d.year}"
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    return fl.day(ctx, doc.lang, d)


def _weight(ctx: Ctx, kg: Decimal, unit: str, record: str | None = None) -> str:
    """A weight as the ERP prints a quantity field: three decimals in KG or tonnes, two in LB, the unit after it."""
    style = {"KG": WeightStyle("kg", 3), "LB": WeightStyle("lbs", 2)}.get(unit, WeightStyle("MT", 3))
    text, value = fmt_weight(float(kg), style, ctx.st.conv, "en")
    if record:
        ctx.set(record, value)
    return f"{text.rsplit(' ', 1)[0]} {unit}"


def _fitted(ctx: Ctx, segs: list[_Seg], size: float, room: float) -> float | None:
    """The size at which a value's pieces fit `room` together (down to 6 pt), or None."""
    while size >= 6.0:
        if sum(ctx.sheet.text_width(text, size) for text, _ in segs) <= room:
            return size
        size -= 0.25
    return None


def _segments(ctx: Ctx, x: float, y: float, segs: list[_Seg], size: float, max_w: float) -> None:
    """A value's pieces side by side at one size, each piece carrying its own field."""
    sh = ctx.sheet
    size = _fitted(ctx, segs, size, max_w) or 6.0
    cx = x
    for text, name in segs:
        cx += sh.text(cx, y, text, size, kind="value" if name else "static", field=name, max_w=max(x + max_w - cx, 1))


def _pairs(
    ctx: Ctx, x: float, y: float, pairs: list[_Pair], width: float, size: float, step: float, above: bool
) -> float:
    """Captioned fields one under another: caption and value on one line (the value at a tab), or the caption small
    above its value. Returns the baseline a line under the last value."""
    sh = ctx.sheet
    if above:
        for caption, segs in pairs:
            sh.text(x, y, caption, size - 1.2, kind="label", max_w=width)
            _segments(ctx, x, y + step * 0.85, segs, size, width)
            y += step * 1.95
        return y - step * 0.1
    tab = min(max(sh.text_width(caption, size - 0.4, True) for caption, _ in pairs) + 3, width * 0.55)
    for caption, segs in pairs:
        sh.text(x, y, caption, size - 0.4, bold=True, kind="label", max_w=tab - 1.5)
        if _fitted(ctx, segs, size, width - tab) is None:  # a long value goes on a line of its own
            y += step
            _segments(ctx, x + 3, y, segs, size, width - 3)
        else:
            _segments(ctx, x + tab, y, segs, size, width - tab)
        y += step
    return y


def _address(ctx: Ctx, x: float, y: float, lines: list[str], size: float, step: float, width: float,
             name_field: str | None) -> float:  # fmt: skip
    sh = ctx.sheet
    for i, line in enumerate(lines):
        sh.text(x, y, line, size, kind="value" if i == 0 and name_field else "static",
                field=name_field if i == 0 else None, max_w=width)  # fmt: skip
        y += step
    return y


def sap_billing(ctx: Ctx) -> None:
    draw_to_fit(ctx, _draw, "SAP billing document printout", tries=5)


def _draw(ctx: Ctx, squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    lang = fl.language(ctx, 0.6)
    k = 1 - 0.09 * squeeze
    size = ctx.jitter(8.3, 0.25) - 0.25 * squeeze
    step = size * 0.46 * k

    # ----- the document's numbers and dates, decided before anything is drawn -----
    customer_no = str(ctx.pick((rng.randrange(100000, 999999), rng.randrange(1000000, 1999999))))
    sales_order = str(rng.randrange(1000000, 1999999) if rng.random() < 0.6 else rng.randrange(10000, 99999))
    delivery_no = str(rng.randrange(80000000, 80999999))
    po_date = s.invoice_date - timedelta(days=rng.randrange(20, 75))
    issue_date = s.invoice_date - timedelta(days=rng.randrange(0, 4))
    grade = str(s.grade_pct).replace(".", "")
    codes = (f"SB-ING-{grade}", f"SBI{grade}") if s.product == "ingot" else (f"ATO-{grade}", f"SB2O3-{grade}")
    material = str(ctx.pick((*codes, str(rng.randrange(100000, 999999)))))
    whole_kg = all(lot.net_kg == lot.net_kg.to_integral_value() for lot in s.lots)
    sales_unit = str(ctx.pick(TONNE_UNITS[lang])) if whole_kg and rng.random() < 0.55 else "KG"
    if ctx.st.weight.unit == "lbs":
        weight_unit = "LB"
    else:
        weight_unit = "KG" if not whole_kg or rng.random() < 0.7 else str(ctx.pick(TONNE_UNITS[lang]))
    doc = _Doc(
        lang=lang,
        colon=rng.random() < 0.45,
        numeric_dates=all(d.day > 12 for d in (s.invoice_date, po_date, issue_date)),
        month_first=rng.random() < 0.5,
    )
    pricing = _pricing(ctx)
    lc_terms = rng.random() < 0.2
    days = int(ctx.pick((30, 30, 45, 60, 90)))
    terms = str(ctx.pick(WORDS[lang]["terms_lc"])) if lc_terms else doc.w(ctx, "terms_net").format(n=days)
    code, _, place = s.incoterm.partition(" ")
    arrangement = str(ctx.pick(("window", "window", "blocks", "split")))
    above = rng.random() < 0.35  # captions above their values in the blocks
    combined = rng.random() < 0.5  # 'Number/Date' in one field

    # ----- letterhead -----
    ctx.set("seller_name", s.seller.name)
    seller = s.seller
    centred = rng.random() < 0.3
    top = ctx.jitter(15, 1.0)
    if centred:
        sh.text(sh.width / 2, top, seller.name, ctx.jitter(14, 0.6), bold=True, kind="value", field="seller_name",
                align="center", max_w=w)  # fmt: skip
        sh.text(sh.width / 2, top + 5, ", ".join([*seller.lines, fl.country(ctx, lang, seller.country)]), 7.2,
                align="center", max_w=w)  # fmt: skip
        y = top + 8.5
    else:
        sh.text(x, top, seller.name, ctx.jitter(14, 0.6), bold=True, kind="value", field="seller_name", max_w=w * 0.6)
        rx = ctx.right
        ry = top - 4
        for line in [*seller.lines, fl.country(ctx, lang, seller.country), seller.phone]:
            sh.text(rx, ry, line, 6.9, align="right", max_w=w * 0.36)
            ry += 3
        y = max(top + 3, ry - 1)
    sh.hline(x, ctx.right, y, ctx.pick((0.4, 0.8, 1.2)))
    y += 4 * k

    # ----- the header blocks -----
    title = doc.w(ctx, "title")
    doc_block: list[_Pair] = []
    if combined:
        doc_block.append((doc.cap(ctx, "number_date"), [(s.invoice_no, "invoice_number"), (" / ", None),
                                                        (_day(ctx, doc, s.invoice_date, "invoice_date"),
                                                         "invoice_date")]))  # fmt: skip
    else:
        doc_block.append((doc.cap(ctx, "number"), [(s.invoice_no, "invoice_number")]))
        doc_block.append((doc.cap(ctx, "date"), [(_day(ctx, doc, s.invoice_date, "invoice_date"), "invoice_date")]))
    ctx.set("invoice_number", s.invoice_no)
    doc_block.append((doc.cap(ctx, "customer_no"), [(customer_no, None)]))
    if s.buyer.tax_id and rng.random() < 0.35:
        doc_block.append((doc.cap(ctx, "buyer_vat"), [(s.buyer.tax_id.split(maxsplit=1)[-1], None)]))
    refs: list[_Pair] = []
    if s.buyer_po:
        if rng.random() < 0.5:
            refs.append((doc.cap(ctx, "po"), [(s.buyer_po, None), (" / ", None), (_day(ctx, doc, po_date), None)]))
        else:
            refs.append((doc.cap(ctx, "po"), [(s.buyer_po, None)]))
            if rng.random() < 0.6:
                refs.append((doc.cap(ctx, "po_date"), [(_day(ctx, doc, po_date), None)]))
    refs.append((doc.cap(ctx, "order"), [(sales_order, None)]))
    if rng.random() < 0.7:
        refs.append((doc.cap(ctx, "delivery"), [(delivery_no, None)]))
        if rng.random() < 0.5:
            refs.append((doc.cap(ctx, "delivery_date"), [(_day(ctx, doc, issue_date), None)]))
    if rng.random() < 0.6:
        refs.append((doc.cap(ctx, "contact"), [(seller.person, None)]))
        if rng.random() < 0.5:
            refs.append((doc.cap(ctx, "phone"), [(seller.phone, None)]))
    place_text = f"{code} {place}" if rng.random() < 0.6 else f"{code} / {place}"
    terms_block: list[_Pair] = [
        (doc.cap(ctx, "incoterms"), [(place_text if place else code, None)]),
        (doc.cap(ctx, "payment"), [(terms, None)]),
    ]
    if rng.random() < 0.7:
        terms_block.append((doc.cap(ctx, "currency"), [(s.currency, None)]))
    if rng.random() < 0.3:
        terms_block.reverse()

    ctx.set("buyer_name", s.buyer.name)
    buyer_lines = [s.buyer.name, *s.buyer.lines, fl.country(ctx, lang, s.buyer.country, upper=True)]
    sender = " · ".join([seller.name, *seller.lines[-1:], fl.country(ctx, lang, seller.country)])
    ship_to = rng.random() < 0.55  # the ship-to party printed too (the buyer's own address)
    info_x = x + w * ctx.jitter(0.55, 0.02)
    info_w = ctx.right - info_x

    def window(y0: float) -> float:
        """The sender line and the sold-to address, as in the envelope window."""
        sh.text(x, y0, sender, 6.2, max_w=w * 0.48)
        sh.hline(x, x + min(sh.text_width(sender, 6.2), w * 0.48), y0 + 0.8, 0.25)
        return _address(ctx, x, y0 + 5 * k, buyer_lines, size + 0.6, step + 0.5, w * 0.48, "buyer_name")

    def title_line(y0: float) -> float:
        tsize = ctx.jitter(13.5, 0.8)
        tw = sh.text(x, y0, title, tsize, bold=True)
        if rng.random() < 0.5:  # the number again after the title, as the form's heading prints it
            sh.text(x + tw + 3, y0, s.invoice_no, tsize - 1.5, bold=True, max_w=w * 0.5)
        return y0 + 6 * k

    def cells_row(y0: float, pairs: list[_Pair]) -> float:
        """A row of captioned cells, caption above value, across the page."""
        cw = w / max(len(pairs), 3)
        for i, (caption, segs) in enumerate(pairs):
            cx = x + i * cw
            sh.text(cx, y0, caption, size - 1.2, kind="label", max_w=cw - 2)
            _segments(ctx, cx, y0 + step * 0.9, segs, size, cw - 2)
        sh.hline(x, ctx.right, y0 + step * 1.35, 0.3)
        return y0 + step * 2.4

    def parties(y0: float) -> float:
        """The sold-to party, and the ship-to party beside it where the form prints both, under their captions
        with the customer number."""
        half = w / 2
        sh.text(x, y0, f"{doc.w(ctx, 'sold_to')}  {customer_no}", size - 0.6, bold=True, kind="label", max_w=half - 4)
        end = _address(ctx, x, y0 + step + 0.6, buyer_lines, size, step, half - 4, "buyer_name")
        if ship_to:
            sh.text(x + half, y0, f"{doc.w(ctx, 'ship_to')}  {customer_no}", size - 0.6, bold=True, kind="label",
                    max_w=half - 4)  # fmt: skip
            end = max(end, _address(ctx, x + half, y0 + step + 0.6, buyer_lines, size, step, half - 4, None))
        return end

    def boxed(boxes: list[tuple[float, float, list[_Pair]]], by: float, captions_above: bool) -> float:
        """Blocks of fields in ruled boxes of one height side by side; returns the y under them."""
        ends = [_pairs(ctx, bx + 1.8, by + step + 0.6, pairs, bw - 3.6, size, step + 0.3, captions_above)
                for bx, bw, pairs in boxes]  # fmt: skip
        bottom = max(ends) - step + 1.2
        for bx, bw, _ in boxes:
            sh.rect(bx, by, bw, bottom - by, 0.4)
        return bottom

    if arrangement == "window":
        # the address at the left, the document and reference fields in an information column at the right
        ay = window(y + 2)
        iy = y + 1
        if rng.random() < 0.5:
            sh.text(info_x, iy + 3, title, ctx.jitter(12.5, 0.6), bold=True, max_w=info_w)
            iy += 8 * k
            title_drawn = True
        else:
            title_drawn = False
        iy = _pairs(ctx, info_x, iy + 2, doc_block + refs, info_w, size, step + 0.35, False)
        y = max(ay, iy) + 4 * k
        if not title_drawn:
            y = title_line(y + 2)
        y = cells_row(y + 1, terms_block)
        if ship_to:
            ship = ", ".join(buyer_lines[:1] + buyer_lines[-2:])
            _segments(ctx, x, y, [(f"{doc.w(ctx, 'ship_to')}: ", None), (ship, None)], size - 0.3, w)
            y += step + 1
    elif arrangement == "blocks":
        # the title first, then the three blocks in boxes side by side, then both parties
        y = title_line(y + 5)
        gap = 2.5
        bw = (w - 2 * gap) / 3
        blocks = [(x + i * (bw + gap), bw, pairs) for i, pairs in enumerate((doc_block, refs, terms_block))]
        y = boxed(blocks, y, True) + 5 * k  # a third of the page leaves room for captions above values only
        y = parties(y) + 2 * k
    else:
        # the address beside the document fields, the references and terms in two blocks under the title
        ay = window(y + 2)
        iy = boxed([(info_x, info_w, doc_block)], y + 1, above)
        y = title_line(max(ay, iy) + 6 * k)
        half = (w - 3) / 2
        left, right = (refs, terms_block) if rng.random() < 0.5 else (terms_block, refs)
        y = max(_pairs(ctx, x, y + 1, left, half, size, step + 0.3, above),
                _pairs(ctx, x + half + 3, y + 1, right, half, size, step + 0.3, above)) + 2 * k  # fmt: skip
    y += 3 * k

    # ----- items -----
    batch_column = rng.random() < 0.45
    if sales_unit == "KG":  # the pricing unit: 1 KG where the price per kilogram is exact in cents, 100 or 1,000 KG
        per_kg = pricing.price / 1000
        options = [("100 KG", pricing.price / 10), (f"{ctx.num(1000, 0)} KG", pricing.price)]
        if per_kg == per_kg.quantize(CENT):
            options.append(("1 KG", per_kg))
        per, price_value = ctx.pick(options)
    else:
        per, price_value = f"1 {sales_unit}", pricing.price
    price_text = f"{ctx.num(price_value, 2)} / {per}"
    price_caption = f"{doc.w(ctx, 'price')} {s.currency}" if rng.random() < 0.6 else doc.w(ctx, "price")
    cur = s.currency
    cols: list[tuple[str, str, float, str]] = [
        ("item", doc.w(ctx, "item"), 0.065, "left"),
        ("material", doc.w(ctx, "material"), 0.13, "left"),
        ("description", doc.w(ctx, "description"), 0.28 if batch_column else 0.38, "left"),
    ]
    if batch_column:
        cols.append(("batch", doc.w(ctx, "batch"), 0.13, "left"))
    cols += [
        ("quantity", doc.w(ctx, "quantity"), 0.145, "right"),
        ("price", price_caption, 0.145, "right"),
        ("value", f"{doc.w(ctx, 'value')} {cur}", 0.105, "right"),
    ]
    scale = 1 / sum(c[2] for c in cols)
    widths = {key: w * frac * scale for key, _, frac, _ in cols}
    isize = size - 0.2
    istep = isize * 0.44 * k
    if sh.text_width(price_text, isize) > widths["price"] - 2:  # the pricing unit moves into the caption
        cols[-2] = ("price", f"{price_caption} / {per}", 0.145, "right")
        price_text = ctx.num(price_value, 2)
    sh.hline(x, ctx.right, y, 0.7)
    cx = x
    for key, caption, _, align in cols:
        tx = cx + 1 if align == "left" else cx + widths[key] - 1
        for j, part in enumerate(sh.wrap(caption, widths[key] - 2, isize - 0.3, True)[:2]):
            sh.text(tx, y + 3.6 + j * istep, part, isize - 0.3, bold=True, kind="label", align=align,
                    max_w=widths[key] - 2)  # fmt: skip
        cx += widths[key]
    head_lines = max(len(sh.wrap(c[1], widths[c[0]] - 2, isize - 0.3, True)[:2]) for c in cols)
    y += 3.6 + (head_lines - 1) * istep + 1.6
    sh.hline(x, ctx.right, y, 0.5)
    y += 1.5
    item_step = int(ctx.pick((10, 10, 10, 1)))
    description = fl.description(ctx, lang)
    packages_line = rng.random() < 0.5
    for i, (lot, value) in enumerate(zip(s.lots, pricing.values, strict=True)):
        qty_kg = lot.net_kg
        qty = _weight(ctx, qty_kg, sales_unit)
        cells: dict[str, list[str]] = {
            "item": [str((i + 1) * item_step)],
            "material": [material],
            "description": sh.wrap(description, widths["description"] - 2, isize),
            "quantity": [qty],
            "price": [price_text],
            "value": [ctx.num(value, 2)],
        }
        extra = []
        if batch_column:
            cells["batch"] = [lot.number]
        else:
            extra.append(f"{doc.w(ctx, 'batch')}: {lot.number}")
        if packages_line:
            extra.append(fl.packages(ctx, lang, lot.packages))
        if i == 0 and "description" in s.china_text:
            extra.append(s.china_text["description"])
        cells["description"] += [part for line in extra for part in sh.wrap(line, widths["description"] - 2, isize)]
        ty = y + istep + 0.4
        cx = x
        bottom = ty
        for key, _, _, align in cols:
            tx = cx + 1 if align == "left" else cx + widths[key] - 1
            for j, part in enumerate(cells[key]):
                sh.text(tx, ty + j * istep, part, isize, align=align, max_w=widths[key] - 2)
            bottom = max(bottom, ty + (len(cells[key]) - 1) * istep)
            cx += widths[key]
        y = bottom + 2.2 * k
    sh.hline(x, ctx.right, y - 0.6, 0.5)
    y += 3 * k

    # ----- condition lines: items, discount, freight, insurance, net value, tax, total -----
    lx = x + w * ctx.jitter(0.45, 0.03)
    rate_x = x + w * 0.8
    vx = ctx.right - 1
    trailing = rng.random() < 0.6  # SAP's '1,225.65-'

    def minus(amount: Decimal) -> str:
        return f"{ctx.num(amount, 2)}-" if trailing else f"-{ctx.num(amount, 2)}"

    tonne = sales_unit if sales_unit != "KG" else "TO"
    lines: list[tuple[str, str, str]] = []
    charges = pricing.discount or pricing.freight or pricing.insurance
    if charges or rng.random() < 0.5:
        lines.append((doc.w(ctx, "items_total"), "", ctx.num(sum(pricing.values, Decimal(0)), 2)))
    if pricing.discount:
        rate = f"{ctx.num(pricing.discount_rate, 2)} / 1 {tonne}" if pricing.discount_rate else ""
        lines.append((doc.w(ctx, "discount"), rate, minus(pricing.discount)))
    if pricing.freight:
        rate = f"{ctx.num(pricing.freight_rate, 2)} / 1 {tonne}" if pricing.freight_rate else ""
        freight = doc.w(ctx, "freight") if s.transport == "Sea" else WORDS[lang]["freight"][0]  # no 'ocean' by road
        lines.append((freight, rate, ctx.num(pricing.freight, 2)))
    if pricing.insurance:
        lines.append((doc.w(ctx, "insurance"), "", ctx.num(pricing.insurance, 2)))
    lines.append((doc.w(ctx, "net"), "", ctx.num(s.total_amount, 2)))
    if rng.random() < 0.7:
        rate = ctx.num(Decimal(0), int(ctx.pick((0, 2, 3))))
        tax = doc.w(ctx, "tax").format(r=rate)
        if rng.random() < 0.5:
            tax += f" ({doc.w(ctx, 'tax_note')})"
        lines.append((tax, "", ctx.num(Decimal(0), 2)))
    csize = size - 0.1
    for label, rate, amount in lines:
        sh.text(lx, y, label, csize, bold=label == doc.w(ctx, "net"), kind="label",
                max_w=(rate_x - 22 if rate else vx - 25) - lx - 2)  # fmt: skip
        if rate:
            sh.text(rate_x, y, rate, csize - 0.4, align="right", max_w=rate_x - lx - 30)
        sh.text(vx, y, amount, csize, align="right")
        y += step + 0.6
    sh.hline(lx, ctx.right, y - step + 1.2, 0.4)
    if rng.random() < 0.5:
        sh.hline(lx, ctx.right, y - step + 1.8, 0.4)
    y += 1.2
    tsize = size + 0.8
    ctx.set("total_amount", float(s.total_amount))
    ctx.set("currency", cur)
    sh.text(lx, y, doc.w(ctx, "total"), tsize, bold=True, kind="label", max_w=vx - lx - 45)
    figure_w = sh.text(vx, y, ctx.num(s.total_amount, 2), tsize, bold=True, kind="value", field="total_amount",
                       align="right")  # fmt: skip
    sh.text(vx - figure_w - 3, y, cur, tsize, bold=True, kind="value", field="currency", align="right")
    y += step + 5 * k

    # ----- the export details in the footer text block -----
    stated = "omit_origin" not in ctx.st.flags
    details: list[_Pair] = [(doc.cap(ctx, "hs"), [(ctx.hs(), "hs_code")])]
    if stated:
        details.append((doc.cap(ctx, "origin"), [(fl.country(ctx, lang, s.declared, "country_of_origin"),
                                                  "country_of_origin")]))  # fmt: skip
    gross = _weight(ctx, s.gross_kg, weight_unit)
    net = _weight(ctx, s.net_kg, weight_unit, "net_weight_kg")
    weights = [(doc.cap(ctx, "gross_wt"), [(gross, None)]), (doc.cap(ctx, "net_wt"), [(net, "net_weight_kg")])]
    details += weights if rng.random() < 0.5 else weights[::-1]
    details.append((doc.cap(ctx, "packages"), [(fl.packages(ctx, lang, s.packages), None)]))
    details.append((doc.cap(ctx, "transport"), [(fl.vehicle(ctx, lang), None)]))
    if rng.random() < 0.7:
        details.append((doc.cap(ctx, "route"), [(f"{s.place_loading} / {s.place_discharge}", None)]))
    if "smelter" in ctx.st.flags:
        details.append((doc.cap(ctx, "producer"), [(s.smelter.printed, None)]))
    if stated and rng.random() < 0.3:  # the origin after the weights and packages
        details.append(details.pop(1))
    sh.text(x, y, doc.w(ctx, "export"), size, bold=True, kind="label")
    sh.hline(x, x + sh.text_width(doc.w(ctx, "export"), size, True), y + 0.8, 0.3)
    y += step + 1
    if rng.random() < 0.5:  # two columns of fields
        half = (len(details) + 1) // 2
        cw = (w - 4) / 2
        y = max(_pairs(ctx, x, y, details[:half], cw, size - 0.3, step, False),
                _pairs(ctx, x + cw + 4, y, details[half:], cw, size - 0.3, step, False))  # fmt: skip
    else:
        y = _pairs(ctx, x, y, details, w * 0.8, size - 0.3, step, False)
    if rng.random() < 0.5:
        y = sh.para(x, y + 2, doc.w(ctx, "retention"), w, size - 1, step) + 0.5
    y += 2 * k

    # ----- the page footer: address, contacts, bank, registration -----
    band_top = sh.height - 30 if sh.height > 285 else sh.height - 28
    fsize = 6.2
    bank, swift = home_bank(ctx)
    account = f"{seller.country}{rng.randrange(10, 99)} {rng.randrange(1000, 9999)} {rng.randrange(1000, 9999)} " \
              f"{rng.randrange(1000, 9999)}"  # fmt: skip
    site = "www." + seller.email.split("@")[-1]
    columns = [
        [seller.name, *seller.lines, fl.country(ctx, lang, seller.country)],
        [seller.phone, seller.email, site],
        [doc.w(ctx, "bank"), bank, f"SWIFT {swift}", account],
    ]
    if seller.tax_id:
        columns.append([seller.tax_id, f"{doc.w(ctx, 'contact')}: {seller.person}"])
    if y > band_top - 2:
        return y + 30  # no room for the footer: squeeze
    sh.hline(x, ctx.right, band_top, 0.3)
    cw = w / len(columns)
    for i, lines_ in enumerate(columns):
        wrapped = [part for line in lines_ for part in sh.wrap(line, cw - 2.5, fsize)]
        for j, line in enumerate(wrapped[:4]):
            sh.text(x + i * cw, band_top + 3 + j * 2.7, line, fsize, max_w=cw - 2.5)
    page = doc.w(ctx, "page").format(n=1, t=1)
    sh.text(ctx.right, band_top - 1.5, page, 6.8, align="right")
    return band_top + 3 + 3 * 2.7
