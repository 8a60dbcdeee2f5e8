"""Preparing a lab subject: a preset, ``--set`` changes and days of adaptation on a standard diet.

``--set KEY=VALUE`` keys (``SETTINGS``): the cell's knobs are multipliers of the preset's value;
the four compounding factors are levels from 0 (none) to 1 (severe), held by a constant drive
(``imposed_*`` parameters) and also set as the factor's starting value. Must not import pygame.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import attrs

from sim.engine import Simulation
from sim.errors import UserError
from sim.model.parameters import KNOB_RANGE


class LabSetupError(UserError):
    """A ``--set`` key or value, a preset or a protocol option the lab cannot use."""


@attrs.frozen
class Setting:
    key: str
    kind: str  # "multiplier" (× the preset's value) or "level" (0–1, absolute)
    target: str  # the parameter it changes
    state: str | None  # the state variable a level also starts at
    lo: float
    hi: float
    meaning: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("receptor_number", "multiplier", "receptor_number", None, *KNOB_RANGE, "insulin receptors made (and so on the surface)"),
        Setting("receptor_affinity", "multiplier", "receptor_affinity", None, *KNOB_RANGE, "insulin binding rate"),
        Setting("signaling_capacity", "multiplier", "signaling_capacity", None, *KNOB_RANGE, "IRS/PI3K/Akt transmission"),
        Setting("glut4_pool", "multiplier", "glut4_pool", None, *KNOB_RANGE, "GLUT4 transporters in the cell"),
        Setting("mito_capacity", "multiplier", "mito_capacity", None, *KNOB_RANGE, "mitochondrial oxidative capacity"),
        Setting("beta_cell_capacity", "multiplier", "beta_cell_capacity", None, *KNOB_RANGE, "insulin secreted per β-cell"),
        Setting("inflammation", "level", "imposed_inflammation", "inflammation_frac", 0.0, 1.0, "inflammatory signaling, 0 none – 1 severe"),
        Setting("oxidative_stress", "level", "imposed_oxidative_stress", "oxidative_stress_frac", 0.0, 1.0, "reactive oxygen species, 0–1"),
        Setting("er_stress", "level", "imposed_er_stress", "er_stress_frac", 0.0, 1.0, "ER stress response, 0–1"),
        Setting("lipotoxicity", "level", "imposed_lipotoxicity", "lipotoxic_frac", 0.0, 1.0, "lipotoxic intermediates, 0–1"),
    )
}


def valid_keys_text() -> str:
    return ", ".join(
        f"{s.key} ({'× preset, ' if s.kind == 'multiplier' else ''}{s.lo:g}–{s.hi:g})" for s in SETTINGS.values()
    )


def parse_settings(items: Sequence[str]) -> dict[str, float]:
    """``["KEY=VALUE", …]`` → {key: value}; unknown keys or values out of range raise."""
    out: dict[str, float] = {}
    for item in items:
        key, sep, text = item.partition("=")
        key = key.strip()
        if not sep:
            raise LabSetupError(f"--set {item!r}: expected KEY=VALUE; valid keys: {valid_keys_text()}")
        if key not in SETTINGS:
            raise LabSetupError(f"--set: unknown key {key!r}; valid keys: {valid_keys_text()}")
        try:
            value = float(text)
        except ValueError:
            raise LabSetupError(f"--set {key}: {text!r} is not a number; valid keys: {valid_keys_text()}") from None
        s = SETTINGS[key]
        if not (s.lo <= value <= s.hi):
            raise LabSetupError(
                f"--set {key}={text}: out of range {s.lo:g}–{s.hi:g}; valid keys: {valid_keys_text()}"
            )
        out[key] = value
    return out


def apply_settings(sim: Simulation, settings: Mapping[str, float]) -> None:
    changes: dict[str, float] = {}
    for key, value in settings.items():
        s = SETTINGS[key]
        if s.kind == "multiplier":
            changes[s.target] = float(sim.params.values[s.target]) * value
        else:
            changes[s.target] = value
            if s.state is not None:
                arr = sim.state.arrays[s.state]
                arr[:] = max(float(arr[0]), min(value, 0.98))
    if changes:
        sim.set_params(sim.params.evolve(**changes))


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
