"""De vraag achter de vraag: which clarifying question comes next.

At most ``max_vragen`` short questions (data/gesprek.yml), only about what the
person has not told yet: for whom, since when, what was tried / who helps,
what they hope for. Where a group or activity may fit, one open question about
meeting others takes the last place; it is never asked after a contra-indication
(002: 4396-4406: "kennismaken doet men graag op individuele gronden").
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from bot.dialogue.vocabulary import Vocabulary, first_match, vocabulary
from bot.triage.result import Advies

# slot of verheldering_form -> the aspect of the hulpvraag it asks about
ASPECT_OF_SLOT = {
    "vraag_voor_wie": "voor_wie",
    "vraag_sinds": "sinds",
    "vraag_geprobeerd": "geprobeerd",
    "vraag_wens": "wens",
}


def voor_wie_of(text: str, vocab: Optional[Vocabulary] = None) -> Optional[Tuple[str, str]]:
    """(zelf|kind|partner|ouder|buur|anders, evidence fragment) or None."""
    vocab = vocab or vocabulary()
    return first_match(vocab.voor_wie, text or "")


def voor_wie_in_story(text: str, vocab: Optional[Vocabulary] = None) -> Optional[Tuple[str, str]]:
    """Who a story is about, only when it says so ("zorgen om mijn zoon", "hulp voor mij").

    "Sinds mijn vrouw is overleden" names the partner but is about the person
    self: without such a phrase the assistant asks instead of guessing.
    """
    vocab = vocab or vocabulary()
    return first_match(vocab.voor_wie_verhaal, text or "")


def is_correction(text: str, vocab: Optional[Vocabulary] = None) -> bool:
    """'nee, het gaat om mijn zoon': the person corrects who it is about."""
    vocab = vocab or vocabulary()
    return bool(vocab.correctie.search(text or "")) and voor_wie_of(text, vocab) is not None


def known_aspects(text: str, vocab: Optional[Vocabulary] = None) -> Dict[str, str]:
    """Aspects the story already tells, each with the fragment that shows it."""
    vocab = vocab or vocabulary()
    known: Dict[str, str] = {}
    who = voor_wie_in_story(text, vocab)
    if who:
        known["voor_wie"] = who[1]
    for aspect, pattern in vocab.bekend.items():
        match = pattern.search(text or "")
        if match:
            known[aspect] = match.group(0)
    return known


def plan_questions(
    story: str,
    advies: Optional[Advies],
    asked: Iterable[str] = (),
    *,
    crisis: bool = False,
    contra: bool = False,
    groep_ja: bool = False,
    vocab: Optional[Vocabulary] = None,
) -> List[str]:
    """The slots of verheldering_form to fill, in order; asked ones stay first.

    ``asked`` are questions already put to the person (answered or pending);
    they stay in the plan so the form never forgets an answer. When the person
    said yes to hearing about a group, the postcode question follows, so the
    offers are near them (it may be skipped).
    """
    vocab = vocab or vocabulary()
    if crisis:
        return []
    asked = [q for q in dict.fromkeys(asked) if q in vocab.vragen or q in (vocab.groepsvraag, vocab.postcodevraag)]
    known = known_aspects(story, vocab)
    collective = advies is not None and Advies(advies).collective and not contra
    limit = vocab.max_vragen
    # the group question, once asked or when a group may fit, takes the last place
    content_limit = limit - 1 if (collective or vocab.groepsvraag in asked) else limit
    plan = [q for q in asked if q not in (vocab.groepsvraag, vocab.postcodevraag)]
    for slot in vocab.vragen:
        if len(plan) >= content_limit:
            break
        if slot not in plan and ASPECT_OF_SLOT.get(slot) not in known:
            plan.append(slot)
    if vocab.groepsvraag in asked or (collective and len(plan) < limit):
        plan.append(vocab.groepsvraag)
    if vocab.postcodevraag in asked or (groep_ja and vocab.groepsvraag in plan):
        plan.append(vocab.postcodevraag)
    return plan


def still_unknown(story: str, answered: Mapping[str, object], vocab: Optional[Vocabulary] = None) -> List[str]:
    """Clarifying slots neither told in the story nor answered (for the KCC card)."""
    vocab = vocab or vocabulary()
    known = known_aspects(story, vocab)
    return [s for s in vocab.vragen if not answered.get(s) and ASPECT_OF_SLOT.get(s) not in known]


def has_contra(signal_codes: Sequence[str]) -> bool:
    return any(code.startswith("contra_") for code in signal_codes)
