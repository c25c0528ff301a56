"""Commercial invoice family `un_aligned`: the invoice drawn on the UN Layout Key for Trade Documents.

The aligned invoice (UNECE Recommendation No. 1, the Layout Key, and No. 6, the aligned invoice layout key for
international trade) is the ruled box grid that national trade-facilitation bodies (SITPRO's 'Topform' export
invoice in the United Kingdom, the aligned export documents of India and Pakistan, the French 'formule-cadre'
facture) print for exporters. Its boxes sit at the Layout Key's places:

* the seller (exporter) in the top left box, the document title at the top of the right half and under it the
  reference boxes: invoice number and date (tax point), seller's reference, buyer's reference (order number) and
  other reference;
* the consignee on the left, the buyer (if not the consignee) on the right, under it the countries of origin and
  of destination;
* vessel / flight number and date, port of loading, port of discharge and place of delivery in four boxes on
  the left, the terms of delivery and payment beside them on the right;
* the goods area: shipping marks and container number, number and kind of packages with the description of the
  goods, commodity code, total gross weight (kg) and total cube (m3); under it one line per lot with its
  packages, weights, quantity, price and amount;
* the invoice total with its currency, the exporter's certification, and the name of the signatory, place and
  date of issue and signature in boxes at the foot.

Captions are small, in the top left corner of each box, the values under them. English captions in the British
(SITPRO) or the South-Asian export wording, or French captions; Spanish captions on a Spanish-language document.
Every value a field records is drawn with kind="value"; wording, box sizes and spacing vary per document.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from samplegen.formatting import WeightStyle, fmt_date, unambiguous_date_style
from samplegen.layouts.common import Ctx
from samplegen.layouts.invoice_forms import country_fr, description_fr, packages_fr
from samplegen.parties import Party

# Caption wordings: 'uk' after the SITPRO aligned export invoice, 'ads' after the aligned export invoice of the
# South-Asian exporters, 'fr' after the French aligned forms, 'es' after the Spanish ones.
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "uk": {
        "copy": ("ORIGINAL", "COPY"),
        "order": ("Order", "Order no."),
        "bl": ("B/L No.", "Bill of lading"),
        "for": ("For and on behalf of", "For"),
        "pl": ("P/L", "Packing list"),
        "title": ("INVOICE", "COMMERCIAL INVOICE", "EXPORT INVOICE"),
        "seller": ("Seller", "Seller (name, address, VAT reg. no.)", "Seller / exporter"),
        "invoice": ("Invoice no. and date (tax point)", "Invoice number and date (tax point)"),
        "seller_ref": ("Seller's reference", "Seller's reference(s)"),
        "buyer_ref": ("Buyer's reference", "Buyer's reference (order no.)"),
        "other_ref": ("Other reference", "Other reference(s)"),
        "consignee": ("Consignee",),
        "buyer": ("Buyer (if not consignee)", "Buyer (if other than consignee)"),
        "origin": ("Country of origin of goods",),
        "destination": ("Country of destination",),
        "terms": ("Terms of delivery and payment",),
        "vessel": ("Vessel / flight no. and date", "Vessel/flight no. and date"),
        "loading": ("Port / airport of loading", "Port/airport of loading"),
        "discharge": ("Port / airport of discharge", "Port of discharge"),
        "delivery": ("Place of delivery",),
        "marks": ("Shipping marks; container number", "Marks and numbers; container no."),
        "goods": ("Number and kind of packages; description of goods",),
        "commodity": ("Commodity code",),
        "gross": ("Total gross wt (kg)", "Total gross weight (kg)"),
        "cube": ("Total cube (m3)",),
        "item": ("Item / packages", "Item/packages"),
        "weights": ("Gross / net / cube (if different)", "Gross/net/cube (if different)"),
        "qty": ("Quantity",),
        "price": ("Price",),
        "amount": ("Amount",),
        "total": ("Invoice total", "Invoice total (state currency)"),
        "net_total": ("Total net weight", "Total net wt"),
        "signatory": ("Name of signatory",),
        "place": ("Place and date of issue",),
        "signature": ("Signature",),
        "declaration": (
            "It is hereby certified that this invoice shows the actual price of the goods described, that all "
            "particulars are true and correct.",
            "We certify that this invoice is true and correct and that it shows the actual price of the goods "
            "described.",
        ),
        "lot": ("Lot",),
        "as_consignee": ("As consignee", "SAME AS CONSIGNEE"),
        "payment": ("T/T 30 days from B/L date", "Cash against documents", "Irrevocable L/C at sight"),
        "producer": ("Producer",),
    },
    "ads": {
        "copy": ("ORIGINAL", "DUPLICATE"),
        "order": ("Order No.", "P.O."),
        "bl": ("B/L No.", "B/L:"),
        "for": ("For", "For and on behalf of"),
        "pl": ("P/L No.",),
        "title": ("INVOICE", "EXPORT INVOICE", "COMMERCIAL INVOICE"),
        "seller": ("Exporter",),
        "invoice": ("Invoice No. & Date",),
        "seller_ref": ("Exporter's Ref.", "Exporter's Reference"),
        "buyer_ref": ("Buyer's Order No. & Date", "Buyer's Order No."),
        "other_ref": ("Other Reference(s)",),
        "consignee": ("Consignee",),
        "buyer": ("Buyer (if other than consignee)",),
        "origin": ("Country of Origin of Goods",),
        "destination": ("Country of Final Destination",),
        "terms": ("Terms of Delivery and Payment",),
        "vessel": ("Vessel / Flight No.", "Vessel/Flight No. & Date"),
        "loading": ("Port of Loading",),
        "discharge": ("Port of Discharge",),
        "delivery": ("Final Destination",),
        "marks": ("Marks & Nos. / Container No.",),
        "goods": ("No. & Kind of Pkgs.; Description of Goods",),
        "commodity": ("H.S. Code", "Commodity Code"),
        "gross": ("Gross Wt. (kg)", "Total Gross Wt. (kg)"),
        "cube": ("Measurement (m3)", "Total Cube (m3)"),
        "item": ("Lot / Packages",),
        "weights": ("Gross / Net Wt.", "Net Wt."),
        "qty": ("Quantity",),
        "price": ("Rate", "Price"),
        "amount": ("Amount",),
        "total": ("Total Amount", "Amount Chargeable"),
        "net_total": ("Total Net Wt.", "Net Weight"),
        "signatory": ("Name of Signatory", "Authorised Signatory"),
        "place": ("Place and Date", "Place & Date of Issue"),
        "signature": ("Signature & Date", "Signature"),
        "declaration": (
            "Declaration: We declare that this invoice shows the actual price of the goods described and that all "
            "particulars are true and correct.",
        ),
        "lot": ("Lot",),
        "as_consignee": ("SAME AS CONSIGNEE", "As per consignee"),
        "payment": ("Advance T/T", "D/P at sight", "L/C at sight"),
        "producer": ("Manufacturer",),
    },
    "fr": {
        "copy": ("ORIGINAL", "COPIE"),
        "order": ("Commande", "Commande n°"),
        "bl": ("Connaissement n°", "B/L n°"),
        "for": ("Pour", "Pour le vendeur,"),
        "pl": ("Colisage",),
        "title": ("FACTURE", "FACTURE COMMERCIALE"),
        "seller": ("Vendeur", "Vendeur (nom, adresse, n° TVA)", "Vendeur / exportateur"),
        "invoice": ("N° et date de la facture", "Facture n° et date"),
        "seller_ref": ("Référence du vendeur", "Références du vendeur"),
        "buyer_ref": ("Référence de l'acheteur", "Réf. acheteur (n° de commande)"),
        "other_ref": ("Autre référence", "Autres références"),
        "consignee": ("Destinataire",),
        "buyer": ("Acheteur (si autre que le destinataire)", "Acheteur (si différent du destinataire)"),
        "origin": ("Pays d'origine des marchandises",),
        "destination": ("Pays de destination",),
        "terms": ("Conditions de livraison et de paiement",),
        "vessel": ("Navire / vol n° et date",),
        "loading": ("Port / aéroport de chargement",),
        "discharge": ("Port / aéroport de déchargement",),
        "delivery": ("Lieu de livraison",),
        "marks": ("Marques et numéros ; n° de conteneur", "Marques d'expédition ; n° du conteneur"),
        "goods": ("Nombre et nature des colis ; désignation des marchandises",),
        "commodity": ("Code marchandise", "Position tarifaire"),
        "gross": ("Poids brut total (kg)",),
        "cube": ("Cubage total (m3)", "Volume total (m3)"),
        "item": ("Article / colis",),
        "weights": ("Brut / net / cubage (si différent)",),
        "qty": ("Quantité",),
        "price": ("Prix",),
        "amount": ("Montant",),
        "total": ("Total de la facture", "Montant total de la facture"),
        "net_total": ("Poids net total",),
        "signatory": ("Nom du signataire",),
        "place": ("Lieu et date d'émission",),
        "signature": ("Signature",),
        "declaration": (
            "Nous certifions que la présente facture indique le prix réel des marchandises désignées et que toutes "
            "les indications qui y figurent sont exactes.",
        ),
        "lot": ("Lot",),
        "as_consignee": ("Identique au destinataire", "Voir destinataire"),
        "payment": ("Virement à 30 jours date de B/L", "Crédit documentaire irrévocable à vue"),
        "producer": ("Producteur",),
    },
    "es": {
        "copy": ("ORIGINAL", "COPIA"),
        "order": ("Pedido", "Orden de compra"),
        "bl": ("Conocimiento n°", "B/L n°"),
        "for": ("Por", "Por el vendedor,"),
        "pl": ("Lista de empaque",),
        "title": ("FACTURA COMERCIAL", "FACTURA", "FACTURA DE EXPORTACIÓN"),
        "seller": ("Vendedor", "Vendedor / exportador", "Vendedor (nombre, domicilio, RFC / NIF)"),
        "invoice": ("N° y fecha de factura", "Factura n° y fecha"),
        "seller_ref": ("Referencia del vendedor", "Ref. del vendedor"),
        "buyer_ref": ("Referencia del comprador", "Ref. del comprador (n° de pedido)"),
        "other_ref": ("Otra referencia", "Otras referencias"),
        "consignee": ("Consignatario", "Destinatario"),
        "buyer": ("Comprador (si no es el consignatario)", "Comprador (si es distinto del destinatario)"),
        "origin": ("País de origen de las mercancías",),
        "destination": ("País de destino",),
        "terms": ("Condiciones de entrega y pago",),
        "vessel": ("Buque / vuelo n° y fecha",),
        "loading": ("Puerto / aeropuerto de carga", "Puerto / aeropuerto de embarque"),
        "discharge": ("Puerto / aeropuerto de descarga",),
        "delivery": ("Lugar de entrega",),
        "marks": ("Marcas de expedición; n° de contenedor", "Marcas y números; contenedor n°"),
        "goods": ("Número y clase de bultos; descripción de las mercancías",),
        "commodity": ("Código de mercancía", "Fracción arancelaria"),
        "gross": ("Peso bruto total (kg)",),
        "cube": ("Volumen total (m3)",),
        "item": ("Partida / bultos",),
        "weights": ("Bruto / neto / volumen (si difiere)",),
        "qty": ("Cantidad",),
        "price": ("Precio",),
        "amount": ("Importe",),
        "total": ("Total factura", "Importe total de la factura"),
        "net_total": ("Peso neto total",),
        "signatory": ("Nombre del firmante",),
        "place": ("Lugar y fecha de expedición",),
        "signature": ("Firma",),
        "declaration": (
            "Certificamos que la presente factura muestra el precio real de las mercancías descritas y que todos "
            "los datos son verdaderos y correctos.",
        ),
        "lot": ("Lote",),
        "as_consignee": ("El mismo consignatario", "Igual al destinatario"),
        "payment": ("Transferencia a 30 días fecha B/L", "Carta de crédito irrevocable a la vista"),
        "producer": ("Productor",),
    },
}

CAPTION = 6.0  # points: the small box captions of the form
MIN_VALUE = 6.6


@dataclass
class _Form:
    """The document's wording and the helpers that print in its language."""

    ctx: Ctx
    dialect: str  # "uk" | "ads" | "fr" | "es"

    @property
    def lang(self) -> str:
        return {"uk": "en", "ads": "en"}.get(self.dialect, self.dialect)

    def w(self, key: str) -> str:
        return str(self.ctx.pick(WORDS[self.dialect][key]))

    def country(self, code: str, field: str | None = None, upper: bool = False) -> str:
        if self.lang == "fr":
            name = country_fr(self.ctx, code, field)
            return name.upper() if upper else name
        return self.ctx.country(code, upper, field)

    def day(self, d: date, field: str | None = None) -> str:
        style = self.ctx.st.date_style
        if self.lang == "fr" and style in ("long_en", "short_en", "long_es"):
            style = "long_fr"
        if field:
            self.ctx.set(field, d.isoformat())
        return fmt_date(d, unambiguous_date_style(d, style, self.lang))

    def weight_style(self) -> WeightStyle | None:
        # a French form does not print tonnes in English words
        return WeightStyle("kg", 2) if self.lang == "fr" and self.ctx.st.weight.unit == "metric tons" else None

    def packages(self, n: int) -> str:
        return packages_fr(self.ctx, n) if self.lang == "fr" else self.ctx.packages_text(n)

    def description(self) -> str:
        return description_fr(self.ctx) if self.lang == "fr" else self.ctx.s.description(self.lang)

    def party(self, p: Party) -> list[str]:
        return [*p.lines, self.country(p.country)]


