"""``python -m sim run``: per-turn CSV/JSON, populations, and one-line errors with exit 2."""

import csv
import json
import subprocess
import sys

import pytest

from sim.cli.main import main


def test_run_writes_one_csv_row_per_turn_with_documented_columns(tmp_path, capsys):
    out = tmp_path / "day.csv"
    assert main(["run", "--preset", "healthy", "--days", "0.5", "--seed", "1", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 12
    for col in ("time_min", "blood_glucose_mmol_l", "blood_insulin_uu_ml", "cell_energy_frac"):
        assert col in rows[0]
    assert float(rows[-1]["time_min"]) == 720.0
    assert "blood_glucose_mmol_l" in capsys.readouterr().out  # the summary table


def test_run_population_writes_means_and_percentiles_as_json(tmp_path):
    out = tmp_path / "pop.json"
    assert main(["run", "--days", "0.25", "--cells", "200", "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["meta"]["cells"] == 200
    row = data["turns"][-1]
    assert row["blood_glucose_mmol_l_p05"] <= row["blood_glucose_mmol_l"] <= row["blood_glucose_mmol_l_p95"]
    assert row["blood_glucose_mmol_l_p05"] < row["blood_glucose_mmol_l_p95"]  # subjects differ


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--days", "-1"], "must be a positive number"),
        (["run", "--cells", "zero"], "expected a whole number"),
        (["run", "--preset", "nobody"], "unknown preset 'nobody'"),
        (["run", "--out", "x.txt"], "must end in .csv or .json"),
        (["fly"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args, message):
    p = subprocess.run([sys.executable, "-m", "sim", *args], capture_output=True, text=True)
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in p.stderr


def test_every_command_has_help():
    from sim.cli.main import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert p.format_help().strip(), name
