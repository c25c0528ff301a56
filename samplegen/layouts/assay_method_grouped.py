"""A certificate of analysis with the results grouped under their analytical methods (`method_grouped`), added after
the extractors were built (no extractor was changed for it).

Mineral laboratories that certify reference materials print their results in one recognisable table, and some use
the same certificate for a commercial lot: every constituent named in full with its symbol and unit in one cell
('Antimony, Sb (wt.%)', 'Bismuth, Bi (ppm)'), the rows gathered under a shaded heading per method of analysis
('Titration', 'Combustion infrared', '4-acid digestion, ICP-OES', 'Hydride generation AAS'), the value beside its
uncertainty (an expanded uncertainty at k=2, or the low and high limits of a 95 % confidence interval) and the
limit of reporting, a method code per group. What the page carries:

* the laboratory's letterhead (name, address, telephone and web), a rule;
* the title 'CERTIFICATE OF ANALYSIS' over the product and lot it is for, the document code with its revision and
  the date printed ('<number>-R0  Printed: <date>');
* a block of particulars: client, producer or brand, lot, sample, quantity represented, dates of receipt and
  analysis;
* 'Table 1. Analytical results ...', the grouped table;
* the SI unit equivalents under the table (ppm = mg/kg, wt.% = mass fraction in %), notes on preparation and
  basis, the certifying officer's signature, and 'Page 1 of 1'.

Captions in English, Spanish, French (a Belgian exporter's laboratory) or Portuguese (goods for a Brazilian
buyer). The ground truth is the composition as printed, every result in the unit its row names, in mass percent.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from samplegen.layouts import four_languages as fl
from samplegen.layouts.assay_forms import Row, _decimal
from samplegen.layouts.assay_test_report import NAMES
from samplegen.layouts.assay_xrf_analyzer import OPERATORS
from samplegen.layouts.common import Ctx, draw_to_fit

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("CERTIFICATE OF ANALYSIS", "CERTIFICATE OF ANALYSIS FOR"),
        "printed": ("Printed", "Issued"),
        "ingot": ("Antimony metal ingots", "Antimony ingots"),
        "trioxide": ("Antimony trioxide", "Antimony trioxide powder"),
        "client": ("Client", "Submitted by"),
        "producer": ("Producer / brand", "Producer"),
        "lot": ("Lot", "Lot No."),
        "sample": ("Sample", "Sample description"),
        "sample_text": ("composite of drillings from the lot", "pulp prepared from the lot sample"),
        "quantity": ("Quantity represented", "Lot weight"),
        "received": ("Received", "Date received"),
        "table": ("Table 1. Analytical results for lot {lot}.", "Table 1. Results of analysis, lot {lot}."),
        "constituent": ("Constituent",),
        "value": ("Value", "Result"),
        "u": ("± U (k=2)", "Uncertainty (k=2)"),
        "ci": ("95% Confidence",),
        "low": ("Low",),
        "high": ("High",),
        "lor": ("LOR", "Limit of reporting"),
        "code": ("Method",),
        "si": ("SI unit equivalents: ppm (parts per million; 1 x 10-6) = mg/kg; wt.% (weight per cent) = % (mass "
               "fraction).",),
        "notes": ("Results on the sample as received; they relate only to the sample tested.",
                  "The sample was dried at 105 °C before analysis; results relate to the sample tested."),
        "officer": ("Certifying officer", "Authorised signatory"),
        "page": ("Page 1 of 1",),
    },
    "es": {
        "title": ("CERTIFICADO DE ANÁLISIS",),
        "printed": ("Impreso", "Emitido"),
        "ingot": ("Lingotes de antimonio metálico",),
        "trioxide": ("Trióxido de antimonio",),
        "client": ("Cliente", "Remitido por"),
        "producer": ("Productor / marca", "Productor"),
        "lot": ("Lote", "Lote N°"),
        "sample": ("Muestra", "Descripción de la muestra"),
        "sample_text": ("compuesto de virutas del lote", "pulpa preparada de la muestra del lote"),
        "quantity": ("Cantidad representada", "Peso del lote"),
        "received": ("Recepción", "Fecha de recepción"),
        "table": ("Tabla 1. Resultados analíticos del lote {lot}.",),
        "constituent": ("Constituyente", "Analito"),
        "value": ("Valor", "Resultado"),
        "u": ("± U (k=2)", "Incertidumbre (k=2)"),
        "ci": ("Confianza 95%",),
        "low": ("Inferior",),
        "high": ("Superior",),
        "lor": ("LR", "Límite de reporte"),
        "code": ("Método",),
        "si": ("Equivalencias SI: ppm (partes por millón; 1 x 10-6) = mg/kg; % p/p (porcentaje en peso) = % "
               "(fracción másica).",),
        "notes": ("Resultados sobre la muestra tal como se recibió; se refieren solo a la muestra ensayada.",),
        "officer": ("Responsable de certificación", "Firma autorizada"),
        "page": ("Página 1 de 1",),
    },
    "fr": {
        "title": ("CERTIFICAT D'ANALYSE",),
        "printed": ("Imprimé le", "Émis le"),
        "ingot": ("Lingots d'antimoine métal",),
        "trioxide": ("Trioxyde d'antimoine",),
        "client": ("Client", "Demandeur"),
        "producer": ("Producteur / marque", "Producteur"),
        "lot": ("Lot", "Lot n°"),
        "sample": ("Échantillon",),
        "sample_text": ("composite de copeaux du lot", "pulpe préparée à partir de l'échantillon du lot"),
        "quantity": ("Quantité représentée", "Poids du lot"),
        "received": ("Réception", "Date de réception"),
        "table": ("Tableau 1. Résultats d'analyse du lot {lot}.",),
        "constituent": ("Constituant",),
        "value": ("Valeur", "Résultat"),
        "u": ("± U (k=2)", "Incertitude (k=2)"),
        "ci": ("Confiance 95 %",),
        "low": ("Basse",),
        "high": ("Haute",),
        "lor": ("LQ", "Limite de quantification"),
        "code": ("Méthode",),
        "si": ("Équivalences SI : ppm (parties par million ; 1 x 10-6) = mg/kg ; % m/m (pourcentage massique) = % "
               "(fraction massique).",),
        "notes": ("Résultats sur l'échantillon tel que reçu ; ils ne concernent que l'échantillon analysé.",),
        "officer": ("Responsable de la certification", "Signataire autorisé"),
        "page": ("Page 1 sur 1",),
    },
    "pt": {
        "title": ("CERTIFICADO DE ANÁLISE",),
        "printed": ("Impresso em", "Emitido em"),
        "ingot": ("Lingotes de antimônio metálico",),
        "trioxide": ("Trióxido de antimônio",),
        "client": ("Cliente", "Solicitante"),
        "producer": ("Produtor / marca", "Produtor"),
        "lot": ("Lote", "Lote nº"),
        "sample": ("Amostra",),
        "sample_text": ("composto de cavacos do lote", "polpa preparada da amostra do lote"),
        "quantity": ("Quantidade representada", "Peso do lote"),
        "received": ("Recebimento", "Data de recebimento"),
        "table": ("Tabela 1. Resultados analíticos do lote {lot}.",),
        "constituent": ("Constituinte", "Analito"),
        "value": ("Valor", "Resultado"),
        "u": ("± U (k=2)", "Incerteza (k=2)"),
        "ci": ("Confiança 95%",),
        "low": ("Inferior",),
        "high": ("Superior",),
        "lor": ("LQ", "Limite de quantificação"),
        "code": ("Método",),
        "si": ("Equivalências SI: ppm (partes por milhão; 1 x 10-6) = mg/kg; % m/m (porcentagem em massa) = % "
               "(fração mássica).",),
        "notes": ("Resultados na amostra como recebida; referem-se somente à amostra ensaiada.",),
        "officer": ("Responsável pela certificação", "Signatário autorizado"),
        "page": ("Página 1 de 1",),
    },
}  # fmt: skip
# The method group of each element, its heading per language and the laboratory's method code.
GROUP_OF = {"Sb": "titration", "S": "combustion", "As": "hydride", "Se": "hydride", "Hg": "cold_vapour",
            "Au": "fire_assay"}  # fmt: skip
GROUPS: dict[str, tuple[dict[str, str], str]] = {
    "titration": ({"en": "Titration (potassium bromate)", "es": "Volumetría (bromato de potasio)",
                   "fr": "Titrage (bromate de potassium)", "pt": "Titulação (bromato de potássio)"}, "VOL-SB01"),
    "combustion": ({"en": "Combustion infrared", "es": "Combustión e infrarrojo", "fr": "Combustion infrarouge",
                    "pt": "Combustão infravermelho"}, "IR-CS02"),
    "acid": ({"en": "4-acid digestion, ICP-OES", "es": "Digestión 4 ácidos, ICP-OES",
              "fr": "Digestion 4 acides, ICP-OES", "pt": "Digestão 4 ácidos, ICP-OES"}, "ICP-4A41"),
    "hydride": ({"en": "Hydride generation AAS", "es": "AAS por generación de hidruros",
                 "fr": "SAA génération d'hydrures", "pt": "AAS geração de hidretos"}, "AAS-HG12"),
    "cold_vapour": ({"en": "Cold-vapour AAS", "es": "AAS vapor frío", "fr": "SAA vapeur froide",
                     "pt": "AAS vapor frio"}, "AAS-CV05"),
    "fire_assay": ({"en": "Lead fire assay, ICP-MS finish", "es": "Ensayo al fuego, acabado ICP-MS",
                    "fr": "Essai au plomb, fin ICP-MS", "pt": "Ensaio a fogo, final ICP-MS"}, "FA-MS25"),
}  # fmt: skip
Say = Callable[[str], str]
ORDER = ("titration", "combustion", "acid", "hydride", "cold_vapour", "fire_assay")


def method_grouped(ctx: Ctx, rows: list[Row]) -> None:
    draw_to_fit(ctx, lambda c, squeeze: _draw(c, rows, squeeze), "method-grouped certificate of analysis", tries=5)


def _unit(lang: str, unit: str) -> str:
    if unit == "%":
        return {"en": "wt.%", "es": "% p/p", "fr": "% m/m", "pt": "% m/m"}[lang]
    return unit


def _uncertainty(ctx: Ctx, sym: str, text: str) -> tuple[Decimal, int]:
    """An expanded uncertainty in the printed value's unit and decimals: tight for antimony by titration, a few
    per cent of the value for the impurities."""
    value, places = _decimal(ctx, text)
    step = Decimal(1).scaleb(-places)
    rel = Decimal(str(ctx.rng.uniform(0.0004, 0.001) if sym == "Sb" else ctx.rng.uniform(0.04, 0.12)))
    return max((value * rel).quantize(step), step), places


def _lor(ctx: Ctx, text: str) -> str:
    """The limit of reporting: one unit in the result's last printed decimal place, always under the result."""
    _, places = _decimal(ctx, text)
    return ctx.num(Decimal(1).scaleb(-places), places)


