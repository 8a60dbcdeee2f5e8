"""Result codes: a whole submission as one line of text, for classrooms where files can't be moved.

``AP2-`` (written since issue 11) then the bytes of ``shortcode.py`` — the submission less what its
challenge and a replay give back — in URL-safe base64 without padding. ``AP1-`` codes (read
still, so old hand-ins grade) hold the submission's canonical JSON, deflated with a preset
dictionary of the words every submission repeats. URL-safe base64 has only letters, digits, ``-``
and ``_``: nothing a mail program rewrites. Spaces, line breaks and e-mail quote markers ("> ")
inside a code are ignored, so a code that an e-mail client wrapped or quoted still reads.
Decoding is bounded (code length, inflated size) and ends in the same checks as a submission
file. Never change ``_ZDICT`` for version 1: old codes would no longer inflate.
Must not import pygame.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from typing import TYPE_CHECKING, Any

from sim.classroom import shortcode
from sim.classroom.canonical import MAX_CODE_CHARS, MAX_INFLATED_BYTES, canonical_json
from sim.classroom.fields import Reader
from sim.classroom.submission import Submission, from_jsonable
from sim.errors import ChallengeError

if TYPE_CHECKING:
    from sim.classroom.challenge import Challenge

PREFIX = "AP2-"
PREFIX_V1 = "AP1-"
PREFIXES = (PREFIX, PREFIX_V1)
_ZDICT = (
    b'{"actions":[[{"kind":"walk"}],[{"kind":"rest"}],[],[]],"answers":{"q1":{"choice":0,"confidence":3},'
    b'"q2":{"choice":1,"confidence":4}},"challenge":{"id":"sha256:","level_hash":"","seed":0,"title":""},'
    b'"checksum":"sha256:","format":"amid-plenty-submission","format_version":1,"name":"","outcome":'
    b'{"final_state":"","score":0,"stars":0,"turns_played":0,"won":false},"reflection":{"r1":"","r2":""},'
    b'"versions":{"app":"0.1.0","engine":"1"}}'
)
_B64 = re.compile(r"^[A-Za-z0-9_-]*$")
# A reply quotes each line of the original with "> " (nested replies: "> > "); ">" is never part of
# a code, so the markers at the start of a line go before anything is read.
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]*)+", re.MULTILINE)


def unquote(text: str) -> str:
    """``text`` with e-mail quote markers taken off the start of each line."""
    return _QUOTE.sub("", text)


_IN_TEXT = re.compile(r"AP[12]-[A-Za-z0-9_-]+")


def result_code(sub: Submission) -> str:
    """``sub`` as an ``AP2-`` code; reading it back needs the challenge (``parse_result_code``)."""
    return PREFIX + _b64(shortcode.pack(sub))


def result_code_v1(sub: Submission) -> str:
    """``sub`` as an ``AP1-`` code, as versions before issue 11 wrote it (for tests of old hand-ins)."""
    data = canonical_json(sub.to_jsonable()).encode("utf-8")
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, _ZDICT)
    return PREFIX_V1 + _b64(c.compress(data) + c.flush())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def parse_result_code(text: str, where: str = "result code", challenge: Challenge | None = None) -> Submission:
    """The submission inside a code; ``ChallengeError`` for anything that is not a whole, intact code.

    An ``AP2-`` code names its challenge by id only: given that ``challenge``, the submission comes
    back whole (title, level, commitment, final state rebuilt); for another challenge, or none, it
    comes back with a short ``challenge_id`` and no title or level (grading: wrong-challenge)."""
    r = Reader(where)
    if not isinstance(text, str):
        raise r.fail("", "is not text")
    if len(text) > MAX_CODE_CHARS * 2:
        raise r.fail("", f"{len(text):,} characters; allowed: at most {MAX_CODE_CHARS:,}")
    code = "".join(unquote(text).split())
    if not code.startswith(PREFIXES):
        raise r.fail("", f"does not start with {PREFIX!r} or {PREFIX_V1!r} (copy the whole code)")
    body = code[len(PREFIX):]
    if len(body) > MAX_CODE_CHARS:
        raise r.fail("", f"{len(body):,} characters; allowed: at most {MAX_CODE_CHARS:,}")
    if not _B64.match(body) or len(body) % 4 == 1:
        raise r.fail("", "has characters that are not part of a code, or is cut short (copy the whole code)")
    packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    if _b64(packed) != body:  # the last character's unused bits: a changed one must not read the same
        raise r.fail("", "is damaged (a character was changed, added or lost)")
    if code.startswith(PREFIX):
        return shortcode.unpack(packed, r, challenge)
    return _parse_v1(packed, r)


def _parse_v1(packed: bytes, r: Reader) -> Submission:
    try:
        d = zlib.decompressobj(-15, _ZDICT)
        data = d.decompress(packed, MAX_INFLATED_BYTES)
        if d.unconsumed_tail:
            raise r.fail("", f"unpacks to more than {MAX_INFLATED_BYTES:,} bytes")
        if not d.eof:
            raise r.fail("", "is cut short (copy the whole code)")
        if d.unused_data:
            raise r.fail("", "has extra characters after its end")
        raw: Any = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except ChallengeError:
        raise
    except zlib.error:
        raise r.fail("", "is damaged (a character was changed, added or lost)") from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise r.fail("", "is damaged (its contents do not read)") from None
    return from_jsonable(raw, r)


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def find_codes(text: str) -> list[str]:
    """Every code in pasted text: a code starts at ``AP2-`` or ``AP1-``; lines that follow it and hold only code
    characters continue it (wrapped by a mail program); anything else ends it."""
    codes: list[str] = []
    current: str | None = None
    for line in unquote(text).splitlines():
        s = line.strip()
        if current is not None and s and not s.startswith(PREFIXES) and _B64.match(s):
            current += s
            continue
        if current is not None:
            codes.append(current)
            current = None
        found = _IN_TEXT.findall(s)
        if found:
            codes.extend(found[:-1])
            current = found[-1]
            if not s.endswith(current):  # more words after the code on the same line: it ends here
                codes.append(current)
                current = None
    if current is not None:
        codes.append(current)
    return codes
