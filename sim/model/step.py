"""One integration step of the whole model: every process, in a fixed order.

Processes are applied one after another (operator splitting), each with the Patankar–Euler
update of ``numerics.py``, reading the newest values of what came before: gut → insulin →
glucagon → receptors and signal → GLUT4 → glucose and liver → lipids → liver fat → cell
metabolism → adipose tissue (the fat ledger) → factors. The
step is a pure function of (state arrays, parameters, inputs, dt) returning the new arrays.
Must not import pygame.
"""

from __future__ import annotations

from typing import Any

from sim.model.attribution import energy_terms, glut4_drives, receptor_terms
from sim.model.factors import factors_step
from sim.model.glucagon import glucagon_step
from sim.model.glucose import glucose_step, glycogen_brake, liver_action
from sim.model.gut import gut_step
from sim.model.insulin import insulin_step
from sim.model.lipids import adipose_sensitivity, adipose_step, lipid_step
from sim.model.liverfat import hepatic_sensitivity, liver_fat_step
from sim.model.metabolism import metabolism_step
from sim.model.numerics import drive_for_level
from sim.model.receptors import receptor_signal, receptor_step
from sim.model.signaling import (
    glut4_step,
    pkc_step,
    protein_synthesis,
    signal_step,
    signaling_health,
    signaling_proteins_step,
)

Arrays = dict[str, Any]


