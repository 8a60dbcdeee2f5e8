"""Open a challenge: the ``*.challenge.toml`` files shipped with the game and in the player's own
"challenges" folder, one per row; a file that cannot be used shows the engine's one-line reason
on screen and the picker stays open."""

from __future__ import annotations

import contextlib
import tomllib
from pathlib import Path

import pygame

from game.classroom import ChallengeFlow, challenge_folders, find_challenges
from game.i18n import _, current_language
from game.scenes import make
from game.scenes.base import Scene
from game.ui import Button, blit_text, panel
from sim.errors import UserError
from sim.storage import read_text_limited

ROWS = 5
ROW_H, ROW_GAP = 62, 10
TOP = 150


def quick_title(path: Path) -> str:
    """The title for the list, read without checking the file (that happens when it is opened)."""
    try:
        raw = tomllib.loads(read_text_limited(path, limit=512 * 1024))  # never blocks on a pipe
        texts = raw.get("text")
        mine = texts.get(current_language()) if isinstance(texts, dict) else None
        t = (mine.get("title") if isinstance(mine, dict) else None) or raw.get("title", "")
    except (UserError, tomllib.TOMLDecodeError, RecursionError):
        return ""
    return " ".join(t.split())[:120] if isinstance(t, str) else ""


class FileRow(Button):
    def __init__(self, rect, scene: ChallengePickerScene, index: int) -> None:
        self.scene, self.index = scene, index
        super().__init__(rect, "", lambda: scene.open(index), tooltip=lambda: str(scene.files[index]))

    def draw(self, surface, app, focused: bool) -> None:
        pal = app.pal
        path, title = self.scene.files[self.index], self.scene.titles[self.index]
        panel(surface, self.rect, pal["panel_hi"] if focused else pal["panel"], pal["accent"] if focused else pal["border"],
              radius=10, width=2 if focused else 1)
        x = self.rect.x + 20
        # the two lines centred as a pair: pinned to the top and bottom edges they touch at large text
        both = app.fonts.get(18, "semibold", 1.3).get_height() + 2 + app.fonts.get(13, "regular", 1.2).get_height()
        r = blit_text(surface, app, title or path.name, (x, self.rect.centery - both // 2), 18, pal["text"],
                      "semibold", cap=1.3, max_width=self.rect.w - 40)
        where = _("from the game") if self.scene.shipped(path) else _("from your challenges folder")
        blit_text(surface, app, f"{path.name}  ·  {where}", (x, r.bottom + 2), 13, pal["text_dim"], cap=1.2,
                  max_width=self.rect.w - 40)


class ChallengePickerScene(Scene):
    def __init__(self, app) -> None:
        super().__init__(app)
        self.folders = challenge_folders(app.store.root)
        with contextlib.suppress(OSError):  # make the player's folder exist, so a teacher finds where files go
            self.folders[-1].mkdir(parents=True, exist_ok=True)
        self.files = find_challenges(self.folders)
        self.titles = [quick_title(p) for p in self.files]
        self.page = 0
        self.error: str | None = None

    def shipped(self, path: Path) -> bool:
        return path.parent == self.folders[0]

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.files) // ROWS))

    def open(self, index: int) -> None:
        try:
            flow = ChallengeFlow.open(self.files[index])
        except (UserError, OSError) as e:  # ChallengeError is a UserError; a race with the disk, an OSError
            self.error = str(e)
            self.app.sound.play("warning")
            return
        self.error = None
        self.app.push(make("challenge_name", self.app, flow=flow))

    def resume(self) -> None:
        self.app.unlock_settings()  # back from a challenge: the player's own settings again
        super().resume()

    def turn_page(self, d: int) -> None:
        self.page = min(max(self.page + d, 0), self.pages - 1)
        self.layout()

    def layout(self) -> None:
        items: list[Button] = []
        first = self.page * ROWS
        for k, i in enumerate(range(first, min(first + ROWS, len(self.files)))):
            items.append(FileRow((60, TOP + k * (ROW_H + ROW_GAP), 1160, ROW_H), self, i))
        items.append(Button((60, 640, 260, 50), lambda: _("Back"), self.back, hint="Esc"))
        if self.pages > 1:
            items.append(Button((700, 640, 250, 50), lambda: _("Previous page"), lambda: self.turn_page(-1),
                                hint="PgUp", enabled=lambda: self.page > 0))
            items.append(Button((970, 640, 250, 50), lambda: _("Next page"), lambda: self.turn_page(1),
                                hint="PgDn", enabled=lambda: self.page < self.pages - 1))
        self.widgets.set(items, focus=0)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.turn_page(-1 if event.key == pygame.K_PAGEUP else 1)
            return
        if event.type == pygame.MOUSEWHEEL and self.pages > 1:
            self.turn_page(-1 if event.y > 0 else 1)
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        a, pal = self.app, self.app.pal
        self.heading(surface, _("Open a challenge"),
                     _("A challenge is a file from your teacher: a level to play, questions before, and a few "
                       "words after."))
        # a folder path can be long: it gets its own wrapped lines under the list
        where = a.labels.block(_("Put challenge files in: {folder}").format(folder=self.folders[-1]), 14,
                               pal["text_dim"], 1160, cap=1.3)
        surface.blit(where, (60, TOP + ROWS * (ROW_H + ROW_GAP)), pygame.Rect(0, 0, 1160, 44))
        if not self.files:
            img = a.labels.block(_("No challenge files found. Copy a file ending in .challenge.toml into the "
                                   "folder named above, then open this screen again."), 18, pal["text_dim"], 1100,
                                 cap=1.6)
            surface.blit(img, (60, TOP))
        elif self.pages > 1:
            blit_text(surface, a, _("Page {n} of {total}").format(n=self.page + 1, total=self.pages),
                      (1220, TOP - 34), 14, pal["text_dim"], anchor="topright", cap=1.3)
        self.widgets.draw(surface, a)
        if self.error:
            box = pygame.Rect(60, 560, 1160, 68)
            panel(surface, box, pal["panel"], pal["danger"], radius=8, width=2)
            img = a.labels.block(_("This file can't be used:") + " " + self.error, 15, pal["text"], box.w - 32, cap=1.3)
            surface.blit(img, (box.x + 16, box.y + 8), pygame.Rect(0, 0, box.w - 32, box.h - 12))
        self.hints(surface, [_("↑↓ choose"), _("Enter open"), _("Esc back")])
