"""Challenge files (``NAME.challenge.toml``): one level, one seed, rules and questions, as one file.

A challenge embeds the level's *text* with its content hash (never a path to read), so it is
complete on its own and a changed level is caught. It names the actions students may use, the
turn limit, the game settings it locks (for example ``muted = true``), prediction questions
(multiple choice, each answered with a confidence from 1 to 5), reflection prompts for after the
game, and notes for the teacher. ``docs/classroom.md`` describes every key.

``Challenge.challenge_id`` is a SHA-256 over what decides play and answers (level hash, seed,
actions, turn limit, question ids and choices), so a teacher may retitle a challenge or rewrite
the notes without orphaning submissions. Must not import pygame.
"""

from __future__ import annotations

import hashlib
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from sim.classroom import tomlout
from sim.classroom.canonical import (
    MAX_CHALLENGE_BYTES,
    MAX_CHOICES,
    MAX_NAME_CHARS,
    MAX_QUESTIONS,
    MAX_TEXT_CHARS,
    MAX_TURNS,
    canonical_json,
    versions,
)
from sim.classroom.fields import Reader
from sim.classroom.texts import ChallengeText, parse_texts
from sim.datatree import shape_problem
from sim.errors import ChallengeError, LevelError, UserError
from sim.storage import atomic_write_text, read_text_limited

FORMAT = "amid-plenty-challenge"
FORMAT_VERSION = 1
SUFFIX = ".challenge.toml"
MAX_LEVEL_CHARS = 256 * 1024
MAX_SEED = 2**63 - 1
# Game settings a challenge may fix for everyone (game/settings.py); value: (kind, lo, hi).
LOCKABLE: dict[str, tuple[str, float, float]] = {
    "muted": ("bool", 0, 1), "volume": ("number", 0.0, 1.0), "reduced_motion": ("bool", 0, 1),
    "colorblind": ("bool", 0, 1), "fullscreen": ("bool", 0, 1), "text_scale_pct": ("int", 75, 200),
}
DEFAULT_LOCKED: dict[str, Any] = {"muted": True}
DEFAULT_REFLECTION = (
    "What happened to the cell's energy while sugar was plentiful in the blood? Why?",
    "Which of your choices mattered most, and what would you do differently?",
)
_TOP = ("format", "format_version", "title", "seed", "teacher_notes", "made_with", "level", "rules",
        "settings", "questions", "reflection", "text")


@attrs.frozen
class ChoiceQuestion:
    """A prediction question: pick one of ``choices`` and say how sure you are (1–5)."""

    id: str
    prompt: str
    choices: tuple[str, ...]
    answer: int | None = None  # index of the right choice; None: an opinion, nothing to mark
    explain: str = ""


@attrs.frozen
class ReflectionPrompt:
    id: str
    prompt: str


@attrs.frozen
class Challenge:
    title: str
    seed: int
    level_text: str
    level_hash: str
    level_slug: str
    allowed_actions: tuple[str, ...]
    turn_limit: int
    locked_settings: Mapping[str, Any]
    questions: tuple[ChoiceQuestion, ...]
    reflection: tuple[ReflectionPrompt, ...]
    teacher_notes: str = ""
    made_with: Mapping[str, str] = attrs.field(factory=dict)
    path: Path | None = attrs.field(default=None, eq=False)
    _level: Any = attrs.field(default=None, eq=False, repr=False, alias="level_obj")
    translations: Mapping[str, ChallengeText] = attrs.field(factory=dict, repr=False)  # [text.LANG]

    def in_language(self, lang: str) -> Challenge:
        """For showing only: the words in ``lang`` where the file has them (the level's too).
        Hand-ins are made from the challenge as read, so they stay in the file's own words."""
        t = self.translations.get(lang, ChallengeText())
        qs = tuple(attrs.evolve(q, prompt=tq.prompt, choices=tq.choices, explain=q.explain if tq.explain is None else tq.explain)
                   if (tq := t.questions.get(q.id)) else q for q in self.questions)
        rs = tuple(attrs.evolve(p, prompt=t.reflection.get(p.id, p.prompt)) for p in self.reflection)
        level = self._level.in_language(lang) if self._level is not None else None
        return attrs.evolve(self, title=t.title or self.title, questions=qs, reflection=rs, level_obj=level)

    @property
    def challenge_id(self) -> str:
        key = {
            "level_hash": self.level_hash, "seed": self.seed, "actions": list(self.allowed_actions),
            "turns": self.turn_limit,
            "questions": [[q.id, list(q.choices)] for q in self.questions],
            "reflection": [r.id for r in self.reflection],
        }
        return "sha256:" + hashlib.sha256(canonical_json(key).encode()).hexdigest()

    @property
    def level(self) -> Any:
        """The level as the challenge plays it: only the allowed actions, at most ``turn_limit`` turns."""
        if self._level is None:
            raise ChallengeError(f"{self.path or 'challenge'}: the level is not loaded")
        return self._level

    def to_toml(self) -> str:
        doc: dict[str, Any] = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "title": self.title, "seed": self.seed,
            "teacher_notes": self.teacher_notes, "made_with": dict(self.made_with),
            "rules": {"allowed_actions": list(self.allowed_actions), "turn_limit": self.turn_limit},
            "settings": dict(self.locked_settings),
            "level": {"slug": self.level_slug, "content_hash": self.level_hash, "text": self.level_text},
            "questions": [_question_table(q) for q in self.questions],
            "reflection": [{"id": r.id, "prompt": r.prompt} for r in self.reflection],
        }
        if self.translations:
            doc["text"] = {lang: t.to_table() for lang, t in self.translations.items()}
        comments = {
            "format": "A classroom challenge for Amid Plenty. Check it with: python -m sim challenge check FILE",
            "teacher_notes": "Seen by the teacher only (the game does not show them).",
            "settings": "Game settings every student plays with (the game locks them).",
            "level": "The level, embedded; its content_hash must match the text (edit the level file, then make\n"
                     "the challenge again rather than editing here).",
            "questions": "Prediction questions, asked before playing; answer = index of the right choice, from 0.",
            "reflection": "Reflection prompts, asked after playing.",
            "text": "The challenge's words in other languages, by question and prompt id (the game shows them).",
        }
        return tomlout.dumps(doc, comments)


