"""Player actions as a level offers them: catalog effect + rules of play (cost, cool-down, uses).

An action's effect on the model (inputs, duration, a meal eaten now) lives in the content
catalog (``sim/data/content.toml``, ``[actions.<slug>]``), which the engine reads. The same
tables may carry the rules of play and meal changes, read here and ignored by the engine:

- ``cost`` (budget points, default 1), ``cooldown_turns`` (default 0), ``uses`` (default
  unlimited), ``hotkey`` (one key);
- ``next_meal = "<meal slug>"``: the next planned meal is swapped for this one (composition);
- ``next_meal_scale = 0.5``: the next planned meal is scaled (portion);
- ``skip_meals_min = 720``: planned meals in the next 720 min are skipped (a fasting window).

A level lists the actions it allows and may override the rules per action. Must not import pygame.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import attrs

# Keys the engine's catalog reads for an action, and the keys read here.
EFFECT_KEYS = ("title", "inputs", "duration_min", "explain", "meal")
RULE_KEYS = ("cost", "cooldown_turns", "uses", "hotkey", "next_meal", "next_meal_scale", "skip_meals_min")

# Keys the play screen keeps for itself (Space, which ends a turn, is not a printable hotkey).
# An action bound to one of these could never be chosen from the keyboard, so a level may not
# ask for them and automatic keys skip them. Hotkeys are compared case-folded, as the game does.
RESERVED_HOTKEYS: dict[str, str] = {"h": "help", "p": "pause"}


@attrs.frozen
class ActionSpec:
    """One action a level allows, with everything the game and bots need to offer it."""

    slug: str
    title: str
    hotkey: str
    cost: int = 1
    cooldown_turns: int = 0
    uses: int | None = None  # None: unlimited
    explain: str = ""
    next_meal: str | None = None
    next_meal_scale: float = 1.0
    skip_meals_min: float = 0.0

    @property
    def changes_meals(self) -> bool:
        return self.next_meal is not None or self.next_meal_scale != 1.0 or self.skip_meals_min > 0


@cache
def _raw_content() -> dict[str, Any]:
    return tomllib.loads(resources.files("sim").joinpath("data/content.toml").read_text("utf-8"))


def action_tables(extra: Mapping[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Every action's raw table: content.toml's, then a level's own ``[content.actions]``."""
    tables = {k: dict(v) for k, v in _raw_content().get("actions", {}).items()}
    own = (extra or {}).get("actions")
    for k, v in (own.items() if isinstance(own, Mapping) else ()):  # not a table: the loader reports it
        if isinstance(v, Mapping):
            tables[k] = {**tables.get(k, {}), **dict(v)}
    return tables
