"""Amid Plenty desktop front end (pygame-ce)."""
