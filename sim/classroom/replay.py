"""Replaying a hand-in's action log on its challenge: the outcome, the final state, or why it stopped.

Grading replays every log; reading a short result code (``AP2-``) replays it too, to give back the
final-state digest the code leaves out. Both ask for the same log right after each other, so the
last replay is kept (one entry: a class is graded one hand-in at a time, per process).
Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from sim.errors import UserError
from sim.events import Action

if TYPE_CHECKING:
    from sim.classroom.challenge import Challenge


@attrs.frozen
class Replay:
    result: Any  # the run's LevelResult after the last turn replayed
    final_state: str  # State.digest() then
    problem: str  # why the log could not be replayed to its end ("" when it could)


_last: list[tuple[tuple[str, tuple[tuple[Action, ...], ...]], Replay]] = []


def replay(challenge: Challenge, actions: Sequence[Sequence[Action]]) -> Replay:
    """``actions`` played on ``challenge``'s level and seed, stopping at the first turn it refuses."""
    log = tuple(tuple(turn) for turn in actions)
    key = (challenge.challenge_id, log)
    if _last and _last[0][0] == key:
        return _last[0][1]
    done = _replay(challenge, log)
    _last[:] = [(key, done)]
    return done


def _replay(challenge: Challenge, log: tuple[tuple[Action, ...], ...]) -> Replay:
    from sim.levels import LevelRun
    from sim.levels.play import at_turn

    run = LevelRun(challenge.level, seed=challenge.seed)
    allowed = set(challenge.allowed_actions)
    problem = ""
    for t, acts in enumerate(log):
        if run.done:
            problem = f"the action log has {len(log)} turns; the level ended after {t}"
            break
        bad = [a.kind for a in acts if a.kind not in allowed]
        if bad:
            problem = f"turn {t + 1}: action {bad[0]!r} is not allowed in this challenge"
            break
        try:
            run.step(list(acts))
        except UserError as e:
            problem = at_turn(t + 1, e)
            break
    return Replay(run.result(), run.sim.state.digest(), problem)


__all__ = ["Replay", "replay"]
