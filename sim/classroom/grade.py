"""Grading: find every submission the teacher collected, replay each headless, mark it.

Statuses:

- ``verified``: intact, made for this challenge, and the replay ends in the same state and score;
- ``mismatch``: intact and for this challenge, but the replay disagrees (an edited outcome, an action
  the challenge does not allow, a different program version) — the replayed outcome is reported;
- ``wrong-challenge``: intact, but made for another challenge (or another version of this one);
- ``corrupt``: unreadable, not a submission, or its checksum does not match its contents.

Inputs are submission files (``.json``), folders of them (searched to a bounded depth; links that
lead outside the folder are skipped) and text files of pasted result codes. Replays run in this
process or, with ``workers > 1``, in a pool of local processes; the order of the rows is the order
the inputs were found in, whichever way they ran. Must not import pygame.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from sim.classroom.canonical import (
    MAX_CODES_FILE_BYTES,
    MAX_FOLDER_ENTRIES,
    MAX_SUBMISSION_BYTES,
    MAX_SUBMISSIONS,
)
from sim.classroom.challenge import Challenge, check_name, parse_challenge
from sim.classroom.codes import find_codes, parse_result_code
from sim.classroom.commitment import commitment_flags
from sim.classroom.intake import LINK_OUTSIDE, kind_problem, read_limited
from sim.classroom.replay import replay
from sim.classroom.submission import Submission, load_submission
from sim.errors import ChallengeError

STATUSES = ("verified", "mismatch", "wrong-challenge", "corrupt")
MAX_DEPTH = 4


@attrs.frozen
class Source:
    """Where one submission comes from: a file, or the n-th code in a codes file."""

    label: str
    kind: str  # "file" | "code" | "error"
    payload: str  # the path, the code, or the error message


@attrs.frozen
class Graded:
    source: str
    status: str
    note: str = ""
    submission: Submission | None = None
    result: Any = None  # the replay's LevelResult (verified and mismatch)
    final_state: str | None = None
    name: str = ""  # the name read from a corrupt file that still reads as JSON
    flags: tuple[str, ...] = ()  # easy cheats spotted across the class (see ``flags.py``)

    @property
    def who(self) -> str:
        return self.submission.name if self.submission is not None else self.name


# --- finding submissions ----------------------------------------------------------------------------
def collect(inputs: Sequence[str | Path]) -> list[Source]:
    out: list[Source] = []
    for given in inputs:
        p = Path(given)
        if p.is_dir():
            out.extend(_walk(p))
        elif p.exists():
            problem = kind_problem(p)
            out.extend([Source(str(p), "error", problem)] if problem else _file_sources(p))
        else:
            out.append(Source(str(p), "error", "file or folder not found"))
        if len(out) > MAX_SUBMISSIONS:
            raise ChallengeError(f"more than {MAX_SUBMISSIONS:,} submissions; grade the class in parts")
    return out


def _walk(folder: Path) -> Iterator[Source]:
    root = folder.resolve()
    seen = 0
    stack: list[tuple[Path, int]] = [(folder, 0)]
    while stack:
        d, depth = stack.pop()
        try:
            entries = sorted(os.scandir(d), key=lambda x: x.name)
        except OSError as err:
            yield Source(str(d), "error", f"cannot read the folder ({err.strerror})")
            continue
        subdirs = []
        for e in entries:
            seen += 1
            if seen > MAX_FOLDER_ENTRIES:
                raise ChallengeError(f"{folder}: more than {MAX_FOLDER_ENTRIES:,} entries; point grade at the submissions folder")
            path = Path(e.path)
            if e.name.startswith("."):
                continue
            real = path.resolve()
            if real != root and root not in real.parents:
                # A link that leads outside the folder handed to us is never followed, but listed,
                # so a teacher missing a student's file can see why.
                if e.is_dir() or e.name.endswith((".json", ".txt")):
                    yield Source(str(path), "error", LINK_OUTSIDE)
                continue
            if e.is_dir():
                if depth < MAX_DEPTH:
                    subdirs.append((path, depth + 1))
            elif e.name.endswith(".json") or e.name.endswith(".txt"):
                problem = kind_problem(path)  # stat only: opening a pipe would wait for ever
                yield from [Source(str(path), "error", problem)] if problem else _file_sources(path)
        stack.extend(reversed(subdirs))


def _file_sources(p: Path) -> list[Source]:
    if p.name.endswith(".json"):
        return [Source(str(p), "file", str(p))]
    try:
        text = read_limited(p, MAX_CODES_FILE_BYTES)
    except ChallengeError as e:
        return [Source(str(p), "error", str(e).removeprefix(f"{p}: "))]
    codes = find_codes(text)
    if not codes:
        return [Source(str(p), "error", "no result codes (AP2-… or AP1-…) found in this file")]
    return [Source(f"{p} #{i + 1}", "code", c) for i, c in enumerate(codes)]


# --- grading one ------------------------------------------------------------------------------------
def grade_source(challenge: Challenge, src: Source) -> Graded:
    if src.kind == "error":
        return Graded(src.label, "corrupt", src.payload)
    try:
        sub = load_submission(src.payload) if src.kind == "file" else parse_result_code(src.payload, src.label, challenge)
    except ChallengeError as e:
        return Graded(src.label, "corrupt", str(e).removeprefix(f"{src.label}: "), name=_name_inside(src))
    except Exception as e:
        return Graded(src.label, "corrupt", f"could not be read ({type(e).__name__})", name=_name_inside(src))
    try:
        return grade_submission(challenge, sub, src.label)
    except Exception as e:
        return Graded(src.label, "corrupt", f"could not be replayed ({type(e).__name__})", sub)


def _name_inside(src: Source) -> str:
    """The ``name`` of a file that reads as JSON but fails a check, so the teacher knows whose it is."""
    if src.kind != "file":
        return ""
    try:
        raw = json.loads(read_limited(src.payload, MAX_SUBMISSION_BYTES))
        return check_name(raw["name"]) if isinstance(raw, dict) and isinstance(raw.get("name"), str) else ""
    except (ChallengeError, ValueError, RecursionError):
        return ""


def grade_submission(challenge: Challenge, sub: Submission, label: str = "") -> Graded:
    if sub.challenge_id != challenge.challenge_id:
        return Graded(label, "wrong-challenge", _elsewhere(challenge, sub), sub)
    order = commitment_flags(challenge.challenge_id, sub.choices, sub.actions, sub.commitment)
    done = replay(challenge, sub.actions)
    result, digest, problem = done.result, done.final_state, done.problem
    o = sub.outcome
    if not problem:
        diffs = [f"{k} {claimed} → replayed {got}" for k, claimed, got in (
            ("score", o.score, result.score), ("stars", o.stars, result.stars), ("won", o.won, result.won),
            ("turns", o.turns_played, result.turns_played)) if claimed != got]
        if digest != o.final_state:
            diffs.append("final state differs")
        if diffs:
            problem = "; ".join(diffs)
    if problem:
        from sim.classroom.canonical import versions

        mine = versions()
        if sub.versions.get("engine") != mine["engine"]:
            problem += f" (made with engine {sub.versions.get('engine', '?')}; this is engine {mine['engine']})"
        return Graded(label, "mismatch", problem, sub, result, digest, flags=order)
    return Graded(label, "verified", "", sub, result, digest, flags=order)


def _elsewhere(challenge: Challenge, sub: Submission) -> str:
    if not sub.level_hash:  # a short code names its challenge by id only (``codes.py``)
        return f"made for another challenge (id {sub.challenge_id.removeprefix('sha256:')[:16]}…)"
    why = ("another level" if sub.level_hash.removeprefix("sha256:") != challenge.level_hash
           else "another seed or set of rules" if sub.seed != challenge.seed else "another version of this challenge")
    return f"made for {sub.challenge_title!r} ({why})"


def mark_duplicates(rows: list[Graded]) -> list[Graded]:
    first: dict[str, str] = {}
    out = []
    for g in rows:
        if g.submission is not None and g.submission.checksum:
            c = g.submission.checksum
            if c in first:
                g = attrs.evolve(g, note=(g.note + "; " if g.note else "") + f"same submission as {first[c]}")
            else:
                first[c] = g.source
        out.append(g)
    return out


# --- grading many -----------------------------------------------------------------------------------
@cache
def _challenge_from_text(text: str) -> Challenge:
    return parse_challenge(text, "challenge")


def _grade_in_worker(args: tuple[str, Source]) -> Graded:
    text, src = args
    return grade_source(_challenge_from_text(text), src)


def grade(challenge: Challenge, sources: Sequence[Source], workers: int = 1,
          tick: Callable[[], None] | None = None) -> list[Graded]:
    """Grade every source; rows come back in the order of ``sources``."""
    rows: list[Graded] = []
    if workers <= 1 or len(sources) < 2 * workers:
        for s in sources:
            rows.append(grade_source(challenge, s))
            if tick:
                tick()
        return _marked(challenge, rows)
    text = challenge.to_toml()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for g in pool.map(_grade_in_worker, [(text, s) for s in sources], chunksize=8):
            rows.append(g)
            if tick:
                tick()
    return _marked(challenge, rows)


def _marked(challenge: Challenge, rows: list[Graded]) -> list[Graded]:
    from sim.classroom.flags import mark_flags

    return mark_flags(mark_duplicates(rows), challenge)
