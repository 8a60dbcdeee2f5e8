"""Glyphs drawn with pygame.draw, used by the cell, the gauges, the legend and the glossary.

Each compounding factor has its own shape, so players can tell them apart without colour:
inflammation is a spiky ball (cytokine), oxidative stress a zig-zag spark (ROS), ER stress a
wriggling strand (unfolded protein), lipotoxicity a sharp shard. Glucose is a small hexagon (the
ring of a glucose molecule) and insulin a key. ``sprite(kind, colour, size)`` caches a rendered
glyph so particles are blitted, not redrawn.
"""

from __future__ import annotations

import math
from functools import lru_cache

import pygame

Colour = tuple[int, int, int]


def hexagon(surface, colour, centre, r, width=0) -> None:
    cx, cy = centre
    pts = [(cx + r * math.cos(math.pi / 3 * i + math.pi / 6), cy + r * math.sin(math.pi / 3 * i + math.pi / 6))
           for i in range(6)]
    pygame.draw.polygon(surface, colour, pts, width)


def spiky(surface, colour, centre, r, spikes=8, width=0) -> None:
    cx, cy = centre
    pts = []
    for i in range(spikes * 2):
        rr = r if i % 2 == 0 else r * 0.45
        a = math.pi * i / spikes
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    pygame.draw.polygon(surface, colour, pts, width)


def spark(surface, colour, centre, r, width=2, phase=0) -> None:
    cx, cy = centre
    zig = [(-1.0, -0.9), (0.15, -0.2), (-0.35, 0.05), (1.0, 0.9)] if phase == 0 else \
          [(-0.9, 1.0), (-0.1, 0.05), (0.35, 0.3), (0.9, -1.0)]
    pts = [(cx + r * x, cy + r * y) for x, y in zig]
    pygame.draw.lines(surface, colour, False, pts, width)
    pygame.draw.circle(surface, colour, (round(cx + r), round(cy + r * (0.9 if phase == 0 else -1.0))), max(1, width - 1))


def squiggle(surface, colour, centre, r, width=2, phase=0.0) -> None:
    cx, cy = centre
    pts = [(cx - r + 2 * r * i / 10, cy + 0.45 * r * math.sin(i * 1.3 + phase)) for i in range(11)]
    pygame.draw.lines(surface, colour, False, pts, width)


def shard(surface, colour, centre, r) -> None:
    cx, cy = centre
    pygame.draw.polygon(surface, colour, [(cx - r, cy + r * 0.5), (cx + r * 0.2, cy - r), (cx + r, cy + r * 0.7)])


def key(surface, colour, centre, r) -> None:
    """Insulin as a key: a ring with a bit."""
    cx, cy = centre
    pygame.draw.circle(surface, colour, (round(cx - r * 0.45), round(cy)), max(2, round(r * 0.5)), max(1, round(r * 0.22)))
    pygame.draw.line(surface, colour, (cx, cy), (cx + r, cy), max(1, round(r * 0.25)))
    pygame.draw.line(surface, colour, (cx + r * 0.75, cy), (cx + r * 0.75, cy + r * 0.4), max(1, round(r * 0.22)))


def mito(surface, colour, centre, r, health=1.0, outline=(0, 0, 0)) -> None:
    cx, cy = centre
    rect = pygame.Rect(0, 0, round(2.2 * r), round(1.2 * r))
    rect.center = (round(cx), round(cy))
    pygame.draw.ellipse(surface, colour, rect)
    pygame.draw.ellipse(surface, outline, rect, 2)
    folds = max(0, round(4 * health))
    for i in range(folds):
        x = rect.x + rect.w * (i + 1) / (folds + 1)
        up = i % 2 == 0
        y0, y1 = (rect.y + 3, rect.centery + 3) if up else (rect.centery - 3, rect.bottom - 3)
        pygame.draw.line(surface, outline, (x, y0), (x, y1), 2)


def star(surface, colour, centre, r, filled=True) -> None:
    cx, cy = centre
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.45
        a = -math.pi / 2 + math.pi * i / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    pygame.draw.polygon(surface, colour, pts, 0 if filled else 2)


