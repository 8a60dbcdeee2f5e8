"""Fuzzing the classroom loaders: whatever the bytes, the answer is a value or a ChallengeError."""

from __future__ import annotations

import contextlib
import json
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from sim.classroom import (
    ChallengeError,
    make_challenge,
    make_submission,
    parse_challenge,
    parse_result_code,
    result_code,
)
from sim.classroom.submission import parse_submission
from sim.levels import LevelRun, levels_dir

LEVEL = levels_dir() / "campaign" / "01_insulin_key.toml"


@cache
def _good() -> tuple[str, str, str]:
    ch = make_challenge(LEVEL, 1, turn_limit=2)
    run = LevelRun(ch.level, seed=1)
    run.step([])
    run.step([])
    sub = make_submission(ch, "Fuzz", {"q1": (1, 2), "r1": "x"}, run)
    return ch.to_toml(), sub.to_json(), result_code(sub)


@cache
def _challenge():
    return parse_challenge(_good()[0], "fuzz.challenge.toml")


def _mutate(text: str, data: st.DataObject) -> str:
    n = len(text)
    i = data.draw(st.integers(0, n), label="at")
    j = data.draw(st.integers(i, min(n, i + 20)), label="to")
    junk = data.draw(st.text(max_size=20), label="junk")
    return text[:i] + junk + text[j:]


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150)
@given(st.data())
def test_fuzz_challenge_loader(data: st.DataObject) -> None:
    text = _mutate(_good()[0], data)
    with contextlib.suppress(ChallengeError):
        parse_challenge(text, "fuzz.challenge.toml")


@settings(max_examples=150)
@given(st.text(max_size=300))
def test_fuzz_challenge_loader_random_text(text: str) -> None:
    with contextlib.suppress(ChallengeError):
        parse_challenge(text)


@given(st.data())
def test_fuzz_submission_loader(data: st.DataObject) -> None:
    text = _mutate(_good()[1], data)
    with contextlib.suppress(ChallengeError):
        parse_submission(text, "fuzz.json")


@given(JSONISH)
def test_fuzz_submission_loader_any_json(value: object) -> None:
    with contextlib.suppress(ChallengeError):
        parse_submission(json.dumps(value), "fuzz.json")


@given(st.data())
def test_fuzz_submission_fields(data: st.DataObject) -> None:
    d = json.loads(_good()[1])
    key = data.draw(st.sampled_from(sorted(d)))
    d[key] = data.draw(JSONISH)
    with contextlib.suppress(ChallengeError):
        parse_submission(json.dumps(d), "fuzz.json")


@given(st.data())
def test_fuzz_result_code(data: st.DataObject) -> None:
    code = _mutate(_good()[2], data)
    with contextlib.suppress(ChallengeError):
        parse_result_code(code, challenge=_challenge())


@given(st.text(max_size=200))
def test_fuzz_result_code_random_text(text: str) -> None:
    for t in (text, "AP1-" + text, "AP2-" + text):
        with contextlib.suppress(ChallengeError):
            parse_result_code(t, challenge=_challenge())
