"""The bridge between scenes and the engine's levels: one shape for everything the game shows.

With ``sim.levels`` present, the campaign is ``campaign_levels()`` and a play-through is a
``LevelRun``. Without it (while the levels system is being built) there is one free-play level: the
``healthy`` preset on the standard diet, with the catalog's actions — no goals and no score. Either
way scenes see ``LevelInfo``, ``View`` (what to draw this turn) and ``Outcome``. The game decides
nothing here: turns, budgets, goals and scores all come from the engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from game.i18n import _, current_language
from sim.events import Action
from sim.report import TurnReport
from sim.snapshot import Snapshot


@attrs.frozen
class ActionCard:
    slug: str
    title: str
    hotkey: str
    cost: float
    explain: str
    available: bool = True
    uses_left: int | None = None
    why_not: str | None = None  # the engine's reason when not available


@attrs.frozen
class GoalLine:
    slug: str
    text: str
    star: int = 1  # the star tier the goal earns (1: needed to win)
    shown: str | None = None  # the engine's value in words, e.g. "75% of turns"
    met: bool | None = None  # None: not judged yet
    lost: str = ""  # the engine's words when the goal can no longer be met


@attrs.frozen
class LevelInfo:
    slug: str
    title: str
    briefing: str
    cell_type: str
    turns: int
    turn_min: float
    goals: tuple[GoalLine, ...]
    actions: tuple[ActionCard, ...]
    source: Any = None  # the engine's Level, when there is one
    scored: bool = True
    questions: tuple[Any, ...] = ()  # the engine's prediction questions (prompt, choices, answer, explain)


@attrs.frozen
class View:
    """Everything the play screen draws for the current turn."""

    snapshot: Snapshot
    turn: int
    turns_total: int
    budget_left: float | None
    actions: tuple[ActionCard, ...]
    upcoming: tuple[tuple[float, str, str], ...]  # (time_min, kind, title); kinds as LevelRun's
    goals: tuple[GoalLine, ...]
    messages: tuple[str, ...] = ()


@attrs.frozen
class Outcome:
    won: bool
    stars: int
    score: int
    failed_because: str | None
    causes: tuple[str, ...]
    scored: bool = True
    goals: tuple[GoalLine, ...] = ()  # each goal judged at the end: met, and its value in words


def levels_available() -> bool:
    try:
        import sim.levels  # noqa: F401
    except ImportError:
        return False
    return True


def campaign() -> list[LevelInfo]:
    if levels_available():
        from sim.levels import campaign_levels

        return [_info(lv) for lv in campaign_levels()]
    return [_sandbox_info()]


def start(info: LevelInfo, seed: int = 0) -> Session:
    if info.source is not None:
        return LevelSession(info, seed)
    return SandboxSession(info, seed)


# --- the engine's levels ----------------------------------------------------------------------
def _card(a: Any) -> ActionCard:
    return ActionCard(str(a.slug), str(getattr(a, "title", a.slug)), str(getattr(a, "hotkey", "") or ""),
                      float(getattr(a, "cost", 0) or 0), str(getattr(a, "explain", "") or ""),
                      uses_left=getattr(a, "uses", None))


def _goal(g: Any) -> GoalLine:
    return GoalLine(str(g.slug), g.text, int(getattr(g, "star", 1)))  # g.text may be a Message: kept for tr()


def _info(lv: Any) -> LevelInfo:
    """The level as shown: in the interface's language where its file has the words (the rules
    and the content hash are the same in every language, so replays and hand-ins do not change)."""
    lv = lv.in_language(current_language())
    return LevelInfo(str(lv.slug), str(lv.title), str(lv.briefing), str(lv.cell_type), int(lv.turns),
                     float(lv.turn_min), tuple(_goal(g) for g in lv.goals),
                     tuple(_card(a) for a in lv.actions), source=lv, questions=tuple(getattr(lv, "questions", ())))


class Session:
    """One play-through: ``view()`` to draw, ``step(slugs)`` to end a turn, ``outcome()`` at the end."""

    info: LevelInfo
    reports: list[TurnReport]
    action_log: list[list[str]]

    def view(self) -> View:
        raise NotImplementedError

    def step(self, slugs: Sequence[str]) -> TurnReport:
        raise NotImplementedError

    @property
    def done(self) -> bool:
        raise NotImplementedError

    def outcome(self) -> Outcome:
        raise NotImplementedError

    def replay_json(self) -> dict[str, Any] | None:
        raise NotImplementedError


class LevelSession(Session):
    def __init__(self, info: LevelInfo, seed: int = 0) -> None:
        from sim.levels import LevelRun

        self.info = info
        self.seed = seed
        self.run = LevelRun(info.source, seed=seed)
        self.reports = []
        self.action_log = []

    def view(self) -> View:
        obs = self.run.observe()
        actions = tuple(attrs.evolve(c, available=bool(obs.available.get(c.slug, False)),
                                     uses_left=obs.uses_left.get(c.slug), why_not=obs.reasons.get(c.slug))
                        for c in self.info.actions)
        goals = []
        for g in self.info.goals:
            p = obs.goals.get(g.slug)
            goals.append(g if p is None else attrs.evolve(g, shown=p.shown, met=bool(p.ok) if obs.turn else None,
                                                          lost=p.lost))
        up = tuple((float(t), str(k), lbl) for t, k, lbl in obs.upcoming)  # a label may be a Message: kept for tr()
        return View(obs.snapshot, int(obs.turn), int(obs.turns_total), obs.budget_left, actions, up,
                    tuple(goals), tuple(obs.messages))

    def step(self, slugs: Sequence[str]) -> TurnReport:
        self.action_log.append(list(slugs))
        report = self.run.step([Action(s) for s in slugs])
        self.reports.append(report)
        return report

    @property
    def done(self) -> bool:
        return bool(self.run.done)

    def outcome(self) -> Outcome:
        r = self.run.result()
        goals = []
        for g in self.info.goals:
            p = r.goals.get(g.slug)
            goals.append(g if p is None else attrs.evolve(g, shown=p.shown, met=bool(p.ok)))
        return Outcome(bool(r.won), int(r.stars), int(r.score), r.failed_because, tuple(r.causes), goals=tuple(goals))

    def replay_json(self) -> dict[str, Any]:
        """The run as ``python -m sim replay`` reads it."""
        from sim.replay import to_jsonable

        return to_jsonable(self.run, policy="player")


# --- free play (no sim.levels yet) ----------------------------------------------------------
SANDBOX_START_MIN = 360.0  # the day starts at 06:00
SANDBOX_BUDGET = 8.0
_SANDBOX_HOTKEYS = "123456789"


def sandbox_info() -> LevelInfo:
    return _sandbox_info()


def _sandbox_info() -> LevelInfo:
    from sim.content import default_catalog

    cat = default_catalog()
    cards = tuple(ActionCard(slug, a.title, _SANDBOX_HOTKEYS[i], 1.0, a.explain)
                  for i, (slug, a) in enumerate(cat.actions.items()) if i < len(_SANDBOX_HOTKEYS))
    return LevelInfo("free-play", _("Free play: a day of plenty"),
                     _("A healthy muscle cell through a day of three mixed meals. Try the actions and "
                       "watch sugar outside, transporters at the membrane and energy inside."),
                     "muscle", 24, 60.0, (), cards, None, scored=False)


class SandboxSession(Session):
    """Free play on a preset; ``knobs`` (the engine's own study knobs) make a resistant cell."""

    def __init__(self, info: LevelInfo, seed: int = 0, knobs: dict[str, float] | None = None) -> None:
        from sim.engine import Simulation

        self.info = info
        self.sim = Simulation.from_preset("healthy", seed=seed, turn_min=info.turn_min, knobs=knobs)
        self.sim.schedule_diet("standard", 2)
        self.sim.run_until(SANDBOX_START_MIN)
        self.budget = SANDBOX_BUDGET
        self.reports = []
        self.action_log = []

    def view(self) -> View:
        cards = tuple(attrs.evolve(c, available=c.cost <= self.budget) for c in self.info.actions)
        horizon = self.sim.state.time_min + 8 * self.info.turn_min
        cat = self.sim.catalog
        up: list[tuple[float, str, str]] = []
        for e in self.sim.queue.upcoming():
            if e.time_min > horizon:
                break
            k = cat.meals.get(e.label) or cat.stressors.get(e.label) or cat.actions.get(e.label)
            title = k.title if k else e.label
            if e.kind == "meal":
                up.append((e.time_min, "meal", title))
            elif e.kind == "effect_start":
                up.append((e.time_min, str(e.get("source", "stressor")), title))
            elif e.kind == "effect_end":
                up.append((e.time_min, "ends", f"{title} ends"))
        return View(self.sim.snapshot(), self.sim.turn, self.info.turns, self.budget, cards, tuple(up), ())

    def step(self, slugs: Sequence[str]) -> TurnReport:
        cost = {c.slug: c.cost for c in self.info.actions}
        self.budget -= sum(cost.get(s, 0.0) for s in slugs)
        self.action_log.append(list(slugs))
        report = self.sim.advance([Action(s) for s in slugs])
        self.reports.append(report)
        return report

    @property
    def done(self) -> bool:
        return self.sim.turn >= self.info.turns

    def outcome(self) -> Outcome:
        causes: list[str] = []
        for r in self.reports:
            causes.extend(c for c in r.causes if c not in causes)
        return Outcome(True, 0, 0, None, tuple(causes[:5]), scored=False)

    def replay_json(self) -> None:
        return None
