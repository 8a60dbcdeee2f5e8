"""Find the line of a key path (``events[3].time_min``) in a TOML text, for error messages.

``tomllib`` does not report where a value came from, so this reads the text line by line,
tracking the current table header (``[cell]``, ``[[events]]``, ``[actions.walk]``) and the keys
assigned under it. It answers with the line of the longest prefix of the path it can find, so an
error inside an inline table points at the line that holds it. Best effort: ``None`` when unsure.
Must not import pygame.
"""

from __future__ import annotations

import re

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")


def split_path(path: str) -> list[str | int]:
    """``events[3].time_min`` → ``["events", 3, "time_min"]``."""
    out: list[str | int] = []
    for name, index in _PART.findall(path):
        out.append(int(index) if index else name.strip("'\""))
    return out


def _keys(dotted: str) -> list[str]:
    return [k.strip().strip("'\"") for k in dotted.split(".")]


class Locator:
    """Every table header and key line of a TOML text, indexed once, so each lookup is cheap.

    A level with thousands of bad entries used to rescan the whole text per problem (quadratic).
    """

    def __init__(self, text: str) -> None:
        self.first: dict[tuple[str | int, ...], int] = {}
        counts: dict[tuple[str | int, ...], int] = {}
        table: list[str | int] = []
        for lineno, line in enumerate(text.splitlines(), start=1):
            m = _HEADER.match(line)
            if m:
                keys: list[str | int] = list(_keys(m.group(2)))
                if m.group(1) == "[[":
                    k = tuple(keys)
                    counts[k] = counts.get(k, -1) + 1
                    keys.append(counts[k])
                table = keys
                here = table
            else:
                km = _KEY.match(line)
                if not km:
                    continue
                here = [*table, *_keys(km.group(1))]
            if here:
                self.first.setdefault(tuple(here), lineno)

    def line(self, path: str) -> int | None:
        """1-based line where ``path`` (or its longest findable prefix) is first written, if found."""
        want = split_path(path)
        for n in range(len(want), 0, -1):
            found = self.first.get(tuple(want[:n]))
            if found is not None:
                return found
        return None


def locate(text: str, path: str) -> int | None:
    """1-based line where ``path`` (or its longest findable prefix) is written, if found."""
    return Locator(text).line(path)
