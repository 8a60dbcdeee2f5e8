"""Level and challenge words in a second language (``[text.es]``): what validates, what falls
back to English, and that a translation never changes play, hashes or hand-ins."""

import pytest

from sim.classroom.challenge import load_challenge, parse_challenge
from sim.errors import ChallengeError, LevelError
from sim.levels import level_files, levels_dir, load_level, parse_level
from sim.levels.level import FailCondition, Goal
from sim.messages import Message

CAMPAIGN = levels_dir() / "campaign"
BASE = (CAMPAIGN / "01_insulin_key.toml").read_text("utf-8").split("\n[text.es]")[0]
SAMPLE = levels_dir() / "challenges" / "starving-amid-plenty.challenge.toml"
PORRIDGE = '\n[content.meals.porridge]\ntitle = "Porridge"\ncarb_g = 50.0\n'


def _error(extra: str) -> str:
    with pytest.raises(LevelError) as e:
        parse_level(BASE + extra, "x.toml")
    return str(e.value)


def test_unknown_language_is_an_error_naming_file_line_and_languages():
    msg = _error('\n[text.fr]\ntitle = "La clé"\n')
    line = len(BASE.splitlines()) + 1
    assert f"x.toml:{line}: text.fr: unknown language 'fr'" in msg and "allowed: es" in msg


def test_key_not_in_the_english_text_is_an_error_with_a_suggestion():
    msg = _error('\n[text.es]\ntitel = "x"\ngoals.insuline = "y"\nfail.colapso = "z"\n')
    assert "text.es.titel: 'titel' is not in the English text (did you mean 'title'?)" in msg
    assert "text.es.goals.insuline" in msg and "allowed: peaks_low, insulin, average" in msg
    assert "text.es.fail.colapso" in msg and "allowed: collapse" in msg


def test_translated_question_must_keep_the_number_of_choices():
    msg = _error('\n[text.es]\n[[text.es.questions]]\nprompt = "¿Qué?"\nchoices = ["a", "b"]\n')
    assert "text.es.questions[0].choices: found 2 choices; allowed: 3 strings" in msg


def test_more_questions_than_english_is_an_error():
    q = '[[text.es.questions]]\nprompt = "p"\nchoices = ["a", "b", "c"]\n'
    assert "at most 1 (as in the English text)" in _error("\n[text.es]\n" + q + q)


def test_empty_or_non_string_translation_is_an_error():
    assert "text.es.title: found int" in _error("\n[text.es]\ntitle = 3\n")
    assert "text.es.briefing: found ''" in _error('\n[text.es]\nbriefing = ""\n')


def test_missing_translation_falls_back_to_english_and_is_a_note():
    lv = parse_level(BASE + '\n[text.es]\ntitle = "La llave"\n', "x.toml")
    es = lv.in_language("es")
    assert es.title == "La llave" and es.briefing == lv.briefing
    assert [g.text for g in es.goals] == [g.text for g in lv.goals]
    assert "text.es.briefing: no Spanish text; English is shown" in lv.notes
    assert "text.es.goals.peaks_low: no Spanish text; English is shown" in lv.notes
    assert "text.es.questions[0]: no Spanish text; English is shown" in lv.notes
    assert lv.in_language("de") is lv


def test_levels_check_prints_notes_and_exits_0(tmp_path, capsys):
    from sim.cli.main import main

    f = tmp_path / "partial.toml"
    f.write_text(BASE + '\n[text.es]\ntitle = "La llave"\n', "utf-8")
    assert main(["levels", "check", str(f)]) == 0
    assert "note: text.es.briefing: no Spanish text" in capsys.readouterr().out


def test_level_action_words_are_translated_where_the_file_sets_them():
    text = BASE.replace("[actions.walk]\n", '[actions.walk]\ntitle = "Stroll"\nexplain = "A gentle stroll."\n')
    lv = parse_level(text + '\n[text.es.actions.walk]\ntitle = "Paseo"\nexplain = "Un paseo suave."\n', "x.toml")
    walk = lv.in_language("es").action("walk")
    assert (walk.title, walk.explain) == ("Paseo", "Un paseo suave.") and lv.action("walk").title == "Stroll"


def test_level_content_is_translated_and_an_action_made_of_it_follows():
    text = BASE.replace("[actions.walk]\n", "[actions.walk]\n[actions.porridge]\n") + PORRIDGE
    lv = parse_level(text + '\n[text.es.content.meals.porridge]\ntitle = "Gachas"\n', "x.toml")
    es = lv.in_language("es")
    assert es.catalog.meals["porridge"].title == "Gachas" and es.action("porridge").title == "Gachas"
    assert lv.catalog.meals["porridge"].title == "Porridge" and es.content_hash == lv.content_hash


