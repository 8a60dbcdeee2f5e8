"""``python -m sim replay FILE``: play a saved run again and check score and final state.

Exit 0 when both are reproduced exactly, 2 when they differ, the level changed (its content
hash differs) or the file is not a valid replay.
"""

from __future__ import annotations

import argparse
from typing import Any

from sim.cli.names import level_arg
from sim.replay import verify_replay


def add_parser(sub: Any) -> None:
    p = sub.add_parser("replay", help="replay a saved level run and check it reproduces", description=__doc__)
    p.add_argument("file", help="a replay JSON written by `python -m sim run LEVEL --replay-out`")
    p.add_argument("--level", type=level_arg,
                   help="use this level (a file or a shipped level's name) instead of the one named in the replay")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check = verify_replay(args.file, args.level)
    print(check.message)
    return 0 if check.ok and not check.level_changed else 2
