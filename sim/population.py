"""Populations: N subjects whose parameters differ, drawn from the simulation's own generator.

Each knob in ``VARIED`` is multiplied by a log-normal factor with median 1 and coefficient of
variation ``spread``; draws come from a generator the caller passes (the simulation's
``population`` stream), so the same seed gives the same cohort. Must not import pygame.
"""

from __future__ import annotations

import numpy as np

from sim.model.parameters import Parameters

VARIED = ("receptor_number", "receptor_affinity", "signaling_capacity", "glut4_pool", "mito_capacity", "beta_cell_capacity")


def vary(params: Parameters, n: int, spread: float, rng: np.random.Generator) -> Parameters:
    if spread < 0:
        raise ValueError("spread must be ≥ 0")
    if spread == 0 or n == 1:
        return params
    sigma = float(np.sqrt(np.log1p(spread * spread)))
    factors = {k: rng.lognormal(mean=-0.5 * sigma * sigma, sigma=sigma, size=n) for k in VARIED}
    return params.scaled(factors)
