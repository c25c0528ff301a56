"""An accredited laboratory's test report after ISO/IEC 17025 (`test_report`), added after the extractors were built
(no extractor was changed for it).

The report an accredited testing laboratory issues: the laboratory's letterhead with its accreditation (body, number,
'ISO/IEC 17025'), the title and report number with 'Page 1 of 1', a ruled block of the report's particulars (customer
and address, sample description, the customer's sample identification, here the lot, beside the laboratory's own
sample number, producer or brand, dates of receipt, of testing and of the report, the sampling statement), then the
results as a table with, for every parameter, the test method (a standard such as GB/T 3253.x, the Chinese methods
for antimony and antimony trioxide, or the laboratory's own procedure), the unit, the limit of detection or
quantification, the result and the expanded measurement uncertainty (±, k = 2): numbers that are not results stand
beside the results. A parameter under its detection limit is reported as '< LOD', 'ND' or '< 0.5' and not recorded;
antimony may be reported 'by difference' without limit or uncertainty; a parameter outside the scope of
accreditation is marked with an asterisk. Under the table the keys of the abbreviations, the statements that the
results relate only to the sample tested and that the report may not be reproduced except in full, and the
signatures of the analyst, the reviewer and the authorised signatory, closed by 'End of report'.

Captions and notes come in English, Spanish, French (a Belgian exporter's laboratory) or Portuguese (goods for a
Brazilian buyer). The column order, the wording, the method scheme (standards or in-house procedures), the limit
(LOD or LOQ), the spacing and the signatures vary per document.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from samplegen.draw import MM, Cell, Column
from samplegen.layouts import four_languages as fl
from samplegen.layouts.assay_forms import Row
from samplegen.layouts.common import Ctx

# Accreditation bodies and a fictional accreditation number, by the laboratory's country.
ACCREDITATION = {
    "TH": ("BLQS / DSS", "Testing No. {n:04d}"), "MX": ("ema", "Q-{n:04d}-{m:03d}/19"),
    "BE": ("BELAC", "{n}-TEST"), "OM": ("GAC", "ATL-{n:03d}"), "TJ": ("NCA Tajikstandart", "TJ.LAB.{n:04d}"),
    "MY": ("Standards Malaysia (SAMM)", "SAMM No. {n}"), "ID": ("KAN", "LP-{n}-IDN"),
    "CA": ("SCC", "ASB-{n:04d}"), "BO": ("DTA-IBMETRO", "DTA-LE-{n:03d}"), "VN": ("BoA", "VILAS {n:03d}"),
}  # fmt: skip
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("TEST REPORT", "ANALYSIS REPORT", "TEST REPORT - CHEMICAL ANALYSIS", "REPORT OF ANALYSIS"),
        "number": ("Report No.", "Test Report No.", "Report number"),
        "page": ("Page 1 of 1",),
        "customer": ("Customer", "Client", "Applicant"),
        "address": ("Address",),
        "sample": ("Sample description", "Sample", "Test item"),
        "customer_id": ("Customer's sample ID / Lot", "Client sample ref. (lot)", "Lot No. (as stated by client)"),
        "lab_id": ("Laboratory sample No.", "Lab ID", "Lab. sample ref."),
        "producer": ("Producer / Brand", "Producer", "Manufacturer (as declared)"),
        "received": ("Date received", "Date of receipt"),
        "tested": ("Date(s) of testing", "Test period", "Analysis dates"),
        "issued": ("Date of report", "Report date", "Date of issue"),
        "sampling": ("Sampling", "Sampling plan"),
        "sampled": ("Sample submitted by the customer; sampling not covered by this report.",
                    "Sampled by the customer. The laboratory is not responsible for the sampling stage.",
                    "Sample delivered by the client in a sealed bag; results apply to the sample as received."),
        "results": ("TEST RESULTS", "RESULTS", "Results of analysis"),
        "parameter": ("Parameter", "Analyte", "Test item"),
        "method": ("Test method", "Method", "Standard / method"),
        "unit": ("Unit",),
        "lod": ("LOD", "Detection limit", "LOQ", "Reporting limit"),
        "result": ("Result",),
        "uncertainty": ("U (±, k=2)", "Uncertainty (±)", "Expanded uncertainty ±"),
        "by_difference": ("By difference", "Calculated (100 - Σ impurities)"),
        "in_house": ("In-house method", "In-house SOP"),
        "keys": ("LOD: limit of detection; LOQ: limit of quantification; ND: not detected (below the limit); U: "
                 "expanded uncertainty of measurement, coverage factor k = 2, confidence level approx. 95 %.",
                 "'<' or ND: below the limit stated. The uncertainty is the expanded uncertainty (k = 2)."),
        "scope": ("* Parameter not included in the scope of accreditation.",
                  "Parameters marked * are outside the laboratory's accredited scope."),
        "relate": ("The results relate only to the sample tested as received. This report shall not be reproduced "
                   "except in full without the written approval of the laboratory.",
                   "Results apply only to the item tested. Partial reproduction of this report is not permitted."),
        "decision": ("No statement of conformity is made; no decision rule has been applied.",
                     "Conformity statement: not requested by the customer."),
        "tested_by": ("Tested by", "Analyst"),
        "reviewed_by": ("Reviewed by", "Checked by"),
        "approved_by": ("Approved by (authorised signatory)", "Authorised signatory"),
        "end": ("--- End of report ---", "*** End of test report ***"),
        "accredited": ("Accredited testing laboratory ISO/IEC 17025:2017", "ISO/IEC 17025 accredited laboratory"),
    },
    "es": {
        "title": ("INFORME DE RESULTADOS", "INFORME DE ENSAYO", "INFORME DE ANÁLISIS QUÍMICO"),
        "number": ("Informe N°", "N° de informe"),
        "page": ("Página 1 de 1",),
        "customer": ("Cliente", "Solicitante"),
        "address": ("Dirección",),
        "sample": ("Descripción de la muestra", "Muestra", "Ítem de ensayo"),
        "customer_id": ("Identificación del cliente / Lote", "Lote (declarado por el cliente)"),
        "lab_id": ("Código de laboratorio", "N° de muestra de laboratorio"),
        "producer": ("Productor / Marca", "Fabricante (declarado)"),
        "received": ("Fecha de recepción",),
        "tested": ("Fecha(s) de ensayo", "Período de análisis"),
        "issued": ("Fecha de emisión", "Fecha del informe"),
        "sampling": ("Muestreo",),
        "sampled": ("Muestra proporcionada por el cliente; el muestreo no está cubierto por este informe.",
                    "Muestreo realizado por el cliente. Los resultados se aplican a la muestra tal como se recibió."),
        "results": ("RESULTADOS", "RESULTADOS DE ENSAYO"),
        "parameter": ("Parámetro", "Analito", "Ensayo"),
        "method": ("Método de ensayo", "Método", "Norma / método"),
        "unit": ("Unidad",),
        "lod": ("LD", "Límite de detección", "LC", "Límite de cuantificación"),
        "result": ("Resultado",),
        "uncertainty": ("U (±, k=2)", "Incertidumbre (±)", "Incertidumbre expandida ±"),
        "by_difference": ("Por diferencia", "Calculado (100 - Σ impurezas)"),
        "in_house": ("Método interno", "PEE interno"),
        "keys": ("LD: límite de detección; LC: límite de cuantificación; ND: no detectado; U: incertidumbre "
                 "expandida de medición, factor de cobertura k = 2 (aprox. 95 %).",),
        "scope": ("* Parámetro no incluido en el alcance de la acreditación.",),
        "relate": ("Los resultados se refieren únicamente a la muestra ensayada tal como se recibió. Prohibida la "
                   "reproducción parcial de este informe sin autorización escrita del laboratorio.",),
        "decision": ("No se emite declaración de conformidad.",),
        "tested_by": ("Analista", "Ensayado por"),
        "reviewed_by": ("Revisado por",),
        "approved_by": ("Aprobado por (signatario autorizado)", "Signatario autorizado"),
        "end": ("--- Fin del informe ---",),
        "accredited": ("Laboratorio de ensayo acreditado ISO/IEC 17025:2017",),
    },
    "fr": {
        "title": ("RAPPORT D'ESSAI", "RAPPORT D'ANALYSE"),
        "number": ("Rapport n°", "N° de rapport"),
        "page": ("Page 1 sur 1",),
        "customer": ("Client", "Demandeur"),
        "address": ("Adresse",),
        "sample": ("Description de l'échantillon", "Échantillon"),
        "customer_id": ("Référence client / Lot", "Lot (déclaré par le client)"),
        "lab_id": ("N° d'échantillon laboratoire", "Réf. laboratoire"),
        "producer": ("Producteur / Marque", "Fabricant (déclaré)"),
        "received": ("Date de réception",),
        "tested": ("Date(s) d'essai", "Période d'analyse"),
        "issued": ("Date du rapport", "Date d'émission"),
        "sampling": ("Échantillonnage",),
        "sampled": ("Échantillon fourni par le client ; l'échantillonnage n'est pas couvert par ce rapport.",),
        "results": ("RÉSULTATS", "RÉSULTATS D'ESSAI"),
        "parameter": ("Paramètre", "Analyte"),
        "method": ("Méthode d'essai", "Méthode", "Norme / méthode"),
        "unit": ("Unité",),
        "lod": ("LD", "Limite de détection", "LQ", "Limite de quantification"),
        "result": ("Résultat",),
        "uncertainty": ("U (±, k=2)", "Incertitude (±)", "Incertitude élargie ±"),
        "by_difference": ("Par différence", "Calculé (100 - Σ impuretés)"),
        "in_house": ("Méthode interne", "Mode opératoire interne"),
        "keys": ("LD : limite de détection ; LQ : limite de quantification ; n.d. : non détecté ; U : incertitude "
                 "élargie, facteur d'élargissement k = 2 (environ 95 %).",),
        "scope": ("* Paramètre hors du champ de l'accréditation.",),
        "relate": ("Les résultats ne se rapportent qu'à l'échantillon soumis à l'essai, tel que reçu. La reproduction "
                   "de ce rapport n'est autorisée que sous sa forme intégrale.",),
        "decision": ("Aucune déclaration de conformité n'est émise.",),
        "tested_by": ("Analyste", "Essai réalisé par"),
        "reviewed_by": ("Vérifié par",),
        "approved_by": ("Approuvé par (signataire autorisé)", "Signataire autorisé"),
        "end": ("--- Fin du rapport ---",),
        "accredited": ("Laboratoire d'essais accrédité ISO/IEC 17025:2017",),
    },
    "pt": {
        "title": ("RELATÓRIO DE ENSAIO", "RELATÓRIO DE ANÁLISE"),
        "number": ("Relatório nº", "Nº do relatório"),
        "page": ("Página 1 de 1",),
        "customer": ("Cliente", "Solicitante"),
        "address": ("Endereço",),
        "sample": ("Descrição da amostra", "Amostra"),
        "customer_id": ("Identificação do cliente / Lote", "Lote (declarado pelo cliente)"),
        "lab_id": ("Nº da amostra no laboratório", "Código do laboratório"),
        "producer": ("Produtor / Marca", "Fabricante (declarado)"),
        "received": ("Data de recebimento",),
        "tested": ("Data(s) do ensaio", "Período de análise"),
        "issued": ("Data de emissão", "Data do relatório"),
        "sampling": ("Amostragem",),
        "sampled": ("Amostra fornecida pelo cliente; a amostragem não é coberta por este relatório.",),
        "results": ("RESULTADOS", "RESULTADOS DOS ENSAIOS"),
        "parameter": ("Parâmetro", "Analito", "Ensaio"),
        "method": ("Método de ensaio", "Método", "Norma / método"),
        "unit": ("Unidade",),
        "lod": ("LD", "Limite de detecção", "LQ", "Limite de quantificação"),
        "result": ("Resultado",),
        "uncertainty": ("U (±, k=2)", "Incerteza (±)", "Incerteza expandida ±"),
        "by_difference": ("Por diferença", "Calculado (100 - Σ impurezas)"),
        "in_house": ("Método interno", "POP interno"),
        "keys": ("LD: limite de detecção; LQ: limite de quantificação; ND: não detectado; U: incerteza expandida "
                 "de medição, fator de abrangência k = 2 (aprox. 95 %).",),
        "scope": ("* Parâmetro não incluído no escopo da acreditação.",),
        "relate": ("Os resultados referem-se somente à amostra ensaiada, tal como recebida. Este relatório só pode ser "
                   "reproduzido na íntegra.",),
        "decision": ("Não é emitida declaração de conformidade.",),
        "tested_by": ("Analista", "Ensaiado por"),
        "reviewed_by": ("Revisado por",),
        "approved_by": ("Aprovado por (signatário autorizado)", "Signatário autorizado"),
        "end": ("--- Fim do relatório ---",),
        "accredited": ("Laboratório de ensaio acreditado ISO/IEC 17025:2017",),
    },
}  # fmt: skip
NAMES = {
    "en": {"Sb": "Antimony", "As": "Arsenic", "Fe": "Iron", "S": "Sulphur", "Pb": "Lead", "Cu": "Copper",
           "Bi": "Bismuth", "Se": "Selenium", "Cd": "Cadmium", "Hg": "Mercury", "Au": "Gold", "Ni": "Nickel",
           "Sn": "Tin", "Zn": "Zinc"},
    "es": {"Sb": "Antimonio", "As": "Arsénico", "Fe": "Hierro", "S": "Azufre", "Pb": "Plomo", "Cu": "Cobre",
           "Bi": "Bismuto", "Se": "Selenio", "Cd": "Cadmio", "Hg": "Mercurio", "Au": "Oro", "Ni": "Níquel",
           "Sn": "Estaño", "Zn": "Zinc"},
    "fr": {"Sb": "Antimoine", "As": "Arsenic", "Fe": "Fer", "S": "Soufre", "Pb": "Plomb", "Cu": "Cuivre",
           "Bi": "Bismuth", "Se": "Sélénium", "Cd": "Cadmium", "Hg": "Mercure", "Au": "Or", "Ni": "Nickel",
           "Sn": "Étain", "Zn": "Zinc"},
    "pt": {"Sb": "Antimônio", "As": "Arsênio", "Fe": "Ferro", "S": "Enxofre", "Pb": "Chumbo", "Cu": "Cobre",
           "Bi": "Bismuto", "Se": "Selênio", "Cd": "Cádmio", "Hg": "Mercúrio", "Au": "Ouro", "Ni": "Níquel",
           "Sn": "Estanho", "Zn": "Zinco"},
}  # fmt: skip
# The parts of GB/T 3253, the Chinese methods for the chemical analysis of antimony and antimony trioxide, by element
# (part 11: several elements by ICP-AES); the other elements by the laboratory's own ICP procedure.
GBT_3253 = {"As": "GB/T 3253.1", "Fe": "GB/T 3253.2", "Pb": "GB/T 3253.3", "S": "GB/T 3253.4", "Cu": "GB/T 3253.5",
            "Se": "GB/T 3253.6", "Bi": "GB/T 3253.7", "Cd": "GB/T 3253.9", "Hg": "GB/T 3253.10",
            "Sn": "GB/T 3253.11"}  # fmt: skip
TECHNIQUE = {"As": "HG-AFS", "Fe": "ICP-OES", "Pb": "ICP-OES", "S": "Combustion-IR", "Cu": "ICP-OES",
             "Se": "HG-AFS", "Bi": "ICP-OES", "Cd": "ICP-MS", "Hg": "CV-AAS", "Au": "ICP-MS", "Ni": "ICP-OES",
             "Sn": "ICP-OES", "Zn": "ICP-OES"}  # fmt: skip
# Limits of detection in ppm a laboratory states for antimony metal and trioxide (impurities in %: 1-10 ppm).
LOD_PPM = {"As": ("2", "5", "10"), "Fe": ("2", "5"), "S": ("5", "10"), "Pb": ("2", "5"), "Cu": ("1", "2"),
           "Bi": ("0.5", "1", "2"), "Se": ("0.2", "0.5", "1"), "Cd": ("0.1", "0.2", "0.5"),
           "Hg": ("0.1", "0.2", "0.5"), "Au": ("0.1", "0.2", "0.5"), "Ni": ("0.5", "1", "2"),
           "Sn": ("1", "2", "5"), "Zn": ("0.5", "1", "2")}  # fmt: skip
ND_WORDS = {"en": ("ND", "< LOD", "n.d."), "es": ("ND", "< LD", "N.D."), "fr": ("n.d.", "< LD"),
            "pt": ("ND", "< LD", "N.D.")}  # fmt: skip
LAB_NUMBER_PREFIX = ("S", "LAB-", "CH", "M")


def _places(text: str, conv: str) -> int:
    sep = "," if conv == "comma" else "."
    return len(text.split(sep, 1)[1]) if sep in text else 0


def _fmt(ctx: Ctx, value: Decimal, places: int) -> str:
    return ctx.num(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), places)


def _in_unit(ppm: Decimal, unit: str) -> Decimal:
    return ppm / 10000 if unit == "%" else ppm


def _limit_places(value: Decimal) -> int:
    return max(0, -int(value.normalize().as_tuple().exponent))


def _lod(ctx: Ctx, sym: str, pct: float, nd_left: int) -> tuple[Decimal, bool]:
    """The limit in ppm and whether the element is reported under it: an element lies under the limit drawn only
    when its content does (at most two per report, so that the impurity profile stays on the page); otherwise the
    limit is one under a third of the content."""
    ppm = Decimal(str(pct)) * 10000
    candidates = [Decimal(c) for c in LOD_PPM[sym]]
    if nd_left > 0 and ctx.rng.random() < 0.6:
        over = [c for c in candidates if c > ppm]
        if over:
            return ctx.pick(over), True
    under = [c for c in candidates if c * 3 <= ppm]
    if under:
        return ctx.pick(under), False
    floor = Decimal(1).scaleb(math.floor(math.log10(float(ppm) / 4))) if ppm > 0 else Decimal("0.01")
    return floor, False


def _uncertainty(ctx: Ctx, sym: str, text: str) -> str:
    """The expanded uncertainty at the result's precision: 2-12 % of the result, never shown as zero."""
    places = _places(text, ctx.st.conv)
    value = Decimal(text.replace(".", "").replace(",", ".") if ctx.st.conv == "comma" else text.replace(",", ""))
    rel = Decimal(str(round(ctx.rng.uniform(0.02, 0.06) if sym in ("As", "Fe", "S", "Pb", "Cu") else
                            ctx.rng.uniform(0.06, 0.15), 3)))  # fmt: skip
    u = (value * rel).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if u <= 0:
        u = Decimal(1).scaleb(-places)
    return _fmt(ctx, u, places)


