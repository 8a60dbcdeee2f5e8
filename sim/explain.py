"""Causes in words, built only from the engine's account of a turn or a run (sim/attribution.py).

Each sentence names one cause of one change and the number the account gives it; a sentence is
made only when that number is at least its ``SHOWN_MIN`` (so a cause that contributed nothing is
never named), and its sign picks the wording (ROS destroy receptors; they never add any). The
templates are msgids (``CAUSE_WORDS``), and ``CAUSE_OF[msgid]`` says which account entry a
sentence reports and how its ``pct`` was computed, so tests can check every sentence against the
numbers. Must not import pygame.
"""

from __future__ import annotations

import attrs

from sim.attribution import Attribution
from sim.messages import Message

# (key, template): key = "<target>.<cause><sign>" where sign is "-", "+" or "" (a level).
CAUSE_WORDS = (
    ("receptors.oxidative_stress-", "ROS destroyed receptors worth {pct:.1f}% of a healthy cell's surface"),
    ("receptors.insulin-", "insulin pulled receptors worth {pct:.1f}% of a healthy cell's surface into the cell"),
    ("receptors.insulin+", "receptors worth {pct:.1f}% of a healthy cell's surface came back as insulin fell"),
    ("receptors.er_stress-", "ER stress held back new receptors worth {pct:.1f}% of a healthy cell's surface"),
    ("receptors.low_energy-", "low energy held back new receptors worth {pct:.1f}% of a healthy cell's surface"),
    ("receptors.renewal+", "new receptors outpaced wear by {pct:.1f}% of a healthy cell's surface (before any brakes)"),
    ("receptors.renewal-", "wear outpaced new receptors by {pct:.1f}% of a healthy cell's surface"),
    ("signal.inflammation-", "inflammation rose and weakened insulin signaling by {pct:.1f} points"),
    ("signal.inflammation+", "inflammation eased: insulin signaling recovered {pct:.1f} points"),
    ("signal.lipotoxicity-", "lipotoxic fat built up and weakened insulin signaling by {pct:.1f} points"),
    ("signal.lipotoxicity+", "lipotoxic fat cleared: insulin signaling recovered {pct:.1f} points"),
    ("signal.er_stress-", "ER stress rose and weakened insulin signaling by {pct:.1f} points"),
    ("signal.er_stress+", "ER stress eased: insulin signaling recovered {pct:.1f} points"),
    ("signal.proteins-", "ROS damaged signaling proteins: insulin signaling lost {pct:.1f} points"),
    ("signal.proteins+", "repaired signaling proteins gave insulin signaling back {pct:.1f} points"),
    ("signal.exercise+", "exercise strengthened insulin signaling by {pct:.1f} points"),
    ("signal.exercise-", "the lift from earlier exercise wore off: insulin signaling lost {pct:.1f} points"),
    ("signal_level.inflammation", "inflammation blocks {pct:.0f}% of the insulin signal"),
    ("signal_level.lipotoxicity", "lipotoxic fat blocks {pct:.0f}% of the insulin signal"),
    ("signal_level.er_stress", "the ER stress response blocks {pct:.0f}% of the insulin signal"),
    ("signal_level.proteins", "{pct:.0f}% of the signaling proteins are damaged, so less of the signal passes on"),
    ("signal_level.capacity", "the signaling pathway passes on only {pct:.0f}% of what a healthy one does"),
    ("energy.mito_dysfunction-", "weak mitochondria could not burn fuel worth {pct:.0f}% of the cell's ATP spending"),
    ("energy.mito_dysfunction+", "strong mitochondria burned fuel worth {pct:.0f}% more of the cell's ATP spending"),
    ("energy.fat_door-", "insulin kept fat out of the mitochondria: fuel worth {pct:.0f}% of the cell's ATP spending went unburned"),
    ("energy.inflammation-", "fighting inflammation used {pct:.0f}% of the cell's ATP"),
    ("energy.oxidative_stress-", "defending against ROS used {pct:.0f}% of the cell's ATP"),
    ("energy.er_stress-", "the ER stress response used {pct:.0f}% of the cell's ATP"),
    ("energy.exercise-", "exercise used {pct:.0f}% of the cell's ATP"),
    ("energy.rest+", "rest saved {pct:.0f}% of the cell's ATP"),
    ("uptake.insulin+", "insulin's signal let in {pct:.0f}% of the glucose the cell took up"),
    ("uptake.exercise+", "exercise moved GLUT4 to the membrane: {pct:.0f}% of the glucose entered that way, without insulin"),
    ("uptake.metformin+", "metformin moved GLUT4 to the membrane: {pct:.0f}% of the glucose entered that way"),
    ("glucose.meals+", "meals added {pct:.1f} mmol/L of glucose to the blood"),
)
WORDS = dict(CAUSE_WORDS)

