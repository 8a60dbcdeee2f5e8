"""Signaling health, the IRS/PI3K/Akt signal, GLUT4 translocation and protein synthesis.

Signaling health multiplies the intact signaling proteins by the reversible brakes the article
names — inflammation (JNK/IKKβ → IRS-1 serine phosphorylation, Hirosumi 2002; all of it after
binding), lipotoxic intermediates (DAG → PKCθ, Itani 2002, through PKCθ that follows DAG with a
lag of hours) and ER stress (JNK, Ozcan 2004) — and by the lift
exercise leaves behind for a day (Richter 1989). The active signal relaxes towards
health × receptor signal in minutes (Sedaghat 2002). GLUT4 moves to the membrane with the signal
and, separately, with muscle contraction (AMPK), and is taken back at Sedaghat's endocytosis rate.
Must not import pygame.
"""

from __future__ import annotations

from typing import Any

from sim.model.numerics import clip01, fmax, fmin, patankar


def signaling_health(s: Any, p: Any) -> Any:
    h = (
        p.signaling_capacity * s.signaling_proteins_frac
        * (1.0 - p.inflammation_on_signal * s.inflammation_frac)
        * (1.0 - p.lipotoxic_on_signal * s.pkc_active_frac)
        * (1.0 - p.er_on_signal * s.er_stress_frac)
        * (1.0 + p.exercise_on_signal * s.exercise_memory_frac)
    )
    return fmax(h, 0.0)


def pkc_step(pkc: Any, lipotoxic: Any, p: Any, dt: float) -> Any:
    """DAG-activated novel PKC (θ/ε) follows the lipotoxic intermediates with a lag of hours
    (dP/dt = k·(L − P)): a lipid infusion raises DAG over hours and PKCθ, IRS-1 serine
    phosphorylation and the fall in insulin action come later still (Yu 2002; Roden 1996: onset
    ≈ 3 h). In a steady state P = L, so chronic lipotoxicity brakes the signal as before."""
    return patankar(pkc, p.k_pkc_per_min * lipotoxic, p.k_pkc_per_min, dt)


def signal_step(active: Any, health: Any, receptor_sig: Any, p: Any, dt: float) -> Any:
    target = clip01(health * receptor_sig)
    return patankar(active, p.k_signal_per_min * target, p.k_signal_per_min, dt)


def glut4_step(membrane: Any, active: Any, u: Any, p: Any, dt: float) -> Any:
    ampk = u.exercise + 0.15 * u.metformin
    exo = (
        p.k_glut4_exo_basal_per_min
        + p.k_glut4_exo_insulin_per_min * active
        + p.k_glut4_exo_exercise_per_min * ampk
    )
    return patankar(membrane, exo, exo + p.k_glut4_endo_per_min, dt)


def protein_synthesis(active: Any, energy: Any, er_stress: Any, p: Any) -> Any:
    """Protein synthesis relative to a healthy cell's daily mean (1): insulin (Akt → mTOR) and
    energy drive it (translation costs ATP, AMPK stops it when energy is short); ER stress brakes
    it (PERK → eIF2α)."""
    return (
        p.synthesis_scale * (p.synthesis_basal + active) * fmin(1.25 * energy, 1.0)
        * (1.0 - p.er_on_synthesis * er_stress)
    )


def signaling_proteins_step(sp: Any, synthesis: Any, ros: Any, p: Any, dt: float) -> Any:
    repair = p.k_protein_repair_per_min * synthesis
    return patankar(sp, repair, repair + p.k_ros_damage_per_min * ros * ros, dt)
