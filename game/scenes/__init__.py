"""Scenes on a stack: title, level select, briefing, play, results, settings, help, pause, and the
classroom challenge (picker, name, questions, reflection, handed in).

``make(name, app, **kw)`` builds one by name, so the app and tests need not import every module.
"""

from __future__ import annotations

import importlib

SCENES = {
    "title": ("game.scenes.title", "TitleScene"),
    "levels": ("game.scenes.levels", "LevelSelectScene"),
    "briefing": ("game.scenes.briefing", "BriefingScene"),
    "play": ("game.scenes.play", "PlayScene"),
    "results": ("game.scenes.results", "ResultsScene"),
    "settings": ("game.scenes.settings", "SettingsScene"),
    "help": ("game.scenes.help", "HelpScene"),
    "pause": ("game.scenes.pause", "PauseScene"),
    "challenges": ("game.scenes.picker", "ChallengePickerScene"),
    "challenge_name": ("game.scenes.challenge", "NameScene"),
    "challenge_briefing": ("game.scenes.challenge_briefing", "ChallengeBriefingScene"),
    "challenge_question": ("game.scenes.challenge", "QuestionScene"),
    "challenge_reflect": ("game.scenes.challenge", "ReflectionScene"),
    "challenge_done": ("game.scenes.handed_in", "HandedInScene"),
}


def make(name: str, app, **kw):
    module, cls = SCENES[name]
    return getattr(importlib.import_module(module), cls)(app, **kw)
