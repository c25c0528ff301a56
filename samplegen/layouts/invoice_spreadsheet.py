"""`spreadsheet_invoice`: a commercial invoice typed into a free spreadsheet template (Excel, Google Sheets) and
printed to PDF, the way small exporters without an invoicing system make their paperwork.

What the printout of such a template carries, as the downloadable templates and the workbooks exporters keep
lay it out:

* the company's name and address at the top left, the title either in a shaded bar of merged cells across the
  sheet or large in the template's accent colour at the top right;
* the invoice number and date at the right, as shaded caption cells ('INVOICE #', 'DATE') over bordered value
  cells, or as right-aligned bold labels beside their values ('Invoice #:', 'Date:'), with the customer number,
  the buyer's order number or the payment terms;
* 'BILL TO' and 'SHIP TO' side by side under shaded header bars, the ship-to block repeating the buyer or saying
  it is the same;
* a row of captioned cells for the shipment (vessel or means of transport, ports, Incoterms, and the country of
  origin, HS code or bill of lading where the exporter added them to the template);
* the item grid: a shaded header row, one row per lot with banded (alternating) shading, and the template's
  pre-formatted empty rows printed below the filled ones;
* the totals stacked at the right under the grid (subtotal, freight, insurance, tax rate and tax, total), the
  figures in the accounting format (currency at the left edge of the cell, a dash for zero), the packages and
  weights beside them at the left;
* a shaded 'OTHER COMMENTS' / 'NOTES' box with the payment instructions and the bank, the closing lines ('If you
  have any questions about this invoice, please contact ...', 'Thank you for your business!') and sometimes the
  sheet's page footer or file name as Excel prints them.

English, Spanish, French (a Belgian exporter's template) or Portuguese (for a Brazilian buyer) captions. Every
value a field records is drawn with kind="value"; colours, wording, cell sizes and the place of the origin and
HS code vary per document.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from samplegen.draw import FONT_FAMILIES, MM
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx
from samplegen.layouts.invoice_forms import BANKS

RGB = tuple[float, float, float]

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("COMMERCIAL INVOICE", "INVOICE", "EXPORT INVOICE", "Commercial Invoice"),
        "invoice_no": ("INVOICE #", "INVOICE NO.", "INVOICE NUMBER"),
        "date": ("DATE", "INVOICE DATE"),
        "customer_id": ("CUSTOMER ID", "CUSTOMER NO.", "ACCOUNT NO."),
        "po": ("P.O. #", "PO NUMBER", "YOUR ORDER NO.", "CUSTOMER PO"),
        "terms": ("TERMS", "PAYMENT TERMS"),
        "term_values": ("T/T", "CAD", "Net 30", "L/C at sight", "30 days"),
        "phone": ("Phone:", "Tel:", "Phone"),
        "email": ("Email:", "E-mail:"),
        "bill_to": ("BILL TO", "SOLD TO", "BILL TO / BUYER"),
        "ship_to": ("SHIP TO", "CONSIGNEE / SHIP TO", "DELIVER TO"),
        "same": ("Same as Bill To", "Same as buyer", "As above"),
        "ship_via": ("SHIP VIA", "SHIPPED VIA", "MODE OF TRANSPORT"),
        "vessel": ("VESSEL / VOYAGE", "VESSEL", "VESSEL / VOY."),
        "loading": ("PORT OF LOADING", "LOADING PORT", "FROM"),
        "discharge": ("PORT OF DISCHARGE", "DESTINATION PORT", "TO"),
        "place_loading": ("PLACE OF LOADING", "SHIPPED FROM"),
        "place_delivery": ("PLACE OF DELIVERY", "DELIVERED TO"),
        "incoterms": ("INCOTERMS", "INCOTERMS 2020", "TERMS OF SALE"),
        "origin": ("COUNTRY OF ORIGIN", "ORIGIN OF GOODS", "COUNTRY OF MANUFACTURE"),
        "hs": ("HS CODE", "H.S. CODE", "TARIFF CODE"),
        "bl": ("B/L NO.", "BILL OF LADING NO."),
        "item": ("ITEM", "NO.", "#", "LINE"),
        "description": ("DESCRIPTION", "DESCRIPTION OF GOODS", "ITEM DESCRIPTION"),
        "lot": ("LOT NO.", "LOT", "BATCH"),
        "lot_word": ("Lot", "Lot no.", "Batch"),
        "pkgs": ("PKGS", "PACKAGES", "NO. OF PKGS"),
        "qty": ("QTY", "QUANTITY"),
        "unit": ("UNIT", "UOM"),
        "net_kg": ("NET WT (KG)", "NET KG", "NET WEIGHT KG"),
        "price": ("UNIT PRICE", "PRICE / MT", "RATE"),
        "amount": ("AMOUNT", "LINE TOTAL", "TOTAL"),
        "subtotal": ("SUBTOTAL", "SUB-TOTAL"),
        "discount": ("DISCOUNT", "LESS DISCOUNT"),
        "freight": ("FREIGHT", "SHIPPING", "S & H", "SHIPPING & HANDLING"),
        "insurance": ("INSURANCE",),
        "tax_rate": ("TAX RATE",),
        "tax": ("TAX", "SALES TAX", "VAT"),
        "other": ("OTHER",),
        "total": ("TOTAL", "TOTAL DUE", "BALANCE DUE", "INVOICE TOTAL"),
        "included": ("incl.", "included", "INCLUDED"),
        "packages": ("TOTAL PACKAGES", "NO. OF PACKAGES", "PACKAGES"),
        "net": ("TOTAL NET WEIGHT", "NET WEIGHT", "NET WT"),
        "gross": ("TOTAL GROSS WEIGHT", "GROSS WEIGHT", "GROSS WT"),
        "comments": ("OTHER COMMENTS", "NOTES", "REMARKS", "SPECIAL NOTES AND INSTRUCTIONS"),
        "payment": ("Payment: T/T 30% advance, 70% against copy of B/L", "Payment: 100% T/T against scanned documents",
                    "Payment terms: net 30 days from B/L date"),
        "bank": ("Bank details:", "Remit to:", "Payment by T/T to:"),
        "account": ("Account", "A/C No."),
        "questions": ("If you have any questions about this invoice, please contact",
                      "Questions concerning this invoice? Contact"),
        "thanks": ("Thank You For Your Business!", "THANK YOU FOR YOUR BUSINESS!", "Thank you for your business!"),
        "declaration": ("We certify that this invoice is true and correct.",
                        "We hereby certify that the information on this invoice is true and correct."),
        "signature": ("Authorized signature", "Signature"),
        "producer": ("Producer", "Manufacturer"),
        "page": ("Page 1 of 1", "Page 1"),
        "zero_rated": ("Zero-rated export", "Export - no VAT"),
    },
    "es": {
        "title": ("FACTURA COMERCIAL", "FACTURA", "FACTURA DE EXPORTACIÓN"),
        "invoice_no": ("FACTURA N.º", "No. DE FACTURA", "FACTURA #", "FOLIO"),
        "date": ("FECHA", "FECHA DE FACTURA"),
        "customer_id": ("No. DE CLIENTE", "ID CLIENTE"),
        "po": ("ORDEN DE COMPRA", "SU PEDIDO No.", "O.C. #"),
        "terms": ("CONDICIONES DE PAGO", "TÉRMINOS"),
        "term_values": ("Transferencia", "30 días", "Carta de crédito a la vista", "Contado"),
        "phone": ("Tel.:", "Teléfono:"),
        "email": ("Correo:", "E-mail:"),
        "bill_to": ("FACTURAR A", "CLIENTE", "VENDIDO A"),
        "ship_to": ("ENVIAR A", "CONSIGNATARIO", "ENTREGAR A"),
        "same": ("Igual que facturar a", "El mismo"),
        "ship_via": ("ENVIADO POR", "MEDIO DE TRANSPORTE", "VÍA"),
        "vessel": ("BUQUE / VIAJE", "NAVE"),
        "loading": ("PUERTO DE CARGA", "PUERTO DE EMBARQUE"),
        "discharge": ("PUERTO DE DESCARGA", "PUERTO DE DESTINO"),
        "place_loading": ("LUGAR DE CARGA",),
        "place_delivery": ("LUGAR DE ENTREGA",),
        "incoterms": ("INCOTERMS", "INCOTERM 2020", "CONDICIÓN DE VENTA"),
        "origin": ("PAÍS DE ORIGEN", "ORIGEN"),
        "hs": ("FRACCIÓN ARANCELARIA", "CÓDIGO SA", "PARTIDA ARANC."),
        "bl": ("B/L No.", "CONOCIMIENTO No."),
        "item": ("ITEM", "No.", "#", "PART."),
        "description": ("DESCRIPCIÓN", "DESCRIPCIÓN DE LA MERCANCÍA"),
        "lot": ("LOTE", "LOTE No."),
        "lot_word": ("Lote", "Lote No."),
        "pkgs": ("BULTOS",),
        "qty": ("CANT.", "CANTIDAD"),
        "unit": ("UNIDAD", "U.M."),
        "net_kg": ("PESO NETO (KG)", "NETO KG"),
        "price": ("PRECIO UNIT.", "PRECIO UNITARIO", "PRECIO / TM"),
        "amount": ("IMPORTE", "TOTAL", "MONTO"),
        "subtotal": ("SUBTOTAL",),
        "discount": ("DESCUENTO",),
        "freight": ("FLETE", "ENVÍO"),
        "insurance": ("SEGURO",),
        "tax_rate": ("TASA IVA", "% IVA"),
        "tax": ("IVA", "IMPUESTO"),
        "other": ("OTROS",),
        "total": ("TOTAL", "TOTAL A PAGAR", "IMPORTE TOTAL"),
        "included": ("incluido", "INCL."),
        "packages": ("TOTAL BULTOS", "BULTOS"),
        "net": ("PESO NETO TOTAL", "PESO NETO"),
        "gross": ("PESO BRUTO TOTAL", "PESO BRUTO"),
        "comments": ("OBSERVACIONES", "NOTAS", "COMENTARIOS"),
        "payment": ("Pago: transferencia 30% anticipo, 70% contra copia de B/L",
                    "Pago: 100% transferencia contra documentos"),
        "bank": ("Datos bancarios:", "Pago por transferencia a:"),
        "account": ("Cuenta", "Cta."),
        "questions": ("Para cualquier consulta sobre esta factura, comuníquese con",),
        "thanks": ("¡Gracias por su preferencia!", "¡GRACIAS POR SU COMPRA!", "Gracias por su confianza"),
        "declaration": ("Declaramos que los datos de esta factura son verdaderos y correctos.",),
        "signature": ("Firma autorizada", "Firma"),
        "producer": ("Productor", "Fabricante"),
        "page": ("Página 1 de 1",),
        "zero_rated": ("Exportación tasa 0%", "Exento - exportación"),
    },
    "fr": {
        "title": ("FACTURE COMMERCIALE", "FACTURE", "FACTURE D'EXPORTATION"),
        "invoice_no": ("FACTURE N°", "N° DE FACTURE"),
        "date": ("DATE", "DATE DE FACTURE"),
        "customer_id": ("N° CLIENT", "CODE CLIENT"),
        "po": ("VOTRE COMMANDE", "N° DE COMMANDE", "BON DE COMMANDE"),
        "terms": ("CONDITIONS DE PAIEMENT", "RÈGLEMENT"),
        "term_values": ("Virement", "30 jours", "L/C à vue"),
        "phone": ("Tél. :", "Tél."),
        "email": ("E-mail :", "Courriel :"),
        "bill_to": ("FACTURER À", "CLIENT", "ADRESSE DE FACTURATION"),
        "ship_to": ("LIVRER À", "DESTINATAIRE", "ADRESSE DE LIVRAISON"),
        "same": ("Identique", "Idem adresse de facturation"),
        "ship_via": ("MODE D'EXPÉDITION", "TRANSPORT"),
        "vessel": ("NAVIRE / VOYAGE", "NAVIRE"),
        "loading": ("PORT DE CHARGEMENT", "PORT D'EMBARQUEMENT"),
        "discharge": ("PORT DE DÉCHARGEMENT", "PORT DE DESTINATION"),
        "place_loading": ("LIEU DE CHARGEMENT",),
        "place_delivery": ("LIEU DE LIVRAISON",),
        "incoterms": ("INCOTERMS", "INCOTERM 2020", "CONDITIONS DE LIVRAISON"),
        "origin": ("PAYS D'ORIGINE", "ORIGINE"),
        "hs": ("CODE SH", "NOMENCLATURE", "CODE DOUANIER"),
        "bl": ("N° B/L", "CONNAISSEMENT N°"),
        "item": ("RÉF.", "N°", "#"),
        "description": ("DÉSIGNATION", "DESCRIPTION"),
        "lot": ("LOT", "N° DE LOT"),
        "lot_word": ("Lot", "Lot n°"),
        "pkgs": ("COLIS",),
        "qty": ("QTÉ", "QUANTITÉ"),
        "unit": ("UNITÉ",),
        "net_kg": ("POIDS NET (KG)", "NET KG"),
        "price": ("PRIX UNITAIRE", "P.U.", "PRIX / T"),
        "amount": ("MONTANT", "TOTAL"),
        "subtotal": ("SOUS-TOTAL", "TOTAL HT"),
        "discount": ("REMISE",),
        "freight": ("FRET", "TRANSPORT"),
        "insurance": ("ASSURANCE",),
        "tax_rate": ("TAUX TVA",),
        "tax": ("TVA",),
        "other": ("AUTRES",),
        "total": ("TOTAL", "NET À PAYER", "MONTANT TOTAL"),
        "included": ("inclus", "compris"),
        "packages": ("NOMBRE DE COLIS", "COLIS"),
        "net": ("POIDS NET TOTAL", "POIDS NET"),
        "gross": ("POIDS BRUT TOTAL", "POIDS BRUT"),
        "comments": ("REMARQUES", "NOTES", "COMMENTAIRES"),
        "payment": ("Paiement : virement 30 % à la commande, 70 % contre copie du B/L",
                    "Paiement : virement à 30 jours date de B/L"),
        "bank": ("Coordonnées bancaires :", "Paiement par virement :"),
        "account": ("Compte", "IBAN"),
        "questions": ("Pour toute question concernant cette facture, contactez",),
        "thanks": ("Merci de votre confiance !", "MERCI POUR VOTRE COMMANDE !"),
        "declaration": ("Nous certifions que les renseignements portés sur cette facture sont exacts.",),
        "signature": ("Signature autorisée", "Signature"),
        "producer": ("Producteur", "Fabricant"),
        "page": ("Page 1 sur 1", "Page 1"),
        "zero_rated": ("Exportation hors UE - exonération de TVA", "Exonération TVA - exportation"),
    },
    "pt": {
        "title": ("FATURA COMERCIAL", "FATURA", "FATURA DE EXPORTAÇÃO"),
        "invoice_no": ("FATURA Nº", "Nº DA FATURA"),
        "date": ("DATA", "DATA DE EMISSÃO"),
        "customer_id": ("CÓD. CLIENTE", "CLIENTE Nº"),
        "po": ("PEDIDO Nº", "SEU PEDIDO"),
        "terms": ("CONDIÇÕES DE PAGAMENTO", "PAGAMENTO"),
        "term_values": ("Transferência", "30 dias", "Carta de crédito à vista"),
        "phone": ("Tel.:", "Telefone:"),
        "email": ("E-mail:",),
        "bill_to": ("FATURAR PARA", "CLIENTE", "COMPRADOR"),
        "ship_to": ("ENTREGAR EM", "CONSIGNATÁRIO", "ENVIAR PARA"),
        "same": ("O mesmo", "Idem"),
        "ship_via": ("VIA DE TRANSPORTE", "TRANSPORTE"),
        "vessel": ("NAVIO / VIAGEM",),
        "loading": ("PORTO DE EMBARQUE",),
        "discharge": ("PORTO DE DESCARGA", "PORTO DE DESTINO"),
        "place_loading": ("LOCAL DE EMBARQUE",),
        "place_delivery": ("LOCAL DE ENTREGA",),
        "incoterms": ("INCOTERMS", "CONDIÇÃO DE VENDA"),
        "origin": ("PAÍS DE ORIGEM", "ORIGEM"),
        "hs": ("NCM/SH", "CÓDIGO SH"),
        "bl": ("B/L Nº", "CONHECIMENTO Nº"),
        "item": ("ITEM", "Nº"),
        "description": ("DESCRIÇÃO", "DESCRIÇÃO DA MERCADORIA"),
        "lot": ("LOTE",),
        "lot_word": ("Lote",),
        "pkgs": ("VOLUMES",),
        "qty": ("QTDE.", "QUANTIDADE"),
        "unit": ("UNID.",),
        "net_kg": ("PESO LÍQ. (KG)", "PESO LÍQUIDO KG"),
        "price": ("PREÇO UNIT.", "PREÇO UNITÁRIO", "PREÇO / T"),
        "amount": ("VALOR", "TOTAL", "VALOR TOTAL"),
        "subtotal": ("SUBTOTAL",),
        "discount": ("DESCONTO",),
        "freight": ("FRETE",),
        "insurance": ("SEGURO",),
        "tax_rate": ("ALÍQUOTA",),
        "tax": ("IMPOSTO",),
        "other": ("OUTROS",),
        "total": ("TOTAL", "VALOR TOTAL", "TOTAL GERAL"),
        "included": ("incluso", "incluído"),
        "packages": ("TOTAL DE VOLUMES", "VOLUMES"),
        "net": ("PESO LÍQUIDO TOTAL", "PESO LÍQUIDO"),
        "gross": ("PESO BRUTO TOTAL", "PESO BRUTO"),
        "comments": ("OBSERVAÇÕES", "NOTAS"),
        "payment": ("Pagamento: transferência 30% antecipado, 70% contra cópia do B/L",
                    "Pagamento: 100% transferência contra documentos"),
        "bank": ("Dados bancários:", "Pagamento por transferência:"),
        "account": ("Conta", "C/C"),
        "questions": ("Em caso de dúvidas sobre esta fatura, entre em contato com",),
        "thanks": ("Obrigado pela preferência!", "OBRIGADO PELA SUA COMPRA!"),
        "declaration": ("Declaramos que as informações desta fatura são verdadeiras e corretas.",),
        "signature": ("Assinatura autorizada", "Assinatura"),
        "producer": ("Produtor", "Fabricante"),
        "page": ("Página 1 de 1",),
        "zero_rated": ("Exportação - isento", "Isento - exportação"),
    },
}  # fmt: skip

# Accent colours of the free templates (the Office 'Blue', teal, green, red and grey themes, and black).
PALETTES: tuple[RGB, ...] = (
    (0.13, 0.24, 0.42),
    (0.12, 0.37, 0.47),
    (0.20, 0.40, 0.25),
    (0.45, 0.13, 0.16),
    (0.27, 0.30, 0.35),
    (0.15, 0.15, 0.15),
)
WHITE: RGB = (1.0, 1.0, 1.0)
# What a title-case template keeps in capitals, and the short words it writes in lower case.
ACRONYMS = frozenset({"HS", "H.S.", "B/L", "PO", "P.O.", "ID", "(KG)", "KG", "MT", "UOM", "TM", "SA", "SH", "NCM/SH",
                      "VAT", "IVA", "TVA", "HT", "P.U.", "O.C.", "U.M.", "S", "H", "N°", "Nº"})  # fmt: skip
SMALL_WORDS = frozenset({"of", "to", "de", "du", "da", "do", "des", "del", "a", "à", "y", "e", "et", "per", "la"})
GRID_GREY = 0.55  # the thin 'All Borders' lines of a template


def home_bank(ctx: Ctx) -> tuple[str, str]:
    """A bank of the seller's country (its SWIFT code names the country), or an international one."""
    home = [bank for bank in BANKS if bank[1][4:6] == ctx.s.seller.country]
    return ctx.pick(home or [bank for bank in BANKS if bank[1][4:6] in ("SG", "HK")])


