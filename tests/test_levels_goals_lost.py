"""When the engine says a mean or end goal is out of reach: exactly when no play in the turns left
can still meet it, given the quantity's physical bounds (``Quantity.bounds``), and never before."""

from types import SimpleNamespace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.levels.goals import GoalTracker
from sim.levels.level import FailCondition, Goal
from sim.levels.quantities import QUANTITIES


def report(**values: float) -> SimpleNamespace:
    """A stand-in turn report with one column: each named quantity reads the given value."""
    stats, snap = {}, {}
    for name, v in values.items():
        q = QUANTITIES[name]
        (stats if q.source == "stats" else snap)[q.key] = np.array([v])
    return SimpleNamespace(stats=stats, snapshot=SimpleNamespace(values=snap))


def lost_each_turn(goal: Goal, values: list[float], turns_total: int) -> list[bool]:
    """Whether the goal is said lost before the first turn and after each of ``values``."""
    t = GoalTracker([goal], (), 1, turns_total)
    out = [bool(t.lost(0)[0])]
    for v in values:
        t.update(report(**{goal.quantity: v}))
        out.append(bool(t.lost(0)[0]))
    return out


GLUCOSE_BELOW_5 = Goal("g", "", "mean", "glucose_mean", None, 5.0, 1.0, 1)
ENERGY_ABOVE_60 = Goal("e", "", "mean", "energy_mean", 0.6, None, 1.0, 1)


def test_mean_below_is_lost_from_the_turn_even_zero_glucose_after_cannot_save_it():
    """Four turns, mean glucose below 5: after 8, 8 the best is (16 + 2 × 0) / 4 = 4, still < 5;
    after a third 8 it is 24 / 4 = 6 ≥ 5, so lost from the third turn on, not before."""
    assert lost_each_turn(GLUCOSE_BELOW_5, [8.0, 8.0, 8.0, 0.0], 4) == [False, False, False, True, True]


def test_mean_above_is_lost_from_the_turn_even_full_energy_after_cannot_save_it():
    """Energy ≤ 1: mean energy above 60% over 5 turns needs a sum > 3; after 0, 0 the best is
    (0 + 3 × 1) / 5 = 0.6, not above 0.6: lost from the second turn (after one: 4 / 5 = 0.8)."""
    assert lost_each_turn(ENERGY_ABOVE_60, [0.0, 0.0, 1.0], 5) == [False, False, True, True]


def test_mean_above_is_never_lost_before_the_end_when_the_quantity_has_no_ceiling():
    """Insulin has no upper bound: one huge turn could still lift any mean."""
    goal = Goal("i", "", "mean", "insulin_mean", 20.0, None, 1.0, 1)
    assert lost_each_turn(goal, [0.0, 0.0, 0.0], 4) == [False, False, False, False]


def extend_with_best(t: GoalTracker, goal: Goal) -> bool:
    """Play every turn left at the quantity's most favourable bound; whether the goal is met then."""
    lo, hi = QUANTITIES[goal.quantity].bounds
    best = lo if goal.below is not None else hi
    t = t.take(np.arange(1))
    while t.turns < t.turns_total:
        t.update(report(**{goal.quantity: best}))
    return bool(t.met(0, final=True)[0])


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.floats(0.0, 1.0), min_size=1, max_size=12),
       bound=st.floats(0.05, 0.95), below=st.booleans())
def test_a_mean_goal_is_lost_exactly_when_the_best_remaining_turns_cannot_meet_it(values, bound, below):
    """At every turn, "lost" is the same as "even the best possible rest of the level misses":
    never said of a goal that can still be met, never withheld from one that cannot."""
    goal = Goal("e", "", "mean", "energy_mean", None if below else bound, bound if below else None, 1.0, 1)
    t = GoalTracker([goal], (), 1, len(values))
    for v in values:
        assert bool(t.lost(0)[0]) == (not extend_with_best(t, goal))
        t.update(report(energy_mean=v))
    assert bool(t.lost(0)[0]) == (not t.met(0, final=True)[0])


@settings(max_examples=100, deadline=None)
@given(values=st.lists(st.floats(0.0, 30.0), min_size=1, max_size=12), bound=st.floats(1.0, 20.0))
def test_a_mean_goal_once_lost_stays_lost_and_is_missed(values, bound):
    said = lost_each_turn(Goal("g", "", "mean", "glucose_mean", None, bound, 1.0, 1), values, len(values))
    first = said.index(True) if True in said else len(said)
    assert all(said[first:])
    assert said[-1] == (sum(values) / len(values) >= bound)


def test_end_goal_is_not_lost_before_its_last_turn_however_far_off():
    """Receptors end above 70%: at 10% with one turn left they could still recover in the model's
    terms (no bound forbids it), so only the last turn settles it."""
    goal = Goal("r", "", "end", "receptors", 0.7, None, 1.0, 1)
    assert lost_each_turn(goal, [0.1, 0.1, 0.1], 3) == [False, False, False, True]


def test_end_goal_is_lost_from_the_start_when_its_bound_is_physically_impossible():
    """Energy cannot exceed 1, so "end with energy above 100%" can never be met."""
    goal = Goal("e", "", "end", "energy", 1.0, None, 1.0, 1)
    assert lost_each_turn(goal, [1.0], 2) == [True, True]


def test_a_failure_leaves_no_turns_to_recover_a_mean():
    """A failure ends the level: the mean so far is the mean at the end."""
    fail = FailCondition("collapse", "", "energy_mean", None, 0.2, 1)
    goal = ENERGY_ABOVE_60
    t = GoalTracker([goal], (fail,), 1, 10)
    t.update(report(energy_mean=0.5))
    assert not t.lost(0)[0]
    t.update(report(energy_mean=0.1))
    assert t.lost(0)[0]


def test_lost_mean_goal_says_its_best_and_its_bound():
    t = GoalTracker([GLUCOSE_BELOW_5], (), 1, 4)
    for v in (8.0, 8.0, 8.0):
        t.update(report(glucose_mean=v))
    p = t.progress(0)["g"]
    assert p.lost == "out of reach: at best 6.0 mmol/L (need below 5.0 mmol/L)"
    assert p.lost.id.startswith("out of reach")
