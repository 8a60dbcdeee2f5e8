"""The engine's own account of a turn: each cause's share of what changed, summed term by term.

The model's equations are sums of terms (``sim/model/attribution.py``), so a turn's change in a
quantity is the sum of its terms' contributions, exactly, with no counterfactual re-runs:

- ``receptors.*``: surface receptors (share of a healthy cell's), start → end of the turn:
  ``renewal`` (made at the insulin-driven rate − worn out), ``low_energy`` and ``er_stress``
  (receptors not made because translation was braked), ``oxidative_stress`` (destroyed by ROS),
  ``insulin`` (pulled inside by binding, net of those recycled back).
- ``energy.*``: cell energy (0–1): ``fuel`` burned (as healthy mitochondria would), minus what
  ``mito_dysfunction`` could not burn, minus the work of the cell — resting ``work``,
  ``exercise``, ``synthesis``, the stress responses to ``inflammation``, ``oxidative_stress`` and
  ``er_stress`` — plus the demand ``rest`` saved; ``clamp`` is the full-tank cap. ``spent`` is all
  the work, so ``-energy.er_stress / spent`` is the ER stress response's share of the cell's ATP.
- ``uptake.*``: glucose that entered the cell (mg/kg tissue over the turn) through basal
  transporters (``transport``) and GLUT4 at the membrane, by what moved it there: ``basal``,
  ``insulin``'s signal, ``exercise``, ``metformin`` (AMPK), or ``earlier`` (already there when the
  turn began). GLUT4 obeys one linear equation with one loss rate, so it is followed as five
  sub-pools whose sum is the membrane GLUT4 itself.
- ``signal.*``: the change of signaling health, a product of factors (signaling.py), split into
  each factor's part by the average of the two sequential orders (exact, no logarithms):
  ``proteins`` (intact signaling proteins: only ROS lower them), ``inflammation``,
  ``lipotoxicity``, ``er_stress``, ``exercise`` (the lift it leaves). ``signal_level.*`` holds each
  factor at the end of the turn (health = capacity × Π factors), so ``1 − level`` is its brake.
- ``glucose.*``: blood glucose change (mmol/L): ``meals`` (gut absorption), ``liver`` (output −
  uptake), ``cells`` (muscle and fat), ``brain``, ``kidney``, ``infused``.

Actions that work by lowering a factor (anti-inflammatory food, antioxidants) show as that
factor's smaller terms, not as their own: the account is of direct terms. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import numpy as np

from sim.model.glucose import MG_DL_PER_MMOL_L
from sim.state import Array

POOLS = ("earlier", "basal", "insulin", "exercise", "metformin")
SIGNAL_FACTORS = ("proteins", "inflammation", "lipotoxicity", "er_stress", "exercise")
_GLUCOSE_ACC = (("meals", "acc_gut_mg_kg", 1.0), ("liver", "acc_liver_out_mg_kg", 1.0),
                ("liver", "acc_liver_in_mg_kg", -1.0), ("cells", "acc_periph_mg_kg", -1.0),
                ("brain", "acc_brain_mg_kg", -1.0), ("kidney", "acc_renal_mg_kg", -1.0),
                ("infused", "acc_infused_mg_kg", 1.0))


_START_KEYS = ("glut4_membrane_frac", "signaling_proteins_frac", "inflammation_frac", "pkc_active_frac",
               "er_stress_frac", "exercise_memory_frac", *dict.fromkeys(k for _, k, _ in _GLUCOSE_ACC))


def add_into(sums: dict[str, Any], k: str, v: Any) -> None:
    """``sums[k] = sums.get(k, 0.0) + v``, bit for bit, but in place once ``sums[k]`` is an array of
    its own (made here by ``0.0 + v``), so a population's turn does not allocate one per step."""
    old = sums.get(k)
    if old is None:
        sums[k] = 0.0 + v
    elif old.__class__ is np.ndarray and (v.__class__ is float or (v.__class__ is np.ndarray and v.shape == old.shape)):
        np.add(old, v, out=old)
    else:
        sums[k] = old + v


def signal_factors(a: Mapping[str, Any], p: Any) -> dict[str, Any]:
    """Signaling health's factors (signaling.py ``signaling_health``) from state values."""
    return {
        "capacity": p.signaling_capacity + 0.0 * a["signaling_proteins_frac"],
        "proteins": a["signaling_proteins_frac"],
        "inflammation": 1.0 - p.inflammation_on_signal * a["inflammation_frac"],
        "lipotoxicity": 1.0 - p.lipotoxic_on_signal * a["pkc_active_frac"],
        "er_stress": 1.0 - p.er_on_signal * a["er_stress_frac"],
        "exercise": 1.0 + p.exercise_on_signal * a["exercise_memory_frac"],
    }


