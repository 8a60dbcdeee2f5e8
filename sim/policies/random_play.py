"""``random``: each turn, one of the legal choices (nothing, or one action) uniformly at random.

The proof's measure of luck: a level that random play wins often does not ask for judgement.
``random_win_rate`` plays N random players as ONE vectorised population (each column its own
choices, drawn from one seeded generator), so measuring the rate over many players costs about as
much as a few single runs. The generator is the policy's own, seeded: never global random state.
Must not import pygame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import numpy as np

from sim.events import Action
from sim.policies.base import options_for

if TYPE_CHECKING:
    from sim.levels.level import Level
    from sim.levels.play import Playthrough
    from sim.levels.run import LevelRun, Observation


class RandomPlay:
    name = "random"

    def __init__(self, seed: int = 0) -> None:
        self.rng = np.random.Generator(np.random.PCG64(seed))

    def act(self, obs: Observation, run: LevelRun) -> list[Action]:
        choices = options_for(run.play, 0)
        return list(choices[int(self.rng.integers(len(choices)))])


@attrs.frozen
class RandomRate:
    players: int
    wins: int
    stars: tuple[int, ...]  # how many players earned 0, 1, 2, 3 stars

    @property
    def rate(self) -> float:
        return self.wins / self.players if self.players else 0.0


def random_players(level: Level, players: int = 64, seed: int = 0, level_seed: int = 0) -> Playthrough:
    """Play ``players`` random players on ``level`` (its seed ``level_seed``) at once; the finished
    population, one column per player."""
    from sim.levels.play import Playthrough

    play = Playthrough(level, level_seed, players)
    play.sim.account = False
    rng = np.random.Generator(np.random.PCG64(seed))
    while not bool(np.all(play.finished())):
        done = play.finished()
        acts = []
        for i in range(players):
            choices = [[]] if done[i] else options_for(play, i)
            acts.append(choices[int(rng.integers(len(choices)))])
        play.step(acts, check=False)
    return play


def rate_of(play: Playthrough) -> RandomRate:
    stars = play.tracker.stars(final=True)
    counts = tuple(int(np.sum(stars == k)) for k in range(4))
    return RandomRate(len(stars), int(np.sum(stars >= 1)), counts)


def random_win_rate(level: Level, players: int = 64, seed: int = 0, level_seed: int = 0) -> RandomRate:
    """Play ``players`` random players on ``level`` (its seed ``level_seed``) at once."""
    return rate_of(random_players(level, players, seed, level_seed))
