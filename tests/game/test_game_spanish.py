"""With Spanish selected no English msgid reaches the screen, and the catalogs are complete.

Every string the game draws passes through ``Labels.get`` (the one ``Font.render`` call), so the
test wraps it, drives the scenes on SDL's dummy driver and checks each drawn line for words that
only the English catalog uses or the level files' English text uses and their Spanish
(``[text.es]``) does not. Every level, the sandbox and the sample challenge carry Spanish, so no
screen may hold English (docs/i18n.md).
"""

import pickle
import re
import tomllib
from pathlib import Path

import pytest
from gamehelpers import settle

from game import campaign, fonts, i18n
from game.scenes import make
from game.settings import LANGUAGES, Settings
from game.tools import make_catalogs, make_pot
from sim.levels import levels_dir, load_level
from sim.messages import Message

ES_PO = make_catalogs.LOCALE / "es" / "LC_MESSAGES" / "amid_plenty.po"
SAMPLE = Path(__file__).resolve().parents[2] / "levels" / "challenges" / "starving-amid-plenty.challenge.toml"
WORD = re.compile(r"[A-Za-z]{4,}")
# Words both languages share or that are names: units, molecules, keys, the game's name.
ALLOWED = {"glut4", "amid", "plenty", "okabe", "akt", "pi3k", "ampk", "shift", "enter", "space", "toml"}


def _catalogs():
    from babel.messages.pofile import read_po

    with make_pot.POT.open("rb") as f:
        pot = read_po(f)
    with ES_PO.open("rb") as f:
        es = read_po(f)
    return pot, es


def _english_only_words() -> set[str]:
    pot, es = _catalogs()
    en = {w.lower() for m in pot if m.id for w in WORD.findall(str(m.id))}
    # placeholder names ("{turns}") are not Spanish words
    spanish = {w.lower() for m in es if m.string for w in WORD.findall(re.sub(r"\{[^}]*\}", "", str(m.string)))}
    return en - spanish - ALLOWED


def test_template_is_up_to_date():
    assert make_pot.main(["--check"]) == 0


def test_every_msgid_has_a_compatible_spanish_translation():
    pot, es = _catalogs()
    missing = [m.id for m in pot if m.id and m.id not in es]
    assert not missing, f"{len(missing)} msgids without Spanish, e.g. {missing[:3]}"
    assert make_catalogs.problems(ES_PO) == []


def test_placeholder_check_catches_a_renamed_field(tmp_path):
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "fell {pct:.0f}%"\nmsgstr "bajó {porc:.0f}%"\n\nmsgid "left"\nmsgstr ""\n', "utf-8")
    found = make_catalogs.problems(po)
    assert len(found) == 2 and "porc" in found[0] and "no translation" in found[1]


def test_committed_mo_matches_the_po():
    from babel.messages.mofile import read_mo

    _pot, es = _catalogs()
    with ES_PO.with_suffix(".mo").open("rb") as f:
        mo = read_mo(f)
    assert {m.id: m.string for m in es if m.id} == {m.id: m.string for m in mo if m.id}


def test_engine_message_keeps_english_and_translates_with_its_values():
    m = Message("ROS destroyed receptors worth {pct:.1f}% of a healthy cell's surface", pct=12.34)
    assert m == "ROS destroyed receptors worth 12.3% of a healthy cell's surface" and m.text == str(m)
    assert pickle.loads(pickle.dumps(m)).values == m.values and Message.from_json(m.to_json()) == m
    try:
        i18n.set_language(["es"])
        assert i18n.tr(m) == "las ERO destruyeron receptores por valor del 12.3% de la superficie de una célula sana"
        walk = Message("{action} has no uses left", action="Walk")
        assert i18n.tr(walk) == "a Caminar no le quedan usos"
    finally:
        i18n.set_language(None)


def test_current_language_names_the_catalog_gettext_found(monkeypatch):
    try:
        i18n.set_language(["es"])
        assert i18n.current_language() == "es"
        i18n.set_language(["en"])  # English has no catalog: the msgids are the English text
        assert i18n.current_language() == "en"
        monkeypatch.setenv("LANGUAGE", "es_MX")  # a region falls back to the language, as gettext does
        i18n.set_language(None)
        assert i18n.current_language() == "es"
    finally:
        i18n.set_language(None)


def test_unknown_language_setting_falls_back_to_the_environment():
    assert Settings.from_mapping({"language": "es"}).language == "es"
    assert Settings.from_mapping({"language": "xx"}).language == ""
    assert Settings.from_mapping({"language": 3}).language == ""


@pytest.fixture
def spanish_app(store, monkeypatch):
    from game.app import App

    drawn: list[str] = []
    original = fonts.Labels.get

    def record(self, text, *args, **kw):
        drawn.append(text)
        return original(self, text, *args, **kw)

    monkeypatch.setattr(fonts.Labels, "get", record)
    store.save_settings(Settings(language="es"))
    a = App(store)
    a.start()
    yield a, drawn
    import pygame

    pygame.quit()
    i18n.set_language(None)


