"""`sscc_pallets`: the packing list printed from the pallets' GS1 logistic labels, one row or one label copy per
pallet or bundle with its SSCC, added after the extractors were built (no extractor was changed for it).

Where the smelter labels every pallet or strapped bundle with a GS1 logistic label (the buyer's warehouse scans the
SSCC at receipt), the dispatch office prints the packing list from the same label data. What such a list carries,
after the GS1 logistic label guideline and the application identifiers (AIs) of the GS1 General Specifications:

* the title, shipper and consignee, the packing list's number and date, the invoice and the buyer's order, the
  means of transport and the route; the goods, their packing and, where the labels carry it, the GTIN of the
  contained bags or ingots (AI 02);
* one row per logistic unit (the SSCC after its AI (00): extension digit, GS1 company prefix, serial reference and
  the GS1 mod-10 check digit; the batch or lot, AI (10); the bags or ingots on it, AI (37); net and gross kilos,
  AIs (310n) and (330n), n the decimals; sometimes the element string as the barcode's human-readable line), or a
  copy of each label's lower section (the SSCC in large type under its GS1-128 barcode where there is room, the
  data titles with their figures and element strings);
* the totals of units, net and gross weight in a total row and / or a summary box in the document's weight unit,
  in English also the units in words; the marks; the signatures of the dispatch office.

English, Spanish, French (a Belgian exporter) or Portuguese (a Brazilian buyer) captions; the labels' data titles
in English as the GS1 titles read or in the document's language. Every value a field records is drawn with
kind="value"; rows or label copies, columns, barcodes, the totals' place, wording and spacing vary per document.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.barcode.code128 import Code128

from samplegen.draw import MM, Cell, Column
from samplegen.facts import Lot
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.invoice_forms import number_in_words_en

# GS1 prefixes of the member organisations of the exporters' countries (a company prefix starts with one).
GS1_PREFIXES: dict[str, tuple[str, ...]] = {
    "TH": ("885",),
    "MX": ("750",),
    "BE": ("540", "541", "542", "543", "544", "545"),
    "CA": ("754", "755"),
    "MY": ("955",),
    "ID": ("899",),
    "VN": ("893",),
    "OM": ("607",),
    "TJ": ("488",),
    "BO": ("777",),
}
FNC1 = "\xf1"  # reportlab's Code 128 function character 1: first, it makes the symbol GS1-128
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("PACKING LIST", "PACKING LIST - SSCC DETAIL", "PALLET PACKING LIST"),
        "shipper": ("Shipper:", "Ship from:", "Exporter:"),
        "consignee": ("Consignee:", "Ship to:", "Deliver to:"),
        "pl_no": ("Packing list no.:", "P/L No.:", "Despatch no.:"),
        "date": ("Date:", "Despatch date:"),
        "invoice": ("Invoice no.:", "Commercial invoice:", "Inv. ref.:"),
        "po": ("Customer order:", "Your order:", "P.O. No.:"),
        "transport": ("Vessel / vehicle:", "Means of transport:", "Per:"),
        "route": ("From / to:", "Loading / discharge:"),
        "goods": ("Goods:", "Description:"),
        "packing": ("Packing:",),
        "content": ("Content GTIN (02):", "GTIN of contents (02):"),
        "intro": ("Logistic units as labelled (GS1 logistic label, SSCC):", "Pallet details from the GS1 labels:",
                  "Units shipped, by SSCC:"),
        "no": ("No.", "#"),
        "sscc": ("SSCC (00)", "SSCC", "Serial shipping container code (00)"),
        "lot": ("Batch / lot (10)", "Lot no. (10)", "Batch (10)"),
        "bags": ("Bags (37)", "Bags"),
        "ingots": ("Ingots (37)", "Ingots"),
        "net": ("Net kg ({ai})", "Net weight kg", "N.W. (kg)"),
        "gross": ("Gross kg ({ai})", "Gross weight kg", "G.W. (kg)"),
        "element": ("GS1-128 data (human readable)", "Element string"),
        "subtotal": ("Lot subtotal", "Subtotal"),
        "total": ("TOTAL", "Total", "GRAND TOTAL"),
        "total_units": ("Total units:", "Total packages:", "No. of SSCCs:"),
        "total_net": ("Total net weight:", "Net weight total:"),
        "total_gross": ("Total gross weight:", "Gross weight total:"),
        "say": ("SAY: {words} ({n}) {word} ONLY", "SAY TOTAL {words} ({n}) {word}"),
        "marks": ("Marks:", "Shipping marks:"),
        "prepared": ("Prepared by (dispatch)", "Issued by"),
        "checked": ("Checked by", "Labels verified by"),
    },
    "es": {
        "title": ("LISTA DE EMPAQUE", "LISTA DE EMPAQUE POR PALLET (SSCC)", "PACKING LIST / LISTA DE EMPAQUE"),
        "shipper": ("Embarcador:", "Remitente:", "Exportador:"),
        "consignee": ("Consignatario:", "Destinatario:"),
        "pl_no": ("Lista de empaque No.:", "Lista No.:", "Remisión No.:"),
        "date": ("Fecha:", "Fecha de despacho:"),
        "invoice": ("Factura No.:", "Factura comercial:"),
        "po": ("Orden de compra:", "Pedido del cliente:"),
        "transport": ("Transporte:", "Buque / unidad:"),
        "route": ("Origen / destino:", "Embarque / destino:"),
        "goods": ("Mercancía:", "Descripción:"),
        "packing": ("Empaque:", "Embalaje:"),
        "content": ("GTIN del contenido (02):",),
        "intro": ("Unidades logísticas según etiqueta GS1 (SSCC):", "Detalle por pallet según etiquetas GS1:"),
        "no": ("No.", "#"),
        "sscc": ("SSCC (00)", "SSCC", "Código SSCC (00)"),
        "lot": ("Lote (10)", "Lote No. (10)"),
        "bags": ("Sacos (37)", "Sacos"),
        "ingots": ("Lingotes (37)", "Lingotes"),
        "net": ("Neto kg ({ai})", "Peso neto kg", "P.N. (kg)"),
        "gross": ("Bruto kg ({ai})", "Peso bruto kg", "P.B. (kg)"),
        "element": ("Datos GS1-128 (legible)", "Cadena GS1"),
        "subtotal": ("Subtotal lote", "Subtotal"),
        "total": ("TOTAL", "Total", "TOTAL GENERAL"),
        "total_units": ("Total de unidades:", "Total de bultos:"),
        "total_net": ("Peso neto total:", "Total peso neto:"),
        "total_gross": ("Peso bruto total:", "Total peso bruto:"),
        "marks": ("Marcas:", "Marcas de embarque:"),
        "prepared": ("Elaboró (embarques)", "Emitido por"),
        "checked": ("Revisó", "Etiquetas verificadas por"),
    },
    "fr": {
        "title": ("LISTE DE COLISAGE", "LISTE DE COLISAGE PAR PALETTE (SSCC)"),
        "shipper": ("Expéditeur :", "Exportateur :"),
        "consignee": ("Destinataire :", "Livrer à :"),
        "pl_no": ("Liste de colisage n° :", "Bordereau n° :"),
        "date": ("Date :", "Date d'expédition :"),
        "invoice": ("Facture n° :", "Facture commerciale :"),
        "po": ("Votre commande :", "Commande n° :"),
        "transport": ("Transport :", "Navire / véhicule :"),
        "route": ("Départ / destination :",),
        "goods": ("Marchandise :", "Désignation :"),
        "packing": ("Conditionnement :",),
        "content": ("GTIN du contenu (02) :",),
        "intro": ("Unités logistiques selon étiquette GS1 (SSCC) :", "Détail par palette (étiquettes GS1) :"),
        "no": ("N°",),
        "sscc": ("SSCC (00)", "N° SSCC"),
        "lot": ("Lot (10)", "N° de lot (10)"),
        "bags": ("Sacs (37)", "Sacs"),
        "ingots": ("Lingots (37)", "Lingots"),
        "net": ("Net kg ({ai})", "Poids net kg"),
        "gross": ("Brut kg ({ai})", "Poids brut kg"),
        "element": ("Données GS1-128 (en clair)",),
        "subtotal": ("Sous-total lot", "Sous-total"),
        "total": ("TOTAL", "Total général"),
        "total_units": ("Nombre total d'unités :", "Total colis :"),
        "total_net": ("Poids net total :",),
        "total_gross": ("Poids brut total :",),
        "marks": ("Marques :",),
        "prepared": ("Établi par (expédition)", "Émis par"),
        "checked": ("Contrôlé par", "Étiquettes vérifiées par"),
    },
    "pt": {
        "title": ("ROMANEIO DE CARGA", "PACKING LIST / ROMANEIO", "ROMANEIO POR PALETE (SSCC)"),
        "shipper": ("Remetente:", "Exportador:"),
        "consignee": ("Destinatário:", "Consignatário:"),
        "pl_no": ("Romaneio nº:", "Nº do romaneio:"),
        "date": ("Data:", "Data de expedição:"),
        "invoice": ("Fatura nº:", "Fatura comercial:"),
        "po": ("Pedido do cliente:", "Seu pedido:"),
        "transport": ("Transporte:", "Navio / veículo:"),
        "route": ("Origem / destino:",),
        "goods": ("Mercadoria:", "Descrição:"),
        "packing": ("Embalagem:",),
        "content": ("GTIN do conteúdo (02):",),
        "intro": ("Unidades logísticas conforme etiqueta GS1 (SSCC):", "Detalhe por palete (etiquetas GS1):"),
        "no": ("Nº",),
        "sscc": ("SSCC (00)", "Código SSCC"),
        "lot": ("Lote (10)", "Lote nº (10)"),
        "bags": ("Sacos (37)", "Sacos"),
        "ingots": ("Lingotes (37)", "Lingotes"),
        "net": ("Líquido kg ({ai})", "Peso líquido kg", "P.L. (kg)"),
        "gross": ("Bruto kg ({ai})", "Peso bruto kg", "P.B. (kg)"),
        "element": ("Dados GS1-128 (legível)",),
        "subtotal": ("Subtotal lote", "Subtotal"),
        "total": ("TOTAL", "Total geral"),
        "total_units": ("Total de volumes:", "Quantidade de volumes:"),
        "total_net": ("Peso líquido total:",),
        "total_gross": ("Peso bruto total:",),
        "marks": ("Marcas:",),
        "prepared": ("Emitido por (expedição)",),
        "checked": ("Conferido por", "Etiquetas conferidas por"),
    },
}  # fmt: skip
# The labels' data titles: the GS1 titles, or the document's language.
DATA_TITLES: dict[str, dict[str, str]] = {
    "en": {"sscc": "SSCC", "lot": "BATCH/LOT", "count": "COUNT", "net": "NET WEIGHT (kg)",
           "gross": "GROSS WEIGHT (kg)"},
    "es": {"sscc": "SSCC", "lot": "LOTE", "count": "CANTIDAD", "net": "PESO NETO (kg)", "gross": "PESO BRUTO (kg)"},
    "fr": {"sscc": "SSCC", "lot": "LOT", "count": "QUANTITÉ", "net": "POIDS NET (kg)", "gross": "POIDS BRUT (kg)"},
    "pt": {"sscc": "SSCC", "lot": "LOTE", "count": "QUANTIDADE", "net": "PESO LÍQUIDO (kg)",
           "gross": "PESO BRUTO (kg)"},
}  # fmt: skip


@dataclass(frozen=True)
class Unit:
    """One logistic unit as its label has it."""

    number: int
    sscc: str
    lot: Lot
    count: int  # bags or ingots on it
    net: Decimal
    gross: Decimal


def gs1_check_digit(digits: str) -> str:
    """The GS1 mod-10 check digit: from the rightmost digit leftwards weights 3, 1, 3, ...; the digit that brings
    the sum up to a multiple of ten."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str(-total % 10)


