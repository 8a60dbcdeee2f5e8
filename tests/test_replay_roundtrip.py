"""Replays: save, reproduce exactly, and report a changed level or a tampered score."""

import json
import re

from sim.cli.main import main
from sim.levels import LevelRun, levels_dir, load_level
from sim.policies import get_policy
from sim.replay import load_replay, save_replay, verify_replay

SRC = levels_dir() / "campaign" / "02_fewer_receptors.toml"


def _saved(tmp_path):
    lv_path = tmp_path / "level.toml"
    lv_path.write_text(SRC.read_text())
    run = LevelRun(load_level(lv_path), seed=5)
    run.play_out(get_policy("greedy"))
    out = tmp_path / "run.json"
    save_replay(run, out)
    return run, lv_path, out


def test_replay_round_trip_reproduces_score_and_state(tmp_path):
    run, _, out = _saved(tmp_path)
    rep = load_replay(out)
    assert rep.seed == 5 and len(rep.actions) == len(run.action_log)
    check = verify_replay(out)
    assert check.ok and not check.level_changed and check.score == run.result().score


def test_replay_of_a_changed_level_is_reported(tmp_path, capsys):
    _, lv_path, out = _saved(tmp_path)
    text, changed = re.subn(r"(?m)^below = ([0-9.]+)$", lambda m: f"below = {float(m.group(1)) * 0.97:g}", SRC.read_text(), 1)
    assert changed == 1, "the level has no goal bound to change"
    lv_path.write_text(text)
    check = verify_replay(out)
    assert check.level_changed and "level file has changed" in check.message
    assert main(["replay", str(out)]) == 2


def test_tampered_score_is_reported(tmp_path):
    _, _, out = _saved(tmp_path)
    data = json.loads(out.read_text())
    data["score"] += 1
    out.write_text(json.dumps(data))
    check = verify_replay(out)
    assert not check.ok and "DIFFERS" in check.message and check.state_matches


def test_broken_replay_file_is_a_save_error(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main(["replay", str(bad)]) == 2
    assert "not a replay" in capsys.readouterr().err


def test_run_level_cli_writes_csv_and_replay(tmp_path, capsys):
    csv_out, rep_out = tmp_path / "o.csv", tmp_path / "r.json"
    # search plays every turn (greedy starves the cell and ends the level early)
    assert main(["run", str(SRC), "--policy", "search", "--seed", "1", "--out", str(csv_out), "--replay-out", str(rep_out)]) == 0
    lines = csv_out.read_text().splitlines()
    assert lines[0].startswith("turn,time_min") and len(lines) == 1 + load_level(SRC).turns
    assert main(["replay", str(rep_out)]) == 0
