"""At the end of a level: which causes mattered most, in plain words, most important first.

Each candidate cause is read off the run's series (start vs end, averages, turns in a bad state)
and given a weight — roughly "how much of the cell's response it took away" — and the list is
sorted by weight. The article's vocabulary is used throughout. Must not import pygame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.messages import Message
from sim.snapshot import HYPERGLYCAEMIA_MMOL_L, STARVING_ENERGY_FRAC

if TYPE_CHECKING:
    from sim.levels.run import LevelRun

FACTOR_WORDS = (
    ("inflammation_frac", "inflammation averaged {pct:.0f}%: cytokines interfered with the insulin signal"),
    ("oxidative_stress_frac", "oxidative stress averaged {pct:.0f}%: reactive oxygen species damaged receptors and signaling proteins"),
    ("lipotoxic_frac", "lipotoxic fat averaged {pct:.0f}%: fat inside the cell blocked the insulin pathway"),
    ("er_stress_frac", "ER stress averaged {pct:.0f}%: the overwhelmed ER's stress response interfered with signaling"),
)
EXERCISE = {"walk", "workout"}


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
    if rec0 > 0 and rec1 < 0.9 * rec0:
        drop = 100 * (1 - rec1 / rec0)
        ins = _mean(s["mean_insulin_uu_ml"])
        msg = (Message("receptors fell {drop_pct:.0f}% under constant high insulin (average {insulin_uu_ml:.0f} µU/mL)",
                       drop_pct=drop, insulin_uu_ml=ins) if ins > 15
               else Message("receptors fell {drop_pct:.0f}% as inflammation and ROS damaged them", drop_pct=drop))
        out.append((drop / 100 * 2, msg))
    sp0, sp1 = first.scalar("signaling_proteins_frac"), s["signaling_proteins_frac"][-1]
    if sp1 < sp0 - 0.05:
        out.append(((sp0 - sp1) * 2, Message(
            "{pct:.0f}% of the signaling proteins were damaged, so the signal could not pass on", pct=100 * (sp0 - sp1))))
    for key, words in FACTOR_WORDS:
        m = _mean(s[key])
        if m > 0.15:
            out.append((m * 1.5, Message(words, pct=100 * m)))
    mito0, mito1 = first.scalar("mito_health_frac"), s["mito_health_frac"][-1]
    if mito1 < 0.85:
        out.append(((1 - mito1) * 1.5, Message(
            "mitochondria ended at {end_pct:.0f}% (from {start_pct:.0f}%): less ATP and more ROS, a loop",
            end_pct=100 * mito1, start_pct=100 * mito0)))
    n = len(s["time_min"])
    hyper = sum(1 for g in s["max_glucose_mmol_l"] if g >= HYPERGLYCAEMIA_MMOL_L)
    starving = sum(1 for e in s["min_energy_frac"] if e < STARVING_ENERGY_FRAC)
    both = sum(1 for g, e in zip(s["mean_glucose_mmol_l"], s["min_energy_frac"], strict=True) if g > 7.8 and e < 0.7)
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
    moves = sum(1 for acts in run.action_log for a in acts if a.kind in EXERCISE)
    if moves:
        out.append((0.3 + 0.05 * moves, Message(
            "exercise ({count}×) moved GLUT4 to the membrane without needing insulin", count=moves)))
    meds = sum(1 for acts in run.action_log for a in acts if a.kind == "metformin")
    if meds:
        out.append((0.3, Message("metformin ({count}×) lowered the liver's glucose output", count=meds)))
    if not out:
        out.append((0.0, Message("insulin did its normal job: receptors bound it, the signal passed on and GLUT4 let glucose in")))
    out.sort(key=lambda x: -x[0])
    return [w for _, w in out]
