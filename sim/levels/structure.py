"""Strict structuring of level files with cattrs: scalar hooks that never coerce ("60" is not a
number), list and table hooks that keep going after a bad item so every problem is reported, and
the wording of each problem (found …; allowed …; did you mean …). Used by ``loader.py``.
Must not import pygame.
"""


from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

BIG = 1e6


class Bad(ValueError):
    """A value of the wrong type, with what was found and what is allowed."""

    def __init__(self, found: Any, allowed: str) -> None:
        super().__init__(f"found {show_value(found)}; allowed: {allowed}")


def show_value(v: Any) -> str:
    kind = {bool: "true/false", int: "a whole number", float: "a number", str: "text",
            list: "a list", dict: "a table"}.get(type(v), type(v).__name__)
    text = repr(v) if not isinstance(v, dict | list) else ("[…]" if isinstance(v, list) else "{…}")
    if len(text) > 40:
        text = text[:37] + "…"
    return f"{text} ({kind})"


def suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# --- strict structuring ------------------------------------------------------------------------
def strict_float(v: Any, _t: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise Bad(v, "a number")
    try:
        f = float(v)
    except OverflowError:
        raise Bad(v, f"a number of at most {BIG:g}") from None
    if not math.isfinite(f):
        raise Bad(v, "a finite number")
    return f


def strict_int(v: Any, _t: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise Bad(v, "a whole number")
    return int(v)


def strict_str(v: Any, _t: Any) -> str:
    if not isinstance(v, str):
        raise Bad(v, "text in quotes")
    return v


def _note(e: Exception, index: int | str, t: Any) -> Exception:
    e.__notes__ = [IterableValidationNote(f"Structuring @ {index!r}", index, t)]
    return e


def _list_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(t: Any) -> Callable[[Any, Any], Any]:
        (inner,) = get_args(t) or (Any,)

        def hook(v: Any, _t: Any) -> list[Any]:
            if not isinstance(v, list):
                raise Bad(v, "a list [ … ] (or [[tables]])")
            out, errs = [], []
            for i, x in enumerate(v):
                try:
                    out.append(conv.structure(x, inner))
                except Exception as e:
                    errs.append(_note(e, i, inner))
            if errs:
                raise IterableValidationError(f"While structuring {t}", errs, t)
            return out

        return hook

    return factory


def _dict_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(t: Any) -> Callable[[Any, Any], Any]:
        _k, inner = get_args(t) or (str, Any)

        def hook(v: Any, _t: Any) -> dict[str, Any]:
            if not isinstance(v, dict):
                raise Bad(v, "a table { … }")
            if inner is Any:
                return dict(v)
            out, errs = {}, []
            for k, x in v.items():
                try:
                    out[k] = conv.structure(x, inner)
                except Exception as e:
                    errs.append(_note(e, k, inner))
            if errs:
                raise IterableValidationError(f"While structuring {t}", errs, t)
            return out

        return hook

    return factory


def _is_list(t: Any) -> bool:
    return get_origin(t) is list


def _is_dict(t: Any) -> bool:
    return get_origin(t) is dict


def _converter() -> cattrs.Converter:
    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    c.register_structure_hook(float, strict_float)
    c.register_structure_hook(int, strict_int)
    c.register_structure_hook(str, strict_str)
    c.register_structure_hook_factory(_is_list, _list_hook(c))
    c.register_structure_hook_factory(_is_dict, _dict_hook(c))
    return c


CONVERTER = _converter()


def format_error(exc: BaseException, _t: Any) -> str:
    if isinstance(exc, Bad):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required key is missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = [f.name for f in attrs.fields(exc.cl)]
        parts = [f"unknown key {k!r}{suggest(k, allowed)}" for k in sorted(exc.extra_fields)]
        return "; ".join(parts) + f"; allowed: {', '.join(allowed)}"
    if isinstance(exc, TypeError | AttributeError):
        return "found a value of the wrong kind here; allowed: a table { … }"
    return f"invalid value ({exc})"


def clean_path(p: str) -> str:
    p = p.removeprefix("$").removeprefix(".")
    # mapping keys: ['walk'] → .walk
    out = []
    i = 0
    while i < len(p):
        if p.startswith("['", i):
            j = p.index("']", i)
            out.append("." + p[i + 2:j])
            i = j + 2
        else:
            out.append(p[i])
            i += 1
    return "".join(out).lstrip(".")
