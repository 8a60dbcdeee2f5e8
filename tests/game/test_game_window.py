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


def test_a_smaller_window_shows_the_whole_picture_and_clicks_land_on_what_is_drawn(app):
    """Half-size window: the logical picture is scaled into it whole (not cropped), and a click at
    the scaled position of "Open a challenge" opens the challenge picker."""
    settle(app)
    title = app.top
    button = next(b for b in title.widgets.items if "challenge" in b.label().lower())
    pygame.display.set_mode((640, 360), pygame.RESIZABLE)
    settle(app)
    view = app.view_rect()
    assert view.size == (640, 360) and view.topleft == (0, 0)
    shown = pygame.display.get_surface()
    # the title's right edge (the picture of the cell) is in the window, so nothing is cropped
    expected = pygame.transform.smoothscale(app.screen, (640, 360))
    assert shown.get_at((600, 180)) == expected.get_at((600, 180))
    at = (button.rect.centerx // 2, button.rect.centery // 2)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=at, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=at, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=at, button=1))
    settle(app)
    assert type(app.top).__name__ == "ChallengePickerScene"


def test_a_wide_window_letterboxes_and_maps_the_bars_away(app):
    pygame.display.set_mode((1920, 720), pygame.RESIZABLE)
    settle(app)
    view = app.view_rect()
    assert view.size == (1280, 720) and view.x == 320
    assert app.to_logical((320, 0)) == (0, 0) and app.to_logical((1599, 719)) == (1279, 719)
