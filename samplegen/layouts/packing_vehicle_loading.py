"""`vehicle_loading`: the packing list drawn as the plant's loading list, one block of rows per truck or wagon.

Where the goods leave the smelter by road or rail (to the border on the Mexico and Canada lanes, to the railhead on
the Bolivian and Tajik ones, to the container yard of the port on the others) the dispatch office prints a loading
list per shipment: which vehicle took which packages. It goes with the export papers as the packing list.

What such a list carries, after the truck and rail paperwork it is drawn from (the carta de porte / consignment
note's vehicle, trailer and driver, the weighbridge ticket's tare, gross and net per vehicle, the packing list's
packages and weights):

* the title ('TRUCK LOADING LIST', 'LISTA DE CARGA POR UNIDAD', 'LISTE DE CHARGEMENT', 'ROMANEIO DE CARGA'), the
  shipper and consignee, the loading list's number and date, the invoice and the buyer's order, the carrier, the
  place of loading and the destination;
* one row per vehicle and lot: the vehicle's plate (or the wagon's number) and trailer, the container and seal
  where the truck takes a container to the port, the driver, the lot, the package numbers, the packages and their
  net and gross kilos; the vehicle's cells are filled on its first row only, its other lots under it;
* the totals: a total row, or a box under the table with the totals in the document's weight unit; the weighbridge
  readings per vehicle (tare, loaded, net cargo, which is the packages' gross weight rounded to the scale's step,
  not their net); the marks; the signatures of the loader, the driver(s) and the checker.

English, Spanish, French (a Belgian exporter) or Portuguese (a Brazilian buyer). Every value a field records is
drawn with kind="value"; the vehicles' capacity, the columns, the totals' place, wording and spacing vary per
document.
"""

from __future__ import annotations

from decimal import Decimal

