"""The briefing: what the level teaches (from the level file), its goals and the actions on offer."""

from __future__ import annotations

import re

import pygame

from game import campaign, shapes
from game.i18n import _
from game.scenes import make
from game.scenes.base import Scene
from game.i18n import N_
from game.ui import Button, blit_text, panel

LEGEND = (("glucose", "glucose", N_("Glucose (blood sugar)")), ("insulin", "insulin", N_("Insulin, the key")),
          ("receptor", "receptor", N_("Insulin receptor, the lock")), ("glut4", "glut4", N_("GLUT4 channel")),
          ("mito", "mito", N_("Mitochondrion")), ("fat", "fat", N_("Fat droplet")),
          ("inflammation", "inflammation", N_("Inflammation")), ("ros", "ros", N_("Oxidative stress (ROS)")),
          ("er_stress", "er_stress", N_("ER stress")), ("lipotoxic", "lipotoxic", N_("Lipotoxic fat")))


def paragraphs(text: str) -> str:
    """Level files wrap lines by hand: single newlines join, blank lines separate paragraphs."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text.strip())
from game.words import cell_type_name


class BriefingScene(Scene):
    def __init__(self, app, levels: list[campaign.LevelInfo], index: int) -> None:
        super().__init__(app)
        self.levels, self.index = levels, index
        self.info = levels[index]

    def start(self) -> None:
        self.app.replace(make("play", self.app, levels=self.levels, index=self.index))

    def layout(self) -> None:
        self.widgets.set([
            Button((940, 620, 280, 56), lambda: _("Start"), self.start, primary=True, hint="Enter",
                   tooltip=lambda: _("Begin the level.")),
            Button((640, 620, 280, 56), lambda: _("Back"), self.back, hint="Esc"),
        ], focus=0)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        a, pal, info = self.app, self.app.pal, self.info
        sub = _("Level {n} · {turns} turns of {minutes:.0f} minutes · a {cell} cell").format(
            n=self.index + 1, turns=info.turns, minutes=info.turn_min, cell=cell_type_name(info.cell_type))
        y = self.heading(surface, info.title, sub)
        text = a.labels.block(paragraphs(info.briefing), 18, pal["text"], 640, cap=2.0, spacing=1.45)
        surface.blit(text, (60, y + 8), pygame.Rect(0, 0, 640, 600 - y))
        ly = y + 8 + text.get_height() + 28
        rows = (len(LEGEND) + 1) // 2
        row_h = round(30 * min(a.fonts.scale, 1.3))
        if ly + 34 + rows * row_h < 600:
            blit_text(surface, a, _("What you will see"), (60, ly), 16, pal["accent"], "bold", cap=1.4)
            ly += round(30 * min(a.fonts.scale, 1.4))
            for i, (glyph, role, words) in enumerate(LEGEND):
                col, row = divmod(i, rows)
                x, yy = 60 + col * 330, ly + row * row_h
                shapes.icon(surface, glyph, pal[role], (x + 12, yy + row_h // 2 - 2), 9)
                blit_text(surface, a, _(words), (x + 34, yy + row_h // 2 - 2), 15, pal["text_dim"], anchor="midleft",
                          cap=1.3, max_width=290)
        # goals and actions on the right
        r = pygame.Rect(740, y + 4, 480, 600 - y - 12)
        panel(surface, r, pal["panel"], pal["border"])
        yy = r.y + 14
        blit_text(surface, a, _("Goals"), (r.x + 18, yy), 18, pal["accent"], "bold", cap=1.6)
        yy += round(30 * min(a.fonts.scale, 1.6))
        if not info.goals:
            img = a.labels.block(_("None: watch, try things, and learn how the cell responds."), 15, pal["text_dim"], r.w - 40)
            surface.blit(img, (r.x + 20, yy))
            yy += img.get_height() + 8
        for g in info.goals:
            pygame.draw.circle(surface, pal["accent"], (r.x + 24, yy + 10), 4)
            img = a.labels.block(g.text, 15, pal["text"], r.w - 60, cap=1.8)
            surface.blit(img, (r.x + 38, yy))
            yy += img.get_height() + 8
        yy += 8
        blit_text(surface, a, _("What you can do"), (r.x + 18, yy), 18, pal["accent"], "bold", cap=1.6)
        yy += round(30 * min(a.fonts.scale, 1.6))
        for c in info.actions:
            if yy > r.bottom - 26:
                break
            key = f"[{c.hotkey}]" if c.hotkey else ""
            blit_text(surface, a, key, (r.x + 20, yy), 14, pal["text_dim"], "semibold", cap=1.6)
            blit_text(surface, a, _(c.title), (r.x + 64, yy), 15, pal["text"], cap=1.6, max_width=r.w - 170)
            blit_text(surface, a, _("cost {cost:g}").format(cost=c.cost), (r.right - 18, yy), 14, pal["text_dim"],
                      anchor="topright", cap=1.6)
            yy += round(24 * min(a.fonts.scale, 1.6))
        self.widgets.draw(surface, a)
        self.hints(surface, [_("Enter start"), _("Esc back")])
