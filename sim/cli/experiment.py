"""``python -m sim experiment NAME``: a virtual-lab protocol on a preset, CSV rows and a summary.

Protocols: fasting (overnight fast: fasting glucose, insulin, HOMA-IR), ogtt (75 g oral glucose
tolerance test), ivgtt (0.3 g/kg IV glucose: first-phase insulin AIRg, glucose decay Kg), clamp (hyperinsulinaemic-euglycaemic clamp, ``--insulin``), dose-response
(``--cell``: the cell's glucose uptake against insulin, fitted EC50 and Vmax) and meal-day
(``--compare``: a day of three meals, two presets side by side). ``--set KEY=VALUE`` changes the
subject (knobs × the preset's value; factor levels 0–1); ``--adapt-days D`` lets it live D days
on the standard diet with those settings first. See ``docs/model.md`` ("Virtual lab").
``--out -`` writes the CSV to standard output and the summary to standard error; the JSON
sidecar (``NAME.meta.json``, or ``--sidecar PATH``) records how it was made, with the summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sim.cli.errors import CliError
from sim.cli.outputs import (
    add_out_arguments,
    check_out,
    columns_help,
    command_line,
    messages,
    wrote,
)
from sim.lab import PROTOCOLS, LabSetupError, parse_settings
from sim.lab.protocols import COLUMNS, LabRequest, LabResult, columns_for
from sim.presets import presets
from sim.provenance import column_meaning, describe, write_with_sidecar
from sim.storage import csv_text, emit

COLUMN_DOCS = {
    "infusion_mg_kg_min": "glucose infusion holding the clamp's target, mean over the last 10 min, mg/kg/min",
    "insulin_uu_ml": "insulin held for this subject, µU/mL",
    "mean_cell_uptake_mg_kg_min": "the cell's glucose uptake, mean over the last 30 min, mg glucose per kg tissue per min",
}


def _columns_text() -> str:
    return "\n".join(columns_help(f"Columns of {name}", cols) for name, cols in COLUMNS.items())


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "experiment", help="run a virtual-lab protocol (fasting, ogtt, ivgtt, clamp, dose-response, meal-day)",
        description=f"{__doc__}\n{_columns_text()}", formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("name", metavar="NAME", help=f"protocol: {', '.join(PROTOCOLS)}")
    p.add_argument("--preset", default="healthy", help="subject (default: healthy)")
    p.add_argument("--set", dest="settings", action="append", default=[], metavar="KEY=VALUE",
                   help="change the subject; repeatable (python -m sim experiment fasting --set help lists keys)")
    p.add_argument("--adapt-days", type=float, default=0.0, metavar="D",
                   help="live D days on the standard diet with the settings before the protocol")
    p.add_argument("--insulin", type=float, default=100.0, metavar="UU_ML", help="clamp: insulin held, µU/mL (default 100)")
    p.add_argument("--cell", default="muscle",
                   help="the cell shown: muscle, fat or liver (default muscle); dose-response measures it, "
                        "the body (blood, clamp M, OGTT) is the same whichever it is")
    p.add_argument("--compare", default="healthy", help="meal-day: the preset shown beside --preset (default healthy)")
    add_out_arguments(p, "CSV file, one row per sample")
    p.add_argument("--summary-json", type=Path, help="also write the summary as one JSON object (- : standard output)")
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
    check_out(args, (".csv",))
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
    side = None
    if args.out is not None:
        names = columns_for(args.name, args.preset, args.compare)
        data = csv_text(names, result.rows).encode("utf-8")
        params = {"protocol": args.name, "settings": dict(req.settings), "adapt_days": req.adapt_days}
        params |= {"insulin_uu_ml": req.insulin_uu_ml} if args.name == "clamp" else {}
        params |= {"cell": req.cell}
        params |= {"compare": req.compare} if args.name == "meal-day" else {}
        meta = describe("experiment", data, argv=command_line(args), rows=len(result.rows),
                        seed=0,  # lab subjects are made with the engine's default seed (setup.prepare)
                        subject={"preset": args.preset}, parameters=params, summary=result.summary,
                        columns={c: column_meaning(_base_name(c, args), COLUMN_DOCS) for c in names})
        side = write_with_sidecar(args.out, data, meta, args.sidecar)
    if args.summary_json is not None:
        emit(args.summary_json, json.dumps(result.summary, indent=1) + "\n")
    say = messages(args)
    print_summary(result, say)
    if args.out is not None:
        print(wrote(args, f"{len(result.rows)} rows", side), file=say)
    return 0


def _base_name(column: str, args: argparse.Namespace) -> str:
    """meal-day's ``type2_blood_glucose_mmol_l`` means what ``blood_glucose_mmol_l`` means."""
    for prefix in (f"{args.compare}_compare_", f"{args.preset}_", f"{args.compare}_"):
        if args.name == "meal-day" and column.startswith(prefix):
            return column.removeprefix(prefix)
    return column
