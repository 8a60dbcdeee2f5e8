"""The pause overlay: resume, restart, settings, help, or leave the level."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.scenes import make
from game.scenes.base import Scene
from game.ui import Button, blit_text, panel


class PauseScene(Scene):
    overlay = True

    def layout(self) -> None:
        a = self.app
        x, w, h = 490, 300, 50
        y = 250

        def restart() -> None:
            a.pop()
            a.top.restart()

        def leave() -> None:
            a.pop()
            a.pop()

        self.widgets.set([
            Button((x, y, w, h), lambda: _("Resume"), a.pop, primary=True, hint="Esc"),
            Button((x, y + 60, w, h), lambda: _("Restart level"), restart),
            Button((x, y + 120, w, h), lambda: _("Settings"), lambda: a.push(make("settings", a))),
            Button((x, y + 180, w, h), lambda: _("Help and glossary"), lambda: a.push(make("help", a))),
            Button((x, y + 240, w, h), lambda: _("Leave the level"), leave,
                   tooltip=lambda: _("Leave the challenge; nothing is handed in.") if self.in_challenge
                   else _("Back to level select; this run is not saved.")),
        ])

    @property
    def in_challenge(self) -> bool:
        below = self.app.stack[-2] if len(self.app.stack) > 1 else None
        return getattr(below, "flow", None) is not None

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_p:
            self.app.pop()
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        pal = self.app.pal
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((*pal["bg"], 200))
        surface.blit(shade, (0, 0))
        box = pygame.Rect(460, 160, 360, 400)
        panel(surface, box, pal["panel"], pal["border"], radius=14)
        blit_text(surface, self.app, _("Paused"), (box.centerx, box.y + 40), 30, pal["text"], "bold", anchor="center", cap=1.4)
        self.widgets.draw(surface, self.app)
