"""Small messages screens send each other."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


class ServicesReady(Message):
    """The catalog and repository are loaded (or changed): refresh what is shown."""


@dataclass
class ServicesFailed(Message):
    message: str
    hint: str

    def __post_init__(self) -> None:
        super().__init__()
