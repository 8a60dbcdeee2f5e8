"""``idle``: never acts. A level it wins is trivial. Must not import pygame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.events import Action

if TYPE_CHECKING:
    from sim.levels.run import LevelRun, Observation


class Idle:
    name = "idle"

    def act(self, obs: Observation, run: LevelRun) -> list[Action]:
        return []