def _question_table(q: ChoiceQuestion) -> dict[str, Any]:
    d: dict[str, Any] = {"id": q.id, "prompt": q.prompt, "choices": list(q.choices)}
    if q.answer is not None:
        d["answer"] = q.answer
    if q.explain:
        d["explain"] = q.explain
    return d


# --- reading -------------------------------------------------------------------------------------
def load_challenge(path: str | Path) -> Challenge:
    """Read and check a challenge file; every problem raises ``ChallengeError`` naming the file."""
    p = Path(path)
    text = read_text_limited(p, ChallengeError, MAX_CHALLENGE_BYTES)
    return parse_challenge(text, p)


def parse_challenge(text: str, path: str | Path | None = None) -> Challenge:
    where = str(path) if path is not None else "<challenge>"
    r = Reader(where)
    if len(text) > MAX_CHALLENGE_BYTES:
        raise r.fail("", f"{len(text):,} characters; allowed: at most {MAX_CHALLENGE_BYTES:,}")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise r.fail("", f"not valid TOML: {e}") from None
    except RecursionError:
        raise r.fail("", "not valid TOML: nested too deeply") from None
    shape = shape_problem(raw)
    if shape is not None:
        raise r.fail("", shape)
    r.table(raw, "", _TOP, ("format", "format_version", "seed", "level", "rules"))
    if raw["format"] != FORMAT:
        raise r.fail("format", f"found {raw['format']!r}; allowed: {FORMAT!r} (is this a challenge file?)")
    if r.integer(raw["format_version"], "format_version", 1, 10**6) != FORMAT_VERSION:
        raise r.fail("format_version", f"found {raw['format_version']}; this program reads version {FORMAT_VERSION}"
                                       " (a newer program made the file?)")
    seed = r.integer(raw["seed"], "seed", 0, MAX_SEED)
    title = r.text(raw.get("title", ""), "title", 200, one_line=True)
    notes = r.text(raw.get("teacher_notes", ""), "teacher_notes", MAX_TEXT_CHARS)
    made = r.table(raw.get("made_with", {}), "made_with", ("engine", "app"))
    made_with = {k: r.text(v, f"made_with.{k}", 40, one_line=True) for k, v in made.items()}
    lv = r.table(raw["level"], "level", ("slug", "title", "content_hash", "text"), ("content_hash", "text"))
    level_text = r.text(lv["text"], "level.text", MAX_LEVEL_CHARS, empty=False)
    level_hash = r.sha256(lv["content_hash"], "level.content_hash")
    level = _parse_level(level_text, where)
    if level.content_hash != level_hash.removeprefix("sha256:"):
        raise r.fail("level.content_hash", "does not match the embedded level text (the level was edited after the "
                                           "challenge was made); make the challenge again with: python -m sim challenge new")
    rules = r.table(raw["rules"], "rules", ("allowed_actions", "turn_limit"))
    offered = [a.slug for a in level.actions]
    allowed_raw = r.array(rules.get("allowed_actions", offered), "rules.allowed_actions", 100)
    allowed: list[str] = []
    for i, a in enumerate(allowed_raw):
        s = r.text(a, f"rules.allowed_actions[{i}]", 40)
        if s not in offered:
            raise r.fail(f"rules.allowed_actions[{i}]", f"found {s!r}; allowed: actions the level offers ({', '.join(offered) or 'none'})")
        if s in allowed:
            raise r.fail(f"rules.allowed_actions[{i}]", f"{s!r} is listed twice")
        allowed.append(s)
    turn_limit = r.integer(rules.get("turn_limit", level.turns), "rules.turn_limit", 1, min(level.turns, MAX_TURNS))
    settings = _settings(r, raw.get("settings", {}))
    questions = _questions(r, raw.get("questions", []))
    reflection = _reflection(r, raw.get("reflection", []))
    ids = [q.id for q in questions] + [x.id for x in reflection]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise r.fail("questions", f"the id {dup[0]!r} is used twice; allowed: one id per question or prompt")
    slug = lv.get("slug", level.slug)
    return Challenge(
        title=title or level.title, seed=seed, level_text=level_text, level_hash=level.content_hash,
        level_slug=r.text(slug, "level.slug", 80, one_line=True), allowed_actions=tuple(allowed),
        turn_limit=turn_limit, locked_settings=settings, questions=questions, reflection=reflection,
        teacher_notes=notes, made_with=made_with, path=Path(path) if path is not None else None,
        level_obj=_restrict(level, allowed, turn_limit),
        translations=parse_texts(r, raw.get("text", {}), questions, reflection),
    )


