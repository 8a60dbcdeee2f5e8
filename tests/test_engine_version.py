"""ENGINE_VERSION names the model's behaviour: a change of behaviour must come with a new version.

Replays and classroom submissions record the engine version; a replay made with another version
is reported as such instead of as a plain mismatch. This test pins the final-state digest of a
reference day to the version, so whoever changes the model's results is told to bump it.
"""

from sim.engine import ENGINE_VERSION, Simulation
from sim.events import Action

PINNED = {"5": "e2ef31e1625c7e225afbf9a9441e465c21a6e26e720e0d8c2df68a1a871657b0"}


def reference_day_digest() -> str:
    sim = Simulation.from_preset("healthy", seed=1)
    sim.schedule_diet("standard", 1)
    sim.schedule(sim.stressor_event("infection", 600.0))
    for t in range(24):
        sim.advance([Action("walk")] if t == 9 else [])
    return sim.state.digest()


def test_engine_version_matches_the_models_behaviour():
    digest = reference_day_digest()
    assert PINNED.get(ENGINE_VERSION) == digest, (
        f"the model's results changed (digest {digest}); bump ENGINE_VERSION in sim/engine.py "
        f"and pin the new digest here"
    )
