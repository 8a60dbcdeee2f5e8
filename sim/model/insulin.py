"""Insulin: secretion by the β-cells, clearance, delays to tissues and liver, β-cell adaptation.

Secretion is a Hill-4 function of glucose (half-maximal near 8.5 mmol/L, Byrne 1995) amplified
by the incretin effect of glucose in the gut (Nauck 1986) and scaled by β-cell capacity.
Kinetics: one plasma compartment cleared at Topp 2000's k; tissue insulin follows plasma with
Dalla Man 2007's p2U delay; insulin at the liver with a faster delay. β-cell capacity follows
Topp et al. 2000: it grows when glucose sits above the set point (the healthy daily-mean glucose),
shrinks below it, and dies above the glucotoxic threshold, here also with raised fatty acids
(lipotoxicity, Unger 1995). Growth and shrinking below the set point run ``beta_speed`` × faster
than Topp's mass dynamics (functional adaptation); glucotoxic loss keeps Topp's pace.
Must not import pygame.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sim.model.numerics import hill4, patankar, pos


class InsulinOut(NamedTuple):
    insulin_uu_ml: Any
    insulin_tissue_uu_ml: Any
    insulin_liver_uu_ml: Any
    beta_cell_mass_rel: Any
    secretion: Any


def insulin_step(s: Any, p: Any, u: Any, dt: float, ra: Any) -> InsulinOut:
    g = s.glucose_mmol_l
    beta = s.beta_cell_mass_rel
    incretin = 1.0 + p.incretin_gain_per_mg_kg_min * ra
    secretion = beta * p.beta_cell_capacity * (
        p.secretion_basal_uu_ml_min + p.secretion_max_uu_ml_min * hill4(g, p.secretion_half_mmol_l) * incretin
    )
    i_next = patankar(s.insulin_uu_ml, secretion, p.insulin_clearance_per_min, dt)
    clamp = u.clamp_insulin_uu_ml
    i_next = i_next + (clamp > 0.0) * (clamp - i_next)
    tissue = patankar(s.insulin_tissue_uu_ml, p.k_tissue_insulin_per_min * i_next, p.k_tissue_insulin_per_min, dt)
    liver = patankar(s.insulin_liver_uu_ml, p.k_liver_insulin_per_min * i_next, p.k_liver_insulin_per_min, dt)

    # Topp 2000: dβ/dt = β·r2·(G − Gs)(Gt − G), per day; growth capped at β_max.
    # Functional adaptation (growth) is ``beta_speed`` × faster than Topp's mass dynamics; loss,
    # by glucose toxicity above the set point's mirror or below the set point, keeps Topp's pace.
    rate = p.beta_r2_per_day * (g - p.beta_setpoint_mmol_l) * (p.beta_toxic_mmol_l - g)
    ffa_toxic = p.beta_ffa_toxicity_per_day * pos(s.ffa_mmol_l - p.beta_ffa_threshold_mmol_l)
    growth = p.beta_speed * pos(rate) * pos(1.0 - beta / p.beta_max_rel)
    death = p.beta_speed * pos(-rate) * (g < p.beta_toxic_mmol_l) + pos(-rate) * (g >= p.beta_toxic_mmol_l) + ffa_toxic
    beta_next = patankar(beta, beta * growth / 1440.0, death / 1440.0, dt)
    return InsulinOut(i_next, tissue, liver, beta_next, secretion)