def _parse_level(text: str, where: str) -> Any:
    from sim.levels import parse_level

    try:
        return parse_level(text, None)
    except LevelError as e:
        msg = str(e).replace("<level>", "level.text", 1)
        raise ChallengeError(f"{where}: the embedded level is invalid: {msg}") from None
    except UserError as e:
        raise ChallengeError(f"{where}: the embedded level is invalid: {e}") from None
    except (RecursionError, ValueError, TypeError, KeyError) as e:  # a loader bug must still not escape
        raise ChallengeError(f"{where}: the embedded level is invalid ({type(e).__name__})") from None


def _restrict(level: Any, allowed: Sequence[str], turns: int) -> Any:
    return attrs.evolve(level, actions=tuple(a for a in level.actions if a.slug in allowed), turns=turns, path=None)


def _settings(r: Reader, raw: Any) -> dict[str, Any]:
    t = r.table(raw, "settings", tuple(LOCKABLE))
    out: dict[str, Any] = {}
    for k, v in t.items():
        kind, lo, hi = LOCKABLE[k]
        if kind == "bool":
            out[k] = r.boolean(v, f"settings.{k}")
        elif kind == "int":
            out[k] = r.integer(v, f"settings.{k}", int(lo), int(hi))
        else:
            out[k] = r.number(v, f"settings.{k}", lo, hi)
    return out


def _questions(r: Reader, raw: Any) -> tuple[ChoiceQuestion, ...]:
    out = []
    for i, q in enumerate(r.array(raw, "questions", MAX_QUESTIONS)):
        at = f"questions[{i}]"
        t = r.table(q, at, ("id", "prompt", "choices", "answer", "explain"), ("prompt", "choices"))
        qid = r.slug(t.get("id", f"q{i + 1}"), f"{at}.id")
        prompt = r.text(t["prompt"], f"{at}.prompt", 1000, empty=False)
        choices = r.array(t["choices"], f"{at}.choices", MAX_CHOICES)
        if len(choices) < 2:
            raise r.fail(f"{at}.choices", f"{len(choices)} choices; allowed: 2 to {MAX_CHOICES}")
        texts = tuple(r.text(c, f"{at}.choices[{j}]", 300, empty=False) for j, c in enumerate(choices))
        answer = None if "answer" not in t else r.integer(t["answer"], f"{at}.answer", 0, len(texts) - 1)
        explain = r.text(t.get("explain", ""), f"{at}.explain", MAX_TEXT_CHARS)
        out.append(ChoiceQuestion(qid, prompt, texts, answer, explain))
    return tuple(out)


def _reflection(r: Reader, raw: Any) -> tuple[ReflectionPrompt, ...]:
    out = []
    for i, q in enumerate(r.array(raw, "reflection", MAX_QUESTIONS)):
        at = f"reflection[{i}]"
        t = r.table(q, at, ("id", "prompt"), ("prompt",))
        out.append(ReflectionPrompt(r.slug(t.get("id", f"r{i + 1}"), f"{at}.id"),
                                    r.text(t["prompt"], f"{at}.prompt", 1000, empty=False)))
    return tuple(out)


