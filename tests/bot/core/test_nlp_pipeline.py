"""The active Dutch pipeline is in place and is never called nl_core_news_sm unless it is."""

from bot.nlp.pipeline import PUBLISHED_NAME, active_pipeline_info, load_pipeline


def test_active_pipeline_lemmatizes_dutch():
    info = active_pipeline_info()
    nlp = load_pipeline()
    doc = nlp("Ik heb schulden en de kinderen gebruikten drugs")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["schulden"] == "schuld"
    assert lemmas["gebruikten"] == "gebruiken"
    assert info.components  # at least the lemmatizer
    if not info.published:
        assert info.name != PUBLISHED_NAME
        assert "wijkteam" in info.name
