"""Parameter sweeps: a cartesian grid of parameter values × repetitions, one row per run.

A *run* is one (grid point, repetition). Its seed comes from the master seed: repetition r gets
the r-th child of ``SeedSequence(master)``, the same at every grid point (common random numbers,
so differences between points are not drowned by differences between cohorts); the seed is
written in each row. A run is a pure function of the ``SweepSpec`` and its ``Task`` — it reads
no file (a level travels as text) and no clock — so the rows are bit-identical whether the runs
go one after another, over local processes or over a Dask cluster.

- **Preset sweep**: ``cells`` subjects (one vectorised population; with ``cells > 1`` each
  subject's knobs vary by ``spread``) live ``days`` on ``diet`` from midnight, then fast until
  07:00 the next morning, where HOMA-IR is measured.
- **Level sweep**: the level (its cell's knobs set to the point's values) is played to the end by
  ``policy``; the row has the score, stars and the same outcomes over the level.

Must not import pygame.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from sim.errors import UserError

MAX_COUNT = 10_000
MAX_RUNS = 1_000_000
FAST_UNTIL_MIN = 420.0  # 07:00, the morning after the last day
STARVING = 0.5  # cell energy below which a subject counts as starving (sim.snapshot)

PRESET_OUTCOMES = (
    "mean_glucose_mmol_l", "max_glucose_mmol_l", "mean_insulin_uu_ml", "mean_cell_energy_frac",
    "min_cell_energy_frac", "end_glucose_mmol_l", "end_cell_energy_frac", "end_receptors_frac",
    "end_signaling_proteins_frac", "end_mito_health_frac", "end_beta_cell_mass_rel",
    "fasting_glucose_mmol_l", "fasting_insulin_uu_ml", "homa_ir",
)
POPULATION_EXTRAS = ("share_starving", "homa_ir_p05", "homa_ir_p95", "min_cell_energy_frac_p05")
LEVEL_OUTCOMES = ("won", "stars", "score", "turns_played", "mean_glucose_mmol_l", "max_glucose_mmol_l",
                  "mean_insulin_uu_ml", "mean_cell_energy_frac", "min_cell_energy_frac", "end_glucose_mmol_l",
                  "end_cell_energy_frac", "end_receptors_frac")


class SweepError(UserError):
    """A bad sweep request (unknown key, bad range); the message says what is allowed."""


@attrs.frozen
class Axis:
    key: str
    values: tuple[float, ...]


def parse_param(text: str) -> Axis:
    """``KEY=START:STOP:COUNT`` (COUNT values, both ends included), ``KEY=V1,V2,…`` or ``KEY=V``."""
    key, sep, spec = text.partition("=")
    key = key.strip()
    if not sep or not key or not spec.strip():
        raise SweepError(f"--param {text!r}: expected KEY=START:STOP:COUNT, KEY=V1,V2,… or KEY=VALUE")
    try:
        if ":" in spec:
            parts = spec.split(":")
            if len(parts) != 3:
                raise ValueError
            start, stop, count = float(parts[0]), float(parts[1]), int(parts[2])
            if not 1 <= count <= MAX_COUNT:
                raise SweepError(f"--param {text!r}: COUNT must be 1 to {MAX_COUNT:,}")
            values = tuple(float(v) for v in np.linspace(start, stop, count)) if count > 1 else (start,)
        else:
            values = tuple(float(v) for v in spec.split(","))
    except SweepError:
        raise
    except ValueError:
        raise SweepError(f"--param {text!r}: expected numbers, as KEY=START:STOP:COUNT or KEY=V1,V2,…") from None
    if not values or len(values) > MAX_COUNT or not all(math.isfinite(v) for v in values):
        raise SweepError(f"--param {text!r}: expected 1 to {MAX_COUNT:,} finite values")
    return Axis(key, values)


@attrs.frozen
class SweepSpec:
    kind: str  # "preset" | "level"
    target: str  # the preset's name or the level's slug
    axes: tuple[Axis, ...]
    reps: int = 1
    seed: int = 0
    cells: int = 1
    days: float = 1.0
    diet: str = "standard"
    spread: float = 0.1
    turn_min: float = 60.0
    policy: str = "greedy"
    level_text: str = ""

    @property
    def points(self) -> list[tuple[float, ...]]:
        return list(itertools.product(*(a.values for a in self.axes))) if self.axes else [()]

    def rep_seeds(self) -> list[int]:
        children = np.random.SeedSequence(self.seed).spawn(self.reps)
        return [int(c.generate_state(1, np.uint32)[0]) for c in children]

    def outcome_columns(self) -> tuple[str, ...]:
        if self.kind == "level":
            return LEVEL_OUTCOMES
        return PRESET_OUTCOMES + (POPULATION_EXTRAS if self.cells > 1 else ())

    def columns(self) -> list[str]:
        return ["run", "point", "rep", "seed", *(a.key for a in self.axes), *self.outcome_columns()]


@attrs.frozen
class Task:
    run: int
    point: int
    rep: int
    seed: int
    values: tuple[tuple[str, float], ...]


def tasks(spec: SweepSpec) -> list[Task]:
    seeds = spec.rep_seeds()
    keys = [a.key for a in spec.axes]
    out: list[Task] = []
    for p, values in enumerate(spec.points):
        for r in range(spec.reps):
            out.append(Task(len(out), p, r, seeds[r], tuple(zip(keys, values, strict=True))))
    return out


def check_spec(spec: SweepSpec) -> None:
    from sim.model.parameters import Parameters, value_problem

    known = set(Parameters.default().values)
    for a in spec.axes:
        if a.key not in known:
            import difflib

            close = difflib.get_close_matches(a.key, sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SweepError(f"--param {a.key}: not a knob or model parameter{hint}; see sim/data/parameters.toml")
        for v in a.values:
            why = value_problem(a.key, v)
            if why is not None:
                raise SweepError(f"--param {a.key}: {why}")
    if len({a.key for a in spec.axes}) != len(spec.axes):
        raise SweepError("--param: each key may be swept once")
    n = len(spec.points) * spec.reps
    if n > MAX_RUNS:
        raise SweepError(f"{n:,} runs; allowed: at most {MAX_RUNS:,} (fewer values or repetitions)")
    if spec.kind == "level" and spec.cells != 1:
        raise SweepError("--cells applies to preset sweeps; a level is played by one cell")


# --- one run ----------------------------------------------------------------------------------------
def run_task(spec: SweepSpec, task: Task) -> dict[str, Any]:
    row: dict[str, Any] = {"run": task.run, "point": task.point, "rep": task.rep, "seed": task.seed}
    row.update(dict(task.values))
    row.update(_run_level(spec, task) if spec.kind == "level" else _run_preset(spec, task))
    return row


def _run_preset(spec: SweepSpec, task: Task) -> dict[str, Any]:
    from sim.engine import Simulation
    from sim.population import vary

    sim = Simulation.from_preset(spec.target, n=spec.cells, seed=task.seed, knobs=dict(task.values) or None,
                                 turn_min=spec.turn_min)
    sim.set_params(vary(sim.params, spec.cells, spec.spread, sim.rngs["population"]))
    sim.schedule_diet(spec.diet, spec.days)
    n_turns = max(1, round(spec.days * 1440 / spec.turn_min))
    g_sum: Any = 0.0
    i_sum: Any = 0.0
    e_sum: Any = 0.0
    g_max = np.full(spec.cells, -np.inf)
    e_min = np.full(spec.cells, np.inf)
    for _ in range(n_turns):
        st = sim.advance().stats
        g_sum = g_sum + st["mean_glucose_mmol_l"]
        i_sum = i_sum + st["mean_insulin_uu_ml"]
        e_sum = e_sum + st["mean_cell_energy_frac"]
        g_max = np.maximum(g_max, st["max_glucose_mmol_l"])
        e_min = np.minimum(e_min, st["min_cell_energy_frac"])
    end = sim.snapshot().values
    per_subject: dict[str, Any] = {
        "mean_glucose_mmol_l": g_sum / n_turns, "max_glucose_mmol_l": g_max, "mean_insulin_uu_ml": i_sum / n_turns,
        "mean_cell_energy_frac": e_sum / n_turns, "min_cell_energy_frac": e_min,
        "end_glucose_mmol_l": end["blood_glucose_mmol_l"], "end_cell_energy_frac": end["cell_energy_frac"],
        "end_receptors_frac": end["receptors_frac"], "end_signaling_proteins_frac": end["signaling_proteins_frac"],
        "end_mito_health_frac": end["mito_health_frac"], "end_beta_cell_mass_rel": end["beta_cell_mass_rel"],
    }
    day_end = math.ceil(sim.state.time_min / 1440.0 - 1e-9) * 1440.0
    sim.run_until(day_end + FAST_UNTIL_MIN)
    fasting = sim.snapshot().values
    g, ins = np.asarray(fasting["blood_glucose_mmol_l"]), np.asarray(fasting["blood_insulin_uu_ml"])
    homa = g * ins / 22.5
    per_subject.update(fasting_glucose_mmol_l=g, fasting_insulin_uu_ml=ins, homa_ir=homa)
    out = {k: float(np.mean(v)) for k, v in per_subject.items()}
    if spec.cells > 1:
        out["share_starving"] = float(np.mean(e_min < STARVING))
        lo, hi = np.percentile(homa, [5, 95])
        out["homa_ir_p05"], out["homa_ir_p95"] = float(lo), float(hi)
        out["min_cell_energy_frac_p05"] = float(np.percentile(e_min, 5))
    return out


def _run_level(spec: SweepSpec, task: Task) -> dict[str, Any]:
    from sim.levels import LevelRun
    from sim.policies import get_policy

    level = _level_from_text(spec.level_text)
    if task.values:
        level = attrs.evolve(level, cell=attrs.evolve(level.cell, knobs={**dict(level.cell.knobs), **dict(task.values)}))
    run = LevelRun(level, seed=task.seed)
    res = run.play_out(get_policy(spec.policy))
    s = res.series
    n = max(len(s["time_min"]), 1)
    return {
        "won": int(res.won), "stars": res.stars, "score": res.score, "turns_played": res.turns_played,
        "mean_glucose_mmol_l": sum(s["mean_glucose_mmol_l"]) / n, "max_glucose_mmol_l": max(s["max_glucose_mmol_l"], default=math.nan),
        "mean_insulin_uu_ml": sum(s["mean_insulin_uu_ml"]) / n, "mean_cell_energy_frac": sum(s["mean_cell_energy_frac"]) / n,
        "min_cell_energy_frac": min(s["min_cell_energy_frac"], default=math.nan),
        "end_glucose_mmol_l": s["blood_glucose_mmol_l"][-1] if s["time_min"] else math.nan,
        "end_cell_energy_frac": s["cell_energy_frac"][-1] if s["time_min"] else math.nan,
        "end_receptors_frac": s["receptors_frac"][-1] if s["time_min"] else math.nan,
    }


_LEVELS: dict[str, Any] = {}


def _level_from_text(text: str) -> Any:
    from sim.levels import parse_level

    if text not in _LEVELS:
        _LEVELS.clear()
        _LEVELS[text] = parse_level(text, None)
    return _LEVELS[text]


def _run_chunk(spec: SweepSpec, chunk: Sequence[Task]) -> list[dict[str, Any]]:
    return [run_task(spec, t) for t in chunk]
