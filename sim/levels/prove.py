"""The proof that a level is fair and has stakes.

``search`` wins it (winnable); ``idle`` loses it (not trivial); ``search`` barred from the level's
``key_actions`` loses it (the lesson's actions matter); random play wins it rarely (at most
``RANDOM_MAX_RATE`` of ``RANDOM_PLAYERS`` players). ``greedy`` (one turn ahead) hints at the
difficulty, and across the campaign it must earn at most ★★ on most levels after the first three
(``greedy_capped``): the rest need planning. Used by ``python -m sim levels prove`` and by the
test that proves every shipped level — the guard that says when a change to the model (or the
level) breaks a level. Must not import pygame.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import attrs

from sim.levels.level import Level
from sim.levels.run import LevelResult, LevelRun
from sim.policies.random_play import RandomRate, random_win_rate

RANDOM_PLAYERS = 64
RANDOM_MAX_RATE = 0.25
# After the first three (tutorial) levels, greedy must earn at most ★★ on most of them: ★★★ on
# fewer than half.
GREEDY_FULL_MAX_SHARE = 0.5
TUTORIAL_LEVELS = 3


@attrs.frozen
class Proof:
    level: Level
    results: dict[str, LevelResult]  # search, greedy, idle, and barred when the level has key actions
    random: RandomRate
    seconds: float

    @property
    def winnable(self) -> bool:
        return self.results["search"].won

    @property
    def trivial(self) -> bool:
        return self.results["idle"].won

    @property
    def keyless_wins(self) -> bool:
        """Won without the level's key actions (or none declared: nothing shows they matter)."""
        barred = self.results.get("barred")
        return barred is None or barred.won

    @property
    def lucky(self) -> bool:
        return self.random.rate > RANDOM_MAX_RATE

    @property
    def ok(self) -> bool:
        return self.winnable and not self.trivial and not self.keyless_wins and not self.lucky

    def verdict(self) -> str:
        if not self.winnable:
            return "UNWINNABLE"
        if self.trivial:
            return "TRIVIAL"
        if self.keyless_wins:
            return "NO-STAKES" if self.level.key_actions else "NO-KEYS"
        return "LUCKY" if self.lucky else "ok"

    def line(self) -> str:
        def show(name: str) -> str:
            r = self.results.get(name)
            if r is None:
                return f"{name} -"
            return f"{name} {'won ' + '★' * r.stars if r.won else 'lost'} ({r.score})"

        hint = "easy" if self.results["greedy"].won else "needs planning"
        return (f"{self.verdict():<10} {self.level.slug:<26} {show('search'):<21} {show('greedy'):<21} "
                f"{show('idle'):<15} {show('barred'):<21} random {100 * self.random.rate:3.0f}% "
                f"[{hint}, {self.seconds:.1f}s]")


def prove(level: Level, seed: int = 0, players: int = RANDOM_PLAYERS) -> Proof:
    from sim.policies import get_policy
    from sim.policies.search import BeamSearch

    t = time.perf_counter()
    results = {name: LevelRun(level, seed).play_out(get_policy(name)) for name in ("search", "greedy", "idle")}
    if level.key_actions:
        results["barred"] = LevelRun(level, seed).play_out(BeamSearch(barred=frozenset(level.key_actions)))
    rate = random_win_rate(level, players, seed=seed, level_seed=seed)
    return Proof(level, results, rate, time.perf_counter() - t)


def greedy_full_stars(proofs: Sequence[Proof]) -> tuple[int, int]:
    """(levels after the tutorial where greedy earns ★★★, levels after the tutorial), in the order
    given (the campaign's file order)."""
    later = list(proofs)[TUTORIAL_LEVELS:]
    return sum(1 for p in later if p.results["greedy"].stars >= 3), len(later)


def greedy_capped(proofs: Sequence[Proof]) -> bool:
    full, n = greedy_full_stars(proofs)
    return full < GREEDY_FULL_MAX_SHARE * n
