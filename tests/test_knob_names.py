"""One knob, one name, one meaning: every knob of sim/data/parameters.toml is accepted under its own
name by every entry point (a level's cell.knobs, a challenge, run --set, experiment --set, sweep
--param), sets the same value there (it replaces the preset's), and is refused out of its range
everywhere alike."""

from __future__ import annotations

import re

import pytest

from sim.classroom.challenge import load_challenge
from sim.cli.main import main
from sim.errors import LevelError
from sim.lab.setup import LabSetupError, parse_settings, prepare
from sim.levels import LevelRun, levels_dir, parse_level
from sim.model.parameters import knob_range, specs
from sim.series import COLUMNS
from sim.series import prepare as prepare_run
from sim.study import SweepError, SweepSpec, check_spec, parse_param

KNOBS = sorted(specs()["knobs"])
SANDBOX = levels_dir() / "sandbox.toml"  # preset "resistant": its own knob values differ from 1


def _inside(knob: str) -> float:
    lo, hi = knob_range(knob)
    return round(lo + 0.37 * (hi - lo), 3)


def _level_text(knob: str, value: float) -> str:
    text = SANDBOX.read_text(encoding="utf-8")
    return re.sub(r'(\[cell\]\npreset = "resistant")', rf"\1\nknobs = {{ {knob} = {value} }}", text, count=1)


@pytest.mark.parametrize("knob", KNOBS)
def test_every_entry_point_sets_the_same_value(knob, tmp_path) -> None:
    v = _inside(knob)
    level = parse_level(_level_text(knob, v), "sandbox.toml")
    assert float(LevelRun(level, seed=0).sim.params.values[knob]) == v
    assert float(prepare("resistant", parse_settings([f"{knob}={v}"])).params.values[knob]) == v
    sim, _ = prepare_run("resistant", days=0.1, seed=0, cells=1, spread=0.0, diet="standard", turn_min=60.0,
                         knobs=parse_settings([f"{knob}={v}"]))
    assert float(sim.params.values[knob]) == v
    check_spec(SweepSpec("preset", "resistant", (parse_param(f"{knob}={v}"),)))  # accepted


@pytest.mark.parametrize("knob", KNOBS)
def test_every_command_accepts_every_knob_name(knob, tmp_path, capsys) -> None:
    v = str(_inside(knob))
    lv = tmp_path / "lv.toml"
    lv.write_text(_level_text(knob, float(v)), encoding="utf-8")
    out = tmp_path / "c.challenge.toml"
    assert main(["challenge", "new", str(lv), "--seed", "1", "--out", str(out)]) == 0
    assert load_challenge(out).level.cell.knobs[knob] == float(v)
    assert main(["run", "--preset", "resistant", "--days", "0.04", "--set", f"{knob}={v}"]) == 0
    assert main(["sweep", "resistant", "--param", f"{knob}={v}", "--days", "0.04", "--out", "-"]) == 0
    assert main(["experiment", "fasting", "--set", f"{knob}={v}"]) == 0


@pytest.mark.parametrize("knob", KNOBS)
def test_every_entry_point_refuses_the_same_out_of_range_value(knob) -> None:
    bad = knob_range(knob)[1] + 0.5
    with pytest.raises(LevelError, match=knob):
        parse_level(_level_text(knob, bad), "sandbox.toml")
    with pytest.raises(LabSetupError, match=knob):
        parse_settings([f"{knob}={bad}"])
    with pytest.raises(SweepError, match=knob):
        check_spec(SweepSpec("preset", "resistant", (parse_param(f"{knob}={bad}"),)))


def test_old_lab_names_point_to_the_knob_name(capsys) -> None:
    assert main(["experiment", "fasting", "--set", "inflammation=0.5"]) == 2
    assert "now called imposed_inflammation" in capsys.readouterr().err


def test_rl_observation_names_are_run_columns() -> None:
    pytest.importorskip("gymnasium")
    from sim.rl import FEATURE_SCALES, FEATURES

    own = {"turn_share", "budget_share"}
    assert set(FEATURES) - own <= set(COLUMNS) and set(FEATURE_SCALES) <= set(FEATURES)