def lock(surface, colour, centre, r) -> None:
    cx, cy = centre
    body = pygame.Rect(0, 0, round(1.6 * r), round(1.1 * r))
    body.midtop = (round(cx), round(cy))
    shackle = pygame.Rect(0, 0, round(1.0 * r), round(1.5 * r))
    shackle.midtop = (round(cx), round(cy - r * 0.85))
    pygame.draw.ellipse(surface, colour, shackle, 2)
    pygame.draw.rect(surface, colour, body, border_radius=3)


DRAWERS = {"glucose": hexagon, "inflammation": spiky, "ros": spark, "er_stress": squiggle,
           "lipotoxic": shard, "insulin": key}


@lru_cache(maxsize=256)
def sprite(kind: str, colour: Colour, size: int, variant: int = 0) -> pygame.Surface:
    """A glyph on a transparent square of side ``2*size+4`` (cached)."""
    side = 2 * size + 4
    s = pygame.Surface((side, side), pygame.SRCALPHA)
    c = (side / 2, side / 2)
    if kind == "glucose":
        hexagon(s, colour, c, size)
        hexagon(s, tuple(min(255, v + 50) for v in colour), c, size, 1)
    elif kind == "inflammation":
        spiky(s, colour, c, size, spikes=7 + variant % 2)
    elif kind == "ros":
        spark(s, colour, c, size * 0.9, width=2, phase=variant % 2)
    elif kind == "er_stress":
        squiggle(s, colour, c, size, width=2, phase=variant * 1.1)
    elif kind == "lipotoxic":
        shard(s, colour, c, size)
    elif kind == "insulin":
        key(s, colour, c, size)
    elif kind == "dot":
        pygame.draw.circle(s, colour, c, size)
    elif kind == "glow":
        for i in range(size, 0, -1):
            a = round(120 * (1 - i / size) ** 2)
            pygame.draw.circle(s, (*colour, a), c, i)
    return s


def icon(surface, kind: str, colour: Colour, centre, r: int) -> None:
    """Draw a legend icon directly (for gauges and the glossary)."""
    if kind == "mito":
        mito(surface, colour, centre, r * 0.8, outline=tuple(v // 3 for v in colour))
    elif kind == "fat":
        pygame.draw.circle(surface, colour, centre, r)
        pygame.draw.circle(surface, tuple(min(255, v + 30) for v in colour), (centre[0] - r // 3, centre[1] - r // 3), max(1, r // 3))
    elif kind == "receptor":
        x, y = centre
        pygame.draw.line(surface, colour, (x, y + r), (x, y - r * 0.1), 3)
        pygame.draw.line(surface, colour, (x, y - r * 0.1), (x - r * 0.7, y - r), 3)
        pygame.draw.line(surface, colour, (x, y - r * 0.1), (x + r * 0.7, y - r), 3)
    elif kind == "glut4":
        x, y = centre
        pygame.draw.rect(surface, colour, pygame.Rect(x - r * 0.8, y - r, r * 0.6, 2 * r), border_radius=3)
        pygame.draw.rect(surface, colour, pygame.Rect(x + r * 0.2, y - r, r * 0.6, 2 * r), border_radius=3)
    elif kind == "energy":
        x, y = centre
        pygame.draw.polygon(surface, colour, [(x + r * 0.2, y - r), (x - r * 0.6, y + r * 0.15), (x - r * 0.05, y + r * 0.15),
                                              (x - r * 0.2, y + r), (x + r * 0.6, y - r * 0.15), (x + r * 0.05, y - r * 0.15)])
    elif kind == "signal":
        x, y = centre
        for i in range(3):
            pygame.draw.circle(surface, colour, (x - r + i * r, y + (i % 2) * 2 - 1), max(2, r // 3))
        pygame.draw.line(surface, colour, (x - r, y), (x + r, y), 1)
    elif kind in DRAWERS:
        if kind == "ros":
            spark(surface, colour, centre, r * 0.9)
        elif kind == "er_stress":
            squiggle(surface, colour, centre, r)
        elif kind == "inflammation":
            spiky(surface, colour, centre, r)
        else:
            DRAWERS[kind](surface, colour, centre, r)
    else:
        pygame.draw.circle(surface, colour, centre, r)
