"""Saving and restoring a whole simulation mid-run as a JSON file (bit-exact, see engine.save).

A save file is data only: it is parsed as JSON, checked for shape and bounds, and every problem
is a ``SaveError`` naming the file and what is wrong. Must not import pygame.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from sim.datatree import shape_problem
from sim.engine import ENGINE_VERSION, Simulation
from sim.errors import SaveError
from sim.model.parameters import Parameters
from sim.state import NAMES
from sim.storage import atomic_write_text, read_text_limited

FORMAT = "amid-plenty-save/1"
MAX_CELLS_IN_SAVE = 100_000  # a save is for a game or a small study; larger runs re-simulate


def save_simulation(sim: Simulation, path: str | Path) -> None:
    atomic_write_text(path, json.dumps({"format": FORMAT, **sim.save()}))


def load_simulation(path: str | Path) -> Simulation:
    p = Path(path)
    text = read_text_limited(p, SaveError, limit=64 * 1024 * 1024)
    try:
        data: Any = json.loads(text)
    except (ValueError, RecursionError) as e:
        raise SaveError(f"{p}: not a save file (invalid JSON: {e})") from None
    shape = shape_problem(data)
    if shape is not None:
        raise SaveError(f"{p}: not a save file ({shape})")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError(f"{p}: not a save file (expected format {FORMAT!r})")
    if data.get("engine_version") != ENGINE_VERSION:
        raise SaveError(f"{p}: made by engine version {data.get('engine_version')!r}; this is {ENGINE_VERSION}")
    try:
        arrays = data["state"]["arrays"]
        if set(arrays) != set(NAMES):
            raise SaveError(f"{p}: the state's variables do not match this engine")
        n = len(arrays[NAMES[0]])
        if not (1 <= n <= MAX_CELLS_IN_SAVE) or any(len(arrays[k]) != n for k in NAMES):
            raise SaveError(f"{p}: the state's arrays have unequal or impossible lengths")
        names = set(data["params"]["values"])
        expected = set(Parameters.default().values)
        if names != expected:
            raise SaveError(f"{p}: the parameters do not match this engine ({len(names ^ expected)} differ)")
        sim = Simulation.restore(data)
    except SaveError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError) as e:
        raise SaveError(f"{p}: the save is incomplete or damaged ({type(e).__name__}: {e})") from None
    for k, a in sim.state.arrays.items():
        if not np.all(np.isfinite(a)):
            raise SaveError(f"{p}: state variable {k} holds a value that is not a finite number")
    return sim
