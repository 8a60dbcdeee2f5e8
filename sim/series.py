"""A preset living a diet, turn by turn: the rows ``python -m sim run`` writes.

``preset_series`` builds the simulation (``cells`` subjects, knobs varied by ``spread``), runs it
and returns one row per turn: end-of-turn state (``STATE_COLUMNS``) and turn statistics
(``STAT_COLUMNS``), as population means with ``_p05``/``_p95`` percentiles when ``cells > 1``.
The CLI writes these rows and ``sim.frames.run_frame`` makes a DataFrame of them, so the two can
never disagree on a column. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from sim.engine import Simulation
from sim.population import vary
from sim.report import TurnReport

STATE_COLUMNS = (
    "blood_glucose_mmol_l", "blood_insulin_uu_ml", "cell_energy_frac", "receptors_frac",
    "signaling_active_frac", "glut4_membrane_frac", "glycogen_frac", "fat_store_rel", "ffa_mmol_l",
    "beta_cell_mass_rel", "mito_health_frac", "inflammation_frac", "oxidative_stress_frac",
    "er_stress_frac", "lipotoxic_frac",
)
STAT_COLUMNS = ("mean_glucose_mmol_l", "mean_insulin_uu_ml", "mean_cell_energy_frac")
COLUMNS = ("turn", "time_min", *STATE_COLUMNS, *STAT_COLUMNS)


def column_names(population: bool) -> list[str]:
    if not population:
        return list(COLUMNS)
    return ["turn", "time_min", *(f"{k}{s}" for k in (*STATE_COLUMNS, *STAT_COLUMNS) for s in ("", "_p05", "_p95"))]


def row_of(r: TurnReport, population: bool) -> dict[str, float]:
    row: dict[str, float] = {"turn": r.turn + 1, "time_min": r.end_min}
    values = {**{k: r.snapshot.values[k] for k in STATE_COLUMNS}, **{k: r.stats[k] for k in STAT_COLUMNS}}
    for k, a in values.items():
        row[k] = float(np.mean(a))
        if population:
            lo, hi = np.percentile(a, [5, 95])
            row[f"{k}_p05"], row[f"{k}_p95"] = float(lo), float(hi)
    return row


def turn_count(days: float, turn_min: float) -> int:
    return max(1, round(days * 1440 / turn_min))


def prepare(preset: str, *, days: float, seed: int, cells: int, spread: float, diet: str,
            turn_min: float, knobs: Mapping[str, float] | None = None) -> tuple[Simulation, int]:
    """The simulation ready to run (``knobs`` replace the preset's), and the turns ``days`` makes."""
    sim = Simulation.from_preset(preset, n=cells, seed=seed, turn_min=turn_min, knobs=knobs)
    sim.set_params(vary(sim.params, cells, spread, sim.rngs["population"]))
    sim.schedule_diet(diet, days)
    return sim, turn_count(days, turn_min)


def preset_series(preset: str, *, days: float = 1.0, seed: int = 0, cells: int = 1, spread: float = 0.1,
                  diet: str = "standard", turn_min: float = 60.0, knobs: Mapping[str, float] | None = None,
                  tick: Callable[[], None] | None = None) -> list[dict[str, float]]:
    sim, n_turns = prepare(preset, days=days, seed=seed, cells=cells, spread=spread, diet=diet, turn_min=turn_min,
                           knobs=knobs)
    rows = []
    for _ in range(n_turns):
        rows.append(row_of(sim.advance(), cells > 1))
        if tick is not None:
            tick()
    return rows
