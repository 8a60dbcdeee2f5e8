"""Files the CLI writes: atomic even when the disk fills, stale temporaries swept, sweep pairs checked."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path

import pytest

import sim.storage as storage
from sim.cli.main import main
from sim.errors import SaveError
from sim.levels import levels_dir
from sim.storage import OutputError, clean_stale_temps, write_output
from sim.study.output import check_pair

LEVEL = levels_dir() / "campaign" / "01_insulin_key.toml"
OLD = "old,content\n1,2\n"


class _DiskFillsHalfway:
    """A file object that writes half of what it is given, then fails as a full disk does."""

    def __init__(self, f):
        self._f = f

    def write(self, data):
        self._f.write(data[: len(data) // 2])
        self._f.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()


@pytest.fixture
def full_disk(monkeypatch):
    real = os.fdopen
    monkeypatch.setattr(storage.os, "fdopen", lambda fd, *a, **k: _DiskFillsHalfway(real(fd, *a, **k)))


def _only_old_files(folder: Path, names: set[str]) -> None:
    assert {p.name for p in folder.iterdir()} == names, "a temporary was left behind"


@pytest.mark.parametrize("argv, target", [
    (["run", "--days", "0.1", "--out", "{f}"], "out.csv"),
    (["run", "--days", "0.1", "--out", "{f}"], "out.json"),
    (["run", str(LEVEL), "--policy", "greedy", "--replay-out", "{f}"], "replay.json"),
    (["experiment", "fasting", "--out", "{f}"], "out.csv"),
    (["experiment", "fasting", "--summary-json", "{f}"], "summary.json"),
    (["sweep", "healthy", "--param", "receptor_number=1", "--days", "0.1", "--out", "{f}"], "sweep.csv"),
])
def test_a_full_disk_leaves_the_existing_output_intact_and_exits_2(tmp_path, full_disk, capsys, argv, target):
    f = tmp_path / target
    f.write_text(OLD)
    assert main([a.replace("{f}", str(f)) for a in argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "No space left on device" in err[0] and str(f) in err[0]
    assert "unchanged" in err[0]
    assert f.read_text() == OLD
    _only_old_files(tmp_path, {target})


def test_write_output_names_the_file_and_keeps_the_old_one(tmp_path, full_disk):
    f = tmp_path / "a.csv"
    f.write_text(OLD)
    with pytest.raises(OutputError, match=r"a\.csv: cannot write \(No space left on device\)"):
        write_output(f, "x" * 10_000)
    assert f.read_text() == OLD


def test_stale_temporaries_of_ours_are_removed_at_the_next_write(tmp_path):
    stale = tmp_path / ".progress.json.amidtmp-ab12_cd.tmp"
    fresh = tmp_path / ".progress.json.amidtmp-zz99.tmp"
    theirs = [tmp_path / ".lock.tmp", tmp_path / "notes.tmp", tmp_path / ".x.amidtmp-a b.tmp"]
    for p in (stale, fresh, *theirs):
        p.write_text("half")
    two_hours_ago = os.path.getmtime(fresh) - 7200
    for p in (stale, *theirs):
        os.utime(p, (two_hours_ago, two_hours_ago))
    write_output(tmp_path / "progress.json", "{}")
    assert not stale.exists()
    assert fresh.exists(), "a temporary a live writer may still be using was removed"
    assert all(p.exists() for p in theirs), "a file that is not our temporary was removed"
    assert clean_stale_temps(tmp_path, max_age_s=0, now=os.path.getmtime(fresh) + 1) == [fresh]
    assert clean_stale_temps(tmp_path / "missing") == []


def test_sweep_sidecar_records_the_csv_it_describes(tmp_path):
    out = tmp_path / "r.csv"
    small = ["--days", "0.1", "--turn-min", "120", "--out", str(out)]
    assert main(["sweep", "healthy", "--param", "receptor_number=0.5,1", "--seed", "1", *small]) == 0
    meta = check_pair(out)
    assert meta["rows"] == 2 and len(meta["output_sha256"]) == 64
    old_sidecar = out.with_suffix(".meta.json").read_text()
    # A second sweep killed after its CSV but before its sidecar: an old sidecar beside a new CSV.
    assert main(["sweep", "healthy", "--param", "receptor_number=0.3,0.6,1", "--seed", "2", *small]) == 0
    out.with_suffix(".meta.json").write_text(old_sidecar)
    with pytest.raises(SaveError, match=r"r\.meta\.json: describes another run than r\.csv"):
        check_pair(out)
    side = json.loads(old_sidecar)
    side["output_sha256"] = hashlib.sha256(out.read_bytes()).hexdigest()
    out.with_suffix(".meta.json").write_text(json.dumps(side))
    with pytest.raises(SaveError, match=r"says 2 rows, r\.csv has 3"):
        check_pair(out)
