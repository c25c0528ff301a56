"""Assay certificate families added after the extractors were built.

* `horizontal_samples`: element symbols as column headers, one row per sample of the lot and the mean of the
  samples (the reported composition), the units in a row under the symbols or beside them; long element
  lists run in two bands.
* `dotted_leaders`: a vertical list of results joined to their elements by dotted leaders
  ('As ........ 0.0667 %'), trace elements in ppm or g/t, the laboratory on the letterhead.
* `signature_lab`: a quality certificate on the exporter's letterhead with a 'QC PASSED' mark, element/value
  pairs in a grid, the laboratory named only in the signature block.
* `en10204_31`: the producer's EN 10204 3.1 inspection certificate, cells coded after EN 10168 (A01, A03,
  B07, C70, Z01-Z03), the composition with the specification's minimum and maximum beside the result.
* `quality_spec`: a certificate of quality with the contract's guaranteed limits ('min.', 'max.') beside the
  values found and a verdict per element.
* `umpire_assay`: an umpire (referee) laboratory's certificate settling a dispute: for the disputed elements
  the seller's and buyer's exchanged results, their difference and the splitting limit beside the umpire's
  result, which is the certified value; the umpire's result alone for the other elements.

Laboratory certificates of analysis for antimony metal (GB/T 1599-2014 grades) and trioxide report Sb and
the impurities As, Fe, S, Pb, Cu, Bi, Se, Cd, Hg, Au, Ni, Sn, Zn in these ways; the companies are fictional.
"""

from __future__ import annotations

from decimal import Decimal

from samplegen.draw import MM, Cell, Column
from samplegen.layouts.common import Ctx

ELEMENT_NAMES = {
    "Sb": "Antimony",
    "As": "Arsenic",
    "Fe": "Iron",
    "S": "Sulphur",
    "Pb": "Lead",
    "Cu": "Copper",
    "Bi": "Bismuth",
    "Se": "Selenium",
    "Cd": "Cadmium",
    "Hg": "Mercury",
    "Au": "Gold",
    "Ni": "Nickel",
    "Sn": "Tin",
    "Zn": "Zinc",
}
Row = tuple[str, str, str, float]  # symbol, printed value, unit, value in mass percent


def _trace_unit(ctx: Ctx, unit: str) -> str:
    """ppm and g/t are the same fraction; laboratories print either."""
    if unit == "ppm":
        return ctx.pick(("ppm", "ppm", "g/t"))
    return unit


def _header(ctx: Ctx, title: str) -> float:
    s, sh = ctx.s, ctx.sheet
    lab = s.lab
    sh.text(
        sh.width / 2, 17, lab.name, 13, bold=True, kind="value", field="laboratory", align="center", max_w=ctx.width
    )
    sh.text(sh.width / 2, 22, ", ".join([*lab.lines, ctx.country(lab.country)]), 7.8, align="center", max_w=ctx.width)
    sh.text(sh.width / 2, 26, f"Tel. {lab.phone}  {lab.email}", 7.4, align="center")
    sh.hline(ctx.left, ctx.right, 29, 0.9)
    sh.text(sh.width / 2, 37, title, 13.5, bold=True, align="center")
    return 44.0


def _facts(ctx: Ctx, y: float, gap: float) -> float:
    """Certificate number, date, client, product, lot and producer, as labelled lines."""
    s = ctx.s
    lines = [
        (ctx.pick(("Certificate No.:", "Cert. No.:", "Report No.:")), s.assay_no, "certificate_number"),
        (ctx.t("Date:", "Fecha:"), ctx.date(s.assay_date), None),
        (ctx.t("Client:", "Cliente:"), s.seller.name, None),
        (ctx.t("Material:", "Material:"), s.description(ctx.lang), None),
        (ctx.pick(("Lot No.:", "Lot:", "Batch No.:")), s.assay_lot.number, "lot_number"),
        (ctx.pick(("Producer:", "Smelter:", "Manufacturer:")), s.smelter.printed, "smelter_name"),
    ]
    y = ctx.label_values(ctx.left, y, lines, 4.8, gap=gap, max_w=ctx.width - gap - 2)
    return y


def horizontal_samples(ctx: Ctx, rows: list[Row]) -> None:
    s, sh = ctx.s, ctx.sheet
    y = _header(ctx, ctx.pick(("CERTIFICATE OF ANALYSIS", "ASSAY CERTIFICATE", "ANALYSIS REPORT")))
    y = _facts(ctx, y, ctx.jitter(30, 3)) + 4
    n_samples = ctx.pick((2, 3))
    names = [f"{s.assay_lot.number}/{chr(65 + i)}" for i in range(n_samples)]
    mean_word = ctx.pick(("Average", "Mean", "AVG", "Result"))
    band = 7 if len(rows) > 8 else len(rows)
    units_in_header = ctx.rng.random() < 0.5
    w = ctx.width
    for start in range(0, len(rows), band):
        chunk = rows[start : start + band]
        first_w = w * 0.22
        cw = (w - first_w) / len(chunk)
        cols = [Column(ctx.t("Sample", "Muestra"), first_w)]
        for sym, _, unit, _ in chunk:
            cols.append(Column(f"{sym} ({unit})" if units_in_header else sym, cw, "right"))
        table: list[list[Cell]] = []
        if not units_in_header:
            table.append([Cell(ctx.t("Unit", "Unidad"), "label")] + [Cell(u, "label") for _, _, u, _ in chunk])
        for i, name in enumerate(names):
            cells = [Cell(name, "static")]
            for _, text, _, _ in chunk:
                cells.append(Cell(_spread(ctx, text, i, n_samples), "static"))
            table.append(cells)
        table.append(
            [Cell(mean_word, "label", bold=True)]
            + [Cell(text, field="composition_pct", bold=True) for _, text, _, _ in chunk]
        )
        y = sh.table(ctx.left, y, cols, table, size=7.8, line_h=3.4, pad=1.0) + 5
    if s.sb2o3_pct is not None:
        sh.text(ctx.left, y + 2, f"Sb2O3: {ctx.num(s.sb2o3_pct, 2)} %", 8.6, kind="static")
        y += 6
    note = ctx.t(
        f"The {mean_word.lower()} of the samples is the result for the lot. Methods: ICP-OES, titration.",
        "El promedio de las muestras es el resultado del lote. Métodos: ICP-OES, volumetría.",
    )
    y = sh.para(ctx.left, y + 3, note, w, 7.8)
    ctx.signature(ctx.left + w / 2, y + 14, s.lab.person, s.lab.title, len(s.assay_no))


