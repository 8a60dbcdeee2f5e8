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
from tests.test_reliability_stalls import _within  # a thread with a timeout: a block fails, not hangs

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


# --- pipes and devices given as a file (issue 13, round 2) ------------------------------------------
# Opening a named pipe for reading waits for a writer for ever, and /dev/zero never ends; each
# command used to block (or die of a MemoryError), so each runs here in a thread with a limit.
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def _exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


@needs_fifo
@pytest.mark.parametrize("argv", [
    ["levels", "check", "{f}"],
    ["challenge", "check", "{f}"],
    ["replay", "{f}"],
    ["sweep", "{f}", "--param", "receptor_number=1", "--out", "{d}/s.csv"],
    ["grade", "{f}", "{d}", "--out", "{d}/g"],
])
def test_a_fifo_given_as_a_file_is_refused_without_blocking(tmp_path, capsys, argv):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    words = [w.format(f=fifo, d=tmp_path) for w in argv]
    assert _within(20, _exit_code, words) == 2
    out = capsys.readouterr()
    assert "pipe.toml: not a regular file" in out.out + out.err


@needs_fifo
def test_a_fifo_challenge_for_the_game_is_one_line_and_exit_2(tmp_path, capsys):
    from game.__main__ import main as game_main

    fifo = tmp_path / "c.challenge.toml"
    os.mkfifo(fifo)
    assert _within(20, game_main, ["--challenge", str(fifo)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a regular file" in err


@needs_fifo
def test_a_fifo_settings_file_is_set_aside_without_blocking(tmp_path):
    from game.settings import SETTINGS_FILE, Settings, Store

    os.mkfifo(tmp_path / SETTINGS_FILE)
    store = Store(tmp_path)
    assert _within(20, store.load_settings) == Settings()
    assert len(store.messages) == 1 and not (tmp_path / SETTINGS_FILE).exists()  # set aside, kept


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_level_linked_to_dev_zero_is_refused_not_read(tmp_path, capsys):
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    assert _within(20, _exit_code, ["levels", "check", str(link)]) == 2
    assert "zero.toml: not a regular file" in capsys.readouterr().out


def test_read_text_limited_stops_after_the_limit_whatever_size_the_file_claims(tmp_path, monkeypatch):
    """A file that grows while it is read (its size was checked first) is cut at limit + 1 bytes."""
    f = tmp_path / "grows.json"
    f.write_bytes(b"x" * 10)
    real_read = storage.os.read
    monkeypatch.setattr(storage.os, "read", lambda fd, n: real_read(fd, n) or b"y" * n)
    with pytest.raises(SaveError, match="larger than the 100 bytes allowed"):
        storage.read_text_limited(f, SaveError, limit=100)


# --- grade writes its table and report together (issue 13, round 2) ---------------------------------
@pytest.fixture
def report_fails(monkeypatch):
    """The disk fills up between class.csv and report.html."""
    real = storage.atomic_write_bytes

    def write(path, data):
        if Path(path).name == "report.html":
            raise OSError(errno.EFBIG, os.strerror(errno.EFBIG))
        real(path, data)

    monkeypatch.setattr(storage, "atomic_write_bytes", write)


def _grade_cli(challenge, played, tmp_path: Path) -> int:
    from sim.classroom import make_submission, write_submission

    ch = tmp_path / "c.challenge.toml"
    ch.write_text(challenge.to_toml(), encoding="utf-8")
    write_submission(make_submission(challenge, "Ana", {}, played), tmp_path / "in")
    return main(["grade", str(ch), str(tmp_path / "in"), "--out", str(tmp_path / "out")])


def test_grade_writes_neither_file_when_the_report_cannot_be_written(challenge, played, tmp_path, report_fails,
                                                                    capsys):
    assert _grade_cli(challenge, played, tmp_path) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "report.html: cannot write (File too large)" in err and "class.csv" in err
    assert not (tmp_path / "out" / "class.csv").exists()


def test_grade_keeps_the_old_table_when_the_new_report_cannot_be_written(challenge, played, tmp_path,
                                                                          report_fails):
    out = tmp_path / "out"
    out.mkdir()
    (out / "class.csv").write_text(OLD)
    (out / "report.html").write_text("old report")
    assert _grade_cli(challenge, played, tmp_path) == 2
    assert (out / "class.csv").read_text() == OLD and (out / "report.html").read_text() == "old report"
    _only_old_files(out, {"class.csv", "report.html"})


@pytest.mark.parametrize("argv", [
    ["sweep", "healthy", "--workers", "65", "--out", "x.csv"],
    ["grade", "c.challenge.toml", "in", "--workers", "1000000", "--out", "g"],
])
def test_workers_beyond_64_exit_2_saying_what_is_allowed(argv, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _exit_code(argv) == 2
    assert "allowed 1 to 64 processes" in capsys.readouterr().err
