"""Reinforcement learning: a Gymnasium environment over any level (optional extra ``rl``).

    from sim.rl import LevelEnv
    env = LevelEnv("levels/campaign/01_insulin_key.toml")

Importing ``sim.rl`` without Gymnasium installed raises an ``ImportError`` that says how to get
it. Must not import pygame.
"""

from __future__ import annotations

try:
    from sim.rl.env import FEATURES, LevelEnv, register
except ModuleNotFoundError as e:  # pragma: no cover - depends on the environment
    if e.name != "gymnasium":
        raise
    raise ImportError("sim.rl needs Gymnasium: pip install 'amid-plenty[rl]' (or 'gymnasium')") from e

__all__ = ["FEATURES", "LevelEnv", "register"]