@pytest.mark.parametrize("extra, where", [
    ('[text.es.actions.walk]\ntitle = "Caminar"\n', "text.es.actions.walk: 'walk' is not in the English text"),
    ('[text.es.content.meals.porridge]\nexplain = "x"\n', "text.es.content.meals.porridge.explain: 'explain' is not"),
    ('[text.es.content.stressors.smog]\ntitle = "x"\n', "text.es.content.stressors: 'stressors' is not"),
    ('[text.es.content.meals.porridge]\ntitle = ""\n', "text.es.content.meals.porridge.title: found ''"),
])
def test_bad_action_or_content_translation_is_an_error_naming_the_place(extra, where):
    assert where in _error(PORRIDGE + "\n" + extra)


def test_untranslated_level_content_is_a_note():
    lv = parse_level(BASE + PORRIDGE + '\n[text.es]\ntitle = "La llave"\n', "x.toml")
    assert "text.es.content.meals.porridge.title: no Spanish text; English is shown" in lv.notes


@pytest.mark.parametrize("path", level_files(), ids=lambda p: p.stem)
def test_shipped_levels_are_translated_completely_and_play_the_same(path):
    lv = load_level(path)
    es = lv.in_language("es")
    assert lv.notes == ()
    assert es.title != lv.title and es.briefing != lv.briefing
    # a goal without `text` is written by the engine (a Message the catalog translates)
    assert all(a.text != b.text for a, b in zip(es.goals, lv.goals, strict=True) if not isinstance(b.text, Message))
    assert [(g.slug, g.kind, g.above, g.below, g.share, g.star) for g in es.goals] == \
           [(g.slug, g.kind, g.above, g.below, g.share, g.star) for g in lv.goals]
    assert es.content_hash == lv.content_hash and es.actions == lv.actions


def test_content_hash_leaves_translations_out():
    plain = parse_level(BASE, "x.toml")
    assert parse_level(BASE + '\n[text.es]\ntitle = "La llave"\n', "x.toml").content_hash == plain.content_hash
    assert parse_level(BASE.replace("budget_per_day = 5", "budget_per_day = 4"), "x.toml").content_hash != plain.content_hash


def test_generated_goal_and_fail_texts_are_messages_with_the_same_english():
    g = Goal.default_text("share_of_turns", "glucose_peak", None, 7.0, 0.9)
    assert g == "Keep blood glucose peaks below 7.0 mmol/L in at least 90% of turns"
    assert g.id == "Keep {what} {bounds} in at least {pct:.0f}% of turns" and g.values["bounds"].id == "below {value}"
    assert Goal.default_text("end", "receptors", 0.5, 0.9, 1.0) == "End with insulin receptors on the cell surface between 50% and 90%"
    f = FailCondition.default_text("energy_mean", None, 0.15, 2)
    assert f == "Lost: the cell's average energy stayed below 15% for 2 turns in a row"


def test_generated_goal_text_translates_through_the_catalog():
    from game import i18n

    try:
        i18n.set_language(["es"])
        g = Goal.default_text("mean", "insulin_mean", None, 12.0, 1.0)
        assert i18n.tr(g) == "Mantén la insulina media en sangre por debajo de 12.0 µU/mL de media"
    finally:
        i18n.set_language(None)


def test_challenge_translation_is_shown_but_never_changes_the_hand_in_id():
    ch = load_challenge(SAMPLE)
    es = ch.in_language("es")
    assert es.title.startswith("Hambre en la abundancia") and es.level.title == "Hambre en la abundancia"
    assert all(a.prompt != b.prompt and a.choices != b.choices for a, b in zip(es.questions, ch.questions, strict=True))
    assert all(a.prompt != b.prompt for a, b in zip(es.reflection, ch.reflection, strict=True))
    assert parse_challenge(ch.to_toml(), "again").in_language("es") == es


def test_a_challenge_played_in_spanish_hands_in_under_the_english_id():
    from game import i18n
    from game.classroom import ChallengeFlow

    english = ChallengeFlow.open(SAMPLE).prediction_code
    try:
        i18n.set_language(["es"])
        flow = ChallengeFlow.open(SAMPLE)
        assert flow.shown.questions[0].prompt.startswith("Después") and flow.info.title == "Hambre en la abundancia"
        assert flow.prediction_code == english
    finally:
        i18n.set_language(None)


@pytest.mark.parametrize("bad, where", [
    ('[text.fr]\ntitle = "x"\n', "text.fr: unknown key; allowed: es"),
    ('[text.es.questions.nope]\nprompt = "x"\nchoices = ["a", "b"]\n', "text.es.questions.nope: unknown key"),
    ('[text.es.questions.walk]\nprompt = "x"\nchoices = ["a", "b"]\n', "text.es.questions.walk.choices: 2 choices; allowed: 4"),
    ('[text.es.reflection]\nwhy_not = "x"\n', "text.es.reflection.why_not: unknown key"),
])
def test_bad_challenge_translation_is_one_error_naming_the_place(bad, where):
    full = SAMPLE.read_text("utf-8")
    start, end = full.index("# The challenge's words"), full.index("# Prediction questions")
    text = full[:start] + full[end:]
    with pytest.raises(ChallengeError) as e:
        parse_challenge(text + "\n" + bad, "c.challenge.toml")
    assert where in str(e.value) and str(e.value).startswith("c.challenge.toml: ")
