"""An X-ray fluorescence analyser's test report (`xrf_analyzer`), added after the extractors were built (no extractor
was changed for it).

Inspection companies and laboratories check the grade of metal lots at the warehouse or the plant with a handheld
or benchtop energy-dispersive XRF analyser and issue the instrument's report as the certificate: the analyser keeps
each reading (its number, date and time, the method or mode it was taken in, its beam times) with a concentration
and a counting error for every element of its calibration, and reports an element it cannot tell from the
background as under its limit of detection. What the page carries:

* the laboratory's letterhead, the title, the report number, its date and 'Page 1 of 1';
* the sample's particulars: client, material, lot, producer or brand, the test surface or sample presentation
  (a ground ingot face, drillings pressed into a pellet, powder in a cup under polypropylene film), the place and
  date of the test;
* the instrument's particulars: analyser and its detector and anode, serial number, mode or calibration, measuring
  time per beam, the reading numbers averaged, the check sample measured before the readings, the operator;
* the results as Element | Concentration | ± 2 sigma (| LOD) | Unit in one of several column orders, elements by atomic
  number or by falling concentration, named by symbol or name and symbol; majors in %, traces in ppm (or all in %);
  an element under the reading's limit printed '< LOD', '<10' or 'ND' and not recorded; on trioxide the oxide
  (Sb2O3) beside the element;
* on some reports the spectrum of the first reading, energy in keV against counts, with the element lines marked;
* the notes on the errors and limits and on what XRF results stand for, the operator's and the approver's
  signatures.

Captions come in English, Spanish, French (a Belgian exporter's laboratory) or Portuguese (goods for a Brazilian
buyer). The ground truth is the composition the report prints for the lot, as printed. The analysers are described
by type (detector, anode), not by maker.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from samplegen.draw import MM, Cell, Column
from samplegen.layouts import four_languages as fl
from samplegen.layouts.assay_forms import Row, _decimal
from samplegen.layouts.assay_test_report import NAMES
from samplegen.layouts.common import Ctx, draw_to_fit

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "tagline": ("XRF / PMI testing", "Metals testing and inspection", "Analytical services"),
        "title": ("XRF ANALYSIS REPORT", "X-RAY FLUORESCENCE ANALYSIS REPORT", "XRF TEST REPORT",
                  "CERTIFICATE OF ANALYSIS (XRF)"),
        "number": ("Report No.", "Test report No.", "Certificate No."),
        "date": ("Report date", "Date of issue"),
        "page": ("Page 1 of 1",),
        "sample_head": ("SAMPLE", "Sample information", "Test item"),
        "client": ("Client", "Customer"),
        "material": ("Material", "Product"),
        "lot": ("Lot No.", "Batch / lot", "Lot"),
        "producer": ("Producer / brand", "Producer", "Brand (as marked)"),
        "sample": ("Test surface", "Sample presentation", "Sample"),
        "ingot": ("Ingot face, freshly ground (60 grit), tested in place", "Ingot drillings pressed into a 32 mm "
                  "pellet", "Cut ingot section, milled surface"),
        "powder": ("Powder in sample cup, 4 µm polypropylene film", "Pressed powder pellet, boric acid backing",
                   "Loose powder, approx. 8 g in 32 mm cup"),
        "place": ("Place of test", "Tested at"),
        "warehouse": ("exporter's warehouse", "plant store"),
        "tested": ("Date of test", "Tested on"),
        "instrument_head": ("INSTRUMENT", "Measurement conditions"),
        "analyser": ("Analyser", "Instrument"),
        "serial": ("Serial No.", "S/N"),
        "mode": ("Mode / calibration", "Method", "Application"),
        "time": ("Measuring time", "Test duration", "Beam times"),
        "readings": ("Readings", "Reading Nos."),
        "check": ("Check sample", "Calibration check"),
        "check_ok": ("{crm}: within limits", "{crm} - PASS", "{crm}, recovery within 2 %"),
        "operator": ("Operator", "Analyst"),
        "results_head": ("RESULTS", "Analysis results", "Chemical composition (XRF)"),
        "element": ("Element", "Analyte"),
        "conc": ("Concentration", "Result", "Conc."),
        "error": ("± 2 Sigma", "+/- 2 sigma", "Error (2 sigma)"),
        "lod": ("LOD", "Det. limit"),
        "unit": ("Unit", "Units"),
        "below": ("< LOD", "<LOD", "ND"),
        "average": ("Average of {n} readings (Nos. {first}-{last})", "Mean of {n} readings, Nos. {first} to {last}"),
        "single": ("Reading No. {first}", "Test No. {first}"),
        "spectrum": ("Spectrum of reading No. {first}", "Spectrum (reading {first})"),
        "energy": ("Energy (keV)",),
        "counts": ("Counts", "Intensity (cps)"),
        "notes": ("Errors are 2-sigma counting statistics of the readings; '{below}' is below the limit of detection "
                  "(3 sigma) of the reading and is not reported.",
                  "± 2 sigma: counting error at 95 % confidence. {below}: not detected above the limit of detection."),
        "disclaimer": ("XRF results relate only to the surface and items tested; they do not replace a referee "
                       "wet-chemical analysis.",
                       "Energy-dispersive XRF with fundamental-parameters calibration; results apply to the samples "
                       "tested only."),
        "tested_by": ("Tested by", "Operator"),
        "approved": ("Approved by", "Reviewed and approved"),
    },
    "es": {
        "tagline": ("Ensayos XRF / PMI", "Análisis de metales e inspección"),
        "title": ("INFORME DE ANÁLISIS POR FLUORESCENCIA DE RAYOS X", "INFORME DE ANÁLISIS XRF",
                  "INFORME DE ENSAYO - FRX"),
        "number": ("Informe No.", "No. de informe", "Certificado No."),
        "date": ("Fecha del informe", "Fecha de emisión"),
        "page": ("Página 1 de 1",),
        "sample_head": ("MUESTRA", "Datos de la muestra"),
        "client": ("Cliente", "Solicitante"),
        "material": ("Material", "Producto"),
        "lot": ("Lote No.", "Lote"),
        "producer": ("Productor / marca", "Productor"),
        "sample": ("Superficie de ensayo", "Presentación de la muestra", "Muestra"),
        "ingot": ("Cara del lingote, desbastada (lija 60), medida in situ", "Virutas de lingote prensadas en "
                  "pastilla de 32 mm"),
        "powder": ("Polvo en copa de muestra, película de polipropileno de 4 µm", "Pastilla de polvo prensado con "
                   "respaldo de ácido bórico"),
        "place": ("Lugar del ensayo", "Ensayado en"),
        "warehouse": ("almacén del exportador",),
        "tested": ("Fecha del ensayo", "Ensayado el"),
        "instrument_head": ("EQUIPO", "Condiciones de medición"),
        "analyser": ("Analizador", "Equipo"),
        "serial": ("No. de serie", "S/N"),
        "mode": ("Modo / calibración", "Método", "Aplicación"),
        "time": ("Tiempo de medición", "Duración del ensayo"),
        "readings": ("Lecturas", "No. de lecturas"),
        "check": ("Muestra de control", "Verificación de calibración"),
        "check_ok": ("{crm}: dentro de límites", "{crm} - CONFORME"),
        "operator": ("Operador", "Analista"),
        "results_head": ("RESULTADOS", "Resultados del análisis", "Composición química (FRX)"),
        "element": ("Elemento", "Analito"),
        "conc": ("Concentración", "Resultado", "Conc."),
        "error": ("± 2 sigma", "Error (2 sigma)"),
        "lod": ("LD", "Lím. det."),
        "unit": ("Unidad",),
        "below": ("< LD", "<LD", "ND"),
        "average": ("Promedio de {n} lecturas (No. {first}-{last})",),
        "single": ("Lectura No. {first}",),
        "spectrum": ("Espectro de la lectura No. {first}", "Espectro (lectura {first})"),
        "energy": ("Energía (keV)",),
        "counts": ("Cuentas", "Intensidad (cps)"),
        "notes": ("Los errores corresponden a 2 sigma de la estadística de conteo; '{below}' indica un valor "
                  "inferior al límite de detección (3 sigma) de la lectura y no se informa.",),
        "disclaimer": ("Los resultados de FRX se refieren únicamente a la superficie y a las piezas ensayadas; no "
                       "sustituyen un análisis químico dirimente por vía húmeda.",),
        "tested_by": ("Ensayado por", "Operador"),
        "approved": ("Aprobado por", "Revisado y aprobado"),
    },
    "fr": {
        "tagline": ("Essais XRF / PMI", "Analyses des métaux et inspection"),
        "title": ("RAPPORT D'ANALYSE PAR FLUORESCENCE X", "RAPPORT D'ESSAI XRF"),
        "number": ("Rapport n°", "N° de rapport", "Certificat n°"),
        "date": ("Date du rapport", "Date d'émission"),
        "page": ("Page 1 sur 1",),
        "sample_head": ("ÉCHANTILLON", "Identification de l'échantillon"),
        "client": ("Client", "Demandeur"),
        "material": ("Matière", "Produit"),
        "lot": ("N° de lot", "Lot"),
        "producer": ("Producteur / marque", "Producteur"),
        "sample": ("Surface d'essai", "Présentation de l'échantillon"),
        "ingot": ("Face de lingot meulée (grain 60), mesure sur place", "Copeaux de lingot pressés en pastille de "
                  "32 mm"),
        "powder": ("Poudre en coupelle, film polypropylène 4 µm", "Pastille de poudre pressée sur acide borique"),
        "place": ("Lieu de l'essai", "Essai réalisé à"),
        "warehouse": ("entrepôt de l'exportateur",),
        "tested": ("Date de l'essai", "Essai du"),
        "instrument_head": ("APPAREIL", "Conditions de mesure"),
        "analyser": ("Analyseur", "Appareil"),
        "serial": ("N° de série", "S/N"),
        "mode": ("Mode / étalonnage", "Méthode", "Application"),
        "time": ("Temps de mesure", "Durée de l'essai"),
        "readings": ("Mesures", "N° des mesures"),
        "check": ("Échantillon de contrôle", "Vérification de l'étalonnage"),
        "check_ok": ("{crm} : conforme", "{crm} - OK"),
        "operator": ("Opérateur", "Analyste"),
        "results_head": ("RÉSULTATS", "Résultats d'analyse", "Composition chimique (FX)"),
        "element": ("Élément",),
        "conc": ("Teneur", "Résultat", "Conc."),
        "error": ("± 2 sigma", "Erreur (2 sigma)"),
        "lod": ("LD", "Lim. dét."),
        "unit": ("Unité",),
        "below": ("< LD", "<LD", "n.d."),
        "average": ("Moyenne de {n} mesures (n° {first}-{last})",),
        "single": ("Mesure n° {first}",),
        "spectrum": ("Spectre de la mesure n° {first}",),
        "energy": ("Énergie (keV)",),
        "counts": ("Coups", "Intensité (cps)"),
        "notes": ("Les erreurs sont à 2 sigma de la statistique de comptage ; « {below} » : inférieur à la limite "
                  "de détection (3 sigma) de la mesure, non rapporté.",),
        "disclaimer": ("Les résultats XRF ne concernent que la surface et les pièces mesurées ; ils ne remplacent "
                       "pas une analyse chimique par voie humide.",),
        "tested_by": ("Mesuré par", "Opérateur"),
        "approved": ("Approuvé par", "Vérifié et approuvé"),
    },
    "pt": {
        "tagline": ("Ensaios XRF / PMI", "Análises de metais e inspeção"),
        "title": ("RELATÓRIO DE ANÁLISE POR FLUORESCÊNCIA DE RAIOS X", "RELATÓRIO DE ENSAIO XRF"),
        "number": ("Relatório nº", "Nº do relatório", "Certificado nº"),
        "date": ("Data do relatório", "Data de emissão"),
        "page": ("Página 1 de 1",),
        "sample_head": ("AMOSTRA", "Dados da amostra"),
        "client": ("Cliente", "Solicitante"),
        "material": ("Material", "Produto"),
        "lot": ("Lote nº", "Lote"),
        "producer": ("Produtor / marca", "Produtor"),
        "sample": ("Superfície de ensaio", "Apresentação da amostra"),
        "ingot": ("Face do lingote lixada (grão 60), medida no local", "Cavacos de lingote prensados em pastilha "
                  "de 32 mm"),
        "powder": ("Pó em copo de amostra, filme de polipropileno 4 µm", "Pastilha de pó prensado com ácido bórico"),
        "place": ("Local do ensaio", "Ensaiado em"),
        "warehouse": ("armazém do exportador",),
        "tested": ("Data do ensaio", "Ensaiado em"),
        "instrument_head": ("EQUIPAMENTO", "Condições de medição"),
        "analyser": ("Analisador", "Equipamento"),
        "serial": ("Nº de série", "S/N"),
        "mode": ("Modo / calibração", "Método", "Aplicação"),
        "time": ("Tempo de medição", "Duração do ensaio"),
        "readings": ("Leituras", "Nº das leituras"),
        "check": ("Amostra de controle", "Verificação da calibração"),
        "check_ok": ("{crm}: dentro dos limites", "{crm} - APROVADO"),
        "operator": ("Operador", "Analista"),
        "results_head": ("RESULTADOS", "Resultados da análise", "Composição química (FRX)"),
        "element": ("Elemento", "Analito"),
        "conc": ("Concentração", "Resultado", "Conc."),
        "error": ("± 2 sigma", "Erro (2 sigma)"),
        "lod": ("LD", "Lim. det."),
        "unit": ("Unidade",),
        "below": ("< LD", "<LD", "ND"),
        "average": ("Média de {n} leituras (nº {first}-{last})",),
        "single": ("Leitura nº {first}",),
        "spectrum": ("Espectro da leitura nº {first}",),
        "energy": ("Energia (keV)",),
        "counts": ("Contagens", "Intensidade (cps)"),
        "notes": ("Os erros correspondem a 2 sigma da estatística de contagem; '{below}': abaixo do limite de "
                  "detecção (3 sigma) da leitura, não informado.",),
        "disclaimer": ("Os resultados de XRF referem-se apenas à superfície e às peças ensaiadas; não substituem "
                       "uma análise química arbitral por via úmida.",),
        "tested_by": ("Ensaiado por", "Operador"),
        "approved": ("Aprovado por", "Revisado e aprovado"),
    },
}  # fmt: skip
# Analysers by type, not by maker: handheld ones test an ingot in place, benchtop ones a cup or pellet.
HANDHELD = ("Handheld XRF analyser, SDD detector, Ag anode 50 kV", "Handheld XRF, SDD, Rh anode 50 kV / 4 W",
            "Portable XRF analyser (SDD, W anode, 50 kV)")  # fmt: skip
BENCHTOP = ("Benchtop EDXRF spectrometer, SDD, Rh anode 50 kV", "Benchtop ED-XRF (SDD, Ag anode, 9 W)")
MODES = {
    "ingot": ("Alloy Plus", "Precious metals / alloys", "FP - Metals", "User calibration SB-INGOT-2"),
    "trioxide": ("Mining Plus (2 beams)", "GeoChem (2 beams)", "FP - Oxides", "User calibration SB2O3-1"),
}
TIMES = ("30 s + 30 s (2 beams)", "60 s", "3 x 20 s", "Main 40 s / Light 20 s")
# Operators by the laboratory's country (initial and surname, as the analyser's user list holds them).
OPERATORS = {"TH": ("K. Suwan", "P. Srisuk"), "MX": ("M. Castillo", "J. Ortega"), "BO": ("R. Quispe", "M. Mamani"),
             "BE": ("R. Peeters", "L. Janssens"), "OM": ("A. Al-Hinai", "S. Al-Rawahi"), "TJ": ("F. Sharipov",
             "D. Nazarov"), "MY": ("N. Aziz", "K. L. Wong"), "ID": ("R. Wibowo", "D. Lestari"), "VN": ("T. Nguyen",
             "H. Tran"), "CA": ("M. Gagnon", "P. Roy")}  # fmt: skip
CHECKS = ("Check standard CS-Sb99", "CRM antimony metal ANT-3", "Factory check sample (316 stainless)")
Z = {"S": 16, "Fe": 26, "Ni": 28, "Cu": 29, "Zn": 30, "As": 33, "Se": 34, "Cd": 48, "Sn": 50, "Sb": 51, "Au": 79,
     "Hg": 80, "Pb": 82, "Bi": 83}  # fmt: skip
# The element lines drawn on the spectrum, keV (the strongest K or L line of each).
LINES = {"Sb": (3.60, 26.36, 29.73), "As": (10.54,), "Fe": (6.40,), "S": (2.31,), "Pb": (10.55, 12.61),
         "Cu": (8.05,), "Bi": (10.84, 13.02), "Se": (11.22,), "Cd": (23.17,), "Hg": (9.99,), "Au": (9.71,),
         "Ni": (7.48,), "Sn": (25.27,), "Zn": (8.64,)}  # fmt: skip
Say = Callable[[str], str]
BELOW_PPM = 5  # impurities under this many ppm are what an analyser reports under its limit of detection
LOD_CHOICES_PPM = (5, 8, 10, 12, 15, 20)


def xrf_analyzer(ctx: Ctx, rows: list[Row]) -> None:
    draw_to_fit(ctx, lambda c, squeeze: _draw(c, rows, squeeze), "XRF analysis report", tries=5)


def _format(ctx: Ctx, value: Decimal, places: int) -> str:
    return ctx.num(value.quantize(Decimal(1).scaleb(-places)), places)


def _draw(ctx: Ctx, rows: list[Row], squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    lab, lot = s.lab, s.assay_lot
    lang = fl.language(ctx, 0.6)
    chosen: dict[str, str] = {}

    def say(key: str) -> str:
        if key not in chosen:  # a report template words each caption one way
            chosen[key] = str(ctx.pick(WORDS[lang][key]))
        return chosen[key]

    x, w = ctx.left, ctx.width
    k = 1 - 0.1 * squeeze
    size = ctx.jitter(8.4, 0.25) - 0.3 * squeeze
    step = size * 0.46 * k + 0.5

    # ----- letterhead, title, report number and date -----
    ctx.set("laboratory", lab.name)
    ctx.set("certificate_number", s.assay_no)
    sh.text(x, 16, lab.name, ctx.jitter(12.5, 0.5), bold=True, kind="value", field="laboratory", max_w=w * 0.62)
    sh.text(x, 21, ", ".join([*lab.lines, fl.country(ctx, lang, lab.country)]), 7.2, max_w=w * 0.62)
    sh.text(x, 24.6, f"Tel. {lab.phone}  ·  {lab.email}", 7, max_w=w * 0.62)
    sh.text(ctx.right, 16, say("tagline"), 7.5, align="right", max_w=w * 0.35)
    sh.hline(x, ctx.right, 28, ctx.pick((0.5, 0.9)))
    y = 36.0
    sh.text(sh.width / 2, y, say("title"), ctx.jitter(13, 0.5), bold=True, align="center", max_w=w)
    y += 7.5 * k
    cw = sh.text(x, y, f"{say('number')}:", size + 0.3, bold=True, kind="label") + 2
    sh.text(x + cw, y, s.assay_no, size + 0.7, bold=True, kind="value", field="certificate_number",
            max_w=w * 0.45 - cw)  # fmt: skip
    issued = f"{say('date')}: {fl.day(ctx, lang, s.assay_date)}"
    sh.text(ctx.right, y, issued, size - 0.3, align="right", max_w=w * 0.45)
    y += 4.2
    sh.text(ctx.right, y, say("page"), size - 1.2, align="right")
    y += 3.5 * k

    # ----- the sample and the instrument: two boxes side by side, or one over the other -----
    ingot = s.product == "ingot"
    handheld = ingot and rng.random() < 0.75  # a handheld tests the ingots where they stand, a benchtop in the lab
    tested = s.assay_date - timedelta(days=rng.randrange(0, 3))
    place = f"{s.seller.city}, {say('warehouse')}" if handheld else lab.lines[-1]
    ctx.set("lot_number", lot.number)
    ctx.set("smelter_name", s.smelter.printed)
    sample: list[tuple[str, str, str | None]] = [
        (say("client"), s.seller.name, None),
        (say("material"), fl.description(ctx, lang), None),
        (say("lot"), lot.number, "lot_number"),
        (say("producer"), s.smelter.printed, "smelter_name"),
        (say("sample"), say("ingot" if ingot else "powder"), None),
        (say("place"), place, None),
        (say("tested"), fl.day(ctx, lang, tested), None),
    ]
    if rng.random() < 0.4:  # the lot first, as some templates order it
        sample.insert(0, sample.pop(2))
    first = rng.randrange(120, 4800)
    n = ctx.pick((1, 3, 3, 5))
    readings = (say("average").format(n=n, first=first, last=first + n - 1) if n > 1
                else say("single").format(first=first))  # fmt: skip
    serial = f"{ctx.pick(('SN', 'X', ''))}{rng.randrange(100000, 999999)}"
    instrument: list[tuple[str, str, str | None]] = [
        (say("analyser"), ctx.pick(HANDHELD if handheld else BENCHTOP), None),
        (say("serial"), serial, None),
        (say("mode"), ctx.pick(MODES["ingot" if ingot else "trioxide"]), None),
        (say("time"), ctx.pick(TIMES), None),
        (say("readings"), readings, None),
        (say("check"), say("check_ok").format(crm=ctx.pick(CHECKS)), None),
        (say("operator"), ctx.pick(OPERATORS.get(lab.country, ("A. Rahman", "M. Costa"))), None),
    ]
    side_by_side = rng.random() < 0.6
    boxed = rng.random() < 0.6
    y += 3 * k
    if side_by_side:
        bw = (w - 3) / 2
        h1 = _block(ctx, x, y, bw, say("sample_head"), sample, size, step, boxed)
        h2 = _block(ctx, x + bw + 3, y, bw, say("instrument_head"), instrument, size, step, boxed)
        y += max(h1, h2)
    else:
        y += _block(ctx, x, y, w, say("sample_head"), sample, size, step, boxed) + 2.5 * k
        y += _block(ctx, x, y, w, say("instrument_head"), instrument, size, step, boxed)
    y += 5 * k

    # ----- results -----
    sh.text(x, y, say("results_head"), size + 0.6, bold=True)
    y += 2.5
    y = _results(ctx, lang, say, rows, y, size, k)

    # ----- the spectrum of the first reading, on some reports -----
    recorded = ctx.fields["composition_pct"] or {}
    room = sh.height - 14 - y - 44 * k - 32
    if rng.random() < 0.5 and room > 0:
        y = _spectrum(ctx, say, x, y + 5 * k, w, 34 * k, recorded, first) + 2

    # ----- notes and signatures -----
    y += 4 * k
    y = sh.para(x, y, say("notes").format(below=say("below")), w, size - 1, step * 0.85) + 0.8
    y = sh.para(x, y, say("disclaimer"), w, size - 1, step * 0.85) + 1
    y += 8 * k
    operator = instrument[-1][1]
    sh.scribble(x + 2, y + 6, 34, len(s.assay_no))
    sh.hline(x, x + 60, y + 9, 0.4)
    sh.text(x, y + 12.5, f"{say('tested_by')}: {operator}", size - 0.4, max_w=70)
    rx = x + w / 2 + 5
    sh.scribble(rx + 2, y + 6, 36, len(s.assay_no) + 2)
    sh.hline(rx, rx + 62, y + 9, 0.4)
    sh.text(rx, y + 12.5, f"{say('approved')}: {lab.person}", size - 0.4, max_w=w / 2 - 6)
    sh.text(rx, y + 16, lab.title, size - 1, max_w=w / 2 - 6)
    return y + 17


def _block(ctx: Ctx, x: float, y: float, w: float, title: str, pairs: list[tuple[str, str, str | None]],
           size: float, step: float, boxed: bool) -> float:  # fmt: skip
    """A titled block of label: value lines (ruled or not); returns its height."""
    sh = ctx.sheet
    pad = 1.8 if boxed else 0.0
    ty = y + 4
    sh.text(x + pad, ty, title, size, bold=True)
    ty += 1.4
    if not boxed:
        sh.hline(x, x + w, ty, 0.3)
    ty += step + 0.6
    gap = min(max(sh.text_width(label, size - 0.6, True) for label, _, _ in pairs) + 2.5, w * 0.42)
    room = w - gap - 2 * pad
    for label, value, field in pairs:
        sh.text(x + pad, ty, label, size - 0.6, bold=True, kind="label", max_w=gap - 1.5)
        # a field's value stays on one line (shrunk to fit); a long description takes two
        lines = [value] if field else sh.wrap(value, room, size - 0.2)[:2]
        for i, line in enumerate(lines):
            ty += step if i else 0
            sh.text(x + pad + gap, ty, line, size - 0.2, kind="value" if field else "static", field=field,
                    max_w=room)  # fmt: skip
        ty += step
    h = ty - y - step + 2.4
    if boxed:
        sh.rect(x, y, w, h, 0.5)
    return h


def _results(ctx: Ctx, lang: str, say: Say, rows: list[Row], y: float, size: float, k: float) -> float:
    """The results table; records the composition printed; returns the y under the table."""
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    with_lod = rng.random() < 0.45
    by_z = rng.random() < 0.5  # else by falling concentration, as the analyser's screen lists them
    naming = rng.randrange(3)
    under_cap = 0 if rng.random() < 0.15 else ctx.pick((2, 3, 3))
    candidates = sorted((pct, sym) for sym, _, _, pct in rows if sym != "Sb" and pct * 10000 < BELOW_PPM)
    below = {sym for _, sym in candidates[:under_cap]}
    below_word = say("below")
    as_limit = not with_lod and rng.random() < 0.5  # '<10' rather than '< LOD', one way in a report

    def name(sym: str) -> str:
        return (sym, f"{NAMES[lang][sym]} ({sym})", f"{sym} - {NAMES[lang][sym]}")[naming]

    entries: list[tuple[float, float, list[Cell]]] = []  # (key by falling concentration, by Z, cells)
    recorded: dict[str, float] = {}
    for sym, text, unit, pct in rows:
        shown_unit = "%" if unit == "%" else "ppm"  # analysers print ppm; a mg/kg figure is the same number
        if sym in below:
            lod_ppm = Decimal(ctx.pick([v for v in LOD_CHOICES_PPM if v > pct * 10000] or [20]))
            lod = lod_ppm / 10000 if shown_unit == "%" else lod_ppm
            lod_text = _format(ctx, lod, max(0, -lod.normalize().as_tuple().exponent))  # type: ignore[operator]
            result = f"<{lod_text}" if as_limit else below_word
            cells = [Cell(name(sym), "static"), Cell(result, "static"), Cell("", "static"),
                     Cell(lod_text, "static"), Cell(shown_unit, "static")]  # fmt: skip
        else:
            value, places = _decimal(ctx, text)
            error = _error(ctx, sym, value, places)
            lod_value = max(value * Decimal(str(rng.uniform(0.08, 0.4))), Decimal(1).scaleb(-places))
            lod_text = _format(ctx, min(lod_value, value / 2), places + (1 if lod_value >= value / 2 else 0))
            cells = [Cell(name(sym), "static"), Cell(text, field="composition_pct", bold=sym == "Sb"),
                     Cell(error, "static"), Cell(lod_text, "static"), Cell(shown_unit, "static")]  # fmt: skip
            recorded[sym] = pct
        entries.append((-pct, Z[sym], cells))
        if sym == "Sb" and s.sb2o3_pct is not None:  # the oxide as the trioxide mode reports it
            oxide = Decimal(s.sb2o3_pct)
            entries.append((-pct + 1e-6, Z[sym] + 0.5, [  # listed right after the element
                Cell("Sb2O3", "static"), Cell(ctx.num(oxide, 2), "static"),
                Cell(_error(ctx, "Sb", oxide, 2), "static"), Cell("", "static"), Cell("%", "static")]))  # fmt: skip
    ctx.set("composition_pct", recorded)
    entries.sort(key=lambda e: e[1] if by_z else e[0])
    keys = ["element", "conc", "error", "lod", "unit"]
    if not with_lod:
        keys.remove("lod")
    if rng.random() < 0.35:  # the unit before the figures
        keys.remove("unit")
        keys.insert(1, "unit")
    share = {"element": 0.3, "conc": 0.2, "error": 0.16, "lod": 0.14, "unit": 0.1}
    table_w = w * ctx.pick((0.7, 0.8, 1.0))
    total = sum(share[key] for key in keys)
    order = {"element": 0, "conc": 1, "error": 2, "lod": 3, "unit": 4}
    cols = [Column(say(key), table_w * share[key] / total, "left" if key in ("element", "unit") else "right")
            for key in keys]  # fmt: skip
    table = [[cells[order[key]] for key in keys] for _, _, cells in entries]
    line_h = ctx.jitter(3.6, 0.15) * k
    return sh.table(x, y, cols, table, size=size - 0.3, line_h=line_h, pad=0.9, grid=rng.random() < 0.5,
                    bottom=sh.height * 2)  # fmt: skip


def _error(ctx: Ctx, sym: str, value: Decimal, places: int) -> str:
    """A 2-sigma counting error for a printed figure, at the figure's decimals (one unit of its last place at
    least)."""
    rng = ctx.rng
    unit = Decimal(1).scaleb(-places)
    if sym == "Sb":
        error = Decimal(str(round(rng.uniform(0.06, 0.32), 2)))
    else:
        error = value * Decimal(str(rng.uniform(0.06, 0.3)))
    return _format(ctx, max(error, unit), places)


def _spectrum(ctx: Ctx, say: Say, x: float, y: float, w: float, h: float, recorded: dict[str, float],
              first: int) -> float:  # fmt: skip
    """The first reading's spectrum: counts against energy, 0-40 keV, the lines of the elements found marked;
    returns the y under it."""
    sh, rng = ctx.sheet, ctx.rng
    c = sh.canvas
    sh.text(x, y, say("spectrum").format(first=first), 7.6, bold=True)
    top = y + 2.5
    left = x + 6
    pw = w - 6
    sh.rect(left, top, pw, h, 0.5)
    for kev in range(0, 41, 5):  # the energy axis
        px = left + pw * kev / 40
        sh.vline(px, top + h, top + h + 1.2, 0.4)
        sh.text(px, top + h + 3.6, str(kev), 6, align="center")
    sh.text(left + pw / 2, top + h + 7, say("energy"), 6.6, align="center")
    # the counts axis caption turned up the left side, as graphics only (a turned line has no reading box)
    c.saveState()
    c.translate((x + 3.5) * MM, (sh.height - (top + h / 2)) * MM)
    c.rotate(90)
    c.setFont(sh.regular, 6)
    c.drawCentredString(0, 0, say("counts"))
    c.restoreState()
    peaks: list[tuple[float, float, str]] = []
    for sym, pct in recorded.items():
        height = 0.12 + 0.8 * min(1.0, max(0.0, (math.log10(pct * 10000) - 0.3) / 6))
        for i, kev in enumerate(LINES[sym]):
            peaks.append((kev, height * (1.0 if i == 0 or sym != "Sb" else 0.55), sym))
    peaks.append((22.1, 0.35, ""))  # the tube's scatter peak

    def level(kev: float) -> float:
        total = 0.05 * math.exp(-(((kev - 18) / 9) ** 2)) + 0.01
        for centre, height, _ in peaks:
            total += height * math.exp(-(((kev - centre) / (0.12 + 0.012 * centre)) ** 2))
        return min(total, 0.9)

    path = c.beginPath()
    for i in range(401):
        kev = 40 * i / 400
        px, py = left + pw * kev / 40, top + h - h * level(kev) * (1 + rng.uniform(-0.03, 0.03))
        if i == 0:
            path.moveTo(px * MM, (sh.height - py) * MM)
        else:
            path.lineTo(px * MM, (sh.height - py) * MM)
    c.setLineWidth(0.5)
    c.drawPath(path, stroke=1, fill=0)
    labelled: list[float] = []
    for centre, _height, sym in sorted(peaks, key=lambda p: -p[1]):
        if not sym or any(abs(centre - other) < 1.2 for other in labelled):
            continue  # one label where lines crowd
        labelled.append(centre)
        sh.text(left + pw * centre / 40, top + h - h * level(centre) - 1.6, sym, 5.8, align="center")
    return top + h + 8
