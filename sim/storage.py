"""Safe file writing and reading for everything the program saves or is handed.

- ``atomic_write_text`` / ``atomic_write_bytes``: write a temporary file in the same folder,
  flush and fsync it, then ``os.replace`` it over the target (and fsync the folder), so a crash
  or a killed process leaves either the old file or the new one, never half of each.
- ``set_aside`` moves a corrupt file to ``NAME.corrupt-YYYYmmddTHHMMSS`` beside it, keeping it
  for inspection, so defaults can be used without losing anything.
- ``read_text_limited`` refuses files larger than a limit before reading them (files from
  others must not exhaust memory) and reports undecodable text as the caller's error type.

Must not import pygame.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
import time
from pathlib import Path

from sim.errors import UserError

MAX_FILE_BYTES = 4 * 1024 * 1024  # no level, save or submission comes near this


@functools.cache
def _umask() -> int:
    # Reading the umask means setting it; do it once, not on every write from every thread.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode any new file gets, so a class
        # table on a shared drive stays readable by the teacher's colleagues.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # not every platform can fsync a folder
        dfd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def set_aside(path: str | os.PathLike[str], now: float | None = None) -> Path:
    """Rename a bad file out of the way (never delete it); returns where it went."""
    src = Path(path)
    stamp = time.strftime("%Y%m%dT%H%M%S", time.localtime(now))
    dest = src.with_name(f"{src.name}.corrupt-{stamp}")
    n = 1
    while dest.exists():
        dest = src.with_name(f"{src.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(src, dest)
    return dest


def read_text_limited(
    path: str | os.PathLike[str], error: type[UserError] = UserError, limit: int = MAX_FILE_BYTES
) -> str:
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise error(f"{p}: cannot read the file (not found)") from None
    except OSError as e:
        raise error(f"{p}: cannot read ({e.strerror})") from None
    if p.is_dir():
        raise error(f"{p}: is a folder, expected a file")
    if size > limit:
        raise error(f"{p}: {size:,} bytes is larger than the {limit:,} allowed")
    try:
        return p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        raise error(f"{p}: not UTF-8 text (byte {e.start})") from None
    except OSError as e:
        raise error(f"{p}: cannot read ({e.strerror})") from None
