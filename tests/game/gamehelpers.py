"""Helpers for game tests: step the app with a fixed dt, post key events."""

import pygame

DT = 1 / 60


def settle(app, seconds=0.1, dt=DT):
    for _ in range(max(1, round(seconds / dt))):
        app.step(dt)


def key(k, unicode="", mod=0):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, unicode=unicode, mod=mod, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, unicode=unicode, mod=mod, scancode=0))


def type_text(text):
    """Typing as SDL delivers it: each character as TEXTINPUT (a KEYDOWN without a character too)."""
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_UNKNOWN, unicode=ch, mod=0, scancode=0))
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
