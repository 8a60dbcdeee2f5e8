"""Sweeps: grids, seeds, outputs, and identical rows however the runs were spread."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sim.cli.main import main
from sim.levels import levels_dir
from sim.study import SweepError, SweepSpec, parse_param, run_task, runner, tasks

LEVEL = levels_dir() / "campaign" / "01_insulin_key.toml"
SMALL = ["--days", "0.25", "--turn-min", "120"]


def test_parse_param_forms() -> None:
    assert parse_param("receptor_number=0.5:1.0:3").values == (0.5, 0.75, 1.0)
    assert parse_param("mito_capacity=0.5,1").values == (0.5, 1.0)
    assert parse_param("glut4_pool=2").values == (2.0,)
    for bad in ("x", "x=", "x=1:2", "x=a:b:3", "x=1:2:0", "x=nan", "x=1:2:3:4"):
        with pytest.raises(SweepError):
            parse_param(bad)


def test_grid_is_cartesian_with_common_seeds_per_rep() -> None:
    spec = SweepSpec("preset", "healthy", (parse_param("receptor_number=0.5,1"), parse_param("mito_capacity=1,2,3")),
                     reps=2, seed=9)
    ts = tasks(spec)
    assert len(ts) == 12 and [t.run for t in ts] == list(range(12))
    assert ts[0].values == (("receptor_number", 0.5), ("mito_capacity", 1.0))
    assert ts[1].values == ts[0].values and ts[1].rep == 1
    assert {t.seed for t in ts if t.rep == 0} == {spec.rep_seeds()[0]}
    assert spec.rep_seeds() != SweepSpec("preset", "healthy", (), reps=2, seed=10).rep_seeds()


def test_preset_sweep_cli_writes_csv_and_sidecar(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    assert main(["sweep", "healthy", "--param", "receptor_number=0.4:1:2", "--reps", "2", "--cells", "20",
                 "--seed", "3", *SMALL, "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 4 and rows[0]["receptor_number"] == "0.4" and rows[3]["receptor_number"] == "1.0"
    assert float(rows[0]["homa_ir"]) > 0 and 0 <= float(rows[0]["share_starving"]) <= 1
    side = json.loads(out.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert side["master_seed"] == 3 and [int(rows[0]["seed"]), int(rows[1]["seed"])] == side["rep_seeds"]
    assert side["versions"]["engine"] and set(side["columns"]) == set(rows[0])
    assert side["subject"] == {"preset": "healthy"}


def test_fewer_receptors_raise_homa() -> None:
    spec = SweepSpec("preset", "healthy", (parse_param("receptor_number=0.3,1"),), days=0.5)
    low, normal = (run_task(spec, t) for t in tasks(spec))
    assert low["homa_ir"] > normal["homa_ir"]


def test_level_sweep_reports_score_and_hash(tmp_path: Path) -> None:
    out = tmp_path / "l.csv"
    assert main(["sweep", str(LEVEL), "--param", "receptor_number=0.5,1", "--policy", "idle", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 2 and {"score", "stars", "won"} <= set(rows[0])
    side = json.loads(out.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert len(side["subject"]["level_sha256"]) == 64 and side["sweep"]["policy"] == "idle"


@pytest.mark.parametrize("argv", [
    ["sweep", "nosuchpreset", "--out", "x.csv"],
    ["sweep", "healthy", "--param", "no_such_knob=1:2:2", "--out", "x.csv"],
    ["sweep", "healthy", "--param", "receptor_number=1", "--param", "receptor_number=2", "--out", "x.csv"],
    ["sweep", "healthy", "--out", "x.txt"],
    ["sweep", "healthy", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1", "--out", "x.csv"],
    ["sweep", str(LEVEL), "--cells", "3", "--out", "x.csv"],
    ["sweep", "healthy", "--param", "receptor_number=1:2:100000", "--out", "x.csv"],
])
def test_sweep_errors_exit_2_in_one_line(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error" in err
    assert not (tmp_path / "x.csv").exists()


def test_unreachable_scheduler_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed")
    spec = SweepSpec("preset", "healthy", (), days=0.1)
    with pytest.raises(SweepError, match="scheduler"):
        runner.run_dask(spec, tasks(spec), "tcp://127.0.0.1:9", timeout_s=1.0)


def _csv(tmp_path: Path, name: str, *extra: str) -> bytes:
    out = tmp_path / f"{name}.csv"
    assert main(["sweep", "healthy", "--param", "receptor_number=0.4:1:3", "--param", "mito_capacity=0.6,1",
                 "--reps", "2", "--cells", "8", "--seed", "11", *SMALL, *extra, "--out", str(out)]) == 0
    return out.read_bytes()


@pytest.mark.slow
def test_sweep_identical_locally_over_workers_and_on_a_dask_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    here = _csv(tmp_path, "here")
    assert _csv(tmp_path, "workers", "--workers", "2") == here
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        assert _csv(tmp_path, "dask", "--scheduler", cluster.scheduler_address) == here
    assert here.count(b"\n") == 1 + 12
