"""A certificate of analysis printed from a laboratory information management system (`lims_report`), added after the
extractors were built (no extractor was changed for it).

LIMS such as LabWare or STARLIMS keep a sample as it was logged in (sample number, login and receipt dates, product,
customer, batch, producer) and its tests, each an analysis with components whose results are checked against the
product's specification; the certificate is a report template filled from those records and released by an
electronic approval. What the printout carries:

* the laboratory's letterhead, the title and the certificate number, 'Page 1 of 1';
* a block of sample login fields in two columns: the LIMS sample number, login and receipt dates with their times,
  product code and description, the specification it is tested against, customer, batch / lot, producer, sample
  type and who sampled;
* the results as a table of Test / Component / Result / Units / Specification / Status in one of several column
  orders, the tests either in a column of their own (named once per group) or as group headings, or left out for a
  method column; components named as the system holds them ('Antimony, Sb', 'Arsenic (As)', 'Pb'); results in % or
  mg/kg; the specification as 'min. 99.65', 'NLT 99.65', '>= 99.65' or 'max. 0.050' (or split into Min. and Max.
  columns), the status Pass / Conforms or a failure where the result misses it; a component under the reporting
  limit is printed '< 0.5' or 'ND' and not recorded;
* the legend of the status codes, the conformity statement, the electronic approval with the printed name, the date
  and time and the meaning of the signature ('Approved by ... on ... (electronic signature)'), sometimes a review
  signature before it, the note that the certificate is valid without a handwritten signature, and the print line
  of the report template.

Captions come in English, Spanish, French (a Belgian laboratory) or Portuguese (goods for a Brazilian buyer). The
ground truth is the composition the certificate reports for the lot, as printed.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from samplegen.layouts import four_languages as fl
from samplegen.layouts.assay_forms import Row, _decimal, _guaranteed_limit
from samplegen.layouts.assay_test_report import LOD_PPM, NAMES, TECHNIQUE
from samplegen.layouts.common import Ctx, draw_to_fit

MONTHS_ABBR = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# The analyses a LIMS holds for antimony, by technique: the test's code and its reported name per language.
TESTS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "Titration": (("SB_ASSAY", "ASSAY_SB", "SB-TIT"), {
        "en": "Antimony assay (KBrO3 titration)", "es": "Ensayo de antimonio (volumetría KBrO3)",
        "fr": "Dosage de l'antimoine (titrage KBrO3)", "pt": "Teor de antimônio (titulação KBrO3)"}),
    "ICP-OES": (("ICP_METALS", "METALS_ICP", "ICP-OES_TRACE"), {
        "en": "Trace metals by ICP-OES", "es": "Metales traza por ICP-OES", "fr": "Métaux traces par ICP-OES",
        "pt": "Metais traço por ICP-OES"}),
    "ICP-MS": (("ICPMS_TRACE", "ICP-MS_ULT"), {
        "en": "Ultra-trace elements by ICP-MS", "es": "Ultratrazas por ICP-MS", "fr": "Ultra-traces par ICP-MS",
        "pt": "Ultratraços por ICP-MS"}),
    "HG-AFS": (("HYDRIDE_AFS", "AS_SE_HG"), {
        "en": "Hydride-forming elements by HG-AFS", "es": "Elementos formadores de hidruros por HG-AFS",
        "fr": "Éléments hydrurogènes par HG-AFS", "pt": "Elementos formadores de hidretos por HG-AFS"}),
    "CV-AAS": (("HG_CVAAS", "MERCURY"), {
        "en": "Mercury by cold-vapour AAS", "es": "Mercurio por AAS de vapor frío",
        "fr": "Mercure par SAA vapeur froide", "pt": "Mercúrio por AAS de vapor frio"}),
    "Combustion-IR": (("SULFUR_CS", "S_LECO"), {
        "en": "Sulphur by combustion-IR", "es": "Azufre por combustión-IR", "fr": "Soufre par combustion-IR",
        "pt": "Enxofre por combustão-IR"}),
}  # fmt: skip
SB2O3_NAMES = {"en": "Antimony trioxide", "es": "Trióxido de antimonio", "fr": "Trioxyde d'antimoine",
               "pt": "Trióxido de antimônio"}  # fmt: skip
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("CERTIFICATE OF ANALYSIS", "Certificate of Analysis", "CERTIFICATE OF ANALYSIS - FINAL"),
        "number": ("Certificate No.", "COA No.", "Report ID"),
        "page": ("Page 1 of 1",),
        "sample_info": ("Sample information", "SAMPLE DETAILS", "Sample login"),
        "sample_id": ("Sample ID", "Sample number", "LIMS sample no."),
        "login": ("Login date", "Logged in"),
        "received": ("Date received", "Receipt date"),
        "product": ("Product", "Material"),
        "spec": ("Specification", "Product spec."),
        "customer": ("Customer", "Client"),
        "batch": ("Batch / Lot", "Lot number", "Batch"),
        "producer": ("Producer", "Manufacturer"),
        "sample_type": ("Sample type",),
        "sampled_by": ("Sampled by",),
        "type_values": ("Finished product - composite", "Lot composite", "Release sample"),
        "by_customer": ("Customer", "Customer (as received)"),
        "by_lab": ("Laboratory", "Laboratory sampler"),
        "completed": ("Testing completed", "Analysis completed"),
        "results": ("Results", "TEST RESULTS", "Analytical results"),
        "test": ("Test", "Analysis"),
        "component": ("Component", "Parameter"),
        "result": ("Result",),
        "units": ("Units", "Unit"),
        "specification": ("Specification", "Spec. limits", "Limits"),
        "min": ("Min.",),
        "max": ("Max.",),
        "status": ("Status", "Result status", "Evaluation"),
        "method": ("Method", "Test method"),
        "pass": ("Pass", "Conforms", "In spec", "Complies"),
        "fail": ("Fail", "OOS", "Out of spec"),
        "spec_min": ("min. {v}", "NLT {v}", ">= {v}"),
        "spec_max": ("max. {v}", "NMT {v}", "<= {v}"),
        "nd": ("ND", "n.d."),
        "legend": ("'<' result below the reporting limit stated; {nd} not detected.",
                   "Results preceded by '<' are below the limit of quantitation of the method; {nd}: not detected."),
        "nlt": ("NLT not less than, NMT not more than.",),
        "conforms": ("The batch conforms to the specification stated above.",
                     "All results comply with the product specification."),
        "fails": ("The batch does not conform to the specification in the results marked {mark}.",),
        "approved": ("Approved by {name} ({title}) on {when} (electronic signature)",
                     "Electronically approved by {name}, {title}, on {when}",
                     "Released by {name} ({title}) - {when} - electronic signature"),
        "meaning": ("Meaning of signature: approval for release", "Reason: batch release"),
        "reviewed": ("Reviewed by {name} on {when} (electronic signature)", "Results reviewed by {name}, {when}"),
        "valid": ("This certificate has been generated electronically and is valid without a signature.",
                  "Electronically signed record; no handwritten signature required."),
        "printed": ("Printed {when} by {user} - template {template}", "Print date: {when}   Report: {template}"),
    },
    "es": {
        "title": ("CERTIFICADO DE ANÁLISIS", "Certificado de Análisis"),
        "number": ("Certificado N°", "N° de certificado", "ID de informe"),
        "page": ("Página 1 de 1",),
        "sample_info": ("Información de la muestra", "DATOS DE LA MUESTRA"),
        "sample_id": ("ID de muestra", "N° de muestra", "N° de muestra LIMS"),
        "login": ("Fecha de registro", "Registrada"),
        "received": ("Fecha de recepción",),
        "product": ("Producto", "Material"),
        "spec": ("Especificación",),
        "customer": ("Cliente",),
        "batch": ("Lote", "N° de lote"),
        "producer": ("Productor", "Fabricante"),
        "sample_type": ("Tipo de muestra",),
        "sampled_by": ("Muestreado por",),
        "type_values": ("Producto terminado - compósito", "Compósito del lote"),
        "by_customer": ("Cliente",),
        "by_lab": ("Laboratorio",),
        "completed": ("Análisis concluido", "Fecha de análisis"),
        "results": ("Resultados", "RESULTADOS DE ENSAYO"),
        "test": ("Ensayo", "Análisis"),
        "component": ("Componente", "Parámetro"),
        "result": ("Resultado",),
        "units": ("Unidades", "Unidad"),
        "specification": ("Especificación", "Límites"),
        "min": ("Mín.",),
        "max": ("Máx.",),
        "status": ("Estado", "Evaluación"),
        "method": ("Método",),
        "pass": ("Conforme", "Cumple"),
        "fail": ("No conforme", "Fuera de especificación"),
        "spec_min": ("mín. {v}", ">= {v}"),
        "spec_max": ("máx. {v}", "<= {v}"),
        "nd": ("ND", "N.D."),
        "legend": ("'<' resultado inferior al límite de cuantificación indicado; {nd} no detectado.",),
        "conforms": ("El lote cumple con la especificación indicada.",
                     "Todos los resultados cumplen con la especificación del producto."),
        "fails": ("El lote no cumple con la especificación en los resultados marcados {mark}.",),
        "approved": ("Aprobado por {name} ({title}) el {when} (firma electrónica)",
                     "Aprobación electrónica: {name}, {title}, {when}"),
        "meaning": ("Significado de la firma: aprobación para liberación", "Motivo: liberación del lote"),
        "reviewed": ("Revisado por {name} el {when} (firma electrónica)",),
        "valid": ("Este certificado ha sido generado electrónicamente y es válido sin firma.",),
        "printed": ("Impreso {when} por {user} - plantilla {template}", "Fecha de impresión: {when}   Informe: "
                    "{template}"),
    },
    "fr": {
        "title": ("CERTIFICAT D'ANALYSE", "Certificat d'analyse"),
        "number": ("Certificat n°", "N° de certificat", "Réf. rapport"),
        "page": ("Page 1 sur 1",),
        "sample_info": ("Informations échantillon", "DONNÉES DE L'ÉCHANTILLON"),
        "sample_id": ("ID échantillon", "N° d'échantillon", "N° LIMS"),
        "login": ("Date d'enregistrement", "Enregistré le"),
        "received": ("Date de réception",),
        "product": ("Produit", "Article"),
        "spec": ("Spécification",),
        "customer": ("Client",),
        "batch": ("Lot", "N° de lot"),
        "producer": ("Producteur", "Fabricant"),
        "sample_type": ("Type d'échantillon",),
        "sampled_by": ("Prélevé par",),
        "type_values": ("Produit fini - composite", "Composite du lot"),
        "by_customer": ("Client",),
        "by_lab": ("Laboratoire",),
        "completed": ("Analyses terminées", "Date d'analyse"),
        "results": ("Résultats", "RÉSULTATS D'ANALYSE"),
        "test": ("Essai", "Analyse"),
        "component": ("Composant", "Paramètre"),
        "result": ("Résultat",),
        "units": ("Unités", "Unité"),
        "specification": ("Spécification", "Limites"),
        "min": ("Min.",),
        "max": ("Max.",),
        "status": ("Statut", "Évaluation"),
        "method": ("Méthode",),
        "pass": ("Conforme",),
        "fail": ("Non conforme", "Hors spécification"),
        "spec_min": ("min. {v}", ">= {v}"),
        "spec_max": ("max. {v}", "<= {v}"),
        "nd": ("n.d.", "ND"),
        "legend": ("'<' résultat inférieur à la limite de quantification indiquée ; {nd} non détecté.",),
        "conforms": ("Le lot est conforme à la spécification indiquée.",
                     "Tous les résultats sont conformes à la spécification du produit."),
        "fails": ("Le lot n'est pas conforme à la spécification pour les résultats marqués {mark}.",),
        "approved": ("Approuvé par {name} ({title}) le {when} (signature électronique)",
                     "Approbation électronique : {name}, {title}, {when}"),
        "meaning": ("Signification de la signature : approbation pour libération", "Motif : libération du lot"),
        "reviewed": ("Vérifié par {name} le {when} (signature électronique)",),
        "valid": ("Ce certificat a été généré électroniquement et est valable sans signature.",),
        "printed": ("Imprimé le {when} par {user} - modèle {template}", "Date d'impression : {when}   Rapport : "
                    "{template}"),
    },
    "pt": {
        "title": ("CERTIFICADO DE ANÁLISE", "Certificado de Análise"),
        "number": ("Certificado nº", "Nº do certificado", "ID do relatório"),
        "page": ("Página 1 de 1",),
        "sample_info": ("Informações da amostra", "DADOS DA AMOSTRA"),
        "sample_id": ("ID da amostra", "Nº da amostra", "Nº LIMS"),
        "login": ("Data de registro", "Registrada em"),
        "received": ("Data de recebimento",),
        "product": ("Produto", "Material"),
        "spec": ("Especificação",),
        "customer": ("Cliente",),
        "batch": ("Lote", "Nº do lote"),
        "producer": ("Produtor", "Fabricante"),
        "sample_type": ("Tipo de amostra",),
        "sampled_by": ("Amostrado por",),
        "type_values": ("Produto acabado - composta", "Amostra composta do lote"),
        "by_customer": ("Cliente",),
        "by_lab": ("Laboratório",),
        "completed": ("Análises concluídas", "Data da análise"),
        "results": ("Resultados", "RESULTADOS DOS ENSAIOS"),
        "test": ("Ensaio", "Análise"),
        "component": ("Componente", "Parâmetro"),
        "result": ("Resultado",),
        "units": ("Unidades", "Unidade"),
        "specification": ("Especificação", "Limites"),
        "min": ("Mín.",),
        "max": ("Máx.",),
        "status": ("Status", "Avaliação"),
        "method": ("Método",),
        "pass": ("Conforme", "Aprovado"),
        "fail": ("Não conforme", "Fora de especificação"),
        "spec_min": ("mín. {v}", ">= {v}"),
        "spec_max": ("máx. {v}", "<= {v}"),
        "nd": ("ND", "N.D."),
        "legend": ("'<' resultado abaixo do limite de quantificação indicado; {nd} não detectado.",),
        "conforms": ("O lote está conforme a especificação indicada.",
                     "Todos os resultados atendem à especificação do produto."),
        "fails": ("O lote não está conforme a especificação nos resultados marcados {mark}.",),
        "approved": ("Aprovado por {name} ({title}) em {when} (assinatura eletrônica)",
                     "Aprovação eletrônica: {name}, {title}, {when}"),
        "meaning": ("Significado da assinatura: aprovação para liberação", "Motivo: liberação do lote"),
        "reviewed": ("Revisado por {name} em {when} (assinatura eletrônica)",),
        "valid": ("Este certificado foi gerado eletronicamente e é válido sem assinatura.",),
        "printed": ("Impresso em {when} por {user} - modelo {template}", "Data de impressão: {when}   Relatório: "
                    "{template}"),
    },
}  # fmt: skip
REVIEWERS = ("J. Lim", "R. Castillo", "S. Wouters", "N. Hoang", "D. Petrov", "M. Suarez", "A. Rahman")
TEMPLATES = ("COA_STD_V3", "CERT_ANALYSIS_02", "R_COA_METALS", "COA-GEN-4.1")


def lims_report(ctx: Ctx, rows: list[Row]) -> None:
    draw_to_fit(ctx, lambda c, squeeze: _draw(c, rows, squeeze), "LIMS certificate of analysis", tries=5)


def _when(ctx: Ctx, lang: str, d: date, minutes: int, system: bool) -> str:
    """A date and time as the LIMS prints it: its own DD-MON-YYYY HH:MM, or the document's date style."""
    clock = f"{minutes // 60:02d}:{minutes % 60:02d}"
    if system:
        return f"{d.day:02d}-{MONTHS_ABBR[d.month - 1]}-{d.year} {clock}"
    return f"{fl.day(ctx, lang, d)} {clock}"


