"""The front end's promises that need no window: catalog, no strings in drawing code, no display, sound."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

GAME = Path(__file__).resolve().parents[2] / "game"
DRAW_CALLS = {"blit_text": 2, "get": 0, "block": 0}


def test_pot_template_is_up_to_date():
    from game.tools.make_pot import main

    assert main(["--check"]) == 0


def test_drawing_code_renders_no_string_literals():
    """Text drawn on screen comes through _(); a bare literal with letters would skip the catalog."""
    bad = []
    for path in GAME.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
            owner = f.value.attr if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Attribute) else None
            if name == "blit_text":
                idx = 2
            elif name in ("get", "block") and owner == "labels":
                idx = 0
            else:
                continue
            if len(node.args) > idx:
                a = node.args[idx]
                if isinstance(a, ast.Constant) and isinstance(a.value, str) and any(c.isalpha() for c in a.value):
                    bad.append(f"{path.name}:{node.lineno} {a.value!r}")
    assert not bad, bad


def test_no_display_exits_with_a_pointer_to_the_headless_engine():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    out = subprocess.run([sys.executable, "-m", "game"], env=env, capture_output=True, text=True, timeout=60,
                         cwd=GAME.parent)
    assert out.returncode == 1
    assert "python -m sim" in out.stderr and "display" in out.stderr


def test_importing_game_starts_nothing():
    code = "import game.app, game.scenes.play, pygame, sys; print(pygame.display.get_init())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=GAME.parent)
    assert out.stdout.strip().endswith("False")


def test_sound_cues_are_short_and_bounded():
    from game.sound import RATE, cue_waves

    for name, w in cue_waves().items():
        assert 0 < len(w) / RATE < 1.0, name
        assert np.isfinite(w).all() and np.abs(w).max() < 1.5, name


def test_sound_plays_silently_on_dummy_audio():
    import pygame

    from game.sound import Sound

    pygame.init()
    s = Sound()
    s.start(0.2)
    s.play("meal")
    s.set_volume(0.0)
    s.play("warning")
    s.stop()
    pygame.quit()
