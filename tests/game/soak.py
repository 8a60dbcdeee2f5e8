"""The game soak's runner: random keyboard and mouse input across every scene, on the dummy driver.

No exception may escape, and memory may not keep growing: after a warm-up, neither the count of
live Python objects nor the resident set size (which also sees SDL's surfaces, invisible to
tracemalloc) may grow from the middle of the run to its end by more than a small margin. ``SOAK_FRAMES`` changes the
count (``make fuzz`` runs more). The 20,000 frames are split into parts, one per test file
(``test_game_soak_*.py``), so that xdist's ``--dist loadfile`` runs them on both workers.

Each part runs in a child process of its own (``soak_in_child``), so that what it measures is the
game alone and not what earlier tests in the same xdist worker left behind. The soak once used
tracemalloc: it made every frame five times slower, and on CPython 3.11 ``tracemalloc.stop()``
racing a Dask event-loop thread left by an earlier test crashed the worker (a segfault that hung CI).
"""

import os
import random
import subprocess
import sys
import gc
import resource
from pathlib import Path

import pygame

FRAMES = int(os.environ.get("SOAK_FRAMES", "20000"))
PARTS = 2
DT = 1 / 60
KEYS = [
    pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_RETURN, pygame.K_SPACE,
    pygame.K_ESCAPE, pygame.K_TAB, pygame.K_h, pygame.K_p, pygame.K_r, pygame.K_n, pygame.K_w,
    pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6, pygame.K_7, pygame.K_8,
    pygame.K_9, pygame.K_0, pygame.K_a, pygame.K_s, pygame.K_m, pygame.K_PLUS, pygame.K_MINUS,
]


def post_random_input(rng):
    r = rng.random()
    if r < 0.45:
        k = rng.choice(KEYS)
        # Esc is common in the list; thin it out so the soak spends time deep in scenes too.
        if k == pygame.K_ESCAPE and rng.random() < 0.7:
            k = pygame.K_RETURN
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, unicode="", mod=0, scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, unicode="", mod=0, scancode=0))
    elif r < 0.75:
        pos = (rng.randrange(1280), rng.randrange(720))
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    elif r < 0.95:
        pos = (rng.randrange(1280), rng.randrange(720))
        button = rng.choice([1, 1, 1, 3, 4, 5])
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
    elif r < 0.97:
        pygame.event.post(pygame.event.Event(pygame.WINDOWFOCUSLOST))
        pygame.event.post(pygame.event.Event(pygame.WINDOWFOCUSGAINED))
    elif r < 0.98:
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(rng.randrange(400, 1920), rng.randrange(300, 1080)),
                                             w=800, h=600))
    # else: a quiet frame


def soak(store, seed: int, frames: int) -> None:
    """Play ``frames`` frames of random input from ``seed``; fail on a crash or on memory growth."""
    from game.app import App

    FRAMES = frames
    rng = random.Random(seed)
    app = App(store)
    app.start()
    restarts = 0
    scenes_seen: set[str] = set()
    half = FRAMES // 2
    marks = {}
    try:
        for frame in range(FRAMES):
            if rng.random() < 0.5:
                post_random_input(rng)
            app.step(DT)
            if app.top is not None:
                scenes_seen.add(type(app.top).__name__)
            if not app.running:  # Esc on the title quits: start again, as a player would
                restarts += 1
                app.running = True
                app.stack.clear()
                from game.scenes import make

                app.push(make("title", app))
            if frame in (half, FRAMES - 1):
                gc.collect()
                marks[frame] = (len(gc.get_objects()), resident_bytes())
    finally:
        pygame.quit()
    assert len(scenes_seen) >= 5, scenes_seen
    (objects_mid, rss_mid), (objects_end, rss_end) = marks[half], marks[FRAMES - 1]
    print(f"objects {objects_mid:,} -> {objects_end:,}; resident {rss_mid:,} -> {rss_end:,} bytes")
    assert objects_end <= objects_mid * 1.05 + 5_000, f"Python objects grew: {objects_mid:,} → {objects_end:,}"
    # Headroom for what is bounded but loaded on demand: a font face per size at each text scale
    # the random player picks (about 0.5 MB each) and the label cache (at most 24 MB).
    assert rss_end <= rss_mid * 1.10 + 40_000_000, f"resident memory grew: {rss_mid:,} → {rss_end:,} bytes"


def resident_bytes() -> int:
    """The process's resident set now (Linux), else its peak so far (a bound that cannot shrink)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def soak_in_child(folder: Path, seed: int, frames: int) -> None:
    """``soak`` in a fresh interpreter with only this runner's threads; fails with its output."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    done = subprocess.run([sys.executable, "-X", "faulthandler", __file__, str(folder), str(seed), str(frames)],
                          capture_output=True, text=True, env=env, timeout=1500)
    print(done.stdout[-500:])
    assert done.returncode == 0, f"soak exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, as pytest's rootdir
    from game.settings import Store

    soak(Store(Path(sys.argv[1])), seed=int(sys.argv[2]), frames=int(sys.argv[3]))
