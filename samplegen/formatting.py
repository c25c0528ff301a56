"""Printing numbers, dates, weights, money, HS codes and country names the way documents do.

Every formatter that prints a quantity also returns the normalised value of exactly what was printed,
so the ground truth always matches the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

KG_PER_LB = Decimal("0.45359237")

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip

DATE_STYLES: dict[str, tuple[str, ...]] = {
    "en": ("iso", "dmy", "long_en", "short_en"),
    "es": ("iso", "dmy", "long_es"),
    "fr": ("iso", "dmy", "dmy_dot", "long_fr"),
}

COUNTRY_NAMES: dict[str, tuple[str, str]] = {
    "TH": ("Thailand", "Tailandia"),
    "MX": ("Mexico", "México"),
    "BE": ("Belgium", "Bélgica"),
    "OM": ("Oman", "Omán"),
    "TJ": ("Tajikistan", "Tayikistán"),
    "MY": ("Malaysia", "Malasia"),
    "ID": ("Indonesia", "Indonesia"),
    "CA": ("Canada", "Canadá"),
    "US": ("United States of America", "Estados Unidos de América"),
    "VN": ("Viet Nam", "Vietnam"),
    "PH": ("Philippines", "Filipinas"),
    "DE": ("Germany", "Alemania"),
    "NL": ("Netherlands", "Países Bajos"),
    "JP": ("Japan", "Japón"),
    "LV": ("Latvia", "Letonia"),
    "CN": ("China", "China"),
    "BO": ("Bolivia", "Bolivia"),
    "BR": ("Brazil", "Brasil"),
}
# Official long names, as some issuing authorities print them (English, Spanish).
OFFICIAL_NAMES: dict[str, tuple[str, str]] = {
    "MX": ("United Mexican States", "Estados Unidos Mexicanos"),
    "BO": ("Plurinational State of Bolivia", "Estado Plurinacional de Bolivia"),
    "VN": ("Socialist Republic of Viet Nam", "República Socialista de Vietnam"),
    "TH": ("Kingdom of Thailand", "Reino de Tailandia"),
    "BE": ("Kingdom of Belgium", "Reino de Bélgica"),
    "TJ": ("Republic of Tajikistan", "República de Tayikistán"),
}


def quantize(value: float | Decimal, places: int) -> Decimal:
    """Round half-up to `places` decimals (as a printer would)."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def fmt_decimal(value: float | Decimal, places: int, conv: str, group: bool = True) -> str:
    """Format with the 'dot' (1,234.56) or 'comma' (1.234,56) convention."""
    q = quantize(value, places)
    text = f"{q:,.{places}f}" if group else f"{q:.{places}f}"
    if conv == "comma":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_date(d: date, style: str) -> str:
    if style == "iso":
        return d.isoformat()
    if style == "dmy":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy_dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "long_en":
        return f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}"
    if style == "short_en":
        return f"{d.day} {MONTHS_EN[d.month - 1][:3]} {d.year}"
    if style == "long_es":
        return f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}"
    if style == "long_fr":
        return f"{'1er' if d.day == 1 else d.day} {MONTHS_FR[d.month - 1]} {d.year}"
    raise ValueError(f"unknown date style {style!r}")


def unambiguous_date_style(d: date, style: str, lang: str) -> str:
    """Numeric day-first dates are only used when the day cannot be read as a month."""
    if style in ("dmy", "dmy_dot") and d.day <= 12:
        return {"es": "long_es", "fr": "long_fr"}.get(lang, "short_en")
    return style


@dataclass(frozen=True)
class WeightStyle:
    unit: str  # "kg" | "KGS" | "MT" | "metric tons" | "lbs"
    places: int


WEIGHT_UNIT_WORDS: dict[str, tuple[str, str]] = {
    "kg": ("kg", "kg"),
    "KGS": ("KGS", "KGS"),
    "MT": ("MT", "TM"),
    "metric tons": ("metric tons", "toneladas métricas"),
    "lbs": ("lbs", "lb"),
}


