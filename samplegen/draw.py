"""A reportlab canvas wrapper that remembers every string it draws (for page texts and stamp placement).

Coordinates are millimetres from the top-left corner of the page; `y` of a text is its baseline.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
MIN_FONT_SIZE = 6.0  # points: a line is shrunk to fit its width down to this size, then wrapped
PAGE_SIZES = {"A4": A4, "LETTER": LETTER, "A4L": landscape(A4)}
FONT_FAMILIES = {
    "Helvetica": ("Helvetica", "Helvetica-Bold"),
    "Times": ("Times-Roman", "Times-Bold"),
    "Courier": ("Courier", "Courier-Bold"),
}
FOOTER_MARK = "SYNTHETIC SAMPLE - fictional company"


@dataclass(frozen=True)
class Drawn:
    """A string on a page, in points from the top-left corner."""

    x0: float
    y0: float
    x1: float
    y1: float
    baseline: float
    text: str
    kind: str  # "static" | "label" | "value"
    field: str | None  # canonical field the value belongs to


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    align: str = "left"


@dataclass(frozen=True)
class Cell:
    text: str
    kind: str = "value"
    field: str | None = None
    bold: bool = False


class Sheet:
    """A multi-page PDF being drawn; the footer with the synthetic mark is added to every page."""

    def __init__(self, pagesize: str, family: str, total_pages: int, page_word: str = "Page", of_word: str = "of"):
        self._buf = io.BytesIO()
        self.size = PAGE_SIZES[pagesize]
        self.canvas = Canvas(self._buf, pagesize=self.size, invariant=1, pageCompression=1)
        self.canvas.setCreator("samplegen")
        self.regular, self.bold = FONT_FAMILIES[family]
        self.width = self.size[0] / MM
        self.height = self.size[1] / MM
        self.total_pages = total_pages
        self.page_word, self.of_word = page_word, of_word
        self.pages: list[list[Drawn]] = [[]]

    # ----- text -----
    def text_width(self, s: str, size: float, bold: bool = False) -> float:
        return stringWidth(s, self.bold if bold else self.regular, size) / MM

    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float = 9,
        bold: bool = False,
        kind: str = "static",
        field: str | None = None,
        align: str = "left",
        max_w: float | None = None,
    ) -> float:
        """Draw one line; shrinks the font (down to 6 pt) to fit `max_w`. Returns the width in mm."""
        if not s:
            return 0.0
        font = self.bold if bold else self.regular
        while max_w is not None and size > MIN_FONT_SIZE and stringWidth(s, font, size) / MM > max_w:
            size -= 0.25
        width = stringWidth(s, font, size)
        xp = x * MM
        if align == "right":
            xp -= width
        elif align == "center":
            xp -= width / 2
        base = y * MM
        self.canvas.setFont(font, size)
        self.canvas.drawString(xp, self.size[1] - base, s)
        self.pages[-1].append(Drawn(xp, base - 0.76 * size, xp + width, base + 0.22 * size, base, s, kind, field))
        return width / MM

    def wrap(self, s: str, width: float, size: float, bold: bool = False) -> list[str]:
        return simpleSplit(s, self.bold if bold else self.regular, size, width * MM) or [""]

    def para(
        self,
        x: float,
        y: float,
        s: str,
        width: float,
        size: float = 8.5,
        leading: float | None = None,
        kind: str = "static",
        field: str | None = None,
        bold: bool = False,
    ) -> float:
        """Draw wrapped text starting at baseline y; returns the baseline after the last line."""
        step = leading if leading is not None else size * 0.42
        for line in self.wrap(s, width, size, bold):
            self.text(x, y, line, size, bold, kind, field)
            y += step
        return y

    def lines(
        self,
        x: float,
        y: float,
        lines: Sequence[str],
        size: float = 9,
        kind: str = "value",
        field: str | None = None,
        bold_first: bool = False,
        step: float | None = None,
        max_w: float | None = None,
    ) -> float:
        step = step if step is not None else size * 0.43
        for i, line in enumerate(lines):
            self.text(x, y, line, size, bold_first and i == 0, kind, field if i == 0 else None, max_w=max_w)
            y += step
        return y

    # ----- lines and boxes -----
    def rect(self, x: float, y: float, w: float, h: float, lw: float = 0.6, fill: float | None = None) -> None:
        c = self.canvas
        c.setLineWidth(lw)
        if fill is not None:
            c.setFillGray(fill)
        c.rect(x * MM, self.size[1] - (y + h) * MM, w * MM, h * MM, stroke=1, fill=1 if fill is not None else 0)
        c.setFillGray(0)

    def hline(self, x1: float, x2: float, y: float, lw: float = 0.6) -> None:
        self.canvas.setLineWidth(lw)
        self.canvas.line(x1 * MM, self.size[1] - y * MM, x2 * MM, self.size[1] - y * MM)

    def vline(self, x: float, y1: float, y2: float, lw: float = 0.6) -> None:
        self.canvas.setLineWidth(lw)
        self.canvas.line(x * MM, self.size[1] - y1 * MM, x * MM, self.size[1] - y2 * MM)

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        label: str,
        values: Sequence[str],
        field: str | None = None,
        label_size: float = 6.8,
        value_size: float = 9,
        number: str | None = None,
    ) -> None:
        """A ruled box with a small label on top and the value lines below it (label-above-value)."""
        self.rect(x, y, w, h)
        lx = x + 1.5
        if number:
            self.text(lx, y + 3.2, number, label_size + 0.5, bold=True, kind="label")
            lx += self.text_width(number, label_size + 0.5, True) + 1.5
        label_lines = self.wrap(label, w - (lx - x) - 1.5, label_size)
        ly = y + 3.2
        for line in label_lines:
            self.text(lx, ly, line, label_size, kind="label")
            ly += label_size * 0.4
        self.lines(x + 2.5, ly + 3.0, values, value_size, field=field, max_w=w - 4)

    def scribble(self, x: float, y: float, w: float, seed: int) -> None:
        """A hand-signature-like stroke."""
        c = self.canvas
        c.setLineWidth(0.9)
        c.setStrokeColorRGB(0.1, 0.15, 0.45)
        path = c.beginPath()
        path.moveTo(x * MM, self.size[1] - y * MM)
        steps = 7
        for i in range(1, steps + 1):
            dx = w * i / steps
            dy = (-3 if (i + seed) % 2 else 2) * (1 + (seed * i) % 3) / 2
            path.curveTo(
                (x + dx - w / steps * 0.6) * MM,
                self.size[1] - (y + dy * 1.6) * MM,
                (x + dx - w / steps * 0.3) * MM,
                self.size[1] - (y - dy) * MM,
                (x + dx) * MM,
                self.size[1] - (y + dy * 0.4) * MM,
            )
        c.drawPath(path, stroke=1, fill=0)
        c.setStrokeColorRGB(0, 0, 0)

    # ----- tables -----
    def table(
        self,
        x: float,
        y: float,
        columns: Sequence[Column],
        rows: Sequence[Sequence[Cell | str]],
        size: float = 8.5,
        line_h: float = 4.0,
        pad: float = 1.6,
        break_after: int | None = None,
        bottom: float | None = None,
        on_break: Callable[[], float] | None = None,
        grid: bool = True,
    ) -> float:
        """Draw a ruled table (header row repeated after a page break); returns y below the table."""
        bottom = bottom if bottom is not None else self.height - 22
        total_w = sum(c.width for c in columns)

        def header(top: float) -> float:
            # A caption too wide for its column even at the smallest size is wrapped, as a form prints it,
            # never run into the next column's caption.
            titles = [self._fitted(col.title, col.width - 2.5, bold=True) for col in columns]
            h = max(map(len, titles)) * line_h + 2 * pad
            self.rect(x, top, total_w, h, lw=0.6, fill=0.9)
            cx = x
            for col, lines in zip(columns, titles, strict=True):
                tx = cx + 1.5 if col.align == "left" else cx + col.width - 1.5
                for index, line in enumerate(lines):
                    self.text(
                        tx,
                        top + pad + line_h * (0.78 + index),
                        line,
                        size - 0.5,
                        True,
                        "label",
                        align="left" if col.align == "left" else "right",
                        max_w=col.width - 2.5,
                    )
                cx += col.width
            return top + h

        top = y
        y = header(y)
        for i, row in enumerate(rows):
            cells = [c if isinstance(c, Cell) else Cell(c, "static") for c in row]
            split = [self._fitted_lines(cell, col.width - 2.5) for cell, col in zip(cells, columns, strict=True)]
            h = max(len(s) for s in split) * line_h + 2 * pad
            if (break_after is not None and i == break_after) or y + h > bottom:
                self._table_frame(x, top, y, columns, grid)
                if on_break is None:
                    raise RuntimeError("table does not fit and no page break handler was given")
                top = on_break()
                y = header(top)
            cx = x
            for col, cell, parts in zip(columns, cells, split, strict=True):
                ty = y + pad + line_h * 0.78
                for j, part in enumerate(parts):
                    tx = cx + 1.5 if col.align == "left" else cx + col.width - 1.5
                    self.text(
                        tx,
                        ty,
                        part,
                        size,
                        cell.bold,
                        cell.kind,
                        cell.field if j == 0 else None,
                        align="left" if col.align == "left" else "right",
                        max_w=col.width - 2.5,
                    )
                    ty += line_h
                cx += col.width
            y += h
            if grid:
                self.hline(x, x + total_w, y, 0.3)
        self._table_frame(x, top, y, columns, grid)
        return y

    def _fitted_lines(self, cell: Cell, width: float) -> list[str]:
        """A cell's lines, each fitted to the column (`_fitted`)."""
        return [wrapped for line in cell.text.split("\n") for wrapped in self._fitted(line, width, cell.bold)]

    def _fitted(self, line: str, width: float, bold: bool) -> list[str]:
        """A line as it fits a column `width` mm wide: whole, or wrapped where it is too wide even at the smallest
        size. A form prints a long cell on several lines, never over the next cell."""
        font = self.bold if bold else self.regular
        if stringWidth(line, font, MIN_FONT_SIZE) / MM <= width:
            return [line]
        return self.wrap(line, width, MIN_FONT_SIZE, bold)

    def _table_frame(self, x: float, top: float, y: float, columns: Sequence[Column], grid: bool) -> None:
        total_w = sum(c.width for c in columns)
        self.rect(x, top, total_w, y - top, lw=0.6)
        if grid:
            cx = x
            for col in columns[:-1]:
                cx += col.width
                self.vline(cx, top, y, 0.3)

    # ----- pages -----
    def _footer(self) -> None:
        n = len(self.pages)
        self.text(self.width / 2, self.height - 8, FOOTER_MARK, 7, kind="static", align="center")
        if self.total_pages > 1:
            label = f"{self.page_word} {n} {self.of_word} {self.total_pages}"
            self.text(self.width - 14, self.height - 8, label, 7.5, align="right")

    def new_page(self) -> None:
        self._footer()
        self.canvas.showPage()
        self.pages.append([])

    def finish(self) -> bytes:
        self._footer()
        self.canvas.showPage()
        self.canvas.save()
        if len(self.pages) != self.total_pages:
            raise RuntimeError(f"drew {len(self.pages)} pages, expected {self.total_pages}")
        return self._buf.getvalue()

    def page_texts(self) -> list[str]:
        """The plain text of each page: strings sharing a baseline joined by spaces, top to bottom."""
        texts = []
        for items in self.pages:
            rows: list[list[Drawn]] = []
            for item in sorted(items, key=lambda d: (d.baseline, d.x0)):
                if rows and abs(rows[-1][0].baseline - item.baseline) < 1.0:
                    rows[-1].append(item)
                else:
                    rows.append([item])
            texts.append("\n".join(" ".join(d.text for d in sorted(r, key=lambda d: d.x0)) for r in rows))
        return texts
