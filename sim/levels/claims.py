"""Check a level's briefing claims against the level itself: is what the briefing says true?

A level file's ``[[claims]]`` state, as data, each quantitative fact its briefing text makes
("This cell has lost many of its insulin receptors": ``receptors < 60%`` at the start). The
check builds the level as the game would and reads each claim's quantity at its moment — the
start state, or the end of turn N played without actions (so a claim about what a stressor
does is checked with the player doing nothing about it) — for every seed in ``SEEDS``, since
events may be drawn from the seed. ``levels check`` and ``levels prove`` fail a level whose
claim does not hold, naming the file, the line, the claim and the value found.
Must not import pygame.
"""

from __future__ import annotations

from sim.levels.level import Claim, Level
from sim.levels.locate import Locator
from sim.levels.quantities import QUANTITIES, show

SEEDS = (0, 1, 2)


def measured(level: Level, seed: int) -> dict[int, dict[str, float]]:
    """Each claimed quantity at each claimed moment: {turn: {quantity: value}}."""
    from sim.levels.play import Playthrough
    from sim.levels.quantities import read

    # A Playthrough, not a LevelRun: a failure condition ends the game, not the cell, so the
    # cell is followed to the claimed turn even when doing nothing has already lost the level.
    play = Playthrough(level, seed, 1)
    play.sim.account = False
    want: dict[int, set[str]] = {}
    for c in level.claims:
        want.setdefault(c.turn, set()).add(c.quantity)
    out: dict[int, dict[str, float]] = {}
    if 0 in want:
        snap = play.sim.snapshot()
        out[0] = {q: float(snap.values[QUANTITIES[q].key][0]) for q in want[0]}
    last = max(want, default=0)
    while play.turn < last:
        report = play.step([[]], check=False)
        if play.turn in want:
            out[play.turn] = {q: float(read(report, q)[0]) for q in want[play.turn]}
    return out


def claim_problems(level: Level, text: str | None = None) -> list[str]:
    """One line per claim that does not hold: ``file:line: claims[i]: …``; [] when all hold."""
    if not level.claims:
        return []
    name = str(level.path) if level.path is not None else level.slug
    if text is None and level.path is not None:
        text = level.path.read_text("utf-8")
    locator = Locator(text) if text else None
    problems: list[str] = []
    bad: dict[int, tuple[Claim, float, int]] = {}
    for seed in SEEDS:
        values = measured(level, seed)
        for c in level.claims:
            v = values.get(c.turn, {}).get(c.quantity)
            if c.index not in bad and (v is None or not c.holds(v)):
                bad[c.index] = (c, float("nan") if v is None else v, seed)  # nan: cannot happen (turn ≤ turns)
    for c, v, seed in (bad[i] for i in sorted(bad)):
        line = locator.line(f"claims[{c.index}]") if locator else None
        where = f"{name}:{line}" if line else name
        says = f" (\"{c.says}\")" if c.says else ""
        found = f"it is {show(c.quantity, v)}"
        problems.append(f"{where}: claims[{c.index}]: the briefing claims {c.words()}{says}, but {found}"
                        f" (seed {seed}); allowed: a claim the level makes true")
    return problems
