"""What the play screen says about a turn comes from the engine's report of that turn: the meals
listed under "Last turn" at the times the engine ran them, the chart's shaded turns exactly the
turns the engine flagged starving amid plenty (the banner's flag), goal lines at the level's own
bounds, and the pancreas row showing the secretion the engine integrated."""

import pygame
from gamehelpers import key, settle

from game import campaign, sidebar
from game.chart import goal_thresholds
from game.scenes import make

LEVELS = campaign.campaign()
STARVING = next(i for i, lv in enumerate(LEVELS) if lv.slug == "11_starving_amid_plenty")


def test_last_turn_chart_and_pancreas_follow_the_engine(app):
    app.replace(make("play", app, levels=LEVELS, index=STARVING, seed=0))
    settle(app)
    play = app.top
    meals_seen = shaded = 0
    for _turn in range(play.info.turns):
        key(pygame.K_SPACE)
        settle(app, 0.05)
        if app.top is not play:
            break
        report = play.session.reports[-1]
        start, end, rows = play.last_turn
        assert (start, end) == (report.start_min, report.end_min)
        meals = [e for e in report.events if e.kind == "meal"]
        listed = [(t, text) for t, kind, text in rows if kind == "meal"]
        assert [t for t, _ in listed] == [e.time_min for e in meals][:3]
        for (t, text), e in zip(listed, meals, strict=False):
            assert start <= t <= end and f"{e.get('carb_g'):.0f} g" in text
        meals_seen += len(meals)
        assert play.points[-1].starving_amid_plenty == (report.indicator("starving") and report.indicator("hyperglycaemia"))
        shaded += play.points[-1].starving_amid_plenty
        secretion = float(report.stats["mean_secretion_uu_ml_min"][0])
        assert 0.0 < secretion < 100.0  # µU/mL/min: fasting ≈ 0.5, after a meal a few
    assert meals_seen >= 2, "the level serves meals: the summary must have listed some"
    assert shaded >= 1, "level 11 is about starving amid plenty: some turn must be flagged"


def test_goal_lines_sit_at_the_levels_bounds():
    lv = LEVELS[STARVING].source
    lines = goal_thresholds(lv.goals)
    want = sorted((("glucose" if g.quantity.startswith("glucose") else "energy"), b)
                  for g in lv.goals if g.quantity.startswith(("glucose", "energy"))
                  for b in (g.above, g.below) if b is not None)
    assert sorted((t.axis, t.value) for t in lines) == want and want


def test_secretion_rises_after_a_meal_as_the_pancreas_compensates():
    """The pancreas row shows the engine's mean secretion: a few-fold above fasting in the hours
    of a meal (Polonsky 1988: insulin secretion rises ≈ 3–5-fold after mixed meals)."""
    from sim.engine import Simulation

    sim = Simulation.from_preset("healthy")
    sim.schedule_diet("standard", 1)
    reports = [sim.advance([]) for _ in range(24)]
    fasting = float(reports[0].stats["mean_secretion_uu_ml_min"][0])  # 00:00–01:00
    fed = [float(r.stats["mean_secretion_uu_ml_min"][0]) for r in reports if any(e.kind == "meal" for e in r.events)]
    assert fed and max(fed) > 2 * fasting, (fasting, fed)


def test_a_mean_goal_out_of_reach_shows_why_in_place_of_its_value(app, monkeypatch):
    """Level 1's average-glucose goal made unreachable (the engine's running sum as if glucose had
    run at thousands of mmol/L): the goals panel shows the engine's "out of reach" words for it, and
    not its running value, exactly as for a share-of-turns goal."""
    app.replace(make("play", app, levels=LEVELS, index=0, seed=0))
    settle(app)
    play = app.top
    tracker = play.session.run.play.tracker
    g = next(i for i, goal in enumerate(tracker.goals) if goal.kind == "mean" and goal.below is not None)
    tracker.sums[g] += 1e4
    play.end_turn()
    lost = next(p for p in play.view.goals if p.slug == tracker.goals[g].slug)
    assert lost.lost.startswith("out of reach: at best")
    drawn: list[str] = []
    block, line = app.labels.block, sidebar.blit_text
    monkeypatch.setattr(app.labels, "block", lambda text, *a, **k: drawn.append(text) or block(text, *a, **k))
    monkeypatch.setattr(sidebar, "blit_text", lambda s, a, text, *r, **k: drawn.append(text) or line(s, a, text, *r, **k))
    app.draw()
    assert lost.lost in drawn
    assert any(t.startswith("now:") for t in drawn), "the other goals still show their values"
    assert not any(t.startswith("now:") and lost.shown in t for t in drawn)
