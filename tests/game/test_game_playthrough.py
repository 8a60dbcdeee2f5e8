"""A campaign level played through posted keyboard events reaches the results screen with the same
score as ``python -m sim replay`` of the same actions."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from gamehelpers import key, settle

from game import campaign

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not campaign.levels_available(), reason="sim.levels is not installed")
def test_keyboard_playthrough_matches_replay(app, tmp_path):
    settle(app)
    key(pygame.K_RETURN)  # title: play the campaign
    settle(app)
    assert type(app.top).__name__ == "LevelSelectScene"
    key(pygame.K_RETURN)  # level 1
    settle(app)
    assert type(app.top).__name__ == "BriefingScene"
    key(pygame.K_RETURN)  # start
    settle(app)
    play = app.top
    assert type(play).__name__ == "PlayScene"
    hotkey = play.view.actions[0].hotkey
    turns = 0
    while type(app.top).__name__ == "PlayScene" and turns < 200:
        if turns % 3 == 1:  # a walk now and then, by its hotkey
            key(pygame.key.key_code(hotkey), unicode=hotkey)
        key(pygame.K_SPACE)
        settle(app, 0.05)
        turns += 1
    settle(app, 2.5)
    results = app.top
    assert type(results).__name__ == "ResultsScene"
    assert any(play.session.action_log), "some walks were taken"
    shown = results.outcome.score
    replay = tmp_path / "run.json"
    replay.write_text(json.dumps(play.session.replay_json()))
    out = subprocess.run([sys.executable, "-m", "sim", "replay", str(replay)], cwd=REPO, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    score = int(re.search(r"score (\d+)", out.stdout).group(1))
    assert score == shown
    assert app.progress.levels[play.info.slug].played == 1
