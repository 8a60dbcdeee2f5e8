"""Gauges beside the cell: blood glucose and cell energy with units, and the cell's other parts.

Scales and marks come from the engine: normal ranges from ``sim.state.BY_NAME``, the starving and
hyperglycaemia thresholds from ``sim.snapshot``. ``FACTORS`` lists the rows of the panel with the
glyph that also marks each factor inside the cell.
"""

from __future__ import annotations

from collections.abc import Mapping

import pygame

from game import shapes
from game.i18n import N_, _
from game.theme import mix
from game.ui import blit_text, panel, readable
from sim.snapshot import HYPERGLYCAEMIA_MMOL_L, STARVING_ENERGY_FRAC
from sim.state import BY_NAME

GLUCOSE_SCALE_MAX = 20.0
# receptors_frac is derived (surface receptors / a healthy cell's), so it has no row in BY_NAME;
# the surface total's normal range is the sum of the free and bound ranges' lower ends.
RECEPTORS_NORMAL = (BY_NAME["receptor_free_rel"].normal[0] + BY_NAME["receptor_bound_rel"].normal[0], float("inf"))

# (snapshot key, label, glyph, colour role, higher is worse, tooltip). First the parts of the cell
# that insulin's message passes through, then the article's five compounding stressors as five.
CELL_PARTS: tuple[tuple[str, str, str, str, bool, str], ...] = (
    ("receptors_frac", N_("Receptors"), "receptor", "receptor", False,
     N_("Insulin receptors on the surface, as a share of a healthy cell's. Fewer or less sensitive "
        "receptors mean the 'lock' is less receptive to the 'key'.")),
    ("signaling_proteins_frac", N_("Signaling proteins"), "signal", "signal", False,
     N_("Intact proteins of the signaling cascade that passes insulin's message on. Oxidative stress damages them.")),
    ("glut4_membrane_frac", N_("GLUT4 at membrane"), "glut4", "glut4", False,
     N_("Share of GLUT4 transporters at the cell membrane, where they let glucose in.")),
    ("glycogen_frac", N_("Glycogen"), "glucose", "glucose", False,
     N_("Glucose stored as glycogen for later use, as a share of what the cell can hold.")),
)
# mito_dysfunction_frac is 1 − mito_health_frac (the state's own definition), added by ``values``.
STRESSORS: tuple[tuple[str, str, str, str, bool, str], ...] = (
    ("inflammation_frac", N_("Inflammation"), "inflammation", "inflammation", True,
     N_("Inflammatory signaling: cytokines interfere with insulin receptors and the pathway. Shown as spiky balls that throb.")),
    ("oxidative_stress_frac", N_("Oxidative stress"), "ros", "ros", True,
     N_("Reactive oxygen species: unstable molecules that damage receptors and signaling proteins. Shown as flickering sparks.")),
    ("mito_dysfunction_frac", N_("Mito dysfunction"), "mito", "mito", True,
     N_("Share of the cell's mitochondria, its powerhouses, not working. Failing mitochondria make less ATP "
        "and leak oxidative stress.")),
    ("lipotoxic_frac", N_("Lipotoxicity"), "lipotoxic", "lipotoxic", True,
     N_("Fat spilling into harmful intermediates that interfere with the insulin pathway. Shown as sharp shards.")),
    ("er_stress_frac", N_("ER stress"), "er_stress", "er_stress", True,
     N_("The endoplasmic reticulum is overwhelmed and its stress response interferes with signaling. Shown as wriggling strands.")),
)
MITO_NORMAL = (0.0, 1.0 - BY_NAME["mito_health_frac"].normal[0])


def values(v: Mapping[str, float]) -> dict[str, float]:
    """The snapshot's values plus the ones the rows show derived: mitochondrial dysfunction."""
    out = dict(v)
    out["mito_dysfunction_frac"] = 1.0 - v["mito_health_frac"]
    return out


def _frac(v: float) -> float:
    return min(max(v, 0.0), 1.0)


