"""Glucagon: secretion by the α-cells, clearance, and its action on the liver.

One plasma compartment cleared with a half-life of ≈ 5 min (Laurenti 2021: 4 ± 1 min; Alford
1976: 4.8 min). Secretion is restrained by insulin — the α-cells see the insulin in the blood
that feeds the islets, so secretion falls after a meal and in a hyperinsulinaemic clamp (Unger &
Cherrington 2012; Müller 1970) — and is stimulated when glucose falls below the counter-
regulatory threshold (Cryer 2008). A fatty liver raises it further (the liver–α-cell axis: fasting
hyperglucagonaemia in NAFLD, Junker 2016; Wewer Albrechtsen 2018). Because a failing β-cell
secretes little insulin, glucagon in type 2 diabetes stays high for its glucose and is poorly
suppressed after meals (Shah 2000). Glucagon's action on the liver is a factor on EGP, 1 at the
reference level: basal glucagon carries ≈ 60 % of basal glucose production (Liljenquist 1977;
Cherrington 1981). Must not import pygame.
"""

from __future__ import annotations

from typing import Any

from sim.model.numerics import patankar, pos, saturating


def glucagon_step(s: Any, p: Any, dt: float, insulin: Any, exercise: Any = 0.0) -> Any:
    """New plasma glucagon (pg/mL) from the glucose and liver fat at the start of the step, the
    step's new plasma insulin and the exercise intensity."""
    restraint = 1.0 - p.glucagon_insulin_suppression_max * saturating(insulin, p.glucagon_insulin_ec50_uu_ml)
    fatty = 1.0 + p.glucagon_liver_fat_gain_per_pct * pos(s.liver_fat_pct - p.liver_fat_normal_pct)
    # Hypoglycaemia drives the α-cells (directly and through the autonomic nerves) whatever the
    # insulin: glucagon rises in a hyperinsulinaemic hypoglycaemic clamp (Cryer 2008).
    hypo = p.glucagon_hypo_gain_per_mmol_l * pos(p.glucagon_hypo_threshold_mmol_l - s.glucose_mmol_l)
    # Exercise raises glucagon (and adrenaline) so the liver matches the muscles' extra uptake and
    # blood glucose holds in moderate exercise (Wasserman 1989: the glucagon rise carries ≈ 60–70 %
    # of the rise in hepatic glucose output).
    work = 1.0 + p.glucagon_exercise_gain * exercise
    secretion = p.glucagon_clearance_per_min * p.glucagon_max_pg_ml * (restraint * fatty * work + hypo)
    return patankar(s.glucagon_pg_ml, secretion, p.glucagon_clearance_per_min, dt)


def glucagon_on_egp(glucagon: Any, p: Any) -> Any:
    """EGP factor: (1 − w) + w·glucagon/reference, 1 at the reference level, ≥ 1 − w at none."""
    w = p.glucagon_egp_share
    return (1.0 - w) + w * glucagon / p.glucagon_ref_pg_ml
