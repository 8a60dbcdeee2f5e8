"""The cell's fuel: glucose uptake, ATP from glucose, glycogen and fat, and the stores.

Energy is in normalised units (e.u.): 1 e.u./min is the cell's resting ATP demand. Glucose that
enters (GLUT4 + basal transport) and fatty acids (from blood FFA and the cell's own droplets) are
shared out to meet demand — more glucose when insulin signals, more fat when fatty acids are
plentiful (Randle cycle) — then glycogen covers the rest. Mitochondria oxidise at most
``mito_ox_max × capacity × health``; only 2 of 32 ATP per glucose come without them. Surplus
glucose becomes glycogen (insulin-activated synthase, Shulman 1990), then fat (DNL) or lactate.
Surplus fatty acids are esterified into droplets while ATP allows; the overflow builds lipotoxic
intermediates (DAG, ceramide). Energy is the buffer (ATP + PCr): it falls when production cannot
meet demand — the cell "starving amid plenty". Must not import pygame.
"""

from __future__ import annotations

from typing import Any

import attrs

from sim.model.numerics import clip01, fmax, fmin, patankar, pos


@attrs.frozen
class MetabolismOut:
    energy_frac: Any
    glycogen_frac: Any
    fat_store_rel: Any
    lipotoxic_frac: Any
    uptake_mg_kg_min: Any  # glucose into this cell type, per kg tissue
    production: Any  # ATP made, e.u./min
    demand: Any  # ATP needed, e.u./min
    overload: Any  # nutrient surplus neither used nor stored, e.u./min
    fat_oxidised: Any


def metabolism_step(
    s: Any, p: Any, u: Any, dt: float, glucose: Any, membrane: Any, active: Any, synthesis: Any, lipo_extra: Any
) -> MetabolismOut:
    uptake = (p.cell_vmax_mg_kg_min * p.glut4_pool * membrane + p.cell_basal_mg_kg_min) * glucose / (
        p.cell_km_mmol_l + glucose
    )
    glc = p.eu_per_mg_glucose * uptake
    demand = p.demand_rest * (1.0 + p.demand_exercise_gain * u.exercise) * (1.0 - 0.1 * u.rest) + 0.1 * synthesis
    need = demand + p.refill_per_min * p.energy_buffer * (1.0 - s.energy_frac)

    fa_blood = p.fa_uptake_per_mmol_l * s.ffa_mmol_l
    fa_droplet = p.lipolysis_cell_per_min * s.fat_store_rel * p.fat_store_capacity * (1.0 - 0.7 * active)
    fa = fa_blood + fa_droplet
    ox_cap = p.mito_ox_max * p.mito_capacity * s.mito_health_frac

    # Fuel mix: weights favour glucose when insulin signals, fat when fat is plentiful.
    w_glc = glc * (0.5 + active)
    w_fat = fa * (1.5 - active) * (1.0 + u.exercise)
    share = w_glc / fmax(w_glc + w_fat, 1e-12)
    glc_used = fmin(glc, need * share)
    fat_used = fmin(fa, fmin(need - glc_used, ox_cap))
    glc_used = fmin(glc, need - fat_used)  # glucose fills what fat could not
    gly_avail = p.glycogen_use_max * s.glycogen_frac / (s.glycogen_frac + 0.05)
    gly_used = fmin(gly_avail, pos(need - glc_used - fat_used))

    carb = glc_used + gly_used
    oxidative = fmin((1.0 - p.glycolytic_share) * carb + fat_used, ox_cap)
    production = oxidative + p.glycolytic_share * carb
    energy = clip01(s.energy_frac + dt * (production - demand) / p.energy_buffer)

    surplus_glc = pos(glc - glc_used)
    synth = fmin(surplus_glc, p.glycogen_synth_max * (0.2 + active) * (1.0 - s.glycogen_frac))
    glycogen = clip01(s.glycogen_frac + dt * (synth - gly_used) / p.glycogen_capacity)
    dnl = p.dnl_share * (surplus_glc - synth)

    surplus_fa = pos(fa - fat_used)
    esterified = fmin(surplus_fa, p.esterify_max * s.energy_frac)
    overflow = surplus_fa - esterified + lipo_extra
    fat_store = pos(s.fat_store_rel + dt * (esterified + dnl - fa_droplet) / p.fat_store_capacity)
    burn = fat_used / fmax(demand, 1e-12)
    lipotoxic = patankar(
        s.lipotoxic_frac, p.lipotoxic_k_in * overflow,
        p.lipotoxic_k_in * overflow + p.lipotoxic_k_out * (1.0 + burn), dt,
    )
    # Glucose neither burned nor stored (beyond the DNL share) and fatty acids that overflow.
    overload = 0.05 * (surplus_glc - synth) + overflow
    return MetabolismOut(
        energy, glycogen, fat_store, lipotoxic, uptake, production, demand, overload, fat_used
    )
