"""Bot-played hand-ins: a log that is what a shipped policy plays on the challenge is flagged (issue 13).

Before, ``python -m sim challenge play --policy search --name Me`` handed in a perfect run that
graded ``verified`` with no mark at all.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim.classroom import load_challenge, make_submission
from sim.classroom.flags import BOT_MIN_ACTIVE, NONZERO_OFFSET, _bot_logs, mark_flags
from sim.classroom.grade import grade_submission
from sim.cli.main import main
from sim.events import Action
from sim.levels import LevelRun, levels_dir
from sim.policies import get_policy

CHALLENGE = levels_dir() / "challenges" / "starving-amid-plenty.challenge.toml"


@pytest.fixture(scope="module")
def challenge():
    return load_challenge(CHALLENGE)


def _flags(challenge, run: LevelRun, name: str = "Ana", **kw) -> tuple[str, ...]:
    sub = make_submission(challenge, name, {}, run, **kw)
    [row] = mark_flags([grade_submission(challenge, sub, f"{name}.json")], challenge)
    return row.flags


def _log_run(challenge, log) -> LevelRun:
    run = LevelRun(challenge.level, seed=challenge.seed)
    for acts in log:
        if run.done:
            break
        run.step(list(acts))
    return run


@pytest.mark.parametrize("policy", ["greedy", "search"])
def test_a_log_played_by_a_shipped_bot_is_flagged(challenge, policy):
    run = LevelRun(challenge.level, seed=challenge.seed)
    run.play_out(get_policy(policy))
    flags = _flags(challenge, run)
    assert any(f.startswith(f"plays as the bot {policy!r} would") for f in flags), flags


def test_a_bot_log_with_one_turn_changed_is_still_flagged(challenge):
    [(_, greedy), _search] = _bot_logs(challenge.to_toml())
    log = [list(t) for t in greedy]
    first = next(t for t, acts in enumerate(log) if acts)
    log[first] = []  # skip one of the bot's moves by hand
    flags = _flags(challenge, _log_run(challenge, log))
    assert any("plays as the bot 'greedy' would" in f for f in flags), flags


@pytest.mark.parametrize("seed", range(6))
def test_a_human_like_varied_log_is_not_flagged(challenge, seed):
    """Random legal choices, acting on about half the turns, as a student trying things out."""
    rng = np.random.default_rng(seed)
    run = LevelRun(challenge.level, seed=challenge.seed)
    while not run.done:
        ok = sorted(k for k, v in run.observe().available.items() if v)
        run.step([Action(str(rng.choice(ok)))] if ok and rng.random() < 0.5 else [])
    assert sum(1 for t in run.action_log if t) >= BOT_MIN_ACTIVE  # so the bots were compared
    assert not any("bot" in f for f in _flags(challenge, run))


def test_a_student_who_rests_like_the_bot_is_not_flagged(challenge):
    """The bots rest most of this level; a student who only walks the first three turns acts too
    little to be compared, and one who walks the first five matches 5 of 6 active turns only when
    those are the bot's very moves."""
    run = _log_run(challenge, [[Action("walk")]] * 3 + [[]] * 20)
    assert sum(1 for t in run.action_log if t) < BOT_MIN_ACTIVE
    assert not any("bot" in f for f in _flags(challenge, run))
    late = _log_run(challenge, [[]] * 6 + [[Action("walk")]] * 6 + [[]] * 10)  # the bots walk early
    assert sum(1 for t in late.action_log if t) >= BOT_MIN_ACTIVE
    assert not any("bot" in f for f in _flags(challenge, late))


def test_a_file_the_bot_cli_made_says_so(challenge, tmp_path):
    out = tmp_path / "me.json"
    assert main(["challenge", "play", str(CHALLENGE), "--policy", "idle", "--name", "Me", "--out", str(out)]) == 0
    from sim.classroom import load_submission

    sub = load_submission(out)
    assert sub.versions["player"] == "bot:idle"
    [row] = mark_flags([grade_submission(challenge, sub, "me.json")], challenge)
    assert row.status == "verified" and "made by the bot 'idle'" in row.flags[0]


def test_the_bots_do_not_run_when_nobody_acted_enough(challenge):
    _bot_logs.cache_clear()
    run = _log_run(challenge, [[]] * 20)
    _flags(challenge, run)
    assert _bot_logs.cache_info().misses == 0


def _nudged(log, by: float) -> list[list[Action]]:
    return [[Action(a.kind, a.offset_min + by) for a in turn] for turn in log]


def test_a_bot_log_with_every_offset_nudged_is_still_flagged(challenge):
    """Offsets of 1e-6 min change nothing a teacher cares about; they used to make the log new."""
    [(_, greedy), _search] = _bot_logs(challenge.to_toml())
    flags = _flags(challenge, _log_run(challenge, _nudged(greedy, 1e-6)))
    assert any("plays as the bot 'greedy' would" in f for f in flags), flags


def test_a_nonzero_offset_in_a_hand_in_from_the_game_is_flagged(challenge):
    [(_, greedy), _search] = _bot_logs(challenge.to_toml())
    flags = _flags(challenge, _log_run(challenge, _nudged(greedy, 2e-6)))
    assert NONZERO_OFFSET in flags


def test_offsets_from_the_bot_cli_are_not_flagged_as_never_written(challenge):
    """``challenge play`` names its player, so a policy that acts mid-turn is not called forged."""
    [(_, greedy), _search] = _bot_logs(challenge.to_toml())
    flags = _flags(challenge, _log_run(challenge, _nudged(greedy, 2e-6)), player="bot:custom")
    assert NONZERO_OFFSET not in flags and any("made by the bot" in f for f in flags)


def test_a_game_log_at_offset_zero_is_not_flagged_for_offsets(challenge):
    run = LevelRun(challenge.level, seed=challenge.seed)
    run.play_out(get_policy("greedy"))
    assert NONZERO_OFFSET not in _flags(challenge, run)
