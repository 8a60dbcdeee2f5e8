"""Presets: healthy is a steady state; the others are reached from it by running the model."""

import pytest

from sim.engine import Simulation
from sim.lab.protocols import homa_ir
from sim.model.parameters import Parameters
from sim.model.signaling import signaling_health
from sim.presets import get_preset, presets
from sim.state import State
from sim.tools.make_presets import SNACK, Phase, live


def test_every_issue_preset_is_stored():
    assert {"healthy", "resistant", "type2", "athlete"} <= set(presets())


def test_healthy_is_a_steady_state_over_ten_days():
    """Healthy β-cell mass, receptors and stores hold still on a normal diet (the β-cell set point is
    the healthy daily-mean glucose; Topp 2000)."""
    start = get_preset("healthy").state
    end = live(Parameters.default(), dict(start), Phase(10))
    assert end["beta_cell_mass_rel"] == pytest.approx(start["beta_cell_mass_rel"], rel=0.03)
    total = lambda s: s["receptor_free_rel"] + s["receptor_bound_rel"] + s["receptor_internal_rel"]  # noqa: E731
    assert total(end) == pytest.approx(1.0, abs=0.05)
    for k in ("fat_store_rel", "mito_health_frac", "signaling_proteins_frac", "adipose_kg"):
        assert end[k] == pytest.approx(start[k], rel=0.05), k


def fasting(params, state):
    sim = Simulation(params, State.from_values(state, 1))
    sim.run_until(420.0)
    return float(sim.state.glucose_mmol_l[0]), float(sim.state.insulin_uu_ml[0]), sim


@pytest.mark.slow
def test_two_months_of_surplus_and_inactivity_move_healthy_towards_resistant():
    """Overfeeding and inactivity raise fat mass, insulin and HOMA-IR and lower insulin signaling
    within weeks (Samocha-Bonet 2010; Cornier 2006)."""
    base = Parameters.default()
    healthy = dict(get_preset("healthy").state)
    params = base.evolve(mito_capacity=0.8)
    after = live(params, healthy, Phase(60, **SNACK))
    g0, i0, s0 = fasting(base, healthy)
    g1, i1, s1 = fasting(params, after)
    assert after["adipose_kg"] > healthy["adipose_kg"] + 3.0
    assert homa_ir(g1, i1) > 1.4 * homa_ir(g0, i0)
    assert signaling_health(s1.state, s1._p)[0] < signaling_health(s0.state, s0._p)[0]
