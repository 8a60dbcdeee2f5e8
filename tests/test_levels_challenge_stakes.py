"""The shipped class challenge separates students who understood from those who did not: at the
challenge's own seed, with only its allowed actions, ``search`` beats — in stars and by a clear
score margin — search barred from each key-action entry, ``idle`` and the median random player,
and random play wins no more often than ``levels prove`` allows (issue 11)."""

import numpy as np
import pytest

from sim.classroom.challenge import load_challenge
from sim.levels import LevelRun, levels_dir
from sim.levels.prove import RANDOM_MAX_RATE, RANDOM_PLAYERS
from sim.policies import get_policy
from sim.policies.random_play import random_players, rate_of
from sim.policies.search import BeamSearch

CHALLENGE = levels_dir() / "challenges" / "starving-amid-plenty.challenge.toml"
CLEAR_MARGIN = 150  # points of 1000: more than half a star's worth (250 per star)


@pytest.fixture(scope="module")
def challenge():
    return load_challenge(CHALLENGE)


@pytest.fixture(scope="module")
def understood(challenge):
    return LevelRun(challenge.level, challenge.seed).play_out(get_policy("search"))


def _beaten(understood, other, who):
    assert understood.stars > other.stars, f"{who} earns {other.stars}★ like search's {understood.stars}★"
    assert understood.score - other.score >= CLEAR_MARGIN, (
        f"{who} scores {other.score}, search {understood.score}: a gap under {CLEAR_MARGIN}")


@pytest.mark.slow
def test_challenge_search_beats_search_barred_from_each_key_action_entry(challenge, understood):
    assert challenge.level.key_actions
    for group in challenge.level.key_actions:
        barred = LevelRun(challenge.level, challenge.seed).play_out(BeamSearch(barred=frozenset(group)))
        _beaten(understood, barred, f"search without {list(group)}")


@pytest.mark.slow
def test_challenge_search_beats_idle(challenge, understood):
    _beaten(understood, LevelRun(challenge.level, challenge.seed).play_out(get_policy("idle")), "idle")


@pytest.mark.slow
def test_challenge_search_beats_the_median_random_player_and_random_wins_rarely(challenge, understood):
    crowd = random_players(challenge.level, RANDOM_PLAYERS, seed=challenge.seed, level_seed=challenge.seed)
    stars = crowd.tracker.stars(final=True)
    score = crowd.tracker.score(final=True)
    assert understood.stars > np.median(stars), f"the median random player earns {np.median(stars)}★"
    assert understood.score - np.median(score) >= CLEAR_MARGIN, f"the median random player scores {np.median(score)}"
    rate = rate_of(crowd)
    assert rate.rate <= RANDOM_MAX_RATE, f"random play wins {rate.wins} of {rate.players} at the challenge's seed"
