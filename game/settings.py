"""The player's settings and progress, kept in the user's data folders (platformdirs).

``Settings`` (volume, mute, text size, palette, reduced motion, fullscreen) and ``Progress`` (best
stars and score per level) are frozen records read leniently: an unknown key is dropped and a bad
value falls back to its default, so an old or hand-edited file still loads. A file that is not JSON
at all is set aside by ``game.storage`` and the player is told. ``AMID_PLENTY_HOME`` points both
files somewhere else (tests, screenshots).

Saving merges rather than overwrites, because two windows may share the folder: ``Store`` keeps
what it last read or wrote of each file (its *base*) and, under the file's lock, merges its own
changes since then into what is on disk now (``Settings.merged``, ``Progress.merged``). The save
returns the merged record; the caller carries on from that. Pure Python: must not import pygame.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from game.i18n import _
from game.storage import Busy, Loaded, load_json, locked, update_json

APP_NAME = "amid-plenty"
SETTINGS_FILE = "settings.json"
PROGRESS_FILE = "progress.json"
LANGUAGES = ("", "en", "es")
TEXT_SCALES = (75, 100, 125, 150, 175, 200)
MAX_PLAYS = 10**9  # a play count from a hand-edited file is kept within what a person could play


def _clamp(lo: float, hi: float):
    def conv(v: Any) -> float:
        return float(min(max(float(v), lo), hi))
    return conv


@attrs.frozen
class Settings:
    volume: float = attrs.field(default=0.35, converter=_clamp(0.0, 1.0))
    muted: bool = False
    text_scale_pct: int = attrs.field(default=100, converter=lambda v: int(min(max(int(v), 75), 200)))
    colorblind: bool = False
    reduced_motion: bool = False
    fullscreen: bool = False
    # "" follows the environment (LANGUAGE/LANG, as gettext does); otherwise one of LANGUAGES.
    language: str = attrs.field(default="", converter=lambda v: v if v in LANGUAGES else "")

    @property
    def text_scale(self) -> float:
        return self.text_scale_pct / 100.0

    @property
    def effective_volume(self) -> float:
        return 0.0 if self.muted else self.volume

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> Settings:
        kept: dict[str, Any] = {}
        for f in attrs.fields(cls):
            if f.name not in raw:
                continue
            v = raw[f.name]
            if f.type in ("str", str):
                if isinstance(v, str):
                    kept[f.name] = v
                continue
            if f.type in ("bool", bool) and not isinstance(v, bool):
                continue
            if f.type not in ("bool", bool) and (isinstance(v, bool) or not isinstance(v, (int, float))):
                continue
            try:
                cls(**{f.name: v})  # its converter: a whole number too large for a float is dropped
            except (OverflowError, ValueError):
                continue
            kept[f.name] = v
        return cls(**kept)

    def to_mapping(self) -> dict[str, Any]:
        return attrs.asdict(self)

    def merged(self, base: Settings, disk: Settings) -> Settings:
        """What to write: the settings this window changed since ``base``; the rest as on disk."""
        mine = {f.name: getattr(self, f.name) for f in attrs.fields(Settings)
                if getattr(self, f.name) != getattr(base, f.name)}
        return attrs.evolve(disk, **mine)


@attrs.frozen
class LevelProgress:
    won: bool = False
    stars: int = 0
    best_score: float = 0.0
    played: int = 0


@attrs.frozen
class Progress:
    levels: Mapping[str, LevelProgress] = attrs.field(factory=dict)

    def stars(self, slug: str) -> int:
        lp = self.levels.get(slug)
        return lp.stars if lp else 0

    def won(self, slug: str) -> bool:
        lp = self.levels.get(slug)
        return bool(lp and lp.won)

    def record(self, slug: str, won: bool, stars: int, score: float) -> Progress:
        old = self.levels.get(slug, LevelProgress())
        new = LevelProgress(old.won or bool(won), max(old.stars, int(stars)),
                            max(old.best_score, float(score)), old.played + 1)
        return Progress({**self.levels, slug: new})

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> Progress:
        out: dict[str, LevelProgress] = {}
        levels = raw.get("levels", {})
        if not isinstance(levels, Mapping):
            return cls()
        for slug, d in levels.items():
            if not isinstance(d, Mapping):
                continue
            try:
                out[str(slug)] = LevelProgress(d.get("won") is True, int(min(max(int(d.get("stars", 0)), 0), 3)),
                                               float(d.get("best_score", 0.0)),
                                               int(min(max(int(d.get("played", 0)), 0), MAX_PLAYS)))
            except (TypeError, ValueError, OverflowError):
                continue
        return cls(out)

    def merged(self, base: Progress, disk: Progress) -> Progress:
        """What to write: every level either side has, each at its best; plays this window added
        since ``base`` are added to the count on disk, so no window's win, stars or play is lost."""
        out = dict(disk.levels)
        for slug, mine in self.levels.items():
            d = disk.levels.get(slug, LevelProgress())
            added = max(mine.played - base.levels.get(slug, LevelProgress()).played, 0)
            out[slug] = LevelProgress(d.won or mine.won, max(d.stars, mine.stars),
                                      max(d.best_score, mine.best_score), d.played + added)
        return Progress(out)

    def to_mapping(self) -> dict[str, Any]:
        return {"levels": {k: attrs.asdict(v) for k, v in sorted(self.levels.items())}}