def _spread(ctx: Ctx, text: str, index: int, count: int) -> str:
    """A sample's own reading around the mean, printed with the mean's decimals. The readings lie evenly
    about the mean (one above, one below by as much, a third on it), so the printed mean is their mean."""
    conv = ctx.st.conv
    plain = text.replace(".", "").replace(",", ".") if conv == "comma" else text.replace(",", "")
    value = Decimal(plain)
    places = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
    offsets = (Decimal("0.004"), Decimal("-0.004"), Decimal(0))[:count]
    spread = value.as_tuple().digits[-1] % 3 + 1  # one spread for all samples of an element
    factor = 1 + offsets[index] * spread
    return ctx.num(value * factor, places) if value < 90 else ctx.num(value + offsets[index], places)


def dotted_leaders(ctx: Ctx, rows: list[Row]) -> None:
    s, sh = ctx.s, ctx.sheet
    y = _header(ctx, ctx.pick(("CERTIFICATE OF ANALYSIS", "TEST CERTIFICATE", "CERTIFICADO DE ANÁLISIS")))
    y = _facts(ctx, y, ctx.jitter(32, 4)) + 5
    sh.text(
        ctx.left, y, ctx.pick(("RESULTS", "Analytical results", "Chemical composition")), 9.5, bold=True, kind="label"
    )
    y += 7
    with_names = ctx.rng.random() < 0.5
    lx = ctx.left + ctx.jitter(8, 3)
    vx = ctx.left + ctx.jitter(95, 10)
    leader = ctx.pick((".", ". ", "_"))
    size = ctx.jitter(9, 0.4)
    if s.sb2o3_pct is not None:
        y = _leader_line(ctx, lx, vx, y, "Sb2O3", ctx.num(s.sb2o3_pct, 2), "%", None, leader, size)
    for sym, text, unit, _ in rows:
        name = f"{ELEMENT_NAMES[sym]} ({sym})" if with_names else sym
        y = _leader_line(ctx, lx, vx, y, name, text, _trace_unit(ctx, unit), "composition_pct", leader, size)
    y = sh.para(
        ctx.left,
        y + 6,
        "Methods: ICP-OES after acid digestion; Sb by KBrO3 titration; S by combustion.",
        ctx.width,
        7.8,
    )
    ctx.signature(ctx.left, y + 14, s.lab.person, s.lab.title, len(s.assay_no))


def _leader_line(
    ctx: Ctx,
    lx: float,
    vx: float,
    y: float,
    name: str,
    value: str,
    unit: str,
    field: str | None,
    leader: str,
    size: float,
) -> float:
    sh = ctx.sheet
    sh.text(lx, y, name, size, kind="static")
    start = lx + sh.text_width(name, size) + 1.5
    end = vx - sh.text_width(value, size) - 1.5
    dots = leader * max(3, int((end - start) / max(sh.text_width(leader, size), 0.5)))
    sh.text(start, y, dots, size, kind="static")
    sh.text(vx, y, value, size, kind="value", field=field, align="right")
    sh.text(vx + 1.5, y, unit, size, kind="label")
    return y + size * 0.6


def signature_lab(ctx: Ctx, rows: list[Row]) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    seller = s.seller
    sh.text(x, 16, seller.name, 13, bold=True, max_w=w * 0.7)
    sh.text(x, 21, ", ".join([*seller.lines, ctx.country(seller.country)]), 7.8, max_w=w * 0.75)
    sh.text(x, 25, f"Tel. {seller.phone}  {seller.email}", 7.4)
    sh.hline(x, x + w, 28, 0.9)
    sh.text(
        x,
        37,
        ctx.pick(("QUALITY CERTIFICATE", "CERTIFICATE OF QUALITY AND ANALYSIS", "MILL CERTIFICATE")),
        13,
        bold=True,
    )
    # the quality control mark: not the laboratory
    sh.rect(x + w - 40, 31, 36, 11, 1.2)
    sh.text(x + w - 22, 38.5, ctx.pick(("QC PASSED", "QC APPROVED", "INSPECTED")), 11, bold=True, align="center")
    y = _facts(ctx, 50.0, ctx.jitter(30, 3)) + 6
    pairs = []
    if s.sb2o3_pct is not None:
        pairs.append(("Sb2O3", f"{ctx.num(s.sb2o3_pct, 2)} %", None))
    pairs += [(sym, f"{text} {unit}", "composition_pct") for sym, text, unit, _ in rows]
    per_row = ctx.pick((2, 3))
    cols: list[Column] = []
    for _ in range(per_row):
        cols += [
            Column(ctx.t("Element", "Elemento"), w / per_row * 0.4),
            Column(ctx.t("Value", "Valor"), w / per_row * 0.6, "right"),
        ]
    table: list[list[Cell]] = []
    for start in range(0, len(pairs), per_row):
        row: list[Cell] = []
        for sym, value, field in pairs[start : start + per_row]:
            row += [Cell(sym, "label"), Cell(value, field=field) if field else Cell(value, "static")]
        while len(row) < 2 * per_row:
            row += [Cell("", "static"), Cell("", "static")]
        table.append(row)
    y = sh.table(x, y, cols, table, size=8.4) + 8
    y = sh.para(
        x,
        y,
        ctx.t(
            "The material conforms to the contract specification.",
            "El material cumple con la especificación del contrato.",
        ),
        w,
        8.4,
    )
    # the laboratory only here, in the signature block
    sy = y + 16
    sh.scribble(x + 2, sy, 40, len(s.assay_no))
    sh.hline(x, x + 75, sy + 3, 0.4)
    sh.text(x, sy + 7, ctx.pick(("Analysed and certified by", "For and on behalf of", "Tested by")), 7.8, kind="label")
    sh.text(x, sy + 11, s.lab.name, 8.8, kind="value", field="laboratory", max_w=w / 2)
    sh.text(x, sy + 15, f"{s.lab.person}, {s.lab.title}", 8)
    sh.scribble(x + w / 2 + 2, sy, 36, len(s.assay_no) + 2)
    sh.hline(x + w / 2, x + w / 2 + 70, sy + 3, 0.4)
    sh.text(x + w / 2, sy + 7, ctx.t("Exporter", "Exportador"), 7.8, kind="label")
    sh.text(x + w / 2, sy + 11, seller.person, 8.4)


# ----- twelve-family extension: an ICP-OES printout, duplicate determinations, a Spanish informe de ensayo -----