def _mix(colour: RGB, share: float) -> RGB:
    """`colour` lightened towards white, keeping `share` of it (a template's tinted cells)."""
    r, g, b = colour
    return (1 - (1 - r) * share, 1 - (1 - g) * share, 1 - (1 - b) * share)


@dataclass
class _Look:
    """The template as one workbook formats it, and the document's language."""

    lang: str
    words: dict[str, tuple[str, ...]]
    accent: RGB
    tint: RGB  # caption cells and the TOTAL cell of a light template
    band: RGB  # every other item row
    dark_heads: bool  # header cells in the accent colour with white captions, or tinted with black ones
    borders: bool  # thin grey borders round every cell
    row_h: float  # mm, the sheet's row height
    size: float  # points, the body font
    upper: bool  # captions in capitals ('BILL TO') or in title case ('Bill To')

    def cap(self, caption: str) -> str:
        """A caption in the template's case."""
        if self.upper:
            return caption.upper()
        words = []
        for i, word in enumerate(caption.split(" ")):
            if word.upper() in ACRONYMS or not any(ch.isalpha() for ch in word):
                words.append(word.upper())
            elif i and word.lower() in SMALL_WORDS:
                words.append(word.lower())
            else:
                words.append(word[:1].upper() + word[1:].lower())
        return " ".join(words)

    @property
    def head_fill(self) -> RGB:
        return self.accent if self.dark_heads else self.tint

    @property
    def head_ink(self) -> RGB | None:
        return WHITE if self.dark_heads else None


