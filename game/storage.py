"""Files the game keeps for a player: atomic writes, and corrupt files set aside.

The byte-level work (temporary file + fsync + rename; renaming a bad file to
``<name>.corrupt-<stamp>``) is the engine's ``sim.storage``, shared with level and save files.
This module adds what the game needs on top: JSON in and out, a size limit, and ``load_json``,
which returns the parsed object, or — when the file is unreadable or not the expected shape —
sets it aside and returns ``None`` with the reason, so the game can show a message and use
defaults. Pure Python: must not import pygame.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from sim.errors import UserError
from sim.storage import atomic_write_text, read_text_limited, set_aside

__all__ = ["Loaded", "atomic_write_json", "atomic_write_text", "load_json", "set_aside"]

MAX_BYTES = 1024 * 1024  # settings and progress are a few hundred bytes


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
    if not check(data):
        return _aside(path, f"{path.name}: not the shape the game expects")
    return Loaded(data)


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
