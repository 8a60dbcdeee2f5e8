"""Reinforcement learning: a Gymnasium environment over any level (optional extra ``rl``).

    import gymnasium as gym
    import sim.rl  # registers AmidPlenty/<level>-v0 for every shipped level
    env = gym.make("AmidPlenty/01_insulin_key-v0", render_mode="rgb_array")
    # or, without the import: gym.make("sim.rl:AmidPlenty/01_insulin_key-v0")
    # or any level file: sim.rl.LevelEnv("my_level.toml")

Importing this package registers the shipped levels with Gymnasium. That is the one thing done at
import time in ``sim/``, on purpose: Gymnasium 1.x dropped its entry-point plugin system, and
importing the package that registers is how it finds outside environments (``gym.make`` imports
``sim.rl`` itself for a ``"sim.rl:…"`` id). Registering lists the level folder and reads no file.

Importing ``sim.rl`` without Gymnasium installed raises an ``ImportError`` that says how to get
it. Must not import pygame.
"""

from __future__ import annotations

try:
    from sim.rl.env import (
        FEATURE_SCALES,
        FEATURES,
        LevelEnv,
        level_env_id,
        register,
        register_levels,
    )
except ModuleNotFoundError as e:  # pragma: no cover - depends on the environment
    if e.name != "gymnasium":
        raise
    raise ImportError("sim.rl needs Gymnasium: pip install 'amid-plenty[rl]' (or 'gymnasium')") from e

register_levels()

__all__ = ["FEATURES", "FEATURE_SCALES", "LevelEnv", "level_env_id", "register", "register_levels"]
