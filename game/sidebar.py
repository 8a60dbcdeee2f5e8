"""The right column of the play screen: the level's goals, and the event queue made visible.

Upcoming events come from the engine's queue (``View.upcoming``: time, kind, label); titles come
from the content catalog. Events due within the coming turn are marked "this turn".
"""

from __future__ import annotations

import pygame

from game import shapes
from game.campaign import View
from game.i18n import _, tr
from game.theme import mix
from game.ui import blit_text, panel

SHOWN_KINDS = ("meal", "stressor", "action", "ends", "message")


def clock(time_min: float) -> str:
    m = round(time_min) % 1440
    return f"{m // 60:02d}:{m % 60:02d}"


def day_and_clock(time_min: float) -> str:
    return _("Day {day} · {clock}").format(day=int(time_min // 1440) + 1, clock=clock(time_min))


def event_text(kind: str, label: str) -> str:
    """A queue entry's words: LevelRun gives titles (English msgids for the catalog) or Messages."""
    return tr(label) if label else _("Event")


def event_glyph(kind: str) -> tuple[str, str]:
    """(glyph, colour role) for a kind of upcoming event."""
    return {"meal": ("glucose", "glucose"), "stressor": ("inflammation", "inflammation"),
            "action": ("energy", "energy"), "ends": ("energy", "text_dim"),
            "message": ("signal", "accent")}.get(kind, ("signal", "accent"))


class Sidebar:
    def __init__(self, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)
        self.tips: list[tuple[pygame.Rect, str]] = []
        self.dropped = 0  # goals the last frame had no room for (the text-fit test reads it)

    def draw(self, surface: pygame.Surface, app, view: View, turn_min: float,
             last: tuple[float, float, list[tuple[float, str, str]]] | None = None) -> None:
        """``last``: the turn just played (start, end, [(time, kind, words)]) from its report's events."""
        pal = app.pal
        self.tips = []
        cap = 1.25
        lh = round(22 * min(app.fonts.scale, cap))
        # goals: the engine's text, its value in words, and a mark once judged
        y = self.rect.y
        if view.goals:
            blocks = [app.labels.block(tr(g.text), 13, pal["text"], self.rect.w - 54, cap=cap) for g in view.goals]
            # why a goal is out of reach wraps beside its stars: one line would shrink it unreadably
            stars_w = app.fonts.get(11, "regular", cap).size("★★★")[0] + 10
            why = [app.labels.block(tr(g.lost), 12, pal["danger"], self.rect.w - 50 - stars_w, "semibold", cap=cap)
                   if g.lost else None for g in view.goals]
            need = 20 + lh + sum(b.get_height() + max(lh, w.get_height() if w else 0) + 6
                                 for b, w in zip(blocks, why, strict=True))
            r = pygame.Rect(self.rect.x, y, self.rect.w, min(need, self.rect.h * 3 // 5))
            panel(surface, r, pal["panel"], pal["border"])
            blit_text(surface, app, _("Goals"), (r.x + 14, r.y + 10), 15, pal["accent"], "bold", cap=cap)
            yy = r.y + 14 + lh
            self.dropped = 0
            for g, img, lost in zip(view.goals, blocks, why, strict=True):
                if yy + img.get_height() > r.bottom:
                    self.dropped += 1
                    continue
                self._mark(surface, pal, False if g.lost else g.met, (r.x + 20, yy + 8))
                surface.blit(img, (r.x + 36, yy))
                yy += img.get_height()
                stars = "★" * g.star
                blit_text(surface, app, stars, (r.x + 36, yy + 1), 11, pal["star"], cap=cap)
                if lost is not None:  # the engine's words: no play in the turns left can still meet it
                    surface.blit(lost, (r.x + 36 + stars_w, yy + 1))
                elif g.shown:
                    blit_text(surface, app, _("now: {value}").format(value=tr(g.shown)), (r.right - 14, yy + 1), 12,
                              pal["good"] if g.met else pal["warn"] if g.met is False else pal["text_dim"],
                              "semibold", anchor="topright", cap=cap, max_width=r.w - 90)
                tip = _("A goal for {n} star(s). Tier 1 goals must all be met to win.").format(n=g.star)
                row_h = max(lh, lost.get_height() if lost is not None else 0)
                self.tips.append((pygame.Rect(r.x, yy - img.get_height(), r.w, img.get_height() + row_h),
                                  tr(g.text) + "\n" + tip))
                yy += row_h + 6
            y = r.bottom + 10
        # upcoming events
        r = pygame.Rect(self.rect.x, y, self.rect.w, self.rect.bottom - y)
        panel(surface, r, pal["panel"], pal["border"])
        blit_text(surface, app, _("Coming up"), (r.x + 14, r.y + 10), 15, pal["accent"], "bold", cap=cap)
        now = view.snapshot.time_min
        self.tips.append((pygame.Rect(r.x, r.y, r.w, 34),
                          _("The engine's queue of events, in the order they will happen: meals, stressors and "
                            "the end of actions already under way.")))
        yy = r.y + 16 + lh
        bottom = r.bottom
        if last is not None:
            bottom = self._last_turn(surface, app, r, last, lh, cap)
        shown = [(t, k, lbl) for t, k, lbl in view.upcoming if k in SHOWN_KINDS]
        if not shown:
            blit_text(surface, app, _("Nothing scheduled"), (r.x + 14, yy), 13, pal["text_faint"], cap=cap)
        for t, kind, label in shown:
            text = event_text(kind, label)
            img = app.labels.block(text, 13, pal["text"] if kind != "ends" else pal["text_dim"],
                                   r.w - 104 - (70 if t < now + turn_min else 0), cap=cap, spacing=1.2)
            if yy + img.get_height() > bottom - 6:
                break  # the queue goes on: the panel shows what fits, soonest first
            soon = t < now + turn_min
            row = pygame.Rect(r.x + 6, yy - 3, r.w - 12, img.get_height() + 6)
            if soon:
                pygame.draw.rect(surface, mix(pal["panel"], pal["accent"], 0.15), row, border_radius=6)
            blit_text(surface, app, clock(t), (r.x + 14, yy), 13, pal["text_dim"], "semibold", cap=cap)
            glyph, role = event_glyph(kind)
            shapes.icon(surface, glyph, pal[role], (r.x + 74, yy + lh // 2 - 2), 7)
            surface.blit(img, (r.x + 90, yy))
            if soon:
                blit_text(surface, app, _("this turn"), (r.right - 14, yy), 11, pal["accent"], "semibold",
                          anchor="topright", cap=cap, max_width=64)
            self.tips.append((row, _("{when}: {what}").format(when=day_and_clock(t), what=text)))
            yy += max(lh, img.get_height()) + 6

    def _last_turn(self, surface, app, r: pygame.Rect, last, lh: int, cap: float) -> int:
        """The bottom of the panel: what happened in the turn just played, at what time. Returns its top."""
        pal = app.pal
        start, end, rows = last
        rows = rows or [(start, "", _("Nothing eaten, no stressor began."))]
        imgs = [app.labels.block(text, 13, pal["text"], r.w - (104 if kind else 28), cap=cap, spacing=1.2)
                for _t, kind, text in rows]
        top = r.bottom - 14 - lh - sum(max(lh, i.get_height()) + 4 for i in imgs)
        pygame.draw.line(surface, pal["border"], (r.x + 12, top - 8), (r.right - 12, top - 8))
        blit_text(surface, app, _("Last turn · {start}–{end}").format(start=clock(start), end=clock(end)),
                  (r.x + 14, top), 14, pal["accent"], "bold", cap=cap, max_width=r.w - 28)
        self.tips.append((pygame.Rect(r.x, top, r.w, lh), _("What happened in the turn you just played, from the "
                                                           "engine's record of its events.")))
        yy = top + lh + 4
        for (t, kind, _text), img in zip(rows, imgs, strict=True):
            if kind:
                blit_text(surface, app, clock(t), (r.x + 14, yy), 13, pal["text_dim"], "semibold", cap=cap)
                glyph, role = event_glyph(kind)
                shapes.icon(surface, glyph, pal[role], (r.x + 74, yy + lh // 2 - 2), 7)
            surface.blit(img, (r.x + 90 if kind else r.x + 14, yy))
            yy += max(lh, img.get_height()) + 4
        return top - 8

    @staticmethod
    def _mark(surface, pal, met: bool | None, c: tuple[int, int]) -> None:
        x, y = c
        if met:
            pygame.draw.lines(surface, pal["good"], False, [(x - 6, y), (x - 1, y + 5), (x + 7, y - 5)], 3)
        elif met is False:
            pygame.draw.line(surface, pal["danger"], (x - 5, y - 5), (x + 5, y + 5), 3)
            pygame.draw.line(surface, pal["danger"], (x - 5, y + 5), (x + 5, y - 5), 3)
        else:
            pygame.draw.circle(surface, pal["text_dim"], (x, y), 5, 2)

    def tip_at(self, pos) -> str | None:
        for r, t in self.tips:
            if r.collidepoint(pos):
                return t
        return None
