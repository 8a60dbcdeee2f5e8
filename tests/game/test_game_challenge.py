"""The classroom challenge in the game: picked from the title screen, name, predictions, play with
locked settings, reflection, and a submission that grades ``verified`` with a result code that
reads back to the same submission."""

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from gamehelpers import key, settle, type_text

from game.scenes import make

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "levels" / "challenges" / "starving-amid-plenty.challenge.toml"


@pytest.fixture(autouse=True)
def submissions(tmp_path, monkeypatch):
    folder = tmp_path / "submissions"
    monkeypatch.setenv("AMID_PLENTY_SUBMISSIONS", str(folder))
    return folder


def top(app):
    return type(app.top).__name__


def test_challenge_flow_by_keyboard_hands_in_a_verified_submission(app, store, submissions):
    from sim.classroom import load_challenge, load_submission, parse_result_code
    from sim.classroom.grade import grade_submission

    settle(app)
    key(pygame.K_DOWN)
    key(pygame.K_RETURN)  # title: open a challenge
    settle(app)
    assert top(app) == "ChallengePickerScene"
    picker = app.top
    row = next(i for i, p in enumerate(picker.files) if p.name == SAMPLE.name)
    for _ in range(row):
        key(pygame.K_DOWN)
    key(pygame.K_RETURN)
    settle(app)
    assert top(app) == "NameScene"
    assert app.settings.muted and not store.load_settings().muted  # locked for the session, not saved
    key(pygame.K_RETURN)  # an empty name is refused, on screen
    settle(app)
    assert top(app) == "NameScene" and app.top.error
    type_text("Ana  López ")
    key(pygame.K_BACKSPACE)
    key(pygame.K_RETURN)
    settle(app)
    assert top(app) == "ChallengeBriefingScene"  # the level's own briefing, before any prediction
    assert app.top.info.briefing == load_challenge(SAMPLE).level.briefing
    key(pygame.K_RETURN)
    settle(app)
    assert top(app) == "QuestionScene"
    answers = {"plenty": (1, 4), "walk": (0, 5), "insulin": (2, 3)}
    for qid, (choice, conf) in answers.items():
        assert app.top.q.id == qid
        letter = "abcdefgh"[choice]
        key(pygame.key.key_code(letter), unicode=letter)
        key(pygame.key.key_code(str(conf)), unicode=str(conf))
        key(pygame.K_RETURN)  # focus moved to Next
        settle(app)
    assert top(app) == "PlayScene"
    play = app.top
    assert [c.slug for c in play.view.actions] == ["walk", "snack", "rest", "half_portion"]
    turns = 0
    while top(app) == "PlayScene" and turns < 40:
        if turns % 4 == 1:
            key(pygame.K_w, unicode="w")
        key(pygame.K_SPACE)
        settle(app, 0.05)
        turns += 1
    settle(app, 2.0)
    assert top(app) == "ReflectionScene"
    type_text("The sugar could not get in.")
    key(pygame.K_RETURN, mod=pygame.KMOD_SHIFT)
    type_text("Walks let it in.")
    key(pygame.K_RETURN)
    settle(app)
    type_text("Walk more often.")
    key(pygame.K_RETURN)
    settle(app)
    assert top(app) == "HandedInScene"
    handed = app.top.handed
    assert handed.path is not None and handed.path.parent == submissions and handed.path.exists()

    challenge = load_challenge(SAMPLE)
    sub = load_submission(handed.path)
    assert sub.name == "Ana López"
    assert {k: (p.choice, p.confidence) for k, p in sub.predictions.items()} == answers
    assert sub.reflection == {"why": "The sugar could not get in.\nWalks let it in.", "next": "Walk more often."}
    assert any(any(a.kind == "walk" for a in t) for t in sub.actions)
    assert grade_submission(challenge, sub).status == "verified"
    assert parse_result_code(handed.code, challenge=challenge) == sub

    key(pygame.K_c)  # copy: works or says why, never crashes
    settle(app)
    key(pygame.K_RETURN)
    settle(app)
    assert top(app) == "ChallengePickerScene"
    assert not app.settings.muted and not app.locked


