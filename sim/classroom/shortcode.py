"""The bytes of a version-2 result code (``AP2-``): a submission without what its challenge gives back.

A version-1 code carried the whole submission file, six SHA-256 values in hexadecimal among it.
Most of that the grader can rebuild, so version 2 leaves it out:

- the challenge's title, level hash and seed: given by the challenge, named by the first 8 bytes
  of its id (the grader replays on its own challenge whatever a code says, so the id only tells
  "this challenge or another" and needs no collision resistance);
- the commitment (``commitment.py``): in every hand-in the game makes, ``answers`` is the digest of
  the answers and ``chain`` the chain over the log, so a code holds one bit for each, "as
  rebuilt"; a value that is not (answers or a log changed after play) is carried whole, so
  grading flags it as it flags the file. The prediction code follows from the rebuilt value, and
  that code, noted before play, is what proves the order;
- the final-state digest: its first 8 bytes, enough to tell whether the grader's replay reached the
  state the student's game did; when it did, the full digest is the replay's, otherwise the 8
  bytes stay (grading reports the mismatch as for a file);
- the checksum: rebuilt from the rebuilt submission. In its place, the first 8 bytes of a SHA-256
  over every byte of the code, so a changed, lost or added character never reads.

What is left (name, answers, reflection, versions, the claimed outcome, the action log as a table
of kinds and one small number per action) is packed in bytes and deflated with a preset
dictionary made from a real hand-in. Decoding rebuilds the submission as a dictionary in file
form and reads it with ``from_jsonable``, so it meets every check a file meets. Never change
``_ZDICT`` or the layout for version 2: old codes would no longer read. Must not import pygame.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from sim.classroom.canonical import (
    MAX_ACTIONS_PER_TURN,
    MAX_INFLATED_BYTES,
    MAX_QUESTIONS,
    MAX_TURNS,
    checksum,
)
from sim.classroom.commitment import Commitment, answers_digest, chain_head
from sim.classroom.fields import Reader
from sim.classroom.replay import replay
from sim.classroom.submission import FORMAT, Submission, from_jsonable

if TYPE_CHECKING:
    from sim.classroom.challenge import Challenge

CHECK, ID, STATE = 8, 8, 8  # bytes kept of the code's own digest, the challenge id, the final state
_HEAD = CHECK + ID + STATE
_COMMITTED, _ANSWERS_KEPT, _CHAIN_KEPT = 1, 2, 4  # bits of the first packed byte
_MAX_KINDS = 64
_MAX_VERSIONS = 10
_BIG = 2**40  # larger than any number a submission allows
# The catalog's action names, then ``packed_fields`` of a real hand-in (greedy on the shipped
# challenge starving-amid-plenty, three answers, two reflections on the lesson, the versions):
# the words and bytes most codes repeat.
_ZDICT = (
    b'\x07workout\x11anti_inflammatory\x0bantioxidant\tmetformin'
    b'\x0fswap_vegetables\rswap_balanced\x04fast\x0chalf_portion'
    b'\x05snack\x04rest\x01\x07Student\x03\x06plenty\x00\x03\x04walk'
    b'\x01\x03\x07insulin\x01\x03\x02\x03whyrGlucose stayed high in the blood, but insulin coul'
    b'd not open the cell to let it in, so the cell had little energy.'
    b'\x04nextBWalking helped the most; I would eat a smaller meal and rest less.'
    b'\x03\x06engine\x012\x03app\x050.1.0\x06player\nbot:greedy\x01'
    b'\x02\xd6\x0b\x10\x01\x04walk\x10\x01\x00\x01\x00\x01\x00\x01'
    b'\x00\x01\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
)


# --- writing ------------------------------------------------------------------------------------------
def pack(sub: Submission) -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, _ZDICT)
    body = (_digest(sub.challenge_id)[:ID] + _digest(sub.outcome.final_state)[:STATE]
            + z.compress(packed_fields(sub)) + z.flush())
    return _check(body) + body


def packed_fields(sub: Submission) -> bytes:
    """What a code deflates: everything but the head (also what ``_ZDICT`` was made from)."""
    out = bytearray()
    c = sub.commitment
    answers_kept = c is not None and c.answers != answers_digest(sub.challenge_id, sub.choices)
    chain_kept = c is not None and c.chain != chain_head(c.answers, sub.actions)
    out.append((_COMMITTED if c else 0) | (_ANSWERS_KEPT if answers_kept else 0) | (_CHAIN_KEPT if chain_kept else 0))
    _text(out, sub.name)
    _uint(out, len(sub.predictions))
    for k, p in sub.predictions.items():
        _text(out, k)
        _uint(out, p.choice)
        _uint(out, p.confidence)
    _pairs(out, sub.reflection)
    _pairs(out, sub.versions)
    o = sub.outcome
    _uint(out, int(o.won))
    _uint(out, o.stars)
    _uint(out, o.score * 2 if o.score >= 0 else -o.score * 2 - 1)  # zigzag: small either side of 0
    _uint(out, o.turns_played)
    kinds = list(dict.fromkeys(a.kind for turn in sub.actions for a in turn))
    _uint(out, len(kinds))
    for k in kinds:
        _text(out, k)
    _uint(out, len(sub.actions))
    for turn in sub.actions:
        _uint(out, len(turn))
        for a in turn:
            _action(out, kinds.index(a.kind), a.offset_min)
    if c is not None:
        out += _digest(c.answers) if answers_kept else b""
        out += _digest(c.chain) if chain_kept else b""
    return bytes(out)


def _check(body: bytes) -> bytes:
    return hashlib.sha256(b"AP2|" + body).digest()[:CHECK]


def _digest(s: str) -> bytes:
    return bytes.fromhex(s.removeprefix("sha256:"))


def _uint(out: bytearray, n: int) -> None:
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)


def _text(out: bytearray, s: str) -> None:
    b = s.encode("utf-8")
    _uint(out, len(b))
    out += b


def _pairs(out: bytearray, m: Mapping[str, str]) -> None:
    _uint(out, len(m))
    for k, v in m.items():
        _text(out, k)
        _text(out, v)


def _action(out: bytearray, kind: int, offset: float) -> None:
    # kind * 3 + how the offset is written: 0 none, 1 whole minutes, 2 a float (any other number)
    if offset == 0:
        _uint(out, kind * 3)
    elif float(offset).is_integer() and 0 < offset <= 1440:
        _uint(out, kind * 3 + 1)
        _uint(out, int(offset))
    else:
        _uint(out, kind * 3 + 2)
        out += struct.pack(">d", offset)


# --- reading ------------------------------------------------------------------------------------------
class _Damaged(Exception):
    """The bytes do not read as a code (cut short, a count out of range, not UTF-8)."""


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, n: int) -> bytes:
        if self.at + n > len(self.data):
            raise _Damaged
        b = self.data[self.at:self.at + n]
        self.at += n
        return b

    def uint(self, most: int) -> int:
        n = shift = 0
        while True:
            b = self.take(1)[0]
            n |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                break
            if shift > 63:
                raise _Damaged
        if n > most:
            raise _Damaged
        return n

    def text(self) -> str:
        try:
            return self.take(self.uint(MAX_INFLATED_BYTES)).decode("utf-8")
        except UnicodeDecodeError:
            raise _Damaged from None

    def pairs(self, most: int) -> dict[str, str]:
        return {self.text(): self.text() for _ in range(self.uint(most))}


def unpack(data: bytes, r: Reader, challenge: Challenge | None) -> Submission:
    """The submission in ``data`` (a code's bytes), rebuilt with ``challenge`` when the code is for it;
    for another challenge (or none) with only what the code holds: a short id, no title or level."""
    if len(data) < _HEAD or _check(data[CHECK:]) != data[:CHECK]:
        raise r.fail("", "is damaged (a character was changed, added or lost)")
    ident, state = data[CHECK:CHECK + ID].hex(), data[CHECK + ID:_HEAD].hex()
    z = zlib.decompressobj(-15, _ZDICT)
    try:
        packed = z.decompress(data[_HEAD:], MAX_INFLATED_BYTES)
        if z.unconsumed_tail or not z.eof or z.unused_data:
            raise _Damaged
        raw, committed, (answers, chain) = _fields(_Bytes(packed))
    except (zlib.error, _Damaged):
        raise r.fail("", "is damaged (its contents do not read)") from None
    # Read as a file is (every check there), with stand-ins for what is rebuilt after.
    stand_in = "0" * 64
    raw.update(format=FORMAT, format_version=2 if committed else 1,
               challenge={"id": "sha256:" + stand_in, "title": "", "level_hash": stand_in, "seed": 0})
    raw["outcome"]["final_state"] = stand_in
    if committed:
        raw["commitment"] = {"answers": "sha256:" + stand_in, "chain": "sha256:" + stand_in}
    raw["checksum"] = checksum(raw)
    sub = from_jsonable(raw, r)
    if challenge is None or challenge.challenge_id.removeprefix("sha256:")[:2 * ID] != ident:
        return _resigned(sub, challenge_id="sha256:" + ident, level_hash="", commitment=None,
                         outcome=attrs.evolve(sub.outcome, final_state=state))
    final = replay(challenge, sub.actions).final_state
    commitment = None
    if committed:
        answers = answers or answers_digest(challenge.challenge_id, sub.choices)
        commitment = Commitment(answers, chain or chain_head(answers, sub.actions))
    # When the student's game ended elsewhere than this replay, the 8 bytes it reported stay.
    return _resigned(sub, challenge_id=challenge.challenge_id, challenge_title=challenge.title,
                     level_hash=challenge.level_hash, seed=challenge.seed, commitment=commitment,
                     outcome=attrs.evolve(sub.outcome, final_state=final if final.startswith(state) else state))


def _resigned(sub: Submission, **changes: Any) -> Submission:
    sub = attrs.evolve(sub, **changes)
    return attrs.evolve(sub, checksum=checksum(sub.body()))


def _fields(b: _Bytes) -> tuple[dict[str, Any], bool, tuple[str, str]]:
    """What ``pack`` wrote after the head, in file form; whether it was committed; the values kept."""
    flags = b.uint(7)
    raw: dict[str, Any] = {"name": b.text()}
    # Numbers are read whole and checked by ``from_jsonable``, so an out-of-range one is named there.
    raw["answers"] = {b.text(): {"choice": b.uint(_BIG), "confidence": b.uint(_BIG)}
                      for _ in range(b.uint(MAX_QUESTIONS))}
    raw["reflection"] = b.pairs(MAX_QUESTIONS)
    raw["versions"] = b.pairs(_MAX_VERSIONS)
    won, stars, zig, turns = b.uint(1), b.uint(_BIG), b.uint(_BIG), b.uint(_BIG)
    raw["outcome"] = {"won": bool(won), "stars": stars, "score": zig // 2 if zig % 2 == 0 else -(zig + 1) // 2,
                      "turns_played": turns}
    kinds = [b.text() for _ in range(b.uint(_MAX_KINDS))]
    raw["actions"] = [[_read_action(b, kinds) for _ in range(b.uint(MAX_ACTIONS_PER_TURN))]
                      for _ in range(b.uint(MAX_TURNS))]
    answers = "sha256:" + b.take(32).hex() if flags & _ANSWERS_KEPT else ""
    chain = "sha256:" + b.take(32).hex() if flags & _CHAIN_KEPT else ""
    if b.at != len(b.data) or (not flags & _COMMITTED and flags):
        raise _Damaged
    return raw, bool(flags & _COMMITTED), (answers, chain)


def _read_action(b: _Bytes, kinds: list[str]) -> dict[str, Any]:
    n = b.uint(3 * len(kinds) - 1)
    kind, how = divmod(n, 3)
    if how == 0:
        return {"kind": kinds[kind]}
    offset = float(b.uint(1440)) if how == 1 else struct.unpack(">d", b.take(8))[0]
    return {"kind": kinds[kind], "offset_min": offset}


__all__ = ["pack", "unpack"]
