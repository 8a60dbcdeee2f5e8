"""Reusable determinism checks: run the same thing twice and compare every bit.

Used by the engine tests and by every level's tests (same seed + same action log ⇒ equal
histories). Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sim.engine import Simulation
from sim.events import Action


def history_digests(make: Callable[[], Simulation], actions: Sequence[Sequence[Action]], turns: int) -> list[str]:
    sim = make()
    out = []
    for t in range(turns):
        sim.advance(actions[t] if t < len(actions) else ())
        out.append(sim.state.digest())
    return out


def assert_deterministic(make: Callable[[], Simulation], actions: Sequence[Sequence[Action]], turns: int) -> None:
    first = history_digests(make, actions, turns)
    second = history_digests(make, actions, turns)
    for t, (a, b) in enumerate(zip(first, second, strict=True)):
        if a != b:
            raise AssertionError(f"runs diverge at turn {t}: {a[:12]} != {b[:12]}")
