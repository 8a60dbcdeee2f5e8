"""Shared test setup. SDL's dummy drivers are chosen before anything imports pygame."""

import os
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest
from hypothesis import HealthCheck, settings

# CI runs a few hundred cases per property, the same ones every run (derandomized: a red CI is
# reproducible and the suite's time steady); `make fuzz` (HYPOTHESIS_PROFILE=fuzz) explores many more.
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def healthy_sim():
    from sim.engine import Simulation

    def make(**kw):
        sim = Simulation.from_preset("healthy", **kw)
        sim.schedule_diet("standard", 2)
        return sim

    return make


@pytest.fixture(scope="module")
def challenge():
    """A short classroom challenge: level 1, seed 3, six turns (a file may define its own)."""
    from sim.classroom import make_challenge
    from sim.levels import levels_dir

    return make_challenge(levels_dir() / "campaign" / "01_insulin_key.toml", 3, turn_limit=6)


@pytest.fixture(scope="module")
def played(challenge):
    """The bot ``greedy``'s run of ``challenge``."""
    from sim.levels import LevelRun
    from sim.policies import get_policy

    run = LevelRun(challenge.level, seed=challenge.seed)
    run.play_out(get_policy("greedy"))
    return run


@pytest.fixture
def smaller_meals():
    """A preset living ``days`` of the standard meals each scaled by ``scale`` (the standard diet
    balances the model's expenditure, so 0.5 is a ≈ 935-kcal/day deficit; 0.32 is ≈ 600 kcal/day)."""
    from sim.engine import Simulation

    def _smaller(preset: str, days: int, scale: float) -> Any:
        sim = Simulation.from_preset(preset, turn_min=1440.0)
        sim.schedule_diet("standard", days, portion=scale)
        return sim

    return _smaller
