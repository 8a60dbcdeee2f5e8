"""``report.html``: the class summary as one self-contained offline page (no scripts, no links out).

Sections: counts by status, the class table (with a small chart per student of blood glucose
against cell energy over the level), the score distribution, prediction accuracy per question,
and the most common failure points. Charts are inline SVG drawn here; every piece of text from a
file is HTML-escaped; lines are told apart by dash pattern as well as colour.
Must not import pygame.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sim.classroom.challenge import Challenge
from sim.classroom.fields import visible
from sim.classroom.grade import STATUSES, Graded
from sim.classroom.table import outcomes

GLUCOSE_COLOUR = "#c0392b"
ENERGY_COLOUR = "#1f6fb2"
STATUS_COLOUR = {"verified": "#1e7b34", "mismatch": "#b35c00", "wrong-challenge": "#6b4fa0", "corrupt": "#a11"}
GLUCOSE_TOP = 20.0  # mmol/L at the top of a student's chart

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#222;max-width:75rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.9rem} th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .5rem;
text-align:left;vertical-align:middle} th{background:#f4f4f4} td.num{text-align:right}
.badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;color:#fff;font-size:.8rem}
.muted{color:#666;font-size:.85rem} .flag{color:#a11;font-weight:600} .legend span{margin-right:1rem}
td.words{white-space:pre-wrap;max-width:24rem;vertical-align:top}
@media print{body{margin:0}}
"""


def e(v: Any) -> str:
    return html.escape(visible(str(v), keep="\n"), quote=True)


def sparkline(series: dict[str, list[float]], w: int = 200, h: int = 56) -> str:
    """Blood glucose (solid, 0–20 mmol/L) and cell energy (dashed, 0–1) over the level."""
    t = series.get("time_min") or []
    if len(t) < 1:
        return ""
    t0, t1 = (t[0], t[-1]) if len(t) > 1 else (t[0] - 1, t[0])
    span = max(t1 - t0, 1e-9)

    def pts(values: list[float], top: float) -> str:
        return " ".join(f"{2 + (w - 4) * (x - t0) / span:.1f},{h - 2 - (h - 4) * min(max(v / top, 0), 1):.1f}"
                        for x, v in zip(t, values, strict=False))

    g = series["blood_glucose_mmol_l"]
    en = series["cell_energy_frac"]
    label = (f"Blood glucose from {g[0]:.1f} to a peak of {max(g):.1f} mmol/L; "
             f"cell energy from {en[0]:.2f} down to {min(en):.2f} and {en[-1]:.2f} at the end")
    return (f'<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{e(label)}">'
            f'<title>{e(label)}</title><rect width="{w}" height="{h}" fill="#fafafa" stroke="#ddd"/>'
            f'<line x1="2" x2="{w - 2}" y1="{h - 2 - (h - 4) * 11.1 / GLUCOSE_TOP:.1f}" '
            f'y2="{h - 2 - (h - 4) * 11.1 / GLUCOSE_TOP:.1f}" stroke="#f0b8b0" stroke-width="1"/>'
            f'<polyline fill="none" stroke="{GLUCOSE_COLOUR}" stroke-width="1.6" points="{pts(g, GLUCOSE_TOP)}"/>'
            f'<polyline fill="none" stroke="{ENERGY_COLOUR}" stroke-width="1.6" stroke-dasharray="4 2" '
            f'points="{pts(en, 1.0)}"/></svg>')


def histogram(values: Sequence[float], top: float, bins: int = 10, w: int = 520, h: int = 180) -> str:
    top = max(top, max(values, default=0), 1)
    counts = [0] * bins
    for v in values:
        counts[min(int(bins * max(v, 0) / top), bins - 1)] += 1
    peak = max([*counts, 1])
    bw = (w - 40) / bins
    parts = [f'<svg width="{w}" height="{h + 30}" viewBox="0 0 {w} {h + 30}" role="img" '
             f'aria-label="Score distribution of {len(values)} verified submissions">',
             f'<line x1="30" x2="{w - 10}" y1="{h}" y2="{h}" stroke="#888"/>']
    for i, c in enumerate(counts):
        bh = (h - 20) * c / peak
        x = 30 + i * bw
        parts.append(f'<rect x="{x + 2:.1f}" y="{h - bh:.1f}" width="{bw - 4:.1f}" height="{bh:.1f}" fill="#5b8bb8">'
                     f'<title>{c} with score {top * i / bins:.0f}–{top * (i + 1) / bins:.0f}</title></rect>')
        if c:
            parts.append(f'<text x="{x + bw / 2:.1f}" y="{h - bh - 4:.1f}" font-size="11" text-anchor="middle">{c}</text>')
        parts.append(f'<text x="{x + bw / 2:.1f}" y="{h + 14}" font-size="10" text-anchor="middle">'
                     f'{top * i / bins:.0f}</text>')
    parts.append(f'<text x="{w / 2:.0f}" y="{h + 28}" font-size="11" text-anchor="middle">score</text></svg>')
    return "".join(parts)


