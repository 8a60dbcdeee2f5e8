"""The title screen: the game's name, a living cell, and the main menu."""

from __future__ import annotations

import pygame

from game.cell import CellView
from game.i18n import _
from game.scenes import make
from game.scenes.base import Scene
from game.ui import Button, blit_text
from sim.engine import Simulation


class TitleScene(Scene):
    def __init__(self, app) -> None:
        super().__init__(app)
        self.cell = CellView(pygame.Rect(700, 90, 520, 520), seed=3)
        sim = Simulation.from_preset("healthy")
        snap = sim.snapshot()
        values = dict(snap.values)
        values = {k: float(v[0]) for k, v in values.items()}
        # a moment after a meal, so the picture shows insulin at work
        values["blood_glucose_mmol_l"] = max(values["blood_glucose_mmol_l"], 7.0)
        self.cell.set_state(values, uptake=4.0, instant=True)

    def _tagline(self) -> pygame.Surface:
        # wrapped, not shrunk: at 200 % text the Spanish line is a third wider than the room
        return self.app.labels.block(_("How a cell starves while sugar piles up outside it"), 20,
                                     self.app.pal["glucose"], 600, "semibold", cap=1.4, spacing=1.2)

    def layout(self) -> None:
        a = self.app
        w, h = 360, 54
        # the buttons start below the title's words, which grow with the text size
        words = 110 + a.fonts.get(64, "bold", 1.3).get_height() + 6 + self._tagline().get_height() + 10 + \
            a.fonts.get(16, "regular", 1.4).get_height()
        x, y = 80, max(320, words + 14)
        items = [
            Button((x, y, w, h), lambda: _("Play the campaign"), lambda: a.push(make("levels", a)), primary=True,
                   tooltip=lambda: _("Choose a level: each one teaches one idea from the article.")),
            Button((x, y + 62, w, h), lambda: _("Open a challenge"), lambda: a.push(make("challenges", a)),
                   tooltip=lambda: _("A challenge file from your teacher: predict, play, reflect, hand in.")),
            Button((x, y + 124, w, h), lambda: _("Settings"), lambda: a.push(make("settings", a)),
                   tooltip=lambda: _("Volume, text size, colour-blind-safe palette, reduced motion, fullscreen.")),
            Button((x, y + 186, w, h), lambda: _("Help and glossary"), lambda: a.push(make("help", a)),
                   tooltip=lambda: _("How to play, and the words of the article explained.")),
            Button((x, y + 248, w, h), lambda: _("Quit"), a.quit),
        ]
        self.widgets.set(items)

    def back(self) -> None:
        self.app.quit()

    def resume(self) -> None:
        self.app.unlock_settings()  # back from a challenge: the player's own settings again
        super().resume()

    def update(self, dt: float) -> None:
        self.cell.update(dt, self.app.settings.reduced_motion)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        pal = self.app.pal
        self.cell.draw(surface, pal)
        r = blit_text(surface, self.app, _("Amid Plenty"), (78, 110), 64, pal["text"], "bold", cap=1.3)
        r = surface.blit(self._tagline(), (82, r.bottom + 6))
        blit_text(surface, self.app, _("A game about insulin resistance"), (82, r.bottom + 10), 16,
                  pal["text_dim"], cap=1.4, max_width=600)
        self.widgets.draw(surface, self.app)
        self.hints(surface, [_("↑↓ move"), _("Enter choose"), _("F11 fullscreen"), _("Esc quit")])
