"""Printing a shipment's dates, countries, goods, packages and weights in English, Spanish, French or Portuguese.

`Ctx` prints in the document style's language (English or Spanish); the forms that can also come out in French
(a Belgian exporter's paperwork) or Portuguese (goods for a Brazilian buyer) print through these helpers, which
record the ground truth exactly as `Ctx` does.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from samplegen.formatting import (
    WeightStyle,
    country_name,
    fmt_date,
    fmt_weight,
    unambiguous_date_style,
)
from samplegen.layouts.common import Ctx
from samplegen.layouts.invoice_erp_printout import COUNTRIES_PT, MONTHS_PT
from samplegen.layouts.invoice_forms import COUNTRIES_FR, description_fr

LANGUAGES = ("en", "es", "fr", "pt")


def language(ctx: Ctx, french_share: float) -> str:
    """The document's language (English or Spanish, as its style has it), or, with decimal commas, French for a
    Belgian exporter (that share of such documents) and Portuguese for a Brazilian buyer (half of them)."""
    s = ctx.s
    comma = ctx.st.conv == "comma"
    if ctx.lang == "en" and s.seller.country == "BE" and comma and ctx.rng.random() < french_share:
        return "fr"
    if ctx.lang == "es" and s.buyer.country == "BR" and comma and ctx.rng.random() < 0.5:
        return "pt"
    return ctx.lang


def day(ctx: Ctx, lang: str, d: date, field: str | None = None) -> str:
    """The date in the document's date style, month names in `lang`; a numeric day-first date only where the day
    cannot be read as a month."""
    if field:
        ctx.set(field, d.isoformat())
    style = ctx.st.date_style
    if style in ("long_en", "short_en", "long_es", "long_fr"):
        style = {"en": style if style.endswith("_en") else "long_en", "es": "long_es", "fr": "long_fr"}.get(lang, "")
    elif style in ("dmy", "dmy_dot") and d.day <= 12:
        style = "" if lang == "pt" else unambiguous_date_style(d, style, lang)
    if not style:  # Portuguese month names, which the shared formatter does not print
        return f"{d.day} de {MONTHS_PT[d.month - 1]} de {d.year}"
    return fmt_date(d, style)


def country(ctx: Ctx, lang: str, code: str, field: str | None = None, upper: bool = False) -> str:
    if field:
        ctx.set(field, code)
    if lang == "fr":
        name = COUNTRIES_FR[code]
    elif lang == "pt":
        name = COUNTRIES_PT[code]
    else:
        name = country_name(code, lang)
    return name.upper() if upper else name


def description(ctx: Ctx, lang: str) -> str:
    s = ctx.s
    if lang == "fr":
        return description_fr(ctx)
    if lang == "pt":
        if s.product == "ingot":
            return f"Lingotes de antimônio metálico, Sb {s.grade_pct}% mín., em bruto"
        return f"Trióxido de antimônio Sb2O3 {s.grade_pct}% mín., grau retardante de chama"
    return s.description(lang)


def package_word(ctx: Ctx, lang: str, plural: bool) -> str:
    if lang == "fr":
        return ("fardeaux" if plural else "fardeau") if ctx.s.product == "ingot" else "palette" + "s" * plural
    if lang == "pt":
        return ("amarrado" if ctx.s.product == "ingot" else "palete") + "s" * plural
    return ctx.s.package_word(lang, plural)


def packages(ctx: Ctx, lang: str, n: int) -> str:
    return f"{n} {package_word(ctx, lang, n != 1)}"


def packing_text(ctx: Ctx, lang: str) -> str:
    s = ctx.s
    if lang == "fr":
        if s.product == "ingot":
            return "lingots d'env. 25 kg, 40 lingots par fardeau cerclé sur palette en bois"
        return "sacs papier de 25 kg, 40 sacs par palette filmée"
    if lang == "pt":
        if s.product == "ingot":
            return "lingotes de aprox. 25 kg, 40 lingotes por amarrado cintado sobre palete de madeira"
        return "sacos de papel de 25 kg, 40 sacos por palete envolvido em filme"
    return s.packing_text(lang)


def weight(ctx: Ctx, lang: str, kg: Decimal | float, field: str | None = None) -> str:
    """A weight in the document's weight style; French and Portuguese print 'kg', 'MT' / 'TM' or 'lb(s)', never
    English words for tonnes."""
    style = ctx.st.weight
    if lang == "fr" and style.unit == "metric tons":
        style = WeightStyle("kg", 2)
    words = "es" if lang == "pt" else lang  # 'toneladas métricas', 'TM' and 'lb' are Portuguese as well
    text, value = fmt_weight(float(kg), style, ctx.st.conv, words)
    if field:
        ctx.set(field, value)
    return text


# A truck's plates and a rail wagon's number as the shipment records them, and in the other languages.
VEHICLE_WORDS = {
    "es": ("Camión placas", "Vagón No."),
    "fr": ("Camion immatriculé", "Wagon n°"),
    "pt": ("Caminhão placa", "Vagão nº"),
}


def vehicle(ctx: Ctx, lang: str) -> str:
    """The vessel, or the truck or wagon of an overland shipment, in `lang`."""
    text = ctx.s.vessel
    if lang in VEHICLE_WORDS:
        truck, wagon = VEHICLE_WORDS[lang]
        text = text.replace("Truck plates", truck).replace("Wagon no.", wagon)
    return text


def captioned(ctx: Ctx, x: float, y: float, text: str, size: float, field: str, max_w: float) -> None:
    """A 'Caption: value' line whose value carries `field`: the caption drawn as a label, the value after it, so
    that the value's box holds the value alone."""
    sh = ctx.sheet
    caption, sep, value = text.partition(": ")
    if not sep:
        sh.text(x, y, text, size, kind="value", field=field, max_w=max_w)
        return
    head = f"{caption}:"
    gap = sh.text_width(f"{head} ", size)
    sh.text(x, y, head, size, kind="label")
    sh.text(x + gap, y, value, size, kind="value", field=field, max_w=max(max_w - gap, 1.0))
