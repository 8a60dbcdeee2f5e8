"""The five compounding factors: each alone lowers insulin-stimulated uptake through its targets,
two together lower it more, and taking a factor away lets uptake recover.

Subjects live side by side as columns of one population; each column has its own imposed levels
(the lab's ``--set imposed_inflammation=…`` etc.), then a hyperinsulinaemic clamp measures the cell's uptake.
"""

import numpy as np
import pytest

from sim.engine import Simulation
from sim.report import TurnAccumulator

LEVEL = 0.5
COLUMNS = ("none", "inflammation", "oxidative_stress", "er_stress", "lipotoxicity", "inflammation+lipotoxicity", "mito")
KNOB = {"inflammation": "imposed_inflammation", "oxidative_stress": "imposed_oxidative_stress",
        "er_stress": "imposed_er_stress", "lipotoxicity": "imposed_lipotoxicity"}


def levels(on=True):
    out = {k: np.zeros(len(COLUMNS)) for k in KNOB.values()}
    for i, name in enumerate(COLUMNS):
        for part in name.split("+"):
            if part in KNOB and on:
                out[KNOB[part]][i] = LEVEL
    mito = np.ones(len(COLUMNS))
    mito[COLUMNS.index("mito")] = 0.5 if on else 1.0
    return {**out, "mito_capacity": mito}


def clamp_uptake(sim, minutes=240.0):
    """Insulin 100 µU/mL, glucose 5 mmol/L; the cell's uptake over the last 30 min (mg/kg/min)."""
    t0 = sim.state.time_min
    sim.hold_inputs(clamp_glucose_mmol_l=5.0, clamp_insulin_uu_ml=100.0)
    sim.run_until(t0 + minutes - 30.0)
    acc = TurnAccumulator(sim.state.n)
    sim.run_until(t0 + minutes, acc)
    sim.hold_inputs(clamp_glucose_mmol_l=0.0, clamp_insulin_uu_ml=0.0)
    return acc.means()["mean_cell_uptake_mg_kg_min"]


@pytest.fixture(scope="module")
def lived():
    sim = Simulation.from_preset("healthy", n=len(COLUMNS), turn_min=1440.0)
    sim.set_params(sim.params.evolve(**levels(True)))
    sim.schedule_diet("standard", 1)
    sim.run_until(1440.0)  # a day with the factors imposed
    state = sim.state.copy()
    impaired = clamp_uptake(sim)
    # Take the factors away and live two more days, then clamp again.
    sim.set_params(sim.params.evolve(**levels(False)))
    sim.schedule_diet("standard", 2, start_min=2880.0)
    sim.run_until(2880.0 + 2 * 1440.0)
    recovered = clamp_uptake(sim)
    return state, impaired, recovered


def col(name):
    return COLUMNS.index(name)


@pytest.mark.parametrize("factor", ["inflammation", "oxidative_stress", "er_stress", "lipotoxicity", "mito"])
def test_each_factor_alone_lowers_insulin_stimulated_uptake(lived, factor):
    """Inflammation (Hotamisligil 1993; Hirosumi 2002), ROS (Houstis 2006 Nature 440:944), ER stress
    (Ozcan 2004), lipid intermediates (Itani 2002) and mitochondrial dysfunction (Petersen 2004)
    each reduce insulin-stimulated glucose uptake."""
    _, impaired, _ = lived
    assert impaired[col(factor)] < 0.95 * impaired[col("none")]


def test_each_factor_acts_through_its_named_targets(lived):
    """Inflammation → receptors and signaling; ROS → signaling proteins and receptors; ER stress and
    lipotoxic intermediates → signaling; mitochondrial dysfunction → more ROS (the article's loops)."""
    s, _, _ = lived
    a = s.arrays
    none = col("none")
    assert a["inflammation_frac"][col("inflammation")] > 0.4
    assert a["signaling_proteins_frac"][col("oxidative_stress")] < a["signaling_proteins_frac"][none] - 0.02
    surface = a["receptor_free_rel"] + a["receptor_bound_rel"]
    assert surface[col("oxidative_stress")] < surface[none] - 0.02
    assert a["er_stress_frac"][col("er_stress")] > 0.4
    assert a["lipotoxic_frac"][col("lipotoxicity")] > 0.4
    assert a["oxidative_stress_frac"][col("mito")] > 2 * a["oxidative_stress_frac"][none]


def test_two_factors_together_lower_uptake_more_than_either_alone(lived):
    """Compounding: the article's factors add up ("significantly worsened by various compounding
    factors")."""
    _, impaired, _ = lived
    both = impaired[col("inflammation+lipotoxicity")]
    assert both < impaired[col("inflammation")]
    assert both < impaired[col("lipotoxicity")]


@pytest.mark.parametrize("factor", ["inflammation", "oxidative_stress", "er_stress", "lipotoxicity", "inflammation+lipotoxicity", "mito"])
def test_removing_a_factor_lets_uptake_recover(lived, factor):
    """Insulin sensitivity recovers when the insult is removed (e.g. lipid infusion: Boden 1994;
    anti-inflammatory treatment: Yuan 2001)."""
    _, impaired, recovered = lived
    assert recovered[col(factor)] > impaired[col(factor)]
    assert recovered[col(factor)] > 0.85 * recovered[col("none")]
