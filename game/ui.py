"""Widgets and drawing helpers shared by the scenes: panels, text, buttons, focus, tooltips.

A ``Widgets`` group gives every scene the same keyboard and mouse behaviour: arrows or Tab move
the focus, Enter or Space press the focused button, hovering focuses, clicking presses. Labels come
in as callables returning catalog text, so a change of language or text size needs no rebuild.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.theme import mix

Text = str | Callable[[], str]


def txt(t: Text) -> str:
    return t() if callable(t) else t


def panel(surface: pygame.Surface, rect: pygame.Rect, fill, border=None, radius: int = 10, width: int = 1) -> None:
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, rect, width, border_radius=radius)


# A line squeezed into its box may give up a quarter of its size, no more: past that the player's
# text-size setting is undone exactly where text is tightest, so callers wrap or shorten instead.
READABLE = 0.75


def readable(app, text: str, size: float, weight: str = "regular", cap: float | None = None,
             max_width: int | None = None) -> bool:
    """Whether ``blit_text`` would draw ``text`` whole within ``max_width`` at no less than
    ``READABLE`` of its requested pixel size."""
    fonts = app.labels.fonts
    s = fit_size(app, text, size, weight, cap, max_width)
    return fonts.px(s, cap) >= READABLE * fonts.px(size, cap) and \
        (max_width is None or fonts.get(s, weight, cap).size(text)[0] <= max_width)


def fit_size(app, text: str, size: float, weight: str = "regular", cap: float | None = None,
             max_width: int | None = None) -> float:
    """The design size ``blit_text`` draws ``text`` at: ``size``, or when that is wider than
    ``max_width``, the largest smaller whole size that fits (not below 9; past that it clips)."""
    s = size
    fonts = app.labels.fonts
    while max_width is not None and s > 9 and fonts.get(s, weight, cap).size(text)[0] > max_width:
        s -= 1
    return s


def blit_text(surface: pygame.Surface, app, text: str, pos: tuple[float, float], size: float, colour,
              weight: str = "regular", anchor: str = "topleft", cap: float | None = None,
              max_width: int | None = None) -> pygame.Rect:
    img = app.labels.get(text, fit_size(app, text, size, weight, cap, max_width), colour, weight, cap)
    r = img.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
    if max_width is not None and img.get_width() > max_width:
        surface.blit(img, r.topleft, pygame.Rect(0, 0, max_width, img.get_height()))
    else:
        surface.blit(img, r)
    return r


class Button:
    def __init__(self, rect: pygame.Rect | tuple, label: Text, action: Callable[[], None], *,
                 hint: Text | None = None, tooltip: Text | None = None, primary: bool = False,
                 enabled: bool | Callable[[], bool] = True, size: float = 18) -> None:
        self.rect = pygame.Rect(rect)
        self.label = label
        self.action = action
        self.hint = hint
        self.tooltip = tooltip
        self.primary = primary
        self._enabled = enabled
        self.size = size

    @property
    def enabled(self) -> bool:
        return self._enabled() if callable(self._enabled) else self._enabled

    def draw(self, surface: pygame.Surface, app, focused: bool) -> None:
        pal = app.pal
        base = pal["accent_dim"] if self.primary else pal["panel"]
        fill = mix(base, pal["accent"], 0.35) if focused and self.enabled else base
        if not self.enabled:
            fill = mix(pal["panel"], pal["bg"], 0.4)
        border = pal["accent"] if focused else pal["border"]
        panel(surface, self.rect, fill, border, radius=8, width=2 if focused else 1)
        colour = pal["text"] if self.enabled else pal["text_faint"]
        cx, room = self.rect.centerx, self.rect.w - 16
        label = app.labels.get(txt(self.label), self.size, colour, "semibold", cap=1.6)
        hint_at = None
        if self.hint:
            # the key hint sits at the right; the label centres in what is left. When both do not
            # fit (large text) the hint gives way: the hint bar at the bottom still names the key.
            hint = app.labels.get(txt(self.hint), 13, pal["text_dim"], "semibold", cap=1.5)
            left = self.rect.w - 16 - hint.get_width() - 10
            if label.get_width() <= left:
                at = hint_at = hint.get_rect(midright=(self.rect.right - 10, self.rect.centery))
                surface.blit(hint, at)
                room = left
                if cx + label.get_width() // 2 > at.left - 6:  # centred, it would run into the hint
                    cx = self.rect.x + 8 + left // 2
        drawn = self._label(surface, app, txt(self.label), cx, room, colour)
        self.drawn = (drawn, hint_at)  # where the label and the key hint went (the text-fit test reads it)


    def _label(self, surface: pygame.Surface, app, text: str, cx: int, room: int, colour) -> pygame.Rect:
        """The label centred on one line, or, when that would shrink it past ``READABLE`` and the
        button is tall enough (the play screen's End turn), wrapped onto centred lines."""
        lines = [text]
        if not readable(app, text, self.size, "semibold", 1.6, room):
            wrapped = app.labels.wrap(text, self.size, room, "semibold", cap=1.6)
            if len(wrapped) * app.fonts.get(self.size, "semibold", 1.6).get_linesize() <= self.rect.h - 8:
                lines = wrapped
        lh = app.fonts.get(self.size, "semibold", 1.6).get_linesize()
        top = self.rect.centery - lh * (len(lines) - 1) / 2
        drawn = [blit_text(surface, app, line, (cx, top + i * lh), self.size, colour, "semibold", anchor="center",
                           cap=1.6, max_width=room) for i, line in enumerate(lines)]
        return drawn[0].unionall(drawn[1:])


class Widgets:
    """A focus group of buttons; ``grid_cols`` > 1 makes arrows move in two dimensions."""

    def __init__(self) -> None:
        self.items: list[Button] = []
        self.focus = 0
        self.grid_cols = 1

    def set(self, items: list[Button], focus: int | None = None) -> None:
        self.items = items
        if focus is not None:
            self.focus = focus
        self.focus = min(self.focus, max(0, len(items) - 1))

    @property
    def focused(self) -> Button | None:
        return self.items[self.focus] if self.items else None

    def move(self, d: int) -> None:
        if not self.items:
            return
        n = len(self.items)
        for _ in range(n):
            self.focus = (self.focus + d) % n
            if self.items[self.focus].enabled:
                return

    def handle(self, event: pygame.event.Event) -> bool:
        if not self.items:
            return False
        if event.type == pygame.KEYDOWN:
            k = event.key
            down = (pygame.K_DOWN,)
            if k in (pygame.K_TAB,):
                self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            if self.grid_cols == 1:
                if k in (pygame.K_UP,):
                    self.move(-1)
                    return True
                if k in down:
                    self.move(1)
                    return True
            else:
                step = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1, pygame.K_UP: -self.grid_cols,
                        pygame.K_DOWN: self.grid_cols}.get(k)
                if step is not None:
                    self.focus = min(max(self.focus + step, 0), len(self.items) - 1)
                    return True
            if k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                b = self.focused
                if b and b.enabled:
                    b.action()
                return True
        elif event.type == pygame.MOUSEMOTION:
            for i, b in enumerate(self.items):
                if b.rect.collidepoint(event.pos):
                    self.focus = i
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, b in enumerate(self.items):
                if b.rect.collidepoint(event.pos):
                    self.focus = i
                    if b.enabled:
                        b.action()
                    return True
        return False

    def draw(self, surface: pygame.Surface, app) -> None:
        for i, b in enumerate(self.items):
            b.draw(surface, app, i == self.focus)

    def tip_at(self, pos) -> str | None:
        for b in self.items:
            if b.tooltip and b.rect.collidepoint(pos):
                return txt(b.tooltip)
        return None


