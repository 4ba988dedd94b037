"""From signals and themes to an advies, with its reasons.

The order is fixed here because it is about safety (BRIEF.md "Safety" and
"Collective: when it fits and when not"; 002: 4175-4245):

1. any crisis signal                      -> ``crisis`` (no group, ever)
2. any contra-indicatie                   -> ``eerst_individueel``
3. indicaties, and the theme needs an
   individual route next to a group       -> ``combinatie``
4. indicaties                             -> ``collectief_mogelijk``
5. otherwise                              -> ``verheldering_nodig``

Which themes need an individual route, and every reason text, live in
``data/signalen/advies.yml``; labels come from the taxonomy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import yaml

from bot import paths
from bot.taxonomy import Taxonomy
from bot.triage.language import RuleError
from bot.triage.normalize import strip_accents
from bot.triage.result import Advice, Advies, Signal, ThemeScore

ADVICE_FILE = paths.SIGNALS_DIR / "advies.yml"
TEXT_KEYS = {
    "signaal": ("label", "bewijs"), "crisis_eerst": (), "contra_eerst": (), "later_misschien": ("label",),
    "thema_route": ("label", "reden"), "collectief": (), "thema": ("label",), "thema_onduidelijk": (),
    "geen_wens": (), "doorvragen": (),
}
MAX_BEWIJS_IN_REASON = 120
_WORD = re.compile(r"[\w'-]+", re.UNICODE)


@dataclass(frozen=True)
class Route:
    thema: str
    reden: str
    woorden: Tuple[str, ...] = ()  # empty: the route always applies to this theme


@dataclass(frozen=True)
class AdviceRules:
    routes: Dict[str, Route]
    secondary_from: float
    texts: Dict[str, str]


def _plain(text: str) -> str:
    """Lower-case words without accents, separated and surrounded by one space."""
    return " " + " ".join(_WORD.findall(strip_accents(text.lower()))) + " "


def _mentions(words: Iterable[str], plain_text: str) -> bool:
    for word in words:
        if word.endswith("*"):
            if re.search(r" " + re.escape(word[:-1]), plain_text):
                return True
        elif f" {word} " in plain_text:
            return True
    return False


def load_advice_rules(path: Path = ADVICE_FILE, taxonomy: Optional[Taxonomy] = None) -> AdviceRules:
    """Read and check advies.yml; errors name the file and the entry."""
    if taxonomy is None:
        from bot.taxonomy import taxonomy as current_taxonomy

        taxonomy = current_taxonomy()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(raw, dict):
        raise RuleError(f"{path}: expected a mapping at the top level")
    routes = {}
    for code, entry in (raw.get("individuele_route") or {}).items():
        where = f"{path}: individuele_route.{code}"
        if code not in taxonomy.themes:
            raise RuleError(f"{where}: {code!r} is not a theme of the taxonomy")
        if not isinstance(entry, dict) or not str(entry.get("reden", "")).strip():
            raise RuleError(f"{where}: 'reden' is missing")
        woorden = entry.get("woorden") or []
        if not isinstance(woorden, list):
            raise RuleError(f"{where}: 'woorden' must be a list")
        plain = tuple(_plain(str(w)).strip() + ("*" if str(w).endswith("*") else "") for w in woorden)
        routes[code] = Route(code, str(entry["reden"]).strip(), tuple(w for w in plain if w.strip("*")))
    secondary = raw.get("tweede_thema_vanaf", 1.0)
    if not isinstance(secondary, (int, float)) or not 0 <= secondary <= 1:
        raise RuleError(f"{path}: 'tweede_thema_vanaf' must be a number from 0 to 1")
    texts = raw.get("teksten") or {}
    for key, fields in TEXT_KEYS.items():
        text = texts.get(key) if isinstance(texts, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise RuleError(f"{path}: teksten.{key} is missing")
        try:
            text.format(**{f: "x" for f in fields})
        except (KeyError, IndexError, ValueError) as exc:
            raise RuleError(f"{path}: teksten.{key}: unknown or broken placeholder ({exc}); "
                            f"allowed: {', '.join(fields) or 'none'}") from exc
    return AdviceRules(routes=routes, secondary_from=float(secondary), texts={k: texts[k] for k in TEXT_KEYS})


@lru_cache(maxsize=1)
def default_advice_rules() -> AdviceRules:
    return load_advice_rules()


def _short(bewijs: str) -> str:
    bewijs = " ".join(bewijs.split())
    return bewijs if len(bewijs) <= MAX_BEWIJS_IN_REASON else bewijs[:MAX_BEWIJS_IN_REASON - 1] + "…"


class _Reasons:
    def __init__(self, rules: AdviceRules, taxonomy: Taxonomy):
        self.texts = rules.texts
        self.taxonomy = taxonomy

    def label(self, code: str) -> str:
        if code in self.taxonomy.signals:
            return self.taxonomy.signals[code].label
        if code in self.taxonomy.themes:
            return self.taxonomy.themes[code].label
        return code

    def signal(self, signal: Signal) -> str:
        return self.texts["signaal"].format(label=self.label(signal.code), bewijs=_short(signal.bewijs))

    def text(self, key: str, **values: str) -> str:
        return self.texts[key].format(**values)


def _routes(themes: Sequence[ThemeScore], signals: Sequence[Signal], thema: str, tekst: str,
            rules: AdviceRules) -> List[Route]:
    codes = [thema] + [t.thema for t in themes if t.zekerheid >= rules.secondary_from and t.thema != thema]
    evidence = _plain(" ".join([tekst, *(s.bewijs for s in signals), *(t.waarom for t in themes)]))
    found = []
    for code in dict.fromkeys(codes):
        route = rules.routes.get(code)
        if route and (not route.woorden or _mentions(route.woorden, evidence)):
            found.append(route)
    return found


def advise(themes: Sequence[ThemeScore], signals: Sequence[Signal], thema: str, tekst: str = "", *,
           rules: Optional[AdviceRules] = None, taxonomy: Optional[Taxonomy] = None) -> Advice:
    """The advies for one hulpvraag, with short Dutch reasons.

    ``tekst`` (optional) is the inwoner's text: with it, a theme's individual
    route can see words like "schulden"; without it only the signals' bewijs
    and the themes' ``waarom`` are searched.
    """
    if taxonomy is None:
        from bot.taxonomy import taxonomy as current_taxonomy

        taxonomy = current_taxonomy()
    rules = rules or default_advice_rules()
    if thema != taxonomy.onduidelijk and thema not in taxonomy.themes:
        raise ValueError(f"advise: thema {thema!r} is not a theme of the taxonomy nor {taxonomy.onduidelijk!r}")
    reasons = _Reasons(rules, taxonomy)
    by_kind: Dict[str, List[Signal]] = {"crisis": [], "contra": [], "indicatie": []}
    for signal in signals:
        by_kind.setdefault(signal.soort, []).append(signal)

    if by_kind["crisis"]:
        lines = [reasons.signal(s) for s in by_kind["crisis"]] + [reasons.text("crisis_eerst")]
        return Advice(Advies.CRISIS, tuple(lines))
    if by_kind["contra"]:
        lines = [reasons.signal(s) for s in by_kind["contra"]] + [reasons.text("contra_eerst")]
        lines += [reasons.text("later_misschien", label=reasons.label(s.code)) for s in by_kind["indicatie"]]
        return Advice(Advies.EERST_INDIVIDUEEL, tuple(lines))
    if by_kind["indicatie"]:
        lines = [reasons.signal(s) for s in by_kind["indicatie"]]
        routes = _routes(themes, signals, thema, tekst or "", rules)
        if routes:
            lines += [reasons.text("thema_route", label=reasons.label(r.thema), reden=r.reden) for r in routes]
            return Advice(Advies.COMBINATIE, tuple(lines))
        return Advice(Advies.COLLECTIEF_MOGELIJK, tuple(lines + [reasons.text("collectief")]))
    if thema == taxonomy.onduidelijk:
        lines = [reasons.text("thema_onduidelijk"), reasons.text("doorvragen")]
    else:
        lines = [reasons.text("thema", label=reasons.label(thema)), reasons.text("geen_wens"),
                 reasons.text("doorvragen")]
    return Advice(Advies.VERHELDERING_NODIG, tuple(lines))
