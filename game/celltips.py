"""What the tooltip says about each part of the cell, with the engine's current values."""

from __future__ import annotations

from collections.abc import Mapping

from game.i18n import _


def cell_tip(region: str, v: Mapping[str, float], uptake: float) -> str:
    pct = lambda k: 100 * min(max(v[k], 0.0), 1.0)  # noqa: E731
    if region == "blood":
        return _("Blood outside the cell: glucose (hexagons) {g:.1f} mmol/L and insulin (keys) {i:.0f} µU/mL. "
                 "The more sugar in the blood, the more hexagons.").format(g=v["blood_glucose_mmol_l"], i=v["insulin_uu_ml"])
    if region == "membrane":
        total = v["receptor_free_rel"] + v["receptor_bound_rel"]
        bound = 100 * v["receptor_bound_rel"] / total if total > 1e-9 else 0.0
        return _("The membrane with insulin receptors (Y shapes): {r:.0f} % of a healthy cell's, {b:.0f} % holding "
                 "insulin. Dots inside are the signaling cascade: lit when the signal passes ({s:.0f} % active), "
                 "crossed where its proteins are damaged.").format(r=100 * v["receptors_frac"], b=bound,
                                                                   s=pct("signaling_active_frac"))
    if region == "glut4":
        return _("GLUT4 channels at the membrane ({m:.0f} % of the cell's GLUT4) let glucose in: now "
                 "{u:.1f} mg/kg/min.").format(m=pct("glut4_membrane_frac"), u=uptake)
    if region == "vesicles":
        return _("GLUT4 waiting in vesicles under the membrane. Insulin's signal, or exercise, moves them to the "
                 "membrane.")
    if region == "mito":
        return _("Mitochondria, the cell's powerhouses: {h:.0f} % working. Sparks around them are reactive oxygen "
                 "species ({r:.0f} %).").format(h=pct("mito_health_frac"), r=pct("oxidative_stress_frac"))
    if region == "fat":
        return _("Fat droplets: {f:.2f} × normal. Sharp shards beside them are lipotoxic intermediates "
                 "({l:.0f} %) that block the insulin pathway.").format(f=v["fat_store_rel"], l=pct("lipotoxic_frac"))
    if region == "er":
        return _("The endoplasmic reticulum folds proteins. ER stress {e:.0f} %: wriggling strands are unfolded "
                 "proteins, and the stress response interferes with signaling.").format(e=pct("er_stress_frac"))
    if region == "nucleus":
        return _("The nucleus. Insulin also supports protein synthesis, which repairs receptors and signaling proteins.")
    return _("Inside the cell: energy {e:.0f} %, glycogen {g:.0f} % (small rosettes). Spiky balls under the "
             "membrane are inflammation ({i:.0f} %).").format(e=pct("energy_frac"), g=pct("glycogen_frac"),
                                                               i=pct("inflammation_frac"))
