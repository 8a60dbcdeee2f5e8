"""The cell's energy bar comes from sourced fuel fluxes (model v4, docs/model.md §3.3).

No fixed share of the demand is reserved for a fuel: fat covers what glucose does not, up to what
the fatty acids on offer, the mitochondria and insulin's closing of CPT1 allow. Starving amid
plenty then emerges in a hyperinsulinaemic cell whose glucose cannot get in.
"""

from types import SimpleNamespace

import numpy as np
import pytest

from sim.engine import Simulation
from sim.explain import CAUSE_WORDS
from sim.model.step import step
from tests import days

FAT_DOOR = dict(CAUSE_WORDS)["energy.fat_door-"]


def energy(sim):
    return float(np.asarray(sim.state.energy_frac).ravel()[0])


def meal_day(preset, **params):
    return days.meal_day(preset, energy, **params)


@pytest.mark.parametrize("preset", ["healthy", "athlete"])
def test_healthy_and_athlete_cells_rest_at_or_above_nine_tenths(preset):
    """Issue #10: healthy and athlete presets rest at ≥ 0.9 — over a day of meals and after the
    night's fast, whatever the glycogen (fasting muscle runs on fat, Kelley 1999)."""
    assert meal_day(preset).min() >= 0.9
    sim = Simulation.from_preset(preset, turn_min=30.0)
    sim.state.arrays["glycogen_frac"] = sim.state.arrays["glycogen_frac"] * 0.0 + 0.05
    sim.run_until(420.0)
    assert energy(sim) >= 0.9


def test_a_resistant_cell_runs_short_amid_plenty_because_insulin_shuts_its_fat_door():
    """Hyperinsulinaemia raises muscle malonyl-CoA, which blocks CPT1 (Rasmussen 2002;
    Bandyopadhyay 2006), while the resistant cell's glucose uptake stays low: over a day of meals
    its energy falls below a healthy cell's although its blood holds more glucose and fatty acids.
    Open the door (CPT1 insensitive to insulin) and the shortfall disappears: it comes from that
    flux, not from a cap (after the first half hour, in which the stored state's low energy refills)."""
    resistant = meal_day("resistant")
    healthy = meal_day("healthy")
    assert resistant.mean() <= healthy.mean() - 0.04
    assert resistant.min() < 0.9
    opened = meal_day("resistant", cpt1_insulin_half_uu_ml=1e9)
    assert opened[1:].min() >= 0.97


def _fluxes(sim):
    """The model's fluxes for one minute from the present state (the engine's own step)."""
    _state, fluxes = step(SimpleNamespace(**sim.state.arrays), sim._p, sim._inputs, 1.0, False)
    return {k: float(np.asarray(v).ravel()[0]) for k, v in fluxes.items()}


def test_fat_covers_most_of_a_fasting_cells_need_and_at_most_about_half_in_a_walk():
    """Fasting leg muscle burns mostly fat (RQ ≈ 0.8: ≈ 60–85 % of its fuel, Kelley 1999); in
    moderate exercise fat covers about half of the demand and carbohydrate the rest (Romijn 1993)."""
    sim = Simulation.from_preset("healthy", turn_min=60.0)
    sim.run_until(420.0)
    rest = _fluxes(sim)
    assert 0.6 <= rest["fat_oxidised_eu_min"] / rest["atp_production_eu_min"] <= 0.85
    sim.hold_inputs(exercise=0.5)
    sim.run_until(450.0)
    walk = _fluxes(sim)
    assert walk["fat_oxidised_eu_min"] / walk["atp_demand_eu_min"] <= 0.6


def test_blood_glucose_holds_in_a_walk():
    """Exercise raises glucagon and hepatic output to match the muscles' uptake, so glucose holds
    in moderate exercise (Wasserman 1989); model v3 fell to 2.6 mmol/L in a 60-min walk."""
    sim = Simulation.from_preset("healthy", turn_min=10.0)
    sim.run_until(420.0)
    sim.hold_inputs(exercise=0.5)
    low = 99.0
    for t in range(430, 481, 5):
        sim.run_until(float(t))
        low = min(low, float(sim.state.glucose_mmol_l[0]))
    assert low >= 3.7


def test_the_fat_door_is_named_for_a_resistant_cell_and_not_for_a_healthy_one():
    """The game's cause sentence comes from the account: a fasting resistant cell is told that
    insulin kept fat out of its mitochondria; a healthy cell, whose fat door is open, is not."""
    named = {}
    for preset in ("resistant", "healthy"):
        sim = Simulation.from_preset(preset, turn_min=60.0)
        sim.run_until(300.0)
        report = sim.advance()
        named[preset] = [c for c in report.causes if getattr(c, "id", "") == FAT_DOOR]
        share = -report.attribution.get("energy.fat_door") / report.attribution.get("spent")
        if preset == "resistant":
            assert share >= 0.05
    assert len(named["resistant"]) == 1
    assert named["healthy"] == []
