"""``python -m sim sweep LEVEL_OR_PRESET --param KEY=START:STOP:COUNT ... --out results.csv``

A cartesian sweep with repetitions. KEY is a knob or any model parameter (sim/data/parameters.toml);
values are START:STOP:COUNT (both ends included), a list V1,V2,… or one value. For a preset,
each run is --cells subjects (one vectorised population) living --days on --diet, then a night's
fast (HOMA-IR at 07:00); for a level (a .toml file or a shipped level's name), each run is --policy playing the level. Per-run
seeds come from --seed and are written in every row. Writes the CSV and a JSON sidecar beside
it (results.meta.json: versions, command, seeds, grid, level SHA-256, the CSV's SHA-256, column
meanings); --out - writes the CSV to standard output and the sidecar only to --sidecar PATH. --workers N spreads runs
over local processes; --scheduler ADDRESS over an existing Dask cluster (extra: dask). The rows
are identical whichever way the runs went.
"""

from __future__ import annotations

import argparse
import time
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
from sim.cli.progress import Progress
from sim.cli.run import days_float, positive_int, seed_int, turn_min_float, workers_int
from sim.errors import LevelError
from sim.provenance import level_subject
from sim.storage import MAX_FILE_BYTES, read_text_limited
from sim.study import runner
from sim.study.output import write
from sim.study.sweep import (
    LEVEL_OUTCOMES,
    POPULATION_EXTRAS,
    PRESET_OUTCOMES,
    SweepSpec,
    check_spec,
    parse_param,
    tasks,
)

# PARAM stands for the swept keys, one column each, in --param order.
LEAD = ("run", "point", "rep", "seed", "PARAM")
COLUMN_LISTS = {
    "Columns of a preset sweep": (*LEAD, *PRESET_OUTCOMES),
    "With --cells > 1 also": POPULATION_EXTRAS,
    "Columns of a level sweep": (*LEAD, *LEVEL_OUTCOMES),
}


def add_parser(sub: Any) -> None:
    p = sub.add_parser("sweep", help="sweep parameters over a preset or a level; tidy CSV + JSON sidecar",
                       description=__doc__ + "\n" + "\n".join(columns_help(t, c) for t, c in COLUMN_LISTS.items()),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("target", metavar="LEVEL_OR_PRESET", help="a preset name (e.g. healthy), a level file (.toml) or a shipped level's name (levels list)")
    p.add_argument("--param", action="append", default=[], metavar="KEY=START:STOP:COUNT",
                   help="a parameter to sweep (repeat for a grid)")
    p.add_argument("--reps", type=positive_int, default=1, help="repetitions per grid point (default 1)")
    p.add_argument("--seed", type=seed_int, default=0, help="master seed (default 0)")
    p.add_argument("--cells", type=positive_int, default=1, help="preset: subjects per run (default 1)")
    p.add_argument("--spread", type=float, default=0.1, help="preset, --cells > 1: variation of subjects' knobs (CV, default 0.1)")
    p.add_argument("--days", type=days_float, default=1.0, help="preset: days of the diet per run (default 1)")
    p.add_argument("--diet", default="standard", help="preset: named diet (default standard)")
    p.add_argument("--turn-min", type=turn_min_float, default=60.0, help="preset: minutes per turn (default 60)")
    p.add_argument("--policy", default="greedy", help="level: the bot that plays (idle, greedy, search; default greedy)")
    p.add_argument("--workers", type=workers_int, default=1, help="local processes (1–64, default 1)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler, e.g. tcp://10.0.0.5:8786")
    add_out_arguments(p, "the CSV to write", required=True)
    p.set_defaults(func=run)


def build_spec(args: argparse.Namespace) -> tuple[SweepSpec, dict[str, Any]]:
    from sim.presets import presets

    axes = tuple(parse_param(t) for t in args.param)
    common = {"axes": axes, "reps": args.reps, "seed": args.seed}
    if args.target not in presets() or Path(args.target).exists():
        from sim.levels import parse_level
        from sim.levels.names import UnknownName, resolve, shipped_names
        from sim.policies import POLICIES

        try:
            path = resolve(args.target, "level")
        except UnknownName:
            raise CliError(f"{args.target!r} is neither a preset nor a level; choose a preset ({', '.join(sorted(presets()))}), "
                           f"a level file (.toml) or a shipped level ({', '.join(shipped_names('level'))})") from None
        if args.policy not in POLICIES:
            raise CliError(f"--policy {args.policy!r}: choose one of {', '.join(POLICIES)}")
        text = read_text_limited(path, LevelError, MAX_FILE_BYTES)
        level = parse_level(text, path)
        spec = SweepSpec(kind="level", target=level.slug, policy=args.policy, level_text=text, cells=args.cells, **common)
        return spec, level_subject(level.slug, path, level.content_hash)
    from sim.content import default_catalog

    if args.diet not in default_catalog().diets:
        raise CliError(f"--diet {args.diet!r}: choose one of {', '.join(sorted(default_catalog().diets))}")
    if not 0.0 <= args.spread <= 1.0:
        raise CliError(f"--spread must be between 0 and 1, got {args.spread}")
    if args.cells > 200_000:
        raise CliError(f"--cells {args.cells}: at most 200,000 per run")
    return SweepSpec(kind="preset", target=args.target, cells=args.cells, days=args.days, diet=args.diet,
                     spread=args.spread, turn_min=args.turn_min, **common), {"preset": args.target}


def run(args: argparse.Namespace) -> int:
    check_out(args, (".csv",))
    if args.workers > 1 and args.scheduler:
        raise CliError("give --workers or --scheduler, not both")
    spec, subject = build_spec(args)
    check_spec(spec)
    todo = tasks(spec)
    progress = Progress(len(todo), "run")
    t0 = time.perf_counter()
    rows = runner.run(spec, todo, workers=args.workers, scheduler=args.scheduler, tick=progress.tick)
    progress.close()
    elapsed = time.perf_counter() - t0
    ran_with = {"scheduler": args.scheduler} if args.scheduler else {"workers": args.workers}
    side = write(args.out, spec, rows, subject, ran_with, args.sidecar, command_line(args))
    print(f"{len(rows)} runs ({len(spec.points)} points × {spec.reps} reps) in {elapsed:.1f} s; "
          + wrote(args, "the CSV", side), file=messages(args))
    return 0
