"""Turn reports: what fired, the state after, indicators over the turn, causes in words.

``TurnAccumulator`` gathers per-step figures while a turn is integrated (time-weighted means and
extremes), so goals can ask "was glucose in range during the turn" and not just at its end.
Must not import pygame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from sim.events import Event
from sim.snapshot import (
    HYPERGLYCAEMIA_MMOL_L,
    HYPERINSULINAEMIA_UU_ML,
    HYPOGLYCAEMIA_MMOL_L,
    STARVING_ENERGY_FRAC,
    Snapshot,
)
from sim.state import Array, State

if TYPE_CHECKING:
    from sim.engine import Simulation

TRACKED = ("glucose_mmol_l", "insulin_uu_ml", "energy_frac")
TRACKED_FLUXES = ("cell_uptake_mg_kg_min", "atp_production_eu_min", "atp_demand_eu_min", "signaling_health")


class TurnAccumulator:
    def __init__(self, n: int) -> None:
        self.minutes = 0.0
        self.sums = {k: np.zeros(n) for k in (*TRACKED, *TRACKED_FLUXES)}
        self.mins = {k: np.full(n, np.inf) for k in TRACKED}
        self.maxs = {k: np.full(n, -np.inf) for k in TRACKED}
        self.last_fluxes: dict[str, Any] = {}

    def add(self, s: State, fluxes: dict[str, Any], dt: float) -> None:
        self.minutes += dt
        for k in TRACKED:
            a = s.arrays[k]
            self.sums[k] += dt * a
            np.minimum(self.mins[k], a, out=self.mins[k])
            np.maximum(self.maxs[k], a, out=self.maxs[k])
        for k in TRACKED_FLUXES:
            self.sums[k] += dt * np.asarray(fluxes[k])
        self.last_fluxes = fluxes

    def means(self) -> dict[str, Array]:
        m = max(self.minutes, 1e-12)
        return {f"mean_{k}": v / m for k, v in self.sums.items()}


@attrs.frozen
class TurnReport:
    turn: int
    start_min: float
    end_min: float
    events: tuple[Event, ...]
    snapshot: Snapshot
    stats: dict[str, Array] = attrs.field(repr=False)
    indicators: dict[str, Array] = attrs.field(repr=False)
    causes: tuple[str, ...]
    goals: dict[str, Any] = attrs.field(factory=dict, repr=False)

    def indicator(self, name: str, i: int = 0) -> bool:
        return bool(self.indicators[name][i])


def _causes(snap: Snapshot, stats: dict[str, Array], i: int = 0) -> list[str]:
    """Plain-words reasons for what the player sees, from the state (largest effects first)."""
    out: list[tuple[float, str]] = []
    v = {k: float(a[i]) for k, a in snap.values.items()}
    if v["receptors_frac"] < 0.85:
        out.append((1 - v["receptors_frac"], f"receptors down {100 * (1 - v['receptors_frac']):.0f}% (high insulin pulls them in; ROS damage them)"))
    if v["signaling_proteins_frac"] < 0.9:
        out.append((1 - v["signaling_proteins_frac"], f"signaling proteins damaged ({100 * (1 - v['signaling_proteins_frac']):.0f}%) by oxidative stress"))
    for key, words in (
        ("inflammation_frac", "inflammation blocks the insulin signal"),
        ("lipotoxic_frac", "fat spilling into lipotoxic intermediates blocks the signal"),
        ("er_stress_frac", "the ER stress response interferes with signaling"),
        ("oxidative_stress_frac", "reactive oxygen species damage receptors and signaling proteins"),
    ):
        if v[key] > 0.2:
            out.append((v[key], f"{words} ({100 * v[key]:.0f}%)"))
    if v["mito_health_frac"] < 0.8:
        out.append((1 - v["mito_health_frac"], f"mitochondria working at {100 * v['mito_health_frac']:.0f}%: less ATP, more ROS"))
    if float(stats["max_glucose_mmol_l"][i]) > HYPERGLYCAEMIA_MMOL_L and float(stats["mean_cell_energy_frac"][i]) < 0.8:
        out.append((1.0, "sugar piles up outside while the cell runs short inside"))
    out.sort(key=lambda x: -x[0])
    return [w for _, w in out]


def build_report(sim: Simulation, turn: int, start: float, fired: list[Event], acc: TurnAccumulator) -> TurnReport:
    snap = sim.snapshot()
    stats = acc.means()
    stats["mean_cell_energy_frac"] = stats.pop("mean_energy_frac")
    for k in TRACKED:
        stats[f"min_{k}"] = acc.mins[k].copy() if acc.minutes else snap.values[k].copy()
        stats[f"max_{k}"] = acc.maxs[k].copy() if acc.minutes else snap.values[k].copy()
    indicators = {
        "starving": stats["min_energy_frac"] < STARVING_ENERGY_FRAC,
        "hyperglycaemia": stats["max_glucose_mmol_l"] >= HYPERGLYCAEMIA_MMOL_L,
        "hypoglycaemia": stats["min_glucose_mmol_l"] < HYPOGLYCAEMIA_MMOL_L,
        "hyperinsulinaemia": stats["mean_insulin_uu_ml"] > HYPERINSULINAEMIA_UU_ML,
    }
    return TurnReport(turn, start, sim.state.time_min, tuple(fired), snap, stats, indicators,
                      tuple(_causes(snap, stats)))
