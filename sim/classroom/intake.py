"""Reading a file a student handed in without trusting what kind of file it is.

A hand-in folder may hold a named pipe, a device or a socket called ``ana.json``: opening one for
reading waits forever for a writer. So the file is opened non-blocking, checked with ``fstat`` to
be a regular file *on the descriptor that is read* (no race between a check and the open), and
read to at most ``limit + 1`` bytes whatever size it claims. Every problem is one
``ChallengeError`` naming the file. Must not import pygame.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sim.errors import ChallengeError

NOT_REGULAR = "not a regular file (a pipe, device or socket); skipped without reading it"


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
    p = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as e:
        raise ChallengeError(f"{p}: cannot read ({e.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ChallengeError(f"{p}: {'is a folder, expected a file' if stat.S_ISDIR(st.st_mode) else NOT_REGULAR}")
        if st.st_size > limit:
            raise ChallengeError(f"{p}: {st.st_size:,} bytes is larger than the {limit:,} allowed")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            b = os.read(fd, min(1 << 16, limit + 1 - got))
            if not b:
                break
            chunks.append(b)
            got += len(b)
    except OSError as e:
        raise ChallengeError(f"{p}: cannot read ({e.strerror})") from None
    finally:
        os.close(fd)
    if got > limit:  # the file grew while it was read
        raise ChallengeError(f"{p}: larger than the {limit:,} bytes allowed")
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError as e:
        raise ChallengeError(f"{p}: not UTF-8 text (byte {e.start})") from None
