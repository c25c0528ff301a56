"""The result every normaliser returns: a value, or the reason there is none."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Parsed(Generic[T]):
    """A normalised value or, when it could not be read, why.

    Exactly one of `value` and `reason` is set, so callers can turn a failure into
    `FieldValue.missing(name, reason)` without inventing their own message.
    """

    value: T | None = None
    reason: str | None = None

    def __post_init__(self) -> None:
        # Both or neither set would make `found` lie about what the caller gets.
        if (self.value is None) == (self.reason is None):
            raise ValueError("Parsed needs exactly one of value and reason")

    @classmethod
    def ok(cls, value: T) -> Parsed[T]:
        return cls(value=value)

    @classmethod
    def fail(cls, reason: str) -> Parsed[T]:
        return cls(reason=reason or "unreadable")

    @property
    def found(self) -> bool:
        return self.value is not None