def product_split(before: Mapping[str, Any], after: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """Each factor's part of the change of ``Π factors``: the mean of the forward and backward
    sequential splits, each exact, so the parts sum to the change and carry their factor's sign."""
    out = {}
    for i, k in enumerate(names):
        fwd = bwd = 1.0
        for j, other in enumerate(names):
            if j < i:
                fwd, bwd = fwd * after[other], bwd * before[other]
            elif j > i:
                fwd, bwd = fwd * before[other], bwd * after[other]
        out[k] = 0.5 * (fwd + bwd) * (after[k] - before[k])
    return out


class Attributor:
    """Sums one turn's terms step by step; ``finish`` gives the turn's ``Attribution``."""

    def __init__(self, arrays: Mapping[str, Any], p: Any, n: int) -> None:
        self.n = n
        self.p = p
        scalar = n == 1
        # Only what ``finish`` compares with the end of the turn (a copy of every variable was a
        # third of a population turn's peak memory).
        self._start = {k: (float(arrays[k][0]) if scalar else np.array(arrays[k])) for k in _START_KEYS}
        self.pools: dict[str, Any] = dict.fromkeys(POOLS, 0.0)
        self.pools["earlier"] = self._start["glut4_membrane_frac"]
        self.sums: dict[str, Any] = {}

    def add(self, terms: Mapping[str, Any], glut4: Mapping[str, Any], dt: float) -> None:
        sums = self.sums
        if self.n == 1:  # floats: the plain expressions, no call per term
            for k, v in terms.items():
                sums[k] = sums.get(k, 0.0) + v
        else:
            for k, v in terms.items():
                add_into(sums, k, v)
        terms = glut4
        pools = self.pools
        exo = {"basal": terms["exo.basal"], "insulin": terms["exo.insulin"],
               "exercise": terms["exo.exercise"], "metformin": terms["exo.metformin"]}
        loss = 1.0 + dt * (exo["basal"] + exo["insulin"] + exo["exercise"] + exo["metformin"] + terms["endo"])
        per = dt * terms["per_glut4"]
        if self.n == 1:
            for name in POOLS:
                pools[name] = (pools[name] + dt * exo[name] if name in exo else pools[name]) / loss
                key = "uptake." + name
                sums[key] = sums.get(key, 0.0) + per * pools[name]
            sums["uptake.transport"] = sums.get("uptake.transport", 0.0) + dt * terms["basal_transport"]
            # A liver cell's glucokinase answers the insulin signal: insulin's share of its uptake.
            sums["uptake.insulin"] = sums.get("uptake.insulin", 0.0) + dt * terms["glucokinase"]
            return
        for name in POOLS:
            pools[name] = (pools[name] + dt * exo[name] if name in exo else pools[name]) / loss
            add_into(sums, "uptake." + name, per * pools[name])
        add_into(sums, "uptake.transport", dt * terms["basal_transport"])
        add_into(sums, "uptake.insulin", dt * terms["glucokinase"])

    def finish(self, arrays: Mapping[str, Any]) -> Attribution:
        p, start = self.p, self._start
        out = {k: _arr(v, self.n) for k, v in self.sums.items()}
        f0, f1 = signal_factors(start, p), signal_factors(arrays, p)
        before = {k: f0[k] * (1.0 if k != "proteins" else f0["capacity"]) for k in SIGNAL_FACTORS}
        after = {k: f1[k] * (1.0 if k != "proteins" else f1["capacity"]) for k in SIGNAL_FACTORS}
        for k, v in product_split(before, after, SIGNAL_FACTORS).items():
            out["signal." + k] = _arr(v, self.n)
        for k, v in f1.items():
            out["signal_level." + k] = _arr(v, self.n)
        conv = p.glucose_volume_dl_kg * MG_DL_PER_MMOL_L
        for name, key, sign in _GLUCOSE_ACC:
            part = _arr(sign * (np.asarray(arrays[key]) - np.asarray(start[key])) / conv, self.n)
            out["glucose." + name] = out.get("glucose." + name, 0.0) + part
        return Attribution(out)


def _arr(v: Any, n: int) -> Array:
    return np.broadcast_to(np.asarray(v, dtype=np.float64), (n,)).copy()


@attrs.frozen
class Attribution:
    """A turn's (or a run's) contributions by ``target.cause``, each an array over the columns."""

    terms: dict[str, Array] = attrs.field(repr=False)

    def get(self, key: str, i: int = 0) -> float:
        v = self.terms.get(key)
        return 0.0 if v is None else float(v[i])

    def causes(self, target: str) -> list[str]:
        head = target + "."
        return [k[len(head):] for k in self.terms if k.startswith(head)]

    def total(self, target: str, i: int = 0) -> float:
        return sum(self.get(f"{target}.{c}", i) for c in self.causes(target))

    def column(self, i: int) -> Attribution:
        return Attribution({k: v[i:i + 1].copy() for k, v in self.terms.items()})

    @staticmethod
    def combine(parts: Sequence[Attribution]) -> Attribution:
        """A run's account: changes and flows add up; ``signal_level.*`` is averaged over turns."""
        if not parts:
            return Attribution({})
        out: dict[str, Array] = {}
        for a in parts:
            for k, v in a.terms.items():
                out[k] = out[k] + v if k in out else v.copy()
        for k in out:
            if k.startswith("signal_level."):
                out[k] = out[k] / len(parts)
        return Attribution(out)
