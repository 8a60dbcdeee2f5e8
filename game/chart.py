"""The time-series chart: blood glucose (outside) against cell energy (inside), turn by turn.

Glucose is drawn as a band (the turn's lowest to highest) around its mean; energy as a line with
square markers, on its own axis (0–100 %). Turns where glucose rose above its normal range while
the cell's energy was below its own are shaded and labelled — starving amid plenty. Normal ranges
come from the engine's variable table (``sim.state.BY_NAME``), not from the game. The chart is
drawn once per new turn into a cached surface; a frame only blits it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
import pygame

from game.i18n import _
from game.theme import dim, mix
from game.ui import blit_text
from sim.report import TurnReport
from sim.snapshot import Snapshot
from sim.state import BY_NAME

GLUCOSE_HIGH = BY_NAME["glucose_mmol_l"].normal[1]
GLUCOSE_LOW = BY_NAME["glucose_mmol_l"].normal[0]
ENERGY_LOW = BY_NAME["energy_frac"].normal[0]


@attrs.frozen
class TurnPoint:
    end_min: float
    glucose: float
    glucose_min: float
    glucose_max: float
    energy: float
    insulin: float
    receptors: float
    signaling: float

    @property
    def plenty_outside(self) -> bool:
        return self.glucose_max > GLUCOSE_HIGH

    @property
    def starving_inside(self) -> bool:
        return self.energy < ENERGY_LOW


def point_from_snapshot(s: Snapshot) -> TurnPoint:
    g = s.scalar("blood_glucose_mmol_l")
    return TurnPoint(s.time_min, g, g, g, s.scalar("cell_energy_frac"), s.scalar("insulin_uu_ml"),
                     s.scalar("receptors_frac"), s.scalar("signaling_active_frac"))


def point_from_report(r: TurnReport) -> TurnPoint:
    st, s = r.stats, r.snapshot
    return TurnPoint(r.end_min, float(st["mean_glucose_mmol_l"][0]), float(st["min_glucose_mmol_l"][0]),
                     float(st["max_glucose_mmol_l"][0]), float(st["mean_cell_energy_frac"][0]),
                     float(st["mean_insulin_uu_ml"][0]), s.scalar("receptors_frac"),
                     s.scalar("signaling_active_frac"))


class TimeChart:
    def __init__(self, rect: pygame.Rect, turns_total: int) -> None:
        self.rect = pygame.Rect(rect)
        self.turns_total = max(1, turns_total)
        self.points: list[TurnPoint] = []
        self._cache: pygame.Surface | None = None
        self._key: tuple | None = None

    def set_points(self, points: Sequence[TurnPoint]) -> None:
        self.points = list(points)

    def plot_rect(self, app) -> pygame.Rect:
        top = 30 + round(8 * min(app.fonts.scale, 1.3))
        return pygame.Rect(self.rect.x + 44, self.rect.y + top, self.rect.w - 92, self.rect.h - top - 24)

    def draw(self, surface: pygame.Surface, app, title: bool = True) -> None:
        key = (len(self.points), self.points[-1] if self.points else None, app.settings.colorblind,
               app.fonts.scale, title)
        if key != self._key or self._cache is None:
            self._cache = self._render(app, title)
            self._key = key
        surface.blit(self._cache, self.rect.topleft)

    def _render(self, app, title: bool) -> pygame.Surface:
        pal = app.pal
        s = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        pygame.draw.rect(s, pal["panel"], s.get_rect(), border_radius=10)
        pygame.draw.rect(s, pal["border"], s.get_rect(), 1, border_radius=10)
        off = pygame.Vector2(self.rect.topleft)
        pr = self.plot_rect(app).move(-off.x, -off.y)
        gmax = max(15.0, math.ceil(max((p.glucose_max for p in self.points), default=0) / 5 + 0.2) * 5)
        n = self.turns_total

        def xo(i: float) -> float:
            return pr.left + pr.w * i / n

        def yg(g: float) -> float:
            return pr.bottom - pr.h * min(g, gmax) / gmax

        def ye(e: float) -> float:
            return pr.bottom - pr.h * min(max(e, 0), 1)

        # shading: starving amid plenty
        gap_col = mix(pal["panel"], pal["danger"], 0.22)
        any_gap = False
        for i, p in enumerate(self.points[1:], start=1):
            if p.plenty_outside and p.starving_inside:
                any_gap = True
                pygame.draw.rect(s, gap_col, pygame.Rect(xo(i - 1), pr.top, max(1, xo(i) - xo(i - 1)), pr.h))
        # normal glucose band and grid
        band = pygame.Rect(pr.left, yg(GLUCOSE_HIGH), pr.w, yg(GLUCOSE_LOW) - yg(GLUCOSE_HIGH))
        pygame.draw.rect(s, mix(pal["panel"], pal["glucose"], 0.08), band)
        for g in range(0, int(gmax) + 1, 5):
            y = yg(g)
            pygame.draw.line(s, mix(pal["panel"], pal["border"], 0.6), (pr.left, y), (pr.right, y), 1)
            blit_text(s, app, f"{g}", (pr.left - 6, y), 11, pal["glucose"], anchor="midright", cap=1.3)
        for e in (0, 50, 100):
            blit_text(s, app, f"{e}%", (pr.right + 6, ye(e / 100)), 11, pal["energy"], anchor="midleft", cap=1.3)
        pygame.draw.line(s, pal["border"], (pr.left, pr.bottom), (pr.right, pr.bottom), 1)
        # glucose band + mean line
        if len(self.points) >= 2:
            hi = [(xo(i), yg(p.glucose_max)) for i, p in enumerate(self.points)]
            lo = [(xo(i), yg(p.glucose_min)) for i, p in enumerate(self.points)]
            pygame.draw.polygon(s, mix(pal["panel"], pal["glucose"], 0.3), hi + lo[::-1])
            pygame.draw.lines(s, pal["glucose"], False, [(xo(i), yg(p.glucose)) for i, p in enumerate(self.points)], 3)
            pygame.draw.lines(s, pal["energy"], False, [(xo(i), ye(p.energy)) for i, p in enumerate(self.points)], 2)
        for i, p in enumerate(self.points):
            r = pygame.Rect(0, 0, 7, 7)
            r.center = (round(xo(i)), round(ye(p.energy)))
            pygame.draw.rect(s, pal["energy"], r)
            pygame.draw.rect(s, dim(pal["energy"], 0.4), r, 1)
        if title:
            x = 12
            r = blit_text(s, app, _("Blood glucose (mmol/L)"), (x + 18, 8), 13, pal["glucose"], "semibold", cap=1.3)
            pygame.draw.line(s, pal["glucose"], (x, r.centery), (x + 12, r.centery), 3)
            x = r.right + 18
            sq = pygame.Rect(0, 0, 7, 7)
            sq.center = (x + 6, r.centery)
            pygame.draw.rect(s, pal["energy"], sq)
            r2 = blit_text(s, app, _("Cell energy (%)"), (x + 18, 8), 13, pal["energy"], "semibold", cap=1.3)
            if any_gap:
                swatch = pygame.Rect(r2.right + 16, r2.y + 2, 12, r2.h - 4)
                pygame.draw.rect(s, mix(pal["panel"], pal["danger"], 0.5), swatch)
                blit_text(s, app, _("starving amid plenty"), (swatch.right + 6, 8), 13, pal["danger"], "semibold",
                          cap=1.3, max_width=max(10, self.rect.w - swatch.right - 14))
        blit_text(s, app, _("turns"), (pr.right, pr.bottom + 4), 11, pal["text_faint"], anchor="topright", cap=1.3)
        return s
