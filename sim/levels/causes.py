"""At the end of a level: which causes mattered most, in plain words, most important first.

The causes come from the engine's own account (``sim/attribution.py``), summed over the turns
played: each sentence names a cause and the share the account gives it (``sim/explain.py``), so a
factor that did nothing is never named. The outcome lines (turns spent starving amid plenty,
glucose peaks) are counted from the run's series. Must not import pygame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.attribution import Attribution
from sim.explain import RUN_WEIGHT, cause_messages
from sim.messages import Message
from sim.snapshot import HYPERGLYCAEMIA_MMOL_L, STARVING_ENERGY_FRAC

if TYPE_CHECKING:
    from sim.levels.run import LevelRun

RECEPTOR_HEADLINE_MIN = 0.02  # a change of surface receptors worth a headline (share of healthy)


def run_account(run: LevelRun, i: int = 0) -> Attribution:
    """The run's account: every turn's attribution, summed (levels averaged)."""
    return Attribution.combine([r.attribution.column(i) for r in run.reports])


def _mean(v: list[float]) -> float:
    return sum(v) / len(v) if v else 0.0


def final_causes(run: LevelRun, failed_because: str | None, early: bool = False) -> list[Message]:
    s = run.series
    if not s["time_min"]:
        return [Message("the level has not been played yet")]
    first = run.first_snapshot
    out: list[tuple[float, Message]] = []
    if failed_because and early:
        out.append((10.0, Message("the level ended early: {reason}", reason=failed_because)))
    rec0 = first.scalar("receptors_frac")
    rec1 = s["receptors_frac"][-1]
    if abs(rec1 - rec0) >= RECEPTOR_HEADLINE_MIN:
        out.append((4.0, Message("surface receptors went from {start_pct:.0f}% to {end_pct:.0f}% of a healthy cell's",
                                 start_pct=100 * rec0, end_pct=100 * rec1)))
    # The account's causes, ranked among the outcome lines (RUN_WEIGHT: per point of the number
    # each reports, so ten points of receptors outrank a small share of ATP).
    out += cause_messages(run_account(run), weights=RUN_WEIGHT)
    mito0, mito1 = first.scalar("mito_health_frac"), s["mito_health_frac"][-1]
    if mito1 < 0.85:
        out.append(((1 - mito1) * 1.5, Message(
            "mitochondria ended at {end_pct:.0f}% (from {start_pct:.0f}%): less ATP and more ROS, a loop",
            end_pct=100 * mito1, start_pct=100 * mito0)))
    n = len(s["time_min"])
    hyper = sum(1 for g in s["max_glucose_mmol_l"] if g >= HYPERGLYCAEMIA_MMOL_L)
    starving = sum(1 for e in s["min_cell_energy_frac"] if e < STARVING_ENERGY_FRAC)
    both = sum(1 for g, e in zip(s["mean_glucose_mmol_l"], s["min_cell_energy_frac"], strict=True) if g > 7.8 and e < 0.7)
    if both:
        out.append((1.5 * both / n + 0.5, Message(
            "in {turns} of {total} turns the cell starved amid plenty: sugar piled up outside while energy ran low inside",
            turns=both, total=n)))
    if hyper:
        out.append((hyper / n + 0.2, Message(
            "blood glucose passed {glucose_mmol_l:g} mmol/L in {turns} of {total} turns",
            glucose_mmol_l=HYPERGLYCAEMIA_MMOL_L, turns=hyper, total=n)))
    if starving and not both:
        out.append((starving / n + 0.2, Message(
            "the cell ran short of energy in {turns} of {total} turns", turns=starving, total=n)))
    meds = sum(1 for acts in run.action_log for a in acts if a.kind == "metformin")
    if meds:
        out.append((0.3, Message("metformin ({count}×) lowered the liver's glucose output", count=meds)))
    if not out:
        out.append((0.0, Message("insulin did its normal job: receptors bound it, the signal passed on and GLUT4 let glucose in")))
    out.sort(key=lambda x: -x[0])
    return [w for _, w in out]
