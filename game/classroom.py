"""A classroom challenge as the game plays it: where challenge files are found, the student's
answers as they are given, and where the submission is written.

``ChallengeFlow`` holds one student's way through a challenge (name → prediction questions →
play → reflection → submission); the scenes in ``game.scenes.challenge`` show it. Everything that
decides play, answers and files is the engine's ``sim.classroom``: this module only gathers what
the student typed and picked. Pure Python: must not import pygame.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import attrs

from game import campaign
from game.i18n import current_language
from sim.classroom import (
    Challenge,
    ChallengeError,
    load_challenge,
    make_submission,
    result_code,
    write_submission,
)
from sim.classroom.commitment import answers_digest, prediction_code

SUFFIX = ".challenge.toml"
SUBMISSIONS_FOLDER = "Amid Plenty submissions"
MAX_LISTED = 200


def challenge_folders(data_root: Path) -> list[Path]:
    """Where the picker looks: the challenges shipped with the game, then the player's own folder."""
    from sim.levels import levels_dir

    return [levels_dir() / "challenges", Path(data_root) / "challenges"]


def find_challenges(folders: list[Path]) -> list[Path]:
    out: list[Path] = []
    for folder in folders:
        try:
            found = sorted(p for p in folder.glob("*" + SUFFIX) if p.is_file() and not p.name.startswith("."))
        except OSError:
            continue
        out.extend(found)
    return out[:MAX_LISTED]


def submission_folders(data_root: Path) -> list[Path]:
    """Where a submission may go, best first: ``AMID_PLENTY_SUBMISSIONS`` when set, else a visible
    folder in the user's documents, else the game's data folder (always writable for the game)."""
    override = os.environ.get("AMID_PLENTY_SUBMISSIONS")
    if override:
        return [Path(override)]
    out: list[Path] = []
    try:
        import platformdirs

        out.append(Path(platformdirs.user_documents_dir()) / SUBMISSIONS_FOLDER)
    except Exception:
        pass
    out.append(Path(data_root) / "submissions")
    return out


@attrs.frozen
class Handed:
    """A written submission: where it went (None if no folder could take it), its code, the outcome."""

    path: Path | None
    code: str
    won: bool
    stars: int
    score: int
    problem: str | None = None


class ChallengeFlow:
    """One student's way through one challenge."""

    def __init__(self, challenge: Challenge) -> None:
        self.challenge = challenge
        self.name = ""
        self.predictions: dict[str, tuple[int, int]] = {}  # question id -> (choice, confidence 1-5)
        self.reflection: dict[str, str] = {}  # prompt id -> text
        self.info = campaign._info(challenge.level)
        self.session: campaign.LevelSession | None = None
        self.handed: Handed | None = None
        self.committed: str | None = None  # the predictions' commitment, taken when play starts
        self._shown: tuple[str, Challenge] | None = None

    @classmethod
    def open(cls, path: str | Path) -> ChallengeFlow:
        """``ChallengeError`` (one line, naming the file) when the file is not a usable challenge."""
        return cls(load_challenge(path))

    @property
    def shown(self) -> Challenge:
        """The challenge in the interface's language, for the screens; the submission is made from
        ``challenge`` (the file's own words), so a translation changes no hand-in."""
        lang = current_language()
        if self._shown is None or self._shown[0] != lang:
            self._shown = (lang, self.challenge.in_language(lang))
        return self._shown[1]

    @property
    def title(self) -> str:
        return self.shown.title

    def new_session(self) -> campaign.LevelSession:
        # The predictions are committed here, before turn 1: the submission records this digest, so
        # answers changed later show at grading (sim.classroom.commitment says how far that goes).
        self.committed = answers_digest(self.challenge.challenge_id, self.predictions)
        self.session = campaign.LevelSession(self.info, seed=self.challenge.seed)
        return self.session

    @property
    def prediction_code(self) -> str:
        """The short code to note down before playing; the teacher sees it in class.csv."""
        return prediction_code(self.committed or answers_digest(self.challenge.challenge_id, self.predictions))

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.predictions)
        out.update({k: v for k, v in self.reflection.items() if v.strip()})
        return out

    def hand_in(self, data_root: Path) -> Handed:
        """Make the submission from the finished run and write it to the first folder that takes it."""
        if self.session is None:
            raise ChallengeError("the challenge has not been played yet")
        sub = make_submission(self.challenge, self.name, self.answers(), self.session.run, self.committed)
        code = result_code(sub)
        r = self.session.run.result()
        path: Path | None = None
        problem: str | None = None
        for folder in submission_folders(data_root):
            try:
                path = write_submission(sub, folder)
                break
            except (OSError, ChallengeError) as e:
                problem = f"{folder}: {getattr(e, 'strerror', None) or e}"
        self.handed = Handed(path, code, bool(r.won), int(r.stars), int(r.score), None if path else problem)
        return self.handed
