"""Where a sweep's runs execute: here, over local processes, or over an existing Dask cluster.

Every backend calls the same pure ``run_task`` on the same tasks and the rows are put back in
task order, so the output does not depend on the backend, the number of workers or the order in
which runs finish. Runs travel in small chunks (fewer round trips); the chunking only groups
work, it never changes a run. Dask is an optional extra (``pip install 'amid-plenty[dask]'``).
Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from sim.study.sweep import SweepError, SweepSpec, Task, _run_chunk, run_task

Row = dict[str, Any]


def _chunks(tasks: Sequence[Task], size: int) -> list[list[Task]]:
    return [list(tasks[i:i + size]) for i in range(0, len(tasks), size)]


def chunk_size(n_tasks: int, workers: int) -> int:
    return max(1, min(64, n_tasks // (workers * 8) or 1))


def run_local(spec: SweepSpec, tasks: Sequence[Task], tick: Callable[[int], None] | None = None) -> list[Row]:
    rows = []
    for t in tasks:
        rows.append(run_task(spec, t))
        if tick:
            tick(1)
    return rows


def run_processes(spec: SweepSpec, tasks: Sequence[Task], workers: int,
                  tick: Callable[[int], None] | None = None) -> list[Row]:
    chunks = _chunks(tasks, chunk_size(len(tasks), workers))
    rows: list[Row] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(_run_chunk, [spec] * len(chunks), chunks):
            rows.extend(part)
            if tick:
                tick(len(part))
    return rows


def run_dask(spec: SweepSpec, tasks: Sequence[Task], address: str,
             tick: Callable[[int], None] | None = None, timeout_s: float = 10.0) -> list[Row]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise SweepError("--scheduler needs Dask: pip install 'amid-plenty[dask]' (or 'dask[distributed]')") from None
    try:
        client = Client(address, timeout=f"{timeout_s}s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as e:
        raise SweepError(f"--scheduler {address}: cannot reach the Dask scheduler ({e})") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = _chunks(tasks, chunk_size(len(tasks), workers))
        futures = client.map(_run_chunk, [spec] * len(chunks), chunks, pure=False)
        by_future = {f.key: i for i, f in enumerate(futures)}
        parts: list[list[Row]] = [[] for _ in chunks]
        for fut in as_completed(futures):  # type: ignore[no-untyped-call]
            part = fut.result()
            parts[by_future[fut.key]] = part
            if tick:
                tick(len(part))
        return [r for part in parts for r in part]
    finally:
        client.close()  # type: ignore[no-untyped-call]


def run(spec: SweepSpec, tasks: Sequence[Task], workers: int = 1, scheduler: str | None = None,
        tick: Callable[[int], None] | None = None) -> list[Row]:
    if scheduler:
        rows = run_dask(spec, tasks, scheduler, tick)
    elif workers > 1 and len(tasks) > 1:
        rows = run_processes(spec, tasks, workers, tick)
    else:
        rows = run_local(spec, tasks, tick)
    return sorted(rows, key=lambda r: int(r["run"]))
