"""The cell's layout and display scales, shared by the view (``game.cell``) and its painter
(``game.cell_draw``): positions in units of the cell radius, how many things to draw per unit of
an engine value, and how fed the cytoplasm looks. No physiology here. Must not import pygame.
"""

from __future__ import annotations

from sim.snapshot import STARVING_ENERGY_FRAC
from sim.state import BY_NAME

ANIM_S = 1.2
ANIM_REDUCED_S = 0.2

# Display scales: engine value -> how many things to draw.
GLUCOSE_PER_MMOL_L = 14.0
GLUCOSE_MAX = 420
INSULIN_PER_SQRT_UU_ML = 6.0
INSULIN_MAX = 70
CYTOKINES_PER_AU = 40.0
ENTRIES_PER_UPTAKE = 3.0  # glucose particles entering per second per mg/kg/min
RECEPTOR_SLOTS = 28
GLUT4_TOTAL = 24
BOUND_DISPLAY_GAIN = 4.0  # a meal binds a few % of receptors; scaled so it can be seen
INSIDE_MAX = {"inflammation": 16, "ros": 30, "er_stress": 18, "lipotoxic": 24}

VALUE_KEYS = (
    "blood_glucose_mmol_l", "insulin_uu_ml", "cytokines_au", "receptors_frac", "receptor_bound_rel",
    "receptor_free_rel", "signaling_active_frac", "signaling_proteins_frac", "glut4_membrane_frac",
    "energy_frac", "glycogen_frac", "fat_store_rel", "lipotoxic_frac", "inflammation_frac",
    "oxidative_stress_frac", "mito_health_frac", "er_stress_frac",
)

NUCLEUS = (0.27, 0.02, 0.24)
MITO = ((-0.47, -0.22), (-0.22, -0.5), (0.08, -0.58), (-0.58, 0.14), (-0.36, 0.44), (-0.02, 0.56), (0.42, 0.48))
FAT = ((0.6, -0.28), (0.36, -0.5), (0.66, 0.12), (0.2, 0.4))
GLYCOGEN = ((-0.12, 0.05), (-0.3, -0.02), (-0.18, 0.25), (0.05, 0.3), (-0.05, -0.25), (-0.4, 0.26),
            (-0.32, -0.3), (0.12, -0.32), (-0.6, -0.08), (0.0, 0.12), (-0.22, 0.62), (0.18, 0.62))


def starving_look(energy_frac: float) -> float:
    """How fed the cytoplasm looks, 0 (starving) to 1 (fed), from the cell's energy: fully fed from
    the engine's normal range up, fully starving a little below its starving mark, so the change a
    player must notice (crossing the mark) is most of the colour change."""
    lo = STARVING_ENERGY_FRAC - 0.1
    hi = BY_NAME["energy_frac"].normal[0]
    return min(max((energy_frac - lo) / (hi - lo), 0.0), 1.0)


def ease(t: float) -> float:
    t = min(max(t, 0.0), 1.0)
    return t * t * (3 - 2 * t)
