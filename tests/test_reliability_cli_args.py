"""Every CLI entry point applies the same bounds: knobs 0–10 (one shared validator), seeds ≥ 0,
run lengths that finish. Each bad value exits 2 with one line naming what is allowed."""

from pathlib import Path

import pytest

from sim.cli.main import main
from sim.levels import levels_dir
from sim.model.parameters import KNOB_RANGE, value_problem

LEVEL = levels_dir() / "campaign" / "02_fewer_receptors.toml"


@pytest.mark.parametrize(("argv", "allowed"), [
    (["sweep", "healthy", "--param", "mito_capacity=-1.95", "--out", "x.csv"], "0 to 10"),
    (["sweep", "healthy", "--param", "receptor_number=1:11:3", "--out", "x.csv"], "0 to 10"),
    (["sweep", "healthy", "--param", "receptor_number=nan", "--out", "x.csv"], "finite"),
    (["sweep", str(LEVEL), "--param", "glut4_pool=-0.5", "--out", "x.csv"], "0 to 10"),
    (["sweep", "healthy", "--param", "body_weight_kg=-70", "--out", "x.csv"], "≥ 0"),
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
