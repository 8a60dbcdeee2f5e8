"""The proof that a level is fair: ``search`` wins it, ``idle`` loses it; ``greedy`` hints difficulty.

Used by ``python -m sim levels prove`` and by the test that proves every shipped level — the
guard that says when a change to the model (or the level) breaks a level.
Must not import pygame.
"""

from __future__ import annotations

import time

import attrs

from sim.levels.level import Level
from sim.levels.run import LevelResult, LevelRun


@attrs.frozen
class Proof:
    level: Level
    results: dict[str, LevelResult]
    seconds: float

    @property
    def winnable(self) -> bool:
        return self.results["search"].won

    @property
    def trivial(self) -> bool:
        return self.results["idle"].won

    @property
    def ok(self) -> bool:
        return self.winnable and not self.trivial

    def line(self) -> str:
        def show(name: str) -> str:
            r = self.results[name]
            return f"{name} {'won ' + '★' * r.stars if r.won else 'lost'} ({r.score})"

        verdict = "ok" if self.ok else ("UNWINNABLE" if not self.winnable else "TRIVIAL")
        hint = "easy" if self.results["greedy"].won else "needs planning"
        return (f"{verdict:<10} {self.level.slug:<28} {show('search'):<22} {show('greedy'):<22} "
                f"{show('idle'):<16} [{hint}, {self.seconds:.1f}s]")


def prove(level: Level, seed: int = 0) -> Proof:
    from sim.policies import get_policy

    t = time.perf_counter()
    results = {name: LevelRun(level, seed).play_out(get_policy(name)) for name in ("search", "greedy", "idle")}
    return Proof(level, results, time.perf_counter() - t)
