"""Canonical JSON, checksums, versions and size limits shared by challenges, submissions and codes.

Canonical JSON: keys sorted, no spaces, UTF-8, no NaN or infinity. The checksum of a document is
the SHA-256 of the canonical JSON of everything in it except the ``checksum`` field. It is not a
signature (no secret key): it catches corruption and casual edits, while the replay at grading is
what really verifies a submission. Must not import pygame.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata
from typing import Any

# Limits for files from others: a class's worth of honest files is far below every one.
MAX_CHALLENGE_BYTES = 512 * 1024
MAX_SUBMISSION_BYTES = 512 * 1024
MAX_CODES_FILE_BYTES = 4 * 1024 * 1024
MAX_CODE_CHARS = 64 * 1024
MAX_INFLATED_BYTES = 512 * 1024
MAX_NAME_CHARS = 80
MAX_TEXT_CHARS = 4000  # an answer to a reflection prompt, a teacher note
MAX_QUESTIONS = 30
MAX_CHOICES = 8
MAX_TURNS = 1000
MAX_ACTIONS_PER_TURN = 20
MAX_SUBMISSIONS = 5000  # per grading run
MAX_FOLDER_ENTRIES = 20000
CONFIDENCE_LEVELS = (1, 2, 3, 4, 5)  # 1: a guess … 5: sure


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def checksum(data: dict[str, Any]) -> str:
    """SHA-256 over the canonical JSON of ``data`` without its ``checksum`` key."""
    body = {k: v for k, v in data.items() if k != "checksum"}
    # surrogatepass: a lone surrogate from a crafted file must give a (wrong) checksum, not a crash;
    # for valid text the bytes are plain UTF-8.
    return "sha256:" + hashlib.sha256(canonical_json(body).encode("utf-8", "surrogatepass")).hexdigest()


@cache
def app_version() -> str:
    try:
        return metadata.version("amid-plenty")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def versions() -> dict[str, str]:
    from sim.engine import ENGINE_VERSION

    return {"engine": ENGINE_VERSION, "app": app_version()}
