"""Mass balance of glucose over a day and over a month."""

import pytest

from sim.engine import Simulation
from sim.model.glucose import MG_DL_PER_MMOL_L


def test_glucose_absorbed_equals_taken_up_stored_excreted_and_pool_change():
    """Absorbed + liver output = brain + peripheral uptake + liver uptake + urine + Δ blood pool,
    within 1% over a day (conservation of mass; every flux is a coefficient × G in the kernel)."""
    sim = Simulation.from_preset("type2", turn_min=60.0)  # type2: urine losses too
    a0 = {k: float(v[0]) for k, v in sim.state.arrays.items()}
    sim.schedule_diet("standard", 1)
    sim.run_until(1440.0)
    a1 = {k: float(v[0]) for k, v in sim.state.arrays.items()}
    d = {k: a1[k] - a0[k] for k in a0 if k.startswith("acc_")}
    conv = sim.params.values["glucose_volume_dl_kg"] * MG_DL_PER_MMOL_L
    absorbed = d["acc_gut_mg_kg"]
    taken_up = d["acc_brain_mg_kg"] + d["acc_periph_mg_kg"]
    stored = d["acc_liver_in_mg_kg"] - d["acc_liver_out_mg_kg"]
    excreted = d["acc_renal_mg_kg"]
    pool = (a1["glucose_mmol_l"] - a0["glucose_mmol_l"]) * conv
    assert excreted > 0.0
    assert abs(absorbed - (taken_up + stored + excreted + pool)) <= 0.01 * absorbed


@pytest.mark.parametrize("preset", ["healthy", "resistant", "type2", "athlete"])
def test_glucose_ledger_closes_over_a_month(preset):
    """Gut + liver output + infusion = brain + periphery + liver uptake + urine + Δ blood pool,
    within 1 % of what came in over 30 days of meals, a daily sugary drink, an infection and an IV
    glucose test (model v3: nothing is clipped or lost between the kernels)."""
    sim = Simulation.from_preset(preset, turn_min=1440.0)
    a0 = {k: float(v[0]) for k, v in sim.state.arrays.items()}
    sim.schedule_diet("standard", 30)
    for d in range(30):
        sim.schedule(sim.stressor_event("infection", d * 1440.0 + 600.0) if d == 10 else
                     sim.meal_event("sugary_drink", d * 1440.0 + 900.0))
    sim.run_until(20 * 1440.0)
    sim.hold_inputs(iv_glucose_mg_kg_min=150.0)  # 0.3 g/kg over 2 min, as the IVGTT gives it
    sim.run_until(20 * 1440.0 + 2.0)
    sim.hold_inputs(iv_glucose_mg_kg_min=0.0)
    sim.run_until(30 * 1440.0)
    a1 = {k: float(v[0]) for k, v in sim.state.arrays.items()}
    d = {k: a1[k] - a0[k] for k in a0 if k.startswith("acc_")}
    conv = sim.params.values["glucose_volume_dl_kg"] * MG_DL_PER_MMOL_L
    into = d["acc_gut_mg_kg"] + d["acc_liver_out_mg_kg"] + d["acc_infused_mg_kg"]
    out = d["acc_brain_mg_kg"] + d["acc_periph_mg_kg"] + d["acc_liver_in_mg_kg"] + d["acc_renal_mg_kg"]
    pool = (a1["glucose_mmol_l"] - a0["glucose_mmol_l"]) * conv
    assert d["acc_infused_mg_kg"] >= 299.0
    assert abs(into - (out + pool)) <= 0.01 * into
