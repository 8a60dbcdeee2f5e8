"""Re-derive the stored presets by running the model, and rewrite ``sim/data/presets.toml``.

``healthy`` is the steady state of a reference adult on three mixed meals a day (``SEED_STATE``
settled for ``HEALTHY_DAYS``). Every other preset is reached from ``healthy`` by *living* with the
model, phase after phase (``RECIPES``): months of a daily snack on top of the meals (an energy
surplus of ≈ 600 kcal/day) without exercise; knob changes stand for what the model does not grow by
itself — deconditioned mitochondria from inactivity, an inherited susceptibility of the β-cells to
glucolipotoxicity (type 2 then arises from the surplus by the model's own β-cell dynamics). The
athlete's extra mitochondria and GLUT4 are grown by its three months of training (state
variables ``mito_content_rel`` and ``glut4_content_rel``). The engine runs whole days per turn at dt = 1 min, so
a derivation of all presets takes about half a minute. Run:
``python -m sim.tools.make_presets [--out FILE]``. Must not import pygame.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import attrs

from sim.engine import Simulation
from sim.events import effect, meal
from sim.model.parameters import Parameters
from sim.state import NAMES, State

SEED_STATE: dict[str, float] = dict(
    stomach_solid_mg=0, stomach_liquid_mg=0, gut_carb_mg=0, stomach_fat_g=0, stomach_fibre_g=0,
    stomach_protein_g=0, glucose_mmol_l=4.9, insulin_uu_ml=5, insulin_tissue_uu_ml=5,
    insulin_liver_uu_ml=5, glucagon_pg_ml=75, ffa_mmol_l=0.45, cytokines_au=0, beta_cell_mass_rel=1,
    beta_cell_function_rel=1, beta_cell_pool_rel=1,
    liver_glycogen_g=60, liver_fat_pct=2, adipose_kg=15, protein_pool_g=40, receptor_free_rel=0.96, receptor_bound_rel=0.01,
    receptor_internal_rel=0.03, signaling_active_frac=0.03, signaling_proteins_frac=1,
    glut4_membrane_frac=0.03, energy_frac=1, glycogen_frac=0.45, fat_store_rel=1, lipotoxic_frac=0.06,
    pkc_active_frac=0.06, inflammation_frac=0, oxidative_stress_frac=0.012, mito_health_frac=0.98, er_stress_frac=0.035,
    exercise_memory_frac=0, mito_content_rel=1, glut4_content_rel=1,
)
HEALTHY_DAYS = 40


@attrs.frozen
class Phase:
    """Days lived with these knobs (merged into the preset's), a daily snack and daily exercise."""

    days: int
    knobs: dict[str, float] = attrs.field(factory=dict)
    snack_carb_g: float = 0.0
    snack_fat_g: float = 0.0
    exercise: float = 0.0  # intensity of a daily 45-min workout at 18:00


SNACK = {"snack_carb_g": 70.0, "snack_fat_g": 35.0}  # ≈ 600 kcal at 16:00 (with 10 g protein)
# × normal rate of β-cell harm by glucolipotoxicity (knob beta_cell_susceptibility): chosen so that
# type 2 ends with ≈ 53 % less β-cell mass than the resistant preset (Butler 2003: −41 to −63 %) and
# the resistant recipe, lived for a year, ends in type 2 diabetes; with 1 it stays compensated. The
# end state is bistable in it (model v5, with TYPE2_GLUT4: 2.5 → −26 %, 2.55 → −53 %, 2.6 → −60 %,
# 3.0 → −73 %, at the β-mass floor).
TYPE2_SUSCEPTIBILITY = 2.55
# × normal GLUT4 (knob glut4_pool) of the type-2 subject's muscle: type 2 diabetic muscle has fewer
# slow-twitch fibres and less GLUT4 in them, so its GLUT4 falls to ≈ 61 % of lean against ≈ 77 % in
# equally obese non-diabetic muscle (Gaster 2001, Diabetes 50:1324): 0.61 / 0.77 ≈ 0.8. The model
# does not grow fibre type, so the recipe sets it, as it sets the deconditioned mitochondria.
TYPE2_GLUT4 = 0.8

RECIPES: dict[str, tuple[str, str, tuple[Phase, ...]]] = {
    "resistant": (
        "Insulin resistant",
        "Five months of a 600-kcal daily surplus and no exercise: fatter, inflamed, fat-laden muscle; "
        "the pancreas keeps glucose near normal by secreting much more insulin.",
        (Phase(150, {"mito_capacity": 0.7}, **SNACK),),
    ),
    "type2": (
        "Type 2 diabetes",
        "The resistant recipe lived for a year by someone whose β-cells are more easily harmed by "
        "glucose and fat (an inherited susceptibility) and whose muscle has fewer GLUT4-rich slow fibres: the pancreas compensates for months, then "
        "glucolipotoxicity wears β-cell function and mass down and glucose rises.",
        (Phase(150, {"mito_capacity": 0.7, "glut4_pool": TYPE2_GLUT4,
                     "beta_cell_susceptibility": TYPE2_SUSCEPTIBILITY}, **SNACK),
         Phase(210, **SNACK)),
    ),
    "athlete": (
        "Athlete",
        "Three months of a daily hard workout with enough food to match: more mitochondria and GLUT4, "
        "very sensitive to insulin.",
        (Phase(90, snack_carb_g=50.0, snack_fat_g=5.0, exercise=0.8),),
    ),
}

PRESET_TEXT = {"healthy": ("Healthy", "A healthy adult on three mixed meals a day.")}


def _state(values: dict[str, float]) -> State:
    return State.from_values({**dict.fromkeys(NAMES, 0.0), **values}, 1)


def live(params: Parameters, start: dict[str, float], phase: Phase, day0: int = 0,
         dt_min: float = 1.0) -> dict[str, float]:
    """Live ``phase.days`` days on the standard diet (plus snack and exercise) from ``start``
    (``dt_min`` > 1 only for studies of months to years where a coarser step is checked to agree)."""
    sim = Simulation(params, _state(start), turn_min=1440.0, dt_min=dt_min)
    sim.schedule_diet("standard", phase.days)
    for d in range(phase.days):
        if phase.snack_carb_g or phase.snack_fat_g:
            sim.schedule(meal(d * 1440.0 + 960.0, phase.snack_carb_g, phase.snack_fat_g, 10.0, 2.0, label="snack"))
        if phase.exercise:
            sim.schedule(effect(d * 1440.0 + 1080.0, {"exercise": phase.exercise}, 45.0, "workout", source="action"))
    sim.run_until(phase.days * 1440.0)
    return sim.state.column(0)


def derive(names: tuple[str, ...] | None = None) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    healthy = live(Parameters.default(), SEED_STATE, Phase(HEALTHY_DAYS))
    out["healthy"] = {"knobs": {}, "state": healthy}
    for name, (_title, _desc, phases) in RECIPES.items():
        if names is not None and name not in names:
            continue
        knobs: dict[str, float] = {}
        state = healthy
        for ph in phases:
            knobs = {**knobs, **ph.knobs}
            state = live(Parameters.default().evolve(**knobs), state, ph)
        out[name] = {"knobs": knobs, "state": state}
    return out


def render(presets: dict[str, dict[str, Any]]) -> str:
    lines = ["# Written by `python -m sim.tools.make_presets`; do not edit by hand.", ""]
    texts = {**PRESET_TEXT, **{k: (t, d) for k, (t, d, _) in RECIPES.items()}}
    for name, d in presets.items():
        title, desc = texts[name]
        lines += [f"[{name}]", f'title = "{title}"', f'description = "{desc}"', 'cell_type = "muscle"']
        lines.append("knobs = { " + ", ".join(f"{k} = {v!r}" for k, v in d["knobs"].items()) + " }")
        lines.append(f"[{name}.state]")
        lines += [f"{k} = {v!r}" for k, v in d["state"].items() if not k.startswith("acc_")]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sim.tools.make_presets", description=__doc__)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "presets.toml")
    args = ap.parse_args(argv)
    args.out.write_text(render(derive()), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
