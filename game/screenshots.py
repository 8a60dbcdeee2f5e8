"""``python -m game.screenshots OUT_DIR`` (``make screenshots``): the README's pictures.

Runs the real scenes on SDL's dummy driver with a throw-away data folder and saves every scene as
a PNG: title, level select, help, briefing, play (a healthy cell and a starving one), the pause
overlay, results, settings, and a classroom challenge (the picker, name entry, its briefing, a
prediction question, the reflection and the handed-in screen). The play shots come from real
engine runs: nothing is painted in that the engine did not compute.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DT = 1 / 60
RESISTANT_KNOBS = {"receptor_number": 0.5, "signaling_capacity": 0.4, "mito_capacity": 0.5,
                   "imposed_inflammation": 0.4, "imposed_oxidative_stress": 0.4, "imposed_er_stress": 0.4,
                   "imposed_lipotoxicity": 0.4}


def _settle(app, seconds: float) -> None:
    for _ in range(round(seconds / DT)):
        app.step(DT)


def main(argv: list[str] | None = None) -> int:
    """``OUT_DIR [TEXT_PCT]``: TEXT_PCT (75–200, default 100) is the text-size setting shots use."""
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0] if argv else "docs/screenshots")
    text_pct = int(argv[1]) if len(argv) > 1 else 100
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    os.environ["AMID_PLENTY_HOME"] = tempfile.mkdtemp(prefix="amid-plenty-shots-")
    os.environ["AMID_PLENTY_SUBMISSIONS"] = str(Path(tempfile.mkdtemp(prefix="amid-plenty-shots-")) /
                                                "Amid Plenty submissions")
    import pygame

    from game.app import App
    from game.scenes import make
    from game.settings import Settings, Store

    store = Store()
    store.save_settings(Settings(text_scale_pct=text_pct))
    app = App(store)
    app.start()

    def shot(name: str) -> None:
        path = out / f"{name}.png"
        pygame.image.save(app.screen, str(path))
        print(f"wrote {path}")

    _settle(app, 0.5)
    shot("title")
    levels_scene = make("levels", app)
    levels = levels_scene.levels
    # some progress, so the picture shows stars and locks
    if len(levels) > 2 and levels[0].scored:
        app.progress = app.progress.record(levels[0].slug, True, 3, 900).record(levels[1].slug, True, 2, 640)
    app.push(levels_scene)
    _settle(app, 0.1)
    shot("level_select")
    app.push(make("help", app))
    _settle(app, 0.1)
    shot("help")
    app.pop()

    # level 1's briefing with its prediction question answered
    app.push(make("briefing", app, levels=levels, index=0))
    if levels[0].questions:
        app.top.pick(len(levels[0].questions[0].choices) - 1)
    app.top.widgets.focus = 0
    _settle(app, 0.1)
    shot("briefing")
    app.pop()

    # a healthy cell: level 1 just after its first meal
    app.push(make("play", app, levels=levels, index=0))
    play = app.top
    walk = next((c.slug for c in play.view.actions), None)
    play.end_turn()
    if walk:
        play.toggle(walk)
    _settle(app, 2.0)
    shot("play_healthy")
    app.push(make("pause", app))
    _settle(app, 0.1)
    shot("pause")
    app.pop()
    # the results of that level, played with a walk whenever one is allowed
    while not play.session.done:
        if walk and play.can_pick(walk) and walk not in play.selected:
            play.toggle(walk)
        play.end_turn()
    _settle(app, 2.2)
    shot("results")

    # a starving cell: a late level played idle, shown at its worst turn of starving amid plenty
    idx = next((i for i, lv in enumerate(levels) if "starv" in lv.slug), len(levels) - 1)
    app.pop_to("LevelSelectScene")
    probe = make("play", app, levels=levels, index=idx)
    while not probe.session.done:
        probe.end_turn()
    # the turn that ends with the engine flagging both "starving" and "very high blood sugar", with
    # the most sugar outside and the least energy inside as the turn ends (what the picture shows)
    gaps = []
    for k, rep in enumerate(probe.session.reports):
        if rep.indicator("starving") and rep.indicator("hyperglycaemia"):
            v = rep.snapshot.values
            gaps.append((float(v["blood_glucose_mmol_l"][0]) * (1 - float(v["cell_energy_frac"][0])), k))
    best = max(gaps)[1] if gaps else None
    if best is not None:
        app.push(make("play", app, levels=levels, index=idx))
        play = app.top
        for _ in range(best + 1):
            play.end_turn()
    if best is None:
        # The level's physiology did not starve the cell here: show a resistant cell instead, the
        # engine's healthy preset with its own study knobs turned down (every factor active).
        from game import campaign

        info = campaign.sandbox_info()
        session = campaign.SandboxSession(info, knobs=RESISTANT_KNOBS)
        app.pop_to("LevelSelectScene")
        app.push(make("play", app, levels=[info], index=0, session=session))
        play = app.top
        for _ in range(16):
            play.end_turn()
            if play.session.reports[-1].indicator("starving_amid_plenty"):
                break
    _settle(app, 2.0)
    shot("play_starving")

    app.pop_to("LevelSelectScene")
    app.push(make("settings", app))
    _settle(app, 0.1)
    shot("settings")
    app.pop_to("TitleScene")
    _challenge(app, shot)
    pygame.quit()
    return 0


def _challenge(app, shot) -> None:
    """The sample classroom challenge: a question answered, then the level played and handed in."""
    from game.classroom import ChallengeFlow, challenge_folders, find_challenges
    from game.scenes import make

    files = find_challenges(challenge_folders(app.store.root))
    if not files:
        return
    app.push(make("challenges", app))
    # the files live in a throw-away folder: show where a student's would be on Linux
    app.top.folders[-1] = Path("/home/ana/.local/share/amid-plenty/challenges")
    _settle(app, 0.2)
    shot("challenge_picker")
    flow = ChallengeFlow.open(files[0])
    flow.name = "Ana López"
    app.replace(make("challenge_name", app, flow=flow))
    _settle(app, 0.2)
    shot("challenge_name")
    app.replace(make("challenge_briefing", app, flow=flow))
    _settle(app, 0.2)
    shot("challenge_briefing")
    if flow.challenge.questions:
        app.replace(make("challenge_question", app, flow=flow, index=0))
        q = app.top
        q.pick(q.q.answer if q.q.answer is not None else 0)
        q.rate(4)
        _settle(app, 0.2)
        shot("challenge")
        for i, qq in enumerate(flow.challenge.questions):
            flow.predictions[qq.id] = (min(i, len(qq.choices) - 1), 3 + i % 3)
    play = make("play", app, levels=[flow.info], index=0, seed=flow.challenge.seed, session=flow.new_session(),
                flow=flow)
    app.replace(play)
    walk = next((c.slug for c in play.view.actions if c.slug == "walk"), None)
    while not play.session.done:
        if walk and play.can_pick(walk) and play.session.run.turn % 2 == 0:
            play.toggle(walk)
        play.end_turn()
    for r in flow.challenge.reflection:
        flow.reflection[r.id] = "The sugar stayed outside: the signal to move GLUT4 was too weak."
    if flow.challenge.reflection:
        app.replace(make("challenge_reflect", app, flow=flow, index=0))
        _settle(app, 0.2)
        shot("challenge_reflect")
    handed = flow.hand_in(app.store.root)
    if handed.path is not None:  # the file went to a throw-away folder: show where a student's would go
        import attrs

        flow.handed = attrs.evolve(handed, path=Path("/home/ana/Documents/Amid Plenty submissions") / handed.path.name)
    app.replace(make("challenge_done", app, flow=flow))
    _settle(app, 0.2)
    shot("challenge_done")


if __name__ == "__main__":
    raise SystemExit(main())
