"""Gut: a meal's carbohydrate, fat, fibre and protein from stomach to blood.

Carbohydrate follows Dalla Man et al. 2007 (stomach solid → liquid → intestine → plasma), with
their nonlinear (tanh) emptying rate replaced by a duodenal brake of the same shape,
``k_empty = (k_min / S + (k_max − k_min) · (1 − (S·gut)⁴/((S·gut)⁴ + K⁴))) / (1 + q/q_sat)``
with ``S = 1 + fat·a + fibre·b`` and q the carbohydrate in the stomach: the stomach empties fast
(k_max) until carbohydrate reaching the small intestine switches on nutrient feedback (Hunt &
Stubbs 1975), then slowly (k_min) while the intestine is still absorbing, and fast again when
little is left to brake it — Dalla Man's fast start and slow tail, without tanh or the meal size
as state; the saturation in q keeps delivery bounded however large the meal. A glucose drink then
reaches the blood at ≈ 0.5 g/min over 2 h (Brener 1983: 0.5–0.7 g/min). Fat and fibre act through
the brake (CCK, viscosity): they make the same intestinal carbohydrate brake harder and slow the
braked phase, which is what a player's food choice changes. Energy absorbed counts all
carbohydrate that leaves the gut (4 kcal/g), fat (9 kcal/g) and protein (4 kcal/g).
Must not import pygame.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sim.model.numerics import hill4, patankar


class GutOut(NamedTuple):
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
    brake = 1.0 - hill4(s.gut_carb_mg * slowing, p.duodenal_brake_mg)
    stomach = s.stomach_solid_mg + s.stomach_liquid_mg
    k_empty = (p.k_empty_min_per_min / slowing + (p.k_empty_max_per_min - p.k_empty_min_per_min) * brake) / (
        1.0 + stomach / p.gastric_carb_sat_mg
    )
    solid = patankar(s.stomach_solid_mg, 0.0, p.k_grind_per_min, dt)
    liquid = patankar(s.stomach_liquid_mg, p.k_grind_per_min * solid, k_empty, dt)
    gut = patankar(s.gut_carb_mg, k_empty * liquid, p.k_abs_per_min, dt)
    absorbed = p.k_abs_per_min * gut  # mg/min leaving the gut
    ra = p.f_abs * absorbed / p.body_weight_kg  # mg/min → mg/kg/min into the blood
    fat = patankar(s.stomach_fat_g, 0.0, p.k_fat_absorb_per_min, dt)
    fibre = patankar(s.stomach_fibre_g, 0.0, k_empty, dt)
    protein = patankar(s.stomach_protein_g, 0.0, k_empty, dt)
    fat_abs = p.k_fat_absorb_per_min * fat
    kcal = 4.0e-3 * absorbed + 9.0 * fat_abs + 4.0 * k_empty * protein
    return GutOut(solid, liquid, gut, fat, fibre, protein, ra, fat_abs, kcal)
