"""The tuning table: each goal's value for ``idle``, ``greedy`` and ``search``, with its margin.

``python -m sim.levels.tune [PATH ...] [--seed N] [--probe] [--min-margin M]`` plays every level
(default: the repository's ``levels/``) with the three bots, as ``levels prove`` does, and prints
for each goal its bound and what each bot reached, with a signed *margin*: how far the value sits
inside (+) or outside (−) the bound, relative to the bound. For ``share_of_turns`` goals the margin
is that of the turn that decides the share (e.g. the 14th-best of 16 turns for 85%), so it says how
much the quantity itself may move before the goal flips; the share reached is shown beside it.

The level's line ends with its *robustness*: ``search`` wins by the smallest margin of its star-1
goals, ``idle`` loses by the largest shortfall among them (or by a failure condition). A line marked
THIN has one of the two below ``--min-margin`` (default 5%): a small change to the model may flip
the proof. ``--probe`` adds a row of common quantities per bot (means over the turns, end values),
to help choose new goals; ``--turns`` prints each goal's quantity turn by turn. Exit status 2 when
a level is unwinnable or trivial. The re-tune loop is in ``docs/levels.md``. Must not import pygame.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Sequence

import attrs
import numpy as np

from sim.levels.level import Goal, Level
from sim.levels.quantities import read, show
from sim.levels.run import LevelResult, LevelRun

BOTS = ("idle", "greedy", "search")

# (label, quantity, how): how = "mean" over turns, "end" value, "min"/"max" over turns.
PROBES = (
    ("glc", "glucose_mean", "mean"), ("peak", "glucose_peak", "max"), ("low", "glucose_low", "min"),
    ("ins", "insulin_mean", "mean"), ("E", "energy_mean", "mean"), ("Elow", "energy_low", "min"),
    ("sig", "signal_health_mean", "mean"), ("rec", "receptors", "end"), ("prot", "signaling_proteins", "end"),
    ("infl", "inflammation", "mean"), ("ros", "oxidative_stress", "mean"), ("mito", "mito_health", "end"),
    ("lipo", "lipotoxic", "mean"), ("er", "er_stress", "mean"),
)


def turn_margin(v: np.ndarray, above: float | None, below: float | None) -> np.ndarray:
    """Signed relative distance of ``v`` inside its bounds (+ inside, − outside); the nearer bound."""
    m = np.full(v.shape, np.inf)
    if above is not None:
        m = np.minimum(m, (v - above) / max(abs(above), 1e-3))
    if below is not None:
        m = np.minimum(m, (below - v) / max(abs(below), 1e-3))
    return m


@attrs.frozen
class GoalValue:
    value: float  # the goal's value: the share of turns, the mean or the end value
    margin: float  # signed relative margin (see the module's docstring)
    met: bool


def goal_value(goal: Goal, series: np.ndarray, turns_total: int) -> GoalValue:
    """``series``: the goal's quantity in each turn played."""
    if len(series) == 0:
        return GoalValue(math.nan, -math.inf, False)
    if goal.kind == "share_of_turns":
        per_turn = turn_margin(series, goal.above, goal.below)
        need = max(1, math.ceil(goal.share * turns_total - 1e-9))
        ranked = np.sort(per_turn)[::-1]
        margin = float(ranked[need - 1]) if need <= len(ranked) else -math.inf
        share = float(np.sum(per_turn > 0)) / turns_total
        return GoalValue(share, margin, share >= goal.share - 1e-12)
    v = float(series.mean() if goal.kind == "mean" else series[-1])
    margin = float(turn_margin(np.array([v]), goal.above, goal.below)[0])
    return GoalValue(v, margin, margin > 0)


@attrs.frozen
class BotRun:
    result: LevelResult
    values: dict[str, GoalValue]  # by goal slug
    series: dict[str, np.ndarray]  # quantity → value per turn


@attrs.frozen
class Tuning:
    level: Level
    bots: dict[str, BotRun]
    seconds: float

    @property
    def search_margin(self) -> float:
        """How far ``search`` wins by: its smallest star-1 margin (−inf when it loses)."""
        r = self.bots["search"]
        if not r.result.won:
            return -math.inf
        return min((r.values[g.slug].margin for g in self.level.goals if g.star == 1), default=math.inf)

    @property
    def idle_margin(self) -> float:
        """How far ``idle`` loses by: its largest star-1 shortfall (inf for a failure condition)."""
        r = self.bots["idle"]
        if r.result.won:
            return -math.inf
        if r.result.failed_because is not None and not r.result.failed_because.startswith("missed:"):
            return math.inf
        return max((-r.values[g.slug].margin for g in self.level.goals if g.star == 1), default=-math.inf)

    def thin(self, min_margin: float) -> bool:
        return self.search_margin < min_margin or self.idle_margin < min_margin


def _quantities(level: Level) -> list[str]:
    names = [g.quantity for g in level.goals] + [p[1] for p in PROBES]
    return list(dict.fromkeys(names))


