"""``python -m sim experiment``: CSV rows, the summary JSON, and errors with exit status 2."""

import csv
import json

import pytest

from sim.cli.main import main
from sim.lab.setup import settings


def test_ogtt_writes_samples_and_summary(tmp_path, capsys):
    out, js = tmp_path / "o.csv", tmp_path / "o.json"
    assert main(["experiment", "ogtt", "--preset", "healthy", "--out", str(out), "--summary-json", str(js)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert [float(r["time_min"]) for r in rows] == [0, 15, 30, 45, 60, 90, 120, 180]
    assert {"blood_glucose_mmol_l", "blood_insulin_uu_ml"} <= set(rows[0])
    summary = json.loads(js.read_text())
    for key in ("fasting_glucose_mmol_l", "fasting_insulin_uu_ml", "homa_ir", "glucose_2h_mmol_l",
                "peak_glucose_mmol_l", "peak_time_min", "insulin_auc_0_120"):
        assert key in summary
    assert "glucose_2h_mmol_l" in capsys.readouterr().out


def test_dose_response_columns(tmp_path):
    out = tmp_path / "d.csv"
    assert main(["experiment", "dose-response", "--cell", "fat", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert {"insulin_uu_ml", "mean_cell_uptake_mg_kg_min"} <= set(rows[0])


def test_meal_day_has_both_presets(tmp_path):
    out = tmp_path / "m.csv"
    assert main(["experiment", "meal-day", "--preset", "resistant", "--compare", "healthy", "--out", str(out)]) == 0
    header = next(csv.reader(out.open()))
    for p in ("resistant", "healthy"):
        assert f"{p}_cell_energy_frac" in header and f"{p}_glycogen_frac" in header


def test_clamp_reports_m_value(tmp_path):
    js = tmp_path / "c.json"
    assert main(["experiment", "clamp", "--insulin", "100", "--summary-json", str(js)]) == 0
    assert json.loads(js.read_text())["m_value_mg_kg_min"] > 0


@pytest.mark.parametrize("bad", ["receptor_numbr=0.5", "inflammation=1.5", "glut4_pool=-1", "mito_capacity=x", "er_stress"])
def test_bad_settings_exit_2_with_the_valid_keys(bad, capsys):
    assert main(["experiment", "fasting", "--set", bad]) == 2
    err = capsys.readouterr().err
    for key in settings():
        assert key in err


def test_unknown_experiment_and_preset_exit_2(capsys):
    assert main(["experiment", "nonsense"]) == 2
    assert main(["experiment", "fasting", "--preset", "nobody"]) == 2
    assert "healthy" in capsys.readouterr().err
