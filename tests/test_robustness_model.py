"""The model stays finite and within physical bounds under anything a player or author can do.

10,000 random action sequences run as one population per preset (each column its own random
drives and meals), plus extreme settings each with what "sensible" means for it.
"""

import numpy as np
import pytest

from sim.engine import Simulation
from sim.presets import presets
from sim.state import VARIABLES

N_SEQUENCES = 10_000


def assert_physical(sim, where=""):
    for v in VARIABLES:
        a = sim.state.arrays[v.name]
        assert np.all(np.isfinite(a)), f"{where}: {v.name} not finite"
        lo, hi = v.bounds
        assert np.all(a >= lo) and np.all(a <= hi), f"{where}: {v.name} outside [{lo}, {hi}]: {a.min()}..{a.max()}"


def random_turn(sim, rng, n):
    """Each column draws its own drives (actions and stressors) and maybe a meal."""
    choice = lambda values, p=None: rng.choice(np.asarray(values, dtype=float), size=n, p=p)  # noqa: E731
    sim.hold_inputs(
        exercise=choice([0, 0.3, 0.7, 1.0], [0.7, 0.1, 0.1, 0.1]),
        rest=choice([0, 1], [0.7, 0.3]),
        cytokine_src=choice([0, 0.01, 0.05], [0.8, 0.15, 0.05]),
        ros_src=choice([0, 0.03, 0.2], [0.8, 0.15, 0.05]),
        mito_src=choice([0, 0.002, 0.02], [0.85, 0.1, 0.05]),
        er_src=choice([0, 1, 5], [0.85, 0.1, 0.05]),
        ffa_src=choice([0, 0.06, 0.3], [0.85, 0.1, 0.05]),
        anti_inflammatory=choice([0, 0.8], [0.8, 0.2]),
        antioxidant=choice([0, 1], [0.8, 0.2]),
        metformin=choice([0, 1], [0.9, 0.1]),
    )
    eats = rng.random(n) < 0.3
    arr = sim.state.arrays
    arr["stomach_solid_mg"] = arr["stomach_solid_mg"] + eats * rng.uniform(0, 300_000, n)
    arr["stomach_fat_g"] = arr["stomach_fat_g"] + eats * rng.uniform(0, 120, n)
    arr["stomach_fibre_g"] = arr["stomach_fibre_g"] + eats * rng.uniform(0, 40, n)
    arr["stomach_protein_g"] = arr["stomach_protein_g"] + eats * rng.uniform(0, 100, n)


@pytest.mark.slow
@pytest.mark.parametrize("preset", sorted(presets()))
def test_random_action_sequences_keep_every_state_physical(preset):
    rng = np.random.default_rng(2026)
    sim = Simulation.from_preset(preset, n=N_SEQUENCES, seed=1, turn_min=120.0)
    for turn in range(12):
        random_turn(sim, rng, N_SEQUENCES)
        sim.advance()
        assert_physical(sim, f"{preset} turn {turn}")


def run_days(sim, days, diet="standard"):
    if diet:
        sim.schedule_diet(diet, days)
    reports = [sim.advance() for _ in range(int(days * 24))]
    assert_physical(sim)
    return reports


def test_no_receptors_means_no_insulin_signal_but_life_goes_on():
    sim = Simulation.from_preset("healthy", knobs={"receptor_number": 0.0})
    for k in ("receptor_free_rel", "receptor_bound_rel", "receptor_internal_rel"):
        sim.state.arrays[k][:] = 0.0
    run_days(sim, 1)
    assert float(sim.state.signaling_active_frac[0]) < 0.01
    assert float(sim.state.receptor_free_rel[0]) == 0.0


def test_no_mitochondria_means_the_cell_starves():
    sim = Simulation.from_preset("healthy", knobs={"mito_capacity": 0.0})
    reports = run_days(sim, 1)
    assert min(float(r.stats["min_cell_energy_frac"][0]) for r in reports) < 0.2


def test_a_huge_meal_is_absorbed_without_blowing_up():
    sim = Simulation.from_preset("healthy")
    sim.schedule(sim.meal_event("fast_food", 0.0))
    from sim.events import meal

    sim.schedule(meal(0.0, 1000.0, fat_g=300.0))
    reports = run_days(sim, 1, diet=None)
    peak = max(float(r.stats["max_glucose_mmol_l"][0]) for r in reports)
    # Raised well above fasting (≈ 4.5), yet bounded: the stomach's emptying saturates and 300 g of
    # fat brake it (model v5 peaks ≈ 27 mmol/L: emptying is Dalla Man's fast start, then braked).
    assert 6.0 < peak < 30.0
    # The stomach empties carbohydrate at a capped rate (≈ 0.65 g/min), so a day absorbs a
    # good part of the kilogram, not all of it at once.
    absorbed_g = float(sim.state.acc_gut_mg_kg[0]) * 70.0 / 1000.0
    assert 300.0 < absorbed_g < 1000.0


@pytest.mark.slow
def test_a_month_of_fasting_keeps_glucose_up_and_burns_fat():
    sim = Simulation.from_preset("healthy", turn_min=1440.0)
    start_fat = float(sim.state.adipose_kg[0])
    for _ in range(30):
        sim.advance()
    assert_physical(sim)
    assert 2.5 < float(sim.state.glucose_mmol_l[0]) < 5.6  # gluconeogenesis holds it up
    assert float(sim.state.liver_glycogen_g[0]) < 20.0
    assert float(sim.state.adipose_kg[0]) < start_fat - 3.0  # ≈ 1,870 kcal/day from fat
