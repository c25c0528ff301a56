"""An independent inspection company's certificate of weight and quality (`weight_quality`), added after the
extractors were built (no extractor was changed for it).

The certificate a surveyor issues at the port or plant of loading when the contract or the documentary credit
asks for 'certificates of quality and weight issued by an independent surveyor at the loading port': the
company's letterhead with the certificate number, place and date in a box at the right; the title; a sentence
saying that, at the request of the client, its surveyors attended the weighing and sampling of the consignment; the
particulars (commodity, brand or producer, lot, shipper, conveyance, packing); then numbered sections, '1. Weight'
with the lot's packages, gross, tare and net weight in a small table, '2. Sampling' with how the lot was sampled
(ingots drilled at random, the drillings mixed and split into sealed samples) and '3. Analysis' with the results in
two side-by-side blocks (Element | Result | Unit, twice), a trace element under the method's detection limit
printed as '< limit' and not as a value; the standing reservation that the certificate reflects the findings at
the time and place of the intervention only; the signature 'for and on behalf of' the company with its stamp.

Captions and sentences come in English, Spanish, French (a Belgian exporter's paperwork) or Portuguese (goods for a
Brazilian buyer). The ground truth records the composition as printed: an element reported only as under its
detection limit has no value on the page and is not recorded. The wording, the particulars' order, the columns of
the weight table and the spacing vary per document.
"""

from __future__ import annotations

import math
from decimal import Decimal

from samplegen.draw import MM, Cell, Column
from samplegen.layouts import four_languages as fl
from samplegen.layouts.assay_forms import Row
from samplegen.layouts.common import Ctx

