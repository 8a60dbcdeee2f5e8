"""``python -m sim levels``: list, check and prove level files.

- ``levels list [PATH ...]``: title, turns and goals of each level.
- ``levels check [PATH ...]``: validate files and folders, and check each briefing claim
  (``[[claims]]``) against the level; exit 0 when all are valid and true, 2 otherwise.
- ``levels prove [PATH ...]``: show that ``search`` wins each level (with its stars), ``idle``
  loses it, ``search`` barred from each entry of the level's ``key_actions`` loses it, random
  play wins it rarely and (on campaign levels) an energy goal or failure condition decides
  against idle, a barred search or a random player, with ``greedy``'s result as a difficulty
  hint (on the campaign it must earn at most ★★ on most levels after the first three); exit 2
  when one of these fails.
  On the campaign it prints the difficulty curve (greedy's stars and random's win rate per
  level) and a warning when the first three levels are not the easiest for greedy.

PATH is a level file, a folder or a shipped level's name (as ``levels list`` shows it);
it defaults to the shipped levels.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from sim.cli.names import level_arg
from sim.cli.run import seed_int
from sim.errors import LevelError
from sim.levels import level_files, load_level
from sim.levels.claims import claim_problems
from sim.levels.prove import (
    GREEDY_FULL_MAX_SHARE,
    TUTORIAL_LEVELS,
    curve,
    curve_warning,
    greedy_capped,
    greedy_full_stars,
    in_campaign,
    prove,
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser("levels", help="list, check and prove level files", description=__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("action", choices=("list", "check", "prove"), help="what to do")
    p.add_argument("paths", nargs="*", type=level_arg,
                   help="level files, folders or shipped levels' names (default: the shipped levels)")
    p.add_argument("--seed", type=seed_int, default=0, help="seed for prove (default 0)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    files = level_files(args.paths)
    missing = [f for f in files if not f.exists()]
    if missing:
        sys.stderr.write("".join(f"{f}: no such file or folder\n" for f in missing))
        return 2
    if not files:
        sys.stderr.write("no level files (*.toml) found\n")
        return 2
    bad = 0
    levels = []
    for f in files:
        try:
            lv = load_level(f)
        except LevelError as e:
            bad += 1
            print(f"BAD {e}")
            continue
        false = claim_problems(lv) if args.action != "list" else []
        if false:
            bad += 1
            print("BAD " + "\n    ".join(false))
            continue
        levels.append(lv)
        if args.action == "check":
            print(f"ok  {f}")
            # untranslated words are notes, not errors: English is shown (sim/levels/texts.py)
            for n in lv.notes:
                print(f"    note: {n}")
    if args.action == "list":
        for lv in levels:
            print(f"{lv.slug:<28} {lv.title:<40} {lv.turns:>3} turns × {lv.turn_min:g} min, "
                  f"{len(lv.goals)} goals, actions: {', '.join(a.slug for a in lv.actions) or '-'}")
    if args.action == "prove":
        t0 = time.perf_counter()
        proofs = []
        for lv in levels:
            proof = prove(lv, args.seed)
            print(proof.line(), flush=True)
            bad += not proof.ok
            proofs.append(proof)
        campaign = [p for p in proofs if in_campaign(p.level)]
        if len(campaign) > TUTORIAL_LEVELS:
            full, later = greedy_full_stars(campaign)
            capped = greedy_capped(campaign)
            print(f"{'ok' if capped else 'TOO-EASY':<10} greedy earns ★★★ on {full} of the {later} campaign levels "
                  f"after the first {TUTORIAL_LEVELS} (allowed: fewer than {GREEDY_FULL_MAX_SHARE:.0%})")
            bad += not capped
            print(f"{'curve':<10} greedy's stars / random's win rate: {curve(campaign)}")
            warning = curve_warning(campaign)
            if warning:
                print(f"{'WARNING':<10} {warning}")
        print(f"proved {len(levels)} level(s) in {time.perf_counter() - t0:.1f}s")
    if args.action == "check":
        print(f"{len(files) - bad} of {len(files)} level file(s) valid")
    return 2 if bad else 0
