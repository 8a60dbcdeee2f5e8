"""Write the small TOML documents the classroom makes (challenges): strings, numbers, booleans,
lists of those, tables and arrays of tables. ``tomllib`` reads them back; the tests check the
round trip. Long texts (an embedded level) become multi-line literal strings when they can be,
so a teacher can read the level inside the challenge file. Must not import pygame.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def key(k: str) -> str:
    return k if _BARE_KEY.match(k) else basic_string(k)


def basic_string(s: str) -> str:
    # JSON's escapes (\" \\ \n \t \uXXXX) are all valid in a TOML basic string; DEL is not left raw.
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def string(s: str) -> str:
    if "\n" in s and "'''" not in s and not _CONTROL.search(s.replace("\r\n", "\n").replace("\t", " ")) \
            and "\r" not in s and not s.endswith("'"):
        return "'''\n" + s + "'''"
    return basic_string(s)


def value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"TOML output: {v} is not a finite number")
        return repr(v)
    if isinstance(v, str):
        return string(v)
    if isinstance(v, Mapping):
        return "{ " + ", ".join(f"{key(k)} = {value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, Sequence):
        return "[" + ", ".join(value(x) for x in v) + "]"
    raise TypeError(f"TOML output: cannot write {type(v).__name__}")


def _is_table_array(v: Any) -> bool:
    return isinstance(v, Sequence) and not isinstance(v, str) and bool(v) and all(isinstance(x, Mapping) for x in v)


def dumps(doc: Mapping[str, Any], comments: Mapping[str, str] | None = None) -> str:
    """Scalars first, then ``[tables]``, then ``[[arrays of tables]]``; ``comments`` go above keys/tables."""
    comments = comments or {}
    lines: list[str] = []

    def note(k: str) -> None:
        if k in comments:
            lines.extend(f"# {c}" if c else "#" for c in comments[k].splitlines())

    def body(prefix: str, table: Mapping[str, Any]) -> None:
        for k, v in table.items():
            if not isinstance(v, Mapping) and not _is_table_array(v):
                note(f"{prefix}{k}")
                lines.append(f"{key(k)} = {value(v)}")

    def tables(path: list[str], table: Mapping[str, Any]) -> None:
        for k, v in table.items():
            if isinstance(v, Mapping):
                here = ".".join([*path, k])
                if here in comments or not path:
                    lines.append("")
                note(here)
                # a table holding only sub-tables needs no header of its own ([text] above [text.es])
                if not v or any(not isinstance(x, Mapping) and not _is_table_array(x) for x in v.values()):
                    if path and here not in comments:
                        lines.append("")
                    lines.append(f"[{'.'.join(key(p) for p in [*path, k])}]")
                    body(here + ".", v)
                tables([*path, k], v)  # sub-tables ([text.es.questions.ID]) after their parent

    body("", doc)
    tables([], doc)
    for k, v in doc.items():
        if _is_table_array(v):
            note(k)
            for item in v:
                lines.append("")
                lines.append(f"[[{key(k)}]]")
                body(f"{k}[].", item)
    return "\n".join(lines).lstrip("\n") + "\n"