from samplegen.draw import Cell, Column
from samplegen.facts import Lot
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.packing_load_plan import CARRIER_CODES, LESSOR_CODES, iso6346

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title_truck": ("TRUCK LOADING LIST", "LOADING LIST / PACKING LIST", "PACKING LIST - LOADING PER TRUCK"),
        "title_wagon": ("WAGON LOADING LIST", "RAIL LOADING LIST / PACKING LIST"),
        "shipper": ("Shipper:", "Consignor:", "Dispatched by:"),
        "consignee": ("Consignee:", "Ship to:", "Buyer:"),
        "list_no": ("Loading list no.:", "List no.:", "Dispatch no.:"),
        "date": ("Loading date:", "Date:", "Date of dispatch:"),
        "invoice": ("Invoice no.:", "Commercial invoice:", "Inv. ref.:"),
        "po": ("Customer order:", "Your P.O.:", "Order no.:"),
        "carrier": ("Carrier:", "Haulier:", "Transport company:"),
        "from": ("Loaded at:", "Place of loading:", "From:"),
        "to": ("Destination:", "Deliver to:", "To:"),
        "goods": ("Goods:", "Description:", "Material:"),
        "packing": ("Packing:",),
        "no": ("No.", "#"),
        "truck": ("Truck plate", "Tractor", "Vehicle"),
        "wagon": ("Wagon no.", "Wagon"),
        "trailer": ("Trailer", "Trailer plate"),
        "container": ("Container", "Container no."),
        "seal": ("Seal", "Seal no."),
        "driver": ("Driver", "Driver name"),
        "lot": ("Lot", "Lot no.", "Batch"),
        "nos": ("Pkg nos.", "Bundle nos.", "Package nos."),
        "pkgs": ("Pkgs", "Qty", "Packages"),
        "net": ("Net kg", "N.W. kg", "Net (kg)"),
        "gross": ("Gross kg", "G.W. kg", "Gross (kg)"),
        "subtotal": ("Subtotal", "Vehicle total"),
        "total": ("TOTAL", "Total", "GRAND TOTAL"),
        "total_packages": ("Total packages:", "Total no. of packages:"),
        "total_net": ("Total net weight:", "Net weight total:"),
        "total_gross": ("Total gross weight:", "Gross weight total:"),
        "scale": ("Weighbridge", "Weighbridge tickets", "Scale readings"),
        "ticket": ("Ticket", "Ticket no."),
        "tare": ("Tare (empty)", "Tare"),
        "loaded": ("Loaded", "Gross (loaded)"),
        "cargo": ("Net cargo", "Cargo"),
        "marks": ("Marks:", "Shipping marks:"),
        "loader": ("Loaded by (warehouse)", "Loading supervisor"),
        "drivers": ("Driver(s)", "Received by driver"),
        "railway": ("Railway agent", "Received by the railway"),
        "checked": ("Checked by", "Dispatch office"),
    },
    "es": {
        "title_truck": ("LISTA DE CARGA POR UNIDAD", "RELACIÓN DE CARGA / LISTA DE EMPAQUE", "LISTA DE CARGA"),
        "title_wagon": ("LISTA DE CARGA POR VAGÓN", "RELACIÓN DE CARGA FERROVIARIA"),
        "shipper": ("Remitente:", "Embarcador:", "Expedidor:"),
        "consignee": ("Destinatario:", "Consignatario:", "Cliente:"),
        "list_no": ("Lista de carga No.:", "Relación No.:", "Folio:"),
        "date": ("Fecha de carga:", "Fecha:"),
        "invoice": ("Factura No.:", "Factura comercial:"),
        "po": ("Pedido del cliente:", "Orden de compra:"),
        "carrier": ("Transportista:", "Línea transportista:", "Empresa de transporte:"),
        "from": ("Lugar de carga:", "Origen:"),
        "to": ("Destino:", "Entregar en:"),
        "goods": ("Mercancía:", "Descripción:", "Material:"),
        "packing": ("Embalaje:",),
        "no": ("No.", "#"),
        "truck": ("Placas tractor", "Unidad", "Placas"),
        "wagon": ("Vagón No.", "Vagón"),
        "trailer": ("Remolque", "Placas remolque", "Caja"),
        "container": ("Contenedor", "Contenedor No."),
        "seal": ("Sello", "Marchamo", "Sello No."),
        "driver": ("Operador", "Chofer", "Conductor"),
        "lot": ("Lote", "Lote No."),
        "nos": ("Bultos Nos.", "Numeración"),
        "pkgs": ("Bultos", "Cant."),
        "net": ("Neto kg", "P.N. kg"),
        "gross": ("Bruto kg", "P.B. kg"),
        "subtotal": ("Subtotal", "Total unidad"),
        "total": ("TOTAL", "Total", "TOTAL GENERAL"),
        "total_packages": ("Total de bultos:", "Número de bultos:"),
        "total_net": ("Peso neto total:", "Total peso neto:"),
        "total_gross": ("Peso bruto total:", "Total peso bruto:"),
        "scale": ("Báscula", "Boletas de báscula", "Pesaje"),
        "ticket": ("Boleta", "Ticket"),
        "tare": ("Tara (vacío)", "Tara"),
        "loaded": ("Cargado", "Bruto (cargado)"),
        "cargo": ("Neto carga", "Carga"),
        "marks": ("Marcas:", "Marcas de embarque:"),
        "loader": ("Cargó (almacén)", "Jefe de embarques"),
        "drivers": ("Operador(es)", "Recibí conforme (operador)"),
        "railway": ("Agente ferroviario", "Recibido por el ferrocarril"),
        "checked": ("Revisó", "Tráfico"),
    },
    "fr": {
        "title_truck": ("LISTE DE CHARGEMENT", "LISTE DE COLISAGE PAR CAMION"),
        "title_wagon": ("LISTE DE CHARGEMENT PAR WAGON",),
        "shipper": ("Expéditeur :", "Chargeur :"),
        "consignee": ("Destinataire :", "Client :"),
        "list_no": ("Liste de chargement n° :", "Bordereau n° :"),
        "date": ("Date de chargement :", "Date :"),
        "invoice": ("Facture n° :", "Facture commerciale :"),
        "po": ("Votre commande :", "Commande n° :"),
        "carrier": ("Transporteur :",),
        "from": ("Lieu de chargement :", "Départ :"),
        "to": ("Destination :", "Livraison :"),
        "goods": ("Marchandise :", "Désignation :"),
        "packing": ("Conditionnement :",),
        "no": ("N°",),
        "truck": ("Tracteur", "Immatriculation", "Camion"),
        "wagon": ("Wagon n°",),
        "trailer": ("Remorque", "Semi-remorque"),
        "container": ("Conteneur", "N° conteneur"),
        "seal": ("Scellé", "Plomb"),
        "driver": ("Chauffeur",),
        "lot": ("Lot", "N° de lot"),
        "nos": ("Colis n°", "Numéros"),
        "pkgs": ("Colis", "Qté"),
        "net": ("Net kg", "P.N. kg"),
        "gross": ("Brut kg", "P.B. kg"),
        "subtotal": ("Sous-total", "Total camion"),
        "total": ("TOTAL", "Total général"),
        "total_packages": ("Nombre total de colis :", "Total colis :"),
        "total_net": ("Poids net total :",),
        "total_gross": ("Poids brut total :",),
        "scale": ("Pont-bascule", "Pesées"),
        "ticket": ("Ticket", "Bon de pesée"),
        "tare": ("Tare (à vide)", "Tare"),
        "loaded": ("En charge", "Brut (chargé)"),
        "cargo": ("Net chargé", "Chargement"),
        "marks": ("Marques :",),
        "loader": ("Chargé par (magasin)", "Chef de quai"),
        "drivers": ("Chauffeur(s)",),
        "railway": ("Agent ferroviaire", "Reçu par le chemin de fer"),
        "checked": ("Contrôlé par", "Service expédition"),
    },
    "pt": {
        "title_truck": ("ROMANEIO DE CARGA", "ROMANEIO DE CARREGAMENTO POR VEÍCULO"),
        "title_wagon": ("ROMANEIO DE CARGA FERROVIÁRIA", "ROMANEIO DE CARREGAMENTO POR VAGÃO"),
        "shipper": ("Remetente:", "Expedidor:"),
        "consignee": ("Destinatário:", "Consignatário:"),
        "list_no": ("Romaneio nº:", "Nº do romaneio:"),
        "date": ("Data de carregamento:", "Data:"),
        "invoice": ("Fatura nº:", "Fatura comercial:"),
        "po": ("Pedido do cliente:", "Seu pedido:"),
        "carrier": ("Transportadora:",),
        "from": ("Local de carregamento:", "Origem:"),
        "to": ("Destino:", "Entrega:"),
        "goods": ("Mercadoria:", "Descrição:"),
        "packing": ("Embalagem:",),
        "no": ("Nº",),
        "truck": ("Placa cavalo", "Placa", "Veículo"),
        "wagon": ("Vagão nº", "Vagão"),
        "trailer": ("Carreta", "Placa carreta"),
        "container": ("Contêiner", "Nº contêiner"),
        "seal": ("Lacre", "Lacre nº"),
        "driver": ("Motorista",),
        "lot": ("Lote",),
        "nos": ("Volumes nº", "Numeração"),
        "pkgs": ("Volumes", "Qtd."),
        "net": ("Líquido kg", "P.L. kg"),
        "gross": ("Bruto kg", "P.B. kg"),
        "subtotal": ("Subtotal", "Total veículo"),
        "total": ("TOTAL", "Total geral"),
        "total_packages": ("Total de volumes:", "Quantidade de volumes:"),
        "total_net": ("Peso líquido total:",),
        "total_gross": ("Peso bruto total:",),
        "scale": ("Balança", "Tickets de balança", "Pesagem"),
        "ticket": ("Ticket",),
        "tare": ("Tara (vazio)", "Tara"),
        "loaded": ("Carregado", "Bruto (carregado)"),
        "cargo": ("Líquido carga", "Carga"),
        "marks": ("Marcas:",),
        "loader": ("Carregado por (armazém)", "Encarregado de expedição"),
        "drivers": ("Motorista(s)",),
        "railway": ("Agente ferroviário", "Recebido pela ferrovia"),
        "checked": ("Conferido por", "Expedição"),
    },
}  # fmt: skip
CARRIERS = {
    "TH": ("Siam Container Transport Co., Ltd.", "Chonburi Trailer Service Co., Ltd.", "Laem Chabang Logistics Ltd."),
    "MX": ("Transportes Norteños del Bajío, S.A. de C.V.", "Autotransportes Coahuila, S.A. de C.V.",
           "Fletes Saltillo-Laredo, S.A. de C.V."),
    "CA": ("Transport Laurentides Inc.", "Groupe Routier St-Laurent Inc."),
    "BE": ("Transports Meuse-Escaut SA", "Vlaamse Wegtransport NV"),
    "BO": ("Empresa Ferroviaria Oriental S.A.", "Transportes Chiquitanos S.R.L."),
    "TJ": ("Tajik Railways (Rohi Ohani Tojikiston)", "Khujand Trans Service LLC"),
    "MY": ("Klang Haulage Sdn. Bhd.", "Penang Prime Mover Sdn. Bhd."),
    "ID": ("PT Angkutan Tanjung Priok", "PT Trans Logistik Surabaya"),
    "VN": ("Công ty Vận tải Cát Lái / Cat Lai Transport JSC", "Hai Phong Trucking Co., Ltd."),
    "OM": ("Sohar Haulage LLC", "Muscat Trailers LLC"),
}  # fmt: skip
DRIVERS = {
    "TH": ("Somchai P.", "Anan K.", "Prasert W.", "Wichai S."),
    "MX": ("J. Hernández R.", "L. García M.", "R. Martínez S.", "A. López T."),
    "BO": ("M. Quispe", "J. Mamani", "R. Choque"),
    "VN": ("Nguyen Van Hai", "Tran Minh Duc", "Le Van Phuc"),
}
DEFAULT_DRIVERS = ("A. Karimov", "P. Janssens", "M. Tremblay", "S. Rahman", "D. Wijaya", "K. Al-Harthy")


