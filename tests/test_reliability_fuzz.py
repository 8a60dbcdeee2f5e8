"""Fuzz campaigns for the shapes issue 13 added (round 2): each property is bounded so it runs in a
few seconds in CI and scales with ``make fuzz`` (HYPOTHESIS_PROFILE=fuzz).

- crafted settings/progress files, loaded then saved by two windows (``game.settings.Store``);
- lone surrogates and control characters in any text field of a hand-in, graded and rendered;
- action offsets a hair around a turn's end and start inside hand-ins, graded under a timeout;
- deep nesting and huge whole numbers inside a valid document, for every loader;
- round 2's last gaps: action logs copied with every offset nudged, pipes, devices and links to
  them given to every loader, replay level paths no file can have, and command-line arguments
  holding bytes that are not text.

Fixed cases of each live in tests/game/test_game_storage_hostile.py, tests/test_grade_hostile.py,
tests/test_reliability_stalls.py and tests/test_reliability_crafted.py; these generalise them.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import io
import json
import os
import re
import zlib
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.settings import PROGRESS_FILE, SETTINGS_FILE, Progress, Settings, Store
from game.storage import load_json
from sim.classroom import (
    load_challenge,
    load_submission,
    make_challenge,
    make_submission,
    parse_challenge,
    parse_result_code,
)
from sim.classroom.canonical import canonical_json, checksum
from sim.classroom.codes import _ZDICT, PREFIX_V1
from sim.classroom.flags import NONZERO_OFFSET, mark_flags
from sim.classroom.grade import STATUSES, Source, grade_source
from sim.classroom.report import render
from sim.classroom.submission import parse_submission
from sim.classroom.table import to_csv
from sim.cli.errors import printable
from sim.cli.main import main
from sim.datatree import MAX_DEPTH, MAX_INT
from sim.errors import UserError
from sim.levels import LevelRun, levels_dir, load_level, parse_level
from sim.policies import get_policy
from sim.replay import FORMAT, load_replay, save_replay, verify_replay
from sim.saves import load_simulation, save_simulation
from tests.test_reliability_stalls import (
    _within,  # a thread with a timeout: a stall fails, not hangs
)

LEVEL = levels_dir() / "campaign" / "01_insulin_key.toml"
# A fraction of the profile's count: ≈ 50 here (a few seconds each), ≈ 1,250 under `make fuzz`.
FEW = max(25, settings.default.max_examples // 4)
bounded = settings(max_examples=FEW, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Text a crafted file can hold once JSON-decoded: lone surrogates, C0/C1 controls, bidi overrides.
nasty_text = st.text(st.characters(codec=None, categories=("Cs", "Cc", "Cf", "Zl", "Zp", "L", "N", "P")),
                     max_size=12)
huge_ints = st.sampled_from([2**127, -(2**127), MAX_INT, MAX_INT + 1, -(MAX_INT + 1), 10**400, -(10**300)])
crafted_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10) | huge_ints | st.floats(allow_nan=False, allow_infinity=False)
    | nasty_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(nasty_text, inner, max_size=3),
    max_leaves=12,
)


def _code(text: str) -> str:
    """An AP1 result code for any JSON text, packed as version 1 packed a submission's."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, _ZDICT)
    return PREFIX_V1 + base64.urlsafe_b64encode(c.compress(text.encode("utf-8", "surrogatepass")) + c.flush()).decode().rstrip("=")


def _json(v) -> str:
    return json.dumps(v, ensure_ascii=True)  # "\ud800" survives only as a JSON escape


# --- settings and progress ---------------------------------------------------------------------------
settings_docs = st.dictionaries(st.sampled_from([f.name for f in Settings.__attrs_attrs__]) | nasty_text,
                                crafted_values, max_size=5)
level_entries = st.dictionaries(st.sampled_from(["won", "stars", "best_score", "played"]) | nasty_text,
                                crafted_values, max_size=5)
progress_docs = st.fixed_dictionaries({"levels": st.dictionaries(nasty_text, level_entries | crafted_values,
                                                                 max_size=3)}) | crafted_values


