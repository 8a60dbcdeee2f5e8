"""Re-derive the stored presets by running the model, and rewrite ``sim/data/presets.toml``.

``healthy`` is the steady state of a reference adult on three mixed meals a day. The other
presets are reached from it by living with the model (see ``RECIPES``). Run:
``python -m sim.tools.make_presets [--check]``. Must not import pygame.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sim.engine import Simulation
from sim.model.parameters import Parameters
from sim.state import NAMES, State

SEED_STATE: dict[str, float] = dict(
    stomach_solid_mg=0, stomach_liquid_mg=0, gut_carb_mg=0, stomach_fat_g=0, stomach_fibre_g=0,
    stomach_protein_g=0, glucose_mmol_l=4.9, insulin_uu_ml=5, insulin_tissue_uu_ml=5,
    insulin_liver_uu_ml=5, ffa_mmol_l=0.5, cytokines_au=0, beta_cell_mass_rel=1,
    liver_glycogen_g=60, adipose_kg=15, receptor_free_rel=0.96, receptor_bound_rel=0.01,
    receptor_internal_rel=0.025, signaling_active_frac=0.07, signaling_proteins_frac=1,
    glut4_membrane_frac=0.07, energy_frac=1, glycogen_frac=0.6, fat_store_rel=1, lipotoxic_frac=0.0,
    inflammation_frac=0, oxidative_stress_frac=0.02, mito_health_frac=0.95, er_stress_frac=0.02,
    exercise_memory_frac=0,
)

PRESET_TEXT = {
    "healthy": ("Healthy", "A healthy adult on three mixed meals a day."),
}


def settle(params: Parameters, start: dict[str, float], days: int, diet: str = "standard") -> State:
    state = State.from_values({**{k: 0.0 for k in NAMES}, **start}, 1)
    sim = Simulation(params, state, turn_min=1440.0)
    sim.schedule_diet(diet, days)
    for _ in range(days):
        sim.advance()
    return sim.state


def derive() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    healthy = settle(Parameters.default(), SEED_STATE, 30)
    out["healthy"] = {"knobs": {}, "state": healthy.column(0)}
    return out


def render(presets: dict[str, dict[str, Any]]) -> str:
    lines = ["# Written by `python -m sim.tools.make_presets`; do not edit by hand.", ""]
    for name, d in presets.items():
        title, desc = PRESET_TEXT[name]
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
