"""``python -m sim run LEVEL.toml --policy NAME --seed S --out FILE.csv [--replay-out FILE.json]``.

Plays a level headless with a bot and writes one CSV (or JSON) row per turn: the run's series
(``time_min``, ``blood_glucose_mmol_l``, ``cell_energy_frac``, …), the actions taken, and each
goal's progress: ``turn``, the series of ``sim.levels.run.SERIES``, ``actions`` (the actions
taken, space-separated), then ``goal_SLUG`` and ``goal_SLUG_ok`` per goal. ``sim/cli/run.py`` dispatches here when it is given a level (a file or a shipped name).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs

from sim.cli.errors import CliError
from sim.cli.outputs import check_out, command_line, messages, wrote
from sim.levels import LevelRun, load_level
from sim.levels.run import SERIES
from sim.policies import POLICIES, get_policy
from sim.provenance import column_meaning, describe, level_subject, write_with_sidecar
from sim.replay import save_replay
from sim.storage import csv_text, is_stdout


def run_level_cli(args: Any) -> int:
    if args.policy not in POLICIES:
        raise CliError(f"unknown policy {args.policy!r}; choose one of: {', '.join(POLICIES)}")
    out = Path(args.out) if getattr(args, "out", None) else None
    check_out(args, (".csv", ".json"))
    from sim.cli.run import knob_settings

    knobs = knob_settings(args)
    level = load_level(args.level)
    if knobs:
        level = attrs.evolve(level, cell=attrs.evolve(level.cell, knobs={**dict(level.cell.knobs), **knobs}))
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
    side = None
    if out is not None:
        side = _write(args, out, level, run, rows)
    replay_out = getattr(args, "replay_out", None)
    if replay_out:
        save_replay(run, replay_out, policy=args.policy)
    say = messages(args)
    verdict = f"won {'★' * res.stars}" if res.won else "lost"
    print(f"{level.title}: {args.policy} {verdict}, score {res.score}"
          + (f" — {res.failed_because}" if res.failed_because else ""), file=say)
    for c in res.causes[:4]:
        print(f"  - {c}", file=say)
    if out is not None:
        print(wrote(args, f"{len(rows)} turns", side), file=say)
    if replay_out:
        print(f"wrote replay to {'standard output' if is_stdout(replay_out) else replay_out}", file=say)
    return 0


def column_names(level: Any) -> list[str]:
    goals = [c for g in level.goals for c in (f"goal_{g.slug}", f"goal_{g.slug}_ok")]
    return ["turn", *SERIES, "actions", *goals]


def _write(args: Any, out: Path, level: Any, run: LevelRun, rows: list[dict[str, Any]]) -> Path | None:
    res = run.result()
    names = column_names(level)
    if not is_stdout(out) and out.suffix.lower() == ".json":
        meta = {"level": str(args.level), "policy": args.policy, "seed": run.seed, "won": res.won,
                "stars": res.stars, "score": res.score, "causes": res.causes}
        data = json.dumps({"meta": meta, "turns": rows}, indent=1).encode("utf-8")
    else:
        data = csv_text(names, rows).encode("utf-8")
    docs = {"actions": "the actions taken at the start of the turn, space-separated"}
    for g in level.goals:
        docs[f"goal_{g.slug}"] = f"goal {g.slug}: its measured value so far"
        docs[f"goal_{g.slug}_ok"] = f"goal {g.slug}: 1 when met so far"
    meta = describe("run", data, argv=command_line(args), rows=len(rows), seed=run.seed,
                    subject=level_subject(level.slug, args.level, level.content_hash),
                    parameters={"policy": args.policy, "knobs": dict(level.cell.knobs)},
                    result={"won": res.won, "stars": res.stars, "score": res.score},
                    columns={c: column_meaning(c, docs) for c in names})
    return write_with_sidecar(out, data, meta, getattr(args, "sidecar", None))
