"""``Level``: a validated level, ready to play — plus its goals, failure conditions and questions.

Built by ``loader.load_level`` from a TOML file. Everything here is frozen, so a level can be
shared by the game, bots and replays without copies. Must not import pygame.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from sim.content import Catalog
from sim.levels.actions import ActionSpec
from sim.levels.quantities import QUANTITIES, show
from sim.levels.schema import CellSpec, EventSpec


def _bounds_words(quantity: str, above: float | None, below: float | None) -> str:
    if above is not None and below is not None:
        return f"between {show(quantity, above)} and {show(quantity, below)}"
    if above is not None:
        return f"above {show(quantity, above)}"
    return f"below {show(quantity, below if below is not None else 0.0)}"


@attrs.frozen
class Goal:
    slug: str
    text: str
    kind: str  # share_of_turns | mean | end
    quantity: str
    above: float | None
    below: float | None
    share: float
    star: int

    @staticmethod
    def default_text(kind: str, quantity: str, above: float | None, below: float | None, share: float) -> str:
        words = QUANTITIES[quantity].words
        b = _bounds_words(quantity, above, below)
        if kind == "share_of_turns":
            if share >= 1.0:
                return f"Keep {words} {b} in every turn"
            return f"Keep {words} {b} in at least {100 * share:.0f}% of turns"
        if kind == "mean":
            return f"Keep {words} {b} on average"
        return f"End with {words} {b}"


@attrs.frozen
class FailCondition:
    slug: str
    text: str
    quantity: str
    above: float | None
    below: float | None
    turns: int

    @staticmethod
    def default_text(quantity: str, above: float | None, below: float | None, turns: int) -> str:
        words = QUANTITIES[quantity].words
        run = "" if turns == 1 else f" for {turns} turns in a row"
        return f"{words[0].upper()}{words[1:]} {_bounds_words(quantity, above, below)}{run}"


@attrs.frozen
class Question:
    prompt: str
    choices: tuple[str, ...]
    answer: int
    explain: str = ""


@attrs.frozen
class Claim:
    """The briefing says ``quantity op value`` at the start (``turn`` 0) or after ``turn`` turns."""

    index: int  # its place in the file: claims[index]
    quantity: str
    op: str
    value: float
    turn: int
    says: str

    def holds(self, v: float) -> bool:
        return {"<": v < self.value, "<=": v <= self.value, ">": v > self.value, ">=": v >= self.value}[self.op]

    def words(self) -> str:
        when = "at the start" if self.turn == 0 else f"after {self.turn} turn{'s' if self.turn > 1 else ''}"
        return f"{self.quantity} {self.op} {show(self.quantity, self.value)} {when}"


@attrs.frozen
class Level:
    slug: str
    title: str
    briefing: str
    cell_type: str
    turns: int
    turn_min: float
    content_hash: str
    path: Path | None
    actions: tuple[ActionSpec, ...]
    goals: tuple[Goal, ...]
    fails: tuple[FailCondition, ...]
    questions: tuple[Question, ...]
    events: tuple[EventSpec, ...]
    cell: CellSpec
    diet: str | None
    budget_per_day: int  # 0: no budget
    start_clock_min: float
    catalog: Catalog = attrs.field(repr=False, eq=False)
    claims: tuple[Claim, ...] = ()
    key_actions: tuple[str, ...] = ()

    @property
    def length_min(self) -> float:
        return self.turns * self.turn_min

    def action(self, slug: str) -> ActionSpec | None:
        for a in self.actions:
            if a.slug == slug:
                return a
        return None