# Detection limits in ppm of the trace elements a laboratory may report as '< limit' (ICP-MS / CV-AAS practice for
# high-purity antimony); an element is printed so only when its content lies under the limit chosen.
DETECTION_LIMITS_PPM = {"Au": ("0.5", "1"), "Hg": ("0.5", "1"), "Cd": ("0.5", "1"), "Se": ("1", "2")}
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("CERTIFICATE OF WEIGHT AND QUALITY", "CERTIFICATE OF QUALITY AND WEIGHT",
                  "CERTIFICATE OF WEIGHT, SAMPLING AND ANALYSIS"),
        "number": ("Certificate No.", "Our ref.", "Certificate No.:"),
        "place_date": ("Place and date of issue",),
        "attended": ("At the request of {client} our surveyors attended at {place} on {day} the weighing and "
                     "sampling of the consignment described below, and we hereby certify as follows.",
                     "We hereby certify that, as requested by {client}, we attended at {place} on {day} the "
                     "weighing and sampling of the following consignment:"),
        "commodity": ("Commodity", "Material"),
        "brand": ("Brand / Producer", "Producer", "Brand"),
        "lot": ("Lot No.", "Lot", "Lot number"),
        "shipper": ("Shipper", "Client"),
        "conveyance": ("Vessel / Conveyance", "Means of transport"),
        "packing": ("Packing",),
        "weight": ("1. WEIGHT", "1. WEIGHING"),
        "packages": ("Packages",),
        "gross": ("Gross weight (kg)", "Gross (kg)"),
        "tare": ("Tare (kg)",),
        "net": ("Net weight (kg)", "Net (kg)"),
        "weighed": ("Weighed package by package on a calibrated platform scale in our presence.",
                    "Each package was weighed on a certified scale in the presence of our surveyor."),
        "sampling": ("2. SAMPLING",),
        "sampled": ("{share} of the ingots of the lot were drilled at random; the drillings were mixed, reduced and "
                    "divided into four sealed samples: one for analysis, one for the shipper, one for the buyer "
                    "and one retained by us for three months.",
                    "Samples were taken at random from {share} of the packages; the composite was homogenised and "
                    "split into sealed samples for analysis, the parties and reference."),
        "sampled_bags": ("Increments were taken with a sampling spear from {share} of the bags at random; the "
                         "composite was homogenised and divided into four sealed samples: one for analysis, one for "
                         "the shipper, one for the buyer and one retained by us.",),
        "analysis": ("3. ANALYSIS", "3. RESULTS OF ANALYSIS"),
        "element": ("Element",),
        "result": ("Result",),
        "unit": ("Unit",),
        "under": ("'<': under the method's detection limit.", "'<' = below the limit of detection."),
        "basis": ("Results on the sample as received; Sb by titration, impurities by ICP-OES / ICP-MS.",
                  "Methods: Sb by potassium bromate titration, other elements by ICP-OES; as-received basis."),
        "reserve": ("This certificate reflects our findings at the time and place of our intervention only and "
                    "does not relieve the parties of their contractual obligations.",),
        "behalf": ("For and on behalf of", "Signed for"),
    },
    "es": {
        "title": ("CERTIFICADO DE PESO Y CALIDAD", "CERTIFICADO DE CALIDAD Y PESO",
                  "CERTIFICADO DE PESO, MUESTREO Y ANÁLISIS"),
        "number": ("Certificado Nº", "Nuestra ref."),
        "place_date": ("Lugar y fecha de emisión",),
        "attended": ("A solicitud de {client}, nuestros inspectores asistieron en {place} el {day} al pesaje y "
                     "muestreo de la mercancía descrita a continuación, y certificamos lo siguiente.",),
        "commodity": ("Mercancía", "Producto"),
        "brand": ("Marca / Productor", "Productor"),
        "lot": ("Lote Nº", "Lote"),
        "shipper": ("Embarcador", "Cliente"),
        "conveyance": ("Buque / Medio de transporte",),
        "packing": ("Embalaje",),
        "weight": ("1. PESO", "1. PESAJE"),
        "packages": ("Bultos",),
        "gross": ("Peso bruto (kg)",),
        "tare": ("Tara (kg)",),
        "net": ("Peso neto (kg)",),
        "weighed": ("Pesado bulto por bulto en báscula de plataforma calibrada en presencia de nuestro inspector.",),
        "sampling": ("2. MUESTREO",),
        "sampled": ("Se taladró al azar el {share} de los lingotes del lote; las virutas se mezclaron, redujeron y "
                    "dividieron en cuatro muestras selladas: análisis, embarcador, comprador y archivo.",),
        "sampled_bags": ("Se extrajeron incrementos con sonda del {share} de los sacos al azar; la muestra compuesta "
                         "se homogeneizó y dividió en cuatro muestras selladas: análisis, embarcador, comprador y "
                         "archivo.",),
        "analysis": ("3. ANÁLISIS", "3. RESULTADOS DEL ANÁLISIS"),
        "element": ("Elemento",),
        "result": ("Resultado",),
        "unit": ("Unidad",),
        "under": ("'<': inferior al límite de detección del método.",),
        "basis": ("Resultados sobre la muestra tal como se recibió; Sb por volumetría, impurezas por ICP-OES.",),
        "reserve": ("El presente certificado refleja nuestras comprobaciones en el momento y lugar de nuestra "
                    "intervención y no exime a las partes de sus obligaciones contractuales.",),
        "behalf": ("Por y en nombre de",),
    },
    "fr": {
        "title": ("CERTIFICAT DE POIDS ET DE QUALITÉ", "CERTIFICAT DE QUALITÉ ET DE POIDS"),
        "number": ("Certificat n°", "Notre réf."),
        "place_date": ("Lieu et date d'émission",),
        "attended": ("À la demande de {client}, nos inspecteurs ont assisté à {place}, le {day}, à la pesée et à "
                     "l'échantillonnage de la marchandise décrite ci-dessous ; nous certifions ce qui suit.",),
        "commodity": ("Marchandise", "Produit"),
        "brand": ("Marque / Producteur", "Producteur"),
        "lot": ("Lot n°", "Lot"),
        "shipper": ("Chargeur", "Client"),
        "conveyance": ("Navire / Moyen de transport",),
        "packing": ("Emballage",),
        "weight": ("1. POIDS", "1. PESÉE"),
        "packages": ("Colis",),
        "gross": ("Poids brut (kg)",),
        "tare": ("Tare (kg)",),
        "net": ("Poids net (kg)",),
        "weighed": ("Pesée colis par colis sur bascule étalonnée en présence de notre inspecteur.",),
        "sampling": ("2. ÉCHANTILLONNAGE",),
        "sampled": ("{share} des lingots du lot ont été forés au hasard ; les copeaux ont été mélangés, réduits et "
                    "répartis en quatre échantillons scellés : analyse, chargeur, acheteur et archive.",),
        "sampled_bags": ("Des prélèvements ont été effectués à la sonde dans {share} des sacs pris au hasard ; "
                         "l'échantillon global a été homogénéisé et réparti en quatre échantillons scellés : analyse, "
                         "chargeur, acheteur et archive.",),
        "analysis": ("3. ANALYSE", "3. RÉSULTATS D'ANALYSE"),
        "element": ("Élément",),
        "result": ("Résultat",),
        "unit": ("Unité",),
        "under": ("« < » : inférieur à la limite de détection de la méthode.",),
        "basis": ("Résultats sur l'échantillon tel que reçu ; Sb par titrage, impuretés par ICP-OES.",),
        "reserve": ("Le présent certificat reflète nos constatations au moment et au lieu de notre intervention "
                    "et ne dégage pas les parties de leurs obligations contractuelles.",),
        "behalf": ("Pour et au nom de",),
    },
    "pt": {
        "title": ("CERTIFICADO DE PESO E QUALIDADE", "CERTIFICADO DE QUALIDADE E PESO"),
        "number": ("Certificado nº", "Nossa ref."),
        "place_date": ("Local e data de emissão",),
        "attended": ("A pedido de {client}, nossos inspetores acompanharam em {place}, em {day}, a pesagem e a "
                     "amostragem da mercadoria descrita abaixo, e certificamos o seguinte.",),
        "commodity": ("Mercadoria", "Produto"),
        "brand": ("Marca / Produtor", "Produtor"),
        "lot": ("Lote nº", "Lote"),
        "shipper": ("Embarcador", "Cliente"),
        "conveyance": ("Navio / Meio de transporte",),
        "packing": ("Embalagem",),
        "weight": ("1. PESO", "1. PESAGEM"),
        "packages": ("Volumes",),
        "gross": ("Peso bruto (kg)",),
        "tare": ("Tara (kg)",),
        "net": ("Peso líquido (kg)",),
        "weighed": ("Pesagem volume a volume em balança de plataforma aferida na presença do nosso inspetor.",),
        "sampling": ("2. AMOSTRAGEM",),
        "sampled": ("{share} dos lingotes do lote foram perfurados ao acaso; as limalhas foram misturadas, "
                    "reduzidas e divididas em quatro amostras lacradas: análise, embarcador, comprador e arquivo.",),
        "sampled_bags": ("Foram retirados incrementos com sonda de {share} dos sacos ao acaso; a amostra composta foi "
                         "homogeneizada e dividida em quatro amostras lacradas: análise, embarcador, comprador e "
                         "arquivo.",),
        "analysis": ("3. ANÁLISE", "3. RESULTADOS DA ANÁLISE"),
        "element": ("Elemento",),
        "result": ("Resultado",),
        "unit": ("Unidade",),
        "under": ("'<': abaixo do limite de detecção do método.",),
        "basis": ("Resultados sobre a amostra como recebida; Sb por titulação, impurezas por ICP-OES.",),
        "reserve": ("Este certificado reflete nossas constatações no momento e local da nossa intervenção e não "
                    "exime as partes de suas obrigações contratuais.",),
        "behalf": ("Por e em nome de",),
    },
}  # fmt: skip


