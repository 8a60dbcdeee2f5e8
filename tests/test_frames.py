"""sim.frames: DataFrames equal to the CLI's CSVs, units attached, a clear error without pandas."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from sim.cli.main import main


def test_missing_pandas_names_the_extra(monkeypatch) -> None:
    from sim import frames

    monkeypatch.setitem(sys.modules, "pandas", None)  # what an environment without pandas looks like
    with pytest.raises(ImportError, match=r"amid-plenty\[pandas\]"):
        frames.run_frame(days=0.1)


def test_run_frame_equals_the_run_csv(tmp_path) -> None:
    pd = pytest.importorskip("pandas")
    from sim.frames import run_frame

    out = tmp_path / "r.csv"
    assert main(["run", "--preset", "resistant", "--days", "0.25", "--seed", "3", "--out", str(out)]) == 0
    df = run_frame("resistant", days=0.25, seed=3)
    csv = pd.read_csv(out).set_index("turn")
    assert list(df.columns) == list(csv.columns)
    assert np.array_equal(df.to_numpy(), csv.to_numpy())  # CSV floats are repr, so exact
    assert df.attrs["units"]["blood_glucose_mmol_l"] == "mmol/L"
    assert df.attrs["units"]["blood_insulin_uu_ml"] == "µU/mL" and df.attrs["units"]["time_min"] == "min"
    assert all(df.attrs["meanings"][c] for c in df.columns)


def test_population_frame_has_a_row_per_subject_that_differ() -> None:
    pytest.importorskip("pandas")
    from sim.frames import population_frame

    df = population_frame("healthy", cells=40, days=0.25, seed=5, spread=0.3)
    assert len(df) == 40 and df.index.name == "subject"
    assert df["receptor_number"].std() > 0 and df["blood_glucose_mmol_l"].std() > 0
    # the subjects who make more receptors end with more on the surface
    assert df["receptor_number"].corr(df["receptors_frac"]) > 0.5
    assert df.attrs["units"]["min_cell_energy_frac"] == "0–1" and df.attrs["meta"]["seed"] == 5


def test_output_frame_reads_a_sweep_with_its_checked_sidecar(tmp_path) -> None:
    pytest.importorskip("pandas")
    from sim.errors import SaveError
    from sim.frames import output_frame

    out = tmp_path / "s.csv"
    assert main(["sweep", "healthy", "--param", "mito_capacity=0.5,1", "--days", "0.1", "--turn-min", "120",
                 "--out", str(out)]) == 0
    df = output_frame(out)
    assert list(df["mito_capacity"]) == [0.5, 1.0] and df.attrs["meta"]["format"] == "amid-plenty-sweep"
    assert df.attrs["units"]["homa_ir"] == "" and df.attrs["units"]["mean_glucose_mmol_l"] == "mmol/L"
    out.write_text(out.read_text().replace("0.5", "0.6", 1))
    with pytest.raises(SaveError, match="describes another run"):
        output_frame(out)
