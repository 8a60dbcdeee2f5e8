"""A terminal progress bar for long runs; silent when stderr is not a terminal (files, CI)."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, total: int, unit: str = "item", stream: TextIO | None = None, width: int = 30) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.unit = unit
        self.width = width
        self.stream = stream or sys.stderr
        try:
            self.live = self.stream.isatty()
        except (ValueError, AttributeError):
            self.live = False

    def tick(self, n: int = 1) -> None:
        self.done += n
        if self.live:
            filled = int(self.width * self.done / self.total)
            bar = "█" * filled + "·" * (self.width - filled)
            self.stream.write(f"\r{bar} {self.done}/{self.total} {self.unit}s")
            self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
