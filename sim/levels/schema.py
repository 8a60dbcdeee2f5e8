"""The level file format as attrs classes: what a TOML level may say, with defaults.

These records are what ``cattrs`` structures a parsed TOML document into (unknown keys are
errors); ``loader.py`` then checks meanings (known meals, times inside the level, …) and builds
the ``Level`` the rest of the engine uses. ``docs/levels.md`` documents every field.
Must not import pygame.
"""

from __future__ import annotations

from typing import Any

import attrs

EVENT_KINDS = ("meal", "stressor", "message")
GOAL_KINDS = ("share_of_turns", "mean", "end")
CLAIM_OPS = ("<", "<=", ">", ">=")


@attrs.frozen
class CellSpec:
    preset: str = "healthy"
    type: str | None = None
    knobs: dict[str, float] = attrs.field(factory=dict)
    state: dict[str, float] = attrs.field(factory=dict)


@attrs.frozen
class EventSpec:
    kind: str
    time_min: float
    meal: str | None = None
    stressor: str | None = None
    intensity: float = 1.0
    duration_min: float | None = None
    text: str = ""
    jitter_min: float = 0.0  # drawn uniformly in ±jitter_min from the level's seed
    chance: float = 1.0  # probability that the event happens at all (seeded)


@attrs.frozen
class ActionRules:
    """How a level offers one catalog action; unset fields take the catalog's defaults."""

    title: str | None = None
    hotkey: str | None = None
    cost: int | None = None
    cooldown_turns: int | None = None
    uses: int | None = None
    explain: str | None = None


@attrs.frozen
class GoalSpec:
    slug: str
    kind: str
    quantity: str
    above: float | None = None
    below: float | None = None
    share: float = 1.0  # for share_of_turns
    star: int = 1  # 1: needed to win; 2 and 3: earn the second and third star
    text: str | None = None


@attrs.frozen
class FailSpec:
    slug: str
    quantity: str
    above: float | None = None
    below: float | None = None
    turns: int = 1  # consecutive turns the condition must hold
    text: str | None = None


@attrs.frozen
class QuestionSpec:
    prompt: str
    choices: list[str]
    answer: int
    explain: str = ""


@attrs.frozen
class ClaimSpec:
    """A quantitative fact the briefing states, checked against the level by ``levels check``."""

    quantity: str
    op: str  # one of CLAIM_OPS
    value: float
    at: str = "start"  # "start" or "turn N": after N turns played without actions
    says: str = ""  # the briefing's words the claim backs


@attrs.frozen
class LevelFile:
    title: str
    briefing: str
    turns: int
    turn_min: float
    goals: list[GoalSpec]
    slug: str | None = None
    start_clock_min: float = 360.0  # time of day when the level starts (minutes after midnight)
    cell: CellSpec = attrs.field(factory=CellSpec)
    diet: str | None = None
    events: list[EventSpec] = attrs.field(factory=list)
    actions: dict[str, ActionRules] = attrs.field(factory=dict)
    budget_per_day: int = 0
    fail: list[FailSpec] = attrs.field(factory=list)
    questions: list[QuestionSpec] = attrs.field(factory=list)
    content: dict[str, Any] = attrs.field(factory=dict)  # extra meals/stressors/actions (content.toml layout)
    claims: list[ClaimSpec] = attrs.field(factory=list)
    # The level's lesson: each entry an action slug or a list of substitutes (barred together);
    # without any one entry the level is lost. Checked in loader.py, as the entries' shapes vary.
    key_actions: list[Any] = attrs.field(factory=list)
    text: dict[str, Any] = attrs.field(factory=dict)  # [text.LANG]: the words in other languages (texts.py)
