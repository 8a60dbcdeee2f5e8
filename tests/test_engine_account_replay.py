"""A population's account of causes is worked out only when read (sim/engine.py AccountReplay),
and it is bit for bit the account one subject sums step by step as the turn runs."""

import numpy as np
import pytest

from sim.engine import Simulation
from sim.events import Action

ACTIONS = [[], [Action("walk")], [Action("breakfast", 25)], [Action("antioxidant"), Action("workout", 20)]]


def _play(n: int, cell_type: str | None):
    sim = Simulation.from_preset("healthy", n=n, seed=3, cell_type=cell_type)
    sim.schedule_diet("standard", 1, start_min=0.0)
    sim.schedule(sim.stressor_event("infection", 30.0))
    sim.advance()  # a turn before, so the reports below start mid-run
    return [sim.advance(a) for a in ACTIONS]


@pytest.mark.parametrize("cell_type", [None, "fat"])
def test_a_population_reads_the_same_account_and_causes_as_one_subject(cell_type):
    one, many = _play(1, cell_type), _play(3, cell_type)
    for r1, rn in zip(one, many, strict=True):
        assert rn.causes == r1.causes
        a1, an = r1.attribution.terms, rn.attribution.terms
        assert sorted(an) == sorted(a1)
        for k, v in a1.items():
            for i in range(3):  # every column is the same subject: the same bits (numerics.py)
                assert an[k][i].tobytes() == v[0].tobytes(), k


def test_a_population_turn_nobody_reads_sums_no_account():
    sim = Simulation.from_preset("healthy", n=4)
    report = sim.advance()
    assert report._attribution.__class__.__name__ == "Deferred"
    assert report._attribution._fn is not None  # not worked out yet
    assert np.isfinite(report.attribution.get("energy.fuel", 3))
    assert report._attribution._fn is None  # worked out once, kept
