"""The five compounding factors and the after-effect of exercise, each a 0–1 state.

Each is pushed up by its sources and relaxes on its own time scale; ``--set`` levels and level
stressors add constant drives. The loops of the article close here: dysfunctional mitochondria
leak ROS; ROS damage mitochondria (and receptors and signaling proteins, in their modules);
lipotoxic intermediates, fuel overload and ROS load the ER; cytokines inflame the cell and make
ROS. Must not import pygame.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sim.model.numerics import drive_for_level, driven_fraction, patankar, pos


class FactorOut(NamedTuple):
    inflammation_frac: Any
    oxidative_stress_frac: Any
    mito_health_frac: Any
    er_stress_frac: Any
    exercise_memory_frac: Any
    mito_content_rel: Any
    glut4_content_rel: Any


def trained(content: Any, exercise: Any, gain: Any, loss: Any, top: Any, dt: float) -> Any:
    """Content × untrained: exercise builds it towards ``top``, inactivity returns it to 1.

    dC/dt = gain·exercise·(top − C) − loss·(C − 1), written as production/loss for Patankar.
    """
    return patankar(content, gain * exercise * top + loss, gain * exercise + loss, dt)


def factors_step(s: Any, p: Any, u: Any, dt: float, synthesis: Any, overload: Any) -> FactorOut:
    block = 1.0 - p.anti_inflammatory_block * u.anti_inflammatory
    infl_drive = p.inflammation_k_on * (
        4.0 * s.cytokines_au * block
        + drive_for_level(p.imposed_inflammation, p.inflammation_k_off) / p.inflammation_k_on
    )
    inflammation = driven_fraction(s.inflammation_frac, infl_drive, p.inflammation_k_off, dt)

    scavenging = p.ros_k_off * (1.0 + p.antioxidant_boost * u.antioxidant)
    ros_drive = (
        p.ros_from_mito_dysfunction * pos(1.0 - p.mito_capacity * s.mito_content_rel * s.mito_health_frac)
        + p.ros_from_overload * overload
        + p.ros_from_inflammation * s.inflammation_frac
        + u.ros_src
        + drive_for_level(p.imposed_oxidative_stress, p.ros_k_off)
    )
    ros = driven_fraction(s.oxidative_stress_frac, ros_drive, scavenging, dt)

    # Damage linear in ROS: with the ROS that damaged mitochondria leak, the loop gain stays below
    # one, so the loop amplifies an insult (and can spiral under a strong one) without running away
    # from a healthy state.
    repair = p.mito_k_repair_per_min * synthesis * (1.0 + s.exercise_memory_frac)
    damage = (
        p.mito_k_damage_per_min * (s.oxidative_stress_frac + p.mito_lipotoxic_damage * s.lipotoxic_frac)
        + u.mito_src
    )
    mito = driven_fraction(s.mito_health_frac, repair, damage, dt)

    er_drive = p.er_k_on * (
        p.er_from_overload * overload
        + p.er_from_lipotoxic * s.lipotoxic_frac
        + p.er_from_ros * s.oxidative_stress_frac
        + u.er_src
    ) + drive_for_level(p.imposed_er_stress, p.er_k_off)
    er = driven_fraction(s.er_stress_frac, er_drive, p.er_k_off, dt)

    memory = driven_fraction(
        s.exercise_memory_frac, p.exercise_memory_on * u.exercise, p.exercise_memory_off, dt
    )
    # Training lasts weeks (Henriksson & Reitman 1977; Vukovich 1996), unlike the day-long memory.
    mito_content = trained(s.mito_content_rel, u.exercise, p.mito_train_per_min, p.mito_detrain_per_min,
                           p.mito_content_max_rel, dt)
    glut4_content = trained(s.glut4_content_rel, u.exercise, p.glut4_train_per_min, p.glut4_detrain_per_min,
                            p.glut4_content_max_rel, dt)
    return FactorOut(inflammation, ros, mito, er, memory, mito_content, glut4_content)
