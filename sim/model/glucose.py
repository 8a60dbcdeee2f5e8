"""Blood glucose and the liver (one plasma compartment, Bergman/Dalla Man fluxes).

Appearance: gut absorption (gut.py), endogenous glucose production (EGP: gluconeogenesis plus
glycogenolysis, suppressed by insulin acting on the liver, Dalla Man 2007 kp1/kp2 and Rizza 1981
dose–response; the liver's insulin sensitivity falls with liver fat, liverfat.py; raised by
glucagon, glucagon.py), a clamp infusion and IV glucose (``iv_glucose_mg_kg_min``, IVGTT). Removal:
brain (insulin-independent, Dalla Man Fcns), muscle/fat (GLUT4 at the membrane × Michaelis–Menten),
liver uptake into glycogen (and fat when glycogen is full), and urine above the renal threshold
(Dalla Man ke1/ke2). Every flux is in mg/kg/min and every loss is written as a coefficient × G,
so the cumulative fluxes balance the blood pool exactly (see tests).
Must not import pygame.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sim.model.glucagon import glucagon_on_egp
from sim.model.numerics import fmax, hill2, patankar, pos, saturating

MG_DL_PER_MMOL_L = 18.0


class GlucoseOut(NamedTuple):
    glucose_mmol_l: Any
    liver_glycogen_g: Any
    egp: Any
    brain: Any
    periph: Any
    liver_in: Any
    renal: Any
    infused: Any
    liver_action: Any
    dnl: Any  # mg/kg/min of the liver's glucose uptake going into fat (liverfat.py)


def liver_action(insulin_liver: Any, hepatic_sensitivity: Any, p: Any) -> Any:
    """0–1 insulin action on the liver's glucose output; resistance (liver fat) scales the insulin
    it 'sees'."""
    return hill2(insulin_liver * hepatic_sensitivity, p.liver_insulin_ec50_uu_ml)


def glycogen_brake(glycogen_frac: Any, p: Any) -> Any:
    """Share of GLUT4-carried transport that goes on at this muscle glycogen (0–1 of capacity): a
    full store backs glucose-6-phosphate up onto hexokinase II and slows insulin-stimulated uptake
    (Jensen 1997: glycogen-loaded muscle takes up ≈ 30–50 % less glucose under insulin than
    depleted muscle; Jensen 2011), and a store emptied by exercise speeds it (Richter 1989).
    Quartic in the filling, so it matters little below half full. step.py works it out once a
    step for the body's uptake (glucose_step), the cell's (metabolism_step) and the account."""
    g2 = glycogen_frac * glycogen_frac
    return pos(1.0 - p.hk_glycogen_inhibition * g2 * g2)


def glucose_step(
    s: Any, p: Any, u: Any, dt: float, ra: Any, glut4_membrane: Any, brake: Any, action_l: Any, glucagon: Any
) -> GlucoseOut:
    g = s.glucose_mmol_l
    conv = p.glucose_volume_dl_kg * MG_DL_PER_MMOL_L  # mg/kg per mmol/L
    lg = s.liver_glycogen_g

    # Liver output: the Dalla Man kp1 − kp2·Gp line, suppressed by insulin, reduced by metformin,
    # falling towards gluconeogenesis alone as glycogen runs out, raised by glucagon (which also
    # carries counter-regulation in hypoglycaemia) and by fatty acids above normal (FFA drive
    # gluconeogenesis, Boden 1994).
    glycogen_part = (1.0 - p.gng_share) * saturating(lg, p.liver_glycogen_km_g)
    drive = (
        pos(p.egp_kp1_mg_kg_min - p.egp_kp2_per_min * conv * g)
        * (1.0 - p.metformin_egp_cut * u.metformin)
        * glucagon_on_egp(glucagon, p)
        * (1.0 + p.egp_ffa_gain * pos(s.ffa_mmol_l - p.egp_ffa_ref_mmol_l))
        # Exercise: adrenaline and the hepatic nerves add to glucagon's push (Wasserman 1989).
        * (1.0 + p.egp_exercise_gain * u.exercise)
    )
    suppressed = p.egp_suppression_max * action_l
    egp = drive * (1.0 - suppressed) * (p.gng_share + glycogen_part)
    glycogenolysis = egp * glycogen_part / (p.gng_share + glycogen_part)
    room = pos(1.0 - lg / p.liver_glycogen_max_g)
    # The indirect pathway: gluconeogenesis that insulin keeps out of the blood goes on into
    # glycogen (new glucose from lactate, amino acids and glycerol, so it is not taken from the
    # blood pool), while there is room (Shulman & Landau 1992; Taylor 1996).
    indirect = p.gng_indirect_share * drive * suppressed * p.gng_share * room

    # Loss coefficients (mg/kg/min per mmol/L), each flux = coefficient × G_next.
    l_brain = p.brain_uptake_mg_kg_min / (p.brain_km_mmol_l + g)
    l_periph = (
        p.periph_vmax_mg_kg_min * p.glut4_pool * s.glut4_content_rel * glut4_membrane
        * brake + p.periph_basal_mg_kg_min
    ) / (p.periph_km_mmol_l + g)
    # Hepatic uptake (glucokinase, GLUT2): glucose above a threshold, switched on by portal insulin,
    # which keeps working in insulin resistance (selective hepatic resistance, Brown & Goldstein
    # 2008). It fills glycogen; when glycogen is full a share still goes on into fat (DNL).
    # The liver sees portal glucose: systemic glucose plus what the gut delivers into the portal
    # vein (the "portal signal", Pagliassotti 1996; portal flow ≈ 14 mL/kg/min).
    g_portal = g + ra / (p.portal_flow_dl_kg_min * MG_DL_PER_MMOL_L)
    on = saturating(s.insulin_liver_uu_ml, p.hgu_insulin_ec50_uu_ml)
    l_liver = (
        p.hgu_k_per_mmol_l * on * (room + p.hgu_dnl_floor)
        * pos(g_portal - p.hgu_threshold_mmol_l) / fmax(g, 1e-9)
    )
    # Dalla Man's E = ke1·(Gp − ke2) written as a concentration threshold, so it does not move
    # with this model's larger glucose space.
    l_renal = p.renal_clearance_mg_kg_min_per_mmol_l * pos(1.0 - p.renal_threshold_mmol_l / fmax(g, 1e-9))
    loss = (l_brain + l_periph + l_liver + l_renal) / conv
    iv = u.iv_glucose_mg_kg_min
    prod = (ra + egp + iv) / conv

    # Clamp: the infusion that lands G exactly on the target this step (never negative).
    target = u.clamp_glucose_mmol_l
    need = pos((target * (1.0 + dt * loss) - g - dt * prod) / dt) * conv
    clamp_in = need * (target > 0.0)
    infused = clamp_in + iv
    g_next = patankar(g, prod + clamp_in / conv, loss, dt)

    liver_in = l_liver * g_next
    into_glycogen = liver_in * room / (room + p.hgu_dnl_floor)
    lg_next = patankar(
        lg, (into_glycogen + indirect) * p.body_weight_kg / 1000.0,
        glycogenolysis * p.body_weight_kg / 1000.0 / fmax(lg, 1e-9), dt,
    )
    return GlucoseOut(
        g_next, lg_next, egp, l_brain * g_next, l_periph * g_next, liver_in, l_renal * g_next,
        infused, action_l, liver_in - into_glycogen,
    )
