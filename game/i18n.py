"""The one message catalog: every word a player reads goes through ``_()`` (gettext).

msgids are English; a class adds its language as ``game/locale/<lang>/LC_MESSAGES/amid_plenty.mo``.
The template ``game/locale/amid_plenty.pot`` is written by ``python -m game.tools.make_pot``.
The catalog is looked up lazily (first call), so importing this module reads no file.
Must not import pygame.
"""

from __future__ import annotations

import gettext
from importlib import resources
from pathlib import Path

DOMAIN = "amid_plenty"
LOCALEDIR = Path(str(resources.files("game") / "locale"))

_translation: gettext.NullTranslations | None = None
_languages: list[str] | None = None  # as last chosen (None: from the environment)


def _t() -> gettext.NullTranslations:
    global _translation
    if _translation is None:
        _translation = gettext.translation(DOMAIN, localedir=str(LOCALEDIR), fallback=True)
    return _translation


def set_language(languages: list[str] | None) -> None:
    """Use these languages (None: from the environment, as gettext does)."""
    global _translation, _languages
    _translation = gettext.translation(DOMAIN, localedir=str(LOCALEDIR), languages=languages, fallback=True)
    _languages = languages


def current_language() -> str:
    """The code of the catalog in use (``"es"``), ``"en"`` when none is (the msgids are English).

    Found as gettext finds the catalog (``es_ES.UTF-8`` in LANG falls back to ``es``), so level
    texts follow the same choice as the interface.
    """
    found = gettext.find(DOMAIN, str(LOCALEDIR), languages=_languages)
    return Path(found).parents[1].name if found else "en"


def _(message: str) -> str:
    return _t().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _t().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for the catalog without translating it yet (tables built before use)."""
    return message


def tr(message: str) -> str:
    """An engine message in the chosen language: its template translated, then filled with its values.

    Plain strings (level texts, older saves) go through ``_`` as they are; string values (action
    titles) are translated too, numbers are formatted by the template.
    """
    msgid = getattr(message, "id", None)
    if msgid is None:
        return _(message)
    # a value may be a Message itself (a goal's bounds, the goals a run missed): translated in turn
    values = {k: tr(v) if isinstance(v, str) else v for k, v in message.values.items()}  # type: ignore[attr-defined]
    return _(msgid).format(**values)
