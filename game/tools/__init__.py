"""Maintenance tools for the front end (catalog template, icon)."""
