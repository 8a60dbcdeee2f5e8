"""Level files: every error is the loader's own, names file, line and key path, all at once."""

import contextlib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sim.errors import LevelError
from sim.levels import level_files, levels_dir, load_level, parse_level

GOOD = (levels_dir() / "campaign" / "01_insulin_key.toml").read_text()


def test_shipped_levels_all_load():
    for path in level_files():
        assert load_level(path).turns >= 1


def test_unknown_key_is_named_with_line_and_suggestion():
    text = GOOD.replace("turn_min = 60", "turn_mins = 60")
    with pytest.raises(LevelError) as e:
        parse_level(text, "x.toml")
    msg = str(e.value)
    assert "turn_mins" in msg and "did you mean 'turn_min'" in msg
    assert "x.toml:" in msg


def test_event_time_error_names_key_path_and_line():
    text = GOOD + '\n[[events]]\nkind = "meal"\nmeal = "lunch"\ntime_min = 99999\n'
    with pytest.raises(LevelError) as e:
        parse_level(text, "x.toml")
    msg = str(e.value)
    n = GOOD.count("[[events]]")
    line = len(GOOD.splitlines()) + 5
    assert f"events[{n}].time_min" in msg and f"x.toml:{line}" in msg and "found 99999" in msg


def test_all_errors_reported_at_once():
    text = GOOD.replace('turns = 16', 'turns = "many"').replace('title = "The key and the lock"', 'titel = "x"')
    with pytest.raises(LevelError) as e:
        parse_level(text, "x.toml")
    msg = str(e.value)
    assert "turns" in msg and "'many'" in msg and "titel" in msg and "problems" in msg


def test_wrong_type_is_not_coerced():
    with pytest.raises(LevelError, match="allowed: a number"):
        parse_level(GOOD.replace("turn_min = 60", 'turn_min = "60"'), "x.toml")


def test_unknown_meal_suggests_the_closest():
    meal = re.search(r'meal = "(\w+)"', GOOD).group(1)  # whichever meal level 01 serves first
    typo = meal.replace("_", "")
    assert typo != meal
    with pytest.raises(LevelError, match=f"did you mean '{meal}'"):
        parse_level(GOOD.replace(f'meal = "{meal}"', f'meal = "{typo}"', 1), "x.toml")


def test_empty_and_missing_files_are_level_errors(tmp_path):
    with pytest.raises(LevelError, match="empty"):
        parse_level("", "x.toml")
    with pytest.raises(LevelError, match="cannot read"):
        load_level(tmp_path / "nope.toml")


def test_truncated_toml_is_a_level_error():
    with pytest.raises(LevelError, match="not valid TOML"):
        parse_level(GOOD[: GOOD.index("[cell]") + 3], "x.toml")


VALUES = st.one_of(st.integers(-10**30, 10**30), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=5),
                   st.booleans(), st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


def _toml(v):
    import json
    import math

    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, list):
        return "[" + ", ".join(map(str, v)) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {x}" for k, x in v.items()) + "}"


@given(key=st.sampled_from(["turns", "turn_min", "budget_per_day", "title", "start_clock_min", "diet", "cell", "goals", "events", "actions", "wat"]),
       value=VALUES)
def test_fuzz_top_level_values_raise_only_level_errors(key, value):
    lines = [ln for ln in GOOD.splitlines() if not ln.startswith(f"{key} =")]
    text = f"{key} = {_toml(value)}\n" + "\n".join(lines)
    with contextlib.suppress(LevelError):
        parse_level(text, "fuzz.toml")


@given(field=st.sampled_from(["time_min", "meal", "kind", "intensity", "jitter_min", "chance", "duration_min", "bogus"]), value=VALUES)
def test_fuzz_event_fields_raise_only_level_errors(field, value):
    text = GOOD + f'\n[[events]]\nkind = "stressor"\nstressor = "smoke"\ntime_min = 10\n{field} = {_toml(value)}\n'
    with contextlib.suppress(LevelError):
        parse_level(text, "fuzz.toml")


@given(key=st.sampled_from(["content", "content.actions", "content.meals", "content.meals.x", "text.es.actions",
                            "text.es.actions.walk", "text.es.content", "text.es.content.meals", "text.es.content.meals.x"]),
       value=VALUES)
def test_fuzz_content_and_translation_tables_raise_only_level_errors(key, value):
    english = GOOD.split("\n[text.es]")[0]
    with contextlib.suppress(LevelError):
        parse_level(f"{key} = {_toml(value)}\n" + english, "fuzz.toml")


@given(cut=st.integers(0, len(GOOD)))
def test_fuzz_truncated_files_raise_only_level_errors(cut):
    with contextlib.suppress(LevelError):
        parse_level(GOOD[:cut], "fuzz.toml")


@given(data=st.binary(max_size=200))
def test_fuzz_random_bytes_raise_only_level_errors(data):
    with contextlib.suppress(LevelError):
        parse_level(data, "fuzz.toml")


def test_cli_check_exit_codes(tmp_path, capsys):
    from sim.cli.main import main

    assert main(["levels", "check", str(levels_dir())]) == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace("turns = 16", "turns = -3"))
    assert main(["levels", "check", str(bad)]) == 2
    assert "turns" in capsys.readouterr().out


def test_content_hash_ignores_comments():
    a = parse_level(GOOD, Path("a.toml"))
    b = parse_level("# a comment\n" + GOOD, Path("a.toml"))
    c = parse_level(GOOD.replace("budget_per_day = 5", "budget_per_day = 6"), Path("a.toml"))
    assert a.content_hash == b.content_hash != c.content_hash