# Emission lines (nm) an ICP-OES method commonly uses for these elements (EPA 200.7 and instrument defaults).
ICP_LINES = {
    "Sb": "206.833", "As": "188.980", "Fe": "238.204", "S": "181.972", "Pb": "220.353", "Cu": "327.395",
    "Bi": "223.061", "Se": "196.026", "Cd": "228.802", "Hg": "194.164", "Au": "242.795", "Ni": "231.604",
    "Sn": "189.925", "Zn": "213.857",
}  # fmt: skip
INSTRUMENTS = ("Agilent 5110 ICP-OES", "PerkinElmer Avio 550 Max", "Thermo Scientific iCAP PRO XP", "Spectro ARCOS")


def _decimal(ctx: Ctx, text: str) -> tuple[Decimal, int]:
    """A printed result back to its number and its count of decimals."""
    plain = text.replace(".", "").replace(",", ".") if ctx.st.conv == "comma" else text.replace(",", "")
    value = Decimal(plain)
    return value, max(0, -value.as_tuple().exponent)  # type: ignore[operator]


def _duplicates(ctx: Ctx, text: str) -> tuple[str, str]:
    """Two determinations whose mean is the printed result exactly: A off by a little, B its mirror."""
    mean, places = _decimal(ctx, text)
    step = Decimal(1).scaleb(-places)
    offset = step * ctx.rng.choice((0, 1, 1, 2, 3))
    return ctx.num(mean + offset, places), ctx.num(mean - offset, places)


def icp_printout(ctx: Ctx, rows: list[Row]) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    lab = s.lab
    sh.text(x, 15, lab.name, 11.5, bold=True, kind="value", field="laboratory", max_w=w * 0.6)
    sh.text(x, 19.5, ", ".join([*lab.lines, ctx.country(lab.country)]), 7.2, max_w=w * 0.62)
    sh.text(ctx.right, 15, ctx.pick(INSTRUMENTS), 8, align="right")
    sh.text(ctx.right, 19.5, ctx.pick(("Sample Report", "Quantitative Analysis Report", "Results Report")), 9,
            bold=True, align="right")  # fmt: skip
    sh.hline(x, ctx.right, 22.5, 0.6)
    # the software's header block: worksheet, method, operator, then the ids the client asked for
    gap = ctx.jitter(30, 2)
    left = [
        ("Worksheet:", f"{s.assay_no.replace('/', '_')}.{ctx.pick(('esws', 'wsp', 'ws'))}", None),
        ("Method:", ctx.pick(("Sb-metal trace v3", "Alloy impurities 14el", "ANTIMONY_TRACE")), None),
        ("Certificate No.:", s.assay_no, "certificate_number"),
        ("Lot:", s.assay_lot.number, "lot_number"),
    ]
    right = [
        ("Date analysed:", ctx.date(s.assay_date), None),
        ("Operator:", s.lab.person, None),
        ("Client:", s.seller.name, None),
        ("Producer:", s.smelter.printed, "smelter_name"),
    ]
    y = 28.0
    for (ll, lv, lf), (rl, rv, rf) in zip(left, right, strict=True):
        ctx.label_value(x, y, ll, lv, lf, gap=gap, size=8, max_w=w / 2 - gap - 2)
        ctx.label_value(x + w / 2, y, rl, rv, rf, gap=gap, size=8, max_w=w / 2 - gap - 2)
        y += 4.4
    y += 3
    n_reps = ctx.pick((2, 3))
    names = [f"{s.assay_lot.number}-{i + 1}" for i in range(n_reps)]
    mean_word = ctx.pick(("Mean", "Avg", "Average"))
    cols = [Column(ctx.pick(("Element (nm)", "Line", "Analyte")), w * 0.2), Column("Unit", w * 0.1)]
    cols += [Column(name, w * 0.14, "right") for name in names]
    cols += [Column(mean_word, w - sum(c.width for c in cols) - w * 0.1, "right"), Column("RSD %", w * 0.1, "right")]
    table: list[list[Cell]] = []
    for sym, text, unit, _ in rows:
        line = f"{sym} {ICP_LINES[sym]}" if sym != "Sb" or unit != "%" else "Sb (titr.)"
        if n_reps == 2:
            reps = list(_duplicates(ctx, text))
        else:
            a, b = _duplicates(ctx, text)
            reps = [a, text, b]
        cells = [Cell(line, "label"), Cell(_trace_unit(ctx, unit), "label")] + [Cell(r, "static") for r in reps]
        cells += [Cell(text, field="composition_pct", bold=True), Cell(ctx.num(ctx.rng.uniform(0.1, 2.5), 2), "static")]
        table.append(cells)
    y = sh.table(x, y, cols, table, size=7.6, line_h=3.3, pad=0.9) + 5
    if s.sb2o3_pct is not None:
        sh.text(x, y, f"Sb2O3 (calc.): {ctx.num(s.sb2o3_pct, 2)} %", 8, kind="static")
        y += 5
    y = sh.para(x, y, ctx.pick((
        "Intensities background-corrected; calibration blank + 4 standards, r > 0.9995. Check standard within 5 %.",
        "Results are the mean of the replicate readings. Sb by KBrO3 titration.",
    )), w, 7.4)  # fmt: skip
    sh.text(x, y + 8, f"{ctx.pick(('Reviewed by', 'Approved', 'Released by'))}: {s.lab.person}, {s.lab.title}", 8)
    sh.scribble(x + 60, y + 14, 30, len(s.assay_no))


def inspection_duplicates(ctx: Ctx, rows: list[Row]) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    titles = ("CERTIFICATE OF ANALYSIS", "INSPECTION CERTIFICATE - QUALITY", "CERTIFICATE OF QUALITY")
    y = _header(ctx, ctx.pick(titles))
    y = _facts(ctx, y, ctx.jitter(32, 3)) + 3
    y = sh.para(x, y, ctx.t(
        "Sampling was carried out during loading; the sample was split and analysed in duplicate (A, B). The "
        "certified result is the mean of the determinations.",
        "El muestreo se realizó durante la carga; la muestra se dividió y analizó por duplicado (A, B). El "
        "resultado certificado es el promedio de las determinaciones.",
    ), w, 8) + 3  # fmt: skip
    mean_word = ctx.pick((ctx.t("Mean", "Promedio"), ctx.t("Certified", "Certificado"), ctx.t("Result", "Resultado")))
    cols = [
        Column(ctx.t("Element", "Elemento"), w * 0.22),
        Column(ctx.t("Unit", "Unidad"), w * 0.12),
        Column("A", w * 0.18, "right"),
        Column("B", w * 0.18, "right"),
        Column(mean_word, w * 0.3, "right"),
    ]
    with_names = ctx.rng.random() < 0.5
    table: list[list[Cell]] = []
    for sym, text, unit, _ in rows:
        a, b = _duplicates(ctx, text)
        name = f"{ELEMENT_NAMES[sym]} ({sym})" if with_names else sym
        table.append([Cell(name, "label"), Cell(_trace_unit(ctx, unit), "label"), Cell(a, "static"),
                      Cell(b, "static"), Cell(text, field="composition_pct", bold=True)])  # fmt: skip
    y = sh.table(x, y, cols, table, size=8, line_h=3.5, pad=1.0) + 6
    if s.sb2o3_pct is not None:
        sh.text(x, y, f"Sb2O3: {ctx.num(s.sb2o3_pct, 2)} %", 8.6, kind="static")
        y += 6
    ctx.signature(x + w / 2, y + 12, s.lab.person, s.lab.title, len(s.assay_no))


