"""``--out -`` and the sidecars: data to standard output, metadata beside every file output,
and the columns each command's --help lists equal to the columns it writes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sim.cli.main import build_parser, main
from sim.cli.outputs import help_columns
from sim.lab.protocols import COLUMNS as LAB_COLUMNS
from sim.levels import levels_dir, load_level
from sim.provenance import check
from sim.study.output import check_pair

LEVEL = levels_dir() / "campaign" / "01_insulin_key.toml"
SHORT = ["--days", "0.25"]


def _help(command: str) -> str:
    sub = build_parser()._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    return str(sub.format_help())


def _header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text)))


def test_run_to_stdout_carries_only_the_csv(capsysbinary, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["run", *SHORT, "--out", "-"]) == 0
    cap = capsysbinary.readouterr()
    rows = list(csv.DictReader(io.StringIO(cap.out.decode())))
    assert len(rows) == 6 and float(rows[-1]["time_min"]) == 360.0
    assert b"blood_glucose_mmol_l" in cap.err and b"standard output" in cap.err  # summary → stderr
    assert list(tmp_path.iterdir()) == [], "no sidecar without --sidecar when writing to stdout"


def test_run_to_stdout_with_sidecar_hashes_the_piped_bytes(capsysbinary, tmp_path):
    side = tmp_path / "run.meta.json"
    assert main(["run", *SHORT, "--seed", "4", "--out", "-", "--sidecar", str(side)]) == 0
    data = capsysbinary.readouterr().out
    meta = json.loads(side.read_text())
    assert meta["output"] == "-" and meta["output_sha256"] == hashlib.sha256(data).hexdigest()
    assert meta["seed"] == 4 and meta["rows"] == 6


def test_run_file_gets_a_sidecar_that_describes_it(tmp_path):
    out = tmp_path / "day.csv"
    assert main(["run", *SHORT, "--preset", "resistant", "--seed", "2", "--out", str(out)]) == 0
    meta = check(out)  # raises unless the hash and the row count are this CSV's
    assert meta["format"] == "amid-plenty-run" and meta["subject"] == {"preset": "resistant"}
    assert meta["command"][-4:] == ["--seed", "2", "--out", str(out)]
    assert meta["parameters"]["days"] == 0.25 and set(meta["versions"]) >= {"engine", "app", "python", "numpy"}
    assert list(meta["columns"]) == _header(out.read_text())
    assert all(meta["columns"].values()), "every column has a meaning"


def test_run_json_output_keeps_its_sidecar_apart(tmp_path):
    out = tmp_path / "day.json"
    assert main(["run", *SHORT, "--out", str(out)]) == 0
    assert json.loads(out.read_text())["turns"] and check(out)["format"] == "amid-plenty-run"


@pytest.mark.parametrize("cells", ["1", "3"])
def test_run_help_lists_the_columns_it_writes(cells, capsys):
    assert main(["run", *SHORT, "--cells", cells, "--out", "-"]) == 0
    written = _header(capsys.readouterr().out)
    listed = help_columns(_help("run"), "Columns")
    if cells == "1":
        assert written == listed
    else:
        assert written == ["turn", "time_min", *(f"{c}{s}" for c in listed[2:] for s in ("", "_p05", "_p95"))]


def test_level_run_to_stdout_and_sidecar_names_the_level(capsysbinary, tmp_path):
    side = tmp_path / "lv.meta.json"
    assert main(["run", str(LEVEL), "--policy", "idle", "--out", "-", "--sidecar", str(side)]) == 0
    data = capsysbinary.readouterr().out
    level = load_level(LEVEL)
    meta = json.loads(side.read_text())
    assert meta["subject"]["level"] == level.slug and meta["subject"]["level_sha256"] == level.content_hash
    assert _header(data.decode()) == list(meta["columns"])
    assert [c for c in meta["columns"] if c.startswith("goal_") and not c.endswith("_ok")] == [
        f"goal_{g.slug}" for g in level.goals]


@pytest.mark.parametrize("protocol", list(LAB_COLUMNS))
def test_experiment_help_lists_the_columns_it_writes(protocol, capsys):
    assert main(["experiment", protocol, "--preset", "type2", "--out", "-"]) == 0
    cap = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(cap.out)))
    listed = help_columns(_help("experiment"), f"Columns of {protocol}")
    listed = [c.replace("PRESET_", "type2_").replace("COMPARE_", "healthy_") for c in listed]
    assert list(rows[0]) == listed and all(v != "" for r in rows for v in r.values())
    assert "wrote" in cap.err and protocol in cap.err


def test_experiment_sidecar_sits_beside_csv_and_summary(tmp_path):
    out, js = tmp_path / "o.csv", tmp_path / "o.json"
    assert main(["experiment", "ogtt", "--set", "receptor_number=0.5", "--out", str(out),
                 "--summary-json", str(js)]) == 0
    meta = check(out)
    assert meta["parameters"]["settings"] == {"receptor_number": 0.5}
    assert meta["summary"] == json.loads(js.read_text())  # the summary file is untouched


def test_sweep_to_stdout_writes_sidecar_only_where_asked(capsysbinary, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    argv = ["sweep", "healthy", "--param", "receptor_number=0.5,1", "--days", "0.1", "--turn-min", "120", "--out", "-"]
    assert main(argv) == 0
    data = capsysbinary.readouterr().out
    assert len(list(csv.DictReader(io.StringIO(data.decode())))) == 2 and list(tmp_path.iterdir()) == []
    assert main([*argv, "--sidecar", "s.meta.json"]) == 0
    again = capsysbinary.readouterr().out
    assert again == data  # same sweep, same bytes
    Path("s.csv").write_bytes(again)
    assert check_pair(Path("s.csv"), Path("s.meta.json"))["rows"] == 2


@pytest.mark.parametrize(("argv", "message"), [
    (["run", "--sidecar", "s.json"], "give --out too"),
    (["run", "--out", "d.csv", "--sidecar", "s.txt"], "must end in .json"),
    (["run", "--out", "d.json", "--sidecar", "d.json"], "is the output itself"),
    (["experiment", "fasting", "--out", "f.json"], "must end in .csv"),
    (["sweep", "healthy", "--out", "r.txt"], "must end in .csv"),
])
def test_bad_out_or_sidecar_exits_2_in_one_line(argv, message, tmp_path):
    p = subprocess.run([sys.executable, "-m", "sim", *argv], capture_output=True, text=True, cwd=tmp_path)
    lines = p.stderr.strip().splitlines()
    assert p.returncode == 2 and len(lines) == 1 and message in lines[0], p.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("target", "cells"), [("healthy", "1"), ("healthy", "3"), ("level", "1")])
def test_sweep_help_lists_the_columns_it_writes(target, cells, capsys):
    tgt = str(LEVEL) if target == "level" else target
    more = ["--policy", "idle"] if target == "level" else ["--cells", cells, "--days", "0.1", "--turn-min", "120"]
    assert main(["sweep", tgt, "--param", "mito_capacity=1", "--param", "glut4_pool=1", *more, "--out", "-"]) == 0
    written = _header(capsys.readouterr().out)
    text = _help("sweep")
    listed = help_columns(text, "Columns of a level sweep" if target == "level" else "Columns of a preset sweep")
    if cells != "1":
        listed += help_columns(text, "With --cells > 1 also")
    at = listed.index("PARAM")
    assert written == [*listed[:at], "mito_capacity", "glut4_pool", *listed[at + 1:]]


def test_challenge_new_and_play_write_to_stdout(capsysbinary, tmp_path):
    assert main(["challenge", "new", str(LEVEL), "--seed", "3", "--out", "-"]) == 0
    cap = capsysbinary.readouterr()
    assert b"wrote the challenge to standard output" in cap.err
    ch = tmp_path / "c.challenge.toml"
    ch.write_bytes(cap.out)
    assert main(["challenge", "check", str(ch)]) == 0  # what went through the pipe is a valid challenge
    capsysbinary.readouterr()
    assert main(["challenge", "play", str(ch), "--policy", "idle", "--name", "Bot", "--out", "-", "--code"]) == 0
    cap = capsysbinary.readouterr()
    assert json.loads(cap.out)["name"] == "Bot" and b"AP2-" in cap.err


def test_grade_refuses_stdout_in_one_line(tmp_path):
    p = subprocess.run([sys.executable, "-m", "sim", "grade", "x.challenge.toml", "s/", "--out", "-"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert p.returncode == 2 and "writes a folder" in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_summary_and_replay_can_be_the_stream_instead(capsysbinary, tmp_path):
    assert main(["experiment", "fasting", "--summary-json", "-"]) == 0
    cap = capsysbinary.readouterr()
    assert json.loads(cap.out)["protocol"] == "fasting" and b"homa_ir" in cap.err  # summary table → stderr
    assert main(["run", str(LEVEL), "--policy", "idle", "--out", str(tmp_path / "l.csv"), "--replay-out", "-"]) == 0
    replay = tmp_path / "r.json"
    replay.write_bytes(capsysbinary.readouterr().out)
    assert main(["replay", str(replay)]) == 0  # the piped replay reproduces the run


def test_two_streams_to_stdout_are_refused(capsys):
    assert main(["experiment", "fasting", "--out", "-", "--summary-json", "-"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "only one output can go to standard output" in err[0]
