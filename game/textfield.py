"""A text field for names and written answers, and the clipboard.

Characters arrive as ``TEXTINPUT`` events (SDL composes them, so accents and other scripts work);
``KEYDOWN`` brings the editing keys: Backspace (Ctrl: a whole word), Ctrl+V to paste, and
Shift+Enter for a new line in a multi-line field. Enter itself belongs to the scene (next step).
The caret stays at the end: short answers need no more, and it keeps the widget small.

``copy_text`` / ``paste_text`` use SDL's clipboard through ``pygame.scrap`` when it works and say so
when it does not (SDL's dummy driver, some remote desktops), so callers can fall back.
"""

from __future__ import annotations

import pygame

from game.theme import mix
from game.ui import panel


class TextField:
    def __init__(self, text: str = "", max_chars: int = 80, multiline: bool = False) -> None:
        self.text = text
        self.max_chars = max_chars
        self.multiline = multiline
        self.blink = 0.0

    def insert(self, s: str) -> None:
        if not self.multiline:
            s = " ".join(s.splitlines())
        s = "".join(c for c in s if c == "\n" or c.isprintable())
        self.text = (self.text + s)[: self.max_chars]
        self.blink = 0.0

    def handle(self, event: pygame.event.Event) -> bool:
        """True when the event was the field's (the scene should not act on it)."""
        if event.type == pygame.TEXTINPUT:
            self.insert(event.text)
            return True
        if event.type != pygame.KEYDOWN:
            return False
        k, mod = event.key, getattr(event, "mod", 0)
        if k == pygame.K_BACKSPACE:
            if mod & pygame.KMOD_CTRL:
                self.text = self.text.rstrip()
                cut = max(self.text.rfind(" "), self.text.rfind("\n"))
                self.text = self.text[: cut + 1] if cut >= 0 else ""
            else:
                self.text = self.text[:-1]
            self.blink = 0.0
            return True
        if k == pygame.K_v and mod & pygame.KMOD_CTRL:
            pasted = paste_text()
            if pasted:
                self.insert(pasted)
            return True
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.multiline and mod & pygame.KMOD_SHIFT:
            self.insert("\n")
            return True
        # the scene's keys go on; any other key is typing (its character comes as TEXTINPUT), never a
        # hotkey or a button press
        return k not in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB, pygame.K_F11,
                         pygame.K_UP, pygame.K_DOWN)

    def update(self, dt: float) -> None:
        self.blink += dt

    def draw(self, surface: pygame.Surface, app, rect: pygame.Rect, focused: bool = True,
             placeholder: str = "", size: float = 20) -> None:
        pal = app.pal
        panel(surface, rect, mix(pal["bg2"], pal["panel"], 0.5), pal["accent"] if focused else pal["border"],
              radius=8, width=2 if focused else 1)
        inner = rect.inflate(-24, -20)
        shown = self.text if self.text else placeholder
        colour = pal["text"] if self.text else pal["text_faint"]
        if self.multiline:
            img = app.labels.block(shown + (" " if self.text.endswith("\n") else ""), size, colour, inner.w, cap=1.5)
            # keep the end (where the caret is) in view
            off = max(0, img.get_height() - inner.h)
            surface.blit(img, inner.topleft, pygame.Rect(0, off, inner.w, inner.h))
            lines = app.labels.wrap(self.text or " ", size, inner.w, cap=1.5) if self.text else [""]
            if self.text.endswith("\n"):
                lines.append("")
            lh = round(app.fonts.get(size, cap=1.5).get_linesize() * 1.3 / 1.2)
            last = lines[-1] if lines else ""
            cx = inner.x + app.fonts.get(size, cap=1.5).size(last)[0] + 2
            cy = inner.y + min(inner.h, (len(lines) - 1) * lh - off) + 2
            ch = lh - 4
        else:
            img = app.labels.get(shown, size, colour, cap=1.5)
            off = max(0, img.get_width() - inner.w + 6) if self.text else 0
            y = inner.centery - img.get_height() // 2
            surface.blit(img, (inner.x, y), pygame.Rect(off, 0, inner.w, img.get_height()))
            cx = inner.x + (img.get_width() - off if self.text else 0) + 2
            cy, ch = y + 2, img.get_height() - 4
        if focused and (app.settings.reduced_motion or int(self.blink * 2) % 2 == 0):
            pygame.draw.line(surface, pal["accent"], (cx, cy), (cx, cy + ch), 2)


def copy_text(text: str) -> bool:
    """Put ``text`` on the clipboard; False when this system's clipboard is not reachable."""
    try:
        pygame.scrap.put_text(text)
        return pygame.scrap.get_text() == text
    except (pygame.error, AttributeError, NotImplementedError, OSError):
        return False


def paste_text() -> str:
    try:
        return pygame.scrap.get_text() or ""
    except (pygame.error, AttributeError, NotImplementedError, OSError):
        return ""
