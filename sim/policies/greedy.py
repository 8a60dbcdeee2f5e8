"""``greedy``: try every legal choice for one turn (one vectorised population), keep the best.

Ties go to the earlier choice, so "do nothing" wins a tie and the bot does not spend for
nothing. Its result is the proof's difficulty hint: a level greedy wins is easy.
Must not import pygame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.events import Action
from sim.policies.base import evaluate, options_for

if TYPE_CHECKING:
    from sim.levels.run import LevelRun, Observation


class Greedy:
    name = "greedy"

    def act(self, obs: Observation, run: LevelRun) -> list[Action]:
        choices = options_for(run.play, 0)
        if len(choices) == 1:
            return []
        pop = run.play.take(np.zeros(len(choices), dtype=np.intp))
        pop.step(choices, check=False)
        return list(choices[int(np.argmax(evaluate(pop)))])
