"""Liver fat (intrahepatic triglyceride) and the hepatic insulin resistance it causes.

Liver fat is a state in % of liver weight (normal < 5.5 %, Szczepaniak 2005; type 2 diabetes
often 10–20 %, Lim 2011). It is filled from three sources (Donnelly 2005: in NAFLD ≈ 59 % of
liver triglyceride comes from plasma fatty acids, 26 % from de novo lipogenesis, 15 % from the
diet): fatty acids taken up from plasma and esterified — the share esterified rather than oxidised
rises with the insulin at the liver (malonyl-CoA blocks CPT-1, McGarry & Foster 1980) —, fat made
from glucose the liver takes up when its glycogen is full (glucose.py's DNL share), and
chylomicron-remnant fat from meals. It is emptied by VLDL secretion, which saturates as the liver
fills (Adiels 2006: ≈ 10–20 g/day), and by oxidation, driven by glucagon (McGarry & Foster 1980).
So a surplus with high insulin fills the liver, and an energy deficit — low insulin, high glucagon,
no DNL — empties it within weeks (Lim 2011; Petersen 2005): the "twin cycle" (Taylor 2008).

Liver fat makes the liver resistant to insulin (DAG → PKCε → insulin receptor kinase, Samuel
2004; Seppälä-Lindroos 2002): the insulin the liver "sees" is scaled by
``(K + L_normal) / (K + L)``, 1 at normal liver fat. Liver fat is one account of the whole-body
fat ledger (lipids.py): what fills it is taken from plasma FFA, meal fat and glucose, VLDL goes to
adipose tissue and its oxidation counts in the body's fat oxidation. Must not import pygame.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sim.model.numerics import patankar, saturating


class LiverFatOut(NamedTuple):
    liver_fat_pct: Any
    from_ffa: Any  # g/min of triglyceride into the liver
    from_dnl: Any
    from_diet: Any
    vldl: Any  # g/min out
    oxidised: Any


def hepatic_sensitivity(liver_fat_pct: Any, p: Any) -> Any:
    """The liver's insulin sensitivity, × a normal liver's: falls as liver fat rises."""
    k = p.liver_fat_ir_half_pct
    return (k + p.liver_fat_normal_pct) / (k + liver_fat_pct)


def liver_fat_step(
    s: Any, p: Any, dt: float, dnl_glucose_mg_kg_min: Any, fat_abs_g_min: Any, glucagon: Any
) -> LiverFatOut:
    g_per_pct = p.liver_mass_kg * 10.0  # grams of triglyceride per % of liver weight
    from_ffa = (
        p.liver_ffa_esterify_g_min_per_mmol_l * s.ffa_mmol_l
        * saturating(s.insulin_liver_uu_ml, p.liver_esterify_insulin_ec50_uu_ml)
    )
    from_dnl = dnl_glucose_mg_kg_min * p.body_weight_kg / 1000.0 * p.dnl_fat_per_glucose_g_g
    from_diet = p.liver_meal_fat_share * fat_abs_g_min
    l_vldl = p.vldl_tg_max_g_day / 1440.0 / (p.vldl_km_pct * g_per_pct + s.liver_fat_pct * g_per_pct)
    l_ox = p.liver_fat_ox_per_day / 1440.0 * glucagon / p.glucagon_ref_pg_ml
    pct = patankar(s.liver_fat_pct, (from_ffa + from_dnl + from_diet) / g_per_pct, l_vldl + l_ox, dt)
    grams = pct * g_per_pct
    return LiverFatOut(pct, from_ffa, from_dnl, from_diet, l_vldl * grams, l_ox * grams)
