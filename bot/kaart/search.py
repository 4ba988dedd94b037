"""Matching: which offers of the sociale kaart fit a hulpvraag, best first, with reasons.

Ranking (weights in data/sociale_kaart/matching.yml):
  * theme fit: the primary theme counts most, every further theme asked adds;
  * nearness from the postcode: same wijk (or the postcode is in the offer's
    area) before same gemeente before elsewhere;
  * fit with the signals: shame or not wanting a group prefers a low-threshold
    inloop or a maatje and counts a fixed group against; wish for peers prefers
    lotgenoten groups; wish to learn prefers a course; wish to contribute
    prefers volunteering and residents' initiatives;
  * age and role (doelgroep) fit;
  * status: only ``actief`` offers are returned; ``gepauzeerd`` and ``gestopt``
    never. Offers not checked for longer than 12 months are returned but marked
    ``verouderd``, ranked slightly lower and say so in ``waarom``.
Every result carries ``waarom``: short B1 Dutch sentences with the reasons.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import List, Optional, Sequence, Tuple

from sqlalchemy.engine import Engine

from bot.kaart import vectors
from bot.kaart.index import Entry, entry_of, index_for
from bot.kaart.match import Match, kosten_text
from bot.kaart.postcodes import Area, area_of, try_parse_postcode
from bot.kaart.vocabulary import MatchingRules, SignalPreference, Vocabulary, matching_rules, vocabulary
from bot.taxonomy import taxonomy

log = logging.getLogger(__name__)

__all__ = ["zoek", "Match", "months_before"]


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


@dataclass(frozen=True)
class _Query:
    themas: Tuple[str, ...]
    pc4: Optional[str]
    area: Optional[Area]
    doelgroep: Optional[str]
    leeftijd: Optional[int]
    signals: Tuple[Tuple[str, SignalPreference, SignalPreference], ...]
    stale_before: date


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _fits(entry: Entry, pref: SignalPreference) -> Optional[Tuple[str, str]]:
    """(kind, code) of the first way ``entry`` meets ``pref``, or None."""
    r = entry.record
    if r.vorm in pref.vormen:
        return ("vormen", r.vorm)
    for kenmerk in r.kenmerken:
        if kenmerk in pref.kenmerken:
            return ("kenmerken", kenmerk)
    if r.toegang in pref.toegang:
        return ("toegang", r.toegang)
    if pref.formeel and r.formeel in pref.formeel:
        return ("formeel", "formeel" if r.formeel else "informeel")
    return None


def _score(entry: Entry, q: _Query, rules: MatchingRules, vocab: Vocabulary,
           explain: bool) -> Tuple[float, List[str], List[str], str]:
    """(score, sentences, reason codes, nearness). Sentences/codes only when ``explain``."""
    w = rules.weight
    r = entry.record
    score = 0.0
    sentences: List[str] = []
    codes: List[str] = []

    matched = [t for t in q.themas if t in entry.themas]
    if matched:
        score += w("thema_primair") if matched[0] == q.themas[0] else w("thema_overig")
        score += w("thema_overig") * (len(matched) - 1)
    if explain:
        labels = [_lower_first(taxonomy().themes[t].label) for t in matched]
        sentences.append("Past bij " + " en bij ".join(labels) + ".")
        codes += [f"thema:{t}" for t in matched]

    nearness = "onbekend"
    if q.pc4 is not None and q.pc4 in entry.pc4s:
        nearness = "wijk"
    elif q.area is not None:
        if entry.gemeente == q.area.gemeente.lower():
            nearness = "wijk" if entry.wijk and entry.wijk == q.area.wijk.lower() else "gemeente"
        else:
            nearness = "elders"
    if nearness == "wijk":
        score += w("wijk")
    elif nearness == "gemeente":
        score += w("gemeente")
    if explain:
        if nearness == "wijk":
            sentences.append(f"In uw wijk {r.wijk}." if r.wijk else "In uw buurt.")
        elif nearness == "gemeente":
            sentences.append(f"In uw gemeente, in de wijk {r.wijk}." if r.wijk else f"Voor heel {r.gemeente}.")
        elif nearness == "elders":
            sentences.append(f"Let op: dit is in {r.gemeente}.")
        codes.append(f"nabijheid:{nearness}")

    for code, pref, avoid in q.signals:
        against = _fits(entry, avoid)
        fit = None if against else _fits(entry, pref)
        if fit:
            score += w("signaal_past")
            if explain:
                # a fit by toegang is already said by the access sentence at the end
                zin = vocab.word(fit[0], fit[1], "zin") if fit[0] != "toegang" else ""
                if zin and zin not in sentences:
                    sentences.append(zin)
                codes.append(f"signaal:{code}={fit[1]}")
        elif against:
            score += w("signaal_past_niet")
            if explain:
                zin = f"Let op: dit is een {vocab.word(against[0], against[1])}."
                if zin not in sentences:
                    sentences.append(zin)
                codes.append(f"signaal_niet:{code}={against[1]}")

    if q.doelgroep and entry.doelgroepen:
        if q.doelgroep in entry.doelgroepen:
            score += w("doelgroep_past")
            if explain:
                sentences.append(f"Voor {vocab.word('doelgroepen', q.doelgroep)}.")
                codes.append(f"doelgroep:{q.doelgroep}")
        else:
            score += w("doelgroep_past_niet")
            if explain:
                groups = " en ".join(vocab.word("doelgroepen", d) for d in r.doelgroepen)
                sentences.append(f"Vooral voor {groups}.")
                codes.append(f"doelgroep_niet:{q.doelgroep}")
    if q.leeftijd is not None and (
            (r.leeftijd_min is not None and q.leeftijd < r.leeftijd_min)
            or (r.leeftijd_max is not None and q.leeftijd > r.leeftijd_max)):
        score += w("leeftijd_past_niet")
        if explain:
            from bot.kaart.match import age_text

            sentences.append(f"Let op: bedoeld voor {age_text(r)}.")
            codes.append(f"leeftijd_niet:{q.leeftijd}")

    if r.laatst_gecontroleerd < q.stale_before:
        score += w("verouderd")
        if explain:
            sentences.append("Let op: deze informatie is lang niet gecontroleerd.")
            codes.append(f"verouderd:{r.laatst_gecontroleerd.isoformat()}")

    if explain:
        access = vocab.word("toegang", r.toegang, "kort")
        kosten = kosten_text(r)
        sentences.append(f"{access}, {_lower_first(kosten)}." if kosten else f"{access}.")
    return score, sentences, codes, nearness


def _query(themas: Sequence[str], postcode: Optional[str], doelgroep: Optional[str], signalen: Sequence[str],
           leeftijd: Optional[int], today: date, rules: MatchingRules, vocab: Vocabulary) -> _Query:
    known = taxonomy().themes
    wanted: List[str] = []
    for t in themas:
        if t in known and t not in wanted:
            wanted.append(t)
        elif t not in known:
            log.warning("kaart search: unknown theme code %r ignored", t)
    parsed = try_parse_postcode(postcode) if postcode else None
    if postcode and parsed is None:
        log.warning("kaart search: %r is not a Dutch postcode; searching without location", postcode[:20])
    if doelgroep and doelgroep not in vocab.codes("doelgroepen"):
        log.warning("kaart search: unknown doelgroep %r ignored", doelgroep)
        doelgroep = None
    signals = tuple((s, rules.voorkeur.get(s, SignalPreference()), rules.liever_niet.get(s, SignalPreference()))
                    for s in dict.fromkeys(signalen) if s in rules.voorkeur or s in rules.liever_niet)
    return _Query(themas=tuple(wanted), pc4=parsed.pc4 if parsed else None, area=area_of(parsed),
                  doelgroep=doelgroep, leeftijd=leeftijd, signals=signals,
                  stale_before=months_before(today, rules.verouderd_na_maanden))


def _allowed_gemeente(area: Optional[Area], alleen_eigen_gemeente: bool, gemeente: Optional[str]) -> Optional[str]:
    if area is not None:
        return area.gemeente if alleen_eigen_gemeente else None
    return gemeente or None


def zoek(themas: Sequence[str], postcode: Optional[str] = None, doelgroep: Optional[str] = None,
         signalen: Sequence[str] = (), leeftijd: Optional[int] = None, limit: int = 3,
         engine: Optional[Engine] = None, *, vandaag: Optional[date] = None,
         alleen_eigen_gemeente: bool = False, gemeente: Optional[str] = None) -> List[Match]:
    """The best ``limit`` active offers for ``themas`` (first = primary), with reasons.

    ``leeftijd`` is the age of the person who would take part. With
    ``alleen_eigen_gemeente`` (and a postcode the PC4 table knows) offers of
    other gemeenten are left out. ``gemeente`` is where the person is assumed
    to live while no known postcode says otherwise (the gemeente whose website
    or KCC they use): only its offers are shown then. An invalid postcode, unknown theme or
    doelgroep is logged and ignored, never raised.
    """
    from bot.store import db

    rules, vocab = matching_rules(), vocabulary()
    q = _query(themas, postcode, doelgroep, signalen, leeftijd, vandaag or date.today(), rules, vocab)
    if not q.themas or limit <= 0:
        return []
    index = index_for(engine or db.default_engine())
    if not index.size:
        return []
    score, mask = vectors.scores(
        index.columns, rules, q.themas, q.pc4, q.area.gemeente if q.area else None,
        q.area.wijk if q.area else None, q.doelgroep, q.leeftijd, q.signals, q.stale_before,
        allowed_gemeente=_allowed_gemeente(q.area, alleen_eigen_gemeente, gemeente))
    results = []
    for row in vectors.top(index.columns, score, mask, limit):
        entry = entry_of(index.records[row])
        points, sentences, codes, nearness = _score(entry, q, rules, vocab, True)
        r = entry.record
        results.append(Match(
            id=r.id, naam=r.naam, themas=r.themas, wijk=r.wijk, gemeente=r.gemeente, waarom=" ".join(sentences),
            score=points, verouderd=r.laatst_gecontroleerd < q.stale_before, nabijheid=nearness,
            redenen=tuple(codes), record=r))
    return results

