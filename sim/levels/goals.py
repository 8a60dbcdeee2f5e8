"""Goals, failure conditions, stars and score, tracked for N columns at once.

``GoalTracker.update(report)`` reads each goal's quantity from a ``TurnReport`` (arrays over the
columns) and keeps running counts: turns within bounds (``share_of_turns``), a running sum
(``mean``), the last value (``end``), and for each failure condition how many turns in a row it
has held. Stars: a goal's ``star`` is its tier; tier 1 must all be met to win, tiers 2 and 3 earn
the second and third star (a tier with no goals counts as met). Score (0–1000): 250 per star plus
up to 250 for how close the goals came (tier-1 goals weigh 3, tier 2 weigh 2, tier 3 weigh 1).
Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np
from numpy.typing import NDArray

from sim.levels.level import FailCondition, Goal
from sim.levels.quantities import QUANTITIES, read, show
from sim.messages import Message
from sim.state import Array

if TYPE_CHECKING:
    from sim.report import TurnReport

WEIGHTS = {1: 3.0, 2: 2.0, 3: 1.0}


@attrs.frozen
class GoalProgress:
    """One goal's state for the player: ``value`` against ``target``; ``ok`` = met so far."""

    text: str
    value: float
    target: float
    ok: bool
    kind: str
    star: int
    shown: str  # value in words, e.g. "75% of turns" or "6.2 mmol/L"
    lost: str = ""  # why the goal can no longer be met whatever happens next, or "" while it still can


def within(v: Array, above: float | None, below: float | None) -> Array:
    ok = np.ones(v.shape, dtype=bool)
    if above is not None:
        ok &= v > above
    if below is not None:
        ok &= v < below
    return ok


def closeness(v: Array, above: float | None, below: float | None) -> Array:
    """1 inside the bounds, falling towards 0 with the distance outside (relative to the bound)."""
    gap = np.zeros(v.shape)
    if above is not None:
        gap = np.maximum(gap, (above - v) / max(abs(above), 1e-3))
    if below is not None:
        gap = np.maximum(gap, (v - below) / max(abs(below), 1e-3))
    return np.clip(1.0 - gap, 0.0, 1.0)


