"""Two game windows on one data folder: each save merges into what the other saved (issue 13).

Before, each window wrote its own in-memory record over the file, so the window that saved last
erased the other's levels and settings. No display needed.
"""

from __future__ import annotations

import json
import multiprocessing
import threading

from game.settings import PROGRESS_FILE, Progress, Settings, Store
from game.storage import Busy, locked

ROUNDS = 12


def test_two_windows_keep_both_windows_progress(tmp_path):
    a, b = Store(tmp_path), Store(tmp_path)
    pa, pb = a.load_progress(), b.load_progress()  # both start before either saves
    pa = a.save_progress(pa.record("level-a", True, 3, 900))
    pb = b.save_progress(pb.record("level-b", False, 1, 200))
    on_disk = Store(tmp_path).load_progress()
    assert set(on_disk.levels) == {"level-a", "level-b"}
    assert on_disk.stars("level-a") == 3 and on_disk.won("level-a") and on_disk.stars("level-b") == 1
    assert pb == on_disk  # the window carries on from the merged record


def test_the_same_level_in_two_windows_keeps_the_best_and_counts_every_play(tmp_path):
    a, b = Store(tmp_path), Store(tmp_path)
    pa, pb = a.load_progress(), b.load_progress()
    pa = a.save_progress(pa.record("x", True, 2, 700))
    pb = b.save_progress(pb.record("x", False, 3, 400))
    pa = a.save_progress(pa.record("x", False, 0, 100))
    lp = Store(tmp_path).load_progress().levels["x"]
    assert (lp.won, lp.stars, lp.best_score, lp.played) == (True, 3, 700, 3)


def test_settings_changed_in_one_window_survive_a_save_in_the_other(tmp_path):
    a, b = Store(tmp_path), Store(tmp_path)
    sa, sb = a.load_settings(), b.load_settings()
    a.save_settings(Settings.from_mapping({**sa.to_mapping(), "muted": True}))
    merged = b.save_settings(Settings.from_mapping({**sb.to_mapping(), "text_scale_pct": 150}))
    assert merged.muted and merged.text_scale_pct == 150
    assert Store(tmp_path).load_settings() == merged


def test_a_progress_file_deleted_or_damaged_meanwhile_keeps_what_the_window_knew(tmp_path):
    a = Store(tmp_path)
    p = a.save_progress(a.load_progress().record("x", True, 2, 500))
    (tmp_path / PROGRESS_FILE).write_text("{damaged")
    p = a.save_progress(p.record("y", True, 1, 100))
    assert set(p.levels) == {"x", "y"} and p.levels["x"].played == 1
    assert len(a.messages) == 1 and PROGRESS_FILE in a.messages[0]  # the damaged file was set aside


def test_a_stuck_lock_is_reported_and_the_next_save_still_carries_the_change(tmp_path, monkeypatch):
    a, other = Store(tmp_path), Store(tmp_path)
    p = a.load_progress().record("x", True, 2, 500)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with locked(tmp_path / PROGRESS_FILE):
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    assert held.wait(10)
    monkeypatch.setattr("game.storage.LOCK_TIMEOUT_S", 0.2)
    try:
        still = a.save_progress(p)
    finally:
        release.set()
        t.join()
    assert still == p and not (tmp_path / PROGRESS_FILE).exists()
    assert len(a.messages) == 1 and "locked" in a.messages[0]
    other.save_progress(other.load_progress().record("y", False, 0, 10))
    assert set(a.save_progress(p).levels) == {"x", "y"}


def test_busy_is_an_os_error_so_every_save_path_reports_it():
    assert issubclass(Busy, OSError)


def _window(folder: str, name: str, start, rounds: int) -> None:
    store = Store(folder)
    progress = store.load_progress()
    start.wait(30)
    for i in range(rounds):
        progress = store.save_progress(progress.record(f"{name}-{i}", True, 1 + i % 3, i))
        progress = store.save_progress(progress.record("shared", i % 2 == 0, i % 4, 10 * i))


def test_two_processes_saving_interleaved_lose_nothing(tmp_path):
    ctx = multiprocessing.get_context("spawn")  # as on Windows and macOS: nothing inherited
    start = ctx.Barrier(2)
    procs = [ctx.Process(target=_window, args=(str(tmp_path), n, start, ROUNDS)) for n in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    levels = json.loads((tmp_path / PROGRESS_FILE).read_text())["levels"]
    assert set(levels) == {f"{n}-{i}" for n in "ab" for i in range(ROUNDS)} | {"shared"}
    assert levels["shared"]["played"] == 2 * ROUNDS  # every play of both windows counted
    assert levels["shared"]["stars"] == 3 and levels["shared"]["won"] is True
    assert Progress.from_mapping({"levels": levels}).stars("b-2") == 3
