"""Action hotkeys: no two actions share a key, and no action takes a key the play screen keeps
for itself (H help, P pause) — over every shipped level, and as an error in a level that asks."""

import pytest

from sim.errors import LevelError
from sim.levels import level_files, levels_dir, load_level, parse_level
from sim.levels.actions import RESERVED_HOTKEYS

LEVELS = level_files()
SRC = (levels_dir() / "campaign" / "01_insulin_key.toml").read_text()


@pytest.mark.parametrize("path", LEVELS, ids=[p.stem for p in LEVELS])
def test_every_shipped_action_has_its_own_key_free_of_the_games_keys(path):
    keys = [a.hotkey.casefold() for a in load_level(path).actions]
    assert "?" not in keys, "an action got no key"
    assert len(set(keys)) == len(keys), f"{path.name}: two actions share a key: {keys}"
    assert not set(keys) & set(RESERVED_HOTKEYS), f"{path.name}: an action takes the game's key: {keys}"


@pytest.mark.parametrize("key, job", [("h", "help"), ("P", "pause")])
def test_a_level_asking_for_the_games_key_is_told_which_key_it_is(key, job):
    lv = parse_level(SRC)
    slug = lv.actions[0].slug
    text = SRC.replace(f"[actions.{slug}]", f"[actions.{slug}]\nhotkey = \"{key}\"", 1)
    assert text != SRC
    with pytest.raises(LevelError) as e:
        parse_level(text, "crafted.toml")
    msg = str(e.value)
    assert f"actions.{slug}.hotkey" in msg and job in msg and "crafted.toml" in msg


def test_upper_and_lower_case_are_one_key():
    src = (levels_dir() / "campaign" / "10_all_at_once.toml").read_text()
    a, b = [x.slug for x in parse_level(src).actions[:2]]
    text = src.replace(f"[actions.{a}]", f"[actions.{a}]\nhotkey = \"k\"", 1)
    text = text.replace(f"[actions.{b}]", f"[actions.{b}]\nhotkey = \"K\"", 1)
    with pytest.raises(LevelError, match="already the key"):
        parse_level(text, "crafted.toml")
