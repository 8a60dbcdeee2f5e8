"""Submissions: what a student hands in after playing a challenge, as one JSON file.

Contents: the student's name, the challenge's id, title, level hash and seed, the answers
(prediction choice + confidence per question, text per reflection prompt), the action log (per
turn, the actions played), the program's versions, the outcome the student saw (won, stars,
score, turns played, final-state hash), the commitment to the predictions taken when play
started with the hash chain over the turns (``sim.classroom.commitment``; format 2) and a checksum
(``sim.classroom.canonical``). Grading replays the action log, so the outcome in the file is a
claim to check, not a fact. Format-1 files (before the commitment) still load, with
``commitment = None``; grading flags that their order of answers and play is unknown.
Must not import pygame.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from sim.classroom.canonical import (
    CONFIDENCE_LEVELS,
    MAX_ACTIONS_PER_TURN,
    MAX_NAME_CHARS,
    MAX_QUESTIONS,
    MAX_SUBMISSION_BYTES,
    MAX_TEXT_CHARS,
    MAX_TURNS,
    canonical_json,
    checksum,
    versions,
)
from sim.classroom.challenge import Challenge, check_name
from sim.classroom.commitment import Commitment, commit
from sim.classroom.fields import Reader
from sim.classroom.intake import read_limited
from sim.datatree import shape_problem
from sim.errors import ChallengeError
from sim.events import Action
from sim.storage import atomic_write_text

FORMAT = "amid-plenty-submission"
FORMAT_VERSION = 2
READS_VERSIONS = (1, 2)  # 1: before the commitment (grading flags it); 2: with it
_TOP = ("format", "format_version", "name", "challenge", "answers", "reflection", "actions", "versions",
        "outcome", "checksum", "commitment")


@attrs.frozen
class Prediction:
    choice: int
    confidence: int  # 1: a guess … 5: sure


@attrs.frozen
class Outcome:
    won: bool
    stars: int
    score: int
    turns_played: int
    final_state: str  # State.digest() after the last turn


@attrs.frozen
class Submission:
    name: str
    challenge_id: str
    challenge_title: str
    level_hash: str
    seed: int
    predictions: Mapping[str, Prediction]  # question id → answer (unanswered questions are absent)
    reflection: Mapping[str, str]  # prompt id → text
    actions: tuple[tuple[Action, ...], ...]
    versions: Mapping[str, str]
    outcome: Outcome
    checksum: str = ""
    commitment: Commitment | None = None  # None: a format-1 file, made before commitments existed

    @property
    def format_version(self) -> int:
        return 1 if self.commitment is None else FORMAT_VERSION

    @property
    def choices(self) -> dict[str, tuple[int, int]]:
        return {k: (p.choice, p.confidence) for k, p in self.predictions.items()}

    def body(self) -> dict[str, Any]:
        d = {
            "format": FORMAT, "format_version": self.format_version, "name": self.name,
            "challenge": {"id": self.challenge_id, "title": self.challenge_title, "level_hash": self.level_hash,
                          "seed": self.seed},
            "answers": {k: {"choice": p.choice, "confidence": p.confidence} for k, p in self.predictions.items()},
            "reflection": dict(self.reflection),
            "actions": [[_action_json(a) for a in turn] for turn in self.actions],
            "versions": dict(self.versions),
            "outcome": attrs.asdict(self.outcome),
        }
        if self.commitment is not None:
            d["commitment"] = attrs.asdict(self.commitment)
        return d

    def to_jsonable(self) -> dict[str, Any]:
        d = self.body()
        d["checksum"] = checksum(d)
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_jsonable(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @property
    def short_id(self) -> str:
        return self.checksum.removeprefix("sha256:")[:8]


def _action_json(a: Action) -> dict[str, Any]:
    return {"kind": a.kind} if a.offset_min == 0 else {"kind": a.kind, "offset_min": a.offset_min}


# --- making ---------------------------------------------------------------------------------------
def make_submission(challenge: Challenge, name: str, answers: Mapping[str, Any], run: Any,
                    committed: str | None = None, player: str = "") -> Submission:
    """A submission from a finished (or ended) run of ``challenge.level`` with ``challenge.seed``.

    ``answers`` maps a prediction question's id to ``(choice, confidence)`` (or a mapping with those
    keys) and a reflection prompt's id to text; missing ids are left unanswered. ``committed`` is
    the commitment (``commitment.answers_digest``) taken when play started; the game passes it, so
    answers changed during or after play show at grading. Without it, the answers given here are
    taken as the ones committed (a bot's answers, fixed before it plays). ``player`` names a bot
    (``bot:greedy``) in ``versions.player``, so grading can say so.
    """
    name = check_name(name)
    q_ids = {q.id: q for q in challenge.questions}
    r_ids = {r.id for r in challenge.reflection}
    predictions: dict[str, Prediction] = {}
    reflection: dict[str, str] = {}
    for k, v in answers.items():
        if k in q_ids:
            choice, conf = (v["choice"], v["confidence"]) if isinstance(v, Mapping) else v
            if isinstance(choice, bool) or not isinstance(choice, int) or not 0 <= choice < len(q_ids[k].choices):
                raise ChallengeError(f"answer to {k}: choice {choice!r}; allowed: 0 to {len(q_ids[k].choices) - 1}")
            if conf not in CONFIDENCE_LEVELS or isinstance(conf, bool):
                raise ChallengeError(f"answer to {k}: confidence {conf!r}; allowed: 1 (a guess) to 5 (sure)")
            predictions[k] = Prediction(int(choice), int(conf))
        elif k in r_ids:
            if not isinstance(v, str) or len(v) > MAX_TEXT_CHARS:
                raise ChallengeError(f"answer to {k}: allowed: text of at most {MAX_TEXT_CHARS} characters")
            reflection[k] = v
        else:
            raise ChallengeError(f"answer to {k!r}: the challenge has no question or prompt with that id")
    result = run.result()
    log = tuple(tuple(turn) for turn in run.action_log)
    sub = Submission(
        name=name, challenge_id=challenge.challenge_id, challenge_title=challenge.title,
        level_hash=challenge.level_hash, seed=challenge.seed, predictions=predictions, reflection=reflection,
        actions=log, versions={**versions(), **({"player": player} if player else {})},
        outcome=Outcome(bool(result.won), int(result.stars), int(result.score), int(result.turns_played),
                        run.sim.state.digest()),
        commitment=commit(challenge.challenge_id, {k: (p.choice, p.confidence) for k, p in predictions.items()},
                          log, committed),
    )
    return attrs.evolve(sub, checksum=checksum(sub.body()))


def file_name(sub: Submission) -> str:
    """``ana-lopez-insulin-key-1a2b3c4d.json``: readable, safe on every file system, unique per content."""
    plain = unicodedata.normalize("NFKD", sub.name).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40] or "student"
    return f"{stem}-{sub.short_id}.json"


def write_submission(sub: Submission, folder: str | Path) -> Path:
    """Write ``sub`` into ``folder`` (created if needed) atomically; returns the file's path."""
    target = Path(folder) / file_name(sub)
    atomic_write_text(target, sub.to_json())
    return target


# --- reading ----------------------------------------------------------------------------------------
def load_submission(path: str | Path) -> Submission:
    p = Path(path)
    return parse_submission(read_limited(p, MAX_SUBMISSION_BYTES), p)


def parse_submission(text: str, where: str | Path = "<submission>") -> Submission:
    r = Reader(str(where))
    if len(text) > MAX_SUBMISSION_BYTES:
        raise r.fail("", f"{len(text):,} characters; allowed: at most {MAX_SUBMISSION_BYTES:,}")
    try:
        raw = json.loads(text, parse_constant=_no_constant)
    except (json.JSONDecodeError, ValueError) as e:
        raise r.fail("", f"not valid JSON ({e})") from None
    except RecursionError:
        raise r.fail("", "not valid JSON: nested too deeply") from None
    shape = shape_problem(raw)
    if shape is not None:
        raise r.fail("", shape)
    return from_jsonable(raw, r)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def from_jsonable(raw: Any, r: Reader) -> Submission:
    t = r.table(raw, "", _TOP, _TOP[:-1])
    if t["format"] != FORMAT:
        raise r.fail("format", f"found {str(t['format'])[:40]!r}; allowed: {FORMAT!r} (is this a submission?)")
    version = r.integer(t["format_version"], "format_version", 1, 10**6)
    if version not in READS_VERSIONS:
        raise r.fail("format_version", f"found {version}; this program reads versions 1 and 2 (a newer "
                                       "program made this file: grade it with that version)")
    commitment = None
    if version >= 2:
        if "commitment" not in t:
            raise r.fail("commitment", "missing; a format-2 submission records its commitment")
        ct = r.table(t["commitment"], "commitment", ("answers", "chain"), ("answers", "chain"))
        commitment = Commitment(r.sha256(ct["answers"], "commitment.answers"), r.sha256(ct["chain"], "commitment.chain"))
    elif "commitment" in t:
        raise r.fail("commitment", "found in a format-1 submission, which has none")
    c = r.table(t["challenge"], "challenge", ("id", "title", "level_hash", "seed"), ("id", "title", "level_hash", "seed"))
    preds: dict[str, Prediction] = {}
    for k, v in r.table(t["answers"], "answers", tuple(t["answers"]) if isinstance(t["answers"], Mapping) else ()).items():
        if len(preds) >= MAX_QUESTIONS:
            raise r.fail("answers", f"allowed: at most {MAX_QUESTIONS} answers")
        r.slug(k, f"answers.{str(k)[:40]}")
        a = r.table(v, f"answers.{k}", ("choice", "confidence"), ("choice", "confidence"))
        preds[k] = Prediction(r.integer(a["choice"], f"answers.{k}.choice", 0, 100),
                              r.integer(a["confidence"], f"answers.{k}.confidence", 1, 5))
    refl: dict[str, str] = {}
    rt = t["reflection"]
    for k, v in r.table(rt, "reflection", tuple(rt) if isinstance(rt, Mapping) else ()).items():
        if len(refl) >= MAX_QUESTIONS:
            raise r.fail("reflection", f"allowed: at most {MAX_QUESTIONS} answers")
        refl[r.slug(k, f"reflection.{str(k)[:40]}")] = r.text(v, f"reflection.{k}", MAX_TEXT_CHARS)
    turns = []
    for i, turn in enumerate(r.array(t["actions"], "actions", MAX_TURNS)):
        acts = []
        for j, a in enumerate(r.array(turn, f"actions[{i}]", MAX_ACTIONS_PER_TURN)):
            at = f"actions[{i}][{j}]"
            d = r.table(a, at, ("kind", "offset_min"), ("kind",))
            acts.append(Action(r.text(d["kind"], f"{at}.kind", 40, empty=False),
                               r.number(d.get("offset_min", 0.0), f"{at}.offset_min", 0.0, 1440.0)))
        turns.append(tuple(acts))
    vt = t["versions"]
    vers = {r.slug(k, "versions"): r.text(v, f"versions.{k}", 40) for k, v in
            r.table(vt, "versions", tuple(vt)[:10] if isinstance(vt, Mapping) else ()).items()}
    o = r.table(t["outcome"], "outcome", ("won", "stars", "score", "turns_played", "final_state"),
                ("won", "stars", "score", "turns_played", "final_state"))
    outcome = Outcome(r.boolean(o["won"], "outcome.won"), r.integer(o["stars"], "outcome.stars", 0, 3),
                      r.integer(o["score"], "outcome.score", -10**9, 10**9),
                      r.integer(o["turns_played"], "outcome.turns_played", 0, MAX_TURNS),
                      r.sha256(o["final_state"], "outcome.final_state"))
    sub = Submission(
        name=check_name_in(r, t["name"]), challenge_id=r.sha256(c["id"], "challenge.id"),
        challenge_title=r.text(c["title"], "challenge.title", 200), level_hash=r.sha256(c["level_hash"], "challenge.level_hash"),
        seed=r.integer(c["seed"], "challenge.seed", 0, 2**63 - 1), predictions=preds, reflection=refl,
        actions=tuple(turns), versions=vers, outcome=outcome, checksum=r.sha256(t["checksum"], "checksum"),
        commitment=commitment,
    )
    if checksum(dict(raw)) != sub.checksum:
        raise r.fail("checksum", "does not match the contents: the file was changed or damaged after it was written")
    if canonical_json(sub.body()) != canonical_json({k: v for k, v in raw.items() if k != "checksum"}):
        raise r.fail("", "is not in the form this program writes (a value was rewritten by hand?)")
    return sub


def check_name_in(r: Reader, v: Any) -> str:
    name = r.text(v, "name", MAX_NAME_CHARS * 2, empty=False, one_line=True)
    try:
        return check_name(name)
    except ChallengeError as e:
        raise r.fail("name", str(e)) from None


def submission_ids(subs: Sequence[Submission]) -> list[str]:
    return [s.short_id for s in subs]
