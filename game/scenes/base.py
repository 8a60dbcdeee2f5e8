"""The scene lifecycle: ``enter``, ``handle(event)``, ``update(dt)``, ``draw(surface)``, ``exit``.

``layout()`` builds widgets for the current text size and is called again when settings change;
``resume()`` runs when the scene above is popped. Esc always goes back (``back()``), and the
``Widgets`` group gives keyboard and mouse the same buttons.
"""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui import Widgets, blit_text, hint_bar

_BACKDROPS: dict[tuple, pygame.Surface] = {}


class Scene:
    overlay = False
    scroll = 0  # pixels of a tall text scrolled past, in scenes whose text scrolls
    dropped = 0  # pixels of it still below its box (the text-fit test reads it)

    def __init__(self, app) -> None:
        self.app = app
        self.widgets = Widgets()
        self.tips: list[tuple[pygame.Rect, str]] = []

    # lifecycle
    def enter(self) -> None:
        self.layout()

    def exit(self) -> None:
        pass

    def resume(self) -> None:
        self.layout()

    def layout(self) -> None:
        pass

    def handle(self, event: pygame.event.Event) -> None:
        if self.widgets.handle(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back()

    def back(self) -> None:
        self.app.pop()

    def scrolled(self, event: pygame.event.Event) -> bool:
        """PgUp/PgDn or the mouse wheel scroll a tall text by 120 px (down only while some of it is
        still below its box); True when the event was one of them."""
        step = 0
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            step = 1 if event.key == pygame.K_PAGEDOWN else -1
        elif event.type == pygame.MOUSEWHEEL:
            step = -1 if event.y > 0 else 1
        if step:
            self.scroll = max(0, self.scroll + 120 * step) if step < 0 or self.dropped else self.scroll
        return bool(step)

    def more(self, surface: pygame.Surface, topright: tuple[int, int], width: int) -> None:
        """"▲ more above ▼ more below · PgUp/PgDn" while the scrolled text runs past its box."""
        if self.scroll or self.dropped:
            words = (_("▲ more above") + "   " if self.scroll else "") + (_("▼ more below") if self.dropped else "")
            blit_text(surface, self.app, words + "  ·  " + _("PgUp/PgDn"), topright, 12, self.app.pal["accent"],
                      "semibold", anchor="topright", cap=1.3, max_width=width)

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def on_focus_lost(self) -> None:
        pass

    def tip_at(self, pos) -> str | None:
        t = self.widgets.tip_at(pos)
        if t:
            return t
        for r, text in self.tips:
            if r.collidepoint(pos):
                return text
        return None

    # shared drawing
    def background(self, surface: pygame.Surface) -> None:
        pal = self.app.pal
        key = (pal["bg"], pal["bg2"], surface.get_size())
        img = _BACKDROPS.get(key)
        if img is None:
            img = pygame.Surface(surface.get_size())
            h = surface.get_height()
            for i in range(0, h, 4):  # a soft vertical gradient, drawn once
                c = tuple(round(a + (b - a) * i / h) for a, b in zip(pal["bg"], pal["bg2"], strict=True))
                pygame.draw.rect(img, c, pygame.Rect(0, i, surface.get_width(), 4))
            _BACKDROPS.clear()
            _BACKDROPS[key] = img
        surface.blit(img, (0, 0))

    def heading(self, surface: pygame.Surface, title: str, subtitle: str | None = None) -> int:
        pal = self.app.pal
        r = blit_text(surface, self.app, title, (60, 36), 34, pal["text"], "bold", cap=1.5)
        y = r.bottom + 4
        if subtitle:
            r2 = blit_text(surface, self.app, subtitle, (62, y), 16, pal["text_dim"], cap=1.5,
                           max_width=surface.get_width() - 120)
            y = r2.bottom
        pygame.draw.line(surface, pal["border"], (60, y + 12), (surface.get_width() - 60, y + 12), 1)
        return y + 24

    def hints(self, surface: pygame.Surface, parts: list[str]) -> None:
        hint_bar(surface, self.app, parts)
