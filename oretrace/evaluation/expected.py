"""What a third-party set says one document holds, in oretrace's canonical terms."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from oretrace.core.models import DocType, FieldData, Frozen


class ExpectedDocument(Frozen):
    set_name: str = Field(description="folder of the set under the external root, e.g. 'sroie-subset'")
    path: str = Field(description="the input file, relative to the set folder")
    doc_type: DocType = Field(description="the oretrace type the document is scored as")
    fields: dict[str, FieldData] = Field(description="canonical field name -> expected normalised value")
    # Other canonical fields the value may be reported under: a certificate's issuing manufacturer is read
    # as its producer (smelter_name) or, from the letterhead, as the issuing laboratory.
    found_in: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Other values that are equally right for a field (a heat number where a batch id is also printed).
    alternatives: dict[str, list[FieldData]] = Field(default_factory=dict)
    # Where the set's own value is known to disagree with the printed document, why (kept, not edited).
    disagreements: dict[str, str] = Field(default_factory=dict)

    @field_validator("fields", mode="before")
    @classmethod
    def _drop_absent(cls, fields: dict[str, Any]) -> dict[str, Any]:
        # A set that leaves a field empty expects nothing of it: the field is not scored.
        return {name: value for name, value in fields.items() if value not in (None, "", {})}

    @classmethod
    def invoice(
        cls, set_name: str, path: str, fields: dict[str, FieldData | None], disagreements: dict[str, str]
    ) -> ExpectedDocument:
        """An invoice or receipt, scored as a commercial invoice."""
        return cls(
            set_name=set_name,
            path=path,
            doc_type=DocType.COMMERCIAL_INVOICE,
            fields=fields,
            disagreements=disagreements,
        )

    @property
    def key(self) -> str:
        return f"{self.set_name}/{self.path}"
