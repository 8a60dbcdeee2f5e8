"""The live simulation state: a struct of numpy arrays over N subjects.

One column is one virtual subject: a body (gut, blood, liver, pancreas, adipose tissue) and one
representative cell of the level's cell type. Columns never interact, so a population of N
subjects, a parameter sweep and a bot's candidate futures are all the same vectorised code.

Every variable is listed once in ``VARIABLES`` with its unit, the normal range for a healthy
adult, and the physical bounds the integrator keeps it within. ``docs/model.md`` is written
from the same facts. This module must not import pygame.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


@attrs.frozen
class Variable:
    """One state variable: name (with unit suffix), unit, healthy range, hard bounds, meaning."""

    name: str
    unit: str
    normal: tuple[float, float]
    bounds: tuple[float, float]
    meaning: str


_INF = float("inf")

VARIABLES: tuple[Variable, ...] = (
    # --- gut (Dalla Man 2007) ---
    Variable("stomach_solid_mg", "mg", (0, 1e5), (0, _INF), "carbohydrate in the stomach, solid phase"),
    Variable("stomach_liquid_mg", "mg", (0, 1e5), (0, _INF), "carbohydrate in the stomach, liquid phase"),
    Variable("gut_carb_mg", "mg", (0, 1e5), (0, _INF), "carbohydrate in the intestine"),
    Variable("stomach_fat_g", "g", (0, 60), (0, _INF), "fat in the stomach (slows emptying)"),
    Variable("stomach_fibre_g", "g", (0, 20), (0, _INF), "fibre in the stomach (slows emptying)"),
    Variable("stomach_protein_g", "g", (0, 60), (0, _INF), "protein in the stomach"),
    # --- blood ---
    Variable("glucose_mmol_l", "mmol/L", (4.0, 7.8), (0, _INF), "blood glucose"),
    Variable("insulin_uu_ml", "µU/mL", (2, 60), (0, _INF), "blood insulin"),
    Variable("insulin_tissue_uu_ml", "µU/mL", (2, 50), (0, _INF), "insulin in the tissue fluid around cells (delayed)"),
    Variable("insulin_liver_uu_ml", "µU/mL", (2, 60), (0, _INF), "insulin acting on the liver (delayed)"),
    Variable("glucagon_pg_ml", "pg/mL", (30, 120), (0, _INF), "blood glucagon (from the pancreatic α-cells)"),
    Variable("ffa_mmol_l", "mmol/L", (0.1, 0.7), (0, _INF), "free fatty acids in the blood"),
    Variable("cytokines_au", "0–1", (0, 0.1), (0, 1), "circulating inflammatory cytokines (TNF-α, IL-6)"),
    # --- organs ---
    Variable("beta_cell_mass_rel", "× normal", (0.7, 1.5), (0, _INF), "pancreatic β-cell mass"),
    Variable("beta_cell_function_rel", "× normal", (0.7, 1.5), (0, _INF), "β-cell function: insulin secreted per cell"),
    Variable("beta_cell_pool_rel", "× healthy full pool", (0.1, 1.5), (0, _INF), "readily releasable insulin granules (first phase)"),
    Variable("liver_glycogen_g", "g", (40, 120), (0, _INF), "liver glycogen"),
    Variable("liver_fat_pct", "% of liver weight", (0.5, 5.5), (0, 100), "liver fat (intrahepatic triglyceride)"),
    Variable("adipose_kg", "kg", (10, 22), (0, _INF), "body fat mass"),
    Variable("protein_pool_g", "g", (20, 70), (0, _INF), "protein absorbed and not yet oxidised (free amino acids, protein laid down after meals)"),
    # --- cell: receptors (Sedaghat 2002) ---
    Variable("receptor_free_rel", "× normal total", (0.7, 0.95), (0, _INF), "free insulin receptors on the surface"),
    Variable("receptor_bound_rel", "× normal total", (0, 0.3), (0, _INF), "insulin-bound receptors on the surface"),
    Variable("receptor_internal_rel", "× normal total", (0.05, 0.25), (0, _INF), "receptors inside the cell"),
    # --- cell: signaling and transport ---
    Variable("signaling_active_frac", "0–1", (0, 1), (0, 1), "active IRS/PI3K/Akt signal"),
    Variable("signaling_proteins_frac", "0–1", (0.9, 1), (0, 1), "intact signaling proteins (IRS-1, PI3K, Akt)"),
    Variable("glut4_membrane_frac", "0–1", (0.03, 0.45), (0, 1), "share of GLUT4 at the membrane"),
    # --- cell: energy and stores ---
    Variable("energy_frac", "0–1", (0.9, 1), (0, 1), "share of its work the cell's fuel pays for (ATP + phosphocreatine defended by doing less)"),
    Variable("glycogen_frac", "0–1", (0.3, 0.9), (0, 1), "cell glycogen, share of capacity"),
    Variable("fat_store_rel", "× normal", (0.7, 1.5), (0, _INF), "lipid droplets in the cell"),
    Variable("lipotoxic_frac", "0–1", (0, 0.15), (0, 1), "lipotoxic intermediates (DAG, ceramide)"),
    Variable("pkc_active_frac", "0–1", (0, 0.15), (0, 1), "DAG-activated PKCθ, following the intermediates by hours"),
    # --- cell: compounding factors ---
    Variable("inflammation_frac", "0–1", (0, 0.1), (0, 1), "inflammatory signaling in the cell (JNK/IKKβ)"),
    Variable("oxidative_stress_frac", "0–1", (0, 0.15), (0, 1), "reactive oxygen species beyond what is scavenged"),
    Variable("mito_health_frac", "0–1", (0.85, 1), (0, 1), "working mitochondria (1 − dysfunction)"),
    Variable("er_stress_frac", "0–1", (0, 0.15), (0, 1), "endoplasmic-reticulum stress response"),
    Variable("exercise_memory_frac", "0–1", (0, 1), (0, 1), "after-effect of exercise on insulin sensitivity"),
    # --- cell: training (weeks) ---
    Variable("mito_content_rel", "× untrained", (1.0, 1.6), (0, _INF), "mitochondrial content built by training"),
    Variable("glut4_content_rel", "× untrained", (1.0, 1.5), (0, _INF), "GLUT4 protein built by training"),
    # --- bookkeeping (cumulative, per kg body weight) ---
    Variable("acc_gut_mg_kg", "mg/kg", (0, _INF), (0, _INF), "glucose absorbed from the gut, cumulative"),
    Variable("acc_liver_out_mg_kg", "mg/kg", (0, _INF), (0, _INF), "glucose released by the liver, cumulative"),
    Variable("acc_liver_in_mg_kg", "mg/kg", (0, _INF), (0, _INF), "glucose taken up by the liver, cumulative"),
    Variable("acc_brain_mg_kg", "mg/kg", (0, _INF), (0, _INF), "insulin-independent uptake, cumulative"),
    Variable("acc_periph_mg_kg", "mg/kg", (0, _INF), (0, _INF), "insulin-dependent uptake, cumulative"),
    Variable("acc_renal_mg_kg", "mg/kg", (0, _INF), (0, _INF), "glucose lost in urine, cumulative"),
    Variable("acc_infused_mg_kg", "mg/kg", (0, _INF), (0, _INF), "glucose infused (clamp), cumulative"),
    Variable("acc_fat_in_g", "g", (0, _INF), (0, _INF), "fat absorbed from meals and infused (lipid), cumulative"),
    Variable("acc_fat_made_g", "g", (0, _INF), (0, _INF), "fat made from glucose (liver DNL, net lipogenesis), cumulative"),
    Variable("acc_fat_oxidised_g", "g", (0, _INF), (0, _INF), "fat oxidised by the whole body, cumulative"),
    Variable("acc_energy_in_kcal", "kcal", (0, _INF), (0, _INF), "energy absorbed from meals and infused, cumulative"),
    Variable("acc_energy_out_kcal", "kcal", (0, _INF), (0, _INF), "energy expended or lost in urine, cumulative"),
)

NAMES: tuple[str, ...] = tuple(v.name for v in VARIABLES)
BY_NAME: Mapping[str, Variable] = {v.name: v for v in VARIABLES}
# The cell's variables (the "--- cell" groups above): everything from the receptors up to the
# bookkeeping. The body is everything else.
CELL_NAMES: tuple[str, ...] = tuple(
    n for n in NAMES[NAMES.index("receptor_free_rel"):] if not n.startswith("acc_")
)
# Variables newer than the first saves, with the value an older save's subject had.
ADDED_LATER: Mapping[str, float] = {
    "mito_content_rel": 1.0, "glut4_content_rel": 1.0, "glucagon_pg_ml": 75.0, "liver_fat_pct": 2.0,
    "pkc_active_frac": 0.05, "beta_cell_function_rel": 1.0, "beta_cell_pool_rel": 1.0,
    "acc_fat_in_g": 0.0, "acc_fat_made_g": 0.0, "acc_fat_oxidised_g": 0.0, "protein_pool_g": 40.0,
    "acc_energy_in_kcal": 0.0, "acc_energy_out_kcal": 0.0,
}


@attrs.define(eq=False)
class State:
    """Mutable engine state: the clock and one float64 array of length N per variable.

    Changed only by the engine; the game and reports get ``Snapshot`` copies. Arrays are replaced,
    never written into (``arrays[k] = arrays[k] + x``, not ``+=``): a population turn's report keeps
    references to the arrays it started from to work its account out later (sim/engine.py).
    """

    time_min: float
    arrays: dict[str, Array]
    # The body always runs on its skeletal muscle (sim/model/tissues.py). When the cell on show is
    # another type (fat, liver), the muscle's own cell variables live here, hidden; else None.
    tissue: dict[str, Array] | None = None

    @property
    def n(self) -> int:
        return int(next(iter(self.arrays.values())).shape[0])

    def __getattr__(self, name: str) -> Array:
        # Only reached for names that are not attrs fields: the state variables.
        try:
            return object.__getattribute__(self, "arrays")[name]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError(name) from None

    @classmethod
    def from_values(cls, values: Mapping[str, float | Array], n: int, time_min: float = 0.0) -> State:
        missing = set(NAMES) - set(values)
        unknown = set(values) - set(NAMES)
        if missing or unknown:
            raise ValueError(f"state values: missing {sorted(missing)}, unknown {sorted(unknown)}")
        arrays = {k: np.broadcast_to(np.asarray(values[k], dtype=np.float64), (n,)).copy() for k in NAMES}
        return cls(time_min=float(time_min), arrays=arrays)

    def copy(self) -> State:
        tissue = None if self.tissue is None else {k: a.copy() for k, a in self.tissue.items()}
        return State(self.time_min, {k: a.copy() for k, a in self.arrays.items()}, tissue)

    def update(self, new: Mapping[str, Array]) -> None:
        for k, a in new.items():
            self.arrays[k] = a

    def column(self, i: int) -> dict[str, float]:
        return {k: float(a[i]) for k, a in self.arrays.items()}

    def select(self, idx: Iterable[int] | NDArray[np.intp]) -> State:
        ix = np.asarray(list(idx) if not isinstance(idx, np.ndarray) else idx, dtype=np.intp)
        tissue = None if self.tissue is None else {k: a[ix].copy() for k, a in self.tissue.items()}
        return State(self.time_min, {k: a[ix].copy() for k, a in self.arrays.items()}, tissue)

    def digest(self) -> str:
        """SHA-256 over the clock and every array's bytes in ``NAMES`` order: equal iff bit-identical."""
        h = hashlib.sha256(np.float64(self.time_min).tobytes())
        for k in NAMES:
            h.update(k.encode())
            h.update(np.ascontiguousarray(self.arrays[k], dtype="<f8").tobytes())
        for k in CELL_NAMES if self.tissue is not None else ():
            h.update(b"tissue:" + k.encode())
            h.update(np.ascontiguousarray(self.tissue[k], dtype="<f8").tobytes())  # type: ignore[index]
        return h.hexdigest()

    def to_jsonable(self) -> dict[str, Any]:
        # float.hex keeps every bit, so a restored state continues bit-identically.
        out: dict[str, Any] = {
            "time_min": float(self.time_min).hex(),
            "arrays": {k: [float(x).hex() for x in a] for k, a in self.arrays.items()},
        }
        if self.tissue is not None:
            out["tissue"] = {k: [float(x).hex() for x in a] for k, a in self.tissue.items()}
        return out

    @classmethod
    def from_jsonable(cls, data: Mapping[str, Any]) -> State:
        arrays = {k: np.array([float.fromhex(x) for x in v], dtype=np.float64) for k, v in data["arrays"].items()}
        # Saves from before training was a state: such a cell is untrained (1 × untrained content).
        if arrays and set(NAMES) - set(arrays) <= set(ADDED_LATER):
            n = len(next(iter(arrays.values())))
            arrays.update({k: np.full(n, v) for k, v in ADDED_LATER.items() if k not in arrays})
        if set(arrays) != set(NAMES):
            raise ValueError("state has missing or unknown variables")
        tissue = None
        if data.get("tissue") is not None:
            tissue = {k: np.array([float.fromhex(x) for x in v], dtype=np.float64) for k, v in data["tissue"].items()}
            n = len(arrays[NAMES[0]])
            tissue.update({k: np.full(n, v) for k, v in ADDED_LATER.items() if k in CELL_NAMES and k not in tissue})
            if set(tissue) != set(CELL_NAMES) or any(len(a) != len(arrays[NAMES[0]]) for a in tissue.values()):
                raise ValueError("state's muscle tissue has missing, unknown or mis-sized variables")
        return cls(float.fromhex(data["time_min"]), arrays, tissue)
