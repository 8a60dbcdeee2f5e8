"""Insulin receptors: binding, internalisation, recycling, turnover and damage.

Sedaghat, Sherman & Quon 2002 (free ⇄ bound on the surface, both internalised, recycled at
k−4). Added here: synthesis that needs protein synthesis (insulin and energy), degradation of the
internal pool (Reed & Lane 1980 half-life ≈ 9 h, which makes chronic high insulin *down-regulate*
the total) and damage by reactive oxygen species (the article: ROS "damage ... the insulin
receptors"). Inflammation lowers the effective binding (the "lock" less receptive to the "key").
Quantities are fractions of a healthy cell's total receptor count. Must not import pygame.
"""

from __future__ import annotations

from typing import Any

import attrs

from sim.model.numerics import patankar

HEALTHY_SURFACE = 0.975  # k4 / (k−4 + k_degrade) of the total is inside at basal insulin
HEALTHY_INTERNAL = 0.025
HEALTHY_SYNTHESIS_DRIVE = 0.8  # protein-synthesis drive of a healthy cell on a normal day


@attrs.frozen
class ReceptorOut:
    receptor_free_rel: Any
    receptor_bound_rel: Any
    receptor_internal_rel: Any


def receptor_step(s: Any, p: Any, dt: float, synthesis_drive: Any, inflammation: Any, ros: Any) -> ReceptorOut:
    k_on = (
        p.k_bind_per_m_min * p.molar_per_uu_ml * s.insulin_tissue_uu_ml
        * p.receptor_affinity * (1.0 - p.inflammation_on_receptor * inflammation)
    )
    damage = p.k_ros_damage_per_min * ros * ros  # accelerating: scavengers cope with a little
    synthesis = (
        p.k_degrade_per_min * HEALTHY_INTERNAL * p.receptor_number
        * synthesis_drive / HEALTHY_SYNTHESIS_DRIVE
    )
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
    """0–1 signal from occupied receptors; spare receptors make it saturate at low occupancy."""
    k = p.spare_receptor_k
    return bound / (bound + k) * (HEALTHY_SURFACE + k) / HEALTHY_SURFACE
