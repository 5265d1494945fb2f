"""Small messages screens send each other."""

from __future__ import annotations

from textual.message import Message


class ServicesReady(Message):
    """The catalog and repository are loaded (or changed): refresh what is shown."""


class ServicesFailed(Message):
    """The catalog or database could not be opened; the message says why."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__()
        self.message = message
        self.hint = hint


class CatalogLoaded(Message):
    """The problems are read; the database may still be opening."""

    def __init__(self, catalog: object) -> None:
        super().__init__()
        self.catalog = catalog