def _fill(ctx: Ctx, x: float, y: float, w: float, h: float, colour: RGB) -> None:
    c, page_h = ctx.sheet.canvas, ctx.sheet.size[1]
    c.setFillColorRGB(*colour)
    c.rect(x * MM, page_h - (y + h) * MM, w * MM, h * MM, stroke=0, fill=1)
    c.setFillGray(0)


def _border(ctx: Ctx, x: float, y: float, w: float, h: float) -> None:
    c = ctx.sheet.canvas
    c.setStrokeGray(GRID_GREY)
    ctx.sheet.rect(x, y, w, h, 0.3)
    c.setStrokeGray(0)


def _cell(
    ctx: Ctx,
    x: float,
    y: float,
    w: float,
    h: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
    kind: str = "static",
    field: str | None = None,
    fill: RGB | None = None,
    ink: RGB | None = None,
    border: bool = False,
) -> float:
    """One cell: its fill, its border and its text, vertically centred as the templates format them. Returns the
    width of the text."""
    if fill is not None:
        _fill(ctx, x, y, w, h, fill)
    if border:
        _border(ctx, x, y, w, h)
    if not text:
        return 0.0
    base = y + h / 2 + size * 0.3528 * 0.36
    tx = {"left": x + 1.3, "right": x + w - 1.3, "center": x + w / 2}[align]
    if ink is not None:
        ctx.sheet.canvas.setFillColorRGB(*ink)
    width = ctx.sheet.text(tx, base, text, size, bold, kind, field, align=align, max_w=w - 2.6)
    ctx.sheet.canvas.setFillGray(0)
    return width


