"""Colours: one palette for everyday use and one safe for colour-blind players (Okabe–Ito).

Everything drawn asks ``palette(settings)`` for a role ("glucose", "energy", …), never a literal
colour, so switching palettes changes the whole game. Shapes and motion, not colour alone, tell
the compounding factors apart (see ``game.cell``). Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

Colour = tuple[int, int, int]

_BASE: dict[str, Colour] = {
    "bg": (13, 18, 30),
    "bg2": (19, 26, 42),
    "panel": (24, 32, 51),
    "panel_hi": (34, 45, 70),
    "border": (52, 66, 96),
    "text": (232, 237, 246),
    "text_dim": (150, 164, 190),
    "text_faint": (100, 114, 140),
    "accent": (110, 180, 255),
    "accent_dim": (50, 90, 140),
    "good": (86, 204, 130),
    "warn": (242, 178, 64),
    "danger": (238, 90, 90),
    "star": (255, 205, 80),
    "lock": (110, 120, 140),
    # the biology
    "blood": (44, 20, 32),
    "blood_edge": (70, 30, 46),
    "glucose": (255, 190, 70),
    "insulin": (186, 140, 255),
    "energy": (90, 220, 160),
    "cytoplasm": (30, 56, 74),
    "cytoplasm_starving": (62, 50, 52),
    "membrane": (120, 190, 230),
    "receptor": (130, 210, 255),
    "receptor_lost": (105, 110, 125),
    "glut4": (80, 230, 220),
    "signal": (150, 235, 255),
    "mito": (240, 130, 95),
    "mito_sick": (120, 100, 95),
    "fat": (245, 215, 120),
    "lipotoxic": (200, 140, 60),
    "er": (205, 130, 215),
    "nucleus": (60, 80, 120),
    "inflammation": (240, 85, 85),
    "ros": (255, 245, 140),
    "er_stress": (235, 110, 200),
}

# Okabe & Ito (2008) colour-universal-design set; roles that must differ use different hues and
# lightness, and the chart also uses line styles.
_CB: dict[str, Colour] = {
    **_BASE,
    "accent": (86, 180, 233),
    "good": (0, 158, 115),
    "warn": (230, 159, 0),
    "danger": (213, 94, 0),
    "glucose": (230, 159, 0),
    "energy": (86, 180, 233),
    "insulin": (204, 121, 167),
    "receptor": (86, 180, 233),
    "glut4": (0, 158, 115),
    "signal": (170, 220, 250),
    "mito": (213, 94, 0),
    "fat": (240, 228, 66),
    "er": (204, 121, 167),
    "inflammation": (213, 94, 0),
    "ros": (240, 228, 66),
    "er_stress": (204, 121, 167),
    "star": (240, 228, 66),
}

PALETTES: Mapping[str, Mapping[str, Colour]] = MappingProxyType(
    {"default": MappingProxyType(_BASE), "colorblind": MappingProxyType(_CB)})


def palette(colorblind: bool) -> Mapping[str, Colour]:
    return PALETTES["colorblind" if colorblind else "default"]


def mix(a: Colour, b: Colour, t: float) -> Colour:
    t = min(max(t, 0.0), 1.0)
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def dim(c: Colour, f: float) -> Colour:
    return (round(c[0] * f), round(c[1] * f), round(c[2] * f))
