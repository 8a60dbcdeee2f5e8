"""Looking back after play: a prediction beside what really happens, and each goal met or missed
with its value. Shared by the results screen and the classroom challenge's handed-in screen.
Right and wrong are told apart by shape (tick, cross) as well as colour."""

from __future__ import annotations

import pygame

from game.i18n import _, tr
from game.ui import blit_text


def prediction_review(surface, a, box: pygame.Rect, y: int, n: int, prompt: str, choices, answer: int | None,
                      explain: str, given: tuple[int, int | None] | None) -> int:
    """One question: the prompt, the player's answer (and how sure), the real one; returns the next y."""
    pal = a.pal
    w = box.w - 36
    img = a.labels.block(f"{n}. {prompt}", 15, pal["text"], w, "semibold", cap=1.3)
    surface.blit(img, (box.x + 18, y), pygame.Rect(0, 0, w, box.bottom - 8 - y))
    y += img.get_height() + 4
    if given is None:
        mine = _("You: skipped")
        right = None
    else:
        choice, conf = given
        mine = _("You: {choice}").format(choice=choices[choice])
        if conf is not None:
            mine += " " + _("(sure {n} of 5)").format(n=conf)
        right = None if answer is None else choice == answer
    colour = pal["text_dim"] if right is None else (pal["good"] if right else pal["danger"])
    x = box.x + 18
    if right is not None:
        mark(surface, colour, (x + 7, y + 9), right)
        x += 20
    img = a.labels.block(mine, 14, colour, box.right - 18 - x, cap=1.3)
    surface.blit(img, (x, y))
    y += img.get_height() + 2
    if answer is not None:
        real = _("Answer: {choice}").format(choice=choices[answer])
        if explain:
            real += "\n" + explain
        img = a.labels.block(real, 14, pal["text_dim"], w, cap=1.3)
        surface.blit(img, (box.x + 18, y), pygame.Rect(0, 0, w, max(0, box.bottom - 8 - y)))
        y += img.get_height()
    return y + 14


def mark(surface, colour, centre, ok: bool) -> None:
    """A tick or a cross: right and wrong told apart by shape as well as colour."""
    x, y = centre
    if ok:
        pygame.draw.lines(surface, colour, False, [(x - 6, y), (x - 2, y + 5), (x + 6, y - 5)], 3)
    else:
        pygame.draw.line(surface, colour, (x - 5, y - 5), (x + 5, y + 5), 3)
        pygame.draw.line(surface, colour, (x - 5, y + 5), (x + 5, y - 5), 3)


def goal_rows(surface, a, rect: pygame.Rect, y: int, goals) -> int:
    """Each goal: a tick or a cross, its text, its star tier and the value it reached; returns the next y."""
    pal = a.pal
    # the value column is as wide as its widest value ("100% of turns (need 100%)" at 200 % text),
    # up to half the rows: a value shrunk to fit 170 px would undo the player's text size
    font = a.fonts.get(14, "semibold", 1.3)
    value_w = min(max([170] + [font.size(tr(g.shown))[0] for g in goals if g.shown]), rect.w // 2)
    for g in goals:
        if y > rect.bottom - 16:
            break
        met = bool(g.met)
        colour = pal["good"] if met else pal["danger"]
        mark(surface, colour, (rect.x + 8, y + 10), met)
        text_w = rect.w - 30 - value_w
        img = a.labels.block(tr(g.text), 15, pal["text"], text_w, cap=1.3)
        surface.blit(img, (rect.x + 26, y))
        word = _("met") if met else _("missed")
        right = rect.right
        if g.shown:
            blit_text(surface, a, tr(g.shown), (right, y), 14, colour, "semibold", anchor="topright", cap=1.3,
                      max_width=value_w)
        blit_text(surface, a, f"{word} · " + "★" * max(1, g.star), (right, y + 20), 13,
                  colour if not g.shown else pal["text_dim"], anchor="topright", cap=1.2, max_width=value_w)
        y += max(img.get_height(), 38) + 8
    return y
