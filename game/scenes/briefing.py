"""The briefing: what the level teaches (from the level file), its goals and the actions on offer.

A level's prediction questions show here, one at a time, instead of the picture legend: answering
is optional and not scored; the answer is kept in ``app.predictions`` for the results screen,
which shows it beside the real answer."""

from __future__ import annotations

import re

import pygame

from game import campaign, shapes
from game.i18n import N_, _, tr
from game.scenes import make
from game.scenes.base import Scene
from game.termtips import term_spans, underline
from game.ui import Button, ChoiceButton, blit_text, panel
from game.words import cell_type_name

LEGEND = (("glucose", "glucose", N_("Glucose (blood sugar)")), ("insulin", "insulin", N_("Insulin, the key")),
          ("receptor", "receptor", N_("Insulin receptor, the lock")), ("glut4", "glut4", N_("GLUT4 channel")),
          ("mito", "mito", N_("Mitochondrion")), ("fat", "fat", N_("Fat droplet")),
          ("inflammation", "inflammation", N_("Inflammation")), ("ros", "ros", N_("Oxidative stress (ROS)")),
          ("er_stress", "er_stress", N_("ER stress")), ("lipotoxic", "lipotoxic", N_("Lipotoxic fat")))


def paragraphs(text: str) -> str:
    """Level files wrap lines by hand: single newlines join, blank lines separate paragraphs."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text.strip())


class BriefingScene(Scene):
    def __init__(self, app, levels: list[campaign.LevelInfo], index: int) -> None:
        super().__init__(app)
        self.levels, self.index = levels, index
        self.info = levels[index]
        self.qi = 0  # the question shown
        self.q_top = 0  # where the questions start (set when drawing the briefing text)

    @property
    def answers(self) -> dict[int, int]:
        return self.app.predictions.setdefault(self.info.slug, {})

    def start(self) -> None:
        self.app.replace(make("play", self.app, levels=self.levels, index=self.index))

    def pick(self, choice: int) -> None:
        self.answers[self.qi] = choice
        self.app.sound.play("click")
        qs = self.info.questions
        later = [i for i in range(len(qs)) if i not in self.answers]
        if later:
            self.qi = later[0]
        self.layout()
        self.widgets.focus = 0 if not later else 2

    def page(self, d: int) -> None:
        self.qi = (self.qi + d) % len(self.info.questions)
        self.layout()

    def _question_top(self) -> int:
        """Below the briefing text, or higher (the text then clipped) so the question always fits."""
        a = self.app
        y = self.heading_bottom()
        text = a.labels.block(paragraphs(self.info.briefing), 18, a.pal["text"], 640, cap=2.0, spacing=1.45)
        if not self.info.questions:
            return y + 8 + text.get_height() + 24
        q = self.info.questions[self.qi]
        prompt = a.labels.block(q.prompt, 16, a.pal["text"], 640, "semibold", cap=1.4)
        need = round(30 * min(a.fonts.scale, 1.4)) + prompt.get_height() + 8 + len(q.choices) * (self._choice_h() + 6)
        return max(y + 8 + 40, min(y + 8 + text.get_height() + 24, 604 - need))

    def _choice_h(self) -> int:
        return round(24 * min(self.app.fonts.scale, 1.4)) + 8

    def heading_bottom(self) -> int:
        """Where ``heading`` ends, without drawing it (the subtitle may wrap at large text sizes)."""
        a = self.app
        title = a.labels.get(self.info.title, 34, a.pal["text"], "bold", 1.5)
        sub = a.labels.get(self._subtitle(), 16, a.pal["text_dim"], "regular", 1.5)
        return 36 + title.get_height() + 4 + sub.get_height() + 24

    def _spans(self, text: str, size: float, width: int, cap: float, spacing: float):
        key = (text, size, width, cap, spacing, self.app.fonts.scale, self.app.settings.language)
        cache = self.__dict__.setdefault("_span_cache", {})
        if key not in cache:
            cache[key] = term_spans(self.app, text, size, width, cap=cap, spacing=spacing)
        return cache[key]

    def start_label(self) -> str:
        return _("Start")

    def _subtitle(self) -> str:
        info = self.info
        return _("Level {n} · {turns} turns of {minutes:.0f} minutes · a {cell} cell").format(
            n=self.index + 1, turns=info.turns, minutes=info.turn_min, cell=cell_type_name(info.cell_type))

    def layout(self) -> None:
        items: list[Button] = [
            Button((940, 620, 280, 56), self.start_label, self.start, primary=True, hint="Enter",
                   tooltip=lambda: _("Begin the level.")),
            Button((640, 620, 280, 56), lambda: _("Back"), self.back, hint="Esc"),
        ]
        qs = self.info.questions
        if qs:
            q = qs[self.qi]
            a = self.app
            y = self._question_top() + round(30 * min(a.fonts.scale, 1.4))
            prompt = a.labels.block(q.prompt, 16, a.pal["text"], 640, "semibold", cap=1.4)
            y += prompt.get_height() + 8
            h = max(self._choice_h(), min(40, (604 - y) // max(1, len(q.choices)) - 6))
            for i, text in enumerate(q.choices):
                items.append(ChoiceButton((60, y + i * (h + 6), 640, h), text, (lambda i=i: self.pick(i)),
                                          (lambda i=i, k=self.qi: self.answers.get(k) == i), key="ABCDEFGH"[i],
                                          size=15))
            if len(qs) > 1:
                items.append(Button((60, 620, 120, 56), lambda: "‹", lambda: self.page(-1), size=22,
                                    tooltip=lambda: _("The question before")))
                items.append(Button((190, 620, 120, 56), lambda: "›", lambda: self.page(1), size=22,
                                    tooltip=lambda: _("The next question")))
        self.widgets.set(items, focus=0)

    def handle(self, event: pygame.event.Event) -> None:
        if self.scrolled(event):  # a long briefing at large text scrolls in its box rather than being cut
            return
        qs = self.info.questions
        if qs and event.type == pygame.KEYDOWN:
            ch = (event.unicode or "").upper()
            if ch and ch in "ABCDEFGH"[: len(qs[self.qi].choices)]:
                self.pick("ABCDEFGH".index(ch))
                return
            if len(qs) > 1 and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                self.page(-1 if event.key == pygame.K_LEFT else 1)
                return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        a, pal, info = self.app, self.app.pal, self.info
        y = self.heading(surface, info.title, self._subtitle())
        text = a.labels.block(paragraphs(info.briefing), 18, pal["text"], 640, cap=2.0, spacing=1.45)
        ly = y + 8 + text.get_height() + 28
        bottom = 600
        if info.questions:
            ly = self._question_top() + 4
            bottom = ly - 28
        box_h = bottom - y - 8
        if text.get_height() > box_h:  # no line cut in half at the bottom of the box
            box_h -= box_h % a.labels.line_height(18, cap=2.0, spacing=1.45)
        # One scroll moves both columns, each as far as it has more to show: PgDn reaches the end of
        # the text and of the goals and actions alike.
        side = self._side()
        side_r = pygame.Rect(740, y + 4, 480, 600 - y - 12)
        text_over, side_over = text.get_height() - box_h, side.get_height() - (side_r.h - 8)
        self.scroll = min(self.scroll, max(0, text_over, side_over))
        shift = min(self.scroll, max(0, text_over))
        surface.blit(text, (60, y + 8), pygame.Rect(0, shift, 640, box_h))
        self.dropped = max(0, text_over - self.scroll, side_over - self.scroll)
        # glossary terms and units in the briefing explain themselves under the mouse
        self.tips = underline(surface, self._spans(paragraphs(info.briefing), 18, 640, 2.0, 1.45),
                              (60, y + 8 - shift), pal["text_dim"], clip=pygame.Rect(60, y + 8, 640, box_h))
        self.more(surface, (700, bottom + 2), 640)
        rows = (len(LEGEND) + 1) // 2
        row_h = round(30 * min(a.fonts.scale, 1.3))
        if info.questions:
            self._questions(surface, ly - 4)
        elif ly + 34 + rows * row_h < 600:
            blit_text(surface, a, _("What you will see"), (60, ly), 16, pal["accent"], "bold", cap=1.4)
            ly += round(30 * min(a.fonts.scale, 1.4))
            for i, (glyph, role, words) in enumerate(LEGEND):
                col, row = divmod(i, rows)
                x, yy = 60 + col * 330, ly + row * row_h
                shapes.icon(surface, glyph, pal[role], (x + 12, yy + row_h // 2 - 2), 9)
                blit_text(surface, a, _(words), (x + 34, yy + row_h // 2 - 2), 15, pal["text_dim"], anchor="midleft",
                          cap=1.3, max_width=290)
        # goals and actions on the right
        panel(surface, side_r, pal["panel"], pal["border"])
        inner = pygame.Rect(side_r.x, side_r.y + 4, side_r.w, side_r.h - 8)
        shift = min(self.scroll, max(0, side_over))
        surface.blit(side, inner.topleft, pygame.Rect(0, shift, inner.w, inner.h))
        for spans, (x, top) in self.side_terms:
            self.tips += underline(surface, spans, (inner.x + x, inner.y + top - shift), pal["text_dim"], clip=inner)
        self.widgets.draw(surface, a)
        hints = [_("Enter start"), _("Esc back")]
        if info.questions:
            hints.insert(0, _("A/B/C… predict"))
        self.hints(surface, hints)

    def _side(self) -> pygame.Surface:
        """The goals and what the player can do, drawn whole on one tall surface (the panel shows a
        window of it); ``side_terms`` keeps where each goal's glossary terms went."""
        a, pal, info = self.app, self.app.pal, self.info
        w = 480
        head_h, row_h = round(30 * min(a.fonts.scale, 1.6)), round(24 * min(a.fonts.scale, 1.6))
        if info.goals:
            blocks = [a.labels.block(tr(g.text), 15, pal["text"], w - 60, cap=1.8) for g in info.goals]
        else:
            blocks = [a.labels.block(_("None: watch, try things, and learn how the cell responds."), 15,
                                     pal["text_dim"], w - 40)]
        tall = 10 + head_h + sum(b.get_height() + 8 for b in blocks) + 8 + head_h + row_h * len(info.actions) + 10
        side = pygame.Surface((w, tall), pygame.SRCALPHA)
        self.side_terms = []
        yy = 10
        blit_text(side, a, _("Goals"), (18, yy), 18, pal["accent"], "bold", cap=1.6)
        yy += head_h
        for g, img in zip(info.goals or (None,), blocks, strict=True):
            if g is None:
                side.blit(img, (20, yy))
            else:
                pygame.draw.circle(side, pal["accent"], (24, yy + 10), 4)
                side.blit(img, (38, yy))
                self.side_terms.append((self._spans(tr(g.text), 15, w - 60, 1.8, 1.3), (38, yy)))
            yy += img.get_height() + 8
        yy += 8
        blit_text(side, a, _("What you can do"), (18, yy), 18, pal["accent"], "bold", cap=1.6)
        yy += head_h
        for c in info.actions:
            key = f"[{c.hotkey}]" if c.hotkey else ""
            blit_text(side, a, key, (20, yy), 14, pal["text_dim"], "semibold", cap=1.6)
            blit_text(side, a, _(c.title), (64, yy), 15, pal["text"], cap=1.6, max_width=w - 170)
            blit_text(side, a, _("cost {cost:g}").format(cost=c.cost), (w - 18, yy), 14, pal["text_dim"],
                      anchor="topright", cap=1.6)
            yy += row_h
        return side

    def _questions(self, surface: pygame.Surface, y: int) -> None:
        a, pal, qs = self.app, self.app.pal, self.info.questions
        head = _("Predict first (optional, not scored)")
        if len(qs) > 1:
            head += "  ·  " + _("question {n} of {total}").format(n=self.qi + 1, total=len(qs))
        blit_text(surface, a, head, (60, y), 16, pal["accent"], "bold", cap=1.4, max_width=640)
        y += round(30 * min(a.fonts.scale, 1.4))
        surface.blit(a.labels.block(qs[self.qi].prompt, 16, pal["text"], 640, "semibold", cap=1.4), (60, y))
