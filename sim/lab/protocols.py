"""The lab's protocols, each a function of a ``LabRequest`` returning a ``LabResult``.

Every protocol starts from a prepared subject at midnight (``setup.prepare``): the preset's stored
state (or the state after ``--adapt-days`` of standard meals), whose last meal was dinner at 19:00.

- ``fasting``: no food until 07:00 (a 12-hour overnight fast); samples every 30 min.
- ``ogtt``: the fast, then 75 g of glucose in water; samples at 0, 15, 30, 45, 60, 90, 120, 180 min
  after the drink (WHO 1999 protocol).
- ``clamp``: the fast, then plasma insulin held at ``--insulin`` and glucose at 5 mmol/L by a
  variable glucose infusion for 120 min (DeFronzo, Tobin & Andres 1979); M = the mean infusion over
  the last 30 min.
- ``dose-response``: after the fast, glucose held at 5 mmol/L and insulin at each of ``DOSES``,
  each level its own subject (one column of a population), held 180 min to steady state;
  uptake = the cell's glucose uptake in mg per kg of that tissue per minute, averaged over the
  last 30 min; a Hill curve is fitted (``fit.py``).
- ``meal-day``: a day of three mixed meals (standard diet) for two presets side by side.
- ``ivgtt``: the fast, then 0.3 g/kg of glucose into a vein over 2 min; samples at ``IVGTT_TIMES``.
  AIRg (acute insulin response) = the mean insulin rise above basal at 2, 3, 4, 5, 6, 8 and 10 min
  (Kahn 1993); Kg = the glucose disappearance rate, −100 × the slope of ln glucose on time from 10
  to 40 min, %/min (Lundbaek 1962: > 1.2 normal, < 1 diabetic).

Time in the CSV is minutes from the protocol's own zero (midnight for ``fasting`` and
``meal-day``, the drink or the start of the infusion otherwise). Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import numpy as np

from sim.engine import Simulation
from sim.lab.fit import fit_hill
from sim.lab.setup import LabSetupError, prepare
from sim.report import TurnAccumulator
from sim.state import State

FAST_END_MIN = 420.0  # 07:00, twelve hours after dinner
OGTT_TIMES = (0, 15, 30, 45, 60, 90, 120, 180)
CLAMP_MIN = 120.0
DOSES = (1.0, 3.0, 6.0, 10.0, 20.0, 35.0, 50.0, 75.0, 100.0, 150.0, 200.0, 400.0, 1000.0)
DOSE_HOLD_MIN = 180.0
IVGTT_DOSE_MG_KG = 300.0  # 0.3 g/kg (Kahn 1993; Bergman 1979)
IVGTT_INJECT_MIN = 2.0
IVGTT_TIMES = (0, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 90, 120, 180)
AIRG_TIMES = (2, 3, 4, 5, 6, 8, 10)
KG_TIMES = (10, 12, 15, 20, 25, 30, 40)
HOMA_DENOMINATOR = 22.5  # Matthews 1985: 4.5 mmol/L × 5 µU/mL / 22.5 = 1.0


@attrs.frozen
class LabRequest:
    preset: str = "healthy"
    settings: Mapping[str, float] = attrs.field(factory=dict)
    adapt_days: float = 0.0
    insulin_uu_ml: float = 100.0  # clamp
    cell: str = "muscle"  # the cell shown; the body runs on its own muscle whatever it is (model/tissues.py)
    compare: str = "healthy"  # meal-day


@attrs.frozen
class LabResult:
    protocol: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, float], ...]
    summary: dict[str, Any]


def homa_ir(glucose_mmol_l: float, insulin_uu_ml: float) -> float:
    """HOMA-IR (Matthews et al. 1985): fasting glucose (mmol/L) × insulin (µU/mL) / 22.5."""
    return glucose_mmol_l * insulin_uu_ml / HOMA_DENOMINATOR


SAMPLE_COLUMNS = ("time_min", "blood_glucose_mmol_l", "blood_insulin_uu_ml", "cell_energy_frac", "glycogen_frac",
                  "ffa_mmol_l")
MEAL_DAY_COLUMNS = ("blood_glucose_mmol_l", "blood_insulin_uu_ml", "cell_energy_frac", "glycogen_frac")
# The CSV columns of each protocol, in order (``python -m sim experiment --help`` lists them);
# meal-day's PRESET_ and COMPARE_ stand for the two presets' names.
COLUMNS: dict[str, tuple[str, ...]] = {
    "fasting": SAMPLE_COLUMNS,
    "ogtt": SAMPLE_COLUMNS,
    "clamp": (*SAMPLE_COLUMNS, "infusion_mg_kg_min"),
    "dose-response": ("insulin_uu_ml", "mean_cell_uptake_mg_kg_min", "signaling_active_frac", "glut4_membrane_frac"),
    "ivgtt": SAMPLE_COLUMNS,
    "meal-day": ("time_min", *MEAL_DAY_COLUMNS, *(f"{who}_{c}" for who in ("PRESET", "COMPARE") for c in MEAL_DAY_COLUMNS)),
}


def meal_day_names(preset: str, compare: str) -> tuple[str, str]:
    """The column prefixes of meal-day's two subjects (the same preset twice gets ``_compare``)."""
    return preset, compare if compare != preset else f"{compare}_compare"


