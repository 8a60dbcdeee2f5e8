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

from game import shapes
from game.theme import dim, mix
from sim.snapshot import STARVING_ENERGY_FRAC
from sim.state import BY_NAME

ANIM_S = 1.2
ANIM_REDUCED_S = 0.2

# Display scales: engine value -> how many things to draw.
GLUCOSE_PER_MMOL_L = 14.0
GLUCOSE_MAX = 420
INSULIN_PER_SQRT_UU_ML = 6.0
INSULIN_MAX = 70
CYTOKINES_PER_AU = 40.0
ENTRIES_PER_UPTAKE = 3.0  # glucose particles entering per second per mg/kg/min
RECEPTOR_SLOTS = 28
GLUT4_TOTAL = 24
BOUND_DISPLAY_GAIN = 4.0  # a meal binds a few % of receptors; scaled so it can be seen
INSIDE_MAX = {"inflammation": 16, "ros": 30, "er_stress": 18, "lipotoxic": 24}

VALUE_KEYS = (
    "blood_glucose_mmol_l", "insulin_uu_ml", "cytokines_au", "receptors_frac", "receptor_bound_rel",
    "receptor_free_rel", "signaling_active_frac", "signaling_proteins_frac", "glut4_membrane_frac",
    "energy_frac", "glycogen_frac", "fat_store_rel", "lipotoxic_frac", "inflammation_frac",
    "oxidative_stress_frac", "mito_health_frac", "er_stress_frac",
)

NUCLEUS = (0.27, 0.02, 0.24)
MITO = ((-0.47, -0.22), (-0.22, -0.5), (0.08, -0.58), (-0.58, 0.14), (-0.36, 0.44), (-0.02, 0.56), (0.42, 0.48))
FAT = ((0.6, -0.28), (0.36, -0.5), (0.66, 0.12), (0.2, 0.4))
GLYCOGEN = ((-0.12, 0.05), (-0.3, -0.02), (-0.18, 0.25), (0.05, 0.3), (-0.05, -0.25), (-0.4, 0.26),
            (-0.32, -0.3), (0.12, -0.32), (-0.6, -0.08), (0.0, 0.12), (-0.22, 0.62), (0.18, 0.62))


def starving_look(energy_frac: float) -> float:
    """How fed the cytoplasm looks, 0 (starving) to 1 (fed), from the cell's energy: fully fed from
    the engine's normal range up, fully starving a little below its starving mark, so the change a
    player must notice (crossing the mark) is most of the colour change."""
    lo = STARVING_ENERGY_FRAC - 0.1
    hi = BY_NAME["energy_frac"].normal[0]
    return min(max((energy_frac - lo) / (hi - lo), 0.0), 1.0)


def _ease(t: float) -> float:
    t = min(max(t, 0.0), 1.0)
    return t * t * (3 - 2 * t)


