"""The cell in the middle of the play screen, drawn from engine snapshots and animated between them.

``CellView.set_state(values, uptake)`` takes the snapshot's scalars (and the turn's mean uptake,
mg/kg/min); the view then eases every value from the previous turn's over ``ANIM_S`` seconds, so
a turn unfolds as motion: GLUT4 vesicles slide to the membrane, glucose crowds in or thins out,
receptors disappear or grey. Display scales below (particles per mmol/L, …) only turn engine
numbers into counts of things to draw; there is no physiology here.

Layout is in units of the cell radius R from the cell's centre, so the view scales with its rect.
Shapes (see ``game.shapes``) tell the compounding factors apart without colour; each also moves in
its own way: cytokines throb, ROS sparks flicker, unfolded proteins wriggle, shards tumble.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import numpy as np
import pygame

from game.cell_draw import CellDrawing
from game.cell_layout import (
    ANIM_REDUCED_S,
    ANIM_S,
    CYTOKINES_PER_AU,
    ENTRIES_PER_UPTAKE,
    FAT,
    GLUCOSE_MAX,
    GLUCOSE_PER_MMOL_L,
    GLUT4_TOTAL,
    GLYCOGEN,
    INSULIN_MAX,
    INSULIN_PER_SQRT_UU_ML,
    MITO,
    NUCLEUS,
    RECEPTOR_SLOTS,
    VALUE_KEYS,
    ease,
)


class CellView(CellDrawing):
    def __init__(self, rect: pygame.Rect, seed: int = 0) -> None:
        self.rect = pygame.Rect(rect)
        self.cx, self.cy = self.rect.center
        self.R = min(self.rect.w, self.rect.h) * 0.37
        self.rng = np.random.default_rng(seed)
        self.prev: dict[str, float] = {}
        self.target: dict[str, float] = {}
        self.v: dict[str, float] = {}
        self.uptake_prev = self.uptake_target = 0.0
        self.t = 1.0
        self.time = 0.0
        self.reduced = False
        self._static: pygame.Surface | None = None
        self._static_key: tuple | None = None
        self._spawn = 0.0
        self._init_particles()

    # --- state ------------------------------------------------------------------------------
    def set_state(self, values: Mapping[str, float], uptake: float, instant: bool = False) -> None:
        new = {k: float(values[k]) for k in VALUE_KEYS}
        if not self.v or instant:
            self.prev = self.target = self.v = new
            self.uptake_prev = self.uptake_target = uptake
            self.t = 1.0
            return
        self.prev = dict(self.v)
        self.uptake_prev = self.uptake
        self.target = new
        self.uptake_target = uptake
        self.t = 0.0

    @property
    def animating(self) -> bool:
        return self.t < 1.0

    @property
    def uptake(self) -> float:
        e = ease(self.t)
        return self.uptake_prev + (self.uptake_target - self.uptake_prev) * e

    def _interp(self) -> None:
        e = ease(self.t)
        self.v = {k: self.prev[k] + (self.target[k] - self.prev[k]) * e for k in VALUE_KEYS}

    # --- particles --------------------------------------------------------------------------
    def _outside_points(self, n: int, margin: float = 22.0) -> np.ndarray:
        r = self.rect.inflate(-16, -16)
        pts = np.empty((0, 2))
        while len(pts) < n:
            cand = self.rng.uniform((r.left, r.top), (r.right, r.bottom), size=(n * 2, 2))
            d = np.hypot(cand[:, 0] - self.cx, cand[:, 1] - self.cy)
            pts = np.vstack([pts, cand[d > self.R + margin]])
        return pts[:n]

    def _init_particles(self) -> None:
        self.gpos = self._outside_points(GLUCOSE_MAX)
        self.gvel = self.rng.normal(0, 12, size=(GLUCOSE_MAX, 2))
        self.ipos = self._outside_points(INSULIN_MAX, 30)
        self.ivel = self.rng.normal(0, 8, size=(INSULIN_MAX, 2))
        self.cpos = self._outside_points(60, 30)
        self.cvel = self.rng.normal(0, 6, size=(60, 2))
        self.entries: list[list[float]] = []  # [angle, progress, speed]
        self.phase = self.rng.uniform(0, 2 * math.pi, size=64)
        self.jitter = self.rng.uniform(-1, 1, size=(64, 2))
        self.slot_rank = self.rng.permutation(RECEPTOR_SLOTS)
        self.break_rank = self.rng.uniform(0, 1, size=RECEPTOR_SLOTS)

    def _drift(self, pos: np.ndarray, vel: np.ndarray, n: int, dt: float, speed: float, margin: float) -> None:
        if n == 0 or dt <= 0:
            return
        p, v = pos[:n], vel[:n]
        v += self.rng.normal(0, speed * 2.5 * math.sqrt(dt), size=v.shape)
        v *= 0.985
        np.clip(v, -speed * 2, speed * 2, out=v)
        p += v * dt
        r = self.rect.inflate(-12, -12)
        for axis, lo, hi in ((0, r.left, r.right), (1, r.top, r.bottom)):
            low, high = p[:, axis] < lo, p[:, axis] > hi
            p[low, axis] = lo
            p[high, axis] = hi
            v[low | high, axis] *= -1
        dx, dy = p[:, 0] - self.cx, p[:, 1] - self.cy
        d = np.hypot(dx, dy) + 1e-9
        inside = d < self.R + margin
        if inside.any():
            k = (self.R + margin) / d[inside]
            p[inside, 0] = self.cx + dx[inside] * k
            p[inside, 1] = self.cy + dy[inside] * k
            v[inside] *= -0.5

    def update(self, dt: float, reduced_motion: bool = False) -> None:
        self.reduced = reduced_motion
        if not self.v:
            return
        self.time += dt
        if self.t < 1.0:
            self.t = min(1.0, self.t + dt / (ANIM_REDUCED_S if reduced_motion else ANIM_S))
            self._interp()
        if reduced_motion:
            self.entries.clear()
            return
        v = self.v
        self._drift(self.gpos, self.gvel, self.n_glucose, dt, 12.0, 20.0)
        self._drift(self.ipos, self.ivel, self.n_insulin, dt, 8.0, 26.0)
        self._drift(self.cpos, self.cvel, self.n_cytokines, dt, 6.0, 26.0)
        # glucose entering through the membrane, in proportion to uptake
        self._spawn += dt * ENTRIES_PER_UPTAKE * max(self.uptake, 0.0)
        slots = self.glut4_slots()
        while self._spawn >= 1.0:
            self._spawn -= 1.0
            if len(self.entries) < 120:
                if slots:
                    a = slots[int(self.rng.integers(len(slots)))]
                else:
                    a = float(self.rng.uniform(0, 2 * math.pi))
                tx, ty = MITO[int(self.rng.integers(len(MITO)))] if self.rng.uniform() < 0.7 else \
                    GLYCOGEN[int(self.rng.integers(len(GLYCOGEN)))]
                self.entries.append([a, 0.0, float(self.rng.uniform(0.3, 0.45)), tx, ty])
        for e in self.entries:
            e[1] += dt * e[2]
        self.entries = [e for e in self.entries if e[1] < 1.0]
        del v

    # --- counts -------------------------------------------------------------------------------
    @property
    def n_glucose(self) -> int:
        return int(min(GLUCOSE_MAX, round(GLUCOSE_PER_MMOL_L * max(self.v["blood_glucose_mmol_l"], 0))))

    @property
    def n_insulin(self) -> int:
        return int(min(INSULIN_MAX, round(INSULIN_PER_SQRT_UU_ML * math.sqrt(max(self.v["insulin_uu_ml"], 0)))))

    @property
    def n_cytokines(self) -> int:
        return int(min(60, round(CYTOKINES_PER_AU * max(self.v["cytokines_au"], 0))))

    @property
    def n_receptors(self) -> int:
        return int(min(RECEPTOR_SLOTS, round(RECEPTOR_SLOTS * max(self.v["receptors_frac"], 0))))

    def bound_share(self) -> float:
        v = self.v
        total = v["receptor_free_rel"] + v["receptor_bound_rel"]
        return v["receptor_bound_rel"] / total if total > 1e-9 else 0.0

    def n_membrane_glut4(self) -> int:
        return round(GLUT4_TOTAL * min(max(self.v["glut4_membrane_frac"], 0), 1))

    def receptor_angles(self) -> list[float]:
        return [2 * math.pi * i / RECEPTOR_SLOTS - math.pi / 2 for i in range(RECEPTOR_SLOTS)]

    def glut4_angle(self, i: int) -> float:
        return 2 * math.pi * (i + 0.5) / GLUT4_TOTAL - math.pi / 2 + 0.04

    def glut4_slots(self) -> list[float]:
        n = self.n_membrane_glut4()
        order = self._glut4_order()
        return [self.glut4_angle(i) for i in order[:n]]

    def _glut4_order(self) -> list[int]:
        return [(i * 7) % GLUT4_TOTAL for i in range(GLUT4_TOTAL)]

    def at(self, ux: float, uy: float) -> tuple[float, float]:
        return (self.cx + ux * self.R, self.cy + uy * self.R)

    # --- drawing --------------------------------------------------------------------------------
    # --- hover regions for tooltips ---------------------------------------------------------------
    def region_at(self, pos: tuple[int, int]) -> str | None:
        """Which part of the cell is under ``pos``: a key for the tooltip text."""
        if not self.rect.collidepoint(pos):
            return None
        x, y = pos
        d = math.hypot(x - self.cx, y - self.cy)
        R = self.R
        if R - 12 <= d <= R + 26:
            a = math.atan2(y - self.cy, x - self.cx)
            near_glut = min(abs(math.remainder(a - s, 2 * math.pi)) for s in self.glut4_slots()) if self.glut4_slots() else 9
            return "glut4" if near_glut * R < 8 else "membrane"
        if d > R + 26:
            return "blood"
        for ux, uy in MITO:
            px, py = self.at(ux, uy)
            if math.hypot(x - px, y - py) < 0.11 * R:
                return "mito"
        for ux, uy in FAT:
            px, py = self.at(ux, uy)
            if math.hypot(x - px, y - py) < 0.11 * R:
                return "fat"
        nx, ny, nr = NUCLEUS
        px, py = self.at(nx, ny)
        dn = math.hypot(x - px, y - py)
        if dn < nr * R:
            return "nucleus"
        if dn < 0.55 * R and x < px + 0.05 * R:
            return "er"
        if d > 0.7 * R:
            return "vesicles"
        return "cytoplasm"


TipFn = Callable[[Mapping[str, float]], str]
