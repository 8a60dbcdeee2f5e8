"""``python -m sim run LEVEL.toml --policy NAME --seed S --out FILE.csv [--replay-out FILE.json]``.

Plays a level headless with a bot and writes one CSV (or JSON) row per turn: the run's series
(``time_min``, ``blood_glucose_mmol_l``, ``cell_energy_frac``, …), the actions taken, and each
goal's progress. ``sim/cli/run.py`` dispatches here when its positional argument is a .toml file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sim.cli.errors import CliError
from sim.levels import LevelRun, load_level
from sim.policies import POLICIES, get_policy
from sim.replay import save_replay
from sim.storage import write_csv, write_output


def run_level_cli(args: Any) -> int:
    if args.policy not in POLICIES:
        raise CliError(f"unknown policy {args.policy!r}; choose one of: {', '.join(POLICIES)}")
    out = Path(args.out) if getattr(args, "out", None) else None
    if out is not None and out.suffix.lower() not in (".csv", ".json"):
        raise CliError(f"{out}: output must end in .csv or .json")
    level = load_level(args.level)
    run = LevelRun(level, int(getattr(args, "seed", 0) or 0))
    policy = get_policy(args.policy)
    rows = []
    while not run.done:
        acts = policy.act(run.observe(), run)
        rep = run.step(acts)
        row: dict[str, Any] = {"turn": rep.turn + 1}
        row.update({k: v[-1] for k, v in run.series.items()})
        row["actions"] = " ".join(a.kind for a in acts)
        for slug, g in rep.goals.items():
            row[f"goal_{slug}"] = round(g.value, 6)
            row[f"goal_{slug}_ok"] = int(g.ok)
        rows.append(row)
    res = run.result()
    if out is not None:
        if out.suffix.lower() == ".json":
            meta = {"level": str(args.level), "policy": args.policy, "seed": run.seed, "won": res.won,
                    "stars": res.stars, "score": res.score, "causes": res.causes}
            write_output(out, json.dumps({"meta": meta, "turns": rows}, indent=1))
        else:
            write_csv(out, list(rows[0]), rows)
    replay_out = getattr(args, "replay_out", None)
    if replay_out:
        save_replay(run, replay_out, policy=args.policy)
    verdict = f"won {'★' * res.stars}" if res.won else "lost"
    print(f"{level.title}: {args.policy} {verdict}, score {res.score}"
          + (f" — {res.failed_because}" if res.failed_because else ""))
    for c in res.causes[:4]:
        print(f"  - {c}")
    if out is not None:
        print(f"wrote {len(rows)} turns to {out}")
    if replay_out:
        print(f"wrote replay to {replay_out}")
    return 0
