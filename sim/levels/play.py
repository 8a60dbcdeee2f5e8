"""A level being played by N columns at once: schedule, rules of play, meal plan, goals.

``Playthrough`` is the one code path behind ``LevelRun`` (N = 1, a player or a bot) and the
``search`` bot (N = hundreds of candidate futures). It owns:

- the schedule, drawn once from the level and the seed: planned meals (which actions may swap,
  shrink or skip), stressors and messages on the engine's queue;
- per column, a ``Ledger`` of the rules of play: budget left today, uses left, cool-downs;
- per column, the changes made to planned meals;
- a ``GoalTracker`` over all columns.

Times in a level file count from the level's start; the clock starts at ``start_clock_min``.
Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import attrs
import numpy as np

from sim.engine import offset_problem
from sim.errors import UserError
from sim.events import Action, Event, Phase, meal
from sim.levels.actions import ActionSpec
from sim.levels.columns import ColumnSimulation
from sim.levels.goals import GoalTracker
from sim.levels.level import Level
from sim.messages import Message
from sim.report import TurnReport


class ActionNotAllowed(UserError):
    """An action the rules of the level do not allow now; the message says why."""


def at_turn(turn: int, e: Exception) -> str:
    """``e``'s message placed at ``turn`` (1-based), once: ``ActionNotAllowed`` already names its
    turn, and a grade note read "turn 1: turn 1: …"."""
    msg, mark = str(e), f"turn {turn}: "
    return msg if msg.startswith(mark) else mark + msg


@attrs.frozen
class PlannedMeal:
    time_min: float  # on the simulation clock
    slug: str


@attrs.define
class Ledger:
    budget_left: int
    day: int = 0
    uses_left: dict[str, int] = attrs.field(factory=dict)
    ready_turn: dict[str, int] = attrs.field(factory=dict)
    meal_changes: dict[int, tuple[str | None, float]] = attrs.field(factory=dict)  # planned meal → (slug or None = skipped, scale)

    def copy(self) -> Ledger:
        return Ledger(self.budget_left, self.day, dict(self.uses_left), dict(self.ready_turn), dict(self.meal_changes))


def build_simulation(level: Level, seed: int, n: int = 1) -> tuple[ColumnSimulation, tuple[PlannedMeal, ...]]:
    """The level's starting simulation (N columns) with its schedule queued, and its meal plan."""
    knobs = {**dict(level.cell.knobs)}
    sim = ColumnSimulation.from_preset(level.cell.preset, n=n, seed=seed, cell_type=level.cell_type,
                                       knobs=knobs or None, turn_min=level.turn_min, catalog=level.catalog)
    for k, v in level.cell.state.items():
        sim.state.arrays[k] = np.full(n, float(v))
    t0 = level.start_clock_min
    sim.state.time_min = t0
    rng = sim.rngs["schedule"]
    end = t0 + level.length_min
    planned: list[PlannedMeal] = []
    if level.diet is not None:
        for d in range(int(t0 // 1440), int(end // 1440) + 1):
            for slug, at in level.catalog.diets[level.diet]:
                t = d * 1440 + at
                if t0 <= t < end:
                    planned.append(PlannedMeal(t, slug))
    for e in level.events:
        u_chance, u_jitter = rng.random(2)  # always two draws per event: one event never shifts another
        if u_chance >= e.chance:
            continue
        t = t0 + e.time_min + (2.0 * u_jitter - 1.0) * e.jitter_min
        t = float(min(max(t, t0), end - 1e-6))
        if e.kind == "meal" and e.meal is not None:
            planned.append(PlannedMeal(t, e.meal))
        elif e.kind == "stressor" and e.stressor is not None:
            sim.schedule(sim.stressor_event(e.stressor, t, e.intensity, e.duration_min))
        else:
            sim.schedule(Event(t, "level", Phase.LEVEL, e.text))
    planned.sort(key=lambda m: (m.time_min, m.slug))
    return cast(ColumnSimulation, sim), tuple(planned)


class Playthrough:
    def __init__(self, level: Level, seed: int = 0, n: int = 1) -> None:
        self.level = level
        self.seed = int(seed)
        self.sim, self.planned = build_simulation(level, seed, n)
        self.n = n
        self.turn = 0
        self.ledgers = [self._new_ledger() for _ in range(n)]
        self.tracker = GoalTracker(level.goals, level.fails, n, level.turns)
        self.logs: list[list[list[Action]]] = [[] for _ in range(n)]
        self.last_report: TurnReport | None = None

    def _new_ledger(self) -> Ledger:
        uses = {a.slug: a.uses for a in self.level.actions if a.uses is not None}
        return Ledger(self.level.budget_per_day, 0, uses)

    def take(self, idx: Sequence[int] | np.ndarray, account: bool = False) -> Playthrough:
        """Columns ``idx`` as a new population (a bot's candidate futures); ``account``: keep the
        engine's account of causes with each report (look-ahead does not read it)."""
        ix = np.asarray(idx, dtype=np.intp)
        out = Playthrough.__new__(Playthrough)
        out.level, out.seed, out.planned, out.turn = self.level, self.seed, self.planned, self.turn
        out.sim = self.sim.take(ix)
        out.sim.account = account
        out.n = len(ix)
        out.ledgers = [self.ledgers[i].copy() for i in ix.tolist()]
        out.tracker = self.tracker.take(ix)
        out.logs = [[list(t) for t in self.logs[i]] for i in ix.tolist()]
        out.last_report = None
        return out

    # --- rules of play --------------------------------------------------------------------------
    @property
    def start_min(self) -> float:
        return self.level.start_clock_min + self.turn * self.level.turn_min

    def finished(self) -> np.ndarray:
        return (self.tracker.failed >= 0) | (self.turn >= self.level.turns)

    def _refill(self, led: Ledger) -> None:
        day = int(self.turn * self.level.turn_min // 1440)
        if day != led.day:
            led.day = day
            led.budget_left = self.level.budget_per_day

    def reason(self, i: int, slug: str, spent: int = 0) -> Message | None:
        """Why column ``i`` cannot take ``slug`` now (None: it can)."""
        spec = self.level.action(slug)
        if spec is None:
            allowed = ", ".join(a.slug for a in self.level.actions) or "none"
            return Message("{action!r} is not an action of this level (allowed: {allowed})", action=slug, allowed=allowed)
        if self.turn >= self.level.turns or self.tracker.failed[i] >= 0:
            return Message("the level is over")
        led = self.ledgers[i]
        self._refill(led)
        if spec.uses is not None and led.uses_left.get(slug, 0) <= 0:
            return Message("{action} has no uses left", action=spec.title)
        ready = led.ready_turn.get(slug, 0)
        if ready > self.turn:
            wait = ready - self.turn
            return Message("{action} is cooling down: ready in {turns} turns" if wait > 1
                           else "{action} is cooling down: ready in {turns} turn", action=spec.title, turns=wait)
        if self.level.budget_per_day and spec.cost > led.budget_left - spent:
            left = led.budget_left - spent
            return Message("{action} costs {cost} but only {points} points left today" if left != 1
                           else "{action} costs {cost} but only {points} point left today",
                           action=spec.title, cost=spec.cost, points=left)
        return None

    def options(self, i: int) -> list[str]:
        return [a.slug for a in self.level.actions if self.reason(i, a.slug) is None]

    def _charge(self, i: int, spec: ActionSpec) -> None:
        led = self.ledgers[i]
        if self.level.budget_per_day:
            led.budget_left -= spec.cost
        if spec.uses is not None:
            led.uses_left[spec.slug] = led.uses_left.get(spec.slug, 0) - 1
        led.ready_turn[spec.slug] = self.turn + 1 + spec.cooldown_turns
        self._change_meals(led, spec)

    def _change_meals(self, led: Ledger, spec: ActionSpec) -> None:
        if not spec.changes_meals:
            return
        now = self.start_min
        if spec.skip_meals_min > 0:
            for k, m in enumerate(self.planned):
                if now <= m.time_min < now + spec.skip_meals_min:
                    led.meal_changes[k] = (None, 0.0)
            return
        for k, m in enumerate(self.planned):
            if m.time_min >= now and k not in led.meal_changes:
                led.meal_changes[k] = (spec.next_meal or m.slug, spec.next_meal_scale)
                return

    def meal_of(self, i: int, k: int) -> tuple[str | None, float]:
        return self.ledgers[i].meal_changes.get(k, (self.planned[k].slug, 1.0))

    # --- a turn ------------------------------------------------------------------------------------
    def step(self, per_column: Sequence[Sequence[Action]], check: bool = True) -> TurnReport:
        """Play one turn; ``per_column[i]`` are column i's actions. Raises ``ActionNotAllowed``."""
        if len(per_column) != self.n:
            raise ValueError(f"expected actions for {self.n} columns, got {len(per_column)}")
        if check:
            for i, acts in enumerate(per_column):
                spent = 0
                seen: set[str] = set()
                for a in acts:
                    why = self.reason(i, a.kind, spent) or (f"{a.kind!r} twice in one turn" if a.kind in seen else None)
                    if why is None:
                        why = offset_problem(a.offset_min, self.level.turn_min)
                    if why is not None:
                        raise ActionNotAllowed(f"turn {self.turn + 1}: {why}")
                    spent += self.level.action(a.kind).cost  # type: ignore[union-attr]
                    seen.add(a.kind)
        start = self.start_min
        for i, acts in enumerate(per_column):
            self._refill(self.ledgers[i])
            for a in acts:
                self._charge(i, self.level.action(a.kind))  # type: ignore[arg-type]
            self.logs[i].append(list(acts))
        self._queue_actions(per_column, start)
        self._queue_meals(start)
        report = self.sim.advance(())
        self.tracker.update(report)
        self.turn += 1
        self.last_report = report
        return report

    def _queue_actions(self, per_column: Sequence[Sequence[Action]], start: float) -> None:
        first = list(per_column[0])
        if all(list(acts) == first for acts in per_column):
            for a in first:
                self.sim.queue.push(Event(start + a.offset_min, "action", Phase.ACTION, a.kind, {"kind": a.kind}))
            return
        groups: dict[tuple[float, str], list[int]] = {}
        for i, acts in enumerate(per_column):
            for a in acts:
                groups.setdefault((a.offset_min, a.kind), []).append(i)
        for (offset, kind), cols in sorted(groups.items()):
            data: dict[str, Any] = {"kind": kind, "columns": tuple(cols)}
            self.sim.queue.push(Event(start + offset, "action", Phase.ACTION, kind, data))

    def _queue_meals(self, start: float) -> None:
        end = start + self.level.turn_min
        for k, m in enumerate(self.planned):
            if not (start <= m.time_min < end):
                continue
            groups: dict[tuple[str | None, float], list[int]] = {}
            for i in range(self.n):
                groups.setdefault(self.meal_of(i, k), []).append(i)
            for (slug, scale), cols in sorted(groups.items(), key=lambda x: (str(x[0][0]), x[0][1])):
                if slug is None or scale <= 0:
                    continue
                mk = self.level.catalog.meals[slug]
                ev = meal(m.time_min, mk.carb_g * scale, mk.fat_g * scale, mk.protein_g * scale,
                          mk.fibre_g * scale, mk.liquid, label=slug)
                if len(cols) < self.n:
                    ev = Event(ev.time_min, ev.kind, ev.phase, ev.label, {**dict(ev.data), "columns": tuple(cols)})
                self.sim.queue.push(ev)
