"""Levels: files, validation, rules of play, goals, scoring, and the run a player or bot plays.

Public API (the game front end and the CLI build on these names)::

    from sim.levels import load_level, campaign_levels, Level, LevelRun
    level = load_level("levels/campaign/01_insulin_key.toml")
    run = LevelRun(level, seed=0)
    obs = run.observe(); report = run.step([Action("walk")]); result = run.result()

Must not import pygame.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sim.levels.actions import ActionSpec
from sim.levels.goals import GoalProgress
from sim.levels.level import FailCondition, Goal, Level, Question
from sim.levels.loader import load_level, parse_level
from sim.levels.play import ActionNotAllowed, Playthrough
from sim.levels.run import LevelResult, LevelRun, Observation

CHALLENGE_SUFFIX = ".challenge.toml"


def levels_dir() -> Path:
    """The shipped levels: the repository's ``levels/`` folder, installed as the package
    ``sim.levels.shipped`` (setup.py maps it). Installs are unzipped (wheels, editable installs,
    PyInstaller), so the resource is a real folder and callers may glob it."""
    return Path(str(resources.files("sim.levels.shipped")))


def level_files(paths: list[str | Path] | None = None) -> list[Path]:
    """Level files under ``paths`` (files and folders, recursively), sorted by name per folder.

    Classroom challenges (``*.challenge.toml``) live among the levels but are not level files:
    a folder's walk skips them (``python -m sim challenge check`` checks those)."""
    if not paths:
        paths = [levels_dir()]
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(q for q in sorted(p.rglob("*.toml")) if not q.name.endswith(CHALLENGE_SUFFIX))
        else:
            out.append(p)
    return out


def campaign_levels() -> list[Level]:
    """The campaign: ``levels/campaign/*.toml`` sorted by file name."""
    return [load_level(p) for p in sorted((levels_dir() / "campaign").glob("*.toml"))]


__all__ = [
    "ActionNotAllowed", "ActionSpec", "FailCondition", "Goal", "GoalProgress", "Level", "LevelResult",
    "LevelRun", "Observation", "Playthrough", "Question", "campaign_levels", "level_files", "levels_dir",
    "load_level", "parse_level",
]
