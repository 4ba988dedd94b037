"""Column arrays of the active offers, so one search scores all candidates at once.

``search._score`` is the readable definition of the ranking and writes the
reasons; ``scores`` here computes exactly the same numbers with numpy for every
offer in a few hundred microseconds (tests/bot/kaart/test_ranking.py checks the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from bot.kaart.record import Aanbod
from bot.kaart.vocabulary import MatchingRules, SignalPreference, Vocabulary


def _bits(codes: Sequence[str], positions: Dict[str, int]) -> int:
    value = 0
    for code in codes:
        if code in positions:
            value |= 1 << positions[code]
    return value


@dataclass(frozen=True)
class Columns:
    theme_pos: Dict[str, int]
    themes: np.ndarray  # (n, themes) bool
    gemeente_pos: Dict[str, int]
    gemeente: np.ndarray  # int
    wijk_pos: Dict[Tuple[str, str], int]
    wijk: np.ndarray  # int, -1 = whole gemeente
    by_pc4: Dict[str, np.ndarray]  # pc4 -> row numbers of offers whose area lists it
    vorm_pos: Dict[str, int]
    vorm: np.ndarray
    toegang_pos: Dict[str, int]
    toegang: np.ndarray
    formeel: np.ndarray  # bool
    kenmerk_pos: Dict[str, int]
    kenmerken: np.ndarray  # bit mask
    doelgroep_pos: Dict[str, int]
    doelgroepen: np.ndarray  # bit mask
    age_min: np.ndarray  # -1 = none
    age_max: np.ndarray  # 1000 = none
    checked: np.ndarray  # date ordinal

    @property
    def size(self) -> int:
        return len(self.vorm)


def build_columns(records: List[Aanbod], theme_codes: Sequence[str], vocab: Vocabulary) -> Columns:
    n = len(records)
    theme_pos = {t: i for i, t in enumerate(theme_codes)}
    themes = np.zeros((n, len(theme_pos)), dtype=bool)
    gemeente_pos: Dict[str, int] = {}
    wijk_pos: Dict[Tuple[str, str], int] = {}
    by_pc4: Dict[str, List[int]] = {}
    positions = {name: {c: i for i, c in enumerate(vocab.codes(name))}
                 for name in ("vormen", "toegang", "kenmerken", "doelgroepen")}
    gemeente, wijk, vorm, toegang = (np.zeros(n, dtype=np.int32) for _ in range(4))
    formeel = np.zeros(n, dtype=bool)
    kenmerken, doelgroepen = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    age_min, age_max, checked = (np.zeros(n, dtype=np.int32) for _ in range(3))
    for row, r in enumerate(records):
        for t in r.themas:
            if t in theme_pos:
                themes[row, theme_pos[t]] = True
        g = r.gemeente.lower()
        gemeente[row] = gemeente_pos.setdefault(g, len(gemeente_pos))
        wijk[row] = wijk_pos.setdefault((g, r.wijk.lower()), len(wijk_pos)) if r.wijk else -1
        for pc4 in r.postcodes:
            by_pc4.setdefault(pc4, []).append(row)
        vorm[row] = positions["vormen"].get(r.vorm, -1)
        toegang[row] = positions["toegang"].get(r.toegang, -1)
        formeel[row] = r.formeel
        kenmerken[row] = _bits(r.kenmerken, positions["kenmerken"])
        doelgroepen[row] = _bits(r.doelgroepen, positions["doelgroepen"])
        age_min[row] = -1 if r.leeftijd_min is None else r.leeftijd_min
        age_max[row] = 1000 if r.leeftijd_max is None else r.leeftijd_max
        checked[row] = r.laatst_gecontroleerd.toordinal()
    return Columns(
        theme_pos=theme_pos, themes=themes, gemeente_pos=gemeente_pos, gemeente=gemeente, wijk_pos=wijk_pos,
        wijk=wijk, by_pc4={k: np.array(v, dtype=np.int64) for k, v in by_pc4.items()},
        vorm_pos=positions["vormen"], vorm=vorm, toegang_pos=positions["toegang"], toegang=toegang,
        formeel=formeel, kenmerk_pos=positions["kenmerken"], kenmerken=kenmerken,
        doelgroep_pos=positions["doelgroepen"], doelgroepen=doelgroepen, age_min=age_min, age_max=age_max,
        checked=checked,
    )


def _meets(c: Columns, pref: SignalPreference) -> np.ndarray:
    """Vector twin of ``search._fits``: does each offer meet ``pref`` in any way?"""
    hit = np.zeros(c.size, dtype=bool)
    if pref.vormen:
        hit |= np.isin(c.vorm, [c.vorm_pos[v] for v in pref.vormen if v in c.vorm_pos])
    if pref.kenmerken:
        hit |= (c.kenmerken & _bits(sorted(pref.kenmerken), c.kenmerk_pos)) != 0
    if pref.toegang:
        hit |= np.isin(c.toegang, [c.toegang_pos[t] for t in pref.toegang if t in c.toegang_pos])
    if pref.formeel:
        hit |= np.isin(c.formeel, list(pref.formeel))
    return hit


def scores(c: Columns, rules: MatchingRules, themas: Sequence[str], pc4: Optional[str],
           area_gemeente: Optional[str], area_wijk: Optional[str], doelgroep: Optional[str],
           leeftijd: Optional[int], signals: Sequence[Tuple[str, SignalPreference, SignalPreference]],
           stale_before: date, allowed_gemeente: Optional[str] = None) -> Tuple[np.ndarray, np.ndarray]:
    """(score per offer, candidate mask): candidates cover at least one of ``themas``."""
    w = rules.weight
    columns = [c.theme_pos[t] for t in themas if t in c.theme_pos]
    if not columns:
        return np.zeros(c.size), np.zeros(c.size, dtype=bool)
    sub = c.themes[:, columns]
    count = sub.sum(axis=1)
    primary = sub[:, 0] if themas[0] in c.theme_pos else np.zeros(c.size, dtype=bool)
    score = np.where(primary, w("thema_primair") + w("thema_overig") * (count - 1), w("thema_overig") * count)
    mask = count > 0

    near_wijk = np.zeros(c.size, dtype=bool)
    if pc4 is not None and pc4 in c.by_pc4:
        near_wijk[c.by_pc4[pc4]] = True
    near_gemeente = np.zeros(c.size, dtype=bool)
    if area_gemeente is not None:
        g = c.gemeente_pos.get(area_gemeente.lower(), -2)
        same = c.gemeente == g
        key = (area_gemeente.lower(), (area_wijk or "").lower())
        near_wijk |= same & (c.wijk == c.wijk_pos.get(key, -2))
        near_gemeente = same & ~near_wijk
    score = score + w("wijk") * near_wijk + w("gemeente") * near_gemeente
    if allowed_gemeente is not None:
        mask &= c.gemeente == c.gemeente_pos.get(allowed_gemeente.lower(), -2)

    for _code, pref, avoid in signals:
        against = _meets(c, avoid)
        fit = ~against & _meets(c, pref)
        score = score + w("signaal_past") * fit + w("signaal_past_niet") * against

    if doelgroep is not None and doelgroep in c.doelgroep_pos:
        has_roles = c.doelgroepen != 0
        in_role = (c.doelgroepen & (1 << c.doelgroep_pos[doelgroep])) != 0
        score = score + w("doelgroep_past") * (has_roles & in_role) + w("doelgroep_past_niet") * (has_roles & ~in_role)
    if leeftijd is not None:
        score = score + w("leeftijd_past_niet") * ((leeftijd < c.age_min) | (leeftijd > c.age_max))
    score = score + w("verouderd") * (c.checked < stale_before.toordinal())
    return score, mask


def top(c: Columns, score: np.ndarray, mask: np.ndarray, limit: int) -> List[int]:
    """Row numbers of the best ``limit`` candidates: score, then most recently checked, then row order."""
    rows = np.flatnonzero(mask)
    if rows.size == 0:
        return []
    order = np.lexsort((rows, -c.checked[rows], -score[rows]))
    return [int(r) for r in rows[order[:limit]]]


__all__ = ["Columns", "build_columns", "scores", "top"]
