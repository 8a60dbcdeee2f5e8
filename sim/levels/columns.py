"""A ``Simulation`` whose meals and actions may apply to some columns only.

The engine applies every event to all N columns alike. To let a bot weigh many different
futures as ONE vectorised population, an event here may carry ``columns`` (a tuple of column
indices): a meal then feeds only those subjects, and an action's drive on the model's inputs
becomes a per-column array (0 elsewhere). ``take(idx)`` makes a new population from chosen
columns (repeats allowed), carrying each column's active effects along — the step a beam search
needs to keep its best candidates. With no ``columns`` anywhere it behaves exactly like the
engine's ``Simulation``. This is a subclass, not an engine edit, so the engine stays as its
owner wrote it; it relies on the handler methods of ``sim/engine.py``. Must not import pygame.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import Any

import numpy as np

from sim.engine import _CAPPED, Simulation
from sim.events import Event, effect
from sim.model.inputs import INPUT_NAMES, Inputs
from sim.queue import EventQueue

Columns = tuple[int, ...]


def _with_columns(ev: Event, columns: Columns | None) -> Event:
    if columns is None:
        return ev
    return Event(ev.time_min, ev.kind, ev.phase, ev.label, {**dict(ev.data), "columns": tuple(columns)})


class ColumnSimulation(Simulation):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.effect_columns: dict[int, Columns] = {}

    # --- events with columns -------------------------------------------------------------
    def _cols(self, ev: Event) -> Columns | None:
        cols = ev.get("columns")
        return None if cols is None else tuple(int(c) for c in cols)

    def _mask(self, cols: Columns) -> Any:
        if self.state.n == 1:  # the scalar path wants floats
            return 1.0 if 0 in cols else 0.0
        m = np.zeros(self.state.n)
        m[list(cols)] = 1.0
        return m

    def _on_meal(self, seq: int, ev: Event) -> None:
        cols = self._cols(ev)
        if cols is None:
            super()._on_meal(seq, ev)
            return
        m = self._mask(cols)
        arr = self.state.arrays
        key = "stomach_liquid_mg" if ev.get("liquid") else "stomach_solid_mg"
        arr[key] = arr[key] + 1000.0 * float(ev.get("carb_g", 0.0)) * m
        for nutrient in ("fat", "fibre", "protein"):
            k = f"stomach_{nutrient}_g"
            arr[k] = arr[k] + float(ev.get(f"{nutrient}_g", 0.0)) * m

    def _on_action(self, seq: int, ev: Event) -> None:
        cols = self._cols(ev)
        kind = str(ev.get("kind"))
        if kind in self.catalog.meals:
            self._on_meal(seq, _with_columns(self.meal_event(kind, self.state.time_min), cols))
            return
        a = self.catalog.actions[kind]
        if a.meal:
            self._on_meal(seq, _with_columns(self.meal_event(a.meal, self.state.time_min), cols))
        if a.inputs:
            ev2 = effect(self.state.time_min, dict(a.inputs), a.duration_min, kind, source="action")
            self.queue.push(_with_columns(ev2, cols))

    def _on_effect_start(self, seq: int, ev: Event) -> None:
        cols = self._cols(ev)
        if cols is not None:
            self.effect_columns[seq] = cols
        super()._on_effect_start(seq, ev)

    def _on_effect_end(self, seq: int, ev: Event) -> None:
        self.effect_columns.pop(int(ev.get("effect")), None)
        super()._on_effect_end(seq, ev)

    def _refresh_inputs(self) -> None:
        if not getattr(self, "effect_columns", None):
            super()._refresh_inputs()
            return
        totals: dict[str, Any] = dict.fromkeys(INPUT_NAMES, 0.0)
        totals.update(self.base_inputs)
        for seq, drives in self.effects.items():
            cols = self.effect_columns.get(seq)
            m = 1.0 if cols is None else self._mask(cols)
            for name, value in drives:
                totals[name] = totals[name] + value * m
        for name in _CAPPED:
            totals[name] = np.clip(totals[name], 0.0, 1.0) if isinstance(totals[name], np.ndarray) else min(max(totals[name], 0.0), 1.0)
        self._inputs = Inputs(**totals)

    # --- populations of futures ---------------------------------------------------------------
    @classmethod
    def of(cls, sim: Simulation, n: int = 1) -> ColumnSimulation:
        """A copy of ``sim`` (one column) repeated ``n`` times."""
        out = cls.__new__(cls)
        _copy_into(out, sim, np.zeros(n, dtype=np.intp))
        return out

    def take(self, idx: Sequence[int] | np.ndarray) -> ColumnSimulation:
        """A new population whose column j is this population's column ``idx[j]``."""
        out = type(self).__new__(type(self))
        _copy_into(out, self, np.asarray(idx, dtype=np.intp))
        return out


def _remap(cols: Columns, idx: np.ndarray) -> Columns:
    keep = set(cols)
    return tuple(j for j, src in enumerate(idx.tolist()) if src in keep)


def _copy_into(out: ColumnSimulation, sim: Simulation, idx: np.ndarray) -> None:
    Simulation.__init__(out, sim.params if _scalar_params(sim) else _select_params(sim, idx),
                        sim.state.select(idx), seed=sim.seed, turn_min=sim.turn_min, dt_min=sim.dt_min,
                        catalog=sim.catalog)
    out.effect_columns = {}
    out.turn = sim.turn
    out.base_inputs = dict(sim.base_inputs)
    out.level_messages = list(sim.level_messages)
    for k, g in sim.rngs.items():
        out.rngs[k].bit_generator.state = g.bit_generator.state
    q = EventQueue()
    q._seq = sim.queue._seq
    q._cancelled = set(sim.queue._cancelled)
    heap = []
    for key, ev in sim.queue._heap:
        cols = ev.get("columns")
        if cols is not None:
            ev = Event(ev.time_min, ev.kind, ev.phase, ev.label,
                       {**dict(ev.data), "columns": _remap(tuple(cols), idx)})
        heap.append((key, ev))
    heapq.heapify(heap)
    q._heap = heap
    out.queue = q
    src_cols: dict[int, Columns] = getattr(sim, "effect_columns", {})
    for seq, drives in sim.effects.items():
        out.effects[seq] = drives
        out.effect_labels[seq] = sim.effect_labels.get(seq, "")
        if seq in src_cols:
            out.effect_columns[seq] = _remap(src_cols[seq], idx)
    out._refresh_inputs()


def _scalar_params(sim: Simulation) -> bool:
    return all(np.ndim(v) == 0 for v in sim.params.values.values())


def _select_params(sim: Simulation, idx: np.ndarray) -> Any:
    vals = {k: (np.asarray(v)[idx] if np.ndim(v) else v) for k, v in sim.params.values.items()}
    return type(sim.params)(sim.params.cell_type, vals)

