"""SROIE 2019 scanned receipts (ICDAR 2019 Robust Reading Competition, via github.com/zzzDavid/ICDAR-2019-SROIE;
research and evaluation use): key JSON per receipt with the strings as printed.

A receipt is scored as a commercial invoice (the seller's bill for goods sold): `company` -> seller_name,
`date` -> invoice_date (day first, as Malaysian receipts print it; converted here to ISO 8601), `total` ->
total_amount (currency marks 'RM', '$' dropped). The address is not a canonical field. A key left empty
in the set (033's total) is not scored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from oretrace.core.models import FieldData
from oretrace.evaluation.expected import ExpectedDocument

SET = "sroie-subset"
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TEXTUAL = re.compile(r"^(\d{1,2})[\s-]([A-Za-z]{3})[A-Za-z]*[\s-](\d{2}|\d{4})$")

DISAGREEMENTS: dict[str, dict[str, str]] = {
    "data/img/143.jpg": {"seller_name": "the key reads 'RSTORAN WAN SHENG'; the receipt prints 'RESTORAN'"},
    "data/img/187.jpg": {
        "total_amount": "the key takes 'Total-Excl-GST RM22.65'; the amount paid is 'Total (Eat In) RM24.00'"
    },
}


def receipt_date(text: str) -> str | None:
    """ISO date of a receipt's printed date: '25/12/2018', '29-10-2017', '09/08/17', '10 MAR 2018', '05-AUG-2017'."""
    text = text.strip()
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMERIC.match(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _TEXTUAL.match(text):
        day, month, year = int(match.group(1)), MONTHS.get(match.group(2).lower(), 0), int(match.group(3))
    else:
        return None
    year += 2000 if year < 100 else 0
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def receipt_total(text: str) -> float | None:
    cleaned = re.sub(r"^(RM|\$)\s*", "", text.strip(), flags=re.IGNORECASE).replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def load(folder: Path) -> list[ExpectedDocument]:
    documents = []
    for key in sorted((folder / "data" / "key").glob("*.json")):
        image = folder / "data" / "img" / f"{key.stem}.jpg"
        if not image.is_file():
            continue
        record = json.loads(key.read_text(encoding="utf-8"))
        fields: dict[str, FieldData | None] = {
            "seller_name": record.get("company", "").strip() or None,
            "invoice_date": receipt_date(record.get("date", "")),
            "total_amount": receipt_total(record.get("total", "")),
        }
        path = image.relative_to(folder).as_posix()
        documents.append(ExpectedDocument.invoice(SET, path, fields, DISAGREEMENTS.get(path, {})))
    return documents
