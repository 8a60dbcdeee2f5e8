"""The simulation: a clock, an event queue, the state, and turns.

``Simulation.advance(actions)`` turns the player's choices into events at the start of a turn,
then moves the clock to the end of the turn: it integrates the model up to the next event time
(the last step shortened to land on it exactly), fires every event due then in (time, phase, seq)
order, and goes on. Drives on the model's inputs change only at events, so the integrator always
sees them constant. Randomness comes from one ``SeedSequence`` spawned into a generator per
subsystem; the wall clock is never read. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import SimpleNamespace
from typing import Any

import numpy as np

from sim.attribution import Attribution, Attributor
from sim.content import Catalog, default_catalog
from sim.errors import UserError
from sim.events import Action, Event, Phase, effect, meal
from sim.model.inputs import INPUT_NAMES, Inputs
from sim.model.numerics import clip01
from sim.model.parameters import Parameters
from sim.model.step import step
from sim.model.tissues import body_parameters, shows_other_cell, split_step
from sim.presets import get_preset
from sim.queue import EventQueue
from sim.report import TurnAccumulator, TurnReport, build_report
from sim.snapshot import Snapshot
from sim.state import CELL_NAMES, State

ENGINE_VERSION = "5"
SUBSYSTEMS = ("schedule", "population", "policy")
DEFAULT_DT_MIN = 1.0
# Two clock readings closer than this are the same moment: an event this near a step's end or the
# turn's end fires there, so float rounding can never leave the clock a hair behind an event.
TIME_EPS_MIN = 1e-9
# No turn fires anywhere near this many event batches; reaching it means a handler loops forever.
MAX_EVENT_BATCHES = 1_000_000
# Offsets are kept this far from the turn's end so an accepted action always fires inside its turn.
OFFSET_RESOLUTION_MIN = 1e-6
# Inputs that are intensities: several overlapping drives add up but stay within 0–1.
_CAPPED = {"exercise", "rest", "anti_inflammatory", "antioxidant", "metformin"}


def run_steps(cur: dict[str, Any], hidden: dict[str, Any] | None, p: Any, p_body: Any, inputs: Any, t: float,
              t_end: float, dt_min: float, account: bool,
              on_step: Callable[[float, dict[str, Any], dict[str, Any] | None, dict[str, Any], float], None],
              ) -> tuple[dict[str, Any], dict[str, Any] | None, float]:
    """Steps of ``dt_min`` from ``t`` to ``t_end`` (the last one shortened to land on it), with
    the inputs held; ``on_step(t, state, hidden, fluxes, dt)`` after each. Returns (state, hidden, t)."""
    while t < t_end - TIME_EPS_MIN:
        dt = min(dt_min, t_end - t)
        if hidden is None:
            cur, fluxes = step(SimpleNamespace(**cur), p, inputs, dt, account)
        else:
            cur, hidden, fluxes = split_step(cur, hidden, p, p_body, inputs, dt, account)
        t = t_end if t_end - t - dt < TIME_EPS_MIN else t + dt
        on_step(t, cur, hidden, fluxes, dt)
        del fluxes  # before the next step allocates its own
    return cur, hidden, t


class AccountReplay:
    """A population turn's account of causes (sim/attribution.py), worked out when first read.

    The engine records where each stretch of integration began (the state arrays, shared, not
    copied: steps never write into arrays) and what it ran with; calling the replay runs those
    steps again with the account on and returns the same ``Attribution`` the turn would have
    summed as it went. A turn nobody asks about costs no account at all."""

    def __init__(self, start: dict[str, Any], p: Any, n: int) -> None:
        self.start, self.p, self.n = start, p, n
        self.segments: list[tuple[Any, ...]] = []
        self.end: dict[str, Any] = {}

    def __call__(self) -> Attribution:
        att = Attributor(self.start, self.p, self.n)

        def on_step(_t: float, _cur: Any, _hidden: Any, fluxes: dict[str, Any], dt: float) -> None:
            att.add(fluxes["terms"], fluxes["glut4"], dt)

        for cur, hidden, *segment in self.segments:
            run_steps(cur, hidden, *segment, True, on_step)
        self.segments = []
        return att.finish(self.end)


class SimulationError(UserError):
    """A request the engine cannot carry out (unknown action, bad time); message says why."""


def offset_problem(offset: Any, turn_min: float) -> str | None:
    """Why ``offset`` is not a valid action offset into a turn of ``turn_min`` minutes, or None."""
    if isinstance(offset, bool) or not isinstance(offset, (int, float, np.integer, np.floating)):
        return f"offset must be a number of minutes, got {offset!r}"
    value = float(offset)
    if not (np.isfinite(value) and 0.0 <= value <= turn_min - OFFSET_RESOLUTION_MIN):
        return (f"offset {value!r} min is outside the turn; allowed 0 ≤ offset ≤ "
                f"{turn_min:g} − {OFFSET_RESOLUTION_MIN:g} min")
    return None


def check_offset(offset: Any, turn_min: float, what: str) -> float:
    """An action's offset into a turn, validated (see ``offset_problem``)."""
    why = offset_problem(offset, turn_min)
    if why is not None:
        raise SimulationError(f"{what}: {why}")
    return float(offset)


