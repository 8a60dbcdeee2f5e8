"""Free fatty acids, adipose mass and circulating cytokines.

FFA come from adipose lipolysis (suppressed by insulin with Jensen 1989's sensitivity, raised by
inflammation and exercise) and from meal fat, and turn over in minutes (Frayn 2002). Adipose
mass follows the energy balance (absorbed kcal − expenditure, 7,700 kcal/kg); expenditure rises and
falls with the mass (Hall 2011), so a steady surplus ends in a new, heavier steady state. Enlarged adipose
tissue releases cytokines (Hotamisligil 1993); infections add more. Must not import pygame.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sim.model.numerics import driven_fraction, patankar, pos, saturating


class LipidOut(NamedTuple):
    ffa_mmol_l: Any
    adipose_kg: Any
    cytokines_au: Any
    kcal_out: Any


def lipid_step(
    s: Any, p: Any, u: Any, dt: float, fat_abs: Any, kcal_in: Any, adipose_sensitivity: Any
) -> LipidOut:
    rel = s.adipose_kg / p.adipose_normal_kg
    suppression = p.lipolysis_suppression_max * saturating(
        s.insulin_tissue_uu_ml * adipose_sensitivity, p.lipolysis_insulin_ec50_uu_ml
    )
    lipolysis = (
        p.lipolysis_mmol_l_min * rel * (1.0 - suppression)
        * (1.0 + 0.5 * s.cytokines_au) * (1.0 + 0.5 * u.exercise)
    )
    ffa = patankar(
        s.ffa_mmol_l, lipolysis + p.meal_fat_to_ffa * fat_abs + u.ffa_src, p.ffa_clearance_per_min, dt
    )
    # Expenditure follows body mass (Hall 2011), so a steady surplus gains weight towards a plateau.
    adapt = p.expenditure_per_kg_kcal_day / 1440.0 * (s.adipose_kg - p.adipose_normal_kg)
    kcal_out = pos(p.kcal_rest_per_min * (1.0 - 0.1 * u.rest) + adapt) + p.kcal_exercise_per_min * u.exercise
    adipose = pos(s.adipose_kg + dt * (kcal_in - kcal_out) / p.kcal_per_kg_fat)
    drive = p.cytokine_from_adipose * pos(rel - 1.2) + u.cytokine_src
    cytokines = driven_fraction(s.cytokines_au, drive, p.cytokine_clearance_per_min, dt)
    return LipidOut(ffa, adipose, cytokines, kcal_out)
