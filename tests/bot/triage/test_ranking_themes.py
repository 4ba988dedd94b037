"""From Rasa's intent ranking and the theme words to a ranked list of themes."""

import pytest

from bot.triage.lexicon import LexiconError, default_lexicon, load_lexicon
from bot.triage.ranking import merge_rankings, ranking_from_parse, theme_of_intent, themes_from_ranking
from bot.triage.themes import PRIMARY_THRESHOLD, combine_themes


def test_theme_of_intent():
    assert theme_of_intent("hulpvraag_geldzaken") == "geldzaken"
    assert theme_of_intent("groet") is None


def test_ranking_from_parse_sorted_and_tolerant():
    parse = {"intent": {"name": "groet", "confidence": 0.2},
             "intent_ranking": [{"name": "groet", "confidence": 0.2}, {"name": "hulpvraag_wonen", "confidence": 0.7}, {"bad": 1}]}
    assert ranking_from_parse(parse) == [("hulpvraag_wonen", 0.7), ("groet", 0.2)]
    assert ranking_from_parse(None) == []
    assert ranking_from_parse({"intent": {"name": "groet", "confidence": 1.0}}) == [("groet", 1.0)]


def test_merge_keeps_best_confidence_per_intent():
    merged = merge_rankings([[("hulpvraag_geldzaken", 0.8), ("bevestigen", 0.1)], [("bevestigen", 0.9), ("hulpvraag_geldzaken", 0.05)]])
    assert merged == [("bevestigen", 0.9), ("hulpvraag_geldzaken", 0.8)]


def test_themes_from_ranking_drops_other_intents():
    ranking = [("groet", 0.5), ("hulpvraag_wonen", 0.3), ("hulpvraag_onbekend", 0.1)]
    assert themes_from_ranking(ranking, ["wonen", "geldzaken"]) == [("wonen", 0.3)]


def test_confident_classifier_leads_and_words_add_second_theme():
    themes = combine_themes([("geldzaken", 0.7), ("psychisch", 0.05)], {"eenzaamheid": ["alleen"], "geldzaken": ["schuld"]})
    assert [t.thema for t in themes] == ["geldzaken", "eenzaamheid"]
    assert "classifier" in themes[0].waarom and "woorden: schuld" in themes[0].waarom
    assert "woorden: alleen" in themes[1].waarom


def test_unsure_classifier_without_words_is_onduidelijk():
    assert combine_themes([("wonen", PRIMARY_THRESHOLD - 0.1)], {}) == []


def test_unsure_classifier_follows_the_evidence():
    themes = combine_themes([("gezondheid", 0.2)], {}, {"psychisch": ["crisis_suicide"]}, top_non_theme=0.4)
    assert themes[0].thema == "psychisch"
    assert "signaal: crisis_suicide" in themes[0].waarom


def test_non_theme_intent_beats_a_weak_theme():
    # 'goedemiddag': the greeting intent outranks every theme
    assert combine_themes([("eenzaamheid", 0.5)], {}, top_non_theme=0.6) == []


def test_lexicon_matches_compounds_and_lemmas():
    lex = default_lexicon()
    hits = lex.hits([("gokverslaving",), ("schulden", "schuld"), ("zoontje",)])
    assert hits["verslaving"] == ["gokverslaving"]
    assert hits["geldzaken"] == ["schulden"]
    assert hits["opvoeding"] == ["zoontje"]
    assert lex.signal_hits(["crisis_suicide", "indicatie_lotgenoten"]) == {"psychisch": ["crisis_suicide"]}


def test_lexicon_rejects_unknown_codes(tmp_path):
    bad = tmp_path / "w.yml"
    bad.write_text("woorden:\n  geldzaken: [geld]\n  ruimtevaart: [raket]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="ruimtevaart"):
        load_lexicon(bad)
    bad.write_text("woorden:\n  geldzaken: [geld]\nsignalen:\n  crisis_onbekend: psychisch\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="crisis_onbekend"):
        load_lexicon(bad)


def test_lexicon_globs_joined_per_theme_match_as_fnmatch_does():
    """themes_of (one regex per theme) equals fnmatchcase tried glob by glob."""
    import fnmatch

    from bot.triage.bench import training_sentences

    lex = default_lexicon()
    # a fixed sample of the training words (all of them times ~900 globs takes minutes)
    words = set(sorted({w for s in training_sentences() for w in s.lower().split()})[::7])
    words |= {p.replace("*", "") for p, _ in lex.globs} | {p.replace("*", "xyz") for p, _ in lex.globs}
    words |= set(lex.exact) | {"", "buurt", "buurten", "buurtx", "opvoed\n", "gokverslaving"}
    changed = 0
    for word in sorted(words):
        slow = set(lex.exact.get(word, ())) | {t for p, t in lex.globs if fnmatch.fnmatchcase(word, p)}
        assert lex.themes_of(word) == slow, word
        changed += bool(slow - set(lex.exact.get(word, ())))
    assert changed > 100  # the globs were really exercised
