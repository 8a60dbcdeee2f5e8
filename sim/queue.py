"""The event queue: a binary heap keyed (time_min, phase, seq) with lazy cancellation.

``seq`` comes from a counter, so events at the same time and phase fire in the order they were
pushed, the same on every run. Cancelling marks a sequence number dead; the heap drops it when it
reaches the top (Mesa's eventlist does the same). Must not import pygame.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Mapping
from typing import Any

from sim.events import Event

Key = tuple[float, int, int]


class EventQueue:
    def __init__(self) -> None:
        self._heap: list[tuple[Key, Event]] = []
        self._cancelled: set[int] = set()
        self._seq = 0

    def push(self, event: Event) -> int:
        seq = self._seq
        self._seq += 1
        heapq.heappush(self._heap, ((float(event.time_min), int(event.phase), seq), event))
        return seq

    def cancel(self, seq: int) -> None:
        self._cancelled.add(seq)

    def _drop_dead(self) -> None:
        while self._heap and self._heap[0][0][2] in self._cancelled:
            self._cancelled.discard(heapq.heappop(self._heap)[0][2])

    def peek_time(self) -> float | None:
        self._drop_dead()
        return self._heap[0][0][0] if self._heap else None

    def pop(self) -> tuple[int, Event]:
        self._drop_dead()
        key, event = heapq.heappop(self._heap)
        return key[2], event

    def __len__(self) -> int:
        return sum(1 for k, _ in self._heap if k[2] not in self._cancelled)

    def upcoming(self, limit: int | None = None) -> list[Event]:
        """Live events in firing order (the timeline the player sees)."""
        live = sorted((k, e) for k, e in self._heap if k[2] not in self._cancelled)
        return [e for _, e in (live if limit is None else live[:limit])]

    def __iter__(self) -> Iterator[Event]:
        return iter(self.upcoming())

    def to_jsonable(self) -> dict[str, Any]:
        live = sorted((k, e) for k, e in self._heap if k[2] not in self._cancelled)
        return {"seq": self._seq, "events": [[k[2], e.to_jsonable()] for k, e in live]}

    @classmethod
    def from_jsonable(cls, d: Mapping[str, Any]) -> EventQueue:
        q = cls()
        q._seq = int(d["seq"])
        for seq, ev in d["events"]:
            e = Event.from_jsonable(ev)
            heapq.heappush(q._heap, ((float(e.time_min), int(e.phase), int(seq)), e))
        return q
