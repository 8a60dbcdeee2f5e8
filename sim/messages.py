"""Engine messages as records: a stable English template (the msgid) plus the values it names.

A ``Message`` *is* its English rendering (a ``str`` subclass), so the CLI, replays, classroom
tables and JSON outputs read and compare it as before; the game reads ``.id`` and ``.values``
to look the template up in its catalog and format the numbers itself. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any


class Message(str):
    """``Message("fell {drop_pct:.0f}%", drop_pct=12.3)`` == ``"fell 12%"``, with id and values kept."""

    id: str
    values: Mapping[str, float | str]

    def __new__(cls, id: str, **values: float | str) -> Message:
        self = super().__new__(cls, id.format(**values))
        self.id = id
        self.values = MappingProxyType(dict(values))
        return self

    @property
    def text(self) -> str:
        """The English sentence (what ``str()`` gives)."""
        return str.__str__(self)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "values": dict(self.values)}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Message:
        return cls(str(d["id"]), **dict(d.get("values", {})))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.id, dict(self.values)))


def joined(sep: str, parts: Sequence[str]) -> Message:
    """``parts`` joined by ``sep`` as one ``Message`` whose values are the parts, so each part that
    is a ``Message`` itself is still translated (its template has no catalog entry: it stays)."""
    template = sep.replace("{", "{{").replace("}", "}}").join(f"{{p{i}}}" for i in range(len(parts)))
    return Message(template, **{f"p{i}": part for i, part in enumerate(parts)})


def _rebuild(id: str, values: dict[str, float | str]) -> Message:
    return Message(id, **values)
