"""Scenes on a stack: title, level select, briefing, play, results, settings, help, pause.

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
}


def make(name: str, app, **kw):
    module, cls = SCENES[name]
    return getattr(importlib.import_module(module), cls)(app, **kw)
