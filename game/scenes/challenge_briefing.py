"""A classroom challenge's briefing: the level's own text, goals and actions, shown after the
student's name and before the prediction questions, so a student predicts knowing what the level
is about — the same briefing the campaign shows, with the challenge's flow around it."""

from __future__ import annotations

import attrs

from game.classroom import ChallengeFlow
from game.i18n import _
from game.scenes import make
from game.scenes.briefing import BriefingScene
from game.words import cell_type_name


class ChallengeBriefingScene(BriefingScene):
    def __init__(self, app, flow: ChallengeFlow) -> None:
        # the challenge asks its own questions next: the level's campaign questions stay out
        super().__init__(app, [attrs.evolve(flow.info, questions=())], 0)
        self.flow = flow

    def start_label(self) -> str:
        return _("Next") if self.flow.challenge.questions else _("Start")

    def _subtitle(self) -> str:
        info = self.info
        return _("Class challenge · {turns} turns of {minutes:.0f} minutes · a {cell} cell").format(
            turns=info.turns, minutes=info.turn_min, cell=cell_type_name(info.cell_type))

    def start(self) -> None:
        if self.flow.challenge.questions:
            self.app.replace(make("challenge_question", self.app, flow=self.flow, index=0))
        else:
            session = self.flow.new_session()
            self.app.replace(make("play", self.app, levels=[self.flow.info], index=0,
                                  seed=self.flow.challenge.seed, session=session, flow=self.flow))

    def back(self) -> None:
        self.app.replace(make("challenge_name", self.app, flow=self.flow))
