"""Settings and progress files that Python's json would read but the game must not trust."""

from __future__ import annotations

import pytest

from game.settings import PROGRESS_FILE, SETTINGS_FILE, Store


@pytest.mark.parametrize("name", [SETTINGS_FILE, PROGRESS_FILE])
@pytest.mark.parametrize("text", [
    '{"volume": NaN}', '{"volume": Infinity}', '{"levels": {"a": {"best_score": -Infinity}}}',
    '{"levels": {"a": {"best_score": 1e400}}}', "[" * 100_000 + "]" * 100_000,
    # found by tests/test_reliability_fuzz.py: a whole number no float holds crashed Settings at
    # start-up, and a lone surrogate in a level name crashed the next save (UnicodeEncodeError)
    '{"volume": 1%s}' % ("0" * 400), '{"levels": {"\\ud800": {"stars": 2}}}', "[" * 70 + "]" * 70,
])
def test_hostile_json_is_set_aside_and_the_game_starts_with_defaults(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    store = Store(tmp_path)
    settings, progress = store.load_settings(), store.load_progress()
    assert settings.volume == 0.35 and progress.levels == {}
    assert len(store.messages) == 1 and name in store.messages[0]
    assert not (tmp_path / name).exists()
    left = [p.name for p in tmp_path.iterdir() if not p.name.endswith(".json.lock")]  # lock files stay
    assert [n.startswith(f"{name}.corrupt-") for n in left] == [True]


def test_a_number_too_big_for_a_float_is_dropped_not_a_crash(tmp_path):
    (tmp_path / PROGRESS_FILE).write_text('{"levels": {"a": {"stars": 2, "best_score": 1%s}}}' % ("0" * 400))
    assert Store(tmp_path).load_progress().levels == {}
