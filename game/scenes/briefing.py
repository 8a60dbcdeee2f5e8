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
        self.scroll = 0  # pixels of briefing text scrolled past (PgUp/PgDn, the mouse wheel)
        self.dropped = 0  # pixels of briefing text below its box (the text-fit test reads it)

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
        step = 0
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            step = 1 if event.key == pygame.K_PAGEDOWN else -1
        elif event.type == pygame.MOUSEWHEEL:
            step = -1 if event.y > 0 else 1
        if step:  # a long briefing at large text scrolls in its box rather than being cut
            self.scroll = max(0, self.scroll + step * 120) if step < 0 or self.dropped else self.scroll
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
        self.scroll = min(self.scroll, max(0, text.get_height() - box_h))
        surface.blit(text, (60, y + 8), pygame.Rect(0, self.scroll, 640, box_h))
        self.dropped = max(0, text.get_height() - box_h - self.scroll)
        # glossary terms and units in the briefing explain themselves under the mouse
        self.tips = underline(surface, self._spans(paragraphs(info.briefing), 18, 640, 2.0, 1.45),
                              (60, y + 8 - self.scroll), pal["text_dim"], clip=pygame.Rect(60, y + 8, 640, box_h))
        if self.scroll or self.dropped:
            more = (_("▲ more above") + "   " if self.scroll else "") + (_("▼ more below") if self.dropped else "")
            blit_text(surface, a, more + "  ·  " + _("PgUp/PgDn"), (700, bottom + 2), 12, pal["accent"], "semibold",
                      anchor="topright", cap=1.3, max_width=640)
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
            text = tr(g.text)
            img = a.labels.block(text, 15, pal["text"], r.w - 60, cap=1.8)
            surface.blit(img, (r.x + 38, yy))
            self.tips += underline(surface, self._spans(text, 15, r.w - 60, 1.8, 1.3), (r.x + 38, yy),
                                   pal["text_dim"])
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
        hints = [_("Enter start"), _("Esc back")]
        if info.questions:
            hints.insert(0, _("A/B/C… predict"))
        self.hints(surface, hints)

    def _questions(self, surface: pygame.Surface, y: int) -> None:
        a, pal, qs = self.app, self.app.pal, self.info.questions
        head = _("Predict first (optional, not scored)")
        if len(qs) > 1:
            head += "  ·  " + _("question {n} of {total}").format(n=self.qi + 1, total=len(qs))
        blit_text(surface, a, head, (60, y), 16, pal["accent"], "bold", cap=1.4, max_width=640)
        y += round(30 * min(a.fonts.scale, 1.4))
        surface.blit(a.labels.block(qs[self.qi].prompt, 16, pal["text"], 640, "semibold", cap=1.4), (60, y))