class Simulation:
    def __init__(
        self,
        params: Parameters,
        state: State,
        *,
        seed: int = 0,
        turn_min: float = 60.0,
        dt_min: float = DEFAULT_DT_MIN,
        catalog: Catalog | None = None,
    ) -> None:
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise SimulationError(f"seed must be a whole number ≥ 0, got {seed!r}")
        if not (0.0 < dt_min <= 5.0):
            raise SimulationError(f"dt_min must be in (0, 5] minutes, got {dt_min}")
        self.params = params
        self.state = state
        self.seed = int(seed)
        self.turn_min = float(turn_min)
        self.dt_min = float(dt_min)
        self.catalog = catalog or default_catalog()
        self.queue = EventQueue()
        self.turn = 0
        self.effects: dict[int, tuple[tuple[str, float], ...]] = {}
        self.effect_labels: dict[int, str] = {}
        self.history: list[TurnReport] = []
        children = np.random.SeedSequence(self.seed).spawn(len(SUBSYSTEMS))
        self.rngs = {name: np.random.Generator(np.random.PCG64(ss)) for name, ss in zip(SUBSYSTEMS, children, strict=True)}
        self._set_tissue_params(params)
        self._inputs = Inputs()
        self.base_inputs: dict[str, float] = {}
        self._handlers: dict[str, Callable[[int, Event], None]] = {
            "meal": self._on_meal,
            "effect_start": self._on_effect_start,
            "effect_end": self._on_effect_end,
            "action": self._on_action,
            "level": self._on_level,
            "goal_check": self._on_goal_check,
        }
        self.level_messages: list[str] = []
        # Keep the account of causes (sim/attribution.py) with each report; bots' look-ahead
        # populations switch it off, since they read goals, not reasons.
        self.account = True

    # --- construction ------------------------------------------------------------------
    @classmethod
    def from_preset(
        cls,
        name: str = "healthy",
        *,
        n: int = 1,
        seed: int = 0,
        cell_type: str | None = None,
        knobs: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> Simulation:
        preset = get_preset(name)
        params = preset.parameters(cell_type)
        if knobs:
            params = params.evolve(**dict(knobs))
        state = State.from_values(preset.state, n)
        return cls(params, state, seed=seed, **kwargs)

    def set_params(self, params: Parameters) -> None:
        """Swap the parameters (e.g. a population's varied knobs) before or between turns."""
        self.params = params
        self._set_tissue_params(params)

    def _set_tissue_params(self, params: Parameters) -> None:
        """Kernel parameters for the shown cell and, if it is not muscle, for the body's muscle
        (sim/model/tissues.py); a hidden muscle starts where the shown cell's variables are."""
        one = params.column(0) if self.state.n == 1 else params
        self._p = one.namespace()
        if shows_other_cell(params):
            self._p_body: Any = body_parameters(one).namespace()
            if self.state.tissue is None:
                self.state.tissue = {k: self.state.arrays[k].copy() for k in CELL_NAMES}
        else:
            self._p_body = None
            self.state.tissue = None

    # --- scheduling ----------------------------------------------------------------------
    def schedule(self, event: Event) -> int:
        if event.time_min < self.state.time_min:
            raise SimulationError(f"event at {event.time_min} min is in the past (now {self.state.time_min})")
        if event.kind not in self._handlers:
            raise SimulationError(f"unknown event kind {event.kind!r}")
        return self.queue.push(event)

    def schedule_diet(self, diet: str, days: float, start_min: float | None = None, portion: float = 1.0) -> None:
        """Queue a named diet's meals, day after day, from ``start_min`` (default: now); ``portion``
        scales every meal (0.5: half-size meals, an energy deficit)."""
        if diet not in self.catalog.diets:
            raise SimulationError(f"unknown diet {diet!r}; known: {', '.join(sorted(self.catalog.diets))}")
        t0 = self.state.time_min if start_min is None else start_min
        day0 = int(t0 // 1440)
        for d in range(day0, day0 + int(np.ceil(days)) + 1):
            for slug, at in self.catalog.diets[diet]:
                t = d * 1440 + at
                if t0 <= t < t0 + days * 1440:
                    self.schedule(self.meal_event(slug, t, portion))

    def meal_event(self, slug: str, time_min: float, portion: float = 1.0) -> Event:
        if slug not in self.catalog.meals:
            raise SimulationError(f"unknown meal {slug!r}; known: {', '.join(sorted(self.catalog.meals))}")
        m = self.catalog.meals[slug]
        return meal(time_min, m.carb_g * portion, m.fat_g * portion, m.protein_g * portion, m.fibre_g * portion,
                    m.liquid, label=slug)

    def stressor_event(self, slug: str, time_min: float, intensity: float = 1.0, duration_min: float | None = None) -> Event:
        if slug not in self.catalog.stressors:
            raise SimulationError(f"unknown stressor {slug!r}; known: {', '.join(sorted(self.catalog.stressors))}")
        k = self.catalog.stressors[slug]
        return effect(time_min, {n: v * intensity for n, v in k.inputs},
                      k.duration_min if duration_min is None else duration_min, slug, source="stressor")

    # --- turns -----------------------------------------------------------------------------
    def advance(self, actions: Sequence[Action] = ()) -> TurnReport:
        """Play one turn: queue the actions, run the clock by ``turn_min``, report."""
        start = self.state.time_min
        for a in actions:
            if a.kind not in self.catalog.actions and a.kind not in self.catalog.meals:
                raise SimulationError(f"unknown action {a.kind!r}")
            check_offset(a.offset_min, self.turn_min, f"action {a.kind!r}")
            self.queue.push(Event(start + a.offset_min, "action", Phase.ACTION, a.kind, {"kind": a.kind}))
        # The account of causes: summed step by step for one subject (cheap on floats); for a
        # population, worked out only if someone reads the report's causes or attribution, by
        # running the turn's steps again with the account on (bit for bit the same sums).
        n = self.state.n
        attributor = Attributor(self.state.arrays, self._p, n) if self.account and n == 1 else None
        acc = TurnAccumulator(n, attributor)
        if self.account and n > 1:
            acc.replay = AccountReplay(dict(self.state.arrays), self._p, n)
        fired = self.run_until(start + self.turn_min, acc)
        report = build_report(self, self.turn, start, fired, acc)
        self.turn += 1
        self.history.append(report)
        return report

    def run_until(self, t_end: float, acc: TurnAccumulator | None = None) -> list[Event]:
        """Fire events and integrate up to ``t_end`` (events at exactly ``t_end`` wait)."""
        fired: list[Event] = []
        for _ in range(MAX_EVENT_BATCHES):
            t_next = self.queue.peek_time()
            if t_next is None or t_next >= t_end - TIME_EPS_MIN:
                self._integrate(t_end, acc)
                return fired
            self._integrate(t_next, acc)
            # _integrate leaves the clock at t_next or later, so at least this event fires: progress.
            while (t := self.queue.peek_time()) is not None and t <= self.state.time_min + TIME_EPS_MIN:
                seq, ev = self.queue.pop()
                self._handlers[ev.kind](seq, ev)
                fired.append(ev)
        raise SimulationError(f"more than {MAX_EVENT_BATCHES} event batches before {t_end:g} min; an event keeps rescheduling itself")

    def _integrate(self, t_end: float, acc: TurnAccumulator | None) -> None:
        s = self.state
        if s.time_min >= t_end - TIME_EPS_MIN:
            s.time_min = max(s.time_min, t_end)  # snap: "a hair behind" counts as arrived
            return
        # One subject: run the same kernels on Python floats (see sim/model/numerics.py).
        scalar = s.n == 1

        def start(arrays: dict[str, Any] | None) -> dict[str, Any] | None:
            if arrays is None:
                return None
            return {k: float(a[0]) for k, a in arrays.items()} if scalar else arrays

        account = acc is not None and acc.attributor is not None
        segment = (self._p, self._p_body, self._inputs, s.time_min, t_end, self.dt_min)
        if acc is not None and acc.replay is not None:  # a population's account, worked out if read
            acc.replay.segments.append((dict(s.arrays), None if s.tissue is None else dict(s.tissue), *segment))

        def on_step(t: float, new: dict[str, Any], new_hidden: dict[str, Any] | None, fluxes: dict[str, Any],
                    dt: float) -> None:
            if acc is not None:
                acc.add(new, fluxes, dt)
            if not scalar:  # let go of the arrays the step started from: a state's worth less peak memory
                s.time_min, s.arrays = t, new
                if new_hidden is not None:
                    s.tissue = new_hidden

        # (No local keeps the start state: for a population on_step lets it go after one step.)
        cur, hidden, t = run_steps(start(s.arrays), start(s.tissue), *segment, account, on_step)  # type: ignore[arg-type]
        s.time_min = t
        s.arrays = {k: np.array([v], dtype=np.float64) for k, v in cur.items()} if scalar else cur
        if hidden is not None:
            s.tissue = {k: np.array([v], dtype=np.float64) for k, v in hidden.items()} if scalar else hidden

    # --- handlers ------------------------------------------------------------------------
    def _on_meal(self, _seq: int, ev: Event) -> None:
        arr = self.state.arrays
        carb_mg = 1000.0 * float(ev.get("carb_g", 0.0))
        key = "stomach_liquid_mg" if ev.get("liquid") else "stomach_solid_mg"
        arr[key] = arr[key] + carb_mg
        for nutrient in ("fat", "fibre", "protein"):
            k = f"stomach_{nutrient}_g"
            arr[k] = arr[k] + float(ev.get(f"{nutrient}_g", 0.0))

    def _on_effect_start(self, seq: int, ev: Event) -> None:
        self.effects[seq] = tuple(ev.get("inputs", ()))
        self.effect_labels[seq] = ev.label
        end = self.state.time_min + float(ev.get("duration_min", 0.0))
        self.queue.push(Event(end, "effect_end", Phase.EFFECT_END, ev.label, {"effect": seq}))
        self._refresh_inputs()

    def _on_effect_end(self, _seq: int, ev: Event) -> None:
        self.effects.pop(int(ev.get("effect")), None)
        self.effect_labels.pop(int(ev.get("effect")), None)
        self._refresh_inputs()

    def _on_action(self, _seq: int, ev: Event) -> None:
        kind = str(ev.get("kind"))
        if kind in self.catalog.meals:
            self._on_meal(_seq, self.meal_event(kind, self.state.time_min))
            return
        a = self.catalog.actions[kind]
        if a.meal:
            self._on_meal(_seq, self.meal_event(a.meal, self.state.time_min))
        if a.inputs:
            self.queue.push(effect(self.state.time_min, dict(a.inputs), a.duration_min, kind, source="action"))

    def _on_level(self, _seq: int, ev: Event) -> None:
        self.level_messages.append(ev.label)

    def _on_goal_check(self, _seq: int, ev: Event) -> None:
        pass  # goals are evaluated from each TurnReport by sim.levels; the event marks the moment

    def _refresh_inputs(self) -> None:
        totals: dict[str, Any] = dict.fromkeys(INPUT_NAMES, 0.0)
        totals.update(self.base_inputs)
        for drives in self.effects.values():
            for name, value in drives:
                totals[name] = totals[name] + value
        for name in _CAPPED:
            totals[name] = clip01(totals[name])
        if self.state.n == 1:  # one subject runs on plain floats (see _integrate)
            totals = {k: float(np.ravel(v)[0]) for k, v in totals.items()}
        self._inputs = Inputs(**totals)

    def hold_inputs(self, **values: float) -> None:
        """Hold inputs at a base value (lab protocols such as the clamp); events add to them."""
        unknown = set(values) - set(INPUT_NAMES)
        if unknown:
            raise SimulationError(f"unknown inputs {sorted(unknown)}; allowed: {', '.join(INPUT_NAMES)}")
        self.base_inputs.update(values)
        self._refresh_inputs()

    # --- views and persistence ----------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        return Snapshot.of(self.state)

    def active_effects(self) -> list[str]:
        return list(self.effect_labels.values())

    def save(self) -> dict[str, Any]:
        return {
            "engine_version": ENGINE_VERSION,
            "seed": self.seed,
            "turn": self.turn,
            "turn_min": self.turn_min,
            "dt_min": self.dt_min,
            "params": self.params.to_jsonable(),
            "state": self.state.to_jsonable(),
            "queue": self.queue.to_jsonable(),
            "effects": [[seq, [list(x) for x in drives], self.effect_labels.get(seq, "")]
                        for seq, drives in self.effects.items()],
            "base_inputs": dict(self.base_inputs),
            "level_messages": list(self.level_messages),
            "rngs": {k: g.bit_generator.state for k, g in self.rngs.items()},
        }

    @classmethod
    def restore(cls, data: Mapping[str, Any], catalog: Catalog | None = None) -> Simulation:
        sim = cls(Parameters.from_jsonable(data["params"]), State.from_jsonable(data["state"]),
                  seed=int(data["seed"]), turn_min=float(data["turn_min"]), dt_min=float(data["dt_min"]),
                  catalog=catalog)
        sim.turn = int(data["turn"])
        sim.queue = EventQueue.from_jsonable(data["queue"])
        for seq, drives, label in data["effects"]:
            sim.effects[int(seq)] = tuple((str(k), float(v)) for k, v in drives)
            sim.effect_labels[int(seq)] = str(label)
        sim.base_inputs = {str(k): float(v) for k, v in data.get("base_inputs", {}).items()}
        sim.level_messages = [str(m) for m in data.get("level_messages", [])]
        for k, st in data["rngs"].items():
            sim.rngs[k].bit_generator.state = st
        sim._refresh_inputs()
        return sim