def _limit(ctx: Ctx, row: Row) -> str | None:
    """The detection limit a trace element is reported under, in the row's unit, when its content lies under the
    limit drawn (the caller keeps it to two elements per certificate, so that the impurity profile stays on the
    page)."""
    sym, _, unit, pct = row
    if sym not in DETECTION_LIMITS_PPM:
        return None
    ppm = Decimal(ctx.pick(DETECTION_LIMITS_PPM[sym]))
    if Decimal(str(pct)) * 10000 >= ppm:
        return None
    limit = ppm / 10000 if unit == "%" else ppm
    return ctx.num(limit, max(0, -int(limit.normalize().as_tuple().exponent)))


def weight_quality(ctx: Ctx, rows: list[Row]) -> None:
    s, sh = ctx.s, ctx.sheet
    lang = fl.language(ctx, 0.6)
    words = WORDS[lang]

    def say(key: str) -> str:
        return str(ctx.pick(words[key]))

    x, w = ctx.left, ctx.width
    lab = s.lab
    lot = s.assay_lot

    # ----- letterhead and the certificate's number, place and date in a box at the right -----
    sh.text(x, 17, lab.name, ctx.jitter(13, 0.6), bold=True, kind="value", field="laboratory", max_w=w * 0.6)
    sh.text(x, 22, ", ".join([*lab.lines, fl.country(ctx, lang, lab.country)]), 7.4, max_w=w * 0.6)
    sh.text(x, 26, f"Tel. {lab.phone}  {lab.email}", 7.2, max_w=w * 0.6)
    bx, bw = ctx.right - w * 0.36, w * 0.36
    sh.rect(bx, 11, bw, 20, 0.7)
    ctx.set("certificate_number", s.assay_no)
    tw = sh.text(bx + 2, 16.5, say("number"), 8, bold=True, kind="label")
    sh.text(bx + 4 + tw, 16.5, s.assay_no, 9.4, kind="value", field="certificate_number", max_w=bw - tw - 6)
    sh.text(bx + 2, 22.5, say("place_date"), 6.8, kind="label")
    city = lab.city or lab.lines[-1].split(",")[0]
    sh.text(bx + 2, 27, f"{city}, {fl.day(ctx, lang, s.assay_date)}", 8.4, max_w=bw - 4)
    sh.hline(x, ctx.right, 33.5, 0.9)
    y = 42.0
    sh.text(sh.width / 2, y, say("title"), ctx.jitter(13.5, 0.5), bold=True, align="center", max_w=w)
    y += 7

    # ----- the surveyor's attendance and the particulars -----
    attended = say("attended").format(client=s.seller.name, place=s.place_loading,
                                      day=fl.day(ctx, lang, s.assay_date))  # fmt: skip
    y = sh.para(x, y, attended, w, 8.2, leading=3.7) + 2.5
    particulars: list[tuple[str, str, str | None]] = [
        (say("commodity"), fl.description(ctx, lang), None),
        (say("brand"), s.smelter.printed, "smelter_name"),
        (say("lot"), lot.number, "lot_number"),
        (say("shipper"), s.seller.name, None),
        (say("conveyance"), fl.vehicle(ctx, lang), None),
        (say("packing"), fl.packing_text(ctx, lang), None),
    ]
    head, tail = particulars[:3], particulars[3:]
    ctx.rng.shuffle(tail)
    gap = max(sh.text_width(label + ":", 8.2, True) for label, _, _ in particulars) + 3
    for label, value, field in head + tail:
        sh.text(x + 2, y, f"{label}:", 8.2, bold=True, kind="label")
        sh.text(x + 2 + gap, y, value, 8.6, kind="value" if field else "static", field=field, max_w=w - gap - 4)
        y += 4.6
    y += 2.5

    # ----- 1. weight: the lot's packages, gross, tare and net -----
    sh.text(x, y, say("weight"), 9.4, bold=True)
    y += 2.5
    gross = sum(lot.package_gross, Decimal(0))
    net = sum(lot.package_nets, Decimal(0))
    places = ctx.pick((0, 2))
    cols = [Column(say("lot"), w * 0.2), Column(say("packages"), w * 0.16, "right"),
            Column(say("gross"), w * 0.22, "right"), Column(say("tare"), w * 0.18, "right"),
            Column(say("net"), w * 0.24, "right")]  # fmt: skip
    table = [[lot.number, fl.packages(ctx, lang, len(lot.package_nets)), ctx.kg(gross, places),
              ctx.kg(gross - net, places), Cell(ctx.kg(net, places), "static", bold=True)]]  # fmt: skip
    y = sh.table(x, y, cols, table, size=8.2, line_h=3.6, pad=1.2) + 4
    y = sh.para(x, y, say("weighed"), w, 7.8, leading=3.4) + 3

    # ----- 2. sampling -----
    sh.text(x, y, say("sampling"), 9.4, bold=True)
    share = f"{ctx.pick((5, 10, 10, 20))} %"
    sampled = say("sampled" if s.product == "ingot" else "sampled_bags").format(share=share)
    y = sh.para(x, y + 4.5, sampled, w, 7.8, leading=3.4) + 3

    # ----- 3. analysis: two blocks of Element | Result | Unit side by side -----
    sh.text(x, y, say("analysis"), 9.4, bold=True)
    y += 2.5
    limits: dict[str, str] = {}
    for row in rows:
        limit = _limit(ctx, row) if len(limits) < 2 and ctx.rng.random() < 0.7 else None
        if limit is not None:
            limits[row[0]] = limit
    ctx.set("composition_pct", {sym: pct for sym, _, _, pct in rows if sym not in limits})
    half = math.ceil(len(rows) / 2)
    gutter = ctx.jitter(6, 1.5)
    bw = (w - gutter) / 2
    fractions = (0.36, 0.38, 0.26)
    cols = [Column(say("element"), bw * fractions[0]), Column(say("result"), bw * fractions[1], "right"),
            Column(say("unit"), bw * fractions[2])]  # fmt: skip
    size = ctx.jitter(8.2, 0.2)
    bottom_y = y
    for block, chunk in enumerate((rows[:half], rows[half:])):
        cells: list[list[Cell]] = []
        for sym, text, unit, _ in chunk:
            shown_unit = unit if unit == "%" else ctx.pick(("ppm", "ppm", "g/t")) if unit == "ppm" else unit
            if sym in limits:
                value = Cell(f"< {limits[sym]}", "static")
            else:
                value = Cell(text, field="composition_pct", bold=sym == "Sb")
            cells.append([Cell(sym, "label"), value, Cell(shown_unit, "label")])
        bottom_y = max(bottom_y, sh.table(x + block * (bw + gutter), y, cols, cells, size=size, line_h=3.4, pad=1.0))
    y = bottom_y + 4
    if s.sb2o3_pct is not None:
        sh.text(x, y, f"Sb2O3: {ctx.num(s.sb2o3_pct, 2)} %", 8.4)
        y += 4.5
    if limits:
        y = sh.para(x, y, say("under"), w, 7.4, leading=3.2) + 0.6
    y = sh.para(x, y, say("basis"), w, 7.4, leading=3.2) + 2.5
    y = sh.para(x, y, say("reserve"), w, 7.0, leading=3.0) + 5

    # ----- signature and stamp -----
    sx = x + w * ctx.jitter(0.52, 0.04)
    sh.text(sx, y, f"{say('behalf')} {lab.name}", 8, max_w=ctx.right - sx)
    sh.canvas.setLineWidth(0.6)
    sh.canvas.circle((sx - 18) * MM, (sh.height - (y + 12)) * MM, 10 * MM)
    sh.scribble(sx + 4, y + 10, 34, len(s.assay_no))
    sh.hline(sx, sx + 62, y + 14, 0.4)
    sh.text(sx, y + 18, lab.person, 8.4)
    sh.text(sx, y + 22, lab.title, 7.8, max_w=ctx.right - sx)
