"""A parameter the checks accept at 0 must not crash the model: every divisor is in POSITIVE_ONLY.

Model v4 divided by a new parameter (``cpt1_insulin_half_uu_ml``) that the list did not have, so
``--param cpt1_insulin_half_uu_ml=0`` was a ZeroDivisionError instead of exit 2. This walks every
parameter instead of trusting the list.
"""

import warnings

import numpy as np
import pytest

from sim.engine import Simulation
from sim.model.parameters import specs, value_problem

ACCEPTED_AT_ZERO = sorted(
    {k for group, d in specs().items() if group != "knobs" for k in d if value_problem(k, 0.0) is None}
)


def test_every_parameter_accepted_at_zero_runs_a_day_of_meals_to_finite_states():
    broken = []
    for name in ACCEPTED_AT_ZERO:
        sim = Simulation.from_preset("healthy", turn_min=60.0)
        sim.set_params(sim.params.evolve(**{name: 0.0}))
        sim.schedule_diet("standard", 1)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                sim.run_until(600.0)
        except (ArithmeticError, RuntimeWarning) as e:
            broken.append(f"{name}: {type(e).__name__}")
            continue
        if not all(np.all(np.isfinite(a)) for a in sim.state.arrays.values()):
            broken.append(f"{name}: a state is not finite")
    assert not broken, "add these to POSITIVE_ONLY (sim/model/parameters.py): " + ", ".join(broken)


@pytest.mark.parametrize("name", ["cpt1_insulin_half_uu_ml", "fa_ox_km_eu"])
def test_model_v4_divisors_are_refused_at_zero(name):
    assert "allowed: a finite number > 0" in value_problem(name, 0.0)
