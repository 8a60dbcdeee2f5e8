"""Help and glossary: how to play, and the article's words explained, each with its glyph."""

from __future__ import annotations

import pygame

from game import shapes
from game.i18n import _
from game.scenes.base import Scene
from game.ui import Button, blit_text, panel
from game.words import GLOSSARY

GLYPH_COLOUR = {"insulin": "insulin", "receptor": "receptor", "signal": "signal", "glut4": "glut4", "glucose": "glucose",
                "energy": "energy", "inflammation": "inflammation", "ros": "ros", "mito": "mito",
                "lipotoxic": "lipotoxic", "er_stress": "er_stress"}


class HelpScene(Scene):
    def layout(self) -> None:
        rows = [(_("How to play"), "energy", None)] + [(_(t), g, d) for t, g, d in GLOSSARY]
        lh = round(34 * min(self.app.fonts.scale, 1.4))
        items = []
        y = 130
        for i, (title, _g, _d) in enumerate(rows):
            if y + lh > 690:
                break
            items.append(Button((40, y, 340, lh - 4), title, (lambda i=i: self._pick(i)), size=15))
            y += lh
        self.rows = rows
        self.widgets.set(items)

    def _pick(self, i: int) -> None:
        self.widgets.focus = i

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        a, pal = self.app, self.app.pal
        blit_text(surface, a, _("Help and glossary"), (40, 36), 34, pal["text"], "bold", cap=1.4)
        blit_text(surface, a, _("In the words of the article"), (42, 86), 16, pal["text_dim"], cap=1.4)
        self.widgets.draw(surface, a)
        i = self.widgets.focus
        title, glyph, definition = self.rows[i]
        box = pygame.Rect(410, 130, 830, 540)
        panel(surface, box, pal["panel"], pal["border"])
        shapes.icon(surface, glyph, pal[GLYPH_COLOUR[glyph]], (box.x + 44, box.y + 46), 18)
        blit_text(surface, a, title, (box.x + 80, box.y + 46), 26, pal["text"], "bold", anchor="midleft", cap=1.4,
                  max_width=box.w - 100)
        body = _(definition) if definition else self._how_to_play()
        img = a.labels.block(body, 18, pal["text"], box.w - 60, cap=2.0, spacing=1.45)
        surface.blit(img, (box.x + 30, box.y + 96), pygame.Rect(0, 0, img.get_width(), box.h - 110))
        self.hints(surface, [_("↑↓ choose"), _("Esc back")])

    @staticmethod
    def _how_to_play() -> str:
        return _(
            "Each turn, pick actions with their hotkeys or by clicking the cards, then end the turn with Space. "
            "The engine runs the cell forward and the picture moves to the new state.\n\n"
            "Outside the cell (dark red) is the blood: hexagons are glucose, keys are insulin. On the membrane, "
            "Y shapes are insulin receptors and paired bars are GLUT4 channels; glucose enters through them. "
            "Inside: mitochondria (orange ovals), fat droplets (yellow), the ER (curved lines around the nucleus).\n\n"
            "Watch the two gauges: blood glucose outside and cell energy inside. When sugar piles up outside "
            "while energy falls inside, the cell is starving amid plenty.\n\n"
            "Keys: Space end turn · H help · Esc pause or back · F11 fullscreen · Tab and arrows move · Enter choose. "
            "Hover over anything for a tooltip.")
