"""Every shipped level is fair: ``search`` wins it, ``idle`` loses it (the guard for recalibration)."""

import pytest

from sim.levels import level_files, load_level
from sim.levels.prove import prove


@pytest.mark.slow
@pytest.mark.parametrize("path", level_files(), ids=lambda p: p.stem)
def test_level_is_winnable_and_not_trivial(path):
    proof = prove(load_level(path))
    assert proof.winnable, f"{path.name}: search cannot win it — {proof.line()}"
    assert not proof.trivial, f"{path.name}: idle wins it — {proof.line()}"


def test_level_runs_are_deterministic():
    from sim.levels import LevelRun
    from sim.policies import get_policy

    path = level_files()[0]
    digests = []
    for _ in range(2):
        run = LevelRun(load_level(path), seed=3)
        run.play_out(get_policy("greedy"))
        digests.append(run.sim.state.digest())
    assert digests[0] == digests[1]
