"""Insulin receptors: binding, internalisation, recycling, turnover and damage.

Sedaghat, Sherman & Quon 2002 (free ⇄ bound on the surface, both internalised, recycled at
k−4). Added here: synthesis that needs intact protein synthesis (energy, no ER stress); degradation
of the internal pool as fast as its recycling, so chronic high insulin *down-regulates* the total
within hours; a basal turnover of surface receptors (half-life ≈ 12 h, Reed & Lane 1980), so they
come back within a day; and damage by reactive oxygen species (the article: ROS "damage ... the
insulin receptors"). Inflammation does not touch binding by default (``inflammation_on_receptor`` = 0:
TNF-α acts after binding, on the receptor kinase and IRS-1, in signaling.py); the term stays as a
knob for a binding-level defect.
Quantities are fractions of a healthy cell's total receptor count. Must not import pygame.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sim.model.numerics import fmin, patankar

# Share of a healthy cell's receptors at the surface, averaged over a day of meals (the rest are
# inside); ``receptor_synthesis_per_min`` is calibrated so that the healthy total stays at 1.
HEALTHY_SURFACE = 0.918


class ReceptorOut(NamedTuple):
    receptor_free_rel: Any
    receptor_bound_rel: Any
    receptor_internal_rel: Any


def receptor_step(s: Any, p: Any, dt: float, synthesis_drive: Any, inflammation: Any, ros: Any) -> ReceptorOut:
    k_on = (
        p.k_bind_per_m_min * p.molar_per_uu_ml * s.insulin_tissue_uu_ml
        * p.receptor_affinity * (1.0 - p.inflammation_on_receptor * inflammation)
    )
    # Surface receptors turn over (half-life ≈ 12 h, Reed & Lane 1980) and ROS damages them
    # (accelerating: scavengers cope with a little).
    damage = p.k_receptor_turnover_per_min + p.k_ros_damage_per_min * ros * ros
    # Receptors are made at the cell's normal rate while protein synthesis is intact; low energy,
    # ER stress or no insulin at all slow it (insulin itself does not raise receptor synthesis).
    synthesis = p.receptor_synthesis_per_min * p.receptor_number * fmin(synthesis_drive, 1.0)
    free = patankar(
        s.receptor_free_rel,
        synthesis + p.k_unbind_per_min * s.receptor_bound_rel + p.k_recycle_per_min * s.receptor_internal_rel,
        k_on + p.k_internalise_free_per_min + damage,
        dt,
    )
    bound = patankar(
        s.receptor_bound_rel, k_on * free,
        p.k_unbind_per_min + p.k_internalise_bound_per_min + damage, dt,
    )
    internal = patankar(
        s.receptor_internal_rel,
        p.k_internalise_free_per_min * free + p.k_internalise_bound_per_min * bound,
        p.k_recycle_per_min + p.k_degrade_per_min,
        dt,
    )
    return ReceptorOut(free, bound, internal)


def receptor_signal(bound: Any, p: Any) -> Any:
    """0–1 signal from occupied receptors: sigmoid (Hill 2) in the bound receptors, because the
    IRS/PI3K/Akt cascade amplifies cooperatively (Sedaghat 2002's PIP3/Akt response is steeper than
    binding), and saturating well before all receptors are bound (spare receptors: maximal
    response at ≈ 10–20% occupancy, Kono & Barham 1971). 1 when every healthy receptor is bound."""
    k2 = p.spare_receptor_k * p.spare_receptor_k
    b2 = bound * bound
    return b2 / (b2 + k2) * (HEALTHY_SURFACE * HEALTHY_SURFACE + k2) / (HEALTHY_SURFACE * HEALTHY_SURFACE)
