"""The causes the engine gives are its own account, and the account adds up.

Random play on every level (hypothesis draws the level, the seed and each turn's legal choice):
each turn's contributions sum to the change the state shows (receptors, energy, glucose, signal
health, glucose taken up), the signal's factors multiply to its health, and every sentence that
names a cause reports that cause's nonzero number with the sign its wording claims.
"""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.attribution import Attribution, product_split, signal_factors
from sim.events import Action
from sim.explain import CAUSE_OF, SHOWN_MIN, number
from sim.levels import LevelRun, level_files, load_level
from sim.levels.causes import run_account
from sim.model.signaling import signaling_health

LEVELS = {p.stem: load_level(p) for p in level_files()}
TOL = 1e-9


def _health(snapshot_arrays, p):
    class S:
        pass

    s = S()
    for k, v in snapshot_arrays.items():
        setattr(s, k, float(v[0]))
    return signaling_health(s, p)


def _check_sentences(causes, att: Attribution) -> int:
    named = 0
    for c in causes:
        ref = CAUSE_OF.get(getattr(c, "id", ""))
        if ref is None:
            continue
        named += 1
        key = f"{ref.target}.{ref.cause}"
        assert key in att.terms, f"{c!r} names {key}, which the account does not have"
        v = number(att, ref.target, ref.cause)
        shown = -v if ref.sign == "-" else v
        assert math.isclose(float(c.values["pct"]), shown, rel_tol=1e-12, abs_tol=1e-12), c
        if (ref.target, ref.cause) == ("signal_level", "capacity"):
            assert shown < 100.0 - SHOWN_MIN["signal_level"], c
        else:
            assert shown >= SHOWN_MIN[ref.target] > 0, f"{c!r}: the account gives {key} only {v:g}"
        if ref.target in ("receptors", "signal", "energy", "glucose"):
            raw = att.get(key)
            assert raw != 0.0 and (raw < 0) == (ref.sign == "-"), f"{c!r}: {key} = {raw:g}"
    return named


def _check_turn(before, report, p, turn_min):
    att = report.attribution
    after = report.snapshot
    for target, q in (("receptors", "receptors_frac"), ("energy", "cell_energy_frac"),
                      ("glucose", "blood_glucose_mmol_l")):
        change = after.scalar(q) - before.scalar(q)
        assert math.isclose(att.total(target), change, abs_tol=TOL), (target, att.total(target), change)
    took_up = float(report.stats["mean_cell_uptake_mg_kg_min"][0]) * turn_min
    assert math.isclose(att.total("uptake"), took_up, rel_tol=1e-9, abs_tol=TOL)
    h0 = _health(before.values, p)
    h1 = _health(after.values, p)
    assert math.isclose(att.total("signal"), h1 - h0, abs_tol=TOL)
    levels = [att.get("signal_level." + k) for k in
              ("capacity", "proteins", "inflammation", "lipotoxicity", "er_stress", "exercise")]
    assert math.isclose(math.prod(levels), h1, rel_tol=1e-12, abs_tol=TOL)
    spent_parts = -sum(att.get(k) for k in ("energy.work", "energy.exercise", "energy.synthesis",
                                            "energy.inflammation", "energy.oxidative_stress",
                                            "energy.er_stress")) - att.get("energy.rest")
    assert math.isclose(att.get("spent"), spent_parts, rel_tol=1e-9, abs_tol=TOL)
    return _check_sentences(report.causes, att)


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(LEVELS)), st.integers(0, 50), st.data())
def test_random_play_causes_match_the_account_and_the_state(slug, seed, data):
    level = LEVELS[slug]
    run = LevelRun(level, seed)
    p = run.sim._p
    before = run.sim.snapshot()
    while not run.done:
        opts = [None, *run.play.options(0)]
        pick = data.draw(st.sampled_from(opts), label=f"turn {run.turn + 1}")
        report = run.step([] if pick is None else [Action(pick)])
        _check_turn(before, report, p, level.turn_min)
        before = report.snapshot
    result = run.result()
    account = run_account(run)
    assert math.isclose(account.total("receptors"),
                        run.series["receptors_frac"][-1] - run.first_snapshot.scalar("receptors_frac"), abs_tol=1e-8)
    _check_sentences(result.causes, account)


def test_product_split_is_exact_and_signed():
    before = {"a": 0.9, "b": 0.5, "c": 1.2}
    after = {"a": 0.6, "b": 0.5, "c": 1.3}
    parts = product_split(before, after, ["a", "b", "c"])
    assert math.isclose(sum(parts.values()), 0.6 * 0.5 * 1.3 - 0.9 * 0.5 * 1.2)
    assert parts["a"] < 0 and parts["b"] == 0 and parts["c"] > 0


def test_a_factor_at_zero_is_never_named():
    """A healthy cell with no stressor: no ROS damage, inflammation or ER sentences may appear
    for a factor whose terms are exactly zero; with ROS forced to zero nothing is blamed on it."""
    level = LEVELS["01_insulin_key"]
    run = LevelRun(level, 0)
    run.sim.state.arrays["oxidative_stress_frac"][:] = 0.0
    run.sim.set_params(run.sim.params.evolve(k_ros_damage_per_min=0.0))
    while not run.done:
        report = run.step([])
        assert report.attribution.get("receptors.oxidative_stress") == 0.0
        assert not any("ROS" in c for c in report.causes), report.causes


def test_signal_factors_multiply_to_the_models_signaling_health():
    level = LEVELS["05_inflammation"]
    run = LevelRun(level, 0)
    for _ in range(4):
        if not run.done:  # an idle player may lose the level before the fourth turn
            run.step([])
    p = run.sim._p
    f = signal_factors(run.sim.state.arrays, p)
    assert math.isclose(float(math.prod(float(v[0]) if hasattr(v, "__len__") else v for v in f.values())),
                        _health(run.sim.snapshot().values, p), rel_tol=1e-12)
