"""A sweep's files: the tidy CSV (one row per run) and the JSON sidecar that says how it was made.

Floats are written with ``repr`` (shortest text that reads back to the same bits), so two CSVs are
byte-identical exactly when the runs were. The sidecar is ``sim.provenance``'s record plus the
sweep's own fields: the grid, the master and per-run seeds and ``ran_with`` (the only field that
depends on how the sweep ran). ``check_pair`` tells a stale sidecar from the CSV's own.
Must not import pygame.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from sim import provenance
from sim.study.sweep import SweepSpec

COLUMN_DOCS = {
    "run": "run number (grid point × repetition), from 0",
    "point": "grid point number, from 0 (last --param varies fastest)",
    "rep": "repetition number, from 0",
    "seed": "this run's seed, derived from the master seed (the same for a repetition at every point)",
    "mean_glucose_mmol_l": "blood glucose, time-weighted mean over the run, mmol/L",
    "max_glucose_mmol_l": "highest blood glucose, mmol/L",
    "mean_insulin_uu_ml": "blood insulin, time-weighted mean, µU/mL",
    "mean_cell_energy_frac": "cell energy reserve, time-weighted mean, 0–1",
    "min_cell_energy_frac": "lowest cell energy reserve, 0–1",
    "end_glucose_mmol_l": "blood glucose at the end, mmol/L",
    "end_cell_energy_frac": "cell energy at the end, 0–1",
    "end_receptors_frac": "surface insulin receptors at the end, share of a healthy cell's",
    "end_signaling_proteins_frac": "intact signaling proteins at the end, 0–1",
    "end_mito_health_frac": "working mitochondria at the end, 0–1",
    "end_beta_cell_mass_rel": "β-cell secretory capacity at the end, × normal",
    "fasting_glucose_mmol_l": "glucose at 07:00 after the last night's fast, mmol/L",
    "fasting_insulin_uu_ml": "insulin at 07:00 after the last night's fast, µU/mL",
    "homa_ir": "HOMA-IR = fasting glucose × fasting insulin / 22.5",
    "share_starving": "share of the population whose cell energy fell below 0.5",
    "homa_ir_p05": "5th percentile of HOMA-IR over the population",
    "homa_ir_p95": "95th percentile of HOMA-IR over the population",
    "min_cell_energy_frac_p05": "5th percentile over the population of each subject's lowest energy",
    "won": "1 when the policy won the level",
    "stars": "stars earned (0–3)",
    "score": "the level's score",
    "turns_played": "turns played (fewer than the level's when a failure condition ended it)",
}


def to_csv(spec: SweepSpec, rows: Sequence[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    cols = spec.columns()
    w.writerow(cols)
    for r in rows:
        w.writerow([repr(float(r[c])) if isinstance(r[c], float) else r[c] for c in cols])
    return buf.getvalue()


def sidecar(spec: SweepSpec, data: bytes, n_rows: int, subject: dict[str, Any], ran_with: dict[str, Any],
            argv: Sequence[str] | None = None) -> dict[str, Any]:
    s = attrs.asdict(spec)
    s.pop("level_text")
    s["axes"] = [{"key": a.key, "values": list(a.values)} for a in spec.axes]
    if spec.kind == "level":
        for k in ("cells", "days", "diet", "spread", "turn_min"):
            s.pop(k)
    else:
        s.pop("policy")
    params = {k: v for k, v in s.items() if k not in ("kind", "target", "axes", "seed")}
    return provenance.describe(
        "sweep", data, argv=argv, rows=n_rows, seed=spec.seed, subject=subject, parameters=params,
        sweep=s, master_seed=spec.seed, rep_seeds=spec.rep_seeds(), ran_with=ran_with,
        columns={c: provenance.column_meaning(c, COLUMN_DOCS) or "the swept parameter's value" for c in spec.columns()},
    )


def write(out: Path, spec: SweepSpec, rows: Sequence[dict[str, Any]], subject: dict[str, Any],
          ran_with: dict[str, Any], side: Path | None = None, argv: Sequence[str] | None = None) -> Path | None:
    """The CSV to ``out`` (``-``: standard output), then the sidecar; returns where that went."""
    data = to_csv(spec, rows).encode("utf-8")
    meta = sidecar(spec, data, len(rows), subject, ran_with, argv)
    return provenance.write_with_sidecar(out, data, meta, side)


def check_pair(out: Path, side: Path | None = None) -> dict[str, Any]:
    """The sidecar of ``out``, after checking it describes this very CSV (hash and row count)."""
    return provenance.check(out, side, fmt="sweep")
