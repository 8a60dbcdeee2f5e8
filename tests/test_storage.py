"""Writes are atomic, bad files are set aside (never lost), big or binary files are refused."""

import subprocess
import sys
import textwrap
import time

import pytest

from sim.errors import SaveError
from sim.storage import atomic_write_text, read_text_limited, set_aside


def test_atomic_write_replaces_content_and_leaves_no_temporaries(tmp_path):
    f = tmp_path / "sub" / "save.json"
    atomic_write_text(f, "one")
    atomic_write_text(f, "two")
    assert f.read_text() == "two"
    assert [p.name for p in f.parent.iterdir()] == ["save.json"]


def test_atomic_write_gives_new_files_the_usual_mode(tmp_path):
    import os

    f = tmp_path / "class.csv"
    atomic_write_text(f, "a,b")
    mask = os.umask(0)
    os.umask(mask)
    assert (f.stat().st_mode & 0o777) == (0o666 & ~mask)


def test_killing_a_writer_mid_write_leaves_the_old_file_intact(tmp_path):
    """A child process writes a large file slowly through atomic_write; we SIGKILL it mid-way."""
    f = tmp_path / "progress.json"
    atomic_write_text(f, '{"old": true}')
    script = textwrap.dedent(f"""
        import os, sim.storage as st
        real = os.fsync
        def slow(fd):
            open({str(tmp_path / "started")!r}, "w").close()
            import time; time.sleep(30)
        os.fsync = slow
        st.atomic_write_text({str(f)!r}, "x" * 5_000_000)
    """)
    child = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.time() + 20
    while not (tmp_path / "started").exists():
        assert time.time() < deadline, "writer never started"
        time.sleep(0.02)
    child.kill()
    child.wait()
    assert f.read_text() == '{"old": true}'


def test_set_aside_keeps_the_bad_file_with_a_timestamp(tmp_path):
    f = tmp_path / "settings.json"
    f.write_text("{broken")
    moved = set_aside(f, now=0)
    assert not f.exists()
    assert moved.read_text() == "{broken"
    assert moved.name.startswith("settings.json.corrupt-")
    f.write_text("{again")
    assert set_aside(f, now=0) != moved  # a second one on the same second is kept too


def test_read_refuses_files_over_the_limit(tmp_path):
    f = tmp_path / "huge.toml"
    f.write_bytes(b"a" * 2000)
    with pytest.raises(SaveError, match="larger than the 1,000 allowed"):
        read_text_limited(f, SaveError, limit=1000)


def test_read_reports_binary_and_missing_files_as_the_callers_error(tmp_path):
    f = tmp_path / "x.json"
    f.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SaveError, match="not UTF-8"):
        read_text_limited(f, SaveError)
    with pytest.raises(SaveError, match=r"cannot read the file \(not found\)"):
        read_text_limited(tmp_path / "nope.json", SaveError)
    with pytest.raises(SaveError, match="is a folder"):
        read_text_limited(tmp_path, SaveError)