def step(s: Any, p: Any, u: Any, dt: float, account: bool = True) -> tuple[Arrays, Arrays]:
    """Advance every variable by ``dt`` minutes. Returns (new state arrays, fluxes for reports);
    with ``account`` the fluxes carry each term's share of the step (model/attribution.py)."""
    gut = gut_step(s, p, dt)
    ins = insulin_step(s, p, u, dt, gut.ra_mg_kg_min)
    glucagon = glucagon_step(s, p, dt, ins.insulin_uu_ml, u.exercise)

    synthesis = protein_synthesis(s.signaling_active_frac, s.energy_frac, s.er_stress_frac, p)
    rec = receptor_step(s, p, dt, synthesis, s.inflammation_frac, s.oxidative_stress_frac)
    health = signaling_health(s, p)
    rsig = receptor_signal(rec.receptor_bound_rel, p)
    active = signal_step(s.signaling_active_frac, health, rsig, p, dt)
    membrane = glut4_step(s.glut4_membrane_frac, active, u, p, dt)

    # The liver's insulin resistance comes from its fat (liverfat.py) and adipose tissue's from
    # its own inflammation (lipids.py), whatever cell is on screen.
    action_l = liver_action(s.insulin_liver_uu_ml, hepatic_sensitivity(s.liver_fat_pct, p), p)
    brake = glycogen_brake(s.glycogen_frac, p)
    glc = glucose_step(s, p, u, dt, gut.ra_mg_kg_min, membrane, brake, action_l, glucagon)
    lip = lipid_step(s, p, u, dt, gut.fat_g_min, adipose_sensitivity(s.cytokines_au, p))
    lf = liver_fat_step(s, p, dt, glc.dnl, gut.fat_g_min, glucagon)

    lipo_extra = drive_for_level(p.imposed_lipotoxicity, 1.5 * p.lipotoxic_k_out)
    met = metabolism_step(s, p, u, dt, glc.glucose_mmol_l, membrane, brake, active, synthesis, lipo_extra,
                          gut.fat_g_min)
    fat = adipose_step(s, p, u, dt, gut, lip, lf, glc, met)
    fac = factors_step(s, p, u, dt, synthesis, met.overload)
    pkc = pkc_step(s.pkc_active_frac, s.lipotoxic_frac, p, dt)
    sp = signaling_proteins_step(s.signaling_proteins_frac, synthesis, s.oxidative_stress_frac, p, dt)

    new: Arrays = {
        "stomach_solid_mg": gut.stomach_solid_mg,
        "stomach_liquid_mg": gut.stomach_liquid_mg,
        "gut_carb_mg": gut.gut_carb_mg,
        "stomach_fat_g": gut.stomach_fat_g,
        "stomach_fibre_g": gut.stomach_fibre_g,
        "stomach_protein_g": gut.stomach_protein_g,
        "glucose_mmol_l": glc.glucose_mmol_l,
        "insulin_uu_ml": ins.insulin_uu_ml,
        "insulin_tissue_uu_ml": ins.insulin_tissue_uu_ml,
        "insulin_liver_uu_ml": ins.insulin_liver_uu_ml,
        "glucagon_pg_ml": glucagon,
        "ffa_mmol_l": lip.ffa_mmol_l,
        "cytokines_au": lip.cytokines_au,
        "beta_cell_mass_rel": ins.beta_cell_mass_rel,
        "beta_cell_function_rel": ins.beta_cell_function_rel,
        "beta_cell_pool_rel": ins.beta_cell_pool_rel,
        "liver_glycogen_g": glc.liver_glycogen_g,
        "liver_fat_pct": lf.liver_fat_pct,
        "adipose_kg": fat.adipose_kg,
        "protein_pool_g": fat.protein_pool_g,
        "receptor_free_rel": rec.receptor_free_rel,
        "receptor_bound_rel": rec.receptor_bound_rel,
        "receptor_internal_rel": rec.receptor_internal_rel,
        "signaling_active_frac": active,
        "signaling_proteins_frac": sp,
        "glut4_membrane_frac": membrane,
        "energy_frac": met.energy_frac,
        "glycogen_frac": met.glycogen_frac,
        "fat_store_rel": met.fat_store_rel,
        "lipotoxic_frac": met.lipotoxic_frac,
        "pkc_active_frac": pkc,
        "inflammation_frac": fac.inflammation_frac,
        "oxidative_stress_frac": fac.oxidative_stress_frac,
        "mito_health_frac": fac.mito_health_frac,
        "er_stress_frac": fac.er_stress_frac,
        "exercise_memory_frac": fac.exercise_memory_frac,
        "mito_content_rel": fac.mito_content_rel,
        "glut4_content_rel": fac.glut4_content_rel,
        "acc_gut_mg_kg": s.acc_gut_mg_kg + dt * gut.ra_mg_kg_min,
        "acc_liver_out_mg_kg": s.acc_liver_out_mg_kg + dt * glc.egp,
        "acc_liver_in_mg_kg": s.acc_liver_in_mg_kg + dt * glc.liver_in,
        "acc_brain_mg_kg": s.acc_brain_mg_kg + dt * glc.brain,
        "acc_periph_mg_kg": s.acc_periph_mg_kg + dt * glc.periph,
        "acc_renal_mg_kg": s.acc_renal_mg_kg + dt * glc.renal,
        "acc_infused_mg_kg": s.acc_infused_mg_kg + dt * glc.infused,
        "acc_fat_in_g": s.acc_fat_in_g + dt * fat.fat_in,
        "acc_fat_made_g": s.acc_fat_made_g + dt * fat.fat_made,
        "acc_fat_oxidised_g": s.acc_fat_oxidised_g + dt * fat.fat_oxidised,
        "acc_energy_in_kcal": s.acc_energy_in_kcal + dt * fat.energy_in,
        "acc_energy_out_kcal": s.acc_energy_out_kcal + dt * fat.energy_out,
    }
    fluxes: Arrays = {
        "secretion_uu_ml_min": ins.secretion,
        "cell_uptake_mg_kg_min": met.uptake_mg_kg_min,
        "periph_uptake_mg_kg_min": glc.periph,
        "egp_mg_kg_min": glc.egp,
        "infusion_mg_kg_min": glc.infused,
        "atp_production_eu_min": met.production,
        "atp_demand_eu_min": met.demand,
        "signaling_health": health,
        "protein_synthesis_rel": synthesis,
        "fat_oxidised_eu_min": met.fat_oxidised,
    }
    if account:  # what each term of the rate equations did this step (model/attribution.py)
        fluxes["terms"] = {
            **receptor_terms(s, p, dt, rec.receptor_free_rel, rec.receptor_bound_rel, synthesis),
            **energy_terms(s, p, u, dt, met, synthesis),
        }
        fluxes["glut4"] = glut4_drives(s, p, u, active, glc.glucose_mmol_l, brake)
    return new, fluxes
