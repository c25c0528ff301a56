"""The producer's quality certificate per batch (`producer_quality`), added after the extractors were built (no
extractor was changed for it).

Antimony smelters ship every batch with their own quality certificate in the form Chinese producers use (GB/T
1599-2014 has antimony ingots inspected and delivered in batches, each with its quality certificate; a producer's
certificate names the executive standard, the items inspected with their results or the conclusion, the batch and
its number, the dates and the inspector's signature or seal, issued by the producer's own quality department), and
producers elsewhere copy it for buyers used to it, translated. The certificate is a ruled form, not a laboratory
report. What the page carries:

* the producer's name as the letterhead (its place, or its quality department, under it), the title, the
  certificate number and the date of issue;
* a grid of captioned cells: product, designation (grade 'Sb99.65'), the standard or the contract specification,
  batch number, packages, net weight, the customer, the date of production or the contract, the laboratory that
  analysed the batch; captions beside their values or above them;
* the chemical composition as a band of element columns, all in mass percent, with two rows: the standard's or
  the contract's limits ('min. 99.65', 'max. 0.100', '—' where none is set) and the batch's results; a long element
  list in two bands; on trioxide the oxide beside the element; sometimes the total of the impurities;
* the inspection conclusion (the batch conforms, 'Qualified'), remarks on sampling and methods;
* the inspector's and the approver's signatures and the quality department's round seal in red ink.

The GB/T 1599-2014 limits are printed only where the batch meets them (for the grades the standard knows);
otherwise, and for trioxide, the limits are the contract's, set above the results. Captions come in English,
Spanish, French (a Belgian exporter's paperwork) or Portuguese (goods for a Brazilian buyer). The ground truth is the
composition as printed, in percent.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from reportlab.pdfgen.canvas import Canvas

from samplegen.draw import MM, Cell, Column
from samplegen.layouts import four_languages as fl
from samplegen.layouts.assay_forms import Row, _decimal, _guaranteed_limit
from samplegen.layouts.assay_xrf_analyzer import OPERATORS
from samplegen.layouts.common import Ctx, draw_to_fit

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("QUALITY CERTIFICATE", "PRODUCT QUALITY CERTIFICATE", "CERTIFICATE OF QUALITY"),
        "dept": ("Quality Inspection Department", "Quality Control Department", "Quality Assurance Dept."),
        "number": ("No.", "Certificate No.", "Cert. No."),
        "issued": ("Date of issue", "Issue date"),
        "product": ("Product", "Product name"),
        "ingot": ("Antimony ingot", "Antimony metal ingots"),
        "trioxide": ("Antimony trioxide", "Antimony trioxide (Sb2O3)"),
        "designation": ("Designation", "Grade", "Brand / grade"),
        "standard": ("Standard", "Executive standard", "Specification"),
        "contract_spec": ("Contract specification", "Customer specification"),
        "contract_ref": ("the contract specification", "the customer's specification"),
        "batch": ("Batch No.", "Lot No.", "Heat / batch No."),
        "packages": ("Packages", "No. of packages"),
        "net": ("Net weight",),
        "customer": ("Customer", "Consignee", "Sold to"),
        "contract": ("Contract No.", "Order No."),
        "produced": ("Date of production", "Production date"),
        "laboratory": ("Testing laboratory", "Analysed by", "Inspection laboratory"),
        "composition": ("Chemical composition (%)", "Chemical composition, % (m/m)", "Analysis results (%)"),
        "item": ("Item", "Element"),
        "spec_row": ("Standard", "Specification", "Required"),
        "result_row": ("Result", "Test result", "Actual"),
        "total": ("Total impurities", "Sum of impurities"),
        "conclusion_head": ("Inspection conclusion", "Conclusion"),
        "conclusion": ("The batch has been inspected and conforms to {standard}, designation {grade}. Qualified.",
                       "Qualified: the product meets {standard} ({grade})."),
        "remarks": ("Remarks: the batch was sampled at the plant and analysed by the laboratory named above "
                    "({methods}); results in mass percent.",
                    "Note: sampling and analysis of the batch by {methods}; all results in %."),
        "gb_methods": ("GB/T 3253 methods",),
        "lab_methods": ("titration, ICP-OES, combustion",),
        "inspector": ("Inspector", "Tested by"),
        "approver": ("Approved by", "QC Manager"),
        "seal": ("QUALITY INSPECTION", "QC PASSED"),
        "min": ("min.",),
        "max": ("max.",),
    },
    "es": {
        "title": ("CERTIFICADO DE CALIDAD", "CERTIFICADO DE CALIDAD DEL PRODUCTO"),
        "dept": ("Departamento de Control de Calidad", "Control de Calidad"),
        "number": ("No.", "Certificado No."),
        "issued": ("Fecha de emisión",),
        "product": ("Producto",),
        "ingot": ("Lingote de antimonio", "Lingotes de antimonio metálico"),
        "trioxide": ("Trióxido de antimonio", "Trióxido de antimonio (Sb2O3)"),
        "designation": ("Grado", "Designación"),
        "standard": ("Norma", "Especificación"),
        "contract_spec": ("Especificación del contrato", "Especificación del cliente"),
        "contract_ref": ("la especificación del contrato", "la especificación del cliente"),
        "batch": ("Lote No.", "No. de lote"),
        "packages": ("Bultos", "No. de bultos"),
        "net": ("Peso neto",),
        "customer": ("Cliente", "Destinatario"),
        "contract": ("Contrato No.", "Pedido No."),
        "produced": ("Fecha de producción",),
        "laboratory": ("Laboratorio de ensayo", "Analizado por"),
        "composition": ("Composición química (%)", "Resultados del análisis (%)"),
        "item": ("Elemento", "Concepto"),
        "spec_row": ("Norma", "Especificación"),
        "result_row": ("Resultado",),
        "total": ("Total impurezas",),
        "conclusion_head": ("Conclusión de la inspección", "Conclusión"),
        "conclusion": ("El lote fue inspeccionado y cumple con {standard}, grado {grade}. Conforme.",),
        "remarks": ("Observaciones: el lote fue muestreado en planta y analizado por el laboratorio indicado "
                    "({methods}); resultados en porcentaje en masa.",),
        "gb_methods": ("métodos GB/T 3253",),
        "lab_methods": ("volumetría, ICP-OES, combustión",),
        "inspector": ("Inspector", "Ensayado por"),
        "approver": ("Aprobado por", "Jefe de Calidad"),
        "seal": ("CONTROL DE CALIDAD",),
        "min": ("mín.",),
        "max": ("máx.",),
    },
    "fr": {
        "title": ("CERTIFICAT DE QUALITÉ", "CERTIFICAT DE QUALITÉ DU PRODUIT"),
        "dept": ("Service Contrôle Qualité", "Département Qualité"),
        "number": ("N°", "Certificat n°"),
        "issued": ("Date d'émission",),
        "product": ("Produit",),
        "ingot": ("Lingots d'antimoine", "Antimoine métal en lingots"),
        "trioxide": ("Trioxyde d'antimoine", "Trioxyde d'antimoine (Sb2O3)"),
        "designation": ("Désignation", "Nuance"),
        "standard": ("Norme", "Spécification"),
        "contract_spec": ("Spécification contractuelle", "Spécification client"),
        "contract_ref": ("la spécification contractuelle", "la spécification du client"),
        "batch": ("N° de lot", "Lot n°"),
        "packages": ("Colis", "Nombre de colis"),
        "net": ("Poids net",),
        "customer": ("Client", "Destinataire"),
        "contract": ("Contrat n°", "Commande n°"),
        "produced": ("Date de production",),
        "laboratory": ("Laboratoire d'essai", "Analysé par"),
        "composition": ("Composition chimique (%)", "Résultats d'analyse (%)"),
        "item": ("Élément",),
        "spec_row": ("Norme", "Spécification"),
        "result_row": ("Résultat",),
        "total": ("Total impuretés",),
        "conclusion_head": ("Conclusion du contrôle", "Conclusion"),
        "conclusion": ("Le lot a été contrôlé et est conforme à {standard}, nuance {grade}. Conforme.",),
        "remarks": ("Remarques : lot échantillonné à l'usine et analysé par le laboratoire indiqué ci-dessus "
                    "({methods}) ; résultats en pourcentage massique.",),
        "gb_methods": ("méthodes GB/T 3253",),
        "lab_methods": ("titrage, ICP-OES, combustion",),
        "inspector": ("Contrôleur", "Analysé par"),
        "approver": ("Approuvé par", "Responsable qualité"),
        "seal": ("CONTRÔLE QUALITÉ",),
        "min": ("min.",),
        "max": ("max.",),
    },
    "pt": {
        "title": ("CERTIFICADO DE QUALIDADE", "CERTIFICADO DE QUALIDADE DO PRODUTO"),
        "dept": ("Departamento de Controle de Qualidade", "Controle de Qualidade"),
        "number": ("Nº", "Certificado nº"),
        "issued": ("Data de emissão",),
        "product": ("Produto",),
        "ingot": ("Lingote de antimônio", "Lingotes de antimônio metálico"),
        "trioxide": ("Trióxido de antimônio", "Trióxido de antimônio (Sb2O3)"),
        "designation": ("Designação", "Grau"),
        "standard": ("Norma", "Especificação"),
        "contract_spec": ("Especificação contratual", "Especificação do cliente"),
        "contract_ref": ("a especificação contratual", "a especificação do cliente"),
        "batch": ("Lote nº", "Nº do lote"),
        "packages": ("Volumes", "Nº de volumes"),
        "net": ("Peso líquido",),
        "customer": ("Cliente", "Destinatário"),
        "contract": ("Contrato nº", "Pedido nº"),
        "produced": ("Data de produção",),
        "laboratory": ("Laboratório de ensaio", "Analisado por"),
        "composition": ("Composição química (%)", "Resultados da análise (%)"),
        "item": ("Elemento",),
        "spec_row": ("Norma", "Especificação"),
        "result_row": ("Resultado",),
        "total": ("Total de impurezas",),
        "conclusion_head": ("Conclusão da inspeção", "Conclusão"),
        "conclusion": ("O lote foi inspecionado e está em conformidade com {standard}, designação {grade}. Aprovado.",),
        "remarks": ("Observações: lote amostrado na usina e analisado pelo laboratório indicado acima ({methods}); "
                    "resultados em porcentagem em massa.",),
        "gb_methods": ("métodos GB/T 3253",),
        "lab_methods": ("titulação, ICP-OES, combustão",),
        "inspector": ("Inspetor", "Ensaiado por"),
        "approver": ("Aprovado por", "Gerente de qualidade"),
        "seal": ("CONTROLE DE QUALIDADE",),
        "min": ("mín.",),
        "max": ("máx.",),
    },
}  # fmt: skip
# GB/T 1599-2014, table 1: the impurity limits (% max.) of each designation; an element it does not list has none.
GB_1599: dict[Decimal, dict[str, str]] = {
    Decimal("99.90"): {"As": "0.010", "Fe": "0.015", "S": "0.040", "Cu": "0.0050", "Se": "0.0010", "Pb": "0.010",
                       "Bi": "0.0010", "Cd": "0.0005"},
    Decimal("99.70"): {"As": "0.050", "Fe": "0.020", "S": "0.040", "Cu": "0.010", "Se": "0.0030", "Pb": "0.150",
                       "Bi": "0.0030", "Cd": "0.0010"},
    Decimal("99.65"): {"As": "0.100", "Fe": "0.030", "S": "0.060", "Cu": "0.050", "Pb": "0.300"},
    Decimal("99.50"): {"As": "0.150", "Fe": "0.050", "S": "0.080", "Cu": "0.080"},
}  # fmt: skip
GB_ORDER = ("Sb", "As", "Fe", "S", "Cu", "Se", "Pb", "Bi", "Cd", "Hg", "Au", "Ni", "Sn", "Zn")
RED = (0.78, 0.12, 0.16)
Say = Callable[[str], str]


def producer_quality(ctx: Ctx, rows: list[Row]) -> None:
    draw_to_fit(ctx, lambda c, squeeze: _draw(c, rows, squeeze), "producer's quality certificate", tries=5)


def _in_percent(ctx: Ctx, text: str, unit: str, pct: float) -> tuple[str, Decimal]:
    """A result as the form prints it, in percent: a percent figure as printed, a ppm or mg/kg figure moved to
    percent with all its digits (so the value recorded is the one printed)."""
    if unit == "%":
        value, _ = _decimal(ctx, text)
        return text, value
    value = Decimal(str(pct))
    places = max(3, -value.normalize().as_tuple().exponent)  # type: ignore[operator]
    return ctx.num(value, places), value


def _limits(ctx: Ctx, found: dict[str, Decimal], bound: Callable[[str, str], str]) -> tuple[bool, dict[str, str]]:
    """Whether GB/T 1599-2014 is the standard printed, and the limit cell of every element ('min. 99.65',
    'max. 0.100', '—'): the standard's where the batch meets all of them, else the contract's, set above the
    results."""
    s = ctx.s
    grade = s.grade_pct
    table = GB_1599.get(grade) if s.sb2o3_pct is None else None
    meets = table is not None and all(found[sym] <= Decimal(limit) for sym, limit in table.items() if sym in found)
    cells: dict[str, str] = {}
    for sym, value in found.items():
        if sym == "Sb":
            cells[sym] = bound("min", ctx.num(grade, 2)) if s.sb2o3_pct is None else "—"
        elif meets and table is not None:
            limit = table.get(sym)
            cells[sym] = bound("max", ctx.num(Decimal(limit), len(limit.split(".")[1]))) if limit else "—"
        elif value >= Decimal("0.0005") and ctx.rng.random() < 0.8:  # a contract limits the main impurities only
            limit_value, places = _guaranteed_limit(value)
            cells[sym] = bound("max", ctx.num(limit_value, places))
        else:
            cells[sym] = "—"
    return meets, cells


def _draw(ctx: Ctx, rows: list[Row], squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    lab, lot = s.lab, s.assay_lot
    lang = fl.language(ctx, 0.6)
    chosen: dict[str, str] = {}

    def say(key: str) -> str:
        if key not in chosen:  # a form words each caption one way
            chosen[key] = str(ctx.pick(WORDS[lang][key]))
        return chosen[key]

    x, w = ctx.left, ctx.width
    k = 1 - 0.1 * squeeze
    size = ctx.jitter(8.5, 0.3) - 0.3 * squeeze
    ctx.set("certificate_number", s.assay_no)
    ctx.set("laboratory", lab.name)
    ctx.set("lot_number", lot.number)
    ctx.set("smelter_name", s.smelter.printed)

    # ----- the producer's letterhead, the title, number and date -----
    centred = rng.random() < 0.6
    top = ctx.jitter(16, 1)
    name_size = ctx.jitter(13.5, 0.8)
    place = s.smelter.place if s.smelter.country == s.declared and "smelter_place" in ctx.st.flags else ""
    sub = ", ".join(p for p in (place, fl.country(ctx, lang, s.smelter.country) if place else "") if p)
    sub = sub or say("dept")
    if centred:
        sh.text(sh.width / 2, top, s.smelter.printed, name_size, bold=True, kind="value", field="smelter_name",
                align="center", max_w=w)  # fmt: skip
        sh.text(sh.width / 2, top + 5, sub, 8, align="center", max_w=w)
    else:
        sh.text(x, top, s.smelter.printed, name_size, bold=True, kind="value", field="smelter_name", max_w=w * 0.7)
        sh.text(x, top + 5, sub, 8, max_w=w * 0.7)
    sh.hline(x, ctx.right, top + 8, ctx.pick((0.6, 1.2)))
    if rng.random() < 0.5:
        sh.hline(x, ctx.right, top + 9, 0.3)  # the double rule of many letterheads
    y = top + 17 * k
    sh.text(sh.width / 2, y, say("title"), ctx.jitter(14.5, 0.7), bold=True, align="center", max_w=w)
    y += 7 * k
    nw = sh.text(x, y, f"{say('number')}:", size, bold=True, kind="label") + 1.8
    sh.text(x + nw, y, s.assay_no, size + 0.4, kind="value", field="certificate_number", max_w=w * 0.45 - nw)
    issued = f"{say('issued')}: {fl.day(ctx, lang, s.assay_date)}"
    sh.text(ctx.right, y, issued, size, align="right", max_w=w * 0.5)
    y += 3.5 * k

    # ----- the grid of captioned cells -----
    gb_found: dict[str, Decimal] = {}
    printed: list[tuple[str, str, Decimal]] = []
    for sym, text, unit, pct in rows:
        shown, value = _in_percent(ctx, text, unit, pct)
        printed.append((sym, shown, value))
        gb_found[sym] = value
    ascii_signs = rng.random() < 0.3  # '>=99.65' / '<=0.100' as some translated forms type them

    def bound(side: str, number: str) -> str:
        if ascii_signs:
            return f"{'>=' if side == 'min' else '<='}{number}"
        return f"{say(side)} {number}"

    meets, limits = _limits(ctx, gb_found, bound)
    ingot = s.product == "ingot"
    grade = f"Sb{s.grade_pct}" if ingot else f"Sb2O3 {s.grade_pct}"
    standard = "GB/T 1599-2014" if meets else say("contract_spec")
    produced = s.assay_date - timedelta(days=rng.randrange(2, 21))
    customer_row: list[tuple[str, str, str | None, int]] = [
        (say("customer"), s.seller.name, None, 2),
        (say("produced"), fl.day(ctx, lang, produced), None, 1),
    ]
    if rng.random() < 0.4:
        customer_row[1] = (say("contract"), f"{ctx.pick(('SC', 'PO', 'CT'))}-{s.buyer_po}", None, 1)
    grid: list[list[tuple[str, str, str | None, int]]] = [
        [(say("product"), say("ingot" if ingot else "trioxide"), None, 1), (say("designation"), grade, None, 1),
         (say("standard"), standard, None, 1)],
        [(say("batch"), lot.number, "lot_number", 1), (say("packages"), fl.packages(ctx, lang, lot.packages), None, 1),
         (say("net"), fl.weight(ctx, lang, lot.net_kg), None, 1)],
        customer_row,
        [(say("laboratory"), lab.name, "laboratory", 3)],
    ]  # fmt: skip
    if rng.random() < 0.4:
        grid[1], grid[2] = grid[2], grid[1]
    stacked = rng.random() < 0.45  # captions above their values, else in a shaded cell beside them
    y = _grid(ctx, x, y, w, grid, size, stacked, k)

    # ----- the composition: element columns, the limits and the results -----
    y += ctx.jitter(6, 1) * k
    sh.text(x, y, say("composition"), size + 0.4, bold=True)
    y += 2
    order = list(GB_ORDER) if rng.random() < 0.5 else [sym for sym, _, _ in printed]
    by_sym = {sym: (shown, value) for sym, shown, value in printed}
    columns: list[tuple[str, str, Cell]] = []  # (header, limit, result cell)
    for sym in order:
        if sym not in by_sym:
            continue
        shown, _value = by_sym[sym]
        columns.append((sym, limits[sym], Cell(shown, field="composition_pct", bold=sym == "Sb")))
        if sym == "Sb" and s.sb2o3_pct is not None:  # the trioxide's grade is its oxide content
            columns.append(("Sb2O3", bound("min", ctx.num(s.grade_pct, 2)), Cell(ctx.num(s.sb2o3_pct, 2), "static")))
    if rng.random() < 0.4:
        impurities = sum((value for sym, _, value in printed if sym != "Sb"), Decimal(0))
        places = max(3, min(5, -impurities.normalize().as_tuple().exponent))  # type: ignore[operator]
        allowed = Decimal(100) - s.grade_pct  # the designation's total of impurities, 0.35 for Sb99.65
        total_limit = bound("max", ctx.num(allowed, 2)) if meets and impurities <= allowed else "—"
        columns.append((say("total"), total_limit, Cell(ctx.num(impurities, places), "static")))
    bands = -(-len(columns) // 9)  # at most nine element columns to a band, the bands evenly filled
    per_band = -(-len(columns) // bands)
    first = w * ctx.jitter(0.15, 0.01)
    for start in range(0, len(columns), per_band):
        chunk = columns[start : start + per_band]
        cw = (w - first) / per_band
        cols = [Column(say("item"), first)] + [Column(head, cw, "right") for head, _, _ in chunk]
        table = [
            [Cell(say("spec_row"), "label")] + [Cell(limit, "static") for _, limit, _ in chunk],
            [Cell(say("result_row"), "label", bold=True)] + [cell for _, _, cell in chunk],
        ]
        y = sh.table(x, y, cols, table, size=size - 0.4, line_h=ctx.jitter(3.7, 0.15) * k, pad=1.2,
                     bottom=sh.height * 2) + 3 * k  # fmt: skip
    ctx.set("composition_pct", {sym: float(value) for sym, _, value in printed})

    # ----- the conclusion and the remarks -----
    y += 2 * k
    reference = "GB/T 1599-2014" if meets else say("contract_ref")
    conclusion = say("conclusion").format(standard=reference, grade=grade)
    lines = sh.wrap(f"{say('conclusion_head')}: {conclusion}", w - 5, size)
    box_h = len(lines) * size * 0.45 + 4
    sh.rect(x, y, w, box_h, 0.5)
    ly = y + 4
    for line in lines:
        sh.text(x + 2.5, ly, line, size)
        ly += size * 0.45
    y += box_h + 4 * k
    methods = say("gb_methods") if meets else say("lab_methods")
    y = sh.para(x, y, say("remarks").format(methods=methods), w, size - 0.9, (size - 0.9) * 0.45) + 6 * k

    # ----- signatures and the quality department's seal -----
    names = OPERATORS.get(s.smelter.country, ("L. Wang", "H. Chen")) if s.smelter.country != "CN" else (
        "Liu Jianguo", "Zhang Wei")  # fmt: skip
    inspector, approver = names[0], names[-1]
    sy = y + 6
    sh.scribble(x + 4, sy + 5, 30, len(s.assay_no))
    sh.hline(x, x + 52, sy + 8, 0.4)
    sh.text(x, sy + 11.5, f"{say('inspector')}: {inspector}", size - 0.6, max_w=60)
    mx = x + w * 0.36
    sh.scribble(mx + 4, sy + 5, 30, len(s.assay_no) + 3)
    sh.hline(mx, mx + 52, sy + 8, 0.4)
    sh.text(mx, sy + 11.5, f"{say('approver')}: {approver}", size - 0.6, max_w=60)
    r = 16.0
    _seal(ctx, say, ctx.right - r - 3, y + r, r)  # under the remarks, beside the signatures
    return y + 2 * r + 1


def _grid(ctx: Ctx, x: float, y: float, w: float, grid: list[list[tuple[str, str, str | None, int]]],
          size: float, stacked: bool, k: float) -> float:  # fmt: skip
    """Rows of captioned cells, three to a row, a cell spanning one to three places; returns the y under it."""
    sh = ctx.sheet
    place = w / 3
    cap_w = place * ctx.jitter(0.36, 0.03)
    row_h = (10.5 if stacked else 7.5) * k
    for row in grid:
        cx = x
        for caption, value, field, span in row:
            cw = place * span
            if stacked:
                sh.rect(cx, y, cw, row_h, 0.5)
                sh.text(cx + 1.4, y + 3.0, caption, size - 1.8, kind="label", max_w=cw - 2.5)
                sh.text(cx + 2.2, y + row_h - 2.3, value, size, kind="value" if field else "static", field=field,
                        max_w=cw - 4)  # fmt: skip
            else:
                sh.rect(cx, y, cap_w, row_h, 0.5, fill=0.9)
                sh.rect(cx + cap_w, y, cw - cap_w, row_h, 0.5)
                cap_size = size - 1.2
                lines = [caption]
                if sh.text_width(caption, cap_size, True) > cap_w - 2.4:  # a long caption on two lines
                    cap_size = min(cap_size, 6.6)
                    lines = sh.wrap(caption, cap_w - 2.4, cap_size, bold=True)[:2]
                ly = y + row_h / 2 + 1.1 - (len(lines) - 1) * cap_size * 0.2
                for line in lines:
                    sh.text(cx + 1.4, ly, line, cap_size, bold=True, kind="label", max_w=cap_w - 2.4)
                    ly += cap_size * 0.4
                sh.text(cx + cap_w + 1.8, y + row_h / 2 + 1.2, value, size - 0.2, kind="value" if field else "static",
                        field=field, max_w=cw - cap_w - 3.2)  # fmt: skip
            cx += cw
        y += row_h
    return y


def _seal(ctx: Ctx, say: Say, cx: float, cy: float, r: float) -> None:
    """The quality department's round seal in red ink: two rings, the producer's name across it, a star and the
    seal's wording."""
    s, sh = ctx.s, ctx.sheet
    c = sh.canvas
    c.setStrokeColorRGB(*RED)
    c.setFillColorRGB(*RED)
    try:
        c.setLineWidth(1.1)
        c.circle(cx * MM, (sh.height - cy) * MM, r * MM, stroke=1, fill=0)
        c.setLineWidth(0.4)
        c.circle(cx * MM, (sh.height - cy) * MM, (r - 1.4) * MM, stroke=1, fill=0)
        # the producer's name in the upper half, where the ring leaves it room
        name_lines = sh.wrap(s.smelter.printed.upper(), 2 * r - 11, 5.2, bold=True)[:3]
        ty = cy - 3.6 - 2.3 * (len(name_lines) - 1)
        for line in name_lines:
            sh.text(cx, ty, line, 5.2, bold=True, align="center", max_w=2 * r - 9)
            ty += 2.3
        _star(sh.canvas, cx, sh.height - (cy + 1.6), 2.9)
        sh.text(cx, cy + 7.5, say("seal"), 5.6, bold=True, align="center", max_w=2 * r - 8)
    finally:
        c.setStrokeColorRGB(0, 0, 0)
        c.setFillColorRGB(0, 0, 0)


def _star(c: Canvas, cx: float, cy: float, r: float) -> None:
    """A filled five-pointed star, centred at (cx, cy) in mm from the bottom-left, in the current fill colour."""
    path = c.beginPath()
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.4
        angle = math.pi / 2 + i * math.pi / 5
        px, py = (cx + radius * math.cos(angle)) * MM, (cy + radius * math.sin(angle)) * MM
        if i == 0:
            path.moveTo(px, py)
        else:
            path.lineTo(px, py)
    path.close()
    c.drawPath(path, stroke=0, fill=1)
