"""Company names: cleaned of the labels and addresses around them, and compared loosely."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from oretrace.core.folding import fold_chars
from oretrace.extractors.normalize.result import Parsed

# Labels that never start a company name, stripped with or without a colon ('Seller ACME' -> 'ACME').
_STRONG_LABELS = (
    r"exporter(?:'?s)?|exportador|seller|vendedor|shipper|embarcador|remitente|consignee|consignatario|"
    r"destinatario|buyer|comprador|importer(?:'?s)?|importador|sold\s+to|vendido\s+a|ship\s+to|bill\s+to|"
    r"notify\s+party|goods\s+consigned\s+(?:from|to)|consigned\s+(?:from|to)|messrs\.?|beneficiary|applicant"
)
# Labels that may also begin a real name ('Producer Metals Inc'), stripped only before a colon.
_WEAK_LABELS = (
    r"name|nombre|raz[oó]n\s+social|company|empresa|manufacturer|fabricante|producer|productor|laboratory|"
    r"laboratorio|lab|smelter|refinery|fundici[oó]n|client|cliente|customer|supplier|proveedor|from|to|de|para|"
    r"agent|agente|owner|propietario"
)
_BOX = r"\(?\d{1,2}[.)]\s*|\d{1,2}\s+(?=(?:" + _STRONG_LABELS + r")\b)"
_STRONG_PREFIX = re.compile(
    rf"^\s*(?:{_BOX})?(?:{_STRONG_LABELS})\b\s*(?:\([^)]*\)?)?\s*(?:[/&,]\s*(?:{_STRONG_LABELS})\b\s*)*[:\-–.,/]*\s*",
    re.IGNORECASE,
)
_BOX_PREFIX = re.compile(rf"^\s*(?:{_BOX})", re.IGNORECASE)
_LABEL_WORD = re.compile(rf"\b(?:{_STRONG_LABELS}|{_WEAK_LABELS})\b", re.IGNORECASE)
# Where an address or contact detail starts on the name's line.
_ADDRESS = re.compile(
    r"\s*,\s*(?=\d)"
    r"|\s+[-–|]\s+(?=\d)"  # 'Au bon moulin SARL - 1242 chemin de l'olive'
    r"|\s*[,;]?\s+(?:tel|tel[eé]fono|phone|fax|e-?mail|rfc|tax\s*id|vat|nit|ruc|cuit|address|add|"
    r"direcci[oó]n|domicilio|p\.?\s?o\.?\s*box|apartado)\b\.?"
    r"|\s*,\s*(?:street|road|avenue|avenida|av\.|calle|col\.|colonia|km\b|building|floor|piso|moo\b|soi\b|"
    r"industrial\s+estate|parque\s+industrial|zona\s+industrial|district|province|c\.?\s?p\.?\s*\d)"
    r"|\s+\d{1,5}\s+(?:street|st\.?|road|rd\.?|avenue|ave\.?|av\.|avenida|calle|moo|soi|blvd\.?)\s"
    # a street run on after the name without a comma: 'S.A. de C.V. Blvd. Harold R. Pape 1420'
    r"|\s+(?=(?:blvd|av|avda)\.\s|(?:calle|carretera|avenida|boulevard|rua|rue)\s)",
    re.IGNORECASE,
)
# Marks at a name's edge that no name starts or ends with (OCR's '=' and '~' from a cell's rule included).
_EDGE = " \t\"'“”‘’«»:;,-–—*#_|/\\[]{}<>=~"
_ABBREVIATIONS = frozenset("ltd co inc corp ltda cia pte pty bhd mfg intl bros ind com sdn jsc".split())


def _strip_label(line: str) -> str:
    stripped = _STRONG_PREFIX.sub("", line, count=1)
    if stripped != line:
        return stripped
    head, colon, tail = line.partition(":")
    # 'Razón social:', "Exporter's name, address and country:": a short head holding a label word.
    if colon and len(head.split()) <= 8 and _LABEL_WORD.search(head):
        return tail
    return _BOX_PREFIX.sub("", line, count=1)


# Glyphs OCR reads as others in company names: '&' as '8' between words ('Glass 8 Ceramics'), 't' of the
# legal form 'Ltd' as 'i' ('Co., Lid'). A name has no lone 8 between two words, nor ends in ', Lid'.
_AMPERSAND_AS_EIGHT = re.compile(r"\b([A-Z][^\W\d_]{2,}) 8 (?=[A-Z][^\W\d_]{2,})")
_NUMBERING_WORDS = frozenset("unit plant block lot line building floor room no number house gate dock berth".split())
_LTD_AS_LID = re.compile(r"(?<=[,.] )L[i1l]d(?=\.?$)")
# An 'l' OCR read as '!': inside a word ('Meta!s'), or ending a small word between words ('de! Bravo').
# A capitalised word keeps its mark ('Yahoo! Inc').
_L_AS_BANG = re.compile(r"\b([a-z]{1,3})!(?= \w)|(?<=[a-z])!(?=[a-z])")


def _repair_glyphs(name: str) -> str:
    # 'Unit 8 Road' numbers something: left as it is.
    name = _AMPERSAND_AS_EIGHT.sub(lambda m: m.group(0) if m.group(1).lower() in _NUMBERING_WORDS
                                   else f"{m.group(1)} & ", name)  # fmt: skip
    return _L_AS_BANG.sub(lambda m: f"{m.group(1) or ''}l", _LTD_AS_LID.sub("Ltd", name))


def _tidy(name: str) -> str:
    name = _repair_glyphs(re.sub(r"\s+", " ", name).strip(_EDGE).lstrip(".").strip(_EDGE))
    # A registration number after the name ('99 SPEED MART S/B (519537-X)') is not part of it.
    name = re.sub(r"\s*\([^()]*\d[^()]*\)$", "", name).strip(_EDGE)
    if name.count("(") > name.count(")"):
        name = name[: name.rfind("(")].strip(_EDGE)
    elif name.endswith(")") and "(" not in name:
        name = name.rstrip(")").strip(_EDGE)
    if name.endswith("."):
        last = re.split(r"[\s,]+", name)[-1]
        # The dot of 'Ltd.', 'Inc.', 'S.A.', 'C.V.' is part of the name; after 'Metals.' it is not.
        if not ("." in last[:-1] or last[:-1].lower() in _ABBREVIATIONS):
            name = name.rstrip(".").strip(_EDGE)
    return name


def clean_party_name(text: str) -> Parsed[str]:
    """The company name in a party box: 'Exporter: ACME CO., LTD.\\n123 Moo 4, Rayong' -> 'ACME CO., LTD.'.

    Drops box numbers and labels ('1.', 'Goods consigned from (Exporter's business name...)', 'Seller'),
    lines after the name, address or contact details on its line, and surrounding punctuation.
    """
    if not text or not text.strip():
        return Parsed.fail("empty text")
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines[:4]:
        candidate = _strip_label(line)
        candidate = _ADDRESS.split(candidate, maxsplit=1)[0]
        candidate = _tidy(candidate)
        if not candidate or _LABEL_WORD.fullmatch(candidate.strip()):
            continue  # a label-only line; the name is on the next one
        if sum(c.isalpha() for c in candidate) < 2:
            return Parsed.fail(f"no name in {text[:80]!r}")
        return Parsed.ok(candidate)
    return Parsed.fail(f"no name in {text[:80]!r}")


# Legal-form words, removed from the end of a name before comparing ('S.A. de C.V.', 'Co., Ltd.').
_LEGAL = frozenset(
    """sa de cv s rl sapi sab co ltd ltda limited company corp corporation inc incorporated llc lp llp gmbh ag bv
    nv srl sl spa sas sarl pte pty pvt jsc ojsc pjsc ooo oao pcl plc public kk cia sac saa eirl sociedad anonima
    mbh ug kft zrt sro as ab oy aps""".split()
)


def is_legal_form(word: str) -> bool:
    """Whether a word is (a part of) a company's legal form: 'Ltd.', 'Inc.,', 'S.A.', 'C.V.'."""
    return re.sub(r"[\W_]", "", fold_chars(word).lower()) in _LEGAL


