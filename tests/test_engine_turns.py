"""Turns fire due events in order, split the integration at events and report what happened."""

import numpy as np
import pytest

from sim.engine import Simulation, SimulationError
from sim.events import Action, Event, Phase, meal
from sim.snapshot import Snapshot


def test_advance_moves_clock_by_turn_length(healthy_sim):
    sim = healthy_sim(turn_min=90)
    r = sim.advance()
    assert (r.start_min, r.end_min) == (0.0, 90.0)
    assert sim.state.time_min == 90.0 and sim.turn == 1


def test_advance_reports_events_fired_within_the_turn():
    sim = Simulation.from_preset("healthy")
    sim.schedule(meal(30.0, 50.0, label="snack"))
    sim.schedule(meal(60.0, 50.0, label="next-turn"))
    r = sim.advance()
    assert [e.label for e in r.events] == ["snack"]
    assert [e.label for e in sim.advance().events] == ["next-turn"]


def test_event_inside_a_turn_splits_integration_exactly():
    """A meal at minute 17.5 lands on a step boundary: no step straddles it."""
    sim = Simulation.from_preset("healthy")
    sim.schedule(meal(17.5, 60.0))
    sim.run_until(17.5)
    assert sim.state.time_min == 17.5
    assert float(sim.state.stomach_solid_mg[0]) == 0.0 or sim.state.stomach_solid_mg[0] < 1.0
    sim.run_until(17.5 + 1e-6)
    assert float(sim.state.stomach_solid_mg[0]) > 59_000


def test_action_becomes_effect_with_start_and_end(healthy_sim):
    sim = healthy_sim()
    r = sim.advance([Action("walk", offset_min=10)])
    kinds = [(e.kind, e.time_min) for e in r.events]
    assert ("action", 10.0) in kinds and ("effect_start", 10.0) in kinds and ("effect_end", 55.0) in kinds
    assert sim.active_effects() == []


def test_exercise_action_moves_glut4_to_the_membrane(healthy_sim):
    rest, walk = healthy_sim(), healthy_sim()
    rest.advance()
    walk.advance([Action("workout", offset_min=30)])  # still going when the turn ends
    assert walk.state.glut4_membrane_frac[0] > 1.5 * rest.state.glut4_membrane_frac[0]


def test_unknown_action_is_a_clear_error(healthy_sim):
    with pytest.raises(SimulationError, match="unknown action 'fly'"):
        healthy_sim().advance([Action("fly")])


def test_action_offset_outside_turn_is_rejected(healthy_sim):
    with pytest.raises(SimulationError, match="outside the turn"):
        healthy_sim().advance([Action("walk", offset_min=60)])


def test_event_in_the_past_is_rejected(healthy_sim):
    sim = healthy_sim()
    sim.advance()
    with pytest.raises(SimulationError, match="in the past"):
        sim.schedule(Event(10.0, "level", Phase.LEVEL, "late"))


def test_snapshot_is_a_read_only_copy(healthy_sim):
    sim = healthy_sim()
    snap = sim.snapshot()
    assert isinstance(snap, Snapshot)
    with pytest.raises(ValueError):
        snap.values["glucose_mmol_l"][0] = 99.0
    sim.advance()
    assert snap.time_min == 0.0 and sim.snapshot().time_min == 60.0


def test_report_indicators_flag_hyperglycaemia_in_a_failing_pancreas():
    sim = Simulation.from_preset("healthy", knobs={"beta_cell_capacity": 0.05})
    sim.schedule(meal(0.0, 150.0, liquid=True))
    reports = [sim.advance() for _ in range(3)]
    assert any(r.indicator("hyperglycaemia") for r in reports)
    assert any("mean_glucose_mmol_l" in r.stats for r in reports)


def test_every_state_stays_finite_and_within_bounds_over_two_days(healthy_sim):
    from sim.state import VARIABLES

    sim = healthy_sim()
    for t in range(48):
        sim.advance([Action("workout")] if t % 12 == 8 else [])
    for v in VARIABLES:
        a = sim.state.arrays[v.name]
        assert np.all(np.isfinite(a)), v.name
        assert np.all(a >= v.bounds[0]) and np.all(a <= v.bounds[1]), v.name
