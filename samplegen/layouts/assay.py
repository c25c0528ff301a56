"""Assay certificate (certificate of analysis) layouts: results table, label-above-value grid, letter report.

Element values are printed in %, ppm or mg/kg; the ground truth records what was printed, in mass percent.
"""

from __future__ import annotations

import math
from decimal import Decimal

from samplegen.draw import Cell, Column
from samplegen.facts import SB_IN_SB2O3
from samplegen.layouts import (
    assay_forms,
    assay_lims_report,
    assay_method_grouped,
    assay_producer_quality,
    assay_test_report,
    assay_weight_quality,
    assay_xrf_analyzer,
)
from samplegen.layouts.common import Ctx, Rendered
from samplegen.profiles import CORE_ELEMENTS, ELEMENTS, PCT_ELEMENTS

ELEMENT_NAMES = {
    "Sb": ("Antimony", "Antimonio"), "As": ("Arsenic", "Arsénico"), "Fe": ("Iron", "Hierro"),
    "S": ("Sulphur", "Azufre"), "Pb": ("Lead", "Plomo"), "Cu": ("Copper", "Cobre"), "Bi": ("Bismuth", "Bismuto"),
    "Se": ("Selenium", "Selenio"), "Cd": ("Cadmium", "Cadmio"), "Hg": ("Mercury", "Mercurio"), "Au": ("Gold", "Oro"),
    "Ni": ("Nickel", "Níquel"), "Sn": ("Tin", "Estaño"), "Zn": ("Zinc", "Zinc"),
}  # fmt: skip
METHODS = {
    "Sb": "Titration (KBrO3)", "S": "Combustion IR", "Hg": "CV-AAS", "Au": "Fire assay / ICP-MS",
    "Se": "HG-AAS", "As": "HG-AAS",
}  # fmt: skip


def render(ctx: Ctx) -> Rendered:
    s = ctx.s
    ctx.set("certificate_number", s.assay_no)
    ctx.set("laboratory", s.lab.name)
    ctx.set("lot_number", s.assay_lot.number)
    ctx.set("smelter_name", s.smelter.printed)
    rows = _results(ctx)
    ctx.set("composition_pct", {sym: gt for sym, _, _, gt in rows})
    DRAWERS[ctx.st.layout](ctx, rows)
    return ctx.finish()


def _elements(ctx: Ctx) -> tuple[str, ...]:
    return CORE_ELEMENTS if "core_elements" in ctx.st.flags else ELEMENTS


def _unit_for(ctx: Ctx, element: str) -> str:
    if element in PCT_ELEMENTS:
        return "%"
    if "all_pct" in ctx.st.flags:
        return "%"
    return "mg/kg" if "mgkg" in ctx.st.flags else "ppm"


def _print_value(ctx: Ctx, element: str, pct: Decimal, unit: str) -> tuple[str, float]:
    """Printed number and its value in mass percent."""
    if element == "Sb":
        printed = pct.quantize(Decimal("0.01"))
        return ctx.num(printed, 2), float(printed)
    if unit == "%":
        places = -math.floor(math.log10(float(pct))) + (2 if pct >= Decimal("0.01") else 1)
        printed = pct.quantize(Decimal(1).scaleb(-places))
        return ctx.num(printed, places), float(printed)
    ppm = pct * 10000
    places = 0 if ppm >= 100 else (1 if ppm >= 1 else 2)
    printed = ppm.quantize(Decimal(1).scaleb(-places))
    return ctx.num(printed, places), float(printed / 10000)


def _results(ctx: Ctx) -> list[tuple[str, str, str, float]]:
    """(symbol, printed value, unit, ground-truth percent) for every reported element."""
    s = ctx.s
    rows = []
    for element in _elements(ctx):
        pct = s.composition[element]
        if element == "Sb" and s.sb2o3_pct is not None:
            pct = s.sb2o3_pct * SB_IN_SB2O3
        unit = _unit_for(ctx, element)
        text, gt = _print_value(ctx, element, pct, unit)
        rows.append((element, text, unit, gt))
    return rows


def _product(ctx: Ctx) -> str:
    s = ctx.s
    if s.product == "ingot":
        return ctx.t("Antimony metal ingots", "Lingotes de antimonio metálico")
    return ctx.t("Antimony trioxide (Sb2O3)", "Trióxido de antimonio (Sb2O3)")


