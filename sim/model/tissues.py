"""The body runs on its own tissues, whatever cell a level shows.

Blood glucose, insulin and fatty acids are set by the whole body: skeletal muscle (most of
insulin-stimulated glucose disposal, DeFronzo 1981), adipose tissue, liver, brain and kidney.
``step`` (model/step.py) simulates these with *one representative muscle cell* standing for the
body's muscle. When a level or a lab protocol shows a fat or liver cell, that cell is a *view*: it
lives in the same blood but does not drive it. So the same subject has the same clamp M-value,
OGTT and day of glucose whichever cell is on screen.

How: the engine runs ``step`` twice per step when the shown cell is not muscle — once on the
hidden muscle cell with the muscle's parameters (its body results are kept), once on the shown
cell with its own parameters (only its cell results are kept). Both read the same start-of-step
body, so the split is exact. When the shown cell is muscle, one ``step`` does both, as before.
Must not import pygame.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from sim.model.parameters import Parameters, specs
from sim.model.step import step
from sim.state import CELL_NAMES

# Fluxes that belong to the body (blood, pancreas, liver); every other flux belongs to the cell.
BODY_FLUXES = ("secretion_uu_ml_min", "periph_uptake_mg_kg_min", "egp_mg_kg_min", "infusion_mg_kg_min")


def shows_other_cell(params: Parameters) -> bool:
    return params.cell_type != "muscle"


def body_parameters(params: Parameters) -> Parameters:
    """The same subject (knobs, population arrays) with a muscle cell's own parameters."""
    muscle = Parameters.default("muscle").values
    overridden = set(specs()[f"cell_types.{params.cell_type}"])
    return Parameters("muscle", {k: (muscle[k] if k in overridden else v) for k, v in params.values.items()})


def split_step(cur: dict[str, Any], hidden: dict[str, Any], p_view: Any, p_body: Any,
               u: Any, dt: float, account: bool) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """One step with a shown cell that is not the body's muscle. Returns (state, hidden, fluxes)."""
    body, f_body = step(SimpleNamespace(**{**cur, **hidden}), p_body, u, dt, False)
    view, f_view = step(SimpleNamespace(**cur), p_view, u, dt, account)
    new = {**body, **{k: view[k] for k in CELL_NAMES}}
    fluxes = {**f_view, **{k: f_body[k] for k in BODY_FLUXES}}
    return new, {k: body[k] for k in CELL_NAMES}, fluxes
