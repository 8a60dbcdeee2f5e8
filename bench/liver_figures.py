"""Print the liver's figures of every preset: liver fat, glucagon, EGP fasting and in a clamp, and the
remission path (8 weeks of smaller meals from the resistant and type-2 presets).

``python bench/liver_figures.py`` (≈ 30 s). EGP is the mean over the last 30 min of a 12-h fast and
of a 120-min clamp at 100 µU/mL insulin and 5 mmol/L glucose (``sim.lab.protocols.fast_then_clamp``).
"""

from __future__ import annotations

import sys
from typing import Any

from sim.engine import Simulation
from sim.model import step as step_module
from sim.lab.protocols import fast_then_clamp
from sim.model.liverfat import hepatic_sensitivity


class Sums:
    """Duck-typed accumulator for ``Simulation.run_until``: the mean glucagon; and, by wrapping
    ``liver_fat_step`` where step.py calls it, the liver-fat fluxes of one subject in g/day."""

    attributor = None
    replay = None  # no population account to work out later (engine.TurnAccumulator has both)
    KEYS = ("from_ffa", "from_dnl", "from_diet", "vldl", "oxidised")

    def __init__(self) -> None:
        self.minutes = 0.0
        self.sums = dict.fromkeys(self.KEYS, 0.0)
        self.glucagon = 0.0
        self._orig = step_module.liver_fat_step

        def wrapped(s: Any, p: Any, dt: float, *args: Any) -> Any:
            out = self._orig(s, p, dt, *args)
            for k in self.KEYS:
                self.sums[k] += dt * float(getattr(out, k))
            return out

        step_module.liver_fat_step = wrapped

    def close(self) -> None:
        step_module.liver_fat_step = self._orig

    def add(self, cur: Any, fluxes: Any, dt: float) -> None:
        self.minutes += dt
        self.glucagon += dt * float(cur["glucagon_pg_ml"])


def meal_day(preset: str) -> dict[str, float]:
    sim = Simulation.from_preset(preset, turn_min=1440.0)
    sim.schedule_diet("standard", 1.0)
    acc = Sums()
    sim.run_until(420.0, acc)
    fasting = float(sim.state.glucagon_pg_ml[0])
    low = fasting
    for t in range(425, 600, 5):
        sim.run_until(float(t), acc)
        low = min(low, float(sim.state.glucagon_pg_ml[0]))
    sim.run_until(1440.0, acc)
    acc.close()
    return {"GN_fast": fasting, "GN_min_after_breakfast": low, "GN_mean": acc.glucagon / acc.minutes,
            **{f"{k}_g_day": v for k, v in acc.sums.items()}}


def fmt(d: dict[str, float]) -> str:
    return "  ".join(f"{k}={v:.3g}" for k, v in d.items())


def main() -> None:
    for preset in ("healthy", "athlete", "resistant", "type2"):
        sim = Simulation.from_preset(preset, turn_min=1440.0)
        sens = float(hepatic_sensitivity(sim.state.liver_fat_pct[0], sim._p))
        print(f"{preset:9} day     " + fmt(meal_day(preset)) + f"  hep_sens={sens:.3g}")
        print(f"{preset:9} clamp   " + fmt(fast_then_clamp(sim)))
    weeks = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    for preset in ("resistant", "type2"):
        for scale in (0.5, 0.32):
            sim = Simulation.from_preset(preset, turn_min=1440.0)
            sim.schedule_diet("standard", 7 * weeks, portion=scale)
            line = []
            for w in range(1, weeks + 1):
                sim.run_until(w * 7 * 1440.0)
                line.append(f"{float(sim.state.liver_fat_pct[0]):.2g}")
            res = fast_then_clamp(sim)
            res["adipose_kg"] = float(sim.state.adipose_kg[0])
            print(f"{preset:9} ×{scale:g} meals {weeks} wk: liver fat by week {' '.join(line)}; then {fmt(res)}")


if __name__ == "__main__":
    main()