def data_dir() -> Path:
    home = os.environ.get("AMID_PLENTY_HOME")
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class Store:
    """Loads and saves settings and progress; ``messages`` collects what the player must be told.

    ``save_*`` return what is now on disk (this window's changes merged into other windows'); a
    caller that keeps using its own record instead would, at its next save, undo theirs.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else data_dir()
        self.messages: list[str] = []
        self._base: dict[str, Any] = {SETTINGS_FILE: Settings(), PROGRESS_FILE: Progress()}

    def _told(self, name: str, loaded: Loaded) -> None:
        if loaded.problem:
            aside = loaded.set_aside.name if loaded.set_aside else name
            self.messages.append(
                _("Your saved file {name} could not be read, so defaults are used. "
                  "The old file was kept as {aside}.").format(name=name, aside=aside))

    def _load(self, name: str, kind: type[Settings] | type[Progress]) -> Any:
        path = self.root / name
        try:
            with locked(path):  # so a bad file is never set aside while another window replaces it
                loaded = load_json(path)
        except OSError:  # no lock to be had (read-only folder, stuck lock): read as is
            loaded = load_json(path)
        self._told(name, loaded)
        self._base[name] = kind.from_mapping(loaded.data or {})
        return self._base[name]

    def load_settings(self) -> Settings:
        return self._load(SETTINGS_FILE, Settings)

    def save_settings(self, s: Settings) -> Settings:
        return self._save(SETTINGS_FILE, Settings, s)

    def load_progress(self) -> Progress:
        return self._load(PROGRESS_FILE, Progress)

    def save_progress(self, p: Progress) -> Progress:
        return self._save(PROGRESS_FILE, Progress, p)

    def _save(self, name: str, kind: type[Settings] | type[Progress], mine: Any) -> Any:
        base = self._base[name]

        def merge(on_disk: Loaded) -> dict[str, Any]:
            # A missing or unreadable file counts as what this window last saw, so what it knew is
            # written back rather than lost.
            disk = kind.from_mapping(on_disk.data) if on_disk.data is not None else base
            return mine.merged(base, disk).to_mapping()

        try:
            data, on_disk = update_json(self.root / name, merge)
        except Busy:
            self.messages.append(_("Could not save {name}: another copy of the game kept it locked. It is saved "
                                   "with your next change.").format(name=name))
            return mine
        except OSError as e:
            self.messages.append(_("Could not save {name}: {why}").format(name=name, why=e.strerror or e))
            return mine
        self._told(name, on_disk)
        self._base[name] = kind.from_mapping(data)
        return self._base[name]
