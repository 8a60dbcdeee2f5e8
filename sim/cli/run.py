"""``python -m sim run``: a preset living a diet headless (or a level, with a policy), per-turn output.

One row per turn, values at the end of the turn unless named ``mean_``. With ``--cells N``
(N > 1) each column is the population mean, with ``_p05`` and ``_p95`` columns beside it (5th and
95th percentiles). ``--out -`` writes the CSV to standard output and the summary to standard
error; the JSON sidecar (``NAME.meta.json``, or ``--sidecar PATH``) records how it was made.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sim.cli.errors import CliError
from sim.cli.names import level_arg
from sim.cli.outputs import (
    add_out_arguments,
    check_out,
    columns_help,
    command_line,
    messages,
    wrote,
)
from sim.cli.progress import Progress
from sim.engine import ENGINE_VERSION
from sim.presets import presets
from sim.provenance import column_meaning, describe, write_with_sidecar
from sim.series import COLUMNS, column_names, preset_series, turn_count
from sim.storage import csv_text, is_stdout

COLUMNS_TITLE = "Columns"
SUMMARY_COLUMNS = ("blood_glucose_mmol_l", "blood_insulin_uu_ml", "cell_energy_frac", "receptors_frac", "glycogen_frac")
MAX_CELLS = 2_000_000


def positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {v}")
    return v


# Local worker processes: each is a Python with numpy loaded (≈ 100 MB); more than 64 on a school
# machine is a typo, and 10**6 of them used to try to start.
MAX_WORKERS = 64


def workers_int(text: str) -> int:
    v = positive_int(text)
    if v > MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"allowed 1 to {MAX_WORKERS} processes, got {v}")
    return v


def positive_float(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not (v > 0 and math.isfinite(v)):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text}")
    return v


# Bounds on run lengths: a run must finish (1e300 days or 1e-300-minute turns never would).
MAX_DAYS = 366.0
TURN_MIN_RANGE = (1.0, 1440.0)
MAX_SEED = 2**63 - 1


def seed_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 0 <= v <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"allowed 0 to 2**63 − 1, got {v}")
    return v


def days_float(text: str) -> float:
    v = positive_float(text)
    if v > MAX_DAYS:
        raise argparse.ArgumentTypeError(f"allowed more than 0 and at most {MAX_DAYS:g} days, got {text}")
    return v


def turn_min_float(text: str) -> float:
    v = positive_float(text)
    lo, hi = TURN_MIN_RANGE
    if not lo <= v <= hi:
        raise argparse.ArgumentTypeError(f"allowed {lo:g} to {hi:g} minutes, got {text}")
    return v


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "run", help="run a preset (or a level) headless and write per-turn CSV/JSON",
        description=f"{__doc__}\n{columns_help(COLUMNS_TITLE, COLUMNS)}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("level", nargs="?", type=level_arg,
                   help="a level to play with --policy: a file (.toml) or a shipped level's name (levels list); omit to run a preset")
    p.add_argument("--preset", default="healthy", help="starting condition (default: healthy)")
    p.add_argument("--days", type=days_float, default=1.0, help="simulated days (default 1)")
    p.add_argument("--seed", type=seed_int, default=0, help="master seed (default 0)")
    p.add_argument("--cells", type=positive_int, default=1, help="population size N (default 1)")
    p.add_argument("--spread", type=float, default=0.1,
                   help="with --cells > 1: coefficient of variation of each subject's knobs (default 0.1)")
    p.add_argument("--diet", default="standard", help="named diet from the content catalog (default standard)")
    p.add_argument("--turn-min", type=turn_min_float, default=60.0, help="minutes per turn (default 60)")
    p.add_argument("--set", dest="settings", action="append", default=[], metavar="KNOB=VALUE",
                   help="set a knob (replaces the preset's or the level's value); repeatable; the names "
                        "and ranges of experiment --set, sweep --param and a level's cell.knobs")
    p.add_argument("--policy", default="idle", help="with a level: the bot that plays it (idle, greedy, search)")
    p.add_argument("--replay-out", type=Path, help="with a level: also save the run as a replay JSON (- : standard output)")
    add_out_arguments(p, "output file, .csv or .json (default: summary only)")
    p.set_defaults(func=run)


def knob_settings(args: argparse.Namespace) -> dict[str, float]:
    from sim.lab.setup import LabSetupError, parse_settings

    try:
        return parse_settings(getattr(args, "settings", []))
    except LabSetupError as e:
        raise CliError(str(e)) from None


def output_bytes(path: Path, rows: Sequence[dict[str, float]], meta: dict[str, Any], names: Sequence[str]) -> bytes:
    if not is_stdout(path) and path.suffix.lower() == ".json":
        return json.dumps({"meta": meta, "turns": list(rows)}, indent=1).encode("utf-8")
    return csv_text(names, rows).encode("utf-8")


def print_summary(rows: Sequence[dict[str, float]], out: Any = None) -> None:
    out = out or sys.stdout
    out.write(f"{'quantity':<24}{'start':>10}{'end':>10}{'min':>10}{'mean':>10}{'max':>10}\n")
    for k in SUMMARY_COLUMNS:
        v = [r[k] for r in rows]
        out.write(f"{k:<24}{v[0]:>10.3f}{v[-1]:>10.3f}{min(v):>10.3f}{sum(v) / len(v):>10.3f}{max(v):>10.3f}\n")


def run(args: argparse.Namespace) -> int:
    if args.level is not None:
        if args.level.suffix != ".toml":
            raise CliError(f"{args.level}: a level file must end in .toml")
        try:
            from sim.cli.run_level import run_level_cli
        except ModuleNotFoundError:
            raise CliError("playing levels headless is not available in this build") from None
        return int(run_level_cli(args))
    if args.preset not in presets():
        raise CliError(f"unknown preset {args.preset!r}; choose one of: {', '.join(sorted(presets()))}")
    if args.cells > MAX_CELLS:
        raise CliError(f"--cells {args.cells} is more than the {MAX_CELLS:,} this command allows")
    if not (0.0 <= args.spread <= 1.0):
        raise CliError(f"--spread must be between 0 and 1, got {args.spread}")
    check_out(args, (".csv", ".json"))
    knobs = knob_settings(args)
    population = args.cells > 1
    progress = Progress(turn_count(args.days, args.turn_min), "turn") if population else None
    rows = preset_series(args.preset, days=args.days, seed=args.seed, cells=args.cells, spread=args.spread,
                         diet=args.diet, turn_min=args.turn_min, knobs=knobs, tick=progress.tick if progress else None)
    if progress:
        progress.close()
    side = None
    if args.out is not None:
        params = {"days": args.days, "cells": args.cells, "spread": args.spread if population else 0.0,
                  "diet": args.diet, "turn_min": args.turn_min, "knobs": knobs}
        names = column_names(population)
        data = output_bytes(args.out, rows, {"preset": args.preset, "seed": args.seed, **params,
                                             "engine_version": ENGINE_VERSION}, names)
        meta = describe("run", data, argv=command_line(args), rows=len(rows), seed=args.seed,
                        subject={"preset": args.preset}, parameters=params,
                        columns={c: column_meaning(c) for c in names})
        side = write_with_sidecar(args.out, data, meta, args.sidecar)
    say = messages(args)
    print_summary(rows, say)
    if args.out is not None:
        print(wrote(args, f"{len(rows)} turns", side), file=say)
    return 0
