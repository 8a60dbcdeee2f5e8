"""Free fatty acids, adipose tissue, circulating cytokines, and the whole-body fat ledger.

FFA come from adipose lipolysis (suppressed by insulin with Jensen 1989's sensitivity, raised by
inflammation and exercise) and from meal fat, and turn over in minutes (Frayn 2002). Adipose
tissue has an insulin resistance of its own: cytokines from inflamed, enlarged adipose tissue
(TNF-α, Hotamisligil 1993/1996: serine phosphorylation of IRS-1) raise the insulin needed to
suppress lipolysis (Groop 1989; Jensen 1989), ``S_adipose = 1 / (1 + k·cytokines)``.

Fat is one closed ledger, in grams of triglyceride (fatty acids counted as 1/3 of a triolein):
meal fat absorbed, lipid infused and fat made from glucose come in; fat oxidised goes out; the
stores are adipose tissue, the plasma FFA pool, intramyocellular fat (the muscle cell's droplets
× the whole body's muscle) and liver fat. Whole-body fat oxidation is what expenditure leaves
after the carbohydrate and protein oxidised (net substrate oxidation, Frayn 1983: when the non-fat
energy exceeds expenditure, net fat oxidation turns into net lipogenesis), so the energy balance
still decides body fat (Hall 2011: expenditure rises with the mass gained). Carbohydrate oxidised
is what was absorbed or infused less what went into glycogen, stayed in the blood, was lost in
urine or was made into fat; protein oxidised is a pool's, which absorbed amino acids fill and
which is oxidised all day and night (Garlick 1980), so that over a day it matches protein eaten.
Energy is a second, closed ledger: absorbed + infused − expended − lost in urine = Δ(stores).
Adipose tissue takes what the other accounts leave: meal fat its lipoprotein lipase clears, VLDL,
net lipogenesis and re-esterified FFA, less lipolysis, less what liver, muscle and oxidation take
from the blood.
Enlarged adipose tissue releases cytokines (Hotamisligil 1993); infections add more.
Must not import pygame.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sim.model.glucose import MG_DL_PER_MMOL_L
from sim.model.numerics import driven_fraction, patankar, pos, saturating

FAT_KCAL_PER_G = 9.0  # as gut.py counts absorbed fat (Atwater)
GLUCOSE_KCAL_PER_G = 4.0  # as gut.py counts carbohydrate
PROTEIN_KCAL_PER_G = 4.0  # as gut.py counts protein


class LipidOut(NamedTuple):
    ffa_mmol_l: Any
    cytokines_au: Any
    kcal_out: Any
    lipolysis: Any  # mmol/L/min of FFA released by adipose tissue
    ffa_in: Any  # mmol/L/min from meal spill-over and infusion
    ffa_cleared: Any  # mmol/L/min taken up from the blood


class FatOut(NamedTuple):
    adipose_kg: Any
    protein_pool_g: Any  # absorbed protein not yet oxidised
    fat_in: Any  # g/min: meal fat absorbed + lipid infused
    fat_made: Any  # g/min: de novo lipogenesis (liver) + net lipogenesis (whole body)
    fat_oxidised: Any  # g/min, whole body
    energy_in: Any  # kcal/min absorbed from the gut or infused (glucose, lipid)
    energy_out: Any  # kcal/min expended or lost in urine (glucose)


def adipose_sensitivity(cytokines: Any, p: Any) -> Any:
    """Adipose tissue's insulin sensitivity for lipolysis, × a lean adult's (1: no cytokines)."""
    return 1.0 / (1.0 + p.adipose_ir_per_cytokine * cytokines)


def ffa_g_per_mmol_l(p: Any) -> Any:
    """Grams of triglyceride in the plasma FFA pool per mmol/L."""
    return p.ffa_volume_l_kg * p.body_weight_kg * p.fat_g_per_mmol_fa


def fat_stores_g(s: Any, p: Any) -> dict[str, Any]:
    """The ledger's stores in grams of triglyceride: adipose, plasma FFA, muscle droplets, liver."""
    return {
        "adipose": s.adipose_kg * p.kcal_per_kg_fat / FAT_KCAL_PER_G,
        "ffa": s.ffa_mmol_l * ffa_g_per_mmol_l(p),
        "imcl": s.fat_store_rel * p.imcl_normal_g,
        "liver": s.liver_fat_pct * p.liver_mass_kg * 10.0,
    }


def glucose_g_per_mmol_l(p: Any) -> Any:
    """Grams of glucose in the blood glucose pool per mmol/L."""
    return p.glucose_volume_dl_kg * MG_DL_PER_MMOL_L * (p.body_weight_kg / 1000.0)


def energy_stores_kcal(s: Any, p: Any) -> dict[str, Any]:
    """The body's energy stores that the ledger follows (kcal): fat (``fat_stores_g``), glycogen
    (liver + the muscle cell × the body's muscle), the protein pool and blood glucose."""
    return {
        "fat": FAT_KCAL_PER_G * sum(fat_stores_g(s, p).values()),
        "glycogen": GLUCOSE_KCAL_PER_G * (
            s.liver_glycogen_g + s.glycogen_frac * p.muscle_glycogen_max_g
        ),
        "protein": PROTEIN_KCAL_PER_G * s.protein_pool_g,
        "glucose": GLUCOSE_KCAL_PER_G * s.glucose_mmol_l * glucose_g_per_mmol_l(p),
    }