def _letterhead(ctx: Ctx, centred: bool) -> float:
    s, sh = ctx.s, ctx.sheet
    lab = s.lab
    if centred:
        cx = sh.width / 2
        sh.text(cx, 18, lab.name, 13, bold=True, kind="value", field="laboratory", align="center")
        sh.text(cx, 23, ", ".join([*lab.lines, ctx.country(lab.country)]), 8, align="center", max_w=ctx.width)
        sh.text(cx, 27, f"{lab.phone} | {lab.email}", 7.5, align="center")
    else:
        sh.text(ctx.left, 18, lab.name, 12.5, bold=True, kind="value", field="laboratory", max_w=120)
        sh.lines(ctx.left, 23, [*lab.lines, ctx.country(lab.country)], 8, kind="static")
        sh.text(
            ctx.right,
            18,
            ctx.t("ISO/IEC 17025 testing laboratory", "Laboratorio de ensayo ISO/IEC 17025"),
            7.5,
            align="right",
        )
        sh.text(ctx.right, 22, f"{lab.phone} | {lab.email}", 7.5, align="right")
    sh.hline(ctx.left, ctx.right, 32, 1.0)
    return 32.0


def _smelter_lines(ctx: Ctx) -> list[str]:
    s = ctx.s
    lines = [s.smelter.printed]
    if s.smelter.country == s.declared and "smelter_place" in ctx.st.flags:
        lines.append(", ".join(p for p in (s.smelter.place, ctx.country(s.smelter.country)) if p))
    return lines


def _sb2o3_line(ctx: Ctx) -> tuple[str, str] | None:
    s = ctx.s
    if s.sb2o3_pct is None:
        return None
    return ctx.t("Antimony trioxide (Sb2O3)", "Trióxido de antimonio (Sb2O3)"), ctx.num(s.sb2o3_pct, 2)


def _continued(ctx: Ctx) -> float:
    sh = ctx.sheet
    sh.new_page()
    sh.text(ctx.left, 18, ctx.s.lab.name, 10, bold=True)
    title = ctx.t("Certificate of analysis", "Certificado de análisis")
    sh.text(ctx.right, 18, f"{title} {ctx.s.assay_no} - {ctx.t('continued', 'continuación')}", 9, align="right")
    sh.hline(ctx.left, ctx.right, 21, 0.6)
    return 27.0


def _signatures(ctx: Ctx, y: float) -> None:
    s = ctx.s
    ctx.signature(
        ctx.left, y + 12, ctx.t("Analyst", "Analista"), ctx.t("Chemical analysis", "Análisis químico"), len(s.assay_no)
    )
    ctx.signature(ctx.left + ctx.width / 2, y + 12, s.lab.person, s.lab.title, len(s.assay_no) + 2)


def _results_table(ctx: Ctx, rows: list[tuple[str, str, str, float]]) -> None:
    s, sh = ctx.s, ctx.sheet
    _letterhead(ctx, centred=False)
    sh.text(
        sh.width / 2, 42, ctx.t("CERTIFICATE OF ANALYSIS", "CERTIFICADO DE ANÁLISIS"), 14, bold=True, align="center"
    )
    info = [
        (ctx.t("Certificate No.:", "Certificado No.:"), s.assay_no, "certificate_number"),
        (ctx.t("Date of issue:", "Fecha de emisión:"), ctx.date(s.assay_date), None),
        (ctx.t("Client:", "Cliente:"), s.seller.name, None),
        (ctx.t("Product:", "Producto:"), _product(ctx), None),
        (ctx.t("Lot No.:", "Lote No.:"), s.assay_lot.number, "lot_number"),
        (ctx.t("Producer / smelter:", "Productor / fundidora:"), _smelter_lines(ctx)[0], "smelter_name"),
    ]
    y = 52
    y = ctx.label_values(ctx.left, y, info, 5, gap=42, max_w=ctx.width - 44)
    extra = _smelter_lines(ctx)[1:]
    for line in extra:
        sh.text(ctx.left + 42, y, line, 8.5, kind="value")
        y += 5
    ctx.label_value(
        ctx.left,
        y,
        ctx.t("Sample:", "Muestra:"),
        ctx.t(
            f"Composite of drillings from {min(5, s.assay_lot.packages * 2)} ingots / increments",
            f"Compósito de {min(5, s.assay_lot.packages * 2)} barrenados / incrementos",
        ),
        gap=42,
    )
    y += 9
    w = ctx.width
    cols = [
        Column(ctx.t("Element", "Elemento"), w * 0.28),
        Column(ctx.t("Symbol", "Símbolo"), w * 0.14),
        Column(ctx.t("Result", "Resultado"), w * 0.18, "right"),
        Column(ctx.t("Unit", "Unidad"), w * 0.14),
        Column(ctx.t("Method", "Método"), w * 0.26),
    ]
    table_rows: list[list[Cell]] = []
    sb2o3 = _sb2o3_line(ctx)
    if sb2o3:
        table_rows.append(
            [
                Cell(sb2o3[0], "static"),
                Cell("Sb2O3", "static"),
                Cell(sb2o3[1]),
                Cell("%", "static"),
                Cell(ctx.t("Titration", "Volumetría"), "static"),
            ]
        )
    for sym, text, unit, _ in rows:
        name = ELEMENT_NAMES[sym][1 if ctx.lang == "es" else 0]
        method = METHODS.get(sym, "ICP-OES")
        table_rows.append(
            [
                Cell(name, "static"),
                Cell(sym, "label"),
                Cell(text, field="composition_pct"),
                Cell(unit, "label"),
                Cell(method, "static"),
            ]
        )
    break_after = 7 if ctx.st.pages > 1 else None
    y = sh.table(
        ctx.left, y, cols, table_rows, size=8.8, line_h=3.9, break_after=break_after, on_break=lambda: _continued(ctx)
    )
    y = sh.para(
        ctx.left,
        y + 7,
        ctx.t(
            "Results relate only to the sample tested. Sampling and sample preparation per client instruction. "
            "This certificate shall not be reproduced except in full.",
            "Los resultados se refieren únicamente a la muestra ensayada. Este certificado no debe reproducirse "
            "parcialmente.",
        ),
        ctx.width,
        7.8,
    )
    _signatures(ctx, y)