# How a cause's number is read off the account: "change" = 100 × the entry (points of a 0–1
# quantity, or mmol/L × 1 for glucose), "share" = 100 × entry / the target's total (uptake) or
# / the cell's spending (energy), "cut" = 100 × (1 − level), "level" = 100 × level.
HOW = {"receptors": "change", "signal": "change", "signal_level": "cut", "energy": "share",
       "uptake": "share", "glucose": "change"}
SHOWN_MIN = {"receptors": 0.2, "signal": 0.3, "signal_level": 5.0, "energy": 2.0, "uptake": 5.0,
             "glucose": 0.3}
# How much a sentence matters, per unit of its number (orders the list; never hides a cause).
WEIGHT = {"receptors": 2.0, "receptors.renewal": 0.3, "signal": 2.0, "signal_level": 0.05, "energy": 0.2, "uptake": 0.05,
          "glucose": 0.5}


@attrs.frozen
class CauseRef:
    target: str
    cause: str
    sign: str


CAUSE_OF: dict[str, CauseRef] = {}
for _key, _template in CAUSE_WORDS:
    _t, _, _rest = _key.partition(".")
    _sign = _rest[-1] if _rest[-1] in "+-" else ""
    CAUSE_OF[_template] = CauseRef(_t, _rest.rstrip("+-"), _sign)


def number(att: Attribution, target: str, cause: str, i: int = 0) -> float:
    """The signed number a sentence about ``target.cause`` reports (see ``HOW``)."""
    v = att.get(f"{target}.{cause}", i)
    how = "level" if (target, cause) == ("signal_level", "capacity") else HOW[target]
    if how == "change":
        return (1.0 if target == "glucose" else 100.0) * v
    if how == "cut":
        return 100.0 * (1.0 - v)
    if how == "level":
        return 100.0 * v
    whole = att.get("spent", i) if target == "energy" else att.total(target, i)
    return 100.0 * v / whole if whole > 0 else 0.0


# Over a whole level: the brakes on the signal and the shares of ATP are what explain an outcome;
# the sum of every meal's glucose is not a cause worth a line.
RUN_WEIGHT = {**WEIGHT, "receptors": 0.2, "receptors.renewal": 0.03, "signal": 0.1, "signal_level": 0.04,
              "energy": 0.05, "uptake": 0.01, "glucose": 0.0}


def cause_messages(att: Attribution, i: int = 0, weights: dict[str, float] | None = None) -> list[tuple[float, Message]]:
    """(weight, sentence) for every cause in the account large enough to be named; a zero weight
    leaves a target out."""
    weights = WEIGHT if weights is None else weights
    out: list[tuple[float, Message]] = []
    for _key, template in CAUSE_WORDS:
        ref = CAUSE_OF[template]
        if f"{ref.target}.{ref.cause}" not in att.terms or weights[ref.target] == 0.0:
            continue
        v = number(att, ref.target, ref.cause, i)
        if ref.sign == "-":
            v = -v
        if (ref.target, ref.cause) == ("signal_level", "capacity"):
            if v > 100.0 - SHOWN_MIN["signal_level"]:
                continue
            out.append((weights["signal_level"] * (100.0 - v), Message(template, pct=v)))
        elif v >= SHOWN_MIN[ref.target]:
            w = weights.get(f"{ref.target}.{ref.cause}", weights[ref.target])
            out.append((w * v, Message(template, pct=v)))
    return out


def turn_causes(att: Attribution, starving_amid_plenty: bool, i: int = 0, limit: int = 6) -> list[Message]:
    """A turn's causes, most important first."""
    out = cause_messages(att, i)
    if starving_amid_plenty:
        out.append((100.0, Message("sugar piles up outside while the cell runs short inside")))
    out.sort(key=lambda x: -x[0])
    return [m for _, m in out[:limit]]
