"""`ship_notice`: the advance ship notice the exporter transmits by EDI, printed from the translator's document
view and sent as the packing list, added after the extractors were built (no extractor was changed for it).

An exporter trading by EDI sends the shipment's contents as an advance ship notice before the goods arrive:
an ANSI X12 856 Ship Notice/Manifest to a North-American buyer, an EDIFACT DESADV despatch advice elsewhere. The
translator's printout shows the message as a tree of hierarchical levels rather than as a form:

* the application's title ('Ship Notice/Manifest (856)', 'Advance Ship Notice', 'DESADV - Despatch Advice') with
  the interchange's sender and receiver IDs, control numbers and the date and time it was transmitted;
* the shipment level (X12 HL 'S', EDIFACT CPS 1): the notice's number and date (BSN, BGM), packaging code and
  lading quantity with the gross weight (TD1, PAC and MEA), the net weight, carrier and means of transport (TD5,
  TDT), bill of lading (REF BM, RFF BM), dates shipped and of estimated delivery (DTM 011 / 017, DTM 11 / 17),
  ports (LOC 9 / 11), the ship-from and ship-to parties (N1 SF / ST, NAD SU / DP);
* the order level (HL 'O'): the buyer's order (PRF, RFF ON) and the commercial invoice (REF IV, RFF IV);
* one item level per lot (HL 'I', LIN): the lot number (LIN 'LT', PIA 'NB'), the product code, the quantity
  shipped in kilograms (SN1, QTY 12), packs and description (PO4, PID, IMD);
* under each item its packs (HL 'P', CPS 3...) with their marks and gross weights, several to a line;
* the control totals (CTT, CNT): the number of levels or lines and the hash total of quantities.

Each row gives the level, the raw segment as transmitted, the element's meaning and its value. The X12 notice is
printed in English; the EDIFACT one in English, Spanish, French (a Belgian exporter) or Portuguese (a Brazilian
buyer) as the translator words its captions. Every value a field records is drawn with kind="value"; the
title, optional segments, columns, rules and spacing vary per document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from samplegen.facts import Lot
from samplegen.formatting import quantize
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx, draw_to_fit

# Buyers' countries whose trade runs on X12; EDIFACT elsewhere.
X12_COUNTRIES = frozenset({"US", "CA", "MX"})

CAPTIONS: dict[str, dict[str, str]] = {
    "en": {
        "title_x12": "Ship Notice/Manifest (856)", "title_edi": "DESADV - Despatch Advice",
        "title_alt": "Advance Ship Notice", "sender": "Sender ID", "receiver": "Receiver ID",
        "control": "Interchange control no.", "sent": "Transmitted", "status": "Status", "accepted": "Accepted (997)",
        "level": "Level", "segment": "Segment", "element": "Element", "value": "Value",
        "shipment": "Shipment", "order": "Order", "item": "Item", "pack": "Packs",
        "notice_no": "Ship notice number", "notice_date": "Notice date", "structure": "Hierarchical structure",
        "lading": "Lading quantity", "gross": "Gross weight", "net": "Net weight", "carrier": "Carrier / vessel",
        "bl": "Bill of lading number", "shipped": "Date shipped", "eta": "Estimated delivery",
        "loading": "Port of loading", "discharge": "Port of discharge", "ship_from": "Ship from",
        "ship_to": "Ship to", "po": "Purchase order number", "invoice": "Invoice number", "lot": "Lot number",
        "product": "Vendor's part number", "qty": "Quantity shipped", "packs": "Packs", "description": "Description",
        "count": "Number of levels / lines", "hash": "Hash total (quantity)", "marks": "Marks",
    },
    "es": {
        "title_x12": "Aviso de embarque (856)", "title_edi": "DESADV - Aviso de expedición",
        "title_alt": "Aviso anticipado de embarque", "sender": "ID emisor", "receiver": "ID receptor",
        "control": "N.º de control de intercambio", "sent": "Transmitido", "status": "Estado",
        "accepted": "Aceptado (CONTRL)", "level": "Nivel", "segment": "Segmento", "element": "Elemento",
        "value": "Valor", "shipment": "Embarque", "order": "Pedido", "item": "Artículo", "pack": "Bultos",
        "notice_no": "Número de aviso", "notice_date": "Fecha del aviso", "structure": "Estructura jerárquica",
        "lading": "Número de bultos", "gross": "Peso bruto", "net": "Peso neto", "carrier": "Transportista / buque",
        "bl": "Número de conocimiento de embarque", "shipped": "Fecha de embarque", "eta": "Entrega estimada",
        "loading": "Puerto de carga", "discharge": "Puerto de descarga", "ship_from": "Expedidor",
        "ship_to": "Destinatario", "po": "Número de pedido", "invoice": "Número de factura", "lot": "Número de lote",
        "product": "Código del proveedor", "qty": "Cantidad expedida", "packs": "Bultos",
        "description": "Descripción", "count": "Número de líneas", "hash": "Total de control (cantidad)",
        "marks": "Marcas",
    },
    "fr": {
        "title_x12": "Avis d'expédition (856)", "title_edi": "DESADV - Avis d'expédition",
        "title_alt": "Avis d'expédition anticipé", "sender": "ID émetteur", "receiver": "ID destinataire",
        "control": "N° de contrôle de l'interchange", "sent": "Transmis le", "status": "Statut",
        "accepted": "Accepté (CONTRL)", "level": "Niveau", "segment": "Segment", "element": "Élément",
        "value": "Valeur", "shipment": "Expédition", "order": "Commande", "item": "Article", "pack": "Colis",
        "notice_no": "Numéro de l'avis", "notice_date": "Date de l'avis", "structure": "Structure hiérarchique",
        "lading": "Nombre de colis", "gross": "Poids brut", "net": "Poids net", "carrier": "Transporteur / navire",
        "bl": "Numéro du connaissement", "shipped": "Date d'expédition", "eta": "Livraison prévue",
        "loading": "Port de chargement", "discharge": "Port de déchargement", "ship_from": "Expéditeur",
        "ship_to": "Lieu de livraison", "po": "Numéro de commande", "invoice": "Numéro de facture",
        "lot": "Numéro de lot", "product": "Code article fournisseur", "qty": "Quantité expédiée", "packs": "Colis",
        "description": "Désignation", "count": "Nombre de lignes", "hash": "Total de contrôle (quantité)",
        "marks": "Marques",
    },
    "pt": {
        "title_x12": "Aviso de embarque (856)", "title_edi": "DESADV - Aviso de expedição",
        "title_alt": "Aviso antecipado de embarque", "sender": "ID remetente", "receiver": "ID destinatário",
        "control": "N.º de controle do intercâmbio", "sent": "Transmitido em", "status": "Situação",
        "accepted": "Aceito (CONTRL)", "level": "Nível", "segment": "Segmento", "element": "Elemento",
        "value": "Valor", "shipment": "Embarque", "order": "Pedido", "item": "Item", "pack": "Volumes",
        "notice_no": "Número do aviso", "notice_date": "Data do aviso", "structure": "Estrutura hierárquica",
        "lading": "Quantidade de volumes", "gross": "Peso bruto", "net": "Peso líquido",
        "carrier": "Transportador / navio", "bl": "Número do conhecimento de embarque", "shipped": "Data de embarque",
        "eta": "Entrega prevista", "loading": "Porto de embarque", "discharge": "Porto de descarga",
        "ship_from": "Expedidor", "ship_to": "Local de entrega", "po": "Número do pedido",
        "invoice": "Número da fatura", "lot": "Número do lote", "product": "Código do fornecedor",
        "qty": "Quantidade expedida", "packs": "Volumes", "description": "Descrição", "count": "Número de linhas",
        "hash": "Total de controle (quantidade)", "marks": "Marcas",
    },
}  # fmt: skip


@dataclass
class Row:
    """One element of the notice as the printout shows it: its level (0 shipment, 1 order, 2 item), the raw
    segment, the caption key and the value, with the field the value records."""

    depth: int
    segment: str
    caption: str
    value: str
    field: str | None = None
    bold: bool = False


def ship_notice(ctx: Ctx, lots: list[Lot]) -> None:
    draw_to_fit(ctx, lambda c, squeeze: _draw(c, lots, squeeze), "ship notice", tries=5)


def _num(value: Decimal, places: int) -> str:
    """A number as the EDI message carries it: a point, no thousands separator."""
    return f"{quantize(value, places):.{places}f}"


def _draw(ctx: Ctx, lots: list[Lot], squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    x12 = s.buyer.country in X12_COUNTRIES
    lang = "en" if x12 else fl.language(ctx, french_share=0.6)
    cap = CAPTIONS[lang]
    k = 1 - 0.1 * squeeze
    size = ctx.jitter(7.8, 0.25) - 0.3 * squeeze
    step = size * 0.45
    ingot = s.product == "ingot"

    # ----- the notice's numbers and totals, decided before anything is drawn -----
    n_packages = sum(lot.packages for lot in lots)
    net = sum((lot.net_kg for lot in lots), Decimal(0))
    gross = sum((lot.gross_kg for lot in lots), Decimal(0))
    places = int(ctx.pick((0, 1, 2, 3)))
    if any(v % 1 for lot in lots for v in (*lot.package_nets, *lot.package_gross)):
        places = max(places, 1)
    unit = "KG" if x12 else "KGM"  # the unit code the message carries
    sent = s.departure_date - timedelta(days=rng.randrange(0, 2))
    sent_time = f"{rng.randrange(6, 22):02d}{rng.randrange(60):02d}"
    eta = s.departure_date + timedelta(days=rng.randrange(18, 40))
    control = f"{rng.randrange(1, 999999999):09d}"
    sender = f"{''.join(p[0] for p in s.seller.name.split()[:3]).upper()}{rng.randrange(1000, 9999)}"
    receiver = f"{''.join(p[0] for p in s.buyer.name.split()[:3]).upper()}{rng.randrange(100, 999)}"
    po = s.buyer_po or f"PO{rng.randrange(10000, 99999)}"
    grade = str(s.grade_pct).replace(".", "")
    part = f"SB-ING-{grade}" if ingot else f"ATO-{grade}"
    sea = s.transport == "Sea"
    scac = "".join(ctx.pick("ABCDEFGHJKLMNPRSTUWXYZ") for _ in range(4))  # the carrier's code
    iso_day = sent.strftime("%Y%m%d")
    ship_to = f"{s.buyer.name}, {s.buyer.lines[-1]}, {fl.country(ctx, lang, s.buyer.country)}"

    ctx.set("package_count", n_packages)
    ctx.set("net_weight_kg", float(quantize(net, places)))
    ctx.set("gross_weight_kg", float(quantize(gross, places)))
    ctx.set("invoice_number", s.pl_invoice_ref)
    ctx.set("lot_numbers", [lot.number for lot in lots])

    rows: list[Row] = []
    if x12:
        pack_code = "BDL90" if ingot else "PLT94"
        mode = "S" if sea else ("R" if s.transport.startswith("Rail") else "M")
        rows += [
            Row(0, f"BSN*00*{s.pl_no}*{iso_day}*{sent_time}*0001", "notice_no", s.pl_no),
            Row(0, "", "notice_date", fl.day(ctx, lang, sent)),
            Row(0, f"TD1*{pack_code}*{n_packages}", "lading", f"{n_packages} {pack_code}", "package_count"),
            Row(0, f"TD1*****G*{_num(gross, places)}*KG", "gross", f"{ctx.num(gross, places)} {unit}",
                "gross_weight_kg"),
            Row(0, f"MEA*PD*N*{_num(net, places)}*KG", "net", f"{ctx.num(net, places)} {unit}", "net_weight_kg"),
            Row(0, f"TD5**2*{scac}*{mode}", "carrier", fl.vehicle(ctx, lang)),
        ]  # fmt: skip
        if sea:
            rows.append(Row(0, f"REF*BM*{s.bl_no}", "bl", s.bl_no))
        rows += [
            Row(0, f"DTM*011*{s.departure_date:%Y%m%d}", "shipped", fl.day(ctx, lang, s.departure_date)),
            Row(0, f"DTM*017*{eta:%Y%m%d}", "eta", fl.day(ctx, lang, eta)),
            Row(0, "N1*SF", "ship_from", f"{s.seller.name}, {fl.country(ctx, lang, s.seller.country)}"),
            Row(0, "N1*ST", "ship_to", ship_to),
            Row(1, f"PRF*{po}", "po", po),
            Row(1, f"REF*IV*{s.pl_invoice_ref}", "invoice", s.pl_invoice_ref, "invoice_number", True),
        ]  # fmt: skip
    else:
        pack_code = "BE" if ingot else "PX"
        mode = "1" if sea else ("2" if s.transport.startswith("Rail") else "3")
        rows += [
            Row(0, f"BGM+351+{s.pl_no}+9", "notice_no", s.pl_no),
            Row(0, f"DTM+137:{iso_day}:102", "notice_date", fl.day(ctx, lang, sent)),
            Row(0, f"RFF+ON:{po}", "po", po),
            Row(0, f"RFF+IV:{s.pl_invoice_ref}", "invoice", s.pl_invoice_ref, "invoice_number", True),
        ]
        if sea:
            rows.append(Row(0, f"RFF+BM:{s.bl_no}", "bl", s.bl_no))
        rows += [
            Row(0, f"DTM+11:{s.departure_date:%Y%m%d}:102", "shipped", fl.day(ctx, lang, s.departure_date)),
            Row(0, f"DTM+17:{eta:%Y%m%d}:102", "eta", fl.day(ctx, lang, eta)),
            Row(0, "NAD+SU", "ship_from", f"{s.seller.name}, {fl.country(ctx, lang, s.seller.country)}"),
            Row(0, "NAD+DP", "ship_to", ship_to),
            Row(0, f"TDT+20++{mode}", "carrier", fl.vehicle(ctx, lang)),
            Row(0, "LOC+9", "loading", s.place_loading),
            Row(0, "LOC+11", "discharge", s.place_discharge),
            Row(0, f"CPS+1 / PAC+{n_packages}++{pack_code}", "lading", fl.packages(ctx, lang, n_packages),
                "package_count"),
            Row(0, f"MEA+PD+AAB+KGM:{_num(gross, places)}", "gross", f"{ctx.num(gross, places)} {unit}",
                "gross_weight_kg"),
            Row(0, f"MEA+PD+AAA+KGM:{_num(net, places)}", "net", f"{ctx.num(net, places)} {unit}", "net_weight_kg"),
        ]  # fmt: skip
    if rng.random() < 0.4:  # some translators sort the shipment's references after the parties
        head = [r for r in rows if r.depth == 0]
        rows = head[:2] + sorted(head[2:], key=lambda r: r.caption in ("po", "invoice", "bl")) + \
            [r for r in rows if r.depth]  # fmt: skip

    # ----- the items (one per lot) and their packs -----
    item_rows: list[tuple[list[Row], list[tuple[str, str]]]] = []
    first_pack = 1
    description = fl.description(ctx, lang)
    for i, lot in enumerate(lots):
        items: list[Row] = []
        if x12:
            items.append(Row(2, f"LIN**VP*{part}*LT*{lot.number}", "lot", lot.number, "lot_numbers", True))
            items.append(Row(2, f"SN1**{_num(lot.net_kg, places)}*KG", "qty", f"{ctx.num(lot.net_kg, places)} {unit}"))
            items.append(Row(2, f"PO4*{lot.packages}", "packs", fl.packages(ctx, lang, lot.packages)))
            if i == 0 or rng.random() < 0.3:
                items.append(Row(2, "PID*F****", "description", description))
        else:
            items.append(Row(2, f"LIN+{i + 1}++{part}:SA", "product", part))
            items.append(Row(2, f"PIA+1+{lot.number}:NB", "lot", lot.number, "lot_numbers", True))
            items.append(Row(2, f"QTY+12:{_num(lot.net_kg, places)}:KGM", "qty",
                             f"{ctx.num(lot.net_kg, places)} {unit}"))  # fmt: skip
            if i == 0 or rng.random() < 0.3:
                items.append(Row(2, "IMD+F++:::", "description", description))
        packs = []
        for j, pg in enumerate(lot.package_gross):
            mark = f"{first_pack + j:03d}"
            packs.append((mark, f"{ctx.num(pg, places)}"))
        first_pack += lot.packages
        item_rows.append((items, packs))

    # ----- the head: title, interchange, status -----
    title = cap["title_x12"] if x12 else cap[str(ctx.pick(("title_edi", "title_alt")))]
    y = ctx.jitter(14, 0.8)
    sh.text(x, y, title, ctx.jitter(14, 0.6), bold=True, max_w=w * 0.62)
    sh.text(ctx.right, y, s.seller.name, size, bold=True, align="right", max_w=w * 0.36)
    y += 5 * k
    meta = [
        (cap["sender"], sender),
        (cap["receiver"], receiver),
        (cap["control"], control),
        (cap["sent"], f"{fl.day(ctx, lang, sent)} {sent_time[:2]}:{sent_time[2:]}"),
    ]
    if rng.random() < 0.6:
        meta.append((cap["status"], cap["accepted"]))
    mx = x
    for label, value in meta:
        lw = sh.text(mx, y, f"{label}:", size - 0.8, kind="label") + 1.2
        vw = sh.text(mx + lw, y, value, size - 0.6)
        mx += lw + vw + 5
        if mx > ctx.right - 45:
            mx = x
            y += step
    y += step + 1.5 * k
    sh.hline(x, ctx.right, y - 2, 0.6)
    y += 2.5 * k

    # ----- the tree: level, segment, element, value -----
    fr = [0.15, 0.28, 0.25, 0.32]
    cw = [f * w for f in fr]
    cols = [x, x + cw[0], x + cw[0] + cw[1], x + cw[0] + cw[1] + cw[2]]
    shade = ctx.pick((0.88, 0.92, None))
    head_h = step + 2.4
    sh.rect(x, y, w, head_h, 0.5, fill=shade)
    for cx, key in zip(cols, ("level", "segment", "element", "value"), strict=True):
        sh.text(cx + 1.2, y + head_h - 1.4, cap[key], size, bold=True, kind="label")
    y += head_h + step + 0.6
    row_h = step + 0.55 * k
    ruled = rng.random() < 0.5
    level_words = {0: cap["shipment"], 1: cap["order"], 2: cap["item"]}
    hl = 0

    def level_band(depth: int, parent: int | None, code: str) -> None:
        nonlocal y, hl
        hl += 1
        label = (
            f"HL {hl}{f' / {parent}' if parent else ''} {code}"
            if x12
            else f"CPS {hl}{f' / {parent}' if parent else ''}"
        )
        y += 1.0
        sh.rect(x, y - step - 0.7, w, step + 1.7, 0.2, fill=0.95 if shade else None)
        sh.text(x + 1.2 + 3 * depth, y, label, size - 0.3, bold=True, max_w=cw[0] + cw[1])
        sh.text(cols[2] + 1.2, y, level_words[depth], size - 0.3, bold=True)
        y += row_h + 0.6

    def put(r: Row) -> None:
        nonlocal y
        sh.text(cols[1] + 1.2 + 2 * r.depth, y, r.segment, size - 1.2, max_w=cw[1] - 2 - 2 * r.depth)
        sh.text(cols[2] + 1.2, y, cap[r.caption], size - 0.5, kind="label", max_w=cw[2] - 2)
        kind = "value" if r.field else "static"
        # a long value (a party's name and address) wraps in its column; a field's value stays on one line
        parts = [r.value] if r.field else sh.wrap(r.value, cw[3] - 2, size)
        for j, part in enumerate(parts):
            sh.text(cols[3] + 1.2, y + j * step, part, size, r.bold, kind, r.field, max_w=cw[3] - 2)
        y += (len(parts) - 1) * step
        if ruled:
            sh.hline(x, ctx.right, y + 1.2, 0.15)
        y += row_h

    level_band(0, None, "S")
    for r in rows:
        if r.depth == 0:
            put(r)
    order_hl = hl + 1
    if x12:
        level_band(1, 1, "O")
        for r in rows:
            if r.depth == 1:
                put(r)
    pack_word = cap["pack"]
    for items, packs in item_rows:
        level_band(2, order_hl if x12 else 1, "I")
        for r in items:
            put(r)
        # the packs under their item, several to a line: mark and gross weight
        per_line = 4 if w > 170 else 3
        sh.text(cols[1] + 5, y, f"{pack_word} ({'HL P' if x12 else 'CPS'}): {cap['marks']} / {cap['gross']} ({unit})",
                size - 1.3, kind="label", max_w=cw[1] + cw[2])  # fmt: skip
        y += row_h - 0.3
        pw = (ctx.right - cols[1] - 5) / per_line
        for start in range(0, len(packs), per_line):
            for j, (mark, weight) in enumerate(packs[start : start + per_line]):
                sh.text(cols[1] + 5 + j * pw, y, f"{mark}   {weight}", size - 1.1, max_w=pw - 2)
            y += step
        hl += len(packs)
        y += 0.8 * k

    # ----- the control totals -----
    y += 1.0
    sh.hline(x, ctx.right, y - step - 0.4, 0.5)
    count = hl if x12 else sum(len(items) for items, _ in item_rows)
    total_rows = [
        Row(0, f"CTT*{count}*{_num(net, places)}" if x12 else f"CNT+2:{len(lots)}", "count",
            str(count if x12 else len(lots))),
    ]  # fmt: skip
    if x12:
        total_rows.append(Row(0, "", "hash", _num(net, places)))
    for r in total_rows:
        put(r)
    return y + 2
