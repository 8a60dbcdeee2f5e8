"""How the CLI reports a user's mistake: one line on stderr and exit status 2, no traceback."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Iterator
from typing import Any, NoReturn, TextIO


def prog_name(module: str, script: str) -> str:
    """The name the user typed: ``amid-plenty-sim`` for the console script, else ``python -m sim``."""
    base = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return script if os.path.splitext(base)[0] == script else f"python -m {module}"


def version_text() -> str:
    from sim.classroom.canonical import versions

    v = versions()
    return f"amid-plenty {v['app']} (engine {v['engine']})"


class CliError(Exception):
    """A bad argument or input file; the message names the file, the place and the fix."""


# ``python -m sim`` as the help texts (module docstrings) write it, not ``python -m sim.tools…``.
_WRITTEN_PROG = re.compile(r"python -m sim(?![.\w])")


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``prog: error: message (see --help)``; its help names the
    program the user ran, though the texts it shows are written for ``python -m sim``."""

    def format_help(self) -> str:
        return _WRITTEN_PROG.sub(prog_name("sim", "amid-plenty-sim"), super().format_help())

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see {self.prog} --help)\n")
        sys.exit(2)


# C0/C1 controls (ESC starts terminal escape codes), DEL, a lone carriage return and the bidi
# overrides: text from a file must not move the cursor, recolour or rewrite the terminal.
# Lone surrogates too ("\ud800" in a JSON file): no terminal encoding can write one, so printing
# it would end in UnicodeEncodeError instead of the one-line message.
_CONTROL = re.compile("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with control characters shown as ``\\x1b``-style escapes; newlines and tabs kept."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


class _Printable:
    """A text stream that passes everything through ``printable`` (the CLI's stdout and stderr)."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        self._inner.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextlib.contextmanager
def printable_output() -> Iterator[None]:
    """Everything the CLI echoes from files goes through ``printable`` while this is active."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Printable(out), _Printable(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
