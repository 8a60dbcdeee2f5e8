"""The predictions a student commits to before turn 1, and the hash chain that ties play to them.

When play starts, the game takes the SHA-256 of the student's prediction answers (with the
challenge's id): the *commitment*. The chain starts from it — ``h0 = H(tag, commitment)``, before
any action — and each turn of the action log extends it, ``h(t) = H(h(t-1), turn t's actions)``.
A submission (format 2) records the commitment and the chain's last link. Grading recomputes both
from the answers and the log in the file: answers edited after play no longer match the
commitment, and a log swapped in after play no longer continues the chain.

What this does not do: nothing here is secret, so a student who reads this module can recompute
the commitment and the chain for any answers, exactly as the game does. It turns an easy edit (a
text editor and the documented checksum) into a deliberate forgery, and it lets the game's own
flow state the order (the commitment is taken when the level starts, from the answers as they
were then). Proof that the predictions came first needs something the student cannot redo: the
short *prediction code* (``prediction_code``) shown when play starts, written down or posted
before playing, and compared by the teacher with the ``prediction_code`` column of ``class.csv``.
Must not import pygame.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import attrs

from sim.classroom.canonical import canonical_json
from sim.events import Action

TAG = "amid-plenty-commitment/1"
CODE_CHARS = 8  # 32 bits: far more than the few thousand ways a student could answer


@attrs.frozen
class Commitment:
    answers: str  # "sha256:…" of the predictions as they were when play started
    chain: str  # "sha256:…", the chain's last link after the last turn of the log


def _h(text: str) -> str:
    # surrogatepass: a crafted file's lone surrogate gives a (wrong) digest, never a crash
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def answers_digest(challenge_id: str, predictions: Mapping[str, tuple[int, int]]) -> str:
    """The commitment to ``predictions`` (question id → (choice, confidence)) for one challenge."""
    body = {"tag": TAG, "challenge": challenge_id,
            "answers": {k: [int(c), int(conf)] for k, (c, conf) in predictions.items()}}
    return _h(canonical_json(body))


def chain_head(answers: str, actions: Sequence[Sequence[Action]]) -> str:
    """The chain's last link: from the commitment (before turn 1) through every turn of the log."""
    link = _h(f"{TAG}|before turn 1|{answers}")
    for turn in actions:
        link = _h(f"{link}|{canonical_json([[a.kind, float(a.offset_min)] for a in turn])}")
    return link


def commit(challenge_id: str, predictions: Mapping[str, tuple[int, int]],
           actions: Sequence[Sequence[Action]], answers: str | None = None) -> Commitment:
    """A submission's commitment: ``answers`` as taken when play started (default: ``predictions``'s)."""
    answers = answers_digest(challenge_id, predictions) if answers is None else answers
    return Commitment(answers, chain_head(answers, actions))


def prediction_code(answers: str) -> str:
    """The short code the game shows when play starts: the commitment's first hex digits, grouped."""
    hexd = answers.removeprefix("sha256:")[:CODE_CHARS].upper()
    return f"{hexd[:4]}-{hexd[4:]}"


def commitment_flags(challenge_id: str, predictions: Mapping[str, tuple[int, int]],
                     actions: Sequence[Sequence[Action]], c: Commitment | None) -> tuple[str, ...]:
    """What grading says about the order of answers and play (a flag, never a change of status)."""
    if c is None:
        return ("predictions not committed before play (a format-1 file from an older version)",)
    if answers_digest(challenge_id, predictions) != c.answers:
        return ("answers changed after play (they are not the ones committed before turn 1)",)
    if chain_head(c.answers, actions) != c.chain:
        return ("action log changed after play (it does not continue the chain from the committed answers)",)
    return ()


__all__ = ["Commitment", "answers_digest", "chain_head", "commit", "commitment_flags", "prediction_code"]
