"""``python -m sim grade CHALLENGE SUBMISSION... --out DIR``: replay and mark every submission.

SUBMISSION may be a submission file (.json), a folder of them, or a text file of pasted result
codes (AP2-…, or AP1-… from older versions). Each is replayed headless and marked verified, mismatch, wrong-challenge or
corrupt. Writes DIR/class.csv (one tidy row per submission) and DIR/report.html (one offline page:
class table, score distribution, prediction accuracy, common failure points, a glucose/energy
chart per student). Exit 0 when every submission is verified, 1 when some are not.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sim.classroom.canonical import app_version
from sim.classroom.challenge import load_challenge
from sim.classroom.fields import visible
from sim.classroom.grade import STATUSES, collect, grade
from sim.classroom.report import render
from sim.classroom.table import to_csv
from sim.cli.errors import CliError
from sim.cli.names import CHALLENGE_HELP, challenge_arg
from sim.cli.progress import Progress
from sim.cli.run import workers_int
from sim.storage import is_stdout, write_outputs


def add_parser(sub: Any) -> None:
    p = sub.add_parser("grade", help="replay and mark a class's submissions; write class.csv and report.html",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("challenge", type=challenge_arg, help=CHALLENGE_HELP)
    p.add_argument("submissions", nargs="+", type=Path, help="submission files, folders, or files of result codes")
    p.add_argument("--out", type=Path, required=True, help="folder for class.csv and report.html (created)")
    p.add_argument("--workers", type=workers_int, default=1, help="local processes for the replays (1–64, default 1)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if is_stdout(args.out):
        raise CliError("--out -: grading writes a folder (class.csv and report.html), not one stream; give a folder")
    ch = load_challenge(args.challenge)
    if args.out.exists() and not args.out.is_dir():
        raise CliError(f"--out {args.out}: is a file; give a folder")
    sources = collect(args.submissions)
    if not sources:
        raise CliError("no submissions found (give .json files, folders of them, or a .txt file of result codes)")
    t0 = time.perf_counter()
    progress = Progress(len(sources), "submission")
    rows = grade(ch, sources, workers=args.workers, tick=progress.tick)
    progress.close()
    elapsed = time.perf_counter() - t0
    write_outputs([(args.out / "class.csv", to_csv(ch, rows)),
                   (args.out / "report.html", render(ch, rows, app_version()))])
    counts = Counter(g.status for g in rows)
    print(f"graded {len(rows)} submissions in {elapsed:.1f} s: "
          + ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUSES))
    for g in rows:
        if g.status != "verified":
            print(f"  {g.status:<15} {visible(g.who or '?')}: {visible(g.source)}: {visible(g.note)}")
    for g in rows:
        for f in g.flags:
            print(f"  flagged         {visible(g.who)}: {visible(f)}")
    print(visible(f"wrote {args.out / 'class.csv'} and {args.out / 'report.html'}"))
    return 0 if counts.get("verified", 0) == len(rows) else 1