def informe_ensayo(ctx: Ctx, rows: list[Row]) -> None:
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    lab = s.lab
    sh.text(x, 16, lab.name, 12.5, bold=True, kind="value", field="laboratory", max_w=w * 0.65)
    sh.text(x, 21, ", ".join([*lab.lines, ctx.country(lab.country, False)]), 7.6, max_w=w * 0.7)
    sh.text(ctx.right, 16, ctx.pick(("Laboratorio acreditado NB/ISO/IEC 17025", "Acreditación INACAL-DA LE-045",
                                     "Laboratorio de ensayo")), 7, align="right")  # fmt: skip
    sh.hline(x, ctx.right, 24, 0.8)
    sh.text(sh.width / 2, 33, ctx.pick(("INFORME DE ENSAYO", "INFORME DE ENSAYO QUÍMICO", "INFORME DE ANÁLISIS")),
            13, bold=True, align="center")  # fmt: skip
    ctx.label_value(x + w / 2 - 30, 39, ctx.pick(("N°", "Informe N°:", "N° de informe:")), s.assay_no,
                    "certificate_number", gap=22)  # fmt: skip
    y = 49.0
    gap = ctx.jitter(40, 4)
    step = ctx.jitter(4.8, 0.3)

    def caption(number: int, text: str) -> None:
        nonlocal y
        sh.text(x, y, f"{number}. {text}", 9.4, bold=True, kind="label")
        y += 5.5

    caption(1, ctx.pick(("Muestra", "Datos de la muestra", "Identificación de la muestra")))
    facts = [
        ("Solicitante:", s.seller.name, None),
        ("Producto:", s.description("es"), None),
        (ctx.pick(("Lote:", "Lote N°:", "Código de lote:")), s.assay_lot.number, "lot_number"),
        (ctx.pick(("Productor:", "Fundición:", "Fabricante:")), s.smelter.printed, "smelter_name"),
        ("Fecha de recepción:", ctx.date(s.assay_date), None),
    ]
    y = ctx.label_values(x + 4, y, facts, step, gap=gap, size=8.6, max_w=w - gap - 6)
    y += 2
    caption(2, ctx.pick(("Método", "Métodos de ensayo", "Metodología")))
    y = sh.para(x + 4, y, "Sb: volumetría con KBrO3. Impurezas: ICP-OES tras digestión ácida. S: combustión IR.",
                w - 4, 8.2) + 3  # fmt: skip
    caption(3, ctx.pick(("Resultados", "Resultados de ensayo")))
    cols = [
        Column("Elemento", w * 0.3),
        Column("Unidad", w * 0.15),
        Column("Resultado", w * 0.25, "right"),
        Column("Límite de cuantificación", w * 0.3, "right"),
    ]
    table = [
        [Cell(f"{ELEMENT_NAMES_ES.get(sym, sym)} ({sym})", "label"), Cell(_trace_unit(ctx, unit), "label"),
         Cell(text, field="composition_pct"), Cell(ctx.num(0.5 if unit != "%" else 0.001, 1 if unit != "%" else 3),
                                                   "static")]
        for sym, text, unit, _ in rows
    ]  # fmt: skip
    y = sh.table(x + 4, y, cols, table, size=8.2, line_h=3.6, pad=1.0) + 5
    if s.sb2o3_pct is not None:
        sh.text(x + 4, y, f"Sb2O3: {ctx.num(s.sb2o3_pct, 2)} %", 8.6, kind="static")
        y += 6
    caption(4, "Observaciones")
    y = sh.para(x + 4, y, "Los resultados se refieren únicamente a la muestra ensayada. Prohibida la reproducción "
                "parcial de este informe.", w - 4, 8) + 4  # fmt: skip
    sh.text(x, y + 4, f"{lab.city or lab.lines[-1]}, {ctx.date(s.assay_date)}", 8.4)
    ctx.signature(x + w / 2, y + 12, lab.person, lab.title, len(s.assay_no))


ELEMENT_NAMES_ES = {
    "Sb": "Antimonio", "As": "Arsénico", "Fe": "Hierro", "S": "Azufre", "Pb": "Plomo", "Cu": "Cobre",
    "Bi": "Bismuto", "Se": "Selenio", "Cd": "Cadmio", "Hg": "Mercurio", "Au": "Oro", "Ni": "Níquel",
    "Sn": "Estaño", "Zn": "Zinc",
}  # fmt: skip