def bar(frac: float, w: int = 160, colour: str = "#5b8bb8") -> str:
    f = min(max(frac, 0.0), 1.0)
    return (f'<svg width="{w}" height="12" viewBox="0 0 {w} 12" aria-hidden="true"><rect width="{w}" height="12" '
            f'fill="#eee"/><rect width="{w * f:.1f}" height="12" fill="{colour}"/></svg>')


def render(ch: Challenge, rows: Sequence[Graded], version: str = "") -> str:
    from sim.classroom.flags import counted

    every = rows
    rows = counted(every)  # a student who handed in twice counts once in every figure below
    again = len(every) - len(rows)
    counts = Counter(g.status for g in rows)
    out = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{e(ch.title)} — class report</title>"
           f"<meta name='viewport' content='width=device-width,initial-scale=1'><style>{CSS}</style></head><body>",
           f"<h1>{e(ch.title)}</h1><p class='muted'>Level {e(ch.level_slug)} · seed {ch.seed} · "
           f"{ch.turn_limit} turns · challenge {e(ch.challenge_id[7:19])}{' · program ' + e(version) if version else ''}</p>",
           "<p>" + " · ".join(f"<b>{counts.get(s, 0)}</b> {e(s)}" for s in STATUSES) + f" of {len(rows)} submissions"
           + (f" (and {again} later hand-in{'s' if again != 1 else ''} by the same student{'s' if again != 1 else ''}, "
              "listed but counted once)" if again else "") + "</p>",
           _class_table(ch, every), _scores(rows), _predictions(ch, rows), _answers(ch, every), _failures(rows),
           "<p class='muted'>Only replayed outcomes are shown: a submission's own claims are checked, never trusted. "
           "‘mismatch’ means the replay disagrees with what the file says; ‘wrong-challenge’ means the file was made "
           "for another challenge; ‘corrupt’ means it could not be read.</p></body></html>"]
    return "\n".join(out)


def _class_table(ch: Challenge, rows: Sequence[Graded]) -> str:
    right = [q for q in ch.questions if q.answer is not None]
    head = ("<h2>Class</h2><p class='legend muted'>Charts: "
            f"<span style='color:{GLUCOSE_COLOUR}'>━ blood glucose (0–{GLUCOSE_TOP:.0f} mmol/L; pale line 11.1)</span>"
            f"<span style='color:{ENERGY_COLOUR}'>╌ cell energy (0–1)</span></p>"
            "<table><thead><tr><th>Name</th><th>Status</th><th>Score</th><th>Stars</th><th>Predictions right</th>"
            "<th>Mean / peak glucose</th><th>Lowest energy</th><th>Glucose and energy</th><th>What happened</th>"
            "</tr></thead><tbody>")
    body = []
    order = sorted(range(len(rows)), key=lambda i: (STATUSES.index(rows[i].status), -(_score(rows[i]) or -1e9), i))
    for i in order:
        g = rows[i]
        sub, res = g.submission, g.result
        name = g.who or "—"
        badge = f"<span class='badge' style='background:{STATUS_COLOUR[g.status]}'>{e(g.status)}</span>"
        preds = "—"
        if sub and right:
            n = sum(1 for q in right if (p := sub.predictions.get(q.id)) is not None and p.choice == q.answer)
            preds = f"{n} / {len(right)}"
        o = outcomes(res) if res is not None else {}
        what = res.failed_because or ("won" if res.won else "") if res is not None else ""
        notes = "; ".join(x for x in (what, g.note) if x)
        marks = "".join(f"<div class='flag'>⚑ {e(f)}</div>" for f in g.flags)
        body.append(
            f"<tr><td>{e(name)}<div class='muted'>{e(g.source)}</div></td><td>{badge}</td>"
            f"<td class='num'>{res.score if res else ''}</td><td>{'★' * res.stars if res else ''}</td>"
            f"<td class='num'>{preds}</td>"
            f"<td class='num'>{_fmt(o.get('mean_glucose_mmol_l'), 1)} / {_fmt(o.get('max_glucose_mmol_l'), 1)}</td>"
            f"<td class='num'>{_fmt(o.get('min_cell_energy_frac'), 2)}</td>"
            f"<td>{sparkline(res.series) if res is not None else ''}</td><td>{e(notes)}{marks}</td></tr>")
    return head + "".join(body) + "</tbody></table>"


def _score(g: Graded) -> float | None:
    return float(g.result.score) if g.result is not None else None


def _fmt(v: float | None, digits: int) -> str:
    return "" if v is None else f"{v:.{digits}f}"