def with_check_digit(body: str) -> str:
    return body + gs1_check_digit(body)


def sscc_hri(sscc: str, company_len: int, grouped: bool) -> str:
    """The SSCC as the label prints it under the barcode: '(00) 3 8851234 000012345 6' grouped into extension
    digit, company prefix, serial reference and check digit, or the 18 digits in one run."""
    if not grouped:
        return f"(00) {sscc}"
    return f"(00) {sscc[0]} {sscc[1 : 1 + company_len]} {sscc[1 + company_len : 17]} {sscc[17]}"


def measure(ai: str, kg: Decimal, decimals: int, sep: str = " ") -> str:
    """A logistic measure's element string: the AI with the implied decimals as its fourth digit, six digits."""
    return f"({ai}{decimals}){sep}{int(kg * 10**decimals):06d}"


def gs1_128(ctx: Ctx, x: float, y: float, data: str, width: float, height: float) -> float:
    """A GS1-128 symbol of `data` (AIs and their fields, FNC1 first) no wider than `width` mm, top-left at (x, y);
    returns its width in mm."""
    probe = Code128(FNC1 + data, barWidth=1.0, humanReadable=0, quiet=0)
    modules = probe.width  # in bar widths at one point each
    bar = min(0.3 * MM, width * MM / modules)
    symbol = Code128(FNC1 + data, barWidth=bar, barHeight=height * MM, humanReadable=0, quiet=0)
    sh = ctx.sheet
    symbol.drawOn(sh.canvas, x * MM, (sh.height - y - height) * MM)
    return symbol.width / MM


