"""A message mostly in another language: the theme words lead, not the classifier's confidence."""

from bot.triage.foreign import mostly_foreign
from bot.triage.themes import combine_themes


def test_other_scripts_and_polish_or_turkish_letters_are_foreign():
    assert mostly_foreign("Мій син не говорить нідерландською")
    assert mostly_foreign("بعد وفاة زوجي أصبحت وحيدة جداً")
    assert mostly_foreign("Straciłem pracę i agencja zabrała mi mieszkanie")
    assert mostly_foreign("Oğlum okula gitmiyor, bütün gün dışarıda")


def test_dutch_english_and_a_foreign_name_are_not():
    assert not mostly_foreign("Ik heb schulden en mijn huur is te hoog")
    assert not mostly_foreign("I lost my job and I cannot pay the rent")
    assert not mostly_foreign("Mijn buurvrouw mevrouw Łukasiewicz voelt zich eenzaam sinds haar man overleed")
    assert not mostly_foreign("ja")


def test_for_a_foreign_message_the_words_lead_over_a_confident_classifier():
    classifier = [("psychisch", 0.83), ("wonen", 0.05)]
    words = {"werk_dagbesteding": ["pracę", "agencja"]}
    assert combine_themes(classifier, words)[0].thema == "psychisch"
    assert combine_themes(classifier, words, classifier_may_lead=False)[0].thema == "werk_dagbesteding"
