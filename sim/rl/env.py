"""A Gymnasium environment over any level, so reinforcement-learning agents can play it.

- **Action**: ``MultiBinary(k)`` over the level's actions, in the level's order: 1 = take it at
  the start of this turn. Actions the rules do not allow now (budget, cool-down, uses) are
  skipped, in order, and listed in ``info["skipped"]``; ``action_masks()`` gives what is
  allowed, for masked agents.
- **Observation**: ``Box(0, 1, (13 + k,), float32)``, entries named by ``FEATURES`` (state
  quantities under their ``run`` CSV column names): the turn's share of the level, blood
  glucose / 30 mmol/L, insulin / 200 µU/mL (``FEATURE_SCALES``), then cell energy, receptors, active signaling, GLUT4
  at the membrane, glycogen, inflammation, oxidative stress, working mitochondria, lipotoxic
  intermediates (each 0–1, clipped), budget left today / budget (1 without a budget), and one
  0/1 per action: allowed now.
- **Reward**: the change in the bots' value of the run (``sim.policies.evaluate``: the level's
  score as if it ended now, a large penalty for failing, a little for safe margins); at the end
  the final score counts, so the rewards sum to the final value minus the starting one.
- **Rendering**: ``render_mode="ansi"`` gives one line of text; ``"rgb_array"`` an
  ``(180, 320, 3)`` ``uint8`` picture of the state drawn with numpy (``sim.rl.render``).
- **Episode**: ends when the level does (all turns played, or a failure condition); never
  truncated. ``reset(seed=s)`` draws the level's seed from ``s`` unless the environment was made
  with a fixed ``level_seed`` (a classroom challenge's, for example).

Needs the optional extra ``rl`` (``pip install 'amid-plenty[rl]'``). Must not import pygame.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from sim.events import Action
from sim.rl.render import frame

RENDER_MODES = ("ansi", "rgb_array")

# Observation entries by name: a state quantity under its run-CSV column name, divided by its
# FEATURE_SCALES entry (1 when absent) and clipped to 0–1; then the level's own two shares.
FEATURES = ("turn_share", "blood_glucose_mmol_l", "blood_insulin_uu_ml", "cell_energy_frac", "receptors_frac", "signaling_active_frac",
            "glut4_membrane_frac", "glycogen_frac", "inflammation_frac", "oxidative_stress_frac",
            "mito_health_frac", "lipotoxic_frac", "budget_share")
FEATURE_SCALES = {"blood_glucose_mmol_l": 30.0, "blood_insulin_uu_ml": 200.0}
_STATE = FEATURES[1:12]


class LevelEnv(gym.Env[np.ndarray, np.ndarray]):
    metadata = {"render_modes": list(RENDER_MODES), "render_fps": 4}  # noqa: RUF012 - gymnasium declares it so

    def __init__(self, level: Any, level_seed: int | None = None, render_mode: str | None = None) -> None:
        from sim.levels import Level, load_level

        self.level = level if isinstance(level, Level) else load_level(Path(level))
        if render_mode is not None and render_mode not in RENDER_MODES:
            raise ValueError(f"render_mode {render_mode!r}: allowed None, {', '.join(map(repr, RENDER_MODES))}")
        self.render_mode = render_mode
        self.level_seed = level_seed
        self.slugs = [a.slug for a in self.level.actions]
        self.action_space = spaces.MultiBinary(len(self.slugs))
        self.observation_space = spaces.Box(0.0, 1.0, (len(FEATURES) + len(self.slugs),), np.float32)
        self.run: Any = None
        self._value = 0.0

    # --- gymnasium API -----------------------------------------------------------------------
    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[np.ndarray, dict[str, Any]]:
        from sim.levels import LevelRun

        super().reset(seed=seed)
        s = self.level_seed if self.level_seed is not None else int(self.np_random.integers(0, 2**31 - 1))
        self.run = LevelRun(self.level, seed=s)
        self._value = self._evaluate(final=False)
        return self._obs(), {"level_seed": s}

    def step(self, action: np.ndarray) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        if self.run is None:
            raise RuntimeError("call reset() before step()")
        if self.run.done:
            raise RuntimeError("the episode is over; call reset()")
        chosen = [s for s, on in zip(self.slugs, np.asarray(action).reshape(-1), strict=True) if on]
        play = self.run.play
        taken: list[Action] = []
        skipped: list[str] = []
        spent = 0
        for slug in chosen:
            if play.reason(0, slug, spent) is None:
                taken.append(Action(slug))
                spec = self.level.action(slug)
                spent += spec.cost if spec is not None else 0
            else:
                skipped.append(slug)
        self.run.step(taken)
        done = self.run.done
        value = self._evaluate(final=done)
        reward, self._value = value - self._value, value
        info: dict[str, Any] = {"taken": [a.kind for a in taken], "skipped": skipped}
        if done:
            res = self.run.result()
            info.update(score=res.score, stars=res.stars, won=res.won, failed_because=res.failed_because)
        return self._obs(), float(reward), bool(done), False, info

    def render(self) -> str | np.ndarray | None:
        if self.render_mode is None or self.run is None:
            return None
        v = {k: float(a[0]) for k, a in self.run.sim.snapshot().values.items()}
        if self.render_mode == "rgb_array":
            return frame(v, self.run.turn / max(self.level.turns, 1))
        return (f"turn {self.run.turn}/{self.level.turns}  glucose {v['blood_glucose_mmol_l']:.1f} mmol/L  "
                f"energy {v['cell_energy_frac']:.2f}  receptors {v['receptors_frac']:.2f}")

    def action_masks(self) -> np.ndarray:
        """Which actions the rules allow this turn (for masked agents such as MaskablePPO)."""
        if self.run is None or self.run.done:
            return np.zeros(len(self.slugs), dtype=bool)
        return np.array([self.run.play.reason(0, s) is None for s in self.slugs], dtype=bool)

    # --- helpers ---------------------------------------------------------------------------------
    def _evaluate(self, final: bool) -> float:
        from sim.policies import evaluate

        return float(evaluate(self.run.play, final=final)[0])

    def _obs(self) -> np.ndarray:
        run = self.run
        v = run.sim.snapshot().values
        led = run.play.ledgers[0]
        budget = self.level.budget_per_day
        feats = [
            run.turn / max(self.level.turns, 1),
            *(float(v[k][0]) / FEATURE_SCALES.get(k, 1.0) for k in _STATE),
            (led.budget_left / budget) if budget else 1.0,
            *self.action_masks().astype(np.float64),
        ]
        return np.clip(np.nan_to_num(np.asarray(feats, dtype=np.float32), nan=0.0), 0.0, 1.0)


NAMESPACE = "AmidPlenty"


def level_env_id(path: Path) -> str:
    """``levels/campaign/01_insulin_key.toml`` → ``AmidPlenty/01_insulin_key-v0``."""
    return f"{NAMESPACE}/{path.name.removesuffix('.toml')}-v0"


def register_levels() -> list[str]:
    """Register ``AmidPlenty/<level>-v0`` for every shipped level; returns the ids.

    The ``gymnasium.envs`` entry point names this function, for Gymnasium versions that load
    plugins (before 1.0); ``import sim.rl`` calls it for Gymnasium 1.x, which has no plugin system.
    """
    from sim.levels import level_files

    ids = []
    for path in level_files():
        env_id = level_env_id(path)
        if env_id not in gym.registry:
            gym.register(env_id, entry_point="sim.rl.env:LevelEnv", kwargs={"level": str(path)})
        ids.append(env_id)
    return ids


def register(env_id: str = "AmidPlenty/Level-v0") -> str:
    """Register the environment with Gymnasium (``gym.make(env_id, level=PATH)``); returns the id."""
    if env_id not in gym.registry:
        gym.register(env_id, entry_point="sim.rl.env:LevelEnv")
    return env_id
