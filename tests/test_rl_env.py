"""The Gymnasium adapter: gymnasium's own checker, episodes, masks, determinism."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

import numpy as np
import pytest

gym = pytest.importorskip("gymnasium")

from gymnasium.utils.env_checker import check_env  # noqa: E402

from sim.levels import level_files, levels_dir, load_level  # noqa: E402
from sim.rl import LevelEnv, register, register_levels  # noqa: E402

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
    assert {"score", "stars", "won"} <= set(info)
    # The episode ends with the level: at its last turn, or earlier when one of its fails fires.
    assert steps == env.level.turns or (not info["won"] and info.get("failed_because"))
    assert steps <= env.level.turns
    with pytest.raises(RuntimeError):
        env.step(env.action_space.sample())


def test_actions_over_budget_are_skipped_not_errors() -> None:
    env = LevelEnv(LEVEL, level_seed=0)
    env.reset()
    skipped = []
    done = False
    while not done:  # to the level's end, or a fail the all-actions player runs into
        *_, done, _, info = env.step(np.ones(env.action_space.n, dtype=np.int8))
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


@pytest.mark.parametrize("path", level_files(), ids=lambda p: p.stem)
def test_every_shipped_level_makes_by_name_and_steps(path) -> None:
    env = gym.make(f"AmidPlenty/{path.stem}-v0")
    assert env.unwrapped.level.slug == path.stem
    obs, _ = env.reset(seed=1)
    obs, reward, _terminated, truncated, _ = env.step(env.action_space.sample())
    assert env.observation_space.contains(obs) and np.isfinite(reward) and not truncated


def test_env_ids_need_no_prior_import_in_module_colon_form() -> None:
    code = ("import gymnasium as gym; e = gym.make('sim.rl:AmidPlenty/sandbox-v0'); e.reset(seed=0); "
            "import sys; assert 'pygame' not in sys.modules; print(e.unwrapped.level.slug)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0 and p.stdout.strip() == "sandbox", p.stderr


def test_gymnasium_entry_point_names_the_registering_function() -> None:
    """Gymnasium before 1.0 loads ``gymnasium.envs`` entry points; the declared one must resolve."""
    (ep,) = [e for e in metadata.entry_points(group="gymnasium.envs") if e.name == "AmidPlenty"]
    assert ep.load() is register_levels
    assert set(register_levels()) == {f"AmidPlenty/{p.stem}-v0" for p in level_files()}


def test_rgb_array_is_an_image_that_follows_the_state() -> None:
    env = gym.make("AmidPlenty/11_starving_amid_plenty-v0", render_mode="rgb_array")
    env.reset(seed=0)
    first = env.render()
    assert first.shape == (180, 320, 3) and first.dtype == np.uint8
    for _ in range(6):
        env.step(np.zeros(env.action_space.n, dtype=np.int8))
    later = env.render()
    assert later.shape == first.shape and (later != first).any(axis=2).sum() > 100
    env.reset(seed=0)
    assert np.array_equal(env.render(), first)  # the same state draws the same picture


def test_rgb_array_passes_gymnasium_render_check() -> None:
    check_env(gym.make("AmidPlenty/01_insulin_key-v0", render_mode="rgb_array").unwrapped)


def test_unknown_render_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="rgb_array"):
        LevelEnv(LEVEL, render_mode="human")
