"""``python -m sim experiment NAME``: a virtual-lab protocol on a preset, CSV rows and a summary.

Protocols: fasting (overnight fast: fasting glucose, insulin, HOMA-IR), ogtt (75 g oral glucose
tolerance test), clamp (hyperinsulinaemic-euglycaemic clamp, ``--insulin``), dose-response
(``--cell``: the cell's glucose uptake against insulin, fitted EC50 and Vmax) and meal-day
(``--compare``: a day of three meals, two presets side by side). ``--set KEY=VALUE`` changes the
subject (knobs × the preset's value; factor levels 0–1); ``--adapt-days D`` lets it live D days
on the standard diet with those settings first. See ``docs/model.md`` ("Virtual lab").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sim.cli.errors import CliError
from sim.lab import PROTOCOLS, LabSetupError, parse_settings
from sim.lab.protocols import LabRequest, LabResult
from sim.presets import presets
from sim.storage import write_csv, write_output


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "experiment", help="run a virtual-lab protocol (fasting, ogtt, clamp, dose-response, meal-day)",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("name", metavar="NAME", help=f"protocol: {', '.join(PROTOCOLS)}")
    p.add_argument("--preset", default="healthy", help="subject (default: healthy)")
    p.add_argument("--set", dest="settings", action="append", default=[], metavar="KEY=VALUE",
                   help="change the subject; repeatable (python -m sim experiment fasting --set help lists keys)")
    p.add_argument("--adapt-days", type=float, default=0.0, metavar="D",
                   help="live D days on the standard diet with the settings before the protocol")
    p.add_argument("--insulin", type=float, default=100.0, metavar="UU_ML", help="clamp: insulin held, µU/mL (default 100)")
    p.add_argument("--cell", default="muscle", help="dose-response: muscle, fat or liver (default muscle)")
    p.add_argument("--compare", default="healthy", help="meal-day: the preset shown beside --preset (default healthy)")
    p.add_argument("--out", type=Path, help="CSV file, one row per sample")
    p.add_argument("--summary-json", type=Path, help="also write the summary as one JSON object")
    p.set_defaults(func=run)


def _check(args: argparse.Namespace) -> LabRequest:
    if args.name not in PROTOCOLS:
        raise CliError(f"unknown experiment {args.name!r}; choose one of: {', '.join(PROTOCOLS)}")
    known = sorted(presets())
    for flag, name in (("--preset", args.preset), ("--compare", args.compare)):
        if name not in known:
            raise CliError(f"{flag}: unknown preset {name!r}; choose one of: {', '.join(known)}")
    if not (0.0 <= args.adapt_days <= 3650.0):
        raise CliError(f"--adapt-days must be between 0 and 3650, got {args.adapt_days:g}")
    if args.out is not None and args.out.suffix.lower() != ".csv":
        raise CliError(f"{args.out}: --out must end in .csv")
    try:
        settings = parse_settings(args.settings)
    except LabSetupError as e:
        raise CliError(str(e)) from None
    return LabRequest(preset=args.preset, settings=settings, adapt_days=args.adapt_days,
                      insulin_uu_ml=args.insulin, cell=args.cell, compare=args.compare)


def print_summary(result: LabResult, out: Any = None) -> None:
    out = out or sys.stdout
    out.write(f"{result.protocol}: {result.summary['preset']}\n")
    for k, v in result.summary.items():
        if k in ("protocol", "preset"):
            continue
        text = f"{v:.4g}" if isinstance(v, float) else json.dumps(v) if isinstance(v, dict) else str(v)
        out.write(f"  {k:<36}{text}\n")


def run(args: argparse.Namespace) -> int:
    req = _check(args)
    try:
        result = PROTOCOLS[args.name](req)
    except LabSetupError as e:
        raise CliError(str(e)) from None
    if args.out is not None:
        write_csv(args.out, list(result.columns), result.rows)
    if args.summary_json is not None:
        write_output(args.summary_json, json.dumps(result.summary, indent=1) + "\n")
    print_summary(result)
    if args.out is not None:
        print(f"wrote {len(result.rows)} rows to {args.out}")
    return 0
