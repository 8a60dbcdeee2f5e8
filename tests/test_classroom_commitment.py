"""Predictions committed before turn 1 and the hash chain over play (issue 13).

Before this, a student could play, see how it went, change the prediction answers in the file
and recompute the documented checksum: the submission graded ``verified`` with the new answers.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from game.classroom import ChallengeFlow
from sim.classroom import (
    ChallengeError,
    load_submission,
    make_submission,
    write_submission,
)
from sim.classroom.canonical import checksum
from sim.classroom.commitment import answers_digest, chain_head, prediction_code
from sim.classroom.grade import collect, grade
from sim.classroom.table import to_csv
from sim.levels import LevelRun
from sim.policies import get_policy

ANSWERS = {"q1": (0, 4)}


def _played(challenge, policy: str = "greedy") -> LevelRun:
    run = LevelRun(challenge.level, seed=challenge.seed)
    run.play_out(get_policy(policy))
    return run


def _order_flags(row) -> list[str]:
    """The commitment's flags (a greedy-played file also gets the bot flag, tests/test_classroom_bots.py)."""
    return [f for f in row.flags if "after play" in f or "committed" in f]


def _graded(challenge, tmp_path: Path, d: dict, name: str = "x.json"):
    d["checksum"] = checksum(d)  # what a student who read the docs would do
    p = tmp_path / name
    p.write_text(json.dumps(d), encoding="utf-8")
    [row] = grade(challenge, collect([p]))
    return row


def test_an_honest_submission_commits_its_answers_and_grades_without_an_order_flag(challenge, tmp_path):
    sub = make_submission(challenge, "Ana", ANSWERS, _played(challenge))
    assert sub.commitment is not None and sub.format_version == 2
    assert sub.commitment.answers == answers_digest(challenge.challenge_id, ANSWERS)
    assert load_submission(write_submission(sub, tmp_path)) == sub
    [row] = grade(challenge, collect([tmp_path]))
    assert row.status == "verified" and not _order_flags(row)


def test_answers_changed_after_play_are_flagged_though_the_checksum_was_redone(challenge, tmp_path):
    d = make_submission(challenge, "Ana", ANSWERS, _played(challenge)).to_jsonable()
    d["answers"]["q1"] = {"choice": 1, "confidence": 5}
    row = _graded(challenge, tmp_path, d)
    assert row.status == "verified"  # the replay is still right: a flag, not a status
    assert any("answers changed after play" in f for f in row.flags)


def test_answers_changed_in_the_game_after_play_started_are_flagged(challenge, tmp_path, monkeypatch):
    monkeypatch.setenv("AMID_PLENTY_SUBMISSIONS", str(tmp_path / "subs"))
    flow = ChallengeFlow(challenge)
    flow.name, flow.predictions = "Bo", dict(ANSWERS)
    session = flow.new_session()
    code_before_play = flow.prediction_code
    session.run.play_out(get_policy("idle"))
    flow.predictions["q1"] = (2, 5)  # seen the outcome, now "predicts" it
    handed = flow.hand_in(tmp_path)
    [row] = grade(challenge, collect([handed.path]))
    assert any("answers changed after play" in f for f in row.flags)
    [line] = csv.DictReader(io.StringIO(to_csv(challenge, [row])))
    assert line["prediction_code"] == code_before_play  # the code the student saw before turn 1


def test_a_log_swapped_in_after_play_breaks_the_chain(challenge, tmp_path):
    d = make_submission(challenge, "Ana", ANSWERS, _played(challenge, "greedy")).to_jsonable()
    other = make_submission(challenge, "Ana", ANSWERS, _played(challenge, "idle")).to_jsonable()
    assert d["actions"] != other["actions"]
    d["actions"], d["outcome"] = other["actions"], other["outcome"]  # a consistent other run
    row = _graded(challenge, tmp_path, d)
    assert row.status == "verified"
    assert any("action log changed after play" in f for f in row.flags)


def test_a_forger_who_recomputes_the_chain_is_not_caught(challenge, tmp_path):
    """The documented limit: nothing is secret, so a full recomputation passes (docs/classroom.md)."""
    d = make_submission(challenge, "Ana", ANSWERS, _played(challenge)).to_jsonable()
    d["answers"]["q1"] = {"choice": 1, "confidence": 5}
    forged = answers_digest(challenge.challenge_id, {"q1": (1, 5)})
    d["commitment"] = {"answers": forged, "chain": chain_head(forged, _actions(d))}
    row = _graded(challenge, tmp_path, d)
    assert row.status == "verified" and not _order_flags(row)
    assert prediction_code(forged) != prediction_code(answers_digest(challenge.challenge_id, ANSWERS))


def _actions(d: dict):
    from sim.events import Action

    return [[Action(a["kind"], a.get("offset_min", 0.0)) for a in turn] for turn in d["actions"]]


def test_a_format_1_file_still_grades_and_is_flagged_as_uncommitted(challenge, tmp_path):
    d = make_submission(challenge, "Ana", ANSWERS, _played(challenge)).to_jsonable()
    del d["commitment"]
    d["format_version"] = 1
    row = _graded(challenge, tmp_path, d)
    assert row.status == "verified" and row.submission.commitment is None
    assert any("not committed before play" in f for f in row.flags)
    [line] = csv.DictReader(io.StringIO(to_csv(challenge, [row])))
    assert line["prediction_code"] == ""


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d.pop("commitment"), "commitment: missing"),
    (lambda d: d.update(format_version=1), "format-1 submission, which has none"),
    (lambda d: d.update(format_version=3), "reads versions 1 and 2"),
    (lambda d: d["commitment"].update(chain="sha256:xyz"), "commitment.chain"),
])
def test_a_commitment_of_the_wrong_shape_is_one_clear_error(challenge, tmp_path, edit, message):
    d = make_submission(challenge, "Ana", ANSWERS, _played(challenge)).to_jsonable()
    edit(d)
    d["checksum"] = checksum(d)
    p = tmp_path / "x.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(ChallengeError, match=message) as e:
        load_submission(p)
    assert str(e.value).startswith(str(p)) and "\n" not in str(e.value)