def _caption_lines(ctx: Ctx, w: float, caption: str) -> list[str]:
    return ctx.sheet.wrap(caption, w - 2.4, CAPTION)


def _need(ctx: Ctx, w: float, caption: str, lines: int, step: float) -> float:
    """The height a box needs for its caption and `lines` value lines `step` apart."""
    return 2.6 + len(_caption_lines(ctx, w, caption)) * CAPTION * 0.38 + 2.9 + max(lines - 1, 0) * step + 2.0


def _box(ctx: Ctx, x: float, y: float, w: float, h: float, caption: str) -> float:
    """A ruled box with its caption small in the top left corner; returns the first value baseline."""
    sh = ctx.sheet
    sh.rect(x, y, w, h, 0.45)
    ly = y + 2.6
    for line in _caption_lines(ctx, w, caption):
        sh.text(x + 1.2, ly, line, CAPTION, kind="label")
        ly += CAPTION * 0.38
    return ly + 2.9


def _values(
    ctx: Ctx, x: float, y: float, w: float, lines: list[str], size: float, step: float, field: str | None = None
) -> float:
    """Value lines inside a box (the first one carrying `field`); returns the baseline after the last."""
    sh = ctx.sheet
    for i, line in enumerate(lines):
        sh.text(
            x + 2.0,
            y,
            line,
            size,
            bold=False,
            kind="value" if (field and i == 0) else "static",
            field=field if i == 0 else None,
            max_w=w - 3.5,
        )
        y += step
    return y


