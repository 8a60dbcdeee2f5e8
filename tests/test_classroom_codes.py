"""Result codes, version 2 (``AP2-``, issue 11): shorter than version 1, and grading sees as much."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.classroom import (
    ChallengeError,
    find_codes,
    load_challenge,
    make_submission,
    parse_result_code,
    result_code,
    write_submission,
)
from sim.classroom.codes import result_code_v1
from sim.classroom.commitment import answers_digest
from sim.classroom.grade import collect, grade
from sim.classroom.shortcode import CHECK
from sim.levels import LevelRun, levels_dir
from sim.policies import get_policy

SHIPPED = levels_dir() / "challenges" / "starving-amid-plenty.challenge.toml"
ANSWERS = {"plenty": (1, 4), "walk": (0, 2), "insulin": (2, 5),
           "why": "Without insulin working, the sugar stays outside the cell.",
           "next": "Snack less and walk after meals."}


@cache
def _shipped():
    ch = load_challenge(SHIPPED)
    run = LevelRun(ch.level, seed=ch.seed)
    run.play_out(get_policy("greedy"))
    return ch, make_submission(ch, "Ana López", ANSWERS, run)


def _graded(challenge, tmp_path: Path, *codes: str):
    (tmp_path / "codes.txt").write_text("".join(f"{c}\n\n" for c in codes), encoding="utf-8")
    return grade(challenge, collect([tmp_path / "codes.txt"]))


def test_ap2_code_is_at_most_60_percent_of_ap1_for_greedy_play_on_the_shipped_challenge() -> None:
    _, sub = _shipped()
    v1, v2 = result_code_v1(sub), result_code(sub)
    print(f"AP1 {len(v1)} characters, AP2 {len(v2)} characters ({len(v2) / len(v1):.0%})")
    assert v2.startswith("AP2-") and v1.startswith("AP1-")
    assert len(v2) <= 0.6 * len(v1)


def test_ap2_code_round_trips_to_the_same_submission_given_its_challenge() -> None:
    ch, sub = _shipped()
    back = parse_result_code(result_code(sub), challenge=ch)
    assert back == sub and back.checksum == sub.checksum and back.commitment == sub.commitment


def test_ap2_code_uses_only_characters_mail_programs_keep() -> None:
    body = result_code(_shipped()[1]).removeprefix("AP2-")
    assert set(body) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_ap1_code_still_reads_and_grades_verified(challenge, played, tmp_path: Path) -> None:
    sub = make_submission(challenge, "Old Hand-in", {"q1": (0, 4)}, played)
    code = result_code_v1(sub)
    assert parse_result_code(code) == sub
    [row] = _graded(challenge, tmp_path, code)
    assert row.status == "verified" and row.submission == sub


def test_ap2_code_grades_verified(challenge, played, tmp_path: Path) -> None:
    sub = make_submission(challenge, "Ana", {"q1": (0, 4), "r1": "It starved."}, played)
    [row] = _graded(challenge, tmp_path, result_code(sub))
    assert row.status == "verified" and row.submission == sub
    assert not any("after play" in f or "not committed" in f for f in row.flags)


def test_every_one_character_change_in_an_ap2_code_is_refused() -> None:
    ch, sub = _shipped()
    code = result_code(sub)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    for i in range(len(code)):
        other = alphabet[(alphabet.index(code[i]) + 1) % len(alphabet)] if code[i] in alphabet else "X"
        with pytest.raises(ChallengeError):
            parse_result_code(code[:i] + other + code[i + 1:], challenge=ch)


@pytest.mark.parametrize("quote", ["> ", "> > ", ""])
def test_ap2_code_wrapped_and_quoted_in_a_reply_still_reads(quote: str) -> None:
    ch, sub = _shipped()
    code = result_code(sub)
    lines = [code[i:i + 40] for i in range(0, len(code), 40)]
    reply = "Thanks!\n\n" + "\n".join(quote + x for x in ["Ana wrote:", *lines, "", "Ana"])
    assert find_codes(reply) == [code]
    assert parse_result_code("\n".join(quote + x for x in lines), challenge=ch) == sub


def test_ap2_answers_changed_after_play_are_flagged(challenge, played, tmp_path: Path) -> None:
    sub = make_submission(challenge, "Ana", {"q1": (0, 4)}, played,
                          committed=answers_digest(challenge.challenge_id, {"q1": (2, 1)}))
    [row] = _graded(challenge, tmp_path, result_code(sub))
    assert row.submission == sub and any(f.startswith("answers changed after play") for f in row.flags)


def test_ap2_log_changed_after_play_is_flagged(challenge, played, tmp_path: Path) -> None:
    sub = make_submission(challenge, "Ana", {"q1": (0, 4)}, played)
    i = next(k for k, acts in enumerate(sub.actions) if acts)  # drop the first turn's actions that has any
    swapped = attrs.evolve(sub, actions=(*sub.actions[:i], (), *sub.actions[i + 1:]))
    assert swapped.actions != sub.actions
    [row] = _graded(challenge, tmp_path, result_code(swapped))
    assert any(f.startswith("action log changed after play") for f in row.flags)


def test_ap2_of_a_format_1_submission_is_flagged_uncommitted(challenge, played, tmp_path: Path) -> None:
    sub = attrs.evolve(make_submission(challenge, "Ana", {"q1": (0, 4)}, played), commitment=None)
    [row] = _graded(challenge, tmp_path, result_code(sub))
    assert row.submission is not None and row.submission.commitment is None
    assert any(f.startswith("predictions not committed") for f in row.flags)


def test_ap2_edited_outcome_grades_mismatch(challenge, played, tmp_path: Path) -> None:
    sub = make_submission(challenge, "Ana", {}, played)
    better = attrs.evolve(sub, outcome=attrs.evolve(sub.outcome, score=sub.outcome.score + 50))
    [row] = _graded(challenge, tmp_path, result_code(better))
    assert row.status == "mismatch" and "score" in row.note and row.result.score == sub.outcome.score


def test_ap2_other_final_state_grades_mismatch(challenge, played, tmp_path: Path) -> None:
    sub = make_submission(challenge, "Ana", {}, played)
    elsewhere = attrs.evolve(sub, outcome=attrs.evolve(sub.outcome, final_state=hashlib.sha256(b"x").hexdigest()))
    [row] = _graded(challenge, tmp_path, result_code(elsewhere))
    assert row.status == "mismatch" and "final state differs" in row.note


def test_ap2_bot_hand_in_is_flagged(challenge, played, tmp_path: Path) -> None:
    sub = make_submission(challenge, "Bot", {}, played, player="bot:greedy")
    [row] = _graded(challenge, tmp_path, result_code(sub))
    assert any("made by the bot 'greedy'" in f for f in row.flags)


def test_ap2_copied_log_and_second_hand_in_are_flagged(challenge, played, tmp_path: Path) -> None:
    ana = make_submission(challenge, "Ana", {"q1": (0, 4)}, played)
    ben = make_submission(challenge, "Ben", {"q1": (1, 2)}, played)
    again = make_submission(challenge, "ana", {"q1": (2, 2)}, played)
    rows = _graded(challenge, tmp_path, *map(result_code, (ana, ben, again)))
    assert any(f.startswith("same action log as Ben") for f in rows[0].flags)
    assert any(f.startswith("handed in more than once") for f in rows[2].flags)


def test_ap2_code_and_file_of_one_hand_in_are_the_same_submission(challenge, played, tmp_path: Path) -> None:
    sub = make_submission(challenge, "Ana", {"q1": (0, 4)}, played)
    write_submission(sub, tmp_path / "in")
    (tmp_path / "in" / "codes.txt").write_text(result_code(sub) + "\n", encoding="utf-8")
    rows = grade(challenge, collect([tmp_path / "in"]))
    assert len(rows) == 2 and any("same submission as" in r.note for r in rows)


def test_ap2_code_for_another_challenge_is_wrong_challenge_with_its_name(challenge, played, tmp_path: Path) -> None:
    _, sub = _shipped()
    [row] = _graded(challenge, tmp_path, result_code(sub))
    assert row.status == "wrong-challenge" and row.who == "Ana López" and "another challenge" in row.note


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_fuzz_ap2_bytes_with_a_valid_check_read_or_refuse(payload: bytes) -> None:
    import base64

    from sim.classroom.shortcode import _check

    body = bytes(16) + payload
    code = "AP2-" + base64.urlsafe_b64encode(_check(body) + body).decode().rstrip("=")
    assert len(_check(body)) == CHECK
    try:
        parse_result_code(code, challenge=_shipped()[0])
    except ChallengeError:
        pass