def _period(ctx: Ctx, lang: str, start: date, end: date) -> str:
    """The dates of testing, both ends in one style: where one end's day could be read as a month, both ends are
    written with the month's name."""
    if start == end:
        return fl.day(ctx, lang, start)
    style = ctx.st.date_style
    if style in ("dmy", "dmy_dot") and (start.day <= 12) != (end.day <= 12):
        ctx.st.date_style = {"en": "short_en", "fr": "long_fr"}.get(lang, "long_es")  # 'long_es' reads Portuguese too
    text = f"{fl.day(ctx, lang, start)} - {fl.day(ctx, lang, end)}"
    ctx.st.date_style = style
    return text


def lab_test_report(ctx: Ctx, rows: list[Row]) -> None:
    s, sh = ctx.s, ctx.sheet
    lang = fl.language(ctx, 0.6)
    words = WORDS[lang]

    def say(key: str) -> str:
        return str(ctx.pick(words[key]))

    x, w = ctx.left, ctx.width
    lab, lot = s.lab, s.assay_lot
    tight = sh.height < 285  # a Letter page: the same report with less air

    # ----- letterhead with the accreditation mark -----
    sh.text(x, 16, lab.name, ctx.jitter(12.8, 0.5), bold=True, kind="value", field="laboratory", max_w=w * 0.62)
    sh.text(x, 21, ", ".join([*lab.lines, fl.country(ctx, lang, lab.country)]), 7.4, max_w=w * 0.62)
    sh.text(x, 25, f"Tel. {lab.phone}  |  {lab.email}", 7.2, max_w=w * 0.62)
    body, pattern = ACCREDITATION.get(lab.country, ("ILAC MRA", "No. {n:04d}"))
    acc_no = pattern.format(n=ctx.rng.randrange(40, 1900), m=ctx.rng.randrange(1, 200))
    mw = w * 0.3
    mx = ctx.right - mw
    sh.rect(mx, 10.5, mw, 16, 0.7)
    sh.text(mx + mw / 2, 15, "ISO/IEC 17025", 9.5, bold=True, align="center")
    sh.text(mx + mw / 2, 19.2, body, 7.2, align="center", max_w=mw - 3)
    sh.text(mx + mw / 2, 23.4, acc_no, 7.6, bold=True, align="center", max_w=mw - 3)
    sh.hline(x, ctx.right, 29, 0.9)
    if ctx.rng.random() < 0.5:
        sh.text(x, 33, say("accredited"), 6.8)

    # ----- title, number and page -----
    y = 40.0
    sh.text(x, y, say("title"), ctx.jitter(13.5, 0.5), bold=True, max_w=w * 0.55)
    tw = sh.text(x + w * 0.58, y, say("number"), 8.6, bold=True, kind="label")
    sh.text(x + w * 0.58 + tw + 2.5, y, s.assay_no, 10, bold=True, kind="value", field="certificate_number",
            max_w=w * 0.42 - tw - 3)  # fmt: skip
    sh.text(ctx.right, y + 4.5, say("page"), 7, align="right")
    y += 8

    # ----- the report's particulars in a ruled block of label | value rows -----
    received = s.assay_date - timedelta(days=ctx.rng.randrange(3, 9))
    tested_to = s.assay_date - timedelta(days=ctx.rng.randrange(0, 3))
    tested_from = min(tested_to, received + timedelta(days=ctx.rng.randrange(0, 3)))
    lab_no = f"{ctx.pick(LAB_NUMBER_PREFIX)}{s.assay_date:%y}-{ctx.rng.randrange(1000, 99999):05d}"
    tested = _period(ctx, lang, tested_from, tested_to)
    particulars: list[tuple[str, str, str | None]] = [
        (say("customer"), s.seller.name, None),
        (say("address"), ", ".join([*s.seller.lines, fl.country(ctx, lang, s.seller.country)]), None),
        (say("sample"), fl.description(ctx, lang), None),
        (say("customer_id"), lot.number, "lot_number"),
        (say("lab_id"), lab_no, None),
        (say("producer"), s.smelter.printed, "smelter_name"),
        (say("received"), fl.day(ctx, lang, received), None),
        (say("tested"), tested, None),
        (say("issued"), fl.day(ctx, lang, s.assay_date), None),
        (say("sampling"), say("sampled"), None),
    ]
    if ctx.rng.random() < 0.4:  # the laboratory's number before the customer's
        particulars[3], particulars[4] = particulars[4], particulars[3]
    label_w = max(sh.text_width(label, 7.8, True) for label, _, _ in particulars) + 4
    row_h = ctx.jitter(4.6, 0.15) if tight else ctx.jitter(5.4, 0.3)
    top = y
    for label, value, field in particulars:
        lines = sh.wrap(value, w - label_w - 5, 8.4)
        h = row_h + (len(lines) - 1) * 3.6
        sh.rect(x, y, label_w, h, 0.4, fill=0.93)
        sh.text(x + 1.8, y + 3.8, label, 7.8, bold=True, kind="label", max_w=label_w - 2.5)
        for i, line in enumerate(lines):
            sh.text(x + label_w + 2, y + 3.8 + i * 3.6, line, 8.4, kind="value" if field and i == 0 else "static",
                    field=field if i == 0 else None, max_w=w - label_w - 4)  # fmt: skip
        y += h
    sh.rect(x, top, w, y - top, 0.7)
    y += 6

    # ----- results: parameter, method, unit, limit, result, uncertainty -----
    sh.text(x, y, say("results"), 9.6, bold=True)
    y += 2.5
    scheme = ctx.pick(("gbt", "gbt", "in_house"))
    in_house = say("in_house")
    lod_word = say("lod")
    nd_word = ctx.pick(ND_WORDS[lang])
    unaccredited = {ctx.pick(("Au", "Hg", "Zn", "Ni"))} if ctx.rng.random() < 0.5 else set()
    nd_left = 2 if ctx.rng.random() < 0.7 else 0
    recorded: dict[str, float] = {}
    table: list[dict[str, Cell]] = []
    if s.sb2o3_pct is not None:
        table.append({
            "parameter": Cell("Sb2O3", "label"), "method": Cell("GB/T 3253.8" if scheme == "gbt" else
                                                              f"{in_house} (KBrO3)", "static"),
            "unit": Cell("%", "label"), "lod": Cell("-", "static"),
            "result": Cell(ctx.num(s.sb2o3_pct, 2), "static"), "uncertainty": Cell(ctx.num(Decimal("0.08"), 2),
                                                                                    "static"),
        })  # fmt: skip
    by_difference = s.sb2o3_pct is None and ctx.rng.random() < 0.45
    for sym, text, unit, pct in rows:
        shown_unit = unit if unit == "%" else ctx.pick(("ppm", "ppm", "mg/kg", "g/t")) if unit == "ppm" else unit
        name = f"{NAMES[lang][sym]} ({sym})" if ctx.rng.random() < 0.8 else sym
        if sym in unaccredited:
            name += " *"
        if sym == "Sb":
            method = (
                say("by_difference")
                if by_difference
                else ("GB/T 3253.8" if scheme == "gbt" and s.sb2o3_pct is not None else f"{in_house} (KBrO3)")
            )
            lod_text = "-"
            u_text = "-" if by_difference else ctx.num(Decimal(ctx.pick(("0.05", "0.08", "0.10", "0.12"))), 2)
            value = Cell(text, field="composition_pct", bold=True)
            recorded[sym] = pct
        else:
            technique = TECHNIQUE[sym]
            if scheme == "gbt" and sym in GBT_3253:
                method = GBT_3253[sym]
            else:
                method = f"{in_house} ({technique})"
            lod_ppm, under = _lod(ctx, sym, pct, nd_left)
            lod_value = _in_unit(lod_ppm, unit)
            lod_text = ctx.num(lod_value, _limit_places(lod_value))
            if under:
                nd_left -= 1
                value = Cell(ctx.pick((nd_word, f"< {lod_text}")), "static")
                u_text = "-"
            else:
                value = Cell(text, field="composition_pct")
                u_text = _uncertainty(ctx, sym, text)
                recorded[sym] = pct
        table.append({"parameter": Cell(name, "label"), "method": Cell(method, "static"),
                      "unit": Cell(shown_unit, "label"), "lod": Cell(lod_text, "static"), "result": value,
                      "uncertainty": Cell(u_text, "static")})  # fmt: skip
    ctx.set("composition_pct", recorded)
    order = ctx.pick((
        ("parameter", "method", "unit", "lod", "result", "uncertainty"),
        ("parameter", "unit", "result", "uncertainty", "lod", "method"),
        ("parameter", "method", "lod", "result", "uncertainty", "unit"),
        ("parameter", "unit", "lod", "result", "uncertainty", "method"),
    ))  # fmt: skip
    fractions = {"parameter": 0.21, "method": 0.25, "unit": 0.1, "lod": 0.13, "result": 0.16, "uncertainty": 0.15}
    titles = {"parameter": say("parameter"), "method": say("method"), "unit": say("unit"), "lod": lod_word,
              "result": say("result"), "uncertainty": say("uncertainty")}  # fmt: skip
    align = {"parameter": "left", "method": "left", "unit": "left", "lod": "right", "result": "right",
             "uncertainty": "right"}  # fmt: skip
    columns = [Column(titles[k], w * fractions[k], align[k]) for k in order]
    cells = [[row[k] for k in order] for row in table]
    size = ctx.jitter(8.0, 0.2)
    pad = ctx.jitter(0.7, 0.05) if tight else ctx.jitter(1.1, 0.15)
    y = sh.table(x, y, columns, cells, size=size, line_h=3.5, pad=pad) + 4

    # ----- keys, statements, signatures -----
    notes = [say("keys")]
    if unaccredited:
        notes.append(say("scope"))
    notes += [say("relate")]
    if ctx.rng.random() < 0.5:
        notes.append(say("decision"))
    for note in notes:
        y = sh.para(x, y, note, w, 7.0, leading=3.0) + 1.2
    y += 3 if tight else 6
    people = [(say("tested_by"), ctx.pick(("M. Suarez", "K. Nakorn", "A. Rahman", "P. Dubois", "L. Tran"))),
              (say("reviewed_by"), ctx.pick(("J. Lim", "R. Castillo", "S. Wouters", "N. Hoang", "D. Petrov"))),
              (say("approved_by"), lab.person)]  # fmt: skip
    if ctx.rng.random() < 0.35:
        people = people[1:]
    col = w / len(people)
    for i, (role, person) in enumerate(people):
        px = x + i * col
        sh.text(px, y, role, 7.2, kind="label", max_w=col - 4)
        sh.scribble(px + 3, y + 8, min(34, col - 10), len(s.assay_no) + i)
        sh.hline(px, px + col - 6, y + 11, 0.35)
        sh.text(px, y + 14.5, person, 8, max_w=col - 6)
        if i == len(people) - 1:
            sh.text(px, y + 18, lab.title, 7.2, max_w=col - 6)
    sh.canvas.setLineWidth(0.6)
    sh.canvas.circle((ctx.right - 12) * MM, (sh.height - (y + 8)) * MM, 7 * MM)
    sh.text(sh.width / 2, y + 23.5, say("end"), 7.4, align="center")
