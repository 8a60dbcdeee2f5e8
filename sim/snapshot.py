"""Read-only views of the state for the game, reports and CLI, with derived indicators.

``Snapshot`` copies every array and marks it read-only, so nothing outside the engine can change
the simulation by accident. Derived quantities (receptors as a share of healthy, HOMA-IR, …) are
computed here, in one place. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np

from sim.model.receptors import HEALTHY_SURFACE
from sim.state import Array, State

# Thresholds for the indicators a TurnReport carries (DESIGN §4 reference values). Energy is the
# share of its work the cell's fuel pays for (docs/model.md §3.3): a healthy or athlete cell never
# falls below 0.9, so a cell below 0.85 is leaving a sixth of its work — repair, building,
# reserve — undone for want of fuel: starving.
STARVING_ENERGY_FRAC = 0.85
HYPERGLYCAEMIA_MMOL_L = 11.1
HYPOGLYCAEMIA_MMOL_L = 3.9
HYPERINSULINAEMIA_UU_ML = 25.0

DERIVED_DOCS: dict[str, str] = {
    "blood_glucose_mmol_l": "blood glucose, mmol/L",
    "blood_insulin_uu_ml": "blood insulin, µU/mL",
    "cell_energy_frac": "the cell's energy reserve, 0–1",
    "receptors_frac": "surface insulin receptors, share of a healthy cell's",
    "homa_ir": "glucose × insulin / 22.5 (meaningful when fasting)",
}


def _ro(a: Array) -> Array:
    c = np.array(a, dtype=np.float64, copy=True)
    c.flags.writeable = False
    return c


@attrs.frozen
class Snapshot:
    time_min: float
    values: Mapping[str, Array] = attrs.field(repr=False)

    @classmethod
    def of(cls, state: State, extra: Mapping[str, Any] | None = None) -> Snapshot:
        vals = {k: _ro(a) for k, a in state.arrays.items()}
        for k, a in (extra or {}).items():
            vals[k] = _ro(np.broadcast_to(np.asarray(a, dtype=np.float64), (state.n,)))
        g, i = vals["glucose_mmol_l"], vals["insulin_uu_ml"]
        vals["blood_glucose_mmol_l"] = g
        vals["blood_insulin_uu_ml"] = i
        vals["cell_energy_frac"] = vals["energy_frac"]
        vals["receptors_frac"] = _ro((vals["receptor_free_rel"] + vals["receptor_bound_rel"]) / HEALTHY_SURFACE)
        vals["homa_ir"] = _ro(g * i / 22.5)
        return cls(float(state.time_min), vals)

    @property
    def n(self) -> int:
        return int(self.values["glucose_mmol_l"].shape[0])

    def __getattr__(self, name: str) -> Array:
        try:
            return object.__getattribute__(self, "values")[name]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError(name) from None

    def scalar(self, name: str, i: int = 0) -> float:
        return float(self.values[name][i])

    def names(self) -> list[str]:
        return sorted(self.values)