def fmt_weight(kg: float, style: WeightStyle, conv: str, lang: str) -> tuple[str, float]:
    """Return the printed weight and its value in kg (3 decimals) as a reader would normalise it."""
    word = WEIGHT_UNIT_WORDS[style.unit][1 if lang == "es" else 0]
    if style.unit in ("kg", "KGS"):
        printed = quantize(kg, style.places)
        value = printed
    elif style.unit in ("MT", "metric tons"):
        printed = quantize(Decimal(str(kg)) / 1000, style.places)
        value = printed * 1000
    else:
        printed = quantize(Decimal(str(kg)) / KG_PER_LB, style.places)
        value = printed * KG_PER_LB
    text = f"{fmt_decimal(printed, style.places, conv)} {word}"
    return text, float(quantize(value, 3))


def fmt_money(amount: Decimal, currency: str, conv: str, style: str) -> str:
    number = fmt_decimal(amount, 2, conv)
    if style == "code_before":
        return f"{currency} {number}"
    if style == "code_after":
        return f"{number} {currency}"
    symbol = {"USD": "US$", "EUR": "€"}[currency]
    return f"{symbol} {number}"


def fmt_hs(hs6: str, style: str) -> str:
    dotted = f"{hs6[:4]}.{hs6[4:]}"
    if style == "plain":
        return hs6
    if style == "dotted8":
        return f"{dotted}.00"
    if style == "htsus":
        return f"{dotted}.0000"
    return dotted


def country_name(code: str, lang: str, upper: bool = False) -> str:
    name = COUNTRY_NAMES[code][1 if lang == "es" else 0]
    return name.upper() if upper else name


_FR_UNITS = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept "
    "dix-huit dix-neuf"
).split()
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _fr_below_100(n: int) -> str:
    if n < 20:
        return _FR_UNITS[n]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix, quatre-vingt-dix: the teens after sixty and eighty
        base = "soixante" if tens == 7 else "quatre-vingt"
        joiner = " et " if n == 71 else "-"
        return f"{base}{joiner}{_FR_UNITS[10 + unit]}"
    if tens == 8:
        return "quatre-vingts" if unit == 0 else f"quatre-vingt-{_FR_UNITS[unit]}"
    if unit == 0:
        return _FR_TENS[tens]
    return f"{_FR_TENS[tens]}{' et ' if unit == 1 else '-'}{_FR_UNITS[unit]}"


def _fr_below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _fr_below_100(rest)
    head = "cent" if hundreds == 1 else f"{_FR_UNITS[hundreds]} cent{'s' if rest == 0 else ''}"
    return head if rest == 0 else f"{head} {_fr_below_100(rest)}"


def number_in_words_fr(n: int) -> str:
    """A whole number in French words, as invoices state their totals ('cent vingt-trois mille ...')."""
    if n == 0:
        return "zéro"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append(f"{_fr_below_1000(millions)} million{'s' if millions > 1 else ''}")
    if thousands:
        # 'mille' takes no 'un' and no plural; 'cents'/'vingts' lose their s before it
        words = "" if thousands == 1 else _fr_below_1000(thousands).removesuffix("s") + " "
        parts.append(f"{words}mille")
    if units:
        parts.append(_fr_below_1000(units))
    return " ".join(parts)


CURRENCY_WORDS_FR = {
    "USD": ("dollar des États-Unis", "dollars des États-Unis", "cent"),
    "EUR": ("euro", "euros", "centime"),
}


def amount_in_words_fr(amount: Decimal, currency: str) -> str:
    """'deux cent mille dollars des États-Unis et cinquante cents': the total as the closing formula states it."""
    whole = int(amount)
    cents = int((quantize(amount, 2) - whole) * 100)
    one, many, cent = CURRENCY_WORDS_FR[currency]
    text = f"{number_in_words_fr(whole)} {one if whole == 1 else many}"
    if cents:
        text += f" et {number_in_words_fr(cents)} {cent}{'s' if cents > 1 else ''}"
    return text