def _limit_text(ctx: Ctx, value: Decimal) -> str:
    places = max(0, -int(value.normalize().as_tuple().exponent))
    return ctx.num(value, places)


def _draw(ctx: Ctx, rows: list[Row], squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    lab, lot = s.lab, s.assay_lot
    lang = fl.language(ctx, 0.6)
    chosen: dict[str, str] = {}

    def say(key: str) -> str:
        if key not in chosen:  # a template words each caption one way
            chosen[key] = str(ctx.pick(WORDS[lang][key]))
        return chosen[key]

    x, w = ctx.left, ctx.width
    k = 1 - 0.1 * squeeze
    size = ctx.jitter(8.3, 0.25) - 0.3 * squeeze
    step = size * 0.47 * k
    system_dates = lang == "en" and rng.random() < 0.6  # the LIMS's DD-MON-YYYY rather than the locale's

    # ----- letterhead, title and certificate number -----
    ctx.set("laboratory", lab.name)
    ctx.set("certificate_number", s.assay_no)
    sh.text(x, 16, lab.name, ctx.jitter(12.5, 0.5), bold=True, kind="value", field="laboratory", max_w=w * 0.6)
    sh.text(x, 21, ", ".join([*lab.lines, fl.country(ctx, lang, lab.country)]), 7.2, max_w=w * 0.6)
    sh.text(x, 24.6, f"Tel. {lab.phone}  ·  {lab.email}", 7, max_w=w * 0.6)
    title = say("title")
    title_right = rng.random() < 0.5
    if title_right:
        sh.text(ctx.right, 16, title, ctx.jitter(12, 0.5), bold=True, align="right", max_w=w * 0.38)
    sh.hline(x, ctx.right, 28, ctx.pick((0.5, 0.9)))
    y = 34.0
    if not title_right:
        sh.text(sh.width / 2, y + 1, title, ctx.jitter(13.5, 0.6), bold=True, align="center")
        y += 8 * k
    caption = say("number")
    cw = sh.text(x, y, f"{caption}:", size + 0.4, bold=True, kind="label")
    sh.text(x + cw + 2, y, s.assay_no, size + 0.8, bold=True, kind="value", field="certificate_number",
            max_w=w * 0.5 - cw)  # fmt: skip
    page_on_top = rng.random() < 0.5
    if page_on_top:
        sh.text(ctx.right, y, say("page"), size - 1, align="right")
    y += 7 * k

    # ----- the sample login block -----
    received = s.assay_date - timedelta(days=rng.randrange(3, 9))
    completed = s.assay_date - timedelta(days=rng.randrange(0, 2))
    login_min = rng.randrange(7 * 60, 17 * 60)
    sample_id = str(ctx.pick((f"{rng.randrange(1000000, 9999999)}", f"S{s.assay_date:%y}-{rng.randrange(1, 99999):06d}",
                              f"SB-{received:%y%m%d}-{rng.randrange(1, 40):02d}")))  # fmt: skip
    grade = str(s.grade_pct).replace(".", "")
    code = f"SB-ING-{grade}" if s.product == "ingot" else f"ATO-{grade}"
    gb = s.product == "ingot" and s.grade_pct in (Decimal("99.90"), Decimal("99.85"), Decimal("99.65"),
                                                   Decimal("99.50"))  # fmt: skip
    spec_name = str(ctx.pick((f"GB/T 1599-2014 Sb{s.grade_pct}",) if gb else (f"SPEC-{code} rev. {rng.randrange(1, 6)}",
                              f"{code} / {s.seller.name.split()[0]} contract spec.")))  # fmt: skip
    lab_sampled = rng.random() < 0.4
    pairs: list[tuple[str, str, str | None]] = [
        (say("sample_id"), sample_id, None),
        (say("login"), _when(ctx, lang, received, login_min, system_dates), None),
        (say("product"), f"{code}  {fl.description(ctx, lang)}", None),
        (say("spec"), spec_name, None),
        (say("customer"), s.seller.name, None),
        (say("batch"), lot.number, "lot_number"),
        (say("producer"), s.smelter.printed, "smelter_name"),
        (say("sample_type"), say("type_values"), None),
        (say("sampled_by"), say("by_lab") if lab_sampled else say("by_customer"), None),
        (say("completed"), _when(ctx, lang, completed, rng.randrange(9 * 60, 18 * 60), system_dates), None),
    ]
    if rng.random() < 0.5:
        pairs.insert(2, (say("received"), _when(ctx, lang, received, max(login_min - rng.randrange(30, 240), 360),
                                                system_dates), None))  # fmt: skip
    if rng.random() < 0.35:  # the batch right after the sample's number and login, as some templates order them
        batch = next(n for n, pair in enumerate(pairs) if pair[2] == "lot_number")
        pairs.insert(2, pairs.pop(batch))
    ctx.set("lot_number", lot.number)
    ctx.set("smelter_name", s.smelter.printed)
    heading = rng.random() < 0.6
    if heading:
        sh.text(x, y, say("sample_info"), size + 0.3, bold=True)
        y += 1.5
        sh.hline(x, ctx.right, y, 0.3)
        y += step + 1
    # two columns of fields; a long value, and the producer with its place under it, take the whole width
    place = s.smelter.place if "smelter_place" in ctx.st.flags and s.smelter.country == s.declared else ""
    half = (w - 4) / 2
    gap = max(sh.text_width(label, size - 0.3, True) for label, _, _ in pairs) + 3
    gap = min(gap, half * 0.48)
    col = 0
    for label, value, name in pairs:
        span = (sh.text_width(value, size) > half - gap - 2 or (name == "smelter_name" and bool(place))
                or (label in (say("customer"), say("producer")) and rng.random() < 0.7))  # fmt: skip
        if span and col == 1:
            y += step + 0.4
            col = 0
        lx = x + col * (half + 4)
        room = (w if span else half) - gap
        sh.text(lx, y, label, size - 0.3, bold=True, kind="label", max_w=gap - 1.5)
        sh.text(lx + gap, y, value, size, kind="value" if name else "static", field=name, max_w=room)
        if name == "smelter_name" and place:
            y += step
            sh.text(lx + gap, y, f"({place}, {fl.country(ctx, lang, s.smelter.country)})", size - 1, max_w=room)
        if span or col == 1:
            y += step + 0.4
            col = 0
        else:
            col = 1
    if col == 1:
        y += step + 0.4
    y += 4 * k

    # ----- results -----
    sh.text(x, y, say("results"), size + 0.6, bold=True)
    y += 2.5
    grouping = str(ctx.pick(("column", "column", "header", "flat")))
    split_spec = rng.random() < 0.3  # Min. and Max. in columns of their own
    spec_min, spec_max = say("spec_min"), say("spec_max")
    name_style = int(rng.randrange(4))
    nd_word = say("nd")
    pass_word, fail_word = say("pass"), say("fail")
    trace_unit = str(ctx.pick(("mg/kg", "mg/kg", "ppm")))
    under_limit = 2 if rng.random() < 0.6 else 0
    under_left = under_limit

    def component(sym: str) -> str:
        name = NAMES[lang][sym]
        return (f"{name}, {sym}", f"{name} ({sym})", sym, name)[name_style]

    entries: list[dict[str, str]] = []  # one per component, its cells by column key
    fails = False
    recorded: dict[str, float] = {}
    if s.sb2o3_pct is not None:
        entries.append({"technique": "Titration", "component": f"{SB2O3_NAMES[lang]}, Sb2O3" if name_style != 2 else
                        "Sb2O3", "result": ctx.num(s.sb2o3_pct, 2), "units": "%",
                        "min": ctx.num(s.grade_pct, 2), "max": "",
                        "status": pass_word if s.sb2o3_pct >= s.grade_pct else fail_word, "field": ""})  # fmt: skip
        fails = fails or s.sb2o3_pct < s.grade_pct
    for sym, text, unit, pct in rows:
        units = "%" if unit == "%" else trace_unit
        technique = "Titration" if sym == "Sb" else TECHNIQUE[sym]
        entry = {"technique": technique, "component": component(sym), "units": units, "min": "", "max": ""}
        found, _ = _decimal(ctx, text)
        if sym == "Sb":
            if s.sb2o3_pct is None:
                entry["min"] = ctx.num(s.grade_pct, 2)
            ok = s.sb2o3_pct is not None or found >= s.grade_pct
            entry.update(result=text, status=pass_word if ok else fail_word, field="composition_pct")
            fails = fails or not ok
            recorded[sym] = pct
        else:
            # a reporting limit over the content prints the component as under it (two at most per certificate)
            ppm = Decimal(str(pct)) * 10000
            over = [Decimal(c) for c in LOD_PPM[sym] if Decimal(c) > ppm]
            if under_left and over and rng.random() < 0.5:
                under_left -= 1
                limit = ctx.pick(over) / (10000 if units == "%" else 1)
                shown = ctx.pick((f"< {_limit_text(ctx, limit)}", f"<{_limit_text(ctx, limit)}", nd_word))
                entry.update(result=shown, field="")
                found = limit
            else:
                entry.update(result=text, field="composition_pct")
                recorded[sym] = pct
            ceiling, places = _guaranteed_limit(found)
            entry.update(max=ctx.num(ceiling, places), status=pass_word)
        entries.append(entry)
    ctx.set("composition_pct", recorded)

    # the tests in the order of their first component, the components grouped under them
    order = list(dict.fromkeys(e["technique"] for e in entries))
    entries.sort(key=lambda e: order.index(e["technique"]))
    test_codes = {t: str(ctx.pick(TESTS[t][0])) for t in order}
    sop = {t: f"{ctx.pick(('SOP', 'LAB-M', 'QC-TM'))}-{rng.randrange(1, 60):03d}" for t in order}
    spec_cols = [("min", say("min")), ("max", say("max"))] if split_spec else [("spec", say("specification"))]
    orders = {
        "column": (("test", "component", "result", "units", "SPEC", "status"),
                   ("test", "component", "units", "SPEC", "result", "status")),
        "header": (("component", "result", "units", "SPEC", "status"),
                   ("component", "units", "SPEC", "result", "status")),
        "flat": (("component", "method", "units", "SPEC", "result", "status"),
                 ("component", "result", "units", "SPEC", "status", "method")),
    }  # fmt: skip
    titles = {"test": say("test"), "component": say("component"), "result": say("result"), "units": say("units"),
              "status": say("status"), "method": say("method")}  # fmt: skip
    columns: list[tuple[str, str]] = []
    for key in ctx.pick(orders[grouping]):
        columns += spec_cols if key == "SPEC" else [(key, titles[key])]
    share = {"test": 0.2, "component": 0.22, "result": 0.13, "units": 0.08, "spec": 0.17, "min": 0.1, "max": 0.1,
             "status": 0.12, "method": 0.2}  # fmt: skip
    total = sum(share[key] for key, _ in columns)
    widths = {key: w * share[key] / total for key, _ in columns}
    right = {"result", "spec", "min", "max"}
    tsize = size - 0.2
    tstep = tsize * 0.45 * k
    sh.hline(x, ctx.right, y, 0.6)
    shaded = rng.random() < 0.5
    if shaded:
        sh.rect(x, y, w, 5.6, 0.01, fill=0.88)
    cx = x
    for key, title in columns:
        tx = cx + widths[key] - 1.2 if key in right else cx + 1.2
        sh.text(tx, y + 4, title, tsize - 0.2, bold=True, kind="label", align="right" if key in right else "left",
                max_w=widths[key] - 2.4)  # fmt: skip
        cx += widths[key]
    y += 5.6
    sh.hline(x, ctx.right, y, 0.5)
    y += 0.8
    current = ""
    for entry in entries:
        technique = entry["technique"]
        first = technique != current
        if first and grouping == "header":
            if current:  # a thin rule between groups
                sh.hline(x, ctx.right, y - 0.2, 0.2)
            label = f"{test_codes[technique]} - {TESTS[technique][1][lang]}"
            sh.text(x + 1.2, y + tstep + 0.3, label, tsize - 0.2, bold=True, kind="label", max_w=w - 3)
            y += tstep + 1.2
        cells = dict(entry)
        cells["test"] = test_codes[technique] if first else ""
        cells["method"] = f"{sop[technique]} ({technique})"
        # one column words the limit ('min. 99.65', 'NMT 0.05'); Min. and Max. columns hold the bare numbers
        cells["spec"] = spec_min.format(v=entry["min"]) if entry["min"] else \
            spec_max.format(v=entry["max"]) if entry["max"] else ""  # fmt: skip
        ty = y + tstep + 0.4
        cx = x
        for key, _ in columns:
            text = cells.get(key, "")
            name = entry["field"] if key == "result" and entry["field"] else None
            tx = cx + widths[key] - 1.2 if key in right else cx + 1.2
            sh.text(tx, ty, text, tsize, bold=key == "result" and bool(name), kind="value" if name else "static",
                    field=name, align="right" if key in right else "left", max_w=widths[key] - 2.4)  # fmt: skip
            cx += widths[key]
        y = ty + 1.6 * k
        current = technique
    sh.hline(x, ctx.right, y, 0.5)
    y += 4.5 * k

    # ----- legend, conclusion, electronic approval, print line -----
    legend = say("legend").format(nd=nd_word)
    if spec_min.startswith("NLT"):
        legend += " " + say("nlt")
    notes = [legend] if under_left < under_limit or rng.random() < 0.5 else []
    notes.append(say("fails").format(mark=fail_word) if fails else say("conforms"))
    for note in notes:
        y = sh.para(x, y, note, w, size - 0.8, step * 0.9) + 0.8
    y += 3 * k
    approve_min = rng.randrange(9 * 60, 19 * 60)
    when = _when(ctx, lang, s.assay_date, approve_min, system_dates)
    if rng.random() < 0.45:
        reviewer = str(ctx.pick(REVIEWERS))
        review_when = _when(ctx, lang, s.assay_date, max(approve_min - rng.randrange(20, 300), 8 * 60), system_dates)
        y = sh.para(x, y, say("reviewed").format(name=reviewer, when=review_when), w, size - 0.4, step) + 0.8
    approval = say("approved").format(name=lab.person, title=lab.title, when=when)
    y = sh.para(x, y, approval, w, size, step, bold=True) + 0.5
    if rng.random() < 0.6:
        y = sh.para(x, y, say("meaning"), w, size - 0.8, step) + 0.5
    y = sh.para(x, y + 1.5, say("valid"), w, size - 1, step) + 1
    printed = say("printed").format(when=_when(ctx, lang, s.assay_date + timedelta(days=rng.randrange(0, 3)),
                                               rng.randrange(8 * 60, 18 * 60), system_dates),
                                    user=f"{lab.person.split()[-1].upper()[:6]}{rng.randrange(1, 9)}",
                                    template=ctx.pick(TEMPLATES))  # fmt: skip
    # the template's print line at the foot of the page, clear of the text above it
    if y > sh.height - 24:
        return sh.height
    sh.hline(x, ctx.right, sh.height - 20, 0.3)
    sh.text(x, sh.height - 17, printed, 6.6, max_w=w * 0.75)
    if not page_on_top:
        sh.text(ctx.right, sh.height - 17, say("page"), 6.6, align="right")
    return sh.height - 16