# EN 10204 type 3.1 inspection certificate, its entries numbered after the data groups of EN 10168 (A:
# commercial transaction, B: product, C: tests, Z: validation); captions in English with German or French,
# or in Spanish with English.
MTC_CAPTIONS = {
    "title": ("INSPECTION CERTIFICATE", "ABNAHMEPRÜFZEUGNIS", "CERTIFICAT DE RÉCEPTION", "CERTIFICADO DE INSPECCIÓN"),
    "A01": ("Manufacturer", "Hersteller", "Producteur", "Fabricante"),
    "A02": ("Type of inspection document", "Art der Prüfbescheinigung", "Type de document", "Tipo de documento"),
    "A03": ("Certificate No.", "Zeugnis-Nr.", "N° du certificat", "Certificado No."),
    "A06": ("Purchaser", "Besteller", "Client", "Comprador"),
    "A07": ("Order No.", "Bestell-Nr.", "N° de commande", "Pedido No."),
    "B01": ("Product", "Erzeugnis", "Produit", "Producto"),
    "B02": ("Grade", "Sorte", "Nuance", "Grado"),
    "B07": ("Lot / heat No.", "Los- / Schmelze-Nr.", "N° de lot / coulée", "Lote / colada No."),
    "B08": ("Number of packages", "Anzahl Packstücke", "Nombre de colis", "Número de bultos"),
    "B13": ("Net mass", "Nettomasse", "Masse nette", "Masa neta"),
    "C70": ("Chemical composition", "Chemische Zusammensetzung", "Composition chimique", "Composición química"),
    "lab": ("Analysed by", "Analysiert von", "Analysé par", "Analizado por"),
    "element": ("Element", "Element", "Élément", "Elemento"),
    "unit": ("Unit", "Einheit", "Unité", "Unidad"),
    "min": ("Min.", "Min.", "Min.", "Mín."),
    "max": ("Max.", "Max.", "Max.", "Máx."),
    "actual": ("Actual", "Ist", "Résultat", "Resultado"),
    "Z01": ("We hereby certify that the products described above comply with the terms of the order and that the "
            "results were obtained on the lot delivered.", "Wir bestätigen, dass die Lieferung den Vereinbarungen "
            "bei der Bestellannahme entspricht.", "Nous certifions que les produits livrés sont conformes aux "
            "prescriptions de la commande.", "Certificamos que los productos descritos cumplen con los términos del "
            "pedido y que los resultados se obtuvieron sobre el lote entregado."),
    "Z02": ("Date of issue", "Ausstellungsdatum", "Date d'émission", "Fecha de emisión"),
    "Z03": ("Inspection representative", "Abnahmebeauftragter", "Représentant du contrôle", "Representante de "
            "inspección"),
}  # fmt: skip
_MTC_LANGS = {"en": 0, "de": 1, "fr": 2, "es": 3}


def _mtc(ctx: Ctx, pair: tuple[str, str | None], key: str) -> str:
    words = MTC_CAPTIONS[key]
    first, second = pair
    text = words[_MTC_LANGS[first]]
    return f"{text} / {words[_MTC_LANGS[second]]}" if second else text


def _limit_above(ctx: Ctx, text: str) -> str:
    """A specification maximum above the printed result: the next of 1, 2, 5 x 10^k at or above 1.3 times it."""
    value, _ = _decimal(ctx, text)
    target = value * Decimal("1.3")
    scale = Decimal(1).scaleb(target.adjusted())
    for step in (1, 2, 5, 10):
        limit = scale * step
        if limit >= target:
            places = max(0, -limit.normalize().as_tuple().exponent)  # type: ignore[operator]
            return ctx.num(limit, places)
    raise AssertionError("unreachable")


def en10204_31(ctx: Ctx, rows: list[Row]) -> None:
    """An EN 10204 3.1 inspection certificate issued by the producer: a header of coded cells (A01 manufacturer,
    A02 document type, A03 number), the order and product cells (A06-B13) with the lot as heat / lot number,
    the chemical composition with the specification's minimum and maximum beside the actual result, and the
    validation (Z01-Z03) by the inspection representative."""
    s, sh = ctx.s, ctx.sheet
    x, w = ctx.left, ctx.width
    pair: tuple[str, str | None] = ("es", "en") if ctx.lang == "es" else ctx.pick((("en", None), ("en", "de"),
                                                                                   ("en", "fr")))  # fmt: skip
    codes = ctx.rng.random() < 0.75
    cap = ctx.jitter(6.2, 0.3)

    def cell(cx: float, cy: float, cw: float, ch: float, key: str, lines: list[str], field: str | None = None,
             size: float = 8.6) -> None:  # fmt: skip
        sh.rect(cx, cy, cw, ch, 0.5)
        label = f"{key}  {_mtc(ctx, pair, key)}" if codes else _mtc(ctx, pair, key)
        ly = cy + 2.9
        for line in sh.wrap(label, cw - 2.6, cap):
            sh.text(cx + 1.3, ly, line, cap, kind="label")
            ly += cap * 0.4
        sh.lines(cx + 2.4, ly + 3.2, lines, size, field=field, max_w=cw - 4)

    y = 12.0
    # a long producer's name widens its cell at the title's expense
    lw = max(w * ctx.jitter(0.36, 0.02), min(w * 0.46, sh.text_width(s.smelter.printed, 6.5) + 5))
    mw = min(w * ctx.jitter(0.36, 0.02), w * 0.78 - lw)
    rw = w - lw - mw
    hh = ctx.jitter(27, 1.5)
    where: list[str] = []
    if s.smelter.country == s.declared and "smelter_place" in ctx.st.flags:
        where = [p for p in (s.smelter.place, ctx.country(s.smelter.country)) if p]
    cell(x, y, lw, hh, "A01", [s.smelter.printed, ", ".join(where)] if where else [s.smelter.printed],
         "smelter_name", size=9.2)  # fmt: skip
    sh.rect(x + lw, y, mw, hh, 0.5)
    sh.text(x + lw + mw / 2, y + 7, MTC_CAPTIONS["title"][_MTC_LANGS[pair[0]]], 11.5, bold=True, align="center",
            max_w=mw - 4)  # fmt: skip
    if pair[1]:
        sh.text(x + lw + mw / 2, y + 11.5, MTC_CAPTIONS["title"][_MTC_LANGS[pair[1]]], 8.5, align="center",
                max_w=mw - 4)  # fmt: skip
    sh.text(x + lw + mw / 2, y + 18, "3.1", 15, bold=True, align="center")
    sh.text(x + lw + mw / 2, y + 23.5, ctx.pick(("EN 10204:2004", "EN 10204 - 3.1", "DIN EN 10204")), 8,
            align="center")  # fmt: skip
    ctx.set("certificate_number", s.assay_no)
    cell(x + lw + mw, y, rw, hh / 2, "A03", [s.assay_no], "certificate_number", size=9.2)
    cell(x + lw + mw, y + hh / 2, rw, hh / 2, "Z02", [ctx.date(s.assay_date)])
    y += hh
    rh = ctx.jitter(13, 1)
    half = w / 2
    cell(x, y, half, rh, "A06", [s.buyer.name])
    cell(x + half, y, half, rh, "A07", [s.buyer_po or "-"])
    y += rh
    grade = f"Sb {s.grade_pct}" if s.product == "ingot" else f"Sb2O3 {s.grade_pct}"
    third = w / 3
    cell(x, y, third * 2, rh, "B01", [s.description(ctx.lang)])
    cell(x + third * 2, y, third, rh, "B02", [grade])
    y += rh
    lot = s.assay_lot
    cell(x, y, third, rh, "B07", [lot.number], "lot_number", size=9.4)
    cell(x + third, y, third, rh, "B08", [ctx.packages_text(lot.packages)])
    cell(x + third * 2, y, third, rh, "B13", [ctx.weight(lot.net_kg)])
    y += rh + ctx.jitter(7, 1.5)
    head = f"C70  {_mtc(ctx, pair, 'C70')}" if codes else _mtc(ctx, pair, "C70")
    sh.text(x, y, head, 9.5, bold=True, kind="label")
    y += 3
    word = {k: MTC_CAPTIONS[k][_MTC_LANGS[pair[0]]] for k in ("element", "unit", "min", "max", "actual")}
    cols = [Column(ctx.t("Code", "Código"), w * 0.1)] if codes else []
    cols += [
        Column(word["element"], w * 0.22),
        Column(word["unit"], w * 0.12),
        Column(word["min"], w * 0.16, "right"),
        Column(word["max"], w * 0.16, "right"),
        Column(word["actual"], w * (0.24 if codes else 0.34), "right"),
    ]
    table: list[list[Cell]] = []
    with_names = ctx.lang == "en" and ctx.rng.random() < 0.5
    for i, (sym, text, unit, _) in enumerate(rows):
        name = f"{sym} ({ELEMENT_NAMES[sym]})" if with_names else sym
        if sym == "Sb":
            low = ctx.num(s.grade_pct, 2) if s.product == "ingot" else "-"
            high = "-"
        else:
            low, high = "-", _limit_above(ctx, text)
        line = [Cell(name, "label"), Cell(_trace_unit(ctx, unit), "label"), Cell(low, "static"),
                Cell(high, "static"), Cell(text, field="composition_pct", bold=ctx.st.font != "Courier")]  # fmt: skip
        table.append(([Cell(f"C{71 + i}", "static")] if codes else []) + line)
    if s.sb2o3_pct is not None:
        sb2o3 = [Cell("Sb2O3", "label"), Cell("%", "label"), Cell(ctx.num(s.grade_pct, 2), "static"),
                 Cell("-", "static"), Cell(ctx.num(s.sb2o3_pct, 2), "static")]  # fmt: skip
        table.insert(0, ([Cell("C70", "static")] if codes else []) + sb2o3)
    y = sh.table(x, y, cols, table, size=ctx.jitter(8, 0.2), line_h=3.4, pad=1.0) + 5
    lab = s.lab
    label = f"{MTC_CAPTIONS['lab'][_MTC_LANGS[pair[0]]]}:"
    ctx.label_value(x, y, label, lab.name, "laboratory", gap=0, max_w=w * 0.7)
    sh.text(x, y + 4.2, ", ".join([*lab.lines, ctx.country(lab.country)]), 7.6, max_w=w)
    y += 12
    z01 = MTC_CAPTIONS["Z01"][_MTC_LANGS[pair[0]]]
    y = sh.para(x, y, f"Z01  {z01}" if codes else z01, w, 8.2) + 6
    z03 = f"Z03  {_mtc(ctx, pair, 'Z03')}" if codes else _mtc(ctx, pair, "Z03")
    sh.text(x + w * 0.55, y, z03, 7.4, kind="label", max_w=w * 0.45)
    sh.canvas.circle((x + w * 0.3) * MM, (sh.height - (y + 12)) * MM, 11 * MM)
    sh.text(
        x + w * 0.3,
        y + 13,
        ctx.pick((ctx.t("QA DEPT.", "CONTROL"), ctx.t("QUALITY", "CALIDAD"), ctx.t("INSPECTION", "INSPECCIÓN"))),
        7,
        bold=True,
        align="center",
    )
    ctx.signature(x + w * 0.55, y + 12, lab.person, lab.title, len(s.assay_no))


