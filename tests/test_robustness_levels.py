"""Every shipped level survives random play: thousands of random, allowed action sequences per
level, run as one population, keep every state finite and within its physical bounds."""

import numpy as np
import pytest

from sim.levels import level_files, load_level
from sim.levels.play import Playthrough
from sim.state import VARIABLES

SEQUENCES_PER_LEVEL = 400  # × 13 shipped levels ≈ 5,200 sequences (the model itself gets 10,000 per preset)


@pytest.mark.slow
@pytest.mark.parametrize("path", level_files(), ids=lambda p: p.stem)
def test_random_allowed_play_keeps_every_state_physical(path):
    level = load_level(path)
    rng = np.random.default_rng(7)
    play = Playthrough(level, seed=1, n=SEQUENCES_PER_LEVEL)
    from sim.events import Action

    for _ in range(level.turns):
        per_column = []
        for i in range(play.n):
            options = play.options(i)
            pick = [o for o in options if rng.random() < 0.3][:2]
            acts, spent = [], 0
            for slug in pick:
                if play.reason(i, slug, spent) is None:
                    acts.append(Action(slug, float(rng.integers(0, int(level.turn_min)))))
                    spent += level.action(slug).cost
            per_column.append(acts)
        play.step(per_column)
        for v in VARIABLES:
            a = play.sim.state.arrays[v.name]
            assert np.all(np.isfinite(a)), v.name
            assert np.all((a >= v.bounds[0]) & (a <= v.bounds[1])), v.name
