"""One entry point, ``triage(text)``: themes, signals, advice and suggestions.

Used by the command line, the action server and later the web app. The
classifier loads once per process; in the action server the caller passes the
theme ranking Rasa already computed, so no model is loaded there.
"""

from __future__ import annotations

import logging
from typing import Callable, List, Mapping, Optional, Sequence, Tuple

from bot.taxonomy import taxonomy
from bot.triage.advice import advise
from bot.triage.foreign import mostly_foreign
from bot.triage.lexicon import default_lexicon, words_of
from bot.triage.ranking import Ranking, theme_of_intent, themes_from_ranking
from bot.triage.result import Advice, Advies, CrisisCheck, Signal, Suggestion, ThemeScore, TriageResult
from bot.triage.signals import crisis_contacts, help_contacts
from bot.triage.text import MAX_CLASSIFY_CHARS, clean_text, has_letters
from bot.triage.themes import combine_themes

log = logging.getLogger(__name__)

Ranker = Callable[[str], Ranking]


def _default_ranker() -> Ranker:
    from bot.triage.classifier import default_classifier

    return default_classifier().rank


def _nlp():
    from bot.nlp import load_pipeline

    return load_pipeline()


CHECK_CODE = "crisis_twijfel"  # ambiguous distress: the dialogue asks before any crisis answer


def _signals(text: str, learned: bool = True) -> Tuple[List[Signal], Optional[CrisisCheck]]:
    """Rule signals plus the learned layer's (bot/learned/layer.py), and its crisis check.

    ``learned=False``: the rules alone, for an answer that is a name or a contact
    detail (character n-grams of "Anna" resemble "vannacht"; the rules still read it).
    """
    from bot.learned.layer import with_learned
    from bot.triage.signals import detect_with_vetoes

    signals, vetoed = detect_with_vetoes(text)
    if not learned:
        return signals, None
    return with_learned(text, signals, vetoed)


def crisis_signals(text: str) -> List[Signal]:
    """The crisis signals ``triage(text)`` would find, without the rest of triage.

    For the check on every form answer: the rules and the learned layer, no
    theme classifier, no kaart. ``triage(text).crisis`` is true exactly when
    this list is not empty.
    """
    return [s for s in _signals(clean_text(text))[0] if s.soort == "crisis"]


def _check_first(signals: Sequence[Signal],
                 learned_check: Optional[CrisisCheck]) -> Tuple[Optional[CrisisCheck], List[Signal]]:
    """Ambiguous distress alone ("ik kan niet meer") is a check question, not yet a crisis.

    Returns the crisis check (the rule's, else the learned layer's) and the
    signals the advice weighs. The ambiguous-distress signal stays in the
    result's signals with its evidence; it only stops deciding the advice.
    """
    doubt = [s for s in signals if s.code == CHECK_CODE]
    if not doubt or any(s.soort == "crisis" and s.code != CHECK_CODE for s in signals):
        return learned_check, list(signals)
    first = doubt[0]
    check = CrisisCheck(kans=1.0, bewijs=first.bewijs,
                        reden=f"regel {first.regel}: mogelijk crisis; vraag na of de inwoner niet meer wil leven")
    return check, [s for s in signals if s.code != CHECK_CODE]


# A learned signal steers the theme only from this probability on. Below it the
# signal still counts for the advice (a contra-indicatie stays individual-first)
# and is shown with its fragment, but a weak guess ("tot 4 uur 's nachts te
# gamen" read as contra_huiselijk_geweld at 0.22) does not overrule a confident
# theme classifier. Crisis signals always steer.
LEARNED_STEERS_FROM = 0.5


def _steering(signals: Sequence[Signal]) -> List[Signal]:
    """The signals that may point to a theme: rule signals, crisis, and learned ones the classifier is sure of."""
    from bot.learned.layer import learned_probability

    kept = []
    for signal in signals:
        probability = learned_probability(signal)
        if signal.soort == "crisis" or probability is None or probability >= LEARNED_STEERS_FROM:
            kept.append(signal)
    return kept


def needs_safety_look(text: str, learned: bool = True) -> bool:
    """A crisis signal, or the learned layer's middle band (the check question): worth a full triage."""
    signals, check = _signals(clean_text(text), learned)
    return check is not None or any(s.soort == "crisis" for s in signals)


