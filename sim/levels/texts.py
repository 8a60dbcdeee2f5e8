"""A level's words in other languages: the ``[text.LANG]`` tables of a level file.

English is the level itself; ``[text.es]`` repeats the keys that carry words — ``title``,
``briefing``, ``goals.SLUG`` and ``fail.SLUG`` (by the goal's / failure's slug), ``questions``
(an array in the order of ``[[questions]]``: prompt, choices, explain) and ``messages`` (the texts
of the ``message`` events, in order). Design choices:

- One table per language with the English keys, not ``title_es`` beside ``title``: a translator
  works through one block, and a key English does not have is an error naming it.
- An unknown language or key is a level error; a missing translation is not: English is shown
  and ``levels check`` notes it (``notes``), so a level can be translated bit by bit.
- Translations never change play, so ``content_hash`` leaves them out (loader.py): a replay or a
  hand-in stays valid when a language is added to its level.
- A goal without a ``text`` has one written by the engine (a ``Message``) that the game
  translates through its catalog; it needs no entry here.

Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from sim.levels.structure import suggest

# Languages a level may carry (the game has a catalog for each; game/settings.py LANGUAGES).
LANGUAGES: Mapping[str, str] = MappingProxyType({"es": "Spanish"})
KEYS = ("title", "briefing", "goals", "fail", "questions", "messages")
QUESTION_KEYS = ("prompt", "choices", "explain")


@attrs.frozen
class QuestionText:
    prompt: str
    choices: tuple[str, ...]
    explain: str | None = None


@attrs.frozen
class LevelText:
    """One language's words for a level; ``None`` / absent entries fall back to English."""

    title: str | None = None
    briefing: str | None = None
    goals: Mapping[str, str] = attrs.field(factory=dict)
    fails: Mapping[str, str] = attrs.field(factory=dict)
    questions: tuple[QuestionText, ...] = ()
    messages: tuple[str, ...] = ()


Add = Callable[[str, str], None]


def _text(add: Add, at: str, v: Any) -> str | None:
    if isinstance(v, str) and v.strip():
        return v
    add(at, f"found {_kind(v)}; allowed: a non-empty string (the translation)")
    return None


def _kind(v: Any) -> str:
    if v is None:
        return "nothing (the key is missing)"
    return repr(v) if isinstance(v, str) else type(v).__name__


def _known_keys(add: Add, at: str, table: Mapping[str, Any], allowed: Sequence[str], what: str) -> None:
    for k in table:
        if k not in allowed:
            shown = ", ".join(allowed) if allowed else f"none (the level has no {what})"
            add(f"{at}.{k}", f"{k!r} is not in the English text{suggest(k, list(allowed))}; allowed: {shown}")


def _table(add: Add, at: str, v: Any) -> Mapping[str, Any]:
    if isinstance(v, Mapping):
        return v
    add(at, f"found {_kind(v)}; allowed: a table")
    return {}


def parse_texts(raw: Any, spec: Any, add: Add) -> dict[str, LevelText]:
    """Check ``[text]`` of a level (``spec`` is its ``LevelFile``) against its English words."""
    out: dict[str, LevelText] = {}
    for lang, table in _table(add, "text", raw).items():
        at = f"text.{lang}"
        if lang not in LANGUAGES:
            add(at, f"unknown language {lang!r}; allowed: {', '.join(LANGUAGES)} (English is the level itself)")
            continue
        t = _table(add, at, table)
        _known_keys(add, at, t, KEYS, "such key")
        out[lang] = LevelText(
            title=_text(add, f"{at}.title", t["title"]) if "title" in t else None,
            briefing=_text(add, f"{at}.briefing", t["briefing"]) if "briefing" in t else None,
            goals=_by_slug(add, f"{at}.goals", t.get("goals", {}), [g.slug for g in spec.goals], "goals"),
            fails=_by_slug(add, f"{at}.fail", t.get("fail", {}), [f.slug for f in spec.fail], "failure conditions"),
            questions=_questions(add, f"{at}.questions", t.get("questions", []), spec.questions),
            messages=_messages(add, f"{at}.messages", t.get("messages", []),
                               [e for e in spec.events if e.kind == "message"]),
        )
    return out


def _by_slug(add: Add, at: str, v: Any, slugs: list[str], what: str) -> dict[str, str]:
    t = _table(add, at, v)
    _known_keys(add, at, t, slugs, what)
    return {k: s for k, x in t.items() if k in slugs and (s := _text(add, f"{at}.{k}", x)) is not None}


def _questions(add: Add, at: str, v: Any, english: Sequence[Any]) -> tuple[QuestionText, ...]:
    if not isinstance(v, list):
        add(at, f"found {_kind(v)}; allowed: an array of tables, one per [[questions]] in order")
        return ()
    if len(v) > len(english):
        add(f"{at}[{len(english)}]", f"found {len(v)} questions; allowed: at most {len(english)} (as in the English text)")
    out = []
    for i, (q, en) in enumerate(zip(v, english, strict=False)):
        here = f"{at}[{i}]"
        t = _table(add, here, q)
        _known_keys(add, here, t, QUESTION_KEYS, "such key")
        prompt = _text(add, f"{here}.prompt", t.get("prompt"))
        choices = t.get("choices")
        if not isinstance(choices, list) or len(choices) != len(en.choices):
            add(f"{here}.choices", f"found {_kind(choices) if not isinstance(choices, list) else f'{len(choices)} choices'}; "
                                   f"allowed: {len(en.choices)} strings, in the English order")
            choices = None
        else:
            choices = [_text(add, f"{here}.choices[{j}]", c) for j, c in enumerate(choices)]
        explain = _text(add, f"{here}.explain", t["explain"]) if "explain" in t else None
        if prompt is not None and choices is not None and all(c is not None for c in choices):
            out.append(QuestionText(prompt, tuple(str(c) for c in choices), explain))
    return tuple(out)


def _messages(add: Add, at: str, v: Any, english: Sequence[Any]) -> tuple[str, ...]:
    if not isinstance(v, list):
        add(at, f"found {_kind(v)}; allowed: an array of strings, one per message event in order")
        return ()
    if len(v) > len(english):
        add(f"{at}[{len(english)}]", f"found {len(v)} messages; allowed: at most {len(english)} (the level's message events)")
    return tuple(s for i, x in enumerate(v[: len(english)]) if (s := _text(add, f"{at}[{i}]", x)) is not None)


def notes(spec: Any, texts: Mapping[str, LevelText]) -> list[str]:
    """What each declared language leaves in English: ``text.es.goals.peaks: no translation …``."""
    out = []
    for lang, t in texts.items():
        at = f"text.{lang}"
        missing = [k for k in ("title", "briefing") if getattr(t, k) is None]
        missing += [f"goals.{g.slug}" for g in spec.goals if g.text and g.slug not in t.goals]
        missing += [f"fail.{f.slug}" for f in spec.fail if f.text and f.slug not in t.fails]
        missing += [f"questions[{i}]" for i in range(len(t.questions), len(spec.questions))]
        missing += [f"questions[{i}].explain" for i, (q, en) in enumerate(zip(t.questions, spec.questions, strict=False))
                    if en.explain and q.explain is None]
        n_msg = sum(e.kind == "message" for e in spec.events)
        missing += [f"messages[{i}]" for i in range(len(t.messages), n_msg)]
        out += [f"{at}.{k}: no {LANGUAGES[lang]} text; English is shown" for k in missing]
    return out
