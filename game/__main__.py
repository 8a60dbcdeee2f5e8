"""``python -m game`` (and ``make play``): open the window and play.

On a machine without a display the game says so and points to the headless engine instead of
failing inside SDL (which would otherwise fall back to an invisible "offscreen" window).
"""

from __future__ import annotations

import os
import sys

NO_DISPLAY = (
    "Amid Plenty needs a display to open its window, and none was found "
    "(DISPLAY and WAYLAND_DISPLAY are not set).\n"
    "To run the simulation without a window, use the headless engine:  python -m sim --help\n"
)


def has_display() -> bool:
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return True  # tests, screenshots and benchmarks ask for a window-less driver on purpose
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    if not has_display():
        from game.i18n import _

        sys.stderr.write(_(NO_DISPLAY))
        return 1
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.app import App

    app = App()
    try:
        app.start()
    except pygame.error as e:
        sys.stderr.write(f"Amid Plenty could not open a window: {e}\nTry the headless engine: python -m sim --help\n")
        return 1
    try:
        app.run()
    except KeyboardInterrupt:
        pygame.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
