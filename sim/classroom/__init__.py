"""Classroom challenges: a teacher's challenge file, students' submissions, result codes, grading.

The game's in-game challenge flow builds on these names::

    from sim.classroom import load_challenge, make_submission, write_submission, result_code
    ch = load_challenge("week3.challenge.toml")      # ChallengeError if anything is wrong
    ch.title, ch.questions, ch.reflection, ch.locked_settings
    run = LevelRun(ch.level, seed=ch.seed)           # ch.level: only the allowed actions, ch.turn_limit turns
    ...                                              # ask ch.questions first, play, then ch.reflection
    sub = make_submission(ch, name, {"q1": (choice, confidence), "r1": "text"}, run)
    path = write_submission(sub, folder)             # atomic; the name says who and which
    code = result_code(sub)                          # one line of text; parse_result_code(code, challenge=ch) == sub

Grading (``python -m sim grade``) lives in ``grade.py``, ``table.py`` and ``report.py``.
Files from others are read with size limits, never executed, and every problem is a
``ChallengeError`` naming the file and the place. Must not import pygame.
"""

from __future__ import annotations

from sim.classroom.challenge import (
    Challenge,
    ChoiceQuestion,
    ReflectionPrompt,
    check_name,
    load_challenge,
    make_challenge,
    parse_challenge,
    write_challenge,
)
from sim.classroom.codes import find_codes, parse_result_code, result_code
from sim.classroom.submission import (
    Outcome,
    Prediction,
    Submission,
    load_submission,
    make_submission,
    parse_submission,
    write_submission,
)
from sim.errors import ChallengeError

__all__ = [
    "Challenge", "ChallengeError", "ChoiceQuestion", "Outcome", "Prediction", "ReflectionPrompt", "Submission",
    "check_name", "find_codes", "load_challenge", "load_submission", "make_challenge", "make_submission",
    "parse_challenge", "parse_result_code", "parse_submission", "result_code", "write_challenge",
    "write_submission",
]
