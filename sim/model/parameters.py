"""Model parameters as data: ``sim/data/parameters.toml`` gives each a value, unit and source.

``Parameters`` is a read-only bag of numbers with attribute access for the kernels. A value may
be a float (the same for every column) or a length-N array (a population whose subjects differ);
numpy broadcasting makes both work in one code path. Must not import pygame.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import SimpleNamespace
from typing import Any

import attrs
import numpy as np

from sim.errors import found

CELL_TYPES = ("muscle", "fat", "liver")
# Knobs are × normal: 0 (none) to 10×; the imposed_* knobs (unit "0–1") are levels from 0 to 1.
# Every entry point checks through value_problem.
KNOB_RANGE = (0.0, 10.0)
LEVEL_RANGE = (0.0, 1.0)
# Model parameters the kernels divide by (directly, or as a Michaelis constant beside a
# concentration that can reach 0): 0 is a ZeroDivisionError, not an experiment, so they must be
# > 0. Kept here rather than in parameters.toml so the rule sits beside its check;
# tests/test_reliability_cli_args.py checks every name is a parameter and that each at 0 is refused.
POSITIVE_ONLY = (
    "body_weight_kg", "glucose_volume_dl_kg", "gastric_carb_sat_mg", "duodenal_brake_mg", "liver_glycogen_max_g",
    "portal_flow_dl_kg_min", "beta_max_rel", "adipose_normal_kg",
    "kcal_per_kg_fat", "energy_buffer", "glycogen_capacity", "fat_store_capacity",
    "inflammation_k_on", "brain_km_mmol_l", "periph_km_mmol_l", "cell_km_mmol_l", "gng_share",
    "beta_glucotoxic_half_mmol_l", "beta_lipotoxic_half_mmol_l", "beta_pancreatic_fat_half_pct",
    "glucagon_ref_pg_ml", "liver_mass_kg", "pool_half_mmol_l", "cpt1_insulin_half_uu_ml", "fa_ox_km_eu",
)


@attrs.frozen
class ParamSpec:
    name: str
    group: str
    value: float
    unit: str
    source: str


@cache
def specs() -> dict[str, dict[str, ParamSpec]]:
    """Every parameter, by group: 'body', 'cell', and 'cell_types.<type>' overrides."""
    raw = tomllib.loads(resources.files("sim").joinpath("data/parameters.toml").read_text("utf-8"))
    out: dict[str, dict[str, ParamSpec]] = {}

    def take(group: str, table: Mapping[str, Any]) -> None:
        out[group] = {
            k: ParamSpec(k, group, float(v[0]), str(v[1]), str(v[2])) for k, v in table.items()
        }

    take("body", raw["body"])
    take("cell", raw["cell"])
    take("knobs", raw["knobs"])
    for t in CELL_TYPES:
        take(f"cell_types.{t}", raw["cell_types"].get(t, {}))
        unknown = set(out[f"cell_types.{t}"]) - set(out["cell"])
        if unknown:
            raise ValueError(f"parameters.toml: cell type {t} overrides unknown {sorted(unknown)}")
    return out


def knob_range(key: str) -> tuple[float, float]:
    """The values knob ``key`` allows: ``LEVEL_RANGE`` for a 0–1 level, else ``KNOB_RANGE``."""
    return LEVEL_RANGE if specs()["knobs"][key].unit == "0–1" else KNOB_RANGE


def value_problem(key: str, value: float) -> str | None:
    """Why ``value`` cannot be given to knob or model parameter ``key`` (None: it can).

    The one check behind levels, challenges, ``run --set``, ``experiment --set`` and ``sweep
    --param``: knobs lie in ``knob_range``; model parameters are finite and ≥ 0 (none is negative),
    and > 0 for those in ``POSITIVE_ONLY``.
    """
    v = float(value)
    if key in specs()["knobs"]:
        lo, hi = knob_range(key)
        if not (lo <= v <= hi):
            return f"found {found(v, lo, hi)}; allowed: {lo:g} to {hi:g}"
    elif key in POSITIVE_ONLY and not (np.isfinite(v) and v > 0.0):
        return f"found {found(v, 1e-300, math.inf)}; allowed: a finite number > 0 (the model divides by it)"
    elif not (np.isfinite(v) and v >= 0.0):
        return f"found {found(v, 0.0, math.inf)}; allowed: a finite number ≥ 0"
    return None


@attrs.frozen
class Parameters:
    """All parameters of one simulation; values are floats or length-N float arrays."""

    cell_type: str
    values: Mapping[str, Any] = attrs.field(repr=False)

    def __getattr__(self, name: str) -> Any:
        try:
            return object.__getattribute__(self, "values")[name]
        except KeyError:
            raise AttributeError(f"no model parameter {name!r}") from None

    @classmethod
    def default(cls, cell_type: str = "muscle") -> Parameters:
        if cell_type not in CELL_TYPES:
            raise ValueError(f"cell type {cell_type!r}: allowed {', '.join(CELL_TYPES)}")
        s = specs()
        vals: dict[str, Any] = {k: p.value for k, p in s["body"].items()}
        vals.update({k: p.value for k, p in s["cell"].items()})
        vals.update({k: p.value for k, p in s["knobs"].items()})
        vals.update({k: p.value for k, p in s[f"cell_types.{cell_type}"].items()})
        return cls(cell_type, vals)

    def namespace(self) -> SimpleNamespace:
        """A plain attribute bag for the kernels: the fastest lookup Python offers."""
        # 0-d arrays and numpy scalars become floats, so one subject runs on plain floats.
        return SimpleNamespace(**{k: (float(v) if np.ndim(v) == 0 else v) for k, v in self.values.items()})

    def evolve(self, **changes: Any) -> Parameters:
        unknown = set(changes) - set(self.values)
        if unknown:
            raise KeyError(f"unknown parameters {sorted(unknown)}")
        vals = dict(self.values)
        vals.update(changes)
        return Parameters(self.cell_type, vals)

    def scaled(self, factors: Mapping[str, Any]) -> Parameters:
        return self.evolve(**{k: self.values[k] * np.asarray(f) for k, f in factors.items()})

    def column(self, i: int) -> Parameters:
        """The parameters of subject ``i`` alone (arrays become floats)."""
        vals = {k: (float(v[i]) if np.ndim(v) else v) for k, v in self.values.items()}
        return Parameters(self.cell_type, vals)

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "cell_type": self.cell_type,
            "values": {
                k: ([float(x).hex() for x in v] if np.ndim(v) else float(v).hex())
                for k, v in self.values.items()
            },
        }

    @classmethod
    def from_jsonable(cls, data: Mapping[str, Any]) -> Parameters:
        vals: dict[str, Any] = {}
        for k, v in data["values"].items():
            vals[k] = (
                np.array([float.fromhex(x) for x in v]) if isinstance(v, list) else float.fromhex(v)
            )
        return cls(str(data["cell_type"]), vals)
