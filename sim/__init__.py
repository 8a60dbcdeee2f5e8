"""Amid Plenty simulation engine (no pygame)."""
