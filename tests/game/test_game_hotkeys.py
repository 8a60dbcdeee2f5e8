"""Every action's hotkey, pressed on the play screen of every shipped level, chooses that action —
it never opens help or pause instead — and H / P still open help and pause."""

import pygame
import pytest
from gamehelpers import key, settle

from game import campaign
from game.scenes import make

LEVELS = campaign.campaign()


def _play(app, index):
    app.replace(make("play", app, levels=LEVELS, index=index, seed=0))
    settle(app)
    return app.top


@pytest.mark.parametrize("index", range(len(LEVELS)), ids=[i.slug for i in LEVELS])
def test_each_hotkey_chooses_its_action_and_nothing_else(app, index):
    play = _play(app, index)
    for card in play.view.actions:
        assert play.can_pick(card.slug), f"{card.slug} cannot be chosen on turn 1"
        key(pygame.key.key_code(card.hotkey), unicode=card.hotkey)
        settle(app, 0.02)
        assert app.top is play, f"[{card.hotkey}] for {card.slug} opened {type(app.top).__name__}"
        assert play.selected == [card.slug], f"[{card.hotkey}] chose {play.selected}, not {card.slug}"
        key(pygame.key.key_code(card.hotkey), unicode=card.hotkey)  # and again: chosen no more
        settle(app, 0.02)
        assert play.selected == []


@pytest.mark.parametrize("letter, scene", [("h", "HelpScene"), ("p", "PauseScene")])
def test_the_games_own_keys_still_work(app, letter, scene):
    play = _play(app, 1)
    key(pygame.key.key_code(letter), unicode=letter)
    settle(app, 0.05)
    assert type(app.top).__name__ == scene
    assert play.selected == []
