"""``LevelRun``: one player (or bot) playing a level, turn by turn — the game's API.

``observe()`` gives everything a screen or a bot needs (snapshot, budget, which actions are
available and why not, upcoming events, goal progress); ``step(actions)`` plays a turn and returns
the engine's ``TurnReport`` with ``goals`` filled in; ``result()`` says who won, with stars, score
and the causes that mattered, in words. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from sim.events import Action
from sim.levels.causes import final_causes
from sim.levels.goals import GoalProgress
from sim.levels.level import Level
from sim.levels.play import ActionNotAllowed, Playthrough
from sim.messages import Message, joined
from sim.report import TurnReport
from sim.snapshot import Snapshot

SERIES = (
    "time_min", "blood_glucose_mmol_l", "blood_insulin_uu_ml", "cell_energy_frac", "receptors_frac",
    "signaling_active_frac", "signaling_proteins_frac", "glut4_membrane_frac", "glycogen_frac",
    "inflammation_frac", "oxidative_stress_frac", "mito_health_frac", "lipotoxic_frac",
    "er_stress_frac", "max_glucose_mmol_l", "min_cell_energy_frac", "mean_insulin_uu_ml",
    "mean_cell_energy_frac", "mean_glucose_mmol_l", "min_glucose_mmol_l",
)


@attrs.frozen
class Observation:
    snapshot: Snapshot
    turn: int  # turns played so far (0 before the first)
    turns_total: int
    time_min: float
    budget_left: int | None  # None: the level has no budget
    available: dict[str, bool]
    reasons: dict[str, Message]  # why an action is not available now
    uses_left: dict[str, int | None]
    upcoming: list[tuple[float, str, str]]  # (time_min, kind, label), soonest first
    goals: dict[str, GoalProgress]
    messages: tuple[str, ...]
    done: bool


@attrs.frozen
class LevelResult:
    won: bool
    stars: int
    score: int
    failed_because: str | None
    causes: list[Message]
    series: dict[str, list[float]] = attrs.field(repr=False)
    goals: dict[str, GoalProgress] = attrs.field(repr=False)
    turns_played: int = 0


class LevelRun:
    def __init__(self, level: Level, seed: int = 0) -> None:
        self.level = level
        self.seed = int(seed)
        self.play = Playthrough(level, seed, 1)
        self.reports: list[TurnReport] = []
        self.series: dict[str, list[float]] = {k: [] for k in SERIES}
        self._first = self.play.sim.snapshot()

    @property
    def sim(self) -> Any:
        return self.play.sim

    @property
    def turn(self) -> int:
        return self.play.turn

    @property
    def done(self) -> bool:
        return bool(self.play.finished()[0])

    @property
    def action_log(self) -> list[list[Action]]:
        return self.play.logs[0]

    def observe(self) -> Observation:
        p = self.play
        slugs = [a.slug for a in self.level.actions]
        reasons = {s: r for s in slugs if (r := p.reason(0, s)) is not None}
        led = p.ledgers[0]
        return Observation(
            snapshot=p.sim.snapshot(), turn=p.turn, turns_total=self.level.turns, time_min=p.sim.state.time_min,
            budget_left=led.budget_left if self.level.budget_per_day else None,
            available={s: s not in reasons for s in slugs}, reasons=reasons,
            uses_left={a.slug: (led.uses_left.get(a.slug, 0) if a.uses is not None else None) for a in self.level.actions},
            upcoming=self.upcoming(), goals=p.tracker.progress(0), messages=tuple(p.sim.level_messages),
            done=self.done,
        )

    def upcoming(self, horizon_min: float | None = None) -> list[tuple[float, str, str]]:
        """Events still to come in the level: meals as planned now, stressors, messages."""
        p = self.play
        now = p.sim.state.time_min
        end = self.level.start_clock_min + self.level.length_min
        if horizon_min is not None:
            end = min(end, now + horizon_min)
        out: list[tuple[float, str, str]] = []
        for k, m in enumerate(p.planned):
            if now <= m.time_min < end:
                slug, scale = p.meal_of(0, k)
                if slug is None:
                    out.append((m.time_min, "meal", Message("{meal} (skipped: fasting)",
                                                            meal=self.level.catalog.meals[m.slug].title)))
                else:
                    title = self.level.catalog.meals[slug].title
                    out.append((m.time_min, "meal", title if scale == 1.0 else
                                Message("{meal} (×{scale:g} portion)", meal=title, scale=scale)))
        for ev in p.sim.queue.upcoming():
            if not (now <= ev.time_min < end):
                continue
            if ev.kind == "effect_start":
                out.append((ev.time_min, str(ev.get("source", "stressor")), self._title(ev.label)))
            elif ev.kind == "effect_end":
                out.append((ev.time_min, "ends", Message("{what} ends", what=self._title(ev.label))))
            elif ev.kind == "level":
                out.append((ev.time_min, "message", ev.label))
            elif ev.kind == "meal":
                out.append((ev.time_min, "meal", ev.label))
        out.sort(key=lambda x: (x[0], x[1], x[2]))
        return out

    def _title(self, slug: str) -> str:
        c = self.level.catalog
        k = c.stressors.get(slug) or c.actions.get(slug)
        return k.title if k else slug

    def step(self, actions: Sequence[Action] = ()) -> TurnReport:
        if self.done:
            raise ActionNotAllowed("the level is over; start a new run")
        report = self.play.step([list(actions)])
        report = attrs.evolve(report, goals=self.play.tracker.progress(0))
        self.reports.append(report)
        snap, st = report.snapshot, report.stats
        for k in SERIES:
            if k == "time_min":
                self.series[k].append(float(report.end_min))
            elif k in snap.values:
                self.series[k].append(float(snap.values[k][0]))
            else:
                self.series[k].append(float(st[k][0]))
        return report

    def play_out(self, policy: Any) -> LevelResult:
        """Let ``policy`` (see ``sim.policies``) play the remaining turns."""
        while not self.done:
            self.step(policy.act(self.observe(), self))
        return self.result()

    def result(self) -> LevelResult:
        t = self.play.tracker
        stars = int(t.stars(final=True)[0])
        failed = int(t.failed[0])
        failed_because = self.level.fails[failed].text if failed >= 0 else None
        if failed_because is None and stars == 0:
            missed = [g.text for g in self.level.goals if g.star == 1 and not t.met(self.level.goals.index(g), True)[0]]
            if self.turn < self.level.turns:
                failed_because = Message("the level is not finished")
            elif missed:
                failed_because = Message("missed: {goals}", goals=joined("; ", missed))
        return LevelResult(
            won=stars >= 1, stars=stars, score=int(t.score(final=True)[0]), failed_because=failed_because,
            causes=final_causes(self, failed_because, early=failed >= 0), series={k: list(v) for k, v in self.series.items()},
            goals=t.progress(0, final=True), turns_played=self.turn,
        )

    @property
    def first_snapshot(self) -> Snapshot:
        return self._first
