"""`stuffing_tally`: the tally sheet of the container stuffing, drawn up by the surveyor or the warehouse's tally
clerk who counted the packages into the boxes, sent as the packing list, added after the extractors were built (no
extractor was changed for it).

Buyers and their banks often ask for the stuffing to be supervised: the surveyor inspects each empty container,
counts every package into it jointly with the warehouse, checks it against the stuffing advice (the shipper's
packing list), watches the doors sealed, and issues the tally sheet. What the sheet carries, after the
surveyors' descriptions of stuffing supervision and the container inspection checklists:

* the issuer's letterhead (an independent surveyor, or the exporter's own warehouse), the title ('CONTAINER
  STUFFING TALLY SHEET', 'TARJA DE LLENADO DE CONTENEDOR', 'FEUILLE DE POINTAGE - EMPOTAGE', 'RELATÓRIO DE
  ESTUFAGEM / CONFERÊNCIA'), the sheet's number and date;
* the particulars in ruled, captioned cells: shipper, consignee, commodity, the commercial invoice and the
  stuffing advice it was checked against, booking, vessel or vehicle, ports, the place of stuffing, the times it
  commenced and was completed, the weather, the shipping marks;
* the condition of every box before stuffing as a checklist (outside and undercarriage, doors and locking bars,
  sides, front wall, roof, floor, clean and dry, the light test), one column of ticks per container, or per truck
  or wagon on the overland lanes;
* per container a band with its number (ISO 6346), size and type, tare and seal, then one row per lot stuffed
  into it: the lot, the package numbers, the tally itself (strokes in gates of five, or the packages of each
  forklift load), the packages counted, the net and gross kilograms as the shipper declared them, the condition;
  the container's total;
* the summary (containers, packages tallied, net and gross weight), the note that weights are as declared by the
  shipper, the surveyor's statement, the photographs taken, and the signatures of the tally clerk or surveyor, the
  warehouse's representative and the driver.

English, Spanish, French (a Belgian exporter) or Portuguese (a Brazilian buyer), in the ports' words for tallying
(tarja, pointage, conferência). Every value a field records is drawn with kind="value"; the issuer, the checklist's
form, the tally's form, the columns, rules and spacing vary per document.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from samplegen.draw import MM
from samplegen.facts import Lot
from samplegen.layouts import four_languages as fl
from samplegen.layouts.common import Ctx, draw_to_fit
from samplegen.layouts.packing_forms import SURVEYORS
from samplegen.layouts.packing_load_plan import CARRIER_CODES, LESSOR_CODES, SIZE_TYPES, TARES_20, iso6346
from samplegen.layouts.packing_vehicle_loading import _plate, _vehicles

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title_sea": ("CONTAINER STUFFING TALLY SHEET", "STUFFING REPORT / TALLY SHEET", "CONTAINER STUFFING REPORT",
                      "STUFFING TALLY SHEET / PACKING LIST"),
        "title_land": ("LOADING TALLY SHEET", "VEHICLE LOADING REPORT / TALLY SHEET"),
        "warehouse": ("Warehouse & Dispatch", "Export warehouse - loading control"),
        "report": ("Report No.", "Tally Sheet No.", "Our ref."),
        "date": ("Date", "Date of report"),
        "shipper": ("Shipper / Exporter", "Shipper"),
        "consignee": ("Consignee",),
        "commodity": ("Commodity", "Description of goods"),
        "invoice": ("Commercial Invoice No.", "Invoice No.", "Shipper's invoice"),
        "advice": ("Stuffing advice / P/L No.", "Packing list No.", "Stuffing instruction"),
        "booking": ("Booking No.", "Booking ref."),
        "vessel": ("Vessel / Voyage", "Ocean vessel"),
        "means": ("Means of transport",),
        "pol": ("Port of loading",),
        "pod": ("Port of discharge",),
        "pol_land": ("Place of loading",),
        "pod_land": ("Destination",),
        "place": ("Place of stuffing", "Stuffing location"),
        "commenced": ("Commenced", "Time started"),
        "completed": ("Completed", "Time finished"),
        "weather": ("Weather",),
        "weather_values": ("Fine", "Fine, dry", "Cloudy, dry", "Under cover"),
        "marks": ("Shipping marks", "Marks & Nos."),
        "checks_title": ("CONTAINER CONDITION BEFORE STUFFING", "PRE-STUFFING CONTAINER INSPECTION"),
        "checks_title_land": ("VEHICLE CONDITION BEFORE LOADING",),
        "checks": ("Outside / undercarriage", "Doors, hinges & locking bars", "Right side", "Left side",
                   "Front wall", "Ceiling / roof", "Floor", "Clean, dry, odour-free", "Light test (no holes)"),
        "checks_land": ("Floor", "Side boards / curtains", "Roof / tarpaulin", "Clean and dry", "Lashing points",
                        "Doors / locks"),
        "container": ("Container", "Container No."),
        "truck": ("Truck", "Vehicle"),
        "wagon": ("Wagon",),
        "trailer": ("Trailer",),
        "size": ("Size / type",),
        "tare": ("Tare",),
        "seal": ("Seal No.", "Seal"),
        "lot": ("Lot No.", "Lot"),
        "nos": ("Pkg. Nos.", "Package Nos."),
        "tally": ("Tally", "Tally"),
        "tally_loads": ("Tally (per load)", "Per forklift load"),
        "pkgs": ("Pkgs", "Qty"),
        "net": ("Net kg", "N.W. kg"),
        "gross": ("Gross kg", "G.W. kg"),
        "condition": ("Condition", "Remarks"),
        "good": ("Good order", "Apparent good order", "Sound"),
        "unit_total": ("Total this container", "Container total"),
        "unit_total_land": ("Total this vehicle", "Vehicle total"),
        "summary": ("SUMMARY", "TOTALS"),
        "units": ("Containers stuffed", "Number of containers"),
        "units_land": ("Vehicles loaded", "Number of vehicles"),
        "packages": ("Packages tallied", "Total packages"),
        "net_total": ("Total net weight", "Net weight"),
        "gross_total": ("Total gross weight", "Gross weight"),
        "weights_note": ("Weights as per the shipper's packing list, not weighed by the tally clerk.",
                         "Net and gross weights as declared by the shipper."),
        "statement": ("We certify that the packages listed above were tallied into the container(s) in our presence, "
                      "in apparent good order and condition, and that the doors were closed and sealed with the seals "
                      "shown. The count agrees with the stuffing advice.",
                      "The above packages were counted into the container(s) jointly with the warehouse "
                      "representative; the count tallies with the shipper's packing list and the containers were "
                      "sealed in our presence."),
        "statement_land": ("We certify that the packages listed above were tallied onto the vehicle(s) in our "
                           "presence, in apparent good order and condition, and that the load was secured and "
                           "sealed.",),
        "photos": ("Photographs taken:", "Photos:"),
        "photo_items": ("empty container", "half loaded", "fully loaded", "doors closed", "seal"),
        "photo_items_land": ("empty vehicle", "loaded", "load secured", "seal"),
        "clerk": ("Tally clerk", "Surveyor"),
        "rep": ("Warehouse representative", "Shipper's representative"),
        "driver": ("Driver", "Carrier / driver"),
    },
    "es": {
        "title_sea": ("TARJA DE LLENADO DE CONTENEDOR", "INFORME DE CONSOLIDACIÓN Y TARJA",
                      "HOJA DE TARJA - LLENADO DE CONTENEDORES"),
        "title_land": ("TARJA DE CARGUE", "TARJA DE CARGA DE VEHÍCULOS"),
        "warehouse": ("Almacén y despacho", "Almacén de exportación - control de carga"),
        "report": ("Informe No.", "Tarja No.", "Nuestra ref."),
        "date": ("Fecha",),
        "shipper": ("Embarcador / Exportador", "Embarcador"),
        "consignee": ("Consignatario",),
        "commodity": ("Mercancía", "Descripción de la mercancía"),
        "invoice": ("Factura comercial No.", "Factura No."),
        "advice": ("Lista de empaque No.", "Instrucción de llenado"),
        "booking": ("Booking No.", "Reserva No."),
        "vessel": ("Buque / Viaje", "Nave / Viaje"),
        "means": ("Medio de transporte",),
        "pol": ("Puerto de embarque",),
        "pod": ("Puerto de descarga",),
        "pol_land": ("Lugar de carga",),
        "pod_land": ("Destino",),
        "place": ("Lugar de llenado", "Lugar de consolidación"),
        "commenced": ("Inicio", "Hora de inicio"),
        "completed": ("Término", "Hora de término"),
        "weather": ("Clima", "Tiempo"),
        "weather_values": ("Despejado", "Seco", "Nublado, seco", "Bajo techo"),
        "marks": ("Marcas de embarque", "Marcas y números"),
        "checks_title": ("ESTADO DEL CONTENEDOR ANTES DEL LLENADO", "INSPECCIÓN PREVIA DEL CONTENEDOR"),
        "checks_title_land": ("ESTADO DEL VEHÍCULO ANTES DE LA CARGA",),
        "checks": ("Exterior / chasis", "Puertas, bisagras y barras de cierre", "Lateral derecho", "Lateral izquierdo",
                   "Pared frontal", "Techo", "Piso", "Limpio, seco, sin olores", "Prueba de luz (sin agujeros)"),
        "checks_land": ("Piso", "Barandas / lonas laterales", "Techo / lona", "Limpio y seco", "Puntos de amarre",
                        "Puertas / cierres"),
        "container": ("Contenedor", "Contenedor No."),
        "truck": ("Camión", "Vehículo"),
        "wagon": ("Vagón",),
        "trailer": ("Remolque",),
        "size": ("Tamaño / tipo",),
        "tare": ("Tara",),
        "seal": ("Precinto No.", "Sello No."),
        "lot": ("Lote No.", "Lote"),
        "nos": ("Bultos Nos.", "Nos. de bulto"),
        "tally": ("Tarja", "Tarja"),
        "tally_loads": ("Tarja (por izada)", "Por carga de montacargas"),
        "pkgs": ("Bultos", "Cant."),
        "net": ("Neto kg", "P. neto kg"),
        "gross": ("Bruto kg", "P. bruto kg"),
        "condition": ("Condición", "Observaciones"),
        "good": ("Buen estado", "Aparente buen estado"),
        "unit_total": ("Total contenedor",),
        "unit_total_land": ("Total vehículo",),
        "summary": ("RESUMEN", "TOTALES"),
        "units": ("Contenedores llenados", "Cantidad de contenedores"),
        "units_land": ("Vehículos cargados",),
        "packages": ("Bultos tarjados", "Total de bultos"),
        "net_total": ("Peso neto total", "Peso neto"),
        "gross_total": ("Peso bruto total", "Peso bruto"),
        "weights_note": ("Pesos según lista de empaque del embarcador; no pesados por el tarjador.",
                         "Pesos neto y bruto declarados por el embarcador."),
        "statement": ("Certificamos que los bultos arriba detallados fueron tarjados en el (los) contenedor(es) en "
                      "nuestra presencia, en aparente buen estado, y que las puertas fueron cerradas y precintadas "
                      "con los precintos indicados. La tarja concuerda con la lista de empaque.",),
        "statement_land": ("Certificamos que los bultos arriba detallados fueron tarjados en el (los) vehículo(s) en "
                           "nuestra presencia, en aparente buen estado, y que la carga fue asegurada y precintada.",),
        "photos": ("Fotografías:", "Registro fotográfico:"),
        "photo_items": ("contenedor vacío", "a media carga", "lleno", "puertas cerradas", "precinto"),
        "photo_items_land": ("vehículo vacío", "cargado", "carga asegurada", "precinto"),
        "clerk": ("Tarjador", "Inspector"),
        "rep": ("Representante del almacén", "Representante del embarcador"),
        "driver": ("Conductor", "Transportista"),
    },
    "fr": {
        "title_sea": ("FEUILLE DE POINTAGE - EMPOTAGE", "RAPPORT D'EMPOTAGE ET DE POINTAGE",
                      "CONSTAT D'EMPOTAGE / FEUILLE DE POINTAGE"),
        "title_land": ("FEUILLE DE POINTAGE - CHARGEMENT",),
        "warehouse": ("Entrepôt et expédition", "Entrepôt export - contrôle du chargement"),
        "report": ("Rapport n°", "Pointage n°", "Notre réf."),
        "date": ("Date",),
        "shipper": ("Chargeur / Exportateur", "Chargeur"),
        "consignee": ("Destinataire",),
        "commodity": ("Marchandise", "Désignation des marchandises"),
        "invoice": ("Facture commerciale n°", "Facture n°"),
        "advice": ("Liste de colisage n°", "Instruction d'empotage"),
        "booking": ("Booking n°", "Réservation n°"),
        "vessel": ("Navire / Voyage",),
        "means": ("Moyen de transport",),
        "pol": ("Port de chargement",),
        "pod": ("Port de déchargement",),
        "pol_land": ("Lieu de chargement",),
        "pod_land": ("Destination",),
        "place": ("Lieu d'empotage",),
        "commenced": ("Début", "Heure de début"),
        "completed": ("Fin", "Heure de fin"),
        "weather": ("Météo", "Temps"),
        "weather_values": ("Beau", "Sec", "Couvert, sec", "Sous abri"),
        "marks": ("Marques d'expédition", "Marques et numéros"),
        "checks_title": ("ÉTAT DU CONTENEUR AVANT EMPOTAGE", "INSPECTION DU CONTENEUR VIDE"),
        "checks_title_land": ("ÉTAT DU VÉHICULE AVANT CHARGEMENT",),
        "checks": ("Extérieur / châssis", "Portes, charnières et barres de fermeture", "Côté droit", "Côté gauche",
                   "Paroi avant", "Toit", "Plancher", "Propre, sec, sans odeur", "Test de lumière (sans trou)"),
        "checks_land": ("Plancher", "Ridelles / rideaux", "Toit / bâche", "Propre et sec", "Points d'arrimage",
                        "Portes / fermetures"),
        "container": ("Conteneur", "Conteneur n°"),
        "truck": ("Camion", "Véhicule"),
        "wagon": ("Wagon",),
        "trailer": ("Remorque",),
        "size": ("Taille / type",),
        "tare": ("Tare",),
        "seal": ("Scellé n°", "Plomb n°"),
        "lot": ("Lot n°", "Lot"),
        "nos": ("Colis n°",),
        "tally": ("Pointage", "Pointage"),
        "tally_loads": ("Pointage (par palanquée)", "Par chariot"),
        "pkgs": ("Colis", "Qté"),
        "net": ("Net kg", "Poids net kg"),
        "gross": ("Brut kg", "Poids brut kg"),
        "condition": ("État", "Observations"),
        "good": ("Bon état", "Bon état apparent"),
        "unit_total": ("Total conteneur",),
        "unit_total_land": ("Total véhicule",),
        "summary": ("RÉCAPITULATIF", "TOTAUX"),
        "units": ("Conteneurs empotés", "Nombre de conteneurs"),
        "units_land": ("Véhicules chargés",),
        "packages": ("Colis pointés", "Total colis"),
        "net_total": ("Poids net total", "Poids net"),
        "gross_total": ("Poids brut total", "Poids brut"),
        "weights_note": ("Poids selon la liste de colisage du chargeur, non pesés par le pointeur.",
                         "Poids net et brut déclarés par le chargeur."),
        "statement": ("Nous certifions que les colis ci-dessus ont été pointés dans le(s) conteneur(s) en notre "
                      "présence, en bon état apparent, et que les portes ont été fermées et scellées avec les scellés "
                      "indiqués. Le pointage concorde avec la liste de colisage.",),
        "statement_land": ("Nous certifions que les colis ci-dessus ont été pointés sur le(s) véhicule(s) en notre "
                           "présence, en bon état apparent, et que le chargement a été arrimé et scellé.",),
        "photos": ("Photos prises :", "Photos :"),
        "photo_items": ("conteneur vide", "à mi-chargement", "plein", "portes fermées", "scellé"),
        "photo_items_land": ("véhicule vide", "chargé", "chargement arrimé", "scellé"),
        "clerk": ("Pointeur", "Expert"),
        "rep": ("Représentant de l'entrepôt", "Représentant du chargeur"),
        "driver": ("Chauffeur", "Transporteur"),
    },
    "pt": {
        "title_sea": ("RELATÓRIO DE ESTUFAGEM / CONFERÊNCIA", "FOLHA DE CONFERÊNCIA DE ESTUFAGEM",
                      "TALLY DE ESTUFAGEM / ROMANEIO"),
        "title_land": ("FOLHA DE CONFERÊNCIA DE CARREGAMENTO",),
        "warehouse": ("Armazém e expedição", "Armazém de exportação - controle de carregamento"),
        "report": ("Relatório nº", "Conferência nº", "Nossa ref."),
        "date": ("Data",),
        "shipper": ("Exportador", "Embarcador"),
        "consignee": ("Consignatário",),
        "commodity": ("Mercadoria", "Descrição da mercadoria"),
        "invoice": ("Fatura comercial nº", "Fatura nº"),
        "advice": ("Romaneio nº", "Instrução de estufagem"),
        "booking": ("Booking nº", "Reserva nº"),
        "vessel": ("Navio / Viagem",),
        "means": ("Meio de transporte",),
        "pol": ("Porto de embarque",),
        "pod": ("Porto de descarga",),
        "pol_land": ("Local de carregamento",),
        "pod_land": ("Destino",),
        "place": ("Local de estufagem",),
        "commenced": ("Início", "Hora de início"),
        "completed": ("Término", "Hora de término"),
        "weather": ("Tempo",),
        "weather_values": ("Bom", "Seco", "Nublado, seco", "Coberto"),
        "marks": ("Marcas de embarque", "Marcas e números"),
        "checks_title": ("CONDIÇÃO DO CONTÊINER ANTES DA ESTUFAGEM", "INSPEÇÃO DO CONTÊINER VAZIO"),
        "checks_title_land": ("CONDIÇÃO DO VEÍCULO ANTES DO CARREGAMENTO",),
        "checks": ("Externo / chassi", "Portas, dobradiças e barras de travamento", "Lateral direita",
                   "Lateral esquerda", "Parede frontal", "Teto", "Piso", "Limpo, seco, sem odor",
                   "Teste de luz (sem furos)"),
        "checks_land": ("Piso", "Laterais / cortinas", "Teto / lona", "Limpo e seco", "Pontos de amarração",
                        "Portas / travas"),
        "container": ("Contêiner", "Contêiner nº"),
        "truck": ("Caminhão", "Veículo"),
        "wagon": ("Vagão",),
        "trailer": ("Reboque",),
        "size": ("Tamanho / tipo",),
        "tare": ("Tara",),
        "seal": ("Lacre nº", "Lacre"),
        "lot": ("Lote nº", "Lote"),
        "nos": ("Volumes nº",),
        "tally": ("Conferência", "Conferência"),
        "tally_loads": ("Conferência (por lingada)", "Por empilhadeira"),
        "pkgs": ("Volumes", "Qtd."),
        "net": ("Líquido kg", "P. líquido kg"),
        "gross": ("Bruto kg", "P. bruto kg"),
        "condition": ("Condição", "Observações"),
        "good": ("Bom estado", "Aparente bom estado"),
        "unit_total": ("Total do contêiner",),
        "unit_total_land": ("Total do veículo",),
        "summary": ("RESUMO", "TOTAIS"),
        "units": ("Contêineres estufados", "Quantidade de contêineres"),
        "units_land": ("Veículos carregados",),
        "packages": ("Volumes conferidos", "Total de volumes"),
        "net_total": ("Peso líquido total", "Peso líquido"),
        "gross_total": ("Peso bruto total", "Peso bruto"),
        "weights_note": ("Pesos conforme romaneio do exportador, não pesados pelo conferente.",
                         "Pesos líquido e bruto declarados pelo exportador."),
        "statement": ("Certificamos que os volumes acima foram conferidos na estufagem do(s) contêiner(es) em nossa "
                      "presença, em aparente bom estado, e que as portas foram fechadas e lacradas com os lacres "
                      "indicados. A conferência confere com o romaneio.",),
        "statement_land": ("Certificamos que os volumes acima foram conferidos no carregamento do(s) veículo(s) em "
                           "nossa presença, em aparente bom estado, e que a carga foi amarrada e lacrada.",),
        "photos": ("Fotos:", "Registro fotográfico:"),
        "photo_items": ("contêiner vazio", "meia carga", "cheio", "portas fechadas", "lacre"),
        "photo_items_land": ("veículo vazio", "carregado", "carga amarrada", "lacre"),
        "clerk": ("Conferente", "Vistoriador"),
        "rep": ("Representante do armazém", "Representante do exportador"),
        "driver": ("Motorista", "Transportadora"),
    },
}  # fmt: skip
# The captions over a checklist's two boxes per unit.
YES_NO: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("Yes", "No"), ("OK", "NO")),
    "es": (("Sí", "No"),),
    "fr": (("Oui", "Non"),),
    "pt": (("Sim", "Não"),),
}
# The unit's short name over its column of ticks.
ABBREVIATIONS = {
    "en": {"container": "Cont.", "truck": "Veh.", "wagon": "Wagon"},
    "es": {"container": "Cont.", "truck": "Veh.", "wagon": "Vagón"},
    "fr": {"container": "Cont.", "truck": "Véh.", "wagon": "Wagon"},
    "pt": {"container": "Cont.", "truck": "Veíc.", "wagon": "Vagão"},
}
INK = (0.1, 0.15, 0.45)  # the tally clerk's ballpoint
# The surveyor working in an exporter's region, by the first word of its name (the others for the rest).
REGIONAL = {"TH": "Siam", "MY": "Siam", "ID": "Siam", "VN": "Siam", "MX": "Andes", "BO": "Andes", "OM": "Gulf"}


def stuffing_tally(ctx: Ctx, lots: list[Lot]) -> None:
    draw_to_fit(ctx, lambda c, squeeze: _draw(c, lots, squeeze), "stuffing tally sheet", tries=6)


def _tick(ctx: Ctx, x: float, y: float, side: float, ticked: bool) -> None:
    """A check box, its bottom at baseline `y`, with a handwritten tick where `ticked`."""
    sh = ctx.sheet
    sh.rect(x, y - side, side, side, 0.35)
    if not ticked:
        return
    c, h = sh.canvas, sh.height
    c.setStrokeColorRGB(*INK)
    c.setLineWidth(0.9)
    path = c.beginPath()
    path.moveTo((x + side * 0.15) * MM, (h - y + side * 0.5) * MM)
    path.lineTo((x + side * 0.42) * MM, (h - y + side * 0.12) * MM)
    path.lineTo((x + side * 1.05) * MM, (h - y + side * 1.15) * MM)
    c.drawPath(path, stroke=1, fill=0)
    c.setStrokeColorRGB(0, 0, 0)


def _strokes(ctx: Ctx, x: float, y: float, n: int, height: float, width: float) -> int:
    """`n` tally strokes in gates of five (four bars and a stroke across them) from `x`, their feet on `y`,
    wrapping to a further line where `width` mm is full; returns the number of lines used."""
    sh, rng = ctx.sheet, ctx.rng
    c, h = sh.canvas, sh.height
    bar, gap = 1.15, 2.2
    gate = 4 * bar + gap
    per_line = max(1, int((width + gap - bar) // gate))
    c.setStrokeColorRGB(*INK)
    c.setLineWidth(0.7)
    lines = 0
    for g in range(0, n, 5):
        index = g // 5
        row, col = divmod(index, per_line)
        lines = row + 1
        gx = x + col * gate
        gy = y + row * (height + 1.6)
        count = min(5, n - g)
        for b in range(min(count, 4)):
            bx = gx + b * bar + rng.uniform(-0.12, 0.12)
            c.line(bx * MM, (h - gy) * MM, (bx + rng.uniform(-0.25, 0.25)) * MM, (h - gy + height) * MM)
        if count == 5:  # the fifth stroke across the four
            c.line((gx - 0.6) * MM, (h - gy + height * 0.2) * MM, (gx + 3 * bar + 0.6) * MM,
                   (h - gy + height * 0.8) * MM)  # fmt: skip
    c.setStrokeColorRGB(0, 0, 0)
    return lines


def _loads(ctx: Ctx, n: int) -> str:
    """The packages of each forklift load in the order they went in ('2 2 2 1'), the tally by loads."""
    per = int(ctx.pick((2, 2, 3))) if ctx.s.product == "ingot" else int(ctx.pick((1, 2)))
    loads = [per] * (n // per) + ([n % per] if n % per else [])
    return " ".join(str(v) for v in loads)


def _draw(ctx: Ctx, lots: list[Lot], squeeze: int) -> float:
    s, sh, rng = ctx.s, ctx.sheet, ctx.rng
    x, w = ctx.left, ctx.width
    lang = fl.language(ctx, french_share=0.5)
    words = WORDS[lang]

    def w_(key: str) -> str:
        return str(ctx.pick(words[key]))

    k = 1 - 0.09 * squeeze
    size = ctx.jitter(8.3, 0.3) - 0.3 * squeeze
    step = size * 0.44
    road = s.vessel.startswith("Truck")
    rail = s.vessel.startswith("Wagon")
    land = road or rail
    suffix = "_land" if land else ""

    # ----- the units: containers of a sea shipment, trucks or wagons overland -----
    if rail:
        payload = Decimal(ctx.pick((54000, 60000)))
    elif road:
        payload = Decimal(ctx.pick((20000, 22000, 24000)))
    else:
        payload = Decimal(ctx.pick((21000, 22000, 24000, 25000)))
    units = _vehicles(ctx, lots, payload)
    idents: list[dict[str, str]] = []
    for i, _ in enumerate(units):
        seal = f"{ctx.pick(('', 'ML', 'H', 'SL'))}{rng.randrange(1000000, 9999999)}"
        if rail:
            number = s.vessel.split()[-1] if i == 0 else f"{rng.randrange(50000000, 59999999)}"
            idents.append({"id": number, "seal": seal})
        elif road:
            plate = s.vessel.removeprefix("Truck plates ") if i == 0 else _plate(ctx, s.seller.country)
            idents.append({"id": plate, "trailer": _plate(ctx, s.seller.country, province=False), "seal": seal})
        else:
            number = iso6346(ctx.pick(CARRIER_CODES + LESSOR_CODES), rng.randrange(100000, 999999))
            if rng.random() < 0.5:  # owner code, serial and check digit apart, as painted on the doors
                number = f"{number[:4]} {number[4:10]} {number[10]}"
            idents.append({"id": number, "size": str(ctx.pick(SIZE_TYPES)), "tare": f"{ctx.pick(TARES_20):,} kg",
                           "seal": seal})  # fmt: skip
    stuffing_day = max(s.invoice_date, s.departure_date - timedelta(days=rng.randrange(2, 5)))
    start_min = rng.randrange(7 * 60 + 30, 10 * 60, 5)
    end_min = start_min + len(units) * rng.randrange(55, 110, 5)

    # ----- letterhead: the surveyor, or the exporter's own warehouse -----
    top = ctx.jitter(14, 1)
    if rng.random() < 0.6:  # mostly a surveyor working in the exporter's region
        local = [sv for sv in SURVEYORS if sv[0].split()[0] == REGIONAL.get(s.seller.country, "Meridian")]
        issuer, tagline = ctx.pick(local if rng.random() < 0.75 else SURVEYORS)
    else:
        issuer, tagline = s.seller.name, w_("warehouse")
    sh.text(x, top, issuer, ctx.jitter(12.5, 0.6), bold=True, max_w=w * 0.62)
    sh.text(x, top + 4.6, tagline, size - 0.8, max_w=w * 0.62)
    report = f"{ctx.pick(('ST', 'TS', 'SR', 'TLY'))}-{stuffing_day:%y}{rng.randrange(100, 9999):04d}"
    rx = ctx.right
    ctx.label_value(rx - 52, top, f"{w_('report')}:", report, gap=24, size=size)
    ctx.label_value(rx - 52, top + step + 1.2, f"{w_('date')}:", fl.day(ctx, lang, stuffing_day), gap=24,
                    size=size)  # fmt: skip
    sh.hline(x, ctx.right, top + 7.5, ctx.pick((0.6, 1.0)))
    y = top + 7.5 + ctx.jitter(7, 0.8) * k
    sh.text(sh.width / 2, y, w_(f"title{'_land' if land else '_sea'}"), ctx.jitter(13, 0.6) - 0.3 * squeeze,
            bold=True, align="center", max_w=w)  # fmt: skip
    y += ctx.jitter(4.5, 0.5) * k

    # ----- the particulars in ruled, captioned cells (three to a row) -----
    ctx.set("invoice_number", s.pl_invoice_ref)
    route = [(w_("pol_land" if land else "pol"), s.place_loading, None),
             (w_("pod_land" if land else "pod"), s.place_discharge, None)]  # fmt: skip
    cells: list[tuple[str, str, str | None]] = [
        (w_("shipper"), s.seller.name, None),
        (w_("consignee"), s.buyer.name, None),
        (w_("commodity"), fl.description(ctx, lang), None),
        (w_("invoice"), s.pl_invoice_ref, "invoice_number"),
        (w_("advice"), s.pl_no, None),
    ]
    if not land and rng.random() < 0.7:
        cells.append((w_("booking"), f"{ctx.pick(('', 'BK', 'SZX'))}{rng.randrange(100000000, 999999999)}", None))
    cells.append((w_("means" if land else "vessel"), fl.vehicle(ctx, lang), None))
    cells += route
    if not land:  # the exporter's warehouse, where the boxes are stuffed before they go to the port
        cells.append((w_("place"), s.seller.city or s.place_loading, None))
    cells.append((w_("commenced"), f"{start_min // 60:02d}:{start_min % 60:02d}", None))
    cells.append((w_("completed"), f"{end_min // 60:02d}:{end_min % 60:02d}", None))
    if squeeze < 3 and rng.random() < 0.6:
        cells.append((w_("weather"), w_("weather_values"), None))
    per_row = 3
    cw = w / per_row
    ch = (3.0 + step + 3.3) * max(k, 0.85)
    cap = size - 2.2
    for i, (caption, value, field) in enumerate(cells):
        row, col = divmod(i, per_row)
        cx, cy = x + col * cw, y + row * ch
        sh.rect(cx, cy, cw, ch, 0.35)
        sh.text(cx + 1.2, cy + 2.6, caption, cap, kind="label", max_w=cw - 2.4)
        sh.text(cx + 1.6, cy + 2.6 + step + 0.6, value, size - 0.2, kind="value" if field else "static", field=field,
                bold=field is not None, max_w=cw - 3)  # fmt: skip
    rows_used = -(-len(cells) // per_row)
    last = len(cells) % per_row
    marks = s.marks("es" if lang == "es" else "en", packing_list=True)
    marks_line = "  /  ".join(marks)
    msize = size - 1.0
    mw = w - last * cw
    if last and sh.text_width(marks_line, msize) <= mw - 3:  # the marks fill the last row's empty cells
        mx, my = x + last * cw, y + (rows_used - 1) * ch
        sh.rect(mx, my, mw, ch, 0.35)
        sh.text(mx + 1.2, my + 2.6, w_("marks"), cap, kind="label", max_w=mw - 2.4)
        sh.text(mx + 1.6, my + 2.6 + step + 0.6, marks_line, msize, max_w=mw - 3)
        y += rows_used * ch
    else:  # a row of their own, the marks wrapped where they are wider than the page
        for col in range(last, per_row if last else 0):  # the last row's empty cells stay ruled
            sh.rect(x + col * cw, y + (rows_used - 1) * ch, cw, ch, 0.35)
        y += rows_used * ch
        wrapped = sh.wrap(marks_line, w - 3, msize)
        mh = ch + (len(wrapped) - 1) * (step - 0.2)
        sh.rect(x, y, w, mh, 0.35)
        sh.text(x + 1.2, y + 2.6, w_("marks"), cap, kind="label", max_w=w - 2.4)
        sh.lines(x + 1.6, y + 2.6 + step + 0.6, wrapped, msize, kind="static", step=step - 0.2, max_w=w - 3)
        y += mh
    y += ctx.jitter(4.5, 0.6) * k

    # ----- the condition of every unit before stuffing: items down, one column of ticks per unit -----
    unit_word = w_("wagon" if rail else "truck" if road else "container")
    abbr = ABBREVIATIONS[lang]["wagon" if rail else "truck" if road else "container"]
    checks = list(words["checks_land" if land else "checks"])
    if squeeze >= 2:
        checks = checks[: 6 if not land else 4]
    sh.text(x, y, w_(f"checks_title{suffix}"), size - 0.2, bold=True, kind="label", max_w=w * 0.6)
    yes_no = rng.random() < 0.45  # a Yes and a No box per unit, or one box ticked
    y += step + 0.8 + (step - 0.4 if yes_no else 0)
    two_columns = len(checks) > 5 and len(units) <= 2 and rng.random() < 0.6
    per_col = -(-len(checks) // 2) if two_columns else len(checks)
    block_w = w / 2 - 2 if two_columns else w * 0.7
    box = 2.5
    unit_col = (12 if yes_no else 9) * max(k, 0.85)
    item_w = block_w - unit_col * len(units)
    yes, no = ctx.pick(YES_NO[lang])
    line = step + 1.1 * k
    for b in range(2 if two_columns else 1):
        bx = x + b * (block_w + 4)
        hy = y
        for u in range(len(units)):
            ux = bx + item_w + u * unit_col
            sh.text(ux + unit_col / 2, hy - (step - 0.4 if yes_no else 0), f"{abbr} {u + 1}",
                    size - 1.8, bold=True, kind="label", align="center", max_w=unit_col - 0.6)  # fmt: skip
            if yes_no:  # the Yes and No captions over their boxes
                for label, dx in ((yes, -box / 2 - 0.6), (no, box / 2 + 0.6)):
                    sh.text(ux + unit_col / 2 + dx, hy, label, size - 2.6, kind="label", align="center",
                            max_w=unit_col / 2)  # fmt: skip
        iy = hy + line
        for item in checks[b * per_col : (b + 1) * per_col]:
            sh.text(bx, iy, item, size - 1, max_w=item_w - 2)
            for u in range(len(units)):
                ux = bx + item_w + u * unit_col
                if yes_no:
                    _tick(ctx, ux + unit_col / 2 - box - 0.6, iy + 0.4, box, True)
                    _tick(ctx, ux + unit_col / 2 + 0.6, iy + 0.4, box, False)
                else:
                    _tick(ctx, ux + unit_col / 2 - box / 2, iy + 0.4, box, True)
            iy += line
        sh.hline(bx, bx + block_w, hy + 1.2, 0.3)
    y += line * (per_col + 1) + ctx.jitter(3, 0.5) * k

    # ----- per unit: a band with its number, size, tare and seal, then the lots tallied into it -----
    by_loads = rng.random() < 0.3
    spec: list[tuple[str, float, str]] = [("lot", 0.17, "left"), ("nos", 0.1, "left"), ("tally", 0.3, "left"),
                                          ("pkgs", 0.07, "right"), ("net", 0.12, "right"),
                                          ("gross", 0.12, "right")]  # fmt: skip
    if rng.random() < 0.6:
        spec.append(("condition", 0.12, "left"))
    scale = w / sum(f for _, f, _ in spec)
    widths = {key: f * scale for key, f, _ in spec}
    lefts: dict[str, float] = {}
    cx = x
    for key, _, _ in spec:
        lefts[key] = cx
        cx += widths[key]
    captions = {key: w_("tally_loads" if key == "tally" and by_loads else key) for key, _, _ in spec}
    aligns = {key: a for key, _, a in spec}
    tsize = size - 0.4
    good = w_("good")
    unit_total = w_(f"unit_total{suffix}")
    first_no: dict[str, int] = {}
    n = 0
    for lot in lots:
        first_no[lot.number] = n
        n += lot.packages
    shown: set[str] = set()

    def put(key: str, yy: float, text: str, kind: str = "static", field: str | None = None,
            bold: bool = False) -> None:  # fmt: skip
        tx = lefts[key] + (1.2 if aligns[key] == "left" else widths[key] - 1.2)
        sh.text(tx, yy, text, tsize, bold, kind, field, align=aligns[key], max_w=widths[key] - 2)

    bar_h = 3.3 * max(k, 0.8)
    for u, (pieces, ident) in enumerate(zip(units, idents, strict=True)):
        band_h = step + 3.2
        sh.rect(x, y, w, band_h, 0.5, fill=ctx.pick((0.88, 0.92)))
        parts = [(f"{unit_word} {u + 1}:", ident["id"])]
        if "size" in ident:
            parts += [(f"{w_('size')}:", ident["size"]), (f"{w_('tare')}:", ident["tare"])]
        if "trailer" in ident and rng.random() < 0.6:
            parts.append((f"{w_('trailer')}:", ident["trailer"]))
        parts.append((f"{w_('seal')}:", ident["seal"]))
        bx = x + 1.5
        for label, value in parts:
            lw = sh.text(bx, y + band_h - 1.6, label, size - 0.3, bold=True, kind="label") + 1.2
            vw = sh.text(bx + lw, y + band_h - 1.6, value, size - 0.2, bold=label.startswith(unit_word))
            bx += lw + vw + 5
        y += band_h
        top = y
        y += step + 1.2
        for key, _, _ in spec:
            put(key, y, captions[key], "label", bold=True)
        sh.hline(x, ctx.right, y + 1.3, 0.4)
        y += 1.3
        u_pkgs, u_net, u_gross = 0, Decimal(0), Decimal(0)
        for lot, a, b in pieces:
            count = b - a + 1
            net = sum(lot.package_nets[a : b + 1], Decimal(0))
            gross = sum(lot.package_gross[a : b + 1], Decimal(0))
            u_pkgs, u_net, u_gross = u_pkgs + count, u_net + net, u_gross + gross
            lo, hi = first_no[lot.number] + a + 1, first_no[lot.number] + b + 1
            tally_w = widths["tally"] - 2.4
            if by_loads:
                text = _loads(ctx, count)
                lines_ = sh.wrap(text, tally_w, tsize)
                height = len(lines_) * step
            else:
                gates = -(-count // 5)
                per_line = max(1, int((tally_w + 2.2 - 1.15) // (4 * 1.15 + 2.2)))
                height = -(-gates // per_line) * (bar_h + 1.6)
            row_h = max(step, height) + 2.2 * k
            base = y + step + 0.8
            fresh = lot.number not in shown
            shown.add(lot.number)
            put("lot", base, lot.number, "value" if fresh else "static", "lot_numbers" if fresh else None)
            put("nos", base, f"{lo}-{hi}" if hi > lo else str(lo))
            if by_loads:
                for j, part in enumerate(lines_):
                    put("tally", base + j * step, part)
            else:
                _strokes(ctx, lefts["tally"] + 1.4, base + 0.3, count, bar_h, tally_w)
            put("pkgs", base, str(count))
            put("net", base, ctx.kg(net, 1))
            put("gross", base, ctx.kg(gross, 1))
            if "condition" in widths:
                put("condition", base, good)
            y += row_h
            sh.hline(x, ctx.right, y, 0.2)
        y += step + 0.6
        put("lot", y, unit_total, "label", bold=True)
        put("pkgs", y, str(u_pkgs), bold=True)
        put("net", y, ctx.kg(u_net, 1), bold=True)
        put("gross", y, ctx.kg(u_gross, 1), bold=True)
        y += 1.6
        sh.rect(x, top, w, y - top, 0.5)
        for key, _, _ in spec[1:]:
            sh.vline(lefts[key], top, y, 0.2)
        y += ctx.jitter(3, 0.5) * k

    # ----- the summary, the weights' source, the statement, the photographs -----
    n_pkgs = sum(lot.packages for lot in lots)
    net_total = sum((lot.net_kg for lot in lots), Decimal(0))
    gross_total = sum((lot.gross_kg for lot in lots), Decimal(0))
    summary = [
        (w_(f"units{suffix}"), str(len(units)), None),
        (w_("packages"), fl.packages(ctx, lang, n_pkgs), "package_count"),
        (w_("net_total"), fl.weight(ctx, lang, net_total, "net_weight_kg"), "net_weight_kg"),
        (w_("gross_total"), fl.weight(ctx, lang, gross_total, "gross_weight_kg"), "gross_weight_kg"),
    ]
    sw = w * ctx.jitter(0.44, 0.03)
    top = y
    sh.text(x + 1.5, y + step + 0.6, w_("summary"), size, bold=True, kind="label")
    y += step + 0.6
    gap = max(sh.text_width(label, size - 0.5, True) for label, _, _ in summary) + 3
    for label, value, field in summary:
        y += step + 1.0 * k
        ctx.label_value(x + 1.5, y, label, value, field, gap=gap, size=size, max_w=sw - gap - 3)
    y += 2
    sh.rect(x, top, sw, y - top, 0.5)
    # the notes beside the summary
    nx = x + sw + 4
    nw = ctx.right - nx
    ny = top + step + 0.6
    ny = sh.para(nx, ny, w_("weights_note"), nw, size - 1, step - 0.3)
    ny = sh.para(nx, ny + 0.8, w_(f"statement{suffix}"), nw, size - 1, step - 0.3)
    if squeeze < 4:
        items = words[f"photo_items{suffix}"]
        px = nx + sh.text(nx, ny + 1.2, w_("photos"), size - 1, bold=True, kind="label") + 1.5
        for item in items:
            iw = sh.text_width(item, size - 1.4)
            if px + 3.5 + iw > ctx.right:
                break
            _tick(ctx, px, ny + 1.5, 2.2, True)
            px += sh.text(px + 3, ny + 1.2, item, size - 1.4) + 5
        ny += step + 1
    y = max(y, ny) + ctx.jitter(6, 1) * k

    # ----- the signatures -----
    keys = ["clerk", "rep"] + (["driver"] if land or rng.random() < 0.4 else [])
    bw = w / len(keys)
    for i, key in enumerate(keys):
        sx = x + i * bw
        if i == 0 or rng.random() < 0.75:
            sh.scribble(sx + 4, y + 4, bw * 0.45, len(report) + i)
        sh.hline(sx, sx + bw * 0.8, y + 7, 0.35)
        sh.text(sx, y + 10.5, w_(key), size - 0.8, kind="label", max_w=bw * 0.8)
    if rng.random() < 0.5:  # the time and place under the signatures
        place = s.seller.city or s.place_loading
        sh.text(x, y + 14.5, f"{place}, {fl.day(ctx, lang, stuffing_day)}", size - 1, max_w=w * 0.6)
        return y + 16
    return y + 12
