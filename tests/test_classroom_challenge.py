"""Challenge files: making, checking, loading, and every way a challenge file can be wrong."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sim.classroom import (
    ChallengeError,
    load_challenge,
    make_challenge,
    parse_challenge,
    write_challenge,
)
from sim.classroom.tomlout import dumps
from sim.cli.main import main
from sim.levels import levels_dir

LEVEL = levels_dir() / "campaign" / "01_insulin_key.toml"
QUESTIONS = '''
teacher_notes = "Talk about GLUT4 afterwards."

[[questions]]
id = "uptake"
prompt = "A walk after a meal will make blood glucose…"
choices = ["rise higher", "fall faster", "stay the same"]
answer = 1

[[questions]]
prompt = "How hungry will the cell be at the end?"
choices = ["very", "a little", "not at all"]

[[reflection]]
prompt = "Why did the walk help?"
'''


@pytest.fixture
def questions(tmp_path: Path) -> Path:
    p = tmp_path / "q.toml"
    p.write_text(QUESTIONS, encoding="utf-8")
    return p


def test_new_then_check_round_trips(tmp_path: Path, questions: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "week1.challenge.toml"
    assert main(["challenge", "new", str(LEVEL), "--seed", "5", "--title", "Week 1", "--questions", str(questions),
                 "--turns", "8", "--lock", "muted=true", "--lock", "text_scale_pct=120", "--out", str(out)]) == 0
    assert main(["challenge", "check", str(out)]) == 0
    ch = load_challenge(out)
    assert (ch.title, ch.seed, ch.turn_limit, ch.level.turns) == ("Week 1", 5, 8, 8)
    assert [q.id for q in ch.questions] == ["uptake", "q2"] and ch.questions[0].answer == 1
    assert ch.questions[1].answer is None and ch.reflection[0].prompt == "Why did the walk help?"
    assert ch.locked_settings == {"muted": True, "text_scale_pct": 120}
    assert ch.teacher_notes == "Talk about GLUT4 afterwards."
    assert "sha256:" in capsys.readouterr().out


def test_challenge_embeds_level_text_not_a_path(tmp_path: Path) -> None:
    ch = make_challenge(LEVEL, 1)
    p = write_challenge(ch, tmp_path / "a.challenge.toml")
    raw = tomllib.loads(p.read_text(encoding="utf-8"))
    assert raw["level"]["text"] == LEVEL.read_text(encoding="utf-8")
    assert str(LEVEL) not in p.read_text(encoding="utf-8")
    assert load_challenge(p) == ch


def test_challenge_id_ignores_title_and_notes_but_not_seed() -> None:
    a = make_challenge(LEVEL, 1)
    text = a.to_toml()
    retitled = parse_challenge(text.replace(f'title = "{a.title}"', 'title = "Renamed"', 1).replace(
        'teacher_notes = ""', 'teacher_notes = "new notes"'))
    assert retitled.title == "Renamed" and retitled.challenge_id == a.challenge_id
    assert make_challenge(LEVEL, 2).challenge_id != a.challenge_id


def test_restricted_actions_are_all_the_level_offers(tmp_path: Path) -> None:
    ch = make_challenge(LEVEL, 0, allowed_actions=[])
    assert ch.allowed_actions == () and ch.level.actions == ()


def test_edited_level_text_is_caught() -> None:
    text = make_challenge(LEVEL, 0).to_toml().replace("turns = 16", "turns = 15", 1)
    with pytest.raises(ChallengeError, match="content_hash"):
        parse_challenge(text, "x.challenge.toml")


@pytest.mark.parametrize(("change", "message"), [
    (("seed = 0", "seed = -1"), "seed"),
    (("seed = 0", 'seed = "0"'), "seed"),
    (("format_version = 1", "format_version = 7"), "version 1"),
    (('format = "amid-plenty-challenge"', 'format = "x"'), "challenge file"),
    (("muted = true", "loud = true"), "settings.loud"),
    (("muted = true", "muted = 1"), "settings.muted"),
    (('allowed_actions = ["walk"]', 'allowed_actions = ["fly"]'), "rules.allowed_actions"),
    (("turn_limit = 16", "turn_limit = 17"), "rules.turn_limit"),
    (("[rules]", "[rulez]"), "rulez"),
    (("answer = 0", "answer = 3"), "answer"),
])
def test_bad_challenge_names_the_key(change: tuple[str, str], message: str) -> None:
    text = make_challenge(LEVEL, 0).to_toml()
    assert change[0] in text
    with pytest.raises(ChallengeError, match=message) as e:
        parse_challenge(text.replace(change[0], change[1], 1), "bad.challenge.toml")
    assert str(e.value).startswith("bad.challenge.toml: ") and "\n" not in str(e.value)


def test_embedded_level_errors_become_challenge_errors() -> None:
    text = make_challenge(LEVEL, 0).to_toml()
    with pytest.raises(ChallengeError, match="embedded level"):
        parse_challenge(text.replace('kind = "meal"', 'kind = "feast"', 1))


def test_cli_errors_are_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.challenge.toml"
    bad.write_text("format = [", encoding="utf-8")
    assert main(["challenge", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and "TOML" in err
    assert main(["challenge", "check", str(tmp_path / "missing.challenge.toml")]) == 2
    assert main(["challenge", "new", str(LEVEL), "--seed", "1", "--out", str(tmp_path / "x.toml")]) == 2
    assert main(["challenge", "new", str(LEVEL), "--seed", "1", "--lock", "volume=loud",
                 "--out", str(tmp_path / "x.challenge.toml")]) == 2
    assert "error" in capsys.readouterr().err


def test_huge_challenge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.challenge.toml"
    big.write_bytes(b"#" * (600 * 1024))
    with pytest.raises(ChallengeError, match="larger than"):
        load_challenge(big)


def test_toml_writer_round_trips_awkward_text() -> None:
    doc = {"a": "line 1\nline 2 with ''' quotes", "b": "tab\there \x7f del", "c": ["x", 1, 2.5, True],
           "t": {"k": "v"}, "arr": [{"x": 1}, {"x": 2}], "d": "ends with '\nquote'"}
    assert tomllib.loads(dumps(doc)) == doc


def test_shipped_challenges_load_and_match_their_levels() -> None:
    for path in sorted((levels_dir() / "challenges").glob("*.challenge.toml")):
        ch = load_challenge(path)
        assert ch.level.turns == ch.turn_limit and ch.questions, path


def test_the_shipped_questions_template_makes_a_challenge(tmp_path, capsys):
    from sim.cli.main import main as cli

    out = tmp_path / "my-questions.toml"
    assert cli(["challenge", "template", "--out", str(out)]) == 0
    assert cli(["challenge", "template", "--out", str(out)]) == 2  # never overwrites
    capsys.readouterr()
    level = levels_dir() / "campaign" / "11_starving_amid_plenty.toml"
    ch = make_challenge(level, 7, questions_path=out)
    assert [q.id for q in ch.questions] == ["plenty", "walk"] and [r.id for r in ch.reflection] == ["why", "next"]
    assert ch.questions[0].answer == 1 and "GLUT4" in ch.questions[0].explain
    assert cli(["challenge", "template"]) == 0 and "[[questions]]" in capsys.readouterr().out