def _label_above_grid(ctx: Ctx, rows: list[tuple[str, str, str, float]]) -> None:
    s, sh = ctx.s, ctx.sheet
    y = _letterhead(ctx, centred=True)
    sh.text(
        sh.width / 2, y + 9, ctx.t("CERTIFICATE OF ANALYSIS", "CERTIFICADO DE ANÁLISIS"), 14, bold=True, align="center"
    )
    x, w = ctx.left, ctx.width
    third = w / 3
    y += 14
    sh.box(x, y, third, 15, ctx.t("Certificate number", "Número de certificado"), [s.assay_no], "certificate_number")
    sh.box(x + third, y, third, 15, ctx.t("Date of issue", "Fecha de emisión"), [ctx.date(s.assay_date)])
    sh.box(x + 2 * third, y, third, 15, ctx.t("Lot number", "Número de lote"), [s.assay_lot.number], "lot_number")
    y += 15
    sh.box(x, y, 2 * third, 15, ctx.t("Client", "Cliente"), [s.seller.name])
    sh.box(x + 2 * third, y, third, 15, ctx.t("Product", "Producto"), [_product(ctx)], value_size=8.3)
    y += 15
    smelter = _smelter_lines(ctx)
    sh.box(
        x, y, w, 11 + 4 * len(smelter), ctx.t("Producer / smelter", "Productor / fundidora"), smelter, "smelter_name"
    )
    y += 11 + 4 * len(smelter) + 8
    sb2o3 = _sb2o3_line(ctx)
    if sb2o3:
        sh.text(x, y, f"{sb2o3[0]}:", 9, bold=True, kind="label")
        sh.text(x + 62, y, f"{sb2o3[1]} %", 10, kind="value")
        y += 8
    groups = [("%", [r for r in rows if r[2] == "%"]), ("trace", [r for r in rows if r[2] != "%"])]
    for kind, group in groups:
        if not group:
            continue
        unit = group[0][2]
        title = (
            ctx.t(f"Results, {unit} (m/m)", f"Resultados, {unit} (m/m)")
            if kind == "%"
            else ctx.t(f"Trace elements, {unit}", f"Elementos traza, {unit}")
        )
        sh.text(x, y, title, 9, bold=True, kind="label")
        y += 3
        per_row = 7
        cw = w / per_row
        for start in range(0, len(group), per_row):
            chunk = group[start : start + per_row]
            for i, (sym, text, _, _) in enumerate(chunk):
                sh.rect(x + i * cw, y, cw, 7, fill=0.9)
                sh.text(x + i * cw + cw / 2, y + 5, sym, 9, bold=True, kind="label", align="center")
                sh.rect(x + i * cw, y + 7, cw, 8)
                sh.text(x + i * cw + cw / 2, y + 12.5, text, 9.5, kind="value", field="composition_pct", align="center")
            y += 15
        y += 7
    methods = ctx.t(
        "Methods: ICP-OES after acid digestion; Sb by KBrO3 titration; S by combustion-IR; Hg by cold-vapour AAS.",
        "Métodos: ICP-OES tras digestión ácida; Sb por volumetría con KBrO3; S por combustión-IR; "
        "Hg por AAS de vapor frío.",
    )
    y = sh.para(x, y, methods, w, 8)
    _signatures(ctx, y)


