"""The time-series chart: blood glucose (outside) against cell energy (inside), turn by turn.

Glucose is drawn as a band (the turn's lowest to highest) around its mean; energy as a line with
square markers, on its own axis (0–100 %). A turn is shaded — starving amid plenty — exactly when
the engine's report flags it (``starving_amid_plenty``: glucose peaked at or above the
hyperglycaemia line while the cell's energy fell below the starving line), the same flag the play
screen's banner announces; both lines are drawn, and so is every goal bound on glucose or energy
(``Threshold``). The normal glucose band comes from the engine's variable table
(``sim.state.BY_NAME``). The chart is drawn once per new turn into a cached surface.
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
from sim.snapshot import HYPERGLYCAEMIA_MMOL_L, STARVING_ENERGY_FRAC, Snapshot
from sim.state import BY_NAME

GLUCOSE_HIGH = BY_NAME["glucose_mmol_l"].normal[1]
GLUCOSE_LOW = BY_NAME["glucose_mmol_l"].normal[0]


@attrs.frozen
class Threshold:
    """A horizontal line: ``axis`` "glucose" (mmol/L) or "energy" (0–1), and its words."""

    axis: str
    value: float
    label: str
    goal: bool = True  # a goal's bound (solid label) rather than an indicator's line


def goal_thresholds(goals) -> list[Threshold]:
    """The bounds of a level's goals that the chart's two axes can show."""
    out = []
    for g in goals:
        axis = "glucose" if g.quantity.startswith("glucose") else "energy" if g.quantity.startswith("energy") else None
        for bound in (g.above, g.below):
            if axis and bound is not None:
                shown = f"{bound:.1f}" if axis == "glucose" else f"{100 * bound:.0f}%"
                out.append(Threshold(axis, float(bound), _("goal {value}").format(value=shown)))
    return out


INDICATOR_LINES = (Threshold("glucose", HYPERGLYCAEMIA_MMOL_L, "", goal=False),
                   Threshold("energy", STARVING_ENERGY_FRAC, "", goal=False))


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
    starving_amid_plenty: bool = False  # the engine's flag for the turn (never set on a snapshot)


def point_from_snapshot(s: Snapshot) -> TurnPoint:
    g = s.scalar("blood_glucose_mmol_l")
    return TurnPoint(s.time_min, g, g, g, s.scalar("cell_energy_frac"), s.scalar("insulin_uu_ml"),
                     s.scalar("receptors_frac"), s.scalar("signaling_active_frac"))


def point_from_report(r: TurnReport) -> TurnPoint:
    st, s = r.stats, r.snapshot
    return TurnPoint(r.end_min, float(st["mean_glucose_mmol_l"][0]), float(st["min_glucose_mmol_l"][0]),
                     float(st["max_glucose_mmol_l"][0]), float(st["mean_cell_energy_frac"][0]),
                     float(st["mean_insulin_uu_ml"][0]), s.scalar("receptors_frac"),
                     s.scalar("signaling_active_frac"), r.indicator("starving_amid_plenty"))


class TimeChart:
    def __init__(self, rect: pygame.Rect, turns_total: int) -> None:
        self.rect = pygame.Rect(rect)
        self.turns_total = max(1, turns_total)
        self.points: list[TurnPoint] = []
        self._cache: pygame.Surface | None = None
        self._key: tuple | None = None
        self.thresholds: tuple[Threshold, ...] = INDICATOR_LINES

    def set_thresholds(self, goal_lines: Sequence[Threshold]) -> None:
        self.thresholds = INDICATOR_LINES + tuple(goal_lines)
        self._key = None

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
            if p.starving_amid_plenty:
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
        labelled: list[pygame.Rect] = []
        for t in self.thresholds:
            y = yg(t.value) if t.axis == "glucose" else ye(t.value)
            col = pal["glucose"] if t.axis == "glucose" else pal["energy"]
            _dashed(s, col if t.goal else mix(pal["panel"], col, 0.55), pr.left, pr.right, round(y),
                    dash=8 if t.goal else 3)
            if t.label:  # a label that would overlap one already drawn is left to the tooltip
                img = app.labels.get(t.label, 10, col, "semibold", 1.2)
                box = img.get_rect(bottomleft=(pr.left + 4, y - 1)) if t.axis == "glucose" else \
                    img.get_rect(bottomright=(pr.right - 4, y - 1))
                if box.collidelist(labelled) < 0:
                    pygame.draw.rect(s, pal["panel"], box.inflate(4, 0))
                    s.blit(img, box)
                    labelled.append(box)
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
            if any_gap:  # beside the other two if it fits, else on the bottom row, left of "turns"
                words = app.labels.get(_("starving amid plenty"), 13, pal["danger"], "semibold", 1.3)
                x, y = r2.right + 16, 8
                if x + 18 + words.get_width() > self.rect.w - 14:
                    x, y = pr.left, pr.bottom + 4
                swatch = pygame.Rect(x, y + 2, 12, words.get_height() - 4)
                pygame.draw.rect(s, mix(pal["panel"], pal["danger"], 0.5), swatch)
                s.blit(words, (swatch.right + 6, y))
        blit_text(s, app, _("turns"), (pr.right, pr.bottom + 4), 11, pal["text_faint"], anchor="topright", cap=1.3)
        return s


def _dashed(s: pygame.Surface, col, x0: float, x1: float, y: int, dash: int) -> None:
    x = x0
    while x < x1:
        pygame.draw.line(s, col, (x, y), (min(x + dash, x1), y), 1)
        x += 2 * dash
