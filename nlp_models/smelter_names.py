"""The surface forms under which documents name the reference smelters (names, aliases, derived spellings)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from oretrace.reference import Smelter

# Trailing legal-entity suffixes: "Co., Ltd.", "Co. Ltd.", "CJSC", "NV", "Corp.", "Corporation", ...
_LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:Co\.?,?\s*Ltd\.?|Company\s+Limited|Limited|Ltd\.?|Co\.?|Corp\.?|Corporation|CJSC|JSC|"
    r"N\.?V\.?|Inc\.?|LLC|S\.A\.(?:\s+de\s+C\.V\.)?))+$"
)
_CO_LTD = re.compile(r"Co\.?,?\s*Ltd\.?$")
_CO_LTD_SPELLINGS = ("Co., Ltd.", "Co. Ltd.", "Co.,Ltd.", "Co., Ltd", "Company Limited")
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# Parenthesised notes in the aliases column that are annotations, not names.
_NOTE_WORDS = re.compile(r"\b(?:name|translated|translation|on|see|formerly|aka)\b", re.IGNORECASE)
_FACILITY_WORDS = re.compile(r"\b(?:mine|mines|smelter|plant|mill|roaster|refinery)\b", re.IGNORECASE)


def is_acronym(form: str) -> bool:
    """Short all-capital aliases ("OAR", "USAC") are matched case-sensitively."""
    return _ACRONYM.fullmatch(form) is not None


def _legal_variants(form: str) -> list[str]:
    base = _LEGAL_SUFFIX.sub("", form).strip(" ,")
    if base == form or len(base.split()) < 2:
        return []
    variants = [base]
    if _CO_LTD.search(form):
        variants.extend(f"{base} {suffix}" for suffix in _CO_LTD_SPELLINGS)
    return variants


def surface_forms(smelter: Smelter) -> list[str]:
    """Name, aliases and derived spellings, most specific first, without duplicates (case-insensitive).

    "Madero smelter (United States Antimony Corporation)" also gives "Madero smelter" and "United States
    Antimony Corporation"; "... - Oman Antimony Roaster" gives both halves; parenthesised notes in the
    aliases column ("(machine-translated name on ...)") are dropped; legal suffixes give variants with and
    without "Co., Ltd." in its usual spellings.
    """
    forms: list[str] = [smelter.name]
    outer = _PARENTHESIS.sub("", smelter.name).strip()
    if outer != smelter.name:
        forms.append(outer)
        forms.extend(inner.strip() for inner in _PARENTHESIS.findall(smelter.name))
    for form in list(forms):
        if " - " in form:
            forms.extend(part.strip() for part in form.split(" - "))
        if ", " in form and not _CO_LTD.search(form):
            head = form.split(", ", 1)[0]
            if len(head.split()) >= 2:
                forms.append(head)
    for alias in smelter.aliases:
        note = _PARENTHESIS.search(alias)
        if note and _NOTE_WORDS.search(note.group(1)):
            alias = _PARENTHESIS.sub("", alias).strip()
        forms.append(alias)
    for form in list(forms):
        forms.extend(_legal_variants(form))
    seen: set[str] = set()
    unique: list[str] = []
    for form in forms:
        form = " ".join(form.split())
        key = form if is_acronym(form) else form.casefold()
        if len(form) >= 3 and key not in seen and not _is_bare_facility(form):
            seen.add(key)
            unique.append(form)
    return unique


def _is_bare_facility(form: str) -> bool:
    """A lone facility word or a single generic word is no name ("plant", "mine")."""
    words = form.split()
    return len(words) == 1 and _FACILITY_WORDS.fullmatch(form) is not None


def surface_form_index(smelters: Iterable[Smelter]) -> dict[str, tuple[str, ...]]:
    """Surface form -> smelter ids (several when an alias such as "USAC" is shared)."""
    by_key: dict[str, tuple[str, list[str]]] = {}
    for smelter in smelters:
        for form in surface_forms(smelter):
            key = form if is_acronym(form) else form.casefold()
            _, ids = by_key.setdefault(key, (form, []))
            if smelter.smelter_id not in ids:
                ids.append(smelter.smelter_id)
    return {display: tuple(ids) for display, ids in by_key.values()}
