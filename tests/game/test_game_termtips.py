"""Glossary terms and units in a briefing explain themselves under the mouse, at the place the
word is drawn."""

from gamehelpers import settle

from game.scenes import make
from game.words import GLOSSARY


def test_terms_and_units_in_the_briefing_have_tooltips_where_they_are_drawn(app):
    levels = make("levels", app).levels
    app.push(make("briefing", app, levels=levels, index=0))
    settle(app, 0.1)
    brief = app.top
    app.draw()
    tips = brief.tips
    texts = [t for _r, t in tips]
    assert any(t.startswith("Insulin: ") for t in texts), texts[:5]
    assert any(t.startswith("µU/mL: ") or t.startswith("mmol/L: ") for t in texts), "goal units explained"
    definitions = {d for _t, _g, d in GLOSSARY}
    for r, t in tips:
        assert brief.tip_at(r.center) == t
        assert t.split(": ", 1)[1] in definitions or t.split(": ", 1)[0] in ("mmol/L", "µU/mL", "mg/kg/min")
    # the box sits on the word: the pixels under an underlined term are not all background
    r = next(r for r, t in tips if t.startswith("Insulin: "))
    bg = app.pal["bg"]
    assert any(app.screen.get_at((x, r.centery))[:3] != bg for x in range(r.x, r.right))
