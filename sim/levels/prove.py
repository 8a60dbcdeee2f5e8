"""The proof that a level is fair and has stakes.

``search`` wins it (winnable); ``idle`` loses it (not trivial); ``search`` barred from each entry
of the level's ``key_actions`` loses it — one barred search per entry, a group of substitutes
barred as a whole, so no other action can stand in for the lesson's (the lesson's actions
matter); random play wins it rarely (at most ``RANDOM_MAX_RATE`` of ``RANDOM_PLAYERS``
players). Cell energy is a real stake: the level has an energy goal or failure condition
(``ENERGY_QUANTITIES``) that ``idle``, a barred search or a random player actually misses or
triggers, not a guard nobody reaches (required of campaign levels; the sandbox is free play).
``greedy`` (one turn ahead) hints at the difficulty: across the campaign it must earn at most ★★
on most levels after the first three (``greedy_capped``), and ``curve_warning`` says when the
first three are not the easiest for it.
Used by ``python -m sim levels prove`` and by the test that proves every shipped level — the
guard that says when a change to the model (or the level) breaks a level. Must not import pygame.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import attrs
import numpy as np

from sim.levels.goals import GoalTracker
from sim.levels.level import Level
from sim.levels.play import Playthrough
from sim.levels.run import LevelResult, LevelRun
from sim.policies.random_play import RandomRate, random_players, rate_of

RANDOM_PLAYERS = 64
RANDOM_MAX_RATE = 0.25
# After the first three (tutorial) levels, greedy must earn at most ★★ on most of them: ★★★ on
# fewer than half.
GREEDY_FULL_MAX_SHARE = 0.5
TUTORIAL_LEVELS = 3
ENERGY_QUANTITIES = ("energy_low", "energy_mean", "energy")


def in_campaign(level: Level) -> bool:
    return level.path is not None and level.path.parent.name == "campaign"


def barred_name(group: Sequence[str]) -> str:
    return "barred " + "+".join(group)


def energy_bites(level: Level, tracker: GoalTracker) -> list[str]:
    """Per column of ``tracker``: the energy conditions that decided against it, in words ("" when
    none). A failure condition bites when it struck; a goal when it was missed by a column that no
    other failure condition ended early (an early end misses every goal, energy or not)."""
    bites: list[list[str]] = [[] for _ in range(tracker.n)]
    for f, cond in enumerate(level.fails):
        if cond.quantity in ENERGY_QUANTITIES:
            for i in np.flatnonzero(tracker.failed == f):
                bites[i].append(f"fail {cond.slug}")
    ended_by_other = (tracker.failed >= 0) & ~np.isin(
        tracker.failed, [f for f, c in enumerate(level.fails) if c.quantity in ENERGY_QUANTITIES])
    for g, goal in enumerate(level.goals):
        if goal.quantity in ENERGY_QUANTITIES:
            for i in np.flatnonzero(~tracker.met(g, final=True) & ~ended_by_other):
                bites[i].append(f"goal {goal.slug} (★{goal.star})")
    return [", ".join(b) for b in bites]


@attrs.frozen
class EnergyStake:
    conditions: tuple[str, ...]  # the level's energy goals and failure conditions, by slug
    bitten: dict[str, str]  # bot name ("idle", "barred walk", "random") → what bit it

    @property
    def real(self) -> bool:
        return bool(self.conditions) and bool(self.bitten)

    def words(self) -> str:
        if not self.conditions:
            return "energy: none"
        if not self.bitten:
            return f"energy: {'/'.join(self.conditions)} bites nobody"
        return "energy: " + "; ".join(f"{who} {what}" for who, what in self.bitten.items())


def energy_stake(level: Level, runs: dict[str, LevelRun], crowd: Playthrough) -> EnergyStake:
    conditions = tuple([f"fail {c.slug}" for c in level.fails if c.quantity in ENERGY_QUANTITIES]
                       + [f"goal {g.slug}" for g in level.goals if g.quantity in ENERGY_QUANTITIES])
    bitten = {}
    for name, run in runs.items():
        what = energy_bites(level, run.play.tracker)[0]
        if what:
            bitten[name] = what
    per_player = energy_bites(level, crowd.tracker)
    hit = [b for b in per_player if b]
    if hit:
        bitten["random"] = f"{len(hit)} of {len(per_player)} players ({max(set(hit), key=hit.count)}, …)"
    return EnergyStake(conditions, bitten)


@attrs.frozen
class Proof:
    level: Level
    results: dict[str, LevelResult]  # search, greedy, idle
    barred: dict[tuple[str, ...], LevelResult]  # per key-action entry: search barred from it
    random: RandomRate
    energy: EnergyStake
    seconds: float

    @property
    def winnable(self) -> bool:
        return self.results["search"].won

    @property
    def trivial(self) -> bool:
        return self.results["idle"].won

    @property
    def substitutes(self) -> list[tuple[str, ...]]:
        """Key-action entries whose barred search still wins: another action stands in for them."""
        return [group for group, r in self.barred.items() if r.won]

    @property
    def keyless_wins(self) -> bool:
        """Won without one of the level's key-action entries (or none declared: nothing shows
        they matter)."""
        return not self.barred or bool(self.substitutes)

    @property
    def lucky(self) -> bool:
        return self.random.rate > RANDOM_MAX_RATE

    @property
    def energy_missing(self) -> bool:
        """A campaign level without an energy stake; the sandbox (free play) need not have one."""
        return in_campaign(self.level) and not self.energy.real

    @property
    def ok(self) -> bool:
        return (self.winnable and not self.trivial and not self.keyless_wins and not self.lucky
                and not self.energy_missing)

    def verdict(self) -> str:
        if not self.winnable:
            return "UNWINNABLE"
        if self.trivial:
            return "TRIVIAL"
        if self.keyless_wins:
            return "NO-STAKES" if self.barred else "NO-KEYS"
        if self.lucky:
            return "LUCKY"
        return "NO-ENERGY" if self.energy_missing else "ok"

    def line(self) -> str:
        def show(name: str, r: LevelResult | None) -> str:
            if r is None:
                return f"{name} -"
            return f"{name} {'won ' + '★' * r.stars if r.won else 'lost'} ({r.score})"

        hint = "easy" if self.results["greedy"].won else "needs planning"
        barred = ", ".join(show(barred_name(g), r) for g, r in self.barred.items()) or "barred -"
        return (f"{self.verdict():<10} {self.level.slug:<26} {show('search', self.results['search']):<21} "
                f"{show('greedy', self.results['greedy']):<21} {show('idle', self.results['idle']):<15} "
                f"random {100 * self.random.rate:3.0f}% [{hint}, {self.seconds:.1f}s]\n"
                f"{'':<11}{barred}\n{'':<11}{self.energy.words()}")


def prove(level: Level, seed: int = 0, players: int = RANDOM_PLAYERS) -> Proof:
    from sim.policies import get_policy
    from sim.policies.search import BeamSearch

    t = time.perf_counter()
    runs = {name: LevelRun(level, seed) for name in ("search", "greedy", "idle")}
    results = {name: run.play_out(get_policy(name)) for name, run in runs.items()}
    barred = {}
    for group in level.key_actions:
        run = LevelRun(level, seed)
        barred[group] = run.play_out(BeamSearch(barred=frozenset(group)))
        runs[barred_name(group)] = run
    del runs["search"], runs["greedy"]  # the stake is what a player without the lesson meets
    crowd = random_players(level, players, seed=seed, level_seed=seed)
    return Proof(level, results, barred, rate_of(crowd), energy_stake(level, runs, crowd), time.perf_counter() - t)


def greedy_full_stars(proofs: Sequence[Proof]) -> tuple[int, int]:
    """(levels after the tutorial where greedy earns ★★★, levels after the tutorial), in the order
    given (the campaign's file order)."""
    later = list(proofs)[TUTORIAL_LEVELS:]
    return sum(1 for p in later if p.results["greedy"].stars >= 3), len(later)


def greedy_capped(proofs: Sequence[Proof]) -> bool:
    full, n = greedy_full_stars(proofs)
    return full < GREEDY_FULL_MAX_SHARE * n


def curve(proofs: Sequence[Proof]) -> str:
    """The difficulty curve in one line: greedy's stars (– when it loses) and random's win rate
    per level, in campaign order."""
    return "  ".join(f"{p.level.slug[:2]} {'★' * p.results['greedy'].stars or '–'}/{100 * p.random.rate:.0f}%"
                     for p in proofs)


def curve_warning(proofs: Sequence[Proof]) -> str:
    """Why the first levels are not easier for greedy than the later ones ("" when they are):
    greedy must win every tutorial level and earn more stars there, on average, than later."""
    tutorial, later = list(proofs)[:TUTORIAL_LEVELS], list(proofs)[TUTORIAL_LEVELS:]
    lost = [p.level.slug for p in tutorial if not p.results["greedy"].won]
    if lost:
        return f"greedy loses tutorial level(s) {', '.join(lost)}: the first levels should be the easiest"
    if later:
        first, rest = _mean_greedy_stars(tutorial), _mean_greedy_stars(later)
        if first <= rest:
            return (f"greedy earns {first:.1f}★ on average on the first {TUTORIAL_LEVELS} levels and "
                    f"{rest:.1f}★ on the later ones: the first levels should be the easiest")
    return ""


def _mean_greedy_stars(proofs: Sequence[Proof]) -> float:
    return sum(p.results["greedy"].stars for p in proofs) / len(proofs)
