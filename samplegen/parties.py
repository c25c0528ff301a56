"""Fictional companies, laboratories and people, placed in real cities, provinces and ports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Party:
    name: str
    lines: tuple[str, ...]  # street and city lines, without the country
    country: str  # ISO 3166 alpha-2
    person: str
    title: str
    phone: str
    email: str
    tax_id: str
    city: str = ""  # place of issue printed on documents


def _p(
    name: str,
    lines: tuple[str, ...],
    country: str,
    person: str,
    title: str,
    phone: str,
    email: str,
    tax_id: str,
    city: str = "",
) -> Party:
    return Party(name, lines, country, person, title, phone, email, tax_id, city)


EXPORTERS: dict[str, tuple[Party, ...]] = {
    "TH": (
        _p(
            "Chao Phraya Metal Resources Co., Ltd.",
            ("88/12 Moo 3, Sukhumvit Road", "Thung Sukhla, Si Racha", "Chonburi 20230"),
            "TH",
            "Nattaya Srisuk",
            "Export Manager",
            "+66 38 401 227",
            "export@cpmr-metals.example",
            "Tax ID 0205561012345",
            "Chonburi",
        ),
        _p(
            "Andaman Minerals Trading Co., Ltd.",
            ("1168/45 Rama III Road", "Chong Nonsi, Yan Nawa", "Bangkok 10120"),
            "TH",
            "Somchai Rattanakul",
            "Managing Director",
            "+66 2 294 6610",
            "sales@andaman-minerals.example",
            "Tax ID 0105559087654",
            "Bangkok",
        ),
        _p(
            "Eastern Seaboard Alloy Supply Co., Ltd.",
            ("300/7 Moo 5, Map Ta Phut", "Mueang Rayong", "Rayong 21150"),
            "TH",
            "Kittipong Wongsawat",
            "Sales Director",
            "+66 38 683 119",
            "trade@esalloy.example",
            "Tax ID 0215560034567",
            "Rayong",
        ),
    ),
    "MX": (
        _p(
            "Metales y Minerales del Bravo, S.A. de C.V.",
            ("Blvd. Harold R. Pape 1420, Col. Guadalupe", "Monclova, Coahuila, C.P. 25750"),
            "MX",
            "Laura Treviño Garza",
            "Gerente de Exportación",
            "+52 866 633 1840",
            "exportacion@mmbravo.example",
            "RFC MMB180412K27",
            "Monclova, Coahuila",
        ),
        _p(
            "Comercializadora Antimonio del Bajío, S.A. de C.V.",
            ("Av. Tecnológico 2150, Int. 4", "Celaya, Guanajuato, C.P. 38010"),
            "MX",
            "Jorge Alberto Ramos Villarreal",
            "Director Comercial",
            "+52 461 612 0935",
            "ventas@antimoniobajio.example",
            "RFC CAB150921HX3",
            "Celaya, Guanajuato",
        ),
        _p(
            "Exportadora Sierra Madre Metals, S. de R.L. de C.V.",
            ("Calle Allende 455 Ote., Zona Centro", "Saltillo, Coahuila, C.P. 25000"),
            "MX",
            "Mariana Cárdenas Ruiz",
            "Coordinadora de Comercio Exterior",
            "+52 844 410 2276",
            "comex@sierramademetals.example",
            "RFC ESM200117PL9",
            "Saltillo, Coahuila",
        ),
    ),
    "BE": (
        _p(
            "Kempen Specialty Oxides BV",
            ("Industriepark 14", "2300 Turnhout, Antwerpen"),
            "BE",
            "Pieter Van Dyck",
            "Export Sales Manager",
            "+32 14 41 77 20",
            "sales@kempenoxides.example",
            "VAT BE 0712.345.678",
            "Turnhout",
        ),
    ),
    "OM": (
        _p(
            "Batinah Metals Export LLC",
            ("P.O. Box 312, PC 322", "Sohar Freezone, Sohar"),
            "OM",
            "Salim Al-Balushi",
            "Commercial Manager",
            "+968 2685 0412",
            "trade@batinahmetals.example",
            "CR 1298765",
            "Sohar",
        ),
    ),
    "TJ": (
        _p(
            "Zarafshon Metals Export LLC",
            ("12 Rahimov Street", "Khujand 735700, Sughd Region"),
            "TJ",
            "Firuz Nazarov",
            "Director",
            "+992 3422 6 41 18",
            "export@zarafshon-metals.example",
            "TIN 510012345",
            "Khujand",
        ),
    ),
    "MY": (
        _p(
            "Kinta Valley Metals Sdn. Bhd.",
            ("Lot 23, Jalan Kuala Kangsar", "30010 Ipoh, Perak"),
            "MY",
            "Tan Wei Ming",
            "General Manager",
            "+60 5 254 7781",
            "sales@kintavalleymetals.example",
            "Co. Reg. 201901023456",
            "Ipoh",
        ),
    ),
    "ID": (
        _p(
            "PT Nusantara Logam Niaga",
            ("Jl. Rungkut Industri III No. 18", "Surabaya 60293, Jawa Timur"),
            "ID",
            "Dewi Lestari",
            "Export Manager",
            "+62 31 843 2290",
            "export@nusantaralogam.example",
            "NPWP 01.234.567.8-609.000",
            "Surabaya",
        ),
    ),
    "CA": (
        _p(
            "Laurentian Specialty Metals Inc.",
            ("2250 Rue Guénette", "Saint-Laurent, QC H4R 2E9"),
            "CA",
            "Marc-André Gagnon",
            "Vice-President, Trade",
            "+1 514 555 0148",
            "trade@laurentianmetals.example",
            "BN 812345678RC0001",
            "Montréal",
        ),
    ),
    "BO": (
        _p(
            "Minerales Andinos del Sur S.R.L.",
            ("Av. 6 de Agosto No. 2170, Edif. Illimani, Piso 4", "La Paz"),
            "BO",
            "Javier Quispe Mamani",
            "Gerente de Exportaciones",
            "+591 2 244 1187",
            "exportaciones@mineralesandinos.example",
            "NIT 1023456027",
            "La Paz",
        ),
    ),
    "VN": (
        _p(
            "Song Hong Nonferrous Metals Export JSC",
            ("Lot B4, Dinh Vu Industrial Zone", "Hai An District, Hai Phong"),
            "VN",
            "Nguyen Thi Thu Ha",
            "Export Director",
            "+84 225 3769 412",
            "export@songhongmetals.example",
            "MST 0201234567",
            "Hai Phong",
        ),
    ),
}

BUYERS: dict[str, tuple[Party, ...]] = {
    "US": (
        _p(
            "Gulf Coast Flame Retardants LLC",
            ("8400 Bay Area Blvd, Suite 210", "Pasadena, TX 77507"),
            "US",
            "Karen Whitfield",
            "Purchasing Manager",
            "+1 281 555 0193",
            "purchasing@gcfr.example",
            "EIN 74-3456789",
        ),
        _p(
            "Great Lakes Alloy Supply Inc.",
            ("1650 Columbus Road", "Cleveland, OH 44113"),
            "US",
            "Daniel Kowalski",
            "Procurement Director",
            "+1 216 555 0127",
            "buying@glalloy.example",
            "EIN 34-2345678",
        ),
        _p(
            "Cascade Battery Metals Corp.",
            ("5200 NW Front Ave", "Portland, OR 97210"),
            "US",
            "Rebecca Lindqvist",
            "Supply Chain Manager",
            "+1 503 555 0164",
            "supply@cascadebm.example",
            "EIN 93-1234567",
        ),
        _p(
            "Delaware Valley Polymer Additives Inc.",
            ("400 Commerce Drive", "Newark, DE 19713"),
            "US",
            "Michael Ostrowski",
            "Raw Materials Buyer",
            "+1 302 555 0110",
            "rawmaterials@dvpa.example",
            "EIN 51-4567890",
        ),
    ),
    "VN": (
        _p(
            "Saigon Polymer Additives JSC",
            ("Lot C5, Tan Thuan Export Processing Zone", "Tan Thuan Dong Ward, District 7, Ho Chi Minh City"),
            "VN",
            "Nguyen Thi Lan",
            "Purchasing Manager",
            "+84 28 3770 1452",
            "purchase@saigonpa.example",
            "MST 0312345678",
        ),
        _p(
            "Hai Phong Cable & Alloy Co., Ltd.",
            ("Lot B2, Nomura Industrial Zone", "An Duong, Hai Phong"),
            "VN",
            "Tran Van Minh",
            "Import Officer",
            "+84 225 3743 318",
            "import@hpcable.example",
            "MST 0201234567",
        ),
    ),
    "MY": (
        _p(
            "Penang Solder Works Sdn. Bhd.",
            ("Plot 88, Bayan Lepas Industrial Zone", "11900 Bayan Lepas, Penang"),
            "MY",
            "Lim Chee Keong",
            "Procurement Manager",
            "+60 4 643 2210",
            "procure@pgsolder.example",
            "Co. Reg. 199801004567",
        ),
    ),
    "ID": (
        _p(
            "PT Cikarang Kimia Aditif",
            ("Jl. Jababeka Raya Blok F 12", "Cikarang, Bekasi 17530, Jawa Barat"),
            "ID",
            "Budi Santoso",
            "Purchasing Head",
            "+62 21 8983 4410",
            "purchasing@cikarangkimia.example",
            "NPWP 02.345.678.9-413.000",
        ),
    ),
    "PH": (
        _p(
            "Luzon Glass & Ceramics Corp.",
            ("Lot 4, Laguna Technopark", "Biñan, Laguna 4024"),
            "PH",
            "Maria Cristina Reyes",
            "Materials Manager",
            "+63 49 541 2287",
            "materials@luzonglass.example",
            "TIN 004-567-890-000",
        ),
    ),
    "DE": (
        _p(
            "Rheinland Legierungen GmbH",
            ("Hafenstraße 41", "47119 Duisburg"),
            "DE",
            "Stefan Brandt",
            "Einkaufsleiter",
            "+49 203 555 4120",
            "einkauf@rheinland-legierungen.example",
            "USt-IdNr. DE812345678",
        ),
    ),
    "NL": (
        _p(
            "Maasvlakte Metals Trading B.V.",
            ("Europaweg 210", "3199 LD Rotterdam"),
            "NL",
            "Joost de Vries",
            "Trader",
            "+31 10 555 7730",
            "trading@maasvlaktemetals.example",
            "VAT NL812345678B01",
        ),
    ),
    "JP": (
        _p(
            "Kansai Flame Chemicals K.K.",
            ("2-4-11 Nankohigashi, Suminoe-ku", "Osaka 559-0031"),
            "JP",
            "Hiroshi Tanaka",
            "Purchasing Section Chief",
            "+81 6 6615 2234",
            "kobai@kansaiflame.example",
            "Corp. No. 3120001123456",
        ),
    ),
    "MX": (
        _p(
            "Plásticos Ignífugos de Jalisco, S.A. de C.V.",
            ("Av. Mariano Otero 3200", "Zapopan, Jalisco, C.P. 45070"),
            "MX",
            "Ricardo Salazar Ochoa",
            "Gerente de Compras",
            "+52 33 3122 4410",
            "compras@pijalisco.example",
            "RFC PIJ170308QW1",
        ),
    ),
}

BUYERS["CN"] = (
    _p(
        "Qinzhou Harbour Flame Retardant Materials Co., Ltd.",
        ("No. 8 Jinggu Road, Qinzhou Port Economic Zone", "Qinzhou, Guangxi 535008"),
        "CN",
        "Liang Wenjie",
        "Procurement Manager",
        "+86 777 388 6120",
        "procurement@qzflame.example",
        "USCC 91450700MA5K123456",
    ),
)

BUYERS["BR"] = (
    _p(
        "Retardantes Paulista Indústria Química Ltda.",
        ("Rua Voluntários da Pátria 1870", "Santo André, SP, CEP 09015-000"),
        "BR",
        "Marcos Antônio Ribeiro",
        "Gerente de Suprimentos",
        "+55 11 4433 7120",
        "suprimentos@retpaulista.example",
        "CNPJ 12.345.678/0001-90",
    ),
)

LABS: dict[str, tuple[Party, ...]] = {
    "TH": (
        _p(
            "Siam Metallurgical Testing Laboratory Co., Ltd.",
            ("55 Soi Bangna-Trad 25", "Bang Na, Bangkok 10260"),
            "TH",
            "Dr. Pornthip Chaiyasit",
            "Laboratory Manager",
            "+66 2 361 8840",
            "lab@siammetlab.example",
            "",
        ),
        _p(
            "Laem Chabang Inspection & Assay Co., Ltd.",
            ("99/4 Moo 2, Thung Sukhla", "Si Racha, Chonburi 20230"),
            "TH",
            "Wichai Boonmee",
            "Chief Chemist",
            "+66 38 490 552",
            "assay@lcinspection.example",
            "",
        ),
    ),
    "MX": (
        _p(
            "Laboratorio Metalúrgico del Norte, S.C.",
            ("Blvd. Venustiano Carranza 4120", "Saltillo, Coahuila, C.P. 25280"),
            "MX",
            "Ing. Rosa Elena Martínez",
            "Jefa de Laboratorio",
            "+52 844 415 9930",
            "laboratorio@lmnorte.example",
            "",
        ),
        _p(
            "Análisis Minerales de Torreón, S.A. de C.V.",
            ("Calzada Colón 880 Sur", "Torreón, Coahuila, C.P. 27000"),
            "MX",
            "Q.F.B. Héctor Luna Ibarra",
            "Responsable Técnico",
            "+52 871 712 3345",
            "resultados@amtorreon.example",
            "",
        ),
    ),
    "BE": (
        _p(
            "Antwerp Non-Ferrous Assay BV",
            ("Noorderlaan 133", "2030 Antwerpen"),
            "BE",
            "Dr. Els Peeters",
            "Head of Laboratory",
            "+32 3 555 1290",
            "lab@anfassay.example",
            "",
        ),
    ),
    "OM": (
        _p(
            "Sohar Minerals Analytical LLC",
            ("Sohar Industrial Estate, Road 8", "Sohar"),
            "OM",
            "Dr. Khalid Al-Hinai",
            "Laboratory Director",
            "+968 2675 1180",
            "lab@soharminerals.example",
            "",
        ),
    ),
    "TJ": (
        _p(
            "Khujand Assay Centre LLC",
            ("27 Lenin Avenue", "Khujand 735700"),
            "TJ",
            "Dilnoza Rahimova",
            "Head Chemist",
            "+992 3422 5 22 40",
            "assay@khujandassay.example",
            "",
        ),
    ),
    "MY": (
        _p(
            "Perak Analytical Services Sdn. Bhd.",
            ("No. 7, Jalan Bendahara", "31650 Ipoh, Perak"),
            "MY",
            "Dr. Nurul Huda Ismail",
            "Laboratory Manager",
            "+60 5 241 3390",
            "lab@perakanalytical.example",
            "",
        ),
    ),
    "ID": (
        _p(
            "PT Surabaya Mineral Assay",
            ("Jl. Margomulyo Indah Blok C-21", "Surabaya 60186, Jawa Timur"),
            "ID",
            "Agus Prasetyo",
            "Head of Laboratory",
            "+62 31 749 1122",
            "lab@surabayaassay.example",
            "",
        ),
    ),
    "CA": (
        _p(
            "Montreal Metals Assay Laboratory Inc.",
            ("8500 Boulevard Décarie", "Mont-Royal, QC H4P 2N2"),
            "CA",
            "Dr. Julie Tremblay",
            "Laboratory Director",
            "+1 514 555 0172",
            "lab@mtlassay.example",
            "",
        ),
    ),
}

LABS["BO"] = (
    _p(
        "Laboratorio Minero-Metalúrgico de Oruro S.R.L.",
        ("Calle Bolívar No. 455", "Oruro"),
        "BO",
        "Ing. Carla Mendoza Flores",
        "Jefe de Laboratorio",
        "+591 2 525 3310",
        "laboratorio@lmmoruro.example",
        "",
    ),
)
LABS["VN"] = (
    _p(
        "Northern Vietnam Mineral Analysis Centre",
        ("15 Le Thanh Tong Street", "Ngo Quyen District, Hai Phong"),
        "VN",
        "Dr. Pham Van Duc",
        "Head of Laboratory",
        "+84 225 3842 761",
        "lab@nvmac.example",
        "",
    ),
)

# Fictional refiners that are NOT in reference/smelters.csv (for the unknown_smelter scenario).
UNKNOWN_SMELTERS: dict[str, tuple[str, str]] = {
    "TH": ("Siam Eastern Antimony Refinery Co., Ltd.", "Pluak Daeng, Rayong"),
    "MX": ("Fundición de Antimonio de San Luis, S.A. de C.V.", "San Luis Potosí, S.L.P."),
    "ID": ("PT Sinar Antimon Smelting", "Gresik, Jawa Timur"),
    "MY": ("Perak Antimony Refiners Sdn. Bhd.", "Kampar, Perak"),
    "BO": ("Fundición Altiplano de Antimonio S.A.", "Oruro"),
    "VN": ("Ha Giang Antimony Refining Co., Ltd.", "Ha Giang"),
}

# Fictional producers with real Chinese addresses (origin_text_contradiction free text).
CHINESE_PRODUCERS: tuple[tuple[str, str], ...] = (
    ("Lianyuan Hengtai Metal Products Co., Ltd.", "Lengshuijiang, Hunan, China"),
    ("Hechi Jinxiang Nonferrous Trading Co., Ltd.", "Hechi, Guangxi, China"),
    ("Xinhua Fuyuan Antimony Products Co., Ltd.", "Loudi, Hunan, China"),
)

PORTS: dict[str, tuple[str, ...]] = {
    "TH": ("Laem Chabang, Thailand", "Bangkok (PAT), Thailand"),
    "MX": ("Manzanillo, Colima, México", "Altamira, Tamaulipas, México", "Veracruz, Veracruz, México"),
    "BE": ("Antwerp, Belgium",),
    "OM": ("Sohar, Oman",),
    "TJ": ("Khujand rail station, Tajikistan",),
    "MY": ("Port Klang, Malaysia", "Penang, Malaysia"),
    "ID": ("Tanjung Perak, Surabaya, Indonesia",),
    "CA": ("Montréal, QC, Canada",),
    "US": ("Houston, TX", "Long Beach, CA", "Baltimore, MD"),
    "VN": ("Cat Lai, Ho Chi Minh City", "Hai Phong"),
    "PH": ("Manila, Philippines",),
    "DE": ("Hamburg, Germany",),
    "NL": ("Rotterdam, Netherlands",),
    "JP": ("Osaka, Japan", "Yokohama, Japan"),
    "LV": ("Riga, Latvia",),
    # Bolivia has no coast; its overseas cargo leaves through the Chilean port of Arica.
    "BO": ("Arica, Chile",),
    "CN": ("Qinzhou, Guangxi, China", "Shanghai, China"),
    "BR": ("Santos, SP, Brasil",),
}

OVERLAND_PORTS: dict[tuple[str, str], tuple[str, str, str]] = {
    # (origin, destination) -> (place of loading, place of entry, means)
    ("MX", "US"): ("Saltillo, Coahuila, México", "Laredo, TX", "Truck"),
    ("CA", "US"): ("Montréal, QC, Canada", "Detroit, MI", "Truck"),
    ("TJ", "NL"): ("Khujand, Tajikistan", "Rotterdam, Netherlands", "Rail and sea via Riga"),
    ("BO", "BR"): ("Puerto Quijarro, Bolivia", "Corumbá, MS, Brasil", "Rail"),
}

VESSELS: tuple[str, ...] = (
    "MV Andaman Pearl",
    "MV Sea Lotus",
    "MV Gulf Meridian",
    "MV Pacific Heron",
    "MV Nordic Tern",
    "MV Coral Venture",
    "MV Sierra Azul",
    "MV Arabian Dawn",
    "MV Mekong Star",
    "MV Golden Kestrel",
)