# --- fold 2 additions ---

QUALITY_WORDS = {
    "en": {
        "title": ("CERTIFICATE OF QUALITY", "QUALITY CERTIFICATE", "CERTIFICATE OF QUALITY AND ANALYSIS"),
        "number": ("Certificate No.:", "No.:", "Cert. No.:"),
        "date": "Date of issue:",
        "commodity": "Commodity:",
        "quantity": "Quantity:",
        "lot": ("Lot No.:", "Lot / Heat No.:", "Batch:"),
        "producer": ("Manufacturer:", "Producer:", "Smelter:"),
        "applicant": "Applicant:",
        "item": "Item",
        "unit": "Unit",
        "guaranteed": ("Guaranteed", "Specification (guaranteed)", "Contract spec."),
        "found": ("Found", "Result (found)", "Actual"),
        "verdict": "Conforms",
        "off": "Below spec.",
        "min": "min.",
        "max": "max.",
        "conclusion": (
            "Conclusion: the quality of the goods conforms to the specification of the contract. The results "
            "relate to the sample drawn from the lot named above."
        ),
        "standard": "Specification after {standard} and the contract; sampling and analysis by the laboratory.",
    },
    "es": {
        "title": ("CERTIFICADO DE CALIDAD", "CERTIFICADO DE CALIDAD Y ANÁLISIS", "CERTIFICADO DE CALIDAD"),
        "number": ("Certificado No.:", "No.:", "Cert. No.:"),
        "date": "Fecha de emisión:",
        "commodity": "Mercancía:",
        "quantity": "Cantidad:",
        "lot": ("Lote No.:", "Lote:", "Colada / Lote:"),
        "producer": ("Fabricante:", "Productor:", "Fundición:"),
        "applicant": "Solicitante:",
        "item": "Elemento",
        "unit": "Unidad",
        "guaranteed": ("Garantizado", "Especificación (garantizado)", "Especificación"),
        "found": ("Encontrado", "Resultado", "Obtenido"),
        "verdict": "Conforme",
        "off": "No conforme",
        "min": "mín.",
        "max": "máx.",
        "conclusion": (
            "Conclusión: la calidad de la mercancía es conforme a la especificación del contrato. Los resultados "
            "se refieren a la muestra tomada del lote arriba indicado."
        ),
        "standard": "Especificación según {standard} y el contrato; muestreo y análisis por el laboratorio.",
    },
}


def _guaranteed_limit(value: Decimal) -> tuple[Decimal, int]:
    """The round limit a contract would guarantee above a found value: 1, 1.5, 2, 3 or 5 times a power of ten
    (with some room), and its number of decimals."""
    target = value * Decimal("1.25")
    exponent = target.adjusted()
    for _ in range(2):
        for step in ("1", "1.5", "2", "3", "5"):
            limit = Decimal(step).scaleb(exponent)
            if limit >= target:
                places = max(0, -limit.normalize().as_tuple().exponent)  # type: ignore[operator]
                return limit, places
        exponent += 1
    raise AssertionError("no limit found")


