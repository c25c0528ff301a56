"""Which kind of trade document a page set is, from the phrases that name and characterise each type.

Each type has title phrases (what the document calls itself, weighted by how high on the first page
they stand) and body phrases (vocabulary only that type tends to use). New types are added to the
registry, not to a chain of conditions.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from statistics import median

from oretrace.core.folding import fold
from oretrace.core.models import Classification, DocType, Page
from oretrace.extractors.layout import split_phrases


@dataclass(frozen=True)
class TypeCues:
    titles: tuple[str, ...]
    body: tuple[str, ...]
    # Words that make a certificate's title this type's wherever they stand in it ('Certificate of weight,
    # sampling and analysis', 'Certificado de peso y calidad'): the title is the certificate word up to them.
    title_words: tuple[str, ...] = ()


CUES: dict[DocType, TypeCues] = {
    DocType.COMMERCIAL_INVOICE: TypeCues(
        titles=(
            "commercial invoice",
            "invoice",
            "factura comercial",
            "factura",
            "proforma invoice",
            "tax invoice",
            "credit note",
            # German, French, Dutch, Polish
            "rechnung",
            "handelsrechnung",
            "rechnungskorrektur",
            "gutschrift",
            "facture",
            "avoir",
            "factuur",
            "faktura",
            "faktura vat",
            # Receipts are the seller's bill for goods sold: scored and read as invoices.
            "receipt",
            "payment receipt",
            "cash receipt",
            "official receipt",
            "cash bill",
            "bill",
        ),
        body=(
            "rechnungsnr",
            "rechnungsdatum",
            "rechnungsbetrag",
            "gesamtbetrag",
            "zahlbetrag",
            "mwst",
            "ust",
            "umsatzsteuer",
            "montant",
            "total ttc",
            "total ht",
            "tva",
            "factuurnummer",
            "factuurdatum",
            "totaal",
            "btw",
            "do zaplaty",
            "sprzedawca",
            "nabywca",
            "vat",
            "gst",
            "tax",
            "cash",
            "change",
            "rounding",
            "qty",
            "price",
            "unit price",
            "total amount",
            "amount due",
            "total value",
            "precio unitario",
            "importe total",
            "valor total",
            "payment terms",
            "terms of payment",
            "condiciones de pago",
            "incoterms",
            "bank",
            "banco",
            "subtotal",
            "amount",
            # Spanish, Portuguese and French wording of a bill
            "facturar a",
            "importe",
            "valor unitario",
            "moneda",
            "forma de pago",
            "preco unitario",
            "prix unitaire",
            "devise",
        ),
    ),
    DocType.PACKING_LIST: TypeCues(
        titles=(
            "packing list",
            "lista de empaque",
            "lista de embalaje",
            "packing slip",
            "weight list",
            "packing note",
            "packing and weight list",
            "weight and packing list",
            "weight and measurement list",
            "measurement list",
            "lista de pesos y medidas",
            "lista de pesos",
            "nota de pesos",
            "relacion de pesos",
            # Portuguese, French
            "lista de embalagem",
            "romaneio",
            "romaneio de pesos",
            "liste de colisage",
            "note de colisage",
            "liste de poids et mesures",
            "lista de pesos e medidas",
            "liste des poids",
            "note de poids",
            # A surveyor's or weighbridge certificate of the weights states what a packing list states.
            "weight certificate",
            "certificate of weight",
            "weighing certificate",
            "weight note",
            "weight report",
            "certificado de peso",
            "certificado de pesaje",
            "certificat de poids",
            "certificado de pesagem",
            # A container load plan sent as the packing list: what each container holds, by lot and weight.
            "container load plan",
            "container loading plan",
            "load plan",
            "loading plan",
            "plan de carga",
            "plan de carga de contenedores",
            "plano de carga",
            "plan de chargement",
            "plan d empotage",
            # A producer's delivery note sent as the packing list: the goods by lot, packages and weight, no prices.
            "delivery note",
            "dispatch note",
            "despatch note",
            "delivery slip",
            "nota de entrega",
            "nota de remision",
            "remision",  # the Mexican delivery note titled by its short name ('REMISIÓN No. 0456')
            "guia de remision",
            "guia de despacho",
            "albaran",
            "albaran de entrega",
            "bon de livraison",
            "bordereau de livraison",
            "guia de remessa",
            # A plant's loading list, one row per truck, wagon or container and lot, sent as the packing list.
            "loading list",
            "truck loading list",
            "lista de carga",
            "lista de carga por unidad",
            "liste de chargement",
            "lista de carregamento",
            "romaneio de carga",
        ),
        body=(
            "gross weight",
            "peso liquido",
            "poids brut",
            "volumes",
            "container no",
            "contenedor no",
            "seal no",
            "lot summary",
            "resumen de lotes",
            "resumo de lotes",
            "vgm",
            "peso bruto",
            "packages",
            "bultos",
            "pallets",
            "tarimas",
            "dimensions",
            "dimensiones",
            "measurement",
            "marks and numbers",
            "tare",
            "bags",
            "drums",
            "weighbridge",
            "bascula",
            "place of weighing",
            "lugar de pesaje",
            "weights found",
        ),
    ),
    DocType.CERTIFICATE_OF_ORIGIN: TypeCues(
        titles=(
            "certificate of origin",
            "certificado de origen",
            "certification of origin",
            "certificacion de origen",
            "form d",
            "form e",
            "form a",
            "combined declaration and certificate",
            "movement certificate",
            "certificado de circulacion de mercancias",
            "certificat de circulation des marchandises",
            "certificat d origine",
            "certificado de origem",
            "origin declaration",
            "statement on origin",
            "invoice declaration",
            "declaration of origin",
            "declaracion de origen",
            "eur 1",
            "eur med",
        ),
        body=(
            "origin criterion",
            "criterio de origen",
            "goods consigned from",
            "goods consigned to",
            "blanket period",
            "periodo que cubre",
            "chamber of commerce",
            "camara de comercio",
            "certifier",
            "certificador",
            "producer",
            "productor",
            "wholly obtained",
            "declaration by the exporter",
            "for official use",
            "country of origin",
            "pais de origen",
            "originate in",
            "originating",
            "originarias",
            "consignor",
            "undersigned authority",
            "certify that the goods",
            "certifies that the goods",
            "certifico que las mercancias",
            "origin requirements",
            "preferential origin",
            "preferential trade",
            "preferential treatment",
            "customs endorsement",
            "generalised system of preferences",
            "generalized system of preferences",
            "products consigned from",
            "origin criteria",
            "exporter reference no",
            "the exporter of the products covered by this document",
            "pays d origine",
            "declaration de l exportateur",
            "declaracion del exportador",
            "declaracao do exportador",
            # French, Spanish and Portuguese wording of preferential certificates
            "echanges preferentiels",
            "intercambios preferenciales",
            "trato preferencial",
            "originaires",
            "originarios",
            "visa de la douane",
            "visado de la aduana",
            "customs stamp",
            "sello de la aduana",
            "pais de expedicion",
            "pays de delivrance",
            "pais de origem",
            # the rules a certificate cites, and the association whose agreements the ALADI forms serve
            "rules of origin",
            "normas de origen",
            "regles d origine",
            "regras de origem",
            "asociacion latinoamericana de integracion",
            # a chamber's sworn certificate, its title lost: the shipper's declaration of where the goods come from
            "are the product of",
            "are the products of",
            "son productos de",
            "sao produtos de",
            "sont des produits de",
            "owner or agent",
            "propietario o agente",
        ),
    ),
    DocType.ASSAY_CERTIFICATE: TypeCues(
        titles=(
            "certificate of analysis",
            "assay certificate",
            "certificado de analisis",
            "analysis certificate",
            "analysis report",
            "test report",
            "assay report",
            "inspection certificate",
            "quality certificate",
            "mill test certificate",
            "informe de ensayo",
            "certificado de calidad",
            "mill certificate",
            "material certificate",
            "inspection document",
            "material passport",
            "digital material passport",
            "certificate of conformity",
            # German, French, Polish (EN 10204 inspection documents)
            "abnahmeprufzeugnis",
            "prufbescheinigung",
            "werkszeugnis",
            "analysenzertifikat",
            "certificat de reception",
            "certificat d analyse",
            "swiadectwo odbioru",
            "test certificate",
            "certificate of quality",
            "certificado de analise",
            "certificat de qualite",
        ),
        # a surveyor's certificate of weight and quality or analysis: the analysis makes it the assay certificate
        title_words=(
            "analysis",
            "quality",
            "assay",
            "analisis",
            "calidad",
            "ensayo",
            "analyse",
            "qualite",
            "analise",
            "qualidade",
            "ensaio",
        ),
        body=(
            "chemical composition",
            "chemical analysis",
            "chemische zusammensetzung",
            "composition chimique",
            "sklad chemiczny",
            "heat number",
            "heat no",
            "en 10204",
            "tensile strength",
            "yield strength",
            "zugfestigkeit",
            "mechanical properties",
            "inspection",
            "batch",
            "lot id",
            "analysis",
            "manufacturer",
            "hersteller",
            "laboratory",
            "laboratorio",
            "method",
            "metodo",
            "detection limit",
            "limite de deteccion",
            "results",
            "resultados",
            "sample",
            "muestra",
            "ppm",
            "mg/kg",
            "element",
            "elemento",
            "analyte",
            "icp",
            "assay",
            "ensaye",
            "g/t",
            "analytical results",
        ),
    ),
}

# Every document type's titles: a phrase that is one of these alone names the document, not a field.
DOCUMENT_TITLES = frozenset(title for cues in CUES.values() for title in cues.titles)
TITLE_ZONE = 0.35  # titles stand in the top third of the first page
LARGE_PRINT = 1.2  # a title is printed at least this much taller than the body text
MIN_SCORE = 2.0


def classify(pages: list[Page]) -> Classification:
    top_text = title_text(pages[0]) if pages else ""
    all_text = fold(" ".join(p.text for p in pages))
    titles = {doc_type: _titles(top_text, cues) for doc_type, cues in CUES.items()}
    found = [title for hits in titles.values() for title in hits]
    scores = {doc_type.value: _score(titles[doc_type], found, all_text, cues) for doc_type, cues in CUES.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < MIN_SCORE:
        return Classification(doc_type=DocType.OTHER, confidence=0.5, scores=scores)
    ranked = sorted(scores.values(), reverse=True)
    margin = ranked[0] - ranked[1]
    confidence = 1 / (1 + math.exp(-margin / 2))  # a clear winner is near 1, a tie 0.5
    return Classification(doc_type=DocType(best), confidence=round(confidence, 3), scores=scores)


def title_text(page: Page) -> str:
    """Text of the top of the page, keeping only phrases printed larger than the body when there are
    such phrases: a title is big, a 'Commercial invoice No.' reference in a box is not. Sizes are measured
    per phrase, not per line: on a form a title shares its line with a small box caption beside it."""
    if not page.words:
        return ""
    top = [phrase for row in split_phrases(page) for phrase in row if phrase.y0 < TITLE_ZONE]
    if not top:
        return ""
    body_height = median(w.bbox[3] - w.bbox[1] for w in page.words)
    # A word's box is as tall as its letters reach: capitals have no descenders, so a title in capitals is
    # measured against the words in capitals of the page, other phrases against all its words.
    capitals = [w.bbox[3] - w.bbox[1] for w in page.words if _in_capitals(w.text)]
    capital_height = median(capitals) if len(capitals) >= MIN_CAPITAL_WORDS else body_height
    large = [
        p
        for p in top
        if median(w.bbox[3] - w.bbox[1] for w in p.words)
        >= LARGE_PRINT * (capital_height if all(_in_capitals(w.text) for w in p.words) else body_height)
    ]
    # With no large print (a title lost under a stamp), a reference label in the head ('Invoice No.: 2025/0086'
    # on a packing list) names another document, not this one.
    chosen = large or [p for p in top if not _REFERENCE_LABEL.match(fold(p.text))]
    return fold(" ".join(p.text for p in chosen))


MIN_CAPITAL_WORDS = 5  # fewer words in capitals than this measure nothing: all words are the reference then


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_REFERENCE_LABEL = re.compile(r"^(?:\w+ ){1,2}(?:no|n|nr|number|numero|#)\b")


# A certificate's noun in a title, and the words a title may run on for before the word that names its type.
_CERTIFICATE_NOUN = r"(?:certificate|certificado|certificat|report|informe|rapport|relatorio)"
TITLE_WORDS_REACH = 5


def _titles(top_text: str, cues: TypeCues) -> list[str]:
    """The type's titles in the title text, with a certificate's title its title words make."""
    hits = [t for t in cues.titles if _contains(top_text, t) or _spaced_title(top_text, t)]
    for word in cues.title_words:
        pattern = rf"\b{_CERTIFICATE_NOUN}(?: \S+){{0,{TITLE_WORDS_REACH}}}? {word}\b"
        hits.extend(match.group(0) for match in re.finditer(pattern, top_text))
    return hits


def _score(title_hits: list[str], found: list[str], all_text: str, cues: TypeCues) -> float:
    """Title and body cues of one type. The longest title counts: "commercial invoice" does not also score
    "invoice", nor a packing list's "certificate of weight" inside "certificate of weight and analysis"."""
    title_hits = [t for t in title_hits if not any(len(f) > len(t) and _contains(f, t) for f in found)]
    score = 0.0
    if title_hits:
        score += 4.0 + len(max(title_hits, key=len).split())
    elif any(_contains(all_text, t) for t in cues.titles):
        score += 1.0
    score += sum(1.0 for phrase in cues.body if _contains(all_text, phrase))
    return score


def _contains(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "


# A title this long is never part of another word, so it is found with OCR's stray spaces ignored
# ('F ACTURA COMERCIAL', 'PACKING LI ST').
SPACED_TITLE_LETTERS = 12


def _spaced_title(text: str, title: str) -> bool:
    letters = title.replace(" ", "")
    return len(letters) >= SPACED_TITLE_LETTERS and letters in text.replace(" ", "")
