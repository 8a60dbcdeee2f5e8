"""Mass balance of glucose over a day."""

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
