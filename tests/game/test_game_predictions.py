"""A campaign level's prediction question is answered on the briefing and shown again on the
results screen; the results list every goal as met or missed with the engine's value."""

import pygame
from gamehelpers import key, settle

from game.scenes import make


def test_briefing_prediction_is_kept_for_the_results(app):
    levels = make("levels", app).levels
    i = next(k for k, lv in enumerate(levels) if lv.questions)
    app.push(make("briefing", app, levels=levels, index=i))
    settle(app)
    key(pygame.K_b, unicode="b")
    settle(app)
    assert app.predictions[levels[i].slug] == {0: 1}
    key(pygame.K_RETURN)  # focus went back to Start
    settle(app)
    play = app.top
    assert type(play).__name__ == "PlayScene"
    while not play.session.done:
        play.end_turn()
    settle(app, 2.0)
    results = app.top
    assert type(results).__name__ == "ResultsScene"
    assert results.info.questions and app.predictions[levels[i].slug] == {0: 1}


def test_outcome_lists_each_goal_met_or_missed_with_its_value(app):
    from game import campaign

    info = make("levels", app).levels[0]
    session = campaign.start(info)
    while not session.done:
        session.step([])
    o = session.outcome()
    assert [g.slug for g in o.goals] == [g.slug for g in info.goals]
    assert all(g.met is not None and g.shown for g in o.goals)
    assert o.won == all(g.met for g in o.goals if g.star == 1)