def play(level: Level, policy: str, seed: int = 0) -> BotRun:
    from sim.policies import get_policy

    run = LevelRun(level, seed)
    result = run.play_out(get_policy(policy))
    series = {q: np.array([float(read(rep, q)[0]) for rep in run.reports]) for q in _quantities(level)}
    values = {g.slug: goal_value(g, series[g.quantity], level.turns) for g in level.goals}
    return BotRun(result, values, series)


def tune(level: Level, seed: int = 0) -> Tuning:
    t = time.perf_counter()
    bots = {name: play(level, name, seed) for name in BOTS}
    return Tuning(level, bots, time.perf_counter() - t)


# --- printing ---------------------------------------------------------------------------------
def _pct(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    return f"{100 * x:+.0f}%"


def _bound(goal: Goal) -> str:
    parts = []
    if goal.above is not None:
        parts.append(f"> {show(goal.quantity, goal.above)}")
    if goal.below is not None:
        parts.append(f"< {show(goal.quantity, goal.below)}")
    b = " and ".join(parts)
    if goal.kind == "share_of_turns":
        b += f" in ≥{100 * goal.share:.0f}%"
    return b


def _shown(goal: Goal, gv: GoalValue) -> str:
    if math.isnan(gv.value):
        return "-"
    v = f"{100 * gv.value:.0f}% turns" if goal.kind == "share_of_turns" else show(goal.quantity, gv.value)
    return f"{'✓' if gv.met else '✗'} {v} ({_pct(gv.margin)})"


def _outcome(r: LevelResult) -> str:
    return f"won {'★' * r.stars} ({r.score})" if r.won else f"lost ({r.score})"


def _probe_value(series: np.ndarray, how: str) -> float:
    if len(series) == 0:
        return math.nan
    if how == "end":
        return float(series[-1])
    if how == "min":
        return float(series.min())
    if how == "max":
        return float(series.max())
    return float(series.mean())


def report(tn: Tuning, min_margin: float = 0.05, probe: bool = False, turns: bool = False) -> str:
    lv = tn.level
    verdict = "ok"
    if not tn.bots["search"].result.won:
        verdict = "UNWINNABLE"
    elif tn.bots["idle"].result.won:
        verdict = "TRIVIAL"
    elif tn.thin(min_margin):
        verdict = "THIN"
    head = (f"{verdict:<10} {lv.slug}: search {_outcome(tn.bots['search'].result)}, greedy "
            f"{_outcome(tn.bots['greedy'].result)}, idle {_outcome(tn.bots['idle'].result)}; "
            f"search wins by {_pct(tn.search_margin)}, idle loses by {_pct(tn.idle_margin)} [{tn.seconds:.1f}s]")
    lines = [head]
    w = max([len(g.slug) for g in lv.goals] + [4])
    lines.append(f"  {'goal':<{w}} ★ {'kind':<6} {'quantity':<18} {'bound':<24} "
                 + "".join(f"{b:<24}" for b in BOTS))
    for g in lv.goals:
        kind = "share" if g.kind == "share_of_turns" else g.kind
        lines.append(f"  {g.slug:<{w}} {g.star} {kind:<6} {g.quantity:<18} {_bound(g):<24} "
                     + "".join(f"{_shown(g, tn.bots[b].values[g.slug]):<24}" for b in BOTS))
    for b in BOTS:
        fb = tn.bots[b].result.failed_because
        if fb is not None and not fb.startswith("missed:"):
            lines.append(f"  {b}: {fb} (turn {tn.bots[b].result.turns_played})")
    if turns:
        for q in dict.fromkeys(g.quantity for g in lv.goals):
            for b in BOTS:
                vals = " ".join(f"{v:.2f}" for v in tn.bots[b].series[q])
                lines.append(f"  turns {q} {b:<6} {vals}")
    if probe:
        for b in BOTS:
            s = tn.bots[b].series
            vals = " ".join(f"{label}={_probe_value(s[q], how):.2f}" for label, q, how in PROBES)
            lines.append(f"  probe {b:<6} {vals}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from sim.errors import LevelError
    from sim.levels import level_files, load_level

    ap = argparse.ArgumentParser(prog="python -m sim.levels.tune", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="level files or folders (default: levels/)")
    ap.add_argument("--seed", type=int, default=0, help="seed (default 0, as levels prove)")
    ap.add_argument("--probe", action="store_true", help="also print common quantities per bot")
    ap.add_argument("--turns", action="store_true", help="also print each goal quantity turn by turn")
    ap.add_argument("--min-margin", type=float, default=0.05, help="margin below which a proof is THIN (default 0.05)")
    args = ap.parse_args(argv)
    files = level_files(args.paths)
    bad = 0
    t0 = time.perf_counter()
    for f in files:
        try:
            lv = load_level(f)
        except LevelError as e:
            print(f"BAD {e}")
            bad += 1
            continue
        tn = tune(lv, args.seed)
        print(report(tn, args.min_margin, args.probe, args.turns), flush=True)
        bad += not (tn.bots["search"].result.won and not tn.bots["idle"].result.won)
    print(f"tuned {len(files)} level(s) in {time.perf_counter() - t0:.1f}s")
    return 2 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
