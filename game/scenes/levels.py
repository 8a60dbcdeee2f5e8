"""Level select: the campaign as cards with stars and locks (a level opens when the one before is won)."""

from __future__ import annotations

import pygame

from game import campaign, shapes
from game.i18n import _
from game.scenes import make
from game.scenes.base import Scene
from game.ui import Button, blit_text, panel
from game.words import cell_type_name
from sim.errors import UserError

COLS = 4


class LevelCard(Button):
    def __init__(self, rect, scene: LevelSelectScene, index: int) -> None:
        self.scene, self.index = scene, index
        info = scene.levels[index]
        super().__init__(rect, info.title, lambda: scene.open(index), enabled=True,
                         tooltip=lambda: scene.card_tip(index))

    def draw(self, surface, app, focused: bool) -> None:
        pal = app.pal
        info = self.scene.levels[self.index]
        locked = self.scene.locked(self.index)
        fill = pal["panel_hi"] if focused else pal["panel"]
        panel(surface, self.rect, fill, pal["accent"] if focused else pal["border"], radius=12, width=2 if focused else 1)
        x, y = self.rect.x + 16, self.rect.y + 14
        blit_text(surface, app, _("Level {n}").format(n=self.index + 1), (x, y), 13, pal["text_dim"], "semibold", cap=1.4)
        col = pal["text_faint"] if locked else pal["text"]
        title = app.labels.block(info.title, 18, col, self.rect.w - 32, "semibold", cap=1.4)
        surface.blit(title, (x, y + 22), pygame.Rect(0, 0, title.get_width(), self.rect.h - 80))
        by = self.rect.bottom - 26
        if locked:
            shapes.lock(surface, pal["lock"], (x + 10, by - 4), 9)
            blit_text(surface, app, _("Locked"), (x + 28, by), 14, pal["lock"], anchor="midleft", cap=1.4)
        elif info.scored:
            stars = app.progress.stars(info.slug)
            for i in range(3):
                shapes.star(surface, pal["star"] if i < stars else pal["border"], (x + 10 + i * 26, by), 10, i < stars)
            if app.progress.won(info.slug):
                blit_text(surface, app, _("Won"), (self.rect.right - 16, by), 13, pal["good"], "semibold",
                          anchor="midright", cap=1.4)
        else:
            blit_text(surface, app, _("No score: explore freely"), (x, by), 13, pal["text_dim"], anchor="midleft",
                      cap=1.4, max_width=self.rect.w - 32)


class LevelSelectScene(Scene):
    def __init__(self, app) -> None:
        super().__init__(app)
        self.error: str | None = None
        try:
            self.levels = campaign.campaign()
        except (UserError, ValueError, OSError) as e:
            self.levels = []
            self.error = str(e)

    def locked(self, i: int) -> bool:
        if i == 0 or not self.levels[i].scored:
            return False
        return not self.app.progress.won(self.levels[i - 1].slug)

    def card_tip(self, i: int) -> str:
        info = self.levels[i]
        if self.locked(i):
            return _("Win “{prev}” to open this level.").format(prev=self.levels[i - 1].title)
        return _("{turns} turns of {minutes:.0f} minutes, a {cell} cell. Press Enter to read the briefing.").format(
            turns=info.turns, minutes=info.turn_min, cell=cell_type_name(info.cell_type))

    def open(self, i: int) -> None:
        if self.locked(i):
            self.app.sound.play("warning")
            self.app.toast(self.card_tip(i), 3.0)
            return
        self.app.push(make("briefing", self.app, levels=self.levels, index=i))

    def layout(self) -> None:
        self.widgets.grid_cols = COLS
        w, h, gap = 270, 150, 20
        x0, y0 = (1280 - COLS * w - (COLS - 1) * gap) // 2, 150
        cards = []
        for i in range(len(self.levels)):
            r, c = divmod(i, COLS)
            cards.append(LevelCard((x0 + c * (w + gap), y0 + r * (h + gap), w, h), self, i))
        self.widgets.set(cards)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        pal = self.app.pal
        total = sum(self.app.progress.stars(lv.slug) for lv in self.levels if lv.scored)
        scored = sum(1 for lv in self.levels if lv.scored)
        sub = _("Stars: {got} of {all}").format(got=total, all=3 * scored) if scored else \
            _("The campaign's levels are not installed yet: free play is open.")
        self.heading(surface, _("Choose a level"), sub)
        if self.error:
            img = self.app.labels.block(_("The levels could not be loaded:") + "\n" + self.error, 16, pal["danger"], 1100)
            surface.blit(img, (60, 150))
        self.widgets.draw(surface, self.app)
        self.hints(surface, [_("Arrows move"), _("Enter open"), _("Esc back")])