def _plate(ctx: Ctx, country: str, province: bool = True) -> str:
    """A truck's or trailer's registration in the exporter's country's usual shape."""
    r = ctx.rng
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"

    def ls(n: int) -> str:
        return "".join(r.choice(letters) for _ in range(n))

    shapes = {
        "TH": f"{r.randrange(70, 72)}-{r.randrange(1000, 9999)}"
        + (f" {ctx.pick(('Chon Buri', 'Bangkok', 'Rayong'))}" if province else ""),
        "MX": f"{r.randrange(10, 99)}-{ls(2)}-{r.randrange(1, 9)}{ls(1)}",
        "CA": f"L{r.randrange(100000, 999999)}",
        "BE": f"{r.randrange(1, 9)}-{ls(3)}-{r.randrange(100, 999)}",
        "BO": f"{r.randrange(1000, 9999)}-{ls(3)}",
        "TJ": f"{r.randrange(1000, 9999)} {ls(2)} 02",
        "MY": f"{ls(3)} {r.randrange(1000, 9999)}",
        "ID": f"B {r.randrange(9000, 9999)} {ls(3)}",
        "VN": f"{r.randrange(15, 99)}C-{r.randrange(100, 999)}.{r.randrange(10, 99)}",
        "OM": f"{r.randrange(10000, 99999)} {ls(2)}",
    }
    return shapes.get(country, f"{ls(2)}-{r.randrange(1000, 9999)}")


