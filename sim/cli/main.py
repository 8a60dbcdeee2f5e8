"""Entry point of ``python -m sim``: a subcommand per module in ``COMMANDS``.

Each command module defines ``add_parser(subparsers) -> None`` (which sets ``func``) and a
function ``func(args) -> int``. Errors a user can fix raise ``CliError`` (or the loaders' own
errors, which subclass ``ValueError`` and carry a readable message) and end as one line + exit 2.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import shlex
import sys
from collections.abc import Sequence

from sim.cli.errors import CliError, Parser, printable_output, prog_name, version_text
from sim.errors import UserError

# Modules under sim.cli; a module that is not there yet is skipped, so commands land one by one.
COMMANDS = ("run", "experiment", "levels", "replay", "challenge", "grade", "sweep")


def build_parser() -> Parser:
    parser = Parser(prog=prog_name("sim", "amid-plenty-sim"),
                    description="Amid Plenty: the headless simulation engine.")
    parser.add_argument("--version", action="version", version=version_text())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"sim.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"sim.cli.{name}":
                continue
            raise
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    bad = undecodable_argument(words)
    if bad is not None:
        sys.stderr.write(f"{parser.prog}: error: argument {bad} holds bytes that are not text in this "
                         f"system's encoding ({sys.getfilesystemencoding()}); rename the file or retype it\n")
        return 2
    args = parser.parse_args(words)
    args.command_line = [*shlex.split(parser.prog), *words]  # for the outputs' sidecars
    with printable_output():
        return _run(parser, args)


def undecodable_argument(words: Sequence[str]) -> str | None:
    """The first argument (shown escaped) holding a lone surrogate, or None.

    Python hands bytes it cannot decode from argv over as lone surrogates (``\\xff`` as
    ``\\udcff``); no file name or text written from them can be encoded again, so `run --out
    bad\\xff.csv` wrote the CSV and then failed on its sidecar. They are refused before anything runs.
    """
    for w in words:
        if any("\ud800" <= c <= "\udfff" for c in w):
            return ascii(w)
    return None


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except CliError as e:
        sys.stderr.write(f"{parser.prog} {args.command}: error: {e}\n")
        return 2
    except UserError as e:
        sys.stderr.write(f"{parser.prog} {args.command}: error: {e}\n")
        return 2
    except BrokenPipeError:
        # `--out - | head`: the reader has what it wanted; stop quietly, and keep Python's exit-time
        # flush of stdout from failing again.
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as e:
        where = f" {e.filename}" if e.filename else ""
        sys.stderr.write(f"{parser.prog} {args.command}: error:{where}: {e.strerror or e}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