@lru_cache(maxsize=4096)
def _core(name: str) -> tuple[str, ...]:
    words = re.sub(r"[^\w\s]|_", " ", fold_chars(name).replace("&", " and ").replace(".", "").replace("'", "")).split()
    if words and words[0] == "the":
        words = words[1:]
    core = list(words)
    while core and core[-1] in _LEGAL:
        core.pop()
    return tuple(core or words)


def names_match(a: str, b: str) -> bool:
    """Whether two company names denote the same party despite case, punctuation, legal form and OCR slips.

    'ACME Mining Co., Ltd.' ~ 'ACME MINING COMPANY LIMITED' ~ 'Acme Mlning Co' ; 'ACME' !~ 'ACME Mining'.
    """
    if not a or not b:
        return False
    core_a, core_b = _core(a), _core(b)
    if not core_a or not core_b:
        return False
    if core_a == core_b:
        return True
    text_a, text_b = " ".join(core_a), " ".join(core_b)
    if fuzz.token_sort_ratio(text_a, text_b) >= 90:
        return True
    # One name inside the other ('Thai Metals' / 'Thai Metals Trading'): only when the shorter one is
    # specific enough (two words or more, half the length) to be more than a shared first word.
    shorter, longer = sorted((text_a, text_b), key=len)
    return (
        fuzz.token_set_ratio(text_a, text_b) >= 90 and len(shorter.split()) >= 2 and len(shorter) >= 0.5 * len(longer)
    )