class Gauges:
    """The left column: two vertical gauges and a list of factor rows."""

    def __init__(self, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)
        self.tips: list[tuple[pygame.Rect, str]] = []
        self.dropped = 0  # rows the last frame had no room for (the text-fit test reads it)

    def draw(self, surface: pygame.Surface, app, v: Mapping[str, float]) -> None:
        pal = app.pal
        panel(surface, self.rect, pal["panel"], pal["border"])
        self.tips = []
        x0, y0 = self.rect.x + 14, self.rect.y + 12
        gw = (self.rect.w - 42) // 2
        gh = 104
        g = v["blood_glucose_mmol_l"]
        lo, hi = BY_NAME["glucose_mmol_l"].normal
        r1 = pygame.Rect(x0, y0, gw, gh + 58)
        low1 = self._vertical(surface, app, r1, _("Blood glucose"), f"{g:.1f}", _("mmol/L"), g / GLUCOSE_SCALE_MAX,
                       pal["glucose"], "glucose", band=(lo / GLUCOSE_SCALE_MAX, hi / GLUCOSE_SCALE_MAX),
                       mark=HYPERGLYCAEMIA_MMOL_L / GLUCOSE_SCALE_MAX, warn=g >= HYPERGLYCAEMIA_MMOL_L)
        self.tips.append((r1, _("Blood glucose: the sugar waiting outside the cell, in mmol/L. Shaded: the "
                                "normal range ({lo:.1f}–{hi:.1f}). Line: {hyper:.1f}, high blood sugar.")
                          .format(lo=lo, hi=hi, hyper=HYPERGLYCAEMIA_MMOL_L)))
        e = v["energy_frac"]
        r2 = pygame.Rect(x0 + gw + 14, y0, gw, gh + 58)
        low2 = self._vertical(surface, app, r2, _("Cell energy"), f"{100 * _frac(e):.0f}", "%", e, pal["energy"], "energy",
                       band=(BY_NAME["energy_frac"].normal[0], 1.0), mark=STARVING_ENERGY_FRAC,
                       warn=e < STARVING_ENERGY_FRAC)
        self.tips.append((r2, _("Cell energy: how much of its work the cell's fuel pays for; short of fuel it "
                                "keeps its ATP by doing less (repair, building, reserve). Below the line "
                                "({pct:.0f} %) the cell is starving.").format(pct=100 * STARVING_ENERGY_FRAC)))
        # insulin, and the pancreas that makes it (the last turn's mean secretion, from the engine)
        y = max(r1.bottom, low1, low2) + 8  # below the gauges' units, which grow with the text size
        ins = v["insulin_uu_ml"]
        shapes.icon(surface, "insulin", pal["insulin"], (x0 + 8, y + 10), 8)
        blit_text(surface, app, _("Insulin"), (x0 + 24, y + 10), 14, pal["text_dim"], anchor="midleft", cap=1.25)
        blit_text(surface, app, f"{ins:.0f} " + _("µU/mL"), (self.rect.right - 14, y + 10), 14, pal["insulin"],
                  "semibold", anchor="midright", cap=1.25)
        self.tips.append((pygame.Rect(x0, y, self.rect.w - 28, 20),
                          _("Blood insulin, the key that unlocks the cell. The pancreas makes more when glucose stays high.")))
        y += 22
        beta = v["beta_cell_mass_rel"]
        made = v.get("secretion_uu_ml_min")
        name = blit_text(surface, app, _("Pancreas"), (x0 + 24, y + 9), 13, pal["text_dim"], anchor="midleft",
                         cap=1.25)
        room = self.rect.right - 14 - name.right - 8
        shown = "—" if made is None else _("makes {rate:.1f} µU/mL/min").format(rate=made)
        if made is not None and not readable(app, shown, 13, cap=1.25, max_width=room):
            shown = f"{made:.1f} µU/mL/min"  # the verb gives way before the number shrinks (the tip has it)
        blit_text(surface, app, shown, (self.rect.right - 14, y + 9), 13, pal["insulin"], anchor="midright",
                  cap=1.25, max_width=room)
        self.tips.append((pygame.Rect(x0, y, self.rect.w - 28, 18), _(
            "The pancreas: its β-cells made {rate} µU/mL of blood insulin per minute on average last turn. "
            "Their capacity is {beta:.1f}× a healthy person's: it grows while glucose runs high (the pancreas "
            "compensates) and is lost when glucose or fatty acids stay toxic.").format(
                rate="—" if made is None else f"{made:.2f}", beta=beta)))
        y += 24
        pygame.draw.line(surface, pal["border"], (x0, y), (self.rect.right - 14, y))
        y += 6
        # rows share what room is left: at large text they close up rather than drop off the panel
        n_rows = len(CELL_PARTS) + 1 + len(STRESSORS)
        row_h = max(17, min(round(20 * min(app.fonts.scale, 1.25)), (self.rect.bottom - 4 - y) // n_rows))
        self.dropped = 0
        for group, rows in ((None, CELL_PARTS), (_("Five stressors"), STRESSORS)):
            if group:
                if y + row_h > self.rect.bottom - 4:
                    self.dropped += len(rows)
                    break
                blit_text(surface, app, group, (x0, y + row_h // 2), 12, pal["accent"], "bold", anchor="midleft",
                          cap=1.25)
                self.tips.append((pygame.Rect(x0, y, self.rect.w - 28, row_h), _(
                    "The five compounding stressors of insulin resistance: each one makes the others worse.")))
                y += row_h
            for key, label, glyph, role, worse_high, tip in rows:
                if y + row_h > self.rect.bottom - 4:
                    self.dropped += 1
                    continue
                val = _frac(v[key])
                lo, hi = BY_NAME[key].normal if key in BY_NAME else \
                    MITO_NORMAL if key == "mito_dysfunction_frac" else RECEPTORS_NORMAL
                bad = v[key] > hi if worse_high else v[key] < lo
                self._row(surface, app, pygame.Rect(x0, y, self.rect.w - 28, row_h), _(label), glyph, pal[role],
                          val, bad)
                self.tips.append((pygame.Rect(x0, y, self.rect.w - 28, row_h), _(tip)))
                y += row_h

    def _vertical(self, surface, app, r: pygame.Rect, title: str, value: str, unit: str, frac: float, colour,
                  glyph: str, band: tuple[float, float], mark: float, warn: bool) -> int:
        """Draw one vertical gauge; returns where its lowest text ends."""
        pal = app.pal
        blit_text(surface, app, title, (r.centerx, r.y), 13, pal["text_dim"], "semibold", anchor="midtop",
                  cap=1.2, max_width=r.w)
        bar = pygame.Rect(0, 0, 30, r.h - 70)
        bar.midtop = (r.centerx, r.y + 22)
        pygame.draw.rect(surface, pal["bg2"], bar, border_radius=6)
        b0, b1 = _frac(band[0]), _frac(band[1])
        pygame.draw.rect(surface, mix(pal["bg2"], colour, 0.32),
                         pygame.Rect(bar.x, bar.bottom - bar.h * b1, bar.w, bar.h * (b1 - b0)))
        fill_h = round(bar.h * _frac(frac))
        if fill_h:
            pygame.draw.rect(surface, colour, pygame.Rect(bar.x, bar.bottom - fill_h, bar.w, fill_h), border_radius=6)
        my = bar.bottom - bar.h * _frac(mark)
        pygame.draw.line(surface, pal["danger"], (bar.x - 6, my), (bar.right + 6, my), 2)
        pygame.draw.rect(surface, pal["border"], bar, 1, border_radius=6)
        shapes.icon(surface, glyph, colour, (bar.x - 16, bar.y + 10), 7)
        vcol = pal["danger"] if warn else pal["text"]
        vr = blit_text(surface, app, value, (r.centerx, bar.bottom + 6), 24, vcol, "bold", anchor="midtop", cap=1.2)
        bottom = blit_text(surface, app, unit, (r.centerx, vr.bottom), 12, pal["text_dim"], anchor="midtop",
                           cap=1.2).bottom
        if warn:  # not colour alone: a warning triangle too
            tx, ty = bar.right + 12, bar.y + 6
            pygame.draw.polygon(surface, pal["danger"], [(tx, ty - 7), (tx - 7, ty + 6), (tx + 7, ty + 6)])
            blit_text(surface, app, "!", (tx, ty + 1), 11, pal["bg"], "bold", anchor="center", cap=1.0)
        return bottom


    def _row(self, surface, app, r: pygame.Rect, label: str, glyph: str, colour, val: float, bad: bool) -> None:
        pal = app.pal
        shapes.icon(surface, glyph, colour, (r.x + 8, r.centery), 7)
        bar_w = 40
        blit_text(surface, app, label, (r.x + 22, r.centery), 13, pal["text"], anchor="midleft", cap=1.25,
                  max_width=r.w - bar_w - 66)
        blit_text(surface, app, f"{100 * val:.0f}%", (r.right, r.centery), 13,
                  pal["warn"] if bad else pal["text_dim"], "semibold", anchor="midright", cap=1.25)
        bar = pygame.Rect(r.right - bar_w - 42, r.centery - 4, bar_w, 8)
        pygame.draw.rect(surface, pal["bg2"], bar, border_radius=4)
        w = round(bar.w * val)
        if w:
            pygame.draw.rect(surface, colour if not bad else mix(colour, pal["warn"], 0.3),
                             pygame.Rect(bar.x, bar.y, w, bar.h), border_radius=4)


    def tip_at(self, pos) -> str | None:
        for r, t in self.tips:
            if r.collidepoint(pos):
                return t
        return None