class Tooltips:
    """Shows the text for what the pointer rests on (or the focused widget) after a short delay."""

    DELAY = 0.35

    def __init__(self) -> None:
        self.mouse: tuple[int, int] | None = None
        self.text: str | None = None
        self.anchor: tuple[int, int] | None = None
        self.shown_for = 0.0

    def reset(self) -> None:
        self.shown_for = 0.0

    def update(self, dt: float) -> None:
        self.shown_for += dt

    def draw(self, surface: pygame.Surface, app) -> None:
        top = app.top
        if top is None:
            return
        text = top.tip_at(self.mouse) if self.mouse else None
        anchor = self.mouse
        if text != self.text:
            self.text = text
            self.shown_for = 0.0
        if not text or self.shown_for < self.DELAY or anchor is None:
            return
        pal = app.pal
        img = app.labels.block(text, 15, pal["text"], 320, cap=1.6)
        w, h = img.get_width() + 20, img.get_height() + 16
        x = min(anchor[0] + 16, surface.get_width() - w - 6)
        y = anchor[1] + 20
        if y + h > surface.get_height() - 6:
            y = anchor[1] - h - 10
        r = pygame.Rect(x, max(6, y), w, h)
        shadow = r.move(3, 4)
        pygame.draw.rect(surface, (0, 0, 0), shadow, border_radius=8)
        panel(surface, r, pal["panel_hi"], pal["accent"], radius=8)
        surface.blit(img, (r.x + 10, r.y + 8))


