"""The shipped fonts (Inter; JetBrains Mono for result codes) at every size, and a label cache.

Fonts load by path from ``assets/fonts``, installed as the package ``game.assets`` and found with
``importlib.resources`` (never a system font). Sizes are design sizes at 100%
text; ``Fonts.scale`` applies the player's text size. ``Labels.get`` renders a string once and
blits the cached surface afterwards (``font.render`` each frame is 2–6× dearer).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pygame

# Installs are unzipped (wheels, editable installs, PyInstaller): the resource is a real folder.
ASSETS = Path(str(resources.files("game.assets")))
FONT_FILES = {
    "regular": ASSETS / "fonts" / "Inter-Regular.otf",
    "semibold": ASSETS / "fonts" / "Inter-SemiBold.otf",
    "bold": ASSETS / "fonts" / "Inter-Bold.otf",
    # Result codes are copied by hand: a monospace face whose I, l, 1, O and 0 all differ.
    "mono": ASSETS / "fonts" / "JetBrainsMono-Regular.ttf",
}


class Fonts:
    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale
        self._cache: dict[tuple[int, str], pygame.font.Font] = {}

    def px(self, size: float, cap: float | None = None) -> int:
        s = self.scale if cap is None else min(self.scale, cap)
        return max(8, round(size * s))

    def get(self, size: float, weight: str = "regular", cap: float | None = None) -> pygame.font.Font:
        key = (self.px(size, cap), weight)
        f = self._cache.get(key)
        if f is None:
            f = pygame.font.Font(str(FONT_FILES[weight]), key[0])
            self._cache[key] = f
        return f


class Labels:
    """Rendered text surfaces, keyed by everything that changes their pixels.

    Bounded by pixel bytes as well as by count: a wrapped paragraph is up to a megabyte, so a
    count alone let a long session hold a hundred megabytes of old briefings (the soak saw it).
    """

    def __init__(self, fonts: Fonts, limit: int = 4000, byte_limit: int = 24 << 20) -> None:
        self.fonts = fonts
        self.limit = limit
        self.byte_limit = byte_limit
        self._cache: dict[tuple, pygame.Surface] = {}
        self._bytes = 0

    def clear(self) -> None:
        self._cache.clear()
        self._bytes = 0

    def _keep(self, key: tuple, s: pygame.Surface) -> None:
        size = s.get_pitch() * s.get_height()
        if len(self._cache) >= self.limit or self._bytes + size > self.byte_limit:
            self.clear()
        self._cache[key] = s
        self._bytes += size

    def get(self, text: str, size: float, colour: tuple[int, int, int], weight: str = "regular",
            cap: float | None = None) -> pygame.Surface:
        key = (text, self.fonts.px(size, cap), colour, weight)
        s = self._cache.get(key)
        if s is None:
            s = self.fonts.get(size, weight, cap).render(text, True, colour)
            self._keep(key, s)
        return s

    def wrap(self, text: str, size: float, width: int, weight: str = "regular",
             cap: float | None = None) -> list[str]:
        """Split ``text`` into lines no wider than ``width`` pixels (paragraphs kept)."""
        font = self.fonts.get(size, weight, cap)
        lines: list[str] = []
        for para in text.split("\n"):
            words = para.split()
            if not words:
                lines.append("")
                continue
            cur = words[0]
            for w in words[1:]:
                trial = f"{cur} {w}"
                if font.size(trial)[0] <= width:
                    cur = trial
                else:
                    lines.append(cur)
                    cur = w
            lines.append(cur)
        return lines

    def line_height(self, size: float, weight: str = "regular", cap: float | None = None,
                    spacing: float = 1.3) -> int:
        """The pitch of a ``block``'s lines: a box a whole number of them high cuts none in half."""
        return round(self.fonts.get(size, weight, cap).get_linesize() * spacing / 1.2)

    def block(self, text: str, size: float, colour: tuple[int, int, int], width: int,
              weight: str = "regular", cap: float | None = None, spacing: float = 1.3) -> pygame.Surface:
        """A wrapped paragraph as one cached surface."""
        key = ("\x00block", text, self.fonts.px(size, cap), colour, weight, width, spacing)
        s = self._cache.get(key)
        if s is None:
            lines = self.wrap(text, size, width, weight, cap)
            lh = self.line_height(size, weight, cap, spacing)
            s = pygame.Surface((width, max(1, lh * len(lines))), pygame.SRCALPHA)
            for i, line in enumerate(lines):
                if line:
                    s.blit(self.get(line, size, colour, weight, cap), (0, i * lh))
            self._keep(key, s)
        return s
