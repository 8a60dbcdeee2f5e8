"""The last step of a classroom challenge: the submission handed in — where the file went, the
result code to copy (drawn so hand-copying cannot confuse characters), and each prediction beside
what really happened.
"""

from __future__ import annotations

import re

import pygame

from game import shapes
from game.classroom import ChallengeFlow
from game.i18n import _
from game.review import prediction_review
from game.scenes.challenge import BUTTONS_Y, FlowScene
from game.textfield import copy_text
from game.ui import Button, blit_text, panel


# --- 5. handed in ------------------------------------------------------------------------------------
def chunks(code: str, n: int) -> list[str]:
    return [code[i:i + n] for i in range(0, len(code), n)]


def code_line(surface: pygame.Surface, a, line: str, pos: tuple[int, int], size: float, colour) -> None:
    """A piece of result code exactly as typed, in the monospace face (I, l, 1, O, 0 differ); a
    font's contextual forms could draw "4x0" as "4×0", so each x is drawn on its own."""
    x, y = pos
    for part in re.split(r"([xX])", line):
        if part:
            img = a.labels.get(part, size, colour, "mono", 1.0)
            surface.blit(img, (x, y))
            x += img.get_width()


class HandedInScene(FlowScene):
    def __init__(self, app, flow: ChallengeFlow) -> None:
        super().__init__(app, flow)
        self.handed = flow.handed
        self.copied: bool | None = None
        self._tall: tuple[tuple, pygame.Surface, int] | None = None  # the review drawn once, tall

    def copy(self) -> None:
        if self.handed is None:
            return
        self.copied = copy_text(self.handed.code)
        if self.copied:
            self.app.toast(_("The result code is on the clipboard: paste it where your teacher asked."), 4.0)
        else:
            self.app.toast(_("The clipboard can't be reached here: copy the code from the screen by hand, or hand "
                             "in the file."), 5.0)

    def layout(self) -> None:
        self.widgets.set([
            Button((960, BUTTONS_Y, 260, 52), lambda: _("Done"), self.back, primary=True, hint="Enter"),
            Button((60, BUTTONS_Y, 440, 52), lambda: _("Copy the result code"), self.copy, hint="C"),
        ], focus=0)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_c:
            self.copy()
            return
        if self.scrolled(event):  # the predictions review scrolls in its panel
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        a, pal, h = self.app, self.app.pal, self.handed
        if h is None:
            return
        saved = h.path is not None
        title = _("Handed in") if saved else _("Not saved: use the result code")
        r = blit_text(surface, a, title, (60, 36), 36, pal["good"] if saved else pal["warn"], "bold", cap=1.3)
        outcome = (_("Level won") if h.won else _("Level not won")) + " · " + \
            _("Score {score}").format(score=h.score)
        r = blit_text(surface, a, outcome, (62, r.bottom + 6), 18, pal["text"], "semibold", cap=1.4)
        for i in range(3):
            shapes.star(surface, pal["star"] if i < h.stars else pal["border"], (r.right + 30 + i * 30, r.centery),
                        11, i < h.stars)
        y = r.bottom + 24
        if saved:
            blit_text(surface, a, _("Your file for the teacher was saved in:"), (60, y), 16, pal["text_dim"], cap=1.4)
            y += round(26 * min(a.fonts.scale, 1.4))
            img = a.labels.block(str(h.path.parent), 17, pal["text"], 620, "semibold", cap=1.3)
            surface.blit(img, (60, y))
            y += img.get_height() + 4
            r = blit_text(surface, a, h.path.name, (60, y), 17, pal["accent"], "semibold", cap=1.3, max_width=620)
            y = r.bottom + 22
        else:
            img = a.labels.block(_("No folder would take the file ({why}). Copy the result code below and send it "
                                   "to your teacher.").format(why=h.problem or "?"), 16, pal["warn"], 620, cap=1.4)
            surface.blit(img, (60, y))
            y += img.get_height() + 18
        blit_text(surface, a, _("Result code: if your teacher asks for it, copy all of it."), (60, y), 16,
                  pal["text_dim"], cap=1.4, max_width=640)
        y += round(28 * min(a.fonts.scale, 1.4))
        font_px = 14
        per_line = max(20, int((640 - 24) / (a.fonts.px(font_px, 1.0) * 0.62)))
        lines = chunks(h.code, per_line)
        box = pygame.Rect(60, y, 640, min(BUTTONS_Y - 16 - y, 20 + len(lines) * (a.fonts.px(font_px, 1.0) + 5)))
        panel(surface, box, pal["bg2"], pal["accent"] if self.copied else pal["border"], radius=8)
        ly = box.y + 10
        for line in lines:
            if ly > box.bottom - 18:
                blit_text(surface, a, "…", (box.x + 12, ly - 6), font_px, pal["text_dim"], cap=1.0)
                break
            code_line(surface, a, line, (box.x + 12, ly), font_px, pal["text"])
            ly += a.fonts.px(font_px, 1.0) + 5
        self._review(surface, pygame.Rect(730, 40, 490, BUTTONS_Y - 56))
        self.widgets.draw(surface, a)
        self.hints(surface, [_("C copy the code"), _("Enter done")])

    def _review(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        """Each prediction beside what really happens; a review longer than its panel (large text,
        many questions) scrolls with PgUp/PgDn or the wheel instead of being cut."""
        a, pal = self.app, self.app.pal
        panel(surface, box, pal["panel"], pal["border"])
        y = box.y + 14
        blit_text(surface, a, _("Your predictions"), (box.x + 18, y), 20, pal["accent"], "bold", cap=1.4)
        y += round(36 * min(a.fonts.scale, 1.4))
        qs = self.flow.shown.questions
        if not qs:
            img = a.labels.block(_("This challenge asked no questions."), 15, pal["text_dim"], box.w - 36)
            surface.blit(img, (box.x + 18, y))
            return
        view = pygame.Rect(box.x, y, box.w, box.bottom - 8 - y)
        key = (tuple(sorted(self.flow.predictions.items())), a.fonts.scale, a.settings.language, a.settings.colorblind)
        if self._tall is None or self._tall[0] != key:
            tall = pygame.Surface((box.w, 4000), pygame.SRCALPHA)
            inner = pygame.Rect(0, 0, box.w, tall.get_height())
            ty = 0
            for n, q in enumerate(qs):
                ty = prediction_review(tall, a, inner, ty, n + 1, q.prompt, q.choices, q.answer, q.explain,
                                       self.flow.predictions.get(q.id))
            self._tall = (key, tall, ty)
        _key, tall, ty = self._tall
        if ty > view.h:  # room under the review for the "more" line
            view.h -= round(20 * min(a.fonts.scale, 1.3))
        self.scroll = min(self.scroll, max(0, ty - view.h))
        surface.blit(tall, view.topleft, pygame.Rect(0, self.scroll, view.w, view.h))
        self.dropped = max(0, ty - view.h - self.scroll)
        self.more(surface, (box.right - 12, view.bottom + 2), box.w - 24)
