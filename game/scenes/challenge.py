"""A classroom challenge, step by step: the student's name, the prediction questions (a choice and
how sure, 1–5), the level itself (``PlayScene`` with the flow attached), the reflection prompts,
and the handed-in screen with the submission's path and result code.

Each step replaces the one before on the stack, so the flow takes one place above the picker (or
the title, with ``--challenge``); the challenge's locked settings hold from the name step until
that scene is back on top. What the student gives is kept in ``game.classroom.ChallengeFlow``.
"""

from __future__ import annotations

import pygame

from game.classroom import ChallengeFlow
from game.i18n import _
from game.scenes import make
from game.scenes.base import Scene
from game.textfield import TextField
from game.ui import Button, ChoiceButton, blit_text
from sim.classroom import check_name
from sim.errors import UserError

LETTERS = "ABCDEFGH"
BUTTONS_Y = 640


def locked_words(locked: dict) -> str:
    """What a challenge fixes, in words: "sound off, text size 125%"."""
    on_off = {True: _("on"), False: _("off")}
    parts = []
    for k, v in locked.items():
        if k == "muted":
            parts.append(_("sound off") if v else _("sound on"))
        elif k == "volume":
            parts.append(_("volume {pct}%").format(pct=round(100 * v)))
        elif k == "text_scale_pct":
            parts.append(_("text size {pct}%").format(pct=v))
        elif k == "colorblind":
            parts.append(_("colour-blind-safe palette {state}").format(state=on_off[bool(v)]))
        elif k == "reduced_motion":
            parts.append(_("reduced motion {state}").format(state=on_off[bool(v)]))
        elif k == "fullscreen":
            parts.append(_("fullscreen {state}").format(state=on_off[bool(v)]))
    return ", ".join(parts)


class FlowScene(Scene):
    def __init__(self, app, flow: ChallengeFlow) -> None:
        super().__init__(app)
        self.flow = flow

    def go(self, name: str, **kw) -> None:
        self.app.replace(make(name, self.app, flow=self.flow, **kw))

    def play(self) -> None:
        """On to the level: a fresh run of the challenge's level with its seed."""
        session = self.flow.new_session()
        self.app.replace(make("play", self.app, levels=[self.flow.info], index=0, seed=self.flow.challenge.seed,
                              session=session, flow=self.flow))
        if self.flow.predictions:  # the code is worth noting only while nothing has been played
            self.app.toast(_("Your predictions are sealed. Prediction code {code}: note it down before you play.")
                           .format(code=self.flow.prediction_code), 15.0)


# --- 1. the name ---------------------------------------------------------------------------------
class NameScene(FlowScene):
    def __init__(self, app, flow: ChallengeFlow) -> None:
        super().__init__(app, flow)
        self.field = TextField(flow.name, max_chars=80)
        self.error: str | None = None

    def enter(self) -> None:
        self.app.lock_settings(self.flow.challenge.locked_settings)
        super().enter()

    def layout(self) -> None:
        self.widgets.set([
            Button((960, BUTTONS_Y, 260, 52), lambda: _("Next"), self.next, primary=True, hint="Enter"),
            Button((60, BUTTONS_Y, 260, 52), lambda: _("Leave"), self.back, hint="Esc",
                   tooltip=lambda: _("Close this challenge; nothing is handed in.")),
        ], focus=0)

    def next(self) -> None:
        try:
            self.flow.name = check_name(self.field.text)
        except UserError as e:
            self.error = str(e)
            self.app.sound.play("warning")
            return
        self.go("challenge_briefing")

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.next()
            return
        if self.field.handle(event):
            self.error = None
            return
        super().handle(event)

    def update(self, dt: float) -> None:
        self.field.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        a, pal, ch = self.app, self.app.pal, self.flow.shown
        info = self.flow.info
        sub = _("A classroom challenge · {level} · {turns} turns of {minutes:.0f} minutes").format(
            level=info.title, turns=info.turns, minutes=info.turn_min)
        y = self.heading(surface, ch.title, sub)
        steps = _("First you answer {q} questions about what you expect. Then you play the level. Afterwards you "
                  "write a few words about what happened, and the game saves a file for your teacher.").format(
            q=len(ch.questions))
        img = a.labels.block(steps, 18, pal["text"], 1100, cap=1.6, spacing=1.4)
        surface.blit(img, (60, y + 10))
        y += img.get_height() + 40
        blit_text(surface, a, _("Your name"), (60, y), 20, pal["accent"], "bold", cap=1.5)
        y += round(34 * min(a.fonts.scale, 1.5))
        self.field.draw(surface, a, pygame.Rect(60, y, 700, 58), placeholder=_("Type the name your teacher knows you by"))
        y += 70
        if self.error:
            blit_text(surface, a, self.error, (62, y), 16, pal["danger"], "semibold", cap=1.4, max_width=1150)
        else:
            blit_text(surface, a, _("Your teacher sees your name, your answers and how you played."), (62, y), 15,
                      pal["text_dim"], cap=1.4, max_width=1150)
        if ch.locked_settings:
            words = locked_words(dict(ch.locked_settings))
            blit_text(surface, a, _("This challenge plays with: {settings}.").format(settings=words), (62, 590), 15,
                      pal["text_dim"], cap=1.4, max_width=1150)
        self.widgets.draw(surface, a)
        self.hints(surface, [_("Type your name"), _("Enter next"), _("Esc leave")])


