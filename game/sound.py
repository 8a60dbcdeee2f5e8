"""Short procedural sound cues made with numpy and played through ``pygame.sndarray``.

Cues: ``meal`` (two soft rising notes), ``stressor`` (a low falling hum), ``warning`` (two short
beeps), ``click``, ``win`` (a rising arpeggio) and ``lose`` (a falling pair). They are quiet by
default, synthesised once when the mixer starts, and silent — never an error — when there is no
audio device.
"""

from __future__ import annotations

import numpy as np
import pygame

RATE = 22050


def _tone(freq: float, secs: float, *, decay: float = 6.0, harmonics: float = 0.25,
          glide: float = 0.0) -> np.ndarray:
    t = np.arange(int(RATE * secs)) / RATE
    f = freq * (1.0 + glide * t / max(secs, 1e-6))
    phase = 2 * np.pi * np.cumsum(f) / RATE
    wave = np.sin(phase) + harmonics * np.sin(2 * phase)
    attack = np.minimum(1.0, t / 0.008)
    return wave * attack * np.exp(-decay * t)


def _seq(*parts: np.ndarray, gap: float = 0.0) -> np.ndarray:
    silence = np.zeros(int(RATE * gap))
    out: list[np.ndarray] = []
    for p in parts:
        out.extend((p, silence))
    return np.concatenate(out)


def cue_waves() -> dict[str, np.ndarray]:
    """Each cue as float samples in −1…1 (pure numpy, so tests can inspect them)."""
    return {
        "meal": _seq(_tone(523.3, 0.16), _tone(659.3, 0.28), gap=0.02),
        "stressor": _tone(196.0, 0.45, decay=4.0, harmonics=0.5, glide=-0.25),
        "warning": _seq(_tone(880.0, 0.09, decay=10), _tone(880.0, 0.09, decay=10), gap=0.07),
        "click": _tone(1200.0, 0.03, decay=60, harmonics=0.0),
        "win": _seq(*(_tone(f, 0.16) for f in (523.3, 659.3, 784.0, 1046.5)), gap=0.01),
        "lose": _seq(_tone(392.0, 0.25, decay=5), _tone(311.1, 0.4, decay=4), gap=0.03),
    }


class Sound:
    def __init__(self) -> None:
        self.ok = False
        self.volume = 0.0
        self._sounds: dict[str, pygame.mixer.Sound] = {}

    def start(self, volume: float) -> None:
        self.volume = volume
        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=2)
            init = pygame.mixer.get_init()
        except pygame.error:
            return
        if not init:
            return
        _freq, _size, channels = init
        for name, w in cue_waves().items():
            pcm = (np.clip(w * 0.5, -1, 1) * 32767).astype(np.int16)
            arr = np.repeat(pcm[:, None], channels, axis=1) if channels > 1 else pcm
            try:
                self._sounds[name] = pygame.sndarray.make_sound(np.ascontiguousarray(arr))
            except (pygame.error, ValueError):
                return
        self.ok = True
        self.set_volume(volume)

    def set_volume(self, volume: float) -> None:
        self.volume = volume
        for s in self._sounds.values():
            s.set_volume(volume)

    def play(self, name: str) -> None:
        if self.ok and self.volume > 0 and name in self._sounds:
            self._sounds[name].play()

    def stop(self) -> None:
        if self.ok:
            pygame.mixer.quit()
            self.ok = False