def _vehicles(ctx: Ctx, lots: list[Lot], limit: Decimal) -> list[list[tuple[Lot, int, int]]]:
    """The packages in number order loaded onto as few vehicles as the payload limit allows, spread evenly;
    each vehicle's share as (lot, first index, last index) pieces of the lots."""
    queue = [(lot, i) for lot in lots for i in range(lot.packages)]
    gross = [lot.package_gross[i] for lot, i in queue]
    k = max(1, -(-int(sum(gross, Decimal(0))) // int(limit)))
    while True:
        base, extra = divmod(len(queue), k)
        sizes = [base + (1 if i < extra else 0) for i in range(k)]
        starts = [sum(sizes[:i]) for i in range(k)]
        if all(sum(gross[a : a + n], Decimal(0)) <= limit for a, n in zip(starts, sizes, strict=True)) or k >= len(
            queue
        ):
            break
        k += 1
    vehicles = []
    for a, n in zip(starts, sizes, strict=True):
        pieces: list[tuple[Lot, int, int]] = []
        for lot, i in queue[a : a + n]:
            if pieces and pieces[-1][0] is lot:
                pieces[-1] = (lot, pieces[-1][1], i)
            else:
                pieces.append((lot, i, i))
        if pieces:
            vehicles.append(pieces)
    return vehicles


def vehicle_loading(ctx: Ctx, lots: list[Lot]) -> None:
    draw_to_fit(ctx, lambda c, squeeze: _draw(c, lots, squeeze), "loading list")


def _draw(ctx: Ctx, lots: list[Lot], squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    lang = fl.language(ctx, french_share=0.5)
    words = WORDS[lang]

    def w_(key: str) -> str:
        return ctx.pick(words[key])

    k = 1 - 0.12 * squeeze
    size = ctx.jitter(8.4, 0.3) - 0.35 * squeeze
    step = size * 0.46
    rail = s.vessel.startswith("Wagon")
    road = s.vessel.startswith("Truck")  # the truck that crosses the border is the one loaded at the plant
    country = s.seller.country

    # ----- head: the shipper's name, the title, the list's number -----
    y = ctx.jitter(14, 1)
    sh.text(x, y, s.seller.name, ctx.jitter(11.5, 0.6), bold=True, max_w=w * 0.6)
    sh.text(x, y + 4.2, ", ".join([*s.seller.lines, fl.country(ctx, lang, country)]), size - 1.2, max_w=w * 0.6)
    title = w_("title_wagon" if rail else "title_truck")
    tsize = ctx.jitter(12.5, 0.6)
    if rng.random() < 0.5:
        sh.text(ctx.right, y, title, tsize, bold=True, align="right", max_w=w * 0.4)
    else:
        y += 11
        sh.text(sh.width / 2, y, title, tsize + 0.8, bold=True, align="center", max_w=w)
    y += ctx.jitter(9, 1) * k

    # ----- parties at the left, references at the right -----
    py = y
    for key, party in (("shipper", s.seller), ("consignee", s.buyer)):
        sh.text(x, py, w_(key), size - 0.4, bold=True, kind="label")
        py = sh.lines(x + 2, py + step + 0.5, [party.name, *party.lines, fl.country(ctx, lang, party.country)],
                      size - 0.4, kind="static", step=step, max_w=w * 0.5)  # fmt: skip
        py += 1.5 * k
    load_date = s.departure_date.fromordinal(s.departure_date.toordinal() - rng.randrange(0, 4))
    carrier = ctx.pick(CARRIERS.get(country, ("Trans Cargo Ltd.", "Continental Haulage Ltd.")))
    if rail and country in ("BO", "TJ"):
        carrier = CARRIERS[country][0]
    destination = s.place_discharge if rail or road else f"{s.place_loading} ({ctx.pick(('CY', 'port', 'terminal'))})"
    refs: list[tuple[str, str, str | None]] = [
        (w_("list_no"), s.pl_no, None),
        (w_("date"), fl.day(ctx, lang, load_date), None),
        (w_("invoice"), s.pl_invoice_ref, "invoice_number"),
    ]
    if s.buyer_po and rng.random() < 0.6:
        refs.append((w_("po"), s.buyer_po, None))
    refs += [
        (w_("carrier"), carrier, None),
        (w_("from"), s.place_loading if rail else (s.seller.city or s.place_loading), None),
        (w_("to"), destination, None),
    ]
    if not (rail or road):
        vessel_word = {"en": ctx.pick(("Vessel:", "Per:")), "es": "Buque:", "fr": "Navire :", "pt": "Navio:"}[lang]
        refs.append((vessel_word, s.vessel, None))
    rx = x + w * ctx.jitter(0.54, 0.02)
    gap = max(sh.text_width(label, size - 0.5, True) for label, _, _ in refs) + 2.5
    ry = y
    for label, value, field in refs:
        ctx.label_value(rx, ry, label, value, field, gap=gap, size=size - 0.1, max_w=ctx.right - rx - gap)
        ry += step + 0.6
    y = max(py, ry) + ctx.jitter(2.5, 0.6) * k

    goods = f"{w_('goods')} {fl.description(ctx, lang)}"
    y = sh.para(x, y, goods, w, size - 0.2, step)
    y = sh.para(x, y, f"{w_('packing')} {fl.packing_text(ctx, lang)}", w, size - 0.5, step) + 3 * k

    # ----- the vehicles -----
    if rail:
        payload = Decimal(ctx.pick((54000, 60000, 64000)))
    elif road:
        payload = Decimal(ctx.pick((20000, 22000, 24000, 26000)))
    else:
        payload = Decimal(ctx.pick((21000, 22000, 24000, 25000)))
    vehicles = _vehicles(ctx, lots, payload)
    ids: list[dict[str, str]] = []
    drivers = DRIVERS.get(country, DEFAULT_DRIVERS)
    for i, _ in enumerate(vehicles):
        if rail:
            number = s.vessel.split()[-1] if i == 0 else f"{rng.randrange(50000000, 59999999)}"
            ids.append({"vehicle": number, "seal": f"{rng.randrange(100000, 999999)}"})
            continue
        plate = s.vessel.removeprefix("Truck plates ") if road and i == 0 else _plate(ctx, country)
        entry = {"vehicle": plate, "trailer": _plate(ctx, country, province=False), "driver": ctx.pick(drivers),
                 "seal": f"{ctx.pick(('', 'S', 'H'))}{rng.randrange(1000000, 9999999)}"}  # fmt: skip
        if not road:
            owner = ctx.pick(CARRIER_CODES + LESSOR_CODES)
            entry["container"] = iso6346(owner, rng.randrange(100000, 999999))
        ids.append(entry)
    show_driver = not rail and rng.random() < 0.5
    show_trailer = not rail and rng.random() < 0.75
    show_seal = rng.random() < 0.8 or (not rail and not road)
    show_nos = rng.random() < 0.7
    places = ctx.pick((1, 2))
    spec: list[tuple[str, float, str]] = [("no", 0.05, "left"), ("wagon" if rail else "truck", 0.14, "left")]
    if show_trailer:
        spec.append(("trailer", 0.12, "left"))
    if not (rail or road):
        spec.append(("container", 0.15, "left"))
    if show_seal:
        spec.append(("seal", 0.1, "left"))
    if show_driver:
        spec.append(("driver", 0.13, "left"))
    spec.append(("lot", 0.15, "left"))
    if show_nos:
        spec.append(("nos", 0.09, "left"))
    spec += [("pkgs", 0.07, "right"), ("net", 0.11, "right"), ("gross", 0.11, "right")]
    scale = w / sum(f for _, f, _ in spec)
    cols = [Column(w_(key), f * scale, align) for key, f, align in spec]
    keys = [key for key, _, _ in spec]
    ditto = rng.random() < 0.3
    subtotals = rng.random() < 0.5
    rows: list[list[Cell | str]] = []
    first_no = {}
    n = 0
    for lot in lots:
        first_no[lot.number] = n
        n += lot.packages
    for v, (pieces, ident) in enumerate(zip(vehicles, ids, strict=True)):
        v_net = v_gross = Decimal(0)
        v_pkgs = 0
        for j, (lot, a, b) in enumerate(pieces):
            net = sum(lot.package_nets[a : b + 1], Decimal(0))
            gross = sum(lot.package_gross[a : b + 1], Decimal(0))
            count = b - a + 1
            v_net, v_gross, v_pkgs = v_net + net, v_gross + gross, v_pkgs + count
            lo, hi = first_no[lot.number] + a + 1, first_no[lot.number] + b + 1
            cells: dict[str, Cell] = {
                "lot": Cell(lot.number, field="lot_numbers"),
                "nos": Cell(f"{lo}-{hi}" if hi > lo else str(lo), "static"),
                "pkgs": Cell(str(count), "static"),
                "net": Cell(ctx.kg(net, places), "static"),
                "gross": Cell(ctx.kg(gross, places), "static"),
            }
            for key in ("no", "truck", "wagon", "trailer", "container", "seal", "driver"):
                value = str(v + 1) if key == "no" else ident.get("vehicle" if key in ("truck", "wagon") else key, "")
                if j:
                    value = '"' if ditto and key not in ("no",) and value else ""
                cells[key] = Cell(value, "static")
            rows.append([cells[key] for key in keys])
        if subtotals and len(vehicles) > 1:
            sub = {key: Cell("", "static") for key in keys}
            sub["lot"] = Cell(w_("subtotal"), "label", bold=True)
            sub["pkgs"] = Cell(str(v_pkgs), "static", bold=True)
            sub["net"] = Cell(ctx.kg(v_net, places), "static", bold=True)
            sub["gross"] = Cell(ctx.kg(v_gross, places), "static", bold=True)
            rows.append([sub[key] for key in keys])
    n_pkgs = sum(lot.packages for lot in lots)
    net_total = sum((lot.net_kg for lot in lots), Decimal(0))
    gross_total = sum((lot.gross_kg for lot in lots), Decimal(0))
    total_row = ctx.st.weight.unit != "lbs" and rng.random() < 0.6
    if total_row:
        ctx.set("net_weight_kg", float(net_total))
        ctx.set("gross_weight_kg", float(gross_total))
        tot = {key: Cell("", "static") for key in keys}
        tot[keys[1]] = Cell(w_("total"), "label", bold=True)
        tot["pkgs"] = Cell(str(n_pkgs), field="package_count", bold=True)
        tot["net"] = Cell(ctx.kg(net_total, places), field="net_weight_kg", bold=True)
        tot["gross"] = Cell(ctx.kg(gross_total, places), field="gross_weight_kg", bold=True)
        rows.append([tot[key] for key in keys])
    y = sh.table(x, y, cols, rows, size=size - 0.6, line_h=ctx.jitter(3.4, 0.15) * k, pad=1.1 * k,
                 grid=rng.random() < 0.7)  # fmt: skip
    y += ctx.jitter(4.5, 0.8) * k

    # ----- totals box (without a total row) and the weighbridge readings -----
    top = y
    if not total_row:
        totals = [
            (w_("total_packages"), fl.packages(ctx, lang, n_pkgs), "package_count"),
            (w_("total_net"), fl.weight(ctx, lang, net_total, "net_weight_kg"), "net_weight_kg"),
            (w_("total_gross"), fl.weight(ctx, lang, gross_total, "gross_weight_kg"), "gross_weight_kg"),
        ]
        gap = max(sh.text_width(label, size - 0.5, True) for label, _, _ in totals) + 3
        ty = y + 4
        for label, value, field in totals:
            ctx.label_value(x + 2, ty, label, value, field, gap=gap, size=size, max_w=w * 0.45 - gap)
            ty += step + 0.8
        sh.rect(x, top, w * 0.46, ty - top - 1.5, 0.5)
        y = ty + 1
    by = top
    if rng.random() < 0.6:
        bx = x + w * 0.5 if not total_row else x
        bw = ctx.right - bx if not total_row else w * 0.6
        step_kg = ctx.pick((10, 20))
        srows = []
        for pieces, ident in zip(vehicles, ids, strict=True):
            cargo = sum((sum(lot.package_gross[a : b + 1], Decimal(0)) for lot, a, b in pieces), Decimal(0))
            tare = Decimal(rng.randrange(13000, 17500) if not rail else rng.randrange(21000, 25000))
            if not (rail or road):
                tare += Decimal(2200)  # the empty container
            tare = (tare / step_kg).quantize(Decimal(1)) * step_kg
            cargo_scale = (cargo / step_kg).quantize(Decimal(1)) * step_kg + step_kg * rng.choice((-1, 0, 0, 1))
            srows.append([Cell(ident["vehicle"], "static"), Cell(f"{rng.randrange(10000, 99999)}", "static"),
                          Cell(ctx.kg(tare, 0), "static"), Cell(ctx.kg(tare + cargo_scale, 0), "static"),
                          Cell(ctx.kg(cargo_scale, 0), "static")])  # fmt: skip
        sh.text(bx, by + 1, f"{w_('scale')} (kg)", size - 0.3, bold=True, kind="label")
        fr = (0.26, 0.16, 0.19, 0.19, 0.2)
        scols = [Column(w_("wagon" if rail else "truck"), bw * fr[0]), Column(w_("ticket"), bw * fr[1]),
                 Column(w_("tare"), bw * fr[2], "right"), Column(w_("loaded"), bw * fr[3], "right"),
                 Column(w_("cargo"), bw * fr[4], "right")]  # fmt: skip
        by = sh.table(bx, by + 2.5, scols, srows, size=size - 1, line_h=3.2 * k, pad=1.0 * k)
    y = max(y, by) + ctx.jitter(6.5, 0.8) * k

    # ----- marks and signatures -----
    sh.text(x, y, w_("marks"), size - 0.4, bold=True, kind="label")
    marks = s.marks("es" if lang == "es" else "en", packing_list=True)
    y = sh.lines(x + 2, y + step + 0.4, marks, size - 0.6, kind="static", step=step) + 5 * k
    cw = w / 3
    for i, key in enumerate(("loader", "railway" if rail else "drivers", "checked")):
        cx = x + i * cw
        if i == 0 or rng.random() < 0.7:
            sh.scribble(cx + 6, y + 7, 26, len(s.pl_no) + i)
        sh.hline(cx + 2, cx + cw - 4, y + 10, 0.4)
        sh.text(cx + 2, y + 13.5, w_(key), size - 1, kind="label")
    return y + 15
