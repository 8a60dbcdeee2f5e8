"""Same seed and actions ⇒ bit-identical states; snapshots restore mid-run; N columns = N runs."""

import json
import subprocess
import sys

import numpy as np

from sim.determinism import assert_deterministic, history_digests
from sim.engine import Simulation
from sim.events import Action
from sim.population import vary

ACTIONS = [[], [Action("walk")], [], [Action("breakfast")], [Action("antioxidant"), Action("workout", 20)]] + [[]] * 7


def make():
    sim = Simulation.from_preset("healthy", seed=7)
    sim.schedule_diet("standard", 1)
    sim.schedule(sim.stressor_event("infection", 90.0))
    return sim


def test_same_seed_and_actions_give_identical_histories():
    assert_deterministic(make, ACTIONS, 12)


def test_different_actions_give_different_histories():
    assert history_digests(make, ACTIONS, 6) != history_digests(make, [], 6)


def test_snapshot_saved_to_json_continues_bit_identically():
    a = make()
    for t in range(5):
        a.advance(ACTIONS[t])
    text = json.dumps(a.save())
    b = Simulation.restore(json.loads(text))
    for t in range(5, 12):
        a.advance(ACTIONS[t])
        b.advance(ACTIONS[t])
        assert a.state.digest() == b.state.digest()
    assert a.rngs["schedule"].random() == b.rngs["schedule"].random()


def test_n_identical_columns_equal_the_single_run():
    single = Simulation.from_preset("healthy", n=1, seed=3)
    many = Simulation.from_preset("healthy", n=257, seed=3)
    for sim in (single, many):
        sim.schedule_diet("standard", 1)
    for t in range(24):
        acts = [Action("workout")] if t == 9 else []
        single.advance(acts)
        many.advance(acts)
    for k, a in many.state.arrays.items():
        assert np.array_equal(a, np.full(257, single.state.arrays[k][0])), k


def test_population_draws_depend_only_on_the_seed():
    def cohort(seed):
        sim = Simulation.from_preset("healthy", n=100, seed=seed)
        return vary(sim.params, 100, 0.2, sim.rngs["population"]).values["receptor_number"]

    assert np.array_equal(cohort(1), cohort(1))
    assert not np.array_equal(cohort(1), cohort(2))
    assert 0.85 < float(np.median(cohort(1))) < 1.15


def test_final_state_is_identical_across_interpreters_with_different_hash_seeds():
    code = (
        "from sim.engine import Simulation\n"
        "s = Simulation.from_preset('healthy', seed=5)\n"
        "s.schedule_diet('standard', 1)\n"
        "[s.advance() for _ in range(12)]\n"
        "print(s.state.digest())\n"
    )
    outs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "12345")
    }
    assert len(outs) == 1


def test_a_replay_gives_the_same_final_hash_in_fresh_interpreters(tmp_path):
    """Record a level run, then verify its replay in two interpreters with different hash seeds."""
    import os

    level = "levels/campaign/02_fewer_receptors.toml"
    replay = tmp_path / "r.json"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run([sys.executable, "-m", "sim", "run", os.path.join(root, level), "--policy", "greedy",
                    "--seed", "4", "--replay-out", str(replay)], check=True, capture_output=True, cwd=root)
    outs = []
    for seed in ("0", "999"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        p = subprocess.run([sys.executable, "-m", "sim", "replay", str(replay)], capture_output=True,
                           text=True, env=env, cwd=root)
        assert p.returncode == 0, p.stderr
        outs.append(p.stdout)
    assert outs[0] == outs[1] and "reproduced" in outs[0]
