"""Events: frozen records with a ``kind`` slug, ordered on the queue by (time, phase, seq).

Kinds: ``meal`` (food into the stomach), ``effect_start`` / ``effect_end`` (a stressor's or an
action's drive on the model's inputs, switched on and off), ``action`` (a player's choice, which
its handler expands into meals and effects), ``level`` (a scheduled message or change of a level)
and ``goal_check``. Handlers live in ``engine.py``'s dispatch table, so queues and logs are plain
data that can be saved, compared and replayed. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any

import attrs


class Phase(IntEnum):
    """Tie-break for events at the same minute: effects end before new ones start."""

    EFFECT_END = 0
    LEVEL = 1
    ACTION = 2
    MEAL = 3
    EFFECT_START = 4
    GOAL_CHECK = 9


def _freeze(d: Mapping[str, Any] | tuple[tuple[str, Any], ...] | None) -> tuple[tuple[str, Any], ...]:
    if isinstance(d, tuple):
        return d
    return tuple(sorted((d or {}).items()))


@attrs.frozen
class Event:
    time_min: float
    kind: str
    phase: Phase
    label: str = ""
    data: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_freeze)

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.data).get(key, default)

    def to_jsonable(self) -> dict[str, Any]:
        return {"time_min": float(self.time_min).hex(), "kind": self.kind, "phase": int(self.phase),
                "label": self.label, "data": dict(self.data)}

    @classmethod
    def from_jsonable(cls, d: Mapping[str, Any]) -> Event:
        return cls(float.fromhex(d["time_min"]), str(d["kind"]), Phase(int(d["phase"])), str(d["label"]), _freeze(d["data"]))


def meal(time_min: float, carb_g: float, fat_g: float = 0.0, protein_g: float = 0.0, fibre_g: float = 0.0,
         liquid: bool = False, label: str = "meal") -> Event:
    return Event(time_min, "meal", Phase.MEAL, label,
                 {"carb_g": carb_g, "fat_g": fat_g, "protein_g": protein_g, "fibre_g": fibre_g, "liquid": liquid})


def effect(time_min: float, inputs: Mapping[str, float], duration_min: float, label: str, source: str = "stressor") -> Event:
    """A drive on the model's inputs that lasts ``duration_min`` (its end is queued when it starts)."""
    return Event(time_min, "effect_start", Phase.EFFECT_START, label,
                 {"inputs": _freeze(inputs), "duration_min": duration_min, "source": source})


@attrs.frozen
class Action:
    """A player's (or bot's) choice for this turn: a catalog ``kind`` at ``offset_min`` into the turn."""

    kind: str
    offset_min: float = 0.0

    def to_jsonable(self) -> dict[str, Any]:
        return {"kind": self.kind, "offset_min": self.offset_min}

    @classmethod
    def from_jsonable(cls, d: Mapping[str, Any]) -> Action:
        return cls(str(d["kind"]), float(d.get("offset_min", 0.0)))