def _units(ctx: Ctx, lots: list[Lot], company: str) -> list[Unit]:
    """The logistic units in package-number order, their SSCCs serialised as the labels were printed."""
    s, rng = ctx.s, ctx.rng
    extension = rng.randrange(0, 10)
    serial = rng.randrange(1, 10 ** (16 - len(company)) - 200)
    units = []
    for lot in lots:
        for net, gross in zip(lot.package_nets, lot.package_gross, strict=True):
            body = f"{extension}{company}{serial:0{16 - len(company)}d}"
            count = int(net // 25) if s.product == "trioxide" else max(1, int((net / 25).quantize(Decimal(1))))
            units.append(Unit(len(units) + 1, with_check_digit(body), lot, count, net, gross))
            serial += 1
    return units


def sscc_pallets(ctx: Ctx, lots: list[Lot]) -> None:
    draw_to_fit(ctx, lambda c, squeeze: _draw(c, lots, squeeze), "SSCC packing list", tries=5)


def _draw(ctx: Ctx, lots: list[Lot], squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    lang = fl.language(ctx, french_share=0.5)
    words = WORDS[lang]

    def w_(key: str) -> str:
        return str(ctx.pick(words[key]))

    k = 1 - 0.1 * squeeze
    size = ctx.jitter(8.4, 0.3) - 0.3 * squeeze
    step = size * 0.45
    gs1 = ctx.pick(GS1_PREFIXES.get(s.seller.country, ("590",)))
    company = gs1 + "".join(str(rng.randrange(10)) for _ in range(ctx.pick((4, 5, 6))))  # a 7- to 9-digit prefix
    units = _units(ctx, lots, company)
    n_units = len(units)
    fractional = any(u.net % 1 or u.gross % 1 for u in units)
    decimals = (1 if fractional else 0) + ctx.pick((0, 0, 1))
    places = max(decimals, ctx.pick((0, 1, 2)) if not fractional else 1)
    grouped = rng.random() < 0.5

    # ----- head: the shipper, the title -----
    y = ctx.jitter(14, 1) - 0.5 * squeeze
    centred = rng.random() < 0.4
    address = ", ".join([*s.seller.lines, fl.country(ctx, lang, s.seller.country)])
    if centred:
        sh.text(sh.width / 2, y, s.seller.name, ctx.jitter(12, 0.5), bold=True, align="center", max_w=w)
        sh.text(sh.width / 2, y + 4.3, address, size - 1, align="center", max_w=w)
        y += 11.5
        sh.text(sh.width / 2, y, w_("title"), ctx.jitter(13, 0.6), bold=True, align="center", max_w=w)
    else:
        sh.text(x, y, s.seller.name, ctx.jitter(11.5, 0.5), bold=True, max_w=w * 0.58)
        sh.text(x, y + 4.2, address, size - 1.2, max_w=w * 0.58)
        sh.text(ctx.right, y + 1, w_("title"), ctx.jitter(12.5, 0.6), bold=True, align="right", max_w=w * 0.4)
        y += 4.5
    sh.hline(x, ctx.right, y + 2.5, ctx.pick((0.5, 0.9)))
    y += ctx.jitter(8, 0.8) * max(k, 0.85)

    # ----- parties at the left, references at the right -----
    half = w * ctx.jitter(0.5, 0.03)
    py = y
    gln = rng.random() < 0.35
    for key, party in (("shipper", s.seller), ("consignee", s.buyer)):
        sh.text(x, py, w_(key), size - 0.3, bold=True, kind="label")
        lines = [party.name, *party.lines, fl.country(ctx, lang, party.country)]
        if gln and party is s.seller:
            lines.append(f"GLN {with_check_digit(company + f'{1:0{12 - len(company)}d}')}")
        py = sh.lines(x + 2, py + step + 0.5, lines, size - 0.3, kind="static", bold_first=True, step=step,
                      max_w=half - 5)  # fmt: skip
        py += 1.8 * k
    refs: list[tuple[str, str, str | None]] = [
        (w_("pl_no"), s.pl_no, None),
        (w_("date"), fl.day(ctx, lang, s.invoice_date), None),
        (w_("invoice"), s.pl_invoice_ref, "invoice_number"),
        (w_("po"), s.buyer_po, None),
        (w_("transport"), fl.vehicle(ctx, lang), None),
        (w_("route"), f"{s.place_loading} / {s.place_discharge}", None),
    ]
    if rng.random() < 0.35:
        refs.insert(0, refs.pop(2))  # the invoice first, as when the list is an annex to it
    rx = x + half
    gap = min(max(sh.text_width(label, size - 0.3, True) for label, _, _ in refs) + 2.5, (ctx.right - rx) * 0.45)
    ry = y
    for label, value, field in refs:
        own = sh.text(rx, ry, label, size - 0.3, bold=True, kind="label") + 2
        tab = max(gap, own)
        room = ctx.right - rx - tab
        # a value too long for its line even in small type (a long route) runs onto a second line
        parts = [value] if field or sh.text_width(value, 7) <= room else sh.wrap(value, room, size - 0.1)
        for part in parts:
            sh.text(rx + tab, ry, part, size - 0.1, kind="value" if field else "static", field=field, max_w=room)
            ry += step + 0.8 * k
    y = max(py, ry) + ctx.jitter(2, 0.5) * k

    y = sh.para(x, y, f"{w_('goods')} {fl.description(ctx, lang)}", w, size - 0.2, step)
    y = sh.para(x, y, f"{w_('packing')} {fl.packing_text(ctx, lang)}", w, size - 0.5, step)
    if rng.random() < 0.55:
        gtin = with_check_digit("1" + company + f"{rng.randrange(1, 99):0{12 - len(company)}d}")
        sh.text(x, y, f"{w_('content')} {gtin}", size - 0.5)
        y += step
    y += 2.5 * k
    sh.text(x, y, w_("intro"), size, bold=rng.random() < 0.6)
    y += ctx.jitter(2.5, 0.3)

    # ----- the units: a table of rows, or a copy of each label's lower section -----
    net_total = sum((u.net for u in units), Decimal(0))
    gross_total = sum((u.gross for u in units), Decimal(0))
    as_labels = n_units <= 16 and rng.random() < 0.5  # a copy of every label fits the page for a few units only
    total_row = False
    if as_labels:
        y = _label_copies(ctx, lang, units, company, grouped, decimals, places, x, y, w, squeeze)
    else:
        y, total_row = _unit_table(ctx, lang, units, company, grouped, decimals, places, x, y, w, size, k)
    y += ctx.jitter(4.5, 0.6) * k

    # ----- the summary box (always without a total row) and the marks beside or under it -----
    top = y
    bw = w * ctx.jitter(0.5, 0.03)
    if not total_row or rng.random() < 0.4:
        if total_row:  # repeating the row's figures in kilograms
            weights = [(w_("total_net"), f"{ctx.kg(net_total, places)} kg", "net_weight_kg"),
                       (w_("total_gross"), f"{ctx.kg(gross_total, places)} kg", "gross_weight_kg")]  # fmt: skip
        else:
            weights = [
                (w_("total_net"), fl.weight(ctx, lang, net_total, "net_weight_kg"), "net_weight_kg"),
                (w_("total_gross"), fl.weight(ctx, lang, gross_total, "gross_weight_kg"), "gross_weight_kg"),
            ]
        totals = [(w_("total_units"), fl.packages(ctx, lang, n_units), "package_count"), *weights]
        label_w = max(sh.text_width(label, size, True) for label, _, _ in totals) + 3
        ty = y + 4.2
        for label, value, field in totals:
            sh.text(x + 2.5, ty, label, size, bold=True, kind="label")
            sh.text(x + 2.5 + label_w, ty, value, size + 0.2, bold=True, kind="value", field=field,
                    max_w=bw - label_w - 5)  # fmt: skip
            ty += step + 1.1 * k
        sh.rect(x, top, bw, ty - top - 1.6, ctx.pick((0.5, 0.8)))
        y = ty + 0.5
    if lang == "en" and rng.random() < 0.6:  # the units again in words, as 'say total' lines print them
        word = fl.package_word(ctx, lang, n_units != 1).upper()
        y += 1.5
        sh.text(x, y, w_("say").format(words=number_in_words_en(n_units), n=n_units, word=word), size, bold=True,
                max_w=bw)  # fmt: skip
        y += step + 1
    beside = y > top and rng.random() < 0.7
    mx, my = (x + bw + w * 0.06, top + 3.5) if beside else (x, y + ctx.jitter(4, 0.6) * k)
    sh.text(mx, my, w_("marks"), size - 0.3, bold=True, kind="label")
    marks = s.marks("es" if lang == "es" else "en", packing_list=True)
    my = sh.lines(mx + 2, my + step + 0.4, marks, size - 0.5, kind="static", step=step, max_w=ctx.right - mx - 2)
    y = max(y, my) + ctx.jitter(5, 0.6) * k

    # ----- signatures of the dispatch office -----
    cw = w / 2.6
    for i, key in enumerate(("prepared", "checked")):
        cx = x + i * (cw + w * 0.1)
        if i == 0 or rng.random() < 0.6:
            sh.scribble(cx + 5, y + 6, 26, len(s.pl_no) + i)
        sh.hline(cx, cx + cw, y + 9, 0.4)
        sh.text(cx, y + 12.5, w_(key), size - 1, kind="label", max_w=cw)
    return y + 14


def _unit_table(ctx: Ctx, lang: str, units: list[Unit], company: str, grouped: bool, decimals: int, places: int,
                x: float, y: float, w: float, size: float, k: float) -> tuple[float, bool]:  # fmt: skip
    """One row per unit, lot subtotals where the dispatch office adds them, and a total row unless the totals go
    in a box only (always in a box when the document weighs in pounds). Returns the y under the table and whether
    it closes with a total row."""
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    words = WORDS[lang]

    def w_(key: str) -> str:
        return str(ctx.pick(words[key]))

    count_key = "bags" if s.product == "trioxide" else "ingots"
    element = len(units) <= 12 and rng.random() < 0.5  # two lines a row: on short lists only
    spec: list[tuple[str, float, str]] = [("no", 0.05, "left"), ("sscc", 0.27, "left"), ("lot", 0.17, "left"),
                                          (count_key, 0.09, "right"), ("net", 0.12, "right"),
                                          ("gross", 0.12, "right")]  # fmt: skip
    if element:
        spec.append(("element", 0.36, "left"))
    scale = w / sum(f for _, f, _ in spec)
    ais = {"net": f"310{decimals}", "gross": f"330{decimals}"}
    cols = [Column(w_(key).format(ai=ais.get(key, "")), f * scale, align) for key, f, align in spec]
    keys = [key for key, _, _ in spec]
    subtotals = len({u.lot.number for u in units}) > 1 and len(units) <= 18 and rng.random() < 0.3
    subtotal_word = w_("subtotal")
    rows: list[list[Cell | str]] = []
    hri_in_table = rng.random() < 0.5
    for i, u in enumerate(units):
        text = sscc_hri(u.sscc, len(company), grouped) if hri_in_table else u.sscc
        # the fixed-length AIs first, the batch (variable length) last
        net_ai, gross_ai = measure("310", u.net, decimals, ""), measure("330", u.gross, decimals, "")
        cells: dict[str, Cell] = {
            "no": Cell(str(u.number), "static"),
            "sscc": Cell(text, "static"),
            "lot": Cell(u.lot.number, field="lot_numbers"),
            count_key: Cell(str(u.count), "static"),
            "net": Cell(ctx.kg(u.net, places), "static"),
            "gross": Cell(ctx.kg(u.gross, places), "static"),
            "element": Cell(f"(00){u.sscc} {net_ai} {gross_ai} (10){u.lot.number}", "static"),
        }
        rows.append([cells[key] for key in keys])
        last_of_lot = i + 1 == len(units) or units[i + 1].lot is not u.lot
        if subtotals and last_of_lot:
            mine = [v for v in units if v.lot is u.lot]
            sub = {key: Cell("", "static") for key in keys}
            sub["lot"] = Cell(subtotal_word, "label", bold=True)
            sub[count_key] = Cell(str(sum(v.count for v in mine)), "static", bold=True)
            sub["net"] = Cell(ctx.kg(sum((v.net for v in mine), Decimal(0)), places), "static", bold=True)
            sub["gross"] = Cell(ctx.kg(sum((v.gross for v in mine), Decimal(0)), places), "static", bold=True)
            rows.append([sub[key] for key in keys])
    total_row = ctx.st.weight.unit != "lbs" and rng.random() < 0.6
    if total_row:
        net = sum((u.net for u in units), Decimal(0))
        gross = sum((u.gross for u in units), Decimal(0))
        ctx.set("net_weight_kg", float(net))
        ctx.set("gross_weight_kg", float(gross))
        tot = {key: Cell("", "static") for key in keys}
        tot["sscc"] = Cell(w_("total"), "label", bold=True)
        tot["lot"] = Cell(fl.packages(ctx, lang, len(units)), field="package_count", bold=True)
        tot[count_key] = Cell(str(sum(u.count for u in units)), "static", bold=True)
        tot["net"] = Cell(ctx.kg(net, places), field="net_weight_kg", bold=True)
        tot["gross"] = Cell(ctx.kg(gross, places), field="gross_weight_kg", bold=True)
        rows.append([tot[key] for key in keys])
    end = sh.table(x, y, cols, rows, size=size - 0.7, line_h=ctx.jitter(3.3, 0.15) * k, pad=1.0 * k,
                   grid=rng.random() < 0.75, bottom=sh.height * 2)  # fmt: skip
    return end, total_row


def _label_copies(ctx: Ctx, lang: str, units: list[Unit], company: str, grouped: bool, decimals: int,
                  places: int, x: float, y: float, w: float, squeeze: int) -> float:  # fmt: skip
    """A copy of each unit's label, lower section: the unit's number of the total, the SSCC's GS1-128 barcode with
    its human-readable line (or the SSCC alone), batch and count, net and gross weight with their element strings
    (in narrow copies the element strings with the figures, without data titles). Returns the y under the grid."""
    sh, rng = ctx.sheet, ctx.rng
    titles = DATA_TITLES[ctx.pick(("en", lang))]
    n = len(units)
    cols = ctx.pick((2, 3)) if n <= 8 else 3 if n <= 12 else 4
    gap = ctx.jitter(2.5, 0.4)
    base = ctx.jitter(7.6, 0.2) - 0.25 * squeeze
    bar_h = ctx.jitter(8.5, 0.8)
    room = sh.height - 14 - y - 50  # what the totals, the marks and the signatures leave to the copies

    def height(columns: int, with_bars: bool) -> float:
        one = 2.8 + (base - 0.35 * (columns - 2)) * 0.44 * 5 + (bar_h + 1.0 if with_bars else 0.0)
        return -(-n // columns) * (one + gap) - gap

    # barcodes only where the copies with them fit, in more columns if need be
    barcodes = rng.random() < 0.75 and squeeze < 2
    fitting = [c for c in range(cols, 5) if height(c, True) <= room] if barcodes else []
    barcodes = bool(fitting)
    cols = fitting[0] if fitting else cols
    rows = (n + cols - 1) // cols
    bw = (w - gap * (cols - 1)) / cols
    narrow = bw < 50
    size = base - 0.35 * (cols - 2)
    step = size * 0.44
    bh = 2.8 + step * 5 + (bar_h + 1.0 if barcodes else 0.0)
    word = fl.package_word(ctx, lang, False).upper()
    thick = rng.random() < 0.5
    for i, u in enumerate(units):
        row, col = divmod(i, cols)
        bx = x + col * (bw + gap)
        by = y + row * (bh + gap)
        sh.rect(bx, by, bw, bh, 0.8 if thick else 0.5)
        ix, right = bx + 1.8, bx + bw - 1.8
        inner = bw - 3.6
        ty = by + 1.4 + step
        sh.text(ix, ty, f"{word} {u.number}/{n}", size, bold=True, max_w=inner * 0.6)
        sh.text(right, ty, titles["sscc"], size - 0.6, kind="label", align="right")
        ty += step
        if barcodes:  # the symbol between the title line and its human-readable line
            gs1_128(ctx, ix, ty - step * 0.55, f"00{u.sscc}", inner, bar_h)
            ty += bar_h + 1.0
        sh.text(ix, ty, sscc_hri(u.sscc, len(company), grouped), size + 0.4, bold=True, max_w=inner)
        ty += step
        caption = "(10) " if narrow else f"{titles['lot']} "
        cw = sh.text(ix, ty, caption, size - 0.4, kind="label") + 0.5
        sh.text(ix + cw, ty, u.lot.number, size, kind="value", field="lot_numbers", max_w=inner * 0.62 - cw)
        count = f"(37) {u.count}" if narrow else f"{titles['count']} {u.count}"
        sh.text(right, ty, count, size - 0.2, align="right", max_w=inner * 0.36)
        ty += step
        for key, ai, kg in (("net", "310", u.net), ("gross", "330", u.gross)):
            if narrow:
                sh.text(ix, ty, measure(ai, kg, decimals), size - 0.2, max_w=inner * 0.52)
                sh.text(right, ty, f"{ctx.kg(kg, places)} kg", size - 0.2, align="right", max_w=inner * 0.46)
            else:
                sh.text(ix, ty, f"{titles[key]} {ctx.kg(kg, places)}", size - 0.2, max_w=inner * 0.62)
                sh.text(right, ty, measure(ai, kg, decimals), size - 0.4, align="right", max_w=inner * 0.36)
            ty += step
    return y + rows * (bh + gap) - gap
