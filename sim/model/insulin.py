"""Insulin: secretion by the β-cells, clearance, delays to tissues and liver, β-cell adaptation.

Secretion = β-cell mass × β-cell function × the glucose response, plus the first phase:

- Second phase: a Hill-4 function of glucose (half-maximal near 8.5 mmol/L, Byrne 1995)
  amplified by the incretin effect of glucose in the gut (Nauck 1986).
- First phase: a readily releasable pool of docked granules (Grodsky 1972's labile pool) that
  glucose above a threshold empties within minutes and that refills over tens of minutes, so an
  IV glucose bolus gives a spike at 2–10 min. The full pool is proportional to mass × function; a
  fasting glucose already above the threshold keeps it drained (degranulation), so first-phase
  insulin is lost early in type 2 (Brunzell 1976; Ward 1984; Gerich 2002).

Adaptation has two states:

- β-cell mass follows Topp et al. 2000 at Topp's own rates (months): it grows when glucose sits
  above the set point (the healthy daily-mean glucose), shrinks below it, and dies above the
  glucotoxic point 13.9 mmol/L.
- β-cell function (secretion per cell) relaxes within days towards a target that rises with
  glucose above the set point (the compensation of the hyperbolic law, Kahn 2001).

Chronic glucolipotoxicity — glucose above a threshold, made worse by raised fatty acids
(Poitout & Robertson 2008; Robertson 2004) — lowers function (reversibly: it returns to its target
when toxicity goes, Lim 2011) and mass (apoptosis, Butler 2003), each at a rate × the knob
``beta_cell_susceptibility`` (inherited vulnerability, e.g. TCF7L2, Florez 2006).
Must not import pygame.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sim.model.numerics import fmax, fmin, hill4, patankar, pos

MIN_PER_DAY = 1440.0


class InsulinOut(NamedTuple):
    insulin_uu_ml: Any
    insulin_tissue_uu_ml: Any
    insulin_liver_uu_ml: Any
    beta_cell_mass_rel: Any
    beta_cell_function_rel: Any
    beta_cell_pool_rel: Any
    secretion: Any


def glucolipotoxicity(g: Any, ffa: Any, pancreatic: Any, p: Any) -> Any:
    """Chronic β-cell toxicity, 0 to 2 + ``beta_lipotoxic_gain``: glucose above the threshold,
    saturating, amplified by fatty acids above theirs (also saturating) — fatty acids alone do no
    harm at normal glucose (Poitout & Robertson 2008) — plus the fat a fatty liver exports to the
    pancreas (Taylor 2008's twin cycle: VLDL triglyceride builds pancreatic fat, which impairs the
    β-cells and leaves with weight loss, Lim 2011): ``pancreatic`` is ``pancreatic_fat_harm``."""
    excess = pos(g - p.beta_glucotoxic_mmol_l)
    fat = pos(ffa - p.beta_lipotoxic_ffa_mmol_l)
    return excess / (excess + p.beta_glucotoxic_half_mmol_l) * (
        1.0 + p.beta_lipotoxic_gain * fat / (fat + p.beta_lipotoxic_half_mmol_l)
    ) + pancreatic


def pancreatic_fat_harm(liver_fat: Any, p: Any) -> Any:
    """0–1: the harm of pancreatic fat, which a fatty liver builds (Taylor 2008's twin cycle),
    saturating in liver fat above normal. A slow state, unlike the glucose and fatty-acid terms."""
    pancreatic = pos(liver_fat - p.liver_fat_normal_pct)
    return pancreatic / (pancreatic + p.beta_pancreatic_fat_half_pct)


def insulin_step(s: Any, p: Any, u: Any, dt: float, ra: Any) -> InsulinOut:
    g = s.glucose_mmol_l
    mass = s.beta_cell_mass_rel
    func = s.beta_cell_function_rel
    capacity = mass * func * p.beta_cell_capacity

    pancreatic = pancreatic_fat_harm(s.liver_fat_pct, p)
    toxic = p.beta_cell_susceptibility * glucolipotoxicity(g, s.ffa_mmol_l, pancreatic, p)

    # First phase: the readily releasable pool (× a healthy full pool) empties when glucose is
    # above the threshold and refills towards mass × function, a target that pancreatic fat
    # lowers: first-phase insulin is the earliest secretory loss, already present in impaired
    # glucose tolerance while the second phase is compensated (Abdul-Ghani 2006; Gerich 2002), and
    # it returns when pancreatic fat falls after weight loss (Lim 2011).
    above = pos(g - p.pool_threshold_mmol_l)
    k_release = p.pool_release_per_min * above / (above + p.pool_half_mmol_l)
    pool = patankar(s.beta_cell_pool_rel, p.pool_refill_per_min * capacity / (1.0 + p.pool_fat_gain * pancreatic),
                    p.pool_refill_per_min + k_release, dt)
    first_phase = p.pool_uu_ml * k_release * pool

    # The incretin effect, weaker with obesity and a fatty pancreas: obese and IGT subjects get
    # less insulin per unit of oral glucose (Muscelli 2008; Nauck 1986 in type 2).
    incretin = 1.0 + p.incretin_gain_per_mg_kg_min * ra / (1.0 + p.incretin_fat_gain * pancreatic)
    secretion = capacity * (
        p.secretion_basal_uu_ml_min + p.secretion_max_uu_ml_min * hill4(g, p.secretion_half_mmol_l) * incretin
    ) + first_phase
    i_next = patankar(s.insulin_uu_ml, secretion, p.insulin_clearance_per_min, dt)
    clamp = u.clamp_insulin_uu_ml
    i_next = i_next + (clamp > 0.0) * (clamp - i_next)
    tissue = patankar(s.insulin_tissue_uu_ml, p.k_tissue_insulin_per_min * i_next, p.k_tissue_insulin_per_min, dt)
    liver = patankar(s.insulin_liver_uu_ml, p.k_liver_insulin_per_min * i_next, p.k_liver_insulin_per_min, dt)

    # Mass, Topp 2000: dβ/dt = β·r2·(G − Gs)(Gt − G) per day, growth capped at β_max; plus
    # apoptosis by chronic glucolipotoxicity. Loss takes only the cells above a resistant core
    # β_floor: dβ/dt = growth·β − (Topp's loss + apoptosis)·(β − β_floor).
    rate = p.beta_r2_per_day * (g - p.beta_setpoint_mmol_l) * (p.beta_toxic_mmol_l - g)
    growth = pos(rate) * pos(1.0 - mass / p.beta_max_rel)
    loss = pos(-rate) + p.beta_mass_toxic_per_day * toxic
    mass_next = patankar(mass, (mass * growth + loss * p.beta_mass_floor_rel) / MIN_PER_DAY,
                         loss / MIN_PER_DAY, dt)

    # Function: relaxes within days towards a target set by the glucose it works against (more
    # above the set point, less below), lowered by glucolipotoxicity while it lasts.
    target = fmin(fmax(1.0 + p.beta_function_gain_per_mmol_l * (g - p.beta_setpoint_mmol_l),
                       p.beta_function_min_rel), p.beta_function_max_rel)
    k = p.beta_function_k_per_day
    func_next = patankar(func, k * target / MIN_PER_DAY,
                         (k + p.beta_function_toxic_per_day * toxic) / MIN_PER_DAY, dt)
    return InsulinOut(i_next, tissue, liver, mass_next, func_next, pool, secretion)
