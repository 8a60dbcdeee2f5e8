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
    topic = 0  # the topic shown: another one starts scrolled to its top
    def layout(self) -> None:
        rows = [(_("How to play"), "energy", None)] + [(_(t), g, d) for t, g, d in GLOSSARY]
        # every topic stays on screen: at large text the rows give up height before any is left out
        lh = min(round(34 * min(self.app.fonts.scale, 1.4)), (690 - 130) // len(rows))
        items = []
        y = 130
        for i, (title, _g, _d) in enumerate(rows):
            items.append(Button((40, y, 340, lh - 4), title, (lambda i=i: self._pick(i)), size=15))
            y += lh
        self.rows = rows
        self.widgets.set(items)

    def _pick(self, i: int) -> None:
        self.widgets.focus = i

    def handle(self, event: pygame.event.Event) -> None:
        if not self.scrolled(event):  # a long topic at large text scrolls in its box
            super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        a, pal = self.app, self.app.pal
        r = blit_text(surface, a, _("Help and glossary"), (40, 36), 34, pal["text"], "bold", cap=1.4)
        blit_text(surface, a, _("In the words of the article"), (42, max(86, r.bottom + 4)), 16, pal["text_dim"],
                  cap=1.4)
        self.widgets.draw(surface, a)
        i = self.widgets.focus
        if i != self.topic:  # another topic starts at its top
            self.topic, self.scroll = i, 0
        title, glyph, definition = self.rows[i]
        box = pygame.Rect(410, 130, 830, 540)
        panel(surface, box, pal["panel"], pal["border"])
        shapes.icon(surface, glyph, pal[GLYPH_COLOUR[glyph]], (box.x + 44, box.y + 46), 18)
        blit_text(surface, a, title, (box.x + 80, box.y + 46), 26, pal["text"], "bold", anchor="midleft", cap=1.4,
                  max_width=box.w - 100)
        body = _(definition) if definition else self._how_to_play()
        img = a.labels.block(body, 18, pal["text"], box.w - 60, cap=2.0, spacing=1.45)
        view_h = box.h - 110
        if img.get_height() > view_h:  # room under the text for the "more" line, and no line cut in half
            view_h -= round(20 * min(a.fonts.scale, 1.3))
            view_h -= view_h % a.labels.line_height(18, cap=2.0, spacing=1.45)
        self.scroll = min(self.scroll, max(0, img.get_height() - view_h))
        surface.blit(img, (box.x + 30, box.y + 96), pygame.Rect(0, self.scroll, img.get_width(), view_h))
        self.dropped = max(0, img.get_height() - view_h - self.scroll)
        self.more(surface, (box.right - 20, box.y + 96 + view_h + 2), box.w - 40)
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
