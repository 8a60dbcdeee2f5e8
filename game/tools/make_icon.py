"""Draw ``assets/images/icon.png`` (the window icon): a cell with receptors amid glucose hexagons.

Run ``python -m game.tools.make_icon``; the PNG is committed, so the game only loads it.
"""

from __future__ import annotations

import math
import os

from game.fonts import ASSETS


def main() -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game import shapes
    from game.theme import palette

    pygame.init()
    pal = palette(False)
    n = 128
    s = pygame.Surface((n, n), pygame.SRCALPHA)
    pygame.draw.rect(s, pal["blood"], s.get_rect(), border_radius=26)
    for i in range(9):
        a = i * 2 * math.pi / 9 + 0.3
        shapes.hexagon(s, pal["glucose"], (n / 2 + 52 * math.cos(a), n / 2 + 52 * math.sin(a)), 6)
    c = (n / 2, n / 2)
    pygame.draw.circle(s, pal["cytoplasm"], c, 34)
    pygame.draw.circle(s, pal["membrane"], c, 34, 4)
    for i in range(8):
        a = i * 2 * math.pi / 8
        x, y = c[0] + 34 * math.cos(a), c[1] + 34 * math.sin(a)
        pygame.draw.line(s, pal["receptor"], (x, y), (c[0] + 42 * math.cos(a), c[1] + 42 * math.sin(a)), 3)
    pygame.draw.circle(s, pal["nucleus"], (c[0] + 6, c[1] + 2), 12)
    shapes.mito(s, pal["mito"], (c[0] - 14, c[1] - 12), 8, outline=(90, 40, 30))
    out = ASSETS / "images" / "icon.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(s, str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