def _wrap_all(ctx: Ctx, lines: list[str], width: float, size: float) -> list[str]:
    return [part for line in lines for part in ctx.sheet.wrap(line, width, size)]


def un_aligned(ctx: Ctx) -> None:
    """The aligned commercial invoice: seller, references, parties, countries, transport and terms in the box
    grid of the UN Layout Key, the goods area, the lines per lot, the invoice total and the certification.

    The form is first laid out on a scratch sheet (a context with the same seed draws the same choices); when
    many lots or long names would run it off the page, the boxes and type are drawn tighter, as a typist
    fills the form more densely."""
    limit = ctx.sheet.height - 13.0
    for squeeze in range(4):
        end = _draw(Ctx(ctx.s, ctx.st), squeeze)
        if end <= limit:
            break
    # a one-page form's goods area runs down the sheet, leaving a margin that varies from form to form
    slack = 0.0
    if ctx.st.pages == 1:
        share = random.Random(f"{ctx.s.shipment_id}|{ctx.s.invoice_no}|un_aligned").uniform(0.45, 1.0)
        slack = max(0.0, (limit - end) * share - 1.5)
    end = _draw(ctx, squeeze, slack)
    if end > limit + 0.5:
        raise RuntimeError(f"aligned invoice runs off the page ({end:.1f} mm)")


