"""External drives of the model between two events: exercise, stressors, player choices.

The engine holds these piecewise constant (they change only at events), so an event splits
the integration exactly where a drive changes. Values are floats or length-N arrays.
Must not import pygame.
"""

from __future__ import annotations

from typing import Any

import attrs

# Names a level's actions and stressors may drive, with what each means. "src" inputs are
# rates added to a factor's own sources; the 0–1 inputs are intensities.
INPUT_DOCS: dict[str, str] = {
    "exercise": "exercise intensity, 0 (none) to 1 (hard workout)",
    "rest": "sleep or rest, 0–1: lowers the cell's ATP demand by up to 10%",
    "cytokine_src": "extra cytokines entering the blood (infection, injury), per min",
    "ros_src": "extra reactive oxygen species (smoking, pollution, poor sleep), per min",
    "mito_src": "extra mitochondrial damage (toxins, inactivity), per min",
    "er_src": "extra load on the endoplasmic reticulum, per min",
    "ffa_src": "extra free fatty acids entering the blood (lipid infusion, stress hormones), mmol/L/min",
    "anti_inflammatory": "anti-inflammatory choice, 0–1",
    "antioxidant": "antioxidant-rich choice, 0–1",
    "metformin": "metformin effect, 0–1",
    "clamp_glucose_mmol_l": "glucose held here by a variable infusion (0 = no clamp)",
    "clamp_insulin_uu_ml": "insulin held here by an infusion (0 = no clamp)",
    "iv_glucose_mg_kg_min": "glucose infused into a vein, mg/kg/min (IV glucose tolerance test)",
}


@attrs.frozen
class Inputs:
    exercise: Any = 0.0
    rest: Any = 0.0
    cytokine_src: Any = 0.0
    ros_src: Any = 0.0
    mito_src: Any = 0.0
    er_src: Any = 0.0
    ffa_src: Any = 0.0
    anti_inflammatory: Any = 0.0
    antioxidant: Any = 0.0
    metformin: Any = 0.0
    clamp_glucose_mmol_l: Any = 0.0
    clamp_insulin_uu_ml: Any = 0.0
    iv_glucose_mg_kg_min: Any = 0.0


INPUT_NAMES: tuple[str, ...] = tuple(f.name for f in attrs.fields(Inputs))
assert set(INPUT_NAMES) == set(INPUT_DOCS)
