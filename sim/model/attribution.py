"""Which term of the rate equations moved receptors, energy and GLUT4 in one step, and by how much.

Every process is a Patankar–Euler update ``x' = (x + dt·P) / (1 + dt·L)``, which is exactly
``x' − x = dt·P − dt·L·x'``: the change splits into one product per term of P and L, evaluated
with the new value. So the change of a quantity over a step is the sum of its terms, with no
remainder but float rounding, and each term belongs to one cause (ROS damage, ER stress, …).
This module writes those terms out for the cell's surface receptors and its energy, and the
GLUT4 exocytosis drives that the turn accumulator follows (``sim/attribution.py``). Terms are
already multiplied by ``dt``. The kernels run on floats or length-N arrays alike (numerics.py).

Operator splitting leaves one remainder in the receptors: free receptors gain from unbinding at
the old bound value, bound receptors lose at the new one; ``dt·k_off·(b − b')`` is counted with
the insulin traffic it comes from. Must not import pygame.
"""

from __future__ import annotations

from typing import Any

from sim.model.metabolism import fat_ceiling, fuel_need
from sim.model.numerics import fmin, pos
from sim.model.receptors import HEALTHY_SURFACE

Terms = dict[str, Any]


def receptor_terms(s: Any, p: Any, dt: float, free: Any, bound: Any, synthesis: Any) -> Terms:
    """Terms of the change of surface receptors (share of a healthy cell's) over one step."""
    base = p.receptor_synthesis_per_min * p.receptor_number
    # Protein synthesis = insulin-driven translation × energy brake × ER brake (signaling.py);
    # the receptors made are capped at the normal rate, so each brake's share is the cap it cost.
    drive = p.synthesis_scale * (p.synthesis_basal + s.signaling_active_frac)
    fed = drive * fmin(1.25 * s.energy_frac, 1.0)
    made_full = base * fmin(drive, 1.0)
    lost_energy = base * (fmin(drive, 1.0) - fmin(fed, 1.0))
    lost_er = base * (fmin(fed, 1.0) - fmin(synthesis, 1.0))
    surface = free + bound
    ros = s.oxidative_stress_frac
    k = dt / HEALTHY_SURFACE
    return {
        "receptors.renewal": k * (made_full - p.k_receptor_turnover_per_min * surface),
        "receptors.low_energy": -k * lost_energy,
        "receptors.er_stress": -k * lost_er,
        "receptors.oxidative_stress": -k * p.k_ros_damage_per_min * ros * ros * surface,
        "receptors.insulin": k * (p.k_recycle_per_min * s.receptor_internal_rel
                                  - p.k_internalise_free_per_min * free - p.k_internalise_bound_per_min * bound
                                  + p.k_unbind_per_min * (s.receptor_bound_rel - bound)),
    }


def fat_door_cut(s: Any, p: Any, u: Any, met: Any) -> Any:
    """Fat (e.u./min) the cell would have burned this step had insulin left CPT1 open, for the part
    of its need that no fuel covered — what the closed fat door cost (metabolism_step's equations
    with the malonyl-CoA factor set to 1)."""
    mito = p.mito_capacity * s.mito_content_rel * s.mito_health_frac
    fat_open = fat_ceiling(p, mito, u.exercise, met.fat_supply, 1.0)
    short = pos(fuel_need(p, met.demand, s.energy_frac) - met.glucose_used - met.fat_oxidised - met.glycogen_used)
    return fmin(pos(fat_open - met.fat_oxidised), short)


def energy_terms(s: Any, p: Any, u: Any, dt: float, met: Any, synthesis: Any) -> Terms:
    """Terms of the change of cell energy (0–1) over one step; ``energy.spent`` is the work done.

    ``met`` is metabolism_step's output. ``met.oxidative_fuel`` is the ATP the fuel taken up would
    give in mitochondria; weak ones cap it at ``mito_ox_max × capacity × health``. The share of that
    cap a healthy cell would not have hit is the cost of mitochondrial dysfunction (negative for an
    athlete's larger capacity). ``energy.fat_door`` is the ATP insulin's closed fat door cost
    (``fat_door_cut``) as far as the mitochondria could have burned it."""
    production, demand, oxidative_fuel, energy_next = met.production, met.demand, met.oxidative_fuel, met.energy_frac
    e_p = (s.energy_frac + dt * production / p.energy_buffer) / (1.0 + dt * demand / p.energy_buffer)
    cap = p.mito_ox_max * p.mito_capacity * s.mito_content_rel * s.mito_health_frac
    mito_cut = fmin(oxidative_fuel, p.mito_ox_max) - fmin(oxidative_fuel, cap)
    door = fmin(oxidative_fuel + fat_door_cut(s, p, u, met), cap) - fmin(oxidative_fuel, cap)
    k = dt * e_p / p.energy_buffer
    rest_base = p.demand_rest * (1.0 + p.demand_exercise_gain * u.exercise)
    return {
        "energy.fuel": dt * (production + mito_cut + door) / p.energy_buffer,
        "energy.mito_dysfunction": -dt * mito_cut / p.energy_buffer,
        "energy.fat_door": -dt * door / p.energy_buffer,
        "energy.work": -k * p.demand_rest,
        "energy.exercise": -k * p.demand_rest * p.demand_exercise_gain * u.exercise,
        "energy.rest": k * 0.1 * u.rest * rest_base,
        "energy.synthesis": -k * p.synthesis_cost * synthesis,
        "energy.inflammation": -k * p.stress_cost * s.inflammation_frac,
        "energy.oxidative_stress": -k * p.stress_cost * s.oxidative_stress_frac,
        "energy.er_stress": -k * p.stress_cost * s.er_stress_frac,
        "energy.clamp": energy_next - e_p,
        "spent": k * demand,  # the cell's work this step (energy units / buffer), for shares
    }


def glut4_drives(s: Any, p: Any, u: Any, active: Any, glucose: Any, brake: Any) -> Terms:
    """GLUT4 exocytosis split by what drives it (glut4_step), uptake per unit at the membrane, and
    a liver cell's insulin-driven uptake through glucokinase (metabolism_step)."""
    per = glucose / (p.cell_km_mmol_l + glucose)
    return {
        "exo.basal": p.k_glut4_exo_basal_per_min + 0.0 * active,
        "exo.insulin": p.k_glut4_exo_insulin_per_min * active,
        "exo.exercise": p.k_glut4_exo_exercise_per_min * u.exercise + 0.0 * active,
        "exo.metformin": p.k_glut4_exo_exercise_per_min * 0.15 * u.metformin + 0.0 * active,
        "endo": p.k_glut4_endo_per_min + 0.0 * active,
        "per_glut4": (p.cell_vmax_mg_kg_min * p.glut4_pool * s.glut4_content_rel
                      * brake * per),
        "basal_transport": p.cell_basal_mg_kg_min * per,
        "glucokinase": p.glucokinase_vmax_mg_kg_min * active * glucose / (p.glucokinase_km_mmol_l + glucose),
    }
