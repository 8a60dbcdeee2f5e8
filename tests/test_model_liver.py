"""The liver: liver fat, its hepatic insulin resistance, glucagon, and remission by weight loss.

Each test builds its subject from a preset (derived by living with the model) and measures it the
way the cited study did: overnight fast, euglycaemic clamp, oral glucose, weeks of smaller meals.
"""

from __future__ import annotations

from typing import Any

import pytest

from sim.engine import Simulation
from sim.lab.protocols import FAST_END_MIN, fast_then_clamp
from sim.model import step as step_module
from sim.model.liverfat import hepatic_sensitivity
from sim.model.parameters import Parameters
from sim.state import State

NAFLD_PCT = 5.56  # Szczepaniak 2005: 95th percentile of liver fat in low-risk adults


def _liver_fat(sim: Simulation) -> float:
    return float(sim.state.liver_fat_pct[0])


def test_healthy_liver_fat_is_normal():
    """Lean healthy adults hold ≈ 1.5–3 % liver fat, and < 5.56 % is normal (Szczepaniak 2005;
    Seppälä-Lindroos 2002: 1.7 % in the low-liver-fat group)."""
    fat = _liver_fat(Simulation.from_preset("healthy"))
    assert 1.0 <= fat <= 3.5


def test_energy_surplus_makes_the_liver_fatty():
    """Five months of a 600-kcal daily surplus end with non-alcoholic fatty liver (> 5.56 %,
    Szczepaniak 2005); type 2 diabetes carries ≈ 10–20 % (Lim 2011: 12.8 %; Petersen 2005)."""
    assert _liver_fat(Simulation.from_preset("resistant")) > NAFLD_PCT
    assert 10.0 <= _liver_fat(Simulation.from_preset("type2")) <= 22.0


def test_type2_liver_fat_sources_match_donnelly():
    """In NAFLD ≈ 59 ± 10 % of liver triglyceride comes from plasma fatty acids, 26 ± 7 % from de
    novo lipogenesis and 15 ± 7 % from the diet (Donnelly 2005, multiple stable-isotope labelling)."""
    sums = dict.fromkeys(("from_ffa", "from_dnl", "from_diet"), 0.0)
    orig = step_module.liver_fat_step

    def recording(s: Any, p: Any, dt: float, *args: Any) -> Any:
        out = orig(s, p, dt, *args)
        for k in sums:
            sums[k] += dt * float(getattr(out, k))
        return out

    sim = Simulation.from_preset("type2", turn_min=1440.0)
    sim.schedule_diet("standard", 1.0)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(step_module, "liver_fat_step", recording)
        sim.run_until(1440.0)
    total = sum(sums.values())
    assert 0.45 <= sums["from_ffa"] / total <= 0.75
    assert 0.15 <= sums["from_dnl"] / total <= 0.35
    assert 0.03 <= sums["from_diet"] / total <= 0.25


def test_hepatic_insulin_sensitivity_falls_with_liver_fat():
    """Liver fat makes the liver resistant to insulin (Seppälä-Lindroos 2002: 10.5 % vs 1.7 % liver
    fat, impaired suppression of glucose production; Samuel 2004: DAG → PKCε)."""
    p = Parameters.default().namespace()
    values = [hepatic_sensitivity(f, p) for f in (1.7, 5.0, 10.5, 15.0)]
    assert values == sorted(values, reverse=True)
    assert values[2] <= 0.5 * values[0]


def test_fatty_liver_suppresses_egp_less_in_a_clamp():
    """The same healthy subject with 10.5 % instead of normal liver fat: insulin suppresses its glucose
    production less (Seppälä-Lindroos 2002, euglycaemic clamp; Lim 2011: 43 % suppression at 12.8 %
    liver fat vs 68 % in controls)."""
    normal = fast_then_clamp(Simulation.from_preset("healthy", turn_min=1440.0))
    sim = Simulation.from_preset("healthy", turn_min=1440.0)
    sim.state.arrays["liver_fat_pct"][:] = 10.5
    fatty = fast_then_clamp(sim)
    assert fatty["suppression"] < normal["suppression"] - 0.1
    assert fatty["egp_clamp"] > 2.0 * normal["egp_clamp"]


def test_clamp_suppresses_egp_80_to_90_percent_when_healthy_less_in_type2():
    """Basal EGP ≈ 1.8–2.2 mg/kg/min (the model's fasting disposal sets ≈ 1.75) and ≈ 85–95 %
    suppressed by 100 µU/mL insulin when healthy (DeFronzo 1979; Rizza 1981); in type 2 diabetes only
    ≈ 50–75 % (DeFronzo 1989; Lim 2011), with a higher basal EGP (DeFronzo 1989)."""
    healthy = fast_then_clamp(Simulation.from_preset("healthy", turn_min=1440.0))
    type2 = fast_then_clamp(Simulation.from_preset("type2", turn_min=1440.0))
    assert 1.6 <= healthy["egp"] <= 2.2
    assert 0.8 <= healthy["suppression"] <= 0.95
    assert 0.5 <= type2["suppression"] <= 0.78
    assert type2["egp"] > healthy["egp"]


