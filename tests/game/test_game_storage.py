"""game.storage and game.settings: atomic files, corrupt files set aside, round trips. No display needed."""

import json

from game.settings import Progress, Settings, Store
from game.storage import atomic_write_json, load_json


def test_atomic_write_json_round_trips(tmp_path):
    p = tmp_path / "a" / "x.json"
    atomic_write_json(p, {"b": 1})
    assert json.loads(p.read_text()) == {"b": 1}
    assert [f.name for f in p.parent.iterdir()] == ["x.json"]  # no temporary left behind


def test_load_json_missing_file_gives_none(tmp_path):
    loaded = load_json(tmp_path / "nope.json")
    assert loaded.data is None and loaded.problem is None


def test_load_json_sets_corrupt_file_aside(tmp_path):
    p = tmp_path / "settings.json"
    p.write_text("{not json")
    loaded = load_json(p)
    assert loaded.data is None and loaded.problem
    assert not p.exists() and loaded.set_aside.exists()
    assert loaded.set_aside.read_text() == "{not json"


def test_load_json_sets_wrong_shape_aside(tmp_path):
    p = tmp_path / "progress.json"
    p.write_text("[1, 2]")
    assert load_json(p).set_aside is not None


def test_settings_round_trip_through_store(tmp_path):
    st = Store(tmp_path)
    s = Settings(volume=0.8, muted=True, text_scale_pct=150, colorblind=True, reduced_motion=True, fullscreen=True)
    st.save_settings(s)
    assert Store(tmp_path).load_settings() == s


def test_progress_round_trip_keeps_best(tmp_path):
    st = Store(tmp_path)
    p = Progress().record("a", True, 2, 500).record("a", False, 1, 300).record("b", False, 0, 100)
    st.save_progress(p)
    q = Store(tmp_path).load_progress()
    assert q == p
    assert q.stars("a") == 2 and q.won("a") and q.levels["a"].best_score == 500 and q.levels["a"].played == 2
    assert not q.won("b")


def test_settings_out_of_range_values_are_clamped_or_dropped():
    s = Settings.from_mapping({"volume": 7, "text_scale_pct": 20, "muted": "yes", "colorblind": 1, "extra": 3})
    assert s.volume == 1.0 and s.text_scale_pct == 75 and s.muted is False and s.colorblind is False


def test_corrupt_settings_file_gives_defaults_and_a_message(tmp_path):
    (tmp_path / "settings.json").write_text("\x00garbage")
    st = Store(tmp_path)
    assert st.load_settings() == Settings()
    assert len(st.messages) == 1 and "settings.json" in st.messages[0]
    assert any(f.name.startswith("settings.json.corrupt-") for f in tmp_path.iterdir())
