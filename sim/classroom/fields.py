"""Strict readers for values in files from others: each check names the file, the key path, what
was found and what is allowed, and raises ``ChallengeError``. Used by the challenge and
submission loaders so every bad input ends as one readable line. Must not import pygame.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from sim.errors import ChallengeError

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
SURROGATE = re.compile("[\ud800-\udfff]")


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control, format (bidi), private or unassigned character and lone
    surrogate written as an escape: safe to print on a terminal, to put in a page or a sheet."""
    return "".join(c if c in keep or unicodedata.category(c)[0] != "C" or c == " "
                   else (f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}") for c in text)


def show(v: Any) -> str:
    kind = {bool: "true/false", int: "a whole number", float: "a number", str: "text",
            list: "a list", dict: "a table"}.get(type(v), type(v).__name__)
    if isinstance(v, dict | list):
        return f"{'[…]' if isinstance(v, list) else '{…}'} ({kind})"
    text = repr(v)
    if len(text) > 40:
        text = text[:37] + "…"
    return f"{text} ({kind})"


class Reader:
    """Reads one document: ``r.text(d, "title", "title")`` etc.; errors name ``where`` and the path."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, path: str, message: str) -> ChallengeError:
        return ChallengeError(f"{self.where}: {path}: {message}" if path else f"{self.where}: {message}")

    def table(self, v: Any, path: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> Mapping[str, Any]:
        if not isinstance(v, Mapping):
            raise self.fail(path, f"found {show(v)}; allowed: a table")
        for k in v:
            if k not in allowed:
                raise self.fail(f"{path}.{k}" if path else str(k), f"unknown key; allowed: {', '.join(allowed)}")
        for k in required:
            if k not in v:
                raise self.fail(f"{path}.{k}" if path else k, "is missing")
        return v

    def text(self, v: Any, path: str, max_chars: int, *, empty: bool = True, one_line: bool = False) -> str:
        if not isinstance(v, str):
            raise self.fail(path, f"found {show(v)}; allowed: text")
        if len(v) > max_chars:
            raise self.fail(path, f"{len(v):,} characters; allowed: at most {max_chars:,}")
        if not empty and not v.strip():
            raise self.fail(path, "is empty; allowed: some text")
        if one_line and ("\n" in v or "\r" in v):
            raise self.fail(path, "has a line break; allowed: one line")
        if SURROGATE.search(v):
            # JSON may spell a lone UTF-16 half ("\\ud800"); it is no character and cannot be written out.
            raise self.fail(path, "has a lone surrogate (\\ud800–\\udfff); allowed: Unicode text")
        return v

    def slug(self, v: Any, path: str) -> str:
        s = self.text(v, path, 40, empty=False)
        if not SLUG.match(s):
            raise self.fail(path, f"found {show(v)}; allowed: lower-case letters, digits, '-' and '_'")
        return s

    def integer(self, v: Any, path: str, lo: int, hi: int) -> int:
        if isinstance(v, bool) or not isinstance(v, int):
            raise self.fail(path, f"found {show(v)}; allowed: a whole number from {lo} to {hi}")
        if not lo <= v <= hi:
            raise self.fail(path, f"found {v}; allowed: {lo} to {hi}")
        return v

    def number(self, v: Any, path: str, lo: float, hi: float) -> float:
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(float(v)):
            raise self.fail(path, f"found {show(v)}; allowed: a number from {lo:g} to {hi:g}")
        if not lo <= float(v) <= hi:
            raise self.fail(path, f"found {v}; allowed: {lo:g} to {hi:g}")
        return float(v)

    def boolean(self, v: Any, path: str) -> bool:
        if not isinstance(v, bool):
            raise self.fail(path, f"found {show(v)}; allowed: true or false")
        return v

    def array(self, v: Any, path: str, max_items: int) -> list[Any]:
        if not isinstance(v, list):
            raise self.fail(path, f"found {show(v)}; allowed: a list")
        if len(v) > max_items:
            raise self.fail(path, f"{len(v):,} items; allowed: at most {max_items:,}")
        return v

    def sha256(self, v: Any, path: str) -> str:
        s = self.text(v, path, 80)
        if not re.fullmatch(r"(sha256:)?[0-9a-f]{64}", s):
            raise self.fail(path, f"found {show(v)}; allowed: a SHA-256 in hexadecimal")
        return s
