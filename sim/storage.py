"""Safe file writing and reading for everything the program saves or is handed.

- ``write_output(path, data)``: the one writer for every file the program produces (CLI outputs,
  sidecars, replays). It is ``atomic_write_bytes`` with a failed write (full disk, no permission)
  reported as ``OutputError`` naming the file and saying the old one is unchanged.
- ``write_outputs(files)``: ``write_output`` for files that belong together: all or none.
- ``emit(path, data)``: ``write_output``, except that the path ``-`` means standard output
  (``--out -``), written as the exact bytes so a sidecar's SHA-256 describes what was piped.
- ``atomic_write_text`` / ``atomic_write_bytes``: write a temporary file in the same folder,
  flush and fsync it, then ``os.replace`` it over the target (and fsync the folder), so a crash
  or a killed process leaves either the old file or the new one, never half of each. Temporaries
  are named ``.NAME.amidtmp-XXXX.tmp``; ones a killed writer left behind more than
  ``STALE_TMP_S`` ago are removed at the next write into that folder (``clean_stale_temps``).
- ``set_aside`` moves a corrupt file to ``NAME.corrupt-YYYYmmddTHHMMSS`` beside it, keeping it
  for inspection, so defaults can be used without losing anything.
- ``read_text_limited`` reads only regular files (a pipe would block for ever, a device never
  end), never more than a limit (files from others must not exhaust memory), and reports every
  problem, undecodable text included, as the caller's error type.

Must not import pygame.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sim.errors import UserError

MAX_FILE_BYTES = 4 * 1024 * 1024  # no level, save or submission comes near this
TMP_MARK = ".amidtmp-"
# Only names we make: ".<target>.amidtmp-<mkstemp's random part>.tmp" — never someone else's file.
_OUR_TMP = re.compile(r"^\..+\.amidtmp-[A-Za-z0-9_]+\.tmp$")
STALE_TMP_S = 3600.0  # far longer than any write takes, so a live writer's file is never touched
STDOUT = "-"


class OutputError(UserError):
    """A file the program writes could not be written; the old file, if any, is unchanged."""


@functools.cache
def _umask() -> int:
    # Reading the umask means setting it; do it once, not on every write from every thread.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{TMP_MARK}", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode any new file gets, so a class
        # table on a shared drive stays readable by the teacher's colleagues.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # not every platform can fsync a folder
        dfd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_output(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write a file the program produces, atomically; a failure is an ``OutputError``."""
    try:
        atomic_write_bytes(path, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as e:
        why = e.strerror or str(e)
        raise OutputError(f"{path}: cannot write ({why}); any existing file is unchanged") from None


def write_outputs(files: Sequence[tuple[str | os.PathLike[str], str | bytes]]) -> None:
    """``write_output`` for files that belong together (a class table and its report): when one
    cannot be written, those already written are put back as they were, so a full disk leaves the
    old pair (or none), never a new table beside an old report. Each file is atomic on its own;
    only a second failure while putting back could leave a mixed pair."""
    done: list[tuple[Path, bytes | None]] = []
    try:
        for path, data in files:
            p = Path(path)
            try:
                old = p.read_bytes() if p.is_file() and not p.is_symlink() else None
            except OSError:
                old = None
            write_output(p, data)
            done.append((p, old))
    except OutputError as e:
        for p, old in reversed(done):
            with contextlib.suppress(OSError):
                if old is None:
                    p.unlink()
                else:
                    atomic_write_bytes(p, old)
        if not done:
            raise
        put_back = ", ".join(str(p) for p, _ in done)
        raise OutputError(f"{e}; so {put_back} was put back as it was") from None


def is_stdout(path: str | os.PathLike[str]) -> bool:
    return os.fspath(path) == STDOUT


def emit(path: str | os.PathLike[str], data: str | bytes) -> None:
    """``write_output``, or the bytes to standard output when ``path`` is ``-``."""
    if not is_stdout(path):
        write_output(path, data)
        return
    raw = data.encode("utf-8") if isinstance(data, str) else data
    sys.stdout.flush()
    buf = getattr(sys.stdout, "buffer", None)
    if buf is None:  # a text-only stream (an embedding program's): same text, maybe other line ends
        sys.stdout.write(raw.decode("utf-8"))
    else:
        buf.write(raw)
        buf.flush()


def csv_text(fieldnames: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """CSV with a header row: the text ``csv.DictWriter`` gives."""
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=list(fieldnames))
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def clean_stale_temps(folder: str | os.PathLike[str], max_age_s: float = STALE_TMP_S,
                      now: float | None = None) -> list[Path]:
    """Remove our own temporaries older than ``max_age_s`` in ``folder``; returns what went."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    cutoff = (time.time() if now is None else now) - max_age_s
    for e in entries:
        if not _OUR_TMP.match(e.name):
            continue
        with contextlib.suppress(OSError):
            if e.is_file(follow_symlinks=False) and e.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(e.path)
                removed.append(Path(e.path))
    return removed


def set_aside(path: str | os.PathLike[str], now: float | None = None) -> Path:
    """Rename a bad file out of the way (never delete it); returns where it went."""
    src = Path(path)
    stamp = time.strftime("%Y%m%dT%H%M%S", time.localtime(now))
    dest = src.with_name(f"{src.name}.corrupt-{stamp}")
    n = 1
    while dest.exists():
        dest = src.with_name(f"{src.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(src, dest)
    return dest


NOT_REGULAR = "not a regular file (a pipe, device or socket); expected a regular file"


def read_text_limited(
    path: str | os.PathLike[str], error: type[UserError] = UserError, limit: int = MAX_FILE_BYTES,
    not_regular: str = NOT_REGULAR,
) -> str:
    """The file's text, read without trusting what kind of file it is.

    Opening a named pipe for reading waits for ever for a writer, and ``/dev/zero`` (or a link to
    it) never ends: so the file is opened non-blocking, checked with ``fstat`` to be a regular
    file *on the descriptor that is read* (no race between a check and the open), and read to at
    most ``limit + 1`` bytes whatever size it claims. Every problem is one ``error`` naming the file.
    """
    p = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise error(f"{p}: cannot read the file (not found)") from None
    except IsADirectoryError:
        raise error(f"{p}: is a folder, expected a file") from None
    except OSError as e:
        raise error(f"{p}: cannot read ({e.strerror})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise error(f"{p}: is a folder, expected a file")
        if not stat.S_ISREG(st.st_mode):
            raise error(f"{p}: {not_regular}")
        if st.st_size > limit:
            raise error(f"{p}: {st.st_size:,} bytes is larger than the {limit:,} allowed")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            b = os.read(fd, min(1 << 20, limit + 1 - got))
            if not b:
                break
            chunks.append(b)
            got += len(b)
    except OSError as e:
        raise error(f"{p}: cannot read ({e.strerror})") from None
    finally:
        os.close(fd)
    if got > limit:  # the file grew while it was read
        raise error(f"{p}: larger than the {limit:,} bytes allowed")
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError as e:
        raise error(f"{p}: not UTF-8 text (byte {e.start})") from None
