"""Material Identity certificates (github.com/material-identity/schemas, fixtures CC BY 4.0, Material
Identity / S1Seven): each PDF is the upstream renderer's output of the JSON beside it.

A mill certificate (EN 10168 / EN 10204 3.1), a metals material passport and a certificate of analysis
are scored as assay certificates: they identify a material lot and report its analysis. Mapping:

- certificate_number: EN 10168 A03 (document number); passport `Id`; CoA `Id`.
- smelter_name: the manufacturer, i.e. the producing plant: EN 10168 A01 name; `Parties.Manufacturer.Name`.
  (oretrace's `smelter_name` is the producer of the material; a CoA's manufacturer made the product.) The
  manufacturer issues these certificates, so it also counts when read as the issuing `laboratory`.
- lot_number: EN 10168 C00 (batch / heat number); passport `ChemicalAnalysis.HeatNumber`, else
  `Product.BatchId` (either is accepted where both are printed); CoA `Analysis.LotId`.
- composition_pct: each chemical element's actual value in mass percent (ppm / 10 000). Entries that are not
  elements (CEV, carbon equivalents, sums such as 'Cr+Mo+Ni') are not composition. A value reported below a
  limit ('<' operator) is a detection limit, not a result: not scored. An element listed twice with two
  different values (valid_multi_row_chemical_analysis: Ti and Sb) has no single expected value: not scored.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from oretrace.core.models import DocType, FieldData
from oretrace.evaluation.expected import ExpectedDocument

SET = "material-identity-schemas"
FIXTURES = "test/fixtures"
# Element symbols of the periodic table (IUPAC), for telling an element from a derived quantity.
ELEMENTS = frozenset(
    """H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr
    Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W
    Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu""".split()
)
PER_PERCENT = {"%": 1.0, "ppm": 1e-4, "mg/kg": 1e-4, "ppb": 1e-7}

# Where the JSON (and so the PDF rendered from it) holds a value that cannot be right. Kept and noted.
DISAGREEMENTS: dict[str, dict[str, str]] = {
    "test/fixtures/EN10168/v0.5.0/valid_certificate_1.json": {
        "composition_pct.C": "carbon is given as 150.5 % (rendered as printed); no mass fraction exceeds 100 %"
    },
}
_NOTE_C00_CAPTION = "C00 holds a caption ('Charge Chemical Analysis'), not a batch number"


def load(folder: Path) -> list[ExpectedDocument]:
    documents = []
    for source in sorted((folder / FIXTURES).rglob("*.json")):
        pdf = source.with_suffix(".pdf")
        if not pdf.is_file():
            continue
        data = json.loads(source.read_text(encoding="utf-8"))
        if "DigitalMaterialPassport" in data:
            fields = _passport(data["DigitalMaterialPassport"])
        elif "CommercialTransaction" in data.get("Certificate", {}):
            fields = _en10168(data["Certificate"])
        else:
            fields = _coa(data["Certificate"])
        key = source.relative_to(folder).as_posix()
        notes = dict(DISAGREEMENTS.get(key, {}))
        lot = fields.get("lot_number")
        if isinstance(lot, str) and not re.search(r"\d", lot):
            notes["lot_number"] = _NOTE_C00_CAPTION
        documents.append(
            ExpectedDocument(
                set_name=SET,
                path=pdf.relative_to(folder).as_posix(),
                doc_type=DocType.ASSAY_CERTIFICATE,
                fields=fields,
                alternatives=_alternatives(data),
                found_in={"smelter_name": ("laboratory",)},
                disagreements=notes,
            )
        )
    return documents


def _en10168(cert: dict[str, Any]) -> dict[str, FieldData | None]:
    transaction = cert["CommercialTransaction"]
    inspections = cert.get("Inspection") or {}
    inspections = inspections if isinstance(inspections, list) else [inspections]
    composition = _Composition()
    for inspection in inspections:
        for entry in (inspection.get("ChemicalComposition") or {}).values():
            if isinstance(entry, dict) and "Symbol" in entry:
                actual = entry.get("Actual") or {}
                composition.add(entry["Symbol"], actual.get("Value"), entry.get("Unit"), actual.get("Operator"))
    manufacturer = transaction.get("A01")
    return {
        "certificate_number": transaction.get("A03"),
        "smelter_name": manufacturer.get("Name") if isinstance(manufacturer, dict) else manufacturer,
        "lot_number": next((i["C00"] for i in inspections if i.get("C00")), None),
        "composition_pct": composition.values,
    }


def _passport(passport: dict[str, Any]) -> dict[str, FieldData | None]:
    analysis = passport.get("ChemicalAnalysis") or {}
    composition = _Composition()
    for element in analysis.get("Elements", []):
        actual = element.get("Actual") or {}
        if actual.get("ResultType") == "numeric":
            composition.add(element.get("PropertySymbol", ""), actual.get("Value"), element.get("Unit"), None)
    return {
        "certificate_number": passport.get("Id"),
        "smelter_name": passport["TransactionData"]["Parties"].get("Manufacturer", {}).get("Name"),
        "lot_number": analysis.get("HeatNumber") or passport.get("Product", {}).get("BatchId"),
        "composition_pct": composition.values,
    }


def _coa(cert: dict[str, Any]) -> dict[str, FieldData | None]:
    return {
        "certificate_number": cert.get("Id"),
        "smelter_name": cert["Parties"]["Manufacturer"]["Name"],
        "lot_number": (cert.get("Analysis") or {}).get("LotId"),
    }


def _alternatives(data: dict[str, Any]) -> dict[str, list[FieldData]]:
    passport = data.get("DigitalMaterialPassport")
    if not passport:
        return {}
    batch = passport.get("Product", {}).get("BatchId")
    return {"lot_number": [batch]} if batch else {}


class _Composition:
    """Element -> mass percent as the set lists it; an element listed twice with two values is dropped."""

    def __init__(self) -> None:
        self.values: dict[str, float] = {}
        self.twice: set[str] = set()

    def add(self, symbol: str, value: Any, unit: str | None, operator: str | None) -> None:
        if symbol not in ELEMENTS or value in (None, "") or operator in ("<", "<="):
            return
        factor = PER_PERCENT.get((unit or "%").strip() or "%")
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            return
        if factor is None or symbol in self.twice:
            return
        percent = float(f"{number * factor:.12g}")
        if symbol in self.values and self.values[symbol] != percent:
            del self.values[symbol]
            self.twice.add(symbol)
            return
        self.values[symbol] = percent
