"""pandas DataFrames of the engine's outputs (optional extra ``pandas``).

- ``run_frame(preset, …)``: one row per turn, the very columns of ``python -m sim run``
  (``sim.series``), indexed by ``turn``.
- ``population_frame(preset, cells=N, …)``: one row per subject at the end of the run: the
  subject's varied knobs, its end-of-run state and its lowest energy and mean glucose over the run.
- ``output_frame(path)``: a CSV the CLI wrote, with its sidecar (``NAME.meta.json``) checked.

Units are in the column names (``_mmol_l``, ``_uu_ml``, ``_frac`` …) and spelled out in
``df.attrs["units"]`` and ``df.attrs["meanings"]``; ``df.attrs["meta"]`` holds how the frame was
made (the sidecar's record). pandas is imported when a function is called, so ``import sim`` never
needs it; without it the call raises an ``ImportError`` naming the extra. Must not import pygame.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from sim.population import VARIED
from sim.provenance import check, column_meaning
from sim.series import STATE_COLUMNS, column_names, prepare, preset_series

# Unit of a column, from its name's ending (the house rule: units live in names).
_SUFFIX_UNITS = (
    ("_mmol_l", "mmol/L"), ("_uu_ml", "µU/mL"), ("_mg_kg_min", "mg/kg/min"), ("_frac", "0–1"),
    ("_rel", "× normal"), ("_min", "min"), ("_kg", "kg"), ("_g", "g"), ("_mg", "mg"),
)


def unit_of(column: str) -> str:
    """``blood_glucose_mmol_l_p95`` → ``mmol/L``; knobs → ``× preset``; counts → ``""``."""
    base = column.removesuffix("_p05").removesuffix("_p95")
    if base in VARIED:
        return "× normal"
    return next((unit for suffix, unit in _SUFFIX_UNITS if base.endswith(suffix)), "")


def _pandas() -> Any:
    try:
        import pandas
    except ModuleNotFoundError as e:
        raise ImportError("sim.frames needs pandas: pip install 'amid-plenty[pandas]' (or 'pandas')") from e
    return pandas


def _framed(df: Any, meta: dict[str, Any], docs: dict[str, str] | None = None) -> Any:
    cols = [*([df.index.name] if df.index.name else []), *df.columns]
    df.attrs["units"] = {c: unit_of(c) for c in cols}
    df.attrs["meanings"] = {c: column_meaning(c, docs) for c in cols}
    df.attrs["meta"] = meta
    return df


def run_frame(preset: str = "healthy", *, days: float = 1.0, seed: int = 0, cells: int = 1,
              spread: float = 0.1, diet: str = "standard", turn_min: float = 60.0) -> Any:
    """The per-turn series of ``python -m sim run --preset PRESET …`` as a DataFrame."""
    pd = _pandas()
    rows = preset_series(preset, days=days, seed=seed, cells=cells, spread=spread, diet=diet, turn_min=turn_min)
    df = pd.DataFrame(rows, columns=column_names(cells > 1)).set_index("turn")
    params = {"days": days, "cells": cells, "spread": spread if cells > 1 else 0.0, "diet": diet, "turn_min": turn_min}
    return _framed(df, {"subject": {"preset": preset}, "seed": seed, "parameters": params})


def population_frame(preset: str = "healthy", *, cells: int = 100, days: float = 1.0, seed: int = 0,
                     spread: float = 0.1, diet: str = "standard", turn_min: float = 60.0) -> Any:
    """One row per subject (index ``subject``): varied knobs, end state, run extremes."""
    pd = _pandas()
    sim, n_turns = prepare(preset, days=days, seed=seed, cells=cells, spread=spread, diet=diet, turn_min=turn_min)
    g_sum = np.zeros(cells)
    e_min = np.full(cells, np.inf)
    for _ in range(n_turns):
        st = sim.advance().stats
        g_sum += st["mean_glucose_mmol_l"]
        e_min = np.minimum(e_min, st["min_cell_energy_frac"])
    end = sim.snapshot().values
    data: dict[str, Any] = {k: np.broadcast_to(np.asarray(sim.params.values[k], dtype=np.float64), (cells,))
                            for k in VARIED}
    data |= {k: np.asarray(end[k]) for k in STATE_COLUMNS}
    data |= {"mean_glucose_mmol_l": g_sum / n_turns, "min_cell_energy_frac": e_min}
    df = pd.DataFrame(data)
    df.index.name = "subject"
    docs = {k: f"this subject's {k} knob value (the preset's, varied by spread)" for k in VARIED}
    docs |= {"mean_glucose_mmol_l": "blood glucose, time-weighted mean over the run, mmol/L",
             "min_cell_energy_frac": "lowest cell energy reserve over the run, 0–1",
             "subject": "subject number, from 0"}
    docs |= {k: f"at the end of the run: {column_meaning(k)}" for k in STATE_COLUMNS}
    params = {"days": days, "cells": cells, "spread": spread, "diet": diet, "turn_min": turn_min}
    return _framed(df, {"subject": {"preset": preset}, "seed": seed, "parameters": params}, docs)


def output_frame(path: str | Path, sidecar: str | Path | None = None) -> Any:
    """A CSV written by ``run``, ``experiment`` or ``sweep``, after checking its sidecar."""
    pd = _pandas()
    meta = check(Path(path), None if sidecar is None else Path(sidecar))
    df = pd.read_csv(path)
    _framed(df, meta, dict(meta.get("columns", {})))
    return df
