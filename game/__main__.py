"""``python -m game`` (and ``make play``): open the window and play.

``--challenge FILE`` (or a shipped challenge's name) opens a classroom challenge straight away (its name step); a bad argument or
a challenge file that can't be used ends in one line and exit status 2, before any window opens.
On a machine without a display the game says so and points to the headless engine instead of
failing inside SDL (which would otherwise fall back to an invisible "offscreen" window).
``--frames N`` stops after N frames and prints where it got to: how CI checks an installed wheel
or a standalone build on SDL's dummy drivers (``.ci/standalone-test``) without a Python prompt.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from sim.cli.errors import prog_name, version_text
from sim.cli.names import challenge_arg

NO_DISPLAY = (
    "Amid Plenty needs a display to open its window, and none was found "
    "(DISPLAY and WAYLAND_DISPLAY are not set).\n"
    "To run the simulation without a window, use the headless engine:  python -m sim --help\n"
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def parse_args(argv: list[str] | None):
    p = _Parser(prog=prog_name("game", "amid-plenty"), description="Amid Plenty: how a cell starves while sugar piles up outside it.")
    p.add_argument("--challenge", metavar="FILE", type=challenge_arg,
                   help="open a classroom challenge file (NAME.challenge.toml) from your teacher, "
                        "or a shipped challenge by its NAME")
    p.add_argument("--frames", metavar="N", type=_positive,
                   help="quit after N frames and print the scene reached (to check an installation)")
    p.add_argument("--version", action="version", version=version_text())
    return p.parse_args(argv)


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"found {text!r}; allowed: a whole number of frames, 1 or more")
    return n


def has_display() -> bool:
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return True  # tests, screenshots and benchmarks ask for a window-less driver on purpose
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    flow = None
    if args.challenge:
        from game.classroom import ChallengeFlow
        from sim.errors import UserError

        try:
            flow = ChallengeFlow.open(args.challenge)
        except (UserError, OSError) as e:
            sys.stderr.write(f"{prog_name('game', 'amid-plenty')}: {e}\n")
            return 2
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
    if flow is not None:
        from game.scenes import make

        app.push(make("challenge_name", app, flow=flow))
    if args.frames:
        app.on_frame = lambda a: a.quit() if a.frames >= args.frames else None
    try:
        app.run()
    except KeyboardInterrupt:
        pygame.quit()
    if args.frames:
        from game.i18n import current_language

        print(f"{app.frames} frames; scene {type(app.top).__name__}; language {current_language()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
