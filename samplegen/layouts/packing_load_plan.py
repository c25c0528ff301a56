"""A container load plan (CLP) sent as the packing list of a sea shipment of antimony ingots or trioxide.

The container load plan is the document "prepared to show all details of cargoes loaded in a container, e.g.
weight (individual and total), measurement, markings, shippers, consignees, the origin and destination of
goods", drawn up by the shipper who stuffs a full container load (FCL) or by the container freight station;
exporters of heavy metal cargo send it in place of, or beside, their packing list. This family follows the
shipper's multi-container version:

* a head of ruled, captioned boxes: shipper and consignee on the left; invoice number, date, booking and / or
  bill of lading number, vessel and voyage, port of loading and port of discharge on the right; the shipping
  marks and the description of goods under them;
* one block per container: a band with the container number (ISO 6346, owner code, serial and check digit),
  seal number, size/type ("20'GP", "22G1") and sometimes the tare, then the rows loaded in it (package
  numbers, lot, packages, net and gross kilos, cube in m3) and the container's subtotal;
* the grand total of packages, net, gross and cube in a ruled strip at the foot, with the number of
  containers; "Loaded by" / "Checked by" / "Stuffing date" cells with the signatures.

The packages are split over containers from the shipment's lots the way the other container families derive
them: the fewest 20-foot boxes within a payload limit, the packages spread evenly, in lot order, so a lot may
run over into the next container. English captions; Spanish, or Portuguese where the goods go to or come
from Brazil, when the document's language is Spanish.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from samplegen.draw import Cell, Column
from samplegen.facts import Lot
from samplegen.layouts.common import Ctx

CLP_CAPTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("CONTAINER LOAD PLAN", "CONTAINER LOAD PLAN (CLP)", "CONTAINER LOADING PLAN",
                  "CONTAINER LOAD PLAN / PACKING LIST"),
        "shipper": ("Shipper", "Shipper / Exporter"),
        "consignee": ("Consignee",),
        "invoice": ("Invoice No.", "Commercial Invoice No.", "Inv. No."),
        "date": ("Date", "Date of issue"),
        "booking": ("Booking No.", "Booking Ref."),
        "bl": ("B/L No.", "Bill of Lading No."),
        "plan": ("CLP No.", "Load Plan No."),
        "vessel": ("Vessel / Voyage", "Vessel / Voy. No.", "Ocean Vessel / Voyage"),
        "means": ("Means of transport",),
        "pol_land": ("Place of loading",),
        "pod_land": ("Place of delivery",),
        "pol": ("Port of Loading",),
        "pod": ("Port of Discharge",),
        "marks": ("Shipping Marks", "Marks & Numbers"),
        "goods": ("Description of Goods", "Commodity"),
        "container": ("Container No.", "Cntr No."),
        "seal": ("Seal No.",),
        "type": ("Size / Type", "Size/Type", "Type"),
        "tare": ("Tare",),
        "nos": ("Pkg. Nos.", "Marks & Nos.", "{Package} Nos."),
        "lot": ("Lot No.", "Lot"),
        "pkgs": ("Pkgs", "No. of Pkgs", "Packages"),
        "desc": ("Description",),
        "net": ("Net Wt. (kg)", "N.W. (kg)", "Net kg"),
        "gross": ("Gross Wt. (kg)", "G.W. (kg)", "Gross kg"),
        "cbm": ("Cube (m3)", "CBM", "Meas. (m3)"),
        "subtotal": ("Container total", "Sub-total", "Total this container"),
        "grand": ("GRAND TOTAL", "TOTAL SHIPMENT"),
        "packages": ("Total packages", "No. of packages"),
        "net_total": ("Total net weight", "Net weight"),
        "gross_total": ("Total gross weight", "Gross weight"),
        "cube_total": ("Total cube", "Measurement"),
        "loaded": ("Loaded by", "Stuffed by"),
        "checked": ("Checked by", "Tallied / checked by"),
        "stuffing": ("Stuffing date / place", "Date and place of stuffing"),
        "warehouse": ("Warehouse supervisor", "Loading foreman"),
        "continued": ("(continued)",),
        "slac": ("SHIPPER'S LOAD, STOW AND COUNT", "SHIPPER'S LOAD AND COUNT"),
    },
    "es": {
        "title": ("PLAN DE CARGA DE CONTENEDORES", "PLAN DE CARGA DEL CONTENEDOR (CLP)",
                  "LISTA DE CARGA POR CONTENEDOR", "PLAN DE CARGA / LISTA DE EMPAQUE"),
        "shipper": ("Embarcador", "Embarcador / Exportador"),
        "consignee": ("Consignatario",),
        "invoice": ("Factura No.", "Factura comercial No."),
        "date": ("Fecha", "Fecha de emisión"),
        "booking": ("Booking No.", "Reserva No."),
        "bl": ("B/L No.", "Conocimiento de embarque No."),
        "plan": ("Plan de carga No.", "CLP No."),
        "vessel": ("Buque / Viaje", "Nave / Viaje"),
        "means": ("Medio de transporte",),
        "pol_land": ("Lugar de carga",),
        "pod_land": ("Lugar de entrega",),
        "pol": ("Puerto de carga", "Puerto de embarque"),
        "pod": ("Puerto de descarga", "Puerto de destino"),
        "marks": ("Marcas de embarque", "Marcas y números"),
        "goods": ("Descripción de la mercancía", "Mercancía"),
        "container": ("Contenedor No.", "No. de contenedor"),
        "seal": ("Precinto No.", "Sello No."),
        "type": ("Tamaño / Tipo", "Tipo"),
        "tare": ("Tara",),
        "nos": ("Bultos Nos.", "Marcas y Nos.", "{Package} Nos."),
        "lot": ("Lote No.", "Lote"),
        "pkgs": ("Bultos", "Cant. bultos"),
        "desc": ("Descripción",),
        "net": ("Peso neto (kg)", "P. neto (kg)"),
        "gross": ("Peso bruto (kg)", "P. bruto (kg)"),
        "cbm": ("Volumen (m3)", "M3"),
        "subtotal": ("Total contenedor", "Subtotal"),
        "grand": ("TOTAL GENERAL", "TOTAL EMBARQUE"),
        "packages": ("Total de bultos", "Bultos"),
        "net_total": ("Peso neto total", "Peso neto"),
        "gross_total": ("Peso bruto total", "Peso bruto"),
        "cube_total": ("Volumen total", "Volumen"),
        "loaded": ("Cargado por", "Estibado por"),
        "checked": ("Revisado por", "Verificado por"),
        "stuffing": ("Fecha / lugar de llenado", "Fecha y lugar de carga"),
        "warehouse": ("Jefe de almacén", "Supervisor de carga"),
        "continued": ("(continuación)",),
        "slac": ("CARGADO Y CONTADO POR EL EMBARCADOR",),
    },
    "pt": {
        "title": ("PLANO DE ESTUFAGEM", "ROMANEIO DE ESTUFAGEM", "PLANO DE CARGA DE CONTÊINERES"),
        "shipper": ("Exportador", "Embarcador"),
        "consignee": ("Consignatário",),
        "invoice": ("Fatura No.", "Fatura comercial No."),
        "date": ("Data", "Data de emissão"),
        "booking": ("Booking No.", "Reserva No."),
        "bl": ("B/L No.", "Conhecimento de embarque No."),
        "plan": ("Romaneio No.", "Plano No."),
        "vessel": ("Navio / Viagem",),
        "means": ("Meio de transporte",),
        "pol_land": ("Local de embarque",),
        "pod_land": ("Local de entrega",),
        "pol": ("Porto de embarque",),
        "pod": ("Porto de descarga", "Porto de destino"),
        "marks": ("Marcas de embarque", "Marcas e números"),
        "goods": ("Descrição da mercadoria", "Mercadoria"),
        "container": ("Contêiner No.", "No. do contêiner"),
        "seal": ("Lacre No.",),
        "type": ("Tamanho / Tipo", "Tipo"),
        "tare": ("Tara",),
        "nos": ("Volumes Nos.", "Marcas e Nos."),
        "lot": ("Lote No.", "Lote"),
        "pkgs": ("Volumes", "Qtd. volumes"),
        "desc": ("Descrição",),
        "net": ("Peso líquido (kg)", "P. líquido (kg)"),
        "gross": ("Peso bruto (kg)", "P. bruto (kg)"),
        "cbm": ("Cubagem (m3)", "M3"),
        "subtotal": ("Total do contêiner", "Subtotal"),
        "grand": ("TOTAL GERAL",),
        "packages": ("Total de volumes", "Volumes"),
        "net_total": ("Peso líquido total", "Peso líquido"),
        "gross_total": ("Peso bruto total", "Peso bruto"),
        "cube_total": ("Cubagem total", "Cubagem"),
        "loaded": ("Estufado por", "Carregado por"),
        "checked": ("Conferido por", "Verificado por"),
        "stuffing": ("Data / local da estufagem", "Data e local de estufagem"),
        "warehouse": ("Encarregado do armazém", "Conferente"),
        "continued": ("(continuação)",),
        "slac": ("CARREGADO E CONTADO PELO EMBARCADOR",),
    },
}  # fmt: skip

SHORT_NAMES = {
    ("ingot", "en"): "Antimony ingots",
    ("ingot", "es"): "Lingotes de antimonio",
    ("ingot", "pt"): "Lingotes de antimônio",
    ("trioxide", "en"): "Antimony trioxide",
    ("trioxide", "es"): "Trióxido de antimonio",
    ("trioxide", "pt"): "Trióxido de antimônio",
}
TOTAL_KEYS = frozenset({"packages", "net_total", "gross_total", "cube_total"})
# Container owner (BIC) codes: the carrier's own boxes and the lessors' boxes it puts on the booking.
CARRIER_CODES = ("MSKU", "MRKU", "CMAU", "OOLU", "HLXU", "MEDU", "EGHU", "ONEU")
LESSOR_CODES = ("TGHU", "TCNU", "SEGU", "TRHU", "FCIU", "CAIU", "BMOU", "GESU")
SIZE_TYPES = ("20'GP", "20' GP", "20'DV", "20' DRY", "22G1")
TARES_20 = (2180, 2200, 2220, 2230, 2250, 2300, 2330)  # kg, a 20-foot dry box as marked on its doors
PAYLOAD_LIMITS = (21000, 22000, 24000, 25000)  # kg of cargo the exporter puts in one 20-foot box


def iso6346(owner: str, serial: int) -> str:
    """A container number with its ISO 6346 check digit: letters valued from A=10 skipping multiples of 11,
    each character weighted 2**position, the sum modulo 11 (a remainder of 10 printed as 0)."""
    values: dict[str, int] = {}
    v = 10
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if v % 11 == 0:
            v += 1
        values[letter] = v
        v += 1
    body = f"{owner}{serial:06d}"
    total = sum((values[ch] if ch.isalpha() else int(ch)) * 2**i for i, ch in enumerate(body))
    return f"{body}{total % 11 % 10}"


def _caps(ctx: Ctx) -> dict[str, str]:
    """One wording per caption for this document, in English, Spanish or (goods to or from Brazil)
    Portuguese."""
    s = ctx.s
    if ctx.lang == "es":
        lang = "pt" if "BR" in (s.buyer.country, s.seller.country) else "es"
    else:
        lang = "en"
    # the captions of the totals strip are worded alike ('Total net weight', 'Total gross weight')
    totals = ctx.rng.randrange(2)
    caps = {
        key: options[totals % len(options)] if key in TOTAL_KEYS else ctx.pick(options)
        for key, options in CLP_CAPTIONS[lang].items()
    }
    caps["nos"] = caps["nos"].replace("{Package}", _package_word(ctx, lang, lang != "en").capitalize())
    caps["lang"] = lang
    return caps


def _description(ctx: Ctx, lang: str) -> str:
    s = ctx.s
    if lang != "pt":
        return s.description(lang)
    if s.product == "ingot":
        return f"Lingotes de antimônio metálico, Sb {s.grade_pct}% mín., em bruto"
    return f"Trióxido de antimônio Sb2O3 {s.grade_pct}% mín., grau retardante de chama"


def _package_word(ctx: Ctx, lang: str, plural: bool) -> str:
    if lang == "pt":
        word = "amarrado" if ctx.s.product == "ingot" else "palete"
        return f"{word}s" if plural else word
    return ctx.s.package_word(lang, plural)


def _containers(ctx: Ctx, lots: list[Lot]) -> list[list[tuple[Lot, Decimal, Decimal]]]:
    """The packages in lot order, spread evenly over the fewest 20-foot containers whose cargo stays within the
    exporter's payload limit (and, for pallets, within the twenty a box's floor takes stacked two high)."""
    queue = [(lot, net, gross) for lot in lots for net, gross in zip(lot.package_nets, lot.package_gross, strict=True)]
    limit = Decimal(ctx.pick(PAYLOAD_LIMITS))
    most = len(queue) if ctx.s.product == "ingot" else 20  # twenty pallets fill a 20-foot floor two high
    total = sum((g for _, _, g in queue), Decimal(0))
    k = max(1, -(-int(total) // int(limit)))
    while True:
        base, extra = divmod(len(queue), k)
        sizes = [base + (1 if i < extra else 0) for i in range(k)]
        chunks, start = [], 0
        for size in sizes:
            chunks.append(queue[start : start + size])
            start += size
        fits = all(sum((g for _, _, g in chunk), Decimal(0)) <= limit and len(chunk) <= most for chunk in chunks)
        if fits or k >= len(queue):
            return [chunk for chunk in chunks if chunk]
        k += 1


def _cube_each(ctx: Ctx, lots: list[Lot]) -> Decimal:
    """The outer measurement of one package in m3: a strapped bundle of ingots (about a ton, or half a ton) or a
    shrink-wrapped pallet of bags."""
    s = ctx.s
    if s.product != "ingot":
        return Decimal(ctx.pick(("1.210", "1.331", "1.452")))
    nets = [n for lot in lots for n in lot.package_nets]
    mean = sum(nets, Decimal(0)) / len(nets)
    if mean > 750:
        return Decimal(ctx.pick(("0.210", "0.240", "0.264")))
    return Decimal(ctx.pick(("0.120", "0.132", "0.144")))


def _wrap_lines(ctx: Ctx, lines: list[str], width: float, size: float) -> list[str]:
    """Each line as it fits `width` mm at `size` (shrunk to 6 pt by the sheet), wrapped where it would not."""
    sh = ctx.sheet
    out: list[str] = []
    for line in lines:
        if sh.text_width(line, 6.2) <= width:
            out.append(line)
        else:
            out.extend(sh.wrap(line, width, size))
    return out


def _cell(
    ctx: Ctx,
    x: float,
    y: float,
    w: float,
    h: float,
    caption: str,
    lines: list[str],
    field: str | None = None,
    size: float = 8.4,
    bold: bool = False,
) -> None:
    """A ruled box with its caption small at the top left and the value lines under it."""
    sh = ctx.sheet
    sh.rect(x, y, w, h, 0.5)
    sh.text(x + 1.4, y + 3.0, caption, 6.5, kind="label", max_w=w - 2.8)
    ly = y + 7.0
    for i, line in enumerate(lines):
        sh.text(x + 2.2, ly, line, size, bold=bold, kind="value", field=field if i == 0 else None, max_w=w - 4)
        ly += size * 0.42


def _lines_height(n: int, size: float = 8.4) -> float:
    return 7.0 + (n - 1) * size * 0.42 + 2.4


def load_plan(ctx: Ctx, lots: list[Lot]) -> None:
    """A container load plan drawn as the shipment's packing list: the captioned head, one block per container
    (number, seal, size/type, the lots loaded in it and its subtotal), the grand total at the foot, then who
    loaded and checked the boxes and when they were stuffed."""
    s, sh = ctx.s, ctx.sheet
    c = _caps(ctx)
    lang = c["lang"]
    x, w = ctx.left, ctx.width
    bottom = sh.height - 20
    pages_left = ctx.st.pages - 1

    # ----- letterhead and title -----
    centred = ctx.rng.random() < 0.4
    if centred:
        sh.text(sh.width / 2, 15, c["title"], ctx.jitter(14, 0.5), bold=True, align="center", max_w=w)
        sh.text(sh.width / 2, 20.5, s.seller.name, 9.5, align="center", max_w=w)
        y = 25.0
    else:
        sh.text(x, 15, s.seller.name, 11.5, bold=True, max_w=w * 0.52)
        address = ", ".join([*s.seller.lines, ctx.country(s.seller.country)])
        ay = sh.lines(x, 19.8, sh.wrap(address, w * 0.52, 7.2), 7.2, kind="static", step=3.1, max_w=w * 0.52)
        sh.text(ctx.right, 15, c["title"], ctx.jitter(13, 0.5), bold=True, align="right", max_w=w * 0.46)
        y = ay + 1.1
    y += ctx.jitter(2.5, 0.8)

    # ----- head: shipper and consignee left, references and voyage right -----
    left_w = w * ctx.jitter(0.5, 0.03)
    right_w = w - left_w
    half_r = right_w / 2
    shipper = _wrap_lines(ctx, ctx.party_lines(s.seller), left_w - 4, 8.4)
    consignee = _wrap_lines(ctx, ctx.party_lines(s.buyer), left_w - 4, 8.4)
    ref_mode = ctx.pick(("bl", "booking", "both"))
    booking = _booking(ctx)
    refs: list[tuple[str, str, str | None]] = [
        (c["invoice"], s.pl_invoice_ref, "invoice_number"),
        (c["date"], ctx.date(s.invoice_date), None),
    ]
    if ref_mode == "both":
        refs += [(c["booking"], booking, None), (c["bl"], s.bl_no, None)]
    elif ref_mode == "booking":
        refs += [(c["booking"], booking, None), (c["plan"], s.pl_no, None)]
    else:
        refs += [(c["plan"], s.pl_no, None), (c["bl"], s.bl_no, None)]
    row_h = max(_lines_height(len(shipper)), 2 * ctx.jitter(11, 0.5))
    _cell(ctx, x, y, left_w, row_h, c["shipper"], shipper)
    for i, (caption, value, field) in enumerate(refs):
        cx = x + left_w + (i % 2) * half_r
        cy = y + (i // 2) * row_h / 2
        _cell(ctx, cx, cy, half_r, row_h / 2, caption, [value], field, bold=field is not None)
    y += row_h
    sea = s.transport == "Sea"
    top_h = ctx.jitter(11, 0.5)
    loading = _wrap_lines(ctx, [s.place_loading], half_r - 4, 8)
    discharge = _wrap_lines(ctx, [s.place_discharge], half_r - 4, 8)
    port_h = max(top_h, _lines_height(max(len(loading), len(discharge)), 8))
    row_h = max(_lines_height(len(consignee)), top_h + port_h)
    _cell(ctx, x, y, left_w, row_h, c["consignee"], consignee)
    _cell(ctx, x + left_w, y, right_w, top_h, c["vessel"] if sea else c["means"], [s.vessel])
    pol, pod = (c["pol"], c["pod"]) if sea else (c["pol_land"], c["pod_land"])
    _cell(ctx, x + left_w, y + top_h, half_r, row_h - top_h, pol, loading, size=8)
    _cell(ctx, x + left_w + half_r, y + top_h, half_r, row_h - top_h, pod, discharge, size=8)
    y += row_h
    marks = s.marks("es" if lang != "en" else "en", packing_list=True)
    marks_w = w * ctx.jitter(0.42, 0.03)
    goods_w = w - marks_w
    goods = _wrap_lines(ctx, [_description(ctx, lang)], goods_w - 4, 8.2)
    if lang != "pt":
        goods += _wrap_lines(ctx, [s.packing_text(lang)], goods_w - 4, 8.2)
    marks = _wrap_lines(ctx, marks, marks_w - 4, 8.0)
    row_h = max(_lines_height(len(marks), 8.0), _lines_height(len(goods), 8.2))
    _cell(ctx, x, y, marks_w, row_h, c["marks"], marks, size=8.0)
    _cell(ctx, x + marks_w, y, goods_w, row_h, c["goods"], goods, size=8.2)
    y += row_h + ctx.jitter(5, 1)

    # ----- one block per container -----
    containers = _containers(ctx, lots)
    cube_each = _cube_each(ctx, lots)
    size_type = ctx.pick(SIZE_TYPES)
    carrier = ctx.pick(CARRIER_CODES)
    show_tare = ctx.rng.random() < 0.5
    band_cells = ctx.rng.random() < 0.5
    with_desc = ctx.rng.random() < 0.4
    code_marks = ctx.rng.random() < 0.5
    slac = ctx.rng.random() < 0.5
    places = ctx.pick((0, 1, 2))
    table_size = ctx.jitter(8.0, 0.25)
    gap = ctx.jitter(4.5, 1)
    foot_h = ctx.jitter(25, 1.5)
    blocks = _blocks(ctx, containers, cube_each, carrier)
    n_rows = sum(len(rows) + 1 for _, _, _, rows in blocks)

    def height(code: bool, cells: bool, pad: float) -> float:
        """The height the containers, the totals and the signatures take from here."""
        row = (2 if code else 1) * 3.4 + 2 * pad
        per_block = (10 if cells else 6.5) + 2 * 3.4 + 2 * pad + gap
        return len(blocks) * per_block + n_rows * row + 1 + 13 + 5 + (4.5 if slac else 0) + foot_h

    # A crowded plan prints its rows tighter, the way the form is filled in when space runs short.
    pad = 1.0
    if not pages_left and y + height(code_marks, band_cells, pad) > bottom:
        code_marks = False
        if y + height(code_marks, band_cells, pad) > bottom:
            band_cells, slac = False, False
        if y + height(code_marks, band_cells, pad) > bottom:
            pad, gap, foot_h = 0.6, 3.0, 21.0
    widths = (0.17, 0.19, 0.08, 0.2, 0.13, 0.13, 0.1) if with_desc else (0.2, 0.24, 0.1, 0.0, 0.16, 0.16, 0.14)
    cols = [
        Column(c["nos"], w * widths[0]),
        Column(c["lot"], w * widths[1]),
        Column(c["pkgs"], w * widths[2], "right"),
        *([Column(c["desc"], w * widths[3])] if with_desc else []),
        Column(c["net"], w * widths[4], "right"),
        Column(c["gross"], w * widths[5], "right"),
        Column(c["cbm"], w * widths[6], "right"),
    ]
    short_desc = SHORT_NAMES[(s.product, lang)]
    code = marks[0] if code_marks else ""
    break_before = len(blocks) // 2 if pages_left and len(blocks) > 1 else None
    seen: set[str] = set()
    total_cube = Decimal(0)
    for index, (number, seal, tare, lines) in enumerate(blocks):
        rows: list[list[Cell]] = []
        for span, lot_no, count, net, gross, cube in lines:
            rows.append(
                [
                    Cell(f"{code}\n{span}" if code else span, "static"),
                    Cell(lot_no, field=None if lot_no in seen else "lot_numbers"),
                    Cell(str(count)),
                    *([Cell(short_desc, "static")] if with_desc else []),
                    Cell(ctx.kg(net, places)),
                    Cell(ctx.kg(gross, places)),
                    Cell(ctx.num(cube, 3), "static"),
                ]
            )
            seen.add(lot_no)
        c_net = sum((line[3] for line in lines), Decimal(0))
        c_gross = sum((line[4] for line in lines), Decimal(0))
        c_cube = sum((line[5] for line in lines), Decimal(0))
        total_cube += c_cube
        rows.append(
            [
                Cell(c["subtotal"], "label", bold=True),
                Cell("", "static"),
                Cell(str(sum(line[2] for line in lines)), bold=True),
                *([Cell("", "static")] if with_desc else []),
                Cell(ctx.kg(c_net, places), bold=True),
                Cell(ctx.kg(c_gross, places), bold=True),
                Cell(ctx.num(c_cube, 3), "static", bold=True),
            ]
        )
        block_h = 8 + 12 + len(rows) * 7.5
        if pages_left and (index == break_before or y + block_h > bottom):
            y = _continued(ctx, c)
            pages_left -= 1
        band = [
            (c["container"], number),
            (c["seal"], seal),
            (c["type"], size_type),
            *([(c["tare"], f"{ctx.kg(tare, 0)} kg")] if show_tare else []),
        ]
        y = _band(ctx, x, y, w, index + 1, band, band_cells)
        y = sh.table(x, y, cols, rows, size=table_size, line_h=3.4, pad=pad) + gap

    # ----- grand total -----
    n = sum(lot.packages for lot in lots)
    net = sum((lot.net_kg for lot in lots), Decimal(0))
    gross = sum((lot.gross_kg for lot in lots), Decimal(0))
    if pages_left:
        y = _continued(ctx, c)
        pages_left -= 1
    y += 1
    word = _package_word(ctx, lang, n != 1)
    lead_w = w * 0.24
    cell_w = (w - lead_w) / 4
    box_h = 13.0
    sh.rect(x, y, lead_w, box_h, 0.9, fill=0.9)
    sh.text(x + 2, y + 5, c["grand"], 8.8, bold=True, kind="label", max_w=lead_w - 4)
    equipment = f"{len(containers)} x {size_type}"
    sh.text(x + 2, y + 10, equipment, 8, kind="static", max_w=lead_w - 4)
    total_cells = [
        (c["packages"], ctx.packages_text(n) if lang == "en" or ctx.rng.random() < 0.5 else f"{n} {word}",
         "package_count"),
        (c["net_total"], ctx.weight(net, "net_weight_kg"), "net_weight_kg"),
        (c["gross_total"], ctx.weight(gross, "gross_weight_kg"), "gross_weight_kg"),
        (c["cube_total"], f"{ctx.num(total_cube, 3)} {ctx.pick(('m3', 'CBM'))}", None),
    ]  # fmt: skip
    for i, (caption, value, field) in enumerate(total_cells):
        _cell(ctx, x + lead_w + i * cell_w, y, cell_w, box_h, caption, [value], field, size=8.8, bold=True)
    y += box_h + 5
    if slac:
        sh.text(x, y, c["slac"], 7.6, bold=True)
        y += 4.5

    # ----- loaded by / checked by / stuffing date -----
    if pages_left:
        y = _continued(ctx, c)
        pages_left -= 1
    stuffed = s.departure_date - timedelta(days=ctx.pick((1, 2, 3)))
    place = (s.seller.city or s.place_loading.split(",")[0]) if ctx.rng.random() < 0.5 else s.place_loading
    third = w / 3
    seed = len(s.pl_no)
    signers = [(c["loaded"], c["warehouse"], ""), (c["checked"], s.seller.person, s.seller.title)]
    for i, (caption, name, title) in enumerate(signers):
        sx = x + i * third
        _cell(ctx, sx, y, third, foot_h, caption, [])
        sh.scribble(sx + 6, y + foot_h - 11.5, 30, seed + 3 * (1 - i))
        sh.hline(sx + 3, sx + third - 3, y + foot_h - 8, 0.3)
        sh.text(sx + 3, y + foot_h - 4.6, name, 7.2, max_w=third - 6)
        sh.text(sx + 3, y + foot_h - 1.6, title, 6.6, max_w=third - 6)
    when = _wrap_lines(ctx, [ctx.date(stuffed), place], third - 4, 8.4)
    _cell(ctx, x + 2 * third, y, third, foot_h, c["stuffing"], when, size=8.4)


Line = tuple[str, str, int, Decimal, Decimal, Decimal]  # package numbers, lot, packages, net, gross, cube


def _blocks(
    ctx: Ctx, containers: list[list[tuple[Lot, Decimal, Decimal]]], cube_each: Decimal, carrier: str
) -> list[tuple[str, str, Decimal, list[Line]]]:
    """Per container its number, seal and tare, and per lot loaded in it the package numbers ('8-17'), the count,
    the net and gross kilos and the cube; the packages are numbered through the shipment."""
    blocks = []
    first = 1
    for chunk in containers:
        owner = carrier if ctx.rng.random() < 0.6 else ctx.pick(LESSOR_CODES)
        number = iso6346(owner, ctx.rng.randrange(100000, 999999))
        seal = _seal(ctx, owner)
        tare = Decimal(ctx.pick(TARES_20))
        by_lot: dict[str, list[tuple[Decimal, Decimal]]] = {}
        for lot, net, gross in chunk:
            by_lot.setdefault(lot.number, []).append((net, gross))
        lines: list[Line] = []
        for lot_no, items in by_lot.items():
            n = len(items)
            last = first + n - 1
            lines.append(
                (
                    f"{first}-{last}" if n > 1 else str(first),
                    lot_no,
                    n,
                    sum((a for a, _ in items), Decimal(0)),
                    sum((b for _, b in items), Decimal(0)),
                    cube_each * n,
                )
            )
            first = last + 1
        blocks.append((number, seal, tare, lines))
    return blocks


def _booking(ctx: Ctx) -> str:
    """A carrier's booking number in one of the lines' usual shapes."""
    r = ctx.rng
    return str(
        ctx.pick(
            (
                f"{r.randrange(200000000, 299999999)}",
                f"{ctx.pick(('BKK', 'SGN', 'VER', 'LCH'))}{r.randrange(1000000, 9999999)}",
                f"{r.randrange(10, 99)}{ctx.pick(('EU', 'AS', 'LA'))}{r.randrange(100000, 999999)}",
                f"EBKG{r.randrange(10000000, 99999999)}",
            )
        )
    )


def _seal(ctx: Ctx, owner: str) -> str:
    """A bolt seal number: the carrier's seals carry its prefix, the shipper's own seals a plain serial."""
    r = ctx.rng
    if owner in ("MSKU", "MRKU") and r.random() < 0.7:
        return f"ML-{ctx.s.seller.country}{r.randrange(1000000, 9999999)}"
    return str(
        ctx.pick(
            (
                f"{r.randrange(100000, 999999)}",
                f"{ctx.pick(('H', 'C', 'E', 'F'))}{r.randrange(1000000, 9999999)}",
                f"{ctx.pick(('SL', 'SH', 'EU'))}{r.randrange(10000000, 99999999)}",
            )
        )
    )


def _band(ctx: Ctx, x: float, y: float, w: float, number: int, entries: list[tuple[str, str]], cells: bool) -> float:
    """The container's band over its rows: captioned cells, or one shaded line of 'caption: value' pairs."""
    sh = ctx.sheet
    if cells:
        lead = 9.0
        sh.rect(x, y, lead, 10, 0.5, fill=0.9)
        sh.text(x + lead / 2, y + 6.4, str(number), 10, bold=True, align="center")
        cw = (w - lead) / len(entries)
        for i, (caption, value) in enumerate(entries):
            _cell(ctx, x + lead + i * cw, y, cw, 10, caption, [], size=9)
            sh.text(x + lead + i * cw + 2.2, y + 7.6, value, 9, bold=True, max_w=cw - 4)
        return y + 10
    sh.rect(x, y, w, 6.5, 0.5, fill=0.88)
    cx = x + 2
    sh.text(cx, y + 4.5, f"{number}.", 8.6, bold=True)
    cx += 6
    slot = (w - 8) / len(entries)
    for i, (caption, value) in enumerate(entries):
        sx = cx + i * slot
        label = f"{caption}:"
        lw = sh.text(sx, y + 4.5, label, 7.6, kind="label", max_w=slot * 0.55)
        sh.text(sx + lw + 1.5, y + 4.5, value, 8.6, bold=True, max_w=slot - lw - 3)
    return y + 6.5


def _continued(ctx: Ctx, c: dict[str, str]) -> float:
    """A new page of the plan: the shipper, the title and the invoice it belongs to, then '(continued)'."""
    s, sh = ctx.s, ctx.sheet
    sh.new_page()
    sh.text(ctx.left, 15, s.seller.name, 10, bold=True, max_w=ctx.width * 0.5)
    sh.text(ctx.right, 15, c["title"], 12, bold=True, align="right", max_w=ctx.width * 0.46)
    sh.text(ctx.left, 21, f"{c['invoice']}: {s.pl_invoice_ref}   {c['continued']}", 8.2, max_w=ctx.width)
    return 28.0
