"""Bots: the column simulation matches one subject; search beats idle; policies by name."""

import numpy as np
import pytest

from sim.errors import UserError
from sim.events import Action
from sim.levels import LevelRun, Playthrough, levels_dir, load_level
from sim.policies import Policy, get_policy

LEVEL = load_level(levels_dir() / "sandbox.toml")


def test_population_columns_follow_their_own_actions():
    single = Playthrough(LEVEL, 0, 1)
    single.step([[Action("walk")]])
    pop = Playthrough(LEVEL, 0, 1).take([0, 0, 0])
    pop.step([[], [Action("walk")], []])
    g = pop.sim.state.arrays["glucose_mmol_l"]
    assert g[0] == g[2] != g[1]
    assert np.isclose(g[1], single.sim.state.arrays["glucose_mmol_l"][0], rtol=1e-9)


def test_take_carries_active_effects_per_column():
    """A workout started half-way through a turn runs on into the next: after ``take`` reorders
    the columns, each must go on exactly as a single subject who played the same would."""
    late = Action("workout", offset_min=30.0)  # 45 min: the last 15 fall in the next turn
    pop = Playthrough(LEVEL, 0, 1).take([0, 0])
    pop.step([[late], []])
    moved = pop.take([1, 0])
    moved.step([[], []])
    for col, first in ((0, []), (1, [late])):
        single = Playthrough(LEVEL, 0, 1)
        single.step([first])
        single.step([[]])
        for k in ("glut4_membrane_frac", "glucose_mmol_l", "energy_frac"):
            assert np.isclose(moved.sim.state.arrays[k][col], single.sim.state.arrays[k][0], rtol=1e-9)
    assert moved.sim.state.arrays["glut4_membrane_frac"][1] != moved.sim.state.arrays["glut4_membrane_frac"][0]


@pytest.mark.parametrize("name", ["idle", "greedy", "search"])
def test_policies_satisfy_the_protocol(name):
    p = get_policy(name)
    assert isinstance(p, Policy) and p.name == name


def test_unknown_policy_is_a_user_error():
    with pytest.raises(UserError, match="unknown policy"):
        get_policy("genius")


def test_search_scores_at_least_as_well_as_idle():
    lv = load_level(levels_dir() / "campaign" / "03_less_sensitive.toml")
    idle = LevelRun(lv, 0).play_out(get_policy("idle"))
    search = LevelRun(lv, 0).play_out(get_policy("search"))
    assert search.score > idle.score
