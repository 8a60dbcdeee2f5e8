"""Every shipped level is fair and has stakes: ``search`` wins it, ``idle`` loses it — with a
margin —, ``search`` barred from each entry of its key actions loses it, random play rarely wins
it, an energy goal or failure decides against a player without the lesson on every campaign
level, and across the campaign greedy earns at most ★★ on most levels after the first three.

The guard for recalibration. A level whose proof holds by less than ``MIN_MARGIN`` (relative to
the goal's bound) fails too: a small change to the model would flip it. Re-tune with
``python -m sim.levels.tune`` (docs/levels.md, "the tune loop").
"""

import math

import numpy as np
import pytest

from sim.levels import LevelRun, campaign_levels, level_files, levels_dir, load_level
from sim.levels.goals import GoalTracker
from sim.levels.level import Goal
from sim.levels.prove import (
    ENERGY_QUANTITIES,
    GREEDY_FULL_MAX_SHARE,
    RANDOM_MAX_RATE,
    RANDOM_PLAYERS,
    TUTORIAL_LEVELS,
    curve_warning,
    energy_bites,
    prove,
)
from sim.levels.tune import goal_value, main, tune
from sim.policies import get_policy
from sim.policies.random_play import random_win_rate
from sim.policies.search import BeamSearch

MIN_MARGIN = 0.03


@pytest.mark.slow
@pytest.mark.parametrize("path", level_files(), ids=lambda p: p.stem)
def test_level_is_winnable_and_not_trivial_with_a_margin(path):
    tn = tune(load_level(path))
    search, idle = tn.bots["search"].result, tn.bots["idle"].result
    table = f"run `python -m sim.levels.tune {path}` to see every goal's value and margin"
    assert search.won, f"{path.name}: search cannot win it ({search.failed_because}); {table}"
    assert not idle.won, f"{path.name}: idle wins it; {table}"
    assert tn.search_margin >= MIN_MARGIN, f"{path.name}: search wins by only {tn.search_margin:.1%}; {table}"
    assert tn.idle_margin >= MIN_MARGIN, f"{path.name}: idle loses by only {tn.idle_margin:.1%}; {table}"


@pytest.mark.slow
@pytest.mark.parametrize("path", level_files(), ids=lambda p: p.stem)
def test_level_is_lost_without_each_key_action_entry_and_rarely_won_by_chance(path):
    level = load_level(path)
    assert level.key_actions, f"{path.name}: declare the actions its lesson needs as key_actions"
    for group in level.key_actions:
        barred = LevelRun(level, 0).play_out(BeamSearch(barred=frozenset(group)))
        assert not barred.won, f"{path.name}: search wins it without {list(group)} ({barred.stars}★)"
    rate = random_win_rate(level, RANDOM_PLAYERS, seed=0)
    assert rate.rate <= RANDOM_MAX_RATE, (
        f"{path.name}: random play wins {rate.wins} of {rate.players} (allowed {RANDOM_MAX_RATE:.0%})")


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted((levels_dir() / "campaign").glob("*.toml")), ids=lambda p: p.stem)
def test_campaign_level_has_an_energy_stake_that_bites_a_player_without_the_lesson(path):
    proof = prove(load_level(path))
    assert proof.energy.conditions, f"{path.name}: give it an energy goal or failure ({', '.join(ENERGY_QUANTITIES)})"
    assert proof.energy.real, f"{path.name}: {proof.energy.words()} (idle, barred searches, random players)"


def test_energy_bites_count_an_energy_fail_and_a_missed_energy_goal_but_not_an_early_end_by_another_fail():
    level = load_level(levels_dir() / "campaign" / "07_mitochondria.toml")
    energy_goal = next(g for g, goal in enumerate(level.goals) if goal.quantity in ENERGY_QUANTITIES)
    other_fail = next((f for f, c in enumerate(level.fails) if c.quantity not in ENERGY_QUANTITIES), None)
    t = GoalTracker(level.goals, level.fails, 3, level.turns)
    t.failed[:] = [-1, -1, -1 if other_fail is None else other_fail]
    bites = energy_bites(level, t)  # nothing measured: every goal missed
    assert level.goals[energy_goal].slug in bites[0] and bites[0] == bites[1]
    if other_fail is not None:
        assert bites[2] == ""