def lipid_step(s: Any, p: Any, u: Any, dt: float, fat_abs: Any, sensitivity: Any) -> LipidOut:
    rel = s.adipose_kg / p.adipose_normal_kg
    suppression = p.lipolysis_suppression_max * saturating(
        s.insulin_tissue_uu_ml * sensitivity, p.lipolysis_insulin_ec50_uu_ml
    )
    lipolysis = (
        p.lipolysis_mmol_l_min * rel * (1.0 - suppression)
        * (1.0 + 0.5 * s.cytokines_au) * (1.0 + 0.5 * u.exercise)
    )
    ffa_in = p.meal_fat_to_ffa * fat_abs + u.ffa_src
    ffa = patankar(s.ffa_mmol_l, lipolysis + ffa_in, p.ffa_clearance_per_min, dt)
    # Expenditure follows body mass (Hall 2011), so a steady surplus gains weight towards a plateau.
    adapt = p.expenditure_per_kg_kcal_day / 1440.0 * (s.adipose_kg - p.adipose_normal_kg)
    kcal_out = pos(p.kcal_rest_per_min * (1.0 - 0.1 * u.rest) + adapt) + p.kcal_exercise_per_min * u.exercise
    drive = p.cytokine_from_adipose * pos(rel - 1.2) + u.cytokine_src
    cytokines = driven_fraction(s.cytokines_au, drive, p.cytokine_clearance_per_min, dt)
    return LipidOut(ffa, cytokines, kcal_out, lipolysis, ffa_in, p.ffa_clearance_per_min * ffa)


def protein_step(s: Any, p: Any, dt: float, gut: Any) -> tuple[Any, Any, Any]:
    """The protein pool (g) after this step, protein absorbed and protein oxidised (g/min).

    Absorbed amino acids are not oxidised as they arrive: they join the free amino-acid pool and
    the protein laid down after a meal, which is broken down and oxidised again between meals and
    overnight (Garlick 1980; Millward & Rivers 1988: diurnal cycling of body protein), so protein
    oxidation runs all the time and over a day equals protein absorbed (nitrogen balance).
    Protein absorbed is what left the stomach this step (gut.py empties it straight into blood)."""
    absorbed = pos(s.stomach_protein_g - gut.stomach_protein_g) / dt
    pool = patankar(s.protein_pool_g, absorbed, p.protein_ox_per_min, dt)
    return pool, absorbed, p.protein_ox_per_min * pool


def adipose_step(
    s: Any, p: Any, u: Any, dt: float, gut: Any, lip: LipidOut, liver: Any, glc: Any, met: Any,
) -> FatOut:
    """Adipose tissue's change from the fluxes of the other fat accounts (g/min of triglyceride).

    ``gut`` is gut.py's GutOut, ``liver`` liverfat.py's LiverFatOut, ``glc`` glucose.py's
    GlucoseOut and ``met`` the muscle cell's MetabolismOut after this step; the cell's droplets and
    glycogen stand for the whole body's muscle (``imcl_normal_g``, ``muscle_glycogen_max_g``)."""
    fat_abs = gut.fat_g_min
    pool, protein_abs, protein_ox = protein_step(s, p, dt, gut)
    # Energy absorbed, with protein counted when it is oxidised rather than when it is absorbed.
    kcal_in = gut.kcal_min + PROTEIN_KCAL_PER_G * (protein_ox - protein_abs)
    g_per = ffa_g_per_mmol_l(p)
    spill = p.meal_fat_to_ffa * g_per  # share of absorbed meal fat that spills into plasma FFA
    to_adipose = fat_abs * (1.0 - p.liver_meal_fat_share - spill)
    # Net substrate oxidation (Frayn 1983): carbohydrate oxidised is what was absorbed less what
    # went into glycogen (liver, muscle) or into fat, protein oxidised is the pool's; expenditure
    # that carbohydrate and protein do not meet is met by fat, the liver's own oxidation included.
    glycogen = (
        (glc.liver_glycogen_g - s.liver_glycogen_g)
        + (met.glycogen_frac - s.glycogen_frac) * p.muscle_glycogen_max_g
    ) / dt
    # Glucose infused (clamp, IVGTT) is carbohydrate in as much as glucose absorbed; glucose lost
    # in urine, or still in the blood, has not been oxidised.
    g_per_mg_kg = p.body_weight_kg / 1000.0
    blood = (
        (glc.infused - glc.renal) * g_per_mg_kg
        - (glc.glucose_mmol_l - s.glucose_mmol_l) * glucose_g_per_mmol_l(p) / dt
    )
    carb = GLUCOSE_KCAL_PER_G * (blood - glycogen)
    nonfat = kcal_in - FAT_KCAL_PER_G * (fat_abs + liver.from_dnl) + carb
    gap = lip.kcal_out - nonfat - FAT_KCAL_PER_G * liver.oxidised
    ox_blood = pos(gap) / FAT_KCAL_PER_G  # fatty acids oxidised from the blood (muscle, heart, …)
    lipogenesis = pos(-gap) / FAT_KCAL_PER_G  # non-fat energy beyond expenditure and glycogen
    imcl = (met.fat_store_rel - s.fat_store_rel) * p.imcl_normal_g / dt
    net = (
        to_adipose + lipogenesis + liver.vldl + (lip.ffa_cleared - lip.lipolysis) * g_per
        - liver.from_ffa - imcl - ox_blood
    )
    adipose = s.adipose_kg + dt * net * FAT_KCAL_PER_G / p.kcal_per_kg_fat
    fat_in = fat_abs + u.ffa_src * g_per
    energy_in = (
        gut.kcal_min + FAT_KCAL_PER_G * u.ffa_src * g_per
        + GLUCOSE_KCAL_PER_G * glc.infused * g_per_mg_kg
    )
    energy_out = lip.kcal_out + GLUCOSE_KCAL_PER_G * glc.renal * g_per_mg_kg
    return FatOut(
        adipose, pool, fat_in, liver.from_dnl + lipogenesis, ox_blood + liver.oxidised,
        energy_in, energy_out,
    )
