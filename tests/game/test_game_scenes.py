"""Every scene renders on the dummy driver, and keyboard and mouse both work."""

from pathlib import Path

import pygame
import pytest
from gamehelpers import key, settle

from game.scenes import SCENES, make

SAMPLE = Path(__file__).resolve().parents[2] / "levels" / "challenges" / "starving-amid-plenty.challenge.toml"


def _non_blank(surface) -> bool:
    arr = pygame.surfarray.array3d(surface)
    return arr.std() > 5


def _levels(app):
    return make("levels", app).levels


@pytest.mark.parametrize("name", sorted(SCENES))
def test_scene_renders(app, name, tmp_path, monkeypatch):
    monkeypatch.setenv("AMID_PLENTY_SUBMISSIONS", str(tmp_path / "submissions"))
    levels = _levels(app)
    kw = {}
    if name in ("briefing", "play"):
        kw = {"levels": levels, "index": 0}
    if name == "results":
        play = make("play", app, levels=levels, index=0)
        while not play.session.done:
            play.end_turn()
        kw = {"levels": levels, "index": 0, "session": play.session, "outcome": play.session.outcome(),
              "points": play.points}
    if name == "pause":
        app.push(make("play", app, levels=levels, index=0))
    if name.startswith("challenge_"):
        from game.classroom import ChallengeFlow

        flow = ChallengeFlow.open(SAMPLE)
        flow.name = "Test"
        kw = {"flow": flow}
        if name in ("challenge_question", "challenge_reflect"):
            kw["index"] = 0
        if name == "challenge_done":
            session = flow.new_session()
            while not session.done:
                session.step([])
            flow.hand_in(app.store.root)
    app.push(make(name, app, **kw))
    settle(app, 0.2)
    assert app.running and type(app.top).__name__ == SCENES[name][1]
    assert _non_blank(app.screen)


def test_escape_goes_back_from_each_menu(app):
    for name in ("levels", "settings", "help"):
        app.push(make(name, app))
        settle(app)
        key(pygame.K_ESCAPE)
        settle(app)
        assert type(app.top).__name__ == "TitleScene"


def test_mouse_click_opens_level_select(app):
    settle(app)
    b = app.top.widgets.items[0]
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=b.rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=b.rect.center, button=1))
    settle(app)
    assert type(app.top).__name__ == "LevelSelectScene"


def test_tooltip_shows_on_hover(app):
    levels = _levels(app)
    app.push(make("play", app, levels=levels, index=0))
    play = app.top
    settle(app)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=play.cell.rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    settle(app, 0.6)
    assert type(app.top).__name__ == "PlayScene"
    assert app.tooltips.text  # something about the nucleus or cytoplasm


def test_settings_keys_change_and_save(app, store):
    app.push(make("settings", app))
    settle(app)
    key(pygame.K_RIGHT)  # volume up
    key(pygame.K_DOWN)
    key(pygame.K_RETURN)  # mute on
    key(pygame.K_DOWN)
    key(pygame.K_RIGHT)  # text 125%
    settle(app)
    saved = store.load_settings()
    assert saved.muted and saved.text_scale_pct == 125 and saved.volume > 0.35
    assert app.fonts.scale == 1.25


@pytest.mark.parametrize("scale", [75, 200])
def test_play_screen_renders_at_text_extremes(app, scale):
    import attrs

    app.apply_settings(attrs.evolve(app.settings, text_scale_pct=scale, colorblind=True, reduced_motion=True))
    app.push(make("play", app, levels=_levels(app), index=0))
    app.top.end_turn()
    settle(app, 0.5)
    assert _non_blank(app.screen)