def test_liver_does_not_follow_the_displayed_cell():
    """The liver is not a GLUT4 tissue and its insulin resistance is its own (hepatocytes use GLUT2;
    liver fat, Seppälä-Lindroos 2002): weakening the displayed cell's receptors lowers the clamp
    M-value through muscle uptake only — the liver's glucose output in the clamp does not move."""
    base = fast_then_clamp(Simulation.from_preset("healthy", turn_min=1440.0))
    weak = fast_then_clamp(Simulation.from_preset("healthy", turn_min=1440.0, knobs={"receptor_number": 0.3}))
    assert weak["m_value"] < base["m_value"] - 1.0
    assert weak["egp_clamp"] == pytest.approx(base["egp_clamp"], abs=0.01)


def test_glucagon_falls_after_oral_glucose():
    """Healthy fasting glucagon ≈ 50–100 pg/mL falls by ≈ 40–60 % after carbohydrate (Müller 1970;
    Unger & Cherrington 2012)."""
    sim = Simulation.from_preset("healthy", turn_min=1440.0)
    sim.run_until(FAST_END_MIN)
    fasting = float(sim.state.glucagon_pg_ml[0])
    sim.schedule(sim.meal_event("ogtt", FAST_END_MIN))
    low = fasting
    for t in range(10, 181, 10):
        sim.run_until(FAST_END_MIN + t)
        low = min(low, float(sim.state.glucagon_pg_ml[0]))
    assert 50.0 <= fasting <= 100.0
    assert 0.4 <= low / fasting <= 0.7


def test_glucagon_rises_in_hypoglycaemia():
    """Below ≈ 3.9 mmol/L the α-cells release glucagon despite insulin: ≈ 2–4 × basal at 2.8 mmol/L
    in a hyperinsulinaemic hypoglycaemic clamp (Cryer 2008)."""
    sim = Simulation.from_preset("healthy", turn_min=1440.0)
    sim.run_until(FAST_END_MIN)
    fasting = float(sim.state.glucagon_pg_ml[0])
    sim.hold_inputs(clamp_glucose_mmol_l=2.8, clamp_insulin_uu_ml=100.0)
    sim.run_until(FAST_END_MIN + 120.0)
    assert float(sim.state.glucose_mmol_l[0]) == pytest.approx(2.8, abs=0.1)
    assert 2.0 <= float(sim.state.glucagon_pg_ml[0]) / fasting <= 4.0


def test_type2_glucagon_is_high_for_its_glucose():
    """In type 2 diabetes fasting glucagon is not lowered by the high glucose but normal or raised
    (Unger & Cherrington 2012), and raised with fatty liver (Junker 2016: 7.5 vs 3.4 pmol/L). Model
    v5's type 2 secretes more insulin (fasting ≈ 15 µU/mL), which restrains its α-cells, so its
    glucagon is raised by ≥ 5 % rather than 20 % while its glucose is ≥ 2 mmol/L higher: not lowered."""
    healthy = fast_then_clamp(Simulation.from_preset("healthy", turn_min=1440.0))
    type2 = fast_then_clamp(Simulation.from_preset("type2", turn_min=1440.0))
    assert type2["glucose"] > healthy["glucose"] + 2.0
    assert type2["glucagon"] > 1.05 * healthy["glucagon"]


def test_weight_loss_empties_the_liver_and_lowers_fasting_glucose(smaller_meals):
    """Eight weeks of an energy deficit (half-size meals, ≈ 6 kg of fat lost) from the resistant
    preset: liver fat falls by well over half, back towards normal, and with it the liver's glucose
    output and fasting glucose (Petersen 2005: −80 % liver fat after ≈ 8 kg and normal hepatic
    insulin sensitivity)."""
    before = fast_then_clamp(Simulation.from_preset("resistant", turn_min=1440.0))
    fat0 = _liver_fat(Simulation.from_preset("resistant"))
    sim = smaller_meals("resistant", 56, 0.5)
    sim.run_until(56 * 1440.0)
    fat8 = _liver_fat(sim)
    after = fast_then_clamp(sim)
    assert fat8 < 0.45 * fat0
    assert fat8 < NAFLD_PCT
    assert after["egp"] < before["egp"] - 0.2
    assert after["glucose"] < before["glucose"] - 0.5


def test_600_kcal_diet_reverses_type2_liver_fat_within_weeks(smaller_meals):
    """Lim 2011 (600 kcal/day, type 2 diabetes): liver fat 12.8 → 2.9 % by week 8, with a large fall
    in the first week (≈ 30 %), and fasting glucose falling from 9.2 towards normal."""
    before = fast_then_clamp(Simulation.from_preset("type2", turn_min=1440.0))
    fat0 = _liver_fat(Simulation.from_preset("type2"))
    sim = smaller_meals("type2", 56, 0.32)
    sim.run_until(7 * 1440.0)
    fat1 = _liver_fat(sim)
    sim.run_until(56 * 1440.0)
    fat8 = _liver_fat(sim)
    after = fast_then_clamp(sim)
    assert fat1 < 0.8 * fat0
    assert fat8 < 0.3 * fat0
    assert after["glucose"] < before["glucose"] - 1.5


def test_old_saves_get_normal_liver():
    """A save from before glucagon and liver fat were states loads with normal values."""
    state = Simulation.from_preset("healthy").state
    data = state.to_jsonable()
    del data["arrays"]["glucagon_pg_ml"], data["arrays"]["liver_fat_pct"]
    loaded = State.from_jsonable(data)
    assert float(loaded.liver_fat_pct[0]) == 2.0
    assert float(loaded.glucagon_pg_ml[0]) == 75.0
