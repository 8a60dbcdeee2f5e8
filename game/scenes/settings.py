"""Settings: volume and mute, text size, colour-blind-safe palette, reduced motion, fullscreen.

Left and Right change the focused row; Enter or Space toggles; every change is saved at once.
While a classroom challenge fixes a setting (``app.locked``), its row shows the value, greyed, and
cannot be changed.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pygame

from game import shapes
from game.i18n import _
from game.scenes.base import Scene
from game.settings import LANGUAGES, TEXT_SCALES, Settings
from game.ui import Button, blit_text, panel

ROW_W, ROW_H = 720, 58
# Each language is named in itself (an endonym), so a player who cannot read the current one finds theirs.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


class SettingRow(Button):
    def __init__(self, rect, label: Callable[[], str], value: Callable[[], str], change: Callable[[int], None],
                 tooltip: Callable[[], str], locked: Callable[[], bool] = lambda: False) -> None:
        super().__init__(rect, label, lambda: change(1), tooltip=tooltip, enabled=lambda: not locked())
        self.value, self.change, self.locked = value, change, locked

    def draw(self, surface, app, focused: bool) -> None:
        pal = app.pal
        panel(surface, self.rect, pal["panel_hi"] if focused else pal["panel"],
              pal["accent"] if focused else pal["border"], radius=10, width=2 if focused else 1)
        locked = self.locked()
        blit_text(surface, app, self.label(), (self.rect.x + 20, self.rect.centery), 18,
                  pal["text_faint"] if locked else pal["text"], "semibold", anchor="midleft", cap=1.6,
                  max_width=self.rect.w - 260)
        vx = self.rect.right - 130
        blit_text(surface, app, self.value(), (vx, self.rect.centery), 18, pal["text_dim"] if locked else pal["accent"],
                  "bold", anchor="center", cap=1.6)
        if locked:
            shapes.lock(surface, pal["lock"], (self.rect.right - 240, self.rect.centery), 9)
            return
        for dx, pts in ((-88, ((6, -8), (-4, 0), (6, 8))), (88, ((-6, -8), (4, 0), (-6, 8)))):
            cx, cy = vx + dx, self.rect.centery
            pygame.draw.polygon(surface, pal["text_dim"] if focused else pal["border"], [(cx + x, cy + y) for x, y in pts])

    def click(self, pos) -> None:
        self.change(-1 if pos[0] < self.rect.right - 130 else 1)


class SettingsScene(Scene):
    def set(self, **changes) -> None:
        self.app.apply_settings(attrs.evolve(self.app.settings, **changes))
        self.app.sound.play("click")

    def layout(self) -> None:
        s = lambda: self.app.settings  # noqa: E731
        on_off = lambda b: _("On") if b else _("Off")  # noqa: E731

        def volume(d: int) -> None:
            self.set(volume=round(min(max(s().volume + 0.1 * d, 0.0), 1.0), 2))

        def text(d: int) -> None:
            i = TEXT_SCALES.index(s().text_scale_pct) if s().text_scale_pct in TEXT_SCALES else 1
            self.set(text_scale_pct=TEXT_SCALES[min(max(i + d, 0), len(TEXT_SCALES) - 1)])

        def language(d: int) -> None:
            i = LANGUAGES.index(s().language) if s().language in LANGUAGES else 0
            self.set(language=LANGUAGES[(i + d) % len(LANGUAGES)])

        rows = [
            ("volume", lambda: _("Volume"), lambda: f"{round(100 * s().volume)}%", volume,
             lambda: _("How loud the sound cues are. Left and Right change it.")),
            ("muted", lambda: _("Mute"), lambda: on_off(s().muted), lambda d: self.set(muted=not s().muted),
             lambda: _("Silence every sound.")),
            ("text_scale_pct", lambda: _("Text size"), lambda: f"{s().text_scale_pct}%", text,
             lambda: _("Make the words larger or smaller (75–200 %).")),
            ("colorblind", lambda: _("Colour-blind-safe palette"), lambda: on_off(s().colorblind),
             lambda d: self.set(colorblind=not s().colorblind),
             lambda: _("Colours that stay distinct with any colour vision (Okabe–Ito).")),
            ("reduced_motion", lambda: _("Reduced motion"), lambda: on_off(s().reduced_motion),
             lambda d: self.set(reduced_motion=not s().reduced_motion),
             lambda: _("Still particles and short transitions.")),
            ("fullscreen", lambda: _("Fullscreen"), lambda: on_off(s().fullscreen), lambda d: self.app.toggle_fullscreen(),
             lambda: _("Fill the screen (also F11).")),
            ("language", lambda: _("Language"), lambda: LANGUAGE_NAMES.get(s().language) or _("System"),
             language, lambda: _("The language of every word in the game. System follows your computer.")),
            ("", lambda: _("Restore defaults"), lambda: "", lambda d: self.app.apply_settings(Settings()),
             lambda: _("Put every setting back as it was.")),
        ]
        x, y = 280, 132
        items = []
        def is_locked(key: str) -> Callable[[], bool]:
            return lambda: bool(key) and key in self.app.locked

        def tip_for(tip: Callable[[], str], locked: Callable[[], bool]) -> Callable[[], str]:
            return lambda: tip() + ("\n" + _("Fixed by the classroom challenge you are playing.") if locked() else "")

        for i, (key, label, value, change, tip) in enumerate(rows):
            locked = is_locked(key)
            items.append(SettingRow((x, y + i * (ROW_H + 10), ROW_W, ROW_H), label, value, change,
                                    tip_for(tip, locked), locked))
        self.widgets.set(items)

    def handle(self, event: pygame.event.Event) -> None:
        row = self.widgets.focused
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT) and isinstance(row, SettingRow):
            if row.enabled:
                row.change(-1 if event.key == pygame.K_LEFT else 1)
            return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, b in enumerate(self.widgets.items):
                if b.rect.collidepoint(event.pos) and isinstance(b, SettingRow):
                    self.widgets.focus = i
                    if b.enabled:
                        b.click(event.pos)
                    return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        sub = _("Kept for next time in your user data folder.")
        if self.app.locked:
            sub += "  " + _("Greyed settings are fixed by the classroom challenge until you leave it.")
        self.heading(surface, _("Settings"), sub)
        self.widgets.draw(surface, self.app)
        self.hints(surface, [_("↑↓ choose"), _("←→ change"), _("Enter toggle"), _("Esc back")])
