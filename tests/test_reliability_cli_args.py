"""Every CLI entry point applies the same bounds: knobs 0–10 (one shared validator), seeds ≥ 0,
run lengths that finish. Each bad value exits 2 with one line naming what is allowed."""

from pathlib import Path

import pytest

from sim.cli.main import main
from sim.levels import levels_dir
from sim.model.parameters import KNOB_RANGE, POSITIVE_ONLY, specs, value_problem

LEVEL = levels_dir() / "campaign" / "02_fewer_receptors.toml"


@pytest.mark.parametrize(("argv", "allowed"), [
    (["sweep", "healthy", "--param", "mito_capacity=-1.95", "--out", "x.csv"], "0 to 10"),
    (["sweep", "healthy", "--param", "receptor_number=1:11:3", "--out", "x.csv"], "0 to 10"),
    (["sweep", "healthy", "--param", "receptor_number=nan", "--out", "x.csv"], "finite"),
    (["sweep", str(LEVEL), "--param", "glut4_pool=-0.5", "--out", "x.csv"], "0 to 10"),
    (["sweep", "healthy", "--param", "body_weight_kg=-70", "--out", "x.csv"], "> 0"),
    (["sweep", "healthy", "--param", "k_abs_per_min=-1", "--out", "x.csv"], "≥ 0"),
    (["sweep", "healthy", "--seed", "-1", "--out", "x.csv"], "0 to 2**63"),
    (["sweep", "healthy", "--days", "1e300", "--out", "x.csv"], "at most 366"),
    (["run", "--days", "1e300"], "at most 366"),
    (["run", "--turn-min", "1e-300"], "1 to 1440"),
    (["run", "--seed", "-1"], "0 to 2**63"),
    (["experiment", "fasting", "--set", "mito_capacity=-1.95"], "0–10"),
])
def test_out_of_range_arguments_exit_2_saying_what_is_allowed(argv, allowed, tmp_path: Path, capsys,
                                                              monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own check of an argument's type
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and allowed in err, err
    assert not (tmp_path / "x.csv").exists()


def test_level_knobs_use_the_same_validator_as_the_cli():
    lo, hi = KNOB_RANGE
    assert value_problem("mito_capacity", hi) is None and value_problem("mito_capacity", lo) is None
    assert value_problem("mito_capacity", -1.95) == "found -1.95; allowed: 0 to 10"
    assert value_problem("mito_capacity", float("inf")) is not None


# Bytes that are not UTF-8 reach Python's argv as lone surrogates ("\xff" becomes "\udcff").
@pytest.mark.parametrize("argv", [
    ["run", "--days", "0.1", "--out", "bad\udcff.csv"],
    ["experiment", "fasting", "--out", "e\udcff.csv"],
    ["challenge", "play", "c.challenge.toml", "--name", "Ana", "--reflect", "why=x\udcffy", "--out", "s.json"],
    ["levels", "check", "lvl\udcff.toml"],
])
def test_an_argument_that_is_not_text_exits_2_before_anything_is_written(argv, tmp_path: Path, capsys,
                                                                       monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\\udcff" in err and "not text" in err
    assert list(tmp_path.iterdir()) == []  # the CSV and its sidecar came out as a mismatched pair


def test_an_argument_that_is_not_text_is_refused_from_a_real_command_line(tmp_path: Path) -> None:
    """The same through the interpreter's own decoding of argv (os.fsencode keeps the raw byte)."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-m", "sim", "run", "--days", "0.1", "--out", os.fsencode("bad\udcff.csv")],
                          cwd=tmp_path, capture_output=True, env={**os.environ, "PYTHONPATH": str(root)}, timeout=120)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr, proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_every_positive_only_name_is_a_model_parameter():
    params = {k for group, d in specs().items() if group != "knobs" for k in d}
    assert set(POSITIVE_ONLY) <= params, set(POSITIVE_ONLY) - params
    assert all(p.value > 0 for group, d in specs().items() for k, p in d.items() if k in POSITIVE_ONLY)


@pytest.mark.parametrize("target", ["healthy", str(LEVEL)])
@pytest.mark.parametrize("name", POSITIVE_ONLY)
def test_a_divisor_parameter_at_zero_exits_2_saying_what_is_allowed(name, target, tmp_path: Path, capsys,
                                                                    monkeypatch) -> None:
    """body_weight_kg=0 (and the others the model divides by) was a ZeroDivisionError traceback."""
    monkeypatch.chdir(tmp_path)
    assert main(["sweep", target, "--param", f"{name}=0", "--days", "0.1", "--out", "x.csv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and name in err and "allowed: a finite number > 0" in err
    assert not (tmp_path / "x.csv").exists()