def _lines_cell(
    ctx: Ctx,
    x: float,
    y: float,
    w: float,
    lines: list[tuple[str, str | None]],
    size: float,
    step: float,
    align: str = "left",
) -> None:
    """Several lines in one wrapped cell, top aligned; each (text, field) line marked when it carries a field."""
    sh = ctx.sheet
    ty = y + step * 0.95
    tx = {"left": x + 1.3, "right": x + w - 1.3, "center": x + w / 2}[align]
    for text, field in lines:
        if field and align == "left":
            fl.captioned(ctx, tx, ty, text, size, field, w - 2.6)
        else:
            sh.text(tx, ty, text, size, kind="value" if field else "static", field=field, align=align, max_w=w - 2.6)
        ty += step


def _wrap(ctx: Ctx, text: str, width: float, size: float) -> list[str]:
    return ctx.sheet.wrap(text, width - 2.6, size)


@dataclass
class _Fit:
    """What one drawing came to: the foot of its last line, the row height and the template's empty rows."""

    end: float
    row_h: float
    blank_rows: int


def spreadsheet_invoice(ctx: Ctx) -> None:
    """The spreadsheet-template commercial invoice: title, company and reference cells, bill-to and ship-to
    blocks, the shipment cells, the banded item grid with the template's empty rows, the totals stack and the
    comments box.

    The sheet is first drawn on a scratch context (a context with the same seed makes the same choices) without
    the empty rows, tighter when it would run off the page; then as many of the template's empty rows are
    printed as the page holds."""
    limit = ctx.sheet.height - 14.0
    for squeeze in range(4):
        fit = _draw(Ctx(ctx.s, ctx.st), squeeze, 0)
        if fit.end <= limit:
            break
    room = int(max(0.0, limit - fit.end) // fit.row_h)
    fit = _draw(ctx, squeeze, min(fit.blank_rows, room))
    if fit.end > limit + 0.5:
        raise RuntimeError(f"spreadsheet invoice runs off the page ({fit.end:.1f} mm)")


def _draw(ctx: Ctx, squeeze: int, blank_rows: int) -> _Fit:
    """Draw the sheet with rows and type `squeeze` steps tighter and `blank_rows` empty rows under the items."""
    s, sh = ctx.s, ctx.sheet
    rng = ctx.rng
    lang = fl.language(ctx, french_share=0.45)
    words = WORDS[lang]

    def w_(key: str) -> str:
        return str(ctx.pick(words[key]))

    def c_(key: str) -> str:
        return look.cap(w_(key))

    # a workbook prints in its template's sans-serif, rarely in a font the exporter chose
    if rng.random() < 0.85:
        sh.regular, sh.bold = FONT_FAMILIES["Helvetica"]
    accent = ctx.pick(PALETTES)
    k = 1 - 0.08 * squeeze
    look = _Look(
        lang=lang,
        words=words,
        accent=accent,
        tint=_mix(accent, ctx.pick((0.16, 0.2, 0.25))),
        band=_mix(accent, 0.08) if rng.random() < 0.6 else (0.94, 0.94, 0.94),
        dark_heads=rng.random() < 0.6,
        borders=rng.random() < 0.55,
        row_h=ctx.jitter(5.5, 0.3) * k,
        size=ctx.jitter(8.6, 0.2) - 0.3 * squeeze,
        upper=rng.random() < 0.65,
    )
    size, rh = look.size, look.row_h
    x, w = ctx.left, ctx.width
    stated = "omit_origin" not in ctx.st.flags
    sea = s.transport == "Sea"
    hs = ctx.hs()
    title_bar = rng.random() < 0.4
    ref_cells = rng.random() < 0.55
    # where the exporter put the customs particulars on the template
    hs_place = ctx.pick(("grid", "shipment", "shipment", "weights"))
    origin_place = ctx.pick(("shipment", "shipment", "weights", "description"))
    variant = ctx.pick(("hs_column", "lot_column", "office"))
    if variant == "hs_column":
        hs_place = "grid"
    elif hs_place == "grid":
        hs_place = "shipment"
    page_furniture = ctx.pick(("none", "none", "footer", "file"))

    # ----- title, company and the reference cells -----
    y = max(10.5, ctx.jitter(12.5, 1.5) - squeeze)
    if page_furniture == "file":  # Excel's '&[File]' header in the top margin
        sh.text(sh.width / 2, 6.5, f"{s.invoice_no.replace('/', '-')}.xlsx", 7, align="center")
    ctx.set("seller_name", s.seller.name)
    rw = w * ctx.jitter(0.44, 0.03)
    rx = ctx.right - rw
    if title_bar:
        bar_h = ctx.jitter(11, 1) * k
        centred = rng.random() < 0.4
        _fill(ctx, x, y, w, bar_h, accent)
        sh.canvas.setFillColorRGB(*WHITE)
        title_size = ctx.jitter(17, 1.2)
        base = y + bar_h / 2 + title_size * 0.3528 * 0.36
        if centred:
            sh.text(sh.width / 2, base, w_("title"), title_size, bold=True, align="center", max_w=w - 6)
        else:
            sh.text(x + 3, base, w_("title"), title_size, bold=True, max_w=w - 6)
        sh.canvas.setFillGray(0)
        y += bar_h + ctx.jitter(4, 1)
        ref_top = y
        cy = y + 4
    else:
        title_size = ctx.jitter(22, 2)
        sh.canvas.setFillColorRGB(*accent)
        sh.text(ctx.right, y + 7, w_("title"), title_size, bold=True, align="right", max_w=rw)
        sh.canvas.setFillGray(0)
        ref_top = y + 11
        cy = y + 5
    name_ink = accent if rng.random() < 0.4 else None
    if name_ink:
        sh.canvas.setFillColorRGB(*name_ink)
    sh.text(x, cy, s.seller.name, ctx.jitter(12.5, 0.8), bold=True, kind="value", field="seller_name",
            max_w=w - rw - 6)  # fmt: skip
    sh.canvas.setFillGray(0)
    step = size * 0.45
    company = [*s.seller.lines, fl.country(ctx, lang, s.seller.country)]
    company.append(f"{w_('phone')} {s.seller.phone}")
    if rng.random() < 0.6:
        company.append(f"{w_('email')} {s.seller.email}")
    if rng.random() < 0.5:
        company.append(s.seller.tax_id)
    cy = sh.lines(x, cy + 5, company, size - 0.3, kind="static", step=step, max_w=w - rw - 6)
    ry = _references(ctx, look, rx, ref_top, rw, ref_cells)
    y = max(cy, ry) + ctx.jitter(4, 1) * k

    # ----- bill to and ship to, side by side -----
    gap = ctx.pick((0.0, 4.0, 6.0))
    half = (w - gap) / 2
    ctx.set("buyer_name", s.buyer.name)
    heads = [(x, c_("bill_to")), (x + half + gap, c_("ship_to"))]
    for hx, caption in heads:
        _cell(ctx, hx, y, half, rh, caption, size - 0.2, bold=True, fill=look.head_fill, ink=look.head_ink)
    y += rh
    buyer = [*s.buyer.lines, fl.country(ctx, lang, s.buyer.country)]
    if s.buyer.tax_id and rng.random() < 0.5:
        buyer.append(s.buyer.tax_id)
    by = y + step + 1.0
    sh.text(x + 1.3, by, s.buyer.name, size, bold=True, kind="value", field="buyer_name", max_w=half - 2.6)
    end_bill = sh.lines(x + 1.3, by + step, buyer, size - 0.3, kind="static", step=step, max_w=half - 2.6)
    sx = x + half + gap + 1.3
    if rng.random() < 0.55:
        sh.text(sx, by, s.buyer.name, size, bold=True, max_w=half - 2.6)
        end_ship = sh.lines(sx, by + step, buyer[: len(s.buyer.lines) + 1], size - 0.3, kind="static", step=step,
                            max_w=half - 2.6)  # fmt: skip
    else:
        sh.text(sx, by, w_("same"), size, max_w=half - 2.6)
        end_ship = by + step
    y = max(end_bill, end_ship) + ctx.jitter(3, 0.8) * k

    # ----- the shipment cells -----
    cells: list[tuple[str, str, str | None]] = []
    if sea:
        cells += [(c_("vessel"), s.vessel, None), (c_("loading"), s.place_loading, None),
                  (c_("discharge"), s.place_discharge, None)]  # fmt: skip
    else:
        # the truck's plates or the wagon's number say how the goods travel
        cells += [(c_("ship_via"), fl.vehicle(ctx, lang), None),
                  (c_("place_loading"), s.place_loading, None),
                  (c_("place_delivery"), s.place_discharge, None)]  # fmt: skip
    cells.append((c_("incoterms"), s.incoterm, None))
    if stated and origin_place == "shipment":
        cells.append((c_("origin"), fl.country(ctx, lang, s.declared, "country_of_origin"), "country_of_origin"))
    if hs_place == "shipment":
        cells.append((c_("hs"), hs, "hs_code"))
    if sea and rng.random() < 0.4:
        cells.append((c_("bl"), s.bl_no, None))
    y = _shipment_cells(ctx, look, x, y, w, cells) + ctx.jitter(3.5, 1) * k

    # ----- the item grid -----
    y, widths = _items(ctx, look, x, y, w, variant, hs, stated and origin_place == "description")
    template_rows = ctx.pick((8, 10, 12, 15))
    for i in range(blank_rows):
        _grid_row(ctx, look, x, y, widths, rh, (len(s.lots) + i) % 2 == 1)
        y += rh
    grid_end = y

    # ----- totals at the right, packages and weights at the left -----
    y = _totals(ctx, look, x, grid_end, w, widths)
    wy = grid_end + ctx.jitter(3, 0.8)
    # the three captions worded alike ('TOTAL PACKAGES', 'TOTAL NET WEIGHT', 'TOTAL GROSS WEIGHT')
    alike = rng.randrange(3)
    packages, net, gross = (words[key][alike % len(words[key])] for key in ("packages", "net", "gross"))
    facts: list[tuple[str, str, str | None]] = [
        (look.cap(packages), fl.packages(ctx, lang, s.packages), None),
        (look.cap(net), fl.weight(ctx, lang, s.net_kg, "net_weight_kg"), "net_weight_kg"),
        (look.cap(gross), fl.weight(ctx, lang, s.gross_kg), None),
    ]
    if stated and origin_place == "weights":
        facts.append((c_("origin"), fl.country(ctx, lang, s.declared, "country_of_origin"), "country_of_origin"))
    if hs_place == "weights":
        facts.append((c_("hs"), hs, "hs_code"))
    lw = w * 0.2
    vw = w * ctx.jitter(0.26, 0.02)
    for caption, value, field in facts:
        _cell(ctx, x, wy, lw, rh, caption, size - 0.6, bold=True, fill=look.tint, border=look.borders)
        _cell(ctx, x + lw, wy, vw, rh, value, size - 0.2, kind="value" if field else "static", field=field,
              border=True)  # fmt: skip
        wy += rh
    y = max(y, wy) + ctx.jitter(5, 1) * k

    # ----- the comments box, the closing lines and the page furniture -----
    notes = [w_("payment")]
    bank, swift = home_bank(ctx)
    account = "".join(str(rng.randrange(10)) for _ in range(12))
    notes.append(f"{w_('bank')} {bank}, SWIFT {swift}, {w_('account')} {account[:4]}-{account[4:]}")
    notes.append(w_("zero_rated"))
    if "smelter" in ctx.st.flags:
        notes.append(f"{w_('producer')}: {s.smelter.printed}")
    if rng.random() < 0.5:
        notes.append(w_("declaration"))
    cw = w * (1.0 if rng.random() < 0.5 else ctx.jitter(0.62, 0.04))
    note_size = size - 0.6
    note_lines = [part for note in notes for part in _wrap(ctx, note, cw - 1, note_size)]
    _cell(ctx, x, y, cw, rh, c_("comments"), size - 0.3, bold=True, fill=look.head_fill, ink=look.head_ink)
    box_h = len(note_lines) * note_size * 0.43 + 2.5
    _border(ctx, x, y + rh, cw, box_h)
    _lines_cell(ctx, x + 0.5, y + rh + 0.3, cw - 1, [(line, None) for line in note_lines], note_size,
                note_size * 0.43)  # fmt: skip
    y += rh + box_h
    if cw < w * 0.9 and rng.random() < 0.7:  # the signature beside a narrow comments box
        sx = x + cw + (w - cw) * 0.15
        sh.scribble(sx + 3, y - 8, min(35.0, (w - cw) * 0.6), len(s.invoice_no))
        sh.hline(sx, ctx.right, y - 4.5, 0.4)
        sh.text(sx, y - 1.3, w_("signature"), size - 1, kind="label", max_w=ctx.right - sx)
    y += ctx.jitter(6, 1) * k
    contact = f"{w_('questions')} {s.seller.person}, {s.seller.phone}, {s.seller.email}"
    for line in _wrap(ctx, contact, w, size - 0.5):
        sh.text(sh.width / 2, y, line, size - 0.5, align="center")
        y += size * 0.43
    y += 2.5
    sh.text(sh.width / 2, y, w_("thanks"), size + 1.5, bold=True, align="center")
    if page_furniture == "footer":  # Excel's page footer over the sheet's bottom margin
        sh.text(sh.width / 2, sh.height - 11.5, w_("page"), 7, align="center")
    return _Fit(y + 1.5, rh, max(0, template_rows - len(s.lots)))


def _references(ctx: Ctx, look: _Look, rx: float, y: float, rw: float, cells: bool) -> float:
    """Invoice number and date with two or three more references at the right of the head: shaded caption cells
    over bordered value cells, or right-aligned labels beside their values. Returns the y under them."""
    s = ctx.s
    words, size, rh = look.words, look.size, look.row_h
    ctx.set("invoice_number", s.invoice_no)
    first = [
        (look.cap(str(ctx.pick(words["invoice_no"]))), s.invoice_no, "invoice_number"),
        (look.cap(str(ctx.pick(words["date"]))), fl.day(ctx, look.lang, s.invoice_date, "invoice_date"),
         "invoice_date"),
    ]  # fmt: skip
    extra = [
        (look.cap(str(ctx.pick(words["customer_id"]))), f"C-{ctx.rng.randrange(1000, 99999):05d}", None),
        (look.cap(str(ctx.pick(words["po"]))), s.buyer_po, None),
        (look.cap(str(ctx.pick(words["terms"]))), str(ctx.pick(words["term_values"])), None),
    ]
    ctx.rng.shuffle(extra)
    refs = first + extra[: ctx.pick((1, 2, 2, 3))]
    if cells:
        # two captioned cells to a row, the value cells under their captions
        for i in range(0, len(refs), 2):
            pair = refs[i : i + 2]
            cw = rw / len(pair)
            for j, (caption, _, _) in enumerate(pair):
                _cell(ctx, rx + j * cw, y, cw, rh, caption, size - 0.6, bold=True, align="center",
                      fill=look.head_fill, ink=look.head_ink)  # fmt: skip
            for j, (_, value, field) in enumerate(pair):
                _cell(ctx, rx + j * cw, y + rh, cw, rh, value, size, align="center",
                      kind="value" if field else "static", field=field, border=True)  # fmt: skip
            y += 2 * rh + 0.8
        return y
    colon = ctx.rng.random() < 0.6
    lw = rw * ctx.jitter(0.45, 0.03)
    for caption, value, field in refs:
        label = f"{caption.rstrip(' :')}:" if colon else caption
        _cell(ctx, rx, y, lw, rh, label, size - 0.3, bold=True, align="right")
        _cell(ctx, rx + lw, y, rw - lw, rh, value, size, kind="value" if field else "static", field=field,
              border=look.borders)  # fmt: skip
        y += rh
    return y


def _shipment_cells(
    ctx: Ctx, look: _Look, x: float, y: float, w: float, cells: list[tuple[str, str, str | None]]
) -> float:
    """The shipment's captioned cells across the sheet, four to a row at most; a value too long for its cell
    wraps onto a second line, the row growing with it."""
    size, rh = look.size, look.row_h
    per_row = len(cells) if len(cells) <= 4 else (len(cells) + 1) // 2
    for i in range(0, len(cells), per_row):
        row = cells[i : i + per_row]
        cw = w / len(row)
        for j, (caption, _, _) in enumerate(row):
            _cell(ctx, x + j * cw, y, cw, rh, caption, size - 0.9, bold=True, fill=look.head_fill,
                  ink=look.head_ink, border=look.borders)  # fmt: skip
        y += rh
        wrapped = [_wrap(ctx, value, cw, size - 0.4)[:2] for _, value, _ in row]
        vh = max(rh, max(len(lines) for lines in wrapped) * (size - 0.4) * 0.42 + 2.2)
        for j, ((_, _, field), lines) in enumerate(zip(row, wrapped, strict=True)):
            _border(ctx, x + j * cw, y, cw, vh)
            marked = [(line, field if n == 0 else None) for n, line in enumerate(lines)]
            _lines_cell(ctx, x + j * cw, y + 0.2, cw, marked, size - 0.4, (size - 0.4) * 0.42)
        y += vh
    return y


def _qty_unit(ctx: Ctx, lang: str) -> str:
    """The quantity column's unit: tonnes when every lot weighs whole kilograms (three decimals print it
    exactly), kilograms otherwise."""
    whole = all(lot.net_kg == lot.net_kg.to_integral_value() for lot in ctx.s.lots)
    if whole and ctx.rng.random() < 0.7:
        return str(ctx.pick({"en": ("MT", "M/T", "t"), "es": ("TM", "t"), "fr": ("t", "TM"), "pt": ("t", "TM")}[lang]))
    return str(ctx.pick(("kg", "KGS") if lang == "en" else ("kg",)))


def _qty(ctx: Ctx, kg: Decimal, unit: str) -> str:
    if unit in ("kg", "KGS"):
        return ctx.num(kg, 0 if kg == kg.to_integral_value() else 1)
    return ctx.num(kg / 1000, 3)


def _items(
    ctx: Ctx, look: _Look, x: float, y: float, w: float, variant: str, hs: str, origin_line: bool
) -> tuple[float, list[float]]:
    """The header row and one banded row per lot. `variant` is the template's column set: item number,
    description, HS code, quantity, price and amount; or with lot, packages and net kilograms in columns; or
    the office template's description, quantity, unit, unit price and line total. Returns the y under the last
    row and the column widths."""
    s, sh = ctx.s, ctx.sheet
    lang, words, size, rh = look.lang, look.words, look.size, look.row_h

    def w_(key: str) -> str:
        return look.cap(str(ctx.pick(words[key])))

    unit = _qty_unit(ctx, lang)
    # metal is priced per tonne whatever unit the quantity column counts in
    price_head = w_("price")
    if lang == "en" and "/" not in price_head and ctx.rng.random() < 0.5:
        price_head += f" ({s.currency}/MT)"
    if variant == "hs_column":
        heads = [w_("item"), w_("description"), w_("hs"), f"{w_('qty')} ({unit})", price_head, w_("amount")]
        shares = [0.07, 0.4, 0.13, 0.12, 0.13, 0.15]
        aligns = ["center", "left", "center", "right", "right", "right"]
    elif variant == "lot_column":
        heads = [w_("item"), w_("description"), w_("lot"), w_("pkgs"), w_("net_kg"), price_head, w_("amount")]
        shares = [0.06, 0.3, 0.15, 0.08, 0.13, 0.13, 0.15]
        aligns = ["center", "left", "left", "right", "right", "right", "right"]
    else:
        heads = [w_("description"), w_("qty"), w_("unit"), price_head, w_("amount")]
        shares = [0.49, 0.12, 0.08, 0.14, 0.17]
        aligns = ["left", "right", "center", "right", "right"]
    widths = [w * share for share in shares]
    head_size = size - 0.7
    head_lines = [_wrap(ctx, head, cw, head_size)[:2] for head, cw in zip(heads, widths, strict=True)]
    hh = max(rh, max(len(lines) for lines in head_lines) * head_size * 0.42 + 2.2)
    cx = x
    for cw, lines, align in zip(widths, head_lines, aligns, strict=True):
        _fill(ctx, cx, y, cw, hh, look.head_fill)
        if look.borders:
            _border(ctx, cx, y, cw, hh)
        if look.head_ink:
            sh.canvas.setFillColorRGB(*look.head_ink)
        ty = y + hh / 2 - (len(lines) - 1) * head_size * 0.21 + head_size * 0.3528 * 0.36
        tx = {"left": cx + 1.3, "right": cx + cw - 1.3, "center": cx + cw / 2}[align]
        for line in lines:
            sh.text(tx, ty, line, head_size, bold=True, kind="label", align=align, max_w=cw - 2.6)
            ty += head_size * 0.42
        sh.canvas.setFillGray(0)
        cx += cw
    y += hh

    description = fl.description(ctx, lang)
    lot_word = str(ctx.pick(words["lot_word"]))
    price = ctx.num(s.unit_price, 2)
    step = size * 0.43
    origin = fl.country(ctx, lang, s.declared, "country_of_origin") if origin_line else ""
    origin_caption = str(ctx.pick(words["origin"])).capitalize()
    desc_w = widths[0 if variant == "office" else 1]
    for i, lot in enumerate(s.lots):
        text: list[tuple[str, str | None]] = [(line, None) for line in _wrap(ctx, description, desc_w, size)]
        if variant != "lot_column":
            text.append((f"{lot_word} {lot.number} - {fl.packages(ctx, lang, lot.packages)}", None))
        if i == 0 and origin:
            text.append((f"{origin_caption}: {origin}", "country_of_origin"))
        if i == 0 and "description" in s.china_text:
            text += [(line, None) for line in _wrap(ctx, s.china_text["description"], desc_w, size)]
        row_h = max(rh, len(text) * step + 1.6)
        amount = ctx.num(s.line_amount(lot), 2)
        hs_cell = (hs, "hs_code" if i == 0 else None)
        if variant == "hs_column":
            cells = [(str(i + 1), None), None, hs_cell, (f"{_qty(ctx, lot.net_kg, unit)} {unit}", None),
                     (price, None), (amount, None)]  # fmt: skip
        elif variant == "lot_column":
            cells = [(str(i + 1), None), None, (lot.number, None), (str(lot.packages), None),
                     (ctx.num(lot.net_kg, 1), None), (price, None), (amount, None)]  # fmt: skip
        else:
            cells = [None, (_qty(ctx, lot.net_kg, unit), None), (unit, None), (price, None), (amount, None)]
        _grid_row(ctx, look, x, y, widths, row_h, i % 2 == 1)
        cx = x
        for cw, cell, align in zip(widths, cells, aligns, strict=True):
            if cell is None:
                _lines_cell(ctx, cx, y + 0.4, cw, text, size, step)
            else:
                _lines_cell(ctx, cx, y + 0.4, cw, [cell], size, step, align)
            cx += cw
        y += row_h
    return y, widths


def _grid_row(ctx: Ctx, look: _Look, x: float, y: float, widths: list[float], h: float, banded: bool) -> None:
    """The fill and borders of one item row (the template formats its empty rows the same way)."""
    if banded:
        _fill(ctx, x, y, sum(widths), h, look.band)
    if look.borders:
        cx = x
        for cw in widths:
            _border(ctx, cx, y, cw, h)
            cx += cw
    else:
        c = ctx.sheet.canvas
        c.setStrokeGray(0.75)
        ctx.sheet.hline(x, x + sum(widths), y + h, 0.25)
        c.setStrokeGray(0)


def _totals(ctx: Ctx, look: _Look, x: float, y: float, w: float, widths: list[float]) -> float:
    """The totals stacked under the grid's last columns: subtotal, freight, insurance and the optional rows, then
    the total in the accounting format (currency at the cell's left edge). Returns the y under the total."""
    s = ctx.s
    words, size, rh = look.words, look.size, look.row_h
    vw = widths[-1]
    vx = x + w - vw
    lw = widths[-2] + widths[-3]
    lx = vx - lw

    def c_(key: str) -> str:
        return look.cap(str(ctx.pick(words[key])))

    # the accounting format prints a zero as a dash
    nil = ctx.pick((ctx.num(Decimal(0), 2), "-"))
    included = str(ctx.pick(words["included"]))
    term = s.incoterm[:3]
    # freight and insurance are in the price under the terms that make the seller pay them
    rows = [
        (c_("subtotal"), ctx.num(s.total_amount, 2)),
        (c_("freight"), included if term in ("CIF", "CFR", "CPT", "CIP", "DAP") else nil),
        (c_("insurance"), included if term in ("CIF", "CIP") else nil),
    ]
    if ctx.rng.random() < 0.3:
        rows.insert(1, (c_("discount"), nil))
    if ctx.rng.random() < 0.45:
        rows += [(c_("tax_rate"), f"{ctx.num(Decimal(0), 2)}%"), (c_("tax"), nil)]
    if ctx.rng.random() < 0.3:
        rows.append((c_("other"), nil))
    for label, value in rows:
        _cell(ctx, lx, y, lw, rh, label, size - 0.3, align="right")
        _cell(ctx, vx, y, vw, rh, value, size, align="right", border=look.borders)
        y += rh
    # the TOTAL row: bold, shaded or under a double rule, the currency and the figure at the two edges of the
    # value cell, which takes room from its label when both would not fit
    th = rh + 0.8
    total_size = size + 0.3
    fill = look.accent if look.dark_heads and ctx.rng.random() < 0.6 else look.tint
    ink = WHITE if fill == look.accent else None
    ctx.set("total_amount", float(s.total_amount))
    ctx.set("currency", s.currency)
    code = s.currency if ctx.st.money_style != "symbol" else {"USD": "US$", "EUR": "€"}[s.currency]
    figure = ctx.num(s.total_amount, 2)
    need = sum(ctx.sheet.text_width(part, total_size, True) for part in (code, figure)) + 6
    tvx = min(vx, x + w - need)
    _fill(ctx, lx, y, lw + vw, th, fill)
    if fill != look.accent and ctx.rng.random() < 0.5:
        ctx.sheet.hline(tvx, vx + vw, y + 0.3, 0.4)
        ctx.sheet.hline(tvx, vx + vw, y + 0.9, 0.4)
    _cell(ctx, lx, y, tvx - lx, th, c_("total"), total_size, bold=True, align="right", ink=ink)
    tw = vx + vw - tvx
    _cell(ctx, tvx, y, tw, th, code, total_size, bold=True, kind="value", field="currency", ink=ink)
    _cell(ctx, tvx, y, tw, th, figure, total_size, bold=True, align="right", kind="value", field="total_amount",
          ink=ink)  # fmt: skip
    return y + th
