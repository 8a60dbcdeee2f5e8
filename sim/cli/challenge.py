"""``python -m sim challenge new|check|play|template``: make, check and (with a bot) play classroom challenges.

  new LEVEL --seed N --out NAME.challenge.toml   embed a level with its hash, the seed, the rules
      [--title T] [--questions FILE] [--actions a,b] [--turns N] [--lock KEY=VALUE ...] [--notes TEXT]
  check FILE                                     validate a challenge and show what it holds
  play FILE --policy NAME --name NAME --out FILE.json   a bot's submission, for demos and tests
      [--answer ID=CHOICE:CONFIDENCE ...] [--reflect ID=TEXT ...] [--code]
  template [--out FILE.toml]                     a questions file to edit for --questions (default: print it)

See docs/classroom.md for the whole flow.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sim.classroom.challenge import (
    LOCKABLE,
    SUFFIX,
    load_challenge,
    make_challenge,
)
from sim.classroom.codes import result_code
from sim.classroom.submission import make_submission
from sim.cli.errors import CliError
from sim.cli.names import CHALLENGE_HELP, challenge_arg, level_arg
from sim.cli.outputs import messages, wrote
from sim.cli.run import seed_int
from sim.storage import atomic_write_text, emit, is_stdout


def add_parser(sub: Any) -> None:
    p = sub.add_parser("challenge", help="make, check or bot-play a classroom challenge",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cmds = p.add_subparsers(dest="challenge_command", metavar="new|check|play|template", parser_class=type(p))
    cmds.required = True

    n = cmds.add_parser("new", help="make a challenge file from a level")
    n.add_argument("level", type=level_arg, help="the level: a file (.toml) or a shipped level's name (levels list)")
    n.add_argument("--seed", type=seed_int, required=True, help="the seed every student plays (0 or more)")
    n.add_argument("--title", help="title shown to students (default: the level's)")
    n.add_argument("--questions", type=Path, help="a TOML file of [[questions]] and [[reflection]] (default: the level's)")
    n.add_argument("--actions", help="comma-separated actions students may use (default: all the level offers)")
    n.add_argument("--turns", type=int, help="turn limit (default: the level's length)")
    n.add_argument("--lock", action="append", default=[], metavar="KEY=VALUE",
                   help=f"a game setting to lock ({', '.join(LOCKABLE)}); default muted=true")
    n.add_argument("--notes", default="", help="notes for the teacher (not shown to students)")
    n.add_argument("--out", type=Path, required=True, help=f"the challenge file to write (name ends in {SUFFIX}); - writes it to standard output")
    n.set_defaults(func=new)

    c = cmds.add_parser("check", help="validate a challenge file")
    c.add_argument("file", type=challenge_arg, help=CHALLENGE_HELP)
    c.set_defaults(func=check)

    pl = cmds.add_parser("play", help="play a challenge with a bot and write its submission")
    pl.add_argument("file", type=challenge_arg, help=CHALLENGE_HELP)
    pl.add_argument("--policy", default="greedy", help="idle, greedy or search (default greedy)")
    pl.add_argument("--name", required=True, help="the name to put on the submission")
    pl.add_argument("--answer", action="append", default=[], metavar="ID=CHOICE:CONFIDENCE",
                    help="a prediction answer, e.g. q1=2:4 (choice from 0, confidence 1–5)")
    pl.add_argument("--reflect", action="append", default=[], metavar="ID=TEXT", help="a reflection answer")
    pl.add_argument("--out", type=Path, required=True, help="the submission file to write (.json); - writes it to standard output")
    pl.add_argument("--code", action="store_true", help="also print the result code")
    pl.set_defaults(func=play)

    t = cmds.add_parser("template", help="a questions file to copy and edit for `challenge new --questions`")
    t.add_argument("--out", type=Path, help="the file to write (default: print it)")
    t.set_defaults(func=template)


def _locks(items: list[str]) -> dict[str, Any] | None:
    if not items:
        return None
    out: dict[str, Any] = {}
    for item in items:
        k, sep, v = item.partition("=")
        k = k.strip()
        if not sep or k not in LOCKABLE:
            raise CliError(f"--lock {item!r}: expected KEY=VALUE with KEY one of {', '.join(LOCKABLE)}")
        kind = LOCKABLE[k][0]
        if kind == "bool":
            if v.lower() not in ("true", "false"):
                raise CliError(f"--lock {item!r}: {k} is true or false")
            out[k] = v.lower() == "true"
        else:
            try:
                out[k] = int(v) if kind == "int" else float(v)
            except ValueError:
                raise CliError(f"--lock {item!r}: {k} needs a number") from None
    return out


def new(args: argparse.Namespace) -> int:
    if not is_stdout(args.out) and not args.out.name.endswith(SUFFIX):
        raise CliError(f"--out {args.out}: a challenge file's name must end in {SUFFIX}")
    if args.seed < 0:
        raise CliError(f"--seed {args.seed}: must be 0 or more")
    actions = [a.strip() for a in args.actions.split(",") if a.strip()] if args.actions else None
    ch = make_challenge(args.level, args.seed, title=args.title, questions_path=args.questions, allowed_actions=actions,
                        turn_limit=args.turns, locked_settings=_locks(args.lock), teacher_notes=args.notes)
    emit(args.out, ch.to_toml())
    print(f"{wrote(args, 'the challenge', None)}: {ch.title!r}, level {ch.level_slug}, seed {ch.seed}, "
          f"{len(ch.questions)} questions, {len(ch.reflection)} reflection prompts", file=messages(args))
    return 0


def check(args: argparse.Namespace) -> int:
    ch = load_challenge(args.file)
    print(f"{args.file}: ok")
    print(f"  title      {ch.title}")
    print(f"  level      {ch.level_slug} (hash {ch.level_hash[:12]}…), {ch.turn_limit} turns of {ch.level.turn_min:g} min")
    print(f"  seed       {ch.seed}")
    print(f"  actions    {', '.join(ch.allowed_actions) or 'none'}")
    print(f"  settings   {', '.join(f'{k}={v}' for k, v in ch.locked_settings.items()) or 'none locked'}")
    print(f"  questions  {len(ch.questions)} before, {len(ch.reflection)} after")
    print(f"  id         {ch.challenge_id}")
    return 0


def _answers(args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in args.answer:
        k, sep, v = item.partition("=")
        choice, _, conf = v.partition(":")
        try:
            out[k.strip()] = (int(choice), int(conf or 3))
        except ValueError:
            raise CliError(f"--answer {item!r}: expected ID=CHOICE:CONFIDENCE, e.g. q1=2:4") from None
        if not sep:
            raise CliError(f"--answer {item!r}: expected ID=CHOICE:CONFIDENCE")
    for item in args.reflect:
        k, sep, v = item.partition("=")
        if not sep:
            raise CliError(f"--reflect {item!r}: expected ID=TEXT")
        out[k.strip()] = v
    return out


def play(args: argparse.Namespace) -> int:
    from sim.levels import LevelRun
    from sim.policies import get_policy

    if not is_stdout(args.out) and args.out.suffix.lower() != ".json":
        raise CliError(f"--out {args.out}: a submission file ends in .json")
    ch = load_challenge(args.file)
    answers = _answers(args)
    policy = get_policy(args.policy)
    run = LevelRun(ch.level, seed=ch.seed)
    result = run.play_out(policy)
    sub = make_submission(ch, args.name, answers, run, player=f"bot:{policy.name}")
    emit(args.out, sub.to_json())
    say = messages(args)
    print(f"{wrote(args, 'the submission', None)}: {sub.name}, score {result.score}, {result.stars} stars"
          f"{'' if result.won else ' (lost: ' + (result.failed_because or '') + ')'}", file=say)
    if args.code:
        print(result_code(sub), file=say)
    return 0


def template(args: argparse.Namespace) -> int:
    from importlib import resources

    text = resources.files("sim").joinpath("data/questions-template.toml").read_text("utf-8")
    if args.out is None or is_stdout(args.out):
        print(text, end="")
        return 0
    if args.out.exists():
        raise CliError(f"--out {args.out}: already exists; give a new file name (nothing was overwritten)")
    atomic_write_text(args.out, text)
    print(f"wrote {args.out}: edit it, then `challenge new LEVEL --seed N --questions {args.out} --out NAME{SUFFIX}`")
    return 0
