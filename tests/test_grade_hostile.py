"""Hostile hand-in folders (issue 13): no crafted file hangs, crashes or fools the grader."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import threading
from pathlib import Path

import pytest

from sim.classroom import make_submission, write_submission
from sim.classroom.canonical import checksum
from sim.cli.main import main
from sim.events import Action
from sim.levels import LevelRun
from sim.policies import get_policy


def _resign(d: dict) -> str:
    d["checksum"] = checksum(d)
    return json.dumps(d, ensure_ascii=True)  # "\ud800" survives only as a JSON escape


def _grade(challenge, folder: Path, out: Path) -> tuple[int, list[dict], str]:
    ch = out.parent / "c.challenge.toml"
    ch.write_text(challenge.to_toml(), encoding="utf-8")
    rc = main(["grade", str(ch), str(folder), "--out", str(out)])
    rows = list(csv.DictReader(io.StringIO((out / "class.csv").read_text(encoding="utf-8"))))
    return rc, rows, (out / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", ["name", "reflection", "title", "version_key"])
def test_lone_surrogate_is_one_corrupt_row_not_a_crash(challenge, played, tmp_path: Path, field: str) -> None:
    folder = tmp_path / "in"
    good = make_submission(challenge, "Ana", {"q1": (0, 3)}, played)
    write_submission(good, folder)
    d = json.loads(make_submission(challenge, "Bo", {"r1": "x"}, played).to_json())
    if field == "name":
        d["name"] = "Bo\ud800"
    elif field == "reflection":
        d["reflection"]["r1"] = "a\udfffb"
    elif field == "title":
        d["challenge"]["title"] = "\ud800"
    else:
        d["versions"]["\ud800"] = "1"
    (folder / "bo.json").write_text(_resign(d), encoding="ascii")
    rc, rows, page = _grade(challenge, folder, tmp_path / "out")
    assert rc == 1
    by = {Path(r["source"]).name: r for r in rows}
    assert by["bo.json"]["status"] == "corrupt" and "surrogate" in by["bo.json"]["note"]
    assert by[next(n for n in by if n != "bo.json")]["status"] == "verified"
    assert "bo.json" in page


def test_result_code_with_a_surrogate_is_corrupt(challenge, played, tmp_path: Path) -> None:
    import base64
    import zlib

    from sim.classroom.codes import _ZDICT, PREFIX_V1

    d = json.loads(make_submission(challenge, "Cy", {}, played).to_json())
    d["reflection"]["r1"] = "\ud800"
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, _ZDICT)
    code = PREFIX_V1 + base64.urlsafe_b64encode(c.compress(_resign(d).encode()) + c.flush()).decode().rstrip("=")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "codes.txt").write_text(code + "\n", encoding="utf-8")
    rc, rows, _ = _grade(challenge, folder, tmp_path / "out")
    assert rc == 1 and rows[0]["status"] == "corrupt" and "surrogate" in rows[0]["note"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_and_unreadable_files_never_block(challenge, played, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_submission(make_submission(challenge, "Ana", {}, played), folder)
    os.mkfifo(folder / "pipe.json")
    os.mkfifo(folder / "pipe.txt")
    (folder / "huge.json").write_bytes(b" " * (600 * 1024))
    locked = folder / "locked.json"
    locked.write_text("{}", encoding="utf-8")
    locked.chmod(0)
    done: list[object] = []
    t = threading.Thread(target=lambda: done.append(_grade(challenge, folder, tmp_path / "out")), daemon=True)
    t.start()
    t.join(30)
    if not done:  # unblock the hung reader so the test run can end
        for p in ("pipe.json", "pipe.txt"):
            with open(folder / p, "wb"):
                pass
    assert done, "grading blocked on a named pipe"
    _, rows, _ = done[0]
    by = {Path(r["source"]).name: r for r in rows}
    assert by["pipe.json"]["status"] == by["pipe.txt"]["status"] == "corrupt"
    assert "not a regular file" in by["pipe.json"]["note"]
    assert "larger than" in by["huge.json"]["note"]
    if os.geteuid() != 0:
        assert "cannot read" in by["locked.json"]["note"]


def test_corrupt_but_readable_file_keeps_the_name(challenge, played, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    d = json.loads(make_submission(challenge, "Dana", {}, played).to_json())
    d["outcome"]["score"] = 10**6  # not re-signed
    (folder / "dana.json").write_text(json.dumps(d), encoding="utf-8")
    _, rows, page = _grade(challenge, folder, tmp_path / "out")
    assert rows[0]["status"] == "corrupt" and rows[0]["name"] == "Dana" and "Dana" in page


def test_hostile_names_and_file_names_are_defused(challenge, played, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    d = json.loads(make_submission(challenge, "Eve", {}, played).to_json())
    d["name"] = "\x1b]0;pwned\x07\x1b[2J"
    (folder / "esc.json").write_text(_resign(d), encoding="utf-8")
    d["name"] = "=HYPERLINK(\"http://x\")"
    d["reflection"] = {"r1": " @SUM(1)"}
    (folder / "formula.json").write_text(_resign(d), encoding="utf-8")
    raw = os.fsencode(folder) + b"/\xff\x1b[31m.json"  # not UTF-8, with an escape code
    if sys.platform != "darwin":
        with open(raw, "w") as f:
            f.write("{}")
    _, rows, page = _grade(challenge, folder, tmp_path / "out")
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\x07" not in printed
    assert "\x1b" not in page and "\x1b" not in (tmp_path / "out" / "class.csv").read_text(encoding="utf-8")
    by = {r["source"].rsplit("/", 1)[-1]: r for r in rows}
    assert by["esc.json"]["status"] == "corrupt" and "control character" in by["esc.json"]["note"]
    f = by["formula.json"]
    assert f["name"].startswith("'=") and f["r1"].startswith("' @")


def _resigned_copy(challenge, sub, name: str) -> str:
    d = json.loads(sub.to_json())
    d["name"] = name
    return _resign(d)


def test_copied_and_resigned_file_is_flagged(challenge, played, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    ana = make_submission(challenge, "Ana", {"q1": (1, 5)}, played)
    write_submission(ana, folder)
    (folder / "bo.json").write_text(_resigned_copy(challenge, ana, "Bo"), encoding="utf-8")
    other = LevelRun(challenge.level, seed=challenge.seed)
    other.play_out(get_policy("idle"))
    write_submission(make_submission(challenge, "Cy", {}, other), folder)
    write_submission(make_submission(challenge, "cy", {"q1": (0, 1)}, other), folder)
    rc, rows, page = _grade(challenge, folder, tmp_path / "out")
    by = {r["name"]: r for r in rows}
    assert all(r["status"] == "verified" for r in rows) and rc == 0  # a flag is not a status
    assert "same action log as Ana" in by["Bo"]["flags"] and "same action log as Bo" in by["Ana"]["flags"]
    flagged_cy = [r for r in rows if r["name"].lower() == "cy" and "more than once" in r["flags"]]
    assert len(flagged_cy) == 1
    assert "same action log as Ana" in page and "⚑" in page


def test_copied_log_with_every_offset_nudged_is_flagged(challenge, played, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_submission(make_submission(challenge, "Ana", {"q1": (1, 5)}, played), folder)
    nudged = LevelRun(challenge.level, seed=challenge.seed)
    for turn in played.action_log:
        nudged.step([Action(a.kind, a.offset_min + 1e-6) for a in turn])
    write_submission(make_submission(challenge, "Bo", {}, nudged), folder)
    _, rows, _ = _grade(challenge, folder, tmp_path / "out")
    by = {r["name"]: r for r in rows}
    assert by["Bo"]["status"] == "verified" and "same action log as Ana" in by["Bo"]["flags"]


def test_a_grade_note_names_the_turn_once(challenge, played, tmp_path: Path) -> None:
    from sim.classroom.grade import Source, grade_source

    d = json.loads(make_submission(challenge, "Ana", {}, played).to_json())
    kind = challenge.allowed_actions[0]
    d["actions"][0] = [{"kind": kind}, {"kind": kind}]  # the level allows an action once a turn
    f = tmp_path / "ana.json"
    f.write_text(_resign(d), encoding="utf-8")
    g = grade_source(challenge, Source(str(f), "file", str(f)))
    assert "turn 1: " in g.note and "turn 1: turn 1" not in g.note, g.note
