"""Engine speed and memory, as ratios to a naive reference measured in the same run.

Figures (printed as a table, or one JSON object with --json):
- ``cell_min_per_s_n100000``: simulated cell-minutes per second of wall time at N = 100,000.
- ``reference_cell_min_per_s_n100000``: the same for the reference — a 15-state RK4 model
  written as plain numpy expressions over N cells, ≈ 900 flops per cell-step, step 0.5 min.
- ``turn_ms_n1``: one 60-minute turn of one cell (median of many).
- ``week_s_n1``: a simulated week of one cell with the standard diet, 60-minute turns.
- ``bytes_per_cell``: peak traced memory of a turn at N = 100,000 (state + temporaries) per cell.
- ``scaling``: seconds per simulated minute at N = 10³, 10⁴, 10⁵, 10⁶ (cost linear in N?).
Targets (issue #2): ≥ 4× the reference at N = 10⁵, a turn ≤ 5 ms, a week ≤ 1 s, ≤ 2 KB per cell.
The process pins itself to one core.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sim.engine import Simulation


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


# --- the naive reference: 15 states, RK4, ≈ 225 flops per derivative evaluation -------------
N_REF_STATES = 15


def _ref_rhs(x: list[np.ndarray]) -> list[np.ndarray]:
    out = []
    for i in range(N_REF_STATES):
        a = x[i - 1]
        b = x[i]
        c = x[(i + 1) % N_REF_STATES]
        # ≈ 15 flops per state: Michaelis–Menten in, linear out, a Hill-2 coupling, a product term.
        mm = 0.8 * a / (0.5 + a)
        hill = c * c / (0.25 + c * c)
        out.append(mm - 0.3 * b + 0.05 * hill * (1.0 - b) - 0.01 * b * a + 0.02)
    return out


def reference_step(x: list[np.ndarray], dt: float) -> list[np.ndarray]:
    k1 = _ref_rhs(x)
    k2 = _ref_rhs([xi + 0.5 * dt * ki for xi, ki in zip(x, k1, strict=True)])
    k3 = _ref_rhs([xi + 0.5 * dt * ki for xi, ki in zip(x, k2, strict=True)])
    k4 = _ref_rhs([xi + dt * ki for xi, ki in zip(x, k3, strict=True)])
    return [xi + dt / 6.0 * (a + 2 * b + 2 * c + d) for xi, a, b, c, d in zip(x, k1, k2, k3, k4, strict=True)]


def reference_rate(n: int, minutes: float = 30.0) -> float:
    x = [np.full(n, 0.5 + 0.01 * i) for i in range(N_REF_STATES)]
    dt = 0.5
    t0 = time.perf_counter()
    for _ in range(int(minutes / dt)):
        x = reference_step(x, dt)
    return n * minutes / (time.perf_counter() - t0)


# --- the engine -----------------------------------------------------------------------------
def engine_rate(n: int, minutes: float = 60.0) -> float:
    sim = Simulation.from_preset("healthy", n=n, turn_min=minutes)
    sim.schedule_diet("standard", 1)
    sim.advance()  # warm up (first meal scheduling, caches)
    t0 = time.perf_counter()
    sim.advance()
    return n * minutes / (time.perf_counter() - t0)


def turn_ms_n1(repeats: int = 60) -> float:
    sim = Simulation.from_preset("healthy", n=1)
    sim.schedule_diet("standard", 3)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        sim.advance()
        times.append(time.perf_counter() - t0)
    return 1000.0 * statistics.median(times)


def week_s_n1() -> float:
    sim = Simulation.from_preset("healthy", n=1)
    sim.schedule_diet("standard", 7)
    t0 = time.perf_counter()
    for _ in range(7 * 24):
        sim.advance()
    return time.perf_counter() - t0


def bytes_per_cell(n: int = 100_000) -> float:
    tracemalloc.start()
    sim = Simulation.from_preset("healthy", n=n, turn_min=10.0)
    sim.schedule_diet("standard", 1)
    sim.advance()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--quick", action="store_true", help="skip the N = 10⁶ scaling point")
    args = ap.parse_args()
    pin_one_core()
    fig: dict[str, object] = {}
    fig["reference_cell_min_per_s_n100000"] = reference_rate(100_000)
    fig["cell_min_per_s_n100000"] = engine_rate(100_000)
    fig["ratio_to_reference"] = fig["cell_min_per_s_n100000"] / fig["reference_cell_min_per_s_n100000"]  # type: ignore[operator]
    fig["turn_ms_n1"] = turn_ms_n1()
    fig["week_s_n1"] = week_s_n1()
    fig["bytes_per_cell"] = bytes_per_cell()
    sizes = (1_000, 10_000, 100_000) if args.quick else (1_000, 10_000, 100_000, 1_000_000)
    fig["scaling_us_per_cell_min"] = {str(n): 1e6 / engine_rate(n, 30.0 if n >= 10**6 else 60.0) for n in sizes}
    if args.json:
        print(json.dumps(fig))
        return 0
    print(f"{'figure':<36}{'value':>14}   target")
    print(f"{'engine cell-min/s at N=1e5':<36}{fig['cell_min_per_s_n100000']:>14,.0f}")
    print(f"{'reference cell-min/s at N=1e5':<36}{fig['reference_cell_min_per_s_n100000']:>14,.0f}")
    print(f"{'ratio to reference':<36}{fig['ratio_to_reference']:>14.2f}   >= 4")
    print(f"{'one 60-min turn, N=1 (ms)':<36}{fig['turn_ms_n1']:>14.2f}   <= 5")
    print(f"{'a simulated week, N=1 (s)':<36}{fig['week_s_n1']:>14.2f}   <= 1")
    print(f"{'bytes per cell (peak, N=1e5)':<36}{fig['bytes_per_cell']:>14.0f}   <= 2048")
    for n, us in fig["scaling_us_per_cell_min"].items():  # type: ignore[attr-defined]
        print(f"{'µs per cell-minute at N=' + n:<36}{us:>14.4f}   flat = linear")
    return 0


if __name__ == "__main__":
    sys.exit(main())
