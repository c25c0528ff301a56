"""Shared context for drawing one document: formatting in the document's conventions and field recording."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from oretrace.core.models import FIELDS_BY_TYPE, DocType
from samplegen.draw import Drawn, Sheet
from samplegen.facts import Shipment
from samplegen.formatting import (
    WeightStyle,
    country_name,
    fmt_date,
    fmt_decimal,
    fmt_hs,
    fmt_money,
    fmt_weight,
    quantize,
    unambiguous_date_style,
)
from samplegen.parties import Party
from samplegen.styles import DocStyle


@dataclass
class Rendered:
    pdf: bytes
    page_texts: list[str]
    drawn: list[list[Drawn]]  # per page
    page_size: tuple[float, float]  # points
    fields: dict[str, Any]


class Ctx:
    """Everything a layout needs: the sheet, the shipment, the style and the ground-truth fields."""

    def __init__(self, s: Shipment, st: DocStyle) -> None:
        self.s = s
        self.st = st
        self.lang = st.language
        es = self.lang == "es"
        self.sheet = Sheet(st.pagesize, st.font, st.pages, "Página" if es else "Page", "de" if es else "of")
        self.fields: dict[str, Any] = dict.fromkeys(FIELDS_BY_TYPE[DocType(st.doc_type)])
        self.left = 15.0
        self.right = self.sheet.width - 15.0
        self.width = self.right - self.left
        # Wording, spacing and box sizes of the later layout families vary per document, reproducibly.
        self.rng = random.Random(f"{s.shipment_id}|{st.doc_type}|{st.layout}|{s.invoice_no}")

    def pick(self, options: Sequence[Any]) -> Any:
        return options[self.rng.randrange(len(options))]

    def jitter(self, value: float, spread: float) -> float:
        return value + self.rng.uniform(-spread, spread)

    # ----- language and formatting -----
    def t(self, en: str, es: str) -> str:
        return es if self.lang == "es" else en

    def set(self, name: str, value: Any) -> None:
        if name not in self.fields:
            raise KeyError(f"{name} is not a canonical field of {self.st.doc_type}")
        self.fields[name] = value

    def date(self, d: date, field: str | None = None) -> str:
        text = fmt_date(d, unambiguous_date_style(d, self.st.date_style, self.lang))
        if field:
            self.set(field, d.isoformat())
        return text

    def num(self, value: Decimal | float, places: int) -> str:
        return fmt_decimal(value, places, self.st.conv)

    def weight(self, kg: Decimal | float, field: str | None = None, style: WeightStyle | None = None) -> str:
        text, value = fmt_weight(float(kg), style or self.st.weight, self.st.conv, self.lang)
        if field:
            self.set(field, value)
        return text

    def weight_as(self, kg: Decimal | float, unit: str, field: str | None = None) -> str:
        """A weight in a unit of the document's own choosing ('7.084 M/T', '7,084.000 KGS'), recorded in kg as
        printed."""
        tonnes = unit.upper().replace(".", "") in ("M/T", "MT", "MTS", "TM", "T")
        places = 3 if tonnes else self.pick((0, 2, 3))
        amount = Decimal(str(kg)) / 1000 if tonnes else Decimal(str(kg))
        printed = quantize(amount, places)
        if field:
            self.set(field, float(quantize(printed * 1000 if tonnes else printed, 3)))
        return f"{fmt_decimal(printed, places, self.st.conv)} {unit}"

    def kg(self, kg: Decimal | float, places: int = 1) -> str:
        """A bare number of kilograms (column headers carry the unit)."""
        return fmt_decimal(kg, places, self.st.conv)

    def money(self, amount: Decimal, field: str | None = None) -> str:
        if field:
            self.set(field, float(amount))
            self.set("currency", self.s.currency)
        return fmt_money(amount, self.s.currency, self.st.conv, self.st.money_style)

    def price(self) -> str:
        unit = self.t("MT", "TM")
        return f"{fmt_money(self.s.unit_price, self.s.currency, self.st.conv, self.st.money_style)}/{unit}"

    def hs(self, field: bool = True, six_digits: bool = False) -> str:
        if field:
            self.set("hs_code", self.s.hs6)
        style = self.st.hs_style
        if six_digits and style in ("dotted8", "htsus"):
            style = "dotted"
        return fmt_hs(self.s.hs6, style)

    def country(self, code: str, upper: bool = False, field: str | None = None) -> str:
        if field:
            self.set(field, code)
        return country_name(code, self.lang, upper)

    def party_lines(self, party: Party, contact: bool = False) -> list[str]:
        lines = [party.name, *party.lines, country_name(party.country, self.lang)]
        if contact:
            lines.append(f"{self.t('Tel.', 'Tel.')} {party.phone}  {party.email}")
        return lines

    def packages_text(self, n: int) -> str:
        return f"{n} {self.s.package_word(self.lang, n != 1)}"

    def finish(self) -> Rendered:
        pdf = self.sheet.finish()
        return Rendered(pdf, self.sheet.page_texts(), self.sheet.pages, self.sheet.size, self.fields)

    # ----- recurring blocks -----
    def signature(self, x: float, y: float, name: str, title: str, seed: int) -> float:
        sh = self.sheet
        sh.scribble(x + 2, y, 40, seed)
        sh.hline(x, x + 60, y + 3, 0.4)
        sh.text(x, y + 7, name, 8.5)
        sh.text(x, y + 11, title, 8)
        return y + 15

    def label_value(
        self,
        x: float,
        y: float,
        label: str,
        value: str,
        field: str | None = None,
        gap: float = 32,
        size: float = 9,
        max_w: float | None = None,
    ) -> None:
        self.sheet.text(x, y, label, size - 0.5, bold=True, kind="label")
        gap = max(gap, self.sheet.text_width(label, size - 0.5, bold=True) + 2.5)
        self.sheet.text(x + gap, y, value, size, kind="value", field=field, max_w=max_w)

    def label_values(
        self,
        x: float,
        y: float,
        rows: Sequence[tuple[str, str, str | None]],
        step: float,
        gap: float = 32,
        size: float = 9,
        max_w: float | None = None,
    ) -> float:
        """(label, value, field) lines one under another from `y`, `step` apart; returns the y after the last."""
        for label, value, field in rows:
            self.label_value(x, y, label, value, field, gap=gap, size=size, max_w=max_w)
            y += step
        return y


def draw_to_fit(ctx: Ctx, draw: Callable[[Ctx, int], float], what: str, tries: int = 4) -> None:
    """Draw a one-page form that must not run off its sheet: first on scratch contexts (the same seed makes the
    same choices), tighter at each try (`draw(ctx, squeeze)` returns where it ended, in mm), then for real."""
    limit = ctx.sheet.height - 14.0
    for squeeze in range(tries):
        if draw(Ctx(ctx.s, ctx.st), squeeze) <= limit:
            break
    end = draw(ctx, squeeze)
    if end > limit + 0.5:
        raise RuntimeError(f"{what} runs off the page ({end:.1f} mm)")
