"""The class table: one tidy row per submission (``class.csv``), also the rows of ``report.html``.

Columns: ``name, status, score, stars, won, turns_played, failed_because``, key outcomes of the
replay (``mean_glucose_mmol_l, max_glucose_mmol_l, min_cell_energy_frac, end_cell_energy_frac,
end_receptors_frac``), ``claimed_score``, then per prediction question ``<id>_choice`` (from 0),
``<id>_confidence`` (1–5) and ``<id>_correct`` (1/0, empty when the question has no right
answer), per reflection prompt ``<id>`` (the text), then ``engine_version, submission_id,
prediction_code`` (the code the game showed when play started, to compare with one the student
noted down before playing; empty for format-1 files), ``source, note, flags``. Outcomes come from the replay, never from the file. Text that a spreadsheet would run as
a formula (starting with = + - @) gets a leading apostrophe. Must not import pygame.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from sim.classroom.challenge import Challenge
from sim.classroom.commitment import prediction_code
from sim.classroom.fields import visible
from sim.classroom.grade import Graded

OUTCOME_COLUMNS = ("mean_glucose_mmol_l", "max_glucose_mmol_l", "min_cell_energy_frac", "end_cell_energy_frac",
                   "end_receptors_frac")


def columns(ch: Challenge) -> list[str]:
    cols = ["name", "status", "score", "stars", "won", "turns_played", "failed_because", *OUTCOME_COLUMNS,
            "claimed_score"]
    for q in ch.questions:
        cols += [f"{q.id}_choice", f"{q.id}_confidence", f"{q.id}_correct"]
    cols += [r.id for r in ch.reflection]
    return [*cols, "engine_version", "submission_id", "prediction_code", "source", "note", "flags"]


def outcomes(result: Any) -> dict[str, float]:
    s = result.series
    if not s.get("time_min"):
        return {}
    mean_g = s["mean_glucose_mmol_l"]
    return {
        "mean_glucose_mmol_l": round(sum(mean_g) / len(mean_g), 3),
        "max_glucose_mmol_l": round(max(s["max_glucose_mmol_l"]), 3),
        "min_cell_energy_frac": round(min(s["min_cell_energy_frac"]), 4),
        "end_cell_energy_frac": round(s["cell_energy_frac"][-1], 4),
        "end_receptors_frac": round(s["receptors_frac"][-1], 4),
    }


def row(ch: Challenge, g: Graded) -> dict[str, Any]:
    sub, res = g.submission, g.result
    r: dict[str, Any] = dict.fromkeys(columns(ch), "")
    r.update(name=g.who, status=g.status, source=g.source, note=g.note, flags="; ".join(g.flags))
    if sub is not None:
        r.update(claimed_score=sub.outcome.score, engine_version=sub.versions.get("engine", ""),
                 submission_id=sub.short_id,
                 prediction_code=prediction_code(sub.commitment.answers) if sub.commitment else "")
        for q in ch.questions:
            p = sub.predictions.get(q.id)
            if p is not None:
                r[f"{q.id}_choice"] = p.choice
                r[f"{q.id}_confidence"] = p.confidence
                if q.answer is not None:
                    r[f"{q.id}_correct"] = int(p.choice == q.answer)
        for x in ch.reflection:
            r[x.id] = sub.reflection.get(x.id, "")
    if res is not None:
        r.update(score=res.score, stars=res.stars, won=int(res.won), turns_played=res.turns_played,
                 failed_because=res.failed_because or "", **outcomes(res))
    return r


def _safe(v: Any) -> Any:
    """No escape codes, and nothing a spreadsheet would run: Excel and LibreOffice skip leading
    blanks before looking for = + - @, so those are checked after them too."""
    if not isinstance(v, str):
        return v
    v = visible(v, keep="\n")
    if v.lstrip(" \n")[:1] in ("=", "+", "-", "@") or v[:1] in ("\t", "\r"):
        return "'" + v
    return v


def to_csv(ch: Challenge, rows: Sequence[Graded]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns(ch), lineterminator="\n")
    w.writeheader()
    for g in rows:
        w.writerow({k: _safe(v) for k, v in row(ch, g).items()})
    return buf.getvalue()