def quality_spec(ctx: Ctx, rows: list[Row]) -> None:
    """A certificate of quality: the contract's specification beside the laboratory's results, one row per
    element with its guaranteed limit ('min. 99.65', 'max. 0.050') and the value found, a verdict column, and
    the conclusion that the lot conforms."""
    s, sh = ctx.s, ctx.sheet
    words = QUALITY_WORDS["es" if ctx.lang == "es" else "en"]
    x, w = ctx.left, ctx.width
    lab = s.lab
    sh.text(x, 16, lab.name, ctx.jitter(12.5, 0.5), bold=True, kind="value", field="laboratory", max_w=w * 0.62)
    sh.text(x, 21, ", ".join([*lab.lines, ctx.country(lab.country)]), 7.6, max_w=w * 0.62)
    sh.text(x, 25, f"{lab.phone}  {lab.email}", 7.2)
    ctx.set("certificate_number", s.assay_no)
    bw = w * ctx.jitter(0.3, 0.02)
    sh.rect(ctx.right - bw, 11, bw, 16, 0.6)
    sh.text(ctx.right - bw + 2, 16, ctx.pick(words["number"]), 7.6, bold=True, kind="label")
    sh.text(ctx.right - bw + 2, 21, s.assay_no, 9.2, kind="value", field="certificate_number", max_w=bw - 4)
    sh.text(ctx.right - bw + 2, 25, ctx.date(s.assay_date), 8)
    sh.hline(x, ctx.right, 29, 0.9)
    sh.text(sh.width / 2, 38, ctx.pick(words["title"]), ctx.jitter(14, 0.6), bold=True, align="center")
    y = 47.0
    gap = ctx.jitter(32, 3)
    half = w / 2
    left = [
        (words["applicant"], s.seller.name, None),
        (words["commodity"], s.description(ctx.lang), None),
        (words["quantity"], f"{ctx.packages_text(s.assay_lot.packages)}, {ctx.weight(s.assay_lot.net_kg)}", None),
    ]
    y = ctx.label_values(x, y, left, 4.8, gap=gap, size=8.5, max_w=w - gap - 2)
    ctx.label_value(x, y, ctx.pick(words["lot"]), s.assay_lot.number, "lot_number", gap=gap, size=8.5,
                    max_w=half - gap - 2)  # fmt: skip
    ctx.label_value(x + half, y, ctx.pick(words["producer"]), s.smelter.printed, "smelter_name", gap=gap - 4,
                    size=8.5, max_w=half - gap + 2)  # fmt: skip
    y += 9
    cols = [
        Column(words["item"], w * 0.2),
        Column(words["unit"], w * 0.12),
        Column(ctx.pick(words["guaranteed"]), w * 0.26, "right"),
        Column(ctx.pick(words["found"]), w * 0.22, "right"),
        Column("", w * 0.2),
    ]
    table: list[list[Cell]] = []
    grade = s.grade_pct if s.sb2o3_pct is None else None
    for sym, text, unit, _ in rows:
        found, _places = _decimal(ctx, text)
        verdict = words["verdict"]
        if sym == "Sb" and grade is not None:
            spec = f"{words['min']} {ctx.num(grade, 2)}"
            verdict = verdict if found >= grade else words["off"]
        elif sym == "Sb":
            spec = "-"
        else:
            limit, places = _guaranteed_limit(found)
            spec = f"{words['max']} {ctx.num(limit, places)}"
        table.append([Cell(sym, "label"), Cell(_trace_unit(ctx, unit), "label"), Cell(spec, "static"),
                      Cell(text, field="composition_pct", bold=True), Cell(verdict, "static")])  # fmt: skip
    if s.sb2o3_pct is not None:
        spec = f"{words['min']} {ctx.num(s.grade_pct, 2)}"
        found = ctx.num(s.sb2o3_pct, 2)
        table.insert(0, [Cell("Sb2O3", "label"), Cell("%", "label"), Cell(spec, "static"),
                         Cell(found, "static", bold=True), Cell(words["verdict"], "static")])  # fmt: skip
    y = sh.table(x, y, cols, table, size=ctx.jitter(8.2, 0.3), line_h=3.5, pad=1.1) + 6
    standard = "GB/T 1599-2014" if s.product == "ingot" else "GB/T 4062-2013"
    y = sh.para(x, y, words["standard"].format(standard=standard), w, 7.8) + 2
    y = sh.para(x, y, words["conclusion"], w, 8.2) + 4
    sh.text(x, y + 4, f"{lab.city or lab.lines[-1]}, {ctx.date(s.assay_date)}", 8.4)
    ctx.signature(x + w * 0.55, y + 14, lab.person, lab.title, len(s.assay_no))


# --- fold 0 additions ---

UMPIRE_WORDS = {
    "en": {
        "title": ("CERTIFICATE OF UMPIRE ANALYSIS", "UMPIRE ASSAY CERTIFICATE", "REFEREE ANALYSIS CERTIFICATE"),
        "role": "Umpire laboratory agreed by seller and buyer",
        "number": ("Certificate No.:", "Umpire cert. No.:", "Report No.:"),
        "date": "Date:",
        "commodity": "Commodity:",
        "lot": ("Lot No.:", "Lot:", "Parcel / lot:"),
        "producer": ("Producer:", "Smelter:", "Brand / producer:"),
        "seller": "Seller:",
        "buyer": "Buyer:",
        "sample": ("Umpire sample:", "Sealed sample No.:"),
        "intro": (
            "At the joint request of the seller and the buyer, the sealed umpire sample of the lot named above was "
            "analysed because their exchanged results differed by more than the splitting limit of the contract. "
            "The results of the umpire laboratory are final and binding on both parties."
        ),
        "element": "Element",
        "unit": "Unit",
        "seller_result": "Seller's result",
        "buyer_result": "Buyer's result",
        "difference": "Difference",
        "limit": "Splitting limit",
        "umpire": ("Umpire result", "UMPIRE (final)", "Umpire value"),
        "none": "not disputed",
        "note": "Elements not disputed were analysed on the same sample; their umpire results are reported too.",
        "chemist": "Chief chemist",
    },
    "es": {
        "title": ("CERTIFICADO DE ANÁLISIS DIRIMENTE", "CERTIFICADO DE ANÁLISIS ARBITRAL", "INFORME DE DIRIMENCIA"),
        "role": "Laboratorio dirimente designado por vendedor y comprador",
        "number": ("Certificado No.:", "Informe No.:", "No.:"),
        "date": "Fecha:",
        "commodity": "Mercancía:",
        "lot": ("Lote No.:", "Lote:", "Partida / lote:"),
        "producer": ("Productor:", "Fundición:", "Marca / productor:"),
        "seller": "Vendedor:",
        "buyer": "Comprador:",
        "sample": ("Muestra dirimente:", "Muestra sellada No.:"),
        "intro": (
            "A solicitud conjunta del vendedor y del comprador se analizó la muestra dirimente sellada del lote "
            "indicado, porque los resultados intercambiados difirieron en más del límite de tolerancia del "
            "contrato. Los resultados del laboratorio dirimente son definitivos y obligatorios para ambas partes."
        ),
        "element": "Elemento",
        "unit": "Unidad",
        "seller_result": "Resultado vendedor",
        "buyer_result": "Resultado comprador",
        "difference": "Diferencia",
        "limit": "Límite",
        "umpire": ("Resultado dirimente", "DIRIMENTE (final)", "Valor dirimente"),
        "none": "sin disputa",
        "note": "Los elementos sin disputa se analizaron en la misma muestra; se informan también sus resultados.",
        "chemist": "Químico jefe",
    },
}


