"""Turn reports: what fired, the state after, indicators over the turn, causes in words.

``TurnAccumulator`` gathers per-step figures while a turn is integrated (time-weighted means and
extremes), so goals can ask "was glucose in range during the turn" and not just at its end.
Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
from numpy.typing import NDArray

from sim.events import Event
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
TURN_FACTOR_WORDS = (
    ("inflammation_frac", "inflammation blocks the insulin signal ({pct:.0f}%)"),
    ("lipotoxic_frac", "fat spilling into lipotoxic intermediates blocks the signal ({pct:.0f}%)"),
    ("er_stress_frac", "the ER stress response interferes with signaling ({pct:.0f}%)"),
    ("oxidative_stress_frac", "reactive oxygen species damage receptors and signaling proteins ({pct:.0f}%)"),
)
TRACKED_FLUXES = ("cell_uptake_mg_kg_min", "atp_production_eu_min", "atp_demand_eu_min", "signaling_health")


class TurnAccumulator:
    """Time-weighted sums and extremes over a turn; works on floats (N = 1) and arrays alike."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.minutes = 0.0
        self.sums: dict[str, Any] = dict.fromkeys((*TRACKED, *TRACKED_FLUXES), 0.0)
        self.mins: dict[str, Any] = dict.fromkeys(TRACKED, float("inf"))
        self.maxs: dict[str, Any] = dict.fromkeys(TRACKED, float("-inf"))

    def add(self, cur: Mapping[str, Any], fluxes: Mapping[str, Any], dt: float) -> None:
        self.minutes += dt
        sums, mins, maxs = self.sums, self.mins, self.maxs
        for k in TRACKED:
            a = cur[k]
            sums[k] = sums[k] + dt * a
            mins[k] = fmin(mins[k], a)
            maxs[k] = fmax(maxs[k], a)
        for k in TRACKED_FLUXES:
            sums[k] = sums[k] + dt * fluxes[k]

    def _arr(self, v: Any) -> Array:
        return np.broadcast_to(np.asarray(v, dtype=np.float64), (self.n,)).copy()

    def means(self) -> dict[str, Array]:
        m = max(self.minutes, 1e-12)
        return {f"mean_{k}": self._arr(v / m) for k, v in self.sums.items()}

    def extremes(self) -> dict[str, Array]:
        out = {f"min_{k}": self._arr(v) for k, v in self.mins.items()}
        out.update({f"max_{k}": self._arr(v) for k, v in self.maxs.items()})
        return out


@attrs.frozen
class TurnReport:
    turn: int
    start_min: float
    end_min: float
    events: tuple[Event, ...]
    snapshot: Snapshot
    stats: dict[str, Array] = attrs.field(repr=False)
    indicators: dict[str, NDArray[np.bool_]] = attrs.field(repr=False)
    causes: tuple[Message, ...]
    goals: dict[str, Any] = attrs.field(factory=dict, repr=False)

    def indicator(self, name: str, i: int = 0) -> bool:
        return bool(self.indicators[name][i])


def _causes(snap: Snapshot, stats: dict[str, Array], i: int = 0) -> list[Message]:
    """Plain-words reasons for what the player sees, from the state (largest effects first)."""
    out: list[tuple[float, Message]] = []
    v = {k: float(a[i]) for k, a in snap.values.items()}
    if v["receptors_frac"] < 0.85:
        out.append((1 - v["receptors_frac"], Message(
            "receptors down {pct:.0f}% (high insulin pulls them in; ROS damage them)", pct=100 * (1 - v["receptors_frac"]))))
    if v["signaling_proteins_frac"] < 0.9:
        out.append((1 - v["signaling_proteins_frac"], Message(
            "signaling proteins damaged ({pct:.0f}%) by oxidative stress", pct=100 * (1 - v["signaling_proteins_frac"]))))
    for key, words in TURN_FACTOR_WORDS:
        if v[key] > 0.2:
            out.append((v[key], Message(words, pct=100 * v[key])))
    if v["mito_health_frac"] < 0.8:
        out.append((1 - v["mito_health_frac"], Message(
            "mitochondria working at {pct:.0f}%: less ATP, more ROS", pct=100 * v["mito_health_frac"])))
    if float(stats["max_glucose_mmol_l"][i]) > HYPERGLYCAEMIA_MMOL_L and float(stats["mean_cell_energy_frac"][i]) < 0.8:
        out.append((1.0, Message("sugar piles up outside while the cell runs short inside")))
    out.sort(key=lambda x: -x[0])
    return [w for _, w in out]


def build_report(sim: Simulation, turn: int, start: float, fired: list[Event], acc: TurnAccumulator) -> TurnReport:
    snap = sim.snapshot()
    stats = acc.means()
    stats["mean_cell_energy_frac"] = stats.pop("mean_energy_frac")
    if acc.minutes:
        stats.update(acc.extremes())
    else:
        for k in TRACKED:
            stats[f"min_{k}"] = stats[f"max_{k}"] = snap.values[k].copy()
    indicators = {
        "starving": stats["min_energy_frac"] < STARVING_ENERGY_FRAC,
        "hyperglycaemia": stats["max_glucose_mmol_l"] >= HYPERGLYCAEMIA_MMOL_L,
        "hypoglycaemia": stats["min_glucose_mmol_l"] < HYPOGLYCAEMIA_MMOL_L,
        "hyperinsulinaemia": stats["mean_insulin_uu_ml"] > HYPERINSULINAEMIA_UU_ML,
    }
    return TurnReport(turn, start, sim.state.time_min, tuple(fired), snap, stats, indicators,
                      tuple(_causes(snap, stats)))
