"""``Level``: a validated level, ready to play — plus its goals, failure conditions and questions.

Built by ``loader.load_level`` from a TOML file. Everything here is frozen, so a level can be
shared by the game, bots and replays without copies. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

from sim.content import Catalog
from sim.levels.actions import ActionSpec
from sim.levels.quantities import QUANTITIES, show
from sim.levels.schema import CellSpec, EventSpec
from sim.levels.texts import LevelText
from sim.messages import Message


def _bounds_words(quantity: str, above: float | None, below: float | None) -> Message:
    if above is not None and below is not None:
        return Message("between {low} and {high}", low=show(quantity, above), high=show(quantity, below))
    if above is not None:
        return Message("above {value}", value=show(quantity, above))
    return Message("below {value}", value=show(quantity, below if below is not None else 0.0))


@attrs.frozen
class Goal:
    slug: str
    text: str
    kind: str  # share_of_turns | mean | end
    quantity: str
    above: float | None
    below: float | None
    share: float
    star: int

    @staticmethod
    def default_text(kind: str, quantity: str, above: float | None, below: float | None, share: float) -> Message:
        """The goal in words when the level gives none; a ``Message`` the game translates (the
        quantity's words and the bounds are values, translated in turn)."""
        what = QUANTITIES[quantity].words
        b = _bounds_words(quantity, above, below)
        if kind == "share_of_turns":
            if share >= 1.0:
                return Message("Keep {what} {bounds} in every turn", what=what, bounds=b)
            return Message("Keep {what} {bounds} in at least {pct:.0f}% of turns", what=what, bounds=b, pct=100 * share)
        if kind == "mean":
            return Message("Keep {what} {bounds} on average", what=what, bounds=b)
        return Message("End with {what} {bounds}", what=what, bounds=b)


@attrs.frozen
class FailCondition:
    slug: str
    text: str
    quantity: str
    above: float | None
    below: float | None
    turns: int

    @staticmethod
    def default_text(quantity: str, above: float | None, below: float | None, turns: int) -> Message:
        """Shown as the reason the level was lost. It opens with a fixed word so a translation
        needs no capitalised copy of every quantity's words."""
        what = QUANTITIES[quantity].words
        b = _bounds_words(quantity, above, below)
        if turns == 1:
            return Message("Lost: {what} went {bounds}", what=what, bounds=b)
        return Message("Lost: {what} stayed {bounds} for {turns} turns in a row", what=what, bounds=b, turns=turns)


@attrs.frozen
class Question:
    prompt: str
    choices: tuple[str, ...]
    answer: int
    explain: str = ""


@attrs.frozen
class Claim:
    """The briefing says ``quantity op value`` at the start (``turn`` 0) or after ``turn`` turns."""

    index: int  # its place in the file: claims[index]
    quantity: str
    op: str
    value: float
    turn: int
    says: str

    def holds(self, v: float) -> bool:
        return {"<": v < self.value, "<=": v <= self.value, ">": v > self.value, ">=": v >= self.value}[self.op]

    def words(self) -> str:
        when = "at the start" if self.turn == 0 else f"after {self.turn} turn{'s' if self.turn > 1 else ''}"
        return f"{self.quantity} {self.op} {show(self.quantity, self.value)} {when}"


@attrs.frozen
class Level:
    slug: str
    title: str
    briefing: str
    cell_type: str
    turns: int
    turn_min: float
    content_hash: str
    path: Path | None
    actions: tuple[ActionSpec, ...]
    goals: tuple[Goal, ...]
    fails: tuple[FailCondition, ...]
    questions: tuple[Question, ...]
    events: tuple[EventSpec, ...]
    cell: CellSpec
    diet: str | None
    budget_per_day: int  # 0: no budget
    start_clock_min: float
    catalog: Catalog = attrs.field(repr=False, eq=False)
    claims: tuple[Claim, ...] = ()
    # The lesson's actions: each entry one action or a group of substitutes; the proof bars one
    # entry at a time (a group as a whole) and requires each barred search to lose.
    key_actions: tuple[tuple[str, ...], ...] = ()
    # Words in other languages (``[text.LANG]``, sim/levels/texts.py); they never change play.
    translations: Mapping[str, LevelText] = attrs.field(factory=dict, repr=False, eq=False)
    notes: tuple[str, ...] = attrs.field(default=(), repr=False, eq=False)  # untranslated keys

    def in_language(self, lang: str) -> Level:
        """This level with its words in ``lang`` where the file has them, English elsewhere."""
        t = self.translations.get(lang)
        if t is None:
            return self
        goals = tuple(attrs.evolve(g, text=t.goals.get(g.slug, g.text)) for g in self.goals)
        fails = tuple(attrs.evolve(f, text=t.fails.get(f.slug, f.text)) for f in self.fails)
        questions = tuple(
            Question(tq.prompt, tq.choices, q.answer, q.explain if tq.explain is None else tq.explain)
            for tq, q in zip(t.questions, self.questions, strict=False)) + self.questions[len(t.questions):]
        messages = iter(t.messages)
        events = tuple(attrs.evolve(e, text=next(messages, e.text)) if e.kind == "message" else e for e in self.events)
        actions = tuple(attrs.evolve(a, title=w.get("title", a.title), explain=w.get("explain", a.explain))
                        if (w := t.cards.get(a.slug)) else a for a in self.actions)
        return attrs.evolve(self, title=(t.title or self.title).strip(), briefing=" ".join((t.briefing or self.briefing).split()),
                            goals=goals, fails=fails, questions=questions, events=events, actions=actions,
                            catalog=self.catalog.with_words(t.content))

    @property
    def length_min(self) -> float:
        return self.turns * self.turn_min

    def action(self, slug: str) -> ActionSpec | None:
        for a in self.actions:
            if a.slug == slug:
                return a
        return None
