"""Grading speed for a class: 200 hand-ins of the 16-turn sample challenge, graded by the CLI.

Figures printed:
- ``code_chars``: mean length of a result code (format 2, with the commitment);
- ``bots_s``: playing the ``greedy`` and ``search`` bots once on the challenge (the bot flags);
- ``grade_200_s``: ``python -m sim grade`` over 150 files and 50 pasted codes, end to end.
The logs are random legal choices on about half the turns (a fixed seed per student), so none is
flagged as a bot's. Run: ``.venv/bin/python bench/grade_bench.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from sim.classroom import load_challenge, make_submission, result_code, write_submission
from sim.classroom.flags import _bot_logs
from sim.events import Action
from sim.levels import LevelRun, levels_dir


def _student(ch, i: int) -> LevelRun:
    rng = np.random.default_rng(i)
    run = LevelRun(ch.level, seed=ch.seed)
    while not run.done:
        ok = sorted(k for k, v in run.observe().available.items() if v)
        run.step([Action(str(rng.choice(ok)))] if ok and rng.random() < 0.5 else [])
    return run


def main() -> None:
    path = levels_dir() / "challenges" / "starving-amid-plenty.challenge.toml"
    ch = load_challenge(path)
    t0 = time.perf_counter()
    _bot_logs(ch.to_toml())
    bots_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        codes = []
        for i in range(200):
            sub = make_submission(ch, f"Student {i}", {}, _student(ch, i))
            if i < 150:
                write_submission(sub, root / "subs")
            else:
                codes.append(result_code(sub))
        (root / "codes.txt").write_text("\n".join(codes), encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sim", "grade", str(path), str(root / "subs"), str(root / "codes.txt"),
                        "--out", str(root / "out")], check=False, capture_output=True)
        grade_s = time.perf_counter() - t0
    print(f"code_chars   {sum(map(len, codes)) / len(codes):.0f}")
    print(f"bots_s       {bots_s:.2f}")
    print(f"grade_200_s  {grade_s:.1f}")


if __name__ == "__main__":
    main()
