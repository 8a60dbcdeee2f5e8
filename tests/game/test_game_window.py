"""Window events: resizing, fullscreen toggling and focus loss never crash; losing focus pauses play."""

import pygame
from gamehelpers import key, settle

from game.scenes import make


def test_resize_events_keep_logical_size(app):
    for size in ((800, 450), (1920, 1080), (640, 360)):
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
        pygame.event.post(pygame.event.Event(pygame.WINDOWRESIZED, x=size[0], y=size[1]))
        settle(app)
    assert app.screen.get_size() == (1280, 720)


def test_f11_toggles_fullscreen_and_back(app, store):
    key(pygame.K_F11)
    settle(app)
    assert app.settings.fullscreen and store.load_settings().fullscreen
    key(pygame.K_F11)
    settle(app)
    assert not app.settings.fullscreen


def test_focus_loss_pauses_play(app):
    levels = make("levels", app).levels
    app.push(make("play", app, levels=levels, index=0))
    settle(app, 0.6)
    pygame.event.post(pygame.event.Event(pygame.WINDOWFOCUSLOST))
    settle(app)
    assert type(app.top).__name__ == "PauseScene"
    pygame.event.post(pygame.event.Event(pygame.WINDOWFOCUSGAINED))
    key(pygame.K_ESCAPE)
    settle(app)
    assert type(app.top).__name__ == "PlayScene"


def test_quit_event_stops_the_loop(app):
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.step(1 / 60)
    assert not app.running
