"""Errors raised for files that cannot be read; their message is shown to users as the quarantine reason."""


class UnreadableDocument(Exception):
    """The file cannot be processed; `str(err)` says why in plain words."""
