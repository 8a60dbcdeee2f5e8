"""Files the game keeps for a player: atomic writes, and corrupt files set aside.

The byte-level work (temporary file + fsync + rename; renaming a bad file to
``<name>.corrupt-<stamp>``) is the engine's ``sim.storage``, shared with level and save files.
This module adds what the game needs on top: JSON in and out, a size limit, and ``load_json``,
which returns the parsed object, or — when the file is unreadable or not the expected shape —
sets it aside and returns ``None`` with the reason, so the game can show a message and use
defaults.

Two game windows may share one data folder (two classes on one school login, a double-click
too many). ``update_json`` is how they save: it takes the file's lock (``.NAME.lock`` beside it,
through ``filelock``: ``fcntl`` on Unix, ``msvcrt`` on Windows, a lock file where neither works),
reads what is on disk *now*, lets the caller merge its own changes into that, and writes the result
atomically, all before releasing the lock, so neither window's write can overwrite what the other
saved since it last read. Pure Python: must not import pygame.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import filelock

from sim.datatree import shape_problem
from sim.errors import UserError
from sim.storage import atomic_write_text, read_text_limited, set_aside

__all__ = ["Busy", "Loaded", "atomic_write_json", "atomic_write_text", "load_json", "locked", "set_aside",
           "update_json"]

MAX_BYTES = 1024 * 1024  # settings and progress are a few hundred bytes
# A save holds the lock for milliseconds; a window that waits this long is facing a stuck lock (a
# frozen window, a network drive that lost it) and should report it rather than freeze the game.
LOCK_TIMEOUT_S = 10.0


class Busy(OSError):
    """The file's lock stayed taken for ``LOCK_TIMEOUT_S``; nothing was written."""


@attrs.frozen
class Loaded:
    """What ``load_json`` found: the data (None when absent or set aside) and why, if bad."""

    data: Any
    problem: str | None = None
    set_aside: Path | None = None


def atomic_write_json(path: Path | str, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def load_json(path: Path | str, check: Callable[[Any], bool] = lambda d: isinstance(d, dict)) -> Loaded:
    """Read JSON from ``path``; a missing file gives ``Loaded(None)``; a bad one is set aside."""
    path = Path(path)
    if not path.exists():
        return Loaded(None)
    try:
        raw = read_text_limited(path, limit=MAX_BYTES)
    except UserError as e:
        return _aside(path, str(e))
    try:
        data = json.loads(raw, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as e:
        return _aside(path, f"{path.name}: not JSON ({e.msg}, line {e.lineno})")
    except ValueError as e:  # NaN / Infinity: Python reads them, nothing else should
        return _aside(path, f"{path.name}: {e}")
    except RecursionError:
        return _aside(path, f"{path.name}: nested too deeply to be a settings file")
    shape = shape_problem(data)  # 10**400 fits no float; 60-deep nesting is no settings file
    if shape is not None:
        return _aside(path, f"{path.name}: {shape}")
    if not _writable(data):
        return _aside(path, f"{path.name}: holds a lone surrogate (\\ud800…), which is not text")
    if not check(data):
        return _aside(path, f"{path.name}: not the shape the game expects")
    return Loaded(data)


@contextlib.contextmanager
def locked(path: Path | str, timeout_s: float | None = None) -> Iterator[None]:
    """Hold ``path``'s lock (shared by every process that uses this function) for the block.

    The lock file stays behind: deleting it while another process waits on it would let a third
    one lock a new file of the same name, and both would write at once.
    """
    path = Path(path)
    timeout_s = LOCK_TIMEOUT_S if timeout_s is None else timeout_s
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        lock = filelock.FileLock(path.with_name(f".{path.name}.lock"), timeout=timeout_s)
        lock.acquire()
    except filelock.Timeout:
        raise Busy(f"another copy of the game kept {path.name} locked for {timeout_s:g} s") from None
    try:
        yield
    finally:
        lock.release()


def update_json(path: Path | str, merge: Callable[[Loaded], Any],
                check: Callable[[Any], bool] = lambda d: isinstance(d, dict)) -> tuple[Any, Loaded]:
    """Under ``path``'s lock: read it as it is now, write ``merge(what was read)``; returns both.

    A bad file on disk is set aside as ``load_json`` does (the ``Loaded`` says so) and ``merge``
    gets ``Loaded(None, problem)``. OSError (``Busy`` included) means nothing was written.
    """
    with locked(path):
        on_disk = load_json(path, check)
        data = merge(on_disk)
        atomic_write_json(path, data)
    return data, on_disk


def _writable(data: Any) -> bool:
    """Whether ``data`` can be written back: JSON's ``"\\ud800"`` reads as a lone surrogate,
    which no UTF-8 file can hold, so the next save would fail."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    v = float(text)
    if v != v or v in (float("inf"), float("-inf")):
        raise ValueError(f"{text[:20]} is too large a number")
    return v


def _aside(path: Path, why: str) -> Loaded:
    try:
        moved = set_aside(path)
    except OSError:
        return Loaded(None, why)
    return Loaded(None, why, moved)