def _draw(ctx: Ctx, squeeze: int, slack: float = 0.0) -> float:
    """Draw the form with type and boxes `squeeze` steps tighter and the goods area `slack` mm deeper; returns
    the foot of the last box."""
    s, sh = ctx.s, ctx.sheet
    k = 1 - 0.08 * squeeze  # box heights
    tight = 0.45 * squeeze  # points off the type sizes
    if ctx.lang == "es":
        dialect = "es"
    else:
        # the French aligned forms print decimal commas
        dialect = ctx.pick(("uk", "uk", "ads", "fr") if ctx.st.conv == "comma" else ("uk", "uk", "ads"))
    f = _Form(ctx, dialect)
    x, w = ctx.left, ctx.width
    half = w * ctx.jitter(0.5, 0.015)
    rest = w - half
    value = ctx.jitter(8.2, 0.3) - tight
    step = value * 0.41
    bottom_limit = sh.height - 13.0

    # ----- top: seller on the left; title and references on the right -----
    top = ctx.jitter(11.5, 1.0)
    title = f.w("title")
    title_h = ctx.jitter(11.0, 1.0) * k
    ref_w = rest / 2
    inv_cap, sref_cap, bref_cap, oref_cap = f.w("invoice"), f.w("seller_ref"), f.w("buyer_ref"), f.w("other_ref")
    ref_h = max(
        ctx.jitter(11.5, 0.8) * k,
        _need(ctx, ref_w, inv_cap, 2, step),
        _need(ctx, ref_w, sref_cap, 1, step),
    )
    ref2_h = max(ctx.jitter(10.0, 0.8) * k, _need(ctx, ref_w, bref_cap, 1, step), _need(ctx, ref_w, oref_cap, 1, step))
    seller_cap = f.w("seller")
    upper = ctx.rng.random() < 0.3
    seller_lines = [*f.party(s.seller), s.seller.tax_id]
    if ctx.rng.random() < 0.6:
        seller_lines.append(f"Tel. {s.seller.phone}")
    seller_lines = _wrap_all(ctx, seller_lines, half - 4, value - 0.6)
    seller_h = max(title_h + ref_h + ref2_h, _need(ctx, half, seller_cap, len(seller_lines) + 1, step))
    # the title block grows with the seller's box, the reference boxes stay at the foot of the right half
    title_h = seller_h - ref_h - ref2_h
    ctx.set("seller_name", s.seller.name)
    vy = _box(ctx, x, top, half, seller_h, seller_cap)
    name = s.seller.name.upper() if upper else s.seller.name
    sh.text(x + 2.0, vy, name, value + 0.4, bold=True, kind="value", field="seller_name", max_w=half - 3.5)
    _values(ctx, x, vy + step + 0.3, half, seller_lines, value - 0.6, step * 0.95)
    # the document's name at the top of the right half
    title_size = ctx.jitter(13.5, 1.0)
    if ctx.rng.random() < 0.5:
        sh.text(x + half + 3.0, top + title_h / 2 + 2.0, title, title_size, bold=True, max_w=rest - 6)
    else:
        sh.text(x + half + rest / 2, top + title_h / 2 + 2.0, title, title_size, bold=True, align="center",
                max_w=rest - 6)  # fmt: skip
    if ctx.rng.random() < 0.4:
        sh.text(ctx.right, top - 1.6, f.w("copy"), 6.5, align="right")
    ry = top + title_h
    ctx.set("invoice_number", s.invoice_no)
    vy = _box(ctx, x + half, ry, ref_w, ref_h, inv_cap)
    sh.text(x + half + 2.0, vy, s.invoice_no, value, kind="value", field="invoice_number", max_w=ref_w - 3.5)
    sh.text(x + half + 2.0, vy + step + 0.2, f.day(s.invoice_date, "invoice_date"), value, kind="value",
            field="invoice_date", max_w=ref_w - 3.5)  # fmt: skip
    seller_ref = ctx.pick(
        (
            f"{ctx.pick(('S/O', 'EXP', 'Order'))} {s.invoice_date:%y}{ctx.rng.randrange(1000, 9999)}",
            f"{f.w('pl')} {s.pl_no}",
        )
    )
    vy = _box(ctx, x + half + ref_w, ry, rest - ref_w, ref_h, sref_cap)
    _values(ctx, x + half + ref_w, vy, rest - ref_w, [seller_ref], value, step)
    ry += ref_h
    vy = _box(ctx, x + half, ry, ref_w, ref2_h, bref_cap)
    po = ctx.pick((s.buyer_po, f"PO {s.buyer_po}", f"{f.w('order')} {s.buyer_po}"))
    _values(ctx, x + half, vy, ref_w, [po], value, step)
    vy = _box(ctx, x + half + ref_w, ry, rest - ref_w, ref2_h, oref_cap)
    other = ctx.pick((f"B/L {s.bl_no}", f"{f.w('bl')} {s.bl_no}"))
    _values(ctx, x + half + ref_w, vy, rest - ref_w, [other], value, step)
    y = top + seller_h

    # ----- consignee on the left; buyer, then the countries, on the right -----
    cons_cap, buyer_cap = f.w("consignee"), f.w("buyer")
    origin_cap, dest_cap = f.w("origin"), f.w("destination")
    buyer_lines = _wrap_all(ctx, f.party(s.buyer), half - 4, value - 0.6)
    buyer_mode = ctx.pick(("as_consignee", "as_consignee", "repeat"))
    country_h = max(ctx.jitter(10.5, 0.6) * k, _need(ctx, rest / 2, origin_cap, 1, step),
                    _need(ctx, rest / 2, dest_cap, 1, step))  # fmt: skip
    buyer_h = max(
        ctx.jitter(24.0, 2.0) * k,
        _need(ctx, rest, buyer_cap, len(buyer_lines) + 1 if buyer_mode == "repeat" else 1, step),
    )
    cons_h = max(buyer_h + country_h, _need(ctx, half, cons_cap, len(buyer_lines) + 1, step))
    buyer_h = cons_h - country_h
    ctx.set("buyer_name", s.buyer.name)
    vy = _box(ctx, x, y, half, cons_h, cons_cap)
    bname = s.buyer.name.upper() if upper else s.buyer.name
    sh.text(x + 2.0, vy, bname, value + 0.2, bold=True, kind="value" if buyer_mode != "repeat" else "static",
            field="buyer_name" if buyer_mode != "repeat" else None, max_w=half - 3.5)  # fmt: skip
    _values(ctx, x, vy + step + 0.3, half, buyer_lines, value - 0.6, step * 0.95)
    vy = _box(ctx, x + half, y, rest, buyer_h, buyer_cap)
    if buyer_mode == "repeat":
        sh.text(x + half + 2.0, vy, bname, value + 0.2, bold=True, kind="value", field="buyer_name",
                max_w=rest - 3.5)  # fmt: skip
        _values(ctx, x + half, vy + step + 0.3, rest, _wrap_all(ctx, f.party(s.buyer), rest - 4, value - 0.6),
                value - 0.6, step * 0.95)  # fmt: skip
    else:
        sh.text(x + half + 2.0, vy, f.w("as_consignee"), value, max_w=rest - 3.5)
    cy = y + buyer_h
    vy = _box(ctx, x + half, cy, rest / 2, country_h, origin_cap)
    if "omit_origin" not in ctx.st.flags:
        origin = f.country(s.declared, "country_of_origin", upper=upper)
        sh.text(x + half + 2.0, vy, origin, value, kind="value", field="country_of_origin", max_w=rest / 2 - 3.5)
    vy = _box(ctx, x + half + rest / 2, cy, rest / 2, country_h, dest_cap)
    _values(ctx, x + half + rest / 2, vy, rest / 2, [f.country(s.plan.dest, upper=upper)], value, step)
    y += cons_h

    # ----- transport in four boxes on the left; terms of delivery and payment on the right -----
    quarter = half / 2
    vessel_cap, loading_cap = f.w("vessel"), f.w("loading")
    discharge_cap, delivery_cap, terms_cap = f.w("discharge"), f.w("delivery"), f.w("terms")
    small = value - 0.6
    vessel_lines = _wrap_all(ctx, [s.vessel, f.day(s.departure_date)], quarter - 4, small)
    loading_lines = _wrap_all(ctx, [s.place_loading], quarter - 4, small)
    discharge_lines = _wrap_all(ctx, [s.place_discharge], quarter - 4, small)
    overland = s.transport != "Sea"
    delivery_place = s.place_discharge if overland else s.buyer.lines[-1]
    delivery_lines = _wrap_all(ctx, [delivery_place], quarter - 4, small)
    row1 = max(
        ctx.jitter(11.5, 0.8) * k,
        _need(ctx, quarter, vessel_cap, len(vessel_lines), step),
        _need(ctx, quarter, loading_cap, len(loading_lines), step),
    )
    row2 = max(
        ctx.jitter(11.5, 0.8) * k,
        _need(ctx, quarter, discharge_cap, len(discharge_lines), step),
        _need(ctx, quarter, delivery_cap, len(delivery_lines), step),
    )
    terms_lines = _wrap_all(ctx, [s.incoterm, f.w("payment")], rest - 4, small)
    terms_h = max(row1 + row2, _need(ctx, rest, terms_cap, len(terms_lines), step))
    row2 = terms_h - row1
    for bx, by, bw, bh, cap, lines in (
        (x, y, quarter, row1, vessel_cap, vessel_lines),
        (x + quarter, y, half - quarter, row1, loading_cap, loading_lines),
        (x, y + row1, quarter, row2, discharge_cap, discharge_lines),
        (x + quarter, y + row1, half - quarter, row2, delivery_cap, delivery_lines),
        (x + half, y, rest, terms_h, terms_cap, terms_lines),
    ):
        vy = _box(ctx, bx, by, bw, bh, cap)
        _values(ctx, bx, vy, bw, lines, small, step)
    y += terms_h

    # ----- the goods area: marks, packages and description, commodity code, gross weight, cube -----
    shares = [ctx.jitter(0.2, 0.015), 0.0, ctx.jitter(0.13, 0.01), ctx.jitter(0.13, 0.01), ctx.jitter(0.12, 0.01)]
    shares[1] = 1 - sum(shares)
    widths = [w * share for share in shares]
    caps = [f.w("marks"), f.w("goods"), f.w("commodity"), f.w("gross"), f.w("cube")]
    cap_h = max(len(_caption_lines(ctx, cw, cap)) for cw, cap in zip(widths, caps, strict=True)) * CAPTION * 0.38
    goods_size = ctx.jitter(7.8, 0.25) - tight
    gstep = goods_size * 0.42
    marks = s.marks(f.lang if f.lang != "fr" else "en")
    marks_lines = _wrap_all(ctx, marks, widths[0] - 3.5, goods_size - 0.3)
    packing = f.packages(s.packages)
    desc = [f"{packing}", f.description()]
    desc += [f"{f.w('lot')} {lot.number}: {f.packages(lot.packages)}" for lot in s.lots]
    if "description" in s.china_text:
        desc.append(s.china_text["description"])
    if "smelter" in ctx.st.flags:
        desc.append(f"{f.w('producer')}: {s.smelter.printed}")
    desc_lines = _wrap_all(ctx, desc, widths[1] - 3.5, goods_size)
    body_lines = max(len(marks_lines), len(desc_lines), 3)
    goods_h = 2.6 + cap_h + 2.9 + (body_lines - 1) * gstep + 2.5 + slack
    sh.rect(x, y, w, goods_h, 0.45)
    cx = x
    for i, (cw, cap) in enumerate(zip(widths, caps, strict=True)):
        if i:
            sh.vline(cx, y, y + goods_h, 0.3)
        ly = y + 2.6
        for line in _caption_lines(ctx, cw, cap):
            sh.text(cx + 1.2, ly, line, CAPTION, kind="label")
            ly += CAPTION * 0.38
        cx += cw
    vy = y + 2.6 + cap_h + 2.9
    _values(ctx, x, vy, widths[0], marks_lines, goods_size - 0.3, gstep)
    _values(ctx, x + widths[0], vy, widths[1], desc_lines, goods_size, gstep)
    hx = x + widths[0] + widths[1]
    sh.text(hx + 2.0, vy, ctx.hs(), goods_size + 0.3, kind="value", field="hs_code", max_w=widths[2] - 3.5)
    gx = hx + widths[2] + widths[3] - 1.8
    gross_places = ctx.pick((0, 1, 2))
    sh.text(gx, vy, ctx.kg(s.gross_kg, gross_places), goods_size + 0.3, align="right", max_w=widths[3] - 3.5)
    y += goods_h

    # ----- one line per lot: packages, weights, quantity, price and amount -----
    lshares = [ctx.jitter(0.3, 0.02), ctx.jitter(0.2, 0.015), ctx.jitter(0.15, 0.01), ctx.jitter(0.15, 0.01), 0.0]
    lshares[4] = 1 - sum(lshares)
    lw_ = [w * share for share in lshares]
    lcaps = [f.w("item"), f.w("weights"), f.w("qty"), f"{f.w('price')} ({s.currency}/{ctx.t('MT', 'TM')})",
             f"{f.w('amount')} ({s.currency})"]  # fmt: skip
    aligns = ["left", "right", "right", "right", "right"]
    line_size = ctx.jitter(7.8, 0.2) - tight
    lstep = line_size * 0.42
    unit = ctx.pick(("MT", "M/T", "t")) if f.lang != "es" else ctx.pick(("TM", "MT"))
    wstyle = f.weight_style()
    rows: list[list[str]] = []
    for lot in s.lots:
        weights = [
            f"G {ctx.weight(lot.gross_kg, style=wstyle)}",
            f"N {ctx.weight(lot.net_kg, style=wstyle)}",
        ]
        rows.append(
            [
                f"{f.w('lot')} {lot.number}\n{f.packages(lot.packages)}",
                "\n".join(weights),
                ctx.weight_as(lot.net_kg, unit),
                ctx.num(s.unit_price, 2),
                ctx.num(s.line_amount(lot), 2),
            ]
        )
    lcap_h = max(len(_caption_lines(ctx, cw, cap)) for cw, cap in zip(lw_, lcaps, strict=True)) * CAPTION * 0.38
    head_h = 2.6 + lcap_h + 1.2

    def heads(at: float) -> float:
        sh.rect(x, at, w, head_h, 0.45)
        cx = x
        for i, (cw, cap) in enumerate(zip(lw_, lcaps, strict=True)):
            ly = at + 2.6
            for line in _caption_lines(ctx, cw, cap):
                if aligns[i] == "left":
                    sh.text(cx + 1.2, ly, line, CAPTION, kind="label")
                else:
                    sh.text(cx + cw - 1.2, ly, line, CAPTION, kind="label", align="right")
                ly += CAPTION * 0.38
            cx += cw
        return at + head_h

    def frame(start: float, end: float) -> None:
        sh.rect(x, start, w, end - start, 0.45)
        cx = x
        for cw in lw_[:-1]:
            cx += cw
            sh.vline(cx, start, end, 0.3)

    start = y
    y = heads(y)
    foot_need = 48.0  # the totals, certification and signatory boxes under the lines
    for i, row in enumerate(rows):
        cells = [_wrap_all(ctx, cell.split("\n"), cw - 3.0, line_size) for cell, cw in zip(row, lw_, strict=True)]
        rh = max(len(c) for c in cells) * lstep + 2.4
        if ctx.st.pages > len(sh.pages) and (i == 2 or y + rh > bottom_limit - foot_need):
            frame(start, y)
            sh.text(ctx.right, y + 4.0, ctx.t("continued overleaf ...", "continúa ..."), 7, align="right")
            sh.new_page()
            sh.text(x, 15, f"{title} {s.invoice_no} - {ctx.t('continuation sheet', 'hoja de continuación')}",
                    9, bold=True)  # fmt: skip
            sh.text(ctx.right, 15, s.seller.name, 8, align="right", max_w=w * 0.45)
            start = 20.0
            y = heads(start)
        cx = x
        for cw, lines, align in zip(lw_, cells, aligns, strict=True):
            ty = y + 1.2 + line_size * 0.3
            for line in lines:
                tx = cx + 1.5 if align == "left" else cx + cw - 1.5
                sh.text(tx, ty, line, line_size, align=align, max_w=cw - 3.0)
                ty += lstep
            cx += cw
        y += rh
        sh.hline(x, x + w, y, 0.25)
    # the total line: packages, net weight and quantity
    th = ctx.jitter(6.5, 0.4) * k
    tx = x + lw_[0] + lw_[1] - 1.5
    sh.text(x + 1.5, y + th - 2.0, f"{f.w('net_total')} / {f.packages(s.packages)}", line_size, bold=True,
            kind="label", max_w=lw_[0] - 3.0)  # fmt: skip
    sh.text(tx, y + th - 2.0, ctx.weight(s.net_kg, "net_weight_kg", wstyle), line_size, bold=True, kind="value",
            field="net_weight_kg", align="right", max_w=lw_[1] - 3.0)  # fmt: skip
    qx = tx + lw_[2]
    sh.text(qx, y + th - 2.0, ctx.weight_as(s.net_kg, unit), line_size, align="right", max_w=lw_[2] - 3.0)
    sh.text(ctx.right - 1.5, y + th - 2.0, ctx.num(s.total_amount, 2), line_size, align="right",
            max_w=lw_[4] - 3.0)  # fmt: skip
    y += th
    frame(start, y)

    # ----- the invoice total, the certification and the signatory's boxes -----
    total_cap = f.w("total")
    tot_h = max(ctx.jitter(11.0, 0.6) * k, _need(ctx, rest, total_cap, 1, step))
    vy = _box(ctx, x + half, y, rest, tot_h, total_cap)
    ctx.set("total_amount", float(s.total_amount))
    ctx.set("currency", s.currency)
    amount_size = value + 0.8
    sh.text(x + half + 2.0, vy + 0.6, s.currency, amount_size, bold=True, kind="value", field="currency")
    sh.text(ctx.right - 2.0, vy + 0.6, ctx.num(s.total_amount, 2), amount_size, bold=True, kind="value",
            field="total_amount", align="right", max_w=rest - 16)  # fmt: skip
    sign_caps = [f.w("signatory"), f.w("place"), f.w("signature")]
    sign_h = [max(ctx.jitter(9.5, 0.5) * k, _need(ctx, rest, cap, 1, step)) for cap in sign_caps]
    sign_h[2] = max(sign_h[2], ctx.jitter(15.0, 1.0) * k)
    sy = y + tot_h
    vy = _box(ctx, x + half, sy, rest, sign_h[0], sign_caps[0])
    _values(ctx, x + half, vy, rest, [f"{s.seller.person}, {s.seller.title}"], value - 0.4, step)
    sy += sign_h[0]
    vy = _box(ctx, x + half, sy, rest, sign_h[1], sign_caps[1])
    place = s.seller.city or s.seller.lines[-1]
    _values(ctx, x + half, vy, rest, [f"{place}, {f.day(s.invoice_date)}"], value - 0.4, step)
    sy += sign_h[1]
    _box(ctx, x + half, sy, rest, sign_h[2], sign_caps[2])
    sh.scribble(x + half + 8, sy + sign_h[2] - 4.5, min(40.0, rest - 16), len(s.invoice_no))
    sy += sign_h[2]
    # the exporter's certification in the left half, beside the signatory's boxes
    sh.rect(x, y, half, sy - y, 0.45)
    dy = sh.para(x + 2.0, y + 4.5, f.w("declaration"), half - 4.5, ctx.jitter(7.4, 0.2), kind="static")
    if ctx.rng.random() < 0.5:
        sh.para(x + 2.0, dy + 3.0, f"{f.w('for')} {s.seller.name}", half - 4.5, 7.2)
    return sy
