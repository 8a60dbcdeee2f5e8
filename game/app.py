"""The window, the scene stack and the main loop.

``App.start()`` opens a resizable window and draws every frame on a 1280×720 logical surface
(``App.screen``), which ``present`` scales into the window keeping its shape (bars fill the rest);
mouse positions are mapped back to logical coordinates (``to_logical``) before any scene sees
them. SDL's own ``SCALED`` mode is not used: without a GPU renderer (Xvfb, many school machines)
a shrunken window showed a cropped middle of the picture instead of the whole of it.
It loads fonts, sound and the player's files, and pushes the title scene. ``App.step(dt)`` handles pending events, updates the top scene and draws the stack
(overlays draw over the scene below them); ``run()`` calls it at 60 fps with ``dt`` clamped, and
tests call it with a fixed ``dt``. F11 toggles fullscreen anywhere; losing focus pauses play.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pygame

from game.fonts import ASSETS, Fonts, Labels
from game.i18n import _, set_language
from game.settings import Progress, Settings, Store
from game.sound import Sound
from game.theme import palette
from game.ui import Tooltips, draw_toasts

WIDTH, HEIGHT = 1280, 720
MAX_DT = 0.1
SETTLE_S = 0.5


class App:
    def __init__(self, store: Store | None = None) -> None:
        self.store = store or Store()
        self.settings = Settings()  # what the game uses now: the player's own, plus any locks
        self.own_settings = Settings()  # the player's, as saved
        self.locked: dict[str, Any] = {}  # settings a classroom challenge fixes for its session
        self.predictions: dict[str, dict[int, int]] = {}  # level slug -> {question index: choice}, this session
        self.progress = Progress()
        self.stack: list = []
        self.running = False
        self.time = 0.0
        self.frames = 0
        self.toasts: list[list] = []  # [text, seconds left]
        self.screen: pygame.Surface | None = None  # the logical 1280×720 picture every scene draws on
        self.window: pygame.Surface | None = None  # the real window (any size)
        self.on_frame: Callable[[App], None] | None = None
        self._window_born = 0.0

    # --- start-up ---------------------------------------------------------------------------
    def start(self, first_scene: str = "title") -> None:
        pygame.init()
        self.settings = self.own_settings = self.store.load_settings()
        self.progress = self.store.load_progress()
        set_language([self.settings.language] if self.settings.language else None)
        icon = ASSETS / "images" / "icon.png"
        if icon.exists():
            pygame.display.set_icon(pygame.image.load(str(icon)))
        self.screen = pygame.Surface((WIDTH, HEIGHT))
        self._open_window(self.settings.fullscreen)
        pygame.display.set_caption(_("Amid Plenty"))
        self._drop_window_churn()
        pygame.key.set_repeat(350, 45)
        self.fonts = Fonts(self.settings.text_scale)
        self.labels = Labels(self.fonts)
        self.tooltips = Tooltips()
        self.sound = Sound()
        self.sound.start(self.settings.effective_volume)
        for m in self.store.messages:
            self.toast(m)
        self.store.messages.clear()
        self.running = True
        if first_scene:
            from game.scenes import make

            self.push(make(first_scene, self))

    @property
    def pal(self):
        return palette(self.settings.colorblind)

    # --- settings and progress ---------------------------------------------------------------
    def apply_settings(self, new: Settings) -> None:
        """The player changed settings: save them; the game uses them with any challenge locks on top."""
        keep = {k: getattr(self.own_settings, k) for k in self.locked}
        # the saved settings come back merged with what another window saved meanwhile
        self.own_settings = self.store.save_settings(attrs.evolve(new, **keep))
        self._flush_store_messages()
        self._use(attrs.evolve(self.own_settings, **self.locked))

    def lock_settings(self, locked: Mapping[str, Any]) -> None:
        """Use ``locked`` (a challenge's settings) until ``unlock_settings``; nothing is saved."""
        self.locked = {k: v for k, v in locked.items() if hasattr(self.own_settings, k)}
        self._use(attrs.evolve(self.own_settings, **self.locked))

    def unlock_settings(self) -> None:
        if self.locked:
            self.locked = {}
            self._use(self.own_settings)

    def _use(self, new: Settings) -> None:
        old, self.settings = self.settings, new
        if self.screen is None:
            return
        if new.text_scale_pct != old.text_scale_pct:
            self.fonts.scale = new.text_scale
            self.labels.clear()
        if new.colorblind != old.colorblind:
            self.labels.clear()
        if new.language != old.language:
            set_language([new.language] if new.language else None)
            pygame.display.set_caption(_("Amid Plenty"))
        if new.fullscreen != old.fullscreen and self._is_fullscreen() != new.fullscreen:
            self._toggle_fullscreen()
            self._drop_window_churn()
        self.sound.set_volume(new.effective_volume)
        for s in self.stack:
            s.layout()

    def record_result(self, slug: str, won: bool, stars: int, score: float) -> None:
        # back merged with what another window sharing the data folder saved meanwhile
        self.progress = self.store.save_progress(self.progress.record(slug, won, stars, score))
        self._flush_store_messages()

    def _flush_store_messages(self) -> None:
        for m in self.store.messages:
            self.toast(m)
        self.store.messages.clear()

    def toast(self, text: str, seconds: float = 6.0) -> None:
        self.toasts.append([text, seconds])

    # --- the window: fullscreen, scaling, mouse mapping ----------------------------------------
    def _open_window(self, fullscreen: bool) -> None:
        if fullscreen:
            try:
                self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
                return
            except pygame.error as e:
                self.toast(_("Fullscreen is not available here: {why}").format(why=e))
        self.window = pygame.display.set_mode((WIDTH, HEIGHT), pygame.RESIZABLE)

    def _is_fullscreen(self) -> bool:
        surf = pygame.display.get_surface()
        return bool(surf and surf.get_flags() & pygame.FULLSCREEN)

    def _toggle_fullscreen(self) -> None:
        self._open_window(not self._is_fullscreen())

    def view_rect(self) -> pygame.Rect:
        """Where the logical picture sits in the window: as large as fits, its shape kept, centred."""
        w, h = self.window.get_size() if self.window is not None else (WIDTH, HEIGHT)
        scale = min(w / WIDTH, h / HEIGHT) or 1.0
        r = pygame.Rect(0, 0, max(1, round(WIDTH * scale)), max(1, round(HEIGHT * scale)))
        r.center = (w // 2, h // 2)
        return r

    def to_logical(self, pos: tuple[float, float]) -> tuple[int, int]:
        r = self.view_rect()
        return (int((pos[0] - r.x) * WIDTH / r.w), int((pos[1] - r.y) * HEIGHT / r.h))

    def _mapped(self, event: pygame.event.Event) -> pygame.event.Event:
        """A mouse event with its position in logical coordinates (other events unchanged)."""
        if event.type not in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            return event
        r = self.view_rect()
        if r.size == (WIDTH, HEIGHT) and r.topleft == (0, 0):
            return event
        d = dict(event.dict, pos=self.to_logical(event.pos))
        if "rel" in d:
            d["rel"] = (int(event.rel[0] * WIDTH / r.w), int(event.rel[1] * HEIGHT / r.h))
        return pygame.event.Event(event.type, d)

    def present(self) -> None:
        """Show the logical picture in the window, scaled to fit (bars fill what is left)."""
        window = pygame.display.get_surface()
        if window is None:
            return
        self.window = window
        r = self.view_rect()
        if r.size == (WIDTH, HEIGHT):
            window.blit(self.screen, r)
        else:
            window.fill((0, 0, 0))
            window.blit(pygame.transform.smoothscale(self.screen, r.size), r)
        pygame.display.flip()

    def _drop_window_churn(self) -> None:
        """Creating or re-creating a window sends focus-lost/gained pairs for a moment; they are not
        the player's, so they are dropped now and ignored for ``SETTLE_S`` of app time."""
        self._window_born = self.time
        pygame.event.pump()
        pygame.event.clear((pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED, pygame.ACTIVEEVENT,
                            pygame.WINDOWENTER, pygame.WINDOWLEAVE))

    def toggle_fullscreen(self) -> None:
        if "fullscreen" in self.locked:
            self.toast(_("This challenge fixes the window size; it is released when you leave the challenge."), 3.0)
            return
        self._toggle_fullscreen()
        self._drop_window_churn()
        self.settings = attrs.evolve(self.settings, fullscreen=not self.own_settings.fullscreen)
        self.own_settings = self.store.save_settings(
            attrs.evolve(self.own_settings, fullscreen=self.settings.fullscreen))
        self._flush_store_messages()
        self._use(attrs.evolve(self.own_settings, **self.locked))

    # --- the stack ----------------------------------------------------------------------------
    @property
    def top(self):
        return self.stack[-1] if self.stack else None

    def push(self, scene) -> None:
        self.stack.append(scene)
        scene.enter()

    def pop(self) -> None:
        if self.stack:
            self.stack.pop().exit()
        if not self.stack:
            self.running = False
        else:
            self.stack[-1].resume()

    def replace(self, scene) -> None:
        if self.stack:
            self.stack.pop().exit()
        self.push(scene)

    def pop_to(self, cls_name: str) -> None:
        """Pop scenes until one of class ``cls_name`` is on top (or only the title remains)."""
        while len(self.stack) > 1 and type(self.stack[-1]).__name__ != cls_name:
            self.stack.pop().exit()
        self.stack[-1].resume()

    def quit(self) -> None:
        self.running = False

    # --- the loop -----------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        if event.type == pygame.WINDOWFOCUSLOST:
            if self.time - self._window_born < SETTLE_S:
                return
            for s in reversed(self.stack):
                s.on_focus_lost()
                break
            return
        if event.type == pygame.MOUSEMOTION:
            self.tooltips.mouse = event.pos
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.tooltips.reset()
        if self.top is not None:
            self.top.handle(event)

    def step(self, dt: float) -> None:
        dt = min(max(dt, 0.0), MAX_DT)
        self.time += dt
        for event in pygame.event.get():
            self.handle(self._mapped(event))
            if not self.running:
                return
        if not self.stack:
            return
        self.top.update(dt)
        self.tooltips.update(dt)
        for t in self.toasts:
            t[1] -= dt
        self.toasts = [t for t in self.toasts if t[1] > 0]
        self.draw()
        self.present()
        self.frames += 1
        if self.on_frame:
            self.on_frame(self)

    def draw(self, surface: pygame.Surface | None = None) -> None:
        surface = surface or self.screen
        base = len(self.stack) - 1
        while base > 0 and self.stack[base].overlay:
            base -= 1
        for s in self.stack[base:]:
            s.draw(surface)
        self.tooltips.draw(surface, self)
        draw_toasts(surface, self)

    def run(self) -> None:
        clock = pygame.time.Clock()
        while self.running:
            dt = clock.tick(60) / 1000.0
            self.step(dt)
        self.sound.stop()
        pygame.quit()
