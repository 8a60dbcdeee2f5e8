"""Bots that play levels: a ``Policy`` maps an observation to this turn's actions.

Built in: ``idle`` (does nothing), ``greedy`` (one-step look-ahead over every legal choice,
evaluated as one vectorised population), ``random`` (a seeded uniform choice each turn) and ``search`` (beam search over whole action sequences,
each depth one vectorised population of candidate futures). ``get_policy(name)`` makes one.
Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Callable

from sim.policies.base import Policy, evaluate, options_for
from sim.policies.greedy import Greedy
from sim.policies.idle import Idle
from sim.policies.random_play import RandomPlay
from sim.policies.search import BeamSearch

POLICIES: dict[str, Callable[[], Policy]] = {"idle": Idle, "greedy": Greedy, "search": BeamSearch, "random": RandomPlay}


def get_policy(name: str) -> Policy:
    if name not in POLICIES:
        from sim.errors import UserError

        raise UserError(f"unknown policy {name!r}; choose one of: {', '.join(POLICIES)}")
    return POLICIES[name]()


__all__ = ["POLICIES", "BeamSearch", "Greedy", "Idle", "Policy", "RandomPlay", "evaluate", "get_policy", "options_for"]
