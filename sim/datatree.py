"""Limits on the shape of parsed TOML/JSON data, checked once before any loader looks inside.

``tomllib`` and ``json`` accept a list nested 5,000 deep (Python then runs out of stack) and an
integer such as 10**400 (no float can hold it, so formatting or comparing it as a number fails).
``shape_problem`` walks the tree without recursion and says what is wrong, so each loader can
raise its own error naming the file. Must not import pygame.
"""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 64
MAX_INT = 2**128  # a bit generator's state (in saves) is a 128-bit whole number


def shape_problem(data: Any) -> str | None:
    """Why ``data`` (parsed TOML/JSON) is too deep or holds too large a whole number, or None."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            if isinstance(node, int) and not isinstance(node, bool) and abs(node) > MAX_INT:
                return f"a whole number with {len(str(abs(node)))} digits; allowed: at most ±2**128"
            continue
        if depth > MAX_DEPTH:
            return f"tables or lists nested more than {MAX_DEPTH} deep"
        stack.extend((c, depth + 1) for c in children)
    return None
