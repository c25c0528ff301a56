"""The one CSV writer of every export: text that a spreadsheet would run as a formula is written as text.

Everything exported comes from documents or the names of files and folders, which anyone who can drop a file
into an inbox controls. A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
prefixed with `'` (OWASP, "CSV Injection"), which spreadsheet programs show but do not evaluate. Numbers are
written as they are: a negative amount is not a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: Any) -> str | int | float:
    """The value as a CSV cell: None empty, numbers unchanged, text prefixed with `'` when it starts a formula."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class CsvWriter:
    """csv.writer with a header row and every cell passed through `escape_cell`.

    Open files with newline="" as the csv module requires.
    """

    def __init__(self, out: TextIO, columns: Sequence[str]) -> None:
        self.columns = tuple(columns)
        self._writer = csv.writer(out)
        self._writer.writerow(self.columns)

    def row(self, values: dict[str, Any]) -> None:
        """One row from a mapping of column to value; columns missing from it stay empty."""
        self._writer.writerow([escape_cell(values.get(column)) for column in self.columns])

    def rows(self, rows: Iterable[dict[str, Any]]) -> int:
        count = 0
        for values in rows:
            self.row(values)
            count += 1
        return count