@pytest.mark.slow
def test_greedy_earns_three_stars_on_few_campaign_levels_after_the_first_three():
    later = campaign_levels()[TUTORIAL_LEVELS:]
    full = [lv.slug for lv in later if LevelRun(lv, 0).play_out(get_policy("greedy")).stars >= 3]
    assert len(full) < GREEDY_FULL_MAX_SHARE * len(later), f"greedy earns ★★★ on {full}"


def test_random_win_rate_is_seeded_and_counts_every_player():
    level = load_level(level_files()[0])
    a, b = random_win_rate(level, 8, seed=5), random_win_rate(level, 8, seed=5)
    assert a == b and sum(a.stars) == 8 and a.wins == sum(a.stars[1:])


def test_level_runs_are_deterministic():
    from sim.levels import LevelRun
    from sim.policies import get_policy

    path = level_files()[0]
    digests = []
    for _ in range(2):
        run = LevelRun(load_level(path), seed=3)
        run.play_out(get_policy("greedy"))
        digests.append(run.sim.state.digest())
    assert digests[0] == digests[1]


def _goal(kind, above=None, below=None, share=1.0):
    return Goal("g", "", kind, "glucose_mean", above, below, share, 1)


def test_goal_margins_are_relative_to_the_bound():
    v = goal_value(_goal("mean", below=10.0), np.array([8.0, 10.0]), 2)
    assert v.met and math.isclose(v.value, 9.0) and math.isclose(v.margin, 0.1)
    v = goal_value(_goal("end", above=0.5), np.array([0.9, 0.4]), 2)
    assert not v.met and math.isclose(v.margin, -0.2)


def test_share_margin_is_the_deciding_turn():
    # need 3 of 4 turns below 10: the third-best turn (9.5) decides, 5% inside the bound
    v = goal_value(_goal("share_of_turns", below=10.0, share=0.75), np.array([12.0, 9.0, 8.0, 9.5]), 4)
    assert v.met and math.isclose(v.value, 0.75) and math.isclose(v.margin, 0.05)
    v = goal_value(_goal("share_of_turns", below=10.0, share=1.0), np.array([12.0, 9.0, 8.0, 9.5]), 4)
    assert not v.met and math.isclose(v.margin, -0.2)


def test_tune_cli_prints_each_goal_for_the_three_bots(capsys):
    path = level_files()[0]
    assert main([str(path), "--probe"]) == 0
    out = capsys.readouterr().out
    lv = load_level(path)
    assert lv.slug in out and "search wins by" in out and "probe idle" in out
    assert all(f"  {g.slug} " in out for g in lv.goals)


def _proof(slug, greedy_stars):
    from types import SimpleNamespace

    result = SimpleNamespace(stars=greedy_stars, won=greedy_stars >= 1)
    return SimpleNamespace(level=SimpleNamespace(slug=slug), results={"greedy": result})


def test_curve_warns_when_greedy_loses_a_tutorial_level():
    proofs = [_proof("01", 3), _proof("02", 0), _proof("03", 3), _proof("04", 1)]
    assert "02" in curve_warning(proofs) and "01" not in curve_warning(proofs)


def test_curve_warns_when_the_tutorial_earns_greedy_no_more_stars_than_later():
    assert "on average" in curve_warning([_proof("01", 1), _proof("02", 1), _proof("03", 1), _proof("04", 3)])
    assert curve_warning([_proof("01", 3), _proof("02", 2), _proof("03", 3), _proof("04", 1)]) == ""