def _draw(ctx: Ctx, rows: list[Row], squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    lab, lot = s.lab, s.assay_lot
    lang = fl.language(ctx, 0.6)
    chosen: dict[str, str] = {}

    def say(key: str) -> str:
        if key not in chosen:  # a certificate template words each caption one way
            chosen[key] = str(ctx.pick(WORDS[lang][key]))
        return chosen[key]

    x, w = ctx.left, ctx.width
    k = 1 - 0.1 * squeeze
    size = ctx.jitter(8.6, 0.3) - 0.3 * squeeze
    step = size * 0.47 * k + 0.6
    ctx.set("laboratory", lab.name)
    ctx.set("certificate_number", s.assay_no)
    ctx.set("lot_number", lot.number)
    ctx.set("smelter_name", s.smelter.printed)

    # ----- letterhead -----
    top = ctx.jitter(15, 1)
    sh.text(x, top, lab.name.upper(), ctx.jitter(11.5, 0.6), bold=True, kind="value", field="laboratory",
            max_w=w * 0.7)  # fmt: skip
    sh.text(x, top + 4.6, ", ".join([*lab.lines, fl.country(ctx, lang, lab.country)]), 7.2, max_w=w * 0.7)
    sh.text(ctx.right, top + 4.6, f"T: {lab.phone}", 7.2, align="right", max_w=w * 0.28)
    sh.text(ctx.right, top + 8, lab.email, 7.2, align="right", max_w=w * 0.28)
    sh.hline(x, ctx.right, top + 10.5, ctx.pick((0.4, 0.8)))

    # ----- title, product and document code -----
    y = top + 20 * k
    sh.text(sh.width / 2, y, say("title"), ctx.jitter(14, 0.6), bold=True, align="center", max_w=w)
    product = say("ingot" if s.product == "ingot" else "trioxide")
    y += 6.5 * k
    grade_of = "Sb" if s.product == "ingot" else "Sb2O3"  # a trioxide's grade is its oxide content
    sh.text(sh.width / 2, y, f"{product} {grade_of} {ctx.num(s.grade_pct, 2)} - {say('lot')} {lot.number}", size + 1.5,
            align="center", max_w=w)  # fmt: skip
    y += 7 * k
    rev = ctx.pick(("R0", "R0", "R1"))  # the revision beside the code, apart from it as the number is recorded
    cw = sh.text(x, y, s.assay_no, size + 0.6, bold=True, kind="value", field="certificate_number", max_w=w * 0.4)
    sh.text(x + cw + 3, y, f"({rev})", size - 0.4)
    sh.text(ctx.right, y, f"{say('printed')}: {fl.day(ctx, lang, s.assay_date)}", size, align="right",
            max_w=w * 0.5)  # fmt: skip
    y += 3 * k
    sh.hline(x, ctx.right, y, 0.3)

    # ----- particulars -----
    y += 6 * k
    received = fl.day(ctx, lang, s.assay_date - timedelta(days=rng.randrange(2, 9)))
    pairs: list[tuple[str, str, str | None]] = [
        (say("client"), s.seller.name, None),
        (say("producer"), s.smelter.printed, "smelter_name"),
        (say("lot"), lot.number, "lot_number"),
        (say("sample"), say("sample_text"), None),
        (say("quantity"), f"{fl.weight(ctx, lang, lot.net_kg)} ({fl.packages(ctx, lang, lot.packages)})", None),
        (say("received"), received, None),
    ]
    gap = max(sh.text_width(f"{label}:", size - 0.2, True) for label, _, _ in pairs) + 3
    for label, value, field in pairs:
        sh.text(x, y, f"{label}:", size - 0.2, bold=True, kind="label")
        sh.text(x + gap, y, value, size, kind="value" if field else "static", field=field, max_w=w - gap - 2)
        y += step

    # ----- the grouped table -----
    y += 4 * k
    sh.text(x, y, say("table").format(lot=lot.number), size, bold=True, max_w=w)
    y += 3 * k
    y = _table(ctx, rows, lang, say, x, y, w, size, k)
    y += 4.5 * k
    y = sh.para(x, y, say("si"), w, size - 1.6, (size - 1.6) * 0.44)
    y = sh.para(x, y + 1.5, say("notes"), w, size - 1.2, (size - 1.2) * 0.44)

    # ----- signature and page -----
    officer = ctx.pick(OPERATORS.get(lab.country, ("A. Rahman", "M. Costa")))
    sy = y + 14 * k
    sh.scribble(x + 4, sy - 4, 34, len(s.assay_no) + 7)
    sh.hline(x, x + 58, sy, 0.4)
    sh.text(x, sy + 4, officer, size - 0.4)
    sh.text(x, sy + 7.8, say("officer"), size - 1, kind="label")
    sh.text(ctx.right, sy + 7.8, say("page"), size - 1.4, align="right")
    return sy + 9


def _table(ctx: Ctx, rows: list[Row], lang: str, words: Say, x: float, y: float, w: float, size: float,
           k: float) -> float:  # fmt: skip
    """The results under one shaded heading per method; returns the y under the table."""
    sh, s, rng = ctx.sheet, ctx.s, ctx.rng
    interval = rng.random() < 0.45  # low and high 95 % limits instead of one expanded uncertainty
    first = w * ctx.jitter(0.4, 0.02)
    rest = (w - first) / 4
    heads = [words("constituent"), words("value")]
    heads += [words("low"), words("high")] if interval else [words("u"), ""]
    heads += [words("lor")]
    cols = [x, x + first, x + first + rest, x + first + 2 * rest, x + first + 3 * rest]
    widths = [first, rest, rest, rest, rest]
    line_h = ctx.jitter(4.4, 0.2) * k
    head_h = line_h * (2 if interval else 1) + 1.6
    sh.rect(x, y, w, head_h, 0.5, fill=0.86)
    hy = y + head_h - 1.8
    if interval:  # 'Low' and 'High' under a spanning '95% Confidence'
        sh.text(cols[2] + rest, y + line_h - 0.6, words("ci"), size - 1, bold=True, kind="label", align="center")
        sh.hline(cols[2] + 1, cols[4] - 1, y + line_h + 0.4, 0.3)
    for i, head in enumerate(heads):
        if not head:
            continue
        if i == 0:
            sh.text(cols[0] + 1.5, hy, head, size - 0.8, bold=True, kind="label", max_w=widths[0] - 3)
        else:
            sh.text(cols[i] + widths[i] - 1.5, hy, head, size - 0.8, bold=True, kind="label", align="right",
                    max_w=widths[i] - 3)  # fmt: skip
    y += head_h
    by_group: dict[str, list[Row]] = {}
    for row in rows:
        by_group.setdefault(GROUP_OF.get(row[0], "acid"), []).append(row)
    show_codes = rng.random() < 0.7
    for group in ORDER:
        members = by_group.get(group)
        if not members:
            continue
        heading, code = GROUPS[group]
        sh.rect(x, y, w, line_h, 0.3, fill=0.94)
        label = f"{heading[lang]} ({code})" if show_codes else heading[lang]
        sh.text(x + 1.5, y + line_h - 1.2, label, size - 0.6, bold=True, max_w=w - 3)
        y += line_h
        for sym, text, unit, _pct in members:
            name = f"{NAMES[lang][sym]}, {sym} ({_unit(lang, unit)})"
            base = y + line_h - 1.2
            sh.text(cols[0] + 3.5, base, name, size - 0.4, max_w=widths[0] - 5)
            sh.text(cols[1] + rest - 1.5, base, text, size, bold=sym == "Sb", kind="value", field="composition_pct",
                    align="right", max_w=rest - 3)  # fmt: skip
            u, places = _uncertainty(ctx, sym, text)
            if interval:
                value, _ = _decimal(ctx, text)
                low, high = ctx.num(value - u, places), ctx.num(min(value + u, Decimal(100)), places)
                sh.text(cols[2] + rest - 1.5, base, low, size - 0.6, align="right", max_w=rest - 3)
                sh.text(cols[3] + rest - 1.5, base, high, size - 0.6, align="right", max_w=rest - 3)
            else:
                sh.text(cols[2] + rest - 1.5, base, ctx.num(u, places), size - 0.6, align="right", max_w=rest - 3)
            sh.text(cols[4] + rest - 1.5, base, _lor(ctx, text), size - 0.8, align="right", max_w=rest - 3)
            sh.hline(x, x + w, y + line_h, 0.15)
            y += line_h
        if group == "titration" and s.sb2o3_pct is not None:  # the oxide computed from the antimony found
            base = y + line_h - 1.2
            oxide = {"en": "Antimony trioxide", "es": "Trióxido de antimonio", "fr": "Trioxyde d'antimoine",
                     "pt": "Trióxido de antimônio"}[lang]  # fmt: skip
            sh.text(cols[0] + 3.5, base, f"{oxide}, Sb2O3 ({_unit(lang, '%')})", size - 0.4, max_w=widths[0] - 5)
            sh.text(cols[1] + rest - 1.5, base, ctx.num(s.sb2o3_pct, 2), size, align="right", max_w=rest - 3)
            y += line_h
    sh.hline(x, x + w, y, 0.6)
    return y
