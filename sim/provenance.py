"""What made an output file: the JSON sidecar beside every CLI output, and the check of a pair.

One record for ``run``, ``experiment`` and ``sweep`` (``describe``): the format name, the
versions (engine, app, Python, numpy), the command line, the seed, the subject (a preset, or a
level's slug, file and SHA-256), the parameters, the output's name, SHA-256, size and row count,
and what each column means. A command adds its own fields (a sweep's grid and per-repetition
seeds) as keyword arguments; there is no second sidecar writer.

- The sidecar of ``NAME.csv`` (or ``NAME.json``) is ``NAME.meta.json``: never the name of an
  output itself, nor of ``experiment --summary-json NAME.json``.
- The output is written first and the sidecar last, so a kill between the two writes leaves an
  old sidecar beside a new output; ``check`` tells them apart by the SHA-256 instead of trusting
  the pair.
- With ``--out -`` the output goes to standard output, and the sidecar only to ``--sidecar PATH``
  (none without it): there is no file to put it beside.

Must not import pygame.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sim.errors import SaveError
from sim.storage import emit, is_stdout, read_text_limited, write_output

FORMAT_VERSION = 2  # 1 was the sweep's own sidecar (results.json, csv_sha256, level_hash)
SUFFIX = ".meta.json"


COMMON_COLUMNS = {
    "turn": "turn number, from 1",
    "time_min": "minutes since the start, at the row's moment (a turn's end)",
    "mean_glucose_mmol_l": "blood glucose, time-weighted mean over the turn, mmol/L",
    "mean_insulin_uu_ml": "blood insulin, time-weighted mean over the turn, µU/mL",
    "mean_cell_energy_frac": "cell energy reserve, time-weighted mean over the turn, 0–1",
    "max_glucose_mmol_l": "highest blood glucose during the turn, mmol/L",
    "min_glucose_mmol_l": "lowest blood glucose during the turn, mmol/L",
    "min_cell_energy_frac": "lowest cell energy reserve during the turn, 0–1",
}


def column_meaning(name: str, extra: Mapping[str, str] | None = None) -> str:
    """What an output column holds, with its unit: ``extra`` first, then the state's own words."""
    from sim.snapshot import DERIVED_DOCS
    from sim.state import VARIABLES

    if extra and name in extra:
        return extra[name]
    for suffix, words in (("_p05", "5th"), ("_p95", "95th")):
        if name.endswith(suffix):
            return f"{words} percentile over the population of: {column_meaning(name.removesuffix(suffix), extra)}"
    docs = {v.name: f"{v.meaning}, {v.unit}" for v in VARIABLES} | DERIVED_DOCS | COMMON_COLUMNS
    return docs.get(name, "")


def versions_block() -> dict[str, str]:
    from sim.classroom.canonical import versions

    return {**versions(), "python": platform.python_version(), "numpy": np.__version__}


def sidecar_path(out: Path) -> Path:
    """``NAME.csv`` → ``NAME.meta.json`` beside it."""
    return out.with_name(out.name.removesuffix(out.suffix) + SUFFIX)


def level_subject(slug: str, path: str | Path | None, sha256: str) -> dict[str, Any]:
    return {"level": slug, "level_file": None if path is None else str(path), "level_sha256": sha256}


def describe(command: str, data: bytes, *, argv: Sequence[str] | None, rows: int,
             columns: Mapping[str, str], seed: int | None, subject: Mapping[str, Any],
             parameters: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    """The sidecar record of ``data`` (the output's exact bytes) made by ``command``."""
    return {
        "format": f"amid-plenty-{command}", "format_version": FORMAT_VERSION,
        "versions": versions_block(), "command": None if argv is None else list(argv),
        "seed": seed, "subject": dict(subject), "parameters": dict(parameters), **extra,
        "rows": rows, "output_sha256": hashlib.sha256(data).hexdigest(), "output_bytes": len(data),
        "columns": dict(columns),
    }


def write_with_sidecar(out: Path, data: bytes, meta: dict[str, Any], sidecar: Path | None = None) -> Path | None:
    """Write ``data`` to ``out`` (``-``: standard output), then its sidecar; returns where it went.

    The sidecar goes to ``sidecar`` when given, else beside a file output, else nowhere.
    """
    emit(out, data)
    side = sidecar if sidecar is not None else None if is_stdout(out) else sidecar_path(out)
    if side is not None:
        record = {**meta, "output": "-" if is_stdout(out) else str(out)}
        write_output(side, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    return side


def check(out: Path, sidecar: Path | None = None, fmt: str | None = None) -> dict[str, Any]:
    """The sidecar of ``out``, after checking it describes this very file (hash; rows of a CSV)."""
    side = sidecar or sidecar_path(out)
    data = read_text_limited(out, SaveError, limit=1 << 30).encode("utf-8")
    try:
        meta = json.loads(read_text_limited(side, SaveError))
    except (json.JSONDecodeError, RecursionError) as e:
        raise SaveError(f"{side}: not a sidecar (invalid JSON: {e})") from None
    want = f"amid-plenty-{fmt}" if fmt else None
    if not isinstance(meta, dict) or not str(meta.get("format", "")).startswith("amid-plenty-") or (
        want is not None and meta.get("format") != want
    ):
        raise SaveError(f"{side}: not a sidecar (format {want or 'amid-plenty-…'!r} expected)")
    found = hashlib.sha256(data).hexdigest()
    if meta.get("output_sha256") != found:
        raise SaveError(f"{side}: describes another run than {out.name} (output_sha256 "
                        f"{str(meta.get('output_sha256'))[:12]}…, the file's is {found[:12]}…); run it again")
    n = data.count(b"\n") - 1
    if out.suffix.lower() == ".csv" and meta.get("rows") != n:
        raise SaveError(f"{side}: says {meta.get('rows')} rows, {out.name} has {n}")
    return meta
