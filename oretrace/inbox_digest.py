"""One digest of everything an inbox run's results depend on: each file's content and place, the extractor,
the settings that change reading, the code and model that check shipments, and the reference data in force.

Equal digests mean a run would store exactly what the last one stored (see store.inbox_runs); any change to
a file, the code, the NER model, the libraries, the settings or the reference data gives a new digest.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from extractors.document import sha256_of
from extractors.document_cache import REPO, code_digest, extractor_fingerprint, read_settings_key
from oretrace.config import Settings
from oretrace.inbox import list_loose_files, list_shipments
from oretrace.pipeline import read_options

CHECK_CODE_ROOTS = ("checks", "flows", "nlp_models", "oretrace", "reference_data", "store")
NER_MODEL = REPO / "nlp_models" / "oretrace_ner"


def _files_digest(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(sha256_of(path).encode())
    return digest.hexdigest()


def inbox_digest(inbox: Path, settings: Settings, reference_version: str) -> str:
    inbox = inbox.resolve()
    paths = [p for shipment in list_shipments(inbox) for p in shipment.files] + list_loose_files(inbox)
    parts = {
        "files": [[p.relative_to(inbox).as_posix(), sha256_of(p)] for p in paths],
        "extractor": extractor_fingerprint(),
        "read_settings": read_settings_key(read_options(settings), settings.limits.max_file_bytes),
        "check_code": code_digest(CHECK_CODE_ROOTS),
        "ner_model": _files_digest(NER_MODEL) if NER_MODEL.is_dir() else "absent",
        "spacy": metadata.version("spacy"),
        "reference": reference_version,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
