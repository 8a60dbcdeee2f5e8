"""Shipped levels and challenges by name: ``11_starving_amid_plenty`` instead of a file path.

After ``pip install`` the levels live inside the package (``levels_dir()``), far from the
``levels/campaign/…`` paths a teacher would type in a checkout; a name works in both places.
A name is a file's stem: the stems ``levels list`` shows for levels, and the part before
``.challenge.toml`` for challenges. A file that exists wins over a name, and an argument that
looks like a path (a folder separator or a ``.toml`` ending) is taken as a path; when it is
missing but a shipped file has its name, the error says to give the name. Must not import pygame.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from sim.errors import UserError
from sim.levels import CHALLENGE_SUFFIX, level_files, levels_dir

Kind = Literal["level", "challenge"]


class UnknownName(UserError):
    """Neither a file nor a shipped name; the message lists the shipped names."""


def shipped_names(kind: Kind) -> dict[str, Path]:
    """Name → file of every shipped level (or challenge), in ``levels list`` order."""
    if kind == "level":
        return {p.stem: p for p in level_files()}
    found = sorted(levels_dir().rglob(f"*{CHALLENGE_SUFFIX}"))
    return {p.name.removesuffix(CHALLENGE_SUFFIX): p for p in found}


def looks_like_path(text: str) -> bool:
    return "/" in text or "\\" in text or text.endswith(".toml")


def resolve(text: str, kind: Kind) -> Path:
    """The file ``text`` names: itself when it exists or looks like a path, else a shipped file."""
    path = Path(text)
    if path.exists():
        return path
    names = shipped_names(kind)
    if looks_like_path(text):
        # The checkout's path to a shipped file, typed where the package is installed instead.
        name = path.name.removesuffix(CHALLENGE_SUFFIX) if kind == "challenge" else path.stem
        if name in names:
            raise UnknownName(f"{text}: no such file here; to use the shipped {kind}, give its name: {name}")
        return path
    if text in names:
        return names[text]
    raise UnknownName(f"{text!r} is neither a file nor a shipped {kind}; give a {kind} file (.toml) "
                      f"or one of the shipped {kind}s: {', '.join(names)}")