def columns_for(protocol: str, preset: str = "healthy", compare: str = "healthy") -> tuple[str, ...]:
    a, b = meal_day_names(preset, compare)
    return tuple(c.replace("PRESET_", f"{a}_", 1).replace("COMPARE_", f"{b}_", 1) for c in COLUMNS[protocol])


def _row(sim: Simulation, t: float, i: int = 0) -> dict[str, float]:
    a = sim.state.arrays
    return {
        "time_min": float(t),
        "blood_glucose_mmol_l": float(a["glucose_mmol_l"][i]),
        "blood_insulin_uu_ml": float(a["insulin_uu_ml"][i]),
        "cell_energy_frac": float(a["energy_frac"][i]),
        "glycogen_frac": float(a["glycogen_frac"][i]),
        "ffa_mmol_l": float(a["ffa_mmol_l"][i]),
    }


def _base(req: LabRequest, protocol: str) -> dict[str, Any]:
    return {"protocol": protocol, "preset": req.preset, "settings": dict(req.settings),
            "adapt_days": req.adapt_days}


def _fast(sim: Simulation, rows: list[dict[str, float]] | None = None, every: float = 30.0) -> None:
    t0 = sim.state.time_min
    for t in np.arange(0.0, FAST_END_MIN + 1e-9, every):
        sim.run_until(t0 + float(t))
        if rows is not None:
            rows.append(_row(sim, float(t)))


def fasting(req: LabRequest) -> LabResult:
    sim = prepare(req.preset, req.settings, adapt_days=req.adapt_days, cell_type=req.cell)
    rows: list[dict[str, float]] = []
    _fast(sim, rows)
    g, i = rows[-1]["blood_glucose_mmol_l"], rows[-1]["blood_insulin_uu_ml"]
    summary = _base(req, "fasting") | {
        "fasting_glucose_mmol_l": g, "fasting_insulin_uu_ml": i, "homa_ir": homa_ir(g, i),
        "fasting_ffa_mmol_l": rows[-1]["ffa_mmol_l"], "fasting_cell_energy_frac": rows[-1]["cell_energy_frac"],
    }
    return LabResult("fasting", tuple(rows[0]), tuple(rows), summary)


def ogtt(req: LabRequest) -> LabResult:
    sim = prepare(req.preset, req.settings, adapt_days=req.adapt_days, cell_type=req.cell)
    _fast(sim)
    t0 = sim.state.time_min
    sim.schedule(sim.meal_event("ogtt", t0))
    rows = []
    for t in OGTT_TIMES:
        sim.run_until(t0 + t)
        rows.append(_row(sim, t))
    g = [r["blood_glucose_mmol_l"] for r in rows]
    ins = [r["blood_insulin_uu_ml"] for r in rows]
    k = int(np.argmax(g))
    t120 = OGTT_TIMES.index(120)
    auc = sum(0.5 * (ins[j] + ins[j + 1]) * (OGTT_TIMES[j + 1] - OGTT_TIMES[j]) for j in range(t120))  # trapezoid
    summary = _base(req, "ogtt") | {
        "fasting_glucose_mmol_l": g[0], "fasting_insulin_uu_ml": ins[0], "homa_ir": homa_ir(g[0], ins[0]),
        "glucose_2h_mmol_l": g[OGTT_TIMES.index(120)], "peak_glucose_mmol_l": g[k],
        "peak_time_min": float(OGTT_TIMES[k]), "insulin_auc_0_120": auc,
        "glucose_3h_mmol_l": g[-1],
    }
    return LabResult("ogtt", tuple(rows[0]), tuple(rows), summary)


