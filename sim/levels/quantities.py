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

from sim.state import Array

if TYPE_CHECKING:
    from sim.report import TurnReport


@attrs.frozen
class Quantity:
    name: str
    source: str  # "stats" or "snapshot"
    key: str
    words: str  # plain words, used in generated goal texts
    unit: str  # "%" means a 0–1 fraction shown as a percentage


QUANTITIES: dict[str, Quantity] = {
    q.name: q
    for q in (
        Quantity("glucose_peak", "stats", "max_glucose_mmol_l", "blood glucose peaks", "mmol/L"),
        Quantity("glucose_mean", "stats", "mean_glucose_mmol_l", "average blood glucose", "mmol/L"),
        Quantity("glucose_low", "stats", "min_glucose_mmol_l", "blood glucose dips", "mmol/L"),
        Quantity("insulin_mean", "stats", "mean_insulin_uu_ml", "average blood insulin", "µU/mL"),
        Quantity("energy_low", "stats", "min_cell_energy_frac", "the cell's energy, even at its lowest,", "%"),
        Quantity("energy_mean", "stats", "mean_cell_energy_frac", "the cell's average energy", "%"),
        Quantity("uptake_mean", "stats", "mean_cell_uptake_mg_kg_min", "glucose entering the cell", "mg/kg/min"),
        Quantity("signal_health_mean", "stats", "mean_signaling_health", "the strength of insulin signaling", "%"),
        Quantity("glucose", "snapshot", "blood_glucose_mmol_l", "blood glucose", "mmol/L"),
        Quantity("insulin", "snapshot", "blood_insulin_uu_ml", "blood insulin", "µU/mL"),
        Quantity("energy", "snapshot", "cell_energy_frac", "the cell's energy", "%"),
        Quantity("receptors", "snapshot", "receptors_frac", "insulin receptors on the cell surface", "%"),
        Quantity("signal", "snapshot", "signaling_active_frac", "the active insulin signal inside the cell", "%"),
        Quantity("signaling_proteins", "snapshot", "signaling_proteins_frac", "intact signaling proteins", "%"),
        Quantity("glut4", "snapshot", "glut4_membrane_frac", "GLUT4 transporters at the membrane", "%"),
        Quantity("glycogen", "snapshot", "glycogen_frac", "the cell's glycogen store", "%"),
        Quantity("fat_store", "snapshot", "fat_store_rel", "fat droplets in the cell (× normal)", "×"),
        Quantity("inflammation", "snapshot", "inflammation_frac", "inflammation in the cell", "%"),
        Quantity("oxidative_stress", "snapshot", "oxidative_stress_frac", "oxidative stress (ROS)", "%"),
        Quantity("mito_health", "snapshot", "mito_health_frac", "working mitochondria", "%"),
        Quantity("lipotoxic", "snapshot", "lipotoxic_frac", "lipotoxic fat intermediates", "%"),
        Quantity("er_stress", "snapshot", "er_stress_frac", "ER stress", "%"),
        Quantity("beta_cells", "snapshot", "beta_cell_mass_rel", "the pancreas's insulin capacity (× normal)", "×"),
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
