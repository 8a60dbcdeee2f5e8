"""The integration scheme shared by every process: linearly implicit (Patankar) Euler.

Each variable is written as ``dx/dt = P − L·x`` with a production ``P ≥ 0`` and a loss
coefficient ``L ≥ 0`` evaluated at the start of the step, and advanced by

    x_next = (x + dt·P) / (1 + dt·L)

It is first order, unconditionally stable for the stiff linear losses of this model (insulin
clearance, FFA turnover, receptor binding) and it can never make a concentration negative, so
every state stays within its physical bounds for any step. Kernels use only +, −, ×, ÷ and
min/max, which IEEE 754 rounds exactly: results are bit-identical whatever N and whatever SIMD
path numpy takes, which ``exp``/``log``/``pow`` would not guarantee.

The same operations exist on Python floats, so kernels are written against ``fmin``/``fmax``
below (never ``np.minimum``/``np.where`` directly) and run unchanged on length-N arrays or, for
a single subject, on plain floats, which skips numpy's ≈ 1 µs overhead per call. Conditions are
written as arithmetic (``x * (c > 0)``) for the same reason. Must not import pygame.
"""

from __future__ import annotations

from typing import Any

import numpy as np


_NDARRAY = np.ndarray


def fmin(a: Any, b: Any) -> Any:
    if a.__class__ is float and b.__class__ is float:
        return a if a <= b else b
    return np.minimum(a, b)


def fmax(a: Any, b: Any) -> Any:
    if a.__class__ is float and b.__class__ is float:
        return a if a >= b else b
    return np.maximum(a, b)


def patankar(x: Any, production: Any, loss: Any, dt: float) -> Any:
    if production.__class__ is _NDARRAY and loss.__class__ is _NDARRAY:
        # Length-N arrays: the same operations on the same values, into fresh arrays we own, so the
        # division needs no temporary. On the usual 1-minute step the two products are skipped:
        # 1.0·y is y exactly in IEEE 754 (and x + y is y + x), so two passes over memory fewer.
        if dt == 1.0:
            num, den = np.add(production, x), np.add(loss, 1.0)
        else:
            num, den = x + dt * production, 1.0 + dt * loss
        return np.divide(num, den, out=num) if num.shape == den.shape else num / den
    return (x + dt * production) / (1.0 + dt * loss)


def saturating(x: Any, half: Any) -> Any:
    """x / (x + half) for x ≥ 0: a Michaelis–Menten response from 0 to 1."""
    return x / (x + half)


def hill2(x: Any, half: Any) -> Any:
    """Hill function with coefficient 2: x² / (x² + half²)."""
    x2 = x * x
    return x2 / (x2 + half * half)


def hill4(x: Any, half: Any) -> Any:
    """Hill function with coefficient 4, from products only (no pow: see module docstring)."""
    x2 = x * x
    h2 = half * half
    return (x2 * x2) / (x2 * x2 + h2 * h2)


def clip01(x: Any) -> Any:
    return fmin(fmax(x, 0.0), 1.0)


def pos(x: Any) -> Any:
    return fmax(x, 0.0)


def driven_fraction(x: Any, drive: Any, k_off: Any, dt: float) -> Any:
    """A 0–1 state pushed up by ``drive`` and relaxing at ``k_off``: dx = drive·(1−x) − k_off·x."""
    return patankar(x, drive, drive + k_off, dt)


def drive_for_level(level: Any, k_off: Any) -> Any:
    """The constant drive that holds ``driven_fraction`` at ``level`` (0 ≤ level < 1)."""
    level = fmin(level, 0.98)
    return k_off * level / (1.0 - level)
