"""Helpers for game tests: step the app with a fixed dt, post key events."""

import pygame

DT = 1 / 60


def settle(app, seconds=0.1, dt=DT):
    for _ in range(max(1, round(seconds / dt))):
        app.step(dt)


def key(k, unicode="", mod=0):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, unicode=unicode, mod=mod, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, unicode=unicode, mod=mod, scancode=0))
