"""How the CLI reports a user's mistake: one line on stderr and exit status 2, no traceback."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn


class CliError(Exception):
    """A bad argument or input file; the message names the file, the place and the fix."""


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``prog: error: message (see --help)``."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see {self.prog} --help)\n")
        sys.exit(2)
