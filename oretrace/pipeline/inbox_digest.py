"""One digest of everything an inbox run's results depend on: each file's content and place, the extractor,
the settings that change reading, the code and model that check shipments, and the reference data in force.

Equal digests mean a run would store exactly what the last one stored (see oretrace.store.inbox_runs); any
change to a file, the code, the NER model, the libraries, the settings or the reference data gives a new digest.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from oretrace.core.config import Settings
from oretrace.core.stored_files import code_digest
from oretrace.extractors.document import sha256_of
from oretrace.extractors.document_cache import extractor_fingerprint, read_settings_key
from oretrace.nlp_models.paths import MODEL_DIR
from oretrace.pipeline.documents import read_options
from oretrace.pipeline.inbox import InboxSnapshot

CHECK_CODE = (
    "oretrace.core",
    "oretrace.reference",
    "oretrace.nlp_models",
    "oretrace.checks",
    "oretrace.store",
    "oretrace.pipeline",
    "oretrace.flows",
)


def _files_digest(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(sha256_of(path).encode())
    return digest.hexdigest()


def inbox_digest(snapshot: InboxSnapshot, settings: Settings, reference_version: str) -> str:
    parts = {
        "files": sorted(snapshot.sha256.items()),
        "refused": sorted(snapshot.refused_keys.items()),
        "extractor": extractor_fingerprint(),
        "read_settings": read_settings_key(read_options(settings), settings.limits.max_file_bytes),
        "check_code": code_digest(CHECK_CODE),
        "ner_model": _files_digest(MODEL_DIR) if MODEL_DIR.is_dir() else "absent",
        "spacy": metadata.version("spacy"),
        "reference": reference_version,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
