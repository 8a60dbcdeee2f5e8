"""Errors a user can fix. One type per file family; each message names the file, the place and
what is allowed. The CLI prints them in one line and exits 2; the game shows them on screen.
Must not import pygame.
"""

from __future__ import annotations


class UserError(ValueError):
    """Base of every error whose message is written for the person who can fix it."""


class LevelError(UserError):
    """A level or content file is unreadable or invalid."""


class SaveError(UserError):
    """A snapshot, replay, settings or progress file is unreadable or invalid."""


class ChallengeError(UserError):
    """A challenge, submission or result code is unreadable or invalid."""


def found(v: float, lo: float, hi: float) -> str:
    """``v`` as an out-of-range message shows it: short (``:g``), unless rounding would make it
    look allowed or equal to a bound (959.9999999995 shown as 960 beside "allowed: 0 to 960");
    then every digit (``repr``)."""
    short = f"{v:g}"
    looks_allowed = lo <= float(short) <= hi or short in (f"{lo:g}", f"{hi:g}")
    return repr(float(v)) if looks_allowed else short
