"""Argument types for a level or challenge given as a file or as a shipped name (sim.levels.names).

An unknown name fails while the arguments are parsed: one line listing the shipped names, exit 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from sim.levels.names import Kind, UnknownName, resolve

CHALLENGE_HELP = "the challenge: a file (NAME.challenge.toml) or a shipped challenge's NAME"


def _resolver(kind: Kind) -> Callable[[str], Path]:
    def convert(text: str) -> Path:
        try:
            return resolve(text, kind)
        except UnknownName as e:
            raise argparse.ArgumentTypeError(str(e)) from None

    convert.__name__ = kind  # argparse names the type in its own messages
    return convert


level_arg = _resolver("level")
challenge_arg = _resolver("challenge")
