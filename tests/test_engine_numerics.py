"""The fixed-step scheme converges: halving the step changes a simulated day by < 1%."""

import numpy as np
import pytest

from sim.engine import Simulation
from sim.events import Action
from sim.model.numerics import drive_for_level, driven_fraction, patankar


def day(dt):
    sim = Simulation.from_preset("healthy", dt_min=dt, seed=1)
    sim.schedule_diet("standard", 1)
    reports = [sim.advance([Action("walk")] if t == 16 else []) for t in range(24)]
    mean = lambda k: float(np.mean([r.stats[k][0] for r in reports]))  # noqa: E731
    return {
        "mean_glucose": mean("mean_glucose_mmol_l"),
        "mean_insulin": mean("mean_insulin_uu_ml"),
        "mean_energy": mean("mean_cell_energy_frac"),
        "peak_glucose": max(float(r.stats["max_glucose_mmol_l"][0]) for r in reports),
        "end_glycogen": float(sim.state.glycogen_frac[0]),
        "end_receptors": float(sim.state.receptor_free_rel[0] + sim.state.receptor_bound_rel[0]),
        "end_liver_glycogen": float(sim.state.liver_glycogen_g[0]),
    }


@pytest.mark.slow
def test_halving_the_step_changes_a_day_by_less_than_one_percent():
    coarse, fine = day(1.0), day(0.5)
    for k in coarse:
        assert abs(coarse[k] - fine[k]) <= 0.01 * abs(fine[k]) + 1e-9, (k, coarse[k], fine[k])


def test_patankar_is_exact_at_steady_state_and_never_negative():
    assert patankar(2.0, 1.0, 0.5, 100.0) == pytest.approx(2.0)
    assert patankar(1.0, 0.0, 1e6, 1.0) > 0.0


def test_drive_for_level_holds_a_driven_fraction_at_that_level():
    x = 0.0
    drive = drive_for_level(0.4, 0.01)
    for _ in range(5000):
        x = driven_fraction(x, drive, 0.01, 1.0)
    assert x == pytest.approx(0.4, abs=1e-6)
