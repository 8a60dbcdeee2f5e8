"""Submissions, result codes and grading: verified, mismatch, wrong-challenge, corrupt."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from sim.classroom import (
    ChallengeError,
    find_codes,
    load_submission,
    make_challenge,
    make_submission,
    parse_result_code,
    result_code,
    write_challenge,
    write_submission,
)
from sim.classroom.canonical import checksum
from sim.classroom.grade import collect, grade
from sim.cli.main import main
from sim.levels import LevelRun, levels_dir
from sim.policies import get_policy

LEVEL = levels_dir() / "campaign" / "01_insulin_key.toml"


@pytest.fixture
def sub(challenge, played):
    return make_submission(challenge, "  Ana   López ", {"q1": (0, 4), "r1": "It starved.\nThen it ate."}, played)


def test_submission_round_trips_through_file(sub, tmp_path: Path) -> None:
    p = write_submission(sub, tmp_path / "out")
    assert p.parent == tmp_path / "out" and p.name.startswith("ana-lopez-") and p.suffix == ".json"
    assert load_submission(p) == sub
    assert sub.name == "Ana López" and sub.outcome.turns_played == 6


def test_submission_rejects_unknown_answers(challenge, played) -> None:
    with pytest.raises(ChallengeError, match="no question"):
        make_submission(challenge, "Ana", {"q9": (0, 3)}, played)
    with pytest.raises(ChallengeError, match="confidence"):
        make_submission(challenge, "Ana", {"q1": (0, 6)}, played)
    with pytest.raises(ChallengeError, match="name"):
        make_submission(challenge, "   ", {}, played)


def test_result_code_round_trips_and_is_short(challenge, sub) -> None:
    code = result_code(sub)
    assert code.startswith("AP2-") and len(code) < 300 and code.isascii()
    assert parse_result_code(code, challenge=challenge) == sub
    wrapped = "\n".join(code[i:i + 60] for i in range(0, len(code), 60))
    assert parse_result_code(wrapped, challenge=challenge) == sub


def test_find_codes_in_pasted_text(sub) -> None:
    code = result_code(sub)
    text = f"Ana: {code} thanks!\n\n{code[:70]}\n{code[70:]}\n\nrandom words\n{code}"
    assert find_codes(text) == [code, code, code]


@pytest.mark.parametrize("damage", ["cut", "flip", "extra", "prefix"])
def test_damaged_code_is_a_challenge_error(challenge, sub, damage: str) -> None:
    code = result_code(sub)
    bad = {"cut": code[:-7], "flip": code[:40] + ("A" if code[40] != "A" else "B") + code[41:],
           "extra": code + "AAAA", "prefix": code[4:]}[damage]
    with pytest.raises(ChallengeError):
        parse_result_code(bad, challenge=challenge)


def test_edited_file_fails_its_checksum(sub, tmp_path: Path) -> None:
    p = write_submission(sub, tmp_path)
    p.write_text(p.read_text(encoding="utf-8").replace('"score": ', '"score": 1', 1), encoding="utf-8")
    with pytest.raises(ChallengeError, match="checksum"):
        load_submission(p)


def _tamper(sub, tmp_path: Path, name: str, edit) -> Path:
    d = sub.to_jsonable()
    edit(d)
    d["checksum"] = checksum(d)
    p = tmp_path / name
    p.write_text(json.dumps(d), encoding="utf-8")
    return p


def test_grade_marks_each_status(challenge, sub, tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    write_submission(sub, subs)
    # a clever edit: a better score with a recomputed checksum -> the replay disagrees
    _tamper(sub, subs, "cheat.json", lambda d: d["outcome"].update(score=d["outcome"]["score"] + 50))
    # an action the challenge does not allow
    _tamper(sub, subs, "fly.json", lambda d: d["actions"][0].append({"kind": "fly"}))
    # another challenge (another seed)
    other = make_challenge(LEVEL, 4, turn_limit=6)
    run = LevelRun(other.level, seed=4)
    run.play_out(get_policy("idle"))
    write_submission(make_submission(other, "Bo", {}, run), subs)
    (subs / "junk.json").write_text("{not json", encoding="utf-8")
    (subs / "codes.txt").write_text("Cy: " + result_code(sub) + "\n", encoding="utf-8")
    rows = grade(challenge, collect([subs]))
    by = {(r.submission.name if r.submission else r.source.rsplit("/", 1)[-1]): r for r in rows}
    statuses = sorted((r.status, r.source.rsplit("/", 1)[-1]) for r in rows)
    assert [s for s, _ in statuses].count("verified") == 2, statuses
    assert sorted(s for s, _ in statuses) == ["corrupt", "mismatch", "mismatch", "verified", "verified",
                                               "wrong-challenge"]
    assert by["junk.json"].status == "corrupt" and "JSON" in by["junk.json"].note
    assert by["Bo"].status == "wrong-challenge"
    cheat = next(r for r in rows if r.source.endswith("cheat.json"))
    assert "score" in cheat.note and cheat.result.score == sub.outcome.score
    fly = next(r for r in rows if r.source.endswith("fly.json"))
    assert "not allowed" in fly.note
    assert any("same submission" in r.note for r in rows)


def test_grade_cli_writes_csv_and_self_contained_html(challenge, sub, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    ch = write_challenge(challenge, tmp_path / "c.challenge.toml")
    f = write_submission(sub, tmp_path / "subs")
    evil = make_submission(challenge, "=HYPERLINK(\"x\") <script>alert(1)</script>", {}, _replayed(challenge, sub))
    write_submission(evil, tmp_path / "subs")
    assert main(["grade", str(ch), str(f.parent), "--out", str(tmp_path / "out")]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "class.csv").read_text(encoding="utf-8"))))
    assert rows[0]["name"] == "Ana López" and rows[0]["status"] == "verified"
    assert rows[0]["q1_choice"] == "0" and rows[0]["q1_confidence"] == "4" and rows[0]["q1_correct"] == "1"
    assert rows[0]["r1"] == "It starved.\nThen it ate."
    assert rows[1]["name"].startswith("'=")
    assert list(rows[0])[:4] == ["name", "status", "score", "stars"]
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") >= 3 and "<script>" not in page and "&lt;script&gt;" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert "graded 2 submissions" in capsys.readouterr().out


def _replayed(challenge, sub):
    run = LevelRun(challenge.level, seed=challenge.seed)
    for acts in sub.actions:
        run.step(list(acts))
    return run


def test_grade_cli_exit_1_when_not_all_verified(challenge, tmp_path: Path) -> None:
    ch = write_challenge(challenge, tmp_path / "c.challenge.toml")
    (tmp_path / "codes.txt").write_text("AP1-garbage\n", encoding="utf-8")
    assert main(["grade", str(ch), str(tmp_path / "codes.txt"), "--out", str(tmp_path / "o")]) == 1
    assert "corrupt" in (tmp_path / "o" / "class.csv").read_text(encoding="utf-8")


def test_play_cli_makes_a_gradable_submission(challenge, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ch = write_challenge(challenge, tmp_path / "c.challenge.toml")
    out = tmp_path / "bot.json"
    assert main(["challenge", "play", str(ch), "--policy", "idle", "--name", "Bot", "--answer", "q1=2:1",
                 "--out", str(out), "--code"]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    assert parse_result_code(code, challenge=challenge) == load_submission(out)
    assert main(["grade", str(ch), str(out), "--out", str(tmp_path / "g")]) == 0


def test_grade_lists_links_that_leave_the_folder_without_following_them(challenge, sub, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write_submission(sub, outside)
    inside = tmp_path / "inside"
    inside.mkdir()
    (inside / "link").symlink_to(outside, target_is_directory=True)
    (inside / "x.json").symlink_to(next(outside.iterdir()))
    (inside / "photo.png").symlink_to("/etc/hostname")  # not a hand-in's name: not listed
    rows = collect([inside])
    assert [(Path(r.label).name, r.kind) for r in rows] == [("link", "error"), ("x.json", "error")]
    assert all(r.payload.startswith("not a regular file") for r in rows)


@pytest.mark.slow
def test_two_hundred_submissions_all_grade_verified(challenge, tmp_path: Path) -> None:
    # Grading speed is a figure, not a pass/fail: it was 13 s idle and 78 s on a machine
    # shared by six test runs, so a wall-clock bound here only measured the neighbours.
    full = make_challenge(LEVEL, 3)
    folder = tmp_path / "class"
    policies = [get_policy("idle"), get_policy("greedy")]
    base = []
    for _k, pol in enumerate(policies):
        run = LevelRun(full.level, seed=full.seed)
        run.play_out(pol)
        base.append(run)
    for i in range(200):
        write_submission(make_submission(full, f"Student {i}", {"q1": (i % 3, 1 + i % 5)}, base[i % 2]), folder)
    rows = grade(full, collect([folder]))
    assert len(rows) == 200 and all(r.status == "verified" for r in rows)


@pytest.mark.slow
def test_grading_over_worker_processes_gives_the_same_rows(challenge, sub, tmp_path: Path) -> None:
    for i in range(6):
        write_submission(make_submission(challenge, f"S{i}", {"q1": (i % 3, 2)}, _replayed(challenge, sub)), tmp_path)
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    sources = collect([tmp_path])
    here = grade(challenge, sources)
    spread = grade(challenge, sources, workers=2)
    assert [(g.source, g.status, g.note, g.final_state) for g in spread] == \
        [(g.source, g.status, g.note, g.final_state) for g in here]
    assert [g.result.score for g in spread if g.result] == [g.result.score for g in here if g.result]


@pytest.mark.parametrize("quote", ["> ", ">", "> > ", "  >  "])
def test_a_code_quoted_in_an_email_reply_still_reads(challenge, sub, quote) -> None:
    code = result_code(sub)
    lines = [code[i:i + 60] for i in range(0, len(code), 60)]
    reply = "Thanks, got it.\n\n" + "\n".join(quote + x for x in ["On Monday Ana wrote:", *lines, "", "Ana"])
    assert find_codes(reply) == [code]
    assert parse_result_code("\n".join(quote + x for x in lines), challenge=challenge) == sub


def test_a_student_handing_in_twice_is_listed_twice_and_counted_once(challenge, played, tmp_path) -> None:
    from sim.classroom.report import render

    ana1 = make_submission(challenge, "Ana", {"q1": (0, 4)}, played)
    ana2 = make_submission(challenge, "ana", {"q1": (1, 2)}, played)
    ben = make_submission(challenge, "Ben", {"q1": (1, 5)}, played)
    for s in (ana1, ana2, ben):
        write_submission(s, tmp_path / "in")
    rows = grade(challenge, collect([tmp_path / "in"]))
    assert len(rows) == 3 and sum(any(f.startswith("handed in more than once") for f in g.flags) for g in rows) == 1
    html = render(challenge, rows)
    assert "of 2 submissions" in html and "1 later hand-in" in html
    # the prediction tally counts each student once: two answers to q1, not three
    tally = html[html.index("<h2>Predictions"):html.index("Each student's answers")]
    assert sum(int(n) for n in re.findall(r" — (\d+) <svg", tally)) == 2
    assert html.count("sure: ") == 3  # every hand-in's own answers are still shown


def test_report_shows_each_students_answers_and_reflections_word_for_word(challenge, played) -> None:
    from sim.classroom.grade import Graded
    from sim.classroom.report import render

    words = "It starved <because> the\nsugar stayed outside."
    r_id = challenge.reflection[0].id
    sub = make_submission(challenge, "Zoë", {"q1": (0, 4), r_id: words}, played)
    html = render(challenge, [Graded("zoe.json", "verified", submission=sub, result=played.result())])
    section = html[html.index("Each student's answers"):]
    assert "Zoë" in section and "It starved &lt;because&gt; the\nsugar stayed outside." in section
    q1 = challenge.questions[0]
    assert q1.choices[0] in section and "sure: 4 of 5" in section
    assert ("✔" if q1.answer == 0 else "✘") in section
