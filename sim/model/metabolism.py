"""The cell's fuel: glucose uptake, ATP from glucose, glycogen and fat, and the stores.

Energy is in normalised units (e.u.): 1 e.u./min is the cell's resting ATP demand. Three fuels
meet the demand:

- glucose entering through GLUT4 (insulin- or exercise-driven) and basal transporters;
- glycogen, turned over at rest at a rate proportional to what is stored whatever the need
  (phosphorylase works on the particles' surface; Hargreaves 1995: more glycogen, faster
  glycogenolysis), many-fold faster under load, where it covers what glucose and fat do not;
- fatty acids (blood FFA via CD36 and the cell's own droplets), oxidised only by mitochondria and
  at most ``fat_ox_max × mitochondrial capacity × health`` — fat "burns in a carbohydrate flame":
  beyond that share the cell needs carbohydrate (Kelley & Mandarino 2000: insulin-resistant muscle
  is metabolically inflexible and oxidises less fat *and* less glucose).

Insulin tips the mix towards glucose (Randle cycle in reverse: malonyl-CoA). Only 2 of 32 ATP per
glucose come without mitochondria; all oxidation is capped by ``mito_ox_max × capacity × health``.

Demand is resting work, raised by exercise, by protein synthesis and by the cost of living with
stress: the unfolded-protein response, antioxidant defence and inflammatory signalling all spend
ATP (the article's "chronic cellular stress": cells "constantly struggling").

Energy (ATP + phosphocreatine, 0–1) falls when the fuel the cell can use does not meet its
demand. A short cell cuts back its work in proportion (``work = demand × energy``), so energy
settles where supply meets work: a cell whose glucose cannot get in and whose glycogen is low runs
at a fraction of its needs — "starving amid plenty" — and a hard workout dips it for a while.
Entering glucose goes first to glycogen (insulin-activated synthase, held back by the store,
Shulman 1990; Danforth 1965), the rest is burned or becomes fat (DNL); a fuller store slows the
GLUT4-carried uptake itself (hexokinase II, Jensen 1997; glucose.glycogen_brake);
surplus fatty acids are esterified into droplets while ATP allows; the overflow builds lipotoxic
intermediates (DAG, ceramide). Must not import pygame.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sim.model.numerics import fmax, fmin, patankar, pos


class MetabolismOut(NamedTuple):
    energy_frac: Any
    glycogen_frac: Any
    fat_store_rel: Any
    lipotoxic_frac: Any
    uptake_mg_kg_min: Any  # glucose into this cell type, per kg tissue
    production: Any  # ATP made, e.u./min
    demand: Any  # ATP the cell's full work would need, e.u./min
    overload: Any  # nutrient surplus neither used nor stored, e.u./min
    fat_oxidised: Any  # e.u./min
    oxidative_fuel: Any  # ATP the fuel used would give in mitochondria before their cap, e.u./min
    glucose_used: Any  # e.u./min of glucose burned
    glycogen_used: Any  # e.u./min of glycogen burned
    fat_supply: Any  # fatty acids the cell could burn, from blood and its droplets, e.u./min


def fuel_need(p: Any, demand: Any, energy: Any) -> Any:
    """What the cell tries to make this minute (e.u./min): its work at the present energy, plus a
    refill of the buffer."""
    return demand * energy + p.refill_per_min * p.energy_buffer * (1.0 - energy)


def fat_ceiling(p: Any, mito: Any, ex: Any, fa: Any, cpt1: Any) -> Any:
    """Fat (e.u./min) the mitochondria can burn from the fatty acids on offer ``fa`` with CPT1 this
    open (1 = fully): β-oxidation is bounded by the mitochondria — under load fat cannot keep up
    and carbohydrate must cover the rest (Romijn 1993; Achten & Jeukendrup 2003, "Fatmax") — and
    saturates in the fatty acids on offer (Wolfe 1998), which also steadies the droplets."""
    return fmin(fa, p.fat_ox_max * mito * (1.0 + p.fat_ox_exercise_gain * ex) * cpt1 * fa / (p.fa_ox_km_eu + fa))


def metabolism_step(
    s: Any, p: Any, u: Any, dt: float, glucose: Any, membrane: Any, brake: Any, active: Any, synthesis: Any,
    lipo_extra: Any, meal_fat_g_min: Any = 0.0,
) -> MetabolismOut:
    ex = u.exercise
    energy = s.energy_frac
    gly = s.glycogen_frac
    # Glucose in (mg/kg tissue/min): GLUT4 at the membrane + basal transport, Michaelis–Menten;
    # a fuller glycogen store slows the GLUT4-carried part (glucose.glycogen_brake).
    uptake = (
        p.cell_vmax_mg_kg_min * p.glut4_pool * s.glut4_content_rel * membrane * brake
        + p.cell_basal_mg_kg_min
    ) * glucose / (p.cell_km_mmol_l + glucose)
    # A liver cell has no GLUT4: insulin raises its uptake through glucokinase (0 in muscle and fat).
    uptake = uptake + p.glucokinase_vmax_mg_kg_min * active * glucose / (p.glucokinase_km_mmol_l + glucose)
    glc = p.eu_per_mg_glucose * uptake
    demand = (
        p.demand_rest * (1.0 + p.demand_exercise_gain * ex) * (1.0 - 0.1 * u.rest)
        + p.synthesis_cost * synthesis
        + p.stress_cost * (s.er_stress_frac + s.oxidative_stress_frac + s.inflammation_frac)
    )
    need = fuel_need(p, demand, energy)

    mito = p.mito_capacity * s.mito_content_rel * s.mito_health_frac
    ox_cap = p.mito_ox_max * mito
    fa_droplet = p.lipolysis_cell_per_min * s.fat_store_rel * p.fat_store_capacity * (1.0 - 0.7 * active)
    # Training raises fatty-acid transport (CD36/FABPpm) and triglyceride synthesis (DGAT1) with the
    # mitochondria, so trained muscle stores more fat and burns more (athlete's paradox).
    trained = fmax(1.0 + p.training_lipid_gain * (s.mito_content_rel - 1.0), 0.1)
    dgat = fmax(1.0 + p.training_dgat_gain * (s.mito_content_rel - 1.0), 0.1)
    # Blood FFA via CD36, the cell's own droplets, and meal fat that muscle lipoprotein lipase
    # frees from chylomicrons (a fatty meal loads muscle fat directly, Bickerton 2007).
    fa = (p.fa_uptake_per_mmol_l * s.ffa_mmol_l + p.meal_fat_to_cell_eu_per_g * meal_fat_g_min) * trained + fa_droplet
    droplets = s.fat_store_rel
    # Fatty acids enter mitochondria through CPT1, which malonyl-CoA blocks. Insulin raises
    # malonyl-CoA through acetyl-CoA carboxylase even in insulin-resistant muscle (Bandyopadhyay
    # 2006: more malonyl-CoA and less fat oxidation in obese and type 2 muscle; Rasmussen 2002);
    # contraction lowers it (AMPK phosphorylates ACC, Winder 1996). So high insulin shuts the fat
    # door whether or not glucose gets in: metabolic inflexibility (Kelley & Mandarino 2000).
    cpt1 = 1.0 / (1.0 + s.insulin_tissue_uu_ml * pos(1.0 - ex) / p.cpt1_insulin_half_uu_ml)
    fat_cap = fat_ceiling(p, mito, ex, fa, cpt1)

    # Glycogen synthase, switched on by the insulin signal and held back by the glycogen already
    # stored (Danforth 1965; Jensen 2011: feedback inhibition of synthase keeps the store from
    # filling), takes its share of the glucose-6-phosphate from the glucose that enters before
    # glycolysis burns the rest: storage is the main fate of insulin-stimulated muscle glucose
    # (Shulman 1990), reduced in type 2 but not absent, even in a cell short of fuel.
    synth = fmin(glc, p.glycogen_synth_max * (0.02 + active) * (1.0 - gly))
    glc_free = glc - synth
    # Resting phosphorylase (mostly the inactive b form) turns glycogen over slowly whatever the
    # cell's need, and its glucose-6-phosphate is burned first; a fuel-short resting cell does not
    # strip its store faster. Contraction and adrenaline activate phosphorylase many-fold
    # (Hargreaves 1995), so under load glycogen covers what glucose and fat do not.
    gly_turnover = fmin(p.glycogen_mobilise_per_min * gly, need)
    rest_need = need - gly_turnover
    # Fuel mix: insulin's signal favours glucose; what glucose does not cover, fat then glycogen do.
    w_glc = glc_free * (p.fuel_glucose_weight_basal + active)
    share = w_glc / fmax(w_glc + fat_cap * (1.0 + ex), 1e-12)
    glc_used = fmin(glc_free, rest_need * share)
    fat_used = fmin(fat_cap, rest_need - glc_used)
    glc_used = fmin(glc_free, rest_need - fat_used)
    gly_load = p.glycogen_mobilise_per_min * p.glycogen_exercise_gain * ex * gly
    gly_used = gly_turnover + fmin(gly_load, pos(rest_need - glc_used - fat_used))

    carb = glc_used + gly_used
    gs = p.glycolytic_share
    oxidative_fuel = (1.0 - gs) * carb + fat_used
    production = fmin(oxidative_fuel, ox_cap) + gs * carb
    # Patankar: dE/dt = (production − demand·E) / buffer, so E settles at supply/demand when short.
    energy_next = fmin(patankar(energy, production / p.energy_buffer, demand / p.energy_buffer, dt), 1.0)

    glycogen = patankar(gly, synth / p.glycogen_capacity, gly_used / fmax(gly, 1e-9) / p.glycogen_capacity, dt)
    rest_glc = glc_free - glc_used
    dnl = p.dnl_share * rest_glc

    surplus_fa = fa - fat_used
    # Part of the fatty acids a cell does not burn leaves it again (muscle releases fatty acids
    # from its own lipolysis into the blood, van Hall 2002), so the droplets settle where lipolysis
    # balances what stays instead of growing without end while the cell burns less than it takes.
    esterified = fmin(surplus_fa * (1.0 - p.fa_efflux_share), p.esterify_max * dgat * energy)
    overflow = pos(surplus_fa * (1.0 - p.fa_efflux_share) - esterified)
    fat_store = patankar(
        droplets, (esterified + dnl) / p.fat_store_capacity,
        fa_droplet / fmax(droplets, 1e-9) / p.fat_store_capacity, dt,
    )
    # DAG and ceramide: intermediates of esterifying the fatty-acid surplus (Itani 2002), many more
    # when esterification cannot keep up; cleared faster when the cell burns fat.
    burn = fat_used / fmax(demand, 1e-12)
    # More DGAT in trained muscle turns the surplus over into triglyceride faster, so less of it
    # lingers as DAG (Schenk & Horowitz 2007; Liu 2007).
    # Only fatty acids arriving from outside count: the droplets' own fatty acids cycle back into
    # triglyceride through the same enzymes, and a trained cell's DGAT keeps that cycle tight.
    incoming = pos(fa - fa_droplet - fat_used)
    k_in = p.lipotoxic_k_in * (incoming / dgat + p.lipotoxic_overflow_gain * overflow) + lipo_extra
    lipotoxic = patankar(s.lipotoxic_frac, k_in, k_in + p.lipotoxic_k_out * (1.0 + burn), dt)
    # Glucose neither burned nor stored nor made into fat, and fatty acids that overflow.
    overload = p.glucose_overload_share * rest_glc + overflow
    return MetabolismOut(
        energy_next, glycogen, fat_store, lipotoxic, uptake, production, demand, overload, fat_used,
        oxidative_fuel, glc_used, gly_used, fa,
    )
