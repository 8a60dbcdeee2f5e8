"""Shipped levels and challenges by name (``11_starving_amid_plenty``) in every CLI command, so a
teacher's command works outside the checkout, where ``levels/campaign/…`` does not exist."""

import json
import shutil

import pytest

from sim.cli.main import build_parser, main
from sim.levels import levels_dir


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A folder with no ``levels/`` in it, as the current folder: like a pip install's user."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_challenge_new_takes_a_shipped_level_name_from_another_folder(elsewhere, capsys):
    assert main(["challenge", "new", "11_starving_amid_plenty", "--seed", "2024", "--out", "w.challenge.toml"]) == 0
    assert "level 11_starving_amid_plenty, seed 2024" in capsys.readouterr().out
    assert (elsewhere / "w.challenge.toml").is_file()


def test_challenge_check_takes_the_shipped_challenge_name(elsewhere, capsys):
    assert main(["challenge", "check", "starving-amid-plenty"]) == 0
    assert "11_starving_amid_plenty" in capsys.readouterr().out


def test_levels_check_takes_level_names(elsewhere, capsys):
    assert main(["levels", "check", "01_insulin_key", "sandbox"]) == 0
    assert "2 of 2 level file(s) valid" in capsys.readouterr().out


def test_run_plays_a_level_given_by_name(elsewhere, capsys):
    assert main(["run", "01_insulin_key", "--policy", "idle", "--out", "run.csv"]) == 0
    assert (elsewhere / "run.csv").read_text().startswith("turn,")


def test_sweep_takes_a_level_name(elsewhere):
    assert main(["sweep", "01_insulin_key", "--param", "receptor_number=0.5", "--policy", "idle", "--out", "s.csv"]) == 0
    assert len((elsewhere / "s.csv").read_text().splitlines()) == 2


def test_unknown_name_exits_2_with_one_line_listing_the_shipped_levels(elsewhere, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["challenge", "new", "12_no_such_level", "--seed", "1", "--out", "-"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "'12_no_such_level'" in err and "01_insulin_key" in err and "sandbox" in err


def test_unknown_challenge_name_lists_the_shipped_challenges(elsewhere, capsys):
    with pytest.raises(SystemExit):
        main(["grade", "week9", "subs/", "--out", "graded"])
    assert "starving-amid-plenty" in capsys.readouterr().err


def test_sweep_unknown_target_lists_presets_and_levels(elsewhere, capsys):
    assert main(["sweep", "nobody", "--out", "s.csv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "healthy" in err and "11_starving_amid_plenty" in err


def test_checkout_path_missing_here_names_the_shipped_level(elsewhere, capsys):
    with pytest.raises(SystemExit):
        main(["challenge", "new", "levels/campaign/11_starving_amid_plenty.toml", "--seed", "1", "--out", "-"])
    assert "give its name: 11_starving_amid_plenty" in capsys.readouterr().err


def test_existing_file_wins_over_a_shipped_name(elsewhere, capsys):
    shutil.copy(levels_dir() / "campaign" / "01_insulin_key.toml", elsewhere / "sandbox")
    assert main(["levels", "list", "sandbox"]) == 0
    assert "The key and the lock" in capsys.readouterr().out  # level 1's title, not the sandbox's


def test_replay_made_in_a_checkout_finds_its_level_by_name_elsewhere(elsewhere, capsys):
    assert main(["run", "01_insulin_key", "--policy", "greedy", "--replay-out", "r.json"]) == 0
    data = json.loads((elsewhere / "r.json").read_text())
    data["level"] = "levels/campaign/01_insulin_key.toml"  # as `run levels/campaign/…` in a checkout writes it
    (elsewhere / "r.json").write_text(json.dumps(data))
    assert main(["replay", "r.json"]) == 0
    assert "replay reproduced" in capsys.readouterr().out


def test_help_names_the_console_script_when_run_as_it(monkeypatch):
    monkeypatch.setattr("sys.argv", ["/venv/bin/amid-plenty-sim", "levels", "--help"])
    levels = build_parser()._subparsers._group_actions[0].choices["levels"]
    text = levels.format_help()
    assert "amid-plenty-sim levels" in text and "python -m sim" not in text
    assert "default: the shipped levels" in " ".join(text.split())