def ivgtt(req: LabRequest) -> LabResult:
    sim = prepare(req.preset, req.settings, adapt_days=req.adapt_days)
    _fast(sim)
    t0 = sim.state.time_min
    rows = [_row(sim, 0.0)]
    sim.hold_inputs(iv_glucose_mg_kg_min=IVGTT_DOSE_MG_KG / IVGTT_INJECT_MIN)
    sim.run_until(t0 + IVGTT_INJECT_MIN)
    sim.hold_inputs(iv_glucose_mg_kg_min=0.0)
    for t in IVGTT_TIMES[1:]:
        sim.run_until(t0 + t)
        rows.append(_row(sim, t))
    at = {r["time_min"]: r for r in rows}
    g0, i0 = rows[0]["blood_glucose_mmol_l"], rows[0]["blood_insulin_uu_ml"]
    airg = float(np.mean([at[t]["blood_insulin_uu_ml"] for t in AIRG_TIMES])) - i0
    slope = np.polyfit(KG_TIMES, np.log([at[t]["blood_glucose_mmol_l"] for t in KG_TIMES]), 1)[0]
    summary = _base(req, "ivgtt") | {
        "dose_mg_kg": IVGTT_DOSE_MG_KG,
        "fasting_glucose_mmol_l": g0, "fasting_insulin_uu_ml": i0,
        "peak_glucose_mmol_l": max(r["blood_glucose_mmol_l"] for r in rows),
        "peak_insulin_uu_ml": max(r["blood_insulin_uu_ml"] for r in rows),
        "airg_uu_ml": airg, "kg_percent_min": float(-100.0 * slope),
        "glucose_60min_mmol_l": at[60]["blood_glucose_mmol_l"],
    }
    return LabResult("ivgtt", tuple(rows[0]), tuple(rows), summary)


def fast_then_clamp(sim: Simulation, insulin: float = 100.0, glucose: float = 5.0) -> dict[str, float]:
    """From midnight (dinner at 19:00): a 12-h fast, then a 120-min clamp. The liver's output (EGP)
    and the infusion are means over the last 30 min of each phase, mg/kg/min; ``suppression`` is
    1 − clamp EGP / fasting EGP."""
    t0 = sim.state.time_min
    sim.run_until(t0 + FAST_END_MIN - 30.0)
    e0 = float(sim.state.acc_liver_out_mg_kg[0])
    sim.run_until(t0 + FAST_END_MIN)
    a = sim.state.arrays
    out = {"glucose": float(a["glucose_mmol_l"][0]), "insulin": float(a["insulin_uu_ml"][0]),
           "glucagon": float(a["glucagon_pg_ml"][0]), "liver_fat_pct": float(a["liver_fat_pct"][0]),
           "egp": (float(sim.state.acc_liver_out_mg_kg[0]) - e0) / 30.0}
    sim.hold_inputs(clamp_glucose_mmol_l=glucose, clamp_insulin_uu_ml=insulin)
    t1 = sim.state.time_min
    sim.run_until(t1 + CLAMP_MIN - 30.0)
    e1, m1 = float(sim.state.acc_liver_out_mg_kg[0]), float(sim.state.acc_infused_mg_kg[0])
    sim.run_until(t1 + CLAMP_MIN)
    out["egp_clamp"] = (float(sim.state.acc_liver_out_mg_kg[0]) - e1) / 30.0
    out["m_value"] = (float(sim.state.acc_infused_mg_kg[0]) - m1) / 30.0
    out["glucagon_clamp"] = float(sim.state.glucagon_pg_ml[0])
    out["suppression"] = 1.0 - out["egp_clamp"] / out["egp"]
    return out


def clamp(req: LabRequest) -> LabResult:
    if not (1.0 <= req.insulin_uu_ml <= 5000.0):
        raise LabSetupError(f"--insulin must be between 1 and 5000 µU/mL, got {req.insulin_uu_ml:g}")
    sim = prepare(req.preset, req.settings, adapt_days=req.adapt_days, cell_type=req.cell)
    _fast(sim)
    t0 = sim.state.time_min
    sim.hold_inputs(clamp_glucose_mmol_l=5.0, clamp_insulin_uu_ml=req.insulin_uu_ml)
    rows = []
    acc_at: dict[float, float] = {}
    for t in np.arange(0.0, CLAMP_MIN + 1e-9, 10.0):
        sim.run_until(t0 + float(t))
        acc_at[float(t)] = float(sim.state.acc_infused_mg_kg[0])
        row = _row(sim, float(t))
        prev = acc_at.get(float(t) - 10.0)
        row["infusion_mg_kg_min"] = (acc_at[float(t)] - prev) / 10.0 if prev is not None else 0.0
        rows.append(row)
    m = (acc_at[CLAMP_MIN] - acc_at[CLAMP_MIN - 30.0]) / 30.0
    summary = _base(req, "clamp") | {
        "insulin_uu_ml": req.insulin_uu_ml, "glucose_target_mmol_l": 5.0, "m_value_mg_kg_min": m,
        "mean_glucose_last30_mmol_l": float(np.mean([r["blood_glucose_mmol_l"] for r in rows[-4:]])),
    }
    return LabResult("clamp", tuple(rows[0]), tuple(rows), summary)


