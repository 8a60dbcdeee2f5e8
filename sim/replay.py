"""Replays: a level run saved as JSON, and a check that it still reproduces.

A replay holds the level's path and content hash, the seed, the engine version, the action log,
the score and the final-state hash (SHA-256 over the state's arrays' bytes in ``NAMES`` order
plus the clock, ``State.digest``). ``verify_replay`` plays the log again and says whether score
and final state are bit-identical, and whether the level file changed since.
Must not import pygame.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs

from sim.datatree import shape_problem
from sim.engine import ENGINE_VERSION
from sim.errors import LevelError, SaveError, UserError
from sim.events import Action
from sim.levels import LevelRun, levels_dir, load_level
from sim.levels.names import shipped_names
from sim.levels.play import at_turn
from sim.storage import emit, read_text_limited

FORMAT = "amid-plenty-replay/1"


@attrs.frozen
class Replay:
    level_path: str
    content_hash: str
    seed: int
    engine_version: str
    actions: list[list[Action]]
    score: int
    stars: int
    final_state_hash: str
    policy: str = ""


@attrs.frozen
class ReplayCheck:
    ok: bool
    score_matches: bool
    state_matches: bool
    level_changed: bool
    engine_changed: bool
    score: int | None
    expected_score: int
    final_state_hash: str | None
    message: str


def final_state_hash(run: LevelRun) -> str:
    return str(run.play.sim.state.digest())


def to_jsonable(run: LevelRun, policy: str = "") -> dict[str, Any]:
    res = run.result()
    return {
        "format": FORMAT,
        "level": str(run.level.path) if run.level.path else run.level.slug,
        "content_hash": run.level.content_hash,
        "seed": run.seed,
        "engine_version": ENGINE_VERSION,
        "policy": policy,
        "actions": [[a.to_jsonable() for a in turn] for turn in run.action_log],
        "score": res.score,
        "stars": res.stars,
        "final_state_hash": final_state_hash(run),
    }


def save_replay(run: LevelRun, path: str | Path, policy: str = "") -> None:
    emit(path, json.dumps(to_jsonable(run, policy), indent=1) + "\n")  # "-": standard output


def load_replay(path: str | Path) -> Replay:
    path = Path(path)
    text = read_text_limited(path, SaveError)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:
        raise SaveError(f"{path}: not a replay file (invalid JSON: {e})") from None
    shape = shape_problem(data)
    if shape is not None:
        raise SaveError(f"{path}: not a replay file ({shape})")
    try:
        if not isinstance(data, dict):
            raise SaveError(f"{path}: not a replay file (expected a JSON object)")
        if data.get("format") != FORMAT:
            raise SaveError(f"{path}: not a replay file (format {data.get('format')!r}; expected {FORMAT!r})")
        return Replay(
            level_path=str(data["level"]), content_hash=str(data["content_hash"]), seed=int(data["seed"]),
            engine_version=str(data["engine_version"]),
            actions=[[Action.from_jsonable(a) for a in turn] for turn in data["actions"]],
            score=int(data["score"]), stars=int(data.get("stars", 0)),
            final_state_hash=str(data["final_state_hash"]), policy=str(data.get("policy", "")),
        )
    except SaveError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise SaveError(f"{path}: the replay is incomplete or damaged ({type(e).__name__}: {e})") from None


def _resolve_level(rep: Replay, replay_path: Path) -> Path:
    """The replay's level, looked up only inside trusted folders: beside the replay, the current
    folder and the shipped ``levels/`` (by path, then by the file's name). A replay from someone else cannot make us open
    ``/etc/passwd`` or ``../../secret`` as a level."""
    p = Path(rep.level_path)
    roots = [replay_path.resolve().parent, Path.cwd().resolve(), levels_dir().resolve()]
    for root in roots:
        try:
            cand = (root / p).resolve()
            if cand.is_relative_to(root) and cand.is_file() and cand.suffix == ".toml":
                return cand
        except (ValueError, OSError):  # "a\x00.toml", a lone surrogate (UnicodeEncodeError), too long
            break
    # A replay made in a checkout (levels/campaign/…) checked where the package is installed.
    shipped = shipped_names("level").get(p.stem)
    if shipped is not None:
        return shipped
    raise SaveError(
        f"{replay_path}: its level {rep.level_path!r} is not a .toml file beside the replay, in the "
        f"current folder or in the shipped levels; pass the level explicitly"
    )


def verify_replay(path: str | Path, level_path: str | Path | None = None) -> ReplayCheck:
    """Play the replay's action log again; compare score and final-state hash."""
    path = Path(path)
    rep = load_replay(path)
    level = load_level(level_path or _resolve_level(rep, path))
    level_changed = level.content_hash != rep.content_hash
    engine_changed = rep.engine_version != ENGINE_VERSION
    run = LevelRun(level, rep.seed)
    try:
        for turn in rep.actions:
            if run.done:
                raise UserError("the log has more turns than the level allows")
            run.step(turn)
    except (UserError, LevelError) as e:
        why = "the level has changed since" if level_changed else "the replay does not fit the level"
        return ReplayCheck(False, False, False, level_changed, engine_changed, None, rep.score, None,
                           f"replay breaks at {at_turn(run.turn + 1, e)} ({why})")
    score = run.result().score
    h = final_state_hash(run)
    s_ok, h_ok = score == rep.score, h == rep.final_state_hash
    ok = s_ok and h_ok
    notes = []
    if level_changed:
        notes.append("the level file has changed since the replay was made (content hash differs)")
    if engine_changed:
        notes.append(f"made with engine version {rep.engine_version}, this is {ENGINE_VERSION}")
    if ok:
        msg = f"replay reproduced: score {score}, final state {h[:12]}"
    else:
        parts = []
        if not s_ok:
            parts.append(f"score {score} instead of {rep.score}")
        if not h_ok:
            parts.append(f"final state {h[:12]} instead of {rep.final_state_hash[:12]}")
        msg = "replay DIFFERS: " + ", ".join(parts)
    if notes:
        msg += " — " + "; ".join(notes)
    return ReplayCheck(ok, s_ok, h_ok, level_changed, engine_changed, score, rep.score, h, msg)