class CellView:
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
        e = _ease(self.t)
        return self.uptake_prev + (self.uptake_target - self.uptake_prev) * e

    def _interp(self) -> None:
        e = _ease(self.t)
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
    def draw(self, surface: pygame.Surface, pal: Mapping[str, tuple[int, int, int]]) -> None:
        if not self.v:
            return
        v = self.v
        energy_q = round(starving_look(v["energy_frac"]) * 20)
        key = (energy_q, pal["blood"], pal["cytoplasm"], self.rect.size)
        if key != self._static_key:
            self._static = self._render_static(pal, energy_q / 20)
            self._static_key = key
        surface.blit(self._static, self.rect.topleft)
        self._draw_outside(surface, pal)
        self._draw_inside(surface, pal)
        self._draw_membrane(surface, pal)
        self._draw_entries(surface, pal)

    def _render_static(self, pal, look: float) -> pygame.Surface:
        s = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        r = s.get_rect()
        pygame.draw.rect(s, pal["blood"], r, border_radius=18)
        rng = np.random.default_rng(7)
        for _ in range(26):  # faint red blood cells drifting in the plasma
            x, y = rng.uniform(0, r.w), rng.uniform(0, r.h)
            w = rng.uniform(22, 34)
            rr = pygame.Rect(0, 0, w, w * 0.55)
            rr.center = (x, y)
            pygame.draw.ellipse(s, pal["blood_edge"], rr)
            pygame.draw.ellipse(s, mix(pal["blood_edge"], pal["blood"], 0.5), rr.inflate(-w * 0.45, -w * 0.25))
        pygame.draw.rect(s, pal["blood_edge"], r, 2, border_radius=18)
        c = (self.cx - self.rect.x, self.cy - self.rect.y)
        cyto = mix(pal["cytoplasm_starving"], pal["cytoplasm"], look)
        pygame.draw.circle(s, mix(cyto, pal["bg"], 0.6), c, self.R + 10)
        pygame.draw.circle(s, cyto, c, self.R)
        nx, ny, nr = NUCLEUS
        nc = (c[0] + nx * self.R, c[1] + ny * self.R)
        pygame.draw.circle(s, pal["nucleus"], nc, nr * self.R)
        pygame.draw.circle(s, mix(pal["nucleus"], pal["text"], 0.25), nc, nr * self.R, 2)
        pygame.draw.circle(s, mix(pal["nucleus"], pal["text"], 0.15), (nc[0] - 8, nc[1] + 6), nr * self.R * 0.3)
        return s

    def _draw_outside(self, surface, pal) -> None:
        g = shapes.sprite("glucose", pal["glucose"], 4)
        n = self.n_glucose
        off = g.get_width() / 2
        surface.fblits([(g, (x - off, y - off)) for x, y in self.gpos[:n].tolist()])
        k = shapes.sprite("insulin", pal["insulin"], 6)
        n = self.n_insulin
        off = k.get_width() / 2
        surface.fblits([(k, (x - off, y - off)) for x, y in self.ipos[:n].tolist()])
        n = self.n_cytokines
        if n:
            pulse = 0 if self.reduced else int(self.time * 3) % 2
            c = shapes.sprite("inflammation", dim(pal["inflammation"], 0.85), 5, pulse)
            off = c.get_width() / 2
            surface.fblits([(c, (x - off, y - off)) for x, y in self.cpos[:n].tolist()])

    def _draw_membrane(self, surface, pal) -> None:
        v, R, cx, cy = self.v, self.R, self.cx, self.cy
        pygame.draw.circle(surface, pal["membrane"], (cx, cy), R, 3)
        pygame.draw.circle(surface, dim(pal["membrane"], 0.55), (cx, cy), R - 6, 2)
        # GLUT4 at the membrane: a channel (two bars) across the bilayer
        order = self._glut4_order()
        n_mem = self.n_membrane_glut4()
        for rank, i in enumerate(order):
            a = self.glut4_angle(i)
            ca, sa = math.cos(a), math.sin(a)
            if rank < n_mem:
                for side in (-1, 1):
                    ox, oy = -sa * side * 3.5, ca * side * 3.5
                    pygame.draw.line(surface, pal["glut4"], (cx + ca * (R - 10) + ox, cy + sa * (R - 10) + oy),
                                     (cx + ca * (R + 5) + ox, cy + sa * (R + 5) + oy), 3)
            else:
                d = 0.74 + 0.05 * ((i * 5) % 3)  # resting in a storage vesicle under the membrane
                pygame.draw.circle(surface, dim(pal["glut4"], 0.6), (cx + ca * R * d, cy + sa * R * d), 5, 2)
        # receptors: Y shapes, fewer and greyer as they are lost; a key where insulin is bound
        n = self.n_receptors
        health = min(max(v["receptors_frac"], 0.0), 1.0)
        col = mix(pal["receptor_lost"], pal["receptor"], health)
        damaged = 1.0 - v["signaling_proteins_frac"]
        bound_n = round(n * min(1.0, self.bound_share() * BOUND_DISPLAY_GAIN))
        lit_n = round(n * min(1.0, v["signaling_active_frac"]))
        angles = self.receptor_angles()
        key_img = shapes.sprite("insulin", pal["insulin"], 6)
        shown = sorted(self.slot_rank[:n].tolist())
        for j, slot in enumerate(shown):
            a = angles[slot]
            ca, sa = math.cos(a), math.sin(a)
            base = (cx + ca * R, cy + sa * R)
            stem = (cx + ca * (R + 9), cy + sa * (R + 9))
            pygame.draw.line(surface, col, base, stem, 3)
            for side in (-0.32, 0.32):
                tip = (cx + math.cos(a + side * 0.3) * (R + 18), cy + math.sin(a + side * 0.3) * (R + 18))
                pygame.draw.line(surface, col, stem, tip, 3)
            rank = (j * 11) % max(n, 1)
            if rank < bound_n:
                kx, ky = cx + ca * (R + 24), cy + sa * (R + 24)
                surface.blit(key_img, (kx - key_img.get_width() / 2, ky - key_img.get_height() / 2))
            # the signal chain inside (IRS → PI3K → Akt); broken links where proteins are damaged
            broken = self.break_rank[slot] < damaged
            lit = rank < lit_n and not broken
            for step, d in enumerate((0.93, 0.87, 0.81)):
                p = (cx + ca * R * d, cy + sa * R * d)
                if broken and step == 1:
                    pygame.draw.line(surface, pal["danger"], (p[0] - 3, p[1] - 3), (p[0] + 3, p[1] + 3), 2)
                    pygame.draw.line(surface, pal["danger"], (p[0] - 3, p[1] + 3), (p[0] + 3, p[1] - 3), 2)
                    continue
                c = pal["signal"] if lit else dim(pal["signal"], 0.35)
                pygame.draw.circle(surface, c, p, 2.5 if not lit else 3)
            if lit and not self.reduced:
                f = (self.time * 1.6 + slot * 0.13) % 1.0
                d = 0.95 - 0.2 * f
                pygame.draw.circle(surface, pal["text"], (cx + ca * R * d, cy + sa * R * d), 2)

    def _draw_inside(self, surface, pal) -> None:
        v, R = self.v, self.R
        t = 0.0 if self.reduced else self.time
        # glycogen rosettes
        for i, (ux, uy) in enumerate(GLYCOGEN[: round(len(GLYCOGEN) * min(max(v["glycogen_frac"], 0), 1))]):
            x, y = self.at(ux, uy)
            for k in range(5):
                a = k * 1.2566 + i
                pygame.draw.circle(surface, dim(pal["glucose"], 0.7), (x + 4 * math.cos(a), y + 4 * math.sin(a)), 2)
        # ER: folded membranes hugging the nucleus; they swell with ER stress
        nx, ny, _nr = NUCLEUS
        ncx, ncy = self.at(nx, ny)
        ers = min(max(v["er_stress_frac"], 0), 1)
        for k, rr in enumerate((0.33, 0.41, 0.49)):
            width = 2 + round(3 * ers)
            rad = rr * R + (0 if self.reduced else ers * 2 * math.sin(t * 2 + k))
            pts = []
            for s in range(25):
                a = math.radians(95 + 170 * s / 24)
                wob = 3 * math.sin(s * 1.4 + k)
                pts.append((ncx + (rad + wob) * math.cos(a), ncy + (rad + wob) * math.sin(a)))
            pygame.draw.lines(surface, pal["er"], False, pts, width)
        # mitochondria: folds (cristae) and colour follow their health; broken ones fragment
        h = min(max(v["mito_health_frac"], 0), 1)
        working = math.ceil(len(MITO) * h - 1e-9)
        mcol = mix(pal["mito_sick"], pal["mito"], h)
        for i, (ux, uy) in enumerate(MITO):
            x, y = self.at(ux, uy)
            if i < working:
                shapes.mito(surface, mcol, (x, y), 0.085 * R, h, outline=dim(mcol, 0.45))
            else:  # fragmented
                for dx in (-7, 7):
                    pygame.draw.circle(surface, pal["mito_sick"], (x + dx, y + (dx // 3)), 5, 2)
        # fat droplets grow with the store
        fr = min(max(v["fat_store_rel"], 0), 3.0)
        for i, (ux, uy) in enumerate(FAT):
            x, y = self.at(ux, uy)
            r = (0.035 + 0.06 * math.sqrt(fr)) * R * (1.0 - 0.12 * i)
            pygame.draw.circle(surface, pal["fat"], (x, y), r)
            pygame.draw.circle(surface, mix(pal["fat"], (255, 255, 255), 0.5), (x - r * 0.35, y - r * 0.35), max(1, r * 0.25))
        self._draw_factors(surface, pal, t)

    def _draw_factors(self, surface, pal, t: float) -> None:
        v, R = self.v, self.R
        blits = []
        # inflammation: spiky balls just under the membrane, throbbing
        n = round(INSIDE_MAX["inflammation"] * min(max(v["inflammation_frac"], 0), 1))
        for i in range(n):
            a = 2 * math.pi * i / max(n, 1) + 0.3
            size = 6 if self.reduced else 5 + round(1.5 * (1 + math.sin(t * 4 + self.phase[i])))
            img = shapes.sprite("inflammation", pal["inflammation"], size)
            x, y = self.cx + math.cos(a) * R * 0.66, self.cy + math.sin(a) * R * 0.66
            blits.append((img, (x - img.get_width() / 2, y - img.get_height() / 2)))
        # ROS: sparks flickering around the mitochondria
        n = round(INSIDE_MAX["ros"] * min(max(v["oxidative_stress_frac"], 0), 1))
        for i in range(n):
            if not self.reduced and math.sin(t * 9 + self.phase[i] * 3) < -0.3:
                continue  # flicker
            ux, uy = MITO[i % len(MITO)]
            jx, jy = self.jitter[i]
            shake = 0 if self.reduced else 2 * math.sin(t * 23 + i)
            x, y = self.at(ux + 0.14 * jx, uy + 0.12 * jy)
            img = shapes.sprite("ros", pal["ros"], 6, i)
            blits.append((img, (x - img.get_width() / 2 + shake, y - img.get_height() / 2)))
        # ER stress: unfolded proteins wriggling out of the ER
        n = round(INSIDE_MAX["er_stress"] * min(max(v["er_stress_frac"], 0), 1))
        nx, ny, _nr = NUCLEUS
        for i in range(n):
            a = math.radians(100 + 160 * ((i * 0.618) % 1.0))
            d = 0.56 + 0.1 * ((i * 0.37) % 1.0) + (0 if self.reduced else 0.03 * math.sin(t * 1.5 + i))
            x, y = self.at(nx + d * math.cos(a), ny + d * math.sin(a))
            frame = 0 if self.reduced else int(t * 6 + i) % 6
            img = shapes.sprite("er_stress", pal["er_stress"], 7, frame)
            blits.append((img, (x - img.get_width() / 2, y - img.get_height() / 2)))
        # lipotoxic intermediates: shards around the fat droplets, tumbling
        n = round(INSIDE_MAX["lipotoxic"] * min(max(v["lipotoxic_frac"], 0), 1))
        for i in range(n):
            ux, uy = FAT[i % len(FAT)]
            a = self.phase[i] + (0 if self.reduced else t * 0.6)
            x, y = self.at(ux + 0.11 * math.cos(a), uy + 0.11 * math.sin(a))
            img = shapes.sprite("lipotoxic", pal["lipotoxic"], 4)
            blits.append((img, (x - 6, y - 6)))
        surface.fblits(blits)

    def _draw_entries(self, surface, pal) -> None:
        """Glucose entering: through a GLUT4 channel, then on to a mitochondrion or glycogen, shrinking."""
        big = shapes.sprite("glucose", pal["glucose"], 4)
        small = shapes.sprite("glucose", pal["glucose"], 3)
        R = self.R
        blits = []
        for a, p, _s, tx, ty in self.entries:
            ca, sa = math.cos(a), math.sin(a)
            if p < 0.3:
                d = (R + 30) - (p / 0.3) * 42
                x, y, img = self.cx + ca * d, self.cy + sa * d, big
            else:
                f = _ease((p - 0.3) / 0.7)
                x0, y0 = self.cx + ca * (R - 12), self.cy + sa * (R - 12)
                x1, y1 = self.at(tx, ty)
                x, y, img = x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, small
            blits.append((img, (x - img.get_width() / 2, y - img.get_height() / 2)))
        surface.fblits(blits)

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
