"""The ``rgb_array`` picture of a level's state, drawn with numpy alone (no pygame in ``sim/``).

``frame(values, turn_share)`` returns an ``(HEIGHT, WIDTH, 3)`` ``uint8`` image:

- left, one horizontal bar per quantity in ``BARS`` (length = its value on the bar's scale,
  clipped to 0–1), over a dim full-length track;
- right, the cell: blood around it tinted from calm blue to sugar-red with glucose (0–20 mmol/L),
  the disc's fill from red (starving) to green (full) with its energy, the membrane ring as
  thick as its surface receptors' share;
- a strip along the bottom: the share of the level played.

Every pixel is a function of the state, so two different states give two different frames and
the same state the same frame. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

HEIGHT, WIDTH = 180, 320
# (state value, full scale, colour): glucose and insulin on their own scale, the rest 0–1.
BARS: tuple[tuple[str, float, tuple[int, int, int]], ...] = (
    ("blood_glucose_mmol_l", 20.0, (220, 70, 60)),
    ("blood_insulin_uu_ml", 100.0, (240, 190, 60)),
    ("cell_energy_frac", 1.0, (80, 200, 110)),
    ("receptors_frac", 1.0, (90, 160, 240)),
    ("signaling_active_frac", 1.0, (160, 120, 230)),
    ("glut4_membrane_frac", 1.0, (70, 210, 210)),
    ("glycogen_frac", 1.0, (200, 150, 90)),
    ("inflammation_frac", 1.0, (240, 110, 150)),
    ("oxidative_stress_frac", 1.0, (250, 140, 40)),
    ("mito_health_frac", 1.0, (130, 220, 80)),
    ("lipotoxic_frac", 1.0, (230, 210, 120)),
)
_BG = np.array((18, 20, 28), dtype=np.float64)
_TRACK = np.array((45, 48, 60), dtype=np.float64)


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> NDArray[np.float64]:
    return (1.0 - t) * np.asarray(a, dtype=np.float64) + t * np.asarray(b, dtype=np.float64)


def _share(value: float, scale: float) -> float:
    v = value / scale
    return float(min(max(v, 0.0), 1.0)) if np.isfinite(v) else 0.0


def frame(values: Mapping[str, float], turn_share: float) -> NDArray[np.uint8]:
    img = np.empty((HEIGHT, WIDTH, 3), dtype=np.float64)
    img[:] = _BG
    x0, bar_w, top, step = 8, 140, 8, 14
    for k, (name, scale, colour) in enumerate(BARS):
        y = top + k * step
        img[y:y + step - 4, x0:x0 + bar_w] = _TRACK
        n = round(bar_w * _share(values[name], scale))
        img[y:y + step - 4, x0:x0 + n] = colour
    _cell(img, values)
    played = round((WIDTH - 16) * min(max(turn_share, 0.0), 1.0))
    img[HEIGHT - 10:HEIGHT - 4, 8:WIDTH - 8] = _TRACK
    img[HEIGHT - 10:HEIGHT - 4, 8:8 + played] = (200, 200, 210)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def _cell(img: NDArray[np.float64], values: Mapping[str, float]) -> None:
    cx, cy, radius = 236, 80, 56.0
    area = img[4:160, 160:WIDTH - 4]
    area[:] = _mix((30, 50, 90), (150, 40, 50), _share(values["blood_glucose_mmol_l"], 20.0))
    yy, xx = np.mgrid[0:HEIGHT, 0:WIDTH]
    r = np.hypot(xx - cx, yy - cy)
    ring = 2.0 + 10.0 * _share(values["receptors_frac"], 1.0)
    img[r <= radius] = (90, 160, 240)
    img[r <= radius - ring] = _mix((200, 50, 40), (60, 190, 90), _share(values["cell_energy_frac"], 1.0))
