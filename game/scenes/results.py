"""Results: won or not, stars and score, each goal met or missed with its value, the run as a chart,
the causes that mattered in words, and the player's predictions beside the real answers."""

from __future__ import annotations

import pygame

from game import shapes
from game.campaign import LevelInfo, Outcome, Session
from game.chart import TimeChart, TurnPoint, goal_thresholds
from game.i18n import _, tr
from game.review import goal_rows, prediction_review
from game.scenes import make
from game.scenes.base import Scene
from game.theme import mix
from game.ui import Button, blit_text, panel


class ResultsScene(Scene):
    def __init__(self, app, levels: list[LevelInfo], index: int, session: Session, outcome: Outcome,
                 points: list[TurnPoint]) -> None:
        super().__init__(app)
        self.levels, self.index, self.session, self.outcome = levels, index, session, outcome
        self.info = levels[index]
        self.points = points
        self.chart = TimeChart(pygame.Rect(60, 410, 640, 200), self.info.turns)
        self.chart.set_points(points)
        self.chart.set_thresholds(goal_thresholds(getattr(self.info.source, "goals", ())))

    @property
    def has_next(self) -> bool:
        return self.index + 1 < len(self.levels) and (self.outcome.won or not self.outcome.scored)

    def retry(self) -> None:
        self.app.replace(make("play", self.app, levels=self.levels, index=self.index))

    def next(self) -> None:
        if self.has_next:
            self.app.replace(make("briefing", self.app, levels=self.levels, index=self.index + 1))

    def layout(self) -> None:
        y = 630
        items = []
        if self.has_next:
            items.append(Button((960, y, 260, 52), lambda: _("Next level"), self.next, primary=True, hint="N"))
        items.append(Button((680 if self.has_next else 960, y, 260, 52), lambda: _("Retry"), self.retry,
                            primary=not self.has_next, hint="R"))
        items.append(Button((60, y, 260, 52), lambda: _("Level select"), self.back, hint="Esc"))
        self.widgets.set(items, focus=0)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_r:
                self.retry()
                return
            if event.key == pygame.K_n:
                self.next()
                return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        a, pal, o = self.app, self.app.pal, self.outcome
        if not o.scored:
            title, col = _("Day complete"), pal["accent"]
        elif o.won:
            title, col = _("Level won"), pal["good"]
        else:
            title, col = _("Not this time"), pal["danger"]
        r = blit_text(surface, a, title, (60, 30), 40, col, "bold", cap=1.3)
        blit_text(surface, a, self.info.title, (62, r.bottom + 2), 18, pal["text_dim"], cap=1.3, max_width=640)
        if o.scored:
            for i in range(3):
                shapes.star(surface, pal["star"] if i < o.stars else pal["border"], (84 + i * 50, 152), 20, i < o.stars)
            blit_text(surface, a, _("Score {score:.0f}").format(score=o.score), (250, 152), 26, pal["text"], "bold",
                      anchor="midleft", cap=1.3)
        self.tips = [(pygame.Rect(60, 128, 400, 50), _("Stars and score come from the level's goals, as the engine scores them."))]
        if o.goals:
            goal_rows(surface, a, pygame.Rect(60, 190, 640, 210), 192, o.goals)
        self.chart.draw(surface, a)
        # why it went this way
        box = pygame.Rect(730, 40, 490, 560)
        panel(surface, box, pal["panel"], pal["border"])
        y = box.y + 16
        blit_text(surface, a, _("Why it went this way"), (box.x + 18, y), 20, pal["accent"], "bold", cap=1.5)
        y += round(36 * min(a.fonts.scale, 1.5))
        if o.failed_because:
            img = a.labels.block(tr(o.failed_because), 16, pal["danger"], box.w - 40, "semibold", cap=1.8)
            surface.blit(img, (box.x + 20, y))
            y += img.get_height() + 12
        if not o.causes:
            img = a.labels.block(_("Nothing went wrong inside the cell: receptors, signaling and energy stayed healthy."),
                                 16, pal["text"], box.w - 40, cap=1.8)
            surface.blit(img, (box.x + 20, y))
        qs = self.info.questions
        review_h = self._review_height(box) if qs else 0
        for i, cause in enumerate(o.causes[:6]):
            if y > box.bottom - 40 - review_h:
                break
            pygame.draw.circle(surface, mix(pal["accent"], pal["text"], 0.2), (box.x + 28, y + 10), 11)
            blit_text(surface, a, str(i + 1), (box.x + 28, y + 10), 12, pal["bg"], "bold", anchor="center", cap=1.0)
            img = a.labels.block(tr(cause), 16, pal["text"], box.w - 70, cap=1.8)
            surface.blit(img, (box.x + 48, y), pygame.Rect(0, 0, img.get_width(), box.bottom - 10 - review_h - y))
            y += img.get_height() + 12
        if qs:
            self._review(surface, box, box.bottom - review_h)
        self.widgets.draw(surface, a)
        self.hints(surface, [_("R retry"), _("N next level"), _("Esc level select")])

    def _review_height(self, box: pygame.Rect) -> int:
        return min(box.h // 2, 90 + 100 * len(self.info.questions))

    def _review(self, surface: pygame.Surface, box: pygame.Rect, y: int) -> None:
        """The player's predictions from the briefing, beside the real answers."""
        a, pal = self.app, self.app.pal
        pygame.draw.line(surface, pal["border"], (box.x + 18, y), (box.right - 18, y), 1)
        y += 12
        blit_text(surface, a, _("Your prediction"), (box.x + 18, y), 18, pal["accent"], "bold", cap=1.4)
        y += round(32 * min(a.fonts.scale, 1.4))
        given = self.app.predictions.get(self.info.slug, {})
        for n, q in enumerate(self.info.questions):
            if y > box.bottom - 30:
                break
            g = given.get(n)
            y = prediction_review(surface, a, box, y, n + 1, q.prompt, q.choices, q.answer, q.explain,
                                  None if g is None else (g, None))
