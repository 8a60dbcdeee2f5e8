"""Compile every ``game/locale/<lang>/LC_MESSAGES/amid_plenty.po`` to its ``.mo`` with Babel.

``make catalogs`` runs this (``make play`` and ``make test`` depend on it). Babel's own
``pybabel compile`` checks messages as %-format whenever a ``%`` sign is followed by a letter
("40 % of turns"), which our brace-format (``str.format``) templates trip falsely; so the check
here is the one that matters for them: every translation names exactly the msgid's placeholders
with the same format specs. Run ``python -m game.tools.make_catalogs``; ``--check`` compiles
nothing and exits 1 listing every problem (untranslated, fuzzy, placeholder mismatch).
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "amid_plenty"


def placeholders(template: str) -> list[tuple[str, str, str]]:
    """(name, conversion, spec) of every ``{…}`` field, sorted, so order may change in a translation."""
    return sorted((name, conv or "", spec or "") for _lit, name, spec, conv in string.Formatter().parse(template)
                  if name is not None)


def problems(po: Path) -> list[str]:
    with po.open("rb") as f:
        cat = read_po(f)
    out = []
    for m in cat:
        if not m.id:
            continue
        where = f"{po}:{m.lineno}"
        if not m.string:
            out.append(f"{where}: {m.id!r} has no translation")
        elif m.fuzzy:
            out.append(f"{where}: {m.id!r} is marked fuzzy")
        elif placeholders(str(m.id)) != placeholders(str(m.string)):
            out.append(f"{where}: {m.id!r} names {placeholders(str(m.id))}, the translation names "
                       f"{placeholders(str(m.string))}")
    return out


def catalogs(locale: Path = LOCALE) -> list[Path]:
    return sorted(locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compile_catalogs(locale: Path = LOCALE) -> list[str]:
    """Write each ``.mo`` beside its ``.po`` under ``locale``; a line per catalog written.

    setup.py calls it on the package build's copy of the locale folder, by file path (importing
    ``game`` there would need the game's dependencies)."""
    done = []
    for po in catalogs(locale):
        with po.open("rb") as f:
            cat = read_po(f)
        mo = po.with_suffix(".mo")
        mo.unlink(missing_ok=True)  # a build may hold a link to the source's file: never write through it
        with mo.open("wb") as f:
            write_mo(f, cat, use_fuzzy=False)
        done.append(f"compiled {mo} ({sum(1 for m in cat if m.id and m.string)} messages)")
    return done


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    found = [p for po in catalogs() for p in problems(po)]
    for line in found:
        print(line, file=sys.stderr)
    if "--check" in argv:
        return 1 if found else 0
    for line in compile_catalogs():
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