def _population(sim: Simulation, n: int) -> Simulation:
    state = State.from_values(sim.state.column(0), n, time_min=sim.state.time_min)
    if sim.state.tissue is not None:  # the body's own muscle comes along (model/tissues.py)
        state.tissue = {k: np.repeat(a[:1], n) for k, a in sim.state.tissue.items()}
    return Simulation(sim.params, state, turn_min=sim.turn_min)


def dose_response(req: LabRequest) -> LabResult:
    if req.cell not in ("muscle", "fat", "liver"):
        raise LabSetupError(f"--cell {req.cell!r}: choose muscle, fat or liver")
    one = prepare(req.preset, req.settings, adapt_days=req.adapt_days, cell_type=req.cell)
    _fast(one)
    sim = _population(one, len(DOSES))
    t0 = sim.state.time_min
    held: dict[str, Any] = {"clamp_glucose_mmol_l": 5.0, "clamp_insulin_uu_ml": np.array(DOSES)}
    sim.hold_inputs(**held)  # one insulin level per column
    sim.run_until(t0 + DOSE_HOLD_MIN - 30.0)
    acc = TurnAccumulator(len(DOSES))
    sim.run_until(t0 + DOSE_HOLD_MIN, acc)
    uptake = acc.means()["mean_cell_uptake_mg_kg_min"]
    rows = [
        {"insulin_uu_ml": d, "mean_cell_uptake_mg_kg_min": float(uptake[i]),
         "signaling_active_frac": float(sim.state.signaling_active_frac[i]),
         "glut4_membrane_frac": float(sim.state.glut4_membrane_frac[i])}
        for i, d in enumerate(DOSES)
    ]
    fit = fit_hill(DOSES, [float(x) for x in uptake])
    summary = _base(req, "dose-response") | {
        "cell": req.cell, "uptake_unit": "mg glucose per kg tissue per min",
        "ec50_uu_ml": fit.ec50, "vmax": fit.vmax, "basal_uptake": fit.basal, "hill": fit.hill,
        "fit_r2": fit.r2,
    }
    return LabResult("dose-response", tuple(rows[0]), tuple(rows), summary)



def _meal_day_one(preset: str, settings: Mapping[str, float], adapt_days: float) -> tuple[list[dict[str, float]], dict[str, float]]:
    sim = prepare(preset, settings, adapt_days=adapt_days)
    t0 = sim.state.time_min
    sim.schedule_diet("standard", 1.0)
    rows = [_row(sim, 0.0)]
    acc = TurnAccumulator(1)
    for t in np.arange(10.0, 1440.0 + 1e-9, 10.0):
        sim.run_until(t0 + float(t), acc)
        rows.append(_row(sim, float(t)))
    m = acc.means()
    ex = acc.extremes()
    stats = {
        "mean_glucose_mmol_l": float(m["mean_glucose_mmol_l"][0]),
        "max_glucose_mmol_l": float(ex["max_glucose_mmol_l"][0]),
        "mean_insulin_uu_ml": float(m["mean_insulin_uu_ml"][0]),
        "mean_cell_energy_frac": float(m["mean_energy_frac"][0]),
        "min_cell_energy_frac": float(ex["min_energy_frac"][0]),
        "mean_glycogen_frac": float(np.mean([r["glycogen_frac"] for r in rows[1:]])),
        "mean_cell_uptake_mg_kg_min": float(m["mean_cell_uptake_mg_kg_min"][0]),
        "mean_signaling_health": float(m["mean_signaling_health"][0]),
    }
    return rows, stats


def meal_day(req: LabRequest) -> LabResult:
    names = meal_day_names(req.preset, req.compare)
    runs = [
        _meal_day_one(req.preset, req.settings, req.adapt_days),
        _meal_day_one(req.compare, {}, req.adapt_days),
    ]
    rows = []
    for k, base in enumerate(runs[0][0]):
        row = {"time_min": base["time_min"], **{c: base[c] for c in MEAL_DAY_COLUMNS}}
        for name, (r, _) in zip(names, runs, strict=True):
            for c in MEAL_DAY_COLUMNS:
                row[f"{name}_{c}"] = r[k][c]
        rows.append(row)
    summary = _base(req, "meal-day") | {"compare": req.compare}
    for name, (_, stats) in zip(names, runs, strict=True):
        summary.update({f"{name}_{k}": v for k, v in stats.items()})
    return LabResult("meal-day", tuple(rows[0]), tuple(rows), summary)


PROTOCOLS: dict[str, Callable[[LabRequest], LabResult]] = {
    "fasting": fasting,
    "ogtt": ogtt,
    "ivgtt": ivgtt,
    "clamp": clamp,
    "dose-response": dose_response,
    "meal-day": meal_day,
}
