"""A sweep's files: the tidy CSV (one row per run) and the JSON sidecar that says how it was made.

Floats are written with ``repr`` (shortest text that reads back to the same bits), so two CSVs are
byte-identical exactly when the runs were. The sidecar holds versions, the master and per-run
seeds, the grid, the level's content hash and what each column means; ``ran_with`` is the only
field that depends on how the sweep ran. The CSV is written first and the sidecar last, and the
sidecar records the CSV's SHA-256 and row count, so after a kill between the two writes (an old
sidecar beside a new CSV) ``check_pair`` tells the pair apart instead of trusting it.
Must not import pygame.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import platform
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from sim.classroom.canonical import versions
from sim.errors import SaveError
from sim.storage import read_text_limited, write_output
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


def sidecar(spec: SweepSpec, n_rows: int, level_hash: str | None, ran_with: dict[str, Any],
            csv_sha256: str | None = None) -> dict[str, Any]:
    s = attrs.asdict(spec)
    s.pop("level_text")
    s["axes"] = [{"key": a.key, "values": list(a.values)} for a in spec.axes]
    if spec.kind == "level":
        for k in ("cells", "days", "diet", "spread", "turn_min"):
            s.pop(k)
    else:
        s.pop("policy")
    return {
        "format": "amid-plenty-sweep", "format_version": 1,
        "versions": {**versions(), "python": platform.python_version(), "numpy": np.__version__},
        "sweep": s, "master_seed": spec.seed, "rep_seeds": spec.rep_seeds(), "level_hash": level_hash,
        "rows": n_rows, "columns": {c: COLUMN_DOCS.get(c, "the swept parameter's value") for c in spec.columns()},
        "ran_with": ran_with, "csv_sha256": csv_sha256,
    }


def write(out: Path, spec: SweepSpec, rows: Sequence[dict[str, Any]], level_hash: str | None,
          ran_with: dict[str, Any]) -> Path:
    text = to_csv(spec, rows)
    write_output(out, text)
    side = out.with_suffix(".json")
    meta = sidecar(spec, len(rows), level_hash, ran_with, hashlib.sha256(text.encode("utf-8")).hexdigest())
    write_output(side, json.dumps(meta, indent=1, ensure_ascii=False) + "\n")
    return side


def check_pair(out: Path) -> dict[str, Any]:
    """The sidecar of ``out``, after checking it describes this very CSV (hash and row count)."""
    side = out.with_suffix(".json")
    data = read_text_limited(out, SaveError, limit=1 << 30).encode("utf-8")
    try:
        meta = json.loads(read_text_limited(side, SaveError))
    except (json.JSONDecodeError, RecursionError) as e:
        raise SaveError(f"{side}: not a sweep sidecar (invalid JSON: {e})") from None
    if not isinstance(meta, dict) or meta.get("format") != "amid-plenty-sweep":
        raise SaveError(f"{side}: not a sweep sidecar (format 'amid-plenty-sweep' expected)")
    found = hashlib.sha256(data).hexdigest()
    if meta.get("csv_sha256") != found:
        raise SaveError(f"{side}: describes another run than {out.name} (csv_sha256 "
                        f"{str(meta.get('csv_sha256'))[:12]}…, the CSV's is {found[:12]}…); run the sweep again")
    n = data.count(b"\n") - 1
    if meta.get("rows") != n:
        raise SaveError(f"{side}: says {meta.get('rows')} rows, {out.name} has {n}")
    return meta
