"""Reference data (smelters, assay profiles, production, HS codes): typed loading, validation and matching.

from oretrace.reference import load_reference, match_smelter
reference = load_reference()            # /work/main/reference by default; raises ReferenceError
match = match_smelter("Hunan Zhirong Antimony Co., Ltd.", reference)
"""

from oretrace.reference.loader import (
    DEFAULT_DIRECTORY,
    Problem,
    ReferenceDataError,
    ReferenceError,
    assigned_smelter_id,
    default_reference,
    load_reference,
)
from oretrace.reference.matching import (
    DEFAULT_THRESHOLD,
    SmelterMatch,
    SmelterMatcher,
    distinctive_words,
    match_smelter,
)
from oretrace.reference.models import (
    AssayProfile,
    ElementStats,
    GoodsStage,
    HsCode,
    ProductionRecord,
    ReferenceData,
    Smelter,
    Stage,
    Unit,
)

__all__ = [
    "DEFAULT_DIRECTORY",
    "DEFAULT_THRESHOLD",
    "AssayProfile",
    "ElementStats",
    "GoodsStage",
    "HsCode",
    "Problem",
    "ProductionRecord",
    "ReferenceData",
    "ReferenceDataError",
    "ReferenceError",
    "Smelter",
    "SmelterMatch",
    "SmelterMatcher",
    "Stage",
    "Unit",
    "assigned_smelter_id",
    "default_reference",
    "distinctive_words",
    "load_reference",
    "match_smelter",
]
