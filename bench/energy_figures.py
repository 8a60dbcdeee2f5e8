"""The cell's energy bar per preset: fasting at 07:00, over a day of three meals, and in a walk.

Prints one row per preset: energy at 07:00 after the night's fast, mean and minimum over a day of
the standard diet (sampled every 30 min), the lowest value during a 60-min walk at intensity 0.5
from 07:00 after the fast, and the value one hour after the walk. docs/model.md §3.3 quotes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sim.engine import Simulation

PRESETS = ("healthy", "athlete", "resistant", "type2")


def energy(sim: Simulation) -> float:
    return float(np.asarray(sim.state.arrays["energy_frac"]).ravel()[0])


def meal_day(preset: str) -> tuple[float, float]:
    sim = Simulation.from_preset(preset, turn_min=30.0)
    sim.schedule_diet("standard", 1)
    values = []
    for i in range(1, 49):
        sim.run_until(30.0 * i)
        values.append(energy(sim))
    return float(np.mean(values)), float(np.min(values))


def walk(preset: str) -> tuple[float, float, float]:
    sim = Simulation.from_preset(preset, turn_min=30.0)
    sim.run_until(420.0)
    fasting = energy(sim)
    sim.hold_inputs(exercise=0.5)
    lows = []
    for t in range(430, 481, 10):
        sim.run_until(float(t))
        lows.append(energy(sim))
    sim.hold_inputs(exercise=0.0)
    sim.run_until(540.0)
    return fasting, min(lows), energy(sim)


def main() -> int:
    print(f"{'preset':10s} {'07:00':>6s} {'day mean':>9s} {'day min':>8s} {'walk min':>9s} {'1 h after':>10s}")
    for preset in PRESETS:
        mean, low = meal_day(preset)
        fasting, walk_low, after = walk(preset)
        print(f"{preset:10s} {fasting:6.2f} {mean:9.2f} {low:8.2f} {walk_low:9.2f} {after:10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
