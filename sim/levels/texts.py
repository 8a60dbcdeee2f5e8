"""A level's words in other languages: the ``[text.LANG]`` tables of a level file.

English is the level itself; ``[text.es]`` repeats the keys that carry words — ``title``,
``briefing``, ``goals.SLUG`` and ``fail.SLUG`` (by the goal's / failure's slug), ``questions``
(an array in the order of ``[[questions]]``: prompt, choices, explain), ``messages`` (the texts
of the ``message`` events, in order), ``actions.SLUG.title|explain`` (where ``[actions.SLUG]``
names the action itself) and ``content.TABLE.SLUG.title|explain`` (the level's own meals,
stressors and actions). Design choices:

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

from sim.content import default_catalog
from sim.levels.structure import suggest

# Languages a level may carry (the game has a catalog for each; game/settings.py LANGUAGES).
LANGUAGES: Mapping[str, str] = MappingProxyType({"es": "Spanish"})
KEYS = ("title", "briefing", "goals", "fail", "questions", "messages", "actions", "content")
QUESTION_KEYS = ("prompt", "choices", "explain")
WORD_KEYS = ("title", "explain")  # the keys of an action or a content entry that carry words
WORD_TABLES = ("meals", "stressors", "actions")  # [content] tables whose words are shown (not diets)


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
    # ``actions[slug][key]`` translates ``[actions.SLUG]``, ``content[table][slug][key]`` the
    # level's own catalog entries; ``cards[slug][key]``: each offered action's words, resolved
    # from those two as the loader resolves the English (``_action_words``)
    actions: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    content: Mapping[str, Mapping[str, Mapping[str, str]]] = attrs.field(factory=dict)
    cards: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)


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
        own = _words_by_slug(add, f"{at}.actions", t.get("actions", {}), _english_actions(spec), "actions")
        content = {name: _words_by_slug(add, f"{at}.content.{name}", v, english, name)
                   for name, v in _table(add, f"{at}.content", t.get("content", {})).items()
                   if (english := _english_content(spec, add, f"{at}.content", name)) is not None}
        out[lang] = LevelText(
            title=_text(add, f"{at}.title", t["title"]) if "title" in t else None,
            briefing=_text(add, f"{at}.briefing", t["briefing"]) if "briefing" in t else None,
            goals=_by_slug(add, f"{at}.goals", t.get("goals", {}), [g.slug for g in spec.goals], "goals"),
            fails=_by_slug(add, f"{at}.fail", t.get("fail", {}), [f.slug for f in spec.fail], "failure conditions"),
            questions=_questions(add, f"{at}.questions", t.get("questions", []), spec.questions),
            messages=_messages(add, f"{at}.messages", t.get("messages", []),
                               [e for e in spec.events if e.kind == "message"]),
            actions=own, content=content, cards=_action_words(spec, own, content),
        )
    return out


def _english_actions(spec: Any) -> dict[str, tuple[str, ...]]:
    """The word keys each ``[actions.SLUG]`` spells out (the rest come from the catalog)."""
    return {slug: keys for slug, r in spec.actions.items() if (keys := tuple(k for k in WORD_KEYS if getattr(r, k)))}


def _english_content(spec: Any, add: Add, at: str, table: str) -> dict[str, tuple[str, ...]] | None:
    entries = spec.content.get(table) if table in WORD_TABLES else {}
    if not isinstance(entries, Mapping):
        _known_keys(add, at, {table: None}, sorted(spec.content), "[content] tables")
        return None
    return {slug: keys for slug, e in entries.items()
            if isinstance(e, Mapping) and (keys := tuple(k for k in WORD_KEYS if isinstance(e.get(k), str)))}


def _words_by_slug(add: Add, at: str, v: Any, english: Mapping[str, Sequence[str]], what: str) -> dict[str, dict[str, str]]:
    """``{slug: {title, explain}}`` checked against the keys the English entries spell out."""
    t = _table(add, at, v)
    _known_keys(add, at, t, list(english), f"{what} with a title or explain of its own")
    out = {}
    for slug, x in t.items():
        if slug in english:
            here = _table(add, f"{at}.{slug}", x)
            _known_keys(add, f"{at}.{slug}", here, english[slug], "such key")
            out[slug] = {k: s for k, y in here.items() if k in english[slug] and (s := _text(add, f"{at}.{slug}.{k}", y))}
    return out


def _action_words(spec: Any, own: Mapping[str, Mapping[str, str]],
                  content: Mapping[str, Mapping[str, Mapping[str, str]]]) -> dict[str, dict[str, str]]:
    """Each offered action's translated title/explain, taken from where the loader takes the
    English (loader._actions): ``[actions.SLUG]`` first, else the level's own
    ``[content.actions.SLUG]`` or ``[content.meals.SLUG]``; absent: the catalog's (the game
    translates those through its message catalog)."""
    own_actions = spec.content.get("actions")
    catalog_actions = set(default_catalog().actions) | set(own_actions if isinstance(own_actions, Mapping) else ())
    out = {}
    for slug, rules in spec.actions.items():
        table = "actions" if slug in catalog_actions else "meals"
        made = content.get(table, {}).get(slug, {})
        words = {k: w for k in WORD_KEYS if (w := own.get(slug, {}).get(k) if getattr(rules, k) else made.get(k))}
        if words:
            out[slug] = words
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


def _ignore(_at: str, _message: str) -> None:
    """``Add`` for a second look at what ``parse_texts`` already reported."""


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
        missing += [f"actions.{slug}.{k}" for slug, keys in _english_actions(spec).items() for k in keys
                    if k not in t.actions.get(slug, {})]
        missing += [f"content.{table}.{slug}.{k}" for table in spec.content
                    for slug, keys in (_english_content(spec, _ignore, "", table) or {}).items() for k in keys
                    if k not in t.content.get(table, {}).get(slug, {})]
        out += [f"{at}.{k}: no {LANGUAGES[lang]} text; English is shown" for k in missing]
    return out
