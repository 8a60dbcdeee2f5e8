"""The body runs on its own tissues: the cell on screen is a view, not what sets the blood.

Skeletal muscle takes up most of the glucose insulin disposes of (≈ 75–80 % in a clamp, DeFronzo
1981, Diabetes 30:1000); adipose tissue, the liver, the brain and the kidney do the rest. A level
or a lab protocol may *show* a fat or a liver cell, but the subject's blood glucose, insulin,
fatty acids, clamp M-value and OGTT must be those of the same body (sim/model/tissues.py).
"""

from types import SimpleNamespace

import numpy as np
import pytest

from sim.engine import Simulation
from sim.events import Action
from sim.lab.protocols import LabRequest, clamp, dose_response, ogtt
from sim.levels.columns import ColumnSimulation
from sim.model.glucose import glycogen_brake
from sim.model.inputs import Inputs
from sim.model.metabolism import metabolism_step
from sim.state import CELL_NAMES, NAMES

BODY = tuple(n for n in NAMES if n not in CELL_NAMES)


def _day(cell: str, preset: str = "resistant", cls: type[Simulation] = Simulation, n: int = 1) -> Simulation:
    sim = cls.from_preset(preset, seed=1, cell_type=cell, n=n)
    sim.schedule_diet("standard", 1)
    sim.schedule(sim.stressor_event("infection", 600.0))
    for t in range(24):
        sim.advance([Action("walk")] if t == 9 else [])
    return sim


@pytest.mark.parametrize("cell", ["fat", "liver"])
def test_body_is_the_same_whichever_cell_is_shown(cell):
    """A day of meals, a walk and an infection: every body variable equal bit for bit."""
    muscle, other = _day("muscle"), _day(cell)
    differ = [k for k in BODY if not np.array_equal(muscle.state.arrays[k], other.state.arrays[k])]
    assert differ == []
    # ... while the cell on show is its own: a fat cell's glycogen is not a muscle cell's.
    assert not np.array_equal(muscle.state.arrays["glycogen_frac"], other.state.arrays["glycogen_frac"])


@pytest.mark.parametrize("cell", ["fat", "liver"])
def test_clamp_and_ogtt_do_not_depend_on_the_cell_shown(cell):
    """Clamp M-value (DeFronzo 1979) and OGTT glucose (ADA) are properties of the subject."""
    for protocol, key in ((clamp, "m_value_mg_kg_min"), (ogtt, "glucose_2h_mmol_l")):
        base = protocol(LabRequest(preset="type2")).summary[key]
        assert protocol(LabRequest(preset="type2", cell=cell)).summary[key] == base


def _ec50(cell: str, **settings: float) -> tuple[float, float]:
    s = dose_response(LabRequest(preset="healthy", cell=cell, settings=settings)).summary
    return s["ec50_uu_ml"], s["vmax"]


def test_fat_cells_are_at_least_as_insulin_sensitive_as_muscle():
    """Adipocytes respond to less insulin than muscle (Kono & Barham 1971: spare receptors in fat
    cells; lipolysis half-suppressed at 10–20 µU/mL, Jensen 1989) — the muscle's uptake EC50 is
    ≈ 50 µU/mL (Rizza 1981)."""
    fat, _ = _ec50("fat")
    muscle, _ = _ec50("muscle")
    assert 35.0 <= muscle <= 70.0
    assert fat <= muscle


def _uptake(cell: str, membrane: float, active: float) -> float:
    sim = Simulation.from_preset("healthy", cell_type=cell)
    s = SimpleNamespace(**sim.state.column(0))
    brake = glycogen_brake(s.glycogen_frac, sim._p)
    return metabolism_step(s, sim._p, Inputs(), 1.0, 5.0, membrane, brake, active, 1.0, 0.0).uptake_mg_kg_min


def test_liver_cells_take_up_glucose_without_glut4():
    """Hepatocytes carry glucose on GLUT2 (Thorens 1988) and insulin acts on them through
    glucokinase (Iynedjian 1989): GLUT4 at the membrane changes nothing in a liver cell, while it
    is most of a muscle cell's insulin-stimulated uptake; the insulin signal still raises both."""
    assert _uptake("liver", 0.4, 0.5) == _uptake("liver", 0.0, 0.5)
    assert _uptake("liver", 0.0, 0.5) > 1.5 * _uptake("liver", 0.0, 0.0)
    assert _uptake("muscle", 0.4, 0.5) > 3.0 * _uptake("muscle", 0.0, 0.5)


def test_a_hidden_muscle_is_saved_and_restored_bit_for_bit():
    sim = _day("fat")
    twin = Simulation.restore(sim.save())
    assert twin.state.digest() == sim.state.digest()
    for s in (sim, twin):
        s.advance([Action("walk")])
    assert twin.state.digest() == sim.state.digest()


def test_a_population_of_fat_views_matches_its_single_subjects():
    """Columns never interact, the hidden muscle included (a bot's look-ahead copies columns)."""
    one = _day("fat")
    many = _day("fat", cls=ColumnSimulation, n=3)
    picked = many.take([2, 0])
    for k in NAMES:
        assert picked.state.arrays[k][0] == pytest.approx(one.state.arrays[k][0], rel=1e-12, abs=1e-15)
    assert picked.state.tissue is not None
    assert picked.state.tissue["energy_frac"][1] == pytest.approx(one.state.tissue["energy_frac"][0], rel=1e-12)
