"""Read, structure and check level files; every problem becomes one ``LevelError`` listing all.

Three passes, each collecting every problem it finds: TOML syntax (``tomllib``, with its line),
structure (``cattrs`` with strict scalar hooks: a string is never silently a number; unknown keys
are errors with a "did you mean"), and meaning (known meals and stressors, times inside the
level, sane ranges). Messages read ``file:line: key.path: found …; allowed …``.
Must not import pygame.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import cattrs
from cattrs.errors import (
    ClassValidationError,
    IterableValidationError,
)

from sim.content import default_catalog
from sim.datatree import shape_problem
from sim.errors import LevelError, found
from sim.levels.actions import RESERVED_HOTKEYS, RULE_KEYS, ActionSpec, action_tables
from sim.levels.level import Claim, FailCondition, Goal, Level, Question
from sim.levels.locate import Locator
from sim.levels.quantities import QUANTITIES
from sim.levels.schema import CLAIM_OPS, EVENT_KINDS, GOAL_KINDS, LevelFile
from sim.levels.structure import (
    BIG,
    CONVERTER,
    Bad,
    clean_path,
    format_error,
    strict_float,
    strict_int,
    suggest,
)
from sim.levels.texts import notes, parse_texts
from sim.model.parameters import CELL_TYPES, specs, value_problem
from sim.presets import presets
from sim.state import NAMES
from sim.storage import read_text_limited

MAX_TURNS = 1000
MAX_LENGTH_MIN = 60 * 1440.0


# --- errors -------------------------------------------------------------------------------------
class _Problems:
    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self.items: list[tuple[int | None, str, str]] = []
        self._locator: Locator | None = None

    def add(self, path: str, message: str) -> None:
        if path and self._locator is None:
            self._locator = Locator(self.text)  # indexed once: thousands of problems stay linear
        self.items.append((self._locator.line(path) if path and self._locator else None, path, message))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        lines = []
        for line, path, msg in self.items:
            where = f"{self.name}:{line}" if line else self.name
            lines.append(f"{where}: {path + ': ' if path else ''}{msg}")
        head = f"{self.name}: {len(lines)} problem{'s' if len(lines) > 1 else ''}"
        raise LevelError(head + "\n  " + "\n  ".join(lines) if len(lines) > 1 else lines[0])


def _num(p: _Problems, path: str, v: float | None, lo: float, hi: float, what: str = "") -> None:
    if v is not None and not (lo <= v <= hi):
        p.add(path, f"found {found(v, lo, hi)}; allowed: {what or f'{lo:g} to {hi:g}'}")


def _known(p: _Problems, path: str, v: str, options: list[str], what: str) -> bool:
    if v in options:
        return True
    shown = ", ".join(sorted(options)) if len(options) <= 30 else f"{len(options)} {what}s, see docs/levels.md"
    p.add(path, f"unknown {what} {v!r}{suggest(v, options)}; allowed: {shown}")
    return False


# --- the three passes -----------------------------------------------------------------------------
MAX_LEVEL_BYTES = 1024 * 1024  # the longest shipped level is a few kB


def load_level(path: str | Path) -> Level:
    """Read and validate a level file; raises ``LevelError`` naming every problem at once."""
    path = Path(path)
    # Size-limited read: a level pack from someone else must not exhaust memory.
    return parse_level(read_text_limited(path, LevelError, limit=MAX_LEVEL_BYTES), path)


def parse_level(data: bytes | str, path: str | Path | None = None) -> Level:
    name = str(path) if path is not None else "<level>"
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as e:
        raise LevelError(f"{name}: not UTF-8 text (byte {e.start})") from None
    problems = _Problems(name, text)
    if not text.strip():
        raise LevelError(f"{name}: the file is empty; a level needs at least title, briefing, turns, turn_min and [[goals]]")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LevelError(f"{name}: not valid TOML: {e}") from None
    except RecursionError:
        raise LevelError(f"{name}: not valid TOML: nested too deeply") from None
    shape = shape_problem(raw)
    if shape is not None:
        raise LevelError(f"{name}: {shape}")
    try:
        spec = CONVERTER.structure(raw, LevelFile)
    except (ClassValidationError, IterableValidationError) as e:
        for msg in cattrs.transform_error(e, path="$", format_exception=format_error):
            m, _, p = msg.rpartition(" @ ")
            problems.add(clean_path(p), m)
        problems.raise_if_any()
        raise LevelError(f"{name}: invalid level") from None
    except Exception as e:
        raise LevelError(f"{name}: invalid level ({format_error(e, None)})") from None
    level = _check(spec, raw, problems, path)
    problems.raise_if_any()
    assert level is not None
    return level


def content_hash(raw: Mapping[str, Any]) -> str:
    """SHA-256 of the level's parsed data (comments and layout do not count, nor the ``[text]``
    translations: they change no rule, so replays and hand-ins survive a language being added)."""
    raw = {k: v for k, v in raw.items() if k != "text"}
    blob = json.dumps(raw, sort_keys=True, default=str, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()


def _check(spec: LevelFile, raw: Mapping[str, Any], p: _Problems, path: str | Path | None) -> Level | None:
    if not spec.title.strip():
        p.add("title", "is empty; allowed: a short title")
    if not spec.briefing.strip():
        p.add("briefing", "is empty; allowed: a few sentences in plain words")
    _num(p, "turns", spec.turns, 1, MAX_TURNS)
    _num(p, "turn_min", spec.turn_min, 5, 1440, "5 to 1440 minutes")
    length = spec.turns * spec.turn_min
    if 0 < spec.turns <= MAX_TURNS and length > MAX_LENGTH_MIN:
        p.add("turns", f"the level lasts {length:g} min; allowed: at most {MAX_LENGTH_MIN:g} (60 days)")
    _num(p, "budget_per_day", spec.budget_per_day, 0, 1000)
    _num(p, "start_clock_min", spec.start_clock_min, 0.0, 1439.0, "0 to 1439 (minutes after midnight)")

    catalog = default_catalog()
    if spec.content:
        bad = set(spec.content) - {"meals", "stressors", "actions", "diets"}
        for k in sorted(bad):
            p.add(f"content.{k}", f"unknown table{suggest(k, ['meals', 'stressors', 'actions', 'diets'])}; allowed: meals, stressors, actions, diets")
        if not bad:
            try:
                catalog = catalog.merged({k: _strip_rules(k, v) for k, v in spec.content.items()})
            except (ValueError, TypeError, KeyError, AttributeError) as e:
                p.add("content", f"invalid entry ({e}); allowed: tables laid out like sim/data/content.toml")

    # cell
    c = spec.cell
    if _known(p, "cell.preset", c.preset, sorted(presets()), "preset") and c.type is not None:
        _known(p, "cell.type", c.type, list(CELL_TYPES), "cell type")
    knob_names = sorted(specs()["knobs"])
    for k, v in c.knobs.items():
        if _known(p, f"cell.knobs.{k}", k, knob_names, "knob"):
            why = value_problem(k, v)
            if why is not None:
                p.add(f"cell.knobs.{k}", why)
    for k, v in c.state.items():
        if _known(p, f"cell.state.{k}", k, list(NAMES), "state variable"):
            _num(p, f"cell.state.{k}", v, 0.0, BIG)
    if spec.diet is not None:
        _known(p, "diet", spec.diet, sorted(catalog.diets), "diet")

    # events
    for i, ev in enumerate(spec.events):
        at = f"events[{i}]"
        if not _known(p, f"{at}.kind", ev.kind, list(EVENT_KINDS), "event kind"):
            continue
        _num(p, f"{at}.time_min", ev.time_min, 0.0, max(length - 1e-9, 0.0), f"0 to {length:g} less 1e-9 (inside the level, which lasts {length:g} min)")
        _num(p, f"{at}.jitter_min", ev.jitter_min, 0.0, max(length, 0.0))
        _num(p, f"{at}.chance", ev.chance, 0.0, 1.0)
        _num(p, f"{at}.intensity", ev.intensity, 0.0, 10.0)
        if ev.duration_min is not None:
            _num(p, f"{at}.duration_min", ev.duration_min, 1.0, MAX_LENGTH_MIN)
        need = {"meal": "meal", "stressor": "stressor", "message": "text"}[ev.kind]
        for other in ("meal", "stressor"):
            if other != need and getattr(ev, other) is not None:
                p.add(f"{at}.{other}", f"is only for events of kind {other!r}; this event is a {ev.kind!r}")
        if ev.kind == "meal":
            if ev.meal is None:
                p.add(f"{at}.meal", "required key is missing for a meal event")
            else:
                _known(p, f"{at}.meal", ev.meal, sorted(catalog.meals), "meal")
        elif ev.kind == "stressor":
            if ev.stressor is None:
                p.add(f"{at}.stressor", "required key is missing for a stressor event")
            else:
                _known(p, f"{at}.stressor", ev.stressor, sorted(catalog.stressors), "stressor")
        elif not ev.text.strip():
            p.add(f"{at}.text", "required for a message event; allowed: a sentence in plain words")

    actions = _actions(spec, raw, catalog, p)
    goals = _goals(spec, p)
    fails = _fails(spec, p)
    claims = _claims(spec, p)
    offered = [a.slug for a in actions]
    key_actions = _key_actions(spec.key_actions, offered, p)
    questions = []
    for i, q in enumerate(spec.questions):
        if len(q.choices) < 2:
            p.add(f"questions[{i}].choices", f"found {len(q.choices)} choice(s); allowed: at least 2")
        elif not (0 <= q.answer < len(q.choices)):
            p.add(f"questions[{i}].answer", f"found {q.answer}; allowed: 0 to {len(q.choices) - 1} (the index of the right choice)")
        questions.append(Question(q.prompt, tuple(q.choices), q.answer, q.explain))
    translations = parse_texts(spec.text, spec, p.add)
    if p.items:
        return None
    slug = spec.slug or (Path(path).stem if path is not None else "level")
    preset = presets()[c.preset]
    return Level(
        slug=slug, title=spec.title.strip(), briefing=" ".join(spec.briefing.split()),
        cell_type=c.type or preset.cell_type, turns=spec.turns, turn_min=spec.turn_min,
        content_hash=content_hash(raw), path=Path(path) if path is not None else None,
        actions=tuple(actions), goals=tuple(goals), fails=tuple(fails), questions=tuple(questions),
        events=tuple(spec.events), cell=c, diet=spec.diet, budget_per_day=spec.budget_per_day,
        start_clock_min=spec.start_clock_min,
        catalog=catalog, claims=tuple(claims), key_actions=key_actions,
        translations=translations, notes=tuple(notes(spec, translations)),
    )


KEY_ACTIONS_ALLOWED = ('an action of this level ("walk") or a list of substitutes, barred together '
                       '(["walk", "workout"])')


def _key_actions(entries: list[Any], offered: list[str], p: _Problems) -> tuple[tuple[str, ...], ...]:
    """Each entry as a group of action slugs (a lone slug is a group of one), duplicates dropped."""
    groups: list[tuple[str, ...]] = []
    for i, entry in enumerate(entries):
        at = f"key_actions[{i}]"
        if isinstance(entry, str):
            members, where = [entry], [at]
        elif isinstance(entry, list) and entry and all(isinstance(m, str) for m in entry):
            members, where = entry, [f"{at}[{j}]" for j in range(len(entry))]
        else:
            found = "an empty list" if entry == [] else f"{entry!r}"
            p.add(at, f"found {found}; allowed: {KEY_ACTIONS_ALLOWED}")
            continue
        if all([_known(p, w, m, offered, "action of this level") for w, m in zip(where, members, strict=True)]):
            groups.append(tuple(dict.fromkeys(members)))
    return tuple(dict.fromkeys(groups))


def _strip_rules(table: str, entries: Any) -> Any:
    """A level's ``[content.actions]`` may carry rules of play; the engine's catalog ignores them."""
    if table != "actions" or not isinstance(entries, Mapping):
        return entries
    return {k: {kk: vv for kk, vv in dict(v).items() if kk not in RULE_KEYS} if isinstance(v, Mapping) else v
            for k, v in entries.items()}


def _actions(spec: LevelFile, raw: Mapping[str, Any], catalog: Any, p: _Problems) -> list[ActionSpec]:
    tables = action_tables(spec.content)
    out: list[ActionSpec] = []
    keys_used: dict[str, str] = {}
    auto_keys = iter("123456789qwertyuiop")
    reserved = {r.hotkey.casefold() for r in spec.actions.values() if r.hotkey}
    for slug, rules in spec.actions.items():
        at = f"actions.{slug}"
        options = sorted(set(catalog.actions) | set(catalog.meals))
        if not _known(p, at, slug, options, "action"):
            continue
        base = tables.get(slug, {})
        eff = catalog.actions.get(slug)
        meal = catalog.meals.get(slug)
        title = rules.title or (eff.title if eff else meal.title if meal else slug)
        explain = rules.explain or (eff.explain if eff else f"Eat {title.lower()} now.")
        try:
            cost = rules.cost if rules.cost is not None else strict_int(base.get("cost", 1), int)
            cooldown = rules.cooldown_turns if rules.cooldown_turns is not None else strict_int(base.get("cooldown_turns", 0), int)
            uses = rules.uses if rules.uses is not None else (None if base.get("uses") is None else strict_int(base["uses"], int))
            next_meal = base.get("next_meal")
            scale = strict_float(base.get("next_meal_scale", 1.0), float)
            skip = strict_float(base.get("skip_meals_min", 0.0), float)
        except Bad as e:
            p.add(at, f"the catalog's rules for this action are invalid: {e}")
            continue
        _num(p, f"{at}.cost", cost, 0, 100)
        _num(p, f"{at}.cooldown_turns", cooldown, 0, MAX_TURNS)
        if uses is not None:
            _num(p, f"{at}.uses", uses, 1, MAX_TURNS)
        if next_meal is not None and (not isinstance(next_meal, str) or next_meal not in catalog.meals):
            p.add(at, f"the catalog's next_meal {next_meal!r} is not a known meal")
            next_meal = None
        _num(p, at, scale, 0.0, 5.0, "next_meal_scale from 0 to 5")
        _num(p, at, skip, 0.0, MAX_LENGTH_MIN, "skip_meals_min from 0 to 86400")
        hotkey = rules.hotkey if rules.hotkey is not None else base.get("hotkey")
        if hotkey is not None and not (isinstance(hotkey, str) and len(hotkey) == 1 and hotkey.isprintable() and not hotkey.isspace()):
            p.add(f"{at}.hotkey", f"found {hotkey!r}; allowed: one letter, digit or sign")
            hotkey = None
        if hotkey is not None and hotkey.casefold() in RESERVED_HOTKEYS:
            if rules.hotkey is not None:
                p.add(f"{at}.hotkey", f"{hotkey!r} is the game's key for {RESERVED_HOTKEYS[hotkey.casefold()]}; "
                      f"allowed: any other letter, digit or sign")
            hotkey = None
        if hotkey is not None and hotkey.casefold() in keys_used:
            if rules.hotkey is not None:
                p.add(f"{at}.hotkey", f"{hotkey!r} is already the key of {keys_used[hotkey.casefold()]!r}; "
                      f"allowed: a key no other action uses (upper and lower case are the same key)")
            hotkey = None
        if hotkey is None:
            hotkey = next((k for k in auto_keys if k not in keys_used and k not in reserved
                           and k not in RESERVED_HOTKEYS), "?")
        keys_used[hotkey.casefold()] = slug
        out.append(ActionSpec(slug, title, hotkey, cost, cooldown, uses, explain, next_meal, scale, skip))
    return out


def _bounds(p: _Problems, at: str, above: float | None, below: float | None) -> None:
    if above is None and below is None:
        p.add(at, "needs 'above' or 'below' (or both); found neither")
    for k, v in (("above", above), ("below", below)):
        _num(p, f"{at}.{k}", v, -BIG, BIG)
    if above is not None and below is not None and above >= below:
        p.add(f"{at}.below", f"found below = {below:g} not above 'above' = {above:g}; allowed: a range with above < below")


def _goals(spec: LevelFile, p: _Problems) -> list[Goal]:
    out = []
    seen: set[str] = set()
    if not spec.goals:
        p.add("goals", "found no goals; allowed: at least one [[goals]] with star = 1")
    elif not any(g.star == 1 for g in spec.goals):
        p.add("goals", "no goal has star = 1; allowed: at least one goal needed to win")
    for i, g in enumerate(spec.goals):
        at = f"goals[{i}]"
        if g.slug in seen:
            p.add(f"{at}.slug", f"{g.slug!r} is used twice; allowed: a slug unique in the level")
        seen.add(g.slug)
        ok = _known(p, f"{at}.kind", g.kind, list(GOAL_KINDS), "goal kind")
        ok = _known(p, f"{at}.quantity", g.quantity, list(QUANTITIES), "quantity") and ok
        _bounds(p, at, g.above, g.below)
        _num(p, f"{at}.share", g.share, 0.01, 1.0, "0.01 to 1 (a share of turns)")
        _num(p, f"{at}.star", g.star, 1, 3)
        if ok and (g.above is not None or g.below is not None):
            text = g.text or Goal.default_text(g.kind, g.quantity, g.above, g.below, g.share)
            out.append(Goal(g.slug, text, g.kind, g.quantity, g.above, g.below, g.share, g.star))
    return out


_TURN = re.compile(r"turn ([0-9]{1,4})")


def _claims(spec: LevelFile, p: _Problems) -> list[Claim]:
    out = []
    for i, c in enumerate(spec.claims):
        at = f"claims[{i}]"
        ok = _known(p, f"{at}.quantity", c.quantity, list(QUANTITIES), "quantity")
        ok = _known(p, f"{at}.op", c.op, list(CLAIM_OPS), "comparison") and ok
        _num(p, f"{at}.value", c.value, -BIG, BIG)
        m = _TURN.fullmatch(c.at)
        turn = 0 if c.at == "start" else int(m.group(1)) if m else -1
        if turn < 0 or turn > spec.turns:
            p.add(f"{at}.at", f"found {c.at!r}; allowed: \"start\" or \"turn N\" with N from 1 to {spec.turns}")
            ok = False
        elif turn == 0 and ok and QUANTITIES[c.quantity].source == "stats":
            p.add(f"{at}.at", f"{c.quantity!r} is measured during a turn, so there is none at the start; "
                  "allowed: \"turn N\", or a quantity of the state such as 'receptors'")
            ok = False
        if ok:
            out.append(Claim(i, c.quantity, c.op, c.value, turn, c.says))
    return out


def _fails(spec: LevelFile, p: _Problems) -> list[FailCondition]:
    out = []
    for i, f in enumerate(spec.fail):
        at = f"fail[{i}]"
        ok = _known(p, f"{at}.quantity", f.quantity, list(QUANTITIES), "quantity")
        _bounds(p, at, f.above, f.below)
        _num(p, f"{at}.turns", f.turns, 1, MAX_TURNS)
        if ok and (f.above is not None or f.below is not None):
            text = f.text or FailCondition.default_text(f.quantity, f.above, f.below, f.turns)
            out.append(FailCondition(f.slug, text, f.quantity, f.above, f.below, f.turns))
    return out
