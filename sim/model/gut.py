"""Gut: a meal's carbohydrate, fat, fibre and protein from stomach to blood.

Carbohydrate follows Dalla Man et al. 2007 (stomach solid → liquid → intestine → plasma), with
their nonlinear emptying rate replaced by ``k_empty_max / (1 + fat·a + fibre·b)``: fat and fibre
in the stomach slow emptying, which is what a player's food choice changes. Must not import pygame.
"""

from __future__ import annotations

from typing import Any

import attrs

from sim.model.numerics import patankar


@attrs.frozen
class GutOut:
    stomach_solid_mg: Any
    stomach_liquid_mg: Any
    gut_carb_mg: Any
    stomach_fat_g: Any
    stomach_fibre_g: Any
    stomach_protein_g: Any
    ra_mg_kg_min: Any  # glucose appearing in blood
    fat_g_min: Any  # fat absorbed
    kcal_min: Any  # energy absorbed


def gut_step(s: Any, p: Any, dt: float) -> GutOut:
    slowing = 1.0 + p.fat_slowing_per_g * s.stomach_fat_g + p.fibre_slowing_per_g * s.stomach_fibre_g
    k_empty = p.k_empty_max_per_min / slowing
    solid = patankar(s.stomach_solid_mg, 0.0, p.k_grind_per_min, dt)
    liquid = patankar(s.stomach_liquid_mg, p.k_grind_per_min * solid, k_empty, dt)
    gut = patankar(s.gut_carb_mg, k_empty * liquid, p.k_abs_per_min, dt)
    ra = p.f_abs * p.k_abs_per_min * gut / p.body_weight_kg  # mg/min → mg/kg/min
    fat = patankar(s.stomach_fat_g, 0.0, p.k_fat_absorb_per_min, dt)
    fibre = patankar(s.stomach_fibre_g, 0.0, k_empty, dt)
    protein = patankar(s.stomach_protein_g, 0.0, k_empty, dt)
    fat_abs = p.k_fat_absorb_per_min * fat
    kcal = 4.0e-3 * ra * p.body_weight_kg + 9.0 * fat_abs + 4.0 * k_empty * protein
    return GutOut(solid, liquid, gut, fat, fibre, protein, ra, fat_abs, kcal)
