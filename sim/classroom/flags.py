"""Flags for the easy cheats a checksum without a secret cannot stop, found across a class.

- the same action log as a classmate (a copied file re-signed under another name, a pasted log),
  or one that differs in a single turn of a long level;
- the same student handing in more than once (each row is kept; the later ones are flagged);
- an action log that is what a shipped bot plays on this challenge (``greedy``, ``search``: each is
  played once on the challenge's level and seed, and the student's log compared turn by turn), or
  a file the bot itself made (``python -m sim challenge play`` writes ``versions.player``);
- an action at a nonzero offset in a hand-in that claims to come from the game (no
  ``versions.player``): the game only ever plays an action at the start of its turn.

Logs are compared by the action kinds of each turn, offsets left out: nudging every offset by
1e-6 min changes nothing a teacher cares about but made a copied or bot-played log look new.

There is no timing evidence to use: submissions carry no per-turn wall times, and any the game
wrote would be as easy to forge as the rest of the file.

A flag is a mark for the teacher to look at, never a change of status: two honest students may
play the same obvious moves in a short level. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import attrs

from sim.classroom.grade import Graded
from sim.events import Action

if TYPE_CHECKING:
    from sim.classroom.challenge import Challenge

AGAIN = "handed in more than once"  # the start of the flag on a student's later hand-ins
NEAR_MIN_TURNS = 8  # below this, one differing turn is too likely by chance
NEAR_MAX_ROWS = 600  # the pairwise near-copy check is quadratic
BOTS = ("greedy", "search")  # idle is left out: its empty log is what "end turn" gives anyone
# A log "plays as the bot" when, over the turns where the student or the bot acted, at least this
# share are the bot's very moves, and there are at least BOT_MIN_ACTIVE such turns: a student
# who rests most of the level must not match a bot that also rests most of it.
BOT_SHARE = 0.8
BOT_MIN_ACTIVE = 4

Log = tuple[tuple[Action, ...], ...]
Kinds = tuple[tuple[str, ...], ...]  # a log without its offsets: what the flags compare
NONZERO_OFFSET = "offsets the game never writes (an action not at the start of its turn)"


def kinds(log: Log) -> Kinds:
    return tuple(tuple(a.kind for a in turn) for turn in log)


def _add(g: Graded, flag: str) -> Graded:
    return g if flag in g.flags else attrs.evolve(g, flags=(*g.flags, flag))


def mark_flags(rows: Sequence[Graded], challenge: Challenge | None = None) -> list[Graded]:
    out = list(rows)
    if challenge is not None:
        out = _mark_bots(out, challenge)
    intact = [i for i, g in enumerate(out) if g.submission is not None and g.status != "corrupt"]
    by_name: dict[str, int] = {}
    for i in intact:
        key = " ".join(out[i].who.casefold().split())
        if key in by_name:
            out[i] = _add(out[i], f"{AGAIN} (also {out[by_name[key]].source})")
        else:
            by_name[key] = i
    by_log: dict[Kinds, int] = {}
    for i in intact:
        sub = out[i].submission
        assert sub is not None
        if "player" not in sub.versions and any(a.offset_min != 0 for turn in sub.actions for a in turn):
            out[i] = _add(out[i], NONZERO_OFFSET)
        if not any(sub.actions):
            continue  # an empty log is what anyone gets by pressing "end turn"
        j = by_log.setdefault(kinds(sub.actions), i)
        if j != i and out[j].who.casefold() != out[i].who.casefold():
            out[i] = _add(out[i], f"same action log as {out[j].who}")
            out[j] = _add(out[j], f"same action log as {out[i].who}")
    if len(intact) <= NEAR_MAX_ROWS:
        logs = [(i, kinds(sub.actions)) for i in intact if (sub := out[i].submission) is not None]
        for a, (i, la) in enumerate(logs):
            for j, lb in logs[:a]:
                if (len(la) == len(lb) >= NEAR_MIN_TURNS and la != lb
                        and sum(x != y for x, y in zip(la, lb, strict=True)) == 1
                        and out[i].who.casefold() != out[j].who.casefold()):
                    out[i] = _add(out[i], f"action log differs from {out[j].who}'s in one turn only")
                    out[j] = _add(out[j], f"action log differs from {out[i].who}'s in one turn only")
    return out


@lru_cache(maxsize=8)
def _bot_logs(challenge_toml: str) -> tuple[tuple[str, Log], ...]:
    """Each bot's log on the challenge (its level and seed); about a second for both, once a class."""
    from sim.classroom.challenge import parse_challenge
    from sim.levels import LevelRun
    from sim.policies import get_policy

    ch = parse_challenge(challenge_toml, "challenge")
    out = []
    for name in BOTS:
        run = LevelRun(ch.level, seed=ch.seed)
        run.play_out(get_policy(name))
        out.append((name, tuple(tuple(turn) for turn in run.action_log)))
    return tuple(out)


def bot_match(log: Log, bot: Log) -> tuple[int, int]:
    """(turns played as the bot would, turns where either acted), turn by turn from the start;
    a turn counts as the bot's when it plays the same kinds in the same order, at any offsets."""
    mine, its = kinds(log), kinds(bot)
    n = max(len(mine), len(its))
    active = [t for t in range(n) if (t < len(mine) and mine[t]) or (t < len(its) and its[t])]
    same = sum(1 for t in active if t < len(mine) and t < len(its) and mine[t] == its[t])
    return same, len(active)


def _plays_as_bot(log: Log, bot: Log) -> bool:
    same, active = bot_match(log, bot)
    return active >= BOT_MIN_ACTIVE and same >= BOT_SHARE * active


def _mark_bots(out: list[Graded], challenge: Challenge) -> list[Graded]:
    mine = [i for i, g in enumerate(out) if g.submission is not None and g.status in ("verified", "mismatch")]
    for i in mine:
        sub = out[i].submission
        assert sub is not None
        player = sub.versions.get("player", "")
        if player.startswith("bot:"):
            out[i] = _add(out[i], f"made by the bot {player[4:]!r} (python -m sim challenge play)")
    logs = {i: sub.actions for i in mine if (sub := out[i].submission) is not None
            and sum(1 for turn in sub.actions if turn) >= BOT_MIN_ACTIVE}
    if not logs:
        return out  # nobody acted enough to be compared: no need to run the bots
    for name, bot in _bot_logs(challenge.to_toml()):
        for i, log in logs.items():
            if _plays_as_bot(log, bot):
                same, active = bot_match(log, bot)
                out[i] = _add(out[i], f"plays as the bot {name!r} would ({same} of {active} active turns)")
    return out


def flagged(rows: Sequence[Graded]) -> int:
    return sum(1 for g in rows if g.flags)


def counted(rows: Sequence[Graded]) -> list[Graded]:
    """One row per student for the class's figures: a student's first intact hand-in counts, the
    later ones (flagged ``AGAIN``) are listed but not counted again. Unreadable files count as
    they are: nobody can tell whose they are."""
    return [g for g in rows if not any(f.startswith(AGAIN) for f in g.flags)]


__all__ = ["AGAIN", "BOTS", "NONZERO_OFFSET", "bot_match", "counted", "flagged", "kinds", "mark_flags"]