def _umpire_exchange(ctx: Ctx, text: str) -> tuple[str, str, str, str]:
    """The seller's and buyer's results that led to the umpire, their difference and the splitting limit: the
    two lie on either side of the umpire's result and further apart than the limit."""
    found, places = _decimal(ctx, text)
    step = Decimal(1).scaleb(-places)
    limit = max((found * Decimal("0.002") if found > 10 else found * Decimal("0.08")).quantize(step), step)
    up = limit * Decimal(ctx.pick(("0.6", "0.8", "1.1"))) + step
    down = limit * Decimal(ctx.pick(("0.5", "0.7", "0.9"))) + step
    seller, buyer = (found + up).quantize(step), max(found - down, step).quantize(step)
    return ctx.num(seller, places), ctx.num(buyer, places), ctx.num(seller - buyer, places), ctx.num(limit, places)


def umpire_assay(ctx: Ctx, rows: list[Row]) -> None:
    """An umpire (referee) laboratory's certificate: the dispute it settles in a header (seller, buyer, sealed
    sample), then a table giving, for the disputed elements, the seller's and buyer's exchanged results, their
    difference and the splitting limit beside the umpire's result, and the umpire's result alone for the rest;
    the umpire's results are the certified composition."""
    s, sh = ctx.s, ctx.sheet
    c = UMPIRE_WORDS["es" if ctx.lang == "es" else "en"]
    x, w = ctx.left, ctx.width
    lab = s.lab
    sh.text(x, 16, lab.name, ctx.jitter(12.5, 0.5), bold=True, kind="value", field="laboratory", max_w=w * 0.6)
    sh.text(x, 21, ", ".join([*lab.lines, ctx.country(lab.country)]), 7.6, max_w=w * 0.6)
    sh.text(x, 25, f"{lab.phone}  {lab.email}", 7.2)
    sh.text(ctx.right, 16, c["role"], 7.4, align="right", max_w=w * 0.36)
    sh.text(ctx.right, 20, "ISO/IEC 17025", 7.4, align="right")
    sh.hline(x, ctx.right, 28.5, 0.8)
    sh.text(sh.width / 2, 37, ctx.pick(c["title"]), ctx.jitter(13.5, 0.5), bold=True, align="center", max_w=w)
    y = 46.0
    half = w / 2
    gap = ctx.jitter(28, 2)
    ctx.set("certificate_number", s.assay_no)
    sample = f"U-{s.assay_date:%y%m}-{ctx.rng.randrange(100, 999)}"
    left = [
        (ctx.pick(c["number"]), s.assay_no, "certificate_number"),
        (c["date"], ctx.date(s.assay_date), None),
        (ctx.pick(c["lot"]), s.assay_lot.number, "lot_number"),
        (ctx.pick(c["sample"]), sample, None),
    ]
    right = [
        (c["seller"], s.seller.name, None),
        (c["buyer"], s.buyer.name, None),
        (ctx.pick(c["producer"]), s.smelter.printed, "smelter_name"),
        (c["commodity"], s.description(ctx.lang), None),
    ]
    for i, ((ll, lv, lf), (rl, rv, rf)) in enumerate(zip(left, right, strict=True)):
        ctx.label_value(x, y + i * 4.8, ll, lv, lf, gap=gap, size=8.4, max_w=half - gap - 3)
        ctx.label_value(x + half, y + i * 4.8, rl, rv, rf, gap=gap - 6, size=8.4, max_w=half - gap + 5)
    y += 4 * 4.8 + 3
    y = sh.para(x, y, c["intro"], w, 7.9) + 3
    # the main element is always disputed; one or two impurities with it
    disputed = {"Sb", *ctx.rng.sample([r[0] for r in rows if r[0] != "Sb"], ctx.pick((1, 2)))}
    widths = [0.12, 0.09, 0.16, 0.16, 0.14, 0.14, 0.19]
    titles = [c["element"], c["unit"], c["seller_result"], c["buyer_result"], c["difference"], c["limit"]]
    titles.append(ctx.pick(c["umpire"]))
    aligns = ["left", "left", "right", "right", "right", "right", "right"]
    cols = [Column(t, w * f, a) for t, f, a in zip(titles, widths, aligns, strict=True)]
    table: list[list[Cell]] = []
    for sym, text, unit, _ in rows:
        if sym in disputed:
            exchange = [Cell(v, "static") for v in _umpire_exchange(ctx, text)]
        else:
            exchange = [Cell(c["none"], "static"), Cell("-", "static"), Cell("-", "static"), Cell("-", "static")]
        table.append([Cell(sym, "label"), Cell(_trace_unit(ctx, unit), "label"), *exchange,
                      Cell(text, field="composition_pct", bold=True)])  # fmt: skip
    y = sh.table(x, y, cols, table, size=ctx.jitter(8, 0.25), line_h=3.4, pad=1.1) + 5
    if s.sb2o3_pct is not None:
        sb2o3 = f"Sb2O3 ({ctx.t('calculated from Sb', 'calculado a partir de Sb')}): {ctx.num(s.sb2o3_pct, 2)} %"
        sh.text(x, y, sb2o3, 8)
        y += 5
    y = sh.para(x, y, c["note"], w, 7.6) + 4
    sh.text(x, y + 4, f"{lab.city or lab.lines[-1]}, {ctx.date(s.assay_date)}", 8.4)
    ctx.signature(x + w * 0.55, y + 14, lab.person, c["chemist"], len(s.assay_no))
