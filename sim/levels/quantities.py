"""What a level's goals and failure conditions can measure, by name, in plain words.

A quantity is read either from a turn's statistics (means and extremes *during* the turn, from
``TurnReport.stats``) or from the state at the end of the turn (``TurnReport.snapshot``). Every
function here works on length-N arrays, so goals are checked for a whole population at once
(the ``search`` bot relies on that). Must not import pygame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import numpy as np

from sim.state import BY_NAME, Array

if TYPE_CHECKING:
    from sim.report import TurnReport


@attrs.frozen
class Quantity:
    name: str
    source: str  # "stats" or "snapshot"
    key: str
    words: str  # plain words, used in generated goal texts
    unit: str  # "%" means a 0–1 fraction shown as a percentage
    # The values it can physically take (``GoalTracker.lost`` proves goals out of reach with them):
    # a state variable's integrator bounds, or for a derived rate or ratio just ≥ 0.
    bounds: tuple[float, float] = (0.0, float("inf"))


def of(variable: str) -> tuple[float, float]:
    """The bounds the integrator keeps state variable ``variable`` within (``sim/state.py``)."""
    return BY_NAME[variable].bounds


QUANTITIES: dict[str, Quantity] = {
    q.name: q
    for q in (
        Quantity("glucose_peak", "stats", "max_glucose_mmol_l", "blood glucose peaks", "mmol/L", of("glucose_mmol_l")),
        Quantity("glucose_mean", "stats", "mean_glucose_mmol_l", "average blood glucose", "mmol/L", of("glucose_mmol_l")),
        Quantity("glucose_low", "stats", "min_glucose_mmol_l", "blood glucose dips", "mmol/L", of("glucose_mmol_l")),
        Quantity("insulin_mean", "stats", "mean_insulin_uu_ml", "average blood insulin", "µU/mL", of("insulin_uu_ml")),
        Quantity("energy_low", "stats", "min_cell_energy_frac", "the cell's energy, even at its lowest,", "%", of("energy_frac")),
        Quantity("energy_mean", "stats", "mean_cell_energy_frac", "the cell's average energy", "%", of("energy_frac")),
        Quantity("uptake_mean", "stats", "mean_cell_uptake_mg_kg_min", "glucose entering the cell", "mg/kg/min"),
        Quantity("signal_health_mean", "stats", "mean_signaling_health", "the strength of insulin signaling", "%"),
        Quantity("glucose", "snapshot", "blood_glucose_mmol_l", "blood glucose", "mmol/L", of("glucose_mmol_l")),
        Quantity("insulin", "snapshot", "blood_insulin_uu_ml", "blood insulin", "µU/mL", of("insulin_uu_ml")),
        Quantity("energy", "snapshot", "cell_energy_frac", "the cell's energy", "%", of("energy_frac")),
        Quantity("receptors", "snapshot", "receptors_frac", "insulin receptors on the cell surface", "%"),
        Quantity("signal", "snapshot", "signaling_active_frac", "the active insulin signal inside the cell", "%", of("signaling_active_frac")),
        Quantity("signaling_proteins", "snapshot", "signaling_proteins_frac", "intact signaling proteins", "%", of("signaling_proteins_frac")),
        Quantity("glut4", "snapshot", "glut4_membrane_frac", "GLUT4 transporters at the membrane", "%", of("glut4_membrane_frac")),
        Quantity("glycogen", "snapshot", "glycogen_frac", "the cell's glycogen store", "%", of("glycogen_frac")),
        Quantity("fat_store", "snapshot", "fat_store_rel", "fat droplets in the cell (× normal)", "×", of("fat_store_rel")),
        Quantity("inflammation", "snapshot", "inflammation_frac", "inflammation in the cell", "%", of("inflammation_frac")),
        Quantity("oxidative_stress", "snapshot", "oxidative_stress_frac", "oxidative stress (ROS)", "%", of("oxidative_stress_frac")),
        Quantity("mito_health", "snapshot", "mito_health_frac", "working mitochondria", "%", of("mito_health_frac")),
        Quantity("lipotoxic", "snapshot", "lipotoxic_frac", "lipotoxic fat intermediates", "%", of("lipotoxic_frac")),
        Quantity("er_stress", "snapshot", "er_stress_frac", "ER stress", "%", of("er_stress_frac")),
        Quantity("beta_cells", "snapshot", "beta_cell_mass_rel", "the pancreas's insulin capacity (× normal)", "×", of("beta_cell_mass_rel")),
        Quantity("homa_ir", "snapshot", "homa_ir", "HOMA-IR (glucose × insulin / 22.5)", ""),
    )
}


def read(report: TurnReport, name: str) -> Array:
    """The quantity ``name`` for every column of ``report`` (a length-N float array)."""
    q = QUANTITIES[name]
    src = report.stats if q.source == "stats" else report.snapshot.values
    return np.asarray(src[q.key], dtype=np.float64)


def show(name: str, value: float) -> str:
    """A value in the quantity's display unit: 0.62 energy → '62%'; 7.8 glucose → '7.8 mmol/L'."""
    unit = QUANTITIES[name].unit
    if unit == "%":
        return f"{100 * value:.0f}%"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:.1f} {unit}".strip()