# --- making --------------------------------------------------------------------------------------
def make_challenge(
    level_path: str | Path,
    seed: int,
    *,
    title: str | None = None,
    questions_path: str | Path | None = None,
    allowed_actions: Sequence[str] | None = None,
    turn_limit: int | None = None,
    locked_settings: Mapping[str, Any] | None = None,
    teacher_notes: str = "",
) -> Challenge:
    """Build a challenge from a level file (and optionally a questions file); it is re-checked by
    parsing its own TOML, so what is written is exactly what ``load_challenge`` accepts."""
    from sim.levels import parse_level

    lp = Path(level_path)
    level_text = read_text_limited(lp, LevelError, MAX_LEVEL_CHARS)
    level = parse_level(level_text, lp)
    texts: dict[str, Any] = {}
    questions: list[dict[str, Any]] = [
        {"id": f"q{i + 1}", "prompt": q.prompt, "choices": list(q.choices), "answer": q.answer, "explain": q.explain}
        for i, q in enumerate(level.questions)
    ]
    reflection: list[dict[str, Any]] = [{"id": f"r{i + 1}", "prompt": p} for i, p in enumerate(DEFAULT_REFLECTION)]
    if questions_path is not None:
        questions, reflection, extra_notes, texts = _questions_file(Path(questions_path))
        teacher_notes = teacher_notes or extra_notes
    doc = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "title": title or level.title, "seed": seed,
        "teacher_notes": teacher_notes, "made_with": versions(),
        "level": {"slug": level.slug, "content_hash": level.content_hash, "text": level_text},
        "rules": {"allowed_actions": list(allowed_actions) if allowed_actions is not None else [a.slug for a in level.actions],
                  "turn_limit": turn_limit if turn_limit is not None else level.turns},
        "settings": dict(DEFAULT_LOCKED if locked_settings is None else locked_settings),
        "questions": [{k: v for k, v in q.items() if v is not None and v != ""} for q in questions],
        "reflection": reflection,
    }
    if texts:
        doc["text"] = texts
    text = tomlout.dumps(doc)
    return attrs.evolve(parse_challenge(text, f"new challenge from {lp}"), path=None)


def _questions_file(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str, dict[str, Any]]:
    """A teacher's questions: ``[[questions]]`` (prompt, choices, answer, explain, id),
    ``[[reflection]]`` (prompt, id), an optional ``teacher_notes`` and ``[text.LANG]``
    translations (sim/classroom/texts.py); checked like a challenge's."""
    text = read_text_limited(path, ChallengeError, MAX_CHALLENGE_BYTES)
    r = Reader(str(path))
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise r.fail("", f"not valid TOML: {e}") from None
    except RecursionError:
        raise r.fail("", "not valid TOML: nested too deeply") from None
    shape = shape_problem(raw)
    if shape is not None:
        raise r.fail("", shape)
    r.table(raw, "", ("questions", "reflection", "teacher_notes", "text"))
    qs = _questions(r, raw.get("questions", []))
    rs = _reflection(r, raw.get("reflection", []))
    notes = r.text(raw.get("teacher_notes", ""), "teacher_notes", MAX_TEXT_CHARS)
    texts = {lang: t.to_table() for lang, t in parse_texts(r, raw.get("text", {}), qs, rs).items()}
    return ([{"id": q.id, "prompt": q.prompt, "choices": list(q.choices), "answer": q.answer, "explain": q.explain}
             for q in qs], [{"id": x.id, "prompt": x.prompt} for x in rs], notes, texts)


def write_challenge(ch: Challenge, path: str | Path) -> Path:
    p = Path(path)
    if not p.name.endswith(SUFFIX):
        raise ChallengeError(f"{p}: a challenge file's name must end in {SUFFIX}")
    atomic_write_text(p, ch.to_toml())
    return p


def check_name(name: str) -> str:
    """A student's name as it may appear in a submission: one line, 1–80 characters."""
    n = " ".join(name.split())
    if not n:
        raise ChallengeError("the name is empty; type the name your teacher will recognise")
    if len(n) > MAX_NAME_CHARS:
        raise ChallengeError(f"the name has {len(n)} characters; allowed: at most {MAX_NAME_CHARS}")
    bad = next((c for c in n if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn")), None)
    if bad is not None:
        # escape codes, bidi overrides, lone surrogates: a name is shown in terminals, pages and sheets
        raise ChallengeError(f"the name has the control character U+{ord(bad):04X}; allowed: letters, digits, "
                             "spaces and punctuation")
    return n