def _suggestions(result_themes: Sequence[ThemeScore], signals: Sequence[Signal], postcode: Optional[str],
                 voor_wie: Optional[str], limit: int, gemeente: Optional[str],
                 persoon: Optional[Mapping[str, object]] = None) -> Tuple[Suggestion, ...]:
    from bot.kaart.doelgroep import misfit
    from bot.kaart.search import zoek

    persoon = persoon or {}
    leeftijd = persoon.get("leeftijd")
    matches = zoek(
        [t.thema for t in result_themes],
        postcode=postcode,
        doelgroep=voor_wie if voor_wie and voor_wie != "zelf" else None,
        signalen=[s.code for s in signals],
        leeftijd=leeftijd if isinstance(leeftijd, int) else None,
        limit=limit + 8 if persoon or voor_wie else limit,  # room for the offers the person is left out of
        alleen_eigen_gemeente=bool(postcode),  # a Zwolle resident gets no Breda offers
        gemeente=gemeente,  # and without a postcode, the gemeente of the conversation
    )
    # offers for another target group (age, gender, child or adult) are not proposed at all
    asked = {t.thema for t in result_themes}
    matches = [m for m in matches if misfit(m.record, persoon, voor_wie, asked) is None][:limit]
    return tuple(
        Suggestion(id=m.id, naam=m.naam, themas=tuple(m.themas), wijk=m.wijk, gemeente=m.gemeente,
                   waarom=m.waarom, details=m.details())
        for m in matches
    )


def triage(
    text: str,
    *,
    theme_ranking: Optional[Sequence[Tuple[str, float]]] = None,
    postcode: Optional[str] = None,
    rol: str = "inwoner",
    voor_wie: Optional[str] = None,
    ranker: Optional[Ranker] = None,
    limit: int = 3,
    gemeente: Optional[str] = None,
    ignore_signals: Sequence[str] = (),
    persoon: Optional[Mapping[str, object]] = None,
    aanbod_gevraagd: bool = False,
    learned: bool = True,
) -> TriageResult:
    """Triage one hulpvraag (or the joined messages about it).

    ``theme_ranking`` is Rasa's (intent, confidence) list when the caller has
    it; otherwise ``ranker`` (default: the trained model) computes it.
    ``rol`` is 'inwoner' or 'kcc' and only changes wording elsewhere.
    ``gemeente`` limits suggestions to that gemeente while the postcode is
    unknown (the conversation passes its own; the CLI searches everywhere).
    ``ignore_signals``: codes the conversation has cleared (a clear "nee" to
    the check question clears ``crisis_twijfel``); they no longer count.
    ``persoon`` is what is known of the person (age, gender: offers for
    another target group are left out); ``aanbod_gevraagd`` means the person
    asked for a group or course in so many words: offers are looked up also
    when the advice is individual-first (the conversation names that route first).
    ``learned=False`` reads with the rules alone (an answer that is a name or a
    contact detail).
    """
    tax = taxonomy()
    clean = clean_text(text)
    if theme_ranking is None:
        if clean and has_letters(clean):
            theme_ranking = (ranker or _default_ranker())(clean[:MAX_CLASSIFY_CHARS])
        else:
            theme_ranking = []
    lexicon = default_lexicon()
    words = words_of(_nlp()(clean[:MAX_CLASSIFY_CHARS])) if clean else []
    signals, crisis_check = _signals(clean, learned)
    signals = [s for s in signals if s.code not in ignore_signals]
    crisis_check, advice_signals = _check_first(signals, crisis_check)
    top_intent = theme_ranking[0] if theme_ranking else None
    word_hits = lexicon.hits(words)
    steering = _steering(signals)
    for theme, codes in lexicon.signal_hits(s.code for s in steering if s.soort == "indicatie").items():
        word_hits.setdefault(theme, []).extend(codes)
    themes = combine_themes(
        themes_from_ranking(theme_ranking, tax.theme_codes),
        word_hits,
        lexicon.signal_hits(s.code for s in steering if s.soort != "indicatie"),
        top_non_theme=(top_intent[1] if top_intent and theme_of_intent(top_intent[0]) is None else 0.0),
        classifier_may_lead=not mostly_foreign(clean),
    )
    lead = lexicon.leading_theme(s.code for s in steering)
    if lead:  # e.g. suicidal thoughts: psychisch first (data/themawoorden.yml, leidende_signalen)
        themes = [t for t in themes if t.thema == lead] + [t for t in themes if t.thema != lead]
    thema = _primary(themes, tax.onduidelijk)
    advice: Advice = advise(themes, advice_signals, thema, clean)
    crisis = advice.code is Advies.CRISIS
    suggestions: Tuple[Suggestion, ...] = ()
    if advice.code.collective or aanbod_gevraagd:
        try:
            suggestions = _suggestions(themes, signals, postcode, voor_wie, limit, gemeente, persoon)
        except Exception:  # the kaart is an aid: triage still answers without it
            log.exception("sociale kaart search failed; answering without suggestions")
    contacts = crisis_contacts(signals, tax)
    return TriageResult(
        thema=thema,
        themas=tuple(themes),
        crisis=crisis,
        signalen=tuple(signals),
        advies=advice,
        suggesties=suggestions,
        crisis_contact=contacts,
        hulp_contact=help_contacts(signals, tax),
        crisis_check=crisis_check,
        aanbod_gevraagd=aanbod_gevraagd,
    )


def _primary(themes: Sequence[ThemeScore], onduidelijk: str) -> str:
    return themes[0].thema if themes else onduidelijk