# --- 2. prediction questions ------------------------------------------------------------------------
class QuestionScene(FlowScene):
    def __init__(self, app, flow: ChallengeFlow, index: int) -> None:
        super().__init__(app, flow)
        self.index = index
        self.q = flow.shown.questions[index]
        choice, conf = flow.predictions.get(self.q.id, (None, None))
        self.choice: int | None = choice
        self.confidence: int | None = conf
        self.message: str | None = None

    @property
    def last(self) -> bool:
        return self.index + 1 >= len(self.flow.challenge.questions)

    def pick(self, i: int) -> None:
        self.choice = i
        self.message = None
        self.app.sound.play("click")
        self._keep()
        # Focus goes to Next, never into the "how sure" row: a second Enter would otherwise
        # record a confidence the student never chose (Next then asks for one).
        self.widgets.focus = self._next_index

    def rate(self, c: int) -> None:
        self.confidence = c
        self.message = None
        self.app.sound.play("click")
        self._keep()
        if self.choice is None:
            self.widgets.focus = 0
        else:
            self.widgets.focus = self._next_index

    def _keep(self) -> None:
        if self.choice is not None and self.confidence is not None:
            self.flow.predictions[self.q.id] = (self.choice, self.confidence)

    @property
    def _next_index(self) -> int:
        return len(self.q.choices) + 5

    def next(self) -> None:
        if (self.choice is None) != (self.confidence is None):
            self.message = (_("Say how sure you are, from 1 (a guess) to 5 (sure).") if self.confidence is None
                            else _("Pick an answer too, or clear it to skip the question."))
            self.app.sound.play("warning")  # focus stays on Next, so Enter-Enter cannot fill the gap
            return
        if self.choice is None:
            self.flow.predictions.pop(self.q.id, None)
        if self.last:
            self.play()
        else:
            self.go("challenge_question", index=self.index + 1)

    def clear(self) -> None:
        self.choice = self.confidence = None
        self.flow.predictions.pop(self.q.id, None)

    def back(self) -> None:
        self._keep()
        if self.index == 0:
            self.go("challenge_briefing")
        else:
            self.go("challenge_question", index=self.index - 1)

    def layout(self) -> None:
        a = self.app
        prompt = a.labels.block(self.q.prompt, 22, a.pal["text"], 1160, "semibold", cap=1.5, spacing=1.3)
        y = 150 + prompt.get_height() + 18
        n = len(self.q.choices)
        room = 520 - y
        h = max(34, min(54, room // n - 8))
        items: list[Button] = []
        for i, text in enumerate(self.q.choices):
            items.append(ChoiceButton((60, y + i * (h + 8), 1160, h), text, (lambda i=i: self.pick(i)),
                                      (lambda i=i: self.choice == i), key=LETTERS[i]))
        self.conf_y = min(540, y + n * (h + 8) + 40)
        for c in range(1, 6):
            label = {1: _("1 · a guess"), 5: _("5 · sure")}.get(c, str(c))
            items.append(ChoiceButton((330 + (c - 1) * 178, self.conf_y, 168, 46), label, (lambda c=c: self.rate(c)),
                                      (lambda c=c: self.confidence == c), size=16))
        items.append(Button((960, BUTTONS_Y, 260, 52),
                            lambda: (_("Start the level") if self.last else _("Next")) if self.choice is not None
                            else _("Skip this question"), self.next, primary=True))
        items.append(Button((60, BUTTONS_Y, 260, 52), lambda: _("Back"), self.back, hint="Esc"))
        # An unanswered question starts on "Skip": Enter, pressed at once, records nothing.
        focus = self.choice if self.choice is not None else self._next_index
        self.widgets.set(items, focus=focus)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            ch = (event.unicode or "").upper()
            if ch and ch in LETTERS[: len(self.q.choices)]:
                self.pick(LETTERS.index(ch))
                return
            if ch in ("1", "2", "3", "4", "5"):
                self.rate(int(ch))
                return
            if event.key in (pygame.K_DELETE, pygame.K_BACKSPACE):
                self.clear()
                return
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                self.widgets.move(-1 if event.key == pygame.K_LEFT else 1)
                return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.background(surface)
        a, pal = self.app, self.app.pal
        total = len(self.flow.challenge.questions)
        blit_text(surface, a, _("Before you play · question {n} of {total}").format(n=self.index + 1, total=total),
                  (60, 40), 16, pal["accent"], "bold", cap=1.4)
        blit_text(surface, a, _("What do you expect? There is no penalty for a wrong guess: you will see what "
                                "really happens after the game."), (60, 70), 15, pal["text_dim"], cap=1.4,
                  max_width=1160)
        pygame.draw.line(surface, pal["border"], (60, 120), (1220, 120), 1)
        prompt = a.labels.block(self.q.prompt, 22, pal["text"], 1160, "semibold", cap=1.5, spacing=1.3)
        surface.blit(prompt, (60, 150))
        blit_text(surface, a, _("How sure are you?"), (60, self.conf_y + 23), 17, pal["text"], "semibold",
                  anchor="midleft", cap=1.3, max_width=260)
        self.widgets.draw(surface, a)
        if self.message:
            blit_text(surface, a, self.message, (640, 610), 15, pal["warn"], "semibold", anchor="center", cap=1.3,
                      max_width=1160)
        letters = "/".join(LETTERS[: len(self.q.choices)])
        self.hints(surface, [_("{letters} answer").format(letters=letters), _("1–5 how sure"), _("Enter next"),
                             _("Del clear"), _("Esc back")])


# --- 4. reflection ------------------------------------------------------------------------------------
class ReflectionScene(FlowScene):
    def __init__(self, app, flow: ChallengeFlow, index: int = 0) -> None:
        super().__init__(app, flow)
        self.index = index
        prompts = flow.shown.reflection
        self.prompt = prompts[index] if prompts else None
        text = flow.reflection.get(self.prompt.id, "") if self.prompt else ""
        self.field = TextField(text, max_chars=4000, multiline=True)
        self.error: str | None = None

    def enter(self) -> None:
        if self.prompt is None:  # nothing to ask: hand in at once
            self.hand_in()
            return
        super().enter()

    @property
    def last(self) -> bool:
        return self.index + 1 >= len(self.flow.challenge.reflection)

    def _keep(self) -> None:
        if self.prompt is not None:
            self.flow.reflection[self.prompt.id] = self.field.text

    def next(self) -> None:
        self._keep()
        if self.last:
            self.hand_in()
        else:
            self.go("challenge_reflect", index=self.index + 1)

    def hand_in(self) -> None:
        try:
            self.flow.hand_in(self.app.store.root)
        except UserError as e:
            self.error = str(e)
            return
        self.go("challenge_done")

    def back(self) -> None:
        if self.index > 0:
            self._keep()
            self.go("challenge_reflect", index=self.index - 1)

    def layout(self) -> None:
        items = [Button((960, BUTTONS_Y, 260, 52), lambda: _("Hand in") if self.last else _("Next"), self.next,
                        primary=True, hint="Enter")]
        if self.index > 0:
            items.append(Button((60, BUTTONS_Y, 260, 52), lambda: _("Back"), self.back, hint="Esc"))
        self.widgets.set(items, focus=0)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) \
                and not event.mod & pygame.KMOD_SHIFT:
            self.next()
            return
        if self.field.handle(event):
            return
        super().handle(event)

    def update(self, dt: float) -> None:
        self.field.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        if self.prompt is None:
            return
        self.background(surface)
        a, pal = self.app, self.app.pal
        total = len(self.flow.challenge.reflection)
        blit_text(surface, a, _("After the game · {n} of {total}").format(n=self.index + 1, total=total),
                  (60, 40), 16, pal["accent"], "bold", cap=1.4)
        blit_text(surface, a, _("In your own words: there are no wrong answers here. Leave it empty to skip."),
                  (60, 70), 15, pal["text_dim"], cap=1.4, max_width=1160)
        pygame.draw.line(surface, pal["border"], (60, 120), (1220, 120), 1)
        prompt = a.labels.block(self.prompt.prompt, 22, pal["text"], 1160, "semibold", cap=1.5, spacing=1.3)
        surface.blit(prompt, (60, 150))
        top = 150 + prompt.get_height() + 20
        self.field.draw(surface, a, pygame.Rect(60, top, 1160, max(120, 600 - top)),
                        placeholder=_("Type your answer here"), size=19)
        if self.error:
            blit_text(surface, a, self.error, (60, 612), 15, pal["danger"], "semibold", cap=1.3, max_width=1160)
        self.widgets.draw(surface, a)
        parts = [_("Enter next") if not self.last else _("Enter hand in"), _("Shift+Enter new line")]
        if self.index > 0:
            parts.append(_("Esc back"))
        self.hints(surface, parts)
