"""Reading a file a student handed in without trusting what kind of file it is.

A hand-in folder may hold a named pipe, a device or a socket called ``ana.json``: opening one for
reading waits forever for a writer. ``sim.storage.read_text_limited`` (which every loader uses)
opens it non-blocking and checks the descriptor it reads; here every problem is one
``ChallengeError`` naming the file. Must not import pygame.
"""

from __future__ import annotations

import stat
from pathlib import Path

from sim.errors import ChallengeError
from sim.storage import read_text_limited

NOT_REGULAR = "not a regular file (a pipe, device or socket); skipped without reading it"
LINK_OUTSIDE = "not a regular file (a link that leads outside the folder given); skipped without following it"


def kind_problem(p: Path) -> str | None:
    """Why ``p`` is not something to open (checked without opening it), or None."""
    try:
        mode = p.stat().st_mode
    except OSError as e:
        return f"cannot read ({e.strerror})"
    if stat.S_ISDIR(mode):
        return "is a folder, expected a file"
    return None if stat.S_ISREG(mode) else NOT_REGULAR


def read_limited(path: str | Path, limit: int) -> str:
    return read_text_limited(path, ChallengeError, limit, not_regular=NOT_REGULAR)
