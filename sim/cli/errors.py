"""How the CLI reports a user's mistake: one line on stderr and exit status 2, no traceback."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn


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


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``prog: error: message (see --help)``."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see {self.prog} --help)\n")
        sys.exit(2)
