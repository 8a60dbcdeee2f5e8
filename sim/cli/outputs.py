"""The ``--out`` / ``--sidecar`` pair of every command that writes data, and its --help column list.

``--out -`` writes the data (CSV) to standard output (as may ``--summary-json -`` or
``--replay-out -`` instead, one stream per run); the command's own messages (summary table,
"wrote …") then go to standard error, so a pipe carries nothing but the data. The JSON sidecar
(``sim.provenance``) goes beside a file output as ``NAME.meta.json``, to ``--sidecar PATH`` when
given, and nowhere for ``--out -`` without ``--sidecar``. Must not import pygame.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from sim.cli.errors import CliError
from sim.storage import is_stdout

SIDECAR_HELP = ("the JSON sidecar saying how the output was made (default: NAME.meta.json beside "
                "--out; none with --out - unless given)")


def add_out_arguments(p: argparse.ArgumentParser, what: str, required: bool = False) -> None:
    p.add_argument("--out", type=Path, required=required, metavar="FILE",
                   help=f"{what}; - writes CSV to standard output")
    p.add_argument("--sidecar", type=Path, metavar="PATH", help=SIDECAR_HELP)


# Every option that names an output file; any one of them (not two) may be "-".
STREAMS = ("out", "summary_json", "replay_out")


def _streamed(args: argparse.Namespace) -> list[str]:
    return [name for name in STREAMS if getattr(args, name, None) is not None and is_stdout(getattr(args, name))]


def check_out(args: argparse.Namespace, suffixes: tuple[str, ...]) -> None:
    """One-line errors for an ``--out`` without an allowed suffix or a misplaced ``--sidecar``."""
    streamed = _streamed(args)
    if len(streamed) > 1:
        flags = " and ".join(f"--{n.replace('_', '-')} -" for n in streamed)
        raise CliError(f"{flags}: only one output can go to standard output; give the others a file")
    out, side = args.out, args.sidecar
    if side is not None and out is None:
        raise CliError("--sidecar describes an output: give --out too")
    if out is not None and not is_stdout(out) and out.suffix.lower() not in suffixes:
        raise CliError(f"--out {out}: the name must end in {' or '.join(suffixes)}, or be - for standard output")
    if side is not None:
        if side.suffix.lower() != ".json":
            raise CliError(f"--sidecar {side}: the name must end in .json")
        if not is_stdout(out) and side.resolve() == out.resolve():
            raise CliError(f"--sidecar {side}: is the output itself; give another name")


def messages(args: argparse.Namespace) -> TextIO:
    """Where the command's messages go: standard error when any output goes to standard output."""
    return sys.stderr if _streamed(args) else sys.stdout


def wrote(args: argparse.Namespace, what: str, side: Path | None) -> str:
    where = "standard output" if is_stdout(args.out) else str(args.out)
    return f"wrote {what} to {where}" + (f" (sidecar {side})" if side is not None else "")


def columns_help(title: str, names: Iterable[str]) -> str:
    """``title`` and the column names, wrapped; tests read the names back from --help."""
    return textwrap.fill(f"{title}: {', '.join(names)}.", width=96, break_on_hyphens=False)


def help_columns(help_text: str, title: str) -> list[str]:
    """The column names ``columns_help(title, …)`` put into a --help text (for tests and tools)."""
    start = help_text.index(f"{title}: ") + len(title) + 2
    end = help_text.index(".", start)
    return [w.strip() for w in " ".join(help_text[start:end].split()).split(",")]


def command_line(args: Any) -> list[str] | None:
    return getattr(args, "command_line", None)
