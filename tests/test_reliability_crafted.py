"""Crafted files: thousands of bad entries are checked in linear time, deep nesting and huge
integers are user errors naming the file (exit 2, no traceback), and nothing the CLI echoes from
a file can send escape codes to the terminal."""

import json
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sim.classroom.submission import parse_submission
from sim.cli.errors import printable
from sim.cli.main import main
from sim.datatree import MAX_DEPTH, MAX_INT, shape_problem
from sim.errors import LevelError, SaveError, UserError
from sim.levels import levels_dir, parse_level
from sim.replay import load_replay
from sim.saves import load_simulation

SRC = (levels_dir() / "campaign" / "01_insulin_key.toml").read_text()
DEEP_TOML = "x = " + "[" * 5000 + "]" * 5000 + "\n"
BIG_INT = 10**400


def test_two_thousand_bad_events_are_checked_in_linear_time():
    bad = "".join(f'\n[[events]]\nkind = "meal"\nmeal = "nope_{i}"\ntime_min = -{i + 1}\n' for i in range(2000))
    t0 = time.perf_counter()
    with pytest.raises(LevelError) as e:
        parse_level(SRC + bad, "many.toml")
    assert time.perf_counter() - t0 < 5.0  # was 40 s: every problem rescanned the whole text
    lines = str(e.value).splitlines()
    last_line = (SRC + bad).count("\n")
    assert any(f"many.toml:{last_line}: events[" in ln for ln in lines), lines[-3:]


@pytest.mark.parametrize("text", [DEEP_TOML, SRC.replace("turns = ", f"turns = {BIG_INT} # ", 1)])
def test_deep_or_huge_level_is_a_level_error_and_exit_2(text, tmp_path, capsys):
    f = tmp_path / "crafted.toml"
    f.write_text(text)
    with pytest.raises(LevelError, match=r"crafted\.toml: .*(nested too deeply|digits)"):
        parse_level(text, f)
    assert main(["levels", "check", str(f)]) == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("doc", [
    "[" * 500 + "]" * 500,
    json.dumps({"format": "x", "n": BIG_INT}),
    "[" * 50_000 + "]" * 50_000,
    '{"n": 1' + "0" * 5000 + "}",
])
def test_deep_or_huge_json_is_a_user_error_naming_the_file(doc, tmp_path):
    f = tmp_path / "crafted.json"
    f.write_text(doc)
    for load, err in ((load_replay, SaveError), (load_simulation, SaveError)):
        with pytest.raises(err, match=r"crafted\.json"):
            load(f)
    with pytest.raises(UserError, match=r"crafted\.json"):
        parse_submission(doc, f)


def _nesting(node) -> int:
    """How many lists/tables deep ``node`` goes (a scalar is 0), computed independently of shape_problem."""
    if isinstance(node, dict):
        return 1 + max(map(_nesting, node.values()), default=0)
    if isinstance(node, list):
        return 1 + max(map(_nesting, node), default=0)
    return 0


@given(st.recursive(st.integers() | st.text(max_size=3), lambda c: st.lists(c, max_size=3)
                    | st.dictionaries(st.text(max_size=3), c, max_size=3), max_leaves=40),
       st.integers(min_value=0, max_value=3 * MAX_DEPTH))
def test_fuzz_shape_limits_hold_for_any_tree(tree, depth):
    inner = _nesting(tree)
    for _ in range(depth):
        tree = [tree]
    why = shape_problem(tree)
    flat = json.dumps(tree)
    too_big = any(abs(int(n)) > MAX_INT for n in re.findall(r"-?\d{39,}", flat))
    too_deep = depth + inner > MAX_DEPTH
    if not (too_big or too_deep):
        assert why is None
    if depth > MAX_DEPTH + 10:
        assert why is not None


@given(st.text() | st.text(st.characters(categories=("Cs", "Cc", "Cf", "L"))))  # Cs: lone surrogates
def test_fuzz_printable_leaves_no_control_character(text):
    out = printable(text)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    out.encode("utf-8")  # a lone surrogate left in would make the terminal write fail
    assert not re.search("\r(?!\n)", out)
    if text.isprintable():
        assert out == text


def test_escape_codes_in_a_level_title_are_shown_not_obeyed(tmp_path, capsys):
    f = tmp_path / "evil.toml"
    f.write_text(SRC.replace('title = "', 'title = "\\u001b[2J\\u001b[31mEVIL ', 1))
    assert main(["levels", "list", str(f)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J" in out and "EVIL" in out


@pytest.mark.parametrize("level", ["\ud800.toml", "a\x00.toml", "x" * 5000 + ".toml"])
def test_a_replay_whose_level_path_no_file_can_have_is_exit_2(level, tmp_path, capsys):
    """A lone surrogate or NUL in the path made os.path.realpath raise (exit 1, a traceback)."""
    from sim.replay import FORMAT

    f = tmp_path / "evil.json"
    f.write_text(json.dumps({"format": FORMAT, "level": level, "content_hash": "x", "seed": 0, "engine_version": "2",
                             "actions": [], "score": 0, "final_state_hash": "x"}), encoding="ascii")
    assert main(["replay", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a .toml file beside the replay" in err


def test_an_event_a_hair_inside_the_end_is_reported_with_every_digit():
    """Shown as "found 960; allowed: 0 to 960" it looked allowed; the message must show why not."""
    lv = levels_dir() / "campaign" / "01_insulin_key.toml"  # 16 turns of 60 min: lasts 960 min
    text, moved = re.subn(r"(?m)^time_min = [0-9.]+$", "time_min = 959.9999999995", lv.read_text(encoding="utf-8"), 1)
    assert moved == 1, "level 01 has no event time to move"
    with pytest.raises(LevelError, match=r"found 959\.9999999995; allowed: 0 to 960 less 1e-9"):
        parse_level(text, lv)


def test_a_knob_just_over_its_range_is_shown_with_every_digit():
    from sim.model.parameters import value_problem

    assert value_problem("mito_capacity", 10.0000001) == "found 10.0000001; allowed: 0 to 10"
    assert value_problem("mito_capacity", 11.0) == "found 11; allowed: 0 to 10"
