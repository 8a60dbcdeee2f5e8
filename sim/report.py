"""Turn reports: what fired, the state after, indicators over the turn, causes in words.

``TurnAccumulator`` gathers per-step figures while a turn is integrated (time-weighted means and
extremes), so goals can ask "was glucose in range during the turn" and not just at its end.
Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
from numpy.typing import NDArray

from sim.attribution import Attribution, Attributor, add_into
from sim.events import Event
from sim.explain import turn_causes
from sim.messages import Message
from sim.model.numerics import fmax, fmin
from sim.snapshot import (
    HYPERGLYCAEMIA_MMOL_L,
    HYPERINSULINAEMIA_UU_ML,
    HYPOGLYCAEMIA_MMOL_L,
    STARVING_ENERGY_FRAC,
    Snapshot,
)
from sim.state import Array

if TYPE_CHECKING:
    from sim.engine import Simulation

TRACKED = ("glucose_mmol_l", "insulin_uu_ml", "energy_frac")
TRACKED_FLUXES = ("cell_uptake_mg_kg_min", "atp_production_eu_min", "atp_demand_eu_min", "signaling_health",
                  "secretion_uu_ml_min")


class TurnAccumulator:
    """Time-weighted sums and extremes over a turn; works on floats (N = 1) and arrays alike.
    With an ``Attributor`` it also sums the turn's account of causes (sim/attribution.py)."""

    def __init__(self, n: int, attributor: Attributor | None = None) -> None:
        self.n = n
        self.attributor = attributor
        # For a population, the engine's record to work the account out later (AccountReplay).
        self.replay: Any = None
        self.minutes = 0.0
        self.sums: dict[str, Any] = dict.fromkeys((*TRACKED, *TRACKED_FLUXES), 0.0)
        self.mins: dict[str, Any] = dict.fromkeys(TRACKED, float("inf"))
        self.maxs: dict[str, Any] = dict.fromkeys(TRACKED, float("-inf"))

    def add(self, cur: Mapping[str, Any], fluxes: Mapping[str, Any], dt: float) -> None:
        self.minutes += dt
        sums, mins, maxs = self.sums, self.mins, self.maxs
        if self.n == 1:  # floats: nothing to allocate, the plain expressions are fastest
            for k in TRACKED:
                a = cur[k]
                sums[k] = sums[k] + dt * a
                mins[k] = fmin(mins[k], a)
                maxs[k] = fmax(maxs[k], a)
            for k in TRACKED_FLUXES:
                sums[k] = sums[k] + dt * fluxes[k]
            if self.attributor is not None:
                self.attributor.add(fluxes["terms"], fluxes["glut4"], dt)
            return
        for k in TRACKED:
            a = cur[k]
            add_into(sums, k, a if dt == 1.0 else dt * a)  # 1.0·a is a exactly: one pass fewer
            lo, hi = mins[k], maxs[k]
            if lo.__class__ is np.ndarray and a.__class__ is np.ndarray and lo.shape == a.shape:
                np.minimum(lo, a, out=lo)  # in place on the accumulator's own arrays, same values
                np.maximum(hi, a, out=hi)
            else:
                mins[k] = fmin(lo, a)
                maxs[k] = fmax(hi, a)
        for k in TRACKED_FLUXES:
            add_into(sums, k, fluxes[k] if dt == 1.0 else dt * fluxes[k])
        if self.attributor is not None:
            self.attributor.add(fluxes["terms"], fluxes["glut4"], dt)

    def _arr(self, v: Any) -> Array:
        return np.broadcast_to(np.asarray(v, dtype=np.float64), (self.n,)).copy()

    def means(self) -> dict[str, Array]:
        m = max(self.minutes, 1e-12)
        return {f"mean_{k}": self._arr(v / m) for k, v in self.sums.items()}

    def extremes(self) -> dict[str, Array]:
        out = {f"min_{k}": self._arr(v) for k, v in self.mins.items()}
        out.update({f"max_{k}": self._arr(v) for k, v in self.maxs.items()})
        return out


class Deferred:
    """A value worked out on first use, then kept (a population turn's account, sim/engine.py)."""

    __slots__ = ("_fn", "_value")

    def __init__(self, fn: Callable[[], Any]) -> None:
        self._fn: Callable[[], Any] | None = fn
        self._value: Any = None

    def get(self) -> Any:
        if self._fn is not None:
            self._value, self._fn = self._fn(), None
        return self._value


@attrs.frozen
class TurnReport:
    turn: int
    start_min: float
    end_min: float
    events: tuple[Event, ...]
    snapshot: Snapshot
    stats: dict[str, Array] = attrs.field(repr=False)
    indicators: dict[str, NDArray[np.bool_]] = attrs.field(repr=False)
    _causes: tuple[Message, ...] | Deferred = attrs.field(alias="causes")
    goals: dict[str, Any] = attrs.field(factory=dict, repr=False)
    _attribution: Attribution | Deferred = attrs.field(factory=lambda: Attribution({}), repr=False,
                                                       alias="attribution")

    @property
    def causes(self) -> tuple[Message, ...]:
        c = self._causes
        return c.get() if c.__class__ is Deferred else c  # type: ignore[union-attr,return-value]

    @property
    def attribution(self) -> Attribution:
        a = self._attribution
        return a.get() if a.__class__ is Deferred else a  # type: ignore[union-attr,return-value]

    def indicator(self, name: str, i: int = 0) -> bool:
        return bool(self.indicators[name][i])


def build_report(sim: Simulation, turn: int, start: float, fired: list[Event], acc: TurnAccumulator) -> TurnReport:
    snap = sim.snapshot()
    stats = acc.means()
    stats["mean_cell_energy_frac"] = stats.pop("mean_energy_frac")
    if acc.minutes:
        stats.update(acc.extremes())
    else:
        for k in TRACKED:
            stats[f"min_{k}"] = stats[f"max_{k}"] = snap.values[k].copy()
    # The accumulator speaks the state's names (energy_frac); reports use the output name.
    for edge in ("min", "max"):
        stats[f"{edge}_cell_energy_frac"] = stats.pop(f"{edge}_energy_frac")
    indicators = {
        "starving": stats["min_cell_energy_frac"] < STARVING_ENERGY_FRAC,
        "hyperglycaemia": stats["max_glucose_mmol_l"] >= HYPERGLYCAEMIA_MMOL_L,
        "hypoglycaemia": stats["min_glucose_mmol_l"] < HYPOGLYCAEMIA_MMOL_L,
        "hyperinsulinaemia": stats["mean_insulin_uu_ml"] > HYPERINSULINAEMIA_UU_ML,
    }
    # The game's one definition of the turn it shades, announces and explains: both at once.
    indicators["starving_amid_plenty"] = indicators["starving"] & indicators["hyperglycaemia"]
    both = bool(indicators["starving_amid_plenty"][0])
    if acc.replay is not None:  # a population's account: only if someone reads it (sim/engine.py)
        acc.replay.end = dict(sim.state.arrays)
        deferred = Deferred(acc.replay)
        return TurnReport(turn, start, sim.state.time_min, tuple(fired), snap, stats, indicators,
                          Deferred(lambda: tuple(turn_causes(deferred.get(), both))), attribution=deferred)
    att = acc.attributor.finish(sim.state.arrays) if acc.attributor is not None else Attribution({})
    return TurnReport(turn, start, sim.state.time_min, tuple(fired), snap, stats, indicators,
                      tuple(turn_causes(att, both)), attribution=att)
