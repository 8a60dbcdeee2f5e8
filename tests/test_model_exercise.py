"""Exercise: insulin-independent GLUT4 translocation, and a transient dip of cell energy."""

import numpy as np

from sim.engine import Simulation
from sim.report import TurnAccumulator


def test_exercise_raises_muscle_glucose_uptake_even_with_signaling_near_zero():
    """Contraction moves GLUT4 to the membrane through AMPK, independently of insulin signaling
    (Lund 1995 PNAS 92:5817; Wojtaszewski 1999: intact in insulin-resistant muscle)."""
    sim = Simulation.from_preset("healthy", n=2, knobs={"signaling_capacity": 0.0})
    sim.run_until(120.0)
    assert float(np.max(sim.state.signaling_active_frac)) < 0.01
    sim.hold_inputs(exercise=np.array([0.0, 0.7]))
    sim.run_until(150.0)
    acc = TurnAccumulator(2)
    sim.run_until(180.0, acc)
    uptake = acc.means()["mean_cell_uptake_mg_kg_min"]
    assert uptake[1] > 2.0 * uptake[0]


def test_hard_exercise_dips_cell_energy_and_it_comes_back():
    """A hard bout drains the ATP/phosphocreatine buffer (Sahlin 1998: PCr falls 50–80%), which
    refills within minutes to an hour after exercise."""
    sim = Simulation.from_preset("healthy", turn_min=60.0)
    sim.run_until(60.0)
    sim.hold_inputs(exercise=1.0)
    acc = TurnAccumulator(1)
    sim.run_until(105.0, acc)
    assert float(acc.extremes()["min_energy_frac"][0]) < 0.9
    sim.hold_inputs(exercise=0.0)
    sim.run_until(165.0)
    assert float(sim.state.energy_frac[0]) > 0.97