@bounded
@given(settings_docs, progress_docs, st.integers(0, 2 * MAX_DEPTH))
@example({"volume": 10**400}, {"levels": {"\ud800": {"stars": 2, "played": -5}}}, 0)
@example({"language": "\udfff"}, {"levels": {"a": {"played": 10**30}}}, 70)
def test_fuzz_crafted_settings_and_progress_load_save_and_reload_cleanly(tmp_path_factory, sdoc, pdoc, depth):
    root = tmp_path_factory.mktemp("home")
    for _ in range(depth):
        pdoc = {"levels": pdoc} if depth % 2 else [pdoc]
    (root / SETTINGS_FILE).write_text(_json(sdoc))
    (root / PROGRESS_FILE).write_text(_json(pdoc))
    a, b = Store(root), Store(root)
    s, p = a.load_settings(), a.load_progress()
    assert 0.0 <= s.volume <= 1.0 and 75 <= s.text_scale_pct <= 200
    for lp in p.levels.values():
        assert 0 <= lp.stars <= 3 and 0 <= lp.played <= 10**9 and lp.best_score == lp.best_score
    b.load_progress()
    p = a.save_progress(p.record("mine", True, 2, 10))  # must never raise: the game calls it after a level
    b.save_progress(Progress().record("theirs", False, 1, 5))
    a.save_settings(Settings(muted=True))
    fresh = Store(root)
    assert {"mine", "theirs"} <= set(fresh.load_progress().levels) and fresh.load_settings().muted
    assert fresh.messages == []  # what was written reads back without being set aside


# --- text in hand-ins --------------------------------------------------------------------------------
@cache
def _challenge():
    return make_challenge(LEVEL, 1, turn_limit=3)


@cache
def _good() -> dict:
    ch = _challenge()
    run = LevelRun(ch.level, seed=1)
    run.play_out(get_policy("greedy"))
    return json.loads(make_submission(ch, "Fuzz", {"q1": (1, 2), "r1": "x"}, run).to_json())


TEXT_PLACES = ("name", "reflection", "title", "version_key", "version_value", "kind", "answer_key",
               "commitment", "final_state")


def _put(d: dict, where: str, text: str) -> None:
    if where == "name":
        d["name"] = text
    elif where == "reflection":
        d["reflection"]["r1"] = text
    elif where == "title":
        d["challenge"]["title"] = text
    elif where == "version_key":
        d["versions"][text] = "1"
    elif where == "version_value":
        d["versions"]["app"] = text
    elif where == "kind":
        d["actions"][0].append({"kind": text})
    elif where == "answer_key":
        d["answers"][text] = {"choice": 0, "confidence": 3}
    elif where == "commitment":
        d["commitment"]["answers"] = text
    else:
        d["outcome"]["final_state"] = text


@bounded
@given(st.sampled_from(TEXT_PLACES), nasty_text, st.booleans())
@example("name", "Ana\x1b[2J\u202e", False)
@example("reflection", "a\ud800b", True)
def test_fuzz_any_text_in_any_hand_in_field_grades_to_a_status_and_renders(tmp_path_factory, where, text, as_code):
    d = json.loads(json.dumps(_good()))
    _put(d, where, text)
    d["checksum"] = checksum(d)
    folder = tmp_path_factory.mktemp("in")
    if as_code:
        src = Source("codes.txt #1", "code", _code(_json(d)))
    else:
        f = folder / "x.json"
        f.write_text(_json(d), encoding="ascii")
        src = Source(str(f), "file", str(f))
    g = grade_source(_challenge(), src)
    assert g.status in STATUSES
    if re.search("[\ud800-\udfff]", text):
        assert g.status == "corrupt"
    table = to_csv(_challenge(), [g])
    page = render(_challenge(), [g])
    for out in (table, page, printable(g.note), printable("; ".join(g.flags))):  # as the terminal shows them
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]", out)
    assert len(list(csv.DictReader(io.StringIO(table)))) == 1


# --- offsets around turn ends, in hand-ins -----------------------------------------------------------
@bounded
@given(st.sampled_from([0.0, 1.0]), st.floats(-1e-6, 1e-6, allow_nan=False), st.integers(0, 2))
@example(1.0, -5e-10, 0)
@example(1.0, 0.0, 2)
@example(0.0, -1e-300, 1)
def test_fuzz_offsets_near_a_turn_end_in_a_hand_in_never_stall_grading(tmp_path_factory, end, jitter, turn):
    ch = _challenge()
    d = json.loads(json.dumps(_good()))
    offset = end * ch.level.turn_min + jitter
    d["actions"][turn] = [{"kind": ch.allowed_actions[0], "offset_min": offset}]
    d["checksum"] = checksum(d)
    f = tmp_path_factory.mktemp("in") / "x.json"
    f.write_text(_json(d))
    g = _within(20, grade_source, ch, Source(str(f), "file", str(f)))
    assert g.status in STATUSES
    if not 0.0 <= offset <= 1440.0:
        assert g.status == "corrupt"  # the file's own range check


# --- deep nesting and huge numbers in every loader --------------------------------------------------
def _deep(depth: int, leaf: object) -> object:
    for _ in range(depth):
        leaf = [leaf]
    return leaf


