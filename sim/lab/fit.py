"""Fitting an insulin dose–response: ``U(I) = U0 + Vmax · Iⁿ / (EC50ⁿ + Iⁿ)`` (Hill/Emax).

Least squares, by a coarse-to-fine search over EC50 (log scale) and n with U0 and Vmax solved
linearly (non-negative) at each point; robust without an optimiser library. Outside the model
kernels, so ``numpy.log``/``power`` are fine here. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np


@attrs.frozen
class HillFit:
    basal: float  # U0, uptake without insulin
    vmax: float  # insulin-stimulated maximum above basal
    ec50: float  # insulin giving half of vmax
    hill: float  # n
    r2: float

    def predict(self, insulin: Sequence[float] | np.ndarray) -> np.ndarray:
        x = np.asarray(insulin, dtype=float)
        xn = np.power(x, self.hill)
        out: np.ndarray = self.basal + self.vmax * xn / (np.power(self.ec50, self.hill) + xn)
        return out


def _linear(x: np.ndarray, y: np.ndarray, ec50: float, n: float) -> tuple[float, float, float]:
    xn = np.power(x, n)
    h = xn / (np.power(ec50, n) + xn)
    a = np.column_stack([np.ones_like(h), h])
    (u0, vmax), *_ = np.linalg.lstsq(a, y, rcond=None)
    u0, vmax = max(float(u0), 0.0), max(float(vmax), 0.0)
    sse = float(np.sum((u0 + vmax * h - y) ** 2))
    return u0, vmax, sse


def fit_hill(insulin: Sequence[float], uptake: Sequence[float]) -> HillFit:
    x = np.asarray(insulin, dtype=float)
    y = np.asarray(uptake, dtype=float)
    if x.size < 4 or np.any(x <= 0):
        raise ValueError("need at least 4 positive insulin levels")
    lo, hi = np.log(x.min()) - 1.0, np.log(x.max()) + 1.0
    n_lo, n_hi = 0.4, 4.0
    best = (np.inf, 0.0, 0.0, 1.0, 1.0)
    for _ in range(4):
        for le in np.linspace(lo, hi, 41):
            for n in np.linspace(n_lo, n_hi, 19):
                u0, vmax, sse = _linear(x, y, float(np.exp(le)), float(n))
                if sse < best[0]:
                    best = (sse, u0, vmax, float(np.exp(le)), float(n))
        le_b, n_b = np.log(best[3]), best[4]
        span_e, span_n = (hi - lo) / 8.0, (n_hi - n_lo) / 8.0
        lo, hi = le_b - span_e, le_b + span_e
        n_lo, n_hi = max(0.2, n_b - span_n), n_b + span_n
    sse, u0, vmax, ec50, n = best
    sst = float(np.sum((y - y.mean()) ** 2)) or 1.0
    return HillFit(u0, vmax, ec50, n, 1.0 - sse / sst)
