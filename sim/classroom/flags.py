"""Flags for the easy cheats a checksum without a secret cannot stop, found across a class.

- the same action log as a classmate (a copied file re-signed under another name, a pasted log),
  or one that differs in a single turn of a long level;
- the same student handing in more than once (each row is kept; the later ones are flagged).

A flag is a mark for the teacher to look at, never a change of status: two honest students may
play the same obvious moves in a short level. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from sim.classroom.grade import Graded
from sim.events import Action

NEAR_MIN_TURNS = 8  # below this, one differing turn is too likely by chance
NEAR_MAX_ROWS = 600  # the pairwise near-copy check is quadratic


def _add(g: Graded, flag: str) -> Graded:
    return g if flag in g.flags else attrs.evolve(g, flags=(*g.flags, flag))


def mark_flags(rows: Sequence[Graded]) -> list[Graded]:
    out = list(rows)
    intact = [i for i, g in enumerate(out) if g.submission is not None and g.status != "corrupt"]
    by_name: dict[str, int] = {}
    for i in intact:
        key = " ".join(out[i].who.casefold().split())
        if key in by_name:
            out[i] = _add(out[i], f"handed in more than once (also {out[by_name[key]].source})")
        else:
            by_name[key] = i
    by_log: dict[tuple[tuple[Action, ...], ...], int] = {}
    for i in intact:
        sub = out[i].submission
        assert sub is not None
        if not any(sub.actions):
            continue  # an empty log is what anyone gets by pressing "end turn"
        j = by_log.setdefault(sub.actions, i)
        if j != i and out[j].who.casefold() != out[i].who.casefold():
            out[i] = _add(out[i], f"same action log as {out[j].who}")
            out[j] = _add(out[j], f"same action log as {out[i].who}")
    if len(intact) <= NEAR_MAX_ROWS:
        logs = [(i, sub.actions) for i in intact if (sub := out[i].submission) is not None]
        for a, (i, la) in enumerate(logs):
            for j, lb in logs[:a]:
                if (len(la) == len(lb) >= NEAR_MIN_TURNS and la != lb
                        and sum(x != y for x, y in zip(la, lb, strict=True)) == 1
                        and out[i].who.casefold() != out[j].who.casefold()):
                    out[i] = _add(out[i], f"action log differs from {out[j].who}'s in one turn only")
                    out[j] = _add(out[j], f"action log differs from {out[i].who}'s in one turn only")
    return out


def flagged(rows: Sequence[Graded]) -> int:
    return sum(1 for g in rows if g.flags)


__all__ = ["flagged", "mark_flags"]
