"""The Gymnasium adapter: gymnasium's own checker, episodes, masks, determinism."""

from __future__ import annotations

import numpy as np
import pytest

gym = pytest.importorskip("gymnasium")

from gymnasium.utils.env_checker import check_env  # noqa: E402

from sim.levels import levels_dir, load_level  # noqa: E402
from sim.rl import LevelEnv, register  # noqa: E402

LEVEL = levels_dir() / "campaign" / "01_insulin_key.toml"


def test_gymnasium_env_checker_passes() -> None:
    check_env(LevelEnv(LEVEL), skip_render_check=True)


def test_episode_ends_with_the_level_and_reports_score() -> None:
    env = LevelEnv(load_level(LEVEL))
    obs, info = env.reset(seed=3)
    assert env.observation_space.contains(obs) and "level_seed" in info
    total, steps, done = 0.0, 0, False
    while not done:
        obs, reward, done, truncated, info = env.step(np.ones(env.action_space.n, dtype=np.int8))
        assert not truncated and env.observation_space.contains(obs)
        total += reward
        steps += 1
    assert steps == env.level.turns and {"score", "stars", "won"} <= set(info)
    with pytest.raises(RuntimeError):
        env.step(env.action_space.sample())


def test_actions_over_budget_are_skipped_not_errors() -> None:
    env = LevelEnv(LEVEL, level_seed=0)
    env.reset()
    skipped = []
    for _ in range(env.level.turns):
        *_, info = env.step(np.ones(env.action_space.n, dtype=np.int8))
        skipped += info["skipped"]
    assert skipped  # the level's daily budget runs out
    assert env.action_masks().dtype == bool


def test_same_seed_same_episode() -> None:
    def episode() -> list[float]:
        env = LevelEnv(LEVEL)
        env.reset(seed=7)
        env.action_space.seed(7)
        out = []
        for _ in range(4):
            obs, r, *_ = env.step(env.action_space.sample())
            out += [float(r), *obs.tolist()]
        return out

    assert episode() == episode()


def test_registered_env_makes_through_gym_make() -> None:
    env = gym.make(register(), level=str(LEVEL), render_mode="ansi")
    env.reset(seed=0)
    assert "glucose" in env.render()
