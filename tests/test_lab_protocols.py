"""The virtual lab's protocols on the stored presets meet the clinical reference values."""

import pytest

from sim.lab.protocols import PROTOCOLS, LabRequest, homa_ir


@pytest.fixture(scope="module")
def ogtt():
    return {name: PROTOCOLS["ogtt"](LabRequest(name)).summary for name in ("healthy", "resistant", "type2")}


def test_homa_formula_is_exact():
    """HOMA-IR = glucose (mmol/L) × insulin (µU/mL) / 22.5 (Matthews 1985 Diabetologia 28:412)."""
    assert homa_ir(4.5, 5.0) == pytest.approx(1.0, abs=1e-12)


def test_healthy_fasting_values_are_normal():
    """Fasting glucose 4.0–5.6 mmol/L (ADA), insulin 2–10 µU/mL, HOMA-IR 0.5–1.8 (Matthews 1985)."""
    s = PROTOCOLS["fasting"](LabRequest("healthy")).summary
    assert 4.0 <= s["fasting_glucose_mmol_l"] <= 5.6
    assert 2.0 <= s["fasting_insulin_uu_ml"] <= 10.0
    assert 0.5 <= s["homa_ir"] <= 1.8
    assert s["homa_ir"] == pytest.approx(homa_ir(s["fasting_glucose_mmol_l"], s["fasting_insulin_uu_ml"]))


def test_healthy_ogtt_peaks_early_and_returns(ogtt):
    """75 g OGTT, healthy: peak at 30–60 min, 2-h glucose < 7.8 mmol/L (ADA/WHO), back within
    1 mmol/L of fasting by 180 min (Dalla Man 2007 normal subjects)."""
    s = ogtt["healthy"]
    assert 30 <= s["peak_time_min"] <= 60
    assert s["glucose_2h_mmol_l"] < 7.8
    assert abs(s["glucose_3h_mmol_l"] - s["fasting_glucose_mmol_l"]) <= 1.0


def test_resistant_keeps_glucose_normal_at_the_price_of_high_insulin(ogtt):
    """Compensated insulin resistance: fasting glucose < 6.1 mmol/L (WHO), insulin ≥ 12 µU/mL,
    HOMA-IR ≥ 2.5 (DESIGN §4; Matthews 1985)."""
    s = ogtt["resistant"]
    assert s["fasting_glucose_mmol_l"] < 6.1
    assert s["fasting_insulin_uu_ml"] >= 12.0
    assert s["homa_ir"] >= 2.5


def test_type2_meets_the_diagnostic_thresholds(ogtt):
    """Type 2 diabetes: fasting glucose ≥ 7.0 mmol/L and 2-h OGTT glucose ≥ 11.1 (ADA/WHO)."""
    s = ogtt["type2"]
    assert s["fasting_glucose_mmol_l"] >= 7.0
    assert s["glucose_2h_mmol_l"] >= 11.1


def test_clamp_m_value_falls_with_resistance():
    """Clamp at 100 µU/mL: M ≈ 7–12 mg/kg/min healthy (DeFronzo 1979), lower in insulin resistance
    and lowest in type 2 diabetes (DeFronzo 1982: ≈ 40–60% lower)."""
    m = {n: PROTOCOLS["clamp"](LabRequest(n)).summary["m_value_mg_kg_min"] for n in ("healthy", "resistant", "type2")}
    assert 7.0 <= m["healthy"] <= 12.0
    assert m["type2"] < m["resistant"] < 0.6 * m["healthy"]


def test_dose_response_ec50_is_physiological_and_shifts_right_with_resistance():
    """Insulin-stimulated glucose uptake is half-maximal at ≈ 50–60 µU/mL in vivo (Rizza 1981
    Am J Physiol 240:E630); resistance shifts the curve right and lowers the maximum (Kolterman 1981)."""
    h = PROTOCOLS["dose-response"](LabRequest("healthy")).summary
    r = PROTOCOLS["dose-response"](LabRequest("resistant")).summary
    assert 25.0 <= h["ec50_uu_ml"] <= 90.0
    assert h["fit_r2"] > 0.98
    assert r["ec50_uu_ml"] > h["ec50_uu_ml"]
    assert r["vmax"] < h["vmax"]


@pytest.mark.parametrize("preset", ["resistant", "type2"])
def test_cells_starve_amid_plenty_over_a_meal_day(preset):
    """The article: glucose piles up outside while the cell is "starved" inside. Over a day of three
    meals, resistance means higher blood glucose and lower cell energy and glycogen than healthy
    (Petersen 2007 PNAS 104:12587: muscle glycogen synthesis after meals ≈ 60% lower)."""
    s = PROTOCOLS["meal-day"](LabRequest(preset, compare="healthy")).summary
    assert s[f"{preset}_mean_glucose_mmol_l"] > s["healthy_mean_glucose_mmol_l"]
    assert s[f"{preset}_mean_cell_energy_frac"] < s["healthy_mean_cell_energy_frac"]
    assert s[f"{preset}_mean_glycogen_frac"] < s["healthy_mean_glycogen_frac"]


def test_healthy_cell_energy_sits_near_full_and_type2_clearly_lower():
    """Healthy cell energy stays near 1 over a meal day; in type 2 diabetes it is visibly lower."""
    s = PROTOCOLS["meal-day"](LabRequest("type2", compare="healthy")).summary
    assert s["healthy_mean_cell_energy_frac"] >= 0.9
    assert s["type2_mean_cell_energy_frac"] <= s["healthy_mean_cell_energy_frac"] - 0.15


def test_settings_change_the_subject_and_adaptation_runs_whole_days():
    """--set multiplies a knob; --adapt-days lives that many days first (the protocol starts at midnight)."""
    base = PROTOCOLS["fasting"](LabRequest("healthy")).summary
    fewer = PROTOCOLS["fasting"](LabRequest("healthy", {"receptor_number": 0.3}, adapt_days=3)).summary
    assert fewer["fasting_insulin_uu_ml"] > base["fasting_insulin_uu_ml"]