def _letter_report(ctx: Ctx, rows: list[tuple[str, str, str, float]]) -> None:
    s, sh = ctx.s, ctx.sheet
    y = _letterhead(ctx, centred=False)
    sh.text(
        ctx.left,
        y + 10,
        ctx.t("REPORT OF ANALYSIS / CERTIFICATE OF ANALYSIS", "INFORME DE ENSAYO / CERTIFICADO DE ANÁLISIS"),
        12.5,
        bold=True,
    )
    ctx.label_value(ctx.left, y + 18, ctx.t("Report No.:", "Informe No.:"), s.assay_no, "certificate_number", gap=28)
    ctx.label_value(ctx.right - 62, y + 18, ctx.t("Date:", "Fecha:"), ctx.date(s.assay_date), gap=14)
    ctx.label_value(ctx.left, y + 24, ctx.t("To:", "Para:"), s.seller.name, gap=28, max_w=ctx.width - 30)
    y += 32
    intro = ctx.t(
        f"We hereby certify that the sample of {_product(ctx).lower()} described below was received in good "
        f"condition and analysed in our laboratory with the following results.",
        f"Certificamos que la muestra de {_product(ctx).lower()} descrita abajo fue recibida en buenas condiciones y "
        f"analizada en nuestro laboratorio con los siguientes resultados.",
    )
    y = sh.para(ctx.left, y, intro, ctx.width, 9)
    y += 3
    ctx.label_value(ctx.left, y, ctx.t("Lot:", "Lote:"), s.assay_lot.number, "lot_number", gap=36)
    smelter = _smelter_lines(ctx)
    ctx.label_value(
        ctx.left,
        y + 5,
        ctx.t("Produced by:", "Producido por:"),
        smelter[0],
        "smelter_name",
        gap=36,
        max_w=ctx.width - 38,
    )
    y += 10
    for line in smelter[1:]:
        sh.text(ctx.left + 36, y, line, 9, kind="value")
        y += 5
    ctx.label_value(
        ctx.left, y, ctx.t("Quantity represented:", "Cantidad representada:"), ctx.weight(s.assay_lot.net_kg), gap=36
    )
    y += 10
    entries: list[tuple[str, str, str, str | None]] = []
    sb2o3 = _sb2o3_line(ctx)
    if sb2o3:
        entries.append((sb2o3[0], sb2o3[1], "%", None))
    for sym, text, unit, _ in rows:
        entries.append((f"{ELEMENT_NAMES[sym][1 if ctx.lang == 'es' else 0]} ({sym})", text, unit, "composition_pct"))
    lx = ctx.left + 10
    vx = ctx.left + 110
    split_at = 8 if ctx.st.pages > 1 else None
    for i, (name, text, unit, field) in enumerate(entries):
        if split_at is not None and i == split_at:
            y = _continued(ctx) + 4
        sh.text(lx, y, name, 9.5, kind="static")
        sh.text(vx, y, text, 9.5, kind="value", field=field, align="right")
        sh.text(vx + 2, y, unit, 9.5, kind="label")
        y += 5.6
    y = sh.para(
        ctx.left,
        y + 5,
        ctx.t(
            "Analytical methods: ICP-OES, AAS, titration. Results on an as-received basis.",
            "Métodos analíticos: ICP-OES, AAS, volumetría. Resultados en base húmeda.",
        ),
        ctx.width,
        8,
    )
    _signatures(ctx, y)


DRAWERS = {
    "results_table": _results_table,
    "label_above_grid": _label_above_grid,
    "letter_report": _letter_report,
    "horizontal_samples": assay_forms.horizontal_samples,
    "dotted_leaders": assay_forms.dotted_leaders,
    "signature_lab": assay_forms.signature_lab,
    "icp_printout": assay_forms.icp_printout,
    "inspection_duplicates": assay_forms.inspection_duplicates,
    "informe_ensayo": assay_forms.informe_ensayo,
    "en10204_31": assay_forms.en10204_31,
    "quality_spec": assay_forms.quality_spec,
    "umpire_assay": assay_forms.umpire_assay,
    "weight_quality": assay_weight_quality.weight_quality,
    "test_report": assay_test_report.lab_test_report,
    "lims_report": assay_lims_report.lims_report,
    "xrf_analyzer": assay_xrf_analyzer.xrf_analyzer,
    "producer_quality": assay_producer_quality.producer_quality,
    "method_grouped": assay_method_grouped.method_grouped,
}
