"""Soak, second part: half of the 40,000 random-input frames (``soak.py`` holds the runner and says
what it checks); the other part is in test_game_soak.py so both xdist workers share the load."""

import pytest
from soak import FRAMES, PARTS, soak_in_child


@pytest.mark.slow
def test_random_input_for_many_frames_neither_crashes_nor_leaks_second_part(tmp_path):
    soak_in_child(tmp_path / "data", seed=2027, frames=FRAMES // PARTS)