# Where a level file keeps words a player reads (the rest are slugs, numbers and claims' `says`).
SHOWN_KEYS = ("title", "briefing", "goals", "fail", "questions", "reflection", "explain", "prompt", "choices")


def _level_files_english_words() -> set[str]:
    """Words of the level files' English text that their Spanish text does not use: the catalog
    alone would not know "lock" or "door" are English."""
    root = Path(__file__).resolve().parents[2] / "levels"
    en: set[str] = set()
    es: set[str] = set()

    def words(v, into):
        if isinstance(v, str):
            into.update(w.lower() for w in WORD.findall(v))
        elif isinstance(v, dict):
            for x in v.values():
                words(x, into)
        elif isinstance(v, list):
            for x in v:
                words(x, into)

    def shown(doc):
        words({k: v for k, v in doc.items() if k in SHOWN_KEYS}, en)
        words([e.get("text", "") for e in doc.get("events", [])], en)
        for table in (doc.get("actions", {}), *doc.get("content", {}).values()):
            words([{k: v for k, v in t.items() if k in SHOWN_KEYS} for t in table.values()], en)

    for path in root.rglob("*.toml"):
        raw = tomllib.loads(path.read_text("utf-8"))
        embedded = tomllib.loads(raw["level"]["text"]) if "level" in raw else {}
        for doc in (raw, embedded):
            words(doc.pop("text", {}), es)
            shown(doc)
    return en - es - ALLOWED


def _english_left(line: str, english: set[str]) -> bool:
    """Whether a drawn line holds English words (file paths and names aside)."""
    line = re.sub(r"(?<!\S)/\S*|\S+\.toml", "", line)
    return bool({w.lower() for w in WORD.findall(line)} & english)


def _play_through(app, levels, index, pause=False):
    app.push(make("briefing", app, levels=levels, index=index))
    settle(app, 0.1)
    play = make("play", app, levels=levels, index=index)
    app.push(play)
    settle(app, 0.1)
    for turn in range(3):
        # every action the level offers over three turns, so their cards, refusals and ends are drawn
        for card in play.session.view().actions[turn::3]:
            play.toggle(card.slug)
        play.end_turn()
        settle(app, 0.05)
    if pause:
        app.push(make("pause", app))
        settle(app, 0.1)
        app.pop()
    while not play.session.done:
        play.end_turn()
    app.pop()  # the play scene
    app.push(make("results", app, levels=levels, index=index, session=play.session,
                  outcome=play.session.outcome(), points=play.points))
    settle(app, 0.1)
    app.pop()
    app.pop()  # the briefing


def test_no_english_on_screen_with_spanish(spanish_app, tmp_path, monkeypatch):
    from game.classroom import ChallengeFlow

    app, drawn = spanish_app
    monkeypatch.setenv("AMID_PLENTY_SUBMISSIONS", str(tmp_path / "submissions"))
    levels = make("levels", app).levels
    for name in ("title", "levels", "settings", "help"):
        app.push(make(name, app))
        settle(app, 0.1)
    for index in range(len(levels)):  # the whole campaign, in Spanish throughout
        _play_through(app, levels, index, pause=index == 0)
    sandbox = [campaign._info(load_level(levels_dir() / "sandbox.toml"))]
    _play_through(app, sandbox, 0)
    flow = ChallengeFlow.open(SAMPLE)
    flow.name = "Ana"
    for name in ("challenges", "challenge_name", "challenge_briefing"):
        app.push(make(name, app, **({} if name == "challenges" else {"flow": flow})))
        settle(app, 0.1)
    for i, q in enumerate(flow.challenge.questions):
        app.push(make("challenge_question", app, flow=flow, index=i))
        settle(app, 0.1)
        flow.predictions[q.id] = (0, 3)
    play = make("play", app, levels=[flow.info], index=0, seed=flow.challenge.seed, session=flow.new_session(), flow=flow)
    app.push(play)
    settle(app, 0.1)
    for _ in range(2):
        play.end_turn()
        settle(app, 0.05)
    for i in range(len(flow.challenge.reflection)):
        app.push(make("challenge_reflect", app, flow=flow, index=i))
        settle(app, 0.1)

    english = _english_only_words() | _level_files_english_words()
    left = sorted({t for t in drawn if _english_left(t, english)})
    assert len(drawn) > 200
    assert not left, f"{len(left)} English lines on screen, e.g. {left[:8]}" + "\n".join(left)


def test_choosing_spanish_in_settings_translates_and_saves(app):
    import pygame
    from gamehelpers import key

    try:
        app.push(make("settings", app))
        settle(app)
        scene = app.top
        scene.widgets.focus = next(i for i, w in enumerate(scene.widgets.items) if w.label() == "Language")
        for _ in range(len(LANGUAGES)):
            if app.settings.language == "es":
                break
            key(pygame.K_RIGHT)
            settle(app, 0.05)
        assert i18n._("Settings") == "Ajustes" and "Idioma" in [w.label() for w in app.top.widgets.items]
        assert app.store.load_settings().language == "es"
    finally:
        i18n.set_language(None)
