"""The ``Policy`` protocol and what the bots share: legal choices and how to value a future.

A choice for one turn is "do nothing" or one legal action at the start of the turn (bots keep to
one action a turn; players may combine several). ``evaluate`` values every column of a
``Playthrough`` at once: the level's own score as if it ended now (stars and goal closeness),
minus a large penalty for a failure condition, plus a small term for how far each goal's
quantity sits inside its bounds this turn (so the bots prefer safe margins).
Must not import pygame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from sim.events import Action
from sim.levels.goals import closeness
from sim.levels.quantities import read

if TYPE_CHECKING:
    from sim.levels.play import Playthrough
    from sim.levels.run import LevelRun, Observation


@runtime_checkable
class Policy(Protocol):
    name: str

    def act(self, obs: Observation, run: LevelRun) -> list[Action]: ...


def options_for(play: Playthrough, i: int, barred: frozenset[str] = frozenset()) -> list[list[Action]]:
    """Column i's choices this turn: nothing, or one legal action not in ``barred``."""
    return [[], *([Action(s)] for s in play.options(i) if s not in barred)]


def evaluate(play: Playthrough, final: bool = False) -> np.ndarray:
    t = play.tracker
    value = t.score(final=final).astype(np.float64)
    value -= 2000.0 * (t.failed >= 0)
    rep = play.last_report
    if not final:  # unspent budget and uses keep options open; spending must pay off
        value += np.array([2.0 * led.budget_left + 3.0 * sum(led.uses_left.values()) for led in play.ledgers])
    if rep is not None and not final:
        for goal in t.goals:
            v = read(rep, goal.quantity)
            value += 10.0 * closeness(v, goal.above, goal.below)
            for bound, sign in ((goal.above, 1.0), (goal.below, -1.0)):
                if bound is not None:
                    value += 10.0 * np.tanh(sign * (v - bound) / max(abs(bound), 1e-3))
        for cond in t.fails:
            v = read(rep, cond.quantity)
            for bound, sign in ((cond.above, -1.0), (cond.below, 1.0)):
                if bound is not None:
                    value += 20.0 * np.tanh(sign * (v - bound) / max(abs(bound), 1e-3))
    return value
