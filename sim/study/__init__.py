"""Headless studies: parameter sweeps over presets and levels (``python -m sim sweep``).

``SweepSpec`` + ``tasks`` describe the runs, ``run_task`` does one, ``runner.run`` spreads them
here, over local processes or over a Dask cluster, ``output`` writes the tidy CSV and its JSON
sidecar. Must not import pygame.
"""

from __future__ import annotations

from sim.study.sweep import (
    Axis,
    SweepError,
    SweepSpec,
    Task,
    check_spec,
    parse_param,
    run_task,
    tasks,
)

__all__ = ["Axis", "SweepError", "SweepSpec", "Task", "check_spec", "parse_param", "run_task", "tasks"]