class GoalTracker:
    def __init__(self, goals: Sequence[Goal], fails: Sequence[FailCondition], n: int, turns_total: int) -> None:
        self.goals = tuple(goals)
        self.fails = tuple(fails)
        self.n = n
        self.turns_total = turns_total
        self.turns = 0
        self.counts = np.zeros((len(self.goals), n))
        self.sums = np.zeros((len(self.goals), n))
        self.last = np.zeros((len(self.goals), n))
        self.streaks = np.zeros((len(self.fails), n), dtype=np.int64)
        self.failed = np.full(n, -1, dtype=np.int64)  # index of the failure condition, -1 if none
        self.failed_turn = np.full(n, -1, dtype=np.int64)

    def take(self, idx: np.ndarray) -> GoalTracker:
        t = GoalTracker.__new__(GoalTracker)
        t.goals, t.fails, t.n, t.turns_total, t.turns = self.goals, self.fails, len(idx), self.turns_total, self.turns
        for name in ("counts", "sums", "last", "streaks"):
            setattr(t, name, getattr(self, name)[:, idx].copy())
        t.failed = self.failed[idx].copy()
        t.failed_turn = self.failed_turn[idx].copy()
        return t

    def update(self, report: TurnReport) -> None:
        for g, goal in enumerate(self.goals):
            v = read(report, goal.quantity)
            self.counts[g] += within(v, goal.above, goal.below)
            self.sums[g] += v
            self.last[g] = v
        for f, cond in enumerate(self.fails):
            hit = within(read(report, cond.quantity), cond.above, cond.below)
            self.streaks[f] = np.where(hit, self.streaks[f] + 1, 0)
            newly = (self.streaks[f] >= cond.turns) & (self.failed < 0)
            self.failed[newly] = f
            self.failed_turn[newly] = self.turns
        self.turns += 1

    # --- per goal, all columns ---------------------------------------------------------------
    def values(self, g: int, final: bool = False) -> Array:
        goal = self.goals[g]
        if goal.kind == "share_of_turns":
            v = self.counts[g] / max(self.turns_total if final else self.turns, 1)
        elif goal.kind == "mean":
            v = self.sums[g] / max(self.turns, 1)
        else:
            v = self.last[g].copy()
        return np.asarray(v, dtype=np.float64)

    def met(self, g: int, final: bool = False) -> NDArray[np.bool_]:
        goal = self.goals[g]
        v = self.values(g, final)
        if goal.kind == "share_of_turns":
            return np.asarray(v >= goal.share - 1e-12)
        return np.asarray(within(v, goal.above, goal.below), dtype=bool)

    def best_share(self, g: int) -> Array:
        """The largest share of all turns a share-of-turns goal can still reach: every turn left counted in
        (none once a failure condition has ended the level)."""
        left = np.where(self.failed >= 0, 0, self.turns_total - self.turns)
        return np.asarray((self.counts[g] + left) / max(self.turns_total, 1), dtype=np.float64)

    def reach(self, g: int) -> tuple[Array, Array]:
        """The lowest and highest final value goal ``g`` can still end with, from what is measured
        so far and the quantity's physical bounds (``Quantity.bounds``) over the turns left (none
        once a failure condition has ended the level).

        A mean ends between ``(sum + left × low) / total`` and ``(sum + left × high) / total``. An
        end value is the last turn's: before it, anything within the bounds; after it, fixed."""
        goal = self.goals[g]
        lo, hi = QUANTITIES[goal.quantity].bounds
        left = np.where(self.failed >= 0, 0, max(self.turns_total - self.turns, 0))
        if goal.kind == "end":
            done = (left == 0) & (self.turns > 0)
            return np.where(done, self.last[g], lo), np.where(done, self.last[g], hi)
        total = np.maximum(self.turns + left, 1)
        low = (self.sums[g] + left * lo) / total
        high = (self.sums[g] + left * np.where(left > 0, hi, 0.0)) / total  # 0 × inf would be nan
        return np.asarray(low, dtype=np.float64), np.asarray(high, dtype=np.float64)

    def lost(self, g: int) -> NDArray[np.bool_]:
        """Columns where goal ``g`` can no longer be met whatever is played in the turns left: only
        claimed when provable. A share of turns: even every turn left within bounds falls short.
        A mean or an end value: no value it can still end with (``reach``) lies within the bounds,
        so an end value is lost before its last turn only if the bounds forbid it outright."""
        goal = self.goals[g]
        if goal.kind == "share_of_turns":
            return np.asarray(self.best_share(g) < goal.share - 1e-12)
        low, high = self.reach(g)
        out = np.zeros(self.n, dtype=bool)
        if goal.above is not None:
            out |= high <= goal.above
        if goal.below is not None:
            out |= low >= goal.below
        return out

    def progress_frac(self, g: int, final: bool = False) -> Array:
        goal = self.goals[g]
        v = self.values(g, final)
        if goal.kind == "share_of_turns":
            return np.clip(v / goal.share, 0.0, 1.0)
        return np.asarray(closeness(v, goal.above, goal.below), dtype=np.float64)

    # --- outcome ------------------------------------------------------------------------------
    def stars(self, final: bool = True) -> NDArray[np.int64]:
        """0–3 per column: 0 when a tier-1 goal is missed or a failure condition struck."""
        stars = np.zeros(self.n, dtype=np.int64)
        ok = self.failed < 0
        for tier in (1, 2, 3):
            for g, goal in enumerate(self.goals):
                if goal.star == tier:
                    ok = ok & self.met(g, final)
            stars = np.where(ok, tier, stars)
        return stars

    def score(self, final: bool = True) -> Array:
        if not self.goals:
            return np.zeros(self.n)
        w = np.array([WEIGHTS.get(goal.star, 1.0) for goal in self.goals])
        prog = np.stack([self.progress_frac(g, final) for g in range(len(self.goals))])
        closeness_part = (w[:, None] * prog).sum(axis=0) / w.sum()
        return np.asarray(np.round(250.0 * self.stars(final) + 250.0 * closeness_part), dtype=np.float64)

    def progress(self, i: int = 0, final: bool = False) -> dict[str, GoalProgress]:
        """Each goal's state for column ``i``; before the first turn nothing is measured yet,
        so ``shown`` is empty rather than a misleading "0.0"."""
        out = {}
        for g, goal in enumerate(self.goals):
            v = float(self.values(g, final)[i])
            ok = bool(self.met(g, final)[i])
            if goal.kind == "share_of_turns":
                shown = Message("{pct:.0f}% of turns (need {need_pct:.0f}%)", pct=100 * v, need_pct=100 * goal.share)
                lost = Message("out of reach: at most {best_pct:.0f}% of turns left (need {need_pct:.0f}%)",
                               best_pct=100 * float(self.best_share(g)[i]), need_pct=100 * goal.share) \
                    if self.lost(g)[i] else ""
                out[goal.slug] = GoalProgress(goal.text, v, goal.share, ok, goal.kind, goal.star,
                                              shown if self.turns else "", lost)
            else:
                target = goal.above if goal.above is not None else goal.below
                out[goal.slug] = GoalProgress(goal.text, v, float(target if target is not None else 0.0), ok,
                                              goal.kind, goal.star, show(goal.quantity, v) if self.turns else "",
                                              self._lost_words(g, i) if self.lost(g)[i] else "")
        return out

    def _lost_words(self, g: int, i: int) -> Message:
        """Why a mean or end goal is out of reach: the best it can still end at, against its bound."""
        goal = self.goals[g]
        low, high = (float(a[i]) for a in self.reach(g))
        if goal.below is not None and low >= goal.below:
            return Message("out of reach: at best {best} (need below {need})",
                           best=show(goal.quantity, low), need=show(goal.quantity, goal.below))
        return Message("out of reach: at best {best} (need above {need})",
                       best=show(goal.quantity, high), need=show(goal.quantity, float(goal.above or 0.0)))