def _scores(rows: Sequence[Graded]) -> str:
    vals = [float(g.result.score) for g in rows if g.status == "verified" and g.result is not None]
    if not vals:
        return "<h2>Scores</h2><p>No verified submissions yet.</p>"
    vals_sorted = sorted(vals)
    median = vals_sorted[len(vals) // 2] if len(vals) % 2 else (vals_sorted[len(vals) // 2 - 1] + vals_sorted[len(vals) // 2]) / 2
    won = sum(1 for g in rows if g.status == "verified" and g.result.won)
    return (f"<h2>Scores</h2><p>Verified submissions: {len(vals)}; median score {median:.0f}; "
            f"{won} won the level.</p>" + histogram(vals, top=max(vals)))


def _predictions(ch: Challenge, rows: Sequence[Graded]) -> str:
    if not ch.questions:
        return ""
    subs = [g.submission for g in rows if g.submission is not None and g.status in ("verified", "mismatch")]
    parts = ["<h2>Predictions</h2><table><thead><tr><th>Question</th><th>Choices (how many picked each)</th>"
             "<th>Right</th><th>Mean confidence (right / wrong)</th></tr></thead><tbody>"]
    for q in ch.questions:
        picks = [s.predictions[q.id] for s in subs if q.id in s.predictions]
        n = len(picks)
        tally = Counter(p.choice for p in picks)
        choice_rows = "".join(
            f"<div>{'✔ ' if q.answer == j else ''}{e(c)} — {tally.get(j, 0)} "
            f"{bar(tally.get(j, 0) / n if n else 0, 100, '#1e7b34' if q.answer == j else '#8a9bb0')}</div>"
            for j, c in enumerate(q.choices))
        if q.answer is None:
            right, conf = "no right answer", ""
        else:
            ok = [p for p in picks if p.choice == q.answer]
            bad = [p for p in picks if p.choice != q.answer]
            right = f"{len(ok)} of {n} ({100 * len(ok) / n:.0f}%)" if n else "no answers"
            conf = " / ".join(f"{sum(p.confidence for p in grp) / len(grp):.1f}" if grp else "—" for grp in (ok, bad))
        parts.append(f"<tr><td>{e(q.prompt)}</td><td>{choice_rows}</td><td>{e(right)}</td><td>{e(conf)}</td></tr>")
    return "".join(parts) + "</tbody></table>"


def _answers(ch: Challenge, rows: Sequence[Graded]) -> str:
    """Each student's own predictions (choice, how sure, right or not) and reflections, word for word."""
    if not ch.questions and not ch.reflection:
        return ""
    head = "".join(f"<th>{e(q.prompt)}</th>" for q in ch.questions) + "".join(f"<th>{e(r.prompt)}</th>"
                                                                          for r in ch.reflection)
    body = []
    for g in sorted((g for g in rows if g.submission is not None), key=lambda g: g.who.casefold()):
        sub = g.submission
        assert sub is not None
        cells = []
        for q in ch.questions:
            p = sub.predictions.get(q.id)
            if p is None or not 0 <= p.choice < len(q.choices):
                cells.append("<td class='muted'>no answer</td>")
                continue
            mark = "" if q.answer is None else ("✔ " if p.choice == q.answer else "✘ ")
            cells.append(f"<td>{mark}{e(q.choices[p.choice])}<div class='muted'>sure: {p.confidence} of 5</div></td>")
        cells += [f"<td class='words'>{e(sub.reflection.get(r.id, '')) or '<span class=muted>no answer</span>'}</td>"
                  for r in ch.reflection]
        body.append(f"<tr><td>{e(g.who)}<div class='muted'>{e(g.status)}</div></td>{''.join(cells)}</tr>")
    return ("<h2>Each student's answers and reflections</h2><table><thead><tr><th>Name</th>" + head
            + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>")


def _failures(rows: Sequence[Graded]) -> str:
    played = [g.result for g in rows if g.result is not None and g.status in ("verified", "mismatch")]
    reasons = Counter(r.failed_because for r in played if r.failed_because)
    causes = Counter(c for r in played for c in r.causes)
    when = Counter(r.turns_played for r in played if r.failed_because and r.turns_played)
    parts = ["<h2>Where students failed</h2>"]
    if not reasons:
        parts.append("<p>No replayed run failed.</p>")
    else:
        parts.append("<table><thead><tr><th>Reason</th><th>Students</th></tr></thead><tbody>")
        parts += [f"<tr><td>{e(k)}</td><td class='num'>{v}</td></tr>" for k, v in reasons.most_common(8)]
        parts.append("</tbody></table>")
        parts.append("<p class='muted'>Turn at which failed runs ended: "
                     + ", ".join(f"turn {t} ({n})" for t, n in sorted(when.items())) + "</p>")
    if causes:
        parts.append("<h2>Most common causes, in the game's words</h2><table><thead><tr><th>Cause</th>"
                     "<th>Students</th></tr></thead><tbody>")
        parts += [f"<tr><td>{e(k)}</td><td class='num'>{v}</td></tr>" for k, v in causes.most_common(8)]
        parts.append("</tbody></table>")
    return "".join(parts)
