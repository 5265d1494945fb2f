"""Small messages screens send each other."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from coach.packs.catalog import Catalog


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

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