def _toml_deep(depth: int, leaf: int) -> str:
    return "[" * depth + str(leaf) + "]" * depth


@cache
def _valid_files(folder: str) -> dict[str, Path]:
    root = Path(folder)
    run = LevelRun(parse_level(LEVEL.read_text(), LEVEL), seed=2)
    run.step([])
    save_replay(run, root / "replay.json")
    save_simulation(run.sim, root / "save.json")
    return {"replay": root / "replay.json", "save": root / "save.json"}


TOML_LOADERS = ("level", "challenge", "questions")
JSON_LOADERS = ("submission", "code", "replay", "save", "settings")


def _load(kind: str, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    if kind == "level":
        parse_level(text, path)
    elif kind == "challenge":
        parse_challenge(text, path)
    elif kind == "questions":
        make_challenge(LEVEL, 1, questions_path=path)
    elif kind == "submission":
        parse_submission(text, path)
    elif kind == "code":
        parse_result_code(_code(text), str(path))
    elif kind == "replay":
        load_replay(path)
    elif kind == "save":
        load_simulation(path)
    else:
        loaded = load_json(path)
        assert loaded.data is not None or loaded.problem


@bounded
@given(st.sampled_from(TOML_LOADERS + JSON_LOADERS), st.integers(0, 3 * MAX_DEPTH),
       st.integers(-5, 5) | huge_ints)
@example("level", 5000, 1)
@example("save", 0, 10**400)
@example("questions", 65, MAX_INT + 1)
def test_fuzz_deep_or_huge_values_anywhere_are_the_loaders_own_error(tmp_path_factory, kind, depth, leaf):
    folder = tmp_path_factory.mktemp("f")
    path = folder / ("crafted.toml" if kind in TOML_LOADERS else "crafted.json")
    if kind in TOML_LOADERS:
        base = {"level": LEVEL.read_text(), "challenge": _challenge().to_toml(),
                "questions": '[[reflection]]\nprompt = "Why?"\n'}[kind]
        text = f"extra = {_toml_deep(depth, leaf)}\n{base}"
    else:
        if kind in ("submission", "code"):
            doc = json.loads(json.dumps(_good()))
        elif kind == "settings":
            doc = {"volume": 0.5}
        else:
            doc = json.loads(_valid_files(str(tmp_path_factory.mktemp("v")))[kind].read_text())
        key = sorted(doc)[depth % len(doc)]
        doc[key] = _deep(depth, leaf)
        text = canonical_json(doc) if kind != "settings" else json.dumps(doc)
    deep_or_huge = depth + 1 > MAX_DEPTH or abs(leaf) > MAX_INT
    try:
        _within(20, _load, kind, path, text)
    except UserError as e:
        assert "crafted" in str(e) and "Traceback" not in str(e)
        return
    assert not deep_or_huge or kind == "settings", f"{kind} accepted depth {depth} / {leaf}"
    with contextlib.suppress(FileNotFoundError):
        if kind == "settings" and deep_or_huge:
            assert not path.exists()  # set aside as corrupt


# --- offsets nudged to make a copied or bot-played log look new --------------------------------------
@cache
def _long_challenge():
    return make_challenge(LEVEL, 1, turn_limit=8)  # long enough for the bot check (≥ 4 active turns)


@cache
def _greedy_doc() -> dict:
    ch = _long_challenge()
    run = LevelRun(ch.level, seed=ch.seed)
    run.play_out(get_policy("greedy"))
    return json.loads(make_submission(ch, "Ana", {}, run).to_json())


nudges = st.floats(0.0, 1e-3, allow_nan=False) | st.sampled_from([1e-9, 1e-6, 2e-6, 5e-324])


@bounded
@given(st.lists(nudges, min_size=1, max_size=24))
@example([1e-6])
@example([2e-6, 0.0])
def test_fuzz_nudged_offsets_never_hide_a_copy_or_a_bot(tmp_path_factory, nudge):
    ch = _long_challenge()
    ana = _greedy_doc()
    bo = json.loads(json.dumps(ana))
    bo["name"] = "Bo"
    n = 0
    for turn in bo["actions"]:
        for a in turn:
            if nudge[n % len(nudge)]:  # the file leaves out an offset of 0 (its canonical form)
                a["offset_min"] = a.get("offset_min", 0.0) + nudge[n % len(nudge)]
            n += 1
    bo["checksum"] = checksum(bo)
    folder = tmp_path_factory.mktemp("in")
    rows = []
    for doc in (ana, bo):
        f = folder / f"{doc['name']}.json"
        f.write_text(_json(doc))
        rows.append(grade_source(ch, Source(str(f), "file", str(f))))
    _, flagged = mark_flags(rows, ch)
    assert "same action log as Ana" in flagged.flags
    assert any(f.startswith("plays as the bot 'greedy' would") for f in flagged.flags)
    assert (NONZERO_OFFSET in flagged.flags) == any(x != 0.0 for x in (nudge * n)[:n])


# --- pipes, devices and links to them, given to every loader -----------------------------------------
def _not_regular(kind: str, path: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "link to a fifo":
        os.mkfifo(path.with_name("real-pipe"))
        path.symlink_to(path.with_name("real-pipe"))
    else:  # a link to a device that never ends or never starts
        path.symlink_to("/dev/zero" if kind == "link to /dev/zero" else "/dev/null")


READERS = {
    "level": load_level, "challenge": load_challenge, "submission": load_submission, "replay": load_replay,
    "save": load_simulation,
}


@bounded
@given(st.sampled_from([*READERS, "settings"]),
       st.sampled_from(["fifo", "folder", "link to a fifo", "link to /dev/zero", "link to /dev/null"]))
@example("level", "fifo")
@example("level", "link to /dev/zero")
@example("settings", "fifo")
def test_fuzz_a_pipe_or_device_is_each_loaders_own_error_without_blocking(tmp_path_factory, loader, kind):
    if not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"):
        return
    path = tmp_path_factory.mktemp("nr") / "crafted.file"
    _not_regular(kind, path)
    if loader == "settings":
        loaded = _within(20, load_json, path)
        assert loaded.data is None and loaded.problem
        return
    try:
        _within(20, READERS[loader], path)
    except UserError as e:
        assert str(e).startswith(f"{path}: ") and ("regular file" in str(e) or "folder" in str(e)), str(e)
    else:
        raise AssertionError(f"{loader} read a {kind}")


# --- replay level paths that no file can have ---------------------------------------------------------
path_text = st.lists(st.text(st.characters(codec=None, categories=("Cs", "Cc", "L", "N", "P", "S")), max_size=6)
                     | st.sampled_from(["/", "..", "\x00", "\ud800", "~"]), max_size=8).map("".join)


@bounded
@given(path_text, st.sampled_from(["", ".toml", "/..", "/x.toml"]), st.integers(1, 3))
@example("\ud800", ".toml", 1)
@example("a\x00", ".toml", 1)
@example("x", ".toml", 3000)
def test_fuzz_any_replay_level_path_is_a_save_error(tmp_path_factory, text, suffix, repeat):
    f = tmp_path_factory.mktemp("r") / "crafted.json"
    f.write_text(json.dumps({"format": FORMAT, "level": text * repeat + suffix, "content_hash": "x", "seed": 0,
                             "engine_version": "2", "actions": [], "score": 0, "final_state_hash": "x"}),
                 encoding="ascii")
    try:
        verify_replay(f)
    except UserError as e:
        assert "crafted.json" in str(e) or "Traceback" not in str(e)


# --- command-line arguments that are not text ---------------------------------------------------------
COMMANDS = (
    ["run", "--days", "0.1", "--out", "r.csv"],
    ["experiment", "fasting", "--out", "e.csv"],
    ["sweep", "healthy", "--param", "receptor_number=1", "--days", "0.1", "--out", "s.csv"],
    ["challenge", "play", "c.challenge.toml", "--name", "Ana", "--reflect", "r1=why", "--out", "p.json"],
    ["replay", "x.json"],
    ["grade", "c.challenge.toml", ".", "--out", "g"],
)
# What Python makes of bytes that are not UTF-8 on a command line: lone low surrogates.
undecodable = st.text(st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF), min_size=1, max_size=3)


@bounded
@given(st.sampled_from(range(len(COMMANDS))), st.integers(0, 12), undecodable, st.booleans())
@example(0, 4, "\udcff", True)
@example(3, 6, "\udcff", False)
def test_fuzz_an_argument_that_is_not_text_exits_2_and_writes_nothing(tmp_path_factory, which, at, bad, replace):
    argv = list(COMMANDS[which])
    i = at % len(argv)
    argv[i] = bad if replace else argv[i][: len(argv[i]) // 2] + bad + argv[i][len(argv[i]) // 2:]
    folder = tmp_path_factory.mktemp("cwd")
    with contextlib.chdir(folder), contextlib.redirect_stderr(io.StringIO()) as err:
        assert main(argv) == 2
    assert err.getvalue().count("\n") == 1 and "not text" in err.getvalue()
    assert list(folder.iterdir()) == []
