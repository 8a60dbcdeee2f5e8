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
