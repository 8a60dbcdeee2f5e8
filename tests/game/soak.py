"""The game soak's runner: random keyboard and mouse input across every scene, on the dummy driver.

No exception may escape, and traced memory may not keep growing: after a warm-up, the peak of
the second half stays within a small margin of the first half's. ``SOAK_FRAMES`` changes the
count (``make fuzz`` runs more). The 50,000 frames are split into parts, one per test file
(``test_game_soak_*.py``), so that xdist's ``--dist loadfile`` runs them on both workers.
"""

import os
import random
import tracemalloc

import pygame

FRAMES = int(os.environ.get("SOAK_FRAMES", "50000"))
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
    tracemalloc.start()
    half = FRAMES // 2
    peaks = []
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
            if frame == FRAMES // 10:
                tracemalloc.reset_peak()
            if frame in (half, FRAMES - 1):
                peaks.append(tracemalloc.get_traced_memory()[1])
                tracemalloc.reset_peak()
    finally:
        tracemalloc.stop()
        pygame.quit()
    assert len(scenes_seen) >= 5, scenes_seen
    first, second = peaks
    assert second <= first * 1.25 + 2_000_000, f"memory grew: {first:,} → {second:,} bytes"
