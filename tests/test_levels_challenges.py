"""Shipped classroom challenges embed the current text of their campaign level.

A re-tuned level changes its content hash; the sample challenge must then be made again
(docs/levels.md, "the tune loop") so that students play the level the campaign ships.
"""

import pytest

from sim.classroom.challenge import load_challenge
from sim.levels import levels_dir, load_level

CHALLENGES = sorted((levels_dir() / "challenges").glob("*.challenge.toml"))


def test_the_sample_challenge_is_shipped():
    assert any(p.name == "starving-amid-plenty.challenge.toml" for p in CHALLENGES)


@pytest.mark.parametrize("path", CHALLENGES, ids=lambda p: p.name)
def test_challenge_level_matches_the_campaign_file(path):
    ch = load_challenge(path)
    level = load_level(levels_dir() / "campaign" / f"{ch.level_slug}.toml")
    assert ch.level_hash == level.content_hash, (
        f"{path.name} embeds an older {ch.level_slug}; make it again (docs/levels.md, the tune loop)")
