"""Presets: named starting conditions (parameters + state) stored in ``sim/data/presets.toml``.

Each preset is reachable from ``healthy`` by running the model (``python -m sim.tools.make_presets``
re-derives them and rewrites the file) and is stored so a level starts instantly.
Must not import pygame.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import attrs

from sim.model.parameters import Parameters
from sim.state import NAMES


@attrs.frozen
class Preset:
    name: str
    title: str
    description: str
    cell_type: str
    knobs: Mapping[str, float]
    state: Mapping[str, float]

    def parameters(self, cell_type: str | None = None) -> Parameters:
        return Parameters.default(cell_type or self.cell_type).evolve(**dict(self.knobs))


@cache
def presets() -> dict[str, Preset]:
    raw = tomllib.loads(resources.files("sim").joinpath("data/presets.toml").read_text("utf-8"))
    out: dict[str, Preset] = {}
    for name, d in raw.items():
        state: dict[str, Any] = dict(d["state"])
        for k in NAMES:
            if k.startswith("acc_"):
                state.setdefault(k, 0.0)
        out[name] = Preset(name, str(d.get("title", name)), str(d.get("description", "")),
                           str(d.get("cell_type", "muscle")), dict(d.get("knobs", {})), state)
    return out


def get_preset(name: str) -> Preset:
    p = presets()
    if name not in p:
        raise KeyError(f"unknown preset {name!r}; choose one of: {', '.join(sorted(p))}")
    return p[name]
