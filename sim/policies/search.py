"""``search``: beam search over action sequences; each depth is ONE vectorised population.

From the current state, every beam member is expanded with each legal choice (nothing, or one
action); all candidates become the columns of one ``Playthrough`` (``take`` copies state, rules
and active effects column by column), play one turn together, are valued by ``evaluate``, and
the best ``width`` distinct ones form the next beam. At the end the best finished line is the
plan. A level is deterministic given its seed, so the plan is made once and followed; if the
run strays from it (a different seed, a player's move) the bot plans again from where it is.

Measured on this machine: one turn of a 96-column population costs about as much as 9 turns
of one subject, so evaluating candidates together is ~10× cheaper than one simulation each.
Must not import pygame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.events import Action
from sim.policies.base import evaluate, options_for

if TYPE_CHECKING:
    from sim.levels.play import Playthrough
    from sim.levels.run import LevelRun, Observation


class BeamSearch:
    name = "search"

    def __init__(self, width: int = 12, barred: frozenset[str] = frozenset()) -> None:
        self.width = width
        self.barred = frozenset(barred)  # actions it may not take (the proof's "barred" bot)
        self._plan: list[list[Action]] = []
        self._key: tuple[int, int, int] | None = None

    def act(self, obs: Observation, run: LevelRun) -> list[Action]:
        key = (id(run), run.turn, len(run.action_log))
        if self._key != key or not self._plan:
            self._plan = plan(run.play, self.width, self.barred)
        self._key = (id(run), run.turn + 1, len(run.action_log) + 1)
        return self._plan.pop(0) if self._plan else []


def plan(start: Playthrough, width: int = 12, barred: frozenset[str] = frozenset()) -> list[list[Action]]:
    """The best action sequence found from ``start``'s column 0 to the end of the level, never
    using an action in ``barred``."""
    beam = start.take([0])
    t0 = beam.turn
    while not bool(np.all(beam.finished())):
        src: list[int] = []
        acts: list[list[Action]] = []
        done = beam.finished()
        for b in range(beam.n):
            for choice in ([[]] if done[b] else options_for(beam, b, barred)):
                src.append(b)
                acts.append(choice)
        pop = beam.take(src)
        pop.step(acts, check=False)
        value = evaluate(pop, final=bool(np.all(pop.finished())))
        keep = _best_distinct(pop, value, width)
        beam = pop.take(keep)
    best = int(np.argmax(evaluate(beam, final=True)))
    return [list(a) for a in beam.logs[best][t0:]]


def _best_distinct(pop: Playthrough, value: np.ndarray, width: int) -> list[int]:
    """Top ``width`` columns by value, skipping columns whose state and rules equal a kept one."""
    order = np.argsort(-value, kind="stable")
    arr = pop.sim.state.arrays
    keep: list[int] = []
    seen: set[tuple[object, ...]] = set()
    for j in order.tolist():
        led = pop.ledgers[j]
        sig = (round(float(value[j]), 6), float(arr["glucose_mmol_l"][j]), float(arr["energy_frac"][j]),
               float(arr["stomach_solid_mg"][j]), float(arr["exercise_memory_frac"][j]),
               led.budget_left, tuple(sorted(led.uses_left.items())), tuple(sorted(led.meal_changes.items())))
        if sig in seen:
            continue
        seen.add(sig)
        keep.append(j)
        if len(keep) >= width:
            break
    return keep