def test_bad_challenge_file_shows_its_problem_and_the_picker_stays(app, store):
    folder = store.root / "challenges"
    folder.mkdir(parents=True)
    (folder / "broken.challenge.toml").write_text("format = 'amid-plenty-challenge'\nformat_version = 1\n")
    app.push(make("challenges", app))
    picker = app.top
    i = next(i for i, p in enumerate(picker.files) if p.name == "broken.challenge.toml")
    picker.open(i)
    settle(app)
    assert top(app) == "ChallengePickerScene"
    assert "broken.challenge.toml" in picker.error and "missing" in picker.error


def test_locked_settings_cannot_be_changed_and_are_not_saved(app, store):
    from game.classroom import ChallengeFlow

    flow = ChallengeFlow.open(SAMPLE)
    app.push(make("challenge_name", app, flow=flow))
    app.push(make("settings", app))
    settle(app)
    key(pygame.K_DOWN)  # the mute row is locked: the focus skips it, to text size
    key(pygame.K_DOWN)
    key(pygame.K_RETURN)  # colour-blind-safe palette on
    settle(app)
    assert app.settings.muted
    s = store.load_settings()
    assert not s.muted and s.colorblind and s.text_scale_pct == 100
    key(pygame.K_ESCAPE)
    key(pygame.K_ESCAPE)
    settle(app)
    assert top(app) == "TitleScene" and not app.settings.muted and app.settings.colorblind


@pytest.mark.parametrize("args", [["--challenge", "nowhere.challenge.toml"], ["--challenge", "README.md"], ["--frobnicate"],
                                  ["--frames", "0"], ["--frames", "many"]])
def test_bad_command_line_says_one_line_and_exits_2(args):
    out = subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("python -m game:"), out.stderr


def test_frames_option_opens_the_challenge_and_reports_scene_and_language(tmp_path):
    """What .ci/standalone-test asks of the frozen binary, here of ``python -m game``."""
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "LANGUAGE": "es", "LC_ALL": "", "LANG": ""}
    out = subprocess.run([sys.executable, "-m", "game", "--frames", "5", "--challenge", str(SAMPLE)], env=env,
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "5 frames; scene NameScene; language es"


def test_submission_falls_back_to_the_data_folder_when_documents_cannot_be_made(tmp_path, monkeypatch):
    import platformdirs

    from game.classroom import ChallengeFlow

    blocker = tmp_path / "Documents"
    blocker.write_text("a file where the folder should be")
    monkeypatch.delenv("AMID_PLENTY_SUBMISSIONS")
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(blocker))
    flow = ChallengeFlow.open(SAMPLE)
    flow.name = "Bo"
    session = flow.new_session()
    session.step([])
    handed = flow.hand_in(tmp_path / "data")
    assert handed.path is not None and handed.path.parent == tmp_path / "data" / "submissions"
    assert handed.code.startswith("AP2-")


def _to_first_question(app):
    settle(app)
    key(pygame.K_DOWN)
    key(pygame.K_RETURN)
    settle(app)
    picker = app.top
    for _ in range(next(i for i, p in enumerate(picker.files) if p.name == SAMPLE.name)):
        key(pygame.K_DOWN)
    key(pygame.K_RETURN)
    settle(app)
    type_text("Ana")
    key(pygame.K_RETURN)
    settle(app)
    key(pygame.K_RETURN)  # past the briefing
    settle(app)
    assert top(app) == "QuestionScene"
    return app.top


def test_enter_pressed_again_and_again_never_records_an_answer_the_student_did_not_give(app):
    first = _to_first_question(app)
    flow = first.flow
    key(pygame.K_RETURN)  # a fresh question: Enter skips it
    settle(app)
    q = app.top
    assert top(app) == "QuestionScene" and q is not first and first.q.id not in flow.predictions
    key(pygame.K_b, unicode="b")  # a choice but no confidence: Enter asks, again and again, records nothing
    for _ in range(4):
        key(pygame.K_RETURN)
        settle(app)
    assert app.top is q and q.message and q.q.id not in flow.predictions
    key(pygame.K_4, unicode="4")
    key(pygame.K_RETURN)
    settle(app)
    assert flow.predictions[q.q.id] == (1, 4) and app.top is not q
