"""Drawing the cell: the static background (cached per look), glucose and insulin outside, the
organelles and the compounding factors inside, the membrane with receptors and GLUT4, and glucose
entering. A mixin of ``CellView``, which owns the state these methods read.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pygame

from game import shapes
from game.cell_layout import (
    BOUND_DISPLAY_GAIN,
    FAT,
    GLYCOGEN,
    INSIDE_MAX,
    MITO,
    NUCLEUS,
    ease,
    starving_look,
)
from game.theme import dim, mix


class CellDrawing:
    """Painter half of ``CellView`` (see ``game.cell``)."""

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
                f = ease((p - 0.3) / 0.7)
                x0, y0 = self.cx + ca * (R - 12), self.cy + sa * (R - 12)
                x1, y1 = self.at(tx, ty)
                x, y, img = x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, small
            blits.append((img, (x - img.get_width() / 2, y - img.get_height() / 2)))
        surface.fblits(blits)