def draw_toasts(surface: pygame.Surface, app) -> None:
    pal = app.pal
    y = surface.get_height() - 16
    for text, _left in reversed(app.toasts):
        img = app.labels.block(text, 15, pal["text"], 560, cap=1.6)
        r = pygame.Rect(0, 0, img.get_width() + 28, img.get_height() + 18)
        r.midbottom = (surface.get_width() // 2, y)
        panel(surface, r, pal["panel_hi"], pal["warn"], radius=10, width=2)
        surface.blit(img, (r.x + 14, r.y + 9))
        y = r.top - 8


def hint_bar(surface: pygame.Surface, app, parts: list[str]) -> None:
    """The line of key hints along the bottom of menu scenes."""
    pal = app.pal
    text = "   ·   ".join(parts)
    blit_text(surface, app, text, (surface.get_width() // 2, surface.get_height() - 22), 14,
              pal["text_dim"], anchor="center", cap=1.4, max_width=surface.get_width() - 40)


class ChoiceButton(Button):
    """One answer among several: a key badge, the text (wrapped), and a filled look once chosen."""

    def __init__(self, rect, label: Text, action: Callable[[], None], chosen: Callable[[], bool], *,
                 key: str = "", size: float = 17, tooltip: Text | None = None) -> None:
        super().__init__(rect, label, action, size=size, tooltip=tooltip)
        self.chosen, self.key = chosen, key

    def draw(self, surface: pygame.Surface, app, focused: bool) -> None:
        pal = app.pal
        on = self.chosen()
        fill = mix(pal["panel"], pal["accent"], 0.32) if on else (pal["panel_hi"] if focused else pal["panel"])
        panel(surface, self.rect, fill, pal["accent"] if (on or focused) else pal["border"], radius=8,
              width=3 if on else (2 if focused else 1))
        x = self.rect.x + 12
        if self.key:
            badge = pygame.Rect(x, self.rect.centery - 13, 26, 26)
            panel(surface, badge, pal["accent"] if on else pal["bg2"], pal["border"], radius=6)
            blit_text(surface, app, self.key, badge.center, 14, pal["bg"] if on else pal["text"], "bold",
                      anchor="center", cap=1.2)
            x = badge.right + 12
        width = self.rect.right - 12 - x
        img = app.labels.block(txt(self.label), self.size, pal["text"], width, "semibold" if on else "regular",
                               cap=1.4, spacing=1.2)
        y = max(self.rect.y + 4, self.rect.centery - img.get_height() // 2)
        surface.blit(img, (x, y), pygame.Rect(0, 0, width, self.rect.bottom - 4 - y))
