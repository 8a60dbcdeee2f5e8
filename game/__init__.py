"""Amid Plenty's desktop front end (pygame-ce): scenes, rendering, input, sound, settings.

It reads simulation snapshots and sends player actions; it holds no physiology. Nothing happens
at import time: ``pygame.init()`` runs in ``game.app.App.start``.
"""
