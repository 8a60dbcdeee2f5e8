"""Tooltips on the words of a wrapped paragraph: glossary terms and units get a dotted underline
and explain themselves under the mouse.

``term_spans`` lays the text out exactly as ``Labels.block`` does (same wrap, same line height),
finds each glossary term and unit in the lines (in the language shown) and returns their boxes,
relative to the block's top-left, with the words to show.
"""

from __future__ import annotations

import re

import pygame

from game.i18n import N_, _
from game.words import GLOSSARY

UNITS: tuple[tuple[str, str], ...] = (
    ("mmol/L", N_("millimoles per litre: how much glucose is in each litre of blood. Normal fasting: about "
                  "4–5.5; after a meal it stays below 7.8 in a healthy person.")),
    ("µU/mL", N_("micro-units per millilitre: how much insulin is in the blood. Fasting: about 2–10; after a "
                 "meal it rises several-fold.")),
    ("mg/kg/min", N_("milligrams of glucose per kilogram of body weight per minute: how fast glucose moves.")),
)


def _terms() -> list[tuple[str, str]]:
    """(term as shown, explanation), longest first so "Insulin resistance" wins over "Insulin"."""
    out = [(_(t), f"{_(t)}: {_(d)}") for t, _g, d in GLOSSARY] + [(u, f"{u}: {_(d)}") for u, d in UNITS]
    return sorted(out, key=lambda x: -len(x[0]))


def term_spans(app, text: str, size: float, width: int, weight: str = "regular", cap: float | None = None,
               spacing: float = 1.3) -> list[tuple[pygame.Rect, str]]:
    labels = app.labels
    font = labels.fonts.get(size, weight, cap)
    lh = round(font.get_linesize() * spacing / 1.2)
    spans: list[tuple[pygame.Rect, str]] = []
    terms = _terms()
    for i, line in enumerate(labels.wrap(text, size, width, weight, cap)):
        taken: list[tuple[int, int]] = []
        for term, tip in terms:
            for m in re.finditer(r"(?<!\w)" + re.escape(term) + r"(?!\w)", line, flags=re.IGNORECASE):
                a, b = m.span()
                if any(a < y and x < b for x, y in taken):
                    continue
                taken.append((a, b))
                x0 = font.size(line[:a])[0]
                spans.append((pygame.Rect(x0, i * lh, font.size(line[a:b])[0], font.get_height()), tip))
    return spans


def underline(surface: pygame.Surface, spans: list[tuple[pygame.Rect, str]], at: tuple[int, int], colour,
              clip: pygame.Rect | None = None) -> list[tuple[pygame.Rect, str]]:
    """Dot the terms drawn at ``at``; returns their boxes in screen coordinates (inside ``clip``)."""
    out = []
    for r, tip in spans:
        box = r.move(at)
        if clip is not None and not clip.contains(box):
            continue
        for x in range(box.x, box.right, 4):
            surface.fill(colour, (x, box.bottom - 1, 2, 1))
        out.append((box, tip))
    return out
