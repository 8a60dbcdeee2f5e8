"""Preparing a lab subject: a preset, ``--set`` changes and days of adaptation on a standard diet.

``--set KEY=VALUE`` keys (``SETTINGS``) are the knobs of ``sim/data/parameters.toml`` by the same
names, with the same meaning, as a level's ``cell.knobs`` and ``sweep --param``: the value
*replaces* the preset's (``receptor_number=0.5`` is half a healthy cell's, whatever the preset).
The ``imposed_*`` knobs are levels from 0 (none) to 1 (severe) held by a constant drive; the lab
also starts the factor there, so a protocol measures the held level from its first minute.
``run --set`` uses the same parser. Must not import pygame.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import attrs

import numpy as np

from sim.engine import Simulation
from sim.errors import UserError
from sim.model.parameters import knob_range, specs, value_problem


class LabSetupError(UserError):
    """A ``--set`` key or value, a preset or a protocol option the lab cannot use."""


@attrs.frozen
class Setting:
    key: str  # the knob's name, as in parameters.toml [knobs]
    state: str | None  # the state variable a level (imposed_*) also starts at
    lo: float
    hi: float
    meaning: str


# The factor each imposed level holds; the lab starts the factor's state there too.
_STARTS = {"imposed_inflammation": "inflammation_frac", "imposed_oxidative_stress": "oxidative_stress_frac",
           "imposed_er_stress": "er_stress_frac", "imposed_lipotoxicity": "lipotoxic_frac"}
# Names --set used before it took the knobs' own names (no shipped file uses them): a hint only.
RENAMED = {"inflammation": "imposed_inflammation", "oxidative_stress": "imposed_oxidative_stress",
           "er_stress": "imposed_er_stress", "lipotoxicity": "imposed_lipotoxicity"}


def settings() -> dict[str, Setting]:
    return {k: Setting(k, _STARTS.get(k), *knob_range(k), spec.source) for k, spec in specs()["knobs"].items()}


def valid_keys_text() -> str:
    return ", ".join(f"{s.key} ({s.lo:g}–{s.hi:g})" for s in settings().values())


def parse_settings(items: Sequence[str]) -> dict[str, float]:
    """``["KEY=VALUE", …]`` → {key: value}; unknown keys or values out of range raise."""
    known = settings()
    out: dict[str, float] = {}
    for item in items:
        key, sep, text = item.partition("=")
        key = key.strip()
        if not sep:
            raise LabSetupError(f"--set {item!r}: expected KEY=VALUE; valid keys: {valid_keys_text()}")
        if key in RENAMED:
            raise LabSetupError(f"--set {key}: now called {RENAMED[key]} (its name in levels and sweeps); "
                                f"valid keys: {valid_keys_text()}")
        if key not in known:
            raise LabSetupError(f"--set: unknown key {key!r}; valid keys: {valid_keys_text()}")
        try:
            value = float(text)
        except ValueError:
            raise LabSetupError(f"--set {key}: {text!r} is not a number; valid keys: {valid_keys_text()}") from None
        why = value_problem(key, value)
        if why is not None:
            s = known[key]
            raise LabSetupError(f"--set {key}={text}: out of range {s.lo:g}–{s.hi:g} ({why}); "
                                f"valid keys: {valid_keys_text()}")
        out[key] = value
    return out


def apply_settings(sim: Simulation, values: Mapping[str, float]) -> None:
    known = settings()
    for key, value in values.items():
        state = known[key].state
        if state is not None:
            arr = sim.state.arrays[state]  # replaced, not written into (State's docstring)
            sim.state.arrays[state] = np.full_like(arr, max(float(arr[0]), min(value, 0.98)))
    if values:
        sim.set_params(sim.params.evolve(**dict(values)))


def prepare(
    preset: str,
    settings: Mapping[str, float] | None = None,
    *,
    adapt_days: float = 0.0,
    cell_type: str | None = None,
    diet: str = "standard",
) -> Simulation:
    """A one-subject simulation of ``preset`` with ``settings``, at midnight, ready for a protocol."""
    try:
        sim = Simulation.from_preset(preset, cell_type=cell_type, turn_min=1440.0)
    except KeyError as e:
        raise LabSetupError(str(e.args[0])) from None
    except ValueError as e:
        raise LabSetupError(str(e)) from None
    apply_settings(sim, settings or {})
    if adapt_days < 0:
        raise LabSetupError(f"--adapt-days must be ≥ 0, got {adapt_days}")
    if adapt_days > 0:
        days = float(math.ceil(adapt_days))  # whole days, so the protocol starts at midnight
        sim.schedule_diet(diet, days)
        sim.run_until(sim.state.time_min + days * 1440.0)
    return sim
