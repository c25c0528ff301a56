"""The errors oretrace reports to its users: each kind carries its exit code and what to do about it.

Library code raises them; the CLI (`oretrace.cli.main`) is the one place that turns them into a message and
an exit status, so every command fails the same way.
"""

from __future__ import annotations

from enum import IntEnum
from typing import ClassVar


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1  # the command ran and found something wrong (a broken audit chain, a refused decision)
    USAGE = 2  # a wrong argument or option (also what Click uses)
    NOTHING_DONE = 3  # the command had nothing to work on: an empty inbox, an empty store
    CONFLICT = 4  # someone else changed the record first; reload and try again
    BAD_DATA = 5  # input data is invalid (reference CSVs, a ground-truth file)
    UNREADABLE = 6  # a document could not be read
    NOTHING_READ = 7  # there were documents, and every one was rejected: the run produced nothing


class OretraceError(Exception):
    """Base of the errors shown to users: `str(err)` says what happened, `remedy` what to do next."""

    exit_code: ClassVar[ExitCode] = ExitCode.FAILED
    default_remedy: ClassVar[str] = ""

    def __init__(self, message: str, remedy: str | None = None) -> None:
        super().__init__(message)
        self.remedy = self.default_remedy if remedy is None else remedy


class NothingToDo(OretraceError):
    exit_code = ExitCode.NOTHING_DONE


class NothingRead(OretraceError):
    """Every document of a run was rejected: a run that checked nothing must not look like a clean one."""

    exit_code = ExitCode.NOTHING_READ
    default_remedy = "see each file's reason above; fix or replace the files (or report the error), then run again"


class InvalidInput(OretraceError):
    exit_code = ExitCode.USAGE


class InvalidData(OretraceError):
    exit_code = ExitCode.BAD_DATA


class Conflict(OretraceError):
    exit_code = ExitCode.CONFLICT
    default_remedy = "reload the record and decide again"


class UnreadableDocument(OretraceError):
    """A file that cannot be read as a trade document; the message is its quarantine reason."""

    exit_code = ExitCode.UNREADABLE


class ShipmentsNotStored(OretraceError):
    """Some shipments of a run could not be checked or stored; the others were."""
