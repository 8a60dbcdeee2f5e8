"""At 200 % text size (English and Spanish) every line the game draws fits: nothing is cut off by
its box, nothing lands outside the window, and no panel drops a row for want of room.

``blit_text`` shrinks a line that is too wide down to 9 px and only then clips it; this test wraps
it, drives every scene (the tour the Spanish test uses, plus the pause overlay) and fails on any
clip, any line outside the 1280×720 window, and any line shrunk below the readable floor: a line
may give up to a quarter of the size the player asked for (``READABLE`` = 75 % of its requested
pixel size at 200 %, so never smaller than 1.5× its 100 % size), not more, or the text-size
setting would be undone exactly where text is tightest. Panels that list rows report what they had
to leave out (``dropped``)."""

import importlib
import pkgutil
import sys

import pytest
from gamehelpers import key, settle

from game import i18n, ui
from game.scenes import make
from game.scenes.play import CELL_RECT
from game.settings import Settings

SAMPLE_NAME = "starving-amid-plenty.challenge.toml"
WINDOW = (1280, 720)
READABLE = 0.75  # the smallest share of its requested pixel size a shrunk line may be drawn at


def _tour(app, tmp_path, monkeypatch, where):
    from pathlib import Path

    from game.classroom import ChallengeFlow

    monkeypatch.setenv("AMID_PLENTY_SUBMISSIONS", str(tmp_path / "submissions"))
    levels = make("levels", app).levels
    for name in ("title", "levels", "settings"):
        where[0] = name
        app.push(make(name, app))
        settle(app, 0.05)
        yield name
    app.push(make("help", app))
    for topic in range(len(app.top.rows)):  # every topic's text, each scrolled to its end
        app.top.widgets.focus = topic
        where[0] = f"help {topic}"
        settle(app, 0.05)
        yield f"help {topic}"
    for index in range(len(levels)):
        where[0] = f"briefing {levels[index].slug}"
        app.push(make("briefing", app, levels=levels, index=index))
        settle(app, 0.05)
        yield f"briefing {levels[index].slug}"
        where[0] = f"play {levels[index].slug}"
        play = make("play", app, levels=levels, index=index)
        app.push(play)
        settle(app, 0.05)
        for _ in range(3):
            play.end_turn()
            settle(app, 0.05)
        yield f"play {levels[index].slug}"
        if index == 0:  # the pause overlay is the same on every level
            where[0] = "pause"
            app.push(make("pause", app))
            settle(app, 0.05)
            yield "pause"
            app.pop()
        while not play.session.done:
            play.end_turn()
        where[0] = f"results {levels[index].slug}"
        app.pop()  # the play scene
        app.push(make("results", app, levels=levels, index=index, session=play.session,
                      outcome=play.session.outcome(), points=play.points))
        settle(app, 0.05)
        yield f"results {levels[index].slug}"
        app.pop()
        app.pop()  # the briefing
    sample = Path(__file__).resolve().parents[2] / "levels" / "challenges" / SAMPLE_NAME
    flow = ChallengeFlow.open(sample)
    flow.name = "Ana"
    for name in ("challenges", "challenge_name", "challenge_briefing", "challenge_question", "challenge_reflect"):
        kw = {} if name == "challenges" else {"flow": flow} if name in ("challenge_name", "challenge_briefing") \
            else {"flow": flow, "index": 0}
        where[0] = name
        app.push(make(name, app, **kw))
        settle(app, 0.05)
        yield name
    where[0] = "challenge_done"
    play = make("play", app, levels=[flow.info], index=0, seed=flow.challenge.seed, session=flow.new_session(),
                flow=flow)
    app.push(play)
    while not play.session.done:
        play.end_turn()
    for i, q in enumerate(flow.challenge.questions):
        flow.predictions[q.id] = (i % len(q.choices), 3)
    for r in flow.challenge.reflection:
        flow.reflection[r.id] = "The sugar stayed outside: the signal to move GLUT4 was too weak."
    flow.hand_in(tmp_path / "data")
    app.push(make("challenge_done", app, flow=flow))
    settle(app, 0.05)
    yield "challenge_done"


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_text_fits_its_box_at_200_percent(store, tmp_path, monkeypatch, language):
    import pygame

    from game.app import App

    problems: list[str] = []
    where = ["start"]
    original = ui.blit_text

    def checked(surface, app, text, pos, size, colour, weight="regular", anchor="topleft", cap=None, max_width=None):
        r = original(surface, app, text, pos, size, colour, weight, anchor, cap, max_width)
        if max_width is not None and app.labels.get(text, 9, colour, weight, cap).get_width() > max_width:
            problems.append(f"{where[0]}: cut off at {max_width}px: {text!r}")
        want = app.fonts.px(size, cap)
        got = app.fonts.px(ui.fit_size(app, text, size, weight, cap, max_width), cap)
        if got < READABLE * want:
            problems.append(f"{where[0]}: shrunk to {got}px of {want}px to fit {max_width}px: {text!r}")
        if max_width is not None:
            r.width = min(r.width, max_width)  # what blit_text drew: clipped lines are reported above
        if surface.get_size() == WINDOW and not surface.get_rect().contains(r):
            problems.append(f"{where[0]}: outside the window at {tuple(r)}: {text!r}")
        return r

    import game.scenes

    # every scene, and through them every module that draws a line, imported before patching
    for info in pkgutil.iter_modules(game.scenes.__path__):
        importlib.import_module(f"game.scenes.{info.name}")
    for name, m in list(sys.modules.items()):
        if name.startswith("game.") and getattr(m, "blit_text", None) is original:
            monkeypatch.setattr(m, "blit_text", checked)
    store.save_settings(Settings(language=language, text_scale_pct=200))
    app = App(store)
    app.start()
    try:
        for name in _tour(app, tmp_path, monkeypatch, where):
            app.draw()
            for _ in range(20):  # a scene whose text scrolls must reach the end of it
                if not getattr(app.top, "dropped", 0):
                    break
                key(pygame.K_PAGEDOWN)
                settle(app, 0.02)
                app.draw()
            if getattr(app.top, "dropped", 0):
                problems.append(f"{name}: {app.top.dropped} px of text cut off the bottom")
            banner = getattr(app.top, "banner_drawn", None)
            if banner is not None and not CELL_RECT.contains(banner):
                problems.append(f"{name}: the banner runs out of the cell view at {tuple(banner)}")
            for b in getattr(getattr(app.top, "widgets", None), "items", ()):
                label, hint = getattr(b, "drawn", (None, None))
                if label is not None and hint is not None and label.colliderect(hint):
                    problems.append(f"{name}: a button's label runs into its key hint")
            for part in ("gauges", "sidebar"):
                dropped = getattr(getattr(app.top, part, None), "dropped", 0)
                if dropped:
                    problems.append(f"{name}: the {part} left out {dropped} row(s)")
    finally:
        pygame.quit()
        i18n.set_language(None)
    assert not problems, f"{len(set(problems))} texts do not fit:\n" + "\n".join(sorted(set(problems)))
